//! The follow-up paragraph near the end of the document: which recommendations the State must
//! report on, by when, and when the next periodic report is due.

use super::ImportWarning;
use super::dates::{Date, find_dates, find_years, small_number};
use crate::model::citation::parse_citations;
use crate::model::co::{CoParagraph, CoSection, FollowUp};
use std::collections::BTreeMap;

/// Reads the follow-up procedure and the next report's date from the paragraphs.
pub(crate) fn read_follow_up(
    sections: &[CoSection],
    para_lines: &BTreeMap<u32, usize>,
    adopted: Option<Date>,
    warnings: &mut Vec<ImportWarning>,
) -> Option<FollowUp> {
    let paragraphs: Vec<&CoParagraph> = sections.iter().flat_map(|s| s.paragraphs.iter()).collect();
    let line_of = |n: u32| para_lines.get(&n).copied().unwrap_or(0);
    let mut follow_up = FollowUp::default();
    // Without a follow-up paragraph, the next report is looked for in the last section only,
    // so that the introduction's "considered the third periodic report" is never taken.
    let last_section = sections.iter().rev().find(|s| !s.paragraphs.is_empty());
    let mut search_from = last_section
        .and_then(|s| s.paragraphs.first())
        .and_then(|first| paragraphs.iter().position(|p| p.number == first.number))
        .unwrap_or(0);
    let mut failure: Option<ImportWarning> = None;
    for (idx, p) in paragraphs.iter().enumerate().rev() {
        let text = p.full_text().replace('\n', " ");
        if !is_follow_up_paragraph(&text) {
            continue;
        }
        let Some(cited) = cited_paragraphs(&text) else { continue };
        match parse_citations(&cited) {
            Ok(citations) => {
                follow_up.selected = citations.iter().map(ToString::to_string).collect();
                follow_up.paragraph = Some(p.number);
                follow_up.deadline = deadline(&text, adopted, line_of(p.number), warnings);
                search_from = idx;
                failure = None;
                break;
            }
            Err(e) => {
                failure.get_or_insert(ImportWarning::new(
                    line_of(p.number),
                    format!("paragraph {} looks like the follow-up paragraph, but the paragraphs it selects (\"{cited}\") could not be read: {e}", p.number),
                ));
            }
        }
    }
    warnings.extend(failure);
    follow_up.next_report = paragraphs
        .get(search_from..)
        .unwrap_or_default()
        .iter()
        .find_map(|p| next_report(&p.full_text().replace('\n', " ")));
    (follow_up.paragraph.is_some() || follow_up.next_report.is_some()).then_some(follow_up)
}

/// Whether a paragraph asks the State for information, within a time, on selected
/// recommendations: it cites paragraphs, speaks of information, implementation or follow-up,
/// and sets a period or a date. The CERD's "paragraphs of particular importance", which asks
/// for information in the next report without a deadline, is not one.
fn is_follow_up_paragraph(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("para")
        && (lower.contains("information") || lower.contains("follow-up"))
        && (lower.contains("implement") || lower.contains("follow-up") || lower.contains("steps taken"))
        && (lower.contains("within") || !find_dates(text).is_empty())
}

/// The citation list of the follow-up paragraph: "9, 12, 13 and 22" out of "… in paragraphs 9,
/// 12, 13 and 22 above", without topic words in brackets ("9 (non-discrimination)").
pub(crate) fn cited_paragraphs(text: &str) -> Option<String> {
    let end = text.rfind(" above").or_else(|| {
        let from = text.rfind("paragraphs ")?;
        text[from..].find(['.', ';']).map(|k| from + k)
    })?;
    let before = &text[..end];
    // The last word "paragraphs", "paragraph", "paras." or "para." (the CAT's "(see paras. 14
    // (a) …"), not "para" inside another word ("separate").
    let word_end = before
        .match_indices("para")
        .filter(|(k, _)| !before[..*k].ends_with(char::is_alphabetic))
        .filter_map(|(k, _)| {
            let end = before[k..].find(|c: char| !(c.is_alphabetic() || c == '.')).map_or(before.len(), |e| k + e);
            matches!(before[k..end].trim_end_matches('.'), "para" | "paras" | "paragraph" | "paragraphs").then_some(end)
        })
        .last()?;
    let list = &before[word_end..];
    Some(strip_topics(list).trim().to_owned())
}

