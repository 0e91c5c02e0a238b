//! Rule sets A (markup context) and S (string-literal context) from tech-notes §2.3.

/// Escapes plain text for a Typst *markup* position (rule set A).
///
/// The rules are context-free, so the result is safe wherever markup is expected (line start,
/// after `#emph[..]`, inside a heading, a list item, a table cell, `*strong*`, …):
///
/// - every `` \ # $ * _ ` < @ [ ] ~ = - + / . ' " `` gets a backslash, wherever it occurs;
/// - `(` and `;` get one only as the first character of the value, where they could otherwise
///   continue or end a code expression that the template put just before the value;
/// - line feeds and the other characters Typst treats as line breaks become a space and `\r` is
///   dropped, because values are inline: a blank line would end the surrounding element;
/// - letters, digits and whitespace are never escaped, and no backslash ever precedes
///   whitespace (that would be a Typst line break).
///
/// The output parses as nothing but `Text`, `Space` and `Escape` nodes and renders as the
/// literal input (with line breaks turned into spaces). The result is appended to `out`.
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
        first = false;
    }
}

/// Convenience form of [`escape_markup`] that returns a new string.
pub fn escape_markup_string(text: &str) -> String {
    let mut out = String::new();
    escape_markup(text, &mut out);
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
