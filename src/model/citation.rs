//! References to paragraphs of concluding observations, written the way advocates and
//! committees write them: `34 (d)`, `40`, `paras. 34 (c)–(d)`, `17 (a), 19 (c) and 36 (a)-(d)`,
//! `paras. 12–14`.

use std::fmt;

/// One cited paragraph, whole or in part.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Citation {
    /// The paragraph number (paragraphs are numbered continuously through a CO).
    pub paragraph: u32,
    /// Sub-paragraph letters, expanded from ranges and in order; empty means the whole paragraph.
    pub letters: Vec<char>,
}

impl Citation {
    /// A citation of a whole paragraph.
    pub fn whole(paragraph: u32) -> Citation {
        Citation { paragraph, letters: Vec::new() }
    }

    /// Whether this citation covers the given paragraph and sub-paragraph (`None` = the
    /// paragraph as a whole, or any part of it).
    pub fn touches(&self, paragraph: u32, letter: Option<char>) -> bool {
        self.paragraph == paragraph
            && match letter {
                None => true,
                Some(l) => self.letters.is_empty() || self.letters.contains(&l),
            }
    }
}

impl fmt::Display for Citation {
    /// `34`, `34 (d)`, `34 (c)–(d)`, `34 (a), (c)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.paragraph)?;
        let mut runs: Vec<(char, char)> = Vec::new();
        for &l in &self.letters {
            match runs.last_mut() {
                Some((_, end)) if (*end as u32) + 1 == l as u32 => *end = l,
                _ => runs.push((l, l)),
            }
        }
        for (i, (start, end)) in runs.iter().enumerate() {
            f.write_str(if i == 0 { " " } else { ", " })?;
            if start == end {
                write!(f, "({start})")?;
            } else {
                write!(f, "({start})–({end})")?;
            }
        }
        Ok(())
    }
}

/// Formats citations for prose: "para. 34 (d)", "paras. 34 (c)–(d) and 40", "paras. 12–14"
/// (three or more whole paragraphs in a row are written as a range).
pub fn cite_paragraphs(citations: &[Citation]) -> String {
    let (items, plural) = paragraph_items(citations);
    let joined = match items.as_slice() {
        [] => return String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    format!("{} {joined}", if plural { "paras." } else { "para." })
}

/// The items of a list of paragraph citations ("12–14", "20 (a)") and whether they name more
/// than one paragraph or item, for writing them in any language.
pub fn paragraph_items(citations: &[Citation]) -> (Vec<String>, bool) {
    let plural = citations.len() > 1 || citations.iter().any(|c| c.letters.len() > 1);
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < citations.len() {
        let mut end = i;
        while citations[i].letters.is_empty()
            && citations
                .get(end + 1)
                .is_some_and(|n| n.letters.is_empty() && n.paragraph == citations[end].paragraph + 1)
        {
            end += 1;
        }
        if end >= i + 2 {
            parts.push(format!("{}–{}", citations[i].paragraph, citations[end].paragraph));
        } else {
            parts.extend(citations[i..=end].iter().map(Citation::to_string));
        }
        i = end + 1;
    }
    (parts, plural)
}

/// A token of the small citation language.
#[derive(Debug, PartialEq)]
enum Token {
    Number(u32),
    Letter(char),
    Dash,
    Separator,
}

/// The most paragraphs a range such as `12–14` may span: COs have well under a hundred.
const MAX_RANGE: u32 = 200;

/// Splits a citation into tokens, each with its 1-based character position (for messages).
fn tokenize(text: &str) -> Result<Vec<(Token, usize)>, String> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().enumerate().map(|(i, c)| (i + 1, c)).peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            c if c.is_whitespace() => {}
            '0'..='9' => {
                let mut n: u32 = c.to_digit(10).unwrap_or(0);
                while let Some(&(_, d)) = chars.peek() {
                    let Some(v) = d.to_digit(10) else { break };
                    n = n.checked_mul(10).and_then(|n| n.checked_add(v)).ok_or("paragraph number too large")?;
                    chars.next();
                }
                tokens.push((Token::Number(n), at));
            }
            '(' => {
                let letter = chars.next().map(|(_, l)| l);
                let close = chars.next().map(|(_, c)| c);
                match (letter, close) {
                    (Some(l), Some(')')) if l.is_ascii_lowercase() => tokens.push((Token::Letter(l), at)),
                    _ => {
                        return Err(format!("expected a sub-paragraph letter like `(a)` at character {at}"));
                    }
                }
            }
            '-' | '–' | '—' => tokens.push((Token::Dash, at)),
            ',' | ';' | '&' => tokens.push((Token::Separator, at)),
            _ if c.is_alphabetic() => {
                let mut word = String::from(c);
                while let Some(&(_, d)) = chars.peek() {
                    if !(d.is_alphabetic() || d == '.') {
                        break;
                    }
                    word.push(d);
                    chars.next();
                }
                match word.trim_end_matches('.').to_lowercase().as_str() {
                    "para" | "paras" | "paragraph" | "paragraphs" | "par" | "pars" | "§" => {}
                    "and" | "et" | "y" => tokens.push((Token::Separator, at)),
                    other => return Err(format!("unexpected word `{other}` at character {at}")),
                }
            }
            '§' | '.' => {}
            other => return Err(format!("unexpected `{other}` at character {at}")),
        }
    }
    Ok(tokens)
}

