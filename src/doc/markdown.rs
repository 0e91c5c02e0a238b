//! The one Markdown reader: GitHub-flavoured Markdown (parsed by comrak) into the document
//! model, with everything the writers need and everything `check` reports.
//!
//! Every Markdown field of a submission is read here once, by [`read_markdown`]: the blocks
//! and inline runs ([`super::Block`], [`super::Inline`]) with footnotes resolved against the
//! sources, cross-references resolved against the report's findings, recommendations and
//! annexes, images checked and given a virtual path, tables with their alignment and
//! caption; and, from the same walk, the words counted ([`WordCount`]) and the problems found
//! ([`MarkupProblem`], located at the Markdown's line and column). The Typst writer
//! ([`crate::writers::typst::markdown_to_typst`]), the HTML writer ([`crate::writers::html`]) and the
//! Word writer ([`crate::writers::docx`]) all write from what this gives.
//!
//! Text in the model is as the reader sees it: the language's quotation marks are chosen
//! here ([`crate::doc::typography::typographic_quotes`]), from the character before each quote (across
//! emphasis and links), and nothing is escaped. Raw HTML and the description of an image that
//! cannot be a figure are kept as typed, quotes included.
//!
//! Known limits:
//!
//! - Source ids are matched like Markdown footnote labels, i.e. case-insensitively; two source
//!   ids that differ only in case cannot both be cited (the later one wins). Ids containing
//!   characters other than letters, digits and `- _ . : / +` cannot be cited with `[^id]`.
//! - Word counts of source citations are the citation's visible text, without the addresses
//!   of links shown as themselves (see [`WordCount::footnotes`]); Chinese and Japanese count
//!   one word per character ([`count_words`]).
//! - Raw HTML is shown as text, and reported. Images become figures only with
//!   [`MarkdownOptions::figures`] (the report); elsewhere (the brief) they are shown as their
//!   description, with a warning. Cross-references `[](#id)` resolve only with
//!   [`MarkdownOptions::targets`].

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;

use comrak::nodes::{AstNode, LineColumn, ListDelimType, ListType, NodeValue, TableAlignment};
use comrak::{Arena, Options, parse_document};

use super::{Align, Block, Image, Inline, ParaStyle, RefTo};
use crate::doc::links::link_allowed;
use crate::doc::typography::{Quotes, typographic_quotes};
use crate::doc::word_count::count_words;

/// How [`read_markdown`] reads one Markdown field.
///
/// Build it with [`MarkdownOptions::new`] and the `with_*` methods, or as a struct literal.
#[derive(Debug, Clone, Copy)]
pub struct MarkdownOptions<'a> {
    /// Added to Markdown heading levels (so `#` inside a finding body becomes a level
    /// `heading_offset + 1` heading). It may be negative, to lift a text whose headings start
    /// at `###`; levels never go below 1.
    pub heading_offset: isize,
    /// Known sources: id -> the citation, as inline runs (see [`citation_inlines`]). A footnote
    /// reference `[^id]` with no definition in the Markdown but with a source of that id
    /// becomes a footnote containing the citation. A definition in the Markdown takes
    /// precedence over a source with the same id.
    pub sources: &'a BTreeMap<String, Vec<Inline>>,
    /// Makes the keys of footnotes referenced more than once ([`Inline::Note::key`]) unique
    /// between Markdown fields of one document.
    ///
    /// The key is `amicus-fn-` followed by a 64-bit hash of this prefix, the whole Markdown
    /// text and the footnote name (the Typst writer uses it as the footnote's label). With an
    /// empty prefix, two fields of one document clash only if their Markdown is byte-identical
    /// and repeats a footnote. Passing the field's path (e.g. `findings[3].body`) rules even
    /// that out.
    pub label_prefix: &'a str,
    /// The quotation marks and apostrophe that straight `"` and `'` in the text become
    /// ([`Quotes::for_language`]); [`Quotes::LITERAL`] keeps them as typed.
    pub quotes: Quotes,
    /// Short forms of the sources, when later citations are to be short. Each reference to a
    /// source is then an [`Inline::SourceNote`], which writers print in full the first time,
    /// then as the short form with the number of the first note, or "Ibid." after a note
    /// citing the same source. Without them, a source is cited in full every time.
    pub short_sources: Option<&'a BTreeMap<String, Vec<Inline>>>,
    /// What a cross-reference `[](#id)` may point to, by id (findings, recommendations,
    /// annexes). `None`: a link to `#…` is shown as its text, with a warning, as any link
    /// that is not a web address.
    pub targets: Option<&'a BTreeMap<String, XrefTarget>>,
    /// Whether images become figures (`![alt](file "caption")`): each gets a virtual file name
    /// ([`ImageUse::virtual_path`]) that the caller reads from the submission folder and
    /// serves to the writer. Off: an image is shown as its description, with a warning.
    pub figures: bool,
}

/// What a cross-reference `[](#id)` points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XrefTarget {
    /// A finding: the label of its heading and its title (plain text). Printed as
    /// "Section 5, *Title*", a link to the heading.
    Finding {
        /// The heading's label, e.g. `finding-detention`.
        label: String,
        /// The finding's title.
        title: String,
    },
    /// A recommendation: its label and number. Printed as "R5", a link to it.
    Recommendation {
        /// The recommendation's label, e.g. `rec-publish-statistics`.
        label: String,
        /// Its number across the report.
        number: usize,
    },
    /// An annex: the label of its heading and its title. Printed as "Annex II, *Title*".
    Annex {
        /// The heading's label, e.g. `annex-methodology`.
        label: String,
        /// The annex's title.
        title: String,
    },
    /// A finding or recommendation that this version of the report leaves out (marked
    /// confidential): citing it is an error that says so.
    Withheld,
}

/// An image read as a figure (with [`MarkdownOptions::figures`]): the caller reads `path`
/// inside the submission folder and serves its bytes at `virtual_path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageUse {
    /// The path as written in the Markdown.
    pub path: String,
    /// The file name writers know it by, e.g. `/images/9c1e…`: made by Amicus, never the
    /// user's path.
    pub virtual_path: String,
    /// 1-based line of the image in the Markdown.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
}

impl<'a> MarkdownOptions<'a> {
    /// Options with no heading offset and no label prefix.
    pub fn new(sources: &'a BTreeMap<String, Vec<Inline>>) -> Self {
        Self {
            heading_offset: 0,
            sources,
            label_prefix: "",
            quotes: Quotes::ENGLISH,
            short_sources: None,
            targets: None,
            figures: false,
        }
    }

    /// Sets [`MarkdownOptions::targets`].
    #[must_use]
    pub fn with_targets(mut self, targets: &'a BTreeMap<String, XrefTarget>) -> Self {
        self.targets = Some(targets);
        self
    }

    /// Sets [`MarkdownOptions::figures`].
    #[must_use]
    pub fn with_figures(mut self, figures: bool) -> Self {
        self.figures = figures;
        self
    }

    /// Sets [`MarkdownOptions::short_sources`].
    #[must_use]
    pub fn with_short_sources(mut self, short_sources: &'a BTreeMap<String, Vec<Inline>>) -> Self {
        self.short_sources = Some(short_sources);
        self
    }

    /// Sets [`MarkdownOptions::quotes`].
    #[must_use]
    pub fn with_quotes(mut self, quotes: Quotes) -> Self {
        self.quotes = quotes;
        self
    }

    /// Sets [`MarkdownOptions::heading_offset`].
    #[must_use]
    pub fn with_heading_offset(mut self, heading_offset: isize) -> Self {
        self.heading_offset = heading_offset;
        self
    }

    /// Sets [`MarkdownOptions::label_prefix`].
    #[must_use]
    pub fn with_label_prefix(mut self, label_prefix: &'a str) -> Self {
        self.label_prefix = label_prefix;
        self
    }
}

/// What [`read_markdown`] gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read {
    /// The blocks, in order.
    pub blocks: Vec<Block>,
    /// Source ids referenced via `[^id]`.
    pub used_sources: BTreeSet<String>,
    /// Words of body text vs. footnote text.
    pub words: WordCount,
    /// Things the author should fix, in source order. The blocks are usable regardless.
    pub problems: Vec<MarkupProblem>,
    /// The images read as figures, in order (with [`MarkdownOptions::figures`]).
    pub images: Vec<ImageUse>,
    /// Figures with a caption (numbered).
    pub figures: usize,
    /// Tables with a caption (numbered).
    pub tables: usize,
    /// Where the elements Typst takes longest to lay out are, for the submission's budgets.
    pub heavy: Heavy,
    /// Each emphasis (`*…*` or `_…_`) of the text, with the emphasis as typed (its marks and
    /// its words, e.g. `*残疾人权利公约*`): Chinese has no italics, so a Chinese submission is
    /// told that a title there goes between 《》.
    pub emphases: Vec<(LineColumn, String)>,
}

