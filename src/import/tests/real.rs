//! Real concluding observations, as the UN publishes them, against truth files written by
//! careful reading (`tests/fixtures/real-co/*.truth.json`, the conventions of
//! `tests/fixtures/real-co/README.md`, with the follow-up kind and deadline, the "particular
//! importance" list, the next report and the language added).
//!
//! Each document is imported by every route an advocate has: the PDF itself (the UN's file,
//! kept in `tests/fixtures/real-co/`), the text `pdftotext` gives for it
//! (committed as `tests/fixtures/real-co/*.txt`), and for the Word file the `.docx`. The
//! figures are compared field by field; the table they make is the one in
//! `docs/import-accuracy.md`, and [`real_documents_match_the_documented_figures`] fails when
//! the two disagree (`AMICUS_BLESS=1` rewrites the table, for review in the diff).

use super::super::{ImportError, ImportResult, extract_file, import_file, parse_co};
use crate::model::co::FollowUpKind;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// What a careful reader counted in one document.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Truth {
    /// The document symbol.
    symbol: String,
    /// Set for a document that must be refused: the language named in the message.
    #[serde(default)]
    refused: Option<String>,
    /// `en`, `fr` or `es`.
    #[serde(default)]
    language: Option<String>,
    /// Paragraphs are numbered 1 to this.
    #[serde(default)]
    paragraphs: u32,
    /// Lettered sub-paragraphs per paragraph (only paragraphs that have some).
    #[serde(default)]
    subparagraphs: BTreeMap<String, usize>,
    /// The follow-up paragraph and what it selects.
    #[serde(default)]
    follow_up: Option<TruthFollowUp>,
    /// The "paragraphs of particular importance".
    #[serde(default)]
    particular_importance: Option<TruthSelection>,
    /// The next periodic report's due date.
    #[serde(default)]
    next_report: Option<String>,
    /// The date of adoption.
    #[serde(default)]
    adopted: Option<String>,
    /// The "Distr." date.
    #[serde(default)]
    published: Option<String>,
    /// The session that adopted the document (from the title's `*` note or the header).
    #[serde(default)]
    session: Option<u32>,
    /// The numbers of the meetings paragraph 1 names, in order.
    #[serde(default)]
    meetings: Vec<u32>,
    /// Section titles in order, letters and numerals dropped.
    #[serde(default)]
    sections: Vec<String>,
    /// Subject headings, by the number of the first paragraph under each (the heading holds
    /// for the paragraphs after it, up to the next heading or section).
    #[serde(default)]
    headings: BTreeMap<String, String>,
    /// Footnotes, the title's `*` note included.
    #[serde(default)]
    footnotes: usize,
}

/// The follow-up paragraph in a truth file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TruthFollowUp {
    /// Its number.
    paragraph: u32,
    /// The selected references, `"35 (a)"`.
    refs: Vec<String>,
    /// `deadline` or `urgent-measures`.
    kind: FollowUpKind,
    /// The deadline, when the kind has one.
    deadline: Option<String>,
}

/// A list of selected paragraphs in a truth file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TruthSelection {
    /// The paragraph that names them.
    paragraph: u32,
    /// The references.
    refs: Vec<String>,
}

/// The folder of truth files and text fixtures.
fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real-co")
}

/// The truth files, by document name (`CRPD_C_BRA_CO_1`).
fn truths() -> Vec<(String, Truth)> {
    let mut out = Vec::new();
    let dir = fixtures();
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".truth.json"))
        .collect();
    names.sort();
    for path in names {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").trim_end_matches(".truth.json").to_owned();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let truth: Truth = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out.push((name, truth));
    }
    out
}

/// Found out of expected, for one field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Count {
    /// Right.
    hit: usize,
    /// Expected (plus anything found that should not be there).
    of: usize,
}

impl Count {
    /// Adds one case.
    fn add(&mut self, ok: bool) {
        self.of += 1;
        self.hit += usize::from(ok);
    }

    /// `12/12`.
    fn cell(self) -> String {
        format!("{}/{}", self.hit, self.of)
    }
}

/// The figures for one document by one route.
#[derive(Debug, Default)]
struct RealScore {
    /// Paragraphs found with their number (extra ones count against).
    paragraphs: Count,
    /// Lettered sub-paragraphs found, per paragraph (extra ones count against).
    subparagraphs: Count,
    /// Follow-up paragraph, each reference, kind, deadline; "particular importance" paragraph
    /// and references; next report.
    follow_up: Count,
    /// Adoption and "Distr." dates.
    dates: Count,
    /// Session and meetings.
    session: Count,
    /// Section titles, in order.
    sections: Count,
    /// Subject headings, each at the paragraph it starts at (extra ones count against).
    headings: Count,
    /// Footnotes (numbered and `*` notes) kept apart from the text.
    footnotes: Count,
    /// Language.
    language: bool,
    /// Warnings given.
    warnings: usize,
    /// What was wrong.
    misses: Vec<String>,
}

