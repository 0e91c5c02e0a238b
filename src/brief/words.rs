//! Small wording helpers for the brief. Its sentences are in the catalogues (`locales/`);
//! what is left here works in every language.

/// The first letter in upper case, for a sentence that starts with a number word.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wording() {
        assert_eq!(capitalise("three have"), "Three have");
        assert_eq!(capitalise("élevé"), "Élevé");
        assert_eq!(capitalise(""), "");
    }
}
