//! The parts every real submission has, read back from the PDF the real CLI builds from the
//! second example (`submissions/verdania-crc-2025`): cross-references by id, logos, figures
//! and tables with numbered captions and their lists, an annex numbered apart and outside
//! the word count, and a list of abbreviations; the PDF stays PDF/UA-1.

mod common;

use common::{copy_dir, root, run_in, text};
use std::path::Path;
use std::sync::OnceLock;

const EXAMPLE: &str = "submissions/verdania-crc-2025";

/// The example built once: (PDF bytes, generated Typst, what `build` printed).
fn built() -> &'static (Vec<u8>, String, String) {
    static BUILT: OnceLock<(Vec<u8>, String, String)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let work = tempfile::tempdir().unwrap();
        copy_dir(&root().join(EXAMPLE), &work.path().join("v"));
        let o = run_in(work.path(), &["build", "v", "-o", "out"]);
        let printed = format!("{}{}", text(&o.stdout), text(&o.stderr));
        assert!(o.status.success(), "build failed:\n{printed}");
        let pdf = std::fs::read(work.path().join("out/report.pdf")).unwrap();
        let typ = std::fs::read_to_string(work.path().join("out/report.typ")).unwrap();
        (pdf, typ, printed)
    })
}

/// The PDF's text without white space (see `tests/typography.rs`: pdf-extract's spaces are
/// not the layout's).
fn pdf_text() -> String {
    sq(&common::pdf_text(&built().0))
}

