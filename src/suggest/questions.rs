//! Which of the questions the organisations suggested (`questions:` of each finding) the
//! Committee asked in its list of issues (`list-of-issues.yaml`, from `amicus import-loi`):
//! the ranking of `amicus suggest`, with the list's questions in place of the paragraphs of
//! concluding observations. Each question of the list is a unit, each lettered part one of
//! its own under the question's words; the article heading a question stands under is its
//! subject heading. Then the draft entries of `loi-assessment.yaml` (`asked: pending` and a
//! `suggested:` block) and the file that holds them: the advocate decides, and entries already
//! in the file are never rewritten.

use super::{Lang, Ranker, Ranking};
use crate::model::co::{CoParagraph, CoSection, CoSubparagraph, Role};
use crate::model::loi::ListOfIssues;
use crate::model::{ConcludingObservations, Submission};

use super::draft::{ALTERNATIVES, suggestion};
use super::write::{append, candidate_comment, create_new, excerpt, one_line, plan_append, read_in};
use super::{Candidate, Verdict};
use crate::fs::boundary::yaml_comment;
use crate::load::LOI_ASSESSMENT_FILE;
use crate::model::loi_assessment::{Asked, LoiAssessment, QuestionAssessment};
use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

/// One suggested question and the questions of the list that may be it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionMatch {
    /// The finding's id.
    pub finding_id: String,
    /// The question's place among the finding's `questions:` (0-based).
    pub index: usize,
    /// The question as the organisations wrote it.
    pub text: String,
    /// The questions of the list that may ask it, best first, and how sure that is.
    pub ranking: Ranking,
}

/// The list of issues as observations whose every paragraph is a question, for the ranker.
pub fn as_observations(loi: &ListOfIssues) -> ConcludingObservations {
    let sections = loi
        .sections
        .iter()
        .map(|s| CoSection {
            label: s.label.clone(),
            title: s.title.clone(),
            paragraphs: s
                .questions
                .iter()
                .map(|q| CoParagraph {
                    number: q.number,
                    role: Some(Role::Question),
                    heading: q.heading.clone(),
                    text: q.text.clone(),
                    subparagraphs: q
                        .parts
                        .iter()
                        .map(|p| CoSubparagraph { letter: p.letter.clone(), text: p.text.clone() })
                        .collect(),
                    footnotes: q.footnotes.clone(),
                    earlier: Vec::new(),
                })
                .collect(),
        })
        .collect();
    ConcludingObservations {
        symbol: loi.symbol.clone(),
        committee: loi.committee,
        state: loi.state.clone(),
        title: loi.title.clone(),
        report: loi.report.clone(),
        session: loi.session,
        meetings: None,
        adopted: None,
        published: loi.published.clone(),
        language: loi.language.clone(),
        notes: Vec::new(),
        source: loi.source.clone(),
        sections,
        follow_up: None,
    }
}

/// Ranks the list's questions for every question the findings suggest, in the submission's
/// order. The finding's title counts as the heading the question stands under.
pub fn asked(submission: &Submission, loi: &ListOfIssues) -> Vec<QuestionMatch> {
    let co = as_observations(loi);
    let language = Lang::for_submission(submission);
    let list_language = loi.language.as_deref().and_then(Lang::from_code).unwrap_or_else(|| Lang::for_co(&co));
    let ranker = Ranker::across(&co, list_language, language);
    submission
        .findings
        .iter()
        .flat_map(|f| f.questions.iter().enumerate().map(move |(i, q)| (f, i, q)))
        .map(|(f, index, q)| QuestionMatch {
            finding_id: f.id.clone(),
            index,
            text: q.clone(),
            ranking: ranker.ranking(q, &f.title),
        })
        .collect()
}

/// The file that receives the suggestions when `loi-assessment.yaml` cannot be appended to.
pub const LOI_ASSESSMENT_SUGGESTED_FILE: &str = "loi-assessment.suggested.yaml";

/// What [`draft_questions`] proposes.
#[derive(Debug, Clone)]
pub struct QuestionDraft {
    /// The language the questions were ranked in.
    pub language: Lang,
    /// New entries, in the submission's order, for questions not yet in the file.
    pub entries: Vec<QuestionEntry>,
    /// Questions the file already has (finding id, question): left as the advocate wrote them.
    pub already_assessed: Vec<(String, String)>,
    /// Things the advocate should know (a language mismatch, an empty list), in plain words.
    pub notes: Vec<String>,
}

/// One proposed entry, with what is needed to explain it.
#[derive(Debug, Clone)]
pub struct QuestionEntry {
    /// The title of the finding the question belongs to.
    pub finding_title: String,
    /// How sure the suggestion is.
    pub verdict: Verdict,
    /// The best candidates, best first.
    pub candidates: Vec<Candidate>,
    /// The full ranking: every question or part that shares a word.
    pub ranking: Ranking,
    /// The entry for `loi-assessment.yaml`: `asked: pending`, the best question's number in
    /// `paragraphs` only when [`Verdict::Confident`], and the `suggested:` block.
    pub entry: QuestionAssessment,
}

