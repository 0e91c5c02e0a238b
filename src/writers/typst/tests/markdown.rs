//! Markdown to Typst: one golden test per node type, footnotes and sources, problems, word
//! counts, and compiled text.

use std::collections::BTreeMap;

use super::world::{compile_text, normalize, squash};
use crate::doc::Inline;
use crate::doc::word_count::count_words;
use crate::writers::typst::{
    Converted, MarkdownOptions, MarkupProblem, Severity, WordCount, inlines_to_typst, markdown_to_typst,
};

/// Converts with no sources and no heading offset.
fn md(markdown: &str) -> Converted {
    markdown_to_typst(markdown, &MarkdownOptions::new(&BTreeMap::new()))
}

/// Converts and returns only the Typst, asserting there were no problems.
fn typ(markdown: &str) -> String {
    let converted = md(markdown);
    assert_eq!(converted.problems, [], "problems for {markdown:?}");
    converted.typst
}

/// Two sources, as `prepare` would pass them.
fn sources() -> BTreeMap<String, Vec<Inline>> {
    BTreeMap::from([
        (
            "hrw-2023".to_owned(),
            vec![
                Inline::text("Human Rights Watch, "),
                Inline::Emph(vec![Inline::text("World Report 2023")]),
                Inline::text(", "),
                Inline::Link { url: "https://hrw.org".into(), content: vec![Inline::text("hrw.org")] },
                Inline::text("."),
            ],
        ),
        ("A/HRC/52/12".to_owned(), vec![Inline::text("UN Doc. A/HRC/52/12")]),
    ])
}

/// Compiles converted Typst and returns its text, failing on any diagnostic.
fn compiled(typst: &str) -> String {
    compile_text(typst).unwrap_or_else(|e| panic!("{e:?}\n--- source ---\n{typst}"))
}

#[test]
fn empty_input_gives_empty_output() {
    let converted = md("");
    assert_eq!(converted.typst, "");
    assert_eq!(converted.words, WordCount::default());
    assert_eq!(md("\n\n  \n").typst, "");
}

#[test]
fn paragraphs_and_soft_breaks() {
    assert_eq!(typ("Hello world"), "Hello world\n");
    assert_eq!(typ("one\n\ntwo"), "one\n\ntwo\n");
    assert_eq!(typ("one\ntwo"), "one\ntwo\n");
}

#[test]
fn hard_line_breaks() {
    assert_eq!(typ("one  \ntwo"), "one#linebreak();two\n");
    assert_eq!(typ("one\\\ntwo"), "one#linebreak();two\n");
}

#[test]
fn emphasis_strong_strikethrough() {
    assert_eq!(typ("*a* **b** ~~c~~ ***d***"), "#emph[a]; #strong[b]; #strike[c]; #emph[#strong[d];];\n");
}

#[test]
fn text_after_a_function_stays_text() {
    assert_eq!(typ("*a*(b)"), "#emph[a];\\(b)\n");
    assert_eq!(typ("*a*.b"), "#emph[a];\\.b\n");
    assert_eq!(typ("*a*[b]"), "#emph[a];\\[b\\]\n");
    assert_eq!(typ("`a`;b"), "#raw(\"a\");\\;b\n");
}

#[test]
fn headings_get_the_offset() {
    assert_eq!(typ("# Title"), "#heading(level: 1)[Title];\n");
    let sources = BTreeMap::new();
    let opts = MarkdownOptions::new(&sources).with_heading_offset(2);
    assert_eq!(
        markdown_to_typst("# Title\n\n###### Deep", &opts).typst,
        "#heading(level: 3)[Title];\n\n#heading(level: 8)[Deep];\n"
    );
    let lifted = MarkdownOptions::new(&sources).with_heading_offset(-1);
    assert_eq!(
        markdown_to_typst("### Three\n\n# One", &lifted).typst,
        "#heading(level: 2)[Three];\n\n#heading(level: 1)[One];\n",
        "a negative offset lifts headings, never below level 1"
    );
    assert_eq!(typ("Setext\n======"), "#heading(level: 1)[Setext];\n");
    assert_eq!(typ("# A *b* #c"), "#heading(level: 1)[A #emph[b]; \\#c];\n");
}

