//! Ledgers as clerks keep them (台账): tables with Chinese headers in, a [`Ledger`] out, and back.
//!
//! Counties keep their clue ledger in a spreadsheet and send the city a review ledger every month (复核台账,
//! 平人社监察〔2024〕15号 四(一)). This module maps such tables to the model — one sheet per table, the clue
//! tables keyed by `线索编号` — in pure code over rows of strings, so a service can feed rows from any reader. The
//! readers live behind features (off by default): `xlsx` (`Ledger::from_xlsx`, `Ledger::to_xlsx`,
//! `xlsx::template`) and `csv` (`Ledger::read_csv`, `Ledger::write_csv`, `csv::read_table`, …).
//!
//! ```
//! use wage_arrears::ledger::{Ledger, Table};
//!
//! let clues = Table::new("线索", [
//!     vec!["线索编号", "线索来源", "县（市、区）", "登记日期", "受理日期", "欠薪金额（元）", "核处结论"],
//!     vec!["HN-1", "人社部根治欠薪进行时专栏", "叶县", "2026/11/2", "2026年11月3日", "1.5万元", "5"],
//! ]);
//! let ledger = Ledger::from_tables(&[clues])?;
//! assert_eq!(ledger.clues[0].amount_owed.fen(), 1_500_000);
//! assert_eq!(ledger.clues[0].conclusion, Some(wage_arrears::Conclusion::Coordinated));
//!
//! let bad = Table::new("线索", [
//!     vec!["线索编号", "线索来源", "县（市、区）", "登记日期", "受理日期"],
//!     vec!["HN-1", "传真", "叶县", "2026-02-30", ""],
//! ]);
//! let err = Ledger::from_tables(&[bad]).unwrap_err().to_string();
//! assert!(err.contains("线索 第2行 线索来源：“传真”不是线索来源"));
//! assert!(err.contains("线索 第2行 登记日期：“2026-02-30”不是有效日期"));
//! # Ok::<(), wage_arrears::Error>(())
//! ```
//!
//! # Reading: every bad cell, or nothing
//!
//! [`Ledger::from_tables`] reads every sheet it knows and collects **every** problem before it answers: a bad
//! cell, a required cell left empty, a missing or unknown column, a clue id listed twice, a contact of a clue that
//! is not in `线索`. Each [`CellError`] names the sheet, the row as the spreadsheet numbers it (the first row is
//! 1), the column as its header reads and the value, e.g. `线索 第12行 受理日期：“2026-02-30”不是有效日期`. A
//! ledger with any problem is refused whole ([`Error::InvalidLedger`]); nothing is half-read.
//!
//! - **Header row**: the first row (of the first 20) that holds the sheet's first column (`线索编号`, …); rows
//!   above it (a title such as `2025年度欠薪线索台账`) are passed over. Headers match with spaces dropped and
//!   full-width brackets read as half-width; the aliases in the tables below read too.
//! - **Columns**: only the required ones must be there; a column left out is empty in every row. A `序号` or
//!   `备注` column is passed over; any other header the sheet does not know is an error (a misspelt header would
//!   otherwise lose its column silently).
//! - **Rows**: a row whose cells are all empty is passed over. Rows of the record sheets are kept in their order.
//! - **Empty cells** are absent: no date, no agreement, the default for yes/no and counts (stated per column).
//! - **Sheets**: `线索` is required; the others may be left out. A sheet whose name is not one of these is not
//!   read (a workbook may carry a summary); [`Sheet::named`] tells a caller which names are read.
//!
//! # Writing
//!
//! [`Ledger::to_tables`] writes every sheet with every column, in the order below, with the values as the
//! reader reads them back: the ledger read from its own tables is the same ledger, clue for clue. Dates are
//! written `2026-11-02`, amounts in 元 with two decimals, yes/no as 是/否, sources by their platform name,
//! conclusions and finding kinds as code and wording (`5 协调等非立案方式处理——已支付欠款或达成还款协议`).
//!
//! # Cell formats
//!
//! | format | reads | writes |
//! |---|---|---|
//! | date | `2026-11-02`, `2026/11/2`, `2026.11.2`, `2026年11月2日` (full-width digits too; a time after it is dropped), or an Excel serial date of the 1900 system (`46328`; day 60 is Excel's 1900-02-29, which never was, and is refused) | `2026-11-02` |
//! | dates | several dates in one cell, separated by `、` `，` `,` `；` `;`, spaces or line breaks | `2025-03-04、2025-04-02` |
//! | 元 | an amount in yuan with at most two decimals (`12500`, `12,500.50`, `¥12500元`), or in 万元 with at most six (`1.5万元`): exact to the fen; never negative | `12500.00` |
//! | count | a whole number (`12`, `12人`) | `12` |
//! | points | a score with at most three decimals (`100`, `87.4`) | `100.0` |
//! | year | `2025`, `2025年`, `2025年度` | `2025` |
//! | 是/否 | `是`/`否`, `Y`/`N`, `yes`/`no`, `true`/`false`, `1`/`0`, `√`/`×` | `是`, `否` |
//! | source | the platform's name (`人社部根治欠薪进行时专栏`, with or without `“”`), the short name (`人社部专栏`), or the crate's snake_case name (`mohrss_column`) | the platform's name |
//! | conclusion | the code (`5`, `结论5`), the official wording (`协调等非立案方式处理——已支付欠款或达成还款协议`), both (a code that contradicts the wording is refused), or the snake_case name (`coordinated`) | code and wording |
//! | finding kind | `6`, `6类`, `第6类`, the wording (`填报格式不规范，经提醒仍不改正`), or both | number and wording |
//! | credit code | an 18-character 统一社会信用代码, checked against GB 32100-2015 (length, characters, check digits) | as read |
//! | 县级/市级 | `县级`, `市级` (or `county`, `city`) | `县级`, `市级` |
//! | channel | `电话`, `短信、微信` (`短信`, `微信`), `面谈、上门` (`面谈`, `上门`) | the first form |
//! | record kind | `工作记录`, `进度反馈` | the same |
//! | text | anything; kept as written (a cell of only spaces is empty) | as is |
//!
//! # The sheets and their columns
//!
//! ### `台账`: the ledger itself: one row
//!
//! | column | required | format | example | meaning |
//! |---|---|---|---|---|
//! | `考核年度` | yes | year | `2025` | the year the ledger is assessed for |
//!
//! ### `县区`: one row per county, in the city's order
//!
//! | column | required | format | example | meaning |
//! |---|---|---|---|---|
//! | `县（市、区）` (or `县市区`, `县区`) | yes | text | `叶县` | the county |
//! | `基础分` |  | points | `100` | its score before deductions (empty: no score, so no grade from a scale) |
//!
//! ### `线索`: one row per clue
//!
//! | column | required | format | example | meaning |
//! |---|---|---|---|---|
//! | `线索编号` | yes | text | `PDS-2025-0001` | the platform's id; every other sheet refers to the clue by it |
//! | `线索来源` | yes | source | `人社部根治欠薪进行时专栏` | where it came from |
//! | `县（市、区）` (or `县市区`, `县区`) | yes | text | `叶县` | the county responsible |
//! | `被反映单位` |  | text | `平顶山市鑫源建筑工程有限公司` | the employer the clue is about (被反映单位) |
//! | `统一社会信用代码` |  | credit code | `91350213678251743X` | the employer's 统一社会信用代码, when known; needs 被反映单位 |
//! | `工程建设领域` |  | 是/否 | `是` | whether the case is in the construction sector (default 否) |
//! | `项目名称` |  | text | `叶县安置小区3号楼` | the project the clue concerns, when there is one |
//! | `登记日期` | yes | date | `2025-03-03` | the day it was registered (登记) |
//! | `接收日期` (or `受理日期`, `确认接收日期`) |  | date | `2025-03-05` | the day its acceptance was confirmed (确认接收) |
//! | `办理层级` |  | 县级/市级 | `县级` | 县级 (default) or 市级 (handled by the city, also after escalation) |
//! | `涉及人数` |  | count | `12` | workers affected (default 0) |
//! | `欠薪金额（元）` (or `欠薪金额`) |  | 元 | `186000` | amount owed, as reported or verified (default 0) |
//! | `基本案情` |  | text | `张某等12人反映……` | the facts |
//! | `核实处置情况` |  | text | `接线索后当日联系反映人……` | what was verified and done |
//! | `调查核实日期` |  | date | `2025-03-10` | the day the investigation was recorded as done; the three columns after it need it |
//! | `核实存在欠薪` |  | 是/否 | `是` | whether arrears were verified (required with 调查核实日期) |
//! | `拒不支付` |  | 是/否 | `否` | whether the employer refuses to pay (default 否) |
//! | `调查记录` |  | text | `调查笔录、工资表` | the investigation record: its reference or summary |
//! | `立案日期` |  | date |  | the day a case was filed (立案) |
//! | `支付日期` |  | date | `2025-03-20` | the day the arrears were paid; with 支付金额 |
//! | `支付金额（元）` (or `支付金额`) |  | 元 | `186000` | the amount paid; with 支付日期 |
//! | `申请强制执行日期` |  | date |  | the day court enforcement was applied for or its preparation recorded |
//! | `移送公安日期` |  | date |  | the day the case was transferred to the police |
//! | `告知反映人日期` |  | date |  | the day the reporter was told to use arbitration or the courts (codes 6, 7) |
//! | `仲裁裁决或判决` |  | text |  | the award or judgment an enforcement difficulty concerns (code 8) |
//! | `核处结论` |  | conclusion | `5 协调等非立案方式处理——已支付欠款或达成还款协议` | the conclusion chosen |
//! | `办结日期` |  | date | `2025-03-21` | the day it was closed (办结) |
//! | `部转线索` |  | 是/否 | `是` | whether the ministry transferred it (default 否) |
//! | `协议签订日期` |  | date |  | a repayment agreement (code 5): the day it was signed; the six columns after it need it |
//! | `协议支付日期` |  | date |  | the agreed payment date (required with an agreement) |
//! | `协议金额（元）` (or `协议金额`) |  | 元 |  | the agreed amount (required with an agreement) |
//! | `协议履行日期` |  | date |  | the day the employer paid under the agreement |
//! | `拒不履行协议` |  | 是/否 |  | whether the employer refuses to perform (default 否) |
//! | `拒不履行日期` |  | date |  | the day the refusal was recorded |
//! | `跟踪督促日期` |  | dates |  | the days the agreement was followed up (跟踪督促) |
//! | `跨区域施工` |  | 是/否 |  | escalation fact (default 否) |
//! | `工程结算纠纷` |  | 是/否 |  | escalation fact: 工程结算存在纠纷 (default 否) |
//! | `反复投诉` |  | 是/否 |  | escalation fact (default 否) |
//! | `重大舆情` |  | 是/否 |  | escalation fact: 引发重大舆情 (default 否) |
//! | `上级转办` |  | 是/否 |  | escalation fact: 上级转办、督导检查反馈 (default 否) |
//! | `复核日期` |  | date | `2025-04-08` | the day the city reviewed it (复核) |
//! | `回访日期` |  | dates | `2025-04-20` | return visits after closing (回访) |
//! | `责任人` |  | text | `王建伟` | the clerk responsible, named in notices |
//!
//! ### `联系记录`: one row per contact with the reporter, in order
//!
//! | column | required | format | example | meaning |
//! |---|---|---|---|---|
//! | `线索编号` | yes | text | `PDS-2025-0001` | the clue (a row of 线索) |
//! | `联系日期` | yes | date | `2025-03-05` | the day of the contact |
//! | `联系方式` |  | channel | `电话` | how (default 电话) |
//! | `联系上` |  | 是/否 | `是` | whether the reporter was reached (default 是) |
//! | `联系内容` |  | text | `电话联系反映人，了解欠薪情况` | what was said |
//!
//! ### `进展记录`: one row per progress record, in order
//!
//! | column | required | format | example | meaning |
//! |---|---|---|---|---|
//! | `线索编号` | yes | text | `PDS-2025-0001` | the clue (a row of 线索) |
//! | `记录日期` | yes | date | `2025-03-12` | the day |
//! | `记录类型` |  | record kind | `工作记录` | 工作记录 (default) or 进度反馈 (a progress feedback filed on the platform) |
//! | `记录内容` |  | text | `约谈项目负责人` | what was done |
//!
//! ### `提交记录`: one row per submission of the conclusion to the city, in order
//!
//! | column | required | format | example | meaning |
//! |---|---|---|---|---|
//! | `线索编号` | yes | text | `PDS-2025-0001` | the clue (a row of 线索) |
//! | `提交日期` | yes | date | `2025-03-21` | the day it was submitted (上报) |
//! | `已修改` |  | 是/否 | `否` | whether the record was revised since the previous submission was returned (default 否) |
//! | `退回日期` |  | date |  | the day the city returned it (退回) |
//! | `退回原因` |  | text |  | the reason the city gave |
//! | `格式不规范` |  | 是/否 | `否` | whether a reviewer marked this submission's format irregular (default 否) |
//! | `格式提醒日期` |  | date |  | the day a reviewer reminded the county to correct the format; a later submission still irregular is finding 6 |
//!
//! ### `问题`: one row per finding a reviewer recorded (复核发现的问题)
//!
//! | column | required | format | example | meaning |
//! |---|---|---|---|---|
//! | `线索编号` | yes | text | `PDS-2025-0001` | the clue |
//! | `县（市、区）` (or `县市区`, `县区`) |  | text | `叶县` | the county it counts against (default: the clue's county in 线索; required for a clue not there) |
//! | `问题类别` | yes | finding kind | `6 填报格式不规范，经提醒仍不改正` | the kind, 1–8 (平人社监察〔2024〕15号 四(一)) |
//! | `发现日期` | yes | date | `2025-04-08` | the day it was found |
//! | `责任人` |  | text | `王建伟` | the person responsible, named in the notice (点名通报) |
//! | `线索办结日期` |  | date | `2025-03-21` | the day the clue was closed, when known |
//! | `问题描述` |  | text | `核实处置情况仅写“已处理”，提醒后仍未改正` | what was found |

