//! A brief that is not finished never looks finished: while anything is pending (a
//! recommendation not assessed, an entry nobody reviewed, the follow-up selection not known)
//! the PDF says DRAFT on every page, the web page at its top and in its title, the Word
//! document in the header of every page (the first one too), each with what is pending; a
//! finished brief says none of it; and `brief --final` refuses the unfinished one, listing
//! each pending thing at its line, writing nothing. Read back from the files the real CLI
//! writes.

mod common;

use common::{copy_dir, root, run_in, text, word_text};
use std::io::Read;
use std::path::Path;

/// The parts of a `.docx`, by name.
fn docx_parts(path: &Path) -> std::collections::BTreeMap<String, String> {
    let bytes = std::fs::read(path).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = std::collections::BTreeMap::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let mut s = String::new();
        if f.read_to_string(&mut s).is_ok() {
            out.insert(f.name().unwrap().into_owned(), s);
        }
    }
    out
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes the brief of a copy of `example` (changed by `edit`), returns the output folder.
fn brief_of(example: &str, edit: impl Fn(&Path), work: &Path) -> std::path::PathBuf {
    let folder = work.join(example);
    copy_dir(&root().join("submissions").join(example), &folder);
    edit(&folder);
    let out = run_in(work, &["brief", example, "-o", "out", "--pdf-standard", "none"]);
    assert!(out.status.success(), "{}\n{}", text(&out.stdout), text(&out.stderr));
    work.join("out")
}

/// Every page of the PDF, the web page and every Word header of the unfinished example say
/// DRAFT, and each says what is pending.
#[test]
fn a_brief_with_anything_pending_says_draft_on_every_page_in_every_format() {
    let work = tempfile::tempdir().unwrap();
    // The example: three recommendations not assessed, no follow-up selection.
    let out = brief_of("kazakhstan-ccpr-2025", |_| {}, work.path());
    let note = "Not for publication: three recommendations are not yet assessed and the recommendations selected for the follow-up procedure are not known.";

    let pdf = std::fs::read(out.join("brief.pdf")).unwrap();
    let pages = pdf_extract::extract_text_from_mem_by_pages(&pdf).unwrap();
    assert!(pages.len() > 2, "{} pages", pages.len());
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains("DRAFT"), "page {} of the PDF has no DRAFT mark:\n{page}", i + 1);
    }
    assert!(flat(&pages[0]).contains(note), "the first page says what is pending:\n{}", pages[0]);

    let html = std::fs::read_to_string(out.join("brief.html")).unwrap();
    assert!(html.contains("<title>DRAFT · "), "the page's title");
    let banner = html.split("<p class=\"draft\" role=\"note\">").nth(1).expect("a draft banner");
    let banner = banner.split("</p>").next().unwrap();
    assert!(banner.contains("<strong>DRAFT</strong>") && flat(banner).contains(note), "{banner}");
    assert!(html.find("class=\"draft\"") < html.find("<main"), "the banner comes before the article");

    let parts = docx_parts(&out.join("brief.docx"));
    let document = &parts["word/document.xml"];
    assert!(
        document.contains(r#"<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>"#)
            && document.contains(r#"<w:headerReference w:type="default" r:id="rIdHeader"/>"#)
            && document.contains("<w:titlePg/>"),
        "a header on the first page and on every other"
    );
    for header in ["word/header1.xml", "word/header2.xml"] {
        assert!(word_text(&parts[header]).contains("DRAFT"), "{header}: {}", parts[header]);
    }
    let body = word_text(document);
    assert!(flat(body.lines().next().unwrap()).contains(note), "the Word document opens with what is pending: {body}");
}

/// Once everything is assessed and the selection is known, no format says DRAFT.
#[test]
fn a_finished_brief_has_no_draft_mark() {
    let work = tempfile::tempdir().unwrap();
    let out = brief_of("tanelie-cat-2025", |_| {}, work.path());
    let pdf = pdf_extract::extract_text_from_mem(&std::fs::read(out.join("brief.pdf")).unwrap()).unwrap();
    assert!(!pdf.contains("PROJET") && !pdf.contains("À ne pas publier"), "{pdf}");
    let html = std::fs::read_to_string(out.join("brief.html")).unwrap();
    assert!(!html.contains("class=\"draft\"") && !html.contains("PROJET"));
    let parts = docx_parts(&out.join("brief.docx"));
    for part in ["word/document.xml", "word/header1.xml", "word/header2.xml"] {
        assert!(!word_text(&parts[part]).contains("PROJET"), "{part}");
    }
}

/// An entry that is still a machine suggestion makes the brief a draft, and the French brief
/// says so in French, in all three formats.
#[test]
fn an_unreviewed_suggestion_makes_a_draft_in_the_brief_s_language() {
    let work = tempfile::tempdir().unwrap();
    let out = brief_of(
        "tanelie-cat-2025",
        |folder| {
            let path = folder.join("assessment.yaml");
            let yaml = std::fs::read_to_string(&path).unwrap();
            let yaml = yaml.replacen(
                "    paragraphs: [\"10 (b)\"]\n",
                "    paragraphs: [\"10 (b)\"]\n    suggested:\n      score: 0.61\n      shared_words: [examen, médecin]\n",
                1,
            );
            std::fs::write(path, yaml).unwrap();
        },
        work.path(),
    );
    let note = "À ne pas publier : une entrée est une suggestion automatique que personne n’a vérifiée.";
    let pages = pdf_extract::extract_text_from_mem_by_pages(&std::fs::read(out.join("brief.pdf")).unwrap()).unwrap();
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains("PROJET"), "page {}: {page}", i + 1);
    }
    // The PDF's text has the no-break spaces of French typography as spaces.
    let french = |s: &str| flat(&s.replace(['\u{a0}', '\u{202f}'], " "));
    assert!(french(&pages[0]).contains(&french(note)), "{}", pages[0]);
    let html = std::fs::read_to_string(out.join("brief.html")).unwrap();
    assert!(french(&html).contains(&french(note)) && html.contains("<title>PROJET · "));
    let parts = docx_parts(&out.join("brief.docx"));
    assert!(word_text(&parts["word/header2.xml"]).contains("PROJET"));
    assert!(french(&word_text(&parts["word/document.xml"])).contains(&french(note)));
}

