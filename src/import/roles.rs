//! What each paragraph does: introduction, positive aspect, concern, recommendation,
//! follow-up, dissemination, next report, technical assistance (or, in a list of issues, a
//! question) — [`Role`].
//!
//! Decided from the document's structure first, and from the committee's own formulas second:
//!
//! 1. **The sections.** Paragraphs of the introduction and of the positive aspects (and of the
//!    CEDAW's and CRC's "factors and difficulties") take their section's role, whatever their
//!    verbs.
//! 2. **The closing part.** From the end of the document back to the last substantive
//!    paragraph run the procedural paragraphs: those of a "Follow-up" section, those under a
//!    procedural subject heading (dissemination, next report, technical assistance, follow-up,
//!    common core document, paragraphs of particular importance), the follow-up paragraph the
//!    importer found by its references, and those that speak of the present concluding
//!    observations, the next report or article 37. Each takes the role its content or heading
//!    gives.
//! 3. **The formulas**, in the concerns and recommendations between: the committee asks the
//!    State to act (it *recommends*, *urges*, *calls upon*, *encourages*, *invites*,
//!    *requests*, *reiterates its recommendation*; "the State party *should*"; *recommande*,
//!    *prie*, *exhorte*, *engage*, *invite*, *encourage*, *demande*, *devrait*; *recomienda*,
//!    *insta*, *exhorta*, *alienta*, *invita*, *pide*, *solicita*, *debe*) → recommendation;
//!    otherwise it raises a problem (*concerned*, *concern*, *regrets*, *deplores*,
//!    *alarmed*; *préoccupé*, *préoccupation*, *s'inquiète*, *regrette*, *déplore*;
//!    *preocupa*, *preocupación*, *lamenta*, *deplora*) → concern; otherwise it welcomes →
//!    positive aspect. A paragraph with none of these that stands just before a recommendation
//!    under the same heading ("The Committee notes that the State party has no plan …") is the
//!    concern that recommendation answers.
//!
//! The formulas are those every treaty body uses in English, French and Spanish, written from
//! the committees' drafting conventions, not gathered from the documents at hand; a paragraph
//! in any of the three is read with all three lists. How well this does on real documents is
//! measured against hand labels (`tests/fixtures/roles/`, `docs/import-accuracy.md`).

use crate::model::co::{CoParagraph, ConcludingObservations, Role};

/// Fills in the role of every paragraph that has none.
pub fn fill_roles(co: &mut ConcludingObservations) {
    let roles = infer_roles(co);
    for (p, role) in co.sections.iter_mut().flat_map(|s| s.paragraphs.iter_mut()).zip(roles) {
        if p.role.is_none() {
            p.role = Some(role);
        }
    }
}

/// The role of every paragraph, in document order: the one written in the file where there is
/// one, otherwise the one the structure and formulas give.
pub fn roles(co: &ConcludingObservations) -> Vec<Role> {
    let inferred = infer_roles(co);
    co.paragraphs().zip(inferred).map(|((_, p), r)| p.role.unwrap_or(r)).collect()
}

/// What the sections say of their paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SectionKind {
    /// "Introduction".
    Introduction,
    /// "Positive aspects".
    Positive,
    /// "Factors and difficulties impeding the implementation".
    Factors,
    /// "Follow-up", "Follow-up and dissemination", "Seguimiento".
    FollowUp,
    /// Anything else: concerns and recommendations.
    Body,
}

