//! Test-only: minimal Word files of the synthetic documents, written by hand as XML in a zip.
//!
//! Two variants: numbers and letters typed in the text, and Word's automatic numbering
//! (`w:numPr`) for paragraph numbers, sub-paragraph letters (through a paragraph style, as UN
//! templates do) and section labels, so that the letters are absent from the XML text and must
//! be rebuilt from `numbering.xml`. Both carry footnotes in `footnotes.xml`, the title's `*` note
//! with a custom mark, and the symbol and date in the first-page header.

use super::synth::{Seg, Style, SynthDoc};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

/// How numbers and letters are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Numbering {
    /// Typed in the text: "12.", "(a)".
    Typed,
    /// Word's automatic numbering.
    Automatic,
}

/// The WordprocessingML namespace declaration.
const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

/// Escapes text for XML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A run of text.
fn run(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#, esc(text))
}

/// The document being written: body XML and footnotes.
struct Doc {
    /// `w:p` elements of the body.
    body: String,
    /// `w:footnote` elements.
    notes: String,
    /// The next footnote id.
    next_id: u32,
}

impl Doc {
    /// Runs for segments; footnotes go to `footnotes.xml`.
    fn runs(&mut self, segs: &[Seg]) -> String {
        let mut out = String::new();
        for s in segs {
            match s {
                Seg::Text(t) => out.push_str(&run(t)),
                Seg::Break => out.push_str("<w:r><w:br/></w:r>"),
                Seg::Note(n) => {
                    let id = self.next_id;
                    self.next_id += 1;
                    out.push_str(&format!(
                        r#"<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{id}"/></w:r>"#
                    ));
                    self.note(id, n);
                }
            }
        }
        out
    }

    /// A footnote in `footnotes.xml`.
    fn note(&mut self, id: u32, text: &str) {
        self.notes.push_str(&format!(
            r#"<w:footnote w:id="{id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>{}</w:p></w:footnote>"#,
            run(&format!("\t{text}"))
        ));
    }

    /// A paragraph with properties and runs.
    fn p(&mut self, ppr: &str, runs: &str) {
        self.body.push_str(&format!("<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>"));
    }
}

/// `w:numPr` for a list and level.
fn num_pr(num: u32, level: u32) -> String {
    format!(r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>"#)
}

/// The numbering definitions: list 1 = paragraphs "1." with letters "(a)" below; list 2 =
/// section labels ("A." or, for the CRC, "I." with clusters "A." below).
fn numbering_xml(style: Style) -> String {
    let lvl = |i: u32, fmt: &str, text: &str| {
        format!(
            r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:suff w:val="tab"/></w:lvl>"#
        )
    };
    let sections = if style == Style::Crc {
        format!("{}{}", lvl(0, "upperRoman", "%1."), lvl(1, "upperLetter", "%2."))
    } else {
        lvl(0, "upperLetter", "%1.")
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {NS}><w:abstractNum w:abstractNumId="10">{}{}</w:abstractNum><w:abstractNum w:abstractNumId="20">{sections}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num></w:numbering>"#,
        lvl(0, "decimal", "%1."),
        lvl(1, "lowerLetter", "(%2)"),
    )
}

/// Styles: a sub-paragraph style that carries the letter numbering, based on the body style.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="SingleTxt"><w:name w:val="Single Txt"/></w:style><w:style w:type="paragraph" w:styleId="SubPara"><w:name w:val="Sub Para"/><w:basedOn w:val="SingleTxt"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/></w:style></w:styles>"#;

/// Writes a synthetic document as `.docx`.
pub(crate) fn docx(doc: &SynthDoc, numbering: Numbering) -> Vec<u8> {
    let auto = numbering == Numbering::Automatic;
    let mut d = Doc { body: String::new(), notes: String::new(), next_id: 1 };
    d.p("", &run("United Nations"));
    d.p("", &run(&doc.treaty));
    d.p("", &run(&doc.committee_name));
    // The title, with the custom-mark note "*".
    let star_id = d.next_id;
    d.next_id += 1;
    let title = format!(
        r#"{}<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:customMarkFollows="1" w:id="{star_id}"/><w:t>*</w:t></w:r>"#,
        run(&doc.title())
    );
    d.notes.push_str(&format!(
        r#"<w:footnote w:id="{star_id}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>*</w:t></w:r>{}</w:p></w:footnote>"#,
        run(&format!("\t{}", doc.star))
    ));
    d.p("", &title);
    for s in &doc.sections {
        let cluster = s.label.contains('.');
        if auto {
            d.p(&num_pr(2, u32::from(cluster)), &run(&s.title));
        } else {
            d.p("", &run(&format!("{}.\t{}", s.printed, s.title)));
        }
        let mut last: Option<&str> = None;
        for p in &s.paras {
            if let Some(h) = p.heading.as_deref().filter(|h| last != Some(*h)) {
                d.p("", &run(h));
                last = Some(h);
            }
            let lead = d.runs(&p.lead);
            if auto {
                d.p(&format!(r#"<w:pStyle w:val="SingleTxt"/>{}"#, num_pr(1, 0)), &lead);
            } else {
                d.p(r#"<w:pStyle w:val="SingleTxt"/>"#, &format!("{}{lead}", run(&format!("{}.\t", p.number))));
            }
            for (letter, segs) in &p.subs {
                let text = d.runs(segs);
                if auto {
                    d.p(r#"<w:pStyle w:val="SubPara"/>"#, &text);
                } else {
                    d.p(r#"<w:pStyle w:val="SingleTxt"/>"#, &format!("{}{text}", run(&format!("({letter})\t"))));
                }
            }
        }
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{}<w:sectPr><w:headerReference w:type="first" r:id="rId5"/><w:titlePg/></w:sectPr></w:body></w:document>"#,
        d.body
    );
    let footnotes = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>{}</w:footnotes>"#,
        d.notes
    );
    let header = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {NS}><w:p>{}</w:p><w:p>{}</w:p><w:p>{}</w:p><w:p>{}</w:p></w:hdr>"#,
        run(&doc.symbol),
        run("Distr.: General"),
        run(&doc.published_text),
        run("Original: English")
    );
    let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let doc_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>"#;

    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut part = |name: &str, text: &str| {
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(text.as_bytes()).expect("zip write");
    };
    part("[Content_Types].xml", content_types);
    part("_rels/.rels", rels);
    part("word/_rels/document.xml.rels", doc_rels);
    part("word/document.xml", &document);
    part("word/styles.xml", STYLES);
    part("word/numbering.xml", &numbering_xml(doc.style));
    part("word/footnotes.xml", &footnotes);
    part("word/header1.xml", &header);
    zip.finish().expect("zip").into_inner()
}
