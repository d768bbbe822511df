//! The State Council holiday notices as published (`tests/notices/YYYY.txt`, listed with their numbers and dates in
//! `tests/notices/index.tsv`), read by `YearSchedule::from_notice` / `WorkCalendar::add_notice`, give exactly the
//! embedded table of `WorkCalendar::china()`: run for run, make-up day for make-up day, and day for day.
//!
//! Two things differ in form, not in substance, and are taken into account:
//! - days a notice moves into the year before: the parser keeps them in the schedule's `previous_year`; the
//!   embedded table enters them under the year they fall in, named `元旦（YYYY年）`;
//! - three later notices changed a year after its notice (2015, 2019, 2020). The embedded table includes them;
//!   the parser reads a year's own notice only (an amending notice has no holiday item and is refused). The
//!   amendments are applied below as data, each with the phrase of the amending notice it follows, and that phrase
//!   is checked to be in the amending notice's text.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use wage_arrears::{Error, HolidayPeriod, NoticeProblem, WorkCalendar, YearSchedule};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a valid date in the test")
}

/// One row of `tests/notices/index.tsv`.
struct Row {
    year: i32,
    file: String,
    number: String,
    date: Option<NaiveDate>,
    title: String,
}

fn notices_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/notices")
}

fn index() -> Vec<Row> {
    let text =
        std::fs::read_to_string(notices_dir().join("index.tsv")).expect("tests/notices/index.tsv");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 5, "index.tsv row {line:?}");
            Row {
                year: cols[0].parse().expect("a year"),
                file: cols[1].to_owned(),
                number: cols[2].to_owned(),
                date: (cols[3] != "-").then(|| cols[3].parse().expect("an ISO date")),
                title: cols[4].to_owned(),
            }
        })
        .collect()
}

