//! Typst source in, laid-out document and PDF bytes out.
//!
//! This module embeds the Typst compiler. It takes a [`Job`] — the generated
//! main `.typ` source, the virtual files it may read (the bundled Typst
//! library, data files) and the document [`Date`] — and gives a
//! [`Compiled`] document or located [`TypstDiagnostic`]s. [`export_pdf`]
//! turns the document into tagged, byte-reproducible PDF, optionally
//! checked against PDF/A or PDF/UA.
//!
//! Compiling is sandboxed and offline: the fonts are the ones embedded in the
//! binary ([`Engine`]), the only readable files are those in the job, there
//! are no packages, and the clock is the job's date. The same job therefore
//! gives the same PDF on every machine.
//!
//! Also here: [`write_atomic`] for writing outputs without ever leaving a
//! half-written file, and [`document_text`] for reading the text of a laid-out
//! document back out (tests, word counts).

pub mod contained;
mod overfull;
pub mod sandbox;
mod text;
mod typst_diagnostic;
mod world;

use std::fmt;
use std::str::FromStr;
use std::sync::{Arc, OnceLock};

use typst::diag::Warned;
use typst::foundations::{Bytes, Smart};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

pub use crate::date::Date;
pub use overfull::{Overfull, overfull_lines};
pub use text::{PAGE_SEPARATOR, document_text};
pub use typst_diagnostic::{Severity, TypstDiagnostic};

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
    /// The faces embedded by `typst-assets` (Libertinus Serif, New Computer
    /// Modern (+ Math) and DejaVu Sans Mono) and Amicus's own ([`EXTRA_FONTS`]).
    /// No system fonts are ever used, so output does not depend on the machine.
    fonts: Vec<Font>,
}

/// The Arabic faces: Noto Naskh Arabic, regular and bold (0.35 MB), always embedded.
const ARABIC_FONTS: [&[u8]; 2] =
    [include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf"), include_bytes!("../../fonts/NotoNaskhArabic-Bold.ttf")];

/// The faces Amicus embeds besides Typst's, for the UN languages Libertinus lacks: Arabic
/// (Noto Naskh Arabic, 0.35 MB) and, with the default `cjk` feature, simplified Chinese (Noto
/// Serif CJK SC cut down to GB 2312, 5.27 MB). `fonts/README.md` says where they come from and
/// how the subset was made.
#[cfg(feature = "cjk")]
pub const EXTRA_FONTS: &[&[u8]] = &[
    ARABIC_FONTS[0],
    ARABIC_FONTS[1],
    include_bytes!("../../fonts/NotoSerifCJKsc-Regular-GB2312.otf"),
    include_bytes!("../../fonts/NotoSerifCJKsc-Bold-GB2312.otf"),
];

/// The faces Amicus embeds besides Typst's: Arabic only, in a build without the `cjk` feature
/// (`cargo install amicus --no-default-features`), 5.27 MB lighter; `check` then reports
/// Chinese at its field and says how to get it ([`HAS_CHINESE`]).
#[cfg(not(feature = "cjk"))]
pub const EXTRA_FONTS: &[&[u8]] = &ARABIC_FONTS;

/// Whether this build embeds the Chinese font (the default `cjk` feature).
pub const HAS_CHINESE: bool = cfg!(feature = "cjk");

impl Engine {
    /// The process-wide engine, built on first use.
    pub fn shared() -> &'static Engine {
        static ENGINE: OnceLock<Engine> = OnceLock::new();
        ENGINE.get_or_init(Engine::new)
    }

    /// Loads the embedded fonts and the standard library.
    fn new() -> Engine {
        let fonts: Vec<Font> = typst_assets::fonts()
            .chain(EXTRA_FONTS.iter().copied())
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        Engine { library: LazyHash::new(Library::default()), book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts }
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
            let covered = self.fonts.iter().any(|font| font.info().coverage.contains(u32::from(c)));
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

/// Compiles `job` into a laid-out document, once: [`Session::compile`] with a new session.
///
/// # Errors
///
/// As [`Session::compile`].
pub fn compile(job: &Job) -> Result<Compiled, Vec<TypstDiagnostic>> {
    Session::default().compile(job)
}

/// What one compile leaves for the next: the parsed Typst sources, by file.
///
/// `amicus watch` and `amicus preview` compile the same documents again after each edit
/// through one session. Each source is then edited into its new text instead of parsed
/// afresh, so that Typst reparses only what changed and the syntax outside it keeps its
/// identity; Typst's memoised evaluation and layout, which are keyed by that syntax, are
/// reused for everything the edit did not touch. (Fonts and the standard library are shared
/// by every compile in the process anyway: [`Engine::shared`].)
pub struct Session {
    /// The sources of the last compile of each main file, and of the files they read.
    sources: std::collections::HashMap<typst::syntax::FileId, typst::syntax::Source>,
    /// After each compile, Typst's memoised results unused in this many compiles are evicted;
    /// `None` for a watch loop, which evicts once per round ([`Session::end_round`]).
    keep: Option<usize>,
    /// Whether a document laid out in a contained child ([`contained::export`]) should bring
    /// its pages back as SVG (`amicus preview` shows them).
    svg_pages: bool,
}

impl Default for Session {
    /// A session for one-off and batch builds: results are kept for ten compiles, as the
    /// typst CLI keeps them, so that submissions built side by side share what they can.
    fn default() -> Session {
        Session { sources: std::collections::HashMap::new(), keep: Some(10), svg_pages: false }
    }
}

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Session").field("sources", &self.sources.len()).finish()
    }
}

