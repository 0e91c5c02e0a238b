//! What serde and the schema cannot express: ids that must be unique, references that must
//! point somewhere, dates, article ranges, placeholders, word limits, characters no font has.
//!
//! Every check runs and every problem is collected; nothing stops at the first.

use crate::compile::Date;
use crate::diag::Diagnostic;
use crate::load::locate::Target;
use crate::load::{Loaded, Place};
use crate::model::{Committee, parse_citations};
use crate::prepare::Prepared;
use std::collections::{BTreeMap, BTreeSet};

/// The result of checking a submission.
#[derive(Debug, Clone)]
pub struct Report {
    /// Every problem, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// The word count and limit, always shown.
    pub words: WordSummary,
}

/// The word count against the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordSummary {
    /// Words that count towards the limit.
    pub counted: usize,
    /// Words of the body (without footnotes).
    pub body: usize,
    /// Words in footnotes.
    pub footnotes: usize,
    /// Whether footnotes count.
    pub footnotes_counted: bool,
    /// The limit, if any.
    pub limit: Option<u32>,
    /// Whether the limit is the committee's published one (rather than set in the submission).
    pub limit_is_committee: bool,
}

impl WordSummary {
    /// One line for the terminal: "Words: 4,321 of 10,000 (CCPR limit; footnotes not counted)".
    pub fn describe(&self, committee: Committee) -> String {
        let what = if self.footnotes_counted {
            format!("footnotes counted: {}", thousands(self.footnotes))
        } else {
            format!("footnotes not counted: {} more", thousands(self.footnotes))
        };
        match self.limit {
            Some(l) => {
                let whose = if self.limit_is_committee {
                    format!("{committee} limit")
                } else {
                    "limit set in submission.yaml".into()
                };
                format!("words: {} of {} ({whose}; {what})", thousands(self.counted), thousands(l as usize))
            }
            None => format!("words: {} (no limit set; {what})", thousands(self.counted)),
        }
    }
}

/// 12345 → "12,345".
pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Whether `text` is a calendar date `YYYY-MM-DD`.
pub fn is_date(text: &str) -> bool {
    Date::parse(text.trim()).is_some()
}

/// Text that the scaffold of `amicus new` leaves for the user to replace.
pub fn is_placeholder(text: &str) -> bool {
    text.contains("TODO") || text.contains("[replace")
}

/// Checks the submission (and its follow-up files) and the prepared prose.
pub fn check(loaded: &Loaded, prepared: &Prepared) -> Report {
    let mut c = Checker { loaded, out: prepared.diagnostics.clone() };
    c.ids_and_references(prepared);
    c.dates_and_values();
    c.placeholders();
    c.fonts();
    let words = c.words(prepared);
    crate::followup::check(loaded, &mut c.out);
    // Problems found while loading come first; a later check that trips over the same spot
    // (a field the loader had to fill in) would only repeat them.
    let loading = &loaded.problems;
    let mut diagnostics: Vec<Diagnostic> = loading.clone();
    diagnostics.extend(
        c.out.into_iter().filter(|d| !loading.iter().any(|l| l.file == d.file && l.line == d.line && d.line > 0)),
    );
    crate::diag::sort(&mut diagnostics);
    Report { diagnostics, words }
}

/// `amicus check` on a folder: every problem (sorted), the files read (for snippets), and the
/// word count when the submission could be read. With an assessment in the folder, the
/// problems `brief` would meet in its prose are included.
pub fn check_folder(folder: &std::path::Path) -> (Vec<Diagnostic>, crate::load::Files, Option<String>) {
    match crate::load::load_folder_lenient(folder, crate::load::Extras::FollowUp) {
        Ok(mut loaded) => {
            let report = if loaded.assessment.is_some() {
                crate::brief::check_with_prose(&mut loaded).0
            } else {
                check(&loaded, &crate::prepare::prepare(&loaded))
            };
            let words = report.words.describe(loaded.submission.committee);
            (report.diagnostics, loaded.files, Some(words))
        }
        Err((mut problems, files)) => {
            crate::diag::sort(&mut problems);
            (problems, files, None)
        }
    }
}

