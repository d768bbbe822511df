//! Values as text: the one-line Chinese `Display` of the outputs a clerk reads ([`Finding`], [`FollowUp`],
//! [`Violation`], [`ClueStatus`]), and `FromStr` for the values a service reads from a form, a spreadsheet or a
//! command line ([`Source`], [`Conclusion`], [`Card`], [`Grade`], [`FindingKind`], [`Fen`]).
//!
//! Every `FromStr` here parses what the type's `Display` prints (a property test checks the round trip), plus the
//! other spellings a record commonly uses; anything else is [`Error::Unrecognized`] or [`Error::InvalidAmount`]
//! naming the text. Nothing is trimmed: `" 1.50"` is refused, so a stray space in a cell is seen, not guessed at.
//!
//! Widths (`{:>8}`) count characters, as `std` does: a CJK character counts one, although a terminal draws it two
//! columns wide.

use std::fmt::{self, Write as _};
use std::str::FromStr;

use crate::deadline::{Card, ClueStatus};
use crate::disposition::Violation;
use crate::finding::{Finding, FindingKind};
use crate::follow_up::FollowUp;
use crate::model::{Conclusion, Source};
use crate::scoring::Grade;
use crate::{Error, Fen};

// ── Padding ──────────────────────────────────────────────────────────────────────────────────────────────

/// Writes `s` honouring the formatter's width, fill and alignment, right-aligned by default as numbers are.
/// Precision is ignored: it is not a number of decimals here, and truncating an amount would misstate it.
pub(crate) fn pad_number(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    let len = s.chars().count();
    let Some(width) = f.width().filter(|&w| w > len) else {
        return f.write_str(s);
    };
    let gap = width - len;
    let (before, after) = match f.align() {
        Some(fmt::Alignment::Left) => (0, gap),
        Some(fmt::Alignment::Center) => (gap / 2, gap - gap / 2),
        Some(fmt::Alignment::Right) | None => (gap, 0),
    };
    let fill = f.fill();
    for _ in 0..before {
        f.write_char(fill)?;
    }
    f.write_str(s)?;
    for _ in 0..after {
        f.write_char(fill)?;
    }
    Ok(())
}

/// Writes `args` as `f.pad` writes a string: width, fill, alignment (left by default) and precision (truncation)
/// honoured; formatted straight into `f` when none is given, so the common case allocates nothing.
pub(crate) fn pad_text(f: &mut fmt::Formatter<'_>, args: fmt::Arguments<'_>) -> fmt::Result {
    if f.width().is_none() && f.precision().is_none() {
        f.write_fmt(args)
    } else {
        f.pad(&args.to_string())
    }
}

/// Free text (an id, a county, a note) written on one line: line breaks and tabs become spaces.
struct OneLine<'a>(&'a str);

impl fmt::Display for OneLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            f.write_char(if c.is_control() { ' ' } else { c })?;
        }
        Ok(())
    }
}

// ── Display: one line of Chinese with the official citation ──────────────────────────────────────────────

impl fmt::Display for Finding {
    /// `叶县 线索HN-1 问题2“填报结果弄虚作假”（平人社监察〔2024〕15号 四(一)2），2025-03-08发现，责任人张三：…`
    ///
    /// ```
    /// use wage_arrears::{Finding, FindingKind};
    /// let f = Finding::new("叶县", "HN-1", FindingKind::Falsified, wage_arrears::date(2025, 3, 8)?)
    ///     .with_responsible("张三");
    /// let line = f.to_string();
    /// assert!(line.starts_with("叶县 线索HN-1 问题2“填报结果弄虚作假”（"));
    /// assert!(line.contains(&f.rule.citation().to_string()));
    /// assert!(line.ends_with("2025-03-08发现，责任人张三"));
    /// assert!(!line.contains('\n'));
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} 线索{} 问题{}“{}”（{}），{}发现",
            OneLine(&self.county),
            OneLine(&self.clue_id),
            self.kind.number(),
            self.kind.label_zh(),
            self.rule.citation(),
            self.found_on
        )?;
        if !self.responsible.trim().is_empty() {
            write!(f, "，责任人{}", OneLine(&self.responsible))?;
        }
        if !self.note.trim().is_empty() {
            write!(f, "：{}", OneLine(&self.note))?;
        }
        Ok(())
    }
}

