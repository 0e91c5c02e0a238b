//! The tricky cases one at a time, on small hand-written texts: page furniture, footnote calls,
//! split words, markers alone on their lines, numbering gaps and repeats, lettering out of
//! order, unplaceable lines, follow-up wordings, symbols and committees, Word numbering, and
//! the errors a file can cause.

use super::super::{ImportError, ImportWarning, extract_file, import_file, parse_co, text_from_file};
use crate::model::Committee;
use crate::model::co::{CoParagraph, ConcludingObservations};
use std::io::Write;

/// A CCPR-like document around `body` (which starts in section B at paragraph 2).
fn doc(body: &str) -> String {
    format!(
        "United Nations CCPR/C/XYZ/CO/2\nDistr.: General\n5 May 2024\nOriginal: English\nHuman Rights Committee\n\
         Concluding observations on the second periodic report of Xyzland*\nA. Introduction\n\
         1. The Committee considered the second periodic report of Xyzland at its 4000th and 4001st meetings, \
         held on 1 and 2 April 2024. At its 4010th meeting, held on 10 April 2024, it adopted the present \
         concluding observations.\nB. Concerns and recommendations\n{body}"
    )
}

/// Line 1 of `body` in the text [`doc`] makes.
const BODY_LINE: usize = 10;

/// A paragraph that must exist.
fn para(co: &ConcludingObservations, n: u32) -> &CoParagraph {
    co.paragraph(n).unwrap_or_else(|| panic!("paragraph {n} missing in {:#?}", co.sections))
}

/// The warnings' messages, for matching.
fn messages(w: &[ImportWarning]) -> String {
    w.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

/// Symbol, committee, State, title, report, dates and meetings come from header and paragraph 1.
#[test]
fn particulars_from_header_and_introduction() {
    let r = parse_co(&doc("2. The Committee notes the report."), None);
    assert!(r.warnings.is_empty(), "{}", messages(&r.warnings));
    let co = &r.co;
    assert_eq!(co.symbol, "CCPR/C/XYZ/CO/2");
    assert_eq!(co.committee, Committee::Ccpr);
    assert_eq!(co.state, "Xyzland");
    assert_eq!(co.title.as_deref(), Some("Concluding observations on the second periodic report of Xyzland"));
    assert_eq!(co.report.as_deref(), Some("second periodic report"));
    assert_eq!(co.published.as_deref(), Some("2024-05-05"));
    assert_eq!(co.adopted.as_deref(), Some("2024-04-10"));
    assert_eq!(
        co.meetings.as_deref(),
        Some("4000th and 4001st meetings, held on 1 and 2 April 2024; 4010th meeting, held on 10 April 2024")
    );
    assert_eq!(co.sections.len(), 2);
    assert_eq!(co.sections[1].label.as_deref(), Some("B"));
    assert_eq!(co.sections[1].title, "Concerns and recommendations");
}

/// A line between the title and the first section is reported, not dropped silently.
#[test]
fn text_between_title_and_first_section_is_reported() {
    let text = "CCPR/C/XYZ/CO/2\nConcluding observations on the second periodic report of Xyzland*\n\
                The present document was issued without formal editing.\nA. Introduction\n1. The Committee considered it.\n";
    let r = parse_co(text, None);
    assert!(messages(&r.warnings).contains("line 3: this line between the title and the first section was left out"));
}

/// Calls after a full stop and after a word are cut out; the notes go to their paragraph.
#[test]
fn footnote_calls_are_cut_out_and_their_notes_attached() {
    let r = parse_co(
        &doc("2. The Committee is concerned about migrant detention.1 It regrets the lack of data2 on it.\n\n\
              1 See CCPR/C/XYZ/Q/2.\n2 Replies to the list of issues, para. 3.\n"),
        None,
    );
    assert!(r.warnings.is_empty(), "{}", messages(&r.warnings));
    let p = para(&r.co, 2);
    assert_eq!(p.text, "The Committee is concerned about migrant detention. It regrets the lack of data on it.");
    assert_eq!(p.footnotes, ["See CCPR/C/XYZ/Q/2.", "Replies to the list of issues, para. 3."]);
}

/// A paragraph runs on across page number, job number, bar-code and running header.
#[test]
fn a_paragraph_continues_across_page_furniture() {
    let r = parse_co(
        &doc("2. The Committee is concerned about the conditions in\n\n3\nGE.24-12345(E)\n*2412345*\nPlease recycle\n\
              \u{c}CCPR/C/XYZ/CO/2\n\nplaces of detention.\n3. The State party should act.\n"),
        None,
    );
    assert!(r.warnings.is_empty(), "{}", messages(&r.warnings));
    assert_eq!(para(&r.co, 2).text, "The Committee is concerned about the conditions in places of detention.");
    assert_eq!(para(&r.co, 3).text, "The State party should act.");
}

/// "recom-" + "mendations" is mended; "ill-" and "non-" keep their hyphens.
#[test]
fn words_split_at_line_ends_are_mended() {
    let r = parse_co(
        &doc(
            "2. The Committee reiterates its recom-\nmendations on ill-\ntreatment and on the ill-treatment of detainees,\n\
              and on non-\nrefoulement.\n",
        ),
        None,
    );
    assert_eq!(
        para(&r.co, 2).text,
        "The Committee reiterates its recommendations on ill-treatment and on the ill-treatment of detainees, and on non-refoulement."
    );
}

/// "(a)" alone on its line starts a sub-paragraph; roman items stay inside it.
#[test]
fn letters_alone_on_their_lines_and_roman_items() {
    let r = parse_co(
        &doc(
            "2. The State party should:\n(a)\nEnsure that the law:\n(i) prohibits torture;\n(ii) punishes it;\n(b)\nTrain judges.\n",
        ),
        None,
    );
    assert!(r.warnings.is_empty(), "{}", messages(&r.warnings));
    let p = para(&r.co, 2);
    assert_eq!(p.text, "The State party should:");
    assert_eq!(p.subparagraphs.len(), 2);
    assert_eq!(p.subparagraphs[0].text, "Ensure that the law: (i) prohibits torture; (ii) punishes it;");
    assert_eq!(p.subparagraphs[1].text, "Train judges.");
}

/// After (h), "(i)" is the next letter, not a roman item.
#[test]
fn the_ninth_letter_is_a_letter_when_its_turn_comes() {
    let items: String = ('a'..='j').map(|c| format!("({c}) Item {c};\n")).collect();
    let r = parse_co(&doc(&format!("2. The State party should:\n{items}")), None);
    let letters: Vec<&str> = para(&r.co, 2).subparagraphs.iter().map(|s| s.letter.as_str()).collect();
    assert_eq!(letters, ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]);
}

