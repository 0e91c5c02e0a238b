//! The follow-up paragraph near the end of the document: which recommendations the State must
//! report on, by when, and when the next periodic report is due.

use super::ImportWarning;
use super::dates::{Date, find_dates, find_years, small_number};
use crate::model::Citation;
use crate::model::co::{CoParagraph, CoSection, FollowUp, FollowUpKind, Selection};
use std::collections::BTreeMap;

/// Reads the follow-up procedure, the "paragraphs of particular importance" and the next
/// report's date from the paragraphs.
///
/// The selection is found by its place and its references, not by its wording: in the last
/// third of the document (at least its last six paragraphs), the paragraphs that name earlier paragraphs of this document by
/// number, outside brackets (a bracket names another document's paragraph: "(CRPD/C/ECU/CO/1,
/// par. 9)", "general comment No. 7 (paras. 60 and 61)"). The last such paragraph is the
/// selection; a second one just before it is the CERD's pair (the follow-up within a period,
/// and the "particular importance" list for the next report). Which of a pair is which, and
/// the kind, come from what the paragraphs ask: a period or a date makes the follow-up with a
/// deadline; a single paragraph without one draws attention to urgent measures.
pub(crate) fn read_follow_up(
    sections: &[CoSection],
    para_lines: &BTreeMap<u32, usize>,
    adopted: Option<Date>,
    warnings: &mut Vec<ImportWarning>,
) -> Option<FollowUp> {
    let paragraphs: Vec<&CoParagraph> = sections.iter().flat_map(|s| s.paragraphs.iter()).collect();
    let line_of = |n: u32| para_lines.get(&n).copied().unwrap_or(0);
    let numbers: Vec<u32> = paragraphs.iter().map(|p| p.number).collect();
    let mut follow_up = FollowUp::default();
    // Only the last third (at least the last six paragraphs) is searched, so that a concern
    // citing an earlier paragraph is never taken.
    let from = paragraphs.len().saturating_sub((paragraphs.len() / 3).max(6));
    let citing: Vec<(usize, Vec<String>)> = paragraphs
        .iter()
        .enumerate()
        .skip(from)
        .map(|(i, p)| (i, own_refs(&p.full_text().replace('\n', " "), p.number)))
        .filter(|(_, refs)| !refs.is_empty())
        .collect();
    // The last citing paragraph, and the one before it when it stands close by (the CERD's
    // follow-up paragraph followed by its "particular importance" one).
    let mut chosen: Vec<(usize, Vec<String>)> = Vec::new();
    if let Some(last) = citing.last() {
        chosen.push(last.clone());
        if let Some(before) = citing.iter().rev().nth(1)
            && last.0 - before.0 <= 3
        {
            chosen.insert(0, before.clone());
        }
    }
    let text_of = |i: usize| paragraphs[i].full_text().replace('\n', " ");
    let dated = |i: usize| has_period_or_date(&text_of(i));
    // Which one selects for follow-up: the one with a period or a date; failing that, the one
    // that does not speak of particular importance; failing that, the first.
    let follow_idx = chosen
        .iter()
        .position(|(i, _)| dated(*i))
        .or_else(|| chosen.iter().position(|(i, _)| !is_particular_importance(&text_of(*i))));
    for (k, (i, refs)) in chosen.iter().enumerate() {
        let p = paragraphs[*i];
        for r in refs {
            let n: u32 = r.split(' ').next().and_then(|n| n.parse().ok()).unwrap_or(0);
            if !numbers.contains(&n) {
                warnings.push(ImportWarning::new(
                    line_of(p.number),
                    format!("paragraph {} selects paragraph {n}, which was not found in the document", p.number),
                ));
            }
        }
        if Some(k) == follow_idx {
            follow_up.paragraph = Some(p.number);
            follow_up.selected = refs.clone();
            if dated(*i) {
                follow_up.kind = Some(FollowUpKind::Deadline);
                follow_up.deadline = deadline(&text_of(*i), adopted, line_of(p.number), warnings);
            } else {
                follow_up.kind = Some(FollowUpKind::UrgentMeasures);
            }
        } else {
            follow_up.particular_importance = Some(Selection { paragraph: Some(p.number), selected: refs.clone() });
        }
    }
    // A paragraph worded like a follow-up paragraph but naming no paragraph that could be read.
    if follow_up.paragraph.is_none() {
        for p in paragraphs.iter().skip(from) {
            let text = p.full_text().replace('\n', " ");
            if follow_up_kind(&text).is_some() || is_particular_importance(&text) {
                warnings.push(ImportWarning::new(
                    line_of(p.number),
                    format!("paragraph {} looks like the follow-up paragraph, but no paragraph numbers could be read in it; fill in `follow_up.selected` by hand", p.number),
                ));
                break;
            }
        }
    }
    let search_from = chosen.last().map_or(from, |c| c.0);
    follow_up.next_report = paragraphs
        .iter()
        .rev()
        .find(|p| p.heading.as_deref().is_some_and(is_next_report_heading))
        .and_then(|p| next_report(&p.full_text().replace('\n', " "), true))
        .or_else(|| {
            paragraphs
                .get(search_from..)
                .unwrap_or_default()
                .iter()
                .find_map(|p| next_report(&p.full_text().replace('\n', " "), false))
        });
    let found =
        follow_up.paragraph.is_some() || follow_up.next_report.is_some() || follow_up.particular_importance.is_some();
    found.then_some(follow_up)
}

