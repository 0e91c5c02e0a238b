//! Pass 1: from extracted text to the lines that carry the document.
//!
//! Takes the text as `pdftotext`, `pdf-extract`, the Word reader or a copy-paste gives it and
//! sorts every line into one of: page furniture (running headers with the symbol, page numbers,
//! job numbers such as `GE.25-12345 (E)`, "Please recycle", "Advance unedited version"), the
//! header block before the first section, footnote text (numbered, at page ends or at the end of
//! the text, and the title's `*` note), or body. Footnote calls glued to words ("detention12",
//! "detention.12") are matched with their footnotes in sequence and cut out of the body text;
//! each [`Note`] remembers the body line of its call.

use super::ImportWarning;
use super::text::{find_symbol, is_document_symbol, is_job_number, normalize_line};
use std::collections::BTreeMap;

/// One line of the extracted text, normalised.
#[derive(Debug, Clone)]
pub(crate) struct SourceLine {
    /// 1-based line number in the extracted text.
    pub no: usize,
    /// The text with spaces normalised (see [`normalize_line`]).
    pub text: String,
    /// Whether a form feed (page break) stood on this line.
    pub page_break: bool,
}

/// A line of the document's body, after furniture and footnotes have been taken out.
#[derive(Debug, Clone)]
pub(crate) struct BodyLine {
    /// 1-based line number in the extracted text.
    pub no: usize,
    /// The text, with confirmed footnote calls removed.
    pub text: String,
    /// Whether a blank line, page furniture or a page break separates it from the previous
    /// body line.
    pub gap_before: bool,
}

/// A footnote: its number (or mark), text, and where its call is.
#[derive(Debug, Clone)]
pub(crate) struct Note {
    /// The footnote number as printed.
    pub number: u32,
    /// The text, one entry per source line (joined later, when the document's words are known).
    pub lines: Vec<String>,
    /// The line the footnote starts on (1-based).
    pub line: usize,
    /// Index into [`Cleaned::body`] of the line holding the call; `None` when no call was
    /// found, and then the note belongs to the body line before it (`after_body`).
    pub call: Option<usize>,
    /// How many body lines came before the footnote text.
    pub after_body: usize,
}

/// A note marked with an asterisk, such as the title's "* Adopted by the Committee at its
/// 144th session (23 June–25 July 2025)."
#[derive(Debug, Clone)]
pub(crate) struct StarNote {
    /// Its text without the asterisk.
    pub text: String,
}

/// What pass 1 gives to the later passes.
#[derive(Debug, Default)]
pub(crate) struct Cleaned {
    /// The lines before the first section heading or paragraph 1, without furniture and blanks.
    pub header: Vec<SourceLine>,
    /// The body lines, in order.
    pub body: Vec<BodyLine>,
    /// The numbered footnotes, in order.
    pub notes: Vec<Note>,
    /// Asterisk notes (usually one, on the title).
    pub star_notes: Vec<StarNote>,
    /// The first concluding-observations symbol seen in the header or the running headers.
    pub symbol: Option<String>,
}

/// Splits the text into normalised lines; a form feed marks a page break on its line.
pub(crate) fn split_lines(text: &str) -> Vec<SourceLine> {
    text.split('\n')
        .enumerate()
        .map(|(i, raw)| {
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            SourceLine { no: i + 1, text: normalize_line(raw), page_break: raw.contains('\u{c}') }
        })
        .collect()
}

/// Joins a section label standing alone on its line ("A." or "III.", as `pdftotext` and
/// copy-paste give a heading whose label and title are set apart by a tab) with the title on
/// the next non-blank line, so that "A." / "" / "Introduction" reads "A. Introduction". The
/// title's line is left blank; the heading keeps the label's line number.
fn merge_lone_labels(lines: &mut [SourceLine]) {
    for i in 0..lines.len() {
        let Some(label) = lines[i].text.strip_suffix('.') else { continue };
        let is_letter = label.len() == 1 && label.chars().all(|c| c.is_ascii_uppercase());
        // A group number ("1." / "" / "General principles and obligations (arts. 1–4)"): one
        // digit, set apart from a title by a blank line.
        let is_digit = label.len() == 1 && label.chars().all(|c| c.is_ascii_digit());
        if !(is_letter || is_digit || super::text::roman_value(label).is_some()) {
            continue;
        }
        let Some(j) = (i + 1..lines.len().min(i + 4)).find(|&j| !lines[j].text.is_empty()) else { continue };
        if lines[j].page_break || (is_digit && (j == i + 1 || lines[j].text.ends_with(['.', ';', ':', ',']))) {
            continue;
        }
        let title = &lines[j].text;
        let title_like = title.starts_with(char::is_uppercase)
            && para_start(title).is_none()
            && !is_furniture(title)
            && section_heading(title).is_none();
        if title_like {
            lines[i].text = format!("{}. {}", label, lines[j].text);
            lines[j].text.clear();
        }
    }
}

