//! The follow-up: concluding observations beside the assessment. Pure functions over the
//! model: checks (located problems) and the comparison the brief presents.

use crate::diag::Diagnostic;
use crate::diag::did_you_mean;
use crate::load::locate::Target;
use crate::load::{ASSESSMENT_FILE, CO_FILE, Loaded, Place, display_path};
use crate::model::co::Role;
use crate::model::submission::Recommendation;
use crate::model::{Citation, ConcludingObservations, Finding, Reflection, parse_citations};
use std::collections::{BTreeMap, BTreeSet};

/// Checks the CO and the assessment, if the folder has them, against each other and the
/// submission.
pub fn check(loaded: &Loaded, out: &mut Vec<Diagnostic>) {
    if let Some(co) = &loaded.co {
        check_co(loaded, co, out);
    }
    let Some(assessment) = &loaded.assessment else { return };
    let file = display_path(&loaded.folder, ASSESSMENT_FILE);
    let root = Place { file: file.clone(), path: Vec::new() };
    let files = &loaded.files;
    let known: BTreeMap<&str, (&Finding, &Recommendation)> = loaded
        .submission
        .findings
        .iter()
        .flat_map(|f| f.recommendations.iter().map(move |r| (r.id.as_str(), (f, r))))
        .collect();
    let mut assessed: BTreeMap<&str, Place> = BTreeMap::new();
    if !crate::date::is_date(&assessment.date) {
        let hint = if super::text_style::is_placeholder(&assessment.date) {
            "replace the TODO with the date of the brief, as YYYY-MM-DD"
        } else {
            "write the date as YYYY-MM-DD"
        };
        out.push(
            files
                .error(&root.key("date"), Target::Value, format!("`{}` is not a date", assessment.date))
                .with_hint(hint),
        );
    }
    // A `TODO` left in the assessment's texts (the draft `amicus suggest` writes has some)
    // would be printed in the brief as it stands.
    for (place, text) in assessment_texts(assessment, &root) {
        if super::text_style::is_placeholder(text) {
            out.push(
                files
                    .warning(
                        &place,
                        Target::Value,
                        "placeholder text left to replace: the brief would print it as it stands".to_owned(),
                    )
                    .with_hint("replace the TODO with your own text"),
            );
        }
    }
    for (i, a) in assessment.recommendations.iter().enumerate() {
        let p = root.key("recommendations").index(i);
        let id = a.recommendation.as_str();
        if !known.contains_key(id) {
            let hint = match did_you_mean(id, known.keys().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => "use the `id` of a recommendation in the submission".into(),
            };
            out.push(
                files
                    .error(
                        &p.key("recommendation"),
                        Target::Value,
                        format!("the submission has no recommendation `{id}`"),
                    )
                    .with_hint(hint),
            );
        }
        if assessed.insert(id, p.clone()).is_some() {
            out.push(
                files
                    .error(&p.key("recommendation"), Target::Value, format!("recommendation `{id}` is assessed twice"))
                    .with_hint("keep one entry per recommendation"),
            );
        }
        let mut cited = Vec::new();
        for (j, text) in a.paragraphs.iter().enumerate() {
            let cp = p.key("paragraphs").index(j);
            match parse_citations(text) {
                Ok(cs) => {
                    for c in &cs {
                        if let Some(co) = &loaded.co
                            && let Err(why) = resolve(co, c)
                        {
                            out.push(
                                files
                                    .error(&cp, Target::Value, why)
                                    .with_hint(format!("the paragraphs in {CO_FILE} are: {}", paragraph_list(co))),
                            );
                        }
                    }
                    cited.extend(cs);
                }
                Err(e) => out.push(
                    files
                        .error(&cp, Target::Value, format!("cannot read the paragraph reference `{text}`: {e}"))
                        .with_hint("write it like `34 (d)`, `40` or `paras. 34 (c)–(d)`"),
                ),
            }
        }
        match a.reflected {
            Reflection::Fully | Reflection::Partially if a.paragraphs.is_empty() => out.push(
                files
                    .error(
                        &p.key("reflected"),
                        Target::Value,
                        format!("`{}` needs the CO paragraph(s) that reflect it", kebab(a.reflected)),
                    )
                    .with_hint("add `paragraphs: [\"34 (d)\"]`, or set `reflected: not-reflected`"),
            ),
            Reflection::NotReflected if !a.paragraphs.is_empty() => out.push(
                files
                    .warning(
                        &p.key("paragraphs"),
                        Target::Value,
                        "paragraphs are given for a recommendation marked `not-reflected`",
                    )
                    .with_hint("remove them, or set `reflected: partially`"),
            ),
            Reflection::Pending => out.push(
                files
                    .warning(&p.key("reflected"), Target::Value, format!("recommendation `{id}` is not assessed yet"))
                    .with_hint("set `reflected:` to fully, partially or not-reflected"),
            ),
            _ => {}
        }
        if let Some(q) = &a.quote {
            check_excerpt(loaded, &p, q, &cited, out);
        }
        if a.suggested.is_some() {
            out.push(
                files
                    .warning(
                        &p.key("suggested"),
                        Target::Key(0),
                        format!("the entry for `{id}` is a machine suggestion nobody has reviewed"),
                    )
                    .with_hint("check the paragraphs and `reflected:`, then delete the `suggested:` block"),
            );
        }
        if let Some(imp) = &a.implementation {
            let grades = loaded.submission.committee.grades();
            if grades.is_empty() {
                // No official scale: any short label is accepted.
            } else if !grades.iter().any(|g| g.code == imp.grade) {
                let allowed: Vec<String> = grades.iter().map(|g| format!("{} ({})", g.code, g.label)).collect();
                out.push(
                    files
                        .error(
                            &p.key("implementation").key("grade"),
                            Target::Value,
                            format!("`{}` is not a grade of the {}", imp.grade, loaded.submission.committee.name()),
                        )
                        .with_hint(format!("use one of: {}", allowed.join("; "))),
                );
            }
        }
    }
    for (id, (f, _)) in &known {
        if !assessed.contains_key(id) {
            out.push(
                files
                    .warning(
                        &root.key("recommendations"),
                        Target::Value,
                        format!("recommendation `{id}` (finding `{}`) is not assessed", f.id),
                    )
                    .with_hint("add an entry for it, or run `amicus suggest` to draft one"),
            );
        }
    }
    let ids: BTreeSet<&str> = known.keys().copied().collect();
    check_asks(loaded, &root, &ids, out);
}

