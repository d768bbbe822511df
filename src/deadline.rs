//! Every clock a clue runs against (平人社监察〔2024〕15号 二), its state on a date, the overdue cards (保定市高效处置农民工欠薪问题若干措施（十二）) and escalation
//! (平人社监察〔2024〕15号 二(三), 天水市“六项机制”（2025）重大案件提级督办机制).
//!
//! - [`deadlines`]: by when a clue must be accepted (working days from registration) and answered (natural days
//!   from acceptance), each deadline with its [`RuleId`].
//! - [`status`]: on a date, for each clock, not yet due / due today / overdue by N days, or met on time / met N days
//!   late; and the card (none, yellow, red).
//! - [`escalation`]: the facts that raise a case to the city, and the same-day filing duty of a raised case that
//!   meets the filing conditions; [`escalation_with_history`] adds the repeated complaints a ledger shows.
//! - [`ClueStatus::is_overdue`]: the one question a service asks first — is the clue overdue on a day, on which
//!   clock, by how many days, under which rule ([`Overdue`]).
//!
//! Counting is the calendar's ([`WorkCalendar`]): the start day is never counted (民法典 第201条); "within" is
//! inclusive, so acting on the due day is on time and the day after is the first day overdue. Overdue days are
//! natural days past the due day.
//!
//! A status is the record **as it stood on `as_of`**: a record dated after `as_of` (an acceptance, a closing, a
//! progress feedback) has not happened yet on that day.

use std::fmt;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::{Clue, HandlingLevel, ProgressKind, Source};

mod overdue;
use crate::policy::{CardBasis, EscalationBasis, Policy, ProgressEvidence, Response};
use crate::{Error, Rollover, RuleId, WorkCalendar};
pub use overdue::{Clock, Overdue};

/// What a clock counts: working days (工作日) or natural days (自然日).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayUnit {
    /// 工作日: Monday–Friday and make-up days, minus statutory holidays.
    Working,
    /// 自然日: every day.
    Natural,
}

impl DayUnit {
    /// `工作日` or `自然日`.
    pub const fn label_zh(self) -> &'static str {
        match self {
            DayUnit::Working => "工作日",
            DayUnit::Natural => "自然日",
        }
    }
}

/// One deadline: the rule that sets it, the day it counts from (not counted), how many days of which kind, and the
/// last day on which acting is on time.
///
/// The rest days a working-day count skipped are not stored: ask
/// [`rest_days_skipped`](Deadline::rest_days_skipped) (or [`WorkCalendar::rest_days_between`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// The rule that sets the deadline (`R-ACC-1` … `R-RSP-2`).
    pub rule: RuleId,
    /// The day the count starts from; not itself counted.
    pub start: NaiveDate,
    /// How many days.
    pub days: u32,
    /// Working or natural days.
    pub unit: DayUnit,
    /// For natural days, the roll-over rule the count applied (the policy's setting, whether or not the end fell on
    /// a rest day); [`Rollover::None`] for working days, which always end on a working day.
    pub rollover: Rollover,
    /// The last day on which acting is on time (inclusive).
    pub due: NaiveDate,
}

impl Deadline {
    /// The state of the clock on `as_of`, given the day the duty was met (`None` if it has not been).
    ///
    /// A `met_on` after `as_of` has not happened yet on `as_of` and is ignored. Acting on the due day is on time;
    /// before the start day the clock has not started.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use wage_arrears::deadline::{deadlines, ClockStatus};
    /// use wage_arrears::{Clue, Policy, Source, WorkCalendar};
    ///
    /// let d = wage_arrears::date;
    /// let clue = Clue::new("PDS-2026-0001", Source::MohrssColumn, "叶县", d(2026, 9, 30)?);
    /// let Some(accept) = deadlines(&clue, &Policy::default(), &WorkCalendar::china())?.accept else {
    ///     unreachable!("an MOHRSS-column clue has an acceptance clock")
    /// };
    /// assert_eq!(accept.due, d(2026, 10, 10)?);
    /// assert_eq!(accept.status(None, d(2026, 10, 10)?), ClockStatus::DueToday);
    /// assert_eq!(accept.status(None, d(2026, 10, 12)?), ClockStatus::Overdue { days: 2 });
    /// assert_eq!(
    ///     accept.status(Some(d(2026, 10, 10)?), d(2026, 11, 1)?),
    ///     ClockStatus::MetOnTime { on: d(2026, 10, 10)? }
    /// );
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    pub fn status(&self, met_on: Option<NaiveDate>, as_of: NaiveDate) -> ClockStatus {
        if let Some(on) = met_on.filter(|&on| on <= as_of) {
            let late = days_from(self.due, on);
            return if late <= 0 {
                ClockStatus::MetOnTime { on }
            } else {
                ClockStatus::MetLate {
                    on,
                    days_late: late,
                }
            };
        }
        if as_of < self.start {
            return ClockStatus::NotStarted;
        }
        // “……之日起N个工作日内” / “N个自然日内”: the due day itself is inside the window (interpretations table).
        match days_from(self.due, as_of) {
            past if past > 0 => ClockStatus::Overdue { days: past },
            0 => ClockStatus::DueToday,
            before => ClockStatus::NotYetDue { days_left: -before },
        }
    }

