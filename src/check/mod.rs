//! What serde and the schema cannot express: ids that must be unique, references that must
//! point somewhere, dates, article ranges, placeholders, word limits, characters no font has.
//!
//! Every check runs and every problem is collected; nothing stops at the first.

pub mod followup;
pub mod text_style;

use crate::compile::Date;
use crate::date::is_date;
use crate::diag::Diagnostic;
use crate::i18n::Arg;
use crate::load::locate::Target;
use crate::load::prose::Prepared;
use crate::load::{Loaded, Place};
use crate::model::{Committee, parse_citations};
use std::collections::{BTreeMap, BTreeSet};

/// The result of checking a submission.
#[derive(Debug, Clone)]
pub struct Report {
    /// Every problem, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// The word count and limit, always shown.
    pub words: WordSummary,
}

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

/// 12345 → "12,345": a figure in an English message of the command line (the one grouping
/// function, [`crate::i18n::number`], in English).
pub fn thousands(n: usize) -> String {
    crate::i18n::number("en", n as u64)
}

/// What to do about Chinese in a build without the Chinese font.
const CHINESE_FONT_HINT: &str = "install Amicus with its default features, which embed the Chinese font \
     (`cargo install --path .` without `--no-default-features`; see docs/languages.md)";

/// A Chinese character or Chinese punctuation (what the `cjk` feature's font covers).
fn is_chinese(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
}

pub use text_style::is_placeholder;

