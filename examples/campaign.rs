//! A campaign's cadence (洛阳市根治欠薪冬季专项行动通知（2023）三(三) 周调度、月通报): the weekly dispatch of open and
//! closed verified clues per county, the monthly notices with the counties that still have open clues and the
//! clues to take on site, and the clues that miss the close-all date.
//!
//! ```text
//! cargo run --example campaign                                    # examples/data/campaign_luoyang_2023.json, as of the summary's due day
//! cargo run --example campaign -- my-clues.json --as-of 2024-01-05
//! ```
//!
//! The campaign is the Luoyang winter campaign of 2023 (2023-11-10 to the Spring Festival, 2024-02-10). Every clue
//! of the file is read, and every bad one is reported at once with its place (`[3].investigation.on: …`); a bad
//! file or argument exits with code 2.

#[macro_use]
#[path = "common/cli.rs"]
mod cli;
#[path = "common/table.rs"]
mod table;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use table::{Align, table};
use wage_arrears::campaign::{
    Campaign, MissKind, campaign_deadlines, campaign_misses, monthly_notices, weekly_dispatch,
};
use wage_arrears::{Clue, RuleId, WorkCalendar};

const USAGE: &str = "usage: campaign [CLUES.json] [--as-of YYYY-MM-DD]";

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
    as_of: Option<NaiveDate>,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut path = None;
    let mut as_of = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let date = if arg == "--as-of" {
            Some(args.next().ok_or("--as-of needs a date YYYY-MM-DD")?)
        } else {
            arg.strip_prefix("--as-of=").map(str::to_owned)
        };
        if let Some(date) = date {
            as_of = Some(
                date.parse::<NaiveDate>()
                    .map_err(|e| format!("--as-of `{date}` is not a date YYYY-MM-DD ({e})"))?,
            );
        } else if arg == "-h" || arg == "--help" {
            say!("{USAGE}");
            return Ok(None);
        } else if arg.starts_with('-') {
            return Err(format!("unknown option `{arg}` ({USAGE})"));
        } else if path.replace(PathBuf::from(&arg)).is_some() {
            return Err(format!("more than one clues file given ({USAGE})"));
        }
    }
    Ok(Some(Args {
        path: path.unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/examples/data/campaign_luoyang_2023.json"
            ))
        }),
        as_of,
    }))
}

/// Reads every clue of the file, reporting every bad one at once with its index and field.
fn read_clues(path: &PathBuf) -> Result<Vec<Clue>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let rows: Vec<serde_json::Value> = serde_json::from_str(&text)
        .map_err(|e| format!("{}: not a JSON list of clues: {e}", path.display()))?;
    let mut clues = Vec::with_capacity(rows.len());
    let mut errors = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        match wage_arrears::deserialize::<Clue, _>(row) {
            Ok(c) => clues.push(c),
            Err(wage_arrears::Error::Deserialize {
                path: field,
                message,
            }) if !field.is_empty() => {
                errors.push(format!("[{i}].{field}: {message}"));
            }
            Err(e) => errors.push(format!("[{i}]: {e}")),
        }
    }
    if errors.is_empty() {
        Ok(clues)
    } else {
        Err(format!(
            "{}: {} bad clue(s): {}",
            path.display(),
            errors.len(),
            errors.join("; ")
        ))
    }
}

