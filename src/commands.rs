//! The commands: each runs the library, prints what the user needs once, and gives the exit
//! code (0 done, warnings allowed; 1 problems found; 2 usage error).

use amicus::cli::{
    BuildArgs, CheckArgs, ColorChoice, CompletionsArgs, DiagArgs, ImportArgs, ImportCoArgs, NewArgs, SchemaArgs,
    SuggestArgs, SuggestFormat, TemplateArgs,
};
use amicus::compile::PdfStandardChoice;
use amicus::diag::{self, Diagnostic, Format};
use amicus::fs::boundary::yaml_comment;
use amicus::load::{self, Extras, Files};
use amicus::model::co::Role;
use amicus::pipeline::build::{self, Options};
use amicus::scaffold;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// `amicus build`: one folder, or several in parallel.
pub fn build(args: BuildArgs) -> ExitCode {
    if args.folders.len() > 1 {
        return build_batch(args);
    }
    let standard = args.pdf_standard;
    let folder = args.folders.into_iter().next().expect("clap requires a folder");
    let options = Options {
        folder,
        out_dir: args.output,
        standard,
        version: args.version,
        formats: formats(&args.format),
        with_pdf: false,
    };
    match build::build(&options) {
        Ok(outcome) => {
            print_report(&outcome, standard, args.diag);
            ExitCode::SUCCESS
        }
        Err(failure) => {
            print_report_failure(&failure, args.diag, "the previous PDF, if any, is unchanged");
            ExitCode::from(1)
        }
    }
}

/// `amicus build A B C …`: every folder built, in parallel; each result printed as `build`
/// prints it, under the folder's name, in the order given; then a summary. Exit code 1 if any
/// failed.
fn build_batch(args: BuildArgs) -> ExitCode {
    if let Some(out) = args.output.as_ref().filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"))) {
        eprintln!(
            "error: with several folders, -o names the folder that gets one folder per submission, not a PDF: {}",
            out.display()
        );
        eprintln!("  hint: e.g. -o output/reports, or build one folder at a time to name its PDF");
        return ExitCode::from(2);
    }
    // Two folders of the same name would write the same output folder.
    let mut by_name: std::collections::BTreeMap<String, Vec<&Path>> = std::collections::BTreeMap::new();
    for folder in &args.folders {
        by_name.entry(load::folder_name(folder)).or_default().push(folder);
    }
    if let Some((name, folders)) = by_name.iter().find(|(_, f)| f.len() > 1) {
        let list: Vec<String> = folders.iter().map(|f| f.display().to_string()).collect();
        eprintln!(
            "error: {} would all be written to the same output folder `{name}`; nothing was built",
            list.join(" and ")
        );
        eprintln!("  hint: build them one at a time with -o, or rename a folder");
        return ExitCode::from(2);
    }
    let standard = args.pdf_standard;
    let jobs: Vec<Options> = args
        .folders
        .iter()
        .map(|folder| Options {
            folder: folder.clone(),
            out_dir: args.output.as_ref().map(|o| o.join(load::folder_name(folder))),
            standard,
            version: args.version,
            formats: formats(&args.format),
            with_pdf: false,
        })
        .collect();
    let total = jobs.len();
    let start = std::time::Instant::now();
    let mut failed_folders = Vec::new();
    let failed = amicus::pipeline::batch::build_all(&jobs, |i, result| {
        println!("[{}/{total}] {}", i + 1, jobs[i].folder.display());
        match result {
            Ok(outcome) => print_report(outcome, standard, args.diag),
            Err(failure) => {
                print_report_failure(failure, args.diag, "the previous PDF, if any, is unchanged");
                failed_folders.push(jobs[i].folder.display().to_string());
            }
        }
    });
    let took = format!("{:.1} s, {} at a time", start.elapsed().as_secs_f64(), amicus::pipeline::batch::threads());
    if failed == 0 {
        println!("built all {total} submissions ({took})");
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "built {} of {total} submissions ({took}); {} failed: {}",
            total - failed,
            failed,
            failed_folders.join(", ")
        );
        ExitCode::from(1)
    }
}

/// The formats named by `--format`, if any.
fn formats(given: &[amicus::model::submission::OutputFormat]) -> Option<Vec<amicus::model::submission::OutputFormat>> {
    (!given.is_empty()).then(|| given.to_vec())
}

/// What `build` prints for a report written: its warnings (to standard error), then the PDF,
/// its pages and words, its standard, the generated Typst, the templates of the user's it used
/// and the time of each stage.
pub fn print_report(outcome: &build::Outcome, standard: PdfStandardChoice, diag: DiagArgs) {
    print_problems(&outcome.warnings, &outcome.files, diag, false);
    if let Some(pdf) = &outcome.pdf {
        println!(
            "wrote {} ({}, {})",
            pdf.display(),
            outcome.words.pages(outcome.pages),
            outcome.words.describe(outcome.committee)
        );
        println!("  {}", standard.describe());
        println!("  and {} (the generated Typst, for inspection)", outcome.typ.display());
    }
    if let Some(docx) = &outcome.docx {
        match &outcome.pdf {
            Some(_) => println!("wrote {} (Word)", docx.display()),
            None => println!("wrote {} (Word, {})", docx.display(), outcome.words.describe(outcome.committee)),
        }
    }
    if !outcome.overrides.is_empty() {
        println!("  with your templates: {}", outcome.overrides.join(", "));
    }
    println!("  time: {}", outcome.timings.describe());
}

