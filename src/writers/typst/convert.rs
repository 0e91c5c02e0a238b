//! The Typst writer: the document model ([`crate::doc`]) to Typst markup.
//!
//! Markdown is read once, into the model, by [`crate::doc::markdown::read_markdown`]; this
//! writes what it read. Every piece of text goes through [`escape_markup`] and every URL,
//! label or piece of code through a string literal, so the output is safe to splice into a
//! template. Every emitted `#fn(..)[..]` call ends with `;`, so text that follows it (`(`,
//! `.`, `[`) stays text.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::escape::{escape_markup, push_string_literal};
use crate::doc::markdown::read_markdown;
use crate::doc::{Align, Block, Inline, ParaStyle, RefTo};

/// Whether a list is short enough to keep whole with its lead-in: at most five items of at
/// most 300 characters each (about four lines), so that a lead-in never ends a page with one
/// item of four under it.
fn short_list(items: &[Vec<Block>]) -> bool {
    items.len() <= 5
        && items.iter().all(|item| {
            item.iter().all(|b| {
                matches!(b, Block::Paragraph { content, .. } if crate::doc::plain_text(content).chars().count() <= 300)
            })
        })
}

pub use crate::doc::markdown::{ImageUse, MarkdownOptions, MarkupProblem, Severity, WordCount, XrefTarget};

/// The result of [`markdown_to_typst`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// Typst markup, safe to splice into a template (block level; ends with a newline unless
    /// empty).
    pub typst: String,
    /// What was read: the document model's blocks, for the other writers (Word, HTML).
    pub blocks: Vec<Block>,
    /// Source ids referenced via `[^id]`.
    pub used_sources: std::collections::BTreeSet<String>,
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
    /// Where the costliest elements to lay out are.
    pub heavy: crate::doc::markdown::Heavy,
}

/// Converts one Markdown field to Typst markup: [`read_markdown`], then [`blocks_to_typst`].
///
/// Footnotes appear as `#footnote[..]` at their first reference; later references to the same
/// footnote point to it by label. A reference `[^id]` to a source becomes a footnote holding
/// the source's citation (or `#source-note(..)` with [`MarkdownOptions::short_sources`]).
pub fn markdown_to_typst(md: &str, opts: &MarkdownOptions) -> Converted {
    let read = read_markdown(md, opts);
    let typst = blocks_to_typst(&read.blocks);
    Converted {
        typst,
        blocks: read.blocks,
        used_sources: read.used_sources,
        words: read.words,
        problems: read.problems,
        images: read.images,
        figures: read.figures,
        tables: read.tables,
        heavy: read.heavy,
    }
}

/// Blocks as Typst markup, one blank line between them (ends with a newline unless empty).
///
/// Footnotes with a key are written whole at their first occurrence, with the key as their
/// label, and as `#footnote(label(..))` afterwards.
pub fn blocks_to_typst(blocks: &[Block]) -> String {
    let mut writer = Writer::default();
    let mut typst = writer.blocks(blocks, "\n\n");
    if !typst.is_empty() {
        typst.push('\n');
    }
    typst
}

/// Inline runs as Typst markup (a citation, for the templates).
pub fn inlines_to_typst(inlines: &[Inline]) -> String {
    let mut out = String::new();
    Writer::default().inlines(inlines, &mut out);
    out
}

/// Writes Typst.
#[derive(Default)]
pub(super) struct Writer {
    /// Keys of the footnotes written with a label.
    pub(super) emitted: HashSet<String>,
    /// What an annex is called and the colon after its number, for the `annexes` rule
    /// written before the first annex ([`Block::Annex`]).
    pub(super) annex_words: (String, String),
    /// Whether the `annexes` rule has been written.
    pub(super) in_annexes: bool,
    /// Whether we are inside a heading (see [`Writer::note`]).
    pub(super) in_heading: bool,
    /// Whether footnotes are written whole, without labels and without pointing to labels
    /// written elsewhere: inside a heading's footnote, which is not the copy later references
    /// point to.
    pub(super) unlabelled: bool,
}

