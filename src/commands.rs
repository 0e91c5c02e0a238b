//! The commands: each runs the library, prints what the user needs once, and gives the exit
//! code (0 done, warnings allowed; 1 problems found; 2 usage error).

use amicus::boundary::yaml_comment;
use amicus::build::{self, Options};
use amicus::cli::{
    CheckArgs, ColorChoice, CompletionsArgs, DiagArgs, DocumentArgs, ImportArgs, NewArgs, SchemaArgs, SuggestArgs,
    SuggestFormat, TemplateArgs,
};
use amicus::diag::{self, Diagnostic, Format};
use amicus::load::{self, Extras, Files};
use amicus::scaffold;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// `amicus build`.
pub fn build(args: DocumentArgs) -> ExitCode {
    let standard = args.pdf_standard;
    let options = Options { folder: args.folder, out_dir: args.output, standard };
    match build::build(&options) {
        Ok(outcome) => {
            print_problems(&outcome.warnings, &outcome.files, args.diag, false);
            println!(
                "wrote {} ({} pages, {})",
                outcome.pdf.display(),
                outcome.pages,
                outcome.words.describe(outcome.committee)
            );
            println!("  {}", standard.describe());
            println!("  and {} (the generated Typst, for inspection)", outcome.typ.display());
            if !outcome.overrides.is_empty() {
                println!("  with your templates: {}", outcome.overrides.join(", "));
            }
            println!("  time: {}", outcome.timings.describe());
            ExitCode::SUCCESS
        }
        Err(failure) => {
            print_problems(&failure.diagnostics, &failure.files, args.diag, false);
            let errors = failure.diagnostics.iter().filter(|d| d.is_error()).count();
            eprintln!("build stopped: {}; the previous PDF, if any, is unchanged", count(errors, "error"));
            ExitCode::from(1)
        }
    }
}

