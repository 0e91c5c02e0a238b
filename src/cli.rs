//! The command line, as clap types only. `main.rs` dispatches.

use crate::compile::PdfStandardChoice;
use crate::diag::Format;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Amicus writes shadow reports and follow-up briefs for UN human-rights committees.
///
/// A submission is a folder of YAML and Markdown (see submissions/ for an example).
#[derive(Debug, Parser)]
#[command(name = "amicus", version, about, long_about = None, arg_required_else_help = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the shadow report PDF of a submission folder (or of several, in parallel).
    Build(BuildArgs),
    /// Check a submission folder and report every problem found, without building.
    Check(CheckArgs),
    /// Start a new submission folder with a complete, commented example.
    New(NewArgs),
    /// Print the JSON Schema of a file format (for editors).
    Schema(SchemaArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// List the built-in templates, or print one to start a custom version.
    Template(TemplateArgs),
    /// Write the follow-up brief from the concluding observations and the assessment (the
    /// folder needs concluding-observations.yaml and assessment.yaml): brief.pdf, brief.html
    /// (a web page), brief.docx (a Word document), and the recommendation → paragraph →
    /// status matrix as brief.xlsx (a spreadsheet), brief.csv and brief.json.
    Brief(BriefArgs),
    /// Read the committee's concluding observations (PDF, Word or text) into
    /// concluding-observations.yaml (with --previous, those of the review before into
    /// previous-concluding-observations.yaml).
    ImportCo(ImportCoArgs),
    /// Read the committee's list of issues (or list of issues prior to reporting; PDF, Word or
    /// text) into list-of-issues.yaml: its numbered questions, lettered parts and the article
    /// headings they stand under.
    ImportLoi(ImportArgs),
    /// Suggest, for each recommendation, the concluding-observation paragraphs that took it
    /// up, and write a draft assessment to review.
    Suggest(SuggestArgs),
    /// Build the report as `build` does (the files of `--format` or `formats:`), and the brief
    /// when the folder has an assessment, then again each time a file of the submission is
    /// saved, until Ctrl-C.
    Watch(WatchArgs),
    /// Show the report in the browser, on a page of this computer only, updated each time a
    /// file of the submission is saved (the files are written as by `watch`, the PDF always).
    Preview(PreviewArgs),
}

/// Options shared by commands that report problems.
#[derive(Debug, Args, Clone, Copy)]
pub struct DiagArgs {
    /// How to print problems: human (with snippets), short (one line each), json, or github
    /// (GitHub Actions workflow commands, shown on the pull request's lines).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub diagnostic_format: Format,
    /// Colour: auto (on a terminal), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When printing to a terminal and NO_COLOR is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// `amicus build` and `amicus brief`: a folder in, documents out.
#[derive(Debug, Args)]
pub struct DocumentArgs {
    /// The submission folder, e.g. submissions/kazakhstan-ccpr-2025.
    pub folder: PathBuf,
    /// Where to write: a folder (default: output/<folder name>); for `watch` and `preview`,
    /// also a file name ending in .pdf for the report, e.g. -o peru-cedaw.pdf.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The standards the PDF is declared to meet and checked against: PDF/UA-1 (accessible)
    /// by default, optionally with a PDF/A part (archival); `none` for a plain tagged PDF.
    #[arg(long, value_enum, default_value_t = PdfStandardChoice::Ua1)]
    pub pdf_standard: PdfStandardChoice,
    /// Problem output.
    #[command(flatten)]
    pub diag: DiagArgs,
}

/// `amicus brief`.
#[derive(Debug, Args)]
pub struct BriefArgs {
    /// The folder, output and problem options.
    #[command(flatten)]
    pub document: DocumentArgs,
    /// Refuse to write a brief that is not finished: while a recommendation is not assessed
    /// yet, an entry is a machine suggestion nobody has reviewed, or the follow-up selection is
    /// not known, exit with status 1 and list each at its line, writing nothing. Without it,
    /// such a brief is written marked DRAFT on every page.
    #[arg(long = "final")]
    pub final_only: bool,
}

/// `amicus build`: one folder, or several built in parallel.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The submission folder, e.g. submissions/kazakhstan-ccpr-2025; several folders (e.g.
    /// submissions/*) are built in parallel, and each result is reported.
    #[arg(required = true, value_name = "FOLDER")]
    pub folders: Vec<PathBuf>,
    /// Where to write: a folder (default: output/<folder name>); for one folder, also a file
    /// name ending in .pdf, e.g. -o peru-cedaw.pdf; for several, the folder that gets one
    /// folder per submission.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The standards the PDF is declared to meet and checked against: PDF/UA-1 (accessible)
    /// by default, optionally with a PDF/A part (archival); `none` for a plain tagged PDF.
    #[arg(long, value_enum, default_value_t = PdfStandardChoice::Ua1)]
    pub pdf_standard: PdfStandardChoice,
    /// The version to build: `public` leaves out the text marked `[confidential: …]`, the
    /// `::: confidential` blocks and the findings and sources marked `confidential: true`, and
    /// writes report-public.pdf; `confidential` keeps everything, for the committee's members,
    /// and writes report-confidential.pdf. Default: the submission's `confidentiality`, to
    /// report.pdf.
    #[arg(long, value_enum)]
    pub version: Option<crate::load::version::Version>,
    /// The files to write, comma-separated: `pdf` (report.pdf), `docx` (report.docx, a Word
    /// document with Word's styles, footnotes and contents), or `pdf,docx`. Default: the
    /// submission's `formats:`, or pdf.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "FORMATS")]
    pub format: Vec<crate::model::submission::OutputFormat>,
    /// Problem output.
    #[command(flatten)]
    pub diag: DiagArgs,
}