/// "paragraph 17" + "(a) above" on the next line is a citation, not a sub-paragraph.
#[test]
fn a_letter_in_a_wrapped_citation_stays_text() {
    let r = parse_co(
        &doc(
            "2. The Committee recalls its recommendation in paragraph 17\n(a) above and regrets its non-implementation.\n",
        ),
        None,
    );
    let p = para(&r.co, 2);
    assert!(p.subparagraphs.is_empty());
    assert_eq!(
        p.text,
        "The Committee recalls its recommendation in paragraph 17 (a) above and regrets its non-implementation."
    );
}

/// A heading over two lines is one heading, and it carries to the paragraphs under it.
#[test]
fn subject_headings_wrap_and_carry_to_the_recommendation() {
    let r = parse_co(
        &doc("Elimination of slavery, servitude and trafficking in persons, including of\nmigrant workers\n\
              2. The Committee is concerned.\n3. The State party should act.\nNon-refoulement\n4. The Committee notes.\n"),
        None,
    );
    assert!(r.warnings.is_empty(), "{}", messages(&r.warnings));
    let h = "Elimination of slavery, servitude and trafficking in persons, including of migrant workers";
    assert_eq!(para(&r.co, 2).heading.as_deref(), Some(h));
    assert_eq!(para(&r.co, 3).heading.as_deref(), Some(h));
    assert_eq!(para(&r.co, 4).heading.as_deref(), Some("Non-refoulement"));
}

/// A gap and a repeat in the numbering are reported with their lines.
#[test]
fn numbering_gaps_and_repeats_are_reported() {
    let r = parse_co(&doc("2. The Committee notes one thing.\n4. The Committee notes another.\n4. And again.\n"), None);
    let m = messages(&r.warnings);
    assert!(m.contains(&format!("line {}: paragraph 3 is missing", BODY_LINE + 1)), "{m}");
    assert!(m.contains(&format!("line {}: paragraph 4 comes again", BODY_LINE + 2)), "{m}");
    assert_eq!(r.co.paragraphs().count(), 4);
}

/// A skipped and a reversed letter are reported with their lines.
#[test]
fn lettering_out_of_order_is_reported() {
    let r = parse_co(&doc("2. The State party should:\n(a) Do one thing;\n(c) Do another;\n(b) Do a third.\n"), None);
    let m = messages(&r.warnings);
    assert!(m.contains(&format!("line {}: paragraph 2: sub-paragraph (c) follows (a)", BODY_LINE + 2)), "{m}");
    assert!(m.contains(&format!("line {}: paragraph 2: sub-paragraph (b) comes after (c)", BODY_LINE + 3)), "{m}");
    assert_eq!(para(&r.co, 2).subparagraphs.len(), 3);
}

/// A sentence before any paragraph of its section is reported with its text.
#[test]
fn lines_that_fit_nowhere_are_reported_not_dropped_silently() {
    let r =
        parse_co(&doc("This sentence stands before any paragraph of the section.\n2. The Committee notes.\n"), None);
    let m = messages(&r.warnings);
    assert!(m.contains(&format!("line {}: this line could not be placed", BODY_LINE)), "{m}");
    assert!(m.contains("This sentence stands before any paragraph"), "{m}");
}

