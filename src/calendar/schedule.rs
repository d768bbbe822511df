//! One year's State Council holiday notice as data.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::Error;

/// A run of consecutive rest days announced by a notice (e.g. 春节 2025-01-28 ..= 2025-02-04).
///
/// The run may include ordinary weekend days; every day in it is a rest day.
///
/// Reading JSON, an unknown field (a typo such as `"frist"`) is an error naming the field, never ignored.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayPeriod {
    /// The holiday's name as the notice gives it (元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节, …).
    pub name: String,
    /// The first rest day.
    pub first: NaiveDate,
    /// The last rest day (inclusive).
    pub last: NaiveDate,
}

/// One year's rest days and make-up working days (调休上班), from that year's State Council notice
/// (国务院办公厅关于部分节假日安排的通知).
///
/// Every date in [`holidays`](Self::holidays) and [`make_up_days`](Self::make_up_days) lies inside `year`.
///
/// **Days of the year before.** A notice sometimes moves days of the previous December: the 2019 notice opens its
/// 元旦 run on 2018-12-30 and makes Saturday 2018-12-29 a working day (`2018年12月29日（星期六）上班`). Those
/// days stay with the notice that set them, in [`previous_year`](Self::previous_year), and the calendar applies
/// them to the year before whenever it holds that year (see [`WorkCalendar::add_notice`]). The embedded table
/// enters such days under the year they fall in instead (the 2018 entry carries `元旦（2019年）`); both forms
/// give the same working days.
///
/// A service adds next year's notice at run time, from its text with
/// [`WorkCalendar::add_notice`], or from JSON with [`WorkCalendar::add_year`]. Reading JSON, an unknown field
/// (a typo such as `"make_up_day"`) is an error naming the field, never silently ignored:
///
/// ```
/// use wage_arrears::{WorkCalendar, YearSchedule};
///
/// let json = r#"{
///   "year": 2027,
///   "notice": "国务院办公厅关于2027年部分节假日安排的通知 (example)",
///   "holidays": [{ "name": "元旦", "first": "2027-01-01", "last": "2027-01-03" }],
///   "make_up_days": []
/// }"#;
/// let schedule: YearSchedule = serde_json::from_str(json).map_err(|_| wage_arrears::Error::InvalidSchedule {
///     year: 2027,
///     reason: "bad json".into(),
/// })?;
/// let mut cal = WorkCalendar::china();
/// cal.add_year(schedule)?;
/// assert_eq!(*cal.coverage().end(), wage_arrears::date(2027, 12, 31)?);
///
/// let typo = json.replace("\"make_up_days\"", "\"make_up_day\"");
/// let err = serde_json::from_str::<YearSchedule>(&typo).map(|_| ()).unwrap_err().to_string();
/// assert!(err.contains("unknown field `make_up_day`"), "{err}");
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// [`WorkCalendar::add_notice`]: crate::WorkCalendar::add_notice
/// [`WorkCalendar::add_year`]: crate::WorkCalendar::add_year
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearSchedule {
    /// The calendar year.
    pub year: i32,
    /// The notice (and any other source) the schedule comes from.
    pub notice: String,
    /// Runs of rest days.
    pub holidays: Vec<HolidayPeriod>,
    /// Saturdays and Sundays that are working days (调休上班).
    pub make_up_days: Vec<NaiveDate>,
    /// Days of the year before that this year's notice moves (a 元旦 run starting on 30 or 31 December, a make-up
    /// Saturday before it). Empty for most years, and left out of JSON when empty.
    #[serde(default, skip_serializing_if = "PreviousYearDays::is_empty")]
    pub previous_year: PreviousYearDays,
}

/// The days of the previous year a notice moves: rest days (the part of a 元旦 run in the previous December) and
/// make-up working days (调休上班). Every date lies in the year before the schedule's `year`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreviousYearDays {
    /// Runs of rest days in the previous year.
    #[serde(default)]
    pub holidays: Vec<HolidayPeriod>,
    /// Saturdays and Sundays of the previous year that are working days.
    #[serde(default)]
    pub make_up_days: Vec<NaiveDate>,
}

impl PreviousYearDays {
    /// Whether the notice moves no day of the previous year.
    pub fn is_empty(&self) -> bool {
        self.holidays.is_empty() && self.make_up_days.is_empty()
    }
}

