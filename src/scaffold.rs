//! `amicus new`: a complete, commented submission folder that builds at once.
//!
//! Placeholders contain `TODO`, which `amicus check` reports until they are replaced.

use crate::cli::{NewArgs, SchemaKind};
use crate::diag::Diagnostic;
use crate::diag::did_you_mean;
use crate::model::Committee;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// A YAML double-quoted scalar for any text (a JSON string is valid YAML).
fn yaml_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// Where the answers to `amicus new`'s questions come from.
enum Answers {
    /// Nobody to ask (`--no-input`): the defaults.
    None,
    /// A person at a terminal: ask, and ask again after an answer that cannot be used.
    Terminal,
    /// Lines piped on standard input, one answer per question, in order; an empty line (or
    /// the end of the input) takes the default. An answer that cannot be used is an error,
    /// since nobody is there to ask again.
    Piped {
        /// Whether any line was read, to say so once.
        used: bool,
    },
}

impl Answers {
    /// One answer: the default when there is nobody to ask or the answer is empty.
    fn ask(&mut self, question: &str, default: &str) -> String {
        match self {
            Answers::None => default.to_owned(),
            Answers::Terminal => {
                print!("{question} [{default}]: ");
                let _ = std::io::stdout().flush();
                let mut line = String::new();
                if std::io::stdin().lock().read_line(&mut line).is_err() {
                    return default.to_owned();
                }
                let answer = line.trim();
                if answer.is_empty() { default.to_owned() } else { answer.to_owned() }
            }
            Answers::Piped { used } => {
                let mut line = String::new();
                let read = std::io::stdin().lock().read_line(&mut line).unwrap_or(0);
                let answer = line.trim();
                if read > 0 && !*used {
                    *used = true;
                    eprintln!("note: reading the answers from standard input, one per line");
                }
                let answer = if answer.is_empty() { default.to_owned() } else { answer.to_owned() };
                if read > 0 {
                    eprintln!("{question}: {answer}");
                }
                answer
            }
        }
    }

    /// Asks until `parse` accepts the answer (at a terminal), or fails with its message.
    fn ask_until<T>(
        &mut self,
        question: &str,
        default: &str,
        parse: impl Fn(&str) -> Result<T, Diagnostic>,
    ) -> Result<T, Diagnostic> {
        loop {
            let answer = self.ask(question, default);
            match parse(&answer) {
                Ok(v) => return Ok(v),
                Err(d) if matches!(self, Answers::Terminal) => {
                    println!("  {}", d.message);
                    if let Some(h) = &d.hint {
                        println!("  {h}");
                    }
                }
                Err(d) => return Err(d),
            }
        }
    }
}

/// The value given on the command line, or else the answer to the question.
fn given_or_ask(answers: &mut Answers, given: &Option<String>, question: &str, default: &str) -> String {
    match given {
        Some(v) => v.clone(),
        None => answers.ask(question, default),
    }
}

/// Reads a committee code, or says what is wrong with it.
fn parse_committee(text: &str) -> Result<Committee, Diagnostic> {
    Committee::from_code(text).ok_or_else(|| {
        let codes: Vec<&str> = Committee::ALL.iter().map(|c| c.code()).collect();
        let hint = match did_you_mean(text, codes.iter().copied()) {
            Some(s) => format!("did you mean `{s}`? (one of: {})", codes.join(", ")),
            None => format!("one of: {}", codes.join(", ")),
        };
        Diagnostic::error(format!("`{text}` is not a committee Amicus knows")).with_hint(hint)
    })
}

/// Reads a language: a two-letter code, or the name of one of the languages Amicus has words
/// for, in English or in itself ("français" → `fr`).
fn parse_language(text: &str) -> Result<String, Diagnostic> {
    let t = text.trim().to_lowercase();
    if t.len() == 2 && t.chars().all(|c| c.is_ascii_lowercase()) {
        return Ok(t);
    }
    let named = [
        ("en", &["english", "anglais", "inglés", "ingles"][..]),
        ("fr", &["french", "français", "francais", "francés", "frances"]),
        ("es", &["spanish", "español", "espanol", "espagnol", "castellano"]),
        ("ru", &["russian", "русский", "russe", "ruso"]),
        ("ar", &["arabic", "العربية", "arabe", "árabe"]),
        ("zh", &["chinese", "中文", "chinois", "chino"]),
    ];
    named.iter().find(|(_, names)| names.contains(&t.as_str())).map(|(code, _)| (*code).to_owned()).ok_or_else(|| {
        Diagnostic::error(format!("`{text}` is not a language code")).with_hint(
            "write the two-letter code (ISO 639-1): en, fr, es, ru, ar or zh, the languages Amicus prints its words in",
        )
    })
}

/// Reads a session number written in digits, or says what is wrong with it.
fn parse_session(text: &str) -> Result<u32, Diagnostic> {
    match text.trim().parse::<u32>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(Diagnostic::error(format!("`{text}` is not a session number"))
            .with_hint("write the number in digits, e.g. 93 (it is on the committee's session page)")),
    }
}

