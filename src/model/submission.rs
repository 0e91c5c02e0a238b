//! The shadow report as the advocate writes it: `submission.yaml` and `findings/*.yaml`.
//!
//! Every field's `///` line becomes its description in the JSON Schema that editors use.

use super::article::Article;
use super::committee::Committee;
use super::prose::Markdown;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A submission to a UN treaty body or the UPR: `submission.yaml`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// The body the report goes to: CCPR, CAT, CERD, CEDAW, CRC, CMW, CESCR, CRPD, CED or UPR.
    pub committee: Committee,
    /// The session at which the State is reviewed.
    pub session: Session,
    /// The State under review, as the UN names it (e.g. `Kazakhstan`).
    pub state: String,
    /// The stage of the cycle the report is written for.
    pub stage: Stage,
    /// The State's report under review, named on the cover: `{symbol: CCPR/C/KAZ/3, title: third periodic report}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_report: Option<StateReport>,
    /// The report's title, e.g. `Issues related to the rights of migrants, asylum seekers and refugees`.
    pub title: String,
    /// An optional subtitle under the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// The date of the report, `YYYY-MM-DD`. It is printed on the cover and fixes the PDF's date.
    pub date: String,
    /// The language of the report, as a two-letter code (`en`, `fr`, `es`, `ru` …).
    #[serde(default = "default_language")]
    pub language: String,
    /// `public` (the committee may publish it and share it with the State) or `confidential`.
    pub confidentiality: Confidentiality,
    /// How the report is laid out.
    #[serde(default)]
    pub layout: Layout,
    /// The word limit and what it counts.
    #[serde(default)]
    pub words: WordPolicy,
    /// How sources are cited in footnotes and listed at the end.
    #[serde(default)]
    pub citations: Citations,
    /// The submitting organisations; two or more make a joint submission.
    pub organisations: Vec<Organisation>,
    /// The executive summary (Markdown).
    pub summary: Markdown,
    /// Free sections before the findings, such as context or methodology.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// The findings, issue by issue. More findings can be kept in `findings/*.yaml`, one per file.
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// Sources cited in footnotes as `[^id]`.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The files `amicus build` writes when `--format` does not say: `[pdf]` (the default), `[pdf, docx]` for the PDF and a Word document beside it, or `[docx]` (the UPR takes Word only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formats: Option<Vec<OutputFormat>>,
    /// Annexes, printed after the list of sources and numbered Annex I, II …; they are not counted against the word limit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annexes: Vec<Annex>,
    /// Abbreviations used in the report and what they stand for, e.g. `CCPR: Human Rights Committee`; printed as a sorted list after the table of contents.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub abbreviations: BTreeMap<String, String>,
}

/// An annex: detail that supports the report (methodology, case lists, data), outside the word count.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Annex {
    /// An id, so that the text can point to it with `[](#id)`, e.g. `methodology`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The annex's title, e.g. `Methodology`.
    pub title: String,
    /// The annex's text (Markdown), usually `{file: annexes/methodology.md}`.
    pub body: Markdown,
}

/// A file format `amicus build` writes the report in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum OutputFormat {
    /// `report.pdf`: tagged, accessible PDF (PDF/UA-1 by default), laid out by Typst.
    Pdf,
    /// `report.docx`: a Word document with Word's own styles, footnotes, numbering and contents, for the UPR, for committees that take Word, and for partners who edit in Word.
    Docx,
}

fn default_language() -> String {
    "en".into()
}

/// The State's report that the committee reviews.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StateReport {
    /// Its document symbol, e.g. `CCPR/C/KAZ/3`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// What it is, e.g. `third periodic report` (the cover prints "For the review of the third periodic report").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// How sources are cited.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citations {
    /// `short` (the default): a source is cited in full the first time, then in short form ("Kun.uz, 17 March 2025, above n 6"), or "Ibid." when the note before cites it too. `full`: in full every time.
    #[serde(default)]
    pub style: CitationStyle,
    /// The order of the list of sources: `alphabetical` (the default, by the first word printed: author, or title), `by-type` (UN documents, laws and cases, reports, media, others; alphabetical within each), or `as-written` (the order of `sources:`).
    #[serde(default)]
    pub order: SourceOrder,
}

/// How later citations of a source are printed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CitationStyle {
    /// In full the first time, then in short form with "above n …", or "Ibid.".
    #[default]
    Short,
    /// In full every time.
    Full,
}

