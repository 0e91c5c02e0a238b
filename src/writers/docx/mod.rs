//! The Word writer: a [`Document`] to a `.docx` (Office Open XML, ISO/IEC 29500).
//!
//! The parts are written here, with `zip` and [`xml::escape`], rather than through a crate:
//! docx-rs (0.4.22, the one well-kept writer) has no repeated table header rows
//! (`w:tblHeader`) and no language on runs (`w:lang`), both of which a filing needs, and
//! would bring a second zip (8.x) and quick-xml into the tree (see Cargo.toml).
//!
//! What Word gets: its built-in styles by name ([`styles`]); real footnotes, numbered by
//! Word, a footnote referenced again cited by a `NOTEREF` field; headings numbered through
//! `word/numbering.xml` (1, 1.1); a `TOC` field with the current entries already in place
//! (Word asks to update it on opening, which fills in the page numbers); the running header
//! and `PAGE`/`NUMPAGES` page numbers in header and footer parts, none on the cover; tables
//! whose header row repeats on every page; bookmarks and internal hyperlinks (the
//! consolidated list to each recommendation and finding); core properties (title, authors,
//! language, date) and the language on every run, so spelling checks work; the body's
//! paragraphs numbered by Word numbering when the submission asks for it.

mod script;
pub mod styles;
mod widths;
pub mod xml;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write as _;

use crate::doc::{Align, Block, Document, Inline, ParaStyle, RefTo, plain_text};
use styles::StyleSet;
use xml::{escape, escaped};

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const WP_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const A_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const PIC_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";

/// English Metric Units: 914,400 to the inch, 635 to a twip (1/1440 inch).
const EMU_PER_TWIP: u64 = 635;
/// An image inside a line of text is one line high (11 pt).
const LINE_EMU: u64 = 11 * 12_700;

/// An image part.
struct Media {
    /// The image's virtual path (the key of [`Document::images`]).
    path: String,
    /// Its part name below `word/`, e.g. `media/image1.png`.
    part: String,
}

/// The size of a PNG in EMU, from its `IHDR` and, if present, `pHYs` chunks.
fn png_size(bytes: &[u8]) -> Option<(u64, u64)> {
    let be32 = |at: usize| bytes.get(at..at + 4).map(|b| u64::from(u32::from_be_bytes([b[0], b[1], b[2], b[3]])));
    let (w, h) = crate::doc::image::pixel_size(bytes).map(|(w, h)| (u64::from(w), u64::from(h)))?;
    let (mut dpi_x, mut dpi_y) = (96.0, 96.0);
    let mut at = 8;
    while let (Some(len), Some(kind)) = (be32(at), bytes.get(at + 4..at + 8)) {
        if kind == b"IDAT" {
            break;
        }
        if kind == b"pHYs" && bytes.get(at + 16) == Some(&1) {
            // Pixels per metre.
            let (x, y) = (be32(at + 8)? as f64 * 0.0254, be32(at + 12)? as f64 * 0.0254);
            if x >= 10.0 && y >= 10.0 {
                (dpi_x, dpi_y) = (x, y);
            }
        }
        at += 12 + usize::try_from(len).ok()?;
    }
    Some(((w as f64 * 914_400.0 / dpi_x) as u64, (h as f64 * 914_400.0 / dpi_y) as u64))
}

/// The size of a JPEG in EMU, from its start-of-frame marker and, if present, its JFIF
/// density.
fn jpeg_size(bytes: &[u8]) -> Option<(u64, u64)> {
    let be16 = |at: usize| bytes.get(at..at + 2).map(|b| u64::from(u16::from_be_bytes([b[0], b[1]])));
    let (mut dpi_x, mut dpi_y) = (96.0, 96.0);
    let mut at = 2;
    loop {
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        if marker == 0xFF {
            at += 1;
            continue;
        }
        let len = usize::try_from(be16(at + 2)?).ok()?;
        if marker == 0xE0 && bytes.get(at + 4..at + 9) == Some(b"JFIF\0") && bytes.get(at + 11) == Some(&1) {
            let (x, y) = (be16(at + 12)? as f64, be16(at + 14)? as f64);
            if x >= 10.0 && y >= 10.0 {
                (dpi_x, dpi_y) = (x, y);
            }
        }
        if matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let (w, h) = crate::doc::image::pixel_size(bytes)?;
            return Some(((f64::from(w) * 914_400.0 / dpi_x) as u64, (f64::from(h) * 914_400.0 / dpi_y) as u64));
        }
        at += 2 + len;
    }
}

/// Numbering instances in `word/numbering.xml`.
const NUM_HEADINGS: u32 = 1;
const NUM_PARAGRAPHS: u32 = 2;
const NUM_BULLETS: u32 = 3;

/// Writes the document as the bytes of a `.docx`.
///
/// `reference_styles` is the `word/styles.xml` of a reference document, whose styles are used
/// instead of Amicus's (see [`styles::from_reference`]).
///
/// # Errors
///
/// When the reference styles cannot be used; the message says why.
pub fn write(doc: &Document, reference_styles: Option<&str>) -> Result<Vec<u8>, String> {
    // The cover, glossary, sources and annexes as basic blocks, before anything counts
    // headings or anchors.
    let blocks = crate::doc::lower::basic_blocks(&doc.blocks, &doc.meta);
    let lang = word_language(&doc.meta.language);
    let rtl = crate::i18n::right_to_left(&doc.meta.language);
    let italics = crate::doc::typography::has_italics(&doc.meta.language);
    let styles = match reference_styles {
        Some(xml) => styles::from_reference(xml)?,
        None => styles::own(&lang, rtl, italics),
    };
    let (text_width, page) = if doc.meta.a4 {
        (11906 - 2 * 1361, r#"<w:pgSz w:w="11906" w:h="16838"/>"#)
    } else {
        (12240 - 2 * 1361, r#"<w:pgSz w:w="12240" w:h="15840"/>"#)
    };
    let mut w = Writer {
        doc,
        blocks: &blocks,
        styles: &styles,
        lang_rpr: lang_rpr(&lang),
        rtl,
        italics,
        text_width,
        rels: Vec::new(),
        link_rels: HashMap::new(),
        media: Vec::new(),
        footnotes: String::new(),
        next_note: 1,
        keyed_notes: HashMap::new(),
        first_source_note: HashMap::new(),
        previous_source: None,
        bookmarks: HashMap::new(),
        anchors: blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { anchor, .. } | Block::Recommendation { anchor, .. } => anchor.clone(),
                _ => None,
            })
            .collect(),
        next_bookmark: 0,
        drawings: 0,
        headings: Vec::new(),
        lists: Vec::new(),
        after_cover: false,
        heading_count_written: 0,
        last_block: false,
        captions: crate::i18n::CaptionWords::new(&crate::i18n::Words::new(&doc.meta.language)),
        caption_numbers: caption_numbers(&doc.blocks),
    };
    w.collect_headings();
    let mut body = String::new();
    for (i, block) in blocks.iter().enumerate() {
        w.last_block = i + 1 == blocks.len();
        w.block(block, &Ctx::top(), &mut body);
    }
    w.package(&body, page)
}