/// The paragraphs of this document that a paragraph names: every list opened by a paragraph
/// word outside brackets (its own number aside). A list
/// inside brackets names another document ("(CRPD/C/ECU/CO/1, par. 9 et 11)", "(A/HRC/33/38,
/// párrs. 71 b) y d))") or a general comment's paragraphs.
fn own_refs(text: &str, own_number: u32) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut out: Vec<String> = Vec::new();
    let mut at = 0;
    while let Some(start) = first_list_word(&lower, at) {
        let depth = lower[..start].matches('(').count().saturating_sub(lower[..start].matches(')').count());
        if depth == 0 {
            for r in cited_refs(text, start) {
                let n: u32 = r.split(' ').next().and_then(|n| n.parse().ok()).unwrap_or(0);
                if n > 0 && n != own_number && !out.contains(&r) {
                    out.push(r);
                }
            }
        }
        at = start + 1;
        while !lower.is_char_boundary(at) {
            at += 1;
        }
    }
    out
}

/// Whether a paragraph gives a time: a date, or a period ("within one year", "dans un délai de
/// douze mois", "en un plazo de 12 meses").
fn has_period_or_date(text: &str) -> bool {
    if !find_dates(text).is_empty() {
        return true;
    }
    let lower = text.to_lowercase();
    PERIOD_WORDS.iter().filter_map(|m| lower.find(m).map(|k| k + m.len())).any(|k| {
        let mut words = lower[k..].split([' ', ',']).filter(|w| !w.is_empty());
        words.next().and_then(small_number).is_some()
            && words
                .next()
                .is_some_and(|u| ["year", "month", "an", "mois", "año", "mes"].iter().any(|p| u.starts_with(p)))
    })
}

/// The words that open a period, in the three languages.
const PERIOD_WORDS: [&str; 9] = [
    "within ",
    "dans un délai de ",
    "dans un délai d’",
    "dans un délai d'",
    "dentro de un plazo de ",
    "en un plazo de ",
    "en el plazo de ",
    "dentro del plazo de ",
    "dentro de ",
];

/// Whether a subject heading announces the next report: "Next report", "Next periodic
/// report", "Prochain rapport périodique", "Próximo informe periódico".
fn is_next_report_heading(heading: &str) -> bool {
    let lower = heading.to_lowercase();
    ["next report", "next periodic report", "prochain rapport", "próximo informe", "proximo informe"]
        .iter()
        .any(|h| lower.starts_with(h))
}

