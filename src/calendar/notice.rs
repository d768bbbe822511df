//! Reading a State Council holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知) as published.
//!
//! The notice is read the way a clerk reads it: the title, the number and the preamble say which year it is for;
//! each numbered item (`一、元旦：…`) gives a holiday's rest run (放假) and its make-up working days (上班); the
//! closing lines are not part of the schedule. Every fact the text states twice is checked against itself: a
//! weekday annotation against its date, a `共N天` against the run, a make-up day against the weekend, a rest run
//! against the make-up days.
//!
//! The rules of reading are documented on [`YearSchedule::from_notice`].

use std::fmt;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::schedule::{HolidayPeriod, PreviousYearDays, YearSchedule};
use crate::Error;

/// What is wrong with a holiday notice's text: the `problem` of [`Error::InvalidNotice`], which also quotes the
/// phrase.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NoticeProblem {
    /// A weekday annotation (`（周五）`, `（星期五）`) that does not match its date.
    WeekdayMismatch {
        /// The date the annotation follows.
        date: NaiveDate,
        /// The weekday the annotation states.
        annotated: Weekday,
    },
    /// A `共N天` (or `放假N天`) that is not the length of its run.
    CountMismatch {
        /// The number of days the text states.
        stated: u32,
        /// The run's first day.
        first: NaiveDate,
        /// The run's last day.
        last: NaiveDate,
    },
    /// A make-up working day (上班) that is not a Saturday or Sunday: a weekday is a working day anyway.
    MakeUpNotWeekend {
        /// The day.
        date: NaiveDate,
    },
    /// A day that is both in a rest run and a make-up working day.
    RestAndMakeUp {
        /// The day.
        date: NaiveDate,
    },
    /// A day that two rest runs both claim.
    RestDayTwice {
        /// The day.
        date: NaiveDate,
    },
    /// The title or the preamble names another year than the one asked.
    AnotherYear {
        /// The year the text is for.
        stated: i32,
        /// The year asked.
        asked: i32,
    },
    /// No holiday item (`一、元旦：1月1日…放假…`) in the text.
    NoHoliday,
    /// An item that names no rest day (放假).
    NoRestDay,
    /// A date the notice cannot mean: neither in its year nor in the year before.
    OutsideYears {
        /// The date as read.
        date: NaiveDate,
    },
    /// A day that does not exist (`2月30日`).
    NoSuchDay {
        /// The year.
        year: i32,
        /// The month.
        month: u32,
        /// The day.
        day: u32,
    },
    /// A run that ends before it starts.
    ReversedRun {
        /// The first day as written.
        first: NaiveDate,
        /// The last day as written.
        last: NaiveDate,
    },
    /// `与周末连休` on a day with no weekend next to it (only a Friday or a Monday has one).
    NoAdjoiningWeekend {
        /// The day.
        date: NaiveDate,
    },
    /// A `补休` day that does not follow its rest day across nothing but a weekend.
    CompensationNotAdjoining {
        /// The last rest day before it.
        rest: NaiveDate,
        /// The 补休 day.
        date: NaiveDate,
    },
    /// A date the older wording's explanation (`其中…`) names that is neither in the run nor a make-up day.
    ExplanationDisagrees {
        /// The day.
        date: NaiveDate,
    },
    /// A phrase that is not one the parser knows.
    Unreadable {
        /// What was expected there.
        expected: &'static str,
    },
}

impl fmt::Display for NoticeProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoticeProblem::WeekdayMismatch { date, annotated } => write!(
                f,
                "the annotation says {} but {date} is a {} ({})",
                chinese_weekday(*annotated),
                english_weekday(date.weekday()),
                chinese_weekday(date.weekday())
            ),
            NoticeProblem::CountMismatch {
                stated,
                first,
                last,
            } => write!(
                f,
                "the text says {stated} days but {first}..={last} is {} days",
                run_length(*first, *last)
            ),
            NoticeProblem::MakeUpNotWeekend { date } => write!(
                f,
                "a make-up working day (上班) must be a Saturday or Sunday, but {date} is a {}",
                english_weekday(date.weekday())
            ),
            NoticeProblem::RestAndMakeUp { date } => write!(
                f,
                "{date} is both in a rest run (放假) and a make-up working day (上班)"
            ),
            NoticeProblem::RestDayTwice { date } => write!(f, "{date} is in two rest runs"),
            NoticeProblem::AnotherYear { stated, asked } => write!(
                f,
                "this is the notice for {stated}, not for {asked} as asked"
            ),
            NoticeProblem::NoHoliday => write!(
                f,
                "no holiday in the text: no item such as `一、元旦：1月1日至3日放假调休，共3天。`"
            ),
            NoticeProblem::NoRestDay => write!(f, "the item names no rest day (放假)"),
            NoticeProblem::OutsideYears { date } => write!(
                f,
                "{date} is neither in the notice's year nor in the year before"
            ),
            NoticeProblem::NoSuchDay { year, month, day } => {
                write!(f, "{year:04}-{month:02}-{day:02} is not a date")
            }
            NoticeProblem::ReversedRun { first, last } => {
                write!(f, "the run ends on {last} before it starts on {first}")
            }
            NoticeProblem::NoAdjoiningWeekend { date } => write!(
                f,
                "与周末连休 needs a Friday or a Monday, but {date} is a {}",
                english_weekday(date.weekday())
            ),
            NoticeProblem::CompensationNotAdjoining { rest, date } => write!(
                f,
                "the 补休 day {date} does not follow the rest day {rest} across a weekend"
            ),
            NoticeProblem::ExplanationDisagrees { date } => write!(
                f,
                "{date} is named in the explanation but is neither in the rest run nor a make-up working day"
            ),
            NoticeProblem::Unreadable { expected } => {
                write!(f, "not a phrase of a holiday notice: expected {expected}")
            }
        }
    }
}

fn run_length(first: NaiveDate, last: NaiveDate) -> i64 {
    (last - first).num_days() + 1
}

fn chinese_weekday(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "周一",
        Weekday::Tue => "周二",
        Weekday::Wed => "周三",
        Weekday::Thu => "周四",
        Weekday::Fri => "周五",
        Weekday::Sat => "周六",
        Weekday::Sun => "周日",
    }
}

