//! The widths of a table's columns in Word, from what they hold, as the PDF sizes them.
//!
//! Word lays out a table with fixed widths (`w:tblLayout w:type="fixed"`) faster and the same
//! in every viewer, so the writer decides them. A column's text is measured twice, with
//! average letter widths of the body font: its *least* width is its longest word (a column
//! never narrower than that, so no word is cut), its *natural* width its longest paragraph on
//! one line. Then, as Typst sizes `auto` and `1fr` columns and a browser sizes an automatic
//! table:
//!
//! - a column with a weight (a share, `1fr`) takes a share of what the others leave;
//! - a column without (weight 0, or no weights at all) takes its natural width when everything
//!   fits, and otherwise each such column gives up the same part of what lies between its
//!   natural and least widths, until the table fits the text width;
//! - a table of columns without weights whose natural widths fit is as wide as they are, not
//!   the width of the page (as in the PDF).

/// What one column holds: each cell's paragraphs as plain text, and whether the cell is bold
/// (a header).
pub(super) struct ColumnText<'a> {
    pub cells: Vec<(&'a str, bool)>,
}

/// Twentieths of a point of one em at 11 pt.
const EM: f64 = 220.0;
/// A cell's left and right margins (`w:tblCellMar` of the table style), and a little air.
const MARGINS: u32 = 2 * 108 + 40;

/// The width of a character in ems, roughly, in Times New Roman (and in SimSun and the
/// Arabic faces Word falls back on).
fn char_em(c: char) -> f64 {
    match c {
        '\u{2060}' | '\u{200B}' | '\u{200C}' | '\u{200D}' => 0.0,
        ' ' | '\u{a0}' | '\u{202f}' => 0.25,
        'i' | 'j' | 'l' | 't' | 'f' | 'r' | 'I' | '.' | ',' | ';' | ':' | '!' | '\'' | '’' | '|' | '(' | ')' | '['
        | ']' | '/' | '-' => 0.33,
        'm' | 'w' | 'M' | 'W' | '%' | '—' => 0.85,
        c if c.is_ascii_uppercase() => 0.68,
        c if c.is_ascii_digit() => 0.5,
        c if is_wide(c) => 1.0,
        _ => 0.48,
    }
}

/// A character Chinese, Japanese or Korean text sets a full em wide; a line may break before
/// and after any of them.
fn is_wide(c: char) -> bool {
    matches!(u32::from(c), 0x1100..=0x11FF | 0x2E80..=0x9FFF | 0xAC00..=0xD7FF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0x20000..=0x3FFFF)
}

/// The width of some text in twentieths of a point (bold text a little wider).
fn measure(text: &str, bold: bool) -> f64 {
    let w: f64 = text.chars().map(char_em).sum::<f64>() * EM;
    if bold { w * 1.06 } else { w }
}

/// The least width a paragraph can be set in: its longest word (where a line may break: at a
/// space, after a hyphen, around a Chinese character).
fn least(text: &str, bold: bool) -> f64 {
    let mut longest: f64 = 0.0;
    let mut word = String::new();
    let mut flush = |word: &mut String| {
        longest = longest.max(measure(word, bold));
        word.clear();
    };
    for c in text.chars() {
        if c == ' ' || c == '\n' {
            flush(&mut word);
        } else if is_wide(c) {
            flush(&mut word);
            word.push(c);
            flush(&mut word);
        } else {
            word.push(c);
            if c == '-' {
                flush(&mut word);
            }
        }
    }
    flush(&mut word);
    longest
}

/// About how many lines a cell's text takes in a column `width` wide (margins included): each
/// paragraph at least one.
pub(super) fn lines(text: &str, bold: bool, width: u32) -> u32 {
    let room = f64::from(width.saturating_sub(MARGINS).max(200));
    text.split('\n').map(|para| ((measure(para, bold) / room).ceil() as u32).max(1)).sum()
}

/// The (least, natural) widths of a column, margins included.
fn column_range(column: &ColumnText) -> (u32, u32) {
    let (mut min, mut max): (f64, f64) = (0.0, 0.0);
    for (text, bold) in &column.cells {
        for para in text.split('\n') {
            min = min.max(least(para, *bold));
            max = max.max(measure(para, *bold));
        }
    }
    (min.ceil() as u32 + MARGINS, max.ceil() as u32 + MARGINS)
}