#[test]
fn block_quotes() {
    assert_eq!(typ("> quoted"), "#quote(block: true)[quoted];\n");
    assert_eq!(typ("> one\n>\n> two"), "#quote(block: true)[one\n\ntwo];\n");
}

#[test]
fn bullet_lists() {
    assert_eq!(typ("- a\n- b"), "#list(tight: true, [a], [b]);\n");
    assert_eq!(typ("* a\n\n* b"), "#list(tight: false, [a], [b]);\n");
    assert_eq!(typ("- a\n  - b"), "#list(tight: true, [a\n#list(tight: true, [b]);]);\n");
}

#[test]
fn ordered_lists() {
    assert_eq!(typ("3. a\n4. b"), "#enum(start: 3, tight: true, [a], [b]);\n");
    assert_eq!(typ("1) a"), "#enum(start: 1, numbering: \"1)\", tight: true, [a]);\n");
}

#[test]
fn task_lists() {
    assert_eq!(typ("- [x] done\n- [ ] open"), "#list(tight: true, [☑ done], [☐ open]);\n");
}

#[test]
fn code_blocks() {
    assert_eq!(typ("```rust\nfn main() {}\n```"), "#raw(block: true, lang: \"rust\", \"fn main() {}\");\n");
    assert_eq!(typ("```\n#panic() \"q\" \\\n```"), "#raw(block: true, \"#panic() \\\"q\\\" \\\\\");\n");
    assert_eq!(typ("    indented\n    code"), "#raw(block: true, \"indented\\ncode\");\n");
    assert_eq!(typ("~~~ \"x\" more\ncode\n~~~"), "#raw(block: true, lang: \"\\\"x\\\"\", \"code\");\n");
}

#[test]
fn inline_code() {
    assert_eq!(typ("`a\"b\\`"), "#raw(\"a\\\"b\\\\\");\n");
    assert_eq!(typ("x `#y` z"), "x #raw(\"#y\"); z\n");
}

#[test]
fn raw_html_is_text() {
    // Printed as written, and reported once per line, so the author is not surprised.
    for (html, typst, hint) in [
        ("<b>x</b>", "\\<b>x\\<\\/b>\n", "write Markdown instead"),
        ("<label>", "\\<label>\n", "write Markdown instead"),
        ("<div>\n*x*\n</div>", "\\<div> \\*x\\* \\<\\/div>\n", "write Markdown instead"),
        ("<!-- c -->", "\\<!\\-\\- c \\-\\->\n", "a comment is printed"),
    ] {
        let converted = md(html);
        assert_eq!(converted.typst, typst);
        assert_eq!(converted.problems.len(), 1, "{html:?}: {:?}", converted.problems);
        let p = &converted.problems[0];
        assert_eq!((p.line, p.column, p.severity), (1, 1, Severity::Warning));
        assert!(p.message.starts_with("HTML is not read here"), "{}", p.message);
        assert!(p.hint.as_deref().unwrap_or("").starts_with(hint), "{:?}", p.hint);
    }
}

#[test]
fn thematic_breaks() {
    assert_eq!(typ("a\n\n---\n\nb"), "a\n\n#divider();\n\nb\n");
    assert_eq!(typ("***"), "#divider();\n");
}

#[test]
fn tables() {
    assert_eq!(
        typ("| a | b | c | d |\n|:--|--:|:-:|---|\n| 1 | 2 | *3* | `4` |\n| 5 |"),
        "#table(columns: 4, align: (left, right, center, start, ),\n  \
         table.header([#strong[a];], [#strong[b];], [#strong[c];], [#strong[d];]),\n  \
         [1], [2], [#emph[3];], [#raw(\"4\");],\n  \
         [5], [], [], [],\n);\n"
    );
}

