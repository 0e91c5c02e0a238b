//! Amicus: shadow reports and follow-up briefs for UN human-rights treaty bodies.
pub mod markup;
