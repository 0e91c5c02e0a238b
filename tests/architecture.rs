//! The shape of the code, checked (see `docs/architecture.md`): every module of `src/` belongs
//! to one layer, and imports run downward only — a module uses modules of lower layers and
//! files of its own folder, never a layer above it; and no two files import each other, however
//! indirectly.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, bottom first: a top-level module may import only modules of a lower layer.
/// Keep in step with the table in `docs/architecture.md`.
const LAYERS: &[&[&str]] = &[
    &["date", "diag", "fs"],
    &["model", "i18n"],
    &["compile", "doc"],
    &["writers"],
    &["load", "import"],
    &["report", "suggest"],
    &["brief"],
    &["check"],
    &["pipeline", "ci"],
    &["cli"],
    &["schema"],
    &["scaffold"],
    &["commands", "main", "lib"],
];

/// The layer of a top-level module.
fn layer(top: &str) -> usize {
    LAYERS
        .iter()
        .position(|l| l.contains(&top))
        .unwrap_or_else(|| panic!("src/{top} is in no layer: add it to LAYERS here and to docs/architecture.md"))
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file: `src/load/mod.rs` → `load`, `src/writers/typst/escape.rs` →
/// `writers::typst::escape`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src").with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a file that ships: comments dropped, and everything from the first
/// `#[cfg(test)]` module on (tests may reach anywhere).
fn shipped_code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") && lines.peek().is_some_and(|n| n.trim_start().starts_with("mod ")) {
            break;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        let code = match line.find("//") {
            // A `//` inside a string ("https://…") is not a comment; a crude test is enough
            // here: no quote before it on the line.
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        };
        out.push_str(code);
        out.push('\n');
    }
    out
}

/// The paths a piece of code names, as written after `crate::` (with `use crate::{a, b::c}`
/// groups expanded one level) or after `super::`, made absolute.
fn named_paths(code: &str, here: &[String], is_mod_file: bool) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let ident = |s: &str| s.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect::<String>();
    for (at, _) in code.match_indices("crate::") {
        if code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let rest = &code[at + "crate::".len()..];
        let path = ident(rest);
        let base: Vec<String> = path.split("::").filter(|s| !s.is_empty()).map(str::to_owned).collect();
        let after = &rest[path.len()..];
        if let Some(group) = after.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for item in group.split(',') {
                let item = ident(item.trim());
                let mut p = base.clone();
                p.extend(item.split("::").filter(|s| !s.is_empty() && *s != "self").map(str::to_owned));
                out.push(p);
            }
        } else {
            out.push(base);
        }
    }
    for (at, _) in code.match_indices("super::") {
        if code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let mut rest = &code[at..];
        let mut base: Vec<String> = here.to_vec();
        // A file `a/b.rs` is module `a::b`, and `super` is `a`; `a/b/mod.rs` is also `a::b`.
        let _ = is_mod_file;
        while let Some(r) = rest.strip_prefix("super::") {
            base.pop();
            rest = r;
        }
        let path = ident(rest);
        base.extend(path.split("::").filter(|s| !s.is_empty()).map(str::to_owned));
        out.push(base);
    }
    out
}

/// The module file a path lands in: its longest prefix that is a file of `src/`.
fn file_of(path: &[String], modules: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    (1..=path.len()).rev().map(|n| path[..n].to_vec()).find(|p| modules.contains(p))
}

struct Tree {
    /// Module path → its shipped code's imports (module files), tests left out.
    imports: BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
}

fn tree() -> Tree {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let is_test = |m: &[String]| m.iter().any(|p| p == "tests");
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut imports = BTreeMap::new();
    for file in &files {
        let here = module_of(&src, file);
        if is_test(&here) {
            continue;
        }
        let code = shipped_code(&std::fs::read_to_string(file).expect("read"));
        let is_mod = file.file_name().is_some_and(|n| n == "mod.rs");
        let targets: BTreeSet<Vec<String>> = named_paths(&code, &here, is_mod)
            .iter()
            .filter_map(|p| file_of(p, &modules))
            .filter(|t| *t != here && !is_test(t))
            .collect();
        imports.insert(here, targets);
    }
    Tree { imports }
}

#[test]
fn imports_run_downward_only() {
    let tree = tree();
    let mut upward = Vec::new();
    for (from, targets) in &tree.imports {
        let Some(top) = from.first() else { continue };
        for to in targets {
            if to[0] != *top && layer(&to[0]) >= layer(top) {
                upward.push(format!("{} -> {}", from.join("::"), to.join("::")));
            }
        }
    }
    assert!(upward.is_empty(), "imports running up (or across) the layers:\n{}", upward.join("\n"));
}

#[test]
fn no_two_files_import_each_other() {
    let tree = tree();
    // Tarjan's strongly connected components over the file graph.
    struct State<'a> {
        graph: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<&'a [String], usize>,
        low: BTreeMap<&'a [String], usize>,
        stack: Vec<&'a [String]>,
        on_stack: BTreeSet<&'a [String]>,
        circles: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a [String]) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.graph.get(v).into_iter().flatten() {
            let w = w.as_slice();
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).expect("visited");
                *lv = (*lv).min(lw);
            } else if s.on_stack.contains(w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).expect("visited");
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut circle = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                circle.push(w.join("::"));
                if w == v {
                    break;
                }
            }
            if circle.len() > 1 {
                circle.sort();
                s.circles.push(circle);
            }
        }
    }
    let mut s = State {
        graph: &tree.imports,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        circles: Vec::new(),
    };
    for v in tree.imports.keys() {
        if !s.index.contains_key(v.as_slice()) {
            visit(&mut s, v);
        }
    }
    let circles: Vec<String> = s.circles.iter().map(|c| c.join(" ⇄ ")).collect();
    assert!(circles.is_empty(), "import circles:\n{}", circles.join("\n"));
}
