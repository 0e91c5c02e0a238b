//! `loi-assessment.yaml` against the submission and `list-of-issues.yaml`: every entry names
//! a finding of the submission and one of its suggested questions, and every paragraph it cites
//! is a question (and lettered part) of the list of issues.

use crate::diag::{Diagnostic, did_you_mean};
use crate::load::locate::Target;
use crate::load::{LOI_ASSESSMENT_FILE, LOI_FILE, Loaded, Place, display_path};
use crate::model::loi_assessment::Asked;
use crate::model::parse_citations;

/// Checks the file, if the folder has it.
pub fn check(loaded: &Loaded, out: &mut Vec<Diagnostic>) {
    let Some(assessment) = &loaded.loi_assessment else { return };
    let root = Place { file: display_path(&loaded.folder, LOI_ASSESSMENT_FILE), path: Vec::new() };
    let files = &loaded.files;
    let findings = &loaded.submission.findings;
    for (i, entry) in assessment.questions.iter().enumerate() {
        let at = root.key("questions").index(i);
        match findings.iter().find(|f| f.id == entry.finding) {
            None => {
                let hint = match did_you_mean(&entry.finding, findings.iter().map(|f| f.id.as_str())) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "use the `id` of a finding whose `questions:` hold the question".into(),
                };
                out.push(
                    files
                        .error(
                            &at.key("finding"),
                            Target::Value,
                            format!("the submission has no finding `{}`", entry.finding),
                        )
                        .with_hint(hint),
                );
            }
            Some(f) if !f.questions.iter().any(|q| q.trim() == entry.question.trim()) => out.push(
                files
                    .warning(
                        &at.key("question"),
                        Target::Value,
                        format!("finding `{}` has no such question among its `questions:`", f.id),
                    )
                    .with_hint(
                        "the question was changed or removed in the finding: copy its words here as the finding \
                         writes them, or delete this entry and run `amicus suggest` again",
                    ),
            ),
            Some(_) => {}
        }
        match (entry.asked, entry.paragraphs.is_empty()) {
            (Asked::Fully | Asked::Partly, true) => out.push(
                files
                    .warning(&at.key("asked"), Target::Value, "the entry says the question was asked, but not where")
                    .with_hint(
                        "list the paragraphs of the list of issues that ask it under `paragraphs:`, e.g. [\"18\"]",
                    ),
            ),
            (Asked::NotAsked, false) => out.push(
                files
                    .warning(&at.key("paragraphs"), Target::Value, "the entry says `not-asked` but cites paragraphs")
                    .with_hint("set `asked: partly` if one of them asks part of it, or delete the paragraphs"),
            ),
            _ => {}
        }
        for (j, cited) in entry.paragraphs.iter().enumerate() {
            let place = at.key("paragraphs").index(j);
            let citations = match parse_citations(cited) {
                Ok(c) => c,
                Err(e) => {
                    out.push(
                        files
                            .error(&place, Target::Value, format!("`{cited}` is not a paragraph number: {e}"))
                            .with_hint("write the number as the list of issues prints it: \"18\", or \"12 (b)\""),
                    );
                    continue;
                }
            };
            let Some(loi) = &loaded.loi else {
                out.push(
                    files
                        .warning(
                            &place,
                            Target::Value,
                            format!("the paragraph cannot be checked: the folder has no {LOI_FILE}"),
                        )
                        .with_hint(format!(
                            "import the list of issues: amicus import-loi <list.pdf> --into {}",
                            loaded.folder.display()
                        )),
                );
                continue;
            };
            for c in citations {
                let Some(question) = loi.question(c.paragraph) else {
                    let last = loi.questions().map(|(_, q)| q.number).max().unwrap_or(0);
                    out.push(
                        files
                            .error(&place, Target::Value, format!("{} has no paragraph {}", loi.symbol, c.paragraph))
                            .with_hint(format!("its paragraphs are numbered 1 to {last}: see {LOI_FILE}")),
                    );
                    continue;
                };
                for letter in &c.letters {
                    if question.part(*letter).is_none() {
                        let parts: Vec<String> = question.parts.iter().map(|p| format!("({})", p.letter)).collect();
                        let hint = if parts.is_empty() {
                            format!("paragraph {} has no lettered parts: cite \"{}\"", c.paragraph, c.paragraph)
                        } else {
                            format!("its parts are {}", parts.join(", "))
                        };
                        out.push(
                            files
                                .error(
                                    &place,
                                    Target::Value,
                                    format!("paragraph {} of {} has no part ({letter})", c.paragraph, loi.symbol),
                                )
                                .with_hint(hint),
                        );
                    }
                }
            }
        }
    }
}
