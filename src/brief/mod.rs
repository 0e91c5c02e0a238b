//! `amicus brief`: the follow-up brief, after a committee adopts its concluding observations.
//!
//! The comparison itself ([`compare`]) is pure; the assessment's prose is converted once per
//! output format ([`prose`]): Typst through [`crate::markup`], HTML through [`html`]. The
//! views ([`view`]) and the matrix ([`matrix`]) are built from the comparison.

pub mod compare;
pub mod html;
pub mod matrix;
pub mod prose;
pub mod view;
pub mod words;
