//! Every CSV the shop writes goes through this writer, so that no cell can run as a formula
//! when the file is opened in a spreadsheet (OWASP "CSV injection"). Cells hold text typed by
//! staff and artisans' legal names: a name such as `=HYPERLINK("http://x")` must arrive as text.
//!
//! The rule, in one place: a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
//! return gets one leading apostrophe, unless it is a plain number (`-500`, `-1234.50`: data,
//! not a formula, and the ledger's amounts must stay as they are). A cell that already begins
//! with an apostrophe gets one more, so the rule can be undone exactly: remove one leading
//! apostrophe from every cell that has one (the auditors' ZIP README says so, for hashing).

use crate::error::AppError;

/// What a cell is written as.
pub fn cell(s: &str) -> std::borrow::Cow<'_, str> {
    if needs_prefix(s) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

fn needs_prefix(s: &str) -> bool {
    if s.starts_with('\'') {
        return true;
    }
    if !s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        return false;
    }
    !is_plain_number(s)
}

/// `-123` or `-1234.50`: an optional minus, digits, and at most one decimal point followed by
/// digits. Nothing a spreadsheet could evaluate as anything but that number.
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && fraction.is_none_or(all_digits)
}

/// A CSV writer into memory whose every cell passes through `cell`. `what` names the file in
/// an internal error ("audit csv").
pub struct Writer {
    inner: csv::Writer<Vec<u8>>,
    what: &'static str,
}

impl Writer {
    pub fn new(what: &'static str) -> Self {
        Self { inner: csv::Writer::from_writer(Vec::new()), what }
    }

    pub fn row<I, S>(&mut self, cells: I) -> Result<(), AppError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let what = self.what;
        let cells: Vec<String> = cells.into_iter().map(|c| cell(c.as_ref()).into_owned()).collect();
        self.inner.write_record(&cells).map_err(|e| AppError::internal_in(what, e))
    }

    pub fn finish(self) -> Result<Vec<u8>, AppError> {
        let what = self.what;
        self.inner.into_inner().map_err(|e| AppError::internal_in(what, e.into_error()))
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formulas_become_text_and_numbers_stay_numbers() {
        for (given, written) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1+2", "'+1+2"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("'=1", "''=1"),
            ("-", "'-"),
            ("-1e5", "'-1e5"),
            ("-500", "-500"),
            ("-1234.50", "-1234.50"),
            ("1234", "1234"),
            ("Lotus ring", "Lotus ring"),
            ("", ""),
        ] {
            assert_eq!(cell(given), written, "{given:?}");
        }
    }
}
