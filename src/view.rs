//! The view: everything a report template shows, computed here (numbering, dates, labels,
//! wording), so that templates only lay out.

use crate::date::{Date, MONTH_NAMES};
use crate::load::{Loaded, Place};
use crate::model::committee::articles_label;
use crate::model::submission::{Confidentiality, Implemented, Paper, Stage};
use crate::model::{Committee, parse_citations};
use crate::prepare::Prepared;
use crate::render::Typst;
use serde::Serialize;

/// What `report.typ` receives.
#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    /// Title page and document metadata.
    pub meta: Meta,
    /// The submitting organisations.
    pub organisations: Vec<OrganisationView>,
    /// The executive summary.
    pub summary: Typst,
    /// Recommendations marked `key: true`, for the summary.
    pub key_recommendations: Vec<RecommendationView>,
    /// Free sections.
    pub sections: Vec<SectionView>,
    /// Findings, numbered.
    pub findings: Vec<FindingView>,
    /// Every recommendation, numbered R1…Rn in document order.
    pub recommendations: Vec<RecommendationView>,
    /// Cited sources, in order of first citation… or of the list.
    pub sources: Vec<SourceView>,
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
    /// About text.
    pub about: Typst,
    /// Web site, as written.
    pub website: Option<String>,
    /// The web site as a link target, when the one link policy allows it
    /// ([`crate::markup::link_allowed`]); otherwise the site is shown as text and `check`
    /// warns at the field.
    pub website_link: Option<String>,
    /// Contact address.
    pub contact: Option<String>,
}

/// A free section.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    /// Heading.
    pub title: String,
    /// Body.
    pub body: Typst,
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
    /// "Articles 2, 9 and 14" (empty if none).
    pub articles: String,
    /// "arts. 2, 9 and 14" for the heading.
    pub articles_short: String,
    /// Body.
    pub body: Typst,
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
    /// "CCPR/C/KAZ/CO/2, para. 20".
    pub citation: String,
    /// "not implemented", if the organisations say.
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
    /// The citation, as Typst.
    pub citation: Typst,
}

/// "2025-05-26" → "26 May 2025"; anything else is returned as written.
pub fn long_date(iso: &str) -> String {
    Date::parse(iso).map_or_else(|| iso.to_owned(), Date::long)
}

/// "23 June – 25 July 2025", "1–5 July 2025", "30 December 2025 – 2 January 2026".
pub fn date_range(start: &str, end: &str) -> String {
    match (Date::parse(start), Date::parse(end)) {
        (Some(a), Some(b)) if a.year == b.year && a.month == b.month => {
            format!("{}–{}", a.day, b.long())
        }
        (Some(a), Some(b)) if a.year == b.year => {
            format!("{} {} – {}", a.day, MONTH_NAMES[usize::from(a.month) - 1], b.long())
        }
        _ => format!("{} – {}", long_date(start), long_date(end)),
    }
}

/// 144 → "144th".
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// "arts. 2, 9 and 14" / "art. 7".
fn articles_short(articles: &[u16]) -> String {
    let long = articles_label(articles);
    long.replacen("Articles", "arts.", 1).replacen("Article", "art.", 1)
}

