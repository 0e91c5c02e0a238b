//! Reading the advocate's files: YAML into the model, with every problem located.
//!
//! A YAML file goes through four steps, each of which can only report in the user's
//! coordinates (file, line, column, key path):
//! 1. [`read_text`]: size, encoding and byte-order-mark checks, before any parsing;
//! 2. serde_yaml parses it into a [`node::Node`] tree (syntax errors, alias bombs, nesting);
//! 3. [`validate`] checks the tree against the model's JSON Schema and collects *all*
//!    problems (unknown and duplicate keys, missing fields, wrong types, unknown values);
//! 4. only then serde_yaml deserializes the typed model.

pub mod images;
pub mod locate;
pub mod node;
pub mod prose;
pub mod validate;
pub mod version;

use crate::diag::Diagnostic;
use crate::model::{Assessment, ConcludingObservations, Finding, Markdown, Submission};
use locate::{Index, Seg, Target, path_string};
use node::Node;
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The largest YAML or Markdown file Amicus reads. A submission is a few hundred kilobytes at
/// most; anything bigger is a mistake (a PDF renamed, a log pasted) and parsing it would only
/// waste time and memory.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The name of the main file of a submission folder.
pub const SUBMISSION_FILE: &str = "submission.yaml";
/// The folder of one-finding-per-file YAML.
pub const FINDINGS_DIR: &str = "findings";
/// The concluding observations, written by `import-co`.
pub const CO_FILE: &str = "concluding-observations.yaml";
/// The follow-up assessment.
pub const ASSESSMENT_FILE: &str = "assessment.yaml";

/// A file the user wrote, kept for locating problems and printing snippets.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as shown to the user (the folder as they typed it, joined with the name).
    pub display: String,
    /// The file's text.
    pub text: String,
    /// Where each key path of the YAML text is, built on the first lookup (one pass over the
    /// text, however many problems are located in it).
    index: OnceLock<Index>,
}

impl SourceFile {
    /// A file with its display path and text.
    pub fn new(display: impl Into<String>, text: impl Into<String>) -> SourceFile {
        SourceFile { display: display.into(), text: text.into(), index: OnceLock::new() }
    }

    /// The key-path index of the file's YAML.
    pub fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::new(&self.text))
    }

    /// 1-based (line, column) of a key path, or (0, 0) if it cannot be found.
    pub fn locate(&self, path: &[Seg], target: Target) -> (usize, usize) {
        let index = self.index();
        // A path that is not in the file (a missing field) points at its closest parent.
        for len in (0..=path.len()).rev() {
            let t = if len == path.len() { target } else { Target::Value };
            if let Some(at) = index.get(&path[..len], t) {
                return at;
            }
        }
        (0, 0)
    }

    /// A located error at a key path in this file.
    pub fn error_at(&self, path: &[Seg], target: Target, message: impl Into<String>) -> Diagnostic {
        let (line, col) = self.locate(path, target);
        Diagnostic::error(message).in_file(&self.display).at(line, col).with_path(path_string(path))
    }

    /// A located warning at a key path in this file.
    pub fn warning_at(&self, path: &[Seg], target: Target, message: impl Into<String>) -> Diagnostic {
        let (line, col) = self.locate(path, target);
        Diagnostic::warning(message).in_file(&self.display).at(line, col).with_path(path_string(path))
    }
}

/// Where a part of the model came from: a file and the key path inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Key into [`Files`].
    pub file: String,
    /// The key path inside that file.
    pub path: Vec<Seg>,
}

impl Place {
    /// This place extended by a key.
    pub fn key(&self, k: &str) -> Place {
        let mut path = self.path.clone();
        path.push(Seg::Key(k.to_owned()));
        Place { file: self.file.clone(), path }
    }

    /// This place extended by an index.
    pub fn index(&self, i: usize) -> Place {
        let mut path = self.path.clone();
        path.push(Seg::Index(i));
        Place { file: self.file.clone(), path }
    }
}

/// Every file read for a command, by display path.
#[derive(Debug, Clone, Default)]
pub struct Files {
    /// The files, by display path.
    pub map: BTreeMap<String, SourceFile>,
}

impl Files {
    /// Adds a file and returns its key.
    pub fn add(&mut self, file: SourceFile) -> String {
        let key = file.display.clone();
        self.map.insert(key.clone(), file);
        key
    }

