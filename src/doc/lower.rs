//! The document model's composite parts (a cover, a glossary, the sources, an annex …) in the
//! model's basic blocks: paragraphs with a role, tables, lists, page breaks.
//!
//! A writer with a look of its own for a part (the Typst writer calls `amicus.typ`'s
//! `cover`, `abbreviation-list`, `sources-list`, `annex`) writes it as such; any other writer
//! writes what [`basic`] gives, so that every part reaches every format, in the same order,
//! with no writer deciding what a part holds.

use super::{Block, Cover, Inline, Meta, ParaStyle};

/// Blocks with every composite part in basic blocks (see [`basic`]), at the same level.
pub fn basic_blocks(blocks: &[Block], meta: &Meta) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        match basic(block, meta) {
            Some(parts) => out.extend(basic_blocks(&parts, meta)),
            None => out.push(block.clone()),
        }
    }
    out
}

/// `block` in basic blocks, or `None` when it is one already. A list of figures or tables
/// gives no blocks: only a writer that lays out pages can fill it in.
pub fn basic(block: &Block, meta: &Meta) -> Option<Vec<Block>> {
    let para = |style: ParaStyle, content: Vec<Inline>| Block::Paragraph { style, content };
    let text = |t: &str| vec![Inline::text(t)];
    let cell = |content: Vec<Inline>| vec![Block::Paragraph { style: ParaStyle::Normal, content }];
    Some(match block {
        Block::Cover(cover) => cover_blocks(cover),
        Block::ListOf { .. } => Vec::new(),
        Block::Glossary { title, entries } => {
            let rows = entries
                .iter()
                .map(|(term, expansion)| vec![cell(vec![Inline::Strong(term.clone())]), cell(expansion.clone())]);
            vec![
                para(ParaStyle::Part, text(title)),
                Block::Table {
                    header: None,
                    rows: rows.collect(),
                    widths: vec![1, 4],
                    align: Vec::new(),
                    caption: None,
                },
            ]
        }
        Block::Sources(entries) => vec![Block::List {
            start: Some(1),
            items: entries.iter().map(|e| vec![para(ParaStyle::Normal, e.clone())]).collect(),
            tight: true,
            paren: false,
        }],
        Block::Annex { number, title, blocks, .. } => {
            let colon = format!("{}{}", meta.colon, crate::i18n::space_after(&meta.colon));
            let mut heading = text(&format!("{} {}{colon}", meta.annex, crate::i18n::roman(*number)));
            heading.extend(title.iter().cloned());
            let mut out = vec![Block::PageBreak, para(ParaStyle::Part, heading)];
            out.extend(blocks.iter().cloned());
            out
        }
        _ => return None,
    })
}

/// A cover as paragraphs, then a page break.
fn cover_blocks(c: &Cover) -> Vec<Block> {
    let para = |style: ParaStyle, t: &str| Block::Paragraph { style, content: vec![Inline::text(t)] };
    let mut out =
        vec![para(ParaStyle::Cover, &c.kicker), para(ParaStyle::Cover, &c.session), para(ParaStyle::Cover, &c.state)];
    out.push(para(ParaStyle::Title, &c.title));
    if let Some(sub) = &c.subtitle {
        out.push(para(ParaStyle::Subtitle, sub));
    }
    out.push(para(ParaStyle::Cover, &c.stage));
    out.push(para(ParaStyle::Minor, &c.submitted_by));
    out.extend(c.organisations.iter().map(|o| para(ParaStyle::Cover, o)));
    out.push(para(ParaStyle::Cover, &c.date));
    out.push(para(ParaStyle::Cover, &c.statement));
    out.push(Block::PageBreak);
    out
}
