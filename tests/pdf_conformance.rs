//! Every PDF Amicus writes is PDF/UA-1 unless the user opts out, as judged by an independent
//! validator (`page_validation`), not only by Typst's own export checks.

mod common;

use common::{assert_conforms, copy_dir, root, run_in, text, validate};

/// Copies the shipped example into a temporary folder as `k`.
fn example() -> tempfile::TempDir {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("submissions/kazakhstan-ccpr-2025"), &work.path().join("k"));
    work
}

/// Runs `amicus <command> k -o out [extra…]` and returns the PDF it wrote and its stdout.
fn make(work: &tempfile::TempDir, command: &str, extra: &[&str], pdf: &str) -> (Vec<u8>, String) {
    let mut args = vec![command, "k", "-o", "out"];
    args.extend_from_slice(extra);
    let out = run_in(work.path(), &args);
    assert!(out.status.success(), "amicus {}: {}{}", args.join(" "), text(&out.stdout), text(&out.stderr));
    (std::fs::read(work.path().join("out").join(pdf)).unwrap(), text(&out.stdout))
}

#[test]
fn the_example_report_is_pdf_ua_1_without_any_option() {
    let work = example();
    let (pdf, stdout) = make(&work, "build", &[], "report.pdf");
    assert_conforms("report.pdf", &pdf, &["ua1"]);
    assert!(stdout.contains("  PDF/UA-1 (accessible)\n"), "the user is told: {stdout}");
}

#[test]
fn the_example_brief_is_pdf_ua_1_without_any_option() {
    let work = example();
    let (pdf, stdout) = make(&work, "brief", &[], "brief.pdf");
    assert_conforms("brief.pdf", &pdf, &["ua1"]);
    assert!(stdout.contains("  PDF/UA-1 (accessible)\n"), "the user is told: {stdout}");
}

#[test]
fn archival_parts_keep_pdf_ua_1() {
    let work = example();
    let (pdf, _) = make(&work, "build", &["--pdf-standard", "a-2a+ua-1"], "report.pdf");
    assert_conforms("report.pdf (a-2a+ua-1)", &pdf, &["ua1", "2a"]);
    // A PDF/A part alone means that part together with PDF/UA-1.
    let (pdf, stdout) = make(&work, "brief", &["--pdf-standard", "a-2b"], "brief.pdf");
    assert_conforms("brief.pdf (a-2b)", &pdf, &["ua1", "2b"]);
    assert!(stdout.contains("PDF/UA-1 (accessible) and PDF/A-2b (archival)"), "{stdout}");
}

#[test]
fn a_plain_pdf_only_on_request_and_the_validator_tells_the_difference() {
    let work = example();
    let (pdf, stdout) = make(&work, "build", &["--pdf-standard", "none"], "report.pdf");
    assert!(stdout.contains("not declared PDF/UA-1"), "{stdout}");
    // The same document without the declaration fails PDF/UA-1 identification: the check
    // above can fail.
    let report = validate(&pdf, "ua1");
    assert!(!report.is_compliant, "a plain PDF must not pass as PDF/UA-1");
    assert!(
        report.failures.iter().any(|f| f.message.contains("PDF/UA Identification")),
        "the failure is the missing PDF/UA identification: {:?}",
        report.failures.iter().map(ToString::to_string).collect::<Vec<_>>()
    );
}

#[test]
fn pdf_a_4_is_refused_with_the_reason() {
    let work = example();
    let out = run_in(work.path(), &["build", "k", "-o", "out", "--pdf-standard", "a-4"]);
    assert_eq!(out.status.code(), Some(2), "a usage error");
    assert!(text(&out.stderr).contains("invalid value 'a-4'"), "{}", text(&out.stderr));
}

#[test]
fn the_stream_length_check_that_replaces_a_validator_false_positive_can_fail() {
    let work = example();
    let (pdf, _) = make(&work, "brief", &["--pdf-standard", "a-2b"], "brief.pdf");
    assert!(common::stream_lengths_are_exact(&pdf), "every /Length of the brief is exact");
    // One byte more or less in a stream's /Length is caught.
    let at = pdf.windows(8).position(|w| w == b"/Length ").unwrap() + 8;
    let digits: String = pdf[at..].iter().map(|&b| b as char).take_while(char::is_ascii_digit).collect();
    let wrong = (digits.parse::<usize>().unwrap() + 1).to_string();
    let mut broken = pdf[..at].to_vec();
    broken.extend_from_slice(wrong.as_bytes());
    broken.extend_from_slice(&pdf[at + digits.len()..]);
    assert!(!common::stream_lengths_are_exact(&broken), "a wrong /Length is not caught");
}

#[test]
fn a_character_no_font_has_stops_the_build_at_its_field_not_in_typst() {
    let work = example();
    let path = work.path().join("k/submission.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap();
    assert!(yaml.contains("\ntitle: Issues related"), "the example's title line");
    std::fs::write(&path, yaml.replacen("\ntitle: Issues related", "\ntitle: 🙂 Issues related", 1)).unwrap();
    let out = run_in(work.path(), &["build", "k", "-o", "out", "--diagnostic-format", "short"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(
        said.contains("k/submission.yaml:") && said.contains("error: no embedded font has `🙂` (U+1F642)"),
        "located at the title: {said}"
    );
    assert!(!said.contains("Typst:"), "caught before Typst: {said}");
    assert!(!work.path().join("out/report.pdf").exists(), "no PDF with empty boxes");
}
