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
    fn virtual_paths_are_ours_and_stable() {
        let a = virtual_path("figures/chart.png");
        assert_eq!(a, virtual_path(" figures/chart.png "));
        assert_ne!(a, virtual_path("figures/chart2.png"));
        assert!(a.starts_with("/images/") && a.len() == "/images/".len() + 16, "{a}");
        assert_eq!(virtual_path("\"); #read(\"/etc/passwd"), virtual_path("\"); #read(\"/etc/passwd"));
        assert!(!virtual_path("../x").contains(".."));
    }
}
