//! What serde and the schema cannot express, by concern: ids and references
//! ([`references`]), values ([`values`]), what is left to replace ([`placeholders`]), what
//! the build needs (fonts, templates: [`build_needs`]), how the YAML is written
//! ([`text_style`]), the follow-up files ([`followup`]), the findings' references to the
//! previous review ([`previous`]), and the length of the document as printed ([`length`],
//! counted from the rendered document, not here).
//!
//! Every check runs and every problem is collected; nothing stops at the first.

mod build_needs;
pub mod followup;
pub mod length;
mod loi_questions;
pub mod placeholders;
mod previous;
mod references;
pub mod text_style;
mod values;

pub use placeholders::{is_example_address, text_fields};
pub use text_style::is_placeholder;
pub use values::looks_like_symbol;

use crate::diag::Diagnostic;
use crate::load::locate::Target;
use crate::load::prose::Prepared;
use crate::load::{Loaded, Place};

/// 12345 → "12,345": a figure in an English message of the command line (the one grouping
/// function, [`crate::i18n::number`], in English).
pub fn thousands(n: usize) -> String {
    crate::i18n::number("en", n as u64)
}

/// Checks the submission (and its follow-up files) and the prepared prose: every problem,
/// sorted. (The length is counted from the rendered document: [`length`].)
pub fn check(loaded: &Loaded, prepared: &Prepared) -> Vec<Diagnostic> {
    let mut c = Checker { loaded, out: prepared.diagnostics.clone() };
    c.ids_and_references(prepared);
    c.annexes_and_abbreviations();
    c.dates_and_values();
    c.layout_parts();
    c.placeholders();
    c.example_addresses();
    c.fonts();
    c.templates();
    c.out.extend(crate::check::text_style::check(loaded));
    crate::check::followup::check(loaded, &mut c.out);
    crate::check::previous::check(loaded, &mut c.out);
    crate::check::loi_questions::check(loaded, &mut c.out);
    // Problems found while loading come first; a later check that trips over the same spot
    // (a field the loader had to fill in) would only repeat them.
    let loading = &loaded.problems;
    let spots: std::collections::HashSet<(&str, usize)> =
        loading.iter().filter(|l| l.line > 0).map(|l| (l.file.as_str(), l.line)).collect();
    let mut diagnostics: Vec<Diagnostic> = loading.clone();
    diagnostics.extend(c.out.into_iter().filter(|d| !spots.contains(&(d.file.as_str(), d.line))));
    crate::diag::sort(&mut diagnostics);
    diagnostics
}

/// The checks' shared state.
struct Checker<'a> {
    /// The submission.
    loaded: &'a Loaded,
    /// Problems so far.
    out: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error(&mut self, place: &Place, target: Target, message: String, hint: Option<String>) {
        let d = self.loaded.files.error(place, target, message);
        self.out.push(match hint {
            Some(h) => d.with_hint(h),
            None => d,
        });
    }

    fn warning(&mut self, place: &Place, target: Target, message: String, hint: Option<String>) {
        let d = self.loaded.files.warning(place, target, message);
        self.out.push(match hint {
            Some(h) => d.with_hint(h),
            None => d,
        });
    }

    /// "submission.yaml:12" for messages about a second occurrence.
    fn where_is(&self, place: &Place) -> String {
        let (line, _) = self.loaded.files.map.get(&place.file).map_or((0, 0), |f| f.locate(&place.path, Target::Value));
        format!("{}:{line}", place.file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_get_thousands_separators() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(10000), "10,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
