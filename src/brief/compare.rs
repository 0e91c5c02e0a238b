//! The comparison itself: the submission's recommendations, the concluding observations and
//! the assessment in; for every recommendation its status, the CO text it was matched with,
//! and the counts, the unaddressed issues and the follow-up selection out.
//!
//! Pure functions over the model, no I/O and no formatting for a particular output: the
//! views ([`super::view`]) and the matrix ([`super::matrix`]) are built from a
//! [`Comparison`]. Citations that do not resolve are kept (marked not found) rather than
//! dropped, because `check` already reports them as errors and the comparison must not hide
//! data if it is ever called without checking first.

use crate::model::assessment::{Implementation, RecommendationAssessment};
use crate::model::citation::cite_paragraphs;
use crate::model::co::{CoParagraph, FollowUp, FollowUpKind, same_series, same_symbol};
use crate::model::submission::Implemented;
use crate::model::{Assessment, Citation, ConcludingObservations, Markdown, Reflection, Submission, parse_citations};
use std::collections::BTreeMap;

/// Everything the brief says, before any layout.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The findings of the submission, in document order, each with its recommendations.
    pub findings: Vec<FindingComparison>,
    /// Counts over all recommendations.
    pub counts: Counts,
    /// The follow-up procedure as recorded in the CO file, or `None` when the file has no
    /// `follow_up:`.
    pub follow_up: Option<FollowUpComparison>,
    /// The earlier recommendations the findings follow up (`previous_observations` citing an
    /// earlier review of the same State by the same committee), each with the paragraphs of
    /// the new observations that repeat or recall it; in the findings' order.
    pub previous: Vec<PreviousFollowed>,
}

/// An earlier recommendation a finding follows up, and whether the new observations cite it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviousFollowed {
    /// The finding's id.
    pub finding_id: String,
    /// The finding's title.
    pub finding_title: String,
    /// The earlier observations' symbol, as the finding writes it.
    pub symbol: String,
    /// The paragraphs the finding cites.
    pub citations: Vec<Citation>,
    /// The paragraphs as written, when they cannot be read as citations.
    pub written: String,
    /// How far the State implemented it, in the organisations' view.
    pub implemented: Option<Implemented>,
    /// The paragraphs of the new observations whose `earlier:` cite one of these paragraphs.
    pub repeated_in: Vec<u32>,
}

/// Earlier observations a paragraph of the new ones says it repeats or recalls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Earlier {
    /// The earlier observations' symbol.
    pub symbol: String,
    /// The paragraphs cited; empty when the paragraph cites the document as a whole.
    pub citations: Vec<Citation>,
    /// The paragraph of the new observations that cites them.
    pub in_paragraph: u32,
}

/// One finding and what became of its recommendations.
#[derive(Debug, Clone)]
pub struct FindingComparison {
    /// The finding's id.
    pub id: String,
    /// The finding's title.
    pub title: String,
    /// The treaty articles it engages.
    pub articles: Vec<crate::model::Article>,
    /// Its recommendations, in the submission's order.
    pub items: Vec<Item>,
    /// Counts over its recommendations.
    pub counts: Counts,
}

/// One recommendation beside what the committee made of it.
#[derive(Debug, Clone)]
pub struct Item {
    /// 1-based number across the submission (R1 … Rn), as in the shadow report.
    pub number: usize,
    /// The recommendation's id.
    pub id: String,
    /// The recommendation's text.
    pub text: String,
    /// The id of the finding it belongs to.
    pub finding_id: String,
    /// The title of the finding it belongs to.
    pub finding_title: String,
    /// How far the CO reflect it; [`Reflection::Pending`] also when the assessment has no
    /// entry for it.
    pub status: Reflection,
    /// Index of its entry in `assessment.recommendations`, if it has one.
    pub entry: Option<usize>,
    /// Every paragraph citation of the entry, in the order written.
    pub citations: Vec<Citation>,
    /// The CO text cited, one quote per paragraph in the order first cited: citations of
    /// the same paragraph (`34 (c)` and `34 (d)`) share one quote, so its lead-in is quoted
    /// once.
    pub quotes: Vec<Quote>,
    /// The advocate's excerpt (`quote:`), to show instead of the whole text cited.
    pub excerpt: Option<String>,
    /// The organisations' comment (Markdown).
    pub comment: Option<Markdown>,
    /// The implementation grade, if one has been given.
    pub grade: Option<GradeInfo>,
    /// The follow-up selections its citations touch.
    pub follow_up: Vec<Citation>,
    /// The paragraphs "of particular importance" its citations touch.
    pub importance: Vec<Citation>,
    /// The earlier recommendations the paragraphs it cites repeat or recalls (`earlier:` in
    /// the CO file): the Committee had made them already.
    pub earlier: Vec<Earlier>,
}

