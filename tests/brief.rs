//! `amicus brief` on the example submission and on broken copies of it: golden Typst and
//! HTML, text read back from the PDF, the web page's structure, the CSV and JSON matrices,
//! and golden errors for invalid assessments.

mod common;

use amicus::compile;
use amicus::pipeline::brief::{self, Prepared};
use amicus::pipeline::output::Timings;
use common::{copy_dir, golden, root, run_in, text};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The example submission.
fn example() -> PathBuf {
    root().join("submissions/kazakhstan-ccpr-2025")
}

/// A temporary copy of the example, named like it (paths in messages stay short).
fn example_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kazakhstan-ccpr-2025");
    copy_dir(&example(), &dir);
    let _ = std::fs::remove_dir_all(dir.join("output"));
    (tmp, dir)
}

/// Loads, checks and renders a folder's brief, panicking with the problems if it fails.
fn prepared(folder: &Path) -> Prepared {
    match brief::prepare_folder(folder, &mut Timings::default()) {
        Ok(p) => p,
        Err(f) => panic!("the brief failed:\n{}", amicus::diag::render_short(&f.diagnostics)),
    }
}

/// Letters and digits only, lower case: text compared across line breaks, hyphenation and
/// typographic punctuation.
fn squash(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The example's recommendations by id, in document order, with their text.
fn recommendations() -> Vec<(String, String)> {
    let p = prepared(&example());
    p.loaded
        .submission
        .findings
        .iter()
        .flat_map(|f| f.recommendations.iter().map(|r| (r.id.clone(), r.text.clone())))
        .collect()
}

/// The four pairs and two gaps of the seed brief.
const PAIRS: [(&str, &str); 4] = [
    ("halt-torture", "CCPR/C/KAZ/CO/3, para. 34 (d)"),
    ("compensate-victims", "CCPR/C/KAZ/CO/3, para. 34 (c)"),
    ("border-asylum-referral", "CCPR/C/KAZ/CO/3, para. 40"),
    ("non-refoulement", "CCPR/C/KAZ/CO/3, para. 40"),
];
const UNADDRESSED: [&str; 2] = ["detention-statistics", "human-rights-primacy"];

#[test]
fn the_example_brief_matches_the_golden_typst_and_html() {
    let p = prepared(&example());
    golden(&root().join("tests/golden/brief/kazakhstan-ccpr-2025.typ"), &p.rendered.typst);
    golden(&root().join("tests/golden/brief/kazakhstan-ccpr-2025.html"), &p.rendered.html);
}

#[test]
fn the_pdf_holds_every_recommendation_beside_its_paragraph() {
    let (_tmp, dir) = example_copy();
    let out = dir.join("output");
    let outcome = match brief::run(&dir, Some(&out), amicus::compile::PdfStandardChoice::None) {
        Ok(o) => o,
        Err(f) => panic!("the brief failed:\n{}", amicus::diag::render_short(&f.diagnostics)),
    };
    assert!(outcome.pages >= 3, "a brief of a few pages, got {}", outcome.pages);
    assert!(outcome.pages <= 6, "the nine-recommendation example fits in six pages, got {}", outcome.pages);
    for name in ["brief.pdf", "brief.html", "brief.csv", "brief.xlsx", "brief.json", "brief.docx", "brief.typ"] {
        assert!(out.join(name).is_file(), "{name} was not written");
    }
    let pdf = std::fs::read(&outcome.pdf).unwrap();
    let text = common::pdf_text(&pdf);
    let flat = squash(&text);

    let recs = recommendations();
    for (id, rec) in &recs {
        assert!(flat.contains(&squash(rec)), "recommendation `{id}` is not in the PDF");
    }
    // Each pair: the CO citation comes after the recommendation and before the next one;
    // a paragraph quoted under an earlier recommendation is named and referred back to.
    for (id, citation) in PAIRS {
        let i = recs.iter().position(|(r, _)| r == id).unwrap();
        let start = flat.find(&squash(&recs[i].1)).unwrap();
        let end =
            recs.get(i + 1).and_then(|(_, next)| flat[start..].find(&squash(next))).map_or(flat.len(), |n| start + n);
        let block = &flat[start..end];
        let referred =
            id == "non-refoulement" && block.contains(&squash("Recommendation, para. 40 Quoted above, under R6"));
        assert!(block.contains(&squash(citation)) || referred, "`{id}` is not followed by {citation} in the PDF");
    }
    // Each CO paragraph is quoted once: paragraph 40 serves two recommendations.
    assert_eq!(
        flat.matches(&squash("for people who seek international protection at all border points")).count(),
        1,
        "paragraph 40 is quoted twice"
    );
    // What is quoted is labelled.
    assert!(flat.contains(&squash("Recommendation, item (d) of para. 34")));
    // The quoted CO text itself.
    for quote in
        ["Méndez Principles", "access to full reparation", "at all border points", "principle of non-refoulement"]
    {
        assert!(flat.contains(&squash(quote)), "the CO quote `{quote}` is not in the PDF");
    }
    // Both unaddressed issues under their heading.
    let gaps = flat.rfind("unaddressedissues").expect("an Unaddressed issues section");
    let follow = flat[gaps..].find("whatthecommitteesingledout").map_or(flat.len(), |n| gaps + n);
    for id in UNADDRESSED {
        let (_, rec) = recs.iter().find(|(r, _)| r == id).unwrap();
        assert!(flat[gaps..follow].contains(&squash(rec)), "`{id}` is not among the unaddressed issues");
    }
    assert!(flat.contains(&squash("do not include the follow-up paragraph")), "the missing follow-up is said plainly");
}

/// Parses a page as XML; the `<!DOCTYPE html>` declaration is allowed.
fn xml(html: &str) -> Result<roxmltree::Document<'_>, roxmltree::Error> {
    roxmltree::Document::parse_with_options(html, roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() })
}