/// Where the elements whose layout costs most are in one Markdown field, for the budgets of
/// [`crate::load::budget`]: footnote references (each a footnote), headings, and tables
/// with their number of cells and columns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Heavy {
    /// Each footnote reference.
    pub notes: Vec<LineColumn>,
    /// Each heading.
    pub headings: Vec<LineColumn>,
    /// Each table, with its cells and its columns.
    pub tables: Vec<(LineColumn, usize, usize)>,
    /// Each inline element other than text: emphasis, links, code, HTML, footnotes.
    pub marks: Vec<LineColumn>,
    /// Each paragraph (heading, table cell, HTML block) with its punctuation marks and line
    /// breaks ([`paragraph_pieces`]): Typst lays out each as an element of its own.
    pub pieces: Vec<(LineColumn, usize)>,
    /// Each block (paragraph, heading, quote, list, code block …) with its weight: 1, or its
    /// lines for a code block.
    pub blocks: Vec<(LineColumn, usize)>,
    /// Each list item.
    pub items: Vec<LineColumn>,
}

/// The most lines one code block may have: Typst lays a code block out as a whole, in time
/// growing with the square of its lines (4,000 lines of `< a` took 1.4 s, 20,000 took 27 s,
/// 50,000 took 114 s; debug build). A report quotes a few lines of a law, not a program.
pub const MAX_CODE_LINES: usize = 2_000;

/// The longest paragraph (or heading, table cell, HTML block) Markdown may hold, in
/// characters of its text: Typst lays a paragraph out as a whole, and finding where each
/// glyph came from scans the paragraph's elements from its start, so the time grows with
/// the square of a paragraph's length. One paragraph of 200,000 characters with a `<` every
/// three took 17 s (debug build); 20,000 characters take at most half a second. The longest
/// paragraph of the real concluding observations in `tests/fixtures/real-co` has 4,155
/// characters; a long paragraph of a report, a few hundred words.
pub const MAX_PARAGRAPH_CHARS: usize = 20_000;

/// The longest heading, in characters: a heading is laid out again in the contents and the
/// PDF's outline, until the pages settle, so it costs far more than a paragraph of its length
/// (one heading of 5,000 characters of `< ` took 3 s, nine of 20,000 took 104 s; 190 of 1,000,
/// at the punctuation budget, 12 s on a loaded machine; debug build). A long heading has a
/// hundred characters.
pub const MAX_HEADING_CHARS: usize = 1_000;

/// The most inline elements other than text (emphasis, links, code, notes) one paragraph
/// may hold: Typst's line breaking tries lines over a paragraph's elements, and its time
/// grows with the square of their number in one paragraph (inline code spans: 1,000 in one
/// paragraph 0.45 s, 4,000 3.5 s, 12,500 11 s and 700 MB, debug build). A real paragraph
/// has a few dozen.
pub const MAX_PARAGRAPH_MARKS: usize = 1_000;

/// The pieces Typst lays out one by one in a paragraph's text, besides its inline elements:
/// each ASCII punctuation mark (Amicus writes most of them to Typst as an escape, an element of
/// its own) and each line break. Real prose has 2 to 7 in 100 characters.
pub fn paragraph_pieces(text: &str) -> usize {
    text.bytes().filter(|b| b.is_ascii_punctuation() || *b == b'\n').count()
}

/// The longest run of characters without a space that Markdown may hold: Typst's line
/// breaking takes time growing faster than the length of such a run (100,000 characters
/// took 3 s, 800,000 over a minute). An address is a few hundred characters.
pub const MAX_WORD_CHARS: usize = 10_000;

/// Word counts of one Markdown field, by [`count_words`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordCount {
    /// Words outside footnotes: paragraphs, headings, lists, tables, code, link text.
    pub body: usize,
    /// Words inside footnotes, including the text of source citations (their visible text:
    /// the address of a link shown as itself is not counted).
    pub footnotes: usize,
}

/// Something wrong in a Markdown field, located in the Markdown itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupProblem {
    /// 1-based line within the Markdown text.
    pub line: usize,
    /// 1-based column within that line, counted in characters.
    pub column: usize,
    /// Whether the document is wrong ([`Severity::Error`]) or just not what the author expects.
    pub severity: Severity,
    /// What is wrong, in plain words.
    pub message: String,
    /// How to fix it, if we can tell.
    pub hint: Option<String>,
}

/// How serious a [`MarkupProblem`] is: an error when the output lacks something the author
/// asked for (a footnote that cannot be resolved), a warning when it differs from what they
/// probably expect (an image shown as text).
pub use crate::diag::Severity;

/// The deepest nesting of Markdown elements (block quotes, lists, emphasis, links …, each
/// inside the one before) that is read with its structure. Real prose stays under ten;
/// thousands of `>` or a list indented 400 times would otherwise exceed what Typst can parse,
/// and be reported there, in generated code, instead of here, at the Markdown line.
pub const MAX_NESTING: usize = 48;

/// The deepest nesting of block quotes and lists (`>` inside `>`, a list inside a list item)
/// that is read with its structure. Typst stops at about ten block quotes inside each other
/// (its limit on nested show rules, measured with the report's layout); six leaves a margin
/// for the brief, which nests prose deeper, and is more than prose needs.
pub const MAX_CONTAINERS: usize = 6;

/// Reads one Markdown field into the document model.
///
/// Markdown is GitHub-flavoured: strikethrough, tables, autolinks, footnotes and task lists.
/// Raw HTML is kept as literal text, `$…$` is not math, images are figures with
/// [`MarkdownOptions::figures`] (otherwise shown as their description), `[](#id)` is a
/// cross-reference with [`MarkdownOptions::targets`], and links to anything but `http:`,
/// `https:` and `mailto:` addresses ([`link_allowed`]) are kept as their text. Each of those
/// cases, unresolvable footnotes and unused footnote definitions are reported in
/// [`Read::problems`].
///
/// A footnote defined in the Markdown is an [`Inline::Note`] at each reference, with the same
/// key at each when there are several. A reference `[^id]` without a definition but with a
/// source of that id in [`MarkdownOptions::sources`] becomes a footnote holding the source's
/// citation.
pub fn read_markdown(md: &str, opts: &MarkdownOptions) -> Read {
    let options = comrak_options();
    let prepared = prepare(md, opts.sources, &options);
    let arena = Arena::new();
    let root = parse(&arena, &prepared.text, &options);

    let mut reader = Reader {
        opts,
        md,
        lines: split_lines(md),
        synthetic: prepared.synthetic,
        defs: HashMap::new(),
        emitted: HashMap::new(),
        rendering: Vec::new(),
        used_sources: BTreeSet::new(),
        problems: Vec::new(),
        reported: HashSet::new(),
        body: String::new(),
        notes: String::new(),
        note_depth: 0,
        depth: 0,
        containers: 0,
        too_deep: false,
        in_heading: false,
        unlabelled: false,
        images: Vec::new(),
        figures: 0,
        tables: 0,
        heavy: Heavy::default(),
        emphases: Vec::new(),
        long_word: false,
        long_paragraph: false,
    };
    reader.collect_definitions(root);
    let blocks = reader.blocks(root);
    reader.check_definitions(root);
    reader.problems.sort_by_key(|p| (p.line, p.column));

    Read {
        blocks,
        used_sources: reader.used_sources,
        words: WordCount { body: count_words(&reader.body), footnotes: count_words(&reader.notes) },
        problems: reader.problems,
        images: reader.images,
        figures: reader.figures,
        tables: reader.tables,
        heavy: reader.heavy,
        emphases: reader.emphases,
    }
}

/// A citation (or any one-paragraph Markdown) as inline runs: the paragraphs' runs, joined
/// by a space. The form [`MarkdownOptions::sources`] takes.
pub fn citation_inlines(blocks: Vec<Block>) -> Vec<Inline> {
    let mut out = Vec::new();
    for block in blocks {
        if let Block::Paragraph { content, .. } = block {
            if !out.is_empty() {
                out.push(Inline::text(" "));
            }
            out.extend(content);
        }
    }
    out
}

/// The visible text of a citation as printed (for sorting the sources and counting their
/// words): text, code and link text, without the addresses of links shown as themselves.
pub fn citation_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    citation_words(inlines, &mut out);
    out
}

/// The visible text of a citation, for counting its words: text, code and link text, without
/// the addresses of links shown as themselves (they are not words a reader reads).
fn citation_words(inlines: &[Inline], out: &mut String) {
    for i in inlines {
        match i {
            Inline::Text(t) => out.push_str(t),
            Inline::SoftBreak | Inline::LineBreak => out.push(' '),
            Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => citation_words(c, out),
            Inline::Link { content, .. } | Inline::Internal { content, .. } => citation_words(content, out),
            Inline::Note { content, .. } => {
                for b in content {
                    if let Block::Paragraph { content, .. } = b {
                        citation_words(content, out);
                    }
                }
            }
            Inline::SourceNote { full, .. } => citation_words(full, out),
            Inline::CrossRef { to: RefTo::Finding(t) | RefTo::Annex(t), .. } => citation_words(t, out),
            Inline::Code(_) | Inline::Image(_) | Inline::CrossRef { .. } => {}
        }
    }
}

/// The comrak options: GFM extensions, no raw HTML, no math.
pub(crate) fn comrak_options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.strikethrough = true;
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.footnotes = true;
    options.extension.tasklist = true;
    // Definitions stay where they were written: we read them at their first reference,
    // and can warn about the ones nobody references.
    options.parse.leave_footnote_definitions = true;
    // Columns in problems are characters, as editors show them; comrak's own conversion
    // counts the line again for every node on it (a line of 40,000 `>` took 9 s), so
    // [`parse`] converts them instead, once per line.
    options
}

