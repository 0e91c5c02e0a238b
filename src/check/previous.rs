//! The previous review: each finding's `previous_observations` checked against the previous
//! concluding observations in the folder (`previous-concluding-observations.yaml`, from
//! `amicus import-co --previous`): the paragraph cited exists, and the words quoted from it
//! are in it. When they are not, the hint names the paragraph that does hold them.

use super::followup::{ELLIPSES, excerpt_mismatch, excerpt_normal, resolve};
use crate::diag::{Diagnostic, did_you_mean};
use crate::load::locate::Target;
use crate::load::{Loaded, PREVIOUS_CO_FILE, Place};
use crate::model::citation::cite_paragraphs;
use crate::model::co::{same_series, same_symbol};
use crate::model::submission::PreviousObservation;
use crate::model::{Citation, ConcludingObservations, parse_citations};

/// Checks every finding's references to the previous review.
pub fn check(loaded: &Loaded, out: &mut Vec<Diagnostic>) {
    if let (Some(previous), Some(current)) = (&loaded.previous, &loaded.co)
        && same_symbol(&previous.symbol, &current.symbol)
    {
        let place = Place { file: crate::load::display_path(&loaded.folder, PREVIOUS_CO_FILE), path: Vec::new() };
        out.push(
            loaded
                .files
                .warning(
                    &place.key("symbol"),
                    Target::Value,
                    format!(
                        "{PREVIOUS_CO_FILE} holds the same observations as concluding-observations.yaml ({})",
                        current.symbol
                    ),
                )
                .with_hint(
                    "import the observations of the review before with `amicus import-co --previous <file> --force`",
                ),
        );
    }
    if let (Some(previous), Some(current)) = (&loaded.previous, &loaded.co)
        && !same_symbol(&previous.symbol, &current.symbol)
    {
        check_earlier(loaded, previous, current, out);
    }
    for (f, place) in loaded.submission.findings.iter().zip(&loaded.finding_places) {
        for (i, prev) in f.previous_observations.iter().enumerate() {
            check_one(loaded, &place.key("previous_observations").index(i), prev, out);
        }
    }
}

/// The new observations' `earlier:` citations of the previous review, against it: a paragraph
/// it does not have is a misread citation (or a previous file that is not the whole document),
/// and the brief would say the Committee repeats a recommendation that is not there.
fn check_earlier(
    loaded: &Loaded,
    previous: &ConcludingObservations,
    current: &ConcludingObservations,
    out: &mut Vec<Diagnostic>,
) {
    let root = Place { file: crate::load::display_path(&loaded.folder, crate::load::CO_FILE), path: Vec::new() };
    for (i, section) in current.sections.iter().enumerate() {
        for (j, p) in section.paragraphs.iter().enumerate() {
            for (k, e) in p.earlier.iter().enumerate() {
                if !e.symbol.as_deref().is_some_and(|s| same_symbol(s, &previous.symbol)) {
                    continue;
                }
                for (m, text) in e.paragraphs.iter().enumerate() {
                    let Ok(cited) = parse_citations(text) else { continue };
                    let Some(missing) = cited.iter().find(|c| resolve(previous, c).is_err()) else { continue };
                    let place = root
                        .key("sections")
                        .index(i)
                        .key("paragraphs")
                        .index(j)
                        .key("earlier")
                        .index(k)
                        .key("paragraphs")
                        .index(m);
                    out.push(
                        loaded
                            .files
                            .warning(&place, Target::Value, format!(
                                "paragraph {} cites {} of {}, which {PREVIOUS_CO_FILE} does not have",
                                p.number,
                                cite_paragraphs(std::slice::from_ref(missing)),
                                previous.symbol
                            ))
                            .with_hint("correct this `earlier:` entry against the document (the import may have misread the citation), or import the whole previous review with `amicus import-co --previous <file> --force`"),
                    );
                }
            }
        }
    }
}

