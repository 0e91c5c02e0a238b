//! Synthetic concluding observations: original CO-like documents generated from templates
//! (see [`super::topics`]), each with its ground truth as a [`ConcludingObservations`].
//!
//! Three styles follow the three layouts the importer must read: CCPR (sections A–D, follow-up
//! by a date), CERD ("Concerns and recommendations", follow-up "17 (a) … and 36 (a)–(d)" within
//! one year) and CRC (roman-numbered parts with lettered clusters). The renderers in the sibling
//! modules turn a [`SynthDoc`] into pdftotext-like text, a Typst-made PDF or a `.docx`.

use super::topics::{CLUSTERS, TOPICS, Topic};
use crate::model::Committee;
use crate::model::co::{
    CoParagraph, CoSection, CoSubparagraph, ConcludingObservations, FollowUp, FollowUpKind, Role, Selection,
};

/// A small deterministic random number generator (xorshift64*), so that documents are the same
/// on every run.
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next raw value.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A value in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True with the given chance in per cent.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A piece of paragraph text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    /// Words, with their own spaces.
    Text(String),
    /// A footnote whose call stands here (glued to what precedes).
    Note(String),
    /// A line break in the layout that reads as a space (before a roman item "(i)").
    Break,
}

/// A paragraph of a synthetic document.
#[derive(Debug, Clone)]
pub(crate) struct SPara {
    /// Its number.
    pub number: u32,
    /// The subject heading it stands under (printed before the first paragraph that has it).
    pub heading: Option<String>,
    /// The text before the sub-paragraphs.
    pub lead: Vec<Seg>,
    /// Lettered sub-paragraphs.
    pub subs: Vec<(char, Vec<Seg>)>,
    /// Layout quirk: the number stands alone on its line.
    pub number_alone: bool,
    /// Layout quirk: the letters "(a)" stand alone on their lines.
    pub markers_alone: bool,
    /// What the generator made it: a concern or a recommendation of a topic pair; `None` for
    /// the rest (not checked).
    pub role: Option<Role>,
}

/// A section of a synthetic document.
#[derive(Debug, Clone)]
pub(crate) struct SSection {
    /// The label as the model writes it (`C`, `III.A`).
    pub label: String,
    /// The label as printed (`C`, `A`).
    pub printed: String,
    /// The title.
    pub title: String,
    /// Its paragraphs.
    pub paras: Vec<SPara>,
}

/// The three layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// Human Rights Committee.
    Ccpr,
    /// Committee on the Elimination of Racial Discrimination.
    Cerd,
    /// Committee on the Rights of the Child.
    Crc,
}

/// A generated document and what the importer should find in it.
#[derive(Debug, Clone)]
pub(crate) struct SynthDoc {
    /// The layout.
    pub style: Style,
    /// The committee.
    pub committee: Committee,
    /// The symbol.
    pub symbol: String,
    /// The State.
    pub state: String,
    /// "third periodic report".
    pub report: String,
    /// The session.
    pub session: u32,
    /// The meetings as paragraph 1 names them.
    pub meetings: String,
    /// The adoption date, ISO.
    pub adopted: String,
    /// The date on the document, as printed.
    pub published_text: String,
    /// The date on the document, ISO.
    pub published: String,
    /// The treaty's name as on the cover.
    pub treaty: String,
    /// The committee's name as on the cover.
    pub committee_name: String,
    /// The title's asterisk note.
    pub star: String,
    /// The job number, as printed on the first page.
    pub job: String,
    /// The sections.
    pub sections: Vec<SSection>,
    /// The follow-up the document sets.
    pub follow_up: Option<FollowUp>,
}

impl SynthDoc {
    /// The title.
    pub fn title(&self) -> String {
        format!("Concluding observations on the {} of {}", self.report, self.state)
    }