/// Parses Markdown with [`comrak_options`], columns in characters.
fn parse<'a>(arena: &'a Arena<'a>, md: &str, options: &Options) -> comrak::nodes::Node<'a> {
    let root = parse_document(arena, md, options);
    columns_to_chars(root, md);
    root
}

/// Turns the byte columns of every node's source position into character columns, as
/// comrak's `sourcepos_chars` would, in time linear in the text and the nodes: a line's
/// character offsets are worked out once, and only for lines that are not ASCII.
fn columns_to_chars(root: comrak::nodes::Node<'_>, md: &str) {
    let lines: Vec<&str> = md.lines().collect();
    // Per line: for each byte offset, how many characters start at or before it; `None` for
    // an ASCII line (bytes are characters).
    let mut tables: HashMap<usize, Option<Vec<u32>>> = HashMap::new();
    let mut convert = |lc: &mut LineColumn| {
        let Some(line) = lines.get(lc.line.wrapping_sub(1)).filter(|_| lc.column > 0) else { return };
        let table = tables.entry(lc.line).or_insert_with(|| {
            (!line.is_ascii()).then(|| {
                let mut count = 0u32;
                let starts = line.bytes().map(|b| {
                    count += u32::from(!(0x80..0xC0).contains(&b));
                    count
                });
                starts.collect()
            })
        });
        lc.column = match table {
            None => lc.column.min(line.len() + 1),
            Some(table) => match table.get(lc.column - 1) {
                Some(chars) => *chars as usize,
                // Past the end of the line: after its last character.
                None => table.last().map_or(0, |c| *c as usize) + 1,
            },
        };
    };
    for node in root.descendants() {
        let mut data = node.data_mut();
        convert(&mut data.sourcepos.start);
        convert(&mut data.sourcepos.end);
    }
}

/// Markdown ready for parsing: the user's text plus one synthetic footnote definition per
/// source that the Markdown does not define itself.
struct Prepared {
    /// The text to parse. The user's lines come first and keep their line numbers.
    text: String,
    /// Line of each synthetic definition -> the source id it stands for.
    synthetic: HashMap<usize, String>,
}

/// Appends a footnote definition for every usable source id that `md` references and does not
/// define itself.
///
/// comrak only turns `[^id]` into a footnote reference when a definition exists, and only a
/// real reference keeps the brackets from being parsed as emphasis or links. The definitions go
/// after the user's text so that line numbers stay the user's. Only the ids the text names
/// get one: a definition for every source in every field made the work grow with sources
/// times fields (a thousand of each took seconds).
fn prepare<V>(md: &str, sources: &BTreeMap<String, V>, options: &Options) -> Prepared {
    let named = referenced_labels(md);
    let usable: Vec<&str> =
        sources.keys().map(String::as_str).filter(|id| is_label_safe(id) && named.contains(&fold(id))).collect();
    if usable.is_empty() {
        return Prepared { text: md.to_owned(), synthetic: HashMap::new() };
    }

    let arena = Arena::new();
    let root = parse_document(&arena, md, options);
    let defined: Vec<String> = root
        .descendants()
        .filter_map(|n| match &n.data().value {
            NodeValue::FootnoteDefinition(d) => Some(d.name.clone()),
            _ => None,
        })
        .collect();
    let shadowed = if defined.is_empty() { HashSet::new() } else { shadowed_ids(&defined, &usable, options) };

    let mut text = String::with_capacity(md.len() + 24 * usable.len() + 8);
    text.push_str(md);
    let mut line = split_lines(md).len();
    if !md.is_empty() && !md.ends_with(['\n', '\r']) {
        text.push('\n');
    }
    if let Some(closer) = closer_for(root) {
        text.push_str(&closer);
        text.push('\n');
        line += 1;
    }
    let mut synthetic = HashMap::new();
    for id in usable.into_iter().filter(|id| !shadowed.contains(*id)) {
        let _ = write!(text, "\n[^{id}]: source\n");
        line += 2;
        synthetic.insert(line, id.to_owned());
    }
    Prepared { text, synthetic }
}

/// The labels of the footnote references `[^label]` written in `md`, [`fold`]ed.
fn referenced_labels(md: &str) -> HashSet<String> {
    // A label is short (a source id); looking further for its end would make `[^[^[^…`
    // quadratic.
    md.match_indices("[^")
        .filter_map(|(at, _)| {
            let rest = &md[at + 2..];
            let end = rest.char_indices().take(256).find(|(_, c)| *c == ']')?.0;
            Some(fold(&rest[..end]))
        })
        .collect()
}

/// A label as comrak compares labels (case folded, as near as upper- then lower-casing gets:
/// `ß` and `SS` fold alike).
fn fold(label: &str) -> String {
    label.to_uppercase().to_lowercase()
}

/// Whether a source id can be written as a footnote label without any Markdown meaning.
fn is_label_safe(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':' | '/' | '+'))
}

/// The source ids that comrak would consider equal to one of the Markdown's own definitions.
///
/// comrak matches labels case-insensitively with full Unicode case folding, and a later
/// definition replaces an earlier one; rather than re-implement that, we ask comrak: a probe
/// document references every defined name and defines every source id.
fn shadowed_ids(defined: &[String], usable: &[&str], options: &Options) -> HashSet<String> {
    let mut probe = String::new();
    for name in defined {
        let _ = write!(probe, "[^{name}]\n\n");
    }
    for id in usable {
        let _ = write!(probe, "[^{id}]: s\n\n");
    }
    let arena = Arena::new();
    let root = parse_document(&arena, &probe, options);
    root.descendants()
        .filter_map(|n| match &n.data().value {
            NodeValue::FootnoteReference(r) => Some(r.name.clone()),
            _ => None,
        })
        .collect()
}

/// A line that closes a block still open at the end of the Markdown, if one would otherwise
/// swallow the synthetic definitions (an unclosed ``` fence or `<!--` comment).
fn closer_for<'a>(root: &'a AstNode<'a>) -> Option<String> {
    let last = root.last_child()?;
    let data = last.data();
    match &data.value {
        NodeValue::CodeBlock(cb) if cb.fenced && !cb.closed => {
            Some(char::from(cb.fence_char).to_string().repeat(cb.fence_length.max(3)))
        }
        NodeValue::HtmlBlock(hb) => {
            let literal = hb.literal.to_ascii_lowercase();
            let (ends, closer): (&[&str], &str) = match hb.block_type {
                1 => (&["</script>", "</pre>", "</style>", "</textarea>"], "</pre>"),
                2 => (&["-->"], "-->"),
                3 => (&["?>"], "?>"),
                4 => (&[">"], ">"),
                5 => (&["]]>"], "]]>"),
                _ => return None,
            };
            (!ends.iter().any(|end| literal.contains(end))).then(|| closer.to_owned())
        }
        _ => None,
    }
}

/// Splits text into lines the way CommonMark does (`\n`, `\r\n` or `\r` end a line).
fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        match rest.find(['\n', '\r']) {
            Some(i) => {
                lines.push(&rest[..i]);
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = &rest[i + skip..];
            }
            None => {
                lines.push(rest);
                rest = "";
            }
        }
    }
    lines
}

/// 64-bit FNV-1a, written out so that labels stay the same across Rust versions.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        // The length keeps ("ab", "c") and ("a", "bc") apart.
        for byte in (part.len() as u64).to_le_bytes().iter().chain(part.as_bytes()) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

/// A hint for a cross-reference to an unknown id: the closest known ids, or how to write one.
fn xref_hint(id: &str, targets: &BTreeMap<String, XrefTarget>) -> String {
    let wanted = id.to_lowercase();
    let mut close: Vec<(usize, &str)> = targets
        .iter()
        .filter(|(_, t)| !matches!(t, XrefTarget::Withheld))
        .map(|(k, _)| (strsim::levenshtein(&wanted, &k.to_lowercase()), k.as_str()))
        .filter(|(d, k)| *d <= (k.chars().count().max(wanted.chars().count()) / 2).max(2))
        .collect();
    close.sort();
    if close.is_empty() {
        let known = targets.len();
        if known == 0 {
            return "write the `id` of a finding, recommendation or annex after the `#`: `[](#finding-id)`".to_owned();
        }
        let mut ids: Vec<&str> = targets.keys().map(String::as_str).take(5).collect();
        ids.sort_unstable();
        return format!(
            "write the `id` of a finding, recommendation or annex after the `#`; known ids include {}",
            ids.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ")
        );
    }
    let names: Vec<String> = close.iter().take(3).map(|(_, k)| format!("`#{k}`")).collect();
    format!("did you mean {}?", names.join(" or "))
}

/// An image's description (alt text): its text without markup, on one line.
fn image_alt<'a>(node: &'a AstNode<'a>) -> String {
    let mut alt = String::new();
    plain_text(node, &mut alt);
    alt.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The image of a paragraph that holds nothing else (white space aside): such an image is a
/// figure, set apart and numbered when it has a caption.
fn lone_image<'a>(paragraph: &'a AstNode<'a>) -> Option<&'a AstNode<'a>> {
    let mut image = None;
    for child in paragraph.children() {
        match &child.data().value {
            NodeValue::Image(_) if image.is_none() => image = Some(child),
            NodeValue::Text(t) if t.trim().is_empty() => {}
            NodeValue::SoftBreak | NodeValue::LineBreak => {}
            _ => return None,
        }
    }
    image
}

