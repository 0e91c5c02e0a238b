//! `amicus import-loi`: a list of issues (or a list of issues prior to reporting) as the UN
//! publishes it → [`ListOfIssues`].
//!
//! A list of issues is laid out like concluding observations without their closing part:
//! lettered sections (or Parts I, II …), subject headings that name the articles ("Equal
//! recognition before the law (art. 12)", "Article 12"), numbered paragraphs of questions and
//! their lettered parts. So the same passes read it — page furniture and footnotes
//! ([`super::lines`]), sections, headings, paragraphs and items ([`super::structure`]) — and
//! only the particulars differ: the title ("List of issues in relation to …", "Liste de
//! points …", "Lista de cuestiones …") gives the report and the State, the symbol (`…/Q/…` or
//! `…/QPR/…`) the kind, and the headings the articles.

use super::dates::find_dates;
use super::header::{committee_in_text, cut_state, find_session, read_symbol};
use super::lines::{self, Cleaned};
use super::text::{SymbolKind, committee_of_symbol, language_of, roman_value, symbol_kind};
use super::{Extracted, ImportWarning, structure};
use crate::model::Article;
use crate::model::Committee;
use crate::model::co::CoSection;
use crate::model::loi::{ListOfIssues, LoiKind, LoiQuestion, LoiSection, QuestionPart};
use std::path::Path;

/// A list of issues read from a text, and what needs checking.
#[derive(Debug, Clone)]
pub struct LoiImport {
    /// The data, ready to be written as `list-of-issues.yaml`.
    pub loi: ListOfIssues,
    /// Everything the reader was unsure about, in line order.
    pub warnings: Vec<ImportWarning>,
}

/// The most articles a heading's range is read as: "(arts. 5–30)" is 26; a range wider than
/// this is a misreading, not a heading.
const MAX_RANGE: u16 = 60;

/// Reads a list of issues from extracted text. `hint_symbol` is the symbol the user expects,
/// used when the text gives none and checked against the one it gives. Never fails: what
/// cannot be read is in [`LoiImport::warnings`].
pub fn parse_loi(text: &str, hint_symbol: Option<&str>) -> LoiImport {
    let mut warnings = Vec::new();
    let text = parts_as_sections(&lone_stars_joined(text));
    let cleaned = lines::clean(&text, &mut warnings);
    let vocab = structure::Vocab::new(cleaned.body.iter().map(|l| l.text.as_str()));
    let built = structure::build(&cleaned, &vocab, &mut warnings);
    let symbol = read_symbol(&cleaned, hint_symbol, "CCPR/C/KAZ/Q/3", "--symbol", &mut warnings);
    let committee = committee_of_symbol(&symbol)
        .or_else(|| {
            let header = cleaned.header.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" ");
            committee_in_text(&header)
        })
        .unwrap_or_else(|| {
            warnings.push(ImportWarning::new(
                0,
                "the committee could not be told from the symbol or the header; CCPR is assumed — correct `committee:`",
            ));
            Committee::Ccpr
        });
    let title = read_title(&cleaned);
    let (report, state) = title.as_deref().map(report_and_state).unwrap_or((None, None));
    if state.is_none() {
        warnings.push(ImportWarning::new(0, "the State was not found in the title; fill in `state:`"));
    }
    let kind = match symbol_kind(&symbol) {
        Some(SymbolKind::ListOfIssuesPriorToReporting) => LoiKind::ListOfIssuesPriorToReporting,
        Some(SymbolKind::ListOfIssues) => LoiKind::ListOfIssues,
        _ if title.as_deref().is_some_and(says_prior_to_reporting) => LoiKind::ListOfIssuesPriorToReporting,
        _ => LoiKind::ListOfIssues,
    };
    // The date on the document: the first date of the header block before the title.
    let published = cleaned
        .header
        .iter()
        .take_while(|l| !is_title_start(&l.text))
        .find_map(|l| find_dates(&l.text).first().map(|d| d.date));
    let session = cleaned
        .star_notes
        .iter()
        .map(|n| n.text.as_str())
        .chain(cleaned.header.iter().map(|l| l.text.as_str()))
        .chain(title.as_deref())
        .find_map(find_session);
    let sections = to_sections(built.sections);
    // The title and the first questions, parts included: a short list may have little text.
    let sample: Vec<String> = title
        .iter()
        .cloned()
        .chain(sections.iter().flat_map(|s| &s.questions).take(12).map(LoiQuestion::full_text))
        .collect();
    let language = language_of(&sample.join(" ")).map(str::to_owned);
    if sections.iter().all(|s| s.questions.is_empty()) {
        warnings.push(ImportWarning::new(0, "no numbered questions were found"));
    }
    warnings.sort_by_key(|w| w.line);
    let loi = ListOfIssues {
        symbol,
        kind,
        committee,
        state: state.unwrap_or_default(),
        title,
        report,
        session,
        published: published.map(|d| d.to_string()),
        language,
        notes: cleaned.star_notes.iter().map(|n| n.text.clone()).collect(),
        source: None,
        sections,
    };
    LoiImport { loi, warnings }
}