/// The text inside an element.
fn text_of(n: &roxmltree::Node) -> String {
    n.descendants().filter(roxmltree::Node::is_text).filter_map(|t| t.text()).collect()
}

/// The element's name, for messages.
fn name(n: roxmltree::Node) -> String {
    n.tag_name().name().to_owned()
}

#[test]
fn the_web_page_is_structured_for_every_reader() {
    let p = prepared(&example());
    let html = &p.rendered.html;
    let doc = xml(html).unwrap_or_else(|e| panic!("brief.html is not well-formed: {e}"));
    let root_el = doc.root_element();
    assert_eq!(name(root_el), "html");
    assert_eq!(root_el.attribute("lang"), Some("en"));
    let all: Vec<roxmltree::Node> = doc.descendants().filter(|n| n.is_element()).collect();
    let count = |tag: &str| all.iter().filter(|n| n.has_tag_name(tag)).count();
    assert_eq!(count("main"), 1);
    assert_eq!(count("article"), 1);
    assert!(count("header") >= 1);
    let nav: Vec<_> = all.iter().filter(|n| n.has_tag_name("nav")).collect();
    assert_eq!(nav.len(), 1);
    assert!(nav[0].attribute("aria-label").is_some_and(|l| !l.is_empty()));
    // Nothing loaded from elsewhere: no scripts, images, external styles or frames.
    for tag in ["script", "img", "link", "iframe", "object", "embed"] {
        assert_eq!(count(tag), 0, "<{tag}> in a self-contained page");
    }
    assert!(!html.contains("url("), "no CSS resources");

    // Headings: one h1, and no level skipped on the way down.
    let levels: Vec<u8> = all
        .iter()
        .filter_map(|n| match n.tag_name().name() {
            "h1" => Some(1),
            "h2" => Some(2),
            "h3" => Some(3),
            "h4" => Some(4),
            "h5" => Some(5),
            "h6" => Some(6),
            _ => None,
        })
        .collect();
    assert_eq!(levels.first(), Some(&1));
    assert_eq!(levels.iter().filter(|&&l| l == 1).count(), 1);
    for w in levels.windows(2) {
        assert!(w[1] <= w[0] + 1, "heading levels jump from h{} to h{}", w[0], w[1]);
    }
    let h2: Vec<String> = all.iter().filter(|n| n.has_tag_name("h2")).map(|n| text_of(n)).collect();
    for expected in [
        "Key results",
        "Introduction",
        "Context",
        "Unaddressed issues",
        "What the Committee singled out",
        "What we ask",
        "Conclusion",
    ] {
        assert!(h2.iter().any(|h| h == expected), "no h2 `{expected}` in {h2:?}");
    }

    // Ids are unique, and every in-page link has a target.
    let ids: Vec<&str> = all.iter().filter_map(|n| n.attribute("id")).collect();
    let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "an id is used twice");
    for n in &all {
        if let Some(href) = n.attribute("href").and_then(|h| h.strip_prefix('#')) {
            assert!(ids.contains(&href), "link to #{href}, which does not exist");
        }
    }

    // CO quotes: blockquote with a cite URL, and a <cite> naming the paragraph.
    let quotes: Vec<_> = all.iter().filter(|n| n.has_tag_name("blockquote")).collect();
    assert_eq!(quotes.len(), 3, "paragraph 40 is quoted once for two recommendations");
    let cites: Vec<String> = all.iter().filter(|n| n.has_tag_name("cite")).map(|n| text_of(n)).collect();
    for q in &quotes {
        assert_eq!(q.attribute("cite"), Some("https://docs.un.org/en/CCPR/C/KAZ/CO/3"));
    }
    for (_, citation) in PAIRS {
        assert!(cites.iter().any(|c| c == citation), "no <cite>{citation}</cite>");
    }
    // Every quote says what it is.
    let kinds: Vec<String> =
        all.iter().filter(|n| n.attribute("class") == Some("quote-kind")).map(|n| text_of(n)).collect();
    assert!(kinds.iter().any(|k| k.starts_with("Recommendation, item (d) of para. 34")), "{kinds:?}");
    assert_eq!(kinds.len(), 4, "{kinds:?}");

    // Status in words, not only in colour: every pair shows its status as text.
    let pairs: Vec<_> = all.iter().filter(|n| n.attribute("class") == Some("pair")).collect();
    assert_eq!(pairs.len(), 7, "one pair per recommendation, but the two not reflected, set out once");
    let words = ["Fully reflected", "Partially reflected", "Not reflected", "Not yet assessed"];
    for pair in pairs {
        let badge = pair
            .descendants()
            .find(|n| n.attribute("class").is_some_and(|c| c.starts_with("badge")))
            .expect("a status in each pair");
        assert!(words.contains(&text_of(&badge).as_str()), "status `{}`", text_of(&badge));
    }

    // Tables: a caption (a <caption>, or the figure's caption over the scrolling box, which
    // names the table), and every header cell with its scope.
    for t in all.iter().filter(|n| n.has_tag_name("table")) {
        let named_by_figure = t.attribute("aria-labelledby").is_some_and(|id| {
            all.iter().any(|n| n.has_tag_name("figcaption") && n.attribute("id") == Some(id) && !text_of(n).is_empty())
        });
        assert!(t.children().any(|c| c.has_tag_name("caption")) || named_by_figure, "a table without caption");
        for th in t.descendants().filter(|n| n.has_tag_name("th")) {
            assert!(matches!(th.attribute("scope"), Some("col" | "row")), "a <th> without scope");
        }
    }
}

