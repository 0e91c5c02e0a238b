//! `amicus watch`, and the loop under `amicus preview`: build, wait for a save, build again.
//!
//! [`Rebuilder`] builds the report through the same entry point as `amicus build`
//! ([`build::build_with`]) and, when the folder has an assessment, the brief through the one
//! `amicus brief` uses ([`brief::run_with`]), both in one long-lived [`compile::Session`]: an
//! edit makes Typst reparse and lay out again only what it changed. Outputs are written
//! atomically, so a failed build leaves the last good PDF on disk as it was.
//!
//! [`Changes`] watches the folder (the YAML and Markdown files, `templates/`, the concluding
//! observations and the assessment: everything in it) and waits for a burst of saves to end
//! before it reports them: an editor that writes a file through a temporary one, or a "save
//! all", gives one rebuild, not five. Hidden files (`.git`, editors' swap files), backup files
//! (`name~`) and the output folder, if it lies inside the submission, never start a build.

use crate::compile;
use crate::diag::Diagnostic;
use crate::load;
use crate::pipeline::brief;
use crate::pipeline::build::{self, Options, Outcome};
use crate::pipeline::output::{Failure, isolated};
use notify::{Event, EventKind, RecursiveMode, Watcher};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How long the folder must be quiet before the build starts while a file may still be
/// being written (its last event was a write, not the closing of the file).
pub const QUIET: Duration = Duration::from_millis(150);
/// How long the folder must be quiet before the build starts when every save seen has
/// finished: the file written was closed, or a temporary file was renamed over it (the two
/// ways editors save). Long enough for the next file of a "save all", which follows within
/// a millisecond or two; short enough not to be felt.
pub const SETTLE: Duration = Duration::from_millis(25);
/// The longest a build waits for the saves to stop (a program writing the folder without end
/// still gets builds).
const MOST: Duration = Duration::from_secs(2);
/// How often a wait looks at the stop flag.
const TICK: Duration = Duration::from_millis(100);

/// One round of builds.
#[derive(Debug)]
pub struct Round {
    /// The files whose change started this round, relative to the folder (empty for the
    /// first round).
    pub changed: Vec<PathBuf>,
    /// The report, as `amicus build` would have built it.
    pub report: Result<Outcome, Failure>,
    /// The brief, as `amicus brief` would have written it, when the folder has an assessment.
    pub brief: Option<Result<brief::Outcome, Failure>>,
}

impl Round {
    /// Whether anything in this round failed.
    pub fn failed(&self) -> bool {
        self.report.is_err() || matches!(self.brief, Some(Err(_)))
    }

    /// The files this round wrote.
    fn written(&self) -> Vec<PathBuf> {
        let mut files = Vec::new();
        if let Ok(report) = &self.report {
            files.extend(report.pdf.iter().chain(&report.docx).cloned());
            files.push(report.typ.clone());
        }
        if let Some(Ok(brief)) = &self.brief {
            files.extend(
                [&brief.pdf, &brief.html, &brief.csv, &brief.xlsx, &brief.json, &brief.docx, &brief.typ]
                    .map(Clone::clone),
            );
        }
        files
    }

    /// The report's problems (errors and warnings).
    pub fn report_problems(&self) -> &[Diagnostic] {
        match &self.report {
            Ok(outcome) => &outcome.warnings,
            Err(failure) => &failure.diagnostics,
        }
    }

    /// The brief's problems that the report did not have already: the brief checks the whole
    /// submission again, so an error in a finding would otherwise be shown twice.
    pub fn brief_problems(&self) -> Vec<Diagnostic> {
        let problems = match &self.brief {
            None => return Vec::new(),
            Some(Ok(outcome)) => &outcome.warnings,
            Some(Err(failure)) => &failure.diagnostics,
        };
        let report = self.report_problems();
        problems.iter().filter(|d| !report.contains(d)).cloned().collect()
    }
}

