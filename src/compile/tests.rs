//! Tests that run the real Typst compiler and PDF writer.

use super::*;

/// The document date used by most tests.
const DATE: Date = Date { year: 2025, month: 5, day: 26 };

/// A job with only a main file.
fn job(main: &str) -> Job<'static> {
    Job { main_name: "report.typ", main: main.to_owned(), files: Vec::new(), date: DATE }
}

/// Compiles `main`, panicking with the diagnostics on failure.
fn compile_ok(main: &str) -> Compiled {
    match compile(&job(main)) {
        Ok(compiled) => compiled,
        Err(diagnostics) => panic!("compile failed: {diagnostics:#?}"),
    }
}

/// Compiles `main`, expecting failure; returns the first diagnostic.
fn compile_err(job: &Job) -> TypstDiagnostic {
    match compile(job) {
        Ok(_) => panic!("compile unexpectedly succeeded"),
        Err(mut diagnostics) => {
            assert!(!diagnostics.is_empty());
            assert_eq!(diagnostics[0].severity, Severity::Error);
            diagnostics.remove(0)
        }
    }
}

/// Settings for plain PDF export on `date`.
fn settings(date: Date, standard: PdfStandardChoice) -> PdfSettings {
    PdfSettings { ident: "amicus-test/report".to_owned(), date, standard }
}