/// Puts back the words of a justified line that `pdftotext` (in its default mode) scattered:
/// where the spaces of a line are very wide, it writes the words after the first few as
/// blocks of one word each ("independent", "", "monitoring", "", "mechanism" …) after the
/// block the line belongs to. A run of at least three such one-word blocks is joined and put
/// back after the line of the block before it that stops short (not its last line, which ends
/// the block); the run's place is reported, since the order is rebuilt from the layout alone.
fn gather_scattered_words(lines: &mut [SourceLine], warnings: &mut Vec<ImportWarning>) {
    let one_word = |l: &SourceLine| {
        !l.page_break
            && !l.text.is_empty()
            && !l.text.contains(' ')
            && l.text.chars().all(|c| c.is_alphabetic() || "-’'".contains(c))
    };
    let mut i = 0;
    while i < lines.len() {
        if !one_word(&lines[i]) || i < 2 || !lines[i - 1].text.is_empty() {
            i += 1;
            continue;
        }
        // The run: word, blank, word, blank, … (one blank line between words).
        let mut words = vec![i];
        let mut k = i;
        while k + 2 < lines.len() && lines[k + 1].text.is_empty() && !lines[k + 1].page_break && one_word(&lines[k + 2])
        {
            k += 2;
            words.push(k);
        }
        let ends_block = lines.get(k + 1).is_none_or(|l| l.text.is_empty() || l.page_break);
        if words.len() < 3 || !ends_block {
            i = k + 1;
            continue;
        }
        // The block before the run, and in it the line that stops short.
        let block_end = i - 1;
        let block_start =
            (0..block_end).rev().find(|&j| lines[j].text.is_empty() || lines[j].page_break).map_or(0, |j| j + 1);
        let target = (block_start..block_end.saturating_sub(1))
            .filter(|&j| {
                let t = &lines[j].text;
                !t.is_empty()
                    && super::text::item_marker(t).is_none_or(|(_, rest)| !rest.is_empty())
                    && para_start(t).is_none_or(|(_, rest)| !rest.is_empty())
                    && !t.ends_with(['.', ';', ':', ','])
            })
            .min_by_key(|&j| lines[j].text.chars().count());
        let Some(target) = target else {
            i = k + 1;
            continue;
        };
        let phrase = words.iter().map(|&w| lines[w].text.as_str()).collect::<Vec<_>>().join(" ");
        warnings.push(ImportWarning::new(
            lines[i].no,
            format!(
                "the words \"{phrase}\" stood apart, one per line, as copied text sets out a line with wide spaces; they were put back after \"{}\" (line {}) — check the sentence",
                lines[target].text, lines[target].no
            ),
        ));
        lines[target].text = format!("{} {phrase}", lines[target].text);
        for &w in &words {
            lines[w].text.clear();
        }
        i = k + 1;
    }
}

/// Puts the first line of a lettered item back after its marker where `pdftotext` (in its
/// default, reading-order mode) moved it: the first line of an indented item is a block of its
/// own, written after the block that holds the item's other lines, so that "(c)" is followed by
/// the item's end ("of 2021;", starting in lower case) and, after a blank line, by its first
/// line ("The enactment of the Act …"). When a marker is followed by such a lower-case run and
/// then by a one-line block starting with a capital, that line is moved up to follow the
/// marker (it keeps its own line number).
fn reorder_item_first_lines(lines: &mut Vec<SourceLine>) {
    let mut i = 0;
    while i + 1 < lines.len() {
        let marker = super::text::item_marker(&lines[i].text).is_some_and(|(_, rest)| rest.is_empty());
        if !marker || !lines[i + 1].text.starts_with(char::is_lowercase) {
            i += 1;
            continue;
        }
        // The lower-case run: up to the next blank line.
        let run_end = (i + 1..lines.len()).find(|&k| lines[k].text.is_empty()).unwrap_or(lines.len());
        // Its first line: the next block, past any page furniture (a job number) between.
        let Some(f) = (run_end..lines.len()).find(|&k| !lines[k].text.is_empty() && !is_furniture(&lines[k].text))
        else {
            break;
        };
        let alone = lines.get(f + 1).is_none_or(|l| l.text.is_empty() || l.page_break);
        let first = &lines[f].text;
        let fits = first.starts_with(char::is_uppercase)
            && alone
            && !lines[f].page_break
            && (run_end..f).all(|k| !lines[k].page_break)
            && para_start(first).is_none()
            && section_heading(first).is_none()
            && super::text::item_marker(first).is_none()
            && !is_furniture(first)
            && !super::text::ends_sentence(first);
        if fits {
            let line = lines.remove(f);
            lines.insert(i + 1, line);
        }
        i += 1;
    }
}

/// Puts an item's text back after its marker where `pdftotext` wrote the next paragraph's
/// number between them: "(c)", "66.", footnote and page numbers, then the item's block ("The
/// lack of accessibility in polling stations.") and only after it paragraph 66's text. The
/// block (up to the next blank line) is moved up to follow the marker.
fn reorder_item_before_number(lines: &mut Vec<SourceLine>) {
    let mut i = 0;
    while i + 1 < lines.len() {
        let marker = super::text::item_marker(&lines[i].text).is_some_and(|(_, rest)| rest.is_empty());
        let number = para_start(&lines[i + 1].text).is_some_and(|(_, rest)| rest.is_empty());
        if !(marker && number) {
            i += 1;
            continue;
        }
        let Some(f) = (i + 2..lines.len()).find(|&k| {
            let t = &lines[k].text;
            !t.is_empty() && !is_furniture(t)
        }) else {
            break;
        };
        let end =
            (f + 1..lines.len()).find(|&k| lines[k].text.is_empty() || lines[k].page_break).unwrap_or(lines.len());
        let first = &lines[f].text;
        let fits = first.starts_with(char::is_uppercase)
            && (i + 1..end).all(|k| !lines[k].page_break)
            && (f..end).all(|k| {
                let t = &lines[k].text;
                para_start(t).is_none() && section_heading(t).is_none() && super::text::item_marker(t).is_none()
            })
            && (super::text::ends_sentence(&lines[end - 1].text) || lines[end - 1].text.trim_end().ends_with(';'));
        if fits {
            let block: Vec<SourceLine> = lines.drain(f..end).collect();
            for (k, l) in block.into_iter().enumerate() {
                lines.insert(i + 1 + k, l);
            }
        }
        i += 1;
    }
}

