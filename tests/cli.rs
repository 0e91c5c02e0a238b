//! The smaller commands through the real binary: `new`, `schema`, `completions`, `template`.

mod common;

use amicus::cli::SchemaKind;
use common::{amicus, copy_dir, golden, root, run_in, text};

#[test]
fn committed_schemas_are_up_to_date() {
    for kind in SchemaKind::ALL {
        let path = root().join("schema").join(kind.file_name());
        golden(&path, &format!("{}\n", amicus::schema::json(kind)));
    }
}

#[test]
fn schema_command_prints_the_committed_schema_with_field_docs() {
    let out = amicus().args(["schema", "submission"]).output().unwrap();
    assert!(out.status.success());
    let printed = text(&out.stdout);
    assert_eq!(printed, std::fs::read_to_string(root().join("schema/submission.schema.json")).unwrap());
    let v: serde_json::Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(v["additionalProperties"], false);
    let desc = v["properties"]["committee"]["description"].as_str().unwrap_or_default();
    assert!(desc.contains("CCPR"), "field docs become descriptions: {desc}");
}

#[test]
fn new_scaffolds_a_folder_that_builds_at_once_and_never_overwrites() {
    let work = tempfile::tempdir().unwrap();
    let out = run_in(
        work.path(),
        &[
            "new",
            "fresh",
            "--committee",
            "cat",
            "--state",
            "Utopia",
            "--session",
            "81",
            "--organisation",
            "Rights \"R\" Us: #1",
            "--no-input",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Committee against Torture"));
    let yaml = std::fs::read_to_string(work.path().join("fresh/submission.yaml")).unwrap();
    assert!(yaml.starts_with("# yaml-language-server: $schema=.schema/submission.schema.json"), "{yaml}");
    assert!(work.path().join("fresh/.schema/finding.schema.json").is_file());
    assert!(yaml.contains("committee: CAT"));

    // It checks with warnings only (the TODO placeholders) and builds.
    let check = run_in(work.path(), &["check", "--diagnostic-format", "short", "fresh"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
    let listed = text(&check.stdout);
    assert!(listed.contains("placeholder text left from `amicus new`"), "{listed}");
    assert!(!listed.contains(": error: "), "{listed}");
    let build = run_in(work.path(), &["build", "fresh", "-o", "out"]);
    assert!(build.status.success(), "{}", text(&build.stderr));
    assert!(work.path().join("out/report.pdf").is_file());

    // A second `new` on the same folder refuses and changes nothing.
    let again = run_in(work.path(), &["new", "fresh", "--no-input"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(work.path().join("fresh/submission.yaml")).unwrap(), yaml);
}

#[test]
fn new_inside_the_repository_points_at_the_committed_schemas() {
    // target/ is ignored by git, so a scaffold there does not dirty the checkout.
    let base = root().join("target").join(format!("amicus-new-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir_all(&base).unwrap();
    let out = amicus().current_dir(&base).args(["new", "inside", "--no-input"]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let yaml = std::fs::read_to_string(base.join("inside/submission.yaml")).unwrap();
    let first = yaml.lines().next().unwrap().to_owned();
    assert_eq!(first, "# yaml-language-server: $schema=../../../schema/submission.schema.json");
    let finding = std::fs::read_to_string(base.join("inside/findings/10-first-finding.yaml")).unwrap();
    assert!(finding.starts_with("# yaml-language-server: $schema=../../../../schema/finding.schema.json"), "{finding}");
    assert!(!base.join("inside/.schema").exists());
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn new_suggests_a_committee_for_a_typo() {
    let work = tempfile::tempdir().unwrap();
    let out = run_in(work.path(), &["new", "x", "--committee", "CEDWA", "--no-input"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("did you mean `CEDAW`?"), "{}", text(&out.stderr));
    assert!(!work.path().join("x").exists());
}

#[test]
fn completions_for_three_shells() {
    for shell in ["bash", "zsh", "fish"] {
        let out = amicus().args(["completions", shell]).output().unwrap();
        assert!(out.status.success());
        let script = text(&out.stdout);
        assert!(script.contains("amicus") && script.contains("build") && script.contains("check"), "{shell}");
    }
}

#[test]
fn templates_can_be_listed_and_printed() {
    let out = amicus().args(["template"]).output().unwrap();
    assert!(text(&out.stdout).contains("report.typ"));
    let out = amicus().args(["template", "report.typ"]).output().unwrap();
    assert_eq!(text(&out.stdout), std::fs::read_to_string(root().join("templates/report.typ")).unwrap());
    let out = amicus().args(["template", "nope.typ"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// The examples a new user starts from build cleanly: no warning at all, in particular none
/// for a line's final space, hyphen or punctuation that Typst hangs into the margin on
/// purpose (optical margin alignment), which once made the example print eighteen false
/// "runs 1 mm into the margin" warnings.
#[test]
fn the_shipped_examples_build_without_a_warning() {
    let work = tempfile::tempdir().unwrap();
    let mut built = 0;
    for entry in std::fs::read_dir(root().join("submissions")).unwrap() {
        let entry = entry.unwrap();
        if !entry.path().join("submission.yaml").is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        copy_dir(&entry.path(), &work.path().join(&name));
        let out = run_in(work.path(), &["build", &name, "-o", &format!("out-{name}")]);
        let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert!(out.status.success(), "{name}: {all}");
        assert!(!all.contains("warning"), "{name} builds with warnings:\n{all}");
        built += 1;
    }
    assert!(built >= 2, "the examples in submissions/ were not found");
}