    /// A located error at a place.
    pub fn error(&self, place: &Place, target: Target, message: impl Into<String>) -> Diagnostic {
        match self.map.get(&place.file) {
            Some(f) => f.error_at(&place.path, target, message),
            None => Diagnostic::error(message).in_file(&place.file).with_path(path_string(&place.path)),
        }
    }

    /// A located warning at a place.
    pub fn warning(&self, place: &Place, target: Target, message: impl Into<String>) -> Diagnostic {
        match self.map.get(&place.file) {
            Some(f) => f.warning_at(&place.path, target, message),
            None => Diagnostic::warning(message).in_file(&place.file).with_path(path_string(&place.path)),
        }
    }

    /// Whether the place's key is written in its file (a field the loader filled in because
    /// it was missing is not).
    pub fn exists(&self, place: &Place) -> bool {
        self.map.get(&place.file).is_some_and(|f| f.index().get(&place.path, Target::Value).is_some())
    }

    /// File texts by display path, for rendering snippets.
    pub fn texts(&self) -> BTreeMap<String, String> {
        self.map.iter().map(|(k, f)| (k.clone(), f.text.clone())).collect()
    }
}

/// Joins a folder as the user typed it with a file name, for display.
pub fn display_path(folder: &Path, name: &str) -> String {
    folder.join(name).display().to_string()
}

/// Reads a text file the user wrote, `relative` to the submission `folder`, refusing what
/// would hurt: a path or link leading outside the folder, anything but a regular file, more
/// than [`MAX_FILE_BYTES`] or not UTF-8. Each refusal is one clear error. A UTF-8
/// byte-order mark is kept for [`take_bom`].
/// The reading itself is [`crate::fs::boundary::read_inside`], the one way a submission's files
/// are read.
pub fn read_text(folder: &Path, relative: &Path, display: &str) -> Result<String, Diagnostic> {
    let err = |m: String| Diagnostic::error(m).in_file(display);
    let bytes = crate::fs::boundary::read_inside(folder, relative, MAX_FILE_BYTES).map_err(|e| {
        let d = err(e.describe(display));
        match e.hint() {
            Some(h) => d.with_hint(h),
            None => d,
        }
    })?;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(err(format!("{display} is saved as UTF-16")).at(1, 1).with_hint("save the file as UTF-8"));
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let good = std::str::from_utf8(good).unwrap_or_default();
        let line = good.matches('\n').count() + 1;
        let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        err(format!("{display} is not valid UTF-8 text (a byte that is not UTF-8 at line {line}, column {column})"))
            .at(line, column)
            .with_hint(
                "save the file as UTF-8; it may have been written in another encoding, such as Windows-1251 or Latin-1",
            )
    })
}

/// Removes a UTF-8 byte-order mark from the start of a file's text, with a note saying so.
///
/// Notepad and some Windows editors write one ("UTF-8 with BOM"); it is invisible and means
/// nothing in UTF-8, so Amicus reads the file without it rather than refuse it.
pub fn take_bom(text: &mut String, display: &str) -> Option<Diagnostic> {
    let rest = text.strip_prefix('\u{FEFF}')?;
    *text = rest.to_owned();
    Some(
        Diagnostic::warning(format!(
            "{display} starts with an invisible byte-order mark (BOM); Amicus read the file without it"
        ))
        .in_file(display)
        .at(1, 1)
        .with_hint("nothing to fix; to silence this, save the file as \"UTF-8\" rather than \"UTF-8 with BOM\""),
    )
}

