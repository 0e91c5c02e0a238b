//! What a submission may hold, at most: bounds on the volume of one folder, checked when it
//! is loaded, before anything is converted or laid out.
//!
//! Each file is already read to at most [`super::MAX_FILE_BYTES`]; these bound the folder as a
//! whole, so that building one (Typst lays out everything at once, and its memory grows with
//! what it lays out) stays within a known amount of time and memory. Each limit is far beyond
//! a real submission: a treaty body accepts about 10,000 words, a long coalition report has
//! a few dozen findings. The figures they were set from are measured in
//! `docs/threat-model.md`.

use super::locate::Target;
use super::{FINDINGS_DIR, Loaded, display_path, markdown_places};
use crate::diag::Diagnostic;

/// The most finding files `findings/` may hold; more are not read at all. 500 findings of
/// a few lines build in about 300 MB; 2,000 took 1 GB.
pub const MAX_FINDINGS: usize = 500;
/// The most recommendations, all findings together.
pub const MAX_RECOMMENDATIONS: usize = 1_000;
/// The most sources.
pub const MAX_SOURCES: usize = 1_000;
/// The most Markdown (prose) the submission may have, files and inline fields together:
/// about 150,000 words. A megabyte of prose builds in about 350 MB.
pub const MAX_PROSE_BYTES: usize = 1024 * 1024;
/// The most footnotes the submission's Markdown may have (each `[^…]` is one note in the
/// document, as printed): a long report has a few hundred. Laying out footnotes costs Typst
/// more than their text: 1,000 took 38 s and 270 MB, 2,000 took 74 s and 570 MB (a debug
/// build on a loaded machine).
pub const MAX_NOTES: usize = 1_000;
/// The most headings in the submission's Markdown (a long report has a few dozen; 5,000
/// took over 100 s).
pub const MAX_HEADINGS: usize = 1_000;
/// The most cells of the Markdown tables together, and the most columns of one table (a
/// table of 60,000 columns took over a minute).
pub const MAX_TABLE_CELLS: usize = 20_000;
/// The most inline elements other than text (emphasis, links, code, footnotes) in the
/// submission's Markdown: a long report has a few thousand; 40,000 links took a minute and
/// 860 MB, 200,000 emphasised letters over a gigabyte.
pub const MAX_MARKS: usize = 20_000;
/// The most punctuation marks and line breaks in paragraphs the submission's Markdown may
/// have ([`crate::doc::markdown::paragraph_pieces`]): Typst lays out each as an element of
/// its own, and they weigh in time and memory: 1 MB of `< ` (500,000 marks) took 10 s and
/// 790 MB, against 5 s and 350 MB for 1 MB of prose. In paragraphs at
/// [`crate::doc::markdown::MAX_PARAGRAPH_CHARS`] they cost more (the time of a paragraph
/// grows with its length times its pieces): nine paragraphs of 20,000 characters of `< `
/// (90,000 marks) take 7 s and 210 MB; twice as many took 15 s (debug build, its Typst
/// optimised). Real prose has 2 to 7 in 100 characters, under 70,000 in the megabyte of
/// prose a submission may have, and a report a committee accepts has under 10,000.
pub const MAX_PIECES: usize = 100_000;
/// See [`MAX_TABLE_CELLS`]: a table wider than a page's few columns cannot be read anyway.
pub const MAX_TABLE_COLUMNS: usize = 64;

/// The most bytes of all the files read for one submission (YAML and Markdown).
pub const MAX_FOLDER_BYTES: usize = 8 * 1024 * 1024;

/// A size for messages: "8 MB" for a whole number of megabytes, else kilobytes ("1,060 KB"),
/// so that a size just past a limit does not read as the limit itself.
fn mb(bytes: usize) -> String {
    if bytes.is_multiple_of(1024 * 1024) {
        format!("{} MB", bytes / (1024 * 1024))
    } else {
        format!("{} KB", crate::i18n::number("en", bytes.div_ceil(1024) as u64))
    }
}

