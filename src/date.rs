//! Calendar dates without time or time zone.
//!
//! A report has one date. It becomes Typst's `datetime.today()` and the PDF
//! creation timestamp, so the same input gives the same bytes. The date comes
//! from the submission or from `SOURCE_DATE_EPOCH`, never from the clock of
//! the machine that happens to build the PDF.

use std::fmt;

/// A date in the proleptic Gregorian calendar, as written in ISO 8601
/// (`2025-05-26`).
///
/// The fields are public so callers can build and match dates directly;
/// [`Date::new`] and [`Date::parse`] are the checked ways in. An impossible
/// date (such as month 13) built by hand is rejected where it reaches Typst:
/// `datetime.today()` then fails and [`crate::compile::export_pdf`] reports an error.
///
/// The derived ordering is chronological because the fields are declared
/// from the most significant (year) to the least (day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year; 2025 means AD 2025, 0 is 1 BC (ISO 8601 astronomical years).
    pub year: i32,
    /// The month, 1 (January) to 12 (December).
    pub month: u8,
    /// The day of the month, 1 to 28, 29, 30 or 31.
    pub day: u8,
}

/// English month names, January first, as UN documents and Amicus's output write them.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month number (1–12) of an English month name, in any case.
pub fn month_from_name(word: &str) -> Option<u8> {
    MONTH_NAMES.iter().position(|m| m.eq_ignore_ascii_case(word)).map(|i| i as u8 + 1)
}

/// The month number (1–12) of a French or Spanish month name, in any case, with or without
/// accents.
fn month_from_local_name(word: &str) -> Option<u8> {
    const NAMES: [[&str; 3]; 12] = [
        ["janvier", "enero", ""],
        ["février", "febrero", "fevrier"],
        ["mars", "marzo", ""],
        ["avril", "abril", ""],
        ["mai", "mayo", ""],
        ["juin", "junio", ""],
        ["juillet", "julio", ""],
        ["août", "agosto", "aout"],
        ["septembre", "septiembre", "setiembre"],
        ["octobre", "octubre", ""],
        ["novembre", "noviembre", ""],
        ["décembre", "diciembre", "decembre"],
    ];
    let word = word.to_lowercase();
    NAMES.iter().position(|names| names.iter().any(|n| !n.is_empty() && *n == word)).map(|i| i as u8 + 1)
}

