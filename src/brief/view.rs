//! The brief's view: everything `brief.typ` and `brief.html` show, computed here (numbers,
//! citations, dates, sentences, anchors), so that the templates only lay out.
//!
//! Takes a [`Comparison`], the documents it came from and the converted prose of one output
//! format; gives a [`BriefView`]. The view is generic over the prose type: `BriefView<Typst>`
//! for the PDF and `BriefView<Html>` for the web page. Each carries only the prose of its own
//! format, so a template cannot print Typst into HTML or the other way round. Every other
//! string is plain text that the template's auto-escaping handles.

use super::compare::{Annotation, Comparison, FindingComparison, GradeInfo, Item, Quote, annotation, one_line};
use super::prose::Field;
use super::words::capitalise;
use crate::i18n::{Arg, Words, yes};
use crate::model::loi_assessment::{Asked, LoiAssessment, QuestionAssessment};
use crate::model::submission::Paper;
use crate::model::{Assessment, Citation, Committee, ConcludingObservations, Reflection, Submission};
use crate::report::view::cite_paragraphs_in;
use serde::Serialize;
use std::collections::BTreeMap;

/// What `brief.typ` and `brief.html` receive. `P` is the prose type of the format.
#[derive(Debug, Clone, Serialize)]
pub struct BriefView<P> {
    /// Title block and document metadata.
    pub meta: MetaView,
    /// The fixed words the templates print, in the submission's language.
    pub labels: BriefLabels,
    /// The concluding observations compared with.
    pub co: CoView,
    /// The opening paragraphs.
    pub introduction: Option<P>,
    /// Context since the submission.
    pub context: Option<P>,
    /// Closing words.
    pub conclusion: Option<P>,
    /// The key results at the front: counts and headlines.
    pub key_results: KeyResultsView,
    /// The counts.
    pub summary: SummaryView,
    /// Each finding with its recommendations beside the CO text.
    pub findings: Vec<FindingView<P>>,
    /// The recommendations the committee did not take up.
    pub unaddressed: UnaddressedView<P>,
    /// The earlier recommendations the findings followed up, and whether the new observations
    /// repeat them; `None` when no finding cites the previous review.
    pub previous: Option<PreviousView>,
    /// The questions the findings suggested for the list of issues, and which the committee
    /// asked; `None` without `loi-assessment.yaml`.
    pub questions: Option<QuestionsView>,
    /// The follow-up procedure.
    pub follow_up: FollowUpView,
    /// What the organisations ask of the State and of the committee.
    pub asks: Option<AsksView>,
    /// The annex matrix.
    pub annex: AnnexView,
    /// The table of contents (for the web page): the sections in order.
    pub toc: Vec<TocEntry>,
}

/// Title block and metadata.
#[derive(Debug, Clone, Serialize)]
pub struct MetaView {
    /// The brief's title.
    pub title: String,
    /// "Follow-up brief · Human Rights Committee (CCPR) · Kazakhstan".
    pub kicker: String,
    /// One sentence under the title saying what the brief compares.
    pub dek: String,
    /// "Global Detention Project (GDP) and International Legal Initiative (ILI)".
    pub byline: String,
    /// The organisations' full names, for document metadata.
    pub authors: Vec<String>,
    /// The organisations, for the title block.
    pub organisations: Vec<OrganisationView>,
    /// "15 September 2025".
    pub date: String,
    /// "2025-09-15", for `<time datetime>`.
    pub date_iso: String,
    /// The language code of the submission.
    pub language: String,
    /// `rtl` for a language written from right to left (Arabic), else `ltr`.
    pub dir: String,
    /// Typst paper name.
    pub paper: String,
    /// The running header: "Follow-up brief · Kazakhstan · CCPR/C/KAZ/CO/3".
    pub short_title: String,
    /// One sentence for search engines and link previews.
    pub description: String,
    /// The submission this brief follows up, in one sentence.
    pub submission: String,
    /// "Amicus 0.1.0", for `<meta name="generator">`.
    pub generator: String,
    /// Set while anything is pending (a recommendation not assessed yet, a suggestion not
    /// reviewed, the follow-up selection not known): every page says so.
    pub draft: Option<DraftView>,
}

/// The mark of a brief that is not finished.
#[derive(Debug, Clone, Serialize)]
pub struct DraftView {
    /// "DRAFT", printed on every page.
    pub mark: String,
    /// "Not for publication: three recommendations are not yet assessed and …".
    pub note: String,
}

/// An organisation in the title block.
#[derive(Debug, Clone, Serialize)]
pub struct OrganisationView {
    /// "Global Detention Project (GDP)".
    pub name: String,
    /// Its web site, if given.
    pub website: Option<String>,
}

/// The concluding observations.
#[derive(Debug, Clone, Serialize)]
pub struct CoView {
    /// `CCPR/C/KAZ/CO/3`.
    pub symbol: String,
    /// The document in the UN's Official Document System.
    pub url: String,
    /// "Human Rights Committee".
    pub committee: String,
    /// "CCPR".
    pub committee_code: String,
    /// The State.
    pub state: String,
    /// The document's title, if known.
    pub title: Option<String>,
    /// "144th session", if known.
    pub session: Option<String>,
    /// "11 July 2025", if known.
    pub adopted: Option<String>,
    /// "3 September 2025", if known.
    pub published: Option<String>,
    /// One sentence describing the document.
    pub description: String,
}

/// Counts of one group of recommendations.
#[derive(Debug, Clone, Serialize)]
pub struct CountRow {
    /// The finding's title, or "All recommendations".
    pub title: String,
    /// The finding's anchor, or empty for the total.
    pub anchor: String,
    /// Recommendations made.
    pub made: usize,
    /// Fully reflected.
    pub fully: usize,
    /// Partially reflected.
    pub partially: usize,
    /// Not reflected.
    pub not_reflected: usize,
    /// Not yet assessed.
    pub pending: usize,
}

/// The summary of counts.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryView {
    /// The counts in a sentence or two.
    pub sentence: String,
    /// The caption of the table of counts.
    pub caption: String,
    /// Per finding.
    pub rows: Vec<CountRow>,
    /// All recommendations.
    pub total: CountRow,
    /// Whether any recommendation is not yet assessed (the table then has that column).
    pub has_pending: bool,
}

/// A finding.
#[derive(Debug, Clone, Serialize)]
pub struct FindingView<P> {
    /// The finding's id.
    pub id: String,
    /// Anchor (HTML id, Typst label).
    pub anchor: String,
    /// Its title.
    pub title: String,
    /// "Articles 7 and 10" (empty if none).
    pub articles: String,
    /// "2 recommendations: 1 fully reflected, 1 partially reflected".
    pub tally: String,
    /// Its recommendations, but those not reflected, which are set out once, under
    /// "Unaddressed issues".
    pub items: Vec<ItemView<P>>,
    /// Its recommendations not reflected, for a line pointing to "Unaddressed issues".
    pub left_out: Vec<RefLink>,
    /// "Not taken up in the concluding observations (see Unaddressed issues):", when any.
    pub left_out_sentence: Option<String>,
}

/// A link to a recommendation by its label.
#[derive(Debug, Clone, Serialize)]
pub struct RefLink {
    /// "R5".
    pub label: String,
    /// Its anchor.
    pub anchor: String,
    /// A few words after the label, with the space before them: " (para. 34 (c))", in Chinese
    /// "（第34段(c)项）"; or empty.
    pub note: String,
}

/// One recommendation beside the CO.
#[derive(Debug, Clone, Serialize)]
pub struct ItemView<P> {
    /// 1-based number, as in the shadow report.
    pub number: usize,
    /// "R5".
    pub label: String,
    /// The recommendation's id.
    pub id: String,
    /// Anchor (HTML id, Typst label).
    pub anchor: String,
    /// The recommendation.
    pub text: String,
    /// `fully`, `partially`, `not-reflected` or `pending` (for styles).
    pub status: String,
    /// "Partially reflected".
    pub status_label: String,
    /// "CCPR/C/KAZ/CO/3, para. 34 (d)" for all citations together; empty if none.
    pub citation: String,
    /// The CO text: the advocate's excerpt, or one quote per paragraph cited.
    pub quotes: Vec<QuoteView>,
    /// What to show in place of quotes when there are none.
    pub no_quote: String,
    /// The organisations' comment.
    pub comment: Option<P>,
    /// The implementation grade.
    pub grade: Option<GradeView>,
    /// The notes under the recommendation: "Already recommended in CRPD/C/CAN/CO/1, para. 8:
    /// the State did not act on it." (when a paragraph cited repeats or recalls an earlier
    /// one), then "Selected for the follow-up procedure (para. 34 (d)): the State party reports
    /// by …".
    pub follow_up: Option<String>,
}

