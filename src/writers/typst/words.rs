//! The words of a generated Typst document as printed, footnotes apart (counted by
//! [`crate::doc::word_count::count_words`], the one counting rule).

use crate::doc::word_count::count_words;

use typst::syntax::{SyntaxKind, SyntaxNode};

/// The character an `Escape` node stands for: `\#` is `#`, `\u{41}` is `A`.
fn unescape(escape: &str) -> char {
    if let Some(hex) = escape.strip_prefix("\\u{").and_then(|rest| rest.strip_suffix('}')) {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
    }
    escape.chars().nth(1).unwrap_or(' ')
}

/// The words of a generated Typst document as a reader sees them printed, by
/// [`printed_words`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PrintedWords {
    /// Every word of the document's text, footnotes and the table of contents included.
    pub total: usize,
    /// Words inside footnotes.
    pub footnotes: usize,
    /// Words the table of contents repeats: the headings down to the outline's depth (when the
    /// document has an outline).
    pub contents: usize,
}

/// Counts the words of a generated Typst document (a rendered template) the way
/// [`count_words`] counts plain text: the text in markup and in content blocks, footnotes
/// apart, and the headings again when the document has a table of contents (`#outline`).
///
/// What the layout adds is not counted: section, list, footnote and page numbers, running
/// headers and footers, and text inside the Typst library's own functions; a cross-reference
/// counts as the two words it prints ("Section 4"). String literals are arguments (URLs,
/// metadata), not printed text.
pub fn printed_words(source: &str) -> PrintedWords {
    let root = typst::syntax::parse(source);
    let mut walk = Printed::default();
    walk.node(&root);
    let footnotes = count_words(&walk.notes);
    let contents = match walk.outline_depth {
        None => 0,
        Some(depth) => walk.headings.iter().filter(|(level, _)| *level <= depth).map(|(_, h)| count_words(h)).sum(),
    };
    PrintedWords { total: count_words(&walk.text) + contents + REF_WORDS * walk.refs, footnotes, contents }
}

/// The words a cross-reference prints: a supplement and a number, "Section 4".
const REF_WORDS: usize = 2;

/// State of the walk of [`printed_words`].
#[derive(Default)]
struct Printed {
    /// All printed text, footnotes included (set apart by spaces).
    text: String,
    /// Footnote text.
    notes: String,
    /// Inside a footnote (depth).
    in_note: usize,
    /// Headings with their level, in order.
    headings: Vec<(usize, String)>,
    /// The heading being read, if any.
    heading: Option<usize>,
    /// The outline's depth: `Some(usize::MAX)` for an outline of every level.
    outline_depth: Option<usize>,
    /// Cross-references (`#ref(…)`, `@label`), each printed as [`REF_WORDS`] words.
    refs: usize,
    /// Sources cited so far by `source-note`.
    cited: std::collections::HashSet<String>,
    /// The source of the last footnote, if it cited one.
    last_source: Option<String>,
}

