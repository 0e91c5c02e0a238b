//! Images of a submission (figures in Markdown, organisations' logos): read from the
//! submission folder only, through [`crate::fs::boundary::read_inside`], and recognised by their
//! content as PNG, JPEG or SVG before the compiler sees them.
//!
//! The compiler never sees the user's path: each image is served under a name Amicus makes
//! ([`crate::doc::image::virtual_path`]), so nothing a user writes becomes a path inside Typst code.

use crate::doc::image::{ImageFormat, pixel_size, sniff};
use std::path::Path;

/// The largest image Amicus reads: a photograph from a phone is 2–6 MB, a chart far less.
pub const MAX_IMAGE_BYTES: u64 = 12 * 1024 * 1024;

/// The most pixels one image may have: 40 million (a 48-megapixel phone photograph is
/// 8,000 × 6,000; a chart needs a few). Typst decodes each image whole, at 4 bytes a pixel, and
/// keeps it while the document is laid out and written.
pub const MAX_IMAGE_PIXELS: u64 = 40_000_000;
/// The most pixels the images of one submission may have together.
pub const MAX_TOTAL_PIXELS: u64 = 100_000_000;
/// What one SVG filter (a shadow, a blur) counts for against the pixel budgets: the PDF
/// writer draws each filtered element as an image of up to 5,000 × 5,000 pixels.
pub const FILTER_PIXELS: u64 = 10_000_000;
/// What one SVG element (a shape, a group, a text) counts for against the pixel budgets:
/// Typst builds each, so 160,000 fill an image's budget.
pub const NODE_PIXELS: u64 = 250;
/// What one character of SVG text counts for: Typst shapes it with its fonts and draws its
/// outline (150,000 short texts, 900,000 characters, took a minute and over a gigabyte), so
/// 40,000 fill an image's budget.
pub const CHAR_PIXELS: u64 = 1_000;

/// An image as read: its bytes, and what decoding it costs, in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// The pixels Typst will decode or draw for it (for an SVG: the images inside it and its
    /// filters, [`FILTER_PIXELS`] each).
    pub pixels: u64,
}

/// A pixel count for people: "100,000 × 100,000 pixels".
fn millions(pixels: u64) -> String {
    format!("{} million", crate::i18n::number("en", pixels.div_ceil(1_000_000)))
}

/// What decoding `bytes` (PNG, JPEG or SVG) costs in pixels, read from the headers before
/// anything is decoded; `Err` with the reason when it cannot be told or is too much.
pub fn pixels(bytes: &[u8]) -> Result<u64, String> {
    match sniff(bytes) {
        Some(ImageFormat::Svg) => svg_pixels(bytes),
        Some(_) => {
            let (w, h) = pixel_size(bytes).ok_or("its header cannot be read (the file is damaged or cut short)")?;
            let pixels = u64::from(w) * u64::from(h);
            if pixels > MAX_IMAGE_PIXELS {
                return Err(format!(
                    "it is {w} × {h} pixels ({}), more than Amicus lays out in one image ({})",
                    millions(pixels),
                    millions(MAX_IMAGE_PIXELS)
                ));
            }
            Ok(pixels)
        }
        None => Err("it is not a PNG, JPEG or SVG file".into()),
    }
}