/// What `build` prints for a report not written: every problem, then the count and what became
/// of the PDF (`kept`), to standard error.
pub fn print_report_failure(failure: &amicus::pipeline::output::Failure, diag: DiagArgs, kept: &str) {
    print_problems(&failure.diagnostics, &failure.files, diag, false);
    let errors = failure.diagnostics.iter().filter(|d| d.is_error()).count();
    eprintln!("build stopped: {}; {kept}", count(errors, "error"));
}

/// `amicus check`: the problems are the output, so they go to standard output.
pub fn check(args: CheckArgs) -> ExitCode {
    let (diagnostics, files, words) = amicus::pipeline::check::check_folder(&args.folder);
    print_problems(&diagnostics, &files, args.diag, true);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let mut summary = format!("{}, {}", count(errors, "error"), count(warnings, "warning"));
    if let Some(w) = words {
        summary.push_str(&format!("; {w}"));
    }
    if args.strict && warnings > 0 {
        summary.push_str("\n--strict: warnings count as errors; fix them (or run without --strict) for a clean file");
    }
    if args.diag.diagnostic_format == Format::Human {
        println!("{summary}");
    } else {
        eprintln!("{summary}");
    }
    if errors > 0 || (args.strict && warnings > 0) { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

/// `amicus new`.
pub fn new(args: NewArgs) -> ExitCode {
    let run = || -> Result<Vec<String>, Diagnostic> {
        // The workflow's place is checked first, so that nothing is written when it is taken.
        let workflow = match args.ci {
            Some(service) => Some((service, amicus::ci::free_path(service, Path::new("."))?)),
            None => None,
        };
        let mut said = Vec::new();
        if args.folder.is_some() {
            said.push(scaffold::run(&args)?);
        }
        if let Some((service, path)) = workflow {
            said.push(amicus::ci::write(service, &path)?);
        }
        Ok(said)
    };
    match run() {
        Ok(said) => {
            println!("{}", said.join("\n"));
            ExitCode::SUCCESS
        }
        Err(d) => {
            print_problems(&[d], &Files::default(), args.diag, false);
            ExitCode::from(1)
        }
    }
}

/// `amicus schema`.
pub fn schema(args: SchemaArgs) -> ExitCode {
    println!("{}", amicus::schema::json(args.kind));
    ExitCode::SUCCESS
}

/// `amicus completions`.
pub fn completions(args: CompletionsArgs) -> ExitCode {
    let mut cmd = <amicus::cli::Cli as clap::CommandFactory>::command();
    clap_complete::generate(args.shell, &mut cmd, "amicus", &mut std::io::stdout());
    ExitCode::SUCCESS
}

/// `amicus brief`.
pub fn brief(args: amicus::cli::BriefArgs) -> ExitCode {
    let finality = if args.final_only {
        amicus::pipeline::brief::Finality::Final
    } else {
        amicus::pipeline::brief::Finality::DraftAllowed
    };
    let args = args.document;
    if let Some(out) = args.output.as_ref().filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"))) {
        eprintln!(
            "error: `brief` writes four files (brief.pdf, .html, .csv and .json), so -o names their folder, not a PDF: {}",
            out.display()
        );
        eprintln!("  hint: e.g. -o output/briefs");
        return ExitCode::from(2);
    }
    match amicus::pipeline::brief::run_final(&args.folder, args.output.as_deref(), args.pdf_standard, finality) {
        Ok(outcome) => {
            print_brief(&outcome, args.pdf_standard, args.diag, &[]);
            ExitCode::SUCCESS
        }
        Err(failure) => {
            print_brief_failure(&failure, args.diag, &[]);
            ExitCode::from(1)
        }
    }
}

/// What `brief` prints for a brief written; problems in `shown` (printed already, for the
/// report) are left out.
pub fn print_brief(
    outcome: &amicus::pipeline::brief::Outcome,
    standard: PdfStandardChoice,
    diag: DiagArgs,
    shown: &[Diagnostic],
) {
    let new: Vec<Diagnostic> = outcome.warnings.iter().filter(|d| !shown.contains(d)).cloned().collect();
    print_problems(&new, &outcome.files, diag, false);
    println!("wrote {} ({})", outcome.pdf.display(), outcome.pages_shown);
    println!("  {}", standard.describe());
    println!(
        "  and {} (web article), {} (Word), {}, {} and {} (matrix)",
        outcome.html.display(),
        outcome.docx.display(),
        outcome.xlsx.display(),
        outcome.csv.display(),
        outcome.json.display()
    );
    println!("  {}", outcome.summary);
    println!("  time: {}", outcome.timings.describe());
}

/// What `brief` prints for a brief not written; problems in `shown` (printed already, for the
/// report) are left out, but counted.
pub fn print_brief_failure(failure: &amicus::pipeline::output::Failure, diag: DiagArgs, shown: &[Diagnostic]) {
    let new: Vec<Diagnostic> = failure.diagnostics.iter().filter(|d| !shown.contains(d)).cloned().collect();
    print_problems(&new, &failure.files, diag, false);
    let errors = failure.diagnostics.iter().filter(|d| d.is_error()).count();
    let above = if new.len() < failure.diagnostics.len() { " (shown above)" } else { "" };
    eprintln!("brief stopped: {}{above}; earlier outputs, if any, are unchanged", count(errors, "error"));
}

/// `amicus template`: the list, or one template's text.
pub fn template(args: TemplateArgs) -> ExitCode {
    let Some(name) = args.name else {
        println!("Built-in templates (copy one into <submission>/templates/ to change it):");
        for (name, _) in amicus::writers::template::DEFAULTS {
            println!("  {name}");
        }
        return ExitCode::SUCCESS;
    };
    match amicus::writers::template::DEFAULTS.iter().find(|(n, _)| *n == name) {
        Some((_, text)) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("error: there is no built-in template `{name}`; `amicus template` lists them");
            ExitCode::from(2)
        }
    }
}

