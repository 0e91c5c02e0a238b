//! The shadow report: its view for the templates and its document model.

pub mod model;
pub mod view;
