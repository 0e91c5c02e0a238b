//! Paragraph roles against hand labels: `tests/fixtures/roles/real-co-roles.yaml` holds the role
//! of about 30 % of the paragraphs of every real CO in the repository (drawn by a hash of the
//! symbol and number, labelled before any role code was written). Each document is imported
//! from its committed text (the Word file for CERD/C/URY), and the roles the importer writes
//! are compared with the labels, the tuning and held-out documents apart.
//!
//! `AMICUS_EVAL_SPLIT=tuning` keeps the held-out documents out of a run (the document check is
//! then skipped); their mismatches are printed only with `AMICUS_SHOW_HELD_OUT=1`.

use super::check_document;
use crate::model::co::Role;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

/// One labelled document.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Labelled {
    /// Its symbol.
    document: String,
    /// The committed file to import, relative to the repository.
    file: String,
    /// `tuning` or `held-out`.
    split: String,
    /// Paragraph number → role.
    roles: BTreeMap<u32, Role>,
}

/// One compared paragraph.
struct Outcome {
    split: String,
    document: String,
    number: u32,
    label: Role,
    found: Option<Role>,
    opening: String,
}

fn outcomes() -> Vec<Outcome> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("tests/fixtures/roles/real-co-roles.yaml")).expect("role labels");
    let docs: Vec<Labelled> = serde_yaml::from_str(&text).expect("role labels parse");
    let only = std::env::var("AMICUS_EVAL_SPLIT").ok();
    let mut out = Vec::new();
    for d in docs.iter().filter(|d| only.as_ref().is_none_or(|o| *o == d.split)) {
        let path = root.join(&d.file);
        let co = if d.file.ends_with(".txt") {
            crate::import::parse_co(&std::fs::read_to_string(&path).expect("fixture text"), None).co
        } else {
            crate::import::import_file(&path, None).unwrap_or_else(|e| panic!("{}: {e}", path.display())).co
        };
        assert_eq!(co.symbol, d.document, "{} imports as another document", d.file);
        for (&number, &label) in &d.roles {
            let p = co.paragraph(number);
            out.push(Outcome {
                split: d.split.clone(),
                document: d.document.clone(),
                number,
                label,
                found: p.and_then(|p| p.role),
                opening: p.map(|p| p.text.chars().take(90).collect()).unwrap_or_default(),
            });
        }
    }
    out
}

/// A count as "n/N (p %)".
fn share(n: usize, of: usize) -> String {
    if of == 0 { "0/0".to_string() } else { format!("{n}/{of} ({:.1} %)", 100.0 * n as f64 / of as f64) }
}

fn table(outcomes: &[Outcome]) -> String {
    let mut s = String::from(
        "| documents | paragraphs | role right | recommendation or not, right | recommendations found (recall) | called recommendation rightly (precision) |\n|---|--:|--:|--:|--:|--:|\n",
    );
    for split in ["tuning", "held-out"] {
        let of: Vec<&Outcome> = outcomes.iter().filter(|o| o.split == split).collect();
        if of.is_empty() {
            continue;
        }
        let docs = of.iter().map(|o| &o.document).collect::<std::collections::BTreeSet<_>>().len();
        let right = of.iter().filter(|o| o.found == Some(o.label)).count();
        let is_rec = |r: Option<Role>| r == Some(Role::Recommendation);
        let binary = of.iter().filter(|o| is_rec(o.found) == is_rec(Some(o.label))).count();
        let recs = of.iter().filter(|o| o.label == Role::Recommendation).count();
        let found = of.iter().filter(|o| o.label == Role::Recommendation && is_rec(o.found)).count();
        let called = of.iter().filter(|o| is_rec(o.found)).count();
        let _ = writeln!(
            s,
            "| {split} ({docs}) | {} | {} | {} | {} | {} |",
            of.len(),
            share(right, of.len()),
            share(binary, of.len()),
            share(found, recs),
            share(found, called)
        );
    }
    s
}

fn confusion(outcomes: &[Outcome], split: &str) -> String {
    let mut counts: BTreeMap<(Role, Option<Role>), usize> = BTreeMap::new();
    for o in outcomes.iter().filter(|o| o.split == split) {
        *counts.entry((o.label, o.found)).or_default() += 1;
    }
    let mut s = String::from("| labelled | found | paragraphs |\n|---|---|--:|\n");
    for ((label, found), n) in counts {
        let _ = writeln!(s, "| {label} | {} | {n} |", found.map_or("none".to_string(), |r| r.to_string()));
    }
    s
}

/// Prints the figures and the mismatches; checks the tables in `docs/import-accuracy.md`.
#[test]
fn paragraph_roles_against_hand_labels() {
    let outcomes = outcomes();
    let summary = table(&outcomes);
    println!("{summary}");
    let show_held_out = std::env::var("AMICUS_SHOW_HELD_OUT").is_ok_and(|v| v == "1");
    for o in outcomes.iter().filter(|o| o.found != Some(o.label) && (show_held_out || o.split != "held-out")) {
        println!(
            "{} ({}) {}: labelled {}, found {} — {}",
            o.document,
            o.split,
            o.number,
            o.label,
            o.found.map_or("none".to_string(), |r| r.to_string()),
            o.opening
        );
    }
    if std::env::var("AMICUS_EVAL_SPLIT").is_ok() {
        return;
    }
    let held = confusion(&outcomes, "held-out");
    check_document(&[("paragraph roles", summary), ("paragraph roles, held-out confusion", held)]);
}

/// The generated CCPR, CERD and CRC documents (concern and recommendation pairs written the way
/// those committees write them: "The State party should:", "The Committee recommends …",
/// "The Committee urges …"): every concern and recommendation the generator made is read back
/// with its role.
#[test]
fn generated_documents_of_three_committees_get_their_roles() {
    for doc in super::synth::all() {
        let truth = doc.truth();
        let got = crate::import::parse_co(&super::plain::render(&doc), None).co;
        let mut checked = 0;
        for (_, p) in truth.paragraphs() {
            let Some(want) = p.role else { continue };
            let found = got.paragraph(p.number).and_then(|q| q.role);
            assert_eq!(found, Some(want), "{} paragraph {}: {}", truth.symbol, p.number, p.text);
            checked += 1;
        }
        assert!(checked >= 20, "{}: only {checked} paragraphs with a known role", truth.symbol);
    }
}
