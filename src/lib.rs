//! Amicus: shadow reports and follow-up briefs for UN human-rights treaty bodies.
//!
//! The data flows through modules in this order:
//! [`load`] (YAML → [`model`], located problems) → [`prepare`] (Markdown → Typst, words) →
//! [`check`] (what serde cannot express) → `render` (view → Typst via minijinja; [`markup`]
//! is the only escaping path) → [`compile`] (embedded Typst → PDF).
//!
//! Word output: the submission becomes a [`doc::Document`] once ([`doc::report`]), which
//! [`docx`] writes as a `.docx` with its own escaping ([`docx::xml`]).

pub mod batch;
pub mod boundary;
pub mod brief;
pub mod build;
pub mod check;
pub mod cli;
pub mod compile;
pub mod date;
pub mod diag;
pub mod doc;
pub mod docx;
pub mod followup;
pub mod i18n;
pub mod images;
pub mod import;
pub mod inspect;
pub mod load;
pub mod markup;
pub mod model;
pub mod output;
pub mod prepare;
pub mod preview;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod suggest;
pub mod textstyle;
pub mod version;
pub mod view;
pub mod watch;
