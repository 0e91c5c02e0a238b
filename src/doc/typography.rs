//! Typography: the quotation marks, apostrophe and spaces of each language, chosen once, for
//! the document model's text, before any writer escapes it for its format.
//!
//! Typst's own smart quotes are not used (the Typst writer escapes every `"`, so nothing a user
//! types is markup), and Word and HTML have none: so the choice is made here, from the
//! character before each quote, and every writer prints the same marks.

/// The quotation marks and apostrophe of a language, which straight `"` and `'` in user text
/// become (see [`typographic_quotes`]).
///
/// Typst's own smart quotes are not used: the escaper turns `"` into `\"` so that nothing a
/// user types is markup, and a value spliced into a template has no neighbours Typst could
/// look at. So the choice is made here, from the character before each quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotes {
    /// Opening and closing double quotes, spaces included (French: `«\u{a0}`, `\u{a0}»`).
    double: (&'static str, &'static str),
    /// Opening and closing single (inner) quotes.
    single: (&'static str, &'static str),
    /// The apostrophe (`day's` → `day’s`).
    apostrophe: char,
    /// Whether straight quotes are kept as typed (no typography at all).
    literal: bool,
}

impl Quotes {
    /// Straight quotes kept as typed: for text that must read back exactly (identifiers,
    /// addresses shown as text, what the author wrote quoted in a message).
    pub const LITERAL: Quotes = Quotes { double: ("\"", "\""), single: ("'", "'"), apostrophe: '\'', literal: true };
    /// English: “double” and ‘single’, apostrophe ’.
    pub const ENGLISH: Quotes =
        Quotes { double: ("“", "”"), single: ("‘", "’"), apostrophe: '’', literal: false };
    /// French: « guillemets » with a no-break space inside, “ ” for quotes inside quotes (as
    /// the Imprimerie nationale's rules and UN French documents have them).
    pub const FRENCH: Quotes =
        Quotes { double: ("«\u{a0}", "\u{a0}»"), single: ("“", "”"), apostrophe: '’', literal: false };
    /// Spanish: “ ” then ‘ ’. The RAE prefers « » first, but the United Nations' Spanish
    /// documents, which a committee reads beside the submission, use “ ” (so does
    /// CRPD/C/SLV/CO/2-3 in `tests/fixtures/real-co`): a submission matches them.
    pub const SPANISH: Quotes =
        Quotes { double: ("“", "”"), single: ("‘", "’"), apostrophe: '’', literal: false };
    /// German: „ “ and ‚ ‘.
    pub const GERMAN: Quotes =
        Quotes { double: ("„", "“"), single: ("‚", "‘"), apostrophe: '’', literal: false };
    /// Russian (and the UN's Russian documents): « » and „ “, no spaces.
    pub const RUSSIAN: Quotes =
        Quotes { double: ("«", "»"), single: ("„", "“"), apostrophe: '’', literal: false };

    /// The quotes of a language, by ISO 639-1 code (`en`, `fr`, `es` …; a region such as
    /// `fr-CH` is ignored). Languages without rules here get English quotes.
    pub fn for_language(code: &str) -> Quotes {
        let primary = code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Quotes::FRENCH,
            "es" => Quotes::SPANISH,
            "de" => Quotes::GERMAN,
            "ru" | "uk" | "be" | "kk" => Quotes::RUSSIAN,
            _ => Quotes::ENGLISH,
        }
    }

    /// Whether these are French guillemets, which take a no-break space inside.
    fn spaced(&self) -> bool {
        self.double.0.ends_with('\u{a0}')
    }
}

/// Whether a quote after `c` opens: at the start, after white space, an opening bracket, a
/// dash or slash, or another opening quote.
fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '«' | '„' | '‚' | '‹')
        }
    }
}

/// Whether `c` may follow a closing quote: the end, white space or punctuation.
fn closes_before(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '…'),
    }
}

/// Whether exactly three digits come next, then no further digit: the rest of a number
/// written in groups of three.
fn digit_group_follows(chars: &std::iter::Peekable<std::str::Chars>) -> bool {
    let mut ahead = chars.clone();
    (0..3).all(|_| ahead.next().is_some_and(|c| c.is_ascii_digit()))
        && !ahead.next().is_some_and(|c| c.is_ascii_digit())
}

/// Whether what this call wrote ends with a group of one to three digits that starts a number
/// (after a non-digit, not a letter: "9 240", not "2024 120" or "A4 100") or continues one
/// ("1 000 000").
fn digit_group_ends(out: &str, start: usize) -> bool {
    let written = &out[start..];
    let digits = written.chars().rev().take_while(char::is_ascii_digit).count();
    let before = written.chars().rev().nth(digits);
    (1..=3).contains(&digits)
        && before.is_none_or(|c| c == '\u{202f}' || !(c.is_alphanumeric() || matches!(c, '.' | ',')))
}

