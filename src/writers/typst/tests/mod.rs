//! Tests of the markup module: emitted Typst (golden), text read back from compiled documents,
//! and property tests.

mod escape;
mod markdown;
mod properties;
mod world;

use typst::syntax::SyntaxKind;

/// Values that have broken Typst templates elsewhere, or that exercise one lexer rule each.
pub(crate) const HOSTILE: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "$100",
    "50%",
    "user@example.org",
    "<label>",
    "a_b*c*",
    "= heading",
    "- not a list",
    "// not a comment",
    "/* x */",
    "*/ closing",
    "back\\slash",
    "trailing\\",
    "\\",
    "\\\\ double",
    "\"double\" and 'single' quotes",
    "emoji 😀 🎉",
    "Кириллица и ещё",
    "1. x",
    "3.14 and 1.",
    "+ x",
    "/ Term: x",
    "#{panic()}",
    "#let x = 1",
    "#set text(red)",
    "#import \"x.typ\": *",
    "(x",
    ";x",
    ".x",
    "x(y);z.w[v]",
    "https://x.org",
    "http://x.org/a_b?c=d#e",
    "--- ... -- -5 -?",
    "~",
    "\\u{41}",
    "]unbalanced[",
    "`raw` and ```block```",
    "@ref",
    "<",
    "@",
    "#",
    "$",
    "x = y and a -> b :)",
    "{ } % & | ^ ! ? :",
    "\ttab and  two  spaces ",
    "line\nbreak",
    "para\n\n- list",
    "\n= heading after newline",
    "crlf\r\nline",
    "\r(x",
    "separators\u{2028}\u{2029}\u{85}\u{0B}\u{0C}here",
    "nbsp\u{a0}here",
    "controls\u{0}\u{7}\u{1b}[31m",
    "zero\u{200b}width\u{200d}joiner\u{feff}bom",
    "rtl \u{202e}override\u{202c} שלום",
    "",
    " ",
];

/// Asserts that `escaped` parses as nothing but text, spaces and escapes.
fn assert_only_text(escaped: &str) {
    let root = typst::syntax::parse(escaped);
    let diagnosis = root.diagnosis();
    assert!(!diagnosis.errors && !diagnosis.warnings, "parse diagnostics in {escaped:?}");
    assert_eq!(root.kind(), SyntaxKind::Markup);
    for child in root.children() {
        assert!(
            matches!(child.kind(), SyntaxKind::Text | SyntaxKind::Space | SyntaxKind::Escape),
            "{:?} node {:?} in {escaped:?}",
            child.kind(),
            child.leaf_text()
        );
    }
}
