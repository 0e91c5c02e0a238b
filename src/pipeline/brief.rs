//! `amicus brief`: the follow-up brief, after a committee adopts its concluding observations.
//!
//! Takes a submission folder with `concluding-observations.yaml` and `assessment.yaml`
//! beside `submission.yaml`; gives, in `output/<name>/`:
//!
//! - `brief.pdf` (and `brief.typ`, the generated Typst, for inspection): a short article
//!   with each recommendation beside the CO paragraph that took it up, the counts, the
//!   unaddressed issues, the follow-up procedure and an annex matrix;
//! - `brief.html`: the same as a self-contained, accessible web article;
//! - `brief.csv`, `brief.xlsx` and `brief.json`: the matrix, with columns close to OHCHR's
//!   Universal Human Rights Index, for recommendation trackers.
//!
//! The stages, each timed: load → check (the whole folder, as `amicus check` does, plus the
//! assessment's prose) → compare ([`compare`], pure) → render (views for Typst and HTML,
//! [`view`]; matrix, [`matrix`]) → compile → PDF → write (atomically: a failure leaves the
//! previous outputs untouched).

use crate::brief::compare::{self, Comparison, Counts};
use crate::brief::{matrix, prose, view};
use crate::check;
use crate::compile::contained::Failed;
use crate::compile::{self, Job, PdfSettings, PdfStandardChoice};
use crate::date::document_date;
use crate::diag::Diagnostic;
use crate::load::locate::Target;
use crate::load::prose as prepare;
use crate::load::{self, ASSESSMENT_FILE, CO_FILE, Extras, Files, LOI_ASSESSMENT_FILE, Loaded, Place, display_path};
use crate::pipeline::output::{Failure, Timings, lay_out, library_files, templates_stopped, typst_diagnostics};
use crate::writers::template::Templates;
use crate::writers::xlsx;
use std::path::{Path, PathBuf};

/// A finished brief.
#[derive(Debug)]
pub struct Outcome {
    /// The PDF written.
    pub pdf: PathBuf,
    /// The web page written.
    pub html: PathBuf,
    /// The matrix as CSV.
    pub csv: PathBuf,
    /// The matrix as a spreadsheet.
    pub xlsx: PathBuf,
    /// The matrix as JSON.
    pub json: PathBuf,
    /// The brief as a Word document.
    pub docx: PathBuf,
    /// The generated Typst, written beside the PDF.
    pub typ: PathBuf,
    /// Pages in the PDF.
    pub pages: usize,
    /// "4 pages" in the brief's language, for the line `brief` prints.
    pub pages_shown: String,
    /// How many recommendations are in each state.
    pub counts: Counts,
    /// The counts in a sentence, for the terminal.
    pub summary: String,
    /// Warnings (the brief was written all the same).
    pub warnings: Vec<Diagnostic>,
    /// Stage timings.
    pub timings: Timings,
    /// The files read, for printing warnings with snippets.
    pub files: Files,
}

/// The brief's texts, rendered but not compiled or written.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The Typst source of the PDF.
    pub typst: String,
    /// The web page.
    pub html: String,
    /// The matrix as CSV.
    pub csv: String,
    /// The matrix as a spreadsheet (xlsx bytes).
    pub xlsx: Vec<u8>,
    /// The matrix as JSON.
    pub json: String,
    /// The brief as a Word document (`.docx` bytes).
    pub docx: Vec<u8>,
    /// The comparison they show.
    pub comparison: Comparison,
}

/// A folder loaded and checked for a brief, with its rendered texts.
#[derive(Debug)]
pub struct Prepared {
    /// The folder, loaded (assessment prose read in from its files).
    pub loaded: Loaded,
    /// The texts.
    pub rendered: Rendered,
    /// Warnings found on the way.
    pub warnings: Vec<Diagnostic>,
}

/// Writes the follow-up brief of a submission folder into `out_dir` (default
/// `output/<folder name>`): `brief.pdf`, `brief.html`, `brief.csv`, `brief.xlsx`, `brief.json`, `brief.docx` (Word) and the
/// generated `brief.typ`.
///
/// Errors (in any file of the folder, or a missing CO or assessment) stop it before anything
/// is written; warnings come back in [`Outcome::warnings`].
pub fn run(folder: &Path, out_dir: Option<&Path>, standard: PdfStandardChoice) -> Result<Outcome, Failure> {
    run_with(folder, out_dir, standard, &mut compile::Session::default())
}

/// Whether a brief with something pending is written (marked as a draft on every page) or
/// refused (`amicus brief --final`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Finality {
    /// Written; while anything is pending it says DRAFT on every page of the PDF, at the top
    /// of the web page and in every header of the Word document.
    #[default]
    DraftAllowed,
    /// Refused while anything is pending: each pending thing is an error at its line, and
    /// nothing is written.
    Final,
}

