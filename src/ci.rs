//! `amicus new --ci github`: the workflow a coalition puts in its repository, so that GitHub
//! checks and builds every submission on each push and pull request.
//!
//! The workflow's one source is `templates/ci/github.yml`; `docs/ci.md` shows the same text
//! (a test keeps the two in step), with this program's version and the repository it is
//! released from filled in.

use crate::diag::Diagnostic;
use std::path::{Path, PathBuf};

/// The CI services Amicus writes a workflow for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Service {
    /// GitHub Actions: `.github/workflows/amicus.yml`.
    Github,
}

/// Where the workflow goes, inside the repository.
pub const GITHUB_WORKFLOW: &str = ".github/workflows/amicus.yml";

/// The workflow's text, for this version of Amicus: it installs this version's released
/// binary from the repository named in `Cargo.toml`.
pub fn github_workflow() -> String {
    include_str!("../templates/ci/github.yml")
        .replace("@AMICUS_VERSION@", env!("CARGO_PKG_VERSION"))
        .replace("@AMICUS_REPOSITORY@", env!("CARGO_PKG_REPOSITORY"))
}

/// The top of the git repository holding `start` (the nearest folder upwards with a `.git`),
/// or `start` itself when there is none.
pub fn repository_root(start: &Path) -> PathBuf {
    start.ancestors().find(|dir| dir.join(".git").exists()).unwrap_or(start).to_path_buf()
}

/// The workflow's path for `service` in the repository holding `start`, if nothing is there
/// yet; an error naming the file otherwise (Amicus never overwrites it).
pub fn free_path(service: Service, start: &Path) -> Result<PathBuf, Diagnostic> {
    let Service::Github = service;
    let absolute = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
    let root = repository_root(&absolute);
    // Named as the user would type it when it goes where they are.
    let path = match (root == absolute, start == Path::new(".")) {
        (true, true) => PathBuf::from(GITHUB_WORKFLOW),
        (true, false) => start.join(GITHUB_WORKFLOW),
        (false, _) => root.join(GITHUB_WORKFLOW),
    };
    if path.exists() || path.is_symlink() {
        return Err(Diagnostic::error(format!("{} already exists; Amicus never overwrites it", path.display()))
            .with_hint("compare it with `amicus new --ci github` run in an empty folder, or remove it first"));
    }
    Ok(path)
}

/// Writes the workflow at `path` (from [`free_path`]); returns what to tell the user.
pub fn write(service: Service, path: &Path) -> Result<String, Diagnostic> {
    let Service::Github = service;
    let words = |e: &std::io::Error| crate::load::io_words(e);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| Diagnostic::error(format!("cannot create {}: {}", parent.display(), words(&e))))?;
    }
    // Created new, never written over a file that appeared meanwhile or through a link.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| Diagnostic::error(format!("cannot write {}: {}", path.display(), words(&e))))?;
    std::io::Write::write_all(&mut file, github_workflow().as_bytes())
        .map_err(|e| Diagnostic::error(format!("cannot write {}: {}", path.display(), words(&e))))?;
    Ok(format!(
        "wrote {} (GitHub Actions): on each push and pull request, GitHub installs Amicus {}, runs \
         `amicus check --strict` on every folder of submissions/ (problems shown on the pull \
         request's lines), builds each as PDF and Word, and keeps them as the run's artifact \
         `amicus-output`\nnext: commit it and push",
        path.display(),
        env!("CARGO_PKG_VERSION")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workflow_names_this_version_and_no_placeholder() {
        let text = github_workflow();
        assert!(!text.contains("@AMICUS_"), "a placeholder is left:\n{text}");
        assert!(text.contains(&format!("AMICUS_VERSION: \"{}\"", env!("CARGO_PKG_VERSION"))));
        assert!(text.contains(&format!("AMICUS_RELEASES: \"{}/releases/download\"", env!("CARGO_PKG_REPOSITORY"))));
        assert!(text.contains("amicus check --strict --diagnostic-format github"));
    }

    #[test]
    fn the_workflow_goes_to_the_top_of_the_repository_and_never_over_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let inner = dir.path().join("submissions/x");
        std::fs::create_dir_all(&inner).unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        let path = free_path(Service::Github, &inner).unwrap();
        assert_eq!(path, dir.path().join(GITHUB_WORKFLOW));
        write(Service::Github, &path).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), github_workflow());
        let again = free_path(Service::Github, &inner).unwrap_err();
        assert!(again.message.contains("already exists"), "{}", again.message);
        assert!(write(Service::Github, &path).is_err());
    }
}
