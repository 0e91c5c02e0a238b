//! PDF → text with the `pdf-extract` crate, laid out by geometry.
//!
//! `pdf-extract` parses the PDF and reports every glyph with its position. Two things in it
//! are worked around here, both met on real files (and on Typst's PDFs):
//!
//! - its plain-text writer decides line breaks from a sign-sensitive product of the text
//!   matrix, which fails when the coordinate system is flipped: lines run together and headings
//!   fuse with the paragraph after them. This module gives it its own [`OutputDev`] that
//!   collects the glyphs of a page, groups them into lines by baseline, orders the lines top to
//!   bottom and the glyphs left to right, and puts a space wherever the gap between two glyphs
//!   is wider than a fraction of the font size. A blank line marks a wide gap between lines
//!   (paragraph spacing); pages are joined with a form feed, as `pdftotext` does, so that later
//!   passes know where pages end.
//! - it misreads the range form (`first last width`) of a CID font's `/W` array, so every glyph
//!   gets the default width (often 0) and all glyphs of a line pile up at its start.
//!   [`repair_cid_widths`] rewrites those ranges into the list form it reads correctly, in
//!   memory, before extraction.

use pdf_extract::{Document, MediaBox, Object, OutputDev, OutputError, Transform};

/// One glyph as drawn.
#[derive(Debug, Clone)]
struct Glyph {
    /// Left edge, in points from the left of the page.
    x: f64,
    /// Right edge (left edge plus advance).
    end: f64,
    /// Baseline, in points from the top of the page.
    y: f64,
    /// The font size on the page, in points.
    size: f64,
    /// The text the glyph stands for (a ligature gives several characters).
    text: String,
}

/// A line of glyphs sharing a baseline.
#[derive(Debug, Default)]
struct TextLine {
    /// The baseline of the line's first glyph.
    y: f64,
    /// The largest font size in the line.
    size: f64,
    /// The glyphs.
    glyphs: Vec<Glyph>,
}

/// Collects glyphs page by page and writes each page as text.
#[derive(Debug, Default)]
struct Collector {
    /// The top of the current page (to measure baselines from the top).
    top: f64,
    /// The glyphs of the current page.
    glyphs: Vec<Glyph>,
    /// The text of the finished pages.
    pages: Vec<String>,
}

/// The gap between glyphs, as a share of the font size, above which a space is written.
const SPACE_GAP: f64 = 0.15;
/// How far (share of the font size) a glyph's baseline may sit from its line's: superscript
/// footnote calls stay on their line.
const SAME_LINE: f64 = 0.5;
/// A gap between baselines (share of the font size) above which a blank line is written.
const BLANK_LINE: f64 = 1.6;

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.top = media_box.ury;
        self.glyphs.clear();
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        let glyphs = std::mem::take(&mut self.glyphs);
        self.pages.push(layout(glyphs));
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        // The glyph's scale on the page, whatever the signs of the matrix (flipped
        // coordinate systems have a negative vertical scale).
        let horizontal = (trm.m11 * trm.m11 + trm.m12 * trm.m12).sqrt();
        let vertical = (trm.m21 * trm.m21 + trm.m22 * trm.m22).sqrt();
        let size = font_size * vertical;
        if !size.is_finite() || size <= 0.0 {
            return Ok(());
        }
        let x = trm.m31;
        let advance = (width * font_size + spacing) * horizontal;
        self.glyphs.push(Glyph { x, end: x + advance.max(0.0), y: self.top - trm.m32, size, text: char.to_owned() });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Lays out the glyphs of one page as lines of text.