fn check_one(loaded: &Loaded, p: &Place, prev: &PreviousObservation, out: &mut Vec<Diagnostic>) {
    let files = &loaded.files;
    let quote = prev.quote.as_deref();
    if let Some(q) = quote
        && ELLIPSES.iter().fold(q.to_owned(), |t, e| t.replace(e, "")).trim().is_empty()
    {
        out.push(
            files
                .error(&p.key("quote"), Target::Value, "the quote is empty")
                .with_hint("copy the Committee's words from the paragraph, or delete `quote:`"),
        );
        return;
    }
    let Some(previous) = &loaded.previous else {
        if quote.is_some() {
            out.push(
                files
                    .warning(
                        &p.key("quote"),
                        Target::Value,
                        format!("the quote cannot be checked: the folder has no {PREVIOUS_CO_FILE}"),
                    )
                    .with_hint(format!(
                        "import the observations of {} with `amicus import-co --previous <file> --into <folder>`",
                        prev.symbol
                    )),
            );
        }
        return;
    };
    if !same_symbol(&prev.symbol, &previous.symbol) {
        if !same_series(&prev.symbol, &previous.symbol)
            && did_you_mean(&prev.symbol, [previous.symbol.as_str()]).is_some()
        {
            out.push(
                files
                    .warning(
                        &p.key("symbol"),
                        Target::Value,
                        format!(
                            "`{}` is not the symbol of the previous concluding observations ({PREVIOUS_CO_FILE})",
                            prev.symbol
                        ),
                    )
                    .with_hint(format!("did you mean `{}`?", previous.symbol)),
            );
        } else if quote.is_some() {
            // Another review than the one in the file (an older one, say): nothing to check
            // its words against.
            out.push(
                files
                    .warning(
                        &p.key("quote"),
                        Target::Value,
                        format!(
                            "the quote cannot be checked: {PREVIOUS_CO_FILE} holds {}, not {}",
                            previous.symbol, prev.symbol
                        ),
                    )
                    .with_hint(format!("if the finding follows up {}, write that symbol", previous.symbol)),
            );
        }
        return;
    }
    // A reference that cannot be read is reported with the submission's rules.
    let Ok(cited) = parse_citations(&prev.paragraphs) else { return };
    let holders = quote.map(|q| holding(previous, q)).unwrap_or_default();
    let mut all_there = true;
    for c in &cited {
        if let Err(why) = resolve(previous, c) {
            all_there = false;
            let hint = match holders.as_slice() {
                [] => near(previous, c),
                found => format!("the words quoted are in {}", cite_paragraphs(found)),
            };
            out.push(
                files.error(&p.key("paragraphs"), Target::Value, format!("{why} ({PREVIOUS_CO_FILE})")).with_hint(hint),
            );
        }
    }
    let (Some(q), true) = (quote, all_there) else { return };
    if cited.is_empty() {
        return;
    }
    let merged = crate::brief::compare::merge(&cited);
    let text: Vec<String> = merged.iter().map(|c| crate::brief::compare::quote(previous, c).flat_text()).collect();
    let text = text.join(" ");
    let Some((piece, earlier)) = excerpt_mismatch(q, &text) else { return };
    let where_ = format!("{}, {}", previous.symbol, cite_paragraphs(&merged));
    let message = if earlier {
        format!("the quote is not an excerpt of {where_}: “{piece}” comes before the words quoted ahead of it")
    } else {
        format!("the words quoted are not in {where_}: “{piece}”")
    };
    let elsewhere: Vec<Citation> = holders.into_iter().filter(|h| !merged.iter().any(|m| covers(m, h))).collect();
    let hint = if !elsewhere.is_empty() {
        let first = &elsewhere[0];
        format!(
            "the words are in {} of {}: write `paragraphs: \"{first}\"`",
            cite_paragraphs(&elsewhere),
            previous.symbol
        )
    } else if earlier {
        "keep the pieces of a quote in the order of the paragraph".to_owned()
    } else {
        match diverges(&piece, &text) {
            Some((agreed, goes_on)) => format!(
                "the paragraph agrees up to “{agreed}”, then reads “{goes_on}”; copy the Committee's words exactly, and mark each gap with …"
            ),
            None => format!("copy the Committee's words exactly as in {PREVIOUS_CO_FILE}, and mark each gap with …"),
        }
    };
    out.push(files.error(&p.key("quote"), Target::Value, message).with_hint(hint));
}