/// The role every paragraph would be given, ignoring roles written in the file.
pub fn infer_roles(co: &ConcludingObservations) -> Vec<Role> {
    let paragraphs: Vec<(SectionKind, &CoParagraph)> =
        co.sections.iter().flat_map(|s| s.paragraphs.iter().map(move |p| (section_kind(&s.title), p))).collect();
    let texts: Vec<Folded> = paragraphs.iter().map(|(_, p)| Folded::of_paragraph(p)).collect();
    let follow_up: Vec<u32> = co
        .follow_up
        .iter()
        .flat_map(|f| f.paragraph.into_iter().chain(f.particular_importance.as_ref().and_then(|s| s.paragraph)))
        .collect();

    // The closing, procedural part: walk back from the end while paragraphs look procedural.
    let mut tail_start = paragraphs.len();
    for i in (0..paragraphs.len()).rev() {
        let (kind, p) = paragraphs[i];
        let procedural = kind == SectionKind::FollowUp
            || follow_up.contains(&p.number)
            || p.heading.as_deref().and_then(heading_role).is_some()
            || texts[i].procedure().is_some();
        // Only in the second half of the document: an introduction that speaks of the report
        // is not the closing part.
        if !procedural || i < paragraphs.len() / 2 {
            break;
        }
        tail_start = i;
    }

    let mut roles: Vec<Option<Role>> = vec![None; paragraphs.len()];
    for (i, (kind, p)) in paragraphs.iter().enumerate() {
        let t = &texts[i];
        roles[i] = Some(if follow_up.contains(&p.number) {
            Role::FollowUp
        } else if i >= tail_start {
            // A heading that names the next report or technical assistance decides; then the
            // words; then a heading of dissemination or follow-up.
            let heading = p.heading.as_deref().and_then(heading_role);
            heading
                .filter(|r| matches!(r, Role::NextReport | Role::TechnicalAssistance))
                .or_else(|| t.procedure())
                .or(heading)
                .unwrap_or(if t.asks() || *kind == SectionKind::FollowUp { Role::Dissemination } else { Role::Other })
        } else if let Some(role) =
            p.heading.as_deref().and_then(heading_role).filter(|r| *r == Role::TechnicalAssistance)
        {
            // Article 37 standing among the specific obligations, before the closing part.
            role
        } else {
            match kind {
                SectionKind::Introduction => Role::Introduction,
                SectionKind::Positive => Role::PositiveAspect,
                SectionKind::Factors => Role::Other,
                SectionKind::FollowUp | SectionKind::Body => {
                    if i < 4 && t.introduces() {
                        Role::Introduction
                    } else if t.questions() {
                        Role::Question
                    } else if t.asks() {
                        Role::Recommendation
                    } else if t.concerned() {
                        Role::Concern
                    } else if t.welcomes() && !t.contrasts() {
                        Role::PositiveAspect
                    } else {
                        // Decided below, from what follows.
                        continue;
                    }
                }
            }
        });
    }
    // A paragraph without a formula, just before a recommendation under the same heading (or,
    // without headings, just before one), is the concern that recommendation answers.
    for i in (0..paragraphs.len()).rev() {
        if roles[i].is_some() {
            continue;
        }
        let next_answers = roles.get(i + 1).copied().flatten() == Some(Role::Recommendation)
            && paragraphs[i + 1].1.heading == paragraphs[i].1.heading;
        roles[i] = Some(if next_answers { Role::Concern } else { Role::Other });
    }
    roles.into_iter().map(|r| r.unwrap_or(Role::Other)).collect()
}

/// What a section's title says of its paragraphs.
fn section_kind(title: &str) -> SectionKind {
    let t = Folded::new(title);
    if t.starts(&["introduction", "introduccion"]) {
        SectionKind::Introduction
    } else if t.has(&["positive aspects", "aspects positifs", "aspectos positivos", "positive developments"]) {
        SectionKind::Positive
    } else if t.has(&["factors and difficulties", "facteurs et difficultes", "factores y dificultades"]) {
        SectionKind::Factors
    } else if t.starts(&["follow up", "suivi", "seguimiento", "dissemination", "diffusion", "difusion"]) {
        SectionKind::FollowUp
    } else {
        SectionKind::Body
    }
}

/// The role a procedural subject heading gives its paragraphs ("Dissemination of information",
/// "Next periodic report", "Technical assistance", "Follow-up to concluding observations",
/// "Common core document", "Paragraphs of particular importance"), in the three languages.
fn heading_role(heading: &str) -> Option<Role> {
    let h = Folded::new(heading);
    if h.has(&["particular importance", "importance particuliere", "especial importancia", "particular importancia"]) {
        Some(Role::FollowUp)
    } else if h.has(&[
        "next report",
        "next periodic report",
        "preparation of the next",
        "prochain rapport",
        "proximo informe",
        "common core document",
        "document de base",
        "documento basico",
        "reporting procedure",
    ]) {
        Some(Role::NextReport)
    } else if h.has(&[
        "technical assistance",
        "technical cooperation",
        "assistance technique",
        "cooperation technique",
        "asistencia tecnica",
        "cooperacion tecnica",
        "cooperation between states parties and the committee",
        "art 37",
        "article 37",
        "articulo 37",
    ]) {
        Some(Role::TechnicalAssistance)
    } else if h.has(&["dissemination", "diffusion", "difusion", "divulgacion", "publicity"])
        || h.is(&["follow up", "suivi", "seguimiento"])
        || h.starts(&[
            "follow up to the concluding",
            "follow up to concluding",
            "follow up and",
            "suivi des observations",
            "suivi et",
            "seguimiento de las observaciones",
            "seguimiento y",
        ])
    {
        Some(Role::Dissemination)
    } else {
        None
    }
}

