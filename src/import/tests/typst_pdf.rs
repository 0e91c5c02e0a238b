//! Test-only: PDFs of the synthetic documents, typeset with the embedded Typst compiler in the
//! UN layout (first-page block, running headers with the symbol, footers with the job number
//! and page numbers, justified and hyphenated text, footnotes at page ends), so that the
//! importer can be measured on text that really went through a PDF and `pdf-extract`.
//!
//! Written against typst 0.15 directly (a minimal in-memory `World`), independent of the
//! application's own compile module. The document data reaches Typst as JSON, never as
//! markup, so no text needs escaping.

use super::synth::{SPara, Seg, Style, SynthDoc};
use serde_json::{Value, json};
use std::collections::HashMap;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

/// The template: UN-like layout, reading everything from `/data.json`.
const TEMPLATE: &str = r#"
#let data = json("/data.json")
#set document(title: data.title)
#set text(font: "Libertinus Serif", size: 10pt, lang: "en", hyphenate: true)
#set par(justify: true, leading: 0.6em, spacing: 1em)
#set page(
  paper: "a4",
  margin: (top: 2.6cm, bottom: 2.6cm, x: 2.4cm),
  header: context {
    let p = counter(page).get().first()
    if p > 1 {
      if data.advance { align(center, text(size: 8pt)[Advance unedited version]) }
      if calc.even(p) [#data.symbol #h(1fr)] else [#h(1fr) #data.symbol]
    }
  },
  footer: context {
    let p = counter(page).get().first()
    if p == 1 [#data.job #h(1fr) #data.barcode #h(1fr) Please recycle] else if calc.even(p) [#str(p) #h(1fr)] else [#h(1fr) #str(p)]
  },
)
#let segs(list) = for s in list {
  if "t" in s { s.t } else if "n" in s { footnote(s.n) } else { linebreak() }
}
#if data.advance { align(center, text(size: 8pt)[Advance unedited version]) }
#grid(columns: (1fr, auto), [United Nations], [#data.symbol])
#line(length: 100%)
#grid(columns: (1fr, auto), column-gutter: 1cm,
  text(weight: "bold")[#data.treaty],
  [Distr.: General \ #data.date \ \ Original: English])
#line(length: 100%)
#text(weight: "bold", size: 12pt)[#data.committee]
#block(text(weight: "bold", size: 14pt)[#data.title#footnote(numbering: "*", data.star)])
#counter(footnote).update(0)
#for sec in data.sections {
  block(above: 1.4em, below: 1em, strong[#sec.printed. #sec.title])
  for p in sec.paras {
    if p.heading != none { block(above: 1.2em, below: 0.7em, emph(p.heading)) }
    if p.number_alone {
      block(str(p.number) + ".")
      par(segs(p.lead))
    } else {
      par(hanging-indent: 1cm)[#box(width: 1cm, str(p.number) + ".")#segs(p.lead)]
    }
    for sub in p.subs {
      pad(left: 1cm, par(hanging-indent: 1cm)[#box(width: 1cm, "(" + sub.letter + ")")#segs(sub.segs)])
    }
  }
}
"#;

/// The document as JSON for the template.
fn data(doc: &SynthDoc) -> Value {
    /// Segments as JSON: `{t}` text, `{n}` footnote, `{b}` line break.
    fn segs(list: &[Seg]) -> Value {
        Value::Array(
            list.iter()
                .map(|s| match s {
                    Seg::Text(t) => json!({ "t": t }),
                    Seg::Note(n) => json!({ "n": n }),
                    Seg::Break => json!({ "b": true }),
                })
                .collect(),
        )
    }
    /// A paragraph as JSON, with its heading if printed before it.
    fn para(p: &SPara, heading: Option<&str>) -> Value {
        json!({
            "number": p.number,
            "heading": heading,
            "number_alone": p.number_alone,
            "lead": segs(&p.lead),
            "subs": p.subs.iter().map(|(l, s)| json!({ "letter": l.to_string(), "segs": segs(s) })).collect::<Vec<_>>(),
        })
    }
    let sections: Vec<Value> = doc
        .sections
        .iter()
        .map(|s| {
            let mut last: Option<&str> = None;
            let paras: Vec<Value> = s
                .paras
                .iter()
                .map(|p| {
                    let h = p.heading.as_deref().filter(|h| last != Some(*h));
                    if h.is_some() {
                        last = h;
                    }
                    para(p, h)
                })
                .collect();
            json!({ "printed": s.printed, "title": s.title, "paras": paras })
        })
        .collect();
    let serial: String = doc.job[3..].chars().filter(char::is_ascii_digit).collect();
    json!({
        "symbol": doc.symbol,
        "title": doc.title(),
        "treaty": doc.treaty,
        "committee": doc.committee_name,
        "date": doc.published_text,
        "star": doc.star,
        "job": doc.job,
        "barcode": format!("*{serial}*"),
        "advance": doc.style == Style::Crc,
        "sections": sections,
    })
}

/// A file id in the project root.
fn id(path: &str) -> FileId {
    RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).expect("a valid path")).intern()
}

/// Everything the compiler may see: the template, the data, the embedded fonts.
struct MemWorld {
    /// The standard library.
    library: LazyHash<Library>,
    /// The fonts' metadata.
    book: LazyHash<FontBook>,
    /// The fonts.
    fonts: Vec<Font>,
    /// The template.
    main: Source,
    /// Other files: `/data.json`.
    files: HashMap<FileId, Bytes>,
}

impl World for MemWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        let bytes = self.file(id)?;
        let text = String::from_utf8(bytes.to_vec()).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files.get(&id).cloned().ok_or_else(|| FileError::NotFound(id.vpath().get_without_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Datetime::from_ymd(2025, 1, 1)
    }
}

/// Typesets a synthetic document as PDF.
pub(crate) fn pdf(doc: &SynthDoc) -> Vec<u8> {
    let fonts: Vec<Font> = typst_assets::fonts().flat_map(|d| Font::iter(Bytes::new(d))).collect();
    let mut files = HashMap::new();
    files.insert(id("/data.json"), Bytes::new(data(doc).to_string().into_bytes()));
    let world = MemWorld {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
        main: Source::new(id("/main.typ"), TEMPLATE.into()),
        files,
    };
    let warned = typst::compile::<PagedDocument>(&world);
    let document = warned.output.unwrap_or_else(|errors| {
        let messages: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
        panic!("the test template does not compile: {messages:?}")
    });
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).unwrap_or_else(|e| panic!("PDF export failed: {e:?}"))
}
