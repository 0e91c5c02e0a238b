//! The fixed words of a report in its language.
//!
//! Every word Amicus itself prints in a report (the cover, headings, labels, dates, article and
//! paragraph lists, committee and treaty names) comes from a Fluent catalogue in `locales/`, one
//! file per language, which a translator edits without touching Rust. The catalogues are built
//! into the binary. A language without a catalogue falls back to English, and `check` says so.
//! Tests hold every catalogue to the same set of messages and keep English out of the others.

use crate::date::Date;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::{Arc, OnceLock};

/// The catalogues, by language code, English first.
pub const CATALOGUES: [(&str, &str); 6] = [
    ("en", include_str!("../locales/en.ftl")),
    ("fr", include_str!("../locales/fr.ftl")),
    ("es", include_str!("../locales/es.ftl")),
    ("ru", include_str!("../locales/ru.ftl")),
    ("ar", include_str!("../locales/ar.ftl")),
    ("zh", include_str!("../locales/zh.ftl")),
];

/// The languages Amicus has a catalogue for.
pub fn supported() -> impl Iterator<Item = &'static str> {
    CATALOGUES.iter().map(|(code, _)| *code)
}

/// Whether Amicus prints its fixed words in this language (a two-letter code).
pub fn has_catalogue(code: &str) -> bool {
    supported().any(|c| c == code)
}

/// Whether a language is written from right to left (Arabic, Hebrew, Persian, Urdu): the
/// PDF's paragraphs then run from the right and the web page says `dir="rtl"`.
pub fn right_to_left(code: &str) -> bool {
    let primary = code.split(['-', '_']).next().unwrap_or("");
    matches!(primary, "ar" | "he" | "fa" | "ur")
}

/// A value for a message's `{ $name }`.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    /// Text, printed as given and matched against `[word]` variants.
    Text(&'a str),
    /// A number, matched against `[1]` variants and plural categories, and printed as the
    /// language groups its digits ([`number`]).
    Number(i64),
    /// A year: printed as its digits, never grouped.
    Year(i32),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(text)
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

/// "yes" or "no", for the catalogues' `$plural`, `$joint` and `$upr` selectors.
pub fn yes(b: bool) -> Arg<'static> {
    Arg::Text(if b { "yes" } else { "no" })
}

