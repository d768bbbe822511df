//! Findings (问题) a review turns up: the 8 kinds of 平人社监察〔2024〕15号 四(一), each costing the county points.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{Error, RuleId};

/// The 8 kinds of finding (平人社监察〔2024〕15号 四(一)), serialised as their number 1–8.
///
/// Kinds 1, 3, 4, 5, 7 and 8 can be detected from a clue's record ([`detect_findings`](crate::detection::detect_findings));
/// kinds 2 and 6 are recorded by a reviewer, who builds the [`Finding`] directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
#[non_exhaustive]
#[repr(u8)]
pub enum FindingKind {
    /// 1 未落实首问负责制，未联系当事人的.
    NoFirstContact = 1,
    /// 2 填报结果弄虚作假的.
    Falsified = 2,
    /// 3 协议到期未履行，没有跟踪督促的.
    AgreementNotFollowedUp = 3,
    /// 4 没有调查核实，滥用无效线索的.
    InvalidWithoutInvestigation = 4,
    /// 5 部转线索未办结就提交的.
    MinistryClueSubmittedOpen = 5,
    /// 6 填报格式不规范，经提醒仍不改正的.
    FormatNotCorrected = 6,
    /// 7 对退回线索未修改完善反复提交2次以上的.
    ResubmittedUnrevised = 7,
    /// 8 对符合立案条件不及时立案的.
    NotFiledInTime = 8,
}

impl FindingKind {
    /// Every kind, by number.
    pub const ALL: &'static [FindingKind] = &[
        FindingKind::NoFirstContact,
        FindingKind::Falsified,
        FindingKind::AgreementNotFollowedUp,
        FindingKind::InvalidWithoutInvestigation,
        FindingKind::MinistryClueSubmittedOpen,
        FindingKind::FormatNotCorrected,
        FindingKind::ResubmittedUnrevised,
        FindingKind::NotFiledInTime,
    ];

    /// The number in 平人社监察〔2024〕15号 四(一), 1–8.
    pub const fn number(self) -> u8 {
        self as u8
    }

    /// The rule that defines the kind.
    pub const fn rule(self) -> RuleId {
        match self {
            FindingKind::NoFirstContact => RuleId::FindingNoFirstContact,
            FindingKind::Falsified => RuleId::FindingFalsified,
            FindingKind::AgreementNotFollowedUp => RuleId::FindingAgreementNotFollowedUp,
            FindingKind::InvalidWithoutInvestigation => RuleId::FindingInvalidWithoutInvestigation,
            FindingKind::MinistryClueSubmittedOpen => RuleId::FindingMinistryClueSubmittedOpen,
            FindingKind::FormatNotCorrected => RuleId::FindingFormatNotCorrected,
            FindingKind::ResubmittedUnrevised => RuleId::FindingResubmittedUnrevised,
            FindingKind::NotFiledInTime => RuleId::FindingNotFiledInTime,
        }
    }

    /// Whether a clue's record can show the kind (1, 3, 4, 5, 7, 8), as opposed to a reviewer's judgment (2, 6).
    pub const fn detectable_from_record(self) -> bool {
        !matches!(
            self,
            FindingKind::Falsified | FindingKind::FormatNotCorrected
        )
    }

    /// The wording of 平人社监察〔2024〕15号 四(一).
    pub const fn label_zh(self) -> &'static str {
        match self {
            FindingKind::NoFirstContact => "未落实首问负责制，未联系当事人",
            FindingKind::Falsified => "填报结果弄虚作假",
            FindingKind::AgreementNotFollowedUp => "协议到期未履行，没有跟踪督促",
            FindingKind::InvalidWithoutInvestigation => "没有调查核实，滥用无效线索",
            FindingKind::MinistryClueSubmittedOpen => "部转线索未办结就提交",
            FindingKind::FormatNotCorrected => "填报格式不规范，经提醒仍不改正",
            FindingKind::ResubmittedUnrevised => "对退回线索未修改完善反复提交2次以上",
            FindingKind::NotFiledInTime => "对符合立案条件不及时立案",
        }
    }

    /// An English rendering.
    pub const fn label_en(self) -> &'static str {
        match self {
            FindingKind::NoFirstContact => "no first contact: reporter not contacted",
            FindingKind::Falsified => "falsified result",
            FindingKind::AgreementNotFollowedUp => {
                "agreement due and unperformed without follow-up"
            }
            FindingKind::InvalidWithoutInvestigation => {
                "invalid-clue conclusion without investigation"
            }
            FindingKind::MinistryClueSubmittedOpen => {
                "ministry clue submitted before it was closed"
            }
            FindingKind::FormatNotCorrected => "irregular format not corrected after a reminder",
            FindingKind::ResubmittedUnrevised => "returned clue resubmitted unrevised 2+ times",
            FindingKind::NotFiledInTime => "case meeting filing conditions not filed in time",
        }
    }
}

