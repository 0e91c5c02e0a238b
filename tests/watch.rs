//! The writing loop through the real CLI: `amicus watch` after an edit, a broken edit and its
//! fix, the brief beside the report, Ctrl-C; and batch builds (`amicus build A B C`).
//!
//! The tests change files the way an editor does and wait, with generous timeouts, for what
//! amicus prints; they assert on the output and the files written, never on time.

mod common;

use common::running::Running;
use common::{copy_dir, golden, root, run_in, text, transcript};
use std::path::Path;

/// The PDF's text with runs of white space squashed to one space.
fn pdf_words(pdf: &Path) -> String {
    let t = common::pdf_text(&std::fs::read(pdf).unwrap());
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Replaces `from` by `to` in a file, as an editor saving it would.
fn edit(file: &Path, from: &str, to: &str) {
    let old = std::fs::read_to_string(file).unwrap();
    assert!(old.contains(from), "{} has no {from:?}", file.display());
    std::fs::write(file, old.replacen(from, to, 1)).unwrap();
}

#[test]
fn watch_rebuilds_after_an_edit_keeps_the_last_good_pdf_after_a_broken_one_and_says_when_it_is_fixed() {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/base"), &work.path().join("s"));
    let yaml = work.path().join("s/submission.yaml");
    let pdf = work.path().join("out/report.pdf");
    let mut watch = Running::start(work.path(), &["watch", "s", "-o", "out"]);
    let wrote = |n: usize| {
        move |out: &str, _: &str| out.matches("wrote out/report.pdf").count() >= n && out.ends_with("(Ctrl-C stops)\n")
    };

    watch.wait_for("the first build", wrote(1));
    assert!(watch.stdout().starts_with("watching s: building now, then after each save (Ctrl-C stops)\n"));
    assert!(pdf_words(&pdf).contains("Detention lasts for months."));

    // An edit: a new PDF with the new words.
    edit(&yaml, "Detention lasts for months.", "Detention lasts for years.");
    watch.wait_for("a build after the edit", wrote(2));
    assert!(watch.stdout().contains("changed: submission.yaml; building again\n"), "{}", watch.stdout());
    let good = std::fs::read(&pdf).unwrap();
    assert!(pdf_words(&pdf).contains("Detention lasts for years."));

    // A broken edit: the same diagnostics as `build`, and the last good PDF stays.
    edit(&yaml, "title: Migrants and asylum seekers", "titel: Migrants and asylum seekers");
    watch.wait_for("the errors of the broken edit", |_, err| err.contains("build stopped:"));
    let err = watch.stderr();
    assert!(err.contains("error: unknown field `titel`"), "{err}");
    assert!(err.contains("s/submission.yaml:9:1"), "{err}");
    assert!(err.contains("hint: did you mean `title`?"), "{err}");
    assert!(err.contains("; the last good PDF is kept: out/report.pdf\n"), "{err}");
    assert_eq!(std::fs::read(&pdf).unwrap(), good, "a failed build changed the PDF");

    // The fix: built again, and told so.
    edit(&yaml, "titel: Migrants", "title: Migrants");
    watch.wait_for("the build after the fix", wrote(3));
    let out = watch.stdout();
    assert!(out.contains("fixed: the "), "{out}");
    assert!(pdf_words(&pdf).contains("Detention lasts for years."));

    // Files that are not the submission's (an editor's swap file and backup) start no build;
    // the next real save does, and names only itself.
    std::fs::write(work.path().join("s/.submission.yaml.swp"), "scratch").unwrap();
    std::fs::write(work.path().join("s/submission.yaml~"), "backup").unwrap();
    edit(&yaml, "A second paragraph.", "A second paragraph, edited.");
    watch.wait_for("the build after the last edit", wrote(4));
    let (status, out, err) = watch.interrupt();
    assert!(status.success(), "{status}\n{out}\n{err}");
    assert!(out.ends_with("stopped watching s\n"), "{out}");
    let changed: Vec<&str> = out.lines().filter(|l| l.starts_with("changed: ")).collect();
    assert_eq!(changed, ["changed: submission.yaml; building again"; 4], "{out}");
    assert_eq!(out.matches("wrote out/report.pdf").count(), 4, "{out}");
    // No temporary file is left beside the PDF.
    let names: Vec<String> = std::fs::read_dir(work.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn watch_rebuilds_the_brief_when_the_folder_has_an_assessment() {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("submissions/kazakhstan-ccpr-2025"), &work.path().join("kz"));
    let mut watch = Running::start(work.path(), &["watch", "kz", "-o", "out"]);
    let briefs = |n: usize| {
        move |out: &str, _: &str| out.matches("wrote out/brief.pdf").count() >= n && out.ends_with("(Ctrl-C stops)\n")
    };
    watch.wait_for("the first report and brief", briefs(1));
    let html = std::fs::read_to_string(work.path().join("out/brief.html")).unwrap();
    assert!(!html.contains("Watched comment"));
    // A comment on one assessed recommendation: only the brief shows it.
    edit(
        &work.path().join("kz/assessment.yaml"),
        "      The Committee did not ask Kazakhstan for disaggregated",
        "      Watched comment. The Committee did not ask Kazakhstan for disaggregated",
    );
    watch.wait_for("the brief after the edit", briefs(2));
    let html = std::fs::read_to_string(work.path().join("out/brief.html")).unwrap();
    assert!(html.contains("Watched comment."), "the brief was not rebuilt from the edit");
    let out = watch.stdout();
    assert!(out.contains("changed: assessment.yaml; building again\n"), "{out}");
    assert_eq!(out.matches("wrote out/report.pdf").count(), 2, "{out}");
    let (status, _, _) = watch.interrupt();
    assert!(status.success());
}

#[test]
fn watch_of_a_missing_folder_says_so() {
    let work = tempfile::tempdir().unwrap();
    let out = run_in(work.path(), &["watch", "nowhere"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("error: cannot watch nowhere:"), "{}", text(&out.stderr));
}

/// Everything the user saw from a batch, with the run's time taken out.
fn batch_seen(out: &std::process::Output) -> String {
    transcript(out)
        .into_iter()
        .map(|l| match (l.starts_with("built "), l.find(" ("), l.find(')')) {
            (true, Some(a), Some(b)) if a < b => format!("{}<time>{}", &l[..a + 2], &l[b..]),
            _ => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn a_batch_builds_every_folder_reports_each_and_one_failure_stops_no_other() {
    let work = tempfile::tempdir().unwrap();
    for name in ["a", "b", "c"] {
        copy_dir(&root().join("tests/fixtures/base"), &work.path().join(name));
    }
    edit(&work.path().join("b/submission.yaml"), "committee: CCPR", "committee: CCRP");
    edit(&work.path().join("c/submission.yaml"), "Migrants and asylum seekers", "Third report");
    let out = run_in(work.path(), &["build", "a", "b", "c", "-o", "out"]);
    golden(&root().join("tests/golden/batch/one-of-three-fails.txt"), &batch_seen(&out));
    assert_eq!(out.status.code(), Some(1));
    assert!(pdf_words(&work.path().join("out/a/report.pdf")).contains("Migrants and asylum seekers"));
    assert!(pdf_words(&work.path().join("out/c/report.pdf")).contains("Third report"));
    assert!(!work.path().join("out/b/report.pdf").exists());

    // All good: exit code 0; each PDF the same as a build of its folder alone.
    edit(&work.path().join("b/submission.yaml"), "committee: CCRP", "committee: CCPR");
    let out = run_in(work.path(), &["build", "a", "b", "c"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("built all 3 submissions ("), "{}", text(&out.stdout));
    let alone = run_in(work.path(), &["build", "c", "-o", "alone"]);
    assert!(alone.status.success());
    assert_eq!(
        std::fs::read(work.path().join("output/c/report.pdf")).unwrap(),
        std::fs::read(work.path().join("alone/report.pdf")).unwrap(),
        "a batch build differs from a build of the folder alone"
    );
}

#[test]
fn a_batch_refuses_a_pdf_name_and_folders_that_would_share_an_output() {
    let work = tempfile::tempdir().unwrap();
    for name in ["x/s", "y/s", "t"] {
        copy_dir(&root().join("tests/fixtures/base"), &work.path().join(name));
    }
    let out = run_in(work.path(), &["build", "x/s", "y/s"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: x/s and y/s would all be written to the same output folder `s`; nothing was built\n  \
         hint: build them one at a time with -o, or rename a folder\n"
    );
    let out = run_in(work.path(), &["build", "x/s", "t", "-o", "r.pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("error: with several folders, -o names the folder"), "{}", text(&out.stderr));
    assert!(!work.path().join("output").exists());
}
