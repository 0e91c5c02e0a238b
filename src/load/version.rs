//! One submission folder, two versions: the confidential one for the committee's members and
//! the public one, which the committee may publish and share with the State.
//!
//! Authors mark what the public version must not contain:
//!
//! - inline, in any text (prose, titles, recommendations, sources): `[confidential: Aigerim K.]`
//!   prints `Aigerim K.` in the confidential version and [`WITHHELD`] in the public one;
//! - whole paragraphs, lists or tables of Markdown: between a line `::: confidential` and a
//!   line `:::`;
//! - a whole finding or source: `confidential: true`.
//!
//! [`apply`] rewrites the loaded submission before anything else reads it, so the marked text
//! never reaches the public version's Typst, PDF, metadata or word count. Lines are kept (a
//! withheld block becomes blank lines), so problems are still reported at the author's lines.

use crate::load::Loaded;
use crate::model::submission::{Confidentiality, Submission};
use std::collections::BTreeSet;

/// Which version to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Version {
    /// Without the text marked confidential; the cover says the committee may publish it.
    Public,
    /// Everything, for the committee's members only; the cover says so.
    Confidential,
}

impl Version {
    /// The version a submission's `confidentiality` asks for, when none is chosen.
    pub fn of(s: &Submission) -> Version {
        match s.confidentiality {
            Confidentiality::Public => Version::Public,
            Confidentiality::Confidential => Version::Confidential,
        }
    }

    /// `public` or `confidential`.
    pub fn name(self) -> &'static str {
        match self {
            Version::Public => "public",
            Version::Confidential => "confidential",
        }
    }
}

/// What the public version prints in place of text marked `[confidential: …]`.
pub const WITHHELD: &str = "[withheld]";

/// The inline mark's opening, matched without regard to case.
const INLINE: &str = "[confidential:";

/// Rewrites `loaded` into `version`: marks resolved, confidential findings and sources left
/// out of the public version, and the cover's statement set to match. Returns the ids of the
/// sources that the public version does not cite because only withheld text cited them (they
/// are not "never cited").
pub fn apply(loaded: &mut Loaded, version: Version) -> BTreeSet<String> {
    let public = version == Version::Public;
    let s = &mut loaded.submission;
    s.confidentiality = match version {
        Version::Public => Confidentiality::Public,
        Version::Confidential => Confidentiality::Confidential,
    };
    let mut withheld_sources = BTreeSet::new();
    let before = cited(s);
    if public {
        // Findings are located by their own places, so leaving one out moves nothing.
        let keep: Vec<bool> = s.findings.iter().map(|f| !f.confidential).collect();
        for f in s.findings.iter().filter(|f| f.confidential) {
            loaded.withheld_ids.insert(f.id.clone());
            loaded.withheld_ids.extend(f.recommendations.iter().map(|r| r.id.clone()));
        }
        let mut places = std::mem::take(&mut loaded.finding_places).into_iter();
        loaded.finding_places = keep.iter().filter_map(|k| places.next().filter(|_| *k)).collect();
        let mut k = keep.iter();
        s.findings.retain(|_| *k.next().unwrap_or(&true));
        // Sources stay in their list (their problems are located by position), but a
        // confidential one cannot be cited: it is withheld.
        withheld_sources.extend(s.sources.iter().filter(|x| x.confidential).map(|x| x.id.clone()));
    }
    for_each_text(s, &mut |text, markdown| *text = resolve(text, markdown, public));
    let after = cited(s);
    withheld_sources.extend(before.difference(&after).cloned());
    withheld_sources
}

/// The footnote labels `[^id]` written anywhere in the submission's texts, lower-cased.
fn cited(s: &mut Submission) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for_each_text(s, &mut |text, _| {
        let mut rest = text.as_str();
        while let Some(i) = rest.find("[^") {
            rest = &rest[i + 2..];
            if let Some(end) = rest.find(']') {
                out.insert(rest[..end].to_lowercase());
            }
        }
    });
    out
}

