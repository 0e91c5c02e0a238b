//! Stage timings of `amicus build` on synthetic submissions of about 25 and 250 pages, and of
//! `amicus check` on files with 500, 2,000 and 4,000 problems.
//!
//! Run with `cargo bench --bench stages` (a release build; not part of CI). Prints the median
//! of each stage over several runs, the share of templating + Markdown in the build, and the
//! ratio of the large build to the small one. Typst's memo caches are emptied before every run
//! so that each compile is a cold one, as in a real `amicus build`. `cargo bench --bench stages
//! -- check` runs only the `check` cases; `cargo bench --bench stages -- import` only the
//! import of real concluding observations (`tests/fixtures/real-co/`), PDF read and text parsed
//! apart. `cargo bench --bench stages -- suggest` times `suggest`'s ranking on a real CO of 93
//! paragraphs. `cargo bench --bench stages -- docx` times only the Word output (document model
//! and `.docx` bytes) of the two synthetic submissions.
//!
//! The writing loop (`-- loop` runs only these): a one-word edit in a finding → the new PDF
//! on disk through `amicus watch`'s loop (file watching, debouncing and the warm compiler
//! state included), against a cold build of the same document, at about 25 and 250 pages; a
//! batch of 8 submissions against building them one after another; and the memory of a watch
//! session after 100 edits against after its first build (measured in a child process of its
//! own, so that nothing else ran in it before). `-- edit` runs only the one-word edits. With
//! `AMICUS_TYPST_PYTHON` naming a Python that has the `typst` package from PyPI, each edit is
//! also timed through Typst's own watch loop on the generated Typst
//! (`scripts/typst-watch-baseline.py`), in the same run.

use amicus::check;
use amicus::compile::{self, Job, PdfSettings, PdfStandardChoice};
use amicus::date::document_date;
use amicus::load::prose as prepare;
use amicus::load::{Extras, load_folder};
use amicus::pipeline::build;
use amicus::pipeline::output::library_files;
use amicus::pipeline::watch;
use amicus::report::render_report;
use amicus::writers::template::Templates;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Writes a synthetic submission with `findings` findings of realistic prose.
fn synthesise(dir: &Path, findings: usize) {
    synthesise_variant(dir, findings, 0);
}

/// [`synthesise`], with text that differs for each `variant` (for batches: eight different
/// reports, not the same one eight times).
fn synthesise_variant(dir: &Path, findings: usize, variant: usize) {
    std::fs::create_dir_all(dir.join("findings")).unwrap();
    let mut sub = String::from(
        "committee: CCPR\nsession: {number: 144, start: 2025-06-23, end: 2025-07-25}\nstate: Kazakhstan\nstage: review\n\
         title: Synthetic benchmark report\ndate: 2025-05-26\nconfidentiality: public\nwords: {limit: 1000000}\n\
         organisations:\n  - name: Benchmark Rights Centre\n    short: BRC\n    about: An organisation that exists only in benchmarks.\n\
         summary: |\n  A summary paragraph with *emphasis* and a footnote.[^s0]\nsources:\n",
    );
    for i in 0..findings {
        sub.push_str(&format!("  - {{id: s{i}, title: \"Source number {i}\", publisher: Publisher, date: \"2024\", url: \"https://example.org/{i}\"}}\n"));
    }
    std::fs::write(dir.join("submission.yaml"), sub).unwrap();
    let paragraph = "Migrant workers from neighbouring States were detained in raids after March 2024 and held \
        for weeks without access to a lawyer, an interpreter or consular assistance; families were not told where \
        they were held, and many were deported before any court reviewed the lawfulness of their detention. The \
        Code on Administrative Infractions (Кодекс об административных правонарушениях) allows such detention.";
    for i in 0..findings {
        let mut body = String::new();
        for p in 0..6 {
            body.push_str(&format!("  {paragraph} Paragraph {p} of finding {i} in report {variant}.[^s{i}]\n\n"));
        }
        body.push_str(
            "  | Year | Detained | Deported |\n  |---|--:|--:|\n  | 2023 | 800 | 640 |\n  | 2024 | 1,240 | 1,100 |\n\n",
        );
        body.push_str("  - a first point with `code` and a [link](https://example.org)\n  - a second point\n\n  > A quoted statement by a detainee.\n");
        let finding = format!(
            "id: finding-{i}\ntitle: \"Finding number {i}\"\narticles: [2, 9, 14]\nbody: |\n{body}questions:\n  - How many people were detained?\n\
             recommendations:\n  - {{id: rec-{i}-a, text: \"Publish disaggregated statistics on detention.\"}}\n  - {{id: rec-{i}-b, text: \"Guarantee judicial review of every detention within 48 hours.\", key: {}}}\n",
            i % 5 == 0
        );
        std::fs::write(dir.join("findings").join(format!("{i:04}.yaml")), finding).unwrap();
    }
}