/// Whether a French `;`, `:`, `!` or `?` between `prev` and `next` ends a phrase and so takes a
/// no-break space before it: after a word, a closing mark or a typed space, and before a
/// space, a closing mark or the end. `10:30`, `http://`, `?q=1` and `?!` are left alone.
fn french_space_before(prev: Option<char>, next: Option<char>) -> bool {
    let after_word = prev.is_some_and(|c| !matches!(c, ';' | ':' | '!' | '?' | '(' | '[' | '«' | '“' | '‘' | '/'));
    let ends = match next {
        None => true,
        Some(c) => {
            c.is_whitespace() || matches!(c, ';' | ':' | '!' | '?' | ')' | ']' | '»' | '”' | '’' | '"' | '\'' | '…')
        }
    };
    after_word && ends
}

/// Whether what this call wrote ends with a year: four digits from 1000 to 2199, not part of a
/// longer or grouped number.
fn year_ends(out: &str, start: usize) -> bool {
    let written = &out[start..];
    let digits = written.chars().rev().take_while(char::is_ascii_digit).count();
    let before = written.chars().rev().nth(digits);
    digits == 4
        && before.is_none_or(|c| !(c.is_alphanumeric() || matches!(c, '.' | ',' | '\u{202f}' | '\u{a0}')))
        && written[written.len() - 4..].parse::<u16>().is_ok_and(|y| (1000..=2199).contains(&y))
}

/// French ordinals with superior letters, as French typography writes them: "83e" → "83ᵉ",
/// "1er" → "1ᵉʳ", "1re" → "1ʳᵉ", "2nde" → "2ⁿᵈᵉ", "XXIe" → "XXIᵉ" (the modifier letters,
/// which the embedded fonts draw as superiors; Word and browsers too). Only after a number or
/// a Roman numeral that starts a word, and before anything but a letter.
fn superior_ordinals(text: &str) -> Option<String> {
    const SUFFIXES: [(&str, &str); 10] = [
        ("ndes", "ⁿᵈᵉˢ"),
        ("nde", "ⁿᵈᵉ"),
        ("nds", "ⁿᵈˢ"),
        ("nd", "ⁿᵈ"),
        ("ers", "ᵉʳˢ"),
        ("res", "ʳᵉˢ"),
        ("er", "ᵉʳ"),
        ("re", "ʳᵉ"),
        ("es", "ᵉˢ"),
        ("e", "ᵉ"),
    ];
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let c = bytes[i];
        let roman = |b: u8| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M');
        if !(c.is_ascii_digit() || roman(c)) {
            i += 1;
            continue;
        }
        let starts_word = !text[..i].chars().next_back().is_some_and(|p| p.is_alphanumeric());
        let digits = c.is_ascii_digit();
        let mut j = i;
        while j < bytes.len() && (if digits { bytes[j].is_ascii_digit() } else { roman(bytes[j]) }) {
            j += 1;
        }
        // A Roman numeral of one letter only if it cannot be a word ("Ce", "De", "Le", "Me").
        let numeral = digits || j - i > 1 || matches!(c, b'I' | b'V' | b'X');
        if starts_word
            && numeral
            && let Some((suffix, superior)) = SUFFIXES.iter().find(|(suffix, _)| {
                text[j..].starts_with(suffix)
                    && !text[j + suffix.len()..].chars().next().is_some_and(|n| n.is_alphanumeric())
            })
        {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len() + 8));
            o.push_str(&text[copied..j]);
            o.push_str(superior);
            copied = j + suffix.len();
            i = copied;
            continue;
        }
        i = j.max(i + 1);
    }
    out.map(|mut o| {
        o.push_str(&text[copied..]);
        o
    })
}

