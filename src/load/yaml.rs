//! One YAML document into a typed value, every problem located: syntax errors explained in
//! plain words, then the schema check that collects every problem, then serde.

use super::files::{Files, take_bom};
use super::files::{SourceFile, read_text};
use super::node::Node;
use super::validate;
use crate::diag::Diagnostic;
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use std::path::Path;

/// Turns a serde_yaml syntax error into a located diagnostic in plain words.
fn syntax_error(file: &SourceFile, e: &serde_yaml::Error) -> Diagnostic {
    let raw = e.to_string();
    // serde_yaml appends " at line L column C"; we print the place ourselves.
    let message = raw.split(" at line ").next().unwrap_or(&raw).to_owned();
    let (message, hint) = explain_yaml(&message);
    // Nothing after a syntax error can be read: say so, rather than let the user believe
    // the rest of the file is fine (or that what it cites is unused).
    let message = format!("{message}; Amicus cannot read the rest of this file until this is fixed");
    let mut d = Diagnostic::error(message).in_file(&file.display);
    if let Some(loc) = e.location() {
        d = d.at(loc.line(), loc.column());
        // A tab where YAML wants spaces: libyaml's words for it vary with where the tab is,
        // and none of them says "tab" plainly.
        if let Some((line, column)) = tab_indent_near(&file.text, loc.line()) {
            return Diagnostic::error(format!(
                "YAML syntax: line {line} is indented with a tab, and YAML allows only spaces there; Amicus cannot read the rest of this file until this is fixed"
            ))
            .in_file(&file.display)
            .at(line, column)
            .with_hint("use spaces, not tabs: replace the tab with spaces, lined up with the lines around it; most editors can be set to insert spaces when you press Tab");
        }
        // A key indented differently from the key above it: name both, and the column.
        let about_indentation = ["mapping values are not allowed", "did not find expected", "block mapping"]
            .iter()
            .any(|n| raw.contains(n));
        if let Some(m) = misaligned_key(&file.text, loc.line()).filter(|_| about_indentation) {
            return Diagnostic::error(format!(
                "YAML syntax: `{}:` is not lined up with `{}:` above it; Amicus cannot read the rest of this file until this is fixed",
                m.key, m.above
            ))
            .in_file(&file.display)
            .at(m.line, m.column)
            .with_hint(format!(
                "start `{}:` in column {}, under `{}:` (indent with spaces only), so that both belong to the same {}",
                m.key,
                m.want,
                m.above,
                if m.in_list { "list item" } else { "group" }
            ));
        }
        // libyaml notices an unclosed quote only lines later; point at the quote itself.
        if let Some(open) = unclosed_quote_before(&file.text, loc.line()) {
            return d
                .at(open.0, open.1)
                .with_hint("this quote is never closed: add the closing `\"` at the end of the text");
        }
    }
    if raw.contains("mapping values are not allowed")
        && let Some(loc) = e.location()
    {
        return d.with_hint(colon_hint(&file.text, loc.line()));
    }
    match hint {
        Some(h) => d.with_hint(h),
        None => d,
    }
}

/// The fields whose text is Markdown prose (they may run over several lines and paragraphs).
const PROSE_KEYS: [&str; 3] = ["summary", "body", "about"];

/// How to write a value holding `: `: prose as a `|` block (quotes would fold its paragraphs
/// into one), a short value in double quotes.
fn colon_hint(text: &str, line: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let Some(here) = line.checked_sub(1).and_then(|i| lines.get(i)) else {
        return QUOTE_HINT.to_owned();
    };
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    // The key whose value this is: the one on this line, or the nearest less indented one
    // above (the value runs on over several lines).
    let mut key = key_on_line(here).map(|(_, k, ..)| k);
    let mut spans_lines = false;
    if key.is_none() {
        spans_lines = true;
        key = lines[..line - 1]
            .iter()
            .rev()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .find(|l| indent(l) < indent(here))
            .and_then(|l| key_on_line(l))
            .map(|(_, k, ..)| k);
    }
    let continues = lines[line.min(lines.len())..]
        .iter()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|next| indent(next) > indent(here));
    match key {
        Some(k) if PROSE_KEYS.contains(&k) || spans_lines || continues => format!(
            "this is prose: write `{k}: |` and the text on the lines below it, indented; a `|` block keeps your lines and paragraphs as written, and a `:` in it is safe (double quotes would join its paragraphs into one)"
        ),
        _ => QUOTE_HINT.to_owned(),
    }
}