impl fmt::Display for FollowUp {
    /// `PDS-1 结论5复核，2025-04-10前：核处结论为5，2025-03-14办结，须于2025-04-10前完成复核（平人社监察〔2024〕15号 一、三(四)、四(一)）`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}，{}前：{}（{}）",
            OneLine(&self.clue_id),
            self.kind.label_zh(),
            self.due,
            OneLine(&self.note_zh.text()),
            self.rule.citation()
        )
    }
}

impl fmt::Display for Violation {
    /// `联系反映人记录1次，少于3次（平人社监察〔2024〕15号 三(二)）`, and when a spot check would make it a finding,
    /// `，可认定为问题1“未落实首问负责制，未联系当事人”（平人社监察〔2024〕15号 四(一)1）`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}（{}）",
            OneLine(&self.message_zh),
            self.rule.citation()
        )?;
        if let Some(kind) = self.finding {
            write!(
                f,
                "，可认定为问题{}“{}”（{}）",
                kind.number(),
                kind.label_zh(),
                kind.rule().citation()
            )?;
        }
        Ok(())
    }
}

impl fmt::Display for ClueStatus {
    /// `截至2025-04-04 接收：按期完成（时限2025-03-06，平人社监察〔2024〕15号 二(一)）；办理：逾期1天（时限2025-04-03，
    /// 平人社监察〔2024〕15号 二(二)）；黄牌（保定市高效处置农民工欠薪问题若干措施（十二））`, on one line. A clock the
    /// policy does not set reads `无时限`; a clue not yet accepted reads `办理：未接收` (or `未计时` for a source without
    /// an acceptance clock, whose acceptance the status cannot see).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "截至{} 接收：", self.as_of)?;
        match &self.accept {
            Some((d, s)) => write!(f, "{s}（时限{}，{}）", d.due, d.rule.citation())?,
            None => f.write_str("无时限")?,
        }
        f.write_str("；办理：")?;
        match &self.respond {
            Some((d, s)) => write!(f, "{s}（时限{}，{}）", d.due, d.rule.citation())?,
            // Not accepted yet, or the policy sets no response clock for the source.
            None => match &self.accept {
                Some((_, s)) if !s.is_met() => f.write_str("未接收")?,
                Some(_) => f.write_str("无时限")?,
                None => f.write_str("未计时")?,
            },
        }
        match self.card_rule {
            Some(rule) if self.card != Card::None => {
                write!(f, "；{}（{}）", self.card.label_zh(), rule.citation())
            }
            _ => f.write_str("；无红黄牌"),
        }
    }
}

// ── FromStr ──────────────────────────────────────────────────────────────────────────────────────────────

/// The snake_case name a source has in JSON.
pub(crate) const fn source_name(source: Source) -> &'static str {
    match source {
        Source::MohrssColumn => "mohrss_column",
        Source::GovCnMessage => "gov_cn_message",
        Source::StateCouncilInspection => "state_council_inspection",
        Source::MinistersMailbox => "ministers_mailbox",
        Source::HenanMonitoring => "henan_monitoring",
        Source::Hotline12345 => "hotline_12345",
        Source::Hotline12333 => "hotline_12333",
        Source::Petition => "petition",
        Source::OnSite => "on_site",
        Source::QrCode => "qr_code",
    }
}

/// A Chinese name without its quotation marks: `人社部“根治欠薪进行时”专栏` and `人社部根治欠薪进行时专栏` are one name.
fn unquoted(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !matches!(
                c,
                '“' | '”' | '"' | '「' | '」' | '‘' | '’' | '\'' | '《' | '》'
            )
        })
        .collect()
}

impl FromStr for Source {
    type Err = Error;

