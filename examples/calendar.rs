//! 期限计算器 (deadline calculator): `cargo run --example calendar -- [START [N]]`, defaults 2026-09-30 and 3.
//!
//! For a start date it prints the deadline after N working days (民法典 第201条: the start day is not counted),
//! after N natural days without and with roll-over (第203条), the rest days inside each count, and the State
//! Council notices that govern the years involved. Bad arguments, or a count the calendar cannot answer, print a
//! message and exit with code 2.

#[macro_use]
#[path = "common/cli.rs"]
mod cli;
use std::process::ExitCode;

use chrono::{Datelike, NaiveDate, Weekday};
use wage_arrears::{Rollover, WorkCalendar};

const USAGE: &str = "用法 usage: cargo run --example calendar -- [START [N]]
  START  起算日，YYYY-MM-DD，默认 2026-09-30
  N      天数，非负整数，默认 3";

/// The three counts: title and the rule followed.
const COUNTS: [(&str, &str); 3] = [
    (
        "个工作日",
        "民法典 第201条：开始的当日不计入，自下一日开始计算",
    ),
    (
        "个自然日，不顺延",
        "平台内部时限的默认口径：截止于起算日加 N 日",
    ),
    (
        "个自然日，顺延",
        "民法典 第203条：期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日",
    ),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        say!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    match parse_args(&args).and_then(|(start, n)| run(&WorkCalendar::china(), start, n)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("错误 error: {message}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn parse_args(args: &[String]) -> Result<(NaiveDate, u32), String> {
    if args.len() > 2 {
        return Err(format!("参数过多：{} 个，最多 2 个", args.len()));
    }
    let start_text = args.first().map_or("2026-09-30", String::as_str);
    let start = NaiveDate::parse_from_str(start_text, "%Y-%m-%d")
        .map_err(|e| format!("起算日 `{start_text}` 不是 YYYY-MM-DD 格式的有效日期（{e}）"))?;
    let n_text = args.get(1).map_or("3", String::as_str);
    let n = n_text
        .parse::<u32>()
        .map_err(|e| format!("天数 `{n_text}` 不是非负整数（{e}）"))?;
    Ok((start, n))
}

fn run(cal: &WorkCalendar, start: NaiveDate, n: u32) -> Result<(), String> {
    cal.is_working_day(start).map_err(|e| e.to_string())?;
    say!("起算日：{}\n期间：{n} 天\n", describe(cal, start));

    let results = [
        cal.add_working_days(start, n),
        cal.add_natural_days(start, n, Rollover::None),
        cal.add_natural_days(start, n, Rollover::NextWorkingDay),
    ];
    let mut last_year = start.year();
    let mut failed: Option<String> = None;
    for (i, ((title, rule), result)) in COUNTS.into_iter().zip(results).enumerate() {
        let label = ["跳过的休息日", "其间的休息日"][usize::from(i > 0)];
        say!("【{n} {title}】{rule}");
        match result {
            Ok(end) => {
                last_year = last_year.max(end.year());
                let rest = cal
                    .rest_days_between(start, end)
                    .map_err(|e| e.to_string())?;
                say!("  截止：{}", describe(cal, end));
                say!("  {label}：{}\n", runs(&rest, start.year()));
            }
            Err(e) => {
                say!("  无法计算：{e}\n");
                failed.get_or_insert(e.to_string());
            }
        }
    }

    say!("适用的放假通知：");
    for year in start.year()..=last_year {
        let notice = cal
            .year(year)
            .map_or("（日历中没有该年）", |y| y.notice.as_str());
        say!("  {year} 年：{notice}");
    }
    failed.map_or(Ok(()), Err)
}

/// `2026-10-10（星期六，工作日·调休上班）`, `2026-10-01（星期四，休息日·国庆节）`.
fn describe(cal: &WorkCalendar, day: NaiveDate) -> String {
    const WEEKDAYS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];
    let weekday = WEEKDAYS[day.weekday().num_days_from_monday() as usize];
    let schedule = cal.year(day.year());
    let holiday = schedule
        .and_then(|y| y.holidays.iter().find(|p| p.first <= day && day <= p.last))
        .map(|p| p.name.as_str());
    let make_up = schedule.is_some_and(|y| y.make_up_days.contains(&day));
    let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
    let kind = match (cal.is_working_day(day), holiday) {
        (Ok(true), _) if make_up => "工作日·调休上班",
        (Ok(true), _) => "工作日",
        (Ok(false), _) if cal.regional_rest_days().any(|r| r == day) => "休息日·地方休息日",
        (Ok(false), Some(name)) => return format!("{day}（星期{weekday}，休息日·{name}）"),
        (Ok(false), None) if weekend => "休息日·周末",
        (Ok(false), None) => "休息日",
        (Err(_), _) => "日历范围外",
    };
    format!("{day}（星期{weekday}，{kind}）")
}

/// Consecutive days as runs: `10-01…10-07、10-10（共 8 天）`; the year is shown only when it is not `year`.
fn runs(days: &[NaiveDate], year: i32) -> String {
    let show = |d: NaiveDate| match d.year() == year {
        true => d.format("%m-%d").to_string(),
        false => d.format("%Y-%m-%d").to_string(),
    };
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let mut j = i;
        while j + 1 < days.len() && days[j].succ_opt() == Some(days[j + 1]) {
            j += 1;
        }
        parts.push(match i == j {
            true => show(days[i]),
            false => format!("{}…{}", show(days[i]), show(days[j])),
        });
        i = j + 1;
    }
    match parts.is_empty() {
        true => "无".to_owned(),
        false => format!("{}（共 {} 天）", parts.join("、"), days.len()),
    }
}
