//! The Word writer on small documents: every part parses, user text reads back literally
//! from every place it can go, footnotes, numbering, bookmarks and reference styles.

use std::collections::BTreeMap;
use std::io::Read;

use proptest::prelude::*;

use super::*;
use crate::doc::{Block, Document, Inline, Meta, ParaStyle};

/// The parts of a `.docx`, by name.
pub(crate) fn parts(docx: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut out = BTreeMap::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        out.insert(f.name().unwrap().into_owned(), s);
    }
    out
}

const W: &str = W_NS;

/// The text of each paragraph of a part, with its style id.
fn paragraphs(xml: &str) -> Vec<(String, String)> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            let style = p
                .descendants()
                .find(|n| n.has_tag_name((W, "pStyle")))
                .and_then(|n| n.attribute((W, "val")))
                .unwrap_or("")
                .to_owned();
            let text: String = p.descendants().filter(|n| n.has_tag_name((W, "t"))).filter_map(|n| n.text()).collect();
            (style, text)
        })
        .collect()
}

fn meta() -> Meta {
    Meta {
        title: "T".into(),
        authors: vec!["Org A".into(), "Org B".into()],
        language: "fr".into(),
        date: "2025-05-26".into(),
        running_header: "Header".into(),
        header_mark: Some("CONFIDENTIEL".into()),
        draft: None,
        page_of: (String::new(), " sur ".into(), String::new()),
        numbered_paragraphs: true,
        numbered_headings: true,
        a4: true,
        ibid: "Ibid.".into(),
        above: (", supra note\u{a0}".into(), ".".into()),
        annex: "Annexe".into(),
        colon: "\u{a0}:".into(),
    }
}

fn p(text: &str) -> Block {
    Block::Paragraph { style: ParaStyle::Normal, content: vec![Inline::text(text)] }
}

fn every_place(text: &str) -> Document {
    let t = || vec![Inline::text(text)];
    Document {
        meta: Meta { title: text.into(), authors: vec![text.into()], running_header: text.into(), ..meta() },
        images: Default::default(),
        blocks: vec![
            Block::Paragraph { style: ParaStyle::Title, content: t() },
            Block::PageBreak,
            Block::Contents { title: text.into() },
            Block::Heading { level: 1, anchor: Some(text.into()), content: t() },
            Block::Paragraph {
                style: ParaStyle::Normal,
                content: vec![
                    Inline::text(text),
                    Inline::Note { key: None, content: vec![p(text)] },
                    Inline::Emph(t()),
                    Inline::Code(text.into()),
                    Inline::Link { url: "https://example.org/?a=1&b=<2>".into(), content: t() },
                    Inline::Internal { target: text.into(), content: t() },
                ],
            },
            Block::Table {
                header: Some(vec![vec![p(text)]]),
                rows: vec![vec![vec![p(text)]]],
                widths: vec![],
                align: vec![],
                caption: None,
            },
            Block::List { start: Some(3), items: vec![vec![p(text)]], tight: true, paren: false },
            Block::Quote(vec![p(text)]),
            Block::Code { lang: None, text: text.into() },
            Block::Recommendation { label: "R1".into(), anchor: Some(text.into()), content: t() },
        ],
    }
}

/// What a reader sees of `text` in a run: line breaks and tabs are spaces, `\r` is gone, and
/// characters XML cannot hold are U+FFFD.
fn shown(text: &str) -> String {
    text.chars()
        .filter(|c| *c != '\r')
        .map(|c| match c {
            '\n' | '\t' => ' ',
            c if matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..) => c,
            _ => '\u{FFFD}',
        })
        .collect()
}

