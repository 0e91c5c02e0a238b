//! Lines that run past the right margin.
//!
//! Typst breaks lines where it can (spaces, hyphenation) and lets a word it cannot break
//! stick out into the margin without a word. This walks the laid-out pages and reports
//! every text run that ends beyond the area it was laid out in, with the longest word of
//! the run: the word that did not fit.

use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst_layout::PagedDocument;

/// A text run that sticks out of its area.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Overfull {
    /// 1-based page number.
    pub page: usize,
    /// The longest word of the run: the one that could not be broken.
    pub word: String,
    /// How far it sticks out, in points.
    pub by_pt: f64,
}

/// Sticking out by less than this many points is rounding, not a problem.
const TOLERANCE_PT: f64 = 1.0;

/// Every run of text that ends beyond the right edge of the area it was laid out in.
///
/// A page's frame holds the body, the header and the footer as groups, each as wide as its
/// area between the margins; a run inside one of them that ends further right than the
/// group is wide runs into the margin.
pub fn overfull_lines(doc: &PagedDocument) -> Vec<Overfull> {
    let mut out = Vec::new();
    for (i, page) in doc.pages().iter().enumerate() {
        for (pos, item) in page.frame.items() {
            if let FrameItem::Group(group) = item {
                let ts = Transform::translate(pos.x, pos.y).pre_concat(group.transform);
                let right = Point::with_x(group.frame.width()).transform(ts).x;
                walk(&group.frame, ts, right, i + 1, &mut out);
            }
        }
    }
    out
}

/// Collects the runs of `frame` (placed by `ts`) that end beyond `right`.
fn walk(frame: &Frame, ts: Transform, right: Abs, page: usize, out: &mut Vec<Overfull>) {
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(group) => {
                let inner = ts.pre_concat(Transform::translate(pos.x, pos.y)).pre_concat(group.transform);
                walk(&group.frame, inner, right, page, out);
            }
            FrameItem::Text(text) => {
                // A line's run ends with the space before the break, and Typst hangs a final
                // hyphen or punctuation mark partly into the margin (optical margin
                // alignment): neither is a word that did not fit.
                let hanging = line_end_allowance(text);
                let end = Point::new(pos.x + text.width() - hanging, pos.y).transform(ts).x;
                if end > right + Abs::pt(TOLERANCE_PT) {
                    let word = text.text.split_whitespace().max_by_key(|w| w.chars().count()).unwrap_or("").to_owned();
                    if !word.is_empty() && !out.iter().any(|o: &Overfull| o.page == page && o.word == word) {
                        out.push(Overfull { page, word, by_pt: (end - right).to_pt() });
                    }
                }
            }
            _ => {}
        }
    }
}

/// The width at the end of a run that may stand in the margin: trailing spaces, then one
/// hyphen or punctuation mark.
fn line_end_allowance(text: &typst::text::TextItem) -> Abs {
    let mut allowance = Abs::zero();
    let mut glyphs = text.glyphs.iter().rev().peekable();
    let char_of = |g: &typst::text::Glyph| text.text.get(g.range()).unwrap_or("").to_owned();
    while let Some(g) = glyphs.peek() {
        if char_of(g).chars().all(char::is_whitespace) {
            allowance += g.x_advance.at(text.size);
            glyphs.next();
        } else {
            break;
        }
    }
    if let Some(g) = glyphs.next() {
        let c = char_of(g);
        if c.chars().all(|c| c == '\u{ad}' || c.is_ascii_punctuation() || "‐–—’”»›…".contains(c)) && !c.is_empty()
        {
            allowance += g.x_advance.at(text.size);
        }
    }
    allowance
}