/// One timed build; returns (stage, duration) pairs and the page count.
fn run(dir: &Path) -> (Vec<(&'static str, Duration)>, usize) {
    amicus::compile::reset_caches();
    let mut stages = Vec::new();
    let t = Instant::now();
    let loaded = load_folder(dir, Extras::None).expect("synthetic submission loads");
    stages.push(("load", t.elapsed()));
    let t = Instant::now();
    let prepared = prepare::prepare(&loaded);
    stages.push(("markdown", t.elapsed()));
    let t = Instant::now();
    let problems = check::check(&loaded, &prepared);
    assert!(!problems.iter().any(|d| d.is_error()), "{problems:?}");
    stages.push(("check", t.elapsed()));
    // As `build` does it: the view once, the Typst once, the words counted from them.
    let t = Instant::now();
    let view = amicus::report::view::report(&loaded, &prepared);
    let document = amicus::report::model::report(&loaded, &prepared, &view);
    let source = amicus::report::render(&Templates::for_folder(dir), &view, &document).expect("renders");
    let words = check::length::summary(&loaded, &prepared, &view, Some(&source));
    assert!(words.printed > 0);
    stages.push(("render", t.elapsed()));
    let date = document_date(&loaded.submission.date);
    let job = Job { main_name: "report.typ", main: source, files: library_files(&Templates::for_folder(dir)), date };
    let t = Instant::now();
    let compiled = compile::compile(&job).expect("compiles");
    stages.push(("compile", t.elapsed()));
    let t = Instant::now();
    let settings = PdfSettings { ident: "bench".into(), date, standard: PdfStandardChoice::default() };
    let pdf = compile::export_pdf(&compiled.document, &settings).expect("exports");
    stages.push(("pdf", t.elapsed()));
    assert!(pdf.len() > 1000);
    (stages, compile::page_count(&compiled.document))
}

/// Writes a small valid submission whose `submission.yaml` also lists `sources` sources that
/// nothing cites: `amicus check` reports each one, located in the file.
fn synthesise_uncited(dir: &Path, sources: usize) {
    std::fs::create_dir_all(dir).unwrap();
    let mut sub = String::from(
        "committee: CCPR\nsession: {number: 144, start: 2025-06-23, end: 2025-07-25}\nstate: Kazakhstan\nstage: review\n\
         title: Synthetic report with many problems\ndate: 2025-05-26\nconfidentiality: public\n\
         organisations:\n  - name: Benchmark Rights Centre\n    short: BRC\n    about: An organisation that exists only in benchmarks.\n\
         summary: A summary paragraph.\nsources:\n",
    );
    for i in 0..sources {
        sub.push_str(&format!(
            "  - id: never-cited-{i}\n    title: \"A report nobody cites, number {i}\"\n    publisher: Publisher\n    date: \"2024\"\n"
        ));
    }
    std::fs::write(dir.join("submission.yaml"), sub).unwrap();
}

/// Copies a folder (files and subfolders) into `to`.
fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_folder(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// The example submission (`submissions/kazakhstan-ccpr-2025`, with its follow-up files)
/// with `sources` more sources that nothing cites, added at the end of its `sources:` list:
/// the file the figures were measured on.
fn example_with_uncited(dir: &Path, sources: usize) {
    copy_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("submissions/kazakhstan-ccpr-2025"), dir);
    let file = dir.join("submission.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let start = lines.iter().position(|l| l.starts_with("sources:")).expect("the example has sources");
    let end = (start + 1..lines.len())
        .find(|&i| !(lines[i].is_empty() || lines[i].starts_with([' ', '-', '#'])))
        .unwrap_or(lines.len());
    let added = (0..sources).flat_map(|i| {
        [
            format!("  - id: never-cited-{i}"),
            format!("    title: \"A report nobody cites, number {i}\""),
            "    publisher: Publisher".to_owned(),
            "    date: \"2024\"".to_owned(),
        ]
    });
    lines.splice(end..end, added);
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
}

/// `amicus check` on files with many problems: the time must grow with the file, not with the
/// square of the number of problems. First a small synthetic submission, then the example
/// with thousands of sources nothing cites (each one a warning, and each one a footnote label
/// every Markdown field could cite): 1,000 to 16,000, so that the growth is visible.
fn bench_check(work: &Path) {
    let time = |dir: &Path, runs: usize| {
        let mut times = Vec::new();
        let mut found = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let (diagnostics, _, _) = amicus::pipeline::check::check_folder(dir);
            times.push(t.elapsed());
            found = diagnostics.len();
        }
        (median(times), found)
    };
    for problems in [500, 2000, 4000] {
        let dir = work.join(format!("uncited-{problems}"));
        synthesise_uncited(&dir, problems);
        let runs = 5;
        let (median, found) = time(&dir, runs);
        // Past the submission budget (1,000 sources) loading stops at one error.
        let expected = if problems < 1000 { problems } else { 1 };
        assert!(found >= expected, "expected {expected} problems, found {found}");
        let bytes = std::fs::metadata(dir.join("submission.yaml")).unwrap().len();
        println!(
            "check: {problems} uncited sources in a {:.0} kB file ({found} problems), median of {runs} runs: {:.1} ms",
            bytes as f64 / 1000.0,
            median.as_secs_f64() * 1000.0
        );
    }
    let mut previous: Option<(usize, Duration)> = None;
    // 900: under the budget of 1,000 sources, every check runs; beyond it loading refuses the
    // file at the 1,001st source, after reading all of it.
    for sources in [900, 4000, 8000, 16000] {
        let dir = work.join(format!("example-uncited-{sources}"));
        example_with_uncited(&dir, sources);
        let runs = 5;
        let (median, found) = time(&dir, runs);
        let expected = if sources < 1000 { sources } else { 1 };
        assert!(found >= expected, "expected {expected} problems, found {found}");
        let growth = previous.map_or(String::new(), |(n, t)| {
            format!(
                " ({:.1}x the sources, {:.1}x the time)",
                sources as f64 / n as f64,
                median.as_secs_f64() / t.as_secs_f64()
            )
        });
        println!(
            "check: the example + {sources} uncited sources ({found} problems), median of {runs} runs: {:.1} ms{growth}",
            median.as_secs_f64() * 1000.0
        );
        previous = Some((sources, median));
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// The text stages alone of the ~250-page submission, no compile: Markdown to Typst
/// (`prepare`) and the templates (`render`), median of 11 runs each. Cheap enough for a
/// test-profile build (`cargo test --bench stages --no-run`, then run the binary with
/// `markdown`), to compare two versions of the Markdown path on a shared machine.
fn bench_markdown(work: &Path) {
    let dir = work.join("large");
    synthesise(&dir, 190);
    let loaded = load_folder(&dir, Extras::None).expect("synthetic submission loads");
    let (mut markdown, mut render) = (Vec::new(), Vec::new());
    let mut bytes = 0;
    for _ in 0..11 {
        let t = Instant::now();
        let prepared = prepare::prepare(&loaded);
        markdown.push(t.elapsed());
        let t = Instant::now();
        bytes = render_report(&loaded, &prepared).expect("renders").len();
        render.push(t.elapsed());
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "large (190 findings): markdown {:.1} ms, render {:.1} ms, median of 11 runs; {bytes} bytes of Typst",
        ms(median(markdown)),
        ms(median(render))
    );
}

/// Word output of the ~25- and ~250-page submissions: the document model and the `.docx`
/// bytes (`build::word_document`), from a loaded and prepared submission, median of 7 runs.
fn bench_docx(work: &Path) {
    for (name, findings) in [("small", 18), ("large", 190)] {
        let dir = work.join(name);
        synthesise(&dir, findings);
        let loaded = load_folder(&dir, Extras::None).expect("synthetic submission loads");
        let prepared = prepare::prepare(&loaded);
        let view = amicus::report::view::report(&loaded, &prepared);
        let mut times = Vec::new();
        let mut size = 0;
        for _ in 0..7 {
            let t = Instant::now();
            let document = amicus::report::model::report(&loaded, &prepared, &view);
            size = amicus::pipeline::build::word_document(&loaded, &document).expect("writes").len();
            times.push(t.elapsed());
        }
        println!(
            "docx {name}: {findings} findings, {} KiB, median {}",
            size / 1024,
            amicus::pipeline::output::ms(median(times))
        );
    }
}

/// `amicus import-co` on real concluding observations: the largest PDFs, their `pdftotext`
/// text and the Word file, each read whole (extraction and parsing) several times.
/// `amicus suggest`'s work on the largest real CO with a labelled set (CRPD/C/DNK/CO/2-3,
/// 93 paragraphs, 86 lettered items) and that set's 16 recommendations: the ranker built
/// (roles decided, units analysed) and every recommendation ranked, as `suggest` does; the CO's
/// text read with the importer beforehand, apart. Median of 11 runs; `-- suggest` runs only
/// this. Cheap enough for a test-profile build (`cargo test --bench stages --no-run`).
fn bench_suggest() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("tests/fixtures/real-co/CRPD_C_DNK_CO_2-3.txt")).unwrap();
    let set: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(root.join("tests/fixtures/suggest/crpd-denmark.yaml")).unwrap())
            .unwrap();
    let recs: Vec<(String, String)> = set["recommendations"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|r| (r["text"].as_str().unwrap().to_owned(), r["finding"].as_str().unwrap().to_owned()))
        .collect();
    let co = amicus::import::parse_co(&text, None).co;
    let paragraphs = co.paragraphs().count();
    let mut times = Vec::new();
    for _ in 0..11 {
        let start = Instant::now();
        let ranker = amicus::suggest::Ranker::new(&co, amicus::suggest::Lang::En);
        for (text, title) in &recs {
            std::hint::black_box(ranker.ranking(text, title));
        }
        times.push(start.elapsed());
    }
    println!(
        "suggest: {} ({paragraphs} paragraphs), {} recommendations: median {:.1} ms",
        co.symbol,
        recs.len(),
        median(times).as_secs_f64() * 1000.0
    );
}

