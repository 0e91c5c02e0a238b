//! Ranking the units of a CO (sub-paragraphs, and paragraphs without sub-paragraphs) against
//! a recommendation, with BM25 over stemmed terms, and turning the raw scores into a 0–1
//! score a reader can trust.
//!
//! The method in words, as `docs/suggest-accuracy.md` explains it to advocates: every word the
//! recommendation shares with a paragraph counts, rare words (in this CO) count more than
//! common ones, a paragraph's subject heading and lead-in count a little, and words that mean
//! the same thing in human-rights texts ("compensation", "reparation") count as shared.

use super::text::{Analyzer, Term, fold, is_concept_key, is_number_key};
use super::{Candidate, Coverage, Lang, Ranking, Verdict};
use crate::import::roles::roles;
use crate::model::Citation;
use crate::model::co::{CoParagraph, ConcludingObservations, Role};
use crate::model::committee::Committee;
use crate::model::submission::Finding;
use std::collections::HashMap;

/// BM25 term-frequency saturation: a word said twice counts more than once, but not twice as
/// much. 1.2 is the usual value.
const K1: f64 = 1.2;
/// BM25 length normalisation: long paragraphs share more words by chance. 0.75 is usual.
const B: f64 = 0.75;
/// Weight of the subject heading's words in each unit under it.
const W_HEADING: f64 = 0.5;
/// Weight of a paragraph's lead-in ("The State party should intensify its efforts to combat
/// torture, including by:") in each of its sub-paragraphs.
const W_LEAD: f64 = 0.5;
/// Weight of the concern paragraphs that a recommendation answers (those just before it under
/// the same heading): they often name the facts (the events, the groups, the law) that an
/// NGO's recommendation repeats. The concern itself is not a candidate: advocates cite what
/// the committee asks, and its words count as evidence for the recommendation.
const W_CONCERN: f64 = 0.3;
/// Weight of a recommendation word that matches a word of the CO only with a typo
/// ("suicido" for "suicidio"): one letter added, dropped, changed or swapped.
const W_TYPO: f64 = 0.8;
/// Typos are only forgiven in words at least this long.
const TYPO_MIN_LEN: usize = 6;
/// Weight of a word that meets a word of the CO only as a look-alike in the other language
/// ("violencia" and "violence", "discapacidad" does not), when the recommendations and the CO
/// are in different languages.
const W_COGNATE: f64 = 0.8;
/// Look-alike stems must share at least this many letters from the start…
const COGNATE_PREFIX: usize = 5;
/// …or be one the start of the other, when both are at least this long.
const COGNATE_MIN: usize = 4;
/// Weight of the finding's title in the query, against 1 for the recommendation's own words.
const W_TITLE: f64 = 0.5;
/// Weight of a concept term (a synonym match) against 1 for a shared stem.
const W_CONCEPT: f64 = 0.5;
/// Paragraphs where the committee only states a concern count for less than its
/// recommendations: advocates cite what the committee asks the State to do.
const KIND_CONCERN: f64 = 0.8;
/// Introductions, positive aspects and procedure count for much less.
const KIND_OTHER: f64 = 0.5;
/// Temperature of the score: how quickly confidence grows with a lead over the other topics.
/// Chosen with [`NULL_STRENGTH`] on the tuning sets (see `docs/suggest-accuracy.md`): sharper
/// values fitted those sets better but made a confident suggestion for an unaddressed
/// recommendation, and the sets are small and easier than real documents.
const TAU: f64 = 0.03;
/// The strength a paragraph needs to count as taking a recommendation up at all. Below it, the
/// recommendation looks unaddressed; the score also gives this much weight to "none of them".
const NULL_STRENGTH: f64 = 0.04;
/// A paragraph can take up only part of a long recommendation (or of several joined): the
/// most a unit could score counts only this many of the query's terms, the weightiest.
const MAX_FULL_TERMS: usize = 15;
/// How many shared words an explanation lists.
const MAX_SHARED: usize = 8;

/// What a paragraph does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// The committee asks the State to act ("should", "recommends").
    Recommendation,
    /// The committee states a concern only.
    Concern,
    /// Introduction, positive aspects, follow-up procedure.
    Other,
}

impl Kind {
    /// The kind of a paragraph with this role. A question of a list of issues is what the
    /// Committee asks, as a recommendation is: ranked alike ([`super::questions`]).
    fn of(role: Role) -> Kind {
        match role {
            Role::Recommendation | Role::Question => Kind::Recommendation,
            Role::Concern => Kind::Concern,
            _ => Kind::Other,
        }
    }

    /// The factor applied to a unit's strength.
    fn factor(self) -> f64 {
        match self {
            Kind::Recommendation => 1.0,
            Kind::Concern => KIND_CONCERN,
            Kind::Other => KIND_OTHER,
        }
    }
}

