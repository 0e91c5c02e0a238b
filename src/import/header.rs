//! The document's particulars: symbol, committee, State, title, report, session, meetings and
//! dates, read from the header block, the title's `*` note and the introduction (paragraph 1).

use super::ImportWarning;
use super::dates::{Date, find_dates};
use super::lines::{Cleaned, StarNote};
use super::text::{committee_of_symbol, find_symbol};
use crate::model::Committee;
use crate::model::co::CoSection;

/// What the header and introduction say about the document.
#[derive(Debug, Default)]
pub(crate) struct Meta {
    /// The symbol, e.g. `CCPR/C/KAZ/CO/3`.
    pub symbol: String,
    /// The committee, if recognised.
    pub committee: Option<Committee>,
    /// The State reviewed.
    pub state: Option<String>,
    /// The title line(s), joined.
    pub title: Option<String>,
    /// "third periodic report".
    pub report: Option<String>,
    /// The session number.
    pub session: Option<u32>,
    /// The meetings, as the introduction names them.
    pub meetings: Option<String>,
    /// The date of adoption.
    pub adopted: Option<Date>,
    /// The date on the document.
    pub published: Option<Date>,
    /// The language of the text: `en`, `fr` or `es`.
    pub language: Option<&'static str>,
    /// The title's `*` note and any reissue note, as printed.
    pub notes: Vec<String>,
}

/// Whether a header line is a reissue note: "Reissued for technical reasons on 12 May 2016",
/// "Nouveau tirage pour raisons techniques", "Publicado nuevamente por razones técnicas".
fn is_reissue_note(line: &str) -> bool {
    let lower = line.to_lowercase();
    let lower = lower.trim_start_matches(['*', ' ']);
    [
        "reissued for technical reasons",
        "nouveau tirage pour raisons techniques",
        "publicado nuevamente por razones técnicas",
        "reissued",
    ]
    .iter()
    .any(|k| lower.starts_with(k))
}

/// Whether a line opens the title: "Concluding observations …", "Observations finales …",
/// "Observaciones finales …".
fn is_title_start(line: &str) -> bool {
    let lower = line.to_lowercase();
    ["concluding observations", "observations finales", "observaciones finales"].iter().any(|k| lower.starts_with(k))
}

/// Reads the particulars. `hint` is the symbol the user gave, used when the text has none.
pub(crate) fn read_meta(
    cleaned: &Cleaned,
    sections: &[CoSection],
    hint: Option<&str>,
    warnings: &mut Vec<ImportWarning>,
) -> Meta {
    let mut meta = Meta {
        symbol: read_symbol(cleaned, hint, "CCPR/C/KAZ/CO/3", "the symbol option", warnings),
        ..Meta::default()
    };
    let intro: Vec<&str> = sections.iter().flat_map(|s| s.paragraphs.iter()).take(3).map(|p| p.text.as_str()).collect();

    meta.committee = committee_of_symbol(&meta.symbol).or_else(|| {
        let header = cleaned.header.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" ");
        committee_in_text(&header)
    });

    // Reissue notes are the document's notes, not its title.
    for l in &cleaned.header {
        if is_reissue_note(&l.text) {
            meta.notes.push(l.text.trim_start_matches(['*', ' ']).to_owned());
        }
    }
    meta.notes.extend(cleaned.star_notes.iter().map(|n| n.text.clone()));
    // The title: from "Concluding observations" to the end of the header block.
    let header: Vec<(usize, &str)> =
        cleaned.header.iter().filter(|l| !is_reissue_note(&l.text)).map(|l| (l.no, l.text.as_str())).collect();
    if let Some(start) = header.iter().position(|(_, t)| is_title_start(t)) {
        let mut title = String::new();
        let mut end = header.len();
        for (k, (_, t)) in header.iter().enumerate().skip(start) {
            if !title.is_empty() {
                title.push(' ');
            }
            title.push_str(t);
            if t.ends_with('*') {
                end = k + 1;
                break;
            }
        }
        // The cover block ends with the title; text after a title closed by its "*" and before
        // the first section is not part of any paragraph.
        for (no, t) in &header[end..] {
            warnings.push(ImportWarning::new(
                *no,
                format!("this line between the title and the first section was left out: \"{t}\""),
            ));
        }
        let title = title.trim_end_matches('*').trim().to_owned();
        let (report, state) = report_and_state(&title);
        meta.report = report;
        meta.state = state;
        meta.title = Some(title);
    }
    // The date on the document: the first date in the header block outside the title.
    meta.published =
        header.iter().take_while(|(_, t)| !is_title_start(t)).find_map(|(_, t)| find_dates(t).first().map(|d| d.date));

    if (meta.state.is_none() || meta.report.is_none())
        && let Some(p1) = intro.first()
    {
        let (report, state) = considered(p1);
        meta.report = meta.report.take().or(report);
        meta.state = meta.state.take().or(state);
    }
    // The session: in the title's `*` note, or (in older documents) a header line "Sixth
    // session", or the introduction.
    meta.session = cleaned
        .star_notes
        .iter()
        .map(|n: &StarNote| n.text.as_str())
        .chain(header.iter().map(|(_, t)| *t))
        .chain(intro.iter().copied())
        .find_map(find_session);
    if let Some(p1) = intro.first() {
        let meetings = meetings(p1);
        if !meetings.is_empty() {
            meta.meetings = Some(meetings.join("; "));
        }
    }
    meta.adopted = intro.iter().find_map(|t| adoption_date(t));
    let sample: Vec<&str> =
        sections.iter().flat_map(|s| s.paragraphs.iter()).take(12).map(|p| p.text.as_str()).collect();
    meta.language = super::text::language_of(&sample.join(" "));
    if meta.adopted.is_none() {
        warnings.push(ImportWarning::new(0, "the date of adoption was not found in the introduction"));
    }
    if meta.state.is_none() {
        warnings.push(ImportWarning::new(0, "the State was not found in the title or paragraph 1"));
    }
    meta
}

