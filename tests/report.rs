//! The shadow report end to end: the example's generated Typst against a golden file, the
//! PDF's text read back, reproducibility, atomic output, hostile text, template errors.

mod common;

use amicus::compile;
use amicus::load::prose as prepare;
use amicus::load::{Extras, load_folder};
use common::{copy_dir, golden, root, run_in, text};
use std::path::Path;

const EXAMPLE: &str = "submissions/kazakhstan-ccpr-2025";

/// Letters and digits only, lower-cased: PDF text has line breaks, hyphenation and
/// ligatures where the source has none, so compare the sequence of letters.
fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Builds a folder into `out` through the real CLI; returns the PDF bytes.
fn build_cli(dir: &Path, folder: &str, out: &str) -> Vec<u8> {
    let o = run_in(dir, &["build", folder, "-o", out]);
    assert!(o.status.success(), "build failed:\n{}\n{}", text(&o.stdout), text(&o.stderr));
    std::fs::read(dir.join(out).join("report.pdf")).unwrap()
}

#[test]
fn example_report_typst_matches_the_golden_file() {
    let loaded = load_folder(&root().join(EXAMPLE), Extras::None).expect("the example loads");
    let prepared = prepare::prepare(&loaded);
    let typst = amicus::report::render_report(&loaded, &prepared).expect("the example renders");
    golden(&root().join("tests/golden/kazakhstan-report.typ"), &typst);
}

#[test]
fn example_pdf_contains_every_recommendation_footnote_and_heading() {
    let work = tempfile::tempdir().unwrap();
    let o = run_in(&root(), &["build", EXAMPLE, "-o", work.path().join("out").to_str().unwrap()]);
    assert!(o.status.success(), "{}\n{}", text(&o.stdout), text(&o.stderr));
    let stdout = text(&o.stdout);
    assert!(stdout.contains("report.pdf ("), "{stdout}");
    assert!(stdout.contains("pages, words: "), "{stdout}");
    assert!(stdout.contains("time: load"), "{stdout}");
    let pdf = std::fs::read(work.path().join("out/report.pdf")).unwrap();
    let pdf_text = letters(&common::pdf_text(&pdf));
    // Accessible, self-describing PDF: tagged, with title, authors and language.
    let raw = String::from_utf8_lossy(&pdf);
    assert!(raw.contains("/StructTreeRoot"), "the PDF is not tagged");
    assert!(raw.contains("/Lang(en)"));
    assert!(raw.contains("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Issues related to the rights of migrants"));
    assert!(raw.contains("Global Detention Project, International Legal Initiative"));

    let loaded = load_folder(&root().join(EXAMPLE), Extras::None).unwrap();
    let s = &loaded.submission;
    let mut missing = Vec::new();
    for needle in [s.title.as_str(), "Human Rights Committee", "144th session", "Contents", "Executive summary"] {
        if !pdf_text.contains(&letters(needle)) {
            missing.push(needle.to_owned());
        }
    }
    for o in &s.organisations {
        if !pdf_text.contains(&letters(&o.name)) {
            missing.push(o.name.clone());
        }
    }
    for f in &s.findings {
        if !pdf_text.contains(&letters(&f.title)) {
            missing.push(f.title.clone());
        }
        for r in &f.recommendations {
            if !pdf_text.contains(&letters(&r.text)) {
                missing.push(r.text.clone());
            }
        }
        for q in &f.questions {
            if !pdf_text.contains(&letters(q)) {
                missing.push(q.clone());
            }
        }
    }
    for src in &s.sources {
        if !pdf_text.contains(&letters(&src.title)) {
            missing.push(format!("source {}", src.title));
        }
    }
    assert!(missing.is_empty(), "not found in the PDF: {missing:#?}");
    // Cyrillic survives the round trip.
    assert!(pdf_text.contains(&letters("Кодекс")), "Cyrillic text is missing");
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join(EXAMPLE), &work.path().join("s"));
    let a = build_cli(work.path(), "s", "a");
    let b = build_cli(work.path(), "s", "b");
    assert!(a == b, "two builds of the same submission differ");
    let o = common::amicus()
        .current_dir(work.path())
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .args(["build", "s", "-o", "c"])
        .output()
        .unwrap();
    assert!(o.status.success());
    let c = std::fs::read(work.path().join("c/report.pdf")).unwrap();
    assert!(a != c, "SOURCE_DATE_EPOCH should change the PDF's date");
}