mod cells;
#[cfg(feature = "csv")]
pub mod csv;
mod schema;
#[cfg(feature = "xlsx")]
pub mod xlsx;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use cells::excel_serial;
pub use schema::{Column, Kind, SHEETS, Sheet};

use crate::employer::Employer;
use crate::model::{
    Agreement, Clue, Contact, ContactChannel, EscalationFacts, HandlingLevel, Investigation,
    Payment, Progress, ProgressKind, Submission,
};
use crate::{Error, Finding, Points};
use schema::{IGNORED_HEADERS, clues as cl, contacts as ct, counties as co, findings as fi};
use schema::{meta as me, progress as pr, submissions as su};

/// A county's ledger, or a city's: the clue records, the findings reviewers recorded, and each county's base
/// score. It reads and writes JSON (serde) as well as the tables of this module.
///
/// ```
/// use wage_arrears::ledger::Ledger;
/// let json = r#"{ "year": 2025, "clues": [], "findings": [], "base_scores": { "叶县": "100.0" } }"#;
/// let ledger: Ledger = wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(json))?;
/// assert_eq!(ledger.year, Some(2025));
/// assert_eq!(ledger.counties(), ["叶县"]);
/// # Ok::<(), wage_arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Ledger {
    /// The year the ledger is assessed for (考核年度), when it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The counties in the city's order (the rows of `县区`); counties named only elsewhere come after them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counties: Vec<String>,
    /// Every clue, with its record.
    pub clues: Vec<Clue>,
    /// The findings a reviewer recorded (kinds 2 and 6, or any other a reviewer wrote down).
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// Each county's score before deductions.
    #[serde(default)]
    pub base_scores: BTreeMap<String, Points>,
}