/// A committee named in text by its full name or its treaty.
pub(crate) fn committee_in_text(text: &str) -> Option<Committee> {
    let lower = text.to_lowercase();
    Committee::ALL
        .into_iter()
        .filter(|c| *c != Committee::Upr)
        .find(|c| lower.contains(&c.name().to_lowercase()) || lower.contains(&c.treaty().to_lowercase()))
        .or_else(|| lower.contains("committee on migrant workers").then_some(Committee::Cmw))
}

/// From "Concluding observations on the third periodic report of Kazakhstan": the report
/// ("third periodic report") and the State ("Kazakhstan"); likewise from the French
/// "Observations finales concernant le rapport de l’Équateur valant deuxième et troisième
/// rapports périodiques" and the Spanish "Observaciones finales sobre el informe inicial de la
/// Arabia Saudita".
pub(crate) fn report_and_state(title: &str) -> (Option<String>, Option<String>) {
    let lower = title.to_lowercase();
    if let Some(on) = lower.find(" on the ") {
        return split_report(&title[on + " on the ".len()..]);
    }
    if let Some(k) = lower.find(" concernant ") {
        return french_report(&title[k + " concernant ".len()..]);
    }
    if let Some(k) = lower.find(" sobre ") {
        return spanish_report(&title[k + " sobre ".len()..]);
    }
    (None, None)
}

/// "le rapport de l’Équateur valant deuxième et troisième rapports périodiques" or "le rapport
/// initial du Maroc" → the report and the State.
fn french_report(text: &str) -> (Option<String>, Option<String>) {
    let text = text.trim_start_matches("le ").trim_start_matches("les ");
    let Some(r) = text.find("rapport") else { return (None, None) };
    let after = &text[r..];
    let Some((k, prep)) = [" de l’", " de l'", " de la ", " des ", " du ", " de "]
        .iter()
        .filter_map(|p| after.find(p).map(|k| (k, *p)))
        .min_by_key(|(k, p)| (*k, std::cmp::Reverse(p.len())))
    else {
        return (None, None);
    };
    let rest = &after[k + prep.len()..];
    let (state, valant) = match rest.find(" valant ") {
        Some(v) => (&rest[..v], Some(&rest[v + " valant ".len()..])),
        None => (rest, None),
    };
    let report = valant.map_or_else(|| after[..k].to_owned(), |v| v.trim().to_owned());
    let state = state.trim().trim_end_matches(['*', '.']).trim();
    (Some(report), (!state.is_empty()).then(|| state.to_owned()))
}

