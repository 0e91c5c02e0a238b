//! What `amicus build` and `amicus brief` share: where outputs go, the timing of each stage,
//! the failure they return, the Typst library they compile with, and Typst's diagnostics in
//! the user's terms. (Both write through [`crate::fs::write_atomic`] and
//! [`crate::fs::write_all_atomic`].)

use crate::compile;
use crate::diag::Diagnostic;
use crate::load::{Files, Loaded};
use crate::writers::template::Templates;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Time spent in each stage.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    /// (stage, time), in order.
    pub stages: Vec<(&'static str, Duration)>,
}

impl Timings {
    /// Runs `f` as stage `name`.
    pub fn time<T>(&mut self, name: &'static str, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        self.stages.push((name, start.elapsed()));
        out
    }

    /// The sum of all stages.
    pub fn total(&self) -> Duration {
        self.stages.iter().map(|(_, d)| *d).sum()
    }

    /// "load 2 ms · check 3 ms · … · total 412 ms".
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = self.stages.iter().map(|(n, d)| format!("{n} {}", ms(*d))).collect();
        parts.push(format!("total {}", ms(self.total())));
        parts.join(" · ")
    }
}

/// A duration in milliseconds, for people.
pub fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 { format!("{ms:.1} ms") } else { format!("{ms:.0} ms") }
}

/// A failed build: every problem, and the files, for snippets.
#[derive(Debug)]
pub struct Failure {
    /// The problems (errors, and any warnings found on the way).
    pub diagnostics: Vec<Diagnostic>,
    /// The files read.
    pub files: Files,
}

/// The output folder for a submission.
pub fn out_dir(options_out: Option<&Path>, loaded: &Loaded) -> PathBuf {
    options_out.map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("output").join(&loaded.name))
}

/// The Typst files templates may import, served to the compiler.
pub fn library_files(templates: &Templates) -> Vec<(String, Vec<u8>)> {
    // An override that cannot be read was already reported by `Templates::render`.
    let library = templates.source(crate::writers::template::LIBRARY).ok().flatten();
    library.map(|t| vec![(crate::writers::template::LIBRARY.to_owned(), t.into_bytes())]).unwrap_or_default()
}

/// Turns Typst diagnostics into ours: problems in the generated document point at the
/// generated file written beside the PDF, problems in the layout library at its template.
pub fn typst_diagnostics(
    diags: Vec<compile::TypstDiagnostic>,
    generated: &Path,
    templates: &Templates,
) -> Vec<Diagnostic> {
    diags
        .into_iter()
        .map(|t| {
            let file = if t.file.ends_with("amicus.typ") {
                templates.origin("amicus.typ")
            } else {
                generated.display().to_string()
            };
            let mut d = match t.severity {
                compile::Severity::Error => Diagnostic::error(format!("Typst: {}", t.message)),
                compile::Severity::Warning => Diagnostic::warning(format!("Typst: {}", t.message)),
            }
            .in_file(file)
            .at(t.line, t.column);
            let mut hints = t.hints.clone();
            if t.message.contains("could not be displayed with font") {
                // PDF/UA-1 forbids text that prints as empty boxes: the character is the
                // user's, so the template hint would be false.
                hints = vec![
                    "no embedded font has this character, and an accessible (PDF/UA-1) PDF cannot contain \
                     text that prints as empty boxes; `amicus check` names the field it is in: replace it \
                     (describe an emoji in words), or write a plain PDF with `--pdf-standard none`"
                        .into(),
                ];
            } else if is_image_problem(&t.message) {
                // The image is the user's file: blaming a template would send them the wrong
                // way.
                hints = vec![
                    "one of the submission's images (a figure or a logo) could not be read, though its header could: the file is damaged or in a variant Typst does not read; open each image in an image editor and save it again as PNG or JPEG"
                        .into(),
                ];
            } else {
                hints.push("this comes from a template, not from your text (Amicus escapes all of it); the generated Typst is written beside the PDF for inspection".into());
            }
            d = d.with_hint(hints.join("; "));
            d
        })
        .collect()
}

