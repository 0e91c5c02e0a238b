//! The length of the report as printed, against the limit: counted once, from the one
//! rendered document ([`summary`]), and a warning when it is over ([`limit_warning`]).

use crate::diag::Diagnostic;
use crate::i18n::Arg;
use crate::load::Loaded;
use crate::load::locate::Target;
use crate::load::prose::Prepared;
use crate::model::Committee;

use super::thousands;
use crate::report::view::ReportView;

/// The words of the report as printed, part by part (see [`WordSummary`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordParts {
    /// What the submission's authors wrote for the body: summary, sections, findings (titles,
    /// prose, questions, recommendations), about the organisations.
    pub body: usize,
    /// Footnotes, source citations included.
    pub footnotes: usize,
    /// Recommendations printed a second time: the consolidated list, and the main
    /// recommendations in the executive summary.
    pub recommendations_repeated: usize,
    /// The list of sources.
    pub sources: usize,
    /// What the template adds: the cover, the table of contents and the headings and labels
    /// around the text.
    pub cover_and_headings: usize,
    /// The annexes (titles, text and their footnotes): printed, but outside the limit.
    pub annexes: usize,
}

/// The word count against the limit.
///
/// `printed` is every word of the document as it is printed, counted from the generated Typst
/// (so a template of the submission's own is counted too); with the built-in template the
/// parts add up to it. A test
/// compares it with the text of the laid-out PDF. What counts against the limit follows the
/// committee's [`crate::model::committee::WordRule`]: every part, unless the submission
/// excludes footnotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordSummary {
    /// The parts of the printed document.
    pub parts: WordParts,
    /// Words of the whole document as printed.
    pub printed: usize,
    /// Words that count towards the limit.
    pub counted: usize,
    /// Whether footnotes count.
    pub footnotes_counted: bool,
    /// The limit, if any.
    pub limit: Option<u32>,
    /// Whether the limit is the committee's published one (rather than set in the submission).
    pub limit_is_committee: bool,
    /// False when `committee:` could not be read: then no committee's limit applies (the
    /// loader's stand-in committee must not lend its limit to the count).
    pub committee_known: bool,
    /// False when the template could not be rendered: then only what the submission's authors
    /// wrote is counted (the template's problem is reported by `build`).
    pub complete: bool,
    /// The submission's language, which the line [`WordSummary::describe`] is printed in
    /// (English when Amicus has no catalogue for it).
    pub language: &'static str,
}

impl WordSummary {
    /// One line for the terminal, in the submission's language and with its figures grouped
    /// as the language groups them, e.g. "words: 4,780 of 10,000 (CCPR limit), the whole
    /// document as printed: body 3,274 · footnotes 286 · …", "mots : 4 780 sur 10 000 …".
    pub fn describe(&self, committee: Committee) -> String {
        let words = crate::i18n::Words::new(self.language);
        let n = |id: &str, n: usize| words.with(id, &[("n", count(n))]);
        let p = &self.parts;
        let counted = ("counted", count(self.counted));
        let limit = match self.limit {
            Some(l) if self.limit_is_committee => words.with(
                "words-limit",
                &[counted, ("limit", count(l as usize)), ("code", Arg::Text(&committee.to_string()))],
            ),
            Some(l) => words.with("words-limit-own", &[counted, ("limit", count(l as usize))]),
            None if !self.committee_known => words.with("words-no-committee", &[counted]),
            None => words.with("words-no-limit", &[counted]),
        };
        let footnotes =
            n(if self.footnotes_counted { "words-footnotes" } else { "words-footnotes-not-counted" }, p.footnotes);
        let mut parts = vec![n("words-body", p.body), footnotes];
        if p.recommendations_repeated > 0 {
            parts.push(n("words-repeated", p.recommendations_repeated));
        }
        if p.sources > 0 {
            parts.push(n("words-sources", p.sources));
        }
        if self.complete {
            parts.push(n("words-cover", p.cover_and_headings));
        } else {
            parts.push(words.get("words-cover-not-counted"));
        }
        if p.annexes > 0 {
            parts.push(n("words-annexes", p.annexes));
        }
        let what = if self.counted == self.printed {
            words.get("words-whole")
        } else {
            words.with("words-of-printed", &[("printed", count(self.printed))])
        };
        let parts = parts.join(" · ");
        words.with(
            "words-line",
            &[("words", Arg::Text(&limit)), ("what", Arg::Text(&what)), ("parts", Arg::Text(&parts))],
        )
    }

