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
    /// 洛阳市根治欠薪冬季专项行动 (洛阳市根治欠薪冬季专项行动通知（2023）, 2023-11-15): 2023-11-10 to the 2024 Spring Festival
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
#[serde(rename_all = "snake_case", deny_unknown_fields)]
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
    crate::rollup::LedgerIndex::new(clues)?.campaign_misses(c, as_of, cal)
}

/// [`campaign_misses`] from a [`LedgerIndex`](crate::rollup::LedgerIndex): one pass over its compact rows (the
/// dates, and whether the record passes [`Clue::check`]); only a miss copies its clue's id and county.
pub(crate) fn campaign_misses_of_index(
    c: &Campaign,
    index: &crate::rollup::LedgerIndex<'_>,
    as_of: NaiveDate,
    cal: &WorkCalendar,
) -> Result<Vec<CampaignMiss>, Error> {
    c.validate()?;
    let by = c.close_all_by;
    // The working days left to the close-all date are the same for every open clue: counted once, when needed.
    let mut working_days_left = None;
    let mut miss = |row: &crate::rollup::Row| -> Result<Option<CampaignMiss>, Error> {
        if !row.sound
            && let Some(clue) = index.record(row)
        {
            clue.check()?;
        }
        // 洛阳市根治欠薪冬季专项行动通知（2023）一：所有查实的欠薪案件在2024年春节前全部办结。
        let verified = row.verified_on.is_some_and(|on| on <= as_of);
        if !verified || row.registered_on > by || row.registered_on > as_of {
            return Ok(None);
        }
        let kind = match row.closed_on.filter(|&closed| closed <= as_of) {
            Some(closed) if closed <= by => return Ok(None),
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
        Ok(Some(CampaignMiss {
            clue_id: index.id(row).to_owned(),
            county: index.county_name(row.county).to_owned(),
            rule: RuleId::CampaignCloseAll,
            close_all_by: by,
            kind,
        }))
    };
    // A clue listed twice is one clue (the index merged them). Of several clues that cannot be read, the error
    // named is the first in id order's, whatever the order of the input; only the misses are sorted.
    let mut out = Vec::new();
    let mut first_error: Option<(&str, Error)> = None;
    for row in index.distinct_rows() {
        match miss(row) {
            Ok(found) => out.extend(found),
            Err(e) => crate::scoring::keep_first(&mut first_error, index.id(row), e),
        }
    }
    if let Some((_, e)) = first_error {
        return Err(e);
    }
    out.sort_unstable_by(|a, b| a.clue_id.cmp(&b.clue_id));
    Ok(out)
}

// ── Cadence: 周调度、月通报 (洛阳市根治欠薪冬季专项行动通知（2023）三(三)) ───────────────────────────────────────────────────────────────────────

/// A verified clue a campaign must close (洛阳市根治欠薪冬季专项行动通知（2023）一 “所有查实的欠薪案件”), with the days its cadence reads: from when
/// it is open (verified, and registered) to when it is closed.
struct CampaignClue<'a> {
    clue: &'a Clue,
    /// The first day it is open: the later of its registration and the verification of its arrears.
    open_from: NaiveDate,
    /// The day it stops being open: its closing, or `open_from` when it was closed before it was verified.
    closed_on: Option<NaiveDate>,
}

/// The campaign's verified clues as the record stood at the end of `as_of`, by id (the rule of
/// [`campaign_misses`]: verified by `as_of` and registered on or before the close-all date).
fn campaign_clues<'a>(
    c: &Campaign,
    clues: &'a [Clue],
    as_of: NaiveDate,
) -> Result<Vec<CampaignClue<'a>>, Error> {
    let mut out = Vec::new();
    for clue in crate::model::distinct_by_id(clues)? {
        clue.check()?;
        let Some(verified_on) = clue
            .investigation
            .as_ref()
            .filter(|i| i.arrears_verified && i.on <= as_of)
            .map(|i| i.on)
        else {
            continue;
        };
        if clue.registered_on > c.close_all_by || clue.registered_on > as_of {
            continue;
        }
        let open_from = verified_on.max(clue.registered_on);
        out.push(CampaignClue {
            clue,
            open_from,
            closed_on: clue
                .closed_on
                .filter(|&d| d <= as_of)
                .map(|d| d.max(open_from)),
        });
    }
    Ok(out)
}

/// One county's line in a week of the dispatch.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CountyWeek {
    /// The county.
    pub county: String,
    /// Verified clues still open at the end of the week.
    pub open: u64,
    /// Verified clues closed during the week.
    pub closed_this_week: u64,
    /// Verified clues closed since the campaign started, up to the end of the week.
    pub closed_to_date: u64,
}

