//! The follow-up brief as a [`Document`]: the parts of `templates/brief.typ`, in its order,
//! with the same numbers, sentences and links, from the same [`BriefView`].

use crate::brief::view::{BriefView, RefLink};
use crate::doc::typography::{Quotes, typographic_quotes};
use crate::doc::{Align, Block, Document, Inline, Meta, ParaStyle};
use crate::i18n::Words;

/// Builds the brief's document model from its view, whose prose is already blocks.
pub fn brief(view: &BriefView<Vec<Block>>, language: &str) -> Document {
    let quotes = Quotes::for_language(language);
    let t = |text: &str| Inline::Text(typographic_quotes(text, quotes, None));
    let para = |style: ParaStyle, content: Vec<Inline>| Block::Paragraph { style, content };
    let normal = |text: &str| para(ParaStyle::Normal, vec![t(text)]);
    let heading = |level: u8, text: &str, anchor: &str| Block::Heading {
        level,
        anchor: Some(anchor.to_owned()),
        content: vec![t(text)],
    };
    let link = |anchor: &str, content: Vec<Inline>| Inline::Internal { target: anchor.to_owned(), content };
    // "R3, R5 and R7" as links, each with its note.
    let refs = |refs: &[RefLink]| {
        let mut out = Vec::new();
        for (i, r) in refs.iter().enumerate() {
            if i > 0 {
                out.push(Inline::text(", "));
            }
            out.push(link(&r.anchor, vec![Inline::Strong(vec![t(&r.label)])]));
            if !r.note.is_empty() {
                out.push(t(&r.note));
            }
        }
        out
    };
    let cell = |content: Vec<Inline>| vec![Block::Paragraph { style: ParaStyle::Normal, content }];
    // A table under a header row of `columns`, numbered, its caption over it (as the PDF
    // prints it). `widths`: as in the PDF, 0 for a column as wide as its content (`auto`), a
    // share for the others (`1fr`).
    let captioned_table =
        |columns: &[&String], rows: Vec<Vec<Vec<Block>>>, widths: Vec<u32>, align: Vec<Align>, caption: &str| {
            let header = columns.iter().map(|c| cell(vec![t(c)])).collect();
            Block::Table { header: Some(header), rows, widths, align, caption: Some(vec![t(caption)]) }
        };
    let meta = &view.meta;
    let l = &view.labels;
    // Counts grouped as the brief's language groups digits, as in the PDF and the web page.
    let number = |n: usize| crate::i18n::number(&meta.language, n as u64);
    let mut blocks = Vec::new();
    if let Some(draft) = &meta.draft {
        // What is pending, above everything else, as under the PDF's title block.
        blocks
            .push(para(ParaStyle::Aside, vec![Inline::Strong(vec![t(&draft.mark)]), t(&format!(" · {}", draft.note))]));
    }
    blocks.extend([
        para(ParaStyle::Cover, vec![t(&meta.kicker)]),
        para(ParaStyle::Title, vec![t(&meta.title)]),
        para(ParaStyle::Subtitle, vec![t(&meta.dek)]),
        para(ParaStyle::Cover, vec![t(&meta.byline)]),
        para(ParaStyle::Cover, vec![t(&meta.date)]),
        para(ParaStyle::Aside, vec![t(&format!("{} {}", meta.submission, view.co.description))]),
    ]);

    // Key results: the figures, the sentence, the headlines and the table of counts.
    blocks.push(heading(1, &l.key_results, "key-results"));
    let figures: Vec<_> = view
        .key_results
        .figures
        .iter()
        .map(|f| cell(vec![Inline::Strong(vec![Inline::text(number(f.value))]), Inline::LineBreak, t(&f.label)]))
        .collect();
    blocks.push(Block::Table {
        header: None,
        // The figures side by side, each as wide as the others.
        widths: vec![1; figures.len()],
        rows: vec![figures],
        align: Vec::new(),
        caption: None,
    });
    blocks.push(normal(&view.key_results.sentence));
    for h in &view.key_results.headlines {
        let mut content =
            vec![link(&h.anchor, vec![Inline::Strong(vec![t(&h.title)])]), t(&format!("{}{}", l.colon, l.colon_gap))];
        if !h.text.is_empty() {
            content.push(t(&h.text));
        }
        content.extend(refs(&h.refs));
        blocks.push(para(ParaStyle::Normal, content));
    }
    let s = &view.summary;
    let mut columns = vec![&l.column_finding, &l.column_made, &l.fully, &l.partially, &l.not_reflected];
    if s.has_pending {
        columns.push(&l.pending);
    }
    let counts = |r: &crate::brief::view::CountRow| {
        let mut row = vec![r.made, r.fully, r.partially, r.not_reflected];
        if s.has_pending {
            row.push(r.pending);
        }
        row
    };
    let mut rows: Vec<Vec<Vec<Block>>> = s
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![cell(vec![link(&r.anchor, vec![t(&r.title)])])];
            row.extend(counts(r).into_iter().map(|n| cell(vec![Inline::text(number(n))])));
            row
        })
        .collect();
    let mut total = vec![cell(vec![Inline::Strong(vec![t(&s.total.title)])])];
    total.extend(counts(&s.total).into_iter().map(|n| cell(vec![Inline::Strong(vec![Inline::text(number(n))])])));
    rows.push(total);
    let mut widths = vec![1];
    widths.extend(std::iter::repeat_n(0, columns.len() - 1));
    // The counts at the end of their cells, as in the PDF.
    let mut align = vec![Align::Auto];
    align.extend(std::iter::repeat_n(Align::Right, columns.len() - 1));
    blocks.push(captioned_table(&columns, rows, widths, align, &s.caption));

    if let Some(intro) = &view.introduction {
        blocks.push(heading(1, &l.introduction, "introduction"));
        blocks.extend(intro.iter().cloned());
    }
    if let Some(context) = &view.context {
        blocks.push(heading(1, &l.context, "context"));
        blocks.extend(context.iter().cloned());
    }

    // Each finding: each recommendation with what the committee said, and the comment.
    blocks.push(heading(1, &l.recommendations, "recommendations"));
    for f in &view.findings {
        blocks.push(heading(2, &f.title, &f.anchor));
        let tally = if f.articles.is_empty() { f.tally.clone() } else { format!("{} · {}", f.articles, f.tally) };
        blocks.push(para(ParaStyle::Aside, vec![Inline::Emph(vec![t(&tally)])]));
        for i in &f.items {
            blocks.push(Block::Recommendation {
                label: i.label.clone(),
                anchor: Some(i.anchor.clone()),
                content: vec![t(&i.text)],
            });
            blocks.push(para(ParaStyle::Minor, vec![t(&i.status_label)]));
            if i.quotes.is_empty() {
                blocks.push(para(ParaStyle::Normal, vec![Inline::Emph(vec![t(&i.no_quote)])]));
            }
            for q in &i.quotes {
                if let Some(missing) = &q.missing {
                    blocks.push(para(ParaStyle::Normal, vec![Inline::Emph(vec![t(missing)])]));
                } else if !q.quoted_under.is_empty() {
                    let mut content =
                        vec![t(&format!("{}{}{}{} ", q.kind, l.colon, l.colon_gap, l.quoted_above_under))];
                    content.extend(refs(&q.quoted_under));
                    content.push(Inline::text("."));
                    blocks.push(para(ParaStyle::Normal, content));
                } else {
                    let mut head =
                        vec![Inline::Strong(vec![t(&q.citation)]), t(&format!("{}{}{}", l.paren.0, q.kind, l.paren.1))];
                    if let Some(h) = &q.heading {
                        head.push(t(&format!(" — {h}")));
                    }
                    let mut quoted = vec![para(ParaStyle::Normal, head)];
                    if let Some(lead) = &q.lead {
                        // Kept on the page of the first lettered item.
                        quoted.push(para(ParaStyle::LeadIn, vec![t(lead)]));
                    }
                    for p in &q.parts {
                        quoted.push(normal(&format!("{} {}", p.marker, p.text)));
                    }
                    if let Some(also) = &q.also {
                        quoted.push(normal(also));
                    }
                    blocks.push(Block::Quote(quoted));
                }
            }
            if let Some(comment) = &i.comment {
                blocks.extend(comment.iter().cloned());
            }
            if let Some(g) = &i.grade {
                let mut line = vec![
                    Inline::Strong(vec![t(&format!("{}{}", g.scale, l.colon))]),
                    t(&format!("{}{}", l.colon_gap, g.line)),
                ];
                if let Some(note) = &g.note {
                    line.push(t(&format!("{}{note}{}", l.paren.0, l.paren.1)));
                }
                blocks.push(para(ParaStyle::Normal, line));
            }
            if let Some(follow_up) = &i.follow_up {
                blocks.push(para(ParaStyle::Aside, vec![t(follow_up)]));
            }
        }
        if let Some(sentence) = &f.left_out_sentence {
            let mut content = vec![t(&format!("{sentence} "))];
            content.extend(refs(&f.left_out));
            content.push(Inline::text("."));
            blocks.push(para(ParaStyle::Normal, content));
        }
    }

    // Unaddressed issues.
    blocks.push(heading(1, &l.unaddressed, "unaddressed"));
    blocks.push(normal(&view.unaddressed.sentence));
    for u in &view.unaddressed.items {
        blocks.push(Block::Recommendation {
            label: u.label.clone(),
            anchor: Some(u.anchor.clone()),
            content: vec![t(&u.text)],
        });
        blocks.push(para(ParaStyle::Aside, vec![link(&u.finding_anchor, vec![t(&u.finding)])]));
        if let Some(comment) = &u.comment {
            blocks.extend(comment.iter().cloned());
        }
    }

    // The previous review: the earlier recommendations the findings followed up.
    if let Some(previous) = &view.previous {
        blocks.push(heading(1, &l.previous, "previous"));
        blocks.push(normal(&previous.sentence));
        let items = previous
            .items
            .iter()
            .map(|p| {
                let mut content = vec![Inline::Strong(vec![t(&p.citation)]), t(" · ")];
                content.push(link(&p.finding_anchor, vec![t(&p.finding)]));
                if !p.status.is_empty() {
                    content.push(t(&format!(" · {}", p.status)));
                }
                content.push(t(&format!(". {}", p.outcome)));
                vec![para(ParaStyle::Normal, content)]
            })
            .collect();
        blocks.push(Block::List { start: None, items, tight: true, paren: false });
    }

    // The questions the findings suggested for the list of issues.
    if let Some(questions) = &view.questions {
        blocks.push(heading(1, &l.questions, "questions"));
        blocks.push(normal(&questions.sentence));
        let items = questions
            .items
            .iter()
            .map(|q| {
                let mut content = vec![Inline::Strong(vec![t(&q.question)]), t(" · ")];
                if q.finding_anchor.is_empty() {
                    content.push(t(&q.finding));
                } else {
                    content.push(link(&q.finding_anchor, vec![t(&q.finding)]));
                }
                content.push(t(&format!(". {}", q.outcome)));
                vec![para(ParaStyle::Normal, content)]
            })
            .collect();
        blocks.push(Block::List { start: None, items, tight: true, paren: false });
    }

    // What the committee singled out.
    let fu = &view.follow_up;
    blocks.push(heading(1, &l.follow_up, "follow-up"));
    blocks.push(normal(&fu.sentence));
    let selected = |list: &[crate::brief::view::SelectedView]| {
        let items = list
            .iter()
            .map(|s| {
                let mut content = vec![Inline::Strong(vec![t(&s.citation)])];
                if let Some(h) = &s.heading {
                    content.push(t(&format!("{}{h}{}", l.paren.0, l.paren.1)));
                }
                content.push(t(&format!("{}{}", l.colon, l.colon_gap)));
                if s.recommendations.is_empty() {
                    content.push(t(&s.none));
                }
                for (i, r) in s.recommendations.iter().enumerate() {
                    if i > 0 {
                        content.push(Inline::text(", "));
                    }
                    content.push(link(&r.anchor, vec![t(&r.label)]));
                    content.push(t(&format!("{}{}{}", l.paren.0, r.status_label.to_lowercase(), l.paren.1)));
                }
                vec![Block::Paragraph { style: ParaStyle::Normal, content }]
            })
            .collect();
        Block::List { start: None, items, tight: true, paren: false }
    };
    if !fu.selected.is_empty() {
        blocks.push(selected(&fu.selected));
    }
    if let Some(touched) = &fu.touched {
        blocks.push(normal(touched));
    }
    if let Some(sentence) = &fu.importance_sentence {
        blocks.push(normal(sentence));
        blocks.push(selected(&fu.importance));
    }
    if let Some(next) = &fu.next_report {
        blocks.push(normal(next));
    }

    // What we ask.
    if let Some(asks) = &view.asks {
        blocks.push(heading(1, &l.asks, "asks"));
        blocks.push(normal(&asks.sentence));
        for (title, group, anchor) in
            [(&asks.state_title, &asks.state, "asks-state"), (&asks.committee_title, &asks.committee, "asks-committee")]
        {
            if group.is_empty() {
                continue;
            }
            blocks.push(heading(2, title, anchor));
            let items = group
                .iter()
                .map(|a| {
                    let mut content = vec![t(&a.text)];
                    if !a.by.is_empty() || !a.refs.is_empty() {
                        content.push(Inline::text(l.paren.0.clone()));
                        if !a.by.is_empty() {
                            content.push(t(&a.by));
                        }
                        if !a.by.is_empty() && !a.refs.is_empty() {
                            content.push(Inline::text(" · "));
                        }
                        content.extend(refs(&a.refs));
                        content.push(Inline::text(l.paren.1.clone()));
                    }
                    vec![Block::Paragraph { style: ParaStyle::Normal, content }]
                })
                .collect();
            blocks.push(Block::List { start: Some(1), items, tight: true, paren: false });
        }
    }
    if let Some(conclusion) = &view.conclusion {
        blocks.push(heading(1, &l.conclusion, "conclusion"));
        blocks.extend(conclusion.iter().cloned());
    }

    // The annex: every recommendation, its paragraphs and status.
    let annex = &view.annex;
    blocks.push(heading(1, &l.annex, "annex"));
    let mut columns = vec![&l.column_number, &l.column_finding, &l.column_paragraphs, &l.column_status];
    if annex.has_grades {
        columns.push(&l.column_grade);
    }
    let rows = annex
        .rows
        .iter()
        .map(|r| {
            let mut paragraph = vec![t(&r.paragraph)];
            if !r.follow_up.is_empty() {
                paragraph.push(Inline::text(l.paren.0.clone()));
                paragraph.push(Inline::Emph(vec![t(&r.follow_up)]));
                paragraph.push(Inline::text(l.paren.1.clone()));
            }
            let mut row = vec![
                cell(vec![link(&r.anchor, vec![t(&r.label)])]),
                cell(vec![t(&r.finding)]),
                cell(paragraph),
                cell(vec![t(&r.status_label)]),
            ];
            if annex.has_grades {
                row.push(cell(vec![t(&r.grade)]));
            }
            row
        })
        .collect();
    let widths = if annex.has_grades { vec![0, 1, 0, 0, 1] } else { vec![0, 1, 0, 0] };
    blocks.push(captioned_table(&columns, rows, widths, Vec::new(), &annex.caption));

    let words = Words::new(language);
    let (ibid, above) = crate::i18n::ibid_above(language);
    Document {
        meta: Meta {
            title: typographic_quotes(&meta.title, quotes, None),
            authors: meta.authors.clone(),
            language: meta.language.clone(),
            date: meta.date_iso.clone(),
            running_header: typographic_quotes(&meta.short_title, quotes, None),
            header_mark: None,
            draft: meta.draft.as_ref().map(|d| d.mark.clone()),
            page_of: crate::report::model::page_of(&words),
            numbered_paragraphs: false,
            // An article: its sections unnumbered, as in the PDF and the web page.
            numbered_headings: false,
            a4: meta.paper == "a4",
            ibid,
            above,
            annex: words.get("annex"),
            colon: words.get("colon"),
        },
        blocks,
        images: Default::default(),
    }
}
