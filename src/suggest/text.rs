//! From text to terms: words are cut out, stop words dropped, the rest stemmed (Snowball) and
//! folded (lower case, no accents), and words of a concept group also yield the group's term.
//!
//! Every term keeps the word as it was written, so that an explanation can show "compensation"
//! rather than the stem "compens".

use super::Lang;
use super::lexicon;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{HashMap, HashSet};

/// The prefix that marks a concept term, so that it can never collide with a stem.
const CONCEPT_PREFIX: char = '~';

/// The longest phrase (in words) a concept group may contain.
const MAX_PHRASE: usize = 5;

/// One term found in a text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Term {
    /// The stem (`tortur`) or, for a concept, `~` and the group's name (`~reparation`).
    pub key: String,
    /// The word or phrase as written in the text (`tortured`, `pushed back`).
    pub surface: String,
    /// How much the term counts, against 1 for a word as written: a word's base after a
    /// negating prefix ("employment" in "unemployment") counts for less.
    pub weight: f64,
}

impl Term {
    /// Whether this term stands for a concept group rather than a single stem.
    pub fn is_concept(&self) -> bool {
        is_concept_key(&self.key)
    }
}

/// The prefix that marks an identifier or number term (`#19122` for "Law 19.122").
pub(super) const NUMBER_PREFIX: char = '#';

/// Weight of the base of a word after a negating prefix ("employ" in "unemployment").
const W_PREFIXED: f64 = 0.5;

/// Whether a term key stands for an identifier or a number.
pub(super) fn is_number_key(key: &str) -> bool {
    key.starts_with(NUMBER_PREFIX)
}

/// Whether a term key stands for a concept group.
pub(super) fn is_concept_key(key: &str) -> bool {
    key.starts_with(CONCEPT_PREFIX)
}

/// Turns text into terms for one language.
pub(super) struct Analyzer {
    /// The language's Snowball stemmer.
    stemmer: Stemmer,
    /// Folded stop words.
    stop: HashSet<String>,
    /// Folded words to ignore besides stop words (the State's name).
    ignored: HashSet<String>,
    /// Stem sequences (one to [`MAX_PHRASE`] stems, joined by a space) → concept name.
    concepts: HashMap<String, &'static str>,
    /// Folded word sequences that say nothing about the subject ("in order to", "a fin de"):
    /// their words are dropped, so that "order" in "in order to" cannot meet "court order".
    phrase_stops: Vec<Vec<String>>,
    /// Folded word → the stem to use instead of the stemmer's, where two unrelated words
    /// would share a stem ("universal" and "universities").
    overrides: HashMap<String, String>,
    /// Folded prefixes that negate the word they start ("un" in "unemployment").
    negations: &'static [&'static str],
}

impl Analyzer {
    /// An analyzer for `lang` with its stop words and concept groups.
    pub fn new(lang: Lang) -> Analyzer {
        let stemmer = Stemmer::create(match lang {
            Lang::En => Algorithm::English,
            Lang::Fr => Algorithm::French,
            Lang::Es => Algorithm::Spanish,
        });
        let stop = lexicon::function_words(lang).chain(lexicon::boilerplate_words(lang)).map(fold).collect();
        let phrase_stops = lexicon::phrase_stops(lang)
            .iter()
            .map(|p| words(p).iter().map(|w| fold(&w.text)).collect::<Vec<_>>())
            .filter(|p| !p.is_empty())
            .collect();
        let overrides = lexicon::stem_overrides(lang)
            .iter()
            .flat_map(|(stem, forms)| forms.split_whitespace().map(move |f| (fold(f), (*stem).to_string())))
            .collect();
        let mut analyzer = Analyzer {
            stemmer,
            stop,
            ignored: HashSet::new(),
            concepts: HashMap::new(),
            phrase_stops,
            overrides,
            negations: lexicon::negating_prefixes(lang),
        };
        for (name, members) in lexicon::concepts(lang) {
            for member in members {
                let stems: Vec<String> = words(&member).iter().map(|w| analyzer.stem(&w.text)).collect();
                analyzer.concepts.insert(stems.join(" "), name);
            }
        }
        analyzer
    }

    /// Also ignores the words of `text` (for the State's name: "Kazakhstan" is in every
    /// recommendation and says nothing about which paragraph takes it up).
    pub fn ignore_words(&mut self, text: &str) {
        for w in words(text) {
            self.ignored.insert(fold(&w.text));
        }
    }

    /// The folded stem of one word.
    pub fn stem(&self, word: &str) -> String {
        if let Some(stem) = self.overrides.get(&fold(word)) {
            return stem.clone();
        }
        // Stem before folding: the Snowball rules for French and Spanish expect accents.
        fold(&self.stemmer.stem(&word.to_lowercase()))
    }