/// `amicus watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The folder, the output and the problem format.
    #[command(flatten)]
    pub document: DocumentArgs,
    /// The files to write at each save, comma-separated: `pdf`, `docx` or `pdf,docx`, as for
    /// `build`. Default: the submission's `formats:`, or pdf.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "FORMATS")]
    pub format: Vec<crate::model::submission::OutputFormat>,
}

/// `amicus preview`.
#[derive(Debug, Args)]
pub struct PreviewArgs {
    /// The folder, the output and the problem format, as for `watch`.
    #[command(flatten)]
    pub document: DocumentArgs,
    /// The files to write at each save, as for `watch`; the PDF is written whatever they
    /// are, since the page shows its pages.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "FORMATS")]
    pub format: Vec<crate::model::submission::OutputFormat>,
    /// The port of the page on 127.0.0.1 (default: a free one).
    #[arg(long)]
    pub port: Option<u16>,
    /// Open the page in the browser.
    #[arg(long)]
    pub open: bool,
}

/// `amicus check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The submission folder.
    pub folder: PathBuf,
    /// Treat warnings as errors (exit code 1 if there is any), for a clean file before filing.
    #[arg(long)]
    pub strict: bool,
    /// Problem output.
    #[command(flatten)]
    pub diag: DiagArgs,
}

/// `amicus new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The folder to create (it must not exist); may be left out with --ci.
    #[arg(required_unless_present = "ci")]
    pub folder: Option<PathBuf>,
    /// Also write a CI workflow at the top of the repository: `github` writes
    /// .github/workflows/amicus.yml, which checks (--strict) and builds every submission on each
    /// push and pull request and keeps the PDFs and Word files. Never overwrites a file.
    #[arg(long, value_enum, value_name = "SERVICE")]
    pub ci: Option<crate::ci::Service>,
    /// The committee: CCPR, CAT, CERD, CEDAW, CRC, CMW, CESCR, CRPD, CED or UPR.
    #[arg(long)]
    pub committee: Option<String>,
    /// The State under review.
    #[arg(long)]
    pub state: Option<String>,
    /// The session number.
    #[arg(long)]
    pub session: Option<u32>,
    /// The submitting organisation's name.
    #[arg(long)]
    pub organisation: Option<String>,
    /// The report's title.
    #[arg(long)]
    pub title: Option<String>,
    /// The report's language, as a two-letter code: the words Amicus prints (headings,
    /// dates, the cover) are in it. Amicus has them in en, fr, es, ru, ar and zh.
    #[arg(long)]
    pub language: Option<String>,
    /// Never ask questions; use defaults for what is not given.
    #[arg(long)]
    pub no_input: bool,
    /// Problem output.
    #[command(flatten)]
    pub diag: DiagArgs,
}

