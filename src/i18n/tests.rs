use super::*;
use crate::model::Committee;

/// Every argument any message takes, with a value; each message is formatted with each
/// committee code and each choice of its selectors.
fn argument_sets() -> Vec<Vec<(&'static str, Arg<'static>)>> {
    let mut sets = Vec::new();
    let statuses = ["yes", "partly", "no", "fully", "partially", "not-reflected", "pending", "made"];
    let kinds = ["recommendation", "concern", "positive-aspect", "none", "follow-up", "importance", "asks"];
    for c in Committee::ALL {
        for flag in ["yes", "no"] {
            for (i, status) in statuses.into_iter().enumerate() {
                for (n, paragraph) in [(1, 0), (3, 34), (144, 7)] {
                    sets.push(vec![
                        ("code", Arg::Text(c.code())),
                        ("plural", Arg::Text(flag)),
                        ("joint", Arg::Text(flag)),
                        ("upr", Arg::Text(flag)),
                        ("excerpt", Arg::Text(flag)),
                        ("status", Arg::Text(status)),
                        ("kind", Arg::Text(kinds[i % kinds.len()])),
                        ("items", Arg::Text(["none", "one", "many"][i % 3])),
                        ("grade", Arg::Text(["A", "B", "C", "D", "E"][i % 5])),
                        ("implemented", Arg::Text(["yes", "partly", "no"][i % 3])),
                        ("state", Arg::Text("Kazakhstan")),
                        ("symbol", Arg::Text("CCPR/C/KAZ/CO/3")),
                        ("title", Arg::Text("Migrants’ rights")),
                        ("authors", Arg::Text("GDP and ILI")),
                        ("byline", Arg::Text("GDP and ILI")),
                        ("generator", Arg::Text("Amicus 0.1.0")),
                        ("citation", Arg::Text("CCPR/C/KAZ/CO/2, para. 20")),
                        ("paragraphs", Arg::Text("para. 34 (d)")),
                        ("letters", Arg::Text("(d)")),
                        ("letter", Arg::Text("d")),
                        ("label", Arg::Text("R5")),
                        ("list", Arg::Text("2–14")),
                        ("parts", Arg::Text("1, 2")),
                        ("verbs", Arg::Text("…")),
                        ("reflect", Arg::Text("…")),
                        ("not", Arg::Text("…")),
                        ("what", Arg::Text("para. 34 (d)")),
                        ("date", Arg::Text("11 July 2026")),
                        ("count", Arg::Text("3")),
                        ("made-count", Arg::Text("9")),
                        ("committee-count", Arg::Text("2")),
                        ("fully", Arg::Text("2")),
                        ("partially", Arg::Text("2")),
                        ("n", Arg::Number(n)),
                        ("made", Arg::Number(n)),
                        ("nf", Arg::Number(n)),
                        ("np", Arg::Number(n)),
                        ("committee-n", Arg::Number(n)),
                        ("paragraph", Arg::Number(paragraph)),
                        ("start-day", Arg::Number(1)),
                        ("named", Arg::Text("CCPR/C/KAZ/CO/3")),
                        ("has-adopted", Arg::Text(flag)),
                        ("has-session", Arg::Text(flag)),
                        ("has-published", Arg::Text(flag)),
                        ("adopted", Arg::Text("11 July 2025")),
                        ("published", Arg::Text("3 September 2025")),
                        ("first", Arg::Text("2, 9")),
                        ("last", Arg::Text("14")),
                        ("start", Arg::Text("23 June")),
                        ("end", Arg::Text("25 July 2025")),
                        ("end-short", Arg::Text("25 July")),
                        ("page", Arg::Number(3)),
                        ("total", Arg::Number(12)),
                        ("day", Arg::Number(1)),
                        ("month", Arg::Number(5)),
                        ("year", Arg::Year(2025)),
                        ("name", Arg::Text("Example Rights Centre")),
                        ("counted", Arg::Number(n * 70)),
                        ("limit", Arg::Number(10_000)),
                        ("words", Arg::Text("words: 3,274 of 10,000 (CCPR limit)")),
                        ("printed", Arg::Number(n * 71)),
                        ("files", Arg::Text("findings/a.md")),
                        ("item", Arg::Text("14")),
                        ("articles", Arg::Text("Articles 2 and 9")),
                        ("article", Arg::Text("4")),
                        ("para", Arg::Text(["none", "3"][i % 2])),
                        ("any-para", Arg::Text(flag)),
                        ("when", Arg::Text(["day", "year"][i % 2])),
                        ("urgent", Arg::Text(flag)),
                        ("word", Arg::Text("Table")),
                        ("number", Arg::Text("2")),
                        ("caption", Arg::Text("Counts by finding")),
                    ]);
                }
            }
        }
    }
    sets
}

