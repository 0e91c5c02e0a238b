//! Budgets for untrusted input, through the real binary (README, "Threat model"): every way
//! a hostile document, submission, template or client found to crash, hang or exhaust Amicus
//! (issue 25) is made here at test time and run under the memory limit of
//! [`common::limited`]; each must end with a message that names the file (and the line, where
//! there is one), well before the watchdog. Nothing here asserts a duration: the times are
//! measured in `docs/` (see the threat model), not in tests.

#![cfg(unix)]

mod common;

use common::limited::{Limits, all, run};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::Duration;

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

/// A one-page PDF whose fonts `/F0`…`/F{names - 1}` all name one composite (CID) font with
#[test]
fn encrypted_pdfs_open_without_a_password_or_are_refused_with_a_clear_message() {
    // Made with qpdf from real-co/CRPD_C_ESP_CO_1.pdf (see tests/fixtures/encrypted/README.md).
    let fixtures = common::root().join("tests/fixtures");
    let read = |path: &str| std::fs::read(fixtures.join(path)).unwrap();
    // Encrypted with an empty password (as UN documents sometimes are, to set permissions):
    // read exactly as the document itself, whatever the cipher.
    let (plain, expected) = import("co.pdf", &read("real-co/CRPD_C_ESP_CO_1.pdf"));
    assert_eq!(plain.status.code(), Some(0), "{expected}");
    let expected = String::from_utf8(plain.stdout).unwrap();
    assert!(expected.contains("CRPD/C/ESP/CO/1"), "{expected}");
    for cipher in ["aes256", "rc4"] {
        let (out, shown) = import("co.pdf", &read(&format!("encrypted/CRPD_C_ESP_CO_1.{cipher}.no-password.pdf")));
        assert_eq!(out.status.code(), Some(0), "{cipher}: {shown}");
        assert_eq!(String::from_utf8(out.stdout).unwrap(), expected, "{cipher}");
    }
    // With a password Amicus cannot know: refused, saying so.
    refused(
        "protected.pdf",
        &read("encrypted/CRPD_C_ESP_CO_1.aes256.password.pdf"),
        "it is protected by a password, and Amicus reads only PDFs that open without one",
    );
    // An encrypted stream unpacking to 100 MB: the stream budget holds after decryption.
    refused(
        "bomb.pdf",
        &read("encrypted/flate-bomb.aes256.no-password.pdf"),
        "a stream of this PDF unpacks to more than 64 MB",
    );
}

/// the widths `w` and, when given, the character map `to_unicode`; the page draws `content`.
fn cid_font_pdf(content: &[u8], names: usize, w: &[u8], to_unicode: Option<&[u8]>) -> Vec<u8> {
    let fonts: String = (0..names).map(|i| format!("/F{i} 5 0 R ")).collect();
    let map = if to_unicode.is_some() { " /ToUnicode 9 0 R" } else { "" };
    let mut objects = vec![
        object("<< /Type /Catalog /Pages 2 0 R >>", None),
        object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>", None),
        object(
            &format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << {fonts}>> >> >>"
            ),
            None,
        ),
        object("<<>>", Some(content)),
        object(
            &format!(
                "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R]{map} >>"
            ),
            None,
        ),
        object(
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /W 8 0 R >>",
            None,
        ),
        object(
            "<< /Type /FontDescriptor /FontName /X /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
            None,
        ),
        w.to_vec(),
    ];
    if let Some(map) = to_unicode {
        objects.push(object("<<>>", Some(map)));
    }
    pdf(&objects)
}

/// Text selecting each of the fonts `/F0`…`/F{names - 1}` in turn.
fn every_font(names: usize) -> Vec<u8> {
    let mut content = b"BT ".to_vec();
    for i in 0..names {
        content.extend_from_slice(format!("/F{i} 12 Tf 72 700 Td <0041> Tj ").as_bytes());
    }
    content.extend_from_slice(b"ET");
    content
}

#[test]
fn a_cid_font_whose_widths_unpack_to_gigabytes_is_read_within_the_budget() {
    // 2,000 ranges of 65,536 glyphs in 20 KB: the range form is written out in memory for the
    // reader, which took gigabytes.
    let w = format!("[{}]", "0 65535 500 ".repeat(2_000));
    let bytes = cid_font_pdf(b"BT /F0 12 Tf 72 700 Td <00410042> Tj ET", 1, w.as_bytes(), None);
    assert!(bytes.len() < 30_000);
    let (out, shown) = import("widths.pdf", &bytes);
    // Not a concluding observations, but read to the end within the memory limit.
    assert!(out.status.code().is_some(), "{shown}");
    assert!(!shown.contains("failed"), "{shown}");
}

#[test]
fn one_heavy_font_selected_by_thousands_of_names_stops_at_the_budget() {
    // The reader loads a font afresh for every name a page selects it by: 65,536 widths
    // under 20,000 names took gigabytes.
    let w = format!("[0 [{}]]", "500 ".repeat(65_536));
    refused(
        "names.pdf",
        &cid_font_pdf(&every_font(20_000), 20_000, w.as_bytes(), None),
        "loading the fonts of this PDF",
    );
    // A character map of 65,536 characters under 5,000 names: over two minutes.
    let mut map = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n".to_vec();
    for block in (0..65_536u32).step_by(100) {
        let end = (block + 100).min(65_536);
        map.extend_from_slice(format!("{} beginbfchar\n", end - block).as_bytes());
        for c in block..end {
            map.extend_from_slice(format!("<{c:04X}> <0041>\n").as_bytes());
        }
        map.extend_from_slice(b"endbfchar\n");
    }
    map.extend_from_slice(b"endcmap end end\n");
    refused(
        "map.pdf",
        &cid_font_pdf(&every_font(5_000), 5_000, b"[0 [500]]", Some(&map)),
        "loading the fonts of this PDF",
    );
}