/// "1 error", "3 warnings".
pub fn count(n: usize, what: &str) -> String {
    if n == 1 { format!("1 {what}") } else { format!("{n} {what}s") }
}

/// Prints problems once, in the chosen format. `to_stdout` for `check`, whose output is the
/// problems; other commands print them to standard error.
pub fn print_problems(diags: &[Diagnostic], files: &Files, args: DiagArgs, to_stdout: bool) {
    if diags.is_empty() && args.diagnostic_format != Format::Json {
        return;
    }
    let tty = if to_stdout { std::io::stdout().is_terminal() } else { std::io::stderr().is_terminal() };
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => tty && std::env::var_os("NO_COLOR").is_none(),
    };
    let text = match args.diagnostic_format {
        Format::Human => diag::render_human(diags, &files.texts(), color),
        Format::Short => diag::render_short(diags),
        Format::Json => diag::render_json(diags),
        Format::Github => diag::render_github(diags),
    };
    // JSON and GitHub's workflow commands are read by a program: always on standard output.
    if to_stdout || matches!(args.diagnostic_format, Format::Json | Format::Github) {
        print!("{text}");
    } else {
        eprint!("{text}");
    }
}

/// `amicus suggest`: ranks CO paragraphs for every recommendation not yet assessed and writes
/// the draft without touching what the advocate wrote.
pub fn suggest(args: SuggestArgs) -> ExitCode {
    use amicus::suggest::{self, Coverage, Verdict};
    let diag = args.diag;
    let loaded = match load::load_folder(&args.folder, Extras::FollowUp) {
        Ok(l) => l,
        Err((mut d, files)) => {
            diag::sort(&mut d);
            print_problems(&d, &files, diag, false);
            return ExitCode::from(1);
        }
    };
    if args.questions {
        return suggest_questions(&args, loaded);
    }
    let json = args.format == SuggestFormat::Json;
    // In JSON mode standard output carries the JSON only; messages go to standard error.
    let say = |line: String| if json { eprintln!("{line}") } else { println!("{line}") };
    // The list of issues first: it comes first in a review, and a folder at that stage has
    // no concluding observations yet.
    let mut questions_ok = true;
    if let Some(loi) = &loaded.loi {
        questions_ok = draft_loi_questions(&args, &loaded, loi, &say);
    }
    let Some(co) = &loaded.co else {
        if loaded.loi.is_some() {
            return if questions_ok { ExitCode::SUCCESS } else { ExitCode::from(1) };
        }
        let d = Diagnostic::error(format!("{} has no {}", args.folder.display(), load::CO_FILE))
            .in_file(load::display_path(&args.folder, load::CO_FILE))
            .with_hint(format!(
                "import the committee's document first: amicus import-co <CO.pdf> --into {} (or, before the review, its \
                 list of issues: amicus import-loi <list.pdf> --into {})",
                args.folder.display(),
                args.folder.display()
            ));
        print_problems(&[d], &loaded.files, diag, false);
        return ExitCode::from(1);
    };
    let draft = suggest::draft(&loaded.submission, co, loaded.assessment.as_ref());
    if json {
        println!("{:#}", suggest::to_json(&draft, co, args.all));
    }
    for note in &draft.notes {
        say(format!("note: {note}"));
    }
    let shown = draft.entries.iter().chain(draft.assessed.iter().filter(|_| args.all));
    for e in shown.filter(|_| !json) {
        let id = &e.entry.recommendation;
        let id = if draft.already_assessed.contains(id) { format!("{id} (already assessed)") } else { id.clone() };
        let verdict = suggest::verdict_words(e.verdict);
        match e.candidates.first() {
            Some(best) if e.verdict != Verdict::Unaddressed => say(format!(
                "{id}: {verdict}: para. {} (score {:.2}; shares {})",
                best.citation,
                best.score,
                best.shared_words.iter().chain(&best.concern_words).take(5).cloned().collect::<Vec<_>>().join(", ")
            )),
            _ => say(format!("{id}: {verdict}")),
        }
    }
    if !draft.already_assessed.is_empty() {
        // An entry marked `reflected: pending` is in the file but not assessed yet: `check`
        // and `brief` say so too, and the words must agree.
        let pending: Vec<&str> = loaded
            .assessment
            .iter()
            .flat_map(|a| &a.recommendations)
            .filter(|r| r.reflected == amicus::model::assessment::Reflection::Pending)
            .map(|r| r.recommendation.as_str())
            .collect();
        let (waiting, done): (Vec<&String>, Vec<&String>) =
            draft.already_assessed.iter().partition(|id| pending.contains(&id.as_str()));
        if !done.is_empty() {
            let ids: Vec<&str> = done.iter().map(|s| s.as_str()).collect();
            say(format!("already assessed, left as you wrote them: {}", ids.join(", ")));
        }
        if !waiting.is_empty() {
            let ids: Vec<&str> = waiting.iter().map(|s| s.as_str()).collect();
            say(format!(
                "in assessment.yaml but not assessed yet (reflected: pending), left as they are: {}",
                ids.join(", ")
            ));
        }
    }
    for f in &draft.findings {
        if let Coverage::Unaddressed { .. } = f.coverage {
            say(format!(
                "finding `{}` ({}): no paragraph of {} seems to deal with it: a possible unaddressed issue",
                f.id, f.title, co.symbol
            ));
        }
    }
    if args.dry_run {
        return ExitCode::SUCCESS;
    }
    // A new assessment.yaml names its schema for editors, as import-co's file does.
    let schema = if args.folder.join(load::ASSESSMENT_FILE).symlink_metadata().is_err() {
        amicus::scaffold::schema_for_existing(&args.folder, amicus::cli::SchemaKind::Assessment).ok()
    } else {
        None
    };
    match suggest::write_draft(&args.folder, &draft, co, schema.as_deref()) {
        Ok(written) => {
            say(written.message());
            if questions_ok { ExitCode::SUCCESS } else { ExitCode::from(1) }
        }
        Err(e) => {
            eprintln!("error: cannot write the draft assessment: {}", load::io_words(&e));
            ExitCode::from(1)
        }
    }
}

