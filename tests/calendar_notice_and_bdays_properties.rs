//! Properties of the notice reader and of the `bdays::HolidayCalendar` impl: no panic on any input.
//!
//! - `YearSchedule::from_notice` and `WorkCalendar::add_notice` never panic, on arbitrary text and on the real
//!   notices (`tests/notices/`) with characters deleted, duplicated or replaced; on an error the calendar is
//!   unchanged, on success the schedule holds together.
//! - Every method of the bdays impl answers without panicking on any date chrono can represent and any `i32` count
//!   (checked under `catch_unwind`, so a panic is reported as a failed property, not an abort), agrees with bdays'
//!   own day-by-day defaults wherever those finish, and saturates at chrono's range as documented.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::LazyLock;

use bdays::HolidayCalendar;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use proptest::prelude::*;
use wage_arrears::{Error, WorkCalendar, YearSchedule};

static CAL: LazyLock<WorkCalendar> = LazyLock::new(WorkCalendar::china);

/// The real notices, by year.
static NOTICES: LazyLock<Vec<(i32, Vec<char>)>> = LazyLock::new(|| {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/notices");
    (2008..=2026)
        .filter_map(|y| {
            std::fs::read_to_string(dir.join(format!("{y}.txt")))
                .ok()
                .map(|t| (y, t.chars().collect()))
        })
        .collect()
});

/// The embedded calendar without `year` and the years after it, so that `add_notice(year, …)` can add it.
fn calendar_before(year: i32) -> WorkCalendar {
    let years: Vec<YearSchedule> = CAL
        .years()
        .iter()
        .filter(|y| y.year < year)
        .cloned()
        .collect();
    WorkCalendar::from_years(years).expect("a prefix of the embedded table")
}

/// Characters that matter to the reader, so that mutations hit its paths, plus any char at all.
fn notice_char() -> impl Strategy<Value = char> {
    prop_oneof![
        proptest::sample::select(
            "0123456789年月日至—-、，。：；（）()周星期一二三四五六日天放假调休共补上班与周末连不其中调至公鼓励\n 〔〕号"
                .chars()
                .collect::<Vec<_>>()
        ),
        any::<char>(),
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize),
    Duplicate(usize),
    Replace(usize, char),
    Insert(usize, char),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Duplicate),
        (any::<usize>(), notice_char()).prop_map(|(i, c)| Mutation::Replace(i, c)),
        (any::<usize>(), notice_char()).prop_map(|(i, c)| Mutation::Insert(i, c)),
    ]
}

fn apply(text: &[char], mutations: &[Mutation]) -> String {
    let mut chars = text.to_vec();
    for m in mutations {
        let len = chars.len().max(1);
        match *m {
            Mutation::Delete(i) if !chars.is_empty() => {
                chars.remove(i % len);
            }
            Mutation::Duplicate(i) if !chars.is_empty() => {
                let c = chars[i % len];
                chars.insert(i % len, c);
            }
            Mutation::Replace(i, c) if !chars.is_empty() => chars[i % len] = c,
            Mutation::Insert(i, c) => chars.insert(i % (chars.len() + 1), c),
            _ => {}
        }
    }
    chars.into_iter().collect()
}

