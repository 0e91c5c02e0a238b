//! Output files: turning finished bytes into files on disk.
//!
//! [`write_atomic`] writes an output without ever leaving a half-written
//! file. The Typst compiler will be embedded here next.

mod write;

pub use write::write_atomic;
