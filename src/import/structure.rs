//! Pass 2: body lines → sections, subject headings, numbered paragraphs and lettered
//! sub-paragraphs, with footnotes attached to the paragraph that calls them.
//!
//! The document's own regularities carry the parse: paragraphs are numbered continuously,
//! sub-paragraphs are lettered in order, section labels run A, B, C … (or I, II … with lettered
//! clusters A, B … inside, as the CRC writes them), a subject heading is a short line after a
//! finished sentence and before a paragraph number. A line that breaks a sequence is taken only
//! when the layout around it agrees, and then with a warning; otherwise it stays text.

use super::ImportWarning;
use super::lines::{BodyLine, Cleaned, para_start, section_heading};
use super::text::{
    ends_open_for_item, ends_sentence, is_roman_item, item_marker, join_line, roman_value, starts_like_heading,
};
use crate::model::co::{CoParagraph, CoSection, CoSubparagraph};
use std::collections::{BTreeMap, HashSet};

/// The words of the document, to decide whether a hyphen at a line end belongs to the word
/// ("ill-treatment") or only to the layout ("recom-mendations").
pub(crate) struct Vocab {
    /// Lower-case words seen whole inside lines, hyphenated compounds included.
    words: HashSet<String>,
}

/// Prefixes English writes with a hyphen; used only when the document itself does not show
/// the word either way.
const HYPHEN_PREFIXES: [&str; 13] =
    ["non", "self", "ill", "anti", "follow", "cross", "ex", "well", "semi", "quasi", "co", "counter", "so"];

impl Vocab {
    /// Collects the words of the given lines. A word at a line end that ends with a hyphen is
    /// a fragment and is skipped.
    pub(crate) fn new<'a>(lines: impl Iterator<Item = &'a str>) -> Vocab {
        let mut words = HashSet::new();
        for line in lines {
            for token in line.split(' ') {
                if token.ends_with(['-', '\u{2010}', '\u{ad}']) {
                    continue;
                }
                let word = token.trim_matches(|c: char| !c.is_alphanumeric());
                if !word.is_empty() {
                    words.insert(word.to_lowercase());
                }
            }
        }
        Vocab { words }
    }

    /// Whether `head-` at a line end and `tail` at the start of the next line form a
    /// hyphenated word (keep the hyphen) rather than one word broken by the layout.
    pub(crate) fn keep_hyphen(&self, head: &str, tail: &str) -> bool {
        if tail.is_empty() || tail.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            return true;
        }
        let hyphenated = format!("{head}-{tail}").to_lowercase();
        let solid = format!("{head}{tail}").to_lowercase();
        match (self.words.contains(&hyphenated), self.words.contains(&solid)) {
            (true, false) => true,
            (false, true) => false,
            _ => {
                let last = head.rsplit('-').next().unwrap_or(head).to_lowercase();
                HYPHEN_PREFIXES.contains(&last.as_str())
            }
        }
    }

    /// Appends a line to text, mending words split at the line end.
    pub(crate) fn join(&self, text: &mut String, line: &str) {
        join_line(text, line, &|h, t| self.keep_hyphen(h, t));
    }
}

/// A paragraph being built.
#[derive(Debug)]
struct Para {
    /// Its number.
    number: u32,
    /// The subject heading it stands under.
    heading: Option<String>,
    /// Text before the first sub-paragraph.
    lead: String,
    /// Lettered sub-paragraphs so far.
    subs: Vec<CoSubparagraph>,
    /// Footnote texts, in order.
    footnotes: Vec<String>,
    /// Its first line (1-based).
    line: usize,
    /// A sub-paragraph that stopped mid-sentence when the next one began (its end may come
    /// later, as `pdftotext` sometimes writes an item's last line after the next item).
    dangling: Option<usize>,
}

impl Para {
    /// The text new lines continue: the last sub-paragraph's, or the lead's.
    fn target(&mut self) -> &mut String {
        match self.subs.last_mut() {
            Some(s) => &mut s.text,
            None => &mut self.lead,
        }
    }

    /// The letter the next sub-paragraph should have.
    fn next_letter(&self) -> char {
        self.subs.last().and_then(|s| s.letter.chars().next()).and_then(|c| char::from_u32(c as u32 + 1)).unwrap_or('a')
    }
}