/// `add_notice` on a calendar that lacks `year`: Ok adds exactly that year, a valid one; Err changes nothing.
fn check_add_notice(year: i32, text: &str) -> Result<(), TestCaseError> {
    let parsed = catch_unwind(|| YearSchedule::from_notice(year, text));
    prop_assert!(parsed.is_ok(), "from_notice panicked on {text:?}");
    let mut cal = calendar_before(year.clamp(2005, 2027));
    let (years, coverage) = (cal.years().to_vec(), cal.coverage());
    let added = catch_unwind(AssertUnwindSafe(|| cal.add_notice(year, text)));
    prop_assert!(added.is_ok(), "add_notice panicked on {text:?}");
    match (
        added.unwrap_or(Ok(())),
        parsed.unwrap_or(Err(Error::UnknownRule(String::new()))),
    ) {
        (Ok(()), Ok(schedule)) => {
            prop_assert_eq!(schedule.validate(), Ok(()));
            prop_assert!(
                !schedule.holidays.is_empty() || !schedule.previous_year.holidays.is_empty()
            );
            prop_assert_eq!(cal.year(year), Some(&schedule));
            prop_assert_eq!(cal.years().len(), years.len() + 1);
            prop_assert!(
                schedule
                    .make_up_days
                    .iter()
                    .all(|d| matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
            );
        }
        (Err(_), _) => {
            prop_assert_eq!(
                cal.years(),
                years.as_slice(),
                "a refused notice changed the calendar"
            );
            prop_assert_eq!(cal.coverage(), coverage);
        }
        (Ok(()), Err(e)) => {
            prop_assert!(false, "add_notice accepted what from_notice refused: {e}")
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Arbitrary strings, including ones built from the reader's own vocabulary.
    #[test]
    fn add_notice_never_panics_on_arbitrary_text(
        text in prop_oneof![
            any::<String>(),
            proptest::collection::vec(notice_char(), 0..200).prop_map(|v| v.into_iter().collect()),
            proptest::collection::vec(notice_char(), 0..60)
                .prop_map(|v| format!("一、元旦：{}", v.into_iter().collect::<String>())),
        ],
        year in prop_oneof![2005..=2027i32, any::<i32>(), Just(i32::MIN), Just(i32::MAX)],
    ) {
        check_add_notice(year, &text)?;
    }

    /// The real notices with up to four characters deleted, duplicated, replaced or inserted.
    #[test]
    fn add_notice_never_panics_on_a_mutated_real_notice_and_leaves_the_calendar_unchanged_on_error(
        which in any::<prop::sample::Index>(),
        mutations in proptest::collection::vec(mutation(), 1..=4),
    ) {
        let (year, text) = &NOTICES[which.index(NOTICES.len())];
        check_add_notice(*year, &apply(text, &mutations))?;
    }
}

#[test]
fn the_real_notices_are_there_to_mutate() {
    assert_eq!(NOTICES.len(), 19);
    for (year, text) in NOTICES.iter() {
        let text: String = text.iter().collect();
        assert!(YearSchedule::from_notice(*year, &text).is_ok(), "{year}");
    }
}

// ---------------------------------------------------------------------------------------------------------------
// bdays::HolidayCalendar
// ---------------------------------------------------------------------------------------------------------------

/// The same calendar through bdays' default methods (only `is_holiday` and `is_bday` delegated): the reference.
struct Defaults<'a>(&'a WorkCalendar);

impl HolidayCalendar<NaiveDate> for Defaults<'_> {
    fn is_holiday(&self, date: NaiveDate) -> bool {
        self.0.is_holiday(date)
    }
    fn is_bday(&self, date: NaiveDate) -> bool {
        self.0.is_bday(date)
    }
}

fn first() -> NaiveDate {
    *CAL.coverage().start()
}

fn last() -> NaiveDate {
    *CAL.coverage().end()
}

/// Any date chrono can represent, with the extremes and the edges of the coverage weighted in.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        any::<i32>().prop_filter_map(
            "outside chrono's range",
            NaiveDate::from_num_days_from_ce_opt
        ),
        (0i64..=14).prop_map(|k| NaiveDate::MIN + chrono::Duration::days(k)),
        (0i64..=14).prop_map(|k| NaiveDate::MAX - chrono::Duration::days(k)),
        (-30i64..=30).prop_map(|k| first() + chrono::Duration::days(k)),
        (-30i64..=30).prop_map(|k| last() + chrono::Duration::days(k)),
        (0u64..9_000).prop_map(|k| first() + Days::new(k)),
    ]
}

fn any_count() -> impl Strategy<Value = i32> {
    prop_oneof![
        any::<i32>(),
        -1_000..=1_000i32,
        Just(i32::MIN),
        Just(i32::MAX),
        Just(0)
    ]
}

