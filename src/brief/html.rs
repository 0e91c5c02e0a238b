//! Markdown to HTML for the web version of the brief, with comrak's own HTML renderer.
//!
//! Takes a Markdown field and gives an HTML fragment that is safe to print into a page: raw
//! HTML in the Markdown is escaped and shown as text (comrak's `render.unsafe` stays off,
//! `render.escape` on), dangerous link targets (`javascript:` …) are emptied by comrak,
//! images become their description (the page loads nothing from elsewhere), and headings
//! are shifted below the page's own. The fragment enters templates as [`Html`], a value
//! minijinja treats as already escaped.

use comrak::nodes::{AstNode, NodeValue};
use comrak::{Arena, Options, format_html, parse_document};
use minijinja::value::Value;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;

/// HTML that is already safe (from [`markdown_to_html`]): `.html` templates print it as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Html(pub String);

impl Serialize for Html {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // As for `render::Typst`: a minijinja `Value` survives serialization into minijinja,
        // so the string stays marked safe and is not escaped a second time.
        Value::from_safe_string(self.0.clone()).serialize(s)
    }
}

/// How to convert one field.
#[derive(Debug, Clone, Copy)]
pub struct HtmlOptions<'a> {
    /// Added to Markdown heading levels: with 2, `#` becomes `<h3>` (capped at `<h6>`).
    pub heading_offset: isize,
    /// Sources by id, as Markdown citations: a footnote `[^id]` that the text does not define
    /// becomes a footnote with the source's citation, as in the PDF.
    pub sources: &'a BTreeMap<String, String>,
    /// Prefixed to footnote ids (`fn-…`, `fnref-…`) so that footnotes of several fields on one
    /// page do not share ids. Letters, digits and `-` only.
    pub id_prefix: &'a str,
}

/// The comrak options: GitHub-flavoured Markdown as in the PDF converter, raw HTML escaped.
fn options() -> Options<'static> {
    let mut o = Options::default();
    o.extension.strikethrough = true;
    o.extension.table = true;
    o.extension.autolink = true;
    o.extension.footnotes = true;
    o.extension.tasklist = true;
    // Raw HTML is never passed through: `unsafe` off would omit it, `escape` shows it as
    // text, which is what the PDF does too.
    o.render.r#unsafe = false;
    o.render.escape = true;
    o
}

/// Converts one Markdown field to a safe HTML fragment.
pub fn markdown_to_html(md: &str, opts: &HtmlOptions) -> Html {
    let options = options();
    let arena = Arena::new();
    let synthetic = source_definitions(md, opts.sources);
    let root = if synthetic.is_empty() {
        parse_document(&arena, md, &options)
    } else {
        let text = format!("{md}\n\n{}", synthetic.iter().map(|(_, d)| d.as_str()).collect::<Vec<_>>().join("\n\n"));
        let root = parse_document(&arena, &text, &options);
        // The definitions must stand on their own at the end; if the user's text left a block
        // open (an unclosed code fence) they would have become part of it: then do without.
        let defined = root
            .children()
            .filter(|n| matches!(&n.data().value, NodeValue::FootnoteDefinition(d) if synthetic.iter().any(|(id, _)| *id == d.name)))
            .count();
        if defined == synthetic.len() { root } else { parse_document(&arena, md, &options) }
    };
    adjust(root, opts.heading_offset);
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = format_html(root, &options, &mut out);
    Html(polish(&out, opts.id_prefix))
}

/// Footnote definitions for the sources the text cites as `[^id]` without defining them.
fn source_definitions<'s>(md: &str, sources: &'s BTreeMap<String, String>) -> Vec<(&'s str, String)> {
    sources
        .iter()
        .filter(|(id, _)| md.contains(&format!("[^{id}]")) && !md.contains(&format!("[^{id}]:")))
        .map(|(id, citation)| (id.as_str(), format!("[^{id}]: {citation}")))
        .collect()
}

/// Shifts headings, replaces images by their description and links that the one link
/// policy ([`crate::markup::link_allowed`]) refuses by their text. (The PDF conversion of the
/// same field reports those links, at their line.)
fn adjust<'a>(root: &'a AstNode<'a>, heading_offset: isize) {
    let mut images = Vec::new();
    for node in root.descendants() {
        let mut data = node.data_mut();
        match &mut data.value {
            NodeValue::Heading(h) => h.level = (isize::from(h.level) + heading_offset).clamp(1, 6) as u8,
            NodeValue::Image(_) => images.push(node),
            NodeValue::Link(link) if crate::markup::link_allowed(&link.url).is_err() => images.push(node),
            _ => {}
        }
    }
    for image in images {
        let children: Vec<_> = image.children().collect();
        for child in children {
            child.detach();
            image.insert_before(child);
        }
        image.detach();
    }
}

/// Makes comrak's footnote markup unique per field and well-formed as XML, and gives table
/// header cells their scope.
///
/// Only markup comrak itself writes is touched: in user text `"`, `<` and `>` are always
/// escaped, so these patterns cannot come from it.
fn polish(html: &str, prefix: &str) -> String {
    html.replace("id=\"fn-", &format!("id=\"{prefix}fn-"))
        .replace("href=\"#fn-", &format!("href=\"#{prefix}fn-"))
        .replace("id=\"fnref-", &format!("id=\"{prefix}fnref-"))
        .replace("href=\"#fnref-", &format!("href=\"#{prefix}fnref-"))
        .replace(" data-footnotes>", " data-footnotes=\"\">")
        .replace(" data-footnote-ref>", " data-footnote-ref=\"\">")
        .replace(" data-footnote-backref ", " data-footnote-backref=\"\" ")
        .replace("<th>", "<th scope=\"col\">")
        .replace("<th align=", "<th scope=\"col\" align=")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        let sources = BTreeMap::from([("kun".to_string(), "Kun.uz, *Deportations*, 2025.".to_string())]);
        markdown_to_html(md, &HtmlOptions { heading_offset: 2, sources: &sources, id_prefix: "intro-" }).0
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
        let out = html("See ![a map of the raids](https://example.org/map.png).");
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("a map of the raids"), "{out}");
    }

    #[test]
    fn sources_become_footnotes_with_unique_ids() {
        let out = html("Deported.[^kun]");
        assert!(out.contains("href=\"#intro-fn-kun\""), "{out}");
        assert!(out.contains("id=\"intro-fn-kun\""), "{out}");
        assert!(out.contains("<em>Deportations</em>"), "{out}");
        assert!(out.contains("data-footnotes=\"\""), "{out}");
        assert!(roxmltree::Document::parse(&format!("<div>{out}</div>")).is_ok(), "{out}");
    }

    #[test]
    fn an_unclosed_fence_does_not_swallow_the_sources() {
        let out = html("Text[^kun]\n\n```\ncode");
        assert!(out.contains("code"), "{out}");
        assert!(!out.contains("Deportations"), "{out}");
    }

    #[test]
    fn table_headers_get_a_scope() {
        let out = html("| a | b |\n|---|:-:|\n| 1 | 2 |");
        assert!(out.contains("<th scope=\"col\">a</th>"), "{out}");
        assert!(out.contains("<th scope=\"col\" align=\"center\">b</th>"), "{out}");
    }
}