/// Where the committed schemas are, relative to the new folder, if the folder is inside an
/// Amicus checkout; otherwise the schemas are written into the folder itself.
fn schema_dir(folder: &Path) -> Option<PathBuf> {
    let abs = std::env::current_dir().ok()?.join(folder);
    let mut up = PathBuf::new();
    for dir in abs.ancestors().skip(1) {
        up.push("..");
        if dir.join("schema").join(SchemaKind::Submission.file_name()).is_file() {
            return Some(up.join("schema"));
        }
    }
    None
}

/// Where a file written later into an existing submission `folder` (the concluding
/// observations by `import-co`) finds its schema, as the `$schema=` of its first line: the
/// folder's own `.schema/` when `amicus new` made one (the schema is added to it if missing),
/// the committed schemas when the folder is inside an Amicus checkout, and otherwise a
/// `.schema/` made now.
pub fn schema_for_existing(folder: &Path, kind: SchemaKind) -> std::io::Result<String> {
    let own = folder.join(".schema");
    if !own.is_dir()
        && let Some(dir) = schema_dir(folder)
    {
        return Ok(dir.join(kind.file_name()).display().to_string().replace('\\', "/"));
    }
    let file = own.join(kind.file_name());
    if !file.is_file() {
        std::fs::create_dir_all(&own)?;
        crate::fs::write_atomic(&file, crate::schema::json(kind).as_bytes())?;
    }
    Ok(format!(".schema/{}", kind.file_name()))
}

/// Creates the folder; returns what to tell the user.
pub fn run(args: &NewArgs) -> Result<String, Diagnostic> {
    let Some(folder) = &args.folder else {
        return Err(Diagnostic::error("amicus new needs the folder to create"));
    };
    if folder.exists() {
        return Err(Diagnostic::error(format!(
            "{} already exists; Amicus never overwrites a folder",
            folder.display()
        ))
        .with_hint("choose a new folder name, e.g. submissions/<state>-<committee>-<year>"));
    }
    let mut answers = if args.no_input {
        Answers::None
    } else if std::io::stdin().is_terminal() {
        Answers::Terminal
    } else {
        Answers::Piped { used: false }
    };
    let committee = match &args.committee {
        Some(code) => parse_committee(code)?,
        None => answers.ask_until(
            "Committee (CCPR, CAT, CERD, CEDAW, CRC, CMW, CESCR, CRPD, CED, UPR)",
            "CCPR",
            parse_committee,
        )?,
    };
    let state = given_or_ask(&mut answers, &args.state, "State under review", "TODO State");
    let session = match args.session {
        Some(n) => n,
        None => answers.ask_until("Session number", "1", parse_session)?,
    };
    let organisation = given_or_ask(&mut answers, &args.organisation, "Your organisation", "TODO Organisation name");
    let title =
        given_or_ask(&mut answers, &args.title, "Title of the report", &format!("TODO Title of the report on {state}"));
    let language = match &args.language {
        Some(code) => parse_language(code)?,
        None => answers.ask_until("Language of the report (en, fr, es, ru, ar, zh)", "en", parse_language)?,
    };

    let schema_path = match schema_dir(folder) {
        Some(dir) => dir,
        None => PathBuf::from(".schema"),
    };
    let files = scaffold_files(committee, &state, session, &organisation, &title, &language, &schema_path);
    let write = |path: &Path, text: &str| -> Result<(), Diagnostic> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                Diagnostic::error(format!("cannot create {}: {}", parent.display(), crate::load::io_words(&e)))
            })?;
        }
        std::fs::write(path, text)
            .map_err(|e| Diagnostic::error(format!("cannot write {}: {}", path.display(), crate::load::io_words(&e))))
    };
    for (name, text) in &files {
        write(&folder.join(name), text)?;
    }
    if schema_path == Path::new(".schema") {
        for kind in SchemaKind::ALL {
            write(&folder.join(".schema").join(kind.file_name()), &crate::schema::json(kind))?;
        }
    }
    Ok(format!(
        "created {folder} for the {} ({})\nnext: edit {folder}/submission.yaml and {folder}/findings/, then\n  amicus check {folder}\n  amicus build {folder}",
        committee.name(),
        committee.code(),
        folder = folder.display()
    ))
}