/// "el informe inicial de la Arabia Saudita" or "los informes periódicos segundo y tercero
/// combinados de El Salvador" → the report and the State.
fn spanish_report(text: &str) -> (Option<String>, Option<String>) {
    let text = text.trim_start_matches("el ").trim_start_matches("los ");
    let Some(k) = text.find(" de ") else { return (None, None) };
    let state = text[k + " de ".len()..].trim();
    let state = state.strip_prefix("la ").or_else(|| state.strip_prefix("el ")).unwrap_or(state);
    let state = state.trim_end_matches(['*', '.']).trim();
    (Some(text[..k].trim().to_owned()), (!state.is_empty()).then(|| state.to_owned()))
}

/// From paragraph 1, "The Committee considered the third periodic report of Kazakhstan
/// (CCPR/C/KAZ/3) at its …": the report and the State.
fn considered(p1: &str) -> (Option<String>, Option<String>) {
    match p1.to_lowercase().find("considered the ") {
        Some(k) => split_report(&p1[k + "considered the ".len()..]),
        None => (None, None),
    }
}

/// "third periodic report of Kazakhstan (CCPR/C/KAZ/3) at its …" → the report and the State.
fn split_report(text: &str) -> (Option<String>, Option<String>) {
    let lower = text.to_lowercase();
    let found = ["reports of ", "report of ", "reports submitted by ", "report submitted by "]
        .into_iter()
        .filter_map(|m| lower.find(m).map(|k| (k, m)))
        .min_by_key(|(k, m)| (*k, std::cmp::Reverse(m.len())));
    let Some((k, marker)) = found else { return (None, None) };
    let word = marker.split(' ').next().unwrap_or(marker);
    let report = text[..k + word.len()].trim().to_owned();
    let state = cut_state(&text[k + marker.len()..]);
    (Some(report), (!state.is_empty()).then(|| state.to_owned()))
}

/// A State name without what may follow it in a title or sentence: "submitted under article
/// 29 …", "(CCPR/C/KAZ/3)", "at its …".
pub(crate) fn cut_state(text: &str) -> &str {
    let mut end = text.len();
    for stop in [" submitted ", " under article", " at its ", ", "] {
        if let Some(k) = text.find(stop) {
            end = end.min(k);
        }
    }
    // A bracket holding a symbol ends the name; "(Islamic Republic of)" is part of it.
    let mut search = 0;
    while let Some(k) = text[search..end].find(" (") {
        let at = search + k;
        let inside = text[at + 2..].split(')').next().unwrap_or("");
        if inside.contains('/') || inside.starts_with(|c: char| c.is_ascii_digit()) {
            end = at;
            break;
        }
        search = at + 2;
    }
    text[..end].trim().trim_end_matches(['.', ',', '*']).trim()
}

/// The session number in a sentence or line: "at its 144th session", "at its fourteenth
/// session", "Sixth session"; in French "à sa vingt-deuxième session", "22e session"; in
/// Spanish "en su 22º período de sesiones", "21er período de sesiones", "vigésimo segundo
/// período de sesiones".
pub(crate) fn find_session(text: &str) -> Option<u32> {
    let words: Vec<&str> = text.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    (1..words.len()).find_map(|i| {
        let word = words[i].trim_end_matches(['.', ',', ')', ';', ':']);
        let spanish = word.eq_ignore_ascii_case("período") || word.eq_ignore_ascii_case("periodo");
        if spanish && !words.get(i + 2).is_some_and(|w| w.to_lowercase().starts_with("sesiones")) {
            return None;
        }
        if !(spanish || word.eq_ignore_ascii_case("session")) {
            return None;
        }
        let ordinal = words[i - 1];
        let digits: String = ordinal.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            let suffix = ordinal[digits.len()..].trim_start_matches('.');
            let marks = ["st", "nd", "rd", "th", "e", "ᵉ", "ème", "er", "re", "º", "°", "ª", "o", "a"];
            return marks.contains(&suffix).then(|| digits.parse().ok()).flatten();
        }
        // An ordinal in words may take several words ("vingt et unième", "vigésimo segundo").
        (1..=4.min(i)).rev().find_map(|k| {
            let phrase = words[i - k..i].join(" ");
            if spanish { spanish_ordinal(&phrase) } else { ordinal_word(&phrase).or_else(|| french_ordinal(&phrase)) }
        })
    })
}