/// The CO text of one citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// What was cited.
    pub citation: Citation,
    /// Whether the CO file holds the paragraph and every cited sub-paragraph.
    pub found: bool,
    /// The subject heading the paragraph stands under.
    pub heading: Option<String>,
    /// The paragraph's lead-in ("The State party should:") when only some or all of its
    /// sub-paragraphs are quoted; the paragraph's text when it has no sub-paragraphs.
    pub lead: Option<String>,
    /// The quoted sub-paragraphs, `(letter, text)`; empty for a paragraph without any.
    pub parts: Vec<(String, String)>,
}

impl Quote {
    /// The quoted text on one line: lead-in, then `(c) …`, `(d) …`.
    pub fn flat_text(&self) -> String {
        let mut out: Vec<String> = Vec::new();
        if let Some(lead) = &self.lead {
            out.push(one_line(lead));
        }
        for (letter, text) in &self.parts {
            out.push(format!("({letter}) {}", one_line(text)));
        }
        out.join(" ")
    }
}

/// Collapses runs of white space (YAML folded text keeps line breaks in `|` blocks).
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An implementation grade with the committee's wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GradeInfo {
    /// The grade as written (`B`).
    pub code: String,
    /// The committee's official wording, where the committee has a scale that contains it.
    pub label: Option<String>,
    /// The note given with it.
    pub note: Option<String>,
}

/// One thing that keeps a brief from being final (it is then marked as a draft on every page,
/// and `amicus brief --final` refuses to write it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// A recommendation not assessed yet (`reflected: pending`, or no entry at all).
    NotAssessed {
        /// Its id.
        id: String,
        /// Its entry in `assessment.recommendations`, if it has one.
        entry: Option<usize>,
    },
    /// An entry that is a machine suggestion nobody has reviewed (it still has `suggested:`).
    Unreviewed {
        /// The recommendation's id.
        id: String,
        /// Its entry in `assessment.recommendations`.
        entry: usize,
    },
    /// The CO file does not say which recommendations the committee selected for its
    /// follow-up procedure (no `follow_up:`).
    NoFollowUp,
    /// A suggested question of `loi-assessment.yaml` whose `asked:` is still `pending`.
    QuestionNotDecided {
        /// Its entry in `loi-assessment.questions`.
        entry: usize,
    },
}

/// Everything still to do before the brief can be published, in the order of the brief.
pub fn pending(
    comparison: &Comparison,
    assessment: &Assessment,
    questions: Option<&crate::model::loi_assessment::LoiAssessment>,
) -> Vec<Pending> {
    let mut out = Vec::new();
    for item in comparison.findings.iter().flat_map(|f| &f.items) {
        if item.status == Reflection::Pending {
            out.push(Pending::NotAssessed { id: item.id.clone(), entry: item.entry });
        } else if let Some(entry) = item.entry
            && assessment.recommendations.get(entry).is_some_and(|a| a.suggested.is_some())
        {
            out.push(Pending::Unreviewed { id: item.id.clone(), entry });
        }
    }
    if comparison.follow_up.is_none() {
        out.push(Pending::NoFollowUp);
    }
    for (entry, q) in questions.iter().flat_map(|l| l.questions.iter().enumerate()) {
        if q.asked == crate::model::loi_assessment::Asked::Pending {
            out.push(Pending::QuestionNotDecided { entry });
        }
    }
    out
}