    /// What the importer should produce.
    pub fn truth(&self) -> ConcludingObservations {
        ConcludingObservations {
            symbol: self.symbol.clone(),
            committee: self.committee,
            state: self.state.clone(),
            title: Some(self.title()),
            report: Some(self.report.clone()),
            session: Some(self.session),
            meetings: Some(self.meetings.clone()),
            adopted: Some(self.adopted.clone()),
            published: Some(self.published.clone()),
            language: None,
            notes: Vec::new(),
            source: None,
            sections: self
                .sections
                .iter()
                .map(|s| CoSection {
                    label: Some(s.label.clone()),
                    title: s.title.clone(),
                    paragraphs: s
                        .paras
                        .iter()
                        .map(|p| {
                            let (text, mut footnotes) = flatten(&p.lead);
                            let subparagraphs = p
                                .subs
                                .iter()
                                .map(|(l, segs)| {
                                    let (t, n) = flatten(segs);
                                    footnotes.extend(n);
                                    CoSubparagraph { letter: l.to_string(), text: t }
                                })
                                .collect();
                            CoParagraph {
                                number: p.number,
                                role: p.role,
                                heading: p.heading.clone(),
                                text,
                                subparagraphs,
                                footnotes,
                                earlier: Vec::new(),
                            }
                        })
                        .collect(),
                })
                .collect(),
            follow_up: self.follow_up.clone(),
        }
    }
}

/// The text of segments as a reader has it (calls removed, breaks as spaces) and the footnotes.
pub(crate) fn flatten(segs: &[Seg]) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut notes = Vec::new();
    for s in segs {
        match s {
            Seg::Text(t) => text.push_str(t),
            Seg::Note(n) => notes.push(n.clone()),
            Seg::Break => text.push(' '),
        }
    }
    (text, notes)
}

/// Upper-cases the first letter.
fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// The generator's state.
struct Gen {
    /// Random choices.
    rng: Rng,
    /// The next paragraph number.
    next: u32,
    /// The treaty's short name.
    treaty: &'static str,
    /// The symbol of the State's report, for footnotes.
    report_symbol: String,
    /// The symbol of the previous concluding observations, for footnotes.
    previous: String,
    /// Per cent of footnote calls put after the full stop rather than before it.
    call_after_stop: u64,
}

impl Gen {
    /// Replaces `{T}` with the treaty's short name.
    fn t(&self, s: &str) -> String {
        s.replace("{T}", self.treaty)
    }

    /// A footnote text.
    fn note(&mut self) -> String {
        let k = 10 + self.rng.below(150);
        match self.rng.below(6) {
            0 => format!("See {}, para. {}.", self.previous, 5 + self.rng.below(40)),
            1 => format!("{}, paras. {}–{}.", self.report_symbol, k, k + 1 + self.rng.below(6)),
            2 => format!("Replies of the State party to the list of issues, para. {k}."),
            3 => format!(
                "See general comment No. {} ({}), para. {}.",
                20 + self.rng.below(17),
                2008 + self.rng.below(15),
                3 + self.rng.below(60)
            ),
            4 => "Information provided by the delegation during the dialogue.".to_owned(),
            _ => format!(
                "Law No. {}-VII of {} March 2023, art. {}.",
                100 + k,
                1 + self.rng.below(28),
                2 + self.rng.below(30)
            ),
        }
    }

    /// Ends a sentence, with a footnote call before or after the full stop now and then.
    fn end_sentence(&mut self, segs: &mut Vec<Seg>, note_chance: u64) {
        if self.rng.chance(note_chance) {
            let note = self.note();
            if self.rng.chance(self.call_after_stop) {
                segs.push(Seg::Text(".".into()));
                segs.push(Seg::Note(note));
            } else {
                segs.push(Seg::Note(note));
                segs.push(Seg::Text(".".into()));
            }
        } else {
            segs.push(Seg::Text(".".into()));
        }
    }

