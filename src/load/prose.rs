//! Reads every prose field of a loaded submission once into the document model: Markdown →
//! blocks, footnote sources resolved, words counted, images read, problems located in the
//! user's files.
//!
//! `check` reports what this finds; the report's document model is built from what it read.
//! Nothing reads a field twice, and nothing here knows any output format.

use crate::diag::Diagnostic;
use crate::doc::markdown::{self, MarkdownOptions, Read, WordCount, XrefTarget};
use crate::load::locate::{Seg, Target, path_string};
use crate::load::{Loaded, Place, markdown_places, place_key};
use crate::model::submission::{CitationStyle, Source, SourceKind};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The converted prose of a submission.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    /// Every Markdown field read into the document model, by field (see [`place_key`]).
    pub fields: BTreeMap<String, Read>,
    /// Source citations as the document model's inline runs, by source id (what the Markdown
    /// reader cites, and the Typst above was written from).
    pub sources: BTreeMap<String, Vec<crate::doc::Inline>>,
    /// The short forms, likewise.
    pub short_sources: BTreeMap<String, Vec<crate::doc::Inline>>,
    /// Source ids cited anywhere.
    pub used_sources: BTreeSet<String>,
    /// Words of the report, annexes aside.
    pub words: WordCount,
    /// Words of the annexes (titles and text; footnotes), which no limit counts.
    pub annex_words: WordCount,
    /// The images to serve to the compiler: virtual path (see [`crate::load::images`]) -> bytes.
    pub images: BTreeMap<String, Vec<u8>>,
    /// The pixels of all the images, for [`crate::load::images::MAX_TOTAL_PIXELS`].
    pub pixels: u64,
    /// Figures with a caption, in the report's text and annexes.
    pub figures: usize,
    /// Tables with a caption.
    pub tables: usize,
    /// Problems found in the prose.
    pub diagnostics: Vec<Diagnostic>,
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
    citation_markdown_in(s, "en")
}

/// [`citation_markdown`] with its dates in a language ("17 mars 2025").
pub fn citation_markdown_in(s: &Source, language: &str) -> String {
    let words = crate::i18n::Words::new(language);
    let date = |d: &str| words.any_date(d);
    let mut parts = Vec::new();
    if let Some(a) = &s.author {
        parts.push(markdown_literal(a));
    }
    // Chinese marks a title with 《》, where the other languages set it in italics.
    if language.split(['-', '_']).next() == Some("zh") {
        parts.push(format!("《{}》", markdown_literal(&s.title)));
    } else {
        parts.push(format!("*{}*", markdown_literal(&s.title)));
    }
    if let Some(sym) = &s.symbol {
        parts.push(markdown_literal(sym));
    }
    if let Some(p) = &s.publisher {
        parts.push(markdown_literal(p));
    }
    if let Some(d) = &s.date {
        parts.push(markdown_literal(&date(d)));
    }
    let mut out = parts.join(&words.get("citation-comma"));
    out.push_str(&words.get("citation-end"));
    if let Some(url) = &s.url {
        // An autolink: the URL is the link target and its text, never Markdown.
        if crate::doc::links::link_allowed(url).is_ok() {
            out.push_str(&format!(" <{}>", url.replace(['<', '>', ' '], "")));
        } else {
            out.push(' ');
            out.push_str(&markdown_literal(url));
        }
        if let Some(acc) = &s.accessed {
            let accessed = words.with("accessed", &[("date", crate::i18n::Arg::Text(&date(acc)))]);
            out.push_str(&format!(" ({})", markdown_literal(&accessed)));
        }
    }
    out
}

/// The short form of a source for later citations, in Markdown (see [`Source::short`]): the
/// author's own, or the symbol, or for a law or treaty its title; otherwise the author (or the
/// publisher of a source dated to the day) with the date, or the author alone, or the title up
/// to a colon — the first of these no other source shares.
pub fn short_citation_markdown(s: &Source, all: &[Source], language: &str) -> String {
    ShortNames::new(all, language).of(s)
}

/// What the short form of each source's citation depends on across all the sources: how
/// many share each name and each name-with-date, counted once (asking for each source
/// again made a thousand sources take seconds).
struct ShortNames {
    /// The language's words (dates, the citation comma).
    words: crate::i18n::Words,
    /// Sources per "name, date".
    dated: HashMap<String, usize>,
    /// Sources per name.
    names: HashMap<String, usize>,
}

