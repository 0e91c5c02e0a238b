//! Plain text out of a laid-out document, to check content and count the words as printed.
//! (Text out of a PDF file is read by the importer, `import::pdf`, the one PDF reader.)

use typst::layout::{Dir, Frame, FrameItem, Transform};
use typst_layout::PagedDocument;

/// Separator between pages in [`document_text`]: a form feed on its own line.
pub const PAGE_SEPARATOR: &str = "\n\u{c}\n";

/// Plain text of the laid-out document in reading order.
///
/// Walks each page's frames (groups recursively) and joins the text runs.
/// Runs on the same line are joined directly, or with a space when there is
/// a visible gap between them (table cells, justified spacing across style
/// changes); a run that starts lower on the page or further left starts a new
/// line. Pages are separated by [`PAGE_SEPARATOR`] (`"\n\f\n"`).
///
/// A line of right-to-left text (Arabic) is given in logical order, the order it is read and
/// typed, not in the order it is drawn: Typst places a line's runs from left to right, so the
/// runs of a right-to-left line are read back from right to left, with each stretch of
/// left-to-right runs inside it (a symbol, a number, a Latin name) kept in its own order.
pub fn document_text(doc: &PagedDocument) -> String {
    let mut out = String::new();
    for (index, page) in doc.pages().iter().enumerate() {
        if index > 0 {
            out.push_str(PAGE_SEPARATOR);
        }
        let mut walker = TextWalker::default();
        walker.frame(&page.frame, Transform::identity());
        walker.end_line();
        out.push_str(walker.text.trim_end());
    }
    out
}

/// State while collecting the text of one page.
#[derive(Default)]
struct TextWalker {
    /// Text of the lines finished so far.
    text: String,
    /// The runs of the current line, as drawn (left to right).
    line: Vec<Run>,
}

/// A text run placed on the page, in points.
struct Run {
    /// Its text, in logical order.
    text: String,
    /// Left edge.
    x: f64,
    /// Right edge.
    end_x: f64,
    /// Baseline.
    y: f64,
    /// Font size, the yardstick for "far apart".
    size: f64,
    /// Whether its language is written right to left.
    rtl: bool,
}

/// Which way a run's own characters go.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Way {
    /// Arabic or Hebrew letters.
    Rtl,
    /// Latin (and other left-to-right) letters, perhaps with digits.
    Ltr,
    /// Digits only: laid out left to right, and part of the left-to-right text they follow
    /// (a Latin name and its number), or on their own inside right-to-left text.
    Number,
    /// Only spaces and punctuation: it goes the way of its neighbours.
    Neutral,
}

fn way(text: &str) -> Way {
    let rtl = |c: char| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}');
    if text.chars().any(rtl) {
        Way::Rtl
    } else if text.chars().any(char::is_alphabetic) {
        Way::Ltr
    } else if text.chars().any(|c| c.is_ascii_digit()) {
        Way::Number
    } else {
        Way::Neutral
    }
}

impl TextWalker {
    /// Collects the text of `frame`, placed on the page by `ts`.
    fn frame(&mut self, frame: &Frame, ts: Transform) {
        for (pos, item) in frame.items() {
            match item {
                FrameItem::Group(group) => {
                    let inner = ts.pre_concat(Transform::translate(pos.x, pos.y)).pre_concat(group.transform);
                    self.frame(&group.frame, inner);
                }
                FrameItem::Text(item) => {
                    let origin = pos.transform(ts);
                    let scale = ts.sx.get();
                    let size = item.size.to_pt() * scale;
                    let (x, y) = (origin.x.to_pt(), origin.y.to_pt());
                    let run = Run {
                        text: item.text.to_string(),
                        x,
                        end_x: x + item.width().to_pt() * scale,
                        y,
                        size,
                        rtl: item.lang.dir() == Dir::RTL,
                    };
                    if self.line.last().is_some_and(|last| starts_a_line(last, &run)) {
                        self.end_line();
                    }
                    self.line.push(run);
                }
                FrameItem::Shape(..) | FrameItem::Image(..) | FrameItem::Link(..) | FrameItem::Tag(..) => {}
            }
        }
    }

