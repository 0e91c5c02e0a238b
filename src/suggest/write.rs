//! Writing the draft: a new `assessment.yaml`, entries appended to the end of an existing one,
//! or `assessment.suggested.yaml` beside it. The advocate's text is never rewritten.
//!
//! Appending is textual: the existing bytes stay as they are, comments included, and the new
//! entries go after them. That is only safe when the file ends with a block-style
//! `recommendations:` list (or has no such key yet); in every other case the entries go to a
//! separate file. Either way the result is parsed back before anything is written.

use super::draft::{DraftEntry, DraftResult};
use super::{Candidate, Coverage, Verdict};
use crate::fs::boundary::yaml_comment;
use crate::load::{ASSESSMENT_FILE, SourceFile, load_document};
use crate::model::Assessment;
use crate::model::co::ConcludingObservations;
use std::fmt::Write as _;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// The file that receives the suggestions when `assessment.yaml` cannot be appended to.
pub const ASSESSMENT_SUGGESTED_FILE: &str = "assessment.suggested.yaml";

/// How many characters of a paragraph (or recommendation) a comment quotes.
const EXCERPT: usize = 100;

/// What [`write_draft`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteMode {
    /// `assessment.yaml` did not exist and was written whole.
    Created,
    /// The entries were added at the end of `assessment.yaml`.
    Appended,
    /// `assessment.yaml` was left untouched and the entries went to
    /// [`ASSESSMENT_SUGGESTED_FILE`].
    Beside {
        /// Why appending was not safe, in plain words.
        reason: String,
    },
    /// Every recommendation is already assessed: nothing was written.
    Nothing,
}

/// The outcome of [`write_draft`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The file written (for [`WriteMode::Nothing`], the assessment that was left alone).
    pub path: PathBuf,
    /// What was done.
    pub mode: WriteMode,
    /// How many entries were written.
    pub entries: usize,
}

impl Written {
    /// One sentence for the advocate.
    pub fn message(&self) -> String {
        let path = self.path.display();
        let n = self.entries;
        let entries = if n == 1 { "1 suggested entry".to_string() } else { format!("{n} suggested entries") };
        match &self.mode {
            WriteMode::Created => {
                format!("wrote {path} with {entries}; review each, then delete its `suggested:` block")
            }
            WriteMode::Appended => {
                format!("added {entries} at the end of {path}; the entries already there are unchanged")
            }
            WriteMode::Beside { reason } => format!(
                "{ASSESSMENT_FILE} was left untouched because {reason}; wrote {entries} to {path}: copy them into \
                 {ASSESSMENT_FILE}'s `recommendations:` list"
            ),
            WriteMode::Nothing => format!("every recommendation is already assessed in {path}; nothing to add"),
        }
    }
}

/// Writes the draft's entries into the submission folder.
///
/// - No `assessment.yaml`: writes it whole, with placeholders marked `TODO` for the title and
///   date and a header explaining the `suggested:` blocks.
/// - `assessment.yaml` whose last top-level key is a block-style `recommendations:` list (or
///   that has no such key): appends the entries at the end, leaving every existing byte as it
///   was, after checking that the result still loads and keeps the existing entries.
/// - Otherwise: leaves it untouched and writes [`ASSESSMENT_SUGGESTED_FILE`] beside it. If that
///   file already exists (from an earlier run) nothing is overwritten: an error says so.
///
/// `co` supplies the paragraph texts quoted in the comments; `schema`, the `$schema` path a new
/// file's first line gives editors (completion and checking as you type).
pub fn write_draft(
    folder: &Path,
    draft: &DraftResult,
    co: &ConcludingObservations,
    schema: Option<&str>,
) -> io::Result<Written> {
    let target = folder.join(ASSESSMENT_FILE);
    let n = draft.entries.len();
    if n == 0 {
        return Ok(Written { path: target, mode: WriteMode::Nothing, entries: 0 });
    }
    if target.symlink_metadata().is_err() {
        let mut text = new_assessment(draft, co);
        if let Some(path) = schema {
            text.insert_str(0, &format!("# yaml-language-server: $schema={path}\n"));
        }
        check_loads(&text, n)
            .map_err(|e| io::Error::other(format!("internal error: the draft does not load ({e})")))?;
        create_new(&target, &text)?;
        return Ok(Written { path: target, mode: WriteMode::Created, entries: n });
    }
    let existing = read_assessment(folder)?;
    let reason = match appended(&existing, draft, co) {
        Ok(addition) => {
            append(&target, &existing, &addition)?;
            return Ok(Written { path: target, mode: WriteMode::Appended, entries: n });
        }
        Err(reason) => reason,
    };
    let beside = folder.join(ASSESSMENT_SUGGESTED_FILE);
    if beside.exists() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} already exists, from an earlier run: copy what you need from it into {ASSESSMENT_FILE}, delete it, and run \
                 `amicus suggest` again ({ASSESSMENT_FILE} could not be appended to because {reason})",
                beside.display()
            ),
        ));
    }
    let text = suggested_file(draft, co, &reason);
    check_loads_fragment(&text, n)
        .map_err(|e| io::Error::other(format!("internal error: the suggestions do not load ({e})")))?;
    create_new(&beside, &text)?;
    Ok(Written { path: beside, mode: WriteMode::Beside { reason }, entries: n })
}

