//! A city, a province, the nation: the rollups over every county at once, at 1×, 100× and 1,000× the county
//! report's synthetic ledger.
//!
//! ```sh
//! cargo bench --bench rollup                          # 1× and 100× (criterion), and the end-to-end table
//! ROLLUP_SCALES=1,100,1000 cargo bench --bench rollup  # also 1,000× (1.95 million clues; minutes, ~5 GB)
//! ROLLUP_SCALES=1000 ROLLUP_CRITERION=0 cargo bench --bench rollup -- --list  # the end-to-end table only
//! ```
//!
//! The ledger is `examples/ledger`'s year 2025 (1,950 clues in Pingdingshan's 12 counties, and the reviewers'
//! findings). At N× it is copied N times, each copy with its own 12 counties (`叶县#0042`) and its own clue ids
//! (`PDS-2025-0001#0042`): 1,000× is 1.95 million clues in 12,000 counties. Each step reads the whole ledger as
//! of 2025-12-31 under the default policy:
//!
//! - `nightly`: [`evaluate`] on every clue (status, escalation, validation, follow-ups, findings), keeping the
//!   findings; what a platform re-runs every night;
//! - `index`: [`LedgerIndex::new`], the ledger indexed once (ids merged, counties numbered, each clue's dates in a
//!   compact row) for the four rollups below that read clues;
//! - `assess_all`: every county's score from the detected and the reviewers' findings;
//! - `kpis_by_county`: every county's goals over the year (from the index; the table also times the free
//!   function, which indexes the ledger itself);
//! - `spot_checks_12_months`: every county's spot check of each month of the year, one pass
//!   ([`spot_checks_by_county_for_months`]; the table also times [`spot_checks_by_county`] called twelve times);
//! - `self_reviews_12_months`: every county's self-review set of each month, one pass
//!   ([`self_reviews_by_county_for_months`]; and [`self_reviews_by_county`] twelve times);
//! - `campaign_misses`: the verified clues that miss a campaign closing all by 2025-12-31.
//!
//! Before criterion runs, every step is run `ROLLUP_RUNS` times (default 3; more for the small ledgers) and the
//! fastest run's wall-clock and CPU time (this thread's, from `/proc/thread-self/schedstat`) are printed, with the
//! peak heap the step allocates on top of the ledger (a counting global allocator), and the whole chain from the
//! ledger in memory to the last rollup ("end to end": nightly, the index built once, and the five rollups, four
//! of them read from the index). `ROLLUP_COMPARE=0` skips the free functions timed for comparison. That table is what `benches/README.md` records. Set
//! `ROLLUP_CRITERION=0` to skip criterion (and pass a filter such as `-- --list` so that criterion does nothing).

#[path = "../examples/ledger/mod.rs"]
mod ledger;

use ledger::Synthetic;

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use wage_arrears::campaign::{Campaign, campaign_misses};
use wage_arrears::review::{
    Month, Seed, self_reviews_by_county, self_reviews_by_county_for_months, spot_checks_by_county,
    spot_checks_by_county_for_months,
};
use wage_arrears::rollup::LedgerIndex;
use wage_arrears::scoring::{assess_all, kpis_by_county};
use wage_arrears::{Clue, Error, Finding, Points, Policy, WorkCalendar, evaluate};

// ── Peak memory: a counting allocator ──────────────────────────────────────────────────────────────────────────

/// The system allocator, counting the bytes live now and the most live since the last [`reset_peak`].
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is forwarded unchanged to `System`, which upholds `GlobalAlloc`'s contract; the counters
// only observe the sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's pointer and layout.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded with the caller's pointer, layout and size.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

fn reset_peak() {
    PEAK.store(live(), Ordering::Relaxed);
}