/// A count as the language writes it, with its digits grouped by thousands: "10,000" (English,
/// Chinese), "10 000" with a narrow no-break space (French, Russian and Arabic, as the UN's
/// documents in those languages print figures), "10.000" (Spanish: the UN's Spanish documents
/// group with a full stop, four-digit numbers included: "las 1.013 peticiones", CED/C/21/2).
///
/// Every figure Amicus prints itself goes through here: the numbers in the catalogues' messages
/// (each bundle formats its numbers with it), the brief's tables and key figures (the
/// templates' `number` filter, the Word brief), and the word and page counts `check` and
/// `build` print. Years, article and paragraph numbers are not counts and are never grouped.
pub fn number(code: &str, n: u64) -> String {
    let separator = match code.split(['-', '_']).next().unwrap_or("") {
        "fr" | "ru" | "ar" => '\u{202f}',
        "es" => '.',
        _ => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// [`number`] as a Fluent formatter: a whole number without formatting options of its own
/// (a count in a message) is grouped as the language groups it; anything else is left to
/// Fluent. A function pointer cannot capture the language, hence one per way of grouping.
fn formatter_for<M>(code: &str) -> fn(&FluentValue, &M) -> Option<String> {
    fn grouped(value: &FluentValue, code: &str) -> Option<String> {
        let FluentValue::Number(n) = value else { return None };
        let o = &n.options;
        let plain = o.use_grouping
            && o.style == fluent_bundle::types::FluentNumberStyle::Decimal
            && o.minimum_fraction_digits.is_none_or(|d| d == 0)
            && o.maximum_fraction_digits.is_none()
            && o.minimum_integer_digits.is_none()
            && o.minimum_significant_digits.is_none()
            && o.maximum_significant_digits.is_none();
        (plain && n.value.fract() == 0.0 && (0.0..1e15).contains(&n.value)).then(|| number(code, n.value as u64))
    }
    match number(code, 1000).chars().nth(1) {
        Some('\u{202f}') => |v, _| grouped(v, "fr"),
        Some('.') => |v, _| grouped(v, "es"),
        _ => |v, _| grouped(v, "en"),
    }
}

/// Parses a Fluent catalogue, with every syntax error it has.
fn parse(source: &str) -> Result<FluentResource, String> {
    FluentResource::try_new(source.to_owned())
        .map_err(|(_, errors)| errors.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>().join("; "))
}

/// A number in upper-case Roman numerals: 1 → "I", 4 → "IV", 14 → "XIV" (annexes in every
/// language; Word's `upperRoman` and `lowerRoman` list numbers when a document is imported).
pub fn roman(mut n: usize) -> String {
    const NUMERALS: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in NUMERALS {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// The bundle of a parsed catalogue.
fn bundle(code: &'static str, resource: Arc<FluentResource>) -> Result<FluentBundle<Arc<FluentResource>>, String> {
    let lang = code.parse().map_err(|e| format!("{e}"))?;
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // Typst text, not a screen: no invisible bidi isolation marks around filled-in values.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(formatter_for(code)));
    bundle.add_builtins().map_err(|e| format!("{e:?}"))?;
    bundle.add_resource(resource).map_err(|e| e.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>().join("; "))?;
    Ok(bundle)
}

/// One language's words.
pub struct Words {
    code: &'static str,
    bundle: Arc<FluentBundle<Arc<FluentResource>>>,
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Words").field("code", &self.code).finish()
    }
}

impl Words {
    /// The words for a language code (`fr`), or English when Amicus has no catalogue for it.
    ///
    /// Each built-in catalogue is parsed, and its bundle built, once per process: citations,
    /// dates and labels ask for their language's words thousands of times in a large
    /// submission (parsing each time, then building the bundle each time, made `check` spend
    /// most of its time in Fluent). The bundle is the thread-safe one, shared by `batch`'s
    /// threads.
    pub fn new(code: &str) -> Words {
        static BUILT: [OnceLock<Arc<FluentBundle<Arc<FluentResource>>>>; CATALOGUES.len()] =
            [const { OnceLock::new() }; CATALOGUES.len()];
        let i = CATALOGUES.iter().position(|(c, _)| *c == code).unwrap_or(0);
        let (code, source) = CATALOGUES[i];
        let bundle = BUILT[i].get_or_init(|| {
            parse(source)
                .and_then(|resource| bundle(code, Arc::new(resource)))
                .map(Arc::new)
                .unwrap_or_else(|e| panic!("the built-in catalogue locales/{code}.ftl: {e}"))
        });
        Words { code, bundle: Arc::clone(bundle) }
    }

    /// Parses a catalogue.
    pub fn from_source(code: &'static str, source: &str) -> Result<Words, String> {
        Ok(Words { code, bundle: Arc::new(bundle(code, Arc::new(parse(source)?))?) })
    }

    /// The language code of these words.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The ids of every message in the catalogue.
    pub fn ids(&self) -> Vec<String> {
        let mut ids = Vec::new();
        for (_, source) in CATALOGUES.iter().filter(|(c, _)| *c == self.code) {
            if let Ok(resource) = FluentResource::try_new((*source).to_owned()) {
                for entry in resource.entries() {
                    if let fluent_syntax::ast::Entry::Message(m) = entry {
                        ids.push(m.id.name.to_owned());
                    }
                }
            }
        }
        ids
    }

    /// A message without arguments.
    pub fn get(&self, id: &str) -> String {
        self.with(id, &[])
    }

    /// A message with its arguments; problems are reported by [`Words::try_with`], which the
    /// tests run on every message of every catalogue.
    pub fn with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.try_with(id, args).unwrap_or_else(|_| id.to_owned())
    }

    /// A message with its arguments, or what is wrong with it.
    pub fn try_with(&self, id: &str, args: &[(&str, Arg)]) -> Result<String, String> {
        let message =
            self.bundle.get_message(id).ok_or_else(|| format!("no message `{id}` in locales/{}.ftl", self.code))?;
        let pattern =
            message.value().ok_or_else(|| format!("message `{id}` in locales/{}.ftl has no text", self.code))?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(t) => fluent_args.set(*name, FluentValue::from(*t)),
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
                Arg::Year(y) => fluent_args.set(*name, FluentValue::from(y.to_string())),
            }
        }
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned();
        if errors.is_empty() {
            Ok(text)
        } else {
            Err(format!(
                "message `{id}` in locales/{}.ftl: {}",
                self.code,
                errors.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>().join("; ")
            ))
        }
    }

    /// A date as the language writes it: "26 May 2025", "1er mai 2025", "26 de mayo de 2025".
    pub fn date(&self, date: Date) -> String {
        self.with("date", &date_args(date))
    }

    /// An ISO date as the language writes it; anything else as written.
    pub fn long_date(&self, iso: &str) -> String {
        Date::parse(iso).map_or_else(|| iso.to_owned(), |d| self.date(d))
    }

    /// An ISO date or a month (`2025-03`) as the language writes it ("26 mai 2025",
    /// "mars 2025"); anything else (a year, words) as written.
    pub fn any_date(&self, text: &str) -> String {
        if let Some(d) = Date::parse(text) {
            return self.date(d);
        }
        let month = text
            .split_once('-')
            .filter(|(y, m)| y.len() == 4 && m.len() == 2 && y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()))
            .and_then(|(y, m)| Some((y.parse::<i64>().ok()?, m.parse::<i64>().ok().filter(|m| (1..=12).contains(m))?)));
        match month {
            Some((year, month)) => self.with(
                "date-month-year",
                &[("month", Arg::Number(month)), ("year", Arg::Year(i32::try_from(year).unwrap_or(0)))],
            ),
            None => text.to_owned(),
        }
    }

    /// A period: "23 June – 25 July 2025", "1–5 July 2025", "30 December 2025 – 2 January 2026".
    pub fn date_range(&self, start: &str, end: &str) -> String {
        let span = |a: &str, b: &str| self.with("date-range", &[("start", Arg::Text(a)), ("end", Arg::Text(b))]);
        match (Date::parse(start), Date::parse(end)) {
            (Some(a), Some(b)) if a.year == b.year && a.month == b.month => {
                let mut args = date_args(b).to_vec();
                args.push(("start-day", Arg::Number(i64::from(a.day))));
                self.with("date-range-days", &args)
            }
            (Some(a), Some(b)) if a.year == b.year => self.with(
                "date-range-within-year",
                &[
                    ("start", Arg::Text(&self.with("date-without-year", &date_args(a)))),
                    ("end", Arg::Text(&self.date(b))),
                    ("end-short", Arg::Text(&self.with("date-without-year", &date_args(b)))),
                    ("year", Arg::Year(b.year)),
                ],
            ),
            _ => span(&self.long_date(start), &self.long_date(end)),
        }
    }

    /// A count as this language writes it ("10 000", "10.000", "10,000"): see [`number`].
    pub fn number(&self, n: usize) -> String {
        number(self.code, n as u64)
    }

    /// "144th", "144e", "144º", "144-я".
    pub fn ordinal(&self, n: u32) -> String {
        self.with("ordinal", &[("n", Arg::Number(i64::from(n)))])
    }

    /// A list joined as the language does: "2, 9 and 14", "2, 9 et 14".
    pub fn list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => {
                let init = init.join(&self.get("list-comma"));
                self.with("list-pair", &[("first", Arg::Text(&init)), ("last", Arg::Text(last))])
            }
        }
    }

    /// "Articles 2, 4 (3), 5 (a) and 14" (empty for none), from (article, paragraph, lettered
    /// item) triples.
    pub fn articles(&self, articles: &[(u16, Option<u16>, Option<char>)]) -> String {
        self.article_list("articles", articles)
    }

    /// "arts. 2, 4 (3) and 14" (empty for none).
    pub fn articles_short(&self, articles: &[(u16, Option<u16>, Option<char>)]) -> String {
        self.article_list("articles-short", articles)
    }

    /// A list of articles, each with its paragraph and lettered item as the language cites them
    /// ("4 (3)", "4 (par. 3)", "第4条第3款", "5 (a)", "5 a)", "5 (أ)"); article and paragraph
    /// numbers are never grouped.
    fn article_list(&self, id: &str, articles: &[(u16, Option<u16>, Option<char>)]) -> String {
        let paragraphs = yes(articles.iter().any(|(_, p, l)| p.is_some() || l.is_some()));
        let items = articles
            .iter()
            .map(|(a, p, l)| {
                let paragraph = p.map_or_else(|| "none".to_owned(), |p| p.to_string());
                let letter = l.map_or_else(|| "none".to_owned(), |l| self.item_letter(l));
                self.with(
                    "article-item",
                    &[
                        ("article", Arg::Text(&a.to_string())),
                        ("para", Arg::Text(&paragraph)),
                        ("letter", Arg::Text(&letter)),
                        ("any-para", paragraphs),
                    ],
                )
            })
            .collect();
        self.numbered_with(id, items, &[("any-para", paragraphs)])
    }

    /// A lettered item's letter as the language's UN documents write it: the Latin letter,
    /// or in Arabic the letter of the abjad order (a → أ, b → ب, …).
    pub fn item_letter(&self, letter: char) -> String {
        match (self.code, letter) {
            ("ar", 'a'..='z') => ABJAD[usize::from(letter as u8 - b'a')].to_owned(),
            _ => letter.to_string(),
        }
    }

    /// A message taking `$list` and `$plural` from a list of items; empty for none.
    pub fn numbered(&self, id: &str, items: Vec<String>) -> String {
        self.numbered_with(id, items, &[])
    }

    /// [`Words::numbered`] with more arguments for the message.
    fn numbered_with(&self, id: &str, items: Vec<String>, more: &[(&str, Arg)]) -> String {
        if items.is_empty() {
            return String::new();
        }
        let n = i64::try_from(items.len()).unwrap_or(i64::MAX);
        let items: Vec<String> = items.iter().map(|i| self.with("numbered-item", &[("item", Arg::Text(i))])).collect();
        let list = self.list(&items);
        let mut args = vec![("list", Arg::Text(&list)), ("plural", yes(items.len() > 1)), ("n", Arg::Number(n))];
        args.extend_from_slice(more);
        self.with(id, &args)
    }
}

