//! Dates as concluding observations write them in English, French and Spanish ("11 July
//! 2025", "2 and 3 July 2025", "1er octobre 2019", "20 de septiembre de 2019") turned into
//! [`Date`]s; the calendar itself is [`crate::date`].

pub(crate) use crate::date::Date;

/// French and Spanish month names, January first (the English ones are [`crate::date`]'s).
const OTHER_MONTHS: [[&str; 12]; 2] = [
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
];

/// The month an English, French or Spanish month name stands for ("July", "juillet", "julio";
/// "Setiembre" too).
pub(crate) fn month_from_name(word: &str) -> Option<u8> {
    crate::date::month_from_name(word).or_else(|| {
        let lower = word.to_lowercase();
        let lower = if lower == "setiembre" { "septiembre".to_owned() } else { lower };
        OTHER_MONTHS.iter().find_map(|names| names.iter().position(|m| *m == lower)).map(|i| i as u8 + 1)
    })
}

/// Words that stand between the parts of a date and are skipped: the Spanish "de" ("20 de
/// septiembre de 2019") and the ordinal marks of a first day ("1er", "1º").
fn is_date_filler(word: &str) -> bool {
    matches!(word, "de" | "del" | "er" | "o" | "º" | "ª")
}

/// A date found in running text, with the byte range it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FoundDate {
    /// Where the day starts.
    pub start: usize,
    /// Just after the year.
    pub end: usize,
    /// The date.
    pub date: Date,
}

/// Every `D Month YYYY` date in `text`, in order. In "2 and 3 July 2025" only "3 July 2025"
/// is a full date, which is what a reader wants for "held on …" (the last day).
pub(crate) fn find_dates(text: &str) -> Vec<FoundDate> {
    // Words with their byte offsets; punctuation around a word (a comma after the year, the
    // en dash of "23 June–25 July 2025") is split off so that each part is judged alone.
    let words: Vec<(usize, &str)> = words_with_offsets(text).into_iter().filter(|(_, w)| !is_date_filler(w)).collect();
    let mut out = Vec::new();
    for (k, w) in words.windows(3).enumerate() {
        let [(s, day), (_, month), (ys, year)] = w else { continue };
        let (Ok(mut d), Some(m)) = (day.parse::<u8>(), month_from_name(month)) else { continue };
        let mut s = *s;
        // A two-digit day that a PDF's letter-spacing split in two ("2 9 September 2015"):
        // two single digits one space apart.
        if let Some((ps, prev)) = k.checked_sub(1).and_then(|p| words.get(p)) {
            let tens = prev.parse::<u8>().ok().filter(|_| prev.len() == 1 && day.len() == 1 && ps + 2 == s);
            if let Some(t) = tens.filter(|t| (1..=3).contains(t))
                && Date::new(year.parse().unwrap_or(0), m, t * 10 + d).is_some()
            {
                d += t * 10;
                s = *ps;
            }
        }
        if year.len() != 4 || day.len() > 2 {
            continue;
        }
        let Ok(y) = year.parse::<i32>() else { continue };
        if let Some(date) = Date::new(y, m, d) {
            out.push(FoundDate { start: s, end: ys + year.len(), date });
        }
    }
    out
}

/// Splits text into runs of letters or of digits, with their byte offsets; everything else
/// separates.
fn words_with_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, bool)> = None;
    for (i, c) in text.char_indices() {
        let kind = if c.is_alphabetic() {
            Some(false)
        } else if c.is_ascii_digit() {
            Some(true)
        } else {
            None
        };
        match (start, kind) {
            (Some((_, k)), Some(k2)) if k == k2 => {}
            (Some((s, _)), _) => {
                out.push((s, &text[s..i]));
                start = kind.map(|k| (i, k));
            }
            (None, Some(k)) => start = Some((i, k)),
            (None, None) => {}
        }
    }
    if let Some((s, _)) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// Parses a whole string that is one date, "3 September 2025" (surrounding spaces allowed).
#[cfg(test)]
pub(crate) fn parse_date(text: &str) -> Option<Date> {
    let found = find_dates(text);
    match found.as_slice() {
        [one] if text[..one.start].trim().is_empty() && text[one.end..].trim().is_empty() => Some(one.date),
        _ => None,
    }
}