/// Builds a submission again and again, keeping the compiler's state between builds.
#[derive(Debug)]
pub struct Rebuilder {
    /// What to build, and where to write it.
    options: Options,
    /// The parsed Typst sources of the last builds, report and brief.
    session: compile::Session,
}

impl Rebuilder {
    /// A rebuilder for `options`; nothing is built yet.
    pub fn new(options: Options) -> Rebuilder {
        Rebuilder { options, session: compile::Session::for_rounds() }
    }

    /// The same rebuilder, bringing back the pages of a document laid out in a contained child
    /// (a submission's own templates) as SVG, for `amicus preview`.
    #[must_use]
    pub fn with_svg_pages(mut self) -> Rebuilder {
        self.session = std::mem::take(&mut self.session).with_svg_pages();
        self
    }

    /// The options it builds with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Builds the report, and the brief when the folder has an assessment.
    pub fn round(&mut self, changed: Vec<PathBuf>) -> Round {
        let folder = self.options.folder.clone();
        let report = isolated(&folder, || build::build_with(&self.options, &mut self.session));
        let brief = self.has_assessment().then(|| {
            isolated(&folder, || {
                brief::run_with(
                    &self.options.folder,
                    brief_dir(&self.options).as_deref(),
                    self.options.standard,
                    &mut self.session,
                )
            })
        });
        Round { changed, report, brief }
    }

    /// Lets go of what the last round's compiles did not use ([`compile::Session::end_round`]).
    /// Called once the round has been reported, so that the user does not wait for it: with a
    /// 250-page report it takes a few hundred milliseconds.
    pub fn tidy(&mut self) {
        self.session.end_round();
    }

    /// Whether the folder has an assessment (then `amicus brief` would write a brief).
    fn has_assessment(&self) -> bool {
        self.options.folder.join(load::ASSESSMENT_FILE).symlink_metadata().is_ok()
    }
}

/// Where the brief goes: where `build` writes the report (the folder of a PDF named with
/// `-o`), since `brief` takes no PDF name.
fn brief_dir(options: &Options) -> Option<PathBuf> {
    let out = options.out_dir.as_ref()?;
    if out.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
        Some(out.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_path_buf))
    } else {
        Some(out.clone())
    }
}

/// The output folder `build` writes to for `options`, before any build.
fn out_dir(options: &Options) -> PathBuf {
    match brief_dir(options) {
        Some(dir) => dir,
        None => PathBuf::from("output").join(load::folder_name(&options.folder)),
    }
}

/// The saves in a folder, as they come.
pub struct Changes {
    /// The watcher (one thread, inotify on Linux); events stop when it is dropped.
    _watcher: notify::RecommendedWatcher,
    /// Its events.
    events: Receiver<notify::Result<Event>>,
    /// The folder, canonical.
    root: PathBuf,
    /// Folders inside it whose changes are ours (the output), canonical and as given.
    ignored: Vec<PathBuf>,
}

impl std::fmt::Debug for Changes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Changes").field("root", &self.root).field("ignored", &self.ignored).finish()
    }
}

impl Changes {
    /// Starts watching `folder` and everything in it.
    ///
    /// # Errors
    ///
    /// The folder does not exist, or the system cannot watch it (too many watches), in words.
    pub fn new(folder: &Path) -> Result<Changes, String> {
        let root =
            folder.canonicalize().map_err(|e| format!("cannot watch {}: {}", folder.display(), load::io_words(&e)))?;
        let (tx, events) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(tx)
            .map_err(|e| format!("cannot watch {} for changes: {e}", folder.display()))?;
        watcher.watch(&root, RecursiveMode::Recursive).map_err(|e| {
            let hint = if matches!(e.kind, notify::ErrorKind::MaxFilesWatch) {
                " (the system's limit of watched folders is reached: raise fs.inotify.max_user_watches)"
            } else {
                ""
            };
            format!("cannot watch {} for changes: {e}{hint}", folder.display())
        })?;
        Ok(Changes { _watcher: watcher, events, root, ignored: Vec::new() })
    }

