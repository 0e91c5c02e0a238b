//! `amicus import-co`: concluding observations as the UN publishes them (PDF, Word `.docx`, or
//! text copied from either) → [`ConcludingObservations`], the data the follow-up brief reads.
//!
//! Two steps, usable apart:
//!
//! 1. [`text_from_file`] / [`extract_file`] turn a file into plain text: PDF through
//!    `pdf-extract` (pages joined with form feeds), `.docx` through its XML (automatic
//!    numbering and footnotes rebuilt), `.txt`/`.md` read as UTF-8.
//! 2. [`parse_co`] reads that text: it drops page furniture (running headers with the symbol,
//!    page numbers, `GE.…` job numbers, "Please recycle", the "Distr.:"/"Original:" lines),
//!    moves footnotes to the paragraph that calls them, mends words split across lines, and
//!    recovers the symbol, committee, State, dates, sections, subject headings, numbered
//!    paragraphs, lettered sub-paragraphs and the follow-up paragraph.
//!
//! Nothing is dropped or made up silently: a gap or repeat in the numbering, lettering out of
//! order, a line that fits nowhere, a footnote without a call — each becomes an
//! [`ImportWarning`] with the line of the extracted text it concerns. [`import_file`] does
//! both steps and is what the CLI calls.

mod dates;
mod docx;
mod earlier;
mod followup_paragraph;
mod header;
mod lines;
pub mod loi;
mod pdf;
pub use pdf::serve_pdf_text;
pub mod roles;
mod structure;
mod text;

#[cfg(test)]
mod tests;

use crate::fs::boundary::ReadError;
use crate::model::Committee;
use crate::model::co::ConcludingObservations;
use std::fmt;
use std::path::{Path, PathBuf};
pub use text::SymbolKind;

/// The largest document `import-co` reads. A UN concluding-observations PDF or Word file is
/// 100–600 KB; 64 MB leaves room for scanned annexes while keeping memory bounded.
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// The most text an import reads, whatever the format: a concluding observations has 30 to
/// 150 KB of text. A Word file's automatic numbers and footnotes are counted as written out
/// (a note called 20,000 times is written 20,000 times), a PDF's characters as drawn.
pub const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;

/// Something worth checking by hand in the imported data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportWarning {
    /// The 1-based line of the extracted text it concerns; 0 when it concerns the whole
    /// document (a symbol or date not found).
    pub line: usize,
    /// What was found, and what was done about it, in plain words.
    pub message: String,
}

impl ImportWarning {
    /// A warning about a line (0: the whole document).
    pub(crate) fn new(line: usize, message: impl Into<String>) -> ImportWarning {
        ImportWarning { line, message: message.into() }
    }
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 { f.write_str(&self.message) } else { write!(f, "line {}: {}", self.line, self.message) }
    }
}

/// The concluding observations read from a text, and what needs checking.
#[derive(Debug, Clone)]
pub struct ImportResult {
    /// The data, ready to be written as `concluding-observations.yaml`.
    pub co: ConcludingObservations,
    /// Everything the reader was unsure about, in line order.
    pub warnings: Vec<ImportWarning>,
}

/// Text taken out of a file, with warnings about what could not be rebuilt (for Word files:
/// automatic numbering that is not defined, text boxes left out).
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The text, lines separated by `\n`, pages (PDF) by `\n\u{c}`.
    pub text: String,
    /// Problems met while extracting; their lines refer to `text`.
    pub warnings: Vec<ImportWarning>,
}

/// Why a file could not be read.
#[derive(Debug)]
pub enum ImportError {
    /// The file could not be read (missing, not a regular file, too large, …).
    Read {
        /// The file.
        path: PathBuf,
        /// The reason.
        source: ReadError,
    },
    /// The file is of a kind Amicus does not read.
    Unsupported {
        /// The file.
        path: PathBuf,
        /// What it seems to be, and what to do instead.
        what: String,
    },
    /// The PDF could not be read.
    Pdf {
        /// The file.
        path: PathBuf,
        /// The reader's reason.
        message: String,
    },
    /// The Word file could not be read.
    Docx {
        /// The file.
        path: PathBuf,
        /// The reader's reason.
        message: String,
    },
    /// A text file that is not UTF-8.
    Encoding {
        /// The file.
        path: PathBuf,
    },
    /// The file holds no text (a scanned PDF without a text layer, an empty file).
    NoText {
        /// The file.
        path: PathBuf,
    },
    /// The file holds more text than concluding observations ever have
    /// ([`MAX_TEXT_BYTES`]).
    TooMuchText {
        /// The file.
        path: PathBuf,
    },
    /// The document is in a language or script Amicus does not read (Arabic, Chinese,
    /// Russian): importing it would give noise.
    Language {
        /// The file.
        path: PathBuf,
        /// The language or script recognised, e.g. "Arabic".
        language: &'static str,
        /// The document symbol, if one was seen in the text.
        symbol: Option<String>,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Read { path, source } => {
                f.write_str(&source.describe(&path.display().to_string()))?;
                match source {
                    ReadError::TooLarge { .. } => f.write_str(
                        "; concluding observations are well under a megabyte of text, so this is probably not the right file",
                    ),
                    _ => Ok(()),
                }
            }
            ImportError::Unsupported { path, what } => write!(f, "{}: {what}", path.display()),
            ImportError::Pdf { path, message } => write!(f, "cannot read the PDF {}: {message}", path.display()),
            ImportError::Docx { path, message } => write!(f, "cannot read the Word file {}: {message}", path.display()),
            ImportError::Encoding { path } => write!(
                f,
                "{} is not UTF-8 text; save it as UTF-8 (or import the PDF or Word file itself)",
                path.display()
            ),
            ImportError::NoText { path } => write!(
                f,
                "{} holds no text (a scanned PDF has none); import the Word version from the UN's documents site, or paste the text into a .txt file",
                path.display()
            ),
            ImportError::TooMuchText { path } => write!(
                f,
                "{} holds more than {} MB of text, Amicus's limit for concluding observations (they have well under 1 MB); import the document itself, not a collection of documents",
                path.display(),
                MAX_TEXT_BYTES / (1024 * 1024)
            ),
            ImportError::Language { path, language, symbol } => {
                let which = symbol.as_deref().map_or_else(String::new, |s| format!(" of {s}"));
                write!(
                    f,
                    "{} is the {language} version{which}; Amicus reads concluding observations in English, French or Spanish only. Download the English, French or Spanish version from the UN's documents site (same symbol, another language) and import that",
                    path.display()
                )
            }
        }
    }
}

