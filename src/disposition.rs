//! Disposition validation (核处结论审核): what the city checks before it accepts a county's conclusion.
//!
//! The city "应对办结材料严格把关，确保案件证据材料完整，核处结论定性准确" and returns what does not meet the
//! conditions (平人社监察〔2024〕15号 二(三)). A clerk wants to know before submitting: [`validate`] lists **every** rule the record
//! breaks, not the first, each with its [`RuleId`] (and so its clause), a message in Chinese and in English, and
//! the finding kind (平人社监察〔2024〕15号 四(一)) it would become in a spot check.
//!
//! Which rules apply (see [the interpretations table](crate::interpretations)):
//! - the record each conclusion needs (R-CON-1..9), the contacts (R-CNT-1/2), the text (R-TXT-1) and the filing
//!   duty (R-FIL-1) once a conclusion is chosen: a clue with no conclusion yet is still being handled;
//! - the submission rules (R-SUB-1/2) once the clue has been submitted;
//! - internal consistency (R-CST-1..3) always.
//!
//! Whether the first contact was made *in time* needs the working-day calendar: [`validate`] only checks that it
//! was made; the clock is checked by [`detect_findings`](crate::detection::detect_findings) (finding kind 1).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::facts::{ClueFacts, RecordFacts};
use crate::finding::FindingKind;
use crate::model::{Clue, Conclusion};
use crate::policy::Policy;
use crate::rule::{Citation, RuleId, RuleSet};
use crate::units::count_below;

/// One rule the record breaks.
///
/// ```
/// use wage_arrears::disposition::validate;
/// use wage_arrears::finding::FindingKind;
/// use wage_arrears::model::Clue;
/// use wage_arrears::policy::Policy;
/// use wage_arrears::rule::RuleId;
///
/// let json = r#"{ "id": "PDS-1", "source": "gov_cn_message", "county": "叶县",
///                 "registered_on": "2025-03-03", "conclusion": 10 }"#;
/// let clue: Clue = wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(json))?;
/// let report = validate(&clue, &Policy::default());
/// let no_investigation: Vec<_> = report
///     .violations
///     .iter()
///     .filter(|v| v.rule == RuleId::ConclusionNeedsInvestigation)
///     .map(|v| (v.citation().to_string(), v.finding))
///     .collect();
/// assert_eq!(no_investigation, [("平人社监察〔2024〕15号 二(二)、三(二)".to_owned(), Some(FindingKind::InvalidWithoutInvestigation))]);
/// # Ok::<(), wage_arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Violation {
    /// The rule broken.
    pub rule: RuleId,
    /// The finding kind (平人社监察〔2024〕15号 四(一)) it would become in the city's spot check, if any.
    pub finding: Option<FindingKind>,
    /// What is wrong, in Chinese, naming the values.
    pub message_zh: String,
    /// What is wrong, in English, naming the values.
    pub message_en: String,
}

impl Violation {
    /// The clause the violated rule implements (`rule.citation()`).
    ///
    /// ```
    /// use wage_arrears::disposition::Violation;
    /// use wage_arrears::rule::RuleId;
    /// let v = Violation { rule: RuleId::DetailedText, finding: None, message_zh: String::new(), message_en: String::new() };
    /// assert_eq!(v.citation().to_string(), "平人社监察〔2024〕15号 三(一)");
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    pub fn citation(&self) -> Citation {
        self.rule.citation()
    }
}

/// The result of validating one clue: every violation, and every rule that was checked.
///
/// ```
/// use wage_arrears::disposition::validate;
/// use wage_arrears::model::Clue;
/// use wage_arrears::policy::Policy;
/// use wage_arrears::rule::RuleId;
///
/// // A clue just registered: nothing concluded yet, only consistency applies.
/// let json = r#"{ "id": "PDS-2", "source": "mohrss_column", "county": "郏县", "registered_on": "2025-06-02" }"#;
/// let clue: Clue = wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(json))?;
/// let report = validate(&clue, &Policy::default());
/// assert!(report.is_clean());
/// assert_eq!(report.checked, [RuleId::DatesInOrder]);
/// # Ok::<(), wage_arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Validation {
    /// The clue validated.
    pub clue_id: String,
    /// Every rule broken, in catalogue order.
    pub violations: Vec<Violation>,
    /// Every rule that applied to the record and was checked, in catalogue order.
    pub checked: RuleSet,
}