/// `brief --final` refuses the unfinished brief: status 1, one located error for each pending
/// thing, and nothing written; the finished one is written.
#[test]
fn brief_final_refuses_a_brief_with_anything_pending() {
    let work = tempfile::tempdir().unwrap();
    let folder = work.path().join("kazakhstan-ccpr-2025");
    copy_dir(&root().join("submissions/kazakhstan-ccpr-2025"), &folder);
    let out =
        run_in(work.path(), &["brief", "kazakhstan-ccpr-2025", "-o", "out", "--final", "--diagnostic-format", "short"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    let errors = text(&out.stdout) + &text(&out.stderr);
    let assessment = std::fs::read_to_string(folder.join("assessment.yaml")).unwrap();
    let pending_lines: Vec<usize> =
        assessment.lines().enumerate().filter(|(_, l)| l.trim() == "reflected: pending").map(|(i, _)| i + 1).collect();
    assert_eq!(pending_lines.len(), 3);
    for (line, id) in
        pending_lines.iter().zip(["no-nationality-profiling", "detention-safeguards", "suspensive-review"])
    {
        let want = format!(
            "kazakhstan-ccpr-2025/assessment.yaml:{line}:16: error: the brief is not final: recommendation `{id}` is not assessed yet"
        );
        assert!(errors.contains(&want), "{want}\nnot in:\n{errors}");
    }
    assert!(
        errors.contains("kazakhstan-ccpr-2025/concluding-observations.yaml:15:1: error: the brief is not final: concluding-observations.yaml has no `follow_up:`"),
        "{errors}"
    );
    assert!(!errors.contains("warning: recommendation `"), "the warnings became the errors:\n{errors}");
    assert!(!work.path().join("out").exists(), "nothing written");

    let out = run_in(
        &root().join("submissions"),
        &["brief", "tanelie-cat-2025", "-o", work.path().join("t").to_str().unwrap(), "--final"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(work.path().join("t/brief.pdf").exists());
}
