//! The crate's one error type.

use chrono::{Datelike, NaiveDate};

use crate::calendar::NoticeProblem;

/// Everything that can go wrong in `wage_arrears`.
///
/// Messages are lowercase, carry no trailing period, and name the offending value, so that a service can log
/// them as they are. The enum is `#[non_exhaustive]`: match it with a wildcard arm.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A date lies outside the years the working-day calendar knows. The calendar never guesses; the message names
    /// the year whose notice is missing and the fix, e.g. `date 2027-03-01 is outside the working-day calendar
    /// (2004-01-01..=2026-12-31): the 2027 holiday notice is not loaded (WorkCalendar::add_notice)`.
    #[error(
        "date {date} is outside the working-day calendar ({first}..={last}){}",
        missing_notices(*.date, *.first, *.last)
    )]
    CalendarOutOfRange {
        /// The date asked about.
        date: NaiveDate,
        /// The first day the calendar knows.
        first: NaiveDate,
        /// The last day the calendar knows.
        last: NaiveDate,
    },
    /// A year, month and day that do not name a date.
    #[error("{year:04}-{month:02}-{day:02} is not a date")]
    InvalidDate {
        /// The year.
        year: i32,
        /// The month.
        month: u32,
        /// The day.
        day: u32,
    },
    /// Counting forward ran past the last day the calendar knows, e.g. `counting 3 working days after 2026-12-29
    /// runs past 2026-12-31: the 2027 holiday notice is not loaded (WorkCalendar::add_notice)`.
    #[error(
        "counting {n} working days after {start} runs past {last}: the {} holiday notice is not loaded \
         (WorkCalendar::add_notice)",
        i64::from(last.year()) + 1
    )]
    CountPastCalendar {
        /// The start of the count.
        start: NaiveDate,
        /// How many working days were asked for.
        n: u32,
        /// The last day the calendar knows.
        last: NaiveDate,
    },
    /// Adding days to a date overflowed the range `chrono` can represent.
    #[error("adding {days} days to {date} overflows the date range")]
    DateOverflow {
        /// The start date.
        date: NaiveDate,
        /// The number of days added.
        days: u32,
    },
    /// A year schedule (one State Council notice) is inconsistent.
    #[error("invalid schedule for year {year}: {reason}")]
    InvalidSchedule {
        /// The year of the schedule.
        year: i32,
        /// What is wrong with it.
        reason: String,
    },
    /// A holiday notice's text (国务院办公厅关于YYYY年部分节假日安排的通知) that does not hold together or cannot be
    /// read, from [`YearSchedule::from_notice`](crate::YearSchedule::from_notice) or
    /// [`WorkCalendar::add_notice`](crate::WorkCalendar::add_notice). The message quotes the phrase as it stands in
    /// the text and says what is wrong, e.g. ``2026 holiday notice: `1月1日（周五）`: the annotation says 周五 but
    /// 2026-01-01 is a Thursday (周四)``.
    #[error("{year} holiday notice: `{phrase}`: {problem}")]
    InvalidNotice {
        /// The year asked for.
        year: i32,
        /// The offending phrase, quoted from the text (empty when the text has none to quote).
        phrase: String,
        /// What is wrong with it.
        problem: NoticeProblem,
    },
    /// A policy field holds a value the rules cannot work with.
    #[error("invalid policy field `{field}`: {reason}")]
    InvalidPolicy {
        /// The offending field, as named in JSON.
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// No policy in a policy set is in force on a date.
    #[error("no policy is in force on {date} (the earliest takes effect on {earliest})")]
    NoPolicyInForce {
        /// The date asked about.
        date: NaiveDate,
        /// The earliest `effective_from` in the set.
        earliest: NaiveDate,
    },
    /// A decimal that is not a valid number of points (at most three decimals).
    #[error(
        "`{0}` is not a number of points (expected a decimal such as 87.4, at most three decimals)"
    )]
    InvalidPoints(String),
    /// A string that is not a percentage with at most two decimals.
    #[error(
        "`{0}` is not a rate (expected a percentage such as 5% or 98.5%, at most two decimals)"
    )]
    InvalidRate(String),
    /// Text that is not an amount of money exact to the fen (`Fen`'s `FromStr`).
    #[error("`{text}` is not an amount of money: {reason}")]
    InvalidAmount {
        /// The text, as given.
        text: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// Text that names no value of a type (a source, a conclusion, a card, a grade, a finding kind).
    #[error("`{text}` is not {what}")]
    Unrecognized {
        /// What was expected, with examples (`a clue source (a snake_case name such as gov_cn_message, …)`).
        what: &'static str,
        /// The text, as given.
        text: String,
    },
    /// A rule id that is not in the catalogue.
    #[error("`{0}` is not a rule id of this crate")]
    UnknownRule(String),
    /// JSON (or another serde format) that does not fit the model, with the path of the offending field.
    #[error("{path}: {message}")]
    Deserialize {
        /// The path of the offending field, e.g. `clues[3].conclusion`.
        path: String,
        /// What serde said about it.
        message: String,
    },
    /// A conclusion code outside 1..=10.
    #[error("conclusion code {0} is not one of the 10 official codes (1..=10)")]
    UnknownConclusion(u8),
    /// A finding kind outside 1..=8.
    #[error("finding kind {0} is not one of the 8 official kinds (1..=8)")]
    UnknownFindingKind(u8),
    /// A clue's record contradicts itself in a way no rule can evaluate.
    #[error("clue {clue}: field `{field}`: {reason}")]
    InvalidClue {
        /// The clue's id.
        clue: String,
        /// The offending field, as named in JSON.
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// A month that is not a calendar month (`2025-13`), or one outside the dates `chrono` can represent.
    #[error("`{0}` is not a month (expected YYYY-MM with a month 01..=12)")]
    InvalidMonth(String),
    /// A campaign's dates are out of order.
    #[error("invalid campaign `{name}`: {reason}")]
    InvalidCampaign {
        /// The campaign's name.
        name: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A period that ends before it starts.
    #[error("period {from}..={to} ends before it starts")]
    InvalidPeriod {
        /// The first day.
        from: NaiveDate,
        /// The last day.
        to: NaiveDate,
    },
    /// A ledger read from tables (a workbook, CSV files, rows from a service) has bad cells: every one of them,
    /// each naming its sheet, row, column and value. Nothing of such a ledger is read.
    #[error("the ledger has {} bad cell(s):\n{}", .errors.len(), crate::ledger::CellError::lines(.errors))]
    InvalidLedger {
        /// Every bad cell, missing column or missing sheet, in the order of the sheets, rows and columns.
        errors: Vec<crate::ledger::CellError>,
    },
    /// A spreadsheet or CSV file that cannot be read or written at all (not a workbook, not text).
    #[error("cannot {action} the {format} ledger: {reason}")]
    Spreadsheet {
        /// `read` or `write`.
        action: &'static str,
        /// `xlsx` or `csv`.
        format: &'static str,
        /// What the reader or writer said.
        reason: String,
    },
    /// A 统一社会信用代码 that does not follow GB 32100-2015: its length, a character, or a check digit.
    #[error("credit code `{code}`: {reason}")]
    InvalidCreditCode {
        /// The code as given.
        code: String,
        /// What is wrong: the length, the character and its position, or the check digit expected and found.
        reason: String,
    },
    /// A slice of clues lists two different records under one clue id. Identical copies count once; different
    /// ones are refused rather than one of them picked by its position in the input.
    #[error("two different records under clue id {}", .ids.join(", "))]
    ConflictingRecords {
        /// Every id listed with two different records, in id order.
        ids: Vec<String>,
    },
    /// An arithmetic operation whose exact result does not fit its type. The crate never saturates, wraps or
    /// clamps: it says which operation could not be done exactly.
    #[error("overflow: {operation}")]
    Overflow {
        /// The operation, with its operands and units (`18446744073709551615 fen + 1 fen`).
        operation: String,
    },
    /// Text that is not a seed of the spot-check draw: exactly 64 hexadecimal digits (32 bytes).
    #[error("`{0}` is not a seed (expected exactly 64 hexadecimal digits, 32 bytes)")]
    InvalidSeed(String),
    /// A seed revealed after the draw whose SHA-256 is not the commitment published before it.
    #[error("the seed's commitment {computed} is not the published commitment `{published}`")]
    SeedCommitmentMismatch {
        /// The commitment published before the draw.
        published: String,
        /// The SHA-256 of the revealed seed.
        computed: String,
    },
    /// A spot check that records another commitment than the one published.
    #[error(
        "the spot check records commitment `{recorded}`, not the published commitment `{published}`"
    )]
    CheckCommitmentMismatch {
        /// The commitment the check records.
        recorded: String,
        /// The commitment published before the draw.
        published: String,
    },
    /// A spot check whose count of clues differs from the count the seed's redraw finds.
    #[error("the spot check counts {recorded} in `{field}`, the redraw counts {redrawn}")]
    SpotCheckPopulationMismatch {
        /// `population`, `code5_population` or `others`.
        field: &'static str,
        /// The count the check records.
        recorded: usize,
        /// The count of the redraw.
        redrawn: usize,
    },
    /// A spot check whose drawn clues are not the ones the seed draws.
    #[error(
        "the spot check's `{field}` is not what the seed draws: missing [{}], extra [{}]",
        .missing.join(", "),
        .extra.join(", ")
    )]
    SpotCheckSampleMismatch {
        /// `code5` or `sampled`.
        field: &'static str,
        /// Ids the seed draws that the check does not list, in id order.
        missing: Vec<String>,
        /// Ids the check lists that the seed does not draw, in id order.
        extra: Vec<String>,
    },
    /// A spot check whose other facts (county, due day, rules) differ from the redraw's.
    #[error("the spot check records `{field}` = {recorded}, the redraw gives {redrawn}")]
    SpotCheckFieldMismatch {
        /// `county`, `due_on`, `code5_rule` or `sample_rule`.
        field: &'static str,
        /// The value the check records.
        recorded: String,
        /// The value of the redraw.
        redrawn: String,
    },
    /// A finding whose record contradicts itself (its `rule` is not the rule of its `kind`).
    #[error("finding on clue {clue}: {reason}")]
    InvalidFinding {
        /// The clue the finding names.
        clue: String,
        /// What is wrong with it.
        reason: String,
    },
}

/// The end of the out-of-range message: which year's notice is missing and how to add it. Empty for a date inside
/// `first..=last` (which is not out of range).
fn missing_notices(date: NaiveDate, first: NaiveDate, last: NaiveDate) -> String {
    let (from, to) = if date > last {
        (i64::from(last.year()) + 1, i64::from(date.year()))
    } else if date < first {
        (i64::from(date.year()), i64::from(first.year()) - 1)
    } else {
        return String::new();
    };
    if from == to {
        format!(": the {from} holiday notice is not loaded (WorkCalendar::add_notice)")
    } else {
        format!(
            ": the holiday notices of {from} to {to} are not loaded (WorkCalendar::add_notice, one year at a time)"
        )
    }
}