/// The hint for a `: ` in a one-line value.
const QUOTE_HINT: &str = "put the value in double quotes, e.g. `title: \"Detention: the facts\"`; for prose of several lines or paragraphs write `summary: |` and the text indented below it instead";

/// The (line, column) of a tab in the indentation of the line `line` or of the few lines
/// before it, where libyaml trips over it.
fn tab_indent_near(text: &str, line: usize) -> Option<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let last = line.min(lines.len());
    let first = last.saturating_sub(3);
    (first..last).rev().find_map(|i| {
        let l = lines[i];
        let lead = &l[..l.len() - l.trim_start_matches([' ', '\t']).len()];
        lead.find('\t').map(|at| (i + 1, at + 1))
    })
}

/// A key that is not lined up with the key on the line above it.
#[derive(Debug, PartialEq, Eq)]
struct Misaligned {
    /// The misplaced key.
    key: String,
    /// The key above it.
    above: String,
    /// 1-based line and column of the misplaced key.
    line: usize,
    column: usize,
    /// The 1-based column it should start in.
    want: usize,
    /// Whether the key above starts a list item (`- id: …`).
    in_list: bool,
}

/// The `key: value` on a line: (indentation of the key, key, whether it starts a list item,
/// whether a value follows on the line).
fn key_on_line(line: &str) -> Option<(usize, &str, bool, bool)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let mut rest = &line[indent..];
    let mut column = indent;
    let in_list = rest.starts_with("- ");
    if in_list {
        let after = rest[2..].len() - rest[2..].trim_start_matches(' ').len();
        column += 2 + after;
        rest = rest[2..].trim_start_matches(' ');
    }
    let (key, value) = rest.split_once(':')?;
    let simple = !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    (simple && (value.is_empty() || value.starts_with(' '))).then(|| (column, key, in_list, !value.trim().is_empty()))
}

/// The columns of the keys (and list dashes) that enclose a key at column `from`, looking up
/// from the end of `above`.
fn ancestor_columns(above: &[&str], from: usize) -> Vec<usize> {
    let mut limit = from;
    let mut out = Vec::new();
    for l in above.iter().rev() {
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        let indent = l.len() - l.trim_start_matches(' ').len();
        let key = key_on_line(l).map_or(indent, |(c, ..)| c);
        for c in [indent, key] {
            if c < limit {
                out.push(c);
            }
        }
        limit = limit.min(indent);
        if limit == 0 {
            break;
        }
    }
    out
}

/// Where libyaml stops at `line`, or just before it: a `key:` indented one to four spaces
/// differently from a `key: value` on the line above (a mis-indented `text:` under `- id:`).
fn misaligned_key(text: &str, line: usize) -> Option<Misaligned> {
    let lines: Vec<&str> = text.lines().collect();
    for at in [line, line.saturating_sub(1)] {
        let Some(here) = lines.get(at.checked_sub(1)?) else { continue };
        let Some((column, key, false, _)) = key_on_line(here) else { continue };
        let above = lines[..at - 1].iter().rev().find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
        let Some((want, above_key, in_list, true)) = key_on_line(above) else { continue };
        let gap = column.abs_diff(want);
        // Going back to the level of a key further up is how a group ends, not a mistake.
        if column < want && ancestor_columns(&lines[..at - 1], want).contains(&column) {
            continue;
        }
        if (1..=4).contains(&gap) {
            return Some(Misaligned {
                key: key.to_owned(),
                above: above_key.to_owned(),
                line: at,
                column: column + 1,
                want: want + 1,
                in_list,
            });
        }
    }
    None
}

/// The (line, column) of a double-quoted value that does not close on its line, at or before
/// `line`, when it is followed by a line that starts a new key (so the quote was not meant to
/// run on).
fn unclosed_quote_before(text: &str, line: usize) -> Option<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    for (i, l) in lines.iter().enumerate().take(line.min(lines.len())) {
        let Some(colon) = l.find(": \"") else { continue };
        let value = &l[colon + 2..];
        let body = &value[1..];
        let closed = body.replace("\\\\", "").replace("\\\"", "").contains('"');
        let next_is_key = lines.get(i + 1).is_some_and(|n| {
            let t = n.trim_start();
            t.starts_with("- ") || t.split_once(':').is_some_and(|(k, _)| !k.is_empty() && !k.contains(' '))
        });
        if !closed && next_is_key {
            return Some((i + 1, l[..colon + 2].chars().count() + 1));
        }
    }
    None
}

