//! The files of a submission as read: their text for snippets, places in them (file and key
//! path), and the one guarded read of a YAML or Markdown file (size, encoding, byte-order
//! mark).

use super::MAX_FILE_BYTES;
use super::locate::{Index, Seg, Target, path_string};
use crate::diag::Diagnostic;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

/// A file the user wrote, kept for locating problems and printing snippets.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as shown to the user (the folder as they typed it, joined with the name).
    pub display: String,
    /// The file's text.
    pub text: String,
    /// Where each key path of the YAML text is, built on the first lookup (one pass over the
    /// text, however many problems are located in it).
    index: OnceLock<Index>,
}

impl SourceFile {
    /// A file with its display path and text.
    pub fn new(display: impl Into<String>, text: impl Into<String>) -> SourceFile {
        SourceFile { display: display.into(), text: text.into(), index: OnceLock::new() }
    }

    /// The key-path index of the file's YAML.
    pub fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::new(&self.text))
    }

    /// 1-based (line, column) of a key path, or (0, 0) if it cannot be found.
    pub fn locate(&self, path: &[Seg], target: Target) -> (usize, usize) {
        let index = self.index();
        // A path that is not in the file (a missing field) points at its closest parent.
        for len in (0..=path.len()).rev() {
            let t = if len == path.len() { target } else { Target::Value };
            if let Some(at) = index.get(&path[..len], t) {
                return at;
            }
        }
        (0, 0)
    }

    /// A located error at a key path in this file.
    pub fn error_at(&self, path: &[Seg], target: Target, message: impl Into<String>) -> Diagnostic {
        let (line, col) = self.locate(path, target);
        Diagnostic::error(message).in_file(&self.display).at(line, col).with_path(path_string(path))
    }

    /// A located warning at a key path in this file.
    pub fn warning_at(&self, path: &[Seg], target: Target, message: impl Into<String>) -> Diagnostic {
        let (line, col) = self.locate(path, target);
        Diagnostic::warning(message).in_file(&self.display).at(line, col).with_path(path_string(path))
    }
}

/// Where a part of the model came from: a file and the key path inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Key into [`Files`].
    pub file: String,
    /// The key path inside that file.
    pub path: Vec<Seg>,
}

impl Place {
    /// This place extended by a key.
    pub fn key(&self, k: &str) -> Place {
        let mut path = self.path.clone();
        path.push(Seg::Key(k.to_owned()));
        Place { file: self.file.clone(), path }
    }

    /// This place extended by an index.
    pub fn index(&self, i: usize) -> Place {
        let mut path = self.path.clone();
        path.push(Seg::Index(i));
        Place { file: self.file.clone(), path }
    }
}

/// Every file read for a command, by display path.
#[derive(Debug, Clone, Default)]
pub struct Files {
    /// The files, by display path.
    pub map: BTreeMap<String, SourceFile>,
}

impl Files {
    /// The bytes of all the files read (for [`super::budget::MAX_FOLDER_BYTES`]).
    pub fn bytes(&self) -> usize {
        self.map.values().map(|f| f.text.len()).sum()
    }

    /// Adds a file and returns its key.
    pub fn add(&mut self, file: SourceFile) -> String {
        let key = file.display.clone();
        self.map.insert(key.clone(), file);
        key
    }

    /// A located error at a place.
    pub fn error(&self, place: &Place, target: Target, message: impl Into<String>) -> Diagnostic {
        match self.map.get(&place.file) {
            Some(f) => f.error_at(&place.path, target, message),
            None => Diagnostic::error(message).in_file(&place.file).with_path(path_string(&place.path)),
        }
    }

    /// A located warning at a place.
    pub fn warning(&self, place: &Place, target: Target, message: impl Into<String>) -> Diagnostic {
        match self.map.get(&place.file) {
            Some(f) => f.warning_at(&place.path, target, message),
            None => Diagnostic::warning(message).in_file(&place.file).with_path(path_string(&place.path)),
        }
    }

    /// Whether the place's key is written in its file (a field the loader filled in because
    /// it was missing is not).
    pub fn exists(&self, place: &Place) -> bool {
        self.map.get(&place.file).is_some_and(|f| f.index().get(&place.path, Target::Value).is_some())
    }

    /// File texts by display path, for rendering snippets.
    pub fn texts(&self) -> BTreeMap<String, String> {
        self.map.iter().map(|(k, f)| (k.clone(), f.text.clone())).collect()
    }
}

/// Joins a folder as the user typed it with a file name, for display.
pub fn display_path(folder: &Path, name: &str) -> String {
    folder.join(name).display().to_string()
}

/// Reads a text file the user wrote, `relative` to the submission `folder`, refusing what
/// would hurt: a path or link leading outside the folder, anything but a regular file, more
/// than [`MAX_FILE_BYTES`] or not UTF-8. Each refusal is one clear error. A UTF-8
/// byte-order mark is kept for [`take_bom`].
/// The reading itself is [`crate::fs::boundary::read_inside`], the one way a submission's files
/// are read.
pub fn read_text(folder: &Path, relative: &Path, display: &str) -> Result<String, Diagnostic> {
    let err = |m: String| Diagnostic::error(m).in_file(display);
    let bytes = crate::fs::boundary::read_inside(folder, relative, MAX_FILE_BYTES).map_err(|e| {
        let d = err(e.describe(display));
        match e.hint() {
            Some(h) => d.with_hint(h),
            None => d,
        }
    })?;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(err(format!("{display} is saved as UTF-16")).at(1, 1).with_hint("save the file as UTF-8"));
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let good = std::str::from_utf8(good).unwrap_or_default();
        let line = good.matches('\n').count() + 1;
        let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        err(format!("{display} is not valid UTF-8 text (a byte that is not UTF-8 at line {line}, column {column})"))
            .at(line, column)
            .with_hint(
                "save the file as UTF-8; it may have been written in another encoding, such as Windows-1251 or Latin-1",
            )
    })
}

/// Removes a UTF-8 byte-order mark from the start of a file's text, with a note saying so.
///
/// Notepad and some Windows editors write one ("UTF-8 with BOM"); it is invisible and means
/// nothing in UTF-8, so Amicus reads the file without it rather than refuse it.
pub fn take_bom(text: &mut String, display: &str) -> Option<Diagnostic> {
    let rest = text.strip_prefix('\u{FEFF}')?;
    *text = rest.to_owned();
    Some(
        Diagnostic::warning(format!(
            "{display} starts with an invisible byte-order mark (BOM); Amicus read the file without it"
        ))
        .in_file(display)
        .at(1, 1)
        .with_hint("nothing to fix; to silence this, save the file as \"UTF-8\" rather than \"UTF-8 with BOM\""),
    )
}

/// Plain words for an I/O error.
pub fn io_words(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
