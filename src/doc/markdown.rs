//! Markdown (comrak's tree) to the document model.
//!
//! The same reading of the Markdown as the Typst converter ([`crate::markup`]): the same comrak
//! options, the same footnotes resolved against the same sources, the same typographic
//! quotes, images shown as their description, raw HTML shown as text, links refused by the
//! one link policy shown as their text. Problems are not reported here: `check` reports them
//! once, from the Typst conversion of the same text.

use std::collections::{BTreeMap, HashMap};

use comrak::nodes::{AstNode, ListType, NodeValue};
use comrak::{Arena, parse_document};

use super::{Block, Inline};
use crate::markup::{Quotes, comrak_options, link_allowed, typographic_quotes, with_source_definitions};

/// The deepest nesting converted with structure; deeper, a node's text is kept as plain text
/// (the Typst converter reports it as an error at its line).
const MAX_NESTING: usize = 48;

/// How one Markdown field becomes blocks.
#[derive(Debug, Clone, Copy)]
pub struct ModelOptions<'a> {
    /// Added to Markdown heading levels (see [`crate::markup::MarkdownOptions::heading_offset`]).
    pub heading_offset: isize,
    /// Known sources: id → full citation.
    pub sources: &'a BTreeMap<String, Vec<Inline>>,
    /// Short forms of the sources, when later citations are short.
    pub short_sources: Option<&'a BTreeMap<String, Vec<Inline>>>,
    /// The language's quotation marks.
    pub quotes: Quotes,
    /// Makes the keys of footnotes referenced more than once unique in the document.
    pub key_prefix: &'a str,
    /// What a cross-reference `[](#id)` points to (see [`crate::prepare::xref_targets`]):
    /// without text of its own, it prints the target's title (a finding, an annex) or
    /// number (a recommendation, "R5").
    pub targets: Option<&'a BTreeMap<String, crate::markup::XrefTarget>>,
}

/// Converts one Markdown field to blocks.
pub fn markdown_to_blocks(md: &str, opts: &ModelOptions) -> Vec<Block> {
    let options = comrak_options();
    let keys: BTreeMap<String, String> = opts.sources.keys().map(|k| (k.clone(), String::new())).collect();
    let prepared = with_source_definitions(md, &keys, &options);
    let arena = Arena::new();
    let root = parse_document(&arena, &prepared.text, &options);
    let mut defs = HashMap::new();
    for node in root.descendants() {
        if let NodeValue::FootnoteDefinition(d) = &node.data().value {
            defs.insert(d.name.clone(), node);
        }
    }
    let mut conv = ToModel {
        opts,
        synthetic: prepared.synthetic,
        defs,
        rendering: Vec::new(),
        depth: 0,
        last: [None, None],
        note_depth: 0,
    };
    conv.blocks(root)
}

/// A single paragraph of Markdown as inline runs (citations, recommendation texts).
pub fn markdown_to_inlines(md: &str, opts: &ModelOptions) -> Vec<Inline> {
    let mut out = Vec::new();
    for block in markdown_to_blocks(md, opts) {
        if let Block::Paragraph { content, .. } = block {
            if !out.is_empty() {
                out.push(Inline::text(" "));
            }
            out.extend(content);
        }
    }
    out
}

/// Walks comrak's tree.
struct ToModel<'a, 'o> {
    opts: &'o ModelOptions<'o>,
    /// Line of each synthetic footnote definition → source id.
    synthetic: HashMap<usize, String>,
    /// Footnote name → definition.
    defs: HashMap<String, &'a AstNode<'a>>,
    /// Footnotes being converted (a footnote that references itself is shown as text).
    rendering: Vec<String>,
    /// Nesting depth.
    depth: usize,
    /// The last character written, in the body and in footnotes (for the choice of quotes).
    last: [Option<char>; 2],
    /// How many footnotes we are inside of.
    note_depth: usize,
}

