//! A minimal in-memory Typst world for tests: embedded fonts, no files, fixed date.
//!
//! Deliberately independent of `crate::compile`, so this module's tests do not depend on it.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::layout::{Abs, Frame, FrameItem};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

/// What every test world shares: parsing the fonts once is enough.
struct Shared {
    /// The standard library.
    library: LazyHash<Library>,
    /// Metadata of `fonts`.
    book: LazyHash<FontBook>,
    /// The fonts embedded in `typst-assets`.
    fonts: Vec<Font>,
    /// The id of the main file (ids are interned for the whole process, so make one).
    main: FileId,
}

/// Built on first use.
static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts().flat_map(|data| Font::iter(Bytes::new(data))).collect();
    Shared {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
        main: RootedPath::new(VirtualRoot::Project, VirtualPath::new("/main.typ").unwrap()).intern(),
    }
});

/// A world holding one source file and nothing else.
struct TestWorld {
    /// The only file.
    main: Source,
}

impl World for TestWorld {
    fn library(&self) -> &LazyHash<Library> {
        &SHARED.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &SHARED.book
    }
    fn main(&self) -> FileId {
        self.main.id()
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(id.vpath().get_without_slash().into()))
        }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        Err(FileError::NotFound(id.vpath().get_without_slash().into()))
    }
    fn font(&self, index: usize) -> Option<Font> {
        SHARED.fonts.get(index).cloned()
    }
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Datetime::from_ymd(2025, 1, 1)
    }
}

/// Compiles `source` and returns the text of all pages in layout order, or every diagnostic
/// (errors, or warnings when there were no errors) as `message (at «source excerpt»)`.
pub fn compile_text(source: &str) -> Result<String, Vec<String>> {
    let world = TestWorld { main: Source::new(SHARED.main, source.to_owned()) };
    let warned = typst::compile::<PagedDocument>(&world);
    let describe = |diags: &[SourceDiagnostic]| -> Vec<String> {
        diags
            .iter()
            .map(|d| {
                let excerpt = world.range(d.span).and_then(|r| source.get(r)).unwrap_or("");
                format!("{:?}: {} (at «{excerpt}»)", d.severity, d.message)
            })
            .collect()
    };
    let document = warned.output.map_err(|errors| describe(&errors))?;
    if !warned.warnings.is_empty() {
        return Err(describe(&warned.warnings));
    }
    let mut text = String::new();
    for (i, page) in document.pages().iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        frame_text(&page.frame, Abs::zero(), &mut None, &mut text);
    }
    Ok(text)
}

/// Appends the text of a frame, recursively, in item order, starting a new line whenever the
/// baseline moves. `y` is the frame's vertical offset on the page.
fn frame_text(frame: &Frame, y: Abs, last_y: &mut Option<Abs>, out: &mut String) {
    for (pos, item) in frame.items() {
        let item_y = y + pos.y;
        match item {
            FrameItem::Group(group) => frame_text(&group.frame, item_y, last_y, out),
            FrameItem::Text(text) => {
                if last_y.is_some_and(|last| (last - item_y).abs() > Abs::pt(0.5)) {
                    out.push('\n');
                }
                *last_y = Some(item_y);
                out.push_str(&text.text);
            }
            _ => {}
        }
    }
}

/// Collapses whitespace runs (including the characters Typst treats as line breaks) to one
/// space and trims the ends.
pub fn normalize(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{85}').filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Removes all whitespace, for comparing text laid out over several lines.
pub fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether some embedded font has a glyph for `c` (Typst shows tofu silently otherwise).
pub fn has_glyph(c: char) -> bool {
    SHARED.fonts.iter().any(|font| font.info().coverage.contains(u32::from(c)))
}