/// A footnote at a page end without a call goes to the paragraph before it, reported.
#[test]
fn a_footnote_without_call_goes_to_the_paragraph_before_it_with_a_warning() {
    let r = parse_co(
        &doc("2. The Committee notes the law.\n\n1 Law No. 5 of 2020.\n\u{c}CCPR/C/XYZ/CO/2\n3. Next.\n"),
        None,
    );
    let m = messages(&r.warnings);
    assert!(m.contains("footnote 1: no call for it was found"), "{m}");
    assert_eq!(para(&r.co, 2).footnotes, ["Law No. 5 of 2020."]);
}

/// Calls separated from their words are matched at sentence ends, not after "article" or before "cases".
#[test]
fn a_call_standing_apart_is_taken_at_a_sentence_end_with_a_warning() {
    let r = parse_co(
        &doc("2. Under article 7 the Committee is concerned about detention 1. It notes the law. 2 Other\n\
              text follows in 12 cases.\n\n1 See the replies.\n2 Law No. 5.\n"),
        None,
    );
    let m = messages(&r.warnings);
    assert!(m.contains("footnote 1: its call stands apart"), "{m}");
    assert!(m.contains("footnote 2: its call stands apart"), "{m}");
    let p = para(&r.co, 2);
    assert_eq!(
        p.text,
        "Under article 7 the Committee is concerned about detention. It notes the law. Other text follows in 12 cases."
    );
    assert_eq!(p.footnotes, ["See the replies.", "Law No. 5."]);
}

/// A number that looks like a call but has no footnote stays in the text, reported.
#[test]
fn a_call_without_footnote_is_left_in_the_text_with_a_warning() {
    let r = parse_co(&doc("2. The Committee notes the data1 on detention.\n"), None);
    assert!(messages(&r.warnings).contains("looks like the call of footnote 1"), "{}", messages(&r.warnings));
    assert_eq!(para(&r.co, 2).text, "The Committee notes the data1 on detention.");
}

/// "1 July 2025 …" at a line start before a page end is text, not footnote 1.
#[test]
fn a_wrapped_date_is_not_a_footnote_even_at_a_page_end() {
    let r = parse_co(
        &doc("2. The dialogue was held on 30 June and\n1 July 2025 in Geneva.\n\n2\nGE.24-12345(E)\n\u{c}3. Next.\n"),
        None,
    );
    assert!(r.warnings.is_empty(), "{}", messages(&r.warnings));
    assert_eq!(para(&r.co, 2).text, "The dialogue was held on 30 June and 1 July 2025 in Geneva.");
}

/// "2 GE.24-12345" at a page foot is furniture.
#[test]
fn page_footers_with_page_and_job_numbers_are_furniture() {
    let r =
        parse_co(&doc("2. The Committee is concerned about\n\n2 GE.24-12345\n\u{c}CCPR/C/XYZ/CO/2\nthe law.\n"), None);
    assert!(r.warnings.is_empty(), "{}", messages(&r.warnings));
    assert_eq!(para(&r.co, 2).text, "The Committee is concerned about the law.");
}

/// "1 March 2020 …" after a seen call 1 is text; the real footnote 1 comes later.
#[test]
fn a_wrapped_date_is_not_a_footnote() {
    let r = parse_co(
        &doc("2. The Committee notes the law1 adopted on\n1 March 2020 by the parliament.\n\n1 Law No. 5.\n"),
        None,
    );
    assert!(r.warnings.is_empty(), "{}", messages(&r.warnings));
    assert_eq!(para(&r.co, 2).text, "The Committee notes the law adopted on 1 March 2020 by the parliament.");
    assert_eq!(para(&r.co, 2).footnotes, ["Law No. 5."]);
}

/// The older CCPR wording: "within one year" from adoption; the next report's date.
#[test]
fn follow_up_within_one_year_of_adoption() {
    let r = parse_co(
        &doc(
            "2. The Committee notes.\nD. Dissemination and follow-up\n3. In accordance with rule 71, paragraph 5, of the \
              Committee’s rules of procedure, the State party should provide, within one year, relevant information on its \
              implementation of the Committee’s recommendations made in paragraphs 9, 12, 13 and 22 above.\n\
              4. The Committee requests the State party to submit its next periodic report by 10 April 2028.\n",
        ),
        None,
    );
    let f = r.co.follow_up.expect("a follow-up");
    assert_eq!(f.paragraph, Some(3));
    assert_eq!(f.selected, ["9", "12", "13", "22"]);
    assert_eq!(f.deadline.as_deref(), Some("2025-04-10"));
    assert_eq!(f.next_report.as_deref(), Some("2028-04-10"));
}