/// A French cardinal written in words, one to ninety-nine: "vingt-deux", "soixante et onze",
/// "quatre-vingt-dix-neuf".
fn french_cardinal(text: &str) -> Option<u32> {
    const UNITS: [&str; 16] = [
        "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize",
        "quatorze", "quinze", "seize",
    ];
    const TENS: [(&str, u32); 5] =
        [("vingt", 20), ("trente", 30), ("quarante", 40), ("cinquante", 50), ("soixante", 60)];
    let mut total = 0;
    let mut last = 0;
    for part in text.split(['-', ' ']).filter(|p| !p.is_empty() && *p != "et") {
        let part = part.strip_suffix('s').filter(|p| *p == "vingt").unwrap_or(part);
        let value = if let Some(i) = UNITS.iter().position(|u| *u == part) {
            i as u32 + 1
        } else if let Some((_, v)) = TENS.iter().find(|(t, _)| *t == part) {
            *v
        } else {
            return None;
        };
        if value == 20 && last == 4 {
            // "quatre-vingt": four twenties.
            total += 80 - 4;
        } else {
            total += value;
        }
        last = value;
    }
    (1..100).contains(&total).then_some(total)
}

/// A French ordinal written in words: "première", "vingt-deuxième", "trente et unième",
/// "cinquième", "neuvième".
fn french_ordinal(text: &str) -> Option<u32> {
    let lower = text.to_lowercase();
    if lower == "premier" || lower == "première" {
        return Some(1);
    }
    let stem = lower.strip_suffix("ième")?;
    // The cardinal lost its final "e" ("onze" → "onzième"), or changed ("cinq" → "cinquième",
    // "neuf" → "neuvième").
    let candidates = [
        stem.to_owned(),
        format!("{stem}e"),
        stem.strip_suffix("cinqu").map(|s| format!("{s}cinq")).unwrap_or_default(),
        stem.strip_suffix("neuv").map(|s| format!("{s}neuf")).unwrap_or_default(),
    ];
    candidates.iter().filter(|c| !c.is_empty()).find_map(|c| french_cardinal(c))
}

/// A Spanish ordinal written in words, first to ninety-ninth: "vigésimo segundo",
/// "vigesimosegundo", "decimotercer", "trigésimo".
fn spanish_ordinal(text: &str) -> Option<u32> {
    const UNITS: [(&str, u32); 12] = [
        ("primero", 1),
        ("primer", 1),
        ("segundo", 2),
        ("tercero", 3),
        ("tercer", 3),
        ("cuarto", 4),
        ("quinto", 5),
        ("sexto", 6),
        ("septimo", 7),
        ("octavo", 8),
        ("noveno", 9),
        ("undecimo", 11),
    ];
    const TENS: [(&str, u32); 10] = [
        ("duodecimo", 12),
        ("decimo", 10),
        ("vigesimo", 20),
        ("trigesimo", 30),
        ("cuadragesimo", 40),
        ("quincuagesimo", 50),
        ("sexagesimo", 60),
        ("septuagesimo", 70),
        ("octogesimo", 80),
        ("nonagesimo", 90),
    ];
    let plain: String = text
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' => 'u',
            c => c,
        })
        .filter(|c| *c != ' ')
        .collect();
    // The feminine forms end in "a" ("vigésima"); the masculine in "o".
    let unit = |w: &str| {
        UNITS
            .iter()
            .find(|(u, _)| *u == w || u.strip_suffix('o').map(|s| format!("{s}a")) == Some(w.to_owned()))
            .map(|(_, v)| *v)
    };
    if let Some(v) = unit(&plain) {
        return Some(v);
    }
    for (tens, value) in TENS {
        let stem = &tens[..tens.len() - 1];
        let Some(rest) = plain.strip_prefix(stem) else { continue };
        let rest = rest.strip_prefix(['o', 'a']).unwrap_or(rest);
        if rest.is_empty() {
            return Some(value);
        }
        if let Some(u) = unit(rest).filter(|u| *u < 10) {
            return Some(value + u);
        }
    }
    None
}

