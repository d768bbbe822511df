//! Ledgers as XLSX workbooks (feature `xlsx`): read through `calamine`, written through `rust_xlsxwriter`.
//!
//! A workbook is one worksheet per sheet of the [ledger](super), named as the sheet (`线索`, `联系记录`, …).
//! Worksheets of other names are not read, so a workbook may carry a summary or notes. Reading takes the cells'
//! values, not their display: a date cell is its day (both the 1900 and the 1904 date systems), a number is its
//! value, a text cell its text; then [`Ledger::from_tables`] reads them as any table.
//!
//! Writing gives dates as date cells (`yyyy-mm-dd`), amounts, counts and scores as numbers, the rest as text; the
//! header row frozen; and a drop-down list (data validation, warning style so that the other accepted forms can
//! still be typed) on every coded column, its choices on a hidden sheet `选项`.
//!
//! ```
//! use wage_arrears::{Clue, Source};
//! use wage_arrears::ledger::Ledger;
//! let mut ledger = Ledger::default();
//! ledger.clues.push(Clue::new("HN-1", Source::GovCnMessage, "叶县", wage_arrears::date(2026, 11, 2)?));
//! let bytes = ledger.to_xlsx()?;
//! assert_eq!(Ledger::from_xlsx(&bytes)?, ledger);
//! # Ok::<(), wage_arrears::Error>(())
//! ```

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, Format, FormatBorder, Formula, Workbook,
    Worksheet, XlsxError,
};

use super::{Kind, Ledger, SHEETS, Sheet, Table, cells};
use crate::Error;

fn read_error(e: impl std::fmt::Display) -> Error {
    Error::Spreadsheet {
        action: "read",
        format: "xlsx",
        reason: e.to_string(),
    }
}

fn write_error(e: XlsxError) -> Error {
    Error::Spreadsheet {
        action: "write",
        format: "xlsx",
        reason: e.to_string(),
    }
}

/// A number as a spreadsheet cell shows it without formatting: `45658`, `12500.5`.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// A cell's value as a string for the ledger's reader.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => cells::yes_no_text(*b).to_owned(),
        Data::DateTime(dt) if dt.is_datetime() => {
            // The day, in either date system; Excel's 1900-02-29 stays as written, and the reader refuses it.
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTime(dt) => number_text(dt.as_f64()),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// The ledger's sheets of a workbook, as tables (`rows[0]` is the worksheet's row 1). Worksheets of other names
/// are not read.
///
/// # Errors
/// [`Error::Spreadsheet`] when the bytes are not an XLSX workbook or a worksheet cannot be read.
pub fn read_tables(bytes: &[u8]) -> Result<Vec<Table>, Error> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(read_error)?;
    let mut tables = Vec::new();
    for name in book.sheet_names() {
        if Sheet::named(&name).is_none() {
            continue;
        }
        let range = book.worksheet_range(&name).map_err(read_error)?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows: Vec<Vec<String>> = vec![Vec::new(); top as usize];
        for r in range.rows() {
            let mut row = vec![String::new(); left as usize];
            row.extend(r.iter().map(cell_text));
            while row.last().is_some_and(String::is_empty) {
                row.pop();
            }
            rows.push(row);
        }
        tables.push(Table {
            name: name.trim().to_owned(),
            rows,
        });
    }
    Ok(tables)
}

impl Ledger {
    /// Reads a ledger from an XLSX workbook.
    ///
    /// # Errors
    /// [`Error::Spreadsheet`] when the bytes are not a workbook; [`Error::InvalidLedger`] with every bad cell.
    pub fn from_xlsx(bytes: &[u8]) -> Result<Ledger, Error> {
        Ledger::from_tables(&read_tables(bytes)?)
    }

    /// Writes the ledger as an XLSX workbook that [`Ledger::from_xlsx`] reads back to the same ledger.
    ///
    /// # Errors
    /// [`Error::Spreadsheet`] when the writer fails (a text longer than the 32,767 characters a cell holds).
    pub fn to_xlsx(&self) -> Result<Vec<u8>, Error> {
        write_tables(&self.to_tables(), false)
    }
}

/// The template a clerk fills in: every sheet with its headers, one example row and the drop-down lists, and a
/// first sheet `说明` that describes every column (required or not, format, example, meaning).
///
/// # Errors
/// [`Error::Spreadsheet`] when the writer fails.
pub fn template() -> Result<Vec<u8>, Error> {
    write_tables(&Ledger::template_tables(), true)
}

/// The coded kinds that get a drop-down list, in the order of the columns of the sheet `选项`.
const LISTS: [Kind; 7] = [
    Kind::Source,
    Kind::Conclusion,
    Kind::FindingKind,
    Kind::YesNo,
    Kind::HandlingLevel,
    Kind::ContactChannel,
    Kind::ProgressKind,
];

/// The last row a drop-down list covers (0-based): the worksheet's last.
const LAST_ROW: u32 = 1_048_575;

