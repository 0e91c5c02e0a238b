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
