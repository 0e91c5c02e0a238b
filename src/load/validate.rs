//! Checks a YAML tree against the JSON Schema generated from the model, collecting every
//! problem instead of stopping at the first as serde does.
//!
//! The schema is the one `amicus schema` prints, so editors, this validator and the Rust
//! types can never disagree. Only the parts of JSON Schema that schemars emits are handled:
//! `$ref`, `type`, `properties`, `required`, `additionalProperties`, `items`, `enum`,
//! `const`, `oneOf`/`anyOf`, `minimum`/`maximum`.

use super::locate::{Seg, Target};
use super::node::Node;
use crate::diag::did_you_mean;
use serde_json::Value;

/// A problem found by validation, located by key path.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where: the key path.
    pub path: Vec<Seg>,
    /// Whether to point at the value or at the key.
    pub target: Target,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

/// Validates `node` against the schema `root` (a schemars root with `$defs`), starting at
/// the sub-schema `schema`.
pub fn validate(node: &Node, schema: &Value, root: &Value) -> Vec<Problem> {
    let mut v = Validator { root, out: Vec::new() };
    // The root is named after its type: "a submission", "a finding".
    let what = match root.get("title").and_then(Value::as_str) {
        Some(title) => format!("a {}", noun(title)),
        None => "the file".to_owned(),
    };
    v.check(node, schema, &mut Vec::new(), &what);
    v.out
}

/// The walk's state.
struct Validator<'r> {
    /// The schema root, for `$ref`.
    root: &'r Value,
    /// Problems found so far.
    out: Vec<Problem>,
}

/// "RecommendationAssessment" → "recommendation assessment".
fn noun(def: &str) -> String {
    let mut out = String::new();
    for (i, c) in def.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    out
}

impl<'r> Validator<'r> {
    /// Follows `$ref`s; returns the schema and, when a ref was followed, a noun for it.
    fn resolve(&self, schema: &'r Value) -> (&'r Value, Option<String>) {
        let mut s = schema;
        let mut name = None;
        for _ in 0..16 {
            let Some(r) = s.get("$ref").and_then(Value::as_str) else {
                break;
            };
            let def = r.rsplit('/').next().unwrap_or(r);
            match self.root.get("$defs").and_then(|d| d.get(def)) {
                Some(target) => {
                    name = Some(noun(def));
                    s = target;
                }
                None => break,
            }
        }
        (s, name)
    }

    fn push(&mut self, path: &[Seg], target: Target, message: String, hint: Option<String>) {
        self.out.push(Problem { path: path.to_vec(), target, message, hint });
    }