fn english_weekday(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

// ---------------------------------------------------------------------------------------------------------------
// The text, normalised: one char per meaningful char of the input, with its byte span there (for quoting).
// ---------------------------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
struct Ch {
    c: char,
    start: usize,
    end: usize,
}

/// Full-width digits and punctuation to ASCII, every dash and `~` to `-`, brackets of a document number to `〔〕`;
/// spaces dropped, line breaks kept.
fn normalise(text: &str) -> Vec<Ch> {
    text.char_indices()
        .filter_map(|(start, c)| {
            let end = start + c.len_utf8();
            let c = match c {
                '\n' => '\n',
                c if c.is_whitespace() => return None,
                '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0'))?,
                '（' => '(',
                '）' => ')',
                '，' => ',',
                '。' => '.',
                '：' => ':',
                '；' => ';',
                '—' | '–' | '－' | '―' | '~' | '～' | '‐' | '‑' => '-',
                '［' | '[' => '〔',
                '］' | ']' => '〕',
                c => c,
            };
            Some(Ch { c, start, end })
        })
        .collect()
}

/// The input text a run of chars came from, trimmed.
fn quote(src: &str, chars: &[Ch]) -> String {
    match (chars.first(), chars.last()) {
        (Some(a), Some(b)) => src.get(a.start..b.end).unwrap_or("").trim().to_owned(),
        _ => String::new(),
    }
}

fn starts_with(s: &[Ch], pat: &str) -> bool {
    let mut it = s.iter();
    pat.chars().all(|p| it.next().is_some_and(|c| c.c == p))
}

fn ends_with(s: &[Ch], pat: &str) -> bool {
    let n = pat.chars().count();
    s.len() >= n
        && s.get(s.len() - n..)
            .is_some_and(|tail| starts_with(tail, pat))
}

fn find(s: &[Ch], pat: &str) -> Option<usize> {
    (0..s.len()).find(|&i| s.get(i..).is_some_and(|tail| starts_with(tail, pat)))
}

fn contains(s: &[Ch], pat: &str) -> bool {
    find(s, pat).is_some()
}

fn trim(mut s: &[Ch]) -> &[Ch] {
    while let Some((first, rest)) = s.split_first() {
        if matches!(first.c, ',' | ';' | ':' | '.' | '、') {
            s = rest;
        } else {
            break;
        }
    }
    while let Some((last, rest)) = s.split_last() {
        if matches!(last.c, ',' | ';' | ':' | '.') {
            s = rest;
        } else {
            break;
        }
    }
    s
}

/// Splits at any of `seps` outside parentheses (an annotation such as `（农历五月初五，端午节）` holds a comma).
fn split_outside_parens<'a>(s: &'a [Ch], seps: &[char]) -> Vec<&'a [Ch]> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut from = 0;
    for (i, ch) in s.iter().enumerate() {
        match ch.c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 && seps.contains(&c) => {
                parts.push(s.get(from..i).unwrap_or(&[]));
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.push(s.get(from..).unwrap_or(&[]));
    parts
}

/// A number in ASCII digits or Chinese numerals (一 to 九十九); at most 9 digits, so it never overflows.
fn number_at(s: &[Ch], i: usize) -> Option<(u32, usize)> {
    let mut j = i;
    let mut n: u32 = 0;
    while let Some(d) = s.get(j).and_then(|c| c.c.to_digit(10)) {
        if j - i >= 9 {
            return None;
        }
        n = n * 10 + d;
        j += 1;
    }
    if j > i {
        return Some((n, j));
    }
    let digit = |c: char| "〇一二三四五六七八九".chars().position(|d| d == c);
    let (mut tens, mut units, mut seen_ten) = (0u32, 0u32, false);
    while let Some(c) = s.get(j).map(|c| c.c) {
        if c == '十' && !seen_ten {
            tens = if units == 0 { 1 } else { units };
            units = 0;
            seen_ten = true;
        } else if let Some(d) = digit(c) {
            if units != 0 {
                return None;
            }
            units = d as u32;
        } else {
            break;
        }
        j += 1;
    }
    (j > i).then_some((tens * 10 + units, j))
}

// ---------------------------------------------------------------------------------------------------------------
// Dates and their annotations.
// ---------------------------------------------------------------------------------------------------------------

/// A date as written: `2018年12月29日`, `12月29日`, `29日`, with its annotation, if any.
#[derive(Debug, Clone)]
struct Written<'a> {
    year: Option<i32>,
    month: Option<u32>,
    day: u32,
    /// The date and its annotation, for quoting.
    text: &'a [Ch],
    /// The weekdays the annotation states (usually one).
    weekdays: Vec<Weekday>,
}

fn weekday_char(c: char) -> Option<Weekday> {
    match c {
        '一' => Some(Weekday::Mon),
        '二' => Some(Weekday::Tue),
        '三' => Some(Weekday::Wed),
        '四' => Some(Weekday::Thu),
        '五' => Some(Weekday::Fri),
        '六' => Some(Weekday::Sat),
        '日' | '天' => Some(Weekday::Sun),
        _ => None,
    }
}

/// The weekdays an annotation's content states: `周五`, `星期五` (`周末`, a lunar date, a festival's name: none).
fn annotation_weekdays(content: &[Ch]) -> Result<Vec<Weekday>, NoticeProblem> {
    let mut days = Vec::new();
    let mut i = 0;
    while let Some(ch) = content.get(i) {
        let after = if ch.c == '周' {
            Some(i + 1)
        } else if content.get(i..).is_some_and(|t| starts_with(t, "星期")) {
            match content.get(i + 2).and_then(|c| weekday_char(c.c)) {
                Some(_) => Some(i + 2),
                None => {
                    return Err(NoticeProblem::Unreadable {
                        expected: "a weekday after 星期 (星期一 to 星期日)",
                    });
                }
            }
        } else {
            None
        };
        match after
            .and_then(|k| content.get(k))
            .and_then(|c| weekday_char(c.c))
        {
            Some(w) => {
                days.push(w);
                i = after.map_or(i + 1, |k| k + 1);
            }
            None => i += 1,
        }
    }
    Ok(days)
}