/// A section being built.
#[derive(Debug)]
struct Section {
    /// `C`, `III`, or `III.A` for a lettered cluster inside a roman-numbered part.
    label: Option<String>,
    /// Its title.
    title: String,
    /// Its paragraphs.
    paragraphs: Vec<Para>,
}

/// Whether the document numbers its top-level parts with letters or roman numerals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scheme {
    /// `A. Introduction` … (CCPR, CERD and most committees).
    Letters,
    /// `I. Introduction` … with lettered clusters inside (CRC).
    Roman,
}

/// Where a section label would put its section.
#[derive(Debug, Clone, Copy)]
struct Place {
    /// A top-level part (`C`, `III`) rather than a lettered cluster inside a roman part.
    top: bool,
    /// Its position in its sequence (A = 1, III = 3).
    position: u32,
    /// Whether it is the very next label (not one after a gap).
    exact: bool,
}

/// What pass 2 gives back.
#[derive(Debug, Default)]
pub(crate) struct Structure {
    /// The sections with their paragraphs.
    pub sections: Vec<CoSection>,
    /// The line each paragraph starts on, by number.
    pub para_lines: BTreeMap<u32, usize>,
}

/// The state of pass 2.
struct Builder<'a> {
    /// The body lines.
    body: &'a [BodyLine],
    /// The document's words.
    vocab: &'a Vocab,
    /// Finished and current sections.
    sections: Vec<Section>,
    /// The paragraph being built.
    para: Option<Para>,
    /// Lines that may be a subject heading, if a paragraph number follows.
    pending: Vec<usize>,
    /// The current subject heading.
    heading: Option<String>,
    /// The last paragraph number taken.
    last_number: u32,
    /// Letters or roman numerals, once the first section heading shows which.
    scheme: Option<Scheme>,
    /// The last top-level label's position (A = 1, I = 1).
    top: u32,
    /// The roman label of the current part, in the roman scheme.
    top_label: String,
    /// The last cluster letter's position inside the current roman part.
    cluster: u32,
    /// The last numbered group ("1. General principles and obligations (arts. 1–4)") inside
    /// the current section, as the CRPD numbers the parts on Hong Kong, China and Macao, China.
    group: u32,
    /// Whether the last line was a section heading that may continue on the next line.
    section_open: bool,
    /// For each body line, the paragraph its text went to.
    owner: Vec<Option<u32>>,
    /// Lines (headings) waiting for the next paragraph to own them.
    unowned: Vec<usize>,
    /// Problems found.
    warnings: Vec<ImportWarning>,
}

/// Runs pass 2.
pub(crate) fn build(cleaned: &Cleaned, vocab: &Vocab, warnings: &mut Vec<ImportWarning>) -> Structure {
    let mut b = Builder {
        body: &cleaned.body,
        vocab,
        sections: Vec::new(),
        para: None,
        pending: Vec::new(),
        heading: None,
        last_number: 0,
        scheme: None,
        top: 0,
        top_label: String::new(),
        cluster: 0,
        group: 0,
        section_open: false,
        owner: vec![None; cleaned.body.len()],
        unowned: Vec::new(),
        warnings: Vec::new(),
    };
    for i in 0..cleaned.body.len() {
        b.line(i);
    }
    b.finish_pending_at_end();
    b.close_para();
    if !b.unowned.is_empty() {
        let number = b.sections.iter().rev().find_map(|s| s.paragraphs.last()).map(|p| p.number);
        for i in std::mem::take(&mut b.unowned) {
            b.owner[i] = number;
        }
    }
    b.attach_notes(cleaned);
    warnings.append(&mut b.warnings);
    let mut para_lines = BTreeMap::new();
    let sections = b
        .sections
        .into_iter()
        .map(|s| CoSection {
            label: s.label,
            title: s.title,
            paragraphs: s
                .paragraphs
                .into_iter()
                .map(|p| {
                    para_lines.insert(p.number, p.line);
                    CoParagraph {
                        number: p.number,
                        role: None,
                        heading: p.heading,
                        text: p.lead.trim().to_owned(),
                        subparagraphs: p
                            .subs
                            .into_iter()
                            .map(|s| CoSubparagraph { letter: s.letter, text: s.text.trim().to_owned() })
                            .collect(),
                        footnotes: p.footnotes,
                        earlier: Vec::new(),
                    }
                })
                .collect(),
        })
        .collect();
    Structure { sections, para_lines }
}