/// `amicus suggest --questions`: for each question the findings suggest, the questions of the
/// list of issues that may ask it, and how sure that is. Writes nothing.
fn suggest_questions(args: &SuggestArgs, mut loaded: load::Loaded) -> ExitCode {
    use amicus::suggest::{self, Verdict};
    // The folder's loader has read list-of-issues.yaml (and reported a broken one) already.
    let Some(loi) = loaded.loi.take() else {
        let d = Diagnostic::error(format!("{} has no {}", args.folder.display(), load::LOI_FILE))
            .in_file(load::display_path(&args.folder, load::LOI_FILE))
            .with_hint(format!(
                "import the Committee's list of issues first: amicus import-loi <Q.pdf> --into {}",
                args.folder.display()
            ));
        print_problems(&[d], &loaded.files, args.diag, false);
        return ExitCode::from(1);
    };
    let matches = suggest::questions::asked(&loaded.submission, &loi);
    if matches.is_empty() {
        println!("no finding suggests questions (`questions:`); nothing to compare with {}", loi.symbol);
        return ExitCode::SUCCESS;
    }
    if args.format == SuggestFormat::Json {
        let rows: Vec<serde_json::Value> = matches
            .iter()
            .map(|m| {
                serde_json::json!({
                    "finding": m.finding_id,
                    "question": m.index + 1,
                    "text": m.text,
                    "verdict": asked_words(m.ranking.verdict()),
                    "candidates": m.ranking.candidates.iter().take(5).map(|c| serde_json::json!({
                        "question": c.citation.to_string(),
                        "score": (c.score * 1000.0).round() / 1000.0,
                        "shared_words": c.shared_words,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        println!("{:#}", serde_json::json!({ "list_of_issues": loi.symbol, "questions": rows }));
        return ExitCode::SUCCESS;
    }
    for m in &matches {
        let verdict = asked_words(m.ranking.verdict());
        let who = format!("finding `{}`, question {}", m.finding_id, m.index + 1);
        match m.ranking.candidates.first() {
            Some(best) if m.ranking.verdict() != Verdict::Unaddressed => println!(
                "{who}: {verdict}: question {} of {} (score {:.2}; shares {})",
                best.citation,
                loi.symbol,
                best.score,
                best.shared_words.iter().take(5).cloned().collect::<Vec<_>>().join(", ")
            ),
            _ => println!("{who}: {verdict} in {}", loi.symbol),
        }
    }
    ExitCode::SUCCESS
}

/// A verdict on a suggested question, in words.
fn asked_words(v: amicus::suggest::Verdict) -> &'static str {
    match v {
        amicus::suggest::Verdict::Confident => "likely asked",
        amicus::suggest::Verdict::Uncertain => "unsure",
        amicus::suggest::Verdict::Unaddressed => "probably not asked",
    }
}

/// The list of issues' part of `amicus suggest`: for every question the findings suggest and
/// `loi-assessment.yaml` does not have yet, the questions of the list that may ask it; then the
/// draft entries written (unless `--dry-run`). `false` when they could not be written.
fn draft_loi_questions(
    args: &SuggestArgs,
    loaded: &load::Loaded,
    loi: &amicus::model::loi::ListOfIssues,
    say: &dyn Fn(String),
) -> bool {
    use amicus::suggest::{self, Verdict};
    let draft = suggest::draft_questions(&loaded.submission, loi, loaded.loi_assessment.as_ref());
    for note in &draft.notes {
        say(format!("note: {note}"));
    }
    say(format!(
        "{}: {} suggested question(s) to review, {} already in {}",
        loi.symbol,
        draft.entries.len(),
        draft.already_assessed.len(),
        load::LOI_ASSESSMENT_FILE
    ));
    for e in &draft.entries {
        let which = format!("{}: “{}”", e.entry.finding, short(&e.entry.question));
        let verdict = asked_words(e.verdict);
        match e.candidates.first() {
            Some(best) if e.verdict != Verdict::Unaddressed => say(format!(
                "{which}: {verdict}: question {} (score {:.2}; shares {})",
                best.citation,
                best.score,
                best.shared_words.iter().take(5).cloned().collect::<Vec<_>>().join(", ")
            )),
            _ => say(format!("{which}: {verdict}")),
        }
    }
    if !draft.entries.is_empty() {
        let count = |v: Verdict| draft.entries.iter().filter(|e| e.verdict == v).count();
        say(format!(
            "{} likely asked, {} unsure, {} probably not asked: you decide each",
            count(Verdict::Confident),
            count(Verdict::Uncertain),
            count(Verdict::Unaddressed)
        ));
    }
    if args.dry_run {
        return true;
    }
    match suggest::write_questions(&args.folder, &draft, loi) {
        Ok(w) if w.entries == 0 => {
            say(format!("every suggested question is already in {}; nothing to add", w.path.display()));
            true
        }
        Ok(w) => {
            say(format!(
                "wrote {} suggested question entr{} to {} ({}); review each, set `asked`, then delete its `suggested:` block",
                w.entries,
                if w.entries == 1 { "y" } else { "ies" },
                w.path.display(),
                w.how
            ));
            true
        }
        Err(e) => {
            eprintln!("error: cannot write the suggested questions: {}", load::io_words(&e));
            false
        }
    }
}

/// The start of a question, for one line of output.
fn short(text: &str) -> String {
    // A control character (an escape sequence) must not reach the terminal.
    let flat: String =
        text.split_whitespace().collect::<Vec<_>>().join(" ").chars().filter(|c| !c.is_control()).collect();
    if flat.chars().count() <= 60 {
        return flat;
    }
    format!("{}…", flat.chars().take(59).collect::<String>().trim_end())
}

/// `amicus import-co`: reads the committee's document and writes the concluding-observations
/// YAML, to standard output or into a submission folder (never over a file the user has,
/// unless `--force`, which keeps the old one as a numbered `.bak` that never overwrites another).
pub fn import_co(args: ImportCoArgs) -> ExitCode {
    use amicus::import::{self, SymbolKind};
    let previous = args.previous;
    let args = args.import;
    let Some(extracted) = extract_for_import(&args.file) else { return ExitCode::from(1) };
    if let Some((symbol, SymbolKind::ListOfIssues | SymbolKind::ListOfIssuesPriorToReporting)) =
        import::first_symbol(&extracted.text)
    {
        eprintln!("error: {} is a list of issues ({symbol}), not concluding observations", args.file.display());
        eprintln!("  hint: read it with amicus import-loi {}{}", args.file.display(), into_words(&args));
        return ExitCode::from(1);
    }
    let result = import::import_extracted(&args.file, &extracted, args.symbol.as_deref());
    let warnings = &result.warnings;
    let co = &result.co;
    let paragraphs = co.paragraphs().count();
    let subs: usize = co.paragraphs().map(|(_, p)| p.subparagraphs.len()).sum();
    let Some(out) = imported_yaml("import-co", &args.file, co, warnings, &extracted.text) else {
        return ExitCode::from(1);
    };
    let count = |role: Role| co.paragraphs().filter(|(_, p)| p.role == Some(role)).count();
    let summary = format!(
        "{}: {} paragraphs ({} recommendations, {} concerns; see `role:`), {} sub-paragraphs{}; {} warning(s)",
        co.symbol,
        paragraphs,
        count(Role::Recommendation),
        count(Role::Concern),
        subs,
        // The follow-up block also carries the next report's date; what the user needs to
        // know here is whether a paragraph selecting recommendations was found.
        match co.follow_up.as_ref().filter(|f| !f.selected.is_empty()) {
            None =>
                ", no follow-up selection found (fill in `follow_up.selected` by hand if the document has one)".into(),
            Some(f) => format!(", follow-up on {}", f.selected.join(", ")),
        },
        warnings.len()
    );
    let citing = co.paragraphs().filter(|(_, p)| p.earlier.iter().any(|e| e.symbol.is_some())).count();
    let summary = if citing > 0 {
        format!("{summary}; {citing} paragraph(s) cite earlier concluding observations (see `earlier:`)")
    } else {
        summary
    };
    let Some(folder) = &args.into else {
        // Where the text will be saved is not known: the path suits a folder of `submissions/`
        // in a checkout; `--into` writes the one that suits the folder.
        print!("{}{out}", schema_line("../../schema/concluding-observations.schema.json"));
        eprintln!("{summary}");
        return ExitCode::SUCCESS;
    };
    let file = if previous { load::PREVIOUS_CO_FILE } else { load::CO_FILE };
    if let Some(other) = same_as_other_file(folder, previous, &co.symbol) {
        eprintln!("error: {} already holds {}, the document you are importing", other.display(), co.symbol);
        eprintln!(
            "  hint: {}",
            if previous {
                "--previous is for the observations of the review before; import them from their own file"
            } else {
                "these are the previous observations: import the new ones, or leave this file as it is"
            }
        );
        return ExitCode::from(1);
    }
    let target = match write_into(folder, file, amicus::cli::SchemaKind::ConcludingObservations, &out, args.force) {
        Ok(t) => t,
        Err(code) => return code,
    };
    println!("wrote {} ({summary})", target.display());
    if previous {
        println!(
            "next: cite its paragraphs in a finding's `previous_observations`, then amicus check {}",
            folder.display()
        );
    } else {
        println!("next: amicus suggest {}", folder.display());
    }
    ExitCode::SUCCESS
}

/// The other concluding-observations file of the folder (the new ones when importing the
/// previous, the previous when importing the new ones), when it already holds the document
/// being imported: the same observations in both files would make every check pass and every
/// comparison empty.
fn same_as_other_file(folder: &Path, previous: bool, symbol: &str) -> Option<std::path::PathBuf> {
    let other = if previous { load::CO_FILE } else { load::PREVIOUS_CO_FILE };
    let bytes = amicus::fs::boundary::read_inside(folder, Path::new(other), load::MAX_FILE_BYTES).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    // The symbol line as import-co writes it; a file edited beyond reading is not compared.
    let held = text.lines().find_map(|l| l.strip_prefix("symbol:"))?.trim().trim_matches(['"', '\'']);
    let key = |s: &str| s.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_uppercase).collect::<String>();
    (key(held) == key(symbol)).then(|| folder.join(other))
}

/// `amicus import-loi`: reads a list of issues (or a list of issues prior to reporting) and
/// writes `list-of-issues.yaml`, to standard output or into a submission folder, as
/// `import-co` does.
pub fn import_loi(args: ImportArgs) -> ExitCode {
    use amicus::import::{self, SymbolKind};
    let Some(extracted) = extract_for_import(&args.file) else { return ExitCode::from(1) };
    if let Some((symbol, kind)) = import::first_symbol(&extracted.text)
        && !matches!(kind, SymbolKind::ListOfIssues | SymbolKind::ListOfIssuesPriorToReporting)
    {
        let what = match kind {
            SymbolKind::ConcludingObservations => "concluding observations",
            SymbolKind::Replies => "the State's replies to a list of issues",
            _ => "the State's follow-up information",
        };
        eprintln!("error: {} is {what} ({symbol}), not a list of issues", args.file.display());
        if kind == SymbolKind::ConcludingObservations {
            eprintln!("  hint: read it with amicus import-co {}{}", args.file.display(), into_words(&args));
        } else {
            eprintln!("  hint: Amicus does not read this kind of document yet");
        }
        return ExitCode::from(1);
    }
    let result = import::loi::import_loi_extracted(&args.file, &extracted, args.symbol.as_deref());
    let loi = &result.loi;
    let Some(out) = imported_yaml("import-loi", &args.file, loi, &result.warnings, &extracted.text) else {
        return ExitCode::from(1);
    };
    let questions = loi.questions().count();
    let parts: usize = loi.questions().map(|(_, q)| q.parts.len()).sum();
    let headings = loi.questions().filter(|(_, q)| q.heading.is_some()).count();
    let summary = format!(
        "{} ({}, {}): {questions} questions, {parts} lettered parts, {headings} under an article heading, {} section(s); {} warning(s)",
        loi.symbol,
        loi.kind.words(),
        if loi.state.is_empty() { "State not found" } else { loi.state.as_str() },
        loi.sections.len(),
        result.warnings.len()
    );
    let Some(folder) = &args.into else {
        print!("{}{out}", schema_line("../../schema/list-of-issues.schema.json"));
        eprintln!("{summary}");
        return ExitCode::SUCCESS;
    };
    let target = match write_into(folder, load::LOI_FILE, amicus::cli::SchemaKind::ListOfIssues, &out, args.force) {
        Ok(t) => t,
        Err(code) => return code,
    };
    println!("wrote {} ({summary})", target.display());
    ExitCode::SUCCESS
}

/// The text of a document to import, or `None` after printing why it cannot be read.
fn extract_for_import(file: &Path) -> Option<amicus::import::Extracted> {
    match amicus::import::extract_file(file) {
        Ok(e) => Some(e),
        Err(e) => {
            eprintln!("error: {e}");
            None
        }
    }
}

/// ` --into <folder>` when the user gave one, for a hint that repeats their command.
fn into_words(args: &ImportArgs) -> String {
    args.into.as_ref().map(|f| format!(" --into {}", f.display())).unwrap_or_default()
}

/// The `$schema` comment line editors read.
fn schema_line(path: &str) -> String {
    format!("# yaml-language-server: $schema={path}\n")
}

/// An imported document as YAML, under comments naming the file it came from and every
/// doubtful point (also printed as warnings, with the line of the text they concern).
/// `None` after printing the error if it cannot be written.
fn imported_yaml<T: serde::Serialize>(
    command: &str,
    file: &Path,
    data: &T,
    warnings: &[amicus::import::ImportWarning],
    text: &str,
) -> Option<String> {
    let yaml = match serde_yaml::to_string(data) {
        Ok(y) => y,
        Err(e) => {
            eprintln!("error: cannot write the document as YAML: {e}");
            return None;
        }
    };
    let mut out = String::new();
    // The file name and the warnings are written into comments: escaped, so that no line
    // break in them can start YAML of its own.
    out.push_str(&format!(
        "# Imported by `amicus {command}` from {}. Check it against the document:\n",
        yaml_comment(&file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
    ));
    if warnings.is_empty() {
        out.push_str("# the import reported nothing doubtful.\n");
    } else {
        out.push_str(&format!("# the import reported {} doubtful point(s):\n", warnings.len()));
        for w in warnings {
            out.push_str(&format!("#   - {}\n", yaml_comment(&w.message.replace('\n', " "))));
        }
    }
    out.push('\n');
    out.push_str(&yaml);
    let lines: Vec<&str> = text.lines().collect();
    for w in warnings {
        match lines.get(w.line.wrapping_sub(1)).filter(|_| w.line > 0) {
            Some(l) => eprintln!("warning: {}\n  near: {}", w.message, l.trim().chars().take(100).collect::<String>()),
            None => eprintln!("warning: {}", w.message),
        }
    }
    Some(out)
}

/// Writes an imported document's YAML (`out`, its comments included) into `folder` as `file`,
/// with a `$schema` line that suits the folder; never over a file the user has unless `force`,
/// which keeps the old one as a numbered `.bak` that never overwrites another. Errors are
/// printed; the exit code is returned.
fn write_into(
    folder: &Path,
    file: &str,
    kind: amicus::cli::SchemaKind,
    out: &str,
    force: bool,
) -> Result<std::path::PathBuf, ExitCode> {
    if !folder.is_dir() {
        eprintln!("error: there is no folder {}", folder.display());
        eprintln!("  hint: give the submission folder, e.g. --into submissions/kazakhstan-ccpr-2025");
        return Err(ExitCode::from(1));
    }
    let target = folder.join(file);
    // `symlink_metadata`: a link (even a dangling one) counts as a file the user has.
    if target.symlink_metadata().is_ok() {
        if !force {
            eprintln!("error: {} already exists; Amicus does not overwrite it", target.display());
            eprintln!(
                "  hint: add --force to replace it (the old file is kept as {}.1.bak, or the next free number), or import to standard output without --into",
                file
            );
            return Err(ExitCode::from(1));
        }
        let old = match amicus::fs::boundary::read_inside(folder, Path::new(file), load::MAX_FILE_BYTES) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("error: {}; nothing was written", e.describe(&target.display().to_string()));
                eprintln!("  hint: move or rename it yourself, then import again");
                return Err(ExitCode::from(1));
            }
        };
        match amicus::fs::write_backup(&target, &old) {
            Ok(backup) => println!("kept the previous file as {}", backup.display()),
            Err(e) => {
                eprintln!("error: cannot keep a copy of the old file: {}; nothing was written", load::io_words(&e));
                return Err(ExitCode::from(1));
            }
        }
    }
    let out = match amicus::scaffold::schema_for_existing(folder, kind) {
        Ok(path) => schema_line(&path) + out,
        // Editors' completion is a convenience: without the schema the file is still right.
        Err(_) => out.to_owned(),
    };
    if let Err(e) = amicus::fs::write_atomic(&target, out.as_bytes()) {
        eprintln!("error: cannot write {}: {}", target.display(), load::io_words(&e));
        return Err(ExitCode::from(1));
    }
    Ok(target)
}

/// Set by the first Ctrl-C (or `kill`): `watch` and `preview` then stop after the build in
/// progress, whose outputs are written whole or not at all.
static STOP: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The signal handler: the first Ctrl-C sets [`STOP`], a second one exits at once (130, as
/// shells report an interrupted program).
#[cfg(unix)]
extern "C" fn on_interrupt(_signal: libc::c_int) {
    // Only async-signal-safe operations here: an atomic swap, and `_exit`.
    if STOP.swap(true, std::sync::atomic::Ordering::SeqCst) {
        // SAFETY: `_exit` is async-signal-safe and ends the process without running anything.
        unsafe { libc::_exit(130) };
    }
}

/// Catches Ctrl-C (SIGINT) and SIGTERM so that `watch` and `preview` end cleanly; returns the
/// flag they set. (Elsewhere than Unix, Ctrl-C ends the program at once, which the atomic
/// writes make safe too.)
fn stop_on_ctrl_c() -> &'static std::sync::atomic::AtomicBool {
    #[cfg(unix)]
    for signal in [libc::SIGINT, libc::SIGTERM] {
        let handler = on_interrupt as extern "C" fn(libc::c_int);
        // SAFETY: the handler only touches an atomic and calls `_exit`, both async-signal-safe.
        unsafe { libc::signal(signal, handler as libc::sighandler_t) };
    }
    &STOP
}

/// What `watch` and `preview` remember between rounds, to say what changed.
#[derive(Default)]
struct Rounds {
    /// Problems (errors, warnings) of the last round.
    last: Option<(usize, usize)>,
    /// The last PDF written.
    good: Option<std::path::PathBuf>,
}

impl Rounds {
    /// Prints a round as `build` (and `brief`) print their results, then what was fixed.
    fn print(
        &mut self,
        round: &amicus::pipeline::watch::Round,
        standard: PdfStandardChoice,
        diag: DiagArgs,
        folder: &str,
    ) {
        if !round.changed.is_empty() {
            let names: Vec<String> = round.changed.iter().map(|p| p.display().to_string()).collect();
            println!("\nchanged: {}; building again", names.join(", "));
        }
        match &round.report {
            Ok(outcome) => {
                print_report(outcome, standard, diag);
                self.good = outcome.pdf.clone().or_else(|| outcome.docx.clone());
            }
            Err(failure) => {
                let kept = match &self.good {
                    Some(good) if good.extension().is_some_and(|e| e == "docx") => {
                        format!("the last good Word document is kept: {}", good.display())
                    }
                    Some(pdf) => format!("the last good PDF is kept: {}", pdf.display()),
                    None => "no PDF was written yet".to_owned(),
                };
                print_report_failure(failure, diag, &kept);
            }
        }
        // The brief's problems that the report's output already showed are not shown again.
        match &round.brief {
            Some(Ok(outcome)) => print_brief(outcome, standard, diag, round.report_problems()),
            Some(Err(failure)) => print_brief_failure(failure, diag, round.report_problems()),
            None => {}
        }
        let brief_problems = round.brief_problems();
        let problems = round.report_problems().iter().chain(&brief_problems);
        let errors = problems.clone().filter(|d| d.is_error()).count();
        let warnings = problems.filter(|d| !d.is_error()).count();
        if let Some((was_errors, was_warnings)) = self.last {
            if was_errors > 0 && errors == 0 {
                println!(
                    "fixed: the {} of the last build {}",
                    count(was_errors, "error"),
                    if was_errors == 1 { "is gone" } else { "are gone" }
                );
            }
            if was_warnings > 0 && warnings == 0 && !round.failed() {
                println!("no warnings left");
            }
        }
        self.last = Some((errors, warnings));
        println!("waiting for changes in {folder} (Ctrl-C stops)");
    }
}

/// Refuses a folder that is not there, before anything starts.
fn watchable(folder: &Path) -> Result<(), ExitCode> {
    if folder.is_dir() {
        return Ok(());
    }
    eprintln!("error: cannot watch {}: there is no such folder", folder.display());
    eprintln!("  hint: give the submission folder, e.g. submissions/kazakhstan-ccpr-2025");
    Err(ExitCode::from(1))
}

/// `amicus watch`.
pub fn watch(args: amicus::cli::WatchArgs) -> ExitCode {
    let given = formats(&args.format);
    let args = args.document;
    if let Err(code) = watchable(&args.folder) {
        return code;
    }
    let stop = stop_on_ctrl_c();
    let (standard, diag) = (args.pdf_standard, args.diag);
    let folder = args.folder.display().to_string();
    // What `build` writes for the folder: `--format`, or the submission's `formats:`.
    let options =
        Options { folder: args.folder, out_dir: args.output, standard, version: None, formats: given, with_pdf: false };
    println!("watching {folder}: building now, then after each save (Ctrl-C stops)");
    let mut rounds = Rounds::default();
    let result = amicus::pipeline::watch::run(options, stop, |round| rounds.print(round, standard, diag, &folder));
    finish_watch(result, &folder)
}

/// The end of `watch` and `preview`.
fn finish_watch(result: Result<(), String>, folder: &str) -> ExitCode {
    match result {
        Ok(()) => {
            println!("stopped watching {folder}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// `amicus preview`.
pub fn preview(args: amicus::cli::PreviewArgs) -> ExitCode {
    let document = args.document;
    if let Err(code) = watchable(&document.folder) {
        return code;
    }
    let folder = document.folder.display().to_string();
    let server = match amicus::pipeline::preview::Server::start(&folder, args.port) {
        Ok(server) => server,
        Err(e) => {
            eprintln!("error: cannot start the preview: {e}");
            return ExitCode::from(1);
        }
    };
    let stop = stop_on_ctrl_c();
    let url = server.url();
    println!("preview of {folder} at {url} (this computer only; Ctrl-C stops)");
    if args.open {
        open_in_browser(&url);
    }
    let (standard, diag) = (document.pdf_standard, document.diag);
    // What `build` writes for the folder, and the PDF, whose pages the preview shows.
    let options = Options {
        folder: document.folder,
        out_dir: document.output,
        standard,
        version: None,
        formats: formats(&args.format),
        with_pdf: true,
    };
    let mut rounds = Rounds::default();
    let result = amicus::pipeline::watch::run_for_preview(options, stop, |round| {
        server.publish(round);
        rounds.print(round, standard, diag, &folder);
    });
    drop(server);
    finish_watch(result, &folder)
}

/// Opens `url` in the user's browser; says so when it cannot.
fn open_in_browser(url: &str) {
    let opener: &[&str] = if cfg!(target_os = "macos") {
        &["open"]
    } else if cfg!(windows) {
        &["cmd", "/C", "start", ""]
    } else {
        &["xdg-open"]
    };
    let spawned = std::process::Command::new(opener[0])
        .args(&opener[1..])
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if spawned.is_err() {
        eprintln!("note: could not open a browser ({} is missing); open {url} yourself", opener[0]);
    }
}