    /// Changes under `dir` (the output folder) no longer start builds.
    pub fn ignore(&mut self, dir: &Path) {
        let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
        if let Ok(canonical) = dir.canonicalize() {
            self.ignored.push(canonical);
        }
        self.ignored.push(absolute);
    }

    /// Waits for the next saves and returns the files saved, relative to the folder, once
    /// the folder has been quiet for a moment. `None` when `stop` is set (Ctrl-C) or the
    /// watcher has stopped.
    pub fn next(&self, stop: &AtomicBool) -> Option<Vec<PathBuf>> {
        let mut changed: Vec<PathBuf> = Vec::new();
        // Files created during the burst: one gone again by its end was an editor's (or
        // `sed -i`'s) temporary file, renamed over the real one, and is not named.
        let mut created: Vec<PathBuf> = Vec::new();
        let mut first: Option<Instant> = None;
        // Files written to and not yet closed (or renamed into place): while there are any,
        // or a lost event leaves it unknown, the folder must be quiet for QUIET, otherwise
        // only for SETTLE.
        let mut writing: Vec<PathBuf> = Vec::new();
        let mut unsure = false;
        loop {
            if stop.load(Ordering::SeqCst) {
                return None;
            }
            let wait = match first {
                None => TICK,
                Some(_) if writing.is_empty() && !unsure => SETTLE,
                Some(_) => QUIET,
            };
            let quiet = match self.events.recv_timeout(wait) {
                Ok(Ok(event)) => {
                    if matters(&event.kind) {
                        for path in event.paths.iter().filter(|p| self.relevant(p)) {
                            let relative = path.strip_prefix(&self.root).unwrap_or(path).to_path_buf();
                            match save_step(&event.kind) {
                                Some(SaveStep::Writing) if !writing.contains(&relative) => {
                                    writing.push(relative.clone());
                                }
                                Some(SaveStep::Done) => writing.retain(|w| *w != relative),
                                _ => {}
                            }
                            if matches!(event.kind, EventKind::Create(_)) && !created.contains(&relative) {
                                created.push(relative.clone());
                            }
                            if !changed.contains(&relative) {
                                changed.push(relative);
                            }
                            first.get_or_insert_with(Instant::now);
                        }
                    }
                    first.is_some_and(|t| t.elapsed() >= MOST)
                }
                // A watcher error (an overflowing event queue) may have lost saves: build.
                Ok(Err(_)) => {
                    first.get_or_insert_with(Instant::now);
                    unsure = true;
                    false
                }
                Err(RecvTimeoutError::Timeout) => first.is_some(),
                Err(RecvTimeoutError::Disconnected) => return None,
            };
            if quiet {
                changed.retain(|p| !created.contains(p) || self.root.join(p).symlink_metadata().is_ok());
                if !changed.is_empty() || created.is_empty() {
                    return Some(changed);
                }
                // Only temporary files came and went: nothing to build.
                (first, created, writing, unsure) = (None, Vec::new(), Vec::new(), false);
            }
        }
    }

    /// Whether a change to `path` should start a build.
    fn relevant(&self, path: &Path) -> bool {
        if self.ignored.iter().any(|dir| path.starts_with(dir)) {
            return false;
        }
        let relative = path.strip_prefix(&self.root).unwrap_or(path);
        let hidden =
            relative.components().any(|c| matches!(c, Component::Normal(n) if n.to_string_lossy().starts_with('.')));
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        // Editors' backups, swap files and vim's write test (`4913`).
        let scratch = name.ends_with('~')
            || [".swp", ".swx", ".tmp", ".bak"].iter().any(|ext| name.ends_with(ext))
            || name == "4913";
        !hidden && !scratch
    }
}

