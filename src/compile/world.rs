//! The Typst `World` for one compile job: the sandbox.
//!
//! Typst reads every file (`#import`, `#read`, `#image`, `#json`, …) through
//! this world, and it serves only the job's main source and the virtual files
//! the job lists. Nothing comes from the disk, the network or a package
//! registry, so a template or report cannot reach `/etc/passwd` and output
//! does not depend on the machine.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError, Weak};

use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};
use typst_layout::{PagedDocument, PagedIntrospector};

use super::typst_diagnostic::{Severity, TypstDiagnostic};
use super::{Engine, Job};

/// A compile job as Typst sees it.
pub(crate) struct SandboxWorld {
    /// Fonts and standard library, shared by every compile in the process.
    engine: &'static Engine,
    /// The main source, parsed once.
    main: Source,
    /// The extra virtual files by id.
    files: HashMap<FileId, VirtualFile>,
    /// The job's date as Typst's `datetime.today()`; `None` for an impossible
    /// date, which makes `datetime.today()` fail with a Typst error.
    today: Option<Datetime>,
}

/// One extra file served by the sandbox.
struct VirtualFile {
    /// The raw content.
    bytes: Bytes,
    /// The content parsed as Typst, on first request: Typst asks for a
    /// library's source on every import, and re-parsing each time would be
    /// wasted work.
    source: OnceLock<FileResult<Source>>,
}

/// Turns a caller's path (`report.typ`, `/data/x.json`) into a file id.
///
/// All paths live in the project root; `..` that would leave the root and
/// backslashes are rejected by [`VirtualPath::new`].
fn file_id(path: &str) -> Result<FileId, TypstDiagnostic> {
    let vpath = VirtualPath::new(path)
        .map_err(|e| TypstDiagnostic::unlocated(Severity::Error, format!("invalid virtual file path {path:?}: {e}")))?;
    if vpath.is_root() {
        return Err(TypstDiagnostic::unlocated(
            Severity::Error,
            format!("invalid virtual file path {path:?}: names no file"),
        ));
    }
    // Interned ids are never freed (at most 65 535 per process), but the same
    // path always gives the same id, so batch runs that reuse fixed names do
    // not use up ids.
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// Decodes UTF-8 Typst source, dropping a byte-order mark as editors on
/// Windows like to write one.
fn decode_source(id: FileId, bytes: &[u8]) -> FileResult<Source> {
    let text = std::str::from_utf8(bytes).map_err(|_| FileError::InvalidUtf8)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Ok(Source::new(id, text.to_owned()))
}

impl SandboxWorld {
    /// Builds the world for `job`, checking its virtual paths.
    ///
    /// `earlier` holds the sources parsed by earlier compiles of a [`super::Session`] (empty
    /// for a one-off compile). A source whose file is in the job again is taken from there
    /// and edited into the new text rather than parsed afresh: Typst then reparses only the
    /// changed part, and the syntax nodes outside it keep their identity, so the memoised
    /// results that depend on them (evaluation, layout) are reused.
    pub(crate) fn new(
        engine: &'static Engine,
        job: &Job,
        earlier: &mut HashMap<FileId, Source>,
    ) -> Result<Self, TypstDiagnostic> {
        let main_id = file_id(job.main_name)?;
        let mut files = HashMap::with_capacity(job.files.len());
        for (name, bytes) in &job.files {
            let id = file_id(name)?;
            // A second file under the same name would silently shadow the
            // first (or the main file); that is a bug in the caller.
            if id == main_id || files.contains_key(&id) {
                return Err(TypstDiagnostic::unlocated(
                    Severity::Error,
                    format!("virtual file {name:?} is given twice"),
                ));
            }
            let source = OnceLock::new();
            if let Some(mut parsed) = earlier.remove(&id)
                && let Ok(text) = std::str::from_utf8(bytes)
            {
                parsed.replace(text.strip_prefix('\u{feff}').unwrap_or(text));
                let _ = source.set(Ok(parsed));
            }
            files.insert(id, VirtualFile { bytes: Bytes::new(bytes.clone()), source });
        }
        let main = match earlier.remove(&main_id) {
            Some(mut parsed) => {
                parsed.replace(&job.main);
                parsed
            }
            None => Source::new(main_id, job.main.clone()),
        };
        Ok(SandboxWorld { engine, main, files, today: job.date.to_typst() })
    }

    /// The sources this world parsed (the main file, and the files Typst read as sources),
    /// for the next compile of the same session.
    pub(crate) fn parsed_sources(&self) -> HashMap<FileId, Source> {
        let read = self.files.iter().filter_map(|(id, f)| Some((*id, f.source.get()?.as_ref().ok()?.clone())));
        std::iter::once((self.main.id(), self.main.clone())).chain(read).collect()
    }

    /// The names of all files the sandbox serves, sorted, for hints.
    pub(crate) fn file_names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::iter::once(self.main.id())
            .chain(self.files.keys().copied())
            .map(super::typst_diagnostic::display_path)
            .collect();
        names.sort();
        names
    }
}