/// How many recommendations are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Recommendations made.
    pub made: usize,
    /// Fully reflected.
    pub fully: usize,
    /// Partially reflected.
    pub partially: usize,
    /// Not reflected.
    pub not_reflected: usize,
    /// Not yet assessed.
    pub pending: usize,
}

impl Counts {
    /// Adds one recommendation in `status`.
    pub fn add(&mut self, status: Reflection) {
        self.made += 1;
        match status {
            Reflection::Fully => self.fully += 1,
            Reflection::Partially => self.partially += 1,
            Reflection::NotReflected => self.not_reflected += 1,
            Reflection::Pending => self.pending += 1,
        }
    }

    /// Fully plus partially reflected.
    pub fn taken_up(&self) -> usize {
        self.fully + self.partially
    }
}

/// The follow-up procedure and the recommendations it concerns.
#[derive(Debug, Clone)]
pub struct FollowUpComparison {
    /// The CO paragraph that sets the procedure out.
    pub paragraph: Option<u32>,
    /// The selected paragraphs, each with the recommendations it touches.
    pub selected: Vec<Selected>,
    /// Whether the committee asks for urgent measures on the selection rather than for
    /// information by a deadline.
    pub urgent: bool,
    /// The paragraph naming recommendations "of particular importance" (CERD), if any.
    pub importance_paragraph: Option<u32>,
    /// Those recommendations, each with the recommendations of ours it touches.
    pub importance: Vec<Selected>,
    /// The deadline, `YYYY-MM-DD` as written.
    pub deadline: Option<String>,
    /// The next periodic report's date or year, as written.
    pub next_report: Option<String>,
}

/// One paragraph selected for follow-up.
#[derive(Debug, Clone)]
pub struct Selected {
    /// The selection.
    pub citation: Citation,
    /// The subject heading of the paragraph, if the CO file holds it.
    pub heading: Option<String>,
    /// Whether the CO file holds the paragraph.
    pub in_co: bool,
    /// The numbers of the recommendations whose citations touch it.
    pub recommendations: Vec<usize>,
}

/// Compares the submission's recommendations with the concluding observations, through the
/// assessment.
///
/// Every recommendation of the submission appears once, in document order, numbered as in
/// the shadow report. Assessment entries for ids the submission does not have are left out
/// (`check` reports them); a recommendation without an entry is pending.
pub fn compare(submission: &Submission, co: &ConcludingObservations, assessment: &Assessment) -> Comparison {
    let entries: BTreeMap<&str, (usize, &RecommendationAssessment)> = assessment
        .recommendations
        .iter()
        .enumerate()
        .rev() // so that the first of two entries for one id wins, as the reader of the file expects
        .map(|(i, a)| (a.recommendation.as_str(), (i, a)))
        .collect();
    let read =
        |list: &[String]| -> Vec<Citation> { list.iter().filter_map(|s| parse_citations(s).ok()).flatten().collect() };
    let selections: Vec<Citation> = co.follow_up.as_ref().map(|f| read(&f.selected)).unwrap_or_default();
    let important: Vec<Citation> = co
        .follow_up
        .as_ref()
        .and_then(|f| f.particular_importance.as_ref())
        .map(|p| read(&p.selected))
        .unwrap_or_default();

    let mut number = 0;
    let mut counts = Counts::default();
    let mut findings = Vec::new();
    for f in &submission.findings {
        let mut finding_counts = Counts::default();
        let mut items = Vec::new();
        for r in &f.recommendations {
            number += 1;
            let entry = entries.get(r.id.as_str()).copied();
            let status = entry.map_or(Reflection::Pending, |(_, a)| a.reflected);
            let citations: Vec<Citation> = entry
                .map(|(_, a)| a.paragraphs.iter().filter_map(|p| parse_citations(p).ok()).flatten().collect())
                .unwrap_or_default();
            let quotes = merge(&citations).iter().map(|c| quote(co, c)).collect();
            let follow_up = selections.iter().filter(|s| overlaps(s, &citations)).cloned().collect();
            let importance = important.iter().filter(|s| overlaps(s, &citations)).cloned().collect();
            let earlier = earlier_of(co, &citations);
            finding_counts.add(status);
            counts.add(status);
            items.push(Item {
                number,
                id: r.id.clone(),
                text: one_line(&r.text),
                finding_id: f.id.clone(),
                finding_title: f.title.clone(),
                status,
                entry: entry.map(|(i, _)| i),
                citations,
                quotes,
                excerpt: entry.and_then(|(_, a)| a.quote.as_deref()).map(one_line),
                comment: entry.and_then(|(_, a)| a.comment.clone()),
                grade: entry.and_then(|(_, a)| a.implementation.as_ref()).map(|i| grade(submission, i)),
                follow_up,
                importance,
                earlier,
            });
        }
        findings.push(FindingComparison {
            id: f.id.clone(),
            title: f.title.clone(),
            articles: f.articles.clone(),
            items,
            counts: finding_counts,
        });
    }
    let follow_up = co.follow_up.as_ref().map(|fu| follow_up(co, fu, &findings));
    let previous = previous_followed(submission, co);
    Comparison { findings, counts, follow_up, previous }
}

