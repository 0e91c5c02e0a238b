//! Rule sets A and S: golden output, syntax, and text read back after compiling.

use super::world::{compile_text, normalize, squash};
use super::{HOSTILE, assert_only_text};
use crate::doc::typography::Quotes;
use crate::writers::typst::{
    escape_markup, escape_markup_quoted, escape_markup_quoted_string, escape_markup_string, string_literal,
    string_literal_quoted,
};

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

#[test]
fn quotes_become_the_languages_quotation_marks() {
    let en = |t: &str| escape_markup_quoted_string(t, Quotes::ENGLISH);
    assert_eq!(en("\"arreglar en casa\""), "“arreglar en casa”");
    assert_eq!(en("the day's work, the States' reports"), "the day’s work, the States’ reports");
    assert_eq!(en("he said 'no' (\"never\")."), "he said ‘no’ (“never”)\\.");
    assert_eq!(en("\"'nested'\""), "“‘nested’”");
    assert_eq!(en("a \"quote\"."), "a “quote”\\.");
    // A quote between spaces closes when punctuation or the end follows.
    assert_eq!(en("\"a \" b"), "“a ” b");
    let fr = |t: &str| escape_markup_quoted_string(t, Quotes::FRENCH);
    assert_eq!(fr("le \"médecin de quartier\" l'a dit"), "le «\u{a0}médecin de quartier\u{a0}» l’a dit");
    // Spaces typed inside, and typed guillemets, get the no-break space and no other.
    assert_eq!(fr("\" texte \" et « autre »"), "«\u{a0}texte\u{a0}» et «\u{a0}autre\u{a0}»");
    assert_eq!(fr("«texte»"), "«\u{a0}texte\u{a0}»");
    let es = |t: &str| escape_markup_quoted_string(t, Quotes::for_language("es"));
    assert_eq!(es("la \"declaratoria de incapacidad\""), "la “declaratoria de incapacidad”");
    assert_eq!(Quotes::for_language("fr-CH"), Quotes::FRENCH);
    assert_eq!(Quotes::for_language("xx"), Quotes::ENGLISH);
    // Everything else is escaped as before, and literal quotes stay escaped.
    assert_eq!(en("#read(\"/x\")"), "\\#read(“\\/x”)");
    assert_eq!(escape_markup_quoted_string("'a'", Quotes::LITERAL), "\\'a\\'");
}

#[test]
fn french_punctuation_gets_its_no_break_spaces() {
    let fr = |t: &str| escape_markup_quoted_string(t, Quotes::FRENCH);
    // Thin no-break space before ; ! ?, a word-wide one before :, whether a space was typed
    // there or not; a typed no-break space is replaced too.
    assert_eq!(fr("Pourquoi ? Parce que ; enfin !"), "Pourquoi\u{202f}? Parce que\u{202f}; enfin\u{202f}!");
    assert_eq!(fr("Pourquoi? Parce que; enfin!"), "Pourquoi\u{202f}? Parce que\u{202f}; enfin\u{202f}!");
    assert_eq!(fr("article 3 : la torture"), "article 3\u{a0}: la torture");
    assert_eq!(fr("article 3: la torture"), "article 3\u{a0}: la torture");
    assert_eq!(fr("article 3\u{a0}: la torture"), "article 3\u{a0}: la torture");
    assert_eq!(fr("«\u{a0}vraiment\u{a0}»\u{a0}?"), "«\u{a0}vraiment\u{a0}»\u{202f}?");
    // Inside words, numbers and addresses nothing changes; nor between two marks.
    assert_eq!(fr("à 10:30"), "à 10:30");
    assert_eq!(fr("https://ohchr.org?q=1"), "https:\\/\\/ohchr\\.org?q\\=1");
    assert_eq!(fr("vraiment ?!"), "vraiment\u{202f}?!");
    // A value that starts with ; keeps its escape and gets no space.
    assert_eq!(fr("; suite"), "\\; suite");
    // Groups of digits are held together by a thin no-break space; years, versions and
    // decimal numbers are not groups.
    // A number and what it counts are held together by a no-break space.
    assert_eq!(fr("9 240 détenus pour 3 310 places"), "9\u{202f}240\u{a0}détenus pour 3\u{202f}310\u{a0}places");
    assert_eq!(fr("1 000 000 de francs"), "1\u{202f}000\u{202f}000\u{a0}de francs");
    assert_eq!(
        fr("en 2024 120 personnes, 19 établissements, A4 100"),
        "en 2024 120\u{a0}personnes, 19\u{a0}établissements, A4 100"
    );
    assert_eq!(fr("3,5 000 et 12 3456"), "3,5 000\u{a0}et 12 3456");
    // Other languages are left as typed.
    assert_eq!(escape_markup_quoted_string("Why? Because: this!", Quotes::ENGLISH), "Why? Because: this!");
    assert_eq!(escape_markup_quoted_string("¿Por qué? Así: esto.", Quotes::SPANISH), "¿Por qué? Así: esto\\.");
}

#[test]
fn the_character_before_chooses_the_quote() {
    let mut out = String::new();
    escape_markup_quoted("'s and \"x\"", Quotes::ENGLISH, Some('y'), &mut out);
    assert_eq!(out, "’s and “x”");
    let mut out = String::new();
    escape_markup_quoted("\" after emphasis", Quotes::ENGLISH, Some('a'), &mut out);
    assert_eq!(out, "” after emphasis");
}

#[test]
fn quoted_text_reads_back_with_the_languages_marks() {
    for (quotes, value, expected) in [
        (Quotes::ENGLISH, "\"arreglar en casa\" and day's", "“arreglar en casa” and day’s"),
        (Quotes::FRENCH, "le \"mot\" d'ordre", "le «\u{a0}mot\u{a0}» d’ordre"),
        (Quotes::SPANISH, "la \"palabra\"", "la “palabra”"),
    ] {
        let escaped = escape_markup_quoted_string(value, quotes);
        assert_only_text(&escaped);
        assert_eq!(compile_inline(&escaped).map(|t| t.replace('\u{a0}', " ")), Ok(expected.replace('\u{a0}', " ")));
    }
}

#[test]
fn quoted_string_literals_carry_the_marks_and_nothing_else() {
    assert_eq!(string_literal_quoted("\"Title\" and day's \\ \"", Quotes::ENGLISH), "\"“Title” and day’s \\\\ ”\"");
    assert_eq!(string_literal_quoted("a\nb", Quotes::ENGLISH), "\"a\\nb\"");
}