/// Where an event leaves the save of the file it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SaveStep {
    /// Created or written to: it may still be half written.
    Writing,
    /// Closed after writing, renamed (into place or away) or removed: the save has ended.
    Done,
}

/// What an event says of a save (`None`: nothing, e.g. a change of permissions).
fn save_step(kind: &EventKind) -> Option<SaveStep> {
    use notify::event::{AccessKind, AccessMode, ModifyKind};
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write))
        | EventKind::Modify(ModifyKind::Name(_))
        | EventKind::Remove(_) => Some(SaveStep::Done),
        EventKind::Create(_) | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Any) => Some(SaveStep::Writing),
        _ => None,
    }
}

/// Whether an event can mean new content: reading a file (as the build itself does) cannot.
fn matters(kind: &EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode};
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Builds `options` once, then again after every burst of saves in the folder, handing each
/// round to `on_round`, until `stop` is set.
///
/// # Errors
///
/// The folder cannot be watched (it does not exist, or the system refuses), in words.
pub fn run(options: Options, stop: &AtomicBool, on_round: impl FnMut(&Round)) -> Result<(), String> {
    run_rounds(Rebuilder::new(options), stop, on_round)
}

/// [`run`] for `amicus preview`: the pages of every build come back to be shown, also when a
/// submission's own templates are laid out in a contained child.
///
/// # Errors
///
/// As [`run`].
pub fn run_for_preview(options: Options, stop: &AtomicBool, on_round: impl FnMut(&Round)) -> Result<(), String> {
    run_rounds(Rebuilder::new(options).with_svg_pages(), stop, on_round)
}

