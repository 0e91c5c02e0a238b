//! The submission folder as a security boundary: the one way Amicus reads a file.
//!
//! A submission folder, a template override or a document to import may come from someone
//! else. Every file read for them goes through [`read_inside`] (files of a submission folder)
//! or [`read_regular`] (a document named on the command line), which:
//!
//! - resolve the path, symbolic links included, and (for [`read_inside`]) require the result
//!   to stay inside the folder: a link to `/etc/passwd` or to another submission is refused;
//! - require a regular file: a FIFO, a device (`/dev/zero`), a socket or a folder is refused
//!   before anything is read, and the file is opened without blocking, so a FIFO swapped in at
//!   the last moment cannot hang the command either;
//! - read at most the size limit, counting the bytes actually read (the length a device or
//!   `/proc` file reports is not trusted);
//! - report a symbolic link loop as such.
//!
//! Each refusal is a [`ReadError`] whose text names the file and what to do.

use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

/// The largest YAML or Markdown file Amicus reads. A submission is a few hundred kilobytes at
/// most; anything bigger is a mistake (a PDF renamed, a log pasted) and parsing it would only
/// waste time and memory.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// There is no such file (or it is a link to nothing).
    NotFound,
    /// The path, once links are resolved, leads outside the folder.
    Outside {
        /// Where it leads.
        target: PathBuf,
    },
    /// A symbolic link that points (directly or not) back to itself.
    Loop,
    /// A folder, not a file.
    Folder,
    /// Not a regular file: a FIFO, a device or a socket.
    NotRegular {
        /// What it is, in words.
        kind: &'static str,
    },
    /// More bytes than the limit.
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
        /// The size the file reports (at least `limit + 1` bytes were there).
        size: u64,
    },
    /// Any other I/O error (permission denied, …).
    Io(io::Error),
}

impl ReadError {
    /// The error in words, for the file shown as `display`.
    pub fn describe(&self, display: &str) -> String {
        match self {
            ReadError::NotFound => format!("cannot read {display}: no such file"),
            ReadError::Outside { target } => format!(
                "{display} leads outside the submission folder (to {}); Amicus reads only files inside the folder",
                target.display()
            ),
            ReadError::Loop => format!("{display} is a symbolic link that loops back on itself"),
            ReadError::Folder => format!("{display} is a folder, not a file"),
            ReadError::NotRegular { kind } => format!("{display} is {kind}, not a regular file"),
            ReadError::TooLarge { limit, size } => {
                let shown = if *size > *limit { format!("{:.1} MB", *size as f64 / 1e6) } else { "too large".into() };
                format!("{display} is {shown}; Amicus reads files of at most {} MB", limit / (1024 * 1024))
            }
            ReadError::Io(e) if e.kind() == io::ErrorKind::PermissionDenied => {
                format!("cannot read {display}: permission denied")
            }
            ReadError::Io(e) => format!("cannot read {display}: {e}"),
        }
    }

    /// What the user can do about it.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            ReadError::NotFound => Some("check the file name and the folder"),
            ReadError::Outside { .. } => Some(
                "copy the file into the submission folder instead of linking to it, and name it relative to the folder",
            ),
            ReadError::Loop => Some("replace the link with the file itself"),
            ReadError::Folder => None,
            ReadError::NotRegular { .. } => Some("replace it with an ordinary file holding the text"),
            ReadError::TooLarge { .. } => Some("is this the right file? Split long prose into several Markdown files"),
            ReadError::Io(_) => None,
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe("the file"))
    }
}

impl std::error::Error for ReadError {}

/// The error for an I/O failure while resolving or opening.
fn from_io(e: io::Error) -> ReadError {
    if e.kind() == io::ErrorKind::NotFound {
        return ReadError::NotFound;
    }
    if is_loop(&e) {
        return ReadError::Loop;
    }
    ReadError::Io(e)
}

/// Whether an error is "too many levels of symbolic links".
fn is_loop(e: &io::Error) -> bool {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return true;
    }
    e.to_string().to_lowercase().contains("symbolic links")
}

/// Whether `relative` names something below a folder: not absolute, no `..`, no drive.
pub fn is_plain_relative(relative: &Path) -> bool {
    !relative.as_os_str().is_empty()
        && relative.components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

/// Resolves `folder/relative`, links included, and checks that it stays inside `folder`.
///
/// `relative` must be a plain relative path (see [`is_plain_relative`]); anything else is
/// [`ReadError::Outside`].
pub fn resolve_inside(folder: &Path, relative: &Path) -> Result<PathBuf, ReadError> {
    if !is_plain_relative(relative) {
        return Err(ReadError::Outside { target: relative.to_path_buf() });
    }
    let root = folder.canonicalize().map_err(from_io)?;
    let resolved = folder.join(relative).canonicalize().map_err(from_io)?;
    if !resolved.starts_with(&root) {
        return Err(ReadError::Outside { target: resolved });
    }
    Ok(resolved)
}

/// Reads `folder/relative`: resolved with links, inside the folder, a regular file, at most
/// `limit` bytes.
pub fn read_inside(folder: &Path, relative: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let resolved = resolve_inside(folder, relative)?;
    read_resolved(&resolved, limit)
}

/// Reads a file named by the user (a document to import): resolved with links, a regular
/// file, at most `limit` bytes. No folder boundary applies.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let resolved = path.canonicalize().map_err(from_io)?;
    read_resolved(&resolved, limit)
}

