//! Which way a run of text goes, and which of Word's four fonts draws it.
//!
//! Word does not find the direction of a run by itself the way a browser or Typst does: a run
//! of Arabic text is right to left only with `w:rtl` in its properties (and is then drawn with
//! the complex-script font, size, bold and italic: `w:cs`, `w:szCs`, `w:bCs`, `w:iCs`), and
//! `w:rtl` must not be set on strongly left-to-right text (ISO/IEC 29500-1, §17.3.2.30). So a
//! text is cut where its direction changes, with a simplified form of the Unicode
//! bidirectional algorithm (UAX #9): letters decide; digits take the direction of the letters
//! before them when these are left to right (W7), and otherwise go with the right-to-left
//! text around them; punctuation and spaces between two stretches of one direction take it
//! (N1), and elsewhere the paragraph's (N2). A UN symbol inside Arabic text (CAT/C/XYZ/CO/2)
//! stays one left-to-right run, slashes and digits included.
//!
//! Characters that Chinese shares with Latin text (quotation marks, dashes, the ellipsis, the
//! middle dot) are drawn with the East Asian font next to Chinese text (`w:hint="eastAsia"`),
//! so that “中文” has the full-width marks the PDF has, while the apostrophe of "l’avocat"
//! inside a Chinese paragraph stays Latin.

/// What a character counts as.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    /// A right-to-left letter (Arabic, Hebrew, Syriac, Thaana, N'Ko).
    Rtl,
    /// A left-to-right letter of a script other than Chinese, Japanese or Korean.
    Ltr,
    /// A Chinese, Japanese or Korean character, or their punctuation (left to right).
    EastAsian,
    /// A European digit.
    Digit,
    /// Anything else: spaces, punctuation, symbols.
    Neutral,
}

fn class(c: char) -> Class {
    match u32::from(c) {
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFE | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF => {
            if c.is_alphabetic() || matches!(u32::from(c), 0x0600..=0x06FF) && !c.is_ascii_digit() {
                // Arabic punctuation (، ؛ ؟) is right to left in Word's eyes too.
                Class::Rtl
            } else {
                Class::Neutral
            }
        }
        0x1100..=0x11FF
        | 0x2E80..=0x2FDF
        | 0x3000..=0x303F
        | 0x3040..=0x30FF
        | 0x3100..=0x31FF
        | 0x3200..=0x9FFF
        | 0xA960..=0xA97F
        | 0xAC00..=0xD7FF
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF => Class::EastAsian,
        _ if c.is_ascii_digit() => Class::Digit,
        _ if c.is_alphabetic() => Class::Ltr,
        _ => Class::Neutral,
    }
}

/// A stretch of text that Word draws one way: `rtl` (right to left, with the complex-script
/// font) and `east_asian` (shared punctuation drawn with the East Asian font).
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Segment<'a> {
    pub text: &'a str,
    pub rtl: bool,
    pub east_asian: bool,
}

