//! Renders a [`SynthDoc`] as text the way `pdftotext` gives a UN PDF: first-page header block,
//! running headers with the symbol, page numbers, job numbers, "Please recycle", footnotes at
//! page ends, calls glued to words, words hyphenated at line ends, form feeds between pages.
//! Each style adds the quirks seen in practice (numbers or letters alone on their lines, page
//! numbers beside the symbol, footnote numbers alone on their lines, "Advance unedited version").

use super::synth::{SPara, Seg, Style, SynthDoc};

/// Characters per body line.
pub(crate) const WIDTH: usize = 90;
/// Lines per page, footnotes included.
const PAGE: usize = 52;

/// A word as laid out, with the footnotes whose calls it carries.
#[derive(Debug, Default, Clone)]
struct Tok {
    /// The printed word, calls included.
    text: String,
    /// Footnotes called in it: number and text.
    notes: Vec<(u32, String)>,
    /// A forced line break (before a roman item).
    brk: bool,
}

/// A printed line with the footnotes called in it.
#[derive(Debug, Default, Clone)]
struct Line {
    /// The text.
    text: String,
    /// Footnotes called in it.
    notes: Vec<(u32, String)>,
}

/// Splits segments into words; footnote numbers are given in document order.
fn tokens(segs: &[Seg], next: &mut u32) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut cur = Tok::default();
    for s in segs {
        match s {
            Seg::Text(t) => {
                for c in t.chars() {
                    if c == ' ' {
                        if !cur.text.is_empty() {
                            out.push(std::mem::take(&mut cur));
                        }
                    } else {
                        cur.text.push(c);
                    }
                }
            }
            Seg::Note(n) => {
                cur.text.push_str(&next.to_string());
                cur.notes.push((*next, n.clone()));
                *next += 1;
            }
            Seg::Break => {
                if !cur.text.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                out.push(Tok { brk: true, ..Tok::default() });
            }
        }
    }
    if !cur.text.is_empty() {
        out.push(cur);
    }
    out
}

/// Where a word may be split at a line end so that the first part fits in `room` characters
/// (hyphen included): after an existing hyphen, or inside a long run of letters.
fn split_point(word: &str, room: usize) -> Option<(String, String)> {
    let chars: Vec<char> = word.chars().collect();
    // After an existing hyphen ("ill-" + "treatment").
    if let Some(h) = chars.iter().rposition(|&c| c == '-').filter(|&h| h < room && h >= 2 && h + 2 < chars.len()) {
        let head: String = chars[..=h].iter().collect();
        let tail: String = chars[h + 1..].iter().collect();
        return Some((head, tail));
    }
    let letters = chars.iter().take_while(|c| c.is_alphabetic()).count();
    if letters < 8 || room < 5 {
        return None;
    }
    // A rough syllable break: vowel | consonant vowel, or consonant | consonant.
    let vowel = |c: char| "aeiouyAEIOUY".contains(c);
    let fits = (4..=(room - 1).min(letters - 3)).rev().find(|&k| {
        let (a, b, c) = (chars[k - 1], chars[k], chars[k + 1]);
        (vowel(a) && !vowel(b) && vowel(c)) || (!vowel(a) && !vowel(b) && vowel(chars[k - 2]) && vowel(c))
    })?;
    Some((chars[..fits].iter().collect::<String>() + "-", chars[fits..].iter().collect()))
}

