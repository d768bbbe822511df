//! Reading and writing single cells: dates, amounts, yes/no and the coded values, the way clerks type them.
//!
//! Every reader returns the problem in words (Chinese, for the clerk who fixes the cell); the caller adds the
//! sheet, row, column and value.

use chrono::{Days, NaiveDate};

use crate::model::{ContactChannel, HandlingLevel, ProgressKind};
use crate::{Conclusion, Fen, FindingKind, Points, Source};

/// Full-width digits and the punctuation of dates and numbers, as ASCII; spaces at both ends dropped.
pub(crate) fn ascii_digits(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '／' => '/',
            '－' => '-',
            '．' => '.',
            '：' => ':',
            '，' => ',',
            '\u{3000}' => ' ',
            other => other,
        })
        .collect()
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

// ── Dates ───────────────────────────────────────────────────────────────────────────────────────────────────

const DATE_FORMS: &str = "不是日期（可写 2026-11-02、2026/11/2、2026年11月2日 或 Excel 日期）";

/// Reads a date: `2026-11-02`, `2026/11/2`, `2026.11.2`, `2026年11月2日` (a time after it, `2026-11-02 00:00:00`,
/// is allowed and dropped), or an Excel serial date of the 1900 system (`46328`, `46328.5`).
pub(crate) fn date(raw: &str) -> Result<NaiveDate, String> {
    // The form the ledger writes, without the general path's allocations.
    if let Some(d) = iso_date(raw.trim()) {
        return d;
    }
    let s = ascii_digits(raw);
    // A time of day after the date (Excel exports and CSV files often carry `00:00:00`).
    let s = match s.split_once([' ', 'T']) {
        Some((day, time)) if is_time(time.trim()) => day.to_owned(),
        _ => s,
    };
    if let Some(serial) = serial_date(&s)? {
        return Ok(serial);
    }
    let parts: Option<(&str, &str, &str)> = if let Some(rest) = s.strip_suffix(['日', '号']) {
        rest.split_once('年')
            .and_then(|(y, md)| md.split_once('月').map(|(m, d)| (y, m, d)))
    } else {
        ['-', '/', '.'].iter().find_map(|sep| {
            let mut it = s.split(*sep);
            match (it.next(), it.next(), it.next(), it.next()) {
                (Some(y), Some(m), Some(d), None) => Some((y, m, d)),
                _ => None,
            }
        })
    };
    let Some((y, m, d)) = parts else {
        return Err(DATE_FORMS.to_owned());
    };
    let (y, m, d) = (y.trim(), m.trim(), d.trim());
    if y.len() != 4
        || !all_digits(y)
        || !(1..=2).contains(&m.len())
        || !all_digits(m)
        || !(1..=2).contains(&d.len())
        || !all_digits(d)
    {
        return Err(DATE_FORMS.to_owned());
    }
    let (y, m, d): (i32, u32, u32) = match (y.parse(), m.parse(), d.parse()) {
        (Ok(y), Ok(m), Ok(d)) => (y, m, d),
        _ => return Err(DATE_FORMS.to_owned()),
    };
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| "不是有效日期".to_owned())
}

/// `YYYY-MM-DD` exactly, when `s` has that shape.
fn iso_date(s: &str) -> Option<Result<NaiveDate, String>> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, &d| {
            d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0'))
        })
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    Some(
        i32::try_from(y)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
            .ok_or_else(|| "不是有效日期".to_owned()),
    )
}

fn is_time(s: &str) -> bool {
    let mut parts = s.split(':');
    let ok = |p: Option<&str>, max: u32| {
        p.is_some_and(|p| {
            (1..=2).contains(&p.len()) && all_digits(p) && p.parse::<u32>().is_ok_and(|v| v <= max)
        })
    };
    let (h, m) = (parts.next(), parts.next());
    let sec = parts.next();
    let sec_ok = match sec {
        None => true,
        Some(sec) => {
            let whole = sec.split('.').next();
            ok(whole, 59)
        }
    };
    ok(h, 23) && ok(m, 59) && sec_ok && parts.next().is_none()
}

/// The last serial day Excel knows: 9999-12-31.
const LAST_SERIAL: u32 = 2_958_465;

