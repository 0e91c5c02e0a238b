//! `brief.xlsx`: the matrix as a real spreadsheet, for advocates who track recommendations in
//! Excel or LibreOffice.
//!
//! Takes the matrix rows ([`crate::brief::matrix::rows`]); gives the bytes of an Office Open XML
//! workbook written with `rust_xlsxwriter`: one sheet, "Matrix", with the columns of
//! `brief.csv`, the header row frozen and bold, filters on every column, widths that fit the
//! content, long text wrapped, and the status column restricted to the four statuses of
//! `assessment.yaml` (a drop-down list), so that a tracker kept in the sheet stays readable by
//! Amicus. A second sheet, "About", says what the sheet is and where its data came from.
//!
//! Every text cell is written as a string, never as a formula, so text that starts with `=`
//! stays text without the apostrophe the CSV needs. The workbook's dates are the brief's, so
//! the same input gives the same bytes.

use crate::brief::matrix::{COLUMNS, Row};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder,
    Workbook, Worksheet, XlsxError,
};

/// The statuses a recommendation can have, as `assessment.yaml` writes them.
pub const STATUSES: [&str; 4] = ["fully", "partially", "not-reflected", "pending"];

/// What the workbook says about itself.
#[derive(Debug, Clone)]
pub struct About {
    /// The brief's title.
    pub title: String,
    /// The organisations, for the author field.
    pub author: String,
    /// The brief's date, `YYYY-MM-DD`: the workbook's creation date.
    pub date: String,
    /// Lines for the "About" sheet: what the matrix is, the CO, the counts.
    pub lines: Vec<String>,
}

/// The width of a column, in characters: long texts get a wide, wrapped column, short codes
/// a narrow one.
fn width(column: &str) -> f64 {
    match column {
        "text" | "recommendation_text" | "comment" => 60.0,
        "finding" | "section_heading" | "organisations" | "grade_label" | "grade_note" => 28.0,
        "symbol" | "status_label" | "recommendation_id" | "finding_id" => 20.0,
        "publication_date" | "adoption_date" | "annotation_type" | "country" | "status" => 15.0,
        "particular_importance" => 13.0,
        _ => 11.0,
    }
}

/// Whether a column holds text long enough to wrap.
fn wraps(column: &str) -> bool {
    width(column) >= 28.0
}

/// `YYYY-MM-DD` as a workbook date; `None` for anything else.
fn date(text: &str) -> Option<ExcelDateTime> {
    let mut parts = text.splitn(3, '-').map(|p| p.parse::<u16>().ok());
    let (Some(Some(y)), Some(Some(m)), Some(Some(d))) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    ExcelDateTime::from_ymd(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?).ok()
}

/// The workbook's bytes.
pub fn xlsx(rows: &[Row], about: &About) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let mut properties = DocProperties::new().set_title(&about.title).set_author(&about.author);
    if let Some(d) = date(&about.date) {
        properties = properties.set_creation_datetime(&d);
    }
    workbook.set_properties(&properties);

    let sheet = workbook.add_worksheet();
    matrix_sheet(sheet, rows)?;
    let sheet = workbook.add_worksheet();
    about_sheet(sheet, about)?;
    workbook.save_to_buffer()
}

/// The "Matrix" sheet.
fn matrix_sheet(sheet: &mut Worksheet, rows: &[Row]) -> Result<(), XlsxError> {
    sheet.set_name("Matrix")?;
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color("EEF1F4")
        .set_border_bottom(FormatBorder::Thin);
    let wrapped = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let plain = Format::new().set_align(FormatAlign::Top);
    let last_col = u16::try_from(COLUMNS.len() - 1).unwrap_or(0);
    for (c, name) in COLUMNS.iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(last_col);
        sheet.write_string_with_format(0, col, *name, &header)?;
        sheet.set_column_width(col, width(name))?;
    }
    for (r, row) in rows.iter().enumerate() {
        let line = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, (name, value)) in COLUMNS.iter().zip(row.values()).enumerate() {
            let col = u16::try_from(c).unwrap_or(last_col);
            let format = if wraps(name) { &wrapped } else { &plain };
            match *name {
                "recommendation_number" => {
                    sheet.write_number_with_format(line, col, row.recommendation_number as f64, format)?;
                }
                "follow_up" => {
                    sheet.write_boolean_with_format(line, col, row.follow_up, format)?;
                }
                "particular_importance" => {
                    sheet.write_boolean_with_format(line, col, row.particular_importance, format)?;
                }
                _ if value.is_empty() => {}
                _ => {
                    sheet.write_string_with_format(line, col, value, format)?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_row = u32::try_from(rows.len()).unwrap_or(u32::MAX).max(1);
    sheet.autofilter(0, 0, last_row, last_col)?;
    if let Some(status) = COLUMNS.iter().position(|c| *c == "status") {
        let col = u16::try_from(status).unwrap_or(last_col);
        let validation = DataValidation::new()
            .allow_list_strings(&STATUSES)?
            .set_error_style(DataValidationErrorStyle::Stop)
            .set_error_title("Not a status")?
            .set_error_message("Use one of: fully, partially, not-reflected, pending (as in assessment.yaml).")?
            .set_input_title("Status")?
            .set_input_message("fully, partially, not-reflected or pending")?;
        // A few hundred rows below the data too, for recommendations added in the sheet.
        sheet.add_data_validation(1, col, last_row + 500, col, &validation)?;
    }
    Ok(())
}

/// The "About" sheet: one line per row.
fn about_sheet(sheet: &mut Worksheet, about: &About) -> Result<(), XlsxError> {
    sheet.set_name("About")?;
    let bold = Format::new().set_bold();
    let wrapped = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    sheet.set_column_width(0, 100.0)?;
    sheet.write_string_with_format(0, 0, &about.title, &bold)?;
    for (i, line) in about.lines.iter().enumerate() {
        sheet.write_string_with_format(u32::try_from(i + 2).unwrap_or(u32::MAX), 0, line, &wrapped)?;
    }
    Ok(())
}
