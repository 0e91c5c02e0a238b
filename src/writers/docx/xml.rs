//! The Word writer's one escaping rule set: text and attribute values for the XML parts of a
//! `.docx`.
//!
//! - `&`, `<`, `>`, `"` and `'` become the five predefined entities, wherever they occur, so
//!   the same function serves element text and attribute values (in either quote);
//! - tab, line feed and carriage return become character references (`&#9;` …), which XML
//!   keeps as they are in attributes too, where a literal one would be read as a space;
//! - characters XML 1.0 cannot carry at all (the other C0 controls, U+FFFE and U+FFFF)
//!   become U+FFFD, the replacement character, so the author sees where something was;
//! - everything else is written as it is (UTF-8).
//!
//! Nothing else in the writer puts user text into XML.

/// Appends `text`, escaped, to `out`.
pub fn escape(text: &str, out: &mut String) {
    out.reserve(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

/// `text`, escaped.
pub fn escaped(text: &str) -> String {
    let mut out = String::new();
    escape(text, &mut out);
    out
}

/// Whether XML 1.0 allows the character (the `Char` production). The HTML writer keeps to it
/// too, so that its fragments stay well-formed XHTML.
pub(crate) fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_entities() {
        assert_eq!(escaped(r#"<w:t a="1">&'"#), "&lt;w:t a=&quot;1&quot;&gt;&amp;&apos;");
        assert_eq!(escaped("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
        assert_eq!(escaped("bell\u{7} \u{FFFF} ok é 中 😀"), "bell\u{FFFD} \u{FFFD} ok é 中 😀");
    }

    #[test]
    fn reads_back_literally_inside_text_and_attributes() {
        let hostile = "#read(\"/etc/passwd\") $100 50% user@example.org <label> a_b*c* = h - x // c \\ ]]> &amp; '\t\n";
        let xml = format!("<a v=\"{}\" w='{}'>{}</a>", escaped(hostile), escaped(hostile), escaped(hostile));
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let root = doc.root_element();
        assert_eq!(root.attribute("v"), Some(hostile));
        assert_eq!(root.attribute("w"), Some(hostile));
        assert_eq!(root.text(), Some(hostile));
    }
}
