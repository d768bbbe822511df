//! The Chinese working-day calendar (工作日).
//!
//! A day is a working day when it is Monday–Friday and not inside a holiday run, **or** when the year's State
//! Council notice names it a make-up working day (调休上班), even on a Saturday or Sunday.
//!
//! Counting follows 民法典 第201条 and 民事诉讼法 第85条: the start day is not counted, so "N 个工作日内 from D"
//! ends on the N-th working day strictly after D, whatever kind of day D is. "N 个自然日内 from D" ends on D + N;
//! whether a rest-day end moves to the next working day (民法典 第203条) is the caller's [`Rollover`] choice.
//!
//! Every query is O(1): the calendar keeps a prefix count of working days over its whole range and an index of
//! the working days, so counting 60 working days costs what counting 3 does.
//!
//! Next year's notice is added at run time from its text, as published: [`WorkCalendar::add_notice`] reads it with
//! [`YearSchedule::from_notice`], cross-checks it (weekday annotations, `共N天`, make-up days on weekends, rest and
//! make-up days apart) and refuses a notice that does not hold together, quoting the phrase.

mod china;
mod notice;
mod schedule;

use std::collections::BTreeSet;
use std::ops::RangeInclusive;
use std::sync::Arc;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

pub use notice::NoticeProblem;
pub use schedule::{HolidayPeriod, PreviousYearDays, YearSchedule};

use crate::Error;

