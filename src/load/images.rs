//! Images of a submission (figures in Markdown, organisations' logos): read from the
//! submission folder only, through [`crate::fs::boundary::read_inside`], and recognised by their
//! content as PNG, JPEG or SVG before the compiler sees them.
//!
//! The compiler never sees the user's path: each image is served under a name Amicus makes
//! ([`crate::doc::image::virtual_path`]), so nothing a user writes becomes a path inside Typst code.

use crate::doc::image::sniff;
use std::path::Path;

/// The largest image Amicus reads: a photograph from a phone is 2–6 MB, a chart far less.
pub const MAX_IMAGE_BYTES: u64 = 12 * 1024 * 1024;

/// A problem with an image file: what is wrong and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageProblem {
    /// What is wrong, naming the file.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// Reads the image `path` (as the user wrote it, relative to `folder`): inside the folder,
/// a regular file, at most [`MAX_IMAGE_BYTES`], PNG, JPEG or SVG.
///
/// # Errors
///
/// Why it cannot be used, in words.
pub fn read_image(folder: &Path, path: &str) -> Result<Vec<u8>, ImageProblem> {
    let relative = Path::new(path.trim());
    if !crate::fs::boundary::is_plain_relative(relative) || path.contains('\\') {
        return Err(ImageProblem {
            message: format!("the image `{path}` is outside the submission folder; Amicus reads images only from the folder"),
            hint: "copy the image into the submission folder (e.g. `figures/`) and write its path relative to the folder, without `..` or a leading `/`".into(),
        });
    }
    let shown = format!("the image `{path}`");
    let bytes = crate::fs::boundary::read_inside(folder, relative, MAX_IMAGE_BYTES).map_err(|e| ImageProblem {
        message: e.describe(&shown),
        hint: match e {
            crate::fs::boundary::ReadError::NotFound => match near_file(folder, relative) {
                Some(near) => format!("did you mean `{near}`? (capitals count in file names)"),
                None => "check the file name (capitals count) and that it is inside the submission folder; paths are relative to the folder, e.g. `figures/chart.png`".into(),
            },
            crate::fs::boundary::ReadError::TooLarge { .. } => {
                "make the image smaller (a chart or photo needs no more than about 2,000 pixels across) or save it as JPEG".into()
            }
            _ => e.hint().unwrap_or("use an ordinary image file inside the submission folder").into(),
        },
    })?;
    if sniff(&bytes).is_none() {
        return Err(ImageProblem {
            message: format!("the image `{path}` is not a PNG, JPEG or SVG file"),
            hint: "save it as PNG (charts, logos), JPEG (photographs) or SVG; a file renamed to .png is not converted"
                .into(),
        });
    }
    Ok(bytes)
}

/// A file beside the one named that was probably meant: the same name in other capitals, or
/// one a letter or two away (`chart.PNG`, `chrat.png`), as the path to write.
fn near_file(folder: &Path, relative: &Path) -> Option<String> {
    let parent = relative.parent().filter(|p| !p.as_os_str().is_empty());
    let dir = match parent {
        Some(p) => crate::fs::boundary::resolve_inside(folder, p).ok()?,
        None => folder.canonicalize().ok()?,
    };
    let wanted = relative.file_name()?.to_string_lossy().to_lowercase();
    let mut best: Option<(usize, String)> = None;
    for entry in std::fs::read_dir(dir).ok()?.filter_map(Result::ok).take(2000) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let distance = strsim::levenshtein(&wanted, &name.to_lowercase());
        if distance <= 2 && best.as_ref().is_none_or(|(d, _)| distance < *d) {
            best = Some((distance, name));
        }
    }
    let (_, name) = best?;
    Some(match parent {
        Some(p) => format!("{}/{name}", p.display()),
        None => name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn only_image_files_inside_the_folder_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let png = b"\x89PNG\r\n\x1a\nrest";
        std::fs::create_dir(dir.path().join("figures")).unwrap();
        std::fs::write(dir.path().join("figures/a.png"), png).unwrap();
        std::fs::write(dir.path().join("figures/b.png"), b"not an image").unwrap();
        std::os::unix::fs::symlink("/etc/passwd", dir.path().join("figures/c.png")).unwrap();
        assert_eq!(read_image(dir.path(), "figures/a.png").unwrap(), png);
        let e = read_image(dir.path(), "figures/b.png").unwrap_err();
        assert!(e.message.contains("not a PNG, JPEG or SVG"), "{e:?}");
        let e = read_image(dir.path(), "figures/c.png").unwrap_err();
        assert!(e.message.contains("leads outside the submission folder"), "{e:?}");
        for outside in ["../x.png", "/etc/passwd", "figures\\a.png"] {
            let e = read_image(dir.path(), outside).unwrap_err();
            assert!(e.message.contains("outside the submission folder"), "{outside}: {e:?}");
        }
        let e = read_image(dir.path(), "figures/none.png").unwrap_err();
        assert!(e.message.contains("no such file") && e.hint.contains("capitals"), "{e:?}");
        let e = read_image(dir.path(), "figures/A.PNG").unwrap_err();
        assert_eq!(e.hint, "did you mean `figures/a.png`? (capitals count in file names)");
    }
}