impl<'a> ToModel<'a, '_> {
    /// Text the author typed, with the language's quotation marks.
    fn text(&mut self, text: &str) -> Inline {
        let slot = usize::from(self.note_depth > 0);
        let quoted = typographic_quotes(text, self.opts.quotes, self.last[slot]);
        if let Some(c) = text.chars().next_back() {
            self.last[slot] = Some(c);
        }
        Inline::Text(quoted)
    }

    fn blocks(&mut self, parent: &'a AstNode<'a>) -> Vec<Block> {
        let mut out = Vec::new();
        for child in parent.children() {
            self.block(child, &mut out);
        }
        out
    }

    fn block(&mut self, node: &'a AstNode<'a>, out: &mut Vec<Block>) {
        if self.depth >= MAX_NESTING {
            let text = self.flat_text(node);
            out.push(Block::Paragraph { style: super::ParaStyle::Normal, content: vec![text] });
            return;
        }
        self.depth += 1;
        self.block_inner(node, out);
        self.depth -= 1;
    }

    /// The text of a node too deep to convert with structure.
    fn flat_text(&mut self, node: &'a AstNode<'a>) -> Inline {
        self.text(&crate::markup::flat_text(node))
    }

    fn block_inner(&mut self, node: &'a AstNode<'a>, out: &mut Vec<Block>) {
        let data = node.data();
        match &data.value {
            NodeValue::Document => out.extend(self.blocks(node)),
            NodeValue::FrontMatter(_) | NodeValue::FootnoteDefinition(_) => {}
            NodeValue::Paragraph => {
                let content = self.inlines(node);
                if !content.is_empty() {
                    out.push(Block::Paragraph { style: super::ParaStyle::Normal, content });
                }
            }
            NodeValue::Heading(h) => {
                let level = (isize::from(h.level) + self.opts.heading_offset).clamp(1, 6) as u8;
                out.push(Block::Heading { level, anchor: None, content: self.inlines(node) });
            }
            NodeValue::BlockQuote | NodeValue::MultilineBlockQuote(_) => out.push(Block::Quote(self.blocks(node))),
            NodeValue::List(list) => {
                let start = match list.list_type {
                    ListType::Bullet => None,
                    ListType::Ordered => Some(list.start as u64),
                };
                let mut items = Vec::new();
                for item in node.children() {
                    let mut blocks = self.blocks(item);
                    if let NodeValue::TaskItem(task) = &item.data().value {
                        let mark = Inline::text(if task.symbol.is_some() { "☑ " } else { "☐ " });
                        match blocks.first_mut() {
                            Some(Block::Paragraph { content, .. }) => content.insert(0, mark),
                            _ => blocks
                                .insert(0, Block::Paragraph { style: super::ParaStyle::Normal, content: vec![mark] }),
                        }
                    }
                    items.push(blocks);
                }
                out.push(Block::List { start, items });
            }
            NodeValue::CodeBlock(cb) => {
                let code = cb.literal.strip_suffix('\n').unwrap_or(&cb.literal);
                out.push(Block::Code(code.to_owned()));
            }
            NodeValue::HtmlBlock(hb) => {
                let text = self.text(hb.literal.trim_end());
                out.push(Block::Paragraph { style: super::ParaStyle::Normal, content: vec![text] });
            }
            NodeValue::ThematicBreak => out.push(Block::Rule),
            NodeValue::Table(table) => {
                let columns = table.num_columns.max(1);
                let mut header = None;
                let mut rows = Vec::new();
                for row in node.children() {
                    let mut cells: Vec<Vec<Block>> = row
                        .children()
                        .take(columns)
                        .map(|cell| {
                            let content = self.inlines(cell);
                            vec![Block::Paragraph { style: super::ParaStyle::Normal, content }]
                        })
                        .collect();
                    cells.resize_with(columns, Vec::new);
                    if matches!(row.data().value, NodeValue::TableRow(true)) && header.is_none() && rows.is_empty() {
                        header = Some(cells);
                    } else {
                        rows.push(cells);
                    }
                }
                out.push(Block::Table { header, rows, widths: Vec::new() });
            }
            _ => {
                let content = self.inlines(node);
                if !content.is_empty() {
                    out.push(Block::Paragraph { style: super::ParaStyle::Normal, content });
                }
            }
        }
    }

    fn inlines(&mut self, parent: &'a AstNode<'a>) -> Vec<Inline> {
        let mut out = Vec::new();
        for child in parent.children() {
            self.inline(child, &mut out);
        }
        merge_text(out)
    }

    fn inline(&mut self, node: &'a AstNode<'a>, out: &mut Vec<Inline>) {
        if self.depth >= MAX_NESTING {
            out.push(self.flat_text(node));
            return;
        }
        self.depth += 1;
        self.inline_inner(node, out);
        self.depth -= 1;
    }

    fn inline_inner(&mut self, node: &'a AstNode<'a>, out: &mut Vec<Inline>) {
        let data = node.data();
        match &data.value {
            NodeValue::Text(t) => out.push(self.text(t)),
            NodeValue::Raw(t) | NodeValue::HtmlInline(t) => out.push(self.text(t)),
            NodeValue::SoftBreak => out.push(self.text(" ")),
            NodeValue::LineBreak => out.push(Inline::LineBreak),
            NodeValue::Code(code) => {
                self.last[usize::from(self.note_depth > 0)] = code.literal.chars().next_back();
                out.push(Inline::Code(code.literal.clone()));
            }
            NodeValue::Emph => out.push(Inline::Emph(self.inlines(node))),
            NodeValue::Strong => out.push(Inline::Strong(self.inlines(node))),
            NodeValue::Strikethrough => out.push(Inline::Strike(self.inlines(node))),
            NodeValue::Link(link) if link.url.starts_with('#') && node.first_child().is_none() => {
                use crate::markup::XrefTarget;
                let id = &link.url[1..];
                let target = self.opts.targets.and_then(|t| {
                    t.get(id).or_else(|| t.iter().find(|(k, _)| k.eq_ignore_ascii_case(id)).map(|(_, v)| v))
                });
                match target {
                    Some(XrefTarget::Finding { title, .. } | XrefTarget::Annex { title, .. }) => {
                        out.push(Inline::Emph(vec![self.text(title)]));
                    }
                    Some(XrefTarget::Recommendation { number, .. }) => out.push(self.text(&format!("R{number}"))),
                    // `check` reports it; the text says what was written rather than nothing.
                    _ => out.push(self.text(&format!("#{id}"))),
                }
            }
            NodeValue::Link(link) => {
                if link_allowed(&link.url).is_err() {
                    out.extend(self.inlines(node));
                } else if node.first_child().is_none() {
                    let text = Inline::text(link.url.clone());
                    out.push(Inline::Link { url: link.url.clone(), content: vec![text] });
                } else {
                    let content = self.inlines(node);
                    out.push(Inline::Link { url: link.url.clone(), content });
                }
            }
            NodeValue::Image(_) => {
                let mut alt = String::new();
                for d in node.descendants().skip(1) {
                    if let NodeValue::Text(t) = &d.data().value {
                        alt.push_str(t);
                    }
                }
                let alt = alt.trim();
                let shown = if alt.is_empty() { "[image]".to_owned() } else { format!("[{alt}]") };
                out.push(self.text(&shown));
            }
            NodeValue::FootnoteReference(reference) => self.footnote(&reference.name, out),
            _ => out.extend(self.inlines(node)),
        }
    }

    /// A resolved footnote reference.
    fn footnote(&mut self, name: &str, out: &mut Vec<Inline>) {
        let Some(def) = self.defs.get(name).copied() else {
            out.push(Inline::text(format!("[^{name}]")));
            return;
        };
        if self.rendering.iter().any(|n| n == name) {
            out.push(Inline::text(format!("[^{name}]")));
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
        if let Some(id) = self.synthetic.get(&line).cloned() {
            let full = self.opts.sources.get(&id).cloned().unwrap_or_default();
            self.last[1] = plain_last(&full);
            if let Some(shorts) = self.opts.short_sources {
                let short = shorts.get(&id).cloned().unwrap_or_else(|| full.clone());
                out.push(Inline::SourceNote { id, full, short });
            } else {
                out.push(Inline::Note { key: None, content: vec![para(full)] });
            }
            return;
        }
        self.rendering.push(name.to_owned());
        self.note_depth += 1;
        let content = self.blocks(def);
        self.note_depth -= 1;
        self.rendering.pop();
        let key = (total > 1).then(|| format!("{}#{name}", self.opts.key_prefix));
        out.push(Inline::Note { key, content });
    }
}

