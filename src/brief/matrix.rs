//! The annex matrix as data: `brief.csv`, `brief.xlsx` (see [`crate::writers::xlsx`]) and
//! `brief.json`, for recommendation trackers.
//!
//! Takes a [`Comparison`] and the documents; gives one row per recommendation and cited CO
//! paragraph (one row, with an empty paragraph, for a recommendation that cites none). The
//! columns follow OHCHR's Universal Human Rights Index where it has a field (`symbol`,
//! `paragraph`, `text`, `section_heading`, `annotation_type`, `body`, `country`,
//! `publication_date`), then the organisation's side (recommendation, finding, status, grade,
//! comment). The CSV is RFC 4180: comma-separated, CRLF line ends, fields quoted when they
//! hold a comma, a quote or a line break, quotes doubled; UTF-8 with a byte-order mark, so
//! that Excel on Windows reads accents right.

use super::compare::{Annotation, Comparison, Quote, annotation, one_line, overlaps};
use super::view::{Sources, ods_url, status_key, summary_sentence};
use crate::model::citation::cite_paragraphs;
use crate::model::submission::Implemented;
use crate::writers::xlsx::{Allowed, Cell, Column};
use serde::Serialize;

/// The CSV columns, in order; the JSON rows use the same names.
pub const COLUMNS: [&str; 26] = [
    "symbol",
    "paragraph",
    "text",
    "section_heading",
    "annotation_type",
    "body",
    "country",
    "publication_date",
    "adoption_date",
    "session",
    "recommendation_number",
    "recommendation_id",
    "recommendation_text",
    "finding_id",
    "finding",
    "status",
    "status_label",
    "follow_up",
    "particular_importance",
    "earlier",
    "previous_observations",
    "grade",
    "grade_label",
    "grade_note",
    "comment",
    "organisations",
];

/// One row of the matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The CO symbol, e.g. `CCPR/C/KAZ/CO/3` (UHRI: Symbol).
    pub symbol: String,
    /// The cited paragraph, `34 (d)`; empty when the recommendation cites none.
    pub paragraph: String,
    /// The CO text of that paragraph or sub-paragraph(s) (UHRI: Text).
    pub text: String,
    /// The CO's subject heading over the paragraph (UHRI: SectionHeadings).
    pub section_heading: String,
    /// `recommendation` or `concern` when the paragraph's wording says so, else empty (UHRI:
    /// AnnotationType).
    pub annotation_type: String,
    /// The committee's code, e.g. `CCPR` (UHRI: Body).
    pub body: String,
    /// The State (UHRI: Countries).
    pub country: String,
    /// The CO's date, `YYYY-MM-DD` (UHRI: PublicationDate).
    pub publication_date: String,
    /// The date of adoption, `YYYY-MM-DD`.
    pub adoption_date: String,
    /// The session number.
    pub session: String,
    /// The recommendation's number in the submission (R5 → 5).
    pub recommendation_number: usize,
    /// The recommendation's id.
    pub recommendation_id: String,
    /// The recommendation's text.
    pub recommendation_text: String,
    /// The finding's id.
    pub finding_id: String,
    /// The finding's title.
    pub finding: String,
    /// `fully`, `partially`, `not-reflected` or `pending`, as in `assessment.yaml`.
    pub status: String,
    /// "Fully reflected" …
    pub status_label: String,
    /// Whether the paragraph is among those selected for the follow-up procedure.
    pub follow_up: bool,
    /// Whether the paragraph is among those the committee calls "of particular importance".
    pub particular_importance: bool,
    /// The earlier recommendations this paragraph says it repeats or recalls (`earlier:` in
    /// the CO file): `CRPD/C/CAN/CO/1, paras. 27 and 28`; several separated by `; `.
    pub earlier: String,
    /// The earlier recommendations the finding follows up (`previous_observations`), with the
    /// organisations' view of their implementation: `CRPD/C/CAN/CO/1, para. 8 (no)`.
    pub previous_observations: String,
    /// The implementation grade, e.g. `B`.
    pub grade: String,
    /// The committee's wording of the grade.
    pub grade_label: String,
    /// The note given with the grade.
    pub grade_note: String,
    /// The organisations' comment, in Markdown as written.
    pub comment: String,
    /// The organisations that made the recommendation, separated by `; `.
    pub organisations: String,
}

