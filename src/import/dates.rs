//! English dates as concluding observations write them ("11 July 2025", "2 and 3 July 2025")
//! turned into [`Date`]s; the calendar itself is [`crate::date`].

pub(crate) use crate::date::Date;
use crate::date::month_from_name;

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
    let words = words_with_offsets(text);
    let mut out = Vec::new();
    for w in words.windows(3) {
        let [(s, day), (_, month), (ys, year)] = w else { continue };
        let (Ok(d), Some(m)) = (day.parse::<u8>(), month_from_name(month)) else { continue };
        if year.len() != 4 {
            continue;
        }
        let Ok(y) = year.parse::<i32>() else { continue };
        if let Some(date) = Date::new(y, m, d) {
            out.push(FoundDate { start: *s, end: ys + year.len(), date });
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

/// "one", "two" … "five" or a digit string as a number.
pub(crate) fn small_number(word: &str) -> Option<u32> {
    match word.to_lowercase().as_str() {
        "one" | "a" => Some(1),
        "two" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        "six" => Some(6),
        "twelve" => Some(12),
        "eighteen" => Some(18),
        "twenty-four" => Some(24),
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
