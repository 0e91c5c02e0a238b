//! Nothing in import may panic, whatever the input: property tests over arbitrary Unicode and
//! bytes on the text pass, and a fuzz-style test over mutated real UN documents (PDF and Word)
//! from `tests/fixtures/real-co/`, through every stage (extraction, text pass).

use super::super::{docx, parse_co, pdf};
use proptest::prelude::*;
use std::io::{Cursor, Read, Write};
use std::path::PathBuf;

/// Pieces of concluding observations that steer the text pass into its branches: paragraph
/// and item numbers, footnote calls glued to multi-byte letters and quotes, page furniture,
/// symbols, dates, follow-up wording, and characters whose byte length differs from one.
const PIECES: &[&str] = &[
    "1. ",
    "12.",
    "(a) ",
    "a) ",
    "(iv) ",
    "A. ",
    "B.\t",
    "I.",
    "\n",
    "\n\n",
    "\u{c}",
    " ",
    "  ",
    "«",
    "»",
    "“",
    "”",
    "’",
    "é",
    "ó",
    "ñ",
    "ü",
    "İ",
    "ß",
    "ﬁ",
    "ﬀ",
    "\u{a0}",
    "\u{ad}",
    "\u{200b}",
    "\u{2028}",
    "\u{301}",
    "ا",
    "中",
    "😀",
    "5",
    "12",
    "123",
    "2019",
    "2019.5",
    ",5",
    ".12",
    ")4",
    "»,5",
    "ión»,5",
    "Comité",
    "Migración»,5 de 2019.",
    "Ley",
    "GE.25-12345(E)",
    "CCPR/C/KAZ/CO/3",
    "CERD/C/URY/CO/21-23",
    "Distr.: General",
    "Original: English",
    "*",
    "* ",
    "para. 12",
    "paragraphs 12 and 34 (b)",
    "within one year",
    "by 26 July 2027",
    "In accordance with rule 75",
    "adopted at its 4242nd meeting, held on 3 July 2025",
    "Concluding observations on the",
    "report of Kazakhstan",
    "Please recycle",
    "-",
    "-\n",
    "—",
    "Principal subjects of concern and recommendations",
    "The Committee",
    "recommends that the State party",
    "(",
    ")",
    "[",
    "]",
    ":",
    ";",
    ".",
    ",",
    "'",
    "\"",
    "\r\n",
];

/// Text made of [`PIECES`], the likeliest to reach every branch.
fn co_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..160).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Any Unicode text goes through the text pass without a panic.
    #[test]
    fn any_unicode_text_is_read_without_panic(text in any::<String>()) {
        let result = parse_co(&text, None);
        prop_assert!(result.warnings.iter().all(|w| !w.message.is_empty()));
    }

    /// Text built from the pieces of real documents goes through without a panic, with a
    /// symbol hint or without.
    #[test]
    fn co_like_text_is_read_without_panic(text in co_like(), hint in prop::option::of("[A-Z/0-9.é»-]{0,20}")) {
        let result = parse_co(&text, hint.as_deref());
        prop_assert!(result.warnings.iter().all(|w| !w.message.is_empty()));
    }

    /// Any bytes, read as text the way a damaged file would be, go through without a panic.
    #[test]
    fn any_bytes_are_read_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_co(&text, None);
        // The extractors refuse what they cannot read; they never panic.
        let _ = docx::docx_text(&bytes);
        let _ = pdf::pdf_text(&bytes);
    }
}

/// The case: a byte index inside `ó` once panicked.
#[test]
fn accented_text_before_a_footnote_call_does_not_panic() {
    let result = parse_co("1. El Comité toma nota de la «Ley de Migración»,5 de 2019.\n", None);
    assert!(!result.co.sections.is_empty() || !result.warnings.is_empty());
}

/// The real concluding observations kept in the repository (the top of the folder; `cycles/`
/// is not read here).
fn real_documents() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real-co");
    let mut docs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf" || e == "docx"))
        .collect();
    docs.sort();
    assert!(docs.len() >= 2, "no real documents in {}", dir.display());
    docs
}

/// A small deterministic generator (xorshift), so that a failure is reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One mutation of a byte string: flip bytes, cut it short, repeat or drop a range, or insert
/// a piece of text.
fn mutate(bytes: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let len = out.len().max(1);
    match rng.below(5) {
        0 => {
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(len).min(out.len().saturating_sub(1));
                if let Some(b) = out.get_mut(i) {
                    *b ^= 1 << rng.below(8);
                }
            }
        }
        1 => out.truncate(rng.below(len)),
        2 => {
            let a = rng.below(len).min(out.len());
            let b = (a + rng.below(4096)).min(out.len());
            let piece = out[a..b].to_vec();
            out.splice(a..a, piece);
        }
        3 => {
            let a = rng.below(len).min(out.len());
            let b = (a + rng.below(4096)).min(out.len());
            out.drain(a..b);
        }
        _ => {
            let a = rng.below(len).min(out.len());
            let piece = PIECES[rng.below(PIECES.len())].as_bytes().to_vec();
            out.splice(a..a, piece);
        }
    }
    out
}

/// Rewrites a Word package with `document.xml` replaced (stored, so the zip stays valid and
/// the mutation reaches the XML reader).
fn with_document(package: &[u8], document: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(package)).expect("a real .docx opens");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("entry");
        let name = entry.name().expect("a readable entry name").into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("entry reads");
        out.start_file(name.as_str(), options).expect("start");
        out.write_all(if name == "word/document.xml" { document } else { &bytes }).expect("write");
    }
    out.finish().expect("zip").into_inner()
}

/// Every real document, mutated many ways, goes through extraction and the text pass without
/// a panic: each stage either reads it or says why not.
#[test]
fn mutated_real_documents_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for path in real_documents() {
        let bytes = std::fs::read(&path).expect("the document reads");
        let is_docx = path.extension().is_some_and(|e| e == "docx");
        // The text of the intact document, mutated as text: cheap, so many times.
        let text = if is_docx { docx::docx_text(&bytes).map(|(t, _)| t) } else { pdf::pdf_text(&bytes) }
            .unwrap_or_else(|e| panic!("{} should read: {e}", path.display()));
        for _ in 0..40 {
            let mutated = mutate(text.as_bytes(), &mut rng);
            let _ = parse_co(&String::from_utf8_lossy(&mutated), None);
        }
        // The file itself, mutated: each mutation goes through extraction, then the text pass.
        let rounds = if is_docx { 12 } else { 3 };
        for _ in 0..rounds {
            let mutated = if is_docx {
                let mut zip = zip::ZipArchive::new(Cursor::new(&bytes[..])).expect("opens");
                let mut xml = Vec::new();
                zip.by_name("word/document.xml").expect("document.xml").read_to_end(&mut xml).expect("reads");
                with_document(&bytes, &mutate(&xml, &mut rng))
            } else {
                mutate(&bytes, &mut rng)
            };
            let extracted = if is_docx { docx::docx_text(&mutated).map(|(t, _)| t) } else { pdf::pdf_text(&mutated) };
            if let Ok(text) = extracted {
                let _ = parse_co(&text, None);
            }
        }
    }
}
