//! Markdown (GitHub-flavoured, parsed by comrak) to Typst markup.
//!
//! Every piece of user text goes through [`escape_markup`] and every URL or piece of code
//! through a string literal, so the output is safe to splice into a template. Every emitted
//! `#fn(..)[..]` call ends with `;`, so text that follows it (`(`, `.`, `[`) stays text.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;

use comrak::nodes::{AstNode, LineColumn, ListDelimType, ListType, NodeValue, TableAlignment};
use comrak::{Arena, Options, parse_document};

use super::escape::{Quotes, escape_markup, escape_markup_quoted, push_string_literal};
use super::words::{count_words, markup_plain_text};

/// How [`markdown_to_typst`] converts one Markdown field.
///
/// Build it with [`MarkdownOptions::new`] and the `with_*` methods, or as a struct literal.
#[derive(Debug, Clone, Copy)]
pub struct MarkdownOptions<'a> {
    /// Added to Markdown heading levels (so `#` inside a finding body becomes a level
    /// `heading_offset + 1` Typst heading). It may be negative, to lift a text whose headings
    /// start at `###`; levels never go below 1.
    pub heading_offset: isize,
    /// Known sources: id -> citation already rendered as Typst markup (safe). A footnote
    /// reference `[^id]` with no definition in the Markdown but with a source of that id becomes
    /// a footnote containing the citation. A definition in the Markdown takes precedence over a
    /// source with the same id.
    pub sources: &'a BTreeMap<String, String>,
    /// Makes footnote labels unique between Markdown fields converted into one document.
    ///
    /// A footnote that is referenced more than once gets a Typst label, `amicus-fn-` followed by
    /// a 64-bit hash of this prefix, the whole Markdown text and the footnote name. With an
    /// empty prefix, two fields of one document clash only if their Markdown is byte-identical
    /// and repeats a footnote (Typst then reports "label occurs multiple times"). Passing the
    /// field's path (e.g. `findings[3].body`) rules even that out.
    pub label_prefix: &'a str,
    /// The quotation marks and apostrophe that straight `"` and `'` in the text become
    /// ([`Quotes::for_language`]); [`Quotes::LITERAL`] keeps them as typed.
    pub quotes: Quotes,
    /// Short forms of the sources (id -> Typst markup), when later citations are to be short.
    /// Each reference to a source then writes `#source-note("id", [full], [short]);`, a new
    /// footnote that the template's `source-note` prints in full the first time, then as the
    /// short form with the number of the first note, or "Ibid." after a note citing the same
    /// source. Without them, a source is cited in full every time.
    pub short_sources: Option<&'a BTreeMap<String, String>>,
    /// What a cross-reference `[](#id)` may point to, by id (findings, recommendations,
    /// annexes). `None`: a link to `#…` is shown as its text, with a warning, as any link
    /// that is not a web address.
    pub targets: Option<&'a BTreeMap<String, XrefTarget>>,
    /// Whether images become figures (`![alt](file "caption")`): each is written as an
    /// `image` of a virtual file ([`ImageUse::virtual_path`]) that the caller reads from the
    /// submission folder and serves to the compiler. Off: an image is shown as its
    /// description, with a warning.
    pub figures: bool,
}

/// What a cross-reference `[](#id)` points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XrefTarget {
    /// A finding: the Typst label of its heading and its title (plain text). Printed as
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

/// An image written by [`markdown_to_typst`] (with [`MarkdownOptions::figures`]): the caller
/// reads `path` inside the submission folder and serves its bytes at `virtual_path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageUse {
    /// The path as written in the Markdown.
    pub path: String,
    /// The file name the compiler knows it by, e.g. `/images/9c1e…`: made by Amicus, never
    /// the user's path.
    pub virtual_path: String,
    /// 1-based line of the image in the Markdown.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
}