/// `en` → `en-GB` (the United Nations' English), `fr` → `fr-FR` …: Word's proofing tools want
/// a language with its region; a code that has one is kept.
pub fn word_language(code: &str) -> String {
    let code = code.trim().replace('_', "-");
    if code.contains('-') {
        return code;
    }
    let region = match code.to_ascii_lowercase().as_str() {
        "en" => "GB",
        "ar" => "SA",
        "zh" => "CN",
        "ja" => "JP",
        "kk" => "KZ",
        "uk" => "UA",
        "sv" => "SE",
        "da" => "DK",
        "el" => "GR",
        "he" => "IL",
        "ko" => "KR",
        "cs" => "CZ",
        "" => return "en-GB".into(),
        other => return format!("{other}-{}", other.to_ascii_uppercase()),
    };
    format!("{}-{region}", code.to_ascii_lowercase())
}

/// `<w:lang …/>` for a run in a document in `lang`: the language of its Latin text, of its
/// Chinese, Japanese or Korean text (Chinese unless the document is in one of the others, so
/// that a viewer draws Chinese glyph forms, not Japanese ones) and of its right-to-left text
/// (Arabic unless the document is in another right-to-left language).
fn lang_rpr(lang: &str) -> String {
    let primary = lang.split('-').next().unwrap_or_default();
    let cjk = matches!(primary, "zh" | "ja" | "ko");
    let east_asian = if cjk { lang } else { "zh-CN" };
    let bidi = if crate::i18n::right_to_left(lang) { lang } else { "ar-SA" };
    // The Latin letters of a Chinese document (names, symbols, addresses) are English to Word,
    // as in Word's own Chinese documents: marked Chinese, a viewer breaks their words anywhere.
    let latin = if cjk { "en-GB" } else { lang };
    format!(r#"<w:lang w:val="{}" w:eastAsia="{}" w:bidi="{}"/>"#, escaped(latin), escaped(east_asian), escaped(bidi))
}

/// Where a block is written.
#[derive(Clone)]
struct Ctx {
    /// Amicus's id of the paragraph style for ordinary paragraphs here.
    base: &'static str,
    /// At the top level of the body (paragraph numbering applies).
    top: bool,
    /// Inside a footnote (a footnote there is written in parentheses: Word has no footnotes
    /// in footnotes).
    in_note: bool,
    /// Runs are bold (a table's header row).
    bold: bool,
    /// Depth of lists around (for `w:ilvl`).
    list_depth: u32,
    /// Extra paragraph properties for ordinary paragraphs here (a table cell's: ragged
    /// right, no space after).
    ppr: &'static str,
    /// Paragraphs here stay on the page of the next one (a table row kept with the row
    /// after it).
    keep: bool,
}

impl Ctx {
    fn top() -> Ctx {
        Ctx { base: "Normal", top: true, in_note: false, bold: false, list_depth: 0, ppr: "", keep: false }
    }
}

/// Character formatting of a run.
#[derive(Clone, Copy, Default)]
struct Fmt {
    bold: bool,
    italic: bool,
    strike: bool,
    code: bool,
    link: bool,
}

/// A heading listed in the contents.
struct TocEntry {
    level: u8,
    number: String,
    text: String,
    bookmark: String,
}

struct Writer<'d> {
    /// The document's blocks, composite parts written as basic blocks
    /// ([`crate::doc::lower::basic_blocks`]).
    blocks: &'d [Block],
    doc: &'d Document,
    styles: &'d StyleSet,
    /// `<w:lang …/>` for every run.
    lang_rpr: String,
    /// The document is written from right to left (Arabic): every paragraph is `w:bidi`, every
    /// table `w:bidiVisual`, the section `w:bidi`.
    rtl: bool,
    /// The document's language sets titles and emphasis in italics (not Chinese, not Arabic:
    /// their fonts have none, and the PDF prints them upright).
    italics: bool,
    /// The width of the text, in twentieths of a point.
    text_width: u32,
    /// Relationships of `word/document.xml` beyond the fixed ones: (id, type, target, external).
    rels: Vec<(String, &'static str, String)>,
    /// Hyperlink address → relationship id.
    link_rels: HashMap<String, String>,
    /// The images in `word/media/`: virtual path, part name, relationship id, pixel size in
    /// EMU at the image's resolution.
    media: Vec<Media>,
    /// Pictures written so far (their `wp:docPr` ids).
    drawings: u32,
    /// The `w:footnote` elements written so far.
    footnotes: String,
    /// The number of the next footnote (Word numbers them in the same order).
    next_note: u32,
    /// Footnotes referenced more than once: key → (number, bookmark on the first reference).
    keyed_notes: HashMap<String, (u32, String)>,
    /// Source id → the number of the note that cites it in full.
    first_source_note: HashMap<String, u32>,
    /// The source the last footnote cited, with that footnote's number.
    previous_source: Option<(String, u32)>,
    /// Anchor → bookmark name.
    bookmarks: HashMap<String, String>,
    /// The anchors of the document's headings and recommendations: what a cross-reference can
    /// link to (an annex's title is no heading in Word, so a reference to it is plain text).
    anchors: std::collections::HashSet<String>,
    /// The next `w:id` of a bookmark.
    next_bookmark: u32,
    /// The headings in the contents, in order, and where the next one to be written is.
    headings: Vec<TocEntry>,
    /// Numbering instances of numbered lists: (numId, level, start).
    lists: Vec<(u32, u32, u64)>,
    /// Past the cover (paragraph numbering starts).
    after_cover: bool,
    /// Top-level headings written so far.
    heading_count_written: usize,
    /// The block being written is the document's last (a table there ends the document).
    last_block: bool,
    /// "Table", "Figure" and the words around their numbers, in the document's language.
    captions: crate::i18n::CaptionWords,
    /// The numbers of the captioned tables and of the captioned figures still to be written,
    /// in order ([`caption_numbers`]).
    caption_numbers: [std::collections::VecDeque<CaptionNumber>; 2],
}

/// The number of a caption: `n`, after `annex` ("II.") inside an annex.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CaptionNumber {
    /// "II." in the second annex, empty in the body.
    annex: String,
    /// The number in the body, or within its annex.
    n: u32,
}

/// The numbers of the captioned tables (`[0]`) and figures (`[1]`) of a document, in the order
/// they are written, as the PDF numbers them: each kind from 1 through the body, and within
/// each annex again from 1 after the annex's number ("Table II.1"). Read from the blocks before
/// the annexes are written as basic blocks, which no longer say where an annex starts.
fn caption_numbers(blocks: &[Block]) -> [std::collections::VecDeque<CaptionNumber>; 2] {
    fn walk(
        blocks: &[Block],
        annex: &str,
        counts: &mut [u32; 2],
        out: &mut [std::collections::VecDeque<CaptionNumber>; 2],
    ) {
        for block in blocks {
            let kind = match block {
                Block::Table { caption: Some(_), .. } => 0,
                Block::Figure { caption: Some(_), .. } => 1,
                Block::List { items, .. } => {
                    items.iter().for_each(|item| walk(item, annex, counts, out));
                    continue;
                }
                Block::Quote(inner) => {
                    walk(inner, annex, counts, out);
                    continue;
                }
                Block::Annex { number, blocks, .. } => {
                    walk(blocks, &format!("{}.", crate::i18n::roman(*number)), &mut [0, 0], out);
                    continue;
                }
                _ => continue,
            };
            counts[kind] += 1;
            out[kind].push_back(CaptionNumber { annex: annex.to_owned(), n: counts[kind] });
        }
    }
    let mut out = [std::collections::VecDeque::new(), std::collections::VecDeque::new()];
    walk(blocks, "", &mut [0, 0], &mut out);
    out
}