/// Text lower-cased, accents removed, words joined by single spaces, with a space at both ends
/// so that `" word "` finds whole words.
struct Folded {
    /// The whole text.
    all: String,
    /// The lead-in before lettered items, when the paragraph has items; else the whole text.
    lead: String,
}

impl Folded {
    fn new(text: &str) -> Folded {
        let all = fold(text);
        Folded { lead: all.clone(), all }
    }

    fn of_paragraph(p: &CoParagraph) -> Folded {
        let all = fold(&p.full_text());
        let lead = if p.subparagraphs.is_empty() { all.clone() } else { fold(&p.text) };
        Folded { all, lead }
    }

    /// Whether the text contains one of the phrases (folded, whole words).
    fn has(&self, phrases: &[&str]) -> bool {
        phrases.iter().any(|p| self.all.contains(&format!(" {p} ")))
    }

    /// Whether the text starts with one of the phrases.
    fn starts(&self, phrases: &[&str]) -> bool {
        phrases.iter().any(|p| self.all.starts_with(&format!(" {p} ")))
    }

    /// Whether the text is one of the phrases.
    fn is(&self, phrases: &[&str]) -> bool {
        phrases.iter().any(|p| self.all.trim() == *p)
    }

    /// The words of the text that decide its formula: the lead-in when it has a formula of
    /// its own ("The Committee recommends that the State party:"), else the whole text.
    fn deciding(&self) -> &str {
        if self.lead != self.all && (has_in(&self.lead, ASKS) || has_in(&self.lead, CONCERNS) || stem_in(&self.lead)) {
            &self.lead
        } else {
            &self.all
        }
    }

    /// The committee asks the State to act.
    fn asks(&self) -> bool {
        let t = self.deciding();
        has_in(t, ASKS) || has_verb(t, &["recommande"], &["par"]) || reiterates_recommendation(t)
    }

    /// The committee raises a problem.
    fn concerned(&self) -> bool {
        let t = self.deciding();
        has_in(t, CONCERNS) || stem_in(t)
    }

    /// The committee welcomes something.
    fn welcomes(&self) -> bool {
        has_in(self.deciding(), WELCOMES)
    }

    /// "However": a welcome that turns into a concern ("The Committee commends the many
    /// initiatives … However, it notes that more needs to be done …").
    fn contrasts(&self) -> bool {
        self.has(&[
            "however",
            "nevertheless",
            "but",
            "cependant",
            "toutefois",
            "neanmoins",
            "mais",
            "sin embargo",
            "no obstante",
            "pero",
        ])
    }

    /// A question of a list of issues.
    fn questions(&self) -> bool {
        has_in(&self.all, QUESTIONS)
    }

    /// An opening paragraph standing before the first section: the report considered.
    fn introduces(&self) -> bool {
        self.has(&["considered the", "a examine le", "examino el", "welcomes the submission", "welcomes the initial"])
            && self.has(&["report", "rapport", "informe"])
    }

    /// What a procedural paragraph is about, from its words: the next report, technical
    /// assistance, or the present concluding observations (their implementation and
    /// dissemination, civil society's part in the next report).
    fn procedure(&self) -> Option<Role> {
        let civil_society = self.has(&["civil society", "societe civile", "sociedad civil"]);
        let report = self.has(&[
            "periodic report",
            "periodic reports",
            "next report",
            "rapport periodique",
            "rapports periodiques",
            "prochain rapport",
            "informe periodico",
            "informes periodicos",
            "proximo informe",
        ]);
        let present = self.has(&[
            "present concluding observations",
            "these concluding observations",
            "presentes observations finales",
            "presentes observaciones finales",
        ]);
        if civil_society && report {
            return Some(Role::Dissemination);
        }
        if self.has(&[
            "simplified reporting procedure",
            "procedure simplifiee",
            "procedimiento simplificado",
            "common core document",
            "document de base commun",
            "documento basico comun",
            "list of issues prior to reporting",
            "liste de points a traiter",
            "lista de cuestiones previa",
            "page limit",
            "word limit",
        ]) || (report
            && self.has(&["submit", "soumettre", "presenter", "presentar", "presente", "due", "attendu", "debera"]))
        {
            return Some(Role::NextReport);
        }
        if self.has(&["article 37", "art 37", "articulo 37"])
            || (self.has(&["technical assistance", "assistance technique", "asistencia tecnica", "technical guidance"])
                && self.has(&["specialized agencies", "institutions specialisees", "organismos especializados"]))
        {
            return Some(Role::TechnicalAssistance);
        }
        if present {
            return Some(Role::Dissemination);
        }
        None
    }
}