/// Puts each footnote number back beside its text where `pdftotext` or a copy-paste set them
/// apart: at a page's end the numbers come as a block ("5", "6"), perhaps with the page number
/// among them, and the texts as another ("Ibid., para. 7.", "Ibid., para. 8."). The block
/// starts at a bare number that is the next footnote's and runs to the page's end, with no
/// paragraph, section or lettered item after it. When the texts (one per sentence-ending
/// run of lines) are as many as the numbers, each text line gets its number ("5 Ibid., para.
/// 7.") and the number lines are left blank; otherwise the page is left as it is, for the
/// footnote pass to report what it cannot place.
fn regroup_footnotes(lines: &mut [SourceLine]) {
    let mut next: u32 = 1;
    let mut start = 0;
    let mut page_number = 1;
    while start < lines.len() {
        let end = (start + 1..lines.len()).find(|&i| lines[i].page_break).unwrap_or(lines.len());
        next = regroup_page(&mut lines[start..end], next, page_number);
        start = end;
        page_number += 1;
    }
}

/// [`regroup_footnotes`] on one page; returns the next footnote number after the page.
fn regroup_page(page: &mut [SourceLine], next: u32, page_number: u32) -> u32 {
    // Footnote numbers on a page come in order but not always in reading order ("1", texts,
    // "3 …", "4 …", "2"): a number is one of the page's footnotes if it lies in a window
    // after the last one seen.
    let window = |n: u32| n >= next && n < next + 30;
    let zone = page.iter().position(|l| bare_number(&l.text) == Some(next)).filter(|&z| {
        page[z + 1..].iter().all(|l| {
            para_start(&l.text).is_none()
                && section_heading(&l.text).is_none()
                && super::text::item_marker(&l.text).is_none()
        })
    });
    let Some(z) = zone else {
        // No block apart: only keep count of the footnotes written "5 Ibid." on this page (a
        // footnote starts with a capital, a quote or a symbol; "14 years of age;" is a
        // wrapped line of the text).
        let mut next = next;
        for l in page.iter() {
            if let Some((n, rest)) = note_start(&l.text)
                && window(n)
                && n >= next
                && rest.starts_with(|c: char| c.is_uppercase() || "“\"‘".contains(c))
                && !starts_with_month(rest)
            {
                next = n + 1;
            }
        }
        return next;
    };
    let mut seen: Vec<u32> = Vec::new();
    let mut bare: Vec<(usize, u32)> = Vec::new();
    let mut texts: Vec<Vec<usize>> = Vec::new();
    let mut numbered_open = false;
    // A blank line ends a block: a footnote's text does not run on across one.
    let mut blank = false;
    for i in z..page.len() {
        let t = &page[i].text;
        if t.is_empty() {
            blank = true;
            continue;
        }
        let after_blank = std::mem::replace(&mut blank, false);
        if let Some(n) = bare_number(t).filter(|n| window(*n) && !seen.contains(n)) {
            seen.push(n);
            bare.push((i, n));
            numbered_open = false;
            continue;
        }
        if is_furniture(t) || star_start(t).is_some() {
            numbered_open = false;
            continue;
        }
        if let Some((n, rest)) = note_start(t).filter(|(n, r)| window(*n) && !seen.contains(n) && !r.is_empty()) {
            seen.push(n);
            numbered_open = !super::text::ends_sentence(rest);
            continue;
        }
        if numbered_open {
            // The next line of a footnote written "5 See …": it stays where it is.
            numbered_open = !super::text::ends_sentence(t);
            continue;
        }
        let continues = !after_blank
            && texts
                .last()
                .and_then(|g| g.last())
                .is_some_and(|&k| !super::text::ends_sentence(&page[k].text) || t.starts_with(char::is_lowercase));
        match (continues, texts.last_mut()) {
            (true, Some(g)) => g.push(i),
            _ => texts.push(vec![i]),
        }
    }
    // Text that leads into a list ("The Committee recommends that the State party:") is the
    // body's, set among the footnotes by the reading order; it stays where it is.
    texts.retain(|g| g.last().is_none_or(|&k| !page[k].text.trim_end().ends_with(':')));
    // The page's footnotes are numbered on from the last page's: a number out of that run (the
    // page number, "10" among "7") is not one of them.
    let mut run: Vec<u32> = seen.clone();
    run.sort_unstable();
    let mut want = next;
    run.retain(|n| {
        let keep = *n == want;
        if keep {
            want += 1;
        }
        keep
    });
    if !run.is_empty() && run.len() < seen.len() {
        bare.retain(|(_, n)| run.contains(n));
        seen = run;
    }
    // One number more than texts, and one of them is the page's own number: that one is the
    // page number, not a footnote.
    if texts.len() + 1 == bare.len()
        && let Some(k) = bare.iter().position(|(_, n)| *n == page_number)
    {
        let (_, n) = bare.remove(k);
        seen.retain(|m| *m != n);
    }
    let after = seen.iter().max().map_or(next, |m| m + 1);
    if texts.len() != bare.len() {
        return after;
    }
    bare.sort_by_key(|(_, n)| *n);
    for ((slot, n), group) in bare.iter().zip(&texts) {
        page[*slot].text.clear();
        let first = group[0];
        page[first].text = format!("{n} {}", page[first].text);
    }
    after
}

/// `12. The Committee …` → (12, "The Committee …"); `12.` alone → (12, "").
pub(crate) fn para_start(line: &str) -> Option<(u32, &str)> {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = line[digits..].strip_prefix('.')?;
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    Some((line[..digits].parse().ok()?, rest.trim_start()))
}