    /// The rest days (weekends, holidays, regional rest days) the count skipped: those in `(start, due]`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use wage_arrears::deadline::deadlines;
    /// use wage_arrears::{Clue, Policy, Source, WorkCalendar};
    ///
    /// let d = wage_arrears::date;
    /// let cal = WorkCalendar::china();
    /// let clue = Clue::new("PDS-2026-0002", Source::GovCnMessage, "郏县", d(2026, 9, 30)?);
    /// let Some(accept) = deadlines(&clue, &Policy::default(), &cal)?.accept else {
    ///     unreachable!("a gov.cn message has an acceptance clock")
    /// };
    /// assert_eq!(accept.due, d(2026, 10, 9)?);
    /// assert_eq!(accept.rest_days_skipped(&cal)?.len(), 7); // 国庆节 10-01..=10-07
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::CalendarOutOfRange`] when the start or the due day is outside the calendar.
    pub fn rest_days_skipped(&self, cal: &WorkCalendar) -> Result<Vec<NaiveDate>, Error> {
        cal.rest_days_between(self.start, self.due)
    }
}

impl fmt::Display for Deadline {
    /// `R-ACC-1 (平人社监察〔2024〕15号 二(一)): 2026-09-30 起 3 个工作日 → 2026-10-10`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} 起 {} 个{} → {}",
            self.rule.cited(),
            self.start,
            self.days,
            self.unit.label_zh(),
            self.due
        )?;
        if self.rollover == Rollover::NextWorkingDay && self.unit == DayUnit::Natural {
            f.write_str("（末日遇休息日顺延）")?;
        }
        Ok(())
    }
}

/// A clue's deadlines: acceptance, response, and what responding means for its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadlines {
    /// Accept by (working days from registration); `None` when the policy sets no clock for the source.
    pub accept: Option<Deadline>,
    /// Respond by (natural days from acceptance); `None` until the clue is accepted, or when the policy sets no
    /// clock for the source.
    pub respond: Option<Deadline>,
    /// What responding means: closing feedback, or a reply with a progress feedback if not closed.
    pub response: Response,
}

/// The deadlines of a clue under a policy (平人社监察〔2024〕15号 二(一)(二)、四(三)).
///
/// - accept by = the N-th working day after registration (`R-ACC-1` MOHRSS column, `R-ACC-2` gov.cn message /
///   State Council inspection / minister's mailbox, `R-ACC-3` Henan monitoring system, `R-ACC-4` other channels,
///   which have a clock only when the policy sets one);
/// - respond by = acceptance + N natural days, rolled over to the next working day only if
///   [`Policy::natural_day_rollover`] says so (`R-RSP-1` closing feedback, `R-RSP-2` reply or progress feedback);
///   `None` until the clue is accepted.
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::deadline::deadlines;
/// use wage_arrears::{Clue, Policy, RuleId, Source, WorkCalendar};
///
/// let d = wage_arrears::date;
/// let mut clue = Clue::new("PDS-2025-0007", Source::MohrssColumn, "汝州市", d(2025, 1, 24)?);
/// clue.accepted_on = Some(d(2025, 2, 5)?);
/// let dl = deadlines(&clue, &Policy::default(), &WorkCalendar::china())?;
/// let accept = dl.accept.map(|a| (a.rule, a.due));
/// assert_eq!(accept, Some((RuleId::AcceptMohrssColumn, d(2025, 2, 5)?)));
/// assert_eq!(dl.respond.map(|r| r.due), Some(d(2025, 4, 6)?)); // 60 natural days, no roll-over
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// - [`Error::InvalidClue`] when the clue fails [`Clue::check`] (accepted or closed before registration);
/// - [`Error::CalendarOutOfRange`] when the registration lies outside the calendar, or, with roll-over, the
///   respond-by day does (without roll-over a natural-day count needs no calendar);
/// - [`Error::CountPastCalendar`] when a working-day count (or a roll-over) runs past the calendar's last day;
/// - [`Error::DateOverflow`] when a natural-day count runs past the last date `chrono` can represent.
pub fn deadlines(clue: &Clue, policy: &Policy, cal: &WorkCalendar) -> Result<Deadlines, Error> {
    clue.check()?;
    Ok(Deadlines {
        accept: accept_deadline(clue.source, clue.registered_on, policy, cal)?,
        respond: respond_deadline(clue, policy, cal)?,
        response: policy.clocks.of(clue.source).response,
    })
}

/// 接收时限（平人社监察〔2024〕15号 二(一)）：“人社部根治欠薪进行时”专栏欠薪线索应当自线索登记之日起3个工作日内完成接收，中国政府网
/// 网民留言、国务院“互联网+督查”、部长信箱欠薪线索应当自线索登记之日起2个工作日内完成接收。
///
/// The acceptance clock alone, from the registration facts: the N-th working day strictly after `registered_on`
/// (N from `policy.clocks`), or `None` when the policy sets no acceptance clock for the source.
///
/// ```
/// use wage_arrears::deadline::accept_deadline;
/// use wage_arrears::{Policy, Source, WorkCalendar};
///
/// let due = accept_deadline(Source::MohrssColumn, wage_arrears::date(2026, 9, 30)?, &Policy::default(), &WorkCalendar::china())?;
/// assert_eq!(due.map(|d| d.due), Some(wage_arrears::date(2026, 10, 10)?));
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// [`Error::CalendarOutOfRange`] when `registered_on` is outside the calendar; [`Error::CountPastCalendar`] when
/// the count runs past its last day.
pub fn accept_deadline(
    source: Source,
    registered_on: NaiveDate,
    policy: &Policy,
    cal: &WorkCalendar,
) -> Result<Option<Deadline>, Error> {
    let Some(n) = policy.clocks.of(source).accept_working_days else {
        return Ok(None);
    };
    Ok(Some(Deadline {
        rule: accept_rule(source),
        start: registered_on,
        days: n,
        unit: DayUnit::Working,
        rollover: Rollover::None,
        // “自线索登记之日起N个工作日内”: the N-th working day strictly after the registration day.
        due: cal.add_working_days(registered_on, n)?,
    }))
}

/// 办理时限（平人社监察〔2024〕15号 二(二)）：“人社部根治欠薪进行时”专栏欠薪线索自线索确认接收之日起60个自然日内应当填写办结反馈
/// 情况，中国政府网网民留言、国务院“互联网+督查”、部长信箱欠薪线索应当自线索确认接收之日起30个自然日回复办理情况。
///
/// The response clock alone: `accepted_on` + N natural days, rolled over per `policy.natural_day_rollover`;
/// `None` until the clue is accepted, or when the policy sets no response clock for the source.
///
/// # Errors
/// [`Error::DateOverflow`] at the end of the date range; with roll-over, [`Error::CalendarOutOfRange`] when the
/// respond-by day is outside the calendar (without roll-over no calendar is needed), or
/// [`Error::CountPastCalendar`] when rolling it over runs past the calendar's last day.
pub fn respond_deadline(
    clue: &Clue,
    policy: &Policy,
    cal: &WorkCalendar,
) -> Result<Option<Deadline>, Error> {
    let clock = policy.clocks.of(clue.source);
    let (Some(n), Some(accepted_on)) = (clock.respond_natural_days, clue.accepted_on) else {
        return Ok(None);
    };
    Ok(Some(Deadline {
        rule: respond_rule(clock.response),
        start: accepted_on,
        days: n,
        unit: DayUnit::Natural,
        rollover: policy.natural_day_rollover,
        // “自线索确认接收之日起N个自然日内”: acceptance + N; roll-over per the policy (民法典 第203条).
        due: natural_due(cal, accepted_on, n, policy.natural_day_rollover)?,
    }))
}

/// `start + n` natural days (自然日); with [`Rollover::NextWorkingDay`] a rest-day end moves to the next working
/// day (民法典 第203条).
///
/// Without roll-over a natural-day count needs no knowledge of working days, so the calendar is not consulted:
/// a respond-by day in a year whose holiday notice is not out yet (a clue accepted in December) is still a date,
/// not an error. With roll-over the end day must be inside the calendar, which never guesses.
pub(crate) fn natural_due(
    cal: &WorkCalendar,
    start: NaiveDate,
    n: u32,
    rollover: Rollover,
) -> Result<NaiveDate, Error> {
    match rollover {
        Rollover::None => {
            start
                .checked_add_days(Days::new(u64::from(n)))
                .ok_or(Error::DateOverflow {
                    date: start,
                    days: n,
                })
        }
        _ => cal.add_natural_days(start, n, rollover),
    }
}

/// The acceptance rule of a source.
fn accept_rule(source: Source) -> RuleId {
    match source {
        // 平人社监察〔2024〕15号 二(一)：“人社部根治欠薪进行时”专栏欠薪线索应当自线索登记之日起3个工作日内完成接收。
        Source::MohrssColumn => RuleId::AcceptMohrssColumn,
        // 平人社监察〔2024〕15号 二(一)：中国政府网网民留言、国务院“互联网+督查”、部长信箱欠薪线索应当自线索登记之日起2个工作日内完成接收。
        Source::GovCnMessage | Source::StateCouncilInspection | Source::MinistersMailbox => {
            RuleId::AcceptTwoDaySources
        }
        // 平人社监察〔2024〕15号 四(三)：河南省农民工工资支付监管系统……欠薪线索处置比照此方案进行。
        Source::HenanMonitoring => RuleId::AcceptHenanMonitoring,
        // 保定市高效处置农民工欠薪问题若干措施（二）：12345热线、阳光信访平台、现场接访等渠道欠薪线索……快速分类转办，及时化解反馈。
        Source::Hotline12345
        | Source::Hotline12333
        | Source::Petition
        | Source::OnSite
        | Source::QrCode => RuleId::AcceptOtherChannels,
    }
}

/// The response rule of what responding means.
fn respond_rule(response: Response) -> RuleId {
    match response {
        // 平人社监察〔2024〕15号 二(二)：“人社部根治欠薪进行时”专栏欠薪线索自线索确认接收之日起60个自然日内应当填写办结反馈情况。
        Response::ClosingFeedback => RuleId::RespondClosingFeedback,
        // 平人社监察〔2024〕15号 二(二)：……应当自线索确认接收之日起30个自然日回复办理情况，未办结的需填写进度反馈。
        Response::ReplyOrProgressFeedback => RuleId::RespondReplyOrProgress,
    }
}

/// The state of one clock on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ClockStatus {
    /// Running; `days_left` natural days to the due day (1 = due tomorrow).
    NotYetDue {
        /// Natural days until the due day.
        days_left: i64,
    },
    /// Today is the due day: acting today is still on time.
    DueToday,
    /// Not met, and the due day has passed by `days` natural days (1 = the day after the due day).
    Overdue {
        /// Natural days past the due day.
        days: i64,
    },
    /// Met on or before the due day.
    MetOnTime {
        /// The day it was met.
        on: NaiveDate,
    },
    /// Met after the due day.
    MetLate {
        /// The day it was met.
        on: NaiveDate,
        /// Natural days after the due day.
        days_late: i64,
    },
    /// The clock has not started on the date asked about (before registration, or before acceptance).
    NotStarted,
}