impl Validation {
    /// Whether no rule is broken.
    ///
    /// ```
    /// use wage_arrears::disposition::Validation;
    /// use wage_arrears::rule::RuleSet;
    /// let v = Validation { clue_id: "PDS-3".into(), violations: vec![], checked: RuleSet::new() };
    /// assert!(v.is_clean());
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    pub fn is_clean(&self) -> bool {
        self.violations.is_empty()
    }

    /// Whether `rule` is among the violations.
    ///
    /// ```
    /// use wage_arrears::disposition::{Validation, Violation};
    /// use wage_arrears::rule::RuleId;
    /// let v = Validation {
    ///     clue_id: "PDS-4".into(),
    ///     violations: vec![Violation { rule: RuleId::DetailedText, finding: None, message_zh: String::new(), message_en: String::new() }],
    ///     checked: [RuleId::DetailedText].into_iter().collect(),
    /// };
    /// assert!(v.violates(RuleId::DetailedText));
    /// assert!(!v.violates(RuleId::FirstContact));
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    pub fn violates(&self, rule: RuleId) -> bool {
        self.violations.iter().any(|v| v.rule == rule)
    }

    /// The violated rules, in catalogue order.
    ///
    /// ```
    /// use wage_arrears::disposition::Validation;
    /// use wage_arrears::rule::RuleSet;
    /// let v = Validation { clue_id: "PDS-5".into(), violations: vec![], checked: RuleSet::new() };
    /// assert!(v.rules().is_empty());
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    pub fn rules(&self) -> Vec<RuleId> {
        self.violations.iter().map(|v| v.rule).collect()
    }
}

/// Validates a clue's disposition: lists **every** rule its record breaks (平人社监察〔2024〕15号 二(二)(三)、三).
///
/// Rules checked, by what the record holds:
/// - with a conclusion: the record the conclusion needs (R-CON-1..9), at least `policy.min_contacts` recorded
///   contacts (R-CNT-1), a contact that reached the reporter (R-CNT-2), facts and handling of at least
///   `policy.min_text_chars` characters each (R-TXT-1), verified arrears with a refusing employer filed (R-FIL-1);
/// - with submissions: a ministry clue not submitted before it is closed (R-SUB-1), a returned clue revised before
///   it is resubmitted (R-SUB-2);
/// - always: paid ≤ owed (R-CST-1), an agreement due after it is signed (R-CST-2), dates in order (R-CST-3).
///
/// ```
/// use wage_arrears::disposition::validate;
/// use wage_arrears::model::Clue;
/// use wage_arrears::policy::Policy;
/// use wage_arrears::rule::RuleId;
///
/// let json = r#"{
///   "id": "PDS-2025-0007", "source": "gov_cn_message", "county": "宝丰县", "registered_on": "2025-03-03",
///   "accepted_on": "2025-03-04", "amount_owed": 3600000,
///   "contacts": [{ "on": "2025-03-04", "note": "电话联系反映人" }],
///   "facts": "拖欠工资", "handling": "已协调",
///   "investigation": { "on": "2025-03-06", "arrears_verified": true, "employer_refuses": true, "record": "调查笔录" },
///   "conclusion": 5
/// }"#;
/// let clue: Clue = wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(json))?;
/// let report = validate(&clue, &Policy::default());
/// // One contact, one-line texts, no payment or agreement, and a refusing employer not filed:
/// assert_eq!(
///     report.rules(),
///     [
///         RuleId::ConclusionNeedsPaymentOrAgreement,
///         RuleId::ContactMinimum,
///         RuleId::DetailedText,
///         RuleId::MustFileWhenRefused,
///     ]
/// );
/// # Ok::<(), wage_arrears::Error>(())
/// ```
pub fn validate(clue: &Clue, policy: &Policy) -> Validation {
    validate_record(clue, &RecordFacts::of(clue), policy)
}

impl ClueFacts<'_> {
    /// Every disposition rule the clue's **whole** record breaks, as [`validate`] gives it (validation asks no
    /// calendar and no day: a clerk validates the record before submitting it).
    pub fn validation(&self) -> Validation {
        validate_record(self.clue(), self.record(), self.policy())
    }
}

/// [`validate`], reading the record facts derived once ([`RecordFacts`]).
fn validate_record(clue: &Clue, record: &RecordFacts, policy: &Policy) -> Validation {
    let mut c = check_record(clue, record, policy);
    c.violations.sort_by_key(|v| v.rule);
    Validation {
        clue_id: clue.id.clone(),
        violations: c.violations,
        checked: c.checked,
    }
}