impl TryFrom<u8> for FindingKind {
    type Error = Error;
    fn try_from(n: u8) -> Result<FindingKind, Error> {
        FindingKind::ALL
            .get(usize::from(n).wrapping_sub(1))
            .copied()
            .ok_or(Error::UnknownFindingKind(n))
    }
}

impl From<FindingKind> for u8 {
    fn from(k: FindingKind) -> u8 {
        k.number()
    }
}

impl fmt::Display for FindingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}. {}", self.number(), self.label_zh())
    }
}

/// One finding against a county: the clue, the kind, when it was found and who is responsible.
///
/// ```
/// use wage_arrears::{Finding, FindingKind};
/// let f = Finding::new("叶县", "HN-1", FindingKind::Falsified, wage_arrears::date(2025, 3, 8)?)
///     .with_responsible("张三");
/// assert_eq!(f.rule.code(), "R-FND-2");
/// # Ok::<(), wage_arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// The county it counts against.
    pub county: String,
    /// The clue.
    pub clue_id: String,
    /// The kind (1–8).
    pub kind: FindingKind,
    /// The day it was found (the month it counts in, by default).
    pub found_on: NaiveDate,
    /// The person responsible (责任人), named in the notice (点名通报).
    #[serde(default)]
    pub responsible: String,
    /// The day the clue was closed, when known (used when the policy counts findings by closing month).
    #[serde(default)]
    pub clue_closed_on: Option<NaiveDate>,
    /// The rule the finding applies.
    pub rule: RuleId,
    /// What was found, in words.
    #[serde(default)]
    pub note: String,
}

impl Finding {
    /// A finding of `kind` on `clue_id`, found on `found_on`.
    pub fn new(
        county: impl Into<String>,
        clue_id: impl Into<String>,
        kind: FindingKind,
        found_on: NaiveDate,
    ) -> Finding {
        Finding {
            county: county.into(),
            clue_id: clue_id.into(),
            kind,
            found_on,
            responsible: String::new(),
            clue_closed_on: None,
            rule: kind.rule(),
            note: String::new(),
        }
    }

    /// Names the responsible person.
    pub fn with_responsible(mut self, who: impl Into<String>) -> Finding {
        self.responsible = who.into();
        self
    }

    /// Adds a note.
    pub fn with_note(mut self, note: impl Into<String>) -> Finding {
        self.note = note.into();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finding_kinds_round_trip_through_their_numbers() {
        for &k in FindingKind::ALL {
            assert_eq!(FindingKind::try_from(k.number()), Ok(k));
            assert_eq!(
                k.rule().citation().document,
                crate::rule::Document::PingdingshanPlan2024
            );
        }
        assert!(FindingKind::try_from(9).is_err());
        assert!(FindingKind::try_from(0).is_err());
    }

    #[test]
    fn six_kinds_are_detectable_from_the_record() {
        let n: Vec<u8> = FindingKind::ALL
            .iter()
            .filter(|k| k.detectable_from_record())
            .map(|k| k.number())
            .collect();
        assert_eq!(n, [1, 3, 4, 5, 7, 8]);
    }
}
