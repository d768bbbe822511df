//! # wage-arrears
//!
//! Exact, tested, explainable rules for handling wage-arrears clues (欠薪线索) in Chinese labour inspection
//! (人社部门 / 劳动保障监察): the clocks a clue runs on, the conclusion it may be closed with, the follow-ups it
//! still owes, the city's monthly spot checks, and the county's annual score.
//!
//! The crate does no I/O and keeps no global state. Every function takes the model, a [`Policy`] and a
//! [`WorkCalendar`] and returns a value or an [`Error`]; none panics on any input. Every output carries a
//! [`RuleId`] that knows its clause in the policy texts.
//!
//! ## The modules, in the order data flows
//!
//! | module | what it answers | seed |
//! |---|---|---|
//! | [`calendar`] | is a day a working day (调休 included); N working or natural days after a date, O(1) | 民法典 第201/203条, State Council notices 2004–2026 |
//! | [`model`] | a clue and its record, as typed serde data | 平人社监察〔2024〕15号 二 |
//! | [`policy`] | every number and switch of a city's rules, with its clause; the policy in force on a date | the five documents of [`rule::Document`] |
//! | [`rule`] | the catalogue: rule id → citation, Chinese text, English summary | all |
//! | [`deadline`] | accept-by and respond-by, their status on a date, the red/yellow card, escalation | 平人社监察〔2024〕15号 二, 保定市高效处置农民工欠薪问题若干措施（十二）, 天水市“六项机制”（2025）重大案件提级督办机制 |
//! | [`facts`] | one clue, one pass: its checked record, clocks, escalation and record facts as of a day, derived once and read by the rules below; [`evaluate`] for a nightly re-evaluation | every rule below |
//! | [`campaign`] | a time-boxed campaign's close-all date and report dates, the clues that miss them, the weekly dispatch and monthly notices | 洛阳市根治欠薪冬季专项行动通知（2023） |
//! | [`disposition`] | whether a closing record supports its conclusion: every violated rule | 平人社监察〔2024〕15号 二(二)、三 |
//! | [`follow_up`] | what a clue still owes: agreement reminders, reviews, resubmissions, return visits | 平人社监察〔2024〕15号 三(一), 天水市“六项机制”（2025）平台投诉受理回访机制 |
//! | [`detection`] | the findings a record shows (kinds 1, 3, 4, 5, 6, 7, 8) | 平人社监察〔2024〕15号 四(一) |
//! | [`employer`] | the 统一社会信用代码 ([`CreditCode`]), the enterprise arrears ledger, repeated complaints | 保定市高效处置农民工欠薪问题若干措施（十四）; 天水市“六项机制”（2025）重大案件提级督办机制 |
//! | [`project`] | the 80% progress-payment rule of government projects | 保定市高效处置农民工欠薪问题若干措施（十一） |
//! | [`review`] | the city's monthly spot check, drawn by a committed seed and verifiable by anyone | 平人社监察〔2024〕15号 三(四)、四(一) |
//! | [`rollup`] | every county at once: one index of a ledger ([`rollup::LedgerIndex`]: ids merged, counties numbered, each clue's dates in a compact row) read by every by-county rollup | 平人社监察〔2024〕15号 一、三(四)、四(一); 洛阳市根治欠薪冬季专项行动通知（2023）一 |
//! | [`scoring`] | the county's deductions, interviews, grade (C级 or 未触发C级; A/B only from a policy's grade scale) and goals | 平人社监察〔2024〕15号 一、四(一); 平人社字〔2022〕2号 |
//! | [`explain`](mod@explain) | all of the above for one clue, with the rules that fired | every rule that fired, with its citation |
//! | [`ledger`] | ledgers as clerks keep them: tables with Chinese headers (XLSX, CSV behind features) to a [`Ledger`] and back, every bad cell at once | 平人社监察〔2024〕15号 四(一) 复核台账 |
//! | [`interpretations`] | where the texts are silent: the default and the `Policy` switch | where the texts are silent |
//! | `strategies` (feature `proptest`) | proptest generators of clues, policies, findings and ledgers for the property tests of services built on the crate | — |
//!
//! ## A clue from JSON to an explanation
//!
//! ```
//! use chrono::NaiveDate;
//! use wage_arrears::{Clue, Policy, WorkCalendar};
//!
//! let json = r#"{
//!     "id": "PDS-2026-0101", "source": "gov_cn_message", "county": "叶县",
//!     "registered_on": "2026-09-30", "accepted_on": "2026-10-09"
//! }"#;
//! let clue: Clue = wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(json))?;
//! let cal = WorkCalendar::china();
//! let policy = Policy::default();
//!
//! let due = wage_arrears::deadlines(&clue, &policy, &cal)?;
//! // 2 working days after Wed 2026-09-30: National Day runs to 10-07, so Thu 10-08 and Fri 10-09.
//! assert_eq!(due.accept.map(|d| d.due), NaiveDate::from_ymd_opt(2026, 10, 9));
//! // 30 natural days after acceptance, no roll-over by default.
//! assert_eq!(due.respond.map(|d| d.due), NaiveDate::from_ymd_opt(2026, 11, 8));
//!
//! let as_of = wage_arrears::date(2026, 11, 25)?;
//! let status = wage_arrears::status(&clue, &policy, &cal, as_of)?;
//! assert_eq!(status.card, wage_arrears::Card::Red); // 17 days overdue, no progress since the deadline
//!
//! let why = wage_arrears::explain(&clue, &policy, &cal, as_of)?;
//! assert!(why.to_string().contains("R-CARD-2 (保定市高效处置农民工欠薪问题若干措施（十二）)"));
//! # Ok::<(), wage_arrears::Error>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod calendar;
pub mod campaign;
mod day;
mod de;
pub mod deadline;
pub mod detection;
pub mod disposition;
pub mod employer;
mod error;
pub mod explain;
pub mod facts;
pub mod finding;
pub mod follow_up;
pub mod interpretations;
mod keyed;
pub mod ledger;
pub mod model;
pub mod policy;
pub mod project;
pub mod review;
pub mod rollup;
pub mod rule;
pub mod scoring;
#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub mod strategies;
mod text;
mod units;

