//! Converts every prose field of a loaded submission once: Markdown → Typst, footnote
//! sources resolved, words counted, problems located in the user's files.
//!
//! `check` reports what this finds; `build` renders what it produced. Neither converts twice.

use crate::diag::Diagnostic;
use crate::load::locate::{Target, path_string};
use crate::load::{Loaded, Place, markdown_places, place_key};
use crate::markup::{self, Converted, MarkdownOptions, WordCount};
use crate::model::submission::Source;
use std::collections::{BTreeMap, BTreeSet};

/// The converted prose of a submission.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    /// Converted Markdown by field (see [`place_key`]).
    pub fields: BTreeMap<String, Converted>,
    /// Source citations as Typst markup, by source id.
    pub citations: BTreeMap<String, String>,
    /// Source ids cited anywhere.
    pub used_sources: BTreeSet<String>,
    /// Words of the whole report.
    pub words: WordCount,
    /// Problems found in the prose.
    pub diagnostics: Vec<Diagnostic>,
}

impl Prepared {
    /// The Typst of the Markdown field at a place (empty if absent).
    pub fn typst(&self, place: &Place) -> &str {
        self.fields.get(&place_key(place)).map_or("", |c| c.typst.as_str())
    }
}

/// Escapes text for CommonMark, so that it can be embedded in generated Markdown and come
/// out literally: every ASCII punctuation character gets a backslash (CommonMark allows that
/// for all of them), and line breaks become spaces.
pub fn markdown_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A source as a citation in Markdown: `Author, *Title*, Publisher, date. <url> (accessed …)`.
pub fn citation_markdown(s: &Source) -> String {
    let mut parts = Vec::new();
    if let Some(a) = &s.author {
        parts.push(markdown_literal(a));
    }
    parts.push(format!("*{}*", markdown_literal(&s.title)));
    if let Some(sym) = &s.symbol {
        parts.push(markdown_literal(sym));
    }
    if let Some(p) = &s.publisher {
        parts.push(markdown_literal(p));
    }
    if let Some(d) = &s.date {
        parts.push(markdown_literal(d));
    }
    let mut out = parts.join(", ");
    out.push('.');
    if let Some(url) = &s.url {
        // An autolink: the URL is the link target and its text, never Markdown.
        if crate::markup::link_allowed(url).is_ok() {
            out.push_str(&format!(" <{}>", url.replace(['<', '>', ' '], "")));
        } else {
            out.push(' ');
            out.push_str(&markdown_literal(url));
        }
        if let Some(acc) = &s.accessed {
            out.push_str(&format!(" (accessed {})", markdown_literal(acc)));
        }
    }
    out
}

/// Converts every Markdown field and source citation of the submission.
///
/// Prose sits under the templates' level-1 section headings, so the shallowest Markdown
/// heading of a field becomes level 2.
pub fn prepare(loaded: &Loaded) -> Prepared {
    let mut prepared = Prepared::default();
    let no_sources = BTreeMap::new();
    for s in &loaded.submission.sources {
        let c = markup::markdown_to_typst(&citation_markdown(s), &MarkdownOptions::new(&no_sources));
        prepared.citations.insert(s.id.clone(), strip_paragraph(&c.typst));
    }
    for (place, md) in markdown_places(loaded) {
        let key = place_key(&place);
        // The shallowest heading of the text becomes a sub-section of the template's section,
        // whether the author started at `#` or at `##`.
        let offset = 2 - shallowest_heading(&md.text).map_or(1, |l| l as isize);
        let options = MarkdownOptions::new(&prepared.citations).with_heading_offset(offset).with_label_prefix(&key);
        let converted = markup::markdown_to_typst(&md.text, &options);
        for p in &converted.problems {
            prepared.diagnostics.push(locate_problem(loaded, &place, loaded.markdown_files.get(&key), p));
        }
        prepared.used_sources.extend(converted.used_sources.iter().cloned());
        prepared.words.body += converted.words.body;
        prepared.words.footnotes += converted.words.footnotes;
        prepared.fields.insert(key, converted);
    }
    prepared.words.body += plain_words(loaded);
    prepared
}

/// The level of the shallowest heading in a Markdown text (ATX or setext), if any.
pub(crate) fn shallowest_heading(md: &str) -> Option<usize> {
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, md, &comrak::Options::default());
    root.descendants()
        .filter_map(|n| match &n.data().value {
            comrak::nodes::NodeValue::Heading(h) => Some(usize::from(h.level)),
            _ => None,
        })
        .min()
}

/// A single converted paragraph without the paragraph break the converter ends it with.
fn strip_paragraph(typst: &str) -> String {
    typst.trim_end().to_owned()
}

/// Words of the plain-text fields that appear in the report body.
fn plain_words(loaded: &Loaded) -> usize {
    let s = &loaded.submission;
    let mut n = markup::count_words(&s.title);
    n += s.subtitle.as_deref().map_or(0, markup::count_words);
    n += s.sections.iter().map(|x| markup::count_words(&x.title)).sum::<usize>();
    for f in &s.findings {
        n += markup::count_words(&f.title);
        n += f.questions.iter().map(|q| markup::count_words(q)).sum::<usize>();
        n += f.recommendations.iter().map(|r| markup::count_words(&r.text)).sum::<usize>();
    }
    n
}

/// Places a problem found in Markdown: in its `.md` file (`md_file`, when the text came
/// from one), or at the right line of the YAML string that holds it.
pub(crate) fn locate_problem(
    loaded: &Loaded,
    place: &Place,
    md_file: Option<&String>,
    p: &markup::MarkupProblem,
) -> Diagnostic {
    let mut d = Diagnostic { severity: p.severity, ..Diagnostic::error(p.message.clone()) };
    if let Some(hint) = &p.hint {
        d = d.with_hint(hint.clone());
    }
    if let Some(md_file) = md_file {
        return d.in_file(md_file).at(p.line, p.column);
    }
    let Some(file) = loaded.files.map.get(&place.file) else {
        return d.in_file(&place.file).with_path(path_string(&place.path));
    };
    let (line, column) = file.locate(&place.path, Target::Value);
    let value_line = file.text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let value = value_line.chars().skip(column.saturating_sub(1)).collect::<String>();
    let (line, column) = if value.starts_with('|') || value.starts_with('>') {
        // A block scalar: its text starts on the next line, indented.
        let target = line + p.line;
        let indent = file.text.lines().nth(target - 1).map_or(0, |l| l.len() - l.trim_start().len());
        (target, indent + p.column)
    } else if p.line <= 1 {
        (line, column + p.column)
    } else {
        (line + p.line - 1, p.column)
    };
    d.in_file(&place.file).at(line, column).with_path(path_string(&place.path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallowest_heading_ignores_code_and_hashtags() {
        assert_eq!(shallowest_heading("text"), None);
        assert_eq!(shallowest_heading("## A\n### B"), Some(2));
        assert_eq!(shallowest_heading("```\n# not\n```\n### B\n#hashtag"), Some(3));
        assert_eq!(shallowest_heading("Setext\n===\n"), Some(1));
    }

    #[test]
    fn markdown_literal_escapes_every_punctuation_mark() {
        assert_eq!(markdown_literal("*a* [b](c) #1\nx"), "\\*a\\* \\[b\\]\\(c\\) \\#1 x");
    }
}
