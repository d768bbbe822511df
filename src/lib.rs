//! # wage-arrears
//!
//! Exact, tested, explainable rules for handling wage-arrears clues (欠薪线索) in Chinese labour inspection
//! (人社部门 / 劳动保障监察).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod calendar;
pub mod campaign;
mod de;
pub mod deadline;
pub mod detection;
pub mod disposition;
mod error;
pub mod finding;
pub mod follow_up;
pub mod interpretations;
pub mod model;
pub mod policy;
pub mod review;
pub mod rule;
pub mod scoring;
mod units;

pub use calendar::{HolidayPeriod, Rollover, WorkCalendar, YearSchedule};
pub use de::deserialize;
pub use error::Error;
pub use finding::{Finding, FindingKind};
pub use model::{
    Agreement, Clue, Conclusion, Contact, ContactChannel, EscalationFacts, HandlingLevel,
    Investigation, Payment, Progress, ProgressKind, Source, Submission,
};
pub use policy::{
    CardBasis, Clocks, EffectiveHandling, FindingMonth, Policy, PolicySet, ProgressEvidence,
    Response, Rounding, SourceClock,
};
pub use rule::{Citation, RuleId};
pub use units::{Fen, Points, Rate, Ratio};
