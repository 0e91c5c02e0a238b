//! Word `.docx` → text, in the same shape as text copied from a PDF.
//!
//! Reads `word/document.xml` (paragraphs `w:p`, runs `w:t`, tabs, breaks, non-breaking
//! hyphens), the first-page and running headers (`word/header*.xml`, which hold the symbol and
//! date in UN templates), and the footnotes (`word/footnotes.xml`). Each paragraph becomes one
//! line. Word's automatic numbering (`w:numPr`, directly or through the paragraph style) is
//! rebuilt from `word/numbering.xml`, so that "12." and "(a)" appear in the text as a reader
//! sees them; where that fails, a warning names the line. Footnote calls are written glued to
//! the word before them ("detention12") and the footnotes follow the body, one per line
//! ("12 See …"), which is how pass 1 expects them. Deleted revisions, field codes and
//! drawings are left out; text boxes are reported.

use super::{ImportWarning, MAX_TEXT_BYTES};
use roxmltree::{Document, Node};
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// The WordprocessingML namespace.
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// One level of a numbering definition.
#[derive(Debug, Clone)]
struct Level {
    /// The first value.
    start: u32,
    /// `decimal`, `lowerLetter`, `upperRoman`, `bullet` …
    format: String,
    /// The label pattern, e.g. `(%2)` or `%1.`.
    text: String,
}

/// What a paragraph style says about numbering.
#[derive(Debug, Default)]
struct StyleNumbering {
    /// The list (`w:numId`), if the style sets one.
    num_id: Option<String>,
    /// The level (`w:ilvl`), if the style sets one.
    level: Option<usize>,
    /// The style it is based on.
    based_on: Option<String>,
}

/// The numbering definitions of a document.
#[derive(Debug, Default)]
struct Numbering {
    /// Abstract definitions: id → levels 0–8.
    abstracts: HashMap<String, Vec<Option<Level>>>,
    /// Concrete lists: numId → (abstract id, start overrides by level).
    nums: HashMap<String, (String, HashMap<usize, u32>)>,
    /// Paragraph styles, for the numbering they carry: style id → its numbering.
    styles: HashMap<String, StyleNumbering>,
    /// Running counters: numId → values per level.
    counters: HashMap<String, [Option<u32>; 9]>,
}

/// The `w:` child of a node with the given local name.
fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| c.has_tag_name((W, name)))
}

/// A `w:val` attribute.
fn val<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    node.attribute((W, "val"))
}

impl Numbering {
    /// Reads `numbering.xml` and `styles.xml` (either may be absent).
    fn parse(numbering: Option<&str>, styles: Option<&str>) -> Result<Numbering, String> {
        let mut out = Numbering::default();
        if let Some(xml) = numbering {
            let doc = parse_xml(xml, "word/numbering.xml")?;
            for node in doc.root_element().children() {
                if node.has_tag_name((W, "abstractNum")) {
                    let id = node.attribute((W, "abstractNumId")).unwrap_or_default().to_owned();
                    let mut levels = vec![None; 9];
                    for lvl in node.children().filter(|c| c.has_tag_name((W, "lvl"))) {
                        let Some(i) = lvl.attribute((W, "ilvl")).and_then(|v| v.parse::<usize>().ok()) else {
                            continue;
                        };
                        if i >= 9 {
                            continue;
                        }
                        levels[i] = Some(Level {
                            start: child(lvl, "start").and_then(val).and_then(|v| v.parse().ok()).unwrap_or(1),
                            format: child(lvl, "numFmt").and_then(val).unwrap_or("decimal").to_owned(),
                            text: child(lvl, "lvlText").and_then(val).unwrap_or("").to_owned(),
                        });
                    }
                    out.abstracts.insert(id, levels);
                } else if node.has_tag_name((W, "num")) {
                    let id = node.attribute((W, "numId")).unwrap_or_default().to_owned();
                    let abs = child(node, "abstractNumId").and_then(val).unwrap_or_default().to_owned();
                    let mut overrides = HashMap::new();
                    for o in node.children().filter(|c| c.has_tag_name((W, "lvlOverride"))) {
                        let level = o.attribute((W, "ilvl")).and_then(|v| v.parse::<usize>().ok());
                        let start = child(o, "startOverride").and_then(val).and_then(|v| v.parse::<u32>().ok());
                        if let (Some(l), Some(s)) = (level, start) {
                            overrides.insert(l, s);
                        }
                    }
                    out.nums.insert(id, (abs, overrides));
                }
            }
        }
        if let Some(xml) = styles {
            let doc = parse_xml(xml, "word/styles.xml")?;
            for style in doc.root_element().children().filter(|c| c.has_tag_name((W, "style"))) {
                let Some(id) = style.attribute((W, "styleId")) else { continue };
                let num_pr = child(style, "pPr").and_then(|p| child(p, "numPr"));
                let num_id = num_pr.and_then(|n| child(n, "numId")).and_then(val).map(str::to_owned);
                let level = num_pr.and_then(|n| child(n, "ilvl")).and_then(val).and_then(|v| v.parse().ok());
                let based = child(style, "basedOn").and_then(val).map(str::to_owned);
                out.styles.insert(id.to_owned(), StyleNumbering { num_id, level, based_on: based });
            }
        }
        Ok(out)
    }