impl Row {
    /// The values in [`COLUMNS`] order, as text.
    pub fn values(&self) -> [String; 26] {
        [
            self.symbol.clone(),
            self.paragraph.clone(),
            self.text.clone(),
            self.section_heading.clone(),
            self.annotation_type.clone(),
            self.body.clone(),
            self.country.clone(),
            self.publication_date.clone(),
            self.adoption_date.clone(),
            self.session.clone(),
            self.recommendation_number.to_string(),
            self.recommendation_id.clone(),
            self.recommendation_text.clone(),
            self.finding_id.clone(),
            self.finding.clone(),
            self.status.clone(),
            self.status_label.clone(),
            self.follow_up.to_string(),
            self.particular_importance.to_string(),
            self.earlier.clone(),
            self.previous_observations.clone(),
            self.grade.clone(),
            self.grade_label.clone(),
            self.grade_note.clone(),
            self.comment.clone(),
            self.organisations.clone(),
        ]
    }
}

/// The statuses a recommendation can have, as `assessment.yaml` writes them: the only values
/// the spreadsheet's status column takes.
pub const STATUSES: [&str; 4] = ["fully", "partially", "not-reflected", "pending"];

/// The columns of `brief.xlsx`: those of [`COLUMNS`], each with a width that fits its content
/// (long texts wide and wrapped, short codes narrow), and the status column restricted to
/// [`STATUSES`], so that a tracker kept in the sheet stays readable by Amicus.
pub fn sheet_columns() -> Vec<Column> {
    let width = |column: &str| match column {
        "text" | "recommendation_text" | "comment" => 60.0,
        "finding" | "section_heading" | "organisations" | "grade_label" | "grade_note" => 28.0,
        "symbol" | "status_label" | "recommendation_id" | "finding_id" => 20.0,
        "publication_date" | "adoption_date" | "annotation_type" | "country" | "status" => 15.0,
        "particular_importance" => 13.0,
        "earlier" | "previous_observations" => 24.0,
        _ => 11.0,
    };
    let statuses = Allowed {
        values: &STATUSES,
        error_title: "Not a status",
        error: "Use one of: fully, partially, not-reflected, pending (as in assessment.yaml).",
        input_title: "Status",
        input: "fully, partially, not-reflected or pending",
    };
    COLUMNS
        .iter()
        .map(|name| Column { name, width: width(name), allowed: (*name == "status").then_some(statuses) })
        .collect()
}

impl Row {
    /// The cells of `brief.xlsx`, in [`COLUMNS`] order: the recommendation's number a number,
    /// the follow-up flags booleans, the CO's dates dates, the rest text.
    pub fn cells(&self) -> Vec<Cell> {
        COLUMNS
            .iter()
            .zip(self.values())
            .map(|(name, value)| match *name {
                "recommendation_number" => Cell::Number(self.recommendation_number as f64),
                "follow_up" => Cell::Bool(self.follow_up),
                "particular_importance" => Cell::Bool(self.particular_importance),
                "publication_date" | "adoption_date" => Cell::Date(value),
                _ => Cell::Text(value),
            })
            .collect()
    }
}

/// UHRI's annotation type of a CO text, from its wording ([`annotation`]): `recommendation`,
/// `concern` or `positive aspect`; empty when the wording does not say.
pub fn annotation_type(text: &str) -> &'static str {
    annotation(text).map_or("", Annotation::key)
}

