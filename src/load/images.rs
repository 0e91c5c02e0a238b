//! Images of a submission (figures in Markdown, organisations' logos): read from the
//! submission folder only, through [`crate::fs::boundary::read_inside`], and recognised by their
//! content as PNG, JPEG or SVG before the compiler sees them.
//!
//! The compiler never sees the user's path: each image is served under a name Amicus makes
//! ([`virtual_path`]), so nothing a user writes becomes a path inside Typst code.

use std::path::Path;

/// The largest image Amicus reads: a photograph from a phone is 2–6 MB, a chart far less.
pub const MAX_IMAGE_BYTES: u64 = 12 * 1024 * 1024;

/// The image formats a report can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// PNG (charts, screenshots, logos).
    Png,
    /// JPEG (photographs).
    Jpeg,
    /// SVG (charts and logos drawn as vectors).
    Svg,
}

/// The format of an image, from its first bytes; `None` for anything else (GIF, WebP, PDF,
/// a renamed text file, a compressed SVG).
pub fn sniff(bytes: &[u8]) -> Option<ImageFormat> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(ImageFormat::Png);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(ImageFormat::Jpeg);
    }
    // An SVG is XML that declares the SVG namespace near its start (as Typst requires).
    let head = &bytes[..bytes.len().min(4096)];
    let text = std::str::from_utf8(head).ok().or_else(|| {
        // The cut may fall inside a character.
        let valid = std::str::from_utf8(head).err()?.valid_up_to();
        std::str::from_utf8(&head[..valid]).ok()
    })?;
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let xmlish = start.starts_with('<');
    (xmlish && text.contains("<svg") && text.contains("http://www.w3.org/2000/svg")).then_some(ImageFormat::Svg)
}

/// The name the compiler knows an image by: `/images/` and a hash of the path as written.
/// The same path always gives the same name (Typst interns file names for the life of the
/// process; `watch` must not use up new ones for each build).
pub fn virtual_path(path: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in path.trim().as_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("/images/{hash:016x}")
}

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

    #[test]
    fn formats_are_recognised_by_content() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(ImageFormat::Png));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), Some(ImageFormat::Jpeg));
        let svg = br#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>"#;
        assert_eq!(sniff(svg), Some(ImageFormat::Svg));
        assert_eq!(sniff(b"GIF89a...."), None);
        assert_eq!(sniff(b"%PDF-1.7"), None);
        assert_eq!(sniff(b"just text with http://www.w3.org/2000/svg and <svg"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn virtual_paths_are_ours_and_stable() {
        let a = virtual_path("figures/chart.png");
        assert_eq!(a, virtual_path(" figures/chart.png "));
        assert_ne!(a, virtual_path("figures/chart2.png"));
        assert!(a.starts_with("/images/") && a.len() == "/images/".len() + 16, "{a}");
        assert_eq!(virtual_path("\"); #read(\"/etc/passwd"), virtual_path("\"); #read(\"/etc/passwd"));
        assert!(!virtual_path("../x").contains(".."));
    }

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