/// Text without white space.
fn sq(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn cross_references_print_number_and_title() {
    let t = pdf_text();
    // Sections: 1 organisations, 2 summary, 3 methodology, 4 street situations, 5 care.
    assert!(t.contains(&sq("described in Section 5, Violence in residential care, where")), "{t}");
    assert!(t.contains(&sq("Our recommendation R3 would give")), "{t}");
    assert!(t.contains(&sq("Annex I, How we gathered our information describes")), "{t}");
    assert!(t.contains(&sq("their figures are those of Section 4, Children in street situations.")), "{t}");
    // The consolidated list names each finding by number and title, not "Section 4".
    let list = &t[t.rfind(&sq("Consolidated list of recommendations")).unwrap()..];
    assert!(list.contains(&sq("4 Children in street situations")), "{list}");
    assert!(list.contains(&sq("5 Violence in residential care")), "{list}");
    // They are written as links to the headings' labels, never as text typed by hand.
    let typ = &built().1;
    assert!(typ.contains("#finding-ref(\"finding-residential-care\")[Violence in residential care];"), "{typ}");
    assert!(typ.contains("#rec-ref(\"rec-independent-complaints\", 3);"), "{typ}");
    assert!(typ.contains("#annex-ref(\"annex-interviews\")[How we gathered our information];"), "{typ}");
}

#[test]
fn figures_and_tables_are_numbered_with_captions_and_listed() {
    let t = pdf_text();
    assert!(t.contains(&sq("Table 1: Children removed from public spaces in 2024, by department")), "{t}");
    assert!(t.contains(&sq("Figure 1: Children removed and children assessed, 2024")), "{t}");
    // Listed after the contents, before the first section.
    let front = &t[..t.rfind(&sq("1 About the submitting organisations")).unwrap()];
    assert!(front.contains(&sq("List of figures")), "{front}");
    assert!(front.contains(&sq("List of tables")), "{front}");
    let lists = &front[front.find(&sq("List of figures")).unwrap()..];
    assert!(lists.contains(&sq("Figure 1 Children removed and children assessed, 2024")), "{lists}");
    assert!(lists.contains(&sq("Table 1 Children removed from public spaces in 2024, by department")), "{lists}");
    assert!(lists.contains(&sq("Table I.1 Children interviewed, by department")), "{lists}");
    // The caption paragraph is not printed again as text.
    assert!(!t.contains(&sq("Table: Children")), "{t}");
}

#[test]
fn the_annex_is_numbered_apart_and_outside_the_word_count() {
    let t = pdf_text();
    let sources = t.rfind(&sq("Sources")).unwrap();
    let annex = t.rfind(&sq("Annex I: How we gathered our information")).expect("the annex heading");
    assert!(annex > sources, "the annex comes after the sources");
    let rest = &t[annex..];
    assert!(rest.contains(&sq("I.1 Requests for information")), "{rest}");
    assert!(rest.contains(&sq("Table I.1: Children interviewed, by department")), "{rest}");
    // In the table of contents.
    assert!(t[..sources].contains(&sq("Annex I: How we gathered our information")), "not in the contents");
    // The build's word count shows the annex on a line of its own, not counted.
    let printed = &built().2;
    let annexes = printed
        .split(" · ")
        .find_map(|p| p.trim().strip_prefix("annexes "))
        .unwrap_or_else(|| panic!("no annexes in the word count: {printed}"));
    let n: usize = annexes.split_whitespace().next().unwrap().replace(',', "").parse().unwrap();
    assert!(n > 120, "the annex has some 150 words: {printed}");
    assert!(annexes.contains("not counted against the limit"), "{printed}");
}

#[test]
fn abbreviations_are_listed_sorted_after_the_contents() {
    let t = pdf_text();
    let at = t.find(&sq("Abbreviations")).expect("the list of abbreviations");
    let list = &t[at..];
    let crc = list.find(&sq("CRC Convention on the Rights of the Child")).expect("CRC");
    let cvdn = list.find(&sq("CVDN Coalición Verdaniense")).expect("CVDN");
    assert!(crc < cvdn, "sorted: {list}");
    assert!(at < t.rfind(&sq("1 About the submitting organisations")).unwrap(), "before the first section");
}

#[test]
fn images_reach_typst_only_under_names_of_our_own_and_the_pdf_stays_accessible() {
    let (pdf, typ, _) = built();
    // The generated Typst never holds the user's paths: the World serves the bytes.
    for path in ["figures/removals.svg", "logos/cvdn.svg", "logos/ninez-libre.png"] {
        assert!(!typ.contains(path), "{path} is in the generated Typst");
    }
    assert_eq!(typ.matches("\"/images/").count(), 3, "the chart and two logos");
    // Logos and the chart carry their descriptions (the validator below requires them).
    assert!(typ.contains("\"Logo of Niñez Libre\""), "the logo's description: {typ}");
    assert!(typ.contains("\"Bar chart: in 2024, 1,140 children"), "the chart's description");
    common::assert_conforms("the Verdania report", pdf, &["ua1"]);
}

#[test]
fn a_public_build_of_a_finding_left_out_makes_a_cross_reference_to_it_an_error() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("v");
    copy_dir(&root().join(EXAMPLE), &dir);
    let yaml = std::fs::read_to_string(dir.join("submission.yaml")).unwrap();
    let yaml = yaml.replace(
        "    body: {file: findings/care.md}\n",
        "    body: {file: findings/care.md}\n    confidential: true\n",
    );
    std::fs::write(dir.join("submission.yaml"), yaml).unwrap();
    let o = run_in(work.path(), &["check", "--diagnostic-format", "short", "v"]);
    let out = text(&o.stdout);
    assert!(out.contains("findings/street.md:") && out.contains("points to a finding marked confidential"), "{out}");
    assert!(!Path::new(&dir.join("out")).exists());
}

#[test]
fn the_fixed_words_are_in_the_reports_language() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("v");
    copy_dir(&root().join(EXAMPLE), &dir);
    let yaml = std::fs::read_to_string(dir.join("submission.yaml")).unwrap();
    std::fs::write(dir.join("submission.yaml"), yaml.replace("language: en", "language: fr")).unwrap();
    let o = run_in(work.path(), &["build", "v", "-o", "out"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let t = sq(&common::pdf_text(&std::fs::read(work.path().join("out/report.pdf")).unwrap()));
    for words in ["Liste des figures", "Liste des tableaux", "Sigles et abréviations", "Tableau I.1", "Figure 1"] {
        assert!(t.contains(&sq(words)), "{words}: {t}");
    }
    // French puts a (no-break) space before the colon.
    assert!(t.contains(&sq("Annexe I : How we gathered our information")), "{t}");
    assert!(t.contains(&sq("Annexe I, How we gathered our information describes")), "{t}");
}