impl Writer<'_> {
    /// Numbers the headings of levels 1–2 (as Word will) and gives each a bookmark, for the
    /// contents and for links to them.
    fn collect_headings(&mut self) {
        let mut counters = [0u32; 2];
        let mut n = 0;
        for block in self.blocks.iter() {
            if let Block::Paragraph { style: ParaStyle::Part, content } = block {
                n += 1;
                let bookmark = format!("_Toc{n:08}");
                self.headings.push(TocEntry { level: 1, number: String::new(), text: plain_text(content), bookmark });
                continue;
            }
            if let Block::Heading { level, anchor, content } = block {
                let bookmark = format!("_Toc{:08}", n + 1);
                n += 1;
                if let Some(anchor) = anchor {
                    self.bookmarks.insert(anchor.clone(), bookmark.clone());
                }
                if *level > 2 {
                    continue;
                }
                let number = if !self.doc.meta.numbered_headings {
                    String::new()
                } else if *level == 1 {
                    counters = [counters[0] + 1, 0];
                    counters[0].to_string()
                } else {
                    counters[1] += 1;
                    format!("{}.{}", counters[0], counters[1])
                };
                self.headings.push(TocEntry { level: *level, number, text: plain_text(content), bookmark });
            }
        }
    }

    /// The bookmark name of an anchor.
    fn bookmark(&mut self, anchor: &str) -> String {
        let n = self.bookmarks.len();
        self.bookmarks.entry(anchor.to_owned()).or_insert_with(|| format!("_Ref{:08}", n + 1)).clone()
    }

    /// A `w:bookmarkStart`/`w:bookmarkEnd` pair around `inner`.
    fn bookmarked(&mut self, name: &str, inner: &str, out: &mut String) {
        let id = self.next_bookmark;
        self.next_bookmark += 1;
        let _ = write!(
            out,
            r#"<w:bookmarkStart w:id="{id}" w:name="{}"/>{inner}<w:bookmarkEnd w:id="{id}"/>"#,
            escaped(name)
        );
    }

    fn style(&self, ours: &str) -> String {
        escaped(self.styles.id(ours))
    }

    /// `<w:p>` with a style, optional numbering and extra paragraph properties (in the schema's
    /// order; `w:bidi` is put in its place among them in a right-to-left document).
    fn open_para(&self, style: &str, num: Option<(u32, u32)>, extra: &str, out: &mut String) {
        let _ = write!(out, r#"<w:p><w:pPr><w:pStyle w:val="{}"/>"#, self.style(style));
        // w:keepNext comes before w:numPr in a paragraph's properties (ECMA-376 17.3.1.26).
        let extra = match extra.strip_prefix("<w:keepNext/>") {
            Some(rest) => {
                out.push_str("<w:keepNext/>");
                rest
            }
            None => extra,
        };
        if let Some((id, level)) = num {
            let _ = write!(out, r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{id}"/></w:numPr>"#);
        }
        push_ppr(extra, self.rtl, out);
        out.push_str("</w:pPr>");
    }

    fn block(&mut self, block: &Block, ctx: &Ctx, out: &mut String) {
        // A cover, a glossary, the sources or an annex: written as the model's basic blocks.
        if let Some(blocks) = crate::doc::lower::basic(block, &self.doc.meta) {
            for b in &blocks {
                self.block(b, ctx, out);
            }
            return;
        }
        match block {
            Block::Heading { content, .. } if !ctx.top => {
                // A heading inside a list, quote, table or footnote: not a section of the
                // document, so not in its outline.
                self.open_para("Subheading", None, "", out);
                self.inlines(content, Fmt::default(), ctx, out);
                out.push_str("</w:p>");
            }
            Block::Heading { level, content, .. } => {
                let level = (*level).clamp(1, 4);
                let style = ["Heading1", "Heading2", "Heading3", "Heading4"][usize::from(level - 1)];
                // Numbered as the PDF numbers them, or not at all (numId 0 undoes the
                // numbering the heading styles carry).
                let num = match (level <= 2, self.doc.meta.numbered_headings) {
                    (true, true) => Some((NUM_HEADINGS, u32::from(level) - 1)),
                    (true, false) => Some((0, 0)),
                    (false, _) => None,
                };
                let bookmark = format!("_Toc{:08}", self.next_heading_bookmark());
                self.open_para(style, num, "", out);
                let mut runs = String::new();
                self.inlines(content, Fmt::default(), ctx, &mut runs);
                self.bookmarked(&bookmark, &runs, out);
                out.push_str("</w:p>");
            }
            Block::Paragraph { style: role, content } => {
                let articles = *role == ParaStyle::Articles;
                if *role == ParaStyle::Part && ctx.top {
                    // A level-1 heading without a number: in the outline and the contents.
                    let bookmark = format!("_Toc{:08}", self.next_heading_bookmark());
                    self.open_para("Heading1", Some((0, 0)), "", out);
                    let mut runs = String::new();
                    self.inlines(content, Fmt::default(), ctx, &mut runs);
                    self.bookmarked(&bookmark, &runs, out);
                    out.push_str("</w:p>");
                    return;
                }
                let style = match role {
                    ParaStyle::Normal => ctx.base,
                    ParaStyle::Title => "Title",
                    ParaStyle::Subtitle => "Subtitle",
                    ParaStyle::Cover => "CoverText",
                    ParaStyle::Minor | ParaStyle::Part => "Subheading",
                    ParaStyle::Aside | ParaStyle::Articles | ParaStyle::Previous => "Aside",
                    ParaStyle::Caption => "Caption",
                    ParaStyle::LeadIn => ctx.base,
                };
                // The articles line is in italics, as in the PDF.
                let emphasised;
                let content = if articles {
                    emphasised = vec![Inline::Emph(content.clone())];
                    &emphasised
                } else {
                    content
                };
                let numbered = self.doc.meta.numbered_paragraphs && ctx.top && self.after_cover && style == "Normal";
                let ppr = if style == ctx.base { ctx.ppr } else { "" };
                // A lead-in stays on the page of the list it introduces; a table row's
                // paragraphs, when the row is kept with the next.
                let keep;
                let ppr = if *role == ParaStyle::LeadIn || ctx.keep {
                    keep = format!("<w:keepNext/>{ppr}");
                    keep.as_str()
                } else {
                    ppr
                };
                self.open_para(style, numbered.then_some((NUM_PARAGRAPHS, 0)), ppr, out);
                self.inlines(content, Fmt { bold: ctx.bold, ..Fmt::default() }, ctx, out);
                out.push_str("</w:p>");
            }
            Block::List { start, items, .. } => {
                let level = ctx.list_depth.min(8);
                let num = match start {
                    None => NUM_BULLETS,
                    Some(start) => {
                        let id = 4 + self.lists.len() as u32;
                        self.lists.push((id, level, *start));
                        id
                    }
                };
                let inner =
                    Ctx { top: false, list_depth: ctx.list_depth + 1, base: "ListParagraph", ppr: "", ..ctx.clone() };
                for (n, item) in items.iter().enumerate() {
                    let mut first = true;
                    // The first item stays with the second: a list never leaves one item at
                    // the foot of a page under its lead-in.
                    let keep = if n == 0 && items.len() > 1 { "<w:keepNext/>" } else { "" };
                    if !matches!(item.first(), Some(Block::Paragraph { .. })) {
                        // An item that starts with a list or table: its number on a line of its own.
                        self.open_para("ListParagraph", Some((num, level)), "", out);
                        out.push_str("</w:p>");
                        first = false;
                    }
                    for b in item {
                        match b {
                            Block::Paragraph { content, .. } => {
                                if first {
                                    // The indents come from the numbering's level.
                                    self.open_para("ListParagraph", Some((num, level)), keep, out);
                                } else {
                                    let indent = format!(r#"<w:ind w:left="{}"/>"#, 720 + 360 * level);
                                    self.open_para("ListParagraph", None, &indent, out);
                                }
                                self.inlines(content, Fmt { bold: ctx.bold, ..Fmt::default() }, &inner, out);
                                out.push_str("</w:p>");
                            }
                            other => self.block(other, &inner, out),
                        }
                        first = false;
                    }
                }
            }
            Block::Table { header, rows, widths, align, caption } => {
                // The caption over the table, numbered, on the page of its first rows.
                if let Some(caption) = caption {
                    self.caption(false, caption, ctx, out);
                }
                self.table(header.as_ref(), rows, widths, align, ctx, out);
            }
            Block::Figure { image, caption } => {
                // A PNG or JPEG as a picture, at most as wide as the text; an SVG (which Word
                // before 2016 cannot show) as its description, so nothing is lost.
                let max = u64::from(self.text_width) * EMU_PER_TWIP;
                match self.drawing(image, max, None, ctx) {
                    Some(drawing) => {
                        self.open_para(ctx.base, None, r#"<w:keepNext/><w:jc w:val="center"/>"#, out);
                        out.push_str(&drawing);
                    }
                    None => {
                        self.open_para(ctx.base, None, "", out);
                        self.run(&format!("[{}]", image.alt), Fmt { italic: true, ..Fmt::default() }, out);
                    }
                }
                out.push_str("</w:p>");
                // The caption under the image, numbered.
                if let Some(caption) = caption {
                    self.caption(true, caption, ctx, out);
                }
            }
            Block::Quote(blocks) => {
                let inner = Ctx { base: "Quote", top: false, ..ctx.clone() };
                for b in blocks {
                    self.block(b, &inner, out);
                }
            }
            Block::Code { text: code, .. } => {
                self.open_para("HTMLPreformatted", None, "", out);
                for (i, line) in code.split('\n').enumerate() {
                    if i > 0 {
                        out.push_str("<w:r><w:br/></w:r>");
                    }
                    self.run(line, Fmt::default(), out);
                }
                out.push_str("</w:p>");
            }
            Block::Rule => {
                self.open_para(
                    ctx.base,
                    None,
                    r#"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>"#,
                    out,
                );
                out.push_str("</w:p>");
            }
            Block::Recommendation { label: number, anchor, content } => {
                self.open_para("Recommendation", None, "", out);
                let mut label = String::new();
                self.run(number, Fmt { bold: true, ..Fmt::default() }, &mut label);
                match anchor {
                    Some(anchor) => {
                        let name = self.bookmark(anchor);
                        self.bookmarked(&name, &label, out);
                    }
                    None => out.push_str(&label),
                }
                let _ = write!(out, "<w:r><w:rPr>{}</w:rPr><w:tab/></w:r>", self.lang_rpr);
                self.inlines(content, Fmt::default(), ctx, out);
                out.push_str("</w:p>");
            }
            // Written as basic blocks above.
            Block::Cover(_)
            | Block::ListOf { .. }
            | Block::Glossary { .. }
            | Block::Sources(_)
            | Block::Annex { .. } => {}
            Block::Contents { title } => self.contents(title, out),
            Block::PageBreak => {
                self.open_para("Normal", None, "", out);
                out.push_str(r#"<w:r><w:br w:type="page"/></w:r></w:p>"#);
                self.after_cover = true;
            }
        }
    }

    /// A numbered caption, "Table 1: …" (`figure`: "Figure 1: …"), in the document's words
    /// ([`crate::i18n::CaptionWords`]), as the PDF prints it. The number is a `SEQ` field (so
    /// that Word's list of tables and cross-references find it) holding the number already.
    /// A table's caption stays on the page of the table's first rows.
    fn caption(&mut self, figure: bool, caption: &[Inline], ctx: &Ctx, out: &mut String) {
        let kind = usize::from(figure);
        let number = self.caption_numbers[kind].pop_front().unwrap_or(CaptionNumber { annex: String::new(), n: 1 });
        let (word, id) = if figure { (&self.captions.figure, "Figure") } else { (&self.captions.table, "Table") };
        // Within an annex the field starts again at its number ("\r"), after the annex's.
        let restart = if number.annex.is_empty() { String::new() } else { format!(r"\r {} ", number.n) };
        let before = format!("{word}{}{}", self.captions.gap, number.annex);
        let separator = self.captions.separator.clone();
        self.open_para("Caption", None, if figure { "" } else { "<w:keepNext/>" }, out);
        self.run(&before, Fmt::default(), out);
        let _ = write!(
            out,
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> SEQ {id} {restart}\* ARABIC </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#
        );
        self.run(&number.n.to_string(), Fmt::default(), out);
        out.push_str(r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#);
        self.run(&separator, Fmt::default(), out);
        self.inlines(caption, Fmt::default(), ctx, out);
        out.push_str("</w:p>");
    }

    /// The number of the bookmark of the next heading written (headings are counted in the
    /// same order by [`Writer::collect_headings`]).
    fn next_heading_bookmark(&mut self) -> usize {
        // Bookmark ids of headings are their order among the top-level headings.
        let n = self.heading_count_written + 1;
        self.heading_count_written = n;
        n
    }

    fn table(
        &mut self,
        header: Option<&Vec<Vec<Block>>>,
        rows: &[Vec<Vec<Block>>],
        widths: &[u32],
        align: &[Align],
        ctx: &Ctx,
        out: &mut String,
    ) {
        let columns = header.map(Vec::len).or_else(|| rows.first().map(Vec::len)).unwrap_or(1).max(1);
        // Each column as wide as what it holds needs, or its share (see [`widths`]).
        let texts: Vec<Vec<(String, bool)>> = (0..columns)
            .map(|i| {
                let head = header.iter().map(|h| (cell_text(h.get(i)), true));
                head.chain(rows.iter().map(|r| (cell_text(r.get(i)), ctx.bold))).collect()
            })
            .collect();
        let measured: Vec<widths::ColumnText> = texts
            .iter()
            .map(|cells| widths::ColumnText { cells: cells.iter().map(|(t, b)| (t.as_str(), *b)).collect() })
            .collect();
        let (grid, full) = widths::column_widths(&measured, widths, self.text_width);
        let table_width = if full {
            r#"<w:tblW w:w="5000" w:type="pct"/>"#.to_owned()
        } else {
            format!(r#"<w:tblW w:w="{}" w:type="dxa"/>"#, grid.iter().sum::<u32>())
        };
        let _ = write!(
            out,
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="{}"/>{}{table_width}<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>"#,
            self.style("TableGrid"),
            // A right-to-left table: its first column on the right.
            if self.rtl { "<w:bidiVisual/>" } else { "" }
        );
        for g in &grid {
            let _ = write!(out, r#"<w:gridCol w:w="{g}"/>"#);
        }
        out.push_str("</w:tblGrid>");
        // Which rows stay on the page of the row after them (Word keeps a row whose paragraphs
        // are "kept with next" with the next row): a short table all together, so that it
        // never breaks at all; a long one its header with its first row, and its last row (a
        // total) with the one before, so that no page holds a lone header or a lone last row.
        // Every row is whole on a page (`w:cantSplit`), and the header repeats on each.
        let whole = self.fits_half_a_page(&texts, &grid);
        let last = rows.len().saturating_sub(1);
        let keep_row = |n: usize| whole || (rows.len() > 1 && n + 1 == last);
        let inner = Ctx {
            base: "Normal",
            top: false,
            ppr: r#"<w:spacing w:after="40"/><w:jc w:val="left"/>"#,
            keep: false,
            ..ctx.clone()
        };
        if let Some(cells) = header {
            out.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
            self.cells(cells, &grid, align, &Ctx { bold: true, keep: !rows.is_empty(), ..inner.clone() }, out);
            out.push_str("</w:tr>");
        }
        for (n, row) in rows.iter().enumerate() {
            out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            self.cells(row, &grid, align, &Ctx { keep: n < last && keep_row(n), ..inner.clone() }, out);
            out.push_str("</w:tr>");
        }
        out.push_str("</w:tbl>");
        // Word needs a paragraph between a table and what follows, and at the end of the
        // document: there one a point high, which never spills onto a page of its own when
        // the table fills the last page (LibreOffice printed an empty last page).
        let spacer = if self.last_block && ctx.top {
            r#"<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>"#
        } else {
            r#"<w:spacing w:after="0"/>"#
        };
        self.open_para("Normal", None, spacer, out);
        out.push_str("</w:p>");
    }

    /// Whether a table of these cells, in columns of these widths, takes at most half the
    /// height of the page's text: lines of 11 pt at single spacing, a row as high as its
    /// fullest cell.
    fn fits_half_a_page(&self, texts: &[Vec<(String, bool)>], grid: &[u32]) -> bool {
        let page_height: u32 = if self.doc.meta.a4 { 16838 } else { 15840 } - 1474 - 1361;
        let rows = texts.first().map_or(0, Vec::len);
        let mut height = 0u32;
        for r in 0..rows {
            let lines = texts
                .iter()
                .zip(grid)
                .map(|(column, width)| {
                    let (text, bold) = &column[r];
                    widths::lines(text, *bold, *width)
                })
                .max()
                .unwrap_or(1);
            // 11 pt text at 1.15 lines, and the cell's top and bottom margins.
            height += lines * 253 + 80 + 40;
        }
        height <= page_height / 2
    }

    fn cells(&mut self, cells: &[Vec<Block>], grid: &[u32], align: &[Align], ctx: &Ctx, out: &mut String) {
        for (i, g) in grid.iter().enumerate() {
            // A Markdown table's column alignment (numbers on the right).
            let ppr = match align.get(i) {
                Some(Align::Right | Align::End) => r#"<w:spacing w:after="40"/><w:jc w:val="right"/>"#,
                Some(Align::Center) => r#"<w:spacing w:after="40"/><w:jc w:val="center"/>"#,
                _ => ctx.ppr,
            };
            let ctx = &Ctx { ppr, ..ctx.clone() };
            let _ = write!(out, r#"<w:tc><w:tcPr><w:tcW w:w="{g}" w:type="dxa"/></w:tcPr>"#);
            let blocks = cells.get(i).map(Vec::as_slice).unwrap_or_default();
            let before = out.len();
            for b in blocks {
                self.block(b, ctx, out);
            }
            // A cell ends with a paragraph.
            if out.len() == before {
                let keep = if ctx.keep { format!("<w:keepNext/>{}", ctx.ppr) } else { ctx.ppr.to_owned() };
                self.open_para(ctx.base, None, &keep, out);
                out.push_str("</w:p>");
            }
            out.push_str("</w:tc>");
        }
    }

    /// The table of contents: its heading, and a `TOC` field holding the current entries.
    fn contents(&mut self, title: &str, out: &mut String) {
        self.open_para("TOCHeading", None, "", out);
        self.run(title, Fmt::default(), out);
        out.push_str("</w:p>");
        let begin = r#"<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-2" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#;
        let end = r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#;
        if self.headings.is_empty() {
            self.open_para("Normal", None, "", out);
            let _ = write!(out, "{begin}{end}</w:p>");
            return;
        }
        let entries = std::mem::take(&mut self.headings);
        let last = entries.len() - 1;
        for (i, e) in entries.iter().enumerate() {
            let style = if e.level == 1 { "TOC1" } else { "TOC2" };
            let tabs = format!(
                r#"<w:tabs><w:tab w:val="left" w:pos="{}"/><w:tab w:val="right" w:leader="dot" w:pos="{}"/></w:tabs>"#,
                if e.level == 1 { 567 } else { 851 },
                self.text_width
            );
            self.open_para(style, None, &tabs, out);
            if i == 0 {
                out.push_str(begin);
            }
            let _ = write!(out, r#"<w:hyperlink w:anchor="{}" w:history="1">"#, escaped(&e.bookmark));
            self.run(&e.number, Fmt::default(), out);
            let _ = write!(out, "<w:r><w:rPr>{}</w:rPr><w:tab/></w:r>", self.lang_rpr);
            self.run(&e.text, Fmt::default(), out);
            out.push_str("</w:hyperlink>");
            if i == last {
                out.push_str(end);
            }
            out.push_str("</w:p>");
        }
        self.headings = entries;
    }

    fn inlines(&mut self, inlines: &[Inline], fmt: Fmt, ctx: &Ctx, out: &mut String) {
        for (n, i) in inlines.iter().enumerate() {
            if n > 0 && i.is_note() && inlines[n - 1].is_note() && !ctx.in_note {
                let _ = write!(
                    out,
                    r#"<w:r><w:rPr><w:rStyle w:val="{}"/>{}</w:rPr><w:t>,</w:t></w:r>"#,
                    self.style("FootnoteReference"),
                    self.lang_rpr
                );
            }
            self.inline(i, fmt, ctx, out);
        }
    }

    fn inline(&mut self, inline: &Inline, fmt: Fmt, ctx: &Ctx, out: &mut String) {
        match inline {
            Inline::Text(t) => self.run(t, fmt, out),
            Inline::Emph(c) => self.inlines(c, Fmt { italic: !fmt.italic, ..fmt }, ctx, out),
            Inline::Strong(c) => self.inlines(c, Fmt { bold: true, ..fmt }, ctx, out),
            Inline::Strike(c) => self.inlines(c, Fmt { strike: true, ..fmt }, ctx, out),
            Inline::Code(c) => self.run(c, Fmt { code: true, ..fmt }, out),
            Inline::LineBreak => out.push_str("<w:r><w:br/></w:r>"),
            Inline::SoftBreak => self.run(" ", fmt, out),
            Inline::Image(image) => match self.drawing(image, u64::MAX, Some(LINE_EMU), ctx) {
                Some(drawing) => out.push_str(&drawing),
                None => self.run(&format!("[{}]", image.alt), Fmt { italic: true, ..fmt }, out),
            },
            Inline::CrossRef { target, to } => {
                let content = match to {
                    RefTo::Finding(title) | RefTo::Annex(title) => vec![Inline::Emph(title.clone())],
                    RefTo::FindingShort(title) => title.clone(),
                    RefTo::Recommendation(n) | RefTo::ListedRecommendation(n) => vec![Inline::text(format!("R{n}"))],
                };
                if !self.anchors.contains(target) {
                    return self.inlines(&content, fmt, ctx, out);
                }
                let name = self.bookmark(target);
                let _ = write!(out, r#"<w:hyperlink w:anchor="{}" w:history="1">"#, escaped(&name));
                self.inlines(&content, Fmt { link: true, ..fmt }, ctx, out);
                out.push_str("</w:hyperlink>");
            }
            Inline::Link { url, content } if content.is_empty() => {
                let id = self.link_rel(url);
                let _ = write!(out, r#"<w:hyperlink r:id="{id}" w:history="1">"#);
                self.run(url, Fmt { link: true, ..fmt }, out);
                out.push_str("</w:hyperlink>");
            }
            Inline::Link { url, content } => {
                let id = self.link_rel(url);
                let _ = write!(out, r#"<w:hyperlink r:id="{id}" w:history="1">"#);
                self.inlines(content, Fmt { link: true, ..fmt }, ctx, out);
                out.push_str("</w:hyperlink>");
            }
            Inline::Internal { target, content } => {
                let name = self.bookmark(target);
                let _ = write!(out, r#"<w:hyperlink w:anchor="{}" w:history="1">"#, escaped(&name));
                self.inlines(content, Fmt { link: true, ..fmt }, ctx, out);
                out.push_str("</w:hyperlink>");
            }
            Inline::Note { key, content } => {
                if ctx.in_note {
                    return self.note_in_note(content, fmt, ctx, out);
                }
                if let Some((number, bookmark)) = key.as_ref().and_then(|k| self.keyed_notes.get(k)).cloned() {
                    return self.note_again(number, &bookmark, out);
                }
                let number = self.note(content);
                self.previous_source = None;
                let mut reference = String::new();
                self.note_reference(number, &mut reference);
                match key {
                    Some(key) => {
                        let bookmark = format!("_Note{number:06}");
                        self.keyed_notes.insert(key.clone(), (number, bookmark.clone()));
                        self.bookmarked(&bookmark, &reference, out);
                    }
                    None => out.push_str(&reference),
                }
            }
            Inline::SourceNote { id, full, short } => {
                let para = |content: Vec<Inline>| vec![Block::Paragraph { style: ParaStyle::Normal, content }];
                let number = self.next_note;
                let body = match (self.first_source_note.get(id), &self.previous_source) {
                    (None, _) => para(full.clone()),
                    (Some(_), Some((prev, n))) if prev == id && *n + 1 == number => {
                        para(vec![Inline::text(self.doc.meta.ibid.clone())])
                    }
                    (Some(first), _) => {
                        let mut c = short.clone();
                        let (between, after) = &self.doc.meta.above;
                        c.push(Inline::text(format!("{between}{first}{after}")));
                        para(c)
                    }
                };
                if ctx.in_note {
                    return self.note_in_note(&body, fmt, ctx, out);
                }
                let number = self.note(&body);
                self.first_source_note.entry(id.clone()).or_insert(number);
                self.previous_source = Some((id.clone(), number));
                self.note_reference(number, out);
            }
        }
    }

    /// Writes a footnote's text into `word/footnotes.xml`; returns its number.
    fn note(&mut self, content: &[Block]) -> u32 {
        let number = self.next_note;
        self.next_note += 1;
        let ctx =
            Ctx { base: "FootnoteText", top: false, in_note: true, bold: false, list_depth: 0, ppr: "", keep: false };
        let mut text = String::new();
        for b in content {
            self.block(b, &ctx, &mut text);
        }
        // The note's number goes at the start of its first paragraph.
        let mark = format!(
            r#"<w:r><w:rPr><w:rStyle w:val="{}"/></w:rPr><w:footnoteRef/></w:r><w:r><w:tab/></w:r>"#,
            self.style("FootnoteReference")
        );
        let _ = write!(self.footnotes, r#"<w:footnote w:id="{number}">"#);
        match text.find("</w:pPr>").filter(|_| text.starts_with("<w:p>")) {
            Some(at) => {
                let at = at + "</w:pPr>".len();
                self.footnotes.push_str(&text[..at]);
                self.footnotes.push_str(&mark);
                self.footnotes.push_str(&text[at..]);
            }
            None => {
                let _ = write!(
                    self.footnotes,
                    r#"<w:p><w:pPr><w:pStyle w:val="{}"/></w:pPr>{mark}</w:p>{text}"#,
                    self.style("FootnoteText")
                );
            }
        }
        self.footnotes.push_str("</w:footnote>");
        number
    }

    fn note_reference(&self, number: u32, out: &mut String) {
        let _ = write!(
            out,
            r#"<w:r><w:rPr><w:rStyle w:val="{}"/>{}{}</w:rPr><w:footnoteReference w:id="{number}"/></w:r>"#,
            self.style("FootnoteReference"),
            if self.rtl { "<w:rtl/>" } else { "" },
            self.lang_rpr
        );
    }

    /// A second reference to a footnote: its number, through a `NOTEREF` field (so that
    /// Word keeps it right when notes are added before it).
    fn note_again(&self, number: u32, bookmark: &str, out: &mut String) {
        let _ = write!(
            out,
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NOTEREF {} \f \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:rStyle w:val="{}"/>{}</w:rPr><w:t>{number}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
            escaped(bookmark),
            self.style("FootnoteReference"),
            self.lang_rpr
        );
    }

    /// A footnote inside a footnote, which Word cannot have: its text in parentheses.
    fn note_in_note(&mut self, content: &[Block], fmt: Fmt, ctx: &Ctx, out: &mut String) {
        self.run(" (", fmt, out);
        let mut first = true;
        for b in content {
            if let Block::Paragraph { content, .. } = b {
                if !first {
                    self.run(" ", fmt, out);
                }
                self.inlines(content, fmt, ctx, out);
                first = false;
            }
        }
        self.run(")", fmt, out);
    }

    /// A picture (`w:drawing` with a `wp:inline`) of a PNG or JPEG the document holds, sized
    /// from its header at its resolution (96 dpi when it gives none), scaled down to `max_width`
    /// EMU, or to `height` EMU high; `None` for anything else (SVG), and inside footnotes
    /// (their part has no relationships of its own here).
    fn drawing(&mut self, image: &crate::doc::Image, max_width: u64, height: Option<u64>, ctx: &Ctx) -> Option<String> {
        if ctx.in_note {
            return None;
        }
        let bytes = self.doc.images.get(&image.virtual_path)?;
        let (extension, (w, h)) = match crate::doc::image::sniff(bytes)? {
            crate::doc::image::ImageFormat::Png => ("png", png_size(bytes)?),
            crate::doc::image::ImageFormat::Jpeg => ("jpeg", jpeg_size(bytes)?),
            crate::doc::image::ImageFormat::Svg => return None,
        };
        let (mut cx, mut cy) = (w.max(1), h.max(1));
        if let Some(target) = height {
            cx = cx * target / cy;
            cy = target;
        }
        if cx > max_width {
            cy = cy * max_width / cx;
            cx = max_width;
        }
        let n = match self.media.iter().position(|m| m.path == image.virtual_path) {
            Some(i) => i + 1,
            None => {
                self.media.push(Media {
                    path: image.virtual_path.clone(),
                    part: format!("media/image{}.{extension}", self.media.len() + 1),
                });
                self.media.len()
            }
        };
        self.drawings += 1;
        let id = self.drawings;
        let alt = escaped(&image.alt);
        Some(format!(
            r#"<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{id}" name="Picture {id}" descr="{alt}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{A_NS}" noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic xmlns:a="{A_NS}"><a:graphicData uri="{PIC_NS}"><pic:pic xmlns:pic="{PIC_NS}"><pic:nvPicPr><pic:cNvPr id="{id}" name="image{n}.{extension}" descr="{alt}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdM{n}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#
        ))
    }

    /// The relationship id of a hyperlink's address.
    fn link_rel(&mut self, url: &str) -> String {
        if let Some(id) = self.link_rels.get(url) {
            return id.clone();
        }
        let id = format!("rIdL{}", self.link_rels.len() + 1);
        self.rels.push((id.clone(), "hyperlink", url.to_owned()));
        self.link_rels.insert(url.to_owned(), id.clone());
        id
    }

    /// One run of text (several where its direction or script changes: see [`script`]). Line
    /// breaks and tabs in the text become spaces, as in the PDF.
    fn run(&self, text: &str, fmt: Fmt, out: &mut String) {
        if text.is_empty() {
            return;
        }
        let shown: String =
            text.chars().filter(|c| *c != '\r').map(|c| if matches!(c, '\n' | '\t') { ' ' } else { c }).collect();
        // A UN symbol is never broken at its slashes (the PDF boxes it; Word has only characters).
        let shown = crate::doc::typography::join_un_symbols(&shown);
        for segment in script::segments(&shown, self.rtl) {
            // Run properties in the schema's order (rStyle, rFonts, b, bCs, i, strike, rtl, lang).
            out.push_str("<w:r><w:rPr>");
            if fmt.code {
                let _ = write!(out, r#"<w:rStyle w:val="{}"/>"#, self.style("HTMLCode"));
            } else if fmt.link {
                let _ = write!(out, r#"<w:rStyle w:val="{}"/>"#, self.style("Hyperlink"));
            }
            if segment.east_asian {
                out.push_str(r#"<w:rFonts w:hint="eastAsia"/>"#);
            }
            if fmt.bold {
                out.push_str("<w:b/><w:bCs/>");
            }
            // Italics for Latin text only: Arabic and Chinese are upright, as in the PDF (their
            // fonts have no italics), so no `w:iCs`, and none at all where the language has none.
            if fmt.italic && self.italics {
                out.push_str("<w:i/>");
            }
            if fmt.strike {
                out.push_str("<w:strike/>");
            }
            if segment.rtl {
                out.push_str("<w:rtl/>");
            }
            out.push_str(&self.lang_rpr);
            out.push_str(r#"</w:rPr><w:t xml:space="preserve">"#);
            escape(segment.text, out);
            out.push_str("</w:t></w:r>");
        }
    }

    /// The package: every part, zipped.
    fn package(&self, body: &str, page: &str) -> Result<Vec<u8>, String> {
        let meta = &self.doc.meta;
        let mut document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}" xmlns:wp="{WP_NS}"><w:body>"#
        );
        document.push_str(body);
        let _ = write!(
            document,
            r#"<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:headerReference w:type="first" r:id="rIdHeaderFirst"/><w:footerReference w:type="default" r:id="rIdFooter"/>{page}<w:pgMar w:top="1474" w:right="1361" w:bottom="1361" w:left="1361" w:header="709" w:footer="709" w:gutter="0"/><w:titlePg/>{}</w:sectPr></w:body></w:document>"#,
            if self.rtl { "<w:bidi/>" } else { "" }
        );

        let mut footnotes = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>{bidi}<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>{bidi}<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"#,
            bidi = if self.rtl { "<w:bidi/>" } else { "" }
        );
        footnotes.push_str(&self.footnotes);
        footnotes.push_str("</w:footnotes>");

        let mut header = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">"#
        );
        self.open_para(
            "Header",
            None,
            &format!(r#"<w:tabs><w:tab w:val="right" w:pos="{}"/></w:tabs>"#, self.text_width),
            &mut header,
        );
        self.run(&meta.running_header, Fmt::default(), &mut header);
        let marks: Vec<&String> = meta.header_mark.iter().chain(&meta.draft).collect();
        if !marks.is_empty() {
            let _ = write!(header, "<w:r><w:tab/></w:r>");
            for (i, mark) in marks.iter().enumerate() {
                if i > 0 {
                    self.run(" · ", Fmt::default(), &mut header);
                }
                self.run(mark, Fmt { bold: true, ..Fmt::default() }, &mut header);
            }
        }
        header.push_str("</w:p></w:hdr>");
        // The first page (the cover) has no running header; a draft's mark is there too.
        let mut first_header = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">"#
        );
        self.open_para("Header", None, r#"<w:jc w:val="right"/>"#, &mut first_header);
        if let Some(mark) = &meta.draft {
            self.run(mark, Fmt { bold: true, ..Fmt::default() }, &mut first_header);
        }
        first_header.push_str("</w:p></w:hdr>");

        let field = |name: &str| {
            format!(
                r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {name} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
            )
        };
        let mut footer = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">"#
        );
        self.open_para("Footer", None, "", &mut footer);
        let (before, between, after) = &meta.page_of;
        self.run(before, Fmt::default(), &mut footer);
        footer.push_str(&field("PAGE"));
        self.run(between, Fmt::default(), &mut footer);
        footer.push_str(&field("NUMPAGES"));
        self.run(after, Fmt::default(), &mut footer);
        footer.push_str("</w:p></w:ftr>");

        let mut rels = String::from(concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
            r#"<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
            r#"<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#,
            r#"<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>"#,
            r#"<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#,
            r#"<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>"#,
            r#"<Relationship Id="rIdHeaderFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>"#,
            r#"<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#,
        ));
        for (id, kind, target) in &self.rels {
            let _ = write!(
                rels,
                r#"<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{}" TargetMode="External"/>"#,
                escaped(target)
            );
        }
        for (i, m) in self.media.iter().enumerate() {
            let _ = write!(
                rels,
                r#"<Relationship Id="rIdM{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="{}"/>"#,
                i + 1,
                escaped(&m.part)
            );
        }
        rels.push_str("</Relationships>");

        let parts: Vec<(&str, String)> = vec![
            ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
            ("_rels/.rels", PACKAGE_RELS.to_owned()),
            ("docProps/core.xml", self.core_properties()),
            ("docProps/app.xml", APP_PROPERTIES.to_owned()),
            ("word/document.xml", document),
            ("word/_rels/document.xml.rels", rels),
            ("word/styles.xml", self.styles.xml.clone()),
            ("word/numbering.xml", self.numbering()),
            ("word/footnotes.xml", footnotes),
            ("word/settings.xml", self.settings()),
            ("word/header1.xml", header),
            ("word/header2.xml", first_header),
            ("word/footer1.xml", footer),
        ];
        let media: Vec<(String, &[u8])> = self
            .media
            .iter()
            .filter_map(|m| Some((format!("word/{}", m.part), self.doc.images.get(&m.path)?.as_slice())))
            .collect();
        let mut all: Vec<(&str, &[u8])> = parts.iter().map(|(name, text)| (*name, text.as_bytes())).collect();
        all.extend(media.iter().map(|(name, bytes)| (name.as_str(), *bytes)));
        zip_parts(&all).map_err(|e| format!("cannot write the Word package: {e}"))
    }

    fn core_properties(&self) -> String {
        let meta = &self.doc.meta;
        let date = crate::date::Date::parse(&meta.date)
            .map(|d| format!("{:04}-{:02}-{:02}T00:00:00Z", d.year, d.month, d.day))
            .unwrap_or_else(|| "2000-01-01T00:00:00Z".into());
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>{}</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified></cp:coreProperties>"#,
            escaped(&meta.title),
            escaped(&meta.authors.join("; ")),
            escaped(&word_language(&meta.language)),
        )
    }

    fn settings(&self) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W_NS}"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:updateFields w:val="true"/><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="{}"/></w:settings>"#,
            escaped(&word_language(&self.doc.meta.language))
        )
    }

    /// Headings (1, 1.1), numbered paragraphs (1.), bullets, and one instance per numbered
    /// list so that each starts at its own number.
    fn numbering(&self) -> String {
        let mut x = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">"#
        );
        // 0: headings.
        x.push_str(r#"<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>"#);
        let _ = write!(
            x,
            r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="{}"/><w:lvlText w:val="%1"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>"#,
            self.style("Heading1")
        );
        let _ = write!(
            x,
            r#"<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="{}"/><w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="851" w:hanging="851"/></w:pPr></w:lvl>"#,
            self.style("Heading2")
        );
        x.push_str("</w:abstractNum>");
        // 1: numbered paragraphs, in the margin as in the PDF.
        x.push_str(r#"<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl></w:abstractNum>"#);
        // 2: bullets; 3: numbered lists.
        x.push_str(r#"<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="hybridMultilevel"/>"#);
        for l in 0..9u32 {
            let bullet = ["•", "◦", "▪"][l as usize % 3];
            let _ = write!(
                x,
                r#"<w:lvl w:ilvl="{l}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{bullet}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{}" w:hanging="360"/></w:pPr></w:lvl>"#,
                720 + 360 * l
            );
        }
        x.push_str("</w:abstractNum>");
        x.push_str(r#"<w:abstractNum w:abstractNumId="3"><w:multiLevelType w:val="hybridMultilevel"/>"#);
        for l in 0..9u32 {
            let fmt = ["decimal", "lowerLetter", "lowerRoman"][l as usize % 3];
            let _ = write!(
                x,
                r#"<w:lvl w:ilvl="{l}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%{}."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{}" w:hanging="454"/></w:pPr></w:lvl>"#,
                l + 1,
                720 + 360 * l
            );
        }
        x.push_str("</w:abstractNum>");
        let _ = write!(x, r#"<w:num w:numId="{NUM_HEADINGS}"><w:abstractNumId w:val="0"/></w:num>"#);
        let _ = write!(x, r#"<w:num w:numId="{NUM_PARAGRAPHS}"><w:abstractNumId w:val="1"/></w:num>"#);
        let _ = write!(x, r#"<w:num w:numId="{NUM_BULLETS}"><w:abstractNumId w:val="2"/></w:num>"#);
        for (id, level, start) in &self.lists {
            let _ = write!(
                x,
                r#"<w:num w:numId="{id}"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>"#
            );
        }
        x.push_str("</w:numbering>");
        x
    }
}

/// A table cell's text, a paragraph a line, for measuring its column.
fn cell_text(cell: Option<&Vec<Block>>) -> String {
    fn push(blocks: &[Block], out: &mut String) {
        for b in blocks {
            match b {
                Block::Paragraph { content, .. } | Block::Heading { content, .. } => {
                    if !out.is_empty() {
                        out.push('\n');
                    }
                    out.push_str(&plain_text(content));
                }
                Block::List { items, .. } => items.iter().for_each(|item| push(item, out)),
                Block::Quote(blocks) => push(blocks, out),
                _ => {}
            }
        }
    }
    let mut out = String::new();
    push(cell.map(Vec::as_slice).unwrap_or_default(), &mut out);
    out
}

/// Appends paragraph properties `extra` (given in the schema's order) to `out`, with `w:bidi`
/// in its place among them when `rtl`: after the borders, tabs and hyphenation settings,
/// before spacing, indents and alignment (`CT_PPrBase`, ISO/IEC 29500-1 §17.3.1.26). In a
/// right-to-left paragraph Word reads the indents `w:left`/`w:right` and the alignments
/// `left`/`right` as the start and end of the line, so the same values serve both directions.
fn push_ppr(extra: &str, rtl: bool, out: &mut String) {
    if !rtl {
        out.push_str(extra);
        return;
    }
    const AFTER_BIDI: [&str; 8] = [
        "<w:adjustRightInd",
        "<w:snapToGrid",
        "<w:spacing",
        "<w:ind",
        "<w:contextualSpacing",
        "<w:jc",
        "<w:textDirection",
        "<w:outlineLvl",
    ];
    let at = AFTER_BIDI.iter().filter_map(|e| extra.find(e)).min().unwrap_or(extra.len());
    out.push_str(&extra[..at]);
    out.push_str("<w:bidi/>");
    out.push_str(&extra[at..]);
}

const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Default Extension="png" ContentType="image/png"/>"#,
    r#"<Default Extension="jpeg" ContentType="image/jpeg"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>"#,
    r#"<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>"#,
    r#"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#,
    r#"<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#,
    r#"<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#,
    r#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
    r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
    "</Types>"
);

const PACKAGE_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
    "</Relationships>"
);

const APP_PROPERTIES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Amicus</Application></Properties>"#
);

/// Zips the parts, deflated, with a fixed date so that the same document gives the same
/// bytes.
fn zip_parts(parts: &[(&str, &[u8])]) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, content) in parts {
        zip.start_file(*name, options)?;
        zip.write_all(content)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// The `word/styles.xml` of a reference `.docx`.
///
/// # Errors
///
/// When the file is not a zip or has no styles part; the message says which.
pub fn reference_styles(docx: &[u8]) -> Result<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx))
        .map_err(|e| format!("it is not a Word document (.docx): {e}"))?;
    let part = archive.by_name("word/styles.xml").map_err(|_| "it has no word/styles.xml".to_owned())?;
    // The bytes actually unpacked are counted (the size a zip states is not trusted).
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::Read::take(part, MAX_STYLES_BYTES + 1), &mut bytes)
        .map_err(|e| format!("its word/styles.xml cannot be read: {e}"))?;
    if bytes.len() as u64 > MAX_STYLES_BYTES {
        return Err(format!(
            "its word/styles.xml unpacks to more than {} MB (Word's own is well under 1 MB); it stopped reading to keep memory bounded",
            MAX_STYLES_BYTES / (1024 * 1024)
        ));
    }
    String::from_utf8(bytes).map_err(|_| "its word/styles.xml is not UTF-8 XML".to_owned())
}

/// The most bytes the styles of a reference document may unpack to: Word writes a few
/// hundred KB.
pub const MAX_STYLES_BYTES: u64 = 8 * 1024 * 1024;

#[cfg(test)]
mod tests;

/// The reference document whose styles the Word output uses, when a submission has one.
pub const REFERENCE_DOCX: &str = "templates/reference.docx";

/// The styles of `<folder>/templates/reference.docx`, if the folder has one (`check` and
/// `build` read it the same way).
///
/// # Errors
///
/// A reference document that cannot be used, named with what to do.
pub fn reference_in_folder(folder: &std::path::Path) -> Result<Option<String>, crate::diag::Diagnostic> {
    let styles = match crate::fs::boundary::read_inside(folder, std::path::Path::new(REFERENCE_DOCX), 64 * 1024 * 1024)
    {
        Ok(bytes) => reference_styles(&bytes),
        Err(crate::fs::boundary::ReadError::NotFound) => return Ok(None),
        Err(e) => Err(e.to_string()),
    };
    let styles = styles.map_err(|why| unusable_reference(folder, why))?;
    styles::from_reference(&styles).map_err(|why| unusable_reference(folder, why))?;
    Ok(Some(styles))
}

/// The error for a reference document that cannot be used.
pub(crate) fn unusable_reference(folder: &std::path::Path, why: String) -> crate::diag::Diagnostic {
    crate::diag::Diagnostic::error(format!("the reference document for Word output cannot be used: {why}"))
        .in_file(folder.join(REFERENCE_DOCX).display().to_string())
        .with_hint(
            "save a document with the styles you want from Word as .docx under that name (a report.docx Amicus wrote is a good start), or remove the file to use Amicus's styles",
        )
}
