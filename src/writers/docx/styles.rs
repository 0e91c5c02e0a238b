//! `word/styles.xml`: Word's own built-in styles (Title, Heading 1–4, Normal, Quote, List
//! Paragraph, Caption, Footnote Text, Footnote Reference, TOC 1–2, Hyperlink, Table Grid …)
//! and four of Amicus's (Cover Text, Subheading, Aside, Recommendation), or the styles of a
//! reference document the user gives, as Pandoc's `--reference-doc` does.
//!
//! Styles are found by name, not id: a Word in another language saves "heading 1" under
//! another id (German Word: `berschrift1`), so the writer asks [`StyleSet::id`] for the id
//! the styles part uses. A style the reference lacks is added from Amicus's definitions.

use std::collections::HashMap;

/// One style Amicus uses: its id in Amicus's own styles, its name (how Word knows a
/// built-in style), and its definition.
struct Def {
    id: &'static str,
    name: &'static str,
    xml: String,
}

/// The styles part, and the id of each style Amicus uses in it.
pub struct StyleSet {
    /// The `word/styles.xml` to write.
    pub xml: String,
    /// Amicus's id → the id in `xml`.
    ids: HashMap<&'static str, String>,
}

impl StyleSet {
    /// The id of a style, by Amicus's id (`Heading1`, `FootnoteText` …).
    pub fn id<'a>(&'a self, ours: &'a str) -> &'a str {
        self.ids.get(ours).map_or(ours, String::as_str)
    }
}

