//! How well `amicus suggest` finds the CO paragraph that takes a recommendation up, measured on
//! the labelled sets in `tests/fixtures/suggest/`.
//!
//! Prints hit@1, hit@3 and MRR per set and per split (tuning / held-out), at paragraph and
//! sub-paragraph level, how the unaddressed recommendations came out, and how well the scores
//! are calibrated. Asserts the goals: the right paragraph in the top 3 for at least 95% of the
//! labelled recommendations, all sets together; and no confident suggestion for the two
//! unaddressed issues of the seed brief. (The held-out CEDAW set has an unaddressed
//! recommendation that does get one: a known limit, reported, not asserted away.)
//! `docs/suggest-accuracy.md` reports the figures.
//!
//! `AMICUS_EVAL_SPLIT=tuning cargo test --test suggest_accuracy -- --nocapture` restricts the
//! run to the tuning sets, so that the held-out sets stay unseen while the method is adjusted.

use amicus::model::co::ConcludingObservations;
use amicus::model::{Citation, parse_citations};
use amicus::suggest::{Candidate, Lang, Ranker, Verdict};
use serde::Deserialize;
use std::path::Path;

/// One labelled set: a CO and recommendations with the paragraphs that take them up.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Set {
    /// A short name.
    name: String,
    /// `en`, `fr` or `es`.
    language: String,
    /// `tuning` or `held-out`.
    split: String,
    /// The concluding observations.
    co: ConcludingObservations,
    /// The labelled recommendations.
    recommendations: Vec<Item>,
}

/// One labelled recommendation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    /// Its id.
    id: String,
    /// The title of the finding it belongs to.
    finding: String,
    /// Its text.
    text: String,
    /// The citations that take it up; empty for an unaddressed recommendation.
    expected: Vec<String>,
}

/// The outcome for one recommendation.
struct Outcome {
    /// The set's name.
    set: String,
    /// The set's split.
    split: String,
    /// The recommendation's id.
    id: String,
    /// Whether it is labelled unaddressed.
    unaddressed: bool,
    /// 1-based rank of the first right paragraph among distinct paragraphs.
    paragraph_rank: Option<usize>,
    /// 1-based rank of the first right unit.
    unit_rank: Option<usize>,
    /// The verdict.
    verdict: Verdict,
    /// The best score.
    top_score: f64,
    /// The best few candidates, for the report.
    top: Vec<Candidate>,
    /// The expected citations, for the report.
    expected: Vec<String>,
}

/// Every labelled set, in file-name order.
fn load_sets() -> Vec<Set> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/suggest");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("read fixture");
            serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        })
        .collect()
}

/// Whether a candidate is one of the expected citations (an expected whole paragraph accepts
/// any of its sub-paragraphs).
fn matches(candidate: &Citation, expected: &[Citation]) -> bool {
    expected.iter().any(|e| {
        e.paragraph == candidate.paragraph
            && (e.letters.is_empty() || candidate.letters.iter().any(|l| e.letters.contains(l)))
    })
}

/// Ranks every recommendation of a set and compares with its labels.
fn evaluate(set: &Set) -> Vec<Outcome> {
    let lang = Lang::from_code(&set.language).expect("language");
    let ranker = Ranker::new(&set.co, lang);
    set.recommendations
        .iter()
        .map(|item| {
            let ranking = ranker.ranking(&item.text, &item.finding);
            let expected: Vec<Citation> =
                item.expected.iter().flat_map(|e| parse_citations(e).expect("expected citation")).collect();
            let mut paragraphs: Vec<u32> = Vec::new();
            for c in &ranking.candidates {
                if !paragraphs.contains(&c.citation.paragraph) {
                    paragraphs.push(c.citation.paragraph);
                }
            }
            let paragraph_rank =
                paragraphs.iter().position(|p| expected.iter().any(|e| e.paragraph == *p)).map(|i| i + 1);
            let unit_rank = ranking.candidates.iter().position(|c| matches(&c.citation, &expected)).map(|i| i + 1);
            Outcome {
                set: set.name.clone(),
                split: set.split.clone(),
                id: item.id.clone(),
                unaddressed: expected.is_empty(),
                paragraph_rank,
                unit_rank,
                verdict: ranking.verdict(),
                top_score: ranking.candidates.first().map_or(0.0, |c| c.score),
                top: ranking.candidates.iter().take(3).cloned().collect(),
                expected: item.expected.clone(),
            }
        })
        .collect()
}

/// hit@1, hit@3 and MRR of a list of ranks.
fn figures(ranks: &[Option<usize>]) -> (f64, f64, f64) {
    let n = ranks.len().max(1) as f64;
    let hit = |k: usize| ranks.iter().filter(|r| r.is_some_and(|r| r <= k)).count() as f64 / n;
    let mrr = ranks.iter().map(|r| r.map_or(0.0, |r| 1.0 / r as f64)).sum::<f64>() / n;
    (hit(1), hit(3), mrr)
}

/// One line of the table.
fn row(name: &str, outcomes: &[&Outcome]) -> String {
    let labelled: Vec<&&Outcome> = outcomes.iter().filter(|o| !o.unaddressed).collect();
    let (p1, p3, pm) = figures(&labelled.iter().map(|o| o.paragraph_rank).collect::<Vec<_>>());
    let (u1, u3, um) = figures(&labelled.iter().map(|o| o.unit_rank).collect::<Vec<_>>());
    let unaddressed: Vec<&&Outcome> = outcomes.iter().filter(|o| o.unaddressed).collect();
    let flagged = unaddressed.iter().filter(|o| o.verdict == Verdict::Unaddressed).count();
    let not_confident = unaddressed.iter().filter(|o| o.verdict != Verdict::Confident).count();
    format!(
        "| {name:<22} | {:>3} | {p1:.2} | {p3:.2} | {pm:.2} | {u1:.2} | {u3:.2} | {um:.2} | {}/{} | {}/{} |",
        labelled.len(),
        flagged,
        unaddressed.len(),
        not_confident,
        unaddressed.len()
    )
}

