//! Helpers shared by the integration tests: running the real CLI, fixture folders, golden
//! files.

#![allow(dead_code, reason = "each test binary uses a different subset")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `amicus` binary built for these tests.
pub fn amicus() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_amicus"));
    cmd.env_remove("SOURCE_DATE_EPOCH").env("NO_COLOR", "1");
    cmd
}

/// Runs amicus with arguments in a directory.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    amicus().current_dir(dir).args(args).output().expect("the amicus binary runs")
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Compares `actual` with the golden file, or rewrites the golden file when
/// `AMICUS_BLESS=1` (then review the diff before committing).
pub fn golden(path: &Path, actual: &str) {
    if std::env::var_os("AMICUS_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path)
        .unwrap_or_else(|_| panic!("missing golden file {}; run with AMICUS_BLESS=1 to create it", path.display()));
    if expected != actual {
        let mut diff = String::new();
        for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
            if e != a {
                diff.push_str(&format!("line {}:\n  expected: {e}\n  actual:   {a}\n", i + 1));
            }
        }
        let (el, al) = (expected.lines().count(), actual.lines().count());
        if el != al {
            diff.push_str(&format!("expected {el} lines, got {al}\n"));
        }
        panic!("{} differs from the output (AMICUS_BLESS=1 rewrites it):\n{diff}", path.display());
    }
}

/// Text as a string, with `\r` removed.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).replace('\r', "")
}