/// Letters, a range split over lines, two years; topics in brackets and a date.
#[test]
fn follow_up_with_letters_ranges_and_topics() {
    let r = parse_co(
        &doc(
            "2. The Committee notes.\nD. Follow-up\n3. The Committee requests the State party to provide, within two years, \
              information on its implementation of the recommendations contained in paragraphs 17 (a), 19 (c), 23 (a) and\n\
              36 (a)–\n(d) above.\n",
        ),
        None,
    );
    let f = r.co.follow_up.expect("a follow-up");
    assert_eq!(f.selected, ["17 (a)", "19 (c)", "23 (a)", "36 (a)–(d)"]);
    assert_eq!(f.deadline.as_deref(), Some("2026-04-10"));
    for s in &f.selected {
        crate::model::parse_citations(s).unwrap_or_else(|e| panic!("{s}: {e}"));
    }
    let r = parse_co(
        &doc(
            "2. The Committee notes.\nD. Follow-up\n3. The State party is requested to provide, by 25 July 2028, information \
              on the implementation of the recommendations made by the Committee in paragraphs 14 (non-discrimination), \
              34 (torture and ill-treatment) and 44 (freedom of peaceful assembly) above.\n",
        ),
        None,
    );
    let f = r.co.follow_up.expect("a follow-up");
    assert_eq!(f.selected, ["14", "34", "44"]);
    assert_eq!(f.deadline.as_deref(), Some("2028-07-25"));
}

/// The hint fills a missing symbol and is checked against a present one; committees from symbols and names.
#[test]
fn symbols_hints_and_committees() {
    // Without a symbol in the text, the hint is used.
    let text =
        "Concluding observations on the initial report of Xyzland\nA. Introduction\n1. The Committee considered it.\n";
    let r = parse_co(text, Some("CAT/C/XYZ/CO/1"));
    assert_eq!(r.co.symbol, "CAT/C/XYZ/CO/1");
    assert_eq!(r.co.committee, Committee::Cat);
    // A hint that disagrees with the text is reported; the text wins.
    let r = parse_co(&doc("2. The Committee notes."), Some("CCPR/C/ABC/CO/1"));
    assert_eq!(r.co.symbol, "CCPR/C/XYZ/CO/2");
    assert!(messages(&r.warnings).contains("not CCPR/C/ABC/CO/1"));
    // CESCR symbols and the pre-2008 CCPR form.
    let r = parse_co("E/C.12/XYZ/CO/3\nA. Introduction\n1. The Committee considered it.\n", None);
    assert_eq!(r.co.committee, Committee::Cescr);
    let r = parse_co("CCPR/CO/83/UZB\nA. Introduction\n1. The Committee considered it.\n", None);
    assert_eq!((r.co.symbol.as_str(), r.co.committee), ("CCPR/CO/83/UZB", Committee::Ccpr));
    // No symbol at all: the committee's name in the header decides, and the symbol is reported.
    let r = parse_co(
        "Committee on the Elimination of Racial Discrimination\nA. Introduction\n1. The Committee considered it.\n",
        None,
    );
    assert_eq!(r.co.committee, Committee::Cerd);
    assert!(messages(&r.warnings).contains("no document symbol"));
}

/// CRC layout: roman parts, lettered clusters labelled `II.A`, titles wrapping inside brackets.
#[test]
fn roman_parts_with_lettered_clusters_and_wrapped_titles() {
    let text = "CRC/C/XYZ/CO/5-6\nAdvance unedited version\nI. Introduction\n1. The Committee considered the report.\n\
                II. Main areas of concern and recommendations\nA. General measures of implementation (arts. 4, 42 and\n\
                44 (6))\nLegislation\n2. The Committee recommends that the State party adopt a code.\n\
                B. Violence against children (arts. 19, 24 (3),\n28 (2), 34 and 39)\n3. The Committee recommends that the State party act.\n\
                III. Implementation and reporting\nA. Next report\n4. The Committee invites the State party to submit its \
                combined seventh and eighth periodic reports by 1 March 2031.\n";
    let r = parse_co(text, None);
    let labels: Vec<(Option<&str>, &str, usize)> =
        r.co.sections.iter().map(|s| (s.label.as_deref(), s.title.as_str(), s.paragraphs.len())).collect();
    assert_eq!(
        labels,
        [
            (Some("I"), "Introduction", 1),
            (Some("II"), "Main areas of concern and recommendations", 0),
            (Some("II.A"), "General measures of implementation (arts. 4, 42 and 44 (6))", 1),
            (Some("II.B"), "Violence against children (arts. 19, 24 (3), 28 (2), 34 and 39)", 1),
            (Some("III"), "Implementation and reporting", 0),
            (Some("III.A"), "Next report", 1),
        ]
    );
    assert_eq!(para(&r.co, 2).heading.as_deref(), Some("Legislation"));
    assert_eq!(r.co.follow_up.and_then(|f| f.next_report).as_deref(), Some("2031-03-01"));
}

