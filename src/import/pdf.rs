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

use pdf_extract::{Document, LoadOptions, MediaBox, Object, ObjectId, OutputDev, OutputError, Stream, Transform};
use std::io::Read;

/// The most bytes one compressed stream of a PDF may unpack to. The largest stream of a UN
/// concluding-observations PDF (an embedded font) unpacks to well under a megabyte; the cap
/// stops a decompression bomb (a small file whose streams unpack to gigabytes) before it takes
/// the memory.
pub(crate) const MAX_STREAM_BYTES: u64 = 64 * 1024 * 1024;
/// The most bytes all the compressed streams of a PDF may unpack to together.
pub(crate) const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// The dictionary key by which [`guard_stream`] marks a stream it emptied.
const REFUSED: &[u8] = b"AmicusRefusedStream";

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
    /// The right edge of the rightmost glyph so far: a glyph starting there or further right
    /// cannot overlap the line's glyphs, which spares the scan in the common case.
    right: f64,
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
        // Drawing order is mostly reading order, so the last lines are the likeliest match. A
        // glyph that would sit on top of one already in the line belongs to another line set
        // close below or above it (the "Distr." date and the language line of a first page).
        let found = lines.iter_mut().rev().take(80).find(|l| {
            (l.y - g.y).abs() <= SAME_LINE * l.size.max(g.size)
                && (g.x >= l.right || !l.glyphs.iter().any(|h| overlaps(h, &g)))
        });
        match found {
            Some(line) => {
                line.size = line.size.max(g.size);
                line.right = line.right.max(g.end);
                line.glyphs.push(g);
            }
            None => lines.push(TextLine { y: g.y, size: g.size, right: g.end, glyphs: vec![g] }),
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
        if let Some((y, size)) = previous
            && line.y - y > BLANK_LINE * size.max(line.size)
        {
            out.push('\n');
        }
        out.push_str(text.trim_end());
        out.push('\n');
        previous = Some((line.y, line.size));
    }
    out
}