/// The committee's formulas of request, in the three languages (folded).
const ASKS: &[&str] = &[
    // English
    "recommends",
    "recommend that",
    "urges",
    "calls upon",
    "calls on",
    "calls for",
    "encourages",
    "invites",
    "requests the state",
    "requests that the state",
    "requests that",
    "requests it",
    "exhorts",
    "party should",
    "parties should",
    "it should",
    "government should",
    "authorities should",
    "party must",
    "it must",
    // French
    "prie l etat",
    "prie instamment",
    "prie egalement",
    "prie en outre",
    "lui demande",
    "demande a l etat",
    "demande instamment",
    "demande egalement",
    "exhorte",
    "engage l etat",
    "engage vivement",
    "engage egalement",
    "engage en outre",
    "invite l etat",
    "invite egalement",
    "invite instamment",
    "encourage l etat",
    "encourage vivement",
    "encourage egalement",
    "encourage en outre",
    "l encourage",
    "l invite",
    "l engage",
    "l exhorte",
    "partie devrait",
    "parties devraient",
    "il devrait",
    "partie doit",
    // Spanish
    "recomienda",
    "recomendamos",
    "insta",
    "exhorta",
    "alienta",
    "invita",
    "pide al estado",
    "le pide",
    "solicita al estado",
    "le solicita",
    "parte debe",
    "parte deberia",
    "partes deben",
    "partes deberian",
];

/// The committee's formulas of concern, as whole words or phrases (folded).
const CONCERNS: &[&str] = &[
    "concerned",
    "concern",
    "concerns",
    "regrets",
    "deplores",
    "alarmed",
    "worried",
    "regrette",
    "deplore",
    "alarme",
    "lamenta",
    "deplora",
    "alarmado",
];

/// Word beginnings that mark a concern in French and Spanish: *préoccupé*, *préoccupation*,
/// *s'inquiète*, *inquiétude*; *preocupa*, *preocupación*, *inquietud*.
const CONCERN_STEMS: &[&str] = &["preoccup", "preocup", "inquiet"];

/// The committee's formulas of welcome (folded).
const WELCOMES: &[&str] = &[
    "welcomes",
    "welcome",
    "commends",
    "appreciates",
    "appreciation",
    "congratulates",
    "satisfaction",
    "satisfaccion",
    "salue",
    "felicite",
    "se felicite",
    "apprecie",
    "celebra",
    "encomia",
    "felicita",
    "acoge con",
    "valora",
];

/// The questions of a list of issues (folded).
const QUESTIONS: &[&str] = &[
    "please provide",
    "please indicate",
    "please explain",
    "please describe",
    "please clarify",
    "please inform",
    "please comment",
    "please specify",
    "please update",
    "please elaborate",
    "please report",
    "please give",
    "veuillez",
    "priere de",
    "sirvanse",
    "sirvase",
    "indiquese",
    "informese",
    "proporcionese",
];

/// Whether a folded text contains one of the phrases as whole words.
fn has_in(text: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| text.contains(&format!(" {p} ")))
}

/// Whether a folded text has a word starting with one of [`CONCERN_STEMS`].
fn stem_in(text: &str) -> bool {
    text.split(' ').any(|w| CONCERN_STEMS.iter().any(|s| w.starts_with(s)))
}

/// Whether a folded text has one of the verbs, not followed by one of the words that make it
/// a participle ("recommandé par le Comité").
fn has_verb(text: &str, verbs: &[&str], not_before: &[&str]) -> bool {
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    words.iter().enumerate().any(|(i, w)| {
        verbs.contains(w)
            && !words.get(i + 1).is_some_and(|n| not_before.contains(n))
            && !(i > 0 && ["comme", "que", "deja", "a", "avait", "ont", "avaient", "ete"].contains(&words[i - 1]))
    })
}