impl std::error::Error for ImportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ImportError::Read { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The kinds of file Amicus reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// PDF.
    Pdf,
    /// Word 2007+ (`.docx`).
    Docx,
    /// UTF-8 text.
    Text,
}

/// Decides the format from the file's first bytes, then its extension.
fn format_of(path: &Path, bytes: &[u8]) -> Result<Format, ImportError> {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_lowercase).unwrap_or_default();
    if bytes.starts_with(b"%PDF-") {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return match ext.as_str() {
            "odt" => Err(ImportError::Unsupported {
                path: path.to_owned(),
                what: "an OpenDocument text; save it as .docx or PDF".into(),
            }),
            _ => Ok(Format::Docx),
        };
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ImportError::Unsupported {
            path: path.to_owned(),
            what: "an old Word (.doc) file; save it as .docx or PDF, or download that version".into(),
        });
    }
    match ext.as_str() {
        "pdf" => Err(ImportError::Pdf { path: path.to_owned(), message: "the file does not start like a PDF".into() }),
        "docx" => Err(ImportError::Docx { path: path.to_owned(), message: "the file is not a zip package".into() }),
        _ => Ok(Format::Text),
    }
}

/// Reads a file as text: `.pdf` via `pdf-extract`, `.docx` via its XML, anything else as UTF-8
/// (a byte-order mark is dropped). The format is recognised from the content first, so a PDF
/// saved as `.txt` still reads as a PDF.
pub fn text_from_file(path: &Path) -> Result<String, ImportError> {
    extract_file(path).map(|e| e.text)
}

/// Like [`text_from_file`], with the warnings met while extracting.
pub fn extract_file(path: &Path) -> Result<Extracted, ImportError> {
    let bytes = crate::fs::boundary::read_regular(path, MAX_DOCUMENT_BYTES)
        .map_err(|source| ImportError::Read { path: path.to_owned(), source })?;
    let extracted = match format_of(path, &bytes)? {
        Format::Pdf => Extracted {
            text: pdf::pdf_text(&bytes).map_err(|message| ImportError::Pdf { path: path.to_owned(), message })?,
            warnings: Vec::new(),
        },
        Format::Docx => {
            let (text, warnings) =
                docx::docx_text(&bytes).map_err(|message| ImportError::Docx { path: path.to_owned(), message })?;
            Extracted { text, warnings }
        }
        Format::Text => {
            let text = String::from_utf8(bytes).map_err(|_| ImportError::Encoding { path: path.to_owned() })?;
            Extracted { text: text.trim_start_matches('\u{feff}').to_owned(), warnings: Vec::new() }
        }
    };
    if extracted.text.len() > MAX_TEXT_BYTES {
        return Err(ImportError::TooMuchText { path: path.to_owned() });
    }
    let extracted = without_direction_controls(extracted);
    if extracted.text.trim().is_empty() {
        return Err(ImportError::NoText { path: path.to_owned() });
    }
    if let Some(language) = text::foreign_script(&extracted.text) {
        let symbol = text::find_symbol(&extracted.text).map(str::to_owned);
        return Err(ImportError::Language { path: path.to_owned(), language, symbol });
    }
    Ok(extracted)
}