/// Plain words for an I/O error.
pub fn io_words(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

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
    match hint {
        Some(h) => d.with_hint(h),
        None => d,
    }
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
        (
            "mapping values are not allowed",
            "a `:` followed by a space inside a value confuses YAML",
            "put the value in double quotes, e.g. `title: \"Detention: the facts\"`",
        ),
        (
            "found character that cannot start any token",
            "a value starts with a character YAML reserves (such as a tab, `@` or a backtick)",
            "put the value in double quotes, and indent with spaces, not tabs",
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
fn read_and_load<T: DeserializeOwned + JsonSchema + 'static>(
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

/// A loaded submission folder.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The folder as the user gave it.
    pub folder: PathBuf,
    /// The folder's name, used for the output folder.
    pub name: String,
    /// The submission, with Markdown files read in.
    pub submission: Submission,
    /// Where each finding came from (parallel to `submission.findings`).
    pub finding_places: Vec<Place>,
    /// Where the Markdown of each prose field came from, by the field's place: the Markdown
    /// file when the text lives in one.
    pub markdown_files: BTreeMap<String, String>,
    /// The concluding observations, if the folder has them.
    pub co: Option<ConcludingObservations>,
    /// The assessment, if the folder has it.
    pub assessment: Option<Assessment>,
    /// Every file read.
    pub files: Files,
    /// Problems found while loading ([`load_folder_lenient`] only; the model was mended
    /// around them).
    pub problems: Vec<Diagnostic>,
    /// Files that could not be read at all (a YAML syntax error, say): nothing in them was
    /// checked or counted, and what they cite is unknown, so no check may advise deleting
    /// something only because these files did not show it in use.
    pub unread: Vec<String>,
    /// The version loaded (public or confidential; see [`crate::load::version`]).
    pub version: crate::load::version::Version,
    /// Sources this version may not cite or does not cite because only withheld text did:
    /// marked `confidential` in the public version, or cited only in text marked so.
    pub withheld_sources: BTreeSet<String>,
    /// Ids of the findings and recommendations this version leaves out (marked confidential,
    /// in the public version): a cross-reference to one is an error that says so.
    pub withheld_ids: BTreeSet<String>,
}

impl Loaded {
    /// The place of the submission file's root.
    pub fn root(&self) -> Place {
        Place { file: display_path(&self.folder, SUBMISSION_FILE), path: Vec::new() }
    }
}

/// What to load besides the submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extras {
    /// Only the shadow report.
    None,
    /// Also the concluding observations and assessment, where present.
    FollowUp,
}

/// Loads a submission folder: `submission.yaml`, `findings/*.yaml` (in file-name order), the
/// Markdown files they name and, with [`Extras::FollowUp`], the CO and assessment files.
///
/// On failure returns every problem found (and the files read, for snippets).
pub fn load_folder(folder: &Path, extras: Extras) -> Result<Loaded, (Vec<Diagnostic>, Files)> {
    let loaded = load_folder_lenient(folder, extras)?;
    if loaded.problems.iter().any(Diagnostic::is_error) {
        return Err((loaded.problems, loaded.files));
    }
    Ok(loaded)
}

/// Like [`load_folder`], but a folder whose files have problems still loads when the model
/// can be mended (see [`validate::repair`]): the problems are in [`Loaded::problems`], and
/// the mended model serves only to look for more problems (`amicus check`, and `build` before
/// it refuses). `Err` only when nothing usable could be read.
pub fn load_folder_lenient(folder: &Path, extras: Extras) -> Result<Loaded, (Vec<Diagnostic>, Files)> {
    load_folder_as(folder, extras, None)
}