    /// Validates one node. `what` names the value for messages ("a finding", "`title`").
    fn check(&mut self, node: &Node, schema: &'r Value, path: &mut Vec<Seg>, what: &str) {
        let (schema, def_name) = self.resolve(schema);
        let description = schema.get("description").and_then(Value::as_str).map(one_line);
        let description = description.as_deref();

        // Choices: enums written as oneOf of consts, or alternatives such as Option<T>.
        for key in ["oneOf", "anyOf"] {
            if let Some(branches) = schema.get(key).and_then(Value::as_array) {
                self.check_choice(node, branches, path, what, description);
                return;
            }
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            self.check_enum(node, values, &[], path, what, description);
            return;
        }
        if let Some(c) = schema.get("const") {
            self.check_enum(node, std::slice::from_ref(c), &[], path, what, description);
            return;
        }

        let types: Vec<&str> = match schema.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ => return,
        };
        if !types.iter().any(|t| type_matches(t, node)) {
            let expected = types.iter().map(|t| type_words(t)).collect::<Vec<_>>().join(" or ");
            let message = if matches!(node, Node::Null) {
                format!("{what} is empty, but it should be {expected}")
            } else {
                format!("{what} should be {expected}, but here it is {}", node.kind())
            };
            let hint = type_fix(&types, node).or_else(|| description.map(str::to_owned));
            self.push(path, Target::Value, message, hint);
            return;
        }
        // Values with a form of their own (`"format"`), read as the model reads them.
        if schema.get("format").and_then(Value::as_str) == Some("article")
            && !matches!(node, Node::Int(_))
            && let Some(text) = node.as_text()
            && let Err((message, hint)) = crate::model::Article::parse(&text)
        {
            self.push(path, Target::Value, format!("{what}: {message}"), Some(hint));
            return;
        }
        match node {
            Node::Map(entries) => {
                let owner = def_name.map(|n| format!("a {n}")).unwrap_or_else(|| what.to_owned());
                self.check_object(entries, schema, path, &owner);
            }
            Node::Seq(items) => {
                if let Some(item_schema) = schema.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        path.push(Seg::Index(i));
                        let item_what = format!("item {} of {what}", i + 1);
                        self.check(item, item_schema, path, &item_what);
                        path.pop();
                    }
                }
            }
            Node::Int(n) => {
                let min = schema.get("minimum").and_then(Value::as_f64);
                let max = schema.get("maximum").and_then(Value::as_f64);
                let n = *n as f64;
                if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
                    let range = match (min, max) {
                        (Some(a), Some(b)) => format!("from {a} to {b}"),
                        (Some(a), None) => format!("{a} or more"),
                        (None, Some(b)) => format!("{b} or less"),
                        (None, None) => unreachable!("checked above"),
                    };
                    self.push(path, Target::Value, format!("{what} must be {range}"), description.map(str::to_owned));
                }
            }
            _ => {}
        }
    }

    fn check_object(&mut self, entries: &[(Node, Node)], schema: &'r Value, path: &mut Vec<Seg>, owner: &str) {
        let props = schema.get("properties").and_then(Value::as_object);
        let prop = |k: &str| props.and_then(|p| p.get(k));
        let names: Vec<&str> = props.map(|p| p.keys().map(String::as_str).collect()).unwrap_or_default();
        let closed = schema.get("additionalProperties") == Some(&Value::Bool(false));
        let mut seen: Vec<String> = Vec::new();
        // Required fields that an unknown key was probably meant to be: the typo's message
        // already says so, a second "missing" message would only repeat it.
        let mut meant: Vec<&str> = Vec::new();
        for (k, v) in entries {
            let key = k.as_text().unwrap_or_else(|| "null".into());
            let occurrence = seen.iter().filter(|s| **s == key).count();
            seen.push(key.clone());
            path.push(Seg::Key(key.clone()));
            if occurrence > 0 {
                self.push(
                    path,
                    Target::Key(occurrence),
                    format!("`{key}` is given twice in {owner}; YAML would silently keep only the last one"),
                    Some("keep one of them, or merge their contents".into()),
                );
            } else if let Some(prop) = prop(&key) {
                self.check(v, prop, path, &format!("`{key}`"));
            } else if closed {
                let hint = match did_you_mean(&key, names.iter().copied()) {
                    Some(s) => {
                        meant.push(s);
                        format!("did you mean `{s}`?")
                    }
                    None => format!("the fields of {owner} are: {}", names.join(", ")),
                };
                self.push(path, Target::Key(0), format!("unknown field `{key}` in {owner}"), Some(hint));
            }
            path.pop();
        }
        if let Some(required) = schema.get("required").and_then(Value::as_array) {
            for r in required.iter().filter_map(Value::as_str) {
                if !seen.iter().any(|s| s == r) && !meant.contains(&r) {
                    let about = prop(r).and_then(|p| self.describe(p));
                    let hint = match about {
                        Some(d) => format!("add `{r}:` ({})", d.trim_end_matches('.')),
                        None => format!("add `{r}:`"),
                    };
                    self.push(path, Target::Value, format!("{owner} is missing `{r}`"), Some(hint));
                }
            }
        }
    }

    /// A property's description, looking through `$ref`.
    fn describe(&self, schema: &'r Value) -> Option<String> {
        schema
            .get("description")
            .or_else(|| self.resolve(schema).0.get("description"))
            .and_then(Value::as_str)
            .map(|s| one_line(s).trim_end_matches('.').to_owned())
    }

    /// A value that must be one of `values`; `meanings` (parallel to them, or empty) say
    /// what each is for, so that a word the advocate used for one can lead to it.
    fn check_enum(
        &mut self,
        node: &Node,
        values: &[Value],
        meanings: &[Option<&str>],
        path: &[Seg],
        what: &str,
        description: Option<&str>,
    ) {
        let allowed: Vec<&str> = values.iter().filter_map(Value::as_str).collect();
        let given = node.as_text();
        if let Some(g) = &given
            && allowed.contains(&g.as_str())
        {
            return;
        }
        let shown = given.clone().unwrap_or_else(|| node.kind().to_owned());
        let hint = match given.as_deref().and_then(|g| {
            allowed
                .iter()
                .find(|a| a.eq_ignore_ascii_case(g))
                .copied()
                .or_else(|| did_you_mean(g, allowed.iter().copied()))
        }) {
            Some(s) => format!("did you mean `{s}`? (allowed: {})", allowed.join(", ")),
            None => match given.as_deref().and_then(|g| meant_by(g, &allowed, meanings)) {
                Some((value, meaning)) => format!(
                    "write `{value}`, the one for {} (allowed: {})",
                    lower_first(meaning.trim_end_matches('.')),
                    allowed.join(", ")
                ),
                None if meanings.len() == allowed.len() && meanings.iter().all(Option::is_some) => {
                    let each: Vec<String> = allowed
                        .iter()
                        .zip(meanings)
                        .map(|(a, m)| format!("`{a}` ({})", lower_first(m.unwrap_or_default().trim_end_matches('.'))))
                        .collect();
                    format!("allowed: {}", each.join(", "))
                }
                None => format!("allowed: {}", allowed.join(", ")),
            },
        };
        let message = match description {
            Some(d) => format!("`{shown}` is not allowed for {what} ({})", d.trim_end_matches('.')),
            None => format!("`{shown}` is not allowed for {what}"),
        };
        self.push(path, Target::Value, message, Some(hint));
    }

    fn check_choice(
        &mut self,
        node: &Node,
        branches: &'r [Value],
        path: &mut Vec<Seg>,
        what: &str,
        description: Option<&str>,
    ) {
        // An enum with documented variants: every branch is a const (or a one-value enum).
        let consts: Option<Vec<Value>> = branches
            .iter()
            .map(|b| {
                let b = self.resolve(b).0;
                b.get("const")
                    .cloned()
                    .or_else(|| b.get("enum").and_then(Value::as_array).filter(|e| e.len() == 1).map(|e| e[0].clone()))
            })
            .collect();
        if let Some(values) = consts {
            let meanings: Vec<Option<&str>> =
                branches.iter().map(|b| self.resolve(b).0.get("description").and_then(Value::as_str)).collect();
            self.check_enum(node, &values, &meanings, path, what, description);
            return;
        }
        let mut best: Option<Vec<Problem>> = None;
        for branch in branches {
            let mut sub = Validator { root: self.root, out: Vec::new() };
            sub.check(node, branch, path, what);
            if sub.out.is_empty() {
                return;
            }
            // Report the problems of the branch whose own type fits the node: a map given
            // where "text or `file:`" is allowed should hear about the map's fields.
            let resolved = self.resolve(branch).0;
            // A list of allowed words (an enum) fits any scalar: `kind: judgment` should hear
            // which kinds there are, not that `kind` may be left empty.
            let enum_like = ["enum", "const", "oneOf"].iter().any(|k| resolved.get(*k).is_some());
            let fits = match resolved.get("type") {
                Some(Value::String(t)) => type_matches(t, node),
                Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(|t| type_matches(t, node)),
                _ => enum_like && node.as_text().is_some(),
            };
            if fits && best.is_none() {
                best = Some(sub.out);
            }
        }
        match best {
            Some(problems) => self.out.extend(problems),
            None => {
                let kinds: Vec<String> = branches
                    .iter()
                    .filter_map(|b| {
                        let b = self.resolve(b).0;
                        b.get("type").and_then(Value::as_str).map(type_words)
                    })
                    .collect();
                let message = if matches!(node, Node::Null) {
                    format!("{what} is empty")
                } else {
                    format!("{what} should be {}, but here it is {}", kinds.join(" or "), node.kind())
                };
                self.push(path, Target::Value, message, description.map(str::to_owned));
            }
        }
    }
}