#[test]
fn every_language_has_every_message_and_each_formats_cleanly() {
    let english = Words::new("en");
    let mut wanted = english.ids();
    wanted.sort();
    assert!(wanted.len() > 30, "{wanted:?}");
    for code in supported() {
        let words = Words::new(code);
        assert_eq!(words.code(), code);
        let mut ids = words.ids();
        ids.sort();
        assert_eq!(ids, wanted, "locales/{code}.ftl must have exactly the messages of locales/en.ftl");
        for id in &ids {
            for args in argument_sets() {
                let text = words.try_with(id, &args).unwrap_or_else(|e| panic!("{e}"));
                assert!(!text.trim().is_empty(), "{code}: {id} is empty");
                assert!(!text.contains('{') && !text.contains('}'), "{code}: {id} left a placeable: {text}");
            }
        }
    }
}

#[test]
fn a_language_without_a_catalogue_gets_english() {
    assert!(!has_catalogue("pt"));
    assert_eq!(Words::new("pt").code(), "en");
    assert!(has_catalogue("fr"));
}

#[test]
fn dates_read_as_each_language_writes_them() {
    let d = |code: &str, iso: &str| Words::new(code).long_date(iso);
    assert_eq!(d("en", "2025-05-26"), "26 May 2025");
    assert_eq!(d("fr", "2025-05-26"), "26 mai 2025");
    assert_eq!(d("fr", "2025-07-01"), "1er juillet 2025");
    assert_eq!(d("es", "2025-05-26"), "26 de mayo de 2025");
    assert_eq!(d("ru", "2025-05-26"), "26 мая 2025 года");
    assert_eq!(d("en", "soon"), "soon");
    let r = |code: &str, a: &str, b: &str| Words::new(code).date_range(a, b);
    assert_eq!(r("en", "2025-06-23", "2025-07-25"), "23 June – 25 July 2025");
    assert_eq!(r("en", "2025-07-01", "2025-07-05"), "1–5 July 2025");
    assert_eq!(r("en", "2025-12-30", "2026-01-02"), "30 December 2025 – 2 January 2026");
    assert_eq!(r("fr", "2025-06-23", "2025-07-25"), "23 juin – 25 juillet 2025");
    assert_eq!(r("es", "2025-06-23", "2025-07-25"), "23 de junio – 25 de julio de 2025");
    assert_eq!(r("ru", "2025-07-01", "2025-07-05"), "1–5 июля 2025 года");
    // Chinese puts the year first.
    assert_eq!(r("zh", "2025-08-11", "2025-09-05"), "2025年8月11日至9月5日");
    assert_eq!(r("zh", "2025-12-30", "2026-01-02"), "2025年12月30日至2026年1月2日");
    // Years are not grouped as thousands.
    assert_eq!(d("en", "2031-01-09"), "9 January 2031");
}

#[test]
fn counts_are_grouped_as_each_language_groups_them_and_years_never() {
    let nnbsp = '\u{202f}';
    assert_eq!(number("en", 10_000), "10,000");
    assert_eq!(number("zh", 10_000), "10,000");
    assert_eq!(number("fr", 10_000), format!("10{nnbsp}000"));
    assert_eq!(number("ru", 1_234_567), format!("1{nnbsp}234{nnbsp}567"));
    assert_eq!(number("ar", 40_000), format!("40{nnbsp}000"));
    assert_eq!(number("es", 10_000), "10.000");
    // Four digits too, as the UN's Spanish documents print them ("las 1.013 peticiones").
    assert_eq!(number("es", 1_013), "1.013");
    assert_eq!(number("fr-CA", 1_013), format!("1{nnbsp}013"));
    assert_eq!(number("pt", 1_013), "1,013");
    for code in supported() {
        assert_eq!(number(code, 0), "0");
        assert_eq!(number(code, 999), "999");
    }
    // The catalogues' numbers go through the same function.
    let count = |code: &str, n: i64| Words::new(code).with("count", &[("n", Arg::Number(n))]);
    assert_eq!(count("en", 1_013), "1,013");
    assert_eq!(count("fr", 12_500), format!("12{nnbsp}500"));
    assert_eq!(count("es", 1_013), "1.013");
    assert_eq!(count("zh", 25), "25");
    assert_eq!(Words::new("ru").number(10_000), format!("10{nnbsp}000"));
    // Years are names, not counts.
    assert_eq!(Words::new("fr").long_date("2025-05-26"), "26 mai 2025");
    assert_eq!(Words::new("es").any_date("2025-03"), "marzo de 2025");
    assert_eq!(Words::new("zh").long_date("2025-06-16"), "2025年6月16日");
    assert_eq!(Words::new("ar").date_range("2025-11-10", "2025-11-28"), "من 10 إلى 28 تشرين الثاني/نوفمبر 2025");
}

