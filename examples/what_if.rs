//! What if the policy were different? Runs the county report's ledger (the same clue records) under the default
//! policy and another one, and prints, county by county, what moves: deadlines missed, findings, interview months,
//! grades and goals met.
//!
//! ```text
//! cargo run --example what_if                                           # default vs examples/data/policies/baoding-2025.json
//! cargo run --example what_if -- my_policy.json                         # default vs a policy file of your own
//! cargo run --example what_if -- --variant interview-at-3               # default vs a built-in variant
//! cargo run --example what_if -- my_policy.json --ledger ledger.json    # on a ledger of your own
//! cargo run --features xlsx --example what_if -- b.json --base a.json --ledger 台账.xlsx   # two policies, a workbook
//! ```
//!
//! Built-in variants (each changes one number of the default, to see what it alone moves):
//! `interview-at-3`, `first-contact-2-days`, `four-contacts`, `roll-over`, `red-card-7-days`.
//! The ledger may be JSON, an XLSX workbook (feature `xlsx`) or CSV files (feature `csv`), as `county_report`
//! reads them. Exit codes: 0 done (also `--help`); 1 a ledger or policy with bad content (every error listed, by
//! file and field, or sheet, row and column); 2 a usage error (one line).

#[macro_use]
#[path = "common/cli.rs"]
mod cli;
#[path = "ledger/mod.rs"]
mod ledger;
#[path = "common/table.rs"]
mod table;

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use ledger::{CountyReport, Ledger, Report, Synthetic};
use table::{Align, table};
use wage_arrears::{Policy, Rollover, WorkCalendar};

const YEAR: i32 = 2025;
const SEED: u64 = 20_250_101;
const DEFAULT_OTHER: &str = "examples/data/policies/baoding-2025.json";

const USAGE: &str = "用法 usage: cargo run --example what_if -- [POLICY.json | --variant NAME] [--base POLICY.json] [--ledger LEDGER]
  POLICY.json      对比政策 B（默认 examples/data/policies/baoding-2025.json）
  --variant NAME   内置变体：interview-at-3, first-contact-2-days, four-contacts, roll-over, red-card-7-days
  --base PATH      基准政策 A（默认：平人社监察〔2024〕15号，平顶山市 2024）
  --ledger PATH    台账：.json、.xlsx（--features xlsx）、.csv 或 CSV 目录（--features csv）；默认：内置 2025 年合成台账";

const SHORT_USAGE: &str = "usage: what_if [POLICY.json | --variant NAME] [--base POLICY.json] [--ledger LEDGER.json|.xlsx|.csv|DIR]";

enum Other {
    File(PathBuf),
    Variant(String),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        say!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let parsed = match parse(&args) {
        Ok(p) => p,
        Err(message) => {
            eprintln!("what_if: {message} ({SHORT_USAGE})");
            return ExitCode::from(2);
        }
    };
    match run(parsed) {
        Ok(text) => {
            say_raw!("{text}");
            ExitCode::SUCCESS
        }
        Err((code, message)) => {
            eprintln!("what_if: {message}");
            ExitCode::from(code)
        }
    }
}

type Parsed = (Other, Option<PathBuf>, Option<PathBuf>);

fn run((other, ledger_path, base_path): Parsed) -> Result<String, (u8, String)> {
    let cal = WorkCalendar::china();
    let ledger = match &ledger_path {
        Some(path) => ledger::read(path).map_err(|e| (e.exit_code(), e.to_string()))?,
        None => Ledger::synthetic(YEAR, SEED, &cal).map_err(|e| (1, e.to_string()))?,
    };
    let base = match &base_path {
        Some(path) => read_policy(path)?,
        None => Policy::default(),
    };
    let (alt, alt_source) = match other {
        Other::File(path) => (read_policy(&path)?, path.display().to_string()),
        Other::Variant(name) => (
            variant(&name).map_err(|e| (2, e))?,
            format!("内置变体 built-in variant `{name}`"),
        ),
    };
    let a = ledger::assess(&ledger, &base, &cal).map_err(|e| (1, e.to_string()))?;
    let b = ledger::assess(&ledger, &alt, &cal).map_err(|e| (1, e.to_string()))?;
    render(&base, &alt, &alt_source, &a, &b).map_err(|e| (1, e.to_string()))
}

