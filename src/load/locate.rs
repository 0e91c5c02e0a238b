//! Finding where a key path sits in a YAML text.
//!
//! serde_yaml keeps no positions in its values, so positions come from a second reading of
//! the text: [`Index::new`] runs saphyr-parser, a pure-Rust YAML 1.2 event parser, once over
//! the file and records where every value and every key of every key path starts. Locating a
//! problem is then one hash lookup, so `check` stays linear in the size of the file however
//! many problems it finds (it used to parse the whole file again for each one). serde_yaml
//! remains the deserializer; the positions agree with the ones serde_yaml itself puts on its
//! errors (the tests below compare the two on every fixture).

use saphyr_parser::{Event, ScalarStyle};
use std::collections::HashMap;

/// One step of a key path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Seg {
    /// A mapping key.
    Key(String),
    /// A sequence index (0-based).
    Index(usize),
}

/// Formats a path the way users read it: `findings[2].recommendations[0].text`.
pub fn path_string(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// What to point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    /// The value at the path (for a mapping or list: where it starts).
    Value,
    /// The key that ends the path, in its `n`-th occurrence (0-based) in its mapping; used for
    /// unknown and duplicate keys.
    Key(usize),
}

/// A 1-based (line, column) position; the column counts characters, as serde_yaml's do.
pub type Position = (usize, usize);

/// Where every value and key of one YAML text starts, by key path; built in one pass.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// The start of the value at each path (for a mapping or list: where it starts). With
    /// duplicate keys the first occurrence wins, as serde_yaml reads the first.
    values: HashMap<Vec<Seg>, Position>,
    /// The start of each occurrence of the key that ends each path, in document order.
    keys: HashMap<Vec<Seg>, Vec<Position>>,
    /// Whether the text uses aliases (`*name`). serde_yaml reads an alias as a copy of its
    /// anchored value and so places it there; the index places the alias where it is written,
    /// and does not index inside it (a problem inside is shown at the alias).
    aliases: bool,
}

/// The deepest nesting indexed: serde_yaml refuses more than 128 levels.
const MAX_DEPTH: usize = 130;

/// What the parser is inside of while [`Index::new`] walks the events.
enum Open {
    /// A mapping at a path: waiting for a key, or for the value of `key`.
    Map {
        /// The mapping's own path.
        path: Vec<Seg>,
        /// The key whose value comes next (`None`: a key comes next).
        key: Option<Option<String>>,
    },
    /// A list at a path, and the index of the next item.
    Seq {
        /// The list's own path.
        path: Vec<Seg>,
        /// The index of the next item.
        next: usize,
    },
    /// A list or mapping that is not indexed, only skipped: used as a mapping key
    /// (`as_key`), or inside one.
    Skip {
        /// Whether this is the key itself, so that its mapping expects the value next.
        as_key: bool,
    },
}

impl Index {
    /// Reads `text` once. A text with a syntax error is indexed up to the error; only the
    /// first document is indexed (serde_yaml refuses a second one anyway).
    pub fn new(text: &str) -> Index {
        let mut index = Index::default();
        let mut open: Vec<Open> = Vec::new();
        let mut started = false;
        let lines = Lines::new(text);
        for event in saphyr_parser::Parser::new_from_str(text) {
            let Ok((event, span)) = event else { break };
            let at = lines.as_libyaml(&event, (span.start.line(), span.start.col() + 1));
            match event {
                Event::DocumentStart(_) => {
                    if started {
                        break;
                    }
                    started = true;
                }
                Event::DocumentEnd | Event::StreamEnd => break,
                Event::Scalar(value, style, ..) => {
                    let key = if style == ScalarStyle::Plain { plain_key(&value) } else { value.into_owned() };
                    index.node(&mut open, at, Some(key), None);
                }
                Event::Alias(_) => {
                    index.aliases = true;
                    index.node(&mut open, at, None, None);
                }
                Event::MappingStart(..) => index.node(&mut open, at, None, Some(true)),
                Event::SequenceStart(..) => index.node(&mut open, at, None, Some(false)),
                Event::MappingEnd | Event::SequenceEnd => {
                    if !matches!(open.pop(), Some(Open::Skip { as_key: true })) {
                        Index::value_done(&mut open);
                    }
                }
                Event::Nothing | Event::StreamStart => {}
            }
        }
        index
    }