#[test]
fn links() {
    assert_eq!(typ("[the *report*](https://x.org/a?b=c)"), "#link(\"https://x.org/a?b=c\")[the #emph[report];];\n");
    assert_eq!(typ("[q](https://x.org/\"\\\\)"), "#link(\"https://x.org/\\\"\\\\\")[q];\n");
    // One link policy: an address without http(s) or mailto is text, with a warning.
    let relative = md("[rel](#section)");
    assert_eq!(relative.typst, "rel\n");
    assert!(relative.problems[0].message.contains("`#section` is not a full web address"), "{relative:?}");
}

#[test]
fn autolinks() {
    assert_eq!(typ("see https://x.org."), "see #link(\"https://x.org\")[https:\\/\\/x\\.org];\\.\n");
    assert_eq!(typ("mail user@example.org"), "mail #link(\"mailto:user@example.org\")[user\\@example\\.org];\n");
    assert_eq!(typ("<https://x.org>"), "#link(\"https://x.org\")[https:\\/\\/x\\.org];\n");
    assert_eq!(typ("www.x.org"), "#link(\"http://www.x.org\")[www\\.x\\.org];\n");
}

#[test]
fn unsafe_links_become_text_with_a_warning() {
    for (markdown, scheme) in [
        ("[click](javascript:alert(1))", "javascript"),
        ("[click]( JavaScript:alert(1))", "javascript"),
        ("[click](<java\tscript:x>)", "javascript"),
        ("[click](file:///etc/passwd)", "file"),
        ("[click](data:text/html,x)", "data"),
        ("[click](VBScript:x)", "vbscript"),
        ("[click](ms-settings:privacy)", "ms-settings"),
        ("[click](example.org/report)", "example.org/report"),
        ("[click](../secret.pdf)", "../secret.pdf"),
    ] {
        let converted = md(markdown);
        assert_eq!(converted.typst, "click\n", "{markdown}");
        assert_eq!(converted.problems.len(), 1, "{markdown}");
        let problem = &converted.problems[0];
        assert_eq!((problem.line, problem.column, problem.severity), (1, 1, Severity::Warning));
        assert!(problem.message.contains(scheme), "{problem:?}");
    }
    let converted = md("[nothing]()");
    assert_eq!(converted.typst, "nothing\n");
    assert_eq!(converted.problems[0].severity, Severity::Warning);
}

#[test]
fn images_show_their_description_with_a_warning() {
    let converted = md("A chart: ![Arrests *by* year](chart.png \"t\")");
    assert_eq!(converted.typst, "A chart: \\[Arrests by year\\]\n");
    assert_eq!(
        converted.problems,
        [MarkupProblem {
            line: 1,
            column: 10,
            severity: Severity::Warning,
            message: "images are not supported yet; `chart.png` is shown as [Arrests by year]".to_owned(),
            hint: Some("describe the image in words, or remove it".to_owned()),
        }]
    );
    assert_eq!(md("![](x.png)").typst, "\\[image\\]\n");
}

#[test]
fn footnotes_defined_in_the_markdown() {
    let converted = md("Claim[^1]. More.\n\n[^1]: The *note*.\n");
    assert_eq!(converted.typst, "Claim#footnote[The #emph[note];\\.];\\. More\\.\n");
    assert_eq!(converted.problems, []);
    assert!(converted.used_sources.is_empty());
}