    /// Whether a word is a stop word (compared folded).
    pub fn is_stop(&self, word: &str) -> bool {
        self.stop.contains(&fold(word))
    }

    /// The folded stems of every word of a short text, stop words included.
    pub fn stems(&self, text: &str) -> Vec<String> {
        words(text).iter().map(|w| self.stem(&w.text)).collect()
    }

    /// Whether a word is dropped before ranking.
    pub fn skip(&self, word: &str) -> bool {
        let folded = fold(word);
        folded.chars().count() < 2
            || folded.chars().any(|c| c.is_ascii_digit())
            || self.stop.contains(&folded)
            || self.ignored.iter().any(|i| is_name_form(&folded, i))
    }

    /// The terms of a text, in order: the stems of its words that are not stop words, and a
    /// concept term wherever a word or phrase of a concept group occurs; then its identifiers
    /// and numbers ("Law 19.122" gives `#19122`, as does "Act No. 19122").
    pub fn terms(&self, text: &str) -> Vec<Term> {
        let words = words(text);
        let folded: Vec<String> = words.iter().map(|w| fold(&w.text)).collect();
        let stems: Vec<String> = words.iter().map(|w| self.stem(&w.text)).collect();
        // Words inside a phrase stop ("in order to") count for nothing.
        let mut dropped = vec![false; words.len()];
        for (i, _) in words.iter().enumerate() {
            for phrase in &self.phrase_stops {
                if folded.len() >= i + phrase.len() && folded[i..i + phrase.len()] == phrase[..] {
                    dropped[i..i + phrase.len()].iter_mut().for_each(|d| *d = true);
                }
            }
        }
        let mut out = Vec::new();
        let mut concept_until = 0;
        for (i, w) in words.iter().enumerate() {
            if dropped[i] {
                continue;
            }
            // Concepts first, longest phrase first, without overlaps ("non-refoulement" is one
            // match, not two).
            if i >= concept_until {
                for len in (1..=MAX_PHRASE.min(words.len() - i)).rev() {
                    if dropped[i..i + len].iter().any(|d| *d) {
                        continue;
                    }
                    let key = stems[i..i + len].join(" ");
                    if let Some(name) = self.concepts.get(&key) {
                        let mut surface = phrase_surface(text, &words[i..i + len]);
                        if len == 1 {
                            surface = display_form(text, w);
                        }
                        out.push(Term { key: format!("{CONCEPT_PREFIX}{name}"), surface, weight: 1.0 });
                        concept_until = i + len;
                        break;
                    }
                }
            }
            if !self.skip(&w.text) {
                out.push(Term { key: stems[i].clone(), surface: display_form(text, w), weight: 1.0 });
                // "unemployment" also says something about "employment", a little.
                for prefix in self.negations {
                    if let Some(rest) = folded[i].strip_prefix(prefix)
                        && rest.chars().count() >= 5
                        && !self.is_stop(rest)
                    {
                        let base = self.stem(rest);
                        out.push(Term { key: base, surface: display_form(text, w), weight: W_PREFIXED });
                    }
                }
            }
        }
        out.extend(numbers(text));
        out
    }
}

/// The identifiers and numbers of a text, as terms: "Law 19.122", "Act No. 19122" and
/// "19122" all give `#19122`; "Bill No. 733/2022" and "PL 733/2022" give `#733`; "9.263/96"
/// gives `#9263`. Numbers of one digit are dropped ("article 4 (a)", "para. 8"), and so are the
/// numbers inside document symbols ("CERD/C/URY/CO/16-20").
pub(super) fn numbers(text: &str) -> Vec<Term> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !c.is_ascii_digit() || (i > 0 && chars[i - 1].1.is_alphanumeric()) {
            i += 1;
            continue;
        }
        // The run: digits, with . , / - between digits.
        let mut j = i;
        while j + 1 < chars.len() {
            let next = chars[j + 1].1;
            if next.is_ascii_digit()
                || (matches!(next, '.' | ',' | '/' | '-' | '–')
                    && chars.get(j + 2).is_some_and(|c| c.1.is_ascii_digit()))
            {
                j += 1;
            } else {
                break;
            }
        }
        let end = chars.get(j + 1).map_or(text.len(), |c| c.0);
        i = j + 1;
        // Part of a symbol such as CERD/C/URY/CO/16-20 or A/HRC/52/10, or of a word ("G20").
        let before = text[..start].chars().last();
        if matches!(before, Some('/')) || chars.get(j + 1).is_some_and(|c| c.1.is_alphabetic()) {
            continue;
        }
        let run = &text[start..end];
        let first = run.split(['/', '-', '–']).next().unwrap_or_default();
        let digits: String = first.chars().filter(char::is_ascii_digit).collect();
        if digits.len() < 2 {
            continue;
        }
        out.push(Term { key: format!("{NUMBER_PREFIX}{digits}"), surface: run.to_string(), weight: 1.0 });
    }
    out
}