impl ShortNames {
    /// Counts over `all`.
    fn new(all: &[Source], language: &str) -> ShortNames {
        let mut short =
            ShortNames { words: crate::i18n::Words::new(language), dated: HashMap::new(), names: HashMap::new() };
        for x in all {
            if let Some(d) = short.dated(x) {
                *short.dated.entry(d).or_default() += 1;
            }
            if let Some(n) = Self::name(x) {
                *short.names.entry(n).or_default() += 1;
            }
        }
        short
    }

    /// The author, or the publisher of a source dated to the day.
    fn name(x: &Source) -> Option<String> {
        x.author.clone().or_else(|| x.publisher.clone().filter(|_| x.date.as_deref().is_some_and(|d| d.len() == 10)))
    }

    /// "Name, 17 March 2025".
    fn dated(&self, x: &Source) -> Option<String> {
        let comma = self.words.get("citation-comma");
        Some(format!("{}{comma}{}", Self::name(x)?, self.words.any_date(x.date.as_deref()?)))
    }

    /// The short citation of `s`, as Markdown.
    fn of(&self, s: &Source) -> String {
        if let Some(short) = s.short.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            return markdown_literal(short);
        }
        if let Some(symbol) = s.symbol.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            return markdown_literal(symbol);
        }
        // Laws and treaties go by their titles; a publisher alone names a source only with the
        // day it appeared (a press article: "Kun.uz, 17 March 2025").
        if s.kind == Some(SourceKind::Law) {
            let title = s.title.split_once(": ").map_or(s.title.as_str(), |(t, _)| t).trim();
            return format!("*{}*", markdown_literal(title));
        }
        if let Some(d) = self.dated(s).filter(|d| self.dated.get(d) == Some(&1)) {
            return markdown_literal(&d);
        }
        if let Some(n) = Self::name(s).filter(|n| self.names.get(n) == Some(&1)) {
            return markdown_literal(&n);
        }
        let title = s.title.split_once(": ").map_or(s.title.as_str(), |(t, _)| t).trim();
        format!("*{}*", markdown_literal(title))
    }
}

/// Converts every Markdown field and source citation of the submission.
///
/// Prose sits under the templates' level-1 section headings, so the shallowest Markdown
/// heading of a field becomes level 2.
pub fn prepare(loaded: &Loaded) -> Prepared {
    let mut prepared = Prepared::default();
    let no_sources = BTreeMap::new();
    let quotes = crate::doc::typography::Quotes::for_language(&loaded.submission.language);
    // A source withheld from this version cannot be cited in it: citing it is an error at
    // the footnote, as for any source that does not exist.
    let citable = loaded.submission.sources.iter().filter(|s| !loaded.withheld_sources.contains(&s.id));
    let short_names = ShortNames::new(&loaded.submission.sources, &loaded.submission.language);
    for s in citable {
        let c = markdown::read_markdown(
            &citation_markdown_in(s, &loaded.submission.language),
            &MarkdownOptions::new(&no_sources).with_quotes(quotes),
        );
        prepared.sources.insert(s.id.clone(), crate::doc::markdown::citation_inlines(c.blocks));
        let short = short_names.of(s);
        let c = markdown::read_markdown(&short, &MarkdownOptions::new(&no_sources).with_quotes(quotes));
        prepared.short_sources.insert(s.id.clone(), crate::doc::markdown::citation_inlines(c.blocks));
    }
    let short = loaded.submission.citations.style == CitationStyle::Short;
    let targets = xref_targets(loaded);
    let mut layout = crate::load::budget::Layout::default();
    let chinese = loaded.submission.language.split(['-', '_']).next() == Some("zh");
    let mut emphases = Vec::new();
    for (place, md) in markdown_places(loaded) {
        let key = place_key(&place);
        // The shallowest heading of the text becomes a sub-section of the template's section,
        // whether the author started at `#` or at `##`.
        let offset = 2 - shallowest_heading(&md.text).map_or(1, |l| l as isize);
        let mut options = MarkdownOptions::new(&prepared.sources)
            .with_heading_offset(offset)
            .with_label_prefix(&key)
            .with_quotes(quotes)
            .with_targets(&targets);
        if short {
            options = options.with_short_sources(&prepared.short_sources);
        }
        let converted = markdown::read_markdown(&md.text, &options.with_figures(true));
        for p in &converted.problems {
            let p = withheld_citation(loaded, p).unwrap_or_else(|| p.clone());
            prepared.diagnostics.push(locate_problem(loaded, &place, loaded.markdown_files.get(&key), &p));
        }
        for image in &converted.images {
            if prepared.images.contains_key(&image.virtual_path) {
                continue;
            }
            match crate::load::images::read_image(&loaded.folder, &image.path).and_then(|i| counted(&mut prepared, i)) {
                Ok(bytes) => {
                    prepared.images.insert(image.virtual_path.clone(), bytes);
                }
                Err(problem) => {
                    let p = markdown::MarkupProblem {
                        line: image.line,
                        column: image.column,
                        severity: markdown::Severity::Error,
                        message: problem.message,
                        hint: Some(problem.hint),
                    };
                    prepared.diagnostics.push(locate_problem(loaded, &place, loaded.markdown_files.get(&key), &p));
                }
            }
        }
        for p in layout.count(&converted.heavy) {
            prepared.diagnostics.push(locate_problem(loaded, &place, loaded.markdown_files.get(&key), &p));
        }
        if chinese {
            for (at, typed) in &converted.emphases {
                let p = markdown::MarkupProblem {
                    line: at.line,
                    column: at.column,
                    severity: markdown::Severity::Warning,
                    message: String::new(),
                    hint: None,
                };
                emphases.push((locate_problem(loaded, &place, loaded.markdown_files.get(&key), &p), typed.clone()));
            }
        }
        prepared.used_sources.extend(converted.used_sources.iter().cloned());
        prepared.figures += converted.figures;
        prepared.tables += converted.tables;
        if place.path.first() == Some(&Seg::Key("annexes".into())) {
            prepared.annex_words.body += converted.words.body;
            prepared.annex_words.footnotes += converted.words.footnotes;
        } else {
            prepared.words.body += converted.words.body;
            prepared.words.footnotes += converted.words.footnotes;
        }
        prepared.fields.insert(key, converted);
    }
    prepared.diagnostics.extend(emphasis_in_chinese(emphases));
    prepared.words.body += plain_words(loaded);
    prepared.annex_words.body +=
        loaded.submission.annexes.iter().map(|a| crate::doc::word_count::count_words(&a.title)).sum::<usize>();
    logos(loaded, &mut prepared);
    prepared
}

