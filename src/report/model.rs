//! The shadow report as a [`Document`]: the same parts, in the same order, with the same
//! numbers and words as `templates/report.typ` prints from [`crate::report::view::ReportView`].

use crate::doc::typography::{Quotes, typographic_quotes};
use crate::doc::{Block, Document, Inline, Meta, ParaStyle};
use crate::i18n::{Arg, Words};
use crate::load::prose::Prepared;
use crate::load::{Loaded, place_key};
use crate::model::submission::Paper;

/// Builds the report's document model from a loaded and prepared submission and its view.
pub fn report(loaded: &Loaded, prepared: &Prepared, view: &crate::report::view::ReportView) -> Document {
    let s = &loaded.submission;
    let words = Words::new(&s.language);
    let quotes = Quotes::for_language(&s.language);
    let q = |text: &str| typographic_quotes(text, quotes, None);
    let t = |text: &str| Inline::Text(q(text));

    // Every Markdown field, as read once by `prepare` (the Typst of the PDF was written
    // from the same blocks).
    let root = loaded.root();
    let field = |place: &crate::load::Place| {
        prepared.fields.get(&place_key(place)).map(|c| c.blocks.clone()).unwrap_or_default()
    };

    let meta = &view.meta;
    let labels = &view.labels;
    let mut blocks = Vec::new();
    let cover = |text: &str| Block::Paragraph { style: ParaStyle::Cover, content: vec![t(text)] };
    let minor = |text: &str| Block::Paragraph { style: ParaStyle::Minor, content: vec![t(text)] };
    let h1 = |text: &str, anchor: Option<String>| Block::Heading { level: 1, anchor, content: vec![t(text)] };

    // The cover.
    blocks.push(cover(&meta.kicker));
    blocks.push(cover(&meta.session));
    blocks.push(cover(&meta.state));
    blocks.push(Block::Paragraph { style: ParaStyle::Title, content: vec![t(&meta.title)] });
    if let Some(sub) = &meta.subtitle {
        blocks.push(Block::Paragraph { style: ParaStyle::Subtitle, content: vec![t(sub)] });
    }
    blocks.push(cover(&meta.stage));
    blocks.push(minor(&labels.submitted_by));
    for o in &view.organisations {
        blocks.push(cover(&o.display_name));
    }
    blocks.push(cover(&meta.date));
    blocks.push(cover(&meta.statement));
    blocks.push(Block::PageBreak);
    if meta.table_of_contents {
        blocks.push(Block::Contents { title: q(&labels.contents) });
    }
    // The abbreviations, as in the PDF (figures and tables are not listed in Word yet).
    if !view.abbreviations.is_empty() {
        blocks.push(minor(&labels.abbreviations));
        let cell = |content: Vec<Inline>| vec![Block::Paragraph { style: ParaStyle::Normal, content }];
        let rows = view
            .abbreviations
            .iter()
            .map(|a| vec![cell(vec![Inline::Strong(vec![t(&a.term)])]), cell(vec![t(&a.expansion)])])
            .collect();
        blocks.push(Block::Table { header: None, rows, widths: vec![1, 4], align: Vec::new(), caption: None });
    }

    // About the organisations.
    blocks.push(h1(&labels.about_organisations, None));
    for (i, o) in view.organisations.iter().enumerate() {
        blocks.push(minor(&o.display_name));
        blocks.extend(field(&root.key("organisations").index(i).key("about")));
        let mut line = Vec::new();
        match (&o.website_link, &o.website) {
            (Some(url), Some(site)) => line.push(Inline::Link { url: url.clone(), content: vec![Inline::text(site)] }),
            (None, Some(site)) => line.push(Inline::text(site)),
            _ => {}
        }
        if let Some(contact) = &o.contact {
            if !line.is_empty() {
                line.push(Inline::text(" · "));
            }
            line.push(Inline::Link { url: format!("mailto:{contact}"), content: vec![Inline::text(contact)] });
        }
        if !line.is_empty() {
            blocks.push(Block::Paragraph { style: ParaStyle::Aside, content: line });
        }
    }

    // Executive summary.
    blocks.push(h1(&labels.executive_summary, None));
    blocks.extend(field(&root.key("summary")));
    if !view.key_recommendations.is_empty() {
        blocks.push(minor(&labels.main_recommendations));
        for r in &view.key_recommendations {
            blocks.push(Block::Recommendation {
                label: format!("R{}", r.number),
                anchor: None,
                content: vec![t(&r.text)],
            });
        }
    }

    // Free sections.
    for (i, sec) in view.sections.iter().enumerate() {
        blocks.push(h1(&sec.title, None));
        blocks.extend(field(&root.key("sections").index(i).key("body")));
    }

    // Findings.
    for (f, place) in view.findings.iter().zip(&loaded.finding_places) {
        blocks.push(h1(&f.title, Some(f.label.clone())));
        if !f.articles.is_empty() {
            blocks
                .push(Block::Paragraph { style: ParaStyle::Aside, content: vec![Inline::Emph(vec![t(&f.articles)])] });
        }
        for p in &f.previous {
            let mut line = vec![Inline::Strong(vec![t(&p.citation)])];
            if let Some(status) = &p.implemented {
                line.push(t(&format!("{}{status}{}", labels.paren.0, labels.paren.1)));
            }
            if let Some(note) = &p.note {
                // The language's colon, as the PDF prints it (French: a no-break space before).
                line.push(t(&format!("{} {note}", labels.colon)));
            }
            blocks.push(Block::Paragraph { style: ParaStyle::Aside, content: line });
        }
        blocks.extend(field(&place.key("body")));
        if !f.questions.is_empty() {
            blocks.push(minor(&labels.suggested_questions));
            let items = f
                .questions
                .iter()
                .map(|question| vec![Block::Paragraph { style: ParaStyle::Normal, content: vec![t(question)] }])
                .collect();
            blocks.push(Block::List { start: Some(1), items, tight: true, paren: false });
        }
        if !f.recommendations.is_empty() {
            blocks.push(minor(&labels.recommendations));
            blocks.push(Block::Paragraph { style: ParaStyle::LeadIn, content: vec![t(&meta.recommendations_intro)] });
            for r in &f.recommendations {
                blocks.push(Block::Recommendation {
                    label: format!("R{}", r.number),
                    anchor: Some(r.label.clone()),
                    content: vec![t(&r.text)],
                });
            }
        }
    }

    // The consolidated list: each number links to its recommendation, each finding to its
    // heading.
    if !view.recommendations.is_empty() {
        blocks.push(h1(&labels.consolidated_recommendations, None));
        let cell = |content: Vec<Inline>| vec![Block::Paragraph { style: ParaStyle::Normal, content }];
        let header = vec![
            cell(vec![t(&labels.column_number)]),
            cell(vec![t(&labels.column_recommendation)]),
            cell(vec![t(&labels.column_finding)]),
        ];
        let rows = view
            .recommendations
            .iter()
            .map(|r| {
                vec![
                    cell(vec![Inline::Internal {
                        target: r.label.clone(),
                        content: vec![Inline::text(format!("R{}", r.number))],
                    }]),
                    cell(vec![t(&r.text)]),
                    cell(vec![Inline::Internal {
                        target: r.finding_label.clone(),
                        content: vec![t(&r.finding_title)],
                    }]),
                ]
            })
            .collect();
        blocks.push(Block::Table {
            header: Some(header),
            rows,
            widths: vec![1, 6, 3],
            align: Vec::new(),
            caption: None,
        });
    }

    // Sources.
    if !view.sources.is_empty() {
        blocks.push(h1(&labels.sources, None));
        let items = view
            .sources
            .iter()
            .map(|src| {
                vec![Block::Paragraph {
                    style: ParaStyle::Normal,
                    content: prepared.sources.get(&src.id).cloned().unwrap_or_default(),
                }]
            })
            .collect();
        blocks.push(Block::List { start: Some(1), items, tight: true, paren: false });
    }

    // Annexes, after the sources: "Annex I: Title" as a page of their own. (Word numbers
    // level-1 headings as sections, so the annex title is a minor heading here.)
    for (i, annex) in view.annexes.iter().enumerate() {
        blocks.push(Block::PageBreak);
        blocks.push(minor(&format!("{} {}: {}", labels.annex, crate::i18n::roman(i + 1), annex.title)));
        blocks.extend(field(&root.key("annexes").index(i).key("body")));
    }

    let (ibid, above) = crate::i18n::ibid_above(&s.language);
    Document {
        meta: Meta {
            title: q(&meta.title),
            authors: meta.authors.clone(),
            language: meta.language.clone(),
            date: s.date.clone(),
            running_header: q(&meta.short_title),
            header_mark: meta.confidential.then(|| labels.confidential_mark.clone()),
            draft: None,
            page_of: page_of(&words),
            numbered_paragraphs: meta.numbered_paragraphs,
            a4: s.layout.paper == Paper::A4,
            ibid,
            above,
        },
        blocks,
        images: prepared.images.clone(),
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