/// The checks' shared state.
struct Checker<'a> {
    /// The submission.
    loaded: &'a Loaded,
    /// Problems so far.
    out: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error(&mut self, place: &Place, target: Target, message: String, hint: Option<String>) {
        let d = self.loaded.files.error(place, target, message);
        self.out.push(match hint {
            Some(h) => d.with_hint(h),
            None => d,
        });
    }

    fn warning(&mut self, place: &Place, target: Target, message: String, hint: Option<String>) {
        let d = self.loaded.files.warning(place, target, message);
        self.out.push(match hint {
            Some(h) => d.with_hint(h),
            None => d,
        });
    }

    fn ids_and_references(&mut self, prepared: &Prepared) {
        let s = &self.loaded.submission;
        let root = self.loaded.root();
        let committee = s.committee;

        let mut finding_ids: BTreeMap<&str, Place> = BTreeMap::new();
        let mut rec_ids: BTreeMap<&str, Place> = BTreeMap::new();
        for (f, place) in s.findings.iter().zip(&self.loaded.finding_places) {
            let id_place = place.key("id");
            self.check_id(&f.id, &id_place, "finding");
            if let Some(first) = finding_ids.insert(&f.id, id_place.clone()) {
                let other = self.where_is(&first);
                self.error(
                    &id_place,
                    Target::Value,
                    format!("finding id `{}` is used twice (also at {other})", f.id),
                    Some("give each finding its own id".into()),
                );
            }
            // A committee the loader could not read says nothing about article ranges.
            let committee_known = !self.loaded.problems.iter().any(|d| d.path.as_deref() == Some("committee"));
            for (i, a) in f.articles.iter().enumerate().filter(|_| committee_known) {
                let a_place = place.key("articles").index(i);
                match committee.articles() {
                    Some((lo, hi)) if *a < lo || *a > hi => self.error(
                        &a_place,
                        Target::Value,
                        format!("article {a} is outside the articles of the {} ({lo}–{hi})", committee.treaty()),
                        Some(format!(
                            "the {} organises reports by articles {lo} to {hi}; cite other instruments in the text",
                            committee.code()
                        )),
                    ),
                    None => self.warning(
                        &a_place,
                        Target::Value,
                        "the Universal Periodic Review is not organised by treaty articles".into(),
                        Some("remove `articles:` or name the treaty in the text".into()),
                    ),
                    _ => {}
                }
            }
            let mut seen_articles = BTreeSet::new();
            for (i, a) in f.articles.iter().enumerate() {
                if !seen_articles.insert(a) {
                    self.warning(
                        &place.key("articles").index(i),
                        Target::Value,
                        format!("article {a} is listed twice"),
                        None,
                    );
                }
            }
            if f.recommendations.is_empty() {
                self.warning(
                    &place.key("recommendations"),
                    Target::Value,
                    format!("finding `{}` has no recommendations", f.id),
                    Some("committees take up concrete recommendations; add at least one".into()),
                );
            }
            for (i, r) in f.recommendations.iter().enumerate() {
                let r_place = place.key("recommendations").index(i).key("id");
                self.check_id(&r.id, &r_place, "recommendation");
                if let Some(first) = rec_ids.insert(&r.id, r_place.clone()) {
                    let other = self.where_is(&first);
                    self.error(
                        &r_place,
                        Target::Value,
                        format!("recommendation id `{}` is used twice (also at {other})", r.id),
                        Some(
                            "ids must be unique across the whole submission: the follow-up assessment refers to them"
                                .into(),
                        ),
                    );
                }
            }
            for (i, prev) in f.previous_observations.iter().enumerate() {
                let p = place.key("previous_observations").index(i);
                if let Err(e) = parse_citations(&prev.paragraphs) {
                    self.error(
                        &p.key("paragraphs"),
                        Target::Value,
                        format!("cannot read the paragraph reference `{}`: {e}", prev.paragraphs),
                        Some("write it like `20`, `34 (d)` or `34 (c)–(d)`".into()),
                    );
                }
                if !looks_like_symbol(&prev.symbol) {
                    self.warning(
                        &p.key("symbol"),
                        Target::Value,
                        format!("`{}` does not look like a UN document symbol", prev.symbol),
                        Some("symbols look like `CCPR/C/KAZ/CO/2`".into()),
                    );
                }
            }
        }
        if s.findings.is_empty() {
            self.warning(
                &root.key("findings"),
                Target::Value,
                "the submission has no findings yet".into(),
                Some("add findings under `findings:` or as files in `findings/`".into()),
            );
        }

        let mut source_ids: BTreeMap<&str, Place> = BTreeMap::new();
        for (i, src) in s.sources.iter().enumerate() {
            let p = root.key("sources").index(i);
            self.check_id(&src.id, &p.key("id"), "source");
            if let Some(first) = source_ids.insert(&src.id, p.key("id")) {
                let other = self.where_is(&first);
                self.error(
                    &p.key("id"),
                    Target::Value,
                    format!("source id `{}` is used twice (also at {other})", src.id),
                    Some("give each source its own id".into()),
                );
            }
            if !prepared.used_sources.contains(&src.id) {
                self.warning(
                    &p.key("id"),
                    Target::Value,
                    format!("source `{}` is never cited", src.id),
                    Some(format!("cite it in the text with `[^{}]`, or remove it", src.id)),
                );
            }
            if let Some(url) = &src.url {
                if let Err(refused) = crate::markup::link_allowed(url) {
                    self.warning(&p.key("url"), Target::Value, refused.message(url), Some(refused.hint().into()));
                }
            }
            for (key, value) in [("date", &src.date), ("accessed", &src.accessed)] {
                if let Some(v) = value {
                    if !(is_date(v) || is_partial_date(v)) {
                        self.error(
                            &p.key(key),
                            Target::Value,
                            format!("`{v}` is not a date"),
                            Some("write dates as YYYY-MM-DD, YYYY-MM or YYYY".into()),
                        );
                    }
                }
            }
        }
    }

    /// "submission.yaml:12" for messages about a second occurrence.
    fn where_is(&self, place: &Place) -> String {
        let (line, _) = self.loaded.files.map.get(&place.file).map_or((0, 0), |f| f.locate(&place.path, Target::Value));
        format!("{}:{line}", place.file)
    }

    fn check_id(&mut self, id: &str, place: &Place, what: &str) {
        let ok = !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.');
        if !ok {
            self.error(
                place,
                Target::Value,
                format!("{what} id `{id}` may only use letters, digits, `-`, `_` and `.`"),
                Some(format!("ids are short and stable, e.g. `{}`", suggest_id(id))),
            );
        }
    }

    fn dates_and_values(&mut self) {
        let s = &self.loaded.submission;
        let root = self.loaded.root();
        if !is_date(&s.date) {
            self.error(
                &root.key("date"),
                Target::Value,
                format!("`{}` is not a date", s.date),
                Some("write the date as YYYY-MM-DD, e.g. 2025-05-26".into()),
            );
        }
        let session = root.key("session");
        let start = s.session.start.as_deref();
        let end = s.session.end.as_deref();
        for (key, v) in [("start", start), ("end", end)] {
            if let Some(v) = v {
                if !is_date(v) {
                    self.error(
                        &session.key(key),
                        Target::Value,
                        format!("`{v}` is not a date"),
                        Some("write the date as YYYY-MM-DD".into()),
                    );
                }
            }
        }
        if let (Some(a), Some(b)) = (start.and_then(Date::parse), end.and_then(Date::parse)) {
            if a > b {
                self.error(
                    &session.key("end"),
                    Target::Value,
                    "the session ends before it starts".into(),
                    Some("check `start:` and `end:`".into()),
                );
            }
        }
        let lang = s.language.as_str();
        if lang.len() != 2 || !lang.chars().all(|c| c.is_ascii_lowercase()) {
            self.error(
                &root.key("language"),
                Target::Value,
                format!("`{lang}` is not a two-letter language code"),
                Some("e.g. `en`, `fr`, `es`, `ru`".into()),
            );
        } else if s.committee != Committee::Upr && !["en", "fr", "es"].contains(&lang) {
            self.warning(
                &root.key("language"),
                Target::Value,
                format!(
                    "the {} works in English, French and Spanish, and the UN does not translate NGO reports",
                    s.committee.code()
                ),
                Some("add at least an English summary".into()),
            );
        }
        if s.organisations.is_empty() {
            self.error(
                &root.key("organisations"),
                Target::Value,
                "the submission names no organisation".into(),
                Some("add at least one under `organisations:`".into()),
            );
        }
        for (i, o) in s.organisations.iter().enumerate() {
            let p = root.key("organisations").index(i);
            if let Some(w) = &o.website {
                // The one link policy: what it refuses is printed as text, not as a link.
                if let Err(refused) = crate::markup::link_allowed(w) {
                    self.warning(&p.key("website"), Target::Value, refused.message(w), Some(refused.hint().into()));
                }
            }
            if let Some(c) = &o.contact {
                if !c.contains('@') {
                    self.warning(
                        &p.key("contact"),
                        Target::Value,
                        format!("`{c}` does not look like an e-mail address"),
                        None,
                    );
                }
            }
        }
    }

    /// Empty required texts and scaffold placeholders, in every text field.
    fn placeholders(&mut self) {
        for (place, text) in text_fields(self.loaded) {
            if text.trim().is_empty() {
                // A field the loader had to fill in is already reported as missing.
                if !self.loaded.files.exists(&place) {
                    continue;
                }
                self.error(
                    &place,
                    Target::Value,
                    "this text is empty".into(),
                    Some("write the text, or remove the entry".into()),
                );
            } else if is_placeholder(&text) {
                self.warning(
                    &place,
                    Target::Value,
                    "placeholder text left from `amicus new`".into(),
                    Some("replace the TODO with your own text".into()),
                );
            }
        }
    }

    /// Characters no embedded font can draw: Typst would print empty boxes.
    fn fonts(&mut self) {
        let engine = crate::compile::Engine::shared();
        for (place, text) in text_fields(self.loaded) {
            let missing = engine.uncovered_chars(&text);
            if !missing.is_empty() {
                let shown: String = missing.iter().take(8).map(|c| format!("`{c}` (U+{:04X}) ", *c as u32)).collect();
                self.warning(
                    &place,
                    Target::Value,
                    format!("no embedded font has {}: they would print as empty boxes", shown.trim_end()),
                    Some(
                        "Amicus's fonts cover Latin, Cyrillic and Greek; write these characters out or describe them"
                            .into(),
                    ),
                );
            }
        }
    }

    fn words(&mut self, prepared: &Prepared) -> WordSummary {
        let s = &self.loaded.submission;
        let (limit, limit_is_committee) = match s.words.limit {
            Some(l) => (Some(l), false),
            None => (s.committee.word_limit(), true),
        };
        let counted = prepared.words.body + if s.words.count_footnotes { prepared.words.footnotes } else { 0 };
        let summary = WordSummary {
            counted,
            body: prepared.words.body,
            footnotes: prepared.words.footnotes,
            footnotes_counted: s.words.count_footnotes,
            limit,
            limit_is_committee,
        };
        if let Some(l) = limit {
            if counted > l as usize {
                let root = self.loaded.root();
                let place =
                    if s.words.limit.is_some() { root.key("words").key("limit") } else { root.key("committee") };
                self.warning(&place, Target::Value, format!("the report has {} words, over the limit of {}", thousands(counted), thousands(l as usize)), Some("shorten the findings, move detail to an annex, or set `words: {limit: …}` if the committee allows more".into()));
            }
        }
        summary
    }
}