/// The rows of one sheet, as strings: `rows[0]` is the spreadsheet's row 1. Cells a row does not have are empty.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// The sheet's name (`线索`, `联系记录`, …).
    pub name: String,
    /// The rows, from the spreadsheet's row 1.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// A table from any rows of strings.
    pub fn new<R, C>(name: impl Into<String>, rows: impl IntoIterator<Item = R>) -> Table
    where
        R: IntoIterator<Item = C>,
        C: Into<String>,
    {
        Table {
            name: name.into(),
            rows: rows
                .into_iter()
                .map(|r| r.into_iter().map(Into::into).collect())
                .collect(),
        }
    }
}

/// One problem of a ledger's tables: a bad cell, a required cell left empty, a missing or unknown column, a
/// missing sheet. Displays as `线索 第12行 受理日期：“2026-02-30”不是有效日期`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct CellError {
    /// The sheet.
    pub sheet: String,
    /// The row as the spreadsheet numbers it (the first row is 1); `None` for a problem of the whole sheet.
    pub row: Option<u32>,
    /// The column, as its header reads in the sheet (or `第C列` for a column without a header).
    pub column: Option<String>,
    /// The cell's value, as read (empty for an empty cell).
    pub value: String,
    /// What is wrong, in words.
    pub problem: String,
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.sheet)?;
        if let Some(row) = self.row {
            write!(f, " 第{row}行")?;
        }
        if let Some(column) = &self.column {
            write!(f, " {column}")?;
        }
        f.write_str("：")?;
        if !self.value.is_empty() {
            write!(f, "“{}”", self.value)?;
        }
        f.write_str(&self.problem)
    }
}

impl CellError {
    /// The errors, one a line.
    pub(crate) fn lines(errors: &[CellError]) -> String {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────────────────────────

/// How many rows may stand above the header row (titles, notes).
const HEADER_SEARCH_ROWS: usize = 20;

/// A header as it is compared: no spaces, half-width brackets.
fn header_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            other => other,
        })
        .collect()
}

/// The spreadsheet's name of a column: A, B, …, Z, AA, …
fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

fn row_number(index: usize) -> u32 {
    u32::try_from(index.saturating_add(1)).unwrap_or(u32::MAX)
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Where a problem sorts: the sheet's place in [`SHEETS`], the row, the column's place in the row.
type Place = (usize, u32, usize);

/// The problems found so far, each with its place.
#[derive(Default)]
struct Problems(Vec<(Place, CellError)>);

impl Problems {
    fn sheet(&mut self, sheet: &str, row: Option<u32>, column: Option<&str>, problem: String) {
        self.add(
            (0, row.unwrap_or(0), 0),
            CellError {
                sheet: sheet.to_owned(),
                row,
                column: column.map(str::to_owned),
                value: String::new(),
                problem,
            },
        );
    }

    fn add(&mut self, (_, row, col): Place, error: CellError) {
        let sheet = SHEETS
            .iter()
            .position(|s| s.name == error.sheet)
            .unwrap_or(SHEETS.len());
        self.0.push(((sheet, row, col), error));
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    /// Every problem, in the order of the sheets, rows and columns (a stable sort: same-cell problems keep their
    /// order).
    fn into_sorted(mut self) -> Vec<CellError> {
        self.0.sort_by_key(|(place, _)| *place);
        self.0.into_iter().map(|(_, e)| e).collect()
    }
}

/// A sheet whose header row was found and whose columns are known.
struct Opened<'t> {
    spec: &'static Sheet,
    table: &'t Table,
    header: usize,
    /// For each column of the spec, its position in the rows, if the sheet has it.
    at: Vec<Option<usize>>,
}

impl<'t> Opened<'t> {
    /// Finds the header row and the columns; `None` (with the problems recorded) when the sheet cannot be read.
    fn open(spec: &'static Sheet, table: &'t Table, problems: &mut Problems) -> Option<Opened<'t>> {
        let key = spec.key();
        let is_key = |cell: &String| {
            let k = header_key(cell);
            k == header_key(key.header) || key.aliases.iter().any(|a| header_key(a) == k)
        };
        let Some(header) = table
            .rows
            .iter()
            .take(HEADER_SEARCH_ROWS)
            .position(|r| r.iter().any(is_key))
        else {
            problems.sheet(
                spec.name,
                None,
                None,
                format!(
                    "找不到表头行（前 {HEADER_SEARCH_ROWS} 行中没有“{}”列）",
                    key.header
                ),
            );
            return None;
        };
        let n = row_number(header);
        let before = problems.len();
        let mut at = vec![None; spec.columns.len()];
        for (i, cell) in table.rows[header].iter().enumerate() {
            let k = header_key(cell);
            if k.is_empty() {
                let used = table.rows[header + 1..]
                    .iter()
                    .any(|r| r.get(i).is_some_and(|c| !blank(c)));
                if used {
                    problems.sheet(
                        spec.name,
                        Some(n),
                        Some(&format!("第{}列", column_letter(i))),
                        "这一列有内容但没有表头".to_owned(),
                    );
                }
                continue;
            }
            if IGNORED_HEADERS.contains(&k.as_str()) {
                continue;
            }
            let found = spec.columns.iter().position(|c| {
                header_key(c.header) == k || c.aliases.iter().any(|a| header_key(a) == k)
            });
            match found {
                Some(c) if at[c].is_some() => problems.sheet(
                    spec.name,
                    Some(n),
                    Some(cell.trim()),
                    format!("列重复（“{}”已在前面出现）", spec.columns[c].header),
                ),
                Some(c) => at[c] = Some(i),
                None => problems.sheet(
                    spec.name,
                    Some(n),
                    Some(cell.trim()),
                    "不是本表的列（表头应与模板一致；序号、备注两列可以保留）".to_owned(),
                ),
            }
        }
        for (c, col) in spec.columns.iter().enumerate() {
            if col.required && at[c].is_none() {
                problems.sheet(
                    spec.name,
                    Some(n),
                    None,
                    format!("缺少必填列“{}”", col.header),
                );
            }
        }
        (problems.len() == before).then_some(Opened {
            spec,
            table,
            header,
            at,
        })
    }

    /// The rows under the header that have anything in them.
    fn rows(&self) -> impl Iterator<Item = Row<'_>> + '_ {
        let first = self.header + 1;
        self.table
            .rows
            .iter()
            .enumerate()
            .skip(first)
            .filter(|(_, cells)| cells.iter().any(|c| !blank(c)))
            .map(move |(i, cells)| Row {
                sheet: self,
                number: row_number(i),
                cells,
            })
    }

    /// The header of a column as the sheet writes it.
    fn header_of(&self, c: usize) -> &str {
        self.at[c]
            .and_then(|i| self.table.rows[self.header].get(i))
            .map_or(self.spec.columns[c].header, |h| h.trim())
    }
}

