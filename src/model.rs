//! The clue (欠薪线索) and everything recorded about it.
//!
//! All types read and write snake_case JSON with ISO dates (`"2025-01-24"`) and money in fen.
//!
//! # What serde rejects and what validation flags
//!
//! Reading JSON rejects what cannot be a clue at all; read through [`crate::deserialize`] to get the path of the
//! offending field in the error (`clues[3].conclusion: conclusion code 11 is not one of …`):
//! - an unknown source, conclusion code or field (`conclusion: 11`, `source: "fax"`, a misspelt key);
//! - an impossible date (`2026-02-30`);
//! - a negative or fractional amount of money;
//! - a clue accepted before it was registered, or closed before it was registered.
//!
//! Everything else that can be recorded but is wrong (too few contacts, a missing record for the conclusion, a
//! paid amount above the amount owed, contacts dated before registration, …) is a clue a clerk can hold and must
//! be told about: [`validate`](crate::disposition::validate) flags it, with the rule and clause.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use crate::employer::Employer;
use crate::{Error, Fen};

mod build;

/// Where a clue came from (线索来源). Each source has its own clocks in [`Policy`](crate::Policy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Source {
    /// 人社部“根治欠薪进行时”专栏 (平人社监察〔2024〕15号 二(一)).
    MohrssColumn,
    /// 中国政府网网民留言.
    GovCnMessage,
    /// 国务院“互联网+督查”.
    StateCouncilInspection,
    /// 部长信箱.
    MinistersMailbox,
    /// 河南省农民工工资支付监管系统 (平人社监察〔2024〕15号 四(三)).
    HenanMonitoring,
    /// 12345 政务服务便民热线 (保定市高效处置农民工欠薪问题若干措施（二）).
    #[serde(rename = "hotline_12345")]
    Hotline12345,
    /// 12333 人社服务热线 (平人社字〔2022〕2号 三(五)).
    #[serde(rename = "hotline_12333")]
    Hotline12333,
    /// 信访 (petition letters and visits).
    Petition,
    /// 现场接访 (on-site reception).
    OnSite,
    /// 欠薪投诉二维码 (QR-code complaint, 保定市高效处置农民工欠薪问题若干措施（二）).
    QrCode,
}

impl Source {
    /// Every source, in order.
    pub const ALL: &'static [Source] = &[
        Source::MohrssColumn,
        Source::GovCnMessage,
        Source::StateCouncilInspection,
        Source::MinistersMailbox,
        Source::HenanMonitoring,
        Source::Hotline12345,
        Source::Hotline12333,
        Source::Petition,
        Source::OnSite,
        Source::QrCode,
    ];

    /// The source's Chinese name.
    pub const fn label_zh(self) -> &'static str {
        match self {
            Source::MohrssColumn => "人社部根治欠薪进行时专栏",
            Source::GovCnMessage => "中国政府网网民留言",
            Source::StateCouncilInspection => "国务院“互联网+督查”",
            Source::MinistersMailbox => "部长信箱",
            Source::HenanMonitoring => "河南省农民工工资支付监管系统",
            Source::Hotline12345 => "12345热线",
            Source::Hotline12333 => "12333热线",
            Source::Petition => "信访",
            Source::OnSite => "现场接访",
            Source::QrCode => "欠薪投诉二维码",
        }
    }

    /// A short Chinese name for tables.
    pub const fn short_zh(self) -> &'static str {
        match self {
            Source::MohrssColumn => "人社部专栏",
            Source::GovCnMessage => "政府网留言",
            Source::StateCouncilInspection => "互联网+督查",
            Source::MinistersMailbox => "部长信箱",
            Source::HenanMonitoring => "河南监管系统",
            Source::Hotline12345 => "12345",
            Source::Hotline12333 => "12333",
            Source::Petition => "信访",
            Source::OnSite => "现场接访",
            Source::QrCode => "二维码",
        }
    }

    /// The source's English name.
    pub const fn label_en(self) -> &'static str {
        match self {
            Source::MohrssColumn => "MOHRSS column",
            Source::GovCnMessage => "gov.cn message",
            Source::StateCouncilInspection => "State Council inspection",
            Source::MinistersMailbox => "minister's mailbox",
            Source::HenanMonitoring => "Henan monitoring system",
            Source::Hotline12345 => "12345 hotline",
            Source::Hotline12333 => "12333 hotline",
            Source::Petition => "petition",
            Source::OnSite => "on-site reception",
            Source::QrCode => "QR code",
        }
    }

    /// Whether the source is one of the "other channels" whose clocks the policy documents leave to the policy.
    pub const fn is_other_channel(self) -> bool {
        matches!(
            self,
            Source::Hotline12345
                | Source::Hotline12333
                | Source::Petition
                | Source::OnSite
                | Source::QrCode
        )
    }
}

impl fmt::Display for Source {
    /// The Chinese name; width, fill and alignment are honoured (`{:<12}`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.label_zh())
    }
}

