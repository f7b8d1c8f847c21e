//! Reading an import file: UTF-8 CSV with a header row naming exactly the columns of
//! `PieceForm`, at most `MAX_ROWS` pieces and `MAX_BYTES` bytes. Whole-file problems (size,
//! encoding, columns, CSV syntax) are a `FileError`; a row's field problems are left to
//! `PieceForm::parse`.

use std::collections::BTreeSet;

use crate::inventory::PieceForm;

/// The columns, in the documented order (any order is accepted).
pub const COLUMNS: [&str; 14] = [
    "sku",
    "title",
    "description",
    "kind",
    "metal",
    "purity",
    "gross_weight_g",
    "net_weight_g",
    "ring_size",
    "huid",
    "price",
    "center",
    "stones",
    "labor",
];
pub const MAX_ROWS: usize = 5_000;
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// What is wrong with the file as a whole, in words for the person who made it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct FileError(pub String);

/// One piece of the file. `number` counts pieces from 1 (the header is not counted, so row 1
/// is the spreadsheet's line 2).
#[derive(Debug, Clone)]
pub struct Row {
    pub number: usize,
    pub form: PieceForm,
}

fn fail<T>(message: impl Into<String>) -> Result<T, FileError> {
    Err(FileError(message.into()))
}

/// Reads the file into rows; a cell of `stones` or `labor` holds entries separated by `;`.
pub fn read(bytes: &[u8]) -> Result<Vec<Row>, FileError> {
    if bytes.len() > MAX_BYTES {
        return fail("The file is larger than 5 MB. Split it into smaller files.");
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| FileError("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.".into()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return fail("The file is empty. It needs a header row and one row per piece.");
    }
    let mut reader = csv::ReaderBuilder::new().has_headers(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let headers: Vec<String> =
        reader.headers().map_err(|e| FileError(describe(&e)))?.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
    check_columns(&headers)?;
    let index = |name: &str| headers.iter().position(|h| h == name).unwrap_or(usize::MAX);
    let at: Vec<usize> = COLUMNS.iter().map(|c| index(c)).collect();
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| FileError(describe(&e)))?;
        if record.iter().all(str::is_empty) {
            continue; // a spreadsheet's blank line: not a piece
        }
        if rows.len() == MAX_ROWS {
            return fail("The file has more than 5,000 pieces. Split it into smaller files.");
        }
        let cell = |n: usize| record.get(at[n]).unwrap_or("").to_string();
        let entries = |n: usize| {
            record
                .get(at[n])
                .unwrap_or("")
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        };
        rows.push(Row {
            number: i + 1,
            form: PieceForm {
                sku: cell(0),
                title: cell(1),
                description: cell(2),
                kind: cell(3),
                metal: cell(4),
                purity: cell(5),
                gross_weight_g: cell(6),
                net_weight_g: cell(7),
                ring_size: cell(8),
                huid: cell(9),
                // Not a CSV column (the file's columns are fixed): set on the piece form.
                huid_exemption: String::new(),
                price: cell(10),
                center: cell(11),
                stones: entries(12),
                labor: entries(13),
                wage: String::new(),
            },
        });
    }
    if rows.is_empty() {
        return fail("The file has a header row but no pieces.");
    }
    Ok(rows)
}

fn check_columns(headers: &[String]) -> Result<(), FileError> {
    let mut seen = BTreeSet::new();
    let mut problems = Vec::new();
    let twice: Vec<&str> = headers.iter().filter(|h| !seen.insert(h.as_str())).map(String::as_str).collect();
    let unknown: Vec<&str> = headers
        .iter()
        .map(String::as_str)
        .filter(|h| !COLUMNS.contains(h))
        .map(|h| if h.is_empty() { "(blank)" } else { h })
        .collect();
    let missing: Vec<&str> = COLUMNS.iter().copied().filter(|c| !seen.contains(c)).collect();
    if !unknown.is_empty() {
        problems.push(format!("unknown column(s): {}", unknown.join(", ")));
    }
    if !missing.is_empty() {
        problems.push(format!("missing column(s): {}", missing.join(", ")));
    }
    if !twice.is_empty() {
        problems.push(format!("column(s) named twice: {}", twice.join(", ")));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        fail(format!(
            "The header row is not right: {}. The first row must name these columns: {}.",
            problems.join("; "),
            COLUMNS.join(", ")
        ))
    }
}

fn describe(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths { pos, expected_len, len } => {
            let line = pos.as_ref().map(|p| p.line()).unwrap_or(0);
            format!("Line {line} of the file has {len} cells, but the header row has {expected_len}. Check for a missing or extra comma, or a cell with a comma that is not in quotes.")
        }
        csv::ErrorKind::Utf8 { .. } => "The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.".into(),
        _ => format!("The file could not be read as CSV: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "sku,title,description,kind,metal,purity,gross_weight_g,net_weight_g,ring_size,huid,price,center,stones,labor";

    #[test]
    fn cells_map_to_the_form_and_entries_split_on_semicolons() {
        let file = format!(
            "\u{feff}{HEADER}\nKOL-1,Lotus,\"A ring, handmade\",ring,yellow_gold,22K916,4.2,4.1,12,,500,,ruby, 2, 0.3; pearl, 1, 0,\n,,,,,,,,,,,,,\nKOL-2,B,,pendant,rose_gold,18K750,2,1.9,,,300,mumbai,,\n"
        );
        // The stones cell above is not quoted, so it splits into extra cells: a clear error.
        assert!(read(file.as_bytes()).unwrap_err().0.contains("Line 2 of the file has"));
        let file = format!(
            "{HEADER}\nKOL-1,Lotus,\"A ring, handmade\",ring,yellow_gold,22K916,4.2,4.1,12,,500,,\"ruby, 2, 0.3; pearl, 1, 0\",\n,,,,,,,,,,,,,\nKOL-2,B,,pendant,rose_gold,18K750,2,1.9,,,300,mumbai,,\n"
        );
        let rows = read(file.as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].number, 1);
        assert_eq!(rows[0].form.description, "A ring, handmade");
        assert_eq!(rows[0].form.stones, "ruby, 2, 0.3\npearl, 1, 0");
        assert_eq!(rows[1].number, 3, "the blank line keeps its number");
        assert_eq!(rows[1].form.center, "mumbai");
    }

    #[test]
    fn unknown_and_missing_columns_are_named() {
        let e = read(b"sku,title,colour\nA,B,C\n").unwrap_err().0;
        assert!(e.contains("unknown column(s): colour"), "{e}");
        assert!(e.contains("missing column(s): description, kind"), "{e}");
        assert!(read(format!("{HEADER}\n").as_bytes()).unwrap_err().0.contains("no pieces"));
        assert!(read(&[0xff, 0xfe, 0x00]).unwrap_err().0.contains("UTF-8"));
    }
}
