//! Prose fields: Markdown written inline in YAML, or kept in a `.md` file beside it.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// A Markdown text: either the YAML string itself, or `{ file: context.md }`, a path relative
/// to the submission folder whose content the loader reads in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Markdown {
    /// The Markdown source (for a file reference, filled in by the loader).
    pub text: String,
    /// The file the text came from, relative to the submission folder, if not inline.
    pub file: Option<String>,
}

impl Markdown {
    /// Inline Markdown.
    pub fn inline(text: impl Into<String>) -> Markdown {
        Markdown { text: text.into(), file: None }
    }
}

impl Serialize for Markdown {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.file {
            Some(file) => {
                use serde::ser::SerializeMap;
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("file", file)?;
                m.end()
            }
            None => s.serialize_str(&self.text),
        }
    }
}

impl<'de> Deserialize<'de> for Markdown {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        /// Accepts a string or a one-key map `file:`.
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Markdown;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("Markdown text, or `file: name.md`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Markdown, E> {
                Ok(Markdown::inline(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Markdown, A::Error> {
                let mut file = None;
                while let Some(key) = map.next_key::<String>()? {
                    if key != "file" {
                        return Err(de::Error::unknown_field(&key, &["file"]));
                    }
                    file = Some(map.next_value::<String>()?);
                }
                let file = file.ok_or_else(|| de::Error::missing_field("file"))?;
                Ok(Markdown { text: String::new(), file: Some(file) })
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Markdown {
    fn schema_name() -> Cow<'static, str> {
        "Markdown".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Markdown text (emphasis, lists, links, tables, block quotes, footnotes `[^id]`; a footnote `[^id]` without a definition cites the source with that id; `[](#id)` refers to a finding, recommendation or annex by its id; `![description](figures/chart.png \"caption\")` is a numbered figure; a paragraph `Table: caption` after a table captions it), or `file: name.md` to keep the text in a file in the submission folder.",
            "oneOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "properties": { "file": { "type": "string", "description": "A Markdown file, relative to the submission folder." } },
                    "required": ["file"],
                    "additionalProperties": false
                }
            ]
        })
    }
}