#[test]
fn ordinals_lists_and_articles() {
    let en = Words::new("en");
    for (n, want) in [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (22, "22nd"),
        (43, "43rd"),
        (113, "113th"),
        (144, "144th"),
    ] {
        assert_eq!(en.ordinal(n), want);
    }
    assert_eq!(Words::new("fr").ordinal(1), "1re");
    assert_eq!(Words::new("fr").ordinal(144), "144e");
    assert_eq!(Words::new("es").ordinal(144), "144º");
    assert_eq!(Words::new("ru").ordinal(144), "144-я");
    assert_eq!(en.articles(&[]), "");
    assert_eq!(en.articles(&[(7, None, None)]), "Article 7");
    assert_eq!(en.articles(&[(2, None, None), (9, None, None)]), "Articles 2 and 9");
    assert_eq!(en.articles(&[(2, None, None), (9, None, None), (14, None, None)]), "Articles 2, 9 and 14");
    assert_eq!(en.articles_short(&[(2, None, None), (9, None, None), (14, None, None)]), "arts. 2, 9 and 14");
    assert_eq!(en.articles_short(&[(7, None, None)]), "art. 7");
    // A paragraph of an article, as each language's UN documents cite it.
    let cited = [(2, None, None), (4, Some(3), None), (14, Some(1), None)];
    assert_eq!(en.articles(&cited), "Articles 2, 4 (3) and 14 (1)");
    assert_eq!(en.articles_short(&[(4, Some(3), None)]), "art. 4 (3)");
    assert_eq!(Words::new("fr").articles(&cited), "Articles 2, 4 (par.\u{a0}3) et 14 (par.\u{a0}1)");
    assert_eq!(Words::new("es").articles(&cited), "Artículos 2, 4 (párr. 3) y 14 (párr. 1)");
    assert_eq!(Words::new("ru").articles(&cited), "Статьи 2, 4 (п. 3) и 14 (п. 1)");
    assert_eq!(Words::new("ar").articles(&cited), "المواد 2 و4 (3) و14 (1)");
    assert_eq!(Words::new("zh").articles(&cited), "第2条、第4条第3款和第14条第1款");
    assert_eq!(Words::new("zh").articles_short(&[(6, Some(1), None)]), "第6条第1款");
    // A lettered item, of an article or of its paragraph (CEDAW's 5 (a), 16 (1) (g)).
    let lettered = [(2, None, None), (5, None, Some('a')), (16, Some(1), Some('g'))];
    assert_eq!(en.articles(&lettered), "Articles 2, 5 (a) and 16 (1) (g)");
    assert_eq!(Words::new("fr").articles(&lettered), "Articles 2, 5 a) et 16 (par.\u{a0}1\u{a0}g))");
    assert_eq!(Words::new("es").articles(&lettered), "Artículos 2, 5 a) y 16 (párr. 1\u{a0}g))");
    assert_eq!(Words::new("ru").articles(&lettered), "Статьи 2, 5 a) и 16 (п. 1\u{a0}g))");
    assert_eq!(Words::new("ar").articles(&lettered), "المواد 2 و5 (أ) و16 (1) (ز)");
    assert_eq!(Words::new("zh").articles(&lettered), "第2条、第5条(a)项和第16条第1款(g)项");
    assert_eq!(Words::new("zh").articles(&[(5, None, Some('a'))]), "第5条(a)项");
    // One unread file is one, in the languages that agree with it.
    let unread = |code: &str, n: i64| {
        Words::new(code).with("words-unread", &[("files", Arg::Text("findings/a.yaml")), ("n", Arg::Number(n))])
    };
    assert_eq!(unread("es", 1), "; sin contar findings/a.yaml, que no se pudo leer");
    assert!(unread("es", 2).ends_with("que no se pudieron leer"));
    assert!(unread("fr", 1).ends_with("qui n’a pas pu être lu"));
    assert_eq!(Words::new("fr").articles(&[(2, None, None), (9, None, None), (14, None, None)]), "Articles 2, 9 et 14");
    assert_eq!(Words::new("es").articles(&[(2, None, None), (9, None, None), (14, None, None)]), "Artículos 2, 9 y 14");
    assert_eq!(Words::new("ru").articles(&[(2, None, None), (26, None, None)]), "Статьи 2 и 26");
    assert_eq!(Words::new("ru").articles(&[(21, None, None)]), "Статья 21");
    assert_eq!(Words::new("ar").articles(&[(2, None, None), (9, None, None), (14, None, None)]), "المواد 2 و9 و14");
    assert_eq!(Words::new("ar").articles(&[(2, None, None), (11, None, None)]), "المادتان 2 و11");
    assert_eq!(Words::new("zh").articles(&[(2, None, None), (9, None, None), (14, None, None)]), "第2、第9和第14条");
    let finding = |code: &str| {
        let w = Words::new(code);
        w.with(
            "finding-articles",
            &[("articles", Arg::Text(&w.articles(&[(9, None, None), (24, None, None)]))), ("code", Arg::Text("CRPD"))],
        )
    };
    assert_eq!(finding("en"), "Articles 9 and 24 of the Convention on the Rights of Persons with Disabilities");
    assert_eq!(finding("zh"), "《残疾人权利公约》第9和第24条");
}