/// The CO text of one paragraph cited (or the advocate's excerpt).
#[derive(Debug, Clone, Serialize)]
pub struct QuoteView {
    /// "34 (d)".
    pub label: String,
    /// "CCPR/C/KAZ/CO/3, para. 34 (d)".
    pub citation: String,
    /// The paragraph's subject heading.
    pub heading: Option<String>,
    /// What is quoted: "Recommendation, item (d) of para. 34", "Concern, para. 17",
    /// "Excerpt of a recommendation, para. 40".
    pub kind: String,
    /// `recommendation`, `concern`, `positive-aspect` or empty (for styles).
    pub kind_key: String,
    /// The lead-in or the paragraph's own text (or the excerpt).
    pub lead: Option<String>,
    /// The quoted sub-paragraphs.
    pub parts: Vec<PartView>,
    /// Whether this is the advocate's excerpt rather than the whole text cited.
    pub excerpt: bool,
    /// When all that is cited was quoted under an earlier recommendation: that one (the text
    /// is then not quoted again).
    pub quoted_under: Vec<RefLink>,
    /// When some of it was: "Item (c) is quoted under R4." (what is new is quoted).
    pub also: Option<String>,
    /// When the CO file lacks what was cited: a sentence saying so (no quote then).
    pub missing: Option<String>,
}

/// A quoted sub-paragraph.
#[derive(Debug, Clone, Serialize)]
pub struct PartView {
    /// "(d)".
    pub marker: String,
    /// Its text.
    pub text: String,
}

/// An implementation grade.
#[derive(Debug, Clone, Serialize)]
pub struct GradeView {
    /// "B".
    pub code: String,
    /// "Reply/action partially satisfactory", where the committee has an official scale.
    pub label: Option<String>,
    /// "Implementation (Human Rights Committee follow-up grade)".
    pub scale: String,
    /// "B — Reply/action partially satisfactory".
    pub line: String,
    /// The note given with the grade.
    pub note: Option<String>,
}

/// The previous review: the earlier recommendations the findings followed up.
#[derive(Debug, Clone, Serialize)]
pub struct PreviousView {
    /// The sentence before the list.
    pub sentence: String,
    /// One entry per `previous_observations` entry.
    pub items: Vec<PreviousItemView>,
}

/// An earlier recommendation a finding followed up.
#[derive(Debug, Clone, Serialize)]
pub struct PreviousItemView {
    /// "CRPD/C/CAN/CO/1, para. 8".
    pub citation: String,
    /// The finding's title.
    pub finding: String,
    /// The finding's anchor.
    pub finding_anchor: String,
    /// "Not implemented, in our view"; empty when the finding does not say.
    pub status: String,
    /// "Repeated or recalled in para. 6: the State did not act on it." or "No paragraph of
    /// the new observations cites it."
    pub outcome: String,
    /// Whether the new observations cite it (for styles).
    pub repeated: bool,
}

/// The questions the findings suggested for the list of issues, and which the committee asked.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionsView {
    /// The sentence before the list.
    pub sentence: String,
    /// One entry per `loi-assessment.yaml` entry: asked fully, in part, not asked, then pending.
    pub items: Vec<QuestionItemView>,
}

/// A suggested question and what the list of issues did with it.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionItemView {
    /// The question as the finding writes it.
    pub question: String,
    /// The finding's title (its id when the finding is gone).
    pub finding: String,
    /// The finding's anchor, when the brief has a section for it; empty otherwise.
    pub finding_anchor: String,
    /// "Asked: para. 18." / "Asked in part: para. 12 (b)." / "Not asked." / "Not yet decided."
    pub outcome: String,
    /// `fully`, `partly`, `not-asked` or `pending` (for styles).
    pub asked: &'static str,
}

/// The unaddressed issues.
#[derive(Debug, Clone, Serialize)]
pub struct UnaddressedView<P> {
    /// The sentence before the list (or instead of it).
    pub sentence: String,
    /// The recommendations not reflected.
    pub items: Vec<UnaddressedItem<P>>,
}

/// A recommendation the committee did not take up.
#[derive(Debug, Clone, Serialize)]
pub struct UnaddressedItem<P> {
    /// "R3".
    pub label: String,
    /// The recommendation's anchor.
    pub anchor: String,
    /// The recommendation.
    pub text: String,
    /// Its finding's title.
    pub finding: String,
    /// Its finding's anchor.
    pub finding_anchor: String,
    /// The organisations' comment.
    pub comment: Option<P>,
}

/// The follow-up procedure.
#[derive(Debug, Clone, Serialize)]
pub struct FollowUpView {
    /// Whether the CO file records it.
    pub known: bool,
    /// What the committee asked, or that the CO file does not say.
    pub sentence: String,
    /// The selected paragraphs.
    pub selected: Vec<SelectedView>,
    /// Which of the organisations' recommendations the selection touches.
    pub touched: Option<String>,
    /// What the committee said of the paragraphs of particular importance, if it named any.
    pub importance_sentence: Option<String>,
    /// The paragraphs of particular importance, each with the recommendations it touches.
    pub importance: Vec<SelectedView>,
    /// "11 July 2026".
    pub deadline: Option<String>,
    /// When the next periodic report is due, in a sentence.
    pub next_report: Option<String>,
}

/// A paragraph selected for follow-up.
#[derive(Debug, Clone, Serialize)]
pub struct SelectedView {
    /// "para. 34 (d)".
    pub citation: String,
    /// Its subject heading.
    pub heading: Option<String>,
    /// The recommendations it touches.
    pub recommendations: Vec<RefView>,
    /// "None of our recommendations" when it touches none.
    pub none: String,
}

/// A reference to a recommendation.
#[derive(Debug, Clone, Serialize)]
pub struct RefView {
    /// "R5".
    pub label: String,
    /// Its anchor.
    pub anchor: String,
    /// Its text.
    pub text: String,
    /// "Partially reflected".
    pub status_label: String,
}

/// The annex matrix.
#[derive(Debug, Clone, Serialize)]
pub struct AnnexView {
    /// The table's caption.
    pub caption: String,
    /// Whether any recommendation has a grade (the table then has that column).
    pub has_grades: bool,
    /// One row per recommendation and cited paragraph.
    pub rows: Vec<AnnexRow>,
}

/// A row of the annex: one recommendation. The CO text is not repeated here: the body quotes
/// it, and the annex refers to it by paragraph number.
#[derive(Debug, Clone, Serialize)]
pub struct AnnexRow {
    /// "R5".
    pub label: String,
    /// The recommendation's anchor.
    pub anchor: String,
    /// The recommendation's id.
    pub id: String,
    /// The recommendation.
    pub text: String,
    /// Its finding's title.
    pub finding: String,
    /// The CO symbol.
    pub symbol: String,
    /// "34 (c)–(d), 40" or "—".
    pub paragraph: String,
    /// "follow-up: 34 (d); particular importance: 36": the paragraphs among those cited that
    /// the committee singled out, or empty.
    pub follow_up: String,
    /// Status key.
    pub status: String,
    /// "Partially reflected".
    pub status_label: String,
    /// "B — Reply/action partially satisfactory", or empty.
    pub grade: String,
}

/// The key results, at the front.
#[derive(Debug, Clone, Serialize)]
pub struct KeyResultsView {
    /// The counts in a sentence or two.
    pub sentence: String,
    /// The counts as figures: made, fully, partially, not reflected (and pending, if any).
    pub figures: Vec<Figure>,
    /// The headlines, each a line with links to recommendations.
    pub headlines: Vec<Headline>,
}

/// A count with its label.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// The number.
    pub value: usize,
    /// "fully reflected".
    pub label: String,
    /// A status key for the colour, or empty.
    pub status: String,
}

/// A headline of the key results.
#[derive(Debug, Clone, Serialize)]
pub struct Headline {
    /// "Taken up in full".
    pub title: String,
    /// Words before the links, e.g. "paras. 34 (d) and 40, report due 11 July 2026. Ours
    /// among them: ", with the space before the links (none after a full-width "：").
    pub text: String,
    /// The recommendations concerned.
    pub refs: Vec<RefLink>,
    /// The section to read more in.
    pub anchor: String,
}

/// The organisations' asks.
#[derive(Debug, Clone, Serialize)]
pub struct AsksView {
    /// The sentence before the asks (with the follow-up deadline when known).
    pub sentence: String,
    /// "Of Kazakhstan".
    pub state_title: String,
    /// The asks to the State party.
    pub state: Vec<AskView>,
    /// "Of the Human Rights Committee".
    pub committee_title: String,
    /// The asks to the committee.
    pub committee: Vec<AskView>,
}