/// An Excel serial date of the 1900 date system, when `s` is a number: day 1 is 1900-01-01, and day 60 is the
/// 1900-02-29 that Excel counts although it never was (Lotus 1-2-3's leap-year bug, kept for compatibility), so
/// from day 61 (1900-03-01) on, day N is 1899-12-30 + N. A fraction is a time of day and is dropped.
pub(crate) fn serial_date(s: &str) -> Result<Option<NaiveDate>, String> {
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    if !all_digits(whole) || !(frac.is_empty() || all_digits(frac)) {
        return Ok(None);
    }
    let n: u32 = match whole.parse() {
        Ok(n) if (1..=LAST_SERIAL).contains(&n) => n,
        _ => return Err("不是有效日期（Excel 日期序号应在 1 到 2958465 之间）".to_owned()),
    };
    if n == 60 {
        return Err("不是有效日期（Excel 日期序号 60 是并不存在的 1900年2月29日）".to_owned());
    }
    let (base, days) = if n < 60 {
        (NaiveDate::from_ymd_opt(1899, 12, 31), n)
    } else {
        (NaiveDate::from_ymd_opt(1899, 12, 30), n)
    };
    base.and_then(|b| b.checked_add_days(Days::new(u64::from(days))))
        .map(Some)
        .ok_or_else(|| "不是有效日期".to_owned())
}

/// The Excel serial number of a date (1900 system), when Excel can show it (1900-03-01 to 9999-12-31).
pub fn excel_serial(date: NaiveDate) -> Option<u32> {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let n = u32::try_from((date - base).num_days()).ok()?;
    (61..=LAST_SERIAL).contains(&n).then_some(n)
}

/// Several dates in one cell.
pub(crate) fn dates(raw: &str) -> Result<Vec<NaiveDate>, String> {
    let s = ascii_digits(raw);
    let mut out = Vec::new();
    let mut bad = Vec::new();
    for part in s
        .split(['、', ',', ';', '；', '\n', '\r', ' ', '\t'])
        .filter(|p| !p.trim().is_empty())
    {
        match date(part) {
            Ok(d) => out.push(d),
            Err(_) => bad.push(format!("“{part}”")),
        }
    }
    if bad.is_empty() {
        Ok(out)
    } else {
        Err(format!(
            "中的 {} 不是有效日期（多个日期用“、”分隔，每个写成 2026-11-02、2026/11/2 或 2026年11月2日）",
            bad.join("、")
        ))
    }
}

/// Several dates, as the ledger writes them.
pub(crate) fn dates_text(days: &[NaiveDate]) -> String {
    days.iter()
        .map(NaiveDate::to_string)
        .collect::<Vec<_>>()
        .join("、")
}

// ── Numbers ─────────────────────────────────────────────────────────────────────────────────────────────────

const YUAN_FORMS: &str = "不是金额（以元为单位，最多两位小数，如 12500、12,500.50、1.5万元）";

/// Reads an amount in 元 (at most two decimals) or 万元 (at most six), exact to the fen: `12500`, `12,500.50`,
/// `¥12500元`, `1.5万元`, `1.5万`.
pub(crate) fn yuan(raw: &str) -> Result<Fen, String> {
    let s = if raw.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        raw.to_owned()
    } else {
        ascii_digits(raw).replace([',', ' '], "")
    };
    let s = s.trim_start_matches(['¥', '￥']);
    let s = s.strip_suffix("人民币").unwrap_or(s);
    let s = s.strip_suffix('元').unwrap_or(s);
    let (s, decimals, scale): (&str, usize, u64) = match s.strip_suffix('万') {
        Some(rest) => (rest, 6, 1_000_000),
        None => (s, 2, 100),
    };
    if s.starts_with('-') {
        return Err("金额不能为负".to_owned());
    }
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if !all_digits(int) || !(frac.is_empty() || all_digits(frac)) || s.ends_with('.') {
        return Err(YUAN_FORMS.to_owned());
    }
    let frac = frac.trim_end_matches('0');
    if frac.len() > decimals {
        return Err(if scale == 100 {
            "金额最多两位小数（精确到分）".to_owned()
        } else {
            "以万元为单位时最多六位小数（精确到分）".to_owned()
        });
    }
    let too_big = || "金额过大".to_owned();
    let int: u64 = int.parse().map_err(|_| too_big())?;
    let mut fen_frac: u64 = 0;
    let mut unit = scale / 10;
    for b in frac.bytes() {
        fen_frac += u64::from(b - b'0') * unit;
        unit /= 10;
    }
    int.checked_mul(scale)
        .and_then(|v| v.checked_add(fen_frac))
        .map(Fen)
        .ok_or_else(too_big)
}