/// [`parse_loi`] on text already extracted from `path` ([`super::extract_file`]: the same
/// guarded read and budgets as concluding observations); `loi.source` is set to the file
/// name, and the extraction warnings come first.
pub fn import_loi_extracted(path: &Path, extracted: &Extracted, hint_symbol: Option<&str>) -> LoiImport {
    let mut result = parse_loi(&extracted.text, hint_symbol);
    result.loi.source = path.file_name().map(|n| n.to_string_lossy().into_owned());
    result.warnings =
        super::merge_warnings(&extracted.warnings, std::mem::take(&mut result.warnings), "a list of issues");
    result
}

/// Whether a header line opens the title: "List of issues …", "Liste de points …", "Lista de
/// cuestiones …".
fn is_title_start(line: &str) -> bool {
    let lower = line.to_lowercase();
    ["list of issues", "liste de points", "liste des points", "lista de cuestiones", "lista de temas"]
        .iter()
        .any(|k| lower.starts_with(k))
}

/// Whether a title names a list of issues prior to reporting.
fn says_prior_to_reporting(title: &str) -> bool {
    let lower = title.to_lowercase();
    ["prior to", "avant la soumission", "avant la présentation", "previa a la presentación", "previa a la"]
        .iter()
        .any(|k| lower.contains(k))
}

/// The title: from its first line to the end of the header block, or to the line that ends
/// with the `*` of its note.
fn read_title(cleaned: &Cleaned) -> Option<String> {
    let start = cleaned.header.iter().position(|l| is_title_start(&l.text))?;
    let mut title = String::new();
    for l in &cleaned.header[start..] {
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(&l.text);
        if l.text.ends_with('*') {
            break;
        }
    }
    Some(title.trim_end_matches('*').trim().to_owned())
}

/// Words that may stand right before the report's own words, and end the search back from
/// "report" for them.
const BEFORE_REPORT: [&str; 24] = [
    "the",
    "to",
    "in",
    "on",
    "of",
    "with",
    "relation",
    "le",
    "la",
    "les",
    "du",
    "de",
    "des",
    "au",
    "al",
    "del",
    "el",
    "los",
    "concernant",
    "relativa",
    "relatif",
    "sobre",
    "consideration",
    "submission",
];

