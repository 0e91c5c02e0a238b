//! The follow-up brief: the comparison and the brief's document model.

pub mod compare;
pub mod matrix;
pub mod model;
pub mod prose;
pub mod view;
pub mod words;