impl ClockStatus {
    /// Whether the duty was met (on time or late).
    pub const fn is_met(self) -> bool {
        matches!(
            self,
            ClockStatus::MetOnTime { .. } | ClockStatus::MetLate { .. }
        )
    }

    /// Whether the clock is late: overdue now, or met late.
    pub const fn is_late(self) -> bool {
        matches!(
            self,
            ClockStatus::Overdue { .. } | ClockStatus::MetLate { .. }
        )
    }
}

impl fmt::Display for ClockStatus {
    /// A short Chinese description: `未到期（余3天）`, `今日到期`, `逾期2天`, `按期完成`, `逾期5天完成`, `未开始`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ClockStatus::NotYetDue { days_left } => write!(f, "未到期（余{days_left}天）"),
            ClockStatus::DueToday => f.write_str("今日到期"),
            ClockStatus::Overdue { days } => write!(f, "逾期{days}天"),
            ClockStatus::MetOnTime { .. } => f.write_str("按期完成"),
            ClockStatus::MetLate { days_late, .. } => write!(f, "逾期{days_late}天完成"),
            ClockStatus::NotStarted => f.write_str("未开始"),
        }
    }
}

/// The overdue card of a case (“红黄牌”, 保定市高效处置农民工欠薪问题若干措施（十二）).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Card {
    /// No card: not overdue (or closed).
    #[default]
    None,
    /// 黄牌: not closed by its deadline (`R-CARD-1`).
    Yellow,
    /// 红牌: overdue by the policy's days or more with no progress since the deadline (`R-CARD-2`).
    Red,
}