/// Parses one or more paragraph citations.
///
/// Accepts `34`, `34 (d)`, `34(d)`, `para. 34 (d)`, `paras. 34 (c)–(d)`, `34 (c)-(d)`,
/// `34 (c), (d)`, `9, 12, 13 and 22`, `17 (a), 19 (c) and 36 (a)–(d)`, and ranges of whole
/// paragraphs, `paras. 12–14`, which stand for 12, 13 and 14. The error says what was not
/// understood and where (positions count characters, from 1).
pub fn parse_citations(text: &str) -> Result<Vec<Citation>, String> {
    let positioned = tokenize(text)?;
    let tokens: Vec<&Token> = positioned.iter().map(|(t, _)| t).collect();
    let mut out: Vec<Citation> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match *tokens[i] {
            Token::Number(n) => out.push(Citation::whole(n)),
            Token::Letter(l) => {
                let Some(current) = out.last_mut() else {
                    return Err(format!("`({l})` needs a paragraph number before it, as in `34 ({l})`"));
                };
                if tokens.get(i + 1) == Some(&&Token::Dash) {
                    let Some(Token::Letter(end)) = tokens.get(i + 2) else {
                        return Err(format!("a range starting at `({l})` needs an end, as in `({l})–(d)`"));
                    };
                    if *end < l {
                        return Err(format!("the range `({l})–({end})` runs backwards"));
                    }
                    current.letters.extend(l..=*end);
                    i += 2;
                } else {
                    current.letters.push(l);
                }
            }
            Token::Dash => {
                // `12–14`: a range of whole paragraphs.
                let start = match out.last() {
                    Some(c) if c.letters.is_empty() && i > 0 && matches!(tokens[i - 1], Token::Number(_)) => {
                        c.paragraph
                    }
                    _ => {
                        return Err(format!(
                            "a dash must stand between two sub-paragraphs, as in `(c)–(d)`, or two paragraphs, as in `12–14` (character {})",
                            positioned[i].1
                        ));
                    }
                };
                let Some(Token::Number(end)) = tokens.get(i + 1) else {
                    return Err(format!(
                        "the range starting at paragraph {start} needs an end, as in `{start}–{}`",
                        start + 2
                    ));
                };
                if *end <= start {
                    return Err(format!("the range `{start}–{end}` runs backwards"));
                }
                if end - start > MAX_RANGE {
                    return Err(format!("the range `{start}–{end}` spans more than {MAX_RANGE} paragraphs"));
                }
                out.extend((start + 1..=*end).map(Citation::whole));
                i += 1;
            }
            Token::Separator => {}
        }
        i += 1;
    }
    if out.is_empty() {
        return Err("no paragraph number found; write it like `34`, `34 (d)` or `paras. 34 (c)–(d)`".into());
    }
    for c in &mut out {
        c.letters.sort_unstable();
        c.letters.dedup();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> String {
        parse_citations(text).unwrap().iter().map(Citation::to_string).collect::<Vec<_>>().join(" | ")
    }

    #[test]
    fn the_ways_advocates_write_citations() {
        assert_eq!(show("40"), "40");
        assert_eq!(show("34 (d)"), "34 (d)");
        assert_eq!(show("34(d)"), "34 (d)");
        assert_eq!(show("para. 34 (d)"), "34 (d)");
        assert_eq!(show("paras. 34 (c)–(d)"), "34 (c)–(d)");
        assert_eq!(show("34 (c)-(e)"), "34 (c)–(e)");
        assert_eq!(show("34 (c), (d)"), "34 (c)–(d)");
        assert_eq!(show("34 (a), (c)"), "34 (a), (c)");
        assert_eq!(show("9, 12, 13 and 22"), "9 | 12 | 13 | 22");
        assert_eq!(show("17 (a), 19 (c), 23 (a) and 36 (a)–(d)"), "17 (a) | 19 (c) | 23 (a) | 36 (a)–(d)");
    }

    #[test]
    fn mistakes_are_explained() {
        assert!(parse_citations("").unwrap_err().contains("no paragraph number"));
        assert!(parse_citations("(d)").unwrap_err().contains("needs a paragraph number"));
        assert!(parse_citations("34 (d)–(c)").unwrap_err().contains("backwards"));
        assert!(parse_citations("34 (D)").unwrap_err().contains("letter"));
        assert!(parse_citations("see 34").unwrap_err().contains("`see`"));
        assert!(parse_citations("14–12").unwrap_err().contains("backwards"));
        assert!(parse_citations("12–").unwrap_err().contains("needs an end"));
        assert!(parse_citations("(a)–(b)").is_err());
        assert!(parse_citations("34 (c)–14").unwrap_err().contains("needs an end"));
        assert!(parse_citations("1–100000").unwrap_err().contains("more than"));
    }

    #[test]
    fn paragraph_ranges_as_committees_write_them() {
        assert_eq!(show("paras. 12–14"), "12 | 13 | 14");
        assert_eq!(show("12-13 and 20 (b)"), "12 | 13 | 20 (b)");
        assert_eq!(cite_paragraphs(&parse_citations("paras. 12–14").unwrap()), "paras. 12–14");
        assert_eq!(cite_paragraphs(&parse_citations("12–13").unwrap()), "paras. 12 and 13");
        assert_eq!(cite_paragraphs(&parse_citations("9, 12–14 and 22 (a)").unwrap()), "paras. 9, 12–14 and 22 (a)");
    }

    #[test]
    fn error_positions_count_characters_not_bytes() {
        // `§` and `–` take two and three bytes; positions still count characters.
        let err = parse_citations("§ 34, –5").unwrap_err();
        assert!(err.contains("character 7"), "{err}");
        let err = parse_citations("§§ 34 (C)").unwrap_err();
        assert!(err.contains("character 7"), "{err}");
        let err = parse_citations("§ 34 ?").unwrap_err();
        assert!(err.contains("`?` at character 6"), "{err}");
    }

    #[test]
    fn prose_citations() {
        let one = parse_citations("34 (d)").unwrap();
        assert_eq!(cite_paragraphs(&one), "para. 34 (d)");
        let range = parse_citations("34 (c)-(d)").unwrap();
        assert_eq!(cite_paragraphs(&range), "paras. 34 (c)–(d)");
        let two = parse_citations("34 (c) and 40").unwrap();
        assert_eq!(cite_paragraphs(&two), "paras. 34 (c) and 40");
    }

    #[test]
    fn touches_whole_and_parts() {
        let c = parse_citations("34 (c)-(d)").unwrap().remove(0);
        assert!(c.touches(34, Some('c')));
        assert!(!c.touches(34, Some('a')));
        assert!(c.touches(34, None));
        assert!(Citation::whole(40).touches(40, Some('b')));
    }
}
