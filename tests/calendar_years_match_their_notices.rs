//! Every day from 2004-01-01 to 2026-12-31 checked against an independent transcription of its State Council
//! notice (国务院办公厅关于YYYY年部分节假日安排的通知, and the notices that changed one: 2015, 2019, 2020).
//!
//! The transcription here is deliberately in another form than `src/calendar/china.rs`: one line of text per
//! year, holiday by holiday in the notice's order, written as the notice words it:
//! - `MM-DD..MM-DD` a run of days off (放假调休), `MM-DD` a single day off. "X日放假，与周末连休" is written as
//!   the single day X (the weekend is a rest day anyway); "X日放假，Y日补休" as the two days X and Y;
//! - `+MM-DD` a make-up working day (调休上班);
//! - the first word of each `;`-separated part is the holiday's name and is not parsed.
//!
//! Days a notice moves in the neighbouring year are written under the year they fall in (`次年元旦`: the next
//! year's 元旦 run or make-up Saturday at the end of December). Every other day is decided by Monday–Friday.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use wage_arrears::WorkCalendar;

/// A year's days off and make-up days, parsed from its transcription.
struct Notice {
    rest: BTreeSet<NaiveDate>,
    make_up: BTreeSet<NaiveDate>,
}

fn date(year: i32, month_day: &str) -> NaiveDate {
    let (m, d) = month_day
        .split_once('-')
        .unwrap_or_else(|| panic!("{year}: `{month_day}` is not MM-DD"));
    let (m, d): (u32, u32) = (m.parse().unwrap(), d.parse().unwrap());
    NaiveDate::from_ymd_opt(year, m, d)
        .unwrap_or_else(|| panic!("{year}: `{month_day}` is not a date"))
}

fn parse(year: i32, text: &str) -> Notice {
    let mut rest = BTreeSet::new();
    let mut make_up = BTreeSet::new();
    for part in text.split(';') {
        let mut words = part.split_whitespace();
        let name = words.next().unwrap_or_else(|| panic!("{year}: empty part"));
        for word in words {
            if let Some(day) = word.strip_prefix('+') {
                let day = date(year, day);
                assert!(
                    matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
                    "{year} {name}: make-up day {day} is not a Saturday or Sunday"
                );
                make_up.insert(day);
            } else if let Some((first, last)) = word.split_once("..") {
                let (mut day, last) = (date(year, first), date(year, last));
                assert!(day <= last, "{year} {name}: run {word} is reversed");
                while day <= last {
                    rest.insert(day);
                    day = day + Days::new(1);
                }
            } else {
                rest.insert(date(year, word));
            }
        }
    }
    assert!(
        rest.is_disjoint(&make_up),
        "{year}: a day is both off and worked"
    );
    Notice { rest, make_up }
}

fn days_of(year: i32) -> impl Iterator<Item = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
    first.iter_days().take_while(move |d| d.year() == year)
}

/// What the notice says of one day: worked when it is a make-up day, or a weekday that is not a day off.
fn notice_says_working(notice: &Notice, day: NaiveDate) -> bool {
    notice.make_up.contains(&day)
        || (!notice.rest.contains(&day) && !matches!(day.weekday(), Weekday::Sat | Weekday::Sun))
}

/// Checks every day of `year`; returns the number of working days.
fn check_year(year: i32, transcription: &str) -> usize {
    let cal = WorkCalendar::china();
    let notice = parse(year, transcription);
    let mut disagreements = Vec::new();
    let mut checked = 0;
    let mut working = 0;
    for day in days_of(year) {
        let expected = notice_says_working(&notice, day);
        let actual = cal
            .is_working_day(day)
            .unwrap_or_else(|e| panic!("{day}: {e}"));
        if actual != expected {
            disagreements.push(format!(
                "{day} ({}): calendar says {}, the notice {}",
                day.weekday(),
                if actual { "working" } else { "rest" },
                if expected { "working" } else { "rest" }
            ));
        }
        checked += 1;
        working += usize::from(expected);
    }
    let length = if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
        366
    } else {
        365
    };
    assert_eq!(checked, length, "{year}: not every day was checked");
    assert!(
        disagreements.is_empty(),
        "{year}: {} day(s) disagree with the notice:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
    working
}