impl Card {
    /// `无`, `黄牌`, `红牌`.
    pub const fn label_zh(self) -> &'static str {
        match self {
            Card::None => "无",
            Card::Yellow => "黄牌",
            Card::Red => "红牌",
        }
    }

    /// The rule that gives the card; `None` for no card.
    pub const fn rule(self) -> Option<RuleId> {
        match self {
            Card::None => None,
            Card::Yellow => Some(RuleId::CardYellow),
            Card::Red => Some(RuleId::CardRed),
        }
    }
}

impl fmt::Display for Card {
    /// `无`, `黄牌`, `红牌`; width, fill and alignment are honoured (`{:>4}`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.label_zh())
    }
}

/// A clue's clocks and card on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClueStatus {
    /// The date the status describes.
    pub as_of: NaiveDate,
    /// The acceptance clock and its state; `None` when the source has no acceptance clock.
    pub accept: Option<(Deadline, ClockStatus)>,
    /// The response clock and its state; `None` until accepted, or when the source has no response clock. A clue
    /// accepted after `as_of` shows its clock as [`ClockStatus::NotStarted`].
    pub respond: Option<(Deadline, ClockStatus)>,
    /// The overdue card on `as_of`.
    pub card: Card,
    /// The rule of the card (`R-CARD-1` yellow, `R-CARD-2` red); `None` for no card.
    pub card_rule: Option<RuleId>,
}

/// A clue's clocks and card as they stood on `as_of`.
///
/// What meets each clock: acceptance — `accepted_on`; response — `closed_on` (closing feedback), or for
/// [`Response::ReplyOrProgressFeedback`] the earlier of `closed_on` and the first progress record of kind
/// [`ProgressKind::Feedback`]. Records dated after `as_of` have not happened yet on `as_of`.
///
/// The card (保定市高效处置农民工欠薪问题若干措施（十二）) is counted against the response deadline: an open case past it carries a yellow card
/// ([`Policy::card_basis`] decides whether a timely progress feedback keeps it away); overdue by
/// [`Policy::red_card_overdue_days`] or more with no progress ([`Policy::red_card_progress`]) dated after the
/// deadline, a red card. Closing the case lifts the card; a clue not yet accepted has no response clock and no
/// card (its acceptance clock shows it overdue).
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::deadline::{status, Card, ClockStatus};
/// use wage_arrears::{Clue, Policy, Source, WorkCalendar};
///
/// let d = wage_arrears::date;
/// let (policy, cal) = (Policy::default(), WorkCalendar::china());
/// let mut clue = Clue::new("PDS-2025-0031", Source::GovCnMessage, "宝丰县", d(2025, 3, 3)?);
/// clue.accepted_on = Some(d(2025, 3, 4)?); // respond by 2025-04-03
/// let s = status(&clue, &policy, &cal, d(2025, 4, 3)?)?;
/// assert_eq!(s.respond.map(|(_, state)| state), Some(ClockStatus::DueToday));
/// assert_eq!(s.card, Card::None);
/// assert_eq!(status(&clue, &policy, &cal, d(2025, 4, 4)?)?.card, Card::Yellow);
/// assert_eq!(status(&clue, &policy, &cal, d(2025, 4, 13)?)?.card, Card::Red);
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// As [`deadlines`]: [`Error::InvalidClue`], [`Error::CalendarOutOfRange`], [`Error::CountPastCalendar`],
/// [`Error::DateOverflow`]. `as_of` itself may lie outside the calendar.
pub fn status(
    clue: &Clue,
    policy: &Policy,
    cal: &WorkCalendar,
    as_of: NaiveDate,
) -> Result<ClueStatus, Error> {
    Ok(status_of(
        clue,
        policy,
        &deadlines(clue, policy, cal)?,
        as_of,
    ))
}

/// The clocks' states and the card on `as_of`, from the clue's deadlines: the step [`status`] and
/// [`ClueFacts::status`](crate::facts::ClueFacts::status) share.
pub(crate) fn status_of(
    clue: &Clue,
    policy: &Policy,
    dl: &Deadlines,
    as_of: NaiveDate,
) -> ClueStatus {
    let accept = dl.accept.map(|d| (d, d.status(clue.accepted_on, as_of)));
    let respond = dl
        .respond
        .map(|d| (d, d.status(responded_on(clue, dl.response), as_of)));
    let card = card(clue, policy, respond, as_of);
    ClueStatus {
        as_of,
        accept,
        respond,
        card,
        card_rule: card.rule(),
    }
}

/// The day the response duty was met, whenever that was.
fn responded_on(clue: &Clue, response: Response) -> Option<NaiveDate> {
    match response {
        // 平人社监察〔2024〕15号 二(二)：……60个自然日内应当填写办结反馈情况 — only closing answers it.
        Response::ClosingFeedback => clue.closed_on,
        // 平人社监察〔2024〕15号 二(二)：……30个自然日回复办理情况，未办结的需填写进度反馈 — closing, or a progress feedback.
        Response::ReplyOrProgressFeedback => {
            let feedback = clue
                .progress
                .iter()
                .filter(|p| p.kind == ProgressKind::Feedback)
                .map(|p| p.on)
                .min();
            match (clue.closed_on, feedback) {
                (Some(c), Some(f)) => Some(c.min(f)),
                (c, f) => c.or(f),
            }
        }
    }
}

