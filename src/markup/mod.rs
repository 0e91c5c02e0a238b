//! Typst markup: the only module that knows how Typst escaping works.
//!
//! **Takes** plain text (from YAML fields) or Markdown (finding bodies, recommendations),
//! **gives** Typst source that is safe to splice into a template: it compiles, and whatever the
//! user wrote shows up literally in the PDF. Nothing a user types can run Typst code, create a
//! label or reference, or change the structure of the surrounding template.
//!
//! - [`escape_markup`] / [`escape_markup_string`] — rule set A (tech-notes §2.3): plain text for
//!   *markup* positions such as `= {{ title }}` or `#emph[{{ name }}]`.
//! - [`string_literal`] — rule set S: a complete Typst string literal for *code* positions such as
//!   `#set document(title: {{ title | typst_str }})`.

mod escape;

#[cfg(test)]
mod tests;

pub use escape::{escape_markup, escape_markup_string, string_literal};
