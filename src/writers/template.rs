//! Templates: the minijinja environment that turns a view into Typst (and HTML).
//!
//! Escaping is by construction: every template whose name ends in `.typ` is auto-escaped
//! for Typst markup by [`crate::writers::typst::escape_markup_quoted`], with the quotation marks of the
//! view's `meta.language`; text already converted to Typst (from
//! Markdown, or by the `typst_str` filter) is a *safe* value and passes through. A template
//! author cannot forget to escape, and cannot splice user text in as code.
//!
//! Default templates are compiled into the binary; a file of the same name in the
//! submission's `templates/` folder replaces one.

use crate::diag::Diagnostic;
use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, UndefinedBehavior};
use serde::{Serialize, Serializer};
use std::path::{Path, PathBuf};

/// The default templates, by name.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("report.typ", include_str!("../../templates/report.typ")),
    ("amicus.typ", include_str!("../../templates/amicus.typ")),
    ("brief.typ", include_str!("../../templates/brief.typ")),
    ("brief.html", include_str!("../../templates/brief.html")),
];

/// Text that is already Typst markup (from the Markdown converter or the escaper): the
/// templates print it as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Typst(pub String);

impl Serialize for Typst {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // minijinja keeps a `Value` intact when it serializes one into its own value type,
        // so the string stays marked safe.
        Value::from_safe_string(self.0.clone()).serialize(s)
    }
}

/// The quotation marks of the document being rendered: those of `meta.language` in the view
/// (the report's and the brief's), English when the view has none.
fn quotes_of(state: &minijinja::State) -> crate::doc::typography::Quotes {
    let language = state.lookup("meta").and_then(|m| m.get_attr("language").ok()).filter(|l| !l.is_undefined());
    crate::doc::typography::Quotes::for_language(&language.map(|l| l.to_string()).unwrap_or_default())
}

/// The language of the document being rendered (`meta.language` in the view), English when
/// the view has none.
fn language_of(state: &minijinja::State) -> String {
    let language = state.lookup("meta").and_then(|m| m.get_attr("language").ok()).filter(|l| !l.is_undefined());
    language.map(|l| l.to_string()).unwrap_or_default()
}

/// The auto-escape mode of Typst templates.
fn typst_mode() -> AutoEscape {
    AutoEscape::Custom("typst".into())
}

/// Where templates come from: the submission's overrides first, then the built-in ones.
///
/// An override is read only from `<submission>/templates/`, through the same guarded read as
/// every submission file ([`crate::fs::boundary::read_inside`]): a name that is absolute or climbs
/// out with `..`, a link leading out of the folder, a FIFO or device, a file over the size
/// limit or not UTF-8 is an error, never a silent fallback to the built-in.
#[derive(Debug, Clone)]
pub struct Templates {
    /// The submission folder, if it has a `templates/` folder.
    pub folder: Option<PathBuf>,
}

/// The Typst library the templates import.
pub const LIBRARY: &str = "amicus.typ";

/// The folder of template overrides inside a submission.
pub const TEMPLATES_DIR: &str = "templates";

impl Templates {
    /// Templates for a submission folder.
    pub fn for_folder(folder: &Path) -> Templates {
        let has = folder.join(TEMPLATES_DIR).symlink_metadata().is_ok();
        Templates { folder: has.then(|| folder.to_path_buf()) }
    }

    /// The override's path inside the submission, when `name` may be one.
    fn override_path(&self, name: &str) -> Option<(PathBuf, PathBuf)> {
        let folder = self.folder.as_ref()?;
        let relative = Path::new(TEMPLATES_DIR).join(name);
        Some((folder.clone(), relative))
    }

    /// The override files in use, as paths to show (`<folder>/templates/report.typ`), in the
    /// order of [`DEFAULTS`].
    pub fn overrides_used(&self) -> Vec<String> {
        let Some(folder) = &self.folder else { return Vec::new() };
        let dir = folder.join(TEMPLATES_DIR);
        DEFAULTS.iter().map(|(n, _)| dir.join(n)).filter(|p| p.is_file()).map(|p| p.display().to_string()).collect()
    }

