//! Every answer explains itself: the clocks with their inputs, each rule checked and whether it held,
//! the follow-ups and findings, each with its [`RuleId`] and clause.
//!
//! [`explain`] gathers what [`deadline::status`](crate::deadline::status),
//! [`deadline::escalation`](crate::deadline::escalation), [`validate`](crate::disposition::validate),
//! [`follow_ups`](crate::follow_up::follow_ups) and [`detect_findings`](crate::detection::detect_findings) say of one
//! clue on one day into an [`Explanation`], reading one pass over the clue ([`ClueFacts`]): serde-serialisable for
//! a service, and rendered by `Display` as readable Chinese with the rule ids, e.g.
//!
//! ```text
//! R-ACC-1 (平人社监察〔2024〕15号 二(一)) 3 个工作日内完成接收：2026-09-30 → 2026-10-10，跳过休息日 10-01…10-07
//! ```

use std::fmt;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::deadline::{
    Card, ClockStatus, DayUnit, Deadline, Escalation, FilingConditions, FilingStatus,
};
use crate::facts::ClueFacts;
use crate::follow_up::FollowUp;
use crate::{
    Clue, Error, Finding, FindingKind, Policy, Response, Rollover, RuleId, Source, WorkCalendar,
};

/// One clock, with everything that went into it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockTrace {
    /// The rule that sets the clock.
    pub rule: RuleId,
    /// What must be done by the due day (完成接收, 填写办结反馈, …).
    pub duty_zh: String,
    /// The day counting starts from (not itself counted).
    pub start: NaiveDate,
    /// N.
    pub days: u32,
    /// Working or natural days.
    pub unit: DayUnit,
    /// Whether a rest-day end of a natural-day count rolls over.
    pub rollover: Rollover,
    /// The last day on time.
    pub due: NaiveDate,
    /// Working-day clocks: the rest days in `(start, due]` the count skipped. Natural-day clocks: the rest days
    /// the roll-over moved the end across (`[start + N, due)`), empty without roll-over.
    pub skipped: Vec<NaiveDate>,
    /// Where the clock stands on the day asked about.
    pub status: ClockStatus,
}

/// One rule checked against the record, and whether it held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// The rule.
    pub rule: RuleId,
    /// Whether the record satisfies it.
    pub held: bool,
    /// When it did not hold: what is wrong, in Chinese.
    pub message_zh: Option<String>,
    /// When it did not hold: what is wrong, in English.
    pub message_en: Option<String>,
    /// The finding kind the violation becomes in a spot check, if any.
    pub finding: Option<FindingKind>,
}

/// What the crate concludes about one clue on one day, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    /// The clue.
    pub clue_id: String,
    /// Its county.
    pub county: String,
    /// Its source.
    pub source: Source,
    /// The day the explanation describes.
    pub as_of: NaiveDate,
    /// The policy applied (its name).
    pub policy: String,
    /// The acceptance and response clocks.
    pub clocks: Vec<ClockTrace>,
    /// The overdue card, and the rule that gives it.
    pub card: Card,
    /// The rule behind the card (`None` when there is no card).
    pub card_rule: Option<RuleId>,
    /// Whether the case is raised to the city, why, and its same-day filing duty.
    pub escalation: Escalation,
    /// Every rule checked against the record, held or not.
    pub checks: Vec<Check>,
    /// The follow-ups still owed.
    pub follow_ups: Vec<FollowUp>,
    /// The findings the record shows.
    pub findings: Vec<Finding>,
}

impl Explanation {
    /// The rules that did not hold.
    pub fn violated(&self) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(|c| !c.held)
    }

    /// Every rule id the explanation mentions, in order of appearance (for audits: each output carries one).
    pub fn rules(&self) -> Vec<RuleId> {
        let mut out: Vec<RuleId> = self.clocks.iter().map(|c| c.rule).collect();
        out.extend(self.card_rule);
        out.extend(self.escalation.reasons.iter().map(|r| r.rule));
        out.extend(self.escalation.filing.map(|f| f.rule));
        out.extend(self.checks.iter().map(|c| c.rule));
        out.extend(self.follow_ups.iter().map(|f| f.rule));
        out.extend(self.findings.iter().map(|f| f.rule));
        out
    }
}

