//! How well `amicus suggest` finds the paragraph that takes a recommendation up, measured on
//! labelled sets, side by side with a plain TF-IDF ranking (and, when its vectors are given, a
//! multilingual sentence-embedding model).
//!
//! - `suggestion_accuracy_on_the_labelled_sets` ranks the sets in `tests/fixtures/suggest/`:
//!   invented ones and real concluding observations with recommendations written in an NGO's
//!   words (labels fixed before any ranking was run). Every row is asserted on its own
//!   ([`FLOORS`]), and the tables in `docs/suggest-accuracy.md` must be exactly what the run
//!   measures: `AMICUS_BLESS=1` rewrites them, for review in the diff.
//! - `upr_matcher_gold` (ignored: it needs data this repository does not ship) ranks real UN
//!   recommendations for real NGO recommendations, against the links people made in the
//!   public repository The-Good-AI-Lab/upr-matcher (`evals/gold/`, GPL-3.0, read at run time,
//!   never copied here): `AMICUS_UPR_GOLD=<folder with costa_rica_2024_*.jsonl> cargo test
//!   --test suggest_accuracy -- --ignored --nocapture`.
//! - `AMICUS_EMBED_TEXTS=texts.json` writes every text the runs rank, for
//!   `scripts/embed-baseline.py`; `AMICUS_EMBEDDINGS=vectors.json` reads the vectors back and
//!   adds the embedding model's figures (checked against the doc too).
//! - `AMICUS_EVAL_SPLIT=tuning` keeps the held-out sets out of a run while the method is
//!   adjusted (the doc and floor checks are then skipped).

use amicus::model::co::ConcludingObservations;
use amicus::model::{Citation, parse_citations};
use amicus::suggest::{Lang, Ranker, Verdict};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

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
    /// `invented` (a CO written for the test) or `real` (a CO as the UN published it).
    #[serde(default = "invented")]
    origin: String,
    /// The concluding observations.
    co: ConcludingObservations,
    /// The labelled recommendations.
    recommendations: Vec<Item>,
}

/// The default origin of a set.
fn invented() -> String {
    "invented".to_string()
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

/// The least each row must reach: (set, p@1, p@3). The figures measured when the method was
/// last changed; a change that lowers one fails here even if the doc is re-blessed.
const FLOORS: &[(&str, f64, f64)] = &[
    ("cat-aldavia", 1.00, 1.00),
    ("cat-tarania-es", 0.88, 1.00),
    ("ccpr-lorvanie-fr", 1.00, 1.00),
    ("cedaw-corvenia", 0.80, 1.00),
    ("cerd-belmora", 1.00, 1.00),
    ("kazakhstan-ccpr", 1.00, 1.00),
    ("cerd-uruguay", 0.92, 1.00),
    ("crpd-brazil", 0.92, 1.00),
    ("crpd-el-salvador-es", 0.84, 0.92),
];

/// A ranking method under comparison.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Method {
    /// `amicus suggest`.
    Amicus,
    /// Plain TF-IDF, cosine: the baseline.
    TfIdf,
    /// multilingual-e5-small vectors, cosine (only with `AMICUS_EMBEDDINGS`).
    E5,
}