/// Parses RFC 4180 CSV into records.
fn parse_csv(text: &str) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers.iter().zip(r.iter()).map(|(h, v)| (h.to_owned(), v.to_owned())).collect()
        })
        .collect()
}

#[test]
fn the_matrices_hold_the_pairs() {
    let p = prepared(&example());
    assert!(p.rendered.csv.contains("\r\n"), "RFC 4180 line ends");
    let rows = parse_csv(&p.rendered.csv);
    assert_eq!(rows.len(), 9, "one row per recommendation and cited paragraph");
    let pairs: Vec<(&str, &str, &str)> = rows
        .iter()
        .filter(|r| !r["paragraph"].is_empty())
        .map(|r| (r["recommendation_id"].as_str(), r["paragraph"].as_str(), r["status"].as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("halt-torture", "34 (d)", "partially"),
            ("compensate-victims", "34 (c)", "fully"),
            ("border-asylum-referral", "40", "fully"),
            ("non-refoulement", "40", "partially"),
        ]
    );
    for r in &rows {
        assert_eq!(r["symbol"], "CCPR/C/KAZ/CO/3");
        assert_eq!(r["body"], "CCPR");
        assert_eq!(r["country"], "Kazakhstan");
        assert_eq!(r["publication_date"], "2025-09-03");
    }
    let d = rows.iter().find(|r| r["paragraph"] == "34 (d)").unwrap();
    assert!(d["text"].starts_with("The State party should: (d) Taking all measures necessary"), "{}", d["text"]);
    assert!(d["text"].ends_with("(the Méndez Principles)."), "{}", d["text"]);
    assert_eq!(d["annotation_type"], "recommendation");
    assert_eq!(d["section_heading"], "Torture and ill-treatment");
    let gaps: Vec<&str> =
        rows.iter().filter(|r| r["status"] == "not-reflected").map(|r| r["recommendation_id"].as_str()).collect();
    assert_eq!(gaps, UNADDRESSED);
    let comment = rows.iter().find(|r| r["recommendation_id"] == "halt-torture").unwrap();
    assert!(comment["comment"].contains("Méndez Principles"));

    let json: serde_json::Value = serde_json::from_str(&p.rendered.json).unwrap();
    assert_eq!(json["format"], "amicus-brief-matrix");
    assert_eq!(json["concluding_observations"]["symbol"], "CCPR/C/KAZ/CO/3");
    assert_eq!(json["counts"]["made"], 9);
    assert_eq!(json["counts"]["fully"], 2);
    assert_eq!(json["counts"]["partially"], 2);
    assert_eq!(json["counts"]["not_reflected"], 2);
    assert_eq!(json["counts"]["pending"], 3);
    assert!(json["follow_up"].is_null());
    let columns: Vec<&str> = json["columns"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    assert_eq!(columns, amicus::brief::matrix::COLUMNS);
    let json_rows = json["rows"].as_array().unwrap();
    assert_eq!(json_rows.len(), rows.len());
    // The same rows in both: every CSV value is the JSON value as text.
    for (c, j) in rows.iter().zip(json_rows) {
        for column in columns.iter().copied() {
            let v = &j[column];
            let as_text = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
            assert_eq!(c[column], as_text, "column {column}");
        }
    }
}

#[test]
fn a_follow_up_paragraph_is_shown_with_the_recommendations_it_touches() {
    let (_tmp, dir) = example_copy();
    let co = dir.join("concluding-observations.yaml");
    let mut text = std::fs::read_to_string(&co).unwrap();
    // A made-up selection for this test only: the example's CO file does not give one.
    text.push_str("\nfollow_up:\n  paragraph: 47\n  selected: [\"34 (d)\", \"40\"]\n  deadline: 2026-07-11\n");
    std::fs::write(&co, text).unwrap();
    let p = prepared(&dir);
    let flat = squash(&p.rendered.typst);
    assert!(flat.contains(&squash(", by 11 July 2026,")), "the deadline as a long date");
    assert!(flat.contains(&squash("recommendations in paras. 34 (d) and 40")));
    assert!(flat.contains(&squash(
        "Three of our recommendations are reflected in the paragraphs selected for follow-up: R4, R6 and R7."
    )));
    let json: serde_json::Value = serde_json::from_str(&p.rendered.json).unwrap();
    assert_eq!(json["follow_up"]["deadline"], "2026-07-11");
    assert_eq!(
        json["follow_up"]["recommendations"],
        serde_json::json!(["halt-torture", "border-asylum-referral", "non-refoulement"])
    );
    let follow: Vec<bool> =
        json["rows"].as_array().unwrap().iter().map(|r| r["follow_up"].as_bool().unwrap()).collect();
    assert_eq!(follow.iter().filter(|f| **f).count(), 3);
}

#[test]
fn hostile_text_comes_out_literally() {
    let (_tmp, dir) = example_copy();
    let path = dir.join("assessment.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen(
        "title: \"The UN Human Rights Committee",
        "title: \"#read(\\\"/etc/passwd\\\") $100 <b>50%</b> @ref = x // y The UN Human Rights Committee",
        1,
    );
    let text = text.replacen(
        "  - recommendation: detention-statistics\n    reflected: not-reflected\n    comment: >-\n",
        "  - recommendation: detention-statistics\n    reflected: not-reflected\n    comment: >-\n      [link](javascript:alert(2)) a_b*c* #set page(width: 1cm) <script>alert(1)</script>\n",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let co = dir.join("concluding-observations.yaml");
    let text = std::fs::read_to_string(&co).unwrap();
    std::fs::write(
        &co,
        text.replacen("heading: Torture and ill-treatment", "heading: \"Torture ]) #emph[x] <em>\"", 1),
    )
    .unwrap();
    let out = dir.join("output");
    let outcome = match brief::run(&dir, Some(&out), amicus::compile::PdfStandardChoice::default()) {
        Ok(o) => o,
        Err(f) => panic!("hostile text broke the brief:\n{}", amicus::diag::render_short(&f.diagnostics)),
    };
    common::assert_conforms("the hostile brief.pdf", &std::fs::read(&outcome.pdf).unwrap(), &["ua1"]);
    let html = std::fs::read_to_string(&outcome.html).unwrap();
    assert!(!html.contains("<script>"), "raw HTML passed into the page");
    assert!(!html.contains("<b>50%"), "raw HTML passed into the page");
    assert!(!html.contains("href=\"javascript:"), "a script link passed into the page");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;")
            || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
    assert!(xml(&html).is_ok(), "the page stays well-formed");
    let pdf = common::pdf_text(&std::fs::read(&outcome.pdf).unwrap());
    let flat: String = pdf.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(html.contains("Torture ]) #emph[x] &lt;em&gt;"), "the CO heading is not escaped in the page");
    for literal in [
        "#read(",
        "$100",
        "<b>50%</b>",
        "@ref",
        "<script>alert(1)</script>",
        "#set page(width: 1cm)",
        "Torture ]) #emph[x] <em>",
    ] {
        assert!(flat.contains(literal), "`{literal}` is not printed literally in the PDF");
    }
}

#[test]
fn without_co_or_assessment_the_brief_says_what_to_run() {
    let (tmp, dir) = example_copy();
    std::fs::remove_file(dir.join("concluding-observations.yaml")).unwrap();
    std::fs::remove_file(dir.join("assessment.yaml")).unwrap();
    let failure =
        brief::run(&dir, None, amicus::compile::PdfStandardChoice::None).expect_err("no CO and no assessment");
    // Paths in messages are the folder as given; drop the temporary part for the golden file.
    let prefix = format!("{}/", tmp.path().display());
    golden(
        &root().join("tests/golden/brief/missing-files.txt"),
        &amicus::diag::render_short(&failure.diagnostics).replace(&prefix, ""),
    );
}

#[test]
fn invalid_assessments_give_located_errors() {
    let fixtures = root().join("tests/fixtures/brief");
    let mut names: Vec<String> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    names.sort();
    assert!(names.len() >= 5, "the invalid-assessment fixtures are missing");
    for name in names {
        let (tmp, dir) = example_copy();
        std::fs::copy(fixtures.join(&name), dir.join("assessment.yaml")).unwrap();
        let out = run_in(tmp.path(), &["check", "--diagnostic-format", "short", "kazakhstan-ccpr-2025"]);
        assert_eq!(out.status.code(), Some(1), "{name}: check should fail");
        let errors: String =
            text(&out.stdout).lines().filter(|l| l.contains(": error: ")).map(|l| format!("{l}\n")).collect();
        golden(&root().join("tests/golden/brief").join(name.replace(".yaml", ".errors.txt")), &errors);
    }
}

#[test]
fn the_pdf_meets_pdf_ua_1() {
    // Tagged PDF is always on; the brief also meets PDF/UA-1 (title, language, structure),
    // with and without PDF/A-2a.
    let p = prepared(&example());
    let templates = amicus::writers::template::Templates::for_folder(&example());
    let date = compile::Date::parse("2025-09-15").unwrap();
    let job = compile::Job {
        main_name: "brief.typ",
        main: p.rendered.typst,
        files: amicus::pipeline::output::library_files(&templates),
        date,
    };
    let compiled = compile::compile(&job).unwrap_or_else(|d| panic!("{d:?}"));
    assert!(compiled.warnings.is_empty(), "Typst warnings: {:?}", compiled.warnings);
    for standard in [compile::PdfStandardChoice::Ua1, compile::PdfStandardChoice::A2aUa1] {
        let settings = compile::PdfSettings { ident: "amicus/test/brief".into(), date, standard };
        if let Err(d) = compile::export_pdf(&compiled.document, &settings) {
            panic!("not {standard}: {:?}", d.iter().map(|x| &x.message).collect::<Vec<_>>());
        }
    }
}

/// The 15-recommendation test case on a real review (CERD/C/URY/CO/21-23).
fn uruguay() -> PathBuf {
    root().join("tests/fixtures/followup/uruguay-cerd-2016")
}

#[test]
fn fifteen_recommendations_on_a_real_review_fit_in_eight_pages_and_lose_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let outcome = match brief::run(&uruguay(), Some(&out), amicus::compile::PdfStandardChoice::None) {
        Ok(o) => o,
        Err(f) => panic!("the brief failed:\n{}", amicus::diag::render_short(&f.diagnostics)),
    };
    assert!(outcome.pages <= 8, "15 recommendations in at most 8 pages, got {}", outcome.pages);
    let p = prepared(&uruguay());
    let flat = squash(&common::pdf_text(&std::fs::read(&outcome.pdf).unwrap()));
    // Every recommendation, every comment and every ask is printed.
    for f in &p.loaded.submission.findings {
        for r in &f.recommendations {
            assert!(flat.contains(&squash(&r.text)), "recommendation `{}` is missing", r.id);
        }
    }
    let a = p.loaded.assessment.as_ref().unwrap();
    for e in &a.recommendations {
        if let Some(c) = &e.comment {
            assert!(flat.contains(&squash(&c.text)), "the comment on `{}` is missing", e.recommendation);
        }
    }
    for ask in a.asks.iter().flat_map(|x| x.state.iter().chain(&x.committee)) {
        assert!(flat.contains(&squash(&ask.ask)), "the ask `{}` is missing", ask.ask);
    }
    // Each CO paragraph cited is quoted once at most: a 140-word paragraph is not repeated.
    let para13 = "effective participation by persons of African descent, persons of indigenous origin";
    assert_eq!(flat.matches(&squash(para13)).count(), 1);
    // 17 (b) is quoted under R6 and referred to under R7.
    assert_eq!(flat.matches(&squash("operates as an effective and independent mechanism")).count(), 1);
    assert!(flat.contains(&squash("Recommendation, item (b) of para. 17 Quoted above, under R6")));
    // The lead-in of paragraph 26 once for two items cited apart.
    assert!(flat.contains(&squash("Recommendation, items (b)–(c) of para. 26")));
    // A concern is labelled as one.
    assert!(flat.contains(&squash("Concern, para. 33")));
    // Excerpts are printed as chosen, not the whole paragraph.
    assert!(
        flat.contains(&squash("urges the State party to include in its legislation a clear and explicit prohibition"))
    );
    assert!(!flat.contains(&squash("inasmuch as the latter is not applied directly")), "para. 11 quoted whole");
    // What the committee singled out, with the deadline.
    assert!(flat.contains(&squash("report due by 5 December 2017")));
    assert!(flat.contains(&squash("particular importance of the recommendations in paras. 11, 23, 32 and 34")));
    // Key results come first.
    let key = flat.find("keyresults").unwrap();
    assert!(key < flat.find("introduction").unwrap());
}

#[test]
fn the_spreadsheet_is_a_real_workbook() {
    let p = prepared(&uruguay());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(p.rendered.xlsx.clone())).expect("brief.xlsx is a zip");
    let mut read = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap_or_else(|_| panic!("no {name}")), &mut text)
            .unwrap();
        text
    };
    let sheet = read("xl/worksheets/sheet1.xml");
    let strings = read("xl/sharedStrings.xml");
    let workbook = read("xl/workbook.xml");
    assert!(workbook.contains("name=\"Matrix\"") && workbook.contains("name=\"About\""), "{workbook}");
    assert!(sheet.contains("state=\"frozen\"") && sheet.contains("ySplit=\"1\""), "header row frozen");
    assert!(sheet.contains("<autoFilter ref=\"A1:"), "filters");
    assert!(sheet.contains("<cols>"), "column widths");
    assert!(sheet.contains("type=\"list\"") && sheet.contains("fully,partially,not-reflected,pending"), "status list");
    for column in amicus::brief::matrix::COLUMNS {
        assert!(strings.contains(&format!(">{column}<")), "no header {column}");
    }
    assert!(strings.contains("Candombe"), "the text, accents and all");
    assert!(strings.contains("Coalición Afrouruguaya"));
    // One row per recommendation and paragraph, as in the CSV.
    let csv_rows = parse_csv(&p.rendered.csv).len();
    assert_eq!(sheet.matches("<row ").count(), csv_rows + 1);
    // The same input gives the same bytes.
    assert_eq!(prepared(&uruguay()).rendered.xlsx, p.rendered.xlsx);
}

