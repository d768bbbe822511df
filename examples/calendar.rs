//! 期限计算器与放假通知核对 (deadline calculator, and a holiday notice checked before it is added).
//!
//! `cargo run --example calendar -- [START [N]]`, defaults 2026-09-30 and 3: for a start date, the deadline after N
//! working days (民法典 第201条: the start day is not counted), after N natural days without and with roll-over
//! (第203条), the rest days inside each count, and the State Council notices that govern the years involved.
//!
//! `cargo run --example calendar -- --notice FILE --year YYYY`: reads the text of a year's State Council notice
//! (国务院办公厅关于YYYY年部分节假日安排的通知, pasted as published), cross-checks it, and prints the year as
//! `YearSchedule` JSON (what a service stores) and as a month grid (rest days 休, make-up working days 班) for a
//! clerk to hold against the notice. `examples/data/notices/2026.txt` is the 2026 notice.
//!
//! Exit codes: 0 done; 1 a notice that does not hold together, an unreadable file, or a count the calendar cannot
//! answer (the message says which year's notice is missing); 2 a usage error (one line). Output piped into `head`
//! stops quietly.

use std::io::{self, Write};
use std::process::ExitCode;

use chrono::{Datelike, NaiveDate, Weekday};
use wage_arrears::{Error, Rollover, WorkCalendar, YearSchedule};

const USAGE: &str = "用法 usage:
  cargo run --example calendar -- [START [N]]
      START  起算日，YYYY-MM-DD，默认 2026-09-30
      N      天数，非负整数，默认 3
  cargo run --example calendar -- --notice FILE --year YYYY
      FILE   国务院办公厅关于YYYY年部分节假日安排的通知 的全文（按公布原文粘贴，UTF-8）
      YYYY   通知所属年份
  输出该年的 YearSchedule JSON 与月历（休 = 放假，班 = 调休上班）。";

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

/// What went wrong, by exit code.
enum Failure {
    /// Exit 2: the arguments.
    Usage(String),
    /// Exit 1: the input (a notice, a file, a count past the calendar): every problem found, one a line.
    Input(Vec<String>),
    /// Writing the output.
    Io(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        Failure::Io(e)
    }
}

enum Mode {
    Help,
    Count { start: NaiveDate, n: u32 },
    Notice { file: String, year: i32 },
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let result = parse_args(&args).and_then(|mode| match mode {
        Mode::Help => writeln!(out, "{USAGE}").map_err(Failure::Io),
        Mode::Count { start, n } => count(&mut out, &WorkCalendar::china(), start, n),
        Mode::Notice { file, year } => notice(&mut out, &file, year),
    });
    let result = result.and_then(|()| out.flush().map_err(Failure::Io));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `| head`: the reader has gone; stop quietly.
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Io(e)) => {
            eprintln!("错误 error: cannot write the output: {e}");
            ExitCode::FAILURE
        }
        Err(Failure::Usage(message)) => {
            eprintln!("错误 error: {message} (用法见 usage: --help)");
            ExitCode::from(2)
        }
        Err(Failure::Input(messages)) => {
            for message in messages {
                eprintln!("错误 error: {message}");
            }
            ExitCode::FAILURE
        }
    }
}

fn parse_args(args: &[String]) -> Result<Mode, Failure> {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        return Ok(Mode::Help);
    }
    if args.iter().any(|a| a.starts_with("--")) {
        let (mut file, mut year) = (None, None);
        let mut rest = args.iter();
        while let Some(flag) = rest.next() {
            let value = |v: Option<&String>| {
                v.cloned().ok_or_else(|| {
                    Failure::Usage(format!("{flag} 后缺少取值 (missing value after {flag})"))
                })
            };
            match flag.as_str() {
                "--notice" => file = Some(value(rest.next())?),
                "--year" => {
                    let text = value(rest.next())?;
                    let y = text.parse::<i32>().map_err(|e| {
                        Failure::Usage(format!(
                            "年份 `{text}` 不是整数 (--year takes a year such as 2027: {e})"
                        ))
                    })?;
                    year = Some(y);
                }
                other => {
                    return Err(Failure::Usage(format!(
                        "未知参数 `{other}` (unknown argument; --notice FILE --year YYYY, or START [N])"
                    )));
                }
            }
        }
        return match (file, year) {
            (Some(file), Some(year)) => Ok(Mode::Notice { file, year }),
            (Some(_), None) => Err(Failure::Usage(
                "--notice 需要 --year (--notice needs --year YYYY)".into(),
            )),
            _ => Err(Failure::Usage(
                "--year 需要 --notice (--year needs --notice FILE)".into(),
            )),
        };
    }
    if args.len() > 2 {
        return Err(Failure::Usage(format!(
            "参数过多：{} 个，最多 2 个",
            args.len()
        )));
    }
    let start_text = args.first().map_or("2026-09-30", String::as_str);
    let start = NaiveDate::parse_from_str(start_text, "%Y-%m-%d").map_err(|e| {
        Failure::Usage(format!(
            "起算日 `{start_text}` 不是 YYYY-MM-DD 格式的有效日期（{e}）"
        ))
    })?;
    let n_text = args.get(1).map_or("3", String::as_str);
    let n = n_text
        .parse::<u32>()
        .map_err(|e| Failure::Usage(format!("天数 `{n_text}` 不是非负整数（{e}）")))?;
    Ok(Mode::Count { start, n })
}