/// Appends `text` to `out` with the quotation marks, apostrophe and spaces of `quotes` (see
/// [`typographic_quotes`]).
pub fn push_typographic(text: &str, quotes: Quotes, before: Option<char>, out: &mut String) {
    if quotes.literal {
        out.push_str(text);
        return;
    }
    out.reserve(text.len() + text.len() / 4);
    let start = out.len();
    let mut prev = before;
    let mut chars = text.chars().peekable();
    // Drops the white space this call wrote last (before a closing guillemet).
    let trim = |out: &mut String| {
        while out.len() > start && out.ends_with(|c: char| c.is_whitespace()) {
            out.pop();
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' => {
                let next = chars.peek().copied();
                let opens = opens_after(prev) && !(prev.is_some_and(char::is_whitespace) && closes_before(next));
                let mark = if c == '\'' && prev.is_some_and(char::is_alphanumeric) {
                    None
                } else if c == '"' {
                    Some(if opens { quotes.double.0 } else { quotes.double.1 })
                } else {
                    Some(if opens { quotes.single.0 } else { quotes.single.1 })
                };
                match mark {
                    None => {
                        out.push(quotes.apostrophe);
                        prev = Some(quotes.apostrophe);
                    }
                    Some(mark) => {
                        if mark.starts_with('\u{a0}') {
                            trim(out);
                        }
                        out.push_str(mark);
                        if mark.ends_with('\u{a0}') {
                            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                                chars.next();
                            }
                        }
                        prev = mark.trim_matches('\u{a0}').chars().next();
                    }
                }
            }
            '«' if quotes.spaced() => {
                out.push_str("«\u{a0}");
                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
                prev = Some('«');
            }
            '»' if quotes.spaced() => {
                trim(out);
                out.push_str("\u{a0}»");
                prev = Some('»');
            }
            // French groups the digits of large numbers with a thin no-break space ("9 240"):
            // a space typed between such groups becomes one, so a number never breaks.
            ' ' if quotes.spaced()
                && prev.is_some_and(|p| p.is_ascii_digit())
                && digit_group_follows(&chars)
                && digit_group_ends(out, start) =>
            {
                out.push('\u{202f}');
                prev = Some('\u{202f}');
            }
            // A number is never parted from what it counts, its unit or its month at a line end
            // ("24 heures", "28 novembre", "12 km", "24 %"), in every language: the space
            // after it becomes a no-break space. A year before a word ("en 2024 le …") is left
            // alone.
            ' ' if prev.is_some_and(|p| p.is_ascii_digit())
                && chars
                    .peek()
                    .is_some_and(|&n| n == '%' || n == '‰' || n.is_alphabetic() && !year_ends(out, start)) =>
            {
                out.push('\u{a0}');
                prev = Some('\u{a0}');
            }
            ';' | ':' | '!' | '?' if quotes.spaced() && french_space_before(prev, chars.peek().copied()) => {
                // French: a no-break space before the two-part marks, thin before ; ! ? and
                // word-wide before :, replacing a space typed there (Imprimerie nationale).
                trim(out);
                out.push(if c == ':' { '\u{a0}' } else { '\u{202f}' });
                out.push(c);
                prev = Some(c);
            }
            _ => {
                out.push(c);
                prev = Some(c);
            }
        }
    }
    if quotes.spaced()
        && let Some(superior) = superior_ordinals(&out[start..])
    {
        out.truncate(start);
        out.push_str(&superior);
    }
}

/// `text` with the quotation marks and apostrophe of a language, and in French the no-break
/// spaces inside guillemets, before `; : ! ?` and between groups of three digits: the one
/// typographic rule set, applied to the document model's text before any writer escapes it
/// for its format. `before` is the character printed just before the text, if known.
///
/// A `"` after white space, an opening bracket or a dash opens, anywhere else it closes (a `"`
/// between spaces closes too, when punctuation or the end follows); `'` after a letter or digit
/// is an apostrophe. French `«` and `»` (typed or made from `"`) get a no-break space inside,
/// replacing any space typed there; `;` `!` `?` get a thin no-break space before them and `:` a
/// no-break space when they end a phrase (`10:30` and `http://` are left alone); and a space
/// between groups of three digits ("9 240") becomes a thin no-break space.
pub fn typographic_quotes(text: &str, quotes: Quotes, before: Option<char>) -> String {
    let mut out = String::with_capacity(text.len());
    push_typographic(text, quotes, before, &mut out);
    out
}

/// Whether a language sets titles, quotations and emphasis in italics. Chinese, Japanese and
/// Korean have no italics (Chinese marks a title with 《 》), nor do Arabic, Persian, Urdu
/// and Hebrew: the embedded fonts for them have none, so the PDF prints them upright, and so
/// do the Word document and the web page.
pub fn has_italics(code: &str) -> bool {
    let primary = code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    !matches!(primary.as_str(), "zh" | "ja" | "ko" | "ar" | "fa" | "ur" | "he")
}

