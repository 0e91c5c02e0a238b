//! The HTML writer: the document model ([`crate::doc`]) to HTML, for the web version of the
//! brief.
//!
//! Markdown is read once, into the model, by [`crate::doc::markdown::read_markdown`] (the same
//! reading the PDF's Typst is written from); this writes what it read, so the web page and the
//! PDF print the same text: the same typographic quotes, footnotes resolved against the same
//! sources, raw HTML shown as text, refused links as their text, images as their
//! description. The fragment enters templates as [`Html`], a value minijinja treats as
//! already escaped.
//!
//! One escaping rule set ([`escape`]) for text and attribute values alike:
//!
//! - `&`, `<`, `>`, `"` and `'` become `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`, wherever
//!   they occur (so the same function serves text and quoted attributes);
//! - a carriage return becomes a line feed (as the HTML parser would make it);
//! - characters XML 1.0 cannot carry (the other C0 controls, U+FFFE, U+FFFF) become U+FFFD, so
//!   the fragment stays well-formed XHTML and the author sees where something was;
//! - everything else is written as it is (UTF-8).
//!
//! Nothing else in this writer puts user text into HTML; every tag it writes is its own.

use minijinja::value::Value;
use serde::{Serialize, Serializer};
use std::collections::HashMap;
use std::fmt::Write as _;

use crate::doc::{Align, Block, Inline, RefTo};

/// HTML that is already safe (from [`blocks_to_html`]): `.html` templates print it as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Html(pub String);

impl Serialize for Html {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // As for `render::Typst`: a minijinja `Value` survives serialization into minijinja,
        // so the string stays marked safe and is not escaped a second time.
        Value::from_safe_string(self.0.clone()).serialize(s)
    }
}

/// How to write one field.
#[derive(Debug, Clone, Copy)]
pub struct HtmlOptions<'a> {
    /// Added to the model's heading levels: with 1, a level-2 heading becomes `<h3>` (capped
    /// at `<h6>`).
    pub heading_offset: isize,
    /// Prefixed to footnote ids (`fn-…`, `fnref-…`) so that footnotes of several fields on one
    /// page do not share ids. Letters, digits and `-` only.
    pub id_prefix: &'a str,
}

