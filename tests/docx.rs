//! Word output through the real CLI: the shipped examples built with `--format pdf,docx`,
//! read back with zip and roxmltree, and checked against what the PDF's Typst holds and what
//! the submission says (headings, footnotes, recommendations, sources, numbering, contents,
//! properties, language); hostile text; `formats:` in submission.yaml; a reference document.

mod common;

use common::{copy_dir, root, run_in, text};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::Path;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The parts of a `.docx`, by name.
fn parts(path: &Path) -> BTreeMap<String, String> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut out = BTreeMap::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        out.insert(f.name().unwrap().into_owned(), s);
    }
    out
}

/// Each paragraph of a part: (style id, text).
fn paragraphs(xml: &str) -> Vec<(String, String)> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            let style = p
                .children()
                .find(|n| n.has_tag_name((W, "pPr")))
                .and_then(|ppr| ppr.children().find(|n| n.has_tag_name((W, "pStyle"))))
                .and_then(|n| n.attribute((W, "val")))
                .unwrap_or("")
                .to_owned();
            let text = p.descendants().filter(|n| n.has_tag_name((W, "t"))).filter_map(|n| n.text()).collect();
            (style, text)
        })
        .collect()
}

fn texts_of(paras: &[(String, String)], style: &str) -> Vec<String> {
    paras.iter().filter(|(s, _)| s == style).map(|(_, t)| t.clone()).collect()
}

/// The level-1 entries of a PDF's outline (its bookmarks), in order.
fn pdf_outline(pdf: &[u8]) -> Vec<String> {
    let doc = pdf_extract::Document::load_mem(pdf).expect("a PDF");
    doc.get_toc().expect("an outline").toc.into_iter().filter(|e| e.level == 1).map(|e| e.title).collect()
}

/// Titles as both formats can be compared: straight quotes, white space closed up.
fn plain_titles(titles: &[String]) -> Vec<String> {
    titles
        .iter()
        .map(|t| {
            t.replace(['“', '”', '‘', '’', '«', '»'], "'").replace('"', "'").split_whitespace().collect::<String>()
        })
        .collect()
}

/// Word's level-1 headings as Word prints them: a numbered one after its section number.
fn word_headings(document: &str) -> Vec<String> {
    let texts = texts_of(&paragraphs(document), "Heading1");
    let mut section = 0;
    texts
        .into_iter()
        .zip(heading_numbered(document))
        .map(|(text, numbered)| {
            if numbered {
                section += 1;
                format!("{section} {text}")
            } else {
                text
            }
        })
        .collect()
}

/// For each `Heading1` paragraph of `word/document.xml`: whether Word numbers it.
fn heading_numbered(document: &str) -> Vec<bool> {
    let d = roxmltree::Document::parse(document).unwrap();
    d.descendants()
        .filter(|n| n.has_tag_name((W, "pStyle")) && n.attribute((W, "val")) == Some("Heading1"))
        .map(|n| {
            n.parent()
                .unwrap()
                .descendants()
                .any(|m| m.has_tag_name((W, "numId")) && m.attribute((W, "val")) == Some("1"))
        })
        .collect()
}

/// What the library computes for the same folder: the view the PDF is made from.
fn view_of(folder: &Path) -> amicus::report::view::ReportView {
    let loaded = amicus::load::load_folder_as(folder, amicus::load::Extras::None, None).map_err(|(d, _)| d).unwrap();
    let prepared = amicus::load::prose::prepare(&loaded);
    amicus::report::view::report(&loaded, &prepared)
}

/// Builds a folder with `--format pdf,docx` into `out`; returns the output folder.
fn build_both(folder: &Path, out: &Path) {
    let output = run_in(
        &root(),
        &[
            "build",
            folder.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--format",
            "pdf,docx",
            "--pdf-standard",
            "none",
        ],
    );
    assert!(output.status.success(), "{}\n{}", text(&output.stdout), text(&output.stderr));
    assert!(text(&output.stdout).contains("report.docx (Word)"), "{}", text(&output.stdout));
}

