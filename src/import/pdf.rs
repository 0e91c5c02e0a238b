//! PDF → text with the `pdf-extract` crate, page by page; pages are joined with a form feed,
//! as `pdftotext` does, so that later passes know where pages end.

/// Extracts the text of a PDF held in memory.
///
/// `pdf-extract` panics on some malformed or unusual files instead of returning an error; the
/// panic is caught here and turned into an error message, so that one bad file cannot bring
/// down a batch.
pub(crate) fn pdf_text(bytes: &[u8]) -> Result<String, String> {
    let result = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(bytes));
    match result {
        Ok(Ok(pages)) => Ok(pages.join("\n\u{c}")),
        Ok(Err(e)) => Err(e.to_string()),
        Err(panic) => {
            let why = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("no details");
            Err(format!("the PDF reader failed on this file ({why})"))
        }
    }
}
