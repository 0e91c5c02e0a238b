//! Property tests: any text escapes to plain text that reads back literally, and any
//! Markdown-ish input converts to Typst that compiles without a diagnostic.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::assert_only_text;
use super::world::{compile_text, normalize};
use crate::doc::typography::Quotes;
use crate::writers::typst::{MarkdownOptions, escape_markup_quoted_string, escape_markup_string, markdown_to_typst};

/// Pieces of hostile text: every special character, lexer triggers, letters, digits,
/// whitespace and line breaks of all kinds, Cyrillic, accents and emoji.
const TEXT_PIECES: &[&str] = &[
    "\\", "#", "$", "*", "_", "`", "<", ">", "@", "[", "]", "~", "=", "-", "+", "/", ".", "'", "\"", "(", ")", ";",
    ":", "{", "}", "%", "&", "|", "^", "!", "?", ",", "a", "Z", "x", "7", "0", " ", "  ", "\t", "\n", "\r", "\r\n",
    "\u{2028}", "\u{a0}", "Ж", "ё", "😀", "é", "https://", "//", "/*", "*/", "...", "--", "---", "-?", "1.", "\\u{41}",
    "#let", "#read(", "<a>", "@x", "==", "+ ", "- ", "/ ", "x:",
];

/// Random hostile text.
fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TEXT_PIECES), 0..24).prop_map(|v| v.concat())
}

/// What a reader should see for `text` once escaped: line breaks are spaces, `\r` is gone.
fn expected_text(text: &str) -> String {
    normalize(&text.replace('\r', ""))
}

/// The languages whose quotation marks the escaper writes, and straight quotes.
const QUOTES: &[Quotes] = &[Quotes::ENGLISH, Quotes::FRENCH, Quotes::SPANISH, Quotes::GERMAN, Quotes::RUSSIAN];

/// `text` with every quotation mark, straight or typographic, as `Q` and without white space:
/// what is left must be the same before and after typographic quoting (French guillemets add
/// and take away spaces).
fn quotes_and_spaces_aside(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).map(|c| if "\"'“”‘’«»„‚".contains(c) { 'Q' } else { c }).collect()
}

/// Line starts of Markdown blocks.
const BLOCK_STARTS: &[&str] = &[
    "",
    "",
    "",
    "# ",
    "###### ",
    "- ",
    "* ",
    "1. ",
    "3) ",
    "> ",
    "> > ",
    "    ",
    "```",
    "~~~",
    "| a | b |",
    "|---|:-:|",
    "[^1]: ",
    "[^hrw-2023]: ",
    "- [ ] ",
    "- [x] ",
    "---",
    "<div>",
    "<!--",
    "   ",
    "\t",
    "Title\n===",
    "  - ",
];

/// Inline Markdown pieces, including every way to get a footnote, link or raw HTML.
const INLINE_PIECES: &[&str] = &[
    "text",
    "word ",
    " ",
    "*",
    "**",
    "_",
    "~~",
    "`",
    "[^1]",
    "[^hrw-2023]",
    "[^nope]",
    "[link](https://x.org)",
    "[bad](javascript:x)",
    "![img](x.png)",
    "<b>",
    "</b>",
    "https://y.org",
    "www.z.org",
    "a@b.org",
    "\\",
    "#",
    "$",
    "(",
    ")",
    ";",
    ".",
    "[",
    "]",
    "\"",
    "'",
    "Ж",
    "😀",
    "|",
    "<!--",
    "-->",
    "&amp;",
    "&#35;",
    "=",
    "+",
    "/",
    "<x>",
    "@y",
    "  \n",
    "\\\n",
];

/// Random Markdown-ish text: lines of a block start plus inline pieces, some blank.
fn markdownish() -> impl Strategy<Value = String> {
    let line = (prop::sample::select(BLOCK_STARTS), prop::collection::vec(prop::sample::select(INLINE_PIECES), 0..8))
        .prop_map(|(start, pieces)| format!("{start}{}", pieces.concat()));
    prop::collection::vec(line, 0..10).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Escaped text is nothing but text, spaces and escapes to Typst's parser.
    #[test]
    fn escaped_text_parses_as_text_only(text in hostile_text()) {
        assert_only_text(&escape_markup_string(&text));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Text escaped with any language's quotes compiles without diagnostics and reads back as
    /// the input, each quote replaced by a typographic mark and no straight quote left.
    #[test]
    fn quoted_text_reads_back_with_typographic_marks(text in hostile_text(), which in 0..QUOTES.len()) {
        let escaped = escape_markup_quoted_string(&text, QUOTES[which]);
        assert_only_text(&escaped);
        let source = format!("#set page(width: auto, height: auto, margin: 2pt)\n{escaped}");
        let read = compile_text(&source);
        prop_assert!(read.is_ok(), "{:?} in {:?}", read, escaped);
        let read = read.unwrap_or_default();
        prop_assert!(!read.contains(['"', '\'']), "a straight quote is left in {:?}", read);
        prop_assert_eq!(quotes_and_spaces_aside(&read), quotes_and_spaces_aside(&expected_text(&text)), "{:?}", escaped);
    }

    /// Escaped text compiles without diagnostics and reads back as the input.
    #[test]
    fn escaped_text_reads_back_literally(text in hostile_text()) {
        let escaped = escape_markup_string(&text);
        let source = format!("#set page(width: auto, height: auto, margin: 2pt)\n{escaped}");
        let read = compile_text(&source);
        prop_assert_eq!(read.map(|t| normalize(&t)), Ok(expected_text(&text)), "{:?}", escaped);
    }

    /// Converted Markdown always compiles without diagnostics.
    #[test]
    fn markdown_always_compiles(markdown in markdownish()) {
        let sources = BTreeMap::from([(
            "hrw-2023".to_owned(),
            vec![crate::doc::Inline::text("HRW, "), crate::doc::Inline::Emph(vec![crate::doc::Inline::text("Report")])],
        )]);
        let converted = markdown_to_typst(&markdown, &MarkdownOptions::new(&sources));
        // With the functions it calls (`lead-in`, `keep-together` …), as every template has
        // them: amicus.typ defines them and does nothing else at its top level.
        let result = compile_text(&format!("{}\n{}", include_str!("../../../../templates/amicus.typ"), converted.typst));
        prop_assert!(result.is_ok(), "{:?}\n--- typst ---\n{}", result, converted.typst);
    }
}
