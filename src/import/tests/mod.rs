//! Tests of the whole import on generated documents with a known ground truth: pdftotext-like
//! text fixtures (committed under `tests/fixtures/co/`), PDFs made with the embedded Typst
//! compiler and read back through `pdf-extract`, and `.docx` files written here.

mod cases;
mod docx_writer;
mod plain;
mod score;
mod synth;
mod topics;
mod typst_pdf;

use super::parse_co;
use std::path::PathBuf;

/// Where the text fixtures live.
fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/co")
}

/// The fixture file name of a document.
fn fixture_name(doc: &synth::SynthDoc) -> String {
    let state = doc.state.split(' ').next().unwrap_or("x").to_lowercase();
    format!("{}-{state}.txt", doc.committee.code().to_lowercase())
}

/// The committed fixtures are what the generator makes; `AMICUS_BLESS=1` rewrites them.
#[test]
fn text_fixtures_are_current() {
    let dir = fixture_dir();
    for doc in synth::all() {
        let path = dir.join(fixture_name(&doc));
        let text = plain::render(&doc);
        if std::env::var_os("AMICUS_BLESS").is_some() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &text).unwrap();
        }
        let committed = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run with AMICUS_BLESS=1 to create it)", path.display()));
        assert!(
            committed == text,
            "{} is stale; run the tests with AMICUS_BLESS=1 and review the diff",
            path.display()
        );
    }
}

/// Every paragraph, sub-paragraph, footnote, heading and particular comes back from the text
/// fixtures, without a warning.
#[test]
fn text_fixtures_import_exactly() {
    for doc in synth::all() {
        let path = fixture_dir().join(fixture_name(&doc));
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let result = parse_co(&text, None);
        let s = score::score(&doc.truth(), &result);
        println!("{}", s.row(&fixture_name(&doc)));
        assert!(
            s.perfect() && result.warnings.is_empty(),
            "{}:\n{}\n{}\nwarnings: {:#?}",
            path.display(),
            s.row("text"),
            s.misses.join("\n"),
            result.warnings
        );
    }
}

/// Writes the PDFs and the text `pdf-extract` gives for them to `target/import-co/`, for
/// looking at by hand: `cargo test --lib dump_pdf_text -- --ignored`.
#[test]
#[ignore = "writes files for inspection"]
fn dump_pdf_text() {
    for doc in synth::all() {
        let bytes = typst_pdf::pdf(&doc);
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/import-co");
        std::fs::create_dir_all(&dir).unwrap();
        let name = fixture_name(&doc);
        std::fs::write(dir.join(name.replace(".txt", ".pdf")), &bytes).unwrap();
        std::fs::write(dir.join(&name), super::pdf::pdf_text(&bytes).unwrap()).unwrap();
    }
}

/// The same documents typeset as PDF by Typst and read back through `pdf-extract` come back
/// exactly, without a warning.
#[test]
fn typst_pdfs_import_exactly() {
    for doc in synth::all() {
        let bytes = typst_pdf::pdf(&doc);
        // Through the file API, as the CLI reads it.
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join(fixture_name(&doc).replace(".txt", ".pdf"));
        std::fs::write(&path, &bytes).expect("the PDF is written");
        let result = super::import_file(&path, None).expect("the PDF reads");
        assert_eq!(result.co.source.as_deref(), path.file_name().and_then(|n| n.to_str()));
        let s = score::score(&doc.truth(), &result);
        println!("{}", s.row(&format!("{} (PDF)", fixture_name(&doc))));
        assert!(
            s.perfect() && result.warnings.is_empty(),
            "{} as PDF:\n{}\n{}\nwarnings: {:#?}",
            fixture_name(&doc),
            s.row("pdf"),
            s.misses.join("\n"),
            result.warnings
        );
    }
}

/// The same documents as Word files, with numbers and letters typed or numbered by Word, come
/// back exactly, without a warning.
#[test]
fn word_files_import_exactly() {
    for doc in synth::all() {
        for numbering in [docx_writer::Numbering::Typed, docx_writer::Numbering::Automatic] {
            let bytes = docx_writer::docx(&doc, numbering);
            let (text, extract_warnings) = super::docx::docx_text(&bytes).expect("the Word file reads");
            let result = parse_co(&text, None);
            let s = score::score(&doc.truth(), &result);
            println!("{}", s.row(&format!("{} (Word, {numbering:?})", fixture_name(&doc))));
            assert!(
                s.perfect() && result.warnings.is_empty() && extract_warnings.is_empty(),
                "{} as Word ({numbering:?}):\n{}\n{}\nwarnings: {:#?} {extract_warnings:#?}\ntext:\n{}",
                fixture_name(&doc),
                s.row("docx"),
                s.misses.join("\n"),
                result.warnings,
                text.lines().take(40).collect::<Vec<_>>().join("\n")
            );
        }
    }
}

/// Prints the accuracy table of `docs/import-accuracy.md`:
/// `cargo test --lib accuracy_report -- --ignored --nocapture`.
#[test]
#[ignore = "prints the figures for the documentation"]
fn accuracy_report() {
    println!("{}", score::HEADER);
    for doc in synth::all() {
        let name = fixture_name(&doc);
        let text = plain::render(&doc);
        println!("{}", score::score(&doc.truth(), &parse_co(&text, None)).row(&format!("{name} (text)")));
        let pdf_text = super::pdf::pdf_text(&typst_pdf::pdf(&doc)).expect("the PDF reads");
        println!("{}", score::score(&doc.truth(), &parse_co(&pdf_text, None)).row(&format!("{name} (Typst PDF)")));
    }
}
