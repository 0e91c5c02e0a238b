//! Budgets for untrusted input, through the real binary (README, "Threat model"): every way
//! a hostile document, submission, template or client found to crash, hang or exhaust Amicus
//! (issue 25) is made here at test time and run under the memory limit of
//! [`common::limited`]; each must end with a message that names the file (and the line, where
//! there is one), well before the watchdog. Nothing here asserts a duration: the times are
//! measured in `docs/` (see the threat model), not in tests.

#![cfg(unix)]

mod common;

use common::limited::{Limits, all, run};
use std::io::Write;
use std::path::Path;

// ---------------------------------------------------------------- hostile PDFs

/// A PDF of `objects` (object `n` is `objects[n - 1]`, written as given); object 1 must be
/// the catalogue.
fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.5\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    out
}

/// A PDF object: `dict`, and a stream of `data` (compressed) when there is data.
fn object(dict: &str, data: Option<&[u8]>) -> Vec<u8> {
    let Some(data) = data else { return dict.as_bytes().to_vec() };
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(data).unwrap();
    let packed = encoder.finish().unwrap();
    let dict = dict.trim_end_matches(">>");
    let mut out = format!("{dict} /Length {} /Filter /FlateDecode >>\nstream\n", packed.len()).into_bytes();
    out.extend_from_slice(&packed);
    out.extend_from_slice(b"\nendstream");
    out
}

/// The first objects of a one-page PDF: catalogue (1), page tree (2), page (3) with its
/// content (4) and `resources`, and a font (5, Helvetica, as /F1). Objects from 6 on are the
/// caller's.
fn one_page(content: &[u8], resources: &str) -> Vec<Vec<u8>> {
    vec![
        object("<< /Type /Catalog /Pages 2 0 R >>", None),
        object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>", None),
        object(
            &format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> {resources} >> >>"
            ),
            None,
        ),
        object("<<>>", Some(content)),
        object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", None),
    ]
}

/// A form XObject drawing `content`, with `resources` of its own when given.
fn form(content: &[u8], resources: Option<&str>) -> Vec<u8> {
    let resources = resources.map(|r| format!("/Resources << {r} >>")).unwrap_or_default();
    object(&format!("<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] {resources} >>"), Some(content))
}

/// With `AMICUS_KEEP_HOSTILE=<folder>`, the hostile files are also written there, for timing
/// them by hand (the threat model's figures).
fn keep(name: &str, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("AMICUS_KEEP_HOSTILE") {
        std::fs::write(Path::new(&dir).join(name), bytes).unwrap();
    }
}

/// Imports `name` (written with `bytes`) in a fresh folder under the memory limit.
fn import(name: &str, bytes: &[u8]) -> (std::process::Output, String) {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join(name), bytes).unwrap();
    keep(name, bytes);
    let out = run(work.path(), &["import-co", name], Limits::memory());
    let shown = all(&out);
    (out, shown)
}

/// Asserts that importing failed with a message naming the file and containing `expected`.
fn refused(name: &str, bytes: &[u8], expected: &str) {
    let (out, shown) = import(name, bytes);
    assert_eq!(out.status.code(), Some(1), "{name}: {shown}");
    assert!(shown.contains(name), "the message names the file: {shown}");
    assert!(shown.contains(expected), "{name}: expected `{expected}` in: {shown}");
}

#[test]
fn a_pdf_form_that_draws_itself_is_refused() {
    // Inheriting the page's resources, and with resources of its own naming itself.
    let inherited = [one_page(b"/X0 Do", "/XObject << /X0 6 0 R >>"), vec![form(b"q /X0 Do Q", None)]].concat();
    refused("self.pdf", &pdf(&inherited), "draws a drawing (form 6 0) inside itself");
    let own = [
        one_page(b"/X0 Do", "/XObject << /X0 6 0 R >>"),
        vec![form(b"/Y Do", Some("/XObject << /Y 7 0 R >>")), form(b"/Z Do", Some("/XObject << /Z 6 0 R >>"))],
    ]
    .concat();
    refused("loop.pdf", &pdf(&own), "inside itself");
}

