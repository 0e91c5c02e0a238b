//! A treaty article a finding engages, or one numbered paragraph of it: `9`, or `4(3)` for
//! paragraph 3 of article 4 (as UN documents cite it: "article 4 (3)").

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// An article of a treaty, or a numbered paragraph of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Article {
    /// The article's number.
    pub number: u16,
    /// The paragraph's number, when a finding names one.
    pub paragraph: Option<u16>,
}

impl Article {
    /// A whole article.
    pub fn whole(number: u16) -> Article {
        Article { number, paragraph: None }
    }

    /// Reads `4`, `4(3)` or `4 (3)`; otherwise says what is wrong and how to write it, as
    /// (what the value is, how to write it).
    pub fn parse(text: &str) -> Result<Article, (String, String)> {
        let t = text.trim();
        let number = |s: &str| -> Option<u16> {
            let s = s.trim();
            (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
        };
        let how = "write an article as its number, `4`, and a paragraph of it with the paragraph in brackets, `4(3)`";
        if let Some(n) = number(t) {
            return if n == 0 { Err(("there is no article 0".into(), how.into())) } else { Ok(Article::whole(n)) };
        }
        if let Some((a, rest)) = t.split_once('(')
            && let Some(p) = rest.strip_suffix(')')
            && let (Some(a), Some(p)) = (number(a), number(p))
        {
            return match (a, p) {
                (0, _) => Err(("there is no article 0".into(), how.into())),
                (_, 0) => Err(("paragraphs are numbered from 1".into(), how.into())),
                _ => Ok(Article { number: a, paragraph: Some(p) }),
            };
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
        // `16(1)(e)`, `2(f)`, `2 f)`: a lettered item, which `articles:` does not go down to.
        let head: String = t.chars().take_while(char::is_ascii_digit).collect();
        let lettered = t.trim_end().ends_with(')')
            && t.trim_end_matches(')').chars().next_back().is_some_and(|c| c.is_ascii_alphabetic());
        if !head.is_empty() && lettered {
            let paragraph = t.split_once('(').and_then(|(_, r)| r.split_once(')')).and_then(|(p, _)| number(p));
            let write = match paragraph {
                Some(p) => format!("`{head}({p})`"),
                None => format!("`{head}`"),
            };
            return Err((
                format!("`{t}` names a lettered item; a finding's articles go down to the paragraph only"),
                format!("write {write}, and name the item in the finding's text"),
            ));
        }
        Err((format!("`{t}` is not an article number"), how.into()))
    }
}

/// Articles as (number, paragraph) pairs, as [`crate::i18n`] prints them.
pub fn pairs(articles: &[Article]) -> Vec<(u16, Option<u16>)> {
    articles.iter().map(|a| (a.number, a.paragraph)).collect()
}

impl fmt::Display for Article {
    /// As written in the YAML: `4` or `4(3)`.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.paragraph {
            Some(p) => write!(f, "{}({p})", self.number),
            None => write!(f, "{}", self.number),
        }
    }
}

impl Serialize for Article {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.paragraph {
            None => s.serialize_u16(self.number),
            Some(_) => s.serialize_str(&self.to_string()),
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
                f.write_str("an article number, e.g. `4`, or an article and paragraph, e.g. `4(3)`")
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
            "description": "A treaty article, e.g. `9`, or a paragraph of one, e.g. `4(3)` for article 4, paragraph 3.",
            "type": ["integer", "string"],
            "minimum": 1,
            "pattern": "^[0-9]+ ?\\([0-9]+\\)$",
            "format": "article"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_and_paragraphs_are_read_and_mistakes_explained() {
        assert_eq!(Article::parse("9"), Ok(Article::whole(9)));
        assert_eq!(Article::parse("4(3)"), Ok(Article { number: 4, paragraph: Some(3) }));
        assert_eq!(Article::parse(" 14 (1) "), Ok(Article { number: 14, paragraph: Some(1) }));
        assert!(Article::parse("4.3").unwrap_err().1.contains("`4(3)`"));
        assert!(Article::parse("art. 4").unwrap_err().1.starts_with("write `4`, the number alone"));
        assert!(Article::parse("Article 4 (3)").unwrap_err().1.starts_with("write `4(3)`"));
        assert!(Article::parse("16(1)(e)").unwrap_err().1.starts_with("write `16(1)`"));
        assert!(Article::parse("2(f)").unwrap_err().1.starts_with("write `2`,"));
        assert!(Article::parse("2 f)").unwrap_err().0.contains("lettered item"));
        assert!(Article::parse("0").is_err() && Article::parse("4(0)").is_err() && Article::parse("x").is_err());
        assert_eq!(Article { number: 4, paragraph: Some(3) }.to_string(), "4(3)");
    }

    #[test]
    fn yaml_reads_numbers_and_paragraphs() {
        let a: Vec<Article> = serde_yaml::from_str("[2, 4(3), \"6 (1)\"]").unwrap();
        assert_eq!(
            a,
            [Article::whole(2), Article { number: 4, paragraph: Some(3) }, Article { number: 6, paragraph: Some(1) }]
        );
        assert!(serde_yaml::from_str::<Vec<Article>>("[4.3]").is_err());
        assert_eq!(serde_yaml::to_string(&a).unwrap(), "- 2\n- 4(3)\n- 6(1)\n");
    }
}
