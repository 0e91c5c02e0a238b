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
/// The most pages read. A concluding-observations document has 10 to 40.
pub(crate) const MAX_PAGES: usize = 2_000;
/// The most bytes of drawing instructions one page, or one form drawn on it, may have
/// (all its content streams together). A page of a UN document has well under 100 KB; the
/// PDF reader turns the instructions into a list that takes many times their size, all at
/// once.
pub(crate) const MAX_CONTENT_BYTES: u64 = 8 * 1024 * 1024;
/// The most bytes of drawing instructions the whole document may run, a form (a drawing
/// reused by name, `Do`) counted each time it is drawn: forms drawn inside forms multiply.
pub(crate) const MAX_DRAWN_BYTES: u64 = 64 * 1024 * 1024;
/// The deepest nesting of forms drawn inside forms (UN documents: 1 or 2). The PDF reader
/// draws a form by calling itself, so the cap also bounds its stack; a form that draws
/// itself is refused as such.
pub(crate) const MAX_FORM_DEPTH: usize = 12;
/// The most characters read from a PDF (a 40-page concluding observations has about
/// 150,000).
pub(crate) const MAX_GLYPHS: u64 = 2_000_000;
/// The most work loading fonts may take, in bytes: the reader loads a font afresh for every
/// name a page selects it by (`Tf`), unpacking its character map and font file and listing its
/// widths each time, so one heavy font selected by 20,000 names on a page took gigabytes or
/// minutes. A font costs the bytes of its streams plus 16 per width listed (what its table of
/// widths takes); a 40-page concluding observations loads under 10 MB in all.
pub(crate) const MAX_FONT_BYTES: u64 = 128 * 1024 * 1024;
/// How many steps up the page tree a page's inherited settings are looked for (real files:
/// one or two); the PDF reader climbs by calling itself, so a loop would overflow its stack.
const MAX_TREE_HOPS: usize = 64;

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
#[derive(Debug)]
struct TextLine {
    /// The baseline of the line's first glyph.
    y: f64,
    /// The largest font size in the line.
    size: f64,
    /// The glyphs.
    glyphs: Vec<Glyph>,
    /// The right edge of the rightmost glyph so far: a glyph starting there or further right
    /// cannot overlap the line's glyphs, which spares the search in the common case.
    right: f64,
    /// The line's visible glyphs by left edge (the edge as ordered bits, then the glyph's
    /// index): the glyphs a new one could sit on top of are found by position, not by
    /// scanning the line.
    by_x: std::collections::BTreeSet<(u64, usize)>,
}

/// How many of a line's glyphs starting nearest left of a new glyph's right edge are
/// compared with it. Glyphs of one line do not overlap, so in real text the one a glyph sits
/// on is the nearest; the cap keeps a page drawn in a hostile order linear.
const OVERLAP_CANDIDATES: usize = 8;

/// An `f64` as bits that sort as the numbers do (negative numbers included).
fn ordered(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 { !bits } else { bits | (1 << 63) }
}

impl TextLine {
    /// A line of one glyph.
    fn new(g: Glyph) -> TextLine {
        let mut line = TextLine { y: g.y, size: g.size, right: g.end, glyphs: Vec::new(), by_x: Default::default() };
        line.push(g);
        line
    }

    /// Adds a glyph.
    fn push(&mut self, g: Glyph) {
        self.size = self.size.max(g.size);
        self.right = self.right.max(g.end);
        if !g.text.trim().is_empty() {
            self.by_x.insert((ordered(g.x), self.glyphs.len()));
        }
        self.glyphs.push(g);
    }