#[test]
fn pdf_forms_nested_to_draw_a_billion_glyphs_stop_at_the_budget() {
    // Nine forms, each drawing the next ten times; the last draws a word: 10⁹ glyphs.
    let mut objects = one_page(b"/X Do", "/XObject << /X 6 0 R >>");
    for level in 0..9 {
        let next = 7 + level;
        objects.push(form(&b"/X Do ".repeat(10), Some(&format!("/XObject << /X {next} 0 R >>"))));
    }
    objects.push(form(b"BT /F1 12 Tf 72 700 Td (glyphs) Tj ET", Some("/Font << /F1 5 0 R >>")));
    let bytes = pdf(&objects);
    assert!(bytes.len() < 20_000);
    refused("nested.pdf", &bytes, "draws more than 64 MB of instructions");
    // Deeper than the nesting limit, drawn once each.
    let mut objects = one_page(b"/X Do", "/XObject << /X 6 0 R >>");
    for level in 0..20 {
        objects.push(form(b"/X Do", Some(&format!("/XObject << /X {} 0 R >>", 7 + level))));
    }
    objects.push(form(b"BT /F1 12 Tf 72 700 Td (deep) Tj ET", Some("/Font << /F1 5 0 R >>")));
    refused("deep.pdf", &pdf(&objects), "nests drawings inside drawings more than 12 deep");
}

#[test]
fn a_pdf_with_too_much_text_or_drawing_stops_at_the_budget() {
    // One string of 7 million glyphs (within the content limit): more text than Amicus reads.
    let mut content = b"BT /F1 1 Tf 0 700 Td (".to_vec();
    content.extend(std::iter::repeat_n(b'a', 7_000_000));
    content.extend_from_slice(b") Tj ET");
    refused("text.pdf", &pdf(&one_page(&content, "")), "more than 2,000,000 characters of text");
    // The page lists one 1 MB content stream 10,000 times: 10 GB read at once.
    let mut objects = one_page(b"", "");
    objects[2] = object(
        &format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [{}] /Resources << /Font << /F1 5 0 R >> >> >>",
            "6 0 R ".repeat(10_000)
        ),
        None,
    );
    objects.push(object("<<>>", Some(&b"0 0 m ".repeat(170_000))));
    refused("repeated.pdf", &pdf(&objects), "page 1 of this PDF has more than 8 MB of drawing instructions");
    // A page whose parent is itself, with nothing to inherit.
    let mut objects = one_page(b"BT /F1 12 Tf 72 700 Td (x) Tj ET", "");
    objects[2] = object("<< /Type /Page /Parent 3 0 R /Contents 4 0 R >>", None);
    refused("tree.pdf", &pdf(&objects), "page tree that loops");
}

#[test]
fn glyphs_drawn_right_to_left_import_in_linear_time() {
    // 300,000 glyphs, each drawn left of the one before on the same line (the layout once
    // compared each with the whole line: 50,000 took 8 s, 300,000 over a minute).
    let mut content = b"BT /F1 12 Tf 2000000 700 Td (a) Tj".to_vec();
    for _ in 0..300_000 {
        content.extend_from_slice(b" -7 0 Td (a) Tj");
    }
    content.extend_from_slice(b" ET");
    let (out, shown) = import("left.pdf", &pdf(&one_page(&content, "")));
    // Not a concluding observations, but read to the end.
    assert!(!shown.contains("hung") && !shown.contains("failed"), "{shown}");
    assert!(out.status.code().is_some(), "{shown}");
}

// ---------------------------------------------------------------- hostile Word files