/// Chinese has no italics (emphasis is printed upright) and writes a title between 《》, which
/// Amicus cannot tell from other emphasis: one warning per file that types emphasis in a
/// Chinese submission, at its first, with how many there are and the first rewritten with 《》.
/// `emphases`: each emphasis located in the user's file (a warning without words yet), and
/// the emphasis as typed.
fn emphasis_in_chinese(emphases: Vec<(Diagnostic, String)>) -> Vec<Diagnostic> {
    let mut by_file: BTreeMap<String, Vec<(Diagnostic, String)>> = BTreeMap::new();
    for (d, typed) in emphases {
        by_file.entry(d.file.clone()).or_default().push((d, typed));
    }
    let mut out = Vec::new();
    for (_, mut found) in by_file {
        found.sort_by_key(|(d, _)| (d.line, d.column));
        let count = found.len();
        let (d, typed) = found.swap_remove(0);
        let words: String = typed.chars().skip(1).take(typed.chars().count().saturating_sub(2)).collect();
        let message = if count == 1 {
            format!(
                "`{typed}` is typed as emphasis, but Chinese has no italics: it is printed upright, like the text around it"
            )
        } else {
            format!(
                "{count} passages in this file are typed as emphasis (the first: `{typed}`), but Chinese has no italics: they are printed upright, like the text around them"
            )
        };
        let hint = format!(
            "in Chinese a title goes between 《》: write 《{words}》 instead of {typed}; other emphasis can be **bold** or plain text"
        );
        out.push(Diagnostic { message, hint: Some(hint), ..d });
    }
    out
}

/// An image's bytes once its pixels are counted against
/// [`crate::load::images::MAX_TOTAL_PIXELS`]; the problem when they pass it.
fn counted(
    prepared: &mut Prepared,
    image: crate::load::images::Image,
) -> Result<Vec<u8>, crate::load::images::ImageProblem> {
    use crate::load::images::MAX_TOTAL_PIXELS;
    if prepared.pixels + image.pixels > MAX_TOTAL_PIXELS {
        return Err(crate::load::images::ImageProblem {
            message: format!(
                "with this image, the submission's images come to more than {} million pixels, more than Amicus lays out in one document",
                MAX_TOTAL_PIXELS / 1_000_000
            ),
            hint: "save the photographs at the size they are shown: a figure needs no more than about 2,000 pixels across (4 million pixels)".into(),
        });
    }
    prepared.pixels += image.pixels;
    Ok(image.bytes)
}

