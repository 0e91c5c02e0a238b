//! Helpers shared by the integration tests: running the real CLI, fixture folders, golden
//! files.

#![allow(dead_code, reason = "each test binary uses a different subset")]

#[cfg(unix)]
pub mod limited;
pub mod running;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `amicus` binary built for these tests.
pub fn amicus() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_amicus"));
    cmd.env_remove("SOURCE_DATE_EPOCH").env("NO_COLOR", "1");
    cmd
}

/// Runs amicus with arguments in a directory.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    amicus().current_dir(dir).args(args).output().expect("the amicus binary runs")
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Compares `actual` with the golden file, showing a diff when they differ.
///
/// With `AMICUS_BLESS=1` a golden file that differs is rewritten, and the test still fails,
/// showing what changed: a blessing run is never silently green, so every rewrite is seen
/// (and CI, which never blesses, cannot pass on a stale file). Review the diff, then run the
/// tests again without `AMICUS_BLESS`.
pub fn golden(path: &Path, actual: &str) {
    let expected = std::fs::read_to_string(path).ok();
    if expected.as_deref() == Some(actual) {
        return;
    }
    let old = expected.as_deref().unwrap_or("");
    let diff = unified_diff(old, actual, &path.display().to_string());
    if std::env::var_os("AMICUS_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, actual).unwrap();
        panic!(
            "AMICUS_BLESS rewrote {} ({}); review the change below, then run the tests again without AMICUS_BLESS:\n{diff}",
            path.display(),
            if expected.is_some() { "it differed" } else { "it was missing" }
        );
    }
    match expected {
        None => panic!("missing golden file {}; run with AMICUS_BLESS=1 to create it:\n{diff}", path.display()),
        Some(_) => panic!(
            "{} differs from the output (`-` golden, `+` output; AMICUS_BLESS=1 rewrites it):\n{diff}",
            path.display()
        ),
    }
}

/// A unified diff (`-` old, `+` new) with three lines of context.
pub fn unified_diff(old: &str, new: &str, name: &str) -> String {
    similar::TextDiff::from_lines(old, new).unified_diff().context_radius(3).header(name, "output").to_string()
}

/// The text of a PDF as `pdf-extract` reads it, in content-stream order (a table cell's lines
/// stay together, which is what content checks need; `amicus import-co` reads PDFs by layout
/// instead, with its own reader).
pub fn pdf_text(pdf: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(pdf).expect("the PDF can be read back")
}

/// Text as a string, with `\r` removed.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).replace('\r', "")
}

/// Everything the user saw from a run (standard output, standard error, exit code), one line
/// each, with the lines that report timings (`time: …`) left out, since they change from run
/// to run.
pub fn transcript(out: &std::process::Output) -> Vec<String> {
    let all = format!(
        "{}-- stderr:\n{}-- exit code {}\n",
        text(&out.stdout),
        text(&out.stderr),
        out.status.code().unwrap_or(-1)
    );
    all.lines().filter(|l| !l.trim_start().starts_with("time: ")).map(str::to_owned).collect()
}

/// Validates `pdf` with an independent checker (the `page_validation` crate, not Typst's own
/// export checks) against each profile (`ua1`, `2a`, `2b`, …); panics naming every failed
/// rule. `what` says which PDF it is.
///
/// One known false positive is checked here instead: `page_validation` 0.12 reads a stream
/// whose compressed data happens to end in a carriage return (0x0D) as if that byte began the
/// end-of-line before `endstream`, and reports a /Length mismatch (PDF/A rule 6.1.7.1). Such a
/// failure is accepted only when [`stream_lengths_are_exact`] confirms every /Length.
pub fn assert_conforms(what: &str, pdf: &[u8], profiles: &[&str]) {
    for name in profiles {
        let report = validate(pdf, name);
        let failures: Vec<String> = report
            .failures
            .iter()
            .filter(|f| {
                !(f.rule_id.contains(":6.1.7.1:") && f.message.contains("/Length") && stream_lengths_are_exact(pdf))
            })
            .map(|f| format!("  {f}\n"))
            .collect();
        assert!(
            failures.is_empty(),
            "{what} is not {}: {} of {} rules failed:\n{}",
            report.profile,
            report.rules.failed,
            report.rules.total,
            failures.concat()
        );
    }
}

