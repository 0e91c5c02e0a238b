//! References to paragraphs of concluding observations, written the way advocates and
//! committees write them: `34 (d)`, `40`, `paras. 34 (c)–(d)`, `17 (a), 19 (c) and 36 (a)-(d)`.

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

/// Formats citations for prose: "para. 34 (d)", "paras. 34 (c)–(d) and 40".
pub fn cite_paragraphs(citations: &[Citation]) -> String {
    let plural = citations.len() > 1 || citations.iter().any(|c| c.letters.len() > 1);
    let parts: Vec<String> = citations.iter().map(Citation::to_string).collect();
    let joined = match parts.as_slice() {
        [] => return String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    format!("{} {joined}", if plural { "paras." } else { "para." })
}

/// A token of the small citation language.
#[derive(Debug, PartialEq)]
enum Token {
    Number(u32),
    Letter(char),
    Dash,
    Separator,
}

fn tokenize(text: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
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
                tokens.push(Token::Number(n));
            }
            '(' => {
                let letter = chars.next().map(|(_, l)| l);
                let close = chars.next().map(|(_, c)| c);
                match (letter, close) {
                    (Some(l), Some(')')) if l.is_ascii_lowercase() => tokens.push(Token::Letter(l)),
                    _ => {
                        return Err(format!("expected a sub-paragraph letter like `(a)` at character {}", at + 1));
                    }
                }
            }
            '-' | '–' | '—' => tokens.push(Token::Dash),
            ',' | ';' | '&' => tokens.push(Token::Separator),
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
                    "and" | "et" | "y" => tokens.push(Token::Separator),
                    other => return Err(format!("unexpected word `{other}`")),
                }
            }
            '§' | '.' => {}
            other => return Err(format!("unexpected `{other}`")),
        }
    }
    Ok(tokens)
}

/// Parses one or more paragraph citations.
///
/// Accepts `34`, `34 (d)`, `34(d)`, `para. 34 (d)`, `paras. 34 (c)–(d)`, `34 (c)-(d)`,
/// `34 (c), (d)`, `9, 12, 13 and 22`, `17 (a), 19 (c) and 36 (a)–(d)`. The error says what
/// was not understood.
pub fn parse_citations(text: &str) -> Result<Vec<Citation>, String> {
    let tokens = tokenize(text)?;
    let mut out: Vec<Citation> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match tokens[i] {
            Token::Number(n) => out.push(Citation::whole(n)),
            Token::Letter(l) => {
                let Some(current) = out.last_mut() else {
                    return Err(format!("`({l})` needs a paragraph number before it, as in `34 ({l})`"));
                };
                if tokens.get(i + 1) == Some(&Token::Dash) {
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
                return Err("a dash must stand between two sub-paragraphs, as in `(c)–(d)`".into());
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
