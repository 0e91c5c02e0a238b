//! The report's fixed words follow `language:`: built through the real CLI in French, Spanish
//! and Russian, the PDF holds the catalogue's words and none of the English ones.

mod common;

use amicus::i18n::{Arg, Words, yes};
use common::{copy_dir, pdf_text, root, run_in, text};

/// Lower case (the cover sets some lines in capitals), without whitespace and with words
/// hyphenated across a line joined again (the PDF reader gives such a break as "-\n" or as a
/// space), so that phrases can be looked for in the text of a laid-out page.
fn flat(text: &str) -> String {
    text.replace("-\n", "").split_whitespace().collect::<String>().to_lowercase()
}

/// Builds the base fixture in `language` and returns the PDF's text, flattened.
fn build_in(language: &str) -> String {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/base"), &work.path().join("s"));
    let path = work.path().join("s/submission.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap();
    assert!(yaml.contains("\nlanguage: en\n"));
    std::fs::write(&path, yaml.replace("\nlanguage: en\n", &format!("\nlanguage: {language}\n"))).unwrap();
    let out = run_in(work.path(), &["build", "s", "-o", "out"]);
    assert!(out.status.success(), "{}\n{}", text(&out.stdout), text(&out.stderr));
    flat(&pdf_text(&std::fs::read(work.path().join("out/report.pdf")).unwrap()))
}

/// The fixed phrases the base fixture prints, in one language.
fn phrases(words: &Words) -> Vec<String> {
    let code = Arg::Text("CCPR");
    let no = yes(false);
    [
        words.with("cover-kicker", &[("code", code), ("joint", no)]),
        words.with("cover-session", &[("n", Arg::Number(144))]),
        words.date_range("2025-06-23", "2025-07-25"),
        words.long_date("2025-05-26"),
        words.with("stage-review", &[("state", Arg::Text("Kazakhstan"))]),
        words.with("statement-public", &[("upr", no)]),
        words.get("submitted-by"),
        words.with("about-organisations", &[("plural", no)]),
        words.get("executive-summary"),
        words.get("main-recommendations"),
        format!("{} {}", words.articles(&[2, 9, 14]), words.with("treaty-of", &[("code", code)])),
        words.get("suggested-questions"),
        words.with("recommendations-intro", &[("upr", no)]),
        words.get("consolidated-recommendations"),
        words.get("column-recommendation"),
        words.get("sources"),
        words.with("page-of", &[("page", Arg::Number(2)), ("total", Arg::Number(3))]),
    ]
    .iter()
    .map(|p| flat(p))
    .collect()
}

#[test]
fn a_report_prints_its_fixed_words_in_its_language_and_no_english() {
    let english = phrases(&Words::new("en"));
    let shown = build_in("en");
    for phrase in &english {
        assert!(shown.contains(phrase.as_str()), "en: `{phrase}` is not in the PDF:\n{shown}");
    }
    for language in ["fr", "es", "ru"] {
        let shown = build_in(language);
        let ours = phrases(&Words::new(language));
        for phrase in &ours {
            assert!(shown.contains(phrase.as_str()), "{language}: `{phrase}` is not in the PDF:\n{shown}");
        }
        for phrase in english.iter().filter(|p| !ours.contains(p)) {
            // One-word headings may be the same word ("Sources"); sentences must not be.
            assert!(!shown.contains(phrase.as_str()), "{language}: English `{phrase}` leaked into the PDF:\n{shown}");
        }
    }
}

#[test]
fn a_language_without_a_catalogue_is_built_in_english_with_a_warning() {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/base"), &work.path().join("s"));
    let path = work.path().join("s/submission.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, yaml.replace("\nlanguage: en\n", "\nlanguage: pt\n")).unwrap();
    let out = run_in(work.path(), &["check", "s"]);
    let report = text(&out.stdout);
    assert!(
        report.contains("Amicus has no wording in `pt` yet: the cover, headings and labels will be printed in English"),
        "{report}"
    );
    assert!(report.contains("submission.yaml:11:"), "{report}");
}
