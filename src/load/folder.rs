//! Loading a submission folder: `submission.yaml`, `findings/*.yaml`, the follow-up files
//! when asked for, and the Markdown files named by `file:`, into a [`Loaded`]; then the
//! version (confidential or public) applied.

use super::budget;
use super::files::io_words;
use super::files::{Files, Place, SourceFile, display_path, read_text, take_bom};
use super::loaded::{Loaded, markdown_at_mut, markdown_places, place_key};
use super::locate::{Target, path_string};
use super::yaml::read_and_load;
use super::{ASSESSMENT_FILE, CO_FILE, FINDINGS_DIR, LOI_ASSESSMENT_FILE, LOI_FILE, PREVIOUS_CO_FILE, SUBMISSION_FILE};
use crate::diag::Diagnostic;
use crate::model::loi::ListOfIssues;
use crate::model::loi_assessment::LoiAssessment;
use crate::model::{Assessment, ConcludingObservations, Finding, Submission};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// What to load besides the submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extras {
    /// Only the shadow report.
    None,
    /// Also the concluding observations and assessment, where present.
    FollowUp,
}

/// Reads and loads one optional file of the folder: `None` when it is not there; a file with
/// problems gives them and, when it can be mended, the mended model.
fn read_optional<T: serde::de::DeserializeOwned + schemars::JsonSchema + 'static>(
    folder: &Path,
    name: &str,
    files: &mut Files,
    problems: &mut Vec<Diagnostic>,
) -> Option<T> {
    if folder.join(name).symlink_metadata().is_err() {
        return None;
    }
    match read_and_load::<T>(folder, Path::new(name), display_path(folder, name), files) {
        Ok(t) => Some(t),
        Err((mended, mut d)) => {
            problems.append(&mut d);
            mended
        }
    }
}

/// Loads a submission folder: `submission.yaml`, `findings/*.yaml` (in file-name order), the
/// Markdown files they name, the previous review's observations when present and, with
/// [`Extras::FollowUp`], the CO and assessment files.
///
/// On failure returns every problem found (and the files read, for snippets).
pub fn load_folder(folder: &Path, extras: Extras) -> Result<Loaded, (Vec<Diagnostic>, Files)> {
    let loaded = load_folder_lenient(folder, extras)?;
    if loaded.problems.iter().any(Diagnostic::is_error) {
        return Err((loaded.problems, loaded.files));
    }
    Ok(loaded)
}

/// Like [`load_folder`], but a folder whose files have problems still loads when the model
/// can be mended (see [`validate::repair`]): the problems are in [`Loaded::problems`], and
/// the mended model serves only to look for more problems (`amicus check`, and `build` before
/// it refuses). `Err` only when nothing usable could be read.
pub fn load_folder_lenient(folder: &Path, extras: Extras) -> Result<Loaded, (Vec<Diagnostic>, Files)> {
    load_folder_as(folder, extras, None)
}

