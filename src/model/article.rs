//! A treaty article a finding engages, or one numbered paragraph or lettered item of it: `9`,
//! `4(3)` for paragraph 3 of article 4 (as UN documents cite it: "article 4 (3)"), `5(a)` for
//! item (a) of article 5, `16(1)(g)` for item (g) of its paragraph 1 (CEDAW's articles are
//! cited so all the time).

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// An article of a treaty, or a numbered paragraph or lettered item of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Article {
    /// The article's number.
    pub number: u16,
    /// The paragraph's number, when a finding names one.
    pub paragraph: Option<u16>,
    /// The lettered item (`a` to `z`), of the article or of its paragraph, when a finding
    /// names one.
    pub item: Option<char>,
}

impl Article {
    /// A whole article.
    pub fn whole(number: u16) -> Article {
        Article { number, paragraph: None, item: None }
    }

    /// A paragraph of an article.
    pub fn paragraph(number: u16, paragraph: u16) -> Article {
        Article { number, paragraph: Some(paragraph), item: None }
    }

    /// Reads `4(3)`, `5(a)`, `16(1)(g)`, as written or with spaces, and with the letter closed
    /// by its bracket only as French and Spanish write it (`5 a)`, `16(1) g)`).
    fn parse_cited(text: &str) -> Option<Result<Article, (String, String)>> {
        let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let digits =
            |s: &str| (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u16>().ok()).flatten();
        let head: String = t.chars().take_while(char::is_ascii_digit).collect();
        let number = digits(&head)?;
        let mut rest = &t[head.len()..];
        let mut paragraph = None;
        if let Some(inner) = rest.strip_prefix('(')
            && let Some(close) = inner.find(')')
            && let Some(p) = digits(&inner[..close])
        {
            paragraph = Some(p);
            rest = &inner[close + 1..];
        }
        let letter = |s: &str| -> Option<char> {
            let mut chars = s.chars();
            let (Some(l), None) = (chars.next(), chars.next()) else { return None };
            l.is_ascii_lowercase().then_some(l)
        };
        let item = if rest.is_empty() {
            None
        } else if let Some(l) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')).and_then(letter) {
            Some(l)
        } else if let Some(l) = rest.strip_suffix(')').and_then(letter) {
            Some(l)
        } else {
            return None;
        };
        let how = "write an article as its number, `4`, a paragraph in brackets, `4(3)`, and a lettered item after it, `5(a)` or `16(1)(g)`";
        Some(match (number, paragraph) {
            (0, _) => Err(("there is no article 0".into(), how.into())),
            (_, Some(0)) => Err(("paragraphs are numbered from 1".into(), how.into())),
            _ => Ok(Article { number, paragraph, item }),
        })
    }

    /// Reads `4`, `4(3)`, `5(a)` or `16(1)(g)` (with or without spaces); otherwise says what is
    /// wrong and how to write it, as (what the value is, how to write it).
    pub fn parse(text: &str) -> Result<Article, (String, String)> {
        let t = text.trim();
        let number = |s: &str| -> Option<u16> {
            let s = s.trim();
            (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
        };
        let how = "write an article as its number, `4`, a paragraph in brackets, `4(3)`, and a lettered item after it, `5(a)` or `16(1)(g)`";
        if let Some(n) = number(t) {
            return if n == 0 { Err(("there is no article 0".into(), how.into())) } else { Ok(Article::whole(n)) };
        }
        if let Some(read) = Article::parse_cited(t) {
            return read;
        }
        if let Some((a, p)) = t.split_once('.')
            && let (Some(a), Some(p)) = (number(a), number(p))
        {
            return Err((
                format!("`{t}` reads as a decimal number, not as an article and its paragraph"),
                format!("for paragraph {p} of article {a} write `{a}({p})`; for the whole article, `{a}`"),
            ));
        }
        let lower = t.to_lowercase();
        if lower.starts_with("art") || lower.starts_with('§') {
            // `art. 9`, `article 4(3)`: the number is there, after the word.
            let rest =
                lower.trim_start_matches(|c: char| c.is_alphabetic() || c == '.' || c == '§' || c.is_whitespace());
            let hint = match Article::parse(rest) {
                Ok(a) => format!("write `{a}`, the number alone: the report adds the word"),
                Err(_) => format!("{how}, without `art.`"),
            };
            return Err((format!("`{t}` is not an article number"), hint));
        }
        // `11(1)(a)(i)`, `5(A)`: deeper than a lettered item, or a capital letter.
        let head: String = t.chars().take_while(char::is_ascii_digit).collect();
        if !head.is_empty() && t.trim_end().ends_with(')') {
            return Err((
                format!("`{t}` is not an article, paragraph or lettered item that Amicus reads"),
                format!(
                    "{how}: a small letter, and no deeper than the lettered item (name that in the finding's text)"
                ),
            ));
        }
        Err((format!("`{t}` is not an article number"), how.into()))
    }
}

