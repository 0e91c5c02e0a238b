//! The report reads like a typeset document: each typographic and citation rule, read back
//! from the PDF that the real CLI builds (`tests/fixtures/typography`).

mod common;

use common::{copy_dir, root, run_in, text};
use std::path::Path;

const FIXTURE: &str = "tests/fixtures/typography";

/// Builds the fixture (changed by `edit`, given the text of submission.yaml) through the real
/// CLI; returns the PDF's text with white space runs (line ends, no-break spaces) as one space.
fn build_text(edit: impl Fn(String) -> String) -> String {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("t");
    copy_dir(&root().join(FIXTURE), &dir);
    let yaml = std::fs::read_to_string(dir.join("submission.yaml")).unwrap();
    std::fs::write(dir.join("submission.yaml"), edit(yaml)).unwrap();
    let pdf = build(work.path(), "t");
    sq(&common::pdf_text(&pdf))
}

/// Text without white space: `pdf-extract` puts spaces where a line ends and, at times,
/// between two runs of text on a line ("Non-refoulement ,"), so text is compared without
/// any. A word hyphenated at a line end still shows, as "interna-tionalisation".
fn sq(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Builds `folder` inside `dir` into `dir/out`; returns the PDF.
fn build(dir: &Path, folder: &str) -> Vec<u8> {
    let o = run_in(dir, &["build", folder, "-o", "out"]);
    assert!(o.status.success(), "build failed:\n{}\n{}", text(&o.stdout), text(&o.stderr));
    assert_eq!(text(&o.stderr), "", "no warnings");
    std::fs::read(dir.join("out/report.pdf")).unwrap()
}

/// The text after the last occurrence of `heading`.
fn after<'a>(text: &'a str, heading: &str) -> &'a str {
    text.rfind(heading).map_or("", |i| &text[i + heading.len()..])
}

#[test]
fn straight_quotes_and_apostrophes_print_as_typographic_ones() {
    let t = build_text(|y| y);
    assert!(t.contains(&sq("“arreglar en casa”")), "{t}");
    assert!(t.contains(&sq("that day’s evening")), "{t}");
    assert!(t.contains(&sq("The centre’s lawyers")), "{t}");
    assert!(!t.contains('"') && !t.contains(&sq("day's")), "a straight quote is left: {t}");
    // In French, guillemets with a no-break space inside (read back as a space).
    let fr = build_text(|y| y.replace("language: en", "language: fr"));
    assert!(fr.contains(&sq("« arreglar en casa »")), "{fr}");
    assert!(fr.contains(&sq("day’s")), "{fr}");
}

#[test]
fn titles_and_headings_are_not_hyphenated() {
    let t = build_text(|y| y);
    // The cover title and the finding's heading wrap; with hyphenation on (tried with a
    // template override), Typst breaks them as "humanitarian or-ganisations" and "Afro-Pe-ruvian".
    for heading in [
        "Non-refoulement, internationalisation and criminalisation of humanitarian organisations in Kazakhstan",
        "Administrative detention of internationally displaced Afro-Peruvian and Kazakhstani women",
    ] {
        assert!(t.contains(&sq(heading)), "{heading:?} is broken in the PDF: {t}");
    }
}

#[test]
fn later_citations_are_short_and_the_same_source_again_is_ibid() {
    let t = build_text(|y| y);
    // 1 Kun.uz in full (summary), 2 the same again, 3 Zhas Alash, 4 our note, 5 Kun.uz again,
    // 6 the law.
    let full = "Kazakhstan deports over 1,200 illegal migrants, including Uzbeks, Kun.uz, 17 March 2025.";
    assert!(t.contains(&sq(full)), "the first citation is in full: {t}");
    assert!(t.contains(&sq("2 Ibid.")), "the second note, citing the same source, is Ibid.: {t}");
    assert!(t.contains(&sq("5 Kun.uz, 17 March 2025, above n 1.")), "the fifth note is short: {t}");
    assert_eq!(
        t.matches(&sq("Kazakhstan deports over 1,200")).count(),
        2,
        "once in the notes, once in the sources: {t}"
    );
    // `citations: {style: full}` prints every citation in full.
    let full_style = build_text(|y| y.replace("language: en", "language: en\ncitations: {style: full}"));
    assert!(!full_style.contains(&sq("Ibid.")) && !full_style.contains(&sq("above n")), "{full_style}");
    // In full: the summary's two citations share one note (as a footnote cited twice in one
    // text always did), the finding's is another, and the list of sources has it once more.
    assert_eq!(full_style.matches(&sq("Kazakhstan deports over 1,200")).count(), 2 + 1, "{full_style}");
}