    /// Writes out the current line, in logical order, and starts a new one.
    fn end_line(&mut self) {
        if self.line.is_empty() {
            return;
        }
        let kept = self.text.trim_end_matches([' ', '\t']).len();
        self.text.truncate(kept);
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        // As drawn, left to right, whatever order Typst gave the runs in.
        self.line.sort_by(|a, b| a.x.total_cmp(&b.x));
        let order = logical_order(&self.line);
        for (i, &at) in order.iter().enumerate() {
            let run = &self.line[at];
            if i > 0 && apart(&self.line[order[i - 1]], run) && !self.text.ends_with(char::is_whitespace) {
                self.text.push(' ');
            }
            self.text.push_str(&run.text);
        }
        self.line.clear();
    }
}

/// Whether `run` starts a new line after `last`: it is lower or higher on the page (superscripts
/// such as footnote markers sit less than an em off the baseline, while the next line is at
/// least one line height down), or, in left-to-right text, it starts left of where `last`
/// ended. (Typst gives a right-to-left line's runs from the right.)
fn starts_a_line(last: &Run, run: &Run) -> bool {
    let yardstick = last.size.max(run.size);
    (run.y - last.y).abs() > 0.9 * yardstick || (!last.rtl && !run.rtl && run.x < last.end_x - 0.5 * yardstick)
}

/// Whether two runs of a line have a visible gap between them (which way round they are drawn).
fn apart(a: &Run, b: &Run) -> bool {
    let yardstick = a.size.max(b.size);
    b.x > a.end_x + 0.1 * yardstick || a.x > b.end_x + 0.1 * yardstick
}

/// The order in which a line's runs (given as drawn, left to right) are read. A left-to-right
/// line is read as drawn. A line in a right-to-left language that holds right-to-left letters
/// is read from the right, each stretch of left-to-right runs read from its left, with the
/// bidirectional algorithm's rules for what belongs to a stretch, as far as the drawing tells
/// them: digits after Latin text belong to it (else they stand alone), and spaces and
/// punctuation belong to it only between two of its runs.
fn logical_order(line: &[Run]) -> Vec<usize> {
    let drawn: Vec<usize> = (0..line.len()).collect();
    let mut ways: Vec<Way> = line.iter().map(|r| way(&r.text)).collect();
    if !line.iter().any(|r| r.rtl) || !ways.contains(&Way::Rtl) {
        return drawn;
    }
    // Digits drawn right against left-to-right text continue it ("report-2024", "Article 12");
    // after punctuation or anything right to left they stand alone ("، 2025. https://…").
    for i in 1..ways.len() {
        if ways[i] == Way::Number && ways[i - 1] == Way::Ltr {
            ways[i] = Way::Ltr;
        }
    }
    // A neutral run between two left-to-right ones belongs to their stretch; digits standing
    // alone count as right to left here.
    let ltr: Vec<bool> = (0..line.len())
        .map(|i| match ways[i] {
            Way::Ltr => true,
            Way::Rtl | Way::Number => false,
            Way::Neutral => {
                let before = ways[..i].iter().rev().find(|w| **w != Way::Neutral);
                let after = ways[i + 1..].iter().find(|w| **w != Way::Neutral);
                before == Some(&Way::Ltr) && after == Some(&Way::Ltr)
            }
        })
        .collect();
    let mut order = Vec::with_capacity(line.len());
    let mut i = line.len();
    while i > 0 {
        if ltr[i - 1] {
            let end = i;
            while i > 0 && ltr[i - 1] {
                i -= 1;
            }
            order.extend(i..end);
        } else {
            i -= 1;
            order.push(i);
        }
    }
    order
}