#[test]
fn the_csv_opens_in_excel_with_its_accents() {
    let p = prepared(&uruguay());
    assert!(p.rendered.csv.starts_with('\u{feff}'), "a UTF-8 byte-order mark");
    let rows = parse_csv(p.rendered.csv.trim_start_matches('\u{feff}'));
    assert!(rows.iter().any(|r| r["organisations"].contains("Coalición")));
    let important: Vec<&str> =
        rows.iter().filter(|r| r["particular_importance"] == "true").map(|r| r["paragraph"].as_str()).collect();
    assert_eq!(important, ["34 (d)", "11", "11", "34 (c)", "34 (a)", "23 (a)"]);
}

#[test]
fn dates_that_do_not_fit_together_are_warned_about() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("uruguay");
    copy_dir(&uruguay(), &dir);
    let co = dir.join("concluding-observations.yaml");
    let text = std::fs::read_to_string(&co).unwrap();
    std::fs::write(
        &co,
        text.replace("published: 2017-01-12", "published: 2016-01-12")
            .replace("adopted: 2016-12-05", "adopted: 2016-12-05\nsession: 91"),
    )
    .unwrap();
    let sub = dir.join("submission.yaml");
    let text = std::fs::read_to_string(&sub).unwrap();
    std::fs::write(&sub, text.replace("end: 2016-12-09", "end: 2016-12-02")).unwrap();
    let out = run_in(tmp.path(), &["check", "--diagnostic-format", "short", "uruguay"]);
    let stdout = text_of_output(&out.stdout);
    assert!(
        stdout.contains("concluding-observations.yaml:14:12: warning: the CO are dated 12 January 2016, before they were adopted on 5 December 2016"),
        "{stdout}"
    );
    assert!(
        stdout
            .contains("warning: adopted on 5 December 2016, outside the 91st session (21 November – 2 December 2016)"),
        "{stdout}"
    );
}