/// Whether a line is page furniture: job number, bar-code, recycling note, edition note,
/// running header (symbols and page numbers only), a page number alone, or the
/// "Distr.:"/"Original:" lines of the first page.
pub(crate) fn is_furniture(line: &str) -> bool {
    let lower = line.to_lowercase();
    if is_job_number(line)
        || lower == "please recycle"
        || lower.trim_start_matches(['♲', ' ']) == "please recycle"
        || line == "♲"
        || lower == "advance unedited version"
        || lower.starts_with("distr.:")
        || lower.starts_with("original:")
        || is_barcode(line)
        || is_date_stamp(line)
        || bare_number(line).is_some()
    {
        return true;
    }
    // A running header or footer: symbols, job numbers and page numbers only ("2 GE.25-13910",
    // "CCPR/C/KAZ/CO/3 3").
    let mut symbol = false;
    for token in line.split(' ') {
        // "4 CRPD/C/CAN/CO/1." is a footnote citing a symbol; a running header has no full stop.
        if (is_document_symbol(token) && !token.ends_with('.')) || is_job_number(token) {
            symbol = true;
        } else if bare_number(token).is_none() && token != "(E)" {
            return false;
        }
    }
    symbol
}

/// The print dates under the job number on a first page: `140425 140425` (day, month, year).
fn is_date_stamp(line: &str) -> bool {
    !line.is_empty() && line.split(' ').all(|t| t.len() == 6 && t.chars().all(|c| c.is_ascii_digit()))
}

/// A bar-code number as printed under the job number: `*2512345*`.
fn is_barcode(line: &str) -> bool {
    line.len() > 2
        && line.starts_with('*')
        && line.ends_with('*')
        && line[1..line.len() - 1].chars().all(|c| c.is_ascii_digit())
}

/// A number of 1–3 digits alone (a page number, or a footnote number on its own line).
fn bare_number(line: &str) -> Option<u32> {
    (!line.is_empty() && line.len() <= 3 && line.chars().all(|c| c.is_ascii_digit()))
        .then(|| line.parse().ok())
        .flatten()
}

/// `I. Introduction` / `C. Concerns and recommendations` → (label, title).
pub(crate) fn section_heading(line: &str) -> Option<(&str, &str)> {
    let (label, title) = line.split_once(". ")?;
    let is_letter = label.len() == 1 && label.chars().all(|c| c.is_ascii_uppercase());
    let is_roman = super::text::roman_value(label).is_some();
    if !(is_letter || is_roman) {
        return None;
    }
    let title = title.trim();
    let first = title.chars().next()?;
    // A title does not end with a comma unless it wraps inside its brackets: "(arts. 19, 24 (3),".
    let open_bracket = title.matches('(').count() > title.matches(')').count();
    let ends_badly = title.ends_with([';', ':']) || (title.ends_with(',') && !open_bracket);
    (first.is_uppercase() && title.len() <= 200 && !ends_badly).then_some((label, title))
}

/// The index of the first body line: the first `A.`/`I.` section heading or paragraph `1.`.
fn body_start(lines: &[SourceLine]) -> Option<usize> {
    lines.iter().position(|l| {
        matches!(section_heading(&l.text), Some(("A" | "I", _))) || matches!(para_start(&l.text), Some((1, _)))
    })
}

/// The start of a numbered footnote: `12 See …`, `12See …` (glued, as some extractors give
/// it), or `12` alone; returns the number and the rest.
fn note_start(line: &str) -> Option<(u32, &str)> {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let n = line[..digits].parse().ok()?;
    let rest = &line[digits..];
    match rest.chars().next() {
        None => Some((n, "")),
        Some(' ') => Some((n, rest.trim_start())),
        // Glued: only before a capital or an opening quote, so that "1st" or "3rd" never is.
        Some(c) if c.is_uppercase() || "“\"‘".contains(c) => Some((n, rest)),
        _ => None,
    }
}

/// Whether text starts with a month name, as in a wrapped line "3 March 2020 …", which must
/// not be taken for footnote 3.
fn starts_with_month(rest: &str) -> bool {
    let word = rest.split([' ', ',']).next().unwrap_or("");
    // Capitalised, as in running text: "may" alone is a verb.
    word.starts_with(char::is_uppercase) && crate::date::month_from_name(word).is_some()
}

/// A line that opens an asterisk note: `* Adopted by …` (not a bar-code `*2512345*`).
fn star_start(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('*')?;
    if is_barcode(line) {
        return None;
    }
    let rest = rest.trim_start_matches(['*', ' ']);
    rest.chars().next().is_some_and(char::is_alphabetic).then_some(rest)
}

/// A footnote call glued to the end of a word: its number and byte range in the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Call {
    /// The footnote number.
    number: u32,
    /// Start of the digits.
    start: usize,
    /// End of the digits.
    end: usize,
}