    /// Records one node that starts at `at`: a scalar (with its text, usable as a key), an
    /// alias, or the start of a mapping (`Some(true)`) or list (`Some(false)`).
    fn node(&mut self, open: &mut Vec<Open>, at: Position, scalar: Option<String>, container: Option<bool>) {
        // Deeper than serde_yaml reads is not indexed: paths that long would make the index
        // quadratic in the depth of a pathological file.
        let too_deep = open.len() >= MAX_DEPTH;
        let path = match open.last_mut() {
            None => Some(Vec::new()),
            Some(Open::Skip { .. }) => None,
            Some(_) if too_deep => None,
            Some(Open::Map { path, key: key @ None }) => {
                // A key.
                let text = if container.is_some() { None } else { scalar };
                if let Some(k) = &text {
                    let mut p = path.clone();
                    p.push(Seg::Key(k.clone()));
                    self.keys.entry(p).or_default().push(at);
                }
                *key = Some(text);
                if container.is_some() {
                    open.push(Open::Skip { as_key: true });
                }
                return;
            }
            Some(Open::Map { path, key: Some(k) }) => k.as_ref().map(|k| {
                let mut p = path.clone();
                p.push(Seg::Key(k.clone()));
                p
            }),
            Some(Open::Seq { path, next }) => {
                let mut p = path.clone();
                p.push(Seg::Index(*next));
                *next += 1;
                Some(p)
            }
        };
        if let Some(p) = &path {
            self.values.entry(p.clone()).or_insert(at);
        }
        match (container, path) {
            (Some(true), Some(path)) => open.push(Open::Map { path, key: None }),
            (Some(false), Some(path)) => open.push(Open::Seq { path, next: 0 }),
            (Some(_), None) => open.push(Open::Skip { as_key: false }),
            (None, _) => Index::value_done(open),
        }
    }

    /// After a whole value: a mapping waits for its next key.
    fn value_done(open: &mut [Open]) {
        if let Some(Open::Map { key, .. }) = open.last_mut() {
            *key = None;
        }
    }

    /// The position of the path's target, or `None` if the path is not in the text.
    pub fn get(&self, path: &[Seg], target: Target) -> Option<Position> {
        match target {
            Target::Value => self.values.get(path).copied(),
            Target::Key(n) => self.keys.get(path).and_then(|all| all.get(n)).copied(),
        }
    }
}

/// The lines of the text, to move saphyr-parser's positions to where libyaml (serde_yaml's
/// parser) puts the same events, so that the index and serde_yaml's own errors agree.
struct Lines<'t> {
    /// The lines, without their line breaks.
    lines: Vec<&'t str>,
}

