//! The shadow report as a [`Document`]: its parts, in the order `layout: {parts: […]}`
//! gives (or the usual one), each built here once. Every writer writes this one document: the
//! Typst of the PDF (`amicus.typ` lays each part out), Word, and any format to come. No
//! writer and no template decides what the report holds or in which order.

use crate::doc::typography::{Quotes, typographic_quotes};
use crate::doc::{Block, Cover, Document, Image, Inline, Listed, Meta, ParaStyle, RefTo};
use crate::i18n::{Arg, Words};
use crate::load::prose::Prepared;
use crate::load::{Loaded, Place, place_key};
use crate::model::submission::{Paper, ReportPart};
use crate::report::view::ReportView;

/// Builds the report's document model from a loaded and prepared submission and its view.
pub fn report(loaded: &Loaded, prepared: &Prepared, view: &ReportView) -> Document {
    let s = &loaded.submission;
    let words = Words::new(&s.language);
    let quotes = Quotes::for_language(&s.language);
    let build = Builder { loaded, prepared, view, quotes };
    let mut blocks = Vec::new();
    for part in s.layout.parts() {
        build.part(part, &mut blocks);
    }
    let meta = &view.meta;
    let labels = &view.labels;
    let (ibid, above) = crate::i18n::ibid_above(&s.language);
    Document {
        meta: Meta {
            title: build.q(&meta.title),
            authors: meta.authors.clone(),
            language: meta.language.clone(),
            date: s.date.clone(),
            running_header: build.q(&meta.short_title),
            header_mark: meta.confidential.then(|| labels.confidential_mark.clone()),
            draft: None,
            page_of: page_of(&words),
            numbered_paragraphs: meta.numbered_paragraphs,
            numbered_headings: true,
            a4: s.layout.paper == Paper::A4,
            ibid,
            above,
            annex: labels.annex.clone(),
            colon: labels.colon.clone(),
        },
        blocks,
        images: prepared.images.clone(),
    }
}

/// What every part is built from.
struct Builder<'a> {
    /// The submission.
    loaded: &'a Loaded,
    /// Its prose, read once.
    prepared: &'a Prepared,
    /// Its facts, computed once.
    view: &'a ReportView,
    /// The quotation marks of its language.
    quotes: Quotes,
}