/// Rewrites libyaml's jargon into words an advocate can act on.
fn explain_yaml(message: &str) -> (String, Option<&'static str>) {
    let rules: [(&str, &str, &str); 8] = [
        ("mapping values are not allowed", "a `:` followed by a space inside a value confuses YAML", QUOTE_HINT),
        (
            "found character that cannot start any token",
            "a value starts with a character YAML reserves (such as a tab, `@` or a backtick)",
            "put the value in double quotes (a tab in it: use spaces, not tabs)",
        ),
        (
            "did not find expected key",
            "the indentation is off, or a text is not closed",
            "line up keys of the same group under each other, with spaces; close every quote you open",
        ),
        (
            "did not find expected '-' indicator",
            "a list item is not lined up with the items before it",
            "start every item of a list with `- ` at the same indentation",
        ),
        (
            "found unexpected end of stream",
            "the file ends inside a quoted text or a bracket",
            "close the quote or bracket that was opened",
        ),
        (
            "repetition limit exceeded",
            "anchors and aliases (`&name` / `*name`) expand to too much data",
            "YAML aliases are not needed in a submission; write the text out",
        ),
        (
            "recursion limit exceeded",
            "the data is nested too deeply",
            "a submission is only a few levels deep; check the brackets and indentation",
        ),
        (
            "more than one document",
            "the file holds several YAML documents (separated by `---`)",
            "keep one document per file; remove the extra `---` lines",
        ),
    ];
    for (needle, words, hint) in rules {
        if message.contains(needle) {
            return (format!("YAML syntax: {words}"), Some(hint));
        }
    }
    (format!("YAML syntax: {message}"), None)
}

/// Parses and fully validates one YAML file into `T`, reporting every problem found.
pub fn load_document<T: DeserializeOwned + JsonSchema + 'static>(file: &SourceFile) -> Result<T, Vec<Diagnostic>> {
    let node: Node = match serde_yaml::from_str(&file.text) {
        Ok(n) => n,
        Err(e) => return Err(vec![syntax_error(file, &e)]),
    };
    if matches!(node, Node::Null) {
        return Err(vec![
            Diagnostic::error(format!("{} is empty", file.display))
                .in_file(&file.display)
                .with_hint("run `amicus new` to start from a complete example"),
        ]);
    }
    let schema = schema_value::<T>();
    let problems = validate::validate(&node, &schema, &schema);
    if !problems.is_empty() {
        return Err(problems
            .into_iter()
            .map(|p| {
                let d = file.error_at(&p.path, p.target, p.message);
                match p.hint {
                    Some(h) => d.with_hint(h),
                    None => d,
                }
            })
            .collect());
    }
    // The schema passed, so this should too; if serde still objects, its own located
    // message is the best we have.
    serde_yaml::from_str(&file.text).map_err(|e| vec![syntax_error(file, &e)])
}

/// The JSON schema of `T` as the validator reads it, made once per type and process: a
/// folder of 200 findings would otherwise make the same schema 200 times, on every build of
/// a watch session.
fn schema_value<T: JsonSchema + 'static>() -> std::sync::Arc<serde_json::Value> {
    use std::any::TypeId;
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock, PoisonError};
    static SCHEMAS: OnceLock<Mutex<HashMap<TypeId, Arc<serde_json::Value>>>> = OnceLock::new();
    // Nothing can be left half done under the lock, so a poisoned one is still usable.
    let mut schemas = SCHEMAS.get_or_init(Mutex::default).lock().unwrap_or_else(PoisonError::into_inner);
    let schema = schemas
        .entry(TypeId::of::<T>())
        .or_insert_with(|| Arc::new(serde_json::to_value(schemars::schema_for!(T)).unwrap_or_default()));
    Arc::clone(schema)
}

/// Like [`load_document`], but when the file has problems it also returns a mended model
/// (see [`validate::repair`]) so that the remaining checks can run: the problems are the
/// errors, the model is only for finding more of them. `None` when the file cannot be read
/// as YAML at all.
pub fn load_document_lenient<T: DeserializeOwned + JsonSchema + 'static>(
    file: &SourceFile,
) -> (Option<T>, Vec<Diagnostic>) {
    match load_document::<T>(file) {
        Ok(t) => (Some(t), Vec::new()),
        Err(problems) => {
            let mended = serde_yaml::from_str::<Node>(&file.text).ok().and_then(|node| {
                let schema = schema_value::<T>();
                let fixed = validate::repair(&node, &schema, &schema)?;
                // Through text, not `from_value`: only the text deserializer reads a scalar
                // like `2024` into a string field, as the original file was read.
                let text = serde_yaml::to_string(&fixed.to_yaml()).ok()?;
                serde_yaml::from_str::<T>(&text).ok()
            });
            (mended, problems)
        }
    }
}

