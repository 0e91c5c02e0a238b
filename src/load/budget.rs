//! What a submission may hold, at most: bounds on the volume of one folder, checked when it
//! is loaded, before anything is converted or laid out.
//!
//! Each file is already read to at most [`super::MAX_FILE_BYTES`]; these bound the folder as a
//! whole, so that building one (Typst lays out everything at once, and its memory grows with
//! what it lays out) stays within a known amount of time and memory. Each limit is far beyond
//! a real submission: a treaty body accepts about 10,000 words, a long coalition report has
//! a few dozen findings. The figures they were set from are measured in
//! `docs/threat-model.md`.

use super::locate::Seg;
use super::locate::Target;
use super::{FINDINGS_DIR, Loaded, Place, display_path, markdown_places, place_key};
use crate::diag::Diagnostic;
use std::collections::BTreeSet;

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
/// table of 60,000 columns took over a minute). Each cell costs Typst about 45 KB: 20,000
/// one-letter cells aborted at 850 MB, 10,000 took 5 s and 540 MB, 5,000 3 s and 310 MB
/// (debug build). A report's tables have a few hundred cells.
pub const MAX_TABLE_CELLS: usize = 5_000;
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
/// The most blocks (paragraphs, headings, quotes, lists, lines of code …) the submission's
/// Markdown may have: each weighs in Typst's memory whatever its length. 300,000 paragraphs of
/// one letter (900 KB) took 900 MB, then aborted; 20,000 take 3.4 s and 280 MB (debug
/// build). A report a committee accepts has a few hundred; a megabyte of prose, about 1,100.
pub const MAX_BLOCKS: usize = 10_000;
/// The most list items in the submission's Markdown: each costs Typst about 40 KB (20,000
/// items of one letter took 790 MB; 2,000, 150 MB in all; debug build). A long report has a
/// few hundred.
pub const MAX_LIST_ITEMS: usize = 2_000;
/// See [`MAX_TABLE_CELLS`]: a table wider than a page's few columns cannot be read anyway.
pub const MAX_TABLE_COLUMNS: usize = 64;

/// The longest text of a field that is not Markdown (a title, a recommendation, a question,
/// a source's title …): Typst lays each out as one paragraph, some twice (a title in the
/// contents, a recommendation in the summary), in time growing with the square of its
/// length: a finding's title of 800 KB of `< ` ran past 120 s. A long recommendation has
/// 2,000 characters.
pub const MAX_FIELD_CHARS: usize = 5_000;
/// The longest title, subtitle or heading of a field (see
/// [`crate::doc::markdown::MAX_HEADING_CHARS`]: a title is laid out as a heading).
pub const MAX_TITLE_CHARS: usize = crate::doc::markdown::MAX_HEADING_CHARS;
/// The most text in all the fields that are not Markdown together: each weighs more than
/// prose, being printed more than once (700 recommendations of 300 characters, 210 KB, take
/// 3.9 s and 490 MB to build; debug build). The largest example has 7 KB; a long report,
/// 200 recommendations of 250 characters, 50 KB.
pub const MAX_FIELDS_BYTES: usize = 128 * 1024;
/// The most punctuation marks in all the fields that are not Markdown together (see
/// [`MAX_PIECES`]; real text has 2 to 7 in 100 characters).
pub const MAX_FIELDS_PIECES: usize = 25_000;

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
    out.extend(check_fields(loaded));
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

/// One text of the submission that is not Markdown: its place, characters, bytes and
/// punctuation marks.
struct Field {
    place: Place,
    chars: usize,
    bytes: usize,
    pieces: usize,
}

/// Every text of the submission that is not Markdown (a title, a recommendation, a question,
/// a source's fields …), measured, in the model's order.
fn plain_fields(loaded: &Loaded) -> Vec<Field> {
    fn walk(value: &serde_json::Value, place: Place, skip: &BTreeSet<String>, out: &mut Vec<Field>) {
        match value {
            serde_json::Value::String(s) if !skip.contains(&place_key(&place)) => out.push(Field {
                place,
                chars: s.chars().count(),
                bytes: s.len(),
                pieces: crate::doc::markdown::paragraph_pieces(s),
            }),
            serde_json::Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, place.index(i), skip, out);
                }
            }
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    walk(v, place.key(k), skip, out);
                }
            }
            _ => {}
        }
    }
    let skip: BTreeSet<String> = markdown_places(loaded).iter().map(|(place, _)| place_key(place)).collect();
    let mut out = Vec::new();
    let Ok(serde_json::Value::Object(map)) = serde_json::to_value(&loaded.submission) else { return out };
    let root = loaded.root();
    for (key, value) in &map {
        match value {
            // Findings live in files of their own.
            serde_json::Value::Array(findings) if key == "findings" => {
                for (finding, place) in findings.iter().zip(&loaded.finding_places) {
                    walk(finding, place.clone(), &skip, &mut out);
                }
            }
            _ => walk(value, root.key(key), &skip, &mut out),
        }
    }
    out
}