/// A written date at `i`, with its annotation; `Ok(None)` when no date starts there.
fn written_at<'a>(s: &'a [Ch], i: usize) -> Result<Option<(Written<'a>, usize)>, NoticeProblem> {
    let Some((n1, j)) = ascii_number_at(s, i) else {
        return Ok(None);
    };
    let unit = |k: usize| s.get(k).map(|c| c.c);
    let (year, month, day, mut j) = match unit(j) {
        Some('年') => {
            let Some((m, k)) = ascii_number_at(s, j + 1).filter(|&(_, k)| unit(k) == Some('月'))
            else {
                return Ok(None);
            };
            let Some((d, k)) = ascii_number_at(s, k + 1).filter(|&(_, k)| unit(k) == Some('日'))
            else {
                return Ok(None);
            };
            (i32::try_from(n1).ok(), Some(m), d, k + 1)
        }
        Some('月') => {
            let Some((d, k)) = ascii_number_at(s, j + 1).filter(|&(_, k)| unit(k) == Some('日'))
            else {
                return Ok(None);
            };
            (None, Some(n1), d, k + 1)
        }
        Some('日') => (None, None, n1, j + 1),
        _ => return Ok(None),
    };
    if year.is_none() && n1 >= 1000 {
        return Ok(None);
    }
    let mut weekdays = Vec::new();
    if unit(j) == Some('(') {
        let open = j;
        let mut depth = 0usize;
        let mut close = None;
        // An annotation is short (`（农历腊月二十八、周日）`); looking no further than 64 chars keeps reading linear
        // in the text's length whatever the input.
        for (k, ch) in s.iter().enumerate().skip(open).take(64) {
            match ch.c {
                '(' => depth += 1,
                ')' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        close = Some(k);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(close) = close else {
            return Err(NoticeProblem::Unreadable {
                expected: "a closing parenthesis after the annotation",
            });
        };
        weekdays = annotation_weekdays(s.get(open + 1..close).unwrap_or(&[]))?;
        j = close + 1;
    }
    let text = s.get(i..j).unwrap_or(&[]);
    Ok(Some((
        Written {
            year,
            month,
            day,
            text,
            weekdays,
        },
        j,
    )))
}

/// ASCII digits only (dates are written in digits), at most 9 of them.
fn ascii_number_at(s: &[Ch], i: usize) -> Option<(u32, usize)> {
    s.get(i).filter(|c| c.c.is_ascii_digit())?;
    number_at(s, i)
}

// ---------------------------------------------------------------------------------------------------------------
// The parser.
// ---------------------------------------------------------------------------------------------------------------

struct Run {
    first: NaiveDate,
    last: NaiveDate,
    name: String,
    phrase: String,
}

struct MakeUp {
    date: NaiveDate,
    phrase: String,
}

/// One numbered item: `一、元旦：…`.
struct Item {
    name: String,
    phrase: String,
    runs: Vec<Run>,
    make_up: Vec<MakeUp>,
    /// Dates the older wording's explanation names: must be in the run or a make-up day.
    explained: Vec<MakeUp>,
    /// Days the explanation moves (`X公休日调至…`): outside the run, a make-up day.
    moved_from: Vec<MakeUp>,
    /// Days the explanation moves to: must be in the run.
    moved_to: Vec<MakeUp>,
    /// The last date read, for `至3日` and `、21日`.
    last: Option<NaiveDate>,
}

struct Parser<'a> {
    src: &'a str,
    year: i32,
}

impl Parser<'_> {
    fn error(&self, phrase: String, problem: NoticeProblem) -> Error {
        Error::InvalidNotice {
            year: self.year,
            phrase,
            problem,
        }
    }

    fn unreadable(&self, chars: &[Ch], expected: &'static str) -> Error {
        self.error(
            quote(self.src, chars),
            NoticeProblem::Unreadable { expected },
        )
    }

    /// The date `w` means in `item` (its annotation not yet checked). `base` is the date it continues (`至3日`,
    /// `、21日`).
    fn resolve(
        &self,
        item: &Item,
        w: &Written<'_>,
        base: Option<NaiveDate>,
    ) -> Result<NaiveDate, Error> {
        let quote_it = || quote(self.src, w.text);
        let (year, month) = match (w.year, w.month, base) {
            (Some(y), Some(m), _) => (y, m),
            (None, Some(m), Some(b)) => (b.year(), m),
            (None, Some(m), None) => (self.year_near_run(item, m, w.day), m),
            (_, None, Some(b)) => (b.year(), b.month()),
            (_, None, None) => {
                return Err(self.unreadable(w.text, "a date with its month (1月1日)"));
            }
        };
        let date = NaiveDate::from_ymd_opt(year, month, w.day).ok_or_else(|| {
            self.error(
                quote_it(),
                NoticeProblem::NoSuchDay {
                    year,
                    month,
                    day: w.day,
                },
            )
        })?;
        // A day continuing another (`至1月1日` after `12月30日`) that falls before it is in the following year.
        let date = match (w.year, base) {
            (None, Some(b)) if date < b && w.month.is_some() => date
                .with_year(year.saturating_add(1))
                .filter(|d| d.year() == year.saturating_add(1))
                .ok_or_else(|| self.error(quote_it(), NoticeProblem::OutsideYears { date }))?,
            _ => date,
        };
        Ok(date)
    }

    /// The year of a date written without one: the notice's year, or the year before when that puts it nearer
    /// the item's first rest day (`12月29日（星期六）上班` in a 元旦 item whose run starts on 2007-12-30).
    fn year_near_run(&self, item: &Item, month: u32, day: u32) -> i32 {
        let Some(anchor) = item.runs.first().map(|r| r.first) else {
            return self.year;
        };
        let distance =
            |y: i32| NaiveDate::from_ymd_opt(y, month, day).map(|d| (d - anchor).num_days().abs());
        match (distance(self.year - 1), distance(self.year)) {
            (Some(before), Some(this)) if before < this => self.year - 1,
            (Some(_), None) => self.year - 1,
            _ => self.year,
        }
    }

    fn check_weekday(&self, w: &Written<'_>, date: NaiveDate) -> Result<(), Error> {
        match w.weekdays.as_slice() {
            [] => Ok(()),
            [annotated] if *annotated == date.weekday() => Ok(()),
            [annotated] => Err(self.error(
                quote(self.src, w.text),
                NoticeProblem::WeekdayMismatch {
                    date,
                    annotated: *annotated,
                },
            )),
            _ => Err(self.unreadable(w.text, "one weekday in the annotation")),
        }
    }

    /// Checks that a date is the notice's year or the year before.
    fn in_years(&self, w: &Written<'_>, date: NaiveDate) -> Result<NaiveDate, Error> {
        if date.year() == self.year || date.year() == self.year - 1 {
            Ok(date)
        } else {
            Err(self.error(
                quote(self.src, w.text),
                NoticeProblem::OutsideYears { date },
            ))
        }
    }

    /// A list of dates `1月22日（星期日）、2月4日（星期六）` (the whole slice), each resolved and checked.
    fn date_list(&self, item: &mut Item, s: &[Ch]) -> Result<Vec<MakeUp>, Error> {
        let mut out = Vec::new();
        let mut i = 0;
        let mut base: Option<NaiveDate> = None;
        loop {
            let Some((w, j)) = written_at(s, i).map_err(|p| self.error(quote(self.src, s), p))?
            else {
                return Err(
                    self.unreadable(s.get(i..).unwrap_or(&[]), "a date such as 1月4日（周日）")
                );
            };
            let date = self.resolve(item, &w, base.filter(|_| w.month.is_none()))?;
            let date = self.in_years(&w, date)?;
            self.check_weekday(&w, date)?;
            out.push(MakeUp {
                date,
                phrase: quote(self.src, w.text),
            });
            base = Some(date);
            item.last = Some(date);
            match s.get(j).map(|c| c.c) {
                None => return Ok(out),
                Some('、') => i = j + 1,
                Some(_) => {
                    return Err(self.unreadable(
                        s.get(j..).unwrap_or(&[]),
                        "、 between dates, or the end of the list",
                    ));
                }
            }
        }
    }

    /// Every date named in a free sentence of the older wording, each resolved and checked.
    fn dates_in(&self, item: &mut Item, s: &[Ch]) -> Result<Vec<MakeUp>, Error> {
        let mut out = Vec::new();
        let mut i = 0;
        let mut base: Option<NaiveDate> = item.last;
        while i < s.len() {
            let after_digit = i > 0 && s.get(i - 1).is_some_and(|c| c.c.is_ascii_digit());
            let found = if after_digit {
                None
            } else {
                written_at(s, i).map_err(|p| self.error(quote(self.src, s), p))?
            };
            match found {
                Some((w, j)) => {
                    let date = self.resolve(item, &w, base.filter(|_| w.month.is_none()))?;
                    let date = self.in_years(&w, date)?;
                    self.check_weekday(&w, date)?;
                    out.push(MakeUp {
                        date,
                        phrase: quote(self.src, w.text),
                    });
                    base = Some(date);
                    item.last = Some(date);
                    i = j;
                }
                None => i += 1,
            }
        }
        Ok(out)
    }

    fn make_ups(&self, item: &mut Item, list: &[Ch]) -> Result<(), Error> {
        for m in self.date_list(item, list)? {
            if !is_weekend(m.date) {
                return Err(self.error(m.phrase, NoticeProblem::MakeUpNotWeekend { date: m.date }));
            }
            item.make_up.push(m);
        }
        Ok(())
    }

    /// A sentence of an item.
    fn sentence(&self, item: &mut Item, s: &[Ch]) -> Result<(), Error> {
        let s = trim(s);
        if s.is_empty() {
            return Ok(());
        }
        if starts_with(s, "其中") || contains(s, "调至") {
            return self.explanation(item, s);
        }
        if contains(s, "鼓励") {
            // 鼓励…安排职工在除夕（2月9日）休息 (2024): advice to employers, not a rest day of the notice.
            return Ok(());
        }
        if contains(s, "放假") || contains(s, "补休") || contains(s, "上班") {
            return self.schedule(item, s);
        }
        let has_date = (0..s.len()).any(|i| matches!(written_at(s, i), Ok(Some(_))));
        let about_rest = s.iter().any(|c| matches!(c.c, '休' | '假' | '班'));
        match has_date && about_rest {
            true => Err(self.unreadable(
                s,
                "a rest run (…放假…) or a make-up list (…上班) in a holiday item",
            )),
            false => Ok(()),
        }
    }

    /// `1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班` and its variants.
    fn schedule(&self, item: &mut Item, s: &[Ch]) -> Result<(), Error> {
        let mut run: Option<(NaiveDate, NaiveDate)> = None;
        let mut count: Option<(u32, &[Ch])> = None;
        for clause in split_outside_parens(s, &[',', ';']) {
            let clause = trim(clause);
            if clause.is_empty() {
                continue;
            }
            if ends_with(clause, "上班") {
                let list = clause.get(..clause.len() - 2).unwrap_or(&[]);
                self.make_ups(item, list)?;
            } else if contains(clause, "放假") {
                if run.is_some() {
                    return Err(self.unreadable(clause, "one rest run per sentence"));
                }
                let (first, last, stated) = self.run_clause(item, clause)?;
                run = Some((first, last));
                if let Some(n) = stated {
                    count = Some((n, clause));
                }
            } else if starts_with(clause, "共") {
                match number_at(clause, 1) {
                    Some((n, j)) if j + 1 == clause.len() && ends_with(clause, "天") => {
                        count = Some((n, clause));
                    }
                    _ => return Err(self.unreadable(clause, "共N天")),
                }
            } else if starts_with(clause, "不调休") && clause.len() == 3 {
                // 放假1天，不调休: nothing to add.
            } else if starts_with(clause, "与周末连休") && clause.len() == 5 {
                let Some((first, last)) = run else {
                    return Err(self.unreadable(clause, "a rest day before 与周末连休"));
                };
                run = Some(match (first.weekday(), last.weekday()) {
                    (_, Weekday::Fri) => {
                        (first, last.checked_add_days(Days::new(2)).unwrap_or(last))
                    }
                    (Weekday::Mon, _) => {
                        (first.checked_sub_days(Days::new(2)).unwrap_or(first), last)
                    }
                    _ => {
                        return Err(self.error(
                            quote(self.src, s),
                            NoticeProblem::NoAdjoiningWeekend { date: last },
                        ));
                    }
                });
            } else if ends_with(clause, "补休") {
                let Some((first, last)) = run else {
                    return Err(self.unreadable(clause, "a rest day before the 补休 day"));
                };
                let list = clause.get(..clause.len() - 2).unwrap_or(&[]);
                let days = self.date_list(item, list)?;
                let [day] = days.as_slice() else {
                    return Err(self.unreadable(list, "one 补休 day"));
                };
                let gap_is_weekend = last
                    .iter_days()
                    .skip(1)
                    .take_while(|d| *d < day.date)
                    .take(3)
                    .all(is_weekend);
                if day.date <= last || run_length(last, day.date) > 4 || !gap_is_weekend {
                    return Err(self.error(
                        day.phrase.clone(),
                        NoticeProblem::CompensationNotAdjoining {
                            rest: last,
                            date: day.date,
                        },
                    ));
                }
                run = Some((first, day.date));
            } else {
                return Err(
                    self.unreadable(clause, "放假…, 共N天, 与周末连休, …补休, 不调休 or …上班")
                );
            }
        }
        match (run, count) {
            (Some((first, last)), count) => {
                if let Some((stated, phrase)) = count
                    && i64::from(stated) != run_length(first, last)
                {
                    return Err(self.error(
                        quote(self.src, phrase),
                        NoticeProblem::CountMismatch {
                            stated,
                            first,
                            last,
                        },
                    ));
                }
                item.runs.push(Run {
                    first,
                    last,
                    name: item.name.clone(),
                    phrase: quote(self.src, s),
                });
                Ok(())
            }
            (None, Some((_, phrase))) => Err(self.unreadable(phrase, "a rest run before 共N天")),
            (None, None) => Ok(()),
        }
    }

    /// `1月1日（周四）至3日（周六）放假调休` / `5月1日放假` / `1月1日放假1天`: the run and the count it states.
    fn run_clause(
        &self,
        item: &mut Item,
        clause: &[Ch],
    ) -> Result<(NaiveDate, NaiveDate, Option<u32>), Error> {
        let expected = "a run such as 1月1日至3日放假调休";
        let Some((w1, mut j)) =
            written_at(clause, 0).map_err(|p| self.error(quote(self.src, clause), p))?
        else {
            return Err(self.unreadable(clause, expected));
        };
        let mut second = None;
        let is_sep = |k: usize| clause.get(k).is_some_and(|c| c.c == '至' || c.c == '-');
        if is_sep(j) {
            while is_sep(j) {
                j += 1;
            }
            let Some((w2, k)) =
                written_at(clause, j).map_err(|p| self.error(quote(self.src, clause), p))?
            else {
                return Err(self.unreadable(clause, expected));
            };
            second = Some(w2);
            j = k;
        }
        let rest = clause.get(j..).unwrap_or(&[]);
        let stated = if starts_with(rest, "放假") {
            let tail = rest.get(2..).unwrap_or(&[]);
            let tail = if starts_with(tail, "调休") || starts_with(tail, "公休") {
                tail.get(2..).unwrap_or(&[])
            } else {
                tail
            };
            match tail {
                [] => None,
                _ => match number_at(tail, 0) {
                    Some((n, k)) if k + 1 == tail.len() && ends_with(tail, "天") => Some(n),
                    _ => return Err(self.unreadable(clause, expected)),
                },
            }
        } else {
            return Err(self.unreadable(clause, expected));
        };
        // The first day: a run crossing the new year (12月30日至1月1日) starts in the year before.
        let first = self.resolve(item, &w1, None)?;
        let (first, last) = match &second {
            None => (first, first),
            Some(w2) => {
                let last = self.resolve(item, w2, Some(first))?;
                let crosses = w1.year.is_none() && last.year() == self.year + 1;
                match crosses {
                    true => {
                        let shift = |d: NaiveDate| d.with_year(d.year() - 1);
                        match (shift(first), shift(last)) {
                            (Some(a), Some(b)) => (a, b),
                            _ => {
                                return Err(self.error(
                                    quote(self.src, clause),
                                    NoticeProblem::OutsideYears { date: last },
                                ));
                            }
                        }
                    }
                    false => (first, last),
                }
            }
        };
        let first = self.in_years(&w1, first)?;
        self.check_weekday(&w1, first)?;
        let last = self.in_years(second.as_ref().unwrap_or(&w1), last)?;
        if let Some(w2) = &second {
            self.check_weekday(w2, last)?;
        }
        if last < first {
            return Err(self.error(
                quote(self.src, clause),
                NoticeProblem::ReversedRun { first, last },
            ));
        }
        item.last = Some(last);
        Ok((first, last, stated))
    }

    /// The older wording (2008–2009): `其中，1月1日（星期二）为法定节假日，…，12月29日（星期六）公休日调至12月31日
    /// （星期一），12月29日（星期六）上班`.
    fn explanation(&self, item: &mut Item, s: &[Ch]) -> Result<(), Error> {
        for clause in split_outside_parens(s, &[',', ';']) {
            let mut clause = trim(clause);
            if starts_with(clause, "其中") {
                clause = trim(clause.get(2..).unwrap_or(&[]));
            }
            if clause.is_empty() {
                continue;
            }
            if ends_with(clause, "上班") {
                let list = clause.get(..clause.len() - 2).unwrap_or(&[]);
                self.make_ups(item, list)?;
            } else if let Some(k) = find(clause, "调至") {
                let from = self.dates_in(item, clause.get(..k).unwrap_or(&[]))?;
                let to = self.dates_in(item, clause.get(k + 2..).unwrap_or(&[]))?;
                item.moved_from.extend(from);
                item.moved_to.extend(to);
            } else {
                let named = self.dates_in(item, clause)?;
                item.explained.extend(named);
            }
        }
        Ok(())
    }

    /// The checks that need the whole item.
    fn finish_item(&self, mut item: Item) -> Result<Item, Error> {
        if item.runs.is_empty() {
            return Err(self.error(item.phrase.clone(), NoticeProblem::NoRestDay));
        }
        let in_run = |d: NaiveDate| item.runs.iter().any(|r| r.first <= d && d <= r.last);
        for m in &item.moved_to {
            if !in_run(m.date) {
                return Err(self.error(
                    m.phrase.clone(),
                    NoticeProblem::ExplanationDisagrees { date: m.date },
                ));
            }
        }
        let mut implied = Vec::new();
        for m in &item.moved_from {
            if in_run(m.date) {
                continue;
            }
            // 将2月2日（星期六）、2月3日（星期日）两个公休日调至…: the weekend days moved away are worked.
            if !is_weekend(m.date) {
                return Err(self.error(
                    m.phrase.clone(),
                    NoticeProblem::MakeUpNotWeekend { date: m.date },
                ));
            }
            implied.push(MakeUp {
                date: m.date,
                phrase: m.phrase.clone(),
            });
        }
        item.make_up.extend(implied);
        for m in &item.explained {
            if !in_run(m.date) && !item.make_up.iter().any(|u| u.date == m.date) {
                return Err(self.error(
                    m.phrase.clone(),
                    NoticeProblem::ExplanationDisagrees { date: m.date },
                ));
            }
        }
        Ok(item)
    }

    /// The title (`国务院办公厅关于2026年部分节假日安排的通知`) and the preamble (`现将2026年元旦、…`) must name the
    /// year asked, when they are there.
    fn check_year(&self, lines: &[&[Ch]]) -> Result<(), Error> {
        for line in lines {
            for (marker, needs) in [("关于", Some("节假日")), ("现将", None)] {
                let Some(k) = find(line, marker) else {
                    continue;
                };
                if needs.is_some_and(|n| !contains(line, n)) {
                    continue;
                }
                let at = k + marker.chars().count();
                let Some((stated, j)) = ascii_number_at(line, at) else {
                    continue;
                };
                if j - at != 4 || line.get(j).map(|c| c.c) != Some('年') {
                    continue;
                }
                if i64::from(stated) != i64::from(self.year) {
                    let phrase = match marker {
                        "关于" => quote(self.src, trim(line)),
                        _ => {
                            let end = (j + 1..line.len())
                                .find(|&e| line.get(e).is_some_and(|c| c.c == '、' || c.c == ','))
                                .unwrap_or(line.len());
                            quote(self.src, line.get(k..end).unwrap_or(&[]))
                        }
                    };
                    return Err(self.error(
                        phrase,
                        NoticeProblem::AnotherYear {
                            stated: i32::try_from(stated).unwrap_or(i32::MAX),
                            asked: self.year,
                        },
                    ));
                }
            }
        }
        Ok(())
    }
}