/// The footnote calls in a line whose numbers fall in `lo..=hi` (the window grows as calls are
/// found, because calls come in order).
///
/// A call is a run of 1–3 digits ending a word and glued to it: after at least two letters
/// ("detention12"), after punctuation that follows a word, a bracket or a year
/// ("detention.12", "(2019)4", "in 2019.5"). Words with a slash or an address (document
/// symbols, links) never carry calls, so `CCPR/C/KAZ/CO/3` stays whole.
fn find_calls(line: &str, lo: u32, hi: &mut u32) -> Vec<Call> {
    let mut out = Vec::new();
    let mut offset = 0;
    for token in line.split(' ') {
        let start = offset;
        offset += token.len() + 1;
        if token.contains(['/', '@']) || token.contains("http") || token.contains("www.") {
            continue;
        }
        let core = token.trim_end_matches([',', ';', ':', ')', '.', '”', '’', '"']);
        let digits = core.chars().rev().take_while(char::is_ascii_digit).count();
        if digits == 0 || digits > 3 || digits == core.len() {
            continue;
        }
        let prefix = &core[..core.len() - digits];
        let Some(p) = prefix.chars().next_back() else { continue };
        let glued = if p.is_alphabetic() {
            prefix.chars().rev().take_while(|c| c.is_alphabetic()).count() >= 2
        } else if ".,;:".contains(p) {
            let before = &prefix[..prefix.len() - 1];
            let b = before.chars().next_back();
            // "Corr.1", "Add.1", "Rev.1", "No.5": parts of a symbol or a reference, not calls.
            let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            let reference = p == '.' && matches!(word, "Corr" | "Add" | "Rev" | "No" | "Nos" | "Suppl" | "Vol");
            !reference && (b.is_some_and(|b| b.is_alphabetic() || ")]”’\"'".contains(b)) || ends_with_year(before))
        } else {
            ")]”’\"'".contains(p)
        };
        if !glued {
            continue;
        }
        let Ok(number) = core[prefix.len()..].parse::<u32>() else { continue };
        if number >= lo && number <= *hi {
            let s = start + prefix.len();
            out.push(Call { number, start: s, end: s + digits });
            *hi = (*hi).max(number + 3);
        }
    }
    out
}

/// Words after which a number is a reference, not a footnote call: "article 12", "para. 12",
/// "rule 65", "in 12 cases".
const NUMBER_WORDS: [&str; 34] = [
    "article",
    "articles",
    "art",
    "arts",
    "paragraph",
    "paragraphs",
    "para",
    "paras",
    "rule",
    "rules",
    "no",
    "nos",
    "session",
    "annex",
    "chapter",
    "section",
    "page",
    "pages",
    "p",
    "pp",
    "vol",
    "volume",
    "part",
    "resolution",
    "goal",
    "target",
    "and",
    "or",
    "to",
    "than",
    "of",
    "in",
    "at",
    "by",
];

/// A footnote call standing apart from its word, as some extractors give it: "detention 12."
/// or "detention. 12 The" or "observations, 4 issued". Only at a sentence end or after a comma
/// (the number carries the full stop, or the word before it ends with a full stop or a comma,
/// or a capital or the line end follows), never after a word that
/// introduces numbers ("article 12"). Looks at the body lines from `from` on, last first; the
/// range covers the space before the number, so that cutting it leaves "detention.".
fn spaced_call(body: &[BodyLine], from: usize, n: u32) -> Option<(usize, Call)> {
    let want = n.to_string();
    for b in (from..body.len()).rev() {
        let line = &body[b].text;
        let mut tokens = Vec::new();
        let mut offset = 0;
        for t in line.split(' ') {
            tokens.push((offset, t));
            offset += t.len() + 1;
        }
        for k in (1..tokens.len()).rev() {
            let (start, token) = tokens[k];
            let core = token.trim_end_matches([',', '.', ';', ':', ')']);
            if core != want {
                continue;
            }
            let prev = tokens[k - 1].1;
            let prev_word = prev.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            let prev_ok = prev.ends_with(|c: char| c.is_alphabetic() || ".,;)”’".contains(c))
                && !NUMBER_WORDS.contains(&prev_word.as_str());
            let sentence_end = token[core.len()..].starts_with(['.', ';'])
                || prev.ends_with(['.', ','])
                || tokens.get(k + 1).is_none_or(|(_, t)| t.starts_with(char::is_uppercase));
            if prev_ok && sentence_end {
                return Some((b, Call { number: n, start: start - 1, end: start + core.len() }));
            }
        }
    }
    None
}

/// The call of footnote `n`: the glued call seen for it, or else a number standing apart at a
/// sentence end on the same page (at most 80 body lines back), which is reported for checking.
fn call_of(
    n: u32,
    candidates: &mut BTreeMap<u32, (usize, Call)>,
    body: &[BodyLine],
    page_start: usize,
    warnings: &mut Vec<ImportWarning>,
) -> Option<(usize, Call)> {
    if let Some(glued) = candidates.remove(&n) {
        return Some(glued);
    }
    let from = page_start.max(body.len().saturating_sub(80));
    let spaced = spaced_call(body, from, n);
    if let Some((b, _)) = spaced {
        warnings.push(ImportWarning::new(
            body[b].no,
            format!("footnote {n}: its call stands apart from the word before it; the number {n} on this line was taken for it — check"),
        ));
        return spaced;
    }
    // Mid-sentence ("between 2004 and 2014 6 and"): taken only when it is the one such number
    // on the page; where there are several, each is reported and left in the text.
    let mid = mid_sentence_calls(body, from, n);
    let context = |b: usize, c: &Call| {
        let line = &body[b].text;
        let start = line[..c.start].char_indices().rev().nth(24).map_or(0, |(k, _)| k);
        let end = line[c.end..].char_indices().nth(12).map_or(line.len(), |(k, _)| c.end + k);
        format!("…{}…", &line[start..end])
    };
    match mid.as_slice() {
        [(b, c)] => {
            warnings.push(ImportWarning::new(
                body[*b].no,
                format!(
                    "footnote {n}: its call seems to stand apart from its word in mid-sentence (\"{}\"); the number {n} on this line was taken for it and cut out — check",
                    context(*b, c)
                ),
            ));
            Some((*b, *c))
        }
        _ => {
            for (b, c) in &mid {
                warnings.push(ImportWarning::new(
                    body[*b].no,
                    format!(
                        "the number {n} here (\"{}\") may be the call of footnote {n}, but so may another on the page; it was left in the text — check",
                        context(*b, c)
                    ),
                ));
            }
            None
        }
    }
}