impl Date {
    /// A checked date: `None` unless `month` is 1–12 and `day` exists in that
    /// month of that year.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day).
    ///
    /// Returns `None` for any other shape and for dates that do not exist,
    /// such as `2025-02-29`.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        // Checking the shape first keeps "+2025-01-01", "2025-1-1" and
        // "2025-01-01T00:00" out, which `str::parse` on the parts would let in.
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return None;
        }
        let year = text[0..4].parse().ok()?;
        let month = text[5..7].parse().ok()?;
        let day = text[8..10].parse().ok()?;
        Date::new(year, month, day)
    }

    /// Why a text written as `YYYY-MM-DD` is not a date, in words that fit the mistake
    /// ("February 2025 has 28 days", "there is no month 13"); `None` when the text is a date
    /// or does not have that shape at all.
    pub fn why_not(text: &str) -> Option<String> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok || Date::parse(text).is_some() {
            return None;
        }
        let year: i32 = text[0..4].parse().ok()?;
        let month: u8 = text[5..7].parse().ok()?;
        let day: u8 = text[8..10].parse().ok()?;
        if !(1..=12).contains(&month) {
            return Some(format!("there is no month {month}: months run from 01 to 12"));
        }
        let name = MONTH_NAMES[usize::from(month) - 1];
        if day == 0 {
            return Some("days start at 01".to_owned());
        }
        Some(format!("{name} {year} has {} days", days_in_month(year, month)))
    }

    /// How to write, as `YYYY-MM-DD` (or `YYYY-MM`), a date written another common way:
    /// `08/12/2025`, `8.12.2025`, `8 de diciembre de 2025`, `December 2024`, `enero 2025`.
    /// A day and month that could be read either way (`08/12/2025`) give both readings.
    /// Month names are read in English, French and Spanish.
    pub fn rewrite(text: &str) -> Option<String> {
        let t = text.trim();
        let numbers: Vec<&str> = t.split(['/', '.', '-']).map(str::trim).collect();
        let digits = |p: &&str| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit());
        if let [y, m, d] = numbers.as_slice()
            && y.len() == 4
            && [*y, *m, *d].iter().all(digits)
        {
            // Year first, with slashes or single digits: `2025/12/8`.
            return Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).map(|d| format!("write `{d}`"));
        }
        if let [a, b, y] = numbers.as_slice()
            && y.len() == 4
            && [*a, *b, *y].iter().all(digits)
        {
            let (a, b, year): (u8, u8, i32) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
            let day_first = Date::new(year, b, a);
            let month_first = Date::new(year, a, b);
            return match (day_first, month_first) {
                (Some(d), Some(m)) if d != m => Some(format!(
                    "write `{d}` for {} {} or `{m}` for {} {}",
                    d.day,
                    MONTH_NAMES[usize::from(d.month) - 1],
                    m.day,
                    MONTH_NAMES[usize::from(m.month) - 1]
                )),
                (Some(d), _) | (None, Some(d)) => Some(format!("write `{d}`")),
                (None, None) => None,
            };
        }
        // Words: a day (optional), a month's name, a year; "de", "of", "du" and commas ignored.
        let words: Vec<String> = t
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty() && !matches!(w.to_lowercase().as_str(), "de" | "of" | "del" | "du"))
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .collect();
        let month = |w: &str| -> Option<u8> { month_from_name(w).or_else(|| month_from_local_name(w)) };
        let number = |w: &str| -> Option<u32> {
            let w = w.trim_end_matches(|c: char| c.is_alphabetic() || c == 'º' || c == '°');
            (!w.is_empty() && w.bytes().all(|c| c.is_ascii_digit())).then(|| w.parse().ok()).flatten()
        };
        let (day, month, year) = match words.as_slice() {
            [m, y] => (None, month(m)?, number(y)?),
            [d, m, y] => match (number(d), month(m), month(d), number(m)) {
                (Some(d), Some(m), _, _) => (Some(d), m, number(y)?),
                (_, _, Some(m), Some(d)) => (Some(d), m, number(y)?),
                _ => return None,
            },
            _ => return None,
        };
        let year = i32::try_from(year).ok().filter(|y| (1000..=9999).contains(y))?;
        match day {
            None => Some(format!("write `{year}-{month:02}`")),
            Some(d) => Date::new(year, month, u8::try_from(d).ok()?).map(|d| format!("write `{d}`")),
        }
    }

    /// The UTC date of a Unix timestamp (seconds since 1970-01-01T00:00:00Z),
    /// as found in `SOURCE_DATE_EPOCH`.
    ///
    /// Negative timestamps give dates before 1970. Returns `None` when the
    /// year would fall outside 0–9999, the range ISO 8601 writes with four
    /// digits and the range Typst's dates accept.
    pub fn from_unix_seconds(seconds: i64) -> Option<Date> {
        let date = time::OffsetDateTime::from_unix_timestamp(seconds).ok()?.date();
        if !(0..=9999).contains(&date.year()) {
            return None;
        }
        Date::new(date.year(), u8::from(date.month()), date.day())
    }

    /// The same day `years` years later (earlier if negative).
    ///
    /// February 29 becomes February 28 when the target year is not a leap
    /// year: a deadline "one year after 2024-02-29" must not spill into March.
    /// The year saturates at the ends of `i32`.
    pub fn add_years(self, years: i32) -> Date {
        let year = self.year.saturating_add(years);
        let day = self.day.min(days_in_month(year, self.month));
        Date { year, month: self.month, day }
    }

    /// The same day `months` months later; the day is clamped to the end of a shorter month
    /// (31 January + 1 month = 28 or 29 February), as a calendar reader would.
    pub fn add_months(self, months: u32) -> Date {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(months);
        let year = i32::try_from(total.div_euclid(12)).unwrap_or(i32::MAX);
        let month = total.rem_euclid(12) as u8 + 1;
        Date { year, month, day: self.day.min(days_in_month(year, month)) }
    }

    /// The date as UN documents write it: `26 May 2025`.
    pub fn long(self) -> String {
        let month = MONTH_NAMES.get(usize::from(self.month).wrapping_sub(1)).copied().unwrap_or("?");
        format!("{} {month} {}", self.day, self.year)
    }

    /// Typst's date value for this date, or `None` if the date does not exist
    /// or is outside the range Typst supports.
    pub(crate) fn to_typst(self) -> Option<typst::foundations::Datetime> {
        typst::foundations::Datetime::from_ymd(self.year, self.month, self.day)
    }

    /// Typst's date-and-time value for midnight (00:00:00) of this date.
    pub(crate) fn to_typst_midnight(self) -> Option<typst::foundations::Datetime> {
        typst::foundations::Datetime::from_ymd_hms(self.year, self.month, self.day, 0, 0, 0)
    }
}