    /// The list and level a paragraph belongs to: its own `w:numPr`, completed from its style
    /// (and the styles that style is based on).
    fn list_of(&self, p: Node) -> Option<(String, usize)> {
        let ppr = child(p, "pPr");
        let own = ppr.and_then(|p| child(p, "numPr"));
        let mut num_id = own.and_then(|n| child(n, "numId")).and_then(val).map(str::to_owned);
        let mut level = own.and_then(|n| child(n, "ilvl")).and_then(val).and_then(|v| v.parse().ok());
        let mut style = ppr.and_then(|p| child(p, "pStyle")).and_then(val).map(str::to_owned);
        let mut hops = 0;
        while let (Some(s), true) = (style.take(), num_id.is_none() && hops < 10) {
            hops += 1;
            if let Some(sn) = self.styles.get(&s) {
                num_id = num_id.or_else(|| sn.num_id.clone());
                level = level.or(sn.level);
                style = sn.based_on.clone();
            }
        }
        let num_id = num_id?;
        (num_id != "0").then_some((num_id, level.unwrap_or(0)))
    }

    /// Advances the list's counter at `level` and renders the label, e.g. `(b)` or `12.`;
    /// `None` when the list is not defined.
    fn next_label(&mut self, num_id: &str, level: usize) -> Option<String> {
        let (abs, overrides) = self.nums.get(num_id)?;
        let levels = self.abstracts.get(abs)?;
        let level = level.min(8);
        let def = levels.get(level)?.as_ref()?;
        let counters = self.counters.entry(num_id.to_owned()).or_insert([None; 9]);
        let start = |l: usize| {
            overrides.get(&l).copied().or_else(|| levels.get(l).and_then(|d| d.as_ref()).map(|d| d.start)).unwrap_or(1)
        };
        counters[level] = Some(counters[level].map_or(start(level), |v| v.saturating_add(1)));
        // A higher level restarts the levels below it.
        for c in counters.iter_mut().skip(level + 1) {
            *c = None;
        }
        if def.format == "bullet" {
            return Some(cut(def.text.clone()));
        }
        let mut label = cut(def.text.clone());
        for l in (0..=level).rev() {
            let placeholder = format!("%{}", l + 1);
            if label.contains(&placeholder) {
                let value = counters[l].unwrap_or_else(|| start(l));
                let format = levels.get(l).and_then(|d| d.as_ref()).map_or("decimal", |d| d.format.as_str());
                label = label.replace(&placeholder, &format_number(value, format));
            }
        }
        Some(cut(label))
    }
}

