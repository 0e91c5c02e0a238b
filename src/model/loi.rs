//! A list of issues (or a list of issues prior to reporting): `list-of-issues.yaml` in a
//! submission folder, written by `amicus import-loi` (or by hand).

use super::article::Article;
use super::committee::Committee;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The questions a committee sends a State before its review.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListOfIssues {
    /// The document symbol, e.g. `CRPD/C/CAN/Q/1` (a list of issues prior to reporting:
    /// `CCPR/C/KAZ/QPR/4`).
    pub symbol: String,
    /// `list-of-issues`, or `list-of-issues-prior-to-reporting` (the simplified reporting
    /// procedure: the State's report answers it).
    pub kind: LoiKind,
    /// The committee that adopted it.
    pub committee: Committee,
    /// The State it is addressed to.
    pub state: String,
    /// The document's title, e.g. `List of issues in relation to the initial report of Canada`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The report it concerns, e.g. `initial report`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<String>,
    /// The session (of the committee or its pre-sessional working group) that adopted it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<u32>,
    /// The date on the document (the "Distr." date), `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The language of this version of the document: `en`, `fr` or `es`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Notes on the document as a whole, as printed: the title's `*` note ("Adopted by the
    /// pre-sessional working group at its first session …").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Where the text came from (file name), when imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The parts and sections, in document order; questions are numbered continuously through
    /// them.
    pub sections: Vec<LoiSection>,
}

/// Which kind of list it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum LoiKind {
    /// A list of issues, sent after the State's report (symbol `…/Q/…`).
    ListOfIssues,
    /// A list of issues prior to reporting, sent instead of asking for a report (symbol
    /// `…/QPR/…`).
    ListOfIssuesPriorToReporting,
}

impl LoiKind {
    /// The kind's name for a reader: "list of issues".
    pub fn words(self) -> &'static str {
        match self {
            LoiKind::ListOfIssues => "list of issues",
            LoiKind::ListOfIssuesPriorToReporting => "list of issues prior to reporting",
        }
    }
}

/// A part or section, such as "B. Specific rights (arts. 5–30)" or "Part I".
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LoiSection {
    /// The section's letter or numeral, e.g. `B`; `I` for "Part I"; `III.A` for a lettered
    /// section inside a part numbered III.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The section's title as printed, e.g. `Specific rights (arts. 5–30)`.
    pub title: String,
    /// The articles its title names: `[5, 6, …, 30]` for "(arts. 5–30)".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<Article>,
    /// The numbered questions of the section.
    #[serde(default)]
    pub questions: Vec<LoiQuestion>,
}

/// One numbered paragraph of questions.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LoiQuestion {
    /// The paragraph number.
    pub number: u32,
    /// The heading it stands under as printed, e.g. `Equal recognition before the law (art. 12)`
    /// or `Article 12`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The articles of that heading: `[12]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<Article>,
    /// The text before any lettered parts (or the whole text).
    pub text: String,
    /// Lettered parts (a), (b) ….
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<QuestionPart>,
    /// Footnotes of the paragraph, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<String>,
}

/// A lettered part of a question.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionPart {
    /// The letter, without parentheses: `a`.
    pub letter: String,
    /// The text.
    pub text: String,
}

impl ListOfIssues {
    /// All questions in document order, with their section.
    pub fn questions(&self) -> impl Iterator<Item = (&LoiSection, &LoiQuestion)> {
        self.sections.iter().flat_map(|s| s.questions.iter().map(move |q| (s, q)))
    }

    /// The question with this number.
    pub fn question(&self, number: u32) -> Option<&LoiQuestion> {
        self.questions().map(|(_, q)| q).find(|q| q.number == number)
    }
}

impl LoiQuestion {
    /// The part with this letter.
    pub fn part(&self, letter: char) -> Option<&QuestionPart> {
        self.parts.iter().find(|p| p.letter.chars().eq(std::iter::once(letter)))
    }

    /// The paragraph's whole text: lead-in and parts.
    pub fn full_text(&self) -> String {
        super::co::lettered_text(&self.text, self.parts.iter().map(|p| (p.letter.as_str(), p.text.as_str())))
    }
}