    /// "12 pages", "12 pages", "12 páginas", "12 страниц": a page count in the submission's
    /// language, for the line `build` prints.
    pub fn pages(&self, pages: usize) -> String {
        crate::i18n::Words::new(self.language).with("pages", &[("n", count(pages))])
    }
}

/// A count for a catalogue message (printed grouped as the language groups digits).
fn count(n: usize) -> Arg<'static> {
    Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
}

/// The word count of the report against its limit, from what was rendered once: the view
/// (the recommendations printed a second time, the list of sources) and the generated Typst
/// (`printed`; `None` when the template could not be rendered: then only what the
/// submission's authors wrote is counted).
pub fn summary(loaded: &Loaded, prepared: &Prepared, view: &ReportView, printed: Option<&str>) -> WordSummary {
    let s = &loaded.submission;
    let committee_known = !loaded.problems.iter().any(|d| d.path.as_deref() == Some("committee"));
    let (limit, limit_is_committee) = match s.words.limit {
        Some(l) => (Some(l), false),
        None if committee_known => (s.committee.word_limit(), true),
        None => (None, true),
    };
    let rule = s.committee.word_rule();
    let footnotes_counted = s.words.count_footnotes.unwrap_or(rule.footnotes);
    let (parts, printed, complete) = printed_parts(prepared, view, printed);
    let counted = printed - parts.annexes - if footnotes_counted { 0 } else { parts.footnotes };
    WordSummary {
        parts,
        printed,
        counted,
        footnotes_counted,
        limit,
        limit_is_committee,
        committee_known,
        complete,
        language: crate::i18n::Words::new(&s.language).code(),
    }
}

/// The warning for a report over its word limit (the submission's own limit, or else the
/// committee's), at the field that sets the limit.
pub fn limit_warning(loaded: &Loaded, summary: &WordSummary) -> Option<Diagnostic> {
    let s = &loaded.submission;
    let limit = summary.limit?;
    if summary.counted <= limit as usize {
        return None;
    }
    let root = loaded.root();
    let own = s.words.limit.is_some();
    let place = if own { root.key("words").key("limit") } else { root.key("committee") };
    let whose = if own { String::new() } else { format!(" ({})", s.committee.word_rule().basis) };
    Some(
        loaded
            .files
            .warning(
                &place,
                Target::Value,
                format!(
                    "the report has {} words as printed, over the limit of {}{whose}",
                    thousands(summary.counted),
                    thousands(limit as usize)
                ),
            )
            .with_hint("shorten the findings, move detail to an annex, or set `words: {limit: …}` if the committee allows more"),
    )
}

/// The words of the report as printed, part by part: the authors' parts from the prose and
/// the view, the whole from the generated Typst (footnotes and table of contents included).
/// Returns the parts, the total, and whether the template rendered.
fn printed_parts(prepared: &Prepared, view: &ReportView, printed: Option<&str>) -> (WordParts, usize, bool) {
    let repeated: usize = view
        .recommendations
        .iter()
        .chain(&view.key_recommendations)
        .map(|r| crate::doc::word_count::count_words(&r.text))
        .sum();
    let sources: usize = view
        .sources
        .iter()
        .filter_map(|s| prepared.sources.get(&s.id))
        .map(|c| crate::doc::word_count::count_words(&crate::doc::markdown::citation_text(c)))
        .sum();
    let mut parts = WordParts {
        body: prepared.words.body,
        footnotes: prepared.words.footnotes,
        recommendations_repeated: repeated,
        sources,
        cover_and_headings: 0,
        annexes: prepared.annex_words.body + prepared.annex_words.footnotes,
    };
    let Some(source) = printed else {
        let total = parts.body + parts.footnotes + parts.recommendations_repeated + parts.sources + parts.annexes;
        return (parts, total, false);
    };
    let printed = crate::writers::typst::printed_words(source);
    // The printed document is the reference: its footnotes are the ones counted (the
    // annexes' apart), and what is left once the authors' parts are taken away is the
    // template's own text.
    parts.footnotes = printed.footnotes.saturating_sub(prepared.annex_words.footnotes);
    let authors = parts.body + parts.footnotes + parts.recommendations_repeated + parts.sources + parts.annexes;
    parts.cover_and_headings = printed.total.saturating_sub(authors);
    (parts, printed.total.max(authors), true)
}