// ---------------------------------------------------------------------------------------------------------------
// The transcriptions, one per year.
// ---------------------------------------------------------------------------------------------------------------

/// Number and date not established; the text as on zh.wikisource and in press reports of December 2003.
const Y2004: &str = "元旦 01-01; \
    春节 01-22..01-28 +01-17 +01-18; \
    五一 05-01..05-07 +05-08 +05-09; \
    十一 10-01..10-07 +10-09 +10-10";

/// Number and date not established; the text as reprinted. 12-31 is from 国办发明电〔2005〕35号 (the 2006 notice).
const Y2005: &str = "元旦 01-01..01-03; \
    春节 02-09..02-15 +02-05 +02-06; \
    五一 05-01..05-07 +04-30 +05-08; \
    十一 10-01..10-07 +10-08 +10-09; \
    次年元旦 +12-31";

/// 国办发明电〔2005〕35号; 12-30 and 12-31 from 国办发明电〔2006〕49号 (the 2007 notice).
const Y2006: &str = "元旦 01-01..01-03; \
    春节 01-29..02-04 +01-28 +02-05; \
    五一 05-01..05-07 +04-29 +04-30; \
    十一 10-01..10-07 +09-30 +10-08; \
    次年元旦 +12-30 +12-31";

/// 国办发明电〔2006〕49号; the December days from the 2008 notice.
const Y2007: &str = "元旦 01-01..01-03; \
    春节 02-18..02-24 +02-17 +02-25; \
    五一 05-01..05-07 +04-28 +04-29; \
    十一 10-01..10-07 +09-29 +09-30; \
    次年元旦 12-30..12-31 +12-29";

/// The 2008 notice (国办发明电〔2007〕52号), the first with 清明、端午、中秋.
const Y2008: &str = "元旦 01-01; \
    春节 02-06..02-12 +02-02 +02-03; \
    清明节 04-04..04-06; \
    劳动节 05-01..05-03 +05-04; \
    端午节 06-07..06-09; \
    中秋节 09-13..09-15; \
    国庆节 09-29..10-05 +09-27 +09-28";

/// 国办发明电〔2008〕42号.
const Y2009: &str = "元旦 01-01..01-03 +01-04; \
    春节 01-25..01-31 +01-24 +02-01; \
    清明节 04-04..04-06; \
    劳动节 05-01..05-03; \
    端午节 05-28..05-30 +05-31; \
    国庆节中秋节 10-01..10-08 +09-27 +10-10";

/// 国办发明电〔2009〕27号.
const Y2010: &str = "元旦 01-01..01-03; \
    春节 02-13..02-19 +02-20 +02-21; \
    清明节 04-03..04-05; \
    劳动节 05-01..05-03; \
    端午节 06-14..06-16 +06-12 +06-13; \
    中秋节 09-22..09-24 +09-19 +09-25; \
    国庆节 10-01..10-07 +09-26 +10-09";

/// 国办发明电〔2010〕40号; 12-31 from 国办发明电〔2011〕45号 (the 2012 notice).
const Y2011: &str = "元旦 01-01..01-03; \
    春节 02-02..02-08 +01-30 +02-12; \
    清明节 04-03..04-05 +04-02; \
    劳动节 04-30..05-02; \
    端午节 06-04..06-06; \
    中秋节 09-10..09-12; \
    国庆节 10-01..10-07 +10-08 +10-09; \
    次年元旦 +12-31";

