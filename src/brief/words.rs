//! Small English wording helpers for the brief: numbers in words, lists, plurals. Kept apart
//! so that the sentences the brief prints are built, and tested, in one place.

/// 0–20 in words, larger numbers in digits: "two", "twelve", "21".
pub fn number(n: usize) -> String {
    const WORDS: [&str; 21] = [
        "no",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    WORDS.get(n).map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

/// The first letter in upper case, for a sentence that starts with a number word.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "recommendation" / "recommendations".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 { one.to_owned() } else { many.to_owned() }
}

/// "A", "A and B", "A, B and C".
pub fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wording() {
        assert_eq!(number(0), "no");
        assert_eq!(number(2), "two");
        assert_eq!(number(21), "21");
        assert_eq!(capitalise("three have"), "Three have");
        assert_eq!(capitalise(""), "");
        assert_eq!(plural(1, "is", "are"), "is");
        assert_eq!(list(&["R1".into(), "R2".into(), "R3".into()]), "R1, R2 and R3");
        assert_eq!(list(&["R1".into()]), "R1");
    }
}