/// An item's header `一、元旦：` (the numeral optional) and its body, which starts with a date.
fn item_header(s: &[Ch]) -> Option<(&[Ch], &[Ch])> {
    let numeral = |c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    let marker_end = s.iter().take_while(|c| numeral(c.c)).count();
    let name_start = match s.get(marker_end).map(|c| c.c) {
        Some('、') if marker_end > 0 => marker_end + 1,
        _ => 0,
    };
    let colon = (name_start..s.len()).find(|&k| s.get(k).is_some_and(|c| c.c == ':'))?;
    let name = s.get(name_start..colon)?;
    let name_ok = !name.is_empty()
        && name.len() <= 24
        && name
            .iter()
            .all(|c| !c.c.is_ascii_digit() && !matches!(c.c, ',' | '.' | ';' | '(' | ')'));
    let body = s.get(colon + 1..)?;
    let body_starts_with_date = body.first().is_some_and(|c| c.c.is_ascii_digit());
    (name_ok && body_starts_with_date).then_some((name, body))
}

/// The document number (`国办发明电〔2025〕7号`) and the signing date (`2025年11月4日`, `二○○九年十二月七日`) of the
/// notice, when the text carries them.
fn number_and_date(lines: &[&[Ch]]) -> (Option<String>, Option<NaiveDate>) {
    let number = lines.iter().find_map(|line| {
        let k = find(line, "发明电")?;
        let end = (k..line.len()).find(|&e| line.get(e).is_some_and(|c| c.c == '号'))?;
        let text: String = line.get(..=end)?.iter().map(|c| c.c).collect();
        (text.chars().count() <= 24).then_some(text)
    });
    let signed = lines.iter().rev().find_map(|line| signing_date(trim(line)));
    (number, signed)
}

