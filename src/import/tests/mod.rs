//! Tests of the whole import on generated documents with a known ground truth: pdftotext-like
//! text fixtures (committed under `tests/fixtures/co/`), PDFs made with the embedded Typst
//! compiler and read back through `pdf-extract`, and `.docx` files written here.

mod cases;
mod docx_writer;
mod earlier_real;
mod loi_real;
mod plain;
mod real;
mod robust;
mod roles;
mod score;
mod synth;
mod topics;
mod typst_pdf;

use super::{ImportWarning, parse_co};
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
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed == text {
            continue;
        }
        let diff = similar::TextDiff::from_lines(&committed, &text)
            .unified_diff()
            .header("committed", "generated")
            .to_string();
        if std::env::var_os("AMICUS_BLESS").is_some() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &text).unwrap();
            // Never silently green: the rewrite is shown, and the next run passes.
            panic!("AMICUS_BLESS rewrote {}; review the change, then run again without it:\n{diff}", path.display());
        }
        panic!("{} is stale (AMICUS_BLESS=1 rewrites it):\n{diff}", path.display());
    }
}

/// Every paragraph, sub-paragraph, footnote, heading and particular comes back from the text
/// fixtures, without a warning.
#[test]
fn text_fixtures_import_exactly() {
    for doc in synth::all() {
        let path = fixture_dir().join(fixture_name(&doc));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!("{}: {e}; every generated document has a committed text fixture", path.display())
        });
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