/// 国办发明电〔2011〕45号.
const Y2012: &str = "元旦 01-01..01-03; \
    春节 01-22..01-28 +01-21 +01-29; \
    清明节 04-02..04-04 +03-31 +04-01; \
    劳动节 04-29..05-01 +04-28; \
    端午节 06-22..06-24; \
    中秋节国庆节 09-30..10-07 +09-29";

/// 国办发明电〔2012〕33号.
const Y2013: &str = "元旦 01-01..01-03 +01-05 +01-06; \
    春节 02-09..02-15 +02-16 +02-17; \
    清明节 04-04..04-06 +04-07; \
    劳动节 04-29..05-01 +04-27 +04-28; \
    端午节 06-10..06-12 +06-08 +06-09; \
    中秋节 09-19..09-21 +09-22; \
    国庆节 10-01..10-07 +09-29 +10-12";

/// 国办发明电〔2013〕28号.
const Y2014: &str = "元旦 01-01; \
    春节 01-31..02-06 +01-26 +02-08; \
    清明节 04-05 04-07; \
    劳动节 05-01..05-03 +05-04; \
    端午节 06-02; \
    中秋节 09-08; \
    国庆节 10-01..10-07 +09-28 +10-11";

/// 国办发明电〔2014〕28号 and 国发明电〔2015〕1号 (抗战胜利70周年纪念日).
const Y2015: &str = "元旦 01-01..01-03 +01-04; \
    春节 02-18..02-24 +02-15 +02-28; \
    清明节 04-05 04-06; \
    劳动节 05-01; \
    端午节 06-20 06-22; \
    胜利日 09-03..09-05 +09-06; \
    中秋节 09-27; \
    国庆节 10-01..10-07 +10-10";

/// 国办发明电〔2015〕18号.
const Y2016: &str = "元旦 01-01; \
    春节 02-07..02-13 +02-06 +02-14; \
    清明节 04-04; \
    劳动节 05-01 05-02; \
    端午节 06-09..06-11 +06-12; \
    中秋节 09-15..09-17 +09-18; \
    国庆节 10-01..10-07 +10-08 +10-09";

/// 国办发明电〔2016〕17号. (The 2018 notice's "1月1日放假，与周末连休" names no 2017 day.)
const Y2017: &str = "元旦 01-01 01-02; \
    春节 01-27..02-02 +01-22 +02-04; \
    清明节 04-02..04-04 +04-01; \
    劳动节 05-01; \
    端午节 05-28..05-30 +05-27; \
    中秋节国庆节 10-01..10-08 +09-30";

/// 国办发明电〔2017〕12号; the December days from 国办发明电〔2018〕15号 (the 2019 notice).
const Y2018: &str = "元旦 01-01; \
    春节 02-15..02-21 +02-11 +02-24; \
    清明节 04-05..04-07 +04-08; \
    劳动节 04-29..05-01 +04-28; \
    端午节 06-18; \
    中秋节 09-24; \
    国庆节 10-01..10-07 +09-29 +09-30; \
    次年元旦 12-30..12-31 +12-29";

/// 国办发明电〔2018〕15号, 劳动节 as changed by 国办发明电〔2019〕3号.
const Y2019: &str = "元旦 01-01; \
    春节 02-04..02-10 +02-02 +02-03; \
    清明节 04-05; \
    劳动节 05-01..05-04 +04-28 +05-05; \
    端午节 06-07; \
    中秋节 09-13; \
    国庆节 10-01..10-07 +09-29 +10-12";

/// 国办发明电〔2019〕16号, 春节 as extended to 2月2日 by 国办发明电〔2020〕1号 (so 2月1日 is no longer worked).
const Y2020: &str = "元旦 01-01; \
    春节 01-24..02-02 +01-19; \
    清明节 04-04..04-06; \
    劳动节 05-01..05-05 +04-26 +05-09; \
    端午节 06-25..06-27 +06-28; \
    国庆节中秋节 10-01..10-08 +09-27 +10-10";