#[test]
fn the_examples_as_word_documents() {
    for name in ["kazakhstan-ccpr-2025", "verdania-crc-2025", "tanelie-cat-2025", "valdoria-cedaw-2025"] {
        let work = tempfile::tempdir().unwrap();
        let folder = root().join("submissions").join(name);
        build_both(&folder, work.path());
        assert!(work.path().join("report.pdf").is_file());
        let docx = work.path().join("report.docx");
        let parts = parts(&docx);
        for (part, xml) in &parts {
            roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: {part} is not XML: {e}"));
        }
        let view = view_of(&folder);
        let body = paragraphs(&parts["word/document.xml"]);
        let document = &parts["word/document.xml"];

        // The parts, in order: Word's level-1 headings are the PDF's level-1 bookmarks (the
        // one document model, written twice), not a list kept here.
        let h1 = texts_of(&body, "Heading1");
        let pdf = std::fs::read(work.path().join("report.pdf")).unwrap();
        assert_eq!(
            plain_titles(&word_headings(document)),
            plain_titles(&pdf_outline(&pdf)),
            "{name}: Word and PDF parts differ"
        );
        assert!(h1.contains(&view.labels.executive_summary), "{name}: {h1:?}");
        assert_eq!(texts_of(&body, "Title"), std::slice::from_ref(&view.meta.title), "{name}");

        // The contents: a TOC field, its entries the headings of levels 1–2, numbered as
        // the sections are (a part that is not a section, such as an annex, has no number).
        assert!(document.contains(r#" TOC \o "1-2" \h \z \u "#), "{name}");
        let toc1 = texts_of(&body, "TOC1");
        assert_eq!(toc1.len(), h1.len(), "{name}");
        let numbered: Vec<bool> = heading_numbered(document);
        let mut section = 0;
        for ((entry, heading), numbered) in toc1.iter().zip(&h1).zip(&numbered) {
            if *numbered {
                section += 1;
                assert_eq!(entry, &format!("{section}{heading}"), "{name}");
            } else {
                assert_eq!(entry, heading, "{name}");
            }
        }
        assert_eq!(texts_of(&body, "TOC2").len(), texts_of(&body, "Heading2").len(), "{name}");

        // Numbered headings.
        let numbering = &parts["word/numbering.xml"];
        assert!(
            numbering.contains(r#"<w:lvlText w:val="%1"/>"#) && numbering.contains(r#"<w:lvlText w:val="%1.%2"/>"#)
        );
        let d = roxmltree::Document::parse(document).unwrap();
        let heading_nums = d
            .descendants()
            .filter(|n| n.has_tag_name((W, "pStyle")) && n.attribute((W, "val")) == Some("Heading1"))
            .filter(|n| {
                n.parent()
                    .unwrap()
                    .descendants()
                    .any(|m| m.has_tag_name((W, "numId")) && m.attribute((W, "val")) == Some("1"))
            })
            .count();
        assert_eq!(heading_nums, numbered.iter().filter(|n| **n).count(), "{name}: every section heading is numbered");
        assert!(heading_nums >= view.findings.len() + 2, "{name}: {heading_nums} numbered headings");

        // Footnotes: as many Word footnotes as the PDF's Typst makes, each with text, each
        // referenced once.
        let typ = std::fs::read_to_string(work.path().join("report.typ")).unwrap();
        let typst_notes = typ.matches("#footnote[").count() + typ.matches("#source-note(").count();
        let footnotes = &parts["word/footnotes.xml"];
        let f = roxmltree::Document::parse(footnotes).unwrap();
        let notes: Vec<String> = f
            .descendants()
            .filter(|n| n.has_tag_name((W, "footnote")) && n.attribute((W, "type")).is_none())
            .map(|n| n.descendants().filter(|m| m.has_tag_name((W, "t"))).filter_map(|m| m.text()).collect::<String>())
            .collect();
        assert!(typst_notes > 0, "{name}");
        assert_eq!(notes.len(), typst_notes, "{name}: footnotes");
        assert!(notes.iter().all(|n| n.trim().len() > 3), "{name}: {notes:?}");
        assert_eq!(document.matches("<w:footnoteReference ").count(), notes.len(), "{name}");
        assert!(footnotes.contains(r#"<w:pStyle w:val="FootnoteText"/>"#));
        assert!(
            footnotes.contains(r#"<w:rStyle w:val="FootnoteReference"/><w:footnoteRef/>"#)
                || footnotes.contains("<w:footnoteRef/>")
        );

        // Every recommendation, numbered as in the PDF, bookmarked, and linked from the
        // consolidated list, whose header row repeats.
        let recs = texts_of(&body, "Recommendation");
        for r in &view.recommendations {
            assert!(recs.iter().any(|t| t.starts_with(&format!("R{}", r.number))), "{name}: R{} missing", r.number);
        }
        let bookmarks: BTreeSet<&str> = d
            .descendants()
            .filter(|n| n.has_tag_name((W, "bookmarkStart")))
            .filter_map(|n| n.attribute((W, "name")))
            .collect();
        let anchors: Vec<&str> = d.descendants().filter_map(|n| n.attribute((W, "anchor"))).collect();
        assert!(anchors.len() >= 2 * view.recommendations.len(), "{name}");
        for a in &anchors {
            assert!(bookmarks.contains(a), "{name}: link to a missing bookmark {a}");
        }
        let tables: Vec<_> = d.descendants().filter(|n| n.has_tag_name((W, "tbl"))).collect();
        // The consolidated list: the table headed "Recommendation" (an annex may have tables
        // after it).
        let consolidated = tables
            .iter()
            .find(|t| {
                t.descendants()
                    .filter(|n| n.has_tag_name((W, "t")))
                    .any(|n| n.text() == Some(view.labels.column_recommendation.as_str()))
            })
            .unwrap();
        let rows: Vec<_> = consolidated.children().filter(|n| n.has_tag_name((W, "tr"))).collect();
        assert_eq!(rows.len(), view.recommendations.len() + 1, "{name}");
        assert!(rows[0].descendants().any(|n| n.has_tag_name((W, "tblHeader"))), "{name}: header row repeats");
        assert!(!rows[1].descendants().any(|n| n.has_tag_name((W, "tblHeader"))));

        // Sources, in the list at the end.
        // (Up to the first annex, whose title is a minor heading.)
        let listed = body
            .iter()
            .skip_while(|(s, t)| !(s == "Heading1" && t == &view.labels.sources))
            .skip(1)
            .take_while(|(_, t)| !t.starts_with(&format!("{} I:", view.labels.annex)))
            .filter(|(_, t)| !t.is_empty())
            .count();
        assert_eq!(listed, view.sources.len(), "{name}: one list item per source");

        // Properties, language, header and footer.
        let core = &parts["docProps/core.xml"];
        let lang = amicus::writers::docx::word_language(&view.meta.language);
        assert!(core.contains(&format!("<dc:language>{lang}</dc:language>")), "{core}");
        for a in &view.meta.authors {
            assert!(core.contains(a.as_str()), "{name}: {a} in {core}");
        }
        let runs =
            d.descendants().filter(|n| n.has_tag_name((W, "r")) && n.children().any(|c| c.has_tag_name((W, "t"))));
        for r in runs {
            assert!(
                r.descendants().any(|n| n.has_tag_name((W, "lang")) && n.attribute((W, "val")) == Some(lang.as_str())),
                "{name}: a run without its language"
            );
        }
        assert!(
            parts["word/header1.xml"].contains(&view.meta.short_title.replace('\'', "&apos;"))
                || !view.meta.short_title.is_empty()
        );
        assert!(parts["word/footer1.xml"].contains(" PAGE ") && parts["word/footer1.xml"].contains(" NUMPAGES "));
        assert!(document.contains("<w:titlePg/>"), "no header or footer on the cover");
        assert!(parts["word/settings.xml"].contains(r#"<w:updateFields w:val="true"/>"#));
    }
}

#[test]
fn formats_in_submission_yaml_and_hostile_text() {
    let work = tempfile::tempdir().unwrap();
    let folder = work.path().join("s");
    std::fs::create_dir_all(&folder).unwrap();
    let hostile = r##"#read("/etc/passwd") <w:t>x</w:t> ]]> &amp; $100 50% a_b*c* <script>"##;
    std::fs::write(
        folder.join("submission.yaml"),
        format!(
            r#"committee: UPR
session: {{number: 50}}
state: Xland
stage: review
title: '{hostile}'
date: 2025-05-26
confidentiality: public
formats: [docx]
organisations: [{{name: "Org & Co <x>"}}]
summary: |
  Text with a note.[^n] And `{hostile}` as code.

  [^n]: Note {hostile}
findings:
  - id: f1
    title: 'Finding {hostile}'
    body: |
      Body {hostile}
    recommendations:
      - id: r1
        text: 'Do {hostile}'
"#
        ),
    )
    .unwrap();
    let out = work.path().join("out");
    let output = run_in(work.path(), &["build", "s", "-o", out.to_str().unwrap()]);
    assert!(output.status.success(), "{}\n{}", text(&output.stdout), text(&output.stderr));
    assert!(out.join("report.docx").is_file());
    assert!(!out.join("report.pdf").exists(), "formats: [docx] writes no PDF");
    let parts = parts(&out.join("report.docx"));
    let body = paragraphs(&parts["word/document.xml"]);
    let all: String = body.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("\n");
    for needle in ["Finding ", "Do ", "Body "] {
        assert!(all.contains(needle), "{all}");
    }
    assert!(all.contains("<w:t>x</w:t> ]]> &amp; $100 50% a_b*c* <script>"), "{all}");
    assert!(all.contains(&format!("`{hostile}`").replace('`', "")), "code is shown as written: {all}");
    let notes = paragraphs(&parts["word/footnotes.xml"]);
    assert!(notes.iter().any(|(_, t)| t.contains("Note #read(") && t.contains("<script>")), "{notes:?}");
    assert!(parts["docProps/core.xml"].contains("&lt;w:t&gt;x&lt;/w:t&gt;"));
    // The UPR numbers its paragraphs: the body's paragraphs carry Word numbering.
    assert!(parts["word/document.xml"].contains(r#"<w:numId w:val="2"/>"#));

    // --format overrides `formats:`.
    let output =
        run_in(work.path(), &["build", "s", "-o", out.to_str().unwrap(), "--format", "pdf", "--pdf-standard", "none"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(out.join("report.pdf").is_file());
}

#[test]
fn a_reference_document_gives_its_styles() {
    let work = tempfile::tempdir().unwrap();
    let folder = work.path().join("kz");
    copy_dir(&root().join("submissions/kazakhstan-ccpr-2025"), &folder);
    std::fs::create_dir_all(folder.join("templates")).unwrap();
    // A reference made as Word in German saves it: "heading 1" under the id "berschrift1".
    let styles = r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style></w:styles>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("word/styles.xml", zip::write::SimpleFileOptions::default()).unwrap();
    std::io::Write::write_all(&mut zip, styles.as_bytes()).unwrap();
    std::fs::write(folder.join("templates/reference.docx"), zip.finish().unwrap().into_inner()).unwrap();
    let out = work.path().join("out");
    let output = run_in(work.path(), &["build", "kz", "-o", out.to_str().unwrap(), "--format", "docx"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let parts = parts(&out.join("report.docx"));
    assert!(
        parts["word/styles.xml"]
            .contains(r#"w:styleId="Standard"><w:name w:val="Normal"/><w:rPr><w:rFonts w:ascii="Arial""#)
    );
    let body = paragraphs(&parts["word/document.xml"]);
    assert!(texts_of(&body, "berschrift1").len() >= 4);
    assert!(texts_of(&body, "Heading1").is_empty());

    // A file that is not a Word document: the build stops, naming it and what to do.
    std::fs::write(folder.join("templates/reference.docx"), "not a zip").unwrap();
    let output = run_in(work.path(), &["build", "kz", "-o", out.to_str().unwrap(), "--format", "docx"]);
    assert!(!output.status.success());
    let err = text(&output.stderr);
    assert!(err.contains("templates/reference.docx") && err.contains("not a Word document"), "{err}");
    assert!(err.contains("remove the file"), "{err}");
}

#[test]
fn word_output_is_reproducible() {
    let work = tempfile::tempdir().unwrap();
    let folder = root().join("submissions/verdania-crc-2025");
    let (a, b) = (work.path().join("a"), work.path().join("b"));
    for out in [&a, &b] {
        let output =
            run_in(&root(), &["build", folder.to_str().unwrap(), "-o", out.to_str().unwrap(), "--format", "docx"]);
        assert!(output.status.success(), "{}", text(&output.stderr));
    }
    assert_eq!(std::fs::read(a.join("report.docx")).unwrap(), std::fs::read(b.join("report.docx")).unwrap());
}

/// The example's Word document opened by a second program, LibreOffice, and printed to PDF:
/// every finding, recommendation and footnote is on the pages, and the fields (page numbers,
/// the running header) are filled in. Needs `soffice` (Debian: `libreoffice-writer-nogui`);
/// not part of `cargo test` or CI: run `cargo test --test docx -- --ignored`.
#[test]
#[ignore = "needs LibreOffice (soffice); run with --ignored"]
fn libreoffice_prints_the_example() {
    let work = tempfile::tempdir().unwrap();
    let folder = root().join("submissions/kazakhstan-ccpr-2025");
    build_both(&folder, work.path());
    let profile = format!("-env:UserInstallation=file://{}", work.path().join("lo-profile").display());
    let converted = std::process::Command::new("soffice")
        .args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(work.path().join("lo"))
        .arg(work.path().join("report.docx"))
        .output()
        .expect("soffice runs (install libreoffice-writer-nogui)");
    assert!(converted.status.success(), "{}", text(&converted.stderr));
    let pdf = std::fs::read(work.path().join("lo/report.pdf")).expect("LibreOffice wrote a PDF");
    let printed = common::pdf_text(&pdf).split_whitespace().collect::<Vec<_>>().join(" ");
    let view = view_of(&folder);
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for f in &view.findings {
        assert!(printed.contains(&squeeze(&f.title)), "{} not printed", f.title);
    }
    for r in &view.recommendations {
        assert!(printed.contains(&format!("R{}", r.number)), "R{} not printed", r.number);
    }
    assert!(printed.contains("above n"), "short citations in the footnotes");
    assert!(printed.contains(&squeeze(&view.meta.short_title)), "the running header");
    let total = (2..60).rev().find(|n| printed.contains(&format!("2 of {n}"))).expect("page 2 says 'of N'");
    assert!(total > 8, "{total} pages");
}

/// The Word document of the Verdania example keeps what the PDF adds: the cross-references'
/// titles, the abbreviations and the annex (nothing written is dropped).
#[test]
fn cross_references_abbreviations_and_annexes_reach_the_word_document() {
    let work = tempfile::tempdir().unwrap();
    let folder = root().join("submissions").join("verdania-crc-2025");
    build_both(&folder, work.path());
    let parts = parts(&work.path().join("report.docx"));
    let body = paragraphs(&parts["word/document.xml"]);
    // No-break spaces (after a number, "46 children") read as spaces here.
    let all: Vec<String> = body.iter().map(|(_, t)| t.replace('\u{a0}', " ")).collect();
    let has = |s: &str| all.iter().any(|t| t.contains(s));
    assert!(has("residential homes described in Violence in residential care, where"), "{all:#?}");
    assert!(has("Our recommendation R3 would give"), "{all:#?}");
    assert!(has("Annex I: How we gathered our information"), "{all:#?}");
    assert!(has("We interviewed 46 children"), "{all:#?}");
    assert!(all.iter().any(|t| t == "CVDN"), "the abbreviations: {all:#?}");
}

#[test]
fn the_brief_as_a_word_document() {
    let work = tempfile::tempdir().unwrap();
    let folder = work.path().join("k");
    copy_dir(&root().join("submissions/kazakhstan-ccpr-2025"), &folder);
    // Footnotes in the assessment's prose: a source cited twice (short the second time) and
    // a note of its own.
    let assessment = std::fs::read_to_string(folder.join("assessment.yaml")).unwrap();
    let assessment = assessment.replacen(
        "introduction: |\n",
        "introduction: |\n  Raids went on.[^kun-2025] They were reported.[^own] And again.[^kun-2025]\n\n  [^own]: Our own note.\n\n",
        1,
    );
    std::fs::write(folder.join("assessment.yaml"), assessment).unwrap();
    let output = run_in(work.path(), &["brief", "k", "-o", "out", "--pdf-standard", "none"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("brief.docx (Word)"), "{}", text(&output.stdout));
    let parts = parts(&work.path().join("out/brief.docx"));
    let document = &parts["word/document.xml"];
    let body = paragraphs(document);
    // The example has every part: the same sections as the PDF, in its order.
    assert_eq!(
        texts_of(&body, "Heading1"),
        [
            "Key results",
            "Introduction",
            "Context",
            "Our recommendations and the concluding observations",
            "Unaddressed issues",
            "What the Committee singled out",
            "What we ask",
            "Conclusion",
            "Annex: recommendations and concluding observations"
        ]
    );
    // Every recommendation, with its label, in the findings; the annex lists them all, its
    // header row repeated; every internal link has its bookmark.
    let recs = texts_of(&body, "Recommendation");
    for n in 1..=9 {
        assert!(recs.iter().any(|r| r.starts_with(&format!("R{n}"))), "R{n}: {recs:?}");
    }
    let d = roxmltree::Document::parse(document).unwrap();
    let tables: Vec<_> = d.descendants().filter(|n| n.has_tag_name((W, "tbl"))).collect();
    let annex = tables.last().unwrap();
    let rows: Vec<_> = annex.children().filter(|n| n.has_tag_name((W, "tr"))).collect();
    assert_eq!(rows.len(), 10);
    assert!(rows[0].descendants().any(|n| n.has_tag_name((W, "tblHeader"))));
    let bookmarks: BTreeSet<&str> = d
        .descendants()
        .filter(|n| n.has_tag_name((W, "bookmarkStart")))
        .filter_map(|n| n.attribute((W, "name")))
        .collect();
    let anchors: Vec<&str> = d.descendants().filter_map(|n| n.attribute((W, "anchor"))).collect();
    assert!(anchors.len() > 9);
    for a in &anchors {
        assert!(bookmarks.contains(a), "a link to a missing bookmark {a}");
    }
    // The footnotes of the assessment's prose, as many as in the brief's Typst.
    let typ = std::fs::read_to_string(work.path().join("out/brief.typ")).unwrap();
    let typst_notes = typ.matches("#footnote[").count() + typ.matches("#source-note(").count();
    assert_eq!(typst_notes, 3, "{typ}");
    assert_eq!(document.matches("<w:footnoteReference ").count(), typst_notes);
    let notes = paragraphs(&parts["word/footnotes.xml"]);
    let notes: Vec<&str> = notes.iter().map(|(_, t)| t.as_str()).filter(|t| !t.is_empty()).collect();
    assert!(notes[0].starts_with("Kun.uz") || notes[0].contains("Kazakhstan deports"), "{notes:?}");
    assert_eq!(notes[1], "Our own note.");
    assert!(notes[2].ends_with("above n\u{a0}1."), "{notes:?}");
    assert!(parts["docProps/core.xml"].contains("<dc:language>en-GB</dc:language>"));
}

/// The report and the brief of a fixture as Word documents: the parts of each.
fn report_and_brief_docx(fixture: &str) -> Vec<(String, BTreeMap<String, String>)> {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("out");
    build_both(&root().join("tests/fixtures").join(fixture), &out);
    let folder = root().join("tests/fixtures").join(fixture);
    let brief =
        run_in(&root(), &["brief", folder.to_str().unwrap(), "-o", out.to_str().unwrap(), "--pdf-standard", "none"]);
    assert!(brief.status.success(), "{}", text(&brief.stderr));
    ["report.docx", "brief.docx"].iter().map(|name| (name.to_string(), parts(&out.join(name)))).collect()
}

/// Whether a run's properties have a child `name`.
fn run_has(run: roxmltree::Node, name: &str) -> bool {
    run.children()
        .find(|n| n.has_tag_name((W, "rPr")))
        .is_some_and(|rpr| rpr.children().any(|n| n.has_tag_name((W, name))))
}

fn run_text(run: roxmltree::Node) -> String {
    run.children().filter(|n| n.has_tag_name((W, "t"))).filter_map(|n| n.text()).collect()
}

fn is_arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
}

/// Arabic report and brief in Word: every paragraph right to left (`w:bidi`), in the body,
/// header, footer and footnotes; every run holding Arabic is `w:rtl` and no run with Latin
/// letters is; a UN symbol inside Arabic is a left-to-right run of its own, whole; dates read
/// in their logical order in one run; tables mirrored (`w:bidiVisual`) and the section too;
/// fonts named for complex-script and East Asian text; nothing in italics (the PDF sets
/// Arabic upright).
#[test]
fn arabic_word_documents_run_right_to_left() {
    for (name, parts) in report_and_brief_docx("arabic") {
        for part in ["word/document.xml", "word/header1.xml", "word/footer1.xml", "word/footnotes.xml"] {
            let doc = roxmltree::Document::parse(&parts[part]).unwrap();
            for p in doc.descendants().filter(|n| n.has_tag_name((W, "p"))) {
                let bidi = p
                    .children()
                    .find(|n| n.has_tag_name((W, "pPr")))
                    .is_some_and(|ppr| ppr.children().any(|n| n.has_tag_name((W, "bidi"))));
                assert!(bidi, "{name} {part}: a paragraph without w:bidi: {:?}", run_text_all(p));
            }
            for r in doc.descendants().filter(|n| n.has_tag_name((W, "r"))) {
                let t = run_text(r);
                if t.chars().any(is_arabic) {
                    assert!(run_has(r, "rtl"), "{name} {part}: Arabic run without w:rtl: {t}");
                }
                if t.chars().any(|c| c.is_ascii_alphabetic()) {
                    assert!(!run_has(r, "rtl"), "{name} {part}: Latin run marked w:rtl: {t}");
                }
                assert!(!run_has(r, "i") && !run_has(r, "iCs"), "{name} {part}: italics: {t}");
            }
        }
        let document = &parts["word/document.xml"];
        let doc = roxmltree::Document::parse(document).unwrap();
        let texts: Vec<String> =
            doc.descendants().filter(|n| n.has_tag_name((W, "r"))).map(run_text).filter(|t| !t.is_empty()).collect();
        if name == "report.docx" {
            // Day and month held together by a no-break space.
            assert!(
                texts.iter().any(|t| t == "6\u{a0}تشرين الأول/أكتوبر 2025"),
                "{name}: the date in one run: {texts:#?}"
            );
            let symbol = texts.iter().position(|t| t == "CAT/\u{2060}C/\u{2060}XYZ/\u{2060}CO/\u{2060}2");
            let symbol = symbol.unwrap_or_else(|| panic!("{name}: the symbol in a run of its own: {texts:#?}"));
            assert!(texts[symbol - 1].ends_with("السابقة ("), "{}", texts[symbol - 1]);
            assert!(texts[symbol + 1].starts_with("، الفقرة 10)"), "{}", texts[symbol + 1]);
        }
        let tables = doc.descendants().filter(|n| n.has_tag_name((W, "tbl"))).count();
        let mirrored = doc.descendants().filter(|n| n.has_tag_name((W, "bidiVisual"))).count();
        assert!(tables > 0 && tables == mirrored, "{name}: {mirrored} of {tables} tables mirrored");
        let sect = doc.descendants().find(|n| n.has_tag_name((W, "sectPr"))).unwrap();
        assert!(sect.children().any(|n| n.has_tag_name((W, "bidi"))), "{name}: the section runs right to left");
        let styles = &parts["word/styles.xml"];
        assert!(styles.contains(r#"w:cs="Times New Roman""#) && styles.contains(r#"w:eastAsia="SimSun""#), "{name}");
        assert!(styles.contains(r#"w:bidi="ar-SA""#), "{name}: Arabic is the complex-script language");
        assert!(!styles.contains("<w:i/>") && !styles.contains("<w:iCs/>"), "{name}: no italic style");
    }
}

fn run_text_all(p: roxmltree::Node) -> String {
    p.descendants().filter(|n| n.has_tag_name((W, "t"))).filter_map(|n| n.text()).collect()
}

/// Chinese report and brief in Word: Chinese text has an East Asian font and language named
/// (SimSun, zh-CN: no viewer falls back to Japanese glyph forms), Latin text is English to Word
/// (so its words are not broken anywhere), quotation marks next to Chinese are drawn with the
/// Chinese font (`w:hint="eastAsia"`), a UN symbol never breaks at its slashes (a word joiner
/// after each), and nothing is in italics (the PDF sets Chinese upright).
#[cfg(feature = "cjk")]
#[test]
fn chinese_word_documents_name_their_fonts_and_keep_symbols_whole() {
    for (name, parts) in report_and_brief_docx("chinese") {
        let styles = &parts["word/styles.xml"];
        assert!(styles.contains(r#"w:eastAsia="SimSun""#), "{name}: the East Asian font");
        assert!(styles.contains(r#"<w:lang w:val="en-GB" w:eastAsia="zh-CN""#), "{name}: languages: {styles}");
        assert!(!styles.contains("<w:i/>"), "{name}: no italic style");
        let document = &parts["word/document.xml"];
        let doc = roxmltree::Document::parse(document).unwrap();
        for r in doc.descendants().filter(|n| n.has_tag_name((W, "r"))) {
            let t = run_text(r);
            assert!(!run_has(r, "i"), "{name}: italics: {t}");
            assert!(!run_has(r, "rtl"), "{name}: w:rtl: {t}");
            if t.contains('“') {
                let hint =
                    r.descendants().find(|n| n.has_tag_name((W, "rFonts"))).and_then(|f| f.attribute((W, "hint")));
                assert_eq!(hint, Some("eastAsia"), "{name}: {t}");
            }
        }
        let all = run_text_all(doc.root_element());
        if name == "report.docx" {
            assert!(all.contains("CRPD/\u{2060}C/\u{2060}XYZ/\u{2060}CO/\u{2060}1"), "{name}: {all}");
            assert!(!all.contains("CRPD/C"), "{name}: a symbol that can break: {all}");
        } else {
            assert!(all.contains("CRPD/\u{2060}C/\u{2060}XYZ/\u{2060}CO/\u{2060}2"), "{name}: {all}");
        }
    }
}

#[test]
fn layout_parts_reorder_and_leave_out_parts_in_word_and_pdf_alike() {
    let work = tempfile::tempdir().unwrap();
    let folder = work.path().join("v");
    copy_dir(&root().join("submissions/verdania-crc-2025"), &folder);
    let yaml = folder.join("submission.yaml");
    let text_before = std::fs::read_to_string(&yaml).unwrap();
    // The findings before the summary; no organisations, abbreviations or sources.
    let changed = text_before.replacen(
        "layout:\n",
        "layout:\n  parts: [cover, contents, findings, summary, recommendations, annexes]\n",
        1,
    );
    assert_ne!(changed, text_before, "the example has a layout: mapping");
    std::fs::write(&yaml, changed).unwrap();
    let out = work.path().join("out");
    build_both(&folder, &out);

    let view = view_of(&folder);
    let docx = parts(&out.join("report.docx"));
    let h1 = texts_of(&paragraphs(&docx["word/document.xml"]), "Heading1");
    let pdf = std::fs::read(out.join("report.pdf")).unwrap();
    assert_eq!(
        plain_titles(&word_headings(&docx["word/document.xml"])),
        plain_titles(&pdf_outline(&pdf)),
        "Word and PDF parts differ"
    );

    let at = |title: &str| h1.iter().position(|h| h == title);
    let summary = at(&view.labels.executive_summary).expect("the summary is printed");
    let first_finding = at(&view.findings[0].title).expect("the findings are printed");
    assert!(first_finding < summary, "{h1:?}");
    for left_out in [&view.labels.about_organisations, &view.labels.sources, &view.labels.abbreviations] {
        assert_eq!(at(left_out), None, "{left_out} was left out: {h1:?}");
    }
    assert!(at(&view.labels.consolidated_recommendations).unwrap() > summary, "{h1:?}");
    // The annexes still come last, numbered from I.
    assert!(h1.last().unwrap().contains(&view.annexes[0].title), "{h1:?}");
    let typ = std::fs::read_to_string(out.join("report.typ")).unwrap();
    assert!(!typ.contains("#sources-list("), "the list of sources was left out");
}