/// The bounds on the fields that are not Markdown ([`MAX_FIELD_CHARS`], [`MAX_FIELDS_BYTES`],
/// [`MAX_FIELDS_PIECES`]), each reported once, at the field that passes it.
fn check_fields(loaded: &Loaded) -> Vec<Diagnostic> {
    let number = |n: usize| crate::i18n::number("en", n as u64);
    let mut out = Vec::new();
    let (mut bytes, mut pieces) = (0usize, 0usize);
    let mut reported = [false; 3];
    for field in plain_fields(loaded) {
        let error = |message: String, hint: &str| {
            loaded.files.error(&field.place, Target::Value, message).with_hint(hint.to_owned())
        };
        let title = matches!(field.place.path.last(), Some(Seg::Key(k)) if ["title", "subtitle", "heading"].contains(&k.as_str()));
        let (max, example) = if title {
            (MAX_TITLE_CHARS, "a long title has a hundred")
        } else {
            (MAX_FIELD_CHARS, "a long recommendation has 2,000")
        };
        if field.chars > max && !reported[0] {
            reported[0] = true;
            out.push(error(
                format!(
                    "this text has {} characters, more than Amicus lays out in a field like this one ({}; {example})",
                    number(field.chars),
                    number(max)
                ),
                "shorten it; long text belongs in a finding's body (Markdown), in paragraphs",
            ));
        }
        bytes = bytes.saturating_add(field.bytes);
        if bytes > MAX_FIELDS_BYTES && !reported[1] {
            reported[1] = true;
            out.push(error(
                format!(
                    "with this text the submission's titles, recommendations, questions and other fields that are not Markdown come to more than {}, more than Amicus builds (a long report has under 50 KB)",
                    mb(MAX_FIELDS_BYTES)
                ),
                "keep long text in the findings' bodies (Markdown), and move what is not part of the report out of the folder",
            ));
        }
        pieces = pieces.saturating_add(field.pieces);
        if pieces > MAX_FIELDS_PIECES && !reported[2] {
            reported[2] = true;
            out.push(error(
                format!(
                    "with this text the submission's fields that are not Markdown have more than {} punctuation marks, more than Amicus lays out in one document",
                    number(MAX_FIELDS_PIECES)
                ),
                "this much punctuation is not prose: move data or lists of symbols out of the report",
            ));
        }
    }
    out
}

/// Running totals of the Markdown elements that cost Typst most to lay out
/// ([`crate::doc::markdown::Heavy`]), over all the fields of a submission: each budget
/// ([`MAX_NOTES`], [`MAX_HEADINGS`], [`MAX_TABLE_CELLS`], [`MAX_MARKS`], [`MAX_PIECES`],
/// [`MAX_BLOCKS`], [`MAX_LIST_ITEMS`]) is reported once, at the element that passes it, and
/// every table wider than [`MAX_TABLE_COLUMNS`] at the table.
#[derive(Debug, Default)]
pub struct Layout {
    /// Footnote references so far.
    notes: Total,
    /// Headings so far.
    headings: Total,
    /// Table cells so far.
    cells: Total,
    /// Inline elements so far.
    marks: Total,
    /// Punctuation marks and line breaks in paragraphs so far.
    pieces: Total,
    /// Blocks so far, a code block weighing its lines.
    blocks: Total,
    /// List items so far.
    items: Total,
}

/// One running total, and whether passing its budget was reported.
#[derive(Debug, Default)]
struct Total {
    /// The sum so far.
    sum: usize,
    /// Whether it passed its budget.
    reported: bool,
}

impl Total {
    /// Adds `n`; whether the total passes `max` for the first time.
    fn add(&mut self, n: usize, max: usize) -> bool {
        self.sum = self.sum.saturating_add(n);
        let first = self.sum > max && !self.reported;
        self.reported |= first;
        first
    }
}