/// Checks the asks: recommendations that exist, and dates.
/// The texts of the assessment that the brief prints, with their places.
fn assessment_texts<'a>(a: &'a crate::model::Assessment, root: &Place) -> Vec<(Place, &'a str)> {
    let mut out = vec![(root.key("title"), a.title.as_str())];
    for (key, md) in [("introduction", &a.introduction), ("context", &a.context), ("conclusion", &a.conclusion)] {
        if let Some(md) = md {
            out.push((root.key(key), md.text.as_str()));
        }
    }
    for (i, r) in a.recommendations.iter().enumerate() {
        let p = root.key("recommendations").index(i);
        out.extend(r.comment.as_ref().map(|c| (p.key("comment"), c.text.as_str())));
        out.extend(r.quote.as_deref().map(|q| (p.key("quote"), q)));
        if let Some(imp) = &r.implementation {
            out.extend(imp.note.as_deref().map(|n| (p.key("implementation").key("note"), n)));
        }
    }
    if let Some(asks) = &a.asks {
        for (key, list) in [("state", &asks.state), ("committee", &asks.committee)] {
            for (i, ask) in list.iter().enumerate() {
                out.push((root.key("asks").key(key).index(i).key("ask"), ask.ask.as_str()));
            }
        }
    }
    out
}

fn check_asks(loaded: &Loaded, root: &Place, known: &BTreeSet<&str>, out: &mut Vec<Diagnostic>) {
    let Some(asks) = loaded.assessment.as_ref().and_then(|a| a.asks.as_ref()) else { return };
    let files = &loaded.files;
    let deadline = loaded.co.as_ref().and_then(|co| co.follow_up.as_ref()).and_then(|f| f.deadline.as_ref());
    for (key, list) in [("state", &asks.state), ("committee", &asks.committee)] {
        for (i, ask) in list.iter().enumerate() {
            let p = root.key("asks").key(key).index(i);
            for (j, id) in ask.recommendations.iter().enumerate() {
                if !known.contains(id.as_str()) {
                    let hint = match did_you_mean(id, known.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => "use the `id` of a recommendation in the submission".into(),
                    };
                    out.push(
                        files
                            .error(
                                &p.key("recommendations").index(j),
                                Target::Value,
                                format!("the submission has no recommendation `{id}`"),
                            )
                            .with_hint(hint),
                    );
                }
            }
            match ask.by.as_deref().map(str::trim) {
                None => {}
                Some("follow-up") if deadline.is_none() => out.push(
                    files
                        .warning(
                            &p.key("by"),
                            Target::Value,
                            format!("`by: follow-up` but {CO_FILE} gives no follow-up deadline"),
                        )
                        .with_hint("add `deadline:` under `follow_up:` in the CO file, or give a date here"),
                ),
                Some("follow-up") => {}
                Some(d) if crate::date::is_date(d) => {}
                Some(d) => out.push(
                    files
                        .error(&p.key("by"), Target::Value, format!("`{d}` is not a date"))
                        .with_hint("write a date as YYYY-MM-DD, or `follow-up` for the committee's follow-up deadline"),
                ),
            }
        }
    }
}