/// The official handling conclusions (核处结论, 平人社监察〔2024〕15号 二(二)), serialised as their integer code 1–10.
///
/// ```
/// use wage_arrears::Conclusion;
/// let c = Conclusion::try_from(5)?;
/// assert_eq!(c, Conclusion::Coordinated);
/// assert_eq!(c.code(), 5);
/// assert!(c.label_zh().starts_with("协调等非立案方式处理"));
/// assert!(Conclusion::try_from(11).is_err());
/// # Ok::<(), wage_arrears::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
#[repr(u8)]
pub enum Conclusion {
    /// 1 立案处理——经核实存在欠薪，已支付完毕.
    FiledPaid = 1,
    /// 2 立案处理——尚未支付，准备或已申请法院强制执行.
    FiledEnforcement = 2,
    /// 3 立案处理——尚未支付，涉嫌犯罪，已移送公安机关.
    FiledPolice = 3,
    /// 4 立案处理——尚未支付，准备或已申请法院强制执行，并涉嫌犯罪，已移送公安机关.
    FiledEnforcementAndPolice = 4,
    /// 5 协调等非立案方式处理——已支付欠款或达成还款协议.
    Coordinated = 5,
    /// 6 应当或者已经通过劳动争议仲裁解决，已告知反映人.
    Arbitration = 6,
    /// 7 应当或者已经提起诉讼的，已告知反映人.
    Litigation = 7,
    /// 8 仲裁裁决、司法判决和有关申请强制执行的“执行难”问题.
    EnforcementDifficulty = 8,
    /// 9 经核实不存在欠薪情况.
    NoArrears = 9,
    /// 10 无效线索.
    InvalidClue = 10,
}

impl Conclusion {
    /// Every conclusion, by code.
    pub const ALL: [Conclusion; 10] = [
        Conclusion::FiledPaid,
        Conclusion::FiledEnforcement,
        Conclusion::FiledPolice,
        Conclusion::FiledEnforcementAndPolice,
        Conclusion::Coordinated,
        Conclusion::Arbitration,
        Conclusion::Litigation,
        Conclusion::EnforcementDifficulty,
        Conclusion::NoArrears,
        Conclusion::InvalidClue,
    ];

    /// The official code, 1–10.
    pub const fn code(self) -> u8 {
        self as u8
    }

    /// Whether the conclusion is one of the four 立案处理 codes (1–4).
    pub const fn is_filed(self) -> bool {
        matches!(
            self,
            Conclusion::FiledPaid
                | Conclusion::FiledEnforcement
                | Conclusion::FiledPolice
                | Conclusion::FiledEnforcementAndPolice
        )
    }

    /// The official wording (平人社监察〔2024〕15号 二(二)).
    pub const fn label_zh(self) -> &'static str {
        match self {
            Conclusion::FiledPaid => "立案处理——经核实存在欠薪，已支付完毕",
            Conclusion::FiledEnforcement => {
                "立案处理——经核实存在欠薪，尚未支付，准备或已申请法院强制执行"
            }
            Conclusion::FiledPolice => {
                "立案处理——经核实存在欠薪，尚未支付，涉嫌犯罪，已移送公安机关"
            }
            Conclusion::FiledEnforcementAndPolice => {
                "立案处理——经核实存在欠薪，尚未支付，准备或已申请法院强制执行，并涉嫌犯罪，已移送公安机关"
            }
            Conclusion::Coordinated => "协调等非立案方式处理——已支付欠款或达成还款协议",
            Conclusion::Arbitration => "应当或者已经通过劳动争议仲裁解决，已告知反映人",
            Conclusion::Litigation => "应当或者已经提起诉讼的，已告知反映人",
            Conclusion::EnforcementDifficulty => {
                "仲裁裁决、司法判决和有关申请强制执行的“执行难”问题"
            }
            Conclusion::NoArrears => "经核实不存在欠薪情况",
            Conclusion::InvalidClue => "无效线索",
        }
    }

    /// An English rendering.
    pub const fn label_en(self) -> &'static str {
        match self {
            Conclusion::FiledPaid => "case filed: arrears verified and fully paid",
            Conclusion::FiledEnforcement => {
                "case filed: unpaid, court enforcement applied for or being prepared"
            }
            Conclusion::FiledPolice => {
                "case filed: unpaid, suspected crime transferred to the police"
            }
            Conclusion::FiledEnforcementAndPolice => {
                "case filed: unpaid, court enforcement and police transfer"
            }
            Conclusion::Coordinated => {
                "handled without filing: paid, or a repayment agreement reached"
            }
            Conclusion::Arbitration => "labour arbitration: reporter informed",
            Conclusion::Litigation => "litigation: reporter informed",
            Conclusion::EnforcementDifficulty => "difficulty enforcing an award or judgment",
            Conclusion::NoArrears => "no arrears found after verification",
            Conclusion::InvalidClue => "invalid clue",
        }
    }
}

impl TryFrom<u8> for Conclusion {
    type Error = Error;

    fn try_from(code: u8) -> Result<Conclusion, Error> {
        usize::from(code)
            .checked_sub(1)
            .and_then(|i| Conclusion::ALL.get(i))
            .copied()
            .ok_or(Error::UnknownConclusion(code))
    }
}

impl From<Conclusion> for u8 {
    fn from(c: Conclusion) -> u8 {
        c.code()
    }
}

impl fmt::Display for Conclusion {
    /// The code and the official wording, `5 协调等非立案方式处理——已支付欠款或达成还款协议`; width, fill and
    /// alignment are honoured.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::text::pad_text(f, format_args!("{} {}", self.code(), self.label_zh()))
    }
}