/// Whether the last row of a table is a caption written on the line right under it: a body
/// row whose source line starts `Table:` (not `| Table: …`, which is a row someone wrote),
/// with nothing in its other cells.
fn is_caption_row<'a>(row: &'a AstNode<'a>, lines: &[&str]) -> bool {
    if !matches!(row.data().value, NodeValue::TableRow(false)) {
        return false;
    }
    let line = row.data().sourcepos.start.line;
    let written = line.checked_sub(1).and_then(|i| lines.get(i)).is_some_and(|l| l.trim_start().starts_with("Table:"));
    let first = row.first_child();
    let starts = first
        .and_then(|c| c.first_child())
        .is_some_and(|t| matches!(&t.data().value, NodeValue::Text(text) if text.starts_with("Table:")));
    let rest_empty = row.children().skip(1).all(|c| c.first_child().is_none());
    written && starts && rest_empty
}

/// Whether a block is a table caption in Pandoc's way: a paragraph starting `Table:`.
fn is_table_caption<'a>(node: &'a AstNode<'a>) -> bool {
    matches!(node.data().value, NodeValue::Paragraph)
        && node.first_child().is_some_and(|c| matches!(&c.data().value, NodeValue::Text(t) if t.starts_with("Table:")))
}

/// The text of an inline subtree, without any markup (used for image descriptions).
fn plain_text<'a>(node: &'a AstNode<'a>, out: &mut String) {
    for child in node.children() {
        match &child.data().value {
            NodeValue::Text(t) => out.push_str(t),
            NodeValue::Code(c) => out.push_str(&c.literal),
            NodeValue::HtmlInline(h) => out.push_str(h),
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push(' '),
            _ => plain_text(child, out),
        }
    }
}

/// Every character of text under `node`, without its structure (breaks and paragraph ends as
/// spaces): what is kept of Markdown nested too deep to read. Iterative, so that depth
/// cannot exhaust the stack here either.
fn flat_text<'a>(node: &'a AstNode<'a>) -> String {
    let mut text = String::new();
    for d in node.descendants() {
        match &d.data().value {
            NodeValue::Text(t) => text.push_str(t),
            NodeValue::Raw(t) | NodeValue::HtmlInline(t) => text.push_str(t),
            NodeValue::Code(c) => text.push_str(&c.literal),
            NodeValue::CodeBlock(c) => text.push_str(&c.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak | NodeValue::Paragraph => text.push(' '),
            _ => {}
        }
    }
    text
}

/// A normal paragraph.
fn para(content: Vec<Inline>) -> Block {
    Block::Paragraph { style: ParaStyle::Normal, content }
}

/// Walks comrak's tree and builds the model.
struct Reader<'a, 'o> {
    /// The caller's options.
    opts: &'o MarkdownOptions<'o>,
    /// The user's Markdown (without synthetic definitions), for footnote keys.
    md: &'o str,
    /// The user's Markdown by line, to check where problems are.
    lines: Vec<&'o str>,
    /// Line of each synthetic footnote definition -> source id.
    synthetic: HashMap<usize, String>,
    /// Footnote name (as comrak resolves references) -> its definition.
    defs: HashMap<String, &'a AstNode<'a>>,
    /// Footnotes already read: name -> its key and content, if the writers print it once and
    /// refer to it afterwards.
    emitted: HashMap<String, Option<(String, Vec<Block>)>>,
    /// Footnotes being read right now (to stop a footnote that references itself).
    rendering: Vec<String>,
    /// Source ids cited so far.
    used_sources: BTreeSet<String>,
    /// Problems found so far.
    problems: Vec<MarkupProblem>,
    /// Positions of problems about unresolved references, so none is reported twice.
    reported: HashSet<(usize, usize)>,
    /// Plain text of the body, for the word count (and the choice of quotes).
    body: String,
    /// Plain text of the footnotes, likewise.
    notes: String,
    /// How many footnotes we are inside of.
    note_depth: usize,
    /// How many nodes we are inside of (see [`MAX_NESTING`]).
    depth: usize,
    /// How many block quotes and lists we are inside of (see [`MAX_CONTAINERS`]).
    containers: usize,
    /// Whether the nesting limit was already reported.
    too_deep: bool,
    /// Whether we are inside a heading: writers print a heading twice (in the text and in the
    /// contents), so a footnote there is read afresh at each reference, as writers print it.
    in_heading: bool,
    /// Whether footnotes are read whole at every reference: inside a heading's footnote,
    /// which is not the copy later references point to.
    unlabelled: bool,
    /// Images read so far.
    images: Vec<ImageUse>,
    /// Captioned figures read so far.
    figures: usize,
    /// Captioned tables read so far.
    tables: usize,
    /// The costly elements read so far.
    heavy: Heavy,
    /// Each emphasis of the user's text, as typed ([`Read::emphases`]).
    emphases: Vec<(LineColumn, String)>,
    /// Whether a run of text too long without a space was reported ([`MAX_WORD_CHARS`]).
    long_word: bool,
    /// Whether a paragraph too long or too marked up was reported ([`MAX_PARAGRAPH_CHARS`],
    /// [`MAX_PARAGRAPH_MARKS`]).
    long_paragraph: bool,
}