/// Drafts an entry for `loi-assessment.yaml` for every suggested question of `submission` that `existing` does not have
/// yet (same finding, same words). Entries the advocate wrote are never changed or repeated.
pub fn draft_questions(submission: &Submission, loi: &ListOfIssues, existing: Option<&LoiAssessment>) -> QuestionDraft {
    let questions = as_observations(loi);
    let language = Lang::for_submission(submission);
    let loi_language = loi.language.as_deref().and_then(Lang::from_code).unwrap_or_else(|| Lang::for_co(&questions));
    let mut notes = Vec::new();
    if loi_language != language {
        notes.push(format!(
            "The submission is in {language} but the list of issues is in {loi_language}: words meet only through the \
             field's synonyms and look-alike words, so the suggestions are weaker. Use the list of issues in {language} if \
             the UN publishes it."
        ));
    }
    if questions.paragraphs().next().is_none() {
        notes.push("The list of issues has no questions, so nothing can be suggested.".to_string());
    }
    let has = |finding: &str, question: &str| {
        existing
            .is_some_and(|a| a.questions.iter().any(|q| q.finding == finding && q.question.trim() == question.trim()))
    };
    let titles: std::collections::HashMap<&str, &str> =
        submission.findings.iter().map(|f| (f.id.as_str(), f.title.as_str())).collect();
    let mut entries = Vec::new();
    let mut already_assessed = Vec::new();
    for m in asked(submission, loi) {
        if has(&m.finding_id, &m.text) {
            already_assessed.push((m.finding_id, m.text));
            continue;
        }
        let verdict = m.ranking.verdict();
        let candidates: Vec<Candidate> = m.ranking.candidates.iter().take(ALTERNATIVES + 1).cloned().collect();
        entries.push(QuestionEntry {
            finding_title: titles.get(m.finding_id.as_str()).copied().unwrap_or_default().to_string(),
            entry: entry(&m.finding_id, &m.text, verdict, &candidates),
            verdict,
            candidates,
            ranking: m.ranking,
        });
    }
    QuestionDraft { language, entries, already_assessed, notes }
}

/// The file's entry for one question.
fn entry(finding: &str, question: &str, verdict: Verdict, candidates: &[Candidate]) -> QuestionAssessment {
    let (paragraphs, suggested) = suggestion(verdict, candidates);
    QuestionAssessment {
        finding: finding.to_string(),
        question: question.to_string(),
        asked: Asked::Pending,
        paragraphs,
        comment: None,
        suggested: Some(suggested),
    }
}

/// What [`write_questions`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionsWritten {
    /// The file written, or left alone when there was nothing to add.
    pub path: PathBuf,
    /// How many entries were written.
    pub entries: usize,
    /// Whether the entries went into a new file, the end of the existing one, or a file beside
    /// it (and why).
    pub how: String,
}

