//! Time-boxed campaigns (专项行动, 洛阳市根治欠薪冬季专项行动通知（2023）): a window, a date by which every verified case must be closed, and
//! report dates.
//!
//! [`Campaign::luoyang_winter_2023`] is the worked example: 洛阳市根治欠薪冬季专项行动, 2023-11-10 to the 2024
//! Spring Festival, every verified case closed by then, a progress report by 2024-01-01 covering to 2023-12-31 and
//! a summary within 2 working days after the end.
//!
//! "…前" (所有查实的欠薪案件在2024年春节前全部办结; 于2024年1月1日前……报告) is read as **on or before** the named
//! day, as the crate reads "每月10日前" (see the [interpretations table](crate::interpretations)); a campaign that
//! reads it strictly sets the day before as its date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::const_date;
use crate::deadline::days_from;
use crate::model::Clue;
use crate::{Error, RuleId, WorkCalendar};

/// A report a campaign asks for, and when it is due.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ReportDue {
    /// Due on a fixed date, covering the campaign up to a cut-off (洛阳市根治欠薪冬季专项行动通知（2023）四: 于2024年1月1日前……报告……截至2023年12月31日
    /// 的行动进展情况).
    Fixed {
        /// The report's name.
        name: String,
        /// The last day to submit it (inclusive).
        due: NaiveDate,
        /// The last day it covers.
        covers_to: NaiveDate,
    },
    /// Due within N working days after the campaign ends (洛阳市根治欠薪冬季专项行动通知（2023）四: 行动结束后2个工作日内，报送专项行动总体工作情况);
    /// it covers the whole campaign.
    WorkingDaysAfterEnd {
        /// The report's name.
        name: String,
        /// Working days after the end day (not counted).
        working_days: u32,
    },
}

/// A campaign (专项行动, 洛阳市根治欠薪冬季专项行动通知（2023）).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    /// Its name.
    pub name: String,
    /// The first day of the window.
    pub starts_on: NaiveDate,
    /// The last day of the window.
    pub ends_on: NaiveDate,
    /// Every verified case is closed on or before this day (R-CMP-1).
    pub close_all_by: NaiveDate,
    /// The reports it asks for.
    pub reports: Vec<ReportDue>,
}

impl Campaign {
    /// 洛阳市根治欠薪冬季专项行动 (seed 001, notice of 2023-11-15): 2023-11-10 to the 2024 Spring Festival
    /// (2024-02-10); every verified case closed by 2024-02-10; a progress report by 2024-01-01 covering to
    /// 2023-12-31; a summary within 2 working days after the end.
    ///
    /// ```
    /// use wage_arrears::campaign::Campaign;
    /// let c = Campaign::luoyang_winter_2023();
    /// c.validate()?;
    /// assert_eq!(c.close_all_by.to_string(), "2024-02-10");
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    pub fn luoyang_winter_2023() -> Campaign {
        // 洛阳市根治欠薪冬季专项行动通知（2023）：决定2023年11月10日至2024年春节前，在全市开展根治欠薪冬季专项行动。
        // 洛阳市根治欠薪冬季专项行动通知（2023）一：所有查实的欠薪案件在2024年春节前全部办结。 (春节 = 2024-02-10, read inclusively.)
        // 洛阳市根治欠薪冬季专项行动通知（2023）四：请各县区于2024年1月1日前……报告本地区截至2023年12月31日的行动进展情况；
        //          行动结束后2个工作日内，报送专项行动总体工作情况。
        Campaign {
            name: "洛阳市根治欠薪冬季专项行动".to_owned(),
            starts_on: const { const_date(2023, 11, 10) },
            ends_on: const { const_date(2024, 2, 10) },
            close_all_by: const { const_date(2024, 2, 10) },
            reports: vec![
                ReportDue::Fixed {
                    name: "行动进展情况报告".to_owned(),
                    due: const { const_date(2024, 1, 1) },
                    covers_to: const { const_date(2023, 12, 31) },
                },
                ReportDue::WorkingDaysAfterEnd {
                    name: "专项行动总体工作情况报告".to_owned(),
                    working_days: 2,
                },
            ],
        }
    }

