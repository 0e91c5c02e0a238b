//! An image in the document model: the name every writer knows it by, and its format, told
//! from its bytes (never from the name the user gave the file).

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

/// Width and height in pixels of a PNG or JPEG, from its header: a PNG's `IHDR` (which must
/// come first), a JPEG's first frame header (`SOFn`) before its first scan. `None` for
/// anything else, or a header that cannot be read.
pub fn pixel_size(bytes: &[u8]) -> Option<(u32, u32)> {
    match sniff(bytes)? {
        ImageFormat::Png => {
            if bytes.get(12..16)? != b"IHDR" {
                return None;
            }
            let be32 = |at: usize| Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
            Some((be32(16)?, be32(20)?))
        }
        ImageFormat::Jpeg => {
            let be16 = |at: usize| Some(u32::from(u16::from_be_bytes(bytes.get(at..at + 2)?.try_into().ok()?)));
            let mut at = 2;
            loop {
                if *bytes.get(at)? != 0xFF {
                    return None;
                }
                let marker = *bytes.get(at + 1)?;
                match marker {
                    // Fill bytes before a marker.
                    0xFF => at += 1,
                    // Markers without a length.
                    0x01 | 0xD0..=0xD7 => at += 2,
                    // A scan or the end before any frame header.
                    0xD9 | 0xDA => return None,
                    0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                        return Some((be16(at + 7)?, be16(at + 5)?));
                    }
                    _ => at += 2 + usize::try_from(be16(at + 2)?).ok()?,
                }
            }
        }
        ImageFormat::Svg => None,
    }
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
    fn pixel_sizes_come_from_the_header() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&100_000u32.to_be_bytes());
        png.extend_from_slice(&200u32.to_be_bytes());
        assert_eq!(pixel_size(&png), Some((100_000, 200)));
        assert_eq!(pixel_size(&png[..22]), None);
        // SOI, an APP0 segment, fill bytes, a restart marker, then SOF2 (progressive).
        let jpeg =
            [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 1, 2, 0xFF, 0xFF, 0xD0, 0xFF, 0xC2, 0, 11, 8, 0xFF, 0xDC, 0xFF, 0xDC, 3];
        assert_eq!(pixel_size(&jpeg), Some((65500, 65500)));
        // A scan before any frame header; a cut file; a huffman table is no frame.
        assert_eq!(pixel_size(&[0xFF, 0xD8, 0xFF, 0xDA, 0, 2]), None);
        assert_eq!(pixel_size(&jpeg[..16]), None);
        assert_eq!(pixel_size(&[0xFF, 0xD8, 0xFF, 0xC4, 0, 2, 0xFF, 0xD9]), None);
        assert_eq!(pixel_size(b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), None);
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
}
