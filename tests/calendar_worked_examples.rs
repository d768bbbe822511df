//! The worked examples of counting working days (工作日, 民法典 第201条), each as a test named after the rule it checks.
//!
//! Counting after 民法典 第201条 and 民事诉讼法 第85条: the start day is not counted, so "N 个工作日内 from D"
//! ends on the N-th working day strictly after D, whatever kind of day D is. "N 个自然日内 from D" ends on D + N;
//! moving a rest-day end to the next working day (民法典 第203条) is a policy switch, off by default.
//!
//! Nothing here assumes which years the embedded table starts with: tests that need the edge of the calendar read
//! it from `cal.coverage()`.

use bdays::HolidayCalendar;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use wage_arrears::{Error, HolidayPeriod, PreviousYearDays, Rollover, WorkCalendar, YearSchedule};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a valid date in the test")
}

/// A plausible 2027 notice (the real one is published in November 2026): 元旦 Fri 01-01 ..= Sun 01-03, and one
/// 春节 run with a make-up Saturday, enough to exercise the JSON path.
const SCHEDULE_2027_JSON: &str = r#"{
  "year": 2027,
  "notice": "国务院办公厅关于2027年部分节假日安排的通知 (example for tests)",
  "holidays": [
    { "name": "元旦", "first": "2027-01-01", "last": "2027-01-03" },
    { "name": "春节", "first": "2027-02-05", "last": "2027-02-13" }
  ],
  "make_up_days": ["2027-02-20"]
}"#;

fn schedule_2027() -> YearSchedule {
    serde_json::from_str(SCHEDULE_2027_JSON).expect("the 2027 example parses")
}

// ---------------------------------------------------------------------------------------------------------------
// 工作日 counts (民法典 第201条: the start day is not counted)
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn a_clue_registered_on_friday_before_the_2025_spring_festival_is_accepted_by_wednesday_5_february()
-> Result<(), Error> {
    let cal = WorkCalendar::china();
    let registered = d(2025, 1, 24);
    assert_eq!(registered.weekday(), Weekday::Fri);
    // Sun 01-26 is a make-up working day (调休), Mon 01-27 a working day, 01-28 ..= 02-04 the holiday.
    assert!(cal.is_working_day(d(2025, 1, 26))?);
    assert_eq!(cal.add_working_days(registered, 1)?, d(2025, 1, 26));
    assert_eq!(cal.add_working_days(registered, 2)?, d(2025, 1, 27));
    assert_eq!(cal.add_working_days(registered, 3)?, d(2025, 2, 5));
    Ok(())
}

#[test]
fn a_clue_registered_on_the_eve_of_national_day_2026_must_be_accepted_by_the_make_up_saturday()
-> Result<(), Error> {
    let cal = WorkCalendar::china();
    let registered = d(2026, 9, 30);
    assert_eq!(registered.weekday(), Weekday::Wed);
    let deadline = cal.add_working_days(registered, 3)?;
    assert_eq!(deadline, d(2026, 10, 10));
    assert_eq!(deadline.weekday(), Weekday::Sat);
    assert!(cal.is_working_day(deadline)?);
    // The count skipped the whole 国庆节 run 10-01 ..= 10-07.
    let skipped = cal.rest_days_between(registered, deadline)?;
    let expected: Vec<NaiveDate> = (1..=7).map(|day| d(2026, 10, day)).collect();
    assert_eq!(skipped, expected);
    Ok(())
}

#[test]
fn a_clue_registered_on_a_sunday_of_an_ordinary_week_is_due_on_wednesday() -> Result<(), Error> {
    let cal = WorkCalendar::china();
    let sunday = d(2025, 3, 9);
    assert_eq!(sunday.weekday(), Weekday::Sun);
    // The Sunday itself is never counted: Mon 1, Tue 2, Wed 3.
    let deadline = cal.add_working_days(sunday, 3)?;
    assert_eq!(deadline, d(2025, 3, 12));
    assert_eq!(deadline.weekday(), Weekday::Wed);
    Ok(())
}

