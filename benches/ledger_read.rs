//! Reading a 100,000-clue ledger: an XLSX workbook (calamine) and a directory's worth of CSV files (csv), each
//! through `Ledger::from_tables`, and the tables alone.
//!
//! Run with `cargo bench --features xlsx,csv --bench ledger_read`. The ledger is the county report's synthetic
//! year (about 2,000 complete clue records with their contacts, submissions and findings) copied under new ids
//! until it holds 100,000 clues, written once by the crate's own writers; only the reading is timed.

#[path = "../examples/ledger/mod.rs"]
mod ledger;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ledger::{Ledger, Synthetic};
use wage_arrears::WorkCalendar;
use wage_arrears::ledger::{Table, csv};

const CLUES: usize = 100_000;

fn big_ledger() -> Ledger {
    let base = match Ledger::synthetic(2025, 20_250_101, &WorkCalendar::china()) {
        Ok(l) => l,
        Err(e) => panic!("the synthetic ledger does not build: {e}"),
    };
    let mut big = base.clone();
    big.clues.clear();
    big.findings.clear();
    let mut copy = 0;
    while big.clues.len() < CLUES {
        for c in &base.clues {
            if big.clues.len() == CLUES {
                break;
            }
            let mut c = c.clone();
            c.id = format!("{}-{copy:02}", c.id);
            big.clues.push(c);
        }
        for f in &base.findings {
            let mut f = f.clone();
            f.clue_id = format!("{}-{copy:02}", f.clue_id);
            if big
                .clues
                .iter()
                .rev()
                .take(base.clues.len())
                .any(|c| c.id == f.clue_id)
            {
                big.findings.push(f);
            }
        }
        copy += 1;
    }
    big
}

fn read_csv_files(files: &[(String, Vec<u8>)]) -> Vec<Table> {
    files
        .iter()
        .map(|(name, bytes)| match csv::read_table(name, bytes) {
            Ok(t) => t,
            Err(e) => panic!("{e}"),
        })
        .collect()
}

fn ledger_read(c: &mut Criterion) {
    let ledger = big_ledger();
    let tables = ledger.to_tables();
    let xlsx = match ledger.to_xlsx() {
        Ok(b) => b,
        Err(e) => panic!("{e}"),
    };
    let files: Vec<(String, Vec<u8>)> = tables
        .iter()
        .map(|t| match csv::write_table(t) {
            Ok(b) => (t.name.clone(), b),
            Err(e) => panic!("{e}"),
        })
        .collect();
    // What is timed reads back what was written.
    assert_eq!(Ledger::from_xlsx(&xlsx).ok().as_ref(), Some(&ledger));
    assert_eq!(
        Ledger::from_tables(&read_csv_files(&files)).ok().as_ref(),
        Some(&ledger)
    );
    eprintln!(
        "{} clues, {} contacts, {} submissions, {} findings; xlsx {} bytes, csv {} bytes",
        ledger.clues.len(),
        ledger.clues.iter().map(|c| c.contacts.len()).sum::<usize>(),
        ledger
            .clues
            .iter()
            .map(|c| c.submissions.len())
            .sum::<usize>(),
        ledger.findings.len(),
        xlsx.len(),
        files.iter().map(|(_, b)| b.len()).sum::<usize>()
    );

    let mut group = c.benchmark_group("ledger_read");
    group.sample_size(10);
    group.throughput(Throughput::Elements(CLUES as u64));
    group.bench_function("xlsx_100k_clues", |b| {
        b.iter(|| Ledger::from_xlsx(std::hint::black_box(&xlsx)))
    });
    group.bench_function("csv_100k_clues", |b| {
        b.iter(|| Ledger::from_tables(&read_csv_files(std::hint::black_box(&files))))
    });
    group.bench_function("tables_only_100k_clues", |b| {
        b.iter(|| Ledger::from_tables(std::hint::black_box(&tables)))
    });
    group.finish();
}

criterion_group!(benches, ledger_read);
criterion_main!(benches);