impl<'a> MarkdownOptions<'a> {
    /// Options with no heading offset and no label prefix.
    pub fn new(sources: &'a BTreeMap<String, String>) -> Self {
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
    pub fn with_short_sources(mut self, short_sources: &'a BTreeMap<String, String>) -> Self {
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

/// The result of [`markdown_to_typst`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// Typst markup, safe to splice into a template (block level; ends with a newline unless
    /// empty).
    pub typst: String,
    /// Source ids referenced via `[^id]`.
    pub used_sources: BTreeSet<String>,
    /// Words of body text vs. footnote text.
    pub words: WordCount,
    /// Things the author should fix, in source order. The Typst output is usable regardless.
    pub problems: Vec<MarkupProblem>,
    /// The images written, in order (with [`MarkdownOptions::figures`]).
    pub images: Vec<ImageUse>,
    /// Figures with a caption (numbered).
    pub figures: usize,
    /// Tables with a caption (numbered).
    pub tables: usize,
}

/// Word counts of one Markdown field, by [`count_words`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordCount {
    /// Words outside footnotes: paragraphs, headings, lists, tables, code, link text.
    pub body: usize,
    /// Words inside footnotes, including the text of source citations (their markup is reduced
    /// to the text a reader sees, so URLs inside `#link("..")` are not counted).
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

/// Converts one Markdown field to Typst markup.
///
/// Markdown is GitHub-flavoured: strikethrough, tables, autolinks, footnotes and task lists.
/// Raw HTML is shown as literal text, `$…$` is not math, images are figures with
/// [`MarkdownOptions::figures`] (otherwise shown as their description), `[](#id)` is a
/// cross-reference with [`MarkdownOptions::targets`], and links to anything but `http:`, `https:` and
/// `mailto:` addresses ([`super::link_allowed`]) are shown as plain text. Each of those cases, unresolvable footnotes and unused
/// footnote definitions are reported in [`Converted::problems`].
///
/// Footnotes defined in the Markdown appear as `#footnote[..]` at their first reference; later
/// references to the same footnote point to it by label. A reference `[^id]` without a
/// definition but with a source of that id in [`MarkdownOptions::sources`] becomes a footnote
/// holding the source's citation.
pub fn markdown_to_typst(md: &str, opts: &MarkdownOptions) -> Converted {
    let options = comrak_options();
    let prepared = prepare(md, opts.sources, &options);
    let arena = Arena::new();
    let root = parse_document(&arena, &prepared.text, &options);

    let mut conv = Converter {
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
    };
    conv.collect_definitions(root);
    let mut typst = conv.blocks(root, "\n\n");
    if !typst.is_empty() {
        typst.push('\n');
    }
    conv.check_definitions(root);
    conv.problems.sort_by_key(|p| (p.line, p.column));

    Converted {
        typst,
        used_sources: conv.used_sources,
        words: WordCount { body: count_words(&conv.body), footnotes: count_words(&conv.notes) },
        problems: conv.problems,
        images: conv.images,
        figures: conv.figures,
        tables: conv.tables,
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
    // Definitions stay where they were written: we render them at their first reference,
    // and can warn about the ones nobody references.
    options.parse.leave_footnote_definitions = true;
    // Columns in problems are characters, as editors show them.
    options.parse.sourcepos_chars = true;
    options
}

/// Markdown ready for parsing: the user's text plus one synthetic footnote definition per
/// source that the Markdown does not define itself.
pub(crate) struct Prepared {
    /// The text to parse. The user's lines come first and keep their line numbers.
    pub(crate) text: String,
    /// Line of each synthetic definition -> the source id it stands for.
    pub(crate) synthetic: HashMap<usize, String>,
}

/// Appends a footnote definition for every usable source id not defined in `md`.
///
/// comrak only turns `[^id]` into a footnote reference when a definition exists, and only a
/// real reference keeps the brackets from being parsed as emphasis or links. The definitions go
/// after the user's text so that line numbers stay the user's.
pub(crate) fn prepare(md: &str, sources: &BTreeMap<String, String>, options: &Options) -> Prepared {
    let usable: Vec<&str> = sources.keys().map(String::as_str).filter(|id| is_label_safe(id)).collect();
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

/// Walks comrak's tree and writes Typst.
struct Converter<'a, 'o> {
    /// The caller's options.
    opts: &'o MarkdownOptions<'o>,
    /// The user's Markdown (without synthetic definitions), for labels.
    md: &'o str,
    /// The user's Markdown by line, to check where problems are.
    lines: Vec<&'o str>,
    /// Line of each synthetic footnote definition -> source id.
    synthetic: HashMap<usize, String>,
    /// Footnote name (as comrak resolves references) -> its definition.
    defs: HashMap<String, &'a AstNode<'a>>,
    /// Footnotes already written: name -> label, if they have one.
    emitted: HashMap<String, Option<String>>,
    /// Footnotes being written right now (to stop a footnote that references itself).
    rendering: Vec<String>,
    /// Source ids cited so far.
    used_sources: BTreeSet<String>,
    /// Problems found so far.
    problems: Vec<MarkupProblem>,
    /// Positions of problems about unresolved references, so none is reported twice.
    reported: HashSet<(usize, usize)>,
    /// Plain text of the body, for the word count.
    body: String,
    /// Plain text of the footnotes, for the word count.
    notes: String,
    /// How many footnotes we are inside of.
    note_depth: usize,
    /// How many nodes we are inside of (see [`MAX_NESTING`]).
    depth: usize,
    /// How many block quotes and lists we are inside of (see [`MAX_CONTAINERS`]).
    containers: usize,
    /// Whether the nesting limit was already reported.
    too_deep: bool,
    /// Whether we are inside a heading (see [`Converter::footnote`]).
    in_heading: bool,
    /// Whether footnotes are written whole, without labels and without pointing to labels
    /// written elsewhere: inside a heading's footnote, which is not the copy later references
    /// point to.
    unlabelled: bool,
    /// Images written so far.
    images: Vec<ImageUse>,
    /// Captioned figures written so far.
    figures: usize,
    /// Captioned tables written so far.
    tables: usize,
}

/// The deepest nesting of Markdown elements (block quotes, lists, emphasis, links …, each
/// inside the one before) that is converted. Real prose stays under ten; thousands of `>` or
/// a list indented 400 times would otherwise exceed what Typst can parse, and be reported
/// there, in generated code, instead of here, at the Markdown line.
pub const MAX_NESTING: usize = 48;

/// The deepest nesting of block quotes and lists (`>` inside `>`, a list inside a list item)
/// that is converted. Typst stops at about ten block quotes inside each other (its limit on
/// nested show rules, measured with the report's layout); six leaves a margin for the brief,
/// which nests prose deeper, and is more than prose needs.
pub const MAX_CONTAINERS: usize = 6;

impl<'a> Converter<'a, '_> {
    /// Where plain text currently goes: body or footnotes.
    fn plain(&mut self) -> &mut String {
        if self.note_depth > 0 { &mut self.notes } else { &mut self.body }
    }

    /// Writes text the author typed: escaped, with the language's quotation marks (chosen by
    /// the character printed before it, across emphasis and links), and counted.
    fn text(&mut self, text: &str, out: &mut String) {
        let before = self.plain().chars().next_back();
        escape_markup_quoted(text, self.opts.quotes, before, out);
        self.plain().push_str(text);
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

    /// Renders the block children of `parent`, joined by `sep`.
    fn blocks(&mut self, parent: &'a AstNode<'a>, sep: &str) -> String {
        let mut out = String::new();
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
            let mut part = String::new();
            match captions.get(&i) {
                Some(&c) => self.captioned_table(child, children[c], &mut part),
                None => self.block(child, &mut part),
            }
            self.plain().push(' ');
            if part.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push_str(sep);
            }
            out.push_str(&part);
        }
        out
    }

    /// Renders a table with its caption paragraph (`Table: …`) as a numbered figure.
    fn captioned_table(&mut self, table: &'a AstNode<'a>, caption: &'a AstNode<'a>, out: &mut String) {
        let mut body = String::new();
        self.block(table, &mut body);
        let body = body.strip_prefix('#').unwrap_or(body.as_str());
        let body = body.strip_suffix(';').unwrap_or(body);
        self.tables += 1;
        out.push_str("#figure(kind: table, ");
        out.push_str(body);
        out.push_str(", caption: [");
        for (n, child) in caption.children().enumerate() {
            match &child.data().value {
                NodeValue::Text(t) if n == 0 => {
                    let rest = t.strip_prefix("Table:").unwrap_or(t).trim_start().to_owned();
                    self.text(&rest, out);
                }
                _ => self.inline(child, out),
            }
        }
        out.push_str("]);");
    }

    /// Renders one block node.
    fn block(&mut self, node: &'a AstNode<'a>, out: &mut String) {
        if self.enter(node, out) {
            self.block_inner(node, out);
            self.leave(node);
        }
    }

    /// Whether a node nests blocks in Typst (block quotes and lists; see [`MAX_CONTAINERS`]).
    fn is_container(node: &'a AstNode<'a>) -> bool {
        matches!(node.data().value, NodeValue::BlockQuote | NodeValue::MultilineBlockQuote(_) | NodeValue::List(_))
    }

    /// Undoes [`Converter::enter`].
    fn leave(&mut self, node: &'a AstNode<'a>) {
        self.depth -= 1;
        if Self::is_container(node) {
            self.containers -= 1;
        }
    }

    /// Counts one more level of nesting; past [`MAX_NESTING`] reports the problem (once per
    /// field) and writes the node's text, escaped and without structure, instead of
    /// converting it. Returns whether to convert the node.
    fn enter(&mut self, node: &'a AstNode<'a>, out: &mut String) -> bool {
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
        self.text(&flat_text(node), out);
        false
    }

    /// Renders one block node (inside the nesting limit).
    fn block_inner(&mut self, node: &'a AstNode<'a>, out: &mut String) {
        let data = node.data();
        match &data.value {
            NodeValue::Document => out.push_str(&self.blocks(node, "\n\n")),
            NodeValue::FrontMatter(_) | NodeValue::FootnoteDefinition(_) => {}
            NodeValue::Paragraph if self.opts.figures && lone_image(node).is_some() => {
                let image = lone_image(node).expect("checked");
                let (url, title, at) = {
                    let data = image.data();
                    let NodeValue::Image(link) = &data.value else { unreachable!("lone_image gives images") };
                    (link.url.clone(), link.title.trim().to_owned(), data.sourcepos.start)
                };
                if let Some(path) = self.image(image, &url, at) {
                    let alt = image_alt(image);
                    out.push_str("#figure(picture(");
                    push_string_literal(&path, out);
                    out.push_str(", ");
                    push_string_literal(&alt, out);
                    out.push(')');
                    if title.is_empty() {
                        // Without a caption, a figure has no number and is not listed.
                        out.push_str(", numbering: none, outlined: false);");
                    } else {
                        self.figures += 1;
                        out.push_str(", caption: [");
                        self.text(&title, out);
                        out.push_str("]);");
                    }
                }
            }
            NodeValue::Paragraph => self.inlines(node, out),
            NodeValue::Heading(h) => {
                let level = (isize::from(h.level) + self.opts.heading_offset).max(1);
                let _ = write!(out, "#heading(level: {level})[");
                self.in_heading = true;
                self.inlines(node, out);
                self.in_heading = false;
                out.push_str("];");
            }
            NodeValue::BlockQuote | NodeValue::MultilineBlockQuote(_) => {
                out.push_str("#quote(block: true)[");
                out.push_str(&self.blocks(node, "\n\n"));
                out.push_str("];");
            }
            NodeValue::List(list) => {
                match list.list_type {
                    ListType::Bullet => out.push_str("#list("),
                    ListType::Ordered => {
                        let _ = write!(out, "#enum(start: {}, ", list.start);
                        if list.delimiter == ListDelimType::Paren {
                            out.push_str("numbering: \"1)\", ");
                        }
                    }
                }
                let _ = write!(out, "tight: {}", list.tight);
                let sep = if list.tight { "\n" } else { "\n\n" };
                for item in node.children() {
                    out.push_str(", [");
                    if let NodeValue::TaskItem(task) = &item.data().value {
                        out.push_str(if task.symbol.is_some() { "☑ " } else { "☐ " });
                    }
                    out.push_str(&self.blocks(item, sep));
                    out.push(']');
                }
                out.push_str(");");
            }
            NodeValue::CodeBlock(cb) => {
                out.push_str("#raw(block: true, ");
                if let Some(lang) = cb.info.split_whitespace().next() {
                    out.push_str("lang: ");
                    push_string_literal(lang, out);
                    out.push_str(", ");
                }
                let code = cb.literal.strip_suffix('\n').unwrap_or(&cb.literal);
                push_string_literal(code, out);
                out.push_str(");");
                self.plain().push_str(code);
            }
            NodeValue::HtmlBlock(hb) => {
                // A block left open at the end got a closing line from `prepare`; drop it.
                let keep = (self.lines.len() + 1).saturating_sub(data.sourcepos.start.line);
                let literal: Vec<&str> = split_lines(&hb.literal).into_iter().take(keep).collect();
                let literal = literal.join("\n");
                if data.sourcepos.start.line <= self.lines.len() {
                    self.raw_html(data.sourcepos.start, &literal);
                }
                escape_markup(&literal, out);
                self.plain().push_str(&literal);
            }
            NodeValue::ThematicBreak => out.push_str("#divider();"),
            NodeValue::Table(table) => {
                let columns = table.num_columns.max(1);
                let _ = write!(out, "#table(columns: {columns}, align: (");
                for i in 0..columns {
                    out.push_str(match table.alignments.get(i) {
                        Some(TableAlignment::Left) => "left, ",
                        Some(TableAlignment::Center) => "center, ",
                        Some(TableAlignment::Right) => "right, ",
                        Some(TableAlignment::None) | None => "auto, ",
                    });
                }
                out.push_str("),");
                for row in node.children() {
                    let header = matches!(row.data().value, NodeValue::TableRow(true));
                    let mut cells = Vec::with_capacity(columns);
                    for cell in row.children().take(columns) {
                        let mut text = String::from("[");
                        self.inlines(cell, &mut text);
                        text.push(']');
                        self.plain().push(' ');
                        cells.push(text);
                    }
                    cells.resize(columns, String::from("[]"));
                    if header {
                        // Header cells are bold, like the consolidated list's.
                        let cells: Vec<String> = cells.iter().map(|c| format!("[#strong{c};]")).collect();
                        let _ = write!(out, "\n  table.header({}),", cells.join(", "));
                    } else {
                        let _ = write!(out, "\n  {},", cells.join(", "));
                    }
                }
                out.push_str("\n);");
            }
            // Item, TaskItem, TableRow and TableCell are handled by their parents; anything
            // else (extensions we do not enable) is rendered by its content.
            _ => self.inline(node, out),
        }
    }

    /// Renders the inline children of `parent`. Adjacent text nodes are handled together so
    /// that an unresolved `[^name]` is seen whole.
    fn inlines(&mut self, parent: &'a AstNode<'a>, out: &mut String) {
        let mut run = Vec::new();
        for child in parent.children() {
            if matches!(child.data().value, NodeValue::Text(_)) {
                run.push(child);
                continue;
            }
            self.text_run(&mut run, out);
            self.inline(child, out);
        }
        self.text_run(&mut run, out);
    }

    /// Renders a run of adjacent text nodes and empties it.
    fn text_run(&mut self, run: &mut Vec<&'a AstNode<'a>>, out: &mut String) {
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
        self.text(&text, out);
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

    /// Renders one inline node (or, for unknown nodes, its content).
    fn inline(&mut self, node: &'a AstNode<'a>, out: &mut String) {
        if self.enter(node, out) {
            self.inline_inner(node, out);
            self.leave(node);
        }
    }

    /// Renders one inline node (inside the nesting limit).
    fn inline_inner(&mut self, node: &'a AstNode<'a>, out: &mut String) {
        let data = node.data();
        match &data.value {
            NodeValue::Text(t) => self.text(t, out),
            NodeValue::Raw(t) => self.text(t, out),
            NodeValue::HtmlInline(t) => {
                self.raw_html(data.sourcepos.start, t);
                escape_markup(t, out);
                self.plain().push_str(t);
            }
            NodeValue::SoftBreak => {
                out.push('\n');
                self.plain().push(' ');
            }
            NodeValue::LineBreak => {
                out.push_str("#linebreak();");
                self.plain().push(' ');
            }
            NodeValue::Code(code) => {
                out.push_str("#raw(");
                push_string_literal(&code.literal, out);
                out.push_str(");");
                self.plain().push_str(&code.literal);
            }
            NodeValue::Emph => self.wrap("#emph[", node, out),
            NodeValue::Strong => self.wrap("#strong[", node, out),
            NodeValue::Strikethrough => self.wrap("#strike[", node, out),
            NodeValue::Link(link) if link.url.starts_with('#') && self.opts.targets.is_some() => {
                let id = link.url[1..].to_owned();
                self.cross_reference(node, &id, data.sourcepos.start, out);
            }
            NodeValue::Link(link) => {
                if let Err(refused) = super::links::link_allowed(&link.url) {
                    self.problem(
                        data.sourcepos.start,
                        Severity::Warning,
                        refused.message(&link.url),
                        Some(refused.hint().to_owned()),
                    );
                    self.inlines(node, out);
                } else if node.first_child().is_none() {
                    out.push_str("#link(");
                    push_string_literal(&link.url, out);
                    out.push_str(");");
                    self.plain().push_str(&link.url);
                } else {
                    out.push_str("#link(");
                    push_string_literal(&link.url, out);
                    out.push_str(")[");
                    self.inlines(node, out);
                    out.push_str("];");
                }
            }
            NodeValue::Image(image) if self.opts.figures => {
                let url = image.url.clone();
                if let Some(path) = self.image(node, &url, data.sourcepos.start) {
                    let alt = image_alt(node);
                    out.push_str("#box(image(");
                    push_string_literal(&path, out);
                    out.push_str(", alt: ");
                    push_string_literal(&alt, out);
                    out.push_str(", height: 1em));");
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
                escape_markup(&shown, out);
                self.plain().push_str(&shown);
            }
            NodeValue::FootnoteReference(reference) => {
                self.footnote(&reference.name, data.sourcepos.start, out);
            }
            // Block nodes never occur inline; everything else is rendered by its content.
            _ => self.inlines(node, out),
        }
    }

    /// Checks an image and records it ([`Converted::images`]); returns the virtual path to
    /// write, or `None` (with an error recorded) when it cannot be shown.
    ///
    /// The description (alt text) is required: the PDF is tagged, and a screen reader reads
    /// it in place of the image. Only files inside the submission folder can be images; the
    /// caller reads them and reports a missing or unusable file.
    fn image(&mut self, node: &'a AstNode<'a>, url: &str, at: LineColumn) -> Option<String> {
        let mut ok = true;
        if image_alt(node).trim().is_empty() {
            self.problem(
                at,
                Severity::Error,
                format!("the image `{url}` has no description (alt text)"),
                Some(format!(
                    "write what the image shows between the brackets, e.g. `![Arrests by year, 2019–2024]({url})`: a screen reader reads it aloud in its place"
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
        let virtual_path = crate::images::virtual_path(path);
        self.images.push(ImageUse {
            path: path.to_owned(),
            virtual_path: virtual_path.clone(),
            line: at.line,
            column: at.column,
        });
        self.plain().push(' ');
        Some(virtual_path)
    }

    /// Renders a cross-reference `[text](#id)`: with no text, the target's number and title
    /// (`#finding-ref`, `#rec-ref`, `#annex-ref` in `amicus.typ`); with text, that text as
    /// a link to the target. An unknown id is an error naming the closest known ones.
    fn cross_reference(&mut self, node: &'a AstNode<'a>, id: &str, at: LineColumn, out: &mut String) {
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
                self.inlines(node, out);
                return;
            }
        };
        if node.first_child().is_some() {
            out.push_str("#link(label(");
            push_string_literal(&label, out);
            out.push_str("))[");
            self.inlines(node, out);
            out.push_str("];");
            return;
        }
        match target {
            Some(XrefTarget::Finding { title, .. }) => {
                out.push_str("#finding-ref(");
                push_string_literal(&label, out);
                out.push_str(")[");
                self.text(title, out);
                out.push_str("];");
            }
            Some(XrefTarget::Annex { title, .. }) => {
                out.push_str("#annex-ref(");
                push_string_literal(&label, out);
                out.push_str(")[");
                self.text(title, out);
                out.push_str("];");
            }
            Some(XrefTarget::Recommendation { number, .. }) => {
                out.push_str("#rec-ref(");
                push_string_literal(&label, out);
                let _ = write!(out, ", {number});");
            }
            _ => {}
        }
    }

    /// Renders `#fn[<inline children>];`, where `open` is `#fn[`.
    fn wrap(&mut self, open: &str, node: &'a AstNode<'a>, out: &mut String) {
        out.push_str(open);
        self.inlines(node, out);
        out.push_str("];");
    }

    /// Renders a resolved footnote reference: the footnote itself at the first reference,
    /// a reference to its label afterwards.
    ///
    /// A heading is printed twice, in the text and in the table of contents, so a footnote
    /// there is written as `#context if not state("amicus-in-outline", …).get() { … }`
    /// (`amicus.typ` sets that state around the contents) and never carries a label: a
    /// label printed twice would stop the build, and the contents should show no footnote.
    fn footnote(&mut self, name: &str, at: LineColumn, out: &mut String) {
        if !self.in_heading {
            return self.footnote_in_text(name, at, out);
        }
        let mut note = String::new();
        // Inside the footnote's own content, headings are not in play. Everything written
        // for it carries no label (nested footnotes included): labels are written by the
        // references in the text, which write the footnotes again.
        self.in_heading = false;
        let unlabelled = std::mem::replace(&mut self.unlabelled, true);
        let emitted = self.emitted.clone();
        self.footnote_in_text(name, at, &mut note);
        self.emitted = emitted;
        self.unlabelled = unlabelled;
        self.in_heading = true;
        let note = note.trim_end_matches(';');
        let code = note.strip_prefix('#').unwrap_or(note);
        let _ = write!(out, "#context if not state(\"amicus-in-outline\", false).get() {{ {code} }};");
    }

    /// [`Converter::footnote`] outside headings.
    fn footnote_in_text(&mut self, name: &str, at: LineColumn, out: &mut String) {
        let Some(def) = self.defs.get(name).copied() else {
            // comrak resolved it, so this cannot happen; show it rather than lose it.
            escape_markup(&format!("[^{name}]"), out);
            return;
        };
        if let Some(Some(label)) = self.emitted.get(name).filter(|_| !self.unlabelled) {
            out.push_str("#footnote(label(");
            push_string_literal(label, out);
            out.push_str("));");
            return;
        }
        if self.rendering.iter().any(|n| n == name) {
            self.problem(
                at,
                Severity::Warning,
                format!("footnote [^{name}] refers to itself"),
                Some("remove the reference from its own definition".to_owned()),
            );
            escape_markup(&format!("[^{name}]"), out);
            return;
        }
        let source = def.data().sourcepos.start.line;
        if let (Some(id), Some(shorts)) = (self.synthetic.get(&source).cloned(), self.opts.short_sources) {
            let citation = self.opts.sources.get(&id).cloned().unwrap_or_default();
            let short = shorts.get(&id).cloned().unwrap_or_else(|| citation.clone());
            // Counted in full here; the printed count (`printed_words`) knows which form prints.
            self.notes.push_str(&markup_plain_text(&citation));
            self.notes.push(' ');
            self.used_sources.insert(id.clone());
            out.push_str("#source-note(");
            push_string_literal(&id, out);
            let _ = write!(out, ", [{citation}], [{short}]);");
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
        let content = if let Some(id) = self.synthetic.get(&line).cloned() {
            let citation = self.opts.sources.get(&id).cloned().unwrap_or_default();
            self.notes.push_str(&markup_plain_text(&citation));
            self.notes.push(' ');
            self.used_sources.insert(id);
            citation
        } else {
            self.rendering.push(name.to_owned());
            self.note_depth += 1;
            let content = self.blocks(def, "\n\n");
            self.note_depth -= 1;
            self.rendering.pop();
            content
        };
        out.push_str("#footnote[");
        out.push_str(&content);
        if total > 1 && !self.unlabelled {
            let label = format!("amicus-fn-{:016x}", fnv1a(&[self.opts.label_prefix, self.md, name]));
            let _ = write!(out, "]<{label}>");
            self.emitted.insert(name.to_owned(), Some(label));
        } else {
            out.push_str("];");
            self.emitted.insert(name.to_owned(), None);
        }
    }
}

/// Every character of text under `node`, without its structure (breaks and paragraph ends as
/// spaces): what is kept of Markdown nested too deep to convert. Iterative, so that depth
/// cannot exhaust the stack here either.
pub(crate) fn flat_text<'a>(node: &'a AstNode<'a>) -> String {
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
