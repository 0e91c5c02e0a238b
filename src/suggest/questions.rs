//! Which of the questions the organisations suggested (`questions:` of each finding) the
//! Committee asked in its list of issues (`list-of-issues.yaml`, from `amicus import-loi`):
//! the ranking of `amicus suggest`, with the list's questions in place of the paragraphs of
//! concluding observations. Each question of the list is a unit, each lettered part one of
//! its own under the question's words; the article heading a question stands under is its
//! subject heading.

use super::{Lang, Ranker, Ranking};
use crate::model::co::{CoParagraph, CoSection, CoSubparagraph, Role};
use crate::model::loi::ListOfIssues;
use crate::model::{ConcludingObservations, Submission};

/// One suggested question and the questions of the list that may be it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionMatch {
    /// The finding's id.
    pub finding_id: String,
    /// The question's place among the finding's `questions:` (0-based).
    pub index: usize,
    /// The question as the organisations wrote it.
    pub text: String,
    /// The questions of the list that may ask it, best first, and how sure that is.
    pub ranking: Ranking,
}

/// The list of issues as observations whose every paragraph is a question, for the ranker.
pub fn as_observations(loi: &ListOfIssues) -> ConcludingObservations {
    let sections = loi
        .sections
        .iter()
        .map(|s| CoSection {
            label: s.label.clone(),
            title: s.title.clone(),
            paragraphs: s
                .questions
                .iter()
                .map(|q| CoParagraph {
                    number: q.number,
                    role: Some(Role::Question),
                    heading: q.heading.clone(),
                    text: q.text.clone(),
                    subparagraphs: q
                        .parts
                        .iter()
                        .map(|p| CoSubparagraph { letter: p.letter.clone(), text: p.text.clone() })
                        .collect(),
                    footnotes: q.footnotes.clone(),
                    earlier: Vec::new(),
                })
                .collect(),
        })
        .collect();
    ConcludingObservations {
        symbol: loi.symbol.clone(),
        committee: loi.committee,
        state: loi.state.clone(),
        title: loi.title.clone(),
        report: loi.report.clone(),
        session: loi.session,
        meetings: None,
        adopted: None,
        published: loi.published.clone(),
        language: loi.language.clone(),
        notes: Vec::new(),
        source: loi.source.clone(),
        sections,
        follow_up: None,
    }
}

/// Ranks the list's questions for every question the findings suggest, in the submission's
/// order. The finding's title counts as the heading the question stands under.
pub fn asked(submission: &Submission, loi: &ListOfIssues) -> Vec<QuestionMatch> {
    let co = as_observations(loi);
    let language = Lang::for_submission(submission);
    let list_language = loi.language.as_deref().and_then(Lang::from_code).unwrap_or_else(|| Lang::for_co(&co));
    let ranker = Ranker::across(&co, list_language, language);
    submission
        .findings
        .iter()
        .flat_map(|f| f.questions.iter().enumerate().map(move |(i, q)| (f, i, q)))
        .map(|(f, index, q)| QuestionMatch {
            finding_id: f.id.clone(),
            index,
            text: q.clone(),
            ranking: ranker.ranking(q, &f.title),
        })
        .collect()
}
