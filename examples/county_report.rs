//! The county report: each county's findings, deduction, score, interview months and grade for a year; its goals
//! (KPIs) with their ratios; the findings by kind and the clocks missed; the city's monthly spot checks; the
//! findings by month and by name; and a chart of monthly findings per county. Any city's ledger, under any
//! city's policy: the city's name and the document cited come from the policy.
//!
//! ```text
//! cargo run --example county_report                                   # the embedded synthetic ledger of 2025
//! cargo run --example county_report -- ledger.json                    # a ledger of your own (JSON)
//! cargo run --features xlsx --example county_report -- --template 台账模板.xlsx   # an empty workbook to fill in
//! cargo run --features xlsx --example county_report -- 台账.xlsx --policy p.json --html 报告.html --xlsx 报告.xlsx
//! cargo run --features csv --example county_report -- 台账/          # a directory of CSV files (or 台账/线索.csv)
//! cargo run --features xlsx --example county_report -- --export ledger.xlsx   # the embedded ledger as a workbook
//! cargo run --example county_report -- --seed HEX                     # redraw the spot checks with a revealed seed
//! ```
//!
//! Grades: the documents define only the forced C级 (30 findings in a year); a county below that is 未触发C级,
//! never A or B, unless the policy carries a grade scale with its source. The report also lists the enterprise
//! arrears ledger of the construction sector.
//!
//! The ledger holds the clue records and the findings reviewers recorded (kind 2, and kind 6 where the records
//! carry no format reminder); the findings the records show (kinds 1, 3, 4, 5, 6, 7, 8) are detected under the
//! policy, as of the year's last day
//! (`ledger::assess`). The year is the ledger's 考核年度, else the year of its latest registration. The chart goes
//! to `target/county_report_<year>.svg` unless `--svg` says otherwise; every path written is printed.
//!
//! Exit codes: 0 done (also `--help`); 1 the ledger or the policy has bad content (every bad cell is listed, with
//! sheet, row and column); 2 a usage error (one line: an unknown option, a missing value, a file that cannot be
//! read, a format this build was compiled without).

#[macro_use]
#[path = "common/cli.rs"]
mod cli;
#[path = "ledger/mod.rs"]
mod ledger;
#[path = "report/mod.rs"]
mod report;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ledger::{Ledger, Synthetic};
use wage_arrears::review::Seed;
use wage_arrears::scoring::CountyScore;
use wage_arrears::{Policy, WorkCalendar};

/// The year of the embedded ledger, and its seed.
const YEAR: i32 = 2025;
const SEED: u64 = 20_250_101;

const USAGE: &str = "usage: county_report [LEDGER.json|.xlsx|.csv|DIR] [--policy POLICY.json] [--svg OUT.svg] [--xlsx OUT.xlsx] [--html OUT.html] [--export OUT.xlsx|.json|DIR] [--template OUT.xlsx] [--dump OUT.json] [--seed HEX]";

const HELP: &str = "county_report: a year of a city's wage-arrears clue ledger, county by county

usage: county_report [LEDGER] [options]

  LEDGER               the ledger: .json, .xlsx (feature xlsx), .csv or a directory of CSV files (feature csv);
                       none: the embedded synthetic ledger of Pingdingshan, 2025
  --policy FILE.json   the policy (default: 平人社监察〔2024〕15号, Pingdingshan 2024); names the city and document
  --svg FILE.svg       where the chart goes (default: target/county_report_<year>.svg)
  --html FILE.html     the report as one page to print (A4), chart included
  --xlsx FILE.xlsx     the report as a workbook, one sheet per table, with a native chart (feature xlsx)
  --export FILE        the ledger itself, in the format of FILE: .xlsx, .json, or a directory of CSV files
  --template FILE.xlsx an empty ledger workbook with headers, an example row and drop-down lists; then stop
  --dump FILE.json     the ledger as JSON
  --seed HEX           the spot checks' seed, 64 hex digits (default: 32 fresh bytes from the operating system);
                       the report prints the seed and its SHA-256 commitment, so the draw can be verified or repeated
  -h, --help           this help

exit codes: 0 done; 1 the ledger or policy has bad content (every error listed); 2 usage error";

#[derive(Default)]
struct Args {
    ledger: Option<PathBuf>,
    policy: Option<PathBuf>,
    svg: Option<PathBuf>,
    html: Option<PathBuf>,
    xlsx: Option<PathBuf>,
    export: Option<PathBuf>,
    template: Option<PathBuf>,
    dump: Option<PathBuf>,
    seed: Option<Seed>,
    help: bool,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut a = Args::default();
    let mut it = args;
    while let Some(arg) = it.next() {
        let slot = match arg.as_str() {
            "-h" | "--help" => {
                a.help = true;
                continue;
            }
            "--seed" => {
                let hex = it.next().ok_or("--seed needs 64 hex digits")?;
                a.seed = Some(hex.parse().map_err(|e| format!("--seed: {e}"))?);
                continue;
            }
            "--policy" => &mut a.policy,
            "--svg" => &mut a.svg,
            "--html" => &mut a.html,
            "--xlsx" => &mut a.xlsx,
            "--export" => &mut a.export,
            "--template" => &mut a.template,
            "--dump" => &mut a.dump,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ if a.ledger.is_none() => {
                a.ledger = Some(arg.into());
                continue;
            }
            _ => return Err(format!("unexpected argument {arg}")),
        };
        let value = it.next().ok_or_else(|| format!("{arg} needs a path"))?;
        *slot = Some(value.into());
    }
    Ok(a)
}