/// [`load_folder_lenient`] for one version of the submission ([`crate::load::version`]): `None` is
/// the one its `confidentiality` names. Text marked confidential is resolved here, before
/// anything else reads the model.
pub fn load_folder_as(
    folder: &Path,
    extras: Extras,
    version: Option<crate::load::version::Version>,
) -> Result<Loaded, (Vec<Diagnostic>, Files)> {
    let mut files = Files::default();
    let mut problems = Vec::new();
    let shown = folder.display().to_string();
    if !folder.is_dir() {
        let d = if folder.exists() {
            Diagnostic::error(format!("{shown} is a file; Amicus expects a submission folder"))
                .with_hint("give the folder that holds submission.yaml")
        } else {
            Diagnostic::error(format!("there is no folder {shown}"))
                .with_hint("check the path, or create a submission with `amicus new <folder>`")
        };
        return Err((vec![d], files));
    }
    let main = folder.join(SUBMISSION_FILE);
    // `symlink_metadata`: a dangling or looping link is there, and reading it says what is wrong.
    if main.symlink_metadata().is_err() {
        return Err((
            vec![
                Diagnostic::error(format!("{shown} has no {SUBMISSION_FILE}"))
                    .in_file(display_path(folder, SUBMISSION_FILE))
                    .with_hint("every submission folder needs one; `amicus new <folder>` writes a complete example"),
            ],
            files,
        ));
    }
    let main_display = display_path(folder, SUBMISSION_FILE);
    let mut incomplete = Vec::new();
    let mut note_incomplete = |display: &str, d: &[Diagnostic]| {
        if d.iter().any(Diagnostic::is_error) {
            incomplete.push(display.to_owned());
        }
    };
    let submission: Option<Submission> =
        match read_and_load(folder, Path::new(SUBMISSION_FILE), main_display.clone(), &mut files) {
            Ok(s) => Some(s),
            Err((mended, mut d)) => {
                note_incomplete(&main_display, &d);
                problems.append(&mut d);
                mended
            }
        };

    // The file last read, to name when the files together pass the limit.
    let mut passed: Option<String> = None;
    // findings/*.yaml, one finding per file, in file-name order.
    let mut extra_findings = Vec::new();
    let mut unread = Vec::new();
    let dir = folder.join(FINDINGS_DIR);
    let listable = dir.symlink_metadata().is_ok() && {
        let shown = display_path(folder, FINDINGS_DIR);
        match crate::fs::boundary::resolve_inside(folder, Path::new(FINDINGS_DIR)) {
            Ok(resolved) if resolved.is_dir() => true,
            Ok(_) => {
                problems.push(
                    Diagnostic::error(format!("{shown} is a file, not a folder"))
                        .in_file(&shown)
                        .with_hint("`findings` must be a folder holding one YAML file per finding"),
                );
                false
            }
            Err(e) => {
                let d = Diagnostic::error(e.describe(&shown)).in_file(&shown);
                problems.push(match e.hint() {
                    Some(h) => d.with_hint(h),
                    None => d,
                });
                false
            }
        }
    };
    if listable {
        let mut names: Vec<String> = match std::fs::read_dir(&dir) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".yaml") || n.ends_with(".yml"))
                .collect(),
            Err(e) => {
                problems.push(Diagnostic::error(format!("cannot list {}: {}", dir.display(), io_words(&e))));
                Vec::new()
            }
        };
        names.sort();
        if names.len() > budget::MAX_FINDINGS {
            problems.push(budget::too_many_finding_files(folder, names.len()));
            return Err((problems, files));
        }
        for name in names {
            if files.bytes() > budget::MAX_FOLDER_BYTES {
                break;
            }
            let display = display_path(&folder.join(FINDINGS_DIR), &name);
            passed = Some(display.clone());
            match read_and_load::<Finding>(folder, &Path::new(FINDINGS_DIR).join(&name), display.clone(), &mut files) {
                Ok(f) => extra_findings.push((f, display)),
                Err((mended, mut d)) => {
                    note_incomplete(&display, &d);
                    problems.append(&mut d);
                    match mended {
                        Some(f) => extra_findings.push((f, display)),
                        None => unread.push(display),
                    }
                }
            }
        }
    }

    // The previous review's observations: the findings cite them, so the report's check reads
    // them too, not only the brief's.
    let mut previous = None;
    if folder.join(PREVIOUS_CO_FILE).symlink_metadata().is_ok() {
        let display = display_path(folder, PREVIOUS_CO_FILE);
        match read_and_load::<ConcludingObservations>(folder, Path::new(PREVIOUS_CO_FILE), display, &mut files) {
            Ok(c) => previous = Some(c),
            Err((mended, mut d)) => {
                problems.append(&mut d);
                previous = mended;
            }
        }
    }
    let mut co = None;
    let mut assessment = None;
    let mut loi = None;
    let mut loi_assessment = None;
    if extras == Extras::FollowUp {
        loi = read_optional::<ListOfIssues>(folder, LOI_FILE, &mut files, &mut problems);
        loi_assessment = read_optional::<LoiAssessment>(folder, LOI_ASSESSMENT_FILE, &mut files, &mut problems);
        let path = folder.join(CO_FILE);
        if path.symlink_metadata().is_ok() {
            match read_and_load::<ConcludingObservations>(
                folder,
                Path::new(CO_FILE),
                display_path(folder, CO_FILE),
                &mut files,
            ) {
                Ok(c) => co = Some(c),
                Err((mended, mut d)) => {
                    problems.append(&mut d);
                    co = mended;
                }
            }
        }
        let path = folder.join(ASSESSMENT_FILE);
        if path.symlink_metadata().is_ok() {
            match read_and_load::<Assessment>(
                folder,
                Path::new(ASSESSMENT_FILE),
                display_path(folder, ASSESSMENT_FILE),
                &mut files,
            ) {
                Ok(a) => assessment = Some(a),
                Err((mended, mut d)) => {
                    problems.append(&mut d);
                    assessment = mended;
                }
            }
        }
    }

    let Some(mut submission) = submission else {
        return Err((problems, files));
    };
    let main_place = Place { file: main_display, path: Vec::new() };
    let mut finding_places: Vec<Place> =
        (0..submission.findings.len()).map(|i| main_place.key("findings").index(i)).collect();
    for (f, display) in extra_findings {
        submission.findings.push(f);
        finding_places.push(Place { file: display, path: Vec::new() });
    }

    let mut loaded = Loaded {
        folder: folder.to_path_buf(),
        name: folder_name(folder),
        submission,
        finding_places,
        markdown_files: BTreeMap::new(),
        co,
        previous,
        assessment,
        loi,
        loi_assessment,
        files,
        problems: Vec::new(),
        unread,
        incomplete,
        version: crate::load::version::Version::Confidential,
        withheld_sources: BTreeSet::new(),
        withheld_ids: BTreeSet::new(),
    };
    let mut over = Vec::new();
    if loaded.files.bytes() <= budget::MAX_FOLDER_BYTES {
        passed = read_markdown_files(&mut loaded, &mut problems).or(passed);
    }
    if loaded.files.bytes() > budget::MAX_FOLDER_BYTES {
        // Named at the file read last, the one that passed the limit.
        over.push(budget::too_many_bytes(&passed.unwrap_or_else(|| display_path(folder, SUBMISSION_FILE))));
    } else {
        over = budget::check(&loaded);
    }
    if !over.is_empty() {
        // Nothing more is done with a folder past a limit: converting it is what the limit
        // keeps from happening.
        problems.extend(over);
        return Err((problems, loaded.files));
    }
    loaded.problems = problems;
    let version = version.unwrap_or_else(|| crate::load::version::Version::of(&loaded.submission));
    loaded.version = version;
    loaded.withheld_sources = crate::load::version::apply(&mut loaded, version);
    Ok(loaded)
}