/// The rows of the matrix.
pub fn rows(docs: Sources, c: &Comparison) -> Vec<Row> {
    let (s, co) = (docs.submission, docs.co);
    let selections: Vec<_> = c.follow_up.iter().flat_map(|f| f.selected.iter().map(|s| s.citation.clone())).collect();
    let important: Vec<_> = c.follow_up.iter().flat_map(|f| f.importance.iter().map(|s| s.citation.clone())).collect();
    let organisations = s.organisations.iter().map(|o| o.name.clone()).collect::<Vec<_>>().join("; ");
    let mut out = Vec::new();
    for f in &c.findings {
        let previous = c
            .previous
            .iter()
            .filter(|p| p.finding_id == f.id)
            .map(|p| {
                let cited = if p.citations.is_empty() {
                    format!("{}, {}", p.symbol, p.written)
                } else {
                    format!("{}, {}", p.symbol, cite_paragraphs(&p.citations))
                };
                match p.implemented {
                    Some(i) => format!("{cited} ({})", implemented_key(i)),
                    None => cited,
                }
            })
            .collect::<Vec<_>>()
            .join("; ");
        for i in &f.items {
            let (grade, grade_label, grade_note) = match &i.grade {
                Some(g) => (g.code.clone(), g.label.clone().unwrap_or_default(), g.note.clone().unwrap_or_default()),
                None => Default::default(),
            };
            let row = |q: Option<&Quote>| Row {
                symbol: co.symbol.clone(),
                paragraph: q.map(|q| q.citation.to_string()).unwrap_or_default(),
                text: q.map(Quote::flat_text).unwrap_or_default(),
                section_heading: q.and_then(|q| q.heading.as_deref()).map(one_line).unwrap_or_default(),
                annotation_type: q.map(|q| annotation_type(&q.flat_text())).unwrap_or_default().into(),
                body: co.committee.code().into(),
                country: co.state.clone(),
                publication_date: co.published.clone().unwrap_or_default(),
                adoption_date: co.adopted.clone().unwrap_or_default(),
                session: co.session.map(|n| n.to_string()).unwrap_or_default(),
                recommendation_number: i.number,
                recommendation_id: i.id.clone(),
                recommendation_text: i.text.clone(),
                finding_id: f.id.clone(),
                finding: f.title.clone(),
                status: status_key(i.status).into(),
                status_label: i.status.label().into(),
                follow_up: q.is_some_and(|q| selections.iter().any(|s| overlaps(s, std::slice::from_ref(&q.citation)))),
                particular_importance: q
                    .is_some_and(|q| important.iter().any(|s| overlaps(s, std::slice::from_ref(&q.citation)))),
                earlier: q
                    .map(|q| {
                        i.earlier
                            .iter()
                            .filter(|e| e.in_paragraph == q.citation.paragraph)
                            .map(|e| {
                                if e.citations.is_empty() {
                                    e.symbol.clone()
                                } else {
                                    format!("{}, {}", e.symbol, cite_paragraphs(&e.citations))
                                }
                            })
                            .collect::<Vec<_>>()
                            .join("; ")
                    })
                    .unwrap_or_default(),
                previous_observations: previous.clone(),
                grade: grade.clone(),
                grade_label: grade_label.clone(),
                grade_note: grade_note.clone(),
                comment: i.comment.as_ref().map(|m| m.text.trim().to_owned()).unwrap_or_default(),
                organisations: organisations.clone(),
            };
            if i.quotes.is_empty() {
                out.push(row(None));
            }
            for q in &i.quotes {
                out.push(row(Some(q)));
            }
        }
    }
    out
}

/// The organisations' view of an earlier recommendation's implementation, as the submission
/// writes it.
fn implemented_key(i: Implemented) -> &'static str {
    match i {
        Implemented::Yes => "yes",
        Implemented::Partly => "partly",
        Implemented::No => "no",
    }
}