/// The order of the list of sources.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SourceOrder {
    /// Alphabetical by the first word printed (author, or title).
    #[default]
    Alphabetical,
    /// By type (UN documents, laws and cases, reports, media, others), alphabetical within each.
    ByType,
    /// As written under `sources:`.
    AsWritten,
}

/// The kind of a source, for the list of sources ordered `by-type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// A UN document; one with a `symbol` is taken to be one.
    UnDocument,
    /// A treaty, law or decree, or a court's judgment or decision.
    Law,
    /// A report, study or book.
    Report,
    /// A press article or broadcast.
    Media,
    /// Anything else.
    Other,
}

/// The committee session.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The session number, e.g. `144`.
    pub number: u32,
    /// The first day of the session, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// The last day of the session, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

/// The stage of the reporting cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Before the committee adopts its List of Issues.
    Loi,
    /// Before the List of Issues Prior to Reporting (simplified procedure).
    Loipr,
    /// Before the review (the dialogue with the State).
    Review,
    /// After the review, on the follow-up recommendations.
    FollowUp,
}

/// Whether the committee may publish the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Confidentiality {
    /// May be published on the committee's web page and shared with the State.
    Public,
    /// For the committee's members only; not to be published.
    Confidential,
}

/// Layout choices.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// Number the paragraphs of the body. Default: on for the UPR, which asks for them; off for the treaty bodies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbered_paragraphs: Option<bool>,
    /// Paper size.
    #[serde(default)]
    pub paper: Paper,
    /// Show a table of contents after the cover.
    #[serde(default = "yes")]
    pub table_of_contents: bool,
    /// The most pages the committee accepts, if it sets its limit in pages (the UPR's technical guide: 5, or 10 for a large coalition). Pages are counted after layout, cover included; `build` warns when the report is longer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_limit: Option<u32>,
    /// The parts of the report, in order, when not the usual ones: a part left out is not printed (in the PDF, the Word document or any other format). Default: cover, contents, list-of-figures, list-of-tables, abbreviations, organisations, summary, sections, findings, recommendations, sources, annexes. Annexes come last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parts: Option<Vec<ReportPart>>,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            numbered_paragraphs: None,
            paper: Paper::default(),
            table_of_contents: true,
            page_limit: None,
            parts: None,
        }
    }
}

impl Layout {
    /// The parts of the report, in order: `parts:`, or [`ReportPart::USUAL`].
    pub fn parts(&self) -> Vec<ReportPart> {
        self.parts.clone().unwrap_or_else(|| ReportPart::USUAL.to_vec())
    }
}

/// A part of the report (`layout: {parts: […]}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ReportPart {
    /// The cover page.
    Cover,
    /// The table of contents (also needs `table_of_contents`, on by default).
    Contents,
    /// The list of figures (when a figure has a caption).
    ListOfFigures,
    /// The list of tables (when a table has a caption).
    ListOfTables,
    /// The abbreviations (when there are some).
    Abbreviations,
    /// About the organisations.
    Organisations,
    /// The executive summary, with the main recommendations.
    Summary,
    /// The free sections (`sections:`).
    Sections,
    /// The findings.
    Findings,
    /// The consolidated list of recommendations.
    Recommendations,
    /// The list of sources.
    Sources,
    /// The annexes.
    Annexes,
}

impl ReportPart {
    /// The parts of a report, in the usual order.
    pub const USUAL: [ReportPart; 12] = [
        ReportPart::Cover,
        ReportPart::Contents,
        ReportPart::ListOfFigures,
        ReportPart::ListOfTables,
        ReportPart::Abbreviations,
        ReportPart::Organisations,
        ReportPart::Summary,
        ReportPart::Sections,
        ReportPart::Findings,
        ReportPart::Recommendations,
        ReportPart::Sources,
        ReportPart::Annexes,
    ];

    /// The name written in `parts:`.
    pub fn name(self) -> &'static str {
        match self {
            ReportPart::Cover => "cover",
            ReportPart::Contents => "contents",
            ReportPart::ListOfFigures => "list-of-figures",
            ReportPart::ListOfTables => "list-of-tables",
            ReportPart::Abbreviations => "abbreviations",
            ReportPart::Organisations => "organisations",
            ReportPart::Summary => "summary",
            ReportPart::Sections => "sections",
            ReportPart::Findings => "findings",
            ReportPart::Recommendations => "recommendations",
            ReportPart::Sources => "sources",
            ReportPart::Annexes => "annexes",
        }
    }
}