/// The largest list value written in letters or roman numerals ("zzzzzzzzzzzzzzzzzzzz",
/// "MMMCMXCIX"); larger ones are written in figures.
const MAX_LETTERED: u32 = 520;

/// The longest automatic label kept (Word's own limit for a level's text is 255 characters);
/// a longer one is cut there.
const MAX_LABEL_CHARS: usize = 255;

/// How many paragraphs of one undefined list are reported one by one; the rest are counted
/// in one warning.
const MAX_LIST_WARNINGS: usize = 20;

/// A counter value in a Word number format.
fn format_number(value: u32, format: &str) -> String {
    match format {
        // Beyond what a list really reaches, a number in letters or roman numerals would be
        // a long run of one letter (the 4,294,967,295th item in letters is 165 million a's):
        // it is written in figures instead.
        "lowerLetter" | "upperLetter" | "lowerRoman" | "upperRoman" if value > MAX_LETTERED => value.to_string(),
        "lowerLetter" | "upperLetter" => {
            // Word goes a … z, aa … zz, aaa …
            let n = value.max(1) - 1;
            let letter = char::from(b'a' + (n % 26) as u8);
            let s = letter.to_string().repeat(n as usize / 26 + 1);
            if format == "upperLetter" { s.to_uppercase() } else { s }
        }
        "lowerRoman" => crate::i18n::roman(value as usize).to_lowercase(),
        "upperRoman" => crate::i18n::roman(value as usize),
        "decimalZero" => format!("{value:02}"),
        "none" => String::new(),
        _ => value.to_string(),
    }
}

/// A label cut to [`MAX_LABEL_CHARS`].
fn cut(mut label: String) -> String {
    if let Some((at, _)) = label.char_indices().nth(MAX_LABEL_CHARS) {
        label.truncate(at);
    }
    label
}

/// The text being written, with what is needed to number footnotes and lines.
struct Writer<'n> {
    /// The text so far.
    out: String,
    /// Footnote ids in the order of their calls, with the mark printed (number or custom).
    calls: Vec<(String, String)>,
    /// How many of `calls` printed a number (the next numbered call's number is one more).
    numbered_calls: usize,
    /// The numbering definitions and their running counters.
    numbering: &'n mut Numbering,
    /// Problems found.
    warnings: Vec<ImportWarning>,
    /// Line breaks in `out` up to `counted`, so that finding the line is not a recount.
    breaks: usize,
    /// How much of `out` `breaks` covers.
    counted: usize,
    /// Paragraphs of each undefined list seen so far, and the line of the first one not
    /// reported by itself.
    undefined: std::collections::BTreeMap<String, (usize, usize)>,
}

