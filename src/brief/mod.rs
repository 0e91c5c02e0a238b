//! `amicus brief`: the follow-up brief, after a committee adopts its concluding observations.
//!
//! The comparison itself ([`compare`]) is pure; the assessment's prose is converted once per
//! output format ([`prose`]): Typst through [`crate::markup`], HTML through [`html`].

pub mod compare;
pub mod html;
pub mod prose;
pub mod words;