/// Whether every stream with a direct `/Length n` has exactly `n` bytes of data, followed by an
/// end-of-line and `endstream` (ISO 32000-1, 7.3.8.1; PDF/A-2, 6.1.7.1).
pub fn stream_lengths_are_exact(pdf: &[u8]) -> bool {
    match stream_lengths(pdf) {
        Ok(count) => count > 0,
        Err(why) => {
            eprintln!("stream lengths: {why}");
            false
        }
    }
}

/// The number of streams whose direct /Length is exact, or why one is not.
fn stream_lengths(pdf: &[u8]) -> Result<usize, String> {
    let find = |hay: &[u8], needle: &[u8], from: usize| {
        hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|i| i + from)
    };
    let mut at = 0;
    let mut streams = 0;
    while let Some(kw) = find(pdf, b"stream", at) {
        at = kw + 6;
        // `stream` as a keyword: after `>>` (and white space), not the end of `endstream`.
        let before = pdf[..kw].trim_ascii_end();
        if !before.ends_with(b">>") {
            continue;
        }
        let Some(dict_start) = before.windows(3).rposition(|w| w == b"obj") else {
            return Err(format!("no `obj` before the stream at byte {kw}"));
        };
        let dict = &before[dict_start..];
        let Some(l) = find(dict, b"/Length ", 0) else {
            return Err(format!("no /Length in {}", String::from_utf8_lossy(&dict[..dict.len().min(120)])));
        };
        let digits: Vec<u8> = dict[l + 8..].iter().copied().take_while(u8::is_ascii_digit).collect();
        let rest = &dict[l + 8 + digits.len()..];
        if rest.trim_ascii_start().first().is_some_and(u8::is_ascii_digit) {
            continue; // an indirect length (`/Length 12 0 R`): not checked here
        }
        let Ok(length) = std::str::from_utf8(&digits).unwrap_or("").parse::<usize>() else {
            return Err(format!("bad /Length at byte {kw}"));
        };
        let data = match pdf.get(at..at + 2) {
            Some(b"\r\n") => at + 2,
            Some([b'\n', _]) => at + 1,
            other => return Err(format!("no end-of-line after `stream` at byte {kw}: {other:?}")),
        };
        let tail = pdf.get(data + length..).unwrap_or_default();
        if !(tail.starts_with(b"\nendstream") || tail.starts_with(b"\r\nendstream") || tail.starts_with(b"\rendstream"))
        {
            return Err(format!(
                "the stream at byte {kw} does not end after its /Length {length}: {:?}",
                String::from_utf8_lossy(&tail[..tail.len().min(12)])
            ));
        }
        streams += 1;
        at = data + length;
    }
    Ok(streams)
}

/// The independent validator's report on `pdf` for one profile (`ua1`, `2a`, …).
pub fn validate(pdf: &[u8], profile: &str) -> page_validation::ValidationReport {
    let profile: page_validation::ValidationProfile = profile.parse().expect("a validation profile");
    let options = page_validation::ValidationOptions::default().profile(profile);
    page_validation::validate_pdf_bytes(pdf, &options)
        .unwrap_or_else(|e| panic!("the validator cannot read the PDF: {e}"))
}

/// Compares the part `range` of a text file (`whole` is its content) with `actual`, as
/// [`golden`] does for a whole file: with `AMICUS_BLESS=1` that part is rewritten (and the test
/// still fails, showing the change).
pub fn golden_in_text(path: &Path, whole: &str, range: std::ops::Range<usize>, actual: &str) {
    let expected = &whole[range.clone()];
    if expected == actual {
        return;
    }
    let diff = unified_diff(expected, actual, &path.display().to_string());
    if std::env::var_os("AMICUS_BLESS").is_some() {
        let mut text = whole.to_owned();
        text.replace_range(range, actual);
        std::fs::write(path, text).unwrap();
        panic!("AMICUS_BLESS rewrote part of {}; review the change, then run the tests again:\n{diff}", path.display());
    }
    panic!("{} differs from the output (`-` file, `+` output; AMICUS_BLESS=1 rewrites it):\n{diff}", path.display());
}

/// The text of a Word part (its `w:t` runs, paragraphs on lines of their own).
pub fn word_text(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).unwrap();
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    doc.descendants()
        .filter(|n| n.has_tag_name((w, "p")))
        .map(|p| p.descendants().filter(|n| n.has_tag_name((w, "t"))).filter_map(|n| n.text()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}