/// An amount as the ledger writes it: yuan with two decimals (`12500.00`).
pub(crate) fn yuan_text(f: Fen) -> String {
    format!("{}.{:02}", f.0 / 100, f.0 % 100)
}

/// Reads a whole number (`12`, `12人`, `12.0` as a spreadsheet stores it).
pub(crate) fn count(raw: &str) -> Result<u32, String> {
    let s = ascii_digits(raw).replace(',', "");
    let s = s.strip_suffix('人').unwrap_or(&s);
    let s = s.strip_suffix(".0").unwrap_or(s);
    if !all_digits(s) {
        return Err("不是整数（如 12）".to_owned());
    }
    s.parse().map_err(|_| "数值过大".to_owned())
}

/// Reads a score (`100`, `87.4`).
pub(crate) fn points(raw: &str) -> Result<Points, String> {
    ascii_digits(raw)
        .trim_end_matches('分')
        .parse::<Points>()
        .map_err(|_| "不是分数（如 100 或 87.4，最多三位小数）".to_owned())
}

/// Reads a year (`2025`, `2025年`, `2025年度`).
pub(crate) fn year(raw: &str) -> Result<i32, String> {
    let s = ascii_digits(raw);
    let s = s
        .strip_suffix("年度")
        .or_else(|| s.strip_suffix('年'))
        .unwrap_or(&s);
    let s = s.strip_suffix(".0").unwrap_or(s);
    if s.len() != 4 || !all_digits(s) {
        return Err("不是年份（如 2025）".to_owned());
    }
    s.parse().map_err(|_| "不是年份（如 2025）".to_owned())
}

/// Reads 是 or 否.
pub(crate) fn yes_no(raw: &str) -> Result<bool, String> {
    match raw {
        "是" => return Ok(true),
        "否" => return Ok(false),
        _ => {}
    }
    match ascii_digits(raw).to_ascii_lowercase().as_str() {
        "是" | "y" | "yes" | "true" | "1" | "√" | "✓" | "✔" | "有" => Ok(true),
        "否" | "n" | "no" | "false" | "0" | "×" | "✗" | "✘" | "无" => Ok(false),
        _ => Err("应填“是”或“否”".to_owned()),
    }
}

/// 是 or 否.
pub(crate) fn yes_no_text(b: bool) -> &'static str {
    if b { "是" } else { "否" }
}

// ── Coded values ────────────────────────────────────────────────────────────────────────────────────────────

/// A label reduced to what tells it apart: no spaces, quotation marks, dashes or punctuation; ASCII lowercase.
fn essence(s: &str) -> String {
    ascii_digits(s)
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '“' | '”'
                        | '"'
                        | '\''
                        | '‘'
                        | '’'
                        | '「'
                        | '」'
                        | '《'
                        | '》'
                        | '—'
                        | '-'
                        | '–'
                        | '，'
                        | ','
                        | '、'
                        | '。'
                        | '.'
                        | '：'
                        | ':'
                        | '；'
                        | ';'
                        | '('
                        | ')'
                        | '（'
                        | '）'
                        | '_'
                )
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Other names clerks and platforms use for a source.
fn source_aliases(s: Source) -> &'static [&'static str] {
    match s {
        Source::MohrssColumn => &[
            "人社部根治欠薪进行时",
            "根治欠薪进行时专栏",
            "根治欠薪进行时",
        ],
        Source::GovCnMessage => &["国务院客户端", "中国政府网"],
        Source::StateCouncilInspection => &["互联网+督查", "国务院互联网+督查"],
        Source::MinistersMailbox => &["人社部部长信箱"],
        Source::HenanMonitoring => &["河南省农民工工资支付监管平台", "河南监管系统"],
        Source::Hotline12345 => &["12345", "12345政务服务便民热线"],
        Source::Hotline12333 => &["12333", "12333人社服务热线"],
        Source::Petition => &["来信来访"],
        Source::OnSite => &["现场接访", "现场投诉", "来访"],
        Source::QrCode => &["二维码", "扫码投诉"],
    }
}

