//! Diagnostics as data: what went wrong, where in the user's files, and how to fix it.
//!
//! Every stage reports problems as [`Diagnostic`]s; they are printed once, at the edge, in one
//! of four formats (human with snippets, one line each for editors, JSON, or GitHub Actions
//! workflow commands, which put each problem on its line of a pull request).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Stops `build`; `check` exits with 1.
    Error,
    /// Worth fixing, but the document can be built.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One problem, located in the user's coordinates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file as the user would type it (e.g. `submissions/x/submission.yaml`); empty when
    /// the problem concerns no file.
    pub file: String,
    /// 1-based line; 0 when unknown.
    pub line: usize,
    /// 1-based column, in characters; 0 when unknown.
    pub column: usize,
    /// The key path in the YAML, e.g. `findings[2].recommendations[0].text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// What is wrong, in plain words.
    pub message: String,
    /// How to fix it, where we know.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error with a message only; locate it with the builder methods.
    pub fn error(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: String::new(),
            line: 0,
            column: 0,
            path: None,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning with a message only.
    pub fn warning(message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(message) }
    }

    /// Sets the file.
    pub fn in_file(mut self, file: impl Into<String>) -> Diagnostic {
        self.file = file.into();
        self
    }

    /// Sets line and column.
    pub fn at(mut self, line: usize, column: usize) -> Diagnostic {
        self.line = line;
        self.column = column;
        self
    }

    /// Sets the key path.
    pub fn with_path(mut self, path: impl Into<String>) -> Diagnostic {
        let path = path.into();
        self.path = (!path.is_empty()).then_some(path);
        self
    }

    /// Sets the hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The output formats of `--diagnostic-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Several lines per problem, with the offending line and a caret; coloured on a terminal.
    Human,
    /// `file:line:col: error: message`, one line per problem, for editors and scripts.
    Short,
    /// A JSON array of objects.
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), one
    /// line per problem, which a GitHub Actions run shows on the lines of the pull request.
    Github,
}

/// Sorts problems by file, then position, errors first on the same spot, and drops exact
/// repeats, so that output is stable.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.severity, &a.message).cmp(&(&b.file, b.line, b.column, b.severity, &b.message))
    });
    diags.dedup();
}

/// One line per problem: `file:line:col: error: message [path] (hint: …)`.
pub fn render_short(diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        if !d.file.is_empty() {
            out.push_str(&d.file);
            if d.line > 0 {
                out.push_str(&format!(":{}:{}", d.line, d.column.max(1)));
            }
            out.push_str(": ");
        }
        out.push_str(&format!("{}: {}", d.severity, d.message));
        if let Some(path) = &d.path {
            out.push_str(&format!(" [{path}]"));
        }
        if let Some(hint) = &d.hint {
            out.push_str(&format!(" (hint: {hint})"));
        }
        out.push('\n');
    }
    out
}

/// A JSON array, one object per problem.
pub fn render_json(diags: &[Diagnostic]) -> String {
    let mut s = serde_json::to_string_pretty(diags).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}

/// GitHub Actions workflow commands, one line per problem:
/// `::error file=<file>,line=<line>,col=<col>,title=Amicus: <path>::<message>` (`::warning …`
/// for warnings), the hint on a line of its own within the message. Properties and message
/// are escaped as GitHub specifies (the actions toolkit's `escapeProperty` and `escapeData`),
/// so that no text of the user's can end a property or the command early. The file is given
/// with `/` between folders, as GitHub names files in a repository.
pub fn render_github(diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let mut props = Vec::new();
        if !d.file.is_empty() {
            props.push(format!("file={}", github_property(&d.file.replace('\\', "/"))));
            if d.line > 0 {
                props.push(format!("line={}", d.line));
                if d.column > 0 {
                    props.push(format!("col={}", d.column));
                }
            }
        }
        let title = match &d.path {
            Some(path) => format!("Amicus: {path}"),
            None => "Amicus".to_owned(),
        };
        props.push(format!("title={}", github_property(&title)));
        let mut message = d.message.clone();
        if let Some(hint) = &d.hint {
            message.push_str("\nhint: ");
            message.push_str(hint);
        }
        out.push_str(&format!("::{} {}::{}\n", d.severity, props.join(","), github_data(&message)));
    }
    out
}

