//! The coalition's workflow, `amicus new --ci github`, run step by step here as GitHub's
//! runner would run it: a repository with the example submissions, a release laid out as the
//! release workflow publishes it (the archive `amicus-x86_64-unknown-linux-musl.tar.xz`, with
//! the program in a folder of the same name, and its `.sha256`), reached through a `file:`
//! address instead of GitHub's. Each `run:` step goes through `bash -eo pipefail`, as on
//! GitHub, with `GITHUB_PATH` and `RUNNER_TEMP`; a step without `if:` runs only after
//! successes, one with `if: ${{ !cancelled() }}` always. `actions/checkout` is the repository
//! already in place; for `actions/upload-artifact` the test checks that its patterns find the
//! PDFs and Word files. The file itself is linted with actionlint in `.ci/run`.
//!
//! Needs bash, curl, tar, xz and sha256sum (Debian has them); a missing one fails the test.

mod common;

use common::{copy_dir, root, run_in, text};
use std::path::Path;
use std::process::Command;

/// One step's outcome.
struct Step {
    name: String,
    ran: bool,
    ok: bool,
    stdout: String,
    stderr: String,
}

/// The release as the release workflow publishes it, made once from the program under test
/// (stripped of its debugging information, and compressed fast: the debug build is large).
fn fake_release() -> &'static str {
    static RELEASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    RELEASE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap().keep();
        let version = env!("CARGO_PKG_VERSION");
        let name = "amicus-x86_64-unknown-linux-musl";
        let tag = dir.join("download").join(format!("v{version}"));
        let stage = dir.join("stage").join(name);
        std::fs::create_dir_all(&stage).unwrap();
        std::fs::create_dir_all(&tag).unwrap();
        std::fs::copy(env!("CARGO_BIN_EXE_amicus"), stage.join("amicus")).unwrap();
        let run = |cmd: &mut Command| assert!(cmd.status().expect("the tool runs").success(), "{cmd:?}");
        run(Command::new("strip").arg(stage.join("amicus")));
        let tar = tag.join(format!("{name}.tar"));
        run(Command::new("tar").arg("-cf").arg(&tar).arg("-C").arg(dir.join("stage")).arg(name));
        run(Command::new("xz").args(["-0", "-T2"]).arg(&tar));
        let archive = format!("{name}.tar.xz");
        let sum = Command::new("sha256sum").arg(&archive).current_dir(&tag).output().expect("sha256sum runs");
        assert!(sum.status.success());
        std::fs::write(tag.join(format!("{archive}.sha256")), &sum.stdout).unwrap();
        format!("file://{}", dir.display())
    })
}

/// Runs the workflow's steps in `repo` as GitHub's runner would.
fn run_workflow(workflow: &str, repo: &Path, releases: &str, temp: &Path) -> Vec<Step> {
    let doc: serde_yaml::Value = serde_yaml::from_str(workflow).unwrap();
    let jobs = doc["jobs"].as_mapping().unwrap();
    assert_eq!(jobs.len(), 1, "one job");
    let job = jobs.values().next().unwrap();
    assert_eq!(job["runs-on"].as_str(), Some("ubuntu-latest"));
    let mut env: Vec<(String, String)> = job["env"]
        .as_mapping()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.as_str().unwrap().to_owned(), v.as_str().unwrap().to_owned()))
        .collect();
    for (k, v) in &mut env {
        if k == "AMICUS_RELEASES" {
            assert!(v.starts_with("https://github.com/"), "{v}");
            *v = format!("{releases}/download");
        }
    }
    let github_path = temp.join("github_path");
    std::fs::write(&github_path, "").unwrap();
    let runner_temp = temp.join("runner_temp");
    std::fs::create_dir_all(&runner_temp).unwrap();
    let mut steps = Vec::new();
    let mut failed = false;
    for step in job["steps"].as_sequence().unwrap() {
        let name = step["name"].as_str().unwrap().to_owned();
        let condition = step["if"].as_str();
        assert!(condition.is_none() || condition == Some("${{ !cancelled() }}"), "{name}: if: {condition:?}");
        if failed && condition.is_none() {
            steps.push(Step { name, ran: false, ok: false, stdout: String::new(), stderr: String::new() });
            continue;
        }
        if let Some(uses) = step["uses"].as_str() {
            let ok = if uses.starts_with("actions/checkout@") {
                true
            } else {
                assert!(uses.starts_with("actions/upload-artifact@"), "{uses}");
                let patterns = step["with"]["path"].as_str().unwrap();
                let found = artifact_files(repo, patterns);
                let out = found.join("\n");
                steps.push(Step { name, ran: true, ok: !found.is_empty(), stdout: out, stderr: String::new() });
                continue;
            };
            steps.push(Step { name, ran: true, ok, stdout: String::new(), stderr: String::new() });
            continue;
        }
        let script = step["run"].as_str().unwrap();
        let added: Vec<String> = std::fs::read_to_string(&github_path)
            .unwrap()
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        // The runner's PATH: what steps added, then the system's; never cargo's folders.
        let path = added.iter().rev().cloned().chain(["/usr/bin".to_owned(), "/bin".to_owned()]).collect::<Vec<_>>();
        let out = Command::new("bash")
            .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
            .current_dir(repo)
            .env_clear()
            .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .env("PATH", path.join(":"))
            .env("HOME", temp)
            .env("GITHUB_PATH", &github_path)
            .env("GITHUB_WORKSPACE", repo)
            .env("RUNNER_TEMP", &runner_temp)
            .env("NO_COLOR", "1")
            .output()
            .expect("bash runs");
        let ok = out.status.success();
        failed |= !ok;
        steps.push(Step { name, ran: true, ok, stdout: text(&out.stdout), stderr: text(&out.stderr) });
    }
    steps
}

