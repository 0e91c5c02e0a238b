//! Measures an import against the ground truth: how many paragraphs, sub-paragraphs,
//! footnotes, headings and sections were recovered, and how exactly their text was.

use super::super::ImportResult;
use crate::model::co::ConcludingObservations;
use std::fmt;

/// Found out of expected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Ratio {
    /// How many were right.
    pub hit: usize,
    /// How many there were.
    pub of: usize,
}

impl Ratio {
    /// Counts one case.
    fn add(&mut self, ok: bool) {
        self.of += 1;
        self.hit += usize::from(ok);
    }

    /// Whether all were right.
    pub fn full(self) -> bool {
        self.hit == self.of
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pct = if self.of == 0 { 100.0 } else { 100.0 * self.hit as f64 / self.of as f64 };
        write!(f, "{}/{} ({pct:.1} %)", self.hit, self.of)
    }
}

/// The figures for one document.
#[derive(Debug, Default)]
pub(crate) struct Score {
    /// Paragraphs found with their number.
    pub paragraphs: Ratio,
    /// Paragraph lead texts exactly right.
    pub paragraph_text: Ratio,
    /// Sub-paragraphs found (number and letter).
    pub subparagraphs: Ratio,
    /// Sub-paragraph texts exactly right.
    pub subparagraph_text: Ratio,
    /// Footnotes right (text, in the right paragraph and order).
    pub footnotes: Ratio,
    /// Paragraph subject headings right.
    pub headings: Ratio,
    /// Sections right (label and title, same paragraphs).
    pub sections: Ratio,
    /// Document particulars right (symbol, committee, State, title, report, session, meetings,
    /// dates) and the follow-up block.
    pub particulars: Ratio,
    /// Mean character similarity of whole paragraph texts (normalised Levenshtein).
    pub similarity: f64,
    /// Warnings the import gave.
    pub warnings: usize,
    /// What was wrong, for the test message.
    pub misses: Vec<String>,
}

impl Score {
    /// Whether everything was recovered exactly: every ratio full (extra paragraphs,
    /// sub-paragraphs, footnotes and sections count against them) and nothing missed.
    pub fn perfect(&self) -> bool {
        self.misses.is_empty() && self.ratios_full()
    }

    /// Whether every ratio is full.
    fn ratios_full(&self) -> bool {
        [
            self.paragraphs,
            self.paragraph_text,
            self.subparagraphs,
            self.subparagraph_text,
            self.footnotes,
            self.headings,
            self.sections,
            self.particulars,
        ]
        .iter()
        .all(|r| r.full())
    }

    /// One table row for the accuracy report.
    pub fn row(&self, name: &str) -> String {
        format!(
            "| {name} | {} | {} | {} | {} | {} | {} | {} | {} | {:.4} | {} |",
            self.paragraphs,
            self.paragraph_text,
            self.subparagraphs,
            self.subparagraph_text,
            self.footnotes,
            self.headings,
            self.sections,
            self.particulars,
            self.similarity,
            self.warnings
        )
    }
}

/// The table header matching [`Score::row`].
pub(crate) const HEADER: &str = "| input | paragraphs | paragraph text | sub-paragraphs | sub-paragraph text | footnotes | headings | sections | particulars | similarity | warnings |\n|---|---|---|---|---|---|---|---|---|---|---|";