/// The earlier recommendations the CO paragraphs cited repeat or recall, by their `earlier:`
/// entries that name a symbol: one per entry, each paragraph once.
fn earlier_of(co: &ConcludingObservations, citations: &[Citation]) -> Vec<Earlier> {
    let mut out: Vec<Earlier> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for c in citations {
        if !seen.insert(c.paragraph) {
            continue;
        }
        let Some(p) = co.paragraph(c.paragraph) else { continue };
        for e in &p.earlier {
            let Some(symbol) = &e.symbol else { continue };
            let citations: Vec<Citation> =
                e.paragraphs.iter().filter_map(|t| parse_citations(t).ok()).flatten().collect();
            let entry = Earlier { symbol: symbol.clone(), citations, in_paragraph: p.number };
            if !out.iter().any(|o| same_symbol(&o.symbol, &entry.symbol) && o.citations == entry.citations) {
                out.push(entry);
            }
        }
    }
    out
}

/// The findings' `previous_observations` that cite an earlier review of the same State by the
/// same committee, each with the paragraphs of the new observations whose `earlier:` cite one
/// of its paragraphs.
fn previous_followed(submission: &Submission, co: &ConcludingObservations) -> Vec<PreviousFollowed> {
    let mut out = Vec::new();
    for f in &submission.findings {
        for p in &f.previous_observations {
            if !same_series(&p.symbol, &co.symbol) || same_symbol(&p.symbol, &co.symbol) {
                continue;
            }
            let citations = parse_citations(&p.paragraphs).unwrap_or_default();
            let repeated_in = co
                .paragraphs()
                .map(|(_, n)| n)
                .filter(|n| {
                    n.earlier.iter().any(|e| {
                        e.symbol.as_deref().is_some_and(|s| same_symbol(s, &p.symbol))
                            && e.paragraphs
                                .iter()
                                .filter_map(|t| parse_citations(t).ok())
                                .flatten()
                                .any(|cited| citations.iter().any(|c| c.paragraph == cited.paragraph))
                    })
                })
                .map(|n| n.number)
                .collect();
            out.push(PreviousFollowed {
                finding_id: f.id.clone(),
                finding_title: f.title.clone(),
                symbol: p.symbol.trim().to_owned(),
                citations,
                written: p.paragraphs.clone(),
                implemented: p.implemented,
                repeated_in,
            });
        }
    }
    out
}

