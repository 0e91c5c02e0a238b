//! Concluding observations: `concluding-observations.yaml`, written by `amicus import-co`
//! (or by hand) and read by `amicus brief` and `amicus suggest`.

use super::committee::Committee;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A committee's concluding observations on a State's report.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConcludingObservations {
    /// The document symbol, e.g. `CCPR/C/KAZ/CO/3`.
    pub symbol: String,
    /// The committee that adopted them.
    pub committee: Committee,
    /// The State reviewed.
    pub state: String,
    /// The document's title, e.g. `Concluding observations on the third periodic report of Kazakhstan`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The report reviewed, e.g. `third periodic report`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<String>,
    /// The session at which they were adopted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<u32>,
    /// The meetings of the dialogue and of adoption, as the introduction names them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meetings: Option<String>,
    /// The date of adoption, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted: Option<String>,
    /// The date on the document (the "Distr." date), `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The language of this version of the document: `en`, `fr` or `es`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Notes on the document as a whole, as printed: the title's `*` note ("Adopted by the
    /// Committee at its 16th session …") and a reissue note ("Reissued for technical reasons on
    /// 12 May 2016").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Where the text came from (file name), when imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The sections, in document order; paragraphs are numbered continuously through them.
    pub sections: Vec<CoSection>,
    /// The follow-up procedure, from the paragraph near the end that selects recommendations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUp>,
}

/// A section such as "C. Principal matters of concern and recommendations".
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CoSection {
    /// The section's letter or numeral, e.g. `C`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The section's title, e.g. `Principal matters of concern and recommendations`.
    pub title: String,
    /// The numbered paragraphs of the section.
    #[serde(default)]
    pub paragraphs: Vec<CoParagraph>,
}

/// One numbered paragraph.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CoParagraph {
    /// The paragraph number.
    pub number: u32,
    /// What the paragraph does: `recommendation` (the committee asks the State for something),
    /// `concern`, `introduction`, `positive-aspect`, `follow-up`, `dissemination`,
    /// `next-report`, `technical-assistance`, `question` (a list of issues) or `other`.
    /// `import-co` decides it from the document's structure and the committee's formulas;
    /// correct it here if it is wrong. `amicus suggest` proposes only recommendations, and reads
    /// the concern before a recommendation, under the same heading, as what it answers. Left
    /// out, it is decided again each time the file is read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Role")]
    pub role: Option<Role>,
    /// The subject heading it stands under, e.g. `Non-refoulement`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The text before any lettered sub-paragraphs (or the whole text).
    pub text: String,
    /// Lettered sub-paragraphs (a), (b) ….
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subparagraphs: Vec<CoSubparagraph>,
    /// Footnotes of the paragraph, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<String>,
    /// The earlier concluding observations this paragraph says it repeats or recalls, as it
    /// cites them (in its text or its footnotes). Written by `import-co`; correct it here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<EarlierParagraph>,
}

/// Paragraphs of earlier concluding observations a paragraph cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EarlierParagraph {
    /// The symbol cited, e.g. `CRPD/C/CAN/CO/1`; absent when the paragraph says it repeats an
    /// earlier recommendation without citing it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// The paragraphs cited, as the committee cites them: `27`, `35 (a)`; empty when it cites
    /// the document as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<String>,
    /// What the paragraph says it does with them.
    pub says: Says,
}

/// How a paragraph refers to earlier concluding observations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Says {
    /// It repeats them: "reiterates", "réitère", "reitera".
    Reiterates,
    /// It recalls them: "recalling its previous concluding observations", "rappelle",
    /// "recuerda".
    Recalls,
    /// It cites them without either word.
    Cites,
}

/// What a paragraph of concluding observations (or of a list of issues) does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// The introduction: the report considered, the dialogue, the delegation.
    Introduction,
    /// A positive aspect: a measure the committee welcomes.
    PositiveAspect,
    /// A concern: a problem the committee raises, whatever the verb ("is concerned", "notes
    /// with concern", "regrets", "Preocupa al Comité").
    Concern,
    /// A recommendation: the committee asks the State to act ("recommends", "urges", "calls
    /// upon", "encourages", "requests", "reiterates its recommendation", "should"). A paragraph
    /// that states a concern and then asks is a recommendation; its lead-in ("The Committee
    /// recommends that the State party:") belongs to it.
    Recommendation,
    /// The follow-up paragraph: the recommendations selected for follow-up or urgent measures
    /// (and the CERD's "paragraphs of particular importance").
    FollowUp,
    /// Implementation, transmission and dissemination of the concluding observations, and civil
    /// society's part in the next report.
    Dissemination,
    /// The next periodic report: its date, the reporting procedure, the common core document.
    NextReport,
    /// Technical assistance and cooperation (CRPD article 37).
    TechnicalAssistance,
    /// A question of a list of issues ("Please provide information on …").
    Question,
    /// Anything else: factors and difficulties, general remarks.
    Other,
}