/// The outcome for one recommendation.
struct Outcome {
    /// The set's name.
    set: String,
    /// The set's split.
    split: String,
    /// Whether the set's CO is real.
    real: bool,
    /// The recommendation's id.
    id: String,
    /// Whether it is labelled unaddressed.
    unaddressed: bool,
    /// 1-based rank of the first right paragraph among distinct paragraphs, per method.
    rank: BTreeMap<Method, Option<usize>>,
    /// 1-based rank of the first right unit (Amicus).
    unit_rank: Option<usize>,
    /// The verdict (Amicus).
    verdict: Verdict,
    /// The best score (Amicus).
    top_score: f64,
    /// The best few candidates, for the report.
    top: Vec<String>,
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

/// The 1-based rank of the first expected paragraph among the distinct paragraphs of a ranking.
fn paragraph_rank(ranked: impl Iterator<Item = u32>, expected: &[Citation]) -> Option<usize> {
    let mut paragraphs: Vec<u32> = Vec::new();
    for p in ranked {
        if !paragraphs.contains(&p) {
            paragraphs.push(p);
        }
    }
    paragraphs.iter().position(|p| expected.iter().any(|e| e.paragraph == *p)).map(|i| i + 1)
}

/// A document for the baselines: a paragraph without items, or an item with its lead-in.
struct Doc {
    /// The paragraph number.
    paragraph: u32,
    /// Its text.
    text: String,
}

/// The baselines' documents for a CO: every unit, concerns included, as plain text.
fn docs(co: &ConcludingObservations) -> Vec<Doc> {
    let mut out = Vec::new();
    for (_, p) in co.paragraphs() {
        if p.subparagraphs.is_empty() {
            out.push(Doc { paragraph: p.number, text: p.text.clone() });
        } else {
            for s in &p.subparagraphs {
                out.push(Doc { paragraph: p.number, text: format!("{} {}", p.text, s.text) });
            }
        }
    }
    out
}

/// Plain TF-IDF as a library would do it by default: lower-cased words of two characters or
/// more, raw counts, smoothed IDF, L2 norm, cosine. No stemming, no stop words.
struct TfIdf {
    /// Word → smoothed IDF.
    idf: HashMap<String, f64>,
    /// The documents' vectors.
    vectors: Vec<HashMap<String, f64>>,
}

impl TfIdf {
    /// Indexes the documents.
    fn new(docs: &[Doc]) -> TfIdf {
        let n = docs.len() as f64;
        let mut df: HashMap<String, f64> = HashMap::new();
        let tokenized: Vec<Vec<String>> = docs.iter().map(|d| tokens(&d.text)).collect();
        for t in &tokenized {
            let mut seen: Vec<&String> = t.iter().collect();
            seen.sort();
            seen.dedup();
            for w in seen {
                *df.entry(w.clone()).or_default() += 1.0;
            }
        }
        let idf: HashMap<String, f64> = df.into_iter().map(|(w, d)| (w, ((1.0 + n) / (1.0 + d)).ln() + 1.0)).collect();
        let mut me = TfIdf { idf, vectors: Vec::new() };
        me.vectors = tokenized.iter().map(|t| me.vector(t)).collect();
        me
    }

    /// The normalised vector of some tokens (words the documents never use are dropped).
    fn vector(&self, tokens: &[String]) -> HashMap<String, f64> {
        let mut v: HashMap<String, f64> = HashMap::new();
        for t in tokens {
            if let Some(idf) = self.idf.get(t) {
                *v.entry(t.clone()).or_default() += idf;
            }
        }
        let norm = v.values().map(|x| x * x).sum::<f64>().sqrt();
        if norm > 0.0 {
            v.values_mut().for_each(|x| *x /= norm);
        }
        v
    }

    /// Document indices by cosine with the query, best first (only those sharing a word).
    fn rank(&self, query: &str) -> Vec<usize> {
        let q = self.vector(&tokens(query));
        let mut scored: Vec<(usize, f64)> = self
            .vectors
            .iter()
            .enumerate()
            .map(|(i, d)| (i, q.iter().map(|(w, x)| x * d.get(w).unwrap_or(&0.0)).sum::<f64>()))
            .filter(|(_, s)| *s > 0.0)
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scored.into_iter().map(|(i, _)| i).collect()
    }
}

/// Lower-cased runs of two or more letters or digits.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 2).map(str::to_lowercase).collect()
}

/// Embedding vectors read from `AMICUS_EMBEDDINGS`, and the texts to write for
/// `AMICUS_EMBED_TEXTS`.
#[derive(Default)]
struct Embeddings {
    /// Query text → vector.
    queries: HashMap<String, Vec<f64>>,
    /// Passage text → vector.
    passages: HashMap<String, Vec<f64>>,
    /// Whether vectors were given.
    loaded: bool,
    /// Texts asked for, to write out.
    want_queries: Vec<String>,
    /// Passages asked for, to write out.
    want_passages: Vec<String>,
}

