//! The annex matrix as data: `brief.csv` and `brief.json`, for recommendation trackers.
//!
//! Takes a [`Comparison`] and the documents; gives one row per recommendation and cited CO
//! paragraph (one row, with an empty paragraph, for a recommendation that cites none). The
//! columns follow OHCHR's Universal Human Rights Index where it has a field (`symbol`,
//! `paragraph`, `text`, `section_heading`, `annotation_type`, `body`, `country`,
//! `publication_date`), then the organisation's side (recommendation, finding, status, grade,
//! comment). The CSV is RFC 4180: comma-separated, CRLF line ends, fields quoted when they
//! hold a comma, a quote or a line break, quotes doubled; UTF-8 without a byte-order mark.

use super::compare::{Comparison, Quote, one_line, overlaps};
use super::view::{Sources, ods_url, status_key, summary_sentence};
use serde::Serialize;

/// The CSV columns, in order; the JSON rows use the same names.
pub const COLUMNS: [&str; 23] = [
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
    /// The values in [`COLUMNS`] order, as CSV text.
    fn values(&self) -> [String; 23] {
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
            self.grade.clone(),
            self.grade_label.clone(),
            self.grade_note.clone(),
            self.comment.clone(),
            self.organisations.clone(),
        ]
    }
}

/// Guesses UHRI's annotation type from a CO paragraph's wording: committees phrase
/// recommendations with "should", "recommends", "urges" or "encourages", and concerns with
/// "concerned" or "regrets". Empty when neither appears.
pub fn annotation_type(text: &str) -> &'static str {
    let t = text.to_lowercase();
    if ["should", "recommends", "urges", "encourages", "calls upon", "requests"].iter().any(|w| t.contains(w)) {
        "recommendation"
    } else if ["concerned", "concern", "regrets", "notes with"].iter().any(|w| t.contains(w)) {
        "concern"
    } else {
        ""
    }
}

/// The rows of the matrix.
pub fn rows(docs: Sources, c: &Comparison) -> Vec<Row> {
    let (s, co) = (docs.submission, docs.co);
    let selections: Vec<_> = c.follow_up.iter().flat_map(|f| f.selected.iter().map(|s| s.citation.clone())).collect();
    let organisations = s.organisations.iter().map(|o| o.name.clone()).collect::<Vec<_>>().join("; ");
    let mut out = Vec::new();
    for f in &c.findings {
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

/// One CSV field, quoted when RFC 4180 requires it.
///
/// User text is data here too: a spreadsheet would run a field that starts like a formula
/// (`=`, `+`, `-`, `@`, a tab or a carriage return), so such a field gets a leading apostrophe,
/// which spreadsheets show as text and hide (OWASP's advice against CSV injection). The JSON
/// matrix keeps every value as written.
fn csv_field(value: &str, out: &mut String) {
    let guarded;
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{value}");
        guarded.as_str()
    } else {
        value
    };
    if value.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// The matrix as RFC 4180 CSV with a header line.
pub fn csv(rows: &[Row]) -> String {
    let mut out = String::new();
    let mut line = |values: &[String]| {
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_field(v, &mut out);
        }
        out.push_str("\r\n");
    };
    line(&COLUMNS.map(str::to_owned));
    for r in rows {
        line(&r.values());
    }
    out
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
            let mut touched: Vec<usize> = f.selected.iter().flat_map(|s| s.recommendations.iter().copied()).collect();
            touched.sort_unstable();
            touched.dedup();
            FollowUpMeta {
                paragraph: f.paragraph,
                selected: f.selected.iter().map(|s| s.citation.to_string()).collect(),
                deadline: f.deadline.clone(),
                next_report: f.next_report.clone(),
                recommendations: touched.iter().filter_map(|n| ids.get(n).map(|s| (*s).to_owned())).collect(),
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

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        let mut out = String::new();
        for v in ["plain", "a, b", "say \"no\"", "two\nlines", "", "Méndez"] {
            csv_field(v, &mut out);
            out.push('|');
        }
        assert_eq!(out, "plain|\"a, b\"|\"say \"\"no\"\"\"|\"two\nlines\"||Méndez|");
    }

    #[test]
    fn csv_fields_that_look_like_formulas_stay_text() {
        let mut out = String::new();
        for v in ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "a=b", "3-4"] {
            csv_field(v, &mut out);
            out.push('|');
        }
        assert_eq!(out, "\"'=HYPERLINK(\"\"x\"\")\"|'+1|'-2|'@SUM(A1)|a=b|3-4|");
    }

    #[test]
    fn annotation_types_follow_the_wording() {
        assert_eq!(annotation_type("The State party should: (d) Taking all measures"), "recommendation");
        assert_eq!(annotation_type("The Committee is concerned about reports"), "concern");
        assert_eq!(annotation_type("Ensuring that victims"), "");
    }
}