/// One row of an opened sheet.
struct Row<'t> {
    sheet: &'t Opened<'t>,
    number: u32,
    cells: &'t [String],
}

impl Row<'_> {
    fn raw(&self, c: usize) -> &str {
        self.sheet.at[c]
            .and_then(|i| self.cells.get(i))
            .map_or("", String::as_str)
    }

    fn filled(&self, c: usize) -> bool {
        !blank(self.raw(c))
    }

    fn error(&self, c: usize, problem: String, problems: &mut Problems) {
        problems.add(
            (0, self.number, self.sheet.at[c].unwrap_or(usize::MAX)),
            CellError {
                sheet: self.sheet.spec.name.to_owned(),
                row: Some(self.number),
                column: Some(self.sheet.header_of(c).to_owned()),
                value: self.raw(c).trim().to_owned(),
                problem,
            },
        );
    }

    /// The cell read by `read`; `None` when empty, or when bad (the problem recorded).
    fn get<T>(
        &self,
        c: usize,
        read: impl Fn(&str) -> Result<T, String>,
        problems: &mut Problems,
    ) -> Option<T> {
        let raw = self.raw(c);
        if blank(raw) {
            return None;
        }
        match read(raw) {
            Ok(v) => Some(v),
            Err(problem) => {
                self.error(c, problem, problems);
                None
            }
        }
    }

    /// As [`Row::get`], and an empty cell is a problem too.
    fn need<T>(
        &self,
        c: usize,
        read: impl Fn(&str) -> Result<T, String>,
        problems: &mut Problems,
    ) -> Option<T> {
        if !self.filled(c) {
            self.error(c, "必填".to_owned(), problems);
            return None;
        }
        self.get(c, read, problems)
    }

    /// A cell that must be filled because another one is: `why` names the other.
    fn need_with<T>(
        &self,
        c: usize,
        why: &str,
        read: impl Fn(&str) -> Result<T, String>,
        problems: &mut Problems,
    ) -> Option<T> {
        if !self.filled(c) {
            self.error(c, format!("必填（已填{why}）"), problems);
            return None;
        }
        self.get(c, read, problems)
    }

    /// Free text, as written; a cell of only spaces is empty.
    fn text(&self, c: usize) -> String {
        let raw = self.raw(c);
        if blank(raw) {
            String::new()
        } else {
            raw.to_owned()
        }
    }

    /// A name or id: trimmed.
    fn name(&self, c: usize) -> String {
        self.raw(c).trim().to_owned()
    }

    fn opt_text(&self, c: usize) -> Option<String> {
        Some(self.text(c)).filter(|t| !t.is_empty())
    }
}

fn ok_name(s: &str) -> Result<String, String> {
    Ok(s.trim().to_owned())
}

/// The tables by sheet; a sheet listed twice is a problem.
fn by_sheet<'t>(tables: &'t [Table], problems: &mut Problems) -> HashMap<&'static str, &'t Table> {
    let mut out = HashMap::new();
    for t in tables {
        let Some(spec) = Sheet::named(&t.name) else {
            continue;
        };
        if out.insert(spec.name, t).is_some() {
            problems.sheet(spec.name, None, None, "工作表重复".to_owned());
        }
    }
    out
}

impl Ledger {
    /// Reads a ledger from its tables (see the [module docs](self) for the sheets and columns).
    ///
    /// # Errors
    /// [`Error::InvalidLedger`] with **every** problem found, each naming the sheet, row, column and value.
    pub fn from_tables(tables: &[Table]) -> Result<Ledger, Error> {
        let mut problems = Problems::default();
        let sheets = by_sheet(tables, &mut problems);
        let open = |spec: &'static Sheet, problems: &mut Problems| {
            sheets
                .get(spec.name)
                .and_then(|t| Opened::open(spec, t, problems))
        };
        let mut ledger = Ledger::default();

        if let Some(sheet) = open(&schema::META, &mut problems) {
            for (k, row) in sheet.rows().enumerate() {
                if k > 0 {
                    row.error(
                        me::C::YEAR as usize,
                        "“台账”表只填一行".to_owned(),
                        &mut problems,
                    );
                    continue;
                }
                ledger.year = row.need(me::C::YEAR as usize, cells::year, &mut problems);
            }
        }