/// Reads the organisations' logos (`logo:`), as images are read; a problem is reported at
/// the field.
fn logos(loaded: &Loaded, prepared: &mut Prepared) {
    for (i, o) in loaded.submission.organisations.iter().enumerate() {
        let Some(logo) = o.logo.as_deref() else { continue };
        let place = loaded.root().key("organisations").index(i).key("logo");
        match crate::load::images::read_image(&loaded.folder, logo).and_then(|i| counted(prepared, i)) {
            Ok(bytes) => {
                prepared.images.insert(crate::doc::image::virtual_path(logo), bytes);
            }
            Err(problem) => prepared
                .diagnostics
                .push(loaded.files.error(&place, Target::Value, problem.message).with_hint(problem.hint)),
        }
    }
}

/// The Typst label of a finding's heading (cross-references and the consolidated list).
pub fn finding_label(id: &str) -> String {
    format!("finding-{id}")
}

/// The Typst label of a recommendation.
pub fn rec_label(id: &str) -> String {
    format!("rec-{id}")
}

/// The Typst label of an annex's heading.
pub fn annex_label(id: &str) -> String {
    format!("annex-{id}")
}

/// What `[](#id)` may point to: every finding and recommendation of this version (numbered
/// as the report numbers them), and the ones it withholds, so that citing those is an error
/// that says why.
pub fn xref_targets(loaded: &Loaded) -> BTreeMap<String, XrefTarget> {
    let mut targets = BTreeMap::new();
    for id in &loaded.withheld_ids {
        targets.insert(id.clone(), XrefTarget::Withheld);
    }
    for a in &loaded.submission.annexes {
        if let Some(id) = a.id.as_deref().filter(|id| !id.trim().is_empty()) {
            targets.insert(id.to_owned(), XrefTarget::Annex { label: annex_label(id), title: a.title.clone() });
        }
    }
    let mut number = 0;
    for f in &loaded.submission.findings {
        targets.insert(f.id.clone(), XrefTarget::Finding { label: finding_label(&f.id), title: f.title.clone() });
        for r in &f.recommendations {
            number += 1;
            targets.entry(r.id.clone()).or_insert(XrefTarget::Recommendation { label: rec_label(&r.id), number });
        }
    }
    targets
}

/// An unresolved footnote that names a source withheld from this version (see
/// [`crate::load::version`]), said as what it is: text the public version prints cites a
/// confidential source.
fn withheld_citation(loaded: &Loaded, p: &markdown::MarkupProblem) -> Option<markdown::MarkupProblem> {
    let name = p.message.strip_prefix("footnote [^")?.split_once("] has no definition")?.0;
    let id = loaded.submission.sources.iter().find(|s| s.id.eq_ignore_ascii_case(name) && s.confidential)?;
    Some(markdown::MarkupProblem {
        message: format!(
            "footnote [^{name}] cites `{}`, a source marked confidential, in text that the {} version prints",
            id.id,
            loaded.version.name()
        ),
        hint: Some(format!(
            "mark the sentence too (`[confidential: … [^{name}]]`), or remove `confidential: true` from the source"
        )),
        ..p.clone()
    })
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

/// Words of the plain-text fields that appear in the report body.
fn plain_words(loaded: &Loaded) -> usize {
    let s = &loaded.submission;
    let mut n = crate::doc::word_count::count_words(&s.title);
    n += s.subtitle.as_deref().map_or(0, crate::doc::word_count::count_words);
    n += s.sections.iter().map(|x| crate::doc::word_count::count_words(&x.title)).sum::<usize>();
    for f in &s.findings {
        n += crate::doc::word_count::count_words(&f.title);
        n += f.questions.iter().map(|q| crate::doc::word_count::count_words(q)).sum::<usize>();
        n += f.recommendations.iter().map(|r| crate::doc::word_count::count_words(&r.text)).sum::<usize>();
    }
    n
}

/// Places a problem found in Markdown: in its `.md` file (`md_file`, when the text came
/// from one), or at the right line of the YAML string that holds it.
pub(crate) fn locate_problem(
    loaded: &Loaded,
    place: &Place,
    md_file: Option<&String>,
    p: &markdown::MarkupProblem,
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