/// Output as text.
fn text_of_output(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The text of each page of a PDF (`pdftotext`, pages parted by form feeds), with white space
/// taken out.
fn pdf_pages(pdf: &Path) -> Vec<String> {
    let o = std::process::Command::new("pdftotext").arg(pdf).arg("-").output().expect("pdftotext (poppler-utils)");
    assert!(o.status.success(), "pdftotext: {}", text(&o.stderr));
    text(&o.stdout).split('\u{c}').map(|p| p.chars().filter(|c| !c.is_whitespace()).collect()).collect()
}

/// The words of a PDF as `pdftotext` parts them (a word hyphenated at a line end is two).
fn pdf_words(pdf: &Path) -> BTreeMap<String, usize> {
    let o = std::process::Command::new("pdftotext").arg(pdf).arg("-").output().expect("pdftotext (poppler-utils)");
    let mut words = BTreeMap::new();
    for w in text(&o.stdout).split_whitespace() {
        *words.entry(w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned()).or_insert(0) += 1;
    }
    words
}

#[test]
fn the_table_of_counts_stays_on_one_page_and_prints_its_total_once() {
    // The title grows line by line, pushing the table of counts down the first page until it
    // would break across the page end: it moves whole to the next page instead, and its total
    // row is printed once, under the last finding (a repeated table footer printed it at the
    // foot of the first page and again at the end).
    let (tmp, dir) = example_copy();
    let assessment = std::fs::read_to_string(dir.join("assessment.yaml")).unwrap();
    let title = "title: \"The UN Human Rights Committee and Kazakhstan’s treatment of migrants: what the 2025 review achieved\"";
    assert!(assessment.contains(title));
    let mut moved = 0;
    for k in 0..7 {
        let longer =
            format!("title: \"{}what the review achieved\"", "Migrants before the Committee, ".repeat(2 + 2 * k));
        std::fs::write(dir.join("assessment.yaml"), assessment.replace(title, &longer)).unwrap();
        let out = tmp.path().join(format!("out{k}"));
        let outcome = match brief::run(&dir, Some(&out), compile::PdfStandardChoice::None) {
            Ok(o) => o,
            Err(f) => panic!("the brief failed:\n{}", amicus::diag::render_short(&f.diagnostics)),
        };
        let pages = pdf_pages(&outcome.pdf);
        let on = |needle: &str| -> Vec<usize> {
            pages.iter().enumerate().filter(|(_, p)| p.contains(needle)).map(|(i, _)| i).collect()
        };
        let caption = on("Table1:Ourrecommendationsbyfinding");
        let first = on("Targetingofmigrantworkers");
        let last = on("Non-refoulement,asylumandextradition");
        let total: usize = pages.iter().map(|p| p.matches("Allrecommendations").count()).sum();
        assert_eq!(caption.len(), 1, "title {k}: {caption:?}");
        assert_eq!(total, 1, "title {k}: the total row is printed {total} times");
        let total_page = on("Allrecommendations");
        assert_eq!(total_page, caption, "title {k}: the total row is not on the caption's page");
        assert!(first.contains(&caption[0]) && last.contains(&caption[0]), "title {k}: the table is split");
        moved += usize::from(caption[0] > 0);
    }
    assert!(moved > 0 && moved < 7, "the table moved to the second page {moved} times of 7");
}

#[test]
fn the_briefs_tables_are_numbered_in_its_language_and_their_cells_are_not_hyphenated() {
    // "Tableau 1 : …" over each table, in the PDF and the Word document alike (the
    // catalogues' words), each column of the Word tables as wide as what it holds, the table
    // of counts kept on one page, and no word of a table cell hyphenated at a line end.
    let cases = [
        (
            "submissions/tanelie-cat-2025",
            ["Tableau\u{a0}1\u{a0}: Nos recommandations", "Tableau\u{a0}2\u{a0}: Nos recommandations"],
        ),
        (
            "submissions/valdoria-cedaw-2025",
            ["Cuadro\u{a0}1: Nuestras recomendaciones", "Cuadro\u{a0}2: Nuestras recomendaciones"],
        ),
        ("tests/fixtures/chinese", ["表1：按问题列出", "表2：我们的建议"]),
        (
            "tests/fixtures/followup/uruguay-cerd-2016",
            ["Table\u{a0}1: Our recommendations", "Table\u{a0}2: Our recommendations"],
        ),
    ];
    let tmp = tempfile::tempdir().unwrap();
    for (n, (folder, captions)) in cases.iter().enumerate() {
        let out = tmp.path().join(n.to_string());
        let outcome = match brief::run(&root().join(folder), Some(&out), compile::PdfStandardChoice::None) {
            Ok(o) => o,
            Err(f) => panic!("the brief failed:\n{}", amicus::diag::render_short(&f.diagnostics)),
        };
        let pages = pdf_pages(&outcome.pdf).concat();
        let html = std::fs::read_to_string(&outcome.html).unwrap();
        for caption in captions {
            let squeezed: String = caption.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(pages.contains(&squeezed), "{folder}: {caption} is not in the PDF");
            assert!(html.contains(caption), "{folder}: {caption} is not in the web page");
            // Over the table's scrolling box, not inside it: a phone's screen would cut it.
            let at = html.find(caption).unwrap();
            let (before, after) = (&html[..at], &html[at..]);
            assert!(before.ends_with("-caption\">"), "{folder}: {caption} is not a caption of its own");
            assert!(before[before.rfind('<').unwrap()..].starts_with("<figcaption"), "{folder}: {caption}");
            let (wrap, table) = (after.find("class=\"table-wrap\"").unwrap(), after.find("<table").unwrap());
            assert!(wrap < table, "{folder}: {caption} is inside the scrolling box");
        }
        // Word: each caption over its table.
        let docx = std::fs::read(&outcome.docx).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        let text_of = |n: roxmltree::Node| -> String {
            n.descendants().filter(|e| e.has_tag_name((w, "t"))).filter_map(|e| e.text()).collect()
        };
        let tables: Vec<_> = doc.descendants().filter(|e| e.has_tag_name((w, "tbl"))).collect();
        // The key figures, the table of counts and the annex.
        assert_eq!(tables.len(), 3, "{folder}");
        for (table, caption) in tables[1..].iter().zip(captions) {
            let before = table.prev_sibling_element().unwrap();
            assert!(text_of(before).starts_with(caption), "{folder}: {} over the table", text_of(before));
            assert!(before.descendants().any(|e| e.has_tag_name((w, "keepNext"))), "{folder}: caption kept");
        }
        // The table of counts: the column of findings wider than that of the numbers made (not
        // equal widths); every row but the total kept with the next (the table is never split,
        // so the total is never alone).
        let widths: Vec<u32> = tables[1]
            .descendants()
            .filter(|e| e.has_tag_name((w, "gridCol")))
            .filter_map(|e| e.attribute((w, "w"))?.parse().ok())
            .collect();
        assert!(widths[1] < widths[0], "{folder}: {widths:?}");
        let rows: Vec<_> = tables[1].children().filter(|e| e.has_tag_name((w, "tr"))).collect();
        for (i, row) in rows.iter().enumerate() {
            let kept = row
                .descendants()
                .filter(|e| e.has_tag_name((w, "p")))
                .all(|p| p.descendants().any(|e| e.has_tag_name((w, "keepNext"))));
            assert_eq!(kept, i + 1 < rows.len(), "{folder}: row {i}");
        }
    }
    // Hyphenation: a finding's title of long words, which the annex's narrow column wraps, is
    // printed with its words whole (no line of a cell ends with part of a word and a hyphen).
    let dir = tmp.path().join("long-words");
    copy_dir(&uruguay(), &dir);
    let yaml = std::fs::read_to_string(dir.join("submission.yaml")).unwrap();
    let long = "Antidiscriminatory institutionalisation notwithstanding intersectionality";
    let yaml =
        yaml.replace("title: Data on persons of African descent and indigenous peoples", &format!("title: {long}"));
    std::fs::write(dir.join("submission.yaml"), yaml).unwrap();
    let outcome = match brief::run(&dir, Some(&tmp.path().join("long-out")), compile::PdfStandardChoice::None) {
        Ok(o) => o,
        Err(f) => panic!("the brief failed:\n{}", amicus::diag::render_short(&f.diagnostics)),
    };
    let words = pdf_words(&outcome.pdf);
    let o = std::process::Command::new("pdftotext").arg(&outcome.pdf).arg("-").output().unwrap();
    let printed = text(&o.stdout);
    for word in long.split_whitespace() {
        assert!(words.contains_key(word), "`{word}` is not printed whole");
        for cut in 3..word.len() - 2 {
            for hyphen in ['\u{ad}', '-'] {
                let part = format!("{}{hyphen}\n{}", &word[..cut], &word[cut..]);
                assert!(!printed.contains(&part), "`{word}` is hyphenated: {part:?}");
            }
        }
    }
}

/// A web page's text: its tags taken out.
fn without_tags(html: &str) -> String {
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
    out
}

/// The text of the paragraphs of a Word document's body, and whether each heading of levels
/// 1–2 has its numbering taken off (`w:numId` 0).
fn word_text_and_headings(docx: &Path) -> (String, Vec<(String, bool)>) {
    let bytes = std::fs::read(docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let text_of = |n: roxmltree::Node| -> String {
        n.descendants().filter(|e| e.has_tag_name((w, "t"))).filter_map(|e| e.text()).collect()
    };
    let mut all = String::new();
    let mut headings = Vec::new();
    for p in doc.descendants().filter(|e| e.has_tag_name((w, "p"))) {
        all.push_str(&text_of(p));
        all.push('\n');
        let style = p.descendants().find(|e| e.has_tag_name((w, "pStyle"))).and_then(|e| e.attribute((w, "val")));
        if matches!(style, Some("Heading1" | "Heading2")) {
            let off = p.descendants().any(|e| e.has_tag_name((w, "numId")) && e.attribute((w, "val")) == Some("0"));
            headings.push((text_of(p), off));
        }
    }
    (all, headings)
}

#[test]
fn urgent_measures_are_called_so_not_the_follow_up_procedure() {
    // The CRPD's follow-up paragraph since about 2019 draws attention to recommendations
    // needing urgent measures, with no procedure and no date: import-co reads it as
    // `kind: urgent-measures`, and the brief says so wherever it would say "selected for
    // follow-up", in the PDF, the web page and the Word document.
    let (tmp, dir) = example_copy();
    let path = dir.join("concluding-observations.yaml");
    let co = std::fs::read_to_string(&path).unwrap();
    assert!(!co.contains("\nfollow_up:"));
    std::fs::write(
        &path,
        format!("{co}\nfollow_up:\n  paragraph: 47\n  kind: urgent-measures\n  selected: [\"34 (d)\", \"40\"]\n"),
    )
    .unwrap();
    let outcome = match brief::run(&dir, Some(&tmp.path().join("out")), compile::PdfStandardChoice::None) {
        Ok(o) => o,
        Err(f) => panic!("the brief failed:\n{}", amicus::diag::render_short(&f.diagnostics)),
    };
    let pdf = squash(&common::pdf_text(&std::fs::read(&outcome.pdf).unwrap()));
    let html = squash(&without_tags(&std::fs::read_to_string(&outcome.html).unwrap()));
    let (word, headings) = word_text_and_headings(&outcome.docx);
    let word = squash(&word);
    for (format, text) in [("PDF", &pdf), ("web page", &html), ("Word", &word)] {
        for said in [
            "Urgent measures: paras. 34 (d) and 40. Ours among them",
            "on which urgent measures are needed",
            "Among the recommendations on which the Committee calls for urgent measures (para. 34 (d))",
            "urgent measures: 34 (d)",
        ] {
            assert!(text.contains(&squash(said)), "{format}: `{said}` is missing");
        }
        for not in ["Selected for follow-up", "Selected for the follow-up procedure", "follow-up: 34 (d)"] {
            assert!(!text.contains(&squash(not)), "{format}: `{not}` is printed");
        }
        // No possessive on the Committee's name.
        assert!(!text.contains(&squash("Committee’s concluding observations")), "{format}");
    }
    // The Word brief's sections are not numbered, as in the PDF.
    assert!(headings.len() > 8 && headings.iter().all(|(_, off)| *off), "{headings:?}");
}

#[test]
fn amicus_own_words_follow_the_script_colons_and_counts() {
    // Chinese: no space after a full-width colon of Amicus's own phrases (the colon holds
    // its space); Arabic: counts of recommendations in words, as in the other languages.
    let tmp = tempfile::tempdir().unwrap();
    let chinese = match brief::run(
        &root().join("tests/fixtures/chinese"),
        Some(&tmp.path().join("zh")),
        compile::PdfStandardChoice::None,
    ) {
        Ok(o) => o,
        Err(f) => panic!("the brief failed:\n{}", amicus::diag::render_short(&f.diagnostics)),
    };
    let typ = std::fs::read_to_string(tmp.path().join("zh/brief.typ")).unwrap();
    let html = std::fs::read_to_string(&chinese.html).unwrap();
    let (word, _) = word_text_and_headings(&chinese.docx);
    for (format, text) in [("Typst", &typ), ("web page", &html), ("Word", &word)] {
        assert!(text.contains('：'), "{format}: no full-width colon");
        assert!(!text.contains("： ") && !text.contains("：\u{a0}"), "{format}: a space after ：");
    }
    let pdf = pdf_pages(&chinese.pdf).concat();
    assert!(pdf.contains("第45(a)段（完全反映）") || pdf.contains("：R1"), "{pdf}");

    let arabic = match brief::run(
        &root().join("tests/fixtures/arabic"),
        Some(&tmp.path().join("ar")),
        compile::PdfStandardChoice::None,
    ) {
        Ok(o) => o,
        Err(f) => panic!("the brief failed:\n{}", amicus::diag::render_short(&f.diagnostics)),
    };
    let html = without_tags(&std::fs::read_to_string(&arabic.html).unwrap());
    let (word, _) = word_text_and_headings(&arabic.docx);
    let pdf = squash(&pdf_pages(&arabic.pdf).concat());
    for (format, text) in [("web page", squash(&html)), ("Word", squash(&word)), ("PDF", pdf)] {
        for said in ["من بين توصياتنا، وعددها اثنتان،", "انعكست واحدة منها", "بعد: واحدة."]
        {
            assert!(text.contains(&squash(said)), "{format}: `{said}` is missing");
        }
    }
}