/// The text to append to `existing`, checked; or why appending is not safe.
fn appended(existing: &str, draft: &DraftResult, co: &ConcludingObservations) -> Result<String, String> {
    let before: Assessment = serde_yaml::from_str(existing)
        .map_err(|e| format!("it does not load as an assessment ({e}); fix it with `amicus check`"))?;
    let plan = plan_append(existing, "recommendations")?;
    let mut addition = String::new();
    if !existing.is_empty() && !existing.ends_with('\n') {
        addition.push('\n');
    }
    if plan.add_key {
        addition.push_str("\nrecommendations:\n");
    }
    addition.push('\n');
    addition.push_str(&entries_block(draft, co, plan.indent));
    if existing.contains("\r\n") {
        addition = addition.replace('\n', "\r\n");
    }
    let combined = format!("{existing}{addition}");
    verify_append(&before, &combined, draft)?;
    Ok(addition)
}

/// Where and how entries can be appended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct AppendPlan {
    /// Spaces before each `- ` of the list.
    pub(super) indent: usize,
    /// The file has no `recommendations:` key: add it before the entries.
    pub(super) add_key: bool,
}

/// Reads the layout of a file of entries: appending is possible when its last top-level key
/// is `key:` (`recommendations:`, `questions:`) in block style, or when it has no such key. The error says why not.
pub(super) fn plan_append(text: &str, key: &str) -> Result<AppendPlan, String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut keys: Vec<(usize, &str)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let content = line.trim_end();
        if content.trim_start().is_empty() || content.trim_start().starts_with('#') {
            continue;
        }
        if line.starts_with('\t') {
            return Err("it is indented with tabs".into());
        }
        if line.starts_with(' ') || (line.starts_with('-') && !content.starts_with("---")) {
            // Inside a value, or an item of a list indented like its key.
            continue;
        }
        if content == "---" || content.starts_with("--- ") {
            if keys.is_empty() {
                continue;
            }
            return Err("it holds more than one YAML document".into());
        }
        if content == "..." {
            return Err("it ends its YAML document with `...`".into());
        }
        if content.starts_with(['{', '[']) {
            return Err("it is written in flow style (`{ … }`)".into());
        }
        keys.push((i, content));
    }
    let colon = format!("{key}:");
    let is_recs = |l: &str| l.starts_with(&colon);
    let Some(&(at, last)) = keys.last() else {
        return Ok(AppendPlan { indent: 2, add_key: true });
    };
    if !is_recs(last) {
        if keys
            .iter()
            .any(|(_, l)| is_recs(l) || l.starts_with(&format!("\"{key}\"")) || l.starts_with(&format!("'{key}'")))
        {
            let name = last.split(':').next().unwrap_or(last);
            return Err(format!("its `{key}:` list is not the last key (`{name}:` comes after it)"));
        }
        return Ok(AppendPlan { indent: 2, add_key: true });
    }
    let rest = last[colon.len()..].trim();
    if !(rest.is_empty() || rest.starts_with('#')) {
        return Err(format!("its `{key}:` list is written on one line (`{rest}`), not one entry per line"));
    }
    for line in &lines[at + 1..] {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if trimmed.starts_with("- ") || trimmed == "-" {
            return Ok(AppendPlan { indent: line.len() - trimmed.len(), add_key: false });
        }
        return Err(format!("its `{key}:` list does not start with `- ` items"));
    }
    // An empty list: the key with nothing under it.
    Ok(AppendPlan { indent: 2, add_key: false })
}

