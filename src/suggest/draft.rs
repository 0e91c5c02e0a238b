//! The draft assessment: one entry per recommendation that the advocate has not assessed yet,
//! with the machine's suggestion in a `suggested:` block. Pure: writing is [`super::write`].

use super::{Candidate, Coverage, Lang, Ranker, Ranking, Verdict};
use crate::model::assessment::{RecommendationAssessment, Suggested};
use crate::model::co::ConcludingObservations;
use crate::model::{Assessment, Reflection, Submission};

/// How many other candidates an entry lists under `alternatives`.
pub(super) const ALTERNATIVES: usize = 3;

/// What [`draft`] proposes.
#[derive(Debug, Clone)]
pub struct DraftResult {
    /// The language the recommendations were ranked in.
    pub language: Lang,
    /// New entries, in the submission's order, for recommendations not yet in the assessment.
    pub entries: Vec<DraftEntry>,
    /// Ids of recommendations the assessment already has: left as the advocate wrote them.
    pub already_assessed: Vec<String>,
    /// The ranking of those recommendations too, in the same order, for `suggest --all`: shown,
    /// never written.
    pub assessed: Vec<DraftEntry>,
    /// For every finding, whether the CO deals with it at all.
    pub findings: Vec<FindingCoverage>,
    /// Things the advocate should know (a language mismatch, an empty CO), in plain words.
    pub notes: Vec<String>,
}

/// One proposed entry, with what is needed to explain it.
#[derive(Debug, Clone)]
pub struct DraftEntry {
    /// The id of the finding the recommendation belongs to.
    pub finding_id: String,
    /// That finding's title.
    pub finding_title: String,
    /// The recommendation's text.
    pub recommendation_text: String,
    /// How sure the suggestion is.
    pub verdict: Verdict,
    /// The best candidates, best first (the first one and up to three others).
    pub candidates: Vec<Candidate>,
    /// The full ranking: every paragraph or item that shares a word, and the chance that none
    /// takes the recommendation up.
    pub ranking: Ranking,
    /// The entry for `assessment.yaml`: `reflected: pending`, the best citation in
    /// `paragraphs` only when [`Verdict::Confident`], and the `suggested:` block.
    pub entry: RecommendationAssessment,
}

/// Whether the CO deals with one finding.
#[derive(Debug, Clone)]
pub struct FindingCoverage {
    /// The finding's id.
    pub id: String,
    /// The finding's title.
    pub title: String,
    /// The answer.
    pub coverage: Coverage,
}

/// Drafts assessment entries for every recommendation of `submission` that `existing` does not
/// have yet. Entries the advocate wrote are never changed or repeated.
///
/// Every new entry says `reflected: pending`: whether a paragraph reflects a recommendation
/// fully or partially is a judgement the tool does not make. When the best candidate is
/// confident, its citation goes into `paragraphs`; otherwise `paragraphs` stays empty and the
/// candidates are listed in `suggested.alternatives`.
pub fn draft(submission: &Submission, co: &ConcludingObservations, existing: Option<&Assessment>) -> DraftResult {
    let language = Lang::for_submission(submission);
    let mut notes = Vec::new();
    let co_language = Lang::for_co(co);
    if co_language != language {
        notes.push(format!(
            "The submission is in {language} but the concluding observations seem to be in {co_language}. Across languages, \
             words meet only through the field's synonyms, identifiers and look-alike words (violencia ≈ violence), so the \
             suggestions are weaker: use the concluding observations in {language} if the UN publishes them."
        ));
    }
    if co.paragraphs().next().is_none() {
        notes.push("The concluding observations have no paragraphs, so nothing can be suggested.".to_string());
    }
    let ranker = Ranker::across(co, co_language, language);
    let assessed: Vec<&str> =
        existing.map(|a| a.recommendations.iter().map(|r| r.recommendation.as_str()).collect()).unwrap_or_default();
    let mut entries = Vec::new();
    let mut already_assessed = Vec::new();
    let mut assessed_entries = Vec::new();
    let mut findings = Vec::new();
    for finding in &submission.findings {
        findings.push(FindingCoverage {
            id: finding.id.clone(),
            title: finding.title.clone(),
            coverage: ranker.coverage(finding),
        });
        for rec in &finding.recommendations {
            let ranking = ranker.ranking(&rec.text, &finding.title);
            let verdict = ranking.verdict();
            let candidates: Vec<Candidate> = ranking.candidates.iter().take(ALTERNATIVES + 1).cloned().collect();
            let target = if assessed.contains(&rec.id.as_str()) {
                already_assessed.push(rec.id.clone());
                &mut assessed_entries
            } else {
                &mut entries
            };
            target.push(DraftEntry {
                finding_id: finding.id.clone(),
                finding_title: finding.title.clone(),
                recommendation_text: rec.text.clone(),
                entry: entry(&rec.id, verdict, &candidates),
                verdict,
                candidates,
                ranking,
            });
        }
    }
    DraftResult { language, entries, already_assessed, assessed: assessed_entries, findings, notes }
}

/// The assessment entry for one recommendation.
fn entry(id: &str, verdict: Verdict, candidates: &[Candidate]) -> RecommendationAssessment {
    let (paragraphs, suggested) = suggestion(verdict, candidates);
    RecommendationAssessment {
        recommendation: id.to_string(),
        reflected: Reflection::Pending,
        paragraphs,
        quote: None,
        comment: None,
        implementation: None,
        suggested: Some(suggested),
    }
}