#[test]
fn zero_working_days_from_any_day_is_that_day_itself() -> Result<(), Error> {
    let cal = WorkCalendar::china();
    // A working day, a weekend day and a holiday alike.
    for start in [d(2025, 3, 12), d(2025, 3, 9), d(2026, 10, 1)] {
        assert_eq!(cal.add_working_days(start, 0)?, start);
    }
    Ok(())
}

#[test]
fn working_days_between_counts_the_end_but_not_the_start_and_is_negative_backwards()
-> Result<(), Error> {
    let cal = WorkCalendar::china();
    assert_eq!(cal.working_days_between(d(2025, 1, 24), d(2025, 2, 5))?, 3);
    assert_eq!(cal.working_days_between(d(2025, 2, 5), d(2025, 1, 24))?, -3);
    assert_eq!(
        cal.working_days_between(d(2026, 9, 30), d(2026, 10, 10))?,
        3
    );
    assert_eq!(
        cal.working_days_between(d(2026, 10, 10), d(2026, 9, 30))?,
        -3
    );
    assert_eq!(cal.working_days_between(d(2026, 10, 3), d(2026, 10, 3))?, 0);
    // Inside the 国庆节 run nothing is counted in either direction.
    assert_eq!(cal.working_days_between(d(2026, 10, 7), d(2026, 10, 1))?, 0);
    Ok(())
}

// ---------------------------------------------------------------------------------------------------------------
// 自然日 counts (民法典 第203条 roll-over is a switch, off by default)
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn sixty_natural_days_from_2_august_2025_end_on_national_day_without_roll_over() -> Result<(), Error>
{
    let cal = WorkCalendar::china();
    let accepted = d(2025, 8, 2);
    let end = cal.add_natural_days(accepted, 60, Rollover::None)?;
    assert_eq!(end, d(2025, 10, 1));
    assert!(!cal.is_working_day(end)?);
    // No roll-over is the default policy switch.
    assert_eq!(Rollover::default(), Rollover::None);
    Ok(())
}

#[test]
fn sixty_natural_days_from_2_august_2025_roll_over_to_9_october_after_the_holiday()
-> Result<(), Error> {
    let cal = WorkCalendar::china();
    let end = cal.add_natural_days(d(2025, 8, 2), 60, Rollover::NextWorkingDay)?;
    // 国庆节、中秋节 10-01 ..= 10-08, so the first working day is Thu 10-09.
    assert_eq!(end, d(2025, 10, 9));
    Ok(())
}