    /// Parses the snake_case name of JSON (`gov_cn_message`), or the platform's Chinese name with or without its
    /// quotation marks (`人社部根治欠薪进行时专栏`, `人社部“根治欠薪进行时”专栏`, `国务院“互联网+督查”`), or the
    /// short name of tables (`政府网留言`, `12345`).
    ///
    /// ```
    /// use wage_arrears::Source;
    /// assert_eq!("mohrss_column".parse::<Source>()?, Source::MohrssColumn);
    /// assert_eq!("人社部根治欠薪进行时专栏".parse::<Source>()?, Source::MohrssColumn);
    /// assert_eq!("人社部“根治欠薪进行时”专栏".parse::<Source>()?, Source::MohrssColumn);
    /// assert_eq!(Source::QrCode.to_string().parse::<Source>()?, Source::QrCode);
    /// assert!("fax".parse::<Source>().unwrap_err().to_string().contains("`fax`"));
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    fn from_str(s: &str) -> Result<Source, Error> {
        let zh = unquoted(s);
        Source::ALL
            .iter()
            .copied()
            .find(|&x| {
                source_name(x) == s || unquoted(x.label_zh()) == zh || unquoted(x.short_zh()) == zh
            })
            .ok_or_else(|| Error::Unrecognized {
                what: "a clue source (a snake_case name such as gov_cn_message, or a Chinese name such as \
                       中国政府网网民留言)",
                text: s.to_owned(),
            })
    }
}

impl FromStr for Conclusion {
    type Err = Error;

    /// Parses the official code (`5`), the official wording (平人社监察〔2024〕15号 二(二)), or both as `Display`
    /// prints them (`5 协调等非立案方式处理——已支付欠款或达成还款协议`).
    ///
    /// ```
    /// use wage_arrears::Conclusion;
    /// assert_eq!("5".parse::<Conclusion>()?, Conclusion::Coordinated);
    /// assert_eq!("无效线索".parse::<Conclusion>()?, Conclusion::InvalidClue);
    /// assert_eq!(Conclusion::FiledPaid.to_string().parse::<Conclusion>()?, Conclusion::FiledPaid);
    /// assert!("11".parse::<Conclusion>().is_err());
    /// assert!("5 无效线索".parse::<Conclusion>().is_err()); // the code and the wording disagree
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    fn from_str(s: &str) -> Result<Conclusion, Error> {
        let unknown = || Error::Unrecognized {
            what: "a conclusion (an official code 1..=10, or its official wording such as 无效线索)",
            text: s.to_owned(),
        };
        let by_code = |code: &str| -> Result<Conclusion, Error> {
            if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(unknown());
            }
            let n: u8 = code.parse().map_err(|_| unknown())?;
            // The error names the text as given: `11` is the unknown code 11, `011` the unrecognised text `011`.
            Conclusion::try_from(n).map_err(|e| if n.to_string() == code { e } else { unknown() })
        };
        if let Some(c) = Conclusion::ALL.iter().copied().find(|c| c.label_zh() == s) {
            return Ok(c);
        }
        match s.split_once(' ') {
            Some((code, wording)) => match by_code(code) {
                Ok(c) if c.label_zh() == wording => Ok(c),
                _ => Err(unknown()),
            },
            None => by_code(s),
        }
    }
}

impl FromStr for Card {
    type Err = Error;

    /// Parses `无`, `黄牌`, `红牌` (as `Display` prints them) or the JSON names `none`, `yellow`, `red`.
    ///
    /// ```
    /// use wage_arrears::Card;
    /// assert_eq!("红牌".parse::<Card>()?, Card::Red);
    /// assert_eq!("yellow".parse::<Card>()?, Card::Yellow);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    fn from_str(s: &str) -> Result<Card, Error> {
        match s {
            "无" | "none" => Ok(Card::None),
            "黄牌" | "yellow" => Ok(Card::Yellow),
            "红牌" | "red" => Ok(Card::Red),
            _ => Err(Error::Unrecognized {
                what: "a card (无, 黄牌 or 红牌; none, yellow or red)",
                text: s.to_owned(),
            }),
        }
    }
}

impl FromStr for Grade {
    type Err = Error;