/// From "List of issues in relation to the combined second and third periodic reports of
/// Germany": the report ("combined second and third periodic reports") and the State; likewise
/// "Liste de points concernant le rapport initial du Canada", "Lista de cuestiones relativa al
/// informe inicial de El Salvador".
pub(crate) fn report_and_state(title: &str) -> (Option<String>, Option<String>) {
    let words: Vec<&str> = title.split(' ').filter(|w| !w.is_empty()).collect();
    let is_report = |w: &str| {
        let w = w.to_lowercase();
        ["report", "reports", "rapport", "rapports", "informe", "informes"].contains(&w.as_str())
    };
    let Some(r) = words.iter().position(|w| is_report(w)) else { return (None, None) };
    let start = (0..r).rev().find(|&k| BEFORE_REPORT.contains(&words[k].to_lowercase().as_str())).map_or(0, |k| k + 1);
    // The report's words run on to the preposition before the State.
    let of = (r + 1..words.len()).find(|&k| {
        let w = words[k].to_lowercase();
        ["of", "de", "du", "del", "des"].contains(&w.as_str()) || w.starts_with("de l’") || w.starts_with("de l'")
    });
    let Some(of) = of else { return (Some(words[start..].join(" ")), None) };
    let report = words[start..of].join(" ");
    let mut rest = words[of + 1..].join(" ");
    for article in ["la ", "el ", "los ", "las ", "l’", "l'"] {
        if let Some(r) = rest.strip_prefix(article) {
            rest = r.to_owned();
            break;
        }
    }
    // "de l’Équateur" splits as "de" + "l’Équateur".
    let state = cut_state(&rest);
    let state = state.trim_start_matches("l’").trim_start_matches("l'");
    let state = state.split(" adopted ").next().unwrap_or(state);
    let state = state.split(" concerning ").next().unwrap_or(state).trim();
    (Some(report), (!state.is_empty()).then(|| state.to_owned()))
}

/// A title's `*` note that the PDF's text splits in two, a line "*" and the note on the next
/// line (or after a blank line), joined as "* Adopted by …" on the note's line; the "*" line
/// is left empty, so line numbers are unchanged.
fn lone_stars_joined(text: &str) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    for i in 0..lines.len() {
        if lines[i].trim() != "*" {
            continue;
        }
        let next = (i + 1..lines.len().min(i + 3)).find(|&k| !lines[k].trim().is_empty());
        if let Some(k) = next
            && lines[k].trim_start().starts_with(char::is_uppercase)
        {
            lines[k] = format!("* {}", lines[k].trim_start());
            lines[i].clear();
        }
    }
    lines.join("\n")
}

/// Parts headed "Part I" (or "Part One", "Première partie", "Primera parte", …) on a line of
/// their own are read as sections numbered I, II …: the line becomes "I. Part I", which the
/// structure pass knows as a section heading. Line numbers are unchanged.
fn parts_as_sections(text: &str) -> String {
    if !text.lines().any(|l| part_number(l.trim()).is_some()) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 64);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let bare = line.trim().trim_end_matches('\r');
        match part_number(bare) {
            Some(n) => {
                let feed = if line.contains('\u{c}') { "\u{c}" } else { "" };
                out.push_str(&format!("{feed}{}. {}", roman(n), bare.trim_start_matches('\u{c}')));
            }
            None => out.push_str(line),
        }
    }
    out
}

/// The number of a part heading standing alone: "Part I", "Part 2", "Part One", "Partie I",
/// "Première partie", "Parte I", "Primera parte".
fn part_number(line: &str) -> Option<u32> {
    let line = line.trim_start_matches('\u{c}').trim().trim_end_matches('.');
    let lower = line.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    if words.len() != 2 {
        return None;
    }
    let number = |w: &str| -> Option<u32> {
        if let Ok(n) = w.parse::<u32>() {
            return (1..=9).contains(&n).then_some(n);
        }
        if let Some(n) = roman_value(&w.to_uppercase()) {
            return Some(n);
        }
        let ordinals: [&[&str]; 4] = [
            &["one", "first", "première", "premiere", "primera"],
            &["two", "second", "deuxième", "deuxieme", "seconde", "segunda"],
            &["three", "third", "troisième", "troisieme", "tercera"],
            &["four", "fourth", "quatrième", "cuarta"],
        ];
        ordinals.iter().position(|o| o.contains(&w)).map(|k| k as u32 + 1)
    };
    match (words[0], words[1]) {
        ("part" | "partie" | "parte", n) => number(n),
        (n, "partie" | "parte") => number(n),
        _ => None,
    }
}