/// The error for a folder holding more finding files than [`MAX_FINDINGS`], at the folder.
pub fn too_many_finding_files(loaded_folder: &std::path::Path, count: usize) -> Diagnostic {
    Diagnostic::error(format!(
        "{} holds {count} finding files, more than Amicus builds ({MAX_FINDINGS}; a long report has a few dozen); none of them was read",
        display_path(loaded_folder, FINDINGS_DIR)
    ))
    .in_file(display_path(loaded_folder, FINDINGS_DIR))
    .with_hint("merge findings into fewer files, or move what is not one finding per file out of the folder")
}

/// The error for files that together pass [`MAX_FOLDER_BYTES`], at the file that passed it.
pub fn too_many_bytes(display: &str) -> Diagnostic {
    Diagnostic::error(format!(
        "with {display}, the submission's files come to more than {}, Amicus's limit for one submission (a long report is well under 1 MB); the files after it were not read",
        mb(MAX_FOLDER_BYTES)
    ))
    .in_file(display)
    .with_hint("move what is not part of the report (data, drafts, other reports) out of the submission folder")
}

/// The bounds on counts and prose, as errors at the place that passes each.
pub fn check(loaded: &Loaded) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let s = &loaded.submission;
    let root = loaded.root();
    if s.findings.len() > MAX_FINDINGS {
        let place = loaded.finding_places.get(MAX_FINDINGS).cloned().unwrap_or_else(|| root.key("findings"));
        out.push(
            loaded
                .files
                .error(
                    &place,
                    Target::Value,
                    format!(
                        "the submission has {} findings, more than Amicus builds ({MAX_FINDINGS}; a long report has a few dozen); this is finding {}",
                        s.findings.len(),
                        MAX_FINDINGS + 1
                    ),
                )
                .with_hint("merge findings, or split the submission into several reports"),
        );
    }
    let mut recommendations = 0;
    for (f, place) in s.findings.iter().zip(&loaded.finding_places) {
        recommendations += f.recommendations.len();
        if recommendations > MAX_RECOMMENDATIONS {
            out.push(
                loaded
                    .files
                    .error(
                        &place.key("recommendations"),
                        Target::Value,
                        format!(
                            "the findings up to this one have {recommendations} recommendations, more than Amicus builds ({MAX_RECOMMENDATIONS}; a committee can take up a few dozen)"
                        ),
                    )
                    .with_hint("keep the recommendations the committee should take up; merge the others"),
            );
            break;
        }
    }
    if s.sources.len() > MAX_SOURCES {
        out.push(
            loaded
                .files
                .error(
                    &root.key("sources").index(MAX_SOURCES),
                    Target::Value,
                    format!(
                        "the submission lists {} sources, more than Amicus builds ({MAX_SOURCES}); this is source {}",
                        s.sources.len(),
                        MAX_SOURCES + 1
                    ),
                )
                .with_hint("list the sources the report cites; a bibliography of everything read belongs elsewhere"),
        );
    }
    let places = markdown_places(loaded);
    let prose: usize = places.iter().map(|(_, md)| md.text.len()).sum();
    if prose > MAX_PROSE_BYTES {
        // Named at the largest text, with what it weighs.
        let (place, md) = places.iter().max_by_key(|(_, md)| md.text.len()).expect("some prose");
        let message = format!(
            "the submission's prose comes to {} of Markdown, more than Amicus builds ({}, about 150,000 words; a committee accepts about 10,000); the largest text, this one, is {}",
            mb(prose),
            mb(MAX_PROSE_BYTES),
            mb(md.text.len())
        );
        let hint = "shorten the text, or move long material (annexes of data, other reports) out of the submission";
        let key = crate::load::place_key(place);
        out.push(match loaded.markdown_files.get(&key) {
            Some(file) => Diagnostic::error(message).in_file(file).at(1, 1).with_hint(hint),
            None => loaded.files.error(place, Target::Value, message).with_hint(hint),
        });
    }
    out
}