/// A workflow command's message: `%`, carriage return and line feed escaped.
pub fn github_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A workflow command's property value: as [`github_data`], and `:` and `,` too, which would
/// otherwise end the property list or the value.
pub fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Several lines per problem with a snippet of the offending line, in the style of rustc
/// and typst. `sources` maps file names to their text; `color` adds ANSI colours.
pub fn render_human(diags: &[Diagnostic], sources: &BTreeMap<String, String>, color: bool) -> String {
    use codespan_reporting::diagnostic::{Diagnostic as Cs, Label};
    use codespan_reporting::files::SimpleFiles;
    use codespan_reporting::term::{self, Config};

    let mut files = SimpleFiles::new();
    let mut ids = BTreeMap::new();
    // Line starts once per file, so that placing many problems stays linear in the file.
    let mut starts = BTreeMap::new();
    for (name, text) in sources {
        ids.insert(name.clone(), files.add(name.clone(), text.clone()));
        starts.insert(name.clone(), line_starts(text));
    }
    let config = Config::default();
    let mut buffer: Vec<u8> = Vec::new();
    for d in diags {
        let mut cs = match d.severity {
            Severity::Error => Cs::error(),
            Severity::Warning => Cs::warning(),
        }
        .with_message(&d.message);
        let located = ids.get(&d.file).zip(sources.get(&d.file)).zip(starts.get(&d.file)).filter(|_| d.line > 0);
        let mut notes = Vec::new();
        if let Some(((&id, text), starts)) = located {
            let range = span_at(text, starts, d.line, d.column);
            let label = Label::primary(id, range);
            cs = cs.with_labels(vec![match &d.path {
                Some(p) => label.with_message(p.clone()),
                None => label,
            }]);
        } else if !d.file.is_empty() {
            let place = if d.line > 0 { format!("{}:{}:{}", d.file, d.line, d.column.max(1)) } else { d.file.clone() };
            notes.push(format!("in {place}"));
        }
        if let Some(hint) = &d.hint {
            notes.push(format!("hint: {hint}"));
        }
        // `with_notes` appends in codespan-reporting 0.13, so set them once.
        cs = cs.with_notes(notes);
        if color {
            let mut w = codespan_reporting::term::termcolor::Ansi::new(&mut buffer);
            let _ = term::emit_to_write_style(&mut w, &config, &files, &cs);
        } else {
            let mut w = codespan_reporting::term::termcolor::NoColor::new(&mut buffer);
            let _ = term::emit_to_write_style(&mut w, &config, &files, &cs);
        }
    }
    String::from_utf8_lossy(&buffer).into_owned()
}

/// The byte range to underline: from the 1-based (line, column) to the end of the YAML key or
/// scalar that starts there (a quoted text to its closing quote; a plain one to a `: `, a
/// comment, the end of the line or, inside `[…]` or `{…}` opened on its line, a flow
/// separator: `quote: Adopt, implement` is one value).
fn span_at(text: &str, starts: &[usize], line: usize, column: usize) -> std::ops::Range<usize> {
    let start = offset_in(text, starts, line, column);
    let rest = &text[start..];
    let token = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let line_start = starts.get(line.wrapping_sub(1)).copied().unwrap_or(start).min(start);
    let before = &text[line_start..start];
    let opened = |open: char, close: char| before.matches(open).count() > before.matches(close).count();
    let in_flow = opened('[', ']') || opened('{', '}');
    let len = match token.chars().next() {
        None => 0,
        Some(q @ ('"' | '\'')) => token[1..].find(q).map_or(token.len(), |end| end + 2),
        Some(first) => {
            let stops: &[&str] = if in_flow { &[": ", " #", ",", "]", "}"] } else { &[": ", " #"] };
            let end = stops.iter().filter_map(|s| token.find(s)).min().unwrap_or(token.len());
            let end = if end == token.len() { token.trim_end_matches(':').len() } else { end };
            token[..end].trim_end().len().max(first.len_utf8())
        }
    };
    start..start + len
}

/// The byte offset of a 1-based line and character column, clamped to the text.
pub fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    offset_in(text, &line_starts(text), line, column)
}

/// The byte offsets at which the lines of `text` start.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect()
}

/// [`byte_offset`] with the line starts already known.
fn offset_in(text: &str, starts: &[usize], line: usize, column: usize) -> usize {
    let Some(&start) = starts.get(line.wrapping_sub(1)) else { return text.len() };
    let end = starts.get(line).copied().unwrap_or(text.len());
    let l = &text[start..end];
    let col_bytes: usize = l.chars().take(column.saturating_sub(1)).map(char::len_utf8).sum();
    let content = l.trim_end_matches(['\n', '\r']).len();
    start + col_bytes.min(content)
}