/// Fills lines of `width` with the words; the first line starts with `prefix`.
fn wrap(prefix: &str, toks: &[Tok], width: usize) -> Vec<Line> {
    let mut lines = vec![Line { text: prefix.trim_end().to_owned(), notes: Vec::new() }];
    let mut pending: Vec<Tok> = toks.to_vec();
    pending.reverse();
    while let Some(tok) = pending.pop() {
        let line = lines.last_mut().expect("one line at least");
        if tok.brk {
            lines.push(Line::default());
            continue;
        }
        let sep = usize::from(!line.text.is_empty());
        let len = line.text.chars().count();
        if len + sep + tok.text.chars().count() <= width {
            if sep == 1 {
                line.text.push(' ');
            }
            line.text.push_str(&tok.text);
            line.notes.extend(tok.notes.iter().cloned());
            continue;
        }
        if let Some((head, tail)) = split_point(&tok.text, width.saturating_sub(len + sep)) {
            if sep == 1 {
                line.text.push(' ');
            }
            line.text.push_str(&head);
            pending.push(Tok { text: tail, notes: tok.notes.clone(), brk: false });
            lines.push(Line::default());
            continue;
        }
        lines.push(Line { text: tok.text.clone(), notes: tok.notes.clone() });
    }
    lines.retain(|l| !l.text.is_empty() || !l.notes.is_empty());
    lines
}

/// The text being written, page by page.
struct Writer<'d> {
    /// The document.
    doc: &'d SynthDoc,
    /// Characters per body line.
    width: usize,
    /// Lines written.
    out: Vec<String>,
    /// The current page (1-based).
    page: usize,
    /// Lines used on this page, header included.
    used: usize,
    /// Footnotes called on this page.
    notes: Vec<(u32, String)>,
}

impl Writer<'_> {
    /// The printed lines of the footnotes (numbers alone on their lines in the CRC style).
    fn note_lines(&self, notes: &[(u32, String)]) -> Vec<String> {
        let mut out = Vec::new();
        if self.page == 1 {
            out.push(format!("* {}", self.doc.star));
        }
        for (n, text) in notes {
            let toks = tokens(&[Seg::Text(text.clone())], &mut 0);
            if self.doc.style == Style::Crc {
                out.push(n.to_string());
                out.extend(wrap("", &toks, self.width + 5).into_iter().map(|l| l.text));
            } else {
                out.extend(wrap(&format!("{n} "), &toks, self.width + 5).into_iter().map(|l| l.text));
            }
        }
        out
    }

    /// The lines the footer takes.
    fn footer(&self) -> Vec<String> {
        let doc = self.doc;
        let mut out = Vec::new();
        if self.page == 1 {
            out.push(doc.job.clone());
            let serial: String = doc.job[3..].chars().filter(char::is_ascii_digit).collect();
            out.push(format!("*{serial}*"));
            out.push(if doc.style == Style::Cerd { "♲ Please recycle".into() } else { "Please recycle".into() });
        } else if doc.style != Style::Cerd {
            out.push(self.page.to_string());
        }
        out
    }

    /// Writes the running header of a page after the first.
    fn header(&mut self) {
        let doc = self.doc;
        let sym = doc.symbol.clone();
        let first = match doc.style {
            Style::Ccpr => sym,
            Style::Cerd if self.page.is_multiple_of(2) => format!("{} {sym}", self.page),
            Style::Cerd => format!("{sym} {}", self.page),
            Style::Crc => "Advance unedited version".into(),
        };
        self.out.push(format!("\u{c}{first}"));
        self.used = 1;
        if doc.style == Style::Crc {
            self.out.push(doc.symbol.clone());
            self.used += 1;
        }
        self.out.push(String::new());
        self.used += 1;
    }

    /// Ends the page: footnotes, footer, next page's header.
    fn end_page(&mut self) {
        let notes = std::mem::take(&mut self.notes);
        let lines = self.note_lines(&notes);
        if !lines.is_empty() {
            self.out.push(String::new());
            self.out.extend(lines);
        }
        let footer = self.footer();
        self.out.extend(footer);
        self.page += 1;
        self.header();
    }

    /// Writes a body line, starting a new page first if it and its footnotes would not fit.
    fn line(&mut self, line: Line) {
        let mut notes = self.notes.clone();
        notes.extend(line.notes.iter().cloned());
        let need = self.used + 1 + 1 + self.note_lines(&notes).len() + self.footer().len();
        if need > PAGE && self.used > 3 {
            self.end_page();
        }
        self.out.push(line.text);
        self.notes.extend(line.notes);
        self.used += 1;
    }

    /// A blank line (not at the top of a page).
    fn blank(&mut self) {
        if self.out.last().is_some_and(|l| !l.is_empty()) {
            self.line(Line::default());
        }
    }
}