/// A `.docx` with the given body XML and, optionally, a numbering part.
fn word_file(body: &str, numbering: Option<&str>) -> Vec<u8> {
    let ns = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", options).unwrap();
    write!(zip, r#"<?xml version="1.0"?><w:document {ns}><w:body>{body}</w:body></w:document>"#).unwrap();
    if let Some(n) = numbering {
        zip.start_file("word/numbering.xml", options).unwrap();
        write!(zip, r#"<?xml version="1.0"?><w:numbering {ns}>{n}</w:numbering>"#).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Word numbering with a start value and restarting letters is rebuilt; an undefined list is reported; tabs, breaks, non-breaking hyphens and deletions.
#[test]
fn word_numbering_is_rebuilt_or_reported() {
    let numbered = |num: u32, level: u32, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    };
    let numbering = r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>"#;
    let body = [
        numbered(3, 0, "The State party should:"),
        numbered(3, 1, "Act;"),
        numbered(3, 1, "Report."),
        numbered(3, 0, "The Committee notes."),
        numbered(3, 1, "First."),
        numbered(9, 1, "Undefined list."),
        r#"<w:p><w:r><w:t xml:space="preserve">Tab</w:t><w:tab/><w:t xml:space="preserve">and non</w:t><w:noBreakHyphen/><w:t>breaking</w:t><w:br/><w:t>next line</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>"#.to_owned(),
    ]
    .concat();
    let (text, warnings) = super::super::docx::docx_text(&word_file(&body, Some(numbering))).unwrap();
    assert_eq!(
        text,
        "5.\tThe State party should:\n(a)\tAct;\n(b)\tReport.\n6.\tThe Committee notes.\n(a)\tFirst.\nUndefined list.\n\
         Tab\tand non-breaking\nnext line\n"
    );
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].line, 6);
    assert!(warnings[0].message.contains("list 9"), "{}", warnings[0].message);
}

/// A file in a fresh temporary directory.
fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

/// Formats are told by content; each error names the file and says what to do.
#[test]
fn files_are_recognised_by_content_and_errors_name_them() {
    let (_d, txt) = temp_file("co.txt", format!("\u{feff}{}", doc("2. The Committee notes.")).as_bytes());
    let r = import_file(&txt, None).unwrap();
    assert_eq!(r.co.source.as_deref(), Some("co.txt"));
    assert_eq!(r.co.paragraphs().count(), 2);
    // A Word file saved with a wrong extension is still read as Word.
    let (_d, odd) = temp_file("co.txt", &word_file("<w:p><w:r><w:t>1. Text.</w:t></w:r></w:p>", None));
    assert_eq!(text_from_file(&odd).unwrap(), "1. Text.\n");

    let (_d, old) = temp_file("co.doc", &[0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0]);
    let e = extract_file(&old).unwrap_err();
    assert!(matches!(e, ImportError::Unsupported { .. }) && e.to_string().contains(".docx"), "{e}");
    let (_d, latin1) = temp_file("co.txt", b"caf\xe9");
    assert!(matches!(extract_file(&latin1).unwrap_err(), ImportError::Encoding { .. }));
    let (_d, empty) = temp_file("co.txt", b"  \n");
    assert!(matches!(extract_file(&empty).unwrap_err(), ImportError::NoText { .. }));
    let (_d, bad_pdf) = temp_file("co.pdf", b"%PDF-1.7\nnot really a pdf");
    let e = extract_file(&bad_pdf).unwrap_err();
    assert!(matches!(e, ImportError::Pdf { .. }) && e.to_string().contains("co.pdf"), "{e}");
    let missing = std::path::Path::new("/nonexistent/co.pdf");
    assert!(extract_file(missing).unwrap_err().to_string().starts_with("cannot read /nonexistent/co.pdf"));
}

mod conservation {
    //! Property: whatever lines a text is made of, the import neither panics nor loses a word of
    //! the body silently: every word of a body line that is not page furniture or the title's
    //! `*` note ends up in the data or in a warning.

    use super::super::super::parse_co;
    use proptest::prelude::*;

    /// Lines of the kinds a CO's text is made of, good and broken.
    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            (1u32..12, "[A-Z][a-z]{3,9}( [a-z]{3,9}){0,8}[.:;]?").prop_map(|(n, t)| format!("{n}. {t}")),
            ("[a-j]", "[A-Z][a-z]{3,9}( [a-z]{3,9}){0,6}[.;]?").prop_map(|(l, t)| format!("({l}) {t}")),
            "[a-j]".prop_map(|l| format!("({l})")),
            "(i|ii|iii) [a-z]{3,9}( [a-z]{3,9}){0,4};".prop_map(|t| format!("({t}")),
            "[A-Z][a-z]{3,9}( [a-z]{3,9}){0,5}",
            "[a-z]{3,9}( [a-z]{3,9}){0,9}[.,;]?",
            "[a-z]{3,9}( [a-z]{3,9}){0,5} [a-z]{4,9}-",
            ("[A-E]", "[A-Z][a-z]{3,9}( [a-z]{3,9}){0,4}").prop_map(|(l, t)| format!("{l}. {t}")),
            (1u32..6, "[A-Z][a-z]{3,9}( [a-z]{3,9}){0,4}\\.").prop_map(|(n, t)| format!("{n} {t}")),
            "[a-z]{4,9}[1-5]( [a-z]{3,9}){0,4}\\.?",
            Just(String::new()),
            Just("\u{c}CCPR/C/XYZ/CO/2".to_owned()),
            Just("GE.25-12345(E)".to_owned()),
            (1u32..40).prop_map(|n| n.to_string()),
        ]
    }

    /// Whether a line is dropped on purpose: furniture, a blank, a `*` note.
    fn dropped_on_purpose(line: &str) -> bool {
        let t = line.trim_start_matches('\u{c}').trim();
        t.is_empty() || t.starts_with('*') || super::super::super::lines::is_furniture(t)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]
        /// Every word of a body line ends up in the data or in a warning.
        #[test]
        fn no_word_is_lost_silently(lines in proptest::collection::vec(line(), 1..40)) {
            let text = format!("A. Introduction\n1. The Committee considered the report.\n{}", lines.join("\n"));
            let r = parse_co(&text, Some("CCPR/C/XYZ/CO/2"));
            let mut haystack = String::new();
            for s in &r.co.sections {
                haystack.push_str(&s.title);
                haystack.push('\n');
                for p in &s.paragraphs {
                    haystack.push_str(&p.full_text());
                    haystack.push('\n');
                    haystack.push_str(p.heading.as_deref().unwrap_or(""));
                    haystack.push('\n');
                    for f in &p.footnotes {
                        haystack.push_str(f);
                        haystack.push('\n');
                    }
                }
            }
            for w in &r.warnings {
                haystack.push_str(&w.message);
                haystack.push('\n');
            }
            for line in lines.iter().filter(|l| !dropped_on_purpose(l)) {
                for word in line.split(|c: char| !c.is_alphabetic()).filter(|w| w.len() >= 3) {
                    prop_assert!(haystack.contains(word), "`{}` of line {:?} is lost\ntext:\n{}\nhaystack:\n{}", word, line, text, haystack);
                }
            }
        }
    }
}