/// One unit of the CO: a sub-paragraph, or a paragraph without sub-paragraphs.
#[derive(Debug, Clone)]
pub(super) struct Unit {
    /// How it is cited.
    pub citation: Citation,
    /// What the paragraph does.
    pub kind: Kind,
    /// The topic: paragraphs under one subject heading (or a concern and the recommendation
    /// that answers it) share a topic number and do not compete with each other.
    topic: usize,
    /// Term → weighted frequency (own text 1, context less).
    bag: HashMap<String, f64>,
    /// Term → the word as written in the unit, own text first.
    surfaces: HashMap<String, String>,
    /// Terms found only in the concern paragraphs the unit answers.
    from_concern: std::collections::HashSet<String>,
    /// Terms of the unit's own text (not of its heading, lead-in or concern): what tells a
    /// sub-paragraph from its siblings, which share all the rest.
    own: std::collections::HashSet<String>,
    /// The concern paragraph the unit answers, if any.
    pub concern: Option<u32>,
    /// Weighted length, in terms.
    len: f64,
}

/// A unit with its strength against one query.
#[derive(Debug, Clone)]
pub(super) struct Scored {
    /// Index into [`Ranker::units`].
    pub unit: usize,
    /// The share of the query's weight the unit matches, 0–1, after the kind factor.
    pub strength: f64,
    /// The part of `strength` that the unit's own text earns (not its heading, lead-in or
    /// concern).
    pub own_strength: f64,
    /// Term → contribution, for the explanation.
    contributions: Vec<(String, f64)>,
}

/// The query: terms of a recommendation (and its finding's title) with weights.
struct Query {
    /// Term → weight.
    weights: HashMap<String, f64>,
    /// Term → the word as written in the recommendation.
    surfaces: HashMap<String, String>,
    /// Every compound or phrase of the concept table found in the query ("ill-treatment",
    /// "law enforcement"), as written.
    phrases: Vec<String>,
    /// Term → how a typo match is shown ("suicido ≈ suicidio").
    typos: HashMap<String, String>,
}

/// A CO prepared for ranking: its units, and how many of them contain each term.
pub struct Ranker {
    /// The language of the recommendations.
    lang: Lang,
    /// Turns the CO's text into terms.
    analyzer: Analyzer,
    /// Turns the recommendations into terms, when they are in another language than the CO.
    query_analyzer: Option<Analyzer>,
    /// CO stem → the word as the CO writes it: for look-alike words across languages.
    stems: HashMap<String, String>,
    /// The units, in document order.
    pub(super) units: Vec<Unit>,
    /// Term → number of units containing it.
    df: HashMap<String, f64>,
    /// Mean weighted length of the units.
    avg_len: f64,
    /// Every word of the CO, folded, with its term: for forgiving typos.
    vocabulary: HashMap<String, (String, String)>,
}

impl Ranker {
    /// Prepares `co` for ranking texts in `language`.
    ///
    /// What each paragraph does is read from its words ([`Kind`]): in a UPR outcome every
    /// paragraph is a recommendation. A concern followed, under the same heading, by the
    /// recommendation that answers it is not a candidate of its own: its words count as
    /// evidence for the recommendation's paragraph and items.
    pub fn new(co: &ConcludingObservations, language: Lang) -> Ranker {
        Ranker::across(co, language, language)
    }

    /// Prepares `co`, written in `co_language`, for ranking recommendations written in
    /// `language`. When the two differ, a recommendation meets the CO only through what crosses
    /// languages: the concept groups (which have the same names in every language: *trata* and
    /// *trafficking*), identifiers and numbers, and look-alike words (*violencia* and
    /// *violence*, *discriminación* and *discrimination*: stems that share their first five
    /// letters, or one of which starts the other), at [`W_COGNATE`].
    pub fn across(co: &ConcludingObservations, co_language: Lang, language: Lang) -> Ranker {
        let mut analyzer = Analyzer::new(co_language);
        analyzer.ignore_words(&co.state);
        let mut units = Vec::new();
        let paragraphs: Vec<&CoParagraph> = co.paragraphs().map(|(_, p)| p).collect();
        let upr = co.committee == Committee::Upr;
        let kinds: Vec<Kind> = if upr {
            vec![Kind::Recommendation; paragraphs.len()]
        } else {
            roles(co).into_iter().map(Kind::of).collect()
        };
        // Only recommendations are proposed; a CO in which no paragraph is one (roles all
        // written by hand to something else) falls back to every paragraph, concerns and the
        // rest at a discount, rather than to nothing.
        let any_recommendation = kinds.contains(&Kind::Recommendation);
        // Which recommendation paragraph answers each concern.
        let mut answered_by: Vec<Option<usize>> = vec![None; paragraphs.len()];
        for (i, p) in paragraphs.iter().enumerate() {
            if kinds[i] != Kind::Recommendation {
                continue;
            }
            let mut j = i;
            while j > 0 && kinds[j - 1] == Kind::Concern && paragraphs[j - 1].heading == p.heading {
                answered_by[j - 1] = Some(i);
                j -= 1;
                // Without headings, only the concern just before.
                if p.heading.is_none() {
                    break;
                }
            }
        }
        let mut topic = 0;
        let mut vocabulary = HashMap::new();
        for (i, p) in paragraphs.iter().enumerate() {
            let kind = kinds[i];
            if i > 0 && !same_topic(paragraphs[i - 1], kinds[i - 1], p, kind) {
                topic += 1;
            }
            if answered_by[i].is_some() || (any_recommendation && kind != Kind::Recommendation) {
                continue;
            }
            let mut context: Vec<Context> = Vec::new();
            if let Some(h) = &p.heading {
                context.push(Context { text: h.clone(), weight: W_HEADING, concern: false });
            }
            let concerns: Vec<usize> = (0..i).filter(|j| answered_by[*j] == Some(i)).collect();
            for j in &concerns {
                context.push(Context { text: paragraphs[*j].full_text(), weight: W_CONCERN, concern: true });
            }
            let concern = concerns.first().map(|j| paragraphs[*j].number);
            if p.subparagraphs.is_empty() {
                let mut u = analyzer.unit(Citation::whole(p.number), kind, topic, &p.text, &context, &mut vocabulary);
                u.concern = concern;
                units.push(u);
            } else {
                context.push(Context { text: p.text.clone(), weight: W_LEAD, concern: false });
                for sub in &p.subparagraphs {
                    let letter = sub.letter.chars().next().map(|c| c.to_ascii_lowercase());
                    let citation = Citation { paragraph: p.number, letters: letter.into_iter().collect() };
                    let mut u = analyzer.unit(citation, kind, topic, &sub.text, &context, &mut vocabulary);
                    u.concern = concern;
                    units.push(u);
                }
            }
        }
        let mut df: HashMap<String, f64> = HashMap::new();
        for u in &units {
            for t in u.bag.keys() {
                *df.entry(t.clone()).or_default() += 1.0;
            }
        }
        let avg_len =
            if units.is_empty() { 1.0 } else { units.iter().map(|u| u.len).sum::<f64>() / units.len() as f64 };
        let query_analyzer = (co_language != language).then(|| {
            let mut a = Analyzer::new(language);
            a.ignore_words(&co.state);
            a
        });
        let mut stems: HashMap<String, String> = HashMap::new();
        if query_analyzer.is_some() {
            let mut words: Vec<(&String, &(String, String))> = vocabulary.iter().collect();
            words.sort();
            for (_, (key, surface)) in words {
                stems.entry(key.clone()).or_insert_with(|| surface.clone());
            }
        }
        Ranker { lang: language, analyzer, query_analyzer, stems, units, df, avg_len: avg_len.max(1.0), vocabulary }
    }