impl<'n> Writer<'n> {
    /// A writer numbering with `numbering`.
    fn new(numbering: &'n mut Numbering) -> Writer<'n> {
        Writer {
            out: String::new(),
            calls: Vec::new(),
            numbered_calls: 0,
            numbering,
            warnings: Vec::new(),
            breaks: 0,
            counted: 0,
            undefined: std::collections::BTreeMap::new(),
        }
    }

    /// The 1-based line the writer is on.
    fn line(&mut self) -> usize {
        // `out` only grows, except for spaces trimmed before a footnote call.
        let from = self.counted.min(self.out.len());
        self.breaks += self.out.as_bytes()[from..].iter().filter(|b| **b == b'\n').count();
        self.counted = self.out.len();
        self.breaks + 1
    }

    /// Whether the text has grown past [`MAX_TEXT_BYTES`]: the reading stops, and
    /// [`docx_text`] says why.
    fn full(&self) -> bool {
        self.out.len() > MAX_TEXT_BYTES
    }

    /// Writes a block-level node: paragraphs, tables, content controls.
    fn block(&mut self, node: Node) {
        if self.full() {
            return;
        }
        if node.has_tag_name((W, "p")) {
            self.paragraph(node);
        } else if !(node.has_tag_name((W, "sectPr")) || node.has_tag_name((W, "del"))) {
            for c in node.children().filter(Node::is_element) {
                self.block(c);
            }
        }
    }

    /// Writes one paragraph as one line, with its automatic number or letter.
    fn paragraph(&mut self, p: Node) {
        if let Some((num_id, level)) = self.numbering.list_of(p) {
            match self.numbering.next_label(&num_id, level) {
                Some(label) if !label.is_empty() => {
                    self.out.push_str(&label);
                    self.out.push('\t');
                }
                Some(_) => {}
                None => {
                    let line = self.line();
                    let seen = self.undefined.entry(num_id.clone()).or_insert((0, 0));
                    seen.0 += 1;
                    if seen.0 == MAX_LIST_WARNINGS + 1 {
                        // Where the paragraphs no longer reported one by one begin.
                        seen.1 = line;
                    }
                    if seen.0 <= MAX_LIST_WARNINGS {
                        self.warnings.push(ImportWarning::new(
                            line,
                            format!("this paragraph is numbered automatically (list {num_id}, level {level}), but the list is not defined in the file; its number or letter is missing from the text"),
                        ));
                    }
                }
            }
        }
        self.inline(p);
        self.out.push('\n');
    }

    /// Writes the text inside a paragraph.
    fn inline(&mut self, node: Node) {
        for c in node.children().filter(Node::is_element) {
            if c.tag_name().namespace() != Some(W) {
                // mc:AlternateContent and other extensions: a drawing or a text box.
                self.skipped(c);
                continue;
            }
            match c.tag_name().name() {
                "t" => self.out.push_str(c.text().unwrap_or("")),
                "tab" | "ptab" => self.out.push('\t'),
                "br" | "cr" => self.out.push('\n'),
                "noBreakHyphen" => self.out.push('-'),
                "footnoteReference" => self.footnote_call(c),
                "endnoteReference" => {
                    let line = self.line();
                    self.warnings.push(ImportWarning::new(line, "an endnote call was found; endnotes are not read"));
                }
                "drawing" | "pict" | "object" => self.skipped(c),
                "pPr"
                | "rPr"
                | "del"
                | "moveFrom"
                | "delText"
                | "instrText"
                | "delInstrText"
                | "softHyphen"
                | "fldData"
                | "commentReference"
                | "annotationRef"
                | "footnoteRef"
                | "lastRenderedPageBreak"
                | "sym"
                | "bookmarkStart"
                | "bookmarkEnd"
                | "proofErr" => {}
                _ => self.inline(c),
            }
        }
    }

    /// Reports a drawing or text box that holds text.
    fn skipped(&mut self, node: Node) {
        let has_text =
            node.descendants().any(|d| d.has_tag_name((W, "t")) && d.text().is_some_and(|t| !t.trim().is_empty()));
        if has_text {
            let line = self.line();
            self.warnings.push(ImportWarning::new(line, "a text box or drawing with text was left out"));
        }
    }

    /// Writes a footnote call glued to the word before it.
    fn footnote_call(&mut self, node: Node) {
        let id = node.attribute((W, "id")).unwrap_or_default().to_owned();
        let custom = node.attribute((W, "customMarkFollows")).is_some_and(|v| v == "1" || v == "true");
        let trimmed = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(trimmed);
        if custom {
            // The mark ("*") is in the text that follows and is written from there.
            self.calls.push((id, String::new()));
        } else {
            self.numbered_calls += 1;
            let number = self.numbered_calls.to_string();
            self.out.push_str(&number);
            self.calls.push((id, number));
        }
    }
}

/// The most bytes one part of a Word package may unpack to. A UN document's `document.xml`
/// is well under a megabyte; the cap keeps a decompression bomb (a small file that unpacks to
/// gigabytes) from taking the memory.
pub(crate) const MAX_PART_BYTES: u64 = 32 * 1024 * 1024;
/// The most bytes all the parts read from one package may unpack to together.
pub(crate) const MAX_PACKAGE_BYTES: u64 = 64 * 1024 * 1024;
/// The deepest nesting of XML elements read. Real Word XML is a few dozen levels deep (a table
/// in a table in a text box); the text is collected recursively, so the cap also keeps the
/// stack bounded.
pub(crate) const MAX_XML_DEPTH: usize = 256;

/// Reads one part of the package as text; `None` when it is absent. `left` is what remains
/// of [`MAX_PACKAGE_BYTES`]: the bytes actually unpacked are counted (the sizes a zip file
/// states are not trusted).
fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str, left: &mut u64) -> Result<Option<String>, String> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("{name}: {e}")),
    };
    let cap = MAX_PART_BYTES.min(*left);
    let mut bytes = Vec::new();
    file.take(cap + 1).read_to_end(&mut bytes).map_err(|e| format!("{name}: {e}"))?;
    if bytes.len() as u64 > cap {
        let (limit, what) = if cap == MAX_PART_BYTES {
            (MAX_PART_BYTES, format!("{name} unpacks to more than"))
        } else {
            (MAX_PACKAGE_BYTES, "the parts of the package unpack to more than".to_owned())
        };
        return Err(format!(
            "{what} {} MB, Amicus's limit for a Word file (a concluding-observations document unpacks to well under 1 MB); it stopped reading to keep memory bounded",
            limit / (1024 * 1024)
        ));
    }
    *left -= bytes.len() as u64;
    String::from_utf8(bytes).map(Some).map_err(|_| format!("{name} is not UTF-8 XML"))
}