impl Printed {
    /// Adds visible text.
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        if self.in_note > 0 {
            self.notes.push_str(s);
        }
        if self.heading.is_some()
            && let Some((_, h)) = self.headings.last_mut()
        {
            h.push_str(s);
        }
    }

    /// Walks one node.
    fn node(&mut self, node: &SyntaxNode) {
        match node.kind() {
            SyntaxKind::Text => self.push(node.leaf_text()),
            SyntaxKind::Escape => self.push(&unescape(node.leaf_text()).to_string()),
            SyntaxKind::Space | SyntaxKind::Linebreak | SyntaxKind::Parbreak | SyntaxKind::Shorthand => self.push(" "),
            SyntaxKind::SmartQuote => self.push("'"),
            SyntaxKind::Str => {}
            SyntaxKind::Heading => {
                let level = node.children().find(|c| c.kind() == SyntaxKind::HeadingMarker).map_or(1, |m| m.len());
                self.heading_with(level, node);
            }
            SyntaxKind::FuncCall => self.call(node),
            SyntaxKind::Ref => self.refs += 1,
            SyntaxKind::Args => {
                for child in node.children() {
                    // Arguments are laid out apart (cover lines, table cells).
                    self.push(" ");
                    self.node(child);
                }
            }
            _ => {
                for child in node.children() {
                    self.node(child);
                }
            }
        }
    }

    /// A footnote citing a source (`source-note("id", [full], [short])` in `amicus.typ`): the
    /// words of the form it prints, which depends on the notes before it.
    fn source_note(&mut self, args: Option<&SyntaxNode>) {
        let Some(args) = args else { return };
        let id = args.children().find(|c| c.kind() == SyntaxKind::Str).map(|c| c.leaf_text().to_string());
        let mut forms = args.children().filter(|c| c.kind() == SyntaxKind::ContentBlock);
        let (Some(id), Some(full), short) = (id, forms.next(), forms.next()) else { return };
        self.push(" ");
        self.in_note += 1;
        // Apart from the notes before and after it, in the notes' text too.
        self.push(" ");
        if self.last_source.as_ref() == Some(&id) {
            self.push("Ibid.");
        } else if self.cited.contains(&id) {
            if let Some(short) = short {
                self.node(short);
            }
            self.push(" above n 1.");
        } else {
            self.node(full);
        }
        self.push(" ");
        self.in_note -= 1;
        self.cited.insert(id.clone());
        self.last_source = Some(id);
    }

    /// Walks a heading's text at `level`.
    fn heading_with(&mut self, level: usize, node: &SyntaxNode) {
        self.push(" ");
        self.headings.push((level, String::new()));
        let outer = self.heading.replace(level);
        for child in node.children() {
            self.node(child);
        }
        self.heading = outer;
        self.push(" ");
    }

    /// A function call: footnotes, headings and outlines are told apart by name.
    fn call(&mut self, node: &SyntaxNode) {
        let callee = node.children().next().map(|c| c.full_text()).unwrap_or_default();
        let args = node.children().find(|c| c.kind() == SyntaxKind::Args);
        let named_int = |name: &str| {
            args.and_then(|a| {
                a.children().filter(|c| c.kind() == SyntaxKind::Named).find_map(|n| {
                    let mut parts = n.children().filter(|c| !c.kind().is_trivia());
                    let key = parts.next()?;
                    if key.leaf_text() != name {
                        return None;
                    }
                    parts.find(|c| c.kind() == SyntaxKind::Int).and_then(|v| v.leaf_text().parse::<usize>().ok())
                })
            })
        };
        match callee.as_str() {
            "source-note" => self.source_note(args),
            "footnote" => {
                self.last_source = None;
                self.push(" ");
                self.in_note += 1;
                for child in node.children() {
                    self.node(child);
                }
                self.in_note -= 1;
                self.push(" ");
            }
            "heading" => {
                let level = named_int("level").unwrap_or(1);
                self.heading_with(level, node);
            }
            "ref" => self.refs += 1,
            // A cross-reference by id: "Section 5, Title" (the title is its content block).
            "finding-ref" | "annex-ref" => {
                // `short: true` prints the number alone, which is not a word.
                let short = args.is_some_and(|a| {
                    a.children().any(|c| {
                        c.kind() == SyntaxKind::Named && c.children().next().is_some_and(|k| k.leaf_text() == "short")
                    })
                });
                if !short {
                    self.refs += 1;
                }
                for child in node.children() {
                    self.node(child);
                }
            }
            "raw" => {
                // A code span: its text is the string argument.
                let text = args.and_then(|a| a.children().find(|c| c.kind() == SyntaxKind::Str));
                if let Some(text) = text {
                    self.push(" ");
                    self.push(text.leaf_text().trim_matches('"'));
                    self.push(" ");
                }
            }
            "outline" => {
                self.outline_depth = Some(named_int("depth").unwrap_or(usize::MAX));
                for child in node.children() {
                    self.node(child);
                }
            }
            // `#recommendation([R3])[text]`: the number is not a word (nor is a list number).
            "recommendation" => {
                let mut content =
                    args.into_iter().flat_map(|a| a.children()).filter(|c| c.kind() == SyntaxKind::ContentBlock);
                let _number = content.next();
                for block in content {
                    self.push(" ");
                    self.node(block);
                }
            }
            _ => {
                for child in node.children() {
                    self.node(child);
                }
            }
        }
    }
}

#[cfg(test)]
mod printed_tests {
    use super::*;

    #[test]
    fn a_source_cited_again_counts_the_form_printed() {
        let source = r#"A.#source-note("a", [One two three.], [One]); B.#source-note("a", [One two three.], [One]);
C.#footnote[Our note.] D.#source-note("a", [One two three.], [One]);"#;
        let p = printed_words(source);
        // In full (3), "Ibid." (1), our note (2), then "One, above n 1." (4).
        assert_eq!(p.footnotes, 3 + 1 + 2 + 4);
        assert_eq!(p.total, 4 + p.footnotes);
    }

    #[test]
    fn printed_words_of_a_generated_document() {
        let source = r#"#import "amicus.typ": *
#show: setup.with(title: "Not printed: a string", lang: "en")
#cover(kicker: [Joint submission], state: [Kazakhstan])
#outline(title: [Contents], depth: 2)
= About us
Text with a note.#footnote[A source, 2024.] And #emph[more] words.
#heading(level: 2)[Deep heading]
#heading(level: 3)[Deeper, not in contents]
#table([*No.*], [R1 text], [#ref(label("x"))])
#raw("code span")
"#;
        let p = printed_words(source);
        assert_eq!(p.footnotes, 3);
        // "About us" and "Deep heading" again in the contents.
        assert_eq!(p.contents, 4);
        // Joint submission Kazakhstan Contents About us Text with a note. A source, 2024. And
        // more words. Deep heading Deeper, not in contents No. R1 text code span (27), the
        // contents (4) and "Section n" for the reference (2).
        assert_eq!(p.total, 27 + 4 + 2);
    }
}