/// The calibration table of some outcomes: by band of the best score, how often the best
/// candidate's paragraph was right; then the precision of confident suggestions.
fn calibration(title: &str, outcomes: &[&Outcome]) {
    println!();
    println!("Calibration ({title}):");
    println!();
    println!("| top score | n | right paragraph | mean score | confident |");
    println!("|-----------|--:|----------------:|-----------:|----------:|");
    for (lo, hi) in [(0.0, 0.25), (0.25, 0.5), (0.5, 0.75), (0.75, 1.01)] {
        let of: Vec<&&Outcome> = outcomes.iter().filter(|o| o.top_score >= lo && o.top_score < hi).collect();
        if of.is_empty() {
            continue;
        }
        let right = of.iter().filter(|o| o.paragraph_rank == Some(1)).count();
        let mean = of.iter().map(|o| o.top_score).sum::<f64>() / of.len() as f64;
        let confident = of.iter().filter(|o| o.verdict == Verdict::Confident).count();
        println!(
            "| {lo:.2}–{:.2} | {} | {right} ({:.0}%) | {mean:.2} | {confident} |",
            hi.min(1.0),
            of.len(),
            100.0 * right as f64 / of.len() as f64
        );
    }
    let confident: Vec<&&Outcome> = outcomes.iter().filter(|o| o.verdict == Verdict::Confident).collect();
    let right = confident.iter().filter(|o| o.paragraph_rank == Some(1)).count();
    println!();
    println!(
        "confident suggestions: {} of {} recommendations; right paragraph in {right} ({:.0}%)",
        confident.len(),
        outcomes.len(),
        100.0 * right as f64 / confident.len().max(1) as f64
    );
}

/// Prints the figures and asserts the goals (see the module documentation).
#[test]
fn suggestion_accuracy_on_the_labelled_sets() {
    let only = std::env::var("AMICUS_EVAL_SPLIT").ok();
    let sets: Vec<Set> = load_sets().into_iter().filter(|s| only.as_ref().is_none_or(|o| *o == s.split)).collect();
    assert!(!sets.is_empty(), "no labelled sets");
    let outcomes: Vec<Outcome> = sets.iter().flat_map(evaluate).collect();

    println!();
    println!(
        "| set                    |   n | p@1  | p@3  | pMRR | s@1  | s@3  | sMRR | unaddressed flagged | not confident |"
    );
    println!("|------------------------|----:|------|------|------|------|------|------|-----|-----|");
    for set in &sets {
        let of: Vec<&Outcome> = outcomes.iter().filter(|o| o.set == set.name).collect();
        println!("{}", row(&format!("{} ({})", set.name, if set.split == "held-out" { "H" } else { "T" }), &of));
    }
    for split in ["tuning", "held-out"] {
        let of: Vec<&Outcome> = outcomes.iter().filter(|o| o.split == split).collect();
        if !of.is_empty() {
            println!("{}", row(&format!("all {split}"), &of));
        }
    }
    let all: Vec<&Outcome> = outcomes.iter().collect();
    println!("{}", row("all sets", &all));

    // Calibration: how often the best candidate's paragraph is right, by its score.
    for split in ["tuning", "held-out", "all"] {
        let of: Vec<&Outcome> = outcomes.iter().filter(|o| split == "all" || o.split == split).collect();
        if !of.is_empty() {
            calibration(split, &of);
        }
    }
    let labelled = outcomes.iter().filter(|o| !o.unaddressed).count();
    println!();
    let false_unaddressed: Vec<String> = outcomes
        .iter()
        .filter(|o| !o.unaddressed && o.verdict == Verdict::Unaddressed)
        .map(|o| format!("{}/{}", o.set, o.id))
        .collect();
    println!(
        "addressed recommendations wrongly flagged as unaddressed: {} of {labelled} ({})",
        false_unaddressed.len(),
        false_unaddressed.join(", ")
    );
    let confident_unaddressed: Vec<String> = outcomes
        .iter()
        .filter(|o| o.unaddressed && o.verdict == Verdict::Confident)
        .map(|o| format!("{}/{}", o.set, o.id))
        .collect();
    println!("unaddressed recommendations with a confident suggestion: {}", confident_unaddressed.join(", "));

    println!();
    println!("Misses (right paragraph not first) and unaddressed recommendations:");
    for o in &outcomes {
        if o.paragraph_rank != Some(1) {
            let top: Vec<String> = o
                .top
                .iter()
                .map(|c| format!("{} {:.2} [{}]", c.citation, c.score, c.shared_words.join(", ")))
                .collect();
            println!(
                "  {}/{}: expected {:?}, paragraph rank {:?}, verdict {:?}; top: {}",
                o.set,
                o.id,
                o.expected,
                o.paragraph_rank,
                o.verdict,
                top.join(" | ")
            );
        }
    }

    let ranks: Vec<Option<usize>> = outcomes.iter().filter(|o| !o.unaddressed).map(|o| o.paragraph_rank).collect();
    let (_, hit3, _) = figures(&ranks);
    assert!(
        hit3 >= 0.95,
        "the right paragraph is in the top 3 for only {:.0}% of the labelled recommendations",
        hit3 * 100.0
    );
    // The seed brief's two unaddressed issues must not get a confident suggestion.
    for o in outcomes.iter().filter(|o| o.unaddressed && o.set == "kazakhstan-ccpr") {
        assert_ne!(o.verdict, Verdict::Confident, "{}/{} is unaddressed but got a confident suggestion", o.set, o.id);
    }
}