/// [`run`], refusing a brief with anything pending when `finality` is [`Finality::Final`].
///
/// # Errors
///
/// As [`run`]; with [`Finality::Final`], also one error for each thing pending (a
/// recommendation not assessed, an entry nobody reviewed, no follow-up selection), located.
pub fn run_final(
    folder: &Path,
    out_dir: Option<&Path>,
    standard: PdfStandardChoice,
    finality: Finality,
) -> Result<Outcome, Failure> {
    run_inner(folder, out_dir, standard, &mut compile::Session::default(), finality)
}

/// [`run`], compiling in `session` (`amicus watch` keeps one for all its builds).
pub fn run_with(
    folder: &Path,
    out_dir: Option<&Path>,
    standard: PdfStandardChoice,
    session: &mut compile::Session,
) -> Result<Outcome, Failure> {
    run_inner(folder, out_dir, standard, session, Finality::DraftAllowed)
}

fn run_inner(
    folder: &Path,
    out_dir: Option<&Path>,
    standard: PdfStandardChoice,
    session: &mut compile::Session,
    finality: Finality,
) -> Result<Outcome, Failure> {
    let mut timings = Timings::default();
    let Prepared { loaded, rendered, warnings } = prepare(folder, &mut timings, finality)?;
    let fail = |d: Vec<Diagnostic>| Failure { diagnostics: d, files: loaded.files.clone() };

    let dir = crate::pipeline::output::out_dir(out_dir, &loaded);
    std::fs::create_dir_all(&dir).map_err(|e| {
        fail(vec![Diagnostic::error(format!(
            "cannot create the output folder {}: {}",
            dir.display(),
            load::io_words(&e)
        ))])
    })?;
    let typ = dir.join("brief.typ");
    let pdf_path = dir.join("brief.pdf");
    let templates = Templates::for_folder(&loaded.folder);
    let date = document_date(loaded.assessment.as_ref().map_or("", |a| a.date.as_str()));
    let job = Job { main_name: "brief.typ", main: rendered.typst.clone(), files: library_files(&templates), date };
    let settings = PdfSettings { ident: format!("amicus/{}/brief", loaded.name), date, standard };
    let exported = match lay_out(&job, &settings, &templates, session, &mut timings) {
        Ok(e) => e,
        Err(Failed::Compile(diags)) => {
            // The generated Typst is the one thing worth keeping from a failed compile: the
            // diagnostics point into it.
            let _ = crate::fs::write_atomic(&typ, rendered.typst.as_bytes());
            return Err(fail(typst_diagnostics(diags, &typ, &templates)));
        }
        Err(Failed::Pdf(diags)) => return Err(fail(typst_diagnostics(diags, &typ, &templates))),
        Err(Failed::Stopped(why)) => {
            let _ = crate::fs::write_atomic(&typ, rendered.typst.as_bytes());
            return Err(fail(vec![templates_stopped(&templates, &why)]));
        }
    };
    let pdf = exported.pdf;

    let (html_path, csv_path, json_path) = (dir.join("brief.html"), dir.join("brief.csv"), dir.join("brief.json"));
    let xlsx_path = dir.join("brief.xlsx");
    let docx_path = dir.join("brief.docx");
    let outputs: [(&Path, &[u8]); 7] = [
        (&typ, rendered.typst.as_bytes()),
        (&pdf_path, &pdf),
        (&html_path, rendered.html.as_bytes()),
        (&csv_path, rendered.csv.as_bytes()),
        (&xlsx_path, &rendered.xlsx),
        (&json_path, rendered.json.as_bytes()),
        (&docx_path, &rendered.docx),
    ];
    // All seven replaced together or none: a brief whose PDF and CSV disagree would mislead.
    timings.time("write", || crate::fs::write_all_atomic(&outputs)).map_err(|e| {
        fail(vec![Diagnostic::error(format!(
            "cannot write the brief into {}: {}; none of the files there was changed",
            dir.display(),
            load::io_words(&e)
        ))])
    })?;

    let mut warnings = warnings;
    warnings.extend(typst_diagnostics(exported.warnings, &typ, &templates));
    let counts = rendered.comparison.counts;
    Ok(Outcome {
        pdf: pdf_path,
        html: dir.join("brief.html"),
        csv: dir.join("brief.csv"),
        xlsx: dir.join("brief.xlsx"),
        json: dir.join("brief.json"),
        docx: docx_path,
        typ,
        pages: exported.pages,
        pages_shown: crate::i18n::Words::new(&loaded.submission.language)
            .with("pages", &[("n", crate::i18n::Arg::Number(exported.pages as i64))]),
        counts,
        summary: view::summary_sentence(&counts),
        warnings,
        timings,
        files: loaded.files,
    })
}