/// An excerpt that starts in the middle of the numbering: a line is either kept as text or
/// left out, and the warnings never say both about the same line.
#[test]
fn an_excerpt_with_gaps_says_one_thing_per_line() {
    let r =
        parse_co(&doc("30. The Committee is concerned about detention.\n31. The State party should end it.\n"), None);
    let lines: std::collections::BTreeSet<usize> = r.warnings.iter().map(|w| w.line).collect();
    assert!(!lines.is_empty(), "an excerpt with a gap is reported");
    for line in lines {
        let about: Vec<String> = r.warnings.iter().filter(|w| w.line == line).map(|w| w.message.clone()).collect();
        let kept = about.iter().any(|m| m.contains("kept as text"));
        let left = about.iter().any(|m| m.contains("left out"));
        assert!(!(kept && left), "line {line} is said to be both kept and left out: {about:?}");
    }
}

/// A call standing apart in mid-sentence ("between 2004 and 2014 1 and") is taken when it is
/// the one such number on its page, and reported at its line; where two numbers could be it,
/// both stay in the text and both are reported.
#[test]
fn a_call_standing_apart_in_mid_sentence_is_reported_at_its_line() {
    let r = parse_co(
        &doc("2. The Committee notes that deforestation doubled between 2004 and 2014 1 and that\n\
              the State party has no data.\n\n1 See CERD/C/XYZ/CO/1, para. 15.\n"),
        None,
    );
    let m = messages(&r.warnings);
    assert!(
        m.contains(&format!(
            "line {BODY_LINE}: footnote 1: its call seems to stand apart from its word in mid-sentence"
        )),
        "{m}"
    );
    let p = para(&r.co, 2);
    assert_eq!(
        p.text,
        "The Committee notes that deforestation doubled between 2004 and 2014 and that the State party has no data."
    );
    assert_eq!(p.footnotes, ["See CERD/C/XYZ/CO/1, para. 15."]);

    let r = parse_co(
        &doc("2. The Committee notes that arrests rose in Xyz 1 and that\nthe Commission 1 was not consulted.\n\n\
              1 See CERD/C/XYZ/CO/1, para. 15.\n"),
        None,
    );
    let m = messages(&r.warnings);
    assert!(m.contains(&format!("line {BODY_LINE}: the number 1 here")), "{m}");
    assert!(m.contains(&format!("line {}: the number 1 here", BODY_LINE + 1)), "{m}");
    assert!(m.contains("footnote 1: no call for it was found"), "{m}");
    let p = para(&r.co, 2);
    assert_eq!(p.text, "The Committee notes that arrests rose in Xyz 1 and that the Commission 1 was not consulted.");
    assert_eq!(p.footnotes, ["See CERD/C/XYZ/CO/1, para. 15."]);
}

