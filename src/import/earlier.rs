//! The earlier concluding observations a paragraph says it repeats or recalls.
//!
//! Committees cite their previous review in two ways: in the text ("reiterates the
//! recommendation made in its previous concluding observations (CRPD/C/ESP/CO/1, para. 38)",
//! "réitère les recommandations … (CRPD/C/ECU/CO/1, par. 9 et 11)") or in a footnote on the
//! formula ("Recalling its previous concluding observations,⁷" with note 7 "CRPD/C/CAN/CO/1,
//! paras. 27 and 28."). Either way the citation is a concluding-observations symbol of the
//! same committee and State, other than the document's own, and the paragraphs after it. A
//! formula with no citation at all ("reiterates its previous recommendations") is recorded
//! too, without a symbol: the paragraph says it repeats one, but not which.

use super::text::{committee_of_symbol, is_co_symbol, trim_symbol_punctuation};
use crate::model::citation::parse_citations;
use crate::model::co::{ConcludingObservations, EarlierParagraph, Says};

/// Fills `earlier` on every paragraph of `co` from its text, items and footnotes.
/// Footnotes are read in document order, so that "Ibid., para. 7." cites the document of the
/// note before it.
pub(crate) fn fill_earlier(co: &mut ConcludingObservations) {
    let own = co.symbol.clone();
    let mut last_cited: Option<String> = None;
    for section in &mut co.sections {
        for p in &mut section.paragraphs {
            let mut body = p.text.clone();
            for s in &p.subparagraphs {
                body.push('\n');
                body.push_str(&s.text);
            }
            let notes: Vec<String> = p.footnotes.iter().map(|n| resolve_ibid(n, &mut last_cited)).collect();
            p.earlier = earlier_in(&own, &body, &notes);
        }
    }
}