    /// The language of the recommendations the ranker was built for.
    pub fn language(&self) -> Lang {
        self.lang
    }

    /// Whether the recommendations and the CO are in different languages.
    pub fn is_across_languages(&self) -> bool {
        self.query_analyzer.is_some()
    }

    /// The analyzer for recommendations.
    fn query_analyzer(&self) -> &Analyzer {
        self.query_analyzer.as_ref().unwrap_or(&self.analyzer)
    }

    /// The CO's stem that looks like a stem of the other language, if exactly one does best:
    /// its key and the word as the CO writes it.
    fn cognate_of(&self, key: &str) -> Option<(String, String)> {
        let mine: Vec<char> = key.chars().collect();
        if mine.len() < COGNATE_MIN {
            return None;
        }
        let mut best: Option<(usize, &String)> = None;
        let mut tie = false;
        for theirs in self.stems.keys() {
            let other: Vec<char> = theirs.chars().collect();
            let common = mine.iter().zip(&other).take_while(|(a, b)| a == b).count();
            let shorter = mine.len().min(other.len());
            let alike = common >= COGNATE_PREFIX || (common == shorter && shorter >= COGNATE_MIN);
            if !alike {
                continue;
            }
            match best {
                Some((c, _)) if c > common => {}
                Some((c, _)) if c == common => tie = true,
                _ => {
                    best = Some((common, theirs));
                    tie = false;
                }
            }
        }
        match best {
            Some((_, k)) if !tie => Some((k.clone(), self.stems[k].clone())),
            _ => None,
        }
    }

    /// Candidates for a recommendation, best first: every unit that shares at least one term,
    /// with its score and shared words. See [`super::rank()`].
    pub fn rank(&self, rec_text: &str, finding_title: &str) -> Vec<Candidate> {
        self.ranking(rec_text, finding_title).candidates
    }

    /// The candidates for a recommendation and the chance that none applies.
    pub fn ranking(&self, rec_text: &str, finding_title: &str) -> Ranking {
        let scored = self.score(rec_text, finding_title);
        let mut ranking = to_ranking(&scored, &self.units);
        ranking.across_languages = self.is_across_languages();
        ranking.strength = scored.first().map_or(0.0, |s| s.0.strength);
        ranking.unknown = self.unknown_share(rec_text, finding_title);
        ranking
    }

    /// The share of the query's weight, over its weightiest terms (as in the strength's
    /// denominator), carried by terms that no unit uses.
    fn unknown_share(&self, rec_text: &str, finding_title: &str) -> f64 {
        let query = self.query(rec_text, finding_title);
        let n = self.units.len() as f64;
        let mut terms: Vec<(f64, bool)> = query
            .weights
            .iter()
            .map(|(t, w)| {
                let df = self.df.get(t).copied().unwrap_or(0.0);
                (w * (1.0 + (n - df + 0.5) / (df + 0.5)).ln(), df == 0.0)
            })
            .collect();
        terms.sort_by(|a, b| b.0.total_cmp(&a.0));
        terms.truncate(MAX_FULL_TERMS);
        let total: f64 = terms.iter().map(|t| t.0).sum();
        if total <= 0.0 { 0.0 } else { terms.iter().filter(|t| t.1).map(|t| t.0).sum::<f64>() / total }
    }

