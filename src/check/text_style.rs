//! How text is written in the YAML, where that silently changes what is printed:
//!
//! - Markdown written as a plain, quoted or folded (`>`) YAML scalar: YAML joins its lines
//!   before Markdown sees them, so two paragraphs become one and a list becomes one bullet.
//!   Only a literal block (`|`) keeps the lines as written.
//! - Markdown marks in fields that are plain text (titles, questions, recommendations): a
//!   footnote `[^id]`, `*emphasis*` or `<b>HTML</b>` there is printed as typed.
//!
//! Both are warnings, located at the line in the user's file, with the fix.

use crate::diag::Diagnostic;
use crate::load::locate::Target;
use crate::load::{Loaded, Place, markdown_places, place_key};

/// Text that the scaffold of `amicus new` (or the draft of `amicus suggest`) leaves for the
/// user to replace.
pub fn is_placeholder(text: &str) -> bool {
    text.contains("TODO") || text.contains("[replace")
}

/// Every warning about how text is written.
pub fn check(loaded: &Loaded) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (place, md) in markdown_places(loaded) {
        if md.file.is_some() || loaded.markdown_files.contains_key(&place_key(&place)) {
            continue;
        }
        if let Some(d) = folded_markdown(loaded, &place) {
            out.push(d);
        }
    }
    for (place, text, what) in plain_fields(loaded) {
        if let Some(d) = markdown_in_plain_text(loaded, &place, &text, what) {
            out.push(d);
        }
    }
    out
}

/// The plain-text fields a reader might expect Markdown in, with their place and a name.
fn plain_fields(loaded: &Loaded) -> Vec<(Place, String, &'static str)> {
    let s = &loaded.submission;
    let root = loaded.root();
    let mut out = vec![(root.key("title"), s.title.clone(), "the title")];
    if let Some(sub) = &s.subtitle {
        out.push((root.key("subtitle"), sub.clone(), "the subtitle"));
    }
    for (i, sec) in s.sections.iter().enumerate() {
        out.push((root.key("sections").index(i).key("title"), sec.title.clone(), "a section title"));
    }
    for (f, place) in s.findings.iter().zip(&loaded.finding_places) {
        out.push((place.key("title"), f.title.clone(), "a finding's title"));
        for (i, q) in f.questions.iter().enumerate() {
            out.push((place.key("questions").index(i), q.clone(), "a question"));
        }
        for (i, r) in f.recommendations.iter().enumerate() {
            out.push((place.key("recommendations").index(i).key("text"), r.text.clone(), "a recommendation"));
        }
    }
    out
}

/// The raw lines of the YAML scalar at `place`: its first line from the value's column, and
/// the continuation lines (more indented than its key), with their 1-based line numbers.
fn raw_scalar(text: &str, line: usize, column: usize) -> Vec<(usize, &str)> {
    let lines: Vec<&str> = text.lines().collect();
    let Some(first) = lines.get(line.wrapping_sub(1)) else { return Vec::new() };
    let first_indent = first.len() - first.trim_start().len();
    let start = first.char_indices().nth(column.saturating_sub(1)).map_or(first.len(), |(b, _)| b);
    let key_indent = if first[..start].trim().is_empty() {
        // The value starts on a line of its own, below its key: its lines are indented at
        // least as far as this one.
        first_indent.saturating_sub(1)
    } else if first.trim_start().starts_with("- ") && column > first_indent + 2 {
        // A list item's value (`- text`) belongs to the dash's indentation.
        first_indent + 2
    } else {
        first_indent
    };
    let mut out = vec![(line, &first[start..])];
    for (i, l) in lines.iter().enumerate().skip(line) {
        let indent = l.len() - l.trim_start().len();
        if !l.trim().is_empty() && indent <= key_indent {
            break;
        }
        out.push((i + 1, *l));
    }
    // Trailing blank lines belong to nobody.
    while out.len() > 1 && out.last().is_some_and(|(_, l)| l.trim().is_empty()) {
        out.pop();
    }
    out
}