#[test]
fn committees_take_the_right_article_and_case() {
    let kicker = |code: &str, c: Committee, joint: bool| {
        Words::new(code).with("cover-kicker", &[("code", Arg::Text(c.code())), ("joint", yes(joint))])
    };
    assert_eq!(kicker("en", Committee::Ccpr, true), "Joint submission to the Human Rights Committee");
    assert_eq!(kicker("fr", Committee::Ccpr, false), "Contribution au Comité des droits de l’homme");
    assert_eq!(kicker("fr", Committee::Upr, true), "Contribution conjointe à l’Examen périodique universel");
    assert_eq!(
        kicker("es", Committee::Cedaw, true),
        "Contribución conjunta al Comité para la Eliminación de la Discriminación contra la Mujer"
    );
    let of = |code: &str, c: Committee| Words::new(code).with("treaty-of", &[("code", Arg::Text(c.code()))]);
    assert_eq!(of("en", Committee::Ccpr), "of the International Covenant on Civil and Political Rights");
    assert_eq!(of("fr", Committee::Ccpr), "du Pacte international relatif aux droits civils et politiques");
    assert_eq!(of("fr", Committee::Crc), "de la Convention relative aux droits de l’enfant");
    assert_eq!(of("es", Committee::Cescr), "del Pacto Internacional de Derechos Económicos, Sociales y Culturales");
    assert_eq!(of("ru", Committee::Cat).split(' ').next(), Some("Конвенции"));
    // The English names are the ones the model uses elsewhere (import, brief).
    for c in Committee::ALL {
        assert_eq!(Words::new("en").with("committee-name", &[("code", Arg::Text(c.code()))]), c.name());
        assert_eq!(Words::new("en").with("treaty-name", &[("code", Arg::Text(c.code()))]), c.treaty());
    }
}