/// One ask.
#[derive(Debug, Clone, Serialize)]
pub struct AskView {
    /// What is asked.
    pub text: String,
    /// "By 11 July 2026 (the follow-up deadline)", or empty.
    pub by: String,
    /// The recommendations it follows from.
    pub refs: Vec<RefLink>,
}

/// A table of contents entry.
#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    /// The anchor.
    pub anchor: String,
    /// The heading.
    pub title: String,
    /// The entries under it (the findings, under the recommendations section).
    pub children: Vec<TocEntry>,
}

/// The key a status has in `assessment.yaml`, used for styles: `not-reflected`.
pub fn status_key(status: Reflection) -> &'static str {
    match status {
        Reflection::Fully => "fully",
        Reflection::Partially => "partially",
        Reflection::NotReflected => "not-reflected",
        Reflection::Pending => "pending",
    }
}

/// "R5".
pub fn rec_label(number: usize) -> String {
    format!("R{number}")
}

/// The documents a brief is made from.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    /// The submission.
    pub submission: &'a Submission,
    /// The concluding observations.
    pub co: &'a ConcludingObservations,
    /// The assessment.
    pub assessment: &'a Assessment,
    /// Which suggested questions the list of issues asks (`loi-assessment.yaml`), if the folder
    /// has the file.
    pub loi_assessment: Option<&'a LoiAssessment>,
    /// The symbol of the list of issues in `list-of-issues.yaml`, if the folder has one.
    pub loi_symbol: Option<&'a str>,
}

/// The UN Official Document System address of a document symbol, in the brief's language
/// when it is one of the UN's six, otherwise in English.
pub fn ods_url(symbol: &str, language: &str) -> String {
    let lang = if ["ar", "zh", "en", "fr", "ru", "es"].contains(&language) { language } else { "en" };
    let mut path = String::new();
    for b in symbol.trim().bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'.' | b'-' | b'_') {
            path.push(b as char);
        } else {
            path.push_str(&format!("%{b:02X}"));
        }
    }
    format!("https://docs.un.org/{lang}/{path}")
}

/// The brief's words: the catalogue of the submission's language, and the helpers that put
/// counts, citations and dates into it.
struct Say<'a> {
    words: &'a Words,
}

impl Say<'_> {
    /// A message without arguments.
    fn get(&self, id: &str) -> String {
        self.words.get(id)
    }

    /// A message with arguments.
    fn with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.words.with(id, args)
    }

    /// A count in words where the language writes small numbers out ("two").
    fn count(&self, n: usize) -> String {
        self.with("count", &[("n", num(n))])
    }

    /// "para. 34 (d)", "paras. 12–14 and 20" in the brief's language.
    fn paras(&self, citations: &[Citation]) -> String {
        cite_paragraphs_in(self.words, citations)
    }

    /// "CCPR/C/KAZ/CO/3, para. 34 (d)".
    fn full(&self, symbol: &str, citations: &[Citation]) -> String {
        let paras = self.paras(citations);
        if paras.is_empty() { symbol.to_owned() } else { format!("{symbol}{}{paras}", self.comma()) }
    }

    /// The language's comma between the parts of a citation: ", ", in Arabic "، ", in
    /// Chinese "，".
    fn comma(&self) -> String {
        self.words.get("citation-comma")
    }

    /// Amicus's own words in brackets after something: " (para. 34)", in Chinese "（第34段）".
    fn paren(&self, what: &str) -> String {
        let (open, close) = crate::i18n::paren(self.words);
        format!("{open}{what}{close}")
    }

    /// "26 May 2025" for an ISO date, "March 2025" for a month; anything else as written.
    fn date(&self, text: &str) -> String {
        self.words.any_date(text)
    }

    /// "Fully reflected".
    fn status(&self, status: Reflection) -> String {
        self.with("brief-status", &[("status", Arg::Text(status_key(status)))])
    }

    /// "A, B and C".
    fn list(&self, items: &[String]) -> String {
        self.words.list(items)
    }
}

/// A count as a Fluent number.
fn num(n: usize) -> Arg<'static> {
    Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
}

/// The labels the brief's templates print, in its language.
#[derive(Debug, Clone, Serialize)]
pub struct BriefLabels {
    /// "Contents".
    pub contents: String,
    /// "Key results".
    pub key_results: String,
    /// "Introduction".
    pub introduction: String,
    /// "Context".
    pub context: String,
    /// "Our recommendations and the concluding observations".
    pub recommendations: String,
    /// "Unaddressed issues".
    pub unaddressed: String,
    /// "The previous review".
    pub previous: String,
    /// "Our suggested questions and the list of issues".
    pub questions: String,
    /// "What the Committee singled out".
    pub follow_up: String,
    /// "What we ask".
    pub asks: String,
    /// "Conclusion".
    pub conclusion: String,
    /// "Annex: recommendations and concluding observations".
    pub annex: String,
    /// Table columns.
    pub column_number: String,
    /// "Recommendation".
    pub column_recommendation: String,
    /// "Finding".
    pub column_finding: String,
    /// "Made".
    pub column_made: String,
    /// The columns of counts: "Fully reflected".
    pub fully: String,
    /// "Partially reflected".
    pub partially: String,
    /// "Not reflected".
    pub not_reflected: String,
    /// "Not yet assessed".
    pub pending: String,
    /// "Paragraphs".
    pub column_paragraphs: String,
    /// "Paras.".
    pub column_paragraphs_short: String,
    /// "Status".
    pub column_status: String,
    /// "Grade".
    pub column_grade: String,
    /// "Our recommendation" (before "R5").
    pub our_recommendation: String,
    /// "Concluding observations".
    pub concluding_observations: String,
    /// "Assessment".
    pub assessment: String,
    /// "Quoted above, under" (before links to recommendations).
    pub quoted_above_under: String,
    /// "The document in the UN Official Document System".
    pub ods_link: String,
    /// "Published by …, 15 September 2025. Made with Amicus 0.1.0."
    pub published: String,
    /// The page footer as a Typst counter pattern: "1 of 1".
    pub page_of: String,
    /// "Ibid." (see [`crate::report::view::Labels::note_ibid`]).
    pub note_ibid: String,
    /// The words around the number of a short citation's note (see
    /// [`crate::report::view::Labels::note_above`]).
    pub note_above: (String, String),
    /// Around Amicus's own words in brackets (see [`crate::report::view::Labels::paren`]).
    pub paren: (String, String),
    /// What comes after a label: ":", in French " :" with a no-break space.
    pub colon: String,
    /// The space after the colon before the text: " ", none after the full-width "："
    /// ([`crate::i18n::space_after`]).
    pub colon_gap: String,
    /// "Table" and "Figure", and the words around a caption's number ("Table\u{a0}1: "), as
    /// every writer numbers captions.
    pub captions: crate::i18n::CaptionWords,
}

fn labels(say: &Say, meta: &MetaView) -> BriefLabels {
    let column = |r: Reflection| say.with("brief-column-count", &[("status", Arg::Text(status_key(r)))]);
    BriefLabels {
        contents: say.get("contents"),
        key_results: say.get("brief-key-results"),
        introduction: say.get("brief-introduction"),
        context: say.get("brief-context"),
        recommendations: say.get("brief-recommendations"),
        unaddressed: say.get("brief-unaddressed"),
        previous: say.get("brief-previous"),
        questions: say.get("brief-questions"),
        follow_up: say.get("brief-follow-up"),
        asks: say.get("brief-asks"),
        conclusion: say.get("brief-conclusion"),
        annex: say.get("brief-annex"),
        column_number: say.get("column-number"),
        column_recommendation: say.get("column-recommendation"),
        column_finding: say.get("brief-column-finding"),
        column_made: say.get("brief-column-made"),
        fully: column(Reflection::Fully),
        partially: column(Reflection::Partially),
        not_reflected: column(Reflection::NotReflected),
        pending: column(Reflection::Pending),
        column_paragraphs: say.get("brief-column-paragraphs"),
        column_paragraphs_short: say.get("brief-column-paragraphs-short"),
        column_status: say.get("brief-column-status"),
        column_grade: say.get("brief-column-grade"),
        our_recommendation: say.get("brief-our-recommendation"),
        concluding_observations: say.get("brief-concluding-observations"),
        assessment: say.get("brief-assessment"),
        quoted_above_under: say.get("brief-quoted-above-under"),
        ods_link: say.get("brief-ods-link"),
        published: say.with(
            "brief-published",
            &[
                ("byline", Arg::Text(&meta.byline)),
                ("date", Arg::Text(&meta.date)),
                ("generator", Arg::Text(&meta.generator)),
            ],
        ),
        page_of: say.with("page-of", &[("page", Arg::Number(1)), ("total", Arg::Number(1))]),
        note_ibid: say.get("note-ibid"),
        note_above: crate::i18n::note_above(say.words),
        paren: crate::i18n::paren(say.words),
        colon: say.get("colon"),
        colon_gap: crate::i18n::space_after(&say.get("colon")).to_owned(),
        captions: crate::i18n::CaptionWords::new(say.words),
    }
}