fn yes() -> bool {
    true
}

/// Paper size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    /// ISO A4, as the UN uses.
    #[default]
    A4,
    /// US Letter.
    UsLetter,
}

/// How words are counted against the limit. Amicus counts the words of the whole document as
/// printed (cover, contents, headings, body, footnotes, the consolidated list of
/// recommendations and the list of sources), because no committee's guidelines exclude a part.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WordPolicy {
    /// The word limit. Defaults to the committee's published limit (CCPR: 10,000); other bodies have none unless set here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Count footnotes towards the limit. Default: yes, as no committee's guidelines exclude them; set `false` only if the committee's secretariat told you footnotes do not count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count_footnotes: Option<bool>,
}

/// A submitting organisation.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// The full name, e.g. `Global Detention Project`.
    pub name: String,
    /// A short name or acronym, e.g. `GDP`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// The web site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// A contact e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// About the organisation (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<Markdown>,
    /// The organisation's logo for the cover: a PNG, JPEG or SVG file in the submission folder, e.g. `logos/erc.svg`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
}

/// A free section, such as context or methodology.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The heading.
    pub title: String,
    /// The text (Markdown).
    pub body: Markdown,
}

/// One issue of concern, tied to treaty articles.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// A stable id, e.g. `migrant-detention`. Recommendations and assessments refer to it.
    pub id: String,
    /// The heading, e.g. `Migrant detention`.
    pub title: String,
    /// The treaty articles engaged, e.g. `[2, 9, 14]`; a paragraph of an article as `4(3)`, a
    /// lettered item as `5(a)` or `16(1)(g)`.
    #[serde(default)]
    pub articles: Vec<Article>,
    /// The body (Markdown), with footnoted sources.
    pub body: Markdown,
    /// Earlier concluding observations this finding follows up.
    #[serde(default)]
    pub previous_observations: Vec<PreviousObservation>,
    /// Questions the committee could put to the State in the List of Issues or the dialogue.
    #[serde(default)]
    pub questions: Vec<String>,
    /// What the organisations recommend.
    #[serde(default)]
    pub recommendations: Vec<Recommendation>,
    /// Leave the whole finding out of the public version (`amicus build --version public`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub confidential: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A reference to a paragraph of earlier concluding observations.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PreviousObservation {
    /// The document symbol, e.g. `CCPR/C/KAZ/CO/2`.
    pub symbol: String,
    /// The paragraph(s), e.g. `20` or `34 (c)–(d)`.
    pub paragraphs: String,
    /// The Committee's words in that paragraph, as you quote them (an excerpt; mark a gap with
    /// …). With the previous concluding observations in the folder
    /// (`previous-concluding-observations.yaml`, from `amicus import-co --previous`), `amicus
    /// check` verifies that the paragraph exists and holds these words. The report prints the
    /// citation, not the quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// How far the State implemented it, in the organisations' view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implemented: Option<Implemented>,
    /// A short note (plain text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Implementation of an earlier recommendation, in the organisations' view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Implemented {
    /// Implemented.
    Yes,
    /// Partly implemented.
    Partly,
    /// Not implemented.
    No,
}

/// One recommendation.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    /// A stable id, unique in the submission, e.g. `halt-torture`. The follow-up assessment refers to it.
    pub id: String,
    /// The recommendation, as a sentence addressed to the committee or the State (plain text).
    pub text: String,
    /// Also list it among the main recommendations of the executive summary.
    #[serde(default)]
    pub key: bool,
}

/// A source cited in footnotes.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The id used in Markdown footnotes: `[^id]`.
    pub id: String,
    /// The title of the document, article, judgment or law.
    pub title: String,
    /// The author or issuing body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The publisher, outlet or court.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The date of publication, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where to find it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When the web page was last visited, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<String>,
    /// A document symbol or other identifier (e.g. `CCPR/C/KAZ/CO/2`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// The short form for later citations, e.g. `Kun.uz, 17 March 2025`. Default: the symbol; or the author (or publisher) and the date; or the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// What kind of source it is (`un-document`, `law`, `report`, `media`, `other`), for `citations: {order: by-type}`. Default: `un-document` when it has a symbol, otherwise `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SourceKind>,
    /// Leave the source out of the public version (`amicus build --version public`): only text marked confidential may cite it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub confidential: bool,
}