/// A value as it goes into a CSV cell: text that a spreadsheet would run as a formula gets a
/// leading apostrophe, which spreadsheets show as text and hide (OWASP's advice against CSV
/// injection).
///
/// A value is a formula to Excel and LibreOffice when its first character other than white
/// space is `=`, `+`, `-` or `@` (`  =HYPERLINK(…)` runs too), or when it starts with a tab
/// or a carriage return. The guard applies to every column, since any of them can hold text a
/// user typed or the committee wrote. The JSON matrix keeps every value as written, and the
/// xlsx matrix needs no guard: its cells are typed as text.
pub fn guard_formula(value: &str) -> std::borrow::Cow<'_, str> {
    let formula = value.starts_with(['\t', '\r']) || value.trim_start().starts_with(['=', '+', '-', '@']);
    if formula { format!("'{value}").into() } else { value.into() }
}

/// The byte-order mark that tells Excel on Windows a CSV file is UTF-8: without it Excel reads
/// the file in the machine's legacy code page and garbles "Candomblé" and "Alcântara".
pub const BOM: &str = "\u{feff}";

/// The matrix as RFC 4180 CSV (comma-separated, CRLF line ends, fields quoted when they hold
/// a comma, a quote or a line break, quotes doubled), written with the `csv` crate, with a
/// header line and a UTF-8 byte-order mark in front.
pub fn csv(rows: &[Row]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(BOM.as_bytes().to_vec());
    let write = |writer: &mut csv::Writer<Vec<u8>>, values: &[String]| {
        writer.write_record(values.iter().map(|v| guard_formula(v).into_owned()))
    };
    // Writing into memory fails only if a record is malformed, which these fixed-width
    // records cannot be.
    let _ = write(&mut writer, &COLUMNS.map(str::to_owned));
    for r in rows {
        let _ = write(&mut writer, &r.values());
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// What `brief.xlsx` says about itself: title, authors, date, and a few lines on the data.
pub fn about(docs: Sources, c: &Comparison) -> crate::writers::xlsx::About {
    let (s, co, a) = (docs.submission, docs.co, docs.assessment);
    let names: Vec<String> = s.organisations.iter().map(|o| o.name.clone()).collect();
    let mut lines = vec![
        format!(
            "One row per recommendation of our submission and paragraph of the concluding observations {} that reflects it (one row with an empty paragraph when none does).",
            co.symbol
        ),
        summary_sentence(&c.counts),
        format!("The concluding observations: {} ({}).", co.symbol, ods_url(&co.symbol, &s.language)),
    ];
    if let Some(deadline) = c.follow_up.as_ref().and_then(|f| f.deadline.as_deref()) {
        lines.push(format!(
            "The column follow_up is TRUE for paragraphs the Committee selected for its follow-up procedure; the State party is to report on them by {deadline}."
        ));
    }
    if c.follow_up.as_ref().is_some_and(|f| !f.importance.is_empty()) {
        lines.push(
            "The column particular_importance is TRUE for paragraphs the Committee called of particular importance."
                .into(),
        );
    }
    if c.findings.iter().flat_map(|f| &f.items).any(|i| !i.earlier.is_empty()) || !c.previous.is_empty() {
        lines.push(
            "The column earlier names the earlier recommendations the paragraph says it repeats or recalls; previous_observations, those the finding followed up, with our view of their implementation.".into(),
        );
    }
    lines.push(
        "The column status takes the values of assessment.yaml: fully, partially, not-reflected or pending.".into(),
    );
    lines.push(format!("Brief dated {}, by {}.", a.date, names.join("; ")));
    crate::writers::xlsx::About { title: one_line(&a.title), author: names.join("; "), date: a.date.clone(), lines }
}

/// The JSON document: metadata, counts and the rows.
#[derive(Debug, Clone, Serialize)]
pub struct Document<'a> {
    /// `amicus-brief-matrix`.
    pub format: &'static str,
    /// The format's version.
    pub version: u32,
    /// The brief.
    pub brief: BriefMeta,
    /// The submission followed up.
    pub submission: SubmissionMeta,
    /// The concluding observations.
    pub concluding_observations: CoMeta,
    /// The follow-up procedure, when the CO file records it.
    pub follow_up: Option<FollowUpMeta>,
    /// Counts over all recommendations.
    pub counts: CountsMeta,
    /// The column names of the rows, in CSV order.
    pub columns: Vec<&'static str>,
    /// The rows.
    pub rows: &'a [Row],
}

/// The brief's own data.
#[derive(Debug, Clone, Serialize)]
pub struct BriefMeta {
    /// Its title.
    pub title: String,
    /// Its date, `YYYY-MM-DD`.
    pub date: String,
    /// The counts in words.
    pub summary: String,
}

/// The submission's data.
#[derive(Debug, Clone, Serialize)]
pub struct SubmissionMeta {
    /// Its title.
    pub title: String,
    /// Its date.
    pub date: String,
    /// The committee's code.
    pub committee: String,
    /// The State.
    pub state: String,
    /// The session.
    pub session: u32,
    /// The organisations.
    pub organisations: Vec<String>,
}

/// The CO's data.
#[derive(Debug, Clone, Serialize)]
pub struct CoMeta {
    /// The symbol.
    pub symbol: String,
    /// The committee's code.
    pub committee: String,
    /// The State.
    pub state: String,
    /// The title.
    pub title: Option<String>,
    /// The session.
    pub session: Option<u32>,
    /// Adopted on, `YYYY-MM-DD`.
    pub adopted: Option<String>,
    /// Dated, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// In the UN Official Document System.
    pub url: String,
}

/// The follow-up procedure.
#[derive(Debug, Clone, Serialize)]
pub struct FollowUpMeta {
    /// The CO paragraph that sets it out.
    pub paragraph: Option<u32>,
    /// The selected paragraphs, `34 (d)`.
    pub selected: Vec<String>,
    /// The deadline, `YYYY-MM-DD`.
    pub deadline: Option<String>,
    /// The next periodic report, as written.
    pub next_report: Option<String>,
    /// The recommendations the selection touches, by id.
    pub recommendations: Vec<String>,
    /// The paragraphs "of particular importance", `11`.
    pub particular_importance: Vec<String>,
    /// The recommendations those touch, by id.
    pub particular_importance_recommendations: Vec<String>,
}

/// Counts.
#[derive(Debug, Clone, Serialize)]
pub struct CountsMeta {
    /// Made.
    pub made: usize,
    /// Fully reflected.
    pub fully: usize,
    /// Partially reflected.
    pub partially: usize,
    /// Not reflected.
    pub not_reflected: usize,
    /// Not yet assessed.
    pub pending: usize,
}

/// The matrix as a JSON document (pretty-printed, ending with a newline).
pub fn json(docs: Sources, c: &Comparison, rows: &[Row]) -> String {
    let (s, co, a) = (docs.submission, docs.co, docs.assessment);
    let ids: std::collections::BTreeMap<usize, &str> =
        c.findings.iter().flat_map(|f| &f.items).map(|i| (i.number, i.id.as_str())).collect();
    let doc = Document {
        format: "amicus-brief-matrix",
        version: 1,
        brief: BriefMeta { title: one_line(&a.title), date: a.date.clone(), summary: summary_sentence(&c.counts) },
        submission: SubmissionMeta {
            title: one_line(&s.title),
            date: s.date.clone(),
            committee: s.committee.code().into(),
            state: s.state.clone(),
            session: s.session.number,
            organisations: s.organisations.iter().map(|o| o.name.clone()).collect(),
        },
        concluding_observations: CoMeta {
            symbol: co.symbol.clone(),
            committee: co.committee.code().into(),
            state: co.state.clone(),
            title: co.title.as_deref().map(one_line),
            session: co.session,
            adopted: co.adopted.clone(),
            published: co.published.clone(),
            url: ods_url(&co.symbol, &s.language),
        },
        follow_up: c.follow_up.as_ref().map(|f| {
            let by_id = |list: &[super::compare::Selected]| -> Vec<String> {
                let mut touched: Vec<usize> = list.iter().flat_map(|s| s.recommendations.iter().copied()).collect();
                touched.sort_unstable();
                touched.dedup();
                touched.iter().filter_map(|n| ids.get(n).map(|s| (*s).to_owned())).collect()
            };
            FollowUpMeta {
                particular_importance: f.importance.iter().map(|s| s.citation.to_string()).collect(),
                particular_importance_recommendations: by_id(&f.importance),
                paragraph: f.paragraph,
                selected: f.selected.iter().map(|s| s.citation.to_string()).collect(),
                deadline: f.deadline.clone(),
                next_report: f.next_report.clone(),
                recommendations: by_id(&f.selected),
            }
        }),
        counts: CountsMeta {
            made: c.counts.made,
            fully: c.counts.fully,
            partially: c.counts.partially,
            not_reflected: c.counts.not_reflected,
            pending: c.counts.pending,
        },
        columns: COLUMNS.to_vec(),
        rows,
    };
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".into());
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The CSV of one row whose every column holds `value`, without the header line.
    fn csv_line(value: &str) -> String {
        let row = Row {
            symbol: value.into(),
            paragraph: value.into(),
            text: value.into(),
            section_heading: value.into(),
            annotation_type: value.into(),
            body: value.into(),
            country: value.into(),
            publication_date: value.into(),
            adoption_date: value.into(),
            session: value.into(),
            recommendation_number: 1,
            recommendation_id: value.into(),
            recommendation_text: value.into(),
            finding_id: value.into(),
            finding: value.into(),
            status: value.into(),
            status_label: value.into(),
            follow_up: false,
            particular_importance: false,
            earlier: value.into(),
            previous_observations: value.into(),
            grade: value.into(),
            grade_label: value.into(),
            grade_note: value.into(),
            comment: value.into(),
            organisations: value.into(),
        };
        let text = csv(&[row]);
        text.split_once("\r\n").unwrap().1.to_owned()
    }

    #[test]
    fn the_csv_starts_with_a_byte_order_mark_and_keeps_accents() {
        let text = csv(&[]);
        assert!(text.starts_with("\u{feff}symbol,paragraph,text,"), "{text:?}");
        assert!(text.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
        assert!(csv_line("Candomblé, Alcântara").starts_with("\"Candomblé, Alcântara\","));
    }

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        for (value, cell) in [
            ("plain", "plain"),
            ("a, b", "\"a, b\""),
            ("say \"no\"", "\"say \"\"no\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("Méndez", "Méndez"),
        ] {
            let line = csv_line(value);
            assert!(line.starts_with(&format!("{cell},{cell},")), "{value:?} gave {line:?}");
        }
    }

    #[test]
    fn csv_fields_that_look_like_formulas_stay_text_in_every_column() {
        for (value, cell) in [
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("  =1+2", "'  =1+2"),
            (" \u{a0}@x", "' \u{a0}@x"),
            ("\tx", "'\tx"),
            ("a=b", "a=b"),
            ("3-4", "3-4"),
        ] {
            let line = csv_line(value);
            // Every text column carries the guard, the first as much as the last.
            let cells = line.matches(cell).count();
            assert_eq!(cells, 23, "{value:?} gave {line:?}");
        }
    }

    #[test]
    fn annotation_types_follow_the_wording() {
        assert_eq!(annotation_type("The State party should: (d) Taking all measures"), "recommendation");
        assert_eq!(annotation_type("The Committee is concerned about reports"), "concern");
        assert_eq!(annotation_type("Ensuring that victims"), "");
    }
}