/// Builds the view of one output format from the comparison and that format's prose, in the
/// submission's language.
pub fn build<P: Clone>(docs: Sources, comparison: &Comparison, prose: &BTreeMap<Field, P>) -> BriefView<P> {
    let words = Words::new(&docs.submission.language);
    let say = Say { words: &words };
    let (co, a) = (docs.co, docs.assessment);
    let follow_up_deadline = co.follow_up.as_ref().and_then(|f| f.deadline.as_deref()).map(|d| say.date(d));
    let items: BTreeMap<usize, &Item> =
        comparison.findings.iter().flat_map(|f| &f.items).map(|i| (i.number, i)).collect();

    let mut meta = meta(&say, docs);
    meta.draft = draft(&say, &super::compare::pending(comparison, a, docs.loi_assessment));
    let labels = labels(&say, &meta);
    let co_view = co_view(&say, co, &docs.submission.language);
    let mut quoted = Quoted::default();
    let findings: Vec<FindingView<P>> = comparison
        .findings
        .iter()
        .map(|f| finding_view(&say, co, f, prose, follow_up_deadline.as_deref(), &mut quoted))
        .collect();
    let unaddressed = unaddressed(&say, comparison, prose);
    let previous = previous_view(&say, co, comparison);
    let questions = docs.loi_assessment.map(|l| questions_view(&say, docs, comparison, l));
    let follow_up = follow_up_view(&say, co, comparison, &items);
    let annex = annex(&say, co, comparison);
    let summary = summary(&say, comparison);
    let asks = asks(&say, docs, comparison, follow_up_deadline.as_deref());
    let key_results = key_results(&say, docs, comparison, asks.as_ref());

    let entry =
        |anchor: &str, title: &str| TocEntry { anchor: anchor.into(), title: title.into(), children: Vec::new() };
    let mut toc = vec![entry("key-results", &labels.key_results)];
    if a.introduction.is_some() {
        toc.push(entry("introduction", &labels.introduction));
    }
    if a.context.is_some() {
        toc.push(entry("context", &labels.context));
    }
    let mut recs = entry("recommendations", &labels.recommendations);
    recs.children = findings.iter().map(|f| entry(&f.anchor, &f.title)).collect();
    toc.push(recs);
    toc.push(entry("unaddressed", &labels.unaddressed));
    if previous.is_some() {
        toc.push(entry("previous", &labels.previous));
    }
    if questions.is_some() {
        toc.push(entry("questions", &labels.questions));
    }
    toc.push(entry("follow-up", &labels.follow_up));
    if asks.is_some() {
        toc.push(entry("asks", &labels.asks));
    }
    if a.conclusion.is_some() {
        toc.push(entry("conclusion", &labels.conclusion));
    }
    toc.push(entry("annex", &labels.annex));

    BriefView {
        meta,
        labels,
        co: co_view,
        introduction: prose.get(&Field::Introduction).cloned(),
        context: prose.get(&Field::Context).cloned(),
        conclusion: prose.get(&Field::Conclusion).cloned(),
        key_results,
        summary,
        findings,
        unaddressed,
        previous,
        questions,
        follow_up,
        asks,
        annex,
        toc,
    }
}

/// The earlier recommendations the findings followed up, each with what the new observations
/// do with it (as their `earlier:` citations say).
fn previous_view(say: &Say, co: &ConcludingObservations, c: &Comparison) -> Option<PreviousView> {
    if c.previous.is_empty() {
        return None;
    }
    let items = c
        .previous
        .iter()
        .map(|p| {
            let citation = if p.citations.is_empty() {
                format!("{}{}{}", p.symbol, say.comma(), p.written)
            } else {
                say.full(&p.symbol, &p.citations)
            };
            let status = p.implemented.map_or(String::new(), |i| {
                let key = match i {
                    crate::model::submission::Implemented::Yes => "yes",
                    crate::model::submission::Implemented::Partly => "partly",
                    crate::model::submission::Implemented::No => "no",
                };
                say.with("brief-previous-implemented", &[("implemented", Arg::Text(key))])
            });
            let repeated: Vec<Citation> = p.repeated_in.iter().map(|n| Citation::whole(*n)).collect();
            let outcome = if repeated.is_empty() {
                say.get("brief-previous-dropped")
            } else {
                say.with("brief-previous-repeated", &[("paragraphs", Arg::Text(&say.paras(&repeated)))])
            };
            PreviousItemView {
                citation,
                finding: p.finding_title.clone(),
                finding_anchor: finding_anchor(&p.finding_id),
                status,
                outcome,
                repeated: !repeated.is_empty(),
            }
        })
        .collect();
    Some(PreviousView { sentence: say.with("brief-previous-intro", &[("symbol", Arg::Text(&co.symbol))]), items })
}

/// The questions the findings suggested for the list of issues, grouped by how fully the
/// committee asked them (in the file's order within each group).
fn questions_view(say: &Say, docs: Sources, c: &Comparison, loi: &LoiAssessment) -> QuestionsView {
    let symbol = loi.list_of_issues.as_deref().or(docs.loi_symbol).unwrap_or("none");
    let rank = |a: Asked| match a {
        Asked::Fully => 0,
        Asked::Partly => 1,
        Asked::NotAsked => 2,
        Asked::Pending => 3,
    };
    let mut entries: Vec<&QuestionAssessment> = loi.questions.iter().collect();
    entries.sort_by_key(|q| rank(q.asked));
    let items = entries
        .into_iter()
        .map(|q| {
            // `check` has stopped the brief on a paragraph it cannot read.
            let cited: Vec<Citation> =
                q.paragraphs.iter().filter_map(|p| crate::model::parse_citations(p).ok()).flatten().collect();
            let paras = say.paras(&cited);
            let (outcome, asked) = match q.asked {
                Asked::Fully => (say.with("brief-questions-fully", &[("paragraphs", Arg::Text(&paras))]), "fully"),
                Asked::Partly => (say.with("brief-questions-partly", &[("paragraphs", Arg::Text(&paras))]), "partly"),
                Asked::NotAsked => (say.get("brief-questions-not-asked"), "not-asked"),
                Asked::Pending => (say.get("brief-questions-pending"), "pending"),
            };
            let finding = docs.submission.findings.iter().find(|f| f.id == q.finding);
            let has_section = c.findings.iter().any(|f| f.id == q.finding);
            QuestionItemView {
                question: q.question.clone(),
                finding: finding.map_or_else(|| q.finding.clone(), |f| f.title.clone()),
                finding_anchor: if has_section { finding_anchor(&q.finding) } else { String::new() },
                outcome,
                asked,
            }
        })
        .collect();
    QuestionsView { sentence: say.with("brief-questions-intro", &[("symbol", Arg::Text(symbol))]), items }
}

/// Title block and metadata.
fn meta(say: &Say, docs: Sources) -> MetaView {
    let (s, co, a) = (docs.submission, docs.co, docs.assessment);
    let organisations: Vec<OrganisationView> = s
        .organisations
        .iter()
        .map(|o| OrganisationView {
            name: match &o.short {
                Some(short) if short != &o.name => format!("{} ({short})", o.name),
                _ => o.name.clone(),
            },
            website: o.website.clone(),
        })
        .collect();
    let names: Vec<String> = organisations.iter().map(|o| o.name.clone()).collect();
    let code = Arg::Text(co.committee.code());
    let state = Arg::Text(&co.state);
    let joint = yes(s.organisations.len() > 1);
    let byline = say.list(&names);
    let title = one_line(&s.title);
    let date = say.date(&s.date);
    MetaView {
        title: one_line(&a.title),
        kicker: say.with("brief-kicker", &[("code", code), ("state", state)]),
        description: say.with(
            "brief-description",
            &[("code", code), ("state", state), ("symbol", Arg::Text(&co.symbol)), ("authors", Arg::Text(&byline))],
        ),
        dek: say.with("brief-dek", &[("code", code), ("state", state), ("joint", joint)]),
        authors: s.organisations.iter().map(|o| o.name.clone()).collect(),
        organisations,
        date: say.date(&a.date),
        date_iso: a.date.clone(),
        language: s.language.clone(),
        dir: if crate::i18n::right_to_left(&s.language) { "rtl".into() } else { "ltr".into() },
        paper: match s.layout.paper {
            Paper::A4 => "a4".into(),
            Paper::UsLetter => "us-letter".into(),
        },
        short_title: say
            .with("brief-short-title", &[("code", code), ("state", state), ("symbol", Arg::Text(&co.symbol))]),
        submission: say.with(
            "brief-submission",
            &[
                ("code", code),
                ("joint", joint),
                ("title", Arg::Text(&title)),
                ("n", Arg::Number(i64::from(s.session.number))),
                ("date", Arg::Text(&date)),
            ],
        ),
        byline,
        generator: format!("Amicus {}", env!("CARGO_PKG_VERSION")),
        draft: None,
    }
}