    /// Parses `A`, `B`, `C` (as `Display` prints them) or `A级`, `B级`, `C级`.
    ///
    /// ```
    /// use wage_arrears::Grade;
    /// assert_eq!("C级".parse::<Grade>()?, Grade::C);
    /// assert_eq!(Grade::A.to_string().parse::<Grade>()?, Grade::A);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    fn from_str(s: &str) -> Result<Grade, Error> {
        match s.strip_suffix('级').unwrap_or(s) {
            "A" => Ok(Grade::A),
            "B" => Ok(Grade::B),
            "C" => Ok(Grade::C),
            _ => Err(Error::Unrecognized {
                what: "a grade (A, B or C, or A级, B级 or C级)",
                text: s.to_owned(),
            }),
        }
    }
}

impl FromStr for FindingKind {
    type Err = Error;

    /// Parses the number (`4`), the wording of 平人社监察〔2024〕15号 四(一) with or without its closing `的`
    /// (`没有调查核实，滥用无效线索的`), or both as `Display` prints them (`4. 没有调查核实，滥用无效线索`).
    ///
    /// ```
    /// use wage_arrears::FindingKind;
    /// assert_eq!("4".parse::<FindingKind>()?, FindingKind::InvalidWithoutInvestigation);
    /// assert_eq!("部转线索未办结就提交的".parse::<FindingKind>()?, FindingKind::MinistryClueSubmittedOpen);
    /// assert_eq!(FindingKind::Falsified.to_string().parse::<FindingKind>()?, FindingKind::Falsified);
    /// assert!("9".parse::<FindingKind>().is_err());
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    fn from_str(s: &str) -> Result<FindingKind, Error> {
        let unknown = || Error::Unrecognized {
            what: "a finding kind (a number 1..=8, or its wording such as 填报结果弄虚作假)",
            text: s.to_owned(),
        };
        let by_number = |digits: &str| -> Result<FindingKind, Error> {
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(unknown());
            }
            let n: u8 = digits.parse().map_err(|_| unknown())?;
            // The error names the text as given: `9` is the unknown kind 9, `09` the unrecognised text `09`.
            FindingKind::try_from(n).map_err(|e| {
                if n.to_string() == digits {
                    e
                } else {
                    unknown()
                }
            })
        };
        let wording = s.strip_suffix('。').unwrap_or(s);
        let wording = wording.strip_suffix('的').unwrap_or(wording);
        if let Some(k) = FindingKind::ALL
            .iter()
            .copied()
            .find(|k| k.label_zh() == wording)
        {
            return Ok(k);
        }
        match s.split_once(". ") {
            Some((n, wording)) => match by_number(n) {
                Ok(k) if k.label_zh() == wording => Ok(k),
                _ => Err(unknown()),
            },
            None => by_number(s),
        }
    }
}

impl FromStr for Fen {
    type Err = Error;