#[test]
fn repeated_footnotes_reuse_a_label() {
    let converted = md("A[^n] B[^n] C[^n]\n\n[^n]: Note.");
    let typst = &converted.typst;
    let label_start = typst.find("]<").expect("label") + 2;
    let label = &typst[label_start..typst[label_start..].find('>').unwrap() + label_start];
    assert!(label.starts_with("amicus-fn-") && label.len() == 26, "{label}");
    assert_eq!(
        *typst,
        format!("A#footnote[Note\\.]<{label}> B#footnote(label(\"{label}\")); C#footnote(label(\"{label}\"));\n")
    );
    // Same text, same label; another prefix, another label.
    assert_eq!(md("A[^n] B[^n] C[^n]\n\n[^n]: Note.").typst, *typst);
    let sources = BTreeMap::new();
    let other = markdown_to_typst(
        "A[^n] B[^n] C[^n]\n\n[^n]: Note.",
        &MarkdownOptions::new(&sources).with_label_prefix("findings[1].body"),
    );
    assert!(!other.typst.contains(label));
    // Read back: one footnote, numbered once, referenced three times.
    let text = compiled(typst);
    assert_eq!(squash(&text), "A1B1C11Note.");
}

#[test]
fn footnotes_cite_sources() {
    let sources = sources();
    let opts = MarkdownOptions::new(&sources);
    let converted = markdown_to_typst("Abuses[^hrw-2023] continue[^A/HRC/52/12].", &opts);
    assert_eq!(
        converted.typst,
        format!(
            "Abuses#footnote[{}]; continue#footnote[{}];\\.\n",
            inlines_to_typst(&sources["hrw-2023"]),
            inlines_to_typst(&sources["A/HRC/52/12"])
        )
    );
    assert_eq!(converted.problems, []);
    assert_eq!(converted.used_sources.iter().collect::<Vec<_>>(), ["A/HRC/52/12", "hrw-2023"]);
    assert_eq!(converted.words, WordCount { body: 2, footnotes: 7 + 3 });
    let text = compiled(&converted.typst);
    assert_eq!(
        normalize(&text),
        // Footnote numbers sit on the baseline of their entry, so no space is read back.
        "Abuses1 continue2. 1Human Rights Watch, World Report 2023, hrw.org. 2UN Doc. A/HRC/52/12"
    );
}

#[test]
fn a_source_cited_twice_is_one_footnote() {
    let sources = sources();
    let converted = markdown_to_typst("One[^hrw-2023]. Two[^hrw-2023].", &MarkdownOptions::new(&sources));
    assert_eq!(converted.typst.matches("#footnote[").count(), 1);
    assert_eq!(converted.typst.matches("#footnote(label(").count(), 1);
    assert_eq!(converted.words.footnotes, 7);
    let text = compiled(&converted.typst);
    assert_eq!(squash(&text), squash("One1. Two1. 1 Human Rights Watch, World Report 2023, hrw.org."));
}

#[test]
fn a_markdown_definition_beats_a_source_of_the_same_id() {
    let sources = sources();
    let opts = MarkdownOptions::new(&sources);
    for markdown in ["X[^hrw-2023]\n\n[^hrw-2023]: Mine.", "X[^hrw-2023]\n\n[^HRW-2023]: Mine."] {
        let converted = markdown_to_typst(markdown, &opts);
        assert_eq!(converted.typst, "X#footnote[Mine\\.];\n", "{markdown}");
        assert!(converted.used_sources.is_empty());
        assert_eq!(converted.problems, []);
    }
}

#[test]
fn source_references_are_case_insensitive_like_markdown() {
    let sources = sources();
    let converted = markdown_to_typst("X[^HRW-2023]", &MarkdownOptions::new(&sources));
    assert!(converted.used_sources.contains("hrw-2023"));
    assert!(converted.typst.contains("World Report"));
}