/// The words that open the list of selected paragraphs, in the three languages.
const PARAGRAPH_WORDS: [&str; 11] = [
    "paragraphs",
    "paragraph",
    "paras.",
    "para.",
    "paragraphes",
    "paragraphe",
    "párrafos",
    "párrafo",
    "apartados",
    "apartado",
    "alinéas",
];

/// Whether a paragraph singles out recommendations "of particular importance" (CERD), to be
/// reported on in the next periodic report.
fn is_particular_importance(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["particular importance", "importance particulière", "particular importancia", "especial importancia"]
        .iter()
        .any(|k| lower.contains(k))
        && has_paragraph_word(&lower)
}

/// Whether lower-case text names a paragraph.
fn has_paragraph_word(lower: &str) -> bool {
    PARAGRAPH_WORDS.iter().any(|w| lower.contains(w))
}

/// Whether a paragraph is the follow-up paragraph, of which kind, and where in its text the
/// selection is named:
///
/// - `deadline`: it asks for information on selected recommendations within a period or by a
///   date ("within one year", "within 12 months", "dans un délai de douze mois", "en un plazo
///   de 12 meses", "by 25 July 2028");
/// - `urgent measures`: it draws attention to recommendations needing urgent measures (CRPD
///   since about 2019: "With regard to urgent measures that must be taken …", "Concernant les
///   mesures à prendre d’urgence …", "En relación con las medidas que deben adoptarse con
///   carácter urgente …").
fn follow_up_kind(text: &str) -> Option<(FollowUpKind, usize)> {
    let lower = text.to_lowercase();
    if !has_paragraph_word(&lower) {
        return None;
    }
    let urgent = [
        "urgent measures",
        "mesures à prendre d’urgence",
        "mesures à prendre d'urgence",
        "mesures urgentes",
        "medidas urgentes",
        "carácter urgente",
        "con urgencia",
    ];
    if let Some(k) = urgent.iter().filter_map(|u| lower.find(u)).min() {
        return Some((FollowUpKind::UrgentMeasures, k));
    }
    let asks = ["information", "renseignements", "informations", "información", "follow-up", "suivi", "seguimiento"];
    let implement = [
        "implement",
        "follow-up",
        "steps taken",
        "mise en œuvre",
        "suite donnée",
        "aplicación",
        "seguimiento",
        "aplicar",
    ];
    let period = ["within ", "dans un délai", "d’ici", "dentro de", "en un plazo", "en el plazo", "plazo de"];
    let asks_ok = asks.iter().any(|a| lower.contains(a));
    let implement_ok = implement.iter().any(|a| lower.contains(a));
    let when_ok = period.iter().any(|a| lower.contains(a)) || !find_dates(text).is_empty();
    (asks_ok && implement_ok && when_ok && !is_particular_importance(text)).then_some((FollowUpKind::Deadline, 0))
}