/// Where UN document symbols are in `text` (CAT/C/XYZ/CO/2, A/HRC/55/12, CRPD/C/DNK/CO/2-3):
/// a capital letter (after anything: Chinese puts no space before a symbol), capitals and digits, then one or more parts after a
/// slash, each ending with a letter or digit. The same pattern as `un-symbol` in
/// `templates/amicus.typ`. A symbol is set whole in every format (a line never breaks at one
/// of its slashes, which would leave half a symbol at the end of a line and, in right-to-left
/// text, put the halves on the wrong sides): the PDF boxes it, the Word document joins its
/// parts with a word joiner (U+2060) after each slash.
pub fn un_symbols(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_uppercase() {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let start = i;
        let mut j = i + 1;
        while j < bytes.len() && (bytes[j].is_ascii_uppercase() || bytes[j].is_ascii_digit()) {
            j += 1;
        }
        // Parts: "/" then [A-Za-z0-9.-]* ending with an alphanumeric.
        let mut end = None;
        while j < bytes.len() && bytes[j] == b'/' {
            let mut k = j + 1;
            let mut last_alnum = None;
            while k < bytes.len() && (bytes[k].is_ascii_alphanumeric() || matches!(bytes[k], b'.' | b'-')) {
                if bytes[k].is_ascii_alphanumeric() {
                    last_alnum = Some(k + 1);
                }
                k += 1;
            }
            match last_alnum {
                Some(e) => {
                    end = Some(e);
                    j = e;
                }
                None => break,
            }
        }
        match end {
            Some(e) => {
                found.push(start..e);
                i = e;
            }
            None => i = j,
        }
    }
    found
}

/// `text` with a word joiner (U+2060) after each slash of a UN document symbol (see
/// [`un_symbols`]), for a format that has no other way to keep it on one line (Word).
pub fn join_un_symbols(text: &str) -> std::borrow::Cow<'_, str> {
    let symbols = un_symbols(text);
    if symbols.iter().all(|r| !text[r.clone()].contains('/')) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 12);
    let mut at = 0;
    for r in symbols {
        out.push_str(&text[at..r.start]);
        out.push_str(&text[r.clone()].replace('/', "/\u{2060}"));
        at = r.end;
    }
    out.push_str(&text[at..]);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn un_symbols_are_found_whole() {
        let text = "(CAT/C/XYZ/CO/2، الفقرة 10), A/HRC/55/12. and CRPD/C/DNK/CO/2-3; not and/or, not I/O/";
        let found: Vec<&str> = un_symbols(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["CAT/C/XYZ/CO/2", "A/HRC/55/12", "CRPD/C/DNK/CO/2-3", "I/O"]);
        assert!(un_symbols("and/or, CAT alone, CAT/ and x/1").is_empty());
        assert_eq!(un_symbols("见CRPD/C/1"), vec![std::ops::Range { start: 3, end: 11 }]);
        assert_eq!(
            join_un_symbols("见CRPD/C/XYZ/CO/1，第35段"),
            "见CRPD/\u{2060}C/\u{2060}XYZ/\u{2060}CO/\u{2060}1，第35段"
        );
        assert!(matches!(join_un_symbols("no symbol/here"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn a_number_stays_with_what_it_counts() {
        let nb = |t: &str, q: Quotes| typographic_quotes(t, q, None);
        assert_eq!(nb("après 24 heures", Quotes::FRENCH), "après 24\u{a0}heures");
        assert_eq!(nb("le 28 novembre 2026", Quotes::FRENCH), "le 28\u{a0}novembre 2026");
        assert_eq!(nb("9 240 personnes", Quotes::FRENCH), "9\u{202f}240\u{a0}personnes");
        assert_eq!(nb("el 24 % de", Quotes::SPANISH), "el 24\u{a0}% de");
        assert_eq!(nb("74 people in 2024 were", Quotes::ENGLISH), "74\u{a0}people in 2024 were");
        assert_eq!(nb("12 km, A4 paper, 2 000 km", Quotes::ENGLISH), "12\u{a0}km, A4\u{a0}paper, 2 000\u{a0}km");
        assert_eq!(nb("24 heures", Quotes::LITERAL), "24 heures", "literal text stays as typed");
    }

    #[test]
    fn french_ordinals_take_superior_letters() {
        let fr = |t: &str| typographic_quotes(t, Quotes::FRENCH, None);
        assert_eq!(
            fr("la 83e session, le 1er mai, la 1re fois, 2nde, au XXIe siècle, la Ve République"),
            "la 83ᵉ session, le 1ᵉʳ mai, la 1ʳᵉ fois, 2ⁿᵈᵉ, au XXIᵉ siècle, la Vᵉ République"
        );
        assert_eq!(fr("Ce De Le Me 3ème A4e x2e CAT/C/1e"), "Ce De Le Me 3ème A4e x2e CAT/C/1ᵉ");
        assert_eq!(typographic_quotes("the 83e", Quotes::ENGLISH, None), "the 83e", "French only");
    }

    #[test]
    fn chinese_and_arabic_have_no_italics() {
        assert!(has_italics("en") && has_italics("fr-CH") && has_italics("ru"));
        assert!(!has_italics("zh") && !has_italics("ar") && !has_italics("zh-Hans"));
    }
}