/// Writes the draft's entries into the submission folder: a new `loi-assessment.yaml`, or its
/// end when its last key is a block-style `questions:` list, or else
/// [`LOI_ASSESSMENT_SUGGESTED_FILE`] beside it (never over an earlier one). Whatever is written
/// is parsed back first; the advocate's bytes are never changed.
pub fn write_questions(folder: &Path, draft: &QuestionDraft, loi: &ListOfIssues) -> io::Result<QuestionsWritten> {
    let target = folder.join(LOI_ASSESSMENT_FILE);
    let n = draft.entries.len();
    let questions = as_observations(loi);
    if n == 0 {
        return Ok(QuestionsWritten { path: target, entries: 0, how: "nothing to add".into() });
    }
    if target.symlink_metadata().is_err() {
        let mut text = String::new();
        let _ = writeln!(
            text,
            "# Which of the questions your findings suggest the committee asked in its list of issues {}.",
            yaml_comment(&loi.symbol)
        );
        text.push_str(
            "#
#   asked       fully | partly | not-asked | pending (not decided yet)
#   paragraphs  the paragraphs of the list of issues that ask it: \"18\", \"12 (b)\"
#   comment     your reading
#
# The entries were drafted by `amicus suggest`, which compares words, not meanings: each
# `suggested:` block is the machine's suggestion (a score from 0 to 1, the shared words, other
# candidates), and the comments above each entry quote the candidate questions. Check each
# against the list of issues, set `asked`, correct `paragraphs`, then delete the `suggested:` block.

",
        );
        let _ = writeln!(text, "list_of_issues: {}", serde_yaml::to_string(&loi.symbol).unwrap_or_default().trim_end());
        text.push_str("\nquestions:\n\n");
        text.push_str(&entries_block(draft, &questions));
        loads_with(&text, n).map_err(|e| io::Error::other(format!("internal error: the draft does not load ({e})")))?;
        create_new(&target, &text)?;
        return Ok(QuestionsWritten { path: target, entries: n, how: "created".into() });
    }
    let existing = read_in(folder, LOI_ASSESSMENT_FILE)?;
    let reason = match appended(&existing, draft, &questions) {
        Ok(addition) => {
            append(&target, &existing, &addition)?;
            return Ok(QuestionsWritten { path: target, entries: n, how: "appended".into() });
        }
        Err(reason) => reason,
    };
    let beside = folder.join(LOI_ASSESSMENT_SUGGESTED_FILE);
    if beside.exists() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} already exists, from an earlier run: copy what you need from it into {LOI_ASSESSMENT_FILE}, delete it, \
                 and run `amicus suggest` again ({LOI_ASSESSMENT_FILE} could not be appended to because {reason})",
                beside.display()
            ),
        ));
    }
    let mut text = format!(
        "# Suggested entries for {LOI_ASSESSMENT_FILE}, drafted by `amicus suggest`: it was left untouched because {}.\n\
         # Copy the entries you want into its `questions:` list, then delete this file. Amicus does not read it.\n\n\
         questions:\n\n",
        one_line(&reason)
    );
    text.push_str(&entries_block(draft, &questions));
    loads_with(&text, n).map_err(|e| io::Error::other(format!("internal error: the suggestions do not load ({e})")))?;
    create_new(&beside, &text)?;
    Ok(QuestionsWritten { path: beside, entries: n, how: format!("beside, because {reason}") })
}

/// The text to append to `existing`, checked; or why appending is not safe.
fn appended(existing: &str, draft: &QuestionDraft, questions: &ConcludingObservations) -> Result<String, String> {
    let before: LoiAssessment =
        serde_yaml::from_str(existing).map_err(|e| format!("it does not load ({e}); fix it with `amicus check`"))?;
    let plan = plan_append(existing, "questions")?;
    let mut addition = String::new();
    if !existing.is_empty() && !existing.ends_with('\n') {
        addition.push('\n');
    }
    if plan.add_key {
        addition.push_str("\nquestions:\n");
    }
    addition.push('\n');
    addition.push_str(&block(draft, questions, plan.indent));
    if existing.contains("\r\n") {
        addition = addition.replace('\n', "\r\n");
    }
    let after: LoiAssessment = serde_yaml::from_str(&format!("{existing}{addition}"))
        .map_err(|e| format!("the entries could not be added without breaking it ({e})"))?;
    let old = before.questions.len();
    let kept = serde_yaml::to_value(&after.questions[..old.min(after.questions.len())]).ok();
    if after.questions.len() != old + draft.entries.len() || kept != serde_yaml::to_value(&before.questions).ok() {
        return Err("adding the entries at the end would change how the file reads".into());
    }
    Ok(addition)
}

/// Checks that a written file loads with `n` entries.
fn loads_with(text: &str, n: usize) -> Result<(), String> {
    let a: LoiAssessment = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
    if a.questions.len() != n {
        return Err(format!("{} entries instead of {n}", a.questions.len()));
    }
    Ok(())
}

/// The entries, indented by two spaces.
fn entries_block(draft: &QuestionDraft, questions: &ConcludingObservations) -> String {
    block(draft, questions, 2)
}