/// The citations of a recommendation with those of one paragraph merged, in the order each
/// paragraph is first cited: `34 (c)`, `40`, `34 (d)` gives `34 (c)–(d)`, `40`. A paragraph
/// cited whole anywhere is cited whole.
pub fn merge(citations: &[Citation]) -> Vec<Citation> {
    let mut out: Vec<Citation> = Vec::new();
    for c in citations {
        match out.iter_mut().find(|m| m.paragraph == c.paragraph) {
            Some(m) if m.letters.is_empty() => {}
            Some(m) if c.letters.is_empty() => m.letters.clear(),
            Some(m) => {
                m.letters.extend(c.letters.iter().copied());
                m.letters.sort_unstable();
                m.letters.dedup();
            }
            None => out.push(c.clone()),
        }
    }
    out
}

/// What a CO paragraph is, from its wording, as OHCHR's Universal Human Rights Index records
/// it (AnnotationType).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Annotation {
    /// "The State party should …", "The Committee recommends …".
    Recommendation,
    /// "The Committee is concerned …", "… regrets …".
    Concern,
    /// "The Committee welcomes …", "notes with appreciation …".
    Positive,
}

impl Annotation {
    /// The UHRI word: `recommendation`, `concern`, `positive aspect`.
    pub fn key(self) -> &'static str {
        match self {
            Annotation::Recommendation => "recommendation",
            Annotation::Concern => "concern",
            Annotation::Positive => "positive aspect",
        }
    }
}

/// Reads a paragraph's kind from its wording: whichever kind of phrase comes first wins, so
/// "The Committee is concerned … The State party should …" is a concern and "The Committee
/// recommends … the persons concerned" a recommendation. `None` when no phrase occurs.
pub fn annotation(text: &str) -> Option<Annotation> {
    // English, French, Spanish and Russian: the languages concluding observations come in
    // that Amicus reads.
    const PHRASES: &[(&str, Annotation)] = &[
        ("should", Annotation::Recommendation),
        ("recommends", Annotation::Recommendation),
        ("urges", Annotation::Recommendation),
        ("encourages", Annotation::Recommendation),
        ("calls upon", Annotation::Recommendation),
        ("calls on", Annotation::Recommendation),
        ("requests", Annotation::Recommendation),
        ("invites", Annotation::Recommendation),
        ("is concerned", Annotation::Concern),
        ("are concerned", Annotation::Concern),
        ("remains concerned", Annotation::Concern),
        ("notes with concern", Annotation::Concern),
        ("deeply concerned", Annotation::Concern),
        ("seriously concerned", Annotation::Concern),
        ("regrets", Annotation::Concern),
        ("is alarmed", Annotation::Concern),
        ("deplores", Annotation::Concern),
        ("welcomes", Annotation::Positive),
        ("notes with appreciation", Annotation::Positive),
        ("commends", Annotation::Positive),
        ("devrait", Annotation::Recommendation),
        ("recommande", Annotation::Recommendation),
        ("engage vivement", Annotation::Recommendation),
        ("exhorte", Annotation::Recommendation),
        ("prie instamment", Annotation::Recommendation),
        ("invite l", Annotation::Recommendation),
        ("demande à l", Annotation::Recommendation),
        ("est préoccupé", Annotation::Concern),
        ("reste préoccupé", Annotation::Concern),
        ("constate avec préoccupation", Annotation::Concern),
        ("note avec préoccupation", Annotation::Concern),
        ("regrette", Annotation::Concern),
        ("déplore", Annotation::Concern),
        ("accueille avec satisfaction", Annotation::Positive),
        ("salue", Annotation::Positive),
        ("se félicite", Annotation::Positive),
        ("debería", Annotation::Recommendation),
        ("recomienda", Annotation::Recommendation),
        ("insta al", Annotation::Recommendation),
        ("exhorta", Annotation::Recommendation),
        ("alienta al", Annotation::Recommendation),
        ("solicita al", Annotation::Recommendation),
        ("observa con preocupación", Annotation::Concern),
        ("preocupa", Annotation::Concern),
        ("lamenta", Annotation::Concern),
        ("deplora", Annotation::Concern),
        ("acoge con satisfacción", Annotation::Positive),
        ("comité celebra", Annotation::Positive),
        ("encomia", Annotation::Positive),
        ("следует", Annotation::Recommendation),
        ("рекомендует", Annotation::Recommendation),
        ("призывает", Annotation::Recommendation),
        ("обеспокоен", Annotation::Concern),
        ("сожалеет", Annotation::Concern),
        ("приветствует", Annotation::Positive),
    ];
    let t = text.to_lowercase();
    PHRASES.iter().filter_map(|(p, a)| t.find(p).map(|at| (at, *a))).min_by_key(|(at, _)| *at).map(|(_, a)| a)
}