/// Articles as (number, paragraph, lettered item), as [`crate::i18n`] prints them.
pub fn cited(articles: &[Article]) -> Vec<(u16, Option<u16>, Option<char>)> {
    articles.iter().map(|a| (a.number, a.paragraph, a.item)).collect()
}

impl fmt::Display for Article {
    /// As written in the YAML: `4`, `4(3)`, `5(a)` or `16(1)(g)`.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", self.number)?;
        if let Some(p) = self.paragraph {
            write!(f, "({p})")?;
        }
        if let Some(l) = self.item {
            write!(f, "({l})")?;
        }
        Ok(())
    }
}

impl Serialize for Article {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match (self.paragraph, self.item) {
            (None, None) => s.serialize_u16(self.number),
            _ => s.serialize_str(&self.to_string()),
        }
    }
}

impl<'de> Deserialize<'de> for Article {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        /// Accepts a whole number or `N(P)`.
        struct V;
        impl Visitor<'_> for V {
            type Value = Article;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an article number, e.g. `4`, an article and paragraph, e.g. `4(3)`, or a lettered item, e.g. `5(a)`")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Article, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Article, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Article, E> {
                Article::parse(v).map_err(|(what, _)| E::custom(what))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Article {
    fn schema_name() -> Cow<'static, str> {
        "Article".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A treaty article, e.g. `9`, a paragraph of one, e.g. `4(3)` for article 4, paragraph 3, or a lettered item, e.g. `5(a)` or `16(1)(g)`.",
            "type": ["integer", "string"],
            "minimum": 1,
            "pattern": "^[0-9]+( ?\\([0-9]+\\))?(( ?\\([a-z]\\))| ?[a-z]\\))?$",
            "format": "article"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_and_paragraphs_are_read_and_mistakes_explained() {
        let item = |number, paragraph, l| Article { number, paragraph, item: Some(l) };
        assert_eq!(Article::parse("9"), Ok(Article::whole(9)));
        assert_eq!(Article::parse("4(3)"), Ok(Article::paragraph(4, 3)));
        assert_eq!(Article::parse(" 14 (1) "), Ok(Article::paragraph(14, 1)));
        assert_eq!(Article::parse("5(a)"), Ok(item(5, None, 'a')));
        assert_eq!(Article::parse("2 f)"), Ok(item(2, None, 'f')));
        assert_eq!(Article::parse("2 (f)"), Ok(item(2, None, 'f')));
        assert_eq!(Article::parse("16(1)(g)"), Ok(item(16, Some(1), 'g')));
        assert_eq!(Article::parse("16 (1) g)"), Ok(item(16, Some(1), 'g')));
        assert!(Article::parse("4.3").unwrap_err().1.contains("`4(3)`"));
        assert!(Article::parse("art. 4").unwrap_err().1.starts_with("write `4`, the number alone"));
        assert!(Article::parse("Article 4 (3)").unwrap_err().1.starts_with("write `4(3)`"));
        assert!(Article::parse("art. 5 a)").unwrap_err().1.starts_with("write `5(a)`"));
        assert!(Article::parse("11(1)(a)(i)").unwrap_err().1.contains("no deeper than the lettered item"));
        assert!(Article::parse("5(A)").unwrap_err().1.contains("a small letter"));
        assert!(Article::parse("0").is_err() && Article::parse("4(0)").is_err() && Article::parse("x").is_err());
        assert!(Article::parse("0(a)").is_err() && Article::parse("5(ab)").is_err());
        assert_eq!(Article::paragraph(4, 3).to_string(), "4(3)");
        assert_eq!(item(16, Some(1), 'g').to_string(), "16(1)(g)");
    }

    #[test]
    fn yaml_reads_numbers_paragraphs_and_items() {
        let a: Vec<Article> = serde_yaml::from_str("[2, 4(3), \"6 (1)\", 5(a), 16(1)(g)]").unwrap();
        assert_eq!(
            a,
            [
                Article::whole(2),
                Article::paragraph(4, 3),
                Article::paragraph(6, 1),
                Article { number: 5, paragraph: None, item: Some('a') },
                Article { number: 16, paragraph: Some(1), item: Some('g') },
            ]
        );
        assert!(serde_yaml::from_str::<Vec<Article>>("[4.3]").is_err());
        assert_eq!(serde_yaml::to_string(&a).unwrap(), "- 2\n- 4(3)\n- 6(1)\n- 5(a)\n- 16(1)(g)\n");
    }
}