/// The recommendations a paragraph selects, as citations ("25", "35 (a)", "36 (a)–(d)"), read
/// from the first paragraph word at or after byte `from` to the end of that sentence. Topic
/// words in brackets ("12 (children with disabilities)") or after a comma ("8, on general
/// obligations, 20, on the right to life") are skipped; letters may be written "(a)", "(a)" glued
/// to the number ("35(a)") or "a)", and "los apartados b) y c) del párrafo 16" gives "16 (b)–(c)".
pub(crate) fn cited_refs(text: &str, from: usize) -> Vec<String> {
    let lower = text.to_lowercase();
    let from = floor_char_boundary(&lower, from.min(lower.len()));
    let Some(start) = first_list_word(&lower, from) else { return Vec::new() };
    let end = sentence_end(&lower, start);
    let tokens = ref_tokens(&lower[start..end]);
    let mut out: Vec<Citation> = Vec::new();
    let mut pending_letters: Vec<char> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            RefToken::Number(n) => {
                let ok_before = i == 0
                    || matches!(tokens[i - 1], RefToken::Word(ref w) if is_list_word(w))
                    || matches!(tokens[i - 1], RefToken::Comma);
                // A number right after a topic phrase's comma is a paragraph only if what follows
                // it is a list continuation, a letter or the end: "20, on the right" qualifies.
                if !ok_before || *n == 0 || *n > 999 {
                    i += 1;
                    continue;
                }
                let mut letters = std::mem::take(&mut pending_letters);
                let mut j = i + 1;
                let mut range_from: Option<char> = None;
                loop {
                    match tokens.get(j) {
                        Some(RefToken::Letter(c)) => {
                            if let Some(a) = range_from.take() {
                                letters.extend(((a as u8 + 1)..=(*c as u8)).map(char::from));
                            } else {
                                letters.push(*c);
                            }
                            j += 1;
                        }
                        Some(RefToken::Dash)
                            if matches!(tokens.get(j + 1), Some(RefToken::Letter(_))) && !letters.is_empty() =>
                        {
                            range_from = letters.last().copied();
                            j += 1;
                        }
                        Some(RefToken::Word(w))
                            if is_and(w)
                                && matches!(tokens.get(j + 1), Some(RefToken::Letter(_)))
                                && !letters.is_empty() =>
                        {
                            j += 1;
                        }
                        Some(RefToken::Comma)
                            if matches!(tokens.get(j + 1), Some(RefToken::Letter(_))) && !letters.is_empty() =>
                        {
                            j += 1;
                        }
                        _ => break,
                    }
                }
                letters.sort_unstable();
                letters.dedup();
                match out.iter_mut().find(|c| c.paragraph == *n) {
                    Some(c) if !c.letters.is_empty() && !letters.is_empty() => {
                        c.letters.extend(letters);
                        c.letters.sort_unstable();
                        c.letters.dedup();
                    }
                    Some(_) => {}
                    None => out.push(Citation { paragraph: *n, letters }),
                }
                i = j;
            }
            RefToken::Letter(c) => {
                // Letters before their paragraph: "los apartados b) y c) del párrafo 16".
                pending_letters.push(*c);
                i += 1;
            }
            _ => i += 1,
        }
    }
    out.iter().map(ToString::to_string).collect()
}

/// The first paragraph word at or after `from` that opens a list of ours, not one that
/// belongs to a rule or an article ("rule 71, paragraph 5, of the rules of procedure").
fn first_list_word(lower: &str, from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let s = PARAGRAPH_WORDS.iter().filter_map(|w| find_word(lower, w, at)).min()?;
        let before = lower[..s].trim_end_matches([' ', ',']);
        let number = before.trim_end_matches(|c: char| c.is_ascii_digit() || c == '(' || c == ')' || c == ' ');
        let of_rule = number.len() < before.len()
            && ["rule", "article", "règle", "artículo", "art.", "arts."].iter().any(|w| number.trim_end().ends_with(w));
        if !of_rule {
            return Some(s);
        }
        at = s + 1;
        while !lower.is_char_boundary(at) {
            at += 1;
        }
    }
}

/// The largest char boundary at or below `i`.
fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The first occurrence of `word` at or after `from`, as a whole word.
fn find_word(lower: &str, word: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(k) = lower[at..].find(word) {
        let s = at + k;
        let e = s + word.len();
        let before_ok = !lower[..s].ends_with(char::is_alphabetic);
        let after_ok = !lower[e..].starts_with(char::is_alphabetic);
        if before_ok && after_ok {
            return Some(s);
        }
        at = e;
    }
    None
}