/// Reads a file and loads it as `T`; the file is added to `files` whatever happens.
///
/// On problems, the error carries them and, where it could be made, a mended model.
pub(super) fn read_and_load<T: DeserializeOwned + JsonSchema + 'static>(
    folder: &Path,
    relative: &Path,
    display: String,
    files: &mut Files,
) -> Result<T, (Option<T>, Vec<Diagnostic>)> {
    let mut text = read_text(folder, relative, &display).map_err(|d| (None, vec![d]))?;
    let bom = take_bom(&mut text, &display);
    let file = SourceFile::new(display, text);
    let (value, mut problems) = load_document_lenient(&file);
    files.add(file);
    problems.extend(bom);
    match value {
        Some(v) if problems.is_empty() => Ok(v),
        _ => Err((value, problems)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unclosed_quotes_are_found_where_they_open() {
        let text = "a: 1\ntitle: \"Open\nstate: X\n";
        assert_eq!(unclosed_quote_before(text, 3), Some((2, 8)));
        let closed = "title: \"He said \\\"hi\\\"\"\nstate: X\n";
        assert_eq!(unclosed_quote_before(closed, 2), None);
        let folded = "title: \"runs on\n  to the next line\"\nstate: X\n";
        assert_eq!(unclosed_quote_before(folded, 3), None);
    }

    #[test]
    fn misaligned_keys_are_named_with_the_key_above() {
        let text = "recommendations:\n  - id: a\n      text: b\n";
        let m = misaligned_key(text, 3).unwrap();
        assert_eq!(
            (m.key.as_str(), m.above.as_str(), m.line, m.column, m.want, m.in_list),
            ("text", "id", 3, 7, 5, true)
        );
        let under = "recommendations:\n  - id: a\n   text: b\n";
        assert_eq!(misaligned_key(under, 3).unwrap().want, 5);
        let nested = "session:\n  number: 1\n";
        assert!(misaligned_key(nested, 2).is_none());
        let dedent = "a:\n  b:\n    url: x\nnext: [\n";
        assert!(misaligned_key(dedent, 4).is_none());
        let fine = "a:\n  - id: x\n    text: y\n";
        assert!(misaligned_key(fine, 3).is_none());
    }

    #[test]
    fn tabs_in_the_indentation_are_found() {
        assert_eq!(tab_indent_near("a:\n\t- b\n", 2), Some((2, 1)));
        assert_eq!(tab_indent_near("a:\n  \t- b\nc: d\n", 3), Some((2, 3)));
        // A tab inside a value is not indentation.
        assert_eq!(tab_indent_near("title:\tA title\nb: c\n", 2), None);
    }

    #[test]
    fn a_colon_in_prose_asks_for_a_block_and_in_a_title_for_quotes() {
        assert!(colon_hint("summary: The State: a party\n", 1).contains("`summary: |`"));
        assert!(colon_hint("x: 1\nnotes: The State: a party\n  goes on\n", 2).contains("`notes: |`"));
        assert!(colon_hint("  - text: A first line\n    that goes on: here\n", 2).contains("`text: |`"));
        assert!(
            colon_hint("title: Detention: the facts\ndate: 2025-01-01\n", 1)
                .starts_with("put the value in double quotes")
        );
    }

    #[test]
    fn libyaml_jargon_is_explained() {
        let (m, h) = explain_yaml("mapping values are not allowed in this context");
        assert!(m.contains("`:` followed by a space"));
        assert!(h.unwrap().contains("double quotes"));
        let (m, h) = explain_yaml("something new");
        assert_eq!(m, "YAML syntax: something new");
        assert!(h.is_none());
    }
}

#[cfg(test)]
mod robustness {
    use super::*;
    use crate::model::Submission;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Whatever bytes a user saves, loading reports problems and never panics.
        #[test]
        fn any_text_loads_or_is_explained(text in "[a-z:{}\\[\\]\\-\"'|>&*!#%@ \\n\\t0-9.]{0,300}") {
            let file = SourceFile::new("s/submission.yaml", text);
            let (value, problems) = load_document_lenient::<Submission>(&file);
            if value.is_none() {
                prop_assert!(!problems.is_empty());
            }
            for p in problems {
                prop_assert!(!p.message.is_empty());
                prop_assert_eq!(p.file, "s/submission.yaml");
            }
        }
    }
}