#[test]
fn a_failed_build_keeps_the_previous_pdf_and_leaves_nothing_behind() {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/base"), &work.path().join("s"));
    let before = build_cli(work.path(), "s", "out");
    let listing = |p: &Path| {
        let mut v: Vec<String> =
            std::fs::read_dir(p).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        v.sort();
        v
    };
    let files_before = listing(&work.path().join("out"));
    // Break it: a template error, then a data error.
    std::fs::create_dir_all(work.path().join("s/templates")).unwrap();
    std::fs::write(work.path().join("s/templates/report.typ"), "#import \"amicus.typ\": *\n\n{{ nope }}\n").unwrap();
    let o = run_in(work.path(), &["build", "s", "-o", "out"]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = text(&o.stderr);
    assert!(stderr.contains("s/templates/report.typ:3"), "the error names the template and line:\n{stderr}");
    assert!(stderr.contains("nope"), "{stderr}");
    std::fs::remove_dir_all(work.path().join("s/templates")).unwrap();
    let yaml = std::fs::read_to_string(work.path().join("s/submission.yaml")).unwrap();
    std::fs::write(work.path().join("s/submission.yaml"), yaml.replace("committee: CCPR", "committee: XYZ")).unwrap();
    let o = run_in(work.path(), &["build", "s", "-o", "out"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("build stopped: 1 error; the previous PDF, if any, is unchanged"));
    assert_eq!(std::fs::read(work.path().join("out/report.pdf")).unwrap(), before);
    assert_eq!(listing(&work.path().join("out")), files_before, "no temporary files are left");
}

/// Strings that break naive Typst generation.
const HOSTILE: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "$100 and 50%",
    "user@example.org",
    "<label>",
    "a_b*c*",
    "= heading",
    "- not a list",
    "// not a comment",
    "/* not a comment */",
    "back\\slash\\",
    "\"quotes\" and 'single'",
    "#{panic()}",
    "Кириллица and Ελληνικά",
    "1. not an enum",
    "+ not a list",
    "[brackets] ]unbalanced",
    "~tilde~ and `ticks`",
    "{{ not a template }} {% neither %}",
];

#[test]
fn hostile_text_in_every_field_comes_out_literally() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("h");
    copy_dir(&root().join("tests/fixtures/base"), &dir);
    let yaml = |s: &str| serde_json::to_string(s).unwrap();
    let joined = HOSTILE.join(" | ");
    let mut sub = std::fs::read_to_string(dir.join("submission.yaml")).unwrap();
    sub = sub.replace("title: Migrants and asylum seekers", &format!("title: {}", yaml(&joined)));
    sub = sub.replace("name: Example Rights Centre", &format!("name: {}", yaml(HOSTILE[0])));
    sub = sub.replace("title: Migrant detention", &format!("title: {}", yaml(HOSTILE[5])));
    sub = sub.replace("How many migrants were detained in 2024?", &yaml(&joined));
    sub = sub.replace("Publish disaggregated statistics on detained non-nationals.", &yaml(&joined));
    std::fs::write(dir.join("submission.yaml"), sub).unwrap();
    let o = run_in(work.path(), &["build", "h", "-o", "out"]);
    assert!(o.status.success(), "{}\n{}", text(&o.stdout), text(&o.stderr));
    let pdf = std::fs::read(work.path().join("out/report.pdf")).unwrap();
    common::assert_conforms("the hostile report.pdf", &pdf, &["ua1"]);
    let got = letters(&common::pdf_text(&pdf));
    for h in HOSTILE {
        assert!(got.contains(&letters(h)), "{h:?} did not come out");
    }
    // Exactly, character for character, in the laid-out document (whitespace and
    // end-of-line hyphenation aside).
    let loaded = load_folder(&dir, Extras::None).unwrap();
    let prepared = prepare::prepare(&loaded);
    let source = amicus::report::render_report(&loaded, &prepared).unwrap();
    let job = compile::Job {
        main_name: "report.typ",
        main: source,
        files: amicus::pipeline::output::library_files(&amicus::writers::template::Templates::for_folder(&dir)),
        date: amicus::date::document_date(&loaded.submission.date),
    };
    let doc = compile::compile(&job).expect("hostile text compiles");
    // Straight quotes are printed as typographic ones ("quotes" as “quotes”): compared as `'`.
    let squash = |s: &str| {
        s.replace("-\n", "")
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if "\"“”‘’".contains(c) { '\'' } else { c })
            .collect::<String>()
    };
    let laid_out = squash(&compile::document_text(&doc.document));
    for h in HOSTILE {
        assert!(laid_out.contains(&squash(h)), "{h:?} is not in the document text exactly");
    }
    // The Typst source keeps them as text: no `#read` call survives unescaped.
    let typ = std::fs::read_to_string(work.path().join("out/report.typ")).unwrap();
    assert!(!typ.contains("#read(\"/etc/passwd\")"), "user text reached Typst as code");
}

