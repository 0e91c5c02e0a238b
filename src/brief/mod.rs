//! `amicus brief`: the follow-up brief, after a committee adopts its concluding observations.
//!
//! This first part is the comparison itself ([`compare`]): pure functions from the
//! submission, the concluding observations and the assessment to what the brief says.

pub mod compare;
pub mod words;
