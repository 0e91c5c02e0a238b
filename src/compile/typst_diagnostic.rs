//! Typst diagnostics turned into plain data located in the virtual files.
//!
//! Typst reports problems as spans (opaque node numbers). Here each one is
//! resolved against the sources the compile saw into a file name, a 1-based
//! line and column and the text of that line, so callers never need Typst
//! types to print an error.

use std::fmt;

use typst::World;
use typst::WorldExt;
use typst::diag::SourceDiagnostic;
use typst::syntax::{DiagSpan, FileId, VirtualRoot};

/// How serious a diagnostic is: an error means there is no output.
pub use crate::diag::Severity;

/// One problem reported by Typst, located in the virtual file it comes from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TypstDiagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Virtual path of the file, without the leading slash (`report.typ`);
    /// empty when the problem concerns the whole document (for example a
    /// PDF/A requirement) and has no place in any file.
    pub file: String,
    /// 1-based line of the start of the problem; 0 when unknown.
    pub line: usize,
    /// 1-based column in characters (not bytes) of the start of the problem
    /// within its line; 0 when unknown.
    pub column: usize,
    /// Typst's message, e.g. `cannot add integer and string`.
    pub message: String,
    /// Hints from Typst, followed by the call trace (`while calling `f` at
    /// report.typ:4:8`) so an error inside a library function also names the
    /// template line that called it.
    pub hints: Vec<String>,
    /// Text of the line the problem starts on, without the line break.
    pub source_line: Option<String>,
}

impl TypstDiagnostic {
    /// A diagnostic without a location, for problems found outside Typst's
    /// own checks (an invalid virtual path, an impossible date).
    pub(crate) fn unlocated(severity: Severity, message: impl Into<String>) -> Self {
        TypstDiagnostic {
            severity,
            file: String::new(),
            line: 0,
            column: 0,
            message: message.into(),
            hints: Vec::new(),
            source_line: None,
        }
    }

    /// The location as `file:line:column`, or just `file`, or `None` when the
    /// diagnostic has no file.
    pub fn location(&self) -> Option<String> {
        match (self.file.is_empty(), self.line) {
            (true, _) => None,
            (false, 0) => Some(self.file.clone()),
            (false, line) => Some(format!("{}:{}:{}", self.file, line, self.column)),
        }
    }
}

impl fmt::Display for TypstDiagnostic {
    /// Compact compiler style:
    ///
    /// ```text
    /// report.typ:3:14: error: cannot add integer and string
    ///   |
    /// 3 | #let x = 1 + "a"
    ///   |          ^
    ///   = hint: …
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = self.location() {
            write!(f, "{location}: ")?;
        }
        write!(f, "{}: {}", self.severity, self.message)?;
        let gutter = " ".repeat(self.line.to_string().len());
        if let Some(source_line) = &self.source_line {
            write!(f, "\n{gutter} |\n{} | {source_line}", self.line)?;
            if self.column > 0 {
                write!(f, "\n{gutter} | {}^", " ".repeat(self.column - 1))?;
            }
        }
        for hint in &self.hints {
            write!(f, "\n{gutter} = hint: {hint}")?;
        }
        Ok(())
    }
}

/// Where a span points: file, 1-based line and column, and the line's text.
struct Located {
    /// Display path of the file; empty for detached spans.
    file: String,
    /// 1-based line, 0 if unknown.
    line: usize,
    /// 1-based column in characters, 0 if unknown.
    column: usize,
    /// The whole line, without its line break.
    source_line: Option<String>,
}

/// The name shown for a file: the virtual path without its leading slash, so
/// the main file reads `report.typ` as the caller named it.
pub(crate) fn display_path(id: FileId) -> String {
    let path = id.vpath().get_without_slash();
    match id.root() {
        VirtualRoot::Project => path.to_owned(),
        // Packages are never served by our sandbox, but a span could still
        // name one in principle; keep it recognisable.
        VirtualRoot::Package(spec) => format!("{spec}/{path}"),
    }
}

/// Resolves `span` using the sources of `world` (if the world is known).
///
/// Without a world only the file name can be recovered, because spans are
/// node numbers that mean nothing without the parsed source.
fn locate(world: Option<&dyn World>, span: DiagSpan) -> Located {
    let mut located =
        Located { file: span.id().map(display_path).unwrap_or_default(), line: 0, column: 0, source_line: None };
    let (Some(world), Some(id)) = (world, span.id()) else {
        return located;
    };
    let Some(range) = world.range(span) else {
        return located;
    };
    let Ok(source) = world.source(id) else {
        return located;
    };
    let lines = source.lines();
    if let Some((line, column)) = lines.byte_to_line_column(range.start) {
        located.line = line + 1;
        located.column = column + 1;
        located.source_line = lines
            .line_to_range(line)
            .and_then(|r| source.text().get(r))
            .map(|text| text.trim_end_matches(['\n', '\r']).to_owned());
    }
    located
}

/// `file:line:column` for a secondary span (hint or trace), if it has a file.
fn short_location(world: Option<&dyn World>, span: DiagSpan) -> Option<String> {
    let located = locate(world, span);
    match (located.file.is_empty(), located.line) {
        (true, _) => None,
        (false, 0) => Some(located.file),
        (false, line) => Some(format!("{}:{}:{}", located.file, line, located.column)),
    }
}

/// Converts Typst's diagnostics, resolving spans against `world`.
pub(crate) fn convert(world: Option<&dyn World>, diagnostics: &[SourceDiagnostic]) -> Vec<TypstDiagnostic> {
    diagnostics.iter().map(|d| convert_one(world, d)).collect()
}

/// Converts one diagnostic; see [`convert`].
fn convert_one(world: Option<&dyn World>, diagnostic: &SourceDiagnostic) -> TypstDiagnostic {
    let located = locate(world, diagnostic.span);
    let mut hints = Vec::with_capacity(diagnostic.hints.len() + diagnostic.trace.len());
    for hint in &diagnostic.hints {
        // A hint with a span annotates a second place in the code (e.g. "the
        // variable was defined here"); keep that place with the text.
        match short_location(world, hint.span) {
            Some(location) => hints.push(format!("{} ({location})", hint.v)),
            None => hints.push(hint.v.to_string()),
        }
    }
    for point in &diagnostic.trace {
        match short_location(world, point.span.into()) {
            Some(location) => hints.push(format!("{} at {location}", point.v)),
            None => hints.push(point.v.to_string()),
        }
    }
    TypstDiagnostic {
        severity: match diagnostic.severity {
            typst::diag::Severity::Error => Severity::Error,
            typst::diag::Severity::Warning => Severity::Warning,
        },
        file: located.file,
        line: located.line,
        column: located.column,
        message: diagnostic.message.to_string(),
        hints,
        source_line: located.source_line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_with_location_source_line_and_hints() {
        let d = TypstDiagnostic {
            severity: Severity::Error,
            file: "report.typ".into(),
            line: 12,
            column: 3,
            message: "unknown variable: x".into(),
            hints: vec!["did you mean y?".into()],
            source_line: Some("= #x".into()),
        };
        assert_eq!(
            d.to_string(),
            "report.typ:12:3: error: unknown variable: x\n   |\n12 | = #x\n   |   ^\n   = hint: did you mean y?"
        );
    }

    #[test]
    fn display_without_location() {
        let mut d = TypstDiagnostic::unlocated(Severity::Warning, "something");
        d.hints.push("do this".into());
        assert_eq!(d.location(), None);
        assert_eq!(d.to_string(), "warning: something\n  = hint: do this");
    }
}