/// Compares an import with the truth.
fn score(truth: &Truth, got: &ImportResult) -> RealScore {
    let co = &got.co;
    let mut s = RealScore { warnings: got.warnings.len(), ..RealScore::default() };
    for n in 1..=truth.paragraphs {
        let found = co.paragraph(n);
        s.paragraphs.add(found.is_some());
        if found.is_none() {
            s.misses.push(format!("paragraph {n} missing"));
        }
        let want = truth.subparagraphs.get(&n.to_string()).copied().unwrap_or(0);
        let have = found.map_or(0, |p| p.subparagraphs.len());
        for k in 0..want.max(have) {
            let ok = k < want
                && found.is_some_and(|p| {
                    p.subparagraphs.get(k).is_some_and(|sp| sp.letter == char::from(b'a' + k as u8).to_string())
                });
            s.subparagraphs.add(ok);
        }
        if want != have {
            s.misses.push(format!("paragraph {n}: {have} sub-paragraphs, {want} expected"));
        }
    }
    let extra = co.paragraphs().filter(|(_, p)| p.number == 0 || p.number > truth.paragraphs).count();
    for _ in 0..extra {
        s.paragraphs.add(false);
    }
    if extra > 0 {
        s.misses.push(format!("{extra} paragraphs beyond {}", truth.paragraphs));
    }

    let fu = co.follow_up.as_ref();
    match &truth.follow_up {
        Some(t) => {
            let ok = fu.and_then(|f| f.paragraph) == Some(t.paragraph);
            s.follow_up.add(ok);
            let selected: &[String] = fu.map_or(&[], |f| f.selected.as_slice());
            for r in &t.refs {
                s.follow_up.add(selected.contains(r));
            }
            for r in selected.iter().filter(|r| !t.refs.contains(r)) {
                s.follow_up.add(false);
                s.misses.push(format!("follow-up: {r} selected, which it is not"));
            }
            s.follow_up.add(fu.and_then(|f| f.kind) == Some(t.kind));
            s.follow_up.add(fu.and_then(|f| f.deadline.clone()) == t.deadline);
            if !(ok && selected == t.refs.as_slice()) {
                s.misses.push(format!(
                    "follow-up: want {} {:?}, got {:?} {:?}",
                    t.paragraph,
                    t.refs,
                    fu.and_then(|f| f.paragraph),
                    selected
                ));
            }
            if fu.and_then(|f| f.kind) != Some(t.kind) || fu.and_then(|f| f.deadline.clone()) != t.deadline {
                s.misses.push(format!(
                    "follow-up kind/deadline: want {:?} {:?}, got {:?} {:?}",
                    t.kind,
                    t.deadline,
                    fu.and_then(|f| f.kind),
                    fu.and_then(|f| f.deadline.clone())
                ));
            }
        }
        None => {
            let ok = fu.is_none_or(|f| f.paragraph.is_none() && f.selected.is_empty());
            s.follow_up.add(ok);
            if !ok {
                s.misses.push(format!("a follow-up paragraph was found where there is none: {fu:?}"));
            }
        }
    }
    let pi = fu.and_then(|f| f.particular_importance.as_ref());
    match &truth.particular_importance {
        Some(t) => {
            s.follow_up.add(pi.and_then(|p| p.paragraph) == Some(t.paragraph));
            for r in &t.refs {
                s.follow_up.add(pi.is_some_and(|p| p.selected.contains(r)));
            }
            if pi.is_none_or(|p| p.selected != t.refs) {
                s.misses.push(format!("particular importance: want {:?}, got {pi:?}", t.refs));
            }
        }
        None => {
            s.follow_up.add(pi.is_none());
            if pi.is_some() {
                s.misses.push(format!("a \"particular importance\" list was found where there is none: {pi:?}"));
            }
        }
    }
    let next = fu.and_then(|f| f.next_report.clone());
    s.follow_up.add(next == truth.next_report);
    if next != truth.next_report {
        s.misses.push(format!("next report: want {:?}, got {next:?}", truth.next_report));
    }

    for (name, want, got) in [("adopted", &truth.adopted, &co.adopted), ("published", &truth.published, &co.published)]
    {
        s.dates.add(want == got);
        if want != got {
            s.misses.push(format!("{name}: want {want:?}, got {got:?}"));
        }
    }

    s.session.add(co.session == truth.session);
    if co.session != truth.session {
        s.misses.push(format!("session: want {:?}, got {:?}", truth.session, co.session));
    }
    let meetings = meeting_numbers(co.meetings.as_deref().unwrap_or(""));
    s.session.add(meetings == truth.meetings);
    if meetings != truth.meetings {
        s.misses.push(format!("meetings: want {:?}, got {:?}", truth.meetings, co.meetings));
    }

    let found = heading_starts(co);
    for (n, want) in &truth.headings {
        let got = n.parse::<u32>().ok().and_then(|n| found.get(&n));
        s.headings.add(got == Some(want));
        if got != Some(want) {
            s.misses.push(format!("heading at paragraph {n}: want {want:?}, got {got:?}"));
        }
    }
    for (n, got) in found.iter().filter(|(n, _)| !truth.headings.contains_key(&n.to_string())) {
        s.headings.add(false);
        s.misses.push(format!("heading {got:?} at paragraph {n}, where none starts"));
    }

    let titles: Vec<&str> = co.sections.iter().map(|x| x.title.as_str()).filter(|t| !t.is_empty()).collect();
    for (i, t) in truth.sections.iter().enumerate() {
        let ok = titles.get(i) == Some(&t.as_str());
        s.sections.add(ok);
        if !ok {
            s.misses.push(format!("section {}: want {t:?}, got {:?}", i + 1, titles.get(i)));
        }
    }
    for extra in titles.iter().skip(truth.sections.len()) {
        s.sections.add(false);
        s.misses.push(format!("extra section {extra:?}"));
    }

    let notes = co.paragraphs().map(|(_, p)| p.footnotes.len()).sum::<usize>()
        + co.notes.iter().filter(|n| !is_reissue(n)).count();
    s.footnotes = Count { hit: notes.min(truth.footnotes), of: truth.footnotes.max(notes) };
    if notes != truth.footnotes {
        s.misses.push(format!("footnotes: want {}, got {notes}", truth.footnotes));
    }
    s.language = co.language == truth.language;
    if !s.language {
        s.misses.push(format!("language: want {:?}, got {:?}", truth.language, co.language));
    }
    s
}

