//! The first question a service asks of a clue: is it overdue on a day, and why.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Card, ClockStatus, ClueStatus, Deadline, days_from};
use crate::RuleId;

/// Which of a clue's clocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Clock {
    /// Accept by (接收, working days from registration, 平人社监察〔2024〕15号 二(一)).
    Accept,
    /// Respond by (办理, natural days from acceptance, 平人社监察〔2024〕15号 二(二)).
    Respond,
}

impl Clock {
    /// `接收` or `办理`.
    pub const fn label_zh(self) -> &'static str {
        match self {
            Clock::Accept => "接收",
            Clock::Respond => "办理",
        }
    }
}

impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.label_zh())
    }
}

/// Why a clue is overdue on a day: the clock, its deadline, by how many days, the rule, and the card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overdue {
    /// The clock that ran out.
    pub clock: Clock,
    /// Its deadline (start, count, due day, rule).
    pub deadline: Deadline,
    /// Natural days past the due day on the day asked about (1 = the day after the due day).
    pub days: i64,
    /// The rule that makes the clue overdue: the deadline's rule (`R-ACC-…`, `R-RSP-…`) when its duty is unmet,
    /// or the card's (`R-CARD-1`, `R-CARD-2`, 保定市高效处置农民工欠薪问题若干措施（十二） “未按期办结”) when a
    /// progress feedback answered the response clock in time but the case is still not closed.
    pub rule: RuleId,
    /// The card the case carries on that day (none while it is only late to be accepted).
    pub card: Card,
}

impl fmt::Display for Overdue {
    /// `办理逾期12天（时限2025-04-03，平人社监察〔2024〕15号 二(二)），红牌`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}逾期{}天（时限{}，{}）",
            self.clock.label_zh(),
            self.days,
            self.deadline.due,
            self.rule.citation()
        )?;
        if self.card != Card::None {
            write!(f, "，{}", self.card.label_zh())?;
        }
        Ok(())
    }
}

impl ClueStatus {
    /// Whether the clue is overdue on the status's day ([`ClueStatus::as_of`]), and why; `None` when it is not.
    ///
    /// Overdue means: a clock whose duty is still unmet after its due day (not accepted by the accept-by day, not
    /// answered by the respond-by day), or a case that carries a card — under the default
    /// [`Policy::card_basis`](crate::Policy::card_basis) a case not *closed* by its respond-by day is 未按期办结 even
    /// when a progress feedback answered it in time. A duty met late is history, not overdue: see the clock's
    /// [`ClockStatus::MetLate`]. Acting on the due day is on time.
    ///
    /// ```
    /// use wage_arrears::deadline::Clock;
    /// use wage_arrears::{Card, Clue, Policy, RuleId, Source, WorkCalendar};
    ///
    /// let d = wage_arrears::date;
    /// let (policy, cal) = (Policy::default(), WorkCalendar::china());
    /// let clue = Clue::new("PDS-2025-0031", Source::GovCnMessage, "宝丰县", d(2025, 3, 3)?)
    ///     .accepted(d(2025, 3, 4)?); // respond by 2025-04-03
    ///
    /// assert_eq!(wage_arrears::status(&clue, &policy, &cal, d(2025, 4, 3)?)?.is_overdue(), None);
    ///
    /// let late = wage_arrears::status(&clue, &policy, &cal, d(2025, 4, 15)?)?.is_overdue();
    /// let why = late.map(|o| (o.clock, o.days, o.rule, o.card));
    /// assert_eq!(why, Some((Clock::Respond, 12, RuleId::RespondReplyOrProgress, Card::Red)));
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    pub fn is_overdue(&self) -> Option<Overdue> {
        let unmet = |clock: Clock, (deadline, state): (Deadline, ClockStatus)| match state {
            ClockStatus::Overdue { days } => Some(Overdue {
                clock,
                deadline,
                days,
                rule: deadline.rule,
                card: if clock == Clock::Respond {
                    self.card
                } else {
                    Card::None
                },
            }),
            _ => None,
        };
        // The acceptance comes first: while it is overdue the response clock has not started.
        if let Some(o) = self.accept.and_then(|a| unmet(Clock::Accept, a)) {
            return Some(o);
        }
        if let Some(o) = self.respond.and_then(|r| unmet(Clock::Respond, r)) {
            return Some(o);
        }
        // 保定市高效处置农民工欠薪问题若干措施（十二）：对未按期办结的案件标注“黄牌”预警 — answered, but not closed.
        let (deadline, _) = self.respond?;
        let rule = self.card_rule.filter(|_| self.card != Card::None)?;
        Some(Overdue {
            clock: Clock::Respond,
            deadline,
            days: days_from(deadline.due, self.as_of),
            rule,
            card: self.card,
        })
    }
}