#[test]
fn unresolved_footnotes_are_errors_with_a_hint() {
    let sources = sources();
    let opts = MarkdownOptions::new(&sources);
    let converted = markdown_to_typst("First line.\n\nБыло так[^hrw-2032] и[^zzz].", &opts);
    assert_eq!(converted.typst, "First line\\.\n\nБыло так\\[^hrw\\-2032\\] и\\[^zzz\\]\\.\n");
    assert_eq!(
        converted.problems,
        [
            MarkupProblem {
                line: 3,
                column: 9,
                severity: Severity::Error,
                message: "footnote [^hrw-2032] has no definition and no source with id `hrw-2032`".to_owned(),
                hint: Some("did you mean `hrw-2023`?".to_owned()),
            },
            MarkupProblem {
                line: 3,
                column: 22,
                severity: Severity::Error,
                message: "footnote [^zzz] has no definition and no source with id `zzz`".to_owned(),
                hint: Some(
                    "add a definition line `[^zzz]: …` or a source with id `zzz`; 2 source(s) are known".to_owned()
                ),
            },
        ]
    );
    let converted = md("x[^1]");
    assert_eq!(converted.problems.len(), 1);
    assert_eq!(converted.problems[0].hint.as_deref(), Some("add a definition line `[^1]: …` below the paragraph"));
}

#[test]
fn unresolved_footnotes_are_located_after_entities_and_escapes() {
    for (markdown, column) in
        [("&amp; \\* [^x]", 10), ("\\\\[^x]", 3), ("`c` *e* [^x]", 9), ("[a](https://x.org) [^x]", 20)]
    {
        let converted = md(markdown);
        let found: Vec<_> = converted.problems.iter().map(|p| (p.line, p.column)).collect();
        assert_eq!(found, [(1, column)], "{markdown:?}");
    }
}

#[test]
fn hints_suggest_close_source_ids() {
    let sources = sources();
    let opts = MarkdownOptions::new(&sources);
    for (markdown, hint) in [
        ("[^HRW-2022]", "did you mean `hrw-2023`?"),
        ("[^hrw]", "did you mean `hrw-2023`?"),
        ("[^A/HRC/52/1]", "did you mean `A/HRC/52/12`?"),
    ] {
        let converted = markdown_to_typst(markdown, &opts);
        assert_eq!(converted.problems[0].hint.as_deref(), Some(hint), "{markdown}");
    }
}

#[test]
fn escaped_footnote_syntax_is_not_a_problem() {
    let converted = md("Write \\[^x] to cite x.");
    assert_eq!(converted.problems, []);
    assert_eq!(converted.typst, "Write \\[^x\\] to cite x\\.\n");
    assert_eq!(md("`[^x]`").problems, []);
}

#[test]
fn synthetic_definitions_do_not_move_problems() {
    let sources = sources();
    let opts = MarkdownOptions::new(&sources);
    for markdown in ["a[^hrw-2023]\n\nb[^nope]", "a[^hrw-2023]\n\nb[^nope]\n", "a[^hrw-2023]\r\n\r\nb[^nope]\r\n"] {
        let converted = markdown_to_typst(markdown, &opts);
        let lines: Vec<_> = converted.problems.iter().map(|p| (p.line, p.column)).collect();
        assert_eq!(lines, [(3, 2)], "{markdown:?}");
    }
}

#[test]
fn blocks_left_open_at_the_end_do_not_swallow_sources() {
    let sources = sources();
    let opts = MarkdownOptions::new(&sources);
    let converted = markdown_to_typst("Cited[^hrw-2023].\n\n```\nunclosed code", &opts);
    assert_eq!(
        converted.typst,
        format!(
            "Cited#footnote[{}];\\.\n\n#raw(block: true, \"unclosed code\");\n",
            inlines_to_typst(&sources["hrw-2023"])
        )
    );
    let converted = markdown_to_typst("Cited[^hrw-2023].\n\n<!-- open\ncomment", &opts);
    assert!(converted.typst.contains("#footnote[Human"), "{}", converted.typst);
    assert!(converted.typst.ends_with("\\<!\\-\\- open comment\n"), "{}", converted.typst);
    // The comment is printed, and said so; the sources after it are not swallowed.
    assert_eq!(converted.problems.iter().map(|p| p.line).collect::<Vec<_>>(), [3]);
}