/// Which level handles the clue (平人社监察〔2024〕15号 二(二)(三)): the county, or the city directly (also after escalation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HandlingLevel {
    /// 县级人社部门.
    #[default]
    County,
    /// 市级直接办理.
    City,
}

/// How a contact with the reporter was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ContactChannel {
    /// 电话.
    #[default]
    Phone,
    /// 短信、微信等文字消息.
    Message,
    /// 面谈、上门.
    InPerson,
}

/// One recorded contact with the reporter (联系反映人, 平人社监察〔2024〕15号 三(二)).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The day of the contact.
    pub on: NaiveDate,
    /// How it was made.
    #[serde(default)]
    pub channel: ContactChannel,
    /// Whether the reporter was reached.
    #[serde(default = "yes")]
    pub reached: bool,
    /// What was said (the record).
    #[serde(default)]
    pub note: String,
}

fn yes() -> bool {
    true
}

/// What a progress record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProgressKind {
    /// An internal note of work done (调查、协调、约谈用人单位…).
    #[default]
    Note,
    /// A progress feedback filed on the platform (进度反馈, 平人社监察〔2024〕15号 二(二)).
    Feedback,
}

/// A dated record of progress on the clue.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// The day.
    pub on: NaiveDate,
    /// Note or platform feedback.
    #[serde(default)]
    pub kind: ProgressKind,
    /// What was done.
    #[serde(default)]
    pub note: String,
}

/// The verification of the facts (调查核实).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Investigation {
    /// The day the investigation was recorded as done.
    pub on: NaiveDate,
    /// Whether arrears were verified (经核实存在欠薪).
    pub arrears_verified: bool,
    /// Whether the employer refuses to pay (拒不支付 / 拒不履行).
    #[serde(default)]
    pub employer_refuses: bool,
    /// The investigation record (调查笔录 / 核查记录): its reference or summary.
    #[serde(default)]
    pub record: String,
}

/// A payment of the arrears.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payment {
    /// The day the payment was completed.
    pub on: NaiveDate,
    /// The amount paid.
    pub amount: Fen,
}

/// A repayment agreement reached by coordination (还款协议, conclusion 5).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// The day it was signed.
    pub signed_on: NaiveDate,
    /// The agreed payment date (协议支付日期).
    pub pay_by: NaiveDate,
    /// The agreed amount.
    pub amount: Fen,
    /// The day the employer paid, if it has.
    #[serde(default)]
    pub paid_on: Option<NaiveDate>,
    /// Whether the employer refuses to perform (拒不履行).
    #[serde(default)]
    pub refused_to_perform: bool,
    /// The day the refusal was recorded, when known (else the first follow-up on or after `pay_by` stands in).
    #[serde(default)]
    pub refused_on: Option<NaiveDate>,
    /// The days the office followed the agreement up (跟踪督促, 平人社监察〔2024〕15号 三(一)).
    #[serde(default)]
    pub follow_ups: Vec<NaiveDate>,
}

/// One submission of the conclusion to the city (上报), and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// The day it was submitted.
    pub submitted_on: NaiveDate,
    /// Whether the record was revised since the previous submission was returned (ignored on the first).
    #[serde(default)]
    pub revised: bool,
    /// The day the city returned it (退回), if it did.
    #[serde(default)]
    pub returned_on: Option<NaiveDate>,
    /// The reason the city gave for returning it.
    #[serde(default)]
    pub return_reason: Option<String>,
    /// Whether a reviewer marked this submission's format irregular (填报格式不规范).
    #[serde(default)]
    pub irregular_format: bool,
    /// The day a reviewer reminded the county to correct the format of this submission (经提醒), if one did. A
    /// later submission still marked irregular is finding 6 (平人社监察〔2024〕15号 四(一)6).
    #[serde(default)]
    pub format_reminder_on: Option<NaiveDate>,
}

/// The facts that may raise a case to the city (提级, 平人社监察〔2024〕15号 二(三), 天水市“六项机制”（2025）重大案件提级督办机制).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EscalationFacts {
    /// 跨区域施工.
    pub cross_region: bool,
    /// 工程结算存在纠纷.
    pub settlement_dispute: bool,
    /// 反复投诉.
    pub repeated_complaint: bool,
    /// 引发重大舆情.
    pub public_opinion_incident: bool,
    /// 上级转办、督导检查反馈.
    pub transferred_by_superior: bool,
}