fn peak() -> usize {
    PEAK.load(Ordering::Relaxed)
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

// ── The ledger at N× ────────────────────────────────────────────────────────────────────────────────────────────

const YEAR: i32 = 2025;
const SEED: u64 = 20_250_101;

/// The synthetic year copied `n` times, each copy with its own counties and clue ids; the reviewers' findings
/// and the base scores copied with them.
struct Scaled {
    n: usize,
    clues: Vec<Clue>,
    reviewed: Vec<Finding>,
    base_scores: BTreeMap<String, Points>,
}

fn scaled(one: &ledger::Ledger, n: usize) -> Scaled {
    let tag = |name: &str, k: usize| {
        if n == 1 {
            name.to_owned()
        } else {
            format!("{name}#{k:04}")
        }
    };
    let mut clues = Vec::with_capacity(one.clues.len() * n);
    let mut reviewed = Vec::with_capacity(one.findings.len() * n);
    let mut base_scores = BTreeMap::new();
    for k in 0..n {
        clues.extend(one.clues.iter().map(|c| {
            let mut c = c.clone();
            c.id = tag(&c.id, k);
            c.county = tag(&c.county, k);
            c
        }));
        reviewed.extend(one.findings.iter().map(|f| {
            let mut f = f.clone();
            f.clue_id = tag(&f.clue_id, k);
            f.county = tag(&f.county, k);
            f
        }));
        base_scores.extend(one.base_scores.iter().map(|(c, p)| (tag(c, k), *p)));
    }
    Scaled {
        n,
        clues,
        reviewed,
        base_scores,
    }
}

fn scales() -> Vec<usize> {
    std::env::var("ROLLUP_SCALES")
        .ok()
        .map(|s| {
            s.split(',')
                .filter_map(|x| x.trim().parse::<usize>().ok())
                .filter(|&n| n > 0)
                .collect::<Vec<_>>()
        })
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| vec![1, 100])
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The campaign the `campaign_misses` step reads: every verified case of 2025 closed by the year's last day.
fn year_end_campaign() -> Campaign {
    let mut c = Campaign::luoyang_winter_2023();
    c.name = "2025年度欠薪案件清零".to_owned();
    c.starts_on = day(YEAR, 11, 1);
    c.ends_on = day(YEAR, 12, 31);
    c.close_all_by = day(YEAR, 12, 31);
    c.reports.clear();
    c
}

// ── The steps ───────────────────────────────────────────────────────────────────────────────────────────────────

struct Ctx {
    policy: Policy,
    cal: WorkCalendar,
    as_of: NaiveDate,
    from: NaiveDate,
    campaign: Campaign,
}

/// The nightly pipeline: every clue evaluated; the findings kept (with the reviewers').
fn nightly(ctx: &Ctx, l: &Scaled) -> Result<Vec<Finding>, Error> {
    let mut findings = Vec::new();
    for clue in &l.clues {
        let e = evaluate(clue, &ctx.policy, &ctx.cal, ctx.as_of)?;
        findings.extend(e.findings);
    }
    findings.extend(l.reviewed.iter().cloned());
    Ok(findings)
}

fn months() -> Result<Vec<Month>, Error> {
    (1..=12).map(|m| Month::new(YEAR, m)).collect()
}

/// Each month's seed: the city commits to one a month (here fixed bytes, so that every run draws alike).
fn seeds() -> Result<Vec<(Month, Seed)>, Error> {
    Ok(months()?
        .into_iter()
        .map(|m| {
            let mut bytes = [0u8; 32];
            for (b, s) in bytes
                .iter_mut()
                .zip(SEED.to_le_bytes().iter().chain(&[m.month() as u8]))
            {
                *b = *s;
            }
            (m, Seed::from_bytes(bytes))
        })
        .collect())
}

/// The year's spot checks of every county from the shared index
/// ([`LedgerIndex::spot_checks_by_county_for_months`]).
fn spot_checks_indexed(ctx: &Ctx, index: &LedgerIndex<'_>) -> Result<usize, Error> {
    let seeds = seeds()?;
    let draws = seeds.iter().map(|(m, seed)| (*m, seed));
    let checks = index.spot_checks_by_county_for_months(draws, &ctx.policy)?;
    Ok(checks.iter().map(|c| c.items().count()).sum())
}

/// The year's self-review sets of every county from the shared index.
fn self_reviews_indexed(index: &LedgerIndex<'_>) -> Result<usize, Error> {
    Ok(index.self_reviews_by_county_for_months(months()?)?.len())
}

/// The year's spot checks of every county, one call ([`spot_checks_by_county_for_months`], which indexes the
/// ledger itself).
fn spot_checks(ctx: &Ctx, l: &Scaled) -> Result<usize, Error> {
    let seeds = seeds()?;
    let draws = seeds.iter().map(|(m, seed)| (*m, seed));
    let checks = spot_checks_by_county_for_months(&l.clues, draws, &ctx.policy)?;
    Ok(checks.iter().map(|c| c.items().count()).sum())
}

/// The same, asking [`spot_checks_by_county`] once a month: twelve passes.
fn spot_checks_month_by_month(ctx: &Ctx, l: &Scaled) -> Result<usize, Error> {
    let mut drawn = 0;
    for (month, seed) in seeds()? {
        for check in spot_checks_by_county(&l.clues, month, &seed, &ctx.policy)? {
            drawn += check.items().count();
        }
    }
    Ok(drawn)
}

/// The year's self-review sets of every county, one pass ([`self_reviews_by_county_for_months`]).
fn self_reviews(l: &Scaled) -> Result<usize, Error> {
    Ok(self_reviews_by_county_for_months(&l.clues, months()?)?.len())
}

/// The same, asking [`self_reviews_by_county`] once a month.
fn self_reviews_month_by_month(l: &Scaled) -> Result<usize, Error> {
    let mut sets = 0;
    for month in months()? {
        sets += self_reviews_by_county(&l.clues, month)?.len();
    }
    Ok(sets)
}

/// The time this thread has spent on a CPU, from `/proc/thread-self/schedstat` (Linux; `None` elsewhere): on a
/// shared machine the wall clock also counts the time other processes held the cores.
fn cpu_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Wall and CPU time of one step, and the peak heap it allocates above what is live before it.
struct Measured {
    wall: Duration,
    cpu: Option<Duration>,
    heap: usize,
}

/// Runs `step` `runs` times and keeps the fastest run's wall and CPU time (the least disturbed by whatever else
/// the machine runs; for runs under 50 ms, the mean CPU time of all runs) and the first run's peak heap; returns
/// the first run's result.
fn measure<T>(
    runs: u32,
    mut step: impl FnMut() -> Result<T, Error>,
) -> Result<(T, Measured), Error> {
    // The kernel counts CPU time at scheduler ticks: a run of a few milliseconds reads as 0 or one tick. So the
    // CPU time kept is the fastest run's when runs are long, and the mean over all runs when they are short.
    let (all_cpu, all_wall) = (cpu_time(), Instant::now());
    let mut kept: Option<(T, Measured)> = None;
    for _ in 0..runs.max(1) {
        reset_peak();
        let before = live();
        let (wall, cpu) = (Instant::now(), cpu_time());
        let out = step()?;
        let m = Measured {
            wall: wall.elapsed(),
            cpu: cpu.zip(cpu_time()).map(|(a, b)| b.saturating_sub(a)),
            heap: peak().saturating_sub(before),
        };
        kept = Some(match kept {
            None => (out, m),
            Some((first, best)) => (
                first,
                Measured {
                    wall: best.wall.min(m.wall),
                    cpu: best.cpu.zip(m.cpu).map(|(a, b)| a.min(b)).or(best.cpu),
                    heap: best.heap,
                },
            ),
        });
    }
    let (out, mut m) = kept.ok_or_else(|| Error::InvalidMonth("no run".to_owned()))?;
    if all_wall.elapsed() / runs.max(1) < Duration::from_millis(50) {
        m.cpu = all_cpu
            .zip(cpu_time())
            .map(|(a, b)| b.saturating_sub(a) / runs.max(1));
    }
    Ok((out, m))
}

/// How many times each step of the table runs (the fastest counts): `ROLLUP_RUNS` (default 3), and at least
/// enough to read 200,000 clues, so that the small ledgers are timed over more than a scheduler tick.
fn runs(clues: usize) -> u32 {
    let asked = std::env::var("ROLLUP_RUNS")
        .ok()
        .and_then(|r| r.parse::<u32>().ok())
        .unwrap_or(3);
    let enough = u32::try_from(200_000 / clues.max(1)).unwrap_or(u32::MAX);
    asked.max(enough).max(1)
}

/// One run of every step, timed, with the peak heap each allocates above what is live before it; the chain from
/// the ledger in memory to the last rollup is the end-to-end time.
fn report(ctx: &Ctx, l: &Scaled, ledger_bytes: usize) -> Result<(), Error> {
    let clues = l.clues.len();
    let r = runs(clues);
    let (findings, nightly_m) = measure(r, || nightly(ctx, l))?;
    // The chain: the ledger indexed once, every rollup read from the index.
    let (index, index_m) = measure(r, || LedgerIndex::new(&l.clues))?;
    let (scores, assess_m) = measure(r, || {
        assess_all(YEAR, &l.base_scores, &findings, &ctx.policy)
    })?;
    let (goals, kpis_m) = measure(r, || {
        index.kpis_by_county(ctx.from, ctx.as_of, &findings, &ctx.policy, &ctx.cal)
    })?;
    let (drawn, spot_m) = measure(r, || spot_checks_indexed(ctx, &index))?;
    let (sets, self_m) = measure(r, || self_reviews_indexed(&index))?;
    let (misses, campaign_m) = measure(r, || {
        index.campaign_misses(&ctx.campaign, ctx.as_of, &ctx.cal)
    })?;
    // For comparison: the free functions, each indexing the ledger itself (`ROLLUP_COMPARE=0` skips them).
    let compare = std::env::var("ROLLUP_COMPARE").map_or(true, |v| v != "0");
    let skipped = || Measured {
        wall: Duration::ZERO,
        cpu: None,
        heap: 0,
    };
    let (
        kpis_alone_m,
        spot_alone_m,
        self_alone_m,
        campaign_alone_m,
        spot_monthly_m,
        self_monthly_m,
    ) = if compare {
        let (goals_alone, kpis_alone_m) = measure(r, || {
            kpis_by_county(
                ctx.from,
                ctx.as_of,
                &l.clues,
                &findings,
                &ctx.policy,
                &ctx.cal,
            )
        })?;
        let (drawn_alone, spot_alone_m) = measure(r, || spot_checks(ctx, l))?;
        let (sets_alone, self_alone_m) = measure(r, || self_reviews(l))?;
        let (misses_alone, campaign_alone_m) = measure(r, || {
            campaign_misses(&ctx.campaign, &l.clues, ctx.as_of, &ctx.cal)
        })?;
        assert!(
            goals_alone == goals
                && drawn_alone == drawn
                && sets_alone == sets
                && misses_alone == misses,
            "the index and the free functions disagree"
        );
        let (_, spot_monthly_m) = measure(r, || spot_checks_month_by_month(ctx, l))?;
        let (_, self_monthly_m) = measure(r, || self_reviews_month_by_month(l))?;
        (
            kpis_alone_m,
            spot_alone_m,
            self_alone_m,
            campaign_alone_m,
            spot_monthly_m,
            self_monthly_m,
        )
    } else {
        (
            skipped(),
            skipped(),
            skipped(),
            skipped(),
            skipped(),
            skipped(),
        )
    };

    let chain = [
        &nightly_m,
        &index_m,
        &assess_m,
        &kpis_m,
        &spot_m,
        &self_m,
        &campaign_m,
    ];
    let total = Measured {
        wall: chain.iter().map(|m| m.wall).sum(),
        cpu: chain.iter().map(|m| m.cpu).sum(),
        heap: chain.iter().map(|m| m.heap).max().unwrap_or(0),
    };
    println!(
        "\n{}× ledger: {} clues, {} counties, {} findings ({} scored counties, {} goal tables, {} clues drawn, \
         {} self-review sets, {} campaign misses); ledger in memory {:.0} MiB; the fastest of {r} runs",
        l.n,
        clues,
        l.base_scores.len(),
        findings.len(),
        scores.len(),
        goals.len(),
        drawn,
        sets,
        misses.len(),
        mib(ledger_bytes),
    );
    println!(
        "| step | wall | CPU | CPU ns per clue | peak heap above the ledger |\n|---|---:|---:|---:|---:|"
    );
    let row = |name: &str, m: &Measured| {
        let cpu = m.cpu.unwrap_or(m.wall);
        println!(
            "| {name} | {:.3} s | {:.3} s | {:.0} | {:.1} MiB |",
            m.wall.as_secs_f64(),
            cpu.as_secs_f64(),
            cpu.as_nanos() as f64 / clues as f64,
            mib(m.heap)
        );
    };
    row("nightly: `evaluate` every clue", &nightly_m);
    row(
        "`LedgerIndex::new` (ids merged, counties numbered)",
        &index_m,
    );
    row("`assess_all`", &assess_m);
    row("`index.kpis_by_county` (the year)", &kpis_m);
    row(
        "`index.spot_checks_by_county_for_months` (12 months)",
        &spot_m,
    );
    row(
        "`index.self_reviews_by_county_for_months` (12 months)",
        &self_m,
    );
    row("`index.campaign_misses`", &campaign_m);
    row("**end to end** (the seven above)", &total);
    row(
        "for comparison: `kpis_by_county` (indexes itself)",
        &kpis_alone_m,
    );
    row(
        "for comparison: `spot_checks_by_county_for_months`",
        &spot_alone_m,
    );
    row(
        "for comparison: `self_reviews_by_county_for_months`",
        &self_alone_m,
    );
    row("for comparison: `campaign_misses`", &campaign_alone_m);
    row(
        "for comparison: `spot_checks_by_county` × 12",
        &spot_monthly_m,
    );
    row(
        "for comparison: `self_reviews_by_county` × 12",
        &self_monthly_m,
    );
    if let Some(hwm) = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(str::to_owned)
        })
    {
        println!(
            "process peak resident set so far: {}",
            hwm.trim_start_matches("VmHWM:").trim()
        );
    }
    black_box((findings, scores, goals, index));
    Ok(())
}

