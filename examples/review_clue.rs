//! Reviews clues before they are submitted: every rule each one breaks (with its clause), the findings its record
//! shows, and a calendar of the follow-ups due in the next 30 days.
//!
//! ```text
//! cargo run --example review_clue                                  # examples/data/review_clues.json, as of 2026-11-25
//! cargo run --example review_clue -- my_clues.json --as-of 2026-12-01
//! ```
//!
//! Exit code 2 on bad input (unreadable file, JSON that is not a list of clues, a bad date, a clue the calendar
//! cannot count); the error names the field.

#[macro_use]
#[path = "common/cli.rs"]
mod cli;
#[path = "common/table.rs"]
mod table;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::process::ExitCode;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use table::{Align, pad};
use wage_arrears::calendar::WorkCalendar;
use wage_arrears::detection::detect_findings;
use wage_arrears::disposition::validate;
use wage_arrears::finding::Finding;
use wage_arrears::follow_up::{FollowUp, follow_ups};
use wage_arrears::model::Clue;
use wage_arrears::policy::Policy;

const DEFAULT_AS_OF: &str = "2026-11-25";
const WINDOW_DAYS: u64 = 30;

fn main() -> ExitCode {
    if std::env::args().skip(1).any(|a| a == "-h" || a == "--help") {
        say!("{}", usage());
        return ExitCode::SUCCESS;
    }
    match run() {
        Ok(out) => {
            say_raw!("{out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("错误 error: {message}");
            ExitCode::from(2)
        }
    }
}

struct Args {
    path: String,
    as_of: NaiveDate,
}

fn usage() -> String {
    "usage: review_clue [CLUES.json] [--as-of YYYY-MM-DD]".to_owned()
}

fn parse_args() -> Result<Args, String> {
    let mut path = None;
    let mut as_of = DEFAULT_AS_OF.to_owned();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--as-of" => {
                as_of = args
                    .next()
                    .ok_or_else(|| format!("--as-of needs a date\n{}", usage()))?
            }
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option `{flag}`\n{}", usage()));
            }
            _ if path.is_some() => return Err(format!("more than one path given\n{}", usage())),
            _ => path = Some(arg),
        }
    }
    let as_of = as_of
        .parse::<NaiveDate>()
        .map_err(|e| format!("--as-of `{as_of}` is not a date (YYYY-MM-DD): {e}"))?;
    let path = path.unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/review_clues.json"
        )
        .to_owned()
    });
    Ok(Args { path, as_of })
}

/// One clue's review.
struct Review {
    clue: Clue,
    findings: Vec<Finding>,
    follow_ups: Vec<FollowUp>,
}