/// A wage-arrears clue (欠薪线索) and its record.
///
/// ```
/// use wage_arrears::{Clue, Source};
/// let json = r#"{
///   "id": "HN-2026-0001",
///   "source": "mohrss_column",
///   "county": "叶县",
///   "registered_on": "2026-09-30",
///   "workers": 12,
///   "amount_owed": 18600000
/// }"#;
/// let clue: Clue = wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(json))?;
/// assert_eq!(clue.source, Source::MohrssColumn);
/// assert!(clue.accepted_on.is_none());
/// # Ok::<(), wage_arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clue {
    /// The platform's id.
    pub id: String,
    /// Where it came from.
    pub source: Source,
    /// The county (县市区) responsible.
    pub county: String,
    /// The day it was registered (登记).
    pub registered_on: NaiveDate,
    /// The day its acceptance was confirmed (确认接收).
    pub accepted_on: Option<NaiveDate>,
    /// County or city.
    pub handling_level: HandlingLevel,
    /// Workers affected.
    pub workers: u32,
    /// Amount owed, as reported or verified.
    pub amount_owed: Fen,
    /// Contacts with the reporter.
    pub contacts: Vec<Contact>,
    /// 基本案情: the facts.
    pub facts: String,
    /// 核实处置情况: what was verified and done.
    pub handling: String,
    /// The verification, once done.
    pub investigation: Option<Investigation>,
    /// The day a case was filed (立案).
    pub case_filed_on: Option<NaiveDate>,
    /// Payment of the arrears.
    pub payment: Option<Payment>,
    /// The day court enforcement was applied for or its preparation recorded.
    pub enforcement_applied_on: Option<NaiveDate>,
    /// The day the case was transferred to the police.
    pub police_transfer_on: Option<NaiveDate>,
    /// The day the reporter was told to use arbitration or the courts (codes 6, 7).
    pub reporter_informed_on: Option<NaiveDate>,
    /// The award or judgment an enforcement difficulty concerns (code 8): its reference.
    pub award_or_judgment: Option<String>,
    /// Progress records.
    pub progress: Vec<Progress>,
    /// Submissions of the conclusion, in order.
    pub submissions: Vec<Submission>,
    /// The conclusion chosen.
    pub conclusion: Option<Conclusion>,
    /// The repayment agreement (conclusion 5).
    pub agreement: Option<Agreement>,
    /// The day it was closed (办结).
    pub closed_on: Option<NaiveDate>,
    /// Whether the ministry transferred it (部转线索).
    pub transferred_by_ministry: bool,
    /// Escalation facts.
    pub escalation: EscalationFacts,
    /// The day the city reviewed it (复核), if it has.
    pub reviewed_on: Option<NaiveDate>,
    /// Return visits made after closing (回访, 天水市“六项机制”（2025）平台投诉受理回访机制).
    pub return_visits: Vec<NaiveDate>,
    /// The clerk responsible (责任人), named in notices.
    pub responsible: String,
    /// The employer the clue is about (被反映单位), when recorded.
    pub employer: Option<Employer>,
    /// Whether the case is in the construction sector (工程建设领域).
    pub construction_sector: bool,
    /// The project (项目) the clue concerns, when there is one: its name.
    pub project: Option<String>,
}

impl Clue {
    /// A new clue with only its registration facts; everything else empty.
    pub fn new(
        id: impl Into<String>,
        source: Source,
        county: impl Into<String>,
        registered_on: NaiveDate,
    ) -> Clue {
        Clue {
            id: id.into(),
            source,
            county: county.into(),
            registered_on,
            accepted_on: None,
            handling_level: HandlingLevel::County,
            workers: 0,
            amount_owed: Fen::ZERO,
            contacts: Vec::new(),
            facts: String::new(),
            handling: String::new(),
            investigation: None,
            case_filed_on: None,
            payment: None,
            enforcement_applied_on: None,
            police_transfer_on: None,
            reporter_informed_on: None,
            award_or_judgment: None,
            progress: Vec::new(),
            submissions: Vec::new(),
            conclusion: None,
            agreement: None,
            closed_on: None,
            transferred_by_ministry: false,
            escalation: EscalationFacts::default(),
            reviewed_on: None,
            return_visits: Vec::new(),
            responsible: String::new(),
            employer: None,
            construction_sector: false,
            project: None,
        }
    }

    /// The checks reading JSON applies (and every clock applies to a clue built in Rust): accepted and closed
    /// on or after registration.
    ///
    /// # Errors
    /// [`Error::InvalidClue`] naming the field.
    pub fn check(&self) -> Result<(), Error> {
        let bad = |field, reason: String| Error::InvalidClue {
            clue: self.id.clone(),
            field,
            reason,
        };
        if let Some(a) = self.accepted_on
            && a < self.registered_on
        {
            return Err(bad(
                "accepted_on",
                format!(
                    "accepted on {a}, before it was registered on {}",
                    self.registered_on
                ),
            ));
        }
        if let Some(c) = self.closed_on
            && c < self.registered_on
        {
            return Err(bad(
                "closed_on",
                format!(
                    "closed on {c}, before it was registered on {}",
                    self.registered_on
                ),
            ));
        }
        Ok(())
    }

