//! Small text helpers shared by the import stages: line normalisation, UN document symbols,
//! sentence ends.

use crate::model::Committee;

/// Normalises one extracted line: tabs, no-break and other wide spaces become one space,
/// superscript digits (as some PDF viewers copy footnote calls) become ASCII digits, runs of
/// spaces collapse, and the ends are trimmed. A soft hyphen is kept: at a line end it marks a
/// word the layout split, which the joiner needs to know.
pub(crate) fn normalize_line(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut space = false;
    for c in raw.chars() {
        let c = match c {
            '\t' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{3000}' => ' ',
            '\u{200b}' | '\u{feff}' | '\u{200e}' | '\u{200f}' => continue,
            '⁰' => '0',
            '¹' => '1',
            '²' => '2',
            '³' => '3',
            '⁴' => '4',
            '⁵' => '5',
            '⁶' => '6',
            '⁷' => '7',
            '⁸' => '8',
            '⁹' => '9',
            // A symbol font's private-use code points stand for ASCII (the bar-code number
            // "*1707333*" under a job number comes out as U+F02A U+F031 …).
            '\u{f021}'..='\u{f07e}' => char::from_u32(c as u32 - 0xf000).unwrap_or(' '),
            '\u{f020}' => ' ',
            c if c.is_control() => ' ',
            c => c,
        };
        if c == ' ' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// The language of a document written mostly in a script Amicus does not read: "Arabic",
/// "Chinese" or "Russian" (any Cyrillic), when at least a third of its letters are in that
/// script. Symbols, dates and the "Distr.: General" lines of such documents are in Latin
/// letters, so a majority is not required.
pub(crate) fn foreign_script(text: &str) -> Option<&'static str> {
    let (mut latin, mut arabic, mut han, mut cyrillic) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        match c {
            'a'..='z' | 'A'..='Z' | '\u{c0}'..='\u{24f}' => latin += 1,
            '\u{600}'..='\u{6ff}' | '\u{750}'..='\u{77f}' | '\u{fb50}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}' => {
                arabic += 1
            }
            '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' => han += 1,
            '\u{400}'..='\u{4ff}' => cyrillic += 1,
            _ => {}
        }
    }
    let total = latin + arabic + han + cyrillic;
    [(arabic, "Arabic"), (han, "Chinese"), (cyrillic, "Russian")]
        .into_iter()
        .find(|(n, _)| *n > 0 && *n * 3 >= total)
        .map(|(_, name)| name)
}

/// The language of running text, from its commonest short words: `en`, `fr` or `es`, or
/// `None` when there is too little text to tell.
pub(crate) fn language_of(text: &str) -> Option<&'static str> {
    let (mut en, mut fr, mut es) = (0, 0, 0);
    for w in text.split(|c: char| !c.is_alphabetic()) {
        match w {
            "the" | "of" | "and" | "to" | "that" | "with" => en += 1,
            "le" | "les" | "des" | "et" | "du" | "au" | "aux" | "une" => fr += 1,
            "el" | "los" | "las" | "y" | "del" | "que" | "con" | "por" => es += 1,
            _ => {}
        }
    }
    let best = en.max(fr).max(es);
    if best < 5 {
        return None;
    }
    Some(if best == en {
        "en"
    } else if best == fr {
        "fr"
    } else {
        "es"
    })
}

/// What a treaty body's document symbol names, from its marker segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    /// `…/CO/…`: concluding observations.
    ConcludingObservations,
    /// `…/Q/…`: a list of issues.
    ListOfIssues,
    /// `…/QPR/…`: a list of issues prior to reporting.
    ListOfIssuesPriorToReporting,
    /// `…/Q/…/Add.1`: the State's replies to a list of issues.
    Replies,
    /// `…/FCO/…`: the State's information on the follow-up to concluding observations.
    FollowUpInformation,
}

