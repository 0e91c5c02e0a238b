//! Writing output files so that a failure never leaves a half-written file.

use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

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
    let (prefix, dir) = temp_parts(path)?;
    let existing = fs::symlink_metadata(path).ok().filter(|meta| meta.is_file()).map(|meta| meta.permissions());
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
    flush(temp.as_file())?;
    // On failure `PersistError` hands the temporary file back; dropping it
    // deletes it.
    temp.persist(path).map_err(|error| error.error)?;
    sync_dir(dir);
    remove_stale_temps(path);
    Ok(())
}

/// Whether each file written is flushed to the disk before it replaces the old one (see
/// [`set_durable`]).
static DURABLE: AtomicBool = AtomicBool::new(true);

/// Whether the files written from now on are flushed to the disk, one by one, before they
/// replace the old ones (the default). `amicus watch` and `amicus preview` turn it off: they
/// write the same files again at every save, where waiting for the disk each time would be
/// felt, and a reader still never sees half a file (the new file is renamed over the old one
/// only once complete). They flush the last files written when they end ([`flush_paths`]).
pub fn set_durable(durable: bool) {
    DURABLE.store(durable, Ordering::Relaxed);
}

/// Flushes `file` to the disk, unless [`set_durable`] turned that off.
fn flush(file: &fs::File) -> io::Result<()> {
    if DURABLE.load(Ordering::Relaxed) { file.sync_all() } else { Ok(()) }
}

/// Flushes files written earlier (and the folders naming them) to the disk; files that are
/// gone are skipped.
pub fn flush_paths<'a>(paths: impl IntoIterator<Item = &'a Path>) {
    for path in paths {
        if let Ok(file) = fs::File::open(path) {
            let _ = file.sync_all();
        }
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        if let Ok(handle) = fs::File::open(dir) {
            let _ = handle.sync_all();
        }
    }
}

/// How old a temporary file of ours must be before it counts as left by a killed run: older
/// than any write takes, so that a run writing the same file at this moment is not disturbed.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// The prefix (`.<name>.`) and folder of our temporary files for `path`.
fn temp_parts(path: &Path) -> io::Result<(std::ffi::OsString, &Path)> {
    let file_name = path.file_name().ok_or_else(|| {
        io::Error::new(io::ErrorKind::InvalidInput, format!("{} does not name a file", path.display()))
    })?;
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(file_name);
    prefix.push(".");
    Ok((prefix, dir))
}