#[test]
fn numbered_paragraphs_and_confidentiality() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("n");
    copy_dir(&root().join("tests/fixtures/base"), &dir);
    let yaml = std::fs::read_to_string(dir.join("submission.yaml"))
        .unwrap()
        .replace("confidentiality: public", "confidentiality: confidential\nlayout: {numbered_paragraphs: true}");
    std::fs::write(dir.join("submission.yaml"), yaml).unwrap();
    let o = run_in(work.path(), &["build", "n", "-o", "out"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(text(&o.stderr), "", "no warnings, in particular no Typst convergence warnings");
    let pdf = std::fs::read(work.path().join("out/report.pdf")).unwrap();
    let t = common::pdf_text(&pdf);
    let squashed: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(squashed.contains("1. The Example Rights Centre documents"), "{squashed}");
    assert!(squashed.contains("5. A second paragraph."), "{squashed}");
    assert!(squashed.contains("CONFIDENTIAL. This submission is for the members of the Committee only"), "{squashed}");
}

/// The words of a laid-out document as a reader counts them on the page: every page's text
/// without the running header and footer (pages after the cover), numbering the layout adds
/// (heading, list, footnote and recommendation numbers at the start of a line, page numbers
/// after a table-of-contents leader) left out, and words hyphenated at a line end joined.
fn words_on_the_page(doc: &amicus::compile::Compiled, short_title: &str) -> usize {
    let text = compile::document_text(&doc.document);
    let mut words = 0;
    for (page, body) in text.split(compile::PAGE_SEPARATOR).enumerate() {
        let mut lines: Vec<&str> = body.lines().collect();
        if page > 0 {
            lines.retain(|l| {
                let l = l.trim();
                let footer = l.split(' ').collect::<Vec<_>>().as_slice().len() == 3
                    && l.split(' ').nth(1) == Some("of")
                    && l.split(' ').all(|w| w == "of" || w.chars().all(|c| c.is_ascii_digit()));
                !(footer || l.starts_with(short_title))
            });
        }
        let joined = lines.join("\n").replace("-\n", "-");
        for line in joined.lines() {
            let tokens: Vec<&str> = line.split_whitespace().collect();
            for (i, t) in tokens.iter().enumerate() {
                let numbering = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == '.');
                let first_numbering = i == 0 && (numbering(t) || t.strip_prefix('R').is_some_and(numbering));
                let page_number =
                    i > 0 && numbering(t) && tokens[i - 1].chars().all(|c| c == '.') && tokens[i - 1].len() > 1;
                if !first_numbering && !page_number && t.chars().any(char::is_alphanumeric) {
                    words += 1;
                }
            }
        }
    }
    words
}

/// The word count Amicus shows is the count of the printed document: it agrees with the
/// words of the laid-out document (Typst's own text of it) within 1 %.
#[test]
fn the_word_count_is_the_count_of_the_printed_document() {
    let loaded = load_folder(&root().join(EXAMPLE), Extras::None).expect("the example loads");
    let prepared = prepare::prepare(&loaded);
    let view = amicus::report::view::report(&loaded, &prepared);
    let source = amicus::report::render(
        &amicus::writers::template::Templates::for_folder(&loaded.folder),
        &view,
        &amicus::report::model::report(&loaded, &prepared, &view),
    )
    .unwrap();
    let words = amicus::check::length::summary(&loaded, &prepared, &view, Some(&source));
    let job = compile::Job {
        main_name: "report.typ",
        main: source,
        files: amicus::pipeline::output::library_files(&amicus::writers::template::Templates::for_folder(
            &loaded.folder,
        )),
        date: amicus::date::document_date(&loaded.submission.date),
    };
    let doc = compile::compile(&job).expect("the example compiles");
    let on_page = words_on_the_page(&doc, &view.meta.short_title);
    let p = words.parts;
    assert_eq!(
        words.printed,
        p.body + p.footnotes + p.recommendations_repeated + p.sources + p.cover_and_headings,
        "the parts add up to the total"
    );
    assert!(p.recommendations_repeated > 300 && p.sources > 100 && p.cover_and_headings > 100, "{p:?}");
    assert_eq!(words.counted, words.printed, "the CCPR counts the whole document");
    let difference = words.printed.abs_diff(on_page);
    eprintln!("words: Amicus {} ({p:?}), on the laid-out pages {on_page}", words.printed);
    assert!(
        difference * 100 <= on_page,
        "Amicus counts {} words, the laid-out document has {on_page} ({difference} apart, more than 1 %)",
        words.printed
    );
}