/// Amicus's styles, with the document's language (`en-GB`) as the default language; `rtl`:
/// the document runs right to left (new paragraphs too, and the recommendations' rule is on
/// their right); `italics`: its language sets quotations and captions in italics.
///
/// The fonts: Times New Roman for Latin and right-to-left text (it has Arabic and Hebrew; it is
/// Word's own default for Arabic), SimSun (宋体, the Song face Word uses for simplified
/// Chinese) for Chinese, Japanese and Korean text, so that no viewer guesses.
pub fn own(lang: &str, rtl: bool, italics: bool) -> StyleSet {
    let defs = definitions(rtl, italics);
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
        r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun" w:cs="Times New Roman"/>"#,
        r#"<w:sz w:val="22"/><w:szCs w:val="22"/>"#,
    ));
    xml.push_str(&super::lang_rpr(lang));
    xml.push_str(r#"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"#);
    if rtl {
        xml.push_str("<w:bidi/>");
    }
    xml.push_str(r#"<w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#);
    for d in &defs {
        xml.push_str(&d.xml);
    }
    xml.push_str("</w:styles>");
    StyleSet { xml, ids: defs.iter().map(|d| (d.id, d.id.to_owned())).collect() }
}

/// The styles of a reference document (its `word/styles.xml`), with Amicus's definitions
/// added for the styles it lacks.
///
/// # Errors
///
/// When the part is not XML, or not a styles part.
pub fn from_reference(styles_xml: &str) -> Result<StyleSet, String> {
    let doc = roxmltree::Document::parse(styles_xml).map_err(|e| format!("its word/styles.xml is not XML: {e}"))?;
    let root = doc.root_element();
    if root.tag_name().name() != "styles" {
        return Err("its word/styles.xml is not a Word styles part".into());
    }
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let mut by_name: HashMap<String, String> = HashMap::new();
    for style in root.children().filter(|n| n.has_tag_name((w, "style"))) {
        let id = style.attribute((w, "styleId")).unwrap_or_default();
        if let Some(name) = style.children().find(|n| n.has_tag_name((w, "name"))).and_then(|n| n.attribute((w, "val")))
        {
            by_name.entry(name.to_lowercase()).or_insert_with(|| id.to_owned());
        }
    }
    let defs = definitions(false, true);
    let mut ids = HashMap::new();
    let mut missing = String::new();
    for d in &defs {
        match by_name.get(&d.name.to_lowercase()) {
            Some(id) => {
                ids.insert(d.id, id.clone());
            }
            None => {
                ids.insert(d.id, d.id.to_owned());
                missing.push_str(&d.xml);
            }
        }
    }
    let end = styles_xml.rfind("</w:styles>").ok_or("its word/styles.xml does not end with </w:styles>")?;
    let mut xml = String::with_capacity(styles_xml.len() + missing.len());
    xml.push_str(&styles_xml[..end]);
    xml.push_str(&missing);
    xml.push_str(&styles_xml[end..]);
    Ok(StyleSet { xml, ids })
}

/// A paragraph style.
fn para(id: &'static str, name: &'static str, extra: &str, ppr: &str, rpr: &str) -> Def {
    Def {
        id,
        name,
        xml: format!(
            r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/>{extra}<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"#
        ),
    }
}

/// A character style.
fn chars(id: &'static str, name: &'static str, rpr: &str) -> Def {
    Def {
        id,
        name,
        xml: format!(
            r#"<w:style w:type="character" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr>{rpr}</w:rPr></w:style>"#
        ),
    }
}

/// Every style Amicus writes with (see [`own`] for `rtl` and `italics`).
fn definitions(rtl: bool, italics: bool) -> Vec<Def> {
    let accent = r#"<w:color w:val="1F4E79"/>"#;
    let italic = if italics { "<w:i/>" } else { "" };
    let start_rule = if rtl { "right" } else { "left" };
    let heading = |id: &'static str, name: &'static str, level: u8, size: u8, numbered: bool| {
        let num = if numbered {
            format!(r#"<w:numPr><w:ilvl w:val="{}"/><w:numId w:val="1"/></w:numPr>"#, level - 1)
        } else {
            String::new()
        };
        para(
            id,
            name,
            r#"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/>"#,
            &format!(
                r#"<w:keepNext/><w:keepLines/>{num}<w:spacing w:before="{}" w:after="120"/><w:jc w:val="left"/><w:outlineLvl w:val="{}"/>"#,
                if level == 1 { 360 } else { 240 },
                level - 1
            ),
            &format!(r#"<w:b/><w:bCs/>{accent}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>"#),
        )
    };
    vec![
        Def {
            id: "Normal",
            name: "Normal",
            xml: r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>"#.into(),
        },
        Def {
            id: "DefaultParagraphFont",
            name: "Default Paragraph Font",
            xml: r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#.into(),
        },
        para(
            "Title",
            "Title",
            r#"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/>"#,
            r#"<w:spacing w:before="240" w:after="240"/><w:jc w:val="left"/>"#,
            &format!(r#"<w:b/>{accent}<w:sz w:val="48"/><w:szCs w:val="48"/>"#),
        ),
        para(
            "Subtitle",
            "Subtitle",
            r#"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="11"/>"#,
            r#"<w:spacing w:after="240"/><w:jc w:val="left"/>"#,
            r#"<w:sz w:val="30"/><w:szCs w:val="30"/>"#,
        ),
        heading("Heading1", "heading 1", 1, 30, true),
        heading("Heading2", "heading 2", 2, 25, true),
        heading("Heading3", "heading 3", 3, 23, false),
        heading("Heading4", "heading 4", 4, 22, false),
        para(
            "Quote",
            "Quote",
            r#"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="29"/>"#,
            r#"<w:ind w:left="567" w:right="567"/>"#,
            italic,
        ),
        para(
            "ListParagraph",
            "List Paragraph",
            r#"<w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/>"#,
            r#"<w:spacing w:after="60"/><w:ind w:left="720"/><w:contextualSpacing/><w:jc w:val="left"/>"#,
            "",
        ),
        para(
            "Caption",
            "caption",
            r#"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="35"/><w:unhideWhenUsed/>"#,
            r#"<w:spacing w:after="200"/>"#,
            &format!(r#"{italic}<w:sz w:val="18"/><w:szCs w:val="18"/>"#),
        ),
        para(
            "FootnoteText",
            "footnote text",
            r#"<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>"#,
            r#"<w:spacing w:after="40" w:line="240" w:lineRule="auto"/><w:ind w:left="284" w:hanging="284"/><w:jc w:val="left"/>"#,
            r#"<w:sz w:val="18"/><w:szCs w:val="18"/>"#,
        ),
        chars("FootnoteReference", "footnote reference", r#"<w:vertAlign w:val="superscript"/>"#),
        para(
            "Header",
            "header",
            r#"<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>"#,
            r#"<w:tabs><w:tab w:val="clear" w:pos="4513"/><w:tab w:val="clear" w:pos="9026"/></w:tabs><w:spacing w:after="0"/><w:jc w:val="left"/>"#,
            r#"<w:color w:val="666666"/><w:sz w:val="17"/><w:szCs w:val="17"/>"#,
        ),
        para(
            "Footer",
            "footer",
            r#"<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>"#,
            r#"<w:spacing w:after="0"/><w:jc w:val="center"/>"#,
            r#"<w:color w:val="666666"/><w:sz w:val="18"/><w:szCs w:val="18"/>"#,
        ),
        para(
            "TOCHeading",
            "TOC Heading",
            r#"<w:basedOn w:val="Heading1"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>"#,
            r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr><w:outlineLvl w:val="9"/>"#,
            "",
        ),
        para(
            "TOC1",
            "toc 1",
            r#"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>"#,
            r#"<w:spacing w:before="120" w:after="40"/><w:jc w:val="left"/>"#,
            r#"<w:b/><w:bCs/>"#,
        ),
        para(
            "TOC2",
            "toc 2",
            r#"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>"#,
            r#"<w:spacing w:after="40"/><w:ind w:left="284"/><w:jc w:val="left"/>"#,
            "",
        ),
        chars("Hyperlink", "Hyperlink", r#"<w:color w:val="1F4E79"/><w:u w:val="single"/>"#),
        Def {
            id: "TableGrid",
            name: "Table Grid",
            xml: r#"<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#.into(),
        },
        para(
            "HTMLPreformatted",
            "HTML Preformatted",
            r#"<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>"#,
            r#"<w:spacing w:after="120" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>"#,
            r#"<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/><w:sz w:val="19"/><w:szCs w:val="19"/>"#,
        ),
        chars("HTMLCode", "HTML Code", r#"<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/><w:sz w:val="20"/><w:szCs w:val="20"/>"#),
        para(
            "CoverText",
            "Cover Text",
            r#"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>"#,
            r#"<w:spacing w:after="160"/><w:jc w:val="left"/>"#,
            r#"<w:sz w:val="24"/><w:szCs w:val="24"/>"#,
        ),
        para(
            "Subheading",
            "Subheading",
            r#"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>"#,
            r#"<w:keepNext/><w:spacing w:before="200" w:after="80"/><w:jc w:val="left"/>"#,
            &format!(r#"<w:b/><w:bCs/>{accent}"#),
        ),
        para(
            "Aside",
            "Aside",
            r#"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>"#,
            r#"<w:keepNext/><w:spacing w:after="160"/><w:jc w:val="left"/>"#,
            r#"<w:color w:val="555555"/>"#,
        ),
        para(
            "Recommendation",
            "Recommendation",
            r#"<w:basedOn w:val="Normal"/>"#,
            // Borders are on the page's sides (only indents and alignment follow the
            // paragraph's direction): the rule goes where the line starts.
            &format!(
                r#"<w:pBdr><w:{start_rule} w:val="single" w:sz="18" w:space="8" w:color="1F4E79"/></w:pBdr><w:tabs><w:tab w:val="left" w:pos="737"/></w:tabs><w:spacing w:before="60" w:after="60"/><w:ind w:left="737" w:hanging="567"/>"#
            ),
            "",
        ),
    ]
}