/// The last character of inline runs, as printed.
fn plain_last(inlines: &[Inline]) -> Option<char> {
    super::plain_text(inlines).chars().next_back()
}

/// A normal paragraph.
fn para(content: Vec<Inline>) -> Block {
    Block::Paragraph { style: super::ParaStyle::Normal, content }
}

/// Joins adjacent text runs.
fn merge_text(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for i in inlines {
        match (out.last_mut(), i) {
            (Some(Inline::Text(a)), Inline::Text(b)) => a.push_str(&b),
            (_, i) => out.push(i),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(md: &str) -> Vec<Block> {
        let sources = BTreeMap::from([("un".to_owned(), vec![Inline::text("UN, Report, 2024.")])]);
        markdown_to_blocks(
            md,
            &ModelOptions {
                heading_offset: 1,
                sources: &sources,
                short_sources: None,
                quotes: Quotes::ENGLISH,
                key_prefix: "f",
                targets: None,
            },
        )
    }

    #[test]
    fn paragraphs_emphasis_links_and_quotes() {
        let blocks = convert("A *b* **c** `d` [e](https://e.org) \"q\" it's\n\nNext");
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
        let blocks = convert("One[^n] two[^un] three[^n].\n\n[^n]: A note.");
        let Block::Paragraph { content, .. } = &blocks[0] else { panic!("{blocks:?}") };
        let note = Inline::Note { key: Some("f#n".into()), content: vec![para(vec![Inline::text("A note.")])] };
        assert_eq!(content[1], note);
        assert_eq!(
            content[3],
            Inline::Note { key: None, content: vec![para(vec![Inline::text("UN, Report, 2024.")])] }
        );
        assert_eq!(content[5], note);
        assert_eq!(blocks.len(), 1, "the definition is not a paragraph of its own");
    }

    #[test]
    fn headings_lists_tables_quotes_and_refused_links() {
        let md = "# H\n\n1. a\n2. b\n   - c\n\n> q\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n[bad](javascript:alert(1)) ![pic](p.png)";
        let blocks = convert(md);
        assert!(matches!(&blocks[0], Block::Heading { level: 2, .. }));
        let Block::List { start: Some(1), items } = &blocks[1] else { panic!("{:?}", blocks[1]) };
        assert!(matches!(items[1][1], Block::List { start: None, .. }));
        assert!(matches!(&blocks[2], Block::Quote(_)));
        let Block::Table { header: Some(h), rows, .. } = &blocks[3] else { panic!() };
        assert_eq!((h.len(), rows.len()), (2, 1));
        assert_eq!(blocks[4], para(vec![Inline::text("bad [pic]")]));
    }

    #[test]
    fn hostile_text_stays_text() {
        let blocks = convert("<script>alert(1)</script> & #read(\"/etc/passwd\")");
        assert_eq!(
            super::super::plain_text(match &blocks[0] {
                Block::Paragraph { content, .. } => content,
                other => panic!("{other:?}"),
            }),
            "<script>alert(1)</script> & #read(“/etc/passwd”)"
        );
    }
}