/// Reads a source: the platform's Chinese name (with or without quotation marks), the short name, or the crate's
/// snake_case name.
pub(crate) fn source(raw: &str) -> Result<Source, String> {
    if let Some(&s) = Source::ALL.iter().find(|s| s.label_zh() == raw) {
        return Ok(s);
    }
    let e = essence(raw);
    for &s in Source::ALL {
        let names = [s.label_zh(), s.short_zh(), crate::text::source_name(s)];
        if names
            .iter()
            .chain(source_aliases(s))
            .any(|n| essence(n) == e)
        {
            return Ok(s);
        }
    }
    Err(format!(
        "不是线索来源（可填：{}）",
        Source::ALL
            .iter()
            .map(|s| s.label_zh())
            .collect::<Vec<_>>()
            .join("、")
    ))
}

/// The snake_case name of a conclusion (its Rust variant).
const fn conclusion_code(c: Conclusion) -> &'static str {
    match c {
        Conclusion::FiledPaid => "filed_paid",
        Conclusion::FiledEnforcement => "filed_enforcement",
        Conclusion::FiledPolice => "filed_police",
        Conclusion::FiledEnforcementAndPolice => "filed_enforcement_and_police",
        Conclusion::Coordinated => "coordinated",
        Conclusion::Arbitration => "arbitration",
        Conclusion::Litigation => "litigation",
        Conclusion::EnforcementDifficulty => "enforcement_difficulty",
        Conclusion::NoArrears => "no_arrears",
        Conclusion::InvalidClue => "invalid_clue",
    }
}

/// A conclusion as the ledger writes it: `5 协调等非立案方式处理——已支付欠款或达成还款协议`.
pub(crate) fn conclusion_text(c: Conclusion) -> String {
    format!("{} {}", c.code(), c.label_zh())
}

/// A leading number and the rest: `"5 协调…"` → `(Some(5), "协调…")`; `"结论5"`, `"第6类"` also read.
fn leading_code(s: &str) -> (Option<u32>, String) {
    let s = ascii_digits(s);
    let t = s.trim_start_matches(['第', ' ']).trim_start_matches("结论");
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 3 {
        return (None, s);
    }
    let rest = t[digits.len()..]
        .trim_start_matches(['类', '.', '、', ' ', ':', '：', '号'])
        .to_owned();
    (digits.parse().ok(), rest)
}

fn coded<T: Copy>(
    raw: &str,
    all: &[T],
    number: impl Fn(T) -> u32,
    label: impl Fn(T) -> &'static str,
    code: impl Fn(T) -> &'static str,
    what: &str,
    range: &str,
) -> Result<T, String> {
    let (n, rest) = leading_code(raw);
    let by_label = |text: &str| {
        let e = essence(text);
        all.iter()
            .copied()
            .find(|&t| essence(label(t)) == e || essence(code(t)) == e)
    };
    match n {
        Some(n) => {
            let Some(t) = all.iter().copied().find(|&t| number(t) == n) else {
                return Err(format!("不是{what}（代码应为 {range}）"));
            };
            if essence(&rest).is_empty() || by_label(&rest).is_some_and(|u| number(u) == n) {
                Ok(t)
            } else {
                Err(format!("的代码 {n} 与文字不符（{n} 是“{}”）", label(t)))
            }
        }
        None => by_label(raw).ok_or_else(|| format!("不是{what}（填代码 {range}，或{what}原文）")),
    }
}

/// Reads a conclusion: `5`, `结论5`, its official wording, or both (`5 协调等非立案方式处理——已支付欠款或达成还款协议`).
pub(crate) fn conclusion(raw: &str) -> Result<Conclusion, String> {
    // The form the ledger writes: `5 协调等非立案方式处理——…`.
    if let Some((code, label)) = raw.split_once(' ')
        && let Ok(code) = code.parse::<u8>()
        && let Ok(c) = Conclusion::try_from(code)
        && c.label_zh() == label
    {
        return Ok(c);
    }
    coded(
        raw,
        &Conclusion::ALL,
        |c| u32::from(c.code()),
        Conclusion::label_zh,
        conclusion_code,
        "核处结论",
        "1–10",
    )
}