/// Builds the report view from a loaded, prepared submission.
pub fn report(loaded: &Loaded, prepared: &Prepared) -> ReportView {
    let s = &loaded.submission;
    let root = loaded.root();
    let joint = s.organisations.len() > 1;
    let committee_label = match s.committee {
        Committee::Upr => "Universal Periodic Review".to_owned(),
        c => format!("{} ({})", c.name(), c.code()),
    };
    let kicker = format!("{} to the {committee_label}", if joint { "Joint submission" } else { "Submission" });
    let session = match (&s.session.start, &s.session.end) {
        (Some(a), Some(b)) => format!("{} session · {}", ordinal(s.session.number), date_range(a, b)),
        _ => format!("{} session", ordinal(s.session.number)),
    };
    let stage = match s.stage {
        Stage::Loi => format!("For the List of Issues on {}", s.state),
        Stage::Loipr => format!("For the List of Issues Prior to Reporting on {}", s.state),
        Stage::Review => format!("For the review of {}", s.state),
        Stage::FollowUp => format!("Follow-up information on {}", s.state),
    };
    let statement = match s.confidentiality {
        Confidentiality::Public => format!(
            "This submission is public. The {} may publish it on its web page and share it with the State party.",
            if s.committee == Committee::Upr { "Office of the High Commissioner" } else { "Committee" }
        ),
        Confidentiality::Confidential => {
            "CONFIDENTIAL. This submission is for the members of the Committee only. It must not be published or shared with the State party.".to_owned()
        }
    };
    let meta = Meta {
        title: s.title.clone(),
        subtitle: s.subtitle.clone(),
        short_title: format!("{} · {} {} session", s.state, s.committee.code(), ordinal(s.session.number)),
        kicker,
        session,
        state: s.state.clone(),
        stage,
        date: long_date(&s.date),
        treaty: s.committee.treaty().to_owned(),
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
        recommendations_intro: match s.committee {
            Committee::Upr => format!("We suggest that reviewing States recommend that {}:", s.state),
            _ => "We recommend that the Committee urge the State party to:".to_owned(),
        },
        table_of_contents: s.layout.table_of_contents,
    };
    let organisations = s
        .organisations
        .iter()
        .enumerate()
        .map(|(i, o)| OrganisationView {
            display_name: match &o.short {
                Some(short) if short != &o.name => format!("{} ({short})", o.name),
                _ => o.name.clone(),
            },
            about: Typst(prepared.typst(&root.key("organisations").index(i).key("about")).to_owned()),
            website: o.website.clone(),
            website_link: o.website.clone().filter(|w| crate::markup::link_allowed(w).is_ok()),
            contact: o.contact.clone(),
        })
        .collect();
    let sections = s
        .sections
        .iter()
        .enumerate()
        .map(|(i, sec)| SectionView {
            title: sec.title.clone(),
            body: Typst(prepared.typst(&root.key("sections").index(i).key("body")).to_owned()),
        })
        .collect();

    let mut number = 0;
    let mut all = Vec::new();
    let mut findings = Vec::new();
    // The UPR is not organised by treaty articles: `check` warns about `articles:` there, and
    // the report prints none rather than "Article 19 of the Charter …".
    let no_articles: &[u16] = &[];
    for (f, place) in s.findings.iter().zip(&loaded.finding_places) {
        let label = format!("finding-{}", f.id);
        let articles: &[u16] = if s.committee == Committee::Upr { no_articles } else { &f.articles };
        let recommendations: Vec<RecommendationView> = f
            .recommendations
            .iter()
            .map(|r| {
                number += 1;
                RecommendationView {
                    number,
                    id: r.id.clone(),
                    label: format!("rec-{}", r.id),
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
            articles: articles_label(articles),
            articles_short: articles_short(articles),
            body: Typst(prepared.typst(&body_place(place)).to_owned()),
            previous: f
                .previous_observations
                .iter()
                .map(|p| PreviousView {
                    citation: match parse_citations(&p.paragraphs) {
                        Ok(cs) => format!("{}, {}", p.symbol, crate::model::citation::cite_paragraphs(&cs)),
                        Err(_) => format!("{}, {}", p.symbol, p.paragraphs),
                    },
                    implemented: p.implemented.map(|i| {
                        match i {
                            Implemented::Yes => "implemented",
                            Implemented::Partly => "partly implemented",
                            Implemented::No => "not implemented",
                        }
                        .to_owned()
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
    let sources = s
        .sources
        .iter()
        .filter(|src| prepared.used_sources.contains(&src.id))
        .map(|src| SourceView {
            id: src.id.clone(),
            citation: Typst(prepared.citations.get(&src.id).cloned().unwrap_or_default()),
        })
        .collect();
    ReportView {
        meta,
        organisations,
        summary: Typst(prepared.typst(&root.key("summary")).to_owned()),
        key_recommendations,
        sections,
        findings,
        recommendations: all,
        sources,
    }
}

/// The place of a finding's body.
fn body_place(finding: &Place) -> Place {
    finding.key("body")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_like_un_documents() {
        assert_eq!(long_date("2025-05-26"), "26 May 2025");
        assert_eq!(long_date("soon"), "soon");
        assert_eq!(date_range("2025-06-23", "2025-07-25"), "23 June – 25 July 2025");
        assert_eq!(date_range("2025-07-01", "2025-07-05"), "1–5 July 2025");
        assert_eq!(date_range("2025-12-30", "2026-01-02"), "30 December 2025 – 2 January 2026");
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal(144), "144th");
        assert_eq!(ordinal(1), "1st");
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(ordinal(113), "113th");
        assert_eq!(ordinal(43), "43rd");
    }
}