/// [`pixels`] for an SVG: parsed as Typst parses it (usvg, which refuses more than a million
/// elements, references included), then every image inside it is sized from its header and
/// every filter counted.
fn svg_pixels(bytes: &[u8]) -> Result<u64, String> {
    let options = usvg::Options {
        // Typst's own options: no font fallback, no files read.
        font_family: String::new(),
        resources_dir: None,
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_data(bytes, &options).map_err(|e| format!("it cannot be read as SVG ({e})"))?;
    let mut pixels = 0u64;
    let mut filters = 0u64;
    // Elements and characters of text, for [`NODE_PIXELS`] and [`CHAR_PIXELS`].
    let mut drawn = svg_text_chars(bytes).saturating_mul(CHAR_PIXELS);
    // Walked with a list, not by recursion: an SVG may nest deeply.
    let mut groups: Vec<usvg::Group> = vec![tree.root().clone()];
    let mut trees: Vec<usvg::Tree> = Vec::new();
    while let Some(group) = groups.pop() {
        filters += group.filters().len() as u64;
        if let Some(mask) = group.mask() {
            groups.push(mask.root().clone());
        }
        if let Some(clip) = group.clip_path() {
            groups.push(clip.root().clone());
        }
        for node in group.children() {
            drawn = drawn.saturating_add(NODE_PIXELS);
            match node {
                usvg::Node::Group(g) => groups.push((**g).clone()),
                usvg::Node::Path(path) => {
                    let paints =
                        path.fill().map(usvg::Fill::paint).into_iter().chain(path.stroke().map(usvg::Stroke::paint));
                    for paint in paints {
                        if let usvg::Paint::Pattern(p) = paint {
                            groups.push(p.root().clone());
                        }
                    }
                }
                usvg::Node::Text(text) => groups.push(text.flattened().clone()),
                usvg::Node::Image(image) => match image.kind() {
                    usvg::ImageKind::PNG(data) | usvg::ImageKind::JPEG(data) => {
                        let (w, h) = pixel_size(data).ok_or("an image inside it cannot be read")?;
                        pixels += u64::from(w) * u64::from(h);
                    }
                    usvg::ImageKind::GIF(_) | usvg::ImageKind::WEBP(_) => {
                        return Err(
                            "it holds a GIF or WebP image; Amicus reads only PNG or JPEG images inside an SVG".into()
                        );
                    }
                    usvg::ImageKind::SVG(inner) => {
                        if trees.len() > 16 {
                            return Err("it nests SVG images inside one another too deeply".into());
                        }
                        groups.push(inner.root().clone());
                        trees.push(inner.clone());
                    }
                },
            }
        }
        if pixels + filters * FILTER_PIXELS + drawn > MAX_IMAGE_PIXELS {
            return Err(format!(
                "the images and filters (shadows, blurs) inside it, its shapes and its text come to more than {} pixels to draw, more than Amicus lays out in one image",
                millions(MAX_IMAGE_PIXELS)
            ));
        }
    }
    Ok(pixels + filters * FILTER_PIXELS + drawn)
}

/// The characters of text an SVG's `<text>` elements hold, entities expanded, for
/// [`CHAR_PIXELS`]: read from the XML, since the parse above (without fonts) drops text.
/// Read in document order: linear however deep.
fn svg_text_chars(bytes: &[u8]) -> u64 {
    let Ok(text) = std::str::from_utf8(bytes) else { return 0 };
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
    let Ok(doc) = roxmltree::Document::parse_with_options(text, options) else { return 0 };
    // The end (a byte of the source) of the `<text>` element being read: nodes come in
    // document order, so a node starting before it is inside it.
    let mut end = 0usize;
    let mut chars = 0u64;
    for node in doc.descendants() {
        if node.has_tag_name("text") && node.range().start >= end {
            end = node.range().end;
        } else if node.is_text() && node.range().start < end {
            chars += node.text().map_or(0, |t| t.chars().count() as u64);
        }
    }
    chars
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
/// a regular file, at most [`MAX_IMAGE_BYTES`], PNG, JPEG or SVG, and costing at most
/// [`MAX_IMAGE_PIXELS`] to decode ([`pixels`]).
///
/// # Errors
///
/// Why it cannot be used, in words.
pub fn read_image(folder: &Path, path: &str) -> Result<Image, ImageProblem> {
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
    match pixels(&bytes) {
        Ok(pixels) => Ok(Image { bytes, pixels }),
        Err(why) => Err(ImageProblem {
            message: format!("the image `{path}` cannot be used: {why}"),
            hint: "save it again from an image editor at the size it is shown (a figure needs no more than about 2,000 pixels across), as PNG, JPEG or a plain SVG".into(),
        }),
    }
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
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x0a\0\0\0\x14rest";
        std::fs::create_dir(dir.path().join("figures")).unwrap();
        std::fs::write(dir.path().join("figures/a.png"), png).unwrap();
        std::fs::write(dir.path().join("figures/b.png"), b"not an image").unwrap();
        std::os::unix::fs::symlink("/etc/passwd", dir.path().join("figures/c.png")).unwrap();
        assert_eq!(read_image(dir.path(), "figures/a.png").unwrap(), Image { bytes: png.to_vec(), pixels: 200 });
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