    /// Files in the override folder that replace no built-in template (a misspelt
    /// `reprot.typ`, say), each with the built-in name it was probably meant to be.
    pub fn unused_overrides(&self) -> Vec<(String, Option<&'static str>)> {
        let Some(folder) = &self.folder else { return Vec::new() };
        let dir = folder.join(TEMPLATES_DIR);
        let Ok(entries) = std::fs::read_dir(&dir) else { return Vec::new() };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.file_name().to_string_lossy().into_owned())
            // Editor backups and hidden files are nobody's template.
            .filter(|n| !n.starts_with('.') && !n.ends_with('~'))
            .filter(|n| !DEFAULTS.iter().any(|(d, _)| d == n))
            // The Word document's styles (see `docx::REFERENCE_DOCX`).
            .filter(|n| n != "reference.docx")
            .collect();
        names.sort();
        names
            .into_iter()
            .map(|n| {
                let meant = crate::diag::did_you_mean(&n, DEFAULTS.iter().map(|(d, _)| *d));
                (dir.join(&n).display().to_string(), meant)
            })
            .collect()
    }

    /// The file a template was read from, for error messages.
    pub fn origin(&self, name: &str) -> String {
        match self.override_path(name) {
            Some((folder, relative)) if folder.join(&relative).symlink_metadata().is_ok() => {
                folder.join(relative).display().to_string()
            }
            _ => format!("templates/{name} (built in)"),
        }
    }

    /// The text of a template, override first; `Ok(None)` when there is no such template.
    ///
    /// # Errors
    ///
    /// The name is not a plain relative name, or an override exists but cannot be read
    /// safely (see [`Templates`]); the message says which file and why.
    pub fn source(&self, name: &str) -> Result<Option<String>, String> {
        if !crate::fs::boundary::is_plain_relative(Path::new(name)) || name.contains('\\') {
            return Err(format!(
                "`{name}` is not a template name: templates can include only files inside the submission's {TEMPLATES_DIR}/ folder, named relative to it, or the built-in templates"
            ));
        }
        if let Some((folder, relative)) = self.override_path(name)
            && folder.join(&relative).symlink_metadata().is_ok()
        {
            let shown = folder.join(&relative).display().to_string();
            let bytes = crate::fs::boundary::read_inside(&folder, &relative, crate::fs::boundary::MAX_FILE_BYTES)
                .map_err(|e| e.describe(&shown))?;
            return String::from_utf8(bytes)
                .map(Some)
                .map_err(|_| format!("{shown} is not UTF-8 text; save it as UTF-8"));
        }
        Ok(DEFAULTS.iter().find(|(n, _)| *n == name).map(|(_, t)| (*t).to_owned()))
    }

    /// A minijinja environment with Typst escaping, strict undefined values and the filters.
    pub fn environment(&self) -> Environment<'static> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_debug(true);
        let syntax = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .expect("the default delimiters are valid");
        env.set_syntax(syntax);
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".typ") {
                typst_mode()
            } else if name.ends_with(".html") {
                AutoEscape::Html
            } else {
                AutoEscape::None
            }
        });
        env.set_formatter(|out, state, value| {
            if *state.auto_escape() == typst_mode() {
                if value.is_safe() {
                    return out.write_str(&value.to_string()).map_err(Error::from);
                }
                if value.is_none() || value.is_undefined() {
                    return Err(Error::new(
                        ErrorKind::InvalidOperation,
                        "an empty value (none) was printed into Typst; guard it with `{% if … %}`",
                    ));
                }
                let mut s = String::new();
                crate::writers::typst::escape_markup_quoted(&value.to_string(), quotes_of(state), None, &mut s);
                out.write_str(&s).map_err(Error::from)
            } else if *state.auto_escape() == AutoEscape::Html
                && !value.is_safe()
                && let Some(text) = value.as_str()
                && quotes_of(state) == crate::doc::typography::Quotes::FRENCH
            {
                // French text in the web page gets the typography it gets in the PDF (quotes,
                // no-break spaces before : ; ! ?), then HTML's own escaping.
                let text =
                    crate::doc::typography::typographic_quotes(text, crate::doc::typography::Quotes::FRENCH, None);
                minijinja::escape_formatter(out, state, &Value::from(text))
            } else {
                minijinja::escape_formatter(out, state, value)
            }
        });
        env.add_filter("typst_str", |v: Value| {
            Value::from_safe_string(crate::writers::typst::string_literal(&v.to_string()))
        });
        env.add_filter("typst_text", |state: &minijinja::State, v: Value| {
            Value::from_safe_string(crate::writers::typst::string_literal_quoted(&v.to_string(), quotes_of(state)))
        });
        // `{{ n | number }}`: a count grouped as the document's language groups digits
        // ("1,013", "1 013", "1.013"); anything but a whole number is an error in the template.
        env.add_filter("number", |state: &minijinja::State, v: Value| -> Result<Value, Error> {
            let n = u64::try_from(v.clone()).map_err(|_| {
                Error::new(ErrorKind::InvalidOperation, format!("`number` prints a count; {v} is not one"))
            })?;
            Ok(Value::from(crate::i18n::number(&language_of(state), n)))
        });
        let me = self.clone();
        env.set_loader(move |name| me.source(name).map_err(|m| Error::new(ErrorKind::InvalidOperation, m)));
        env
    }

    /// Whether the submission replaces any built-in template: its templates are then code
    /// from someone else, rendered and compiled where their failure is contained
    /// ([`crate::compile::sandbox`]).
    pub fn untrusted(&self) -> bool {
        let Some(folder) = &self.folder else { return false };
        DEFAULTS.iter().any(|(n, _)| folder.join(TEMPLATES_DIR).join(n).symlink_metadata().is_ok())
    }

    /// Renders a template with a view; errors name the template file and line.
    ///
    /// Every rendering runs on [`FUEL`] and may write at most [`MAX_RENDERED_BYTES`]; with
    /// overrides ([`Templates::untrusted`]) it runs in a contained child process.
    pub fn render<V: Serialize>(&self, name: &str, view: &V) -> Result<String, Diagnostic> {
        // The Typst library is imported by the compiler, not by minijinja: check its override
        // here, so that an unreadable one is an error rather than the built-in in disguise.
        if let Err(m) = self.source(LIBRARY) {
            return Err(Diagnostic::error(format!("template problem: {m}"))
                .in_file(self.origin(LIBRARY))
                .with_hint(format!("fix or remove the file; `amicus template {LIBRARY}` prints the built-in one")));
        }
        let value = Value::from(minijinja::value::Serde(view));
        if self.untrusted() && crate::compile::sandbox::enabled() {
            return self.render_contained(name, &value);
        }
        self.render_value(name, value)
    }

    /// Renders in this process.
    fn render_value(&self, name: &str, value: Value) -> Result<String, Diagnostic> {
        let mut env = self.environment();
        env.set_fuel(Some(FUEL));
        let template = env.get_template(name).map_err(|e| self.error(&e))?;
        let mut out = Bounded::default();
        match template.render_captured_to(value, &mut out) {
            Ok(_) => {
                Ok(String::from_utf8(out.bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
            }
            Err(_) if out.over => Err(self.stopped(
                name,
                &format!("was stopped: it wrote more than {} MB of text", MAX_RENDERED_BYTES / (1024 * 1024)),
            )),
            Err(e) if e.kind() == ErrorKind::OutOfFuel => {
                let mut d = self.error(&e);
                d.message = format!(
                    "template problem: the template ran more than {} steps and was stopped (an endless loop, or loops inside loops?)",
                    crate::i18n::number("en", FUEL)
                );
                Err(d)
            }
            Err(e) => Err(self.error(&e)),
        }
    }

    /// Renders in a contained child process ([`serve_render`] there).
    fn render_contained(&self, name: &str, value: &Value) -> Result<String, Diagnostic> {
        use crate::compile::sandbox::{Frames, Unframe, run};
        let folder = self.folder.as_ref().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
        let mut request = Frames::default();
        request
            .put(folder.as_bytes())
            .put(name.as_bytes())
            .put(&serde_json::to_vec(&encode(value)).unwrap_or_default());
        let answer = run("render", &request.into_bytes())
            .map_err(|why| self.stopped(name, &format!("was stopped: {}", why.describe())))?;
        let mut r = Unframe::new(&answer);
        let unreadable = || self.stopped(name, "was stopped: its answer could not be read");
        match r.text() {
            Some("ok") => r.text().map(str::to_owned).ok_or_else(unreadable),
            Some("error") => {
                r.bytes().and_then(|d| serde_json::from_slice(d).ok()).ok_or_else(unreadable).and_then(Err)
            }
            _ => Err(unreadable()),
        }
    }

    /// The error for a rendering stopped at a limit (`why` follows the template's name).
    fn stopped(&self, name: &str, why: &str) -> Diagnostic {
        Diagnostic::error(format!("template problem: the template {} {why}", self.origin(name)))
            .in_file(self.origin(name))
            .with_hint(format!(
                "this is a problem in the template, not in your submission; compare it with the built-in one (`amicus template {name}`), or remove it to use the built-in"
            ))
    }

    /// A template error as a diagnostic in the template's file, with the chain of causes.
    fn error(&self, e: &Error) -> Diagnostic {
        let mut message = e.detail().map_or_else(|| e.kind().to_string(), |d| format!("{}: {d}", e.kind()));
        let mut source = std::error::Error::source(e);
        let mut innermost = e;
        while let Some(s) = source {
            if let Some(inner) = s.downcast_ref::<Error>() {
                innermost = inner;
                message.push_str(&format!("; {}", inner.detail().unwrap_or_default()));
            }
            source = s.source();
        }
        let name = innermost.name().or(e.name()).unwrap_or("?");
        Diagnostic::error(format!("template problem: {message}"))
            .in_file(self.origin(name))
            .at(innermost.line().unwrap_or(0), 1)
            .with_hint(format!(
                "this is a problem in the template, not in your submission; if you changed it, compare it with the built-in one (`amicus template {name}`)"
            ))
    }
}

/// The most fuel (minijinja's count of instructions run) one rendering may use. The
/// built-in report of the largest submission Amicus builds uses well under a tenth of it; an
/// endless loop in an override runs out of it in well under a second.
pub const FUEL: u64 = 50_000_000;

/// The most text one rendering may write. The generated Typst of the largest submission
/// Amicus builds is a few MB.
pub const MAX_RENDERED_BYTES: usize = 32 * 1024 * 1024;

/// A writer that refuses to grow past [`MAX_RENDERED_BYTES`].
#[derive(Default)]
struct Bounded {
    /// What was written.
    bytes: Vec<u8>,
    /// Whether more was refused.
    over: bool,
}

impl std::io::Write for Bounded {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + bytes.len() > MAX_RENDERED_BYTES {
            self.over = true;
            return Err(std::io::Error::other("the template's output is too large"));
        }
        self.bytes.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A minijinja value as JSON that keeps what JSON alone would lose: which strings are safe
/// (already Typst or HTML), and the order of a map's keys. For rendering in a child process.
fn encode(value: &Value) -> serde_json::Value {
    use minijinja::value::ValueKind;
    use serde_json::json;
    match value.kind() {
        ValueKind::Undefined => json!(["u"]),
        ValueKind::None => json!(["n"]),
        ValueKind::Bool => json!(["b", value.is_true()]),
        ValueKind::Number => {
            if let Ok(i) = i64::try_from(value.clone()) {
                json!(["i", i])
            } else if let Ok(u) = u64::try_from(value.clone()) {
                json!(["U", u])
            } else {
                json!(["f", f64::try_from(value.clone()).unwrap_or(f64::NAN)])
            }
        }
        ValueKind::String => json!([if value.is_safe() { "S" } else { "s" }, value.as_str().unwrap_or_default()]),
        ValueKind::Map => {
            let pairs: Vec<serde_json::Value> = value
                .try_iter()
                .into_iter()
                .flatten()
                .map(|k| {
                    let v = value.get_item(&k).unwrap_or_default();
                    json!([encode(&k), encode(&v)])
                })
                .collect();
            json!(["m", pairs])
        }
        ValueKind::Seq | ValueKind::Iterable => {
            json!(["l", value.try_iter().into_iter().flatten().map(|v| encode(&v)).collect::<Vec<_>>()])
        }
        // Bytes, plain objects: as their text (the views hold none).
        _ => json!([if value.is_safe() { "S" } else { "s" }, value.to_string()]),
    }
}

/// The value [`encode`] encoded.
fn decode(json: &serde_json::Value) -> Option<Value> {
    let items = json.as_array()?;
    let tag = items.first()?.as_str()?;
    let arg = items.get(1);
    Some(match tag {
        "u" => Value::UNDEFINED,
        "n" => Value::from(()),
        "b" => Value::from(arg?.as_bool()?),
        "i" => Value::from(arg?.as_i64()?),
        "U" => Value::from(arg?.as_u64()?),
        "f" => Value::from(arg?.as_f64().unwrap_or(f64::NAN)),
        "s" => Value::from(arg?.as_str()?),
        "S" => Value::from_safe_string(arg?.as_str()?.to_owned()),
        "l" => Value::from(arg?.as_array()?.iter().map(decode).collect::<Option<Vec<_>>>()?),
        "m" => {
            let pairs = arg?.as_array()?.iter().map(|p| {
                let p = p.as_array()?;
                Some((decode(p.first()?)?, decode(p.get(1)?)?))
            });
            Value::from_object(pairs.collect::<Option<std::collections::BTreeMap<Value, Value>>>()?)
        }
        _ => return None,
    })
}

/// The child's side of a contained rendering: the request in, the answer out.
pub fn serve_render(request: &[u8]) -> Vec<u8> {
    use crate::compile::sandbox::{Frames, Unframe};
    let mut answer = Frames::default();
    let mut r = Unframe::new(request);
    let parsed = (|| {
        let folder = r.text()?;
        let name = r.text()?.to_owned();
        let value = decode(&serde_json::from_slice(r.bytes()?).ok()?)?;
        let folder = (!folder.is_empty()).then(|| PathBuf::from(folder));
        Some((Templates { folder }, name, value))
    })();
    let Some((templates, name, value)) = parsed else {
        answer.put(b"unreadable");
        return answer.into_bytes();
    };
    match templates.render_value(&name, value) {
        Ok(text) => answer.put(b"ok").put(text.as_bytes()),
        Err(d) => answer.put(b"error").put(&serde_json::to_vec(&d).unwrap_or_default()),
    };
    answer.into_bytes()
}