/// A Markdown field written as a plain, quoted or folded scalar whose lines hold Markdown
/// structure that YAML's line folding destroys. In all three, a line break between two lines
/// of text becomes a space and a single blank line becomes one line break, which Markdown
/// reads as a space too: two paragraphs become one, and list items, headings, quotes and
/// table rows directly under a line of text run into it. (Two blank lines make a paragraph
/// break, so they are left alone.)
fn folded_markdown(loaded: &Loaded, place: &Place) -> Option<Diagnostic> {
    let file = loaded.files.map.get(&place.file)?;
    let (line, column) = file.locate(&place.path, Target::Value);
    if line == 0 {
        return None;
    }
    let mut raw = raw_scalar(&file.text, line, column);
    let head = raw.first()?.1.trim_start();
    if head.starts_with('|') {
        return None;
    }
    let style = match head.chars().next() {
        Some('>') => "a folded text (`>`)",
        Some('"' | '\'') => "a text in quotes",
        _ => "a text without `|`",
    };
    let quoted = head.starts_with(['"', '\'']);
    if head.starts_with('>') {
        raw.remove(0);
    } else if quoted {
        raw[0].1 = &head[1..];
    }
    let key = match place.path.last() {
        Some(crate::load::locate::Seg::Key(k)) => k.as_str(),
        _ => "text",
    };
    let unquote = if quoted { " (without the quotes)" } else { "" };
    let hint = format!(
        "write `{key}: |` and the text below it, indented{unquote}: then every line and paragraph stays as you wrote it"
    );
    let mut previous_was_text = false;
    let mut blank_run = 0;
    let mut joined_paragraph = None;
    for (n, l) in &raw {
        let t = l.trim();
        if t.is_empty() {
            blank_run += 1;
            continue;
        }
        // The first line of the text keeps its Markdown (a heading there survives folding);
        // a block directly under a line of text is joined to it.
        if previous_was_text && blank_run == 0 && starts_block(t) {
            let what = if is_list_item(t) { "a list" } else { "Markdown structure (a heading, quote or table)" };
            return Some(
                loaded
                    .files
                    .warning(
                        place,
                        Target::Value,
                        format!("`{key}` holds {what}, but as {style} YAML joins its lines into one paragraph"),
                    )
                    .at(*n, l.len() - l.trim_start().len() + 1)
                    .with_hint(hint),
            );
        }
        if previous_was_text && blank_run == 1 && joined_paragraph.is_none() {
            joined_paragraph = Some(n - 1);
        }
        previous_was_text = true;
        blank_run = 0;
    }
    let n = joined_paragraph?;
    Some(
        loaded
            .files
            .warning(
                place,
                Target::Value,
                format!("`{key}` has several paragraphs, but as {style} YAML joins them into one"),
            )
            .at(n, 1)
            .with_hint(hint),
    )
}

/// Whether a line starts a Markdown block that folding would swallow.
fn starts_block(t: &str) -> bool {
    is_list_item(t) || t.starts_with('#') || t.starts_with("> ") || t == ">" || (t.starts_with('|') && t.ends_with('|'))
}

/// `- item`, `* item`, `+ item`, `1. item`, `1) item`.
fn is_list_item(t: &str) -> bool {
    if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") {
        return true;
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && digits <= 9 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
}

