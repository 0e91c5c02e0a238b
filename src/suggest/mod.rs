//! `amicus suggest`: for each recommendation of a submission, which paragraphs of the
//! concluding observations (CO) most likely take it up, how sure that is, and which words they
//! share; then a draft follow-up assessment for the advocate to review.
//!
//! Takes a [`Submission`] and [`ConcludingObservations`] (and the advocate's [`Assessment`], if
//! any); gives ranked [`Candidate`]s per recommendation ([`rank()`]), a verdict per finding
//! ([`coverage`]), draft assessment entries ([`draft()`]) and the file that holds them
//! ([`write_draft`]). No I/O except in [`write_draft`].
//!
//! The method is meant to be explained to a non-technical reader: "paragraph 34 (c) shares the
//! words *torture*, *victims* and *compensation ≈ reparation*, and stands under the heading
//! *Torture and ill-treatment*". It compares words, not meanings: a paragraph that takes a
//! recommendation up in entirely different words will be missed, and the advocate remains the
//! judge. How it was measured is in `docs/suggest-accuracy.md`.
//!
//! [`Submission`]: crate::model::Submission
//! [`Assessment`]: crate::model::Assessment

mod draft;
mod json;
mod lexicon;
pub mod questions;
mod rank;
mod text;
mod write;

pub use draft::{DraftEntry, DraftResult, FindingCoverage, draft};
pub use json::{JSON_VERSION, to_json, verdict_words};
pub use questions::{
    LOI_ASSESSMENT_SUGGESTED_FILE, QuestionDraft, QuestionEntry, QuestionsWritten, draft_questions, write_questions,
};
pub use rank::Ranker;
pub use write::{ASSESSMENT_SUGGESTED_FILE, WriteMode, Written, write_draft};

use crate::model::co::ConcludingObservations;
use crate::model::submission::Finding;
use crate::model::{Citation, Submission};
use std::fmt;

/// The languages whose stemming, stop words and synonyms Amicus knows: the three working
/// languages of the treaty bodies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
}

impl Lang {
    /// The language of a two-letter code such as the submission's `language` (`en`, `fr`,
    /// `es`; a region such as `en-GB` or `es_MX` is ignored). `None` for other languages.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        match primary.as_str() {
            "en" | "eng" => Some(Lang::En),
            "fr" | "fra" | "fre" => Some(Lang::Fr),
            "es" | "spa" => Some(Lang::Es),
            _ => None,
        }
    }

    /// Guesses the language of a text from its function words; English if nothing decides.
    pub fn detect(text: &str) -> Lang {
        text::detect(text)
    }

    /// The language to rank a submission's recommendations in: its `language` field if Amicus
    /// knows it, otherwise guessed from the recommendations themselves.
    pub fn for_submission(submission: &Submission) -> Lang {
        Lang::from_code(&submission.language).unwrap_or_else(|| {
            let all: Vec<&str> =
                submission.findings.iter().flat_map(|f| f.recommendations.iter().map(|r| r.text.as_str())).collect();
            Lang::detect(&all.join(" "))
        })
    }

    /// Guesses the language of a CO from its paragraphs.
    pub fn for_co(co: &ConcludingObservations) -> Lang {
        let all: Vec<String> = co.paragraphs().map(|(_, p)| p.full_text()).collect();
        Lang::detect(&all.join(" "))
    }

    /// The two-letter code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }
}

impl fmt::Display for Lang {
    /// The language's English name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Lang::En => "English",
            Lang::Fr => "French",
            Lang::Es => "Spanish",
        })
    }
}

/// A CO paragraph or sub-paragraph that may take a recommendation up.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Where it is: `34 (d)`, or `40` for a paragraph without sub-paragraphs.
    pub citation: Citation,
    /// How sure the match is, from 0 to 1: roughly, the chance that this paragraph rather than
    /// another one (or none) is where the committee took the recommendation up. Scores of
    /// sub-paragraphs of one paragraph do not compete with each other.
    pub score: f64,
    /// The words the recommendation shares with it, as the recommendation writes them, most
    /// informative first; a match through a synonym reads `compensation ≈ reparation`.
    pub shared_words: Vec<String>,
    /// The concern paragraph this (recommendation) paragraph answers, if any: its words count
    /// as evidence, but the concern itself is never proposed in its place.
    pub concern: Option<u32>,
    /// The words the recommendation shares only with that concern paragraph.
    pub concern_words: Vec<String>,
}