/// Removes the temporary files that earlier runs, killed while writing `path`, left beside
/// it (`.<name>.<random>.tmp`, older than [`STALE_AFTER`]). Only that exact pattern is
/// touched, and only regular files; errors are ignored (they are only clutter).
pub fn remove_stale_temps(path: &Path) {
    let Ok((prefix, dir)) = temp_parts(path) else { return };
    let Some(prefix) = prefix.to_str() else { return };
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(middle) = name.strip_prefix(prefix).and_then(|rest| rest.strip_suffix(".tmp")) else { continue };
        // tempfile's random part: six letters or digits; a backup kept during a batch write
        // ends in `.old`.
        let middle = middle.strip_suffix(".old").unwrap_or(middle);
        if middle.len() != 6 || !middle.chars().all(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        let Ok(meta) = entry.path().symlink_metadata() else { continue };
        let old = meta.modified().ok().and_then(|m| m.elapsed().ok()).is_some_and(|age| age > STALE_AFTER);
        if meta.is_file() && old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Writes several files so that either all of them are replaced or none is: the
/// follow-up brief's PDF, HTML, CSV and JSON must not disagree with each other.
///
/// Every new file is first written completely to a temporary file beside its target. Then each
/// target's old file (if any) is kept under a temporary name (a hard link, so it costs no
/// space) and the new one renamed over it. If any step fails, the targets already replaced get
/// their old files back (or are removed, if they did not exist), and the error is returned.
///
/// # Errors
///
/// The first I/O error; the targets are then as they were.
pub fn write_all_atomic(outputs: &[(&Path, &[u8])]) -> io::Result<()> {
    // 1. All new contents, complete and flushed, before any target is touched.
    let mut temps = Vec::with_capacity(outputs.len());
    for (path, bytes) in outputs {
        let (prefix, dir) = temp_parts(path)?;
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode =
                fs::symlink_metadata(path).ok().filter(|m| m.is_file()).map_or(0o666, |m| m.permissions().mode());
            builder.permissions(fs::Permissions::from_mode(mode));
        }
        let mut temp = builder.tempfile_in(dir).map_err(|e| named(path, e))?;
        temp.write_all(bytes).and_then(|()| flush(temp.as_file())).map_err(|e| named(path, e))?;
        temps.push(temp);
    }
    // 2. Swap them in one by one, keeping each old file until all are in place.
    let mut done: Vec<(&Path, Option<std::path::PathBuf>)> = Vec::new();
    let mut failure = None;
    for ((path, _), temp) in outputs.iter().zip(temps) {
        let kept = match keep_old(path) {
            Ok(kept) => kept,
            Err(e) => {
                failure = Some(named(path, e));
                break;
            }
        };
        match temp.persist(path) {
            Ok(_) => done.push((path, kept)),
            Err(e) => {
                if let Some(k) = kept {
                    let _ = fs::remove_file(k);
                }
                failure = Some(named(path, e.error));
                break;
            }
        }
    }
    match failure {
        None => {
            for (path, kept) in done {
                if let Some(k) = kept {
                    let _ = fs::remove_file(k);
                }
                remove_stale_temps(path);
            }
            if let Some((path, _)) = outputs.first() {
                sync_dir(path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")));
            }
            Ok(())
        }
        Some(error) => {
            for (path, kept) in done.into_iter().rev() {
                let _ = match kept {
                    Some(k) => fs::rename(k, path),
                    None => fs::remove_file(path),
                };
            }
            Err(error)
        }
    }
}

/// An I/O error that names the file it concerns.
fn named(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

/// Keeps the regular file at `path`, if any, under a temporary name beside it
/// (`.<name>.<random>.old.tmp`), as a hard link or, where links are not possible, a copy.
fn keep_old(path: &Path) -> io::Result<Option<std::path::PathBuf>> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() => {}
        Ok(_) => return Ok(None),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    }
    let (prefix, dir) = temp_parts(path)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".old.tmp");
    // Reserve a name, then put the old file there.
    let reserved = builder.tempfile_in(dir)?.into_temp_path();
    let name = reserved.to_path_buf();
    reserved.close()?;
    if fs::hard_link(path, &name).is_err() {
        fs::copy(path, &name)?;
    }
    Ok(Some(name))
}

/// Keeps a copy of `bytes` (a file about to be replaced) as `<name>.1.bak`, or the first
/// of `<name>.2.bak`, `<name>.3.bak`, … that does not exist: a backup never overwrites an
/// earlier one, and is never written through a link (the name is created exclusively, so an
/// existing link, even a dangling one, counts as taken). Returns the backup's path.
///
/// # Errors
///
/// Any I/O error, or every number up to 999 taken; a partly written backup is removed.
pub fn write_backup(path: &Path, bytes: &[u8]) -> io::Result<std::path::PathBuf> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(io::ErrorKind::InvalidInput, format!("{} does not name a file", path.display()))
    })?;
    for n in 1..1000 {
        let mut backup_name = name.to_os_string();
        backup_name.push(format!(".{n}.bak"));
        let backup = path.with_file_name(backup_name);
        let file = fs::OpenOptions::new().write(true).create_new(true).open(&backup);
        let mut file = match file {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        let written = file.write_all(bytes).and_then(|()| flush(&file));
        if let Err(e) = written {
            drop(file);
            let _ = fs::remove_file(&backup);
            return Err(e);
        }
        return Ok(backup);
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("{name:?}.1.bak to .999.bak all exist; delete the backups you no longer need", name = name),
    ))
}

/// Flushes the directory entry of the rename to disk, where the platform
/// allows it.
///
/// Errors are ignored: the new file is already in place and complete, so
/// reporting a failure now would wrongly suggest the old file is still there.
fn sync_dir(dir: &Path) {
    if !DURABLE.load(Ordering::Relaxed) {
        return;
    }
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