#[test]
fn dates_are_written_one_way_everywhere() {
    let t = build_text(|y| y);
    assert!(t.contains(&sq("26 May 2025")), "the cover's date: {t}");
    assert!(t.contains(&sq("Kun.uz, 17 March 2025")), "a source's date: {t}");
    assert!(t.contains(&sq("(accessed 2 March 2026)")), "the date it was accessed: {t}");
    assert!(t.contains(&sq("Zhas Alash, April 2025")), "a month: {t}");
    assert!(
        !t.contains(&sq("2025-03-17")) && !t.contains(&sq("2026-03-02")) && !t.contains(&sq("2025-04")),
        "an ISO date is left: {t}"
    );
}

#[test]
fn the_list_of_sources_is_sorted() {
    let order = |t: &str| {
        let list = after(t, "Sources");
        ["Kazakhstan deports", "Law on Migration", "Women detained"].map(|s| list.find(&sq(s)).unwrap_or(usize::MAX))
    };
    let t = build_text(|y| y);
    let [kun, law, zhas] = order(&t);
    assert!(kun < law && law < zhas && zhas != usize::MAX, "alphabetical: {}", after(&t, "Sources"));
    let t = build_text(|y| y.replace("language: en", "language: en\ncitations: {order: as-written}"));
    let [kun, law, zhas] = order(&t);
    assert!(zhas < kun && kun < law && law != usize::MAX, "as written: {}", after(&t, "Sources"));
}

#[test]
fn the_cover_names_the_report_under_review() {
    let t = build_text(|y| y);
    assert!(t.contains(&sq("For the review of Kazakhstan — sixth periodic report (CEDAW/C/KAZ/6)")), "{t}");
    // The finding's heading no longer repeats its articles; the line under it names them.
    assert!(!t.contains(&sq("(arts. 2 and 15)")), "{t}");
    assert!(t.contains(&sq("Articles 2 and 15 of the")), "{t}");
}

/// Builds the fixture with text marked confidential, as `version`; returns the PDF's bytes,
/// its text (white space runs as one space) and the generated Typst.
fn build_version(version: &str) -> (Vec<u8>, String, String) {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("t");
    copy_dir(&root().join(FIXTURE), &dir);
    let yaml = std::fs::read_to_string(dir.join("submission.yaml")).unwrap();
    let yaml = yaml
        .replace(
            "title: Non-refoulement,",
            "subtitle: \"The case of [confidential: Koshmambet]\"\ntitle: Non-refoulement,",
        )
        .replace(
            "      The law allows it.[^law]\n",
            "      The law allows it.[^law] [confidential: Aigerim Nurlanovna told us so.[^interview]]\n\n      ::: confidential\n      A secret witness statement, with its own table:\n\n      | Witness | Place |\n      |---|---|\n      | Dilnoza | Shymkent |\n      :::\n",
        )
        .replace(
            "sources:\n",
            "  - id: hidden\n    confidential: true\n    title: Transfers from Shymkent\n    body: Guards named Bakhyt beat detainees.[^interview]\n    recommendations:\n      - {id: stop-transfers, text: Stop the night transfers from Shymkent.}\nsources:\n  - id: interview\n    confidential: true\n    title: Interview with Zarina T.\n    author: Example Rights Centre\n    date: 2025-01-12\n",
        );
    std::fs::write(dir.join("submission.yaml"), yaml).unwrap();
    let o = run_in(work.path(), &["build", "t", "-o", "out", "--version", version]);
    assert!(o.status.success(), "build failed:\n{}\n{}", text(&o.stdout), text(&o.stderr));
    assert_eq!(text(&o.stderr), "", "no warnings");
    let pdf = std::fs::read(work.path().join(format!("out/report-{version}.pdf"))).unwrap();
    let typ = std::fs::read_to_string(work.path().join(format!("out/report-{version}.typ"))).unwrap();
    let t = sq(&common::pdf_text(&pdf));
    (pdf, t, typ)
}

/// Every piece of text the fixture marks confidential, one way or another.
const SECRETS: &[&str] =
    &["Koshmambet", "Aigerim", "Nurlanovna", "secret witness", "Dilnoza", "Shymkent", "Bakhyt", "Zarina"];