/// Running totals of the Markdown elements that cost Typst most to lay out
/// ([`crate::doc::markdown::Heavy`]), over all the fields of a submission: each budget
/// ([`MAX_NOTES`], [`MAX_HEADINGS`], [`MAX_TABLE_CELLS`], [`MAX_MARKS`]) is reported once, at the element
/// that passes it, and every table wider than [`MAX_TABLE_COLUMNS`] at the table.
#[derive(Debug, Default)]
pub struct Layout {
    /// Footnote references so far.
    notes: usize,
    /// Headings so far.
    headings: usize,
    /// Table cells so far.
    cells: usize,
    /// Inline elements so far.
    marks: usize,
    /// Punctuation marks and line breaks in paragraphs so far.
    pieces: usize,
    /// Whether each of the five totals was reported.
    reported: [bool; 5],
}

impl Layout {
    /// Counts one field's elements; the problems, at their place in the field.
    pub fn count(&mut self, heavy: &crate::doc::markdown::Heavy) -> Vec<crate::writers::typst::MarkupProblem> {
        use crate::writers::typst::{MarkupProblem, Severity};
        let problem = |at: &comrak::nodes::LineColumn, message: String, hint: &str| MarkupProblem {
            line: at.line,
            column: at.column,
            severity: Severity::Error,
            message,
            hint: Some(hint.to_owned()),
        };
        let number = |n: usize| crate::i18n::number("en", n as u64);
        let mut out = Vec::new();
        for at in &heavy.notes {
            self.notes += 1;
            if self.notes > MAX_NOTES && !self.reported[0] {
                self.reported[0] = true;
                out.push(problem(
                    at,
                    format!(
                        "with this footnote the submission has more than {} footnotes, more than Amicus lays out in one document (a long report has a few hundred)",
                        number(MAX_NOTES)
                    ),
                    "cite a source once for a passage rather than at every sentence, or move the notes of an annex into its text",
                ));
            }
        }
        for at in &heavy.headings {
            self.headings += 1;
            if self.headings > MAX_HEADINGS && !self.reported[1] {
                self.reported[1] = true;
                out.push(problem(
                    at,
                    format!(
                        "with this heading the submission has more than {} headings in its Markdown, more than Amicus lays out in one document",
                        number(MAX_HEADINGS)
                    ),
                    "a finding needs few headings of its own: use paragraphs, or a list, for short points",
                ));
            }
        }
        for at in &heavy.marks {
            self.marks += 1;
            if self.marks > MAX_MARKS && !self.reported[3] {
                self.reported[3] = true;
                out.push(problem(
                    at,
                    format!(
                        "here the submission's Markdown passes {} marked-up elements (emphasis, links, code, notes), more than Amicus lays out in one document",
                        number(MAX_MARKS)
                    ),
                    "emphasise and link sparingly: a long report has a few thousand such elements",
                ));
            }
        }
        for (at, pieces) in &heavy.pieces {
            self.pieces = self.pieces.saturating_add(*pieces);
            if self.pieces > MAX_PIECES && !self.reported[4] {
                self.reported[4] = true;
                out.push(problem(
                    at,
                    format!(
                        "with this paragraph the submission's Markdown passes {} punctuation marks and line breaks, more than Amicus lays out in one document (a megabyte of prose has under 70,000)",
                        number(MAX_PIECES)
                    ),
                    "this much punctuation is not prose: move data, code or lists of symbols out of the report, and give them as a source with a link",
                ));
            }
        }
        for (at, cells, columns) in &heavy.tables {
            if *columns > MAX_TABLE_COLUMNS {
                out.push(problem(
                    at,
                    format!(
                        "this table has {} columns, more than Amicus lays out ({MAX_TABLE_COLUMNS})",
                        number(*columns)
                    ),
                    "a page holds a few columns: split the table, or turn it so that the long side runs down the page",
                ));
                continue;
            }
            self.cells = self.cells.saturating_add(*cells);
            if self.cells > MAX_TABLE_CELLS && !self.reported[2] {
                self.reported[2] = true;
                out.push(problem(
                    at,
                    format!(
                        "with this table the submission's tables have more than {} cells, more than Amicus lays out in one document",
                        number(MAX_TABLE_CELLS)
                    ),
                    "give large data sets as a source (a link to the data) rather than as tables in the report",
                ));
            }
        }
        out
    }
}
