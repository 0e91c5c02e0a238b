//! The follow-up workflow through the real binary: import the committee's document, let
//! Amicus suggest the paragraphs, check the result.

mod common;

use common::{copy_dir, root, run_in, text};

#[test]
fn import_suggest_check_round_trip() {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/base"), &work.path().join("s"));
    let co = root().join("tests/fixtures/co/ccpr-arcadia.txt");
    let co = co.to_str().unwrap();

    // To standard output, nothing written.
    let out = run_in(work.path(), &["import-co", co]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let yaml = text(&out.stdout);
    assert!(yaml.starts_with("# yaml-language-server: $schema="), "{yaml}");
    assert!(yaml.contains("\nsymbol: CCPR/C/"), "{yaml}");
    assert!(
        text(&out.stderr).contains("49 paragraphs (21 recommendations, 21 concerns; see `role:`), 67 sub-paragraphs"),
        "{}",
        text(&out.stderr)
    );
    assert!(!work.path().join("s/concluding-observations.yaml").exists());

    // Into the folder; the written file is valid for `check`.
    let out = run_in(work.path(), &["import-co", co, "--into", "s"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("wrote s/concluding-observations.yaml"));
    let written = std::fs::read_to_string(work.path().join("s/concluding-observations.yaml")).unwrap();
    // The same but for the schema's path, which in the file is the folder's own.
    let (first, rest) = written.split_once('\n').unwrap();
    assert_eq!(rest, yaml.split_once('\n').unwrap().1, "the file and standard output agree");
    let schema = first.strip_prefix("# yaml-language-server: $schema=").unwrap();
    assert!(work.path().join("s").join(schema).is_file(), "{first}");

    // Never over the user's file without --force; with it, the old one is kept.
    std::fs::write(work.path().join("s/concluding-observations.yaml"), "# mine\n".to_owned() + &written).unwrap();
    let out = run_in(work.path(), &["import-co", co, "--into", "s"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("already exists"));
    let out = run_in(work.path(), &["import-co", co, "--into", "s", "--force"]);
    assert!(out.status.success());
    let backup = std::fs::read_to_string(work.path().join("s/concluding-observations.yaml.1.bak")).unwrap();
    assert!(backup.starts_with("# mine\n"));

    // Suggest drafts an assessment; check then warns that it awaits review.
    let out = run_in(work.path(), &["suggest", "s"]);
    assert!(out.status.success(), "{}\n{}", text(&out.stdout), text(&out.stderr));
    let assessment = std::fs::read_to_string(work.path().join("s/assessment.yaml")).unwrap();
    assert!(assessment.contains("recommendation: publish-statistics"), "{assessment}");
    assert!(assessment.contains("recommendation: no-return"), "{assessment}");
    assert!(assessment.contains("suggested:"), "{assessment}");
    let out = run_in(work.path(), &["check", "--diagnostic-format", "short", "s"]);
    let report = text(&out.stdout);
    assert!(report.contains("is a machine suggestion nobody has reviewed"), "{report}");
    assert!(!report.contains("is not assessed\n"), "{report}");

    // A second suggest leaves the reviewed file alone.
    let before = std::fs::read_to_string(work.path().join("s/assessment.yaml")).unwrap();
    let out = run_in(work.path(), &["suggest", "s"]);
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(work.path().join("s/assessment.yaml")).unwrap(), before);
}

#[test]
fn import_refuses_what_it_cannot_read() {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("scan.pdf"), b"%PDF-1.4\n%%EOF\n").unwrap();
    let out = run_in(work.path(), &["import-co", "scan.pdf"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("error: "), "{}", text(&out.stderr));
    let out = run_in(work.path(), &["import-co", "missing.pdf"]);
    assert_eq!(out.status.code(), Some(1));
    let out = run_in(
        work.path(),
        &["import-co", root().join("tests/fixtures/co/ccpr-arcadia.txt").to_str().unwrap(), "--into", "nowhere"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("there is no folder nowhere"));
    // The Arabic version of a real CO is refused, saying what it is and what to do.
    let arabic = root().join("tests/fixtures/real-co/CRPD_C_RWA_CO_1.pdf");
    let out = run_in(work.path(), &["import-co", arabic.to_str().unwrap(), "--into", "."]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("is the Arabic version of CRPD/C/RWA/CO/1"), "{err}");
    assert!(err.contains("import that"), "{err}");
    assert!(!work.path().join("concluding-observations.yaml").exists());
}

/// The one-line summary names what the follow-up paragraph selects, and says when no selection
/// was found, whether the paragraph lacks numbers or is absent (the paragraph on the next
/// report, which the importer also reads, is not a selection).
#[test]
fn import_summary_says_what_follow_up_selects() {
    let work = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(root().join("tests/fixtures/co/ccpr-arcadia.txt")).unwrap();
    let summary = |name: &str, co: &str| {
        std::fs::write(work.path().join(name), co).unwrap();
        let out = run_in(work.path(), &["import-co", name]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stderr).lines().last().unwrap_or_default().to_owned()
    };

    let all = summary("all.txt", &original);
    assert!(all.contains("49 paragraphs (21 recommendations, 21 concerns; see `role:`), 67 sub-paragraphs, follow-up on 10, 16, 22, 32; "), "{all}");

    let numbers = "of the recommendations made by the Committee in paragraphs 10, 16, 22 and 32 above.";
    assert!(original.contains(numbers));
    let none = summary("none.txt", &original.replace(numbers, "of the recommendations made by the Committee above."));
    assert!(none.contains(", no follow-up selection found (fill in `follow_up.selected` by hand"), "{none}");
    assert!(!none.contains("follow-up on"), "{none}");

    let start = original.find("48. In accordance with rule 75").unwrap();
    let end = original.find("49. Under the Committee").unwrap();
    let absent = summary("absent.txt", &original.replacen(&original[start..end], "", 1));
    assert!(absent.contains("48 paragraphs (21 recommendations, 21 concerns; see `role:`), 67 sub-paragraphs, no follow-up selection found"), "{absent}");
    assert!(!absent.contains("follow-up on"), "{absent}");
}

#[test]
fn suggest_without_concluding_observations_says_how_to_get_them() {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/base"), &work.path().join("s"));
    let out = run_in(work.path(), &["suggest", "s"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("amicus import-co <CO.pdf> --into s"), "{}", text(&out.stderr));
}

#[test]
fn check_reports_problems_in_the_assessment_prose_too() {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("submissions/kazakhstan-ccpr-2025"), &work.path().join("k"));
    let path = work.path().join("k/assessment.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap();
    let broken = yaml.replacen("introduction: |\n", "introduction: |\n  A claim without its source.[^nowhere]\n", 1);
    assert_ne!(broken, yaml, "the example's assessment has an introduction block");
    std::fs::write(&path, broken).unwrap();
    let out = run_in(work.path(), &["check", "--diagnostic-format", "short", "k"]);
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out.stdout);
    assert!(
        report
            .lines()
            .any(|l| l.starts_with("k/assessment.yaml:") && l.contains("footnote [^nowhere] has no definition")),
        "{report}"
    );
}

#[test]
fn brief_through_the_cli_with_a_pdf_standard() {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("submissions/kazakhstan-ccpr-2025"), &work.path().join("k"));
    let out = run_in(work.path(), &["brief", "k", "-o", "out", "--pdf-standard", "ua-1"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("wrote out/brief.pdf ("), "{stdout}");
    assert!(stdout.contains("two fully and two partially"), "{stdout}");
    for name in ["brief.pdf", "brief.html", "brief.csv", "brief.xlsx", "brief.json", "brief.docx", "brief.typ"] {
        assert!(work.path().join("out").join(name).is_file(), "{name} is written");
    }
    let pdf = std::fs::read(work.path().join("out/brief.pdf")).unwrap();
    assert!(String::from_utf8_lossy(&pdf).contains("pdfuaid"), "the PDF declares PDF/UA conformance");
}

/// The CO format's follow-up fields (kind, particular importance), document notes and language
/// are read by `check`; a "particular importance" paragraph missing from the file is reported
/// at its line, and an unknown kind is an error naming the allowed values.
#[test]
fn check_reads_the_follow_up_kind_particular_importance_notes_and_language() {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("submissions/kazakhstan-ccpr-2025"), &work.path().join("s"));
    let path = work.path().join("s/concluding-observations.yaml");
    let original = std::fs::read_to_string(&path).unwrap();
    assert!(!original.contains("\nfollow_up:"), "the example gains a follow-up block only in this test");
    let with = |block: &str| {
        format!("{original}\nlanguage: en\nnotes:\n- Adopted by the Committee at its 144th session.\n{block}")
    };

    let good = "follow_up:\n  paragraph: 47\n  kind: urgent-measures\n  selected: [\"34 (d)\", \"40\"]\n  particular_importance:\n    paragraph: 48\n    selected: [\"34\"]\n";
    std::fs::write(&path, with(good)).unwrap();
    let out = run_in(work.path(), &["check", "--diagnostic-format", "short", "s"]);
    let report = text(&out.stdout);
    assert!(!report.contains("concluding-observations.yaml"), "{report}");

    let missing = good.replace("selected: [\"34\"]", "selected: [\"34\", \"999\"]");
    std::fs::write(&path, with(&missing)).unwrap();
    let out = run_in(work.path(), &["check", "--diagnostic-format", "short", "s"]);
    let report = text(&out.stdout);
    let line = with(&missing).lines().position(|l| l.contains("\"999\"")).unwrap() + 1;
    assert!(
        report.contains(&format!("s/concluding-observations.yaml:{line}:"))
            && report.contains("\"particular importance\" paragraph 999 is not among the paragraphs"),
        "{report}"
    );

    // A selected paragraph whose role in the file is not a recommendation is reported at the
    // selection; a role that is not one is an error naming the allowed values.
    let roles = original.replacen("- number: 40\n", "- number: 40\n        role: concern\n", 1).replacen(
        "- number: 34\n",
        "- number: 34\n        role: follow-upp\n",
        1,
    );
    assert_eq!(roles.matches("role: ").count(), 2, "paragraphs 34 and 40 are in the example");
    std::fs::write(&path, format!("{roles}\n{good}")).unwrap();
    let out = run_in(work.path(), &["check", "--diagnostic-format", "short", "s"]);
    let report = text(&out.stdout);
    assert!(report.contains("follow-up paragraph 40 has the role `concern`"), "{report}");
    assert!(
        report.contains("`follow-upp` is not allowed for `role`") && report.contains("did you mean `follow-up`?"),
        "{report}"
    );

    let bad_kind = good.replace("urgent-measures", "urgent");
    std::fs::write(&path, with(&bad_kind)).unwrap();
    let out = run_in(work.path(), &["check", "--diagnostic-format", "short", "s"]);
    let report = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{report}");
    assert!(report.contains("deadline") && report.contains("urgent-measures"), "{report}");
}
