//! Word counting, for the length limits treaty bodies put on submissions.

use typst::syntax::{SyntaxKind, SyntaxNode};

/// Counts the words in plain text the way a word processor does: whitespace-separated tokens
/// that contain at least one letter or digit.
///
/// So `human-rights` is one word, `—` and `§` alone are none, and `5 %` is one. Scripts written
/// without spaces (Chinese, Japanese, Thai) count one word per run, which undercounts them.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace().filter(|token| token.chars().any(char::is_alphanumeric)).count()
}

/// The text a reader sees in a piece of Typst markup, approximately.
///
/// Used to count the words of source citations, which arrive already rendered as Typst markup.
/// Text, escapes and spaces are kept, code is skipped except for content blocks inside it (so
/// `#emph[Annual report]` gives `Annual report` and the URL in `#link("https://…")[HRW]` is
/// not counted).
pub(crate) fn markup_plain_text(markup: &str) -> String {
    let root = typst::syntax::parse(markup);
    let mut out = String::new();
    collect_plain(&root, &mut out);
    out
}

/// Walks the syntax tree of [`markup_plain_text`].
fn collect_plain(node: &SyntaxNode, out: &mut String) {
    match node.kind() {
        SyntaxKind::Text => out.push_str(node.leaf_text()),
        SyntaxKind::Escape => out.push(unescape(node.leaf_text())),
        SyntaxKind::Space | SyntaxKind::Linebreak | SyntaxKind::Parbreak | SyntaxKind::Shorthand => out.push(' '),
        SyntaxKind::SmartQuote => out.push('\''),
        // String literals are arguments (URLs, options), not text the reader sees.
        SyntaxKind::Str => {}
        _ => {
            for child in node.children() {
                collect_plain(child, out);
            }
        }
    }
}

/// The character an `Escape` node stands for: `\#` is `#`, `\u{41}` is `A`.
fn unescape(escape: &str) -> char {
    if let Some(hex) = escape.strip_prefix("\\u{").and_then(|rest| rest.strip_suffix('}')) {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
    }
    escape.chars().nth(1).unwrap_or(' ')
}
