//! The report's fixed words follow `language:`: built through the real CLI in French, Spanish
//! and Russian, the PDF holds the catalogue's words and none of the English ones.

mod common;

use amicus::doc::typography::Quotes;
use amicus::i18n::{Arg, Words, yes};
use common::{copy_dir, golden, pdf_text, root, run_in, text, transcript};

/// Lower case (the cover sets some lines in capitals), without whitespace and with words
/// hyphenated across a line joined again (the PDF reader gives such a break as "-\n" or as a
/// space), so that phrases can be looked for in the text of a laid-out page.
fn flat(text: &str) -> String {
    text.replace("-\n", "").replace('\u{ad}', "").split_whitespace().collect::<String>().to_lowercase()
}

/// Builds the base fixture in `language` and returns the PDF's text, flattened.
fn build_in(language: &str) -> String {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/base"), &work.path().join("s"));
    let path = work.path().join("s/submission.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap();
    assert!(yaml.contains("\nlanguage: en\n"));
    std::fs::write(&path, yaml.replace("\nlanguage: en\n", &format!("\nlanguage: {language}\n"))).unwrap();
    let out = run_in(work.path(), &["build", "s", "-o", "out"]);
    assert!(out.status.success(), "{}\n{}", text(&out.stdout), text(&out.stderr));
    flat(&pdf_text(&std::fs::read(work.path().join("out/report.pdf")).unwrap()))
}

/// The fixed phrases the base fixture prints, in one language.
fn phrases(words: &Words) -> Vec<String> {
    let code = Arg::Text("CCPR");
    let no = yes(false);
    [
        words.with("cover-kicker", &[("code", code), ("joint", no)]),
        words.with("cover-session", &[("n", Arg::Number(144))]),
        words.date_range("2025-06-23", "2025-07-25"),
        words.long_date("2025-05-26"),
        words.with("stage-review", &[("state", Arg::Text("Kazakhstan"))]),
        words.with("statement-public", &[("upr", no)]),
        words.get("submitted-by"),
        words.with("about-organisations", &[("plural", no)]),
        words.get("executive-summary"),
        words.get("main-recommendations"),
        format!(
            "{} {}",
            words.articles(&[(2, None, None), (9, None, None), (14, None, None)]),
            words.with("treaty-of", &[("code", code)])
        ),
        words.get("suggested-questions"),
        words.with("recommendations-intro", &[("upr", no)]),
        words.get("consolidated-recommendations"),
        words.get("column-recommendation"),
        words.get("sources"),
        words.with("page-of", &[("page", Arg::Number(2)), ("total", Arg::Number(3))]),
    ]
    .iter()
    // As printed: with the language's typography (French "144ᵉ", no-break spaces).
    .map(|p| flat(&amicus::doc::typography::typographic_quotes(p, Quotes::for_language(words.code()), None)))
    .collect()
}

#[test]
fn a_report_prints_its_fixed_words_in_its_language_and_no_english() {
    let english = phrases(&Words::new("en"));
    let shown = build_in("en");
    for phrase in &english {
        assert!(shown.contains(phrase.as_str()), "en: `{phrase}` is not in the PDF:\n{shown}");
    }
    for language in ["fr", "es", "ru"] {
        let shown = build_in(language);
        let ours = phrases(&Words::new(language));
        for phrase in &ours {
            assert!(shown.contains(phrase.as_str()), "{language}: `{phrase}` is not in the PDF:\n{shown}");
        }
        for phrase in english.iter().filter(|p| !ours.contains(p)) {
            // One-word headings may be the same word ("Sources"); sentences must not be.
            assert!(!shown.contains(phrase.as_str()), "{language}: English `{phrase}` leaked into the PDF:\n{shown}");
        }
    }
}

#[test]
fn a_language_without_a_catalogue_is_built_in_english_with_a_warning() {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/base"), &work.path().join("s"));
    let path = work.path().join("s/submission.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, yaml.replace("\nlanguage: en\n", "\nlanguage: pt\n")).unwrap();
    let out = run_in(work.path(), &["check", "s"]);
    let report = text(&out.stdout);
    assert!(
        report.contains("Amicus has no wording in `pt` yet: the cover, headings and labels will be printed in English"),
        "{report}"
    );
    assert!(report.contains("submission.yaml:11:"), "{report}");
}

/// Builds a folder (report and brief, when it has an assessment) through the real CLI and
/// returns the report's and the brief's text, flattened, and the brief's web page.
fn build_folder(folder: &std::path::Path, brief: bool) -> (String, String, String) {
    let work = tempfile::tempdir().unwrap();
    let name = folder.file_name().unwrap().to_str().unwrap().to_owned();
    copy_dir(folder, &work.path().join(&name));
    let _ = std::fs::remove_dir_all(work.path().join(&name).join("output"));
    let out = run_in(work.path(), &["build", &name, "-o", "out"]);
    assert!(out.status.success(), "{name}: {}\n{}", text(&out.stdout), text(&out.stderr));
    // The line `build` prints gives the pages and words in the submission's language.
    let yaml = std::fs::read_to_string(work.path().join(&name).join("submission.yaml")).unwrap();
    let language = yaml.lines().find_map(|l| l.strip_prefix("language: ")).unwrap_or("en");
    let words = Words::new(language);
    let wrote = text(&out.stdout);
    let first = wrote.lines().next().unwrap_or("");
    let pages =
        (1..100).map(|n| words.with("pages", &[("n", Arg::Number(n))])).find(|p| first.contains(&format!("({p}, ")));
    assert!(pages.is_some(), "{name}: no page count in {language} in `{first}`");
    let no_limit = words.with("words-no-limit", &[("counted", Arg::Number(0))]);
    let counted = no_limit.split('0').next().unwrap_or_default();
    assert!(first.contains(counted), "{name}: no `{counted}` in `{first}`");
    let report = flat(&pdf_text(&std::fs::read(work.path().join("out/report.pdf")).unwrap()));
    if !brief {
        return (report, String::new(), String::new());
    }
    let out = run_in(work.path(), &["brief", &name, "-o", "out"]);
    assert!(out.status.success(), "{name}: {}\n{}", text(&out.stdout), text(&out.stderr));
    let pdf = flat(&pdf_text(&std::fs::read(work.path().join("out/brief.pdf")).unwrap()));
    let html = std::fs::read_to_string(work.path().join("out/brief.html")).unwrap();
    (report, pdf, html)
}

/// Every phrase, flattened, is in `shown`.
fn assert_shows(what: &str, shown: &str, phrases: &[&str]) {
    for phrase in phrases {
        let phrase = flat(phrase);
        assert!(shown.contains(&phrase), "{what}: `{phrase}` is not in the PDF:\n{shown}");
    }
}

/// English the brief prints, which must not appear in a brief in another language.
const ENGLISH_BRIEF: &[&str] = &[
    "Follow-up brief",
    "Key results",
    "Our recommendations and the concluding observations",
    "Unaddressed issues",
    "What the Committee singled out",
    "Fully reflected",
    "Partially reflected",
    "Not reflected",
    "Our recommendation",
    "Concluding observations",
    "recommendations made",
    "Selected for the follow-up procedure",
    "of our",
    "page",
];

#[test]
fn the_french_example_reads_as_french_in_the_report_and_the_brief() {
    let (report, brief, html) = build_folder(&root().join("submissions/tanelie-cat-2025"), true);
    assert_shows(
        "report",
        &report,
        &[
            "Contribution conjointe au Comité contre la torture (CAT)",
            "83ᵉ session · 10–28 novembre 2025",
            "6 octobre 2025",
            "Pour l’examen de l’État partie : Tanélie — troisième rapport périodique (CAT/C/TNL/3)",
            "Articles 2 et 11 de la Convention contre la torture",
            "Articles 12, 13 et 14 de la Convention contre la torture",
            "Fait suite à CAT/C/TNL/CO/2, par. 10",
            "selon nous : non mise en œuvre",
            "Nous recommandons que le Comité exhorte l’État partie à :",
            "Liste récapitulative des recommandations",
            // A source dated to the month, in French.
            "Rapport annuel 2024 sur les lieux de privation de liberté, mars 2025.",
        ],
    );
    assert_shows(
        "brief",
        &brief,
        &[
            "Note de suivi · Comité contre la torture (CAT) · Tanélie",
            "15 décembre 2025",
            "Principaux résultats",
            "Sur nos sept recommandations, les observations finales en reprennent quatre intégralement et deux en partie, et n’en reprennent pas une.",
            "Articles 12, 13 et 14 · Deux recommandations : une reprise intégralement, une non reprise",
            "Reprise intégralement",
            "Recommandation, alinéa a) du par. 10",
            "CAT/C/TNL/CO/3, par. 10 a)",
            "Retenue pour la procédure de suivi (par. 10 a)) ; l’État partie doit en rendre compte d’ici au 28 novembre 2026.",
            "Questions non traitées",
            "Au paragraphe 40 de ses observations finales, le Comité a demandé à l’État partie de fournir, d’ici au 28 novembre 2026,",
            "adoptées par le Comité contre la torture le 26 novembre 2025 à sa 83ᵉ session et datées du 5 décembre 2025.",
            "Annexe : recommandations et observations finales",
        ],
    );
    for english in ENGLISH_BRIEF {
        let english = flat(english);
        assert!(!brief.contains(&english), "English `{english}` in the French brief:\n{brief}");
    }
    assert!(html.contains("<html lang=\"fr\" dir=\"ltr\">"), "{html}");
    assert!(html.contains("<h2 id=\"key-results\">Principaux résultats</h2>"), "{html}");
    // French punctuation in the web page: a thin no-break space before ; and a no-break space
    // before :, from the catalogue.
    assert!(html.contains("recommandations\u{a0}: "), "{html}");
    // And the text quoted from the concluding observations gets the same typography as in
    // the PDF: a typographic apostrophe, a no-break space before the colon.
    assert!(html.contains("L’État partie devrait\u{a0}:"), "{html}");
    assert!(brief.contains(&flat("L’État partie devrait\u{a0}:")), "{brief}");
}

#[test]
fn the_spanish_example_reads_as_spanish_in_the_report_and_the_brief() {
    let (report, brief, html) = build_folder(&root().join("submissions/valdoria-cedaw-2025"), true);
    assert_shows(
        "report",
        &report,
        &[
            "Contribución conjunta al Comité para la Eliminación de la Discriminación contra la Mujer (CEDAW)",
            "92º período de sesiones · 13–31 de octubre de 2025",
            "3 de septiembre de 2025",
            "Artículos 2, 5 y 16 de la Convención sobre la Eliminación de Todas las Formas de Discriminación contra la Mujer",
            "Artículo 12 de la Convención",
            "“Fui cuatro veces a la comisaría. La quinta vez fui al cementerio.”",
        ],
    );
    assert_shows(
        "brief",
        &brief,
        &[
            "Nota de seguimiento · Comité para la Eliminación de la Discriminación contra la Mujer (CEDAW) · Valdoria",
            "20 de noviembre de 2025",
            "Resultados principales",
            "De nuestras siete recomendaciones, las observaciones finales recogen cuatro plenamente y dos parcialmente, y no recogen una.",
            "Recogida parcialmente",
            "CEDAW/C/VDR/CO/9, párr. 25 a)",
            "Cuestiones no abordadas",
            "a más tardar el 7 de noviembre de 2027",
            "aprobadas por el Comité para la Eliminación de la Discriminación contra la Mujer el 29 de octubre de 2025 en su 92º período de sesiones",
        ],
    );
    for english in ENGLISH_BRIEF {
        let english = flat(english);
        assert!(!brief.contains(&english), "English `{english}` in the Spanish brief:\n{brief}");
    }
    assert!(html.contains("<html lang=\"es\" dir=\"ltr\">"), "{html}");
}

/// The text of a folder's report as Typst laid it out (its own text of the pages, in reading
/// order: right-to-left lines in logical order), flattened.
fn laid_out(folder: &std::path::Path) -> String {
    use amicus::compile;
    use amicus::load::prose as prepare;
    let loaded = amicus::load::load_folder(folder, amicus::load::Extras::None).expect("the folder loads");
    let prepared = prepare::prepare(&loaded);
    let job = compile::Job {
        main_name: "report.typ",
        main: amicus::report::render_report(&loaded, &prepared).expect("the report renders"),
        files: amicus::pipeline::output::library_files(&amicus::writers::template::Templates::for_folder(
            &loaded.folder,
        )),
        date: amicus::date::document_date(&loaded.submission.date),
    };
    let doc = compile::compile(&job).expect("the report compiles");
    let text = compile::document_text(&doc.document);
    if std::env::var_os("AMICUS_SHOW_TEXT").is_some() {
        eprintln!("{text}");
    }
    flat(&text)
}

#[test]
fn arabic_prints_right_to_left_with_its_own_words() {
    // Built through the CLI (the PDF is written and valid) ...
    build_folder(&root().join("tests/fixtures/arabic"), false);
    // ... and read back in logical order, as typed: Typst's own text of the laid-out pages,
    // with the runs of each right-to-left line read from the right.
    let report = laid_out(&root().join("tests/fixtures/arabic"));
    assert_shows(
        "report",
        &report,
        &[
            "تقرير مقدم إلى لجنة مناهضة التعذيب (CAT)",
            "6 تشرين الأول/أكتوبر 2025",
            "الضمانات القانونية الأساسية",
            "المادتان 2 و11 من اتفاقية مناهضة التعذيب",
            "نوصي بأن تحث اللجنة الدولة الطرف على ما يلي:",
            // A symbol and numbers inside Arabic text, in their places.
            "(CAT/C/XYZ/CO/2، الفقرة 10)",
            "من بين 74",
            "تنص المادة 65 من قانون الإجراءات الجنائية على أن المحامي لا يحضر إلا بعد مرور 24 ساعة.",
            // A footnote: the source's date, then its address.
            "التقرير السنوي 2024، المرصد العربي لأماكن الاحتجاز، 2025. https://orad.test/report-2024",
        ],
    );
}

#[cfg(feature = "cjk")]
#[test]
fn chinese_prints_with_the_embedded_font() {
    let (report, _, _) = build_folder(&root().join("tests/fixtures/chinese"), false);
    assert_shows(
        "report",
        &report,
        &[
            "提交残疾人权利委员会的材料",
            "2025年6月16日",
            "全纳教育",
            "《残疾人权利公约》第9和第24条",
            "CRPD/C/XYZ/CO/1",
            "“我们的孩子也有权上学。”",
            // Footnotes: a Chinese comma between the parts of a citation, and 同上 for Ibid.
            // A title between 《》, as Chinese marks it (no italics).
            "《2024年残疾儿童教育状况调查报告》，残疾人权利观察中心，2025。",
            "同上。",
        ],
    );
}

/// `check` on the French and Spanish examples: the problems and hints stay in English (the
/// command line's language), the word count line quotes the document in its language, with its
/// figures grouped as the UN's French documents (1 871 with a narrow no-break space) and
/// Spanish documents (1.348) print them. A limit is set in each copy, so that the line shows
/// one, and the Spanish one is exceeded, so that the English warning shows beside it.
#[test]
fn check_quotes_the_document_in_its_language_with_its_figures() {
    for (folder, limit, name) in
        [("submissions/tanelie-cat-2025", 10_000, "check-fr"), ("submissions/valdoria-cedaw-2025", 1_200, "check-es")]
    {
        let work = tempfile::tempdir().unwrap();
        copy_dir(&root().join(folder), &work.path().join("s"));
        let path = work.path().join("s/submission.yaml");
        let yaml = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("{yaml}words:\n  limit: {limit}\n")).unwrap();
        let out = run_in(work.path(), &["check", "s"]);
        let seen = transcript(&out).join("\n") + "\n";
        golden(&root().join("tests/golden/languages").join(format!("{name}.txt")), &seen);
    }
}

/// A lean build (`--no-default-features`, no `cjk`) has no Chinese font: the Chinese fixture is
/// then an error at `language:` and at each field with Chinese in it, saying how to get the
/// font, and `build` writes no PDF of empty boxes. CI runs this build too
/// (`cargo test --no-default-features --test languages`).
#[cfg(not(feature = "cjk"))]
#[test]
fn without_the_chinese_font_chinese_is_an_error_that_says_how_to_get_it() {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/chinese"), &work.path().join("zh"));
    let out = run_in(work.path(), &["check", "zh"]);
    let seen = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{seen}");
    assert!(seen.contains("error: this Amicus was built without its Chinese font (the `cjk` feature)"), "{seen}");
    // At `language:` and at each field with Chinese in it, with the line shown.
    assert!(seen.contains("zh/submission.yaml:12:11\n"), "{seen}");
    assert!(seen.contains("title: 残疾人的教育权与无障碍环境"), "{seen}");
    assert!(seen.contains("error: no embedded font has `残` (U+6B8B)"), "{seen}");
    assert!(seen.contains("hint: install Amicus with its default features"), "{seen}");
    let out = run_in(work.path(), &["build", "zh", "-o", "out"]);
    assert!(!out.status.success());
    assert!(!work.path().join("out/report.pdf").exists());
}