/// Whether citation `a` covers all of `b`.
fn covers(a: &Citation, b: &Citation) -> bool {
    a.paragraph == b.paragraph && (a.letters.is_empty() || b.letters.iter().all(|l| a.letters.contains(l)))
}

/// The paragraphs of the observations whose text holds the quote, each as narrowly as it
/// can be cited: the lettered sub-paragraph when the words are all in one, else the
/// paragraph.
fn holding(co: &ConcludingObservations, quote: &str) -> Vec<Citation> {
    co.paragraphs()
        .filter_map(|(_, p)| {
            let whole = Citation::whole(p.number);
            excerpt_mismatch(quote, &crate::brief::compare::quote(co, &whole).flat_text()).is_none().then(|| {
                p.subparagraphs
                    .iter()
                    .filter_map(|s| s.letter.chars().next())
                    .map(|l| Citation { paragraph: p.number, letters: vec![l] })
                    .find(|c| excerpt_mismatch(quote, &crate::brief::compare::quote(co, c).flat_text()).is_none())
                    .filter(|_| {
                        // Words of the lead-in are in every sub-paragraph's quote: name the
                        // sub-paragraph only when they are not all in the lead-in.
                        excerpt_mismatch(quote, &p.text).is_some()
                    })
                    .unwrap_or(whole)
            })
        })
        .collect()
}

/// A hint for a paragraph or sub-paragraph the observations do not have: a neighbouring
/// paragraph that has the lettered sub-paragraph, digits the other way round, or the range of
/// paragraphs.
fn near(co: &ConcludingObservations, c: &Citation) -> String {
    let numbers: Vec<u32> = co.paragraphs().map(|(_, p)| p.number).collect();
    let (Some(first), Some(last)) = (numbers.first(), numbers.last()) else {
        return format!("{PREVIOUS_CO_FILE} has no numbered paragraphs");
    };
    let range = format!("its paragraphs run from {first} to {last}");
    match co.paragraph(c.paragraph) {
        Some(p) => {
            let letters: Vec<char> = p.subparagraphs.iter().filter_map(|s| s.letter.chars().next()).collect();
            // `9 (a)–(c)` without its number: the letters as a citation writes them.
            let cited = Citation { paragraph: p.number, letters }.to_string();
            let has = match cited.split_once(' ') {
                Some((_, letters)) => format!("paragraph {} has {letters}", p.number),
                None => format!("paragraph {} has no lettered sub-paragraphs", p.number),
            };
            // The concern and the recommendation often stand side by side with their own
            // letters: the one next to it may be the one meant.
            let neighbour = [1i64, -1, 2, -2]
                .iter()
                .filter_map(|d| u32::try_from(i64::from(c.paragraph) + d).ok())
                .filter_map(|n| co.paragraph(n))
                .find(|n| c.letters.iter().all(|l| n.sub(*l).is_some()));
            match neighbour {
                Some(n) => {
                    format!("{has}; did you mean {}?", Citation { paragraph: n.number, letters: c.letters.clone() })
                }
                None => has,
            }
        }
        None => {
            let digits = c.paragraph.to_string();
            let swapped: String = digits.chars().rev().collect();
            let swapped = swapped.parse::<u32>().ok().filter(|_| !digits.ends_with('0'));
            match swapped.filter(|n| *n != c.paragraph && co.paragraph(*n).is_some()) {
                Some(n) => format!("{range}; did you mean {}?", Citation { paragraph: n, letters: c.letters.clone() }),
                None => range,
            }
        }
    }
}

