//! Ledgers as CSV files (feature `csv`): one file per sheet, UTF-8 (with or without a byte-order mark) or GBK.
//!
//! # How the sheets map to files
//!
//! A ledger in CSV is a **directory** holding one file per sheet, named as the sheet: `线索.csv` (required),
//! `台账.csv`, `县区.csv`, `联系记录.csv`, `进展记录.csv`, `提交记录.csv`, `问题.csv` (each optional). Each file
//! is one table: the header row, then the rows, as the [ledger](super) describes. [`Ledger::read_csv`] takes
//! either the directory, or one of its files: a file named after a sheet (`线索.csv`) is read with its sibling
//! files of the other sheets; a file of any other name (`clues-2025.csv`) is read alone as the `线索` sheet, a
//! ledger of clues without contacts, submissions or findings.
//!
//! Reading detects the encoding of each file: UTF-8 with a byte-order mark, UTF-8, or else GBK (GB 18030, as a
//! Chinese Excel saves “CSV (逗号分隔)”); bytes that are none of these are refused. Rows may differ in length;
//! the row numbers in errors are the spreadsheet's (a cell with a line break does not shift them). Writing gives
//! UTF-8 with a byte-order mark, so that Excel opens the Chinese text as such.
//!
//! ```
//! use wage_arrears::ledger::{Ledger, csv};
//! let gbk: &[u8] = &[0xcf, 0xdf, 0xcb, 0xf7, 0xb1, 0xe0, 0xba, 0xc5]; // “线索编号” in GBK
//! let table = csv::read_table("线索", gbk)?;
//! assert_eq!(table.rows[0][0], "线索编号");
//! # Ok::<(), wage_arrears::Error>(())
//! ```

use std::path::{Path, PathBuf};

use super::{Ledger, SHEETS, Sheet, Table};
use crate::Error;

fn read_error(reason: String) -> Error {
    Error::Spreadsheet {
        action: "read",
        format: "csv",
        reason,
    }
}

fn write_error(reason: String) -> Error {
    Error::Spreadsheet {
        action: "write",
        format: "csv",
        reason,
    }
}

/// The text of a CSV file: UTF-8 with or without a byte-order mark, or GBK.
///
/// # Errors
/// [`Error::Spreadsheet`] when the bytes are neither.
pub fn decode(bytes: &[u8]) -> Result<String, Error> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8(rest.to_vec())
            .map_err(|e| read_error(format!("not UTF-8 after its byte-order mark: {e}")));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    let (text, had_errors) = encoding_rs::GBK.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(read_error(
            "the file is neither UTF-8 nor GBK text (save it as “CSV UTF-8” or “CSV (逗号分隔)”)"
                .to_owned(),
        ));
    }
    Ok(text.into_owned())
}

/// One CSV file as the table of sheet `name` (`rows[0]` is the file's first row).
///
/// # Errors
/// [`Error::Spreadsheet`] when the bytes are not UTF-8 or GBK text, or not CSV.
pub fn read_table(name: &str, bytes: &[u8]) -> Result<Table, Error> {
    let text = decode(bytes)?;
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| read_error(format!("{name}: {e}")))?;
        rows.push(record.iter().map(str::to_owned).collect());
    }
    Ok(Table {
        name: name.to_owned(),
        rows,
    })
}

/// A table as a CSV file: UTF-8 with a byte-order mark, fields quoted where needed, lines ending in CRLF.
///
/// # Errors
/// [`Error::Spreadsheet`] when the writer fails.
pub fn write_table(table: &Table) -> Result<Vec<u8>, Error> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut writer = ::csv::WriterBuilder::new()
            .flexible(true)
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut out);
        for row in &table.rows {
            writer
                .write_record(row)
                .map_err(|e| write_error(format!("{}: {e}", table.name)))?;
        }
        writer
            .flush()
            .map_err(|e| write_error(format!("{}: {e}", table.name)))?;
    }
    Ok(out)
}

fn read_file(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|e| read_error(format!("{}: {e}", path.display())))
}

impl Ledger {
    /// Reads a ledger from CSV: a directory of `<sheet>.csv` files, one of those files with its siblings, or a
    /// single file of any other name as the `线索` sheet (see the [module docs](self)).
    ///
    /// # Errors
    /// [`Error::Spreadsheet`] when a file cannot be read or is not UTF-8 or GBK CSV; [`Error::InvalidLedger`]
    /// with every bad cell.
    pub fn read_csv(path: &Path) -> Result<Ledger, Error> {
        Ledger::from_tables(&read_csv_tables(path)?)
    }

    /// Writes the ledger as one CSV file per sheet into `dir` (created if missing): what [`Ledger::read_csv`]
    /// reads back to the same ledger. Returns the files written.
    ///
    /// # Errors
    /// [`Error::Spreadsheet`] when the directory or a file cannot be written.
    pub fn write_csv(&self, dir: &Path) -> Result<Vec<PathBuf>, Error> {
        std::fs::create_dir_all(dir).map_err(|e| write_error(format!("{}: {e}", dir.display())))?;
        let mut written = Vec::new();
        for table in self.to_tables() {
            let path = dir.join(format!("{}.csv", table.name));
            std::fs::write(&path, write_table(&table)?)
                .map_err(|e| write_error(format!("{}: {e}", path.display())))?;
            written.push(path);
        }
        Ok(written)
    }
}

/// The tables a CSV path holds (see [`Ledger::read_csv`]).
///
/// # Errors
/// [`Error::Spreadsheet`] when a file cannot be read or decoded.
pub fn read_csv_tables(path: &Path) -> Result<Vec<Table>, Error> {
    let sheet_of_file = path
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(Sheet::named);
    let dir = if path.is_dir() {
        Some(path.to_path_buf())
    } else if sheet_of_file.is_some() {
        Some(path.parent().map_or_else(PathBuf::new, Path::to_path_buf))
    } else {
        None
    };
    let Some(dir) = dir else {
        return Ok(vec![read_table("线索", &read_file(path)?)?]);
    };
    let mut tables = Vec::new();
    for sheet in SHEETS {
        let file = dir.join(format!("{}.csv", sheet.name));
        if file.is_file() {
            tables.push(read_table(sheet.name, &read_file(&file)?)?);
        }
    }
    Ok(tables)
}