/// Why the report stopped: the exit code and the message.
struct Failure(u8, String);

impl From<ledger::LedgerError> for Failure {
    fn from(e: ledger::LedgerError) -> Failure {
        Failure(e.exit_code(), e.to_string())
    }
}

fn usage(message: impl Into<String>) -> Failure {
    Failure(2, message.into())
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("county_report: {e} ({USAGE})");
            return ExitCode::from(2);
        }
    };
    if args.help {
        say!("{HELP}");
        return ExitCode::SUCCESS;
    }
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(code, message)) => {
            eprintln!("county_report: {message}");
            ExitCode::from(code)
        }
    }
}

fn write_file(path: &Path, bytes: impl AsRef<[u8]>) -> Result<(), Failure> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| usage(format!("{}: {e}", dir.display())))?;
    }
    std::fs::write(path, bytes).map_err(|e| usage(format!("{}: {e}", path.display())))
}

fn read_policy(path: &Path) -> Result<Policy, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| usage(format!("{}: cannot read: {e}", path.display())))?;
    wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(&text))
        .map_err(|e| Failure(1, format!("{}: {e}", path.display())))
}

#[cfg(feature = "xlsx")]
fn template(path: &Path) -> Result<(), Failure> {
    let bytes = wage_arrears::ledger::xlsx::template().map_err(|e| Failure(1, e.to_string()))?;
    write_file(path, bytes)
}

#[cfg(not(feature = "xlsx"))]
fn template(path: &Path) -> Result<(), Failure> {
    Err(usage(format!(
        "{}: built without the `xlsx` feature: run with --features xlsx",
        path.display()
    )))
}

#[cfg(feature = "xlsx")]
fn report_workbook(doc: &report::Doc, title: &str, path: &Path) -> Result<(), Failure> {
    let bytes =
        report::xlsx(doc, title).map_err(|e| Failure(1, format!("{}: {e}", path.display())))?;
    write_file(path, bytes)
}

#[cfg(not(feature = "xlsx"))]
fn report_workbook(_: &report::Doc, _: &str, path: &Path) -> Result<(), Failure> {
    Err(usage(format!(
        "{}: built without the `xlsx` feature: run with --features xlsx",
        path.display()
    )))
}

/// The seed of the spot checks: the one given with `--seed`, or 32 fresh bytes from the operating system. In the
/// protocol the city publishes the seed's commitment before the month ends and reveals the seed after the draw;
/// this example draws and reveals at once, and prints both so the draw can be verified or repeated.
fn spot_check_seed(given: Option<Seed>) -> Result<Seed, Failure> {
    if let Some(seed) = given {
        return Ok(seed);
    }
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| Failure(1, format!("no random seed from the operating system: {e}")))?;
    Ok(Seed::from_bytes(bytes))
}

fn run(args: Args) -> Result<(), Failure> {
    if let Some(path) = &args.template {
        template(path)?;
        say!("台账模板已写出：{}", path.display());
        return Ok(());
    }
    // Formats this build cannot write are a usage error before any work is done.
    for path in [&args.xlsx, &args.export].into_iter().flatten() {
        if ledger::format_of(path) == "xlsx" && !cfg!(feature = "xlsx") {
            return Err(usage(format!(
                "{}: built without the `xlsx` feature: run with --features xlsx",
                path.display()
            )));
        }
    }
    let policy = match &args.policy {
        Some(path) => read_policy(path)?,
        None => Policy::default(),
    };
    let cal = WorkCalendar::china();
    let ledger = match &args.ledger {
        Some(path) => ledger::read(path)?,
        None => Ledger::synthetic(YEAR, SEED, &cal).map_err(|e| Failure(1, e.to_string()))?,
    };
    for (path, what) in [(&args.dump, "JSON"), (&args.export, "导出")] {
        if let Some(path) = path {
            let path = if what == "JSON" && ledger::format_of(path) != "json" {
                return Err(usage(format!(
                    "{}: --dump writes JSON: name it .json",
                    path.display()
                )));
            } else {
                path
            };
            for written in ledger::write(&ledger, path)? {
                say!("台账已写出：{}", written.display());
            }
        }
    }
    let assessed = ledger::assess(&ledger, &policy, &cal).map_err(|e| Failure(1, e.to_string()))?;
    let seed = spot_check_seed(args.seed)?;
    let doc =
        report::build(&ledger, &assessed, &policy, &seed).map_err(|e| Failure(1, e.to_string()))?;
    say_raw!("{}", report::text(&doc));

    let year = assessed.year;
    let scores: Vec<&CountyScore> = assessed.counties.iter().map(|c| &c.score).collect();
    let svg = report::chart(year, &scores, &policy);
    let title = report::chart_title(year, &policy);
    let svg_path = args.svg.unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("target")
            .join(format!("county_report_{year}.svg"))
    });
    write_file(&svg_path, &svg)?;
    say!(
        "\n图表（各县每月问题数，约谈线 {} 条）：{}",
        policy.interview_findings_per_month,
        svg_path.display()
    );
    if let Some(path) = &args.html {
        write_file(path, report::html(&doc, &title, &svg))?;
        say!("报告网页（可打印为 A4 PDF）：{}", path.display());
    }
    if let Some(path) = &args.xlsx {
        report_workbook(&doc, &title, path)?;
        say!("报告工作簿：{}", path.display());
    }
    Ok(())
}