/// The end of the sentence that starts before `from`: a full stop followed by a space and a
/// capital (or the end), not the full stop of an abbreviation ("para.", "arts.", "No.").
fn sentence_end(lower: &str, from: usize) -> usize {
    let bytes = lower.as_bytes();
    let mut i = from;
    while let Some(k) = lower[i..].find('.') {
        let dot = i + k;
        let word_start =
            lower[..dot].char_indices().rev().find(|(_, c)| !c.is_alphanumeric()).map_or(0, |(w, c)| w + c.len_utf8());
        let word = &lower[word_start..dot];
        let abbreviation =
            matches!(word, "para" | "paras" | "art" | "arts" | "no" | "nos" | "núm" | "párr" | "p" | "pp");
        let next = bytes.get(dot + 1);
        if !abbreviation && next.is_none_or(|b| *b == b' ') {
            return dot;
        }
        i = dot + 1;
    }
    lower.len()
}

/// A piece of a citation list.
#[derive(Debug, Clone, PartialEq)]
enum RefToken {
    /// A number.
    Number(u32),
    /// A sub-paragraph letter, written "(a)" or "a)".
    Letter(char),
    /// A dash between letters.
    Dash,
    /// A comma or semicolon.
    Comma,
    /// Any other word.
    Word(String),
}

/// Splits a citation list into tokens; brackets holding anything but one letter (topics such
/// as "(children with disabilities)") are dropped, and so is a number that follows a word
/// introducing other numbers ("article 35 (2)", "general comment No. 7").
fn ref_tokens(text: &str) -> Vec<RefToken> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '(' {
            let close = chars[i..].iter().position(|&x| x == ')').map(|k| i + k);
            match close {
                Some(cl) if cl == i + 2 && chars[i + 1].is_ascii_lowercase() => {
                    out.push(RefToken::Letter(chars[i + 1]))
                }
                Some(cl) if cl > i + 1 && chars[i + 1..cl].iter().all(char::is_ascii_digit) => {
                    // "article 35 (2)": a numbered paragraph of a treaty article, not ours.
                }
                Some(_) => {}
                None => break,
            }
            i = close.map_or(chars.len(), |cl| cl + 1);
            continue;
        }
        if c.is_ascii_digit() {
            let s = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let n: String = chars[s..i].iter().collect();
            let after_decimal =
                i < chars.len() && chars[i] == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit);
            let introduced = matches!(out.last(), Some(RefToken::Word(w)) if is_other_number_word(w));
            if !after_decimal && !introduced {
                out.push(RefToken::Number(n.parse().unwrap_or(0)));
            } else {
                out.push(RefToken::Word(n));
            }
            continue;
        }
        if c.is_alphabetic() {
            let s = i;
            while i < chars.len()
                && (chars[i].is_alphabetic() || chars[i] == '.' || chars[i] == '’' || chars[i] == '\'')
            {
                i += 1;
            }
            let w: String = chars[s..i].iter().collect();
            // "b)" : a letter in the French and Spanish style.
            if w.chars().count() == 1 && chars.get(i) == Some(&')') && w.chars().all(|c| c.is_ascii_lowercase()) {
                out.push(RefToken::Letter(w.chars().next().unwrap_or('a')));
                i += 1;
                continue;
            }
            out.push(RefToken::Word(w.trim_end_matches('.').to_owned()));
            continue;
        }
        match c {
            ',' | ';' => out.push(RefToken::Comma),
            '–' | '-' | '—' => out.push(RefToken::Dash),
            _ => {}
        }
        i += 1;
    }
    out
}

/// Words after which a number in a list is a paragraph: the paragraph words, "and", "or",
/// and the prepositions that join them ("in paragraph 20 …; and in paragraph 31").
fn is_list_word(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    is_and(w) || PARAGRAPH_WORDS.iter().any(|p| p.trim_end_matches('.') == w)
}

/// "and" in the three languages.
fn is_and(w: &str) -> bool {
    matches!(w, "and" | "et" | "y" | "e" | "or" | "ou" | "o")
}