/// Display columns of a string: CJK characters count two.
fn display_width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// Writes tables as a workbook: typed cells, frozen headers, drop-down lists; with `guide`, a first sheet `说明`.
///
/// # Errors
/// [`Error::Spreadsheet`] when the writer fails.
pub fn write_tables(tables: &[Table], guide: bool) -> Result<Vec<u8>, Error> {
    let mut book = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border(FormatBorder::Thin);
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let money = Format::new().set_num_format("0.00");
    let wrap = Format::new().set_text_wrap();

    if guide {
        let ws = book.add_worksheet();
        ws.set_name("说明").map_err(write_error)?;
        write_guide(ws, &header, &wrap)?;
    }
    for table in tables {
        let Some(spec) = Sheet::named(&table.name) else {
            continue;
        };
        let ws = book.add_worksheet();
        ws.set_name(spec.name).map_err(write_error)?;
        if spec.name == "线索" {
            ws.set_active(true);
        }
        let mut widths: Vec<usize> = vec![8; spec.columns.len()];
        for (r, row) in table.rows.iter().enumerate() {
            let rn = u32::try_from(r).unwrap_or(u32::MAX);
            for (c, value) in row.iter().enumerate() {
                let Some(col) = spec.columns.get(c) else {
                    continue;
                };
                let cn = u16::try_from(c).unwrap_or(u16::MAX);
                if let Some(w) = widths.get_mut(c) {
                    *w = (*w).max(display_width(value).min(40));
                }
                if r == 0 {
                    ws.write_string_with_format(rn, cn, value, &header)
                        .map_err(write_error)?;
                    continue;
                }
                if value.is_empty() {
                    continue;
                }
                write_cell(ws, rn, cn, col.kind, value, &date, &money)?;
            }
        }
        for (c, w) in widths.iter().enumerate() {
            let cn = u16::try_from(c).unwrap_or(u16::MAX);
            ws.set_column_width(cn, (*w as f64) + 2.0)
                .map_err(write_error)?;
        }
        ws.set_freeze_panes(1, 0).map_err(write_error)?;
        for (c, col) in spec.columns.iter().enumerate() {
            let Some(list) = LISTS.iter().position(|k| *k == col.kind) else {
                continue;
            };
            let n = col.kind.choices().map_or(0, |v| v.len());
            let letter = char::from(b'A' + list as u8);
            let validation = DataValidation::new()
                .allow_list_formula(Formula::new(format!(
                    "='选项'!${letter}$2:${letter}${}",
                    n + 1
                )))
                .set_error_style(DataValidationErrorStyle::Warning)
                .set_error_message("不在下拉列表中：请确认填写的内容（代码、原文均可）")
                .map_err(write_error)?;
            let cn = u16::try_from(c).unwrap_or(u16::MAX);
            ws.add_data_validation(1, cn, LAST_ROW, cn, &validation)
                .map_err(write_error)?;
        }
    }

    let ws = book.add_worksheet();
    ws.set_name("选项").map_err(write_error)?;
    for (c, kind) in LISTS.iter().enumerate() {
        let cn = u16::try_from(c).unwrap_or(u16::MAX);
        ws.write_string_with_format(0, cn, kind.format_zh(), &header)
            .map_err(write_error)?;
        for (r, choice) in kind.choices().unwrap_or_default().iter().enumerate() {
            ws.write_string(u32::try_from(r + 1).unwrap_or(u32::MAX), cn, choice)
                .map_err(write_error)?;
        }
    }
    ws.set_hidden(true);
    book.save_to_buffer().map_err(write_error)
}

fn write_cell(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    kind: Kind,
    value: &str,
    date: &Format,
    money: &Format,
) -> Result<(), Error> {
    // Values the ledger wrote are in its own forms; anything else (an example, a hand-made table) stays text.
    let written = match kind {
        Kind::Date => cells::date(value)
            .ok()
            .and_then(cells::excel_serial)
            .map(|serial| ws.write_number_with_format(r, c, f64::from(serial), date)),
        Kind::Yuan => cells::yuan(value)
            .ok()
            .filter(|f| f.fen() < (1 << 53))
            .map(|f| ws.write_number_with_format(r, c, f.fen() as f64 / 100.0, money)),
        Kind::Count | Kind::Year => value
            .parse::<u32>()
            .ok()
            .map(|n| ws.write_number(r, c, f64::from(n))),
        Kind::Points => cells::points(value)
            .ok()
            .filter(|p| p.milli().unsigned_abs() < (1 << 53))
            .map(|p| ws.write_number(r, c, p.milli() as f64 / 1000.0)),
        _ => None,
    };
    match written {
        Some(result) => result.map(|_| ()).map_err(write_error),
        None => ws
            .write_string(r, c, value)
            .map(|_| ())
            .map_err(write_error),
    }
}

/// The sheet `说明`: every sheet and column, with whether it is required, its format, an example and its meaning.
fn write_guide(ws: &mut Worksheet, header: &Format, wrap: &Format) -> Result<(), Error> {
    let title = Format::new().set_bold().set_font_size(14);
    ws.write_string_with_format(0, 0, "欠薪线索台账填写说明", &title)
        .map_err(write_error)?;
    ws.write_string(
        1,
        0,
        "每张工作表一张表，第一行为表头；各记录表用“线索编号”对应“线索”表。空白单元格视为未填写。读取时列出全部有误的单元格（工作表、行号、列名和内容），有任何错误则整份台账不读入。",
    )
    .map_err(write_error)?;
    let mut r = 3u32;
    for (c, h) in ["工作表", "列", "必填", "格式", "示例", "含义"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(r, u16::try_from(c).unwrap_or(0), *h, header)
            .map_err(write_error)?;
    }
    for sheet in SHEETS {
        for col in sheet.columns {
            r += 1;
            let cells = [
                sheet.name,
                col.header,
                if col.required { "是" } else { "" },
                col.kind.format_zh(),
                col.example,
                col.about,
            ];
            for (c, v) in cells.iter().enumerate() {
                ws.write_string_with_format(r, u16::try_from(c).unwrap_or(0), *v, wrap)
                    .map_err(write_error)?;
            }
        }
    }
    for (c, w) in [10.0, 18.0, 6.0, 36.0, 30.0, 60.0].iter().enumerate() {
        ws.set_column_width(u16::try_from(c).unwrap_or(0), *w)
            .map_err(write_error)?;
    }
    Ok(())
}