fn rollup(c: &mut Criterion) {
    let cal = WorkCalendar::china();
    let one = match ledger::Ledger::synthetic(YEAR, SEED, &cal) {
        Ok(l) => l,
        Err(e) => panic!("the synthetic ledger does not build: {e}"),
    };
    let ctx = Ctx {
        policy: Policy::default(),
        cal,
        as_of: day(YEAR, 12, 31),
        from: day(YEAR, 1, 1),
        campaign: year_end_campaign(),
    };
    let run_criterion = std::env::var("ROLLUP_CRITERION").map_or(true, |v| v != "0");
    for n in scales() {
        let before = live();
        let l = scaled(&one, n);
        let ledger_bytes = live() - before;
        if let Err(e) = report(&ctx, &l, ledger_bytes) {
            panic!("the {n}× ledger fails: {e}");
        }
        if !run_criterion {
            continue;
        }
        let findings = match nightly(&ctx, &l) {
            Ok(f) => f,
            Err(e) => panic!("the {n}× ledger fails: {e}"),
        };
        let mut group = c.benchmark_group(format!("rollup/{n}x"));
        group.throughput(Throughput::Elements(l.clues.len() as u64));
        group.sample_size(10);
        group.warm_up_time(Duration::from_secs(if n >= 1000 { 1 } else { 2 }));
        group.measurement_time(Duration::from_secs(match n {
            0..=10 => 3,
            11..=200 => 10,
            _ => 60,
        }));
        group.bench_function(BenchmarkId::from_parameter("nightly"), |b| {
            b.iter(|| black_box(nightly(&ctx, &l)))
        });
        group.bench_function(BenchmarkId::from_parameter("index"), |b| {
            b.iter(|| black_box(LedgerIndex::new(&l.clues)))
        });
        if let Ok(index) = LedgerIndex::new(&l.clues) {
            group.bench_function(BenchmarkId::from_parameter("indexed_rollups"), |b| {
                b.iter(|| {
                    black_box((
                        index.kpis_by_county(ctx.from, ctx.as_of, &findings, &ctx.policy, &ctx.cal),
                        spot_checks_indexed(&ctx, &index),
                        self_reviews_indexed(&index),
                        index.campaign_misses(&ctx.campaign, ctx.as_of, &ctx.cal),
                    ))
                })
            });
        }
        group.bench_function(BenchmarkId::from_parameter("assess_all"), |b| {
            b.iter(|| black_box(assess_all(YEAR, &l.base_scores, &findings, &ctx.policy)))
        });
        group.bench_function(BenchmarkId::from_parameter("kpis_by_county"), |b| {
            b.iter(|| {
                black_box(kpis_by_county(
                    ctx.from,
                    ctx.as_of,
                    &l.clues,
                    &findings,
                    &ctx.policy,
                    &ctx.cal,
                ))
            })
        });
        group.bench_function(BenchmarkId::from_parameter("spot_checks_12_months"), |b| {
            b.iter(|| black_box(spot_checks(&ctx, &l)))
        });
        group.bench_function(BenchmarkId::from_parameter("self_reviews_12_months"), |b| {
            b.iter(|| black_box(self_reviews(&l)))
        });
        group.bench_function(BenchmarkId::from_parameter("campaign_misses"), |b| {
            b.iter(|| {
                black_box(campaign_misses(
                    &ctx.campaign,
                    &l.clues,
                    ctx.as_of,
                    &ctx.cal,
                ))
            })
        });
        group.finish();
    }
}

criterion_group!(benches, rollup);
criterion_main!(benches);