/// A word of a text, with where it starts and ends (byte offsets).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Word {
    /// The word as written.
    pub text: String,
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
}

/// The words of a text: runs of letters and digits. Apostrophes and hyphens separate words
/// ("l'État" → "l", "État"; "ill-treatment" → "ill", "treatment"): the concept table matches
/// the compounds it knows as phrases.
pub(super) fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Word { text: text[s..i].to_string(), start: s, end: i });
        }
    }
    if let Some(s) = start {
        out.push(Word { text: text[s..].to_string(), start: s, end: text.len() });
    }
    out
}

/// A word as it should be shown: as written, except that a capital that only marks the start
/// of a sentence is lowered ("Ensure" → "ensure", but "Roma", "ILO" and "Méndez" stay).
fn display_form(text: &str, word: &Word) -> String {
    let before = text[..word.start].trim_end().chars().last();
    let sentence_start = matches!(before, None | Some('.' | ':' | ';' | '!' | '?' | '"' | '“' | '«' | '(' | '¿' | '¡'));
    let mut chars = word.text.chars();
    let all_caps = word.text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    match chars.next() {
        Some(first) if sentence_start && !all_caps => first.to_lowercase().chain(chars).collect(),
        _ => word.text.clone(),
    }
}

/// The text of a phrase as written, from its first word to its last, with whitespace
/// collapsed.
fn phrase_surface(text: &str, words: &[Word]) -> String {
    match (words.first(), words.last()) {
        (Some(first), Some(last)) => text[first.start..last.end].split_whitespace().collect::<Vec<_>>().join(" "),
        _ => String::new(),
    }
}

/// Lower case without accents: "Réfugiés" → "refugies", "niño" → "nino", "Œuvre" → "oeuvre",
/// "Ğ", "ş", "ı", "ő" and accents typed as separate combining marks too.
///
/// Compatibility decomposition (NFKD, from `unicode-normalization`) splits every accented
/// letter into its base and marks, which are dropped; the few Latin letters that do not
/// decompose (ł, ø, đ, ħ, ı, ß, æ, œ) are spelt out by hand.
pub(super) fn fold(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let lower: String = word.chars().flat_map(char::to_lowercase).collect();
    let mut out = String::with_capacity(lower.len());
    for c in lower.nfkd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'ł' => out.push('l'),
            'ø' => out.push('o'),
            'đ' => out.push('d'),
            'ħ' => out.push('h'),
            'ı' => out.push('i'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            other => out.push(other),
        }
    }
    out
}

/// Whether a folded word is a form of a name: the name itself, or a word of at least five
/// letters that starts the name ("kazakh" for "kazakhstan"), or that the name starts
/// ("kazakhstani").
fn is_name_form(word: &str, name: &str) -> bool {
    word == name || (word.len() >= 5 && (name.starts_with(word) || word.starts_with(name)))
}