    /// A paragraph of concern about a topic: one to three sentences.
    fn concern(&mut self, topic: &Topic, long: bool) -> Vec<Seg> {
        /// Ways a concern paragraph opens.
        const OPENERS: [&str; 4] = [
            "The Committee is concerned about ",
            "The Committee notes with concern ",
            "While noting the measures taken by the State party in this area, the Committee is concerned about ",
            "The Committee remains concerned about ",
        ];
        let opener = OPENERS[self.rng.below(OPENERS.len())];
        let mut segs = vec![Seg::Text(format!("{opener}{}", self.t(topic.issues[0])))];
        self.end_sentence(&mut segs, 45);
        let more: &[&str] =
            if long { topic.issues.get(1..).unwrap_or(&[]) } else { topic.issues.get(1..2).unwrap_or(&[]) };
        for (i, issue) in more.iter().enumerate() {
            let lead =
                if i == 0 { " It is also concerned about " } else { " The Committee further notes with concern " };
            segs.push(Seg::Text(format!("{lead}{}", self.t(issue))));
            self.end_sentence(&mut segs, 30);
        }
        if long {
            segs.push(Seg::Text(format!(
                " The Committee regrets that the information provided by the State party on this matter did not include data on the number of complaints received, investigations opened, prosecutions brought and sentences imposed during the reporting period, and that the measures announced during the dialogue have not yet been reflected in legislation (arts. {}, {} and {})",
                2 + self.rng.below(5),
                7 + self.rng.below(5),
                14 + self.rng.below(8)
            )));
            self.end_sentence(&mut segs, 50);
        }
        segs
    }

    /// A recommendation paragraph: a lead-in with lettered sub-paragraphs, or one sentence.
    fn recommendation(
        &mut self,
        topic: &Topic,
        lead: &str,
        force_list: bool,
        roman: bool,
    ) -> (Vec<Seg>, Vec<(char, Vec<Seg>)>) {
        let recs: Vec<String> = topic.recs.iter().map(|r| self.t(r)).collect();
        if recs.len() < 2 || !(force_list || self.rng.chance(80)) {
            let mut text = format!("{} {}", lead.trim_end_matches(':'), recs[0]);
            if let Some(second) = recs.get(1) {
                text.push_str(&format!(", and should {second}"));
            }
            let mut segs = vec![Seg::Text(text)];
            self.end_sentence(&mut segs, 25);
            return (segs, Vec::new());
        }
        let mut subs = Vec::new();
        let and_last = self.rng.chance(40);
        for (i, r) in recs.iter().enumerate() {
            let letter = char::from(b'a' + i as u8);
            let last = i + 1 == recs.len();
            let mut segs = vec![Seg::Text(cap(r))];
            if roman && i == 1 {
                segs = vec![
                    Seg::Text(format!("{}, in particular by:", cap(r))),
                    Seg::Break,
                    Seg::Text("(i) adopting the necessary legislative amendments;".into()),
                    Seg::Break,
                    Seg::Text("(ii) allocating adequate human, technical and financial resources;".into()),
                    Seg::Break,
                    Seg::Text("(iii) monitoring and evaluating the results achieved;".into()),
                ];
            } else if last {
                self.end_sentence(&mut segs, 15);
            } else if and_last && i + 2 == recs.len() {
                segs.push(Seg::Text("; and".into()));
            } else {
                segs.push(Seg::Text(";".into()));
            }
            subs.push((letter, segs));
        }
        (vec![Seg::Text(lead.to_owned())], subs)
    }

    /// A new paragraph number.
    fn number(&mut self) -> u32 {
        self.next += 1;
        self.next - 1
    }
}

/// A paragraph without sub-paragraphs.
fn plain(number: u32, heading: Option<&str>, text: String) -> SPara {
    SPara {
        number,
        heading: heading.map(str::to_owned),
        lead: vec![Seg::Text(text)],
        subs: Vec::new(),
        number_alone: false,
        markers_alone: false,
        role: None,
    }
}

/// A paragraph with sub-paragraphs given as finished texts.
fn listed(number: u32, lead: &str, items: &[&str]) -> SPara {
    SPara {
        number,
        heading: None,
        lead: vec![Seg::Text(lead.to_owned())],
        subs: items
            .iter()
            .enumerate()
            .map(|(i, t)| (char::from(b'a' + i as u8), vec![Seg::Text((*t).to_owned())]))
            .collect(),
        number_alone: false,
        markers_alone: false,
        role: None,
    }
}

/// Paragraph 1, with the meetings and the adoption date.
fn intro(
    report: &str,
    state: &str,
    report_symbol: &str,
    summary: &str,
    meetings: (&str, &str),
    adoption: (&str, &str),
) -> String {
    format!(
        "The Committee considered the {report} of {state} ({report_symbol}) at its {} (see {summary}), held on {}. At its {}, held on {}, it adopted the present concluding observations.",
        meetings.0, meetings.1, adoption.0, adoption.1
    )
}