#[test]
fn a_natural_day_deadline_on_a_working_day_does_not_move_with_roll_over() -> Result<(), Error> {
    let cal = WorkCalendar::china();
    let start = d(2025, 3, 9);
    for rollover in [Rollover::None, Rollover::NextWorkingDay] {
        assert_eq!(cal.add_natural_days(start, 3, rollover)?, d(2025, 3, 12));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------------------------
// Outside the calendar: an error, never a guess
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn the_earliest_and_latest_dates_chrono_knows_are_outside_the_calendar() {
    let cal = WorkCalendar::china();
    let inside = *cal.coverage().start();
    for date in [NaiveDate::MIN, NaiveDate::MAX] {
        let out_of_range = |r: Result<_, Error>| matches!(r, Err(Error::CalendarOutOfRange { .. }));
        assert!(out_of_range(cal.is_working_day(date).map(|_| ())));
        assert!(out_of_range(cal.add_working_days(date, 0).map(|_| ())));
        assert!(out_of_range(cal.add_working_days(date, 3).map(|_| ())));
        assert!(out_of_range(
            cal.working_days_between(date, inside).map(|_| ())
        ));
        assert!(out_of_range(
            cal.working_days_between(inside, date).map(|_| ())
        ));
        assert!(out_of_range(
            cal.rest_days_between(date, inside).map(|_| ())
        ));
        assert!(out_of_range(
            cal.add_natural_days(date, 0, Rollover::None).map(|_| ())
        ));
        assert!(out_of_range(
            cal.add_natural_days(date, 1, Rollover::NextWorkingDay)
                .map(|_| ())
        ));
    }
}

#[test]
fn the_out_of_range_message_names_the_date_the_coverage_the_missing_notice_and_the_fix() {
    let cal = WorkCalendar::china();
    let (first, last) = (*cal.coverage().start(), *cal.coverage().end());
    let outside = last + Days::new(61);
    let err = cal
        .is_working_day(outside)
        .expect_err("outside the calendar");
    assert_eq!(
        err.to_string(),
        format!(
            "date {outside} is outside the working-day calendar ({first}..={last}): the {} holiday notice is not \
             loaded (WorkCalendar::add_notice)",
            last.year() + 1
        )
    );
    // Before the first year, and several years out: every missing year is named.
    let early = first - Days::new(1);
    assert!(
        cal.is_working_day(early)
            .expect_err("before the calendar")
            .to_string()
            .ends_with(&format!(
                ": the {} holiday notice is not loaded (WorkCalendar::add_notice)",
                first.year() - 1
            ))
    );
    let far = d(last.year() + 3, 3, 1);
    assert!(
        cal.is_working_day(far)
            .expect_err("far past the calendar")
            .to_string()
            .ends_with(&format!(
                ": the holiday notices of {} to {} are not loaded (WorkCalendar::add_notice, one year at a time)",
                last.year() + 1,
                last.year() + 3
            ))
    );
    assert!(cal.is_working_day(first - Days::new(1)).is_err());
    assert!(cal.is_working_day(first).is_ok());
    assert!(cal.is_working_day(last).is_ok());
}

#[test]
fn a_working_day_count_running_past_the_last_known_day_is_an_error() -> Result<(), Error> {
    let cal = WorkCalendar::china();
    let last = *cal.coverage().end();
    let start = last - Days::new(1);
    let left = cal.working_days_between(start, last)?;
    // Exactly the working days left are fine; one more is not.
    let n = u32::try_from(left).expect("a small count");
    assert!(cal.add_working_days(start, n).is_ok());
    let err = cal.add_working_days(start, n + 1);
    assert_eq!(
        err,
        Err(Error::CountPastCalendar {
            start,
            n: n + 1,
            last
        })
    );
    // The message names the missing year and the fix.
    assert_eq!(
        err.map(|_| ()).unwrap_err().to_string(),
        format!(
            "counting {} working days after {start} runs past {last}: the {} holiday notice is not loaded \
             (WorkCalendar::add_notice)",
            n + 1,
            last.year() + 1
        )
    );
    // A natural-day count past the end is out of range too, and u32::MAX days overflows chrono, not a panic.
    assert!(matches!(
        cal.add_natural_days(start, 5, Rollover::None),
        Err(Error::CalendarOutOfRange { .. })
    ));
    assert!(
        cal.add_natural_days(start, u32::MAX, Rollover::NextWorkingDay)
            .is_err()
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------------------------
// Next year's notice at run time (YearSchedule from JSON)
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn adding_the_2027_notice_from_json_extends_the_calendar_across_new_year() -> Result<(), Error> {
    let mut cal = WorkCalendar::china();
    assert_eq!(*cal.coverage().end(), d(2026, 12, 31));
    assert!(cal.add_working_days(d(2026, 12, 30), 3).is_err());

    let first_before = *cal.coverage().start();
    cal.add_year(schedule_2027())?;
    assert_eq!(cal.coverage(), first_before..=d(2027, 12, 31));
    // Thu 12-31 is 1; 元旦 Fri 01-01 ..= Sun 01-03 is skipped; Mon 01-04 is 2, Tue 01-05 is 3.
    assert_eq!(cal.add_working_days(d(2026, 12, 30), 3)?, d(2027, 1, 5));
    // The make-up Saturday of the JSON is a working day; the 春节 run is not.
    assert!(cal.is_working_day(d(2027, 2, 20))?);
    assert!(!cal.is_working_day(d(2027, 2, 8))?);
    assert_eq!(
        cal.year(2027).map(|y| y.notice.as_str()),
        Some("国务院办公厅关于2027年部分节假日安排的通知 (example for tests)")
    );
    Ok(())
}

#[test]
fn a_year_schedule_survives_a_json_round_trip() {
    let schedule = schedule_2027();
    let json = serde_json::to_string(&schedule).expect("serialises");
    let back: YearSchedule = serde_json::from_str(&json).expect("parses back");
    assert_eq!(back, schedule);
}

#[test]
fn a_json_schedule_with_a_misspelt_field_is_refused_naming_the_field() {
    // `"make_up_day"` for `"make_up_days"`: ignored, the make-up Saturday would silently stay a rest day.
    let typo = SCHEDULE_2027_JSON.replace("\"make_up_days\"", "\"make_up_day\"");
    let err = serde_json::from_str::<YearSchedule>(&typo).expect_err("an unknown field");
    assert!(
        err.to_string().contains("unknown field `make_up_day`"),
        "{err}"
    );
    // The same inside a holiday period, and inside previous_year.
    let typo = SCHEDULE_2027_JSON.replacen("\"last\"", "\"lats\"", 1);
    let err = serde_json::from_str::<YearSchedule>(&typo).expect_err("an unknown field");
    assert!(err.to_string().contains("unknown field `lats`"), "{err}");
    let typo = SCHEDULE_2027_JSON.replace(
        "\"make_up_days\": [\"2027-02-20\"]",
        "\"make_up_days\": [\"2027-02-20\"], \"previous_year\": { \"make_up_day\": [] }",
    );
    let err = serde_json::from_str::<YearSchedule>(&typo).expect_err("an unknown field");
    assert!(
        err.to_string().contains("unknown field `make_up_day`"),
        "{err}"
    );
    // Through the crate's own reader, the path names the field too.
    let typo = SCHEDULE_2027_JSON.replace("\"make_up_days\"", "\"make_up_day\"");
    let err = wage_arrears::deserialize::<YearSchedule, _>(
        &mut serde_json::Deserializer::from_str(&typo),
    )
    .expect_err("an unknown field");
    assert!(err.to_string().contains("make_up_day"), "{err}");
}

#[test]
fn a_json_schedule_with_days_of_the_year_before_round_trips_and_is_applied() -> Result<(), Error> {
    let json = SCHEDULE_2027_JSON.replace(
        "\"make_up_days\": [\"2027-02-20\"]",
        "\"make_up_days\": [\"2027-02-20\"],
  \"previous_year\": { \"holidays\": [{ \"name\": \"元旦\", \"first\": \"2026-12-31\", \"last\": \"2026-12-31\" }] }",
    );
    let schedule: YearSchedule = serde_json::from_str(&json).expect("parses");
    let back: YearSchedule =
        serde_json::from_str(&serde_json::to_string(&schedule).expect("writes")).expect("reads");
    assert_eq!(back, schedule);
    // Without days of the year before, the field is left out of the JSON.
    assert!(
        !serde_json::to_string(&schedule_2027())
            .expect("writes")
            .contains("previous_year")
    );
    let mut cal = WorkCalendar::china();
    assert!(cal.is_working_day(d(2026, 12, 31))?);
    cal.add_year(schedule)?;
    assert!(!cal.is_working_day(d(2026, 12, 31))?);
    Ok(())
}

#[test]
fn a_json_schedule_with_an_impossible_date_does_not_parse() {
    let json = SCHEDULE_2027_JSON.replace("2027-02-20", "2027-02-30");
    assert!(serde_json::from_str::<YearSchedule>(&json).is_err());
}

#[test]
fn the_year_before_the_first_known_year_can_be_added_too() -> Result<(), Error> {
    let mut cal = WorkCalendar::china();
    let first = *cal.coverage().start();
    let year = first.year() - 1;
    cal.add_year(YearSchedule {
        year,
        notice: "weekends only (test)".into(),
        holidays: vec![],
        make_up_days: vec![],
        previous_year: PreviousYearDays::default(),
    })?;
    assert_eq!(*cal.coverage().start(), d(year, 1, 1));
    Ok(())
}

// ---------------------------------------------------------------------------------------------------------------
// Invalid schedules are rejected, and a rejected change leaves the calendar as it was
// ---------------------------------------------------------------------------------------------------------------

fn assert_rejected(schedule: YearSchedule, needle: &str) {
    let mut cal = WorkCalendar::china();
    let before = cal.coverage();
    let year = schedule.year;
    let err = cal
        .add_year(schedule)
        .expect_err("the schedule must be rejected");
    assert!(
        matches!(&err, Error::InvalidSchedule { year: y, .. } if *y == year),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(
        message.contains(needle),
        "message {message:?} lacks {needle:?}"
    );
    assert_eq!(
        cal.coverage(),
        before,
        "a rejected year must not change the calendar"
    );
}

#[test]
fn a_make_up_working_day_on_a_weekday_is_rejected() {
    let mut s = schedule_2027();
    s.make_up_days = vec![d(2027, 2, 17)]; // a Wednesday
    assert_rejected(s, "2027-02-17 is a Wed");
}

#[test]
fn a_schedule_date_outside_its_own_year_is_rejected() {
    let mut s = schedule_2027();
    s.holidays.push(HolidayPeriod {
        name: "元旦".into(),
        first: d(2028, 1, 1),
        last: d(2028, 1, 1),
    });
    assert_rejected(s, "outside the year");

    let mut s = schedule_2027();
    s.make_up_days = vec![d(2026, 12, 26)]; // a Saturday, but of 2026
    assert_rejected(s, "2026-12-26 is outside the year");
}

#[test]
fn a_day_both_holiday_and_make_up_working_day_is_rejected() {
    let mut s = schedule_2027();
    s.make_up_days = vec![d(2027, 1, 2)]; // inside 元旦 01-01 ..= 01-03
    assert_rejected(s, "2027-01-02 is listed both");
}

#[test]
fn a_year_the_calendar_already_has_is_rejected_by_add_year() {
    let cal = WorkCalendar::china();
    let known = cal.years()[0].clone();
    assert_rejected(known, "already has this year");
}

#[test]
fn a_year_leaving_a_gap_is_rejected() {
    let mut s = schedule_2027();
    s.year = 2028;
    s.holidays.clear();
    s.make_up_days.clear();
    assert_rejected(s, "2027 is missing");
}

#[test]
fn a_calendar_built_from_a_list_with_a_duplicate_or_a_gap_is_rejected() {
    let a = schedule_2027();
    assert!(matches!(
        WorkCalendar::from_years(vec![a.clone(), a.clone()]),
        Err(Error::InvalidSchedule { year: 2027, .. })
    ));
    let mut c = a.clone();
    c.year = 2029;
    c.holidays.clear();
    c.make_up_days.clear();
    assert!(matches!(
        WorkCalendar::from_years(vec![a, c]),
        Err(Error::InvalidSchedule { year: 2029, .. })
    ));
    assert!(WorkCalendar::from_years(vec![]).is_err());
}

// ---------------------------------------------------------------------------------------------------------------
// Regional rest days (民族自治地方)
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn a_regional_rest_day_pushes_a_working_day_deadline_one_day_later() -> Result<(), Error> {
    let national = WorkCalendar::china();
    let registered = d(2026, 3, 18); // Wed
    assert_eq!(national.add_working_days(registered, 3)?, d(2026, 3, 23)); // Thu, Fri, Mon

    let mut regional = national.clone();
    regional.add_regional_rest_days([d(2026, 3, 20)])?;
    assert_eq!(regional.add_working_days(registered, 3)?, d(2026, 3, 24));
    // The clone it came from is untouched.
    assert_eq!(national.add_working_days(registered, 3)?, d(2026, 3, 23));
    Ok(())
}

#[test]
fn a_regional_rest_day_on_a_make_up_saturday_makes_it_a_rest_day() -> Result<(), Error> {
    let mut cal = WorkCalendar::china();
    cal.add_regional_rest_days([d(2026, 10, 10)])?;
    assert!(!cal.is_working_day(d(2026, 10, 10))?);
    // Thu 10-08, Fri 10-09, then Mon 10-12.
    assert_eq!(cal.add_working_days(d(2026, 9, 30), 3)?, d(2026, 10, 12));
    Ok(())
}

#[test]
fn a_regional_rest_day_outside_the_calendar_is_rejected_and_nothing_is_added() {
    let mut cal = WorkCalendar::china();
    let outside = *cal.coverage().end() + Days::new(1);
    let inside = d(2026, 3, 20);
    assert!(matches!(
        cal.add_regional_rest_days([inside, outside]),
        Err(Error::CalendarOutOfRange { .. })
    ));
    assert_eq!(cal.regional_rest_days().count(), 0);
    assert_eq!(cal.is_working_day(inside), Ok(true));
}

// ---------------------------------------------------------------------------------------------------------------
// The bdays::HolidayCalendar impl
// ---------------------------------------------------------------------------------------------------------------

/// bdays' `advance_bdays` first rolls a rest-day start forward to the next business day (`to_bday(date, true)`)
/// and only then counts, so from a rest day it answers **one working day later** than the 民法典 第201条 count,
/// which never counts the start day whatever it is. Deadlines must use `WorkCalendar::add_working_days`.
#[test]
fn bdays_advance_from_a_rest_day_answers_one_working_day_later_than_the_civil_code_count()
-> Result<(), Error> {
    let cal = WorkCalendar::china();
    let holiday_saturday = d(2026, 10, 3);
    assert!(!cal.is_working_day(holiday_saturday)?);
    // 民法典: Thu 10-08, Fri 10-09, Sat 10-10 (调休).
    assert_eq!(cal.add_working_days(holiday_saturday, 3)?, d(2026, 10, 10));
    // bdays: roll to Thu 10-08 first, then Fri 10-09, Sat 10-10, Mon 10-12.
    let bdays_answer = cal.advance_bdays(holiday_saturday, 3);
    assert_eq!(bdays_answer, d(2026, 10, 12));
    assert_eq!(cal.add_working_days(holiday_saturday, 4)?, bdays_answer);

    // The same on an ordinary Sunday: 民法典 gives Wednesday, bdays Thursday.
    let sunday = d(2025, 3, 9);
    assert_eq!(cal.add_working_days(sunday, 3)?, d(2025, 3, 12));
    assert_eq!(cal.advance_bdays(sunday, 3), d(2025, 3, 13));
    Ok(())
}

#[test]
fn bdays_advance_from_a_working_day_agrees_with_add_working_days() -> Result<(), Error> {
    let cal = WorkCalendar::china();
    for (start, n) in [
        (d(2025, 1, 24), 3),
        (d(2026, 9, 30), 3),
        (d(2025, 8, 1), 60),
        (d(2026, 2, 13), 10),
    ] {
        assert!(cal.is_working_day(start)?, "{start}");
        assert_eq!(
            cal.advance_bdays(start, n),
            cal.add_working_days(start, n.unsigned_abs())?,
            "{start} + {n}"
        );
    }
    Ok(())
}

#[test]
fn bdays_sees_make_up_days_as_business_days_and_weekday_holidays_as_holidays() {
    let cal = WorkCalendar::china();
    // Sat 2026-10-10 is a make-up working day: a business day, not a holiday.
    assert!(cal.is_bday(d(2026, 10, 10)));
    assert!(!cal.is_holiday(d(2026, 10, 10)));
    // Thu 2026-10-01 is a weekday holiday.
    assert!(!cal.is_bday(d(2026, 10, 1)));
    assert!(cal.is_holiday(d(2026, 10, 1)));
    // Sat 2026-10-03 is a weekend inside the run: not a business day, and not flagged as a holiday.
    assert!(!cal.is_bday(d(2026, 10, 3)));
    assert!(!cal.is_holiday(d(2026, 10, 3)));
}