/// 国办发明电〔2020〕27号.
const Y2021: &str = "元旦 01-01..01-03; \
    春节 02-11..02-17 +02-07 +02-20; \
    清明节 04-03..04-05; \
    劳动节 05-01..05-05 +04-25 +05-08; \
    端午节 06-12..06-14; \
    中秋节 09-19..09-21 +09-18; \
    国庆节 10-01..10-07 +09-26 +10-09";

/// 国办发明电〔2021〕11号; 12-31 from 国办发明电〔2022〕16号 (the 2023 notice).
const Y2022: &str = "元旦 01-01..01-03; \
    春节 01-31..02-06 +01-29 +01-30; \
    清明节 04-03..04-05 +04-02; \
    劳动节 04-30..05-04 +04-24 +05-07; \
    端午节 06-03..06-05; \
    中秋节 09-10..09-12; \
    国庆节 10-01..10-07 +10-08 +10-09; \
    次年元旦 12-31";

/// 国办发明电〔2022〕16号. (The 2024 notice's "1月1日放假，与周末连休" names no 2023 day.)
const Y2023: &str = "元旦 01-01..01-02; \
    春节 01-21..01-27 +01-28 +01-29; \
    清明节 04-05; \
    劳动节 04-29..05-03 +04-23 +05-06; \
    端午节 06-22..06-24 +06-25; \
    中秋节国庆节 09-29..10-06 +10-07 +10-08";

/// 国办发明电〔2023〕7号.
const Y2024: &str = "元旦 01-01; \
    春节 02-10..02-17 +02-04 +02-18; \
    清明节 04-04..04-06 +04-07; \
    劳动节 05-01..05-05 +04-28 +05-11; \
    端午节 06-10; \
    中秋节 09-15..09-17 +09-14; \
    国庆节 10-01..10-07 +09-29 +10-12";

/// 国办发明电〔2024〕12号, the first under the 2024 amendment (除夕 and 5月2日 added).
const Y2025: &str = "元旦 01-01; \
    春节 01-28..02-04 +01-26 +02-08; \
    清明节 04-04..04-06; \
    劳动节 05-01..05-05 +04-27; \
    端午节 05-31..06-02; \
    国庆节中秋节 10-01..10-08 +09-28 +10-11";

/// 国办发明电〔2025〕7号.
const Y2026: &str = "元旦 01-01..01-03 +01-04; \
    春节 02-15..02-23 +02-14 +02-28; \
    清明节 04-04..04-06; \
    劳动节 05-01..05-05 +05-09; \
    端午节 06-19..06-21; \
    中秋节 09-25..09-27; \
    国庆节 10-01..10-07 +09-20 +10-10";

const TRANSCRIPTIONS: [(i32, &str); 23] = [
    (2004, Y2004),
    (2005, Y2005),
    (2006, Y2006),
    (2007, Y2007),
    (2008, Y2008),
    (2009, Y2009),
    (2010, Y2010),
    (2011, Y2011),
    (2012, Y2012),
    (2013, Y2013),
    (2014, Y2014),
    (2015, Y2015),
    (2016, Y2016),
    (2017, Y2017),
    (2018, Y2018),
    (2019, Y2019),
    (2020, Y2020),
    (2021, Y2021),
    (2022, Y2022),
    (2023, Y2023),
    (2024, Y2024),
    (2025, Y2025),
    (2026, Y2026),
];

// ---------------------------------------------------------------------------------------------------------------
// One test per year.
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn the_2004_calendar_matches_its_notice_of_late_2003() {
    check_year(2004, Y2004);
}

#[test]
fn the_2005_calendar_matches_its_notice_of_late_2004_and_works_new_years_eve_for_2006() {
    check_year(2005, Y2005);
}

#[test]
fn the_2006_calendar_matches_guobanfa_mingdian_2005_35() {
    check_year(2006, Y2006);
}