/// Appends `text`, escaped for HTML text or a quoted attribute value, to `out`.
pub fn escape(text: &str, out: &mut String) {
    out.reserve(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' => out.push('\n'),
            c if crate::writers::docx::xml::allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

/// Blocks as an HTML fragment, footnotes in a `<section class="footnotes">` at its end.
pub fn blocks_to_html(blocks: &[Block], opts: &HtmlOptions) -> Html {
    let mut writer = Writer { opts, notes: Vec::new(), keyed: HashMap::new(), sources: HashMap::new() };
    let mut out = String::new();
    writer.blocks(blocks, &mut out);
    if !writer.notes.is_empty() {
        out.push_str("<section class=\"footnotes\" data-footnotes=\"\">\n<ol>\n");
        let prefix = opts.id_prefix;
        for (i, note) in writer.notes.iter().enumerate() {
            let n = i + 1;
            let _ = writeln!(out, "<li id=\"{prefix}fn-{n}\">");
            let back = format!(
                " <a href=\"#{prefix}fnref-{n}\" class=\"footnote-backref\" data-footnote-backref=\"\" aria-label=\"Back to reference {n}\">↩</a>"
            );
            // The link back goes at the end of the note's last paragraph.
            match note.rfind("</p>\n") {
                Some(at) if note.ends_with("</p>\n") => {
                    out.push_str(&note[..at]);
                    out.push_str(&back);
                    out.push_str("</p>\n");
                }
                _ => {
                    out.push_str(note);
                    let _ = writeln!(out, "<p>{}</p>", back.trim_start());
                }
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n</section>\n");
    }
    Html(out)
}

/// Writes HTML.
struct Writer<'o> {
    opts: &'o HtmlOptions<'o>,
    /// The footnotes' HTML, in order of first reference.
    notes: Vec<String>,
    /// Footnote key -> its number, for later references.
    keyed: HashMap<String, usize>,
    /// Source id -> the number of the footnote citing it in full.
    sources: HashMap<String, usize>,
}

impl Writer<'_> {
    fn blocks(&mut self, blocks: &[Block], out: &mut String) {
        for block in blocks {
            self.block(block, out);
        }
    }

    fn block(&mut self, block: &Block, out: &mut String) {
        // A cover, a glossary, the sources or an annex: written as the model's basic blocks.
        if let Some(blocks) = crate::doc::lower::basic(block, &crate::doc::Meta::default()) {
            for b in &blocks {
                self.block(b, out);
            }
            return;
        }
        match block {
            Block::Paragraph { style, content } => {
                // A lead-in: printed, the page does not break after it.
                out.push_str(if *style == crate::doc::ParaStyle::LeadIn { r#"<p class="lead-in">"# } else { "<p>" });
                self.inlines(content, out);
                out.push_str("</p>\n");
            }
            Block::Heading { level, content, .. } => {
                let level = (isize::from(*level) + self.opts.heading_offset).clamp(1, 6);
                let _ = write!(out, "<h{level}>");
                self.inlines(content, out);
                let _ = writeln!(out, "</h{level}>");
            }
            Block::Quote(blocks) => {
                out.push_str("<blockquote>\n");
                self.blocks(blocks, out);
                out.push_str("</blockquote>\n");
            }
            Block::List { start, items, tight, .. } => {
                let tag = match start {
                    None => {
                        out.push_str("<ul>\n");
                        "ul"
                    }
                    Some(1) => {
                        out.push_str("<ol>\n");
                        "ol"
                    }
                    Some(n) => {
                        let _ = writeln!(out, "<ol start=\"{n}\">");
                        "ol"
                    }
                };
                for item in items {
                    out.push_str("<li>");
                    match item.as_slice() {
                        // A tight item's paragraph is its text.
                        [Block::Paragraph { content, .. }, rest @ ..] if *tight => {
                            self.inlines(content, out);
                            if !rest.is_empty() {
                                out.push('\n');
                                self.blocks(rest, out);
                            }
                        }
                        blocks => {
                            out.push('\n');
                            self.blocks(blocks, out);
                        }
                    }
                    out.push_str("</li>\n");
                }
                let _ = writeln!(out, "</{tag}>");
            }
            Block::Code { lang, text } => {
                out.push_str("<pre><code");
                if let Some(lang) = lang {
                    out.push_str(" class=\"language-");
                    escape(lang, out);
                    out.push('"');
                }
                out.push('>');
                escape(text, out);
                out.push_str("\n</code></pre>\n");
            }
            Block::Rule => out.push_str("<hr />\n"),
            Block::Table { header, rows, align, caption, .. } => {
                out.push_str("<table>\n");
                if let Some(caption) = caption {
                    out.push_str("<caption>");
                    self.inlines(caption, out);
                    out.push_str("</caption>\n");
                }
                if let Some(cells) = header {
                    out.push_str("<thead>\n<tr>\n");
                    self.cells(cells, align, "th scope=\"col\"", "th", out);
                    out.push_str("</tr>\n</thead>\n");
                }
                if !rows.is_empty() {
                    out.push_str("<tbody>\n");
                    for row in rows {
                        out.push_str("<tr>\n");
                        self.cells(row, align, "td", "td", out);
                        out.push_str("</tr>\n");
                    }
                    out.push_str("</tbody>\n");
                }
                out.push_str("</table>\n");
            }
            Block::Figure { image, caption } => {
                // The page loads nothing: a figure is its description (and caption).
                out.push_str("<figure>\n<p class=\"image-description\">");
                escape(&format!("[{}]", image.alt), out);
                out.push_str("</p>\n");
                if let Some(caption) = caption {
                    out.push_str("<figcaption>");
                    self.inlines(caption, out);
                    out.push_str("</figcaption>\n");
                }
                out.push_str("</figure>\n");
            }
            Block::Recommendation { label, content, .. } => {
                out.push_str("<p><strong>");
                escape(label, out);
                out.push_str("</strong> ");
                self.inlines(content, out);
                out.push_str("</p>\n");
            }
            // Written as basic blocks above.
            Block::Cover(_)
            | Block::ListOf { .. }
            | Block::Glossary { .. }
            | Block::Sources(_)
            | Block::Annex { .. } => {}
            Block::Contents { .. } | Block::PageBreak => {}
        }
    }

    /// A row's cells, each `<open>…</close>`, aligned as the column is.
    fn cells(&mut self, cells: &[Vec<Block>], align: &[Align], open: &str, close: &str, out: &mut String) {
        for (i, cell) in cells.iter().enumerate() {
            let _ = write!(out, "<{open}");
            match align.get(i) {
                Some(Align::Left) => out.push_str(" align=\"left\""),
                Some(Align::Center) => out.push_str(" align=\"center\""),
                Some(Align::Right | Align::End) => out.push_str(" align=\"right\""),
                Some(Align::Auto | Align::Start) | None => {}
            }
            out.push('>');
            let mut first = true;
            for block in cell {
                match block {
                    Block::Paragraph { content, .. } => {
                        if !first {
                            out.push_str("<br />");
                        }
                        self.inlines(content, out);
                    }
                    other => self.block(other, out),
                }
                first = false;
            }
            let _ = writeln!(out, "</{close}>");
        }
    }

    fn inlines(&mut self, inlines: &[Inline], out: &mut String) {
        for (i, inline) in inlines.iter().enumerate() {
            if i > 0 && inline.is_note() && inlines[i - 1].is_note() {
                out.push_str("<sup>,</sup>");
            }
            self.inline(inline, out);
        }
    }

    fn wrap(&mut self, tag: &str, content: &[Inline], out: &mut String) {
        let _ = write!(out, "<{tag}>");
        self.inlines(content, out);
        let _ = write!(out, "</{tag}>");
    }

    fn inline(&mut self, inline: &Inline, out: &mut String) {
        match inline {
            Inline::Text(t) => escape(t, out),
            Inline::SoftBreak => out.push('\n'),
            Inline::LineBreak => out.push_str("<br />\n"),
            Inline::Code(code) => {
                out.push_str("<code>");
                escape(code, out);
                out.push_str("</code>");
            }
            Inline::Emph(c) => self.wrap("em", c, out),
            Inline::Strong(c) => self.wrap("strong", c, out),
            Inline::Strike(c) => self.wrap("del", c, out),
            Inline::Link { url, content } => {
                out.push_str("<a href=\"");
                escape(url, out);
                out.push_str("\">");
                if content.is_empty() {
                    escape(url, out);
                } else {
                    self.inlines(content, out);
                }
                out.push_str("</a>");
            }
            // Findings and recommendations are not on the brief's page by these anchors: the
            // text is kept, without a link.
            Inline::Internal { content, .. } => self.inlines(content, out),
            Inline::CrossRef { to, .. } => match to {
                RefTo::Finding(title) | RefTo::Annex(title) => self.wrap("em", title, out),
                RefTo::FindingShort(title) => self.inlines(title, out),
                RefTo::Recommendation(n) | RefTo::ListedRecommendation(n) => {
                    let _ = write!(out, "R{n}");
                }
            },
            Inline::Image(image) => escape(&format!("[{}]", image.alt), out),
            Inline::Note { key, content } => {
                if let Some(n) = key.as_ref().and_then(|k| self.keyed.get(k)).copied() {
                    return self.reference(n, out);
                }
                let n = self.note(content);
                if let Some(key) = key {
                    self.keyed.insert(key.clone(), n);
                }
                self.reference(n, out);
            }
            // A source is one note, cited in full; every citation of it refers to that note.
            Inline::SourceNote { id, full, .. } => {
                if let Some(n) = self.sources.get(id).copied() {
                    return self.reference(n, out);
                }
                let content = [Block::Paragraph { style: crate::doc::ParaStyle::Normal, content: full.clone() }];
                let n = self.note(&content);
                self.sources.insert(id.clone(), n);
                self.reference(n, out);
            }
        }
    }

    /// Writes a footnote's text into the notes; returns its number.
    fn note(&mut self, content: &[Block]) -> usize {
        // Reserve the number first: notes inside this one come after it.
        self.notes.push(String::new());
        let n = self.notes.len();
        let mut text = String::new();
        self.blocks(content, &mut text);
        self.notes[n - 1] = text;
        n
    }

    /// A footnote's number in the text, linked to the note.
    fn reference(&self, n: usize, out: &mut String) {
        let prefix = self.opts.id_prefix;
        let _ = write!(
            out,
            "<sup class=\"footnote-ref\"><a href=\"#{prefix}fn-{n}\" id=\"{prefix}fnref-{n}\" data-footnote-ref=\"\">{n}</a></sup>"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Inline;
    use crate::doc::markdown::{MarkdownOptions, read_markdown};
    use std::collections::BTreeMap;

    fn html(md: &str) -> String {
        let sources = BTreeMap::from([(
            "kun".to_string(),
            vec![Inline::text("Kun.uz, "), Inline::Emph(vec![Inline::text("Deportations")]), Inline::text(", 2025.")],
        )]);
        let blocks = read_markdown(md, &MarkdownOptions::new(&sources).with_heading_offset(1)).blocks;
        let out = blocks_to_html(&blocks, &HtmlOptions { heading_offset: 1, id_prefix: "intro-" }).0;
        assert!(roxmltree::Document::parse(&format!("<div>{out}</div>")).is_ok(), "not well-formed: {out}");
        out
    }

    /// The text of an XHTML fragment, as a reader sees it.
    fn text_of(fragment: &str) -> String {
        let xml = format!("<div>{fragment}</div>");
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{e}: {xml}"));
        doc.root_element().descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect()
    }

    #[test]
    fn links_follow_the_one_policy() {
        let out = html("[a](ms-settings:privacy) [b](example.org) [c](mailto:x@y.org) [d](vbscript:x)");
        assert_eq!(out.matches("<a ").count(), 1, "{out}");
        assert!(out.contains("href=\"mailto:x@y.org\""), "{out}");
        assert!(!out.contains("ms-settings:") && !out.contains("vbscript"), "{out}");
        assert!(out.contains("<p>a b "), "the text stays: {out}");
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let out = html("Hello <script>alert(1)</script> & <b>bold</b>\n\n<div onclick=x>block</div>");
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<b>"), "{out}");
        assert!(!out.contains("<div"), "{out}");
        assert!(out.contains("&lt;script&gt;"), "{out}");
        assert!(out.contains("&amp;"), "{out}");
        assert!(text_of(&out).contains("<div onclick=x>block</div>"), "{out}");
    }

    #[test]
    fn dangerous_links_lose_their_target() {
        let out = html("[x](javascript:alert(1)) [y](https://example.org)");
        assert!(!out.contains("javascript:"), "{out}");
        assert!(out.contains("href=\"https://example.org\""), "{out}");
    }

    #[test]
    fn headings_move_below_the_page_headings() {
        assert!(html("# Top\n\n###### Deep").contains("<h3>Top</h3>"));
        assert!(html("###### Deep").contains("<h6>Deep</h6>"));
    }

    #[test]
    fn images_become_their_description() {
        let out = html("See ![a map of the raids](map.png).");
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("[a map of the raids]"), "{out}");
    }

    #[test]
    fn sources_become_footnotes_with_unique_ids() {
        let out = html("Deported.[^kun] Again.[^kun] A note.[^n]\n\n[^n]: Which \"says\" so[^kun].");
        assert!(out.contains("href=\"#intro-fn-1\""), "{out}");
        assert!(out.contains("id=\"intro-fn-1\""), "{out}");
        assert!(out.contains("<em>Deportations</em>"), "{out}");
        assert_eq!(out.matches("Deportations").count(), 1, "one note per source: {out}");
        assert_eq!(out.matches("id=\"intro-fn-").count(), 2, "{out}");
        assert!(out.contains("Which “says” so"), "the PDF's quotes: {out}");
        assert!(out.contains("data-footnotes=\"\""), "{out}");
    }

    #[test]
    fn an_unclosed_fence_does_not_swallow_the_sources() {
        let out = html("Text[^kun]\n\n```\ncode");
        assert!(out.contains("code"), "{out}");
        assert!(out.contains("Deportations"), "{out}");
    }

    #[test]
    fn tables_have_scoped_headers_alignment_and_caption() {
        let out = html("| a | b |\n|---|:-:|\n| 1 | 2 |\n\nTable: Counts");
        assert!(out.contains("<th scope=\"col\">a</th>"), "{out}");
        assert!(out.contains("<th scope=\"col\" align=\"center\">b</th>"), "{out}");
        assert!(out.contains("<td align=\"center\">2</td>"), "{out}");
        assert!(out.contains("<caption>Counts</caption>"), "{out}");
    }

    #[test]
    fn lists_tight_and_loose() {
        assert_eq!(html("- a\n- b"), "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n");
        assert_eq!(html("3. a\n\n4. b"), "<ol start=\"3\">\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ol>\n");
    }

    fn own_link(n: &roxmltree::Node) -> bool {
        n.attribute("href").is_some_and(|h| h.starts_with('#'))
    }

    /// Every hostile string of the Typst tests, and XML's own, in every place text can go,
    /// reads back literally from the parsed fragment.
    #[test]
    fn hostile_text_reads_back_literally_everywhere() {
        for text in crate::writers::typst::tests::HOSTILE.iter().copied().chain([
            "</p><script>alert(1)</script>",
            "\" onmouseover=\"x",
            "' onfocus='x",
            "]]> &amp; &#x41; <![CDATA[ x ]]> <!-- c -->",
            "\u{0}nul \u{7}bell \u{1b}esc \u{FFFE}",
            "tab\tand\rcr\r\nline",
        ]) {
            let t = || Inline::text(text);
            let p = |content: Vec<Inline>| Block::Paragraph { style: crate::doc::ParaStyle::Normal, content };
            let blocks = vec![
                Block::Heading { level: 2, anchor: None, content: vec![t()] },
                p(vec![
                    t(),
                    Inline::Emph(vec![t()]),
                    Inline::Strong(vec![t()]),
                    Inline::Strike(vec![t()]),
                    Inline::Code(text.into()),
                    Inline::Link { url: format!("https://x.org/{text}"), content: vec![t()] },
                    Inline::Note { key: None, content: vec![p(vec![t()])] },
                ]),
                Block::List { start: Some(2), items: vec![vec![p(vec![t()])]], tight: true, paren: false },
                Block::Quote(vec![p(vec![t()])]),
                Block::Code { lang: Some(text.into()), text: text.into() },
                Block::Table {
                    header: Some(vec![vec![p(vec![t()])]]),
                    rows: vec![vec![vec![p(vec![t()])]]],
                    widths: Vec::new(),
                    align: Vec::new(),
                    caption: Some(vec![t()]),
                },
            ];
            let out = blocks_to_html(&blocks, &HtmlOptions { heading_offset: 1, id_prefix: "x-" }).0;
            let xml = format!("<div>{out}</div>");
            let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{e}: {text:?}\n{out}"));
            let shown: String = text
                .chars()
                .map(|c| match c {
                    '\r' => '\n',
                    '\t' | '\n' => c,
                    c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
                    c => c,
                })
                .collect();
            let root = doc.root_element();
            for tag in ["h3", "em", "strong", "del", "code", "a", "li", "blockquote", "th", "td", "caption"] {
                // Footnote numbers and the links back are the writer's own.
                for node in root.descendants().filter(|n| n.has_tag_name(tag) && !own_link(n)) {
                    let got: String = node.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect();
                    assert!(got.contains(&shown), "<{tag}> {got:?} lacks {shown:?}");
                }
            }
            let a = root.descendants().find(|n| n.has_tag_name("a") && !own_link(n)).unwrap();
            // An XML parser reads a tab or line end in an attribute as a space (an HTML one
            // keeps it); addresses hold neither.
            let href = format!("https://x.org/{shown}").replace(['\t', '\n'], " ");
            assert_eq!(a.attribute("href"), Some(href.as_str()), "{out}");
            for element in root.descendants().filter(|n| n.is_element()) {
                let name = element.tag_name().name();
                assert!(
                    [
                        "div",
                        "h3",
                        "p",
                        "em",
                        "strong",
                        "del",
                        "code",
                        "a",
                        "sup",
                        "ol",
                        "li",
                        "blockquote",
                        "pre",
                        "table",
                        "caption",
                        "thead",
                        "tbody",
                        "tr",
                        "th",
                        "td",
                        "section"
                    ]
                    .contains(&name),
                    "an element the writer does not write: <{name}> for {text:?}"
                );
            }
        }
    }
}