/// An English ordinal written in words, first to ninety-ninth: "fourteenth", "thirty-second".
fn ordinal_word(word: &str) -> Option<u32> {
    const UNITS: [&str; 19] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const TENS: [(&str, &str); 8] = [
        ("twenty", "twentieth"),
        ("thirty", "thirtieth"),
        ("forty", "fortieth"),
        ("fifty", "fiftieth"),
        ("sixty", "sixtieth"),
        ("seventy", "seventieth"),
        ("eighty", "eightieth"),
        ("ninety", "ninetieth"),
    ];
    let word = word.to_lowercase();
    let unit = |w: &str| UNITS.iter().position(|u| *u == w).map(|i| i as u32 + 1);
    if let Some(n) = unit(&word) {
        return Some(n);
    }
    for (i, (tens, tenth)) in TENS.iter().enumerate() {
        let base = 20 + 10 * i as u32;
        if word == *tenth {
            return Some(base);
        }
        if let Some(rest) = word.strip_prefix(tens).and_then(|r| r.strip_prefix('-')) {
            return unit(rest).filter(|u| *u < 10).map(|u| base + u);
        }
    }
    None
}

/// The sentences of a paragraph (split after a full stop followed by a capital).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices(". ") {
        if bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase) {
            out.push(&text[start..=i]);
            start = i + 2;
        }
    }
    out.push(&text[start..]);
    out
}

/// The date in the sentence that says the concluding observations were adopted ("adopted",
/// "a adopté", "aprobó").
fn adoption_date(text: &str) -> Option<Date> {
    sentences(text)
        .into_iter()
        .filter(|s| ["adopted", "adopté", "aprobó", "aprobado", "aprobaron"].iter().any(|k| s.contains(k)))
        .find_map(|s| find_dates(s).last().map(|d| d.date))
}

/// The meetings paragraph 1 names, as it writes them, each with the day it was held:
/// "4210th and 4211th meetings, held on 2 and 3 July 2025"; in French "481e et 482e séances,
/// les 29 et 30 août 2019"; in Spanish "sesiones 497ª y 498ª, celebradas los días 11 y 12 de
/// septiembre de 2019" or "510ª sesión, celebrada el 20 de septiembre de 2019".
fn meetings(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let Some(k) = text[pos..].find(|c: char| c.is_alphabetic()) else { break };
        let word_start = pos + k;
        let word_end = text[word_start..].find(|c: char| !c.is_alphabetic()).map_or(text.len(), |e| word_start + e);
        pos = word_end;
        let word = &text[word_start..word_end];
        if !matches!(word, "meeting" | "meetings" | "séance" | "séances" | "sesión" | "sesiones") {
            continue;
        }
        // The numbers before the word ("at its 4210th and 4211th meetings", "à ses 481e et 482e
        // séances", "en su 510ª sesión") or, in Spanish, after it ("en sus sesiones 497ª y 498ª").
        let before = text[..word_start].trim_end();
        let opener = ["its ", "ses ", "sa ", "sus ", "su "]
            .iter()
            .filter_map(|o| {
                before
                    .match_indices(o)
                    .map(|(k, _)| k)
                    .filter(|&k| !before[..k].ends_with(char::is_alphabetic))
                    .last()
                    .map(|k| k + o.len())
            })
            .max();
        let numbered_before =
            opener.filter(|&k| word_start - k <= 80 && text[k..word_start].starts_with(|c: char| c.is_ascii_digit()));
        let (phrase, end) = if let Some(k) = numbered_before {
            (text[k..word_end].to_owned(), word_end)
        } else {
            let after = numbers_after(&text[word_end..]);
            if after == 0 {
                continue;
            }
            (text[word_start..word_end + after].trim_end().to_owned(), word_end + after)
        };
        let mut rest = &text[end..];
        // Skip a reference such as "(see CCPR/C/SR.4210 and 4211)".
        let trimmed = rest.trim_start();
        if trimmed.starts_with('(')
            && let Some(close) = trimmed.find(')')
        {
            rest = &trimmed[close + 1..];
        }
        let mut held = String::new();
        let after = rest.trim_start_matches([',', ' ']);
        if let Some(d) = find_dates(after).first().filter(|d| d.start < 45 && !after[..d.start].contains(['.', ';'])) {
            held = format!(", {}", &after[..d.end]);
        }
        out.push(format!("{phrase}{held}"));
        pos = end;
    }
    out
}