impl<'a> Reader<'a, '_> {
    /// Where plain text currently goes: body or footnotes.
    fn plain(&mut self) -> &mut String {
        if self.note_depth > 0 { &mut self.notes } else { &mut self.body }
    }

    /// Text the author typed, with the language's quotation marks (chosen by the character
    /// read before it, across emphasis and links), and counted.
    fn text(&mut self, text: &str) -> Inline {
        let before = self.plain().chars().next_back();
        let quoted = typographic_quotes(text, self.opts.quotes, before);
        self.plain().push_str(text);
        Inline::Text(quoted)
    }

    /// Text kept exactly as typed (raw HTML, a description shown in place of an image), and
    /// counted.
    fn literal(&mut self, text: &str) -> Inline {
        self.plain().push_str(text);
        Inline::Text(text.to_owned())
    }

    /// Records a problem.
    fn problem(&mut self, at: LineColumn, severity: Severity, message: String, hint: Option<String>) {
        self.problems.push(MarkupProblem { line: at.line, column: at.column, severity, message, hint });
    }

    /// Warns about raw HTML, which is printed as it is written (`<b>bold</b>` stays literally
    /// so): Markdown has its own way for almost everything HTML is used for. A comment
    /// (`<!-- … -->`) is reported too, since it is printed rather than hidden.
    fn raw_html(&mut self, at: LineColumn, html: &str) {
        // `<b>bold</b>` is two pieces of HTML; one warning per line is enough.
        if self.problems.iter().any(|p| p.line == at.line && p.message.starts_with("HTML is not read")) {
            return;
        }
        let shown: String = html.trim().chars().take(40).collect();
        let hint = if html.trim_start().starts_with("<!--") {
            "a comment is printed like any text; delete it, or keep notes in a YAML `#` comment".to_owned()
        } else {
            "write Markdown instead: **bold**, *italic*, [text](https://…), a blank line for a new paragraph; to show the angle brackets on purpose, write \\< and \\>".to_owned()
        };
        self.problem(
            at,
            Severity::Warning,
            format!("HTML is not read here: `{shown}` will be printed exactly as written"),
            Some(hint),
        );
    }

    /// Indexes all footnote definitions by the name that references resolve to.
    fn collect_definitions(&mut self, root: &'a AstNode<'a>) {
        for node in root.descendants() {
            if let NodeValue::FootnoteDefinition(d) = &node.data().value {
                // In document order: a later definition replaces an earlier one, as in comrak.
                self.defs.insert(d.name.clone(), node);
            }
        }
    }

    /// Warns about the user's footnote definitions that nothing references.
    fn check_definitions(&mut self, root: &'a AstNode<'a>) {
        let mut real = Vec::new();
        for node in root.descendants() {
            let data = node.data();
            if let NodeValue::FootnoteDefinition(d) = &data.value
                && data.sourcepos.start.line <= self.lines.len()
            {
                real.push((d.name.clone(), d.total_references, data.sourcepos.start));
            }
        }
        for (i, (name, refs, at)) in real.iter().enumerate() {
            if *refs > 0 {
                continue;
            }
            let lower = name.to_lowercase();
            let (message, hint) = if real[i + 1..].iter().any(|(other, _, _)| other.to_lowercase() == lower) {
                (
                    format!("footnote [^{name}] is defined more than once"),
                    format!(
                        "only the last definition of [^{name}] is used; give this one another name (and cite it with that name), or remove it"
                    ),
                )
            } else {
                (
                    format!("footnote [^{name}] is defined but never referenced"),
                    format!("reference it with [^{name}] in the text, or remove the definition"),
                )
            };
            self.problem(*at, Severity::Warning, message, Some(hint));
        }
    }

    /// Reads the block children of `parent`.
    fn blocks(&mut self, parent: &'a AstNode<'a>) -> Vec<Block> {
        let mut out = Vec::new();
        let children: Vec<&'a AstNode<'a>> = parent.children().collect();
        // A paragraph `Table: …` right after a table (or right before it) is its caption.
        let mut captions: HashMap<usize, usize> = HashMap::new();
        let mut taken: HashSet<usize> = HashSet::new();
        for (i, child) in children.iter().enumerate() {
            if !matches!(child.data().value, NodeValue::Table(_)) {
                continue;
            }
            let after = (i + 1 < children.len() && is_table_caption(children[i + 1])).then_some(i + 1);
            let before = (i > 0 && is_table_caption(children[i - 1]) && !taken.contains(&(i - 1))).then(|| i - 1);
            if let Some(c) = after.or(before) {
                captions.insert(i, c);
                taken.insert(c);
            }
        }
        for (i, child) in children.iter().copied().enumerate() {
            if taken.contains(&i) {
                continue;
            }
            match captions.get(&i) {
                Some(&c) => self.captioned_table(child, children[c], &mut out),
                None => self.block(child, &mut out),
            }
            self.plain().push(' ');
        }
        crate::doc::mark_lead_ins(&mut out);
        out
    }

    /// Reads a table with its caption paragraph (`Table: …`).
    fn captioned_table(&mut self, table: &'a AstNode<'a>, caption: &'a AstNode<'a>, out: &mut Vec<Block>) {
        let start = out.len();
        self.block(table, out);
        let content = self.caption_content(caption);
        let single = out.len() == start + 1;
        match out.get_mut(start) {
            Some(Block::Table { caption, .. }) if single => {
                self.tables += 1;
                *caption = Some(content);
            }
            // Nested too deep to be a table: the caption follows as a paragraph.
            _ => out.push(Block::Paragraph { style: ParaStyle::Caption, content }),
        }
    }

    /// The inlines of a caption paragraph (or table cell) `Table: …`, without `Table:`.
    fn caption_content(&mut self, caption: &'a AstNode<'a>) -> Vec<Inline> {
        let mut content = Vec::new();
        for (n, child) in caption.children().enumerate() {
            match &child.data().value {
                NodeValue::Text(t) if n == 0 => {
                    let rest = t.strip_prefix("Table:").unwrap_or(t).trim_start().to_owned();
                    content.push(self.text(&rest));
                }
                _ => self.inline(child, &mut content),
            }
        }
        content
    }

    /// Reads one block node.
    fn block(&mut self, node: &'a AstNode<'a>, out: &mut Vec<Block>) {
        let weight = match &node.data().value {
            NodeValue::Document | NodeValue::FootnoteDefinition(_) | NodeValue::FrontMatter(_) => 0,
            NodeValue::CodeBlock(cb) => cb.literal.lines().count().max(1),
            _ => 1,
        };
        if weight > 0 {
            self.heavy.blocks.push((node.data().sourcepos.start, weight));
        }
        if self.enter(node) {
            self.block_inner(node, out);
            self.leave(node);
        } else {
            let text = self.text(&flat_text(node));
            out.push(para(vec![text]));
        }
    }

    /// Whether a node nests blocks (block quotes and lists; see [`MAX_CONTAINERS`]).
    fn is_container(node: &'a AstNode<'a>) -> bool {
        matches!(node.data().value, NodeValue::BlockQuote | NodeValue::MultilineBlockQuote(_) | NodeValue::List(_))
    }

    /// Undoes [`Reader::enter`].
    fn leave(&mut self, node: &'a AstNode<'a>) {
        self.depth -= 1;
        if Self::is_container(node) {
            self.containers -= 1;
        }
    }

    /// Counts one more level of nesting; past [`MAX_NESTING`] reports the problem (once per
    /// field), and the caller keeps the node's text without structure instead of reading it.
    /// Returns whether to read the node.
    fn enter(&mut self, node: &'a AstNode<'a>) -> bool {
        let container = Self::is_container(node);
        if self.depth < MAX_NESTING && (!container || self.containers < MAX_CONTAINERS) {
            self.depth += 1;
            if container {
                self.containers += 1;
            }
            return true;
        }
        if !self.too_deep {
            self.too_deep = true;
            let at = node.data().sourcepos.start;
            self.problem(
                at,
                Severity::Error,
                if self.depth >= MAX_NESTING {
                    format!(
                        "the Markdown is nested more than {MAX_NESTING} levels deep here (emphasis, links, quotes or lists inside each other); Amicus converts at most {MAX_NESTING}"
                    )
                } else {
                    format!(
                        "block quotes and lists are nested more than {MAX_CONTAINERS} deep here (`>` or list items inside each other); Amicus converts at most {MAX_CONTAINERS}"
                    )
                },
                Some("remove the extra `>` or list indentation: a report rarely needs more than three levels".to_owned()),
            );
        }
        false
    }

    /// Reads one block node (inside the nesting limit).
    fn block_inner(&mut self, node: &'a AstNode<'a>, out: &mut Vec<Block>) {
        let data = node.data();
        match &data.value {
            NodeValue::Document => {
                let blocks = self.blocks(node);
                out.extend(blocks);
            }
            NodeValue::FrontMatter(_) | NodeValue::FootnoteDefinition(_) => {}
            NodeValue::Paragraph if self.opts.figures && lone_image(node).is_some() => {
                let image = lone_image(node).expect("checked");
                let (url, title, at) = {
                    let data = image.data();
                    let NodeValue::Image(link) = &data.value else { unreachable!("lone_image gives images") };
                    (link.url.clone(), link.title.trim().to_owned(), data.sourcepos.start)
                };
                if let Some(path) = self.image(image, &url, at) {
                    let image = Image { path: url.trim().to_owned(), virtual_path: path, alt: image_alt(image) };
                    let caption = if title.is_empty() {
                        // Without a caption, a figure has no number and is not listed.
                        None
                    } else {
                        self.figures += 1;
                        Some(vec![self.text(&title)])
                    };
                    out.push(Block::Figure { image, caption });
                }
            }
            NodeValue::Paragraph => {
                let content = self.paragraph_inlines(node);
                if !content.is_empty() {
                    out.push(para(content));
                }
            }
            NodeValue::Heading(h) => {
                let level = (isize::from(h.level) + self.opts.heading_offset).max(1);
                let level = u8::try_from(level).unwrap_or(u8::MAX);
                self.heavy.headings.push(node.data().sourcepos.start);
                self.in_heading = true;
                let content = self.paragraph_inlines(node);
                self.in_heading = false;
                out.push(Block::Heading { level, anchor: None, content });
            }
            NodeValue::BlockQuote | NodeValue::MultilineBlockQuote(_) => {
                let blocks = self.blocks(node);
                out.push(Block::Quote(blocks));
            }
            NodeValue::List(list) => {
                let start = match list.list_type {
                    ListType::Bullet => None,
                    ListType::Ordered => Some(list.start as u64),
                };
                let paren = list.list_type == ListType::Ordered && list.delimiter == ListDelimType::Paren;
                let mut items = Vec::new();
                for item in node.children() {
                    self.heavy.items.push(item.data().sourcepos.start);
                    let mut blocks = self.blocks(item);
                    if let NodeValue::TaskItem(task) = &item.data().value {
                        let mark = Inline::text(if task.symbol.is_some() { "☑ " } else { "☐ " });
                        match blocks.first_mut() {
                            Some(Block::Paragraph { content, .. }) => content.insert(0, mark),
                            _ => blocks.insert(0, para(vec![mark])),
                        }
                    }
                    items.push(blocks);
                }
                out.push(Block::List { start, items, tight: list.tight, paren });
            }
            NodeValue::CodeBlock(cb) => {
                let lang = cb.info.split_whitespace().next().map(str::to_owned);
                let code = cb.literal.strip_suffix('\n').unwrap_or(&cb.literal).to_owned();
                let lines = code.lines().count();
                if lines > MAX_CODE_LINES {
                    self.problem(
                        data.sourcepos.start,
                        Severity::Error,
                        format!(
                            "this code block has {} lines, more than Amicus lays out in one block ({})",
                            crate::i18n::number("en", lines as u64),
                            crate::i18n::number("en", MAX_CODE_LINES as u64)
                        ),
                        Some("quote the lines that matter, and give the rest as a source with a link".to_owned()),
                    );
                }
                self.plain().push_str(&code);
                out.push(Block::Code { lang, text: code });
            }
            NodeValue::HtmlBlock(hb) => {
                // A block left open at the end got a closing line from `prepare`; drop it.
                let keep = (self.lines.len() + 1).saturating_sub(data.sourcepos.start.line);
                let literal: Vec<&str> = split_lines(&hb.literal).into_iter().take(keep).collect();
                let literal = literal.join("\n");
                if data.sourcepos.start.line <= self.lines.len() {
                    self.raw_html(data.sourcepos.start, &literal);
                }
                self.check_paragraph(data.sourcepos.start, &literal, 0, false);
                let text = self.literal(&literal);
                if !literal.is_empty() {
                    out.push(para(vec![text]));
                }
            }
            NodeValue::ThematicBreak => out.push(Block::Rule),
            NodeValue::Table(table) => {
                let columns = table.num_columns.max(1);
                let cells = node.children().count().saturating_mul(columns);
                self.heavy.tables.push((node.data().sourcepos.start, cells, columns));
                let align = (0..columns)
                    .map(|i| match table.alignments.get(i) {
                        Some(TableAlignment::Left) => Align::Left,
                        Some(TableAlignment::Center) => Align::Center,
                        Some(TableAlignment::Right) => Align::Right,
                        Some(TableAlignment::None) | None => Align::Auto,
                    })
                    .collect();
                let mut header = None;
                let mut rows = Vec::new();
                // `Table: …` on the line right under the table (no blank line between) is read
                // by Markdown as one more row; Pandoc reads it as the caption, and so do we.
                let caption_row = node.last_child().filter(|row| is_caption_row(row, &self.lines));
                for row in node.children() {
                    if caption_row.is_some_and(|c| std::ptr::eq(c, row)) {
                        continue;
                    }
                    let is_header = matches!(row.data().value, NodeValue::TableRow(true));
                    let mut cells: Vec<Vec<Block>> = Vec::with_capacity(columns);
                    for cell in row.children().take(columns) {
                        let content = self.paragraph_inlines(cell);
                        self.plain().push(' ');
                        cells.push(vec![para(content)]);
                    }
                    cells.resize_with(columns, || vec![para(Vec::new())]);
                    if is_header && header.is_none() && rows.is_empty() {
                        header = Some(cells);
                    } else {
                        rows.push(cells);
                    }
                }
                let caption = caption_row.and_then(|row| row.first_child()).map(|cell| {
                    self.tables += 1;
                    self.caption_content(cell)
                });
                out.push(Block::Table { header, rows, widths: Vec::new(), align, caption });
            }
            // Item, TaskItem, TableRow and TableCell are read by their parents; anything
            // else (extensions we do not enable) is read by its content.
            _ => {
                let mut content = Vec::new();
                self.inline(node, &mut content);
                if !content.is_empty() {
                    out.push(para(content));
                }
            }
        }
    }

    /// Reads the inline children of a block Typst lays out as one paragraph (a paragraph, a
    /// heading, a table cell), and holds it to the paragraph budgets.
    fn paragraph_inlines(&mut self, node: &'a AstNode<'a>) -> Vec<Inline> {
        let (body, notes, marks) = (self.body.len(), self.notes.len(), self.heavy.marks.len());
        let content = self.inlines(node);
        // The text read is what was added to the body and the notes (a note's text is laid
        // out apart, but counting it here only errs on the side of the budget).
        let mut text = self.body[body.min(self.body.len())..].to_owned();
        text.push_str(&self.notes[notes.min(self.notes.len())..]);
        let lines = {
            let pos = node.data().sourcepos;
            pos.end.line.saturating_sub(pos.start.line)
        };
        text.extend(std::iter::repeat_n('\n', lines));
        let heading = matches!(node.data().value, NodeValue::Heading(_));
        self.check_paragraph(node.data().sourcepos.start, &text, self.heavy.marks.len() - marks, heading);
        content
    }

    /// Holds one paragraph's text and inline elements to [`MAX_PARAGRAPH_CHARS`] and
    /// [`MAX_PARAGRAPH_MARKS`] (reported once per field, at the paragraph), and records its
    /// pieces for the submission's budget.
    fn check_paragraph(&mut self, at: LineColumn, text: &str, marks: usize, heading: bool) {
        self.heavy.pieces.push((at, paragraph_pieces(text)));
        if self.long_paragraph {
            return;
        }
        let number = |n: usize| crate::i18n::number("en", n as u64);
        let chars = text.chars().filter(|c| *c != '\n').count();
        let (message, hint) = if heading && chars > MAX_HEADING_CHARS {
            (
                format!(
                    "this heading has {} characters, more than Amicus lays out as a heading ({}; a long heading has a hundred)",
                    number(chars),
                    number(MAX_HEADING_CHARS)
                ),
                "shorten the heading, and put the rest in a paragraph under it",
            )
        } else if chars > MAX_PARAGRAPH_CHARS {
            (
                format!(
                    "this paragraph has {} characters, more than Amicus lays out as one paragraph ({}, about 3,000 words; a long paragraph of a report has a few hundred words)",
                    number(chars),
                    number(MAX_PARAGRAPH_CHARS)
                ),
                "split it into paragraphs: leave an empty line between them",
            )
        } else if marks > MAX_PARAGRAPH_MARKS {
            (
                format!(
                    "this paragraph has {} marked-up elements (emphasis, links, code, notes), more than Amicus lays out in one paragraph ({}; a real paragraph has a few dozen)",
                    number(marks),
                    number(MAX_PARAGRAPH_MARKS)
                ),
                "split it into paragraphs, and emphasise sparingly; a list of code or names reads better as a list (one `- ` line each)",
            )
        } else {
            return;
        };
        self.long_paragraph = true;
        self.problem(at, Severity::Error, message, Some(hint.to_owned()));
    }

    /// Reads the inline children of `parent`. Adjacent text nodes are read together so that
    /// an unresolved `[^name]` is seen whole.
    fn inlines(&mut self, parent: &'a AstNode<'a>) -> Vec<Inline> {
        let mut out = Vec::new();
        let mut run = Vec::new();
        for child in parent.children() {
            if matches!(child.data().value, NodeValue::Text(_)) {
                run.push(child);
                continue;
            }
            self.text_run(&mut run, &mut out);
            self.inline(child, &mut out);
        }
        self.text_run(&mut run, &mut out);
        out
    }

    /// Reads a run of adjacent text nodes and empties it.
    fn text_run(&mut self, run: &mut Vec<&'a AstNode<'a>>, out: &mut Vec<Inline>) {
        if run.is_empty() {
            return;
        }
        let mut text = String::new();
        let mut starts = Vec::with_capacity(run.len());
        for node in run.drain(..) {
            let data = node.data();
            if let NodeValue::Text(t) = &data.value {
                starts.push((text.len(), data.sourcepos.start));
                text.push_str(t);
            }
        }
        self.check_unresolved(&text, &starts);
        self.check_word_length(&text, &starts);
        out.push(self.text(&text));
    }

    /// Reports, once per field, a run of more than [`MAX_WORD_CHARS`] characters without a
    /// space, at the text it is in.
    fn check_word_length(&mut self, text: &str, starts: &[(usize, LineColumn)]) {
        if self.long_word || text.len() <= MAX_WORD_CHARS {
            return;
        }
        let mut run = 0usize;
        let mut at = 0usize;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                run = 0;
                continue;
            }
            if run == 0 {
                at = i;
            }
            run += 1;
            if run > MAX_WORD_CHARS {
                self.long_word = true;
                let start = starts.iter().rev().find(|(offset, _)| *offset <= at).or(starts.first());
                let Some((_, position)) = start.copied() else { return };
                self.problem(
                    position,
                    Severity::Error,
                    format!(
                        "this text runs for more than {} characters without a space, more than Amicus lays out (a line cannot be broken in it)",
                        crate::i18n::number("en", MAX_WORD_CHARS as u64)
                    ),
                    Some("put spaces between words; a long address can be a link with a short text: [the data](https://…)".to_owned()),
                );
                return;
            }
        }
    }

    /// Reports each `[^name]` left in the text: a footnote reference comrak could not resolve
    /// because neither the Markdown nor the sources define `name`.
    fn check_unresolved(&mut self, text: &str, starts: &[(usize, LineColumn)]) {
        let mut from = 0;
        while let Some(found) = text[from..].find("[^") {
            let open = from + found;
            from = open + 2;
            let Some(len) = text[open + 2..].find(['[', ']', '\n']) else {
                break;
            };
            let name = &text[open + 2..open + 2 + len];
            if len == 0 || !text[open + 2 + len..].starts_with(']') {
                continue;
            }
            let Some(at) = self.locate_reference(text, open, name, starts) else {
                continue;
            };
            if !self.reported.insert((at.line, at.column)) {
                continue;
            }
            let message = format!("footnote [^{name}] has no definition and no source with id `{name}`");
            let hint = self.reference_hint(name);
            self.problem(at, Severity::Error, message, Some(hint));
        }
    }

    /// Finds where the `[^name]` at byte `offset` of the text run `text` is in the user's
    /// Markdown.
    ///
    /// Returns `None` when the text is not a reference there, e.g. because the author escaped
    /// the bracket (`\[^x]`) to show it literally.
    fn locate_reference(
        &self,
        text: &str,
        offset: usize,
        name: &str,
        starts: &[(usize, LineColumn)],
    ) -> Option<LineColumn> {
        let wanted = format!("[^{name}]");
        let (node_offset, node_start) = starts.iter().rev().find(|(o, _)| *o <= offset)?;
        let line = *self.lines.get(node_start.line.checked_sub(1)?)?;
        let column = node_start.column + text[*node_offset..offset].chars().count();
        let is_reference_at = |column: usize| {
            let byte = line.char_indices().nth(column.checked_sub(1)?)?.0;
            // An odd number of backslashes before it escapes the bracket.
            let backslashes = line[..byte].chars().rev().take_while(|c| *c == '\\').count();
            let before_ok = backslashes % 2 == 0;
            (line[byte..].starts_with(&wanted) && before_ok).then_some(LineColumn { line: node_start.line, column })
        };
        // Exact when the text maps one-to-one onto the source (the usual case); otherwise
        // (entities or escapes earlier in the same text) the first unescaped one on the line.
        is_reference_at(column).or_else(|| {
            line.match_indices(&wanted).find_map(|(byte, _)| {
                let column = line[..byte].chars().count() + 1;
                if column < node_start.column || self.reported.contains(&(node_start.line, column)) {
                    return None;
                }
                is_reference_at(column)
            })
        })
    }

    /// A hint for an unresolved `[^name]`: similar source ids, or what the author can do.
    fn reference_hint(&self, name: &str) -> String {
        let wanted = name.to_lowercase();
        let mut close: Vec<(usize, &str)> = self
            .opts
            .sources
            .keys()
            .filter_map(|id| {
                let lower = id.to_lowercase();
                let distance = strsim::levenshtein(&wanted, &lower);
                let limit = (wanted.chars().count().max(lower.chars().count()) / 3).max(1);
                let contained = wanted.chars().count() >= 3
                    && lower.chars().count() >= 3
                    && (lower.contains(&wanted) || wanted.contains(&lower));
                let near = distance <= limit || contained;
                near.then_some((distance, id.as_str()))
            })
            .collect();
        close.sort();
        if !close.is_empty() {
            let names: Vec<String> = close.iter().take(3).map(|(_, id)| format!("`{id}`")).collect();
            return format!("did you mean {}?", names.join(" or "));
        }
        if self.opts.sources.is_empty() {
            format!("add a definition line `[^{name}]: …` below the paragraph")
        } else {
            format!(
                "add a definition line `[^{name}]: …` or a source with id `{name}`; {} source(s) are known",
                self.opts.sources.len()
            )
        }
    }

    /// Reads one inline node (or, for unknown nodes, its content).
    fn inline(&mut self, node: &'a AstNode<'a>, out: &mut Vec<Inline>) {
        if self.enter(node) {
            self.inline_inner(node, out);
            self.leave(node);
        } else {
            let text = self.text(&flat_text(node));
            out.push(text);
        }
    }

    /// Reads one inline node (inside the nesting limit).
    fn inline_inner(&mut self, node: &'a AstNode<'a>, out: &mut Vec<Inline>) {
        let data = node.data();
        if !matches!(data.value, NodeValue::Text(_) | NodeValue::SoftBreak | NodeValue::LineBreak) {
            self.heavy.marks.push(data.sourcepos.start);
        }
        match &data.value {
            NodeValue::Text(t) => out.push(self.text(t)),
            NodeValue::Raw(t) => out.push(self.text(t)),
            NodeValue::HtmlInline(t) => {
                self.raw_html(data.sourcepos.start, t);
                out.push(self.literal(t));
            }
            NodeValue::SoftBreak => {
                out.push(Inline::SoftBreak);
                self.plain().push(' ');
            }
            NodeValue::LineBreak => {
                out.push(Inline::LineBreak);
                self.plain().push(' ');
            }
            NodeValue::Code(code) => {
                out.push(Inline::Code(code.literal.clone()));
                self.plain().push_str(&code.literal);
            }
            NodeValue::Emph => {
                let at = data.sourcepos.start;
                if let Some(line) = at.line.checked_sub(1).and_then(|l| self.lines.get(l)) {
                    let mark = line.chars().nth(at.column.saturating_sub(1)).filter(|c| matches!(c, '*' | '_'));
                    let mark = mark.unwrap_or('*');
                    self.emphases.push((at, format!("{mark}{}{mark}", flat_text(node))));
                }
                let content = self.inlines(node);
                out.push(Inline::Emph(content));
            }
            NodeValue::Strong => {
                let content = self.inlines(node);
                out.push(Inline::Strong(content));
            }
            NodeValue::Strikethrough => {
                let content = self.inlines(node);
                out.push(Inline::Strike(content));
            }
            NodeValue::Link(link) if link.url.starts_with('#') && self.opts.targets.is_some() => {
                let id = link.url[1..].to_owned();
                self.cross_reference(node, &id, data.sourcepos.start, out);
            }
            NodeValue::Link(link) => {
                if let Err(refused) = link_allowed(&link.url) {
                    self.problem(
                        data.sourcepos.start,
                        Severity::Warning,
                        refused.message(&link.url),
                        Some(refused.hint().to_owned()),
                    );
                    out.extend(self.inlines(node));
                } else if node.first_child().is_none() {
                    out.push(Inline::Link { url: link.url.clone(), content: Vec::new() });
                    self.plain().push_str(&link.url);
                } else {
                    let content = self.inlines(node);
                    out.push(Inline::Link { url: link.url.clone(), content });
                }
            }
            NodeValue::Image(image) if self.opts.figures => {
                let url = image.url.clone();
                if let Some(path) = self.image(node, &url, data.sourcepos.start) {
                    out.push(Inline::Image(Image {
                        path: url.trim().to_owned(),
                        virtual_path: path,
                        alt: image_alt(node),
                    }));
                }
            }
            NodeValue::Image(image) => {
                let mut alt = String::new();
                plain_text(node, &mut alt);
                let alt = alt.trim();
                let shown = if alt.is_empty() { "[image]".to_owned() } else { format!("[{alt}]") };
                self.problem(
                    data.sourcepos.start,
                    Severity::Warning,
                    format!("images are not supported yet; `{}` is shown as {shown}", image.url),
                    Some("describe the image in words, or remove it".to_owned()),
                );
                out.push(self.literal(&shown));
            }
            NodeValue::FootnoteReference(reference) => {
                self.heavy.notes.push(data.sourcepos.start);
                self.footnote(&reference.name, data.sourcepos.start, out);
            }
            // Block nodes never occur inline; everything else is read by its content.
            _ => out.extend(self.inlines(node)),
        }
    }

    /// Checks an image and records it ([`Read::images`]); returns its virtual path, or `None`
    /// (with an error recorded) when it cannot be shown.
    ///
    /// The description (alt text) is required: the PDF is tagged, and a screen reader reads
    /// it in place of the image. Only files inside the submission folder can be images; the
    /// caller reads them and reports a missing or unusable file.
    fn image(&mut self, node: &'a AstNode<'a>, url: &str, at: LineColumn) -> Option<String> {
        let mut ok = true;
        if image_alt(node).trim().is_empty() {
            // The example keeps the caption the advocate wrote (it numbers the figure), or
            // shows where one goes.
            let title = match &node.data().value {
                NodeValue::Image(link) => link.title.clone(),
                _ => String::new(),
            };
            let example = if title.is_empty() {
                format!(
                    "`![Bar chart of arrests, rising from 120 in 2019 to 310 in 2024]({url} \"Arrests by year, 2019–2024\")`; the caption in quotes numbers the figure"
                )
            } else {
                format!("`![Bar chart of arrests, rising from 120 in 2019 to 310 in 2024]({url} \"{title}\")`")
            };
            self.problem(
                at,
                Severity::Error,
                format!("the image `{url}` has no description (alt text)"),
                Some(format!(
                    "write what the image shows between the brackets, e.g. {example}: a screen reader reads the description aloud in the image's place"
                )),
            );
            ok = false;
        }
        let path = url.trim();
        if path.is_empty() {
            self.problem(
                at,
                Severity::Error,
                "the image names no file".to_owned(),
                Some("write the file's path in the parentheses, relative to the submission folder: `![description](figures/chart.png)`".to_owned()),
            );
            return None;
        }
        if path.contains("://") || path.starts_with("data:") {
            self.problem(
                at,
                Severity::Error,
                format!("`{path}` is not a file in the submission folder; Amicus reads images only from the folder"),
                Some(
                    "save the image into the folder (e.g. `figures/`) and write its path relative to the folder"
                        .to_owned(),
                ),
            );
            return None;
        }
        if !ok {
            return None;
        }
        let virtual_path = crate::doc::image::virtual_path(path);
        self.images.push(ImageUse {
            path: path.to_owned(),
            virtual_path: virtual_path.clone(),
            line: at.line,
            column: at.column,
        });
        self.plain().push(' ');
        Some(virtual_path)
    }

    /// Reads a cross-reference `[text](#id)`: with no text, the target's number and title;
    /// with text, that text as a link to the target. An unknown id is an error naming the
    /// closest known ones, and the link's text is kept.
    fn cross_reference(&mut self, node: &'a AstNode<'a>, id: &str, at: LineColumn, out: &mut Vec<Inline>) {
        let targets = self.opts.targets.expect("only called with targets");
        let target = targets.get(id).or_else(|| {
            // Ids are compared as written; a different case is still the same target.
            targets.iter().find(|(k, _)| k.eq_ignore_ascii_case(id)).map(|(_, t)| t)
        });
        let label = match target {
            Some(XrefTarget::Finding { label, .. } | XrefTarget::Recommendation { label, .. }) => label.clone(),
            Some(XrefTarget::Annex { label, .. }) => label.clone(),
            Some(XrefTarget::Withheld) | None => {
                let (message, hint) = if matches!(target, Some(XrefTarget::Withheld)) {
                    (
                        format!(
                            "the cross-reference to `{id}` points to a finding marked confidential, which this version leaves out"
                        ),
                        format!(
                            "mark the sentence too (`[confidential: … [](#{id})]`), or remove `confidential: true` from the finding"
                        ),
                    )
                } else {
                    (
                        format!(
                            "the cross-reference to `{id}` names no finding, recommendation or annex of the report"
                        ),
                        xref_hint(id, targets),
                    )
                };
                self.problem(at, Severity::Error, message, Some(hint));
                out.extend(self.inlines(node));
                return;
            }
        };
        if node.first_child().is_some() {
            let content = self.inlines(node);
            out.push(Inline::Internal { target: label, content });
            return;
        }
        let to = match target {
            Some(XrefTarget::Finding { title, .. }) => RefTo::Finding(vec![self.text(title)]),
            Some(XrefTarget::Annex { title, .. }) => RefTo::Annex(vec![self.text(title)]),
            Some(XrefTarget::Recommendation { number, .. }) => RefTo::Recommendation(*number),
            _ => return,
        };
        out.push(Inline::CrossRef { target: label, to });
    }

    /// Reads a resolved footnote reference.
    ///
    /// Writers print a heading twice (in the text and in the contents), and a footnote there
    /// stands alone: it is read afresh, and everything read for it leaves no trace that later
    /// references would point to.
    fn footnote(&mut self, name: &str, at: LineColumn, out: &mut Vec<Inline>) {
        if !self.in_heading {
            return self.footnote_in_text(name, at, out);
        }
        self.in_heading = false;
        let unlabelled = std::mem::replace(&mut self.unlabelled, true);
        let emitted = self.emitted.clone();
        self.footnote_in_text(name, at, out);
        self.emitted = emitted;
        self.unlabelled = unlabelled;
        self.in_heading = true;
    }

    /// [`Reader::footnote`] outside headings.
    fn footnote_in_text(&mut self, name: &str, at: LineColumn, out: &mut Vec<Inline>) {
        let Some(def) = self.defs.get(name).copied() else {
            // comrak resolved it, so this cannot happen; show it rather than lose it.
            out.push(Inline::Text(format!("[^{name}]")));
            return;
        };
        if let Some(Some((key, content))) = self.emitted.get(name).filter(|_| !self.unlabelled) {
            // Printed already: writers refer to it.
            glue_note(out);
            out.push(Inline::Note { key: Some(key.clone()), content: content.clone() });
            return;
        }
        if self.rendering.iter().any(|n| n == name) {
            self.problem(
                at,
                Severity::Warning,
                format!("footnote [^{name}] refers to itself"),
                Some("remove the reference from its own definition".to_owned()),
            );
            out.push(Inline::Text(format!("[^{name}]")));
            return;
        }
        let (line, total) = {
            let data = def.data();
            let total = match &data.value {
                NodeValue::FootnoteDefinition(d) => d.total_references,
                _ => 1,
            };
            (data.sourcepos.start.line, total)
        };
        if let (Some(id), Some(shorts)) = (self.synthetic.get(&line).cloned(), self.opts.short_sources) {
            let full = self.opts.sources.get(&id).cloned().unwrap_or_default();
            let short = shorts.get(&id).cloned().unwrap_or_else(|| full.clone());
            // Counted in full here; the printed count (`printed_words`) knows which form prints.
            citation_words(&full, &mut self.notes);
            self.notes.push(' ');
            self.used_sources.insert(id.clone());
            glue_note(out);
            out.push(Inline::SourceNote { id, full, short });
            return;
        }
        let content = if let Some(id) = self.synthetic.get(&line).cloned() {
            let full = self.opts.sources.get(&id).cloned().unwrap_or_default();
            citation_words(&full, &mut self.notes);
            self.notes.push(' ');
            self.used_sources.insert(id);
            vec![para(full)]
        } else {
            self.rendering.push(name.to_owned());
            self.note_depth += 1;
            let content = self.blocks(def);
            self.note_depth -= 1;
            self.rendering.pop();
            content
        };
        let key = (total > 1).then(|| format!("amicus-fn-{:016x}", fnv1a(&[self.opts.label_prefix, self.md, name])));
        let printed_once = key.as_ref().filter(|_| !self.unlabelled).map(|k| (k.clone(), content.clone()));
        self.emitted.insert(name.to_owned(), printed_once);
        glue_note(out);
        out.push(Inline::Note { key, content });
    }
}

