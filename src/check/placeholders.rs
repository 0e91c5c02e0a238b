//! What the author has still to replace: the `TODO`s and `[replace …]` that `amicus new`
//! leaves, and addresses at `example.org` (every user-written text, with its place).

use super::text_style::is_placeholder;
use crate::load::locate::Target;
use crate::load::{Loaded, Place};

impl super::Checker<'_> {
    /// Empty required texts and scaffold placeholders, in every text field.
    pub(super) fn placeholders(&mut self) {
        for (place, text) in text_fields(self.loaded) {
            if text.trim().is_empty() {
                // A field the loader had to fill in is already reported as missing.
                if !self.loaded.files.exists(&place) {
                    continue;
                }
                self.error(
                    &place,
                    Target::Value,
                    "this text is empty".into(),
                    Some("write the text, or remove the entry".into()),
                );
            } else if is_placeholder(&text) {
                self.warning(
                    &place,
                    Target::Value,
                    "placeholder text left from `amicus new`".into(),
                    Some("replace the TODO with your own text".into()),
                );
            }
        }
    }

    /// Web and e-mail addresses left from the scaffold of `amicus new`: `example.org` and the
    /// other names reserved for examples (RFC 2606) are never anyone's real address.
    pub(super) fn example_addresses(&mut self) {
        let s = &self.loaded.submission;
        let root = self.loaded.root();
        let mut found = Vec::new();
        for (i, o) in s.organisations.iter().enumerate() {
            let p = root.key("organisations").index(i);
            found.extend(o.website.as_ref().map(|w| (p.key("website"), w.clone())));
            found.extend(o.contact.as_ref().map(|c| (p.key("contact"), c.clone())));
        }
        for (i, src) in s.sources.iter().enumerate() {
            found.extend(src.url.as_ref().map(|u| (root.key("sources").index(i).key("url"), u.clone())));
        }
        for (place, address) in found {
            if is_example_address(&address) {
                self.warning(
                    &place,
                    Target::Value,
                    format!("`{address}` is an example address from `amicus new`, not a real one"),
                    Some("write the real address, or remove the line".into()),
                );
            }
        }
    }
}

/// Every user-written text of the submission with its place: plain fields and Markdown
/// (read from files or inline; Markdown files are located at their field).
pub fn text_fields(loaded: &Loaded) -> Vec<(Place, String)> {
    let s = &loaded.submission;
    let root = loaded.root();
    let mut out = vec![(root.key("state"), s.state.clone()), (root.key("title"), s.title.clone())];
    if let Some(sub) = &s.subtitle {
        out.push((root.key("subtitle"), sub.clone()));
    }
    if let Some(report) = &s.state_report {
        for (key, value) in [("symbol", &report.symbol), ("title", &report.title)] {
            if let Some(value) = value {
                out.push((root.key("state_report").key(key), value.clone()));
            }
        }
    }
    for (i, o) in s.organisations.iter().enumerate() {
        out.push((root.key("organisations").index(i).key("name"), o.name.clone()));
        if let Some(short) = &o.short {
            out.push((root.key("organisations").index(i).key("short"), short.clone()));
        }
    }
    for (i, sec) in s.sections.iter().enumerate() {
        out.push((root.key("sections").index(i).key("title"), sec.title.clone()));
    }
    for (f, place) in s.findings.iter().zip(&loaded.finding_places) {
        out.push((place.key("title"), f.title.clone()));
        for (i, q) in f.questions.iter().enumerate() {
            out.push((place.key("questions").index(i), q.clone()));
        }
        for (i, r) in f.recommendations.iter().enumerate() {
            out.push((place.key("recommendations").index(i).key("text"), r.text.clone()));
        }
    }
    for (i, src) in s.sources.iter().enumerate() {
        let p = root.key("sources").index(i);
        out.push((p.key("title"), src.title.clone()));
        for (key, value) in
            [("author", &src.author), ("publisher", &src.publisher), ("symbol", &src.symbol), ("short", &src.short)]
        {
            if let Some(v) = value {
                out.push((p.key(key), v.clone()));
            }
        }
    }
    for (i, a) in s.annexes.iter().enumerate() {
        out.push((root.key("annexes").index(i).key("title"), a.title.clone()));
    }
    for (place, md) in crate::load::markdown_places(loaded) {
        out.push((place, md.text.clone()));
    }
    out
}

/// Whether a web or e-mail address uses a domain reserved for examples (RFC 2606):
/// `example.org`, `example.com`, `example.net` or anything under `.example`.
pub fn is_example_address(address: &str) -> bool {
    let rest = address.trim();
    let rest = rest.split_once("://").map_or(rest, |(_, r)| r);
    let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or("").to_ascii_lowercase();
    let host = host.trim_end_matches('.');
    ["example.org", "example.com", "example.net"].iter().any(|d| host == *d || host.ends_with(&format!(".{d}")))
        || host == "example"
        || host.ends_with(".example")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_addresses_are_recognised() {
        assert!(is_example_address("https://example.org"));
        assert!(is_example_address("https://www.example.com/report?x=1"));
        assert!(is_example_address("contact@example.org"));
        assert!(is_example_address("http://ngo.example/"));
        assert!(!is_example_address("https://globaldetentionproject.org"));
        assert!(!is_example_address("https://counterexample.org"));
        assert!(!is_example_address("info@rights-centre.test"));
    }
}