/// One week of the weekly dispatch (周调度).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DispatchWeek {
    /// 1 for the week the campaign starts in.
    pub number: u32,
    /// Its first day: a Monday, or the campaign's first day.
    pub from: NaiveDate,
    /// Its last day: a Sunday, or the campaign's last day, or the day asked about.
    pub to: NaiveDate,
    /// Every county with a verified clue in the campaign, by name.
    pub counties: Vec<CountyWeek>,
}

impl DispatchWeek {
    /// Open verified clues at the end of the week, over all counties.
    pub fn open(&self) -> u64 {
        self.counties.iter().map(|c| c.open).sum()
    }
}

/// The weekly dispatch of a campaign (R-CMP-4): week by week, in every county, the verified clues open at the
/// week's end and those closed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct WeeklyDispatch {
    /// The campaign's name.
    pub campaign: String,
    /// [`RuleId::CampaignWeeklyDispatch`].
    pub rule: RuleId,
    /// The day the record was read as of.
    pub as_of: NaiveDate,
    /// The weeks from the campaign's first day to its last day or `as_of`, whichever is earlier.
    pub weeks: Vec<DispatchWeek>,
}

/// The weeks of a campaign up to `as_of`: Monday to Sunday, the first starting on the campaign's first day and
/// the last ending on its last day or `as_of`. `(Monday of week 1, the last day counted, the number of weeks)`.
fn campaign_weeks(c: &Campaign, as_of: NaiveDate) -> Option<(NaiveDate, NaiveDate, usize)> {
    use chrono::Datelike;
    let end = c.ends_on.min(as_of);
    if end < c.starts_on {
        return None;
    }
    let monday = c.starts_on.checked_sub_days(chrono::Days::new(u64::from(
        c.starts_on.weekday().num_days_from_monday(),
    )))?;
    let weeks = usize::try_from(days_from(monday, end) / 7 + 1).ok()?;
    Some((monday, end, weeks))
}

/// The week a day falls in, counted from the Monday of week 1 (0-based); days before it fall in week 0.
fn week_of(monday: NaiveDate, day: NaiveDate) -> usize {
    usize::try_from(days_from(monday, day).max(0) / 7).unwrap_or(usize::MAX)
}

