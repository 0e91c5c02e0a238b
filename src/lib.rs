//! Amicus: shadow reports and follow-up briefs for UN human-rights treaty bodies.

pub mod brief;
pub mod check;
pub mod cli;
pub mod compile;
pub mod date;
pub mod diag;
pub mod doc;
pub mod fs;
pub mod i18n;
pub mod import;
pub mod load;
pub mod model;
pub mod pipeline;
pub mod report;
pub mod scaffold;
pub mod schema;
pub mod suggest;
pub mod writers;