/// "Reissued for technical reasons" is kept as a note of the document, whether it stands in
/// the header block or as a `*` note at the foot of the first page, in English, French and
/// Spanish; it is neither the title, nor the date of the document, nor a footnote.
#[test]
fn reissue_notes_are_kept_as_document_notes() {
    let english = "United Nations CERD/C/XYZ/CO/8-10*\nDistr.: General\n3 June 2016\nOriginal: English\n\
        Committee on the Elimination of Racial Discrimination\n\
        Concluding observations on the combined eighth to tenth periodic reports of Xyzland**\nA. Introduction\n\
        1. The Committee considered the report at its 2400th and 2401st meetings, held on 2 and 3 May 2016. \
        At its 2410th meeting, held on 12 May 2016, it adopted the present concluding observations.\n\n\
        * Reissued for technical reasons on 27 July 2016.\n** Adopted by the Committee at its eighty-ninth session (25 April–13 May 2016).\n";
    let r = parse_co(english, None);
    assert!(r.warnings.is_empty(), "{}", messages(&r.warnings));
    let co = &r.co;
    assert_eq!(co.symbol, "CERD/C/XYZ/CO/8-10");
    assert_eq!(
        co.title.as_deref(),
        Some("Concluding observations on the combined eighth to tenth periodic reports of Xyzland")
    );
    assert_eq!(co.published.as_deref(), Some("2016-06-03"));
    assert_eq!(co.session, Some(89));
    assert_eq!(
        co.notes,
        [
            "Reissued for technical reasons on 27 July 2016.",
            "Adopted by the Committee at its eighty-ninth session (25 April–13 May 2016)."
        ]
    );
    assert!(co.paragraphs().all(|(_, p)| p.footnotes.is_empty()));

    // In the header block, beside the date (as the Word file's first-page header gives it).
    let french = "CRPD/C/XYZ/CO/1\nNations Unies\nDistr. générale\n5 mai 2019\nNouveau tirage pour raisons techniques (20 juin 2019)\n\
        Français\nOriginal : anglais\nComité des droits des personnes handicapées\n\
        Observations finales concernant le rapport initial du Xyzland*\nI. Introduction\n\
        1. Le Comité a examiné le rapport initial du Xyzland (CRPD/C/XYZ/1) à ses 449e et 450e séances, les 20 et 21 mars 2019. \
        Il a adopté les observations finales ci-après à sa 466e séance, le 2 avril 2019.\n\n\
        * Adoptées par le Comité à sa vingt et unième session (11 mars-5 avril 2019).\n";
    let r = parse_co(french, None);
    assert!(r.warnings.is_empty(), "{}", messages(&r.warnings));
    assert_eq!(r.co.published.as_deref(), Some("2019-05-05"));
    assert_eq!(r.co.session, Some(21));
    assert_eq!(r.co.title.as_deref(), Some("Observations finales concernant le rapport initial du Xyzland"));
    assert_eq!(r.co.notes[0], "Nouveau tirage pour raisons techniques (20 juin 2019)");
    assert_eq!(
        r.co.meetings.as_deref(),
        Some("449e et 450e séances, les 20 et 21 mars 2019; 466e séance, le 2 avril 2019")
    );

    let spanish = "CRPD/C/XYZ/CO/1*\nNaciones Unidas\nDistr. general\n13 de mayo de 2019\nEspañol\nOriginal: inglés\n\
        Comité sobre los Derechos de las Personas con Discapacidad\nObservaciones finales sobre el informe inicial de Xyzlandia**\n\
        I. Introducción\n1. El Comité examinó el informe inicial de Xyzlandia (CRPD/C/XYZ/1) en sus sesiones 449ª y 450ª \
        (véanse CRPD/C/SR.449 y 450), celebradas los días 20 y 21 de marzo de 2019. En su 466ª sesión, celebrada el 2 de abril \
        de 2019, aprobó las presentes observaciones finales.\n\n* Publicado nuevamente por razones técnicas el 4 de junio de 2019.\n\
        ** Aprobadas por el Comité en su vigésimo primer período de sesiones (11 de marzo a 5 de abril de 2019).\n";
    let r = parse_co(spanish, None);
    assert!(r.warnings.is_empty(), "{}", messages(&r.warnings));
    assert_eq!(r.co.symbol, "CRPD/C/XYZ/CO/1");
    assert_eq!(r.co.published.as_deref(), Some("2019-05-13"));
    assert_eq!(r.co.session, Some(21));
    assert_eq!(r.co.notes[0], "Publicado nuevamente por razones técnicas el 4 de junio de 2019.");
    assert_eq!(
        r.co.meetings.as_deref(),
        Some(
            "sesiones 449ª y 450ª, celebradas los días 20 y 21 de marzo de 2019; 466ª sesión, celebrada el 2 de abril de 2019"
        )
    );
}