impl Session {
    /// A session for a watch loop: its compiles evict nothing; after each round of compiles
    /// (the report, and the brief when there is one) [`Session::end_round`] evicts what the
    /// round did not use. An edit still redoes only what it changed, and a long session holds
    /// about what one round needs, not ten rounds' results as a one-off session would keep.
    pub fn for_rounds() -> Session {
        Session { keep: None, ..Session::default() }
    }

    /// The same session, asking documents laid out in a contained child for their pages as
    /// SVG.
    #[must_use]
    pub fn with_svg_pages(mut self) -> Session {
        self.svg_pages = true;
        self
    }

    /// Whether documents laid out in a contained child bring their pages back as SVG.
    pub fn svg_pages(&self) -> bool {
        self.svg_pages
    }

    /// Ends a round of a [`Session::for_rounds`] session: Typst's memoised results that no
    /// compile of this round used are evicted, and the memory they held is handed back to the
    /// system ([`release_memory`]).
    pub fn end_round(&mut self) {
        typst::comemo::evict(1);
        release_memory();
    }

    /// Compiles `job` into a laid-out document, reusing what earlier compiles of this
    /// session parsed.
    ///
    /// Typst's caches are process-wide; after each compile, entries unused in
    /// the last ten compiles are evicted (in a watch loop, what its last round did not use:
    /// [`Session::for_rounds`]) so a long batch or watch session does not grow without bound.
    ///
    /// # Errors
    ///
    /// The errors (Typst stops evaluating at the first one, layout can report
    /// several) followed by any warnings, each located in the virtual file it
    /// concerns. An invalid or duplicate virtual path in the job is reported the
    /// same way, without a line.
    pub fn compile(&mut self, job: &Job) -> Result<Compiled, Vec<TypstDiagnostic>> {
        let world = Arc::new(SandboxWorld::new(Engine::shared(), job, &mut self.sources).map_err(|d| vec![d])?);
        let result = compile_in(&world, self.keep);
        self.sources.extend(world.parsed_sources());
        result
    }
}

/// Compiles in `world`; see [`Session::compile`].
fn compile_in(world: &Arc<SandboxWorld>, keep: Option<usize>) -> Result<Compiled, Vec<TypstDiagnostic>> {
    let Warned { output, warnings } = typst::compile::<PagedDocument>(&**world);
    let as_world: &dyn typst::World = &**world;
    let warnings = typst_diagnostic::convert(Some(as_world), &warnings);
    let result = match output {
        Ok(document) => {
            world::remember(&document, Arc::clone(world));
            Ok(Compiled { document, warnings })
        }
        Err(errors) => {
            let mut all = typst_diagnostic::convert(Some(as_world), &errors);
            explain_sandbox(&mut all, world);
            all.extend(warnings);
            Err(all)
        }
    };
    // Use the `comemo` re-exported by `typst`: a separately added `comemo`
    // could be a different version with its own, untouched caches.
    if let Some(keep) = keep {
        typst::comemo::evict(keep);
    }
    result
}

/// Empties Typst's memo caches, so that the next compile starts cold (as in a fresh
/// process). For benchmarks; a normal build never needs it.
pub fn reset_caches() {
    typst::comemo::evict(0);
}

/// Hands the memory freed by the last compile's eviction back to the system, so that a watch
/// session waiting for the next save holds what its caches hold, not the high-water mark of
/// the build before (glibc keeps freed memory in its arenas otherwise; one per thread Typst
/// laid out with). Elsewhere the allocator decides, and this does nothing.
pub fn release_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of the allocator's arenas to the kernel; it
    // touches no memory in use and is safe to call at any time from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Adds a hint to "file not found" errors saying what the sandbox does