/// `amicus check`: the problems are the output, so they go to standard output.
pub fn check(args: CheckArgs) -> ExitCode {
    let (diagnostics, files, words) = amicus::check::check_folder(&args.folder);
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
    match scaffold::run(&args) {
        Ok(message) => {
            println!("{message}");
            ExitCode::SUCCESS
        }
        Err(d) => {
            let human = DiagArgs { diagnostic_format: Format::Human, color: ColorChoice::Auto };
            print_problems(&[d], &Files::default(), human, false);
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
pub fn brief(args: DocumentArgs) -> ExitCode {
    if let Some(out) = args.output.as_ref().filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"))) {
        eprintln!(
            "error: `brief` writes four files (brief.pdf, .html, .csv and .json), so -o names their folder, not a PDF: {}",
            out.display()
        );
        eprintln!("  hint: e.g. -o output/briefs");
        return ExitCode::from(2);
    }
    match amicus::brief::run(&args.folder, args.output.as_deref(), args.pdf_standard) {
        Ok(outcome) => {
            print_problems(&outcome.warnings, &outcome.files, args.diag, false);
            println!("wrote {} ({} pages)", outcome.pdf.display(), outcome.pages);
            println!("  {}", args.pdf_standard.describe());
            println!(
                "  and {} (web article), {}, {} and {} (matrix)",
                outcome.html.display(),
                outcome.xlsx.display(),
                outcome.csv.display(),
                outcome.json.display()
            );
            println!("  {}", outcome.summary);
            println!("  time: {}", outcome.timings.describe());
            ExitCode::SUCCESS
        }
        Err(failure) => {
            print_problems(&failure.diagnostics, &failure.files, args.diag, false);
            let errors = failure.diagnostics.iter().filter(|d| d.is_error()).count();
            eprintln!("brief stopped: {}; earlier outputs, if any, are unchanged", count(errors, "error"));
            ExitCode::from(1)
        }
    }
}

/// `amicus template`: the list, or one template's text.
pub fn template(args: TemplateArgs) -> ExitCode {
    let Some(name) = args.name else {
        println!("Built-in templates (copy one into <submission>/templates/ to change it):");
        for (name, _) in amicus::render::DEFAULTS {
            println!("  {name}");
        }
        return ExitCode::SUCCESS;
    };
    match amicus::render::DEFAULTS.iter().find(|(n, _)| *n == name) {
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
    };
    if to_stdout || args.diagnostic_format == Format::Json {
        print!("{text}");
    } else {
        eprint!("{text}");
    }
}

/// `amicus suggest`: ranks CO paragraphs for every recommendation not yet assessed and writes
/// the draft without touching what the advocate wrote.
pub fn suggest(args: SuggestArgs) -> ExitCode {
    use amicus::suggest::{self, Coverage, Verdict};
    let human = DiagArgs { diagnostic_format: Format::Human, color: ColorChoice::Auto };
    let loaded = match load::load_folder(&args.folder, Extras::FollowUp) {
        Ok(l) => l,
        Err((mut d, files)) => {
            diag::sort(&mut d);
            print_problems(&d, &files, human, false);
            return ExitCode::from(1);
        }
    };
    let Some(co) = &loaded.co else {
        let d = Diagnostic::error(format!("{} has no {}", args.folder.display(), load::CO_FILE))
            .in_file(load::display_path(&args.folder, load::CO_FILE))
            .with_hint(format!(
                "import the committee's document first: amicus import-co <CO.pdf> --into {}",
                args.folder.display()
            ));
        print_problems(&[d], &loaded.files, human, false);
        return ExitCode::from(1);
    };
    let draft = suggest::draft(&loaded.submission, co, loaded.assessment.as_ref());
    let json = args.format == SuggestFormat::Json;
    // In JSON mode standard output carries the JSON only; messages go to standard error.
    let say = |line: String| if json { eprintln!("{line}") } else { println!("{line}") };
    if json {
        println!("{:#}", suggest::to_json(&draft, co));
    }
    for note in &draft.notes {
        say(format!("note: {note}"));
    }
    for e in draft.entries.iter().filter(|_| !json) {
        let id = &e.entry.recommendation;
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
    match suggest::write_draft(&args.folder, &draft, co) {
        Ok(written) => {
            say(written.message());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write the draft assessment: {}", load::io_words(&e));
            ExitCode::from(1)
        }
    }
}

/// `amicus import-co`: reads the committee's document and writes the concluding-observations
/// YAML, to standard output or into a submission folder (never over a file the user has,
/// unless `--force`, which keeps the old one as a numbered `.bak` that never overwrites another).
pub fn import_co(args: ImportArgs) -> ExitCode {
    use amicus::import;
    let extracted = match import::extract_file(&args.file) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let result = import::import_extracted(&args.file, &extracted, args.symbol.as_deref());
    let warnings = &result.warnings;
    let lines: Vec<&str> = extracted.text.lines().collect();
    let co = &result.co;
    let paragraphs = co.paragraphs().count();
    let subs: usize = co.paragraphs().map(|(_, p)| p.subparagraphs.len()).sum();
    let yaml = match serde_yaml::to_string(co) {
        Ok(y) => y,
        Err(e) => {
            eprintln!("error: cannot write the concluding observations as YAML: {e}");
            return ExitCode::from(1);
        }
    };
    let mut out = String::new();
    out.push_str("# yaml-language-server: $schema=../../schema/concluding-observations.schema.json\n");
    // The file name and the warnings are written into comments: escaped, so that no line
    // break in them can start YAML of its own.
    out.push_str(&format!(
        "# Imported by `amicus import-co` from {}. Check it against the document:\n",
        yaml_comment(&args.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
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
    for w in warnings {
        match lines.get(w.line.wrapping_sub(1)).filter(|_| w.line > 0) {
            Some(l) => eprintln!("warning: {}\n  near: {}", w.message, l.trim().chars().take(100).collect::<String>()),
            None => eprintln!("warning: {}", w.message),
        }
    }
    let summary = format!(
        "{}: {} paragraphs, {} sub-paragraphs{}; {} warning(s)",
        co.symbol,
        paragraphs,
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
    let Some(folder) = &args.into else {
        print!("{out}");
        eprintln!("{summary}");
        return ExitCode::SUCCESS;
    };
    if !folder.is_dir() {
        eprintln!("error: there is no folder {}", folder.display());
        eprintln!("  hint: give the submission folder, e.g. --into submissions/kazakhstan-ccpr-2025");
        return ExitCode::from(1);
    }
    let target = folder.join(load::CO_FILE);
    // `symlink_metadata`: a link (even a dangling one) counts as a file the user has.
    if target.symlink_metadata().is_ok() {
        if !args.force {
            eprintln!("error: {} already exists; Amicus does not overwrite it", target.display());
            eprintln!(
                "  hint: add --force to replace it (the old file is kept as {}.1.bak, or the next free number), or import to standard output without --into",
                load::CO_FILE
            );
            return ExitCode::from(1);
        }
        let old = match amicus::boundary::read_inside(folder, Path::new(load::CO_FILE), load::MAX_FILE_BYTES) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("error: {}; nothing was written", e.describe(&target.display().to_string()));
                eprintln!("  hint: move or rename it yourself, then import again");
                return ExitCode::from(1);
            }
        };
        match amicus::compile::write_backup(&target, &old) {
            Ok(backup) => println!("kept the previous file as {}", backup.display()),
            Err(e) => {
                eprintln!("error: cannot keep a copy of the old file: {}; nothing was written", load::io_words(&e));
                return ExitCode::from(1);
            }
        }
    }
    if let Err(e) = amicus::compile::write_atomic(&target, out.as_bytes()) {
        eprintln!("error: cannot write {}: {}", target.display(), load::io_words(&e));
        return ExitCode::from(1);
    }
    println!("wrote {} ({summary})", target.display());
    println!("next: amicus suggest {}", folder.display());
    ExitCode::SUCCESS
}
