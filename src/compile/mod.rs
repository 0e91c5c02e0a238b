//! Output files and the document date.
//!
//! [`write_atomic`] writes an output without ever leaving a half-written
//! file; [`Date`] is the report date that will fix Typst's clock and the PDF
//! timestamp. The Typst compiler will be embedded here next.

mod date;
mod write;

pub use date::Date;
pub use write::write_atomic;