/// The same documents typeset as PDF by Typst and read back through `pdf-extract` come back
/// exactly, without a warning.
///
/// With `AMICUS_DUMP_PDFS=1` it also writes each PDF and the text the PDF route extracts from
/// it to `target/import-co/`, for looking at by hand.
#[test]
fn typst_pdfs_import_exactly() {
    let dump = std::env::var_os("AMICUS_DUMP_PDFS")
        .map(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/import-co"));
    for doc in synth::all() {
        let bytes = typst_pdf::pdf(&doc);
        if let Some(dir) = &dump {
            std::fs::create_dir_all(dir).expect("target/import-co");
            let name = fixture_name(&doc);
            std::fs::write(dir.join(name.replace(".txt", ".pdf")), &bytes).expect("the PDF is written");
            std::fs::write(dir.join(&name), super::pdf::pdf_text(&bytes).expect("the PDF reads")).expect("written");
        }
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

/// Text wrapped narrower (more words split at line ends), text that lost all its blank lines,
/// and text whose footnote calls stand apart from their words still import exactly; only the
/// spaced calls are reported, one warning each, for checking.
#[test]
fn degraded_texts_import_exactly() {
    for doc in synth::all() {
        let clean = plain::render(&doc);
        let no_blanks: String = clean.lines().filter(|l| !l.trim().is_empty()).map(|l| format!("{l}\n")).collect();
        for (label, text) in [
            ("60 columns", plain::render_width(&doc, 60)),
            ("no blank lines", no_blanks),
            ("calls spaced", spaced_calls(&clean)),
        ] {
            let result = parse_co(&text, None);
            let s = score::score(&doc.truth(), &result);
            let unexpected: Vec<&ImportWarning> =
                result.warnings.iter().filter(|w| !w.message.contains("stands apart from the word")).collect();
            assert!(
                s.perfect() && unexpected.is_empty(),
                "{} ({label}):\n{}\n{}\nwarnings: {unexpected:#?}",
                fixture_name(&doc),
                s.row(label),
                s.misses.join("\n")
            );
        }
    }
}

/// The generated documents' figures, clean and degraded inputs, must be the ones
/// `docs/import-accuracy.md` shows (`AMICUS_BLESS=1` rewrites them, for review in the diff).
///
/// Besides the clean inputs the other tests hold at 100 %, it measures degraded ones, to show
/// where the reader's limits are: lines wrapped narrower (more split words and markers at line
/// ends), every blank line lost (as some copy-pastes do), footnote calls separated from their
/// word by a space, and the text `pdf-extract`'s own writer gives for the same PDFs.
#[test]
fn synthetic_figures_match_the_document() {
    let mut clean = format!("{}\n", score::HEADER);
    let mut degraded = format!("{}\n", score::HEADER);
    let row = |out: &mut String, doc: &synth::SynthDoc, label: &str, text: &str| {
        let s = score::score(&doc.truth(), &parse_co(text, None));
        out.push_str(&s.row(&format!("{} ({label})", doc.committee.code())));
        out.push('\n');
    };
    for doc in synth::all() {
        row(&mut clean, &doc, "text", &plain::render(&doc));
        let bytes = typst_pdf::pdf(&doc);
        row(&mut clean, &doc, "Typst PDF", &super::pdf::pdf_text(&bytes).expect("the PDF reads"));
        for numbering in [docx_writer::Numbering::Typed, docx_writer::Numbering::Automatic] {
            let (text, _) = super::docx::docx_text(&docx_writer::docx(&doc, numbering)).expect("the Word file reads");
            row(&mut clean, &doc, &format!("Word, {numbering:?}"), &text);
        }
    }
    for doc in synth::all() {
        row(&mut degraded, &doc, "text, 60 columns", &plain::render_width(&doc, 60));
        let no_blanks: String =
            plain::render(&doc).lines().filter(|l| !l.trim().is_empty()).map(|l| format!("{l}\n")).collect();
        row(&mut degraded, &doc, "text, no blank lines", &no_blanks);
        let spaced = spaced_calls(&plain::render(&doc));
        row(&mut degraded, &doc, "text, calls spaced", &spaced);
        let bytes = typst_pdf::pdf(&doc);
        let raw = pdf_extract::extract_text_from_mem(&bytes).unwrap_or_default();
        row(&mut degraded, &doc, "Typst PDF, pdf-extract's own writer", &raw);
    }
    check_document(&[("synthetic clean inputs", clean), ("synthetic degraded inputs", degraded)]);
}

/// Serialises the tests that read and (blessing) rewrite `docs/import-accuracy.md`.
static DOCUMENT: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Checks that each named generated part of `docs/import-accuracy.md` (between
/// `<!-- begin: NAME -->` and `<!-- end: NAME -->`) is exactly the given text; with
/// `AMICUS_BLESS=1` set, rewrites them instead.
fn check_document(parts: &[(&str, String)]) {
    let _guard = DOCUMENT.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/import-accuracy.md");
    let doc = std::fs::read_to_string(&path).expect("docs/import-accuracy.md");
    let mut fresh = doc.clone();
    for (name, body) in parts {
        let begin = format!("<!-- begin: {name} (generated by the tests; AMICUS_BLESS=1 rewrites it) -->\n");
        let end = format!("<!-- end: {name} -->\n");
        let b = fresh.find(&begin).unwrap_or_else(|| panic!("docs/import-accuracy.md lacks the marker {begin}"))
            + begin.len();
        let e = fresh[b..].find(&end).unwrap_or_else(|| panic!("docs/import-accuracy.md lacks the marker {end}")) + b;
        fresh = format!("{}{body}{}", &fresh[..b], &fresh[e..]);
    }
    if std::env::var_os("AMICUS_BLESS").is_some() {
        std::fs::write(&path, &fresh).expect("the document is written");
        return;
    }
    assert!(
        fresh == doc,
        "docs/import-accuracy.md does not show the figures of this run; rerun with AMICUS_BLESS=1 and review the diff:\n{}",
        parts.iter().map(|(n, b)| format!("{n}:\n{b}")).collect::<Vec<_>>().join("\n")
    );
}

/// Puts a space between each footnote call and the word before it ("detention 12"), as some
/// extractors do; the body lines only (a footnote line "12 See …" is left alone).
fn spaced_calls(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut new = String::new();
        for (i, token) in line.split(' ').enumerate() {
            if i > 0 {
                new.push(' ');
            }
            let digits = token.trim_end_matches(['.', ',', ';']).chars().rev().take_while(char::is_ascii_digit).count();
            let core_len = token.trim_end_matches(['.', ',', ';']).len();
            let head = &token[..core_len - digits];
            if digits > 0
                && digits < 3
                && head.chars().count() >= 3
                && head.ends_with(|c: char| c.is_alphabetic() || c == '.')
                && !token.contains('/')
            {
                new.push_str(head);
                new.push(' ');
                new.push_str(&token[core_len - digits..]);
            } else {
                new.push_str(token);
            }
        }
        out.push_str(&new);
        out.push('\n');
    }
    out
}