    /// Checks that the dates are in order.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use wage_arrears::campaign::Campaign;
    /// let mut c = Campaign::luoyang_winter_2023();
    /// c.ends_on = wage_arrears::date(2023, 11, 1)?;
    /// assert!(c.validate().is_err());
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidCampaign`] when the window ends before it starts, the close-all date is before the start, a
    /// fixed report covers past its due date or before the start, or a report is due 0 working days after the end.
    pub fn validate(&self) -> Result<(), Error> {
        let bad = |reason: String| {
            Err(Error::InvalidCampaign {
                name: self.name.clone(),
                reason,
            })
        };
        if self.ends_on < self.starts_on {
            return bad(format!(
                "it ends on {} before it starts on {}",
                self.ends_on, self.starts_on
            ));
        }
        if self.close_all_by < self.starts_on {
            return bad(format!(
                "close_all_by {} is before the start {}",
                self.close_all_by, self.starts_on
            ));
        }
        for report in &self.reports {
            match report {
                ReportDue::Fixed {
                    name,
                    due,
                    covers_to,
                } => {
                    if covers_to > due {
                        return bad(format!(
                            "report `{name}` is due on {due} but covers to {covers_to}, after it"
                        ));
                    }
                    if *covers_to < self.starts_on {
                        return bad(format!(
                            "report `{name}` covers to {covers_to}, before the campaign starts on {}",
                            self.starts_on
                        ));
                    }
                }
                ReportDue::WorkingDaysAfterEnd { name, working_days } => {
                    if *working_days == 0 {
                        return bad(format!(
                            "report `{name}` is due 0 working days after the end; use at least 1"
                        ));
                    }
                }
            }
        }
        Ok(())
    }
}

/// One deadline of a campaign, with its rule.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignDeadline {
    /// `R-CMP-1` close all, `R-CMP-2` a fixed-date report, `R-CMP-3` a report after the end.
    pub rule: RuleId,
    /// What is due: `所有查实的欠薪案件全部办结`, or the report's name.
    pub name: String,
    /// The last day (inclusive).
    pub due: NaiveDate,
    /// For a report, the last day it covers.
    pub covers_to: Option<NaiveDate>,
}

/// What is due in a campaign and when, in order of due date (close-all first on a tie).
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::campaign::{campaign_deadlines, Campaign};
/// use wage_arrears::{RuleId, WorkCalendar};
///
/// let due = campaign_deadlines(&Campaign::luoyang_winter_2023(), &WorkCalendar::china())?;
/// let summary = due.iter().find(|d| d.rule == RuleId::CampaignSummaryReport).map(|d| d.due);
/// // Ends Sat 2024-02-10 (春节 02-10..=02-17); Sun 02-18 is a make-up working day, then Mon 02-19.
/// assert_eq!(summary, Some(wage_arrears::date(2024, 2, 19)?));
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidCampaign`] from [`Campaign::validate`]; [`Error::CalendarOutOfRange`] or
/// [`Error::CountPastCalendar`] when a working-day report falls outside the calendar.
pub fn campaign_deadlines(
    c: &Campaign,
    cal: &WorkCalendar,
) -> Result<Vec<CampaignDeadline>, Error> {
    c.validate()?;
    // 洛阳市根治欠薪冬季专项行动通知（2023）一：所有查实的欠薪案件在2024年春节前全部办结。
    let mut out = vec![CampaignDeadline {
        rule: RuleId::CampaignCloseAll,
        name: "所有查实的欠薪案件全部办结".to_owned(),
        due: c.close_all_by,
        covers_to: None,
    }];
    for report in &c.reports {
        out.push(match report {
            // 洛阳市根治欠薪冬季专项行动通知（2023）四：请各县区于2024年1月1日前……报告本地区截至2023年12月31日的行动进展情况。
            ReportDue::Fixed {
                name,
                due,
                covers_to,
            } => CampaignDeadline {
                rule: RuleId::CampaignProgressReport,
                name: name.clone(),
                due: *due,
                covers_to: Some(*covers_to),
            },
            // 洛阳市根治欠薪冬季专项行动通知（2023）四：行动结束后2个工作日内，报送专项行动总体工作情况。 The end day is not counted.
            ReportDue::WorkingDaysAfterEnd { name, working_days } => CampaignDeadline {
                rule: RuleId::CampaignSummaryReport,
                name: name.clone(),
                due: cal.add_working_days(c.ends_on, *working_days)?,
                covers_to: Some(c.ends_on),
            },
        });
    }
    out.sort_by_key(|d| d.due);
    Ok(out)
}

/// How a verified clue misses (or may still miss) a campaign's close-all date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MissKind {
    /// Still open on `as_of`, before the close-all date: it must be closed in time.
    OpenBeforeDeadline {
        /// Natural days to the close-all date (0 = today is the last day).
        days_left: i64,
        /// Working days after `as_of` up to and including the close-all date.
        working_days_left: i64,
    },
    /// Not closed by the close-all date and still open on `as_of`.
    OpenPastDeadline {
        /// Natural days past the close-all date.
        days_over: i64,
    },
    /// Closed, but after the close-all date.
    ClosedLate {
        /// The day it was closed.
        on: NaiveDate,
        /// Natural days after the close-all date.
        days_late: i64,
    },
}

