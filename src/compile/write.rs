//! Writing output files so that a failure never leaves a half-written file.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `path` atomically.
///
/// The bytes go to a temporary file in the same directory (so the final
/// rename stays on one file system), which is flushed to disk and then
/// renamed over `path`. Readers see either the old file or the complete new
/// one. On any error the old file is untouched and the temporary file is
/// removed.
///
/// An existing file keeps its permissions; a new one gets the usual
/// permissions for new files (0666 minus the umask on Unix). A symbolic link
/// at `path` is replaced by a regular file rather than followed.
///
/// # Errors
///
/// Any I/O error: the directory is missing or not writable, `path` is a
/// directory or names no file, the disk is full.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let file_name = path.file_name().ok_or_else(|| {
        io::Error::new(io::ErrorKind::InvalidInput, format!("{} does not name a file", path.display()))
    })?;
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let existing = fs::symlink_metadata(path).ok().filter(|meta| meta.is_file()).map(|meta| meta.permissions());

    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(file_name);
    prefix.push(".");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // tempfile creates files readable only by the owner; a PDF meant to be
    // shared should get the same permissions as any other new file.
    #[cfg(unix)]
    if existing.is_none() {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    // From here on, dropping `temp` (on `?`) deletes the temporary file.
    let mut temp = builder.tempfile_in(dir)?;
    temp.write_all(bytes)?;
    if let Some(permissions) = existing {
        temp.as_file().set_permissions(permissions)?;
    }
    temp.as_file().sync_all()?;
    // On failure `PersistError` hands the temporary file back; dropping it
    // deletes it.
    temp.persist(path).map_err(|error| error.error)?;
    sync_dir(dir);
    Ok(())
}

/// Flushes the directory entry of the rename to disk, where the platform
/// allows it.
///
/// Errors are ignored: the new file is already in place and complete, so
/// reporting a failure now would wrongly suggest the old file is still there.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names of all entries in `dir`, sorted.
    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    #[test]
    fn creates_then_replaces_content() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.pdf");
        write_atomic(&path, b"first version, rather long").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"first version, rather long");
        write_atomic(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        assert_eq!(entries(dir.path()), ["out.pdf"]);
    }

    #[test]
    fn missing_directory_fails_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("out.pdf");
        let error = write_atomic(&path, b"x").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::NotFound);
        assert!(!dir.path().join("missing").exists());
        assert!(entries(dir.path()).is_empty());
    }

    #[test]
    fn directory_at_path_fails_and_is_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.pdf");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("keep.txt"), b"keep").unwrap();
        assert!(write_atomic(&path, b"new").is_err());
        assert!(path.is_dir());
        assert_eq!(fs::read(path.join("keep.txt")).unwrap(), b"keep");
        // No temporary file left next to it.
        assert_eq!(entries(dir.path()), ["out.pdf"]);
    }

    #[test]
    fn path_without_file_name_is_rejected() {
        let error = write_atomic(Path::new("/"), b"x").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
    }

    #[cfg(unix)]
    #[test]
    fn permissions_of_an_existing_file_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.pdf");
        fs::write(&path, b"old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"new").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn new_file_is_not_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.pdf");
        write_atomic(&path, b"new").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        // Exact bits depend on the umask; an ordinary umask never removes
        // the owner's read/write, and tempfile's own default would be 0600.
        assert_eq!(mode & 0o600, 0o600);
        assert_eq!(mode, 0o666 & !current_umask(dir.path()));
    }

    /// The process umask, observed by creating a file with mode 0666.
    #[cfg(unix)]
    fn current_umask(dir: &Path) -> u32 {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let probe = dir.join("umask-probe");
        fs::OpenOptions::new().write(true).create_new(true).mode(0o666).open(&probe).unwrap();
        let mode = fs::metadata(&probe).unwrap().permissions().mode() & 0o777;
        fs::remove_file(&probe).unwrap();
        0o666 & !mode
    }
}