impl Writer {
    /// Blocks joined by `sep`; a block that writes nothing takes no separator.
    pub(super) fn blocks(&mut self, blocks: &[Block], sep: &str) -> String {
        let mut out = String::new();
        let mut i = 0;
        while i < blocks.len() {
            let block = &blocks[i];
            i += 1;
            // Written in place, the separator first; taken back if the block wrote nothing.
            let before = out.len();
            if before > 0 {
                out.push_str(sep);
            }
            let start = out.len();
            match (block, blocks.get(i)) {
                // A lead-in and a short list stay together on one page; before a long list,
                // the lead-in stays with its first lines (`lead-in` in amicus.typ).
                (Block::Paragraph { style: ParaStyle::LeadIn, content }, Some(list @ Block::List { items, .. }))
                    if short_list(items) =>
                {
                    out.push_str("#keep-together[");
                    self.inlines(content, &mut out);
                    out.push_str("\n\n");
                    self.block(list, &mut out);
                    out.push_str("];");
                    i += 1;
                }
                (Block::Paragraph { style: ParaStyle::LeadIn, content }, _) => {
                    out.push_str("#lead-in[");
                    self.inlines(content, &mut out);
                    out.push_str("];");
                }
                _ => self.block(block, &mut out),
            }
            if out.len() == start {
                out.truncate(before);
            }
        }
        out
    }

    pub(super) fn block(&mut self, block: &Block, out: &mut String) {
        match block {
            Block::Paragraph { style, content } => self.paragraph(*style, content, out),
            Block::Heading { level, anchor, content } => {
                let _ = write!(out, "#heading(level: {level})[");
                self.in_heading = true;
                self.inlines(content, out);
                self.in_heading = false;
                out.push(']');
                if let Some(anchor) = anchor {
                    out.push_str("#label(");
                    push_string_literal(anchor, out);
                    out.push(')');
                }
                out.push(';');
            }
            Block::Cover(cover) => self.cover(cover, out),
            Block::ListOf { title, what } => self.list_of(title, *what, out),
            Block::Glossary { title, entries } => self.glossary(title, entries, out),
            Block::Sources(entries) => self.sources(entries, out),
            Block::Annex { number, title, anchor, blocks } => {
                self.annex(*number, title, anchor.as_deref(), blocks, out)
            }
            Block::Quote(blocks) => {
                out.push_str("#quote(block: true)[");
                out.push_str(&self.blocks(blocks, "\n\n"));
                out.push_str("];");
            }
            Block::List { start, items, tight, paren } => {
                match start {
                    None => out.push_str("#list("),
                    Some(start) => {
                        let _ = write!(out, "#enum(start: {start}, ");
                        if *paren {
                            out.push_str("numbering: \"1)\", ");
                        }
                    }
                }
                let _ = write!(out, "tight: {tight}");
                let sep = if *tight { "\n" } else { "\n\n" };
                for item in items {
                    out.push_str(", [");
                    out.push_str(&self.blocks(item, sep));
                    out.push(']');
                }
                out.push_str(");");
            }
            Block::Code { lang, text } => {
                out.push_str("#raw(block: true, ");
                if let Some(lang) = lang {
                    out.push_str("lang: ");
                    push_string_literal(lang, out);
                    out.push_str(", ");
                }
                push_string_literal(text, out);
                out.push_str(");");
            }
            Block::Rule => out.push_str("#divider();"),
            Block::Table { header, rows, widths, align, caption } => {
                self.table(header.as_ref(), rows, widths, align, caption, out);
            }
            Block::Figure { image, caption } => {
                out.push_str("#figure(picture(");
                push_string_literal(&image.virtual_path, out);
                out.push_str(", ");
                push_string_literal(&image.alt, out);
                out.push(')');
                match caption {
                    // Without a caption, a figure has no number and is not listed.
                    None => out.push_str(", numbering: none, outlined: false);"),
                    Some(caption) => {
                        out.push_str(", caption: [");
                        self.inlines(caption, out);
                        out.push_str("]);");
                    }
                }
            }
            Block::Recommendation { label, anchor, content } => {
                out.push_str("#recommendation([");
                escape_markup(label, out);
                out.push_str("])");
                self.wrap("[", content, out);
                if let Some(anchor) = anchor {
                    out.pop();
                    out.push_str("#label(");
                    push_string_literal(anchor, out);
                    out.push_str(");");
                }
            }
            Block::Contents { title } => {
                out.push_str("#outline(title: [");
                escape_markup(title, out);
                out.push_str("], depth: 2);");
            }
            Block::PageBreak => out.push_str("#pagebreak();"),
        }
    }