#[test]
fn a_pdf_whose_structure_takes_gigabytes_to_read_is_stopped_and_named() {
    // One array of 5 million numbers (10 MB, no stream): the PDF reader's parsing takes about
    // 240 bytes a number before anything can be counted, so the PDF is read in a contained
    // child, which runs out of memory and is reported.
    let mut objects = one_page(b"BT ET", "");
    let mut array = b"[".to_vec();
    array.extend(b"0 ".repeat(5_000_000));
    array.push(b']');
    objects.push(array);
    refused("numbers.pdf", &pdf(&objects), "reading this PDF was stopped: it needed more than");
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

/// Checks and builds the example with `extra` after its context.md; asserts both refuse it
/// with `expected` in context.md (at `line` when given).
fn markdown_refused(extra: &str, expected: &str, line: Option<usize>) {
    let (work, folder) = example();
    let md = std::fs::read_to_string(folder.join("context.md")).unwrap();
    let first = md.lines().count() + 2;
    std::fs::write(folder.join("context.md"), format!("{md}\n{extra}")).unwrap();
    for command in ["check", "build"] {
        let out = run(work.path(), &[command, "--diagnostic-format", "short", "s"], Limits::memory());
        let shown = all(&out);
        assert_eq!(out.status.code(), Some(1), "{shown}");
        let at = match line {
            Some(l) => format!("s/context.md:{}:", first + l),
            None => "s/context.md:".to_owned(),
        };
        let found = shown.lines().any(|l| l.starts_with(&at) && l.contains("error:") && l.contains(expected));
        assert!(found, "{at} … {expected} in: {}", &shown[..shown.len().min(4000)]);
        assert!(!work.path().join("output/s/report.pdf").exists());
    }
}

#[test]
fn markdown_that_costs_typst_most_to_lay_out_stops_at_its_budgets() {
    // Each took from a minute to over a gigabyte to lay out (debug build), under the 1 MB of
    // prose allowed.
    markdown_refused(&"A claim.[^kun-2025]\n".repeat(1_500), "more than 1,000 footnotes", None);
    markdown_refused(
        &(0..1_500).map(|i| format!("### Point {i}\n\n")).collect::<String>(),
        "more than 1,000 headings",
        None,
    );
    markdown_refused(&"*a* ".repeat(30_000), "passes 20,000 marked-up elements", Some(0));
    markdown_refused(&format!("{}|\n{}|\n", "|a".repeat(100), "|-".repeat(100)), "this table has 100 columns", Some(0));
    let rows: String = (0..400).map(|_| format!("{}|\n", "|b".repeat(60))).collect();
    markdown_refused(&format!("{}|\n{}|\n{rows}", "|a".repeat(60), "|-".repeat(60)), "more than 5,000 cells", Some(0));
    markdown_refused(&"[".repeat(800_000), "more than 10,000 characters without a space", Some(0));
}

#[test]
fn one_enormous_paragraph_stops_at_its_line() {
    // Each took from a minute to over two (debug build), under the 1 MB of prose allowed:
    // Typst's time on one paragraph grows with its length times its pieces. Each starts after
    // an empty line, at line 1 of `extra`.
    let too_long = "characters, more than Amicus lays out as one paragraph (20,000";
    let words = "The State party should ensure that every person is brought before a judge ".repeat(10_700);
    markdown_refused(&format!("\n{words}\n"), too_long, Some(1));
    let ticks: String = (1..1_300).map(|n| format!("{}a ", "`".repeat(n))).collect();
    markdown_refused(&format!("\n{ticks}\n"), too_long, Some(1));
    markdown_refused(&format!("\n{}", "<div>\n".repeat(150_000)), "this paragraph has 750,000 characters", Some(1));
    markdown_refused(&format!("\n{}\n", "`a` ".repeat(1_001)), "this paragraph has 1,001 marked-up elements", Some(1));
    // Punctuation in paragraphs of ordinary length, over the whole submission: each `<` is an
    // element of its own for Typst.
    let paragraph = format!("{}\n\n", "< ".repeat(1_000));
    markdown_refused(&format!("\n{}", paragraph.repeat(120)), "passes 100,000 punctuation marks and line breaks", None);
}

#[test]
fn a_heading_too_long_to_lay_out_is_refused_at_its_line() {
    // A heading is laid out again in the contents and the outline: nine of 20,000 characters of
    // `< ` took 104 s, one of 5,000 took 3 s (debug build).
    markdown_refused(
        &format!("\n## {}\n", "< ".repeat(600)),
        "this heading has 1,199 characters, more than Amicus lays out as a heading (1,000",
        Some(1),
    );
}

#[test]
fn many_small_blocks_stop_at_their_budgets() {
    // 300,000 one-letter paragraphs aborted at 900 MB; 150,000 list items at 910 MB; a code
    // block of 225,000 lines at 890 MB after 50 s (debug build, 1 GB limit).
    markdown_refused(
        &format!("\n{}", "a\n\n".repeat(30_000)),
        "more than 10,000 paragraphs, headings, lists and lines of code",
        None,
    );
    markdown_refused(&format!("\n{}", "- a\n".repeat(150_000)), "more than 2,000 list items", None);
    markdown_refused(&format!("\n```\n{}```\n", "< a\n".repeat(3_000)), "this code block has 3,000 lines", Some(1));
}

#[test]
fn a_link_longer_than_a_pdf_allows_is_shown_as_text_with_a_warning() {
    // Typst refuses a link of more than 8,000 bytes: the build failed, blaming a template.
    let (work, folder) = example();
    let md = std::fs::read_to_string(folder.join("context.md")).unwrap();
    let before = format!("{md}\n\n");
    let line = before.matches('\n').count() + 1;
    let url = format!("https://example.org/{}", "x".repeat(9_000));
    std::fs::write(folder.join("context.md"), format!("{before}See [the data]({url}).\n")).unwrap();
    let out = run(work.path(), &["build", "--diagnostic-format", "short", "s", "-o", "out"], Limits::memory());
    let shown = all(&out);
    assert_eq!(out.status.code(), Some(0), "{shown}");
    assert!(
        shown.contains(&format!("s/context.md:{line}:5: warning: this link's address has 9,020 characters, more than a PDF link may have (8,000); only its text is shown")),
        "{shown}"
    );
    let text = common::pdf_text(&std::fs::read(work.path().join("out/report.pdf")).unwrap());
    assert!(text.contains("See the data."), "the link's text is printed");
}

/// The example with `extra` recommendations of `text` added to its first finding's file.
fn with_recommendations(count: usize, text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let (work, folder) = example();
    let mut yaml = String::new();
    for i in 0..count {
        yaml.push_str(&format!("  - id: extra-{i}\n    text: \"{text}\"\n"));
    }
    let path = folder.join("findings/10-targeting.yaml");
    let finding = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, finding.replacen("recommendations:\n", &format!("recommendations:\n{yaml}"), 1)).unwrap();
    (work, folder)
}