impl Embeddings {
    /// Reads `AMICUS_EMBEDDINGS` if set.
    fn load() -> Embeddings {
        let Ok(path) = std::env::var("AMICUS_EMBEDDINGS") else { return Embeddings::default() };
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let v: serde_json::Value = serde_json::from_str(&text).expect("vectors JSON");
        let read = |kind: &str| -> HashMap<String, Vec<f64>> {
            v[kind]
                .as_object()
                .expect("object")
                .iter()
                .map(|(k, x)| (k.clone(), x.as_array().expect("array").iter().filter_map(|f| f.as_f64()).collect()))
                .collect()
        };
        Embeddings { queries: read("queries"), passages: read("passages"), loaded: true, ..Embeddings::default() }
    }

    /// Document indices by cosine with the query, best first; `None` without vectors.
    fn rank(&mut self, query: &str, docs: &[Doc]) -> Option<Vec<usize>> {
        self.want_queries.push(query.to_string());
        self.want_passages.extend(docs.iter().map(|d| d.text.clone()));
        if !self.loaded {
            return None;
        }
        let q = self.queries.get(query).unwrap_or_else(|| panic!("no vector for query {query:?}"));
        let mut scored: Vec<(usize, f64)> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let p = self.passages.get(&d.text).unwrap_or_else(|| panic!("no vector for passage {:?}", d.text));
                (i, q.iter().zip(p).map(|(a, b)| a * b).sum::<f64>())
            })
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        Some(scored.into_iter().map(|(i, _)| i).collect())
    }

    /// Writes the texts asked for to `AMICUS_EMBED_TEXTS`, if set (merging with what is there).
    fn write_wanted(&self) {
        let Ok(path) = std::env::var("AMICUS_EMBED_TEXTS") else { return };
        let mut queries = self.want_queries.clone();
        let mut passages = self.want_passages.clone();
        if let Ok(old) = std::fs::read_to_string(&path) {
            let v: serde_json::Value = serde_json::from_str(&old).expect("texts JSON");
            for (kind, list) in [("queries", &mut queries), ("passages", &mut passages)] {
                list.extend(v[kind].as_array().into_iter().flatten().filter_map(|s| s.as_str().map(String::from)));
            }
        }
        for list in [&mut queries, &mut passages] {
            list.sort();
            list.dedup();
        }
        let v = serde_json::json!({"queries": queries, "passages": passages});
        std::fs::write(&path, v.to_string()).expect("write texts");
    }
}

/// The rank of the first right paragraph by each method: Amicus's ranking, the TF-IDF
/// baseline and, when its vectors are there, the embedding model.
fn method_ranks(
    ranking: &amicus::suggest::Ranking,
    tfidf: &TfIdf,
    embeddings: &mut Embeddings,
    docs: &[Doc],
    text: &str,
    expected: &[Citation],
) -> BTreeMap<Method, Option<usize>> {
    let mut rank = BTreeMap::new();
    rank.insert(Method::Amicus, paragraph_rank(ranking.candidates.iter().map(|c| c.citation.paragraph), expected));
    rank.insert(Method::TfIdf, paragraph_rank(tfidf.rank(text).into_iter().map(|i| docs[i].paragraph), expected));
    if let Some(order) = embeddings.rank(text, docs) {
        rank.insert(Method::E5, paragraph_rank(order.into_iter().map(|i| docs[i].paragraph), expected));
    }
    rank
}