impl<'t> Lines<'t> {
    /// Splits the text.
    fn new(text: &'t str) -> Lines<'t> {
        Lines { lines: text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect() }
    }

    /// The characters of 1-based line `line` before 1-based column `col`.
    fn before(&self, line: usize, col: usize) -> Option<String> {
        self.lines.get(line.checked_sub(1)?).map(|l| l.chars().take(col.saturating_sub(1)).collect())
    }

    /// libyaml's position of the event saphyr-parser reports at `at`:
    /// - a block scalar (`|`, `>`) starts at its indicator, not at its first line of text;
    /// - an empty value after `key:` starts just after the colon;
    /// - a list written without indentation under its key starts at its first `-`.
    fn as_libyaml(&self, event: &Event, at: Position) -> Position {
        match event {
            Event::Scalar(_, ScalarStyle::Literal | ScalarStyle::Folded, ..) => self.block_indicator(at).unwrap_or(at),
            Event::Scalar(value, ScalarStyle::Plain, ..) if value.is_empty() => {
                let here = self.lines.get(at.0.wrapping_sub(1)).and_then(|l| l.chars().nth(at.1 - 1));
                // saphyr-parser puts an empty value at its `:` or `-`, or past it (at the end of
                // the line); an anchor or tag of the empty value is where libyaml puts it too.
                let indicator = match here {
                    Some(c @ (':' | '-')) => Some((at, c)),
                    None | Some(' ' | '\t') => self.previous_token(at),
                    Some(_) => None,
                };
                match indicator {
                    // In a flow collection the empty value is where the next `,`, `]` or `}`
                    // is (libyaml puts it at the token that ends it); in a block, just after
                    // the colon.
                    Some((colon, ':')) => match self.next_token((colon.0, colon.1 + 1)) {
                        Some((next, ',' | ']' | '}')) => next,
                        _ => (colon.0, colon.1 + 1),
                    },
                    // An empty list item: just after its `-`.
                    Some((dash, '-')) => (dash.0, dash.1 + 1),
                    _ => at,
                }
            }
            Event::SequenceStart(..) => {
                let here = self.lines.get(at.0.wrapping_sub(1)).and_then(|l| l.chars().nth(at.1 - 1));
                if here == Some('-') {
                    return at;
                }
                let before = self.before(at.0, at.1).unwrap_or_default();
                let trimmed = before.trim_end_matches(' ');
                // A `-` is an indicator when a space or the end of its line follows it.
                if (trimmed.len() < before.len() || here.is_none()) && trimmed.ends_with('-') {
                    (at.0, trimmed.chars().count())
                } else {
                    at
                }
            }
            _ => at,
        }
    }

    /// The first character at or after `from` that is not a space, a tab, a line break or in
    /// a comment, with its position.
    fn next_token(&self, from: Position) -> Option<(Position, char)> {
        let mut col = from.1;
        for line in from.0..=self.lines.len() {
            let text = self.lines.get(line - 1)?;
            let mut previous_blank = col == 1 || text.chars().nth(col - 2).is_some_and(|c| c == ' ' || c == '\t');
            for (i, c) in text.chars().enumerate().skip(col - 1) {
                match c {
                    ' ' | '\t' => previous_blank = true,
                    '#' if previous_blank => break,
                    _ => return Some(((line, i + 1), c)),
                }
            }
            col = 1;
        }
        None
    }

    /// The last character before `at` that is not a space, a tab, a line break or in a
    /// comment, with its position.
    fn previous_token(&self, at: Position) -> Option<(Position, char)> {
        for line in (1..=at.0).rev() {
            let text: Vec<char> = self.lines.get(line - 1)?.chars().collect();
            let end = if line == at.0 { (at.1 - 1).min(text.len()) } else { text.len() };
            // A comment starts at a `#` at the start of the line or after a space or tab.
            let code =
                (0..end).find(|&i| text[i] == '#' && (i == 0 || matches!(text[i - 1], ' ' | '\t'))).unwrap_or(end);
            if let Some(i) = (0..code).rev().find(|&i| !matches!(text[i], ' ' | '\t')) {
                return Some(((line, i + 1), text[i]));
            }
        }
        None
    }

    /// Where the `|` or `>` of the block scalar whose text starts at `at` is: at the end of the
    /// closest line above (or the text before `at` on its line) that is not blank or only a
    /// comment.
    fn block_indicator(&self, at: Position) -> Option<Position> {
        for line in (1..=at.0).rev() {
            let text = if line == at.0 { self.before(at.0, at.1)? } else { self.lines.get(line - 1)?.to_string() };
            // A comment starts at a `#` after a space (or at the start of the line).
            let code =
                match text.char_indices().find(|&(i, c)| c == '#' && (i == 0 || text[..i].ends_with([' ', '\t']))) {
                    Some((i, _)) => &text[..i],
                    None => text.as_str(),
                };
            let code = code.trim_end();
            if code.trim().is_empty() {
                continue;
            }
            let token_start = code.rfind([' ', '\t']).map_or(0, |i| i + 1);
            let token = &code[token_start..];
            return token.starts_with(['|', '>']).then(|| (line, code[..token_start].chars().count() + 1));
        }
        None
    }
}

/// A plain (unquoted) scalar used as a key, as serde_yaml hands it to a key visitor: `~` and
/// `null` are `null`, numbers are written the way Rust prints them (`0x1F` is `31`).
fn plain_key(value: &str) -> String {
    match value {
        "" | "~" | "null" | "Null" | "NULL" => return "null".into(),
        "true" | "True" | "TRUE" => return "true".into(),
        "false" | "False" | "FALSE" => return "false".into(),
        _ => {}
    }
    if value.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+' || c == '.') {
        let digits = value.strip_prefix('+').unwrap_or(value);
        let radix = |prefix: &str, radix: u32| {
            digits.strip_prefix(prefix).and_then(|d| i128::from_str_radix(d, radix).ok()).map(|n| n.to_string())
        };
        if let Some(n) = radix("0x", 16).or_else(|| radix("0o", 8)).or_else(|| radix("0b", 2)) {
            return n;
        }
        if let Ok(n) = digits.parse::<i128>() {
            return n.to_string();
        }
        if let Ok(f) = digits.parse::<f64>() {
            return f.to_string();
        }
    }
    value.to_owned()
}