    /// Whether `g` would sit on top of one of the line's glyphs.
    fn covers(&self, g: &Glyph) -> bool {
        if g.x >= self.right {
            return false;
        }
        // Glyphs that start left of `g`'s right edge, nearest first.
        self.by_x
            .range(..(ordered(g.end), 0))
            .rev()
            .take(OVERLAP_CANDIDATES)
            .any(|(_, i)| overlaps(&self.glyphs[*i], g))
    }
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
    /// How many glyphs were drawn so far, for [`MAX_GLYPHS`].
    glyphs_seen: u64,
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
        self.glyphs_seen += 1;
        if self.glyphs_seen > MAX_GLYPHS {
            // Stops the reader; `pdf_text` says why.
            return Err(OutputError::FormatError(std::fmt::Error));
        }
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
        let found = lines
            .iter_mut()
            .rev()
            .take(80)
            .find(|l| (l.y - g.y).abs() <= SAME_LINE * l.size.max(g.size) && !l.covers(&g));
        match found {
            Some(line) => line.push(g),
            None => lines.push(TextLine::new(g)),
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

/// The most widths the `/W` arrays of all CID fonts of a PDF are written out to together: a
/// font has at most 65,536 glyphs and a document a handful of fonts, so more is a file made to
/// exhaust memory (2,000 ranges of 65,536 in one font, or 2,000 fonts of one full range each,
/// took gigabytes). Past it, the remaining ranges are dropped: widths only space the words.
const MAX_CID_WIDTHS: usize = 8 * 65_536;

/// Rewrites the `/W` (glyph widths) arrays of CID fonts from the range form `c_first c_last w`
/// into the list form `c_first [w w …]`, which `pdf-extract` reads correctly.
fn repair_cid_widths(doc: &mut Document) {
    let ids: Vec<_> = doc.objects.keys().copied().collect();
    // Widths written out so far, for [`MAX_CID_WIDTHS`].
    let mut written = 0usize;
    for id in ids {
        let Some(out) = expanded_widths(doc, id, &mut written) else { continue };
        if let Ok(dict) = doc.get_dictionary_mut(id) {
            dict.set("W", Object::Array(out));
        }
    }
}

/// The `/W` array of object `id` in list form, when it is a CID font with one; `written`
/// counts the widths written out, and stops at [`MAX_CID_WIDTHS`] (read by reference: one
/// huge array shared by many fonts is never copied whole).
fn expanded_widths(doc: &Document, id: ObjectId, written: &mut usize) -> Option<Vec<Object>> {
    let dict = doc.get_dictionary(id).ok()?;
    let is_cid = dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n.starts_with(b"CIDFontType"));
    if !is_cid {
        return None;
    }
    let items = match dict.get(b"W").ok()? {
        Object::Reference(r) => doc.get_object(*r).ok()?.as_array().ok()?,
        other => other.as_array().ok()?,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < items.len() && *written <= MAX_CID_WIDTHS {
        match (&items[i], &items[i + 1]) {
            (first, Object::Array(list)) => {
                *written += list.len().max(1);
                if *written > MAX_CID_WIDTHS {
                    break;
                }
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
                let count = (l - f + 1) as usize;
                *written += count;
                if *written > MAX_CID_WIDTHS {
                    break;
                }
                out.push(Object::Integer(f));
                out.push(Object::Array(vec![width.clone(); count]));
                i += 3;
            }
        }
    }
    Some(out)
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

/// What drawing a PDF's pages costs, worked out before the PDF reader draws them: the reader
/// draws a form (`Do`) by calling itself on the form's instructions, every time it is
/// drawn, so a form that draws itself overflows its stack and forms nested ten deep, each
/// drawing the next ten times, run a billion times. Each form's cost is worked out once and
/// the budgets ([`MAX_CONTENT_BYTES`], [`MAX_DRAWN_BYTES`], [`MAX_FORM_DEPTH`]) are checked
/// against what the reader would do, looking up resources exactly as it does.
struct Drawing<'a> {
    /// The document.
    doc: &'a Document,
    /// Forms by (object, the resources they are drawn with, as an address): their cost in
    /// bytes drawn and how deep they nest, or `None` while being worked out (drawn again
    /// then: a form that draws itself).
    forms: std::collections::HashMap<(ObjectId, usize), Option<Form>>,
    /// The unpacked length of each content stream, by object.
    lengths: std::collections::HashMap<ObjectId, u64>,
    /// What loading each font costs, by object ([`MAX_FONT_BYTES`]).
    font_costs: std::collections::HashMap<ObjectId, u64>,
}

/// What drawing a form (or a page's own instructions) costs.
#[derive(Clone)]
struct Form {
    /// Bytes of instructions run, forms drawn inside counted each time.
    cost: u64,
    /// How deep the forms drawn inside nest.
    height: usize,
    /// The font names it selects (`Tf`), with what loading each costs, once each: the
    /// reader keeps one font per name and page, forms included.
    fonts: std::rc::Rc<Vec<(Vec<u8>, u64)>>,
}

/// The object `o` is, following one reference.
fn deref<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    match o {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}

/// The error for a PDF whose pages draw too much.
fn draws_too_much(what: String) -> String {
    format!(
        "{what}; a concluding-observations PDF draws its pages in well under a megabyte of instructions, and Amicus stopped reading to keep time and memory bounded"
    )
}

impl<'a> Drawing<'a> {
    /// Checks every page, in the order the reader draws them.
    fn check(doc: &'a Document) -> Result<(), String> {
        let mut drawing =
            Drawing { doc, forms: Default::default(), lengths: Default::default(), font_costs: Default::default() };
        let pages = doc.get_pages();
        if pages.len() > MAX_PAGES {
            return Err(format!(
                "this PDF has {} pages, more than Amicus reads ({MAX_PAGES}; concluding observations have a few dozen)",
                pages.len()
            ));
        }
        let empty = lopdf_dictionary();
        let mut drawn = 0u64;
        let mut fonts = 0u64;
        for (number, id) in pages {
            let Ok(page) = doc.get_dictionary(id) else { continue };
            let resources = drawing.inherited(page, b"Resources").ok_or_else(|| {
                format!("page {number} of this PDF sits in a page tree that loops (or climbs more than {MAX_TREE_HOPS} levels)")
            })?;
            let resources = resources.and_then(|r| r.as_dict().ok()).unwrap_or(&empty);
            // What the reader reads at once: all the page's content streams, joined.
            let mut bytes = 0u64;
            for stream in doc.get_page_contents(id) {
                bytes = bytes.saturating_add(drawing.length(stream));
            }
            if bytes > MAX_CONTENT_BYTES {
                return Err(draws_too_much(format!(
                    "page {number} of this PDF has more than {} MB of drawing instructions",
                    MAX_CONTENT_BYTES / (1024 * 1024)
                )));
            }
            let content = doc.get_page_content(id).unwrap_or_default();
            let page = drawing.content(&content, resources, 0, number)?;
            drawn = drawn.saturating_add(page.cost);
            fonts = fonts.saturating_add(page.fonts.iter().map(|(_, cost)| cost).sum());
            if fonts > MAX_FONT_BYTES {
                return Err(draws_too_much(format!(
                    "loading the fonts of this PDF up to page {number} takes more than {} MB (the reader loads a font again for every name a page gives it)",
                    MAX_FONT_BYTES / (1024 * 1024)
                )));
            }
            if drawn > MAX_DRAWN_BYTES {
                return Err(draws_too_much(format!(
                    "drawing the pages of this PDF up to page {number} runs more than {} MB of instructions (drawings reused inside one another multiply)",
                    MAX_DRAWN_BYTES / (1024 * 1024)
                )));
            }
        }
        Ok(())
    }

    /// A page's setting, looked for up the page tree as the reader does: `Some(None)` when no
    /// page or parent sets it, `None` when the tree loops or is too tall.
    fn inherited(&self, page: &'a pdf_extract::Dictionary, key: &[u8]) -> Option<Option<&'a Object>> {
        let mut dict = page;
        for _ in 0..MAX_TREE_HOPS {
            if let Ok(value) = dict.get(key) {
                return Some(deref(self.doc, value));
            }
            let parent = dict.get(b"Parent").and_then(Object::as_reference).and_then(|id| self.doc.get_dictionary(id));
            match parent {
                Ok(p) => dict = p,
                Err(_) => return Some(None),
            }
        }
        None
    }

    /// The unpacked length of a content stream (cached).
    fn length(&mut self, id: ObjectId) -> u64 {
        let doc = self.doc;
        *self.lengths.entry(id).or_insert_with(|| match doc.get_object(id).and_then(Object::as_stream) {
            Ok(stream) => stream_bytes(stream).len() as u64,
            Err(_) => 0,
        })
    }

    /// The cost of running `content` with `resources`, `depth` forms deep: its bytes and
    /// those of every form it draws, each time it draws it; how deep its forms nest; the
    /// fonts it selects.
    fn content(
        &mut self,
        content: &[u8],
        resources: &'a pdf_extract::Dictionary,
        depth: usize,
        page: u32,
    ) -> Result<Form, String> {
        let mut cost = content.len() as u64;
        let mut height = 0;
        let mut fonts: std::collections::HashMap<Vec<u8>, u64> = Default::default();
        // What the reader cannot decode it fails on anyway.
        let Ok(operations) = pdf_extract::content::Content::decode(content) else {
            return Ok(Form { cost, height: 0, fonts: Default::default() });
        };
        for op in &operations.operations {
            let Some(Ok(name)) = op.operands.first().map(Object::as_name) else { continue };
            if op.operator == "Tf" {
                if !fonts.contains_key(name) {
                    let font_cost = self.font(resources, name);
                    fonts.insert(name.to_vec(), font_cost);
                }
                continue;
            }
            if op.operator != "Do" {
                continue;
            }
            let xobjects =
                resources.get(b"XObject").ok().and_then(|x| deref(self.doc, x)).and_then(|x| x.as_dict().ok());
            let Some(Ok(Object::Reference(id))) = xobjects.map(|x| x.get(name)) else { continue };
            let form = self.form(*id, resources, depth + 1, page)?;
            cost = cost.saturating_add(form.cost);
            height = height.max(form.height + 1);
            for (font, font_cost) in form.fonts.iter() {
                fonts.entry(font.clone()).or_insert(*font_cost);
            }
            if cost > MAX_DRAWN_BYTES {
                return Err(draws_too_much(format!(
                    "page {page} of this PDF draws more than {} MB of instructions (drawings reused inside one another multiply)",
                    MAX_DRAWN_BYTES / (1024 * 1024)
                )));
            }
        }
        Ok(Form { cost, height, fonts: std::rc::Rc::new(fonts.into_iter().collect()) })
    }

    /// What loading the font `name` of `resources` costs ([`MAX_FONT_BYTES`]), as the reader
    /// looks it up.
    fn font(&mut self, resources: &'a pdf_extract::Dictionary, name: &[u8]) -> u64 {
        let doc = self.doc;
        let fonts = resources.get(b"Font").ok().and_then(|f| deref(doc, f)).and_then(|f| f.as_dict().ok());
        let Some(entry) = fonts.and_then(|f| f.get(name).ok()) else { return 0 };
        match entry {
            Object::Reference(id) => {
                if let Some(known) = self.font_costs.get(id) {
                    return *known;
                }
                let cost = self.font_cost(doc.get_object(*id).ok());
                self.font_costs.insert(*id, cost);
                cost
            }
            other => self.font_cost(Some(other)),
        }
    }

    /// What the reader's loading `font` once costs, in bytes ([`MAX_FONT_BYTES`]): the
    /// streams it unpacks (character maps, font files) and 16 per width it lists, its
    /// descendant's (a composite font's) included.
    fn font_cost(&mut self, font: Option<&'a Object>) -> u64 {
        let doc = self.doc;
        let Some(font) = font.and_then(|f| f.as_dict().ok()) else { return 0 };
        let descendant = font
            .get(b"DescendantFonts")
            .ok()
            .and_then(|d| deref(doc, d))
            .and_then(|d| d.as_array().ok())
            .and_then(|d| d.first())
            .and_then(|d| deref(doc, d))
            .and_then(|d| d.as_dict().ok());
        let descriptor = |dict: &'a pdf_extract::Dictionary| {
            dict.get(b"FontDescriptor").ok().and_then(|d| deref(doc, d)).and_then(|d| d.as_dict().ok())
        };
        let mut streams: Vec<&Object> =
            [&b"ToUnicode"[..], b"Encoding"].iter().filter_map(|k| font.get(k).ok()).collect();
        for d in [Some(font), descendant].into_iter().flatten().filter_map(descriptor) {
            streams.extend([&b"FontFile"[..], b"FontFile2", b"FontFile3"].iter().filter_map(|k| d.get(k).ok()));
        }
        let mut cost = widths_cost(doc, font, b"Widths");
        if let Some(descendant) = descendant {
            cost = cost.saturating_add(widths_cost(doc, descendant, b"W"));
        }
        for o in streams {
            // Streams are always named by reference.
            if let Object::Reference(id) = o {
                cost = cost.saturating_add(self.length(*id));
            }
        }
        cost.max(1)
    }

    /// The cost of drawing the form `id` (any stream `Do` names: the reader draws images as
    /// instructions too), with the caller's `resources` unless it has its own.
    fn form(
        &mut self,
        id: ObjectId,
        resources: &'a pdf_extract::Dictionary,
        depth: usize,
        page: u32,
    ) -> Result<Form, String> {
        let key = (id, std::ptr::from_ref(resources) as usize);
        match self.forms.get(&key) {
            Some(Some(known)) => return Ok(known.clone()),
            Some(None) => {
                return Err(format!(
                    "page {page} of this PDF draws a drawing (form {} {}) inside itself, endlessly; the file is broken or made to stop PDF readers",
                    id.0, id.1
                ));
            }
            None => {}
        }
        if depth > MAX_FORM_DEPTH {
            return Err(format!(
                "page {page} of this PDF nests drawings inside drawings more than {MAX_FORM_DEPTH} deep (UN documents: one or two)"
            ));
        }
        let Ok(stream) = self.doc.get_object(id).and_then(Object::as_stream) else {
            return Ok(Form { cost: 0, height: 0, fonts: Default::default() });
        };
        let own = stream.dict.get(b"Resources").ok().and_then(|r| deref(self.doc, r)).and_then(|r| r.as_dict().ok());
        let content = stream_bytes(stream);
        if content.len() as u64 > MAX_CONTENT_BYTES {
            return Err(draws_too_much(format!(
                "a drawing on page {page} of this PDF has more than {} MB of instructions",
                MAX_CONTENT_BYTES / (1024 * 1024)
            )));
        }
        self.forms.insert(key, None);
        let known = self.content(&content, own.unwrap_or(resources), depth, page)?;
        self.forms.insert(key, Some(known.clone()));
        Ok(known)
    }
}

/// What the table of widths `key` of a font takes once loaded ([`MAX_FONT_BYTES`]): 16 bytes
/// a width.
fn widths_cost(doc: &Document, font: &pdf_extract::Dictionary, key: &[u8]) -> u64 {
    let Some(Ok(items)) = font.get(key).ok().and_then(|w| deref(doc, w)).map(Object::as_array) else { return 0 };
    let count: u64 = items.iter().map(|i| if let Object::Array(list) = i { list.len() as u64 + 1 } else { 1 }).sum();
    count.saturating_mul(16)
}

/// An empty dictionary (the resources of a page that has none).
fn lopdf_dictionary() -> pdf_extract::Dictionary {
    pdf_extract::Dictionary::new()
}

/// A stream's content as the reader draws it: unpacked when its filters are known, else as
/// it is.
fn stream_bytes(stream: &Stream) -> Vec<u8> {
    if stream.filters().is_ok() {
        stream.decompressed_content().unwrap_or_else(|_| stream.content.clone())
    } else {
        stream.content.clone()
    }
}

/// Extracts the text of a PDF held in memory, pages joined with form feeds.
///
/// In the `amicus` binary the PDF is read in a contained child
/// ([`crate::compile::sandbox`]): the budgets here stop every hostile file found so far with
/// a clear message, but the PDF reader's own parsing takes memory in proportion to what the
/// file lists (a 60 MB array of numbers took gigabytes), so whatever a file does, it ends as
/// an error naming the file and the import stops, nothing else.
pub(crate) fn pdf_text(bytes: &[u8]) -> Result<String, String> {
    use crate::compile::sandbox;
    if !sandbox::enabled() {
        return pdf_text_here(bytes);
    }
    let answer = sandbox::run(CONTAINED, bytes).map_err(|stopped| {
        let why = match stopped {
            sandbox::Stopped::Memory(limit) => {
                format!("it needed more than {} MB of memory", limit / (1024 * 1024))
            }
            sandbox::Stopped::Time => format!("it took more than {} seconds", sandbox::TIME.as_secs()),
            sandbox::Stopped::Stack => "it nests too deeply".to_owned(),
            other => other.describe(),
        };
        format!("reading this PDF was stopped: {why}; the file is damaged or made to exhaust PDF readers")
    })?;
    let mut frames = sandbox::Unframe::new(&answer);
    match (frames.text(), frames.text()) {
        (Some("ok"), Some(text)) => Ok(text.to_owned()),
        (Some("error"), Some(message)) => Err(message.to_owned()),
        _ => Err("the PDF reader ended without an answer".to_owned()),
    }
}

/// The kind of contained work ([`crate::compile::sandbox::run`]) that reads a PDF's text.
pub const CONTAINED: &str = "pdf-text";

/// The contained child's side of [`pdf_text`]: the PDF's bytes in, `ok` and the text or
/// `error` and the message out. For `main`.
pub fn serve_pdf_text(request: &[u8]) -> Vec<u8> {
    let mut frames = crate::compile::sandbox::Frames::default();
    match pdf_text_here(request) {
        Ok(text) => frames.put(b"ok").put(text.as_bytes()),
        Err(message) => frames.put(b"error").put(message.as_bytes()),
    };
    frames.into_bytes()
}

/// The message for a PDF that opens only with a password.
const PASSWORD: &str = "it is protected by a password, and Amicus reads only PDFs that open without one; open it in a PDF reader with its password and save a copy without one (or download the document again from the UN's documents site, where it has none)";

/// Whether the PDF reader's error says the (empty) password does not open the document.
fn is_wrong_password(error: Option<&pdf_extract::Error>) -> bool {
    matches!(error, Some(pdf_extract::Error::Decryption(pdf_extract::encryption::DecryptionError::IncorrectPassword)))
}

/// [`pdf_text`] in this process.
///
/// `pdf-extract` panics on some malformed or unusual files instead of returning an error; the
/// panic is caught here and turned into an error message, so that one bad file cannot bring
/// down a batch.
fn pdf_text_here(bytes: &[u8]) -> Result<String, String> {
    check_raw_streams(bytes)?;
    let result = std::panic::catch_unwind(|| -> Result<Result<Vec<String>, String>, OutputError> {
        // Every object is guarded as it is loaded, before object streams are unpacked.
        let options = LoadOptions { filter: Some(guard_stream), ..LoadOptions::default() };
        let loaded = Document::load_mem_with_options(bytes, options);
        if is_wrong_password(loaded.as_ref().err()) {
            return Ok(Err(PASSWORD.to_owned()));
        }
        let mut doc = loaded?;
        if doc.is_encrypted() {
            // UN documents are sometimes "encrypted" with an empty password, to set permissions.
            let decrypted = doc.decrypt("");
            if is_wrong_password(decrypted.as_ref().err()) {
                return Ok(Err(PASSWORD.to_owned()));
            }
            decrypted.map_err(OutputError::PdfError)?;
        }
        // Again after decryption (the load-time filter does not see encrypted documents), and
        // to find the streams refused while loading.
        if let Err(message) = guard_document(&mut doc) {
            return Ok(Err(message));
        }
        repair_cid_widths(&mut doc);
        if let Err(message) = Drawing::check(&doc) {
            return Ok(Err(message));
        }
        let mut collector = Collector::default();
        let drawn = pdf_extract::output_doc(&doc, &mut collector);
        if collector.glyphs_seen > MAX_GLYPHS {
            return Ok(Err(format!(
                "this PDF has more than {} characters of text, more than Amicus reads (a 40-page concluding observations has about 150,000); it stopped reading to keep memory bounded",
                crate::i18n::number("en", MAX_GLYPHS)
            )));
        }
        drawn?;
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
