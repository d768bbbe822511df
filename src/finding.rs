//! Findings (问题) a review turns up: the 8 kinds of 平人社监察〔2024〕15号 四(一), each costing the county points.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{Error, RuleId};

/// The 8 kinds of finding (平人社监察〔2024〕15号 四(一)), serialised as their number 1–8.
///
/// Kinds 1, 3, 4, 5, 6, 7 and 8 can be detected from a clue's record
/// ([`detect_findings`](crate::detection::detect_findings); kind 6 from the reviewer's format reminder on a
/// submission, which is part of the record); kind 2 is recorded by a reviewer, who builds the [`Finding`] directly.
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

    /// Whether a clue's record can show the kind (1, 3, 4, 5, 6, 7, 8), as opposed to a reviewer's judgment (2).
    /// Kind 6 is shown by the record once the reviewer's format reminder is on it
    /// ([`Submission::format_reminder_on`](crate::model::Submission::format_reminder_on)).
    pub const fn detectable_from_record(self) -> bool {
        !matches!(self, FindingKind::Falsified)
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
        usize::from(n)
            .checked_sub(1)
            .and_then(|i| FindingKind::ALL.get(i))
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
///
/// Read from JSON, a finding whose `rule` is not its kind's rule ([`FindingKind::rule`]) is refused: the two would
/// disagree on what was found.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
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

/// The JSON shape of a [`Finding`] on the way in: read, then its rule checked against its kind.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FindingRecord {
    county: String,
    clue_id: String,
    kind: FindingKind,
    found_on: NaiveDate,
    #[serde(default)]
    responsible: String,
    #[serde(default)]
    clue_closed_on: Option<NaiveDate>,
    rule: RuleId,
    #[serde(default)]
    note: String,
}

impl TryFrom<FindingRecord> for Finding {
    type Error = Error;
    fn try_from(r: FindingRecord) -> Result<Finding, Error> {
        if r.rule != r.kind.rule() {
            return Err(Error::InvalidFinding {
                clue: r.clue_id,
                reason: format!(
                    "rule {} is not the rule of kind {} ({})",
                    r.rule.code(),
                    r.kind.number(),
                    r.kind.rule().code()
                ),
            });
        }
        Ok(Finding {
            county: r.county,
            clue_id: r.clue_id,
            kind: r.kind,
            found_on: r.found_on,
            responsible: r.responsible,
            clue_closed_on: r.clue_closed_on,
            rule: r.rule,
            note: r.note,
        })
    }
}

impl<'de> Deserialize<'de> for Finding {
    /// Reads a finding from a JSON object (never a list) and refuses one whose rule is not its kind's.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Finding, D::Error> {
        let record: FindingRecord = crate::de::object(deserializer, "a finding (a JSON object)")?;
        Finding::try_from(record).map_err(serde::de::Error::custom)
    }
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
    fn a_finding_whose_rule_is_not_its_kind_s_is_refused_when_read() {
        let good = Finding::new(
            "叶县",
            "A1",
            FindingKind::Falsified,
            crate::date(2025, 3, 8).unwrap(),
        );
        let json = serde_json::to_string(&good).unwrap();
        let back: Finding = serde_json::from_str(&json).unwrap();
        assert_eq!(back, good);
        let bad = json.replace("R-FND-2", "R-FND-3");
        let err = serde_json::from_str::<Finding>(&bad)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("finding on clue A1: rule R-FND-3 is not the rule of kind 2 (R-FND-2)"),
            "{err}"
        );
        let extra = json.replacen('{', r#"{"severity":1,"#, 1);
        assert!(
            serde_json::from_str::<Finding>(&extra)
                .unwrap_err()
                .to_string()
                .contains("unknown field `severity`")
        );
        let list = serde_json::from_str::<Finding>("[]")
            .unwrap_err()
            .to_string();
        assert!(
            list.contains("expected a finding (a JSON object)"),
            "{list}"
        );
    }

    #[test]
    fn seven_kinds_are_detectable_from_the_record_and_only_falsification_is_a_reviewers_alone() {
        let n: Vec<u8> = FindingKind::ALL
            .iter()
            .filter(|k| k.detectable_from_record())
            .map(|k| k.number())
            .collect();
        assert_eq!(n, [1, 3, 4, 5, 6, 7, 8]);
    }
}