/// Parses one XML part, refusing nesting deeper than [`MAX_XML_DEPTH`].
fn parse_xml<'i>(xml: &'i str, name: &str) -> Result<Document<'i>, String> {
    let doc = Document::parse(xml).map_err(|e| format!("{name}: {e}"))?;
    // Nodes come in document order, so a node's parent has been seen before it.
    let mut depths = vec![0usize; doc.descendants().count() + 1];
    for node in doc.descendants() {
        let depth = node.parent().map_or(0, |p| depths.get(p.id().get_usize()).copied().unwrap_or(0) + 1);
        if depth > MAX_XML_DEPTH {
            return Err(format!(
                "{name} nests XML elements more than {MAX_XML_DEPTH} levels deep, Amicus's limit (Word documents stay within a few dozen)"
            ));
        }
        if let Some(slot) = depths.get_mut(node.id().get_usize()) {
            *slot = depth;
        }
    }
    Ok(doc)
}

/// The text of a footnote's paragraphs, without its own number; `None` past
/// [`MAX_TEXT_BYTES`].
fn note_text(note: Node) -> Option<String> {
    let mut numbering = Numbering::default();
    let mut w = Writer::new(&mut numbering);
    for p in note.children().filter(|c| c.has_tag_name((W, "p"))) {
        if w.full() {
            return None;
        }
        w.inline(p);
        w.out.push(' ');
    }
    Some(super::text::normalize_line(&w.out.replace('\n', " ")))
}

/// The error for a Word file whose text grows past [`MAX_TEXT_BYTES`].
fn too_much_text() -> String {
    format!(
        "its text, with automatic numbers and footnotes written out, comes to more than {} MB, Amicus's limit for concluding observations (they have well under 1 MB of text); it stopped reading to keep memory bounded",
        MAX_TEXT_BYTES / (1024 * 1024)
    )
}

