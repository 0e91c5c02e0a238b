//! The report's facts, computed once (numbering, dates, labels, anchors, wording): the
//! document model ([`super::model`]) is built from them, and `report.typ` receives the
//! metadata and labels it sets the document up with. No prose here: the Markdown fields stay
//! in the document model's blocks ([`crate::load::prose`]).

use crate::i18n::{Arg, Words, yes};
use crate::load::Loaded;
use crate::load::prose::{Prepared, annex_label, finding_label, rec_label};
use crate::model::submission::{Confidentiality, Implemented, Paper, Source, SourceKind, SourceOrder, Stage};
use crate::model::{Committee, parse_citations};
use serde::Serialize;

/// The report's facts.
#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    /// Title page and document metadata.
    pub meta: Meta,
    /// The submitting organisations.
    pub organisations: Vec<OrganisationView>,
    /// Recommendations marked `key: true`, for the summary.
    pub key_recommendations: Vec<RecommendationView>,
    /// Free sections.
    pub sections: Vec<SectionView>,
    /// Findings, numbered.
    pub findings: Vec<FindingView>,
    /// Every recommendation, numbered R1…Rn in document order.
    pub recommendations: Vec<RecommendationView>,
    /// Cited sources, in the order `citations: {order: …}` asks for (alphabetical by default).
    pub sources: Vec<SourceView>,
    /// The fixed words of the report in its language (headings, labels).
    pub labels: Labels,
    /// Annexes, after the sources, numbered I, II … by the template.
    pub annexes: Vec<AnnexView>,
    /// The abbreviations, sorted (case and accents aside).
    pub abbreviations: Vec<AbbreviationView>,
    /// Whether the report has captioned figures (then a list of figures follows the contents).
    pub has_figures: bool,
    /// Whether the report has captioned tables (then a list of tables follows the contents).
    pub has_tables: bool,
}

/// An annex.
#[derive(Debug, Clone, Serialize)]
pub struct AnnexView {
    /// The title.
    pub title: String,
    /// The label of its heading (`annex-<id>`), when it has an id.
    pub label: Option<String>,
}

/// An abbreviation and what it stands for.
#[derive(Debug, Clone, Serialize)]
pub struct AbbreviationView {
    /// The abbreviation, e.g. `CCPR`.
    pub term: String,
    /// What it stands for.
    pub expansion: String,
}

/// Headings and labels the template prints, in the report's language (`locales/*.ftl`).
#[derive(Debug, Clone, Serialize)]
pub struct Labels {
    /// "Contents".
    pub contents: String,
    /// "About the submitting organisation(s)".
    pub about_organisations: String,
    /// "Executive summary".
    pub executive_summary: String,
    /// "Main recommendations".
    pub main_recommendations: String,
    /// "Suggested questions to the State party".
    pub suggested_questions: String,
    /// "Recommendations".
    pub recommendations: String,
    /// "Consolidated list of recommendations".
    pub consolidated_recommendations: String,
    /// The consolidated table's columns: "No.", "Recommendation", "Finding".
    pub column_number: String,
    /// "Recommendation".
    pub column_recommendation: String,
    /// "Finding".
    pub column_finding: String,
    /// "Sources".
    pub sources: String,
    /// "Submitted by", on the cover.
    pub submitted_by: String,
    /// "CONFIDENTIAL", in the running header of a confidential report.
    pub confidential_mark: String,
    /// The page footer as a Typst counter pattern: "1 of 1", "1 sur 1".
    pub page_of: String,
    /// A footnote citing the source the note before cites: "Ibid.".
    pub note_ibid: String,
    /// The words between a short citation and the number of the note citing it in full,
    /// and after the number: (", above n ", "."), ("，前注", "。").
    pub note_above: (String, String),
    /// Around Amicus's own words in brackets: (" (", ")"), in Chinese ("（", "）").
    pub paren: (String, String),
    /// What comes after a label: ":", in French " :" with a no-break space.
    pub colon: String,
    /// "Figure", before a figure's number.
    pub figure: String,
    /// "Table", before a table's number.
    pub table: String,
    /// What goes around a caption's number ("Table\u{a0}1: ", "表1："), as every writer
    /// numbers captions ([`crate::i18n::CaptionWords`]).
    pub captions: crate::i18n::CaptionWords,
    /// "List of figures".
    pub list_of_figures: String,
    /// "List of tables".
    pub list_of_tables: String,
    /// "Annex", before an annex's number.
    pub annex: String,
    /// "Abbreviations", the heading of their list.
    pub abbreviations: String,
}