    /// The record as it stood at the end of `date`: everything dated after it dropped (an acceptance, contacts, a
    /// filing, a payment, submissions, a return or a format reminder, an agreement signed later, its later
    /// follow-ups or payment, the closing, the review, return visits). The conclusion and the texts have no date:
    /// they are kept while the clue was closed or submitted by `date`, and cleared otherwise; the employer, the
    /// sector and the project are kept.
    ///
    /// A new `Clue` (the record is cloned, then cut): hence `to_`, as the Rust API guidelines name an expensive
    /// conversion from a borrow.
    ///
    /// ```
    /// use wage_arrears::{Clue, Source};
    /// let clue = Clue::new("A", Source::GovCnMessage, "叶县", wage_arrears::date(2025, 3, 3)?)
    ///     .accepted(wage_arrears::date(2025, 3, 5)?);
    /// assert_eq!(clue.to_record_on(wage_arrears::date(2025, 3, 4)?).accepted_on, None);
    /// assert_eq!(clue.to_record_on(wage_arrears::date(2025, 3, 5)?), clue);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    pub fn to_record_on(&self, date: NaiveDate) -> Clue {
        let on = |d: Option<NaiveDate>| d.filter(|&d| d <= date);
        let mut c = self.clone();
        c.accepted_on = on(c.accepted_on);
        c.contacts.retain(|k| k.on <= date);
        c.investigation = c.investigation.filter(|i| i.on <= date);
        c.case_filed_on = on(c.case_filed_on);
        c.payment = c.payment.filter(|p| p.on <= date);
        c.enforcement_applied_on = on(c.enforcement_applied_on);
        c.police_transfer_on = on(c.police_transfer_on);
        c.reporter_informed_on = on(c.reporter_informed_on);
        c.progress.retain(|p| p.on <= date);
        c.submissions.retain(|s| s.submitted_on <= date);
        for s in &mut c.submissions {
            if s.returned_on.is_some_and(|r| r > date) {
                s.returned_on = None;
                s.return_reason = None;
            }
            if s.format_reminder_on.is_some_and(|r| r > date) {
                s.format_reminder_on = None;
            }
        }
        c.agreement = c.agreement.filter(|a| a.signed_on <= date).map(|mut a| {
            a.paid_on = on(a.paid_on);
            a.follow_ups.retain(|&f| f <= date);
            a.refused_on = on(a.refused_on);
            if a.refused_on.is_none() && a.follow_ups.iter().all(|&f| f < a.pay_by) {
                a.refused_to_perform = false;
            }
            a
        });
        c.closed_on = on(c.closed_on);
        c.reviewed_on = on(c.reviewed_on);
        c.return_visits.retain(|&v| v <= date);
        if c.closed_on.is_none() && c.submissions.is_empty() {
            c.conclusion = None;
        }
        c
    }

    /// The record as it stood at the end of `date`: renamed [`Clue::to_record_on`], which it calls.
    #[deprecated(
        note = "renamed `to_record_on`: it clones the record, and `as_` names a free conversion"
    )]
    pub fn as_of(&self, date: NaiveDate) -> Clue {
        self.to_record_on(date)
    }

    /// Whether [`Clue::to_record_on`]`(date)` would return the record unchanged: nothing on it is dated after `date`, and
    /// neither of the rules that reset undated facts applies (a conclusion neither closed nor submitted; a refusal
    /// to perform an agreement with no refusal or follow-up on or after the payment date on record). Lets a reader
    /// of the record as of a day skip the copy; kept beside `to_record_on` so that the two change together.
    pub(crate) fn unchanged_on(&self, date: NaiveDate) -> bool {
        let by = |d: NaiveDate| d <= date;
        let opt = |d: Option<NaiveDate>| d.is_none_or(by);
        let agreement_unchanged = self.agreement.as_ref().is_none_or(|a| {
            by(a.signed_on)
                && opt(a.paid_on)
                && a.follow_ups.iter().all(|&f| by(f))
                && opt(a.refused_on)
                && !(a.refused_to_perform
                    && a.refused_on.is_none()
                    && a.follow_ups.iter().all(|&f| f < a.pay_by))
        });
        opt(self.accepted_on)
            && self.contacts.iter().all(|k| by(k.on))
            && self.investigation.as_ref().is_none_or(|i| by(i.on))
            && opt(self.case_filed_on)
            && self.payment.as_ref().is_none_or(|p| by(p.on))
            && opt(self.enforcement_applied_on)
            && opt(self.police_transfer_on)
            && opt(self.reporter_informed_on)
            && self.progress.iter().all(|p| by(p.on))
            && self
                .submissions
                .iter()
                .all(|s| by(s.submitted_on) && opt(s.returned_on) && opt(s.format_reminder_on))
            && agreement_unchanged
            && opt(self.closed_on)
            && opt(self.reviewed_on)
            && self.return_visits.iter().all(|&v| by(v))
            && !(self.closed_on.is_none()
                && self.submissions.is_empty()
                && self.conclusion.is_some())
    }

    /// Whether the clue is closed (办结) on `as_of`.
    pub fn is_closed_on(&self, as_of: NaiveDate) -> bool {
        self.closed_on.is_some_and(|c| c <= as_of)
    }
}

/// One record per clue id, in id order: the rule every function that reads a slice of clues applies.
///
/// A ledger may list a clue twice (two exports merged, a row pasted again). Identical copies are one clue.
/// Two *different* records under one id cannot both be the clue, and picking one by its position in the input
/// would make the answer depend on the order of the rows, so they are refused: the error names every such id,
/// in id order.
///
/// ```
/// use wage_arrears::{Clue, Error, Source};
/// let a = Clue::new("A", Source::GovCnMessage, "叶县", wage_arrears::date(2025, 3, 3)?);
/// let b = Clue::new("B", Source::GovCnMessage, "叶县", wage_arrears::date(2025, 3, 3)?);
/// let ledger = [b.clone(), a.clone(), a.clone()];
/// let one = wage_arrears::model::distinct_by_id(&ledger)?;
/// assert_eq!(one.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["A", "B"]);
///
/// let mut b2 = b.clone();
/// b2.county = "郏县".into();
/// let err = wage_arrears::model::distinct_by_id(&[b2, a, b]).unwrap_err();
/// assert!(matches!(err, Error::ConflictingRecords { ref ids } if ids == &["B"]));
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// [`Error::ConflictingRecords`] naming every id listed with two different records.
pub fn distinct_by_id(clues: &[Clue]) -> Result<Vec<&Clue>, Error> {
    let mut distinct = distinct_unordered(clues)?;
    distinct.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    Ok(distinct)
}