/// Every part parses as XML, the text of every place reads back literally, and the title
/// property too.
fn assert_literal(text: &str) {
    let docx = write(&every_place(text), None).unwrap();
    let parts = parts(&docx);
    for (name, xml) in &parts {
        roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name} for {text:?}: {e}"));
    }
    let want = shown(text);
    let body = paragraphs(&parts["word/document.xml"]);
    let texts: Vec<&str> = body.iter().map(|(_, t)| t.as_str()).collect();
    // Title, contents heading, contents entry ("1", tab, text), heading, paragraph (text, note
    // reference, emphasis, code, link, internal link), table cells, list item, quote, code,
    // recommendation.
    assert_eq!(texts[0], want, "title");
    assert_eq!(texts[2], want, "contents heading");
    assert_eq!(texts[3], format!("1{want}"), "contents entry");
    assert_eq!(texts[4], want, "heading");
    assert_eq!(texts[5], want.repeat(5), "paragraph");
    assert_eq!(&texts[6..8], &[want.as_str(); 2], "table");
    assert_eq!(&texts[9..11], &[want.as_str(); 2], "list, quote");
    assert_eq!(texts[11], shown(&text.replace('\n', "")), "code: lines become line breaks");
    assert_eq!(texts[12], format!("R1{want}"), "recommendation");
    let notes = paragraphs(&parts["word/footnotes.xml"]);
    assert_eq!(notes.last().unwrap().1, want, "footnote");
    let core = roxmltree::Document::parse(&parts["docProps/core.xml"]).unwrap();
    let title = core.descendants().find(|n| n.tag_name().name() == "title").unwrap();
    // Properties keep line breaks and tabs (as character references).
    let kept: String = text
        .chars()
        .map(|c| if matches!(c, '\t' | '\n' | '\r') { c } else { shown(&c.to_string()).chars().next().unwrap() })
        .collect();
    assert_eq!(title.text().unwrap_or(""), kept, "title property");
    assert_eq!(paragraphs(&parts["word/header1.xml"])[0].1, format!("{want}CONFIDENTIEL"));
}

#[test]
fn hostile_text_reads_back_literally_everywhere() {
    for text in crate::writers::typst::tests::HOSTILE.iter().copied().chain([
        "<w:t>x</w:t>",
        "]]> &amp; &#x41; <![CDATA[ x ]]>",
        "\u{0}nul \u{7}bell \u{1b}esc \u{FFFE}",
        "tab\tand\rcr\r\nline",
    ]) {
        assert_literal(text);
    }
}

/// Pieces of hostile text for the property test: XML's markup characters, entities,
/// controls, whitespace of all kinds, and what the Typst tests use.
const PIECES: &[&str] = &[
    "<", ">", "&", "\"", "'", "&amp;", "&#60;", "]]>", "<!--", "-->", "<?xml", "?>", "</w:t>", "<w:p>", "\u{0}",
    "\u{1}", "\u{8}", "\u{b}", "\u{c}", "\u{1f}", "\u{fffe}", "\u{ffff}", "\t", "\n", "\r", " ", "  ", "\u{a0}",
    "\u{2028}", "a", "Z", "7", "Ж", "é", "😀", "中", "#", "$", "*", "_", "`", "\\", "[", "]", "@", "x:y",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_text_reads_back_literally(pieces in prop::collection::vec(prop::sample::select(PIECES), 1..16)) {
        let text = pieces.concat();
        assert_literal(&text);
    }
}