/// The draft mark and the sentence saying what is pending, if anything is.
fn draft(say: &Say, pending: &[super::compare::Pending]) -> Option<DraftView> {
    use super::compare::Pending;
    if pending.is_empty() {
        return None;
    }
    let count = |wanted: fn(&Pending) -> bool| pending.iter().filter(|p| wanted(p)).count();
    let not_assessed = count(|p| matches!(p, Pending::NotAssessed { .. }));
    let unreviewed = count(|p| matches!(p, Pending::Unreviewed { .. }));
    let mut parts = Vec::new();
    for (n, id) in [(not_assessed, "brief-draft-not-assessed"), (unreviewed, "brief-draft-unreviewed")] {
        if n > 0 {
            parts.push(say.with(id, &[("n", num(n)), ("count", Arg::Text(&say.count(n)))]));
        }
    }
    if pending.contains(&Pending::NoFollowUp) {
        parts.push(say.get("brief-draft-no-follow-up"));
    }
    let questions = count(|p| matches!(p, Pending::QuestionNotDecided { .. }));
    if questions > 0 {
        parts.push(
            say.with("brief-draft-questions", &[("n", num(questions)), ("count", Arg::Text(&say.count(questions)))]),
        );
    }
    Some(DraftView {
        mark: say.get("brief-draft"),
        note: say.with("brief-draft-note", &[("what", Arg::Text(&say.words.list(&parts)))]),
    })
}

/// The CO's description.
fn co_view(say: &Say, co: &ConcludingObservations, language: &str) -> CoView {
    let code = Arg::Text(co.committee.code());
    let symbol = Arg::Text(&co.symbol);
    let session = co.session.map(|n| say.with("cover-session", &[("n", Arg::Number(i64::from(n)))]));
    let adopted = co.adopted.as_deref().map(|d| say.date(d));
    let published = co.published.as_deref().map(|d| say.date(d));
    let named = match &co.title {
        Some(t) => say.with("co-named", &[("title", Arg::Text(&one_line(t))), ("symbol", symbol)]),
        None => say.with("co-unnamed", &[("symbol", symbol)]),
    };
    let description = say.with(
        "co-description",
        &[
            ("code", code),
            ("named", Arg::Text(&named)),
            ("has-adopted", yes(adopted.is_some())),
            ("adopted", Arg::Text(adopted.as_deref().unwrap_or(""))),
            ("has-session", yes(co.session.is_some())),
            ("n", Arg::Number(i64::from(co.session.unwrap_or(0)))),
            ("has-published", yes(published.is_some())),
            ("published", Arg::Text(published.as_deref().unwrap_or(""))),
        ],
    );
    CoView {
        symbol: co.symbol.clone(),
        url: ods_url(&co.symbol, language),
        committee: say.with("committee-name", &[("code", code)]),
        committee_code: co.committee.code().to_owned(),
        state: co.state.clone(),
        title: co.title.as_deref().map(one_line),
        session,
        adopted,
        published,
        description,
    }
}

/// The summary of counts.
fn summary(say: &Say, c: &Comparison) -> SummaryView {
    let row = |title: &str, anchor: &str, k: &super::compare::Counts| CountRow {
        title: title.to_owned(),
        anchor: anchor.to_owned(),
        made: k.made,
        fully: k.fully,
        partially: k.partially,
        not_reflected: k.not_reflected,
        pending: k.pending,
    };
    SummaryView {
        sentence: summary_in(say.words, &c.counts),
        caption: say.get("brief-summary-caption"),
        rows: c.findings.iter().map(|f| row(&f.title, &finding_anchor(&f.id), &f.counts)).collect(),
        total: row(&say.get("brief-all-recommendations"), "", &c.counts),
        has_pending: c.counts.pending > 0,
    }
}

/// The counts in words, in English (for the terminal): "Of our nine recommendations, the
/// concluding observations reflect two fully and two partially, and do not reflect two.
/// Three have not been assessed yet."
pub fn summary_sentence(k: &super::compare::Counts) -> String {
    summary_in(&Words::new("en"), k)
}

/// The counts in words, in a language.
pub fn summary_in(words: &Words, k: &super::compare::Counts) -> String {
    let say = Say { words };
    if k.made == 0 {
        return say.get("brief-summary-none");
    }
    let assessed = k.made - k.pending;
    if assessed == 0 {
        return say.with("brief-summary-unassessed", &[("n", num(k.made)), ("count", Arg::Text(&say.count(k.made)))]);
    }
    let (fully, partially, not) = (say.count(k.fully), say.count(k.partially), say.count(k.not_reflected));
    let reflect = match (k.fully, k.partially) {
        (0, 0) => None,
        (f, 0) => Some(say.with("brief-reflect-fully", &[("n", num(f)), ("count", Arg::Text(&fully))])),
        (0, p) => Some(say.with("brief-reflect-partially", &[("n", num(p)), ("count", Arg::Text(&partially))])),
        (f, p) => Some(say.with(
            "brief-reflect-both",
            &[("nf", num(f)), ("np", num(p)), ("fully", Arg::Text(&fully)), ("partially", Arg::Text(&partially))],
        )),
    };
    let not = (k.not_reflected > 0)
        .then(|| say.with("brief-reflect-not", &[("n", num(k.not_reflected)), ("count", Arg::Text(&not))]));
    let verbs = match (reflect, not) {
        (Some(r), Some(n)) => say.with("brief-reflect-and-not", &[("reflect", Arg::Text(&r)), ("not", Arg::Text(&n))]),
        (Some(r), None) => r,
        (None, Some(n)) => n,
        (None, None) => unreachable!("assessed > 0 means one of them is non-zero"),
    };
    let mut out = say.with(
        "brief-summary",
        &[("made", num(k.made)), ("made-count", Arg::Text(&say.count(k.made))), ("verbs", Arg::Text(&verbs))],
    );
    if k.pending > 0 {
        out.push(' ');
        out.push_str(&capitalise(
            &say.with("brief-summary-pending", &[("n", num(k.pending)), ("count", Arg::Text(&say.count(k.pending)))]),
        ));
    }
    out
}

/// "Two recommendations: one fully reflected, one partially reflected".
fn tally(say: &Say, k: &super::compare::Counts) -> String {
    let parts: Vec<String> = [
        (k.fully, Reflection::Fully),
        (k.partially, Reflection::Partially),
        (k.not_reflected, Reflection::NotReflected),
        (k.pending, Reflection::Pending),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, r)| {
        say.with(
            "brief-tally-part",
            &[("n", num(*n)), ("count", Arg::Text(&say.count(*n))), ("status", Arg::Text(status_key(*r)))],
        )
    })
    .collect();
    capitalise(&say.with(
        "brief-tally",
        &[
            ("n", num(k.made)),
            ("count", Arg::Text(&say.count(k.made))),
            ("parts", Arg::Text(&parts.join(&say.comma()))),
        ],
    ))
}

/// The anchor of a finding.
fn finding_anchor(id: &str) -> String {
    format!("finding-{id}")
}

/// The anchor of a recommendation.
fn rec_anchor(id: &str) -> String {
    format!("rec-{id}")
}

/// A finding with its recommendations.
fn finding_view<P: Clone>(
    say: &Say,
    co: &ConcludingObservations,
    f: &FindingComparison,
    prose: &BTreeMap<Field, P>,
    deadline: Option<&str>,
    quoted: &mut Quoted,
) -> FindingView<P> {
    let left_out: Vec<RefLink> = f
        .items
        .iter()
        .filter(|i| i.status == Reflection::NotReflected)
        .map(|i| RefLink { label: rec_label(i.number), anchor: rec_anchor(&i.id), note: String::new() })
        .collect();
    let left_out_sentence = (!left_out.is_empty()).then(|| say.with("brief-left-out", &[("n", num(left_out.len()))]));
    FindingView {
        id: f.id.clone(),
        anchor: finding_anchor(&f.id),
        title: f.title.clone(),
        articles: say.words.articles(&crate::model::article::cited(&f.articles)),
        tally: tally(say, &f.counts),
        items: f
            .items
            .iter()
            .filter(|i| i.status != Reflection::NotReflected)
            .map(|i| item_view(say, co, i, prose, deadline, quoted))
            .collect(),
        left_out,
        left_out_sentence,
    }
}