/// Words after which a number is not one of ours: "article 35", "No. 7", "rule 65".
fn is_other_number_word(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    matches!(
        w,
        "article"
            | "articles"
            | "art"
            | "arts"
            | "artículo"
            | "artículos"
            | "no"
            | "nos"
            | "núm"
            | "rule"
            | "règle"
            | "artigo"
            | "comment"
            | "general"
            | "observación"
            | "observation"
            | "résolution"
            | "resolution"
    )
}

/// The deadline: an explicit date ("by 25 July 2028"), or a period counted from the adoption
/// date ("within one year", "within 12 months", "dans un délai de douze mois", "en un plazo
/// de un año").
fn deadline(text: &str, adopted: Option<Date>, line: usize, warnings: &mut Vec<ImportWarning>) -> Option<String> {
    if let Some(d) = find_dates(text).first() {
        return Some(d.date.to_string());
    }
    let lower = text.to_lowercase();
    let k = PERIOD_WORDS.iter().filter_map(|m| lower.find(m).map(|k| k + m.len())).min()?;
    let mut words = lower[k..].split([' ', ',']).filter(|w| !w.is_empty());
    let amount = small_number(words.next()?)?;
    let unit = words.next()?;
    let months = if unit.starts_with("year") || unit.starts_with("an") || unit.starts_with("año") {
        amount * 12
    } else if unit.starts_with("month") || unit.starts_with("mois") || unit.starts_with("mes") {
        amount
    } else {
        return None;
    };
    match adopted {
        Some(a) => Some(a.add_months(months).to_string()),
        None => {
            warnings.push(ImportWarning::new(
                line,
                "the follow-up deadline is given as a period from adoption, but the date of adoption was not found",
            ));
            None
        }
    }
}