/// A budget of [`Layout`] and what passing it says: `{}` in the message is the budget.
struct Rule {
    /// The budget.
    max: usize,
    /// The error, at the element that passes it.
    message: &'static str,
    /// How to fix it.
    hint: &'static str,
}

const NOTES: Rule = Rule {
    max: MAX_NOTES,
    message: "with this footnote the submission has more than {} footnotes, more than Amicus lays out in one document (a long report has a few hundred)",
    hint: "cite a source once for a passage rather than at every sentence, or move the notes of an annex into its text",
};
const HEADINGS: Rule = Rule {
    max: MAX_HEADINGS,
    message: "with this heading the submission has more than {} headings in its Markdown, more than Amicus lays out in one document",
    hint: "a finding needs few headings of its own: use paragraphs, or a list, for short points",
};
const MARKS: Rule = Rule {
    max: MAX_MARKS,
    message: "here the submission's Markdown passes {} marked-up elements (emphasis, links, code, notes), more than Amicus lays out in one document",
    hint: "emphasise and link sparingly: a long report has a few thousand such elements",
};
const PIECES: Rule = Rule {
    max: MAX_PIECES,
    message: "with this paragraph the submission's Markdown passes {} punctuation marks and line breaks, more than Amicus lays out in one document (a megabyte of prose has under 70,000)",
    hint: "this much punctuation is not prose: move data, code or lists of symbols out of the report, and give them as a source with a link",
};
const BLOCKS: Rule = Rule {
    max: MAX_BLOCKS,
    message: "with this block the submission's Markdown has more than {} paragraphs, headings, lists and lines of code, more than Amicus lays out in one document (a megabyte of prose has about 1,100)",
    hint: "join short paragraphs, or move data and code out of the report and give them as a source with a link",
};
const ITEMS: Rule = Rule {
    max: MAX_LIST_ITEMS,
    message: "with this item the submission's Markdown has more than {} list items, more than Amicus lays out in one document (a long report has a few hundred)",
    hint: "write long enumerations as paragraphs or a table, or give them as a source with a link",
};
const CELLS: Rule = Rule {
    max: MAX_TABLE_CELLS,
    message: "with this table the submission's tables have more than {} cells, more than Amicus lays out in one document",
    hint: "give large data sets as a source (a link to the data) rather than as tables in the report",
};

impl Layout {
    /// Counts one field's elements; the problems, at their place in the field.
    pub fn count(&mut self, heavy: &crate::doc::markdown::Heavy) -> Vec<crate::writers::typst::MarkupProblem> {
        use crate::writers::typst::{MarkupProblem, Severity};
        let number = |n: usize| crate::i18n::number("en", n as u64);
        let problem = |at: &comrak::nodes::LineColumn, message: String, hint: &str| MarkupProblem {
            line: at.line,
            column: at.column,
            severity: Severity::Error,
            message,
            hint: Some(hint.to_owned()),
        };
        let mut out = Vec::new();
        let mut add = |total: &mut Total, rule: &Rule, at: &comrak::nodes::LineColumn, n: usize| {
            if total.add(n, rule.max) {
                out.push(problem(at, rule.message.replace("{}", &number(rule.max)), rule.hint));
            }
        };
        for at in &heavy.notes {
            add(&mut self.notes, &NOTES, at, 1);
        }
        for at in &heavy.headings {
            add(&mut self.headings, &HEADINGS, at, 1);
        }
        for at in &heavy.marks {
            add(&mut self.marks, &MARKS, at, 1);
        }
        for (at, pieces) in &heavy.pieces {
            add(&mut self.pieces, &PIECES, at, *pieces);
        }
        for (at, weight) in &heavy.blocks {
            add(&mut self.blocks, &BLOCKS, at, *weight);
        }
        for at in &heavy.items {
            add(&mut self.items, &ITEMS, at, 1);
        }
        let mut wide = Vec::new();
        for (at, cells, columns) in &heavy.tables {
            if *columns > MAX_TABLE_COLUMNS {
                wide.push(problem(
                    at,
                    format!(
                        "this table has {} columns, more than Amicus lays out ({MAX_TABLE_COLUMNS})",
                        number(*columns)
                    ),
                    "a page holds a few columns: split the table, or turn it so that the long side runs down the page",
                ));
            } else {
                add(&mut self.cells, &CELLS, at, *cells);
            }
        }
        out.extend(wide);
        out
    }
}