/// The text without invisible controls of writing direction ([`crate::fs::boundary::is_bidi_control`]):
/// in a document in English, French or Spanish they serve no purpose, and one (`U+202E`)
/// makes the text after it display backwards, so that a paragraph would read otherwise than
/// it is. A warning says how many were removed, at the first.
fn without_direction_controls(mut extracted: Extracted) -> Extracted {
    use crate::fs::boundary::is_bidi_control;
    let Some(first) = extracted.text.find(is_bidi_control) else { return extracted };
    let line = extracted.text[..first].matches('\n').count() + 1;
    let count = extracted.text.chars().filter(|c| is_bidi_control(*c)).count();
    extracted.text.retain(|c| !is_bidi_control(c));
    extracted.warnings.push(ImportWarning::new(
        line,
        format!(
            "{count} invisible direction control{} (such as U+202E, which shows the text after it backwards) {} removed from the text",
            if count == 1 { "" } else { "s" },
            if count == 1 { "was" } else { "were" }
        ),
    ));
    extracted
}

/// Reads concluding observations from extracted text. `hint_symbol` is the symbol the user
/// expects (e.g. `CCPR/C/KAZ/CO/3`): used when the text gives none, and checked against the
/// one it gives.
///
/// Never fails: what cannot be read is reported in [`ImportResult::warnings`]. When the
/// committee cannot be told from the symbol or the header, CCPR is assumed and a warning says
/// so.
pub fn parse_co(text: &str, hint_symbol: Option<&str>) -> ImportResult {
    let mut warnings = Vec::new();
    let cleaned = lines::clean(text, &mut warnings);
    let vocab = structure::Vocab::new(cleaned.body.iter().map(|l| l.text.as_str()));
    let structure = structure::build(&cleaned, &vocab, &mut warnings);
    let meta = header::read_meta(&cleaned, &structure.sections, hint_symbol, &mut warnings);
    let follow_up =
        followup_paragraph::read_follow_up(&structure.sections, &structure.para_lines, meta.adopted, &mut warnings);
    let committee = meta.committee.unwrap_or_else(|| {
        warnings.push(ImportWarning::new(
            0,
            "the committee could not be told from the symbol or the header; CCPR is assumed — correct `committee:`",
        ));
        Committee::Ccpr
    });
    if structure.sections.iter().all(|s| s.paragraphs.is_empty()) {
        warnings.push(ImportWarning::new(0, "no numbered paragraphs were found"));
    }
    warnings.sort_by_key(|w| w.line);
    let mut co = ConcludingObservations {
        symbol: meta.symbol,
        committee,
        state: meta.state.unwrap_or_default(),
        title: meta.title,
        report: meta.report,
        session: meta.session,
        meetings: meta.meetings,
        adopted: meta.adopted.map(|d| d.to_string()),
        published: meta.published.map(|d| d.to_string()),
        language: meta.language.map(str::to_owned),
        notes: meta.notes,
        source: None,
        sections: structure.sections,
        follow_up,
    };
    roles::fill_roles(&mut co);
    earlier::fill_earlier(&mut co);
    ImportResult { co, warnings }
}

/// The symbol on a document's first page and what it names (concluding observations, a list
/// of issues, …): `import-co` and `import-loi` use it to point to each other when given the
/// other's document.
pub fn first_symbol(text: &str) -> Option<(String, SymbolKind)> {
    let first_page = text.split('\u{c}').next().unwrap_or(text);
    first_page.lines().take(60).find_map(text::find_symbol).and_then(|s| Some((s.to_owned(), text::symbol_kind(s)?)))
}

/// Extracts and parses a file; `co.source` is set to the file name, and the extraction
/// warnings come first.
pub fn import_file(path: &Path, hint_symbol: Option<&str>) -> Result<ImportResult, ImportError> {
    let extracted = extract_file(path)?;
    Ok(import_extracted(path, &extracted, hint_symbol))
}

/// The extraction's warnings and the reader's, in the order of their lines, at most
/// [`MAX_WARNINGS`]: a real document gets a handful; thousands mean it is not one (`kind`
/// names what it should be, "concluding observations"), and printing them all (into the YAML
/// too) would bury the point.
pub(crate) fn merge_warnings(extracted: &[ImportWarning], own: Vec<ImportWarning>, kind: &str) -> Vec<ImportWarning> {
    let mut warnings = extracted.to_vec();
    warnings.extend(own);
    warnings.sort_by_key(|w| w.line);
    if warnings.len() > MAX_WARNINGS {
        let more = warnings.len() - MAX_WARNINGS;
        warnings.truncate(MAX_WARNINGS);
        warnings.push(ImportWarning::new(
            0,
            format!("and {more} more doubtful points, not listed: this document is far from the shape of {kind}"),
        ));
    }
    warnings
}

/// [`import_file`] on text already extracted from `path` (`amicus import-co` keeps the text to
/// quote the lines its warnings concern).
pub fn import_extracted(path: &Path, extracted: &Extracted, hint_symbol: Option<&str>) -> ImportResult {
    let mut result = parse_co(&extracted.text, hint_symbol);
    result.co.source = path.file_name().map(|n| n.to_string_lossy().into_owned());
    result.warnings =
        merge_warnings(&extracted.warnings, std::mem::take(&mut result.warnings), "concluding observations");
    result
}

/// The most warnings an import lists; the rest are counted in one more.
pub const MAX_WARNINGS: usize = 200;