        if let Some(sheet) = open(&schema::COUNTIES, &mut problems) {
            let mut seen: HashMap<String, u32> = HashMap::new();
            for row in sheet.rows() {
                let Some(county) = row.need(co::C::COUNTY as usize, ok_name, &mut problems) else {
                    continue;
                };
                let base = row.get(co::C::BASE as usize, cells::points, &mut problems);
                if let Some(first) = seen.get(&county) {
                    row.error(
                        co::C::COUNTY as usize,
                        format!("与第{first}行重复"),
                        &mut problems,
                    );
                    continue;
                }
                seen.insert(county.clone(), row.number);
                if let Some(base) = base {
                    ledger.base_scores.insert(county.clone(), base);
                }
                ledger.counties.push(county);
            }
        }

        let clue_sheet = match sheets.get(schema::CLUES.name) {
            Some(t) => Opened::open(&schema::CLUES, t, &mut problems),
            None => {
                problems.sheet(
                    schema::CLUES.name,
                    None,
                    None,
                    "缺少工作表（台账至少要有“线索”表）".to_owned(),
                );
                None
            }
        };
        // Clue id → (position in `ledger.clues`, or none when its row is bad; the row it is on).
        let mut ids: HashMap<String, (Option<usize>, u32)> = HashMap::new();
        if let Some(sheet) = &clue_sheet {
            for row in sheet.rows() {
                let id = row.need(cl::C::ID as usize, ok_name, &mut problems);
                if let Some(id) = &id
                    && let Some((_, first)) = ids.get(id)
                {
                    row.error(
                        cl::C::ID as usize,
                        format!("与第{first}行重复"),
                        &mut problems,
                    );
                    continue;
                }
                let clue = read_clue(&row, id.clone(), &mut problems);
                if let Some(id) = id {
                    let at = clue.map(|c| {
                        ledger.clues.push(c);
                        ledger.clues.len() - 1
                    });
                    ids.insert(id, (at, row.number));
                }
            }
        }
        let clues_known = clue_sheet.is_some();
        // The clue a record row belongs to: `Some(None)` when the clue's own row is bad (its problems are
        // recorded there), `None` when the id is not in 线索 (a problem of this row).
        let owner = |row: &Row<'_>, c: usize, problems: &mut Problems| -> Option<Option<usize>> {
            let id = row.need(c, ok_name, problems)?;
            match ids.get(&id) {
                Some((at, _)) => Some(*at),
                None if clues_known => {
                    row.error(c, "不在“线索”表中".to_owned(), problems);
                    None
                }
                None => Some(None),
            }
        };

        if let Some(sheet) = open(&schema::CONTACTS, &mut problems) {
            for row in sheet.rows() {
                let clue = owner(&row, ct::C::ID as usize, &mut problems);
                let on = row.need(ct::C::ON as usize, cells::date, &mut problems);
                let channel = row
                    .get(ct::C::CHANNEL as usize, cells::channel, &mut problems)
                    .unwrap_or(ContactChannel::Phone);
                let reached = row
                    .get(ct::C::REACHED as usize, cells::yes_no, &mut problems)
                    .unwrap_or(true);
                if let (Some(Some(at)), Some(on)) = (clue, on)
                    && let Some(c) = ledger.clues.get_mut(at)
                {
                    c.contacts.push(Contact {
                        on,
                        channel,
                        reached,
                        note: row.text(ct::C::NOTE as usize),
                    });
                }
            }
        }

        if let Some(sheet) = open(&schema::PROGRESS, &mut problems) {
            for row in sheet.rows() {
                let clue = owner(&row, pr::C::ID as usize, &mut problems);
                let on = row.need(pr::C::ON as usize, cells::date, &mut problems);
                let kind = row
                    .get(pr::C::KIND as usize, cells::progress_kind, &mut problems)
                    .unwrap_or(ProgressKind::Note);
                if let (Some(Some(at)), Some(on)) = (clue, on)
                    && let Some(c) = ledger.clues.get_mut(at)
                {
                    c.progress.push(Progress {
                        on,
                        kind,
                        note: row.text(pr::C::NOTE as usize),
                    });
                }
            }
        }

        if let Some(sheet) = open(&schema::SUBMISSIONS, &mut problems) {
            for row in sheet.rows() {
                let clue = owner(&row, su::C::ID as usize, &mut problems);
                let on = row.need(su::C::ON as usize, cells::date, &mut problems);
                let revised = row
                    .get(su::C::REVISED as usize, cells::yes_no, &mut problems)
                    .unwrap_or(false);
                let returned_on = row.get(su::C::RETURNED as usize, cells::date, &mut problems);
                let irregular = row
                    .get(su::C::IRREGULAR as usize, cells::yes_no, &mut problems)
                    .unwrap_or(false);
                let reminded = row.get(su::C::REMINDED as usize, cells::date, &mut problems);
                if let (Some(on), Some(back)) = (on, returned_on)
                    && back < on
                {
                    row.error(
                        su::C::RETURNED as usize,
                        format!("早于提交日期 {on}"),
                        &mut problems,
                    );
                }
                if let (Some(Some(at)), Some(on)) = (clue, on)
                    && let Some(c) = ledger.clues.get_mut(at)
                {
                    let mut submission = Submission::new(on);
                    submission.revised = revised;
                    submission.returned_on = returned_on;
                    submission.return_reason = row.opt_text(su::C::REASON as usize);
                    submission.irregular_format = irregular;
                    submission.format_reminder_on = reminded;
                    c.submissions.push(submission);
                }
            }
        }

        if let Some(sheet) = open(&schema::FINDINGS, &mut problems) {
            for row in sheet.rows() {
                let id = row.need(fi::C::ID as usize, ok_name, &mut problems);
                let clue_county = id
                    .as_ref()
                    .and_then(|id| ids.get(id))
                    .and_then(|(at, _)| *at)
                    .and_then(|at| ledger.clues.get(at))
                    .map(|c| c.county.clone());
                let in_clues = id.as_ref().is_some_and(|id| ids.contains_key(id));
                let county = if row.filled(fi::C::COUNTY as usize) {
                    Some(row.name(fi::C::COUNTY as usize))
                } else if in_clues {
                    clue_county
                } else {
                    row.error(
                        fi::C::COUNTY as usize,
                        "必填（这条线索不在“线索”表中）".to_owned(),
                        &mut problems,
                    );
                    None
                };
                let kind = row.need(fi::C::KIND as usize, cells::finding_kind, &mut problems);
                let found = row.need(fi::C::FOUND as usize, cells::date, &mut problems);
                let closed = row.get(fi::C::CLOSED as usize, cells::date, &mut problems);
                if let (Some(id), Some(county), Some(kind), Some(found)) = (id, county, kind, found)
                {
                    let mut f = Finding::new(county, id, kind, found)
                        .with_responsible(row.name(fi::C::RESPONSIBLE as usize))
                        .with_note(row.text(fi::C::NOTE as usize));
                    f.clue_closed_on = closed;
                    ledger.findings.push(f);
                }
            }
        }

        if problems.len() == 0 {
            Ok(ledger)
        } else {
            Err(Error::InvalidLedger {
                errors: problems.into_sorted(),
            })
        }
    }

    /// Every county the ledger names: those of `counties` in their order, then any other (of a clue, a finding
    /// or a base score), sorted.
    pub fn counties(&self) -> Vec<String> {
        let listed: BTreeSet<&str> = self.counties.iter().map(String::as_str).collect();
        let mut others: BTreeSet<&str> = self.clues.iter().map(|c| c.county.as_str()).collect();
        others.extend(self.findings.iter().map(|f| f.county.as_str()));
        others.extend(self.base_scores.keys().map(String::as_str));
        let mut out: Vec<String> = Vec::new();
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for c in &self.counties {
            if seen.insert(c.as_str()) {
                out.push(c.clone());
            }
        }
        out.extend(
            others
                .into_iter()
                .filter(|c| !listed.contains(c))
                .map(str::to_owned),
        );
        out
    }
}