/// Whether a Typst message is about decoding an image file.
fn is_image_problem(message: &str) -> bool {
    ["failed to decode image", "failed to parse SVG", "unknown image format", "failed to load linked image"]
        .iter()
        .any(|m| message.contains(m))
}

/// Warnings for words that run into the margin, located where the user wrote them (the first
/// place the word occurs in their files), else by page.
pub fn overfull_warnings(overfull: &[compile::Overfull], files: &Files) -> Vec<Diagnostic> {
    overfull
        .iter()
        .map(|o| {
            let shown: String = if o.word.chars().count() > 60 {
                format!("{}…", o.word.chars().take(60).collect::<String>())
            } else {
                o.word.clone()
            };
            let message = format!(
                "`{shown}` is too long for the line and runs {:.0} mm into the margin on page {}",
                o.by_pt * 25.4 / 72.0,
                o.page
            );
            let hint = "give the line a place to break: spaces or hyphens in the word, or for a web address a link with short text, e.g. [the report](https://…)";
            let found = files.map.values().find_map(|f| {
                f.text.lines().enumerate().find_map(|(i, line)| {
                    line.find(o.word.as_str()).map(|at| (f.display.clone(), i + 1, line[..at].chars().count() + 1))
                })
            });
            let d = Diagnostic::warning(message).with_hint(hint);
            match found {
                Some((file, line, column)) => d.in_file(file).at(line, column),
                None => d,
            }
        })
        .collect()
}

/// Lays out `job` and writes its PDF: in this process through `session`, or, when the
/// templates are a submission's own ([`Templates::untrusted`]), in a contained child
/// ([`compile::contained::export`]), which a template that loops or grows without end cannot
/// take down with it. Timed as `compile` (and `pdf` when done here).
///
/// # Errors
///
/// Typst's errors, or how the contained child was stopped.
pub fn lay_out(
    job: &compile::Job,
    settings: &compile::PdfSettings,
    templates: &Templates,
    session: &mut compile::Session,
    timings: &mut Timings,
) -> Result<compile::contained::Exported, compile::contained::Failed> {
    use compile::contained::{Exported, Failed, export};
    if templates.untrusted() {
        let svg_pages = session.svg_pages();
        return timings.time("compile", || export(job, settings, svg_pages));
    }
    let compiled = timings.time("compile", || session.compile(job)).map_err(Failed::Compile)?;
    let pdf = timings.time("pdf", || compile::export_pdf(&compiled.document, settings)).map_err(Failed::Pdf)?;
    Ok(Exported::of(compiled.document, compiled.warnings, pdf))
}

/// The error for a submission's templates stopped at a limit while laying out its document,
/// at the first of its overrides.
pub fn templates_stopped(templates: &Templates, why: &compile::sandbox::Stopped) -> Diagnostic {
    let overrides = templates.overrides_used();
    let first = overrides.first().cloned().unwrap_or_default();
    Diagnostic::error(format!("the submission's templates ({}) were stopped: {}", overrides.join(", "), why.describe()))
        .in_file(first)
        .with_hint(
            "this is a problem in the templates, not in your submission: fix them, or remove them to build with the built-in ones (`amicus template <name>` prints each)",
        )
}

/// Runs one folder's build so that a panic in it (a bug, in Amicus or a library it uses)
/// fails that folder only: a batch goes on with the next folder, `watch` and `preview` with
/// the next save. (An abort or a stack overflow cannot be caught; what could cause one runs
/// under budgets, or contained in a child: [`lay_out`].)
///
/// # Errors
///
/// `build`'s own failure, or the panic as one.
pub fn isolated<T>(folder: &Path, build: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(build)).unwrap_or_else(|panic| {
        let why = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("no details");
        Err(Failure {
            diagnostics: vec![
                Diagnostic::error(format!("Amicus failed on {} ({why})", folder.display()))
                    .in_file(folder.display().to_string())
                    .with_hint("this is a bug in Amicus, not a problem in your files; please report it with the folder if you can share it"),
            ],
            files: Files::default(),
        })
    })
}