impl Role {
    /// The role as written in the file: `positive-aspect`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Introduction => "introduction",
            Role::PositiveAspect => "positive-aspect",
            Role::Concern => "concern",
            Role::Recommendation => "recommendation",
            Role::FollowUp => "follow-up",
            Role::Dissemination => "dissemination",
            Role::NextReport => "next-report",
            Role::TechnicalAssistance => "technical-assistance",
            Role::Question => "question",
            Role::Other => "other",
        }
    }

    /// Every role, in the order above.
    pub const ALL: [Role; 10] = [
        Role::Introduction,
        Role::PositiveAspect,
        Role::Concern,
        Role::Recommendation,
        Role::FollowUp,
        Role::Dissemination,
        Role::NextReport,
        Role::TechnicalAssistance,
        Role::Question,
        Role::Other,
    ];
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A lettered sub-paragraph.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CoSubparagraph {
    /// The letter, without parentheses: `a`.
    pub letter: String,
    /// The text.
    pub text: String,
}

/// The follow-up procedure.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// The paragraph that sets it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// What the committee asks about the selected recommendations: information by a deadline
    /// (`deadline`), or only that they need urgent measures (`urgent-measures`, the CRPD's
    /// wording since about 2019, with no date of its own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<FollowUpKind>,
    /// The recommendations selected, as citations: `["17 (a)", "19 (c)", "36 (a)–(d)"]`.
    #[serde(default)]
    pub selected: Vec<String>,
    /// The date by which the State must report on them, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// The recommendations the committee calls "of particular importance" (CERD): a second
    /// list, apart from the follow-up selection, on which it wants information in the next
    /// periodic report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub particular_importance: Option<Selection>,
    /// The date (or year) of the next periodic report, if the CO gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_report: Option<String>,
}

/// What the follow-up paragraph asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FollowUpKind {
    /// Information on the selected recommendations within a period ("within one year") or
    /// by a date.
    Deadline,
    /// The committee draws attention to the selected recommendations as needing urgent
    /// measures; no separate deadline.
    UrgentMeasures,
}

/// A list of recommendations a paragraph singles out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Selection {
    /// The paragraph that names them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// The recommendations, as citations: `["9", "15 (b)"]`.
    #[serde(default)]
    pub selected: Vec<String>,
}

impl ConcludingObservations {
    /// All paragraphs in document order, with their section.
    pub fn paragraphs(&self) -> impl Iterator<Item = (&CoSection, &CoParagraph)> {
        self.sections.iter().flat_map(|s| s.paragraphs.iter().map(move |p| (s, p)))
    }

    /// The paragraph with this number.
    pub fn paragraph(&self, number: u32) -> Option<&CoParagraph> {
        self.paragraphs().map(|(_, p)| p).find(|p| p.number == number)
    }
}

impl CoParagraph {
    /// The sub-paragraph with this letter.
    pub fn sub(&self, letter: char) -> Option<&CoSubparagraph> {
        self.subparagraphs.iter().find(|s| s.letter.chars().eq(std::iter::once(letter)))
    }

    /// The paragraph's whole text: lead-in and sub-paragraphs.
    pub fn full_text(&self) -> String {
        lettered_text(&self.text, self.subparagraphs.iter().map(|s| (s.letter.as_str(), s.text.as_str())))
    }
}

/// A numbered paragraph's whole text as the UN prints it: the lead-in, then each lettered
/// item on a line of its own, `(a) …`. Shared by concluding observations and lists of issues.
pub(crate) fn lettered_text<'a>(lead_in: &str, items: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = lead_in.to_owned();
    for (letter, text) in items {
        out.push_str(&format!("\n({letter}) {text}"));
    }
    out
}

/// Whether two document symbols are the same as the UN writes them: case and spaces do not
/// count (`crpd/c/can/co/1` is `CRPD/C/CAN/CO/1`).
pub fn same_symbol(a: &str, b: &str) -> bool {
    symbol_key(a) == symbol_key(b)
}

/// Whether two symbols name two reviews of the same State by the same committee
/// (`CRPD/C/CAN/CO/1` and `CRPD/C/CAN/CO/2-3`): all but the last part agree, and the last
/// part of each is a report number (`CO/l` is a typo, not another review).
pub fn same_series(a: &str, b: &str) -> bool {
    let head = |s: &str| {
        symbol_key(s)
            .rsplit_once('/')
            .filter(|(_, last)| last.starts_with(|c: char| c.is_ascii_digit()))
            .map(|(h, _)| h.to_owned())
    };
    head(a).is_some() && head(a) == head(b)
}

/// A symbol without spaces, in capitals.
fn symbol_key(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_uppercase).collect()
}