/// Title page and metadata.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    /// The report's title.
    pub title: String,
    /// The subtitle, if any.
    pub subtitle: Option<String>,
    /// A short title for the running header: "Kazakhstan · CCPR 144th session".
    pub short_title: String,
    /// "Joint submission to the Human Rights Committee (CCPR)".
    pub kicker: String,
    /// "144th session · 23 June – 25 July 2025".
    pub session: String,
    /// The State.
    pub state: String,
    /// "For the review of Kazakhstan's … report".
    pub stage: String,
    /// "26 May 2025".
    pub date: String,
    /// The treaty's name.
    pub treaty: String,
    /// Committee code.
    pub committee: String,
    /// The confidentiality statement.
    pub statement: String,
    /// Whether the report is confidential.
    pub confidential: bool,
    /// Document authors (organisation names).
    pub authors: Vec<String>,
    /// Language code.
    pub language: String,
    /// Typst paper name.
    pub paper: String,
    /// Number paragraphs.
    pub numbered_paragraphs: bool,
    /// The line before each finding's recommendations: addressed to the committee, or for
    /// the UPR to the States that make recommendations.
    pub recommendations_intro: String,
    /// Show a table of contents.
    pub table_of_contents: bool,
}

/// An organisation.
#[derive(Debug, Clone, Serialize)]
pub struct OrganisationView {
    /// "Global Detention Project (GDP)".
    pub display_name: String,
    /// Web site, as written.
    pub website: Option<String>,
    /// The web site as a link target, when the one link policy allows it
    /// ([`crate::doc::links::link_allowed`]); otherwise the site is shown as text and `check`
    /// warns at the field.
    pub website_link: Option<String>,
    /// Contact address.
    pub contact: Option<String>,
    /// The logo's virtual path (served by the compiler; see [`crate::load::images`]), if any.
    pub logo: Option<String>,
    /// The logo's description for screen readers: "Logo of …".
    pub logo_alt: String,
}

/// A free section.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    /// Heading.
    pub title: String,
}

/// A finding.
#[derive(Debug, Clone, Serialize)]
pub struct FindingView {
    /// The finding's id.
    pub id: String,
    /// The Typst label of its heading.
    pub label: String,
    /// Heading text.
    pub title: String,
    /// "Articles 2, 9 and 14 of the International Covenant …" (empty if none).
    pub articles: String,
    /// "arts. 2, 9 and 14" for the heading.
    pub articles_short: String,
    /// References to earlier concluding observations.
    pub previous: Vec<PreviousView>,
    /// Suggested questions.
    pub questions: Vec<String>,
    /// Its recommendations, with their global numbers.
    pub recommendations: Vec<RecommendationView>,
}

/// An earlier CO paragraph followed up.
#[derive(Debug, Clone, Serialize)]
pub struct PreviousView {
    /// "Follows up CCPR/C/KAZ/CO/2, para. 20".
    pub citation: String,
    /// "in our view: not implemented", if the organisations say.
    pub implemented: Option<String>,
    /// A note.
    pub note: Option<String>,
}

/// A recommendation.
#[derive(Debug, Clone, Serialize)]
pub struct RecommendationView {
    /// 1-based number across the report.
    pub number: usize,
    /// The stable id.
    pub id: String,
    /// The Typst label.
    pub label: String,
    /// The text.
    pub text: String,
    /// The finding's heading label.
    pub finding_label: String,
    /// The finding's title.
    pub finding_title: String,
}

/// A source in the list of sources.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    /// The id.
    pub id: String,
}

/// "2025-05-26" → "26 May 2025", "2025-03" → "March 2025"; anything else (a year, words) is
/// returned as written. English: the brief's words are not in the catalogues yet. The
/// citations of sources use it too, so that a document has one date style.
pub fn long_date(iso: &str) -> String {
    let month = iso
        .split_once('-')
        .filter(|(y, m)| y.len() == 4 && m.len() == 2 && y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()))
        .and_then(|(y, m)| Some((y, m.parse::<usize>().ok().filter(|m| (1..=12).contains(m))?)));
    if let Some((year, month)) = month {
        return format!("{} {year}", crate::date::MONTH_NAMES[month - 1]);
    }
    Words::new("en").long_date(iso)
}

/// 144 → "144th", in English (the brief's words).
pub fn ordinal(n: u32) -> String {
    Words::new("en").ordinal(n)
}

