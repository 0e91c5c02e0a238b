//! `amicus check` on a folder: the shadow report's checks and, when the folder has an
//! assessment, the follow-up brief's. It sits above both [`crate::check`] and
//! [`crate::brief`], so that neither has to import the other's caller.

use crate::diag::Diagnostic;
use crate::i18n::Arg;

/// `amicus check` on a folder: every problem (sorted), the files read (for snippets), and the
/// word count when the submission could be read. With an assessment in the folder, the
/// problems `brief` would meet in its prose are included.
pub fn check_folder(folder: &std::path::Path) -> (Vec<Diagnostic>, crate::load::Files, Option<String>) {
    match crate::load::load_folder_lenient(folder, crate::load::Extras::FollowUp) {
        Ok(mut loaded) => {
            let (mut diagnostics, prepared) = if loaded.assessment.is_some() {
                let (diagnostics, _, prepared) = crate::pipeline::brief::check_with_prose(&mut loaded);
                (diagnostics, prepared)
            } else {
                let prepared = crate::load::prose::prepare(&loaded);
                (crate::check::check(&loaded, &prepared), prepared)
            };
            // The length is counted from the report as `build` renders it: the view built
            // once, the template rendered once.
            let view = crate::report::view::report(&loaded, &prepared);
            let templates = crate::writers::template::Templates::for_folder(&loaded.folder);
            let document = crate::report::model::report(&loaded, &prepared, &view);
            let source = crate::report::render(&templates, &view, &document).ok();
            let summary = crate::check::length::summary(&loaded, &prepared, &view, source.as_deref());
            if let Some(over) = crate::check::length::limit_warning(&loaded, &summary) {
                diagnostics.push(over);
                crate::diag::sort(&mut diagnostics);
            }
            let mut words = summary.describe(loaded.submission.committee);
            if !loaded.unread.is_empty() {
                let say = crate::i18n::Words::new(&loaded.submission.language);
                let files = say.list(&loaded.unread);
                let n = i64::try_from(loaded.unread.len()).unwrap_or(i64::MAX);
                words.push_str(&say.with("words-unread", &[("files", Arg::Text(&files)), ("n", Arg::Number(n))]));
            }
            (diagnostics, loaded.files, Some(words))
        }
        Err((mut problems, files)) => {
            crate::diag::sort(&mut problems);
            (problems, files, None)
        }
    }
}