const fn finding_kind_code(k: FindingKind) -> &'static str {
    match k {
        FindingKind::NoFirstContact => "no_first_contact",
        FindingKind::Falsified => "falsified",
        FindingKind::AgreementNotFollowedUp => "agreement_not_followed_up",
        FindingKind::InvalidWithoutInvestigation => "invalid_without_investigation",
        FindingKind::MinistryClueSubmittedOpen => "ministry_clue_submitted_open",
        FindingKind::FormatNotCorrected => "format_not_corrected",
        FindingKind::ResubmittedUnrevised => "resubmitted_unrevised",
        FindingKind::NotFiledInTime => "not_filed_in_time",
    }
}

/// A finding kind as the ledger writes it: `6 填报格式不规范，经提醒仍不改正`.
pub(crate) fn finding_kind_text(k: FindingKind) -> String {
    format!("{} {}", k.number(), k.label_zh())
}

/// Reads a finding kind: `6`, `6类`, `第6类`, its wording, or both.
pub(crate) fn finding_kind(raw: &str) -> Result<FindingKind, String> {
    if let Some((n, label)) = raw.split_once(' ')
        && let Ok(n) = n.parse::<u8>()
        && let Ok(k) = FindingKind::try_from(n)
        && k.label_zh() == label
    {
        return Ok(k);
    }
    coded(
        raw,
        FindingKind::ALL,
        |k| u32::from(k.number()),
        FindingKind::label_zh,
        finding_kind_code,
        "问题类别",
        "1–8",
    )
}

/// Reads a 统一社会信用代码 (GB 32100-2015).
pub(crate) fn credit_code(raw: &str) -> Result<crate::CreditCode, String> {
    ascii_digits(raw)
        .to_ascii_uppercase()
        .parse::<crate::CreditCode>()
        .map_err(|e| match e {
            crate::Error::InvalidCreditCode { reason, .. } => {
                format!("不是有效的统一社会信用代码（{reason}）")
            }
            other => format!("不是有效的统一社会信用代码（{other}）"),
        })
}

/// Reads 县级 or 市级.
pub(crate) fn handling_level(raw: &str) -> Result<HandlingLevel, String> {
    match raw {
        "县级" => return Ok(HandlingLevel::County),
        "市级" => return Ok(HandlingLevel::City),
        _ => {}
    }
    match essence(raw).as_str() {
        "县级" | "县" | "县区" | "county" => Ok(HandlingLevel::County),
        "市级" | "市" | "市本级" | "city" => Ok(HandlingLevel::City),
        _ => Err("应填“县级”或“市级”".to_owned()),
    }
}

/// 县级 or 市级.
pub(crate) const fn handling_level_text(l: HandlingLevel) -> &'static str {
    match l {
        HandlingLevel::County => "县级",
        HandlingLevel::City => "市级",
    }
}

/// The contact channels and the labels the ledger writes.
pub(crate) const CHANNELS: [(ContactChannel, &str); 3] = [
    (ContactChannel::Phone, "电话"),
    (ContactChannel::Message, "短信、微信"),
    (ContactChannel::InPerson, "面谈、上门"),
];

/// Reads a contact channel.
pub(crate) fn channel(raw: &str) -> Result<ContactChannel, String> {
    if let Some((c, _)) = CHANNELS.iter().find(|(_, l)| *l == raw) {
        return Ok(*c);
    }
    match essence(raw).as_str() {
        "电话" | "手机" | "phone" => Ok(ContactChannel::Phone),
        "短信微信" | "短信" | "微信" | "信息" | "message" => Ok(ContactChannel::Message),
        "面谈上门" | "面谈" | "上门" | "当面" | "现场" | "inperson" | "in_person" => {
            Ok(ContactChannel::InPerson)
        }
        _ => Err("应填“电话”“短信、微信”或“面谈、上门”".to_owned()),
    }
}

/// The label of a contact channel.
pub(crate) fn channel_text(c: ContactChannel) -> &'static str {
    CHANNELS
        .iter()
        .find(|(k, _)| *k == c)
        .map_or("电话", |(_, l)| l)
}