/// Checks that `combined` loads, keeps everything `before` had, and adds exactly the drafted
/// entries at the end.
fn verify_append(before: &Assessment, combined: &str, draft: &DraftResult) -> Result<(), String> {
    let after: Assessment = serde_yaml::from_str(combined)
        .map_err(|e| format!("the entries could not be added without breaking it ({e})"))?;
    let old = before.recommendations.len();
    let new_ids: Vec<&str> = after.recommendations.iter().skip(old).map(|r| r.recommendation.as_str()).collect();
    let expected: Vec<&str> = draft.entries.iter().map(|e| e.entry.recommendation.as_str()).collect();
    let mut kept = after.clone();
    kept.recommendations.truncate(old);
    let same = serde_yaml::to_value(&kept).ok() == serde_yaml::to_value(before).ok();
    if !same || new_ids != expected {
        return Err("adding the entries at the end would change how the file reads".into());
    }
    Ok(())
}

/// Loads an assessment the way `amicus` does (schema validation, then serde), with the first
/// problem as the error.
fn load_assessment(text: &str) -> Result<Assessment, String> {
    let file = SourceFile::new(ASSESSMENT_FILE, text);
    load_document(&file).map_err(|problems| match problems.first() {
        Some(p) if p.line > 0 => format!("line {}: {}", p.line, p.message),
        Some(p) => p.message.clone(),
        None => "unknown problem".to_string(),
    })
}

/// Checks that a whole new assessment loads with `n` entries.
fn check_loads(text: &str, n: usize) -> Result<(), String> {
    let a = load_assessment(text)?;
    if a.recommendations.len() != n {
        return Err(format!("{} entries instead of {n}", a.recommendations.len()));
    }
    Ok(())
}

/// Checks that a suggestions file loads as a `recommendations:` list with `n` entries.
fn check_loads_fragment(text: &str, n: usize) -> Result<(), String> {
    /// The only key of the suggestions file.
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Fragment {
        /// The entries.
        recommendations: Vec<crate::model::RecommendationAssessment>,
    }
    let f: Fragment = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
    if f.recommendations.len() != n {
        return Err(format!("{} entries instead of {n}", f.recommendations.len()));
    }
    Ok(())
}

/// A new `assessment.yaml`.
fn new_assessment(draft: &DraftResult, co: &ConcludingObservations) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Follow-up assessment: what the committee did with each recommendation of the submission,");
    let _ = writeln!(out, "# according to its concluding observations {}.", yaml_comment(&co.symbol));
    out.push_str(
        "#
#   reflected   fully | partially | not-reflected (an unaddressed issue) | pending (not assessed yet)
#   paragraphs  the CO paragraphs that take the recommendation up, numbered as the committee
#               numbers them: \"34 (d)\", \"40\", \"34 (c)–(d)\"
#   comment     your reading, for the brief (Markdown)
#
# The entries below were drafted by `amicus suggest`, which compares words, not meanings. Each
# `suggested:` block is the machine's suggestion (a score from 0 to 1, the shared words, other
# candidate paragraphs), and the comments above each entry quote the candidate paragraphs.
# Check every entry against the CO, set `reflected`, correct `paragraphs`, write a comment, then
# delete the `suggested:` block. A paragraph that takes a recommendation up in other words can
# be missed, and a shared word proves nothing.

title: \"TODO: the title of the follow-up brief\"
date: \"TODO: the date of the brief, YYYY-MM-DD\"

recommendations:

",
    );
    out.push_str(&entries_block(draft, co, 2));
    out
}

