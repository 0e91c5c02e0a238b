//! Every invalid fixture submission, run through the real `amicus check`, must report the
//! problems recorded in its `expected.txt` (short format), and nothing else.
//!
//! A fixture folder holds only what differs from `tests/fixtures/base/` (files that replace
//! the base's, plus `_remove` listing base files to delete). AMICUS_BLESS=1 rewrites the
//! expected outputs; review the diff.

mod common;

use common::{copy_dir, golden, root, run_in, text};
use std::path::Path;

/// Lays out a fixture: the base, overlaid with the fixture's own files.
fn materialise(fixture: &Path, into: &Path) {
    copy_dir(&root().join("tests/fixtures/base"), into);
    for entry in std::fs::read_dir(fixture).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        match name.as_str() {
            "expected.txt" => {}
            "_remove" => {
                for line in std::fs::read_to_string(entry.path()).unwrap().lines().filter(|l| !l.is_empty()) {
                    std::fs::remove_file(into.join(line)).unwrap();
                }
            }
            _ if entry.file_type().unwrap().is_dir() => copy_dir(&entry.path(), &into.join(&name)),
            _ => {
                std::fs::copy(entry.path(), into.join(&name)).unwrap();
            }
        }
    }
}

#[test]
fn every_invalid_fixture_reports_its_problems() {
    let dir = root().join("tests/fixtures/invalid");
    let mut names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert!(names.len() >= 30, "the corpus should hold at least 30 invalid submissions, found {}", names.len());
    let work = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for name in &names {
        materialise(&dir.join(name), &work.path().join(name));
        let out = run_in(work.path(), &["check", "--diagnostic-format", "short", name]);
        let code = out.status.code().unwrap_or(-1);
        let stdout = text(&out.stdout);
        let stderr = text(&out.stderr);
        assert!(!stderr.contains("panicked"), "{name}: amicus panicked:\n{stderr}");
        assert!(!stdout.trim().is_empty(), "{name}: an invalid fixture must report at least one problem");
        assert!(code == 0 || code == 1, "{name}: exit code {code}");
        if stdout.contains(": error: ") {
            assert_eq!(code, 1, "{name}: errors must give exit code 1");
        } else {
            assert_eq!(code, 0, "{name}: warnings alone must give exit code 0");
        }
        let actual = format!("{stdout}-- {stderr}-- exit code {code}\n");
        let result = std::panic::catch_unwind(|| golden(&dir.join(name).join("expected.txt"), &actual));
        if result.is_err() {
            failures.push(name.clone());
        }
    }
    assert!(failures.is_empty(), "fixtures whose output changed: {failures:?}");
}

#[test]
fn the_base_fixture_is_clean() {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/base"), &work.path().join("base"));
    let out = run_in(work.path(), &["check", "--diagnostic-format", "short", "base"]);
    assert_eq!(text(&out.stdout), "", "the base fixture must be free of problems");
    assert!(out.status.success());
    assert!(text(&out.stderr).contains("0 errors, 0 warnings; words:"), "{}", text(&out.stderr));
}

#[test]
fn a_huge_file_is_refused_before_parsing() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("huge");
    copy_dir(&root().join("tests/fixtures/base"), &dir);
    let mut big = std::fs::read_to_string(dir.join("submission.yaml")).unwrap();
    big.push_str("# ");
    big.push_str(&"x".repeat(5 * 1024 * 1024));
    big.push('\n');
    std::fs::write(dir.join("submission.yaml"), big).unwrap();
    let out = run_in(work.path(), &["check", "--diagnostic-format", "short", "huge"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("Amicus reads files of at most 4 MB"), "{}", text(&out.stdout));
}

#[test]
fn human_format_shows_snippets_and_hints() {
    let work = tempfile::tempdir().unwrap();
    materialise(&root().join("tests/fixtures/invalid/unknown-key-typo"), &work.path().join("s"));
    let out = run_in(work.path(), &["check", "s"]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("error: unknown field `titel` in a finding"), "{stdout}");
    assert!(stdout.contains("s/submission.yaml:28:5"), "{stdout}");
    assert!(stdout.contains("    titel: Migrant detention"), "{stdout}");
    assert!(stdout.contains("^^^^^"), "{stdout}");
    assert!(stdout.contains("hint: did you mean `title`?"), "{stdout}");
    assert!(!stdout.contains('\u{1b}'), "no colour codes when not on a terminal");
}

