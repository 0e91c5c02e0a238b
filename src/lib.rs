//! Amicus: shadow reports and follow-up briefs for UN human-rights treaty bodies.

pub mod compile;
pub mod diag;
pub mod load;
pub mod markup;
pub mod model;
pub mod suggest;