/// Markdown in a plain-text field: what would print literally, as (the snippet, its kind).
fn markdown_mark(text: &str) -> Option<(String, &'static str)> {
    if let Some(i) = text.find("[^")
        && let Some(len) = text[i..].find(']')
    {
        return Some((text[i..i + len + 1].to_owned(), "a footnote"));
    }
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        match c {
            '*' | '_' => {
                // `*word…word*` (or `**…**`, `_…_`): an opening mark before a letter, a closing
                // one after it. `_` inside a word (snake_case) is no emphasis in Markdown.
                let run = text[i..].chars().take_while(|x| *x == c).count();
                let after = text[i + run..].chars().next();
                let before = text[..i].chars().next_back();
                if run > 2 || !after.is_some_and(char::is_alphanumeric) {
                    continue;
                }
                if c == '_' && before.is_some_and(char::is_alphanumeric) {
                    continue;
                }
                if before.is_some_and(|b| b == c) {
                    continue;
                }
                let mark = &text[i..i + run];
                let rest = &text[i + run..];
                if let Some(end) = rest.find(mark) {
                    let inner = &rest[..end];
                    let closes = inner.chars().next_back().is_some_and(|x| !x.is_whitespace()) && !inner.contains('\n');
                    if closes && !inner.is_empty() {
                        return Some((format!("{mark}{inner}{mark}"), "emphasis"));
                    }
                }
            }
            '<' => {
                let rest = &text[i + 1..];
                let tag = rest.trim_start_matches('/');
                let name = tag.chars().take_while(char::is_ascii_alphabetic).count();
                if name > 0
                    && tag[name..].starts_with(['>', ' '])
                    && let Some(end) = rest.find('>')
                {
                    return Some((text[i..i + end + 2].to_owned(), "HTML"));
                }
            }
            '`' if bytes.get(i + 1).is_some_and(|b| *b != b'`') => {
                if let Some(end) = text[i + 1..].find('`') {
                    return Some((text[i..i + end + 2].to_owned(), "code"));
                }
            }
            '[' => {
                if let Some(close) = text[i..].find("](") {
                    let label = &text[i + 1..i + close];
                    if !label.contains('[') && text[i + close..].contains(')') {
                        let end = text[i + close..].find(')').map_or(text.len(), |e| i + close + e + 1);
                        return Some((text[i..end].to_owned(), "a link"));
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// A warning for Markdown in a plain-text field, at the line of the mark.
fn markdown_in_plain_text(loaded: &Loaded, place: &Place, text: &str, what: &'static str) -> Option<Diagnostic> {
    let (snippet, kind) = markdown_mark(text)?;
    let hint = match kind {
        "a footnote" => {
            "titles, questions and recommendations are plain text: cite the source in the finding's body instead"
        }
        _ => "titles, questions and recommendations are plain text: remove the marks",
    };
    let mut d = loaded.files.warning(
        place,
        Target::Value,
        format!("{kind} is not read in {what}: `{snippet}` will be printed exactly as written"),
    );
    if let Some(file) = loaded.files.map.get(&place.file) {
        let (line, column) = file.locate(&place.path, Target::Value);
        if line > 0 {
            for (n, l) in raw_scalar(&file.text, line, column) {
                if let Some(at) = l.find(&snippet) {
                    let col = l[..at].chars().count() + 1 + if n == line { column - 1 } else { 0 };
                    d = d.at(n, col);
                    break;
                }
            }
        }
    }
    Some(d.with_hint(hint))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_that_markdown_would_read() {
        assert_eq!(markdown_mark("everywhere.[^ley-30364]").unwrap().1, "a footnote");
        assert_eq!(markdown_mark("open *emergency centres* now").unwrap().0, "*emergency centres*");
        assert_eq!(markdown_mark("a **strong** word").unwrap().0, "**strong**");
        assert_eq!(markdown_mark("<b>bold html</b>").unwrap().0, "<b>");
        assert_eq!(markdown_mark("see [the law](https://x.org)").unwrap().1, "a link");
        assert!(markdown_mark("snake_case_name and 3 * 4 = 12").is_none());
        assert!(markdown_mark("a < b and c > d").is_none());
        assert!(markdown_mark("Articles 2 [and 9]").is_none());
    }

    #[test]
    fn list_items_and_blocks() {
        assert!(is_list_item("- a"));
        assert!(is_list_item("12. a"));
        assert!(!is_list_item("2025 was a year"));
        assert!(starts_block("## Heading"));
        assert!(starts_block("| a | b |"));
        assert!(!starts_block("text"));
    }

    #[test]
    fn raw_scalars_end_at_the_next_key() {
        let yaml = "summary: First line\n  second line\n\n  third\nsections: []\n";
        let raw = raw_scalar(yaml, 1, 10);
        assert_eq!(raw, vec![(1, "First line"), (2, "  second line"), (3, ""), (4, "  third")]);
        let below = "summary:\n  First line\n\n  second\nsections: []\n";
        assert_eq!(raw_scalar(below, 2, 3), vec![(2, "First line"), (3, ""), (4, "  second")]);
    }
}