/// Spaces collapsed, for comparing texts.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Compares an import with the truth.
pub(crate) fn score(truth: &ConcludingObservations, got: &ImportResult) -> Score {
    let mut s = Score { warnings: got.warnings.len(), ..Score::default() };
    let co = &got.co;
    let miss = |s: &mut Score, m: String| {
        if s.misses.len() < 40 {
            s.misses.push(m);
        }
    };
    let mut sim_total = 0.0;
    for (_, tp) in truth.paragraphs() {
        let found = co.paragraph(tp.number);
        s.paragraphs.add(found.is_some());
        let Some(gp) = found else {
            miss(&mut s, format!("paragraph {} missing", tp.number));
            s.paragraph_text.add(false);
            for _ in &tp.subparagraphs {
                s.subparagraphs.add(false);
                s.subparagraph_text.add(false);
            }
            for _ in &tp.footnotes {
                s.footnotes.add(false);
            }
            s.headings.add(false);
            continue;
        };
        sim_total += strsim::normalized_levenshtein(&norm(&tp.full_text()), &norm(&gp.full_text()));
        let text_ok = norm(&tp.text) == norm(&gp.text);
        s.paragraph_text.add(text_ok);
        if !text_ok {
            miss(&mut s, format!("paragraph {} text:\n  want {:?}\n  got  {:?}", tp.number, tp.text, gp.text));
        }
        for ts in &tp.subparagraphs {
            let g = gp.subparagraphs.iter().find(|x| x.letter == ts.letter);
            s.subparagraphs.add(g.is_some());
            let ok = g.is_some_and(|g| norm(&g.text) == norm(&ts.text));
            s.subparagraph_text.add(ok);
            if !ok {
                miss(
                    &mut s,
                    format!(
                        "paragraph {} ({}):\n  want {:?}\n  got  {:?}",
                        tp.number,
                        ts.letter,
                        ts.text,
                        g.map(|g| &g.text)
                    ),
                );
            }
        }
        // A sub-paragraph the truth does not have counts against, so that `perfect` fails.
        let extra = gp.subparagraphs.iter().filter(|g| !tp.subparagraphs.iter().any(|t| t.letter == g.letter)).count();
        if extra > 0 {
            miss(&mut s, format!("paragraph {} has extra sub-paragraphs: {:?}", tp.number, gp.subparagraphs));
            s.subparagraphs.of += extra;
            s.subparagraph_text.of += extra;
        }
        for (i, tn) in tp.footnotes.iter().enumerate() {
            let ok = gp.footnotes.get(i).is_some_and(|g| norm(g) == norm(tn));
            s.footnotes.add(ok);
            if !ok {
                miss(
                    &mut s,
                    format!(
                        "paragraph {} footnote {}:\n  want {tn:?}\n  got  {:?}",
                        tp.number,
                        i + 1,
                        gp.footnotes.get(i)
                    ),
                );
            }
        }
        if gp.footnotes.len() > tp.footnotes.len() {
            miss(
                &mut s,
                format!("paragraph {} has extra footnotes: {:?}", tp.number, &gp.footnotes[tp.footnotes.len()..]),
            );
            s.footnotes.add(false);
        }
        let ok = tp.heading == gp.heading;
        s.headings.add(ok);
        if !ok {
            miss(&mut s, format!("paragraph {} heading: want {:?}, got {:?}", tp.number, tp.heading, gp.heading));
        }
    }
    let extra = co.paragraphs().filter(|(_, p)| truth.paragraph(p.number).is_none()).count();
    if extra > 0 {
        miss(&mut s, format!("{extra} paragraphs that do not exist were found"));
        s.paragraphs.of += extra;
    }
    s.similarity = sim_total / truth.paragraphs().count().max(1) as f64;
    for (i, ts) in truth.sections.iter().enumerate() {
        let g = co.sections.get(i);
        let ok = g.is_some_and(|g| {
            g.label == ts.label
                && g.title == ts.title
                && g.paragraphs.iter().map(|p| p.number).eq(ts.paragraphs.iter().map(|p| p.number))
        });
        s.sections.add(ok);
        if !ok {
            miss(
                &mut s,
                format!(
                    "section {:?} {:?}: got {:?}",
                    ts.label,
                    ts.title,
                    g.map(|g| (&g.label, &g.title, g.paragraphs.len()))
                ),
            );
        }
    }
    if co.sections.len() > truth.sections.len() {
        s.sections.of += co.sections.len() - truth.sections.len();
        miss(&mut s, format!("{} extra sections", co.sections.len() - truth.sections.len()));
    }
    let fields: [(&str, String, String); 10] = [
        ("symbol", truth.symbol.clone(), co.symbol.clone()),
        ("committee", truth.committee.to_string(), co.committee.to_string()),
        ("state", truth.state.clone(), co.state.clone()),
        ("title", format!("{:?}", truth.title), format!("{:?}", co.title)),
        ("report", format!("{:?}", truth.report), format!("{:?}", co.report)),
        ("session", format!("{:?}", truth.session), format!("{:?}", co.session)),
        ("meetings", format!("{:?}", truth.meetings), format!("{:?}", co.meetings)),
        ("adopted", format!("{:?}", truth.adopted), format!("{:?}", co.adopted)),
        ("published", format!("{:?}", truth.published), format!("{:?}", co.published)),
        ("follow_up", format!("{:?}", truth.follow_up), format!("{:?}", co.follow_up)),
    ];
    for (name, want, got) in fields {
        let ok = want == got;
        s.particulars.add(ok);
        if !ok {
            miss(&mut s, format!("{name}: want {want}, got {got}"));
        }
    }
    s
}

/// The truth scored against itself is perfect; one sub-paragraph more, or one paragraph
/// more, is not (an importer inventing items must not pass).
#[test]
fn extra_subparagraphs_and_paragraphs_are_not_perfect() {
    use crate::model::co::CoSubparagraph;
    let truth = super::synth::all().remove(0).truth();
    let same = ImportResult { co: truth.clone(), warnings: Vec::new() };
    assert!(score(&truth, &same).perfect());
    let mut more = truth.clone();
    let p =
        more.sections.iter_mut().flat_map(|s| s.paragraphs.iter_mut()).find(|p| p.subparagraphs.is_empty()).unwrap();
    p.subparagraphs.push(CoSubparagraph { letter: "a".into(), text: "Invented.".into() });
    let s = score(&truth, &ImportResult { co: more, warnings: Vec::new() });
    assert!(!s.perfect(), "{}", s.row("extra sub-paragraph"));
    let mut more = truth.clone();
    let mut extra = more.sections[0].paragraphs[0].clone();
    extra.number = 999;
    more.sections[0].paragraphs.push(extra);
    assert!(!score(&truth, &ImportResult { co: more, warnings: Vec::new() }).perfect());
}