/// One clue from its row of `线索`; `None` when a required cell is missing or bad (the problems recorded).
fn read_clue(row: &Row<'_>, id: Option<String>, problems: &mut Problems) -> Option<Clue> {
    use cl::C;
    let c = |col: C| col as usize;
    let before = problems.len();
    let source = row.need(c(C::SOURCE), cells::source, problems);
    let county = row.need(c(C::COUNTY), ok_name, problems);
    let credit_code = row.get(c(C::CREDIT_CODE), cells::credit_code, problems);
    if row.filled(c(C::CREDIT_CODE)) && !row.filled(c(C::EMPLOYER)) {
        row.error(
            c(C::CREDIT_CODE),
            "需同时填写被反映单位".to_owned(),
            problems,
        );
    }
    let employer = Some(row.name(c(C::EMPLOYER)))
        .filter(|n| !n.is_empty())
        .map(|name| Employer { name, credit_code });
    let construction = row
        .get(c(C::CONSTRUCTION), cells::yes_no, problems)
        .unwrap_or(false);
    let registered = row.need(c(C::REGISTERED), cells::date, problems);
    let accepted = row.get(c(C::ACCEPTED), cells::date, problems);
    let level = row
        .get(c(C::LEVEL), cells::handling_level, problems)
        .unwrap_or(HandlingLevel::County);
    let workers = row.get(c(C::WORKERS), cells::count, problems).unwrap_or(0);
    let owed = row
        .get(c(C::OWED), cells::yuan, problems)
        .unwrap_or_default();

    // The investigation: its date carries the three columns after it.
    let investigated = row.get(c(C::INVESTIGATED), cells::date, problems);
    let verified = if investigated.is_some() {
        row.need_with(c(C::VERIFIED), "调查核实日期", cells::yes_no, problems)
    } else {
        row.get(c(C::VERIFIED), cells::yes_no, problems)
    };
    let refuses = row.get(c(C::REFUSES), cells::yes_no, problems);
    if !row.filled(c(C::INVESTIGATED)) {
        for col in [C::VERIFIED, C::REFUSES, C::RECORD] {
            if row.filled(c(col)) {
                row.error(c(col), "需同时填写调查核实日期".to_owned(), problems);
            }
        }
    }
    let investigation = match (investigated, verified) {
        (Some(on), Some(arrears_verified)) => Some(Investigation {
            on,
            arrears_verified,
            employer_refuses: refuses.unwrap_or(false),
            record: row.text(c(C::RECORD)),
        }),
        _ => None,
    };

    let filed = row.get(c(C::FILED), cells::date, problems);
    let paid_on = row.get(c(C::PAID_ON), cells::date, problems);
    let paid = row.get(c(C::PAID), cells::yuan, problems);
    if row.filled(c(C::PAID_ON)) && !row.filled(c(C::PAID)) {
        row.error(c(C::PAID), "必填（已填支付日期）".to_owned(), problems);
    }
    if row.filled(c(C::PAID)) && !row.filled(c(C::PAID_ON)) {
        row.error(c(C::PAID), "需同时填写支付日期".to_owned(), problems);
    }
    let payment = match (paid_on, paid) {
        (Some(on), Some(amount)) => Some(Payment { on, amount }),
        _ => None,
    };
    let enforcement = row.get(c(C::ENFORCEMENT), cells::date, problems);
    let police = row.get(c(C::POLICE), cells::date, problems);
    let informed = row.get(c(C::INFORMED), cells::date, problems);
    let conclusion = row.get(c(C::CONCLUSION), cells::conclusion, problems);
    let closed = row.get(c(C::CLOSED), cells::date, problems);
    let ministry = row
        .get(c(C::MINISTRY), cells::yes_no, problems)
        .unwrap_or(false);

    // The agreement: its signing date carries the five columns after it.
    let signed = row.get(c(C::SIGNED), cells::date, problems);
    let agreement_cols = [
        C::PAY_BY,
        C::AGREED,
        C::AGREEMENT_PAID,
        C::REFUSED,
        C::REFUSED_ON,
        C::FOLLOW_UPS,
    ];
    let agreement = if row.filled(c(C::SIGNED)) {
        let pay_by = row.need_with(c(C::PAY_BY), "协议签订日期", cells::date, problems);
        let amount = row.need_with(c(C::AGREED), "协议签订日期", cells::yuan, problems);
        let paid_on = row.get(c(C::AGREEMENT_PAID), cells::date, problems);
        let refused = row
            .get(c(C::REFUSED), cells::yes_no, problems)
            .unwrap_or(false);
        let refused_on = row.get(c(C::REFUSED_ON), cells::date, problems);
        let follow_ups = row
            .get(c(C::FOLLOW_UPS), cells::dates, problems)
            .unwrap_or_default();
        match (signed, pay_by, amount) {
            (Some(signed_on), Some(pay_by), Some(amount)) => Some(Agreement {
                signed_on,
                pay_by,
                amount,
                paid_on,
                refused_to_perform: refused,
                refused_on,
                follow_ups,
            }),
            _ => None,
        }
    } else {
        for col in agreement_cols {
            if row.filled(c(col)) {
                row.error(c(col), "需同时填写协议签订日期".to_owned(), problems);
            }
        }
        None
    };

    let mut fact = |col: C| row.get(c(col), cells::yes_no, problems).unwrap_or(false);
    let escalation = EscalationFacts {
        cross_region: fact(C::CROSS_REGION),
        settlement_dispute: fact(C::SETTLEMENT),
        repeated_complaint: fact(C::REPEATED),
        public_opinion_incident: fact(C::OPINION),
        transferred_by_superior: fact(C::SUPERIOR),
    };
    let reviewed = row.get(c(C::REVIEWED), cells::date, problems);
    let visits = row
        .get(c(C::VISITS), cells::dates, problems)
        .unwrap_or_default();

    // What reading a clue checks (`Clue::check`), said of the cell.
    if let Some(registered) = registered {
        for (col, day) in [(C::ACCEPTED, accepted), (C::CLOSED, closed)] {
            if let Some(day) = day
                && day < registered
            {
                row.error(c(col), format!("早于登记日期 {registered}"), problems);
            }
        }
    }

    if problems.len() > before {
        return None;
    }
    let mut clue = Clue::new(id?, source?, county?, registered?);
    clue.accepted_on = accepted;
    clue.handling_level = level;
    clue.workers = workers;
    clue.amount_owed = owed;
    clue.facts = row.text(c(C::FACTS));
    clue.handling = row.text(c(C::HANDLING));
    clue.investigation = investigation;
    clue.case_filed_on = filed;
    clue.payment = payment;
    clue.enforcement_applied_on = enforcement;
    clue.police_transfer_on = police;
    clue.reporter_informed_on = informed;
    clue.award_or_judgment = row.opt_text(c(C::AWARD));
    clue.conclusion = conclusion;
    clue.agreement = agreement;
    clue.closed_on = closed;
    clue.transferred_by_ministry = ministry;
    clue.escalation = escalation;
    clue.reviewed_on = reviewed;
    clue.return_visits = visits;
    clue.responsible = row.name(c(C::RESPONSIBLE));
    clue.employer = employer;
    clue.construction_sector = construction;
    clue.project = row.opt_text(c(C::PROJECT));
    if let Err(e) = clue.check() {
        row.error(c(C::ID), e.to_string(), problems);
        return None;
    }
    Some(clue)
}

