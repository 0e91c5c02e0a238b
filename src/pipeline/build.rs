//! `amicus build`: the whole pipeline for one submission, stage by stage, timed.
//!
//! load → prepare and check → render (minijinja → Typst) → compile (Typst layout) →
//! PDF export → atomic write. A failure at any stage leaves the previous output untouched.

use crate::check::{self, length::WordSummary};
use crate::compile::contained::Failed;
use crate::compile::{self, Job, PdfSettings, PdfStandardChoice};
use crate::date::document_date;
use crate::diag::Diagnostic;
use crate::load::prose as prepare;
use crate::load::{self, Extras, Files, Loaded};
use crate::model::submission::OutputFormat;
use crate::pipeline::output::{
    Failure, Timings, lay_out, library_files, out_dir, overfull_warnings, templates_stopped, typst_diagnostics,
};
use crate::writers::docx::{reference_in_folder, unusable_reference};
use crate::writers::template::Templates;
use std::path::{Path, PathBuf};

/// What the user asked for.
#[derive(Debug, Clone)]
pub struct Options {
    /// The submission folder.
    pub folder: PathBuf,
    /// Where to write; default `output/<folder name>`.
    pub out_dir: Option<PathBuf>,
    /// A PDF standard to conform to, beyond tagged PDF.
    pub standard: PdfStandardChoice,
    /// The version to build (public or confidential); `None`: the one the submission's
    /// `confidentiality` names.
    pub version: Option<crate::load::version::Version>,
    /// The files to write (`--format pdf,docx`); `None`: the submission's `formats:`, or the
    /// PDF alone.
    pub formats: Option<Vec<OutputFormat>>,
    /// Write the PDF too, whatever the formats (`preview` shows its pages).
    pub with_pdf: bool,
}

/// A finished build.
#[derive(Debug)]
pub struct Outcome {
    /// The PDF written, if a PDF was asked for.
    pub pdf: Option<PathBuf>,
    /// The Word document written, if one was asked for.
    pub docx: Option<PathBuf>,
    /// The generated Typst written beside it.
    pub typ: PathBuf,
    /// Pages in the PDF (0 without a PDF).
    pub pages: usize,
    /// The word count.
    pub words: WordSummary,
    /// Warnings (the build went ahead).
    pub warnings: Vec<Diagnostic>,
    /// Stage timings.
    pub timings: Timings,
    /// The files read, for printing warnings with snippets.
    pub files: Files,
    /// The committee, for describing the word count.
    pub committee: crate::model::Committee,
    /// The submission's own templates that replaced built-in ones.
    pub overrides: Vec<String>,
    /// The laid-out document the PDF was made from (`amicus preview` shows its pages).
    pub document: Option<typst_layout::PagedDocument>,
    /// The pages as SVG, when the document was laid out in a contained child for a session
    /// that asked for them ([`compile::Session::with_svg_pages`]); `document` is then `None`.
    pub svg_pages: Vec<compile::contained::SvgPage>,
}

/// The files a report's compile reads: the Typst library and the submission's images
/// (figures and logos), each under the name Amicus gave it.
pub fn report_files(templates: &Templates, prepared: &prepare::Prepared) -> Vec<(String, Vec<u8>)> {
    let mut files = library_files(templates);
    files.extend(prepared.images.iter().map(|(name, bytes)| (name.clone(), bytes.clone())));
    files
}

/// Builds the report PDF.
pub fn build(options: &Options) -> Result<Outcome, Failure> {
    build_with(options, &mut compile::Session::default())
}

