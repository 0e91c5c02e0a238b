//! Amicus: shadow reports and follow-up briefs for UN human-rights treaty bodies.

pub mod diag;
pub mod import;
pub mod load;
pub mod model;