/// Builds the report view from a loaded, prepared submission.
pub fn report(loaded: &Loaded, prepared: &Prepared) -> ReportView {
    let s = &loaded.submission;
    let _root = loaded.root();
    let words = Words::new(&s.language);
    let code = Arg::Text(s.committee.code());
    let upr = yes(s.committee == Committee::Upr);
    let joint = s.organisations.len() > 1;
    let mut kicker = words.with("cover-kicker", &[("code", code), ("joint", yes(joint))]);
    if s.committee != Committee::Upr {
        kicker.push_str(&format!(" ({})", s.committee.code()));
    }
    let session_name = words.with("cover-session", &[("n", Arg::Number(i64::from(s.session.number)))]);
    let session = match (&s.session.start, &s.session.end) {
        (Some(a), Some(b)) => format!("{session_name} · {}", words.date_range(a, b)),
        _ => session_name,
    };
    let state = Arg::Text(&s.state);
    let stage = words.with(
        match s.stage {
            Stage::Loi => "stage-loi",
            Stage::Loipr => "stage-loipr",
            Stage::Review => "stage-review",
            Stage::FollowUp => "stage-follow-up",
        },
        &[("state", state)],
    );
    // The report under review, when the submission names it: "… — third periodic report
    // (CCPR/C/KAZ/3)", as the author wrote it, in any language.
    let stage = match (s.stage, state_report_name(s.state_report.as_ref())) {
        (Stage::Review, Some(report)) => format!("{stage} — {report}"),
        _ => stage,
    };
    let statement = match s.confidentiality {
        Confidentiality::Public => words.with("statement-public", &[("upr", upr)]),
        Confidentiality::Confidential => words.get("statement-confidential"),
    };
    let meta = Meta {
        title: s.title.clone(),
        subtitle: s.subtitle.clone(),
        short_title: words
            .with("short-title", &[("state", state), ("code", code), ("n", Arg::Number(i64::from(s.session.number)))]),
        kicker,
        session,
        state: s.state.clone(),
        stage,
        date: words.long_date(&s.date),
        treaty: words.with("treaty-name", &[("code", code)]),
        committee: s.committee.code().to_owned(),
        statement,
        confidential: s.confidentiality == Confidentiality::Confidential,
        authors: s.organisations.iter().map(|o| o.name.clone()).collect(),
        language: s.language.clone(),
        paper: match s.layout.paper {
            Paper::A4 => "a4".into(),
            Paper::UsLetter => "us-letter".into(),
        },
        numbered_paragraphs: s.layout.numbered_paragraphs.unwrap_or(s.committee == Committee::Upr),
        recommendations_intro: words.with("recommendations-intro", &[("upr", upr), ("state", state)]),
        table_of_contents: s.layout.table_of_contents,
    };
    let organisations = s
        .organisations
        .iter()
        .map(|o| OrganisationView {
            display_name: match &o.short {
                Some(short) if short != &o.name => format!("{} ({short})", o.name),
                _ => o.name.clone(),
            },
            website: o.website.clone(),
            website_link: o.website.clone().filter(|w| crate::doc::links::link_allowed(w).is_ok()),
            contact: o.contact.clone(),
            logo: o.logo.as_deref().map(crate::doc::image::virtual_path),
            logo_alt: words.with("logo-alt", &[("name", Arg::Text(&o.name))]),
        })
        .collect();
    let sections = s.sections.iter().map(|sec| SectionView { title: sec.title.clone() }).collect();

    let mut number = 0;
    let mut all = Vec::new();
    let mut findings = Vec::new();
    // The UPR is not organised by treaty articles: `check` warns about `articles:` there, and
    // the report prints none rather than "Article 19 of the Charter …".
    for (f, _place) in s.findings.iter().zip(&loaded.finding_places) {
        let label = finding_label(&f.id);
        let articles =
            if s.committee == Committee::Upr { Vec::new() } else { crate::model::article::cited(&f.articles) };
        let articles = articles.as_slice();
        let recommendations: Vec<RecommendationView> = f
            .recommendations
            .iter()
            .map(|r| {
                number += 1;
                RecommendationView {
                    number,
                    id: r.id.clone(),
                    label: rec_label(&r.id),
                    text: r.text.clone(),
                    finding_label: label.clone(),
                    finding_title: f.title.clone(),
                }
            })
            .collect();
        all.extend(recommendations.iter().cloned());
        findings.push(FindingView {
            id: f.id.clone(),
            label: label.clone(),
            title: f.title.clone(),
            articles: match articles {
                [] => String::new(),
                _ => words
                    .with("finding-articles", &[("articles", Arg::Text(&words.articles(articles))), ("code", code)]),
            },
            articles_short: words.articles_short(articles),
            previous: f
                .previous_observations
                .iter()
                .map(|p| PreviousView {
                    citation: words.with(
                        "follows-up",
                        &[(
                            "citation",
                            Arg::Text(&match parse_citations(&p.paragraphs) {
                                // The language's comma: "CAT/C/TNL/CO/2، الفقرة 10".
                                Ok(cs) => format!(
                                    "{}{}{}",
                                    p.symbol,
                                    words.get("citation-comma"),
                                    cite_paragraphs_in(&words, &cs)
                                ),
                                Err(_) => format!("{}{}{}", p.symbol, words.get("citation-comma"), p.paragraphs),
                            }),
                        )],
                    ),
                    implemented: p.implemented.map(|i| {
                        let status = match i {
                            Implemented::Yes => "yes",
                            Implemented::Partly => "partly",
                            Implemented::No => "no",
                        };
                        words.with("in-our-view", &[("status", Arg::Text(status))])
                    }),
                    note: p.note.clone(),
                })
                .collect(),
            questions: f.questions.clone(),
            recommendations,
        });
    }
    let key_ids: Vec<&str> =
        s.findings.iter().flat_map(|f| f.recommendations.iter().filter(|r| r.key).map(|r| r.id.as_str())).collect();
    let key_recommendations = all.iter().filter(|r| key_ids.contains(&r.id.as_str())).cloned().collect();
    let mut sources: Vec<(&Source, SourceView)> = s
        .sources
        .iter()
        .filter(|src| prepared.used_sources.contains(&src.id))
        .map(|src| (src, SourceView { id: src.id.clone() }))
        .collect();
    let label = |id: &str| words.get(id);
    let labels = Labels {
        contents: label("contents"),
        about_organisations: words.with("about-organisations", &[("plural", yes(joint))]),
        executive_summary: label("executive-summary"),
        main_recommendations: label("main-recommendations"),
        suggested_questions: label("suggested-questions"),
        recommendations: label("recommendations"),
        consolidated_recommendations: label("consolidated-recommendations"),
        column_number: label("column-number"),
        column_recommendation: label("column-recommendation"),
        column_finding: label("column-finding"),
        sources: label("sources"),
        submitted_by: label("submitted-by"),
        confidential_mark: label("confidential-mark"),
        page_of: words.with("page-of", &[("page", Arg::Number(1)), ("total", Arg::Number(1))]),
        note_ibid: words.get("note-ibid"),
        note_above: crate::i18n::note_above(&words),
        paren: crate::i18n::paren(&words),
        colon: label("colon"),
        figure: label("figure"),
        table: label("table"),
        captions: crate::i18n::CaptionWords::new(&words),
        list_of_figures: label("list-of-figures"),
        list_of_tables: label("list-of-tables"),
        annex: label("annex"),
        abbreviations: label("abbreviations"),
    };
    if s.citations.order != SourceOrder::AsWritten {
        // A stable sort: sources that print alike keep the order they were written in.
        sources.sort_by_cached_key(|(src, _)| {
            let citation =
                prepared.sources.get(&src.id).map(|c| crate::doc::markdown::citation_text(c)).unwrap_or_default();
            source_sort_key(src, &citation, s.citations.order)
        });
    }
    let sources = sources.into_iter().map(|(_, view)| view).collect();
    let annexes = s
        .annexes
        .iter()
        .map(|a| AnnexView {
            title: a.title.clone(),
            label: a.id.as_deref().filter(|id| !id.trim().is_empty()).map(annex_label),
        })
        .collect();
    let mut abbreviations: Vec<AbbreviationView> = s
        .abbreviations
        .iter()
        .map(|(term, expansion)| AbbreviationView { term: term.clone(), expansion: expansion.clone() })
        .collect();
    abbreviations.sort_by_cached_key(|a| (folded(&a.term), a.term.clone()));
    ReportView {
        annexes,
        abbreviations,
        has_figures: prepared.figures > 0,
        has_tables: prepared.tables > 0,
        labels,
        meta,
        organisations,
        key_recommendations,
        sections,
        findings,
        recommendations: all,
        sources,
    }
}

