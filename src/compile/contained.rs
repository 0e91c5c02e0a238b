//! Compiling a document that a template override wrote, where its failure is contained
//! ([`super::sandbox`]): the Typst of an override is code from someone else.
//!
//! [`export`] lays out the job and writes the PDF in a child process and brings back what the
//! build needs of the laid-out document: the PDF, the page count, the warnings, the lines
//! that run into the margin and, for `amicus preview`, each page drawn as SVG.

use super::sandbox::{self, Frames, Stopped, Unframe};
use super::{Job, Overfull, PdfSettings, PdfStandardChoice, TypstDiagnostic, export_pdf, overfull_lines, page_count};
use crate::date::Date;
use std::str::FromStr;
use typst_layout::PagedDocument;

/// A page drawn as SVG, with its size in points.
#[derive(Debug, Clone, PartialEq)]
pub struct SvgPage {
    /// Width in points.
    pub width: f64,
    /// Height in points.
    pub height: f64,
    /// The page.
    pub svg: String,
}

/// A laid-out document, as far as a build needs it.
pub struct Exported {
    /// The PDF.
    pub pdf: Vec<u8>,
    /// Its pages.
    pub pages: usize,
    /// Typst's warnings.
    pub warnings: Vec<TypstDiagnostic>,
    /// Lines that run into the margin.
    pub overfull: Vec<Overfull>,
    /// The laid-out document, when it was laid out in this process.
    pub document: Option<PagedDocument>,
    /// The pages as SVG, when asked for and laid out in a child.
    pub svg_pages: Vec<SvgPage>,
}

impl Exported {
    /// What a build needs of a document laid out here and its PDF.
    pub fn of(document: PagedDocument, warnings: Vec<TypstDiagnostic>, pdf: Vec<u8>) -> Exported {
        Exported {
            pdf,
            pages: page_count(&document),
            overfull: overfull_lines(&document),
            warnings,
            document: Some(document),
            svg_pages: Vec::new(),
        }
    }
}

/// Why there is no PDF.
#[derive(Debug)]
pub enum Failed {
    /// Typst's errors (and warnings) laying it out.
    Compile(Vec<TypstDiagnostic>),
    /// Typst's errors writing the PDF.
    Pdf(Vec<TypstDiagnostic>),
    /// The child was stopped: out of time or memory, or it crashed.
    Stopped(Stopped),
}

/// Lays out `job` and writes its PDF in a contained child ([`sandbox::run`]); the pages come
/// back as SVG too when `svg_pages`. In a process that cannot run itself (tests of the
/// library) it is done here.
///
/// # Errors
///
/// Typst's errors, or how the child was stopped.
pub fn export(job: &Job, settings: &PdfSettings, svg_pages: bool) -> Result<Exported, Failed> {
    if !sandbox::enabled() {
        return export_here(job, settings, svg_pages);
    }
    let mut request = Frames::default();
    request
        .put(job.main_name.as_bytes())
        .put(job.main.as_bytes())
        .put(job.date.to_string().as_bytes())
        .put(settings.ident.as_bytes())
        .put(settings.standard.as_str().as_bytes())
        .put(if svg_pages { b"1" } else { b"0" })
        .put(job.files.len().to_string().as_bytes());
    for (name, bytes) in &job.files {
        request.put(name.as_bytes()).put(bytes);
    }
    let answer = sandbox::run("compile", &request.into_bytes()).map_err(Failed::Stopped)?;
    read_answer(&answer)
        .unwrap_or_else(|| Err(Failed::Stopped(Stopped::Crashed("its answer could not be read".into()))))
}

/// [`export`] in this process.
fn export_here(job: &Job, settings: &PdfSettings, svg_pages: bool) -> Result<Exported, Failed> {
    let compiled = super::compile(job).map_err(Failed::Compile)?;
    let pdf = export_pdf(&compiled.document, settings).map_err(Failed::Pdf)?;
    let mut exported = Exported::of(compiled.document, compiled.warnings, pdf);
    if svg_pages && let Some(document) = &exported.document {
        exported.svg_pages = document
            .pages()
            .iter()
            .map(|page| SvgPage {
                width: page.frame.width().to_pt(),
                height: page.frame.height().to_pt(),
                svg: typst_svg::svg(page, &typst_svg::SvgOptions::default()),
            })
            .collect();
    }
    Ok(exported)
}

/// The child's side of [`export`]: the request in, the answer out.
pub fn serve(request: &[u8]) -> Vec<u8> {
    let mut answer = Frames::default();
    let Some((main_name, job, settings, svg_pages)) = read_request(request) else {
        answer.put(b"error").put(b"[]");
        return answer.into_bytes();
    };
    let job = Job { main_name: &main_name, ..job };
    match export_here(&job, &settings, svg_pages) {
        Ok(e) => {
            answer
                .put(b"ok")
                .put(&e.pdf)
                .put(e.pages.to_string().as_bytes())
                .put(&serde_json::to_vec(&e.warnings).unwrap_or_default())
                .put(&serde_json::to_vec(&e.overfull).unwrap_or_default())
                .put(e.svg_pages.len().to_string().as_bytes());
            for page in &e.svg_pages {
                answer
                    .put(page.width.to_string().as_bytes())
                    .put(page.height.to_string().as_bytes())
                    .put(page.svg.as_bytes());
            }
        }
        Err(Failed::Compile(d)) => {
            answer.put(b"compile").put(&serde_json::to_vec(&d).unwrap_or_default());
        }
        Err(Failed::Pdf(d)) => {
            answer.put(b"pdf").put(&serde_json::to_vec(&d).unwrap_or_default());
        }
        Err(Failed::Stopped(_)) => unreachable!("export_here runs here"),
    }
    answer.into_bytes()
}

/// A request as [`export`] writes it.
fn read_request(request: &[u8]) -> Option<(String, Job<'static>, PdfSettings, bool)> {
    let mut r = Unframe::new(request);
    let main_name = r.text()?.to_owned();
    let main = r.text()?.to_owned();
    let date = Date::parse(r.text()?)?;
    let ident = r.text()?.to_owned();
    let standard = PdfStandardChoice::from_str(r.text()?).ok()?;
    let svg_pages = r.text()? == "1";
    let count: usize = r.text()?.parse().ok()?;
    let mut files = Vec::new();
    for _ in 0..count {
        files.push((r.text()?.to_owned(), r.bytes()?.to_vec()));
    }
    Some((main_name, Job { main_name: "", main, files, date }, PdfSettings { ident, date, standard }, svg_pages))
}

/// An answer as [`serve`] writes it.
fn read_answer(answer: &[u8]) -> Option<Result<Exported, Failed>> {
    let mut r = Unframe::new(answer);
    match r.text()? {
        "ok" => {
            let pdf = r.bytes()?.to_vec();
            let pages = r.text()?.parse().ok()?;
            let warnings = serde_json::from_slice(r.bytes()?).ok()?;
            let overfull = serde_json::from_slice(r.bytes()?).ok()?;
            let count: usize = r.text()?.parse().ok()?;
            let mut svg_pages = Vec::new();
            for _ in 0..count {
                let width = r.text()?.parse().ok()?;
                let height = r.text()?.parse().ok()?;
                svg_pages.push(SvgPage { width, height, svg: r.text()?.to_owned() });
            }
            Some(Ok(Exported { pdf, pages, warnings, overfull, document: None, svg_pages }))
        }
        "compile" => Some(Err(Failed::Compile(serde_json::from_slice(r.bytes()?).ok()?))),
        "pdf" => Some(Err(Failed::Pdf(serde_json::from_slice(r.bytes()?).ok()?))),
        _ => None,
    }
}