/// A concern and a recommendation per topic, numbered from the generator.
fn topic_pairs(
    g: &mut Gen,
    topics: &[&Topic],
    rec_lead: &str,
    long_every: usize,
    forced: &[usize],
    roman_at: &[usize],
) -> Vec<SPara> {
    let mut out = Vec::new();
    for (i, t) in topics.iter().enumerate() {
        let heading = g.t(t.heading);
        let n = g.number();
        let concern = g.concern(t, long_every > 0 && i % long_every == long_every - 1);
        out.push(SPara {
            number: n,
            heading: Some(heading.clone()),
            lead: concern,
            subs: Vec::new(),
            number_alone: false,
            markers_alone: false,
            role: Some(Role::Concern),
        });
        let n = g.number();
        let (lead, subs) = g.recommendation(t, rec_lead, forced.contains(&i), roman_at.contains(&i));
        out.push(SPara {
            number: n,
            heading: Some(heading),
            lead,
            subs,
            number_alone: false,
            markers_alone: false,
            role: Some(Role::Recommendation),
        });
    }
    out
}

/// The CCPR-style document.
pub(crate) fn ccpr() -> SynthDoc {
    let state = "Arcadia";
    let report = "third periodic report";
    let mut g = Gen {
        rng: Rng::new(0xCC_0003),
        next: 1,
        treaty: "Covenant",
        report_symbol: "CCPR/C/ARC/3".into(),
        previous: "CCPR/C/ARC/CO/2".into(),
        call_after_stop: 20,
    };
    let p1 = plain(
        g.number(),
        None,
        intro(
            report,
            state,
            "CCPR/C/ARC/3",
            "CCPR/C/SR.4260 and 4261",
            ("4260th and 4261st meetings", "14 and 15 October 2025"),
            ("4280th meeting", "29 October 2025"),
        ),
    );
    let p2 = plain(
        g.number(),
        None,
        "The Committee welcomes the submission of the report, prepared under the simplified reporting procedure, and the opportunity to resume its constructive dialogue with the delegation on the measures taken during the reporting period to give effect to the Covenant. It thanks the State party for the oral replies given during the dialogue and for the additional information provided in writing afterwards.".into(),
    );
    let p3 = listed(
        g.number(),
        "The Committee welcomes the following legislative and institutional measures taken by the State party:",
        &[
            "The Law on the Prevention of Domestic Violence, in 2022;",
            "The amendments to the Code of Criminal Procedure strengthening the legal safeguards of detained persons, in 2023;",
            "The Law on the Commissioner for Human Rights, in 2022;",
            "The national human rights action plan for the period 2023–2027;",
            "The abolition of the death penalty for all crimes, in 2021.",
        ],
    );
    let p4 = listed(
        g.number(),
        "The Committee welcomes the ratification of, or accession to, the following international instruments by the State party:",
        &[
            "The Second Optional Protocol to the Covenant, aiming at the abolition of the death penalty, in 2022;",
            "The Convention on the Rights of Persons with Disabilities, in 2020.",
        ],
    );
    let topics: Vec<&Topic> = TOPICS[..21].iter().collect();
    let mut concerns = topic_pairs(&mut g, &topics, "The State party should:", 4, &[2, 5, 8, 13], &[6]);
    // Paragraph number alone on its line, as some extractors give it.
    if let Some(p) = concerns.iter_mut().find(|p| p.number == 23) {
        p.number_alone = true;
    }
    let rec_of = |topic: usize| concerns[topic * 2 + 1].number;
    let selected = [rec_of(2), rec_of(5), rec_of(8), rec_of(13)];
    let d1 = plain(
        g.number(),
        None,
        "The State party should make the Covenant, its third periodic report and the present concluding observations widely known among the judicial, legislative and administrative authorities, civil society and the general public, and should have the concluding observations translated into the official and minority languages of the country.".into(),
    );
    let fu = g.number();
    let d2 = plain(
        fu,
        None,
        format!(
            "In accordance with rule 75, paragraph 1, of the Committee’s rules of procedure, the State party is requested to provide, by 7 November 2028, information on the implementation of the recommendations made by the Committee in paragraphs {}, {}, {} and {} above.",
            selected[0], selected[1], selected[2], selected[3]
        ),
    );
    let d3 = plain(
        g.number(),
        None,
        "Under the Committee’s predictable review cycle, the State party will receive the list of issues prior to reporting in 2031 and is expected to submit its replies, which will constitute its fourth periodic report, within one year of receiving it. The next constructive dialogue with the State party is planned for 2033 in Geneva.".into(),
    );
    SynthDoc {
        style: Style::Ccpr,
        committee: Committee::Ccpr,
        symbol: "CCPR/C/ARC/CO/3".into(),
        state: state.into(),
        report: report.into(),
        session: 145,
        meetings: "4260th and 4261st meetings, held on 14 and 15 October 2025; 4280th meeting, held on 29 October 2025"
            .into(),
        adopted: "2025-10-29".into(),
        published_text: "11 November 2025".into(),
        published: "2025-11-11".into(),
        treaty: "International Covenant on Civil and Political Rights".into(),
        committee_name: "Human Rights Committee".into(),
        star: "Adopted by the Committee at its 145th session (13 October–7 November 2025).".into(),
        job: "GE.25-17740(E)".into(),
        sections: vec![
            section("A", "A", "Introduction", vec![p1, p2]),
            section("B", "B", "Positive aspects", vec![p3, p4]),
            section("C", "C", "Principal matters of concern and recommendations", concerns),
            section("D", "D", "Dissemination and follow-up", vec![d1, d2, d3]),
        ],
        follow_up: Some(FollowUp {
            paragraph: Some(fu),
            selected: selected.iter().map(u32::to_string).collect(),
            kind: Some(FollowUpKind::Deadline),
            deadline: Some("2028-11-07".into()),
            next_report: Some("2031".into()),
            ..FollowUp::default()
        }),
    }
}