/// Builds the report PDF, compiling in `session`: `amicus watch` keeps one session for all
/// its builds, so that Typst redoes only what an edit changed.
pub fn build_with(options: &Options, session: &mut compile::Session) -> Result<Outcome, Failure> {
    let mut timings = Timings::default();
    let loaded = timings
        .time("load", || load::load_folder_as(&options.folder, Extras::None, options.version))
        .map_err(|(diagnostics, files)| Failure { diagnostics, files })?;
    let prepared = timings.time("prepare", || prepare::prepare(&loaded));
    let problems = timings.time("check", || check::check(&loaded, &prepared));
    let (errors, warnings): (Vec<_>, Vec<_>) = problems.into_iter().partition(Diagnostic::is_error);
    if !errors.is_empty() {
        let mut diagnostics = errors;
        diagnostics.extend(warnings);
        crate::diag::sort(&mut diagnostics);
        return Err(Failure { diagnostics, files: loaded.files });
    }
    let fail = |d: Vec<Diagnostic>, files: &Files| Failure { diagnostics: d, files: files.clone() };
    let templates = Templates::for_folder(&loaded.folder);
    // The document model is built once, and the Typst written once: the word count, the PDF
    // and the Word document all come from them.
    let (view, document, source) = timings.time("render", || {
        let view = crate::report::view::report(&loaded, &prepared);
        let document = crate::report::model::report(&loaded, &prepared, &view);
        let source = crate::report::render(&templates, &view, &document);
        (view, document, source)
    });
    let source = source.map_err(|d| fail(vec![d], &loaded.files))?;
    let words = check::length::summary(&loaded, &prepared, &view, Some(&source));
    let mut warnings = warnings;
    if let Some(over) = check::length::limit_warning(&loaded, &words) {
        warnings.push(over);
        crate::diag::sort(&mut warnings);
    }
    // `-o report-peru.pdf` names the PDF itself; anything else is a folder.
    let named_pdf =
        options.out_dir.as_ref().filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"))).cloned();
    let dir = match &named_pdf {
        Some(pdf) => {
            pdf.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_path_buf)
        }
        None => out_dir(options.out_dir.as_deref(), &loaded),
    };
    std::fs::create_dir_all(&dir).map_err(|e| {
        fail(
            vec![Diagnostic::error(format!(
                "cannot create the output folder {}: {}",
                dir.display(),
                load::io_words(&e)
            ))],
            &loaded.files,
        )
    })?;
    let (pdf_path, typ_path) = match &named_pdf {
        Some(pdf) => (pdf.clone(), pdf.with_extension("typ")),
        // `--version public` and `--version confidential` write apart, side by side.
        None => match options.version {
            Some(v) => (dir.join(format!("report-{}.pdf", v.name())), dir.join(format!("report-{}.typ", v.name()))),
            None => (dir.join("report.pdf"), dir.join("report.typ")),
        },
    };
    let formats = options
        .formats
        .clone()
        .or_else(|| loaded.submission.formats.clone())
        .filter(|f| !f.is_empty())
        .unwrap_or_else(|| vec![OutputFormat::Pdf]);
    let formats = if options.with_pdf && !formats.contains(&OutputFormat::Pdf) {
        [formats, vec![OutputFormat::Pdf]].concat()
    } else {
        formats
    };
    let docx_path = pdf_path.with_extension("docx");
    // The Word document first: it is quick, and nothing is written unless every output was
    // made.
    let docx = if formats.contains(&OutputFormat::Docx) {
        let bytes =
            timings.time("docx", || word_document(&loaded, &document)).map_err(|d| fail(vec![d], &loaded.files))?;
        Some(bytes)
    } else {
        None
    };
    let mut pages = 0;
    let mut document = None;
    let mut svg_pages = Vec::new();
    let mut pdf_written = None;
    if formats.contains(&OutputFormat::Pdf) {
        let date = document_date(&loaded.submission.date);
        let job =
            Job { main_name: "report.typ", main: source.clone(), files: report_files(&templates, &prepared), date };
        let settings = PdfSettings { ident: format!("amicus/{}", loaded.name), date, standard: options.standard };
        let write_typ = || crate::fs::write_atomic(&typ_path, source.as_bytes());
        let exported = match lay_out(&job, &settings, &templates, session, &mut timings) {
            Ok(e) => e,
            Err(Failed::Compile(diags)) => {
                let _ = write_typ();
                // Show the generated lines in the snippets.
                let mut files = loaded.files.clone();
                files.add(load::SourceFile::new(typ_path.display().to_string(), source.clone()));
                return Err(fail(typst_diagnostics(diags, &typ_path, &templates), &files));
            }
            Err(Failed::Pdf(diags)) => {
                return Err(fail(typst_diagnostics(diags, &typ_path, &templates), &loaded.files));
            }
            Err(Failed::Stopped(why)) => {
                let _ = write_typ();
                return Err(fail(vec![templates_stopped(&templates, &why)], &loaded.files));
            }
        };
        let pdf = &exported.pdf;
        timings.time("write", || write_typ().and_then(|()| crate::fs::write_atomic(&pdf_path, pdf))).map_err(|e| {
            fail(
                vec![Diagnostic::error(format!("cannot write {}: {}", pdf_path.display(), load::io_words(&e)))],
                &loaded.files,
            )
        })?;
        pages = exported.pages;
        if let Some(limit) = loaded.submission.layout.page_limit
            && pages > limit as usize
        {
            let place = loaded.root().key("layout").key("page_limit");
            warnings.push(
                loaded
                    .files
                    .warning(
                        &place,
                        crate::load::locate::Target::Value,
                        format!("the report has {pages} pages as laid out, over the limit of {limit}"),
                    )
                    .with_hint("shorten the findings, or move detail to an annex the committee accepts"),
            );
        }
        warnings.extend(typst_diagnostics(exported.warnings, &typ_path, &templates));
        warnings.extend(overfull_warnings(&exported.overfull, &loaded.files));
        document = exported.document;
        svg_pages = exported.svg_pages;
        pdf_written = Some(pdf_path);
    }
    let mut docx_written = None;
    if let Some(bytes) = docx {
        timings.time("write docx", || crate::fs::write_atomic(&docx_path, &bytes)).map_err(|e| {
            fail(
                vec![Diagnostic::error(format!("cannot write {}: {}", docx_path.display(), load::io_words(&e)))],
                &loaded.files,
            )
        })?;
        docx_written = Some(docx_path);
    }
    Ok(Outcome {
        pdf: pdf_written,
        docx: docx_written,
        typ: typ_path,
        pages,
        words,
        warnings,
        timings,
        files: loaded.files,
        committee: loaded.submission.committee,
        overrides: templates.overrides_used(),
        document,
        svg_pages,
    })
}

/// The report as a Word document: its document model (the one the PDF's Typst is written
/// from) written by [`crate::writers::docx`], with the styles of `templates/reference.docx`
/// when the submission has one.
///
/// # Errors
///
/// A reference document that cannot be used, named with what to do.
pub fn word_document(loaded: &Loaded, document: &crate::doc::Document) -> Result<Vec<u8>, Diagnostic> {
    let reference = reference_in_folder(&loaded.folder)?;
    crate::writers::docx::write(document, reference.as_deref()).map_err(|why| unusable_reference(&loaded.folder, why))
}
