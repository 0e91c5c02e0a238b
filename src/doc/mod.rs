//! The document model: one tree of sections, paragraphs, inline runs, footnotes, lists,
//! tables and quotes, built once from a submission (and its Markdown), that a writer turns
//! into a format.
//!
//! The model holds text as the reader should see it (typographic quotes already chosen,
//! numbers already computed) and nothing of any format: no escaping happens here. Each writer
//! escapes for its own format with one rule set of its own ([`crate::writers::docx`] for Word).
//!
//! Markdown enters the model through one reader, [`markdown::read_markdown`]. Three writers
//! read the model: Typst ([`crate::writers::typst::blocks_to_typst`], whose output the templates
//! place: `templates/report.typ` receives [`crate::report::view::ReportView`] with each field's Typst),
//! HTML ([`crate::writers::html`], the brief's web page) and Word ([`crate::writers::docx`], the whole
//! report and brief as [`Document`]s).

use std::fmt::Write as _;

pub mod image;
pub mod links;
pub mod lower;
pub mod markdown;
pub mod typography;
pub mod word_count;

/// A whole document: what it is about, and its blocks in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Title, authors, language and the running header and footer.
    pub meta: Meta,
    /// The blocks, cover first.
    pub blocks: Vec<Block>,
    /// The bytes of the images the blocks show, by [`Image::virtual_path`].
    pub images: std::collections::BTreeMap<String, Vec<u8>>,
}

/// Document properties and the page furniture.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Meta {
    /// The title (document properties, and the cover's title).
    pub title: String,
    /// The authors (organisation names).
    pub authors: Vec<String>,
    /// The language, as the submission gives it (`en`, `fr`, `es-MX` …).
    pub language: String,
    /// The document date, `YYYY-MM-DD` when known.
    pub date: String,
    /// The running header of every page after the first.
    pub running_header: String,
    /// A mark printed at the right of the running header ("CONFIDENTIAL"), if any.
    pub header_mark: Option<String>,
    /// "DRAFT" on every page, the first one too, while the document is not finished.
    pub draft: Option<String>,
    /// The page footer around the page numbers: ("", " of ", "") for "3 of 12".
    pub page_of: (String, String, String),
    /// Whether the body's paragraphs are numbered (the UPR asks for it).
    pub numbered_paragraphs: bool,
    /// Whether sections and sub-sections are numbered (1, 1.1): a report's are, a brief's (an
    /// article) are not, in every format.
    pub numbered_headings: bool,
    /// Paper size: true for A4, false for US Letter.
    pub a4: bool,
    /// What a footnote citing the same source as the note just before says ("Ibid.").
    pub ibid: String,
    /// The words between a short citation and the number of the note with the full one, and
    /// after that number, in the document's language: (", above n\u{a0}", ".").
    pub above: (String, String),
    /// What an annex is called ("Annex", "Annexe"): "Annex I: Title".
    pub annex: String,
    /// The colon as the language writes it (": ", " : " in French).
    pub colon: String,
}

/// A block of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading. Levels 1 and 2 are numbered (1, 1.1) and listed in the contents.
    Heading {
        /// 1 for a section, 2 for a sub-section, 3 and deeper unnumbered.
        level: u8,
        /// What links point to ([`Inline::Internal`]), if anything does.
        anchor: Option<String>,
        /// The heading's text.
        content: Vec<Inline>,
    },
    /// A paragraph.
    Paragraph {
        /// Its role, which the writer maps to a style.
        style: ParaStyle,
        /// Its text.
        content: Vec<Inline>,
    },
    /// A bulleted or numbered list; each item is a list of blocks (a task item's first
    /// paragraph starts with its box, ☐ or ☑).
    List {
        /// Numbered from `start`, or bulleted (`None`).
        start: Option<u64>,
        /// The items.
        items: Vec<Vec<Block>>,
        /// Whether the items are close together (Markdown's tight list).
        tight: bool,
        /// Whether the numbers are written `1)` rather than `1.`.
        paren: bool,
    },
    /// A table: an optional header row (repeated on every page) and body rows, each cell a
    /// list of blocks.
    Table {
        /// The header row.
        header: Option<Vec<Vec<Block>>>,
        /// The body rows; every row has as many cells as the table has columns.
        rows: Vec<Vec<Vec<Block>>>,
        /// Relative column widths (weights), one per column; 0: as narrow as the content
        /// allows; empty: equal widths.
        widths: Vec<u32>,
        /// How each column is aligned, one per column (Markdown tables); empty: as the writer
        /// likes.
        align: Vec<Align>,
        /// The caption (Markdown's `Table: …` paragraph): a numbered table.
        caption: Option<Vec<Inline>>,
    },
    /// A block quotation.
    Quote(Vec<Block>),
    /// Preformatted text, shown as written.
    Code {
        /// The language named after the opening fence (```` ```python ````), if any.
        lang: Option<String>,
        /// The text, without its last line end.
        text: String,
    },
    /// An image set apart: numbered and listed when it has a caption.
    Figure {
        /// The image.
        image: Image,
        /// Its caption (the Markdown image's title).
        caption: Option<Vec<Inline>>,
    },
    /// A horizontal rule between parts of the text.
    Rule,
    /// A recommendation, numbered across the report ("R3").
    Recommendation {
        /// Its number as printed: "R3".
        label: String,
        /// What links to it point to.
        anchor: Option<String>,
        /// Its text.
        content: Vec<Inline>,
    },
    /// The table of contents, with its heading: filled in from the headings of levels 1–2.
    Contents {
        /// "Contents".
        title: String,
    },
    /// The end of the cover: what follows starts a new page.
    PageBreak,
    /// A report's cover page (it ends the page: what follows starts a new one).
    Cover(Box<Cover>),
    /// The list of the document's figures, or of its tables, under a title (after the
    /// contents): filled in from the captions.
    ListOf {
        /// "List of figures".
        title: String,
        /// Which.
        what: Listed,
    },
    /// Terms and what each stands for (the abbreviations), under a title of its own, listed
    /// in the contents.
    Glossary {
        /// "Abbreviations".
        title: String,
        /// Each term and its expansion.
        entries: Vec<(Vec<Inline>, Vec<Inline>)>,
    },
    /// The list of sources: numbered entries (the first few kept together).
    Sources(Vec<Vec<Inline>>),
    /// An annex, numbered I, II …: its title a level-1 heading ("Annex II: Title") on a page
    /// of its own, its figures and tables numbered within it ("Table II.1").
    Annex {
        /// 1 for the first annex.
        number: usize,
        /// Its title.
        title: Vec<Inline>,
        /// What links to it point to.
        anchor: Option<String>,
        /// Its content.
        blocks: Vec<Block>,
    },
}