/// The letters of lettered items in UN Arabic documents, in the abjad order, for a to z.
pub const ABJAD: [&str; 26] = [
    "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق", "ر", "ش", "ت", "ث",
    "خ", "ذ", "ض",
];

/// A date's day and month as numbers (the catalogues choose words by them: "1er", "mars") and
/// its year as text: a year is a name, never a count grouped by thousands ("2025", not "2 025").
fn date_args(date: Date) -> [(&'static str, Arg<'static>); 3] {
    [
        ("day", Arg::Number(i64::from(date.day))),
        ("month", Arg::Number(i64::from(date.month))),
        ("year", Arg::Year(date.year)),
    ]
}

/// "Ibid." and the words around the note number of a short citation ("Kun.uz, above n 6."),
/// in a language, from its catalogue: every writer prints them the same.
pub(crate) fn ibid_above(language: &str) -> (String, (String, String)) {
    let words = Words::new(language);
    (words.get("note-ibid"), note_above(&words))
}

/// Amicus's own words in brackets, in a language (`paren`): before and after them,
/// (" (", ")"), in Chinese the full-width ("（", "）").
pub(crate) fn paren(words: &Words) -> (String, String) {
    let pattern = words.with("paren", &[("what", Arg::Text("\u{1}"))]);
    match pattern.split_once('\u{1}') {
        Some((open, close)) => (open.to_owned(), close.to_owned()),
        None => (" (".to_owned(), ")".to_owned()),
    }
}