/// Words before a number that make it a count or a quantity, not a footnote call: "some 6
/// persons", "over 12 months".
const COUNT_WORDS: [&str; 24] = [
    "some", "about", "around", "only", "over", "under", "nearly", "almost", "least", "the", "these", "those", "all",
    "with", "for", "from", "on", "since", "between", "until", "per", "le", "el", "de",
];

/// Footnote calls standing apart from their words in mid-sentence: the number `n` alone,
/// after a word (or a year, or a closing bracket or quote) that does not introduce numbers,
/// and before a word in lower case: "between 2004 and 2014 6 and". The range covers the space
/// before the number.
fn mid_sentence_calls(body: &[BodyLine], from: usize, n: u32) -> Vec<(usize, Call)> {
    let want = n.to_string();
    let mut out = Vec::new();
    for (b, line) in body.iter().enumerate().skip(from) {
        let tokens: Vec<(usize, &str)> = line
            .text
            .split(' ')
            .scan(0, |offset, t| {
                let at = *offset;
                *offset += t.len() + 1;
                Some((at, t))
            })
            .collect();
        for k in 1..tokens.len() {
            let (start, token) = tokens[k];
            if token != want {
                continue;
            }
            let prev = tokens[k - 1].1;
            let prev_word = prev.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            let prev_ok = (prev.ends_with(|c: char| c.is_alphabetic() || ")”’".contains(c)) || ends_with_year(prev))
                && !NUMBER_WORDS.contains(&prev_word.as_str())
                && !COUNT_WORDS.contains(&prev_word.as_str());
            let next_lower = tokens.get(k + 1).is_some_and(|(_, t)| t.starts_with(char::is_lowercase));
            // A date or a range: "1 and 2 April", "3 to 5 cases", "12 de mayo".
            let next_word = tokens.get(k + 1).map_or("", |(_, t)| t.trim_end_matches([',', '.', ';']));
            let after_next = tokens.get(k + 2).map_or("", |(_, t)| *t);
            let range = matches!(next_word, "and" | "or" | "to" | "et" | "à" | "y" | "a" | "de")
                && (after_next.starts_with(|c: char| c.is_ascii_digit())
                    || super::dates::month_from_name(after_next).is_some());
            let date = super::dates::month_from_name(next_word).is_some();
            if prev_ok && next_lower && !range && !date {
                out.push((b, Call { number: n, start: start - 1, end: start + token.len() }));
            }
        }
    }
    out
}

/// Whether text ends with a four-digit year (19xx or 20xx) standing alone.
fn ends_with_year(text: &str) -> bool {
    let digits = text.chars().rev().take_while(char::is_ascii_digit).count();
    // Only four ASCII digits make a year, so only then is the slice on a character boundary
    // ("Migración»" ends in multi-byte characters).
    if digits != 4 {
        return false;
    }
    let year = &text[text.len() - 4..];
    year.starts_with("19") || year.starts_with("20")
}

/// What a line in the footnote area may still be continuing.
#[derive(Debug, Clone, Copy)]
enum Open {
    /// A numbered footnote (index into the notes).
    Note(usize),
    /// An asterisk note (index into the star notes).
    Star(usize),
}

