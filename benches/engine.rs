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

#[path = "../examples/ledger/mod.rs"]
mod ledger;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use wage_arrears::{Clue, Policy, WorkCalendar};

fn engine(c: &mut Criterion) {
    let cal = WorkCalendar::china();
    let policy = Policy::default();
    let clues: Vec<Clue> = match ledger::synthetic_clues(2025, 20_250_101, &cal) {
        Ok(clues) => clues,
        Err(e) => panic!("the synthetic ledger does not build: {e}"),
    };
    let as_of = wage_arrears::date(2025, 12, 31).unwrap_or_default();
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