/// Sessions written as French and Spanish ordinals, in words and in figures.
#[test]
fn sessions_in_french_and_spanish() {
    use super::super::header::find_session;
    for (text, n) in [
        ("Adoptées par le Comité à sa vingt-deuxième session (26 août-20 septembre 2019).", 22),
        ("Adoptées par le Comité à sa soixante et onzième session.", 71),
        ("Adoptées par le Comité à sa quatre-vingt-dix-neuvième session.", 99),
        ("Adoptées par le Comité à sa cinquième session.", 5),
        ("Adoptées par le Comité à sa 22e session.", 22),
        ("Aprobadas por el Comité en su 22º período de sesiones (26 de agosto a 20 de septiembre de 2019).", 22),
        ("Aprobadas por el Comité en su 21er período de sesiones.", 21),
        ("Aprobadas por el Comité en su vigésimo segundo período de sesiones.", 22),
        ("Aprobadas por el Comité en su decimotercer período de sesiones.", 13),
        ("Sixth session", 6),
    ] {
        assert_eq!(find_session(text), Some(n), "{text}");
    }
    assert_eq!(find_session("Le Comité a tenu une session extraordinaire."), None);
    assert_eq!(find_session("en su período de sesiones"), None);
}

/// Copied text can write an item's last line after the next item ("(l)" … "in" / "(m)" …
/// "2024;" / "2024;"), and the words of a line with wide spaces one per block: the items are
/// all found, the text put back, and each repair reported at its line.
#[test]
fn items_scrambled_by_copied_text_are_put_back_with_warnings() {
    let r = parse_co(
        &doc(
            "2. The Committee welcomes:\n(a)\nThe adoption of the Strategy, in\n\n(b)\n\nThe adoption of the Plan, in 2024;\n\n\
              2024;\n(c)\nThe lack of an\ndeinstitutionalization of children;\n\nindependent\n\nmonitoring\n\nmechanism\n\nfor\n\nthe\n\n\
              (d)\nThe reform of the law.\n",
        ),
        None,
    );
    let m = messages(&r.warnings);
    let p = para(&r.co, 2);
    let items: Vec<(&str, &str)> = p.subparagraphs.iter().map(|s| (s.letter.as_str(), s.text.as_str())).collect();
    assert_eq!(
        items,
        [
            ("a", "The adoption of the Strategy, in 2024;"),
            ("b", "The adoption of the Plan, in 2024;"),
            ("c", "The lack of an independent monitoring mechanism for the deinstitutionalization of children;"),
            ("d", "The reform of the law.")
        ],
        "{m}"
    );
    assert!(m.contains(&format!("line {}: paragraph 2: sub-paragraph (a) stops mid-sentence", BODY_LINE + 4)), "{m}");
    assert!(
        m.contains(&format!("line {}: paragraph 2: \"2024;\" stands after a complete sub-paragraph", BODY_LINE + 8)),
        "{m}"
    );
    assert!(
        m.contains(&format!(
            "line {}: the words \"independent monitoring mechanism for the\" stood apart",
            BODY_LINE + 13
        )),
        "{m}"
    );
}

/// A stray character before "(c)" (as some UN PDFs print one) keeps the marker from starting
/// its line, so (c) runs into (b): (c) is split off where it stands and the warning points at
/// that line and quotes the merged text; a list written in the running text of a lead-in is
/// split too; a letter that is nowhere is reported as a skip.
#[test]
fn an_item_merged_into_the_one_before_is_split_where_it_stands() {
    let r = parse_co(
        &doc(
            "2. The Committee recommends that the State party:\n(a) Adopt a law;\n(b) Fund it;\n\u{f0b7} (c) Monitor its implementation;\n(d) Report on it.\n",
        ),
        None,
    );
    let p = para(&r.co, 2);
    let letters: Vec<&str> = p.subparagraphs.iter().map(|s| s.letter.as_str()).collect();
    assert_eq!(letters, ["a", "b", "c", "d"], "{p:#?}");
    assert_eq!(p.subparagraphs[1].text, "Fund it;");
    assert_eq!(p.subparagraphs[2].text, "Monitor its implementation;");
    assert_eq!(r.warnings.len(), 1, "{}", messages(&r.warnings));
    let w = &r.warnings[0];
    assert_eq!(w.line, BODY_LINE + 3, "{w}");
    assert!(
        w.message.contains("sub-paragraph (c) stood inside (b)")
            && w.message.contains("(c) Monitor its implementation"),
        "{w}"
    );

    let r = parse_co(
        &doc(
            "2. The Committee is concerned: (a) that children are not heard; (b) that parents cannot choose; and\n(c) about unequal access.\n",
        ),
        None,
    );
    let p = para(&r.co, 2);
    assert_eq!(p.text, "The Committee is concerned:");
    assert_eq!(
        p.subparagraphs.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(),
        ["that children are not heard;", "that parents cannot choose; and", "about unequal access."]
    );
    assert!(
        messages(&r.warnings).contains("sub-paragraphs (a)–(b) stood inside the lead-in"),
        "{}",
        messages(&r.warnings)
    );

    let r = parse_co(
        &doc("2. The Committee recommends that the State party:\n(a) Adopt a law;\n(b) Fund it;\n(d) Report on it.\n"),
        None,
    );
    assert!(
        messages(&r.warnings)
            .contains("sub-paragraph (d) follows (b); the lettering skips, and (c) was not found inside (b)"),
        "{}",
        messages(&r.warnings)
    );
}