// ---------------------------------------------------------------------------------------------------------------
// --notice FILE --year YYYY
// ---------------------------------------------------------------------------------------------------------------

/// What a day of the year is under the notice.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Working,
    Weekend,
    Rest,
    MakeUp,
}

fn kind_of(s: &YearSchedule, day: NaiveDate) -> Kind {
    if s.make_up_days.contains(&day) {
        Kind::MakeUp
    } else if s.holidays.iter().any(|p| p.first <= day && day <= p.last) {
        Kind::Rest
    } else if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
        Kind::Weekend
    } else {
        Kind::Working
    }
}

fn notice(out: &mut impl Write, file: &str, year: i32) -> Result<(), Failure> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| Failure::Input(vec![format!("cannot read the notice `{file}`: {e}")]))?;
    // Every problem at once, each with the line it is on.
    let schedule = YearSchedule::from_notice(year, &text).map_err(|_| {
        let located = |e: &Error| match e {
            Error::InvalidNotice { phrase, .. } if !phrase.is_empty() => text
                .lines()
                .position(|l| l.contains(phrase.as_str()))
                .map_or(format!("{file}: {e}"), |i| format!("{file}:{}: {e}", i + 1)),
            _ => format!("{file}: {e}"),
        };
        Failure::Input(
            YearSchedule::notice_errors(year, &text)
                .iter()
                .map(located)
                .collect(),
        )
    })?;
    let json = serde_json::to_string_pretty(&schedule)
        .map_err(|e| Failure::Input(vec![format!("cannot write the schedule as JSON: {e}")]))?;
    writeln!(out, "{json}")?;
    writeln!(out)?;
    writeln!(out, "{year} 年月历：{}", schedule.notice)?;
    writeln!(
        out,
        "图例 legend：休 = 放假（休息日，含通知放假段中的周末）；班 = 调休上班（周六、周日上班）；\
         无标记 = 一至五为工作日、六日为普通周末"
    )?;
    let days: Vec<NaiveDate> = NaiveDate::from_ymd_opt(year, 1, 1)
        .map(|jan1| jan1.iter_days().take_while(|d| d.year() == year).collect())
        .unwrap_or_default();
    for month in 1..=12u32 {
        month_grid(out, &schedule, year, month, &days)?;
    }
    let working = days
        .iter()
        .filter(|d| matches!(kind_of(&schedule, **d), Kind::Working | Kind::MakeUp))
        .count();
    let rest = days
        .iter()
        .filter(|d| kind_of(&schedule, **d) == Kind::Rest)
        .count();
    writeln!(out)?;
    writeln!(
        out,
        "合计：放假 {} 段共 {rest} 天，调休上班 {} 天，全年工作日 {working} 天。",
        schedule.holidays.len(),
        schedule.make_up_days.len()
    )?;
    for p in &schedule.previous_year.holidays {
        writeln!(
            out,
            "上一年放假（通知移入）：{}（{}…{}）",
            p.name, p.first, p.last
        )?;
    }
    for d in &schedule.previous_year.make_up_days {
        writeln!(
            out,
            "上一年调休上班（通知移入）：{d}（{}）",
            weekday_cn(d.weekday())
        )?;
    }
    // Held against the embedded table, when it has the year.
    let embedded = WorkCalendar::china();
    if let Some(known) = embedded.year(year) {
        let differ: Vec<String> = days
            .iter()
            .filter(|d| {
                let notice_working =
                    matches!(kind_of(&schedule, **d), Kind::Working | Kind::MakeUp);
                embedded.is_working_day(**d).ok() != Some(notice_working)
            })
            .map(|d| d.to_string())
            .collect();
        match differ.is_empty() {
            true => writeln!(out, "与内置日历（{}）逐日一致。", known.notice)?,
            false => writeln!(out, "与内置日历不一致的日期：{}", differ.join("、"))?,
        }
    }
    Ok(())
}