#[test]
fn footnotes_are_numbered_in_order_and_repeated_ones_refer_back() {
    let note = |t: &str, key: Option<&str>| Inline::Note { key: key.map(str::to_owned), content: vec![p(t)] };
    let source = |id: &str| Inline::SourceNote {
        id: id.into(),
        full: vec![Inline::text(format!("Full {id}"))],
        short: vec![Inline::text(format!("Short {id}"))],
    };
    let doc = Document {
        meta: meta(),
        images: Default::default(),
        blocks: vec![Block::Paragraph {
            style: ParaStyle::Normal,
            content: vec![
                Inline::text("a"),
                note("one", Some("k")),
                source("s1"),
                source("s1"),
                source("s2"),
                source("s1"),
                note("one", Some("k")),
            ],
        }],
    };
    let parts = parts(&write(&doc, None).unwrap());
    let notes: Vec<String> = paragraphs(&parts["word/footnotes.xml"]).into_iter().map(|(_, t)| t).collect();
    assert_eq!(
        notes,
        ["", "", "one", "Full s1", "Ibid.", "Full s2", "Short s1, supra note\u{a0}2."],
        "separators, then the notes in order"
    );
    let xml = &parts["word/document.xml"];
    assert_eq!(xml.matches("<w:footnoteReference ").count(), 5);
    assert!(xml.contains(r#"<w:bookmarkStart w:id="0" w:name="_Note000001"/>"#), "{xml}");
    assert!(xml.contains(r#" NOTEREF _Note000001 \f \h "#), "{xml}");
}

#[test]
fn numbering_headings_paragraphs_and_lists() {
    let doc = Document {
        meta: meta(),
        images: Default::default(),
        blocks: vec![
            p("cover"),
            Block::PageBreak,
            Block::Heading { level: 1, anchor: None, content: vec![Inline::text("A")] },
            p("numbered"),
            Block::Heading { level: 2, anchor: None, content: vec![Inline::text("A.1")] },
            Block::List {
                start: Some(4),
                items: vec![vec![
                    p("four"),
                    Block::List { start: None, items: vec![vec![p("bullet")]], tight: true, paren: false },
                ]],
                tight: true,
                paren: false,
            },
            Block::Quote(vec![p("not numbered")]),
        ],
    };
    let parts = parts(&write(&doc, None).unwrap());
    let xml = &parts["word/document.xml"];
    let d = roxmltree::Document::parse(xml).unwrap();
    let num = |text: &str| {
        let para = d
            .descendants()
            .filter(|n| n.has_tag_name((W, "p")))
            .find(|p| p.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect::<String>() == text)
            .unwrap();
        let id = para.descendants().find(|n| n.has_tag_name((W, "numId"))).and_then(|n| n.attribute((W, "val")));
        let level = para.descendants().find(|n| n.has_tag_name((W, "ilvl"))).and_then(|n| n.attribute((W, "val")));
        id.map(|id| (id.to_owned(), level.unwrap().to_owned()))
    };
    assert_eq!(num("cover"), None, "the cover is not numbered");
    assert_eq!(num("A"), Some(("1".into(), "0".into())));
    assert_eq!(num("A.1"), Some(("1".into(), "1".into())));
    assert_eq!(num("numbered"), Some(("2".into(), "0".into())));
    assert_eq!(num("four"), Some(("4".into(), "0".into())));
    assert_eq!(num("bullet"), Some(("3".into(), "1".into())));
    assert_eq!(num("not numbered"), None);
    let numbering = &parts["word/numbering.xml"];
    assert!(numbering.contains(
        r#"<w:num w:numId="4"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/>"#
    ));
    assert!(numbering.contains(r#"<w:lvlText w:val="%1.%2"/>"#));
}

#[test]
fn reference_styles_are_used_by_name() {
    let reference = r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:rPr><w:color w:val="FF0000"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Standard"><w:name w:val="Normal"/></w:style></w:styles>"#;
    let doc = Document {
        meta: meta(),
        images: Default::default(),
        blocks: vec![Block::Heading { level: 1, anchor: None, content: vec![Inline::text("H")] }, p("x")],
    };
    let parts = parts(&write(&doc, Some(reference)).unwrap());
    let body = paragraphs(&parts["word/document.xml"]);
    assert_eq!(body[0], ("berschrift1".into(), "H".into()));
    assert_eq!(body[1], ("Standard".into(), "x".into()));
    let styles = &parts["word/styles.xml"];
    assert!(styles.contains(r#"w:styleId="berschrift1"><w:name w:val="heading 1"/><w:rPr><w:color w:val="FF0000"/>"#));
    assert!(styles.contains(r#"w:styleId="FootnoteText""#), "a style the reference lacks is added");
    assert!(!styles.contains(r#"w:styleId="Heading1""#), "one the reference has is not");
    assert!(write(&doc, Some("<not-styles/>")).unwrap_err().contains("not a Word styles part"));
}

#[test]
fn languages_get_a_region_for_proofing() {
    assert_eq!(word_language("en"), "en-GB");
    assert_eq!(word_language("fr"), "fr-FR");
    assert_eq!(word_language("es-MX"), "es-MX");
    assert_eq!(word_language("pt_BR"), "pt-BR");
    assert_eq!(word_language("kk"), "kk-KZ");
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let doc = every_place("x");
    assert_eq!(write(&doc, None).unwrap(), write(&doc, None).unwrap());
}

#[test]
fn png_figures_are_pictures_and_svg_figures_their_description() {
    let png = include_bytes!("../../../submissions/verdania-crc-2025/logos/ninez-libre.png").to_vec();
    let svg = include_bytes!("../../../submissions/verdania-crc-2025/figures/removals.svg").to_vec();
    let image = |name: &str, alt: &str| crate::doc::Image {
        path: name.into(),
        virtual_path: format!("/images/{name}"),
        alt: alt.into(),
    };
    let caption = |t: &str| Some(vec![Inline::text(t)]);
    let doc = Document {
        meta: meta(),
        images: BTreeMap::from([("/images/logo".to_owned(), png.clone()), ("/images/chart".to_owned(), svg)]),
        blocks: vec![
            Block::Figure { image: image("logo", "A \"logo\" <b>"), caption: caption("Figure one") },
            Block::Figure { image: image("chart", "Bar chart of removals"), caption: caption("Figure two") },
            Block::Paragraph {
                style: ParaStyle::Normal,
                content: vec![
                    Inline::text("Inline "),
                    Inline::Image(image("logo", "small logo")),
                    Inline::Note {
                        key: None,
                        content: vec![Block::Paragraph {
                            style: ParaStyle::Normal,
                            content: vec![Inline::Image(image("logo", "in a note"))],
                        }],
                    },
                ],
            },
        ],
    };
    let docx = write(&doc, None).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    let mut media = Vec::new();
    archive.by_name("word/media/image1.png").unwrap().read_to_end(&mut media).unwrap();
    assert_eq!(media, png, "the PNG's bytes, once for its two uses");
    assert!(archive.by_name("word/media/image2.png").is_err());
    let xml = |name: &str| {
        let mut s = String::new();
        zip::ZipArchive::new(std::io::Cursor::new(&docx))
            .unwrap()
            .by_name(name)
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        s
    };
    assert!(xml("[Content_Types].xml").contains(r#"<Default Extension="png" ContentType="image/png"/>"#));
    let rels = xml("word/_rels/document.xml.rels");
    let rels = roxmltree::Document::parse(&rels).unwrap();
    let rel = rels.descendants().find(|n| n.attribute("Target") == Some("media/image1.png")).expect("a relationship");
    assert!(rel.attribute("Type").unwrap().ends_with("/relationships/image"));
    assert_eq!(rel.attribute("TargetMode"), None);

    let body = xml("word/document.xml");
    let d = roxmltree::Document::parse(&body).unwrap();
    let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    let inlines: Vec<_> = d.descendants().filter(|n| n.has_tag_name((wp, "inline"))).collect();
    assert_eq!(inlines.len(), 2, "the figure and the inline image; the SVG and the image in a note are text");
    let size = |n: &roxmltree::Node| {
        let e = n.children().find(|c| c.has_tag_name((wp, "extent"))).unwrap();
        (e.attribute("cx").unwrap().parse::<u64>().unwrap(), e.attribute("cy").unwrap().parse::<u64>().unwrap())
    };
    // 240 × 120 pixels at 96 dpi: 2.5 × 1.25 inches.
    assert_eq!(size(&inlines[0]), (240 * 9525, 120 * 9525));
    assert_eq!(size(&inlines[1]), (2 * LINE_EMU, LINE_EMU), "one line high, in proportion");
    let descr = |n: &roxmltree::Node| {
        n.children().find(|c| c.has_tag_name((wp, "docPr"))).unwrap().attribute("descr").unwrap().to_owned()
    };
    assert_eq!(descr(&inlines[0]), "A \"logo\" <b>");
    let blip = d.descendants().find(|n| n.tag_name().name() == "blip").unwrap();
    let embed = blip.attributes().find(|a| a.name() == "embed").unwrap().value();
    assert_eq!(Some(embed), rel.attribute("Id"));

    let paras = paragraphs(&body);
    // Numbered, in the document's language (French here).
    assert!(paras.contains(&("Caption".to_owned(), "Figure\u{a0}1\u{a0}: Figure one".to_owned())), "{paras:?}");
    assert!(paras.contains(&("Caption".to_owned(), "Figure\u{a0}2\u{a0}: Figure two".to_owned())), "{paras:?}");
    assert!(paras.iter().any(|(_, t)| t == "[Bar chart of removals]"), "the SVG's description: {paras:?}");
    assert!(xml("word/footnotes.xml").contains("[in a note]"));
}

#[test]
fn image_sizes_come_from_the_headers_at_their_resolution() {
    // A JPEG's start: JFIF at 300 dpi, then a 200 × 100 frame.
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
    jpeg.extend(b"JFIF\0");
    jpeg.extend([1, 1, 1, 0x01, 0x2C, 0x01, 0x2C, 0, 0]);
    jpeg.extend([0xFF, 0xC0, 0, 17, 8, 0, 100, 0, 200, 3]);
    assert_eq!(jpeg_size(&jpeg), Some((914_400 * 2 / 3, 914_400 / 3)));
    // Without a density: 96 dpi.
    let bare: Vec<u8> = [0xFF, 0xD8, 0xFF, 0xC2, 0, 17, 8, 0, 96, 0, 192, 3].to_vec();
    assert_eq!(jpeg_size(&bare), Some((2 * 914_400, 914_400)));
    // A PNG with a pHYs chunk of 5,906 pixels per metre (150 dpi): 300 × 150 px is 2 × 1 in.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend(300u32.to_be_bytes());
    png.extend(150u32.to_be_bytes());
    png.extend([8, 6, 0, 0, 0, 0, 0, 0, 0]);
    png.extend(b"\0\0\0\x09pHYs");
    png.extend(5906u32.to_be_bytes());
    png.extend(5906u32.to_be_bytes());
    png.extend([1, 0, 0, 0, 0]);
    let (cx, cy) = png_size(&png).unwrap();
    assert!(cx.abs_diff(2 * 914_400) < 1000 && cy.abs_diff(914_400) < 1000, "{cx} {cy}");
    assert_eq!(jpeg_size(b"\xFF\xD8garbage"), None);
    assert_eq!(png_size(b"\x89PNG\r\n\x1a\n"), None);
}

/// The rows of the `n`th table of a document part: for each, whether its paragraphs keep with
/// the next, and its text.
fn table_rows(xml: &str, n: usize) -> Vec<(bool, String)> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    let table = doc.descendants().filter(|e| e.has_tag_name((W, "tbl"))).nth(n).expect("the table");
    table
        .children()
        .filter(|e| e.has_tag_name((W, "tr")))
        .map(|tr| {
            let paras: Vec<_> = tr.descendants().filter(|e| e.has_tag_name((W, "p"))).collect();
            let keep = paras.iter().all(|p| p.descendants().any(|e| e.has_tag_name((W, "keepNext"))));
            let text = tr.descendants().filter(|e| e.has_tag_name((W, "t"))).filter_map(|e| e.text()).collect();
            (keep, text)
        })
        .collect()
}

/// The `w:gridCol` widths of the `n`th table.
fn grid(xml: &str, n: usize) -> Vec<u32> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    let table = doc.descendants().filter(|e| e.has_tag_name((W, "tbl"))).nth(n).expect("the table");
    table
        .descendants()
        .filter(|e| e.has_tag_name((W, "gridCol")))
        .map(|e| e.attribute((W, "w")).unwrap().parse().unwrap())
        .collect()
}

#[test]
fn captions_are_numbered_over_their_tables_and_rows_keep_together() {
    let row = |a: &str, b: &str| vec![vec![p(a)], vec![p(b)]];
    let long = "Arbitrary detention of migrants at the border, and the courts' failure to review it. ".repeat(3);
    let short_table = Block::Table {
        header: Some(row("No.", "Finding")),
        rows: vec![row("1", "Detention"), row("2", &long), row("Total", "All findings")],
        widths: vec![],
        align: vec![],
        caption: Some(vec![Inline::text("Counts")]),
    };
    let long_table = Block::Table {
        header: Some(row("No.", "Finding")),
        rows: (1..=40).map(|n| row(&n.to_string(), &long)).collect(),
        widths: vec![],
        align: vec![],
        caption: Some(vec![Inline::text("Every finding")]),
    };
    let doc = Document { meta: meta(), images: Default::default(), blocks: vec![p("Intro"), short_table, long_table] };
    let parts = parts(&write(&doc, None).unwrap());
    let xml = &parts["word/document.xml"];
    // Over each table, its caption: "Tableau 1 : Counts" (the French words, no-break spaces),
    // its number a SEQ field, kept with the table's first rows.
    let captions: Vec<String> = paragraphs(xml).into_iter().filter(|(s, _)| s == "Caption").map(|(_, t)| t).collect();
    assert_eq!(captions, ["Tableau\u{a0}1\u{a0}: Counts", "Tableau\u{a0}2\u{a0}: Every finding"]);
    for caption in ["Counts", "Every finding"] {
        let at = xml.find(&format!(">{caption}<")).unwrap();
        let (start, end) = (xml[..at].rfind("<w:p>").unwrap(), at + xml[at..].find("</w:p>").unwrap());
        let para = &xml[start..end];
        assert!(para.contains("<w:keepNext/>") && para.contains(" SEQ Table "), "{para}");
        assert!(xml[end..].starts_with("</w:p><w:tbl>"), "the table follows its caption: {}", &xml[end..end + 40]);
    }
    // A short table is kept whole: every row but the last keeps with the next.
    let rows = table_rows(xml, 0);
    assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), [true, true, true, false], "{rows:?}");
    // A long one keeps its header with its first row, and its last row with the one before.
    let rows = table_rows(xml, 1);
    assert_eq!(rows.len(), 41);
    let kept: Vec<usize> = rows.iter().enumerate().filter(|(_, r)| r.0).map(|(i, _)| i).collect();
    assert_eq!(kept, [0, 39], "{rows:?}");
    // Columns as wide as what they hold: the numbers narrow, the text wide, the whole the
    // width of the text.
    let g = grid(xml, 0);
    assert!(g[0] * 5 < g[1], "{g:?}");
    assert_eq!(g.iter().sum::<u32>(), 11906 - 2 * 1361);
}

#[test]
fn a_figure_caption_is_numbered_under_it_in_the_language_of_the_document() {
    let image = crate::doc::Image { path: "a.svg".into(), virtual_path: "a.svg".into(), alt: "A chart".into() };
    let figure = |c: &str| Block::Figure { image: image.clone(), caption: Some(vec![Inline::text(c)]) };
    let doc = Document {
        meta: Meta { language: "zh".into(), ..meta() },
        images: Default::default(),
        blocks: vec![figure("逮捕人数"), figure("拘留人数")],
    };
    let parts = parts(&write(&doc, None).unwrap());
    let paras = paragraphs(&parts["word/document.xml"]);
    let captions: Vec<&str> = paras.iter().filter(|(s, _)| s == "Caption").map(|(_, t)| t.as_str()).collect();
    assert_eq!(captions, ["图1：逮捕人数", "图2：拘留人数"]);
    // Under the image (here its description: an SVG).
    let at = paras.iter().position(|(s, _)| s == "Caption").unwrap();
    assert_eq!(paras[at - 1].1, "[A chart]");
}

#[test]
fn a_table_at_the_end_is_followed_by_a_paragraph_too_small_to_start_a_page() {
    // Word needs a paragraph after a table; at the end of the document an ordinary one spilled
    // onto an empty last page when the table filled the page (LibreOffice, the Tanélie brief).
    let table = || Block::Table {
        header: None,
        rows: vec![vec![vec![p("a")], vec![p("b")]]],
        widths: vec![],
        align: vec![],
        caption: None,
    };
    let doc = Document { meta: meta(), images: Default::default(), blocks: vec![table(), p("Between"), table()] };
    let parts = parts(&write(&doc, None).unwrap());
    let xml = &parts["word/document.xml"];
    let tail = &xml[xml.rfind("</w:tbl>").unwrap()..xml.find("<w:sectPr>").unwrap()];
    assert!(tail.contains(r#"w:line="20" w:lineRule="exact""#) && tail.contains(r#"<w:sz w:val="2"/>"#), "{tail}");
    let first = &xml[xml.find("</w:tbl>").unwrap()..xml.find("Between").unwrap()];
    assert!(!first.contains(r#"w:line="20""#), "{first}");
}