    /// A table: `#table(..)`, or with a caption `#figure(kind: table, table(..), caption: ..)`.
    fn table(
        &mut self,
        header: Option<&Vec<Vec<Block>>>,
        rows: &[Vec<Vec<Block>>],
        widths: &[u32],
        align: &[Align],
        caption: &Option<Vec<Inline>>,
        out: &mut String,
    ) {
        let columns = if !widths.is_empty() {
            widths.len()
        } else if align.is_empty() {
            header.map(Vec::len).or_else(|| rows.first().map(Vec::len)).unwrap_or(1).max(1)
        } else {
            align.len()
        };
        let mut body = String::new();
        if widths.is_empty() {
            let _ = write!(body, "table(columns: {columns}, align: (");
        } else {
            // Shares of the width; 0: as narrow as the content.
            body.push_str("table(columns: (");
            for w in widths {
                if *w == 0 {
                    body.push_str("auto, ");
                } else {
                    let _ = write!(body, "{w}fr, ");
                }
            }
            body.push_str("), align: (");
        }
        for i in 0..columns {
            body.push_str(match align.get(i) {
                Some(Align::Left) => "left, ",
                Some(Align::Center) => "center, ",
                Some(Align::Right) => "right, ",
                Some(Align::Start) => "start, ",
                Some(Align::End) => "end, ",
                // The start of the line, not the centre a figure (a captioned table) would
                // give its cells.
                Some(Align::Auto) | None => "start, ",
            });
        }
        body.push_str("),");
        if let Some(cells) = header {
            // Header cells are bold, like the consolidated list's.
            let cells: Vec<String> = (0..columns).map(|i| format!("[#strong[{}];]", self.cell(cells.get(i)))).collect();
            let _ = write!(body, "\n  table.header({}),", cells.join(", "));
        }
        for row in rows {
            let cells: Vec<String> = (0..columns).map(|i| format!("[{}]", self.cell(row.get(i)))).collect();
            let _ = write!(body, "\n  {},", cells.join(", "));
        }
        body.push_str("\n)");
        match caption {
            None => {
                out.push('#');
                out.push_str(&body);
                out.push(';');
            }
            Some(caption) => {
                out.push_str("#figure(kind: table, ");
                out.push_str(&body);
                out.push_str(", caption: [");
                self.inlines(caption, out);
                out.push_str("]);");
            }
        }
    }

    /// A table cell's content: its paragraphs' runs (a Markdown cell is one paragraph).
    fn cell(&mut self, blocks: Option<&Vec<Block>>) -> String {
        let mut out = String::new();
        for block in blocks.map(Vec::as_slice).unwrap_or_default() {
            if !out.is_empty() {
                out.push(' ');
            }
            match block {
                Block::Paragraph { content, .. } => self.inlines(content, &mut out),
                other => self.block(other, &mut out),
            }
        }
        out
    }

    pub(super) fn inlines(&mut self, inlines: &[Inline], out: &mut String) {
        for (i, inline) in inlines.iter().enumerate() {
            if i > 0 && inline.is_note() && inlines[i - 1].is_note() && !self.in_heading {
                out.push_str("#super[,];");
            }
            self.inline(inline, out);
        }
    }

