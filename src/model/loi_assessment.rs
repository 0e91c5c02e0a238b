//! `loi-assessment.yaml`: which of the questions an NGO suggested (`questions:` in its
//! findings) the committee asked in its list of issues, drafted by `amicus suggest` and
//! decided by the advocate.

use super::assessment::Suggested;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The advocate's reading of the list of issues against the suggested questions.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LoiAssessment {
    /// The list of issues read, e.g. `CRPD/C/CAN/Q/1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_of_issues: Option<String>,
    /// One entry per suggested question.
    #[serde(default)]
    pub questions: Vec<QuestionAssessment>,
}

/// Whether, and where, the committee asked one suggested question.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionAssessment {
    /// The id of the finding whose `questions:` hold it.
    pub finding: String,
    /// The question as the finding writes it: how the entry finds its question again.
    pub question: String,
    /// `fully`, `partly`, `not-asked`, or `pending` (not decided yet).
    pub asked: Asked,
    /// The paragraphs of the list of issues that ask it, numbered as the committee numbers
    /// them: `"18"`, `"12 (b)"`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<String>,
    /// The advocate's reading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The machine's suggestion, to delete once reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggested: Option<Suggested>,
}

/// How far the committee asked a suggested question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Asked {
    /// The committee asked it in substance.
    Fully,
    /// The committee asked part of it, or something narrower or broader.
    Partly,
    /// The committee did not ask it.
    NotAsked,
    /// Not decided yet.
    Pending,
}