/// Today's date (UTC), for the new report's `date:`; the user changes it when they submit.
fn today() -> crate::date::Date {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    crate::date::Date::from_unix_seconds(i64::try_from(now).unwrap_or(0)).unwrap_or(crate::date::Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}

/// The files of a new submission, by path inside the folder.
pub fn scaffold_files(
    committee: Committee,
    state: &str,
    session: u32,
    organisation: &str,
    title: &str,
    language: &str,
    schema_dir: &Path,
) -> Vec<(String, String)> {
    // The one heading the scaffold writes that is not a TODO is printed as it stands: in the
    // report's language.
    let methodology = crate::i18n::Words::new(language).get("methodology");
    let articles = match committee.articles() {
        Some((lo, hi)) => {
            format!(
                "articles: [{lo}]   # articles {lo}–{hi} of the {}; a paragraph as 4(3), an item as 5(a)",
                committee.treaty()
            )
        }
        None => "# The UPR is organised by theme, not by treaty article: no `articles:` here.".to_owned(),
    };
    let limit = match (committee.word_limit(), committee.circulating_word_limit()) {
        (Some(l), _) => format!("# The {} limit is {l} words; `amicus check` counts them.", committee.code()),
        (None, Some((one, joint))) => format!(
            "# OHCHR's guidelines for the UPR (third cycle) allow {one} words for one organisation and\n\
             # {joint} for a joint submission, footnotes not counted (check them on the session's page).\n\
             words:\n  limit: {one}   # `amicus check` counts against the number here\n  count_footnotes: false"
        ),
        (None, None) => format!(
            "# The {} publishes no verified word limit: set yours with `words: {{limit: 10000}}`.",
            committee.code()
        ),
    };
    let addressee = match committee {
        Committee::Upr => "the Universal Periodic Review (UPR) of the Human Rights Council".to_owned(),
        c => format!("the {} ({}), a UN treaty body", c.name(), c.code()),
    };
    let layout = match committee {
        Committee::Upr => {
            "\nlayout:\n  numbered_paragraphs: true   # the UPR asks for numbered paragraphs (on by default for the UPR)\n"
        }
        _ => "",
    };
    let schema = |kind: SchemaKind| schema_dir.join(kind.file_name()).display().to_string().replace('\\', "/");
    // findings/*.yaml sit one folder deeper than submission.yaml.
    let finding_schema = Path::new("..").join(schema_dir).join(SchemaKind::Finding.file_name());
    let finding_schema = finding_schema.display().to_string().replace('\\', "/");
    let submission = format!(
        r#"# yaml-language-server: $schema={schema}
#
# A submission to {addressee}, written by `amicus new`. Replace every TODO, then run
#   amicus check <this folder>    (lists every problem, with its line)
#   amicus build <this folder>    (writes the PDF to output/)
# Text fields marked (Markdown) accept *emphasis*, lists, links, tables and footnotes.

committee: {code}            # CCPR, CAT, CERD, CEDAW, CRC, CMW, CESCR, CRPD, CED or UPR
session:
  number: {session}
  # start: 2025-06-23       # the session's first and last day, YYYY-MM-DD
  # end: 2025-07-25
state: {state}
stage: review               # loi, loipr, review or follow-up
title: {title}
date: {today}            # the date of the report, YYYY-MM-DD (also the PDF's date)
language: {language}                # the words Amicus prints (headings, dates, cover): en, fr, es, ru, ar or zh
confidentiality: public     # public (may be published and shared with the State) or confidential
{limit}
{layout}
organisations:              # two or more make a joint submission
  - name: {organisation}
    short: TODO             # an acronym, e.g. GDP
    website: https://example.org
    contact: contact@example.org
    about: |
      TODO Who you are, what you do, and how you know about these issues. (Markdown)

summary: |
  TODO The executive summary: the main problems in two or three paragraphs. Recommendations
  marked `key: true` are listed after it. (Markdown)

sections:                   # free sections before the findings, e.g. Context, Methodology
  - title: {methodology}
    body: |
      TODO How the information was gathered. (Markdown)

# Findings live in findings/, one file each, read in file-name order.

sources:                    # cited in the text as [^id]
  - id: example-source
    title: TODO Title of a report, judgment or article
    publisher: TODO Publisher
    date: "2025"
    url: https://example.org/report
"#,
        schema = schema(SchemaKind::Submission),
        code = committee.code(),
        state = yaml_str(state),
        title = yaml_str(title),
        organisation = yaml_str(organisation),
        today = today(),
        addressee = addressee,
        layout = layout,
        methodology = yaml_str(&methodology),
    );
    let finding = format!(
        r#"# yaml-language-server: $schema={finding_schema}
#
# One finding: an issue of concern, tied to treaty articles, with recommendations.
# Copy this file to add another (files are read in name order: 10-…, 20-…).

id: first-finding           # a short, stable id: letters, digits and hyphens
title: TODO Title of the finding
{articles}
body: |
  TODO What happens, to whom, since when, and what the law says. Cite sources with
  footnotes like this.[^example-source] (Markdown)
questions:
  - TODO A question the Committee could ask the State party.
recommendations:
  - id: first-recommendation
    text: TODO A concrete, checkable recommendation to the State party.
    key: true               # also list it in the executive summary
"#
    );
    vec![("submission.yaml".into(), submission), ("findings/10-first-finding.yaml".into(), finding)]
}
