//! A new advocate's first hour, through the real CLI: what `check` accepts `build` builds,
//! the wizard, help texts, `-o report.pdf`, `--strict`, template overrides, closed pipes,
//! words that run into the margin, numbered paragraphs and the UPR.
//!
//! Outputs are compared with golden files in `tests/golden/first-hour/` (AMICUS_BLESS=1
//! rewrites them; review the diff). Timings and temporary paths are taken out first.

mod common;

use common::{amicus, copy_dir, golden, root, run_in, text, transcript};
use proptest::prelude::*;
use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};

/// The golden file of a test.
fn golden_path(name: &str) -> std::path::PathBuf {
    root().join("tests/golden/first-hour").join(format!("{name}.txt"))
}

/// Everything the user saw, with the parts that change from run to run (timings, the
/// temporary folder) taken out.
fn seen(out: &Output, work: &Path) -> String {
    transcript(out).into_iter().map(|l| l.replace(&work.display().to_string(), "<work>")).collect::<Vec<_>>().join("\n")
        + "\n"
}

/// A copy of the base fixture in `work/name`, with `edit` applied to its submission.yaml.
fn base_with(work: &Path, name: &str, edit: impl Fn(String) -> String) {
    let dir = work.join(name);
    copy_dir(&root().join("tests/fixtures/base"), &dir);
    let yaml = std::fs::read_to_string(dir.join("submission.yaml")).unwrap();
    std::fs::write(dir.join("submission.yaml"), edit(yaml)).unwrap();
}