/// One recommendation beside the CO.
fn item_view<P: Clone>(
    say: &Say,
    co: &ConcludingObservations,
    i: &Item,
    prose: &BTreeMap<Field, P>,
    deadline: Option<&str>,
    quoted: &mut Quoted,
) -> ItemView<P> {
    // `check` rejects fully/partially without paragraphs; the message says it plainly if it
    // happens.
    let no_quote = say.with("brief-no-quote", &[("status", Arg::Text(status_key(i.status)))]);
    let mut notes = Vec::new();
    if !i.follow_up.is_empty() {
        let paragraphs = say.paras(&i.follow_up);
        notes.push(match deadline {
            // The CRPD's "urgent measures": no procedure, no date, its own words.
            _ if urgent_measures(co) => say.with("brief-selected-urgent", &[("paragraphs", Arg::Text(&paragraphs))]),
            Some(d) => say.with("brief-selected-by", &[("paragraphs", Arg::Text(&paragraphs)), ("date", Arg::Text(d))]),
            None => say.with("brief-selected", &[("paragraphs", Arg::Text(&paragraphs))]),
        });
    }
    if !i.importance.is_empty() {
        notes.push(say.with("brief-importance-note", &[("paragraphs", Arg::Text(&say.paras(&i.importance)))]));
    }
    // What the Committee had recommended already (the paragraphs cited say so): first.
    let mut earlier: Vec<String> = Vec::new();
    for e in &i.earlier {
        let line = say.with("brief-earlier", &[("citation", Arg::Text(&say.full(&e.symbol, &e.citations)))]);
        if !earlier.contains(&line) {
            earlier.push(line);
        }
    }
    earlier.append(&mut notes);
    let notes = earlier;
    let follow_up = (!notes.is_empty()).then(|| notes.join(" "));
    let quotes = match &i.excerpt {
        Some(text) if !i.quotes.is_empty() => vec![excerpt_view(say, co, i, text)],
        _ => i.quotes.iter().map(|q| quote_view(say, co, q, i, quoted)).collect(),
    };
    ItemView {
        number: i.number,
        label: rec_label(i.number),
        id: i.id.clone(),
        anchor: rec_anchor(&i.id),
        text: i.text.clone(),
        status: status_key(i.status).into(),
        status_label: say.status(i.status),
        citation: if i.citations.is_empty() { String::new() } else { say.full(&co.symbol, &i.citations) },
        quotes,
        no_quote,
        comment: i.entry.and_then(|e| prose.get(&Field::Comment(e)).cloned()),
        grade: i.grade.as_ref().map(|g| grade_view(say, co.committee, g)),
        follow_up,
    }
}

/// The CO text already quoted in the brief, by unit: a paragraph's own text (letter `None`)
/// or one sub-paragraph, with the recommendation it was quoted under. The body quotes each
/// unit once; later citations refer back to it.
#[derive(Debug, Default)]
struct Quoted {
    units: BTreeMap<(u32, Option<char>), RefLink>,
}

/// A lead-in this short ("The State party should:") is repeated before the items it
/// introduces, so that each quote reads on its own; a longer one is quoted once.
const SHORT_LEAD_WORDS: usize = 25;

/// "Recommendation, item (d) of para. 34", "Concern, para. 17", "Para. 17".
fn quote_kind(say: &Say, co: &ConcludingObservations, citation: &Citation, excerpt: bool) -> (String, String) {
    let p = co.paragraph(citation.paragraph);
    // Items rarely say what they are ("(d) Taking all measures …"): the lead-in does.
    let wording = p.map(|p| if citation.letters.is_empty() { p.full_text() } else { p.text.clone() });
    let kind = wording.as_deref().and_then(annotation);
    let cited = citation.to_string();
    let letters = cited.split_once(' ').map_or("", |(_, l)| l);
    // "(d)", or "d)" in the languages whose UN documents write items so.
    let letters = crate::report::view::items_as_written(say.words.code(), letters);
    let letters = letters.as_str();
    let items = match citation.letters.len() {
        0 => "none",
        1 => "one",
        _ => "many",
    };
    let noun = match kind {
        Some(Annotation::Recommendation) => "recommendation",
        Some(Annotation::Concern) => "concern",
        Some(Annotation::Positive) => "positive-aspect",
        None => "none",
    };
    let text = say.with(
        "brief-quote-kind",
        &[
            ("excerpt", yes(excerpt)),
            ("kind", Arg::Text(noun)),
            ("items", Arg::Text(items)),
            ("letters", Arg::Text(letters)),
            ("paragraph", Arg::Number(i64::from(citation.paragraph))),
        ],
    );
    (capitalise(text.trim()), if noun == "none" { String::new() } else { noun.to_owned() })
}

/// The advocate's excerpt of the text cited.
fn excerpt_view(say: &Say, co: &ConcludingObservations, i: &Item, text: &str) -> QuoteView {
    let first = &i.quotes[0];
    let label = i.citations.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
    let (kind, kind_key) = quote_kind(say, co, &first.citation, true);
    QuoteView {
        label,
        citation: say.full(&co.symbol, &i.citations),
        heading: first.heading.clone(),
        kind,
        kind_key,
        lead: Some(text.to_owned()),
        parts: Vec::new(),
        excerpt: true,
        quoted_under: Vec::new(),
        also: None,
        missing: None,
    }
}

/// The CO text of a paragraph cited, without what an earlier recommendation already quoted.
fn quote_view(say: &Say, co: &ConcludingObservations, q: &Quote, item: &Item, quoted: &mut Quoted) -> QuoteView {
    let missing = (!q.found).then(|| {
        say.with("brief-quote-missing", &[("paragraphs", Arg::Text(&say.paras(std::slice::from_ref(&q.citation))))])
    });
    let (kind, kind_key) = quote_kind(say, co, &q.citation, false);
    let here = RefLink { label: rec_label(item.number), anchor: rec_anchor(&item.id), note: String::new() };
    let n = q.citation.paragraph;
    let mut view = QuoteView {
        label: q.citation.to_string(),
        citation: say.full(&co.symbol, std::slice::from_ref(&q.citation)),
        heading: q.heading.clone(),
        kind,
        kind_key,
        lead: q.lead.clone(),
        parts: Vec::new(),
        excerpt: false,
        quoted_under: Vec::new(),
        also: None,
        missing,
    };
    if !q.found {
        return view;
    }
    let unit = |l: &String| (n, l.chars().next());
    let before: Vec<&RefLink> = if q.parts.is_empty() {
        quoted.units.get(&(n, None)).into_iter().collect()
    } else {
        q.parts.iter().filter_map(|(l, _)| quoted.units.get(&unit(l))).collect()
    };
    let fresh: Vec<&(String, String)> = q.parts.iter().filter(|(l, _)| !quoted.units.contains_key(&unit(l))).collect();
    if (q.parts.is_empty() && !before.is_empty()) || (!q.parts.is_empty() && fresh.is_empty()) {
        // Everything cited is quoted above: refer to it.
        let mut under: Vec<RefLink> = Vec::new();
        for r in before {
            if !under.iter().any(|u| u.label == r.label) {
                under.push(r.clone());
            }
        }
        view.lead = None;
        view.quoted_under = under;
        return view;
    }
    let lead_seen = quoted.units.contains_key(&(n, None));
    let short_lead = q.lead.as_deref().is_some_and(|l| l.split_whitespace().count() <= SHORT_LEAD_WORDS);
    if lead_seen && !short_lead && !q.parts.is_empty() {
        view.lead = None;
    }
    let old: Vec<String> = q
        .parts
        .iter()
        .filter_map(|(l, _)| quoted.units.get(&unit(l)).map(|r| (l, r)))
        .map(|(l, r)| say.with("brief-quoted-under", &[("letter", Arg::Text(l)), ("label", Arg::Text(&r.label))]))
        .collect();
    if !old.is_empty() {
        view.also = Some(say.with("brief-quoted-above", &[("list", Arg::Text(&say.list(&old)))]));
    }
    // "(a)", or "a)" as the UN's French, Spanish and Russian documents letter their items.
    let marker = |l: &str| crate::report::view::items_as_written(say.words.code(), &format!("({l})"));
    view.parts = fresh.iter().map(|(l, t)| PartView { marker: marker(l), text: t.clone() }).collect();
    quoted.units.entry((n, None)).or_insert_with(|| here.clone());
    for (l, _) in fresh {
        quoted.units.insert(unit(l), here.clone());
    }
    view
}