/// Whether [`validate`] finds nothing, without building its report (the rules checked, the clue's id): what a
/// rollup asks of every closed clue.
pub(crate) fn is_clean(clue: &Clue, policy: &Policy) -> bool {
    check_record(clue, &RecordFacts::of(clue), policy)
        .violations
        .is_empty()
}

/// Every rule that applies to the record, in the order of the clauses.
fn check_record<'a>(clue: &'a Clue, record: &'a RecordFacts, policy: &'a Policy) -> Checker<'a> {
    let mut c = Checker {
        clue,
        record,
        policy,
        violations: Vec::new(),
        checked: RuleSet::new(),
    };
    if let Some(conclusion) = clue.conclusion {
        c.conclusion_record(conclusion);
        c.contacts();
        c.text();
        c.must_file(conclusion);
    }
    if !clue.submissions.is_empty() {
        c.ministry_clue_closed_before_submission();
        c.returned_clue_revised();
    }
    c.paid_within_owed();
    c.agreement_due_after_signing();
    c.dates_in_order();
    c
}

/// The characters of a text that carry content (whitespace not counted).
#[cfg(any(test, feature = "proptest"))]
pub(crate) fn content_chars(text: &str) -> usize {
    content_chars_up_to(text, usize::MAX)
}

/// The characters of a text that carry content (white space not counted), counted no further than `limit`:
/// whether a text reaches a minimum needs no more, and the exact count below it is what a message names.
///
/// Every white space character starts with a byte of ASCII white space or with `0xC2`, `0xE1`, `0xE2` or `0xE3`
/// (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000), so the characters less the bytes that may start white space
/// are a floor of the content. Both are counted on the bytes, a chunk at a time, until the floor reaches the
/// limit; only a text whose floor stays below it is counted character by character (the exact count a message
/// names).
fn content_chars_up_to(text: &str, limit: usize) -> usize {
    // Per chunk of 96 bytes (enough for the 30 characters of a Chinese minimum at once), two byte counts held in
    // `u8` (which cannot overflow there) and computed without branches, so that the compiler vectorises them: the
    // bytes that start a character (not `0b10xx_xxxx`) and the bytes that may start white space (\t..=\r, space,
    // 0xC2, 0xE1..=0xE3). Whole chunks are fixed-size arrays (the loop is unrolled); the rest is one shorter
    // chunk. A text whose floor reaches the limit is read no further.
    const CHUNK: usize = 96;
    #[inline(always)]
    fn floor_of(chunk: &[u8]) -> usize {
        let (mut starts, mut may_be_space) = (0u8, 0u8);
        for &b in chunk {
            starts = starts.wrapping_add(u8::from((b & 0xC0) != 0x80));
            may_be_space = may_be_space.wrapping_add(u8::from(
                (b.wrapping_sub(b'\t') < 5)
                    | (b == b' ')
                    | (b == 0xC2)
                    | (b.wrapping_sub(0xE1) < 3),
            ));
        }
        usize::from(starts.saturating_sub(may_be_space))
    }
    let (chunks, rest) = text.as_bytes().as_chunks::<CHUNK>();
    let mut floor: usize = 0;
    for chunk in chunks {
        if floor >= limit {
            break;
        }
        floor += floor_of(chunk);
    }
    if floor < limit {
        floor += floor_of(rest);
    }
    if floor >= limit {
        return limit;
    }
    text.chars()
        .filter(|c| !c.is_whitespace())
        .take(limit)
        .count()
}

struct Checker<'a> {
    clue: &'a Clue,
    record: &'a RecordFacts,
    policy: &'a Policy,
    violations: Vec<Violation>,
    checked: RuleSet,
}