/// The PDF's text with runs of white space squashed to one space.
fn pdf_words(pdf: &Path) -> String {
    let t = common::pdf_text(&std::fs::read(pdf).unwrap());
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_source_cited_in_a_heading_builds_and_prints_one_footnote() {
    let work = tempfile::tempdir().unwrap();
    base_with(work.path(), "s", |y| {
        y.replace(
            "      Detention lasts for months.[^report]\n",
            "      ## Raids and deportations[^report]\n\n      Detention lasts for months.[^report]\n",
        )
    });
    let check = run_in(work.path(), &["check", "s"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
    let out = run_in(work.path(), &["build", "s", "-o", "out"]);
    golden(&golden_path("source-cited-in-a-heading"), &seen(&out, work.path()));
    assert!(out.status.success());
    let words = pdf_words(&work.path().join("out/report.pdf"));
    // Footnotes from the summary, the heading and the text: the first in full, the next two
    // "Ibid." (later citations are short); the list of sources has it once more; none from
    // the contents, whose entry carries no footnote number.
    assert_eq!(words.matches("Annual report 2024").count(), 2, "{words}");
    assert!(words.contains("2 Ibid.") && words.contains("3 Ibid."), "{words}");
    assert!(words.contains("4.1 Raids and deportations . ."), "{words}");
    assert!(words.contains("4.1 Raids and deportations 2 Detention lasts for months. 3"), "{words}");
}

/// Pieces of Markdown that have broken builds: footnotes in headings, lists, tables and
/// quotes, repeated footnotes, local definitions, HTML, characters Typst reserves.
const PIECES: &[&str] = &[
    "## Raids and deportations[^report]",
    "# A first-level heading with *emphasis*[^local]",
    "### A deep heading `code`",
    "Detention lasts for months.[^report] It is renewed.[^report]",
    "Families are not told.[^local] Lawyers are refused.[^local]",
    "- an item citing a source[^report]\n- an item citing a note[^local]",
    "1. first\n2. second with **strong** text",
    "| Year | People |\n|---|---|\n| 2024 | 1,240[^report] |",
    "> A quoted statement.[^report]",
    "Characters Typst reserves: # $ @ * _ ` < > [ ] = - + / \\ ~ 50% 1. (a)",
    "Raw HTML <b>bold</b> and a <!-- comment -->",
    "A link to [the report](https://rights-centre.test/report) and <https://rights-centre.test>.",
    "[^local]: An interview in Almaty, March 2025.",
    "```\ncode block # not a heading\n```",
    "***",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// The rule `check` promises: anything it accepts without errors, `build` builds.
    #[test]
    fn whatever_check_accepts_build_builds(
        body in prop::collection::vec(prop::sample::select(PIECES), 1..8),
        summary in prop::collection::vec(prop::sample::select(PIECES), 1..4),
    ) {
        let work = tempfile::tempdir().unwrap();
        let indent = |pieces: &[&str], by: &str| -> String {
            pieces.iter().flat_map(|p| p.lines().chain(std::iter::once(""))).map(|l| if l.is_empty() { String::new() } else { format!("{by}{l}") }).collect::<Vec<_>>().join("\n")
        };
        let body = indent(&body, "      ");
        let summary = indent(&summary, "  ");
        base_with(work.path(), "s", |y| {
            y.replace("      Detention lasts for months.[^report]\n\n      A second paragraph.", &body)
                .replace("  Migrants are detained without due process.[^report]", &summary)
        });
        let folder = work.path().join("s");
        let (diagnostics, _, _) = amicus::pipeline::check::check_folder(&folder);
        let errors: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
        if errors.is_empty() {
            let options = amicus::pipeline::build::Options {
                folder: folder.clone(),
                out_dir: Some(work.path().join("out")),
                standard: amicus::compile::PdfStandardChoice::None,
                version: None,
                formats: None,
                with_pdf: false,
            };
            let built = amicus::pipeline::build::build(&options);
            prop_assert!(built.is_ok(), "check accepted, build failed: {:?}", built.err().map(|f| f.diagnostics));
        }
    }
}

#[test]
fn numbered_paragraphs_start_with_the_body_and_skip_lists_tables_and_quotes() {
    let work = tempfile::tempdir().unwrap();
    base_with(work.path(), "n", |y| {
        y.replace("confidentiality: public", "confidentiality: public\nlayout: {numbered_paragraphs: true}").replace(
            "      A second paragraph.",
            "      A second paragraph.\n\n      - a listed point\n\n      - another listed point\n\n      | Year | People |\n      |---|---|\n      | 2024 | 1,240 |\n\n      > A quoted statement.\n\n      A third paragraph.",
        )
    });
    let out = run_in(work.path(), &["build", "n", "-o", "out"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let words = pdf_words(&work.path().join("out/report.pdf"));
    // The cover (first page) carries no numbers at all.
    let cover = words.split("Contents").next().unwrap();
    assert!(
        !cover.split(' ').any(|w| w.len() <= 3 && w.ends_with('.') && w[..w.len() - 1].parse::<u32>().is_ok()),
        "{cover}"
    );
    assert!(words.contains("1. The Example Rights Centre documents"), "{words}");
    assert!(words.contains("5. A second paragraph."), "{words}");
    assert!(words.contains("6. A third paragraph."), "{words}");
    assert!(!words.contains(". a listed point") && !words.contains(". A quoted statement"), "{words}");
}

#[test]
fn the_upr_scaffold_builds_with_numbered_paragraphs_and_a_word_limit() {
    let work = tempfile::tempdir().unwrap();
    let out = run_in(
        work.path(),
        &[
            "new",
            "upr",
            "--committee",
            "UPR",
            "--state",
            "Peru",
            "--session",
            "45",
            "--organisation",
            "Demus",
            "--no-input",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let yaml = std::fs::read_to_string(work.path().join("upr/submission.yaml")).unwrap();
    assert!(
        yaml.contains("# A submission to the Universal Periodic Review (UPR) of the Human Rights Council"),
        "{yaml}"
    );
    assert!(yaml.contains("words:\n  limit: 2815"), "{yaml}");
    assert!(yaml.contains("numbered_paragraphs: true"), "{yaml}");
    let finding = std::fs::read_to_string(work.path().join("upr/findings/10-first-finding.yaml")).unwrap();
    assert!(!finding.contains("\narticles:"), "{finding}");
    let check = run_in(work.path(), &["check", "--diagnostic-format", "short", "upr"]);
    golden(&golden_path("upr-scaffold-check"), &seen(&check, work.path()));
    let build = run_in(work.path(), &["build", "upr", "-o", "out"]);
    assert!(build.status.success(), "{}", text(&build.stderr));
    let words = pdf_words(&work.path().join("out/report.pdf"));
    assert!(words.contains("1. TODO Who you are"), "{words}");
    assert!(words.contains("We suggest that reviewing States recommend that Peru:"), "{words}");
}

#[test]
fn build_help_describes_the_folder_and_the_pdf_name() {
    let out = amicus().args(["build", "--help"]).output().unwrap();
    golden(&golden_path("build-help"), &text(&out.stdout));
    assert!(!text(&out.stdout).contains("concluding-observations"));
}

#[test]
fn output_ending_in_pdf_names_the_pdf() {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/base"), &work.path().join("s"));
    let out = run_in(work.path(), &["build", "s", "-o", "peru-cedaw.pdf"]);
    golden(&golden_path("output-named-pdf"), &seen(&out, work.path()));
    assert!(work.path().join("peru-cedaw.pdf").is_file());
    assert!(work.path().join("peru-cedaw.typ").is_file());
    let brief = run_in(work.path(), &["brief", "s", "-o", "brief.pdf"]);
    assert_eq!(brief.status.code(), Some(2));
    assert!(text(&brief.stderr).contains("names their folder"), "{}", text(&brief.stderr));
}

#[test]
fn check_strict_fails_on_warnings() {
    let work = tempfile::tempdir().unwrap();
    base_with(work.path(), "s", |y| y.replace("text: Publish disaggregated", "text: TODO Publish disaggregated"));
    let lenient = run_in(work.path(), &["check", "--diagnostic-format", "short", "s"]);
    assert_eq!(lenient.status.code(), Some(0));
    let strict = run_in(work.path(), &["check", "--strict", "--diagnostic-format", "short", "s"]);
    golden(&golden_path("check-strict"), &seen(&strict, work.path()));
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn build_says_which_templates_of_yours_it_used() {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/base"), &work.path().join("s"));
    std::fs::create_dir_all(work.path().join("s/templates")).unwrap();
    let report = std::fs::read_to_string(root().join("templates/report.typ")).unwrap();
    std::fs::write(work.path().join("s/templates/report.typ"), &report).unwrap();
    std::fs::write(work.path().join("s/templates/amicsu.typ"), "// a typo\n").unwrap();
    let out = run_in(work.path(), &["build", "s", "-o", "out"]);
    golden(&golden_path("templates-used"), &seen(&out, work.path()));
    assert!(out.status.success());
}

#[test]
fn a_word_too_long_for_the_line_is_reported_where_it_was_written() {
    let work = tempfile::tempdir().unwrap();
    base_with(work.path(), "s", |y| {
        y.replace("      A second paragraph.", &format!("      A second paragraph: {}.", "x".repeat(120)))
    });
    let out = run_in(work.path(), &["build", "s", "-o", "out"]);
    golden(&golden_path("overfull-line"), &seen(&out, work.path()));
    assert!(out.status.success());
}

/// Runs amicus with its standard output closed before it writes, as `| head -0` would.
fn with_closed_stdout(args: &[&str], dir: &Path) -> Output {
    let mut child = amicus()
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/invalid/many-problems-at-once"), &work.path().join("s"));
    for args in [
        &["check", "s"][..],
        &["completions", "bash"],
        &["schema"],
        &["new", "fresh", "--no-input"],
        &["template", "report.typ"],
    ] {
        let out = with_closed_stdout(args, work.path());
        assert_eq!(text(&out.stderr), "", "{args:?} printed on standard error");
        assert!(matches!(out.status.code(), Some(0 | 1)), "{args:?}: {:?}", out.status);
    }
}

/// Runs `amicus new` with answers piped on standard input.
fn new_with_answers(dir: &Path, folder: &str, answers: &str) -> Output {
    let mut child = amicus()
        .current_dir(dir)
        .args(["new", folder])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(answers.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn the_wizard_reads_piped_answers_and_refuses_what_it_cannot_use() {
    let work = tempfile::tempdir().unwrap();
    let good = new_with_answers(work.path(), "peru", "CEDAW\nPeru\n93\nDemus\n\n");
    let typo = new_with_answers(work.path(), "typo", "CEDEW\n");
    let words = new_with_answers(work.path(), "words", "CEDAW\nPeru\nninety-three\n");
    let all = format!(
        "{}== typo ==\n{}== words ==\n{}",
        seen(&good, work.path()),
        seen(&typo, work.path()),
        seen(&words, work.path())
    );
    golden(&golden_path("wizard-piped"), &all);
    let yaml = std::fs::read_to_string(work.path().join("peru/submission.yaml")).unwrap();
    assert!(yaml.contains("committee: CEDAW") && yaml.contains("number: 93") && yaml.contains("\"Demus\""), "{yaml}");
    assert!(!work.path().join("typo").exists() && !work.path().join("words").exists());
}

// Issue 27: what a new advocate still tripped over, each through the real CLI.

/// Writes `text` to `work/name/relative`.
fn write(work: &Path, name: &str, relative: &str, text: &str) {
    let path = work.join(name).join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn prose_with_a_colon_is_told_to_use_a_block_and_quoted_paragraphs_are_not_joined_silently() {
    let work = tempfile::tempdir().unwrap();
    // The summary as first written: a `:` in a text without `|`.
    let plain = "summary: The State has not consulted us: organisations of persons with disabilities\n  were not heard.[^report]\n\n  A second paragraph.\n";
    base_with(work.path(), "colon", |y| {
        y.replace("summary: |\n  Migrants are detained without due process.[^report]\n", plain)
    });
    // Then as the old hint said: in double quotes, where the blank line folds to one line
    // break and Markdown joins the two paragraphs; and a list in a single-quoted body.
    base_with(work.path(), "quoted", |y| {
        y.replace(
            "summary: |\n  Migrants are detained without due process.[^report]\n",
            &plain.replace("summary: The", "summary: \"The").replace("paragraph.\n", "paragraph.\"\n"),
        )
        .replace(
            "    body: |\n      Several laws govern migration.\n",
            "    body: 'Several laws govern migration:\n      - the Migration Act;\n      - the Code.'\n",
        )
    });
    let colon = run_in(work.path(), &["check", "colon"]);
    let quoted = run_in(work.path(), &["check", "--diagnostic-format", "short", "quoted"]);
    assert_eq!(colon.status.code(), Some(1));
    assert_eq!(quoted.status.code(), Some(0));
    golden(
        &golden_path("prose-colon-and-quotes"),
        &format!("{}== quoted ==\n{}", seen(&colon, work.path()), seen(&quoted, work.path())),
    );
    // What the hint says to write reads the two paragraphs as two.
    base_with(work.path(), "block", |y| {
        y.replace(
            "summary: |\n  Migrants are detained without due process.[^report]\n",
            &plain.replace("summary: The", "summary: |\n  The"),
        )
    });
    let block = run_in(work.path(), &["check", "--diagnostic-format", "short", "block"]);
    assert_eq!(text(&block.stdout), "", "{}", text(&block.stderr));
}

#[test]
fn a_tab_is_named_and_sources_cited_only_in_an_unread_finding_are_not_called_unused() {
    let work = tempfile::tempdir().unwrap();
    base_with(work.path(), "s", |y| {
        y + "  - id: census\n    title: Census of special schools\n    publisher: Ministry of Education\n    date: \"2024\"\n  - id: unused\n    title: A source nobody cites\n    publisher: Nobody\n    date: \"2024\"\n"
    });
    // The finding's body, citing `census`, lives in a Markdown file; its YAML has a tab.
    write(work.path(), "s", "findings/education.md", "Children are refused at the school gate.[^census]\n");
    write(
        work.path(),
        "s",
        "findings/30-education.yaml",
        "id: education\ntitle: Education\narticles: [24]\nbody: {file: findings/education.md}\nrecommendations:\n\t- id: inclusive-schools\n    text: Admit every child to the local school.\n",
    );
    let out = run_in(work.path(), &["check", "s"]);
    golden(&golden_path("tab-and-unread-citations"), &seen(&out, work.path()));
    let shown = text(&out.stdout) + &text(&out.stderr);
    assert!(shown.contains("use spaces, not tabs"), "{shown}");
    assert!(!shown.contains("`census` is never cited"), "{shown}");
    assert!(shown.contains("`unused` is never cited"), "{shown}");
}

/// The Markdown file named from the finding's own folder (`file: education.md` beside
/// `findings/30-education.yaml`) is not found: the hint says what to write, and no source
/// is called unused while that text is unread, with the YAML read or not.
#[test]
fn a_markdown_file_named_from_the_findings_folder_gets_the_path_to_write_and_no_unused_sources() {
    let work = tempfile::tempdir().unwrap();
    for (name, indent) in [("readable", "  "), ("tab", "\t")] {
        base_with(work.path(), name, |y| {
            y + "  - id: census\n    title: Census of special schools\n    publisher: Ministry of Education\n    date: \"2024\"\n"
        });
        write(work.path(), name, "findings/education.md", "Children are refused at the school gate.[^census]\n");
        write(
            work.path(),
            name,
            "findings/30-education.yaml",
            &format!(
                "id: education\ntitle: Education\narticles: [24]\nbody: {{file: education.md}}\nrecommendations:\n{indent}- id: inclusive-schools\n    text: Admit every child to the local school.\n"
            ),
        );
    }
    let readable = run_in(work.path(), &["check", "readable"]);
    let tab = run_in(work.path(), &["check", "--diagnostic-format", "short", "tab"]);
    golden(
        &golden_path("markdown-file-from-the-findings-folder"),
        &format!("{}== with a tab ==\n{}", seen(&readable, work.path()), seen(&tab, work.path())),
    );
    let shown = text(&readable.stdout);
    assert!(shown.contains("write `file: findings/education.md`"), "{shown}");
    for out in [&readable, &tab] {
        assert!(!text(&out.stdout).contains("never cited"), "{}", text(&out.stdout));
        assert_eq!(out.status.code(), Some(1));
    }
}

#[test]
fn a_court_decision_and_an_article_paragraph_get_messages_that_fit() {
    let work = tempfile::tempdir().unwrap();
    base_with(work.path(), "s", |y| {
        y.replace("    articles: [2, 9, 14]\n", "    articles: [2, 4.3, \"art. 9\", 14]\n")
            .replace("    date: \"2024\"\n", "    date: \"2024\"\n    kind: judgment\n")
    });
    let out = run_in(work.path(), &["check", "s"]);
    golden(&golden_path("kind-and-article-messages"), &seen(&out, work.path()));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_finding_names_an_article_paragraph_and_each_language_prints_it_its_way() {
    let work = tempfile::tempdir().unwrap();
    for (language, printed) in [
        ("en", "Articles 2, 9 (1) and 14 (1) of the International Covenant on Civil and Political Rights"),
        ("fr", "Articles 2, 9 (par. 1) et 14 (par. 1) du Pacte international relatif aux droits civils et politiques"),
        ("es", "Artículos 2, 9 (párr. 1) y 14 (párr. 1) del Pacto Internacional de Derechos Civiles y Políticos"),
    ] {
        base_with(work.path(), language, |y| {
            y.replace("    articles: [2, 9, 14]\n", "    articles: [2, 9(1), 14 (1)]\n")
                .replace("language: en", &format!("language: {language}"))
        });
        let out = run_in(work.path(), &["build", language, "-o", &format!("out-{language}")]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let words = pdf_words(&work.path().join(format!("out-{language}/report.pdf")));
        assert!(words.contains(printed), "{language}: {words}");
    }
    // An article the treaty does not have is an error, with or without a paragraph.
    base_with(work.path(), "outside", |y| y.replace("    articles: [2, 9, 14]\n", "    articles: [2, 28(1)]\n"));
    let out = run_in(work.path(), &["check", "--diagnostic-format", "short", "outside"]);
    assert!(
        text(&out.stdout).contains("article 28 is outside the articles of the International Covenant"),
        "{}",
        text(&out.stdout)
    );
}

/// A lettered item, of an article or of its paragraph (ICCPR 14 (3) (d), counsel; 25 (b), the
/// vote; CEDAW's 5 (a) and 16 (1) (g) the same way), as written in YAML or as French and
/// Spanish write it (`25 b)`), printed as each language cites it.
#[test]
fn a_finding_names_a_lettered_item_and_each_language_prints_it_its_way() {
    let work = tempfile::tempdir().unwrap();
    for (language, printed) in [
        ("en", "Articles 2, 14 (3) (d) and 25 (b) of the International Covenant on Civil and Political Rights"),
        ("fr", "Articles 2, 14 (par. 3 d)) et 25 b) du Pacte international relatif aux droits civils et politiques"),
        ("es", "Artículos 2, 14 (párr. 3 d)) y 25 b) del Pacto Internacional de Derechos Civiles y Políticos"),
    ] {
        base_with(work.path(), language, |y| {
            y.replace("    articles: [2, 9, 14]\n", "    articles: [2, 14(3)(d), 25 b)]\n")
                .replace("language: en", &format!("language: {language}"))
        });
        let check = run_in(work.path(), &["check", "--diagnostic-format", "short", language]);
        assert_eq!(text(&check.stdout), "", "{language}");
        let out = run_in(work.path(), &["build", language, "-o", &format!("out-{language}")]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let words = pdf_words(&work.path().join(format!("out-{language}/report.pdf")));
        assert!(words.contains(printed), "{language}: {words}");
    }
    // Deeper than the item, or a capital letter: said how to write it.
    base_with(work.path(), "deeper", |y| {
        y.replace("    articles: [2, 9, 14]\n", "    articles: [2, 14(3)(d)(i), 5(A)]\n")
    });
    let out = run_in(work.path(), &["check", "--diagnostic-format", "short", "deeper"]);
    let shown = text(&out.stdout);
    assert!(shown.contains("`14(3)(d)(i)` is not an article, paragraph or lettered item that Amicus reads"), "{shown}");
    assert!(shown.contains("no deeper than the lettered item"), "{shown}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_caption_right_under_a_table_captions_it() {
    let work = tempfile::tempdir().unwrap();
    base_with(work.path(), "s", |y| {
        y.replace(
            "      A second paragraph.",
            "      A second paragraph.\n\n      | Year | Children | Schools |\n      |---|---|---|\n      | 2023 | 1,240 | 12 |\n      | 2024 | 1,310 | 14 |\n      Table: Children refused a place, by year\n\n      The end.",
        )
    });
    let check = run_in(work.path(), &["check", "--diagnostic-format", "short", "s"]);
    assert_eq!(text(&check.stdout), "", "{}", text(&check.stderr));
    let out = run_in(work.path(), &["build", "s", "-o", "out"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let words = pdf_words(&work.path().join("out/report.pdf"));
    // Numbered, above the table, and in the list of tables; not a fourth row.
    assert!(words.contains("List of tables Table 1 Children refused a place, by year"), "{words}");
    assert!(words.contains("Table 1: Children refused a place, by year Year Children Schools"), "{words}");
    assert!(!words.contains("14 Table:"), "{words}");
}

#[test]
fn import_co_points_editors_at_a_schema_that_exists_in_a_folder_made_by_new() {
    let work = tempfile::tempdir().unwrap();
    let new = run_in(
        work.path(),
        &[
            "new",
            "kenya",
            "--committee",
            "CRPD",
            "--state",
            "Kenya",
            "--session",
            "14",
            "--organisation",
            "DRK",
            "--no-input",
        ],
    );
    assert!(new.status.success(), "{}", text(&new.stderr));
    let co = root().join("tests/fixtures/real-co/CRPD_C_KEN_CO_1.txt");
    let out = run_in(work.path(), &["import-co", co.to_str().unwrap(), "--into", "kenya"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let folder = work.path().join("kenya");
    let yaml = std::fs::read_to_string(folder.join("concluding-observations.yaml")).unwrap();
    let first = yaml.lines().next().unwrap();
    assert_eq!(first, "# yaml-language-server: $schema=.schema/concluding-observations.schema.json");
    // The path is relative to the file, and the schema is there.
    let path = first.split("$schema=").nth(1).unwrap();
    assert!(folder.join(path).is_file(), "{path}");
    // A folder made without one gets its own copy rather than a path to nowhere.
    std::fs::remove_dir_all(folder.join(".schema")).unwrap();
    let again = run_in(work.path(), &["import-co", co.to_str().unwrap(), "--into", "kenya", "--force"]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert!(folder.join(path).is_file(), "{path}");
    // The assessment `suggest` writes names its schema too.
    let suggest = run_in(work.path(), &["suggest", "kenya"]);
    assert!(suggest.status.success(), "{}{}", text(&suggest.stdout), text(&suggest.stderr));
    let assessment = std::fs::read_to_string(folder.join("assessment.yaml")).unwrap();
    let first = assessment.lines().next().unwrap();
    assert_eq!(first, "# yaml-language-server: $schema=.schema/assessment.schema.json");
    assert!(folder.join(".schema/assessment.schema.json").is_file());
    // `amicus new` dated the report today, years after these 2015 concluding observations:
    // check says so at `date:`, as a report entered after its review would be.
    let check = run_in(work.path(), &["check", "--diagnostic-format", "short", "kenya"]);
    let shown = text(&check.stdout);
    assert!(
        shown.lines().any(|l| l.starts_with("kenya/submission.yaml:")
            && l.contains("after the concluding observations CRPD/C/KEN/CO/1 (adopted")
            && l.contains("write the day the report was sent")),
        "{shown}"
    );
}

/// The text of a Word document's body (its `word/document.xml`).
fn docx_xml(path: &Path) -> String {
    use std::io::Read;
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    archive.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    xml
}

#[test]
fn watch_and_preview_write_what_build_writes_for_the_folder() {
    use common::running::Running;
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/base"), &work.path().join("s"));
    let yaml = work.path().join("s/submission.yaml");
    let edit = |from: &str, to: &str| {
        let text = std::fs::read_to_string(&yaml).unwrap();
        std::fs::write(&yaml, text.replacen(from, to, 1)).unwrap();
    };
    let docx = work.path().join("out/report.docx");
    let words = |n: usize, what: &'static str| {
        move |out: &str, _: &str| out.matches(what).count() >= n && out.ends_with("(Ctrl-C stops)\n")
    };

    // `watch --format pdf,docx`: the Word file follows every save, as the PDF does.
    let mut watch = Running::start(work.path(), &["watch", "s", "-o", "out", "--format", "pdf,docx"]);
    watch.wait_for("the first build", words(1, "wrote out/report.docx"));
    edit("Detention lasts for months.", "Detention lasts for years.");
    watch.wait_for("the build after the edit", words(2, "wrote out/report.docx"));
    assert!(docx_xml(&docx).contains("Detention lasts for years."));
    let (status, out, err) = watch.interrupt();
    assert!(status.success(), "{out}\n{err}");
    assert_eq!(out.matches("wrote out/report.pdf").count(), 2, "{out}");

    // `preview` with `formats: [docx]` in the folder: the Word file as `build` writes it, and
    // the PDF whose pages the page shows.
    std::fs::remove_dir_all(work.path().join("out")).unwrap();
    edit("confidentiality: public", "confidentiality: public\nformats: [docx]");
    let mut preview = Running::start(work.path(), &["preview", "s", "-o", "out"]);
    preview.wait_for("the first build", words(1, "wrote out/report.docx"));
    edit("Detention lasts for years.", "Detention lasts for decades.");
    preview.wait_for("the build after the edit", words(2, "wrote out/report.docx"));
    assert!(docx_xml(&docx).contains("Detention lasts for decades."));
    assert!(work.path().join("out/report.pdf").is_file());
    let (status, out, err) = preview.interrupt();
    assert!(status.success(), "{out}\n{err}");
}

#[test]
fn brief_help_names_every_file_it_writes() {
    let out = amicus().args(["brief", "--help"]).output().unwrap();
    golden(&golden_path("brief-help"), &text(&out.stdout));
    let help = text(&out.stdout);
    for file in ["brief.pdf", "brief.html", "brief.docx", "brief.xlsx", "brief.csv", "brief.json"] {
        assert!(help.contains(file), "{file}: {help}");
    }
}

#[test]
fn check_flags_a_todo_left_in_the_assessment_and_the_spreadsheet_has_real_dates() {
    use std::io::Read;
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("submissions/kazakhstan-ccpr-2025"), &work.path().join("kz"));
    // As the draft `amicus suggest` writes leaves them.
    let assessment = work.path().join("kz/assessment.yaml");
    let written = std::fs::read_to_string(&assessment).unwrap();
    let title = written.lines().find(|l| l.starts_with("title:")).unwrap().to_owned();
    std::fs::write(&assessment, written.replacen(&title, "title: \"TODO: the title of the follow-up brief\"", 1))
        .unwrap();
    let check = run_in(work.path(), &["check", "--diagnostic-format", "short", "kz"]);
    let todo: Vec<String> = text(&check.stdout).lines().filter(|l| l.contains("TODO")).map(str::to_owned).collect();
    golden(&golden_path("assessment-todo"), &(todo.join("\n") + "\n"));
    std::fs::write(&assessment, written).unwrap();
    let brief = run_in(work.path(), &["brief", "kz", "-o", "out"]);
    assert!(brief.status.success(), "{}", text(&brief.stderr));
    let bytes = std::fs::read(work.path().join("out/brief.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut read = |name: &str| {
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    let sheet = read("xl/worksheets/sheet1.xml");
    let strings = read("xl/sharedStrings.xml");
    let styles = read("xl/styles.xml");
    // publication_date and adoption_date (columns H and I) are numbers with a date format,
    // not text.
    for cell in ["H2", "I2"] {
        let at = sheet.find(&format!("<c r=\"{cell}\"")).unwrap_or_else(|| panic!("no {cell}: {sheet}"));
        let c = &sheet[at..at + sheet[at..].find("</c>").unwrap()];
        assert!(!c.contains("t=\"s\"") && c.contains("<v>4"), "{cell} is not a date: {c}");
    }
    assert!(styles.contains("yyyy-mm-dd"), "{styles}");
    assert!(!strings.contains(">2025-"), "a date stored as text: {strings}");
}

// Found on a first day in French with the CRC (a shadow report on Belgium, from `amicus new`
// to the follow-up brief).

#[test]
fn new_asks_for_the_language_and_the_scaffold_speaks_it() {
    let work = tempfile::tempdir().unwrap();
    let out = new_with_answers(
        work.path(),
        "belgique",
        "CRC\nBelgique\n99\nCoalition des ONG pour les droits de l’enfant\nRapport alternatif\nfrançais\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("Language of the report (en, fr, es, ru, ar, zh): fr"), "{}", text(&out.stderr));
    let yaml = std::fs::read_to_string(work.path().join("belgique/submission.yaml")).unwrap();
    assert!(yaml.contains("\nlanguage: fr "), "{yaml}");
    assert!(yaml.contains("  - title: \"Méthodologie\"\n"), "{yaml}");
    let build = run_in(work.path(), &["build", "belgique", "-o", "out"]);
    assert!(build.status.success(), "{}", text(&build.stderr));
    let words = pdf_words(&work.path().join("out/report.pdf"));
    assert!(words.contains("Méthodologie") && !words.contains("Methodology"), "{words}");
    // A name that is not a language stops it, with the codes.
    let wrong = run_in(work.path(), &["new", "x", "--language", "belgian", "--no-input"]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(text(&wrong.stderr).contains("en, fr, es, ru, ar or zh"), "{}", text(&wrong.stderr));
}

#[test]
fn two_footnotes_side_by_side_read_as_two_and_french_items_keep_their_letters() {
    let work = tempfile::tempdir().unwrap();
    base_with(work.path(), "s", |y| {
        y.replace(
            "      Detention lasts for months.[^report]\n",
            "      Detention lasts for months.[^report][^census]\n",
        ) + "  - id: census\n    title: Census of detention centres\n    publisher: Ministry of the Interior\n    date: \"2024\"\n"
    });
    let out = run_in(work.path(), &["build", "s", "-o", "out", "--format", "pdf,docx"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // "1,2", not "12" (here the summary's note is 1; the marks are read back spaced out).
    let words = pdf_words(&work.path().join("out/report.pdf"));
    assert!(words.contains("Detention lasts for months. 2 , 3 A second"), "{words}");
    assert!(docx_xml(&work.path().join("out/report.docx")).contains("<w:t>,</w:t>"));
    // The brief quotes lettered items as the UN's French documents letter them: "a)".
    copy_dir(&root().join("submissions/tanelie-cat-2025"), &work.path().join("tanelie"));
    let brief = run_in(work.path(), &["brief", "tanelie", "-o", "brief"]);
    assert!(brief.status.success(), "{}", text(&brief.stderr));
    let words = pdf_words(&work.path().join("brief/brief.pdf"));
    assert!(words.contains(" a) Veiller à ce que toute personne privée de liberté"), "{words}");
    assert!(!words.contains("(a) Veiller"), "{words}");
}

/// A next report due in a year, as the predictable review cycle words it ("in 2031"), reads
/// as a year in the brief, not as a day to report by ("a más tardar el 2029").
#[test]
fn a_next_report_due_in_a_year_reads_as_a_year_in_the_brief() {
    let work = tempfile::tempdir().unwrap();
    for (name, said) in [
        ("valdoria-cedaw-2025", "El Comité espera el próximo informe periódico de Valdoria en 2029."),
        ("tanelie-cat-2025", "Le Comité attend le prochain rapport périodique de l’État partie en 2029."),
    ] {
        let dir = work.path().join(name);
        copy_dir(&root().join("submissions").join(name), &dir);
        let _ = std::fs::remove_dir_all(dir.join("output"));
        let co = std::fs::read_to_string(dir.join("concluding-observations.yaml")).unwrap();
        assert!(co.contains("\nfollow_up:\n"), "{name}");
        std::fs::write(
            dir.join("concluding-observations.yaml"),
            co.replace("\nfollow_up:\n", "\nfollow_up:\n  next_report: '2029'\n"),
        )
        .unwrap();
        let out = run_in(work.path(), &["brief", name, "-o", &format!("out-{name}")]);
        assert!(out.status.success(), "{name}: {}{}", text(&out.stdout), text(&out.stderr));
        let words = pdf_words(&work.path().join(format!("out-{name}/brief.pdf")));
        assert!(words.contains(said), "{name}: {words}");
    }
}

/// Dates written as people write them elsewhere (`08/12/2025`, `enero 2025`, `8 de diciembre
/// de 2025`) are told what to write as YYYY-MM-DD; a day and month that could be read either
/// way get both readings.
#[test]
fn a_date_written_another_way_is_told_how_to_write_it() {
    let work = tempfile::tempdir().unwrap();
    base_with(work.path(), "s", |y| {
        y.replace("date: 2025-05-26", "date: 08/12/2025")
            .replace("    date: \"2024\"\n", "    date: enero 2024\n    accessed: 8 de diciembre de 2025\n")
    });
    let out = run_in(work.path(), &["check", "--diagnostic-format", "short", "s"]);
    golden(&golden_path("dates-written-another-way"), &seen(&out, work.path()));
    let shown = text(&out.stdout);
    assert!(shown.contains("write `2025-12-08` for 8 December or `2025-08-12` for 12 August"), "{shown}");
    assert!(shown.contains("write `2024-01`"), "{shown}");
    assert!(shown.contains("write `2025-12-08`: dates are written YYYY-MM-DD, YYYY-MM or YYYY"), "{shown}");
    assert_eq!(out.status.code(), Some(1));
}
