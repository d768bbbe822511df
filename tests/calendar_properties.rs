//! Properties of the working-day calendar, checked over random dates.
//!
//! Dates are drawn as day offsets inside `cal.coverage()`, whatever years the embedded table holds, so the tests
//! follow the table as it grows. The reference for every count is a plain day-by-day walk that uses nothing but
//! `is_working_day`.

use std::sync::LazyLock;

use bdays::HolidayCalendar;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use proptest::prelude::*;
use wage_arrears::{Error, Rollover, WorkCalendar};

static CAL: LazyLock<WorkCalendar> = LazyLock::new(WorkCalendar::china);

fn first() -> NaiveDate {
    *CAL.coverage().start()
}

fn last() -> NaiveDate {
    *CAL.coverage().end()
}

/// The number of days in the coverage minus one: offsets `0..=span()` are the known days.
fn span() -> u64 {
    u64::try_from((last() - first()).num_days()).expect("coverage is ordered")
}

/// Any day the calendar knows.
fn known_day() -> impl Strategy<Value = NaiveDate> {
    (0..=span()).prop_map(|k| first() + Days::new(k))
}

/// Any date chrono can represent: any `i32` day count from the common era that chrono accepts, plus the extremes
/// and the days just around the coverage, so the Ok paths are hit as well as the Err ones.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        any::<i32>().prop_filter_map(
            "outside chrono's range",
            NaiveDate::from_num_days_from_ce_opt
        ),
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
        known_day(),
        (-3i64..=3).prop_map(|k| first() + chrono::Duration::days(k)),
        (-3i64..=3).prop_map(|k| last() + chrono::Duration::days(k)),
    ]
}

fn any_count() -> impl Strategy<Value = u32> {
    prop_oneof![any::<u32>(), 0..1_000u32, Just(0), Just(u32::MAX)]
}

/// The reference: walk forward one day at a time, counting days for which `is_working_day` says yes.
/// `None` when the walk leaves the calendar before finding the n-th working day.
fn walk_forward(start: NaiveDate, n: u32) -> Option<NaiveDate> {
    let mut day = start;
    let mut found = 0;
    while found < n {
        day = day.succ_opt()?;
        if CAL.is_working_day(day).ok()? {
            found += 1;
        }
    }
    Some(day)
}

/// The reference count of working days in `(from, to]`, for `from <= to`.
fn walk_count(from: NaiveDate, to: NaiveDate) -> i64 {
    from.iter_days()
        .skip(1)
        .take_while(|&day| day <= to)
        .filter(|&day| CAL.is_working_day(day) == Ok(true))
        .count() as i64
}

fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// `working_days_between(d, add_working_days(d, n)?) == n`; a `CountPastCalendar` error is right exactly when
    /// fewer than n working days are left after d.
    #[test]
    fn counting_n_working_days_forward_and_back_gives_n(d in known_day(), n in 0u32..=400) {
        match CAL.add_working_days(d, n) {
            Ok(end) => prop_assert_eq!(CAL.working_days_between(d, end)?, i64::from(n)),
            Err(Error::CountPastCalendar { start, n: asked, last: l }) => {
                prop_assert_eq!((start, asked, l), (d, n, last()));
                prop_assert!(CAL.working_days_between(d, last())? < i64::from(n));
            }
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }

    /// For n >= 1 the deadline is a working day, strictly after the start, and the working day just before it is
    /// the (n-1)-th: nothing was skipped.
    #[test]
    fn the_deadline_is_a_working_day_after_the_start(d in known_day(), n in 1u32..=400) {
        if let Ok(end) = CAL.add_working_days(d, n) {
            prop_assert!(end > d);
            prop_assert!(CAL.is_working_day(end)?);
            let day_before = end.pred_opt().expect("after a known day");
            prop_assert_eq!(CAL.working_days_between(d, day_before)?, i64::from(n) - 1);
        }
    }

    /// A later start never gives an earlier deadline.
    #[test]
    fn the_deadline_is_monotone_in_the_start(a in known_day(), b in known_day(), n in 0u32..=400) {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        if let (Ok(x), Ok(y)) = (CAL.add_working_days(a, n), CAL.add_working_days(b, n)) {
            prop_assert!(x <= y, "{a} + {n} = {x} but {b} + {n} = {y}");
        }
        // If the later start's count fits, so does the earlier one's.
        if CAL.add_working_days(b, n).is_ok() {
            prop_assert!(CAL.add_working_days(a, n).is_ok());
        }
    }

    /// More working days never give an earlier deadline, and for n >= 1 strictly a later one.
    #[test]
    fn the_deadline_is_strictly_monotone_in_n(d in known_day(), m in 0u32..=400, k in 1u32..=400) {
        if let Ok(later) = CAL.add_working_days(d, m + k) {
            let earlier = CAL.add_working_days(d, m)?;
            prop_assert!(earlier < later);
        }
    }

    /// The O(1) answer is the day-by-day walk's answer (民法典 第201条: the start is not counted).
    #[test]
    fn add_working_days_agrees_with_a_day_by_day_walk(d in known_day(), n in 0u32..=400) {
        prop_assert_eq!(CAL.add_working_days(d, n).ok(), walk_forward(d, n));
    }

    /// `working_days_between` agrees with the walk, and is antisymmetric.
    #[test]
    fn working_days_between_agrees_with_a_day_by_day_walk(a in known_day(), len in 0u64..=500) {
        let b = std::cmp::min(a + Days::new(len), last());
        prop_assert_eq!(CAL.working_days_between(a, b)?, walk_count(a, b));
        prop_assert_eq!(CAL.working_days_between(b, a)?, -walk_count(a, b));
    }

    /// The bdays impl says what the calendar says, inside the coverage.
    #[test]
    fn bdays_is_bday_agrees_with_is_working_day(d in known_day()) {
        let working = CAL.is_working_day(d)?;
        prop_assert_eq!(CAL.is_bday(d), working);
        let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        prop_assert_eq!(CAL.is_holiday(d), !working && !weekend);
    }

    /// Outside the coverage the bdays impl cannot report an error and falls back to Monday–Friday, as documented.
    #[test]
    fn bdays_falls_back_to_monday_to_friday_outside_the_calendar(d in any_date()) {
        prop_assume!(!CAL.coverage().contains(&d));
        let weekday = !matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        prop_assert_eq!(CAL.is_bday(d), weekday);
        prop_assert!(!CAL.is_holiday(d));
    }

    /// Every day in `(from, to]` is either a working day or a rest day, and `rest_days_between` lists exactly the
    /// rest days, in order. For `to < from` the interval is empty.
    #[test]
    fn rest_days_and_working_days_add_up_to_the_days_between(a in known_day(), b in known_day()) {
        let (from, to) = if a <= b { (a, b) } else { (b, a) };
        let rest = CAL.rest_days_between(from, to)?;
        let working = CAL.working_days_between(from, to)?;
        prop_assert_eq!(rest.len() as i64 + working, days_between(from, to));
        prop_assert!(rest.windows(2).all(|w| w[0] < w[1]));
        for day in &rest {
            prop_assert!(from < *day && *day <= to);
            prop_assert!(!CAL.is_working_day(*day)?);
        }
        if from < to {
            prop_assert!(CAL.rest_days_between(to, from)?.is_empty());
        }
    }

    /// Without roll-over a natural-day deadline is exactly start + n; past the calendar it is an error.
    #[test]
    fn natural_days_without_roll_over_are_exactly_start_plus_n(d in known_day(), n in 0u32..=2_000) {
        let expected = d + Days::new(u64::from(n));
        match CAL.add_natural_days(d, n, Rollover::None) {
            Ok(end) => prop_assert_eq!(end, expected),
            Err(Error::CalendarOutOfRange { date, .. }) => {
                prop_assert!(expected > last());
                prop_assert_eq!(date, expected);
            }
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }

    /// With roll-over (民法典 第203条) the deadline is the first working day on or after start + n.
    #[test]
    fn natural_days_with_roll_over_end_on_the_first_working_day_from_start_plus_n(
        d in known_day(),
        n in 0u32..=2_000,
    ) {
        let plain = d + Days::new(u64::from(n));
        match CAL.add_natural_days(d, n, Rollover::NextWorkingDay) {
            Ok(end) => {
                prop_assert!(end >= plain);
                prop_assert!(CAL.is_working_day(end)?);
                // No working day in [plain, end): (plain, end] holds end only, and plain is one only if it is end.
                let expected = if end == plain { 0 } else { 1 };
                prop_assert_eq!(CAL.working_days_between(plain, end)?, expected);
            }
            Err(Error::CalendarOutOfRange { .. }) => prop_assert!(plain > last()),
            Err(Error::CountPastCalendar { .. }) => {
                // Only when no working day is left from plain to the end of the calendar.
                prop_assert!(!CAL.is_working_day(plain)?);
                prop_assert_eq!(CAL.working_days_between(plain, last())?, 0);
            }
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }

    /// No method panics on any date chrono can represent or any count: each answers Ok or Err.
    #[test]
    fn no_method_panics_on_any_date_or_count(a in any_date(), b in any_date(), n in any_count()) {
        let _ = CAL.is_working_day(a);
        let _ = CAL.add_working_days(a, n);
        let _ = CAL.working_days_between(a, b);
        let _ = CAL.rest_days_between(a, b);
        let _ = CAL.add_natural_days(a, n, Rollover::None);
        let _ = CAL.add_natural_days(a, n, Rollover::NextWorkingDay);
        let _ = CAL.is_bday(a);
        let _ = CAL.is_holiday(a);
        let mut regional = CAL.clone();
        let before = regional.coverage();
        if regional.add_regional_rest_days([a, b]).is_err() {
            prop_assert!(!before.contains(&a) || !before.contains(&b));
            prop_assert_eq!(regional.regional_rest_days().count(), 0);
        }
        prop_assert_eq!(regional.coverage(), before);
        // Outside the coverage every counting method is an error, never a guess.
        if !CAL.coverage().contains(&a) {
            let out_of_range = matches!(CAL.is_working_day(a), Err(Error::CalendarOutOfRange { .. }));
            prop_assert!(out_of_range);
            prop_assert!(CAL.add_working_days(a, n).is_err());
            prop_assert!(CAL.add_natural_days(a, n, Rollover::None).is_err());
        }
    }
}

#[test]
fn the_properties_run_over_the_whole_coverage_the_calendar_reports() {
    // A guard for the strategies above: they draw from the whole coverage, whatever years it holds.
    assert_eq!(first().month(), 1);
    assert_eq!(first().day(), 1);
    assert_eq!((last().month(), last().day()), (12, 31));
    assert_eq!(first() + Days::new(span()), last());
    assert!(walk_forward(last(), 1).is_none());
}
