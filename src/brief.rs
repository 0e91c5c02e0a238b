//! The follow-up brief's content, pure (no I/O): the comparison of the submission's
//! recommendations with the concluding observations and the assessment ([`compare`]), the
//! view `brief.typ` and `brief.html` lay out ([`view`]), the document model the Word writer
//! writes ([`model`]), the assessment's prose ([`prose`]) and the annex matrix ([`matrix`]).
//! `amicus brief` itself is [`crate::pipeline::brief`].

pub mod compare;
pub mod matrix;
pub mod model;
pub mod prose;
pub mod view;
pub mod words;