/// The card on `as_of` (保定市高效处置农民工欠薪问题若干措施（十二）).
fn card(
    clue: &Clue,
    policy: &Policy,
    respond: Option<(Deadline, ClockStatus)>,
    as_of: NaiveDate,
) -> Card {
    let Some((deadline, clock)) = respond else {
        return Card::None;
    };
    // Closing lifts the card; a case is overdue only from the day after its due day ("within" is inclusive).
    if clue.is_closed_on(as_of) || as_of <= deadline.due {
        return Card::None;
    }
    // 保定市高效处置农民工欠薪问题若干措施（十二）：对未按期办结的案件标注“黄牌”预警。 What "未按期办结" counts against is the policy's
    // interpretation: not closed (default), or not answered (a timely progress feedback keeps the card away).
    match policy.card_basis {
        CardBasis::NotClosed => {}
        CardBasis::NotAnswered => {
            if matches!(clock, ClockStatus::MetOnTime { .. }) {
                return Card::None;
            }
        }
    }
    // 保定市高效处置农民工欠薪问题若干措施（十二）：超期10日仍无进展的标注“红牌”。 "10" is `red_card_overdue_days`; "进展" is `red_card_progress`.
    let overdue = days_from(deadline.due, as_of);
    let progressed = progress_after(clue, policy.red_card_progress, deadline.due, as_of);
    if overdue >= i64::from(policy.red_card_overdue_days) && !progressed {
        Card::Red
    } else {
        Card::Yellow
    }
}

/// Whether the record shows progress dated in `(after, upto]`.
fn progress_after(
    clue: &Clue,
    evidence: ProgressEvidence,
    after: NaiveDate,
    upto: NaiveDate,
) -> bool {
    let within = |d: NaiveDate| after < d && d <= upto;
    let feedback = clue
        .progress
        .iter()
        .any(|p| p.kind == ProgressKind::Feedback && within(p.on));
    match evidence {
        ProgressEvidence::FeedbackOnly => feedback,
        ProgressEvidence::AnyRecord => {
            let agreement = clue.agreement.iter().flat_map(|a| {
                [Some(a.signed_on), a.paid_on]
                    .into_iter()
                    .flatten()
                    .chain(a.follow_ups.iter().copied())
            });
            clue.progress
                .iter()
                .map(|p| p.on)
                .chain(clue.contacts.iter().map(|c| c.on))
                .chain(clue.investigation.iter().map(|i| i.on))
                .chain(clue.case_filed_on)
                .chain(clue.enforcement_applied_on)
                .chain(clue.police_transfer_on)
                .chain(clue.reporter_informed_on)
                .chain(clue.payment.iter().map(|p| p.on))
                .chain(agreement)
                .chain(clue.submissions.iter().map(|s| s.submitted_on))
                .any(within)
        }
    }
}

/// `to − from` in natural days.
pub(crate) fn days_from(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

/// One fact that may raise a case to the city (天水市“六项机制”（2025）重大案件提级督办机制).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EscalationReason {
    /// 涉及跨区域施工.
    CrossRegion,
    /// 工程结算存在纠纷.
    SettlementDispute,
    /// 涉及人数多: at least [`Policy::escalation_min_workers`] workers.
    ManyWorkers,
    /// 金额大: at least [`Policy::escalation_min_amount`] owed.
    LargeAmount,
    /// 上级转办、各级督导检查反馈.
    TransferredBySuperior,
    /// 仍出现反复投诉, as recorded on the clue (`escalation.repeated_complaint`).
    RepeatedComplaint,
    /// 反复投诉 derived from the ledger: other clues on the same employer or project within the policy's window
    /// ([`repeated_complaints`](crate::employer::repeated_complaints), R-ESC-4).
    RepeatedInLedger,
    /// 引发重大舆情.
    PublicOpinionIncident,
    /// 市级直接办理 (平人社监察〔2024〕15号 二(二)(三)): the clue is handled by the city (`handling_level: city`).
    /// It raises the case only when [`Policy::city_handling_escalates`] says so.
    RaisedToCity,
}

impl EscalationReason {
    /// Every reason, in the order of 天水市“六项机制”（2025）重大案件提级督办机制.
    pub const ALL: &'static [EscalationReason] = &[
        EscalationReason::CrossRegion,
        EscalationReason::SettlementDispute,
        EscalationReason::ManyWorkers,
        EscalationReason::LargeAmount,
        EscalationReason::TransferredBySuperior,
        EscalationReason::RepeatedComplaint,
        EscalationReason::RepeatedInLedger,
        EscalationReason::PublicOpinionIncident,
        EscalationReason::RaisedToCity,
    ];

    /// The wording of 天水市“六项机制”（2025）重大案件提级督办机制.
    pub const fn label_zh(self) -> &'static str {
        match self {
            EscalationReason::CrossRegion => "涉及跨区域施工",
            EscalationReason::SettlementDispute => "工程结算存在纠纷",
            EscalationReason::ManyWorkers => "涉及人数多",
            EscalationReason::LargeAmount => "金额大",
            EscalationReason::TransferredBySuperior => "上级转办",
            EscalationReason::RepeatedComplaint => "反复投诉",
            EscalationReason::RepeatedInLedger => "反复投诉（台账显示同一单位或项目多次被反映）",
            EscalationReason::PublicOpinionIncident => "引发重大舆情",
            EscalationReason::RaisedToCity => "市级直接办理",
        }
    }

    /// Whether the fact describes the case (a complex case, or one transferred from above), as opposed to the
    /// recurrence (repeated complaints, a public-opinion incident) that 天水市“六项机制”（2025）重大案件提级督办机制 requires on top of it.
    pub const fn is_case_fact(self) -> bool {
        !self.is_recurrence() && !matches!(self, EscalationReason::RaisedToCity)
    }

    /// The rule that makes the fact a reason: R-ESC-1 (平人社监察〔2024〕15号 二(三)) for a clue the city handles, R-ESC-4 for
    /// repeated complaints derived from the ledger, R-ESC-2 (天水市“六项机制”（2025）重大案件提级督办机制) for the other criteria of 提级办案.
    pub const fn rule(self) -> RuleId {
        match self {
            EscalationReason::RaisedToCity => RuleId::EscalateMajorClue,
            EscalationReason::RepeatedInLedger => RuleId::RepeatedComplaintsInLedger,
            _ => RuleId::EscalationCriteria,
        }
    }

    /// Whether the fact is a recurrence after the county's handling (“仍出现反复投诉或引发重大舆情”).
    pub const fn is_recurrence(self) -> bool {
        matches!(
            self,
            EscalationReason::RepeatedComplaint
                | EscalationReason::RepeatedInLedger
                | EscalationReason::PublicOpinionIncident
        )
    }
}