/// serve, since the user may expect their disk to be readable.
fn explain_sandbox(diagnostics: &mut [TypstDiagnostic], world: &SandboxWorld) {
    for d in diagnostics {
        if d.message.starts_with("file not found") {
            d.hints.push(format!("only these files can be read: {}", world.file_names().join(", ")));
        } else if d.message.starts_with("package not found") {
            d.hints.push(
                "Typst packages are not available: Amicus compiles offline, \
                 with its bundled library only"
                    .to_owned(),
            );
        }
    }
}

/// The standards a PDF is declared to meet and is checked against.
///
/// PDF/UA-1 (accessibility) is always part of it unless the user opts out
/// with [`PdfStandardChoice::None`]: the committees publish what NGOs send,
/// and the CRPD asks for accessible formats. A PDF/A part (archival) can be
/// added; PDF/A-4 is not offered because it requires PDF 2.0, which PDF/UA-1
/// does not allow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PdfStandardChoice {
    /// PDF/UA-1: accessible (the default).
    #[default]
    Ua1,
    /// PDF/UA-1 and PDF/A-2a: accessible and archival, logical structure kept.
    A2aUa1,
    /// PDF/UA-1 and PDF/A-2b: accessible and archival.
    A2bUa1,
    /// PDF/UA-1 and PDF/A-2u: as A-2b, and all text maps to Unicode.
    A2uUa1,
    /// PDF/UA-1 and PDF/A-3a.
    A3aUa1,
    /// PDF/UA-1 and PDF/A-3b.
    A3bUa1,
    /// PDF/UA-1 and PDF/A-3u.
    A3uUa1,
    /// No declared conformance: a plain PDF 1.7, still tagged. Only on
    /// request (`--pdf-standard none`).
    None,
}

impl PdfStandardChoice {
    /// Every choice, in the order shown to users.
    pub const ALL: [PdfStandardChoice; 8] = [
        PdfStandardChoice::Ua1,
        PdfStandardChoice::A2aUa1,
        PdfStandardChoice::A2bUa1,
        PdfStandardChoice::A2uUa1,
        PdfStandardChoice::A3aUa1,
        PdfStandardChoice::A3bUa1,
        PdfStandardChoice::A3uUa1,
        PdfStandardChoice::None,
    ];

    /// The name on the command line, in Typst's CLI spelling joined by `+`
    /// (`ua-1`, `a-2a+ua-1`, `none`).
    pub fn as_str(self) -> &'static str {
        match self {
            PdfStandardChoice::Ua1 => "ua-1",
            PdfStandardChoice::A2aUa1 => "a-2a+ua-1",
            PdfStandardChoice::A2bUa1 => "a-2b+ua-1",
            PdfStandardChoice::A2uUa1 => "a-2u+ua-1",
            PdfStandardChoice::A3aUa1 => "a-3a+ua-1",
            PdfStandardChoice::A3bUa1 => "a-3b+ua-1",
            PdfStandardChoice::A3uUa1 => "a-3u+ua-1",
            PdfStandardChoice::None => "none",
        }
    }

    /// Whether the PDF is declared (and checked) PDF/UA-1.
    pub fn is_accessible(self) -> bool {
        self != PdfStandardChoice::None
    }

    /// What the PDF is declared to be, in words for the user.
    pub fn describe(self) -> &'static str {
        match self {
            PdfStandardChoice::Ua1 => "PDF/UA-1 (accessible)",
            PdfStandardChoice::A2aUa1 => "PDF/UA-1 (accessible) and PDF/A-2a (archival)",
            PdfStandardChoice::A2bUa1 => "PDF/UA-1 (accessible) and PDF/A-2b (archival)",
            PdfStandardChoice::A2uUa1 => "PDF/UA-1 (accessible) and PDF/A-2u (archival)",
            PdfStandardChoice::A3aUa1 => "PDF/UA-1 (accessible) and PDF/A-3a (archival)",
            PdfStandardChoice::A3bUa1 => "PDF/UA-1 (accessible) and PDF/A-3b (archival)",
            PdfStandardChoice::A3uUa1 => "PDF/UA-1 (accessible) and PDF/A-3u (archival)",
            PdfStandardChoice::None => "plain PDF, tagged but not declared PDF/UA-1 (--pdf-standard none)",
        }
    }

    /// The PDF/A part, if any, as the validator names it (`2a`, `3u`).
    pub fn archival_part(self) -> Option<&'static str> {
        match self {
            PdfStandardChoice::Ua1 | PdfStandardChoice::None => None,
            PdfStandardChoice::A2aUa1 => Some("2a"),
            PdfStandardChoice::A2bUa1 => Some("2b"),
            PdfStandardChoice::A2uUa1 => Some("2u"),
            PdfStandardChoice::A3aUa1 => Some("3a"),
            PdfStandardChoice::A3bUa1 => Some("3b"),
            PdfStandardChoice::A3uUa1 => Some("3u"),
        }
    }

    /// The Typst standards this choice stands for.
    fn standards(self) -> &'static [PdfStandard] {
        match self {
            PdfStandardChoice::Ua1 => &[PdfStandard::Ua_1],
            PdfStandardChoice::A2aUa1 => &[PdfStandard::A_2a, PdfStandard::Ua_1],
            PdfStandardChoice::A2bUa1 => &[PdfStandard::A_2b, PdfStandard::Ua_1],
            PdfStandardChoice::A2uUa1 => &[PdfStandard::A_2u, PdfStandard::Ua_1],
            PdfStandardChoice::A3aUa1 => &[PdfStandard::A_3a, PdfStandard::Ua_1],
            PdfStandardChoice::A3bUa1 => &[PdfStandard::A_3b, PdfStandard::Ua_1],
            PdfStandardChoice::A3uUa1 => &[PdfStandard::A_3u, PdfStandard::Ua_1],
            PdfStandardChoice::None => &[],
        }
    }
}