/// What a drafted entry proposes: the best citation as its `paragraphs` only when the verdict
/// is confident, and the `suggested:` block (the best score and shared words, the other
/// candidates — all of them when none is confident — under `alternatives`).
pub(super) fn suggestion(verdict: Verdict, candidates: &[Candidate]) -> (Vec<String>, Suggested) {
    let (paragraphs, others): (Vec<String>, &[Candidate]) = match (verdict, candidates.split_first()) {
        (Verdict::Confident, Some((best, rest))) => (vec![best.citation.to_string()], rest),
        _ => (Vec::new(), candidates),
    };
    let suggested = candidates.first().map_or(
        Suggested { score: 0.0, shared_words: Vec::new(), alternatives: Vec::new() },
        |best| Suggested {
            score: round2(best.score),
            shared_words: best.shared_words.clone(),
            alternatives: others.iter().take(ALTERNATIVES).map(|c| format!("{} {:.2}", c.citation, c.score)).collect(),
        },
    );
    (paragraphs, suggested)
}

/// Rounds a score to two decimals, as it is shown.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A small submission and CO, in YAML as an advocate would write them.
    pub(in crate::suggest) fn fixture() -> (Submission, ConcludingObservations) {
        let submission: Submission = serde_yaml::from_str(
            r#"
committee: CCPR
session: {number: 144}
state: Utopia
stage: review
title: Test
date: 2025-01-01
confidentiality: public
organisations: [{name: Org}]
summary: Summary.
findings:
  - id: torture
    title: Torture in custody
    body: Body.
    recommendations:
      - id: halt-torture
        text: Investigate every allegation of torture and prosecute the perpetrators.
      - id: compensate
        text: Pay compensation to every victim of torture.
  - id: labour
    title: Domestic workers
    body: Body.
    recommendations:
      - id: wages
        text: Raise the minimum wage of domestic workers.
"#,
        )
        .expect("submission");
        let co: ConcludingObservations = serde_yaml::from_str(
            r#"
symbol: CCPR/C/UTO/CO/1
committee: CCPR
state: Utopia
sections:
  - title: Principal matters of concern and recommendations
    paragraphs:
      - number: 20
        heading: Torture and ill-treatment
        text: "The State party should:"
        subparagraphs:
          - {letter: a, text: "Ensure that all allegations of torture are promptly investigated and that perpetrators are prosecuted;"}
          - {letter: b, text: "Ensure that victims of torture obtain full reparation, including adequate compensation."}
      - number: 22
        heading: Freedom of expression
        text: The State party should decriminalize defamation and protect journalists.
"#,
        )
        .expect("co");
        (submission, co)
    }

    #[test]
    fn drafts_every_recommendation_with_a_suggestion() {
        let (s, co) = fixture();
        let d = draft(&s, &co, None);
        let ids: Vec<&str> = d.entries.iter().map(|e| e.entry.recommendation.as_str()).collect();
        assert_eq!(ids, ["halt-torture", "compensate", "wages"]);
        let compensate = &d.entries[1];
        assert_eq!(compensate.verdict, Verdict::Confident);
        assert_eq!(compensate.entry.paragraphs, ["20 (b)"]);
        assert_eq!(compensate.entry.reflected, Reflection::Pending);
        let wages = &d.entries[2];
        assert_eq!(wages.verdict, Verdict::Unaddressed);
        assert!(wages.entry.paragraphs.is_empty());
        assert!(d.notes.is_empty(), "{:?}", d.notes);
        assert!(matches!(d.findings[1].coverage, Coverage::Unaddressed { .. }));
        assert!(matches!(d.findings[0].coverage, Coverage::Addressed(_)));
    }

    #[test]
    fn never_touches_what_the_advocate_wrote() {
        let (s, co) = fixture();
        let existing: Assessment = serde_yaml::from_str(
            "title: T\ndate: 2025-01-01\nrecommendations:\n  - recommendation: compensate\n    reflected: fully\n    paragraphs: ['22']\n",
        )
        .expect("assessment");
        let d = draft(&s, &co, Some(&existing));
        let ids: Vec<&str> = d.entries.iter().map(|e| e.entry.recommendation.as_str()).collect();
        assert_eq!(ids, ["halt-torture", "wages"]);
        assert_eq!(d.already_assessed, ["compensate"]);
    }

    #[test]
    fn a_language_mismatch_is_reported() {
        let (mut s, co) = fixture();
        s.language = "fr".into();
        let d = draft(&s, &co, None);
        assert_eq!(d.language, Lang::Fr);
        assert!(d.notes.iter().any(|n| n.contains("French") && n.contains("English")), "{:?}", d.notes);
    }

    #[test]
    fn a_spanish_submission_still_finds_the_english_paragraphs() {
        let (mut s, co) = fixture();
        s.language = "es".into();
        s.findings[0].title = "Tortura bajo custodia".into();
        s.findings[0].recommendations[0].text =
            "Investigar toda denuncia de tortura y enjuiciar a los perpetradores.".into();
        s.findings[0].recommendations[1].text = "Indemnizar a toda víctima de tortura.".into();
        let d = draft(&s, &co, None);
        assert!(d.notes.iter().any(|n| n.contains("look-alike")), "{:?}", d.notes);
        let first = |id: &str| {
            let e = d.entries.iter().find(|e| e.entry.recommendation == id).expect("entry");
            e.candidates.first().map(|c| c.citation.to_string())
        };
        assert_eq!(first("halt-torture").as_deref(), Some("20 (a)"));
        assert_eq!(first("compensate").as_deref(), Some("20 (b)"));
    }
}
