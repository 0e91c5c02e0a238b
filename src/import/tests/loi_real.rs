//! Real lists of issues, as the UN publishes them, against truth files written by reading each
//! document (`tests/fixtures/real-co/cycles/*_Q_*.truth.json`, the conventions of
//! `tests/fixtures/real-co/README.md`: paragraphs, lettered parts per paragraph, section titles
//! with letters and numerals dropped, subject headings by the first paragraph under each,
//! footnotes with the title's `*` note, dates, session, and the list's own fields: kind, State,
//! report).
//!
//! Each document is read by the PDF itself and by the text `pdftotext` gives for it. The
//! figures are the ones in `docs/review-cycle.md`; Denmark (`CRPD_C_DNK_Q_1`) was held out of
//! the tuning of the list-of-issues reader and is reported apart.

use super::super::extract_file;
use super::super::loi::{LoiImport, import_loi_extracted};
use crate::model::loi::LoiKind;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// What a careful reader counted in one list of issues.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Truth {
    symbol: String,
    kind: LoiKind,
    state: String,
    report: String,
    language: String,
    /// Questions are numbered 1 to this.
    paragraphs: u32,
    /// Lettered parts per paragraph (only paragraphs that have some).
    subparagraphs: BTreeMap<String, usize>,
    published: String,
    session: u32,
    /// Section titles in order, letters and numerals dropped.
    sections: Vec<String>,
    /// Subject headings, by the number of the first paragraph under each.
    headings: BTreeMap<String, String>,
    /// Footnotes, the title's `*` note included.
    footnotes: usize,
}

/// The held-out document.
const HELD_OUT: &str = "CRPD_C_DNK_Q_1";

fn cycles() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real-co/cycles")
}

fn truths() -> Vec<(String, Truth)> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(cycles())
        .expect("tests/fixtures/real-co/cycles")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".truth.json"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|path| {
            let name =
                path.file_name().and_then(|n| n.to_str()).unwrap_or("").trim_end_matches(".truth.json").to_owned();
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let truth = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (name, truth)
        })
        .collect()
}

/// Right out of counted, for the fields of one document: (hits, of, misses).
fn score(truth: &Truth, got: &LoiImport) -> (usize, usize, Vec<String>) {
    let loi = &got.loi;
    let mut hit = 0;
    let mut of = 0;
    let mut misses = Vec::new();
    let mut check = |ok: bool, what: String| {
        of += 1;
        if ok {
            hit += 1;
        } else {
            misses.push(what);
        }
    };
    check(loi.symbol == truth.symbol, format!("symbol {:?}", loi.symbol));
    check(loi.kind == truth.kind, format!("kind {:?}", loi.kind));
    check(loi.state == truth.state, format!("state {:?}", loi.state));
    check(loi.report.as_deref() == Some(truth.report.as_str()), format!("report {:?}", loi.report));
    check(loi.language.as_deref() == Some(truth.language.as_str()), format!("language {:?}", loi.language));
    check(loi.published.as_deref() == Some(truth.published.as_str()), format!("published {:?}", loi.published));
    check(loi.session == Some(truth.session), format!("session {:?}", loi.session));
    for n in 1..=truth.paragraphs {
        let q = loi.question(n);
        check(q.is_some(), format!("question {n} missing"));
        let want = truth.subparagraphs.get(&n.to_string()).copied().unwrap_or(0);
        let have = q.map_or(0, |q| q.parts.len());
        check(want == have, format!("question {n}: {have} lettered parts, {want} expected"));
    }
    for (_, q) in loi.questions().filter(|(_, q)| q.number == 0 || q.number > truth.paragraphs) {
        check(false, format!("question {} beyond {}", q.number, truth.paragraphs));
    }
    let titles: Vec<&str> = loi.sections.iter().map(|s| s.title.as_str()).filter(|t| !t.is_empty()).collect();
    for (i, t) in truth.sections.iter().enumerate() {
        check(titles.get(i) == Some(&t.as_str()), format!("section {}: want {t:?}, got {:?}", i + 1, titles.get(i)));
    }
    for extra in titles.iter().skip(truth.sections.len()) {
        check(false, format!("extra section {extra:?}"));
    }
    let mut starts = BTreeMap::new();
    for s in &loi.sections {
        let mut before = None;
        for q in &s.questions {
            if let Some(h) = &q.heading
                && before != Some(h)
            {
                starts.insert(q.number.to_string(), h.clone());
            }
            before = q.heading.as_ref();
        }
    }
    for (n, want) in &truth.headings {
        let got = starts.get(n);
        check(got == Some(want), format!("heading at {n}: want {want:?}, got {got:?}"));
    }
    for (n, got) in starts.iter().filter(|(n, _)| !truth.headings.contains_key(*n)) {
        check(false, format!("heading {got:?} at {n}, where none starts"));
    }
    let notes = loi.notes.len() + loi.questions().map(|(_, q)| q.footnotes.len()).sum::<usize>();
    check(notes == truth.footnotes, format!("footnotes: want {}, got {notes}", truth.footnotes));
    (hit, of, misses)
}

/// Every real list of issues, by both routes, field for field: every figure right (the tuned
/// documents and the held-out one alike; the held-out one is reported apart in the guide).
#[test]
fn real_lists_of_issues_match_the_truth() {
    let truths = truths();
    assert!(truths.len() >= 6, "the six lists of issues of tests/fixtures/real-co/cycles/");
    assert!(truths.iter().any(|(n, _)| n == HELD_OUT));
    let mut failures = Vec::new();
    let mut table = String::new();
    for (name, truth) in &truths {
        for ext in ["pdf", "txt"] {
            let path = cycles().join(format!("{name}.{ext}"));
            let extracted = extract_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let got = import_loi_extracted(&path, &extracted, None);
            let (hit, of, misses) = score(truth, &got);
            table.push_str(&format!("{name} {ext}: {hit}/{of}, {} warning(s)\n", got.warnings.len()));
            for m in misses {
                failures.push(format!("{name} ({ext}): {m}"));
            }
        }
    }
    eprintln!("{table}");
    assert!(failures.is_empty(), "{table}\n{}", failures.join("\n"));
}