#[test]
fn fields_that_are_not_markdown_stop_at_their_budgets() {
    // A finding's title of 800 KB of `< ` ran past 120 s (debug build).
    let (work, folder) = example();
    let path = folder.join("findings/10-targeting.yaml");
    let finding = std::fs::read_to_string(&path).unwrap();
    let title = "< ".repeat(3_000);
    std::fs::write(
        &path,
        finding.replace("title: Targeting of migrant workers by nationality", &format!("title: \"{title}\"")),
    )
    .unwrap();
    let out = run(work.path(), &["build", "--diagnostic-format", "short", "s"], Limits::memory());
    let shown = all(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("s/findings/10-targeting.yaml:8:8: error: this text has 6,000 characters, more than Amicus lays out in a field like this one (1,000; a long title has a hundred)"), "{shown}");
    // A recommendation of 6,000 characters.
    let (work, _) = with_recommendations(1, &"a< ".repeat(2_000));
    let out = run(work.path(), &["check", "--diagnostic-format", "short", "s"], Limits::memory());
    let shown = all(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("error: this text has 6,000 characters, more than Amicus lays out in a field like this one (5,000; a long recommendation has 2,000) [recommendations[0].text]"), "{shown}");
    // 1,000 recommendations of 300 characters: 300 KB.
    let (work, _) = with_recommendations(1_000, &"A recommendation of some length. ".repeat(9));
    let out = run(work.path(), &["check", "--diagnostic-format", "short", "s"], Limits::memory());
    let shown = all(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("come to more than 128 KB, more than Amicus builds"), "{shown}");
    // 500 recommendations of 60 punctuation marks.
    let (work, _) = with_recommendations(500, &"a, ".repeat(60));
    let out = run(work.path(), &["check", "--diagnostic-format", "short", "s"], Limits::memory());
    let shown = all(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("have more than 25,000 punctuation marks"), "{shown}");
}

#[test]
fn blocks_and_fields_at_their_budgets_build_within_the_memory_limit() {
    // 1,900 list items, 4,000 paragraphs and a code block of 1,900 lines.
    let (work, folder) = example();
    let md = std::fs::read_to_string(folder.join("context.md")).unwrap();
    let extra = format!("{}\n{}\n```\n{}```\n", "- a\n".repeat(1_900), "b\n\n".repeat(4_000), "< c\n".repeat(1_900));
    std::fs::write(folder.join("context.md"), format!("{md}\n\n{extra}")).unwrap();
    let out = run(work.path(), &["build", "s", "-o", "out"], Limits::memory());
    assert_eq!(out.status.code(), Some(0), "{}", all(&out));
    // 350 recommendations of 300 characters, with 14 punctuation marks each (105 KB).
    let (work, _) = with_recommendations(350, &"A recommendation of some length, and more. ".repeat(7));
    let out = run(work.path(), &["build", "s", "-o", "out"], Limits::memory());
    assert_eq!(out.status.code(), Some(0), "{}", all(&out));
}

#[test]
fn a_concluding_observations_paragraph_too_long_to_lay_out_is_refused_at_its_line() {
    // 300,000 `< ` in one paragraph stopped the brief on the spreadsheet's limit, unlocated;
    // 16,000 took 3 s to lay out (debug build), growing with the square of the length.
    let (work, folder) = example();
    let path = folder.join("concluding-observations.yaml");
    let co = std::fs::read_to_string(&path).unwrap();
    let line = co.lines().position(|l| l.contains("text: \"The State party should:\"")).unwrap() + 1;
    let heading = co.lines().position(|l| l.contains("heading: Torture and ill-treatment")).unwrap() + 1;
    let long = format!("text: \"The State party should: {}\"", "< ".repeat(12_000));
    let co = co.replacen("text: \"The State party should:\"", &long, 1);
    let co = co.replacen("heading: Torture and ill-treatment", &format!("heading: \"{}\"", "a< ".repeat(400)), 1);
    std::fs::write(&path, co).unwrap();
    for args in [
        &["check", "--diagnostic-format", "short", "s"][..],
        &["brief", "--diagnostic-format", "short", "s", "-o", "out"],
    ] {
        let out = run(work.path(), args, Limits::memory());
        let shown = all(&out);
        assert_eq!(out.status.code(), Some(1), "{shown}");
        assert!(
            shown.contains(&format!("s/concluding-observations.yaml:{line}:15: error: this paragraph has 24,024 characters, more than Amicus lays out as one paragraph (20,000")),
            "{shown}"
        );
        assert!(
            shown.contains(&format!("s/concluding-observations.yaml:{heading}:18: error: this heading has 1,200 characters, more than Amicus lays out as one heading (1,000")),
            "{shown}"
        );
    }
}