/// "The Committee reiterates its (previous) recommendation(s)", "réitère sa recommandation",
/// "reitera su recomendación".
fn reiterates_recommendation(text: &str) -> bool {
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    words.iter().enumerate().any(|(i, w)| {
        ["reiterates", "reitere", "reitera", "recalls", "rappelle", "recuerda"].contains(w)
            && words[i + 1..].iter().take(5).any(|n| {
                n.starts_with("recommendation") || n.starts_with("recommandation") || n.starts_with("recomendacion")
            })
    })
}

/// Lower case, accents removed, every run of other characters one space, a space at both ends.
pub(crate) fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for c in text.nfkd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Committee;
    use crate::model::co::{CoSection, CoSubparagraph, FollowUp};

    fn para(number: u32, heading: Option<&str>, text: &str, items: &[&str]) -> CoParagraph {
        CoParagraph {
            number,
            role: None,
            heading: heading.map(str::to_owned),
            text: text.to_owned(),
            subparagraphs: items
                .iter()
                .zip('a'..)
                .map(|(t, l)| CoSubparagraph { letter: l.to_string(), text: (*t).to_owned() })
                .collect(),
            footnotes: Vec::new(),
            earlier: Vec::new(),
        }
    }

    fn section(title: &str, paragraphs: Vec<CoParagraph>) -> CoSection {
        CoSection { label: None, title: title.to_owned(), paragraphs }
    }

    fn co(sections: Vec<CoSection>, follow_up: Option<u32>) -> ConcludingObservations {
        ConcludingObservations {
            symbol: "CRPD/C/XYZ/CO/1".into(),
            committee: Committee::Crpd,
            state: "Xyz".into(),
            title: None,
            report: None,
            session: None,
            meetings: None,
            adopted: None,
            published: None,
            language: None,
            notes: Vec::new(),
            source: None,
            sections,
            follow_up: follow_up.map(|n| FollowUp { paragraph: Some(n), ..FollowUp::default() }),
        }
    }

    /// The formulas of the three languages, in the body of a document.
    #[test]
    fn formulas_in_three_languages() {
        let body = |text: &str| {
            let c = co(
                vec![section("Principal areas of concern and recommendations", vec![para(10, Some("X"), text, &[])])],
                None,
            );
            infer_roles(&c)[0]
        };
        for (text, role) in [
            (
                "The Committee reiterates its previous recommendation and urges the State party to act.",
                Role::Recommendation,
            ),
            ("The Committee reiterates its previous recommendation (CRPD/C/XYZ/CO/1, para. 9).", Role::Recommendation),
            ("The State party should adopt a law.", Role::Recommendation),
            ("The Committee calls upon the State party to adopt a law.", Role::Recommendation),
            ("Le Comité recommande à l’État partie d’adopter une loi.", Role::Recommendation),
            ("Le Comité prie instamment l’État partie d’adopter une loi.", Role::Recommendation),
            ("Le Comité engage l’État partie à adopter une loi.", Role::Recommendation),
            ("L’État partie devrait adopter une loi.", Role::Recommendation),
            ("El Comité insta al Estado parte a que apruebe una ley.", Role::Recommendation),
            ("El Comité alienta al Estado parte a que apruebe una ley.", Role::Recommendation),
            ("El Estado parte debería aprobar una ley.", Role::Recommendation),
            ("The Committee notes with concern the lack of a law.", Role::Concern),
            ("The Committee regrets the lack of information.", Role::Concern),
            ("Le Comité constate avec préoccupation l’absence de loi.", Role::Concern),
            ("Le Comité s’inquiète de l’absence de loi.", Role::Concern),
            ("Le Comité regrette que la loi, comme il l’a recommandé, n’ait pas été adoptée.", Role::Concern),
            ("Preocupa al Comité la falta de una ley.", Role::Concern),
            ("Al Comité le preocupa la falta de una ley.", Role::Concern),
            ("El Comité lamenta la falta de información.", Role::Concern),
            ("The Committee welcomes the adoption of the law.", Role::PositiveAspect),
            ("El Comité acoge con satisfacción la aprobación de la ley.", Role::PositiveAspect),
            ("Please provide information on the measures taken.", Role::Question),
            ("Sírvanse proporcionar información sobre las medidas adoptadas.", Role::Question),
        ] {
            assert_eq!(body(text), role, "{text}");
        }
    }

    /// A paragraph with no formula is the concern of the recommendation after it, under the
    /// same heading; a welcome that turns ("However") is one too; the lead-in decides for items.
    #[test]
    fn structure_decides_what_formulas_do_not() {
        let c = co(
            vec![section(
                "Principal areas of concern and recommendations",
                vec![
                    para(10, Some("Work"), "El Comité observa que no existe un plan nacional de empleo.", &[]),
                    para(
                        11,
                        Some("Work"),
                        "El Comité recomienda al Estado parte que:",
                        &["Apruebe un plan;", "Lo financie."],
                    ),
                    para(
                        12,
                        Some("Awareness"),
                        "The Committee commends the initiatives. However, it notes that more needs to be done.",
                        &[],
                    ),
                    para(13, Some("Awareness"), "The Committee recommends that the State party run campaigns.", &[]),
                    para(
                        14,
                        Some("Health"),
                        "The Committee is concerned about:",
                        &["The State party should have acted earlier;"],
                    ),
                    para(15, Some("Health"), "The Committee notes the new hospital.", &[]),
                ],
            )],
            None,
        );
        assert_eq!(
            infer_roles(&c),
            vec![Role::Concern, Role::Recommendation, Role::Concern, Role::Recommendation, Role::Concern, Role::Other]
        );
    }

    /// Sections, and the closing part: follow-up found by references, dissemination, the next
    /// report and technical assistance, by heading or by words.
    #[test]
    fn sections_and_the_closing_part() {
        let c = co(
            vec![
                section(
                    "Introduction",
                    vec![para(1, None, "The Committee considered the initial report and recommends nothing.", &[])],
                ),
                section(
                    "Positive aspects",
                    vec![para(
                        2,
                        None,
                        "The Committee welcomes the law and encourages the State party to apply it.",
                        &[],
                    )],
                ),
                section(
                    "Principal areas of concern and recommendations",
                    vec![
                        para(3, Some("Education"), "The Committee is concerned about segregated schools.", &[]),
                        para(4, Some("Education"), "The Committee recommends that the State party close them.", &[]),
                        para(5, Some("Education"), "The Committee recommends inclusive schools.", &[]),
                        para(
                            6,
                            Some("Cooperation and technical assistance"),
                            "The State party can seek technical guidance.",
                            &[],
                        ),
                    ],
                ),
                section(
                    "Follow-up",
                    vec![
                        para(
                            7,
                            Some("Dissemination of information"),
                            "With regard to urgent measures, the Committee draws attention to paragraphs 4 and 5.",
                            &[],
                        ),
                        para(
                            8,
                            Some("Dissemination of information"),
                            "The Committee requests the State party to implement the recommendations contained in the present concluding observations.",
                            &[],
                        ),
                        para(
                            9,
                            Some("Dissemination of information"),
                            "The Committee encourages the State party to involve civil society organizations in the preparation of its periodic report.",
                            &[],
                        ),
                        para(
                            10,
                            Some("Next periodic report"),
                            "The Committee requests the State party to submit its combined reports by 2030.",
                            &[],
                        ),
                    ],
                ),
            ],
            Some(7),
        );
        assert_eq!(
            infer_roles(&c),
            vec![
                Role::Introduction,
                Role::PositiveAspect,
                Role::Concern,
                Role::Recommendation,
                Role::Recommendation,
                Role::TechnicalAssistance,
                Role::FollowUp,
                Role::Dissemination,
                Role::Dissemination,
                Role::NextReport,
            ]
        );
    }

    /// A role written in the file is kept; one left out is filled in.
    #[test]
    fn written_roles_are_kept() {
        let mut c = co(
            vec![section(
                "Principal areas of concern and recommendations",
                vec![
                    para(3, Some("X"), "The Committee is concerned.", &[]),
                    para(4, Some("X"), "The Committee recommends it.", &[]),
                ],
            )],
            None,
        );
        c.sections[0].paragraphs[0].role = Some(Role::Recommendation);
        assert_eq!(roles(&c), vec![Role::Recommendation, Role::Recommendation]);
        fill_roles(&mut c);
        assert_eq!(c.sections[0].paragraphs[1].role, Some(Role::Recommendation));
        assert_eq!(c.sections[0].paragraphs[0].role, Some(Role::Recommendation));
    }
}