/// Checks a follow-up folder once for both `check` and `brief`: the submission's checks plus
/// the assessment's prose (its own `file:` texts included, converted here once) and what the
/// brief cannot show (no follow-up paragraph). Returns every problem, sorted, the
/// assessment's converted prose and the submission's.
pub fn check_with_prose(loaded: &mut Loaded) -> (Vec<Diagnostic>, prose::Prose, prepare::Prepared) {
    let (problems, origins) = prose::read_files(loaded);
    let prepared = prepare::prepare(loaded);
    let mut diagnostics = check::check(loaded, &prepared);
    let prose = prose::convert(loaded, &prepared, &origins);
    diagnostics.extend(problems);
    diagnostics.extend(prose.diagnostics.iter().cloned());
    diagnostics.extend(brief_warnings(loaded));
    crate::diag::sort(&mut diagnostics);
    (diagnostics, prose, prepared)
}

/// Loads, checks and renders a folder's brief without compiling or writing anything: the
/// stages `load`, `check`, `compare` and `render` of [`run`]. Tests use it for golden files.
pub fn prepare_folder(folder: &Path, timings: &mut Timings) -> Result<Prepared, Failure> {
    prepare(folder, timings, Finality::DraftAllowed)
}

fn prepare(folder: &Path, timings: &mut Timings, finality: Finality) -> Result<Prepared, Failure> {
    let mut loaded = timings
        .time("load", || load::load_folder(folder, Extras::FollowUp))
        .map_err(|(diagnostics, files)| Failure { diagnostics, files })?;
    let missing = missing_files(&loaded);
    if !missing.is_empty() {
        return Err(Failure { diagnostics: missing, files: loaded.files });
    }

    let (mut problems, prose, _) = timings.time("check", || check_with_prose(&mut loaded));
    if problems.iter().any(Diagnostic::is_error) {
        return Err(Failure { diagnostics: problems, files: loaded.files });
    }

    let (Some(co), Some(assessment)) = (&loaded.co, &loaded.assessment) else {
        unreachable!("missing_files returned no problem, so both files are loaded");
    };
    let docs = view::Sources {
        submission: &loaded.submission,
        co,
        assessment,
        loi_assessment: loaded.loi_assessment.as_ref(),
        loi_symbol: loaded.loi.as_ref().map(|l| l.symbol.as_str()),
    };
    let comparison = timings.time("compare", || compare::compare(docs.submission, co, assessment));
    if finality == Finality::Final {
        let pending = pending_errors(&loaded, &compare::pending(&comparison, assessment, docs.loi_assessment));
        if !pending.is_empty() {
            // Each pending thing is now an error at its place; the warning there goes.
            problems.retain(|w| !pending.iter().any(|e| (&e.file, e.line, e.column) == (&w.file, w.line, w.column)));
            problems.extend(pending);
            crate::diag::sort(&mut problems);
            return Err(Failure { diagnostics: problems, files: loaded.files });
        }
    }

    let templates = Templates::for_folder(&loaded.folder);
    let rendered = timings.time("render", || -> Result<Rendered, Diagnostic> {
        let typst = templates.render("brief.typ", &view::build(docs, &comparison, &prose.typst))?;
        let html = templates.render("brief.html", &view::build(docs, &comparison, &prose.html))?;
        let rows = matrix::rows(docs, &comparison);
        let cells: Vec<_> = rows.iter().map(matrix::Row::cells).collect();
        let xlsx = xlsx::xlsx(&matrix::sheet_columns(), &cells, &matrix::about(docs, &comparison))
            .map_err(|e| Diagnostic::error(format!("cannot write the spreadsheet brief.xlsx: {e}")))?;
        let reference = crate::writers::docx::reference_in_folder(&loaded.folder)?;
        let model =
            crate::brief::model::brief(&view::build(docs, &comparison, &prose.model), &loaded.submission.language);
        let docx = crate::writers::docx::write(&model, reference.as_deref())
            .map_err(|e| Diagnostic::error(format!("cannot write the Word document brief.docx: {e}")))?;
        Ok(Rendered {
            typst,
            html,
            csv: matrix::csv(&rows),
            xlsx,
            json: matrix::json(docs, &comparison, &rows),
            docx,
            comparison: comparison.clone(),
        })
    });
    match rendered {
        Ok(rendered) => Ok(Prepared { loaded, rendered, warnings: problems }),
        Err(d) => {
            problems.push(d);
            Err(Failure { diagnostics: problems, files: loaded.files })
        }
    }
}