impl Builder<'_> {
    /// Text with the language's quotation marks.
    fn q(&self, text: &str) -> String {
        typographic_quotes(text, self.quotes, None)
    }

    /// Text as an inline run, with the language's quotation marks.
    fn t(&self, text: &str) -> Inline {
        Inline::Text(self.q(text))
    }

    /// A paragraph of one run of text.
    fn para(&self, style: ParaStyle, text: &str) -> Block {
        Block::Paragraph { style, content: vec![self.t(text)] }
    }

    /// A level-1 heading.
    fn h1(&self, text: &str, anchor: Option<String>) -> Block {
        Block::Heading { level: 1, anchor, content: vec![self.t(text)] }
    }

    /// The Markdown field at a place, as read once by `prepare`.
    fn field(&self, place: &Place) -> Vec<Block> {
        self.prepared.fields.get(&place_key(place)).map(|c| c.blocks.clone()).unwrap_or_default()
    }

    /// A recommendation block.
    fn recommendation(&self, number: usize, anchor: Option<String>, text: &str) -> Block {
        Block::Recommendation { label: format!("R{number}"), anchor, content: vec![self.t(text)] }
    }

    /// One part of the report, appended to `blocks`.
    fn part(&self, part: ReportPart, blocks: &mut Vec<Block>) {
        let (view, labels, meta) = (self.view, &self.view.labels, &self.view.meta);
        let root = self.loaded.root();
        match part {
            ReportPart::Cover => blocks.push(Block::Cover(Box::new(self.cover()))),
            ReportPart::Contents if meta.table_of_contents => {
                blocks.push(Block::Contents { title: self.q(&labels.contents) });
            }
            ReportPart::Contents => {}
            ReportPart::ListOfFigures if view.has_figures => {
                blocks.push(Block::ListOf { title: self.q(&labels.list_of_figures), what: Listed::Figures });
            }
            ReportPart::ListOfTables if view.has_tables => {
                blocks.push(Block::ListOf { title: self.q(&labels.list_of_tables), what: Listed::Tables });
            }
            ReportPart::ListOfFigures | ReportPart::ListOfTables => {}
            ReportPart::Abbreviations if !view.abbreviations.is_empty() => blocks.push(Block::Glossary {
                title: self.q(&labels.abbreviations),
                entries: view
                    .abbreviations
                    .iter()
                    .map(|a| (vec![self.t(&a.term)], vec![self.t(&a.expansion)]))
                    .collect(),
            }),
            ReportPart::Abbreviations => {}
            ReportPart::Organisations => {
                blocks.push(self.h1(&labels.about_organisations, None));
                for (i, o) in view.organisations.iter().enumerate() {
                    blocks.push(self.para(ParaStyle::Minor, &o.display_name));
                    blocks.extend(self.field(&root.key("organisations").index(i).key("about")));
                    let mut line = Vec::new();
                    match (&o.website_link, &o.website) {
                        (Some(url), Some(site)) => {
                            line.push(Inline::Link { url: url.clone(), content: vec![self.t(site)] });
                        }
                        (None, Some(site)) => line.push(self.t(site)),
                        _ => {}
                    }
                    if let Some(contact) = &o.contact {
                        if !line.is_empty() {
                            line.push(Inline::text(" · "));
                        }
                        line.push(Inline::Link { url: format!("mailto:{contact}"), content: vec![self.t(contact)] });
                    }
                    if !line.is_empty() {
                        blocks.push(Block::Paragraph { style: ParaStyle::Aside, content: line });
                    }
                }
            }
            ReportPart::Summary => {
                blocks.push(self.h1(&labels.executive_summary, None));
                blocks.extend(self.field(&root.key("summary")));
                if !view.key_recommendations.is_empty() {
                    blocks.push(self.para(ParaStyle::Minor, &labels.main_recommendations));
                    for r in &view.key_recommendations {
                        blocks.push(self.recommendation(r.number, None, &r.text));
                    }
                }
            }
            ReportPart::Sections => {
                for (i, sec) in view.sections.iter().enumerate() {
                    blocks.push(self.h1(&sec.title, None));
                    blocks.extend(self.field(&root.key("sections").index(i).key("body")));
                }
            }
            ReportPart::Findings => self.findings(blocks),
            ReportPart::Recommendations => self.consolidated(blocks),
            ReportPart::Sources if !view.sources.is_empty() => {
                blocks.push(self.h1(&labels.sources, None));
                let entries = view
                    .sources
                    .iter()
                    .map(|src| self.prepared.sources.get(&src.id).cloned().unwrap_or_default())
                    .collect();
                blocks.push(Block::Sources(entries));
            }
            ReportPart::Sources => {}
            ReportPart::Annexes => {
                for (i, annex) in view.annexes.iter().enumerate() {
                    blocks.push(Block::Annex {
                        number: i + 1,
                        title: vec![self.t(&annex.title)],
                        anchor: annex.label.clone(),
                        blocks: self.field(&root.key("annexes").index(i).key("body")),
                    });
                }
            }
        }
    }

    /// The cover page.
    fn cover(&self) -> Cover {
        let (view, meta) = (self.view, &self.view.meta);
        Cover {
            kicker: self.q(&meta.kicker),
            session: self.q(&meta.session),
            state: self.q(&meta.state),
            title: self.q(&meta.title),
            subtitle: meta.subtitle.as_deref().map(|s| self.q(s)),
            stage: self.q(&meta.stage),
            submitted_by: self.q(&view.labels.submitted_by),
            organisations: view.organisations.iter().map(|o| self.q(&o.display_name)).collect(),
            logos: view
                .organisations
                .iter()
                .filter_map(|o| {
                    let path = o.logo.clone()?;
                    Some(Image { path: String::new(), virtual_path: path, alt: o.logo_alt.clone() })
                })
                .collect(),
            date: self.q(&meta.date),
            statement: self.q(&meta.statement),
            confidential: meta.confidential,
        }
    }

    /// Each finding: its heading, articles, earlier observations, text, questions and
    /// recommendations.
    fn findings(&self, blocks: &mut Vec<Block>) {
        let (labels, meta) = (&self.view.labels, &self.view.meta);
        for (f, place) in self.view.findings.iter().zip(&self.loaded.finding_places) {
            blocks.push(self.h1(&f.title, Some(f.label.clone())));
            if !f.articles.is_empty() {
                blocks.push(self.para(ParaStyle::Articles, &f.articles));
            }
            if !f.previous.is_empty() {
                let mut line = Vec::new();
                for (i, p) in f.previous.iter().enumerate() {
                    if i > 0 {
                        line.push(Inline::LineBreak);
                    }
                    line.push(Inline::Strong(vec![self.t(&p.citation)]));
                    if let Some(status) = &p.implemented {
                        line.push(self.t(&format!("{}{status}{}", labels.paren.0, labels.paren.1)));
                    }
                    if let Some(note) = &p.note {
                        line.push(self.t(&format!(
                            "{}{}{note}",
                            labels.colon,
                            crate::i18n::space_after(&labels.colon)
                        )));
                    }
                }
                blocks.push(Block::Paragraph { style: ParaStyle::Previous, content: line });
            }
            blocks.extend(self.field(&place.key("body")));
            if !f.questions.is_empty() {
                blocks.push(self.para(ParaStyle::Minor, &labels.suggested_questions));
                let items = f.questions.iter().map(|question| vec![self.para(ParaStyle::Normal, question)]).collect();
                blocks.push(Block::List { start: Some(1), items, tight: true, paren: false });
            }
            if !f.recommendations.is_empty() {
                blocks.push(self.para(ParaStyle::Minor, &labels.recommendations));
                blocks.push(self.para(ParaStyle::LeadIn, &meta.recommendations_intro));
                for r in &f.recommendations {
                    blocks.push(self.recommendation(r.number, Some(r.label.clone()), &r.text));
                }
            }
        }
    }

    /// The consolidated list: each number links to its recommendation (in Word; the PDF
    /// prints the number alone, see [`RefTo::ListedRecommendation`]), each finding to its
    /// heading (with its number).
    fn consolidated(&self, blocks: &mut Vec<Block>) {
        let (view, labels) = (self.view, &self.view.labels);
        if view.recommendations.is_empty() {
            return;
        }
        blocks.push(self.h1(&labels.consolidated_recommendations, None));
        let cell = |content: Vec<Inline>| vec![Block::Paragraph { style: ParaStyle::Normal, content }];
        let header = vec![
            cell(vec![self.t(&labels.column_number)]),
            cell(vec![self.t(&labels.column_recommendation)]),
            cell(vec![self.t(&labels.column_finding)]),
        ];
        let rows = view
            .recommendations
            .iter()
            .map(|r| {
                vec![
                    cell(vec![Inline::CrossRef { target: r.label.clone(), to: RefTo::ListedRecommendation(r.number) }]),
                    cell(vec![self.t(&r.text)]),
                    cell(vec![Inline::CrossRef {
                        target: r.finding_label.clone(),
                        to: RefTo::FindingShort(vec![self.t(&r.finding_title)]),
                    }]),
                ]
            })
            .collect();
        blocks.push(Block::Table {
            header: Some(header),
            rows,
            widths: vec![0, 17, 10],
            align: vec![crate::doc::Align::End, crate::doc::Align::Start, crate::doc::Align::Start],
            caption: None,
        });
    }
}

/// "3 of 12": the words around the two numbers, in the document's language.
pub(crate) fn page_of(words: &Words) -> (String, String, String) {
    let page_of = words.with("page-of", &[("page", Arg::Text("\u{1}")), ("total", Arg::Text("\u{2}"))]);
    match page_of.split_once('\u{1}').and_then(|(a, rest)| rest.split_once('\u{2}').map(|(b, c)| (a, b, c))) {
        Some((a, b, c)) => (a.to_owned(), b.to_owned(), c.to_owned()),
        None => (String::new(), " / ".to_owned(), String::new()),
    }
}