/// A date away from chrono's ends, where bdays' defaults finish without panicking.
fn moderate_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        (-400i64..=400).prop_map(|k| first() + chrono::Duration::days(k)),
        (-400i64..=400).prop_map(|k| last() + chrono::Duration::days(k)),
        (0u64..9_000).prop_map(|k| first() + Days::new(k)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    /// No method panics on any date or count, in debug or release (overflow checks on or off).
    #[test]
    fn no_bdays_method_panics_on_any_date_or_count(a in any_date(), b in any_date(), n in any_count()) {
        let result = catch_unwind(|| {
            let cal = &*CAL;
            (
                cal.is_bday(a),
                cal.is_holiday(a),
                cal.to_bday(a, true),
                cal.to_bday(a, false),
                cal.advance_bdays(a, n),
                cal.bdays(a, b),
            )
        });
        prop_assert!(result.is_ok(), "a bdays method panicked on {a}, {b}, {n}");
        if let Ok((_, _, next, previous, advanced, _)) = result {
            // Whatever the input, the answers are business days (saturating at chrono's ends, as documented).
            prop_assert!(CAL.is_bday(next) && CAL.is_bday(previous) && CAL.is_bday(advanced));
            prop_assert!(next >= a || a.iter_days().all(|d| !CAL.is_bday(d)));
            prop_assert!(previous <= a || std::iter::successors(Some(a), |d| d.pred_opt()).all(|d| !CAL.is_bday(d)));
        }
    }

    /// Where bdays' own defaults finish, the O(1) overrides give the same answers.
    #[test]
    fn the_overrides_agree_with_bdays_defaults(a in moderate_date(), b in moderate_date(), n in -800..=800i32) {
        let reference = Defaults(&CAL);
        prop_assert_eq!(CAL.to_bday(a, true), reference.to_bday(a, true));
        prop_assert_eq!(CAL.to_bday(a, false), reference.to_bday(a, false));
        prop_assert_eq!(CAL.advance_bdays(a, n), reference.advance_bdays(a, n));
        if (b - a).num_days().abs() <= 1_500 {
            prop_assert_eq!(CAL.bdays(a, b), reference.bdays(a, b));
        }
    }

    /// Counting back what was advanced gives the count, away from chrono's ends.
    #[test]
    fn bdays_counts_what_advance_bdays_moved(a in moderate_date(), n in -100_000..=100_000i32) {
        let start = CAL.to_bday(a, true);
        prop_assert_eq!(CAL.bdays(start, CAL.advance_bdays(a, n)), n);
    }
}

#[test]
fn at_chronos_ends_the_bdays_methods_saturate_to_the_nearest_business_day() {
    let cal = WorkCalendar::china();
    let last_bday = cal.to_bday(NaiveDate::MAX, false);
    let first_bday = cal.to_bday(NaiveDate::MIN, true);
    assert!(cal.is_bday(last_bday) && cal.is_bday(first_bday));
    assert!((NaiveDate::MAX - last_bday).num_days() < 3);
    assert!((first_bday - NaiveDate::MIN).num_days() < 3);
    // Past the end either way: the last (first) business day chrono can represent.
    assert_eq!(cal.advance_bdays(NaiveDate::MAX, i32::MAX), last_bday);
    assert_eq!(cal.advance_bdays(NaiveDate::MIN, i32::MIN), first_bday);
    assert_eq!(cal.advance_bdays(first(), i32::MAX), last_bday);
    assert_eq!(cal.advance_bdays(first(), i32::MIN), first_bday);
    assert_eq!(cal.to_bday(NaiveDate::MAX, true), last_bday);
    assert_eq!(cal.to_bday(NaiveDate::MIN, false), first_bday);
    // The whole range fits an i32 count, both ways.
    let all = cal.bdays(NaiveDate::MIN, NaiveDate::MAX);
    assert!(all > 130_000_000, "{all}");
    assert_eq!(cal.bdays(NaiveDate::MAX, NaiveDate::MIN), -all);
    // Inside the calendar the impl follows it: 3 business days from Wed 2026-09-30 is the make-up Saturday.
    assert_eq!(
        cal.advance_bdays(NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(), 3),
        NaiveDate::from_ymd_opt(2026, 10, 10).unwrap()
    );
    assert_eq!(last().year(), 2026);
}

#[test]
fn bdays_defaults_would_panic_at_chronos_end_where_the_overrides_saturate() {
    // The reference walks day by day with `with_year(..).unwrap()`: stepping past NaiveDate::MAX panics. From the
    // last Monday–Friday day chrono can represent, one business day forward is past it.
    let reference = Defaults(&CAL);
    let last_weekday = std::iter::successors(Some(NaiveDate::MAX), |d| d.pred_opt())
        .find(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .expect("a weekday near the end");
    let default = catch_unwind(AssertUnwindSafe(|| {
        reference.advance_bdays(last_weekday, 1)
    }));
    assert!(
        default.is_err(),
        "bdays' default did not panic past NaiveDate::MAX"
    );
    assert_eq!(CAL.advance_bdays(last_weekday, 1), last_weekday);
    // And i32::MIN steps: the default's `abs()` overflows (a panic in debug builds); the override saturates.
    assert_eq!(
        CAL.advance_bdays(last_weekday, i32::MIN),
        CAL.to_bday(NaiveDate::MIN, true)
    );
}