#[test]
fn paragraphs_at_their_budgets_build_within_the_memory_limit() {
    // Four paragraphs of 19,998 characters, each half punctuation, a paragraph of 1,000
    // code spans, a heading of 990 characters, and a table cell and a list item of 19,000.
    let (work, folder) = example();
    let md = std::fs::read_to_string(folder.join("context.md")).unwrap();
    let long = format!("{}\n\n", "< ".repeat(9_999)).repeat(4);
    let code = format!("{}\n\n", "`a` ".repeat(1_000));
    let words = "word ".repeat(3_800);
    let heading = "word ".repeat(198);
    // and a table of 4,900 cells (20,000 aborted at 850 MB).
    let rows: String = (0..97).map(|_| format!("{}|\n", "|b".repeat(50))).collect();
    let table = format!("{}|\n{}|\n{rows}\n", "|a".repeat(50), "|-".repeat(50));
    let others = format!("## {heading}\n\n| a |\n|---|\n| {words} |\n\n- {words}\n");
    std::fs::write(folder.join("context.md"), format!("{md}\n{long}{code}{table}{others}")).unwrap();
    let out = run(work.path(), &["build", "s", "-o", "out"], Limits::memory());
    assert_eq!(out.status.code(), Some(0), "{}", all(&out));
    let text = common::pdf_text(&std::fs::read(work.path().join("out/report.pdf")).unwrap());
    assert!(text.contains("< < < <"), "the punctuation is printed");
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

// ---------------------------------------------------------------- images

/// A PNG of `width` × `height` pixels whose rows are all grey: its header says the size, its
/// data are `rows` rows (an image that claims more rows than it has is a bomb all the same).
fn png(width: u32, height: u32, rows: u32) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let crc = crc32(&out[start..]);
        out.extend_from_slice(&crc.to_be_bytes());
    }
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for b in bytes {
            crc ^= u32::from(*b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let row = [&[0u8][..], &vec![0x80u8; width as usize * 3]].concat();
    for _ in 0..rows {
        encoder.write_all(&row).unwrap();
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &encoder.finish().unwrap());
    chunk(&mut out, b"IEND", b"");
    out
}

/// A JPEG header declaring `width` × `height` pixels, with a scan of zeros.
fn jpeg(width: u16, height: u16) -> Vec<u8> {
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8];
    out.extend_from_slice(&height.to_be_bytes());
    out.extend_from_slice(&width.to_be_bytes());
    out.extend_from_slice(&[1, 1, 0x11, 0, 0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0]);
    out.extend(std::iter::repeat_n(0u8, 4000));
    out.extend_from_slice(&[0xFF, 0xD9]);
    out
}

/// The example with `context.md` showing `figures/<name>` (written with `bytes`) at its last
/// line; returns the folder and that line.
fn with_figure(name: &str, bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf, usize) {
    let (work, folder) = example();
    let md = std::fs::read_to_string(folder.join("context.md")).unwrap();
    let line = md.lines().count() + 2;
    std::fs::write(folder.join("context.md"), format!("{md}\n![A chart of detentions by year](figures/{name})\n"))
        .unwrap();
    std::fs::create_dir_all(folder.join("figures")).unwrap();
    std::fs::write(folder.join("figures").join(name), bytes).unwrap();
    keep(name, bytes);
    (work, folder, line)
}

/// Builds `s` in `work` under the memory limit; returns the output.
fn build(work: &Path) -> (std::process::Output, String) {
    let out = run(work, &["build", "--diagnostic-format", "short", "s", "-o", "out"], Limits::memory());
    let shown = all(&out);
    (out, shown)
}

#[test]
fn images_declaring_billions_of_pixels_are_refused_at_their_line() {
    for (name, bytes, size) in [
        ("huge.png", png(100_000, 100_000, 200), "100000 × 100000 pixels"),
        ("huge.jpg", jpeg(65_500, 65_500), "65500 × 65500 pixels"),
    ] {
        assert!(bytes.len() < 1_000_000, "{name}: {}", bytes.len());
        let (work, _, line) = with_figure(name, &bytes);
        let (out, shown) = build(work.path());
        assert_eq!(out.status.code(), Some(1), "{shown}");
        assert!(
            shown.contains(&format!(
                "s/context.md:{line}:1: error: the image `figures/{name}` cannot be used: it is {size}"
            )),
            "{shown}"
        );
        assert!(!shown.contains("comes from a template"), "{shown}");
    }
    // A logo, at its field.
    let (work, folder) = example();
    std::fs::write(folder.join("logo.png"), png(100_000, 100_000, 10)).unwrap();
    let yaml = std::fs::read_to_string(folder.join("submission.yaml")).unwrap();
    let yaml = yaml.replacen("    website:", "    logo: logo.png\n    website:", 1);
    std::fs::write(folder.join("submission.yaml"), yaml).unwrap();
    let (out, shown) = build(work.path());
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("s/submission.yaml:") && shown.contains("the image `logo.png` cannot be used"), "{shown}");
}