fn run() -> Result<(), String> {
    let Some(args) = parse_args()? else {
        return Ok(());
    };
    let clues = read_clues(&args.path)?;
    let campaign = Campaign::luoyang_winter_2023();
    let cal = WorkCalendar::china();
    let deadlines = campaign_deadlines(&campaign, &cal).map_err(|e| e.to_string())?;
    // By default, the day the summary report is due (行动结束后2个工作日内): the whole campaign, and what missed it.
    let summary_due = deadlines
        .iter()
        .find(|d| d.rule == RuleId::CampaignSummaryReport)
        .map_or(campaign.ends_on, |d| d.due);
    let as_of = args.as_of.unwrap_or(summary_due);
    let weekly = weekly_dispatch(&campaign, &clues, as_of).map_err(|e| e.to_string())?;
    let notices = monthly_notices(&campaign, &clues, as_of).map_err(|e| e.to_string())?;
    let misses = campaign_misses(&campaign, &clues, as_of, &cal).map_err(|e| e.to_string())?;

    say!(
        "{}（{} 至 {}）截至 {}",
        campaign.name,
        campaign.starts_on,
        campaign.ends_on,
        as_of
    );
    say!("数据：{}（线索 {} 条）", args.path.display(), clues.len());
    for d in &deadlines {
        say!("  {} {}：{}", d.rule, d.name, d.due);
    }

    // The weekly dispatch: one row per week, one column per county, "open (+closed this week)".
    say!();
    say!(
        "周调度（{} {}）：各县区查实欠薪线索 未办结数（本周办结数）",
        weekly.rule,
        "洛阳市根治欠薪冬季专项行动通知（2023）三(三)"
    );
    let counties: Vec<String> = weekly
        .weeks
        .first()
        .map(|w| w.counties.iter().map(|c| c.county.clone()).collect())
        .unwrap_or_default();
    let mut header: Vec<&str> = vec!["周次", "起止"];
    header.extend(counties.iter().map(String::as_str));
    header.push("合计未办结");
    let mut aligns = vec![Align::Left, Align::Left];
    aligns.extend(counties.iter().map(|_| Align::Right));
    aligns.push(Align::Right);
    let rows: Vec<Vec<String>> = weekly
        .weeks
        .iter()
        .map(|w| {
            let mut row = vec![
                format!("第{}周", w.number),
                format!("{}–{}", w.from.format("%m-%d"), w.to.format("%m-%d")),
            ];
            row.extend(w.counties.iter().map(|c| match c.closed_this_week {
                0 => c.open.to_string(),
                n => format!("{}（+{n}）", c.open),
            }));
            row.push(w.open().to_string());
            row
        })
        .collect();
    if rows.is_empty() {
        say!("  专项行动尚未开始");
    } else {
        say_raw!("{}", table(&header, &aligns, &rows));
    }

    // The monthly notices.
    for n in &notices {
        say!();
        say!(
            "{}年{}月通报（{}，截至 {}）：未办结查实欠薪线索 {} 条，涉及县区 {} 个",
            n.month.year(),
            n.month.month(),
            n.rule,
            n.as_of,
            n.open(),
            n.counties.len()
        );
        if n.counties.is_empty() {
            say!("  各县区查实欠薪线索已动态清零");
        }
        for c in &n.counties {
            say!("  {}：{} 条（现场调度清单）", c.county, c.open.len());
            for o in &c.open {
                say!(
                    "    {} {} 人 {} 自 {} 起未办结 {} 天{}",
                    o.clue_id,
                    o.workers,
                    o.amount_owed,
                    o.open_since,
                    o.days_open,
                    match (&o.employer, &o.project) {
                        (Some(e), Some(p)) => format!("（{e}，{p}）"),
                        (Some(e), None) => format!("（{e}）"),
                        (None, Some(p)) => format!("（{p}）"),
                        (None, None) => String::new(),
                    }
                );
            }
        }
    }

    // The close-all date.
    say!();
    say!(
        "{} 所有查实的欠薪案件 {} 前全部办结：未按期或尚未办结 {} 条",
        RuleId::CampaignCloseAll,
        campaign.close_all_by,
        misses.len()
    );
    for m in &misses {
        let state = match m.kind {
            MissKind::OpenBeforeDeadline {
                days_left,
                working_days_left,
            } => format!("未办结，距期限 {days_left} 天（{working_days_left} 个工作日）"),
            MissKind::OpenPastDeadline { days_over } => format!("逾期 {days_over} 天仍未办结"),
            MissKind::ClosedLate { on, days_late } => format!("{on} 办结，逾期 {days_late} 天"),
            _ => "未按期办结".to_owned(),
        };
        say!("  {} {} {state}", m.clue_id, m.county);
    }

    say!();
    say!("依据：");
    for rule in [
        RuleId::CampaignWeeklyDispatch,
        RuleId::CampaignMonthlyNotice,
        RuleId::CampaignCloseAll,
    ] {
        say!("  {} {}", rule, rule.text_zh());
    }
    say!(
        "  口径：查实欠薪（调查核实存在欠薪）且在办结期限前登记的线索；自登记与核实较晚之日起计为未办结，至办结之日止；每周按周一至周日统计，首周自行动开始之日起。"
    );
    Ok(())
}