fn bench_import() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixtures = root.join("tests/fixtures/real-co");
    for (file, pages) in [
        (fixtures.join("CRPD_C_KAZ_CO_1.pdf"), "26 pages, Arabic: read, then refused"),
        (fixtures.join("CRPD_C_CAN_CO_2-3.pdf"), "21 pages"),
        (fixtures.join("CRPD_C_HUN_CO_2-3.pdf"), "17 pages"),
        (fixtures.join("CRPD_C_ESP_CO_1.pdf"), "8 pages"),
        (fixtures.join("CRPD_C_CAN_CO_2-3.txt"), "21 pages, pdftotext"),
        (fixtures.join("CERD_C_URY_CO_21-23.docx"), "Word"),
    ] {
        if !file.exists() {
            println!("import: {} is missing; skipped", file.display());
            continue;
        }
        let runs = 7;
        let mut times = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            let result = amicus::import::import_file(&file, None);
            times.push(t.elapsed());
            std::hint::black_box(&result);
        }
        println!(
            "import: {} ({pages}), median of {runs} runs: {:.1} ms",
            file.file_name().unwrap_or_default().to_string_lossy(),
            median(times).as_secs_f64() * 1000.0
        );
    }
}

/// The words the edits of [`edit_word`] put in turn, each followed by the edit's number.
const WORDS: [&str; 2] = ["weeks", "months"];