/// Extracts the text of a `.docx` held in memory, with warnings about what could not be
/// rebuilt.
pub(crate) fn docx_text(bytes: &[u8]) -> Result<(String, Vec<ImportWarning>), String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("not a Word file: {e}"))?;
    let mut left = MAX_PACKAGE_BYTES;
    let document = part(&mut zip, "word/document.xml", &mut left)?
        .ok_or("word/document.xml is missing; is this a Word document?")?;
    let mut numbering = Numbering::parse(
        part(&mut zip, "word/numbering.xml", &mut left)?.as_deref(),
        part(&mut zip, "word/styles.xml", &mut left)?.as_deref(),
    )?;
    // A name the archive cannot decode is not one of Word's header parts.
    let mut header_names: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.starts_with("word/header") && n.ends_with(".xml"))
        .map(|n| n.into_owned())
        .collect();
    header_names.sort();
    let footnotes = part(&mut zip, "word/footnotes.xml", &mut left)?;

    let mut w = Writer::new(&mut numbering);
    // Headers first: in UN templates the first-page header holds the symbol and the date.
    for name in header_names {
        let Some(xml) = part(&mut zip, &name, &mut left)? else { continue };
        let doc = parse_xml(&xml, &name)?;
        w.block(doc.root_element());
    }
    let doc = parse_xml(&document, "word/document.xml")?;
    let body = child(doc.root_element(), "body").ok_or("word/document.xml has no body")?;
    w.block(body);
    for (list, (seen, line)) in std::mem::take(&mut w.undefined) {
        if seen > MAX_LIST_WARNINGS {
            w.warnings.push(ImportWarning::new(
                line,
                format!(
                    "this and {} more paragraphs are numbered automatically by list {list}, which is not defined in the file; their numbers or letters are missing from the text",
                    seen - MAX_LIST_WARNINGS - 1
                ),
            ));
        }
    }
    if w.full() {
        return Err(too_much_text());
    }

    let notes: HashMap<String, String> = match &footnotes {
        Some(xml) => {
            let fdoc = parse_xml(xml, "word/footnotes.xml")?;
            let mut notes = HashMap::new();
            let mut total = 0;
            for c in fdoc.root_element().children() {
                if !(c.has_tag_name((W, "footnote")) && c.attribute((W, "type")).is_none_or(|t| t == "normal")) {
                    continue;
                }
                let Some(id) = c.attribute((W, "id")) else { continue };
                let text = note_text(c).ok_or_else(too_much_text)?;
                total += text.len();
                if total > MAX_TEXT_BYTES {
                    return Err(too_much_text());
                }
                notes.insert(id.to_owned(), text);
            }
            notes
        }
        None => HashMap::new(),
    };
    let calls = std::mem::take(&mut w.calls);
    if !calls.is_empty() {
        w.out.push('\n');
    }
    for (id, mark) in calls {
        let custom = mark.is_empty();
        let mark = if custom { "*".to_owned() } else { mark };
        match notes.get(&id) {
            Some(text) => {
                // A custom mark is usually typed again at the start of the note's own text.
                let text = if custom { text.trim_start_matches(['*', '†', '‡', ' ']) } else { text.as_str() };
                // A note called many times is written each time: counted against the budget
                // before it is written.
                if w.out.len() + mark.len() + text.len() + 2 > MAX_TEXT_BYTES {
                    return Err(too_much_text());
                }
                w.out.push_str(&format!("{mark} {text}\n"));
            }
            None => {
                let line = w.line();
                w.warnings.push(ImportWarning::new(
                    line,
                    format!("footnote {mark} is called in the text but missing from word/footnotes.xml"),
                ));
            }
        }
    }
    let warnings = std::mem::take(&mut w.warnings);
    Ok((w.out, warnings))
}

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;

    /// Word's number formats: letters repeat after z, roman numerals, decimals.
    #[test]
    fn number_formats() {
        assert_eq!(format_number(1, "lowerLetter"), "a");
        assert_eq!(format_number(27, "lowerLetter"), "aa");
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(9, "lowerRoman"), "ix");
        assert_eq!(format_number(12, "decimal"), "12");
    }
}