/// The subject headings of an import, by the paragraph each starts at: a paragraph whose
/// heading differs from the one of the paragraph before it in its section.
fn heading_starts(co: &crate::model::co::ConcludingObservations) -> BTreeMap<u32, String> {
    let mut out = BTreeMap::new();
    for section in &co.sections {
        let mut before: Option<&String> = None;
        for p in &section.paragraphs {
            if let Some(h) = &p.heading
                && before != Some(h)
            {
                out.insert(p.number, h.clone());
            }
            before = p.heading.as_ref();
        }
    }
    out
}

/// The meeting numbers in the `meetings` text: numbers written as ordinals ("768th",
/// "481e", "497ª"), in order.
fn meeting_numbers(text: &str) -> Vec<u32> {
    text.split(|c: char| c.is_whitespace() || ",;()".contains(c))
        .filter_map(|w| {
            let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
            let suffix = &w[digits.len()..];
            let ordinal = ["st", "nd", "rd", "th", "e", "ᵉ", "er", "ª", "º", "a", "o"].contains(&suffix);
            (!digits.is_empty() && ordinal).then(|| digits.parse().ok()).flatten()
        })
        .collect()
}

/// Whether a document note is a reissue note rather than a footnote.
fn is_reissue(note: &str) -> bool {
    let lower = note.to_lowercase();
    lower.starts_with("reissued") || lower.starts_with("nouveau tirage") || lower.starts_with("publicado nuevamente")
}

/// The routes a document is read by: (label, import result or the refusal).
/// A refused document is read by its PDF only (its text would be refused the same way, see
/// [`arabic_documents_are_refused_with_a_clear_message`]).
fn routes(name: &str, refused: bool) -> Vec<(&'static str, Result<ImportResult, ImportError>)> {
    let mut out = Vec::new();
    let docx = fixtures().join(format!("{name}.docx"));
    if docx.exists() {
        out.push(("Word", import_file(&docx, None)));
        return out;
    }
    let pdf = fixtures().join(format!("{name}.pdf"));
    assert!(pdf.exists(), "{} is missing: the real documents live in tests/fixtures/real-co/", pdf.display());
    out.push(("PDF", import_file(&pdf, None)));
    if refused {
        return out;
    }
    let txt = fixtures().join(format!("{name}.txt"));
    assert!(txt.exists(), "{} is missing: it is `pdftotext` of the PDF, committed", txt.display());
    out.push(("pdftotext", import_file(&txt, None)));
    out
}