/// Ranks every recommendation of a set with every method and compares with its labels.
fn evaluate(set: &Set, embeddings: &mut Embeddings) -> Vec<Outcome> {
    let lang = Lang::from_code(&set.language).expect("language");
    let ranker = Ranker::new(&set.co, lang);
    let docs = docs(&set.co);
    let tfidf = TfIdf::new(&docs);
    set.recommendations
        .iter()
        .map(|item| {
            let expected: Vec<Citation> =
                item.expected.iter().flat_map(|e| parse_citations(e).expect("expected citation")).collect();
            let ranking = ranker.ranking(&item.text, &item.finding);
            let rank = method_ranks(&ranking, &tfidf, embeddings, &docs, &item.text, &expected);
            Outcome {
                set: set.name.clone(),
                split: set.split.clone(),
                real: set.origin == "real",
                id: item.id.clone(),
                unaddressed: expected.is_empty(),
                rank,
                unit_rank: ranking.candidates.iter().position(|c| matches(&c.citation, &expected)).map(|i| i + 1),
                verdict: ranking.verdict(),
                top_score: ranking.candidates.first().map_or(0.0, |c| c.score),
                top: ranking
                    .candidates
                    .iter()
                    .take(3)
                    .map(|c| format!("{} {:.2} [{}]", c.citation, c.score, c.shared_words.join(", ")))
                    .collect(),
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

/// The labelled (addressed) outcomes' ranks for one method.
fn ranks(outcomes: &[&Outcome], method: Method) -> Vec<Option<usize>> {
    outcomes.iter().filter(|o| !o.unaddressed).map(|o| o.rank.get(&method).copied().flatten()).collect()
}

/// The header of the main table.
const HEADER: &str = "| set | n | p@1 | p@3 | MRR | s@1 | TF-IDF p@1 | TF-IDF p@3 | TF-IDF MRR | not taken up, flagged | taken up, flagged not |\n\
|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|";

/// One row of the main table.
fn row(name: &str, outcomes: &[&Outcome]) -> String {
    let (p1, p3, pm) = figures(&ranks(outcomes, Method::Amicus));
    let (t1, t3, tm) = figures(&ranks(outcomes, Method::TfIdf));
    let labelled: Vec<&&Outcome> = outcomes.iter().filter(|o| !o.unaddressed).collect();
    let (s1, _, _) = figures(&labelled.iter().map(|o| o.unit_rank).collect::<Vec<_>>());
    let unaddressed: Vec<&&Outcome> = outcomes.iter().filter(|o| o.unaddressed).collect();
    let flagged = unaddressed.iter().filter(|o| o.verdict == Verdict::Unaddressed).count();
    let wrongly = labelled.iter().filter(|o| o.verdict == Verdict::Unaddressed).count();
    format!(
        "| {name} | {} | {p1:.2} | {p3:.2} | {pm:.2} | {s1:.2} | {t1:.2} | {t3:.2} | {tm:.2} | {flagged}/{} | {wrongly}/{} |",
        labelled.len(),
        unaddressed.len(),
        labelled.len()
    )
}

/// One row of the embedding table.
fn e5_row(name: &str, outcomes: &[&Outcome]) -> String {
    let (e1, e3, em) = figures(&ranks(outcomes, Method::E5));
    let (p1, p3, pm) = figures(&ranks(outcomes, Method::Amicus));
    format!(
        "| {name} | {} | {e1:.2} | {e3:.2} | {em:.2} | {p1:.2} | {p3:.2} | {pm:.2} |",
        ranks(outcomes, Method::E5).len()
    )
}

/// The header of the embedding table.
const E5_HEADER: &str =
    "| set | n | e5 p@1 | e5 p@3 | e5 MRR | amicus p@1 | amicus p@3 | amicus MRR |\n|---|--:|--:|--:|--:|--:|--:|--:|";

/// The calibration table: for each verdict, how often it was right.
fn verdicts(outcomes: &[&Outcome]) -> String {
    let mut out = String::from(
        "| verdict | n | right paragraph first | right paragraph in top 3 | not taken up by the committee |\n|---|--:|--:|--:|--:|\n",
    );
    for (v, words) in [
        (Verdict::Confident, "likely"),
        (Verdict::Uncertain, "unsure"),
        (Verdict::Unaddressed, "probably not taken up"),
    ] {
        let of: Vec<&&Outcome> = outcomes.iter().filter(|o| o.verdict == v).collect();
        let first = of.iter().filter(|o| o.rank[&Method::Amicus] == Some(1)).count();
        let top3 = of.iter().filter(|o| o.rank[&Method::Amicus].is_some_and(|r| r <= 3)).count();
        let none = of.iter().filter(|o| o.unaddressed).count();
        let pct = |k: usize| {
            if of.is_empty() { "–".to_string() } else { format!("{k} ({:.0}%)", 100.0 * k as f64 / of.len() as f64) }
        };
        let _ = writeln!(out, "| {words} | {} | {} | {} | {} |", of.len(), pct(first), pct(top3), pct(none));
    }
    out.trim_end().to_string()
}

/// Checks (or, with `AMICUS_BLESS=1`, rewrites) the block `name` of `docs/suggest-accuracy.md`.
fn check_doc_block(name: &str, content: &str) {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/suggest-accuracy.md");
    let doc = std::fs::read_to_string(&path).expect("docs/suggest-accuracy.md");
    let begin = format!("<!-- measured:{name} -->");
    let end = format!("<!-- /measured:{name} -->");
    let Some(b) = doc.find(&begin) else { panic!("docs/suggest-accuracy.md has no `{begin}`") };
    let Some(e) = doc[b..].find(&end).map(|e| e + b) else { panic!("docs/suggest-accuracy.md has no `{end}`") };
    let current = doc[b + begin.len()..e].trim_matches('\n');
    if current == content {
        return;
    }
    if std::env::var("AMICUS_BLESS").is_ok_and(|v| v == "1") {
        let new = format!("{}\n{content}\n{}", &doc[..b + begin.len()], &doc[e..]);
        std::fs::write(&path, new).expect("write doc");
        return;
    }
    panic!(
        "docs/suggest-accuracy.md, block `{name}`, says something else than this run measures.\n\
         It says:\n{current}\n\nThe run measured:\n{content}\n\n\
         Update the doc (AMICUS_BLESS=1 rewrites the block; review the diff)."
    );
}

/// Prints the misses of some outcomes.
fn print_misses(outcomes: &[&Outcome]) {
    println!("Misses (right paragraph not first), and recommendations not taken up:");
    for o in outcomes {
        if o.rank[&Method::Amicus] != Some(1) {
            println!(
                "  {}/{}: expected {:?}, rank {:?}, verdict {:?}, top score {:.2}; top: {}",
                o.set,
                o.id,
                o.expected,
                o.rank[&Method::Amicus],
                o.verdict,
                o.top_score,
                o.top.join(" | ")
            );
        }
    }
}

/// Which outcomes a row of the summary table counts.
type OutcomeFilter = fn(&Outcome) -> bool;

/// Prints the figures on the fixture sets, checks them against the doc and asserts each row.
#[test]
fn suggestion_accuracy_on_the_labelled_sets() {
    let only = std::env::var("AMICUS_EVAL_SPLIT").ok();
    let sets: Vec<Set> = load_sets().into_iter().filter(|s| only.as_ref().is_none_or(|o| *o == s.split)).collect();
    assert!(!sets.is_empty(), "no labelled sets");
    let mut embeddings = Embeddings::load();
    let outcomes: Vec<Outcome> = sets.iter().flat_map(|s| evaluate(s, &mut embeddings)).collect();
    embeddings.write_wanted();

    let mut table = format!("{HEADER}\n");
    let mut e5 = format!("{E5_HEADER}\n");
    let tag = |s: &Set| format!("{} ({}{})", s.name, if s.origin == "real" { "real, " } else { "" }, s.split);
    for set in &sets {
        let of: Vec<&Outcome> = outcomes.iter().filter(|o| o.set == set.name).collect();
        let _ = writeln!(table, "{}", row(&tag(set), &of));
        let _ = writeln!(e5, "{}", e5_row(&tag(set), &of));
    }
    let groups: [(&str, OutcomeFilter); 4] = [
        ("**real, held-out**", |o| o.real && o.split == "held-out"),
        ("real, tuning", |o| o.real && o.split == "tuning"),
        ("invented, all", |o| !o.real),
        ("all sets", |_| true),
    ];
    for (name, keep) in &groups {
        let of: Vec<&Outcome> = outcomes.iter().filter(|o| keep(o)).collect();
        if !of.is_empty() {
            let _ = writeln!(table, "{}", row(name, &of));
            let _ = writeln!(e5, "{}", e5_row(name, &of));
        }
    }
    let real: Vec<&Outcome> = outcomes.iter().filter(|o| o.real).collect();
    let calibration = verdicts(&real);
    println!("\n{table}\n{calibration}\n");
    if embeddings.loaded {
        println!("{e5}");
    }
    let all: Vec<&Outcome> = outcomes.iter().collect();
    print_misses(&all);

    if only.is_some() {
        return;
    }
    // Each row on its own.
    for (name, p1_floor, p3_floor) in FLOORS {
        let of: Vec<&Outcome> = outcomes.iter().filter(|o| o.set == *name).collect();
        assert!(!of.is_empty(), "no set named {name}");
        let (p1, p3, _) = figures(&ranks(&of, Method::Amicus));
        assert!(p1 >= *p1_floor - 1e-9, "{name}: p@1 {p1:.2} is below {p1_floor:.2}");
        assert!(p3 >= *p3_floor - 1e-9, "{name}: p@3 {p3:.2} is below {p3_floor:.2}");
        // On real documents, a recommendation the committee took up is never called "probably
        // not taken up".
        for o in of.iter().filter(|o| o.real && !o.unaddressed) {
            assert_ne!(o.verdict, Verdict::Unaddressed, "{name}/{} was taken up but is flagged not taken up", o.id);
        }
    }
    check_doc_block("fixtures", table.trim_end());
    check_doc_block("fixtures-verdicts", &calibration);
    if embeddings.loaded {
        check_doc_block("fixtures-e5", e5.trim_end());
    }
}

/// One line of the upr-matcher files: the fields this evaluation reads.
#[derive(Deserialize)]
struct GoldLine {
    /// `costa_rica_2024:discrimination:1`.
    source_id: String,
    /// The NGO recommendation, English translation.
    source_recommendation_en: String,
    /// The NGO recommendation as written (Spanish).
    source_recommendation_es: String,
    /// The NGO's theme (`DISCRIMINATION`).
    theme: String,
    /// The linked UN recommendation's number (`119.10`); absent in the sources file.
    #[serde(default)]
    target_recommendation_id: Option<String>,
    /// Its English text, starting with its number.
    #[serde(default)]
    target_recommendation_en: Option<String>,
    /// Its Spanish text, starting with its number.
    #[serde(default)]
    target_recommendation_es: Option<String>,
}

/// Themes whose misses were looked at while the method was adjusted; the others are held out.
const UPR_TUNING_THEMES: &[&str] =
    &["discrimination", "right_to_health", "transport_and_infrastructure", "young_peoples_rights"];

/// Reads a JSON-lines file.
fn read_lines(path: &Path) -> Vec<GoldLine> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .collect()
}

/// Real NGO recommendations (Costa Rica, UPR 2024) against the UN recommendations people linked
/// them to. See the module documentation.
#[test]
#[ignore = "needs the upr-matcher gold files: AMICUS_UPR_GOLD=<folder>"]
fn upr_matcher_gold() {
    let dir =
        PathBuf::from(std::env::var("AMICUS_UPR_GOLD").expect("set AMICUS_UPR_GOLD to the folder of the gold files"));
    let links = read_lines(&dir.join("costa_rica_2024_match_links.jsonl"));
    let sources = read_lines(&dir.join("costa_rica_2024_source_recommendations.jsonl"));
    // The candidates: every UN recommendation that a link names, numbered 1.. in the order of
    // their UN numbers. (The full list of the State's recommendations is not in the files:
    // this pool is smaller than the real one, so every figure here is an upper bound.)
    let mut targets: BTreeMap<(u32, u32), (String, String, String)> = BTreeMap::new();
    for l in &links {
        let id = l.target_recommendation_id.clone().expect("target id");
        let (a, b) = id.split_once('.').expect("119.10");
        let strip =
            |t: &Option<String>| t.clone().unwrap_or_default().trim_start_matches(id.as_str()).trim().to_string();
        targets.insert(
            (a.parse().expect("number"), b.parse().expect("number")),
            (id.clone(), strip(&l.target_recommendation_en), strip(&l.target_recommendation_es)),
        );
    }
    let number_of: HashMap<String, u32> =
        targets.values().enumerate().map(|(i, (id, _, _))| (id.clone(), i as u32 + 1)).collect();
    let co = |lang: &str| -> ConcludingObservations {
        let mut yaml = String::from(
            "symbol: A/HRC/56/12\ncommittee: UPR\nstate: Costa Rica\nsections:\n  - title: Recommendations\n    paragraphs:\n",
        );
        for (i, (_, en, es)) in targets.values().enumerate() {
            let text = if lang == "en" { en } else { es };
            let _ = writeln!(
                yaml,
                "      - number: {}\n        text: {}",
                i + 1,
                serde_json::to_string(text).expect("json")
            );
        }
        serde_yaml::from_str(&yaml).expect("UPR CO")
    };
    let mut embeddings = Embeddings::load();
    let mut outcomes = Vec::new();
    for lang in ["en", "es"] {
        let co = co(lang);
        let language = Lang::from_code(lang).expect("language");
        let ranker = Ranker::new(&co, language);
        let docs = docs(&co);
        let tfidf = TfIdf::new(&docs);
        for s in &sources {
            let expected: Vec<Citation> = links
                .iter()
                .filter(|l| l.source_id == s.source_id)
                .map(|l| Citation::whole(number_of[l.target_recommendation_id.as_deref().expect("id")]))
                .collect();
            let text = if lang == "en" { &s.source_recommendation_en } else { &s.source_recommendation_es };
            // The NGO's theme is its finding's title (in English only: the Spanish titles are
            // not in the files).
            let title = if lang == "en" { s.theme.to_lowercase() } else { String::new() };
            let ranking = ranker.ranking(text, &title);
            let rank = method_ranks(&ranking, &tfidf, &mut embeddings, &docs, text, &expected);
            let theme = s.source_id.split(':').nth(1).unwrap_or_default();
            let split = if UPR_TUNING_THEMES.contains(&theme) { "tuning" } else { "held-out" };
            outcomes.push(Outcome {
                set: format!("upr-costa-rica-{lang}"),
                split: split.to_string(),
                real: true,
                id: s.source_id.clone(),
                unaddressed: expected.is_empty(),
                unit_rank: rank[&Method::Amicus],
                rank,
                verdict: ranking.verdict(),
                top_score: ranking.candidates.first().map_or(0.0, |c| c.score),
                top: ranking
                    .candidates
                    .iter()
                    .take(3)
                    .map(|c| {
                        format!(
                            "{} {:.2} [{}]",
                            targets.values().nth(c.citation.paragraph as usize - 1).map_or("?", |t| t.0.as_str()),
                            c.score,
                            c.shared_words.join(", ")
                        )
                    })
                    .collect(),
                expected: links
                    .iter()
                    .filter(|l| l.source_id == s.source_id)
                    .filter_map(|l| l.target_recommendation_id.clone())
                    .collect(),
            });
        }
    }
    embeddings.write_wanted();
    let mut table = format!("{HEADER}\n");
    let mut e5 = format!("{E5_HEADER}\n");
    for lang in ["en", "es"] {
        for split in ["tuning", "held-out"] {
            let of: Vec<&Outcome> = outcomes.iter().filter(|o| o.set.ends_with(lang) && o.split == split).collect();
            let name = format!("upr-costa-rica-{lang} ({split})");
            let _ = writeln!(table, "{}", row(&name, &of));
            let _ = writeln!(e5, "{}", e5_row(&name, &of));
        }
        let of: Vec<&Outcome> = outcomes.iter().filter(|o| o.set.ends_with(lang)).collect();
        let _ = writeln!(table, "{}", row(&format!("upr-costa-rica-{lang} (all)"), &of));
        let _ = writeln!(e5, "{}", e5_row(&format!("upr-costa-rica-{lang} (all)"), &of));
    }
    let all: Vec<&Outcome> = outcomes.iter().collect();
    let calibration = verdicts(&all);
    println!("\n{table}\n{calibration}\n");
    if embeddings.loaded {
        println!("{e5}");
    }
    let tuning: Vec<&Outcome> = outcomes.iter().filter(|o| o.split == "tuning").collect();
    print_misses(&tuning);
    check_doc_block("upr", table.trim_end());
    check_doc_block("upr-verdicts", &calibration);
    if embeddings.loaded {
        check_doc_block("upr-e5", e5.trim_end());
    }
}
