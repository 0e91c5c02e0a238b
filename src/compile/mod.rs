//! Typst source in, laid-out document out.
//!
//! This module embeds the Typst compiler. It takes a [`Job`] — the generated
//! main `.typ` source, the virtual files it may read (the bundled Typst
//! library, data files) and the document [`Date`] — and gives a
//! [`Compiled`] document or located [`TypstDiagnostic`]s.
//!
//! Compiling is sandboxed and offline: the fonts are the ones embedded in the
//! binary ([`Engine`]), the only readable files are those in the job, there
//! are no packages, and the clock is the job's date. The same job therefore
//! gives the same document on every machine.
//!
//! Also here: [`write_atomic`] for writing outputs without ever leaving a
//! half-written file, and [`document_text`] for reading text back out
//! (tests, word counts).

mod date;
mod diag;
mod text;
mod world;
mod write;

use std::sync::OnceLock;

use typst::diag::Warned;
use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_layout::PagedDocument;

pub use date::Date;
pub use diag::{Severity, TypstDiagnostic};
pub use text::{PAGE_SEPARATOR, document_text};
pub use write::write_atomic;

use world::SandboxWorld;

/// Embedded fonts and the Typst standard library, built once per process and
/// shared by every compile.
///
/// Parsing the fonts and building the library takes a few milliseconds
/// (tens in a debug build); sharing them also lets Typst's caches recognise
/// them across compiles.
pub struct Engine {
    /// Typst's standard library with default settings (no experimental
    /// features, no `sys.inputs`).
    library: LazyHash<Library>,
    /// Metadata (family, style, coverage) of `fonts`, index for index.
    book: LazyHash<FontBook>,
    /// The faces embedded by `typst-assets`: Libertinus Serif, New Computer
    /// Modern (+ Math) and DejaVu Sans Mono. No system fonts are ever used,
    /// so output does not depend on the machine.
    fonts: Vec<Font>,
}

impl Engine {
    /// The process-wide engine, built on first use.
    pub fn shared() -> &'static Engine {
        static ENGINE: OnceLock<Engine> = OnceLock::new();
        ENGINE.get_or_init(Engine::new)
    }

    /// Loads the embedded fonts and the standard library.
    fn new() -> Engine {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        Engine {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    }

    /// Characters of `text` that no embedded font covers, deduplicated, in
    /// order of first appearance.
    ///
    /// Typst draws such characters as empty boxes without any warning, so
    /// callers use this to warn about, say, Chinese or emoji in a report.
    /// Whitespace, control characters and invisible formatting characters
    /// (zero-width joiners, variation selectors, soft hyphens, …) are
    /// ignored: they never show as boxes.
    pub fn uncovered_chars(&self, text: &str) -> Vec<char> {
        let mut checked = std::collections::HashSet::new();
        let mut uncovered = Vec::new();
        for c in text.chars() {
            if c.is_whitespace() || c.is_control() || is_invisible_format(c) {
                continue;
            }
            // `Coverage::contains` is a linear scan over ranges; check each
            // distinct character only once.
            if !checked.insert(c) {
                continue;
            }
            let covered = self
                .fonts
                .iter()
                .any(|font| font.info().coverage.contains(u32::from(c)));
            if !covered {
                uncovered.push(c);
            }
        }
        uncovered
    }

    /// Number of embedded font faces.
    pub fn font_count(&self) -> usize {
        self.fonts.len()
    }
}

/// Default-ignorable formatting characters that shaping drops or uses
/// invisibly, so a font need not cover them.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}'                  // soft hyphen
        | '\u{034F}'                // combining grapheme joiner
        | '\u{061C}'                // Arabic letter mark
        | '\u{200B}'..='\u{200F}'   // zero-width space/non-joiner/joiner, LRM, RLM
        | '\u{202A}'..='\u{202E}'   // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}'   // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}'   // bidi isolates
        | '\u{FE00}'..='\u{FE0F}'   // variation selectors (e.g. emoji style)
        | '\u{FEFF}'                // zero-width no-break space / BOM
        | '\u{E0100}'..='\u{E01EF}' // variation selectors supplement
    )
}

/// One compile job: the main Typst source plus the virtual files it may read.
///
/// The world Typst runs in serves exactly these files and nothing else: this
/// is the sandbox.
pub struct Job<'a> {
    /// Virtual path of the main file, e.g. `report.typ`; diagnostics name it.
    /// Reuse fixed names across jobs: Typst interns every distinct path for
    /// the life of the process (at most 65 535).
    pub main_name: &'a str,
    /// The Typst source of the main file.
    pub main: String,
    /// Extra virtual files as (path, content), e.g. the `amicus.typ` library
    /// the templates import or data read with `json(..)`. Paths are relative
    /// to the project root (a leading `/` is allowed); `..` may not leave it.
    pub files: Vec<(String, Vec<u8>)>,
    /// The document date: Typst's `datetime.today()`.
    pub date: Date,
}

/// A successfully compiled document.
pub struct Compiled {
    /// The laid-out pages.
    pub document: PagedDocument,
    /// Warnings Typst raised while compiling (e.g. an unknown font family).
    pub warnings: Vec<TypstDiagnostic>,
}

/// Compiles `job` into a laid-out document.
///
/// Typst's caches are process-wide; after each compile, entries unused in
/// the last ten compiles are evicted so a long batch or watch session does
/// not grow without bound.
///
/// # Errors
///
/// The errors (Typst stops evaluating at the first one, layout can report
/// several) followed by any warnings, each located in the virtual file it
/// concerns. An invalid or duplicate virtual path in the job is reported the
/// same way, without a line.
pub fn compile(job: &Job) -> Result<Compiled, Vec<TypstDiagnostic>> {
    let world = SandboxWorld::new(Engine::shared(), job).map_err(|d| vec![d])?;
    let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
    let as_world: &dyn typst::World = &world;
    let warnings = diag::convert(Some(as_world), &warnings);
    let result = match output {
        Ok(document) => Ok(Compiled { document, warnings }),
        Err(errors) => {
            let mut all = diag::convert(Some(as_world), &errors);
            explain_sandbox(&mut all, &world);
            all.extend(warnings);
            Err(all)
        }
    };
    // Use the `comemo` re-exported by `typst`: a separately added `comemo`
    // could be a different version with its own, untouched caches.
    typst::comemo::evict(10);
    result
}

/// Adds a hint to "file not found" errors saying what the sandbox does
/// serve, since the user may expect their disk to be readable.
fn explain_sandbox(diagnostics: &mut [TypstDiagnostic], world: &SandboxWorld) {
    for d in diagnostics {
        if d.message.starts_with("file not found") {
            d.hints.push(format!(
                "only these files can be read: {}",
                world.file_names().join(", ")
            ));
        } else if d.message.starts_with("package not found") {
            d.hints.push(
                "Typst packages are not available: Amicus compiles offline, \
                 with its bundled library only"
                    .to_owned(),
            );
        }
    }
}

/// Number of pages of `doc`.
pub fn page_count(doc: &PagedDocument) -> usize {
    doc.pages().len()
}

#[cfg(test)]
mod tests;
