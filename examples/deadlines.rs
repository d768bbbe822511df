//! Every clue's deadlines, clock status and card on a date, as a table.
//!
//! ```text
//! cargo run --example deadlines                                  # examples/data/clues.json, as of 2026-11-25
//! cargo run --example deadlines -- my-clues.json --as-of 2026-10-01
//! ```
//!
//! The clues are read with `wage_arrears::deserialize`, so a bad file is reported with the path of the offending
//! field (`[3].conclusion: conclusion code 11 is not one of …`); any error exits with code 2.

#[macro_use]
#[path = "common/cli.rs"]
mod cli;
#[path = "common/deadline_rows.rs"]
mod rows;
#[path = "common/table.rs"]
mod table;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use rows::{Row, Stage, date_or_dash, row};
use table::{Align, pad, width};
use wage_arrears::deadline::{Card, status};
use wage_arrears::{Clue, Policy, Rollover, WorkCalendar};

const DEFAULT_AS_OF: &str = "2026-11-25";
const USAGE: &str = "usage: deadlines [CLUES.json] [--as-of YYYY-MM-DD]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

struct Args {
    path: PathBuf,
    as_of: NaiveDate,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut path = None;
    let mut as_of = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let date = if arg == "--as-of" {
            Some(
                args.next()
                    .ok_or_else(|| format!("--as-of needs a date\n{USAGE}"))?,
            )
        } else {
            arg.strip_prefix("--as-of=").map(str::to_owned)
        };
        if let Some(date) = date {
            let parsed = date
                .parse::<NaiveDate>()
                .map_err(|e| format!("--as-of `{date}` is not a date YYYY-MM-DD ({e})"))?;
            as_of = Some(parsed);
        } else if arg == "-h" || arg == "--help" {
            say!("{USAGE}");
            return Ok(None);
        } else if arg.starts_with('-') {
            return Err(format!("unknown option `{arg}`\n{USAGE}"));
        } else if path.replace(PathBuf::from(&arg)).is_some() {
            return Err(format!("more than one clues file given\n{USAGE}"));
        }
    }
    let default_as_of = DEFAULT_AS_OF
        .parse::<NaiveDate>()
        .map_err(|e| format!("bad default date: {e}"))?;
    Ok(Some(Args {
        path: path.unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/examples/data/clues.json"
            ))
        }),
        as_of: as_of.unwrap_or(default_as_of),
    }))
}

fn read_clues(path: &PathBuf) -> Result<Vec<Clue>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut de = serde_json::Deserializer::from_str(&text);
    let clues = wage_arrears::deserialize::<Vec<Clue>, _>(&mut de)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    de.end()
        .map_err(|e| format!("{}: trailing text after the clues: {e}", path.display()))?;
    // Reject duplicate ids: a table with two rows of one id would mislead.
    let mut seen = BTreeSet::new();
    for (i, clue) in clues.iter().enumerate() {
        if !seen.insert(clue.id.as_str()) {
            return Err(format!(
                "{}: [{i}].id: clue id `{}` appears twice",
                path.display(),
                clue.id
            ));
        }
    }
    Ok(clues)
}