#[test]
fn the_public_version_leaves_out_what_is_marked_confidential() {
    let (pdf, t, typ) = build_version("confidential");
    for secret in SECRETS {
        assert!(t.contains(&sq(secret)), "the confidential version has {secret:?}: {t}");
    }
    assert!(t.contains(&sq("CONFIDENTIAL. This submission is for the members of the Committee only")), "{t}");
    // The title's mark is in the PDF's metadata too (XMP, written as text).
    assert!(
        String::from_utf8_lossy(&pdf).contains("The case of Koshmambet") || t.contains(&sq("The case of Koshmambet"))
    );

    let (pdf, t, typ_public) = build_version("public");
    let raw = String::from_utf8_lossy(&pdf);
    for secret in SECRETS {
        assert!(!t.contains(&sq(secret)), "the public PDF's text has {secret:?}: {t}");
        assert!(!raw.contains(secret), "the public PDF's bytes (metadata) have {secret:?}");
        assert!(!typ_public.contains(secret), "the public Typst has {secret:?}");
    }
    assert!(t.contains(&sq("The case of [withheld]")), "{t}");
    assert_eq!(t.matches(&sq("[withheld]")).count(), 2, "the subtitle's mark and the body's: {t}");
    assert!(t.contains(&sq("This submission is public")), "{t}");
    assert!(
        typ.contains("Dilnoza") && typ.contains("Transfers from") && !typ_public.contains("Transfers from"),
        "the versions differ as marked"
    );
}

#[test]
fn public_text_citing_a_confidential_source_is_an_error_at_the_footnote() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("t");
    copy_dir(&root().join(FIXTURE), &dir);
    let yaml = std::fs::read_to_string(dir.join("submission.yaml")).unwrap();
    let yaml = yaml.replace("  - id: law\n", "  - id: law\n    confidential: true\n");
    std::fs::write(dir.join("submission.yaml"), yaml).unwrap();
    let o = run_in(work.path(), &["check", "t", "--diagnostic-format", "short"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stdout));
    let said = text(&o.stdout) + &text(&o.stderr);
    assert!(
        said.contains("t/submission.yaml:29:25: error: footnote [^law] cites `law`, a source marked confidential, in text that the public version prints"),
        "{said}"
    );
    // The confidential version may cite it.
    let o = run_in(work.path(), &["build", "t", "-o", "out", "--version", "confidential"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
}

#[test]
fn a_page_limit_is_checked_after_layout() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("t");
    copy_dir(&root().join(FIXTURE), &dir);
    let yaml = std::fs::read_to_string(dir.join("submission.yaml")).unwrap();
    std::fs::write(
        dir.join("submission.yaml"),
        yaml.replace("language: en\n", "language: en\nlayout: {page_limit: 2}\n"),
    )
    .unwrap();
    let o = run_in(work.path(), &["build", "t", "-o", "out", "--diagnostic-format", "short"]);
    assert!(o.status.success(), "a warning, not an error: {}", text(&o.stderr));
    let said = text(&o.stderr);
    assert!(
        said.contains("t/submission.yaml:11:22: warning: the report has 3 pages as laid out, over the limit of 2"),
        "{said}"
    );
    let stdout = text(&o.stdout);
    assert!(stdout.contains("(3 pages,"), "{stdout}");
}

/// The text of each page of a PDF (`pdftotext`, pages parted by form feeds), white space
/// squeezed out (see [`sq`]).
fn pages(pdf: &Path) -> Vec<String> {
    let o = std::process::Command::new("pdftotext").arg(pdf).arg("-").output().expect("pdftotext (poppler-utils)");
    assert!(o.status.success(), "pdftotext: {}", text(&o.stderr));
    text(&o.stdout).split('\u{c}').map(sq).collect()
}