/// The weekly dispatch of a campaign (周调度, R-CMP-4) as the record stood at the end of `as_of`: for every week from
/// the campaign's first day to its last (or `as_of`), in every county, the verified clues open at the week's end,
/// those closed during it and those closed since the campaign started.
///
/// 洛阳市根治欠薪冬季专项行动通知（2023）三(三)：各县区要密切跟进专项行动进展情况，实行周调度、月通报，确保2024年
/// 春节前欠薪线索动态清零。
///
/// The clues are those [`campaign_misses`] reads: arrears verified (by `as_of`) and registered on or before the
/// close-all date. A clue is open from the later of its registration and its verification until it is closed.
/// Weeks run Monday to Sunday; the first starts on the campaign's first day, the last ends on its last day or on
/// `as_of`. One pass over the clues, each adding to its county's counts at the weeks it opens and closes; the
/// table is then summed week by week.
///
/// ```
/// use wage_arrears::campaign::{weekly_dispatch, Campaign};
/// use wage_arrears::{Clue, Investigation, Source};
///
/// let d = wage_arrears::date;
/// let mut clue = Clue::new("LY-2023-0101", Source::QrCode, "洛龙区", d(2023, 11, 13)?);
/// clue.investigation = Some(Investigation {
///     on: d(2023, 11, 15)?,
///     arrears_verified: true,
///     employer_refuses: false,
///     record: "工资表核实".into(),
/// });
/// clue.closed_on = Some(d(2023, 11, 28)?);
/// let w = weekly_dispatch(&Campaign::luoyang_winter_2023(), &[clue], d(2023, 12, 3)?)?;
/// // Week 1 is Fri 11-10 to Sun 11-12; the clue is open at the end of weeks 2 and 3, closed in week 4.
/// let open: Vec<u64> = w.weeks.iter().map(|k| k.open()).collect();
/// assert_eq!(open, [0, 1, 1, 0]);
/// assert_eq!(w.weeks[3].counties[0].closed_this_week, 1);
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidCampaign`] from [`Campaign::validate`]; [`Error::InvalidClue`] when a clue fails
/// [`Clue::check`]; [`Error::ConflictingRecords`] when two different records share a clue id.
pub fn weekly_dispatch(
    c: &Campaign,
    clues: &[Clue],
    as_of: NaiveDate,
) -> Result<WeeklyDispatch, Error> {
    c.validate()?;
    let mut out = WeeklyDispatch {
        campaign: c.name.clone(),
        rule: RuleId::CampaignWeeklyDispatch,
        as_of,
        weeks: Vec::new(),
    };
    let Some((monday, end, n)) = campaign_weeks(c, as_of) else {
        return Ok(out);
    };
    // Per county: the change in open clues at each week, and the closings in each week.
    let mut by_county: std::collections::BTreeMap<&str, (Vec<i64>, Vec<u64>)> =
        std::collections::BTreeMap::new();
    for k in campaign_clues(c, clues, end)? {
        let (open, closed) = by_county
            .entry(k.clue.county.as_str())
            .or_insert_with(|| (vec![0; n + 1], vec![0; n]));
        let opens = week_of(monday, k.open_from).min(n);
        // Closed on or before `end`: it stops being open at the end of its closing week.
        let closes = match k.closed_on {
            Some(on) if on >= c.starts_on => {
                let w = week_of(monday, on).min(n.saturating_sub(1));
                if let Some(slot) = closed.get_mut(w) {
                    *slot += 1;
                }
                w
            }
            Some(on) => week_of(monday, on).min(n), // closed before the campaign: never open in it
            None => n,
        };
        if opens < closes {
            if let Some(x) = open.get_mut(opens) {
                *x += 1;
            }
            if let Some(x) = open.get_mut(closes) {
                *x -= 1;
            }
        }
    }
    let mut running: Vec<(i64, u64)> = vec![(0, 0); by_county.len()];
    for w in 0..n {
        // w < n weeks from `monday` to `end`, so the week's Monday is a date; its Sunday may lie past the last
        // date chrono can represent, and then the week ends on `end` (which is at most that date) all the same.
        let Some(week_monday) = u64::try_from(w)
            .ok()
            .and_then(|w| w.checked_mul(7))
            .and_then(|days| monday.checked_add_days(chrono::Days::new(days)))
        else {
            break;
        };
        let from = week_monday.max(c.starts_on);
        let to = week_monday
            .checked_add_days(chrono::Days::new(6))
            .map_or(end, |sunday| sunday.min(end));
        let counties = by_county
            .iter()
            .zip(running.iter_mut())
            .map(|((county, (open, closed)), (open_now, closed_total))| {
                *open_now += open.get(w).copied().unwrap_or(0);
                let this_week = closed.get(w).copied().unwrap_or(0);
                *closed_total += this_week;
                CountyWeek {
                    county: (*county).to_owned(),
                    open: u64::try_from(*open_now).unwrap_or(0),
                    closed_this_week: this_week,
                    closed_to_date: *closed_total,
                }
            })
            .collect();
        out.weeks.push(DispatchWeek {
            number: u32::try_from(w + 1).unwrap_or(u32::MAX),
            from,
            to,
            counties,
        });
    }
    Ok(out)
}

/// A verified clue still open, as a monthly notice lists it for dispatch.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct OpenClue {
    /// The clue.
    pub clue_id: String,
    /// The day it was registered.
    pub registered_on: NaiveDate,
    /// The day it became open (its arrears verified, or registered when later).
    pub open_since: NaiveDate,
    /// Natural days open at the notice's cut-off.
    pub days_open: i64,
    /// Workers affected.
    pub workers: u32,
    /// The amount owed.
    pub amount_owed: crate::Fen,
    /// The employer's name, when recorded.
    pub employer: Option<String>,
    /// The project, when recorded.
    pub project: Option<String>,
}

/// A county in a monthly notice: its verified clues still open.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CountyNotice {
    /// The county.
    pub county: String,
    /// Its open clues: the dispatch list (带着欠薪线索……现场调度), the largest amount owed first, then by id.
    pub open: Vec<OpenClue>,
}

/// The monthly notice (月通报, R-CMP-5) of one month of a campaign.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct MonthlyNotice {
    /// The campaign's name.
    pub campaign: String,
    /// [`RuleId::CampaignMonthlyNotice`].
    pub rule: RuleId,
    /// The month.
    pub month: crate::review::Month,
    /// The cut-off: the month's last day, or the campaign's last day or the day asked about when earlier.
    pub as_of: NaiveDate,
    /// The counties with verified clues open at the cut-off, the most open clues first, then by name; a county
    /// with none is not listed.
    pub counties: Vec<CountyNotice>,
}

impl MonthlyNotice {
    /// Open verified clues at the cut-off, over all counties.
    pub fn open(&self) -> usize {
        self.counties.iter().map(|c| c.open.len()).sum()
    }
}

/// The monthly notices of a campaign (月通报, R-CMP-5) as the record stood at the end of `as_of`: for every month from
/// the campaign's first to its last (or to `as_of`), the counties with verified clues still open at the month's
/// end, and those clues — the dispatch list.
///
/// 洛阳市根治欠薪冬季专项行动通知（2023）三(三)：实行周调度、月通报……要定期梳理总结工作进展情况，带着欠薪线索，
/// 带着重大欠薪案件，到问题集中的地方进行现场调度。
///
/// The clues and when they are open are as in [`weekly_dispatch`]. A clue open at several month ends is listed in
/// each of those notices; the work is one pass over the clues plus the notices' own size.
///
/// ```
/// use wage_arrears::campaign::{monthly_notices, Campaign};
/// use wage_arrears::{Clue, Investigation, Source};
///
/// let d = wage_arrears::date;
/// let mut clue = Clue::new("LY-2023-0102", Source::Petition, "西工区", d(2023, 11, 20)?);
/// clue.investigation = Some(Investigation {
///     on: d(2023, 11, 22)?,
///     arrears_verified: true,
///     employer_refuses: false,
///     record: "考勤表核实".into(),
/// });
/// clue.closed_on = Some(d(2024, 1, 8)?);
/// let notices = monthly_notices(&Campaign::luoyang_winter_2023(), &[clue], d(2024, 2, 10)?)?;
/// let open: Vec<(String, usize)> = notices.iter().map(|n| (n.month.to_string(), n.open())).collect();
/// assert_eq!(open, [("2023-11".into(), 1), ("2023-12".into(), 1), ("2024-01".into(), 0), ("2024-02".into(), 0)]);
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidCampaign`] from [`Campaign::validate`]; [`Error::InvalidClue`] when a clue fails
/// [`Clue::check`]; [`Error::ConflictingRecords`] when two different records share a clue id;
/// [`Error::InvalidMonth`] at the end of the date range.
pub fn monthly_notices(
    c: &Campaign,
    clues: &[Clue],
    as_of: NaiveDate,
) -> Result<Vec<MonthlyNotice>, Error> {
    use crate::review::Month;
    c.validate()?;
    let end = c.ends_on.min(as_of);
    if end < c.starts_on {
        return Ok(Vec::new());
    }
    // The months and their cut-offs.
    let mut months = Vec::new();
    let mut m = Month::of(c.starts_on);
    loop {
        let cut = m.last_day().min(end);
        months.push((m, cut));
        if m.last_day() >= end {
            break;
        }
        m = m.next()?;
    }
    let mut per_month: Vec<std::collections::BTreeMap<&str, Vec<OpenClue>>> =
        vec![std::collections::BTreeMap::new(); months.len()];
    for k in campaign_clues(c, clues, end)? {
        // Open at a cut-off when open_from ≤ cut < closed_on: a contiguous run of months.
        let first = months.partition_point(|&(_, cut)| cut < k.open_from);
        for (i, &(_, cut)) in months.iter().enumerate().skip(first) {
            if k.closed_on.is_some_and(|closed| closed <= cut) {
                break;
            }
            if let Some(slot) = per_month.get_mut(i) {
                slot.entry(k.clue.county.as_str())
                    .or_default()
                    .push(OpenClue {
                        clue_id: k.clue.id.clone(),
                        registered_on: k.clue.registered_on,
                        open_since: k.open_from,
                        days_open: days_from(k.open_from, cut),
                        workers: k.clue.workers,
                        amount_owed: k.clue.amount_owed,
                        employer: k.clue.employer.as_ref().map(|e| e.name.clone()),
                        project: k.clue.project.clone(),
                    });
            }
        }
    }
    Ok(months
        .into_iter()
        .zip(per_month)
        .map(|((month, cut), counties)| {
            let mut counties: Vec<CountyNotice> = counties
                .into_iter()
                .map(|(county, mut open)| {
                    open.sort_by(|a, b| {
                        b.amount_owed
                            .cmp(&a.amount_owed)
                            .then_with(|| a.clue_id.cmp(&b.clue_id))
                    });
                    CountyNotice {
                        county: county.to_owned(),
                        open,
                    }
                })
                .collect();
            counties.sort_by(|a, b| {
                b.open
                    .len()
                    .cmp(&a.open.len())
                    .then_with(|| a.county.cmp(&b.county))
            });
            MonthlyNotice {
                campaign: c.name.clone(),
                rule: RuleId::CampaignMonthlyNotice,
                month,
                as_of: cut,
                counties,
            }
        })
        .collect())
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