/// The length of a run of ordinal numbers after a meeting word: " 497ª y 498ª" (numbers
/// joined by "y", "e", "and", "et" or commas); 0 when no number follows.
fn numbers_after(text: &str) -> usize {
    let mut end = 0;
    let mut offset = 0;
    for token in text.split(' ') {
        let at = offset;
        offset += token.len() + 1;
        if token.is_empty() && at == 0 {
            continue;
        }
        let core = token.trim_end_matches(',');
        if core.starts_with(|c: char| c.is_ascii_digit()) {
            end = at + core.len();
        } else if !matches!(core, "y" | "e" | "and" | "et") || end == 0 {
            break;
        }
    }
    end
}

/// Unit tests.
/// A document's symbol: from its header or its running headers, else the one given (`hint`).
/// A symbol given that differs from the document's is a warning (the document's wins), and so
/// is none at all; `example` and `option` name, in that warning, a symbol of the kind and how
/// to give one.
pub(crate) fn read_symbol(
    cleaned: &Cleaned,
    hint: Option<&str>,
    example: &str,
    option: &str,
    warnings: &mut Vec<ImportWarning>,
) -> String {
    let header_symbol = cleaned.header.iter().find_map(|l| find_symbol(&l.text)).map(str::to_owned);
    let found = header_symbol.or_else(|| cleaned.symbol.clone());
    match (found, hint) {
        (Some(f), Some(h)) if !f.eq_ignore_ascii_case(h.trim()) => {
            warnings.push(ImportWarning::new(
                0,
                format!("the document's symbol is {f}, not {} as given; {f} is used", h.trim()),
            ));
            f
        }
        (Some(f), _) => f,
        (None, Some(h)) => h.trim().to_owned(),
        (None, None) => {
            warnings.push(ImportWarning::new(
                0,
                format!("no document symbol (such as {example}) was found; give it with {option} or fill in `symbol:`"),
            ));
            String::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Report and State from titles, brackets in State names, the CED's "submitted by".
    #[test]
    fn titles() {
        let (r, s) = report_and_state("Concluding observations on the third periodic report of Kazakhstan");
        assert_eq!((r.as_deref(), s.as_deref()), (Some("third periodic report"), Some("Kazakhstan")));
        let (r, s) = report_and_state(
            "Concluding observations on the combined eighth to tenth periodic reports of Iran (Islamic Republic of)",
        );
        assert_eq!(r.as_deref(), Some("combined eighth to tenth periodic reports"));
        assert_eq!(s.as_deref(), Some("Iran (Islamic Republic of)"));
        let (r, s) = report_and_state(
            "Concluding observations on the report submitted by Mexico under article 29, paragraph 1, of the Convention",
        );
        assert_eq!((r.as_deref(), s.as_deref()), (Some("report"), Some("Mexico")));
    }

    /// Meetings, adoption date, report and State from paragraph 1; the session from the `*` note.
    #[test]
    fn introduction() {
        let p1 = "The Committee considered the third periodic report of Kazakhstan (CCPR/C/KAZ/3) at its \
                  4210th and 4211th meetings (see CCPR/C/SR.4210 and 4211), held on 2 and 3 July 2025. At its \
                  4242nd meeting, held on 11 July 2025, it adopted the present concluding observations.";
        assert_eq!(
            meetings(p1),
            ["4210th and 4211th meetings, held on 2 and 3 July 2025", "4242nd meeting, held on 11 July 2025"]
        );
        assert_eq!(adoption_date(p1).map(|d| d.to_string()).as_deref(), Some("2025-07-11"));
        let (r, s) = considered(p1);
        assert_eq!((r.as_deref(), s.as_deref()), (Some("third periodic report"), Some("Kazakhstan")));
        assert_eq!(find_session("Adopted by the Committee at its 144th session (23 June–25 July 2025)."), Some(144));
        assert_eq!(
            find_session("Adopted by the Committee at its fourteenth session (17 August-4 September 2015)."),
            Some(14)
        );
        assert_eq!(find_session("Adopted by the Committee at its thirty-second session (3–21 March 2025)."), Some(32));
        assert_eq!(find_session("at its twentieth session"), Some(20));
    }
}
