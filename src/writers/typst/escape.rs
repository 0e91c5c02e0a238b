//! Rule sets A (markup context) and S (string-literal context) from tech-notes §2.3, and the
//! typographic quotation marks of each language, applied on the way through rule set A.

/// The quotation marks and apostrophe of a language, which straight `"` and `'` in user text
/// become (see [`escape_markup_quoted`]).
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

/// Escapes plain text for a Typst *markup* position (rule set A), quotes kept straight.
///
/// The same as [`escape_markup_quoted`] with [`Quotes::LITERAL`].
pub fn escape_markup(text: &str, out: &mut String) {
    escape_markup_quoted(text, Quotes::LITERAL, None, out);
}

/// Escapes plain text for a Typst *markup* position (rule set A), with the quotation marks
/// and apostrophe of a language.
///
/// The rules are context-free, so the result is safe wherever markup is expected (line start,
/// after `#emph[..]`, inside a heading, a list item, a table cell, `*strong*`, …):
///
/// - every `` \ # $ * _ ` < @ [ ] ~ = - + / . `` gets a backslash, wherever it occurs, and so do
///   `'` and `"` when `quotes` is [`Quotes::LITERAL`];
/// - otherwise `"` and `'` become the language's quotation marks or apostrophe, chosen by the
///   character before them (`before` is the character just before the text, if the caller
///   knows it): `"` after white space, an opening bracket or a dash opens, anywhere else it
///   closes (a `"` between spaces closes too, when punctuation or the end follows); `'` after a
///   letter or digit is an apostrophe. In French, `«` and `»` (typed or made from `"`) get a
///   no-break space inside, replacing any space typed there, and `;` `!` `?` get a thin
///   no-break space before them and `:` a no-break space (when they end a phrase: `10:30` and
///   `http://` are left alone), and a space between groups of three digits ("9 240") becomes a
///   thin no-break space;
/// - `(` and `;` get one only as the first character of the value (no-break spaces before
///   them aside), where they could otherwise continue or end a code expression that the
///   template put just before the value;
/// - line feeds and the other characters Typst treats as line breaks become a space and `\r` is
///   dropped, because values are inline: a blank line would end the surrounding element;
/// - letters, digits and whitespace are never escaped, and no backslash ever precedes
///   whitespace (that would be a Typst line break).
///
/// The output parses as nothing but `Text`, `Space` and `Escape` nodes and renders as the
/// input, line breaks turned into spaces and quotes into the language's. The result is
/// appended to `out`.
pub fn escape_markup_quoted(text: &str, quotes: Quotes, before: Option<char>, out: &mut String) {
    quote_and_escape(text, quotes, before, true, out);
}

/// The one implementation of [`escape_markup_quoted`] (`markup`) and of the quotes alone, for
/// string literals ([`string_literal_quoted`]).
fn quote_and_escape(text: &str, quotes: Quotes, before: Option<char>, markup: bool, out: &mut String) {
    out.reserve(text.len() + text.len() / 4);
    let start = out.len();
    let mut first = true;
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
            '\r' if markup => continue,
            // Typst's lexer treats all of these as newlines; two in a row would be a paragraph
            // break, so they become plain spaces like `\n`.
            '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' if markup => {
                out.push(' ');
                prev = Some(' ');
            }
            '"' | '\'' if !quotes.literal => {
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
                if first && markup && c == ';' {
                    out.push('\\');
                }
                out.push(c);
                prev = Some(c);
            }
            '\\' | '#' | '$' | '*' | '_' | '`' | '<' | '@' | '[' | ']' | '~' | '=' | '-' | '+' | '/' | '.' | '\''
            | '"'
                if markup =>
            {
                out.push('\\');
                out.push(c);
                prev = Some(c);
            }
            '(' | ';' if first && markup => {
                out.push('\\');
                out.push(c);
                prev = Some(c);
            }
            _ => {
                out.push(c);
                prev = Some(c);
            }
        }
        // No-break spaces at the start (the French space before `;`) keep a `(` or `;` after
        // them first: the same text escapes alike whether its marks and spaces were chosen
        // here or before, by [`typographic_quotes`] (the document model's text).
        first = first && matches!(c, '\u{a0}' | '\u{202f}');
    }
}

/// `text` with the quotation marks and apostrophe of a language and nothing escaped: the
/// same choice of marks as [`escape_markup_quoted`] makes, for writers of other formats (Word),
/// which escape for their own format afterwards. `before` is the character printed just
/// before the text, if known.
pub fn typographic_quotes(text: &str, quotes: Quotes, before: Option<char>) -> String {
    let mut out = String::with_capacity(text.len());
    quote_and_escape(text, quotes, before, false, &mut out);
    out
}

/// Convenience form of [`escape_markup`] that returns a new string.
pub fn escape_markup_string(text: &str) -> String {
    let mut out = String::new();
    escape_markup(text, &mut out);
    out
}

/// Convenience form of [`escape_markup_quoted`] that returns a new string.
pub fn escape_markup_quoted_string(text: &str, quotes: Quotes) -> String {
    let mut out = String::new();
    escape_markup_quoted(text, quotes, None, &mut out);
    out
}

/// Returns a complete Typst string literal, quotes included, whose value is `text` (rule set S).
///
/// Use it wherever Typst expects an expression: `#set document(title: ..)`, `#link(..)`,
/// `#raw(..)`, dictionary keys. Only `\`, `"`, line feed, carriage return and tab are escaped;
/// every other character may appear verbatim inside a Typst string.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_string_literal(text, &mut out);
    out
}

/// A complete Typst string literal whose value is `text` with the quotation marks and
/// apostrophe of a language (see [`escape_markup_quoted`]): for document metadata, so that the
/// PDF's title reads like the title printed on its cover.
pub fn string_literal_quoted(text: &str, quotes: Quotes) -> String {
    let mut quoted = String::with_capacity(text.len());
    quote_and_escape(text, quotes, None, false, &mut quoted);
    string_literal(&quoted)
}

/// Appends the string literal for `text` to `out` (see [`string_literal`]).
pub(crate) fn push_string_literal(text: &str, out: &mut String) {
    out.reserve(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            _ => out.push(c),
        }
    }
    out.push('"');
}