fn layout(glyphs: Vec<Glyph>) -> String {
    let mut lines: Vec<TextLine> = Vec::new();
    for g in glyphs {
        // Drawing order is mostly reading order, so the last lines are the likeliest match.
        let found = lines.iter_mut().rev().take(80).find(|l| (l.y - g.y).abs() <= SAME_LINE * l.size.max(g.size));
        match found {
            Some(line) => {
                line.size = line.size.max(g.size);
                line.glyphs.push(g);
            }
            None => lines.push(TextLine { y: g.y, size: g.size, glyphs: vec![g] }),
        }
    }
    lines.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut out = String::new();
    let mut previous: Option<(f64, f64)> = None;
    for mut line in lines {
        line.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
        let text = line_text(&line);
        if text.trim().is_empty() {
            continue;
        }
        if let Some((y, size)) = previous {
            if line.y - y > BLANK_LINE * size.max(line.size) {
                out.push('\n');
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
        previous = Some((line.y, line.size));
    }
    out
}

/// The text of one line: glyphs left to right, a space where the gap is wide.
fn line_text(line: &TextLine) -> String {
    let mut text = String::new();
    let mut last_end: Option<f64> = None;
    for g in &line.glyphs {
        if g.text.chars().all(char::is_whitespace) {
            if !text.ends_with(' ') && !text.is_empty() {
                text.push(' ');
            }
            last_end = Some(g.end);
            continue;
        }
        if let Some(end) = last_end {
            if g.x - end > SPACE_GAP * g.size && !text.ends_with(' ') {
                text.push(' ');
            }
        }
        text.push_str(&g.text);
        last_end = Some(g.end);
    }
    text
}

/// Rewrites the `/W` (glyph widths) arrays of CID fonts from the range form `c_first c_last w`
/// into the list form `c_first [w w …]`, which `pdf-extract` reads correctly.
fn repair_cid_widths(doc: &mut Document) {
    let ids: Vec<_> = doc.objects.keys().copied().collect();
    for id in ids {
        let Ok(dict) = doc.get_dictionary(id) else { continue };
        let is_cid = dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n.starts_with(b"CIDFontType"));
        if !is_cid {
            continue;
        }
        let Ok(w) = dict.get(b"W") else { continue };
        let w = match w {
            Object::Reference(r) => doc.get_object(*r).cloned(),
            other => Ok(other.clone()),
        };
        let Ok(Object::Array(items)) = w else { continue };
        let mut out = Vec::with_capacity(items.len());
        let mut i = 0;
        while i + 1 < items.len() {
            match (&items[i], &items[i + 1]) {
                (first, Object::Array(list)) => {
                    out.push(first.clone());
                    out.push(Object::Array(list.clone()));
                    i += 2;
                }
                (first, last) => {
                    let (Ok(f), Ok(l), Some(width)) = (first.as_i64(), last.as_i64(), items.get(i + 2)) else { break };
                    // A sane range only: glyph ids are 16-bit.
                    if l < f || l - f > 65_535 {
                        break;
                    }
                    out.push(Object::Integer(f));
                    out.push(Object::Array(vec![width.clone(); (l - f + 1) as usize]));
                    i += 3;
                }
            }
        }
        if let Ok(dict) = doc.get_dictionary_mut(id) {
            dict.set("W", Object::Array(out));
        }
    }
}

/// Extracts the text of a PDF held in memory, pages joined with form feeds.
///
/// `pdf-extract` panics on some malformed or unusual files instead of returning an error; the
/// panic is caught here and turned into an error message, so that one bad file cannot bring
/// down a batch.
pub(crate) fn pdf_text(bytes: &[u8]) -> Result<String, String> {
    let result = std::panic::catch_unwind(|| -> Result<Vec<String>, OutputError> {
        let mut doc = Document::load_mem(bytes)?;
        if doc.is_encrypted() {
            // UN documents are sometimes "encrypted" with an empty password, to set permissions.
            doc.decrypt("").map_err(OutputError::PdfError)?;
        }
        repair_cid_widths(&mut doc);
        let mut collector = Collector::default();
        pdf_extract::output_doc(&doc, &mut collector)?;
        Ok(collector.pages)
    });
    match result {
        Ok(Ok(pages)) => Ok(pages.join("\u{c}")),
        Ok(Err(e)) => Err(e.to_string()),
        Err(panic) => {
            let why = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("no details");
            Err(format!("the PDF reader failed on this file ({why})"))
        }
    }
}
