//! Ids and what points at them: every id unique and well formed, every reference to a
//! finding, recommendation, source, annex or abbreviation pointing somewhere, every source
//! cited and every abbreviation used.

use super::placeholders::text_fields;
use super::values::{is_partial_date, looks_like_symbol};
use crate::compile::Date;
use crate::date::is_date;
use crate::load::Place;
use crate::load::locate::Target;
use crate::load::prose::Prepared;
use crate::model::parse_citations;
use std::collections::{BTreeMap, BTreeSet};

impl super::Checker<'_> {
    pub(super) fn ids_and_references(&mut self, prepared: &Prepared) {
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
                        None => (
                            format!("`{v}` is not a date"),
                            match Date::rewrite(v) {
                                Some(how) => format!("{how}: dates are written YYYY-MM-DD, YYYY-MM or YYYY"),
                                None => "write dates as YYYY-MM-DD, YYYY-MM or YYYY".into(),
                            },
                        ),
                    };
                    self.error(&p.key(key), Target::Value, message, Some(hint));
                }
            }
        }
    }

    /// Annex ids (a cross-reference target, so distinct from findings' and recommendations'),
    /// and abbreviations that the text never uses.
    pub(super) fn annexes_and_abbreviations(&mut self) {
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

    pub(super) fn check_id(&mut self, id: &str, place: &Place, what: &str) {
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

/// A usable id made from a text: lower case, hyphens.
fn suggest_id(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    // Accents dropped, not the letter: `ley-género` → `ley-genero`.
    for c in text.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() { "finding-1".into() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_with_accents_is_suggested_without_them() {
        assert_eq!(suggest_id("ley-género"), "ley-genero");
        assert_eq!(suggest_id("Niñez Élevée"), "ninez-elevee");
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
}
