//! English dates as concluding observations write them ("11 July 2025", "2 and 3 July 2025")
//! turned into ISO `YYYY-MM-DD`, and the date arithmetic the follow-up deadline needs.

/// A calendar date without time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Date {
    /// The year, e.g. 2025.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
    /// The day of the month, 1–31.
    pub day: u32,
}

/// English month names in calendar order.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

impl Date {
    /// A date, if it exists in the calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The same day `months` months later; the day is clamped to the end of a shorter month
    /// (31 January + 1 month = 28 or 29 February), as a calendar reader would.
    pub fn add_months(self, months: u32) -> Date {
        let total = self.year * 12 + (self.month as i32 - 1) + months as i32;
        let (year, month) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
        Date { year, month, day: self.day.min(days_in_month(year, month)) }
    }
}

/// Whether `year` is a Gregorian leap year.
fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in a month.
fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The month number of an English month name (full, any case).
fn month_number(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    MONTHS.iter().position(|m| *m == lower).map(|i| i as u32 + 1)
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
    let words = words_with_offsets(text);
    let mut out = Vec::new();
    for w in words.windows(3) {
        let [(s, day), (_, month), (ys, year)] = w else { continue };
        let (Ok(d), Some(m)) = (day.parse::<u32>(), month_number(month)) else { continue };
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
        let iso: Vec<String> = f.iter().map(|d| d.date.iso()).collect();
        assert_eq!(iso, ["2025-07-03", "2025-07-11"]);
        let f = find_dates("144th session (23 June–25 July 2025)");
        assert_eq!(f.len(), 1, "23 June has no year of its own: {f:?}");
        assert_eq!(f[0].date.iso(), "2025-07-25");
        assert!(find_dates("31 February 2025").is_empty());
    }

    /// A date standing alone; adding months clamps to the month's end.
    #[test]
    fn whole_dates_and_arithmetic() {
        assert_eq!(parse_date(" 3 September 2025 ").map(Date::iso).as_deref(), Some("2025-09-03"));
        assert_eq!(parse_date("Distr.: General 3 September 2025"), None);
        let d = Date::new(2024, 2, 29).unwrap();
        assert_eq!(d.add_months(12).iso(), "2025-02-28");
        assert_eq!(Date::new(2025, 7, 11).unwrap().add_months(24).iso(), "2027-07-11");
        assert_eq!(Date::new(2025, 12, 31).unwrap().add_months(2).iso(), "2026-02-28");
    }

    /// A year alone, not an ordinal.
    #[test]
    fn years_alone() {
        assert_eq!(find_years("report in 2031, 4242nd"), vec![(10, 2031)]);
    }
}