/// [`ASSESSMENT_SUGGESTED_FILE`].
fn suggested_file(draft: &DraftResult, co: &ConcludingObservations, reason: &str) -> String {
    let mut out = String::new();
    let _ =
        writeln!(out, "# Suggested assessment entries, drafted by `amicus suggest` from {}.", yaml_comment(&co.symbol));
    let _ = writeln!(out, "#");
    let _ = writeln!(out, "# {ASSESSMENT_FILE} was left untouched because {}.", one_line(reason));
    out.push_str(
        "# Copy the entries you want into its `recommendations:` list, review each (see the comments),
# delete its `suggested:` block, then delete this file. Amicus does not read this file.

recommendations:

",
    );
    out.push_str(&entries_block(draft, co, 2));
    out
}

/// The drafted entries as YAML list items indented by `indent` spaces, each preceded by
/// comments quoting the recommendation and the candidate paragraphs.
fn entries_block(draft: &DraftResult, co: &ConcludingObservations, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{pad}# ── Drafted by `amicus suggest`: review each entry, then delete its `suggested:` block ──"
    );
    let missing: Vec<String> = draft
        .findings
        .iter()
        .filter(|f| matches!(f.coverage, Coverage::Unaddressed { .. }))
        .map(|f| format!("{} ({})", f.title, f.id))
        .collect();
    if !missing.is_empty() {
        let _ = writeln!(
            out,
            "{pad}# Findings the CO does not seem to deal with at all: {}.",
            one_line(&missing.join("; "))
        );
    }
    out.push('\n');
    let mut finding = None;
    for e in &draft.entries {
        if finding != Some(&e.finding_id) {
            let _ = writeln!(out, "{pad}# --- {} ({}) ---", one_line(&e.finding_title), e.finding_id);
            finding = Some(&e.finding_id);
        }
        out.push_str(&entry_comments(e, co, &pad));
        let yaml = serde_yaml::to_string(&[&e.entry]).unwrap_or_default();
        for line in yaml.lines() {
            let _ = writeln!(out, "{pad}{line}");
        }
        out.push('\n');
    }
    out
}

/// The comments above one entry.
fn entry_comments(e: &DraftEntry, co: &ConcludingObservations, pad: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{pad}# Recommendation: “{}”", excerpt(&e.recommendation_text));
    let line = match (e.verdict, e.candidates.first()) {
        (Verdict::Confident, Some(best)) => {
            format!("Suggested: {} (score {:.2}). Check it, then set `reflected`.", best.citation, best.score)
        }
        (Verdict::Uncertain, _) => "No paragraph stands out: choose among these, or none.".to_string(),
        _ => "No paragraph seems to take this up: perhaps an unaddressed issue (then set `reflected: not-reflected`)."
            .to_string(),
    };
    let _ = writeln!(out, "{pad}# {line}");
    for c in &e.candidates {
        out.push_str(&candidate_comment(c, co, pad));
    }
    out
}

/// Two comment lines on one candidate: where, how sure, what it says, what it shares.
pub(super) fn candidate_comment(c: &Candidate, co: &ConcludingObservations, pad: &str) -> String {
    let paragraph = co.paragraph(c.citation.paragraph);
    let text = paragraph
        .map(|p| match c.citation.letters.first() {
            Some(&l) => p.sub(l).map(|s| s.text.clone()).unwrap_or_default(),
            None => p.text.clone(),
        })
        .unwrap_or_default();
    let heading =
        paragraph.and_then(|p| p.heading.as_deref()).map(|h| format!("[{}] ", one_line(h))).unwrap_or_default();
    let mut out = String::new();
    let _ = writeln!(out, "{pad}#   {:<8} {:.2}  {heading}“{}”", c.citation.to_string(), c.score, excerpt(&text));
    if !c.shared_words.is_empty() {
        let _ = writeln!(out, "{pad}#            shares: {}", one_line(&c.shared_words.join(", ")));
    }
    if let (Some(concern), false) = (c.concern, c.concern_words.is_empty()) {
        let _ = writeln!(
            out,
            "{pad}#            and, in the concern it answers ({concern}): {}",
            one_line(&c.concern_words.join(", "))
        );
    }
    out
}