/// Whether `needle` occurs in `haystack`.
fn contains_bytes(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The Russian name of the Code of Administrative Offences.
const CYRILLIC: &str = "Кодекс об административных правонарушениях";

/// A small report: outline, numbered headings, a footnote, Cyrillic text and
/// a page break, so it has exactly two pages.
fn sample_report() -> String {
    format!(
        r#"#set document(title: "Shadow report on Freedonia", author: "Freedonia Watch")
#set text(lang: "en")
#set heading(numbering: "1.")
#outline()
#pagebreak()
= Introduction
Freedonia Watch submits this report.#footnote[Adopted by the board in May.]

= Administrative detention
The {CYRILLIC} allows detention for 30 days.

== Recommendations
Repeal article 20.2.
"#
    )
}

#[test]
fn compile_report_pages_and_text_round_trip() {
    let compiled = compile_ok(&sample_report());
    assert!(compiled.warnings.is_empty(), "{:?}", compiled.warnings);
    assert_eq!(page_count(&compiled.document), 2);

    let text = document_text(&compiled.document);
    let pages: Vec<&str> = text.split(PAGE_SEPARATOR).collect();
    assert_eq!(pages.len(), 2, "{text:?}");
    // The outline on page 1 lists the headings with their numbers.
    assert!(pages[0].contains("Contents"), "{:?}", pages[0]);
    assert!(pages[0].contains("Administrative detention"), "{:?}", pages[0]);
    assert!(pages[0].contains("2.1"), "{:?}", pages[0]);
    // Page 2 holds the body, the footnote and the Cyrillic name in one
    // piece, spaces included.
    assert!(pages[1].contains("1. Introduction"), "{:?}", pages[1]);
    assert!(pages[1].contains("Freedonia Watch submits this report."), "{:?}", pages[1]);
    assert!(pages[1].contains("Adopted by the board in May."), "{:?}", pages[1]);
    assert!(pages[1].contains(&format!("The {CYRILLIC} allows")), "{:?}", pages[1]);
    assert!(pages[1].contains("2.1. Recommendations"), "{:?}", pages[1]);
    assert!(!pages[1].contains("Contents"));
}

#[test]
fn document_text_separates_lines_and_joins_styled_runs() {
    let compiled = compile_ok("Hello *bold* and #emph[ital]ic world\n\nSecond paragraph");
    assert_eq!(document_text(&compiled.document), "Hello bold and italic world\nSecond paragraph");
}

#[test]
fn today_is_the_job_date() {
    let compiled = compile_ok("#datetime.today().display()");
    assert_eq!(document_text(&compiled.document), "2025-05-26");
    let mut other = job("#datetime.today(offset: -12).display()");
    other.date = Date::parse("1999-12-31").unwrap();
    let compiled = compile(&other).unwrap();
    assert_eq!(document_text(&compiled.document), "1999-12-31");
}

#[test]
fn impossible_job_date_is_a_typst_error_not_a_panic() {
    let mut bad = job("#datetime.today()");
    bad.date = Date { year: 2025, month: 2, day: 30 };
    let error = compile_err(&bad);
    assert_eq!((error.file.as_str(), error.line), ("report.typ", 1));
}

#[test]
fn sandbox_refuses_files_on_disk() {
    let error = compile_err(&job("Before.\n#read(\"/etc/passwd\")\n"));
    assert_eq!(error.message, "file not found (searched at /etc/passwd)");
    assert_eq!(error.file, "report.typ");
    assert_eq!(error.line, 2);
    // The span is the path argument.
    assert_eq!(error.column, 7);
    assert_eq!(error.source_line.as_deref(), Some("#read(\"/etc/passwd\")"));
    assert!(error.hints.contains(&"only these files can be read: report.typ".to_owned()), "{:?}", error.hints);

    // Relative paths cannot climb out of the root either.
    let error = compile_err(&job("#image(\"../../../etc/passwd\")"));
    assert_eq!((error.file.as_str(), error.line), ("report.typ", 1));
    assert_eq!(error.message, "path `\"../../../etc/passwd\"` would escape the project root");
}

#[test]
fn sandbox_has_no_packages() {
    let error = compile_err(&job("#import \"@preview/cetz:0.3.0\": canvas\n"));
    assert!(error.message.starts_with("package not found"), "{}", error.message);
    assert_eq!(error.line, 1);
    assert!(error.hints.iter().any(|h| h.contains("offline")), "{error}");
}

#[test]
fn virtual_files_are_served() {
    let mut with_files =
        job("#import \"amicus.typ\": shout\n#let data = json(\"/data/case.json\")\n#shout(data.name)\n");
    with_files.files = vec![
        (
            "amicus.typ".to_owned(),
            // A byte-order mark, as some editors write, must not break import.
            "\u{feff}#let shout(s) = upper(s)\n".as_bytes().to_vec(),
        ),
        ("data/case.json".to_owned(), br#"{"name": "ivanov v. freedonia"}"#.to_vec()),
    ];
    let compiled = compile(&with_files).unwrap();
    assert_eq!(document_text(&compiled.document), "IVANOV V. FREEDONIA");
}

#[test]
fn invalid_or_duplicate_virtual_paths_are_rejected() {
    let mut escaping = job("x");
    escaping.files = vec![("../outside.typ".to_owned(), Vec::new())];
    let error = compile_err(&escaping);
    assert!(error.message.contains("../outside.typ"), "{error}");
    assert_eq!(error.line, 0);

    let mut duplicate = job("x");
    duplicate.files = vec![("/report.typ".to_owned(), Vec::new())];
    assert!(compile_err(&duplicate).message.contains("given twice"));

    let mut root = job("x");
    root.main_name = "/";
    assert!(compile_err(&root).message.contains("names no file"));
}

#[test]
fn template_error_is_located_with_source_line() {
    let error = compile_err(&job("= Title\n\n#let x = 1 + \"a\"\n#x\n"));
    assert_eq!(error.message, "cannot add integer and string");
    assert_eq!(error.file, "report.typ");
    assert_eq!(error.line, 3);
    assert_eq!(error.column, 10, "{error}");
    assert_eq!(error.source_line.as_deref(), Some("#let x = 1 + \"a\""));
    assert_eq!(error.to_string().lines().next(), Some("report.typ:3:10: error: cannot add integer and string"));
}

#[test]
fn columns_count_characters_not_bytes() {
    // Cyrillic letters are two bytes each in UTF-8.
    let error = compile_err(&job("Доклад #undefined-thing"));
    assert_eq!(error.line, 1);
    assert_eq!(error.column, 9, "{error}");
}

#[test]
fn error_in_library_names_the_calling_template_line() {
    let mut with_lib = job("#import \"amicus.typ\": badge\n\nText\n#badge(3)\n");
    with_lib.files = vec![("amicus.typ".to_owned(), b"// Amicus library\n#let badge(n) = n + \"!\"\n".to_vec())];
    let error = compile_err(&with_lib);
    assert_eq!(error.file, "amicus.typ");
    assert_eq!(error.line, 2);
    assert_eq!(error.source_line.as_deref(), Some("#let badge(n) = n + \"!\""));
    assert!(error.hints.iter().any(|h| h == "while calling `badge` at report.typ:4:2"), "{:?}", error.hints);
}

#[test]
fn warnings_are_reported_and_located() {
    let compiled = compile_ok("Text\n#set text(font: \"Arial\")\nMore");
    assert_eq!(compiled.warnings.len(), 1, "{:?}", compiled.warnings);
    let warning = &compiled.warnings[0];
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(warning.message, "unknown font family: arial");
    assert_eq!((warning.file.as_str(), warning.line), ("report.typ", 2));
}

#[test]
fn pdf_is_reproducible_and_date_dependent() {
    let compiled = compile_ok(&sample_report());
    let first = export_pdf(&compiled.document, &settings(DATE, PdfStandardChoice::default())).unwrap();
    let second = export_pdf(&compiled.document, &settings(DATE, PdfStandardChoice::default())).unwrap();
    assert!(first.starts_with(b"%PDF-"));
    assert!(first == second, "same document and settings, different bytes");

    // A fresh compile of the same source gives the same bytes too.
    let again = compile_ok(&sample_report());
    let third = export_pdf(&again.document, &settings(DATE, PdfStandardChoice::default())).unwrap();
    assert!(first == third, "recompiling changed the bytes");

    let later = DATE.add_years(1);
    let other = export_pdf(&compiled.document, &settings(later, PdfStandardChoice::default())).unwrap();
    assert!(first != other, "the date does not reach the PDF");
    assert!(contains_bytes(&other, b"2026-05-26T00:00:00"));
    assert!(contains_bytes(&first, b"2025-05-26T00:00:00"));
}

#[test]
fn pdf_has_metadata_tags_and_extractable_text() {
    let compiled = compile_ok(&sample_report());
    let pdf = export_pdf(&compiled.document, &settings(DATE, PdfStandardChoice::default())).unwrap();
    // Title and author in the XMP packet, language in the catalog and XMP.
    assert!(contains_bytes(
        &pdf,
        b"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Shadow report on Freedonia</rdf:li>"
    ));
    assert!(contains_bytes(&pdf, b"<dc:creator><rdf:Seq><rdf:li>Freedonia Watch</rdf:li>"));
    let tool = format!("<xmp:CreatorTool>Amicus {} (Typst 0.15.1)</xmp:CreatorTool>", env!("CARGO_PKG_VERSION"));
    assert!(contains_bytes(&pdf, tool.as_bytes()));
    assert!(contains_bytes(&pdf, b"/Lang(en)"), "no language in the catalog");
    assert!(contains_bytes(&pdf, b"<dc:language><rdf:Bag><rdf:li>en</rdf:li>"));
    assert!(contains_bytes(&pdf, b"<x:xmpmeta"));
    // Tagged PDF: a structure tree and the Marked flag.
    assert!(contains_bytes(&pdf, b"/StructTreeRoot"));
    assert!(contains_bytes(&pdf, b"/MarkInfo<</Marked true"));

    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Freedonia Watch submits this report."), "{flat}");
    assert!(flat.contains("Adopted by the board in May."), "{flat}");
    assert!(flat.contains(CYRILLIC), "{flat}");
}

#[test]
fn pdf_a2b_export_succeeds_with_title_and_date() {
    let compiled = compile_ok(&sample_report());
    let pdf = export_pdf(&compiled.document, &settings(DATE, PdfStandardChoice::A2bUa1)).unwrap();
    assert!(contains_bytes(&pdf, b"pdfaid:part"), "no PDF/A identification");
    assert!(contains_bytes(&pdf, b"pdfuaid:part"), "no PDF/UA identification");
    assert!(contains_bytes(&pdf, b"2025-05-26T00:00:00"));
}

#[test]
fn pdf_ua_requires_a_title() {
    let compiled = compile_ok("#set text(lang: \"en\")\nNo title here.");
    let errors = export_pdf(&compiled.document, &settings(DATE, PdfStandardChoice::Ua1)).unwrap_err();
    assert!(errors.iter().any(|e| e.message.contains("missing document title")), "{errors:?}");
    // Plain export of the same document is fine.
    export_pdf(&compiled.document, &settings(DATE, PdfStandardChoice::None)).unwrap();
}

#[test]
fn pdf_export_errors_are_located_in_the_source() {
    let compiled = compile_ok("#set document(title: \"T\")\n#set text(lang: \"en\")\nArea: $pi r^2$\n");
    let errors = export_pdf(&compiled.document, &settings(DATE, PdfStandardChoice::Ua1)).unwrap_err();
    let alt =
        errors.iter().find(|e| e.message.contains("alt")).unwrap_or_else(|| panic!("no alt text error: {errors:?}"));
    assert_eq!((alt.file.as_str(), alt.line), ("report.typ", 3), "{alt}");
    assert_eq!(alt.source_line.as_deref(), Some("Area: $pi r^2$"));
}

#[test]
fn invalid_pdf_date_is_an_error() {
    let compiled = compile_ok("x");
    let bad = Date { year: 2025, month: 13, day: 1 };
    let errors = export_pdf(&compiled.document, &settings(bad, PdfStandardChoice::None)).unwrap_err();
    assert_eq!(errors[0].message, "invalid document date 2025-13-01");
}

#[test]
fn pdf_standard_names_round_trip() {
    for choice in PdfStandardChoice::ALL {
        assert_eq!(choice.to_string().parse::<PdfStandardChoice>(), Ok(choice));
        // Every choice is a valid combination for Typst.
        assert!(PdfStandards::new(choice.standards()).is_ok(), "{choice}");
    }
    // A PDF/A part alone keeps PDF/UA-1; case does not matter.
    assert_eq!("A-2B".parse(), Ok(PdfStandardChoice::A2bUa1));
    assert_eq!("a-3u".parse(), Ok(PdfStandardChoice::A3uUa1));
    assert!("a-9z".parse::<PdfStandardChoice>().unwrap_err().contains("ua-1"));
    assert!("a-4".parse::<PdfStandardChoice>().unwrap_err().contains("cannot be combined with PDF/UA-1"));
    // Accessible unless the user opts out.
    assert_eq!(PdfStandardChoice::default(), PdfStandardChoice::Ua1);
    assert!(PdfStandardChoice::ALL.iter().all(|c| c.is_accessible() == (*c != PdfStandardChoice::None)));
}

#[test]
fn uncovered_chars_finds_what_no_font_has() {
    let engine = Engine::shared();
    assert!(engine.font_count() >= 17);
    assert_eq!(engine.uncovered_chars("abc Кириллица"), Vec::<char>::new());
    assert_eq!(engine.uncovered_chars("Ελληνικά עברית € — “quotes”"), Vec::<char>::new());
    // Arabic and (with the default `cjk` feature) the simplified Chinese of GB 2312 are
    // embedded; rarer characters are not.
    assert_eq!(engine.uncovered_chars("العربية"), Vec::<char>::new());
    if HAS_CHINESE {
        assert_eq!(engine.uncovered_chars("中文 ，。《》"), Vec::<char>::new());
        assert_eq!(engine.uncovered_chars("中文 𠀀 龘 😀"), ['𠀀', '龘', '😀']);
    } else {
        assert_eq!(engine.uncovered_chars("中文 😀"), ['中', '文', '😀']);
    }
    // Deduplicated, in order of first appearance.
    assert_eq!(engine.uncovered_chars("龘𠀀龘𠀀😀龘"), ['龘', '𠀀', '😀']);
    // Whitespace, controls and invisible formatting characters are ignored.
    assert_eq!(engine.uncovered_chars("a\u{3000}b\u{7}c\u{200D}d\u{FE0F}e\u{AD}f\u{FEFF}"), Vec::<char>::new());
    // Thai and Hangul are not embedded either.
    assert_eq!(engine.uncovered_chars("ไทย"), ['ไ', 'ท', 'ย']);
    assert_eq!(engine.uncovered_chars("한"), ['한']);
}

#[test]
fn dropped_documents_are_forgotten() {
    let compiled = compile_ok("registry check");
    assert!(world::world_of(&compiled.document).is_some());
    let clone = compiled.document.clone();
    drop(compiled);
    // A clone shares the introspector, so it is still recognised.
    assert!(world::world_of(&clone).is_some());
}