/// Every user-written text of the submission with its place: plain fields and Markdown
/// (read from files or inline; Markdown files are located at their field).
pub fn text_fields(loaded: &Loaded) -> Vec<(Place, String)> {
    let s = &loaded.submission;
    let root = loaded.root();
    let mut out = vec![(root.key("state"), s.state.clone()), (root.key("title"), s.title.clone())];
    if let Some(sub) = &s.subtitle {
        out.push((root.key("subtitle"), sub.clone()));
    }
    for (i, o) in s.organisations.iter().enumerate() {
        out.push((root.key("organisations").index(i).key("name"), o.name.clone()));
    }
    for (i, sec) in s.sections.iter().enumerate() {
        out.push((root.key("sections").index(i).key("title"), sec.title.clone()));
    }
    for (f, place) in s.findings.iter().zip(&loaded.finding_places) {
        out.push((place.key("title"), f.title.clone()));
        for (i, q) in f.questions.iter().enumerate() {
            out.push((place.key("questions").index(i), q.clone()));
        }
        for (i, r) in f.recommendations.iter().enumerate() {
            out.push((place.key("recommendations").index(i).key("text"), r.text.clone()));
        }
    }
    for (i, src) in s.sources.iter().enumerate() {
        out.push((root.key("sources").index(i).key("title"), src.title.clone()));
    }
    for (place, md) in crate::load::markdown_places(loaded) {
        out.push((place, md.text.clone()));
    }
    out
}