/// The progress kinds and the labels the ledger writes.
pub(crate) const PROGRESS_KINDS: [(ProgressKind, &str); 2] = [
    (ProgressKind::Note, "工作记录"),
    (ProgressKind::Feedback, "进度反馈"),
];

/// Reads a progress kind.
pub(crate) fn progress_kind(raw: &str) -> Result<ProgressKind, String> {
    if let Some((k, _)) = PROGRESS_KINDS.iter().find(|(_, l)| *l == raw) {
        return Ok(*k);
    }
    match essence(raw).as_str() {
        "工作记录" | "记录" | "note" => Ok(ProgressKind::Note),
        "进度反馈" | "反馈" | "feedback" => Ok(ProgressKind::Feedback),
        _ => Err("应填“工作记录”或“进度反馈”".to_owned()),
    }
}

/// The label of a progress kind.
pub(crate) fn progress_kind_text(k: ProgressKind) -> &'static str {
    PROGRESS_KINDS
        .iter()
        .find(|(p, _)| *p == k)
        .map_or("工作记录", |(_, l)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn every_date_form_a_clerk_types_reads_as_the_same_day() {
        for s in [
            "2026-11-02",
            "2026/11/2",
            "2026年11月2日",
            "2026.11.2",
            " 2026-11-2 ",
            "２０２６年１１月２日",
            "2026-11-02 00:00:00",
            "2026/11/2 8:30",
            "46328",
            "46328.0",
            "46328.75",
        ] {
            assert_eq!(date(s), Ok(d(2026, 11, 2)), "{s}");
        }
    }

    #[test]
    fn impossible_dates_are_refused_in_words() {
        assert_eq!(date("2026-02-30").unwrap_err(), "不是有效日期");
        assert_eq!(date("2026年2月30日").unwrap_err(), "不是有效日期");
        for s in [
            "26-11-02",
            "2026-11",
            "二〇二六年",
            "11/02/2026",
            "2026-11-02 25:00",
            "abc",
        ] {
            assert!(date(s).unwrap_err().starts_with("不是日期"), "{s}");
        }
    }

    #[test]
    fn excel_serial_dates_follow_the_1900_system_with_its_leap_year_bug() {
        assert_eq!(date("1"), Ok(d(1900, 1, 1)));
        assert_eq!(date("59"), Ok(d(1900, 2, 28)));
        assert!(date("60").unwrap_err().contains("1900年2月29日"));
        assert_eq!(date("61"), Ok(d(1900, 3, 1)));
        assert_eq!(date("45658"), Ok(d(2025, 1, 1)));
        assert_eq!(date("2958465"), Ok(d(9999, 12, 31)));
        assert!(date("0").is_err());
        assert!(date("2958466").is_err());
        assert_eq!(excel_serial(d(2025, 1, 1)), Some(45658));
        assert_eq!(excel_serial(d(1900, 3, 1)), Some(61));
        assert_eq!(excel_serial(d(1900, 2, 28)), None);
    }

    #[test]
    fn amounts_read_exactly_to_the_fen() {
        assert_eq!(yuan("12500"), Ok(Fen(1_250_000)));
        assert_eq!(yuan("12,500.50"), Ok(Fen(1_250_050)));
        assert_eq!(yuan("¥12500元"), Ok(Fen(1_250_000)));
        assert_eq!(yuan("0.01"), Ok(Fen(1)));
        assert_eq!(yuan("1.5万元"), Ok(Fen(1_500_000)));
        assert_eq!(yuan("1.5万"), Ok(Fen(1_500_000)));
        assert_eq!(yuan("1.234567万元"), Ok(Fen(1_234_567)));
        assert_eq!(
            yuan("1.2345678万元"),
            Err("以万元为单位时最多六位小数（精确到分）".to_owned())
        );
        assert_eq!(yuan("0.000001万元"), Ok(Fen(1)));
        assert_eq!(
            yuan("12.345"),
            Err("金额最多两位小数（精确到分）".to_owned())
        );
        assert_eq!(yuan("12.3400"), Ok(Fen(1_234)));
        assert_eq!(yuan("-5"), Err("金额不能为负".to_owned()));
        assert!(yuan("1e5").is_err());
        assert!(yuan("12.").is_err());
        assert!(yuan("").is_err());
        assert_eq!(yuan("184467440737095516.15"), Ok(Fen(u64::MAX)));
        assert_eq!(yuan("184467440737095516.16"), Err("金额过大".to_owned()));
        assert_eq!(yuan_text(Fen(1_250_050)), "12500.50");
    }

    #[test]
    fn sources_read_from_the_platform_label_the_short_name_or_the_snake_case_name() {
        for &s in Source::ALL {
            assert_eq!(source(s.label_zh()), Ok(s));
            assert_eq!(source(s.short_zh()), Ok(s));
            assert_eq!(source(crate::text::source_name(s)), Ok(s));
        }
        assert_eq!(
            source("人社部“根治欠薪进行时”专栏"),
            Ok(Source::MohrssColumn)
        );
        assert_eq!(
            source("国务院\"互联网+督查\""),
            Ok(Source::StateCouncilInspection)
        );
        assert!(
            source("传真")
                .unwrap_err()
                .contains("人社部根治欠薪进行时专栏")
        );
    }

    #[test]
    fn conclusions_read_from_code_wording_or_both_and_a_mismatch_is_refused() {
        for c in Conclusion::ALL {
            assert_eq!(conclusion(&c.code().to_string()), Ok(c));
            assert_eq!(conclusion(c.label_zh()), Ok(c));
            assert_eq!(conclusion(&conclusion_text(c)), Ok(c));
            assert_eq!(conclusion(&c.to_string()), Ok(c));
            assert_eq!(conclusion(conclusion_code(c)), Ok(c));
        }
        assert_eq!(conclusion("结论5"), Ok(Conclusion::Coordinated));
        assert_eq!(conclusion("５"), Ok(Conclusion::Coordinated));
        assert!(conclusion("11").unwrap_err().contains("1–10"));
        assert!(
            conclusion("5 无效线索")
                .unwrap_err()
                .contains("代码 5 与文字不符")
        );
        assert!(conclusion("立案处理").is_err());
    }

    #[test]
    fn finding_kinds_read_from_number_wording_or_both() {
        for &k in FindingKind::ALL {
            assert_eq!(finding_kind(&k.number().to_string()), Ok(k));
            assert_eq!(finding_kind(&format!("{}类", k.number())), Ok(k));
            assert_eq!(finding_kind(&format!("第{}类", k.number())), Ok(k));
            assert_eq!(finding_kind(k.label_zh()), Ok(k));
            assert_eq!(finding_kind(&k.to_string()), Ok(k));
            assert_eq!(finding_kind(&finding_kind_text(k)), Ok(k));
        }
        assert!(finding_kind("9").is_err());
    }

    #[test]
    fn yes_no_counts_and_years() {
        for s in ["是", "Y", "yes", "TRUE", "1", "√"] {
            assert_eq!(yes_no(s), Ok(true), "{s}");
        }
        for s in ["否", "n", "No", "false", "0", "×"] {
            assert_eq!(yes_no(s), Ok(false), "{s}");
        }
        assert!(yes_no("也许").is_err());
        assert_eq!(count("12人"), Ok(12));
        assert_eq!(count("12.0"), Ok(12));
        assert!(count("1.5").is_err());
        assert!(count("-3").is_err());
        assert_eq!(year("2025年度"), Ok(2025));
        assert!(year("25").is_err());
        assert_eq!(
            points("87.4"),
            "87.4".parse::<Points>().map_err(|e| e.to_string())
        );
    }

    #[test]
    fn several_dates_in_one_cell() {
        assert_eq!(
            dates("2025-03-04、2025/4/2；2025年5月1日"),
            Ok(vec![d(2025, 3, 4), d(2025, 4, 2), d(2025, 5, 1)])
        );
        assert_eq!(dates(""), Ok(vec![]));
        assert!(
            dates("2025-03-04、2025-02-30")
                .unwrap_err()
                .contains("“2025-02-30”")
        );
        assert_eq!(
            dates_text(&[d(2025, 3, 4), d(2025, 4, 2)]),
            "2025-03-04、2025-04-02"
        );
    }
}