/// [`distinct_by_id`] without the sort: one record per clue id in the order each id first appears, for the
/// readers that group or sort by something else (the rollups); the same ids are refused.
///
/// Each id is reduced to a 64-bit fingerprint (read eight bytes at a time) and the fingerprints are sorted; only
/// the clues whose fingerprint is met twice (the same id listed again, or rarely two ids that collide) have their
/// ids compared, and only equal ids their records. No hash table: the cost per clue does not grow with the number
/// of counties, and ids that happen (or are made) to collide cost a comparison, never a slower lookup.
///
/// # Errors
/// [`Error::ConflictingRecords`] naming every id listed with two different records, in id order.
pub(crate) fn distinct_unordered(clues: &[Clue]) -> Result<Vec<&Clue>, Error> {
    let merged = merge_ids(clues)?;
    Ok(clues
        .iter()
        .zip(merged.later_copy)
        .filter(|&(_, later)| !later)
        .map(|(c, _)| c)
        .collect())
}

/// A ledger's ids merged ([`merge_ids`]): which positions repeat an id listed before, and every record's
/// fingerprint, sorted, with a directory of its buckets to look an id up.
#[derive(Debug, Clone)]
pub(crate) struct MergedIds {
    /// `true` at the position of a later copy of an id listed before (an identical record: dropped).
    pub(crate) later_copy: Vec<bool>,
    /// `(fingerprint, position)` of every record, sorted.
    pub(crate) prints: Vec<(u64, usize)>,
    /// `prints[starts[b]..starts[b + 1]]` holds the fingerprints whose high bits are `b` (`fingerprint >> shift`).
    pub(crate) starts: Vec<usize>,
    /// How far a fingerprint is shifted right to give its bucket (64: a single bucket).
    pub(crate) shift: u32,
}

impl MergedIds {
    /// The first position listed under `id` (the record kept), found through its bucket; `id_at` gives the id
    /// listed at a position.
    pub(crate) fn position<'i>(
        &self,
        id: &str,
        id_at: impl Fn(usize) -> Option<&'i str>,
    ) -> Option<usize> {
        let p = fingerprint(id);
        let b = usize::try_from(p.checked_shr(self.shift).unwrap_or(0)).ok()?;
        let (from, to) = (*self.starts.get(b)?, *self.starts.get(b + 1)?);
        self.prints
            .get(from..to)?
            .iter()
            .filter(|&&(q, _)| q == p)
            .map(|&(_, i)| i)
            .find(|&i| id_at(i) == Some(id))
    }
}

/// The ids of a ledger merged: identical copies of an id marked, different records under one id refused.
///
/// # Errors
/// [`Error::ConflictingRecords`] naming every id listed with two different records, in id order.
pub(crate) fn merge_ids(clues: &[Clue]) -> Result<MergedIds, Error> {
    merge_prints(clues, clues.iter().map(|c| fingerprint(&c.id)).collect())
}

/// [`merge_ids`] from the fingerprints of the ids, computed by the caller in its own pass over the clues
/// (`prints[i]` is [`fingerprint`]`(&clues[i].id)`).
///
/// # Errors
/// As [`merge_ids`].
pub(crate) fn merge_prints(clues: &[Clue], prints: Vec<u64>) -> Result<MergedIds, Error> {
    let (prints, starts, shift) = sort_by_print(prints);
    let mut later_copy = vec![false; clues.len()];
    let mut conflicting: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    for run in prints.chunk_by(|a, b| a.0 == b.0) {
        if run.len() < 2 {
            continue;
        }
        // The clues of one fingerprint by id, then position: the first of each id is the one kept; a later copy
        // that differs from it is a conflict.
        let mut copies: Vec<(&Clue, usize)> = run
            .iter()
            .filter_map(|&(_, i)| clues.get(i).map(|c| (c, i)))
            .collect();
        copies.sort_unstable_by(|(a, i), (b, j)| a.id.cmp(&b.id).then(i.cmp(j)));
        for same in copies.chunk_by(|(a, _), (b, _)| a.id == b.id) {
            if let Some(((first, _), rest)) = same.split_first() {
                for &(copy, i) in rest {
                    if let Some(flag) = later_copy.get_mut(i) {
                        *flag = true;
                    }
                    if copy != *first {
                        conflicting.insert(copy.id.as_str());
                    }
                }
            }
        }
    }
    if !conflicting.is_empty() {
        return Err(Error::ConflictingRecords {
            ids: conflicting.into_iter().map(str::to_owned).collect(),
        });
    }
    Ok(MergedIds {
        later_copy,
        prints,
        starts,
        shift,
    })
}