/// The space between text that ends with punctuation (a colon, a full stop) and what follows
/// it, for every writer: " " after ":" (and after the French "\u{a0}:"), nothing after a
/// full-width mark ("：", "。", which hold their own space).
pub fn space_after(colon: &str) -> &'static str {
    let full_width = |c: char| matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}');
    if colon.ends_with(full_width) { "" } else { " " }
}

/// How a numbered caption begins, in a language: what is called a table and a figure, what
/// goes between that word and the number, and between the number and the caption (`table`,
/// `figure`, `caption`): "Table\u{a0}1: …", "Tableau\u{a0}1\u{a0}: …", "表1：…". Every writer
/// numbers captions with these.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CaptionWords {
    /// "Table".
    pub table: String,
    /// "Figure".
    pub figure: String,
    /// Between the word and the number: a no-break space, nothing in Chinese.
    pub gap: String,
    /// Between the number and the caption: ": ", in French "\u{a0}: ", in Chinese "：".
    pub separator: String,
}

impl CaptionWords {
    /// The caption words of a language, from its catalogue.
    pub fn new(words: &Words) -> CaptionWords {
        let pattern = words.with(
            "caption",
            &[("word", Arg::Text("\u{1}")), ("number", Arg::Text("\u{2}")), ("caption", Arg::Text("\u{3}"))],
        );
        let (gap, separator) = pattern
            .split_once('\u{1}')
            .and_then(|(_, rest)| rest.split_once('\u{2}'))
            .and_then(|(gap, rest)| rest.split_once('\u{3}').map(|(sep, _)| (gap.to_owned(), sep.to_owned())))
            .unwrap_or_else(|| ("\u{a0}".to_owned(), ": ".to_owned()));
        CaptionWords { table: words.get("table"), figure: words.get("figure"), gap, separator }
    }

    /// What goes before a caption's text: "Table\u{a0}2: " (`figure`: a figure's).
    pub fn label(&self, figure: bool, number: &str) -> String {
        let word = if figure { &self.figure } else { &self.table };
        format!("{word}{}{number}{}", self.gap, self.separator)
    }
}

/// The words between a short citation and its note number, and after the number
/// (`note-above`: (", above n\u{a0}", "."); Chinese ("，前注", "。")).
pub(crate) fn note_above(words: &Words) -> (String, String) {
    let pattern = words.with("note-above", &[("citation", Arg::Text("\u{1}")), ("n", Arg::Text("\u{2}"))]);
    match pattern.split_once('\u{1}').and_then(|(_, rest)| rest.split_once('\u{2}')) {
        Some((between, after)) => (between.to_owned(), after.to_owned()),
        None => (", ".to_owned(), ".".to_owned()),
    }
}

#[cfg(test)]
mod tests;
