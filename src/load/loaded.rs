//! A loaded submission folder: the model, the files it came from, where each finding and
//! Markdown field sits, and the version being built.

use super::SUBMISSION_FILE;
use super::files::{Files, Place, display_path, read_text};
use super::locate::{Seg, path_string};
use crate::diag::Diagnostic;
use crate::model::{Assessment, ConcludingObservations, Markdown, Submission};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A loaded submission folder.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The folder as the user gave it.
    pub folder: PathBuf,
    /// The folder's name, used for the output folder.
    pub name: String,
    /// The submission, with Markdown files read in.
    pub submission: Submission,
    /// Where each finding came from (parallel to `submission.findings`).
    pub finding_places: Vec<Place>,
    /// Where the Markdown of each prose field came from, by the field's place: the Markdown
    /// file when the text lives in one.
    pub markdown_files: BTreeMap<String, String>,
    /// The concluding observations, if the folder has them.
    pub co: Option<ConcludingObservations>,
    /// The concluding observations of the previous review, if the folder has them
    /// (`previous-concluding-observations.yaml`): read for the shadow report as for the brief,
    /// since the findings cite them.
    pub previous: Option<ConcludingObservations>,
    /// The assessment, if the folder has it.
    pub assessment: Option<Assessment>,
    /// The list of issues (`list-of-issues.yaml`), if the folder has it ([`super::Extras::FollowUp`]).
    pub loi: Option<crate::model::loi::ListOfIssues>,
    /// Which suggested questions the list of issues asks (`loi-assessment.yaml`), if the folder
    /// has it ([`super::Extras::FollowUp`]).
    pub loi_assessment: Option<crate::model::loi_assessment::LoiAssessment>,
    /// Every file read.
    pub files: Files,
    /// Problems found while loading ([`load_folder_lenient`] only; the model was mended
    /// around them).
    pub problems: Vec<Diagnostic>,
    /// Files that could not be read at all (a YAML syntax error, say): nothing in them was
    /// checked or counted, and what they cite is unknown, so no check may advise deleting
    /// something only because these files did not show it in use.
    pub unread: Vec<String>,
    /// Files not read in full: YAML files with an error in loading (read around it, or not at
    /// all) and Markdown files that could not be read. What they cite is not known for
    /// certain, so no source may be called unused on their account (see
    /// [`Loaded::text_not_read`]).
    pub incomplete: Vec<String>,
    /// The version loaded (public or confidential; see [`crate::load::version`]).
    pub version: crate::load::version::Version,
    /// Sources this version may not cite or does not cite because only withheld text did:
    /// marked `confidential` in the public version, or cited only in text marked so.
    pub withheld_sources: BTreeSet<String>,
    /// Ids of the findings and recommendations this version leaves out (marked confidential,
    /// in the public version): a cross-reference to one is an error that says so.
    pub withheld_ids: BTreeSet<String>,
}

impl Loaded {
    /// The place of the submission file's root.
    pub fn root(&self) -> Place {
        Place { file: display_path(&self.folder, SUBMISSION_FILE), path: Vec::new() }
    }

    /// The text of what was not read in full ([`Loaded::incomplete`]), lower-cased, for a
    /// plain search of the citations it may hold: each such YAML file as written and the
    /// Markdown files it names (`file: …`), read here as text. `None` when some of it cannot
    /// be read at all, or a file it names is not there: then nothing can be said about what
    /// it cites.
    pub fn text_not_read(&self) -> Option<String> {
        let mut out = String::new();
        for name in &self.incomplete {
            let file = self.files.map.get(name)?;
            out.push_str(&file.text.to_lowercase());
            out.push('\n');
            if name.ends_with(".md") || name.ends_with(".markdown") {
                continue;
            }
            for md in named_files(&file.text) {
                let display = display_path(&self.folder, &md);
                if let Some(read) = self.files.map.get(&display) {
                    out.push_str(&read.text.to_lowercase());
                } else {
                    // Not there (a wrong name or folder, say) is unknown too: the text is somewhere.
                    out.push_str(&read_text(&self.folder, Path::new(&md), &display).ok()?.to_lowercase());
                }
                out.push('\n');
            }
        }
        Some(out)
    }
}

/// The file names given as `file: …` in a YAML text, read as plain text (the file may not
/// parse as YAML).
fn named_files(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("file:") {
        rest = &rest[at + 5..];
        let value = rest.trim_start_matches([' ', '\t']);
        let name: String = match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].chars().take_while(|c| *c != q && *c != '\n').collect(),
            _ => value.chars().take_while(|c| !matches!(c, '}' | ',' | '#' | '\n' | '\r')).collect(),
        };
        let name = name.trim();
        if !name.is_empty() {
            out.push(name.to_owned());
        }
    }
    out
}

/// Every Markdown field of a loaded submission with its place, in document order.
pub fn markdown_places(loaded: &Loaded) -> Vec<(Place, &Markdown)> {
    let s = &loaded.submission;
    let root = loaded.root();
    let mut out = Vec::new();
    for (i, o) in s.organisations.iter().enumerate() {
        if let Some(about) = &o.about {
            out.push((root.key("organisations").index(i).key("about"), about));
        }
    }
    out.push((root.key("summary"), &s.summary));
    for (i, sec) in s.sections.iter().enumerate() {
        out.push((root.key("sections").index(i).key("body"), &sec.body));
    }
    for (f, place) in s.findings.iter().zip(&loaded.finding_places) {
        out.push((place.key("body"), &f.body));
    }
    for (i, a) in s.annexes.iter().enumerate() {
        out.push((root.key("annexes").index(i).key("body"), &a.body));
    }
    out
}

/// A stable string key for a place (file + path).
pub fn place_key(place: &Place) -> String {
    format!("{}#{}", place.file, path_string(&place.path))
}

/// The Markdown field at a place, for filling in file contents.
pub(super) fn markdown_at_mut<'a>(loaded: &'a mut Loaded, place: &Place) -> Option<&'a mut Markdown> {
    let idx = |seg: Option<&Seg>| match seg {
        Some(Seg::Index(i)) => Some(*i),
        _ => None,
    };
    fn key(seg: Option<&Seg>) -> Option<&str> {
        match seg {
            Some(Seg::Key(k)) => Some(k.as_str()),
            _ => None,
        }
    }
    if let Some(i) = loaded
        .finding_places
        .iter()
        .position(|p| p.file == place.file && place.path.starts_with(&p.path) && place.path.len() == p.path.len() + 1)
    {
        return Some(&mut loaded.submission.findings[i].body);
    }
    let p = &place.path;
    let s = &mut loaded.submission;
    match key(p.first()) {
        Some("summary") => Some(&mut s.summary),
        Some("organisations") => s.organisations.get_mut(idx(p.get(1))?)?.about.as_mut(),
        Some("sections") => Some(&mut s.sections.get_mut(idx(p.get(1))?)?.body),
        Some("annexes") => Some(&mut s.annexes.get_mut(idx(p.get(1))?)?.body),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_found_in_yaml_that_does_not_parse() {
        let text = "body: {file: findings/a.md}\nx:\n\tbody:\n    file: \"b c.md\" # note\n  y: {file: 'd.md', z: 1}\n";
        assert_eq!(named_files(text), ["findings/a.md", "b c.md", "d.md"]);
    }
}