    /// Whether the CO deals with a finding: its title alone, and each of its recommendations
    /// with the title, are ranked; the best of these answers.
    pub fn coverage(&self, finding: &Finding) -> Coverage {
        let mut rankings = vec![self.ranking(&finding.title, "")];
        rankings.extend(finding.recommendations.iter().map(|r| self.ranking(&r.text, &finding.title)));
        let addressed = rankings
            .iter()
            .filter(|r| r.verdict() != Verdict::Unaddressed)
            .filter_map(|r| r.candidates.first())
            .max_by(|a, b| a.score.total_cmp(&b.score));
        match addressed {
            Some(best) => Coverage::Addressed(best.clone()),
            None => Coverage::Unaddressed {
                nearest: rankings
                    .iter()
                    .filter_map(|r| r.candidates.first())
                    .max_by(|a, b| a.score.total_cmp(&b.score))
                    .cloned(),
            },
        }
    }

    /// The units that share at least one term with the query, strongest first, with their
    /// strengths and the explanation of each.
    pub(super) fn score(&self, rec_text: &str, finding_title: &str) -> Vec<(Scored, Explanation)> {
        let query = self.query(rec_text, finding_title);
        let n = self.units.len() as f64;
        let idf = |t: &str| {
            let df = self.df.get(t).copied().unwrap_or(0.0);
            (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
        };
        // The most a unit could score: every query term, saturated. Terms the CO never uses
        // count here too, so a recommendation about something the CO does not mention scores
        // low everywhere.
        let mut most: Vec<f64> = query.weights.iter().map(|(t, w)| w * idf(t) * (K1 + 1.0)).collect();
        most.sort_by(|a, b| b.total_cmp(a));
        let full: f64 = most.iter().take(MAX_FULL_TERMS).sum();
        if full <= 0.0 {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (i, u) in self.units.iter().enumerate() {
            let norm = K1 * (1.0 - B + B * u.len / self.avg_len);
            let mut contributions: Vec<(String, f64)> = query
                .weights
                .iter()
                .filter_map(|(t, w)| {
                    let tf = *u.bag.get(t)?;
                    Some((t.clone(), w * idf(t) * tf * (K1 + 1.0) / (tf + norm)))
                })
                .collect();
            if contributions.is_empty() {
                continue;
            }
            contributions.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let strength = u.kind.factor() * contributions.iter().map(|c| c.1).sum::<f64>() / full;
            let own_strength = u.kind.factor()
                * contributions.iter().filter(|c| u.own.contains(&c.0)).map(|c| c.1).sum::<f64>()
                / full;
            let scored = Scored { unit: i, strength, own_strength, contributions };
            let words = self.explain(&scored, &query);
            out.push((scored, words));
        }
        out.sort_by(|a, b| b.0.strength.total_cmp(&a.0.strength).then_with(|| a.0.unit.cmp(&b.0.unit)));
        out
    }

    /// The query for a recommendation and its finding's title.
    fn query(&self, rec_text: &str, finding_title: &str) -> Query {
        let mut q =
            Query { weights: HashMap::new(), surfaces: HashMap::new(), phrases: Vec::new(), typos: HashMap::new() };
        let analyzer = self.query_analyzer();
        for (terms, base) in [(analyzer.terms(rec_text), 1.0), (analyzer.terms(finding_title), W_TITLE)] {
            for term in terms {
                if term.is_concept() && super::text::words(&term.surface).len() > 1 {
                    q.phrases.push(term.surface.clone());
                }
                let mut w = term.weight * if term.is_concept() { base * W_CONCEPT } else { base };
                let mut key = term.key.clone();
                // A word the CO never uses may be a typo of one it does.
                if !term.is_concept()
                    && !is_number_key(&key)
                    && !self.df.contains_key(&key)
                    && let Some((theirs_key, theirs)) = self.typo_of(&term.surface)
                {
                    q.typos.insert(theirs_key.clone(), format!("{} ≈ {theirs}", term.surface));
                    key = theirs_key;
                    w *= W_TYPO;
                } else if self.is_across_languages()
                    && !term.is_concept()
                    && !is_number_key(&key)
                    && !self.df.contains_key(&key)
                    && let Some((theirs_key, theirs)) = self.cognate_of(&key)
                {
                    q.typos.insert(theirs_key.clone(), format!("{} ≈ {theirs}", term.surface));
                    key = theirs_key;
                    w *= W_COGNATE;
                }
                let e = q.weights.entry(key.clone()).or_insert(0.0);
                *e = e.max(w);
                q.surfaces.entry(key).or_insert(term.surface);
            }
        }
        q
    }

    /// The CO's term for a word that is one typo away from one of its words, if exactly one
    /// such term exists: its key and the word as the CO writes it.
    fn typo_of(&self, word: &str) -> Option<(String, String)> {
        let mine = fold(word);
        if mine.chars().count() < TYPO_MIN_LEN {
            return None;
        }
        let mut found: Option<(String, String)> = None;
        for (theirs, (key, surface)) in &self.vocabulary {
            if theirs.chars().next() == mine.chars().next() && one_typo_apart(&mine, theirs) {
                if let Some((k, _)) = &found {
                    if k != key {
                        return None;
                    }
                    continue;
                }
                found = Some((key.clone(), surface.clone()));
            }
        }
        found
    }

    /// The shared words of a scored unit, most informative first, as the recommendation
    /// writes them; a synonym match reads "compensation ≈ reparation". Words found only in the
    /// concern the unit answers are listed apart, as evidence.
    fn explain(&self, s: &Scored, q: &Query) -> Explanation {
        let unit = &self.units[s.unit];
        let stem_matches: Vec<&str> =
            s.contributions.iter().filter(|(t, _)| !is_concept_key(t)).map(|(t, _)| t.as_str()).collect();
        // A compound or phrase of the concept table whose words all match as stems is shown
        // whole, in place of its words: "ill-treatment", not "ill" and "treatment".
        let mut phrase_of: HashMap<String, String> = HashMap::new();
        for mine in &q.phrases {
            let parts: Vec<String> =
                self.query_analyzer().terms(mine).into_iter().filter(|p| !p.is_concept()).map(|p| p.key).collect();
            if parts.len() >= 2 && parts.iter().all(|p| stem_matches.contains(&p.as_str())) {
                for p in parts {
                    phrase_of.entry(p).or_insert_with(|| mine.clone());
                }
            }
        }
        let mut out = Explanation::default();
        let mut seen: Vec<String> = Vec::new();
        for (t, _) in &s.contributions {
            let Some(mine) = q.surfaces.get(t) else { continue };
            let theirs = unit.surfaces.get(t).map(String::as_str).unwrap_or_default();
            let shown = if let Some(typo) = q.typos.get(t) {
                typo.clone()
            } else if is_number_key(t) {
                if fold(mine) == fold(theirs) { mine.clone() } else { format!("{mine} ≈ {theirs}") }
            } else if is_concept_key(t) {
                // A synonym match whose words also match as stems says nothing new.
                let my_stems = self.analyzer.stems(mine);
                if my_stems.iter().any(|m| stem_matches.contains(&m.as_str()))
                    || my_stems == self.analyzer.stems(theirs)
                {
                    continue;
                }
                format!("{mine} ≈ {theirs}")
            } else if let Some(phrase) = phrase_of.get(t) {
                casing(phrase, theirs)
            } else {
                casing(mine, theirs)
            };
            let key = fold(&shown);
            if !seen.contains(&key) {
                seen.push(key);
                if unit.from_concern.contains(t) {
                    out.evidence.push(shown);
                } else {
                    out.shared.push(shown);
                }
            }
            if out.shared.len() + out.evidence.len() == MAX_SHARED {
                break;
            }
        }
        out
    }
}

/// Why a unit was proposed.
#[derive(Debug, Clone, Default)]
pub(super) struct Explanation {
    /// Words shared with the unit itself (its text, lead-in or heading).
    shared: Vec<String>,
    /// Words shared only with the concern paragraph the unit answers.
    evidence: Vec<String>,
}

/// How to show a shared word: as the recommendation writes it, but in lower case when only
/// the recommendation capitalises it ("the Law on Refugees" shares "refugees" with a CO that
/// writes it in lower case; "Roma" and "ILO" stay as they are).
fn casing(mine: &str, theirs: &str) -> String {
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let acronym = mine.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if capitalised(mine) && !acronym && !capitalised(theirs) { mine.to_lowercase() } else { mine.to_string() }
}

/// Text that adds to a unit's own: its heading, its lead-in, the concern it answers.
struct Context {
    /// The text.
    text: String,
    /// How much its words count, against 1 for the unit's own.
    weight: f64,
    /// Whether it is a concern paragraph (its words are evidence, not the unit's own).
    concern: bool,
}

impl Analyzer {
    /// Builds a unit from its own text and weighted context, and adds its words to the CO's
    /// vocabulary (folded word → term and the word as written).
    fn unit(
        &self,
        citation: Citation,
        kind: Kind,
        topic: usize,
        own: &str,
        context: &[Context],
        vocabulary: &mut HashMap<String, (String, String)>,
    ) -> Unit {
        let mut bag: HashMap<String, f64> = HashMap::new();
        let mut surfaces: HashMap<String, String> = HashMap::new();
        let mut not_concern = std::collections::HashSet::new();
        let mut from_concern = std::collections::HashSet::new();
        let mut len = 0.0;
        let own = Context { text: own.to_string(), weight: 1.0, concern: false };
        let mut own_terms = std::collections::HashSet::new();
        for (i, c) in std::iter::once(&own).chain(context).enumerate() {
            for Term { key, surface, weight } in self.terms(&c.text) {
                if i == 0 {
                    own_terms.insert(key.clone());
                }
                if !is_concept_key(&key) && !is_number_key(&key) && weight >= 1.0 {
                    vocabulary.entry(fold(&surface)).or_insert_with(|| (key.clone(), surface.clone()));
                }
                *bag.entry(key.clone()).or_default() += c.weight * weight;
                if c.concern {
                    if !not_concern.contains(&key) {
                        from_concern.insert(key.clone());
                    }
                } else {
                    not_concern.insert(key.clone());
                    from_concern.remove(&key);
                }
                surfaces.entry(key).or_insert(surface);
                len += c.weight * weight;
            }
        }
        Unit { citation, kind, topic, bag, surfaces, from_concern, own: own_terms, concern: None, len }
    }
}

/// Whether two folded words are one typo apart: one letter added, dropped, changed, or two
/// neighbours swapped.
fn one_typo_apart(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..] || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Less => ra == &rb[1..],
        std::cmp::Ordering::Greater => &ra[1..] == rb,
    }
}