/// The files that upload-artifact's patterns (`output/**/*.pdf`, one per line) find.
fn artifact_files(repo: &Path, patterns: &str) -> Vec<String> {
    let mut found = Vec::new();
    for pattern in patterns.lines().map(str::trim).filter(|p| !p.is_empty()) {
        let (dir, ext) = pattern.split_once("/**/*.").unwrap_or_else(|| panic!("unexpected pattern {pattern}"));
        walk(&repo.join(dir), &mut |p: &Path| {
            if p.extension().is_some_and(|e| e == ext) {
                found.push(p.strip_prefix(repo).unwrap().display().to_string());
            }
        });
    }
    found.sort();
    found
}

fn walk(dir: &Path, f: &mut dyn FnMut(&Path)) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() { walk(&path, f) } else { f(&path) }
    }
}

#[test]
fn the_coalition_workflow_installs_checks_builds_and_keeps_the_documents() {
    let work = tempfile::tempdir().unwrap();
    let repo = work.path().join("coalition");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    for example in ["kazakhstan-ccpr-2025", "tanelie-cat-2025"] {
        copy_dir(&root().join("submissions").join(example), &repo.join("submissions").join(example));
    }
    std::fs::create_dir_all(repo.join("submissions/notes")).unwrap(); // not a submission: skipped

    // Written from inside a submission folder, it still lands at the top of the repository.
    let out = run_in(&repo.join("submissions"), &["new", "--ci", "github"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("wrote"), "{}", text(&out.stdout));
    let workflow = std::fs::read_to_string(repo.join(".github/workflows/amicus.yml")).unwrap();
    let again = run_in(&repo, &["new", "--ci", "github"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("already exists"), "{}", text(&again.stderr));

    let releases = fake_release();
    let temp = work.path().join("runner");
    std::fs::create_dir_all(&temp).unwrap();
    let steps = run_workflow(&workflow, &repo, releases, &temp);
    let report: String = steps
        .iter()
        .map(|s| format!("== {} (ran {}, ok {})\n{}\n{}\n", s.name, s.ran, s.ok, s.stdout, s.stderr))
        .collect();
    let step = |needle: &str| steps.iter().find(|s| s.name.contains(needle)).unwrap_or_else(|| panic!("{report}"));

    let install = step("Install");
    assert!(install.ok, "{report}");
    assert!(install.stdout.contains(": OK"), "the checksum is verified:\n{report}");
    assert!(install.stdout.contains(&format!("amicus {}", env!("CARGO_PKG_VERSION"))), "{report}");

    // The examples keep follow-up warnings on purpose: --strict fails, on their lines.
    let check = step("Check every submission");
    assert!(check.ran && !check.ok, "{report}");
    assert!(check.stdout.contains("amicus check --strict submissions/kazakhstan-ccpr-2025"), "{report}");
    assert!(check.stdout.contains("amicus check --strict submissions/tanelie-cat-2025"), "{report}");
    assert!(!check.stdout.contains("submissions/notes"), "{report}");
    assert!(check.stdout.contains("::warning file=submissions/kazakhstan-ccpr-2025/"), "{report}");

    // Built all the same, with the briefs of the folders that have an assessment.
    let build = step("Build every submission");
    assert!(build.ran && build.ok, "{report}");
    let keep = step("Keep the PDFs");
    assert!(keep.ok, "{report}");
    let files: Vec<&str> = keep.stdout.lines().collect();
    for want in [
        "output/kazakhstan-ccpr-2025/report.pdf",
        "output/kazakhstan-ccpr-2025/report.docx",
        "output/kazakhstan-ccpr-2025/brief.pdf",
        "output/kazakhstan-ccpr-2025/brief.docx",
        "output/tanelie-cat-2025/report.pdf",
        "output/tanelie-cat-2025/report.docx",
    ] {
        assert!(files.contains(&want), "{want} is not kept:\n{report}");
    }
    let pdf = std::fs::read(repo.join("output/kazakhstan-ccpr-2025/report.pdf")).unwrap();
    assert!(common::pdf_text(&pdf).contains("Kazakhstan"), "the PDF reads back");
}

#[test]
fn without_submissions_the_check_says_so_on_the_run() {
    let work = tempfile::tempdir().unwrap();
    let repo = work.path().join("empty");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    assert!(run_in(&repo, &["new", "--ci", "github"]).status.success());
    let workflow = std::fs::read_to_string(repo.join(".github/workflows/amicus.yml")).unwrap();
    let releases = fake_release();
    let temp = work.path().join("runner");
    std::fs::create_dir_all(&temp).unwrap();
    let steps = run_workflow(&workflow, &repo, releases, &temp);
    let check = steps.iter().find(|s| s.name.contains("Check every submission")).unwrap();
    assert!(!check.ok);
    assert!(check.stdout.contains("::error title=Amicus::no submission folder"), "{}", check.stdout);
}

/// docs/ci.md shows the workflow exactly as `amicus new --ci github` writes it.
#[test]
fn the_guide_shows_the_workflow_amicus_writes() {
    let work = tempfile::tempdir().unwrap();
    assert!(run_in(work.path(), &["new", "--ci", "github"]).status.success());
    let written = std::fs::read_to_string(work.path().join(".github/workflows/amicus.yml")).unwrap();
    let guide = std::fs::read_to_string(root().join("docs/ci.md")).unwrap();
    let start = guide.find("```yaml\n").expect("a yaml block in docs/ci.md") + "```yaml\n".len();
    let end = start + guide[start..].find("```\n").unwrap();
    common::golden_in_text(&root().join("docs/ci.md"), &guide, start..end, &written);
}