fn weekday_cn(w: Weekday) -> &'static str {
    ["一", "二", "三", "四", "五", "六", "日"][w.num_days_from_monday() as usize]
}

/// One month: a header of weekdays, then the weeks, each cell `DD` and its mark (5 columns wide).
fn month_grid(
    out: &mut impl Write,
    s: &YearSchedule,
    year: i32,
    month: u32,
    days: &[NaiveDate],
) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{year}年{month}月")?;
    let header: String = (0..7)
        .map(|i| format!(" {}  ", ["一", "二", "三", "四", "五", "六", "日"][i]))
        .collect();
    writeln!(out, "{}", header.trim_end())?;
    let mut line = String::new();
    for day in days.iter().filter(|d| d.month() == month) {
        if day.day() == 1 {
            line.push_str(&" ".repeat(5 * day.weekday().num_days_from_monday() as usize));
        }
        let mark = match kind_of(s, *day) {
            Kind::Rest => "休",
            Kind::MakeUp => "班",
            Kind::Working | Kind::Weekend => "  ",
        };
        line.push_str(&format!("{:>3}{mark}", day.day()));
        if day.weekday() == Weekday::Sun {
            writeln!(out, "{}", line.trim_end())?;
            line.clear();
        }
    }
    if !line.trim().is_empty() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------------------------
// START [N]
// ---------------------------------------------------------------------------------------------------------------

fn count(
    out: &mut impl Write,
    cal: &WorkCalendar,
    start: NaiveDate,
    n: u32,
) -> Result<(), Failure> {
    cal.is_working_day(start)
        .map_err(|e| Failure::Input(vec![e.to_string()]))?;
    writeln!(out, "起算日：{}\n期间：{n} 天\n", describe(cal, start))?;

    let results = [
        cal.add_working_days(start, n),
        cal.add_natural_days(start, n, Rollover::None),
        cal.add_natural_days(start, n, Rollover::NextWorkingDay),
    ];
    let mut last_year = start.year();
    let mut failed: Option<String> = None;
    for (i, ((title, rule), result)) in COUNTS.into_iter().zip(results).enumerate() {
        let label = ["跳过的休息日", "其间的休息日"][usize::from(i > 0)];
        writeln!(out, "【{n} {title}】{rule}")?;
        match result {
            Ok(end) => {
                last_year = last_year.max(end.year());
                let rest = cal
                    .rest_days_between(start, end)
                    .map_err(|e| Failure::Input(vec![e.to_string()]))?;
                writeln!(out, "  截止：{}", describe(cal, end))?;
                writeln!(out, "  {label}：{}\n", runs(&rest, start.year()))?;
            }
            Err(e) => {
                writeln!(out, "  无法计算：{e}\n")?;
                failed.get_or_insert(e.to_string());
            }
        }
    }

    writeln!(out, "适用的放假通知：")?;
    for year in start.year()..=last_year {
        let notice = cal
            .year(year)
            .map_or("（日历中没有该年）", |y| y.notice.as_str());
        writeln!(out, "  {year} 年：{notice}")?;
    }
    failed.map_or(Ok(()), |m| Err(Failure::Input(vec![m])))
}

/// `2026-10-10（星期六，工作日·调休上班）`, `2026-10-01（星期四，休息日·国庆节）`.
fn describe(cal: &WorkCalendar, day: NaiveDate) -> String {
    let weekday = weekday_cn(day.weekday());
    // The day's own year, and the next year's notice for days it moves into this one (previous_year).
    let own = cal.year(day.year());
    let next = cal.year(day.year() + 1).map(|y| &y.previous_year);
    let holiday = own
        .and_then(|y| y.holidays.iter().find(|p| p.first <= day && day <= p.last))
        .or_else(|| next.and_then(|p| p.holidays.iter().find(|p| p.first <= day && day <= p.last)))
        .map(|p| p.name.as_str());
    let make_up = own.is_some_and(|y| y.make_up_days.contains(&day))
        || next.is_some_and(|p| p.make_up_days.contains(&day));
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