/// The next periodic report's date ("submit its fourth periodic report by 25 July 2031") or
/// year ("… prior to the submission of the report in 2031"). Under a "Next report" heading
/// (`headed`), the first date of the paragraph is taken.
fn next_report(text: &str, headed: bool) -> Option<String> {
    if headed && let Some(d) = find_dates(text).first() {
        return Some(d.date.to_string());
    }
    let lower = text.to_lowercase();
    let k = ["next periodic report", "prochain rapport", "próximo informe"]
        .iter()
        .find_map(|m| lower.find(m))
        .or_else(|| {
            let r = [
                "periodic report",
                "rapport périodique",
                "rapports périodiques",
                "informe periódico",
                "informes periódicos",
            ]
            .iter()
            .find_map(|m| lower.find(m))?;
            ["submit", "list of issues", "soumettre", "presente", "presentar", "liste de points", "lista de cuestiones"]
                .iter()
                .any(|m| lower.contains(m))
                .then_some(r)
        })?;
    let anchor = lower[..k].rfind(". ").map_or(0, |s| s + 2);
    let sentence_end = lower[k..].find(". ").map_or(text.len(), |e| k + e + 1);
    let scope = &text[anchor..sentence_end];
    if let Some(d) = find_dates(scope).first() {
        return Some(d.date.to_string());
    }
    let scope = &text[anchor..];
    if let Some(d) = find_dates(scope).first() {
        return Some(d.date.to_string());
    }
    find_years(scope).first().map(|(_, y)| y.to_string())
}

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;

    /// The selected list as citations, and the kind of paragraph.
    fn refs(text: &str) -> Vec<String> {
        let anchor = follow_up_kind(text).map_or(0, |(_, a)| a);
        cited_refs(text, anchor)
    }

    /// The cited list out of each committee's follow-up wording, and the decoy that is not one.
    #[test]
    fn citation_lists() {
        let ccpr = "In accordance with rule 71, paragraph 5, of the Committee’s rules of procedure, the State party \
                    should provide, within one year, relevant information on its implementation of the Committee’s \
                    recommendations made in paragraphs 9, 12, 13 and 22 above.";
        assert_eq!(follow_up_kind(ccpr).map(|k| k.0), Some(FollowUpKind::Deadline));
        assert_eq!(refs(ccpr), ["9", "12", "13", "22"]);
        let cerd = "the Committee requests the State party to provide, within one year of the adoption of the present \
                    concluding observations, information on its implementation of the recommendations contained in \
                    paragraphs 17 (a), 19 (c), 23 (a) and 36 (a)–(d) above.";
        assert_eq!(refs(cerd), ["17 (a)", "19 (c)", "23 (a)", "36 (a)–(d)"]);
        let topics = "by 25 July 2028, information on the implementation of the recommendations made by the Committee \
                      in paragraphs 14 (non-discrimination), 34 (torture and ill-treatment) and 44 (freedom of peaceful assembly) above.";
        assert_eq!(refs(topics), ["14", "34", "44"]);
        let cat = "In connection with the Committee’s follow-up procedure, the State party is requested to provide, by \
                   29 July 2026, information on follow-up to the Committee’s recommendations on safeguards, \
                   investigations and conditions of detention (see paras. 14 (a), 22 (b) and 37 (c) above).";
        assert!(follow_up_kind(cat).is_some());
        assert_eq!(refs(cat), ["14 (a)", "22 (b)", "37 (c)"]);
        let cescr = "The Committee requests the State party to provide, within 24 months of the adoption of the present \
                     concluding observations, information on the implementation of the recommendations contained in \
                     paragraphs 10 (a) (national human rights institution) and 36 (b) (minimum wage) above.";
        assert!(follow_up_kind(cescr).is_some());
        assert_eq!(refs(cescr), ["10 (a)", "36 (b)"]);
        let separate = "within one year, information on the implementation of the recommendations in paragraphs \
                        9 (separate detention facilities) and 12 above.";
        assert_eq!(refs(separate), ["9", "12"]);
        let cedaw = "The Committee requests the State party to provide, within two years, written information on the \
                     steps taken to implement the recommendations contained in paragraphs 12 (b) and 40 (b) above.";
        assert!(follow_up_kind(cedaw).is_some());
        let importance = "The Committee wishes to draw the attention of the State party to the particular importance of \
                          the recommendations contained in paragraphs 9, 15 and 30 above and requests it to provide \
                          information in its next periodic report on the concrete measures taken to implement them.";
        assert!(follow_up_kind(importance).is_none());
        assert!(is_particular_importance(importance));
        assert_eq!(cited_refs(importance, 0), ["9", "15", "30"]);
    }

    /// The CRPD's forms: "within 12 months", a letter glued to its number, topics in brackets
    /// or after commas, "urgent measures" in three languages, and the Spanish "apartados".
    #[test]
    fn crpd_and_other_language_forms() {
        let brazil = "The Committee requests that the State party, within 12 months and in accordance with article 35 \
                      (2) of the Convention, provide information in writing on the measures taken to implement the \
                      Committee’s recommendations as set forth in paragraphs 25 and 35(a) above.";
        assert_eq!(follow_up_kind(brazil).map(|k| k.0), Some(FollowUpKind::Deadline));
        assert_eq!(refs(brazil), ["25", "35 (a)"]);
        let mut w = Vec::new();
        assert_eq!(deadline(brazil, Date::new(2015, 9, 1), 1, &mut w).as_deref(), Some("2016-09-01"));
        let canada = "The Committee emphasizes the importance of all the recommendations contained in the present \
                      concluding observations. With regard to urgent measures that must be taken, the Committee would \
                      like to draw the State Party’s attention to the recommendations contained in paragraphs 8, on \
                      general obligations, 20, on the right to life, and 56, on an adequate standard of living.";
        assert_eq!(follow_up_kind(canada).map(|k| k.0), Some(FollowUpKind::UrgentMeasures));
        assert_eq!(refs(canada), ["8", "20", "56"]);
        let china = "With regard to urgent measures that must be taken, the Committee would like to draw the State \
                     party’s attention to the recommendations contained in paragraph 20, on the shift from the medical \
                     model to the human rights model of disability; in paragraph 31, on access to justice; and in \
                     paragraph 41, on living independently and being included in the community.";
        assert_eq!(refs(china), ["20", "31", "41"]);
        let ecuador = "Le Comité souligne l’importance de toutes les recommandations énoncées dans les présentes \
                       observations générales. Concernant les mesures à prendre d’urgence, il tient à appeler \
                       l’attention de l’État partie sur les recommandations figurant aux paragraphes 10 (harmonisation \
                       de la législation) et 60 (mécanisme indépendant de suivi). Il recommande de fixer des objectifs.";
        assert_eq!(follow_up_kind(ecuador).map(|k| k.0), Some(FollowUpKind::UrgentMeasures));
        assert_eq!(refs(ecuador), ["10", "60"]);
        let salvador = "En relación con las medidas que deben adoptarse con carácter urgente, el Comité desea señalar \
                        a la atención del Estado parte las recomendaciones que figuran en el párrafo 5 sobre los \
                        principios y obligaciones generales y el párrafo 63 sobre la aplicación y el seguimiento nacionales.";
        assert_eq!(refs(salvador), ["5", "63"]);
        let saudi = "Con respecto a las medidas urgentes que deben adoptarse, el Comité desea señalar a la atención del \
                     Estado parte las recomendaciones que figuran en los párrafos 6, relativas a la aplicación nacional \
                     de la Convención, y 28, relativas a la protección contra la tortura.";
        assert_eq!(refs(saudi), ["6", "28"]);
        let french_deadline = "Le Comité demande à l’État partie de lui fournir, dans un délai de douze mois, des \
                               renseignements sur la mise en œuvre des recommandations figurant aux paragraphes 6 (mise \
                               en œuvre de la Convention) et 20 ci-dessus.";
        assert_eq!(follow_up_kind(french_deadline).map(|k| k.0), Some(FollowUpKind::Deadline));
        assert_eq!(refs(french_deadline), ["6", "20"]);
        assert_eq!(deadline(french_deadline, Date::new(2019, 9, 17), 1, &mut w).as_deref(), Some("2020-09-17"));
        let apartados = "El Comité solicita al Estado parte que, en el plazo de un año, proporcione información sobre \
                         la aplicación de las recomendaciones que figuran en los apartados b) y c) del párrafo 16 y en \
                         el párrafo 30.";
        assert_eq!(refs(apartados), ["16 (b)–(c)", "30"]);
        assert_eq!(deadline(apartados, Date::new(2019, 4, 2), 1, &mut w).as_deref(), Some("2020-04-02"));
        assert!(w.is_empty());
    }

    /// Deadlines from a date or a period after adoption; a period without adoption date is reported.
    #[test]
    fn deadlines() {
        let adopted = Date::new(2025, 7, 11);
        let mut w = Vec::new();
        assert_eq!(
            deadline("provide, within one year, relevant information", adopted, 1, &mut w).as_deref(),
            Some("2026-07-11")
        );
        assert_eq!(
            deadline("provide, within two years, information", adopted, 1, &mut w).as_deref(),
            Some("2027-07-11")
        );
        assert_eq!(
            deadline("is requested to provide, by 25 July 2028, information", adopted, 1, &mut w).as_deref(),
            Some("2028-07-25")
        );
        assert_eq!(deadline("within one year", None, 7, &mut w), None);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].line, 7);
    }

    /// The next report's date, or its year under the CCPR's review cycle.
    #[test]
    fn next_reports() {
        assert_eq!(
            next_report(
                "The Committee requests the State party to submit its next periodic report by 3 January 2029.",
                false
            )
            .as_deref(),
            Some("2029-01-03")
        );
        assert_eq!(
            next_report(
                "In the light of the Committee’s predictable review cycle, the State party will receive the \
                         Committee’s list of issues prior to the submission of the report in 2031 and will be expected \
                         to submit within one year its replies, which will constitute its fourth periodic report.",
                false
            )
            .as_deref(),
            Some("2031")
        );
    }
}