#[test]
fn svg_bombs_are_refused_at_their_line() {
    let svg =
        |body: String| format!(r#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">{body}</svg>"#);
    // An embedded PNG declaring 10¹⁰ pixels.
    let b64 = base64(&png(100_000, 100_000, 10));
    let embedded = svg(format!(r#"<image width="100" height="100" href="data:image/png;base64,{b64}"/>"#));
    // 200 blurred rectangles: each is drawn as an image of up to 5,000 × 5,000 pixels.
    let filters = svg((0..200)
        .map(|i| format!(r#"<filter id="f{i}"><feGaussianBlur stdDeviation="{i}"/></filter><rect width="5000" height="5000" filter="url(#f{i})"/>"#))
        .collect());
    // References nine deep, ten each: a billion rectangles.
    let mut defs = String::from(r#"<g id="l0"><rect width="1" height="1"/></g>"#);
    for level in 1..=9 {
        let uses: String = (0..10).map(|x| format!(r##"<use href="#l{}" x="{x}"/>"##, level - 1)).collect();
        defs.push_str(&format!(r#"<g id="l{level}">{uses}</g>"#));
    }
    let laughs = svg(format!(r##"<defs>{defs}</defs><use href="#l9"/>"##));
    let deep = svg(format!("{}{}", "<g>".repeat(100_000), "</g>".repeat(100_000)));
    // 150,000 short texts (7 MB): Typst shapes and draws each; a minute and over a gigabyte.
    let text = svg((0..150_000)
        .map(|i| format!(r#"<text x="{}" y="{}" font-size="8">a{i}</text>"#, i % 100, i % 100))
        .collect());
    // 200,000 rectangles.
    let shapes = svg((0..200_000).map(|i| format!(r#"<rect x="{}" width="1" height="1"/>"#, i % 100)).collect());
    for (name, text, expected) in [
        (
            "embedded.svg",
            embedded,
            "the images and filters (shadows, blurs) inside it, its shapes and its text come to more than 40 million",
        ),
        (
            "filters.svg",
            filters,
            "the images and filters (shadows, blurs) inside it, its shapes and its text come to more than 40 million",
        ),
        (
            "text.svg",
            text,
            "the images and filters (shadows, blurs) inside it, its shapes and its text come to more than 40 million",
        ),
        (
            "shapes.svg",
            shapes,
            "the images and filters (shadows, blurs) inside it, its shapes and its text come to more than 40 million",
        ),
        ("laughs.svg", laughs, "it cannot be read as SVG"),
        ("deep.svg", deep, "it cannot be read as SVG"),
    ] {
        let (work, _, line) = with_figure(name, text.as_bytes());
        let (out, shown) = build(work.path());
        assert_eq!(out.status.code(), Some(1), "{name}: {shown}");
        assert!(
            shown.contains(&format!(
                "s/context.md:{line}:1: error: the image `figures/{name}` cannot be used: {expected}"
            )),
            "{shown}"
        );
    }
}

/// Base64, for data addresses.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn a_damaged_image_is_blamed_on_the_image_not_a_template() {
    let mut bytes = png(10, 10, 10);
    // The compressed rows replaced by garbage (the header stays readable).
    let at = bytes.windows(4).position(|w| w == b"IDAT").unwrap() + 4;
    bytes[at..at + 8].copy_from_slice(b"garbage!");
    let (work, _, _) = with_figure("damaged.png", &bytes);
    let (out, shown) = build(work.path());
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("failed to decode image"), "{shown}");
    assert!(shown.contains("one of the submission's images (a figure or a logo) could not be read"), "{shown}");
    assert!(!shown.contains("comes from a template"), "{shown}");
}

#[test]
fn images_at_their_budget_build_and_past_it_are_refused() {
    // Two photographs of 38.5 million pixels each build within the memory limit.
    let (work, folder, _) = with_figure("a.png", &png(7_000, 5_500, 5_500));
    std::fs::write(folder.join("figures/b.png"), png(7_000, 5_500, 5_500)).unwrap();
    let md = std::fs::read_to_string(folder.join("context.md")).unwrap();
    std::fs::write(folder.join("context.md"), format!("{md}\n![Another photograph](figures/b.png)\n")).unwrap();
    let (out, shown) = build(work.path());
    assert_eq!(out.status.code(), Some(0), "{shown}");
    // A third passes the 100 million the images of a submission may have together.
    std::fs::write(folder.join("figures/c.png"), png(7_000, 5_500, 5_500)).unwrap();
    let md = std::fs::read_to_string(folder.join("context.md")).unwrap();
    let line = md.lines().count() + 2;
    std::fs::write(folder.join("context.md"), format!("{md}\n![A third photograph](figures/c.png)\n")).unwrap();
    let (out, shown) = build(work.path());
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(
        shown.contains(&format!("s/context.md:{line}:1: error: with this image, the submission's images come to more than 100 million pixels")),
        "{shown}"
    );
}

// ---------------------------------------------------------------- template overrides

/// The example with `templates/report.typ`: the built-in one with `extra` after it.
fn with_report_template(extra: &str) -> tempfile::TempDir {
    let (work, folder) = example();
    let report = amicus::writers::template::DEFAULTS.iter().find(|(n, _)| *n == "report.typ").unwrap().1;
    std::fs::create_dir(folder.join("templates")).unwrap();
    std::fs::write(folder.join("templates/report.typ"), format!("{report}\n{extra}\n")).unwrap();
    work
}

#[test]
fn an_override_of_the_built_in_template_builds_the_same_pdf() {
    // Laid out in a contained child, the same document as laid out in the process.
    let work = with_report_template("");
    let (out, shown) = build(work.path());
    assert_eq!(out.status.code(), Some(0), "{shown}");
    let (plain, _) = example();
    let out = run(plain.path(), &["build", "s", "-o", "out"], Limits::memory());
    assert_eq!(out.status.code(), Some(0), "{}", all(&out));
    assert!(
        std::fs::read(work.path().join("out/report.pdf")).unwrap()
            == std::fs::read(plain.path().join("out/report.pdf")).unwrap(),
        "the PDFs differ"
    );
}

#[test]
fn endless_or_enormous_jinja_templates_stop_with_an_error_naming_them() {
    for (extra, expected) in [
        (
            "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
            "template problem: the template ran more than 50,000,000 steps and was stopped",
        ),
        (
            r#"{% set ns = namespace(s="x") %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}"#,
            "template problem: the template s/templates/report.typ was stopped: it asked for more than 768 MB of memory",
        ),
    ] {
        let work = with_report_template(extra);
        let (out, shown) = build(work.path());
        assert_eq!(out.status.code(), Some(1), "{shown}");
        assert!(shown.contains("s/templates/report.typ"), "{shown}");
        assert!(shown.contains(expected), "{shown}");
        assert!(!work.path().join("out/report.pdf").exists());
    }
}

#[test]
fn endless_or_enormous_typst_templates_stop_with_an_error_naming_them() {
    for (extra, expected) in [
        (r#"#let s = "x" * 3000000000"#, "were stopped: it asked for more than 768 MB of memory"),
        ("#for i in range(1000000000) {}", "were stopped: it asked for more than 768 MB of memory"),
        ("#for i in range(100000) { for j in range(100000) { } }", "were stopped: it ran for more than 30 seconds"),
    ] {
        let work = with_report_template(extra);
        let (out, shown) = build(work.path());
        assert_eq!(out.status.code(), Some(1), "{shown}");
        assert!(
            shown.contains("s/templates/report.typ: error: the submission's templates (s/templates/report.typ)"),
            "{shown}"
        );
        assert!(shown.contains(expected), "{shown}");
    }
}

// ---------------------------------------------------------------- one bad folder

#[test]
fn a_batch_builds_every_good_folder_whatever_the_bad_ones_hold() {
    let work = tempfile::tempdir().unwrap();
    let example = common::root().join("submissions/kazakhstan-ccpr-2025");
    for name in ["good", "bomb", "endless", "good2"] {
        common::copy_dir(&example, &work.path().join(name));
    }
    let md = std::fs::read_to_string(work.path().join("bomb/context.md")).unwrap();
    std::fs::write(work.path().join("bomb/context.md"), format!("{md}\n![A chart](huge.png)\n")).unwrap();
    std::fs::write(work.path().join("bomb/huge.png"), png(100_000, 100_000, 200)).unwrap();
    std::fs::create_dir(work.path().join("endless/templates")).unwrap();
    std::fs::write(
        work.path().join("endless/templates/amicus.typ"),
        "#let f(n) = f(n + 1)\n#let x = for i in range(100000) { for j in range(100000) { } }\n",
    )
    .unwrap();
    let out = run(work.path(), &["build", "good", "bomb", "endless", "good2", "-o", "out"], Limits::memory());
    let shown = all(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    for good in ["good", "good2"] {
        assert!(work.path().join("out").join(good).join("report.pdf").exists(), "{good} was not built: {shown}");
    }
    assert!(shown.contains("bomb/context.md:"), "{shown}");
    assert!(shown.contains("endless/templates/amicus.typ"), "{shown}");
}

#[test]
fn watch_reports_hostile_saves_and_keeps_running() {
    let (work, folder) = example();
    let command = common::limited::command(work.path(), &["watch", "s", "-o", "out"], Limits::memory());
    let mut watch = common::running::Running::spawn(command);
    let wrote = |n: usize| move |out: &str, _: &str| out.matches("wrote out/report.pdf").count() >= n;
    let stopped = |n: usize| move |_: &str, err: &str| err.matches("build stopped:").count() >= n;
    watch.wait_for("the first build", wrote(1));

    // An image declaring 10¹⁰ pixels: once this aborted the whole session.
    let md = std::fs::read_to_string(folder.join("context.md")).unwrap();
    std::fs::write(folder.join("huge.png"), png(100_000, 100_000, 200)).unwrap();
    std::fs::write(folder.join("context.md"), format!("{md}\n![A chart](huge.png)\n")).unwrap();
    watch.wait_for("the image's error", stopped(1));
    assert!(
        watch.stderr().contains("the image `huge.png` cannot be used: it is 100000 × 100000 pixels"),
        "{}",
        watch.stderr()
    );

    // A template that asks for gigabytes: stopped in its child, the session goes on.
    std::fs::write(folder.join("context.md"), &md).unwrap();
    let report = amicus::writers::template::DEFAULTS.iter().find(|(n, _)| *n == "report.typ").unwrap().1;
    std::fs::create_dir(folder.join("templates")).unwrap();
    std::fs::write(folder.join("templates/report.typ"), format!("{report}\n#let s = \"x\" * 3000000000\n")).unwrap();
    watch.wait_for("the template's error", stopped(2));
    assert!(watch.stderr().contains("were stopped: it asked for more than"), "{}", watch.stderr());

    // Fixed: built again.
    std::fs::remove_dir_all(folder.join("templates")).unwrap();
    watch.wait_for("the build after the fix", wrote(2));
    let (status, _, err) = watch.interrupt();
    assert!(status.success(), "{err}");
}

// ---------------------------------------------------------------- the preview server

/// `amicus preview` on the example under `limits`, with its address once the first build
/// is shown.
fn preview(work: &Path, limits: Limits) -> (common::running::Running, String) {
    common::copy_dir(&common::root().join("submissions/kazakhstan-ccpr-2025"), &work.join("s"));
    let command = common::limited::command(work, &["preview", "s", "-o", "out"], limits);
    let mut preview = common::running::Running::spawn(command);
    preview.wait_for("the first build", |out, _| out.contains("wrote out/report.pdf"));
    let out = preview.stdout();
    let address = out
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("preview of s at http://"))
        .and_then(|l| l.split_once('/'))
        .map(|(a, _)| a.to_owned())
        .unwrap_or_else(|| panic!("no address in {out}"));
    (preview, address)
}

/// Sends `head` (a request's line and headers, without the blank line that ends them) and
/// returns the response's status line and headers.
fn ask(address: &str, head: &str) -> String {
    try_ask(address, head).expect("the preview accepts connections")
}

/// [`ask`], or `None` when the connection or the request cannot be made (yet).
fn try_ask(address: &str, head: &str) -> Option<String> {
    let mut stream = TcpStream::connect(address).ok()?;
    stream.set_read_timeout(Some(common::running::PATIENCE)).ok()?;
    write!(stream, "{head}\r\n\r\n").ok()?;
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let text = String::from_utf8_lossy(&response).into_owned();
    Some(text.split("\r\n\r\n").next().unwrap_or_default().to_owned())
}

#[test]
fn the_preview_serves_no_other_site() {
    let work = tempfile::tempdir().unwrap();
    let (_preview, address) = preview(work.path(), Limits::memory());
    let get = |path: &str, site: Option<&str>| {
        let site = site.map(|s| format!("\r\nSec-Fetch-Site: {s}")).unwrap_or_default();
        ask(&address, &format!("GET {path} HTTP/1.1\r\nHost: {address}{site}"))
    };
    // A page elsewhere embedding the report's pages, or reading the status: refused.
    for path in ["/page/0.svg", "/status", "/"] {
        for site in ["cross-site", "same-site"] {
            let head = get(path, Some(site));
            assert!(head.starts_with("HTTP/1.1 403"), "{path} {site}: {head}");
        }
    }
    // The preview's own page, and the address typed by the user.
    for site in [Some("same-origin"), Some("none"), None] {
        let head = get("/page/0.svg", site);
        assert!(head.starts_with("HTTP/1.1 200"), "{site:?}: {head}");
        assert!(head.contains("Cross-Origin-Resource-Policy: same-origin"), "{head}");
    }
}

#[test]
fn slow_and_oversized_requests_are_cut_off_while_others_are_served() {
    let work = tempfile::tempdir().unwrap();
    let (preview, address) = preview(work.path(), Limits::memory());
    // A client trickling header lines, one every second: cut off with 408, while others
    // are answered meanwhile.
    let mut slow = TcpStream::connect(&address).unwrap();
    write!(slow, "GET / HTTP/1.1\r\nHost: {address}\r\n").unwrap();
    let trickle = std::thread::spawn(move || {
        let mut response = Vec::new();
        for i in 0..120 {
            if write!(slow, "X-Slow-{i}: 1\r\n").is_err() {
                break;
            }
            std::thread::sleep(Duration::from_secs(1));
            slow.set_read_timeout(Some(Duration::from_millis(10))).unwrap();
            let mut chunk = [0u8; 1024];
            match slow.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => response.extend_from_slice(&chunk[..n]),
                Err(_) => {}
            }
            if response.windows(4).any(|w| w == b"\r\n\r\n") {
                break;
            }
        }
        String::from_utf8_lossy(&response).into_owned()
    });
    let head = ask(&address, &format!("GET /status HTTP/1.1\r\nHost: {address}"));
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let cut = trickle.join().unwrap();
    assert!(cut.starts_with("HTTP/1.1 408"), "the slow client was not cut off: {cut:?}");

    // A header line of 8 MB: refused once past 16 KB, without reading the rest.
    let mut big = TcpStream::connect(&address).unwrap();
    big.set_read_timeout(Some(common::running::PATIENCE)).unwrap();
    write!(big, "GET / HTTP/1.1\r\nHost: {address}\r\nX-Big: ").unwrap();
    let chunk = vec![b'a'; 64 * 1024];
    for _ in 0..128 {
        if big.write_all(&chunk).is_err() {
            break;
        }
    }
    let mut response = Vec::new();
    let _ = big.read_to_end(&mut response);
    let response = String::from_utf8_lossy(&response);
    assert!(response.is_empty() || response.starts_with("HTTP/1.1 431"), "{response}");
    let head = ask(&address, &format!("GET / HTTP/1.1\r\nHost: {address}"));
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(preview.stderr().is_empty() || !preview.stderr().contains("panicked"), "{}", preview.stderr());
    let (status, _, err) = preview.interrupt();
    assert!(status.success(), "{err}");
}

#[test]
fn the_preview_recovers_when_it_runs_out_of_descriptors() {
    let work = tempfile::tempdir().unwrap();
    // 24 descriptors: the process needs about 10 of its own, the server's 32 connections
    // more than the rest (past 32 it answers 503 at once, so a lower limit is what exhausts).
    let limits = Limits { files: Some(24), ..Limits::memory() };
    let (mut preview, address) = preview(work.path(), limits);
    // Idle connections until the process can take no more and the queue of connections
    // waiting to be accepted is full.
    let mut held = Vec::new();
    for _ in 0..200 {
        match TcpStream::connect_timeout(&address.parse().unwrap(), Duration::from_secs(2)) {
            Ok(s) => held.push(s),
            Err(_) => break,
        }
    }
    assert!(held.len() > 24, "only {} connections", held.len());
    std::thread::sleep(Duration::from_secs(1));
    drop(held);
    // Accepting resumes once the descriptors are free: a request is answered again (the
    // connections dropped above are still queued, and are accepted and closed first; on a
    // busy machine that takes a moment, so the request is repeated for a while, and a
    // connection refused meanwhile counts as not yet).
    let started = std::time::Instant::now();
    let head = loop {
        let head = try_ask(&address, &format!("GET /status HTTP/1.1\r\nHost: {address}")).unwrap_or_default();
        if head.starts_with("HTTP/1.1 200") || started.elapsed() > Duration::from_secs(60) {
            break head;
        }
        std::thread::sleep(Duration::from_millis(250));
    };
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    // And the build loop still runs: an edit is built and shown.
    let md = work.path().join("s/context.md");
    let text = std::fs::read_to_string(&md).unwrap();
    std::fs::write(&md, format!("{text}\nOne more paragraph.\n")).unwrap();
    preview.wait_for("a build after the edit", |out, _| out.matches("wrote out/report.pdf").count() >= 2);
    let (status, _, err) = preview.interrupt();
    assert!(status.success(), "{err}");
}

// ---------------------------------------------------------------- the Word reference document

#[test]
fn a_reference_document_that_unpacks_to_gigabytes_is_refused() {
    let (work, folder) = example();
    std::fs::create_dir(folder.join("templates")).unwrap();
    // A zip of 256 KB whose styles unpack to 256 MB.
    let mut zip = zip::ZipWriter::new(std::fs::File::create(folder.join("templates/reference.docx")).unwrap());
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/styles.xml", options).unwrap();
    zip.write_all(format!(r#"<?xml version="1.0"?><w:styles {WNS}>"#).as_bytes()).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..256 {
        zip.write_all(&chunk).unwrap();
    }
    zip.write_all(b"</w:styles>").unwrap();
    zip.finish().unwrap();
    // `check` warns (the submission does not ask for Word); a Word build stops.
    for (args, code) in [(&["check", "s"][..], 0), (&["build", "s", "--format", "docx", "-o", "out"], 1)] {
        let out = run(work.path(), args, Limits::memory());
        let shown = all(&out);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {shown}");
        assert!(shown.contains("s/templates/reference.docx"), "{shown}");
        assert!(shown.contains("its word/styles.xml unpacks to more than 8 MB"), "{shown}");
    }
}

// ---------------------------------------------------------------- text that reads backwards

#[test]
fn direction_overrides_do_not_survive_into_imported_text_or_suggest_comments() {
    let work = tempfile::tempdir().unwrap();
    common::copy_dir(&common::root().join("tests/fixtures/base"), &work.path().join("s"));
    let co = std::fs::read_to_string(common::root().join("tests/fixtures/co/ccpr-arcadia.txt")).unwrap();
    // An override (U+202E) reverses what follows it on screen: "ton" would show as "not".
    let hostile = co.replacen("The Committee", "The Committee\u{202E}ton\u{202C} \u{2066}", 1);
    assert_ne!(hostile, co);
    std::fs::write(work.path().join("co.txt"), hostile).unwrap();
    let out = run(work.path(), &["import-co", "co.txt", "--into", "s"], Limits::memory());
    let shown = all(&out);
    assert_eq!(out.status.code(), Some(0), "{shown}");
    assert!(shown.contains("3 invisible direction controls (such as U+202E"), "{shown}");
    let imported = std::fs::read_to_string(work.path().join("s/concluding-observations.yaml")).unwrap();
    assert!(!imported.contains(['\u{202E}', '\u{202C}', '\u{2066}']), "{imported}");

    // A file written by hand with one: `suggest` quotes it escaped in its comments.
    let edited = imported.replacen("The Committee", "The Committee \u{202E}sdrawkcab", 1);
    assert_ne!(edited, imported);
    std::fs::write(work.path().join("s/concluding-observations.yaml"), edited).unwrap();
    let out = run(work.path(), &["suggest", "s"], Limits::memory());
    assert_eq!(out.status.code(), Some(0), "{}", all(&out));
    let assessment = std::fs::read_to_string(work.path().join("s/assessment.yaml")).unwrap();
    let comments: String = assessment.lines().filter(|l| l.trim_start().starts_with('#')).collect();
    assert!(!comments.contains('\u{202E}'), "{assessment}");
    assert!(!all(&out).contains('\u{202E}'), "{}", all(&out));
}

#[test]
fn the_preview_shows_the_pages_of_a_submission_with_its_own_templates() {
    // Laid out in a contained child, the pages come back drawn.
    let work = tempfile::tempdir().unwrap();
    let folder = work.path().join("s");
    common::copy_dir(&common::root().join("submissions/kazakhstan-ccpr-2025"), &folder);
    let report = amicus::writers::template::DEFAULTS.iter().find(|(n, _)| *n == "report.typ").unwrap().1;
    std::fs::create_dir(folder.join("templates")).unwrap();
    std::fs::write(folder.join("templates/report.typ"), report).unwrap();
    let command = common::limited::command(work.path(), &["preview", "s", "-o", "out"], Limits::memory());
    let mut preview = common::running::Running::spawn(command);
    preview.wait_for("the first build", |out, _| out.contains("wrote out/report.pdf"));
    let address =
        preview.stdout().lines().next().unwrap().split("http://").nth(1).unwrap().split('/').next().unwrap().to_owned();
    let mut stream = TcpStream::connect(&address).unwrap();
    write!(stream, "GET /status HTTP/1.0\r\nHost: {address}\r\n\r\n").unwrap();
    let mut status = String::new();
    stream.read_to_string(&mut status).unwrap();
    let json: serde_json::Value = serde_json::from_str(status.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    assert!(json["pages"].as_array().is_some_and(|p| p.len() > 3), "{json}");
    let mut stream = TcpStream::connect(&address).unwrap();
    write!(stream, "GET /page/0.svg HTTP/1.0\r\nHost: {address}\r\n\r\n").unwrap();
    let mut page = String::new();
    stream.read_to_string(&mut page).unwrap();
    assert!(page.starts_with("HTTP/1.1 200") && page.contains("<svg"), "{}", &page[..page.len().min(300)]);
}
