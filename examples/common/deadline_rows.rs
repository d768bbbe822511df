//! One row of the `deadlines` table: what it says about a clue on a day, and the stage it is counted under.
//!
//! One reading throughout (平人社监察〔2024〕15号 二(二); 保定市高效处置农民工欠薪问题若干措施（十二）): the reply duty of
//! a 30-day source is met by a progress feedback, but a case still open after its respond-by day is 超期未办结 — the
//! yellow card's "未按期办结". So a clue that replied on time and is still open past that day is shown as
//! `已按期反馈，超期N天未办结` and counted under 超期未办结, beside its card; the stage is 超期未办结 exactly when
//! the row carries a card. Shared by the example and its test (`tests/deadline_example_data.rs`).
#![allow(dead_code)]

use chrono::{Days, NaiveDate};
use wage_arrears::deadline::{Card, ClockStatus, ClueStatus};
use wage_arrears::{Clue, Rollover, RuleId};

/// What the row says about the clue on `as_of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// Not accepted yet, inside its acceptance clock (or with none).
    AwaitingAcceptance,
    /// Not accepted, past its acceptance clock.
    AcceptanceOverdue,
    /// Accepted, open, inside its respond-by day (or answered on time where the card counts answers).
    InHand,
    /// Open past its respond-by day: it carries a card (黄牌 or 红牌), whether or not a progress feedback answered it.
    OverdueNotClosed,
    /// Closed.
    Closed,
    /// A clock the calendar cannot count.
    OutsideCalendar,
}

impl Stage {
    /// The stage's name in the summary line.
    pub const fn label(self) -> &'static str {
        match self {
            Stage::AwaitingAcceptance => "待接收",
            Stage::AcceptanceOverdue => "接收逾期",
            Stage::InHand => "办理中",
            Stage::OverdueNotClosed => "超期未办结",
            Stage::Closed => "已办结",
            Stage::OutsideCalendar => "日历外",
        }
    }
}

/// A row: its cells, the stage it counts under, its card, and whether acceptance was late.
pub struct Row {
    /// 编号, 来源, 登记, 接收时限, 接收, 答复时限, 状态, 牌.
    pub cells: [String; 8],
    /// The stage it counts under.
    pub stage: Stage,
    /// The card.
    pub card: Card,
    /// Accepted after its accept-by day.
    pub accepted_late: bool,
    /// Answered on time by a progress feedback and still open.
    pub answered_on_time_open: bool,
}

impl Row {
    /// The status text (the 状态 cell).
    pub fn text(&self) -> &str {
        &self.cells[6]
    }
}

/// A date, or `-`.
pub fn date_or_dash(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "-".to_owned(), |d| d.to_string())
}

/// The row of `clue` from its status on `s.as_of`.
pub fn row(clue: &Clue, s: &ClueStatus) -> Row {
    let as_of = s.as_of;
    let accepted = clue.accepted_on.filter(|&d| d <= as_of);
    let closed = clue.closed_on.filter(|&d| d <= as_of);
    let accepted_late = matches!(s.accept, Some((_, ClockStatus::MetLate { .. })));
    let accept_by = date_or_dash(s.accept.map(|(d, _)| d.due));
    // A response clock starts on acceptance: before that (as of `as_of`) there is none to show.
    let respond_by = s.respond.filter(|_| accepted.is_some()).map_or_else(
        || "-".to_owned(),
        |(d, _)| match d.rollover {
            Rollover::NextWorkingDay
                if Some(d.due) != d.start.checked_add_days(Days::new(u64::from(d.days))) =>
            {
                format!("{}+", d.due)
            }
            _ => d.due.to_string(),
        },
    );
    let carded = s.card != Card::None;
    let mut answered_on_time_open = false;
    let (stage, text) = match (accepted, closed, s.accept, s.respond) {
        (_, Some(closed_on), _, respond) => {
            let text = match respond {
                Some((d, _)) if closed_on <= d.due => "按期办结".to_owned(),
                Some((d, ClockStatus::MetOnTime { .. })) => {
                    format!("按期反馈，超期{}天办结", (closed_on - d.due).num_days())
                }
                Some((_, ClockStatus::MetLate { on, days_late })) if on == closed_on => {
                    format!("逾期{days_late}天办结")
                }
                Some((_, ClockStatus::MetLate { days_late, .. })) => {
                    format!("逾期{days_late}天反馈，后办结")
                }
                _ => "已办结".to_owned(),
            };
            (Stage::Closed, text)
        }
        (None, None, Some((_, st)), _) => match st {
            ClockStatus::NotYetDue { days_left } => (
                Stage::AwaitingAcceptance,
                format!("待接收（余{days_left}天）"),
            ),
            ClockStatus::DueToday => (Stage::AwaitingAcceptance, "今日须接收".to_owned()),
            ClockStatus::Overdue { days } => {
                (Stage::AcceptanceOverdue, format!("接收逾期{days}天"))
            }
            _ => (Stage::AwaitingAcceptance, st.to_string()),
        },
        (None, None, None, _) => (Stage::AwaitingAcceptance, "待接收（无时限）".to_owned()),
        (Some(_), None, _, Some((deadline, st))) => {
            let over = (as_of - deadline.due).num_days();
            let stage = if carded {
                Stage::OverdueNotClosed
            } else {
                Stage::InHand
            };
            let text = match st {
                ClockStatus::NotYetDue { days_left } => format!("办理中（余{days_left}天）"),
                ClockStatus::DueToday => "今日到期".to_owned(),
                ClockStatus::Overdue { days }
                    if deadline.rule == RuleId::RespondClosingFeedback =>
                {
                    format!("逾期{days}天未办结")
                }
                ClockStatus::Overdue { days } => format!("逾期{days}天未答复，未办结"),
                // Answered by a timely progress feedback: the reply was on time; past the due day the case is
                // still not closed in time (the card's "未按期办结"), unless the policy counts answers.
                ClockStatus::MetOnTime { .. } => {
                    answered_on_time_open = true;
                    if carded {
                        format!("已按期反馈，超期{over}天未办结")
                    } else {
                        "已按期反馈，未办结".to_owned()
                    }
                }
                ClockStatus::MetLate { days_late, .. } => {
                    format!("逾期{days_late}天反馈，超期{over}天未办结")
                }
                other => other.to_string(),
            };
            (stage, text)
        }
        (Some(_), None, _, None) => (Stage::InHand, "办理中（无时限）".to_owned()),
    };
    let accepted_cell = match accepted {
        Some(d) if accepted_late => format!("{d}*"),
        other => date_or_dash(other),
    };
    let card = match s.card {
        Card::None => String::new(),
        other => other.label_zh().to_owned(),
    };
    Row {
        cells: [
            clue.id.clone(),
            clue.source.short_zh().to_owned(),
            clue.registered_on.to_string(),
            accept_by,
            accepted_cell,
            respond_by,
            text,
            card,
        ],
        stage,
        card: s.card,
        accepted_late,
        answered_on_time_open,
    }
}
