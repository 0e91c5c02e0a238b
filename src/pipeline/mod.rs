//! The runners, above everything else: each takes a folder and the user's options and runs
//! load → check → document model → writers → compile → write, once, timed.
//!
//! - [`build`]: `amicus build`, the shadow report (PDF, Word);
//! - [`brief`]: `amicus brief`, the follow-up brief (PDF, web page, Word, matrix);
//! - [`check`]: `amicus check` on a folder (the report's checks and, with an assessment, the
//!   brief's);
//! - [`watch`], [`batch`], [`preview`]: the same builds again on every save, several at once,
//!   or behind a page in the browser;
//! - [`output`]: what they share (output folder, stage timings, the failure they return,
//!   Typst's diagnostics in the user's terms).

pub mod batch;
pub mod brief;
pub mod build;
pub mod check;
pub mod output;
pub mod preview;
pub mod watch;