/// A note's number never starts a line: a space or line break typed before its reference
/// ("the law `[^1]`") goes, in every format.
fn glue_note(out: &mut Vec<Inline>) {
    while matches!(out.last(), Some(Inline::SoftBreak)) {
        out.pop();
    }
    if let Some(Inline::Text(text)) = out.last_mut() {
        let kept = text.trim_end().len();
        text.truncate(kept);
        if text.is_empty() {
            out.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Columns come out as comrak's own conversion to characters gives them, on any mix of
        /// ASCII, accented and wide characters, Markdown syntax and line endings.
        #[test]
        fn columns_are_comrak_s_characters(md in "([a-z ]|é|好|😀|\\*|_|`|>|- |\\[|\\]|\\(|\\)|\n|\r\n|#|\\|){0,80}") {
            let mut theirs = comrak_options();
            theirs.parse.sourcepos_chars = true;
            let (a, b) = (Arena::new(), Arena::new());
            let expected: Vec<_> = parse_document(&a, &md, &theirs).descendants().map(|n| n.data().sourcepos).collect();
            let ours: Vec<_> = parse(&b, &md, &comrak_options()).descendants().map(|n| n.data().sourcepos).collect();
            proptest::prop_assert_eq!(ours, expected);
        }
    }

    fn read(md: &str) -> Vec<Block> {
        let sources = BTreeMap::from([("un".to_owned(), vec![Inline::text("UN, Report, 2024.")])]);
        read_markdown(md, &MarkdownOptions::new(&sources).with_heading_offset(1).with_label_prefix("f")).blocks
    }

    #[test]
    fn paragraphs_emphasis_links_and_quotes() {
        let blocks = read("A *b* **c** `d` [e](https://e.org) \"q\" it's\n\nNext");
        assert_eq!(
            blocks,
            vec![
                para(vec![
                    Inline::text("A "),
                    Inline::Emph(vec![Inline::text("b")]),
                    Inline::text(" "),
                    Inline::Strong(vec![Inline::text("c")]),
                    Inline::text(" "),
                    Inline::Code("d".into()),
                    Inline::text(" "),
                    Inline::Link { url: "https://e.org".into(), content: vec![Inline::text("e")] },
                    Inline::text(" “q” it’s"),
                ]),
                para(vec![Inline::text("Next")]),
            ]
        );
    }

    #[test]
    fn footnotes_sources_and_repeated_notes() {
        let blocks = read("One[^n] two[^un] three[^n].\n\n[^n]: A note.");
        let Block::Paragraph { content, .. } = &blocks[0] else { panic!("{blocks:?}") };
        let Inline::Note { key: Some(key), content: note } = &content[1] else { panic!("{content:?}") };
        assert!(key.starts_with("amicus-fn-"), "{key}");
        assert_eq!(note, &vec![para(vec![Inline::text("A note.")])]);
        assert_eq!(
            content[3],
            Inline::Note { key: None, content: vec![para(vec![Inline::text("UN, Report, 2024.")])] }
        );
        assert_eq!(content[5], content[1], "the second reference carries the same key and text");
        assert_eq!(blocks.len(), 1, "the definition is not a paragraph of its own");
    }

    #[test]
    fn headings_lists_tables_quotes_and_refused_links() {
        let md = "# H\n\n1. a\n2. b\n   - c\n\n> q\n\n| x | y |\n|---|--:|\n| 1 | 2 |\n\nTable: Counts\n\n[bad](javascript:alert(1)) ![pic](p.png)";
        let blocks = read(md);
        assert!(matches!(&blocks[0], Block::Heading { level: 2, .. }));
        let Block::List { start: Some(1), items, tight: true, paren: false } = &blocks[1] else {
            panic!("{:?}", blocks[1])
        };
        assert!(matches!(items[1][1], Block::List { start: None, .. }));
        assert!(matches!(&blocks[2], Block::Quote(_)));
        let Block::Table { header: Some(h), rows, align, caption: Some(caption), .. } = &blocks[3] else { panic!() };
        assert_eq!((h.len(), rows.len()), (2, 1));
        assert_eq!(align, &[Align::Auto, Align::Right]);
        assert_eq!(caption, &[Inline::text("Counts")]);
        assert_eq!(blocks[4], para(vec![Inline::text("bad"), Inline::text(" "), Inline::text("[pic]")]));
    }

    #[test]
    fn a_caption_on_the_line_under_a_table_is_its_caption_not_a_row() {
        let blocks = read("| x | y |\n|---|---|\n| 1 | 2 |\nTable: Counts by *year*\n\nAfter.");
        let Block::Table { rows, caption: Some(caption), .. } = &blocks[0] else { panic!("{blocks:?}") };
        assert_eq!(rows.len(), 1);
        assert_eq!(caption[0], Inline::text("Counts by "));
        assert_eq!(blocks.len(), 2);
        // A row someone wrote with its pipes stays a row.
        let blocks = read("| x | y |\n|---|---|\n| 1 | 2 |\n| Table: 3 | |\n");
        let Block::Table { rows, caption: None, .. } = &blocks[0] else { panic!("{blocks:?}") };
        assert_eq!(rows.len(), 2);
    }

    #[test]
    fn hostile_text_stays_text() {
        let blocks = read("A <script>alert(1)</script> & #read(\"/etc/passwd\") <b>\"x\"</b>");
        assert_eq!(
            super::super::plain_text(match &blocks[0] {
                Block::Paragraph { content, .. } => content,
                other => panic!("{other:?}"),
            }),
            "A <script>alert(1)</script> & #read(“/etc/passwd”) <b>”x”</b>",
            "text gets the language's quotes, raw HTML is kept as typed"
        );
    }
}