/// Whether two consecutive paragraphs are about one topic: they stand under the same subject
/// heading, or (without headings) a concern is followed by a recommendation.
fn same_topic(before: &CoParagraph, before_kind: Kind, p: &CoParagraph, kind: Kind) -> bool {
    match (&before.heading, &p.heading) {
        (Some(a), Some(b)) => a == b,
        (None, None) => before_kind == Kind::Concern && kind == Kind::Recommendation,
        _ => false,
    }
}

/// Turns strengths into scores.
///
/// A unit's score is its share of a softmax over the CO's *topics* (paragraphs under one
/// subject heading, each topic counted by its best unit) plus a "none of them" option of
/// strength [`NULL_STRENGTH`]. Units of one topic do not compete with each other: when 34 (c)
/// and 34 (d) both fit, or the concern in paragraph 33 repeats the words of the recommendation
/// in 34, the score still says that this is the place. A unit that shares nothing scores 0, and
/// units that share little do not dilute the others (each term is `exp(s/τ) − 1`).
fn to_ranking(scored: &[(Scored, Explanation)], units: &[Unit]) -> Ranking {
    let weight = |s: f64| (s / TAU).exp() - 1.0;
    let mut best_per_topic: HashMap<usize, f64> = HashMap::new();
    for (s, _) in scored {
        let e = best_per_topic.entry(units[s.unit].topic).or_insert(0.0);
        *e = e.max(s.strength);
    }
    let total: f64 = best_per_topic.values().map(|s| weight(*s)).sum::<f64>() + weight(NULL_STRENGTH);
    let mut candidates: Vec<(f64, Candidate)> = scored
        .iter()
        .map(|(s, words)| {
            let topic = units[s.unit].topic;
            // Replace the topic's best by this unit, so that the unit competes with the other
            // topics only.
            let denominator = total - weight(best_per_topic[&topic]) + weight(s.strength);
            let c = Candidate {
                citation: units[s.unit].citation.clone(),
                score: weight(s.strength) / denominator,
                shared_words: words.shared.clone(),
                concern: units[s.unit].concern,
                concern_words: words.evidence.clone(),
            };
            (s.strength, c)
        })
        .collect();
    // By score, so that the list reads in the order of its numbers: a second sub-paragraph of
    // a clear winner comes before a weak paragraph elsewhere. `scored` is already in strength
    // order, which breaks ties; the sort is stable.
    candidates.sort_by(|a, b| b.1.score.total_cmp(&a.1.score).then_with(|| b.0.total_cmp(&a.0)));
    // Sub-paragraphs of one paragraph share its heading, lead-in and concern, so only their
    // own words can tell which one takes the recommendation up: among siblings, the one whose
    // own text matches more is put first, in the places (and with the scores) the siblings
    // hold, so that the paragraph's place and the verdict do not change.
    let own: HashMap<Citation, f64> =
        scored.iter().map(|(s, _)| (units[s.unit].citation.clone(), s.own_strength)).collect();
    let mut by_paragraph: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, (_, c)) in candidates.iter().enumerate() {
        by_paragraph.entry(c.citation.paragraph).or_default().push(i);
    }
    for places in by_paragraph.values().filter(|p| p.len() > 1) {
        let mut siblings: Vec<(f64, Candidate)> = places.iter().map(|&i| candidates[i].clone()).collect();
        let scores: Vec<f64> = siblings.iter().map(|s| s.1.score).collect();
        siblings.sort_by(|a, b| {
            own.get(&b.1.citation)
                .unwrap_or(&0.0)
                .total_cmp(own.get(&a.1.citation).unwrap_or(&0.0))
                .then(b.0.total_cmp(&a.0))
        });
        for ((&place, (strength, mut c)), score) in places.iter().zip(siblings).zip(scores) {
            c.score = score;
            candidates[place] = (strength, c);
        }
    }
    let candidates = candidates.into_iter().map(|(_, c)| c).collect();
    Ranking { candidates, none: weight(NULL_STRENGTH) / total, across_languages: false, strength: 0.0, unknown: 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::co::{CoSection, CoSubparagraph};

    fn para(number: u32, heading: &str, text: &str, subs: &[(&str, &str)]) -> CoParagraph {
        CoParagraph {
            number,
            role: None,
            heading: Some(heading.into()),
            text: text.into(),
            subparagraphs: subs
                .iter()
                .map(|(l, t)| CoSubparagraph { letter: (*l).into(), text: (*t).into() })
                .collect(),
            footnotes: Vec::new(),
            earlier: Vec::new(),
        }
    }

    fn co(paragraphs: Vec<CoParagraph>) -> ConcludingObservations {
        let yaml = "symbol: CCPR/C/XXX/CO/1\ncommittee: CCPR\nstate: Utopia\nsections: []\n";
        let mut co: ConcludingObservations = serde_yaml::from_str(yaml).expect("minimal CO");
        co.sections.push(CoSection {
            label: Some("C".into()),
            title: "Concerns and recommendations".into(),
            paragraphs,
        });
        co
    }

    fn sample() -> ConcludingObservations {
        co(vec![
            para(
                10,
                "Torture and ill-treatment",
                "The Committee is concerned about reports of torture in police custody.",
                &[],
            ),
            para(
                11,
                "Torture and ill-treatment",
                "The State party should:",
                &[
                    ("a", "Ensure that all allegations of torture are investigated and perpetrators prosecuted;"),
                    (
                        "b",
                        "Ensure that victims of torture obtain full reparation, including compensation and rehabilitation.",
                    ),
                ],
            ),
            para(
                12,
                "Freedom of expression",
                "The State party should decriminalize defamation and protect journalists.",
                &[],
            ),
            para(
                13,
                "Refugees",
                "The State party should ensure that no one is expelled or extradited to a country where they face persecution.",
                &[],
            ),
        ])
    }

    #[test]
    fn the_right_sub_paragraph_comes_first() {
        let r = Ranker::new(&sample(), Lang::En);
        let c = r.rank("Pay compensation to the victims of torture.", "Torture");
        assert_eq!(c[0].citation.to_string(), "11 (b)");
        let c = r.rank("Investigate every allegation and prosecute the perpetrators.", "Torture");
        assert_eq!(c[0].citation.to_string(), "11 (a)");
        let c = r.rank("Stop prosecuting journalists for defamation.", "Press freedom");
        assert_eq!(c[0].citation.to_string(), "12");
    }

    #[test]
    fn a_spanish_recommendation_meets_an_english_co_through_synonyms_and_look_alike_words() {
        let r = Ranker::across(&sample(), Lang::En, Lang::Es);
        assert!(r.is_across_languages());
        // "tortura" is in the concept group of ill-treatment, "indemnización" in that of
        // reparation; "víctimas" has the English stem.
        let c = r.rank("Que las víctimas de tortura reciban una indemnización.", "Tortura");
        assert_eq!(c[0].citation.to_string(), "11 (b)", "{c:?}");
        assert!(c[0].shared_words.iter().any(|w| w == "indemnización ≈ reparation"), "{:?}", c[0].shared_words);
        // "persecución" looks like "persecution" (stems "persecu" and "persecut").
        let c = r.rank("Que nadie sea enviado a un país donde sufra persecución.", "");
        assert_eq!(c[0].citation.to_string(), "13", "{c:?}");
        assert!(c[0].shared_words.iter().any(|w| w == "persecución ≈ persecution"), "{:?}", c[0].shared_words);
        // A weak match across languages is "unsure", never "probably not taken up": most of
        // the words could not meet at all.
        let weak = r.ranking(
            "Que los tribunales examinen cada denuncia de tortura con rapidez y publiquen estadísticas anuales detalladas.",
            "",
        );
        assert!(!weak.candidates.is_empty());
        assert!(weak.candidates[0].score < weak.none, "{weak:?}");
        assert_eq!(weak.verdict(), Verdict::Uncertain);
        // Within one language, nothing changes: a Spanish word never meets an English one.
        let same = Ranker::new(&sample(), Lang::En);
        assert!(!same.is_across_languages());
        assert!(same.rank("Despenalizar la difamación de los periodistas.", "").is_empty());
    }

    #[test]
    fn synonyms_count_and_are_explained() {
        let r = Ranker::new(&sample(), Lang::En);
        let c = r.rank("Nobody should be deported or pushed back to danger.", "Asylum");
        assert_eq!(c[0].citation.to_string(), "13");
        assert!(c[0].shared_words.iter().any(|w| w.contains('≈')), "{:?}", c[0].shared_words);
    }

    #[test]
    fn compounds_are_shown_whole_and_capitals_only_when_shared() {
        let r = Ranker::new(&sample(), Lang::En);
        let c = r.rank("End Ill-treatment and Torture by the Police.", "Torture and ill-treatment");
        let words = &c[0].shared_words;
        assert!(
            words.contains(&"Ill-treatment".to_string()) || words.contains(&"ill-treatment".to_string()),
            "{words:?}"
        );
        assert!(words.contains(&"torture".to_string()), "{words:?}");
        assert!(!words.iter().any(|w| w == "ill" || w == "treatment"), "{words:?}");
        assert_eq!(casing("Refugees", "refugees"), "refugees");
        assert_eq!(casing("Roma", "Roma"), "Roma");
        assert_eq!(casing("ILO", "ilo"), "ILO");
    }

    #[test]
    fn recommendations_outrank_concerns() {
        let r = Ranker::new(
            &co(vec![
                para(30, "Conditions of detention", "The Committee is concerned about overcrowding in prisons.", &[]),
                para(31, "Conditions of detention", "The State party should reduce overcrowding in prisons.", &[]),
                para(32, "Freedom of expression", "The State party should protect journalists.", &[]),
            ]),
            Lang::En,
        );
        let c = r.rank("Reduce prison overcrowding.", "Prisons");
        assert_eq!(c[0].citation.paragraph, 31, "{c:?}");
        // The concern is never proposed in place of the recommendation that answers it: its
        // words count as evidence for 31.
        assert!(c.iter().all(|c| c.citation.paragraph != 30), "{c:?}");
        assert_eq!(c[0].concern, Some(30));
        let c = r.rank("Stop the overcrowding reported in prisons and its concern for inmates.", "");
        assert_eq!(c[0].citation.paragraph, 31, "{c:?}");
    }

    #[test]
    fn only_recommendations_are_proposed() {
        let mut c = co(vec![
            para(4, "Positive aspects", "The Committee welcomes the new prison law on overcrowding.", &[]),
            para(30, "Conditions of detention", "The Committee is concerned about overcrowding in prisons.", &[]),
            para(
                31,
                "Conditions of detention",
                "The Committee reiterates its previous recommendation and urges the State party to act.",
                &[],
            ),
            para(32, "Freedom of expression", "The Committee regrets the overcrowding of courts and prisons.", &[]),
            para(
                40,
                "Dissemination",
                "The Committee requests the State party to disseminate the present concluding observations on prisons.",
                &[],
            ),
        ]);
        let r = Ranker::new(&c, Lang::En);
        let ranked = r.rank("Reduce prison overcrowding.", "Prisons");
        // "reiterates … urges" is a recommendation, and the concern before it its evidence; the
        // welcome, the unanswered concern and the dissemination paragraph are never proposed.
        assert_eq!(ranked.iter().map(|c| c.citation.paragraph).collect::<Vec<_>>(), vec![31], "{ranked:?}");
        assert_eq!(ranked[0].concern, Some(30));
        // A role written in the file is followed: 32 marked as a recommendation is proposed.
        c.sections[0].paragraphs[3].role = Some(Role::Recommendation);
        let r = Ranker::new(&c, Lang::En);
        assert!(r.rank("Reduce prison overcrowding.", "Prisons").iter().any(|c| c.citation.paragraph == 32));
    }

    #[test]
    fn identifiers_and_numbers_meet_whatever_their_punctuation() {
        let r = Ranker::new(
            &co(vec![
                para(
                    20,
                    "Affirmative action",
                    "The State party should ensure compliance with Act No. 19122 on affirmative action.",
                    &[],
                ),
                para(
                    21,
                    "Legislation",
                    "The State party should adopt the law on affirmative action in employment.",
                    &[],
                ),
            ]),
            Lang::En,
        );
        let c = r.rank("Implement Law 19.122 in full.", "");
        assert_eq!(c[0].citation.paragraph, 20, "{c:?}");
        assert!(c[0].shared_words.iter().any(|w| w == "19.122 ≈ 19122"), "{:?}", c[0].shared_words);
    }

    #[test]
    fn a_typo_is_forgiven_and_shown() {
        let r = Ranker::new(
            &co(vec![
                para(5, "Salud mental", "El Estado parte debe adoptar una estrategia de prevención del suicidio.", &[]),
                para(6, "Educación", "El Estado parte debe adoptar una estrategia de educación inclusiva.", &[]),
            ]),
            Lang::Es,
        );
        let c = r.rank("Redoblar esfuerzos en la prevención del suicido mediante campañas", "");
        assert_eq!(c[0].citation.paragraph, 5, "{c:?}");
        assert!(c[0].shared_words.iter().any(|w| w == "suicido ≈ suicidio"), "{:?}", c[0].shared_words);
    }

    #[test]
    fn typos_need_long_words_and_one_edit() {
        assert!(one_typo_apart("suicido", "suicidio"));
        assert!(one_typo_apart("torture", "tortrue"));
        assert!(one_typo_apart("detention", "detentoin"));
        assert!(!one_typo_apart("torture", "torture"));
        assert!(!one_typo_apart("torture", "rupture"));
    }

    #[test]
    fn every_paragraph_of_a_upr_outcome_is_a_recommendation() {
        let mut upr = co(vec![
            para(1, "", "Take measures to protect migrants from discrimination (Algeria);", &[]),
            para(2, "", "Ratify the Convention on migrant workers (Chile);", &[]),
        ]);
        upr.committee = Committee::Upr;
        for p in upr.sections[0].paragraphs.iter_mut() {
            p.heading = None;
        }
        let r = Ranker::new(&upr, Lang::En);
        assert!(r.units.iter().all(|u| u.kind == Kind::Recommendation));
    }

    #[test]
    fn scores_are_between_0_and_1_and_sorted() {
        let r = Ranker::new(&sample(), Lang::En);
        let c = r.rank("Victims of torture need reparation.", "");
        assert!(!c.is_empty());
        assert!(c.iter().all(|c| (0.0..=1.0).contains(&c.score)));
        assert!(c.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn an_unrelated_recommendation_scores_low() {
        let r = Ranker::new(&sample(), Lang::En);
        let c = r.rank("Raise the minimum wage of domestic workers.", "Labour rights");
        assert!(c.first().is_none_or(|c| c.score < 0.3), "{c:?}");
        let c = r.rank("Pay compensation to the victims of torture.", "Torture");
        assert!(c[0].score > 0.5, "{c:?}");
    }
}