/// What a whitespace-free token names if it is a treaty body's document symbol:
/// `CCPR/C/KAZ/CO/3`, `CERD/C/KAZ/CO/8-10`, `E/C.12/KAZ/CO/2`, `CRC/C/OPAC/KAZ/CO/1`, the
/// pre-2008 `CCPR/CO/83/UZB`, with an optional `/Add.1` or `/Corr.1`; lists of issues
/// `CRPD/C/CAN/Q/1`, `CCPR/C/KAZ/QPR/3` (and the State's replies, `…/Q/1/Add.1`); the State's
/// follow-up information `CRPD/C/AZE/FCO/2-3`.
pub(crate) fn symbol_kind(token: &str) -> Option<SymbolKind> {
    let parts: Vec<&str> = token.split('/').collect();
    if parts.len() < 3 {
        return None;
    }
    let body_ok =
        parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'));
    if !body_ok || committee_of_symbol(token).is_none() {
        return None;
    }
    let added = parts.iter().any(|p| p.starts_with("Add."));
    parts.iter().find_map(|p| match *p {
        "CO" => Some(SymbolKind::ConcludingObservations),
        "Q" | "QPR" if added => Some(SymbolKind::Replies),
        "Q" => Some(SymbolKind::ListOfIssues),
        "QPR" => Some(SymbolKind::ListOfIssuesPriorToReporting),
        "FCO" => Some(SymbolKind::FollowUpInformation),
        _ => None,
    })
}

/// Whether a whitespace-free token is the symbol of a set of concluding observations (see
/// [`symbol_kind`]).
pub(crate) fn is_co_symbol(token: &str) -> bool {
    symbol_kind(token) == Some(SymbolKind::ConcludingObservations)
}

/// Whether a whitespace-free token is the symbol of any treaty-body document [`symbol_kind`]
/// knows: what running headers and footers print.
pub(crate) fn is_document_symbol(token: &str) -> bool {
    symbol_kind(token).is_some()
}

/// The committee a document symbol belongs to (`E/C.12/…` is the CESCR's).
pub(crate) fn committee_of_symbol(symbol: &str) -> Option<Committee> {
    let mut parts = symbol.split('/');
    let first = parts.next()?;
    if first == "E" {
        return (parts.next() == Some("C.12")).then_some(Committee::Cescr);
    }
    Committee::from_code(first).filter(|c| *c != Committee::Upr && first == c.code())
}

/// The first treaty-body document symbol in `text` (concluding observations, a list of issues,
/// …: [`symbol_kind`]), without surrounding punctuation.
pub(crate) fn find_symbol(text: &str) -> Option<&str> {
    text.split_whitespace().map(trim_symbol_punctuation).find(|t| is_document_symbol(t))
}

/// A token without the brackets and punctuation prose puts around a symbol: `(CCPR/C/KAZ/CO/3),`.
pub(crate) fn trim_symbol_punctuation(token: &str) -> &str {
    token
        .trim_start_matches(['(', '[', '“', '"', '‘'])
        .trim_end_matches([')', ']', ',', ';', ':', '.', '”', '"', '’', '*'])
}

/// Whether a UN job number starts the line: `GE.22-27770(E)`, `GE.25-12345  (E)`, with what
/// follows it on the first page (dates, a bar-code number).
pub(crate) fn is_job_number(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("GE.") else { return false };
    let digits = |s: &str| s.chars().take_while(char::is_ascii_digit).count();
    let year = digits(rest);
    if year != 2 || !rest[2..].starts_with('-') {
        return false;
    }
    let serial = digits(&rest[3..]);
    (4..=7).contains(&serial)
}

/// Whether the text ends a sentence: a full stop (or ? !), perhaps inside closing quotes or
/// brackets.
pub(crate) fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(['”', '"', '’', '\'', ')', ']']);
    t.ends_with(['.', '?', '!'])
}

/// Whether the text ends where a list item may follow: after `:`, `;`, `.`, `,`, a dash, or the
/// words "and"/"or".
pub(crate) fn ends_open_for_item(text: &str) -> bool {
    let t = text.trim_end();
    if t.is_empty() {
        return true;
    }
    if t.ends_with([':', ';', '.', ',', '—', '–']) || ends_sentence(t) {
        return true;
    }
    let last_word = t.rsplit(' ').next().unwrap_or("");
    matches!(last_word, "and" | "or" | "et" | "ou" | "y" | "o" | "e")
}

/// Whether a character opens a heading or a sentence: a capital, a digit, or an opening quote.
pub(crate) fn starts_like_heading(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "“\"‘'".contains(c))
}

/// Lower-case roman numerals used for items inside a sub-paragraph: (i), (ii) … (xx).
pub(crate) fn is_roman_item(label: &str) -> bool {
    !label.is_empty()
        && label.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
        && ROMAN.iter().take(20).any(|r| r.eq_ignore_ascii_case(label))
}