impl fmt::Display for EscalationReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_zh())
    }
}

/// One escalation fact found in a clue, with its rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EscalationFact {
    /// The fact.
    pub reason: EscalationReason,
    /// The rule that names it (`R-ESC-2`, `R-ESC-1` or `R-ESC-4`).
    pub rule: RuleId,
}

/// Whether an escalated case was filed on the day it had to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum FilingStatus {
    /// Filed on or before the day it had to be.
    OnTime {
        /// The day it was filed.
        on: NaiveDate,
    },
    /// Filed, but after the day it had to be.
    Late {
        /// The day it was filed.
        on: NaiveDate,
        /// Natural days late.
        days_late: i64,
    },
    /// Not filed (yet).
    NotFiled,
}

/// Whether a clue meets the filing conditions (符合立案条件, 平人社监察〔2024〕15号 三(二)): its arrears verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
#[non_exhaustive]
pub enum FilingConditions {
    /// No investigation on record yet: whether there are arrears is not known.
    NotYetVerified,
    /// The investigation found no arrears (经核实不存在欠薪): there is nothing to file.
    NoArrears,
    /// The investigation verified arrears on this day: the filing conditions are met.
    Met {
        /// The day of the investigation that verified the arrears.
        on: NaiveDate,
    },
}

/// The same-day filing duty of an escalated case (天水市“六项机制”（2025）重大案件提级督办机制 “即接即办、当日立案”).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilingDuty {
    /// The rule (`R-ESC-3`).
    pub rule: RuleId,
    /// The day the case must be filed: the day it met the filing conditions (its arrears verified), or the day
    /// it was received when that is later (a clue verified before it was registered).
    pub must_file_by: NaiveDate,
    /// Whether, and when, it was filed ([`Clue::case_filed_on`]).
    pub status: FilingStatus,
}

/// What escalation says about a clue.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Escalation {
    /// Every escalation fact the clue shows, each with its rule (`R-ESC-2`, `R-ESC-4`, `R-ESC-1`), in the order
    /// of 天水市“六项机制”（2025）重大案件提级督办机制.
    pub reasons: Vec<EscalationFact>,
    /// Whether those facts raise the case under [`Policy::escalation_basis`] (and
    /// [`Policy::city_handling_escalates`]).
    pub escalated: bool,
    /// Whether the clue meets the filing conditions (its arrears verified).
    pub filing_conditions: FilingConditions,
    /// The same-day filing duty: only for an escalated case that meets the filing conditions, when
    /// [`Policy::escalation_same_day_filing`] is on. `None` otherwise — a clue merely handled by the city, or one
    /// whose investigation found no arrears, owes no filing.
    pub filing: Option<FilingDuty>,
}

impl Escalation {
    /// The day an escalated case must be filed, if it must.
    pub fn must_file_by(&self) -> Option<NaiveDate> {
        self.filing.map(|f| f.must_file_by)
    }
}

/// The escalation facts of a clue, whether they raise it to the city, and the same-day filing duty
/// (平人社监察〔2024〕15号 二(三), 天水市“六项机制”（2025）重大案件提级督办机制), from the clue's own record.
///
/// The facts: cross-region work, a settlement dispute, many workers (≥ [`Policy::escalation_min_workers`]), a
/// large sum (≥ [`Policy::escalation_min_amount`]), a transfer from above, repeated complaints (as recorded), a
/// public-opinion incident, and handling by the city. Under the default [`EscalationBasis::CaseAndRecurrence`] a
/// case is raised when it has a fact of the case (the first five) **and** a recurrence, as 天水市“六项机制”（2025）重大案件提级督办机制 is written; under
/// [`EscalationBasis::AnyCriterion`] any one fact of the case or recurrence raises it. A clue the city handles
/// itself is not raised by that alone: 平人社监察〔2024〕15号 二(二) lets the city handle any clue
/// (“可通过平台选择市级直接办理”); [`Policy::city_handling_escalates`] switches that on.
///
/// The same-day filing duty (`R-ESC-3`, “即接即办、当日立案”) binds an escalated case once it meets the filing
/// conditions (符合立案条件, 平人社监察〔2024〕15号 三(二)): its arrears verified. It is due the day of that
/// verification (or the day the clue was received, when later). Before an investigation there is no duty yet;
/// after one that found no arrears (code 9) there is none at all.
///
/// Repeated complaints derived from the ledger are not in a single clue's record: pass them with
/// [`escalation_with_history`].
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::deadline::{escalation, EscalationReason, FilingStatus};
/// use wage_arrears::{Clue, Fen, Investigation, Policy, Source};
///
/// let registered = wage_arrears::date(2025, 6, 9)?;
/// let mut clue = Clue::new("PDS-2025-0044", Source::Petition, "舞钢市", registered);
/// clue.workers = 46;
/// clue.amount_owed = Fen::from_yuan(820_000);
/// clue.escalation.repeated_complaint = true;
/// let e = escalation(&clue, &Policy::default());
/// let reasons: Vec<_> = e.reasons.iter().map(|f| f.reason).collect();
/// assert_eq!(
///     reasons,
///     [EscalationReason::ManyWorkers, EscalationReason::LargeAmount, EscalationReason::RepeatedComplaint]
/// );
/// assert!(e.escalated);
/// assert_eq!(e.filing, None); // not verified yet: no filing duty yet
///
/// clue.investigation = Some(Investigation {
///     on: registered,
///     arrears_verified: true,
///     employer_refuses: true,
///     record: "现场核查工资表".into(),
/// });
/// clue.case_filed_on = Some(registered);
/// let e = escalation(&clue, &Policy::default());
/// assert_eq!(e.must_file_by(), Some(registered));
/// assert_eq!(e.filing.map(|f| f.status), Some(FilingStatus::OnTime { on: registered }));
/// # Ok::<(), wage_arrears::Error>(())
/// ```
pub fn escalation(clue: &Clue, policy: &Policy) -> Escalation {
    decide_escalation(clue, policy, false)
}

