//! The Typst of a whole document, and of the parts that `amicus.typ` lays out with functions
//! of its own: the cover (`cover`), the lists of figures and tables (`figure-list`), the
//! abbreviations (`abbreviation-list`), the sources (`sources-list`), the annexes (`annexes`,
//! `annex`), and paragraphs with a role (`subheading`, `articles`, `previous`).
//!
//! What a part holds and where it comes in the document is the document model's business;
//! how it looks is `amicus.typ`'s, which a submission can replace. This only calls the one
//! with the other, every piece of text escaped on the way ([`escape_markup`]).

use std::fmt::Write as _;

use super::convert::Writer;
use super::escape::{escape_markup, push_string_literal};
use crate::doc::{Block, Cover, Document, Inline, Listed, ParaStyle};

/// The Typst of a document's blocks, in order, to be placed after the template's set-up
/// (`report.typ` calls `document-setup`, then prints this). Ends with a newline unless empty.
pub fn document_to_typst(doc: &Document) -> String {
    let mut writer = Writer { annex_words: (doc.meta.annex.clone(), doc.meta.colon.clone()), ..Writer::default() };
    let mut typst = writer.blocks(&doc.blocks, "\n\n");
    if !typst.is_empty() {
        typst.push('\n');
    }
    typst
}

impl Writer {
    /// A paragraph: running text as it is; a role through its `amicus.typ` function.
    pub(super) fn paragraph(&mut self, style: ParaStyle, content: &[Inline], out: &mut String) {
        let function = match style {
            ParaStyle::Minor => "#subheading[",
            ParaStyle::Articles => "#articles[",
            ParaStyle::Previous => "#previous[",
            ParaStyle::Aside => "#block(text(size: 0.92em)[",
            ParaStyle::Part => "#heading(level: 1, numbering: none, outlined: true)[",
            ParaStyle::LeadIn => "#lead-in[",
            ParaStyle::Normal | ParaStyle::Title | ParaStyle::Subtitle | ParaStyle::Cover | ParaStyle::Caption => {
                return self.inlines(content, out);
            }
        };
        self.wrap(function, content, out);
        if style == ParaStyle::Aside {
            out.pop();
            out.push_str(");");
        }
    }

    /// `#cover(..)`: each line as the argument of its name.
    pub(super) fn cover(&mut self, c: &Cover, out: &mut String) {
        let line = |name: &str, text: &str, out: &mut String| {
            let _ = write!(out, "\n  {name}: [");
            escape_markup(text, out);
            out.push_str("],");
        };
        out.push_str("#cover(");
        line("kicker", &c.kicker, out);
        line("session", &c.session, out);
        line("state", &c.state, out);
        line("title", &c.title, out);
        if let Some(sub) = &c.subtitle {
            line("subtitle", sub, out);
        }
        line("stage", &c.stage, out);
        out.push_str("\n  organisations: (");
        for o in &c.organisations {
            out.push('[');
            escape_markup(o, out);
            out.push_str("], ");
        }
        out.push_str("),\n  logos: (");
        for logo in &c.logos {
            out.push('(');
            push_string_literal(&logo.virtual_path, out);
            out.push_str(", ");
            push_string_literal(&logo.alt, out);
            out.push_str("), ");
        }
        out.push_str("),");
        line("date", &c.date, out);
        line("statement", &c.statement, out);
        let _ = write!(out, "\n  confidential: {},", c.confidential);
        line("submitted-by", &c.submitted_by, out);
        out.push_str("\n);");
    }

    /// `#figure-list([title], image)` or `…, table)`.
    pub(super) fn list_of(&mut self, title: &str, what: Listed, out: &mut String) {
        out.push_str("#figure-list([");
        escape_markup(title, out);
        out.push_str(match what {
            Listed::Figures => "], image);",
            Listed::Tables => "], table);",
        });
    }

    /// `#abbreviation-list([title], (([term], [expansion]), …))`.
    pub(super) fn glossary(&mut self, title: &str, entries: &[(Vec<Inline>, Vec<Inline>)], out: &mut String) {
        out.push_str("#abbreviation-list([");
        escape_markup(title, out);
        out.push_str("], (");
        for (term, expansion) in entries {
            out.push_str("\n  ([");
            self.inlines(term, out);
            out.push_str("], [");
            self.inlines(expansion, out);
            out.push_str("]),");
        }
        out.push_str("\n));");
    }

    /// `#sources-list(([entry], …))`.
    pub(super) fn sources(&mut self, entries: &[Vec<Inline>], out: &mut String) {
        out.push_str("#sources-list((");
        for entry in entries {
            out.push_str("\n  [");
            self.inlines(entry, out);
            out.push_str("],");
        }
        out.push_str("\n));");
    }

    /// `#annex(n)[…]`, after the `annexes` rule that numbers annex headings (written before
    /// the first annex).
    pub(super) fn annex(
        &mut self,
        number: usize,
        title: &[Inline],
        anchor: Option<&str>,
        blocks: &[Block],
        out: &mut String,
    ) {
        if !self.in_annexes {
            self.in_annexes = true;
            out.push_str("#show: annexes.with(word: ");
            let (word, colon) = self.annex_words.clone();
            push_string_literal(&word, out);
            out.push_str(", colon: ");
            push_string_literal(&colon, out);
            out.push_str(")\n\n");
        }
        let _ = writeln!(out, "#annex({number})[");
        let heading = Block::Heading { level: 1, anchor: anchor.map(str::to_owned), content: title.to_vec() };
        self.block(&heading, out);
        let body = self.blocks(blocks, "\n\n");
        if !body.is_empty() {
            out.push_str("\n\n");
            out.push_str(&body);
        }
        out.push_str("\n];");
    }
}
