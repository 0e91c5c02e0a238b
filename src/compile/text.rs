//! Plain text out of a laid-out document, to check content and count the words as printed.
//! (Text out of a PDF file is read by the importer, `import::pdf`, the one PDF reader.)

use typst::layout::{Frame, FrameItem, Point, Transform};
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
pub fn document_text(doc: &PagedDocument) -> String {
    let mut out = String::new();
    for (index, page) in doc.pages().iter().enumerate() {
        if index > 0 {
            out.push_str(PAGE_SEPARATOR);
        }
        let mut walker = TextWalker::default();
        walker.frame(&page.frame, Transform::identity());
        out.push_str(walker.text.trim_end());
    }
    out
}

/// State while collecting the text of one page.
#[derive(Default)]
struct TextWalker {
    /// Text collected so far.
    text: String,
    /// Where the previous run ended, to decide on a separator.
    last: Option<RunEnd>,
}

/// Position of the end of the previous text run, in points on the page.
#[derive(Clone, Copy)]
struct RunEnd {
    /// Baseline of the run.
    y: f64,
    /// Right edge of the run (for left-to-right text).
    end_x: f64,
    /// Font size of the run, the yardstick for "far apart".
    size: f64,
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
                FrameItem::Text(run) => {
                    let origin = pos.transform(ts);
                    let scale = ts.sx.get();
                    let size = run.size.to_pt() * scale;
                    let width = run.width().to_pt() * scale;
                    self.separate(origin, size);
                    self.text.push_str(&run.text);
                    self.last = Some(RunEnd { y: origin.y.to_pt(), end_x: origin.x.to_pt() + width, size });
                }
                FrameItem::Shape(..) | FrameItem::Image(..) | FrameItem::Link(..) | FrameItem::Tag(..) => {}
            }
        }
    }

    /// Adds a line break or space before a run starting at `origin` if the
    /// layout shows one.
    fn separate(&mut self, origin: Point, size: f64) {
        let Some(last) = self.last else { return };
        let yardstick = last.size.max(size);
        let (x, y) = (origin.x.to_pt(), origin.y.to_pt());
        // Superscripts (footnote markers) sit less than an em off the
        // baseline, while the next line is at least one line height down.
        let new_line = (y - last.y).abs() > 0.9 * yardstick || x < last.end_x - 0.5 * yardstick;
        if new_line {
            let kept = self.text.trim_end_matches([' ', '\t']).len();
            self.text.truncate(kept);
            if !self.text.is_empty() && !self.text.ends_with('\n') {
                self.text.push('\n');
            }
        } else if x > last.end_x + 0.1 * yardstick && !self.text.ends_with(char::is_whitespace) {
            self.text.push(' ');
        }
    }
}