impl Checker<'_> {
    /// Records that `rule` applied; and, when `broken`, the violation.
    #[inline]
    fn rule(
        &mut self,
        rule: RuleId,
        finding: Option<FindingKind>,
        broken: Option<(String, String)>,
    ) {
        self.checked.insert(rule);
        if let Some((message_zh, message_en)) = broken {
            self.violations.push(Violation {
                rule,
                finding,
                message_zh,
                message_en,
            });
        }
    }

    /// The record each conclusion needs (平人社监察〔2024〕15号 二(二), the 10 核处结论).
    fn conclusion_record(&mut self, conclusion: Conclusion) {
        use Conclusion as C;
        let clue = self.clue;
        let code = conclusion.code();

        // R-CON-1 (平人社监察〔2024〕15号 二(二)): “1-4. 立案处理——经核实存在欠薪……” — a filed case.
        if conclusion.is_filed() {
            // “经核实存在欠薪”: an investigation on record must not say there were no arrears.
            let contradicted = clue
                .investigation
                .as_ref()
                .is_some_and(|i| !i.arrears_verified);
            let broken = if clue.case_filed_on.is_none() {
                Some((
                    format!("核处结论为{code}（立案处理），但记录中没有立案日期"),
                    format!("conclusion {code} (case filed) but the record shows no case filed"),
                ))
            } else if contradicted {
                Some((
                    format!("核处结论为{code}（经核实存在欠薪），但调查记录未核实存在欠薪"),
                    format!(
                        "conclusion {code} (arrears verified) but the investigation found none"
                    ),
                ))
            } else {
                None
            };
            self.rule(RuleId::ConclusionNeedsCaseFiled, None, broken);
        }

        // R-CON-2 (平人社监察〔2024〕15号 二(二)): “1. 立案处理——经核实存在欠薪，已支付完毕。” — the payment.
        if conclusion == C::FiledPaid {
            let broken = match &clue.payment {
                None => Some((
                    "核处结论为1（已支付完毕），但记录中没有支付情况".to_owned(),
                    "conclusion 1 (fully paid) but the record shows no payment".to_owned(),
                )),
                // “已支付完毕”: paid in full, not in part.
                Some(p) if p.amount < clue.amount_owed => Some((
                    format!(
                        "核处结论为1（已支付完毕），但支付{}少于欠薪{}",
                        p.amount, clue.amount_owed
                    ),
                    format!(
                        "conclusion 1 (fully paid) but {} paid is less than the {} owed",
                        p.amount, clue.amount_owed
                    ),
                )),
                Some(_) => None,
            };
            self.rule(RuleId::ConclusionNeedsPayment, None, broken);
        }

        // R-CON-3 (平人社监察〔2024〕15号 二(二)): “2/4. ……尚未支付，准备或已申请法院强制执行。”
        if matches!(
            conclusion,
            C::FiledEnforcement | C::FiledEnforcementAndPolice
        ) {
            let broken = clue.enforcement_applied_on.is_none().then(|| {
                (
                    format!("核处结论为{code}（申请法院强制执行），但记录中没有申请强制执行的日期"),
                    format!("conclusion {code} (court enforcement) but the record shows no enforcement application"),
                )
            });
            self.rule(RuleId::ConclusionNeedsEnforcement, None, broken);
        }

        // R-CON-4 (平人社监察〔2024〕15号 二(二)): “3/4. ……涉嫌犯罪，已移送公安机关。”
        if matches!(conclusion, C::FiledPolice | C::FiledEnforcementAndPolice) {
            let broken = clue.police_transfer_on.is_none().then(|| {
                (
                    format!("核处结论为{code}（移送公安机关），但记录中没有移送日期"),
                    format!("conclusion {code} (police transfer) but the record shows no transfer to the police"),
                )
            });
            self.rule(RuleId::ConclusionNeedsPoliceTransfer, None, broken);
        }

        // R-CON-5 (平人社监察〔2024〕15号 二(二)): “5. 协调等非立案方式处理——已支付欠款或达成还款协议。” An agreement always
        // carries its due date (`pay_by`), so an agreement on record meets "an agreement with a due date".
        if conclusion == C::Coordinated {
            let broken = (clue.payment.is_none() && clue.agreement.is_none()).then(|| {
                (
                    "核处结论为5（协调处理），但记录中既没有支付情况，也没有载明支付日期的还款协议".to_owned(),
                    "conclusion 5 (coordinated) but the record shows neither a payment nor a repayment agreement"
                        .to_owned(),
                )
            });
            self.rule(RuleId::ConclusionNeedsPaymentOrAgreement, None, broken);
        }

        // R-CON-6 (平人社监察〔2024〕15号 二(二)): “6/7. 应当或者已经通过劳动争议仲裁解决/提起诉讼的，已告知反映人。”
        if matches!(conclusion, C::Arbitration | C::Litigation) {
            let broken = clue.reporter_informed_on.is_none().then(|| {
                (
                    format!("核处结论为{code}，但记录中没有告知反映人的日期"),
                    format!(
                        "conclusion {code} but the record shows no day the reporter was informed"
                    ),
                )
            });
            self.rule(RuleId::ConclusionNeedsReporterInformed, None, broken);
        }

        // R-CON-7 (平人社监察〔2024〕15号 二(二)): “8. 仲裁裁决、司法判决和有关申请强制执行的“执行难”问题。”
        if conclusion == C::EnforcementDifficulty {
            let missing = clue
                .award_or_judgment
                .as_deref()
                .is_none_or(|s| s.trim().is_empty());
            let broken = missing.then(|| {
                (
                    "核处结论为8（执行难），但记录中没有所涉仲裁裁决或司法判决".to_owned(),
                    "conclusion 8 (enforcement difficulty) but the record names no award or judgment".to_owned(),
                )
            });
            self.rule(RuleId::ConclusionNeedsAward, None, broken);
        }

        if matches!(conclusion, C::NoArrears | C::InvalidClue) {
            // R-CON-8 (平人社监察〔2024〕15号 二(二)、三(二)): “9. 经核实不存在欠薪情况；10. 无效线索。不得滥用无效线索结论。”
            // Code 10 without an investigation is finding 4 (平人社监察〔2024〕15号 四(一)4 “没有调查核实，滥用无效线索的”).
            let missing = clue
                .investigation
                .as_ref()
                .is_none_or(|i| i.record.trim().is_empty());
            let finding =
                (conclusion == C::InvalidClue).then_some(FindingKind::InvalidWithoutInvestigation);
            let broken = missing.then(|| {
                (
                    format!("核处结论为{code}，但记录中没有调查核实记录"),
                    format!("conclusion {code} but the record holds no investigation record"),
                )
            });
            self.rule(RuleId::ConclusionNeedsInvestigation, finding, broken);

            // R-CON-9 (平人社监察〔2024〕15号 三(二)): “……不得滥用无效线索结论。” — not 9 or 10 where arrears were verified.
            let verified = clue
                .investigation
                .as_ref()
                .is_some_and(|i| i.arrears_verified);
            let broken = verified.then(|| {
                (
                    format!("调查已核实存在欠薪，却以{code}（{}）办结", conclusion.label_zh()),
                    format!("the investigation verified arrears, yet the clue is concluded as {code} ({})", conclusion.label_en()),
                )
            });
            self.rule(RuleId::InvalidClueNotWhereArrears, None, broken);
        }
    }

    /// R-CNT-1 and R-CNT-2 (平人社监察〔2024〕15号 三(二)、二(二)、四(一)1).
    fn contacts(&mut self) {
        let clue = self.clue;
        // R-CNT-1 (平人社监察〔2024〕15号 三(二)): “接到线索后要立即进行调查核实，联系反映人至少要3次以上并做好记录。”
        // Every recorded contact counts, reached or not: the rule asks for attempts, each recorded.
        let n = clue.contacts.len();
        let min = self.policy.min_contacts;
        let broken = count_below(n, min).then(|| {
            (
                format!("联系反映人记录{n}次，少于{min}次"),
                format!("{n} recorded contact(s) with the reporter, fewer than {min}"),
            )
        });
        // Too few contacts is not "未联系当事人" (finding 1, which R-CNT-2 carries): no finding kind of its own.
        self.rule(RuleId::ContactMinimum, None, broken);

        // R-CNT-2 (平人社监察〔2024〕15号 二(二)、四(一)1): “人社部门要第一时间与线索反映人联系” — 首问负责制: the reporter was
        // actually reached. Whether in time is checked with the calendar by `detect_findings` (kind 1).
        let reached = clue.contacts.iter().any(|c| c.reached);
        let broken = (!reached).then(|| {
            (
                format!("{n}次联系均未联系上反映人，首问负责制未落实"),
                format!("none of the {n} contact(s) reached the reporter: first contact not made"),
            )
        });
        self.rule(
            RuleId::FirstContact,
            Some(FindingKind::NoFirstContact),
            broken,
        );
    }

    /// R-TXT-1 (平人社监察〔2024〕15号 三(一)): “提交的基本案情及核实处置情况表述详细、准确、符合逻辑，内容详略得当，不得以
    /// 极简的概括性语言描述。”
    fn text(&mut self) {
        let min = self.policy.min_text_chars;
        let mut short_zh = Vec::new();
        let mut short_en = Vec::new();
        for (zh, en, text) in [
            ("基本案情", "facts", &self.clue.facts),
            ("核实处置情况", "handling", &self.clue.handling),
        ] {
            let n = content_chars_up_to(text, usize::try_from(min).unwrap_or(usize::MAX));
            if count_below(n, min) {
                short_zh.push(format!("{zh}仅{n}字"));
                short_en.push(format!("the {en} have {n} characters"));
            }
        }
        let broken = (!short_zh.is_empty()).then(|| {
            (
                format!("{}，少于{min}字，属极简概括性描述", short_zh.join("，")),
                format!(
                    "{}, fewer than {min}: a one-line summary",
                    short_en.join(" and ")
                ),
            )
        });
        self.rule(RuleId::DetailedText, None, broken);
    }

    /// R-FIL-1 (平人社监察〔2024〕15号 三(二)、三(一)): “对欠薪事实清楚，符合立案条件的要及时立案……对拒不履行的要依法立案处理。”
    /// Verified arrears with a refusing employer: codes 1–4, never 5, 9 or 10 (finding 8 if left unfiled).
    fn must_file(&mut self, conclusion: Conclusion) {
        // Refusal shows either in the verification (拒不支付) or in a coordinated agreement the employer refuses to
        // perform (平人社监察〔2024〕15号 三(一) “对拒不履行的要依法立案处理”).
        let refused = self
            .clue
            .investigation
            .as_ref()
            .is_some_and(|i| i.arrears_verified && i.employer_refuses)
            || self
                .clue
                .agreement
                .as_ref()
                .is_some_and(|a| a.refused_to_perform);
        let wrong = matches!(
            conclusion,
            Conclusion::Coordinated | Conclusion::NoArrears | Conclusion::InvalidClue
        );
        let code = conclusion.code();
        let broken = (refused && wrong).then(|| {
            (
                format!("欠薪已核实且用人单位拒不支付或拒不履行还款协议，应当立案处理（结论1–4），不得以{code}办结"),
                format!("arrears verified and the employer refuses to pay or to perform the agreement: the case must be filed (1–4), not closed as {code}"),
            )
        });
        self.rule(
            RuleId::MustFileWhenRefused,
            Some(FindingKind::NotFiledInTime),
            broken,
        );
    }

    /// R-SUB-1 (平人社监察〔2024〕15号 四(一)5): “部转线索未办结就提交的。”
    fn ministry_clue_closed_before_submission(&mut self) {
        let clue = self.clue;
        if !clue.transferred_by_ministry {
            return;
        }
        let broken = self
            .record
            .early_ministry
            .first()
            .map(|first| match clue.closed_on {
                Some(c) => (
                    format!("部转线索于{first}提交，早于办结日期{c}"),
                    format!("a ministry clue submitted on {first}, before it was closed on {c}"),
                ),
                None => (
                    format!("部转线索于{first}提交，但尚未办结"),
                    format!("a ministry clue submitted on {first} but not closed"),
                ),
            });
        self.rule(
            RuleId::MinistryClueClosedBeforeSubmission,
            Some(FindingKind::MinistryClueSubmittedOpen),
            broken,
        );
    }

    /// R-SUB-2 (平人社监察〔2024〕15号 二(三)、三(三)): “对审核退回的线索，要按照退回原因修改完善；县级承办单位按要求整改后重新
    /// 核处并按期报送。” Repeated (`policy.unrevised_resubmissions_for_finding` times or more) it is finding 7.
    fn returned_clue_revised(&mut self) {
        let n = self.record.unrevised.len();
        let threshold = self.policy.unrevised_resubmissions_for_finding;
        let repeated = !count_below(n, threshold);
        let finding = repeated.then_some(FindingKind::ResubmittedUnrevised);
        let broken = (n > 0).then(|| {
            (
                format!("退回后未修改完善即重新提交{n}次"),
                format!("resubmitted {n} time(s) after a return without revision"),
            )
        });
        self.rule(RuleId::ReturnedClueRevised, finding, broken);
    }

    /// R-CST-1 (平人社监察〔2024〕15号 三(一) “准确、符合逻辑”): paid no more than owed.
    fn paid_within_owed(&mut self) {
        let clue = self.clue;
        if clue.payment.is_none() && clue.agreement.is_none() {
            return;
        }
        let owed = clue.amount_owed;
        let mut zh = Vec::new();
        let mut en = Vec::new();
        if let Some(p) = &clue.payment
            && p.amount > owed
        {
            zh.push(format!("支付金额{}超过欠薪金额{owed}", p.amount));
            en.push(format!(
                "the payment of {} exceeds the {owed} owed",
                p.amount
            ));
        }
        if let Some(a) = &clue.agreement
            && a.amount > owed
        {
            zh.push(format!("协议金额{}超过欠薪金额{owed}", a.amount));
            en.push(format!(
                "the agreement's {} exceeds the {owed} owed",
                a.amount
            ));
        }
        let broken = (!zh.is_empty()).then(|| (zh.join("；"), en.join("; ")));
        self.rule(RuleId::PaidWithinOwed, None, broken);
    }

    /// R-CST-2 (平人社监察〔2024〕15号 三(一) “准确、符合逻辑”): an agreement is due after the day it is signed.
    fn agreement_due_after_signing(&mut self) {
        let Some(a) = &self.clue.agreement else {
            return;
        };
        let broken = (a.pay_by <= a.signed_on).then(|| {
            (
                format!(
                    "还款协议约定支付日期{}不晚于签订日期{}",
                    a.pay_by, a.signed_on
                ),
                format!(
                    "the agreement is due on {}, not after it was signed on {}",
                    a.pay_by, a.signed_on
                ),
            )
        });
        self.rule(RuleId::AgreementDueAfterSigning, None, broken);
    }

    /// R-CST-3 (平人社监察〔2024〕15号 三(一) “准确、符合逻辑”): the record's dates are in order.
    fn dates_in_order(&mut self) {
        let clue = self.clue;
        let reg = clue.registered_on;
        // (中文, English, date, must not be before, 中文 of that, English of that): compared here, written below
        // only when out of order.
        type OutOfOrder = (
            &'static str,
            &'static str,
            NaiveDate,
            NaiveDate,
            &'static str,
            &'static str,
        );
        let mut out_of_order: Vec<OutOfOrder> = Vec::new();
        let mut not_before = |zh: &'static str,
                              en: &'static str,
                              date: NaiveDate,
                              bound: NaiveDate,
                              bound_zh: &'static str,
                              bound_en: &'static str| {
            if date < bound {
                out_of_order.push((zh, en, date, bound, bound_zh, bound_en));
            }
        };
        let r = ("登记日期", "registration");
        if let Some(a) = clue.accepted_on {
            not_before("接收日期", "acceptance", a, reg, r.0, r.1);
        }
        for c in &clue.contacts {
            not_before("联系日期", "a contact", c.on, reg, r.0, r.1);
        }
        if let Some(i) = &clue.investigation {
            not_before("调查核实日期", "the investigation", i.on, reg, r.0, r.1);
        }
        for (zh, en, date) in [
            ("立案日期", "the filing", clue.case_filed_on),
            (
                "申请强制执行日期",
                "the enforcement application",
                clue.enforcement_applied_on,
            ),
            (
                "移送公安日期",
                "the police transfer",
                clue.police_transfer_on,
            ),
            (
                "告知反映人日期",
                "informing the reporter",
                clue.reporter_informed_on,
            ),
            (
                "支付日期",
                "the payment",
                clue.payment.as_ref().map(|p| p.on),
            ),
            ("办结日期", "closing", clue.closed_on),
        ] {
            if let Some(d) = date {
                not_before(zh, en, d, reg, r.0, r.1);
            }
        }
        for p in &clue.progress {
            not_before("进展记录日期", "a progress record", p.on, reg, r.0, r.1);
        }
        if let Some(a) = &clue.agreement {
            not_before("协议签订日期", "the agreement", a.signed_on, reg, r.0, r.1);
            if let Some(paid) = a.paid_on {
                not_before(
                    "协议履行日期",
                    "the agreement's payment",
                    paid,
                    a.signed_on,
                    "协议签订日期",
                    "its signing",
                );
            }
            for &f in &a.follow_ups {
                not_before(
                    "跟踪督促日期",
                    "a follow-up",
                    f,
                    a.signed_on,
                    "协议签订日期",
                    "its signing",
                );
            }
        }
        let mut previous: Option<NaiveDate> = None;
        for s in &clue.submissions {
            not_before("提交日期", "a submission", s.submitted_on, reg, r.0, r.1);
            if let Some(p) = previous {
                not_before(
                    "重新提交日期",
                    "a resubmission",
                    s.submitted_on,
                    p,
                    "上次提交或退回日期",
                    "the previous submission or return",
                );
            }
            if let Some(ret) = s.returned_on {
                not_before(
                    "退回日期",
                    "a return",
                    ret,
                    s.submitted_on,
                    "提交日期",
                    "its submission",
                );
            }
            previous = Some(s.returned_on.unwrap_or(s.submitted_on));
        }
        if let Some(closed) = clue.closed_on {
            if let Some(a) = clue.accepted_on {
                not_before("办结日期", "closing", closed, a, "接收日期", "acceptance");
            }
            if let Some(i) = &clue.investigation {
                not_before(
                    "办结日期",
                    "closing",
                    closed,
                    i.on,
                    "调查核实日期",
                    "the investigation",
                );
            }
            if let Some(f) = clue.case_filed_on {
                not_before("办结日期", "closing", closed, f, "立案日期", "the filing");
            }
            if let Some(rev) = clue.reviewed_on {
                not_before("复核日期", "the review", rev, closed, "办结日期", "closing");
            }
            for &v in &clue.return_visits {
                not_before(
                    "回访日期",
                    "a return visit",
                    v,
                    closed,
                    "办结日期",
                    "closing",
                );
            }
        } else {
            for &v in &clue.return_visits {
                not_before("回访日期", "a return visit", v, reg, r.0, r.1);
            }
        }
        let broken = (!out_of_order.is_empty()).then(|| {
            let (zh, en): (Vec<String>, Vec<String>) = out_of_order
                .into_iter()
                .map(|(zh, en, date, bound, bound_zh, bound_en)| {
                    (
                        format!("{zh}{date}早于{bound_zh}{bound}"),
                        format!("{en} {date} is before {bound_en} {bound}"),
                    )
                })
                .unzip();
            (zh.join("；"), en.join("; "))
        });
        self.rule(RuleId::DatesInOrder, None, broken);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contact, ContactChannel};
    use crate::{Investigation, Source};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, day).unwrap_or_default()
    }

    fn concluded(conclusion: Conclusion) -> Clue {
        let mut c = Clue::new("T-1", Source::GovCnMessage, "叶县", d(4, 1));
        c.accepted_on = Some(d(4, 2));
        c.contacts = (0..3)
            .map(|i| Contact {
                on: d(4, 2 + i),
                channel: ContactChannel::Phone,
                reached: true,
                note: "电话联系反映人核实欠薪情况".into(),
            })
            .collect();
        c.facts = "反映人称在某工地务工三个月，项目部拖欠工资共计三万六千元，多次讨要未果。".into();
        c.handling =
            "经调取考勤表和工资表核实，约谈项目负责人，督促其足额支付，反映人确认收到。".into();
        c.conclusion = Some(conclusion);
        c
    }

    #[test]
    fn a_concluded_clue_missing_its_record_lists_every_broken_rule_at_once() {
        let mut c = concluded(Conclusion::FiledEnforcementAndPolice);
        c.contacts.truncate(1);
        c.facts = "欠薪".into();
        let v = validate(&c, &Policy::default());
        assert_eq!(
            v.rules(),
            [
                RuleId::ConclusionNeedsCaseFiled,
                RuleId::ConclusionNeedsEnforcement,
                RuleId::ConclusionNeedsPoliceTransfer,
                RuleId::ContactMinimum,
                RuleId::DetailedText,
            ]
        );
        assert!(v.checked.contains(RuleId::DatesInOrder));
    }

    #[test]
    fn code_nine_with_verified_refused_arrears_breaks_both_the_invalid_and_the_filing_rule() {
        let mut c = concluded(Conclusion::NoArrears);
        c.investigation = Some(Investigation {
            on: d(4, 3),
            arrears_verified: true,
            employer_refuses: true,
            record: "调查笔录".into(),
        });
        let v = validate(&c, &Policy::default());
        assert_eq!(
            v.rules(),
            [
                RuleId::InvalidClueNotWhereArrears,
                RuleId::MustFileWhenRefused
            ]
        );
    }

    #[test]
    fn whitespace_does_not_count_towards_the_text_minimum() {
        assert_eq!(content_chars(" 欠 薪\n三万 元 "), 5);
    }

    #[test]
    fn the_byte_count_of_content_agrees_with_counting_characters_that_are_not_white_space() {
        let spaces: String = ('\0'..=char::MAX).filter(|c| c.is_whitespace()).collect();
        let texts = [
            String::new(),
            spaces.clone(),
            format!("反映人{spaces}称「工资」、“三万元”。\u{1f600}é\u{1c}\u{3001}\u{2010}"),
            "经调取考勤表和工资表核实，约谈项目负责人。".repeat(3),
        ];
        for text in &texts {
            let slow = text.chars().filter(|c| !c.is_whitespace()).count();
            assert_eq!(content_chars(text), slow, "{text:?}");
            for limit in [0, 1, 5, slow, slow + 1] {
                assert_eq!(
                    content_chars_up_to(text, limit),
                    slow.min(limit),
                    "{text:?} {limit}"
                );
            }
        }
    }
}