/// "third periodic report (CCPR/C/KAZ/3)", "CCPR/C/KAZ/3" or "third periodic report",
/// from what the submission says of the report under review.
fn state_report_name(report: Option<&crate::model::submission::StateReport>) -> Option<String> {
    let report = report?;
    let title = report.title.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let symbol = report.symbol.as_deref().map(str::trim).filter(|t| !t.is_empty());
    match (title, symbol) {
        (Some(t), Some(s)) => Some(format!("{t} ({s})")),
        (Some(t), None) => Some(t.to_owned()),
        (None, Some(s)) => Some(s.to_owned()),
        (None, None) => None,
    }
}

/// The order of the list of sources: a sort key per source (see [`SourceOrder`]).
fn source_sort_key(src: &Source, citation: &str, order: SourceOrder) -> (u8, String) {
    let kind = src.kind.unwrap_or(if src.symbol.is_some() { SourceKind::UnDocument } else { SourceKind::Other });
    let group = if order == SourceOrder::ByType { kind as u8 } else { 0 };
    // The citation as printed, accents folded and case ignored, so that "Élections" sorts
    // with "Elections".
    (group, folded(citation))
}

/// Text for sorting: accents folded, case ignored, letters, digits and spaces only.
fn folded(text: &str) -> String {
    let folded: String = unicode_normalization::UnicodeNormalization::nfkd(text)
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect();
    folded.trim().to_owned()
}

