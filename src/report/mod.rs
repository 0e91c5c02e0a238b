//! The shadow report, built from a loaded submission ([`crate::load::Loaded`]) and its prose
//! read once ([`crate::load::prose`]): the view `report.typ` lays out ([`view`]), the document
//! model the Word writer writes ([`model`]), and the report's Typst ([`render_report`]).

pub mod model;
pub mod view;

use crate::diag::Diagnostic;

/// The report's Typst: its view placed in `report.typ` (the submission's own, if it has one).
///
/// # Errors
///
/// A template that cannot be rendered, located in the template.
pub fn render(templates: &crate::writers::template::Templates, view: &view::ReportView) -> Result<String, Diagnostic> {
    templates.render("report.typ", view)
}

/// The report's Typst from a loaded submission, its view built here: for tests and the
/// benchmark, which need nothing else. `amicus build` builds the view once and uses it for
/// the Typst, the word count and the Word document alike.
///
/// # Errors
///
/// As [`render`].
pub fn render_report(
    loaded: &crate::load::Loaded,
    prepared: &crate::load::prose::Prepared,
) -> Result<String, Diagnostic> {
    render(&crate::writers::template::Templates::for_folder(&loaded.folder), &view::report(loaded, prepared))
}