/// [`load_folder_lenient`] for one version of the submission ([`crate::load::version`]): `None` is
/// the one its `confidentiality` names. Text marked confidential is resolved here, before
/// anything else reads the model.
pub fn load_folder_as(
    folder: &Path,
    extras: Extras,
    version: Option<crate::load::version::Version>,
) -> Result<Loaded, (Vec<Diagnostic>, Files)> {
    let mut files = Files::default();
    let mut problems = Vec::new();
    let shown = folder.display().to_string();
    if !folder.is_dir() {
        let d = if folder.exists() {
            Diagnostic::error(format!("{shown} is a file; Amicus expects a submission folder"))
                .with_hint("give the folder that holds submission.yaml")
        } else {
            Diagnostic::error(format!("there is no folder {shown}"))
                .with_hint("check the path, or create a submission with `amicus new <folder>`")
        };
        return Err((vec![d], files));
    }
    let main = folder.join(SUBMISSION_FILE);
    // `symlink_metadata`: a dangling or looping link is there, and reading it says what is wrong.
    if main.symlink_metadata().is_err() {
        return Err((
            vec![
                Diagnostic::error(format!("{shown} has no {SUBMISSION_FILE}"))
                    .in_file(display_path(folder, SUBMISSION_FILE))
                    .with_hint("every submission folder needs one; `amicus new <folder>` writes a complete example"),
            ],
            files,
        ));
    }
    let main_display = display_path(folder, SUBMISSION_FILE);
    let submission: Option<Submission> =
        match read_and_load(folder, Path::new(SUBMISSION_FILE), main_display.clone(), &mut files) {
            Ok(s) => Some(s),
            Err((mended, mut d)) => {
                problems.append(&mut d);
                mended
            }
        };

    // findings/*.yaml, one finding per file, in file-name order.
    let mut extra_findings = Vec::new();
    let mut unread = Vec::new();
    let dir = folder.join(FINDINGS_DIR);
    let listable = dir.symlink_metadata().is_ok() && {
        let shown = display_path(folder, FINDINGS_DIR);
        match crate::fs::boundary::resolve_inside(folder, Path::new(FINDINGS_DIR)) {
            Ok(resolved) if resolved.is_dir() => true,
            Ok(_) => {
                problems.push(
                    Diagnostic::error(format!("{shown} is a file, not a folder"))
                        .in_file(&shown)
                        .with_hint("`findings` must be a folder holding one YAML file per finding"),
                );
                false
            }
            Err(e) => {
                let d = Diagnostic::error(e.describe(&shown)).in_file(&shown);
                problems.push(match e.hint() {
                    Some(h) => d.with_hint(h),
                    None => d,
                });
                false
            }
        }
    };
    if listable {
        let mut names: Vec<String> = match std::fs::read_dir(&dir) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".yaml") || n.ends_with(".yml"))
                .collect(),
            Err(e) => {
                problems.push(Diagnostic::error(format!("cannot list {}: {}", dir.display(), io_words(&e))));
                Vec::new()
            }
        };
        names.sort();
        for name in names {
            let display = display_path(&folder.join(FINDINGS_DIR), &name);
            match read_and_load::<Finding>(folder, &Path::new(FINDINGS_DIR).join(&name), display.clone(), &mut files) {
                Ok(f) => extra_findings.push((f, display)),
                Err((mended, mut d)) => {
                    problems.append(&mut d);
                    match mended {
                        Some(f) => extra_findings.push((f, display)),
                        None => unread.push(display),
                    }
                }
            }
        }
    }

    let mut co = None;
    let mut assessment = None;
    if extras == Extras::FollowUp {
        let path = folder.join(CO_FILE);
        if path.symlink_metadata().is_ok() {
            match read_and_load::<ConcludingObservations>(
                folder,
                Path::new(CO_FILE),
                display_path(folder, CO_FILE),
                &mut files,
            ) {
                Ok(c) => co = Some(c),
                Err((mended, mut d)) => {
                    problems.append(&mut d);
                    co = mended;
                }
            }
        }
        let path = folder.join(ASSESSMENT_FILE);
        if path.symlink_metadata().is_ok() {
            match read_and_load::<Assessment>(
                folder,
                Path::new(ASSESSMENT_FILE),
                display_path(folder, ASSESSMENT_FILE),
                &mut files,
            ) {
                Ok(a) => assessment = Some(a),
                Err((mended, mut d)) => {
                    problems.append(&mut d);
                    assessment = mended;
                }
            }
        }
    }

    let Some(mut submission) = submission else {
        return Err((problems, files));
    };
    let main_place = Place { file: main_display, path: Vec::new() };
    let mut finding_places: Vec<Place> =
        (0..submission.findings.len()).map(|i| main_place.key("findings").index(i)).collect();
    for (f, display) in extra_findings {
        submission.findings.push(f);
        finding_places.push(Place { file: display, path: Vec::new() });
    }

    let mut loaded = Loaded {
        folder: folder.to_path_buf(),
        name: folder_name(folder),
        submission,
        finding_places,
        markdown_files: BTreeMap::new(),
        co,
        assessment,
        files,
        problems: Vec::new(),
        unread,
        version: crate::load::version::Version::Confidential,
        withheld_sources: BTreeSet::new(),
        withheld_ids: BTreeSet::new(),
    };
    read_markdown_files(&mut loaded, &mut problems);
    loaded.problems = problems;
    let version = version.unwrap_or_else(|| crate::load::version::Version::of(&loaded.submission));
    loaded.version = version;
    loaded.withheld_sources = crate::load::version::apply(&mut loaded, version);
    Ok(loaded)
}

/// The folder's name, for output paths (`submissions/kazakhstan-ccpr-2025` → that last part).
pub fn folder_name(folder: &Path) -> String {
    let canonical = folder.canonicalize().unwrap_or_else(|_| folder.to_path_buf());
    canonical.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "submission".into())
}