/// An implementation grade, with the committee's wording in the brief's language.
fn grade_view(say: &Say, committee: Committee, g: &GradeInfo) -> GradeView {
    let scale_id = match committee {
        Committee::Ccpr => Some("grade-ccpr"),
        Committee::Ced => Some("grade-ced"),
        _ => None,
    };
    let label = match (scale_id, &g.label) {
        (Some(id), Some(_)) => Some(say.with(id, &[("grade", Arg::Text(&g.code))])),
        (_, label) => label.clone(),
    };
    let line = match &label {
        Some(l) => format!("{} — {l}", g.code),
        None => g.code.clone(),
    };
    GradeView {
        code: g.code.clone(),
        label,
        scale: say.with("brief-grade-scale", &[("code", Arg::Text(committee.code()))]),
        line,
        note: g.note.clone(),
    }
}

/// The recommendations the committee did not take up.
fn unaddressed<P: Clone>(say: &Say, c: &Comparison, prose: &BTreeMap<Field, P>) -> UnaddressedView<P> {
    let items: Vec<UnaddressedItem<P>> = c
        .findings
        .iter()
        .flat_map(|f| f.items.iter().map(move |i| (f, i)))
        .filter(|(_, i)| i.status == Reflection::NotReflected)
        .map(|(f, i)| UnaddressedItem {
            label: rec_label(i.number),
            anchor: rec_anchor(&i.id),
            text: i.text.clone(),
            finding: f.title.clone(),
            finding_anchor: finding_anchor(&f.id),
            comment: i.entry.and_then(|e| prose.get(&Field::Comment(e)).cloned()),
        })
        .collect();
    let k = &c.counts;
    let sentence = if !items.is_empty() {
        say.with(
            "brief-unaddressed-some",
            &[
                ("n", num(items.len())),
                ("count", Arg::Text(&say.count(items.len()))),
                ("made", num(k.made)),
                ("made-count", Arg::Text(&say.count(k.made))),
            ],
        )
    } else if k.pending > 0 {
        say.with("brief-unaddressed-pending", &[("n", num(k.pending)), ("count", Arg::Text(&say.count(k.pending)))])
    } else {
        say.get("brief-unaddressed-none")
    };
    UnaddressedView { sentence, items }
}

/// The follow-up procedure.
fn follow_up_view(
    say: &Say,
    co: &ConcludingObservations,
    c: &Comparison,
    items: &BTreeMap<usize, &Item>,
) -> FollowUpView {
    let state = Arg::Text(&co.state);
    let Some(fu) = &c.follow_up else {
        return FollowUpView {
            known: false,
            sentence: say.with("brief-follow-up-unknown", &[("state", state)]),
            selected: Vec::new(),
            touched: None,
            importance_sentence: None,
            importance: Vec::new(),
            deadline: None,
            next_report: None,
        };
    };
    let all: Vec<Citation> = fu.selected.iter().map(|s| s.citation.clone()).collect();
    let deadline = fu.deadline.as_deref().map(|d| say.date(d));
    let paragraph = Arg::Number(fu.paragraph.map_or(0, i64::from));
    let paragraphs = say.paras(&all);
    let sentence = if all.is_empty() {
        say.with("brief-follow-up-none", &[("paragraph", paragraph), ("state", state)])
    } else if fu.urgent {
        say.with(
            "brief-follow-up-urgent",
            &[("paragraph", paragraph), ("state", state), ("paragraphs", Arg::Text(&paragraphs))],
        )
    } else {
        match &deadline {
            Some(d) => say.with(
                "brief-follow-up-asked-by",
                &[
                    ("paragraph", paragraph),
                    ("state", state),
                    ("paragraphs", Arg::Text(&paragraphs)),
                    ("date", Arg::Text(d)),
                ],
            ),
            None => say.with(
                "brief-follow-up-asked",
                &[("paragraph", paragraph), ("state", state), ("paragraphs", Arg::Text(&paragraphs))],
            ),
        }
    };
    let reference = |n: &usize| {
        items.get(n).map(|i| RefView {
            label: rec_label(i.number),
            anchor: rec_anchor(&i.id),
            text: i.text.clone(),
            status_label: say.status(i.status),
        })
    };
    let none = say.get("brief-none-of-ours");
    let views = |list: &[super::compare::Selected]| -> Vec<SelectedView> {
        list.iter()
            .map(|s| SelectedView {
                citation: say.paras(std::slice::from_ref(&s.citation)),
                heading: s.heading.clone(),
                recommendations: s.recommendations.iter().filter_map(reference).collect(),
                none: none.clone(),
            })
            .collect()
    };
    let selected = views(&fu.selected);
    let important: Vec<Citation> = fu.importance.iter().map(|s| s.citation.clone()).collect();
    let importance_sentence = (!important.is_empty()).then(|| {
        say.with(
            "brief-importance",
            &[
                ("paragraph", Arg::Number(fu.importance_paragraph.map_or(0, i64::from))),
                ("state", state),
                ("paragraphs", Arg::Text(&say.paras(&important))),
            ],
        )
    });
    let mut touched: Vec<usize> = fu.selected.iter().flat_map(|s| s.recommendations.iter().copied()).collect();
    touched.sort_unstable();
    touched.dedup();
    let touched = (!all.is_empty()).then(|| {
        if touched.is_empty() {
            say.with("brief-touched-none", &[("urgent", yes(fu.urgent))])
        } else {
            let labels: Vec<String> = touched.iter().map(|n| rec_label(*n)).collect();
            capitalise(&say.with(
                "brief-touched",
                &[
                    ("n", num(touched.len())),
                    ("count", Arg::Text(&say.count(touched.len()))),
                    ("list", Arg::Text(&say.list(&labels))),
                    ("urgent", yes(fu.urgent)),
                ],
            ))
        }
    });
    let next_report = fu.next_report.as_deref().map(|n| {
        let when = if crate::date::is_date(n) { say.date(n) } else { n.to_owned() };
        // A year alone ("in 2031", as the predictable review cycle words it) is not a day
        // to report by: "en 2031", not "a más tardar el 2031".
        let year = n.len() == 4 && n.bytes().all(|b| b.is_ascii_digit());
        say.with(
            "brief-next-report",
            &[("state", state), ("date", Arg::Text(&when)), ("when", Arg::Text(if year { "year" } else { "day" }))],
        )
    });
    FollowUpView {
        known: true,
        sentence,
        selected,
        touched,
        importance_sentence,
        importance: views(&fu.importance),
        deadline,
        next_report,
    }
}

/// Whether the committee's follow-up paragraph calls for urgent measures on the recommendations
/// it names (the CRPD since about 2019) rather than for information by a date: the brief then
/// says so in those words, not "selected for the follow-up procedure".
fn urgent_measures(co: &ConcludingObservations) -> bool {
    co.follow_up.as_ref().and_then(|f| f.kind) == Some(crate::model::co::FollowUpKind::UrgentMeasures)
}

/// "34 (d)" as the brief's language writes a paragraph and its items ("34 d)", "34 (د)").
fn items_in(say: &Say, citation: &Citation) -> String {
    crate::report::view::items_as_written(say.words.code(), &citation.to_string())
}

/// The annex: one row per recommendation, with the paragraphs that reflect it by number.
fn annex(say: &Say, co: &ConcludingObservations, c: &Comparison) -> AnnexView {
    let mut rows = Vec::new();
    let mut has_grades = false;
    for f in &c.findings {
        for i in &f.items {
            let grade = i.grade.as_ref().map(|g| grade_view(say, co.committee, g).line).unwrap_or_default();
            has_grades |= !grade.is_empty();
            let paragraph = if i.citations.is_empty() {
                "—".to_owned()
            } else {
                let merged = super::compare::merge(&i.citations);
                merged.iter().map(|c| items_in(say, c)).collect::<Vec<_>>().join(&say.get("list-comma"))
            };
            let short =
                |cs: &[Citation]| cs.iter().map(|c| items_in(say, c)).collect::<Vec<_>>().join(&say.get("list-comma"));
            let mut marks = Vec::new();
            if !i.follow_up.is_empty() {
                let id = if urgent_measures(co) { "brief-annex-urgent" } else { "brief-annex-follow-up" };
                marks.push(say.with(id, &[("paragraphs", Arg::Text(&short(&i.follow_up)))]));
            }
            if !i.importance.is_empty() {
                marks.push(say.with("brief-annex-importance", &[("paragraphs", Arg::Text(&short(&i.importance)))]));
            }
            let follow_up = marks.join("; ");
            rows.push(AnnexRow {
                label: rec_label(i.number),
                anchor: rec_anchor(&i.id),
                id: i.id.clone(),
                text: i.text.clone(),
                finding: f.title.clone(),
                symbol: co.symbol.clone(),
                paragraph,
                follow_up,
                status: status_key(i.status).into(),
                status_label: say.status(i.status),
                grade,
            });
        }
    }
    AnnexView { caption: say.with("brief-annex-caption", &[("symbol", Arg::Text(&co.symbol))]), has_grades, rows }
}

