//! Rule sets A and S: golden output, syntax, and text read back after compiling.

use super::world::{compile_text, normalize, squash};
use super::{HOSTILE, assert_only_text};
use crate::markup::{escape_markup, escape_markup_string, string_literal};

/// Compiles `body` on a page as wide as its content, so text never wraps.
fn compile_inline(body: &str) -> Result<String, Vec<String>> {
    compile_text(&format!("#set page(width: auto, height: auto, margin: 2pt)\n{body}"))
}

#[test]
fn escapes_every_special_character_everywhere() {
    assert_eq!(escape_markup_string("#read(\"/etc/passwd\")"), r#"\#read(\"\/etc\/passwd\")"#);
    assert_eq!(escape_markup_string("a_b*c*"), r"a\_b\*c\*");
    assert_eq!(escape_markup_string("$100 50%"), r"\$100 50%");
    assert_eq!(escape_markup_string("user@example.org <label>"), r"user\@example\.org \<label>");
    assert_eq!(escape_markup_string("= - + / . ~"), r"\= \- \+ \/ \. \~");
    assert_eq!(escape_markup_string("`'\"[]"), r#"\`\'\"\[\]"#);
    assert_eq!(escape_markup_string("https://x.org"), r"https:\/\/x\.org");
}

#[test]
fn escapes_paren_and_semicolon_only_at_the_start() {
    assert_eq!(escape_markup_string("(x)"), r"\(x)");
    assert_eq!(escape_markup_string(";x;"), r"\;x;");
    assert_eq!(escape_markup_string("f(x); g"), "f(x); g");
    // A dropped carriage return does not count as the first character.
    assert_eq!(escape_markup_string("\r(x"), r"\(x");
}

#[test]
fn backslashes_are_doubled_and_never_precede_whitespace() {
    assert_eq!(escape_markup_string("a\\b"), r"a\\b");
    assert_eq!(escape_markup_string("trailing\\"), r"trailing\\");
    assert_eq!(escape_markup_string("\\u{41}"), r"\\u{41}");
    for value in HOSTILE {
        let escaped = escape_markup_string(value);
        let chars: Vec<char> = escaped.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if chars[i] == '\\' {
                let next = chars.get(i + 1);
                assert!(
                    next.is_some_and(|c| !c.is_whitespace()),
                    "backslash before whitespace or at the end in {escaped:?}"
                );
                i += 1;
            }
            i += 1;
        }
    }
}

#[test]
fn line_breaks_become_spaces() {
    assert_eq!(escape_markup_string("a\nb"), "a b");
    assert_eq!(escape_markup_string("a\r\nb"), "a b");
    assert_eq!(escape_markup_string("a\n\nb"), "a  b");
    assert_eq!(escape_markup_string("a\u{2028}\u{2029}b"), "a  b");
}

#[test]
fn appends_to_the_buffer() {
    let mut out = String::from("= ");
    escape_markup("#x", &mut out);
    assert_eq!(out, r"= \#x");
}

#[test]
fn hostile_values_parse_as_text_only() {
    for value in HOSTILE {
        assert_only_text(&escape_markup_string(value));
    }
}

#[test]
fn hostile_values_compile_and_read_back_literally() {
    for value in HOSTILE {
        let escaped = escape_markup_string(value);
        let text = compile_inline(&escaped).unwrap_or_else(|e| panic!("{value:?} escaped as {escaped:?}: {e:?}"));
        assert_eq!(normalize(&text), normalize(&value.replace('\r', "")), "escaped as {escaped:?}");
    }
}

/// The escaped value must also survive the places a template puts it (tech-notes §2.3).
#[test]
fn hostile_values_survive_template_contexts() {
    let contexts = [
        "{}",
        "Before {} after",
        "#emph[a]{}",
        "#block[{}]",
        "= {}",
        "- {}",
        "+ {}",
        "*{}*",
        "_{}_",
        "/ Term: {}",
        "#table(columns: 2, [{}], [x])",
        "line\n{}",
    ];
    for value in HOSTILE {
        let escaped = escape_markup_string(value);
        if escaped.trim().is_empty() {
            // `*{}*` with nothing inside is the template's problem (Typst warns), not ours.
            continue;
        }
        for context in contexts {
            let source = context.replace("{}", &escaped);
            let text = compile_inline(&source).unwrap_or_else(|e| panic!("{value:?} in {context:?}: {e:?}\n{source}"));
            assert!(
                squash(&text).contains(&squash(&normalize(&value.replace('\r', "")))),
                "{value:?} in {context:?} read back as {text:?}"
            );
        }
    }
}

#[test]
fn string_literal_golden() {
    assert_eq!(string_literal("plain"), r#""plain""#);
    assert_eq!(string_literal(r#"a "b" \c"#), r#""a \"b\" \\c""#);
    assert_eq!(string_literal("1\n2\r3\t4"), r#""1\n2\r3\t4""#);
    assert_eq!(string_literal("\\"), r#""\\""#);
    assert_eq!(string_literal(""), r#""""#);
}

/// Reads the literal back code point by code point, so nothing is lost or added.
#[test]
fn string_literal_round_trips_exactly() {
    for value in HOSTILE.iter().copied().chain(["\u{0}nul", "tab\tand\rcr", "#\"\\\"#", "\\u{41}\\n"]) {
        let literal = string_literal(value);
        let source = format!("#{literal}.codepoints().map(c => str(c.to-unicode())).join(\",\")");
        let expected: Vec<String> = value.chars().map(|c| u32::from(c).to_string()).collect();
        let text = compile_inline(&source).unwrap_or_else(|e| panic!("{value:?} as {literal}: {e:?}"));
        assert_eq!(text, expected.join(","), "{value:?} as {literal}");
    }
}