/// Guesses the language of a text by counting its stop words; English when nothing decides.
pub(super) fn detect(text: &str) -> Lang {
    let folded: Vec<String> = words(text).iter().map(|w| fold(&w.text)).collect();
    let mut best = (Lang::En, 0usize);
    for lang in [Lang::En, Lang::Fr, Lang::Es] {
        // Function words only: the boilerplate ("parte", "partie") is too alike across
        // languages.
        let stop: HashSet<&str> = lexicon::function_words(lang).collect();
        let hits = folded.iter().filter(|w| w.len() > 1 && stop.contains(w.as_str())).count();
        if hits > best.1 {
            best = (lang, hits);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(lang: Lang, text: &str) -> Vec<String> {
        Analyzer::new(lang).terms(text).into_iter().map(|t| t.key).collect()
    }

    #[test]
    fn accents_and_case_are_folded() {
        assert_eq!(fold("Réfugiés"), "refugies");
        assert_eq!(fold("NIÑOS"), "ninos");
        // Turkish, Romanian, Hungarian and Polish letters, and an accent typed as a separate mark.
        assert_eq!(fold("Göçmenlerin Ğ ş ı İstanbul"), "gocmenlerin g s i istanbul");
        assert_eq!(fold("Ștefan Țară Erdős Łódź"), "stefan tara erdos lodz");
        assert_eq!(fold("re\u{301}fugie\u{301}s"), "refugies");
        assert_eq!(fold("Œuvre Straße Ærø"), "oeuvre strasse aero");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("Méndez"), "mendez");
    }

    #[test]
    fn words_split_on_apostrophes_and_hyphens() {
        let w: Vec<String> = words("l'État's ill-treatment, 34 (d)").into_iter().map(|w| w.text).collect();
        assert_eq!(w, ["l", "État", "s", "ill", "treatment", "34", "d"]);
    }

    #[test]
    fn stop_words_numbers_and_single_letters_are_dropped() {
        assert_eq!(keys(Lang::En, "The State party should ensure that all 238 (a) victims"), ["victim", "#238"]);
        assert_eq!(keys(Lang::Fr, "L'État partie devrait veiller à ce que les victimes"), ["victim"]);
        assert_eq!(keys(Lang::Es, "El Estado parte debe velar por que las víctimas"), ["victim"]);
    }

    #[test]
    fn inflections_share_a_stem() {
        let a = keys(Lang::En, "tortured prosecutions");
        let b = keys(Lang::En, "torture prosecuted");
        assert!(a.contains(&"tortur".to_string()) && b.contains(&"tortur".to_string()));
        assert!(a.contains(&"prosecut".to_string()) && b.contains(&"prosecut".to_string()));
        // Accents do not matter once stemmed and folded, for words written correctly.
        assert_eq!(keys(Lang::Fr, "détention"), keys(Lang::Fr, "Détention"));
        assert!(keys(Lang::Es, "niños").contains(&"nin".to_string()));
    }

    #[test]
    fn concept_groups_join_synonyms() {
        let a = keys(Lang::En, "adequate compensation");
        let b = keys(Lang::En, "full reparation");
        assert!(a.contains(&"~reparation".to_string()) && b.contains(&"~reparation".to_string()));
        // Phrases match as a whole, once.
        let pushed = keys(Lang::En, "people pushed back at the border");
        assert_eq!(pushed.iter().filter(|k| *k == "~removal").count(), 1);
        let nr = keys(Lang::En, "the principle of non-refoulement");
        assert_eq!(nr.iter().filter(|k| *k == "~removal").count(), 1);
        assert!(keys(Lang::Fr, "les réfugiés").contains(&"~asylum".to_string()));
        assert!(keys(Lang::Es, "la no devolución").contains(&"~removal".to_string()));
    }

    #[test]
    fn numbers_and_identifiers() {
        let n = |t: &str| numbers(t).into_iter().map(|t| t.key).collect::<Vec<_>>();
        assert_eq!(n("Law 19.122 and Act No. 19122"), ["#19122", "#19122"]);
        assert_eq!(n("PL 733/2022, Bill No. 733/2022"), ["#733", "#733"]);
        assert_eq!(n("Law 9.263/96"), ["#9263"]);
        // Document symbols, one-digit numbers and numbers glued to letters are not identifiers.
        assert!(n("(CERD/C/URY/CO/16-20, para. 9), article 4 (a), the G20").is_empty());
    }

    #[test]
    fn phrase_stops_overrides_and_negations() {
        // "order" in "in order to" is not the "order" of a court order.
        assert!(!keys(Lang::En, "in order to reduce").contains(&"order".to_string()));
        assert!(keys(Lang::En, "a court order").contains(&"order".to_string()));
        // "universal" and "universities" no longer share a stem.
        assert_ne!(keys(Lang::En, "universal"), keys(Lang::En, "universities"));
        // "unemployment" also says "employment", a little; "desempleo", "empleo".
        let a = Analyzer::new(Lang::En).terms("unemployment");
        assert!(a.iter().any(|t| t.key == Analyzer::new(Lang::En).stem("employment") && t.weight < 1.0), "{a:?}");
        let e = Analyzer::new(Lang::Es).terms("desempleo");
        assert!(e.iter().any(|t| t.key == Analyzer::new(Lang::Es).stem("empleo")), "{e:?}");
        // Spanish filler counts for nothing.
        assert!(keys(Lang::Es, "Redoblar esfuerzos mediante campañas").iter().all(|k| !k.starts_with("redobl")));
    }

    #[test]
    fn the_state_name_is_ignored() {
        let mut a = Analyzer::new(Lang::En);
        a.ignore_words("Kazakhstan");
        let k: Vec<String> = a.terms("Kazakhstan and Kazakh authorities").into_iter().map(|t| t.key).collect();
        assert_eq!(k, ["author"]);
    }

    #[test]
    fn surfaces_are_kept() {
        let t = Analyzer::new(Lang::En).terms("Victims were tortured. Train Roma mediators and ILO staff");
        let surfaces: Vec<&str> = t.iter().filter(|t| !t.is_concept()).map(|t| t.surface.as_str()).collect();
        assert_eq!(surfaces, ["victims", "tortured", "train", "Roma", "mediators", "ILO", "staff"]);
    }

    #[test]
    fn language_detection() {
        assert_eq!(detect("The State party should ensure that the victims of torture have access to"), Lang::En);
        assert_eq!(detect("L'État partie devrait veiller à ce que les victimes de la torture aient accès"), Lang::Fr);
        assert_eq!(detect("El Estado parte debe velar por que las víctimas de la tortura tengan acceso"), Lang::Es);
        assert_eq!(detect(""), Lang::En);
    }
}