/// Roman numerals I–XX, for section labels and item numerals.
pub(crate) const ROMAN: [&str; 20] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
    "XVIII", "XIX", "XX",
];

/// The value of an upper-case roman numeral I–XX.
pub(crate) fn roman_value(label: &str) -> Option<u32> {
    ROMAN.iter().position(|r| *r == label).map(|i| i as u32 + 1)
}

/// Joins a line to the text before it. A word split at the line end ("recom-" + "mendations")
/// is mended: the hyphen is dropped unless the hyphenated form is the document's own
/// (`keep_hyphen` decides, from the words seen elsewhere). A dash glued to what precedes it
/// ("(a)–" + "(d)", "2019–" + "2023") joins without a space.
pub(crate) fn join_line(text: &mut String, line: &str, keep_hyphen: &dyn Fn(&str, &str) -> bool) {
    if text.is_empty() {
        text.push_str(line);
        return;
    }
    if text.ends_with('\u{ad}') {
        // A soft hyphen only shows where the layout broke a word: always mend.
        text.pop();
        text.push_str(line);
        return;
    }
    text.truncate(text.trim_end().len());
    if url_continues(text, line) {
        text.push_str(line);
        return;
    }
    let mut rev = text.chars().rev();
    let (last, before) = (rev.next(), rev.next());
    match (last, before) {
        (Some(dash @ ('-' | '\u{2010}')), Some(p)) if p.is_alphabetic() => {
            let without = text.len() - dash.len_utf8();
            let head = text[..without].rsplit(|c: char| !c.is_alphanumeric() && c != '-').next().unwrap_or("");
            let tail: String = line.chars().take_while(|c| c.is_alphanumeric()).collect();
            if !keep_hyphen(head, &tail) {
                text.truncate(without);
            }
        }
        (Some('-' | '\u{2010}' | '–' | '—' | '/'), Some(p)) if !p.is_whitespace() => {}
        _ => text.push(' '),
    }
    text.push_str(line);
}

/// Whether `text` ends inside a web address that `line` continues: the address ends with a
/// character that cannot end one ("/", ".", "-", "_", "=", "?", "&", "#"), or the line's first
/// word is itself address-like (holds "/", "_", "=" or an inner "."). A link broken across
/// lines is joined without a space.
fn url_continues(text: &str, line: &str) -> bool {
    let last = text.rsplit(' ').next().unwrap_or("");
    let is_url = last.contains("://") || last.starts_with("www.") || last.starts_with("(www.");
    if !is_url {
        return false;
    }
    let first = line.split(' ').next().unwrap_or("");
    let open_end = last.ends_with(['/', '.', '-', '_', '=', '?', '&', '#']);
    let inner = first.trim_end_matches(['.', ',', ';', ')']);
    let address_like = inner.contains(['/', '_', '=']) || (inner.contains('.') && !inner.ends_with('.'));
    !first.is_empty() && (open_end || address_like)
}