/// What a [`Block::ListOf`] lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listed {
    /// The figures with a caption.
    Figures,
    /// The tables with a caption.
    Tables,
}

/// A report's cover page: what it says, line by line (each writer lays it out).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cover {
    /// "Submission to the Human Rights Committee".
    pub kicker: String,
    /// "144th session, 23 June – 25 July 2025".
    pub session: String,
    /// The State under review.
    pub state: String,
    /// The title.
    pub title: String,
    /// The subtitle, if any.
    pub subtitle: Option<String>,
    /// Which stage of the review the report is for.
    pub stage: String,
    /// "Submitted by".
    pub submitted_by: String,
    /// The organisations' names.
    pub organisations: Vec<String>,
    /// The organisations' logos that have one: the image and its description.
    pub logos: Vec<Image>,
    /// The date, as printed.
    pub date: String,
    /// The statement on publication (or confidentiality).
    pub statement: String,
    /// Whether the report is the confidential version (the statement is set apart in red).
    pub confidential: bool,
}

/// How a table column is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// As the writer likes (left for text).
    Auto,
    /// Where lines start: left, or right in a language written right to left.
    Start,
    /// Where lines end: right, or left in a language written right to left (numbers).
    End,
    /// Left.
    Left,
    /// Centred.
    Center,
    /// Right (numbers).
    Right,
}

/// An image of the submission folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// The path as written in the Markdown, relative to the submission folder.
    pub path: String,
    /// The name writers know the file by ([`crate::doc::image::virtual_path`]).
    pub virtual_path: String,
    /// The description (alt text), on one line.
    pub alt: String,
}

/// What a cross-reference without text of its own prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefTo {
    /// A finding: "Section 5, *title*".
    Finding(Vec<Inline>),
    /// A finding, short (a column of a table): "5 title".
    FindingShort(Vec<Inline>),
    /// An annex: "Annex II, *title*".
    Annex(Vec<Inline>),
    /// A recommendation: "R5".
    Recommendation(usize),
    /// A recommendation's number in the first column of the consolidated list: "R5". Word
    /// links it to the recommendation; the PDF prints the number alone (a
    /// Typst link in each of a long list's rows took 145 MB more for 980 recommendations,
    /// past the memory budget, where main's PDF never linked them).
    ListedRecommendation(usize),
}

/// The role of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParaStyle {
    /// Running text.
    Normal,
    /// The document's title, on the cover.
    Title,
    /// The subtitle, on the cover.
    Subtitle,
    /// The other lines of the cover (committee, session, State, date, statement).
    Cover,
    /// A small heading inside a section ("Recommendations", an organisation's name): not in
    /// the contents, not numbered.
    Minor,
    /// A line about what follows (an organisation's address).
    Aside,
    /// The treaty articles a finding concerns, under its heading.
    Articles,
    /// A finding's references to earlier concluding observations, one per line.
    Previous,
    /// A table's caption.
    Caption,
    /// Running text that introduces the list after it ("We recommend that the State party:"):
    /// it never ends a page apart from the list (see [`mark_lead_ins`]).
    LeadIn,
    /// The title of a part that is not a numbered section (the abbreviations, an annex): a
    /// level-1 entry of the outline and the contents, without a number.
    Part,
}