#[test]
fn json_format_is_machine_readable() {
    let work = tempfile::tempdir().unwrap();
    materialise(&root().join("tests/fixtures/invalid/missing-title-and-summary"), &work.path().join("s"));
    let out = run_in(work.path(), &["check", "--diagnostic-format", "json", "s"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let messages: Vec<&str> = v.as_array().unwrap().iter().map(|d| d["message"].as_str().unwrap()).collect();
    assert!(messages.contains(&"a submission is missing `title`"), "{messages:?}");
    assert!(messages.contains(&"a submission is missing `summary`"), "{messages:?}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn usage_errors_exit_with_2() {
    let out = common::amicus().args(["check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = common::amicus().args(["frobnicate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// `--diagnostic-format github`: GitHub Actions workflow commands, golden. A folder named with
/// what a property must escape (`,` `:` `%`), a file that is not UTF-8, several problems in
/// several files, and `build`, whose problems go to standard output too in this format.
#[test]
fn github_format_prints_workflow_commands() {
    let dir = root().join("tests/fixtures/invalid");
    let work = tempfile::tempdir().unwrap();
    let mut actual = String::new();
    let cases = [
        ("many-problems-at-once", "many-problems-at-once"),
        ("placeholder-left", "placeholder-left"),
        ("not-utf8", "not-utf8"),
        ("coalition, draft: 100%", "footnote-undefined"),
    ];
    for (folder, fixture) in cases {
        materialise(&dir.join(fixture), &work.path().join(folder));
        let out = run_in(work.path(), &["check", "--diagnostic-format", "github", folder]);
        let code = out.status.code().unwrap_or(-1);
        actual.push_str(&format!(
            "$ amicus check --diagnostic-format github '{folder}'\n{}-- exit code {code}\n",
            text(&out.stdout)
        ));
    }
    let out = run_in(work.path(), &["build", "--diagnostic-format", "github", "many-problems-at-once"]);
    let code = out.status.code().unwrap_or(-1);
    actual.push_str(&format!(
        "$ amicus build --diagnostic-format github many-problems-at-once\n{}-- exit code {code}\n",
        text(&out.stdout)
    ));
    golden(&root().join("tests/golden/github/check.txt"), &actual);
}

/// One workflow command read back the way GitHub's runner reads it: the command up to the
/// first space, properties split at `,` and then at the first `=`, the message after the first
/// `::` that follows them, each value unescaped.
fn parse_workflow_command(line: &str) -> (String, Vec<(String, String)>, String) {
    let unescape = |s: &str| {
        s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")
    };
    let rest = line.strip_prefix("::").unwrap_or_else(|| panic!("not a workflow command: {line}"));
    let (head, data) = rest.split_once("::").unwrap_or_else(|| panic!("no message: {line}"));
    let (command, props) = head.split_once(' ').unwrap_or((head, ""));
    let props = props
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or_else(|| panic!("a property without `=`: {line}"));
            (k.to_owned(), unescape(v))
        })
        .collect();
    (command.to_owned(), props, unescape(data))
}

/// For every invalid fixture, the workflow commands say exactly what the JSON output says:
/// the same problems, in the same order, with file, line, column, key path, message and hint
/// whole (nothing cut at a `,`, `:` or line break of the user's text).
#[test]
fn github_format_says_what_json_says_for_every_fixture() {
    let dir = root().join("tests/fixtures/invalid");
    let mut names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    let work = tempfile::tempdir().unwrap();
    let mut commands = 0;
    for name in &names {
        materialise(&dir.join(name), &work.path().join(name));
        let github = run_in(work.path(), &["check", "--diagnostic-format", "github", name]);
        let json = run_in(work.path(), &["check", "--diagnostic-format", "json", name]);
        assert_eq!(github.status.code(), json.status.code(), "{name}");
        let problems: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
        let lines: Vec<String> = text(&github.stdout).lines().map(str::to_owned).collect();
        assert_eq!(lines.len(), problems.len(), "{name}: one workflow command per problem");
        for (line, p) in lines.iter().zip(&problems) {
            let (command, props, data) = parse_workflow_command(line);
            assert_eq!(command, p["severity"].as_str().unwrap(), "{name}: {line}");
            let mut want = Vec::new();
            let file = p["file"].as_str().unwrap();
            if !file.is_empty() {
                want.push(("file".to_owned(), file.replace('\\', "/")));
                let (l, c) = (p["line"].as_u64().unwrap(), p["column"].as_u64().unwrap());
                if l > 0 {
                    want.push(("line".to_owned(), l.to_string()));
                    if c > 0 {
                        want.push(("col".to_owned(), c.to_string()));
                    }
                }
            }
            let title = match p["path"].as_str() {
                Some(path) => format!("Amicus: {path}"),
                None => "Amicus".to_owned(),
            };
            want.push(("title".to_owned(), title));
            assert_eq!(props, want, "{name}: {line}");
            let mut message = p["message"].as_str().unwrap().to_owned();
            if let Some(hint) = p["hint"].as_str() {
                message.push_str(&format!("\nhint: {hint}"));
            }
            assert_eq!(data, message, "{name}: {line}");
            commands += 1;
        }
    }
    assert!(commands >= 80, "only {commands} problems compared");
}

/// Emphasis is italics in English: only a Chinese submission is told that its emphasis is
/// printed upright and that titles go between 《》 (fixture `chinese-emphasis-for-titles`).
#[test]
fn emphasis_in_an_english_submission_is_not_warned_about() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("en");
    copy_dir(&root().join("tests/fixtures/base"), &dir);
    let yaml = std::fs::read_to_string(dir.join("submission.yaml")).unwrap();
    let typed = yaml.replace("Several laws govern migration.", "The *Migration Act* and _the Code_ govern migration.");
    assert_ne!(yaml, typed);
    std::fs::write(dir.join("submission.yaml"), typed).unwrap();
    let out = run_in(work.path(), &["check", "--diagnostic-format", "short", "en"]);
    assert_eq!(text(&out.stdout), "", "no warning for emphasis in English");
    assert!(out.status.success());
    // The same text in a Chinese submission is warned about (so the test above can fail).
    let zh = std::fs::read_to_string(dir.join("submission.yaml")).unwrap().replace("language: en", "language: zh");
    std::fs::write(dir.join("submission.yaml"), zh).unwrap();
    let out = run_in(work.path(), &["check", "--diagnostic-format", "short", "en"]);
    assert!(text(&out.stdout).contains("2 passages in this file are typed as emphasis"), "{}", text(&out.stdout));
}
