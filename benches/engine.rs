//! Re-evaluating clues: how many a service can run through the rules per second.
//!
//! Run with `cargo bench --bench engine`. The input is the county report's synthetic ledger (about 2,000 complete
//! clue records of 2025, `examples/ledger`), evaluated as of the year's last day under the default policy. Each
//! iteration runs one step over every clue; criterion reports clues per second. The steps:
//! - `status`: both clocks and the card (`deadline::status`);
//! - `validate`: every disposition rule (`disposition::validate`);
//! - `detect_findings`: the findings the record shows (`detection::detect_findings`);
//! - `follow_ups`: the obligations still open (`follow_up::follow_ups`);
//! - `all`: the four above, each called on its own (each derives the clue's facts again);
//! - `evaluate`: the same four answers from one pass over the clue (`facts::evaluate`), what a nightly
//!   re-evaluation of a platform's clues runs;
//! - `explain`: the full explanation (`explain::explain`), which also renders nothing but gathers everything.
//!
//! There is no peer library for these rules; the figures show whether "millions of clues in seconds" holds.
//!
//! `ENGINE_CPU=1 cargo bench --bench engine` prints each step's CPU time per clue instead (see [`cpu_table`]):
//! on a machine other processes share, the comparison to keep.

#[path = "../examples/ledger/mod.rs"]
mod ledger;

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use wage_arrears::{Clue, Policy, WorkCalendar};

/// The time this thread has spent on a CPU, from `/proc/thread-self/schedstat` (Linux; `None` elsewhere).
fn cpu_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// With `ENGINE_CPU=1`: each step's CPU time per clue instead of criterion's wall clock, for a machine other
/// processes share (the wall clock counts the time they held the cores). Each step runs over the ledger in
/// batches of at least half a second of CPU (the kernel updates the count at scheduler ticks); the fastest of five
/// batches is printed.
fn cpu_table(clues: &[Clue], policy: &Policy, cal: &WorkCalendar, as_of: NaiveDate) -> bool {
    if std::env::var("ENGINE_CPU").map_or(true, |v| v != "1") || cpu_time().is_none() {
        return false;
    }
    type Step<'a> = (&'a str, &'a dyn Fn(&Clue));
    let steps: [Step<'_>; 7] = [
        ("status", &|c| {
            let _ = black_box(wage_arrears::status(c, policy, cal, as_of));
        }),
        ("validate", &|c| {
            black_box(wage_arrears::validate(c, policy));
        }),
        ("detect_findings", &|c| {
            let _ = black_box(wage_arrears::detect_findings(c, policy, cal, as_of));
        }),
        ("follow_ups", &|c| {
            let _ = black_box(wage_arrears::follow_ups(c, policy, cal, as_of));
        }),
        ("all", &|c| {
            let _ = black_box(wage_arrears::status(c, policy, cal, as_of));
            black_box(wage_arrears::validate(c, policy));
            let _ = black_box(wage_arrears::detect_findings(c, policy, cal, as_of));
            let _ = black_box(wage_arrears::follow_ups(c, policy, cal, as_of));
        }),
        ("evaluate", &|c| {
            let _ = black_box(wage_arrears::evaluate(c, policy, cal, as_of));
        }),
        ("explain", &|c| {
            let _ = black_box(wage_arrears::explain(c, policy, cal, as_of));
        }),
    ];
    // `ENGINE_STEP=name ENGINE_PASSES=n`: run that step n times over the ledger and nothing else, for a counter
    // such as `perf stat -e cycles:u` around the process (a run with n = 0 measures the ledger's generation).
    if let Ok(only) = std::env::var("ENGINE_STEP") {
        let passes: u64 = std::env::var("ENGINE_PASSES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(1);
        for (name, step) in &steps {
            if *name == only {
                for _ in 0..passes {
                    for c in clues {
                        step(c);
                    }
                }
            }
        }
        return true;
    }
    println!(
        "| step | CPU ns per clue (fastest of 5 batches) | clues per CPU second |\n|---|---:|---:|"
    );
    for (name, step) in steps {
        let mut best = f64::INFINITY;
        for _ in 0..5 {
            let (start, mut passes) = (cpu_time().unwrap_or_default(), 0u64);
            let spent = loop {
                for c in clues {
                    step(c);
                }
                passes += 1;
                let spent = cpu_time().unwrap_or_default().saturating_sub(start);
                if spent >= Duration::from_millis(500) {
                    break spent;
                }
            };
            best = best.min(spent.as_nanos() as f64 / (passes as f64 * clues.len() as f64));
        }
        println!("| {name} | {best:.0} | {:.2} M |", 1e3 / best);
    }
    true
}

fn engine(c: &mut Criterion) {
    let cal = WorkCalendar::china();
    let policy = Policy::default();
    let clues: Vec<Clue> = match ledger::synthetic_clues(2025, 20_250_101, &cal) {
        Ok(clues) => clues,
        Err(e) => panic!("the synthetic ledger does not build: {e}"),
    };
    let as_of = wage_arrears::date(2025, 12, 31).unwrap_or_default();
    if cpu_table(&clues, &policy, &cal, as_of) {
        return;
    }
    let mut group = c.benchmark_group("engine");
    group.throughput(Throughput::Elements(clues.len() as u64));
    group.measurement_time(Duration::from_secs(3));
    group.sample_size(30);
    group.bench_function("status", |b| {
        b.iter(|| {
            for clue in &clues {
                let _ = black_box(wage_arrears::status(clue, &policy, &cal, as_of));
            }
        })
    });
    group.bench_function("validate", |b| {
        b.iter(|| {
            for clue in &clues {
                black_box(wage_arrears::validate(clue, &policy));
            }
        })
    });
    group.bench_function("detect_findings", |b| {
        b.iter(|| {
            for clue in &clues {
                let _ = black_box(wage_arrears::detect_findings(clue, &policy, &cal, as_of));
            }
        })
    });
    group.bench_function("follow_ups", |b| {
        b.iter(|| {
            for clue in &clues {
                let _ = black_box(wage_arrears::follow_ups(clue, &policy, &cal, as_of));
            }
        })
    });
    group.bench_function("all", |b| {
        b.iter(|| {
            for clue in &clues {
                let _ = black_box(wage_arrears::status(clue, &policy, &cal, as_of));
                black_box(wage_arrears::validate(clue, &policy));
                let _ = black_box(wage_arrears::detect_findings(clue, &policy, &cal, as_of));
                let _ = black_box(wage_arrears::follow_ups(clue, &policy, &cal, as_of));
            }
        })
    });
    group.bench_function("evaluate", |b| {
        b.iter(|| {
            for clue in &clues {
                let _ = black_box(wage_arrears::evaluate(clue, &policy, &cal, as_of));
            }
        })
    });
    group.bench_function("explain", |b| {
        b.iter(|| {
            for clue in &clues {
                let _ = black_box(wage_arrears::explain(clue, &policy, &cal, as_of));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