impl Builder<'_> {
    /// The text of body line `i`.
    fn text(&self, i: usize) -> &str {
        &self.body[i].text
    }

    /// Handles one body line.
    fn line(&mut self, i: usize) {
        let text = self.body[i].text.clone();
        if self.section_open && self.continues_section_title(&text) {
            if let Some(s) = self.sections.last_mut() {
                self.vocab.join(&mut s.title, &text);
            }
            self.unowned.push(i);
            return;
        }
        self.section_open = false;
        if let Some((label, title)) = section_heading(&text)
            && self.try_section(i, label, title)
        {
            return;
        }
        if let Some((n, rest)) = para_start(&text)
            && (self.try_group(i, n, rest) || self.try_paragraph(i, n, rest))
        {
            return;
        }
        if let Some((label, rest)) = item_marker(&text)
            && self.try_item(i, label, rest)
        {
            return;
        }
        self.text_line(i);
    }

    /// Whether a line continues the section title just read: the title is visibly unfinished
    /// (an open bracket, a trailing "and"), or the line starts in lower case.
    fn continues_section_title(&self, line: &str) -> bool {
        let Some(s) = self.sections.last() else { return false };
        if para_start(line).is_some() || item_marker(line).is_some() || section_heading(line).is_some() {
            return false;
        }
        let t = s.title.trim_end();
        let open_bracket = t.matches('(').count() > t.matches(')').count();
        let last_word = t.rsplit(' ').next().unwrap_or("");
        open_bracket
            || t.ends_with([',', '–', '—', '-'])
            || matches!(last_word, "and" | "of" | "the" | "on" | "in" | "for" | "to" | "with")
            || line.starts_with(|c: char| c.is_lowercase())
    }

    /// Takes `label. title` as a section heading if the label is the one expected (or one or two
    /// further on, with a warning, when the layout also says a heading stands here).
    fn try_section(&mut self, i: usize, label: &str, title: &str) -> bool {
        let line = self.body[i].no;
        let settled = self.pending.is_empty() && self.para.as_mut().is_none_or(|p| ends_sentence(p.target()));
        let letter = (label.len() == 1).then(|| u32::from(label.as_bytes()[0] - b'A' + 1));
        let roman = roman_value(label);
        // The label's place if it is the next one (exact), or one or two further on when the
        // text before it is finished.
        let place = |position: Option<u32>, after: u32, top: bool| {
            position.and_then(|p| {
                let d = p.wrapping_sub(after);
                (d == 1 || ((2..=3).contains(&d) && settled)).then_some(Place { top, position: p, exact: d == 1 })
            })
        };
        let (scheme, choice) = match self.scheme {
            None => match label {
                "A" => (Scheme::Letters, Some(Place { top: true, position: 1, exact: true })),
                "I" => (Scheme::Roman, Some(Place { top: true, position: 1, exact: true })),
                _ => (Scheme::Letters, None),
            },
            Some(Scheme::Letters) => (Scheme::Letters, place(letter, self.top, true)),
            Some(Scheme::Roman) => {
                // "I." may be the ninth cluster or the first part: the exact reading wins.
                let cluster = place(letter, self.cluster, false);
                let top = place(roman, self.top, true);
                let choice = match (cluster, top) {
                    (Some(c), _) if c.exact => Some(c),
                    (_, Some(t)) if t.exact => Some(t),
                    (c, t) => c.or(t),
                };
                (Scheme::Roman, choice)
            }
        };
        let Some(Place { top: is_top, position, exact }) = choice else { return false };
        if !settled && !self.body[i].gap_before {
            return false;
        }
        self.scheme = Some(scheme);
        if !exact {
            self.warnings.push(ImportWarning::new(
                line,
                format!("section \"{label}\" does not follow the previous section's label; a section heading may be missing before it"),
            ));
        }
        self.flush_pending();
        self.close_para();
        let full_label = if is_top {
            self.top = position;
            self.cluster = 0;
            self.top_label = label.to_owned();
            label.to_owned()
        } else {
            self.cluster = position;
            format!("{}.{label}", self.top_label)
        };
        self.sections.push(Section { label: Some(full_label), title: title.to_owned(), paragraphs: Vec::new() });
        self.heading = None;
        self.group = 0;
        self.section_open = true;
        self.unowned.push(i);
        true
    }

    /// Takes `n. Title` as a numbered group inside the current section ("2. Specific rights
    /// (arts. 5–30)" under "B. Principal areas of concern and recommendations"), labelled
    /// `IV.B.2`: the number is the next group's, far below the next paragraph's, and the title
    /// reads as a heading after a finished sentence.
    fn try_group(&mut self, i: usize, n: u32, title: &str) -> bool {
        let next_group = n == self.group + 1 && n <= 9;
        let far_below = n + 5 <= self.last_number;
        let heading = starts_like_heading(title)
            && !title.ends_with(['.', ';', ':', ','])
            && title.chars().count() <= 150
            && !title.chars().next().is_some_and(|c| c.is_ascii_digit());
        let settled = self.pending.is_empty() && self.para.as_mut().is_none_or(|p| ends_sentence(p.target()));
        let Some(parent) = self.sections.last().and_then(|s| s.label.clone()) else { return false };
        if !(next_group && far_below && heading && settled) {
            return false;
        }
        // The section the groups belong to: the current one, or the one above the last group.
        let parent =
            if self.group > 0 { parent.rsplit_once('.').map_or(parent.clone(), |(p, _)| p.to_owned()) } else { parent };
        self.close_para();
        self.sections.push(Section {
            label: Some(format!("{parent}.{n}")),
            title: title.to_owned(),
            paragraphs: Vec::new(),
        });
        self.heading = None;
        self.group = n;
        self.section_open = true;
        self.unowned.push(i);
        true
    }

    /// Takes `n. text` as the start of paragraph `n` if `n` is next in turn, or, with a
    /// warning, if the layout says a paragraph starts here although the number is out of turn.
    fn try_paragraph(&mut self, i: usize, n: u32, rest: &str) -> bool {
        let line = self.body[i].no;
        let expected = self.last_number + 1;
        let prev_done = match self.para.as_mut() {
            None => true,
            Some(p) => ends_sentence(p.target()),
        };
        let settled = prev_done || !self.pending.is_empty();
        if n == expected {
            if !settled && let Some(p) = &self.para {
                self.warnings.push(ImportWarning::new(
                    line,
                    format!("paragraph {} does not end with a full stop before paragraph {n} starts", p.number),
                ));
            }
        } else {
            let sentence_like = rest.is_empty() || starts_like_heading(rest);
            let near = (n > expected && n <= expected + 5) || (n < expected && n + 3 >= expected);
            if !(settled && sentence_like && near) {
                if settled && sentence_like {
                    // With no paragraph to continue, the line is reported again below as left
                    // out (or read as a heading): "kept as text" would contradict that.
                    let fate = if self.para.is_some() {
                        "it is kept as text of the paragraph before"
                    } else {
                        "so it is not read as a paragraph"
                    };
                    self.warnings.push(ImportWarning::new(
                        line,
                        format!("this line starts like paragraph {n}, but paragraph {expected} was expected; {fate}"),
                    ));
                }
                return false;
            }
            let message = if n > expected {
                if n == expected + 1 {
                    format!("paragraph {expected} is missing: the numbering jumps from {} to {n}", self.last_number)
                } else {
                    format!(
                        "paragraphs {expected}–{} are missing: the numbering jumps from {} to {n}",
                        n - 1,
                        self.last_number
                    )
                }
            } else {
                format!("paragraph {n} comes again (or out of order) after paragraph {}", self.last_number)
            };
            self.warnings.push(ImportWarning::new(line, message));
        }
        let heading = self.take_heading();
        if heading.is_some() {
            self.heading = heading;
        }
        self.close_para();
        if self.sections.is_empty() {
            self.warnings.push(ImportWarning::new(
                line,
                "paragraphs begin before any section heading; they are put in a section without a title",
            ));
            self.sections.push(Section { label: None, title: String::new(), paragraphs: Vec::new() });
        }
        self.para = Some(Para {
            number: n,
            heading: self.heading.clone(),
            lead: rest.to_owned(),
            subs: Vec::new(),
            footnotes: Vec::new(),
            line,
            dangling: None,
        });
        self.last_number = n;
        for u in std::mem::take(&mut self.unowned) {
            self.owner[u] = Some(n);
        }
        self.owner[i] = Some(n);
        true
    }

    /// Takes `(x) text` as a new lettered sub-paragraph when `x` is the next letter and the text
    /// before it ends where a list item can follow (":", ";", "and" …). Roman items (i), (ii)
    /// inside a sub-paragraph, and markers that break the sequence without support from the
    /// punctuation, stay text.
    fn try_item(&mut self, i: usize, label: &str, rest: &str) -> bool {
        let line = self.body[i].no;
        if self.para.is_none() {
            return false;
        }
        self.flush_pending();
        let Some(p) = self.para.as_mut() else { return false };
        let expected = p.next_letter();
        let open = ends_open_for_item(p.target());
        let mut chars = label.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else { return false };
        // The next letter after an item that stopped mid-sentence: taken when the marker stands
        // where items start (after a gap, with the item's text or nothing after it), with a
        // warning, since the item before it may have lost its end.
        let cut_short = c == expected
            && !open
            && !p.subs.is_empty()
            && self.body[i].gap_before
            && (rest.is_empty() || starts_like_heading(rest));
        let accept = if c == expected && open {
            true
        } else if cut_short {
            let before = p.target().trim_end();
            let tail: String = {
                let words: Vec<&str> = before.rsplit(' ').take(4).collect();
                words.into_iter().rev().collect::<Vec<_>>().join(" ")
            };
            self.warnings.push(ImportWarning::new(
                line,
                format!(
                    "paragraph {}: sub-paragraph ({}) stops mid-sentence (\"… {tail}\") where ({c}) begins; ({c}) was taken as the next sub-paragraph — check the end of ({})",
                    p.number,
                    prev_letter(expected),
                    prev_letter(expected)
                ),
            ));
            p.dangling = Some(p.subs.len() - 1);
            true
        } else if c == expected || is_roman_item(label) {
            false
        } else if open && c > expected && (c as u32) <= expected as u32 + 2 {
            // Before calling it a skip, look for the missing letters inside the text they ran
            // into: a stray character before "(c)" keeps the marker from starting its line, and
            // (c) merges into (b); a short list may be written in the running text of the
            // lead-in.
            let missing: Vec<char> = (expected..c).collect();
            let into =
                if p.subs.is_empty() { "the lead-in".to_string() } else { format!("({})", prev_letter(expected)) };
            match split_merged(p.target(), &missing) {
                Some((kept, items)) => {
                    let first = format!("({})", missing[0]);
                    let at = (0..i).rev().find(|&k| self.body[k].text.contains(&first)).map_or(line, |k| self.body[k].no);
                    let excerpt: String = items[0].1.chars().take(60).collect();
                    let letters = if missing.len() == 1 {
                        format!("sub-paragraph ({})", missing[0])
                    } else {
                        format!("sub-paragraphs ({})–({})", missing[0], missing[missing.len() - 1])
                    };
                    self.warnings.push(ImportWarning::new(
                        at,
                        format!(
                            "paragraph {}: {letters} stood inside {into}, not at a line start (\"… {}{first} {excerpt}…\"); split off there — check",
                            p.number,
                            items[0].0
                        ),
                    ));
                    *p.target() = kept;
                    for ((_, text), letter) in items.into_iter().zip(&missing) {
                        p.subs.push(CoSubparagraph { letter: letter.to_string(), text });
                    }
                }
                None => self.warnings.push(ImportWarning::new(
                    line,
                    format!(
                        "paragraph {}: sub-paragraph ({c}) follows ({}); the lettering skips, and ({}) was not found inside {into}",
                        p.number,
                        prev_letter(expected),
                        expected
                    ),
                )),
            }
            true
        } else if open && c < expected && !p.subs.is_empty() {
            self.warnings.push(ImportWarning::new(
                line,
                format!(
                    "paragraph {}: sub-paragraph ({c}) comes after ({}); the lettering is out of order",
                    p.number,
                    prev_letter(expected)
                ),
            ));
            true
        } else {
            false
        };
        if !accept {
            return false;
        }
        p.subs.push(CoSubparagraph { letter: c.to_string(), text: rest.to_owned() });
        let n = p.number;
        self.owner[i] = Some(n);
        true
    }

    /// A line that is neither a heading nor a number: the continuation of the current text, or
    /// (after a finished sentence) possibly a subject heading.
    fn text_line(&mut self, i: usize) {
        let text = self.text(i).to_owned();
        // A heading has no final stop, except inside a bracket it wraps in: "… punishment (art."
        // then "15)".
        let open_bracket = text.matches('(').count() > text.matches(')').count();
        let heading_like = (!text.ends_with(['.', ';', ',', ':']) || (open_bracket && text.ends_with('.')))
            && text.chars().count() <= 200;
        if !self.pending.is_empty() {
            let total: usize = self.pending.iter().map(|&k| self.text(k).len()).sum::<usize>() + text.len();
            if heading_like && self.pending.len() < 4 && total <= 250 {
                self.pending.push(i);
            } else {
                self.pending.push(i);
                self.flush_pending();
            }
            return;
        }
        match self.para.as_mut() {
            None if heading_like && starts_like_heading(&text) => self.pending.push(i),
            None => self.warnings.push(ImportWarning::new(
                self.body[i].no,
                format!(
                    "this line could not be placed (it stands before any numbered paragraph of its section) and was left out: \"{text}\""
                ),
            )),
            Some(p) => {
                // The lost end of an item that stopped mid-sentence: a line in lower case (or a
                // number) after an item that is itself complete.
                if let Some(k) = p.dangling
                    && k + 1 < p.subs.len()
                    && text.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
                    && p.target().trim_end().ends_with([';', '.'])
                {
                    let letter = p.subs[k].letter.clone();
                    self.vocab.join(&mut p.subs[k].text, &text);
                    p.dangling = None;
                    let n = p.number;
                    self.owner[i] = Some(n);
                    self.warnings.push(ImportWarning::new(
                        self.body[i].no,
                        format!(
                            "paragraph {n}: \"{text}\" stands after a complete sub-paragraph; it was taken as the end of ({letter}), which stopped mid-sentence — check"
                        ),
                    ));
                    return;
                }
                // A heading naming its article ("… before the law (art. 12)") right before a
                // numbered paragraph is one even when the text before it lacks its final stop.
                let article_heading = text.ends_with(')')
                    && ["(art. ", "(arts. ", "(art ", "(artículo", "(artículos"].iter().any(|k| text.contains(k))
                    && self.body.get(i + 1).is_some_and(|next| para_start(&next.text).is_some());
                if heading_like && starts_like_heading(&text) && (ends_sentence(p.target()) || article_heading) {
                    self.pending.push(i);
                } else {
                    self.vocab.join(p.target(), &text);
                    let n = p.number;
                    self.owner[i] = Some(n);
                }
            }
        }
    }

    /// Turns the pending lines into a subject heading, if they are one.
    fn take_heading(&mut self) -> Option<String> {
        if self.pending.is_empty() {
            return None;
        }
        let pending = std::mem::take(&mut self.pending);
        let mut heading = String::new();
        for &k in &pending {
            self.vocab.join(&mut heading, &self.body[k].text);
        }
        self.unowned.extend(pending);
        Some(heading)
    }

    /// The pending lines were not a heading after all: they continue the current text.
    fn flush_pending(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        if pending.is_empty() {
            return;
        }
        match self.para.as_mut() {
            Some(p) => {
                for &k in &pending {
                    self.vocab.join(p.target(), &self.body[k].text);
                    self.owner[k] = Some(p.number);
                }
            }
            None => {
                for &k in &pending {
                    self.warnings.push(ImportWarning::new(
                        self.body[k].no,
                        format!("this line could not be placed (it stands before any numbered paragraph of its section) and was left out: \"{}\"", self.body[k].text),
                    ));
                }
            }
        }
    }

    /// Lines left pending at the end of the document look like a heading with nothing under
    /// it: they are kept as the last paragraph's text, with a warning.
    fn finish_pending_at_end(&mut self) {
        if let (Some(&k), Some(_)) = (self.pending.first(), self.para.as_ref()) {
            self.warnings.push(ImportWarning::new(
                self.body[k].no,
                "text after the last paragraph looks like a heading with no paragraph under it; it is kept at the end of the last paragraph",
            ));
        }
        self.flush_pending();
    }

    /// Moves the current paragraph into the current section.
    fn close_para(&mut self) {
        if let Some(p) = self.para.take() {
            if p.lead.trim().is_empty() && p.subs.is_empty() {
                self.warnings.push(ImportWarning::new(p.line, format!("paragraph {} has no text", p.number)));
            }
            for s in p.subs.iter().filter(|s| s.text.trim().is_empty()) {
                self.warnings.push(ImportWarning::new(
                    p.line,
                    format!("paragraph {}: sub-paragraph ({}) has no text; check the document", p.number, s.letter),
                ));
            }
            if let Some(s) = self.sections.last_mut() {
                s.paragraphs.push(p);
            }
        }
    }

    /// Gives each footnote to the paragraph whose text holds its call (or, without a call,
    /// the paragraph before the footnote text).
    fn attach_notes(&mut self, cleaned: &Cleaned) {
        for note in &cleaned.notes {
            let mut text = String::new();
            for l in &note.lines {
                self.vocab.join(&mut text, l);
            }
            let at = note.call.or(note.after_body.checked_sub(1));
            let owner = at.and_then(|b| self.owner.get(b).copied().flatten());
            let para = owner
                .and_then(|n| self.sections.iter_mut().flat_map(|s| s.paragraphs.iter_mut()).find(|p| p.number == n));
            match para {
                Some(p) => p.footnotes.push(text.trim().to_owned()),
                None => self.warnings.push(ImportWarning::new(
                    note.line,
                    format!(
                        "footnote {} could not be given to a paragraph and was left out: \"{}\"",
                        note.number,
                        text.trim()
                    ),
                )),
            }
        }
    }
}