/// A section.
fn section(label: &str, printed: &str, title: &str, paras: Vec<SPara>) -> SSection {
    SSection { label: label.into(), printed: printed.into(), title: title.into(), paras }
}

/// The CERD-style document.
pub(crate) fn cerd() -> SynthDoc {
    let state = "Borealia";
    let report = "combined eighth to tenth periodic reports";
    let mut g = Gen {
        rng: Rng::new(0xCE_0810),
        next: 1,
        treaty: "Convention",
        report_symbol: "CERD/C/BOR/8-10".into(),
        previous: "CERD/C/BOR/CO/7".into(),
        call_after_stop: 85,
    };
    let p1 = plain(
        g.number(),
        None,
        intro(
            report,
            state,
            "CERD/C/BOR/8-10",
            "CERD/C/SR.3150 and CERD/C/SR.3151",
            ("3150th and 3151st meetings", "8 and 9 April 2025"),
            ("3170th meeting", "23 April 2025"),
        ),
    );
    let p2 = plain(
        g.number(),
        None,
        "The Committee welcomes the submission of the combined periodic reports and the frank dialogue held with the delegation of the State party, and appreciates the additional information provided after the dialogue.".into(),
    );
    let p3 = listed(
        g.number(),
        "The Committee welcomes the following legislative and policy measures taken by the State party:",
        &[
            "The adoption of the Law on Equality and Protection against Discrimination, in 2023;",
            "The adoption of the action plan on the integration of national minorities for the period 2022–2026;",
            "The establishment of the interministerial working group on migration, in 2021.",
        ],
    );
    let p4 = listed(
        g.number(),
        "The Committee welcomes the ratification by the State party of the following international instruments:",
        &[
            "The Convention relating to the Status of Stateless Persons, in 2022;",
            "The International Convention for the Protection of All Persons from Enforced Disappearance, in 2021.",
        ],
    );
    let picks = [22, 2, 1, 23, 18, 8, 9, 19, 20, 10, 11, 6, 12, 14, 3, 21];
    let topics: Vec<&Topic> = picks.iter().map(|&i| &TOPICS[i]).collect();
    let mut concerns =
        topic_pairs(&mut g, &topics, "The Committee recommends that the State party:", 5, &[1, 3, 4, 7], &[3]);
    for p in &mut concerns {
        p.markers_alone = !p.subs.is_empty() && p.number % 4 == 2;
    }
    let rec_of = |topic: usize| concerns[topic * 2 + 1].number;
    let follow = [rec_of(1), rec_of(4), rec_of(7), rec_of(3)];
    let other = [
        ("Ratification of other treaties", "The Committee encourages the State party to consider ratifying the international human rights treaties to which it is not yet a party, in particular those whose provisions are of direct relevance to communities that may be subjected to racial discrimination.".to_owned()),
        ("Dissemination of information", "The Committee recommends that the State party make its reports and the present concluding observations available to the public at the time of their submission and adoption, in the official languages and other commonly used languages.".to_owned()),
        (
            "Follow-up to the present concluding observations",
            format!(
                "In accordance with article 9 (1) of the Convention and rule 65 of its rules of procedure, the Committee requests the State party to provide, within one year of the adoption of the present concluding observations, information on its implementation of the recommendations contained in paragraphs {} (a), {} (c), {} (a) and {} (a)–(d) above.",
                follow[0], follow[1], follow[2], follow[3]
            ),
        ),
        (
            "Paragraphs of particular importance",
            format!(
                "The Committee wishes to draw the attention of the State party to the particular importance of the recommendations contained in paragraphs {}, {} and {} above, and requests it to give information in its next periodic report on the concrete measures taken to implement them.",
                rec_of(0), rec_of(5), rec_of(9)
            ),
        ),
        ("Preparation of the next periodic report", "The Committee recommends that the State party submit its combined eleventh and twelfth periodic reports, in a single document, by 4 January 2029, taking into account the reporting guidelines adopted by the Committee and addressing all the points raised in the present concluding observations.".to_owned()),
    ];
    let importance = [rec_of(0), rec_of(5), rec_of(9)];
    let mut d = Vec::new();
    let mut fu = 0;
    let mut pi = 0;
    for (heading, text) in other {
        let n = g.number();
        if heading.starts_with("Follow-up") {
            fu = n;
        }
        if heading.starts_with("Paragraphs of particular") {
            pi = n;
        }
        d.push(plain(n, Some(heading), text));
    }
    SynthDoc {
        style: Style::Cerd,
        committee: Committee::Cerd,
        symbol: "CERD/C/BOR/CO/8-10".into(),
        state: state.into(),
        report: report.into(),
        session: 115,
        meetings: "3150th and 3151st meetings, held on 8 and 9 April 2025; 3170th meeting, held on 23 April 2025"
            .into(),
        adopted: "2025-04-23".into(),
        published_text: "20 May 2025".into(),
        published: "2025-05-20".into(),
        treaty: "International Convention on the Elimination of All Forms of Racial Discrimination".into(),
        committee_name: "Committee on the Elimination of Racial Discrimination".into(),
        star: "Adopted by the Committee at its 115th session (7–25 April 2025).".into(),
        job: "GE.25-07311  (E)".into(),
        sections: vec![
            section("A", "A", "Introduction", vec![p1, p2]),
            section("B", "B", "Positive aspects", vec![p3, p4]),
            section("C", "C", "Concerns and recommendations", concerns),
            section("D", "D", "Other recommendations", d),
        ],
        follow_up: Some(FollowUp {
            paragraph: Some(fu),
            selected: vec![
                format!("{} (a)", follow[0]),
                format!("{} (c)", follow[1]),
                format!("{} (a)", follow[2]),
                format!("{} (a)–(d)", follow[3]),
            ],
            kind: Some(FollowUpKind::Deadline),
            deadline: Some("2026-04-23".into()),
            particular_importance: Some(Selection {
                paragraph: Some(pi),
                selected: importance.iter().map(u32::to_string).collect(),
            }),
            next_report: Some("2029-01-04".into()),
        }),
    }
}

