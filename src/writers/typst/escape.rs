//! Rule sets A (markup context) and S (string-literal context) from tech-notes §2.3. The
//! quotation marks of each language are chosen before, by [`crate::doc::typography`].

use crate::doc::typography::{Quotes, typographic_quotes};

/// Escapes plain text for a Typst *markup* position (rule set A), quotes kept straight.
///
/// The same as [`escape_markup_quoted`] with [`Quotes::LITERAL`].
pub fn escape_markup(text: &str, out: &mut String) {
    out.reserve(text.len() + text.len() / 4);
    let mut first = true;
    for c in text.chars() {
        match c {
            '\r' => continue,
            // Typst's lexer treats all of these as newlines; two in a row would be a paragraph
            // break, so they become plain spaces like `\n`.
            '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push(' '),
            '\\' | '#' | '$' | '*' | '_' | '`' | '<' | '@' | '[' | ']' | '~' | '=' | '-' | '+' | '/' | '.' | '\''
            | '"' => {
                out.push('\\');
                out.push(c);
            }
            '(' | ';' if first => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        // No-break spaces at the start (the French space before `;`) keep a `(` or `;` after
        // them first.
        first = first && matches!(c, '\u{a0}' | '\u{202f}');
    }
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
    if quotes == Quotes::LITERAL {
        escape_markup(text, out);
    } else {
        escape_markup(&typographic_quotes(text, quotes, before), out);
    }
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
    string_literal(&typographic_quotes(text, quotes, None))
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