/// Whether a selection for follow-up touches any of a recommendation's citations: the same
/// paragraph, and either side whole or a sub-paragraph in common.
pub fn overlaps(selection: &Citation, citations: &[Citation]) -> bool {
    citations.iter().any(|c| {
        if c.letters.is_empty() {
            selection.touches(c.paragraph, None)
        } else {
            c.letters.iter().any(|&l| selection.touches(c.paragraph, Some(l)))
        }
    })
}

/// The CO text a citation points at.
pub fn quote(co: &ConcludingObservations, citation: &Citation) -> Quote {
    let Some(p) = co.paragraph(citation.paragraph) else {
        return Quote { citation: citation.clone(), found: false, heading: None, lead: None, parts: Vec::new() };
    };
    let lead = (!p.text.trim().is_empty()).then(|| one_line(&p.text));
    let (parts, found) = if citation.letters.is_empty() {
        (p.subparagraphs.iter().map(|s| (s.letter.clone(), one_line(&s.text))).collect(), true)
    } else {
        let parts: Vec<(String, String)> =
            citation.letters.iter().filter_map(|&l| p.sub(l).map(|s| (s.letter.clone(), one_line(&s.text)))).collect();
        let found = parts.len() == citation.letters.len();
        (parts, found)
    };
    Quote { citation: citation.clone(), found, heading: p.heading.clone(), lead, parts }
}

/// A grade with the committee's official wording, when the committee has a scale.
fn grade(submission: &Submission, imp: &Implementation) -> GradeInfo {
    let code = imp.grade.trim().to_owned();
    let label = submission.committee.grades().iter().find(|g| g.code == code).map(|g| g.label.to_owned());
    GradeInfo { code, label, note: imp.note.clone() }
}

/// The follow-up selection and the paragraphs of particular importance, each paragraph with
/// the recommendations it touches.
fn follow_up(co: &ConcludingObservations, fu: &FollowUp, findings: &[FindingComparison]) -> FollowUpComparison {
    let select = |list: &[String]| -> Vec<Selected> {
        list.iter()
            .filter_map(|s| parse_citations(s).ok())
            .flatten()
            .map(|citation| {
                let paragraph: Option<&CoParagraph> = co.paragraph(citation.paragraph);
                let recommendations = findings
                    .iter()
                    .flat_map(|f| &f.items)
                    .filter(|i| overlaps(&citation, &i.citations))
                    .map(|i| i.number)
                    .collect();
                Selected {
                    heading: paragraph.and_then(|p| p.heading.clone()),
                    in_co: paragraph.is_some(),
                    citation,
                    recommendations,
                }
            })
            .collect()
    };
    let importance = fu.particular_importance.as_ref();
    FollowUpComparison {
        paragraph: fu.paragraph,
        selected: select(&fu.selected),
        urgent: fu.kind == Some(FollowUpKind::UrgentMeasures),
        importance_paragraph: importance.and_then(|p| p.paragraph),
        importance: importance.map(|p| select(&p.selected)).unwrap_or_default(),
        deadline: fu.deadline.clone(),
        next_report: fu.next_report.clone(),
    }
}