/// "para. 20", "paras. 12–14 and 20 (a)" in the report's language.
pub(crate) fn cite_paragraphs_in(words: &Words, citations: &[crate::model::citation::Citation]) -> String {
    let (items, plural) = crate::model::citation::paragraph_items(citations);
    if items.is_empty() {
        return String::new();
    }
    let items: Vec<String> = items
        .iter()
        .map(|i| words.with("numbered-item", &[("item", Arg::Text(&items_as_written(words.code(), i)))]))
        .collect();
    let list = words.list(&items);
    // $n tells a language with a dual (Arabic) that two items were cited.
    let n = if plural { i64::try_from(items.len().max(2)).unwrap_or(i64::MAX) } else { 1 };
    words.with("paragraphs-short", &[("list", Arg::Text(&list)), ("plural", yes(plural)), ("n", Arg::Number(n))])
}

/// Lettered items as the UN's documents in a language write them: "34 d)" in French, Spanish
/// and Russian, "34 (د)" in Arabic (with the Arabic letters in their abjad order, أ ب ج د هـ),
/// "34 (d)" otherwise.
pub(crate) fn items_as_written(code: &str, item: &str) -> String {
    match code {
        "fr" | "es" | "ru" => closing_bracket_items(item),
        "ar" => arabic_items(item),
        // Chinese sets no space between a number and the bracket of its item: "第45(a)段".
        "zh" => item.replace(" (", "("),
        _ => item.to_owned(),
    }
}

/// "34 (c)–(d)" → "34 (ج)–(د)": the letters of lettered items in the abjad order of UN Arabic
/// documents.
fn arabic_items(item: &str) -> String {
    use crate::i18n::ABJAD;
    let mut out = String::with_capacity(item.len() * 2);
    let chars: Vec<char> = item.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '('
            && let (Some(&l), Some(&')')) = (chars.get(i + 1), chars.get(i + 2))
            && l.is_ascii_lowercase()
        {
            out.push('(');
            out.push_str(ABJAD[usize::from(l as u8 - b'a')]);
            out.push(')');
            i += 3;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// "34 (c)–(d)" → "34 c)–d)": lettered items with a closing bracket only.
pub(crate) fn closing_bracket_items(item: &str) -> String {
    let mut out = String::with_capacity(item.len());
    let mut rest = item;
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        match after.find(')') {
            Some(close) if close > 0 && after[..close].chars().all(char::is_alphabetic) => {
                out.push_str(&rest[..open]);
                out.push_str(&after[..=close]);
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod item_tests {
    use super::*;

    #[test]
    fn french_spanish_and_russian_items_close_their_bracket_only() {
        assert_eq!(closing_bracket_items("34 (d)"), "34 d)");
        assert_eq!(closing_bracket_items("34 (c)–(d)"), "34 c)–d)");
        assert_eq!(closing_bracket_items("12–14"), "12–14");
        assert_eq!(closing_bracket_items("7 (1)"), "7 (1)");
        let fr = Words::new("fr");
        let cite = |w: &Words, s: &str| cite_paragraphs_in(w, &crate::model::parse_citations(s).unwrap());
        assert_eq!(cite(&fr, "10 (a), 18 (a)"), "par.\u{a0}10 a) et 18 a)");
        assert_eq!(cite(&Words::new("es"), "25 (a)"), "párr. 25 a)");
        assert_eq!(cite(&Words::new("en"), "25 (a)"), "para. 25 (a)");
        assert_eq!(cite(&Words::new("ar"), "10 (a)"), "الفقرة 10 (أ)");
        assert_eq!(cite(&Words::new("ar"), "10 (c)–(e), 12"), "الفقرتان 10 (ج)–(هـ) و12");
        assert_eq!(items_as_written("ar", "7 (1)"), "7 (1)");
    }
}