/// A roman numeral, I to IX.
fn roman(n: u32) -> &'static str {
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"].get(n as usize - 1).copied().unwrap_or("I")
}

/// The structure pass's sections as the list's own.
fn to_sections(sections: Vec<CoSection>) -> Vec<LoiSection> {
    sections
        .into_iter()
        .map(|s| LoiSection {
            articles: articles_in(&s.title),
            label: s.label,
            title: s.title,
            questions: s
                .paragraphs
                .into_iter()
                .map(|p| LoiQuestion {
                    number: p.number,
                    articles: p.heading.as_deref().map(articles_in).unwrap_or_default(),
                    heading: p.heading,
                    text: p.text,
                    parts: p
                        .subparagraphs
                        .into_iter()
                        .map(|s| QuestionPart { letter: s.letter, text: s.text })
                        .collect(),
                    footnotes: p.footnotes,
                })
                .collect(),
        })
        .collect()
}

/// The articles a heading names: "(art. 12)" → 12; "(arts. 5 and 8–30)" → 5, 8 … 30;
/// "Article 2, paragraph 1 — …" → 2(1); "Articles 1 and 4" → 1, 4; French "(art. 1er)",
/// "(arts. 1er à 4)", "Article premier"; Spanish "(arts. 1 a 4)", "Artículo 5".
pub fn articles_in(heading: &str) -> Vec<Article> {
    let lower = heading.to_lowercase();
    // Where the article numbers start: after "(art." / "(arts." or a leading "Article(s)".
    let start = ["(arts.", "(art.", "(articles", "(article", "(artículos", "(artículo"]
        .iter()
        .filter_map(|k| lower.find(k).map(|i| (i, k.len())))
        .min_by_key(|(i, len)| (*i, std::cmp::Reverse(*len)))
        .map(|(i, len)| i + len)
        .or_else(|| {
            ["articles ", "article ", "artículos ", "artículo "]
                .iter()
                .find_map(|k| lower.starts_with(k).then_some(k.len()))
        });
    let Some(start) = start else { return Vec::new() };
    let rest = &lower[start..];
    // The list ends at a closing bracket or, after a leading "Article 2", at a dash or a colon.
    let end = rest.find([')', '—', ':']).unwrap_or(rest.len());
    let list = rest[..end].replace("premier", "1").replace("1er", "1");
    let tokens: Vec<String> = list
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .map(|t| t.trim_end_matches('.').to_owned())
        .collect();
    let mut out: Vec<Article> = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let t = &tokens[k];
        let range = t.split_once(['–', '-']);
        if let Some((a, b)) = range
            && let (Ok(a), Ok(b)) = (a.parse::<u16>(), b.parse::<u16>())
        {
            if a >= 1 && b >= a && b - a <= MAX_RANGE {
                out.extend((a..=b).map(Article::whole));
            }
        } else if let Ok(n) = t.parse::<u16>() {
            // "1 to 33", "1 à 4", "1 a 4": a range in words.
            let to = tokens.get(k + 1).is_some_and(|w| ["to", "à", "a", "al"].contains(&w.as_str()));
            if to && let Some(Ok(b)) = tokens.get(k + 2).map(|w| w.parse::<u16>()) {
                if n >= 1 && b >= n && b - n <= MAX_RANGE {
                    out.extend((n..=b).map(Article::whole));
                }
                k += 3;
                continue;
            }
            // "Article 2, paragraph 1": a paragraph of the article just named.
            let paragraph =
                tokens.get(k + 1).is_some_and(|w| ["paragraph", "paragraphe", "párrafo"].contains(&w.as_str()));
            match tokens.get(k + 2).map(|w| w.parse::<u16>()) {
                Some(Ok(p)) if paragraph && n >= 1 && p >= 1 => {
                    out.push(Article { number: n, paragraph: Some(p), item: None });
                    k += 3;
                    continue;
                }
                _ if n >= 1 => out.push(Article::whole(n)),
                _ => {}
            }
        } else if let Some((a, p)) = t.split_once('(')
            && let (Ok(a), Ok(p)) = (a.parse::<u16>(), p.trim_end_matches(')').parse::<u16>())
        {
            out.push(Article { number: a, paragraph: Some(p), item: None });
        } else if !["and", "et", "y", "to", "à", "a", "paragraph", "paragraphe", "párrafo"].contains(&t.as_str()) {
            // Words: the list is over ("Article 6 — The right to work" stops at the dash).
            if !out.is_empty() {
                break;
            }
        }
        k += 1;
    }
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_of_headings() {
        let nums = |h: &str| articles_in(h).iter().map(ToString::to_string).collect::<Vec<_>>().join(",");
        assert_eq!(nums("Equal recognition before the law (art. 12)"), "12");
        assert_eq!(nums("Purpose and general obligations (arts. 1–4)"), "1,2,3,4");
        assert_eq!(nums("Specific rights (arts. 5 and 8-10)"), "5,8,9,10");
        assert_eq!(nums("Women and children with disabilities (arts. 6 and 7)"), "6,7");
        assert_eq!(nums("Article 29"), "29");
        assert_eq!(nums("Article 2, paragraph 1 — Maximum available resources"), "2(1)");
        assert_eq!(nums("Article 6 — The right to work"), "6");
        assert_eq!(nums("Articles 1 and 4"), "1,4");
        assert_eq!(nums("Objet et obligations générales (arts. 1er à 4)"), "1,2,3,4");
        assert_eq!(nums("Article premier"), "1");
        assert_eq!(nums("Igualdad y no discriminación (art. 5)"), "5");
        assert_eq!(nums("Artículo 12"), "12");
        assert_eq!(nums("Specific obligations"), "");
        assert_eq!(nums("Freedom from torture or cruel, inhuman or degrading treatment or punishment (art. 15)"), "15");
        assert_eq!(
            nums("Implementation concerning articles 1 to 33 (arts. 1 to 33)"),
            (1..=33).map(|n| n.to_string()).collect::<Vec<_>>().join(",")
        );
    }

    #[test]
    fn reports_and_states_of_titles() {
        let rs = |t: &str| report_and_state(t);
        assert_eq!(
            rs("List of issues in relation to the initial report of Canada"),
            (Some("initial report".into()), Some("Canada".into()))
        );
        assert_eq!(
            rs(
                "List of issues to be taken up in connection with the consideration of the initial report of Spain (CRPD/C/ESP/1), concerning articles 1 to 33 of the Convention"
            ),
            (Some("initial report".into()), Some("Spain".into()))
        );
        assert_eq!(
            rs(
                "List of issues to be taken up in connection with the consideration of the initial report of El Salvador, adopted by the Committee at its ninth session (15–19 April 2013)"
            ),
            (Some("initial report".into()), Some("El Salvador".into()))
        );
        assert_eq!(
            rs("List of issues prior to submission of the combined second and third periodic reports of Germany"),
            (Some("combined second and third periodic reports".into()), Some("Germany".into()))
        );
        assert_eq!(
            rs("Liste de points concernant le rapport initial du Canada"),
            (Some("rapport initial".into()), Some("Canada".into()))
        );
        assert_eq!(
            rs("Liste de points établie avant la soumission du deuxième rapport périodique de l’Équateur"),
            (Some("deuxième rapport périodique".into()), Some("Équateur".into()))
        );
        assert_eq!(
            rs("Lista de cuestiones relativa al informe inicial de El Salvador"),
            (Some("informe inicial".into()), Some("El Salvador".into()))
        );
        assert_eq!(
            rs("Lista de cuestiones previa a la presentación del segundo informe periódico de la Argentina"),
            (Some("segundo informe periódico".into()), Some("Argentina".into()))
        );
    }

    #[test]
    fn a_star_note_split_from_its_star() {
        assert_eq!(
            lone_stars_joined("x.\n\n*\nAdopted by the working group.\n"),
            "x.\n\n\n* Adopted by the working group.\n"
        );
        assert_eq!(lone_stars_joined("*\n\nnot a note"), "*\n\nnot a note");
    }

    #[test]
    fn part_headings() {
        assert_eq!(part_number("Part I"), Some(1));
        assert_eq!(part_number("Part Three"), Some(3));
        assert_eq!(part_number("Première partie"), Some(1));
        assert_eq!(part_number("Segunda parte"), Some(2));
        assert_eq!(part_number("Part of the text"), None);
        assert_eq!(part_number("Part I of the Convention"), None);
        let text = parts_as_sections("Part I\n1. Please say.\n\u{c}Part II\n2. Please tell.");
        assert_eq!(text, "I. Part I\n1. Please say.\n\u{c}II. Part II\n2. Please tell.");
    }
}