/// A line that is nothing but a date: `2025年11月4日` or `二○○九年十二月七日`.
fn signing_date(line: &[Ch]) -> Option<NaiveDate> {
    let y = line.iter().position(|c| c.c == '年')?;
    let year_part = line.get(..y)?;
    let year: i32 = if year_part.iter().all(|c| c.c.is_ascii_digit()) {
        year_part
            .iter()
            .map(|c| c.c)
            .collect::<String>()
            .parse()
            .ok()?
    } else {
        let digits: Option<String> = year_part
            .iter()
            .map(|c| {
                "〇一二三四五六七八九"
                    .chars()
                    .position(|d| {
                        d == c.c || (c.c == '○' && d == '〇') || (c.c == '零' && d == '〇')
                    })
                    .and_then(|p| char::from_digit(p as u32, 10))
            })
            .collect();
        digits?.parse().ok()?
    };
    if year_part.len() != 4 {
        return None;
    }
    let (month, m_end) = number_at(line, y + 1)?;
    (line.get(m_end)?.c == '月').then_some(())?;
    let (day, d_end) = number_at(line, m_end + 1)?;
    (line.get(d_end)?.c == '日' && d_end + 1 == line.len()).then_some(())?;
    NaiveDate::from_ymd_opt(year, month, day)
}

