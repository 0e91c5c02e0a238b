//! The runners: load → check → document model → writers → compile → write.

pub mod batch;
pub mod brief;
pub mod build;
pub mod check;
pub mod output;
pub mod preview;
pub mod watch;
