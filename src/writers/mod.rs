//! The writers: each turns the document model ([`crate::doc`]) into one format, escaping with
//! its own one rule set.
//!
//! - [`typst`]: Typst markup, the only module that knows Typst escaping (the PDF);
//! - [`html`]: HTML (the brief's web page);
//! - [`docx`]: Word, Office Open XML;
//! - [`xlsx`]: a table as a spreadsheet (the brief's matrix);
//! - [`template`]: where templates come from (built in, or the submission's `templates/`) and
//!   the minijinja environment that places a view in `report.typ`, `brief.typ` and
//!   `brief.html`, auto-escaped for Typst.
//!
//! Writers know nothing of reports or briefs: they sit below [`crate::load`] and every
//! document model.

pub mod docx;
pub mod html;
pub mod template;
pub mod typst;
pub mod xlsx;
