//! Values serde cannot judge: dates that are calendar dates (and in order), languages that
//! are ISO codes, article numbers the treaty has, sessions, limits, document symbols.

use super::build_needs::CHINESE_FONT_HINT;
use crate::compile::Date;
use crate::date::is_date;
use crate::load::locate::Target;
use crate::model::Committee;
use crate::model::submission::ReportPart;

impl super::Checker<'_> {
    /// `layout: {parts: […]}`: each part once, the annexes last (their numbering would run
    /// on into the parts after them), the findings kept, the cover first.
    pub(super) fn layout_parts(&mut self) {
        let Some(parts) = &self.loaded.submission.layout.parts else { return };
        let place = self.loaded.root().key("layout").key("parts");
        let mut seen = std::collections::HashSet::new();
        for (i, part) in parts.iter().enumerate() {
            let at = place.index(i);
            if !seen.insert(*part) {
                self.error(
                    &at,
                    Target::Value,
                    format!("`{}` is listed twice in `parts`", part.name()),
                    Some("list each part once".into()),
                );
            } else if *part == ReportPart::Annexes && i + 1 < parts.len() {
                self.error(
                    &at,
                    Target::Value,
                    "`annexes` must be the last part: the parts after it would be numbered as annexes".into(),
                    Some("move `annexes` to the end of `parts`".into()),
                );
            } else if *part == ReportPart::Cover && i > 0 {
                self.warning(
                    &at,
                    Target::Value,
                    "the cover is not the first part: the report opens on another part, and the cover page comes later"
                        .into(),
                    Some("move `cover` to the start of `parts`, or leave it out".into()),
                );
            }
        }
        if !parts.contains(&ReportPart::Findings) {
            self.warning(
                &place,
                Target::Value,
                "`parts` leaves out the findings: the report will print none of them".into(),
                Some("add `findings` to `parts`".into()),
            );
        }
    }

    pub(super) fn dates_and_values(&mut self) {
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
}

/// Whether a text has the shape of a UN symbol (`CCPR/C/KAZ/CO/2`, `E/C.12/…`).
pub fn looks_like_symbol(s: &str) -> bool {
    s.contains('/') && s.split('/').all(|p| !p.is_empty() && !p.contains(' '))
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
        None => (
            format!("`{text}` is not a date"),
            match Date::rewrite(text) {
                Some(how) => format!("{how}: dates are written YYYY-MM-DD"),
                None => "write the date as YYYY-MM-DD, e.g. 2025-05-26".into(),
            },
        ),
    }
}

/// `YYYY` or `YYYY-MM`.
pub(super) fn is_partial_date(v: &str) -> bool {
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
    fn languages_are_iso_codes_in_lower_case() {
        assert!(language_problem("en").is_none());
        assert!(language_problem("ES").unwrap().1.contains("`language: es`"));
        assert!(language_problem("xx").unwrap().0.contains("not a language code"));
        assert!(language_problem("English").unwrap().1.contains("`language: en`"));
    }
}