/// The allowed value whose meaning names the word given (`judgment` → `law`, "a treaty, law,
/// decree or court decision (a judgment)"), with that meaning.
fn meant_by<'m>(given: &str, allowed: &[&'m str], meanings: &[Option<&'m str>]) -> Option<(&'m str, &'m str)> {
    let word = given.trim().to_lowercase();
    if word.chars().count() < 3 {
        return None;
    }
    let matches = |meaning: &str| {
        meaning
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.to_lowercase() == word || (word.len() > 5 && strsim::levenshtein(&w.to_lowercase(), &word) == 1))
    };
    allowed.iter().zip(meanings).find_map(|(a, m)| m.filter(|m| matches(m)).map(|m| (*a, m)))
}

/// A schema description (a field's doc comment, wrapped at the source's line width) as one
/// line of a hint: its line breaks are spaces.
fn one_line(description: &str) -> String {
    description.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A description as part of a sentence: its first letter in lower case.
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// How to write a value of the expected type, when the mistake is a recognisable one
/// (`key: yes` for a true/false field, `number: ninety-three` for a number).
fn type_fix(types: &[&str], node: &Node) -> Option<String> {
    let given = node.as_text()?;
    if types.contains(&"boolean") {
        let meant = match given.to_lowercase().as_str() {
            "yes" | "y" | "on" | "true" | "oui" | "sí" | "si" => Some("true"),
            "no" | "n" | "off" | "false" | "non" => Some("false"),
            _ => None,
        };
        return Some(match meant {
            Some(b) => format!("write `{b}` (without quotes): Amicus reads only `true` and `false` as yes and no"),
            None => "write `true` or `false` (without quotes)".to_owned(),
        });
    }
    if types.contains(&"integer") || types.contains(&"number") {
        return Some(format!("write the number in digits, without quotes or words, e.g. `144` (not `{given}`)"));
    }
    None
}

/// Whether a node fits a JSON Schema type. Like serde_yaml, a string field takes any scalar.
fn type_matches(t: &str, node: &Node) -> bool {
    match t {
        "object" => matches!(node, Node::Map(_)),
        "array" => matches!(node, Node::Seq(_)),
        "string" => matches!(node, Node::Str(_) | Node::Int(_) | Node::Float(_) | Node::Bool(_)),
        "integer" => matches!(node, Node::Int(_)),
        "number" => matches!(node, Node::Int(_) | Node::Float(_)),
        "boolean" => matches!(node, Node::Bool(_)),
        "null" => matches!(node, Node::Null),
        _ => true,
    }
}

/// A JSON Schema type in words.
fn type_words(t: &str) -> String {
    match t {
        "object" => "a group of fields",
        "array" => "a list",
        "string" => "text",
        "integer" => "a whole number",
        "number" => "a number",
        "boolean" => "true or false",
        "null" => "empty",
        other => other,
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_are_recognised() {}

    #[test]
    fn nouns_from_type_names() {
        assert_eq!(noun("RecommendationAssessment"), "recommendation assessment");
    }
}

/// A copy of `node` that fits the schema, made by dropping what does not fit (unknown and
/// repeated keys, wrong optional values, list items that cannot be mended) and filling
/// required fields with neutral values (empty text, zero, an empty list, the first allowed
/// value). `None` if even that fails.
///
/// Used only after the problems were reported, so that the other checks can still run on
/// the rest of the file: every problem found in one run.
pub fn repair(node: &Node, schema: &Value, root: &Value) -> Option<Node> {
    let r = Repairer { root };
    r.repair(node, schema)
}

/// The state of a repair.
struct Repairer<'r> {
    /// The schema root, for `$ref`.
    root: &'r Value,
}

impl<'r> Repairer<'r> {
    fn resolve(&self, schema: &'r Value) -> &'r Value {
        Validator { root: self.root, out: Vec::new() }.resolve(schema).0
    }

    fn fits(&self, node: &Node, schema: &'r Value) -> bool {
        let mut v = Validator { root: self.root, out: Vec::new() };
        v.check(node, schema, &mut Vec::new(), "");
        v.out.is_empty()
    }

    fn repair(&self, node: &Node, schema: &'r Value) -> Option<Node> {
        if self.fits(node, schema) {
            return Some(node.clone());
        }
        let schema = self.resolve(schema);
        for key in ["oneOf", "anyOf"] {
            if let Some(branches) = schema.get(key).and_then(Value::as_array) {
                return branches.iter().find_map(|b| {
                    let b = self.resolve(b);
                    let typed = b.get("type").and_then(Value::as_str).is_some_and(|t| type_matches(t, node));
                    if typed { self.repair(node, b) } else { None }
                });
            }
        }
        match node {
            Node::Map(entries) if schema.get("properties").is_some() => {
                let props = schema.get("properties").and_then(Value::as_object)?;
                let required: Vec<&str> = schema
                    .get("required")
                    .and_then(Value::as_array)
                    .map(|r| r.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                let mut out: Vec<(Node, Node)> = Vec::new();
                for (k, v) in entries {
                    let Some(key) = k.as_text() else { continue };
                    let Some(prop) = props.get(&key) else { continue };
                    if out.iter().any(|(ok, _)| ok.as_text().as_deref() == Some(key.as_str())) {
                        continue;
                    }
                    let fixed = self
                        .repair(v, prop)
                        .or_else(|| if required.contains(&key.as_str()) { self.neutral(prop) } else { None });
                    if let Some(fixed) = fixed {
                        out.push((Node::Str(key), fixed));
                    }
                }
                for r in &required {
                    if !out.iter().any(|(k, _)| k.as_text().as_deref() == Some(*r)) {
                        out.push((Node::Str((*r).to_owned()), self.neutral(props.get(*r)?)?));
                    }
                }
                Some(Node::Map(out))
            }
            Node::Seq(items) if schema.get("items").is_some() => {
                let item_schema = schema.get("items")?;
                Some(Node::Seq(items.iter().filter_map(|i| self.repair(i, item_schema)).collect()))
            }
            _ => None,
        }
    }

    /// A neutral value of the schema's type, to stand in for a required field.
    fn neutral(&self, schema: &'r Value) -> Option<Node> {
        let schema = self.resolve(schema);
        for key in ["oneOf", "anyOf"] {
            if let Some(branches) = schema.get(key).and_then(Value::as_array) {
                return branches.iter().find_map(|b| self.neutral(b));
            }
        }
        if let Some(first) = schema.get("enum").and_then(Value::as_array).and_then(|e| e.first()) {
            return first.as_str().map(|s| Node::Str(s.to_owned()));
        }
        if let Some(c) = schema.get("const").and_then(Value::as_str) {
            return Some(Node::Str(c.to_owned()));
        }
        let t = match schema.get("type") {
            Some(Value::String(t)) => t.as_str(),
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null")?,
            _ => return None,
        };
        match t {
            "string" => Some(Node::Str(String::new())),
            "integer" | "number" => Some(Node::Int(0)),
            "boolean" => Some(Node::Bool(false)),
            "array" => Some(Node::Seq(Vec::new())),
            "object" => self.repair(&Node::Map(Vec::new()), schema),
            _ => None,
        }
    }
}

impl Node {
    /// The node as a serde_yaml value (duplicates, if any, resolved to the last).
    pub fn to_yaml(&self) -> serde_yaml::Value {
        use serde_yaml::Value as Y;
        match self {
            Node::Null => Y::Null,
            Node::Bool(b) => Y::Bool(*b),
            Node::Int(i) => match i64::try_from(*i) {
                Ok(i) => Y::Number(i.into()),
                Err(_) => Y::String(i.to_string()),
            },
            Node::Float(f) => Y::Number((*f).into()),
            Node::Str(s) => Y::String(s.clone()),
            Node::Seq(items) => Y::Sequence(items.iter().map(Node::to_yaml).collect()),
            Node::Map(entries) => Y::Mapping(entries.iter().map(|(k, v)| (k.to_yaml(), v.to_yaml())).collect()),
        }
    }
}

#[cfg(test)]
mod repair_tests {
    use super::*;
    use crate::model::Submission;

    #[test]
    fn a_broken_submission_is_mended_enough_to_check_the_rest() {
        let text = "comittee: CCPR\ncommittee: CCRP\nsession: {number: many}\nfindings_extra: 1\nstate: X\nstage: review\n\
                    date: 2025-01-01\nconfidentiality: public\norganisations: [{name: A}, {nom: B}]\n\
                    summary: S\nfindings:\n  - {id: f, title: T, body: B, articles: [2, x]}\n  - {id: g}\n";
        let node: Node = serde_yaml::from_str(text).unwrap();
        let schema = serde_json::to_value(schemars::schema_for!(Submission)).unwrap();
        assert!(!validate(&node, &schema, &schema).is_empty());
        let fixed = repair(&node, &schema, &schema).expect("repairable");
        assert!(validate(&fixed, &schema, &schema).is_empty(), "{:?}", validate(&fixed, &schema, &schema));
        let s: Submission = serde_yaml::from_str(&serde_yaml::to_string(&fixed.to_yaml()).unwrap()).unwrap();
        assert_eq!(s.state, "X");
        assert_eq!(s.organisations[1].name, "", "a missing required field is filled in, the entry kept");
        assert_eq!(s.findings.len(), 2, "list items stay where they are, so places stay right");
        assert_eq!(s.findings[0].articles, vec![crate::model::Article::whole(2)]);
        assert_eq!(s.session.number, 0);
    }
}