impl YearSchedule {
    /// Reads a year's State Council holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知) as published, and
    /// cross-checks it, without adding it to a calendar: for a service that wants to look before it adds (see
    /// [`WorkCalendar::add_notice`](crate::WorkCalendar::add_notice)). Pure: no I/O.
    ///
    /// Read: the numbered items (`一、元旦：…`), each a rest run (放假) with its make-up working days (上班), in
    /// every wording of the notices from 2008 on, the older `其中…为法定节假日…公休日调至…` included; the title and
    /// the preamble, for the year; the number (`国办发明电〔2025〕7号`) and the signing date, for
    /// [`notice`](YearSchedule::notice). Rest days and make-up days that fall in the year before go to
    /// [`previous_year`](YearSchedule::previous_year).
    ///
    /// **What is read**, in the items (full-width and half-width punctuation alike, spaces ignored):
    /// - rest runs: `1月1日（周四）至3日（周六）放假调休，共3天`, `4月4日至6日放假，共3天`, `放假公休`, `2018年12月30日至
    ///   2019年1月1日`, `12月30日至1月1日` (a run crossing the year starts in the year before), `—`/`-`/`~` for `至`;
    /// - single days: `5月1日放假`, `4月5日放假，共1天`, `1月1日（周三）放假1天，不调休`;
    /// - `X日放假，与周末连休`: X and the weekend next to it (a Friday and the two days after, or a Monday and the two
    ///   days before); `X日放假，Y日（星期一）补休`: X to Y, with only weekend days between them;
    /// - make-up lists: `1月22日（星期日）、2月4日（星期六）上班`, `2月20日（星期六）、21日（星期日）上班`,
    ///   `2018年12月29日（星期六）上班`;
    /// - annotations after a date: `（周五）`, `（星期五）`, `（农历除夕、周二）`, `（农历腊月二十八、周日）`: the weekday is
    ///   checked, the lunar date is not (the crate has no lunar calendar);
    /// - the older wording of 2008–2009 (`其中，…为法定节假日，…照常公休，将…两个公休日调至…`): the run and the 上班 list
    ///   carry the schedule; a weekend day the sentence moves (`调至`) from outside the run is a make-up day even when
    ///   no 上班 list names it (2008 国庆节); every date the sentence names must lie in the run or be a make-up day;
    /// - a sentence that only encourages (`鼓励…安排职工在除夕（2月9日）休息`) is advice, not a rest day.
    ///
    /// Each item ends at the end of its line (or at the next `二、`); the closing lines, the issuer and the date line
    /// are not items. A sentence of an item that names a date and speaks of rest or work (休, 假, 班) but is none of
    /// the forms above is refused, never skipped: a mangled `放假` must not make a run vanish. A text without a
    /// title or preamble is read for the `year` asked (the weekday annotations still check it).
    ///
    /// **Not read.** A later notice that amends a year (2015's 抗战胜利70周年纪念日, 2019's 劳动节, 2020's 延长春节假期)
    /// has no item of this form and is refused with [`NoticeProblem::NoHoliday`]: enter its change with
    /// [`WorkCalendar::replace_year`](crate::WorkCalendar::replace_year). Traditional characters (放假調休) are not
    /// read. The notices of 2004–2007 were not transcribed and are not tested; every notice from 2008 to 2026 reads
    /// to the embedded table day for day (the test `calendar_notices_parse_to_the_built_in_schedules`).
    ///
    /// A date written without its year is in the notice's year, except the first day of a run that crosses into the
    /// new year, and a December day in an item whose run starts in the previous December (`12月29日（星期六）上班` in
    /// the 2008 元旦 item), which are in the year before. A notice may move days of the year before and of no other.
    ///
    /// Cross-checks, each its own [`NoticeProblem`], the phrase quoted: a weekday annotation that does not match
    /// its date; a `共N天` that is not the run's length; a make-up day that is not a Saturday or Sunday; a rest
    /// run and a make-up day on the same date; a title or preamble for another year than `year`; a text with no
    /// holiday in it; and dates that are not dates or lie outside `year` and the year before.
    ///
    /// ```
    /// use wage_arrears::{Error, NoticeProblem, YearSchedule};
    ///
    /// let text = "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。";
    /// let s = YearSchedule::from_notice(2026, text)?;
    /// assert_eq!(s.holidays[0].last, wage_arrears::date(2026, 1, 3)?);
    /// assert_eq!(s.make_up_days, vec![wage_arrears::date(2026, 1, 4)?]);
    ///
    /// let broken = text.replace("共3天", "共4天");
    /// let err = YearSchedule::from_notice(2026, &broken).unwrap_err();
    /// assert!(matches!(&err, Error::InvalidNotice { problem: NoticeProblem::CountMismatch { stated: 4, .. }, .. }));
    /// assert_eq!(
    ///     err.to_string(),
    ///     "2026 holiday notice: `共4天`: the text says 4 days but 2026-01-01..=2026-01-03 is 3 days"
    /// );
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidNotice`] with the phrase and the [`NoticeProblem`]; [`Error::InvalidSchedule`] when `year`
    /// (or the year before) is outside the dates the calendar can hold.
    pub fn from_notice(year: i32, text: &str) -> Result<YearSchedule, Error> {
        parse(year, text)
    }

    /// Every problem [`from_notice`](Self::from_notice) finds in a notice's text, in the text's order (the
    /// cross-item checks last), for a clerk who wants to fix them all at once; empty when `from_notice` accepts
    /// the text. Each sentence is read up to its first problem, then the next one; the checks that need a whole
    /// item (or the whole notice) run on the items that read without a problem. The first error is the one
    /// `from_notice` returns.
    ///
    /// ```
    /// use wage_arrears::YearSchedule;
    ///
    /// let text = "一、元旦：1月1日（周五）放假1天。\n二、春节：2月15日至23日放假调休，共8天。";
    /// let problems = YearSchedule::notice_errors(2026, text);
    /// assert_eq!(problems.len(), 2); // 周五 is wrong (a Thursday), and 15..=23 is 9 days
    /// assert!(YearSchedule::notice_errors(2026, "一、元旦：1月1日（周四）放假1天。").is_empty());
    /// ```
    pub fn notice_errors(year: i32, text: &str) -> Vec<Error> {
        read(year, text).err().unwrap_or_default()
    }
}

