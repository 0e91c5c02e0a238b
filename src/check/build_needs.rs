//! What the build will need beyond the submission's text: fonts that have every character
//! written (Chinese only in the build with the `cjk` feature), and template overrides that
//! replace a built-in template (a file in `templates/` that replaces none is named).

use super::placeholders::text_fields;
use crate::diag::Diagnostic;
use crate::load::locate::Target;

impl super::Checker<'_> {
    /// Characters no embedded font can draw: Typst would print empty boxes.
    pub(super) fn fonts(&mut self) {
        let engine = crate::compile::Engine::shared();
        for (place, text) in text_fields(self.loaded) {
            let missing = engine.uncovered_chars(&text);
            if !missing.is_empty() {
                let shown: String = missing.iter().take(8).map(|c| format!("`{c}` (U+{:04X}) ", *c as u32)).collect();
                // Chinese in a build without the Chinese font: say how to get it.
                let hint = if !crate::compile::HAS_CHINESE && missing.iter().any(|c| is_chinese(*c)) {
                    CHINESE_FONT_HINT
                } else {
                    "Amicus's fonts cover Latin, Cyrillic, Greek, Arabic and the simplified Chinese of GB 2312; \
                     write these characters out or describe them (an accessible PDF cannot contain empty boxes)"
                };
                // An error, not a warning: an accessible (PDF/UA-1) PDF, the default, cannot
                // contain text that prints as empty boxes, so `build` would fail on it.
                self.error(
                    &place,
                    Target::Value,
                    format!("no embedded font has {}: they would print as empty boxes", shown.trim_end()),
                    Some(hint.into()),
                );
            }
        }
    }

    /// Files in `templates/` that replace no built-in template: they would be ignored
    /// without a word.
    pub(super) fn templates(&mut self) {
        // A warning here: it stops only a build that writes Word (`--format docx`).
        if let Err(d) = crate::writers::docx::reference_in_folder(&self.loaded.folder) {
            self.out.push(Diagnostic { severity: crate::diag::Severity::Warning, ..d });
        }
        let templates = crate::writers::template::Templates::for_folder(&self.loaded.folder);
        for (file, meant) in templates.unused_overrides() {
            let names: Vec<&str> = crate::writers::template::DEFAULTS.iter().map(|(n, _)| *n).collect();
            let hint = match meant {
                Some(m) => format!("did you mean `{m}`? Rename the file to replace the built-in {m}"),
                None => format!("only these names replace a built-in template: {}", names.join(", ")),
            };
            self.out.push(
                Diagnostic::warning(format!("{file} is not used: no built-in template has that name"))
                    .in_file(file)
                    .with_hint(hint),
            );
        }
        // `report.typ` is the frame now: a copy of an older one, which laid the parts out
        // itself, would print none of the report.
        if let Ok(Some(frame)) = templates.source("report.typ")
            && templates.overrides_used().iter().any(|o| std::path::Path::new(o).ends_with("report.typ"))
            && !frame.split_whitespace().collect::<String>().contains("{{body")
        {
            self.out.push(
                Diagnostic::warning(
                    "templates/report.typ does not print `{{ body }}`, the report's parts: the PDF would have none of them"
                        .to_owned(),
                )
                .in_file(templates.origin("report.typ"))
                .with_hint(
                    "start again from the built-in frame (`amicus template report.typ`); change the look in templates/amicus.typ, and the order of the parts with `layout: {parts: [...]}`",
                ),
            );
        }
    }
}

/// What to do about Chinese in a build without the Chinese font.
pub(super) const CHINESE_FONT_HINT: &str = "install Amicus with its default features, which embed the Chinese font \
     (`cargo install --path .` without `--no-default-features`; see docs/languages.md)";

/// A Chinese character or Chinese punctuation (what the `cjk` feature's font covers).
fn is_chinese(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
}
