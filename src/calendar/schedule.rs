//! One year's State Council holiday notice as data.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::Error;

/// A run of consecutive rest days announced by a notice (e.g. 春节 2025-01-28 ..= 2025-02-04).
///
/// The run may include ordinary weekend days; every day in it is a rest day.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
/// Every date in a schedule lies inside its `year`. A notice that moves a day of the neighbouring year (for
/// instance a 元旦 make-up Saturday on 31 December of the year before) is entered under the year the day falls
/// in, with the notice named in [`notice`](Self::notice).
///
/// A service adds next year's notice at run time, from JSON, with
/// [`WorkCalendar::add_year`](crate::WorkCalendar::add_year):
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
/// # Ok::<(), wage_arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct YearSchedule {
    /// The calendar year.
    pub year: i32,
    /// The notice (and any other source) the schedule comes from.
    pub notice: String,
    /// Runs of rest days.
    pub holidays: Vec<HolidayPeriod>,
    /// Saturdays and Sundays that are working days (调休上班).
    pub make_up_days: Vec<NaiveDate>,
}

impl YearSchedule {
    /// Checks the schedule on its own: every date inside `year`, every period in order, every make-up day a
    /// Saturday or Sunday, no day both a holiday and a make-up day, no make-up day listed twice.
    ///
    /// # Errors
    /// [`Error::InvalidSchedule`] naming the first problem found.
    pub fn validate(&self) -> Result<(), Error> {
        let bad = |reason: String| Error::InvalidSchedule {
            year: self.year,
            reason,
        };
        if NaiveDate::from_ymd_opt(self.year, 1, 1).is_none()
            || NaiveDate::from_ymd_opt(self.year, 12, 31).is_none()
        {
            return Err(bad("the year is outside the supported date range".into()));
        }
        for p in &self.holidays {
            if p.first > p.last {
                return Err(bad(format!(
                    "holiday {} starts on {} after it ends on {}",
                    p.name, p.first, p.last
                )));
            }
            for d in [p.first, p.last] {
                if d.year() != self.year {
                    return Err(bad(format!(
                        "holiday {} date {d} is outside the year",
                        p.name
                    )));
                }
            }
        }
        let mut seen = Vec::with_capacity(self.make_up_days.len());
        for &d in &self.make_up_days {
            if d.year() != self.year {
                return Err(bad(format!("make-up working day {d} is outside the year")));
            }
            if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
                return Err(bad(format!(
                    "make-up working day {d} is a {}, not a Saturday or Sunday",
                    d.weekday()
                )));
            }
            if let Some(p) = self.holidays.iter().find(|p| p.first <= d && d <= p.last) {
                return Err(bad(format!(
                    "{d} is listed both as a make-up working day and as part of holiday {}",
                    p.name
                )));
            }
            if seen.contains(&d) {
                return Err(bad(format!("make-up working day {d} is listed twice")));
            }
            seen.push(d);
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
    fn a_reversed_period_is_rejected() {
        let mut s = sample();
        s.holidays[0].last = d(2026, 12, 30);
        assert!(s.validate().is_err());
    }
}