/// The table of figures over all real documents and routes, as in `docs/import-accuracy.md`,
/// and the misses, for the test message.
fn real_table() -> (String, Vec<String>) {
    let mut table = String::from(
        "| document | route | paragraphs | sub-paragraphs | follow-up | dates | session | sections | headings | footnotes | language | warnings |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n",
    );
    let mut misses = Vec::new();
    let mut totals: BTreeMap<&str, Count> = BTreeMap::new();
    for (name, truth) in truths() {
        for (route, result) in routes(&name, truth.refused.is_some()) {
            if let Some(language) = &truth.refused {
                let refused = match &result {
                    Err(ImportError::Language { language: l, .. }) => l == language,
                    _ => false,
                };
                let cell = if refused { format!("refused as {language}") } else { "NOT refused".to_owned() };
                table.push_str(&format!("| {} | {route} | {cell} | | | | | | | | | |\n", truth.symbol));
                if !refused {
                    misses.push(format!("{name} ({route}): not refused as {language}"));
                }
                continue;
            }
            let result = match result {
                Ok(r) => r,
                Err(e) => {
                    table.push_str(&format!("| {} | {route} | error: {e} | | | | | | | | | |\n", truth.symbol));
                    misses.push(format!("{name} ({route}): {e}"));
                    continue;
                }
            };
            assert_eq!(result.co.symbol, truth.symbol, "{name} ({route})");
            let s = score(&truth, &result);
            for (k, c) in [
                ("paragraphs", s.paragraphs),
                ("sub-paragraphs", s.subparagraphs),
                ("follow-up", s.follow_up),
                ("dates", s.dates),
                ("session", s.session),
                ("sections", s.sections),
                ("headings", s.headings),
                ("footnotes", s.footnotes),
            ] {
                let t = totals.entry(k).or_default();
                t.hit += c.hit;
                t.of += c.of;
            }
            totals.entry("language").or_default().add(s.language);
            table.push_str(&format!(
                "| {} | {route} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
                truth.symbol,
                s.paragraphs.cell(),
                s.subparagraphs.cell(),
                s.follow_up.cell(),
                s.dates.cell(),
                s.session.cell(),
                s.sections.cell(),
                s.headings.cell(),
                s.footnotes.cell(),
                if s.language { "right" } else { "wrong" },
                s.warnings
            ));
            for m in s.misses {
                misses.push(format!("{name} ({route}): {m}"));
            }
        }
    }
    let pct = |c: &Count| if c.of == 0 { 100.0 } else { 100.0 * c.hit as f64 / c.of as f64 };
    let total = |k: &str| totals.get(k).copied().unwrap_or_default();
    table.push_str(&format!(
        "| **all** | | {} ({:.1} %) | {} ({:.1} %) | {} ({:.1} %) | {} ({:.1} %) | {} ({:.1} %) | {} ({:.1} %) | {} ({:.1} %) | {} ({:.1} %) | {} | |\n",
        total("paragraphs").cell(),
        pct(&total("paragraphs")),
        total("sub-paragraphs").cell(),
        pct(&total("sub-paragraphs")),
        total("follow-up").cell(),
        pct(&total("follow-up")),
        total("dates").cell(),
        pct(&total("dates")),
        total("session").cell(),
        pct(&total("session")),
        total("sections").cell(),
        pct(&total("sections")),
        total("headings").cell(),
        pct(&total("headings")),
        total("footnotes").cell(),
        pct(&total("footnotes")),
        total("language").cell(),
    ));
    (table, misses)
}

/// Every real document is imported by every route and compared with its truth; the figures
/// and the list of what is still wrong must be the ones `docs/import-accuracy.md` shows.
#[test]
fn real_documents_match_the_documented_figures() {
    let (table, misses) = real_table();
    let misses_text: String = if misses.is_empty() {
        "Nothing: every field of every document comes back right by every route.\n".to_owned()
    } else {
        misses.iter().map(|m| format!("- {m}\n")).collect()
    };
    super::check_document(&[("real documents", table), ("real documents: what is still wrong", misses_text)]);
}

