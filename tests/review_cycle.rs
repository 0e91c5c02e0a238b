//! The review cycle through the real binary, on the UN's real documents
//! (`tests/fixtures/real-co/cycles/`): importing a list of issues into a folder made by
//! `amicus new`.

mod common;

use common::{golden, root, run_in, text};

fn cycles(name: &str) -> String {
    root().join("tests/fixtures/real-co/cycles").join(name).to_str().unwrap().to_owned()
}

/// A new folder, as a user makes it.
fn new_folder(dir: &std::path::Path) {
    let out =
        run_in(dir, &["new", "canada", "--no-input", "--committee", "CRPD", "--state", "Canada", "--language", "en"]);
    assert!(out.status.success(), "{}\n{}", text(&out.stdout), text(&out.stderr));
}

/// Canada's real list of issues (the PDF) into a new folder: the file is the golden one, its
/// `$schema` line points at a schema that exists, and `check` accepts the folder.
#[test]
fn real_list_of_issues_into_a_new_folder() {
    let work = tempfile::tempdir().unwrap();
    new_folder(work.path());
    let pdf = cycles("CRPD_C_CAN_Q_1.pdf");

    let out = run_in(work.path(), &["import-loi", &pdf, "--into", "canada"]);
    assert!(out.status.success(), "{}\n{}", text(&out.stdout), text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains(
            "CRPD/C/CAN/Q/1 (list of issues, Canada): 43 questions, 0 lettered parts, 43 under an article heading, 3 section(s); 0 warning(s)"
        ),
        "{said}"
    );
    let written = std::fs::read_to_string(work.path().join("canada/list-of-issues.yaml")).unwrap();
    let (first, _) = written.split_once('\n').unwrap();
    let schema = first.strip_prefix("# yaml-language-server: $schema=").unwrap();
    assert!(work.path().join("canada").join(schema).is_file(), "{first}");
    golden(&root().join("tests/golden/review-cycle/CRPD_C_CAN_Q_1.list-of-issues.yaml"), &written);

    // The text route (pdftotext's) gives the same questions.
    let out = run_in(work.path(), &["import-loi", &cycles("CRPD_C_CAN_Q_1.txt")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let printed = text(&out.stdout);
    let body = |y: &str| y.split_once("\nsections:").map(|(_, b)| b.to_owned()).unwrap();
    assert_eq!(body(&printed), body(&written), "PDF and text give the same sections and questions");

    // Never over the user's file without --force.
    let out = run_in(work.path(), &["import-loi", &pdf, "--into", "canada"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("already exists"), "{}", text(&out.stderr));
}

/// Each import command, given the other's document, says which to use.
#[test]
fn import_co_and_import_loi_point_to_each_other() {
    let work = tempfile::tempdir().unwrap();
    let out = run_in(work.path(), &["import-co", &cycles("CRPD_C_DEU_Q_1.txt"), "--into", "x"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("is a list of issues (CRPD/C/DEU/Q/1), not concluding observations"), "{err}");
    assert!(err.contains("hint: read it with amicus import-loi ") && err.contains(" --into x"), "{err}");

    let out = run_in(work.path(), &["import-loi", &cycles("CRPD_C_DEU_CO_1.txt")]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("is concluding observations (CRPD/C/DEU/CO/1), not a list of issues"), "{err}");
    assert!(err.contains("hint: read it with amicus import-co "), "{err}");
}

/// The later review of Canada, imported: the paragraphs that cite the first review say so,
/// with the paragraphs cited, and the summary counts them.
#[test]
fn import_co_records_the_citations_of_the_previous_review() {
    let work = tempfile::tempdir().unwrap();
    let co = root().join("tests/fixtures/real-co/CRPD_C_CAN_CO_2-3.pdf");
    let out = run_in(work.path(), &["import-co", co.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("; 7 paragraph(s) cite earlier concluding observations (see `earlier:`)"), "{err}");
    let yaml = text(&out.stdout);
    assert!(
        yaml.contains("  earlier:\n    - symbol: CRPD/C/CAN/CO/1\n      paragraphs:\n      - '27'\n      - '28'\n      says: recalls\n"),
        "{yaml}"
    );
}

/// The diagnostics of `amicus check` (human format) about one file: each block that names it.
fn blocks_about(output: &str, file: &str) -> String {
    let mut blocks: Vec<String> = Vec::new();
    for line in output.lines() {
        if line.starts_with("error") || line.starts_with("warning") || blocks.is_empty() {
            blocks.push(String::new());
        }
        let last = blocks.last_mut().unwrap();
        last.push_str(line);
        last.push('\n');
    }
    blocks.into_iter().filter(|b| b.contains(file)).collect()
}

/// Canada's first review imported with `--previous`, and a finding that cites it: `check`
/// finds each wrong paragraph and quote at its line, and names the paragraph that holds the
/// words (golden output); the two right entries pass.
#[test]
fn check_verifies_previous_observations_against_the_previous_review() {
    let work = tempfile::tempdir().unwrap();
    new_folder(work.path());
    let pdf = cycles("CRPD_C_CAN_CO_1.pdf");
    let out = run_in(work.path(), &["import-co", "--previous", &pdf, "--into", "canada"]);
    assert!(out.status.success(), "{}\n{}", text(&out.stdout), text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("wrote canada/previous-concluding-observations.yaml (CRPD/C/CAN/CO/1: 64 paragraphs"),
        "{said}"
    );
    assert!(said.contains("next: cite its paragraphs in a finding's `previous_observations`"), "{said}");
    let written = std::fs::read_to_string(work.path().join("canada/previous-concluding-observations.yaml")).unwrap();
    let (first, _) = written.split_once('\n').unwrap();
    let schema = first.strip_prefix("# yaml-language-server: $schema=").unwrap();
    assert!(schema.ends_with("concluding-observations.schema.json"), "{first}");
    assert!(work.path().join("canada").join(schema).is_file(), "{first}");

    let finding = root().join("tests/fixtures/previous/legal-capacity.yaml");
    std::fs::copy(&finding, work.path().join("canada/findings/20-legal-capacity.yaml")).unwrap();
    let out = run_in(work.path(), &["check", "--color", "never", "canada"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let about = blocks_about(&text(&out.stdout), "20-legal-capacity.yaml");
    golden(&root().join("tests/golden/review-cycle/previous-observations.check.txt"), &about);

    // Without the previous review in the folder, only the quotes are said to be unchecked.
    std::fs::remove_file(work.path().join("canada/previous-concluding-observations.yaml")).unwrap();
    let out = run_in(work.path(), &["check", "--diagnostic-format", "short", "canada"]);
    let about: Vec<String> =
        text(&out.stdout).lines().filter(|l| l.contains("20-legal-capacity")).map(str::to_owned).collect();
    assert_eq!(about.len(), 5, "{about:#?}");
    assert!(
        about.iter().all(|l| l.contains(
            ": warning: the quote cannot be checked: the folder has no previous-concluding-observations.yaml"
        )),
        "{about:#?}"
    );

    // The previous review cannot be imported over the new one's file, nor the reverse.
    let out = run_in(work.path(), &["import-co", &pdf, "--into", "canada"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = run_in(work.path(), &["import-co", "--previous", &pdf, "--into", "canada"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("concluding-observations.yaml already holds CRPD/C/CAN/CO/1"), "{err}");
}

/// Every paragraph's text of a Word document, joined.
fn docx_text(path: &std::path::Path) -> String {
    use std::io::Read;
    let bytes = std::fs::read(path).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    archive.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    common::word_text(&xml)
}

/// Canada's two real reviews in one folder (the second as concluding-observations.yaml, the
/// first with `--previous`): the brief says, under each recommendation taken up in a
/// paragraph that recalls the first review, that the Committee had recommended it already, and
/// lists the earlier recommendations the findings followed up with the paragraphs that repeat
/// them, or that none cites them — in the PDF, the web page, the Word document and the matrix.
#[test]
fn the_brief_says_what_the_committee_had_recommended_already() {
    let work = tempfile::tempdir().unwrap();
    let folder = canada_two_reviews(work.path(), "en");

    let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let pdf = pdf_words(&work.path().join("out/brief.pdf"));
    let html = std::fs::read_to_string(work.path().join("out/brief.html")).unwrap();
    // Word's text keeps a symbol whole with word joiners after its slashes.
    let word = squash(&docx_text(&work.path().join("out/brief.docx"))).replace('\u{2060}', "");
    let wanted = [
        "Already recommended in CRPD/C/CAN/CO/1, para. 8: the State did not act on it.",
        "Already recommended in CRPD/C/CAN/CO/1, paras. 27 and 28: the State did not act on it.",
        "Already recommended in CRPD/C/CAN/CO/1, para. 44: the State did not act on it.",
        "The previous review",
        "For each, whether the new concluding observations (CRPD/C/CAN/CO/2-3) repeat or recall it",
        "CRPD/C/CAN/CO/1, para. 8 · Substituted decision-making · not implemented, in our view. Repeated or recalled: para. 6.",
        "CRPD/C/CAN/CO/1, para. 28 · Substituted decision-making · partly implemented, in our view. Repeated or recalled: para. 24.",
        "CRPD/C/CAN/CO/1, para. 44 (a) · Segregated schooling. Repeated or recalled: para. 48.",
        "CRPD/C/CAN/CO/1, para. 10 (a) · A national action plan · not implemented, in our view. No paragraph of the new observations cites it.",
    ];
    for w in wanted {
        assert!(pdf.contains(w), "the PDF lacks “{w}”:\n{pdf}");
        assert!(word.contains(w), "the Word document lacks “{w}”:\n{word}");
        assert!(squash(&strip_tags(&html)).contains(w), "the web page lacks “{w}”");
    }
    assert!(html.contains("<h2 id=\"previous\">The previous review</h2>"), "{html}");

    let csv = std::fs::read_to_string(work.path().join("out/brief.csv")).unwrap();
    let header = csv.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert!(header.contains(",particular_importance,earlier,previous_observations,grade,"), "{header}");
    assert!(csv.contains("CRPD/C/CAN/CO/1, paras. 27 and 28"), "{csv}");
    assert!(csv.contains("\"CRPD/C/CAN/CO/1, para. 8 (no); CRPD/C/CAN/CO/1, para. 28 (partly)\""), "{csv}");
    assert!(csv.contains("CRPD/C/CAN/CO/1, para. 10 (a) (no)"), "{csv}");

    // `check` holds the new observations' `earlier:` citations to the previous review: all
    // of Canada's are there; one misread (44 as 94) is warned about at its line.
    let out = run_in(work.path(), &["check", "--diagnostic-format", "short", "canada"]);
    assert!(!text(&out.stdout).contains("does not have"), "{}", text(&out.stdout));
    let co_file = folder.join("concluding-observations.yaml");
    let yaml = std::fs::read_to_string(&co_file).unwrap();
    assert_eq!(yaml.matches("      - '44'\n").count(), 1, "{yaml}");
    std::fs::write(&co_file, yaml.replace("      - '44'\n", "      - '94'\n")).unwrap();
    let line = yaml[..yaml.find("      - '44'\n").unwrap()].lines().count() + 1;
    let out = run_in(work.path(), &["check", "--diagnostic-format", "short", "canada"]);
    let said = text(&out.stdout);
    assert!(
        said.contains(&format!(
            "canada/concluding-observations.yaml:{line}:9: warning: paragraph 48 cites para. 94 of CRPD/C/CAN/CO/1, which previous-concluding-observations.yaml does not have"
        )),
        "{said}"
    );
}

/// A folder `canada` made by `amicus new` in `language`, with the findings and assessment of
/// `tests/fixtures/previous/canada-brief`, Canada's second review imported as the CO and its
/// first with `--previous`, and its brief written to `out`.
fn canada_two_reviews(dir: &std::path::Path, language: &str) -> std::path::PathBuf {
    canada_two_reviews_with(dir, language, |_| {})
}

/// The same, with `before_brief` changing the folder before the brief is written.
fn canada_two_reviews_with(
    dir: &std::path::Path,
    language: &str,
    before_brief: impl FnOnce(&std::path::Path),
) -> std::path::PathBuf {
    let out = run_in(
        dir,
        &["new", "canada", "--no-input", "--committee", "CRPD", "--state", "Canada", "--language", language],
    );
    assert!(out.status.success(), "{}\n{}", text(&out.stdout), text(&out.stderr));
    let folder = dir.join("canada");
    for entry in std::fs::read_dir(folder.join("findings")).unwrap() {
        std::fs::remove_file(entry.unwrap().path()).unwrap();
    }
    common::copy_dir(&root().join("tests/fixtures/previous/canada-brief"), &folder);
    let new = root().join("tests/fixtures/real-co/CRPD_C_CAN_CO_2-3.pdf");
    let out = run_in(dir, &["import-co", new.to_str().unwrap(), "--into", "canada"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = run_in(dir, &["import-co", "--previous", &cycles("CRPD_C_CAN_CO_1.pdf"), "--into", "canada"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    before_brief(&folder);
    let out = run_in(dir, &["brief", "canada", "-o", "out", "--pdf-standard", "none"]);
    assert!(out.status.success(), "{}\n{}", text(&out.stdout), text(&out.stderr));
    folder
}

/// The same in French: the catalogue's words, French citations (par. 27 et 28, 44 a)), the
/// no-break space before the colon, in the PDF and the Word document.
#[test]
fn the_previous_review_in_a_french_brief() {
    let work = tempfile::tempdir().unwrap();
    canada_two_reviews(work.path(), "fr");
    let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let pdf = pdf_words(&work.path().join("out/brief.pdf"));
    let word = squash(&docx_text(&work.path().join("out/brief.docx"))).replace('\u{2060}', "");
    for w in [
        "Le Comité l’avait déjà recommandé dans CRPD/C/CAN/CO/1, par. 27 et 28\u{a0}: l’État partie n’y a pas donné suite.",
        "L’examen précédent",
        "CRPD/C/CAN/CO/1, par. 44 a) · Segregated schooling. Réitérée ou rappelée\u{a0}: par. 48.",
        "CRPD/C/CAN/CO/1, par. 10 a) · A national action plan · non mise en œuvre, selon nous. Aucun paragraphe des nouvelles observations finales ne la cite.",
    ] {
        // Squashing the white space makes the no-break space a space.
        let w = w.replace('\u{a0}', " ");
        assert!(pdf.contains(&w), "the PDF lacks “{w}”:\n{pdf}");
        assert!(word.contains(&w), "the Word document lacks “{w}”:\n{word}");
    }
    let raw = docx_text(&work.path().join("out/brief.docx"));
    assert!(raw.contains("28\u{a0}: l’État partie"), "no no-break space before the colon:\n{raw}");
}

/// Canada's two reviews, its real list of issues imported with `import-loi`, two findings
/// given the `questions:` of `tests/fixtures/previous/canada-questions/questions.yaml` and the
/// advocate's decided `loi-assessment.yaml` beside it.
fn canada_with_questions(dir: &std::path::Path, language: &str) -> std::path::PathBuf {
    let fixtures = root().join("tests/fixtures/previous/canada-questions");
    canada_two_reviews_with(dir, language, |folder| {
        let out = run_in(dir, &["import-loi", &cycles("CRPD_C_CAN_Q_1.pdf"), "--into", "canada"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let questions: std::collections::BTreeMap<String, Vec<String>> =
            serde_yaml::from_str(&std::fs::read_to_string(fixtures.join("questions.yaml")).unwrap()).unwrap();
        for (file, id) in [("20-legal-capacity.yaml", "legal-capacity"), ("30-education.yaml", "inclusive-education")] {
            let path = folder.join("findings").join(file);
            let mut yaml = std::fs::read_to_string(&path).unwrap();
            let mut added = std::collections::BTreeMap::new();
            added.insert("questions", &questions[id]);
            yaml.push_str(&serde_yaml::to_string(&added).unwrap());
            std::fs::write(&path, yaml).unwrap();
        }
        std::fs::copy(fixtures.join("loi-assessment.yaml"), folder.join("loi-assessment.yaml")).unwrap();
    })
}

/// With loi-assessment.yaml decided, the brief has a section on the questions the findings
/// suggested for the list of issues: each with the list's paragraphs that ask it and how fully,
/// or that it was not asked (the question's `#`, `$` and `*` come out literally) — in the PDF,
/// the web page and the Word document; no entry is pending, so the brief is not a draft. With
/// one entry back to `pending`, the brief is a draft that says so, and `--final` refuses it at
/// the entry's line.
#[test]
fn the_brief_says_which_suggested_questions_the_list_of_issues_asked() {
    let work = tempfile::tempdir().unwrap();
    let folder = canada_with_questions(work.path(), "en");
    let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let pdf = pdf_words(&work.path().join("out/brief.pdf"));
    let html = std::fs::read_to_string(work.path().join("out/brief.html")).unwrap();
    let page = squash(&strip_tags(&html));
    let word = squash(&docx_text(&work.path().join("out/brief.docx"))).replace('\u{2060}', "");
    let wanted = [
        "Our suggested questions and the list of issues",
        "Before the review, our findings suggested questions for the Committee’s list of issues (CRPD/C/CAN/Q/1). For each, the questions of the list that ask it, and how fully:",
        "How many adults are under guardianship or a trusteeship order in each province, and how many had it lifted last year? · Substituted decision-making. Asked: para. 18.",
        "How many children with high support needs are taught in segregated classes, in each province and territory? · Segregated schooling. Asked: paras. 35 and 37.",
        "Will Canada withdraw its reservation and interpretative declaration on article 12, and by when? · Substituted decision-making. Asked in part: para. 2.",
        "What share of the education budget (#, $ or *%*) funds segregated classes? · Segregated schooling. Not asked.",
    ];
    for w in wanted {
        assert!(pdf.contains(w), "the PDF lacks “{w}”:\n{pdf}");
        assert!(word.contains(w), "the Word document lacks “{w}”:\n{word}");
        assert!(page.contains(w), "the web page lacks “{w}”:\n{page}");
    }
    assert!(html.contains("<h2 id=\"questions\">Our suggested questions and the list of issues</h2>"), "{html}");
    // Fully asked first, then in part, then not asked.
    let at = |w: &str| pdf.find(w).unwrap();
    assert!(
        at("Asked: paras. 35 and 37.") < at("Asked in part: para. 2.") && at("Asked in part") < at("Not asked."),
        "{pdf}"
    );
    assert!(!pdf.contains("DRAFT") && !pdf.contains("not yet matched"), "{pdf}");

    // One entry back to pending: a draft that says what is left; --final refuses at its line.
    let file = folder.join("loi-assessment.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, yaml.replace("asked: not-asked", "asked: pending")).unwrap();
    let out = run_in(work.path(), &["brief", "canada", "-o", "draft", "--pdf-standard", "none"]);
    assert!(out.status.success(), "{}\n{}", text(&out.stdout), text(&out.stderr));
    let page = squash(&strip_tags(&std::fs::read_to_string(work.path().join("draft/brief.html")).unwrap()));
    assert!(
        page.contains("Not for publication: one suggested question is not yet matched with the list of issues."),
        "{page}"
    );
    assert!(page.contains("funds segregated classes? · Segregated schooling. Not yet decided."), "{page}");
    let out = run_in(work.path(), &["brief", "canada", "-o", "final", "--final", "--diagnostic-format", "short"]);
    assert_eq!(out.status.code(), Some(1));
    let line = yaml.lines().position(|l| l.contains("asked: not-asked")).unwrap() + 1;
    let said = text(&out.stdout) + &text(&out.stderr);
    assert!(
        said.contains(&format!(
            "canada/loi-assessment.yaml:{line}:12: error: the brief is not final: a question suggested in finding `inclusive-education` is still `asked: pending`"
        )),
        "{said}"
    );
}

/// The same in French, read back from the PDF: the catalogue's words, French citations, and the
/// space French typography puts before a question mark.
#[test]
fn the_suggested_questions_in_a_french_brief() {
    let work = tempfile::tempdir().unwrap();
    canada_with_questions(work.path(), "fr");
    let pdf = pdf_words(&work.path().join("out/brief.pdf"));
    for w in [
        "Nos questions proposées et la liste de points",
        "pour la liste de points du Comité (CRPD/C/CAN/Q/1). Pour chacune, les paragraphes de la liste qui la posent, et dans quelle mesure :",
        "in each province and territory ? · Segregated schooling. Posée : par. 35 et 37.",
        "and by when ? · Substituted decision-making. Posée en partie : par. 2.",
        "funds segregated classes ? · Segregated schooling. Non posée.",
    ] {
        assert!(pdf.contains(w), "the PDF lacks “{w}”:\n{pdf}");
    }
}

/// The text of a PDF on one line, white space squashed, without the space pdftotext puts
/// where a run ends at a link or a symbol ("CO/1 , para. 8").
fn pdf_words(path: &std::path::Path) -> String {
    let text = common::pdf_text(&std::fs::read(path).unwrap());
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" ,", ",")
        .replace(" .", ".")
        .replace("( ", "(")
        .replace(" )", ")")
}

/// The text of an HTML page without its tags, with the entities the page writes decoded.
fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Suggested questions against Canada's real list of issues, through `suggest --questions`:
/// the answer for each question is the golden one (verdict, best question, shared words), and
/// the JSON carries the same verdicts.
#[test]
fn suggest_questions_says_which_the_committee_asked() {
    let work = tempfile::tempdir().unwrap();
    new_folder(work.path());
    let folder = work.path().join("canada");
    std::fs::remove_file(folder.join("findings/10-first-finding.yaml")).unwrap();
    std::fs::copy(root().join("tests/fixtures/questions/canada-questions.yaml"), folder.join("findings/10-loi.yaml"))
        .unwrap();

    // Without the list of issues: what to run.
    let out = run_in(work.path(), &["suggest", "canada", "--questions", "--diagnostic-format", "short"]);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stdout) + &text(&out.stderr);
    assert!(said.contains("canada has no list-of-issues.yaml"), "{said}");
    assert!(said.contains("amicus import-loi <Q.pdf> --into canada"), "{said}");

    let out = run_in(work.path(), &["import-loi", &cycles("CRPD_C_CAN_Q_1.pdf"), "--into", "canada"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = run_in(work.path(), &["suggest", "canada", "--questions"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    golden(&root().join("tests/golden/review-cycle/suggest-questions.txt"), &said);
    let asked: Vec<&str> = said.lines().filter(|l| l.contains(": likely asked: ")).collect();
    assert!(asked.iter().any(|l| l.contains("question 1: likely asked: question 2 of CRPD/C/CAN/Q/1")), "{said}");

    let out = run_in(work.path(), &["suggest", "canada", "--questions", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["list_of_issues"], "CRPD/C/CAN/Q/1");
    let rows = json["questions"].as_array().unwrap();
    assert_eq!(rows.len(), 8);
    assert_eq!(rows.iter().filter(|r| r["verdict"] == "likely asked").count(), asked.len());
    assert_eq!(rows[0]["candidates"][0]["question"], "2");
}

/// One expected link of `tests/fixtures/loi-questions/expected.yaml`.
#[derive(serde::Deserialize)]
struct Expected {
    finding: String,
    question: usize,
    paragraphs: Vec<u32>,
}

/// Which suggested questions the Committee asked, through the real binary: five findings
/// suggesting twelve questions in an NGO's words (written before any ranking was run), Canada's
/// real list of issues imported with `import-loi`, then `amicus suggest`. The file it writes is
/// a golden one, and the figures measured on it (top-1, top-3, verdicts) are asserted as
/// `docs/review-cycle.md` quotes them. A second run adds nothing and keeps the advocate's
/// decision; a question added later is appended after it.
#[test]
fn suggest_finds_which_suggested_questions_the_list_of_issues_asks() {
    let work = tempfile::tempdir().unwrap();
    new_folder(work.path());
    let folder = work.path().join("canada");
    std::fs::remove_file(folder.join("findings/10-first-finding.yaml")).unwrap();
    let fixtures = root().join("tests/fixtures/loi-questions");
    for name in [
        "10-legal-capacity.yaml",
        "20-institutions.yaml",
        "30-indigenous.yaml",
        "40-detention.yaml",
        "50-work-and-poverty.yaml",
    ] {
        std::fs::copy(fixtures.join(name), folder.join("findings").join(name)).unwrap();
    }
    let out = run_in(work.path(), &["import-loi", &cycles("CRPD_C_CAN_Q_1.pdf"), "--into", "canada"]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    // Without concluding observations, `suggest` works on the questions alone.
    let out = run_in(work.path(), &["suggest", "canada"]);
    assert!(out.status.success(), "{}\n{}", text(&out.stdout), text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("CRPD/C/CAN/Q/1: 12 suggested question(s) to review, 0 already in loi-assessment.yaml"),
        "{said}"
    );
    assert!(said.contains("wrote 12 suggested question entries to canada/loi-assessment.yaml (created)"), "{said}");
    let written = std::fs::read_to_string(folder.join("loi-assessment.yaml")).unwrap();
    golden(&root().join("tests/golden/review-cycle/CRPD_C_CAN_Q_1.loi-assessment.yaml"), &written);

    // The measure: the ranked numbers of each entry (`paragraphs` holds the first when the
    // suggestion is confident, `alternatives` the rest) against the labels.
    let file: serde_yaml::Value = serde_yaml::from_str(&written).unwrap();
    let entries = file["questions"].as_sequence().unwrap();
    let labels: Vec<Expected> =
        serde_yaml::from_str(&std::fs::read_to_string(fixtures.join("expected.yaml")).unwrap()).unwrap();
    assert_eq!(entries.len(), labels.len());
    let (mut asked, mut top1, mut top3, mut confident_wrong, mut not_asked_confident) = (0, 0, 0, 0, 0);
    let mut per_finding: std::collections::HashMap<String, usize> = Default::default();
    for (entry, label) in entries.iter().zip(&labels) {
        assert_eq!(entry["finding"].as_str(), Some(label.finding.as_str()));
        let n = per_finding.entry(label.finding.clone()).or_default();
        *n += 1;
        assert_eq!(*n, label.question, "entries come in the findings' order");
        let number =
            |v: &serde_yaml::Value| -> u32 { v.as_str().unwrap().split_whitespace().next().unwrap().parse().unwrap() };
        let firsts: Vec<u32> =
            entry["paragraphs"].as_sequence().map(|s| s.iter().map(number).collect()).unwrap_or_default();
        let confident = !firsts.is_empty();
        let alternatives: Vec<u32> = entry["suggested"]["alternatives"]
            .as_sequence()
            .map(|s| s.iter().map(number).collect())
            .unwrap_or_default();
        let ranked: Vec<u32> = firsts.into_iter().chain(alternatives).collect();
        if label.paragraphs.is_empty() {
            not_asked_confident += usize::from(confident);
            continue;
        }
        asked += 1;
        let hit = |k: usize| ranked.iter().take(k).any(|p| label.paragraphs.contains(p));
        top1 += usize::from(hit(1));
        top3 += usize::from(hit(3));
        confident_wrong += usize::from(confident && !hit(1));
    }
    eprintln!(
        "suggested questions, Canada (CRPD/C/CAN/Q/1): top-1 {top1}/{asked}, top-3 {top3}/{asked}, \
         confident but wrong {confident_wrong}, not asked yet confident {not_asked_confident}/2"
    );
    assert_eq!(
        (asked, top1, top3, confident_wrong, not_asked_confident),
        (10, 7, 8, 2, 0),
        "docs/review-cycle.md quotes these"
    );

    // The advocate decides the first entry; a second run adds nothing and changes nothing.
    let decided = written.replacen("asked: pending", "asked: fully", 1);
    std::fs::write(folder.join("loi-assessment.yaml"), &decided).unwrap();
    let out = run_in(work.path(), &["suggest", "canada"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("every suggested question is already in"), "{}", text(&out.stdout));
    assert_eq!(std::fs::read_to_string(folder.join("loi-assessment.yaml")).unwrap(), decided);

    // A question added to a finding later goes at the end; what was there stays byte for byte.
    let finding = folder.join("findings/50-work-and-poverty.yaml");
    let mut yaml = std::fs::read_to_string(&finding).unwrap();
    yaml.push_str("  - How many persons with disabilities are excluded from voting?\n");
    std::fs::write(&finding, yaml).unwrap();
    let out = run_in(work.path(), &["suggest", "canada"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("question 41"), "{said}");
    let after = std::fs::read_to_string(folder.join("loi-assessment.yaml")).unwrap();
    assert!(after.starts_with(&decided), "the advocate's file is kept as it was");
    assert!(after[decided.len()..].contains("excluded from voting"));

    // `check` holds the file to the submission and the list of issues: one mistake of each kind.
    let edits = [
        ("asked: pending\n    paragraphs:\n    - '2'", "asked: fully\n    paragraphs:\n    - '44'"),
        ("finding: institutions", "finding: institution"),
        ("asked: pending\n    paragraphs:\n    - '18'", "asked: partly\n    paragraphs:\n    - '18 (b)'"),
        ("asked: pending\n    paragraphs:\n    - '38'", "asked: not-asked\n    paragraphs:\n    - '38'"),
        ("asked: pending\n    suggested", "asked: fully\n    suggested"),
        ("question: Are disability", "question: Are the disability"),
    ];
    let mut wrong = written.clone();
    for (from, to) in edits {
        assert!(wrong.contains(from), "{from}");
        wrong = wrong.replacen(from, to, 1);
    }
    std::fs::write(folder.join("loi-assessment.yaml"), &wrong).unwrap();
    let out = run_in(work.path(), &["check", "--diagnostic-format", "short", "canada"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let about: String =
        text(&out.stdout).lines().filter(|l| l.contains("loi-assessment.yaml")).map(|l| format!("{l}\n")).collect();
    golden(&root().join("tests/golden/review-cycle/loi-assessment.check.txt"), &about);
}