/// Explains one clue on `as_of` under `policy`: clocks with their inputs, card, escalation, every rule checked,
/// follow-ups owed and findings.
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::explain::explain;
/// use wage_arrears::{Clue, Policy, Source, WorkCalendar};
///
/// let d = wage_arrears::date;
/// let clue = Clue::new("PDS-2026-0101", Source::MohrssColumn, "叶县", d(2026, 9, 30)?);
/// let e = explain(&clue, &Policy::default(), &WorkCalendar::china(), d(2026, 10, 9)?)?;
/// assert_eq!(e.clocks[0].due, d(2026, 10, 10)?);
/// assert!(e.to_string().contains("3 个工作日内完成接收：2026-09-30 → 2026-10-10，跳过休息日 10-01…10-07"));
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidClue`] when the record contradicts itself (accepted before registered);
/// [`Error::CalendarOutOfRange`] or [`Error::CountPastCalendar`] when a clock needs a day the calendar does not
/// know; [`Error::DateOverflow`] when a count runs past the last date `chrono` can represent, and
/// [`Error::InvalidMonth`] when a review would fall in the month after the last one it can represent;
/// [`Error::InvalidPolicy`] when the policy holds a number the follow-ups or findings cannot count with (see
/// [`follow_ups`](crate::follow_up::follow_ups) and [`detect_findings`](crate::detection::detect_findings)).
pub fn explain(
    clue: &Clue,
    policy: &Policy,
    cal: &WorkCalendar,
    as_of: NaiveDate,
) -> Result<Explanation, Error> {
    // One pass (the crate's facts): the record checked, its clocks, escalation and record facts derived once;
    // each reading below takes what it needs from them.
    let facts = ClueFacts::derive(clue, policy, cal, as_of)?;
    let status = facts.status()?;
    let response = policy.clocks.of(clue.source).response;
    let mut clocks = Vec::with_capacity(2);
    if let Some((d, s)) = status.accept {
        // 平人社监察〔2024〕15号 二(一)：……应当自线索登记之日起N个工作日内完成接收。
        clocks.push(trace(d, s, "完成接收", cal)?);
    }
    if let Some((d, s)) = status.respond {
        let duty = match response {
            // 平人社监察〔2024〕15号 二(二)：……应当填写办结反馈情况。
            Response::ClosingFeedback => "填写办结反馈",
            // 平人社监察〔2024〕15号 二(二)：……回复办理情况，未办结的需填写进度反馈。
            _ => "回复办理情况（未办结的填写进度反馈）",
        };
        clocks.push(trace(d, s, duty, cal)?);
    }
    let validation = facts.validation();
    let mut checks = Vec::with_capacity(validation.checked.len());
    for rule in validation.checked {
        let broken: Vec<_> = validation
            .violations
            .iter()
            .filter(|v| v.rule == rule)
            .collect();
        if broken.is_empty() {
            checks.push(Check {
                rule,
                held: true,
                message_zh: None,
                message_en: None,
                finding: None,
            });
        }
        checks.extend(broken.into_iter().map(|v| Check {
            rule,
            held: false,
            message_zh: Some(v.message_zh.clone()),
            message_en: Some(v.message_en.clone()),
            finding: v.finding,
        }));
    }
    let follow_ups = facts.follow_ups()?;
    let findings = facts.findings()?;
    Ok(Explanation {
        clue_id: clue.id.clone(),
        county: clue.county.clone(),
        source: clue.source,
        as_of,
        policy: policy.name.clone(),
        clocks,
        card: status.card,
        card_rule: status.card_rule,
        escalation: facts.into_escalation(),
        checks,
        follow_ups,
        findings,
    })
}

fn trace(
    d: Deadline,
    status: ClockStatus,
    duty: &str,
    cal: &WorkCalendar,
) -> Result<ClockTrace, Error> {
    let skipped = match d.unit {
        DayUnit::Working => d.rest_days_skipped(cal)?,
        // 民法典 第203条: the rest days a rolled-over end crossed, [start + N, due).
        _ => match d.start.checked_add_days(Days::new(u64::from(d.days))) {
            Some(end) if end < d.due => {
                let mut moved = cal.rest_days_between(end, d.due)?;
                moved.retain(|&day| day < d.due);
                moved.insert(0, end);
                moved
            }
            _ => Vec::new(),
        },
    };
    Ok(ClockTrace {
        rule: d.rule,
        duty_zh: duty.to_owned(),
        start: d.start,
        days: d.days,
        unit: d.unit,
        rollover: d.rollover,
        due: d.due,
        skipped,
        status,
    })
}

/// Writes days as runs: `10-01…10-07, 10-10` (month-day within `year`, the full date otherwise).
struct Runs<'a> {
    days: &'a [NaiveDate],
    year: i32,
}

impl fmt::Display for Runs<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let short = |d: NaiveDate| {
            if d.year() == self.year {
                d.format("%m-%d").to_string()
            } else {
                d.to_string()
            }
        };
        let mut i = 0;
        let mut first = true;
        while let Some(&a) = self.days.get(i) {
            let mut j = i;
            while let (Some(&x), Some(&y)) = (self.days.get(j), self.days.get(j + 1)) {
                if x.succ_opt() != Some(y) {
                    break;
                }
                j += 1;
            }
            if !first {
                f.write_str(", ")?;
            }
            first = false;
            match self.days.get(j) {
                Some(&b) if b != a => write!(f, "{}…{}", short(a), short(b))?,
                _ => f.write_str(&short(a))?,
            }
            i = j + 1;
        }
        Ok(())
    }
}

fn status_zh(s: ClockStatus) -> String {
    match s {
        ClockStatus::MetOnTime { on } => format!("{on} 完成，按期"),
        ClockStatus::MetLate { on, days_late } => format!("{on} 完成，逾期{days_late}天"),
        other => other.to_string(),
    }
}

impl fmt::Display for ClockTrace {
    /// `R-ACC-1 (平人社监察〔2024〕15号 二(一)) 3 个工作日内完成接收：2026-09-30 → 2026-10-10，跳过休息日 10-01…10-07 — 未到期（余1天）`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.unit {
            DayUnit::Working => "工作日",
            _ => "自然日",
        };
        write!(
            f,
            "{} {} 个{unit}内{}：{} → {}",
            self.rule.cited(),
            self.days,
            self.duty_zh,
            self.start,
            self.due
        )?;
        let runs = Runs {
            days: &self.skipped,
            year: self.start.year(),
        };
        match (self.unit, self.rollover, self.skipped.is_empty()) {
            (DayUnit::Working, _, false) => write!(f, "，跳过休息日 {runs}")?,
            (DayUnit::Working, _, true) => {}
            (_, Rollover::NextWorkingDay, false) => {
                write!(f, "，末日遇休息日顺延，跨过 {runs}（民法典 第203条）")?
            }
            (_, Rollover::NextWorkingDay, true) => f.write_str("，末日遇休息日顺延")?,
            (_, _, _) => f.write_str("，末日不顺延")?,
        }
        write!(f, " — {}", status_zh(self.status))
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "线索 {} · {} · {} · 截至 {}",
            self.clue_id,
            self.source.label_zh(),
            self.county,
            self.as_of
        )?;
        writeln!(f, "政策：{}", self.policy)?;

        writeln!(f, "时限")?;
        if self.clocks.is_empty() {
            writeln!(f, "  （本政策对该来源未设时限）")?;
        }
        for c in &self.clocks {
            writeln!(f, "  {c}")?;
        }
        match (self.card, self.card_rule) {
            (Card::None, _) | (_, None) => writeln!(f, "  牌：无")?,
            (card, Some(rule)) => writeln!(f, "  牌：{card} {} {}", rule.cited(), rule.text_zh())?,
        }

        writeln!(f, "提级")?;
        if self.escalation.reasons.is_empty() {
            writeln!(f, "  无提级情形")?;
        } else {
            let verdict = if self.escalation.escalated {
                "提级办案"
            } else {
                "不提级"
            };
            let mut rules: Vec<RuleId> = self.escalation.reasons.iter().map(|r| r.rule).collect();
            rules.dedup();
            let cited: Vec<String> = rules
                .iter()
                .map(|&rule| {
                    let reasons: Vec<&str> = self
                        .escalation
                        .reasons
                        .iter()
                        .filter(|r| r.rule == rule)
                        .map(|r| r.reason.label_zh())
                        .collect();
                    format!("{} {}", rule.cited(), reasons.join("、"))
                })
                .collect();
            writeln!(f, "  {verdict}：{}", cited.join("；"))?;
        }
        if let Some(duty) = self.escalation.filing {
            let state = match duty.status {
                FilingStatus::OnTime { on } => format!("{on} 立案，按期"),
                FilingStatus::Late { on, days_late } => format!("{on} 立案，逾期{days_late}天"),
                _ => "尚未立案".to_owned(),
            };
            writeln!(
                f,
                "  {} 当日立案：{} 核实欠薪、符合立案条件，须于 {} 立案 — {state}",
                duty.rule.cited(),
                match self.escalation.filing_conditions {
                    FilingConditions::Met { on } => on.to_string(),
                    _ => duty.must_file_by.to_string(),
                },
                duty.must_file_by
            )?;
        } else if self.escalation.escalated {
            let rule = RuleId::EscalationSameDayFiling.cited();
            match self.escalation.filing_conditions {
                FilingConditions::NoArrears => {
                    writeln!(f, "  {rule} 当日立案：经核实不存在欠薪，无立案义务")?
                }
                FilingConditions::Met { .. } => {
                    writeln!(f, "  {rule} 当日立案：本政策未设当日立案")?
                }
                _ => writeln!(
                    f,
                    "  {rule} 当日立案：尚未核实欠薪，立案条件未具备，核实欠薪之日起须当日立案"
                )?,
            }
        }

        writeln!(f, "核处规则")?;
        let mut held = Vec::new();
        for c in &self.checks {
            if c.held {
                held.push(c.rule.code());
                continue;
            }
            write!(
                f,
                "  ✗ {} {}",
                c.rule.cited(),
                c.message_zh.as_deref().unwrap_or("")
            )?;
            if let Some(kind) = c.finding {
                write!(f, " → 问题{}", kind.number())?;
            }
            writeln!(f)?;
        }
        if !held.is_empty() {
            writeln!(f, "  ✓ 已满足：{}", held.join(", "))?;
        }

        writeln!(f, "跟踪事项")?;
        if self.follow_ups.is_empty() {
            writeln!(f, "  无")?;
        }
        for u in &self.follow_ups {
            writeln!(f, "  {} {} {} {}", u.due, u.rule.cited(), u.kind, u.note_zh)?;
        }

        writeln!(f, "问题")?;
        if self.findings.is_empty() {
            writeln!(f, "  无")?;
        }
        for x in &self.findings {
            write!(
                f,
                "  {} {} {}",
                x.found_on,
                x.rule.cited(),
                x.kind.label_zh()
            )?;
            if !x.responsible.is_empty() {
                write!(f, "，责任人 {}", x.responsible)?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn runs_group_consecutive_days() {
        let days = [
            d(2026, 10, 1),
            d(2026, 10, 2),
            d(2026, 10, 3),
            d(2026, 10, 10),
        ];
        let text = Runs {
            days: &days,
            year: 2026,
        }
        .to_string();
        assert_eq!(text, "10-01…10-03, 10-10");
        let other_year = [d(2027, 1, 1)];
        let text = Runs {
            days: &other_year,
            year: 2026,
        }
        .to_string();
        assert_eq!(text, "2027-01-01");
    }

    #[test]
    fn a_rolled_over_natural_day_clock_lists_the_days_it_crossed() {
        let cal = WorkCalendar::china();
        let policy = Policy {
            natural_day_rollover: Rollover::NextWorkingDay,
            ..Policy::default()
        };
        let mut clue = Clue::new("x", Source::MohrssColumn, "叶县", d(2025, 7, 31));
        clue.accepted_on = Some(d(2025, 8, 2));
        let e = explain(&clue, &policy, &cal, d(2025, 8, 3)).unwrap();
        let respond = &e.clocks[1];
        assert_eq!(respond.due, d(2025, 10, 9));
        assert_eq!(respond.skipped.first(), Some(&d(2025, 10, 1)));
        assert_eq!(respond.skipped.last(), Some(&d(2025, 10, 8)));
        assert!(respond.to_string().contains("跨过 10-01…10-08"));
    }
}
