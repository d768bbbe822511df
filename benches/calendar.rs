//! The calendar against its peer, in the same run: `WorkCalendar` (prefix sums, O(1) per query) versus
//! `bdays::HolidayCalendarCache` built over the same calendar (a cached day table, but `advance_bdays` still walks
//! day by day).
//!
//! Run with `cargo bench --bench calendar`. Each iteration runs the operation once for every one of ~1,000 start
//! dates spread over the whole coverage (a fixed LCG sequence, the same on every machine), so no result comes from
//! one hot date; criterion reports the time per iteration and the throughput in operations per second.
//!
//! bdays counts from a rest-day start one working day later than 民法典 第201条 (it rolls the start forward
//! first), so the add benchmarks start from working days only: both sides then compute the same date, which is
//! asserted before measuring. Starts are kept far enough from the end that both stay inside the calendar.

use std::hint::black_box;
use std::time::Duration;

use bdays::{HolidayCalendar, HolidayCalendarCache};
use chrono::{Days, NaiveDate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use wage_arrears::WorkCalendar;

/// How many start dates each iteration visits.
const STARTS: usize = 1_000;

/// The working-day counts compared: a 3-day acceptance clock and a 60-day one.
const COUNTS: [u32; 2] = [3, 60];

/// A deterministic sequence of day offsets in `0..span` (Knuth's MMIX LCG, high bits).
fn lcg_offsets(span: u64, len: usize) -> impl Iterator<Item = u64> {
    let mut state: u64 = 0x2024_0522_0000_0015; // any fixed seed
    std::iter::repeat_with(move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % span
    })
    .take(len)
}

/// Start dates for the add benchmarks: working days from which every count in `COUNTS` stays inside the calendar
/// (with a week's margin, so bdays' cache is never asked about a day past its end).
fn working_starts(cal: &WorkCalendar) -> Vec<NaiveDate> {
    let first = *cal.coverage().start();
    let last = *cal.coverage().end();
    let span = u64::try_from((last - first).num_days()).unwrap_or(0) + 1;
    let max_n = COUNTS.iter().copied().max().unwrap_or(0);
    let mut starts = Vec::with_capacity(STARTS);
    for off in lcg_offsets(span, 50 * STARTS) {
        let d = first + Days::new(off);
        let fits = cal
            .add_working_days(d, max_n)
            .is_ok_and(|end| end + Days::new(7) <= last);
        if cal.is_working_day(d) == Ok(true) && fits {
            starts.push(d);
            if starts.len() == STARTS {
                break;
            }
        }
    }
    assert_eq!(
        starts.len(),
        STARTS,
        "not enough working-day starts in the coverage"
    );
    starts
}

/// Any days of the coverage, rest days included, for the is_working_day benchmark.
fn any_days(cal: &WorkCalendar) -> Vec<NaiveDate> {
    let first = *cal.coverage().start();
    let span = u64::try_from((*cal.coverage().end() - first).num_days()).unwrap_or(0) + 1;
    lcg_offsets(span, STARTS)
        .map(|off| first + Days::new(off))
        .collect()
}

fn bench_calendar(c: &mut Criterion) {
    let cal = WorkCalendar::china();
    let (first, last) = (*cal.coverage().start(), *cal.coverage().end());
    let cache = HolidayCalendarCache::new(cal.clone(), first, last);
    let starts = working_starts(&cal);
    let days = any_days(&cal);
    eprintln!(
        "coverage {first}..={last}; {} working-day starts from {} to {}",
        starts.len(),
        starts.iter().min().map_or(first, |d| *d),
        starts.iter().max().map_or(last, |d| *d),
    );

    // Both sides must compute the same thing before their speed is compared.
    for &n in &COUNTS {
        for &d in &starts {
            let ours = cal.add_working_days(d, n).ok();
            let theirs = cache.advance_bdays(d, n as i32);
            assert_eq!(ours, Some(theirs), "{d} + {n} working days");
        }
    }
    for &d in &days {
        assert_eq!(cal.is_working_day(d).ok(), Some(cache.is_bday(d)), "{d}");
    }

    for &n in &COUNTS {
        let mut group = c.benchmark_group(format!("add_working_days_{n}"));
        group.throughput(Throughput::Elements(starts.len() as u64));
        group.bench_function("wage_arrears", |b| {
            b.iter(|| {
                for &d in &starts {
                    let _ = black_box(cal.add_working_days(black_box(d), black_box(n)));
                }
            })
        });
        group.bench_function("bdays_cache", |b| {
            b.iter(|| {
                for &d in &starts {
                    black_box(cache.advance_bdays(black_box(d), black_box(n as i32)));
                }
            })
        });
        group.finish();
    }

    let mut group = c.benchmark_group("is_working_day");
    group.throughput(Throughput::Elements(days.len() as u64));
    group.bench_function("wage_arrears", |b| {
        b.iter(|| {
            for &d in &days {
                let _ = black_box(cal.is_working_day(black_box(d)));
            }
        })
    });
    group.bench_function("bdays_cache", |b| {
        b.iter(|| {
            for &d in &days {
                black_box(cache.is_bday(black_box(d)));
            }
        })
    });
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_calendar
}
criterion_main!(benches);