/// Unit tests.
/// `(a) text`, `(a)` alone, or in the French and Spanish style `a) text` / `a)` alone →
/// ("a", "text"). Labels are lower-case letters (one, or a roman numeral).
pub(crate) fn item_marker(line: &str) -> Option<(&str, &str)> {
    let (label, rest) = match line.strip_prefix('(') {
        Some(inner) => {
            let close = inner.find(')')?;
            (&inner[..close], &inner[close + 1..])
        }
        None => {
            let close = line.find(')')?;
            let rest = &line[close + 1..];
            // "a) text": the bracket closes a short label and a space (or the line end) follows.
            if !(rest.is_empty() || rest.starts_with(' ')) {
                return None;
            }
            (&line[..close], rest)
        }
    };
    if label.is_empty() || label.len() > 5 || !label.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    if label.len() > 1 && !is_roman_item(label) {
        return None;
    }
    Some((label, rest.trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tabs, no-break spaces and superscript digits are normalised.
    #[test]
    fn lines_are_normalised() {
        assert_eq!(normalize_line("  1.\tThe  Committee\u{a0}notes¹² "), "1. The Committee notes12");
        assert_eq!(normalize_line("\u{f02a}\u{f031}\u{f037}\u{f030}\u{f02a}\u{f020}"), "*170*");
    }

    /// The symbol forms of all committees, and look-alikes that are not CO symbols.
    #[test]
    fn symbols() {
        for ok in [
            "CCPR/C/KAZ/CO/3",
            "CERD/C/KAZ/CO/8-10",
            "E/C.12/KAZ/CO/2",
            "CCPR/CO/83/UZB",
            "CRC/C/OPAC/KAZ/CO/1",
            "CAT/C/KAZ/CO/4/Add.1",
        ] {
            assert!(is_co_symbol(ok), "{ok}");
        }
        for (symbol, kind) in [
            ("CRPD/C/CAN/Q/1", SymbolKind::ListOfIssues),
            ("CCPR/C/KAZ/QPR/3", SymbolKind::ListOfIssuesPriorToReporting),
            ("E/C.12/KAZ/Q/2", SymbolKind::ListOfIssues),
            ("CRPD/C/CAN/Q/1/Add.1", SymbolKind::Replies),
            ("CRPD/C/AZE/FCO/2-3", SymbolKind::FollowUpInformation),
            ("CRPD/C/DNK/CO/2-3", SymbolKind::ConcludingObservations),
        ] {
            assert_eq!(symbol_kind(symbol), Some(kind), "{symbol}");
        }
        assert_eq!(symbol_kind("A/HRC/WG.6/16/DEU/1"), None);
        assert_eq!(find_symbol("CRPD/C/CAN/Q/1"), Some("CRPD/C/CAN/Q/1"));
        for bad in ["CCPR/C/KAZ/Q/2", "CCPR/C/SR.4210", "E/C.13/KAZ/CO/2", "UPR/C/KAZ/CO/1", "CO/3"] {
            assert!(!is_co_symbol(bad), "{bad}");
        }
        assert_eq!(committee_of_symbol("E/C.12/KAZ/CO/2"), Some(Committee::Cescr));
        assert_eq!(find_symbol("United Nations CCPR/C/KAZ/CO/3"), Some("CCPR/C/KAZ/CO/3"));
        assert_eq!(find_symbol("see (CERD/C/KAZ/CO/8-10)."), Some("CERD/C/KAZ/CO/8-10"));
    }

    /// Job numbers with and without spaces before `(E)`.
    #[test]
    fn job_numbers() {
        assert!(is_job_number("GE.22-27770(E)"));
        assert!(is_job_number("GE.25-12345  (E) 050925 080925"));
        assert!(!is_job_number("GE.2025 report"));
    }

    /// A hyphen rule that never keeps the hyphen.
    fn never(_: &str, _: &str) -> bool {
        false
    }

    /// Split words are mended, hyphenated words and dashes kept.
    #[test]
    fn joining_lines() {
        let mut t = String::from("the recom-");
        join_line(&mut t, "mendations made", &never);
        assert_eq!(t, "the recommendations made");
        let mut t = String::from("ill-");
        join_line(&mut t, "treatment", &|h, tail| h == "ill" && tail == "treatment");
        assert_eq!(t, "ill-treatment");
        let mut t = String::from("paragraphs 36 (a)–");
        join_line(&mut t, "(d) above", &never);
        assert_eq!(t, "paragraphs 36 (a)–(d) above");
        let mut t = String::from("the Committee –");
        join_line(&mut t, "which", &never);
        assert_eq!(t, "the Committee – which");
        let mut t = String::from("between 2019-");
        join_line(&mut t, "2023", &never);
        assert_eq!(t, "between 2019-2023");
        let mut t = String::from("see https://www.ohchr.org/en/treaty-bodies/");
        join_line(&mut t, "cerd/follow-up.", &never);
        assert_eq!(t, "see https://www.ohchr.org/en/treaty-bodies/cerd/follow-up.");
        let mut t = String::from("at www.ohchr.org/Documents/HRBodies");
        join_line(&mut t, "/CERD/Guide_en.pdf and", &never);
        assert_eq!(t, "at www.ohchr.org/Documents/HRBodies/CERD/Guide_en.pdf and");
        let mut t = String::from("at https://undocs.org/A/72/55");
        join_line(&mut t, "and the report", &never);
        assert_eq!(t, "at https://undocs.org/A/72/55 and the report");
        let mut t = String::from("soft\u{ad}");
        join_line(&mut t, "ware", &never);
        assert_eq!(t, "software");
    }
}