/// Finds the markers of `letters`, in order, inside `text` (an item or a lead-in that other
/// items ran into), where an item can start: after the end of a clause (";", ".", ":", ", and",
/// "; and") and at most one stray character. Gives the text that stays, and for each letter the
/// stray character before its marker (with a space, or empty) and its text; `None` unless every
/// letter is found.
fn split_merged(text: &str, letters: &[char]) -> Option<(String, Vec<(String, String)>)> {
    let mut cuts: Vec<(usize, usize, String)> = Vec::new(); // (start of stray/marker, end of marker, stray)
    let mut from = 0;
    for l in letters {
        let marker = format!("({l}) ");
        let mut found = None;
        let mut at = from;
        while let Some(k) = text[at..].find(&marker) {
            let m = at + k;
            let before = text[..m].trim_end();
            // At most one stray non-space character (not a digit or a word: "article 4 (c)").
            let (stray, clause) = match before.char_indices().next_back() {
                Some((j, ch)) if !ch.is_alphanumeric() && ![';', '.', ':', ','].contains(&ch) => {
                    (ch.to_string(), before[..j].trim_end())
                }
                _ => (String::new(), before),
            };
            let ends_clause = clause.ends_with([';', '.', ':'])
                || clause.ends_with(" and")
                || clause.ends_with(" et")
                || clause.ends_with(" y");
            if ends_clause {
                found = Some((clause.len(), m + marker.len(), stray));
                break;
            }
            at = m + marker.len();
        }
        let (start, end, stray) = found?;
        cuts.push((start, end, stray));
        from = end;
    }
    let kept = text[..cuts[0].0].trim_end().to_string();
    let mut items = Vec::new();
    for (k, (_, end, stray)) in cuts.iter().enumerate() {
        let stop = cuts.get(k + 1).map_or(text.len(), |c| c.0);
        let shown = if stray.is_empty() { String::new() } else { format!("{stray} ") };
        items.push((shown, text[*end..stop].trim().to_string()));
    }
    Some((kept, items))
}

/// The letter before `c` (for messages).
fn prev_letter(c: char) -> char {
    char::from_u32(c as u32 - 1).filter(char::is_ascii_lowercase).unwrap_or('a')
}