    fn inline(&mut self, inline: &Inline, out: &mut String) {
        match inline {
            Inline::Text(t) => escape_markup(t, out),
            Inline::SoftBreak => out.push('\n'),
            Inline::LineBreak => out.push_str("#linebreak();"),
            Inline::Code(code) => {
                out.push_str("#raw(");
                push_string_literal(code, out);
                out.push_str(");");
            }
            Inline::Emph(c) => self.wrap("#emph[", c, out),
            Inline::Strong(c) => self.wrap("#strong[", c, out),
            Inline::Strike(c) => self.wrap("#strike[", c, out),
            Inline::Link { url, content } if content.is_empty() => {
                out.push_str("#link(");
                push_string_literal(url, out);
                out.push_str(");");
            }
            Inline::Link { url, content } => {
                out.push_str("#link(");
                push_string_literal(url, out);
                out.push(')');
                self.wrap("[", content, out);
            }
            Inline::Internal { target, content } => {
                out.push_str("#link(label(");
                push_string_literal(target, out);
                out.push_str("))");
                self.wrap("[", content, out);
            }
            Inline::CrossRef { target, to } => {
                let (function, title) = match to {
                    RefTo::Finding(title) => ("#finding-ref(", title),
                    RefTo::FindingShort(title) => {
                        out.push_str("#finding-ref(");
                        push_string_literal(target, out);
                        out.push_str(", short: true)");
                        self.wrap("[", title, out);
                        return;
                    }
                    RefTo::Annex(title) => ("#annex-ref(", title),
                    // The number alone: no link in each row of the consolidated list (see
                    // `RefTo::ListedRecommendation`).
                    RefTo::ListedRecommendation(number) => {
                        let _ = write!(out, "R{number}");
                        return;
                    }
                    RefTo::Recommendation(number) => {
                        out.push_str("#rec-ref(");
                        push_string_literal(target, out);
                        let _ = write!(out, ", {number});");
                        return;
                    }
                };
                out.push_str(function);
                push_string_literal(target, out);
                out.push(')');
                self.wrap("[", title, out);
            }
            Inline::Image(image) => {
                out.push_str("#box(image(");
                push_string_literal(&image.virtual_path, out);
                out.push_str(", alt: ");
                push_string_literal(&image.alt, out);
                out.push_str(", height: 1em));");
            }
            Inline::Note { .. } | Inline::SourceNote { .. } => self.note(inline, out),
        }
    }

    /// Writes `open`, the runs, and `];`.
    pub(super) fn wrap(&mut self, open: &str, content: &[Inline], out: &mut String) {
        out.push_str(open);
        self.inlines(content, out);
        out.push_str("];");
    }

    /// A footnote.
    ///
    /// A heading is printed twice, in the text and in the table of contents, so a footnote
    /// there is written as `#context if not state("amicus-in-outline", …).get() { … }`
    /// (`amicus.typ` sets that state around the contents) and never carries a label: a
    /// label printed twice would stop the build, and the contents should show no footnote.
    fn note(&mut self, note: &Inline, out: &mut String) {
        if !self.in_heading {
            return self.note_in_text(note, out);
        }
        let mut written = String::new();
        // Inside the footnote's own content, headings are not in play. Everything written
        // for it carries no label (nested footnotes included): labels are written by the
        // references in the text, which write the footnotes again.
        self.in_heading = false;
        let unlabelled = std::mem::replace(&mut self.unlabelled, true);
        let emitted = self.emitted.clone();
        self.note_in_text(note, &mut written);
        self.emitted = emitted;
        self.unlabelled = unlabelled;
        self.in_heading = true;
        let written = written.trim_end_matches(';');
        let code = written.strip_prefix('#').unwrap_or(written);
        let _ = write!(out, "#context if not state(\"amicus-in-outline\", false).get() {{ {code} }};");
    }

    /// [`Writer::note`] outside headings.
    fn note_in_text(&mut self, note: &Inline, out: &mut String) {
        match note {
            Inline::SourceNote { id, full, short } => {
                out.push_str("#source-note(");
                push_string_literal(id, out);
                out.push_str(", [");
                self.inlines(full, out);
                out.push_str("], [");
                self.inlines(short, out);
                out.push_str("]);");
            }
            Inline::Note { key, content } => {
                let key = key.as_ref().filter(|_| !self.unlabelled);
                if let Some(key) = key.filter(|k| self.emitted.contains(*k)) {
                    out.push_str("#footnote(label(");
                    push_string_literal(key, out);
                    out.push_str("));");
                    return;
                }
                out.push_str("#footnote[");
                out.push_str(&self.blocks(content, "\n\n"));
                match key {
                    Some(key) => {
                        let _ = write!(out, "]<{key}>");
                        self.emitted.insert(key.clone());
                    }
                    None => out.push_str("];"),
                }
            }
            _ => {}
        }
    }
}