/// `(fingerprint, position)` pairs sorted, with the start of each bucket and the shift that gives a fingerprint's
/// bucket: a bucket sort on the fingerprint's high bits (about eight pairs a bucket, at most 2^20 buckets), each
/// bucket then sorted by comparison. Fingerprints spread evenly, so the cost per pair does not grow with the
/// ledger; ones that do not spread fall back on the comparison sort within their bucket.
fn sort_by_print(prints: Vec<u64>) -> (Vec<(u64, usize)>, Vec<usize>, u32) {
    let n = prints.len();
    let bits = (usize::BITS - (n / 8).leading_zeros()).min(20);
    let shift = 64 - bits;
    let bucket = |p: u64| usize::try_from(p.checked_shr(shift).unwrap_or(0)).unwrap_or(0);
    if bits == 0 {
        let mut pairs: Vec<(u64, usize)> = prints.into_iter().zip(0..).collect();
        pairs.sort_unstable();
        return (pairs, vec![0, n], shift);
    }
    // starts[b] = where bucket b begins: counted, then summed.
    let mut starts = vec![0usize; (1usize << bits) + 1];
    for &p in &prints {
        if let Some(s) = starts.get_mut(bucket(p) + 1) {
            *s += 1;
        }
    }
    let mut sum = 0;
    for s in &mut starts {
        sum += *s;
        *s = sum;
    }
    let mut next = starts.clone();
    let mut out = vec![(0u64, 0usize); n];
    for (i, p) in prints.into_iter().enumerate() {
        if let Some(at) = next.get_mut(bucket(p))
            && let Some(slot) = out.get_mut(*at)
        {
            *slot = (p, i);
            *at += 1;
        }
    }
    for w in starts.windows(2) {
        if let [from, to] = *w
            && let Some(b) = out.get_mut(from..to)
            && b.len() > 1
        {
            b.sort_unstable();
        }
    }
    (out, starts, shift)
}

/// A 64-bit fingerprint of an id: its length, then each 8-byte word rotated in and multiplied by an odd constant
/// (the FxHash step). Equal ids have equal fingerprints; unequal ones almost never do, and when they do
/// [`merge_ids`] compares the ids themselves.
pub(crate) fn fingerprint(id: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = (id.len() as u64).wrapping_mul(K);
    for chunk in id.as_bytes().chunks(8) {
        let mut word = [0u8; 8];
        for (w, b) in word.iter_mut().zip(chunk) {
            *w = *b;
        }
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    h
}

/// The JSON shape of a [`Clue`] on the way in: read, then checked by [`Clue::check`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClueRecord {
    id: String,
    source: Source,
    county: String,
    registered_on: NaiveDate,
    #[serde(default)]
    accepted_on: Option<NaiveDate>,
    #[serde(default)]
    handling_level: HandlingLevel,
    #[serde(default)]
    workers: u32,
    #[serde(default)]
    amount_owed: Fen,
    #[serde(default)]
    contacts: Vec<Contact>,
    #[serde(default)]
    facts: String,
    #[serde(default)]
    handling: String,
    #[serde(default)]
    investigation: Option<Investigation>,
    #[serde(default)]
    case_filed_on: Option<NaiveDate>,
    #[serde(default)]
    payment: Option<Payment>,
    #[serde(default)]
    enforcement_applied_on: Option<NaiveDate>,
    #[serde(default)]
    police_transfer_on: Option<NaiveDate>,
    #[serde(default)]
    reporter_informed_on: Option<NaiveDate>,
    #[serde(default)]
    award_or_judgment: Option<String>,
    #[serde(default)]
    progress: Vec<Progress>,
    #[serde(default)]
    submissions: Vec<Submission>,
    #[serde(default)]
    conclusion: Option<Conclusion>,
    #[serde(default)]
    agreement: Option<Agreement>,
    #[serde(default)]
    closed_on: Option<NaiveDate>,
    #[serde(default)]
    transferred_by_ministry: bool,
    #[serde(default)]
    escalation: EscalationFacts,
    #[serde(default)]
    reviewed_on: Option<NaiveDate>,
    #[serde(default)]
    return_visits: Vec<NaiveDate>,
    #[serde(default)]
    responsible: String,
    #[serde(default)]
    employer: Option<Employer>,
    #[serde(default)]
    construction_sector: bool,
    #[serde(default)]
    project: Option<String>,
}

impl<'de> Deserialize<'de> for Clue {
    /// Reads the clue's fields from a JSON object (never a list), then checks it ([`Clue::check`]).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Clue, D::Error> {
        let record: ClueRecord = crate::de::object(deserializer, "a clue (a JSON object)")?;
        Clue::try_from(record).map_err(serde::de::Error::custom)
    }
}

impl TryFrom<ClueRecord> for Clue {
    type Error = Error;