#[test]
fn the_2007_calendar_matches_guobanfa_mingdian_2006_49_and_the_2008_new_year_run() {
    check_year(2007, Y2007);
}

#[test]
fn the_2008_calendar_matches_guobanfa_mingdian_2007_52() {
    check_year(2008, Y2008);
}

#[test]
fn the_2009_calendar_matches_guobanfa_mingdian_2008_42() {
    check_year(2009, Y2009);
}

#[test]
fn the_2010_calendar_matches_guobanfa_mingdian_2009_27() {
    check_year(2010, Y2010);
}

#[test]
fn the_2011_calendar_matches_guobanfa_mingdian_2010_40_and_works_new_years_eve_for_2012() {
    check_year(2011, Y2011);
}

#[test]
fn the_2012_calendar_matches_guobanfa_mingdian_2011_45() {
    check_year(2012, Y2012);
}

#[test]
fn the_2013_calendar_matches_guobanfa_mingdian_2012_33() {
    check_year(2013, Y2013);
}

#[test]
fn the_2014_calendar_matches_guobanfa_mingdian_2013_28() {
    check_year(2014, Y2014);
}

#[test]
fn the_2015_calendar_matches_guobanfa_mingdian_2014_28_and_the_victory_day_notice_guofa_mingdian_2015_1()
 {
    check_year(2015, Y2015);
}

#[test]
fn the_2016_calendar_matches_guobanfa_mingdian_2015_18() {
    check_year(2016, Y2016);
}

#[test]
fn the_2017_calendar_matches_guobanfa_mingdian_2016_17() {
    check_year(2017, Y2017);
}

#[test]
fn the_2018_calendar_matches_guobanfa_mingdian_2017_12_and_the_2019_new_year_run() {
    check_year(2018, Y2018);
}

#[test]
fn the_2019_calendar_matches_guobanfa_mingdian_2018_15_as_changed_by_2019_3() {
    check_year(2019, Y2019);
}

#[test]
fn the_2020_calendar_matches_guobanfa_mingdian_2019_16_as_extended_by_2020_1() {
    check_year(2020, Y2020);
}

#[test]
fn the_2021_calendar_matches_guobanfa_mingdian_2020_27() {
    check_year(2021, Y2021);
}

#[test]
fn the_2022_calendar_matches_guobanfa_mingdian_2021_11() {
    check_year(2022, Y2022);
}

#[test]
fn the_2023_calendar_matches_guobanfa_mingdian_2022_16() {
    check_year(2023, Y2023);
}

#[test]
fn the_2024_calendar_matches_guobanfa_mingdian_2023_7() {
    check_year(2024, Y2024);
}

#[test]
fn the_2025_calendar_matches_guobanfa_mingdian_2024_12() {
    check_year(2025, Y2025);
}

#[test]
fn the_2026_calendar_matches_guobanfa_mingdian_2025_7() {
    check_year(2026, Y2026);
}

// ---------------------------------------------------------------------------------------------------------------
// Totals.
// ---------------------------------------------------------------------------------------------------------------

/// Working days per year, as the notices imply.
///
/// Cross-checked by arithmetic below: days in the year − Saturdays and Sundays − statutory holiday days (10 up to
/// 2007: 元旦 1, 春节 3, 劳动节 3, 国庆节 3; 11 from 2008; 13 from 2025), adjusted for a make-up Saturday lent to or
/// borrowed from the neighbouring year's 元旦, the 2015 Victory Day (+1 day off) and the 2020 extension (−2).
const WORKING_DAYS: [(i32, usize); 23] = [
    (2004, 252),
    (2005, 251),
    (2006, 251),
    (2007, 249),
    (2008, 251),
    (2009, 250),
    (2010, 250),
    (2011, 250),
    (2012, 249),
    (2013, 250),
    (2014, 250),
    (2015, 249),
    (2016, 250),
    (2017, 249),
    (2018, 250),
    (2019, 250),
    (2020, 249),
    (2021, 250),
    (2022, 249),
    (2023, 249),
    (2024, 251),
    (2025, 248),
    (2026, 248),
];