fn run() -> Result<String, String> {
    let args = parse_args()?;
    let text = std::fs::read_to_string(&args.path)
        .map_err(|e| format!("cannot read {}: {e}", args.path))?;
    let clues: Vec<Clue> =
        wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(&text))
            .map_err(|e| format!("{}: {e}", args.path))?;
    let policy = Policy::default();
    let cal = WorkCalendar::china();
    let as_of = args.as_of;

    let mut reviews = Vec::new();
    for clue in clues {
        let findings = detect_findings(&clue, &policy, &cal, as_of)
            .map_err(|e| format!("clue {}: {e}", clue.id))?;
        let follow_ups = follow_ups(&clue, &policy, &cal, as_of)
            .map_err(|e| format!("clue {}: {e}", clue.id))?;
        reviews.push(Review {
            clue,
            findings,
            follow_ups,
        });
    }

    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        "核处结论审核与跟踪事项　截至 {as_of}（{}）",
        weekday_zh(as_of)
    );
    let _ = writeln!(
        w,
        "数据：{}（{} 条线索）　政策：{}",
        args.path,
        reviews.len(),
        policy.name
    );
    let _ = writeln!(w);

    let (mut clean, mut violations, mut findings) = (0usize, 0usize, 0usize);
    for r in &reviews {
        let c = &r.clue;
        let v = validate(c, &policy);
        let conclusion = c
            .conclusion
            .map_or_else(|| "尚未作出核处结论".to_owned(), |k| format!("结论 {k}"));
        let who = if c.responsible.is_empty() {
            "未填"
        } else {
            c.responsible.as_str()
        };
        let _ = writeln!(
            w,
            "━━ {}　{} · {} · 责任人 {}",
            c.id,
            c.county,
            c.source.short_zh(),
            who
        );
        let _ = writeln!(w, "   {conclusion}");
        if v.is_clean() {
            clean += 1;
            let _ = writeln!(w, "   审核：✓ 符合要求（检查 {} 条规则）", v.checked.len());
        } else {
            violations += v.violations.len();
            let _ = writeln!(
                w,
                "   审核：✗ {} 项不符合（检查 {} 条规则）",
                v.violations.len(),
                v.checked.len()
            );
            for x in &v.violations {
                let kind = x.finding.map_or_else(String::new, |k| {
                    format!("　→ 抽查计为问题{}（{}）", k.number(), k.label_zh())
                });
                let _ = writeln!(w, "     {} ({}){kind}", x.rule.code(), x.citation());
                let _ = writeln!(w, "       条文：{}", x.rule.text_zh());
                let _ = writeln!(w, "       情况：{}", x.message_zh);
            }
        }
        if r.findings.is_empty() {
            let _ = writeln!(w, "   记录显示的问题：无");
        } else {
            findings += r.findings.len();
            let _ = writeln!(
                w,
                "   记录显示的问题（平人社监察〔2024〕15号 四(一)，每条扣0.2分）："
            );
            for f in &r.findings {
                let _ = writeln!(
                    w,
                    "     ● {}　发现于 {}　{} ({})",
                    f.kind,
                    f.found_on,
                    f.rule.code(),
                    f.rule.citation()
                );
                let _ = writeln!(w, "       {}", f.note);
            }
        }
        let _ = writeln!(w);
    }

    // ── The calendar of follow-ups ──
    let end = as_of
        .checked_add_days(Days::new(WINDOW_DAYS))
        .unwrap_or(as_of);
    let all: Vec<&FollowUp> = reviews.iter().flat_map(|r| r.follow_ups.iter()).collect();
    let overdue: Vec<&FollowUp> = all.iter().copied().filter(|f| f.due < as_of).collect();
    let mut by_day: BTreeMap<NaiveDate, Vec<&FollowUp>> = BTreeMap::new();
    for f in all
        .iter()
        .copied()
        .filter(|f| f.due >= as_of && f.due <= end)
    {
        by_day.entry(f.due).or_default().push(f);
    }
    let county_of = |id: &str| -> String {
        reviews
            .iter()
            .find(|r| r.clue.id == id)
            .map_or_else(String::new, |r| r.clue.county.clone())
    };

    let _ = writeln!(
        w,
        "═══ 跟踪事项日历　{as_of} 至 {end}（未来 {WINDOW_DAYS} 天）═══"
    );
    if by_day.is_empty() {
        let _ = writeln!(w, "   （无）");
    }
    for (day, items) in &by_day {
        let rest = match cal.is_working_day(*day) {
            Ok(false) => "　休息日",
            _ => "",
        };
        let today = if *day == as_of { "　今日到期" } else { "" };
        let _ = writeln!(w, "{day}（{}）{rest}{today}", weekday_zh(*day));
        for f in items {
            let _ = writeln!(
                w,
                "   {}  {}  {}  {}",
                pad(&f.clue_id, 14, Align::Left),
                pad(&county_of(&f.clue_id), 16, Align::Left),
                pad(f.kind.label_zh(), 16, Align::Left),
                f.rule.code()
            );
            let _ = writeln!(w, "   {}  {}", " ".repeat(14), f.note_zh);
        }
    }
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "═══ 已逾期未办（截至 {as_of}）：{} 项 ═══",
        overdue.len()
    );
    for f in &overdue {
        let late = as_of.signed_duration_since(f.due).num_days();
        let _ = writeln!(
            w,
            "   {}  {}  {}  应于 {} 完成，已逾期 {late} 天  {}",
            pad(&f.clue_id, 14, Align::Left),
            pad(&county_of(&f.clue_id), 16, Align::Left),
            pad(f.kind.label_zh(), 16, Align::Left),
            f.due,
            f.rule.code()
        );
    }
    let _ = writeln!(w);
    let upcoming: usize = by_day.values().map(Vec::len).sum();
    let _ = writeln!(
        w,
        "合计：{} 条线索，审核通过 {clean} 条、不符合 {} 条（共 {violations} 项）；记录显示问题 {findings} 条（扣 {} 分）；未来 {WINDOW_DAYS} 天跟踪事项 {upcoming} 项，已逾期 {} 项。",
        reviews.len(),
        reviews.len() - clean,
        u64::try_from(findings)
            .map_err(|_| format!("{findings} findings do not fit a 64-bit count"))
            .and_then(|n| policy
                .deduction_per_finding
                .times(n)
                .map_err(|e| e.to_string()))
            .map_or_else(|e| format!("（无法精确计算：{e}）"), |p| p.to_string()),
        overdue.len()
    );
    Ok(out)
}

fn weekday_zh(d: NaiveDate) -> &'static str {
    match d.weekday() {
        Weekday::Mon => "周一",
        Weekday::Tue => "周二",
        Weekday::Wed => "周三",
        Weekday::Thu => "周四",
        Weekday::Fri => "周五",
        Weekday::Sat => "周六",
        Weekday::Sun => "周日",
    }
}