/// Every Markdown field of a loaded submission with its place, in document order.
pub fn markdown_places(loaded: &Loaded) -> Vec<(Place, &Markdown)> {
    let s = &loaded.submission;
    let root = loaded.root();
    let mut out = Vec::new();
    for (i, o) in s.organisations.iter().enumerate() {
        if let Some(about) = &o.about {
            out.push((root.key("organisations").index(i).key("about"), about));
        }
    }
    out.push((root.key("summary"), &s.summary));
    for (i, sec) in s.sections.iter().enumerate() {
        out.push((root.key("sections").index(i).key("body"), &sec.body));
    }
    for (f, place) in s.findings.iter().zip(&loaded.finding_places) {
        out.push((place.key("body"), &f.body));
    }
    for (i, a) in s.annexes.iter().enumerate() {
        out.push((root.key("annexes").index(i).key("body"), &a.body));
    }
    out
}

/// Reads the `file:` of every Markdown field, relative to the folder and never outside it.
fn read_markdown_files(loaded: &mut Loaded, problems: &mut Vec<Diagnostic>) {
    let wanted: Vec<(Place, String)> =
        markdown_places(loaded).into_iter().filter_map(|(p, m)| m.file.clone().map(|f| (p, f))).collect();
    let mut texts = Vec::new();
    for (place, name) in wanted {
        if name.trim().is_empty() {
            // Empty, or filled in by the loader around a mistake already reported.
            continue;
        }
        let file_place = place.key("file");
        let relative = Path::new(&name);
        let escapes =
            relative.is_absolute() || relative.components().any(|c| matches!(c, std::path::Component::ParentDir));
        if escapes {
            problems.push(
                loaded
                    .files
                    .error(&file_place, Target::Value, format!("`{name}` is outside the submission folder"))
                    .with_hint("keep Markdown files inside the submission folder and name them relative to it, e.g. `file: context.md`"),
            );
            continue;
        }
        let display = display_path(&loaded.folder, &name);
        match read_text(&loaded.folder, relative, &display) {
            Ok(mut text) => {
                problems.extend(take_bom(&mut text, &display));
                texts.push((place.clone(), text.clone()));
                loaded.markdown_files.insert(place_key(&place), display.clone());
                loaded.files.add(SourceFile::new(display, text));
            }
            Err(d) => {
                let (line, col) = loaded
                    .files
                    .map
                    .get(&file_place.file)
                    .map_or((0, 0), |f| f.locate(&file_place.path, Target::Value));
                let mut located = Diagnostic::error(d.message)
                    .in_file(&file_place.file)
                    .at(line, col)
                    .with_path(path_string(&file_place.path));
                located.hint =
                    d.hint.or(Some(format!("create {display}, or write the text inline instead of `file:`")));
                problems.push(located);
            }
        }
    }
    for (place, text) in texts {
        if let Some(md) = markdown_at_mut(loaded, &place) {
            md.text = text;
        }
    }
}

/// A stable string key for a place (file + path).
pub fn place_key(place: &Place) -> String {
    format!("{}#{}", place.file, path_string(&place.path))
}

/// The Markdown field at a place, for filling in file contents.
fn markdown_at_mut<'a>(loaded: &'a mut Loaded, place: &Place) -> Option<&'a mut Markdown> {
    let idx = |seg: Option<&Seg>| match seg {
        Some(Seg::Index(i)) => Some(*i),
        _ => None,
    };
    fn key(seg: Option<&Seg>) -> Option<&str> {
        match seg {
            Some(Seg::Key(k)) => Some(k.as_str()),
            _ => None,
        }
    }
    if let Some(i) = loaded
        .finding_places
        .iter()
        .position(|p| p.file == place.file && place.path.starts_with(&p.path) && place.path.len() == p.path.len() + 1)
    {
        return Some(&mut loaded.submission.findings[i].body);
    }
    let p = &place.path;
    let s = &mut loaded.submission;
    match key(p.first()) {
        Some("summary") => Some(&mut s.summary),
        Some("organisations") => s.organisations.get_mut(idx(p.get(1))?)?.about.as_mut(),
        Some("sections") => Some(&mut s.sections.get_mut(idx(p.get(1))?)?.body),
        Some("annexes") => Some(&mut s.annexes.get_mut(idx(p.get(1))?)?.body),
        _ => None,
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