/// The word of finding 5 after `n` edits: the synthesised text's "weeks", then "months1",
/// "weeks2", … — every edit makes a text the session has never seen, as an author's edits do
/// (alternating between two texts would let Typst's caches serve every edit whole from two
/// edits before, which measured a cache hit rather than an edit).
fn edit_token(n: usize) -> String {
    if n == 0 { WORDS[0].to_owned() } else { format!("{}{n}", WORDS[n % 2]) }
}

/// Changes one word in the body of finding 5, as an advocate editing it would (see
/// [`edit_token`]).
fn edit_word(dir: &Path, n: usize) {
    let file = dir.join("findings").join(format!("{:04}.yaml", 5));
    let text = std::fs::read_to_string(&file).unwrap();
    let (from, to) = (edit_token(n), edit_token(n + 1));
    assert!(text.contains(&format!("for {from} without")), "{n}");
    std::fs::write(&file, text.replacen(&format!("for {from} without"), &format!("for {to} without"), 1)).unwrap();
}

/// What a watch round sends the benchmark: its pages and stage timings (`None`: it failed).
type RoundReport = Option<(usize, Vec<(&'static str, Duration)>)>;

/// A watch session on `dir` in a thread of its own: the sender of each round's page count
/// (`None` for a failed round), and the stop flag.
fn watch_in_thread(
    dir: &Path,
    out: &Path,
) -> (std::sync::mpsc::Receiver<RoundReport>, Arc<AtomicBool>, std::thread::JoinHandle<()>) {
    let (tx, rx) = std::sync::mpsc::channel();
    let stop = Arc::new(AtomicBool::new(false));
    let options = build::Options {
        folder: dir.to_path_buf(),
        out_dir: Some(out.to_path_buf()),
        standard: PdfStandardChoice::default(),
        version: None,
        formats: None,
        with_pdf: false,
    };
    let flag = Arc::clone(&stop);
    let thread = std::thread::spawn(move || {
        watch::run(options, &flag, |round| {
            let _ = tx.send(round.report.as_ref().ok().map(|o| (o.pages, o.timings.stages.clone())));
        })
        .expect("the folder can be watched");
    });
    (rx, stop, thread)
}

/// One-word edit → new PDF on disk, through the watch loop, against a cold build.
fn bench_edit(work: &Path, name: &str, findings: usize, runs: usize) {
    let dir = work.join(format!("edit-{name}"));
    let out = work.join(format!("edit-{name}-out"));
    synthesise(&dir, findings);
    let options = build::Options {
        folder: dir.clone(),
        out_dir: Some(out.clone()),
        standard: PdfStandardChoice::default(),
        version: None,
        formats: None,
        with_pdf: false,
    };
    let _ = build::build(&options).expect("builds"); // warm-up: fonts, library, page cache
    let mut cold = Vec::new();
    let mut pages = 0;
    for _ in 0..runs {
        compile::reset_caches();
        let t = Instant::now();
        pages = build::build(&options).expect("builds").pages;
        cold.push(t.elapsed());
    }
    compile::reset_caches();
    let (rounds, stop, thread) = watch_in_thread(&dir, &out);
    assert!(rounds.recv().unwrap().is_some(), "the first watch build failed");
    let mut warm = Vec::new();
    let mut per_stage: Vec<(&str, Vec<Duration>)> = Vec::new();
    for n in 0..runs {
        let pdf_before = std::fs::metadata(out.join("report.pdf")).unwrap().modified().unwrap();
        let t = Instant::now();
        edit_word(&dir, n);
        let (_, stages) = rounds.recv().unwrap().expect("a watch build failed");
        warm.push(t.elapsed());
        for (i, (stage, d)) in stages.into_iter().enumerate() {
            if per_stage.len() <= i {
                per_stage.push((stage, Vec::new()));
            }
            per_stage[i].1.push(d);
        }
        assert!(std::fs::metadata(out.join("report.pdf")).unwrap().modified().unwrap() >= pdf_before);
    }
    stop.store(true, Ordering::SeqCst);
    thread.join().unwrap();
    let (cold, warm) = (median(cold), median(warm));
    println!(
        "edit → PDF, {name} ({pages} pages), median of {runs}: watch {:.0} ms (a wait of {} ms for the save to settle included), cold build {:.0} ms: {:.2}x",
        warm.as_secs_f64() * 1000.0,
        watch::SETTLE.as_millis(),
        cold.as_secs_f64() * 1000.0,
        warm.as_secs_f64() / cold.as_secs_f64()
    );
    let stages: Vec<String> =
        per_stage.into_iter().map(|(n, ds)| format!("{n} {:.0} ms", median(ds).as_secs_f64() * 1000.0)).collect();
    println!("  a watch round's stages (medians): {}", stages.join(" · "));
    if let Some(typst_watch) = typst_watch(work, name, &out.join("report.typ"), runs) {
        println!(
            "  against Typst's own watch loop on the generated Typst (typst-py {}), median of {runs}: {:.0} ms: amicus watch takes {:.2}x its time",
            TYPST_PY,
            typst_watch.as_secs_f64() * 1000.0,
            warm.as_secs_f64() / typst_watch.as_secs_f64()
        );
    }
}

/// The version of the `typst` package from PyPI the baseline was measured with.
const TYPST_PY: &str = "0.15.2";

/// The same one-word edit through Typst's own watch loop on the Typst that Amicus generated
/// (`report.typ` and the template library beside it): `scripts/typst-watch-baseline.py`, run
/// with the Python named by `AMICUS_TYPST_PYTHON`, which must have `pip install typst==0.15.2`
/// (typst-py: the Typst crates' own watch loop, no typst binary needed). Without the variable
/// the comparison is skipped, and says so.
fn typst_watch(work: &Path, name: &str, generated: &Path, runs: usize) -> Option<Duration> {
    let Some(python) = std::env::var_os("AMICUS_TYPST_PYTHON") else {
        println!("  (against typst watch: skipped; set AMICUS_TYPST_PYTHON to a Python with typst=={TYPST_PY})");
        return None;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = work.join(format!("typst-watch-{name}"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(generated, dir.join("main.typ")).unwrap();
    std::fs::copy(root.join("templates/amicus.typ"), dir.join("amicus.typ")).unwrap();
    let out = std::process::Command::new(python)
        .arg(root.join("scripts/typst-watch-baseline.py"))
        .arg(&dir)
        .arg(dir.join("main.typ"))
        .arg(dir.join("main.pdf"))
        .arg(runs.to_string())
        .output()
        .expect("AMICUS_TYPST_PYTHON runs");
    assert!(out.status.success(), "typst-watch-baseline.py: {}", String::from_utf8_lossy(&out.stderr));
    let line = String::from_utf8_lossy(&out.stdout);
    let report: serde_json::Value = serde_json::from_str(line.trim()).expect("one line of JSON");
    Some(Duration::from_secs_f64(report["median_ms"].as_f64().expect("median_ms") / 1000.0))
}

/// A batch of 8 different submissions, in parallel, against one after another (each cold, as
/// separate `amicus build` runs would be).
fn bench_batch(work: &Path, runs: usize) {
    let jobs: Vec<build::Options> = (0..8)
        .map(|v| {
            let dir = work.join(format!("batch-{v}"));
            synthesise_variant(&dir, 18, v);
            build::Options {
                folder: dir,
                out_dir: Some(work.join(format!("batch-out/{v}"))),
                standard: PdfStandardChoice::default(),
                version: None,
                formats: None,
                with_pdf: false,
            }
        })
        .collect();
    let _ = build::build(&jobs[0]).expect("builds"); // warm-up
    let mut sequential = Vec::new();
    let mut parallel = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        for job in &jobs {
            compile::reset_caches();
            build::build(job).expect("builds");
        }
        sequential.push(t.elapsed());
        compile::reset_caches();
        let t = Instant::now();
        let failed = amicus::pipeline::batch::build_all(&jobs, |_, r| assert!(r.is_ok()));
        parallel.push(t.elapsed());
        assert_eq!(failed, 0);
    }
    let (sequential, parallel) = (median(sequential), median(parallel));
    println!(
        "batch of 8 (about 25 pages each), median of {runs}: one after another {:.0} ms, in parallel on {} threads {:.0} ms: {:.2}x faster",
        sequential.as_secs_f64() * 1000.0,
        amicus::pipeline::batch::threads(),
        parallel.as_secs_f64() * 1000.0,
        sequential.as_secs_f64() / parallel.as_secs_f64()
    );
}

/// `VmHWM` (peak) and `VmRSS` (now) of this process, in MB.
fn memory() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(f64::NAN, |kb| kb / 1024.0)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

/// The memory of a watch session: after its first build, and after 100 edits (run in a
/// child process, see `main`).
fn bench_memory_child(findings: usize, edits: usize) {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("memory");
    let out = work.path().join("memory-out");
    synthesise(&dir, findings);
    let (rounds, stop, thread) = watch_in_thread(&dir, &out);
    let (pages, _) = rounds.recv().unwrap().expect("the first watch build");
    let (first_peak, first_now) = memory();
    let mut along = Vec::new();
    for n in 0..edits {
        edit_word(&dir, n);
        assert!(rounds.recv().unwrap().is_some(), "a watch build failed");
        if (n + 1) % 25 == 0 {
            along.push(format!("{}: {:.0} MB", n + 1, memory().1));
        }
    }
    let (peak, now) = memory();
    stop.store(true, Ordering::SeqCst);
    thread.join().unwrap();
    println!(
        "memory of a watch session ({pages} pages): after the first build {first_now:.0} MB (peak {first_peak:.0} MB); \
         after {edits} edits {now:.0} MB (peak {peak:.0} MB): peak {:+.1}% over the first build's \
         (after so many edits: {})",
        100.0 * (peak - first_peak) / first_peak,
        along.join(", ")
    );
}

/// Runs this benchmark again as a child process with `args`, and prints what it printed.
fn in_child(args: &[&str]) {
    let out = std::process::Command::new(std::env::current_exe().unwrap()).args(args).output().unwrap();
    print!("{}", String::from_utf8_lossy(&out.stdout));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// The writing-loop benchmarks.
fn bench_loop(work: &Path) {
    in_child(&["memory-child", "18", "100"]);
    in_child(&["memory-child", "190", "100"]);
    bench_edit(work, "small", 18, 7);
    bench_edit(work, "large", 190, 5);
    bench_batch(work, 3);
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "memory-child") {
        let n = |k: usize| args.get(i + k).and_then(|a| a.parse().ok()).expect("memory-child FINDINGS EDITS");
        bench_memory_child(n(1), n(2));
        return;
    }
    // `-- synth DIR FINDINGS`: only write a synthetic submission (to profile a command on it).
    if let Some(i) = args.iter().position(|a| a == "synth") {
        let dir = args.get(i + 1).expect("synth DIR FINDINGS");
        let findings = args.get(i + 2).and_then(|a| a.parse().ok()).expect("synth DIR FINDINGS");
        synthesise(Path::new(dir), findings);
        return;
    }
    if args.iter().any(|a| a == "import") {
        bench_import();
        return;
    }
    if args.iter().any(|a| a == "suggest") {
        bench_suggest();
        return;
    }
    if args.iter().any(|a| a == "docx") {
        let work = tempfile::tempdir().unwrap();
        bench_docx(work.path());
        return;
    }
    if args.iter().any(|a| a == "markdown") {
        let work = tempfile::tempdir().unwrap();
        bench_markdown(work.path());
        return;
    }
    let work = tempfile::tempdir().unwrap();
    if args.iter().any(|a| a == "edit") {
        bench_edit(work.path(), "small", 18, 7);
        bench_edit(work.path(), "large", 190, 5);
        return;
    }
    if args.iter().any(|a| a == "loop") {
        bench_loop(work.path());
        return;
    }
    bench_check(work.path());
    if std::env::args().any(|a| a == "check") {
        return;
    }
    let mut totals = Vec::new();
    for (name, findings, runs) in [("small", 18, 7), ("large", 190, 5)] {
        let dir = work.path().join(name);
        synthesise(&dir, findings);
        let _ = run(&dir); // warm-up: fonts, library, page cache
        let mut per_stage: Vec<(&str, Vec<Duration>)> = Vec::new();
        let mut whole = Vec::new();
        let mut pages = 0;
        for _ in 0..runs {
            let (stages, p) = run(&dir);
            pages = p;
            whole.push(stages.iter().map(|(_, d)| *d).sum::<Duration>());
            for (i, (n, d)) in stages.into_iter().enumerate() {
                if per_stage.len() <= i {
                    per_stage.push((n, Vec::new()));
                }
                per_stage[i].1.push(d);
            }
        }
        let whole = median(whole);
        println!("{name}: {findings} findings, {pages} pages, median of {runs} runs");
        let mut text_share = Duration::ZERO;
        for (n, ds) in per_stage {
            let m = median(ds);
            if n == "markdown" || n == "render" {
                text_share += m;
            }
            println!("  {n:<9} {:>9.2} ms", m.as_secs_f64() * 1000.0);
        }
        println!("  {:<9} {:>9.2} ms", "build", whole.as_secs_f64() * 1000.0);
        println!(
            "  templating + Markdown: {:.1}% of the build",
            100.0 * text_share.as_secs_f64() / whole.as_secs_f64()
        );
        totals.push((pages, whole));
    }
    let (p1, t1) = totals[0];
    let (p2, t2) = totals[1];
    println!(
        "large/small: {:.1}x the pages, {:.1}x the time",
        p2 as f64 / p1 as f64,
        t2.as_secs_f64() / t1.as_secs_f64()
    );
    bench_loop(work.path());
}