/// The goals the importer is held to on real documents, whatever the table says: the
/// Arabic documents refused; every paragraph number, lettered item, date, follow-up reference,
/// session and meeting right by every route; and, by each route over all documents, at least
/// 99 % of section titles, subject headings and footnotes.
#[test]
fn real_documents_meet_the_hard_goals() {
    let mut failures = Vec::new();
    let mut by_route: BTreeMap<(&str, &str), Count> = BTreeMap::new();
    for (name, truth) in truths() {
        for (route, result) in routes(&name, truth.refused.is_some()) {
            if truth.refused.is_some() {
                if !matches!(result, Err(ImportError::Language { .. })) {
                    failures.push(format!("{name} ({route}) was not refused"));
                }
                continue;
            }
            let Ok(result) = result else {
                failures.push(format!("{name} ({route}) failed to import"));
                continue;
            };
            let s = score(&truth, &result);
            for (field, c) in [
                ("paragraphs", s.paragraphs),
                ("sub-paragraphs", s.subparagraphs),
                ("dates", s.dates),
                ("follow-up", s.follow_up),
                ("session", s.session),
            ] {
                if c.hit != c.of {
                    failures.push(format!("{name} ({route}): {field} {}", c.cell()));
                }
            }
            for (field, c) in [("sections", s.sections), ("headings", s.headings), ("footnotes", s.footnotes)] {
                let t = by_route.entry((route, field)).or_default();
                t.hit += c.hit;
                t.of += c.of;
            }
        }
    }
    for ((route, field), c) in by_route {
        if c.hit * 100 < c.of * 99 {
            failures.push(format!("{route}: {field} {} is under 99 %", c.cell()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// An Arabic document is refused with a message that names the language and the symbol and
/// says what to do, by the PDF route and by its text.
#[test]
fn arabic_documents_are_refused_with_a_clear_message() {
    let pdf = fixtures().join("CRPD_C_KAZ_CO_1.pdf");
    let err = extract_file(&pdf).expect_err("the Arabic PDF is refused");
    let message = err.to_string();
    assert!(message.contains("Arabic version of CRPD/C/KAZ/CO/1"), "{message}");
    assert!(message.contains("English, French or Spanish"), "{message}");
    let text = std::fs::read_to_string(fixtures().join("arabic-excerpt.txt")).expect("the Arabic excerpt");
    assert_eq!(super::super::text::foreign_script(&text), Some("Arabic"));
    // English text quoting a few Arabic words is not refused.
    let english = parse_co(&std::fs::read_to_string(fixtures().join("CRPD_C_BRA_CO_1.txt")).unwrap(), None);
    assert_eq!(english.co.language.as_deref(), Some("en"));
    assert_eq!(super::super::text::foreign_script("The Committee notes the term «مرحبا» in the law."), None);
}

/// The follow-up selection is found by its place and its references, whatever words the
/// committee uses: in every real document that has one, the words before the list of
/// paragraphs are replaced by a wording the importer has never seen ("The Committee singles out
/// the recommendations in paragraphs …", in the document's language), and the selection must
/// still be read, from the same paragraph, with the same references.
#[test]
fn the_follow_up_selection_is_found_in_any_wording() {
    let mut tried = 0;
    for (name, truth) in truths() {
        let Some(fu) = truth.follow_up.as_ref().filter(|f| !f.refs.is_empty()) else { continue };
        let path = fixtures().join(format!("{name}.txt"));
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        // The follow-up paragraph's number at a line start, in the second half of the text.
        let half = text.len() / 2;
        let marker = format!("\n{}.", fu.paragraph);
        let start =
            text[half..].find(&marker).map(|k| half + k + marker.len()).expect("the follow-up paragraph's number");
        let lower = text.to_lowercase();
        let list = ["paragraphs", "paragraph", "paragraphes", "paragraphe", "párrafos", "párrafo"]
            .iter()
            .filter_map(|w| lower[start..].find(w).map(|k| start + k))
            .min()
            .expect("a paragraph word");
        let neutral = match truth.language.as_deref() {
            Some("fr") => " Le Comité distingue, parmi ses recommandations, celles qui figurent aux ",
            Some("es") => " El Comité destaca, entre sus recomendaciones, las que figuran en los ",
            _ => " The Committee singles out, among its recommendations, those in ",
        };
        let reworded = format!("{}{neutral}{}", &text[..start], &text[list..]);
        let co = parse_co(&reworded, None).co;
        let got = co.follow_up.unwrap_or_else(|| panic!("{name}: no follow-up once reworded"));
        assert_eq!(got.paragraph, Some(fu.paragraph), "{name}");
        assert_eq!(got.selected, fu.refs, "{name}: {}", &reworded[start - 4..(list + 200).min(reworded.len())]);
        tried += 1;
    }
    assert!(tried >= 10, "only {tried} documents tried");
}