/// The widths of the columns in twentieths of a point, and whether the table spans the text
/// width (`false`: it is as wide as its columns). `weights`: one per column (0: sized by its
/// content), or empty: every column sized by its content.
pub(super) fn column_widths(columns: &[ColumnText], weights: &[u32], text_width: u32) -> (Vec<u32>, bool) {
    if columns.is_empty() {
        return (Vec::new(), true);
    }
    let n = columns.len();
    let weights: Vec<u32> = if weights.len() == columns.len() { weights.to_vec() } else { vec![0; columns.len()] };
    let ranges: Vec<(u32, u32)> = columns.iter().map(column_range).collect();
    let shared: u32 = weights.iter().sum();
    let auto: Vec<usize> = (0..columns.len()).filter(|&i| weights[i] == 0).collect();
    // What the columns with a share need at least.
    let shared_least: u32 = (0..columns.len()).filter(|&i| weights[i] > 0).map(|i| ranges[i].0).sum();
    let room = text_width.saturating_sub(shared_least);
    let (least_auto, natural_auto): (u32, u32) =
        auto.iter().fold((0, 0), |(a, b), &i| (a + ranges[i].0, b + ranges[i].1));
    let mut widths = vec![0u32; columns.len()];
    if natural_auto <= room {
        for &i in &auto {
            widths[i] = ranges[i].1;
        }
    } else if least_auto >= room {
        // Even their least widths do not fit: shares of the room by least width.
        for &i in &auto {
            widths[i] = (u64::from(room) * u64::from(ranges[i].0) / u64::from(least_auto.max(1))) as u32;
        }
    } else {
        let give = u64::from(room - least_auto);
        let span = u64::from(natural_auto - least_auto).max(1);
        for &i in &auto {
            let (lo, hi) = ranges[i];
            widths[i] = lo + (u64::from(hi - lo) * give / span) as u32;
        }
    }
    if shared == 0 {
        let total: u32 = widths.iter().sum();
        let full = total >= text_width;
        if full {
            // Rounding: the last column takes what is left.
            let rest: u32 = widths[..n - 1].iter().sum();
            widths[n - 1] = text_width.saturating_sub(rest).max(1);
        }
        return (widths, full);
    }
    let left = text_width.saturating_sub(widths.iter().sum());
    for (i, w) in weights.iter().enumerate() {
        if *w > 0 {
            widths[i] = (u64::from(left) * u64::from(*w) / u64::from(shared)) as u32;
        }
    }
    (widths, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col<'a>(cells: &[&'a str]) -> ColumnText<'a> {
        ColumnText { cells: cells.iter().map(|c| (*c, false)).collect() }
    }

    #[test]
    fn a_narrow_column_of_numbers_and_a_wide_column_of_text() {
        let numbers = col(&["No.", "1", "12"]);
        let text = col(&[
            "Finding",
            "Arbitrary detention of migrants at the border, and the courts' failure to review it within forty-eight hours as the law requires",
        ]);
        let (w, full) = column_widths(&[numbers, text], &[], 9000);
        assert!(full);
        assert_eq!(w.iter().sum::<u32>(), 9000);
        assert!(w[0] < 1000, "{w:?}");
        assert!(w[1] > 8000, "{w:?}");
    }

    #[test]
    fn short_columns_keep_their_natural_widths_and_the_table_is_as_wide_as_they_are() {
        let (w, full) = column_widths(&[col(&["Year", "2024"]), col(&["Cases", "17"])], &[], 9000);
        assert!(!full);
        assert!(w.iter().sum::<u32>() < 3000, "{w:?}");
    }

    #[test]
    fn a_column_never_narrower_than_its_longest_word() {
        let long = "a ".repeat(400);
        let word = col(&["Intersectionality"]);
        let (w, _) = column_widths(&[word, col(&[long.as_str()])], &[], 6000);
        let (least, _) = column_range(&col(&["Intersectionality"]));
        assert!(w[0] >= least, "{w:?} {least}");
    }

    #[test]
    fn shares_divide_what_the_content_sized_columns_leave() {
        let figures = [col(&["Made", "15"]), col(&["Fully reflected", "7"])];
        let finding = col(&["Finding", "Data on persons of African descent and indigenous peoples"]);
        let [a, b] = figures;
        let (w, full) = column_widths(&[finding, a, b], &[1, 0, 0], 9000);
        assert!(full);
        assert_eq!(w[1], column_range(&col(&["Made", "15"])).1);
        assert!(w[0] > w[1] + w[2], "{w:?}");
        assert!(w.iter().sum::<u32>() <= 9000);
    }

    #[test]
    fn chinese_text_breaks_anywhere_so_its_least_width_is_one_character() {
        let (least, natural) = column_range(&col(&["按问题列出的我们的建议"]));
        assert!(least < 600, "{least}");
        assert!(natural > 2000, "{natural}");
    }
}