/// The closest of `options` to `word`, if close enough to be a likely typo.
///
/// Close enough means similar by Jaro–Winkler (which forgives transposed letters); among
/// those, the fewest edits wins, then the length nearest the word's: `CEDEW` is one letter
/// from `CEDAW` and two from `CED`, so `CEDAW` it is, however similar their beginnings.
pub fn did_you_mean<'a>(word: &str, options: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let len = lower.chars().count();
    options
        .into_iter()
        .filter_map(|o| {
            let other = o.to_lowercase();
            let similar = strsim::jaro_winkler(&lower, &other);
            (similar >= 0.8).then(|| {
                let edits = strsim::levenshtein(&lower, &other);
                let length_gap = len.abs_diff(other.chars().count());
                // Negated similarity as the last tie-break, in thousandths to compare as integers.
                (edits, length_gap, -((similar * 1000.0) as i64), o)
            })
        })
        .min_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)))
        .map(|(_, _, _, o)| o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_the_name_meant() {
        assert_eq!(did_you_mean("titel", ["id", "title", "articles"]), Some("title"));
        assert_eq!(did_you_mean("CCRP", ["CCPR", "CAT", "CERD"]), Some("CCPR"));
        assert_eq!(did_you_mean("zzz", ["id", "title"]), None);
    }

    fn sample() -> Diagnostic {
        Diagnostic::error("unknown field `titel` in a finding")
            .in_file("s/submission.yaml")
            .at(3, 5)
            .with_path("findings[0].titel")
            .with_hint("did you mean `title`?")
    }

    #[test]
    fn short_format_is_one_line() {
        assert_eq!(
            render_short(&[sample()]),
            "s/submission.yaml:3:5: error: unknown field `titel` in a finding [findings[0].titel] (hint: did you mean `title`?)\n"
        );
    }

    #[test]
    fn human_format_shows_the_line_and_a_caret() {
        let mut sources = BTreeMap::new();
        sources.insert("s/submission.yaml".to_string(), "a: 1\nfindings:\n  - titel: Тест\n".to_string());
        let text = render_human(&[sample()], &sources, false);
        assert!(text.contains("error: unknown field `titel` in a finding"), "{text}");
        assert!(text.contains("s/submission.yaml:3:5"), "{text}");
        assert!(text.contains("- titel: Тест"), "{text}");
        assert!(text.contains("^^^^^ findings[0].titel"), "{text}");
        assert!(text.contains("hint: did you mean `title`?"), "{text}");
    }

    #[test]
    fn underlines_cover_one_key_or_value() {
        let t = "titel: x\nnumber: 1 44 # comment\nlist: [a, bb]\nq: \"a: b\" # c\nquote: Adopt, implement\nm: {a: b, c: d}\n";
        let under = |l, c| {
            let r = span_at(t, &line_starts(t), l, c);
            t[r].to_owned()
        };
        assert_eq!(under(1, 1), "titel");
        assert_eq!(under(2, 9), "1 44");
        assert_eq!(under(3, 11), "bb");
        assert_eq!(under(4, 4), "\"a: b\"");
        // A comma ends a value only in a flow collection.
        assert_eq!(under(5, 8), "Adopt, implement");
        assert_eq!(under(6, 8), "b");
    }

    #[test]
    fn offsets_count_characters_not_bytes() {
        let text = "ключ: x\nb: y";
        assert_eq!(byte_offset(text, 1, 7), "ключ: ".len());
        assert_eq!(byte_offset(text, 2, 1), "ключ: x\n".len());
        assert_eq!(byte_offset(text, 9, 1), text.len());
    }

    #[test]
    fn github_format_is_a_workflow_command_per_problem() {
        let warning = Diagnostic::warning("50% of 2,000: too long").in_file("a, b:c\\d.yaml");
        assert_eq!(
            render_github(&[sample(), warning, Diagnostic::error("no folder\r\nhere")]),
            "::error file=s/submission.yaml,line=3,col=5,title=Amicus%3A findings[0].titel::unknown field `titel` in a finding%0Ahint: did you mean `title`?\n\
             ::warning file=a%2C b%3Ac/d.yaml,title=Amicus::50%25 of 2,000: too long\n\
             ::error title=Amicus::no folder%0D%0Ahere\n"
        );
    }

    /// GitHub's runner reads a command back by splitting at the first `::` after the
    /// properties and at `,` and `=` within them, then unescaping (the reverse of the toolkit's
    /// escaping).
    fn unescape(text: &str) -> String {
        text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")
    }

    proptest::proptest! {
        #[test]
        fn github_escaping_keeps_every_text_whole(file in "\\PC*", message in "(\\PC|[\r\n%:,])*", path in "\\PC*") {
            let d = Diagnostic::error(message.clone()).in_file(file.clone()).at(2, 3).with_path(path.clone());
            let line = render_github(&[d]);
            let line = line.strip_suffix('\n').unwrap();
            proptest::prop_assert!(!line.contains(['\r', '\n']));
            let rest = line.strip_prefix("::error ").unwrap();
            let (props, data) = rest.split_once("::").unwrap();
            proptest::prop_assert_eq!(unescape(data), message);
            let props: Vec<(&str, &str)> = props.split(',').map(|p| p.split_once('=').unwrap()).collect();
            let want_file = file.replace('\\', "/");
            let want_title = format!("Amicus: {path}");
            let mut want: Vec<(&str, String)> = Vec::new();
            if !file.is_empty() {
                want.extend([("file", want_file), ("line", "2".into()), ("col", "3".into())]);
            }
            if path.is_empty() {
                want.push(("title", "Amicus".into()));
            } else {
                want.push(("title", want_title));
            }
            let got: Vec<(&str, String)> = props.iter().map(|(k, v)| (*k, unescape(v))).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn json_is_an_array() {
        let v: serde_json::Value = serde_json::from_str(&render_json(&[sample()])).unwrap();
        assert_eq!(v[0]["severity"], "error");
        assert_eq!(v[0]["line"], 3);
    }
}