fn run() -> Result<(), String> {
    let Some(args) = parse_args()? else {
        return Ok(());
    };
    let clues = read_clues(&args.path)?;
    let policy = Policy::default();
    let cal = WorkCalendar::china();

    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut rules = BTreeSet::new();
    let mut later = 0;
    for clue in &clues {
        if clue.registered_on > args.as_of {
            later += 1;
            continue;
        }
        match status(clue, &policy, &cal, args.as_of) {
            Ok(s) => {
                rules.extend(s.accept.map(|(d, _)| d.rule));
                rules.extend(s.respond.map(|(d, _)| d.rule));
                rules.extend(s.card_rule);
                rows.push(row(clue, &s));
            }
            Err(e) => {
                errors.push(format!("{}: {e}", clue.id));
                rows.push(Row {
                    cells: [
                        clue.id.clone(),
                        clue.source.short_zh().to_owned(),
                        clue.registered_on.to_string(),
                        "?".into(),
                        date_or_dash(clue.accepted_on),
                        "?".into(),
                        format!("日历外（见注{}）", errors.len()),
                        String::new(),
                    ],
                    stage: Stage::OutsideCalendar,
                    card: Card::None,
                    accepted_late: false,
                    answered_on_time_open: false,
                });
            }
        }
    }

    let header = [
        "编号",
        "来源",
        "登记",
        "接收时限",
        "接收",
        "答复时限",
        "状态",
        "牌",
    ];
    let mut widths = header.map(width);
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(&r.cells) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| pad(c, w, Align::Left))
            .collect();
        padded.join("  ").trim_end().to_owned()
    };

    say!("欠薪线索时限与状态（截至 {}，{}）", args.as_of, policy.name);
    say!("数据：{}", args.path.display());
    say!();
    let header_cells = header.map(str::to_owned);
    say!("{}", line(&header_cells));
    let total: usize = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
    say!("{}", "-".repeat(total));
    for r in &rows {
        say!("{}", line(&r.cells));
    }
    say!("{}", "-".repeat(total));

    // Counts.
    let count = |stage: Stage| rows.iter().filter(|r| r.stage == stage).count();
    let stages = [
        Stage::AwaitingAcceptance,
        Stage::AcceptanceOverdue,
        Stage::InHand,
        Stage::OverdueNotClosed,
        Stage::Closed,
        Stage::OutsideCalendar,
    ];
    let by_stage: Vec<String> = stages
        .iter()
        .filter(|&&s| count(s) > 0)
        .map(|&s| {
            let answered = rows
                .iter()
                .filter(|r| r.stage == s && r.answered_on_time_open)
                .count();
            if s == Stage::OverdueNotClosed && answered > 0 {
                format!("{} {}（其中已按期反馈 {answered}）", s.label(), count(s))
            } else {
                format!("{} {}", s.label(), count(s))
            }
        })
        .collect();
    say!("线索 {} 条：{}", rows.len(), by_stage.join("，"));
    if later > 0 {
        say!("另有 {later} 条在 {} 之后登记，未列入。", args.as_of);
    }
    say!(
        "逾期接收 {} 条；黄牌 {} 条，红牌 {} 条",
        rows.iter().filter(|r| r.accepted_late).count(),
        rows.iter().filter(|r| r.card == Card::Yellow).count(),
        rows.iter().filter(|r| r.card == Card::Red).count(),
    );

    // Legend.
    say!();
    say!("说明：");
    say!(
        "  接收时限按工作日计，登记当日不计，调休上班日计入；答复时限按自然日计，自确认接收之日起算。"
    );
    say!(
        "  时限含当日：当日完成即为按期，次日起逾期；逾期天数按自然日计。答复时限末日遇休息日{}。",
        match policy.natural_day_rollover {
            Rollover::None => "不顺延",
            Rollover::NextWorkingDay => "顺延至下一工作日（标 +）",
        }
    );
    say!(
        "  * 超过接收时限才接收。- 无此时限：12345、12333、信访、现场接访、二维码线索本政策未设时限；未接收的线索尚无答复时限。"
    );
    say!(
        "  黄牌：超过答复时限仍未办结；红牌：超期{}日以上且期限后无任何进展。办结即撤牌。",
        policy.red_card_overdue_days
    );
    say!(
        "  超期未办结：超过答复时限仍未办结，即带黄牌或红牌的线索（保定市高效处置农民工欠薪问题若干措施（十二）“未按期办结”）；以进度反馈按期答复的，答复按期，仍计超期未办结。"
    );
    say!(
        "  专栏、河南监管系统线索以办结反馈为答复；政府网留言、互联网+督查、部长信箱线索以回复或进度反馈为答复。"
    );
    say!();
    say!("依据：");
    for rule in &rules {
        say!("  {} {}", rule.cited(), rule.text_zh());
    }
    if !errors.is_empty() {
        say!();
        say!("注：");
        for (i, e) in errors.iter().enumerate() {
            say!("  {}. {e}", i + 1);
        }
        say!(
            "  日历外的时限无法推算（绝不猜测）：待国务院办公厅公布次年节假日安排后，以 WorkCalendar::add_year 载入。"
        );
    }
    Ok(())
}