fn parse(args: &[String]) -> Result<Parsed, String> {
    let mut other = None;
    let mut ledger = None;
    let mut base = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--variant" => {
                let name = it.next().ok_or("--variant 需要一个名称 (needs a name)")?;
                other = Some(Other::Variant(name.clone()));
            }
            "--ledger" => {
                let path = it.next().ok_or("--ledger 需要一个路径 (needs a path)")?;
                ledger = Some(PathBuf::from(path));
            }
            "--base" => {
                let path = it.next().ok_or("--base 需要一个路径 (needs a path)")?;
                base = Some(PathBuf::from(path));
            }
            flag if flag.starts_with("--") => {
                return Err(format!("未知选项 unknown option `{flag}`"));
            }
            path if other.is_none() => other = Some(Other::File(PathBuf::from(path))),
            extra => return Err(format!("多余的参数 extra argument `{extra}`")),
        }
    }
    let other = other.unwrap_or_else(|| {
        Other::File(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_OTHER))
    });
    Ok((other, ledger, base))
}

fn read_policy(path: &PathBuf) -> Result<Policy, (u8, String)> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| (2, format!("{}: 无法读取 cannot read: {e}", path.display())))?;
    wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(&text))
        .map_err(|e| (1, format!("{}: {e}", path.display())))
}

/// One number of the default changed: what it alone moves.
fn variant(name: &str) -> Result<Policy, String> {
    let mut p = Policy::default();
    match name {
        "interview-at-3" => p.interview_findings_per_month = 3,
        "first-contact-2-days" => p.first_contact_working_days = 2,
        "four-contacts" => p.min_contacts = 4,
        "roll-over" => p.natural_day_rollover = Rollover::NextWorkingDay,
        "red-card-7-days" => p.red_card_overdue_days = 7,
        other => return Err(format!("未知变体 unknown variant `{other}`")),
    }
    p.name = format!("{}（变体 {name}）", p.name);
    Ok(p)
}

/// The fields in which two policies differ, as `path: a → b` (JSON paths, nested clocks included).
fn policy_diff(a: &Policy, b: &Policy) -> Vec<String> {
    fn walk(path: &str, a: &serde_json::Value, b: &serde_json::Value, out: &mut Vec<String>) {
        match (a, b) {
            (serde_json::Value::Object(x), serde_json::Value::Object(y)) => {
                for (k, va) in x {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    match y.get(k) {
                        Some(vb) => walk(&p, va, vb, out),
                        None => out.push(format!("{p}: {va} → (none)")),
                    }
                }
            }
            _ if a != b => out.push(format!("{path}: {a} → {b}")),
            _ => {}
        }
    }
    let mut out = Vec::new();
    match (serde_json::to_value(a), serde_json::to_value(b)) {
        (Ok(va), Ok(vb)) => walk("", &va, &vb, &mut out),
        _ => out.push("(policies could not be compared)".to_owned()),
    }
    out.retain(|line| !line.starts_with("name:"));
    out
}

fn missed(c: &CountyReport) -> usize {
    c.misses.accepted_late + c.misses.not_accepted + c.misses.answered_late + c.misses.unanswered
}

fn months(c: &CountyReport) -> String {
    let list: Vec<String> = c
        .score
        .interviews
        .iter()
        .map(|i| format!("{}月", i.month.month()))
        .collect();
    if list.is_empty() {
        "—".to_owned()
    } else {
        list.join(",")
    }
}

/// `C级`, `未触发C级`, or A/B only when the policy carries a grade scale with its source.
fn grade(c: &CountyReport) -> String {
    c.score.grade_zh().to_owned()
}

fn goals_met(c: &CountyReport) -> String {
    format!(
        "{}/{}",
        c.kpis.iter().filter(|k| k.met).count(),
        c.kpis.len()
    )
}

fn delta(a: usize, b: usize) -> String {
    match b.cmp(&a) {
        std::cmp::Ordering::Equal => "·".to_owned(),
        std::cmp::Ordering::Greater => format!("+{}", b - a),
        std::cmp::Ordering::Less => format!("−{}", a - b),
    }
}