    fn try_from(r: ClueRecord) -> Result<Clue, Error> {
        let clue = Clue {
            id: r.id,
            source: r.source,
            county: r.county,
            registered_on: r.registered_on,
            accepted_on: r.accepted_on,
            handling_level: r.handling_level,
            workers: r.workers,
            amount_owed: r.amount_owed,
            contacts: r.contacts,
            facts: r.facts,
            handling: r.handling,
            investigation: r.investigation,
            case_filed_on: r.case_filed_on,
            payment: r.payment,
            enforcement_applied_on: r.enforcement_applied_on,
            police_transfer_on: r.police_transfer_on,
            reporter_informed_on: r.reporter_informed_on,
            award_or_judgment: r.award_or_judgment,
            progress: r.progress,
            submissions: r.submissions,
            conclusion: r.conclusion,
            agreement: r.agreement,
            closed_on: r.closed_on,
            transferred_by_ministry: r.transferred_by_ministry,
            escalation: r.escalation,
            reviewed_on: r.reviewed_on,
            return_visits: r.return_visits,
            responsible: r.responsible,
            employer: r.employer,
            construction_sector: r.construction_sector,
            project: r.project,
        };
        clue.check()?;
        Ok(clue)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conclusion_codes_round_trip() {
        for c in Conclusion::ALL {
            assert_eq!(Conclusion::try_from(c.code()), Ok(c));
        }
        for bad in [0u8, 11, 255] {
            assert_eq!(
                Conclusion::try_from(bad),
                Err(Error::UnknownConclusion(bad))
            );
        }
    }

    #[test]
    fn only_codes_one_to_four_are_filed() {
        let filed: Vec<u8> = Conclusion::ALL
            .iter()
            .filter(|c| c.is_filed())
            .map(|c| c.code())
            .collect();
        assert_eq!(filed, [1, 2, 3, 4]);
    }

    #[test]
    fn a_clue_as_of_a_day_keeps_only_what_was_on_record_that_day() {
        let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
        let mut c = Clue::new("x", Source::GovCnMessage, "叶县", d(3, 3));
        c.accepted_on = Some(d(3, 4));
        c.contacts = vec![
            Contact {
                on: d(3, 4),
                channel: ContactChannel::Phone,
                reached: true,
                note: String::new(),
            },
            Contact {
                on: d(3, 20),
                channel: ContactChannel::Phone,
                reached: true,
                note: String::new(),
            },
        ];
        c.conclusion = Some(Conclusion::NoArrears);
        c.closed_on = Some(d(3, 25));
        let early = c.to_record_on(d(3, 10));
        assert_eq!(early.contacts.len(), 1);
        assert_eq!((early.closed_on, early.conclusion), (None, None));
        assert_eq!(c.to_record_on(d(12, 31)), c);
        assert_eq!(c.to_record_on(d(3, 2)).accepted_on, None);
        #[allow(deprecated)]
        let old_name = c.as_of(d(3, 10));
        assert_eq!(old_name, early);
    }

    proptest::proptest! {
        #[test]
        fn a_record_is_unchanged_on_a_day_exactly_when_the_record_on_that_day_is_the_record(
            days in proptest::collection::vec(proptest::option::of(0u64..40), 16),
            many in proptest::collection::vec(0u64..40, 0..3),
            flags in proptest::collection::vec(proptest::bool::ANY, 4),
            code in proptest::option::of(1u8..=10),
            as_of in 0u64..45,
        ) {
            let d = |n: u64| NaiveDate::from_ymd_opt(2025, 3, 1).and_then(|b| b.checked_add_days(chrono::Days::new(n))).unwrap_or_default();
            let at = |i: usize| days.get(i).copied().flatten().map(d);
            let mut c = Clue::new("x", Source::GovCnMessage, "叶县", d(0));
            c.accepted_on = at(0);
            c.contacts = many.iter().map(|&n| Contact { on: d(n), channel: ContactChannel::Phone, reached: true, note: String::new() }).collect();
            c.investigation = at(1).map(|on| Investigation { on, arrears_verified: true, employer_refuses: false, record: String::new() });
            c.case_filed_on = at(2);
            c.payment = at(3).map(|on| Payment { on, amount: Fen(1) });
            c.enforcement_applied_on = at(4);
            c.police_transfer_on = at(5);
            c.reporter_informed_on = at(6);
            c.progress = many.iter().map(|&n| Progress { on: d(n + 1), kind: ProgressKind::Feedback, note: String::new() }).collect();
            c.submissions = at(7).map(|on| Submission { submitted_on: on, revised: false, returned_on: at(8), return_reason: None, irregular_format: flags.get(1).copied().unwrap_or(false), format_reminder_on: at(8).and(at(5)) }).into_iter().collect();
            c.agreement = at(9).map(|signed_on| Agreement {
                signed_on,
                pay_by: at(10).unwrap_or(signed_on),
                amount: Fen(1),
                paid_on: at(11),
                refused_to_perform: flags.first().copied().unwrap_or(false),
                refused_on: at(12),
                follow_ups: many.iter().map(|&n| d(n + 2)).collect(),
            });
            c.conclusion = code.and_then(|code| Conclusion::try_from(code).ok());
            c.closed_on = at(13);
            c.reviewed_on = at(14);
            c.return_visits = at(15).into_iter().collect();
            let day = d(as_of);
            proptest::prop_assert_eq!(c.unchanged_on(day), c.to_record_on(day) == c);
        }
    }

    #[test]
    fn a_clue_accepted_before_registration_fails_its_check() {
        let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
        let mut c = Clue::new("x", Source::GovCnMessage, "叶县", d(3, 3));
        assert_eq!(c.check(), Ok(()));
        c.accepted_on = Some(d(3, 2));
        let err = c.check().unwrap_err().to_string();
        assert!(
            err.contains("accepted_on") && err.contains("2025-03-02"),
            "{err}"
        );
    }
}