/// Calls `f` on every text of the submission a reader may see, with whether it is Markdown.
fn for_each_text(s: &mut Submission, f: &mut dyn FnMut(&mut String, bool)) {
    f(&mut s.state, false);
    f(&mut s.title, false);
    if let Some(t) = &mut s.subtitle {
        f(t, false);
    }
    if let Some(r) = &mut s.state_report {
        for t in [&mut r.symbol, &mut r.title].into_iter().flatten() {
            f(t, false);
        }
    }
    for o in &mut s.organisations {
        f(&mut o.name, false);
        for t in [&mut o.short, &mut o.website, &mut o.contact].into_iter().flatten() {
            f(t, false);
        }
        if let Some(about) = &mut o.about {
            f(&mut about.text, true);
        }
    }
    f(&mut s.summary.text, true);
    for sec in &mut s.sections {
        f(&mut sec.title, false);
        f(&mut sec.body.text, true);
    }
    for finding in &mut s.findings {
        f(&mut finding.title, false);
        f(&mut finding.body.text, true);
        for q in &mut finding.questions {
            f(q, false);
        }
        for r in &mut finding.recommendations {
            f(&mut r.text, false);
        }
        for p in &mut finding.previous_observations {
            if let Some(note) = &mut p.note {
                f(note, false);
            }
        }
    }
    for annex in &mut s.annexes {
        f(&mut annex.title, false);
        f(&mut annex.body.text, true);
    }
    for expansion in s.abbreviations.values_mut() {
        f(expansion, false);
    }
    for src in &mut s.sources {
        f(&mut src.title, false);
        for t in
            [&mut src.author, &mut src.publisher, &mut src.url, &mut src.symbol, &mut src.short].into_iter().flatten()
        {
            f(t, false);
        }
    }
}

/// A text with its marks resolved for one version (see the module's documentation).
pub fn resolve(text: &str, markdown: bool, public: bool) -> String {
    let text = if markdown { blocks(text, public) } else { text.to_owned() };
    inline(&text, public)
}

/// Whether a line opens a confidential block: `::: confidential`.
fn opens_block(line: &str) -> bool {
    line.trim().strip_prefix(":::").is_some_and(|rest| rest.trim().eq_ignore_ascii_case("confidential"))
}

/// Resolves `::: confidential` … `:::` blocks: their fence lines become blank, and in the
/// public version their content too (an unclosed block runs to the end of the text).
fn blocks(text: &str, public: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut inside = false;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let ending = &line[content.len()..];
        if !inside && opens_block(content) {
            inside = true;
            out.push_str(ending);
        } else if inside && content.trim() == ":::" {
            inside = false;
            out.push_str(ending);
        } else if inside && public {
            out.push_str(ending);
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Resolves `[confidential: …]` marks (brackets inside are matched; an unclosed mark runs to
/// the end of the text).
fn inline(text: &str, public: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = find_ignore_case(rest, INLINE) {
        out.push_str(&rest[..start]);
        let inner = &rest[start + INLINE.len()..];
        let mut depth = 0usize;
        let end = inner.char_indices().find_map(|(i, c)| match c {
            '[' => {
                depth += 1;
                None
            }
            ']' if depth == 0 => Some(i),
            ']' => {
                depth -= 1;
                None
            }
            _ => None,
        });
        let (content, next) = match end {
            Some(i) => (&inner[..i], &inner[i + 1..]),
            None => (inner, ""),
        };
        if public {
            out.push_str(WITHHELD);
        } else {
            out.push_str(content.trim());
        }
        rest = next;
    }
    out.push_str(rest);
    out
}

/// The byte offset of `needle` (ASCII) in `haystack`, ignoring ASCII case.
fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    (0..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_marks() {
        let t = "Mr [confidential: Aigerim K.] of [CONFIDENTIAL:Koshmambet [village]] said so.";
        assert_eq!(resolve(t, false, true), "Mr [withheld] of [withheld] said so.");
        assert_eq!(resolve(t, false, false), "Mr Aigerim K. of Koshmambet [village] said so.");
        // An unclosed mark withholds the rest rather than leak it.
        assert_eq!(resolve("a [confidential: b c", false, true), "a [withheld]");
        assert_eq!(resolve("no marks [here]", false, true), "no marks [here]");
    }

    #[test]
    fn blocks_keep_their_lines() {
        let t = "One.\n\n::: confidential\nSecret *name*.\n:::\n\nTwo.\n";
        assert_eq!(resolve(t, true, true), "One.\n\n\n\n\n\nTwo.\n");
        assert_eq!(resolve(t, true, false), "One.\n\n\nSecret *name*.\n\n\nTwo.\n");
        assert_eq!(resolve("::: Confidential\nall of it", true, true), "\n");
        // In plain text a fence is just text (and a mark in it still counts).
        assert_eq!(resolve("::: confidential", false, true), "::: confidential");
    }
}