/// The start of a text, on one line, cut at a word boundary near [`EXCERPT`] characters.
pub(super) fn excerpt(text: &str) -> String {
    let flat = one_line(text);
    if flat.chars().count() <= EXCERPT {
        return flat;
    }
    let cut: String = flat.chars().take(EXCERPT).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > EXCERPT / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
}

/// A text on one line (a comment must not spill onto a YAML line), its control characters
/// escaped ([`yaml_comment`]: a direction override must not turn the comment around).
pub(super) fn one_line(text: &str) -> String {
    yaml_comment(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Creates a file that must not exist yet, removing it again if writing fails half-way.
pub(super) fn create_new(path: &Path, text: &str) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    let written = file.write_all(text.as_bytes()).and_then(|()| file.sync_all());
    if written.is_err() {
        drop(file);
        let _ = std::fs::remove_file(path);
    }
    written
}

/// Reads `assessment.yaml` through the guarded read every submission file goes through.
fn read_assessment(folder: &Path) -> io::Result<String> {
    read_in(folder, ASSESSMENT_FILE)
}

/// Reads a file of the submission folder through the guarded read every submission file goes
/// through.
pub(super) fn read_in(folder: &Path, name: &str) -> io::Result<String> {
    let shown = folder.join(name).display().to_string();
    let bytes = crate::fs::boundary::read_inside(folder, Path::new(name), crate::load::MAX_FILE_BYTES)
        .map_err(|e| io::Error::other(e.describe(&shown)))?;
    String::from_utf8(bytes).map_err(|_| io::Error::other(format!("{shown} is not UTF-8; fix it with `amicus check`")))
}

/// Appends to a file of entries, after checking that it has not changed since it was read.
///
/// The whole file is rewritten atomically (temporary file, then rename): a full disk or a
/// killed run leaves the old file as it was, never one cut off mid-entry.
pub(super) fn append(path: &Path, read: &str, addition: &str) -> io::Result<()> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or(ASSESSMENT_FILE);
    if read_in(folder, name)? != read {
        return Err(io::Error::other(format!(
            "{} changed while Amicus was reading it; run `amicus suggest` again",
            path.display()
        )));
    }
    crate::fs::write_atomic(path, format!("{read}{addition}").as_bytes())
}

#[cfg(test)]
mod tests {
    use super::super::draft;
    use super::*;

    /// A fresh folder with the test CO and submission of the draft module.
    fn setup() -> (tempfile::TempDir, DraftResult, ConcludingObservations) {
        let (s, co) = super::super::draft::tests::fixture();
        let dir = tempfile::tempdir().expect("temp dir");
        let d = draft(&s, &co, None);
        (dir, d, co)
    }

    /// Loads a written assessment with the project's loader (schema and serde).
    fn load(path: &Path) -> Assessment {
        load_assessment(&std::fs::read_to_string(path).expect("read")).expect("loads")
    }

    const EXISTING: &str = "# My notes: keep this comment.\ntitle: Brief\ndate: 2025-09-15\n\nrecommendations:\n  # torture first\n  - recommendation: compensate\n    reflected: fully   # checked by hand\n    paragraphs: [\"20 (b)\"]\n";

    #[test]
    fn a_new_assessment_is_written_whole_and_loads() {
        let (dir, d, co) = setup();
        let w = write_draft(dir.path(), &d, &co, None).expect("write");
        assert_eq!(w.mode, WriteMode::Created);
        let text = std::fs::read_to_string(&w.path).expect("read");
        assert!(text.contains("TODO"));
        assert!(text.contains("“Ensure that victims of torture obtain full reparation"), "{text}");
        let a = load(&w.path);
        assert_eq!(a.recommendations.len(), 3);
        assert!(a.recommendations.iter().all(|r| r.suggested.is_some()));
    }