/// A Word package of `parts` (name, content), deflated.
fn docx(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(b"<?xml version=\"1.0\"?><Types/>").unwrap();
    for (name, content) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(content).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The WordprocessingML namespace declaration.
const WNS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// `document.xml` with `body` as its body.
fn document(body: &str) -> Vec<u8> {
    format!(r#"<?xml version="1.0"?><w:document {WNS}><w:body>{body}</w:body></w:document>"#).into_bytes()
}

/// `numbering.xml` with one list (numId 1) whose level 0 is `format` with label `text`,
/// starting at `start`.
fn numbering(format: &str, text: &str, start: u64) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0"?><w:numbering {WNS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    )
    .into_bytes()
}

/// `count` paragraphs of list 1.
fn listed(count: usize) -> String {
    r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>The Committee recommends.</w:t></w:r></w:p>"#.repeat(count)
}

#[test]
fn a_word_bullet_label_of_two_megabytes_is_cut() {
    let label = "•".repeat(700_000);
    let bytes = docx(&[
        ("word/document.xml", &document(&listed(20_000))),
        ("word/numbering.xml", &numbering("bullet", &label, 1)),
    ]);
    assert!(bytes.len() < 100_000, "{}", bytes.len());
    // 20,000 labels cut to 255 characters still come to more than the text limit.
    refused("label.docx", &bytes, "comes to more than 2 MB");
    // A few hundred read, with the label cut.
    let bytes = docx(&[
        ("word/document.xml", &document(&listed(300))),
        ("word/numbering.xml", &numbering("bullet", &label, 1)),
    ]);
    let (out, shown) = import("label.docx", &bytes);
    assert!(out.status.code().is_some_and(|c| c <= 1), "{shown}");
    assert!(!shown.contains(&"•".repeat(256)), "the label is cut");
}

#[test]
fn a_word_list_starting_at_four_billion_is_numbered_in_figures() {
    let bytes = docx(&[
        ("word/document.xml", &document(&listed(2_000))),
        ("word/numbering.xml", &numbering("lowerLetter", "(%1)", 4_294_967_295)),
    ]);
    let (out, shown) = import("start.docx", &bytes);
    assert!(out.status.code().is_some_and(|c| c <= 1), "{shown}");
    assert!(shown.contains("(4294967295)"), "{shown}");
}

#[test]
fn a_word_footnote_called_twenty_thousand_times_stops_at_the_budget() {
    let note = "a".repeat(3 << 20);
    let footnotes = format!(
        r#"<?xml version="1.0"?><w:footnotes {WNS}><w:footnote w:id="1"><w:p><w:r><w:t>{note}</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let call = r#"<w:p><w:r><w:t>Text</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#.repeat(20_000);
    let bytes = docx(&[("word/document.xml", &document(&call)), ("word/footnotes.xml", footnotes.as_bytes())]);
    assert!(bytes.len() < 200_000, "{}", bytes.len());
    refused("notes.docx", &bytes, "comes to more than 2 MB");
}

#[test]
fn four_hundred_thousand_paragraphs_of_an_undefined_list_import_in_linear_time() {
    // Numbered through a style naming a list that does not exist.
    let styles = format!(
        r#"<?xml version="1.0"?><w:styles {WNS}><w:style w:type="paragraph" w:styleId="L"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style></w:styles>"#
    );
    let body = r#"<w:p><w:pPr><w:pStyle w:val="L"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>"#.repeat(400_000);
    let bytes = docx(&[("word/document.xml", &document(&body)), ("word/styles.xml", styles.as_bytes())]);
    let (out, shown) = import("undefined.docx", &bytes);
    assert!(out.status.code().is_some_and(|c| c <= 1), "{shown}");
    // The first paragraphs are reported one by one, the rest counted; all the import's
    // warnings are listed up to 200, the rest counted.
    assert!(shown.contains("this and 399979 more paragraphs are numbered automatically by list 7"), "{shown}");
    assert!(shown.matches("but the list is not defined").count() <= 2 * 20, "{shown}");
    assert!(shown.contains("more doubtful points, not listed"), "{shown}");
    assert!(shown.lines().count() < 1000, "{}", shown.lines().count());
}

// ---------------------------------------------------------------- submissions

/// A copy of the example submission in a fresh folder, as `<tmp>/s`.
fn example() -> (tempfile::TempDir, std::path::PathBuf) {
    let work = tempfile::tempdir().unwrap();
    let folder = work.path().join("s");
    common::copy_dir(&common::root().join("submissions/kazakhstan-ccpr-2025"), &folder);
    (work, folder)
}

/// Plain prose of about `bytes` bytes, in paragraphs.
fn prose(bytes: usize) -> String {
    let paragraph = "The State party should ensure that every person deprived of liberty is brought promptly before a judge, that detention is reviewed regularly, and that complaints of ill-treatment are investigated by an independent body. ".repeat(4) + "\n\n";
    paragraph.repeat(bytes / paragraph.len() + 1)[..bytes].to_owned()
}

#[test]
fn markdown_quoted_two_hundred_thousand_deep_is_reported_at_its_line() {
    let (work, folder) = example();
    let md = std::fs::read_to_string(folder.join("context.md")).unwrap();
    let line = md.lines().count() + 2;
    std::fs::write(folder.join("context.md"), format!("{md}\n{} too deep\n", ">".repeat(200_000))).unwrap();
    for command in ["check", "build"] {
        let out = run(work.path(), &[command, "--diagnostic-format", "short", "s"], Limits::memory());
        let shown = all(&out);
        assert_eq!(out.status.code(), Some(1), "{shown}");
        assert!(
            shown
                .contains(&format!("s/context.md:{line}:7: error: block quotes and lists are nested more than 6 deep")),
            "{shown}"
        );
    }
}

#[test]
fn a_submission_past_its_budgets_is_refused_before_it_is_built() {
    // 2,000 finding files: none is read.
    let (work, folder) = example();
    for i in 0..2_000 {
        let yaml = format!("id: f{i}\ntitle: Finding {i}\narticles: [2]\nbody: Short.\n");
        std::fs::write(folder.join(format!("findings/9{i:04}.yaml")), yaml).unwrap();
    }
    let out = run(work.path(), &["build", "--diagnostic-format", "short", "s"], Limits::memory());
    let shown = all(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(
        shown.contains("s/findings: error: s/findings holds 2004 finding files, more than Amicus builds (500"),
        "{shown}"
    );
    assert!(!work.path().join("output").exists(), "nothing was built");

    // Four texts of 0.9 MB each (each within the 4 MB a file may have): 3.6 MB of prose.
    let (work, folder) = example();
    let text = prose(900 * 1024);
    for name in ["context.md", "findings/detention.md", "findings/torture.md", "findings/targeting.md"] {
        std::fs::write(folder.join(name), &text).unwrap();
    }
    let out = run(work.path(), &["build", "--diagnostic-format", "short", "s"], Limits::memory());
    let shown = all(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("error: the submission's prose comes to 3,6"), "{shown}");
    assert!(shown.contains("more than Amicus builds (1 MB"), "{shown}");

    // 1,200 sources.
    let (work, folder) = example();
    let yaml = std::fs::read_to_string(folder.join("submission.yaml")).unwrap();
    let sources: String = (0..1_200)
        .map(|i| {
            format!("  - id: s{i}\n    kind: report\n    title: Report {i}\n    publisher: P\n    date: 2024-01-01\n")
        })
        .collect();
    std::fs::write(folder.join("submission.yaml"), yaml.replacen("sources:\n", &format!("sources:\n{sources}"), 1))
        .unwrap();
    let out = run(work.path(), &["check", "--diagnostic-format", "short", "s"], Limits::memory());
    let shown = all(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("error: the submission lists 1213 sources, more than Amicus builds (1000); this is source 1001 [sources[1000]]"), "{shown}");
}

#[test]
fn a_submission_at_its_budgets_builds_within_the_memory_limit() {
    // Just under 1 MB of prose.
    let (work, folder) = example();
    std::fs::write(folder.join("context.md"), prose(1000 * 1024)).unwrap();
    let out = run(work.path(), &["build", "s", "-o", "out"], Limits::memory());
    assert_eq!(out.status.code(), Some(0), "{}", all(&out));
    assert!(work.path().join("out/report.pdf").exists());
    // 490 findings more, each with two recommendations citing a source.
    let (work, folder) = example();
    for i in 0..490 {
        let yaml = format!(
            "id: f{i}\ntitle: Finding {i}\narticles: [2, 9]\nbody: A finding of a few words.[^kun-2025]\nrecommendations:\n  - id: r{i}a\n    text: Do one thing.\n  - id: r{i}b\n    text: Do another.\n"
        );
        std::fs::write(folder.join(format!("findings/9{i:04}.yaml")), yaml).unwrap();
    }
    let out = run(work.path(), &["build", "s", "-o", "out"], Limits::memory());
    assert_eq!(out.status.code(), Some(0), "{}", all(&out));
}
