//! Amicus: shadow reports and follow-up briefs for UN human-rights treaty bodies.
//!
//! The modules sit in layers, and imports run downward only (`docs/architecture.md`;
//! `tests/architecture.rs` checks it):
//!
//! - [`date`], [`diag`], [`fs`]: dates, diagnostics, the guarded read and the atomic write;
//! - [`model`] (what the advocate writes) and [`i18n`] (every fixed word, from `locales/`);
//! - [`compile`] (embedded Typst → laid-out document, PDF) and [`doc`] (the document model,
//!   the Markdown reader, and the typography, word-count and link rules every writer shares);
//! - [`writers`]: Typst, HTML, Word, xlsx, and the templates;
//! - [`load`] (a folder → [`load::Loaded`], its prose read once) and [`import`] (a CO's PDF or
//!   Word → YAML);
//! - [`report`] and [`suggest`]; then [`brief`] (comparison, the brief's model and matrix);
//! - [`check`]: every rule on the model, every problem located;
//! - [`pipeline`]: `build`, `brief`, `check` on a folder, `watch`, `batch`, `preview`;
//! - [`cli`], [`schema`], [`scaffold`], and the binary's `commands`.

pub mod brief;
pub mod check;
pub mod ci;
pub mod cli;
pub mod compile;
pub mod date;
pub mod diag;
pub mod doc;
pub mod fs;
pub mod i18n;
pub mod import;
pub mod load;
pub mod model;
pub mod pipeline;
pub mod report;
pub mod scaffold;
pub mod schema;
pub mod suggest;
pub mod writers;