// ── Writing ─────────────────────────────────────────────────────────────────────────────────────────────────

fn date_text(d: Option<NaiveDate>) -> String {
    d.map_or_else(String::new, |d| d.to_string())
}

fn header_row(spec: &Sheet) -> Vec<String> {
    spec.columns.iter().map(|c| c.header.to_owned()).collect()
}

impl Ledger {
    /// The ledger as tables, one per sheet in the order of [`SHEETS`], every column written, the header in row 1:
    /// [`Ledger::from_tables`] reads them back to the same ledger.
    ///
    /// ```
    /// use wage_arrears::{Clue, Source};
    /// use wage_arrears::ledger::Ledger;
    /// let mut ledger = Ledger::default();
    /// ledger.clues.push(Clue::new("HN-1", Source::GovCnMessage, "叶县", wage_arrears::date(2026, 11, 2)?));
    /// let tables = ledger.to_tables();
    /// assert_eq!(tables[2].name, "线索");
    /// assert_eq!(tables[2].rows[0][..3], ["线索编号", "线索来源", "县（市、区）"]);
    /// assert_eq!(tables[2].rows[1][..3], ["HN-1", "中国政府网网民留言", "叶县"]);
    /// assert_eq!(Ledger::from_tables(&tables)?, ledger);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    pub fn to_tables(&self) -> Vec<Table> {
        let yn = |b: bool| cells::yes_no_text(b).to_owned();
        let meta = Table {
            name: schema::META.name.to_owned(),
            rows: std::iter::once(header_row(&schema::META))
                .chain(self.year.map(|y| vec![y.to_string()]))
                .collect(),
        };

        let mut counties = vec![header_row(&schema::COUNTIES)];
        let listed: BTreeSet<&str> = self.counties.iter().map(String::as_str).collect();
        let names = self.counties.iter().map(String::as_str).chain(
            self.base_scores
                .keys()
                .map(String::as_str)
                .filter(|c| !listed.contains(c)),
        );
        let mut seen = BTreeSet::new();
        for name in names {
            if seen.insert(name) {
                counties.push(vec![
                    name.to_owned(),
                    self.base_scores
                        .get(name)
                        .map_or_else(String::new, ToString::to_string),
                ]);
            }
        }

        let mut clues = vec![header_row(&schema::CLUES)];
        let mut contacts = vec![header_row(&schema::CONTACTS)];
        let mut progress = vec![header_row(&schema::PROGRESS)];
        let mut submissions = vec![header_row(&schema::SUBMISSIONS)];
        for c in &self.clues {
            let inv = c.investigation.as_ref();
            let agr = c.agreement.as_ref();
            let e = &c.escalation;
            clues.push(vec![
                c.id.clone(),
                c.source.label_zh().to_owned(),
                c.county.clone(),
                c.employer
                    .as_ref()
                    .map_or_else(String::new, |e| e.name.clone()),
                c.employer
                    .as_ref()
                    .and_then(|e| e.credit_code.as_ref())
                    .map_or_else(String::new, ToString::to_string),
                yn(c.construction_sector),
                c.project.clone().unwrap_or_default(),
                c.registered_on.to_string(),
                date_text(c.accepted_on),
                cells::handling_level_text(c.handling_level).to_owned(),
                c.workers.to_string(),
                cells::yuan_text(c.amount_owed),
                c.facts.clone(),
                c.handling.clone(),
                date_text(inv.map(|i| i.on)),
                inv.map_or_else(String::new, |i| yn(i.arrears_verified)),
                inv.map_or_else(String::new, |i| yn(i.employer_refuses)),
                inv.map_or_else(String::new, |i| i.record.clone()),
                date_text(c.case_filed_on),
                date_text(c.payment.as_ref().map(|p| p.on)),
                c.payment
                    .as_ref()
                    .map_or_else(String::new, |p| cells::yuan_text(p.amount)),
                date_text(c.enforcement_applied_on),
                date_text(c.police_transfer_on),
                date_text(c.reporter_informed_on),
                c.award_or_judgment.clone().unwrap_or_default(),
                c.conclusion
                    .map_or_else(String::new, cells::conclusion_text),
                date_text(c.closed_on),
                yn(c.transferred_by_ministry),
                date_text(agr.map(|a| a.signed_on)),
                date_text(agr.map(|a| a.pay_by)),
                agr.map_or_else(String::new, |a| cells::yuan_text(a.amount)),
                date_text(agr.and_then(|a| a.paid_on)),
                agr.map_or_else(String::new, |a| yn(a.refused_to_perform)),
                date_text(agr.and_then(|a| a.refused_on)),
                agr.map_or_else(String::new, |a| cells::dates_text(&a.follow_ups)),
                yn(e.cross_region),
                yn(e.settlement_dispute),
                yn(e.repeated_complaint),
                yn(e.public_opinion_incident),
                yn(e.transferred_by_superior),
                date_text(c.reviewed_on),
                cells::dates_text(&c.return_visits),
                c.responsible.clone(),
            ]);
            for k in &c.contacts {
                contacts.push(vec![
                    c.id.clone(),
                    k.on.to_string(),
                    cells::channel_text(k.channel).to_owned(),
                    yn(k.reached),
                    k.note.clone(),
                ]);
            }
            for p in &c.progress {
                progress.push(vec![
                    c.id.clone(),
                    p.on.to_string(),
                    cells::progress_kind_text(p.kind).to_owned(),
                    p.note.clone(),
                ]);
            }
            for s in &c.submissions {
                submissions.push(vec![
                    c.id.clone(),
                    s.submitted_on.to_string(),
                    yn(s.revised),
                    date_text(s.returned_on),
                    s.return_reason.clone().unwrap_or_default(),
                    yn(s.irregular_format),
                    date_text(s.format_reminder_on),
                ]);
            }
        }