/// A link to a recommendation with a note, e.g. "(para. 34 (c))".
fn link(i: &Item, note: String) -> RefLink {
    RefLink { label: rec_label(i.number), anchor: rec_anchor(&i.id), note }
}

/// The key results: the counts as figures, and one headline per kind of outcome.
fn key_results(say: &Say, docs: Sources, c: &Comparison, asks: Option<&AsksView>) -> KeyResultsView {
    let k = &c.counts;
    let figure = |n: usize, status: &str| say.with("brief-figure", &[("n", num(n)), ("status", Arg::Text(status))]);
    let mut figures = vec![Figure { value: k.made, label: figure(k.made, "made"), status: String::new() }];
    for (n, r) in [
        (k.fully, Reflection::Fully),
        (k.partially, Reflection::Partially),
        (k.not_reflected, Reflection::NotReflected),
    ] {
        figures.push(Figure { value: n, label: figure(n, status_key(r)), status: status_key(r).into() });
    }
    if k.pending > 0 {
        figures.push(Figure { value: k.pending, label: figure(k.pending, "pending"), status: "pending".into() });
    }
    let items: Vec<&Item> = c.findings.iter().flat_map(|f| &f.items).collect();
    let with = |status: Reflection| -> Vec<RefLink> {
        items
            .iter()
            .filter(|i| i.status == status)
            .map(|i| {
                let note = if i.citations.is_empty() {
                    say.paren(&i.finding_title)
                } else {
                    say.paren(&say.paras(&super::compare::merge(&i.citations)))
                };
                link(i, note)
            })
            .collect()
    };
    let mut headlines = Vec::new();
    let mut push = |kind: &str, text: String, refs: Vec<RefLink>, anchor: &str| {
        let title = say.with("brief-headline", &[("kind", Arg::Text(kind))]);
        // The text and the space before the recommendations after it (none after a
        // full-width "：").
        let text = if text.is_empty() || refs.is_empty() {
            text
        } else {
            format!("{text}{}", crate::i18n::space_after(&text))
        };
        headlines.push(Headline { title, text, refs, anchor: anchor.into() });
    };
    for (status, anchor) in [
        (Reflection::Fully, "recommendations"),
        (Reflection::Partially, "recommendations"),
        (Reflection::NotReflected, "unaddressed"),
    ] {
        let refs = with(status);
        if !refs.is_empty() {
            push(status_key(status), String::new(), refs, anchor);
        }
    }
    // "Paras. 34 (d) and 40, report due by 11 July 2026. Ours among them:" and the like.
    let headline_text = |what: String, touched: &[RefLink]| {
        let id = if touched.is_empty() { "brief-headline-none-ours" } else { "brief-headline-ours" };
        // After the headline's colon: lower case, as after any colon in the brief's languages.
        say.with(id, &[("what", Arg::Text(&what))])
    };
    if let Some(fu) = &c.follow_up {
        let all: Vec<Citation> = fu.selected.iter().map(|s| s.citation.clone()).collect();
        if !all.is_empty() {
            let what = match fu.deadline.as_deref() {
                Some(d) => say.with(
                    "brief-headline-due",
                    &[("paragraphs", Arg::Text(&say.paras(&all))), ("date", Arg::Text(&say.date(d)))],
                ),
                None => say.paras(&all),
            };
            let touched: Vec<RefLink> = items
                .iter()
                .filter(|i| !i.follow_up.is_empty())
                .map(|i| link(i, say.paren(&say.paras(&i.follow_up))))
                .collect();
            let kind = if fu.urgent { "urgent" } else { "follow-up" };
            push(kind, headline_text(what, &touched), touched, "follow-up");
        }
    }
    if let Some(fu) = &c.follow_up {
        let all: Vec<Citation> = fu.importance.iter().map(|s| s.citation.clone()).collect();
        if !all.is_empty() {
            let touched: Vec<RefLink> = items
                .iter()
                .filter(|i| !i.importance.is_empty())
                .map(|i| link(i, say.paren(&say.paras(&i.importance))))
                .collect();
            push("importance", headline_text(say.paras(&all), &touched), touched, "follow-up");
        }
    }
    let pending = with(Reflection::Pending);
    if !pending.is_empty() {
        push("pending", String::new(), pending, "recommendations");
    }
    if let Some(a) = asks {
        let text = say.with(
            "brief-headline-asks",
            &[
                ("n", num(a.state.len())),
                ("count", Arg::Text(&say.count(a.state.len()))),
                ("committee-n", num(a.committee.len())),
                ("committee-count", Arg::Text(&say.count(a.committee.len()))),
                ("state", Arg::Text(&docs.co.state)),
                ("code", Arg::Text(docs.co.committee.code())),
            ],
        );
        push("asks", text, Vec::new(), "asks");
    }
    KeyResultsView { sentence: summary_in(say.words, k), figures, headlines }
}

/// The asks, when the assessment has any.
fn asks(say: &Say, docs: Sources, c: &Comparison, deadline: Option<&str>) -> Option<AsksView> {
    let a = docs.assessment.asks.as_ref()?;
    if a.state.is_empty() && a.committee.is_empty() {
        return None;
    }
    let items: BTreeMap<&str, &Item> = c.findings.iter().flat_map(|f| &f.items).map(|i| (i.id.as_str(), i)).collect();
    let state = Arg::Text(&docs.co.state);
    let view = |ask: &crate::model::assessment::Ask| AskView {
        text: one_line(&ask.ask),
        by: match ask.by.as_deref().map(str::trim) {
            None | Some("") => String::new(),
            Some("follow-up") => match deadline {
                Some(d) => say.with("brief-by-follow-up-date", &[("date", Arg::Text(d))]),
                None => say.get("brief-by-follow-up"),
            },
            Some(d) if crate::date::is_date(d) => say.with("brief-by", &[("date", Arg::Text(&say.date(d)))]),
            Some(d) => say.with("brief-by", &[("date", Arg::Text(d))]),
        },
        refs: ask
            .recommendations
            .iter()
            .filter_map(|id| items.get(id.as_str()))
            .map(|i| link(i, String::new()))
            .collect(),
    };
    let sentence = match deadline {
        Some(d) => say.with("brief-asks-intro-deadline", &[("state", state), ("date", Arg::Text(d))]),
        None => say.get("brief-asks-intro"),
    };
    Some(AsksView {
        sentence,
        state_title: say.with("brief-asks-of-state", &[("state", state)]),
        state: a.state.iter().map(view).collect(),
        committee_title: say.with("brief-asks-of-committee", &[("code", Arg::Text(docs.co.committee.code()))]),
        committee: a.committee.iter().map(view).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::compare::Counts;
    use super::*;

    fn counts(fully: usize, partially: usize, not_reflected: usize, pending: usize) -> Counts {
        Counts { made: fully + partially + not_reflected + pending, fully, partially, not_reflected, pending }
    }

    #[test]
    fn the_summary_sentence_reads_well_in_every_case() {
        assert_eq!(
            summary_sentence(&counts(2, 2, 2, 3)),
            "Of our nine recommendations, the concluding observations reflect two fully and two partially, and do not reflect two. Three have not been assessed yet."
        );
        assert_eq!(
            summary_sentence(&counts(1, 0, 0, 1)),
            "Of our two recommendations, the concluding observations reflect one fully. One has not been assessed yet."
        );
        assert_eq!(
            summary_sentence(&counts(0, 0, 3, 0)),
            "Of our three recommendations, the concluding observations do not reflect three."
        );
        assert_eq!(
            summary_sentence(&counts(0, 0, 0, 2)),
            "We made two recommendations; none has been assessed against the concluding observations yet."
        );
        assert_eq!(summary_sentence(&counts(0, 0, 0, 0)), "The submission made no recommendations.");
    }

    #[test]
    fn tallies_name_only_what_occurs() {
        let en = Words::new("en");
        let say = Say { words: &en };
        assert_eq!(
            tally(&say, &counts(1, 1, 0, 0)),
            "Two recommendations: one fully reflected, one partially reflected"
        );
        assert_eq!(tally(&say, &counts(0, 0, 0, 1)), "One recommendation: one not yet assessed");
    }

    #[test]
    fn ods_addresses() {
        assert_eq!(ods_url("CCPR/C/KAZ/CO/3", "en"), "https://docs.un.org/en/CCPR/C/KAZ/CO/3");
        assert_eq!(ods_url("E/C.12/KAZ/CO/2", "fr"), "https://docs.un.org/fr/E/C.12/KAZ/CO/2");
        assert_eq!(ods_url("CERD/C/KAZ/CO/8-10", "kk"), "https://docs.un.org/en/CERD/C/KAZ/CO/8-10");
        assert_eq!(ods_url("A B\"", "en"), "https://docs.un.org/en/A%20B%22");
    }
}