/// Reads a notice; see [`YearSchedule::from_notice`]. The first problem of [`read`].
fn parse(year: i32, text: &str) -> Result<YearSchedule, Error> {
    read(year, text).map_err(|mut errors| errors.swap_remove(0))
}

/// Reads a notice, collecting every problem: each item is read up to its first problem, then the next item is
/// read; the checks across items run on the items that read. Never an empty `Err`.
fn read(year: i32, text: &str) -> Result<YearSchedule, Vec<Error>> {
    let usable = year
        .checked_sub(1)
        .and_then(|before| NaiveDate::from_ymd_opt(before, 1, 1))
        .is_some()
        && NaiveDate::from_ymd_opt(year, 12, 31).is_some();
    if !usable {
        return Err(vec![Error::InvalidSchedule {
            year,
            reason: "the year is outside the supported date range".into(),
        }]);
    }
    let chars = normalise(text);
    let lines: Vec<&[Ch]> = chars.split(|c| c.c == '\n').collect();
    let parser = Parser { src: text, year };
    let mut errors: Vec<Error> = Vec::new();
    if let Err(e) = parser.check_year(&lines) {
        errors.push(e);
    }

    let mut items: Vec<Item> = Vec::new();
    let mut seen_items = 0usize;
    // The item being read, and whether a sentence of it has failed: its other sentences are still read (their
    // own problems reported), but a failed item is not finished nor used across items.
    let mut current: Option<(Item, bool)> = None;
    let mut close = |current: &mut Option<(Item, bool)>, errors: &mut Vec<Error>| {
        if let Some((done, false)) = current.take() {
            match parser.finish_item(done) {
                Ok(item) => items.push(item),
                Err(e) => errors.push(e),
            }
        }
        *current = None;
    };
    for line in &lines {
        let mut line_has_item = false;
        for sentence in split_outside_parens(line, &['.']) {
            let sentence = trim(sentence);
            if sentence.is_empty() {
                continue;
            }
            let (item, body) = match item_header(sentence) {
                Some((name, body)) => {
                    close(&mut current, &mut errors);
                    seen_items += 1;
                    line_has_item = true;
                    let item = Item {
                        name: quote(text, name),
                        phrase: quote(text, sentence),
                        runs: Vec::new(),
                        make_up: Vec::new(),
                        explained: Vec::new(),
                        moved_from: Vec::new(),
                        moved_to: Vec::new(),
                        last: None,
                    };
                    (current.insert((item, false)), body)
                }
                None => match (line_has_item, current.as_mut()) {
                    (true, Some(open)) => (open, sentence),
                    _ => continue,
                },
            };
            if let Err(e) = parser.sentence(&mut item.0, body) {
                errors.push(e);
                item.1 = true;
            }
        }
        if !line_has_item {
            close(&mut current, &mut errors);
        }
    }
    close(&mut current, &mut errors);
    if seen_items == 0 {
        let first_line = lines
            .iter()
            .map(|l| trim(l))
            .find(|l| !l.is_empty())
            .map(|l| l.get(..l.len().min(30)).unwrap_or(&[]))
            .map(|l| quote(text, l))
            .unwrap_or_default();
        errors.push(parser.error(first_line, NoticeProblem::NoHoliday));
    }

    // Across items: no day in two runs, no day both rest and worked; a make-up day stated twice counts once.
    let mut runs: Vec<Run> = items.iter_mut().flat_map(|i| i.runs.drain(..)).collect();
    runs.sort_by_key(|r| r.first);
    for pair in runs.windows(2) {
        if let [a, b] = pair
            && b.first <= a.last
        {
            errors.push(parser.error(
                b.phrase.clone(),
                NoticeProblem::RestDayTwice { date: b.first },
            ));
        }
    }
    let mut make_up: Vec<MakeUp> = Vec::new();
    for m in items.iter_mut().flat_map(|i| i.make_up.drain(..)) {
        if runs.iter().any(|r| r.first <= m.date && m.date <= r.last) {
            errors.push(parser.error(m.phrase, NoticeProblem::RestAndMakeUp { date: m.date }));
        } else if !make_up.iter().any(|u| u.date == m.date) {
            make_up.push(m);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    make_up.sort_by_key(|m| m.date);

    let (number, signed) = number_and_date(&lines);
    let title = lines
        .iter()
        .map(|l| trim(l))
        .find(|l| contains(l, "关于") && contains(l, "节假日") && l.len() <= 40)
        .map(|l| quote(text, l));
    let details: Vec<String> = number
        .into_iter()
        .chain(signed.map(|d| d.to_string()))
        .collect();
    let notice = match (title, details.is_empty()) {
        (Some(t), true) => t,
        (Some(t), false) => format!("{t} ({})", details.join(", ")),
        (None, true) => format!("holiday notice for {year} (no title in the text)"),
        (None, false) => format!(
            "holiday notice for {year} (no title in the text; {})",
            details.join(", ")
        ),
    };

    let mut schedule = YearSchedule {
        year,
        notice,
        holidays: Vec::new(),
        make_up_days: Vec::new(),
        previous_year: PreviousYearDays::default(),
    };
    for r in runs {
        let split = NaiveDate::from_ymd_opt(year, 1, 1);
        let (before, this) = match split {
            Some(jan1) if r.first < jan1 && r.last >= jan1 => (
                Some((r.first, jan1.pred_opt().unwrap_or(r.first))),
                Some((jan1, r.last)),
            ),
            Some(jan1) if r.last < jan1 => (Some((r.first, r.last)), None),
            _ => (None, Some((r.first, r.last))),
        };
        if let Some((first, last)) = before {
            schedule.previous_year.holidays.push(HolidayPeriod {
                name: r.name.clone(),
                first,
                last,
            });
        }
        if let Some((first, last)) = this {
            schedule.holidays.push(HolidayPeriod {
                name: r.name,
                first,
                last,
            });
        }
    }
    for m in make_up {
        match m.date.year() == year {
            true => schedule.make_up_days.push(m.date),
            false => schedule.previous_year.make_up_days.push(m.date),
        }
    }
    schedule.validate().map_err(|e| vec![e])?;
    Ok(schedule)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn problem(year: i32, text: &str) -> (String, NoticeProblem) {
        match parse(year, text) {
            Err(Error::InvalidNotice {
                phrase, problem, ..
            }) => (phrase, problem),
            other => panic!("expected InvalidNotice, got {other:?}"),
        }
    }

    #[test]
    fn a_run_with_annotations_and_a_make_up_list_is_read() {
        let s = parse(
            2026,
            "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。",
        )
        .unwrap();
        assert_eq!(s.holidays.len(), 1);
        assert_eq!(
            (s.holidays[0].first, s.holidays[0].last),
            (d(2026, 1, 1), d(2026, 1, 3))
        );
        assert_eq!(s.make_up_days, vec![d(2026, 1, 4)]);
    }

    #[test]
    fn a_run_crossing_new_year_without_years_starts_in_the_year_before() {
        let s = parse(
            2019,
            "一、元旦：12月30日至1月1日放假调休，共3天。12月29日（星期六）上班。",
        )
        .unwrap();
        assert_eq!(s.holidays[0].first, d(2019, 1, 1));
        assert_eq!(s.previous_year.holidays[0].first, d(2018, 12, 30));
        assert_eq!(s.previous_year.holidays[0].last, d(2018, 12, 31));
        assert_eq!(s.previous_year.make_up_days, vec![d(2018, 12, 29)]);
    }

    #[test]
    fn with_the_weekend_and_compensation_days_extend_the_run() {
        let s = parse(
            2024,
            "一、元旦：1月1日放假，与周末连休。\n二、端午节：6月10日放假，与周末连休。\n三、清明节：4月6日放假，4月8日（星期一）补休。",
        )
        .unwrap();
        assert_eq!(s.previous_year.holidays[0].first, d(2023, 12, 30));
        assert!(
            s.holidays
                .iter()
                .any(|h| h.first == d(2024, 6, 8) && h.last == d(2024, 6, 10))
        );
        assert!(
            s.holidays
                .iter()
                .any(|h| h.first == d(2024, 4, 6) && h.last == d(2024, 4, 8))
        );
    }

    #[test]
    fn chinese_numbers_and_signing_dates_are_read() {
        let s = [
            Ch {
                c: '二',
                start: 0,
                end: 0,
            },
            Ch {
                c: '十',
                start: 0,
                end: 0,
            },
            Ch {
                c: '八',
                start: 0,
                end: 0,
            },
        ];
        assert_eq!(number_at(&s, 0), Some((28, 3)));
        let line = normalise("二○○九年十二月七日");
        assert_eq!(signing_date(&line), Some(d(2009, 12, 7)));
    }

    #[test]
    fn each_cross_check_is_its_own_problem() {
        let (phrase, p) = problem(
            2026,
            "一、元旦：1月1日（周五）至3日（周六）放假调休，共3天。",
        );
        assert_eq!(phrase, "1月1日（周五）");
        assert!(matches!(p, NoticeProblem::WeekdayMismatch { .. }));
        let (_, p) = problem(2026, "一、元旦：1月1日至3日放假调休，共4天。");
        assert!(matches!(p, NoticeProblem::CountMismatch { stated: 4, .. }));
        let (_, p) = problem(
            2026,
            "一、元旦：1月1日至3日放假调休，共3天。1月5日（周一）上班。",
        );
        assert!(matches!(p, NoticeProblem::MakeUpNotWeekend { .. }));
        let (_, p) = problem(
            2026,
            "一、元旦：1月1日至3日放假调休，共3天。1月3日（周六）上班。",
        );
        assert!(matches!(p, NoticeProblem::RestAndMakeUp { .. }));
        let (_, p) = problem(
            2027,
            "国务院办公厅关于2026年部分节假日安排的通知\n一、元旦：1月1日放假。",
        );
        assert!(matches!(
            p,
            NoticeProblem::AnotherYear {
                stated: 2026,
                asked: 2027
            }
        ));
        let (_, p) = problem(2027, "节假日期间，各地区、各部门要妥善安排好值班。");
        assert_eq!(p, NoticeProblem::NoHoliday);
    }

    #[test]
    fn the_parser_survives_odd_inputs() {
        for text in [
            "",
            "一、",
            "一、元旦：",
            "一、元旦：1",
            "一、元旦：1月",
            "一、元旦：1月1日（",
            "一、元旦：99999999999月1日放假",
            "一、元旦：1月1日至",
            "一、元旦：1月1日（星期）放假",
            "一、元旦：0月0日放假",
            "一、元旦：12月31日至1月1日至2日放假",
        ] {
            let _ = parse(2026, text);
        }
        for year in [i32::MIN, i32::MAX, -262_143, 262_143, 262_142] {
            let _ = parse(year, "一、元旦：1月1日放假。");
        }
    }
}