/// The entries as YAML list items indented by `indent` spaces, each preceded by comments
/// quoting the question and the candidate questions of the list.
fn block(draft: &QuestionDraft, questions: &ConcludingObservations, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{pad}# ── Drafted by `amicus suggest`: review each entry, then delete its `suggested:` block ──\n"
    );
    let mut finding = None;
    for e in &draft.entries {
        if finding != Some(&e.entry.finding) {
            let _ = writeln!(out, "{pad}# --- {} ({}) ---", one_line(&e.finding_title), e.entry.finding);
            finding = Some(&e.entry.finding);
        }
        let _ = writeln!(out, "{pad}# Suggested question: “{}”", excerpt(&e.entry.question));
        let line = match (e.verdict, e.candidates.first()) {
            (Verdict::Confident, Some(best)) => {
                format!("Suggested: question {} (score {:.2}). Check it, then set `asked`.", best.citation, best.score)
            }
            (Verdict::Uncertain, _) => "No question stands out: choose among these, or none.".to_string(),
            _ => "No question of the list seems to ask this (then set `asked: not-asked`).".to_string(),
        };
        let _ = writeln!(out, "{pad}# {line}");
        for c in &e.candidates {
            out.push_str(&candidate_comment(c, questions, &pad));
        }
        let yaml = serde_yaml::to_string(&[&e.entry]).unwrap_or_default();
        for line in yaml.lines() {
            let _ = writeln!(out, "{pad}{line}");
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A short list of issues with a lettered question, and a submission suggesting three
    /// questions, one of them already decided by the advocate.
    fn fixture() -> (Submission, ListOfIssues) {
        let submission: Submission = serde_yaml::from_str(
            r#"
committee: CRPD
session: {number: 30}
state: Utopia
stage: loi
title: Test
date: 2025-01-01
confidentiality: public
organisations: [{name: Org}]
summary: Summary.
findings:
  - id: capacity
    title: Guardianship
    body: Body.
    questions:
      - How many adults are under guardianship, and how many have a supporter instead?
      - When will the State withdraw its reservation to article 12?
  - id: schools
    title: Segregated schools
    body: Body.
    questions:
      - How many deaf children learn in sign language?
"#,
        )
        .expect("submission");
        let loi: ListOfIssues = serde_yaml::from_str(
            r#"
symbol: CRPD/C/UTO/Q/1
kind: list-of-issues
committee: CRPD
state: Utopia
language: en
sections:
  - label: A
    title: General obligations (arts. 1-4)
    questions:
      - number: 1
        heading: General obligations (art. 4)
        text: Please inform the Committee whether the State party intends to withdraw the reservation to article 12 (4).
  - label: B
    title: Specific rights (arts. 5-30)
    questions:
      - number: 2
        heading: Equal recognition before the law (art. 12)
        text: "Please provide information on:"
        parts:
          - {letter: a, text: the number of persons under guardianship or other substituted decision-making;}
          - {letter: b, text: the number of persons receiving support in decision-making.}
      - number: 3
        heading: Work and employment (art. 27)
        text: Please give an update on measures taken to increase employment of persons with disabilities.
"#,
        )
        .expect("list of issues");
        (submission, loi)
    }

    #[test]
    fn each_question_finds_the_committees_question_or_part() {
        let (s, loi) = fixture();
        let d = draft_questions(&s, &loi, None);
        let best: Vec<Option<String>> =
            d.entries.iter().map(|e| e.candidates.first().map(|c| c.citation.to_string())).collect();
        assert_eq!(best[0].as_deref(), Some("2 (a)"), "{:#?}", d.entries[0].candidates);
        assert_eq!(best[1].as_deref(), Some("1"));
        assert!(d.entries.iter().all(|e| e.entry.asked == Asked::Pending));
        assert_eq!(d.entries[1].entry.finding, "capacity");
        assert!(d.notes.is_empty(), "{:?}", d.notes);
    }

    #[test]
    fn never_repeats_a_question_the_advocate_decided() {
        let (s, loi) = fixture();
        let existing: LoiAssessment = serde_yaml::from_str(
            "questions:\n  - finding: capacity\n    question: When will the State withdraw its reservation to article 12?\n    asked: fully\n    paragraphs: ['1']\n",
        )
        .expect("file");
        let d = draft_questions(&s, &loi, Some(&existing));
        assert_eq!(d.entries.len(), 2);
        assert_eq!(d.already_assessed.len(), 1);
        assert!(d.entries.iter().all(|e| !e.entry.question.contains("reservation")));
    }

    #[test]
    fn writes_then_appends_and_keeps_the_advocates_bytes() {
        let (s, loi) = fixture();
        let dir = tempfile::tempdir().expect("tempdir");
        let mut first = s.clone();
        first.findings[1].questions.clear();
        let d = draft_questions(&first, &loi, None);
        let w = write_questions(dir.path(), &d, &loi).expect("write");
        assert_eq!((w.entries, w.how.as_str()), (2, "created"));
        let path = dir.path().join(LOI_ASSESSMENT_FILE);
        let written = std::fs::read_to_string(&path).expect("read");
        // The advocate decides one entry and adds a comment of their own.
        let decided = written.replacen("asked: pending", "asked: fully # checked", 1);
        std::fs::write(&path, &decided).expect("edit");
        let existing: LoiAssessment = serde_yaml::from_str(&decided).expect("loads");
        let d = draft_questions(&s, &loi, Some(&existing));
        assert_eq!(d.entries.len(), 1);
        let w = write_questions(dir.path(), &d, &loi).expect("append");
        assert_eq!(w.how, "appended");
        let after = std::fs::read_to_string(&path).expect("read");
        assert!(after.starts_with(&decided), "the advocate's bytes come first, unchanged");
        let all: LoiAssessment = serde_yaml::from_str(&after).expect("loads");
        assert_eq!(all.questions.len(), 3);
        assert_eq!(all.questions[0].asked, Asked::Fully);
        assert_eq!(all.questions[2].finding, "schools");
    }
}