/// "CCPR/C/KAZ/CO/3, para. 34 (d)": a citation as advocates write it in prose.
pub fn full_citation(symbol: &str, citations: &[Citation]) -> String {
    let paras = cite_paragraphs(citations);
    if paras.is_empty() { symbol.to_owned() } else { format!("{symbol}, {paras}") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::co::{CoSection, CoSubparagraph};

    fn co(follow_up: Option<FollowUp>) -> ConcludingObservations {
        let para = |number, text: &str, subs: &[(&str, &str)]| CoParagraph {
            number,
            role: None,
            heading: Some(format!("Heading {number}")),
            text: text.into(),
            subparagraphs: subs
                .iter()
                .map(|(l, t)| CoSubparagraph { letter: (*l).into(), text: (*t).into() })
                .collect(),
            footnotes: Vec::new(),
            earlier: Vec::new(),
        };
        ConcludingObservations {
            symbol: "CCPR/C/XYZ/CO/1".into(),
            committee: crate::model::Committee::Ccpr,
            state: "Xland".into(),
            title: None,
            report: None,
            session: Some(150),
            meetings: None,
            adopted: Some("2030-03-01".into()),
            published: None,
            language: None,
            notes: Vec::new(),
            source: None,
            sections: vec![CoSection {
                label: Some("C".into()),
                title: "Concerns".into(),
                paragraphs: vec![
                    para(10, "The State party should:", &[("a", "Do A;"), ("b", "Do\n  B;"), ("c", "Do C.")]),
                    para(12, "The State party should stop X.", &[]),
                ],
            }],
            follow_up,
        }
    }

    fn submission() -> Submission {
        let yaml = r#"
committee: CCPR
session: {number: 150}
state: Xland
stage: review
title: T
date: 2029-12-01
confidentiality: public
organisations: [{name: Org}]
summary: S
findings:
  - id: f1
    title: First
    body: B
    recommendations:
      - {id: r1, text: "One"}
      - {id: r2, text: "Two"}
  - id: f2
    title: Second
    body: B
    recommendations:
      - {id: r3, text: "Three"}
      - {id: r4, text: "Four"}
"#;
        serde_yaml::from_str(yaml).unwrap()
    }

    fn assessment() -> Assessment {
        let yaml = r#"
title: Brief
date: 2030-04-01
recommendations:
  - {recommendation: r1, reflected: fully, paragraphs: ["10 (b)"], implementation: {grade: B}}
  - {recommendation: r2, reflected: partially, paragraphs: ["10 (a)-(b)", "12"], comment: "Weak *wording*."}
  - {recommendation: r3, reflected: not-reflected}
  - {recommendation: ghost, reflected: fully, paragraphs: ["12"]}
"#;
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn every_recommendation_once_numbered_in_document_order() {
        let c = compare(&submission(), &co(None), &assessment());
        let numbers: Vec<(usize, &str, Reflection)> =
            c.findings.iter().flat_map(|f| &f.items).map(|i| (i.number, i.id.as_str(), i.status)).collect();
        assert_eq!(
            numbers,
            [
                (1, "r1", Reflection::Fully),
                (2, "r2", Reflection::Partially),
                (3, "r3", Reflection::NotReflected),
                (4, "r4", Reflection::Pending),
            ]
        );
        assert_eq!(c.counts, Counts { made: 4, fully: 1, partially: 1, not_reflected: 1, pending: 1 });
        assert_eq!(c.findings[1].counts, Counts { made: 2, fully: 0, partially: 0, not_reflected: 1, pending: 1 });
        assert_eq!(c.findings[1].items[1].entry, None, "r4 has no entry: pending, not dropped");
    }

    #[test]
    fn quotes_take_the_cited_subparagraphs_with_the_lead_in() {
        let c = compare(&submission(), &co(None), &assessment());
        let r2 = &c.findings[0].items[1];
        assert_eq!(r2.quotes.len(), 2);
        assert_eq!(r2.quotes[0].flat_text(), "The State party should: (a) Do A; (b) Do B;");
        assert_eq!(r2.quotes[0].heading.as_deref(), Some("Heading 10"));
        assert_eq!(r2.quotes[1].flat_text(), "The State party should stop X.");
        assert!(r2.quotes.iter().all(|q| q.found));
        assert_eq!(full_citation("CCPR/C/XYZ/CO/1", &r2.citations), "CCPR/C/XYZ/CO/1, paras. 10 (a)–(b) and 12");
        assert_eq!(full_citation("S", &c.findings[0].items[0].citations), "S, para. 10 (b)");
    }

    #[test]
    fn missing_paragraphs_are_marked_not_found() {
        let q = quote(&co(None), &parse_citations("10 (z)").unwrap()[0]);
        assert!(!q.found);
        assert!(q.parts.is_empty());
        let q = quote(&co(None), &Citation::whole(99));
        assert!(!q.found);
        assert_eq!(q.lead, None);
    }

    #[test]
    fn grades_carry_the_committees_wording() {
        let c = compare(&submission(), &co(None), &assessment());
        let g = c.findings[0].items[0].grade.clone().unwrap();
        assert_eq!(g.label.as_deref(), Some("Reply/action partially satisfactory"));
    }

    #[test]
    fn follow_up_selection_touches_recommendations() {
        let fu = FollowUp {
            paragraph: Some(40),
            selected: vec!["10 (b)".into(), "12".into(), "10 (c)".into(), "30".into()],
            deadline: Some("2031-03-01".into()),
            next_report: None,
            ..FollowUp::default()
        };
        let c = compare(&submission(), &co(Some(fu)), &assessment());
        let f = c.follow_up.unwrap();
        let touched: Vec<(String, Vec<usize>, bool)> =
            f.selected.iter().map(|s| (s.citation.to_string(), s.recommendations.clone(), s.in_co)).collect();
        assert_eq!(
            touched,
            [
                ("10 (b)".to_string(), vec![1, 2], true),
                ("12".to_string(), vec![2], true),
                ("10 (c)".to_string(), vec![], true),
                ("30".to_string(), vec![], false),
            ]
        );
        assert_eq!(c.findings[0].items[1].follow_up.len(), 2);
        assert!(compare(&submission(), &co(None), &assessment()).follow_up.is_none());
    }

    #[test]
    fn citations_of_one_paragraph_share_one_quote() {
        let cs = |t: &str| parse_citations(t).unwrap();
        let merged: Vec<String> = merge(&cs("10 (c), 12, 10 (a)")).iter().map(ToString::to_string).collect();
        assert_eq!(merged, ["10 (a), (c)", "12"]);
        let merged: Vec<String> = merge(&cs("10 (c), 10, 10 (b)")).iter().map(ToString::to_string).collect();
        assert_eq!(merged, ["10"]);
        let q = quote(&co(None), &merge(&cs("10 (b), 10 (a)"))[0]);
        assert_eq!(q.flat_text(), "The State party should: (a) Do A; (b) Do B;", "the lead-in once");
    }

    #[test]
    fn the_first_phrase_says_what_a_paragraph_is() {
        assert_eq!(annotation("The State party should: (d) Taking all measures"), Some(Annotation::Recommendation));
        assert_eq!(
            annotation("The Committee is concerned that … The State party should act"),
            Some(Annotation::Concern)
        );
        assert_eq!(
            annotation("The Committee recommends that the persons concerned be heard"),
            Some(Annotation::Recommendation)
        );
        assert_eq!(annotation("While noting the efforts, the Committee regrets"), Some(Annotation::Concern));
        assert_eq!(annotation("The Committee welcomes the adoption of"), Some(Annotation::Positive));
        assert_eq!(annotation("Ensuring that victims"), None);
    }

    #[test]
    fn overlap_is_symmetric_between_whole_paragraphs_and_parts() {
        let whole = Citation::whole(10);
        let part = parse_citations("10 (c)").unwrap().remove(0);
        let other = parse_citations("10 (a)").unwrap().remove(0);
        assert!(overlaps(&whole, std::slice::from_ref(&part)));
        assert!(overlaps(&part, std::slice::from_ref(&whole)));
        assert!(!overlaps(&other, std::slice::from_ref(&part)));
        assert!(!overlaps(&Citation::whole(11), &[whole]));
    }
}