/// The folder's name, for output paths (`submissions/kazakhstan-ccpr-2025` → that last part).
pub fn folder_name(folder: &Path) -> String {
    let canonical = folder.canonicalize().unwrap_or_else(|_| folder.to_path_buf());
    canonical.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "submission".into())
}

/// Reads the `file:` of every Markdown field, relative to the folder and never outside it.
fn read_markdown_files(loaded: &mut Loaded, problems: &mut Vec<Diagnostic>) -> Option<String> {
    let mut last = None;
    let wanted: Vec<(Place, String)> =
        markdown_places(loaded).into_iter().filter_map(|(p, m)| m.file.clone().map(|f| (p, f))).collect();
    let mut texts = Vec::new();
    for (place, name) in wanted {
        if name.trim().is_empty() {
            // Empty, or filled in by the loader around a mistake already reported.
            continue;
        }
        let file_place = place.key("file");
        let relative = Path::new(&name);
        let escapes =
            relative.is_absolute() || relative.components().any(|c| matches!(c, std::path::Component::ParentDir));
        if escapes {
            problems.push(
                loaded
                    .files
                    .error(&file_place, Target::Value, format!("`{name}` is outside the submission folder"))
                    .with_hint("keep Markdown files inside the submission folder and name them relative to it, e.g. `file: context.md`"),
            );
            continue;
        }
        let display = display_path(&loaded.folder, &name);
        match read_text(&loaded.folder, relative, &display) {
            Ok(mut text) => {
                problems.extend(take_bom(&mut text, &display));
                texts.push((place.clone(), text.clone()));
                loaded.markdown_files.insert(place_key(&place), display.clone());
                last = Some(display.clone());
                loaded.files.add(SourceFile::new(display, text));
            }
            Err(d) => {
                let (line, col) = loaded
                    .files
                    .map
                    .get(&file_place.file)
                    .map_or((0, 0), |f| f.locate(&file_place.path, Target::Value));
                let mut located = Diagnostic::error(d.message)
                    .in_file(&file_place.file)
                    .at(line, col)
                    .with_path(path_string(&file_place.path));
                let missing = loaded.folder.join(relative).symlink_metadata().is_err();
                // Named from the finding's own folder (`file: x.md` beside findings/10-x.yaml):
                // say what to write, from the submission folder.
                let beside = Path::new(FINDINGS_DIR).join(relative);
                let from_findings = missing
                    && file_place.file != display_path(&loaded.folder, SUBMISSION_FILE)
                    && loaded.folder.join(&beside).is_file();
                located.hint = if from_findings {
                    let write = beside.to_string_lossy().replace('\\', "/");
                    Some(format!(
                        "`file:` names a file from the submission folder, not from the finding's: write `file: {write}`"
                    ))
                } else {
                    d.hint.or(Some(format!("create {display}, or write the text inline instead of `file:`")))
                };
                problems.push(located);
                // The text this names was not read, there or elsewhere, and may cite anything:
                // no source is called unused on its account.
                loaded.incomplete.push(display);
            }
        }
    }
    for (place, text) in texts {
        if let Some(md) = markdown_at_mut(loaded, &place) {
            md.text = text;
        }
    }
    last
}