/// `amicus schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which file's schema.
    #[arg(value_enum, default_value_t = SchemaKind::Submission)]
    pub kind: SchemaKind,
}

/// The file formats with a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// submission.yaml.
    Submission,
    /// findings/*.yaml.
    Finding,
    /// concluding-observations.yaml.
    ConcludingObservations,
    /// assessment.yaml.
    Assessment,
    /// list-of-issues.yaml.
    ListOfIssues,
}

impl SchemaKind {
    /// Every kind.
    pub const ALL: [SchemaKind; 5] = [
        SchemaKind::Submission,
        SchemaKind::Finding,
        SchemaKind::ConcludingObservations,
        SchemaKind::Assessment,
        SchemaKind::ListOfIssues,
    ];

    /// The file name of the committed schema.
    pub fn file_name(self) -> &'static str {
        match self {
            SchemaKind::Submission => "submission.schema.json",
            SchemaKind::Finding => "finding.schema.json",
            SchemaKind::ConcludingObservations => "concluding-observations.schema.json",
            SchemaKind::Assessment => "assessment.schema.json",
            SchemaKind::ListOfIssues => "list-of-issues.schema.json",
        }
    }
}

/// `amicus completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `amicus template`.
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The template to print; without it, the list.
    pub name: Option<String>,
}

impl ValueEnum for PdfStandardChoice {
    fn value_variants<'a>() -> &'a [Self] {
        &PdfStandardChoice::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let value = clap::builder::PossibleValue::new(self.as_str());
        // `a-2b` alone means `a-2b+ua-1`: every choice but `none` keeps PDF/UA-1.
        Some(match self.as_str().strip_suffix("+ua-1") {
            Some(archival) => value.alias(archival),
            None => value,
        })
    }
}

/// `amicus suggest`.
#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// The submission folder (with concluding-observations.yaml, or with --questions
    /// list-of-issues.yaml).
    pub folder: PathBuf,
    /// Show the ranking only; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// `text` for people; `json` prints the full ranking, scores and shared words (the
    /// messages then go to standard error).
    #[arg(long, value_enum, default_value_t = SuggestFormat::Text)]
    pub format: SuggestFormat,
    /// Also rank the recommendations the assessment already has, and show them (in JSON under
    /// `assessed`); their entries are never rewritten.
    #[arg(long)]
    pub all: bool,
    /// Instead of recommendations: for each question your findings suggest (`questions:`),
    /// rank the questions of the Committee's list of issues (list-of-issues.yaml, from
    /// `amicus import-loi`) and say whether it was asked. Writes nothing.
    #[arg(long)]
    pub questions: bool,
    /// Problem output.
    #[command(flatten)]
    pub diag: DiagArgs,
}

/// How `amicus suggest` prints its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SuggestFormat {
    /// One line per recommendation.
    Text,
    /// The full ranking as JSON, on standard output.
    Json,
}

/// `amicus import-co`.
#[derive(Debug, Args)]
pub struct ImportCoArgs {
    /// The file, folder and symbol.
    #[command(flatten)]
    pub import: ImportArgs,
    /// The document is the concluding observations of the previous review, the ones your
    /// findings' `previous_observations` cite: write previous-concluding-observations.yaml,
    /// which `amicus check` reads to verify each cited paragraph and quote.
    #[arg(long)]
    pub previous: bool,
}

/// `amicus import-co` and `amicus import-loi`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The committee's document as the UN publishes it: PDF, Word (.docx) or text.
    pub file: PathBuf,
    /// Write the YAML (concluding-observations.yaml, list-of-issues.yaml) into this submission
    /// folder (default: print it).
    #[arg(long)]
    pub into: Option<PathBuf>,
    /// The document symbol you expect (e.g. CCPR/C/KAZ/CO/3, CRPD/C/CAN/Q/1), used if the text
    /// lacks one.
    #[arg(long)]
    pub symbol: Option<String>,
    /// Replace an existing file (the old one is kept as a numbered backup, e.g.
    /// concluding-observations.yaml.1.bak, .2.bak, …, never overwriting an earlier one).
    #[arg(long)]
    pub force: bool,
}