impl fmt::Display for Date {
    /// ISO 8601: `2025-05-26`. Years outside 0–9999 use the expanded form
    /// with an explicit sign (`+10000-01-01`, `-0001-01-01`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if (0..=9999).contains(&self.year) {
            write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
        } else {
            write!(f, "{:+05}-{:02}-{:02}", self.year, self.month, self.day)
        }
    }
}

/// The number of days in `month` (1–12) of `year`; 0 for an invalid month.
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    time::Month::try_from(month).map_or(0, |m| m.length(year))
}

#[cfg(test)]
mod month_tests {
    use super::*;

    #[test]
    fn months_by_name_long_form_and_arithmetic() {
        assert_eq!(month_from_name("july"), Some(7));
        assert_eq!(month_from_name("Juli"), None);
        assert_eq!(Date::new(2025, 5, 26).unwrap().long(), "26 May 2025");
        assert_eq!(Date::new(2024, 1, 31).unwrap().add_months(1), Date::new(2024, 2, 29).unwrap());
        assert_eq!(Date::new(2025, 7, 11).unwrap().add_months(12), Date::new(2026, 7, 11).unwrap());
        assert_eq!(Date::new(2025, 11, 30).unwrap().add_months(3), Date::new(2026, 2, 28).unwrap());
    }

