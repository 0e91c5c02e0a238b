//! Typst markup: the only module that knows how Typst escaping works.
//!
//! **Takes** plain text (from YAML fields) or Markdown (finding bodies, recommendations),
//! **gives** Typst source that is safe to splice into a template: it compiles, and whatever the
//! user wrote shows up literally in the PDF. Nothing a user types can run Typst code, create a
//! label or reference, or change the structure of the surrounding template.
//!
//! Three entry points:
//!
//! - [`escape_markup_quoted`] / [`escape_markup`] — rule set A (tech-notes §2.3): plain text for
//!   *markup* positions such as `= {{ title }}` or `#emph[{{ name }}]`, with the typographic
//!   quotes and apostrophe of the document's language ([`crate::doc::typography::Quotes`]), or quotes kept straight.
//! - [`string_literal`] — rule set S: a complete Typst string literal for *code* positions such as
//!   `#set document(title: {{ title | typst_str }})`.
//! - [`markdown_to_typst`] — GFM Markdown to Typst markup, with footnotes, footnotes that cite
//!   known sources, word counts and located problems: Markdown is read into the document
//!   model by the one reader ([`crate::doc::markdown::read_markdown`]), and the model written
//!   as Typst by [`blocks_to_typst`] (also [`inlines_to_typst`], for citations).
//!
//! Words are counted by [`crate::doc::word_count::count_words`], the one rule for limits.
//!
//! The limits of the Markdown reading are listed in [`crate::doc::markdown`].

mod convert;
mod escape;
mod parts;
mod words;

#[cfg(test)]
pub(crate) mod tests;

pub use convert::{
    Converted, ImageUse, MarkdownOptions, MarkupProblem, Severity, WordCount, XrefTarget, blocks_to_typst,
    inlines_to_typst, markdown_to_typst,
};
pub use escape::{
    escape_markup, escape_markup_quoted, escape_markup_quoted_string, escape_markup_string, string_literal,
    string_literal_quoted,
};
pub use parts::document_to_typst;
pub use words::{PrintedWords, printed_words};