// Every public type and function is also reachable from the crate root, so that `use wage_arrears::{…}` is enough.
// The modules stay public for their documentation (each explains its rule family) and for the few names that read
// better with their module (`deadline::status`, `review::Month`). Three groups are reached through their module
// only, because at the root their names would mislead: the ledger's table schema and readers (`ledger::Sheet`,
// `ledger::Column`, `ledger::Kind`, `ledger::SHEETS`, `ledger::excel_serial`, `ledger::csv::…`,
// `ledger::xlsx::…`: a root `Kind` or `read_table` would not say of what), and the generators of
// `strategies::…` (`strategies::policy()` beside the `policy` module, `strategies::clue()` beside `Clue`).
pub use calendar::{
    HolidayPeriod, NoticeProblem, PreviousYearDays, Rollover, WorkCalendar, YearSchedule, date,
};
pub use campaign::{
    Campaign, CampaignDeadline, CampaignMiss, CountyNotice, CountyWeek, DispatchWeek, MissKind,
    MonthlyNotice, OpenClue, ReportDue, WeeklyDispatch, campaign_deadlines, campaign_misses,
    monthly_notices, weekly_dispatch,
};
pub use de::{JsonInput, deserialize};
pub use deadline::{
    Card, Clock, ClockStatus, ClueStatus, DayUnit, Deadline, Deadlines, Escalation, EscalationFact,
    EscalationReason, FilingConditions, FilingDuty, FilingStatus, Overdue, accept_deadline,
    deadlines, escalation, escalation_with_history, respond_deadline, status,
};
pub use detection::detect_findings;
pub use disposition::{Validation, Violation, validate};
pub use employer::{
    ComplaintSubject, CreditCode, EmployerKey, EnterpriseLedger, LedgerClue, LedgerEmployer,
    RepeatedComplaint, RepeatedComplaints, enterprise_ledger, repeated_complaints,
};
pub use error::Error;
pub use explain::{Check, ClockTrace, Explanation, explain};
pub use facts::{ClueFacts, Evaluation, evaluate};
pub use finding::{Finding, FindingKind};
pub use follow_up::{FollowUp, FollowUpKind, FollowUpNote, follow_ups};
pub use ledger::{CellError, Ledger, Table};
pub use model::{
    Agreement, Clue, Conclusion, Contact, ContactChannel, Employer, EscalationFacts, HandlingLevel,
    Investigation, Payment, Progress, ProgressKind, Source, Submission, distinct_by_id,
};
pub use policy::{
    CardBasis, Clocks, EffectiveHandling, EscalationBasis, FindingMonth, GradeScale, Policy,
    PolicyBuilder, PolicySet, ProgressEvidence, Response, Rounding, SourceClock,
};
pub use project::{PaymentVerdict, ProgressPayment, Project, progress_payment};
pub use review::{
    Month, Seed, SelfReview, SpotCheck, draw_key, self_review, self_reviews_by_county,
    self_reviews_by_county_for_months, spot_check, spot_checks_by_county,
    spot_checks_by_county_for_months, verify_spot_check,
};
pub use rollup::LedgerIndex;
pub use rule::{Citation, Document, RuleId, RuleSet, RuleSetIter};
pub use scoring::{
    BaseScore, CountyScore, Grade, Interview, Kpi, NO_BASE_SCORES, Notice, assess_all, assess_year,
    counting_date, kpis, kpis_by_county,
};
pub use units::{Fen, Points, Rate, Ratio};