    #[test]
    fn dates_written_other_ways_are_rewritten_as_iso() {
        let r = |t: &str| Date::rewrite(t);
        assert_eq!(r("08/12/2025").as_deref(), Some("write `2025-12-08` for 8 December or `2025-08-12` for 12 August"));
        assert_eq!(r("25/12/2025").as_deref(), Some("write `2025-12-25`"));
        assert_eq!(r("12/25/2025").as_deref(), Some("write `2025-12-25`"));
        assert_eq!(r("5.5.2025").as_deref(), Some("write `2025-05-05`"));
        assert_eq!(r("2025/12/8").as_deref(), Some("write `2025-12-08`"));
        assert_eq!(r("8 de diciembre de 2025").as_deref(), Some("write `2025-12-08`"));
        assert_eq!(r("1er mars 2025").as_deref(), Some("write `2025-03-01`"));
        assert_eq!(r("December 8, 2025").as_deref(), Some("write `2025-12-08`"));
        assert_eq!(r("enero 2025").as_deref(), Some("write `2025-01`"));
        assert_eq!(r("Février 2024").as_deref(), Some("write `2024-02`"));
        assert_eq!(r("31/02/2025"), None);
        assert_eq!(r("30 février 2025"), None);
        assert_eq!(r("TODO"), None);
        assert_eq!(r("2025-1-1").as_deref(), Some("write `2025-01-01`"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shorthand for a date literal that must be valid.
    fn d(year: i32, month: u8, day: u8) -> Date {
        Date::new(year, month, day).expect("valid test date")
    }

    #[test]
    fn parse_accepts_iso_dates_and_round_trips_through_display() {
        for text in ["2025-05-26", "1970-01-01", "2024-02-29", "0000-01-01", "9999-12-31"] {
            let date = Date::parse(text).unwrap_or_else(|| panic!("{text} should parse"));
            assert_eq!(date.to_string(), text);
        }
        assert_eq!(Date::parse("2025-05-26"), Some(d(2025, 5, 26)));
    }

    #[test]
    fn parse_rejects_other_shapes_and_impossible_dates() {
        for text in [
            "",
            "2025-5-26",
            "25-05-26",
            "2025/05/26",
            "2025-05-26T00:00:00",
            " 2025-05-26",
            "+202-05-26",
            "2025-13-01",
            "2025-00-10",
            "2025-04-31",
            "2025-02-29",
            "1900-02-29",
            "2025-05-00",
            "２０２５-05-26",
        ] {
            assert_eq!(Date::parse(text), None, "{text:?} should be rejected");
        }
        // 2000 is a leap year (divisible by 400), 1900 is not (by 100 only).
        assert!(Date::parse("2000-02-29").is_some());
    }

    #[test]
    fn display_pads_and_signs_years() {
        assert_eq!(d(5, 3, 7).to_string(), "0005-03-07");
        let far = Date { year: 10_000, month: 1, day: 1 };
        assert_eq!(far.to_string(), "+10000-01-01");
        let bc = Date { year: -1, month: 12, day: 31 };
        assert_eq!(bc.to_string(), "-0001-12-31");
    }

    #[test]
    fn ordering_is_chronological() {
        assert!(d(2024, 12, 31) < d(2025, 1, 1));
        assert!(d(2025, 1, 31) < d(2025, 2, 1));
        assert!(d(2025, 2, 1) < d(2025, 2, 2));
    }

    #[test]
    fn add_years_clamps_leap_day() {
        assert_eq!(d(2024, 2, 29).add_years(1), d(2025, 2, 28));
        assert_eq!(d(2024, 2, 29).add_years(4), d(2028, 2, 29));
        assert_eq!(d(2024, 2, 29).add_years(-4), d(2020, 2, 29));
        assert_eq!(d(2024, 2, 29).add_years(-1), d(2023, 2, 28));
        assert_eq!(d(2025, 5, 26).add_years(4), d(2029, 5, 26));
        assert_eq!(d(2025, 5, 26).add_years(0), d(2025, 5, 26));
        assert_eq!(d(2025, 5, 26).add_years(i32::MAX).year, i32::MAX);
    }

    #[test]
    fn from_unix_seconds_known_instants() {
        assert_eq!(Date::from_unix_seconds(0), Some(d(1970, 1, 1)));
        assert_eq!(Date::from_unix_seconds(86_399), Some(d(1970, 1, 1)));
        assert_eq!(Date::from_unix_seconds(86_400), Some(d(1970, 1, 2)));
        assert_eq!(Date::from_unix_seconds(-1), Some(d(1969, 12, 31)));
        assert_eq!(Date::from_unix_seconds(-86_400), Some(d(1969, 12, 31)));
        assert_eq!(Date::from_unix_seconds(-86_401), Some(d(1969, 12, 30)));
        // `date -u -d @951782400` = Tue Feb 29 00:00:00 UTC 2000.
        assert_eq!(Date::from_unix_seconds(951_782_400), Some(d(2000, 2, 29)));
        assert_eq!(Date::from_unix_seconds(951_868_800), Some(d(2000, 3, 1)));
        // 2024-02-29T23:59:59Z and one second later.
        assert_eq!(Date::from_unix_seconds(1_709_251_199), Some(d(2024, 2, 29)));
        assert_eq!(Date::from_unix_seconds(1_709_251_200), Some(d(2024, 3, 1)));
        // 2100 is not a leap year: Feb 28 is followed by Mar 1.
        assert_eq!(Date::from_unix_seconds(4_107_456_000), Some(d(2100, 2, 28)));
        assert_eq!(Date::from_unix_seconds(4_107_542_400), Some(d(2100, 3, 1)));
        assert_eq!(Date::from_unix_seconds(1_748_217_600), Some(d(2025, 5, 26)));
    }

    #[test]
    fn from_unix_seconds_rejects_out_of_range_years() {
        assert_eq!(Date::from_unix_seconds(i64::MAX), None);
        assert_eq!(Date::from_unix_seconds(i64::MIN), None);
        // 253402300799 = 9999-12-31T23:59:59Z, the last representable second.
        assert_eq!(Date::from_unix_seconds(253_402_300_799), Some(d(9999, 12, 31)));
        assert_eq!(Date::from_unix_seconds(253_402_300_800), None);
    }

    #[test]
    fn from_unix_seconds_agrees_with_a_day_by_day_walk() {
        // Independent check: walk forward one day at a time from the epoch
        // using only `days_in_month`, over 1970–2110 (crossing 2000 and 2100).
        let mut expected = d(1970, 1, 1);
        for day in 0..51_500_i64 {
            assert_eq!(Date::from_unix_seconds(day * 86_400 + 43_200), Some(expected), "day {day}");
            expected = if expected.day < days_in_month(expected.year, expected.month) {
                Date { day: expected.day + 1, ..expected }
            } else if expected.month < 12 {
                d(expected.year, expected.month + 1, 1)
            } else {
                d(expected.year + 1, 1, 1)
            };
        }
    }

    #[test]
    fn typst_conversion_rejects_impossible_dates() {
        assert!(d(2025, 5, 26).to_typst().is_some());
        let bad = Date { year: 2025, month: 13, day: 1 };
        assert!(bad.to_typst().is_none());
        assert!(bad.to_typst_midnight().is_none());
    }
}

/// The document date: `SOURCE_DATE_EPOCH` when set (reproducible-build tools set it),
/// otherwise the submission's own date.
pub fn document_date(iso: &str) -> Date {
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<i64>().ok());
    if let Some(d) = epoch.and_then(Date::from_unix_seconds) {
        return d;
    }
    Date::parse(iso).unwrap_or(Date { year: 2000, month: 1, day: 1 })
}

/// Whether `text` is a calendar date `YYYY-MM-DD`.
pub fn is_date(text: &str) -> bool {
    Date::parse(text.trim()).is_some()
}
