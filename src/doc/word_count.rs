//! Word counting, for the length limits treaty bodies put on submissions: the one rule,
//! for every text of every document.

/// Counts the words in plain text the way a word processor does: whitespace-separated tokens
/// that contain at least one letter or digit.
///
/// So `human-rights` is one word, `—` and `§` alone are none, and `5 %` is one.
///
/// Chinese and Japanese are written without spaces: there each Han character, hiragana and
/// katakana counts as one word, and the letters or digits between them as one more per run
/// (`人权2025年` is four). That is the count Microsoft Word shows, which is what a committee's
/// secretariat will check a submission with; the UN states no other rule for NGO texts.
/// Korean separates words with spaces and is counted like English. Thai, Lao, Khmer and
/// Burmese, also written without spaces, still count one word per run: an undercount, and not
/// a UN language.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace().map(count_token).sum()
}

/// The words in one whitespace-free token: each CJK character, plus each run of other
/// characters that holds a letter or digit.
fn count_token(token: &str) -> usize {
    let mut words = 0;
    let mut run_has_word = false;
    for c in token.chars() {
        if is_cjk(c) {
            words += 1 + usize::from(run_has_word);
            run_has_word = false;
        } else if c.is_alphanumeric() {
            run_has_word = true;
        }
    }
    words + usize::from(run_has_word)
}

/// Han ideographs (with the extensions and compatibility blocks), hiragana and katakana.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'      // hiragana, katakana
        | '\u{31F0}'..='\u{31FF}'    // katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}'    // Han extension A
        | '\u{4E00}'..='\u{9FFF}'    // Han
        | '\u{F900}'..='\u{FAFF}'    // Han compatibility
        | '\u{FF66}'..='\u{FF9D}'    // half-width katakana
        | '\u{20000}'..='\u{3134F}'  // Han extensions B–G
    )
}