/// The one rule for every writer that keeps a lead-in with what it introduces: a paragraph of
/// running text that ends with a colon (":" or the full-width "：") and is followed by a list
/// or a quotation becomes a [`ParaStyle::LeadIn`]. The PDF keeps it on the page of the list's first items, the
/// Word document keeps it with the next paragraph, the web page avoids a break after it.
pub fn mark_lead_ins(blocks: &mut [Block]) {
    for i in 1..blocks.len() {
        let (before, after) = blocks.split_at_mut(i);
        if let (
            Block::Paragraph { style: style @ ParaStyle::Normal, content },
            Some(Block::List { .. } | Block::Quote(_)),
        ) = (&mut before[i - 1], after.first())
            && last_char(content).is_some_and(|c| matches!(c, ':' | '：'))
        {
            *style = ParaStyle::LeadIn;
        }
    }
}

/// The last character of some inline text that is not whitespace, looking inside emphasis.
fn last_char(inlines: &[Inline]) -> Option<char> {
    inlines.iter().rev().find_map(|i| match i {
        Inline::Text(t) => t.trim_end().chars().next_back(),
        Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => last_char(c),
        _ => None,
    })
}

/// An inline run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Text, exactly as shown.
    Text(String),
    /// Emphasis (italics).
    Emph(Vec<Inline>),
    /// Strong emphasis (bold).
    Strong(Vec<Inline>),
    /// Struck-through text.
    Strike(Vec<Inline>),
    /// Code, shown as written in a monospaced font.
    Code(String),
    /// A link to a web or mail address.
    Link {
        /// The address (already allowed by [`crate::doc::links::link_allowed`]).
        url: String,
        /// The link's text; empty: the address shows as itself.
        content: Vec<Inline>,
    },
    /// A cross-reference without text of its own, to a heading or recommendation
    /// ([`Block::Heading::anchor`] or [`Block::Recommendation::anchor`]): the writer prints
    /// its number and title.
    CrossRef {
        /// The anchor (label) it points to.
        target: String,
        /// What it prints.
        to: RefTo,
    },
    /// An image inside a line of text, one line high.
    Image(Image),
    /// A link to a place in the document ([`Block::Heading::anchor`] or
    /// [`Block::Recommendation::anchor`]).
    Internal {
        /// The anchor.
        target: String,
        /// The link's text.
        content: Vec<Inline>,
    },
    /// A footnote, written where it is referenced. A footnote referenced more than once has a
    /// key, the same at each reference: the writer prints it once and refers to its number.
    Note {
        /// Set when the same footnote is referenced again elsewhere.
        key: Option<String>,
        /// The footnote's text.
        content: Vec<Block>,
    },
    /// A footnote citing a source, when later citations are short: the writer prints `full`
    /// the first time, [`Meta::ibid`] when the note just before cites the same source, and
    /// otherwise `short` with [`Meta::above`] and the number of the first note.
    SourceNote {
        /// The source's id.
        id: String,
        /// The full citation.
        full: Vec<Inline>,
        /// The short form.
        short: Vec<Inline>,
    },
    /// A line break inside a paragraph.
    LineBreak,
    /// A line end in the source text: a space where the writer's format has none (Word), a
    /// line end where it is just white space (Typst, HTML).
    SoftBreak,
}

impl Inline {
    /// Whether it is a footnote mark. Two side by side would read as one number ("12"), so
    /// every writer puts a superscript comma between them ("1,2").
    pub fn is_note(&self) -> bool {
        matches!(self, Inline::Note { .. } | Inline::SourceNote { .. })
    }
}

impl Inline {
    /// Text as an inline run.
    pub fn text(text: impl Into<String>) -> Inline {
        Inline::Text(text.into())
    }
}

/// The visible text of inline runs, footnotes left out (for the contents, bookmarks and
/// tests).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain(inlines, &mut out);
    out
}

fn push_plain(inlines: &[Inline], out: &mut String) {
    for i in inlines {
        match i {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => push_plain(c, out),
            Inline::Link { url, content } if content.is_empty() => out.push_str(url),
            Inline::Link { content, .. } | Inline::Internal { content, .. } => push_plain(content, out),
            Inline::CrossRef { to: RefTo::Finding(t) | RefTo::FindingShort(t) | RefTo::Annex(t), .. } => {
                push_plain(t, out);
            }
            Inline::CrossRef { to: RefTo::Recommendation(n) | RefTo::ListedRecommendation(n), .. } => {
                let _ = write!(out, "R{n}");
            }
            Inline::Image(image) => out.push_str(&image.alt),
            Inline::LineBreak | Inline::SoftBreak => out.push(' '),
            Inline::Note { .. } | Inline::SourceNote { .. } => {}
        }
    }
}
