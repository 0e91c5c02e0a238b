//! `amicus suggest --format json`: the full ranking for every recommendation, with scores,
//! verdicts and the words behind them, for scripts and for anyone who wants to evaluate the
//! suggestions or build on them. The shape is documented in `docs/suggest-accuracy.md`.

use super::{Candidate, Coverage, DraftResult, Verdict};
use crate::model::co::ConcludingObservations;
use serde_json::{Value, json};

/// The version of the JSON shape; raised when a field changes meaning or disappears.
pub const JSON_VERSION: u32 = 1;

/// The words a verdict is shown with, on the screen and in JSON.
pub fn verdict_words(v: Verdict) -> &'static str {
    match v {
        Verdict::Confident => "likely",
        Verdict::Uncertain => "unsure",
        Verdict::Unaddressed => "probably not taken up",
    }
}

/// The whole answer as JSON. With `all`, the recommendations the assessment already has are
/// ranked too, under `assessed` (their entries are never rewritten).
pub fn to_json(draft: &DraftResult, co: &ConcludingObservations, all: bool) -> Value {
    let one = |e: &super::DraftEntry| {
        json!({
            "id": e.entry.recommendation,
            "finding": e.finding_id,
            "finding_title": e.finding_title,
            "text": e.recommendation_text,
            "verdict": verdict_words(e.verdict),
            "suggested_paragraphs": e.entry.paragraphs,
            "none": round3(e.ranking.none),
            "strength": round3(e.ranking.strength),
            "candidates": e.ranking.candidates.iter().map(|c| candidate(c, co)).collect::<Vec<_>>(),
        })
    };
    let recommendations: Vec<Value> = draft.entries.iter().map(one).collect();
    let assessed: Vec<Value> = draft.assessed.iter().filter(|_| all).map(one).collect();
    let findings: Vec<Value> = draft
        .findings
        .iter()
        .map(|f| {
            let (addressed, best) = match &f.coverage {
                Coverage::Addressed(c) => (true, Some(c)),
                Coverage::Unaddressed { nearest } => (false, nearest.as_ref()),
            };
            json!({
                "id": f.id,
                "title": f.title,
                "addressed": addressed,
                "best": best.map(|c| candidate(c, co)),
            })
        })
        .collect();
    json!({
        "version": JSON_VERSION,
        "co": co.symbol,
        "language": draft.language.code(),
        "notes": draft.notes,
        "recommendations": recommendations,
        "already_assessed": draft.already_assessed,
        "assessed": assessed,
        "findings": findings,
    })
}

/// One candidate: where, how sure, why, and the heading it stands under.
fn candidate(c: &Candidate, co: &ConcludingObservations) -> Value {
    let heading = co.paragraph(c.citation.paragraph).and_then(|p| p.heading.clone());
    json!({
        "citation": c.citation.to_string(),
        "paragraph": c.citation.paragraph,
        "score": round3(c.score),
        "heading": heading,
        "shared_words": c.shared_words,
        "concern": c.concern,
        "concern_words": c.concern_words,
    })
}

/// Rounds to three decimals, so that the output is stable and readable.
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::draft;

    #[test]
    fn every_recommendation_with_its_full_ranking() {
        let (s, co) = crate::suggest::draft::tests::fixture();
        let d = draft(&s, &co, None);
        let v = to_json(&d, &co, false);
        assert_eq!(v["version"], 1);
        assert_eq!(v["co"], "CCPR/C/UTO/CO/1");
        let recs = v["recommendations"].as_array().expect("array");
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[1]["id"], "compensate");
        assert_eq!(recs[1]["verdict"], "likely");
        assert_eq!(recs[1]["suggested_paragraphs"][0], "20 (b)");
        let first = &recs[1]["candidates"][0];
        assert_eq!(first["citation"], "20 (b)");
        assert_eq!(first["heading"], "Torture and ill-treatment");
        assert!(first["shared_words"].as_array().is_some_and(|w| !w.is_empty()), "{first}");
        // The full ranking, not only the few shown in the draft.
        assert_eq!(recs[1]["candidates"].as_array().map(Vec::len), Some(d.entries[1].ranking.candidates.len()));
        assert_eq!(recs[2]["verdict"], "probably not taken up");
        assert_eq!(v["findings"][1]["addressed"], false);
        assert_eq!(v["assessed"].as_array().map(Vec::len), Some(0));
    }

    /// Once a recommendation is in the assessment, its ranking is still there with `all`
    /// (under `assessed`), and the same as before; without `all`, only its id is listed.
    #[test]
    fn assessed_recommendations_keep_their_ranking_with_all() {
        let (s, co) = crate::suggest::draft::tests::fixture();
        let before = to_json(&draft(&s, &co, None), &co, false);
        let assessment: crate::model::Assessment = serde_yaml::from_str(
            "title: T\ndate: 2025-01-01\nrecommendations:\n  - recommendation: compensate\n    reflected: fully\n    paragraphs: [\"20 (b)\"]\n",
        )
        .expect("assessment");
        let d = draft(&s, &co, Some(&assessment));
        let without = to_json(&d, &co, false);
        assert_eq!(without["recommendations"].as_array().map(Vec::len), Some(2));
        assert_eq!(without["already_assessed"][0], "compensate");
        assert_eq!(without["assessed"].as_array().map(Vec::len), Some(0));
        let with = to_json(&d, &co, true);
        assert_eq!(with["assessed"].as_array().map(Vec::len), Some(1));
        assert_eq!(with["assessed"][0], before["recommendations"][1]);
    }
}