/// The marks an advocate may use for words left out of a quotation.
pub(super) const ELLIPSES: [&str; 4] = ["[…]", "[...]", "…", "..."];

/// Text compared for an excerpt: runs of white space as one space, typographic quotes as
/// plain ones, lower case (an excerpt may start a sentence mid-way), and no hyphens or dashes
/// at all: words hyphenated at a line break of the PDF come out of a copy as
/// `awarenessraising` as often as `awareness-raising`.
pub(super) fn excerpt_normal(text: &str) -> String {
    let mapped: String = text
        .chars()
        .filter(|c| !matches!(c, '-' | '–' | '—' | '‑' | '−' | '\u{ad}'))
        .map(|c| match c {
            '‘' | '’' | '‚' | '′' => '\'',
            '“' | '”' | '„' | '″' | '«' | '»' => '"',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where an excerpt stops matching the text it claims to come from: `None` when every piece
/// between the ellipses appears in the text, in order; otherwise the first piece that does
/// not, and whether it is in the text, only before the piece preceding it.
pub fn excerpt_mismatch(excerpt: &str, source: &str) -> Option<(String, bool)> {
    let mut marked = excerpt.to_owned();
    for e in ELLIPSES {
        marked = marked.replace(e, "\u{0}");
    }
    let source = excerpt_normal(source);
    let mut from = 0;
    for piece in marked.split('\u{0}') {
        let wanted = excerpt_normal(piece);
        let wanted = wanted.trim_matches(|c: char| c.is_whitespace() || c == '"');
        if wanted.is_empty() {
            continue;
        }
        match source[from..].find(wanted) {
            Some(at) => from += at + wanted.len(),
            None => return Some((piece.trim().to_owned(), source.contains(wanted))),
        }
    }
    None
}

/// Checks that a `quote:` is an excerpt of the text its entry cites.
fn check_excerpt(loaded: &Loaded, p: &Place, excerpt: &str, cited: &[Citation], out: &mut Vec<Diagnostic>) {
    let files = &loaded.files;
    let place = p.key("quote");
    if excerpt.trim().is_empty() || ELLIPSES.iter().fold(excerpt.to_owned(), |t, e| t.replace(e, "")).trim().is_empty()
    {
        out.push(
            files
                .error(&place, Target::Value, "the quote is empty")
                .with_hint("copy the committee's words you want to quote, or delete `quote:` to quote the whole text"),
        );
        return;
    }
    if cited.is_empty() {
        out.push(
            files
                .error(&place, Target::Value, "a `quote:` needs the paragraphs it is taken from")
                .with_hint("add `paragraphs: [\"40\"]` with the paragraph(s) the excerpt comes from"),
        );
        return;
    }
    let Some(co) = &loaded.co else { return };
    if cited.iter().any(|c| resolve(co, c).is_err()) {
        return; // reported with the paragraphs
    }
    let source: Vec<String> =
        crate::brief::compare::merge(cited).iter().map(|c| crate::brief::compare::quote(co, c).flat_text()).collect();
    if let Some((piece, earlier)) = excerpt_mismatch(excerpt, &source.join(" ")) {
        let (why, hint) = if earlier {
            ("comes before the words quoted ahead of it", "keep the pieces of an excerpt in the order of the CO")
        } else {
            ("is not in its text", "copy the committee's words exactly as in the CO, and mark each gap with …")
        };
        out.push(
            files
                .error(
                    &place,
                    Target::Value,
                    format!(
                        "the quote is not an excerpt of {}: “{piece}” {why}",
                        crate::model::citation::cite_paragraphs(cited)
                    ),
                )
                .with_hint(hint),
        );
    }
}

/// Warns when the dates of the concluding observations, the session and the brief do not fit
/// together: a wrong date from an import would otherwise be printed in every output.
fn check_dates(loaded: &Loaded, co: &ConcludingObservations, root: &Place, out: &mut Vec<Diagnostic>) {
    use crate::date::Date;
    let files = &loaded.files;
    let date = |d: &Option<String>| d.as_deref().and_then(|d| Date::parse(d.trim()));
    let adopted = date(&co.adopted);
    let published = date(&co.published);
    if let (Some(a), Some(p)) = (adopted, published) {
        if p < a {
            out.push(
                files
                    .warning(
                        &root.key("published"),
                        Target::Value,
                        format!("the CO are dated {}, before they were adopted on {}", p.long(), a.long()),
                    )
                    .with_hint("check both dates against the document: `published` is the date under \"Distr.\", `adopted` the one in the introduction or the last paragraph"),
            );
        } else if p > a.add_months(6) {
            out.push(
                files
                    .warning(
                        &root.key("published"),
                        Target::Value,
                        format!(
                            "the CO are dated {}, more than six months after their adoption on {}",
                            p.long(),
                            a.long()
                        ),
                    )
                    .with_hint("check the date under \"Distr.\" against the document: the UN usually issues concluding observations within weeks of adoption"),
            );
        }
    }
    let s = &loaded.submission.session;
    if let (Some(a), true) = (adopted, co.session == Some(s.number)) {
        let start = s.start.as_deref().and_then(Date::parse);
        let end = s.end.as_deref().and_then(Date::parse);
        let outside = start.is_some_and(|st| a < st) || end.is_some_and(|e| a > e);
        if outside {
            let span = match (&s.start, &s.end) {
                (Some(st), Some(e)) => crate::i18n::Words::new("en").date_range(st, e),
                (Some(d), None) | (None, Some(d)) => crate::report::view::long_date(d),
                (None, None) => String::new(),
            };
            out.push(
                files
                    .warning(
                        &root.key("adopted"),
                        Target::Value,
                        format!("adopted on {}, outside the {} session ({span})", a.long(), crate::report::view::ordinal(s.number)),
                    )
                    .with_hint("committees adopt concluding observations during the session of the review: check the date in the CO, and the session dates in submission.yaml"),
            );
        }
    }
    if let (Some(a), Some(fu)) = (adopted, &co.follow_up)
        && let Some(d) = date(&fu.deadline)
        && d <= a
    {
        out.push(
            files
                .warning(
                    &root.key("follow_up").key("deadline"),
                    Target::Value,
                    format!("the follow-up deadline {} is not after the adoption on {}", d.long(), a.long()),
                )
                .with_hint("the deadline is usually one or two years after adoption: check the follow-up paragraph"),
        );
    }
    // The report went to the committee before the review the CO close; a date after them is
    // usually the day `amicus new` was run, kept while the report was entered afterwards.
    let review_end = adopted.map(|a| (a, "adopted")).or(published.map(|p| (p, "dated")));
    if let (Some((end, how)), Some(report)) = (review_end, Date::parse(loaded.submission.date.trim()))
        && report > end
        && loaded.submission.stage != crate::model::submission::Stage::FollowUp
    {
        out.push(
            files
                .warning(
                    &loaded.root().key("date"),
                    Target::Value,
                    format!(
                        "the report is dated {}, after the concluding observations {} ({how} {})",
                        report.long(),
                        co.symbol,
                        end.long()
                    ),
                )
                .with_hint("write the day the report was sent to the committee in `date:` (`amicus new` writes the day it was run); the brief cites it, or set `stage: follow-up` for information sent after the review"),
        );
    }
    if let (Some(a), Some(brief)) = (adopted, loaded.assessment.as_ref().and_then(|x| Date::parse(x.date.trim())))
        && brief < a
    {
        let place = Place { file: display_path(&loaded.folder, ASSESSMENT_FILE), path: Vec::new() };
        out.push(
            files
                .warning(
                    &place.key("date"),
                    Target::Value,
                    format!("the brief is dated {}, before the CO were adopted on {}", brief.long(), a.long()),
                )
                .with_hint("date the brief the day you publish it"),
        );
    }
}

fn kebab(r: Reflection) -> &'static str {
    match r {
        Reflection::Fully => "fully",
        Reflection::Partially => "partially",
        Reflection::NotReflected => "not-reflected",
        Reflection::Pending => "pending",
    }
}

/// "29, 34 (a)–(d), 40" — what the CO file holds, for hints.
pub fn paragraph_list(co: &ConcludingObservations) -> String {
    let list: Vec<String> = co
        .paragraphs()
        .map(|(_, p)| {
            let letters: Vec<char> = p.subparagraphs.iter().filter_map(|s| s.letter.chars().next()).collect();
            Citation { paragraph: p.number, letters }.to_string()
        })
        .collect();
    if list.is_empty() { "none".into() } else { list.join(", ") }
}

/// Checks that a citation names a paragraph (and sub-paragraphs) present in the CO.
pub fn resolve(co: &ConcludingObservations, c: &Citation) -> Result<(), String> {
    let Some(p) = co.paragraph(c.paragraph) else {
        return Err(format!("{} has no paragraph {}", co.symbol, c.paragraph));
    };
    for l in &c.letters {
        if p.sub(*l).is_none() {
            return Err(format!("paragraph {} of {} has no sub-paragraph ({l})", c.paragraph, co.symbol));
        }
    }
    Ok(())
}

/// Checks a list of citations the CO selects (`follow_up.selected`,
/// `follow_up.particular_importance.selected`): each must read, and should name a paragraph
/// the file holds.
fn check_selection(
    files: &crate::load::Files,
    co: &ConcludingObservations,
    place: &Place,
    list: &[String],
    what: &str,
    out: &mut Vec<Diagnostic>,
) {
    for (i, text) in list.iter().enumerate() {
        match parse_citations(text) {
            Ok(cs) => {
                for c in cs {
                    // The committee selects recommendations: a selected paragraph given
                    // another role in the file has the wrong role, or is the wrong number.
                    if let Some(role) = co.paragraph(c.paragraph).and_then(|p| p.role)
                        && role != Role::Recommendation
                    {
                        out.push(
                            files
                                .warning(
                                    &place.index(i),
                                    Target::Value,
                                    format!(
                                        "{what} paragraph {} has the role `{role}` in {CO_FILE}; the committee selects recommendations",
                                        c.paragraph
                                    ),
                                )
                                .with_hint(format!(
                                    "check the number here, or set `role: recommendation` on paragraph {} if that is what it is",
                                    c.paragraph
                                )),
                        );
                    }
                    if c.paragraph as usize > 0 && co.paragraph(c.paragraph).is_none() && !co.sections.is_empty() {
                        out.push(
                            files
                                .warning(
                                    &place.index(i),
                                    Target::Value,
                                    format!(
                                        "{what} paragraph {} is not among the paragraphs in {CO_FILE}",
                                        c.paragraph
                                    ),
                                )
                                .with_hint("import the whole CO, or add the paragraph"),
                        );
                    }
                }
            }
            Err(e) => out.push(files.error(&place.index(i), Target::Value, format!("cannot read `{text}`: {e}"))),
        }
    }
}

fn check_co(loaded: &Loaded, co: &ConcludingObservations, out: &mut Vec<Diagnostic>) {
    let file = display_path(&loaded.folder, CO_FILE);
    let root = Place { file, path: Vec::new() };
    let files = &loaded.files;
    if co.committee != loaded.submission.committee {
        out.push(
            files
                .error(
                    &root.key("committee"),
                    Target::Value,
                    format!(
                        "these concluding observations are by the {}, the submission went to the {}",
                        co.committee.code(),
                        loaded.submission.committee.code()
                    ),
                )
                .with_hint("import the concluding observations of the committee the submission was sent to"),
        );
    }
    if !co.symbol.starts_with(co.committee.code()) && !co.symbol.starts_with("E/C.12") {
        out.push(files.warning(
            &root.key("symbol"),
            Target::Value,
            format!("the symbol `{}` does not start with {}", co.symbol, co.committee.code()),
        ));
    }
    for (key, v) in [("adopted", &co.adopted), ("published", &co.published)] {
        if let Some(v) = v
            && !crate::date::is_date(v)
        {
            out.push(
                files
                    .error(&root.key(key), Target::Value, format!("`{v}` is not a date"))
                    .with_hint("write the date as YYYY-MM-DD"),
            );
        }
    }
    if let Some(lang) = &co.language
        && !["en", "fr", "es"].contains(&lang.as_str())
    {
        out.push(
            files
                .warning(
                    &root.key("language"),
                    Target::Value,
                    format!("`{lang}` is not a language Amicus reads concluding observations in"),
                )
                .with_hint("write `en`, `fr` or `es`, or remove the line"),
        );
    }
    check_dates(loaded, co, &root, out);
    let mut seen = BTreeSet::new();
    for (si, s) in co.sections.iter().enumerate() {
        for (pi, p) in s.paragraphs.iter().enumerate() {
            let pp = root.key("sections").index(si).key("paragraphs").index(pi);
            if !seen.insert(p.number) {
                out.push(
                    files
                        .error(&pp.key("number"), Target::Value, format!("paragraph {} appears twice", p.number))
                        .with_hint("each paragraph number may appear once"),
                );
            }
            check_co_length(files, &pp.key("text"), &p.text, out);
            if let Some(heading) = &p.heading {
                check_co_length(files, &pp.key("heading"), heading, out);
            }
            let mut letters = BTreeSet::new();
            for (li, sub) in p.subparagraphs.iter().enumerate() {
                check_co_length(files, &pp.key("subparagraphs").index(li).key("text"), &sub.text, out);
                let ok = sub.letter.chars().count() == 1 && sub.letter.chars().all(|c| c.is_ascii_lowercase());
                if !ok {
                    out.push(
                        files
                            .error(
                                &pp.key("subparagraphs").index(li).key("letter"),
                                Target::Value,
                                format!("`{}` is not a sub-paragraph letter", sub.letter),
                            )
                            .with_hint("write the letter alone, e.g. `a`"),
                    );
                } else if !letters.insert(sub.letter.clone()) {
                    out.push(files.error(
                        &pp.key("subparagraphs").index(li).key("letter"),
                        Target::Value,
                        format!("sub-paragraph ({}) appears twice in paragraph {}", sub.letter, p.number),
                    ));
                }
            }
        }
    }
    if let Some(fu) = &co.follow_up {
        let fp = root.key("follow_up");
        check_selection(files, co, &fp.key("selected"), &fu.selected, "follow-up", out);
        if let Some(pi) = &fu.particular_importance {
            let place = fp.key("particular_importance").key("selected");
            check_selection(files, co, &place, &pi.selected, "\"particular importance\"", out);
        }
        if let Some(d) = &fu.deadline
            && !crate::date::is_date(d)
        {
            out.push(
                files
                    .error(&fp.key("deadline"), Target::Value, format!("`{d}` is not a date"))
                    .with_hint("write the date as YYYY-MM-DD"),
            );
        }
    }
}

/// Holds a paragraph's text to [`crate::doc::markdown::MAX_PARAGRAPH_CHARS`]: the brief lays
/// the paragraphs it quotes out as one paragraph each, in time growing with the square of
/// their length (text imported from someone else's document is untrusted input).
fn check_co_length(files: &crate::load::Files, place: &Place, text: &str, out: &mut Vec<Diagnostic>) {
    let heading = place.path.last().is_some_and(|s| matches!(s, crate::load::locate::Seg::Key(k) if k == "heading"));
    let (max, what) = if heading {
        (crate::doc::markdown::MAX_HEADING_CHARS, "heading")
    } else {
        (crate::doc::markdown::MAX_PARAGRAPH_CHARS, "paragraph")
    };
    let chars = text.chars().count();
    if chars > max {
        let number = |n: usize| crate::i18n::number("en", n as u64);
        out.push(
            files
                .error(
                    place,
                    Target::Value,
                    format!(
                        "this {what} has {} characters, more than Amicus lays out as one {what} ({}; the longest paragraph of the real concluding observations Amicus was tried on has 4,155)",
                        number(chars),
                        number(max)
                    ),
                )
                .with_hint("the import may have run several paragraphs together: split it at the document's paragraph numbers"),
        );
    }
}

#[cfg(test)]
mod excerpt_tests {
    use super::excerpt_mismatch;

    const TEXT: &str = "The State party should enhance the protection of refugees. It should consider amending its Law \"On Refugees\" to ensure that asylum procedures are aligned.";

    #[test]
    fn an_excerpt_is_pieces_of_the_text_in_order() {
        assert_eq!(excerpt_mismatch("should enhance the protection", TEXT), None);
        assert_eq!(
            excerpt_mismatch("The State party should … amending its Law “On Refugees” […] are aligned.", TEXT),
            None
        );
        assert_eq!(
            excerpt_mismatch("the state party SHOULD   enhance...aligned", TEXT),
            None,
            "case and spacing aside"
        );
        assert_eq!(excerpt_mismatch("should protect refugees", TEXT), Some(("should protect refugees".into(), false)));
        assert_eq!(
            excerpt_mismatch("asylum procedures … enhance the protection", TEXT),
            Some(("enhance the protection".into(), true))
        );
    }
}