/// Renders the document as pdftotext-like text.
pub(crate) fn render(doc: &SynthDoc) -> String {
    render_width(doc, WIDTH)
}

/// Renders the document with lines of `width` characters.
pub(crate) fn render_width(doc: &SynthDoc, width: usize) -> String {
    let mut w = Writer { doc, width, out: Vec::new(), page: 1, used: 0, notes: Vec::new() };
    let mut next_note = 1;
    let title_toks = tokens(&[Seg::Text(format!("{}*", doc.title()))], &mut 0);
    let title: Vec<String> = wrap("", &title_toks, 58).into_iter().map(|l| l.text).collect();
    let mut head: Vec<String> = Vec::new();
    match doc.style {
        Style::Ccpr => {
            head.push(format!("United Nations {}", doc.symbol));
            head.extend(["International Covenant on".into(), "Civil and Political Rights".into()]);
        }
        Style::Cerd => {
            head.extend(["United Nations".into(), doc.symbol.clone()]);
            head.extend([
                "International Convention on".into(),
                "the Elimination of All Forms".into(),
                "of Racial Discrimination".into(),
            ]);
        }
        Style::Crc => {
            head.push("Advance unedited version".into());
            head.push(format!("United Nations {}", doc.symbol));
            head.extend(["Convention on the Rights".into(), "of the Child".into()]);
        }
    }
    head.extend([
        "Distr.: General".into(),
        doc.published_text.clone(),
        String::new(),
        "Original: English".into(),
        String::new(),
    ]);
    head.push(doc.committee_name.clone());
    head.push(String::new());
    head.extend(title);
    for h in head {
        w.out.push(h);
        w.used += 1;
    }
    for s in &doc.sections {
        w.blank();
        let toks = tokens(&[Seg::Text(s.title.clone())], &mut 0);
        for l in wrap(&format!("{}. ", s.printed), &toks, w.width) {
            w.line(l);
        }
        w.blank();
        let mut printed_heading: Option<&str> = None;
        for p in &s.paras {
            if let Some(h) = p.heading.as_deref()
                && printed_heading != Some(h)
            {
                w.blank();
                for l in wrap("", &tokens(&[Seg::Text(h.to_owned())], &mut 0), w.width) {
                    w.line(l);
                }
                printed_heading = Some(h);
            }
            paragraph(&mut w, p, &mut next_note);
            w.blank();
        }
    }
    let mut text = w.out.join("\n");
    text.push('\n');
    // The last page's footnotes and footer.
    let notes = std::mem::take(&mut w.notes);
    let tail = w.note_lines(&notes);
    if !tail.is_empty() {
        text.push('\n');
        text.push_str(&tail.join("\n"));
        text.push('\n');
    }
    text.push_str(&w.footer().join("\n"));
    text.push('\n');
    text
}

/// Writes one numbered paragraph with its sub-paragraphs.
fn paragraph(w: &mut Writer, p: &SPara, next_note: &mut u32) {
    let toks = tokens(&p.lead, next_note);
    if p.number_alone {
        w.line(Line { text: format!("{}.", p.number), notes: Vec::new() });
        for l in wrap("", &toks, w.width) {
            w.line(l);
        }
    } else {
        for l in wrap(&format!("{}. ", p.number), &toks, w.width) {
            w.line(l);
        }
    }
    for (letter, segs) in &p.subs {
        let toks = tokens(segs, next_note);
        if p.markers_alone {
            w.line(Line { text: format!("({letter})"), notes: Vec::new() });
            for l in wrap("", &toks, w.width) {
                w.line(l);
            }
        } else {
            for l in wrap(&format!("({letter}) "), &toks, w.width) {
                w.line(l);
            }
        }
    }
}
