//! The shadow report, built from a loaded submission ([`crate::load::Loaded`]) and its prose
//! read once ([`crate::load::prose`]): the view `report.typ` lays out ([`view`]), the document
//! model the Word writer writes ([`model`]), and the report's Typst ([`render_report`]).

pub mod model;
pub mod view;

use crate::diag::Diagnostic;

/// Renders the report's Typst source from a loaded submission: the one rendering path, used by
/// `amicus build`, `check` (to count the words of the document as printed), tests and the benchmark.
pub fn render_report(
    loaded: &crate::load::Loaded,
    prepared: &crate::load::prose::Prepared,
) -> Result<String, Diagnostic> {
    let templates = crate::writers::template::Templates::for_folder(&loaded.folder);
    templates.render("report.typ", &crate::report::view::report(loaded, prepared))
}