/// The CRC-style document: roman-numbered parts, lettered clusters.
pub(crate) fn crc() -> SynthDoc {
    let state = "Verdania (Plurinational State of)";
    let report = "combined fifth and sixth periodic reports";
    let mut g = Gen {
        rng: Rng::new(0xC0_0506),
        next: 1,
        treaty: "Convention",
        report_symbol: "CRC/C/VRD/5-6".into(),
        previous: "CRC/C/VRD/CO/4".into(),
        call_after_stop: 50,
    };
    let p1 = plain(
        g.number(),
        None,
        intro(
            report,
            state,
            "CRC/C/VRD/5-6",
            "CRC/C/SR.2890 and 2891",
            ("2890th and 2891st meetings", "13 and 14 May 2025"),
            ("2920th meeting", "30 May 2025"),
        ),
    );
    let p2 = plain(
        g.number(),
        None,
        "The Committee welcomes the submission of the combined periodic reports and the written replies to the list of issues, which allowed for a better understanding of the situation of children’s rights in the State party. It appreciates the constructive dialogue held with the multisectoral delegation.".into(),
    );
    let p3 = listed(
        g.number(),
        "The Committee welcomes the progress achieved by the State party in various areas, including:",
        &[
            "The adoption of the Law on the Rights of the Child, in 2021;",
            "The establishment of the Ombudsperson for Children, in 2022;",
            "The adoption of the national strategy for the prevention of violence against children for the period 2023–2028.",
        ],
    );
    let p4 = plain(
        g.number(),
        None,
        "The Committee recalls that all the rights enshrined in the Convention are indivisible and interdependent, and it stresses the importance of all the recommendations contained in the present concluding observations for their realization.".into(),
    );
    let mut sections = vec![
        section("I", "I", "Introduction", vec![p1, p2]),
        section("II", "II", "Follow-up measures taken and progress achieved by the State party", vec![p3]),
        section("III", "III", "Main areas of concern and recommendations", vec![p4]),
    ];
    for (ci, cluster) in CLUSTERS.iter().enumerate() {
        let letter = char::from(b'A' + ci as u8).to_string();
        let topics: Vec<&Topic> = cluster.topics.iter().collect();
        let roman: &[usize] = if ci == 2 { &[0] } else { &[] };
        let paras =
            topic_pairs(&mut g, &topics, "The Committee recommends that the State party:", 3, &[0, 1, 2], roman);
        sections.push(section(&format!("III.{letter}"), &letter, cluster.title, paras));
    }
    sections.push(section("IV", "IV", "Implementation and reporting", Vec::new()));
    let f1 = plain(
        g.number(),
        None,
        "The Committee recommends that the State party take all appropriate measures to ensure that the recommendations contained in the present concluding observations are fully implemented, and that they are made widely available, including in child-friendly versions, to children and their families.".into(),
    );
    let f2 = plain(
        g.number(),
        None,
        "The Committee invites the State party to submit its combined seventh and eighth periodic reports by 1 March 2031 and to include therein information on the follow-up to the present concluding observations.".into(),
    );
    sections.push(section("IV.A", "A", "Follow-up and dissemination", vec![f1]));
    sections.push(section("IV.B", "B", "Next report", vec![f2]));
    SynthDoc {
        style: Style::Crc,
        committee: Committee::Crc,
        symbol: "CRC/C/VRD/CO/5-6".into(),
        state: state.into(),
        report: report.into(),
        session: 99,
        meetings: "2890th and 2891st meetings, held on 13 and 14 May 2025; 2920th meeting, held on 30 May 2025".into(),
        adopted: "2025-05-30".into(),
        published_text: "12 June 2025".into(),
        published: "2025-06-12".into(),
        treaty: "Convention on the Rights of the Child".into(),
        committee_name: "Committee on the Rights of the Child".into(),
        star: "Adopted by the Committee at its 99th session (12–30 May 2025).".into(),
        job: "GE.25-09120(E)".into(),
        sections,
        follow_up: Some(FollowUp {
            paragraph: None,
            selected: Vec::new(),
            deadline: None,
            next_report: Some("2031-03-01".into()),
            ..FollowUp::default()
        }),
    }
}

/// All three documents.
pub(crate) fn all() -> Vec<SynthDoc> {
    vec![ccpr(), cerd(), crc()]
}