/// Removes brackets that hold words rather than a sub-paragraph letter:
/// "9 (non-discrimination), 17 (a)" → "9, 17 (a)".
fn strip_topics(list: &str) -> String {
    let mut out = String::new();
    let mut rest = list;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|k| open + k) else { break };
        let inside = &rest[open + 1..close];
        out.push_str(&rest[..open]);
        if inside.len() == 1 && inside.chars().all(|c| c.is_ascii_lowercase()) {
            out.push_str(&rest[open..=close]);
        } else {
            let trimmed = out.trim_end().len();
            out.truncate(trimmed);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The deadline: an explicit date ("by 25 July 2028"), or "within one year" / "within two
/// years" / "within 18 months" counted from the adoption date.
fn deadline(text: &str, adopted: Option<Date>, line: usize, warnings: &mut Vec<ImportWarning>) -> Option<String> {
    if let Some(d) = find_dates(text).first() {
        return Some(d.date.to_string());
    }
    let lower = text.to_lowercase();
    let k = lower.find("within ")?;
    let mut words = lower[k + "within ".len()..].split([' ', ',']);
    let amount = small_number(words.next()?)?;
    let unit = words.next()?;
    let months = if unit.starts_with("year") {
        amount * 12
    } else if unit.starts_with("month") {
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
/// year ("… prior to the submission of the report in 2031").
fn next_report(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let k = lower.find("next periodic report").or_else(|| {
        let r = lower.find("periodic report")?;
        (lower.contains("submit") || lower.contains("list of issues")).then_some(r)
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

    /// The cited list out of each committee's follow-up wording, and the decoy that is not one.
    #[test]
    fn citation_lists() {
        let ccpr = "In accordance with rule 71, paragraph 5, of the Committee’s rules of procedure, the State party \
                    should provide, within one year, relevant information on its implementation of the Committee’s \
                    recommendations made in paragraphs 9, 12, 13 and 22 above.";
        assert_eq!(cited_paragraphs(ccpr).as_deref(), Some("9, 12, 13 and 22"));
        let cerd = "the Committee requests the State party to provide, within one year of the adoption of the present \
                    concluding observations, information on its implementation of the recommendations contained in \
                    paragraphs 17 (a), 19 (c), 23 (a) and 36 (a)–(d) above.";
        assert_eq!(cited_paragraphs(cerd).as_deref(), Some("17 (a), 19 (c), 23 (a) and 36 (a)–(d)"));
        let topics = "by 25 July 2028, information on the implementation of the recommendations made by the Committee \
                      in paragraphs 14 (non-discrimination), 34 (torture and ill-treatment) and 44 (freedom of peaceful assembly) above.";
        assert_eq!(cited_paragraphs(topics).as_deref(), Some("14, 34 and 44"));
        let cat = "In connection with the Committee’s follow-up procedure, the State party is requested to provide, by \
                   29 July 2026, information on follow-up to the Committee’s recommendations on safeguards, \
                   investigations and conditions of detention (see paras. 14 (a), 22 (b) and 37 (c) above).";
        assert!(is_follow_up_paragraph(cat));
        assert_eq!(cited_paragraphs(cat).as_deref(), Some("14 (a), 22 (b) and 37 (c)"));
        let cescr = "The Committee requests the State party to provide, within 24 months of the adoption of the present \
                     concluding observations, information on the implementation of the recommendations contained in \
                     paragraphs 10 (a) (national human rights institution) and 36 (b) (minimum wage) above.";
        assert!(is_follow_up_paragraph(cescr));
        assert_eq!(cited_paragraphs(cescr).as_deref(), Some("10 (a) and 36 (b)"));
        let separate = "within one year, information on the implementation of the recommendations in paragraphs \
                        9 (separate detention facilities) and 12 above.";
        assert_eq!(cited_paragraphs(separate).as_deref(), Some("9 and 12"));
        let cedaw = "The Committee requests the State party to provide, within two years, written information on the \
                     steps taken to implement the recommendations contained in paragraphs 12 (b) and 40 (b) above.";
        assert!(is_follow_up_paragraph(cedaw));
        let importance = "The Committee wishes to draw the attention of the State party to the particular importance of \
                          the recommendations contained in paragraphs 9, 15 and 30 above and requests it to provide \
                          information in its next periodic report on the concrete measures taken to implement them.";
        assert!(!is_follow_up_paragraph(importance));
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
            next_report("The Committee requests the State party to submit its next periodic report by 3 January 2029.")
                .as_deref(),
            Some("2029-01-03")
        );
        assert_eq!(
            next_report(
                "In the light of the Committee’s predictable review cycle, the State party will receive the \
                         Committee’s list of issues prior to the submission of the report in 2031 and will be expected \
                         to submit within one year its replies, which will constitute its fourth periodic report."
            )
            .as_deref(),
            Some("2031")
        );
    }
}