        let mut findings = vec![header_row(&schema::FINDINGS)];
        for f in &self.findings {
            findings.push(vec![
                f.clue_id.clone(),
                f.county.clone(),
                cells::finding_kind_text(f.kind),
                f.found_on.to_string(),
                f.responsible.clone(),
                date_text(f.clue_closed_on),
                f.note.clone(),
            ]);
        }

        let table = |spec: &Sheet, rows| Table {
            name: spec.name.to_owned(),
            rows,
        };
        vec![
            meta,
            table(&schema::COUNTIES, counties),
            table(&schema::CLUES, clues),
            table(&schema::CONTACTS, contacts),
            table(&schema::PROGRESS, progress),
            table(&schema::SUBMISSIONS, submissions),
            table(&schema::FINDINGS, findings),
        ]
    }

    /// The tables of an empty ledger with one example row each (the template a clerk fills in): the example
    /// values of [`Column::example`].
    pub fn template_tables() -> Vec<Table> {
        SHEETS
            .iter()
            .map(|s| Table {
                name: s.name.to_owned(),
                rows: vec![
                    header_row(s),
                    s.columns.iter().map(|c| c.example.to_owned()).collect(),
                ],
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Conclusion, Source};

    fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
            .collect()
    }

    fn errors(tables: &[Table]) -> Vec<String> {
        match Ledger::from_tables(tables) {
            Err(Error::InvalidLedger { errors }) => {
                errors.iter().map(ToString::to_string).collect()
            }
            other => panic!("expected bad cells, got {other:?}"),
        }
    }

    #[test]
    fn the_module_docs_describe_every_column_of_every_sheet() {
        let docs = include_str!("mod.rs");
        for sheet in SHEETS {
            assert!(
                docs.contains(&format!("### `{}`", sheet.name)),
                "{}",
                sheet.name
            );
            for col in sheet.columns {
                assert!(
                    docs.contains(&format!("//! | `{}`", col.header)),
                    "{} {}",
                    sheet.name,
                    col.header
                );
            }
        }
    }

    #[test]
    fn the_template_s_example_rows_are_a_ledger() {
        let ledger = Ledger::from_tables(&Ledger::template_tables()).unwrap();
        assert_eq!(ledger.year, Some(2025));
        assert_eq!(ledger.counties, ["叶县"]);
        let clue = &ledger.clues[0];
        assert_eq!(clue.source, Source::MohrssColumn);
        assert_eq!(clue.conclusion, Some(Conclusion::Coordinated));
        assert_eq!(clue.contacts.len(), 1);
        assert_eq!(ledger.findings[0].county, "叶县");
        assert_eq!(Ledger::from_tables(&ledger.to_tables()).unwrap(), ledger);
    }

    #[test]
    fn a_title_above_the_header_and_a_row_number_column_are_passed_over() {
        let t = Table {
            name: "线索".into(),
            rows: rows(&[
                &["2025年度欠薪线索台账"],
                &[],
                &[
                    "序号",
                    "线索编号",
                    "线索来源",
                    "县 (市、区)",
                    "登记日期",
                    "备注",
                ],
                &["1", "A", "12345", "叶县", "2025-03-03", "无"],
                &["", "", "", "", "", ""],
                &["2", "B", "12333", "郏县", "2025年3月4日"],
            ]),
        };
        let l = Ledger::from_tables(&[t]).unwrap();
        assert_eq!(l.clues.len(), 2);
        assert_eq!(l.clues[1].source, Source::Hotline12333);
    }

    #[test]
    fn header_problems_are_reported_and_the_sheet_is_not_read_further() {
        let t = Table {
            name: "线索".into(),
            rows: rows(&[
                &[
                    "线索编号",
                    "线索来源",
                    "登记日起",
                    "线索来源",
                    "",
                    "登记日期",
                ],
                &["A", "12345", "x", "12345", "y", "2025-13-01"],
            ]),
        };
        assert_eq!(
            errors(&[t]),
            [
                "线索 第1行 登记日起：不是本表的列（表头应与模板一致；序号、备注两列可以保留）",
                "线索 第1行 线索来源：列重复（“线索来源”已在前面出现）",
                "线索 第1行 第E列：这一列有内容但没有表头",
                "线索 第1行：缺少必填列“县（市、区）”",
            ]
        );
        assert_eq!(
            errors(&[Table::new("联系记录", [["线索编号"]])]),
            [
                "线索：缺少工作表（台账至少要有“线索”表）",
                "联系记录 第1行：缺少必填列“联系日期”"
            ]
        );
    }

    #[test]
    fn duplicate_ids_unknown_clues_and_half_filled_groups_are_each_named() {
        let clues = Table::new(
            "线索",
            rows(&[
                &[
                    "线索编号",
                    "线索来源",
                    "县（市、区）",
                    "登记日期",
                    "接收日期",
                    "支付日期",
                    "核实存在欠薪",
                    "协议金额",
                ],
                &[
                    "A",
                    "12345",
                    "叶县",
                    "2025-03-03",
                    "2025-03-01",
                    "2025-03-09",
                    "",
                    "",
                ],
                &["A", "12345", "叶县", "2025-03-03", "", "", "是", "100"],
            ]),
        );
        let contacts = Table::new(
            "联系记录",
            rows(&[&["线索编号", "联系日期"], &["Z", "2025-03-04"], &["A", ""]]),
        );
        assert_eq!(
            errors(&[clues, contacts]),
            [
                "线索 第2行 接收日期：“2025-03-01”早于登记日期 2025-03-03",
                "线索 第2行 支付金额（元）：必填（已填支付日期）",
                "线索 第3行 线索编号：“A”与第2行重复",
                "联系记录 第2行 线索编号：“Z”不在“线索”表中",
                "联系记录 第3行 联系日期：必填",
            ]
        );
    }

    #[test]
    fn a_ledger_from_json_counts_its_counties_in_the_city_s_order_then_the_rest() {
        let mut l = Ledger {
            counties: vec!["郏县".into(), "叶县".into()],
            ..Ledger::default()
        };
        l.base_scores.insert("宝丰县".into(), Points::whole(100));
        l.clues.push(Clue::new(
            "A",
            Source::Petition,
            "鲁山县",
            NaiveDate::from_ymd_opt(2025, 1, 2).unwrap(),
        ));
        assert_eq!(l.counties(), ["郏县", "叶县", "宝丰县", "鲁山县"]);
    }

    #[test]
    fn column_letters_run_past_z() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(38), "AM");
    }
}