#[cfg(test)]
mod parse_tests {
    use super::*;

    /// A short list of issues prior to reporting in French, laid out as the UN lays it out
    /// (pdftotext's lines): Part I with lettered items `a)`, Part II, a heading naming an
    /// article.
    #[test]
    fn french_list_prior_to_reporting_with_parts_and_lettered_items() {
        let text = "Nations Unies\n\nCCPR/C/FRA/QPR/6\n\nPacte international relatif\naux droits civils et politiques\n\nDistr. générale\n3 mai 2021\nFrançais\nOriginal : anglais\n\nComité des droits de l’homme\n\nListe de points établie avant la soumission du sixième\nrapport périodique de la France*\n\nPremière partie\nRenseignements d’ordre général\n1.\nVeuillez indiquer :\na)\nles mesures prises pour donner effet aux constatations du Comité ;\nb)\nles mesures prises pour diffuser le Pacte.\nDeuxième partie\nNon-discrimination (art. 2 et 26)\n2.\nVeuillez fournir des renseignements sur la lutte contre la discrimination.\n3.\nVeuillez commenter les informations selon lesquelles des contrôles d’identité sont discriminatoires.\n\n* Adoptée par le Comité à sa cent trente et unième session (1er-26 mars 2021).\n";
        let got = parse_loi(text, None);
        let loi = &got.loi;
        assert_eq!(loi.symbol, "CCPR/C/FRA/QPR/6");
        assert_eq!(loi.kind, LoiKind::ListOfIssuesPriorToReporting);
        assert_eq!(loi.committee, Committee::Ccpr);
        assert_eq!(loi.state, "France");
        assert_eq!(loi.report.as_deref(), Some("sixième rapport périodique"));
        assert_eq!(loi.language.as_deref(), Some("fr"));
        assert_eq!(loi.published.as_deref(), Some("2021-05-03"));
        assert_eq!(loi.questions().count(), 3, "{loi:#?}");
        let q1 = loi.question(1).unwrap();
        assert_eq!(q1.parts.iter().map(|p| p.letter.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        let q2 = loi.question(2).unwrap();
        assert_eq!(loi.sections.len(), 2, "{:#?}", loi.sections);
        assert_eq!(loi.sections[0].label.as_deref(), Some("I"));
        assert_eq!(loi.sections[1].label.as_deref(), Some("II"));
        assert_eq!(q2.heading.as_deref(), Some("Non-discrimination (art. 2 et 26)"));
        assert_eq!(q2.articles.iter().map(ToString::to_string).collect::<Vec<_>>(), ["2", "26"]);
    }
}