fn statutory_days(year: i32) -> i64 {
    match year {
        ..=2007 => 10,
        2008..=2024 => 11,
        _ => 13,
    }
}

/// Working days lent (+) to or taken (−) from a year beyond what its own statutory days explain.
fn adjustment(year: i32) -> i64 {
    match year {
        // 2005-12-31 worked for 元旦 2006: 2005 gains the day, 2006 gives it back.
        2005 => 1,
        // 2006 gives back 2005-12-31 and gains 2006-12-30 and 12-31 (worked for 元旦 2007).
        2006 => -1 + 2,
        // 2007 gives back both for 元旦 2007; 2007-12-29 worked and 12-31 off (元旦 2008) cancel out.
        2007 => -2,
        // 2011-12-31 worked for 元旦 2012.
        2011 => 1,
        2012 => -1,
        // 抗战胜利70周年纪念日: one more day off.
        2015 => -1,
        // 春节 extended: Friday 31 January off, Saturday 1 February no longer worked.
        2020 => -2,
        _ => 0,
    }
}

#[test]
fn every_year_has_the_number_of_working_days_its_notice_implies() {
    let cal = WorkCalendar::china();
    for (year, expected) in WORKING_DAYS {
        let counted = days_of(year)
            .filter(|&d| cal.is_working_day(d).unwrap())
            .count();
        assert_eq!(counted, expected, "{year}: working days");

        let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap();
        let before = first.pred_opt().unwrap();
        if year > 2004 {
            let between = cal.working_days_between(before, last).unwrap();
            assert_eq!(between, expected as i64, "{year}: working_days_between");
        }

        let length = i64::from(last.ordinal());
        let weekend = days_of(year)
            .filter(|d| matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
            .count() as i64;
        assert_eq!(
            length - weekend - statutory_days(year) + adjustment(year),
            expected as i64,
            "{year}: the count does not follow from the statute's days"
        );
    }
    assert_eq!(WORKING_DAYS.len(), TRANSCRIPTIONS.len());
}

#[test]
fn the_transcriptions_imply_the_same_totals() {
    for ((year, text), (y, expected)) in TRANSCRIPTIONS.iter().zip(WORKING_DAYS) {
        assert_eq!(*year, y);
        let notice = parse(*year, text);
        let implied = days_of(*year)
            .filter(|&d| notice_says_working(&notice, d))
            .count();
        assert_eq!(implied, expected, "{year}");
    }
}

#[test]
fn the_calendar_covers_exactly_8401_days_from_2004_to_2026() {
    let cal = WorkCalendar::china();
    let coverage = cal.coverage();
    assert_eq!(
        *coverage.start(),
        NaiveDate::from_ymd_opt(2004, 1, 1).unwrap()
    );
    assert_eq!(
        *coverage.end(),
        NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
    );

    let mut days = 0;
    for day in coverage
        .start()
        .iter_days()
        .take_while(|d| d <= coverage.end())
    {
        assert!(cal.is_working_day(day).is_ok(), "{day}");
        days += 1;
    }
    assert_eq!(days, 8401);

    let years: Vec<i32> = cal.years().iter().map(|y| y.year).collect();
    assert_eq!(years, (2004..=2026).collect::<Vec<_>>());
    assert!(
        cal.is_working_day(coverage.start().pred_opt().unwrap())
            .is_err()
    );
    assert!(
        cal.is_working_day(coverage.end().succ_opt().unwrap())
            .is_err()
    );
}

#[test]
fn every_year_of_the_table_cites_its_notice() {
    for y in WorkCalendar::china().years() {
        assert!(
            y.notice
                .contains(&format!("国务院办公厅关于{}年部分节假日安排的通知", y.year)),
            "{}: {}",
            y.year,
            y.notice
        );
    }
}