/// The date `year-month-day`, or [`Error::InvalidDate`]: a `?`-friendly `NaiveDate::from_ymd_opt`.
///
/// ```
/// let registered = wage_arrears::date(2026, 9, 30)?;
/// assert_eq!(registered.to_string(), "2026-09-30");
/// assert!(wage_arrears::date(2026, 2, 30).is_err());
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidDate`] when there is no such day (2026-02-30, month 13).
pub fn date(year: i32, month: u32, day: u32) -> Result<NaiveDate, Error> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or(Error::InvalidDate { year, month, day })
}

/// A date for tables and defaults written in the source: used in a `const` context (`const { const_date(…) }`), an
/// impossible date is a build error, never a run-time panic.
pub(crate) const fn const_date(y: i32, m: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, day) {
        Some(date) => date,
        None => panic!("impossible date in a table of the crate"),
    }
}

/// A day the calendar cannot place because it lies past its last day is, seen from `as_of` inside the calendar,
/// still in the future: `Ok(None)` instead of the error, so that a rule whose deadline is not due yet does not
/// fail for want of next year's notice. Any other error, or an `as_of` past the calendar, is passed on.
pub(crate) fn not_yet_known(
    result: Result<NaiveDate, Error>,
    as_of: NaiveDate,
    cal: &WorkCalendar,
) -> Result<Option<NaiveDate>, Error> {
    let last = *cal.coverage().end();
    match result {
        Ok(day) => Ok(Some(day)),
        Err(Error::CountPastCalendar { .. }) if as_of <= last => Ok(None),
        Err(Error::CalendarOutOfRange { date, .. }) if date > last && as_of <= last => Ok(None),
        Err(e) => Err(e),
    }
}

/// What happens when a natural-day deadline falls on a rest day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rollover {
    /// The deadline stays on the rest day (the default for the platform's internal deadlines).
    #[default]
    None,
    /// A rest-day deadline moves to the next working day (民法典 第203条).
    NextWorkingDay,
}

/// The working-day calendar: the years it knows, their rest days and make-up days, and regional rest days.
///
/// Cheap to clone: clones share the tables until one of them is changed.
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::WorkCalendar;
///
/// let cal = WorkCalendar::china();
/// let registered = wage_arrears::date(2026, 9, 30)?;
/// // 3 working days: Thu 10-08, Fri 10-09, Sat 10-10 (a make-up working day).
/// assert_eq!(cal.add_working_days(registered, 3)?, wage_arrears::date(2026, 10, 10)?);
/// # Ok::<(), wage_arrears::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct WorkCalendar {
    inner: Arc<Tables>,
}

#[derive(Debug, Clone)]
struct Tables {
    years: Vec<YearSchedule>,
    regional_rest_days: BTreeSet<NaiveDate>,
    first: NaiveDate,
    last: NaiveDate,
    /// The first year known.
    first_year: i32,
    /// `year_starts[k]`: the offset of 1 January of `first_year + k`. A date's offset is then one lookup plus its
    /// day of the year, with no date arithmetic.
    year_starts: Vec<usize>,
    /// `cum[i]` = working days in `[first, first + i)`; one longer than the number of days.
    cum: Vec<u32>,
    /// `flags[i]`: whether `first + i` is a working day.
    flags: Vec<bool>,
    /// The working days, in order (stored as dates so that answering needs no date arithmetic).
    working: Vec<NaiveDate>,
}

impl WorkCalendar {
    /// The national calendar with every year from 2004 to 2026, each from its State Council notice.
    ///
    /// No I/O; builds a table of about 8,400 days (some microseconds). Build it once and clone it.
    pub fn china() -> WorkCalendar {
        let years = china::YEARS
            .iter()
            .map(|y| YearSchedule {
                year: y.year,
                notice: y.notice.to_owned(),
                holidays: y
                    .holidays
                    .iter()
                    .map(|&(name, first, last)| HolidayPeriod {
                        name: name.to_owned(),
                        first,
                        last,
                    })
                    .collect(),
                make_up_days: y.make_up_days.to_vec(),
                previous_year: PreviousYearDays::default(),
            })
            .collect();
        // The embedded table is checked at compile time (dates) and by the unit tests (consistency), so this
        // cannot fail on any input: `china()` takes none.
        match WorkCalendar::from_years(years) {
            Ok(cal) => cal,
            Err(e) => unreachable_embedded(e),
        }
    }

    /// A calendar from a list of year schedules (for instance a service's own JSON). Days a schedule moves into the
    /// year before ([`YearSchedule::previous_year`]) apply to that year when the list holds it; those of the first
    /// year lie outside the calendar and change nothing.
    ///
    /// # Errors
    /// [`Error::InvalidSchedule`] when the list is empty, a schedule is invalid, two schedules share a year, or
    /// the years are not consecutive.
    pub fn from_years(mut years: Vec<YearSchedule>) -> Result<WorkCalendar, Error> {
        years.sort_by_key(|y| y.year);
        let tables = Tables::build(years, BTreeSet::new())?;
        Ok(WorkCalendar {
            inner: Arc::new(tables),
        })
    }

    /// Adds a year's schedule at run time (e.g. 2027, from the notice published each November; from its text, see
    /// [`add_notice`](Self::add_notice)). Days of the year before in its
    /// [`previous_year`](YearSchedule::previous_year) apply to that year as `add_notice` describes.
    ///
    /// # Errors
    /// [`Error::InvalidSchedule`] when the schedule is invalid, the year is already known (use
    /// [`replace_year`](Self::replace_year)), it does not directly follow or precede the known years, or its days of
    /// the year before contradict that year's schedule. The calendar is unchanged on any error.
    pub fn add_year(&mut self, schedule: YearSchedule) -> Result<(), Error> {
        if self.inner.years.iter().any(|y| y.year == schedule.year) {
            return Err(Error::InvalidSchedule {
                year: schedule.year,
                reason: "the calendar already has this year; use replace_year to replace it".into(),
            });
        }
        let mut years = self.inner.years.clone();
        years.push(schedule);
        years.sort_by_key(|y| y.year);
        self.rebuild(years, self.inner.regional_rest_days.clone())
    }

    /// Adds a year from the text of its State Council notice (国务院办公厅关于YYYY年部分节假日安排的通知) as
    /// published: title, number, preamble and closing lines included, full-width or half-width punctuation. The
    /// text is read and cross-checked by [`YearSchedule::from_notice`]; the year is then added as
    /// [`add_year`](Self::add_year) adds it (a year already known is refused: use
    /// [`replace_year`](Self::replace_year) with `YearSchedule::from_notice` to replace one).
    ///
    /// **Days of the year before.** A day the notice moves into the previous year (the 2019 notice's
    /// `2018年12月29日（星期六）上班` and its 元旦 run from 2018-12-30) is kept in the new schedule's
    /// [`previous_year`](YearSchedule::previous_year), and the calendar applies it to that year's day whenever it
    /// holds that year: a rest day becomes a rest day, a make-up day a working day; `cal.year(previous)` itself
    /// is not edited. When the calendar does not hold the previous year (the notice is added in front of the
    /// first year) those days lie outside [`coverage`](Self::coverage) and change nothing; adding that year later
    /// applies them. A day that the previous year's own schedule states the other way (a make-up day there, a
    /// rest day here, or the reverse) is refused.
    ///
    /// The calendar is unchanged on any error. Rebuilding the prefix-sum tables costs what `add_year` costs
    /// (some microseconds); queries stay O(1).
    ///
    /// ```
    /// use wage_arrears::WorkCalendar;
    ///
    /// let notice = "国务院办公厅关于2027年部分节假日安排的通知（示例）
    /// 一、元旦：1月1日（周五）至3日（周日）放假，共3天。
    /// 二、春节：2月6日（农历除夕、周六）至13日（周六）放假调休，共8天。2月20日（周六）上班。";
    /// let mut cal = WorkCalendar::china();
    /// assert!(cal.add_working_days(wage_arrears::date(2026, 12, 29)?, 3).is_err());
    /// cal.add_notice(2027, notice)?;
    /// // Wed 12-30, Thu 12-31, then 元旦 01-01..=01-03: Mon 2027-01-04.
    /// assert_eq!(cal.add_working_days(wage_arrears::date(2026, 12, 29)?, 3)?, wage_arrears::date(2027, 1, 4)?);
    /// assert!(cal.is_working_day(wage_arrears::date(2027, 2, 20)?)?);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidNotice`] quoting the phrase when the text does not hold together (see
    /// [`YearSchedule::from_notice`]); [`Error::InvalidSchedule`] when the year is already known, does not
    /// directly follow or precede the known years, or contradicts the previous year's schedule.
    pub fn add_notice(&mut self, year: i32, text: &str) -> Result<(), Error> {
        let schedule = YearSchedule::from_notice(year, text)?;
        self.add_year(schedule)
    }

    /// Replaces a known year's schedule (for instance after a corrected notice).
    ///
    /// # Errors
    /// [`Error::InvalidSchedule`] when the schedule is invalid or its year is not known.
    pub fn replace_year(&mut self, schedule: YearSchedule) -> Result<(), Error> {
        let mut years = self.inner.years.clone();
        match years.iter_mut().find(|y| y.year == schedule.year) {
            Some(slot) => *slot = schedule,
            None => {
                return Err(Error::InvalidSchedule {
                    year: schedule.year,
                    reason: "the calendar has no such year to replace; use add_year".into(),
                });
            }
        }
        self.rebuild(years, self.inner.regional_rest_days.clone())
    }

    /// Adds regional rest days (民族自治地方的节日, local holidays): each becomes a rest day even if the national
    /// notice made it a working day.
    ///
    /// # Errors
    /// [`Error::CalendarOutOfRange`] when a day lies outside [`coverage`](Self::coverage); nothing is added then.
    pub fn add_regional_rest_days<I>(&mut self, days: I) -> Result<(), Error>
    where
        I: IntoIterator<Item = NaiveDate>,
    {
        let mut regional = self.inner.regional_rest_days.clone();
        for day in days {
            self.offset(day)?;
            regional.insert(day);
        }
        self.rebuild(self.inner.years.clone(), regional)
    }

    fn rebuild(
        &mut self,
        years: Vec<YearSchedule>,
        regional: BTreeSet<NaiveDate>,
    ) -> Result<(), Error> {
        self.inner = Arc::new(Tables::build(years, regional)?);
        Ok(())
    }

    /// The days the calendar knows: 1 January of its first year to 31 December of its last.
    pub fn coverage(&self) -> RangeInclusive<NaiveDate> {
        self.inner.first..=self.inner.last
    }

    /// The year schedules the calendar was built from, in order.
    pub fn years(&self) -> &[YearSchedule] {
        &self.inner.years
    }

    /// The schedule of one year, if known.
    pub fn year(&self, year: i32) -> Option<&YearSchedule> {
        self.inner.years.iter().find(|y| y.year == year)
    }

    /// The regional rest days added with [`add_regional_rest_days`](Self::add_regional_rest_days).
    pub fn regional_rest_days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.inner.regional_rest_days.iter().copied()
    }

    /// Whether `date` is a working day.
    ///
    /// # Errors
    /// [`Error::CalendarOutOfRange`] when `date` is outside [`coverage`](Self::coverage).
    #[inline]
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, Error> {
        let i = self.offset(date)?;
        Ok(self.inner.flags[i])
    }

    /// The n-th working day strictly after `start` (the start day is never counted, 民法典 第201条);
    /// `n = 0` returns `start`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use wage_arrears::WorkCalendar;
    ///
    /// let cal = WorkCalendar::china();
    /// let fri = wage_arrears::date(2025, 1, 24)?;
    /// // Sun 01-26 (调休), Mon 01-27, then the Spring Festival holiday, then Wed 02-05.
    /// assert_eq!(cal.add_working_days(fri, 3)?, wage_arrears::date(2025, 2, 5)?);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::CalendarOutOfRange`] when `start` is outside [`coverage`](Self::coverage);
    /// [`Error::CountPastCalendar`] when the n-th working day lies past its last day.
    #[inline]
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> Result<NaiveDate, Error> {
        let i = self.offset(start)?;
        if n == 0 {
            return Ok(start);
        }
        let t = &*self.inner;
        // 民法典 第201条：按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算 (R-CAL-1).
        // `cum[i + 1]` working days lie on or before `start`, so the n-th one after it has index
        // `cum[i + 1] + n - 1` in `working` (u64 arithmetic: no overflow on any target).
        let index = u64::from(t.cum[i + 1]) + u64::from(n) - 1;
        match usize::try_from(index).ok().and_then(|k| t.working.get(k)) {
            Some(&day) => Ok(day),
            None => Err(t.count_past_end(start, n)),
        }
    }

    /// The earliest day `d` from which at most `n` working days remain up to `end` (counted in `(d, end]`, the day
    /// itself not counted, as 民法典 第201条 counts): the day a window of "N 个工作日前" opens. The inverse of
    /// [`add_working_days`](Self::add_working_days): for a working day `end` and `n ≥ 1`,
    /// `add_working_days(sub_working_days(end, n)?, n)? == end`. When the calendar holds fewer than `n` working
    /// days before `end`, its first day. O(1).
    ///
    /// ```
    /// use wage_arrears::WorkCalendar;
    ///
    /// let cal = WorkCalendar::china();
    /// // 3 working days before Wed 2025-02-05 reach back over the Spring Festival to Fri 2025-01-24.
    /// assert_eq!(cal.sub_working_days(wage_arrears::date(2025, 2, 5)?, 3)?, wage_arrears::date(2025, 1, 24)?);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::CalendarOutOfRange`] when `end` is outside [`coverage`](Self::coverage).
    #[inline]
    pub fn sub_working_days(&self, end: NaiveDate, n: u32) -> Result<NaiveDate, Error> {
        let j = self.offset(end)?;
        let t = &*self.inner;
        // `c` working days lie on or before `end`; the window opens on the (c − n)-th of them (1-based).
        let c = u64::from(t.cum[j + 1]);
        match c.checked_sub(u64::from(n) + 1) {
            Some(k) => Ok(usize::try_from(k)
                .ok()
                .and_then(|k| t.working.get(k))
                .copied()
                .unwrap_or(t.first)),
            None => Ok(t.first),
        }
    }

    /// The number of working days in `(from, to]`; negative, the count of `(to, from]`, when `to < from`.
    ///
    /// For every `d` and `n`, `working_days_between(d, add_working_days(d, n)?) == n`.
    ///
    /// # Errors
    /// [`Error::CalendarOutOfRange`] when either date is outside [`coverage`](Self::coverage).
    #[inline]
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> Result<i64, Error> {
        let i = self.offset(from)?;
        let j = self.offset(to)?;
        let cum = &self.inner.cum;
        Ok(i64::from(cum[j + 1]) - i64::from(cum[i + 1]))
    }

    /// `start + n` natural days (自然日); with [`Rollover::NextWorkingDay`] a rest-day result moves to the next
    /// working day (民法典 第203条).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use wage_arrears::{Rollover, WorkCalendar};
    ///
    /// let cal = WorkCalendar::china();
    /// let accepted = wage_arrears::date(2025, 8, 2)?;
    /// assert_eq!(cal.add_natural_days(accepted, 60, Rollover::None)?, wage_arrears::date(2025, 10, 1)?);
    /// assert_eq!(
    ///     cal.add_natural_days(accepted, 60, Rollover::NextWorkingDay)?,
    ///     wage_arrears::date(2025, 10, 9)?
    /// );
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::CalendarOutOfRange`] when `start`, or the result, is outside [`coverage`](Self::coverage);
    /// [`Error::CountPastCalendar`] when a roll-over would run past its last day.
    pub fn add_natural_days(
        &self,
        start: NaiveDate,
        n: u32,
        rollover: Rollover,
    ) -> Result<NaiveDate, Error> {
        self.offset(start)?;
        let end = start
            .checked_add_days(Days::new(u64::from(n)))
            .ok_or(Error::DateOverflow {
                date: start,
                days: n,
            })?;
        let j = self.offset(end)?;
        // 民法典 第203条：期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日 (R-CAL-2), when the
        // caller asks for it.
        match rollover {
            Rollover::None => Ok(end),
            Rollover::NextWorkingDay => {
                let t = &*self.inner;
                // `cum[j]` working days lie before `end`, so the first on or after it has that index.
                match usize::try_from(t.cum[j])
                    .ok()
                    .and_then(|k| t.working.get(k))
                {
                    Some(&day) => Ok(day),
                    // No working day on or after `end` within the calendar: where it rolls to is unknown.
                    None => Err(t.out_of_range(end.succ_opt().unwrap_or(end))),
                }
            }
        }
    }

    /// The rest days in `(from, to]`, in order: the days a count from `from` to `to` skipped.
    ///
    /// # Errors
    /// [`Error::CalendarOutOfRange`] when either date is outside [`coverage`](Self::coverage).
    pub fn rest_days_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<NaiveDate>, Error> {
        let i = self.offset(from)?;
        let j = self.offset(to)?;
        let t = &*self.inner;
        Ok(((i + 1)..=j)
            .filter(|&k| !t.flags[k])
            .map(|k| t.date_at(k))
            .collect())
    }

    /// The offset of `date` from the first day, or the out-of-range error.
    #[inline]
    fn offset(&self, date: NaiveDate) -> Result<usize, Error> {
        let t = &*self.inner;
        let start = usize::try_from(i64::from(date.year()) - i64::from(t.first_year))
            .ok()
            .and_then(|k| t.year_starts.get(k));
        match start {
            // A year's start plus its day of the year stays inside the table: no overflow on any target.
            Some(&start) => usize::try_from(date.ordinal0())
                .ok()
                .and_then(|day| start.checked_add(day))
                .ok_or_else(|| t.out_of_range(date)),
            None => Err(t.out_of_range(date)),
        }
    }
}

/// The embedded table failed its own checks: impossible unless the table is edited wrongly, which the unit test
/// `every_embedded_schedule_validates` catches before a release.
#[cold]
fn unreachable_embedded(e: Error) -> ! {
    panic!("the embedded holiday table is invalid: {e}")
}

impl Tables {
    fn build(years: Vec<YearSchedule>, regional: BTreeSet<NaiveDate>) -> Result<Tables, Error> {
        let (Some(first_year), Some(last_year)) = (years.first(), years.last()) else {
            return Err(Error::InvalidSchedule {
                year: 0,
                reason: "a calendar needs at least one year".into(),
            });
        };
        for pair in years.windows(2) {
            if pair[1].year == pair[0].year {
                return Err(Error::InvalidSchedule {
                    year: pair[1].year,
                    reason: "the year is listed twice".into(),
                });
            }
            if pair[1].year != pair[0].year + 1 {
                return Err(Error::InvalidSchedule {
                    year: pair[1].year,
                    reason: format!(
                        "the years must be consecutive, but {} is missing",
                        pair[0].year + 1
                    ),
                });
            }
        }
        for y in &years {
            y.validate()?;
        }
        let bad_range = |year| Error::InvalidSchedule {
            year,
            reason: "the year is outside the supported date range".into(),
        };
        let first = NaiveDate::from_ymd_opt(first_year.year, 1, 1)
            .ok_or_else(|| bad_range(first_year.year))?;
        let last = NaiveDate::from_ymd_opt(last_year.year, 12, 31)
            .ok_or_else(|| bad_range(last_year.year))?;
        let first_ce = first.num_days_from_ce();
        // Offsets from the first day: non-negative for every day of the (validated, consecutive) years.
        let offset = |day: NaiveDate, year: i32| {
            usize::try_from(i64::from(day.num_days_from_ce()) - i64::from(first_ce))
                .map_err(|_| bad_range(year))
        };
        let len = offset(last, last_year.year)?
            .checked_add(1)
            .ok_or_else(|| bad_range(last_year.year))?;
        let mut working_flags = vec![false; len];
        // What each year's own schedule states of a day: 0 nothing, 1 a rest day of a run, 2 a make-up day.
        let mut stated = vec![0u8; len];
        let offset_of = |day: NaiveDate| {
            usize::try_from(day.num_days_from_ce() - first_ce)
                .ok()
                .filter(|&k| k < len)
        };
        for y in &years {
            let start = offset(
                NaiveDate::from_ymd_opt(y.year, 1, 1).ok_or_else(|| bad_range(y.year))?,
                y.year,
            )?;
            let mut day = NaiveDate::from_ymd_opt(y.year, 1, 1).ok_or_else(|| bad_range(y.year))?;
            let mut k = start;
            while day.year() == y.year {
                working_flags[k] = !matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
                k += 1;
                match day.succ_opt() {
                    Some(next) => day = next,
                    None => break,
                }
            }
            for p in &y.holidays {
                let (a, b) = (offset(p.first, y.year)?, offset(p.last, y.year)?);
                working_flags
                    .get_mut(a..=b)
                    .ok_or_else(|| bad_range(y.year))?
                    .iter_mut()
                    .for_each(|w| *w = false);
                stated
                    .get_mut(a..=b)
                    .ok_or_else(|| bad_range(y.year))?
                    .iter_mut()
                    .for_each(|s| *s = 1);
            }
            for m in &y.make_up_days {
                let k = offset(*m, y.year)?;
                *working_flags.get_mut(k).ok_or_else(|| bad_range(y.year))? = true;
                *stated.get_mut(k).ok_or_else(|| bad_range(y.year))? = 2;
            }
        }
        // Days a notice moves into the year before (`previous_year`) apply to that year when the calendar holds
        // it; a day that year's own schedule states the other way is a contradiction.
        for y in &years {
            let contradiction = |day: NaiveDate, here: &str, there: &str| Error::InvalidSchedule {
                year: y.year,
                reason: format!(
                    "previous_year: {day} is {here} here but {there} in the {} schedule",
                    day.year()
                ),
            };
            for p in &y.previous_year.holidays {
                for day in p.first.iter_days().take_while(|d| *d <= p.last) {
                    if let Some(k) = offset_of(day) {
                        if stated[k] == 2 {
                            return Err(contradiction(day, "a rest day", "a make-up working day"));
                        }
                        working_flags[k] = false;
                    }
                }
            }
            for &day in &y.previous_year.make_up_days {
                if let Some(k) = offset_of(day) {
                    if stated[k] == 1 {
                        return Err(contradiction(day, "a make-up working day", "a rest day"));
                    }
                    working_flags[k] = true;
                }
            }
        }
        for r in &regional {
            let outside = || Error::CalendarOutOfRange {
                date: *r,
                first,
                last,
            };
            let off = usize::try_from(i64::from(r.num_days_from_ce()) - i64::from(first_ce))
                .map_err(|_| outside())?;
            *working_flags.get_mut(off).ok_or_else(outside)? = false;
        }
        let mut cum = Vec::with_capacity(len + 1);
        let mut working = Vec::with_capacity(len);
        let mut count = 0u32;
        cum.push(0);
        let mut day = first;
        for &w in &working_flags {
            if w {
                working.push(day);
                count += 1;
            }
            cum.push(count);
            day = day.succ_opt().unwrap_or(day);
        }
        // Years are consecutive (checked above), so each year's 1 January has a valid offset.
        let first_year_number = first.year();
        let year_starts = years
            .iter()
            .map(|y| {
                NaiveDate::from_ymd_opt(y.year, 1, 1)
                    .ok_or_else(|| bad_range(y.year))
                    .and_then(|jan1| offset(jan1, y.year))
            })
            .collect::<Result<Vec<usize>, Error>>()?;
        Ok(Tables {
            years,
            regional_rest_days: regional,
            first,
            last,
            first_year: first_year_number,
            year_starts,
            cum,
            flags: working_flags,
            working,
        })
    }

    fn date_at(&self, offset: usize) -> NaiveDate {
        // In range by construction: offsets index the table, whose every day is a valid NaiveDate.
        u64::try_from(offset)
            .ok()
            .and_then(|k| self.first.checked_add_days(Days::new(k)))
            .unwrap_or(self.last)
    }

    #[cold]
    fn out_of_range(&self, date: NaiveDate) -> Error {
        Error::CalendarOutOfRange {
            date,
            first: self.first,
            last: self.last,
        }
    }

    #[cold]
    fn count_past_end(&self, start: NaiveDate, n: u32) -> Error {
        Error::CountPastCalendar {
            start,
            n,
            last: self.last,
        }
    }
}

/// Plugs the calendar into code that already uses [`bdays`].
///
/// `is_bday` honours make-up working days (调休上班) and `is_holiday` is true for every rest day that is not an
/// ordinary weekend (holiday runs and regional rest days, and weekday rest days alike).
///
/// **Differences to know.**
/// 1. bdays' `advance_bdays` first rolls a rest-day start forward to the next working day and then counts, so when
///    the start is a rest day it answers one working day later than the 民法典 count (start day never counted).
///    Use [`WorkCalendar::add_working_days`] for deadlines.
/// 2. The trait cannot report errors. Outside [`WorkCalendar::coverage`] these methods fall back to bdays' own
///    rule (Monday–Friday are business days): that is a guess, which is why the crate's own methods return
///    [`Error::CalendarOutOfRange`] instead.
/// 3. Every method is overridden, so none panics on any input, in debug or release, and each costs O(1): bdays'
///    defaults walk day by day (so `advance_bdays(d, i32::MAX)` would run for billions of steps), overflow on
///    `i32::MIN` (`abs`) and panic when a step leaves chrono's date range (`NaiveDate::MIN`/`MAX`). Here the
///    business days are counted with the calendar's prefix sums inside the coverage and with Monday–Friday
///    arithmetic outside it. Where the answer would lie outside chrono's range, the methods **saturate**:
///    `to_bday` and `advance_bdays` return the business day nearest that end of the range (the last business day
///    on or before `NaiveDate::MAX`, the first on or after `NaiveDate::MIN`); `bdays` always has an answer (chrono's
///    whole range holds fewer than `i32::MAX` business days).
impl bdays::HolidayCalendar<NaiveDate> for WorkCalendar {
    fn is_holiday(&self, date: NaiveDate) -> bool {
        match self.is_working_day(date) {
            Ok(working) => !working && !matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
            Err(_) => false,
        }
    }

    fn is_bday(&self, date: NaiveDate) -> bool {
        match self.is_working_day(date) {
            Ok(working) => working,
            Err(_) => !matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
        }
    }

    /// `date` when it is a business day; otherwise the next (`adjust_next`) or previous one, saturating at
    /// chrono's range.
    fn to_bday(&self, date: NaiveDate, adjust_next: bool) -> NaiveDate {
        let t = &*self.inner;
        let k = day_number(date);
        let c = if adjust_next {
            t.bdays_before(k)
        } else {
            t.bdays_before(k + 1) - 1
        };
        t.bday_at(c)
    }

    /// bdays' rule: roll `date` forward to a business day, then move `bdays_count` business days (backwards when
    /// negative), saturating at chrono's range.
    fn advance_bdays(&self, date: NaiveDate, bdays_count: i32) -> NaiveDate {
        let t = &*self.inner;
        let start = day_number(self.to_bday(date, true));
        t.bday_at(t.bdays_before(start) + i64::from(bdays_count))
    }

    /// The business days from `d0` to `d1` after rolling both forward to a business day: the number of
    /// `advance_bdays(_, 1)` steps between them, negative when `d1` comes first.
    fn bdays(&self, d0: NaiveDate, d1: NaiveDate) -> i32 {
        let t = &*self.inner;
        let a = t.bdays_before(day_number(self.to_bday(d0, true)));
        let b = t.bdays_before(day_number(self.to_bday(d1, true)));
        let n = b - a;
        i32::try_from(n).unwrap_or(if n < 0 { i32::MIN } else { i32::MAX })
    }
}

/// A date as its day number (`num_days_from_ce`: 0001-01-01, a Monday, is 1), widened so that sums never overflow.
fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

/// Monday–Friday days with a day number below `k` (counted from day 1, a Monday; negative below it).
fn weekdays_before(k: i64) -> i64 {
    let from_monday = k - 1;
    5 * from_monday.div_euclid(7) + from_monday.rem_euclid(7).min(5)
}

/// The day number of the `c`-th Monday–Friday day (0-based, counted from day 1; negative `c` before it): the
/// inverse of [`weekdays_before`].
fn nth_weekday(c: i64) -> i64 {
    1 + 7 * c.div_euclid(5) + c.rem_euclid(5)
}

impl Tables {
    /// The business days (bdays' sense: working days inside the coverage, Monday–Friday outside it) with a day
    /// number below `k`, counted from day 1. O(1): the prefix sums inside, arithmetic outside.
    fn bdays_before(&self, k: i64) -> i64 {
        let first = day_number(self.first);
        let end = day_number(self.last) + 1;
        let inside = |k: i64| {
            usize::try_from(k - first)
                .ok()
                .and_then(|i| self.cum.get(i))
                .map_or(0, |&c| i64::from(c))
        };
        if k <= first {
            weekdays_before(k)
        } else if k <= end {
            weekdays_before(first) + inside(k)
        } else {
            weekdays_before(first) + inside(end) + weekdays_before(k) - weekdays_before(end)
        }
    }

    /// The `c`-th business day (0-based, as [`bdays_before`](Self::bdays_before) counts them), saturated to the
    /// business days chrono can represent.
    fn bday_at(&self, c: i64) -> NaiveDate {
        let lowest = self.bdays_before(day_number(NaiveDate::MIN));
        let highest = self.bdays_before(day_number(NaiveDate::MAX) + 1) - 1;
        let c = c.clamp(lowest, highest);
        let first = day_number(self.first);
        let before = weekdays_before(first);
        let inside = i64::try_from(self.working.len()).unwrap_or(i64::MAX);
        let k = if c < before {
            nth_weekday(c)
        } else if c - before < inside {
            match usize::try_from(c - before)
                .ok()
                .and_then(|i| self.working.get(i))
            {
                Some(&day) => return day,
                None => nth_weekday(c),
            }
        } else {
            let end = day_number(self.last) + 1;
            nth_weekday(c - before - inside + weekdays_before(end))
        };
        i32::try_from(k)
            .ok()
            .and_then(NaiveDate::from_num_days_from_ce_opt)
            .unwrap_or(if k < first {
                NaiveDate::MIN
            } else {
                NaiveDate::MAX
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_embedded_table_builds_and_is_contiguous() {
        let cal = WorkCalendar::china();
        let years: Vec<i32> = cal.years().iter().map(|y| y.year).collect();
        assert_eq!(years.first(), Some(&2004));
        for w in years.windows(2) {
            assert_eq!(w[1], w[0] + 1);
        }
        assert_eq!(*cal.coverage().end(), d(2026, 12, 31));
    }

    #[test]
    fn every_embedded_schedule_validates() {
        for y in WorkCalendar::china().years() {
            assert_eq!(y.validate(), Ok(()), "{}", y.year);
        }
    }

    #[test]
    fn dates_outside_coverage_are_errors() {
        let cal = WorkCalendar::china();
        for date in [
            NaiveDate::MIN,
            NaiveDate::MAX,
            d(2027, 1, 1),
            d(1999, 12, 31),
        ] {
            assert!(matches!(
                cal.is_working_day(date),
                Err(Error::CalendarOutOfRange { .. })
            ));
            assert!(cal.add_working_days(date, 1).is_err());
            assert!(cal.add_natural_days(date, 1, Rollover::None).is_err());
        }
        assert!(matches!(
            cal.add_working_days(d(2026, 12, 30), 5),
            Err(Error::CountPastCalendar { .. })
        ));
        assert!(
            cal.add_natural_days(d(2026, 12, 30), u32::MAX, Rollover::None)
                .is_err()
        );
    }

    #[test]
    fn zero_working_days_is_the_start_itself() {
        let cal = WorkCalendar::china();
        assert_eq!(cal.add_working_days(d(2025, 2, 1), 0), Ok(d(2025, 2, 1)));
    }

    #[test]
    fn regional_rest_days_become_rest_days() {
        let mut cal = WorkCalendar::china();
        let day = d(2026, 3, 20);
        assert_eq!(cal.is_working_day(day), Ok(true));
        cal.add_regional_rest_days([day]).unwrap();
        assert_eq!(cal.is_working_day(day), Ok(false));
        assert!(cal.add_regional_rest_days([d(2030, 1, 1)]).is_err());
    }

    #[test]
    fn adding_a_known_year_or_a_gap_is_rejected() {
        let mut cal = WorkCalendar::china();
        let dup = cal.year(2026).unwrap().clone();
        assert!(cal.add_year(dup.clone()).is_err());
        assert!(cal.replace_year(dup).is_ok());
        let gap = YearSchedule {
            year: 2028,
            notice: "x".into(),
            holidays: vec![],
            make_up_days: vec![],
            previous_year: PreviousYearDays::default(),
        };
        let err = cal.add_year(gap).unwrap_err().to_string();
        assert!(err.contains("2027 is missing"), "{err}");
    }
}