#[test]
fn unused_and_duplicate_definitions_are_warnings() {
    let converted = md("Text[^b].\n\n[^a]: Unused.\n\n[^b]: First.\n\n[^b]: Second.");
    assert_eq!(converted.typst, "Text#footnote[Second\\.];\\.\n");
    let found: Vec<_> = converted.problems.iter().map(|p| (p.line, p.column, p.severity, p.message.as_str())).collect();
    assert_eq!(
        found,
        [
            (3, 1, Severity::Warning, "footnote [^a] is defined but never referenced"),
            (5, 1, Severity::Warning, "footnote [^b] is defined more than once"),
        ]
    );
}

#[test]
fn a_footnote_referring_to_itself_does_not_loop() {
    let converted = md("X[^a]\n\n[^a]: See [^a].");
    // comrak counts the inner reference, so the footnote gets a (harmless, unused) label.
    assert!(converted.typst.starts_with("X#footnote[See \\[^a\\]\\.]"), "{}", converted.typst);
    assert_eq!(converted.problems.len(), 1);
    compiled(&converted.typst);
}

#[test]
fn footnotes_inside_footnotes_compile() {
    let sources = sources();
    let converted = markdown_to_typst("X[^a] Y[^a]\n\n[^a]: Note citing[^hrw-2023].", &MarkdownOptions::new(&sources));
    assert_eq!(converted.problems, []);
    let text = compiled(&converted.typst);
    assert!(squash(&text).contains("X1Y1"), "{text}");
    assert!(text.contains("World Report"), "{text}");
}

#[test]
fn word_counts() {
    assert_eq!(count_words(""), 0);
    assert_eq!(count_words("  one two\tthree\nfour "), 4);
    assert_eq!(count_words("human-rights — § 5 % ..."), 2);
    // Chinese and Japanese: one word per character, as Microsoft Word counts them.
    assert_eq!(count_words("人权事务委员会"), 7);
    assert_eq!(count_words("人权2025年"), 4);
    assert_eq!(count_words("《公民权利和政治权利国际公约》第14条。"), 16);
    assert_eq!(count_words("CCPR/C/KAZ/CO/2 第20段"), 4);
    assert_eq!(count_words("ひらがな カタカナ"), 8);
    // Korean has spaces between words; Russian and Arabic are counted like English.
    assert_eq!(count_words("인권 위원회"), 2);
    assert_eq!(count_words("Комитет по правам человека"), 4);
    assert_eq!(count_words("اللجنة المعنية بحقوق الإنسان"), 4);
    assert_eq!(count_words("Кириллица и ещё"), 3);
    let converted = md(
        "# Title here\n\nBody *with*emphasis[^1] and `code`.\n\n- item one\n\n| a | b |\n|---|---|\n| c d | e |\n\n[^1]: Three note words.",
    );
    assert_eq!(converted.words, WordCount { body: 2 + 4 + 2 + 2 + 3, footnotes: 3 });
}