    /// Parses an amount exact to the fen: yuan with at most two decimals, bare (`1.50`, `36000`), after `¥` or
    /// `￥` (`¥1.50`, as `Display` prints it) or before `元` (`1.50元`); or 万元 with at most six decimals
    /// (`1.5万元`, `3.600001万元`). Anything else — a sign, a space, a thousands separator, a fraction of a fen, an
    /// amount past `u64::MAX` fen — is [`Error::InvalidAmount`] naming the text.
    ///
    /// ```
    /// use wage_arrears::Fen;
    /// assert_eq!("1.50".parse::<Fen>()?, Fen(150));
    /// assert_eq!("¥1.50".parse::<Fen>()?, Fen(150));
    /// assert_eq!("1.50元".parse::<Fen>()?, Fen(150));
    /// assert_eq!("1.5万元".parse::<Fen>()?, Fen::from_yuan(15_000));
    /// assert_eq!(Fen(3_600_001).to_string().parse::<Fen>()?, Fen(3_600_001));
    /// let err = "1.505".parse::<Fen>().unwrap_err().to_string();
    /// assert!(err.starts_with("`1.505` is not an amount of money"), "{err}");
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    fn from_str(s: &str) -> Result<Fen, Error> {
        let bad = |reason| Error::InvalidAmount {
            text: s.to_owned(),
            reason,
        };
        const EXPECTED: &str =
            "expected yuan exact to the fen, such as 1.50, ¥1.50, 1.50元 or 1.5万元";
        // (the number, fen per unit, decimals allowed)
        let (body, per_unit, decimals): (&str, u64, usize) = if let Some(b) = s.strip_suffix("万元")
        {
            (b, 1_000_000, 6)
        } else if let Some(b) = s.strip_suffix('元') {
            (b, 100, 2)
        } else if let Some(b) = s.strip_prefix('¥').or_else(|| s.strip_prefix('￥')) {
            (b, 100, 2)
        } else {
            (s, 100, 2)
        };
        let (int, frac) = match body.split_once('.') {
            Some((_, "")) => return Err(bad(EXPECTED)),
            Some((int, frac)) => (int, frac),
            None => (body, ""),
        };
        if int.is_empty()
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(bad(EXPECTED));
        }
        if frac.len() > decimals {
            return Err(bad(
                "finer than a fen (at most two decimals of yuan, or six of 万元)",
            ));
        }
        let too_large = || bad("more fen than the crate can hold (18446744073709551615)");
        // Each decimal place is worth a tenth of the one before: 10 fen, 1 fen for yuan; 100,000 … 1 fen for 万元.
        let mut fen: u64 = 0;
        let mut place = per_unit;
        for b in frac.bytes() {
            place /= 10;
            fen += u64::from(b - b'0') * place;
        }
        let int = int
            .bytes()
            .try_fold(0u64, |n, b| {
                n.checked_mul(10)?.checked_add(u64::from(b - b'0'))
            })
            .ok_or_else(too_large)?;
        int.checked_mul(per_unit)
            .and_then(|v| v.checked_add(fen))
            .map(Fen)
            .ok_or_else(too_large)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse_in_every_written_form_exactly() {
        for (text, fen) in [
            ("0", 0),
            ("1", 100),
            ("1.5", 150),
            ("1.50", 150),
            ("¥1.50", 150),
            ("￥1.50", 150),
            ("1.50元", 150),
            ("36000元", 3_600_000),
            ("1.5万元", 1_500_000),
            ("3.600001万元", 3_600_001),
            ("0.000001万元", 1),
            ("184467440737095516.15", u64::MAX),
        ] {
            assert_eq!(text.parse::<Fen>(), Ok(Fen(fen)), "{text}");
        }
    }

    #[test]
    fn an_amount_that_is_not_exact_to_the_fen_is_refused_naming_the_text() {
        for text in [
            "",
            ".",
            "1.",
            ".5",
            "1.505",
            "0.0000001万元",
            "-1",
            "+1",
            " 1.50",
            "1.50 ",
            "1,500",
            "¥1.50元",
            "¥1.5万元",
            "1.5万",
            "1e3",
            "一元",
            "184467440737095516.16",
            "99999999999999999999999",
        ] {
            let err = text.parse::<Fen>().unwrap_err();
            assert!(matches!(err, Error::InvalidAmount { .. }), "{text}: {err}");
            assert!(
                err.to_string().starts_with(&format!("`{text}` is not")),
                "{err}"
            );
        }
    }

    #[test]
    fn every_source_parses_from_its_json_name_and_its_chinese_names() {
        for &s in Source::ALL {
            assert_eq!(source_name(s).parse::<Source>(), Ok(s));
            assert_eq!(s.label_zh().parse::<Source>(), Ok(s));
            assert_eq!(s.short_zh().parse::<Source>(), Ok(s));
        }
        assert_eq!(
            "国务院互联网+督查".parse::<Source>(),
            Ok(Source::StateCouncilInspection)
        );
    }

    #[test]
    fn numbers_pad_right_by_default_and_honour_fill_and_alignment() {
        assert_eq!(format!("{:8}", Fen(150)), "   ¥1.50");
        assert_eq!(format!("{:<8}|", Fen(150)), "¥1.50   |");
        assert_eq!(format!("{:*^9}", Fen(150)), "**¥1.50**");
        assert_eq!(format!("{:2}", Fen(150)), "¥1.50");
        assert_eq!(format!("{:.1}", Fen(150)), "¥1.50");
    }
}