/// [`run`] with `rebuilder`.
fn run_rounds(mut rebuilder: Rebuilder, stop: &AtomicBool, mut on_round: impl FnMut(&Round)) -> Result<(), String> {
    let options = rebuilder.options().clone();
    // Watch first: a save during the first build is not missed.
    let mut changes = Changes::new(&options.folder)?;
    changes.ignore(&out_dir(&options));
    // Outputs are replaced at every save without waiting for the disk; the last ones are
    // flushed when the session ends.
    crate::fs::set_durable(false);
    let round = rebuilder.round(Vec::new());
    if let Ok(outcome) = &round.report
        && let Some(dir) = outcome.pdf.as_ref().or(outcome.docx.as_ref()).and_then(|p| p.parent())
    {
        changes.ignore(if dir.as_os_str().is_empty() { Path::new(".") } else { dir });
    }
    on_round(&round);
    let mut written = round.written();
    drop(round);
    rebuilder.tidy();
    while let Some(changed) = changes.next(stop) {
        let round = rebuilder.round(changed);
        on_round(&round);
        written.extend(round.written());
        written.sort();
        written.dedup();
        drop(round);
        rebuilder.tidy();
    }
    crate::fs::flush_paths(written.iter().map(PathBuf::as_path));
    crate::fs::set_durable(true);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(out: Option<&str>) -> Options {
        Options {
            folder: PathBuf::from("submissions/kz"),
            out_dir: out.map(PathBuf::from),
            standard: compile::PdfStandardChoice::default(),
            version: None,
            formats: None,
            with_pdf: false,
        }
    }

    #[test]
    fn the_brief_goes_where_the_report_goes() {
        assert_eq!(brief_dir(&options(None)), None);
        assert_eq!(brief_dir(&options(Some("out"))), Some(PathBuf::from("out")));
        assert_eq!(brief_dir(&options(Some("out/peru.pdf"))), Some(PathBuf::from("out")));
        assert_eq!(brief_dir(&options(Some("peru.PDF"))), Some(PathBuf::from(".")));
        assert_eq!(out_dir(&options(None)), PathBuf::from("output/kz"));
    }

    #[test]
    fn hidden_scratch_and_output_files_start_no_build() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("out")).unwrap();
        let mut changes = Changes::new(dir.path()).unwrap();
        changes.ignore(&dir.path().join("out"));
        let root = dir.path().canonicalize().unwrap();
        for name in ["submission.yaml", "findings/10-a.yaml", "context.md", "templates/report.typ"] {
            assert!(changes.relevant(&root.join(name)), "{name}");
        }
        for name in [
            ".git/index",
            "findings/.10-a.yaml.swp",
            "context.md~",
            "4913",
            "out/report.pdf",
            "out/.report.pdf.abc123.tmp",
            ".#context.md",
        ] {
            assert!(!changes.relevant(&root.join(name)), "{name}");
        }
    }

    #[test]
    fn a_save_is_reported_once_the_folder_is_quiet_and_stop_ends_the_wait() {
        let dir = tempfile::tempdir().unwrap();
        let changes = Changes::new(dir.path()).unwrap();
        let stop = AtomicBool::new(false);
        std::thread::scope(|s| {
            s.spawn(|| {
                std::fs::write(dir.path().join("a.yaml"), "x: 1\n").unwrap();
                std::fs::write(dir.path().join("a.yaml"), "x: 2\n").unwrap();
                std::fs::write(dir.path().join(".a.yaml.swp"), "scratch").unwrap();
            });
            let changed = changes.next(&stop).expect("a change");
            assert_eq!(changed, vec![PathBuf::from("a.yaml")]);
            // An editor's save through a temporary file names the file saved only.
            std::fs::write(dir.path().join("a.yaml.part"), "x: 3\n").unwrap();
            std::fs::rename(dir.path().join("a.yaml.part"), dir.path().join("a.yaml")).unwrap();
            let changed = changes.next(&stop).expect("a change");
            assert_eq!(changed, vec![PathBuf::from("a.yaml")]);
        });
        stop.store(true, Ordering::SeqCst);
        assert_eq!(changes.next(&stop), None);
    }

    #[test]
    fn a_file_still_being_written_is_waited_for_until_it_is_closed() {
        use std::io::Write as _;
        let dir = tempfile::tempdir().unwrap();
        let changes = Changes::new(dir.path()).unwrap();
        let stop = AtomicBool::new(false);
        let path = dir.path().join("a.yaml");
        std::thread::scope(|s| {
            s.spawn(|| {
                // A slow writer: a pause longer than SETTLE (but shorter than QUIET) between
                // two writes of one save, the file open all along.
                let mut file = std::fs::File::create(&path).unwrap();
                file.write_all(b"title: half").unwrap();
                std::thread::sleep(SETTLE * 3);
                file.write_all(b" and whole\n").unwrap();
            });
            assert_eq!(changes.next(&stop).expect("a change"), vec![PathBuf::from("a.yaml")]);
            assert_eq!(std::fs::read_to_string(&path).unwrap(), "title: half and whole\n");
        });
        assert!(SETTLE * 3 < QUIET);
    }

    #[test]
    fn one_file_closed_does_not_end_the_wait_for_another_still_being_written() {
        use std::io::Write as _;
        let dir = tempfile::tempdir().unwrap();
        let changes = Changes::new(dir.path()).unwrap();
        let stop = AtomicBool::new(false);
        let (a, b) = (dir.path().join("a.yaml"), dir.path().join("b.yaml"));
        std::thread::scope(|s| {
            s.spawn(|| {
                let mut slow = std::fs::File::create(&b).unwrap();
                slow.write_all(b"title: half").unwrap();
                // Another file saved whole meanwhile: its closing must not start the build.
                std::fs::write(&a, "x: 1\n").unwrap();
                std::thread::sleep(SETTLE * 3);
                slow.write_all(b" and whole\n").unwrap();
            });
            let mut changed = changes.next(&stop).expect("a change");
            changed.sort();
            assert_eq!(changed, vec![PathBuf::from("a.yaml"), PathBuf::from("b.yaml")]);
            assert_eq!(std::fs::read_to_string(&b).unwrap(), "title: half and whole\n");
        });
    }
}