impl YearSchedule {
    /// Checks the schedule on its own: every date inside `year` (those of
    /// [`previous_year`](Self::previous_year) inside the year before), every period in order, every make-up day a
    /// Saturday or Sunday, no day both a holiday and a make-up day, no make-up day listed twice.
    ///
    /// # Errors
    /// [`Error::InvalidSchedule`] naming the first problem found.
    pub fn validate(&self) -> Result<(), Error> {
        let bad = |reason: String| Error::InvalidSchedule {
            year: self.year,
            reason,
        };
        let in_range = |y: i32| {
            NaiveDate::from_ymd_opt(y, 1, 1).is_some()
                && NaiveDate::from_ymd_opt(y, 12, 31).is_some()
        };
        if !in_range(self.year) {
            return Err(bad("the year is outside the supported date range".into()));
        }
        check_days(&self.holidays, &self.make_up_days, self.year, "the year").map_err(bad)?;
        if !self.previous_year.is_empty() {
            match self.year.checked_sub(1).filter(|&y| in_range(y)) {
                Some(before) => check_days(
                    &self.previous_year.holidays,
                    &self.previous_year.make_up_days,
                    before,
                    "the year before",
                )
                .map_err(|reason| bad(format!("previous_year: {reason}")))?,
                None => {
                    return Err(bad(
                        "previous_year: the year before is outside the supported date range".into(),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// The checks of [`YearSchedule::validate`] on one year's runs and make-up days; the reason of the first problem.
fn check_days(
    holidays: &[HolidayPeriod],
    make_up_days: &[NaiveDate],
    year: i32,
    which: &str,
) -> Result<(), String> {
    for p in holidays {
        if p.first > p.last {
            return Err(format!(
                "holiday {} starts on {} after it ends on {}",
                p.name, p.first, p.last
            ));
        }
        for d in [p.first, p.last] {
            if d.year() != year {
                return Err(format!("holiday {} date {d} is outside {which}", p.name));
            }
        }
    }
    let mut seen = Vec::with_capacity(make_up_days.len());
    for &d in make_up_days {
        if d.year() != year {
            return Err(format!("make-up working day {d} is outside {which}"));
        }
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            return Err(format!(
                "make-up working day {d} is a {}, not a Saturday or Sunday",
                d.weekday()
            ));
        }
        if let Some(p) = holidays.iter().find(|p| p.first <= d && d <= p.last) {
            return Err(format!(
                "{d} is listed both as a make-up working day and as part of holiday {}",
                p.name
            ));
        }
        if seen.contains(&d) {
            return Err(format!("make-up working day {d} is listed twice"));
        }
        seen.push(d);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn sample() -> YearSchedule {
        YearSchedule {
            year: 2027,
            notice: "test".into(),
            holidays: vec![HolidayPeriod {
                name: "元旦".into(),
                first: d(2027, 1, 1),
                last: d(2027, 1, 3),
            }],
            make_up_days: vec![d(2027, 1, 9)],
            previous_year: PreviousYearDays::default(),
        }
    }

    #[test]
    fn a_sound_schedule_validates() {
        assert_eq!(sample().validate(), Ok(()));
    }

    #[test]
    fn a_weekday_make_up_day_is_rejected() {
        let mut s = sample();
        s.make_up_days = vec![d(2027, 1, 6)];
        let err = s.validate().unwrap_err().to_string();
        assert!(err.contains("2027-01-06 is a Wed"), "{err}");
    }

    #[test]
    fn a_date_outside_the_year_is_rejected() {
        let mut s = sample();
        s.holidays[0].first = d(2026, 12, 31);
        assert!(
            s.validate()
                .unwrap_err()
                .to_string()
                .contains("outside the year")
        );
    }

    #[test]
    fn a_day_both_holiday_and_make_up_is_rejected() {
        let mut s = sample();
        s.make_up_days = vec![d(2027, 1, 2)];
        assert!(s.validate().unwrap_err().to_string().contains("both"));
    }

    #[test]
    fn days_of_the_year_before_belong_in_previous_year_and_nowhere_else() {
        let mut s = sample();
        s.previous_year.make_up_days = vec![d(2026, 12, 26)];
        s.previous_year.holidays = vec![HolidayPeriod {
            name: "元旦".into(),
            first: d(2026, 12, 31),
            last: d(2026, 12, 31),
        }];
        assert_eq!(s.validate(), Ok(()));
        s.previous_year.make_up_days = vec![d(2027, 1, 9)];
        let err = s.validate().unwrap_err().to_string();
        assert!(
            err.contains(
                "previous_year: make-up working day 2027-01-09 is outside the year before"
            ),
            "{err}"
        );
        s.previous_year.make_up_days = vec![d(2026, 12, 26)];
        s.previous_year.holidays[0].first = d(2026, 12, 26);
        let err = s.validate().unwrap_err().to_string();
        assert!(
            err.contains("previous_year: 2026-12-26 is listed both"),
            "{err}"
        );
    }

    #[test]
    fn a_reversed_period_is_rejected() {
        let mut s = sample();
        s.holidays[0].last = d(2026, 12, 30);
        assert!(s.validate().is_err());
    }
}
