//! A table as a real spreadsheet (`brief.xlsx`, the brief's matrix), for advocates who track
//! recommendations in Excel or LibreOffice.
//!
//! Takes the columns (name, width, kind, an optional list of allowed values) and the rows of
//! cells; gives the bytes of an Office Open XML workbook written with `rust_xlsxwriter`: one
//! sheet, "Matrix", the header row frozen and bold, filters on every column, the widths given,
//! long text wrapped, and a column with allowed values restricted to them (a drop-down list).
//! A second sheet, "About", says what the sheet is and where its data came from. What the
//! columns are is the document's business ([`crate::brief::matrix`]), not this writer's.
//!
//! Every text cell is written as a string, never as a formula, so text that starts with `=`
//! stays text without the apostrophe the CSV needs. The workbook's dates are the document's,
//! so the same input gives the same bytes.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder,
    Workbook, Worksheet, XlsxError,
};

/// A column of the sheet.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Its name, in the header row.
    pub name: &'static str,
    /// Its width, in characters; 28 and wider wraps its text.
    pub width: f64,
    /// The only values a cell may take (a drop-down list, checked by the spreadsheet program),
    /// if restricted.
    pub allowed: Option<Allowed>,
}

/// The values a column allows, and what the spreadsheet program says about them.
#[derive(Debug, Clone, Copy)]
pub struct Allowed {
    /// The values.
    pub values: &'static [&'static str],
    /// The title of the message shown when a typed value is refused.
    pub error_title: &'static str,
    /// The message shown when a typed value is refused.
    pub error: &'static str,
    /// The title of the hint shown when a cell is selected.
    pub input_title: &'static str,
    /// The hint shown when a cell is selected.
    pub input: &'static str,
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text (an empty text leaves the cell empty).
    Text(String),
    /// A number.
    Number(f64),
    /// TRUE or FALSE.
    Bool(bool),
    /// A date, `YYYY-MM-DD`: a real date in the sheet (it sorts and filters as one), shown as
    /// written; anything else (a month alone) stays text.
    Date(String),
}

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

/// Whether a column holds text long enough to wrap.
fn wraps(column: &Column) -> bool {
    column.width >= 28.0
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
pub fn xlsx(columns: &[Column], rows: &[Vec<Cell>], about: &About) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let mut properties = DocProperties::new().set_title(&about.title).set_author(&about.author);
    if let Some(d) = date(&about.date) {
        properties = properties.set_creation_datetime(&d);
    }
    workbook.set_properties(&properties);

    let sheet = workbook.add_worksheet();
    matrix_sheet(sheet, columns, rows)?;
    let sheet = workbook.add_worksheet();
    about_sheet(sheet, about)?;
    workbook.save_to_buffer()
}

/// The "Matrix" sheet.
fn matrix_sheet(sheet: &mut Worksheet, columns: &[Column], rows: &[Vec<Cell>]) -> Result<(), XlsxError> {
    sheet.set_name("Matrix")?;
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color("EEF1F4")
        .set_border_bottom(FormatBorder::Thin);
    let wrapped = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let plain = Format::new().set_align(FormatAlign::Top);
    let day = Format::new().set_align(FormatAlign::Top).set_num_format("yyyy-mm-dd");
    let last_col = u16::try_from(columns.len().saturating_sub(1)).unwrap_or(0);
    for (c, column) in columns.iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(last_col);
        sheet.write_string_with_format(0, col, column.name, &header)?;
        sheet.set_column_width(col, column.width)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let line = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, (column, cell)) in columns.iter().zip(row).enumerate() {
            let col = u16::try_from(c).unwrap_or(last_col);
            let format = if wraps(column) { &wrapped } else { &plain };
            match cell {
                Cell::Number(n) => {
                    sheet.write_number_with_format(line, col, *n, format)?;
                }
                Cell::Bool(b) => {
                    sheet.write_boolean_with_format(line, col, *b, format)?;
                }
                Cell::Date(t) => match date(t) {
                    Some(d) => {
                        sheet.write_datetime_with_format(line, col, &d, &day)?;
                    }
                    None if t.is_empty() => {}
                    None => {
                        sheet.write_string_with_format(line, col, t, format)?;
                    }
                },
                Cell::Text(t) if t.is_empty() => {}
                Cell::Text(t) => {
                    sheet.write_string_with_format(line, col, t, format)?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_row = u32::try_from(rows.len()).unwrap_or(u32::MAX).max(1);
    sheet.autofilter(0, 0, last_row, last_col)?;
    for (c, column) in columns.iter().enumerate() {
        let Some(allowed) = column.allowed else { continue };
        let col = u16::try_from(c).unwrap_or(last_col);
        let validation = DataValidation::new()
            .allow_list_strings(allowed.values)?
            .set_error_style(DataValidationErrorStyle::Stop)
            .set_error_title(allowed.error_title)?
            .set_error_message(allowed.error)?
            .set_input_title(allowed.input_title)?
            .set_input_message(allowed.input)?;
        // A few hundred rows below the data too, for rows added in the sheet.
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