/// A year written alone, 1945–2199 (the UN era with room to spare): "in 2031".
pub(crate) fn find_years(text: &str) -> Vec<(usize, i32)> {
    words_with_offsets(text)
        .into_iter()
        .filter(|(_, w)| w.len() == 4)
        .filter_map(|(s, w)| w.parse::<i32>().ok().map(|y| (s, y)))
        .filter(|(_, y)| (1945..2200).contains(y))
        .collect()
}

/// "one", "two" … "five" (in English, French or Spanish) or a digit string as a number;
/// "d’un" (French elision) counts as "un".
pub(crate) fn small_number(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    let word = lower.trim_start_matches("d’").trim_start_matches("d'");
    match word {
        "one" | "a" | "un" | "une" | "uno" => Some(1),
        "two" | "deux" | "dos" => Some(2),
        "three" | "trois" | "tres" => Some(3),
        "four" | "quatre" | "cuatro" => Some(4),
        "five" | "cinq" | "cinco" => Some(5),
        "six" | "seis" => Some(6),
        "twelve" | "douze" | "doce" => Some(12),
        "eighteen" | "dix-huit" | "dieciocho" => Some(18),
        "twenty-four" | "vingt-quatre" | "veinticuatro" => Some(24),
        other => other.parse().ok(),
    }
}

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;

    /// Dates inside sentences, ranges and impossible dates.
    #[test]
    fn dates_in_running_text() {
        let f = find_dates("held on 2 and 3 July 2025. At its 4242nd meeting, held on 11 July 2025,");
        let iso: Vec<String> = f.iter().map(|d| d.date.to_string()).collect();
        assert_eq!(iso, ["2025-07-03", "2025-07-11"]);
        let f = find_dates("144th session (23 June–25 July 2025)");
        assert_eq!(f.len(), 1, "23 June has no year of its own: {f:?}");
        assert_eq!(f[0].date.to_string(), "2025-07-25");
        assert!(find_dates("31 February 2025").is_empty());
    }

    /// French and Spanish dates, with "1er", "de" and accents.
    #[test]
    fn french_and_spanish_dates() {
        let iso = |t: &str| find_dates(t).iter().map(|d| d.date.to_string()).collect::<Vec<_>>();
        assert_eq!(iso("à sa 504e séance, le 17 septembre 2019."), ["2019-09-17"]);
        assert_eq!(iso("Distr. générale 1er octobre 2019"), ["2019-10-01"]);
        assert_eq!(iso("le 3 mai 2026 au plus tard ; le 12 février 2020"), ["2026-05-03", "2020-02-12"]);
        assert_eq!(iso("celebrada el 20 de septiembre de 2019, aprobó"), ["2019-09-20"]);
        assert_eq!(iso("a más tardar el 1º de octubre de 2019"), ["2019-10-01"]);
        assert_eq!(iso("los días 11 y 12 de septiembre de 2019"), ["2019-09-12"]);
        // A year glued to a longer number is no date.
        assert!(iso("the 219 July 2025").is_empty());
        // A day split by a PDF's letter-spacing is mended.
        assert_eq!(iso("of Persons with Disabilities 2 9 September 2015"), ["2015-09-29"]);
        assert_eq!(iso("Disabilities 3 0 September 2015"), ["2015-09-30"]);
        assert_eq!(iso("paragraphs 2 and 9 September 2015"), ["2015-09-09"]);
    }

    /// A date standing alone; adding months clamps to the month's end.
    #[test]
    fn whole_dates_and_arithmetic() {
        assert_eq!(parse_date(" 3 September 2025 ").map(|d| d.to_string()).as_deref(), Some("2025-09-03"));
        assert_eq!(parse_date("Distr.: General 3 September 2025"), None);
        let d = Date::new(2024, 2, 29).unwrap();
        assert_eq!(d.add_months(12).to_string(), "2025-02-28");
        assert_eq!(Date::new(2025, 7, 11).unwrap().add_months(24).to_string(), "2027-07-11");
        assert_eq!(Date::new(2025, 12, 31).unwrap().add_months(2).to_string(), "2026-02-28");
    }

    /// A year alone, not an ordinal.
    #[test]
    fn years_alone() {
        assert_eq!(find_years("report in 2031, 4242nd"), vec![(10, 2031)]);
    }
}