fn text_of(file: &str) -> String {
    std::fs::read_to_string(notices_dir().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The year's own notice (not an amendment), if transcribed.
fn notice_text(year: i32) -> Option<String> {
    index()
        .into_iter()
        .find(|r| r.year == year && r.file == format!("{year}.txt"))
        .map(|r| text_of(&r.file))
}

fn parsed(year: i32) -> YearSchedule {
    let text = notice_text(year).unwrap_or_else(|| panic!("no notice for {year} in tests/notices"));
    YearSchedule::from_notice(year, &text).unwrap_or_else(|e| panic!("{year}: {e}"))
}

/// A later notice that changed a year, as data: the phrase it is read from, and what it changes.
struct Amendment {
    year: i32,
    file: &'static str,
    /// The sentence of the amending notice this row follows (checked to be in its text).
    phrase: &'static str,
    /// A run to put in place of the run starting on the same day, or to add.
    run: (NaiveDate, NaiveDate),
    add_make_up: &'static [(i32, u32, u32)],
    remove_make_up: &'static [(i32, u32, u32)],
}

fn amendments() -> Vec<Amendment> {
    vec![
        // 国发明电〔2015〕1号 (2015-05-13).
        Amendment {
            year: 2015,
            file: "2015-amendment.txt",
            phrase: "9月3日至5日调休放假，共3天。其中9月3日（星期四）放假，9月4日（星期五）调休，9月6日（星期日）上班。",
            run: (d(2015, 9, 3), d(2015, 9, 5)),
            add_make_up: &[(2015, 9, 6)],
            remove_make_up: &[],
        },
        // 国办发明电〔2019〕3号 (2019-03-22).
        Amendment {
            year: 2019,
            file: "2019-amendment.txt",
            phrase: "2019年5月1日至4日放假调休，共4天。4月28日（星期日）、5月5日（星期日）上班。",
            run: (d(2019, 5, 1), d(2019, 5, 4)),
            add_make_up: &[(2019, 4, 28), (2019, 5, 5)],
            remove_make_up: &[],
        },
        // 国办发明电〔2020〕1号 (2020-01-26): the run extended to Sunday 2 February, so Saturday 1 February, a make-up
        // day of the 2020 notice, is a rest day.
        Amendment {
            year: 2020,
            file: "2020-amendment.txt",
            phrase: "延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班。",
            run: (d(2020, 1, 24), d(2020, 2, 2)),
            add_make_up: &[],
            remove_make_up: &[(2020, 2, 1)],
        },
    ]
}

/// The parsed notice with the later notices that changed its year applied.
fn amended(mut s: YearSchedule) -> YearSchedule {
    for a in amendments().into_iter().filter(|a| a.year == s.year) {
        match s.holidays.iter_mut().find(|h| h.first == a.run.0) {
            Some(h) => h.last = a.run.1,
            None => s.holidays.push(HolidayPeriod {
                name: "amendment".into(),
                first: a.run.0,
                last: a.run.1,
            }),
        }
        s.make_up_days
            .extend(a.add_make_up.iter().map(|&(y, m, day)| d(y, m, day)));
        s.make_up_days.retain(|m| {
            !a.remove_make_up
                .iter()
                .any(|&(y, mo, day)| d(y, mo, day) == *m)
        });
    }
    s
}

fn runs(holidays: &[HolidayPeriod]) -> BTreeSet<(NaiveDate, NaiveDate)> {
    holidays.iter().map(|h| (h.first, h.last)).collect()
}

/// The years with a transcribed notice of their own.
fn notice_years() -> Vec<i32> {
    let mut years: Vec<i32> = index()
        .iter()
        .filter(|r| r.file == format!("{}.txt", r.year))
        .map(|r| r.year)
        .collect();
    years.sort();
    years.dedup();
    years
}

#[test]
fn every_year_of_the_embedded_table_from_2008_has_its_notice_transcribed() {
    let cal = WorkCalendar::china();
    let table: Vec<i32> = cal
        .years()
        .iter()
        .map(|y| y.year)
        .filter(|&y| y >= 2008)
        .collect();
    assert_eq!(
        notice_years(),
        table,
        "a year of the table without its notice, or a notice without its year"
    );
    assert!(table.contains(&2014) && table.contains(&2026));
}

#[test]
fn every_amendment_applied_here_is_what_the_amending_notice_says() {
    let rows = index();
    for a in amendments() {
        let text = text_of(a.file);
        assert!(
            text.contains(a.phrase),
            "{}: the phrase is not in the amending notice",
            a.file
        );
        assert!(
            rows.iter().any(|r| r.file == a.file && r.year == a.year),
            "{} not in index.tsv",
            a.file
        );
    }
}

#[test]
fn every_notice_from_2008_gives_the_embedded_runs_and_make_up_days_of_its_year() {
    let cal = WorkCalendar::china();
    for year in notice_years() {
        let s = amended(parsed(year));
        let table = cal.year(year).expect("the table has the year");
        // The table's runs of this year, without the part of next year's 元旦 run it enters under this year.
        let next_year_run = format!("（{}年）", year + 1);
        let own: Vec<HolidayPeriod> = table
            .holidays
            .iter()
            .filter(|h| !h.name.contains(&next_year_run))
            .cloned()
            .collect();
        assert_eq!(runs(&s.holidays), runs(&own), "{year}: rest runs");
        // Make-up days: this notice's, and those the next notice moves into this year.
        let mut make_up: BTreeSet<NaiveDate> = s.make_up_days.iter().copied().collect();
        if notice_years().contains(&(year + 1)) {
            make_up.extend(parsed(year + 1).previous_year.make_up_days);
        }
        let expected: BTreeSet<NaiveDate> = table.make_up_days.iter().copied().collect();
        assert_eq!(make_up, expected, "{year}: make-up days");
        // Days of the year before: the part of the 元旦 run the table enters under that year.
        if let Some(before) = cal.year(year - 1) {
            let this_year_run = format!("（{year}年）");
            let moved: Vec<HolidayPeriod> = before
                .holidays
                .iter()
                .filter(|h| h.name.contains(&this_year_run))
                .cloned()
                .collect();
            assert_eq!(
                runs(&s.previous_year.holidays),
                runs(&moved),
                "{year}: rest days of {}",
                year - 1
            );
            for m in &s.previous_year.make_up_days {
                assert!(
                    before.make_up_days.contains(m),
                    "{year}: make-up day {m} of the year before"
                );
            }
        }
    }
}

/// The embedded table with every year from 2008 replaced by its parsed (and amended) notice; the years before 2008
/// stay, without the days the 2008 notice moves into 2007, which must come from the parsed 2008 notice.
fn calendar_from_notices() -> WorkCalendar {
    let embedded = WorkCalendar::china();
    let mut years: Vec<YearSchedule> = embedded
        .years()
        .iter()
        .filter(|y| y.year < 2008)
        .cloned()
        .collect();
    if let Some(y2007) = years.iter_mut().find(|y| y.year == 2007) {
        y2007.holidays.retain(|h| !h.name.contains("（2008年）"));
        y2007.make_up_days.retain(|m| *m < d(2007, 12, 20));
    }
    years.extend(notice_years().into_iter().map(|y| amended(parsed(y))));
    WorkCalendar::from_years(years).expect("the parsed notices make a calendar")
}

#[test]
fn the_parsed_notices_give_the_embedded_calendar_day_for_day() {
    let embedded = WorkCalendar::china();
    let parsed = calendar_from_notices();
    assert_eq!(parsed.coverage(), embedded.coverage());
    let mut checked = 0;
    let mut disagreements = Vec::new();
    for day in d(2007, 12, 1)
        .iter_days()
        .take_while(|day| *day <= *embedded.coverage().end())
    {
        let (a, b) = (parsed.is_working_day(day), embedded.is_working_day(day));
        if a != b {
            disagreements.push(format!(
                "{day} ({}): notices {a:?}, table {b:?}",
                day.weekday()
            ));
        }
        checked += 1;
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
    assert_eq!(
        checked,
        31 + (2008..=2026)
            .map(|y| if d(y, 12, 31).ordinal() == 366 {
                366
            } else {
                365
            })
            .sum::<i32>()
    );
    // The 2008 notice's days of 2007 come from the notice: 12-29 worked, 12-30 and 12-31 off.
    assert_eq!(parsed.is_working_day(d(2007, 12, 29)), Ok(true));
    assert_eq!(parsed.is_working_day(d(2007, 12, 30)), Ok(false));
    assert_eq!(parsed.is_working_day(d(2007, 12, 31)), Ok(false));
}

#[test]
fn the_notice_string_carries_the_title_number_and_date_of_the_text() {
    for row in index()
        .into_iter()
        .filter(|r| r.file == format!("{}.txt", r.year))
    {
        let s = parsed(row.year);
        assert!(
            s.notice.starts_with(&row.title),
            "{}: {}",
            row.year,
            s.notice
        );
        assert!(s.notice.contains(&row.number), "{}: {}", row.year, s.notice);
        if let Some(date) = row.date {
            assert!(
                s.notice.contains(&date.to_string()),
                "{}: {}",
                row.year,
                s.notice
            );
        }
    }
    assert_eq!(
        parsed(2026).notice,
        "国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号, 2025-11-04)"
    );
}

#[test]
fn the_older_wording_of_2008_and_2009_parses_and_a_weekend_moved_out_of_the_run_is_worked() {
    // 2008 国庆节: 9月27日（星期六）、9月28日（星期日）两个公休日调至9月29日（星期一）、30日（星期二）, no 上班 list.
    let s = parsed(2008);
    assert!(s.make_up_days.contains(&d(2008, 9, 27)) && s.make_up_days.contains(&d(2008, 9, 28)));
    assert!(runs(&s.holidays).contains(&(d(2008, 9, 29), d(2008, 10, 5))));
    assert_eq!(
        runs(&s.previous_year.holidays),
        BTreeSet::from([(d(2007, 12, 30), d(2007, 12, 31))])
    );
    assert_eq!(s.previous_year.make_up_days, vec![d(2007, 12, 29)]);
    let s = parsed(2009);
    assert!(runs(&s.holidays).contains(&(d(2009, 10, 1), d(2009, 10, 8))));
}

#[test]
fn an_amending_notice_is_not_a_years_notice_and_is_refused() {
    for a in amendments() {
        let err = YearSchedule::from_notice(a.year, &text_of(a.file)).expect_err(a.file);
        assert!(
            matches!(
                err,
                Error::InvalidNotice {
                    problem: NoticeProblem::NoHoliday,
                    ..
                }
            ),
            "{}: {err}",
            a.file
        );
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The same texts, broken in one place, are refused, quoting the phrase; the calendar is unchanged.
// ---------------------------------------------------------------------------------------------------------------

/// A calendar holding the embedded years before `year` only, so that `add_notice(year, …)` would add it.
fn calendar_before(year: i32) -> WorkCalendar {
    let years: Vec<YearSchedule> = WorkCalendar::china()
        .years()
        .iter()
        .filter(|y| y.year < year)
        .cloned()
        .collect();
    WorkCalendar::from_years(years).expect("a prefix of the embedded table")
}

/// `add_notice` refuses the text with the problem `expect` accepts, the phrase containing `needle`; the calendar is
/// unchanged.
fn assert_refused(year: i32, text: &str, needle: &str, expect: impl Fn(&NoticeProblem) -> bool) {
    let mut cal = calendar_before(year);
    let (years, coverage) = (cal.years().to_vec(), cal.coverage());
    let err = cal
        .add_notice(year, text)
        .expect_err("the broken notice must be refused");
    match &err {
        Error::InvalidNotice {
            year: y,
            phrase,
            problem,
        } => {
            assert_eq!(*y, year);
            assert!(
                expect(problem),
                "{year}: unexpected problem {problem:?} ({err})"
            );
            assert!(
                phrase.contains(needle),
                "{year}: phrase {phrase:?} lacks {needle:?}"
            );
            assert!(
                text.contains(phrase.as_str()),
                "{year}: the phrase {phrase:?} is not quoted from the text"
            );
            assert!(err.to_string().contains(&format!("`{phrase}`")), "{err}");
        }
        other => panic!("{year}: expected InvalidNotice, got {other:?}"),
    }
    assert_eq!(
        cal.years(),
        years.as_slice(),
        "{year}: a refused notice must leave the calendar unchanged"
    );
    assert_eq!(cal.coverage(), coverage);
}

const WEEKDAYS: [char; 7] = ['一', '二', '三', '四', '五', '六', '日'];

/// Every weekday annotation of a date in the items of a text (`一、元旦：…` lines; the 2025 preamble's
/// `（如逢周三则只在当日放假）` is not one): the byte offset of its weekday char, and that char.
fn weekday_annotations(text: &str) -> Vec<(usize, char)> {
    let mut found = Vec::new();
    let mut item_lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with(['一', '二', '三', '四', '五', '六', '七', '八']) && line.contains('：')
        {
            item_lines.push(offset..offset + line.len());
        }
        offset += line.len();
    }
    for (open, _) in text.match_indices('（') {
        if !item_lines.iter().any(|r| r.contains(&open)) {
            continue;
        }
        let inner_start = open + '（'.len_utf8();
        let Some(close) = text[inner_start..].find('）') else {
            continue;
        };
        let inner = &text[inner_start..inner_start + close];
        for prefix in ["星期", "周"] {
            for (k, _) in inner.match_indices(prefix) {
                let at = inner_start + k + prefix.len();
                if let Some(c) = text[at..].chars().next().filter(|c| WEEKDAYS.contains(c)) {
                    if prefix == "周" && inner[..k].ends_with('星') {
                        continue;
                    }
                    found.push((at, c));
                }
            }
        }
    }
    found
}

#[test]
fn every_weekday_annotation_broken_in_turn_is_refused_quoting_it() {
    let mut broken = 0;
    for year in notice_years() {
        let text = notice_text(year).expect("a notice");
        for (at, c) in weekday_annotations(&text) {
            let wrong = WEEKDAYS[(WEEKDAYS.iter().position(|w| *w == c).unwrap() + 1) % 7];
            let mut bad = text.clone();
            bad.replace_range(at..at + c.len_utf8(), &wrong.to_string());
            assert_refused(year, &bad, &wrong.to_string(), |p| {
                matches!(p, NoticeProblem::WeekdayMismatch { .. })
            });
            broken += 1;
        }
    }
    // 2008–2026 carry 213 weekday annotations in their items; every one was broken once.
    assert!(broken >= 200, "only {broken} annotations found");
}

#[test]
fn every_day_count_broken_in_turn_is_refused_quoting_it() {
    let mut broken = 0;
    for year in notice_years() {
        let text = notice_text(year).expect("a notice");
        let items: Vec<&str> = text
            .lines()
            .filter(|l| l.contains('：') && l.contains("放假"))
            .collect();
        for (line_no, line) in text.lines().enumerate() {
            if !items.contains(&line) {
                continue;
            }
            for (k, _) in line.match_indices('天') {
                let digits: String = line[..k]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_ascii_digit())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                if digits.is_empty() {
                    continue;
                }
                let n: u32 = digits.parse().unwrap();
                let start = k - digits.len();
                let mut bad_line = line.to_owned();
                bad_line.replace_range(start..k, &(n + 1).to_string());
                let bad: String = text
                    .lines()
                    .enumerate()
                    .map(|(i, l)| {
                        if i == line_no {
                            bad_line.clone()
                        } else {
                            l.to_owned()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                assert_refused(
                    year,
                    &bad,
                    &format!("{}天", n + 1),
                    |p| matches!(p, NoticeProblem::CountMismatch { stated, .. } if *stated == n + 1),
                );
                broken += 1;
            }
        }
    }
    // 106 counts (共N天, 放假N天) in 2008–2026.
    assert!(broken >= 100, "only {broken} counts found");
}

#[test]
fn each_cross_check_on_the_2026_notice_is_its_own_error() {
    let text = notice_text(2026).expect("the 2026 notice");
    // A make-up day that is not a Saturday or Sunday.
    assert_refused(
        2026,
        &text.replace("1月4日（周日）上班", "1月5日（周一）上班"),
        "1月5日（周一）",
        |p| {
            *p == NoticeProblem::MakeUpNotWeekend {
                date: d(2026, 1, 5),
            }
        },
    );
    // A rest run and a make-up day on the same date.
    assert_refused(
        2026,
        &text.replace("1月4日（周日）上班", "1月3日（周六）上班"),
        "1月3日（周六）",
        |p| {
            *p == NoticeProblem::RestAndMakeUp {
                date: d(2026, 1, 3),
            }
        },
    );
    // A notice for another year than the one asked.
    let mut cal = WorkCalendar::china();
    let before = cal.years().to_vec();
    let err = cal
        .add_notice(2027, &text)
        .expect_err("the 2026 notice is not the 2027 one");
    assert_eq!(
        err.to_string(),
        "2027 holiday notice: `国务院办公厅关于2026年部分节假日安排的通知`: this is the notice for 2026, not for 2027 as asked"
    );
    assert_eq!(cal.years(), before.as_slice());
    // A text with no holiday in it: the notice without its items.
    let no_items: String = text
        .lines()
        .filter(|l| !l.contains("放假"))
        .collect::<Vec<_>>()
        .join("\n");
    assert_refused(2026, &no_items, "国务院办公厅", |p| {
        *p == NoticeProblem::NoHoliday
    });
    // 与周末连休 on a day with no weekend next to it.
    assert_refused(
        2026,
        &text.replace(
            "4月4日（周六）至6日（周一）放假，共3天",
            "4月8日放假，与周末连休",
        ),
        "4月8日放假",
        |p| {
            *p == NoticeProblem::NoAdjoiningWeekend {
                date: d(2026, 4, 8),
            }
        },
    );
    // A date the notice cannot mean.
    assert_refused(
        2026,
        &text.replace("2月28日（周六）上班", "2月30日（周六）上班"),
        "2月30日",
        |p| {
            matches!(
                p,
                NoticeProblem::NoSuchDay {
                    month: 2,
                    day: 30,
                    ..
                }
            )
        },
    );
    // A run claimed twice.
    assert_refused(
        2026,
        &text.replace(
            "五、端午节：6月19日（周五）至21日（周日）",
            "五、端午节：5月4日（周一）至6日（周三）",
        ),
        "5月4日",
        |p| {
            *p == NoticeProblem::RestDayTwice {
                date: d(2026, 5, 4),
            }
        },
    );
}

#[test]
fn a_phrase_the_parser_does_not_know_is_refused_not_skipped() {
    let text = notice_text(2026).expect("the 2026 notice");
    // 放假 deleted: the 国庆 run would silently vanish if the sentence were skipped.
    assert_refused(
        2026,
        &text.replace("7日（周三）放假调休", "7日（周三）调休"),
        "10月1日",
        |p| matches!(p, NoticeProblem::Unreadable { .. }),
    );
}

// ---------------------------------------------------------------------------------------------------------------
// add_notice: the year is added, and its days of the year before are applied there.
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn adding_the_2026_notice_to_a_calendar_ending_in_2025_gives_the_embedded_2026() -> Result<(), Error>
{
    let mut cal = calendar_before(2026);
    cal.add_notice(2026, &notice_text(2026).expect("the 2026 notice"))?;
    let embedded = WorkCalendar::china();
    assert_eq!(cal.coverage(), embedded.coverage());
    for day in d(2026, 1, 1)
        .iter_days()
        .take_while(|day| day.year() == 2026)
    {
        assert_eq!(
            cal.is_working_day(day),
            embedded.is_working_day(day),
            "{day}"
        );
    }
    // Registered Wed 2026-09-30, 3 working days → Sat 2026-10-10 (调休, 国办发明电〔2025〕7号 七).
    assert_eq!(cal.add_working_days(d(2026, 9, 30), 3)?, d(2026, 10, 10));
    Ok(())
}

#[test]
fn the_2019_notice_moves_its_days_of_2018_into_the_calendars_2018() -> Result<(), Error> {
    // The embedded 2018 without the days the 2019 notice sets: Sat 12-29 a weekend, Sun 12-30 and Mon 12-31 ordinary.
    let mut years: Vec<YearSchedule> = WorkCalendar::china()
        .years()
        .iter()
        .filter(|y| y.year <= 2018)
        .cloned()
        .collect();
    let y2018 = years.iter_mut().find(|y| y.year == 2018).expect("2018");
    y2018.holidays.retain(|h| !h.name.contains("（2019年）"));
    y2018.make_up_days.retain(|m| *m != d(2018, 12, 29));
    let mut cal = WorkCalendar::from_years(years)?;
    assert_eq!(cal.is_working_day(d(2018, 12, 29)), Ok(false));
    assert_eq!(cal.is_working_day(d(2018, 12, 31)), Ok(true));

    cal.add_notice(2019, &notice_text(2019).expect("the 2019 notice"))?;
    // 2018年12月29日（星期六）上班; 元旦：2018年12月30日至2019年1月1日放假调休.
    assert_eq!(cal.is_working_day(d(2018, 12, 29)), Ok(true));
    assert_eq!(cal.is_working_day(d(2018, 12, 30)), Ok(false));
    assert_eq!(cal.is_working_day(d(2018, 12, 31)), Ok(false));
    assert_eq!(cal.is_working_day(d(2019, 1, 1)), Ok(false));
    // The 2018 schedule itself is not edited: the days stay with the notice that set them.
    assert!(
        cal.year(2018)
            .is_some_and(|y| !y.make_up_days.contains(&d(2018, 12, 29)))
    );
    assert_eq!(
        cal.year(2019).map(|y| y.previous_year.make_up_days.clone()),
        Some(vec![d(2018, 12, 29)])
    );
    // Fri 2018-12-28: Sat 12-29 (worked), then 元旦 to 01-01, Wed 01-02.
    assert_eq!(cal.add_working_days(d(2018, 12, 28), 2)?, d(2019, 1, 2));
    Ok(())
}

#[test]
fn a_notice_contradicting_the_previous_years_schedule_is_refused_and_the_calendar_is_unchanged() {
    // A 2018 that (wrongly) makes Sunday 2018-12-30 a make-up working day; the 2019 notice makes it a rest day.
    let mut years: Vec<YearSchedule> = WorkCalendar::china()
        .years()
        .iter()
        .filter(|y| y.year <= 2018)
        .cloned()
        .collect();
    let y2018 = years.iter_mut().find(|y| y.year == 2018).expect("2018");
    y2018.holidays.retain(|h| !h.name.contains("（2019年）"));
    y2018.make_up_days.push(d(2018, 12, 30));
    let mut cal = WorkCalendar::from_years(years).expect("2018 as modified is valid on its own");
    let before = cal.years().to_vec();
    let err = cal
        .add_notice(2019, &notice_text(2019).expect("the 2019 notice"))
        .expect_err("a contradiction");
    assert_eq!(
        err.to_string(),
        "invalid schedule for year 2019: previous_year: 2018-12-30 is a rest day here but a make-up working day in \
         the 2018 schedule"
    );
    assert_eq!(cal.years(), before.as_slice());
    assert_eq!(cal.is_working_day(d(2018, 12, 30)), Ok(true));
}

#[test]
fn add_notice_refuses_a_year_the_calendar_already_has() {
    let mut cal = WorkCalendar::china();
    let before = cal.years().to_vec();
    let err = cal
        .add_notice(2026, &notice_text(2026).expect("the 2026 notice"))
        .expect_err("2026 is known");
    assert!(err.to_string().contains("already has this year"), "{err}");
    assert_eq!(cal.years(), before.as_slice());
}

#[test]
fn a_make_up_saturday_in_a_notice_is_a_working_day_and_a_weekday_in_a_run_is_not()
-> Result<(), Error> {
    let mut cal = calendar_before(2026);
    cal.add_notice(2026, &notice_text(2026).expect("the 2026 notice"))?;
    let saturday = d(2026, 2, 28);
    assert_eq!(saturday.weekday(), Weekday::Sat);
    assert!(cal.is_working_day(saturday)?);
    assert!(!cal.is_working_day(d(2026, 2, 23))?); // Monday, 正月初七
    assert!(cal.is_working_day(saturday + Days::new(2))?);
    Ok(())
}

#[test]
fn every_problem_of_a_notice_is_listed_at_once_the_first_being_the_one_from_notice_returns() {
    let text = notice_text(2026).expect("the 2026 notice");
    let bad = text
        .replace("1月1日（周四）", "1月1日（周五）")
        .replace("共9天", "共8天")
        .replace("2月28日（周六）上班", "2月27日（周五）上班")
        .replace("10月10日（周六）上班", "10月7日（周三）上班");
    let all = YearSchedule::notice_errors(2026, &bad);
    let problems: Vec<&NoticeProblem> = all
        .iter()
        .map(|e| match e {
            Error::InvalidNotice { problem, .. } => problem,
            other => panic!("{other}"),
        })
        .collect();
    assert!(
        matches!(
            problems.as_slice(),
            [
                NoticeProblem::WeekdayMismatch { .. },
                NoticeProblem::CountMismatch { stated: 8, .. },
                NoticeProblem::MakeUpNotWeekend { .. },
                NoticeProblem::MakeUpNotWeekend { .. },
            ]
        ),
        "{all:?}"
    );
    assert_eq!(
        YearSchedule::from_notice(2026, &bad).err().as_ref(),
        all.first()
    );
    assert!(YearSchedule::notice_errors(2026, &text).is_empty());
}