fn render(
    base: &Policy,
    alt: &Policy,
    alt_source: &str,
    a: &Report,
    b: &Report,
) -> Result<String, std::fmt::Error> {
    let mut out = String::new();
    writeln!(
        out,
        "假设分析 what-if：{} 年台账，线索 {} 条，同一批记录在两套政策下的结果",
        a.year, a.clues
    )?;
    writeln!(out, "  A（基准）{}", base.name)?;
    writeln!(out, "  B（对比）{}", alt.name)?;
    writeln!(out, "           来源：{alt_source}")?;
    writeln!(out)?;
    let diff = policy_diff(base, alt);
    writeln!(out, "政策差异（B 相对 A，共 {} 项）：", diff.len())?;
    if diff.is_empty() {
        writeln!(out, "  （无：两套政策的数字相同）")?;
    }
    for line in &diff {
        writeln!(out, "  {line}")?;
    }
    writeln!(out)?;

    let mut rows = Vec::new();
    let mut changed = Vec::new();
    for ca in &a.counties {
        let Some(cb) = b.county(&ca.county) else {
            continue;
        };
        let (fa, fb) = (ca.score.count(), cb.score.count());
        let (ma, mb) = (missed(ca), missed(cb));
        rows.push(vec![
            ca.county.clone(),
            ma.to_string(),
            mb.to_string(),
            delta(ma, mb),
            fa.to_string(),
            fb.to_string(),
            delta(fa, fb),
            months(ca),
            months(cb),
            grade(ca),
            grade(cb),
            goals_met(ca),
            goals_met(cb),
        ]);
        let mut moves = Vec::new();
        if ma != mb {
            moves.push(format!("逾期 {ma}→{mb}"));
        }
        if fa != fb {
            moves.push(format!("问题 {fa}→{fb}"));
        }
        if months(ca) != months(cb) {
            moves.push(format!("约谈 {}→{}", months(ca), months(cb)));
        }
        if grade(ca) != grade(cb) {
            moves.push(format!("等级 {}→{}", grade(ca), grade(cb)));
        }
        if goals_met(ca) != goals_met(cb) {
            moves.push(format!("达标目标 {}→{}", goals_met(ca), goals_met(cb)));
        }
        if !moves.is_empty() {
            changed.push(format!("  {}：{}", ca.county, moves.join("；")));
        }
    }
    let total = |r: &Report, f: fn(&CountyReport) -> usize| r.counties.iter().map(f).sum::<usize>();
    let (ta, tb) = (total(a, missed), total(b, missed));
    let (na, nb) = (a.counted(), b.counted());
    let interviews = |r: &Report| {
        r.counties
            .iter()
            .map(|c| c.score.interviews.len())
            .sum::<usize>()
    };
    let grade_c = |r: &Report| {
        r.counties
            .iter()
            .filter(|c| c.score.grade == Some(wage_arrears::Grade::C))
            .count()
    };
    rows.push(vec![
        "合计".to_owned(),
        ta.to_string(),
        tb.to_string(),
        delta(ta, tb),
        na.to_string(),
        nb.to_string(),
        delta(na, nb),
        format!("{} 次", interviews(a)),
        format!("{} 次", interviews(b)),
        format!("C级 {}", grade_c(a)),
        format!("C级 {}", grade_c(b)),
        String::new(),
        String::new(),
    ]);
    use Align::{Left as L, Right as R};
    writeln!(
        out,
        "各县（市、区）：逾期 = 接收或答复逾期（截至 {}）；问题 = 计入本年度的问题条数；目标 = 5 项工作目标中达标项数",
        a.as_of
    )?;
    out += &table(
        &[
            "县（市、区）",
            "逾期A",
            "逾期B",
            "Δ",
            "问题A",
            "问题B",
            "Δ",
            "约谈A",
            "约谈B",
            "等级A",
            "等级B",
            "目标A",
            "目标B",
        ],
        &[L, R, R, R, R, R, R, L, L, L, L, R, R],
        &rows,
    );
    writeln!(out)?;
    writeln!(out, "变化（B 相对 A）：")?;
    if changed.is_empty() {
        writeln!(out, "  无县区的结果变化")?;
    }
    for line in changed {
        writeln!(out, "{line}")?;
    }
    Ok(out)
}
