//! The writers: each turns the document model ([`crate::doc`]) into one format.

pub mod docx;
pub mod html;
pub mod template;
pub mod typst;
pub mod xlsx;