/// Outside English, no message reads as its English text: a missed translation shows up here
/// (the few words that are the same in both languages are listed).
#[test]
fn no_english_left_in_the_other_catalogues() {
    let english = Words::new("en");
    // Words that are the same in both languages.
    let same: &[(&str, &str)] = &[
        ("fr", "sources"),
        ("fr", "articles"),
        ("es", "articles-short"),
        ("fr", "brief-introduction"),
        ("fr", "brief-conclusion"),
        ("fr", "brief-column-status"),
        // Counts above twenty are digits in every language; Russian writes all of them so.
        ("fr", "count"),
        ("es", "count"),
        ("ru", "count"),
        ("ar", "count"),
        ("zh", "count"),
        // A title followed by its symbol in brackets.
        ("fr", "co-named"),
        ("es", "co-named"),
        ("ru", "co-named"),
        ("ar", "co-named"),
        // A period is its two dates with a dash between them.
        ("fr", "date-range"),
        ("es", "date-range"),
        ("ru", "date-range"),
        ("fr", "date-range-within-year"),
        ("es", "date-range-within-year"),
        ("ru", "date-range-within-year"),
        ("es", "colon"),
        ("ru", "colon"),
        ("ar", "colon"),
        ("fr", "citation-comma"),
        ("es", "citation-comma"),
        ("ru", "citation-comma"),
        ("fr", "citation-end"),
        ("es", "citation-end"),
        ("ru", "citation-end"),
        ("ar", "citation-end"),
        ("fr", "list-comma"),
        ("es", "list-comma"),
        ("ru", "list-comma"),
        ("fr", "figure"),
        ("fr", "pages"),
        // A number in a list is the number, except in Chinese (第9).
        ("fr", "numbered-item"),
        ("es", "numbered-item"),
        ("ru", "numbered-item"),
        ("ar", "numbered-item"),
        // A whole article is its number (in Chinese too, 第 and 条 around the list); "4 (3)":
        // Arabic cites a paragraph as English does.
        ("fr", "article-item"),
        ("es", "article-item"),
        ("ru", "article-item"),
        ("ar", "article-item"),
        ("zh", "article-item"),
        ("es", "words-line"),
        ("ru", "words-line"),
        // Latin in French and Spanish notes; brackets as in English.
        ("fr", "note-ibid"),
        ("es", "note-ibid"),
        ("fr", "paren"),
        ("es", "paren"),
        ("ru", "paren"),
        ("ar", "paren"),
        // "Table 2: …" given its words: the same colon and space as English.
        ("es", "caption"),
        ("ru", "caption"),
        ("ar", "caption"),
    ];
    for code in supported().filter(|c| *c != "en") {
        let words = Words::new(code);
        for id in words.ids() {
            if same.contains(&(code, id.as_str())) {
                continue;
            }
            for args in argument_sets().into_iter().step_by(7) {
                let theirs = words.try_with(&id, &args).unwrap();
                let ours = english.try_with(&id, &args).unwrap();
                assert_ne!(theirs, ours, "locales/{code}.ftl: `{id}` is still English");
            }
        }
    }
}

/// The page footer is a Typst numbering pattern ("1 of 1"): apart from its two numbers it must
/// hold no counting symbol, or Typst would number pages with it.
#[test]
fn the_page_footer_is_a_safe_numbering_pattern() {
    for code in supported() {
        let words = Words::new(code);
        let pattern = words.with("page-of", &[("page", Arg::Number(1)), ("total", Arg::Number(1))]);
        assert_eq!(pattern.matches('1').count(), 2, "{code}: {pattern}");
        let symbols = "aAiIαΑ一壹あいアイא가ㄱ*";
        assert!(!pattern.chars().any(|c| symbols.contains(c)), "{code}: {pattern}");
    }
}

#[test]
fn roman_numerals_for_annexes_and_word_lists() {
    let cases = [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (90, "XC"), (400, "CD"), (1994, "MCMXCIV")];
    for (n, want) in cases {
        assert_eq!(super::roman(n), want, "{n}");
    }
}

#[test]
fn captions_begin_with_the_languages_word_and_colon() {
    let label = |code: &str, figure: bool| super::CaptionWords::new(&Words::new(code)).label(figure, "2");
    assert_eq!(label("en", false), "Table\u{a0}2: ");
    assert_eq!(label("en", true), "Figure\u{a0}2: ");
    assert_eq!(label("fr", false), "Tableau\u{a0}2\u{a0}: ");
    assert_eq!(label("es", false), "Cuadro\u{a0}2: ");
    assert_eq!(label("zh", false), "表2：");
    assert_eq!(label("ar", true), "الشكل\u{a0}2: ");
    // Every catalogue's caption holds the word, the number and the caption, in that order.
    for code in supported() {
        let c = super::CaptionWords::new(&Words::new(code));
        assert!(!c.table.is_empty() && !c.figure.is_empty() && !c.separator.is_empty(), "{code}: {c:?}");
    }
}