/// Where a quoted piece parts from the paragraph: the longest run of its first words (three
/// or more) found in the text, and the text's next words there, as the paragraph writes
/// them.
fn diverges(piece: &str, text: &str) -> Option<(String, String)> {
    let wanted: Vec<String> = piece.split_whitespace().map(excerpt_normal).collect();
    let original: Vec<&str> = text.split_whitespace().collect();
    let words: Vec<String> = original.iter().map(|w| excerpt_normal(w)).collect();
    for k in (3..wanted.len()).rev() {
        let run = &wanted[..k];
        if let Some(at) = words.windows(k).position(|w| w == run) {
            let next = &original[at + k..(at + k + 6).min(original.len())];
            if next.is_empty() {
                return None;
            }
            return Some((original[at..at + k].join(" "), next.join(" ")));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::co::{CoParagraph, CoSection, CoSubparagraph};

    fn para(number: u32, text: &str, subs: &[(&str, &str)]) -> CoParagraph {
        CoParagraph {
            number,
            role: None,
            heading: None,
            text: text.into(),
            subparagraphs: subs
                .iter()
                .map(|(l, t)| CoSubparagraph { letter: (*l).into(), text: (*t).into() })
                .collect(),
            footnotes: Vec::new(),
            earlier: Vec::new(),
        }
    }

    fn co() -> ConcludingObservations {
        let yaml = "symbol: CRPD/C/XYZ/CO/1\ncommittee: CRPD\nstate: X\nsections: []\n";
        let mut co: ConcludingObservations = serde_yaml::from_str(yaml).unwrap();
        co.sections.push(CoSection {
            label: None,
            title: "Concerns".into(),
            paragraphs: vec![
                para(9, "The Committee notes with concern:", &[("a", "The lack of data;"), ("b", "The delays.")]),
                para(
                    10,
                    "The Committee recommends that the State party:",
                    &[
                        ("a", "Collect data on persons with disabilities;"),
                        ("b", "Repeal the law."),
                        ("c", "Train judges."),
                    ],
                ),
                para(11, "The Committee urges the State party to close all institutions.", &[]),
            ],
        });
        co
    }

    #[test]
    fn the_paragraph_that_holds_the_words_is_found_as_narrowly_as_it_can_be_cited() {
        let co = co();
        assert_eq!(holding(&co, "repeal the  LAW"), [Citation { paragraph: 10, letters: vec!['b'] }]);
        assert_eq!(holding(&co, "close all institutions"), [Citation::whole(11)]);
        // Lead-in words are the whole paragraph's.
        assert_eq!(holding(&co, "recommends that the State party"), [Citation::whole(10)]);
        // Across two sub-paragraphs: the paragraph.
        assert_eq!(holding(&co, "Collect data … Repeal the law"), [Citation::whole(10)]);
        assert!(holding(&co, "abolish the death penalty").is_empty());
    }

    #[test]
    fn a_missing_paragraph_or_letter_gets_a_near_one() {
        let co = co();
        // 9 (c) does not exist, 10 (c) does.
        assert_eq!(
            near(&co, &Citation { paragraph: 9, letters: vec!['c'] }),
            "paragraph 9 has (a)–(b); did you mean 10 (c)?"
        );
        assert_eq!(near(&co, &Citation::whole(90)), "its paragraphs run from 9 to 11");
        assert_eq!(near(&co, &Citation::whole(1)), "its paragraphs run from 9 to 11");
        assert_eq!(near(&co, &Citation::whole(0)), "its paragraphs run from 9 to 11");
    }

    #[test]
    fn transposed_digits_are_suggested() {
        let mut co = co();
        co.sections[0].paragraphs.push(para(31, "Thirty-one.", &[]));
        assert_eq!(near(&co, &Citation::whole(13)), "its paragraphs run from 9 to 31; did you mean 31?");
    }

    #[test]
    fn where_a_quote_parts_from_the_text() {
        let text =
            "The Committee recommends that the State party withdraw its declaration and reservation to article 12 (4).";
        assert_eq!(
            diverges("withdraw its declarations and reservation", text),
            None,
            "two words agree: too few to say"
        );
        assert_eq!(
            diverges("the State party withdraw its reservations to article 12", text),
            Some(("the State party withdraw its".to_owned(), "declaration and reservation to article 12".to_owned()))
        );
    }

    #[test]
    fn symbols_of_the_same_series() {
        assert!(same_symbol("crpd/c/can/co/1", "CRPD/C/CAN/CO/1 "));
        assert!(same_series("CRPD/C/CAN/CO/1", "CRPD/C/CAN/CO/2-3"));
        assert!(!same_series("CRPD/C/CAN/CO/1", "CRPD/C/CAM/CO/1"));
        assert!(!same_series("CRPD/C/CAN/CO/l", "CRPD/C/CAN/CO/1"));
    }

    /// Quotes taken from the text `pdftotext` gives for each real first review (as an advocate
    /// copies words from the PDF) checked against the same document imported from the PDF
    /// itself, as `import-co --previous` reads it. For each paragraph of ten words or more,
    /// three ten-word windows (its start, middle and end): is the quote accepted at its
    /// paragraph, and, cited at a wrong one, does the hint name its paragraph (alone, or with
    /// the others that hold the same words)?
    /// Canada's first review was looked at while writing the check (the golden test); the
    /// others were not. Figures in docs/review-cycle.md.
    #[test]
    fn previous_real_quotes_from_the_pdf_text() {
        use crate::import::{extract_file, import_extracted};
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real-co");
        let documents = [
            "cycles/CRPD_C_AZE_CO_1",
            "cycles/CRPD_C_BLR_CO_1",
            "cycles/CRPD_C_CAN_CO_1",
            "cycles/CRPD_C_DEU_CO_1",
            "cycles/CRPD_C_DNK_CO_1",
            "cycles/CRPD_C_ECU_CO_1",
            "cycles/CRPD_C_SLV_CO_1",
            "CRPD_C_ESP_CO_1",
        ];
        let mut report = String::new();
        let (mut all, mut all_accepted, mut all_named, mut all_alone) = (0, 0, 0, 0);
        for name in documents {
            let import = |ext: &str| {
                let path = root.join(format!("{name}.{ext}"));
                import_extracted(&path, &extract_file(&path).unwrap(), None).co
            };
            let (pdf, txt) = (import("pdf"), import("txt"));
            let (mut n, mut accepted, mut named, mut alone) = (0, 0, 0, 0);
            let mut misses = Vec::new();
            for (_, p) in txt.paragraphs() {
                let full = p.full_text();
                let words: Vec<&str> = full.split_whitespace().collect();
                if words.len() < 10 {
                    continue;
                }
                let mid = (words.len() - 10) / 2;
                for at in [0, mid, words.len() - 10] {
                    let window = words[at..at + 10].join(" ");
                    n += 1;
                    let right = Citation::whole(p.number);
                    if resolve(&pdf, &right).is_ok()
                        && excerpt_mismatch(&window, &crate::brief::compare::quote(&pdf, &right).flat_text()).is_none()
                    {
                        accepted += 1;
                    } else {
                        misses.push(format!("{} para. {}: {window}", txt.symbol, p.number));
                    }
                    let holders = holding(&pdf, &window);
                    if holders.iter().any(|h| h.paragraph == p.number) {
                        named += 1;
                        if holders.len() == 1 {
                            alone += 1;
                        }
                    }
                }
            }
            report.push_str(&format!(
                "{}: {n} quotes, {accepted} accepted at their paragraph, {named} found by the hint ({alone} alone)\n",
                pdf.symbol
            ));
            for m in misses.iter().take(5) {
                report.push_str(&format!("    missed: {m}\n"));
            }
            all += n;
            all_accepted += accepted;
            all_named += named;
            all_alone += alone;
        }
        report.push_str(&format!(
            "all: {all} quotes, {all_accepted} accepted, {all_named} found by the hint ({all_alone} alone)\n"
        ));
        eprintln!("{report}");
        assert!(all > 1500, "{report}");
        assert_eq!(all_accepted, all, "a right quote was refused:\n{report}");
        assert_eq!(all_named, all, "a hint would miss the paragraph:\n{report}");
        assert!(all_alone * 100 >= all * 97, "too many hints name several paragraphs:\n{report}");
    }
}