/// Runs pass 1 over the text.
pub(crate) fn clean(text: &str, warnings: &mut Vec<ImportWarning>) -> Cleaned {
    let mut lines = split_lines(text);
    gather_scattered_words(&mut lines, warnings);
    merge_lone_labels(&mut lines);
    reorder_item_first_lines(&mut lines);
    reorder_item_before_number(&mut lines);
    regroup_footnotes(&mut lines);
    let mut out = Cleaned::default();
    let start = match body_start(&lines) {
        Some(s) => s,
        None => {
            warnings.push(ImportWarning::new(
                0,
                "found neither a section heading \"A. Introduction\" nor a paragraph numbered 1; \
                 the whole text was read as body",
            ));
            0
        }
    };
    for l in &lines[..start] {
        if l.text.is_empty() {
            continue;
        }
        if out.symbol.is_none() {
            out.symbol = find_symbol(&l.text).map(str::to_owned);
        }
        if let Some(rest) = star_start(&l.text) {
            out.star_notes.push(StarNote { text: rest.to_owned() });
        } else if !(is_job_number(&l.text) || is_barcode(&l.text) || l.text.eq_ignore_ascii_case("please recycle")) {
            out.header.push(l.clone());
        }
    }

    // Calls seen but not yet matched with a footnote: number → (body line, range).
    let mut candidates: BTreeMap<u32, (usize, Call)> = BTreeMap::new();
    let mut confirmed: Vec<(usize, Call)> = Vec::new();
    let mut next_note: u32 = 1;
    let mut highest_call: u32 = 0;
    let mut open: Option<Open> = None;
    let mut gap = true;
    let mut last_para: u32 = 0;
    // The first body line of the current page: a spaced call is looked for on its page only.
    let mut page_start = 0;
    for i in start..lines.len() {
        let l = &lines[i];
        if l.page_break {
            open = None;
            gap = true;
            page_start = out.body.len();
        }
        if l.text.is_empty() {
            open = None;
            gap = true;
            continue;
        }
        if is_furniture(&l.text) {
            if out.symbol.is_none() {
                out.symbol = find_symbol(&l.text).map(str::to_owned);
            }
            // A footnote number alone on its line, with its text on the next (a page number has
            // furniture or a page break after it).
            let text_follows =
                lines.get(i + 1).is_some_and(|n| !n.text.is_empty() && !n.page_break && !is_furniture(&n.text));
            let call = if bare_number(&l.text) == Some(next_note) && text_follows {
                call_of(next_note, &mut candidates, &out.body, page_start, warnings)
            } else {
                None
            };
            if call.is_some() {
                open = Some(Open::Note(out.notes.len()));
                if let Some(c) = call {
                    confirmed.push(c);
                }
                out.notes.push(Note {
                    number: next_note,
                    lines: Vec::new(),
                    line: l.no,
                    call: call.map(|c| c.0),
                    after_body: out.body.len(),
                });
                next_note += 1;
                continue;
            }
            open = None;
            gap = true;
            continue;
        }
        if let Some(rest) = star_start(&l.text) {
            out.star_notes.push(StarNote { text: rest.to_owned() });
            open = Some(Open::Star(out.star_notes.len() - 1));
            continue;
        }
        if let Some((n, rest)) = note_start(&l.text).filter(|(n, _)| (next_note..=next_note + 2).contains(n)) {
            let call_seen = candidates.contains_key(&n);
            let month = starts_with_month(rest);
            // Inside a footnote, "3 March 2023, art. 5." is that footnote's next line.
            if month && let Some(Open::Note(k)) = open {
                out.notes[k].lines.push(l.text.clone());
                continue;
            }
            // A footnote whose call was seen is plausible; one without must at least sit where
            // footnotes sit: after a gap (or another footnote), with the page's end after it. A
            // line starting with a date ("1 July 2025 …") is a wrapped sentence, not a footnote.
            let plausible = call_seen && !month;
            let placed = (gap || open.is_some()) && !month && ends_page(&lines, i, n);
            // A footnote out of turn (one before it was missed) needs both signs.
            let accept = if n == next_note { plausible || placed } else { plausible && placed };
            if accept {
                if n > next_note {
                    warnings.push(ImportWarning::new(
                        l.no,
                        format!("footnote {next_note} was not found before footnote {n}; its call, if any, is left in the text"),
                    ));
                }
                let call = call_of(n, &mut candidates, &out.body, page_start, warnings);
                if call.is_none() {
                    warnings.push(ImportWarning::new(
                        l.no,
                        format!("footnote {n}: no call for it was found in the text; it is attached to the paragraph before it"),
                    ));
                }
                if let Some(c) = call {
                    confirmed.push(c);
                }
                // Calls for earlier numbers that never got their footnote are not calls.
                candidates.retain(|k, _| *k > n);
                out.notes.push(Note {
                    number: n,
                    lines: if rest.is_empty() { Vec::new() } else { vec![rest.to_owned()] },
                    line: l.no,
                    call: call.map(|c| c.0),
                    after_body: out.body.len(),
                });
                next_note = n + 1;
                open = Some(Open::Note(out.notes.len() - 1));
                continue;
            }
        }
        if let Some(o) = open {
            let new_para = para_start(&l.text).is_some_and(|(n, _)| n == last_para + 1);
            if !new_para {
                match o {
                    Open::Note(k) => out.notes[k].lines.push(l.text.clone()),
                    Open::Star(k) => {
                        let s = &mut out.star_notes[k].text;
                        s.push(' ');
                        s.push_str(&l.text);
                    }
                }
                continue;
            }
            open = None;
        }
        if let Some((n, _)) = para_start(&l.text)
            && n > last_para
            && n <= last_para + 5
        {
            last_para = n;
        }
        let mut hi = next_note.max(highest_call) + 3;
        for call in find_calls(&l.text, next_note, &mut hi) {
            highest_call = highest_call.max(call.number);
            candidates.insert(call.number, (out.body.len(), call));
        }
        out.body.push(BodyLine { no: l.no, text: l.text.clone(), gap_before: gap });
        gap = false;
    }
    if let Some((n, (b, _))) = candidates.first_key_value()
        && *n == next_note
    {
        warnings.push(ImportWarning::new(
                out.body[*b].no,
                format!("\"{}\" looks like the call of footnote {n}, but no footnote {n} was found; the number is left in the text", out.body[*b].text),
            ));
    }
    // Cut the confirmed calls out, last first so that earlier ranges stay valid.
    confirmed.sort_by_key(|(b, c)| (*b, std::cmp::Reverse(c.start)));
    for (b, c) in confirmed {
        out.body[b].text.replace_range(c.start..c.end, "");
    }
    for line in &mut out.body {
        if line.text.contains("  ") {
            line.text = normalize_line(&line.text);
        }
    }
    out
}