/// Whether two glyphs cover the same stretch of the line by more than half the narrower one.
fn overlaps(a: &Glyph, b: &Glyph) -> bool {
    let narrower = (a.end - a.x).min(b.end - b.x);
    if narrower <= 0.0 || a.text.trim().is_empty() || b.text.trim().is_empty() {
        return false;
    }
    a.end.min(b.end) - a.x.max(b.x) > 0.5 * narrower
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
        if let Some(end) = last_end
            && g.x - end > SPACE_GAP * g.size
            && !text.ends_with(' ')
        {
            text.push(' ');
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

/// How many bytes a zlib (or, as `lopdf` falls back to, raw deflate) stream unpacks to,
/// counted without keeping them; `None` when more than `cap`.
fn inflated_len(data: &[u8], cap: u64) -> Option<u64> {
    let zlib = counted_len(flate2::read::ZlibDecoder::new(data), cap)?;
    if zlib > 0 || data.len() <= 2 {
        return Some(zlib);
    }
    counted_len(flate2::read::DeflateDecoder::new(&data[2..]), cap)
}

/// How many bytes `reader` yields (up to its first error), read and dropped in 64 KiB
/// pieces; `None` as soon as more than `cap`.
fn counted_len(mut reader: impl Read, cap: u64) -> Option<u64> {
    let mut buffer = [0u8; 64 * 1024];
    let mut total = 0u64;
    loop {
        match reader.read(&mut buffer) {
            Ok(0) | Err(_) => return Some(total),
            Ok(n) => {
                total += n as u64;
                if total > cap {
                    return None;
                }
            }
        }
    }
}

/// The error for a PDF whose streams unpack to too much.
fn too_large(what: &str, limit: u64) -> String {
    format!(
        "{what} unpacks to more than {} MB, Amicus's limit for a PDF (a concluding-observations PDF unpacks to a few MB); it stopped reading to keep memory bounded",
        limit / (1024 * 1024)
    )
}

/// Checks every stream in the file's bytes before the PDF reader sees them: wherever the
/// keyword `stream` is followed by an end of line, what follows is inflated (counted, not
/// kept) if it is deflate data. This covers the streams the reader unpacks while loading
/// (cross-reference and object streams) as well as page contents and fonts.
fn check_raw_streams(bytes: &[u8]) -> Result<(), String> {
    let mut total = 0u64;
    let mut from = 0;
    while let Some(k) = find(&bytes[from..], b"stream") {
        let at = from + k;
        from = at + 6;
        let rest = &bytes[from..];
        let start = if rest.starts_with(b"\r\n") {
            2
        } else if rest.starts_with(b"\n") || rest.starts_with(b"\r") {
            1
        } else {
            continue;
        };
        if at >= 3 && &bytes[at - 3..at] == b"end" {
            continue;
        }
        let len = inflated_len(&rest[start..], MAX_STREAM_BYTES)
            .ok_or_else(|| too_large("a stream of this PDF", MAX_STREAM_BYTES))?;
        total += len;
        if total > MAX_UNPACKED_BYTES {
            return Err(too_large("all the streams of this PDF together", MAX_UNPACKED_BYTES));
        }
    }
    Ok(())
}

/// The first position of `needle` in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// How many bytes a stream unpacks to through its filters, or `None` when more than
/// [`MAX_STREAM_BYTES`] (or when its filters could unpack to more and Amicus cannot count
/// them without unpacking).
fn unpacked_len(stream: &Stream) -> Option<u64> {
    let filters: Vec<Vec<u8>> = match stream.filters() {
        Ok(f) => f.into_iter().map(<[u8]>::to_vec).collect(),
        Err(_) => return Some(stream.content.len() as u64),
    };
    let raw = stream.content.len() as u64;
    if filters.iter().all(|f| f == b"FlateDecode") {
        // A chain of deflate layers, counted through nested decoders without keeping anything.
        let mut reader: Box<dyn Read + '_> = Box::new(stream.content.as_slice());
        for _ in &filters {
            reader = Box::new(flate2::read::ZlibDecoder::new(reader));
        }
        return counted_len(reader, MAX_STREAM_BYTES);
    }
    // Other filters: bound the output by the most each can expand (LZW about 4,096 times,
    // ASCII85 4 times; image filters are never unpacked for text).
    let mut bound = raw;
    for f in &filters {
        let factor: u64 = match f.as_slice() {
            b"ASCIIHexDecode" | b"AHx" => 1,
            b"ASCII85Decode" | b"A85" => 4,
            b"LZWDecode" | b"LZW" => 4096,
            b"DCTDecode" | b"JPXDecode" | b"CCITTFaxDecode" | b"JBIG2Decode" | b"Crypt" => 1,
            // Deflate mixed with other filters, run-length and unknown ones: no safe bound.
            _ => return if raw == 0 { Some(0) } else { None },
        };
        bound = bound.saturating_mul(factor);
    }
    (bound <= MAX_STREAM_BYTES).then_some(bound)
}

/// The load-time filter: a stream that would unpack to more than [`MAX_STREAM_BYTES`] is
/// emptied and marked, so that nothing unpacks it; [`guard_document`] then reports it.
fn guard_stream(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    if let Object::Stream(stream) = object
        && (stream.dict.has(REFUSED) || unpacked_len(stream).is_none())
    {
        stream.dict.remove(b"Filter");
        stream.dict.remove(b"DecodeParms");
        stream.dict.set(REFUSED, Object::Integer(1));
        stream.set_content(Vec::new());
    }
    // lopdf keeps using `object` for top-level objects and the returned copy for those inside
    // object streams (never streams themselves), so a stream is returned as a placeholder.
    let copy = if matches!(object, Object::Stream(_)) { Object::Null } else { object.clone() };
    Some((id, copy))
}

/// Guards every stream of a loaded document and fails if any was refused, or if all of them
/// together unpack to more than [`MAX_UNPACKED_BYTES`].
fn guard_document(doc: &mut Document) -> Result<(), String> {
    let mut total = 0u64;
    let mut refused = false;
    for object in doc.objects.values_mut() {
        if let Object::Stream(stream) = object {
            if stream.dict.has(REFUSED) {
                refused = true;
                continue;
            }
            match unpacked_len(stream) {
                Some(n) => total += n,
                None => refused = true,
            }
        }
    }
    if refused {
        return Err(too_large("a stream of this PDF", MAX_STREAM_BYTES));
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(too_large("all the streams of this PDF together", MAX_UNPACKED_BYTES));
    }
    Ok(())
}

/// Extracts the text of a PDF held in memory, pages joined with form feeds.
///
/// `pdf-extract` panics on some malformed or unusual files instead of returning an error; the
/// panic is caught here and turned into an error message, so that one bad file cannot bring
/// down a batch.
pub(crate) fn pdf_text(bytes: &[u8]) -> Result<String, String> {
    check_raw_streams(bytes)?;
    let result = std::panic::catch_unwind(|| -> Result<Result<Vec<String>, String>, OutputError> {
        // Every object is guarded as it is loaded, before object streams are unpacked.
        let options = LoadOptions { filter: Some(guard_stream), ..LoadOptions::default() };
        let mut doc = Document::load_mem_with_options(bytes, options)?;
        if doc.is_encrypted() {
            // UN documents are sometimes "encrypted" with an empty password, to set permissions.
            doc.decrypt("").map_err(OutputError::PdfError)?;
        }
        // Again after decryption (the load-time filter does not see encrypted documents), and
        // to find the streams refused while loading.
        if let Err(message) = guard_document(&mut doc) {
            return Ok(Err(message));
        }
        repair_cid_widths(&mut doc);
        let mut collector = Collector::default();
        pdf_extract::output_doc(&doc, &mut collector)?;
        Ok(Ok(collector.pages))
    });
    match result {
        Ok(Ok(Ok(pages))) => Ok(pages.join("\u{c}")),
        Ok(Ok(Err(message))) => Err(message),
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