#[test]
fn a_lead_in_never_ends_a_page_apart_from_its_list() {
    // Twenty-four lead-ins, each after a paragraph a little longer than the one before, so
    // that some fall at the foot of a page: a short list stays whole with its lead-in, a long
    // one keeps the lead-in with its first item. Read back from the PDF's pages and the Word
    // document's paragraph properties (w:keepNext), one rule for both.
    let letter = |i: usize| char::from(b'a' + i as u8);
    let mut body = String::new();
    for k in 0..24 {
        body.push_str(&format!("      {}\n\n", "Filler words for the page. ".repeat(4 + 3 * k)));
        body.push_str(&format!("      Lead{k}z asks the State party:\n\n"));
        let items = if k % 3 == 0 { 8 } else { 4 };
        for i in 0..items {
            body.push_str(&format!("      - Item{k}x{} of the list.\n", letter(i)));
        }
        body.push('\n');
    }
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("t");
    copy_dir(&root().join(FIXTURE), &dir);
    let yaml = std::fs::read_to_string(dir.join("submission.yaml")).unwrap();
    let yaml = yaml.replace("      Detention lasts for months.", &format!("{body}      Detention lasts for months."));
    std::fs::write(dir.join("submission.yaml"), yaml).unwrap();
    let o = run_in(work.path(), &["build", "t", "-o", "out", "--format", "pdf,docx"]);
    assert!(o.status.success(), "build failed:\n{}\n{}", text(&o.stdout), text(&o.stderr));
    let pages = pages(&work.path().join("out/report.pdf"));
    let page_of = |needle: &str| {
        pages.iter().position(|p| p.contains(needle)).unwrap_or_else(|| panic!("{needle} is not in the PDF"))
    };
    for k in 0..24 {
        let lead = page_of(&format!("Lead{k}zasks"));
        let items = if k % 3 == 0 { 1 } else { 4 };
        for i in 0..items {
            assert_eq!(
                page_of(&format!("Item{k}x{}", letter(i))),
                lead,
                "lead-in {k} and its item {i} are on different pages"
            );
        }
    }
    assert!(pages.len() > 4, "the lists fill several pages: {}", pages.len());

    // Word: the lead-in keeps with the next paragraph, and so does a list's first item.
    let bytes = std::fs::read(work.path().join("out/report.docx")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    for k in [0, 1, 23] {
        for needle in [format!("Lead{k}z asks the State party:"), format!("Item{k}xa of the list.")] {
            let at = xml.find(&needle).unwrap_or_else(|| panic!("{needle} is not in the Word document"));
            let p = xml[..at].rfind("<w:p>").unwrap();
            assert!(xml[p..at].contains("<w:keepNext/>"), "{needle}: no w:keepNext in {}", &xml[p..at]);
        }
        let last = format!("Item{k}x{} of the list.", letter(if k % 3 == 0 { 7 } else { 3 }));
        let at = xml.find(&last).unwrap();
        let p = xml[..at].rfind("<w:p>").unwrap();
        assert!(!xml[p..at].contains("<w:keepNext/>"), "{last}: the last item does not keep with what follows");
    }
}

/// The words of a PDF with the left edge of each (`pdftotext -bbox`), in reading order.
fn words_at(pdf: &Path) -> Vec<(f64, String)> {
    let o = std::process::Command::new("pdftotext").arg("-bbox").arg(pdf).arg("-").output().expect("pdftotext");
    text(&o.stdout)
        .lines()
        .filter_map(|l| {
            let l = l.trim().strip_prefix("<word xMin=\"")?;
            let (x, rest) = l.split_once('"')?;
            let word = rest.split_once('>')?.1.strip_suffix("</word>")?;
            Some((x.parse().ok()?, word.to_owned()))
        })
        .collect()
}

#[test]
fn the_list_of_sources_keeps_one_number_column_and_a_captioned_table_starts_its_lines() {
    // The example has thirteen sources: entries 1–3 and 4–13 start at one left edge.
    let work = tempfile::tempdir().unwrap();
    let o = run_in(&root(), &["build", "submissions/kazakhstan-ccpr-2025", "-o", work.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let words = words_at(&work.path().join("report.pdf"));
    let sources = words.iter().rposition(|(_, w)| w == "Sources").expect("the Sources heading");
    let after = |number: &str| {
        let at = words[sources..].iter().position(|(_, w)| w == number).unwrap_or_else(|| panic!("entry {number}"));
        words[sources + at + 1].0
    };
    let first = after("1.");
    for n in ["3.", "4.", "10.", "13."] {
        assert!((after(n) - first).abs() < 0.5, "entry {n} starts at {} and entry 1. at {first}", after(n));
    }

    // A table with a caption (in a figure, which centres what it holds): its text columns
    // start at the start of the cell, the header and the rows alike.
    let dir = work.path().join("t");
    copy_dir(&root().join(FIXTURE), &dir);
    let yaml = std::fs::read_to_string(dir.join("submission.yaml")).unwrap();
    let yaml = yaml.replace(
        "      | Uzbek nationals | Almaty |\n",
        "      | Uzbek nationals | Almaty |\n      | Tajik nationals held for months | Astana |\n\n      Table: Where they are held\n",
    );
    std::fs::write(dir.join("submission.yaml"), yaml).unwrap();
    let pdf = build(work.path(), "t");
    std::fs::write(work.path().join("t.pdf"), pdf).unwrap();
    let words = words_at(&work.path().join("t.pdf"));
    let x = |word: &str| words.iter().find(|(_, w)| w == word).unwrap_or_else(|| panic!("{word}")).0;
    assert!(
        (x("Group") - x("Uzbek")).abs() < 0.5 && (x("Uzbek") - x("Tajik")).abs() < 0.5,
        "{} {} {}",
        x("Group"),
        x("Uzbek"),
        x("Tajik")
    );
    assert!((x("Place") - x("Almaty")).abs() < 0.5, "{} {}", x("Place"), x("Almaty"));
}

/// The `w:t` text and the field codes of each Caption paragraph of a Word document.
fn word_captions(docx: &Path) -> Vec<(String, String)> {
    let bytes = std::fs::read(docx).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    doc.descendants()
        .filter(|p| p.has_tag_name((w, "p")))
        .filter(|p| {
            p.descendants().any(|s| s.has_tag_name((w, "pStyle")) && s.attribute((w, "val")) == Some("Caption"))
        })
        .map(|p| {
            let all = |tag: &str| -> String {
                p.descendants().filter(|e| e.has_tag_name((w, tag))).filter_map(|e| e.text()).collect()
            };
            (all("t"), all("instrText"))
        })
        .collect()
}

#[test]
fn captions_are_numbered_alike_in_the_pdf_and_the_word_document_annexes_within_themselves() {
    // The Verdania example has a captioned table in a finding, a figure, and a captioned
    // table in its annex: "Table 1", "Figure 1", "Table I.1", in the PDF and in Word.
    let work = tempfile::tempdir().unwrap();
    let o = run_in(
        &root(),
        &["build", "submissions/verdania-crc-2025", "-o", work.path().to_str().unwrap(), "--format", "pdf,docx"],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let expected = [
        "Table\u{a0}1: Children removed from public spaces in 2024, by department",
        "Figure\u{a0}1: Children removed and children assessed, 2024",
        "Table\u{a0}I.1: Children interviewed, by department",
    ];
    let pdf = pages(&work.path().join("report.pdf")).concat();
    for caption in expected {
        assert!(pdf.contains(&sq(caption)), "{caption} is not in the PDF");
    }
    let word = word_captions(&work.path().join("report.docx"));
    let texts: Vec<&str> = word.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, expected);
    // Numbers Word can update: SEQ fields, the annex's starting again at 1.
    assert!(word[0].1.contains("SEQ Table") && !word[0].1.contains(r"\r"), "{word:?}");
    assert!(word[1].1.contains("SEQ Figure"), "{word:?}");
    assert!(word[2].1.contains(r"SEQ Table \r 1"), "{word:?}");
}

#[test]
fn a_reports_captions_take_the_words_of_its_language_in_the_pdf_and_in_word() {
    // A captioned Markdown table in a French and a Chinese report: "Tableau 1 : …" and
    // "表1：…" in the PDF (Amicus's catalogue, not Typst's own "Tableau 1 –" or "表 1 "), the
    // same in the Word document.
    for (language, pdf_label, word_label) in [
        ("fr", "Tableau 1 : Where they are held", "Tableau\u{a0}1\u{a0}: Where they are held"),
        ("zh", "表1：Where they are held", "表1：Where they are held"),
    ] {
        let work = tempfile::tempdir().unwrap();
        let dir = work.path().join("t");
        copy_dir(&root().join(FIXTURE), &dir);
        let yaml = std::fs::read_to_string(dir.join("submission.yaml")).unwrap();
        let yaml = yaml.replace("language: en", &format!("language: {language}")).replace(
            "      | Uzbek nationals | Almaty |\n",
            "      | Uzbek nationals | Almaty |\n\n      Table: Where they are held\n",
        );
        std::fs::write(dir.join("submission.yaml"), yaml).unwrap();
        let o = run_in(work.path(), &["build", "t", "-o", "out", "--format", "pdf,docx"]);
        assert!(o.status.success(), "{language}: {}", text(&o.stderr));
        let p =
            std::process::Command::new("pdftotext").arg(work.path().join("out/report.pdf")).arg("-").output().unwrap();
        let pdf = text(&p.stdout).replace('\u{a0}', " ");
        assert!(pdf.contains(pdf_label), "{language}: {pdf_label} is not in the PDF:\n{pdf}");
        let word = word_captions(&work.path().join("out/report.docx"));
        assert_eq!(word.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(), [word_label], "{language}");
    }
}