    #[test]
    fn appending_keeps_every_existing_byte() {
        let (dir, _, co) = setup();
        let path = dir.path().join(ASSESSMENT_FILE);
        std::fs::write(&path, EXISTING).expect("write");
        let (s, _) = super::super::draft::tests::fixture();
        let existing: Assessment = serde_yaml::from_str(EXISTING).expect("existing loads");
        let d = draft(&s, &co, Some(&existing));
        let w = write_draft(dir.path(), &d, &co, None).expect("append");
        assert_eq!(w.mode, WriteMode::Appended);
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.starts_with(EXISTING));
        let a = load(&path);
        let ids: Vec<&str> = a.recommendations.iter().map(|r| r.recommendation.as_str()).collect();
        assert_eq!(ids, ["compensate", "halt-torture", "wages"]);
        assert_eq!(a.recommendations[0].paragraphs, ["20 (b)"]);
        assert!(a.recommendations[0].suggested.is_none());
    }

    #[test]
    fn appending_follows_the_file_s_indentation_and_line_ends() {
        let (dir, _, co) = setup();
        let path = dir.path().join(ASSESSMENT_FILE);
        let flush = "title: Brief\r\ndate: 2025-09-15\r\nrecommendations:\r\n- recommendation: compensate\r\n  reflected: fully";
        std::fs::write(&path, flush).expect("write");
        let (s, _) = super::super::draft::tests::fixture();
        let d = draft(&s, &co, Some(&serde_yaml::from_str(flush).expect("loads")));
        assert_eq!(write_draft(dir.path(), &d, &co, None).expect("append").mode, WriteMode::Appended);
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains("\r\n- recommendation: halt-torture\r\n"), "{text}");
        assert!(!text.replace("\r\n", "").contains('\n'));
        assert_eq!(load(&path).recommendations.len(), 3);
    }

    #[test]
    fn a_file_without_recommendations_gets_the_key() {
        let (dir, d, co) = setup();
        let path = dir.path().join(ASSESSMENT_FILE);
        std::fs::write(&path, "title: Brief\ndate: 2025-09-15\nconclusion: |\n  Done.\n").expect("write");
        assert_eq!(write_draft(dir.path(), &d, &co, None).expect("append").mode, WriteMode::Appended);
        let a = load(&path);
        assert_eq!(a.recommendations.len(), 3);
        assert_eq!(a.conclusion.map(|m| m.text), Some("Done.\n".to_string()));
    }

    #[test]
    fn when_appending_is_unsafe_the_entries_go_beside() {
        for (existing, why) in [
            (
                "title: Brief\ndate: 2025-09-15\nrecommendations:\n  - recommendation: x\n    reflected: pending\nconclusion: Done.\n",
                "not the last key",
            ),
            ("title: Brief\ndate: 2025-09-15\nrecommendations: []\n", "on one line"),
            ("{title: Brief, date: 2025-09-15}\n", "flow style"),
            ("title: [unclosed\n", "does not load"),
        ] {
            let (dir, d, co) = setup();
            let path = dir.path().join(ASSESSMENT_FILE);
            std::fs::write(&path, existing).expect("write");
            let w = write_draft(dir.path(), &d, &co, None).expect("beside");
            match &w.mode {
                WriteMode::Beside { reason } => assert!(reason.contains(why), "{reason}"),
                other => panic!("{other:?} for {existing}"),
            }
            assert_eq!(std::fs::read_to_string(&path).expect("read"), existing, "untouched");
            assert!(w.path.ends_with(ASSESSMENT_SUGGESTED_FILE));
            assert!(check_loads_fragment(&std::fs::read_to_string(&w.path).expect("read"), 3).is_ok());
            // A second run does not overwrite the suggestions.
            let again = write_draft(dir.path(), &d, &co, None).expect_err("no overwrite");
            assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        }
    }

    #[test]
    fn nothing_to_do_writes_nothing() {
        let (dir, mut d, co) = setup();
        d.entries.clear();
        let w = write_draft(dir.path(), &d, &co, None).expect("nothing");
        assert_eq!(w.mode, WriteMode::Nothing);
        assert!(!dir.path().join(ASSESSMENT_FILE).exists());
    }

    #[test]
    fn excerpts_are_short_and_on_one_line() {
        let long = "Taking all measures necessary to prevent torture and other cruel, inhuman or\ndegrading treatment or punishment, including by strengthening the training";
        let e = excerpt(long);
        assert!(e.ends_with('…') && !e.contains('\n') && e.chars().count() <= EXCERPT + 1, "{e}");
        assert_eq!(excerpt("Short."), "Short.");
    }
}