/// [`escalation`], with the repeated complaints a ledger shows ([`repeated_complaints`](crate::employer::repeated_complaints),
/// R-ESC-4) as one more recurrence beside the flag recorded on the clue.
///
/// The recorded flag (`escalation.repeated_complaint`) stays what a clerk recorded; the derived one is listed as
/// its own reason ([`EscalationReason::RepeatedInLedger`], rule R-ESC-4) so a reader sees where each came from.
/// Functions that read one clue at a time ([`escalation`], [`explain`](crate::explain()), the filing deadline of
/// finding 8) see only the recorded flag: a service that wants the ledger's evidence in the decision calls this.
///
/// ```
/// use wage_arrears::deadline::{escalation, escalation_with_history, EscalationReason};
/// use wage_arrears::model::Employer;
/// use wage_arrears::{repeated_complaints, Clue, Policy, Source};
///
/// let d = wage_arrears::date;
/// let mut first = Clue::new("A", Source::Petition, "舞钢市", d(2025, 3, 3)?);
/// first.employer = Some(Employer::named("某劳务有限公司"));
/// first.escalation.cross_region = true;
/// let mut again = first.clone();
/// again.id = "B".into();
/// again.registered_on = d(2025, 5, 6)?;
/// let ledger = [first.clone(), again];
/// let policy = Policy::default();
///
/// assert!(!escalation(&first, &policy).escalated); // a complex case, no recurrence on its own record
/// let history = repeated_complaints(&ledger, &policy, d(2025, 6, 30)?)?;
/// let e = escalation_with_history(&first, &policy, &history);
/// assert!(e.escalated);
/// assert!(e.reasons.iter().any(|r| r.reason == EscalationReason::RepeatedInLedger));
/// # Ok::<(), wage_arrears::Error>(())
/// ```
pub fn escalation_with_history(
    clue: &Clue,
    policy: &Policy,
    history: &crate::employer::RepeatedComplaints,
) -> Escalation {
    decide_escalation(clue, policy, history.contains(&clue.id))
}