/// A footnote with "Ibid." replaced by the document the note before it cites; `last` is that
/// document, updated with this note's.
fn resolve_ibid(note: &str, last: &mut Option<String>) -> String {
    let trimmed = note.trim_start();
    for ibid in ["Ibid.", "Ibid", "Ibíd.", "Ibidem"] {
        if let Some(rest) = trimmed.strip_prefix(ibid) {
            return match last {
                Some(doc) => format!("{doc}{rest}"),
                None => note.to_owned(),
            };
        }
    }
    // The document a note cites: its first symbol-like word ("CRPD/C/CAN/CO/1,", "A/HRC/40/54").
    *last = note
        .split_whitespace()
        .map(trim_symbol_punctuation)
        .find(|w| w.contains('/') && w.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
        .map(str::to_owned);
    note.to_owned()
}

/// The earlier paragraphs a paragraph (its `body`: text and items; its `notes`) cites, for a
/// document whose own symbol is `own`.
pub(crate) fn earlier_in(own: &str, body: &str, notes: &[String]) -> Vec<EarlierParagraph> {
    let says = says(body);
    let mut out: Vec<EarlierParagraph> = Vec::new();
    for text in std::iter::once(body).chain(notes.iter().map(String::as_str)) {
        for (symbol, paragraphs) in citations(own, text) {
            if out.iter().any(|e| e.symbol.as_deref() == Some(symbol.as_str()) && e.paragraphs == paragraphs) {
                continue;
            }
            out.push(EarlierParagraph { symbol: Some(symbol), paragraphs, says: says.unwrap_or(Says::Cites) });
        }
    }
    if out.is_empty()
        && let Some(says) = says
        && says_previous(body)
    {
        out.push(EarlierParagraph { symbol: None, paragraphs: Vec::new(), says });
    }
    out
}

/// Whether the paragraph says it repeats (`reiterates`, `réitère`, `reitera`) or recalls
/// (`recalls`, `recalling`, `rappelle`, `rappelant`, `recuerda`, `recordando`) something.
fn says(body: &str) -> Option<Says> {
    let lower = body.to_lowercase();
    if ["reiterat", "réitère", "réitérant", "reitera"].iter().any(|k| lower.contains(k)) {
        Some(Says::Reiterates)
    } else if ["recall", "rappel", "recuerda", "recordando"].iter().any(|k| lower.contains(k)) {
        Some(Says::Recalls)
    } else {
        None
    }
}

/// Whether a formula is about the committee's own earlier words ("its previous
/// recommendation", "ses précédentes observations finales", "sus observaciones finales
/// anteriores"), not a general comment or another body's.
fn says_previous(body: &str) -> bool {
    let lower = body.to_lowercase();
    [
        "previous recommendation",
        "previous concluding observations",
        "its previous",
        "précédentes observations",
        "précédentes recommandations",
        "observations finales précédentes",
        "recommandations précédentes",
        "observaciones finales anteriores",
        "recomendaciones anteriores",
        "anteriores observaciones finales",
        "anteriores recomendaciones",
    ]
    .iter()
    .any(|k| lower.contains(k))
}

/// The earlier concluding observations cited in `text`: each symbol (same committee and State
/// as `own`, not `own` itself) with the paragraphs cited right after it, as the committee
/// writes them (`27`, `28`, `35 (a)`).
fn citations(own: &str, text: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some((symbol, after)) = next_symbol(rest) {
        rest = after;
        if symbol == own || !same_state(own, &symbol) {
            continue;
        }
        out.push((symbol, paragraphs_after(after)));
    }
    out
}

/// The next concluding-observations symbol in `text` and the text after it.
fn next_symbol(text: &str) -> Option<(String, &str)> {
    let mut offset = 0;
    for token in text.split_inclusive(char::is_whitespace) {
        let bare = trim_symbol_punctuation(token.trim_end());
        if is_co_symbol(bare) {
            let start = offset + token.find(bare).unwrap_or(0);
            return Some((bare.to_owned(), &text[start + bare.len()..]));
        }
        offset += token.len();
    }
    None
}

/// Whether two symbols are of the same committee and State (`CRPD/C/CAN/CO/1` and
/// `CRPD/C/CAN/CO/2-3`; not `CEDAW/C/CAN/CO/10`).
fn same_state(own: &str, other: &str) -> bool {
    let state =
        |s: &str| s.split('/').find(|p| p.len() == 3 && p.chars().all(|c| c.is_ascii_uppercase())).map(str::to_owned);
    committee_of_symbol(own) == committee_of_symbol(other) && state(own).is_some() && state(own) == state(other)
}

/// The paragraphs cited right after a symbol: ", paras. 27 and 28.", ", par. 9 et 11)", ",
/// párr. 12 a)", nothing for a symbol cited alone.
fn paragraphs_after(after: &str) -> Vec<String> {
    let after = bracket_letters(after.trim_start_matches([',', ' ', '\u{a0}']));
    let after = after.as_str();
    let lower = after.to_lowercase();
    if !["para", "par.", "pars.", "párr", "parr"].iter().any(|k| lower.starts_with(k)) {
        return Vec::new();
    }
    // The citation runs to the bracket or the stop that ends it.
    let end = after.find([')', ';', '\n']).map_or(after.len(), |e| {
        // "35 (a)": a bracket that closes a letter belongs to the citation.
        let mut e = e;
        while after[..e].ends_with(|c: char| c.is_ascii_lowercase())
            && after[..e].trim_end_matches(|c: char| c.is_ascii_lowercase()).ends_with('(')
        {
            match after[e + 1..].find([')', ';', '\n']) {
                Some(k) => e = e + 1 + k,
                None => {
                    e = after.len();
                    break;
                }
            }
        }
        e
    });
    let mut cited = after[..end].replace("párrs.", "paras.").replace("párr.", "para.").replace("parr.", "para.");
    cited = cited.trim_end().trim_end_matches('.').to_owned();
    // Words after the citation ("to increase the …") end it: shorten until it reads.
    let words: Vec<&str> = cited.split(' ').collect();
    for n in (1..=words.len()).rev() {
        let candidate = words[..n].join(" ");
        let candidate = candidate.trim_end_matches([',', '.', ' ']);
        if let Ok(list) = parse_citations(candidate)
            && !list.is_empty()
        {
            return list.iter().map(ToString::to_string).collect();
        }
    }
    Vec::new()
}

/// French and Spanish items, "12 a)", written as English ones, "12 (a)", in the first words.
fn bracket_letters(text: &str) -> String {
    let chars: Vec<char> = text.chars().take(200).collect();
    let mut out = String::with_capacity(text.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|k| chars[k]);
        if c.is_ascii_lowercase() && chars.get(i + 1) == Some(&')') && matches!(before, Some(' ' | ',' | '-' | '–')) {
            out.push('(');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(own: &str, body: &str, notes: &[&str]) -> Vec<String> {
        let notes: Vec<String> = notes.iter().map(|s| (*s).to_owned()).collect();
        earlier_in(own, body, &notes)
            .iter()
            .map(|e| format!("{:?} {} {}", e.says, e.symbol.as_deref().unwrap_or("-"), e.paragraphs.join("+")))
            .collect()
    }

    #[test]
    fn ibid_cites_the_document_of_the_note_before() {
        let mut last = None;
        assert_eq!(resolve_ibid("CRPD/C/CAN/CO/1.", &mut last), "CRPD/C/CAN/CO/1.");
        assert_eq!(resolve_ibid("Ibid., para. 7.", &mut last), "CRPD/C/CAN/CO/1, para. 7.");
        assert_eq!(resolve_ibid("Ibid., paras. 17 and 18.", &mut last), "CRPD/C/CAN/CO/1, paras. 17 and 18.");
        assert_eq!(resolve_ibid("See A/HRC/40/54, para. 217.", &mut last), "See A/HRC/40/54, para. 217.");
        assert_eq!(resolve_ibid("Ibid., para. 216 (a).", &mut last), "A/HRC/40/54, para. 216 (a).");
        assert_eq!(
            links(
                "CRPD/C/CAN/CO/2-3",
                "Recalling its past concluding observations, the Committee invites",
                &["CRPD/C/CAN/CO/1, para. 7."]
            ),
            ["Recalls CRPD/C/CAN/CO/1 7"]
        );
    }

    #[test]
    fn citations_in_text_and_notes_in_three_languages() {
        assert_eq!(
            links(
                "CRPD/C/ESP/CO/2-3",
                "The Committee reiterates the recommendation made in its previous concluding observations (CRPD/C/ESP/CO/1, para. 38) and urges the State party to repeal article 49.",
                &[]
            ),
            ["Reiterates CRPD/C/ESP/CO/1 38"]
        );
        assert_eq!(
            links(
                "CRPD/C/CAN/CO/2-3",
                "Recalling its previous concluding observations and its joint statement, the Committee recommends:",
                &["CRPD/C/CAN/CO/1, paras. 27 and 28.", "CEDAW/C/CAN/CO/10, para. 14 (c); see also para. 13 (d)."]
            ),
            ["Recalls CRPD/C/CAN/CO/1 27+28"]
        );
        assert_eq!(
            links(
                "CRPD/C/ECU/CO/2-3",
                "Le Comité réitère les recommandations qu’il a formulées dans ses observations finales concernant le rapport initial de l’État partie (CRPD/C/ECU/CO/1, par. 9 et 11) et recommande :",
                &[]
            ),
            ["Reiterates CRPD/C/ECU/CO/1 9+11"]
        );
        assert_eq!(
            links(
                "CRPD/C/SLV/CO/2-3",
                "El Comité reitera su recomendación anterior (CRPD/C/SLV/CO/1, párr. 12 a)).",
                &[]
            ),
            ["Reiterates CRPD/C/SLV/CO/1 12 (a)"]
        );
        assert_eq!(
            links(
                "CRPD/C/AZE/CO/2-3",
                "the Committee reiterates its previous recommendations and recommends that",
                &[]
            ),
            ["Reiterates - "]
        );
        // A general comment recalled is not an earlier review; nor is the document's own symbol.
        assert!(links("CRPD/C/DEU/CO/2-3", "The Committee recalls its general comment No. 3 (2016).", &[]).is_empty());
        assert!(links("CRPD/C/DEU/CO/2-3", "CRPD/C/DEU/CO/2-3", &[]).is_empty());
        // A symbol cited alone, as the introduction cites the previous review.
        assert_eq!(
            links(
                "CRPD/C/CAN/CO/2-3",
                "in the light of the recommendations contained in the previous concluding observations.",
                &["CRPD/C/CAN/CO/1."]
            ),
            ["Cites CRPD/C/CAN/CO/1 "]
        );
    }
}