/// Cuts `text` where its direction or script changes. `rtl_paragraph`: the paragraph runs
/// right to left. Text with no right-to-left letter in a left-to-right paragraph, and with no
/// Chinese, Japanese or Korean character, is one segment.
pub(super) fn segments(text: &str, rtl_paragraph: bool) -> Vec<Segment<'_>> {
    let chars: Vec<(usize, char, Class)> = text.char_indices().map(|(i, c)| (i, c, class(c))).collect();
    let any = |k: Class| chars.iter().any(|&(_, _, c)| c == k);
    let (has_rtl, has_cjk) = (any(Class::Rtl), any(Class::EastAsian));
    if text.is_empty() {
        return Vec::new();
    }
    if !has_cjk && !has_rtl && !rtl_paragraph {
        return vec![Segment { text, rtl: false, east_asian: false }];
    }
    if !has_cjk && rtl_paragraph && !any(Class::Ltr) {
        // Digits and punctuation with right-to-left letters or none: all of it goes with them.
        return vec![Segment { text, rtl: true, east_asian: false }];
    }
    // Resolved direction of each character: true for right to left.
    let n = chars.len();
    let mut strong: Vec<Option<bool>> = chars
        .iter()
        .map(|&(_, _, k)| match k {
            Class::Rtl => Some(true),
            Class::Ltr | Class::EastAsian => Some(false),
            Class::Digit | Class::Neutral => None,
        })
        .collect();
    // W7: a digit after left-to-right letters (or at the start of a left-to-right paragraph)
    // is left to right; otherwise it counts as right to left around neutrals (N1).
    let mut last = rtl_paragraph;
    for i in 0..n {
        match chars[i].2 {
            Class::Digit => strong[i] = Some(last),
            _ => {
                if let Some(d) = strong[i] {
                    last = d;
                }
            }
        }
    }
    // N1/N2: neutrals between two of one direction take it, else the paragraph's.
    let mut i = 0;
    while i < n {
        if strong[i].is_some() {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && strong[i].is_none() {
            i += 1;
        }
        let before = if start == 0 { rtl_paragraph } else { strong[start - 1].unwrap_or(rtl_paragraph) };
        let after = if i == n { rtl_paragraph } else { strong[i].unwrap_or(rtl_paragraph) };
        let d = if before == after { before } else { rtl_paragraph };
        for s in &mut strong[start..i] {
            *s = Some(d);
        }
    }
    // East Asian: the CJK characters, and neutrals next to them.
    let mut east = vec![false; n];
    let mut i = 0;
    while i < n {
        if chars[i].2 == Class::EastAsian {
            east[i] = true;
            i += 1;
            continue;
        }
        if chars[i].2 != Class::Neutral {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && chars[i].2 == Class::Neutral {
            i += 1;
        }
        let near = (start > 0 && chars[start - 1].2 == Class::EastAsian) || (i < n && chars[i].2 == Class::EastAsian);
        if near {
            east[start..i].iter_mut().for_each(|e| *e = true);
        }
    }
    let mut out: Vec<Segment> = Vec::new();
    let mut start = 0;
    for i in 1..=n {
        if i == n || strong[i] != strong[start] || east[i] != east[start] {
            let end = if i == n { text.len() } else { chars[i].0 };
            out.push(Segment {
                text: &text[chars[start].0..end],
                rtl: strong[start] == Some(true),
                east_asian: east[start],
            });
            start = i;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, rtl: bool) -> Vec<(&str, bool, bool)> {
        segments(text, rtl).into_iter().map(|s| (s.text, s.rtl, s.east_asian)).collect()
    }

    #[test]
    fn latin_text_is_one_left_to_right_run() {
        assert_eq!(cut("The State party, 2025.", false), [("The State party, 2025.", false, false)]);
    }

    #[test]
    fn arabic_text_is_one_right_to_left_run_digits_included() {
        assert_eq!(cut("6 تشرين الأول/أكتوبر 2025", true), [("6 تشرين الأول/أكتوبر 2025", true, false)]);
        assert_eq!(cut("لمدة تصل إلى 72 ساعة.", true), [("لمدة تصل إلى 72 ساعة.", true, false)]);
    }

    #[test]
    fn a_un_symbol_inside_arabic_stays_one_left_to_right_run() {
        assert_eq!(
            cut("السابقة (CAT/C/XYZ/CO/2، الفقرة 10) بضمان", true),
            [("السابقة (", true, false), ("CAT/C/XYZ/CO/2", false, false), ("، الفقرة 10) بضمان", true, false)]
        );
    }

    #[test]
    fn arabic_inside_an_english_paragraph_is_right_to_left() {
        assert_eq!(
            cut("Report (تقرير سنوي) of 2024", false),
            [("Report (", false, false), ("تقرير سنوي", true, false), (") of 2024", false, false)]
        );
    }

    #[test]
    fn a_url_in_an_arabic_paragraph_is_left_to_right() {
        assert_eq!(cut("https://orad.test/report-2024", true), [("https://orad.test/report-2024", false, false)]);
    }

    #[test]
    fn chinese_quotes_are_east_asian_but_a_latin_apostrophe_is_not() {
        assert_eq!(cut("“律师”与l’avocat", false), [("“律师”与", false, true), ("l’avocat", false, false)]);
    }
}