/// Every node type in one document; it must compile without diagnostics and read back.
#[test]
fn a_document_with_every_node_type_compiles() {
    let sources = sources();
    let markdown = "\
# Heading *one*

Paragraph with **strong**, *emph*, ~~struck~~, `code`, a [link](https://x.org),
an autolink https://y.org and a hard\\
break.[^n] Cited.[^hrw-2023]

> A quote.
>
> - in a list

1. first
2. second
   - [x] done
   - [ ] open

```python
print(\"#hi\")
```

<div>raw html</div>

---

| left | right |
|:-----|------:|
| 1    | 2     |

![alt text](x.png)

[^n]: Footnote with `code`.
";
    let converted = markdown_to_typst(markdown, &MarkdownOptions::new(&sources).with_heading_offset(1));
    let text = compiled(&converted.typst);
    for expected in [
        "Heading one",
        "Paragraph with strong, emph, struck, code, a link",
        "an autolink https://y.org and a hard",
        "A quote.",
        "in a list",
        "first",
        "done",
        "print(\"#hi\")",
        "<div>raw html</div>",
        "left",
        "[alt text]",
        "Footnote with code.",
        "World Report 2023",
    ] {
        assert!(normalize(&text).contains(expected), "{expected:?} not in {text:?}");
    }
    assert_eq!(
        converted.problems.iter().map(|p| p.line).collect::<Vec<_>>(),
        [20, 28],
        "only the raw HTML and the image are problems"
    );
}

/// Hostile text in Markdown paragraphs: compiles, and reads back as the reader should see it.
#[test]
fn hostile_markdown_paragraphs_read_back() {
    let cases = [
        // Straight quotes are printed as typographic ones (English by default).
        ("#read(\"/etc/passwd\")", "#read(“/etc/passwd”)"),
        ("$100 and 50%", "$100 and 50%"),
        ("<label> and @ref", "<label> and @ref"),
        ("a_b*c*", "a_bc"),
        ("= heading", "= heading"),
        ("\\- not a list", "- not a list"),
        ("// not a comment /* x */", "// not a comment /* x */"),
        ("back\\slash and trailing\\", "back\\slash and trailing\\"),
        ("\"quotes\" 'single' day's", "“quotes” ‘single’ day’s"),
        ("\"*emphasis* inside\" and *\"out*side\"", "“emphasis inside” and “outside”"),
        ("emoji 😀 Кириллица", "emoji 😀 Кириллица"),
        ("1\\. x", "1. x"),
        ("\\+ x", "+ x"),
        ("/ Term: x", "/ Term: x"),
        ("#{panic()}", "#{panic()}"),
        ("(x", "(x"),
        (";x", ";x"),
        (".x", ".x"),
        ("--- ... -- -5 -?", "--- ... -- -5 -?"),
        ("~ \\u{41}", "~ \\u{41}"),
        ("x\\\n(y)", "x (y)"),
        ("*a*(b);c", "a(b);c"),
        ("`x`;y", "x;y"),
        ("[l](https://x.org).more", "l.more"),
    ];
    for (markdown, expected) in cases {
        let converted = md(markdown);
        let text = compiled(&converted.typst);
        // Lines are read back without a separator, so compare without whitespace.
        assert_eq!(squash(&text), squash(expected), "{markdown:?} -> {:?}", converted.typst);
    }
}

#[test]
fn task_markers_have_glyphs() {
    for c in ['☑', '☐'] {
        assert!(super::world::has_glyph(c), "no embedded font has {c}");
    }
}

/// Blocks inside footnotes, footnotes inside headings, cells and links, odd code languages:
/// combinations the property test reaches only by luck.
#[test]
fn unusual_combinations_compile() {
    let sources = sources();
    let opts = MarkdownOptions::new(&sources).with_heading_offset(1);
    for markdown in [
        "A[^a] B[^b]\n\n[^a]: First cites[^b].\n\n[^b]: Second.",
        "# Heading[^a] *again*[^a]\n\n[^a]: Note.",
        "| a[^a] | [l[^hrw-2023]](https://x.org) |\n|---|---|\n| [^a] | x |\n\n[^a]: Note.",
        "X[^a]\n\n[^a]: # Heading in a note\n\n    - list\n\n    ```\n    code\n    ```\n\n    | t |\n    |---|\n    | c |",
        "```typ\n#panic()\n```\n\n```typc\npanic()\n```\n\n```\"x\"\nq\n```\n\n```no-such-language\nx\n```",
        "- > quote in list\n  > ```\n  > code\n  > ```\n- ---\n- # heading in list",
        "1. [^a]\n\n[^a]: - list in note\n    - [x] task in note",
        "> [^hrw-2023] [^hrw-2023]\n\n***\n\n[^hrw-2023]",
        "<script>alert(1)</script>\n\n<?php echo 1; ?>\n\n<![CDATA[x]]>\n\n<!DOCTYPE html>",
    ] {
        let converted = markdown_to_typst(markdown, &opts);
        compiled(&converted.typst);
    }
}
#[test]
fn a_footnote_first_cited_inside_another_keeps_its_number() {
    let converted = md("A[^a] B[^b]\n\n[^a]: First cites[^b].\n\n[^b]: Second.");
    assert_eq!(compiled(&converted.typst), "A1 B2\n1First cites2.\n2Second.");
}

/// Targets of cross-references: a finding and its recommendation, and a withheld finding.
fn targets() -> BTreeMap<String, crate::writers::typst::XrefTarget> {
    use crate::writers::typst::XrefTarget;
    BTreeMap::from([
        (
            "detention".to_owned(),
            XrefTarget::Finding { label: "finding-detention".into(), title: "Migrant \"detention\"".into() },
        ),
        (
            "publish-statistics".to_owned(),
            XrefTarget::Recommendation { label: "rec-publish-statistics".into(), number: 3 },
        ),
        ("secret".to_owned(), XrefTarget::Withheld),
    ])
}

#[test]
fn cross_references_print_number_and_title_and_link() {
    let targets = targets();
    let sources = BTreeMap::new();
    let options = MarkdownOptions::new(&sources).with_targets(&targets);
    let c = markdown_to_typst("See [](#detention) and [](#publish-statistics), or [this part](#Detention).", &options);
    assert_eq!(c.problems, []);
    assert_eq!(
        c.typst,
        "See #finding-ref(\"finding-detention\")[Migrant “detention”]; and #rec-ref(\"rec-publish-statistics\", 3);, or #link(label(\"finding-detention\"))[this part];\\.\n"
    );
    // The title prints, and counts.
    assert_eq!(c.words.body, count_words("See Migrant detention and , or this part."));
}

#[test]
fn an_unknown_cross_reference_is_an_error_naming_the_closest_ids() {
    let targets = targets();
    let sources = BTreeMap::new();
    let options = MarkdownOptions::new(&sources).with_targets(&targets);
    let c = markdown_to_typst("Text.\n\nSee [](#detension).", &options);
    assert_eq!(c.problems.len(), 1, "{:?}", c.problems);
    let p = &c.problems[0];
    assert_eq!((p.line, p.column, p.severity), (3, 5, Severity::Error));
    assert!(p.message.contains("`detension`"), "{}", p.message);
    assert_eq!(p.hint.as_deref(), Some("did you mean `#detention`?"));
    let c = markdown_to_typst("See [the secret](#secret).", &options);
    assert!(c.problems[0].message.contains("marked confidential"), "{:?}", c.problems);
    // The text stays, unlinked.
    assert_eq!(c.typst, "See the secret\\.\n");
    // Without targets (the brief), a `#` link is only text, as before.
    assert_eq!(md("[a](#x)").problems[0].severity, Severity::Warning);
}

#[test]
fn a_lead_in_is_kept_with_its_list() {
    // A paragraph ending with a colon before a list: with a short list, one unbreakable block;
    // before a long one, a sticky lead-in. Without a colon, or without a list, plain text.
    assert_eq!(typ("We ask:\n\n- one\n- two\n"), "#keep-together[We ask:\n\n#list(tight: true, [one], [two]);];\n");
    let long: String = (0..6).map(|i| format!("- item {i}\n")).collect();
    assert!(typ(&format!("它要求：\n\n{long}")).starts_with("#lead-in[它要求：];\n\n#list("));
    assert_eq!(typ("We ask.\n\n- one\n"), "We ask\\.\n\n#list(tight: true, [one]);\n");
    assert_eq!(typ("We ask:\n"), "We ask:\n");
    // A space typed before a footnote goes: the note's number never starts a line.
    assert!(
        typ("The law [^1] says so.\n\n[^1]: A note.\n").starts_with("The law#footnote"),
        "{}",
        typ("The law [^1] says so.\n\n[^1]: A note.\n")
    );
}
