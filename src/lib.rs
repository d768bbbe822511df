//! # wage-arrears
//!
//! Exact, tested, explainable rules for handling wage-arrears clues (欠薪线索) in Chinese labour inspection
//! (人社部门 / 劳动保障监察).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod calendar;
mod error;

pub use calendar::{HolidayPeriod, Rollover, WorkCalendar, YearSchedule};
pub use error::Error;