impl fmt::Display for PdfStandardChoice {
    /// Same as [`PdfStandardChoice::as_str`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for PdfStandardChoice {
    type Err = String;

    /// Parses the names of [`PdfStandardChoice::as_str`], ignoring case. A
    /// PDF/A part alone (`a-2b`) means that part together with PDF/UA-1,
    /// which every Amicus PDF meets unless `none` is chosen.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        let with_ua = if wanted.starts_with("a-") && !wanted.contains('+') { format!("{wanted}+ua-1") } else { wanted };
        PdfStandardChoice::ALL.into_iter().find(|choice| choice.as_str() == with_ua).ok_or_else(|| {
            let names: Vec<&str> = PdfStandardChoice::ALL.iter().map(|c| c.as_str()).collect();
            let mut message = format!("unknown PDF standard {s:?}; expected one of: {}", names.join(", "));
            if with_ua.starts_with("a-4") || with_ua.starts_with("a-1") {
                message.push_str(" (PDF/A-1 and PDF/A-4 cannot be combined with PDF/UA-1)");
            }
            message
        })
    }
}

/// How to write the PDF.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PdfSettings {
    /// A stable identifier of the document (e.g. `amicus/ccpr/2025/xyz`),
    /// hashed into the PDF's document ID so later versions of the same report
    /// are recognisable as such. Empty: Typst derives it from title and
    /// author.
    pub ident: String,
    /// Creation date written into the PDF (at 00:00 UTC), unless the
    /// template sets `document(date: ..)` itself. Fixed dates make the PDF
    /// byte-reproducible.
    pub date: Date,
    /// The standard to conform to and check against.
    pub standard: PdfStandardChoice,
}

/// Exports `doc` as a tagged PDF.
///
/// Tagging (the structure tree screen readers use) is always on. The same
/// document and settings always give the same bytes.
///
/// # Errors
///
/// When the document does not meet the chosen standard, e.g. PDF/UA-1
/// without a title or an image without alt text, or when the date does not
/// exist. Errors are located in the sources when the document came from
/// [`compile`] in this process.
pub fn export_pdf(doc: &PagedDocument, settings: &PdfSettings) -> Result<Vec<u8>, Vec<TypstDiagnostic>> {
    let standards = PdfStandards::new(settings.standard.standards()).map_err(|error| {
        let mut d = TypstDiagnostic::unlocated(Severity::Error, error.message().as_str());
        d.hints = error.hints().iter().map(ToString::to_string).collect();
        vec![d]
    })?;
    let midnight = settings.date.to_typst_midnight().ok_or_else(|| {
        vec![TypstDiagnostic::unlocated(Severity::Error, format!("invalid document date {}", settings.date))]
    })?;
    let options = PdfOptions {
        ident: if settings.ident.is_empty() { Smart::Auto } else { Smart::Custom(settings.ident.clone()) },
        creator: Smart::Custom(Some(format!(
            "Amicus {} (Typst {})",
            env!("CARGO_PKG_VERSION"),
            typst::utils::version().raw()
        ))),
        timestamp: Some(Timestamp::new_utc(midnight)),
        page_ranges: None,
        standards,
        tagged: true,
        pretty: false,
    };
    typst_pdf::pdf(doc, &options).map_err(|errors| {
        let world = world::world_of(doc);
        typst_diagnostic::convert(world.as_deref().map(|w| w as &dyn typst::World), &errors)
    })
}

/// Number of pages of `doc`.
pub fn page_count(doc: &PagedDocument) -> usize {
    doc.pages().len()
}

#[cfg(test)]
mod tests;