/// The one place escalation is decided: the facts, whether they raise the case, the filing conditions and the
/// same-day filing duty.
fn decide_escalation(clue: &Clue, policy: &Policy, repeated_in_ledger: bool) -> Escalation {
    let facts = &clue.escalation;
    // 天水市“六项机制”（2025）重大案件提级督办机制：对涉及跨区域施工、工程结算存在纠纷，涉及人数多、金额大等复杂案件，或上级转办、各级督导检查反馈、
    // 专项整治自查发现的重大欠薪线索，在各县区核实整治的基础上，仍出现反复投诉或引发重大舆情的，实行提级办案。
    let present = [
        facts.cross_region,
        facts.settlement_dispute,
        clue.workers >= policy.escalation_min_workers,
        clue.amount_owed >= policy.escalation_min_amount,
        facts.transferred_by_superior,
        facts.repeated_complaint,
        repeated_in_ledger,
        facts.public_opinion_incident,
        // 平人社监察〔2024〕15号 二(二)：市人社局接收欠薪线索后，可通过平台选择市级直接办理 — a fact, not by itself 提级.
        clue.handling_level == HandlingLevel::City,
    ];
    let mut reasons: Vec<EscalationFact> = Vec::new();
    for (&reason, yes) in EscalationReason::ALL.iter().zip(present) {
        if yes {
            reasons.push(EscalationFact {
                reason,
                rule: reason.rule(),
            });
        }
    }
    let has = |pred: fn(EscalationReason) -> bool| reasons.iter().any(|f| pred(f.reason));
    let criteria_met = match policy.escalation_basis {
        EscalationBasis::CaseAndRecurrence => {
            has(EscalationReason::is_case_fact) && has(EscalationReason::is_recurrence)
        }
        EscalationBasis::AnyCriterion => {
            has(EscalationReason::is_case_fact) || has(EscalationReason::is_recurrence)
        }
    };
    // 平人社监察〔2024〕15号 二(三)：对涉嫌重大欠薪行为的线索可上提一级由市级直接办理 — but city handling alone is 提级 only when the
    // policy says so (the record does not tell a raised clue from one the city simply chose to handle).
    let escalated = criteria_met
        || (policy.city_handling_escalates && clue.handling_level == HandlingLevel::City);
    // 平人社监察〔2024〕15号 三(二)：对欠薪事实清楚，符合立案条件的要及时立案 — the filing conditions: arrears verified.
    let filing_conditions = match &clue.investigation {
        None => FilingConditions::NotYetVerified,
        Some(i) if i.arrears_verified => FilingConditions::Met { on: i.on },
        Some(_) => FilingConditions::NoArrears,
    };
    // 天水市“六项机制”（2025）重大案件提级督办机制：简化立案审批流程，实行“即接即办、当日立案” — for an escalated case that meets the filing conditions.
    let filing = match filing_conditions {
        FilingConditions::Met { on } if escalated && policy.escalation_same_day_filing => {
            let must_file_by = on.max(clue.registered_on);
            let status = match clue.case_filed_on {
                Some(filed) if filed <= must_file_by => FilingStatus::OnTime { on: filed },
                Some(filed) => FilingStatus::Late {
                    on: filed,
                    days_late: days_from(must_file_by, filed),
                },
                None => FilingStatus::NotFiled,
            };
            Some(FilingDuty {
                rule: RuleId::EscalationSameDayFiling,
                must_file_by,
                status,
            })
        }
        _ => None,
    };
    Escalation {
        reasons,
        escalated,
        filing_conditions,
        filing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Progress;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn accepted(source: Source, registered: NaiveDate, accepted: NaiveDate) -> Clue {
        let mut c = Clue::new("T-1", source, "叶县", registered);
        c.accepted_on = Some(accepted);
        c
    }

    #[test]
    fn every_source_has_the_acceptance_rule_of_its_clause() {
        let p = Policy::default();
        let cal = WorkCalendar::china();
        for &s in Source::ALL {
            let dl = deadlines(&Clue::new("T", s, "叶县", d(2025, 3, 3)), &p, &cal).unwrap();
            let rule = dl.accept.map(|a| a.rule);
            let want = match s {
                Source::MohrssColumn => Some(RuleId::AcceptMohrssColumn),
                Source::HenanMonitoring => Some(RuleId::AcceptHenanMonitoring),
                _ if s.is_other_channel() => None,
                _ => Some(RuleId::AcceptTwoDaySources),
            };
            assert_eq!(rule, want, "{s:?}");
        }
    }

    #[test]
    fn the_status_of_a_clock_walks_from_not_started_to_overdue() {
        let dl = Deadline {
            rule: RuleId::AcceptTwoDaySources,
            start: d(2025, 3, 3),
            days: 2,
            unit: DayUnit::Working,
            rollover: Rollover::None,
            due: d(2025, 3, 5),
        };
        assert_eq!(dl.status(None, d(2025, 3, 2)), ClockStatus::NotStarted);
        assert_eq!(
            dl.status(None, d(2025, 3, 3)),
            ClockStatus::NotYetDue { days_left: 2 }
        );
        assert_eq!(dl.status(None, d(2025, 3, 5)), ClockStatus::DueToday);
        assert_eq!(
            dl.status(None, d(2025, 3, 6)),
            ClockStatus::Overdue { days: 1 }
        );
        assert_eq!(
            dl.status(Some(d(2025, 3, 7)), d(2025, 3, 6)),
            ClockStatus::Overdue { days: 1 },
            "a met_on after as_of has not happened yet"
        );
        assert_eq!(
            dl.status(Some(d(2025, 3, 7)), d(2025, 3, 9)),
            ClockStatus::MetLate {
                on: d(2025, 3, 7),
                days_late: 2
            }
        );
    }

    #[test]
    fn the_first_progress_feedback_answers_a_thirty_day_source() {
        let mut c = accepted(Source::MinistersMailbox, d(2025, 3, 3), d(2025, 3, 4));
        c.progress.push(Progress {
            on: d(2025, 3, 20),
            kind: ProgressKind::Note,
            note: String::new(),
        });
        c.progress.push(Progress {
            on: d(2025, 3, 28),
            kind: ProgressKind::Feedback,
            note: String::new(),
        });
        c.closed_on = Some(d(2025, 4, 20));
        assert_eq!(
            responded_on(&c, Response::ReplyOrProgressFeedback),
            Some(d(2025, 3, 28))
        );
        assert_eq!(
            responded_on(&c, Response::ClosingFeedback),
            Some(d(2025, 4, 20))
        );
    }

    #[test]
    fn a_contact_after_the_deadline_is_progress_but_not_a_platform_feedback() {
        let mut c = accepted(Source::GovCnMessage, d(2025, 3, 3), d(2025, 3, 4));
        c.contacts.push(crate::model::Contact {
            on: d(2025, 4, 5),
            channel: crate::model::ContactChannel::Phone,
            reached: false,
            note: String::new(),
        });
        let (after, upto) = (d(2025, 4, 3), d(2025, 4, 20));
        assert!(progress_after(&c, ProgressEvidence::AnyRecord, after, upto));
        assert!(!progress_after(
            &c,
            ProgressEvidence::FeedbackOnly,
            after,
            upto
        ));
        assert!(!progress_after(
            &c,
            ProgressEvidence::AnyRecord,
            after,
            d(2025, 4, 4)
        ));
    }

    #[test]
    fn escalation_facts_alone_do_not_raise_a_case_without_a_recurrence_by_default() {
        let mut c = Clue::new("T", Source::OnSite, "新华区", d(2025, 6, 9));
        c.escalation.cross_region = true;
        c.escalation.settlement_dispute = true;
        let p = Policy::default();
        let e = escalation(&c, &p);
        assert_eq!(e.reasons.len(), 2);
        assert!(!e.escalated);
        assert_eq!(e.filing, None);
        let mut any = p.clone();
        any.escalation_basis = EscalationBasis::AnyCriterion;
        let e = escalation(&c, &any);
        assert!(e.escalated);
        assert_eq!(e.filing, None, "no investigation yet: no filing duty yet");
        c.investigation = Some(crate::model::Investigation {
            on: d(2025, 6, 11),
            arrears_verified: true,
            employer_refuses: false,
            record: "核实".into(),
        });
        let e = escalation(&c, &any);
        assert_eq!(
            e.filing.map(|f| (f.must_file_by, f.status)),
            Some((d(2025, 6, 11), FilingStatus::NotFiled))
        );
    }
}
