//! The prose of `assessment.yaml` (introduction, context, conclusion, one comment per
//! recommendation), read once into the document model and written for each output: Typst
//! for the PDF (through [`crate::writers::typst`], the only Typst escaping path), HTML for the web
//! (through [`super::html`]) and the model's blocks for Word.
//!
//! Takes a loaded folder and the submission's prepared sources; gives the converted fields
//! and the problems found in them, located in `assessment.yaml` or in the Markdown file a
//! field names with `file:`. Such files are read here, with the loader's rules (inside the
//! folder, UTF-8, size limit), because the loader only reads the submission's own.

use crate::diag::Diagnostic;
use crate::load::locate::Target;
use crate::load::prose::Prepared;
use crate::load::{ASSESSMENT_FILE, Loaded, Place, SourceFile, display_path, read_text};
use crate::model::Markdown;
use crate::writers::html::{Html, HtmlOptions, blocks_to_html};
use crate::writers::template::Typst;
use crate::writers::typst::{self as markup, MarkdownOptions};
use std::collections::BTreeMap;
use std::path::{Component, Path};

/// A prose field of the assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// `introduction:`.
    Introduction,
    /// `context:`.
    Context,
    /// `conclusion:`.
    Conclusion,
    /// `recommendations[i].comment`.
    Comment(usize),
}

impl Field {
    /// The field's key path in `assessment.yaml`.
    fn place(self, root: &Place) -> Place {
        match self {
            Field::Introduction => root.key("introduction"),
            Field::Context => root.key("context"),
            Field::Conclusion => root.key("conclusion"),
            Field::Comment(i) => root.key("recommendations").index(i).key("comment"),
        }
    }

    /// A prefix that keeps footnote labels and ids of this field apart from the others'.
    fn prefix(self) -> String {
        match self {
            Field::Introduction => "introduction-".into(),
            Field::Context => "context-".into(),
            Field::Conclusion => "conclusion-".into(),
            Field::Comment(i) => format!("comment-{i}-"),
        }
    }

    /// The Typst level the field's shallowest heading takes: the brief's sections are level
    /// 1 and findings level 2, so a heading in the introduction becomes level 2 and one in a
    /// comment level 3, whether the author started at `#` or at `##` (as in the report).
    fn heading_level(self) -> usize {
        match self {
            Field::Comment(_) => 3,
            _ => 2,
        }
    }
}

/// The converted prose.
#[derive(Debug, Clone, Default)]
pub struct Prose {
    /// Typst markup by field.
    pub typst: BTreeMap<Field, Typst>,
    /// HTML fragments by field.
    pub html: BTreeMap<Field, Html>,
    /// The document model's blocks by field, for the Word document.
    pub model: BTreeMap<Field, Vec<crate::doc::Block>>,
    /// Problems found in the prose, located.
    pub diagnostics: Vec<Diagnostic>,
}

/// Every Markdown field of the assessment with its place in `assessment.yaml`.
fn fields(loaded: &Loaded) -> Vec<(Field, Place, &Markdown)> {
    let Some(a) = &loaded.assessment else { return Vec::new() };
    let root = Place { file: display_path(&loaded.folder, ASSESSMENT_FILE), path: Vec::new() };
    let mut out = Vec::new();
    for (field, md) in
        [(Field::Introduction, &a.introduction), (Field::Context, &a.context), (Field::Conclusion, &a.conclusion)]
    {
        if let Some(md) = md {
            out.push((field, field.place(&root), md));
        }
    }
    for (i, r) in a.recommendations.iter().enumerate() {
        if let Some(md) = &r.comment {
            let field = Field::Comment(i);
            out.push((field, field.place(&root), md));
        }
    }
    out
}

/// The Markdown of a field, for filling in a file's text.
fn field_mut(loaded: &mut Loaded, field: Field) -> Option<&mut Markdown> {
    let a = loaded.assessment.as_mut()?;
    match field {
        Field::Introduction => a.introduction.as_mut(),
        Field::Context => a.context.as_mut(),
        Field::Conclusion => a.conclusion.as_mut(),
        Field::Comment(i) => a.recommendations.get_mut(i)?.comment.as_mut(),
    }
}

/// Reads the Markdown files that assessment fields name with `file:`, into the fields and
/// into `loaded.files`. Returns the problems and, by field, the file each text came from.
pub fn read_files(loaded: &mut Loaded) -> (Vec<Diagnostic>, BTreeMap<Field, String>) {
    let mut problems = Vec::new();
    let mut origins = BTreeMap::new();
    let wanted: Vec<(Field, Place, String)> =
        fields(loaded).into_iter().filter_map(|(f, p, md)| md.file.clone().map(|name| (f, p, name))).collect();
    for (field, place, name) in wanted {
        let file_place = place.key("file");
        let relative = Path::new(&name);
        if relative.is_absolute() || relative.components().any(|c| matches!(c, Component::ParentDir)) {
            problems.push(
                loaded
                    .files
                    .error(&file_place, Target::Value, format!("`{name}` is outside the submission folder"))
                    .with_hint("keep Markdown files inside the submission folder and name them relative to it, e.g. `file: introduction.md`"),
            );
            continue;
        }
        let display = display_path(&loaded.folder, &name);
        match read_text(&loaded.folder, relative, &display) {
            Ok(mut text) => {
                problems.extend(crate::load::take_bom(&mut text, &display));
                if let Some(md) = field_mut(loaded, field) {
                    md.text = text.clone();
                }
                loaded.files.add(SourceFile::new(display.clone(), text));
                origins.insert(field, display);
            }
            Err(d) => {
                let hint = d
                    .hint
                    .clone()
                    .unwrap_or_else(|| format!("create {display}, or write the text inline instead of `file:`"));
                problems.push(loaded.files.error(&file_place, Target::Value, d.message).with_hint(hint));
            }
        }
    }
    (problems, origins)
}

/// Converts every prose field of the assessment to Typst and to HTML.
///
/// Footnotes `[^id]` cite the submission's sources, as in the shadow report.
pub fn convert(loaded: &Loaded, prepared: &Prepared, origins: &BTreeMap<Field, String>) -> Prose {
    let mut prose = Prose::default();
    for (field, place, md) in fields(loaded) {
        let prefix = field.prefix();
        let shallowest = crate::load::prose::shallowest_heading(&md.text).map_or(1, |l| l as isize);
        let offset = field.heading_level() as isize - shallowest;
        let mut options = MarkdownOptions::new(&prepared.sources)
            .with_heading_offset(offset)
            .with_label_prefix(&prefix)
            .with_quotes(crate::doc::typography::Quotes::for_language(&loaded.submission.language));
        if loaded.submission.citations.style == crate::model::submission::CitationStyle::Short {
            options = options.with_short_sources(&prepared.short_sources);
        }
        let converted = markup::markdown_to_typst(&md.text, &options);
        for p in &converted.problems {
            prose.diagnostics.push(crate::load::prose::locate_problem(loaded, &place, origins.get(&field), p));
        }
        prose.typst.insert(field, Typst(converted.typst));
        // One level below Typst's: the page's `<h1>` is the title, Typst's is `title()`.
        let html = blocks_to_html(&converted.blocks, &HtmlOptions { heading_offset: 1, id_prefix: &prefix });
        prose.html.insert(field, html);
        prose.model.insert(field, converted.blocks);
    }
    prose
}