/// Whether a text has the shape of a UN symbol (`CCPR/C/KAZ/CO/2`, `E/C.12/…`).
pub fn looks_like_symbol(s: &str) -> bool {
    s.contains('/') && s.split('/').all(|p| !p.is_empty() && !p.contains(' '))
}

/// A usable id made from a text: lower case, hyphens.
fn suggest_id(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() { "finding-1".into() } else { out }
}

/// `YYYY` or `YYYY-MM`.
fn is_partial_date(v: &str) -> bool {
    let parts: Vec<&str> = v.split('-').collect();
    match parts.as_slice() {
        [y] => y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()),
        [y, m] => {
            y.len() == 4
                && y.chars().all(|c| c.is_ascii_digit())
                && matches!(m.parse::<u8>(), Ok(1..=12))
                && m.len() == 2
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_calendar_dates() {
        assert!(is_date("2025-05-26"));
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2025-02-29"));
        assert!(!is_date("26.05.2025"));
        assert!(!is_date("2025-5-26"));
        assert!(is_partial_date("2025-03"));
        assert!(!is_partial_date("2025-13"));
    }

    #[test]
    fn numbers_get_thousands_separators() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(10000), "10,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn ids_are_suggested_from_text() {
        assert_eq!(suggest_id("Migrant detention!"), "migrant-detention");
    }
}