impl World for SandboxWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.engine.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.engine.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            // `Source` is reference counted: cloning is cheap.
            return Ok(self.main.clone());
        }
        match self.files.get(&id) {
            Some(file) => file.source.get_or_init(|| decode_source(id, &file.bytes)).clone(),
            None => Err(not_found(id)),
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        match self.files.get(&id) {
            Some(file) => Ok(file.bytes.clone()),
            None => Err(not_found(id)),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.engine.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // The document date has no time zone: whatever offset a template
        // asks for, "today" is the report's date.
        self.today
    }
}

/// The error for any path outside the sandbox. Typst words it as
/// `file not found (searched at /etc/passwd)`, or `package not found
/// (searched for @preview/x:0.1.0)` for a file in a package: there are none.
fn not_found(id: FileId) -> FileError {
    match id.root() {
        VirtualRoot::Project => FileError::NotFound(id.vpath().get_with_slash().into()),
        VirtualRoot::Package(spec) => FileError::Package(PackageError::NotFound(spec.clone())),
    }
}

/// Worlds of documents that are still alive, newest last.
///
/// PDF export can fail with errors that point into the sources (PDF/UA-1:
/// "missing alt text" at an image), but [`super::export_pdf`] only receives
/// the document. To still give a line and column, each compile remembers its
/// world under a weak reference to the document's introspector (an `Arc`
/// that every clone of the document shares). A live `Weak` keeps the
/// allocation, so its address cannot be reused by another document while the
/// entry exists, and a dead one is pruned on the next compile.
type Registry = Vec<(Weak<PagedIntrospector>, Arc<SandboxWorld>)>;

/// See [`Registry`].
static DOCUMENT_WORLDS: Mutex<Registry> = Mutex::new(Vec::new());

/// At most this many worlds are remembered; older documents lose line
/// numbers in PDF export errors (never correctness of the PDF itself).
const REGISTRY_LIMIT: usize = 16;

/// Remembers which world produced `document`.
pub(crate) fn remember(document: &PagedDocument, world: Arc<SandboxWorld>) {
    // A panic elsewhere while holding the lock cannot leave the list in a
    // state that matters here, so a poisoned lock is still usable.
    let mut registry = DOCUMENT_WORLDS.lock().unwrap_or_else(PoisonError::into_inner);
    registry.retain(|(doc, _)| doc.strong_count() > 0);
    if registry.len() >= REGISTRY_LIMIT {
        registry.remove(0);
    }
    registry.push((Arc::downgrade(document.introspector()), world));
}

/// The world that produced `document`, if it is still remembered.
pub(crate) fn world_of(document: &PagedDocument) -> Option<Arc<SandboxWorld>> {
    let introspector = Arc::downgrade(document.introspector());
    let registry = DOCUMENT_WORLDS.lock().unwrap_or_else(PoisonError::into_inner);
    registry.iter().rev().find(|(doc, _)| doc.ptr_eq(&introspector)).map(|(_, world)| Arc::clone(world))
}