/// Whether a footnote starting at line `i` sits where footnotes sit: its text is followed
/// (after blank lines) by page furniture, a page break, the end of the text, or the next
/// footnote.
fn ends_page(lines: &[SourceLine], i: usize, n: u32) -> bool {
    let mut j = i + 1;
    while let Some(l) = lines.get(j) {
        if l.text.is_empty() || l.page_break || is_furniture(&l.text) {
            break;
        }
        if note_start(&l.text).is_some_and(|(m, _)| m == n + 1) {
            return true;
        }
        j += 1;
    }
    loop {
        match lines.get(j) {
            None => return true,
            Some(l) if l.page_break || is_furniture(&l.text) => return true,
            Some(l) if l.text.is_empty() => j += 1,
            Some(l) => return note_start(&l.text).is_some_and(|(m, _)| m == n + 1) || star_start(&l.text).is_some(),
        }
    }
}

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;

    /// The call numbers `find_calls` sees in a line when footnote `lo` is next.
    fn calls(line: &str, lo: u32) -> Vec<u32> {
        let mut hi = lo + 3;
        find_calls(line, lo, &mut hi).into_iter().map(|c| c.number).collect()
    }

    /// Calls glued to words are found; symbols, spaced numbers and decimals are not calls.
    #[test]
    fn footnote_calls_glued_to_words() {
        assert_eq!(calls("about migrant detention12 and", 12), [12]);
        assert_eq!(calls("about migrant detention.12 The", 12), [12]);
        assert_eq!(calls("the Law on Refugees,3 which", 3), [3]);
        assert_eq!(calls("adopted in 2019.5 It", 5), [5]);
        assert!(calls("report of Nepal (CRPD/C/NPL/1 and Corr.1) at its", 1).is_empty());
        assert!(calls("see Add.2 and Rev.1", 1).is_empty());
        assert_eq!(calls("the “Migrant”4 operation", 4), [4]);
        assert_eq!(calls("the raids (2024)4 and", 4), [4]);
        assert_eq!(calls("calls 1 and 2 in a row: word1 word2", 1), [1, 2]);
        // Not calls: symbols, spaced numbers, decimals, one-letter words, numbers out of turn.
        assert!(calls("see CCPR/C/KAZ/CO/2 and E/C.12/KAZ/CO/2", 2).is_empty());
        assert!(calls("article 9 of the Covenant", 9).is_empty());
        assert!(calls("2.5 per cent of the G20", 5).is_empty());
        assert!(calls("detention12", 3).is_empty());
    }

    /// Headers, footers, job numbers and page numbers are furniture; body lines are not.
    #[test]
    fn furniture_lines() {
        for f in [
            "GE.22-27770(E)",
            "GE.25-12345  (E) 050925 080925",
            "2 GE.25-13910",
            "GE.25-13910 3",
            "*2512345*",
            "Please recycle",
            "♲ Please recycle",
            "CCPR/C/KAZ/CO/3",
            "2 CCPR/C/KAZ/CO/3",
            "CERD/C/KAZ/CO/8-10 11",
            "12",
            "Advance unedited version",
            "Distr.: General",
        ] {
            assert!(is_furniture(f), "{f}");
        }
        for b in ["12. The Committee", "(a) The State party", "see CCPR/C/KAZ/CO/2", "2025", "4 CRPD/C/CAN/CO/1."] {
            assert!(!is_furniture(b), "{b}");
        }
    }

    /// Pass 1 on a small two-page text: header, body, footnotes and star note apart.
    #[test]
    fn page_furniture_and_footnotes_leave_the_body() {
        let text = "United Nations CCPR/C/XYZ/CO/3\nDistr.: General\n3 September 2025\n\
            Concluding observations on the third periodic report of Xyz*\n\
            A. Introduction\n1. The Committee considered the report.1 It thanks the\nState party.\n\
            \n1 CCPR/C/XYZ/3.\n* Adopted by the Committee at its 144th session.\n2\nGE.25-12345(E)\n\u{c}CCPR/C/XYZ/CO/3\n\
            delegation for the dialogue.2\n2. The Committee welcomes\n3 March 2020 as the date.\n\n2 See the replies,\ncontinued here.\n";
        let mut w = Vec::new();
        let c = clean(text, &mut w);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.symbol.as_deref(), Some("CCPR/C/XYZ/CO/3"));
        let body: Vec<&str> = c.body.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            body,
            [
                "A. Introduction",
                "1. The Committee considered the report. It thanks the",
                "State party.",
                "delegation for the dialogue.",
                "2. The Committee welcomes",
                "3 March 2020 as the date."
            ]
        );
        assert_eq!(c.notes.len(), 2);
        assert_eq!(c.notes[0].lines, ["CCPR/C/XYZ/3."]);
        assert_eq!(c.notes[0].call, Some(1));
        assert_eq!(c.notes[1].lines, ["See the replies,", "continued here."]);
        assert_eq!(c.notes[1].call, Some(3));
        assert_eq!(c.star_notes.len(), 1);
        assert_eq!(c.header.len(), 4, "{:?}", c.header);
        assert!(c.body[3].gap_before);
    }

    /// `pdftotext`'s default mode sets footnote numbers apart from their texts, with the page
    /// number among them; they are put back together and attached.
    #[test]
    fn footnote_numbers_set_apart_from_their_texts() {
        let text = "CRPD/C/XYZ/CO/1\nConcluding observations on the initial report of Xyz*\nI.\n\nIntroduction\n1.\n\
            The Committee considered the report of Xyz1 at its 768th meetings,2 held on 10 March 2025.\n\
            It adopted them on 18 March 2025.3\n\
            * Adopted by the Committee at its thirty-second session.\n1\n\nCRPD/C/XYZ/1.\nSee CRPD/C/SR.768.\n\
            3 CRPD/C/XYZ/QPR/1.\n2\n\nGE.25-05133 (E)\n\n140425 140425\n\n\u{c}CRPD/C/XYZ/CO/1\n\
            2.\nThe Committee welcomes the report. 4\n4\n\n2\n\nIbid., para. 7.\nGE.25-05133\n";
        let mut w = Vec::new();
        let c = clean(text, &mut w);
        let notes: Vec<(u32, String)> = c.notes.iter().map(|n| (n.number, n.lines.join(" "))).collect();
        assert_eq!(
            notes,
            [
                (1, "CRPD/C/XYZ/1.".to_owned()),
                (2, "See CRPD/C/SR.768.".to_owned()),
                (3, "CRPD/C/XYZ/QPR/1.".to_owned()),
                (4, "Ibid., para. 7.".to_owned())
            ],
            "{w:?}"
        );
        let body: Vec<&str> = c.body.iter().map(|b| b.text.as_str()).collect();
        assert!(!body.iter().any(|b| b.contains("Ibid") || b.contains("140425")), "{body:?}");
    }
}