/// How sure the ranking is about a recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The best candidate scores at least [`CONFIDENT`]: its citation can go into the draft.
    Confident,
    /// There are candidates, but none stands out; the advocate must choose.
    Uncertain,
    /// No paragraph shares a word, or the best match is weaker than that of any
    /// recommendation the committee took up on the real labelled sets
    /// ([`UNADDRESSED_BELOW`]): perhaps an unaddressed issue.
    Unaddressed,
}

/// The score from which the best candidate is written into the draft's `paragraphs`.
pub const CONFIDENT: f64 = 0.5;

/// The strength (see [`Ranking::strength`]) below which a recommendation is called *probably
/// not taken up*. Calibrated on every real labelled set pooled (`tests/suggest_accuracy.rs`,
/// `docs/suggest-accuracy.md`): the weakest best match of any recommendation the committee
/// did take up, rounded down, so that on those sets no taken-up recommendation is called
/// untaken. The words of a recommendation the committee took up in other words can be as
/// weak as those of one it never mentions, so this says little: most untaken recommendations
/// stay *unsure*.
pub const UNADDRESSED_BELOW: f64 = 0.034;

/// The full answer for one recommendation: the candidates and the chance that none applies.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// Every unit that shares at least one word, best first.
    pub candidates: Vec<Candidate>,
    /// The chance, on the same scale as the scores, that no paragraph takes it up.
    pub none: f64,
    /// Whether the recommendation and the CO are in different languages. Then few words can
    /// meet, and a weak match says little: the verdict is never *probably not taken up* while
    /// any paragraph shares a word.
    pub across_languages: bool,
    /// The best candidate's strength: the share of the most it could match (its weightiest
    /// terms, saturated) that it does match, 0–1.
    pub strength: f64,
    /// The share of the recommendation's weight (its weightiest terms) carried by terms that
    /// no candidate paragraph uses at all: high when it speaks of something the CO never names.
    pub unknown: f64,
}

impl Ranking {
    /// How sure the ranking is: *probably not taken up* when no paragraph shares a word, or
    /// (within one language) when the best match's strength is below [`UNADDRESSED_BELOW`];
    /// *likely* when the best candidate's score is at least [`CONFIDENT`]; *unsure* otherwise.
    pub fn verdict(&self) -> Verdict {
        match self.candidates.first() {
            None => Verdict::Unaddressed,
            Some(_) if self.strength < UNADDRESSED_BELOW && !self.across_languages => Verdict::Unaddressed,
            Some(best) if best.score >= CONFIDENT => Verdict::Confident,
            Some(_) => Verdict::Uncertain,
        }
    }
}

/// Ranks the CO's units for one recommendation, best first.
///
/// Units are sub-paragraphs (with their paragraph's lead-in and subject heading as context)
/// and paragraphs without sub-paragraphs. `finding_title` (the heading the recommendation
/// stands under in the submission) counts for half as much as the recommendation's own words.
/// For many recommendations against one CO, build a [`Ranker`] once instead.
pub fn rank(rec_text: &str, finding_title: &str, co: &ConcludingObservations, language: Lang) -> Vec<Candidate> {
    Ranker::new(co, language).rank(rec_text, finding_title)
}

/// Whether the CO deals with a finding at all.
#[derive(Debug, Clone, PartialEq)]
pub enum Coverage {
    /// At least one paragraph deals with it; the best match.
    Addressed(Candidate),
    /// No paragraph seems to: a candidate "unaddressed issue" for the brief. The nearest
    /// paragraph, if any shares a word.
    Unaddressed {
        /// The best match, however weak.
        nearest: Option<Candidate>,
    },
}

/// Whether the CO has a paragraph on a finding: the finding counts as addressed when its title,
/// or any one of its recommendations, finds a paragraph (see [`Verdict::Unaddressed`]).
pub fn coverage(finding: &Finding, co: &ConcludingObservations, language: Lang) -> Coverage {
    Ranker::new(co, language).coverage(finding)
}
