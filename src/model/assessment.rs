//! The follow-up assessment: `assessment.yaml`, what the committee did with each
//! recommendation. Read by `amicus brief`; drafted by `amicus suggest`.

use super::prose::Markdown;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The advocates' reading of the concluding observations.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// The brief's title, e.g. `Kazakhstan's treatment of migrant workers scrutinised by the UN Human Rights Committee`.
    pub title: String,
    /// The brief's date, `YYYY-MM-DD`.
    pub date: String,
    /// The opening paragraphs (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introduction: Option<Markdown>,
    /// Context: figures and events since the submission (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Markdown>,
    /// Closing words, e.g. what the organisations will do next (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusion: Option<Markdown>,
    /// One entry per recommendation of the submission.
    #[serde(default)]
    pub recommendations: Vec<RecommendationAssessment>,
    /// What the organisations ask of the State and of the committee, shown as a section of
    /// the brief and in its key results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asks: Option<Asks>,
}

/// The organisations' asks, by addressee.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Asks {
    /// What the State party should do, e.g. `Report by the follow-up deadline on the number of non-nationals detained, and where.`
    #[serde(default)]
    pub state: Vec<Ask>,
    /// What the committee should do, e.g. `Ask the State party about immigration detention in the next list of issues.`
    #[serde(default)]
    pub committee: Vec<Ask>,
}

/// One ask.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ask {
    /// What is asked, in one or two sentences (plain text).
    pub ask: String,
    /// The ids of the recommendations it follows from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<String>,
    /// By when: a date, `YYYY-MM-DD`, or `follow-up` for the deadline the committee set in
    /// its follow-up paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// What the committee did with one recommendation.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecommendationAssessment {
    /// The recommendation's id in the submission.
    pub recommendation: String,
    /// How far the concluding observations reflect it.
    pub reflected: Reflection,
    /// The CO paragraphs that reflect it, as advocates cite them: `34 (d)`, `40`, `paras. 34 (c)–(d)`.
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// An excerpt to quote instead of the whole text cited: the committee's words exactly
    /// as they stand, with `…` (or `[…]`) where words are left out. `check` makes sure every
    /// piece appears, in that order, in the paragraphs cited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The organisations' comment (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<Markdown>,
    /// Later: how far the State implemented it, on the committee's follow-up scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementation: Option<Implementation>,
    /// Written by `amicus suggest`: the paragraphs are a machine suggestion that nobody has
    /// reviewed yet. Delete this block once you have checked the entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggested: Option<Suggested>,
}

/// How far the concluding observations reflect a recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Reflection {
    /// The committee made the recommendation in substance.
    Fully,
    /// The committee took up part of it, or made it in weaker terms.
    Partially,
    /// The committee did not take it up: an unaddressed issue.
    NotReflected,
    /// Not assessed yet.
    Pending,
}

impl Reflection {
    /// Words for a reader.
    pub fn label(self) -> &'static str {
        match self {
            Reflection::Fully => "Fully reflected",
            Reflection::Partially => "Partially reflected",
            Reflection::NotReflected => "Not reflected",
            Reflection::Pending => "Not yet assessed",
        }
    }
}

/// The State's implementation, graded on the committee's scale.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Implementation {
    /// The grade: for the CCPR `A`–`E`, for the CED `A`–`D`.
    pub grade: String,
    /// The source of the grade or the date it was given (plain text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A machine suggestion awaiting review.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Suggested {
    /// How sure the suggestion is, from 0 to 1.
    pub score: f64,
    /// The words the recommendation and the paragraph share.
    #[serde(default)]
    pub shared_words: Vec<String>,
    /// Other candidates, best first, with their scores.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<String>,
}
