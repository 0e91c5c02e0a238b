//! The one link policy, for every output (PDF links, HTML `href`, and any later format):
//! `http:`, `https:` and `mailto:` addresses become links; anything else (`javascript:`,
//! `file:`, `data:`, an application's own scheme, or no scheme at all) is shown as text, and
//! the caller reports it as a warning at its file and line.

/// The schemes a link may use.
pub const LINK_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Why an address is not made a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkRefusal {
    /// It has a scheme other than [`LINK_SCHEMES`] (lower-cased).
    Scheme(String),
    /// It has no scheme (a bare `example.org`, a relative path).
    NoScheme,
    /// It is empty.
    Empty,
    /// It is longer than [`MAX_URL_BYTES`] (its length in bytes).
    TooLong(usize),
}

/// The longest address a link may have, in bytes: Typst refuses longer ones in a PDF.
pub const MAX_URL_BYTES: usize = 8_000;

impl LinkRefusal {
    /// The warning, in words, for an address.
    pub fn message(&self, url: &str) -> String {
        match self {
            LinkRefusal::Scheme(s) => format!("a link to a `{s}:` address is not allowed; `{url}` is shown as text"),
            LinkRefusal::NoScheme => format!("`{url}` is not a full web address; it is shown as text, not as a link"),
            LinkRefusal::Empty => "the link has no address; only its text is shown".to_owned(),
            LinkRefusal::TooLong(len) => format!(
                "this link's address has {} characters, more than a PDF link may have ({}); only its text is shown",
                crate::i18n::number("en", *len as u64),
                crate::i18n::number("en", MAX_URL_BYTES as u64)
            ),
        }
    }

    /// How to fix it.
    pub fn hint(&self) -> &'static str {
        match self {
            LinkRefusal::Empty => "write the address in the parentheses: [text](https://…)",
            LinkRefusal::TooLong(_) => "link to the page itself; an address this long carries data, not a place",
            _ => "link only to web pages and e-mail addresses: start the address with https://, http:// or mailto:",
        }
    }
}

/// Whether `url` may be a link in any output.
///
/// Like browsers, leading blanks and control characters and embedded tabs and line breaks
/// are ignored when reading the scheme, and case does not matter.
///
/// # Errors
///
/// Why it may not.
pub fn link_allowed(url: &str) -> Result<(), LinkRefusal> {
    if url.len() > MAX_URL_BYTES {
        return Err(LinkRefusal::TooLong(url.len()));
    }
    let cleaned: String = url
        .trim_start_matches(|c: char| c.is_whitespace() || c.is_control())
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.trim().is_empty() {
        return Err(LinkRefusal::Empty);
    }
    let Some((scheme, _)) = cleaned.split_once(':') else { return Err(LinkRefusal::NoScheme) };
    let is_scheme = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !is_scheme {
        return Err(LinkRefusal::NoScheme);
    }
    let scheme = scheme.to_ascii_lowercase();
    if LINK_SCHEMES.contains(&scheme.as_str()) { Ok(()) } else { Err(LinkRefusal::Scheme(scheme)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_mail_addresses_are_links() {
        for ok in ["https://example.org", "HTTP://x", "mailto:a@b.org", " \u{1}https://x", "ht\ttps://x"] {
            assert_eq!(link_allowed(ok), Ok(()), "{ok:?}");
        }
        let refused = [
            ("javascript:alert(5)", LinkRefusal::Scheme("javascript".into())),
            (" JavaScript:alert(5)", LinkRefusal::Scheme("javascript".into())),
            ("java\nscript:alert(5)", LinkRefusal::Scheme("javascript".into())),
            ("vbscript:x", LinkRefusal::Scheme("vbscript".into())),
            ("file:///etc/passwd", LinkRefusal::Scheme("file".into())),
            ("data:text/html,x", LinkRefusal::Scheme("data".into())),
            ("ms-settings:", LinkRefusal::Scheme("ms-settings".into())),
            ("C:\\Users\\x", LinkRefusal::Scheme("c".into())),
            ("example.org", LinkRefusal::NoScheme),
            ("/etc/passwd", LinkRefusal::NoScheme),
            ("#section", LinkRefusal::NoScheme),
            ("  ", LinkRefusal::Empty),
        ];
        for (url, why) in refused {
            assert_eq!(link_allowed(url), Err(why), "{url:?}");
        }
    }
}