/// A verified clue that misses, or is still open before, a campaign's close-all date.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignMiss {
    /// The clue.
    pub clue_id: String,
    /// Its county.
    pub county: String,
    /// The rule (`R-CMP-1`).
    pub rule: RuleId,
    /// The campaign's close-all date.
    pub close_all_by: NaiveDate,
    /// How it misses.
    pub kind: MissKind,
}

/// The verified clues that miss a campaign's close-all date, as the record stood on `as_of`, in id order (two different records under one id are refused).
///
/// A clue counts when, on `as_of`, its investigation has verified arrears (`investigation.arrears_verified`,
/// dated on or before `as_of`) and it was registered on or before the close-all date (“所有查实的欠薪案件”: clues
/// registered before the window count too). It misses when it was not closed by the close-all date; before that
/// date, a clue still open is listed as [`MissKind::OpenBeforeDeadline`] so the office can act.
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::campaign::{campaign_misses, Campaign, MissKind};
/// use wage_arrears::{Clue, Investigation, Source, WorkCalendar};
///
/// let d = wage_arrears::date;
/// let mut clue = Clue::new("LY-2024-0012", Source::QrCode, "洛龙区", d(2024, 1, 8)?);
/// clue.investigation = Some(Investigation {
///     on: d(2024, 1, 12)?,
///     arrears_verified: true,
///     employer_refuses: false,
///     record: "项目部工资表及考勤记录核实欠薪".into(),
/// });
/// clue.closed_on = Some(d(2024, 2, 26)?);
/// let misses = campaign_misses(&Campaign::luoyang_winter_2023(), &[clue], d(2024, 3, 1)?, &WorkCalendar::china())?;
/// assert_eq!(misses[0].kind, MissKind::ClosedLate { on: d(2024, 2, 26)?, days_late: 16 });
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidCampaign`] from [`Campaign::validate`]; [`Error::InvalidClue`] when a clue fails
/// [`Clue::check`]; [`Error::ConflictingRecords`] when two different records share a clue id; [`Error::CalendarOutOfRange`] when an open clue's working days left cannot be counted because
/// `as_of` or the close-all date lies outside the calendar.
pub fn campaign_misses(
    c: &Campaign,
    clues: &[Clue],
    as_of: NaiveDate,
    cal: &WorkCalendar,
) -> Result<Vec<CampaignMiss>, Error> {
    c.validate()?;
    let by = c.close_all_by;
    // The working days left to the close-all date are the same for every open clue: counted once, when needed.
    let mut working_days_left = None;
    let mut out = Vec::new();
    // A clue listed twice is one clue; two different records under one id are refused, never one of them
    // picked by its position in the input.
    for clue in crate::model::distinct_by_id(clues)? {
        clue.check()?;
        // 洛阳市根治欠薪冬季专项行动通知（2023）一：所有查实的欠薪案件在2024年春节前全部办结。
        let verified = clue
            .investigation
            .as_ref()
            .is_some_and(|i| i.arrears_verified && i.on <= as_of);
        if !verified || clue.registered_on > by || clue.registered_on > as_of {
            continue;
        }
        let kind = match clue.closed_on.filter(|&closed| closed <= as_of) {
            Some(closed) if closed <= by => continue,
            Some(closed) => MissKind::ClosedLate {
                on: closed,
                days_late: days_from(by, closed),
            },
            None if as_of <= by => MissKind::OpenBeforeDeadline {
                days_left: days_from(as_of, by),
                working_days_left: match working_days_left {
                    Some(n) => n,
                    None => *working_days_left.insert(cal.working_days_between(as_of, by)?),
                },
            },
            None => MissKind::OpenPastDeadline {
                days_over: days_from(by, as_of),
            },
        };
        out.push(CampaignMiss {
            clue_id: clue.id.clone(),
            county: clue.county.clone(),
            rule: RuleId::CampaignCloseAll,
            close_all_by: by,
            kind,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_luoyang_example_is_valid_and_lists_three_deadlines_in_order() {
        let due =
            campaign_deadlines(&Campaign::luoyang_winter_2023(), &WorkCalendar::china()).unwrap();
        let rules: Vec<RuleId> = due.iter().map(|d| d.rule).collect();
        assert_eq!(
            rules,
            [
                RuleId::CampaignProgressReport,
                RuleId::CampaignCloseAll,
                RuleId::CampaignSummaryReport
            ]
        );
    }

    #[test]
    fn a_report_due_zero_working_days_after_the_end_is_rejected() {
        let mut c = Campaign::luoyang_winter_2023();
        c.reports.push(ReportDue::WorkingDaysAfterEnd {
            name: "x".into(),
            working_days: 0,
        });
        let err = c.validate().unwrap_err().to_string();
        assert!(err.contains("0 working days"), "{err}");
    }
}
