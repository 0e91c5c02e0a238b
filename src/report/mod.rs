//! The shadow report, built from a loaded submission ([`crate::load::Loaded`]) and its prose
//! read once ([`crate::load::prose`]): its facts ([`view`]), its document model, the one
//! structure every writer writes ([`model`]), and its Typst ([`render`]).

pub mod model;
pub mod view;

use crate::diag::Diagnostic;

/// What `report.typ` receives: the metadata and labels it sets the document up with, and
/// the body, every part written from the document model.
#[derive(serde::Serialize)]
struct Frame<'a> {
    /// Title, language, paper …
    meta: &'a view::Meta,
    /// The fixed words (page numbers, "Figure", "Ibid." …).
    labels: &'a view::Labels,
    /// The report's parts, as Typst.
    body: crate::writers::template::Typst,
}

/// The report's Typst: the document model written by the Typst writer, placed in
/// `report.typ` (the submission's own, if it has one), which sets the document up.
///
/// # Errors
///
/// A template that cannot be rendered, located in the template.
pub fn render(
    templates: &crate::writers::template::Templates,
    view: &view::ReportView,
    document: &crate::doc::Document,
) -> Result<String, Diagnostic> {
    let body = crate::writers::template::Typst(crate::writers::typst::document_to_typst(document));
    templates.render("report.typ", &Frame { meta: &view.meta, labels: &view.labels, body })
}

/// The report's Typst from a loaded submission, its view and document model built here: for
/// tests and the benchmark, which need nothing else. `amicus build` builds them once and
/// uses them for the Typst, the word count and the Word document alike.
///
/// # Errors
///
/// As [`render`].
pub fn render_report(
    loaded: &crate::load::Loaded,
    prepared: &crate::load::prose::Prepared,
) -> Result<String, Diagnostic> {
    let view = view::report(loaded, prepared);
    let document = model::report(loaded, prepared, &view);
    render(&crate::writers::template::Templates::for_folder(&loaded.folder), &view, &document)
}