/// Checks the submission (and its follow-up files) and the prepared prose.
pub fn check(loaded: &Loaded, prepared: &Prepared) -> Report {
    let mut c = Checker { loaded, out: prepared.diagnostics.clone() };
    c.ids_and_references(prepared);
    c.annexes_and_abbreviations();
    c.dates_and_values();
    c.placeholders();
    c.example_addresses();
    c.fonts();
    c.templates();
    c.out.extend(crate::check::text_style::check(loaded));
    let words = c.words(prepared);
    crate::check::followup::check(loaded, &mut c.out);
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
                    // Only the article is checked: Amicus carries no treaty's text, so whether a
                    // paragraph exists is left to the advocate.
                    Some((lo, hi)) if a.number < lo || a.number > hi => self.error(
                        &a_place,
                        Target::Value,
                        format!("article {} is outside the articles of the {} ({lo}–{hi})", a.number, committee.treaty()),
                        Some(format!(
                            "the {} organises reports by articles {lo} to {hi}; cite other instruments in the text",
                            committee.code()
                        )),
                    ),
                    None => self.warning(
                        &a_place,
                        Target::Value,
                        "the Universal Periodic Review is not organised by treaty articles, so the report does not print them".into(),
                        Some("remove `articles:`, and name the treaty and article in the text where it matters".into()),
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
        if s.findings.is_empty() && self.loaded.unread.is_empty() {
            self.warning(
                &root.key("findings"),
                Target::Value,
                "the submission has no findings yet".into(),
                Some("add findings under `findings:` or as files in `findings/`".into()),
            );
        }

        let not_read =
            if self.loaded.incomplete.is_empty() { Some(String::new()) } else { self.loaded.text_not_read() };
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
            // What could not be read in full may cite it: no "never cited" rests on that.
            let cited_in_unread = match &not_read {
                None => true,
                Some(text) => text.contains(&format!("[^{}]", src.id.to_lowercase())),
            };
            let withheld = self.loaded.withheld_sources.contains(&src.id.to_lowercase())
                || self.loaded.withheld_sources.contains(&src.id);
            if !prepared.used_sources.contains(&src.id) && !cited_in_unread && !withheld {
                self.warning(
                    &p.key("id"),
                    Target::Value,
                    format!("source `{}` is never cited", src.id),
                    Some(format!("cite it in the text with `[^{}]`, or remove it", src.id)),
                );
            }
            if let Some(url) = &src.url
                && let Err(refused) = crate::doc::links::link_allowed(url)
            {
                self.warning(&p.key("url"), Target::Value, refused.message(url), Some(refused.hint().into()));
            }
            for (key, value) in [("date", &src.date), ("accessed", &src.accessed)] {
                if let Some(v) = value
                    && !(is_date(v) || is_partial_date(v))
                {
                    let (message, hint) = match Date::why_not(v) {
                        Some(why) => (format!("`{v}` is not a date: {why}"), "correct the day or the month".into()),
                        None => (format!("`{v}` is not a date"), "write dates as YYYY-MM-DD, YYYY-MM or YYYY".into()),
                    };
                    self.error(&p.key(key), Target::Value, message, Some(hint));
                }
            }
        }
    }

    /// Annex ids (a cross-reference target, so distinct from findings' and recommendations'),
    /// and abbreviations that the text never uses.
    fn annexes_and_abbreviations(&mut self) {
        let s = &self.loaded.submission;
        let root = self.loaded.root();
        let taken: BTreeSet<&str> = s
            .findings
            .iter()
            .flat_map(|f| std::iter::once(f.id.as_str()).chain(f.recommendations.iter().map(|r| r.id.as_str())))
            .collect();
        let mut seen = BTreeSet::new();
        for (i, a) in s.annexes.iter().enumerate() {
            let Some(id) = &a.id else { continue };
            let place = root.key("annexes").index(i).key("id");
            self.check_id(id, &place, "annex");
            if taken.contains(id.as_str()) || !seen.insert(id.as_str()) {
                self.error(
                    &place,
                    Target::Value,
                    format!("annex id `{id}` is also the id of another annex, finding or recommendation"),
                    Some("a cross-reference `[](#id)` must name one thing: give the annex its own id".into()),
                );
            }
        }
        if s.abbreviations.is_empty() {
            return;
        }
        let texts: Vec<String> = text_fields(self.loaded).into_iter().map(|(_, t)| t).collect();
        for (term, expansion) in &s.abbreviations {
            let place = root.key("abbreviations").key(term);
            if term.trim().is_empty() || expansion.trim().is_empty() {
                self.error(
                    &place,
                    Target::Key(0),
                    "an abbreviation needs both the short form and what it stands for".into(),
                    Some("write it as `CCPR: Human Rights Committee`".into()),
                );
                continue;
            }
            if !texts.iter().any(|t| uses_term(t, term)) {
                self.warning(
                    &place,
                    Target::Key(0),
                    format!("the abbreviation `{term}` is listed but never used in the report"),
                    Some(format!("use `{term}` in the text, or remove it from `abbreviations:`")),
                );
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
            let (message, hint) = date_problem(&s.date);
            self.error(&root.key("date"), Target::Value, message, Some(hint));
        }
        let session = root.key("session");
        let start = s.session.start.as_deref();
        let end = s.session.end.as_deref();
        for (key, v) in [("start", start), ("end", end)] {
            if let Some(v) = v
                && !is_date(v)
            {
                let (message, hint) = date_problem(v);
                self.error(&session.key(key), Target::Value, message, Some(hint));
            }
        }
        if let (Some(a), Some(b)) = (start.and_then(Date::parse), end.and_then(Date::parse))
            && a > b
        {
            self.error(
                &session.key("end"),
                Target::Value,
                "the session ends before it starts".into(),
                Some("check `start:` and `end:`".into()),
            );
        }
        // A report reaches the committee before its session (follow-up information comes
        // after it); a later date is usually a wrong year.
        let session_date = end.or(start).and_then(Date::parse);
        if let (Some(report), Some(session_day)) = (Date::parse(&s.date), session_date)
            && report > session_day
            && s.stage != crate::model::submission::Stage::FollowUp
        {
            self.warning(
                    &root.key("date"),
                    Target::Value,
                    format!(
                        "the report is dated {}, after the session ({} {})",
                        report.long(),
                        if end.is_some() { "ends" } else { "starts" },
                        session_day.long()
                    ),
                    Some("reports are sent before the session: check the year of `date:`, or set `stage: follow-up` for information sent after the review".into()),
                );
        }
        let lang = s.language.as_str();
        if let Some((message, hint)) = language_problem(lang) {
            self.error(&root.key("language"), Target::Value, message, Some(hint));
        } else {
            if !crate::i18n::has_catalogue(lang) {
                self.warning(
                    &root.key("language"),
                    Target::Value,
                    format!(
                        "Amicus has no wording in `{lang}` yet: the cover, headings and labels will be printed in English"
                    ),
                    Some(format!(
                        "Amicus prints its own words in {}; a translator can add a catalogue in locales/ (see docs/languages.md)",
                        crate::i18n::supported().collect::<Vec<_>>().join(", ")
                    )),
                );
            }
            if !crate::compile::HAS_CHINESE && lang.split(['-', '_']).next() == Some("zh") {
                // Amicus's own Chinese words would print as empty boxes: an error, like any
                // character no embedded font has.
                self.error(
                    &root.key("language"),
                    Target::Value,
                    "this Amicus was built without its Chinese font (the `cjk` feature), so a report in Chinese would print as empty boxes".into(),
                    Some(CHINESE_FONT_HINT.into()),
                );
            }
            if s.committee != Committee::Upr && !["en", "fr", "es"].contains(&lang) {
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
                if let Err(refused) = crate::doc::links::link_allowed(w) {
                    self.warning(&p.key("website"), Target::Value, refused.message(w), Some(refused.hint().into()));
                }
            }
            if let Some(c) = &o.contact
                && !c.contains('@')
            {
                self.warning(
                    &p.key("contact"),
                    Target::Value,
                    format!("`{c}` does not look like an e-mail address"),
                    None,
                );
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

    /// Web and e-mail addresses left from the scaffold of `amicus new`: `example.org` and the
    /// other names reserved for examples (RFC 2606) are never anyone's real address.
    fn example_addresses(&mut self) {
        let s = &self.loaded.submission;
        let root = self.loaded.root();
        let mut found = Vec::new();
        for (i, o) in s.organisations.iter().enumerate() {
            let p = root.key("organisations").index(i);
            found.extend(o.website.as_ref().map(|w| (p.key("website"), w.clone())));
            found.extend(o.contact.as_ref().map(|c| (p.key("contact"), c.clone())));
        }
        for (i, src) in s.sources.iter().enumerate() {
            found.extend(src.url.as_ref().map(|u| (root.key("sources").index(i).key("url"), u.clone())));
        }
        for (place, address) in found {
            if is_example_address(&address) {
                self.warning(
                    &place,
                    Target::Value,
                    format!("`{address}` is an example address from `amicus new`, not a real one"),
                    Some("write the real address, or remove the line".into()),
                );
            }
        }
    }

    /// Files in `templates/` that replace no built-in template: they would be ignored
    /// without a word.
    fn templates(&mut self) {
        // A warning here: it stops only a build that writes Word (`--format docx`).
        if let Err(d) = crate::writers::docx::reference_in_folder(&self.loaded.folder) {
            self.out.push(Diagnostic { severity: crate::diag::Severity::Warning, ..d });
        }
        let templates = crate::writers::template::Templates::for_folder(&self.loaded.folder);
        for (file, meant) in templates.unused_overrides() {
            let names: Vec<&str> = crate::writers::template::DEFAULTS.iter().map(|(n, _)| *n).collect();
            let hint = match meant {
                Some(m) => format!("did you mean `{m}`? Rename the file to replace the built-in {m}"),
                None => format!("only these names replace a built-in template: {}", names.join(", ")),
            };
            self.out.push(
                Diagnostic::warning(format!("{file} is not used: no built-in template has that name"))
                    .in_file(file)
                    .with_hint(hint),
            );
        }
    }

    /// Characters no embedded font can draw: Typst would print empty boxes.
    fn fonts(&mut self) {
        let engine = crate::compile::Engine::shared();
        for (place, text) in text_fields(self.loaded) {
            let missing = engine.uncovered_chars(&text);
            if !missing.is_empty() {
                let shown: String = missing.iter().take(8).map(|c| format!("`{c}` (U+{:04X}) ", *c as u32)).collect();
                // Chinese in a build without the Chinese font: say how to get it.
                let hint = if !crate::compile::HAS_CHINESE && missing.iter().any(|c| is_chinese(*c)) {
                    CHINESE_FONT_HINT
                } else {
                    "Amicus's fonts cover Latin, Cyrillic, Greek, Arabic and the simplified Chinese of GB 2312; \
                     write these characters out or describe them (an accessible PDF cannot contain empty boxes)"
                };
                // An error, not a warning: an accessible (PDF/UA-1) PDF, the default, cannot
                // contain text that prints as empty boxes, so `build` would fail on it.
                self.error(
                    &place,
                    Target::Value,
                    format!("no embedded font has {}: they would print as empty boxes", shown.trim_end()),
                    Some(hint.into()),
                );
            }
        }
    }

    fn words(&mut self, prepared: &Prepared) -> WordSummary {
        let s = &self.loaded.submission;
        let committee_known = !self.loaded.problems.iter().any(|d| d.path.as_deref() == Some("committee"));
        let (limit, limit_is_committee) = match s.words.limit {
            Some(l) => (Some(l), false),
            None if committee_known => (s.committee.word_limit(), true),
            None => (None, true),
        };
        let rule = s.committee.word_rule();
        let footnotes_counted = s.words.count_footnotes.unwrap_or(rule.footnotes);
        let (parts, printed, complete) = printed_parts(self.loaded, prepared);
        let counted = printed - parts.annexes - if footnotes_counted { 0 } else { parts.footnotes };
        let summary = WordSummary {
            parts,
            printed,
            counted,
            footnotes_counted,
            limit,
            limit_is_committee,
            committee_known,
            complete,
            language: crate::i18n::Words::new(&s.language).code(),
        };
        if let Some(l) = limit
            && counted > l as usize
        {
            let root = self.loaded.root();
            let place = if s.words.limit.is_some() { root.key("words").key("limit") } else { root.key("committee") };
            let whose = if s.words.limit.is_some() { String::new() } else { format!(" ({})", rule.basis) };
            self.warning(
                &place,
                Target::Value,
                format!(
                    "the report has {} words as printed, over the limit of {}{whose}",
                    thousands(counted),
                    thousands(l as usize)
                ),
                Some("shorten the findings, move detail to an annex, or set `words: {limit: …}` if the committee allows more".into()),
            );
        }
        summary
    }
}

/// The words of the report as it will be printed, part by part: the template is rendered
/// (as `build` renders it) and its text counted, footnotes and table of contents included.
/// Returns the parts, the total, and whether the template rendered (when it does not, only
/// what the authors wrote is counted).
fn printed_parts(loaded: &Loaded, prepared: &Prepared) -> (WordParts, usize, bool) {
    let view = crate::report::view::report(loaded, prepared);
    let repeated: usize = view
        .recommendations
        .iter()
        .chain(&view.key_recommendations)
        .map(|r| crate::doc::word_count::count_words(&r.text))
        .sum();
    let sources: usize = view.sources.iter().map(|s| crate::writers::typst::printed_words(&s.citation.0).total).sum();
    let mut parts = WordParts {
        body: prepared.words.body,
        footnotes: prepared.words.footnotes,
        recommendations_repeated: repeated,
        sources,
        cover_and_headings: 0,
        annexes: prepared.annex_words.body + prepared.annex_words.footnotes,
    };
    let Ok(source) = crate::report::render_report(loaded, prepared) else {
        let total = parts.body + parts.footnotes + parts.recommendations_repeated + parts.sources + parts.annexes;
        return (parts, total, false);
    };
    let printed = crate::writers::typst::printed_words(&source);
    // The printed document is the reference: its footnotes are the ones counted (the
    // annexes' apart), and what is left once the authors' parts are taken away is the
    // template's own text.
    parts.footnotes = printed.footnotes.saturating_sub(prepared.annex_words.footnotes);
    let authors = parts.body + parts.footnotes + parts.recommendations_repeated + parts.sources + parts.annexes;
    parts.cover_and_headings = printed.total.saturating_sub(authors);
    (parts, printed.total.max(authors), true)
}

/// Whether `text` uses `term` as a word of its own (not inside a longer word: `CAT` is not
/// used by `CATEGORY`); case counts, as it does for abbreviations.
fn uses_term(text: &str, term: &str) -> bool {
    let term = term.trim();
    text.match_indices(term).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + term.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
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
    if let Some(report) = &s.state_report {
        for (key, value) in [("symbol", &report.symbol), ("title", &report.title)] {
            if let Some(value) = value {
                out.push((root.key("state_report").key(key), value.clone()));
            }
        }
    }
    for (i, o) in s.organisations.iter().enumerate() {
        out.push((root.key("organisations").index(i).key("name"), o.name.clone()));
        if let Some(short) = &o.short {
            out.push((root.key("organisations").index(i).key("short"), short.clone()));
        }
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
        let p = root.key("sources").index(i);
        out.push((p.key("title"), src.title.clone()));
        for (key, value) in
            [("author", &src.author), ("publisher", &src.publisher), ("symbol", &src.symbol), ("short", &src.short)]
        {
            if let Some(v) = value {
                out.push((p.key(key), v.clone()));
            }
        }
    }
    for (i, a) in s.annexes.iter().enumerate() {
        out.push((root.key("annexes").index(i).key("title"), a.title.clone()));
    }
    for (place, md) in crate::load::markdown_places(loaded) {
        out.push((place, md.text.clone()));
    }
    out
}

/// Whether a web or e-mail address uses a domain reserved for examples (RFC 2606):
/// `example.org`, `example.com`, `example.net` or anything under `.example`.
pub fn is_example_address(address: &str) -> bool {
    let rest = address.trim();
    let rest = rest.split_once("://").map_or(rest, |(_, r)| r);
    let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or("").to_ascii_lowercase();
    let host = host.trim_end_matches('.');
    ["example.org", "example.com", "example.net"].iter().any(|d| host == *d || host.ends_with(&format!(".{d}")))
        || host == "example"
        || host.ends_with(".example")
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

/// The two-letter language codes of ISO 639-1 (the deprecated `bh` left out).
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy \
    da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii \
    ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr \
    ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl \
    sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// What is wrong with a `language:` value, as a message and a hint; `None` when it is an
/// ISO 639-1 code.
fn language_problem(lang: &str) -> Option<(String, String)> {
    let lower = lang.trim().to_lowercase();
    let known = |code: &str| code.len() == 2 && ISO_639_1.split_whitespace().any(|c| c == code);
    if known(lang) {
        return None;
    }
    if known(&lower) {
        return Some((
            format!("`{lang}` is written in capitals, but language codes are lower case"),
            format!("write `language: {lower}`"),
        ));
    }
    let by_name = [
        ("english", "en"),
        ("french", "fr"),
        ("français", "fr"),
        ("francais", "fr"),
        ("spanish", "es"),
        ("español", "es"),
        ("espanol", "es"),
        ("russian", "ru"),
        ("русский", "ru"),
        ("arabic", "ar"),
        ("chinese", "zh"),
        ("portuguese", "pt"),
        ("german", "de"),
    ];
    if let Some((_, code)) = by_name.iter().find(|(name, _)| *name == lower) {
        return Some((
            format!("`{lang}` is a language name; Amicus wants its two-letter code"),
            format!("write `language: {code}`"),
        ));
    }
    if lower.len() == 2 && lower.chars().all(|c| c.is_ascii_lowercase()) {
        return Some((
            format!("`{lang}` is not a language code (ISO 639-1)"),
            "e.g. `en` English, `fr` French, `es` Spanish, `ru` Russian, `ar` Arabic, `zh` Chinese".into(),
        ));
    }
    Some((format!("`{lang}` is not a two-letter language code"), "e.g. `en`, `fr`, `es`, `ru`".into()))
}

/// The message and hint for a text that should be a `YYYY-MM-DD` date: what is impossible
/// about it when it has the right shape, the expected shape otherwise.
fn date_problem(text: &str) -> (String, String) {
    match Date::why_not(text) {
        Some(why) => (format!("`{text}` is not a date: {why}"), "correct the day or the month".into()),
        None => (format!("`{text}` is not a date"), "write the date as YYYY-MM-DD, e.g. 2025-05-26".into()),
    }
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
    fn abbreviations_are_found_as_words_only() {
        assert!(uses_term("The CCPR said (CCPR/C/KAZ/CO/2).", "CCPR"));
        assert!(uses_term("CAT.", "CAT"));
        assert!(!uses_term("A CATEGORY of its own", "CAT"));
        assert!(!uses_term("the ccpr", "CCPR"));
        assert!(uses_term("l’ONU", "ONU"));
    }

    #[test]
    fn ids_are_suggested_from_text() {
        assert_eq!(suggest_id("Migrant detention!"), "migrant-detention");
    }

    #[test]
    fn example_addresses_are_recognised() {
        assert!(is_example_address("https://example.org"));
        assert!(is_example_address("https://www.example.com/report?x=1"));
        assert!(is_example_address("contact@example.org"));
        assert!(is_example_address("http://ngo.example/"));
        assert!(!is_example_address("https://globaldetentionproject.org"));
        assert!(!is_example_address("https://counterexample.org"));
        assert!(!is_example_address("info@rights-centre.test"));
    }

    #[test]
    fn languages_are_iso_codes_in_lower_case() {
        assert!(language_problem("en").is_none());
        assert!(language_problem("ES").unwrap().1.contains("`language: es`"));
        assert!(language_problem("xx").unwrap().0.contains("not a language code"));
        assert!(language_problem("English").unwrap().1.contains("`language: en`"));
    }
}