/// The errors for a folder without concluding observations or without an assessment, each
/// naming the file and the command that writes it.
fn missing_files(loaded: &Loaded) -> Vec<Diagnostic> {
    let folder = loaded.folder.display();
    let mut out = Vec::new();
    if loaded.co.is_none() {
        out.push(
            Diagnostic::error(format!(
                "{folder} has no {CO_FILE}: the brief compares your recommendations with the committee's concluding observations"
            ))
            .in_file(display_path(&loaded.folder, CO_FILE))
            .with_hint(format!(
                "import them from the official PDF with `amicus import-co <CO.pdf> --into {folder}`, then check the text against the original"
            )),
        );
    }
    if loaded.assessment.is_none() {
        let hint = if loaded.co.is_none() {
            format!(
                "once the concluding observations are in, run `amicus suggest {folder}` to draft it, and review every entry it writes"
            )
        } else {
            format!(
                "run `amicus suggest {folder}` to draft it from the concluding observations, and review every entry it writes"
            )
        };
        out.push(
            Diagnostic::error(format!(
                "{folder} has no {ASSESSMENT_FILE}: the brief needs your assessment of how far the concluding observations reflect each recommendation"
            ))
            .in_file(display_path(&loaded.folder, ASSESSMENT_FILE))
            .with_hint(hint),
        );
    }
    out
}

/// What keeps the brief from being final, as errors at their places (`brief --final`).
fn pending_errors(loaded: &Loaded, pending: &[compare::Pending]) -> Vec<Diagnostic> {
    let files = &loaded.files;
    let assessment = Place { file: display_path(&loaded.folder, ASSESSMENT_FILE), path: Vec::new() };
    let entry = |i: usize| assessment.key("recommendations").index(i);
    let not_final = "the brief is not final";
    pending
        .iter()
        .map(|p| match p {
            compare::Pending::NotAssessed { id, entry: Some(i) } => files
                .error(
                    &entry(*i).key("reflected"),
                    Target::Value,
                    format!("{not_final}: recommendation `{id}` is not assessed yet"),
                )
                .with_hint("set `reflected:` to fully, partially or not-reflected, or build the brief without --final (it then says DRAFT on every page)"),
            compare::Pending::NotAssessed { id, entry: None } => {
                let has_list = loaded.assessment.as_ref().is_some_and(|a| !a.recommendations.is_empty());
                let (place, target) =
                    if has_list { (assessment.key("recommendations"), Target::Key(0)) } else { (assessment.clone(), Target::Value) };
                files
                    .error(&place, target, format!("{not_final}: recommendation `{id}` has no entry in {ASSESSMENT_FILE}"))
                    .with_hint(format!("add `- recommendation: {id}` with `reflected:` and the CO paragraphs that reflect it"))
            }
            compare::Pending::Unreviewed { id, entry: i } => files
                .error(
                    &entry(*i).key("suggested"),
                    Target::Key(0),
                    format!("{not_final}: the entry for `{id}` is a machine suggestion nobody has reviewed"),
                )
                .with_hint("check the paragraphs and `reflected:`, then delete the `suggested:` block"),
            compare::Pending::NoFollowUp => files
                .error(
                    &Place { file: display_path(&loaded.folder, CO_FILE), path: Vec::new() },
                    Target::Value,
                    format!("{not_final}: {CO_FILE} has no `follow_up:`, so the brief cannot say which recommendations the committee selected for follow-up"),
                )
                .with_hint("copy the selected paragraphs and the deadline from the follow-up paragraph near the end of the CO, e.g. `follow_up: {paragraph: 50, selected: [\"17 (a)\", \"19\"], deadline: YYYY-MM-DD}`"),
            compare::Pending::QuestionNotDecided { entry: i } => {
                let place = Place { file: display_path(&loaded.folder, LOI_ASSESSMENT_FILE), path: Vec::new() };
                let question = loaded.loi_assessment.as_ref().and_then(|l| l.questions.get(*i));
                let finding = question.map_or("", |q| q.finding.as_str());
                files
                    .error(
                        &place.key("questions").index(*i).key("asked"),
                        Target::Value,
                        format!("{not_final}: a question suggested in finding `{finding}` is still `asked: pending`"),
                    )
                    .with_hint("set `asked:` to fully, partly or not-asked, with the list of issues' paragraphs that ask it, or build the brief without --final (it then says DRAFT on every page)")
            }
        })
        .collect()
}

/// Problems that matter for the brief only (`check` has no reason to report them).
fn brief_warnings(loaded: &Loaded) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some(co) = &loaded.co
        && co.follow_up.is_none()
    {
        let root = Place { file: display_path(&loaded.folder, CO_FILE), path: Vec::new() };
        out.push(
                loaded
                    .files
                    .warning(&root, Target::Value, format!("{CO_FILE} has no `follow_up:`; the brief will say that the follow-up procedure is not known"))
                    .with_hint("copy the selected paragraphs and the deadline from the follow-up paragraph near the end of the CO (\"In accordance with rule 75 …\"), e.g. `follow_up: {paragraph: 50, selected: [\"17 (a)\", \"19\"], deadline: YYYY-MM-DD}`"),
            );
    }
    out
}