/// What a file that is not regular is, in words.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_symlink() {
        return "a symbolic link";
    }
    "a special file"
}

/// Opens and reads a path whose links are already resolved.
fn read_resolved(resolved: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(resolved).map_err(from_io)?;
    if meta.is_dir() {
        return Err(ReadError::Folder);
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular { kind: kind_of(&meta) });
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge { limit, size: meta.len() });
    }
    let file = open_no_follow(resolved).map_err(from_io)?;
    // The file may have been swapped since `metadata`: check what was opened.
    let opened = file.metadata().map_err(ReadError::Io)?;
    if !opened.is_file() {
        return Err(ReadError::NotRegular { kind: kind_of(&opened) });
    }
    let mut bytes = Vec::with_capacity(opened.len().min(limit) as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit, size: opened.len().max(limit + 1) });
    }
    Ok(bytes)
}

/// Opens for reading without following a final link and without blocking on a FIFO.
fn open_no_follow(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Whether `c` is an invisible control of writing direction (embeddings, overrides and
/// isolates, the marks): in text shown as text, `U+202E` makes what follows read backwards,
/// so that a comment or a quotation can show other words than it holds.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A text made safe to write after `#` in a YAML comment: every line break YAML knows (`\n`,
/// `\r`, U+0085, U+2028, U+2029) and every other control character is written as an escape
/// (`\n`, `\u{2028}`), so a file name or a document's text cannot end the comment and start
/// YAML of its own.
pub fn yaml_comment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') || is_bidi_control(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/a.md"), "inside").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "outside").unwrap();
        dir
    }

    #[test]
    fn reads_a_file_and_a_link_that_stays_inside() {
        let dir = folder();
        let sub = dir.path().join("sub");
        symlink("a.md", sub.join("b.md")).unwrap();
        assert_eq!(read_inside(&sub, Path::new("a.md"), 100).unwrap(), b"inside");
        assert_eq!(read_inside(&sub, Path::new("b.md"), 100).unwrap(), b"inside");
        assert_eq!(read_inside(&sub, Path::new("./a.md"), 100).unwrap(), b"inside");
    }

    #[test]
    fn refuses_links_and_paths_that_leave_the_folder() {
        let dir = folder();
        let sub = dir.path().join("sub");
        symlink("../secret.txt", sub.join("up.md")).unwrap();
        symlink("/etc/passwd", sub.join("passwd.md")).unwrap();
        for name in ["up.md", "passwd.md", "../secret.txt", "/etc/passwd"] {
            let e = read_inside(&sub, Path::new(name), 100).unwrap_err();
            assert!(matches!(e, ReadError::Outside { .. }), "{name}: {e:?}");
        }
    }

    #[test]
    fn refuses_fifos_devices_and_loops_without_blocking() {
        let dir = folder();
        let sub = dir.path().join("sub");
        let fifo = std::ffi::CString::new(sub.join("pipe.md").to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
        symlink("loop.md", sub.join("loop.md")).unwrap();
        let e = read_inside(&sub, Path::new("pipe.md"), 100).unwrap_err();
        assert!(matches!(e, ReadError::NotRegular { kind: "a named pipe (FIFO)" }), "{e:?}");
        assert!(matches!(read_inside(&sub, Path::new("loop.md"), 100).unwrap_err(), ReadError::Loop));
        let e = read_regular(Path::new("/dev/zero"), 100).unwrap_err();
        assert!(matches!(e, ReadError::NotRegular { kind: "a device" }), "{e:?}");
        assert!(matches!(read_inside(&sub, Path::new("none.md"), 100).unwrap_err(), ReadError::NotFound));
    }

    #[test]
    fn reads_at_most_the_limit() {
        let dir = folder();
        let sub = dir.path().join("sub");
        assert!(matches!(
            read_inside(&sub, Path::new("a.md"), 5).unwrap_err(),
            ReadError::TooLarge { limit: 5, size: 6 }
        ));
        assert_eq!(read_inside(&sub, Path::new("a.md"), 6).unwrap(), b"inside");
    }

    #[test]
    fn comments_cannot_be_broken_out_of() {
        let name = "co.txt\nfollow_up: {paragraph: 1}\r\u{85}\u{2028}x\u{2029}";
        let safe = yaml_comment(name);
        assert!(!safe.chars().any(|c| c.is_control() || c == '\u{2028}' || c == '\u{2029}'), "{safe}");
        assert_eq!(safe, "co.txt\\nfollow_up: {paragraph: 1}\\r\\u{85}\\u{2028}x\\u{2029}");
        assert_eq!(yaml_comment("Comité «Ley» 5"), "Comité «Ley» 5");
        assert_eq!(yaml_comment("fdp.\u{202e}exe"), "fdp.\\u{202e}exe");
        assert_eq!(yaml_comment("a\u{2066}b\u{200f}"), "a\\u{2066}b\\u{200f}");
    }
}