/// 1-based (line, column) of the path's target in `text`, or `None` if the path is not there.
///
/// Indexes the whole text for one answer: to locate many paths, build an [`Index`] once (a
/// [`super::SourceFile`] keeps one).
pub fn locate(text: &str, path: &[Seg], target: Target) -> Option<Position> {
    Index::new(text).get(path, target)
}

#[cfg(test)]
#[path = "locate_probe.rs"]
mod probe;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every (path, target) the index knows, with its position.
    fn everything(index: &Index) -> Vec<(Vec<Seg>, Target, Position)> {
        let mut all: Vec<_> = index.values.iter().map(|(p, at)| (p.clone(), Target::Value, *at)).collect();
        for (p, ats) in &index.keys {
            all.extend(ats.iter().enumerate().map(|(n, at)| (p.clone(), Target::Key(n), *at)));
        }
        all.sort();
        all
    }

    /// Asserts that the index and serde_yaml agree on every path of `text`, and that the index
    /// knows every path of the document serde_yaml reads.
    fn agrees_with_serde_yaml(name: &str, text: &str) {
        let index = Index::new(text);
        let all = everything(&index);
        assert!(!all.is_empty(), "{name}: nothing indexed");
        // The oracle parses the whole text once per path: in a long file, every n-th path
        // (spread over the whole file, keys and values alike) keeps the test quick.
        let step = all.len().div_ceil(120);
        let mut wrong = Vec::new();
        for (path, target, at) in all.into_iter().step_by(step) {
            if index.aliases && text.lines().nth(at.0 - 1).and_then(|l| l.chars().nth(at.1 - 1)) == Some('*') {
                continue;
            }
            let want = probe::locate(text, &path, target);
            if Some(at) != want {
                wrong.push(format!("{} ({target:?}): index {at:?}, serde_yaml {want:?}", path_string(&path)));
            }
        }
        assert!(wrong.is_empty(), "{name}:\n{}", wrong.join("\n"));
        if let Ok(node) = serde_yaml::from_str::<super::super::node::Node>(text)
            && !index.aliases
        {
            let mut paths = Vec::new();
            node_paths(&node, &mut Vec::new(), &mut paths);
            for p in paths {
                assert!(index.get(&p, Target::Value).is_some(), "{name}: {} not indexed", path_string(&p));
            }
        }
    }

    /// The paths of every value in a tree, first occurrence of a duplicate key only.
    fn node_paths(node: &super::super::node::Node, at: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
        use super::super::node::Node;
        out.push(at.clone());
        match node {
            Node::Seq(items) => {
                for (i, item) in items.iter().enumerate() {
                    at.push(Seg::Index(i));
                    node_paths(item, at, out);
                    at.pop();
                }
            }
            Node::Map(entries) => {
                let mut seen = std::collections::HashSet::new();
                for (k, v) in entries {
                    let Some(k) = k.as_text() else { continue };
                    if !seen.insert(k.clone()) || k.starts_with('!') {
                        continue;
                    }
                    at.push(Seg::Key(k));
                    node_paths(v, at, out);
                    at.pop();
                }
            }
            _ => {}
        }
    }

    /// Every YAML file under a folder of the repository.
    fn yaml_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                yaml_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                out.push(path);
            }
        }
    }

    #[test]
    fn agrees_with_serde_yaml_on_every_yaml_file_in_the_repository() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        yaml_files(&root.join("submissions"), &mut files);
        yaml_files(&root.join("tests/fixtures"), &mut files);
        assert!(files.len() > 20, "the fixtures are missing");
        for file in files {
            let Ok(text) = std::fs::read_to_string(&file) else { continue };
            // The oracle reads a file once per path: on the deep-nesting fixture serde_yaml
            // takes long to give up each time (the index itself is covered by the test below).
            let too_deep = |e: serde_yaml::Error| e.to_string().contains("recursion limit");
            if text.trim().is_empty()
                || text.starts_with('\u{feff}')
                || serde_yaml::from_str::<super::super::node::Node>(&text).map_err(too_deep).err() == Some(true)
            {
                continue;
            }
            agrees_with_serde_yaml(&file.display().to_string(), &text);
        }
    }

    #[test]
    fn agrees_with_serde_yaml_on_awkward_yaml() {
        let cases = [
            "a:\n- x\n- y\nb: z\n",
            "a:\n  - {k: 1, \"q k\": [1, 2]}\n  - 'single'\n  -\n  - ~\n",
            "text: |\n  line one\n  line two\nnext: >-\n  folded\n  text\nlast:\n",
            "plain: runs on\n  to the next line\nafter: 1\n",
            "1: one\n0x10: sixteen\ntrue: yes\nnull: nothing\n2.5: half\n",
            "base: &b {x: 1}\nuse: *b\nlist: [*b, 2]\n",
            "? complex\n: value\nk: v\n",
            "? [a, b]\n: value\nk: v\n",
            "# comment\n\nkey: value # trailing\n---\nsecond: doc\n",
            "a: Кириллица\nb: \"ёж\"\nc: [ü, ğ]\n",
            "findings:\n  - id: a\n    title: One\n    title: Two\n    recommendations:\n      - id: r1\n        text: x\n",
            "- top\n- - nested\n  - list\n- key: v\n  other: w\n",
        ];
        for text in cases {
            agrees_with_serde_yaml(text, text);
        }
    }

    #[test]
    fn an_alias_is_placed_where_it_is_written() {
        let text = "base: &b {x: 1}\nuse: *b\n";
        let index = Index::new(text);
        assert_eq!(index.get(&[key("use")], Target::Value), Some((2, 6)));
        assert_eq!(index.get(&[key("use"), key("x")], Target::Value), None);
        assert_eq!(index.get(&[key("base"), key("x")], Target::Value), Some((1, 14)));
    }

    #[test]
    fn deep_nesting_is_indexed_down_to_serde_yamls_limit_only() {
        let text = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let index = Index::new(&text);
        assert_eq!(index.get(&[], Target::Value), Some((1, 1)));
        assert_eq!(index.get(&vec![Seg::Index(0); 5], Target::Value), Some((1, 6)));
        assert_eq!(index.get(&vec![Seg::Index(0); 129], Target::Value), Some((1, 130)));
        assert_eq!(index.get(&vec![Seg::Index(0); 131], Target::Value), None);
        assert!(index.values.len() <= MAX_DEPTH + 1);
    }

    #[test]
    fn a_syntax_error_leaves_what_came_before_it_indexed() {
        let text = "a: 1\nb: [unclosed\nc: 3\n";
        assert_eq!(locate(text, &[key("a")], Target::Value), Some((1, 4)));
    }

    proptest! {
        // Most random texts are not YAML serde_yaml reads: they are rejected, not failures.
        #![proptest_config(ProptestConfig { cases: 512, max_global_rejects: 100_000, ..ProptestConfig::default() })]

        /// On any text serde_yaml reads, the index agrees with it wherever both see a value.
        #[test]
        fn agrees_with_serde_yaml_on_any_text(text in "([a-z]{1,3}|[-:{}\\[\\],'\" |>&*#]|\n {0,4}){0,60}") {
            prop_assume!(serde_yaml::from_str::<super::super::node::Node>(&text).is_ok());
            prop_assume!(!anchor_names_differ(&text));
            let index = Index::new(&text);
            if index.aliases {
                // Placed differently on purpose: see `Index::aliases`.
                return Ok(());
            }
            for (path, target, at) in everything(&index) {
                prop_assert_eq!(Some(at), probe::locate(&text, &path, target), "{}", path_string(&path));
            }
        }
    }

    /// Whether `text` has an anchor or alias name that libyaml (serde_yaml) and YAML 1.2
    /// (saphyr-parser) end at different places: libyaml's names are letters, digits, `-` and
    /// `_`, YAML 1.2's run to a space or a flow indicator, so `&a:{b` is the anchor `a` before
    /// `:{b` for one and the anchor `a:` before `{b` for the other. No submission names anchors
    /// so; the two parsers then read different documents, and positions cannot agree.
    fn anchor_names_differ(text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        chars.iter().enumerate().filter(|&(_, c)| matches!(c, '&' | '*')).any(|(i, _)| {
            let rest = chars[i + 1..].iter().skip_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'));
            rest.take(1).any(|c| !c.is_whitespace() && !matches!(c, ',' | '[' | ']' | '{' | '}'))
        })
    }

    /// Texts on which the property test above once found the index and serde_yaml apart: an
    /// empty value in a flow collection (libyaml puts it at the `]`, `}` or `,` that ends it)
    /// a list item whose `-` ends its line, and an empty list item.
    #[test]
    fn agrees_where_the_property_test_once_disagreed() {
        for text in [
            "[a:\n]",
            "{a: }",
            "[a: , b]",
            "{a: # note\n, b: 1}",
            "a:\n-\n aa",
            "a:\n- \n aa",
            "a:\nb:\n",
            "- ",
            "-\n- x",
            "- # c\n- x",
            "a:\n &a",
        ] {
            agrees_with_serde_yaml(text, text);
        }
    }

    const DOC: &str = "committee: CCPR\nfindings:\n  - id: a\n    title: One\n  - id: b\n    title: Two\n    title: Again\n    recommendations:\n      - {id: r1, text: \"Do it\"}\n";

    fn key(k: &str) -> Seg {
        Seg::Key(k.into())
    }

    #[test]
    fn finds_values_keys_and_duplicates() {
        assert_eq!(locate(DOC, &[key("committee")], Target::Value), Some((1, 12)));
        assert_eq!(locate(DOC, &[key("findings"), Seg::Index(1), key("title")], Target::Value), Some((6, 12)));
        assert_eq!(locate(DOC, &[key("findings"), Seg::Index(1), key("title")], Target::Key(1)), Some((7, 5)));
        let text = [key("findings"), Seg::Index(1), key("recommendations"), Seg::Index(0), key("text")];
        assert_eq!(locate(DOC, &text, Target::Value), Some((9, 24)));
        assert_eq!(locate(DOC, &[key("findings"), Seg::Index(5)], Target::Value), None);
        assert_eq!(locate(DOC, &[key("nope")], Target::Value), None);
    }

    #[test]
    fn paths_read_naturally() {
        assert_eq!(path_string(&[key("findings"), Seg::Index(2), key("title")]), "findings[2].title");
    }
}
