//! Every number a policy could change, as data with its clause.
//!
//! [`Policy::default()`] is the 2024 Pingdingshan plan (平人社监察〔2024〕15号), in force from
//! 2024-05-22. A city with other numbers builds its own `Policy`, or reads one from JSON: every field is
//! required there, and an invalid policy is rejected on reading with the field named. [`PolicySet`] picks the
//! policy in force on a date.
//!
//! A `Policy` built in Rust is checked by [`Policy::validate`]; reading one from JSON checks it for you. The rule
//! functions take the policy as given: with numbers `validate` would refuse they never panic, and the ones that
//! need a sound number to answer at all (the spot check, the annual score, the goals) refuse it with
//! [`Error::InvalidPolicy`]; validate a hand-built policy once, where it is built.
//!
//! Where the policy documents are silent the default is an interpretation; each is listed in
//! [the interpretations table](crate::interpretations) with the field that switches it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::review::Seed;
use crate::{Error, Fen, Points, Rate, Rollover, Source};

/// What "responding" to a clue means for its source (平人社监察〔2024〕15号 二(二)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Response {
    /// 填写办结反馈情况: only closing the clue answers it (MOHRSS column).
    ClosingFeedback,
    /// 回复办理情况，未办结的需填写进度反馈: closing it, or a progress feedback, answers it.
    ReplyOrProgressFeedback,
}

/// One source's clocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceClock {
    /// Accept within this many working days of registration (自线索登记之日起N个工作日内); `None`: no clock.
    pub accept_working_days: Option<u32>,
    /// Respond within this many natural days of accepting (自线索确认接收之日起N个自然日); `None`: no clock.
    pub respond_natural_days: Option<u32>,
    /// What responding means.
    pub response: Response,
}

/// The clocks of every source (平人社监察〔2024〕15号 二(一)(二)、四(三); 保定市高效处置农民工欠薪问题若干措施（二）).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clocks {
    /// 人社部“根治欠薪进行时”专栏: 3 working days, 60 natural days, closing feedback (平人社监察〔2024〕15号 二(一)(二)).
    pub mohrss_column: SourceClock,
    /// 中国政府网网民留言: 2 working days, 30 natural days, reply or progress feedback (平人社监察〔2024〕15号 二(一)(二)).
    pub gov_cn_message: SourceClock,
    /// 国务院“互联网+督查”: as the gov.cn message (平人社监察〔2024〕15号 二(一)(二)).
    pub state_council_inspection: SourceClock,
    /// 部长信箱: as the gov.cn message (平人社监察〔2024〕15号 二(一)(二)).
    pub ministers_mailbox: SourceClock,
    /// 河南省农民工工资支付监管系统: 比照执行, as the MOHRSS column (平人社监察〔2024〕15号 四(三)).
    pub henan_monitoring: SourceClock,
    /// 12345, 12333, 信访, 现场接访, 二维码 (保定市高效处置农民工欠薪问题若干措施（二）): no clock by default.
    pub other_channels: SourceClock,
}

impl Clocks {
    /// The clock of a source.
    pub fn of(&self, source: Source) -> &SourceClock {
        match source {
            Source::MohrssColumn => &self.mohrss_column,
            Source::GovCnMessage => &self.gov_cn_message,
            Source::StateCouncilInspection => &self.state_council_inspection,
            Source::MinistersMailbox => &self.ministers_mailbox,
            Source::HenanMonitoring => &self.henan_monitoring,
            Source::Hotline12345
            | Source::Hotline12333
            | Source::Petition
            | Source::OnSite
            | Source::QrCode => &self.other_channels,
        }
    }
}

/// What a card is counted against (interpretation, 保定市高效处置农民工欠薪问题若干措施（十二） "未按期办结的案件").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CardBasis {
    /// Default: a case not **closed** by its respond-by date is overdue, even if a progress feedback answered it.
    #[default]
    NotClosed,
    /// Alternative: a timely progress feedback also keeps the card away.
    NotAnswered,
}

/// What counts as "progress" that keeps a red card away (interpretation, 保定市高效处置农民工欠薪问题若干措施（十二） "超期10日仍无进展").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProgressEvidence {
    /// Default: any record dated after the deadline: a progress record (note or feedback), a contact, the
    /// investigation, a case filing, an enforcement application, a police transfer, informing the reporter, a
    /// payment, an agreement (signed, followed up or paid) or a submission.
    #[default]
    AnyRecord,
    /// Alternative: only a progress feedback filed on the platform.
    FeedbackOnly,
}

/// Which escalation facts raise a case to the city (interpretation, 天水市“六项机制”（2025）重大案件提级督办机制).
///
/// 天水市“六项机制”（2025）重大案件提级督办机制: “对涉及跨区域施工、工程结算存在纠纷，涉及人数多、金额大等复杂案件，或上级转办……的重大欠薪线索，在各县区核实
/// 整治的基础上，仍出现反复投诉或引发重大舆情的，实行提级办案。”
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EscalationBasis {
    /// Default, the sentence as written: a complex case (cross-region work, a settlement dispute, many workers, a
    /// large sum) or a clue transferred from above, **and** it still draws repeated complaints or a public-opinion
    /// incident (“仍出现反复投诉或引发重大舆情的”).
    #[default]
    CaseAndRecurrence,
    /// Alternative: any one of the seven facts alone raises the case.
    AnyCriterion,
}

/// How a sampling rate turns into a count (interpretation, 平人社监察〔2024〕15号 三(四) "按照5%的比例").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rounding {
    /// Default: round up, so 1–20 closed clues give one check.
    #[default]
    Up,
    /// Alternative: round down (fewer than 20 closed clues give none).
    Down,
}

/// Which month a finding counts in (interpretation, 平人社监察〔2024〕15号 四(一) "当月累计").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FindingMonth {
    /// Default: the month it was discovered.
    #[default]
    Discovered,
    /// Alternative: the month the clue was closed (falls back to discovery when unknown).
    ClueClosed,
}

/// What the effective-handling rate divides (interpretation, 平人社监察〔2024〕15号 一 "有效核处率达到90%以上").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EffectiveHandling {
    /// Default: closed clues with no violation and no finding, over all closed clues.
    #[default]
    WithoutDefects,
    /// Alternative: closed clues with a substantive conclusion (1–5, 8, 9), over all closed clues.
    SubstantiveConclusion,
}

/// A grade scale for A and B (保障农民工工资支付考核等级), carried by a policy **with its source**.
///
/// The documents give no scale: 平人社监察〔2024〕15号 四(一) forces C级 at 30 findings, and the grades A and B come
/// from the province's annual assessment, whose scale none of them states. A policy whose author has that scale
/// sets it here, naming where it comes from; the county's grade then follows it (R-SCO-5) and the source is
/// printed with it.
///
/// ```
/// use wage_arrears::{GradeScale, Points, Policy};
/// let mut policy = Policy::default();
/// policy.grade_scale = Some(GradeScale {
///     a_min_score: Points::whole(90),
///     b_min_score: Points::whole(75),
///     source: "某省保障农民工工资支付工作考核细则（示例）第十条".to_owned(),
/// });
/// policy.validate()?;
/// # Ok::<(), wage_arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeScale {
    /// The lowest score graded A.
    pub a_min_score: Points,
    /// The lowest score graded B; below it, C.
    pub b_min_score: Points,
    /// Where the scale comes from: the document and clause, as the policy's author cites it. Printed with every
    /// grade the scale gives; a scale without a source is refused by [`Policy::validate`].
    pub source: String,
}

macro_rules! policy {
    ($( $(#[$doc:meta])* $field:ident : $ty:ty = $default:expr; )*) => {
        /// A city's rules as numbers and switches, each documented with its clause.
        ///
        /// ```
        /// use wage_arrears::Policy;
        /// let p = Policy::default();
        /// assert_eq!(p.interview_findings_per_month, 5);
        /// assert_eq!(p.deduction_per_finding.to_string(), "0.2");
        /// p.validate()?;
        /// # Ok::<(), wage_arrears::Error>(())
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
        #[non_exhaustive]
        pub struct Policy {
            $( $(#[$doc])* pub $field: $ty, )*
        }

        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct PolicyRecord {
            $( $field: $ty, )*
        }

        impl<'de> Deserialize<'de> for Policy {
            /// Reads every field from a JSON object (never a list), then [`Policy::validate`]s it.
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Policy, D::Error> {
                let record: PolicyRecord =
                    crate::de::object(deserializer, "a policy (a JSON object)")?;
                Policy::try_from(record).map_err(serde::de::Error::custom)
            }
        }

        impl TryFrom<PolicyRecord> for Policy {
            type Error = Error;
            fn try_from(r: PolicyRecord) -> Result<Policy, Error> {
                let p = Policy { $( $field: r.$field, )* };
                p.validate()?;
                Ok(p)
            }
        }

        impl Default for Policy {
            /// The 2024 Pingdingshan plan (平人社监察〔2024〕15号), with the crate's documented interpretations.
            fn default() -> Policy {
                Policy { $( $field: $default, )* }
            }
        }

        /// A [`Policy`] with some numbers changed, from any crate: `Policy` is `#[non_exhaustive]`, so a struct
        /// literal (`Policy { min_contacts: 4, ..Policy::default() }`) only compiles inside this crate. Start from
        /// the default ([`Policy::builder`]) or from any policy (`PolicyBuilder::from(policy)`), set fields by
        /// name, and [`build`](PolicyBuilder::build): the result is validated once, where it is built.
        ///
        /// ```
        /// use wage_arrears::{Policy, PolicyBuilder, Points, Rollover};
        ///
        /// let strict = Policy::builder()
        ///     .name("某市 根治欠薪工作方案（示例）".to_owned())
        ///     .min_contacts(4)
        ///     .interview_findings_per_month(3)
        ///     .deduction_per_finding("0.5".parse::<Points>()?)
        ///     .natural_day_rollover(Rollover::NextWorkingDay)
        ///     .build()?;
        /// assert_eq!((strict.min_contacts, strict.interview_findings_per_month), (4, 3));
        ///
        /// // From another policy, and refused when a number cannot work:
        /// let err = PolicyBuilder::from(strict).spot_check_due_day(31).build().unwrap_err();
        /// assert!(err.to_string().contains("spot_check_due_day"));
        ///
        /// // Fields are public, so a mutable policy can also be changed in place (then call `validate`):
        /// let mut p = Policy::default();
        /// p.red_card_overdue_days = 7;
        /// p.validate()?;
        /// # Ok::<(), wage_arrears::Error>(())
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[must_use = "a builder does nothing until `build` is called"]
        pub struct PolicyBuilder {
            policy: Policy,
        }

        impl PolicyBuilder {
            $(
                $(#[$doc])*
                pub fn $field(mut self, value: $ty) -> PolicyBuilder {
                    self.policy.$field = value;
                    self
                }
            )*

            /// The policy, validated.
            ///
            /// # Errors
            /// [`Error::InvalidPolicy`] naming the first field [`Policy::validate`] refuses.
            pub fn build(self) -> Result<Policy, Error> {
                self.policy.validate()?;
                Ok(self.policy)
            }
        }
    };
}

impl Policy {
    /// A builder starting from [`Policy::default()`]: see [`PolicyBuilder`].
    pub fn builder() -> PolicyBuilder {
        PolicyBuilder::from(Policy::default())
    }
}

impl From<Policy> for PolicyBuilder {
    /// A builder starting from `policy`.
    fn from(policy: Policy) -> PolicyBuilder {
        PolicyBuilder { policy }
    }
}

const fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    crate::calendar::const_date(y, m, day)
}

/// The public default seed of the random return-visit draw: the 32 ASCII bytes of
/// `wage-arrears random return visit` (hex `776167652d617272656172732072616e646f6d2072657475726e207669736974`).
const DEFAULT_RETURN_VISIT_SEED: Seed = Seed::from_bytes(*b"wage-arrears random return visit");

const MOHRSS_CLOCK: SourceClock = SourceClock {
    accept_working_days: Some(3),
    respond_natural_days: Some(60),
    response: Response::ClosingFeedback,
};
const TWO_DAY_CLOCK: SourceClock = SourceClock {
    accept_working_days: Some(2),
    respond_natural_days: Some(30),
    response: Response::ReplyOrProgressFeedback,
};

policy! {
    /// The policy's name and document.
    name: String = "平顶山市 提高办理质效有效核处欠薪线索工作方案（平人社监察〔2024〕15号）".to_owned();
    /// The day it takes effect (平人社监察〔2024〕15号: 印发 2024-05-22).
    effective_from: NaiveDate = d(2024, 5, 22);
    /// The city whose rules these are, as reports name it (平顶山市).
    city: String = "平顶山市".to_owned();
    /// The document the policy implements, as a report cites it (平人社监察〔2024〕15号).
    document: String = "平人社监察〔2024〕15号".to_owned();

    // ── Clocks (平人社监察〔2024〕15号 二) ──
    /// Each source's acceptance and response clocks (平人社监察〔2024〕15号 二(一)(二)、四(三); 保定市高效处置农民工欠薪问题若干措施（二）).
    clocks: Clocks = Clocks {
        mohrss_column: MOHRSS_CLOCK,
        gov_cn_message: TWO_DAY_CLOCK,
        state_council_inspection: TWO_DAY_CLOCK,
        ministers_mailbox: TWO_DAY_CLOCK,
        henan_monitoring: MOHRSS_CLOCK,
        other_channels: SourceClock {
            accept_working_days: None,
            respond_natural_days: None,
            response: Response::ClosingFeedback,
        },
    };
    /// Whether a natural-day deadline on a rest day moves to the next working day (民法典 第203条). Default
    /// [`Rollover::None`] for these internal platform deadlines (interpretation).
    natural_day_rollover: Rollover = Rollover::None;

    // ── Cards (保定市高效处置农民工欠薪问题若干措施（十二）) ──
    /// What a yellow card counts against (interpretation).
    card_basis: CardBasis = CardBasis::NotClosed;
    /// Overdue by this many days or more with no progress: red card (保定市高效处置农民工欠薪问题若干措施（十二） "超期10日仍无进展").
    red_card_overdue_days: u32 = 10;
    /// What counts as progress against a red card (interpretation).
    red_card_progress: ProgressEvidence = ProgressEvidence::AnyRecord;

    // ── Escalation (平人社监察〔2024〕15号 二(三), 天水市“六项机制”（2025）重大案件提级督办机制) ──
    /// A clue affecting at least this many workers is "涉及人数多" (interpretation: 30, a 专班 threshold).
    escalation_min_workers: u32 = 30;
    /// A clue owing at least this much is "金额大" (interpretation: ¥500,000).
    escalation_min_amount: Fen = Fen::from_yuan(500_000);
    /// Which facts raise a case (interpretation: the facts of a complex or transferred case **and** a repeated
    /// complaint or public-opinion incident, as 天水市“六项机制”（2025）重大案件提级督办机制 is written).
    escalation_basis: EscalationBasis = EscalationBasis::CaseAndRecurrence;
    /// An escalated case is filed on the day it is received (天水市“六项机制”（2025）重大案件提级督办机制
    /// "即接即办、当日立案"), once it meets the filing conditions (arrears verified, 平人社监察〔2024〕15号 三(二)
    /// “符合立案条件的要及时立案”).
    escalation_same_day_filing: bool = true;
    /// Whether a clue the city handles itself (`handling_level: city`) is escalated by that alone. Default `false`:
    /// 平人社监察〔2024〕15号 二(二) lets the city handle any clue itself (“可通过平台选择市级直接办理”), so city
    /// handling is not 提级办案 unless the policy says so (interpretation).
    city_handling_escalates: bool = false;
    /// Clues about the same employer (by credit code, else by name) or the same project, this many or more within
    /// [`repeated_complaint_window_days`](Policy::repeated_complaint_window_days), are repeated complaints
    /// (天水市“六项机制”（2025）重大案件提级督办机制 “仍出现反复投诉”; interpretation: 2, a complaint made again).
    repeated_complaint_min_clues: u32 = 2;
    /// The window, in natural days between registrations, within which clues about one employer or project count
    /// together as repeated complaints (天水市“六项机制”（2025）重大案件提级督办机制 “反复投诉”; interpretation: 365).
    repeated_complaint_window_days: u32 = 365;

    // ── Handling (平人社监察〔2024〕15号 三) ──
    /// Contacts with the reporter required (平人社监察〔2024〕15号 三(二) "联系反映人至少要3次以上").
    min_contacts: u32 = 3;
    /// First contact within this many working days of acceptance (平人社监察〔2024〕15号 二(二) "第一时间"; interpretation: 1).
    first_contact_working_days: u32 = 1;
    /// The facts and the handling text each need at least this many characters (平人社监察〔2024〕15号 三(一) "不得以极简的概括性
    /// 语言描述"; interpretation: 30).
    min_text_chars: u32 = 30;
    /// A case meeting the filing conditions is filed within this many working days of the verification
    /// (平人社监察〔2024〕15号 三(二) "及时立案"; interpretation after 关于实施《劳动保障监察条例》若干规定 第十八条: 5).
    file_within_working_days: u32 = 5;

    // ── Follow-ups (平人社监察〔2024〕15号 三(一)、二(三), 天水市“六项机制”（2025）平台投诉受理回访机制) ──
    /// An agreement is followed up this many working days before its payment date (平人社监察〔2024〕15号 三(一) "临期";
    /// interpretation: 3).
    agreement_reminder_working_days: u32 = 3;
    /// A passed, unpaid agreement is followed up within this many working days after its payment date (平人社监察〔2024〕15号 三(一)
    /// “到期后，要进行跟踪督促”; interpretation: 1, the next working day).
    agreement_overdue_working_days: u32 = 1;
    /// A returned clue is resubmitted within this many working days (平人社监察〔2024〕15号 二(三) "按期报送"; interpretation: 5).
    resubmit_within_working_days: u32 = 5;
    /// A closed case gets a periodic return visit this many natural days after closing (天水市“六项机制”（2025）平台投诉受理回访机制 "定期检查";
    /// interpretation: 30).
    return_visit_after_days: u32 = 30;
    /// The share of closed cases drawn for a random return visit (天水市“六项机制”（2025）平台投诉受理回访机制 "随机抽查"; interpretation: 10%).
    random_return_visit_rate: Rate = Rate::percent(10);
    /// The seed of the random return-visit draw ([`review::draw_key`](crate::review::draw_key) of each closed
    /// clue's id, see [`follow_up`](crate::follow_up)): the same seed draws the same clues on every machine. The
    /// default is public (the 32 ASCII bytes of `wage-arrears random return visit`), so anyone can tell which
    /// clues it draws; a city that wants the draw unpredictable sets a fresh [`Seed`] of its own, publishes only
    /// its [commitment](Seed::commitment) while the policy is in force and reveals the seed afterwards, as for
    /// the spot check (interpretation). Written in JSON as 64 hex digits.
    random_return_visit_seed: Seed = DEFAULT_RETURN_VISIT_SEED;

    // ── Review (平人社监察〔2024〕15号 三(四)、四(一)) ──
    /// The share of a month's closed clues the city spot-checks (平人社监察〔2024〕15号 三(四) "按照5%的比例").
    spot_check_rate: Rate = Rate::percent(5);
    /// How the share rounds (interpretation: up).
    spot_check_rounding: Rounding = Rounding::Up;
    /// The spot check is done on or before this day of the following month (平人社监察〔2024〕15号 四(一) "每月10日前").
    spot_check_due_day: u32 = 10;
    /// The share of code-5 clues reviewed (平人社监察〔2024〕15号 三(四) "100%进行复核").
    code5_review_rate: Rate = Rate::FULL;
    /// Resubmitting a returned clue unrevised this many times or more is a finding (平人社监察〔2024〕15号 四(一)7 "2次以上").
    unrevised_resubmissions_for_finding: u32 = 2;

    // ── Scoring (平人社监察〔2024〕15号 四(一)) ──
    /// Deducted from the county's annual total per finding (平人社监察〔2024〕15号 四(一) "扣减年度考核总分0.2分").
    deduction_per_finding: Points = Points::from_milli(200);
    /// Findings in one calendar month (含本数) that bring an interview (平人社监察〔2024〕15号 四(一) "当月累计5条").
    interview_findings_per_month: u32 = 5;
    /// Findings in one calendar year (含本数) that force grade C (平人社监察〔2024〕15号 四(一) "当年度累计30条").
    grade_c_findings_per_year: u32 = 30;
    /// A grade scale for A and B, with its source, when the policy's author has one (the province's annual
    /// assessment). `None` by default: the documents define only the forced C级 (平人社监察〔2024〕15号 四(一)), so
    /// without a scale a county is C级 or 未触发C级, never A or B.
    grade_scale: Option<GradeScale> = None;
    /// Which month a finding counts in (interpretation: the month it was discovered).
    finding_month: FindingMonth = FindingMonth::Discovered;

    // ── Projects (保定市高效处置农民工欠薪问题若干措施（十一）) ──
    /// A government-invested project pays out at least this share of the work completed (保定市高效处置农民工欠薪
    /// 问题若干措施（十一） “工程款拨付比例不低于已完成工程量80%”).
    progress_payment_min_rate: Rate = Rate::percent(80);

    // ── Goals (平人社监察〔2024〕15号 一, 平人社字〔2022〕2号 三(五)) ──
    /// 平台线索接收率 100% (平人社监察〔2024〕15号 一).
    goal_acceptance: Rate = Rate::FULL;
    /// 有效核处率 ≥ 90% (平人社监察〔2024〕15号 一).
    goal_effective_handling: Rate = Rate::percent(90);
    /// What the effective-handling rate divides (interpretation).
    effective_handling: EffectiveHandling = EffectiveHandling::WithoutDefects;
    /// 核处结论为5的线索复核率 100% (平人社监察〔2024〕15号 一).
    goal_code5_review: Rate = Rate::FULL;
    /// 案件登记率 100% (平人社字〔2022〕2号 三(五)).
    goal_registration: Rate = Rate::FULL;
    /// 案件结案率 ≥ 98% (平人社字〔2022〕2号 三(五)).
    goal_closure: Rate = Rate::percent(98);
}

impl Policy {
    /// The 2024 Pingdingshan plan: the same as [`Policy::default()`].
    pub fn pingdingshan_2024() -> Policy {
        Policy::default()
    }

    /// Checks that every number is one the rules can mean, and names the first that is not.
    ///
    /// | fields | allowed | why |
    /// |---|---|---|
    /// | each source's `accept_working_days`, `respond_natural_days` | `null` or 1–366 | a 0-day window leaves no time to act; no clock in the texts runs longer than a year |
    /// | `red_card_overdue_days`, `resubmit_within_working_days`, `agreement_overdue_working_days`, `return_visit_after_days` | 1–366 | a count of 0 days is no delay, beyond a year is no deadline |
    /// | `first_contact_working_days`, `file_within_working_days`, `agreement_reminder_working_days` | 0–366 | 0 is the same day (第一时间, 当日立案, on the payment date) |
    /// | `min_contacts`, `unrevised_resubmissions_for_finding`, `interview_findings_per_month`, `grade_c_findings_per_year`, `escalation_min_workers` | at least 1 | a threshold of 0 is met by every clue or county |
    /// | `escalation_min_amount` | more than ¥0.00 | a threshold of 0 makes every clue a large sum |
    /// | every rate and goal (`progress_payment_min_rate` too) | 0%–100% | a share cannot exceed the whole |
    /// | `spot_check_rate` | above 0% | a spot check of 0% checks nothing |
    /// | `spot_check_due_day` | 1–28 | a day every month has |
    /// | `deduction_per_finding` | 0–[`MAX_POINTS`] | negative is a bonus, not a deduction; more is a typo |
    /// | `grade_scale` (when set): `b_min_score` ≤ `a_min_score`, and a `source` | both 0–[`MAX_POINTS`] | the scale cannot be upside down, and must say where it comes from |
    /// | `repeated_complaint_min_clues` | at least 2 | one clue is not a repetition |
    /// | `repeated_complaint_window_days` | 1–3660 | a look-back window may span years, not decades |
    ///
    /// ```
    /// use wage_arrears::{Error, Points, Policy};
    /// let mut p = Policy::default();
    /// p.deduction_per_finding = Points::from_milli(i64::MAX); // 9223372036854775.807 points
    /// let err = p.validate().unwrap_err();
    /// assert!(matches!(err, Error::InvalidPolicy { field: "deduction_per_finding", .. }));
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidPolicy`] naming the first field out of its bounds, with its value and the bounds.
    pub fn validate(&self) -> Result<(), Error> {
        let bad = |field, reason: String| Err(Error::InvalidPolicy { field, reason });
        let c = &self.clocks;
        for (name, clock) in [
            ("clocks.mohrss_column", c.mohrss_column),
            ("clocks.gov_cn_message", c.gov_cn_message),
            (
                "clocks.state_council_inspection",
                c.state_council_inspection,
            ),
            ("clocks.ministers_mailbox", c.ministers_mailbox),
            ("clocks.henan_monitoring", c.henan_monitoring),
            ("clocks.other_channels", c.other_channels),
        ] {
            for (what, days) in [
                ("accept_working_days", clock.accept_working_days),
                ("respond_natural_days", clock.respond_natural_days),
            ] {
                match days {
                    Some(0) => {
                        return bad(
                            name,
                            format!("{what} of 0 leaves no time to act; use null for no clock"),
                        );
                    }
                    Some(n) if n > MAX_DAYS => {
                        return bad(
                            name,
                            format!(
                                "{what} of {n} is longer than a year ({MAX_DAYS} days): not a deadline"
                            ),
                        );
                    }
                    _ => {}
                }
            }
        }
        for (field, n, least) in [
            ("red_card_overdue_days", self.red_card_overdue_days, 1),
            (
                "resubmit_within_working_days",
                self.resubmit_within_working_days,
                1,
            ),
            (
                "agreement_overdue_working_days",
                self.agreement_overdue_working_days,
                1,
            ),
            ("return_visit_after_days", self.return_visit_after_days, 1),
            (
                "first_contact_working_days",
                self.first_contact_working_days,
                0,
            ),
            ("file_within_working_days", self.file_within_working_days, 0),
            (
                "agreement_reminder_working_days",
                self.agreement_reminder_working_days,
                0,
            ),
        ] {
            if !(least..=MAX_DAYS).contains(&n) {
                return bad(
                    field,
                    format!(
                        "{n} days is outside {least}–{MAX_DAYS} (a count of days within a year)"
                    ),
                );
            }
        }
        for (field, rate) in [
            ("random_return_visit_rate", self.random_return_visit_rate),
            ("spot_check_rate", self.spot_check_rate),
            ("code5_review_rate", self.code5_review_rate),
            ("goal_acceptance", self.goal_acceptance),
            ("goal_effective_handling", self.goal_effective_handling),
            ("goal_code5_review", self.goal_code5_review),
            ("goal_registration", self.goal_registration),
            ("goal_closure", self.goal_closure),
            ("progress_payment_min_rate", self.progress_payment_min_rate),
        ] {
            if rate > Rate::FULL {
                return bad(field, format!("a rate of {rate} is over 100%"));
            }
        }
        if self.spot_check_rate == Rate(0) {
            return bad(
                "spot_check_rate",
                "a spot check of 0% checks nothing".to_owned(),
            );
        }
        for (field, n) in [
            ("min_contacts", self.min_contacts),
            (
                "unrevised_resubmissions_for_finding",
                self.unrevised_resubmissions_for_finding,
            ),
            (
                "interview_findings_per_month",
                self.interview_findings_per_month,
            ),
            ("grade_c_findings_per_year", self.grade_c_findings_per_year),
            ("escalation_min_workers", self.escalation_min_workers),
        ] {
            if n == 0 {
                return bad(
                    field,
                    "a threshold of 0 is met by everything; must be at least 1".to_owned(),
                );
            }
        }
        if self.escalation_min_amount == Fen::ZERO {
            return bad(
                "escalation_min_amount",
                "a threshold of ¥0.00 makes every clue a large sum".to_owned(),
            );
        }
        if !(1..=28).contains(&self.spot_check_due_day) {
            return bad(
                "spot_check_due_day",
                format!(
                    "day {} is not a day 1–28 that every month has",
                    self.spot_check_due_day
                ),
            );
        }
        if self.deduction_per_finding < Points::ZERO || self.deduction_per_finding > MAX_POINTS {
            return bad(
                "deduction_per_finding",
                format!(
                    "{} points is outside 0.0–{MAX_POINTS}",
                    self.deduction_per_finding
                ),
            );
        }
        if let Some(scale) = &self.grade_scale {
            for (field, points) in [
                ("grade_scale.a_min_score", scale.a_min_score),
                ("grade_scale.b_min_score", scale.b_min_score),
            ] {
                if points < Points::ZERO || points > MAX_POINTS {
                    return bad(
                        field,
                        format!("{points} points is outside 0.0–{MAX_POINTS}"),
                    );
                }
            }
            if scale.a_min_score < scale.b_min_score {
                return bad(
                    "grade_scale.a_min_score",
                    format!(
                        "grade A cannot need a lower score ({}) than grade B ({})",
                        scale.a_min_score, scale.b_min_score
                    ),
                );
            }
            if scale.source.trim().is_empty() {
                return bad(
                    "grade_scale.source",
                    "a grade scale needs its source (the document and clause that set it)"
                        .to_owned(),
                );
            }
        }
        if self.repeated_complaint_min_clues < 2 {
            return bad(
                "repeated_complaint_min_clues",
                format!(
                    "{} clues cannot repeat a complaint; a repeated complaint needs at least 2 clues",
                    self.repeated_complaint_min_clues
                ),
            );
        }
        // A look-back window, not a deadline: it may span years, but not more than ten.
        if !(1..=10 * MAX_DAYS).contains(&self.repeated_complaint_window_days) {
            return bad(
                "repeated_complaint_window_days",
                format!(
                    "{} days is outside 1–{} (ten years at most)",
                    self.repeated_complaint_window_days,
                    10 * MAX_DAYS
                ),
            );
        }
        Ok(())
    }
}

/// The longest count of days any window of a policy may have: a year (366 days). No clock in the texts runs
/// longer (the longest is 60 natural days); a longer one is a typo, and would leave the calendar's known years.
pub const MAX_DAYS: u32 = 366;

/// The most points a deduction or a grade line may be: 1000.0. The texts deduct 0.2 points per finding from an
/// annual total whose scale they do not state (the crate's default grade lines read it as 100); 1000 points
/// leaves room for any scale a city uses and refuses a typo such as `9223372036854775.807`, which no score could
/// ever be measured against.
pub const MAX_POINTS: Points = Points::from_milli(1_000_000);

/// Policies over time: picks the one in force on a date by [`Policy::effective_from`].
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::{Policy, PolicySet};
/// let set = PolicySet::new(vec![Policy::default()])?;
/// assert!(set.in_force_on(wage_arrears::date(2025, 1, 1)?).is_ok());
/// assert!(set.in_force_on(wage_arrears::date(2024, 5, 21)?).is_err());
/// # Ok::<(), wage_arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Policy>", into = "Vec<Policy>")]
pub struct PolicySet {
    policies: Vec<Policy>,
}

impl PolicySet {
    /// A set of policies; sorted by `effective_from`.
    ///
    /// # Errors
    /// [`Error::InvalidPolicy`] when the set is empty, a policy is invalid, or two take effect the same day.
    pub fn new(mut policies: Vec<Policy>) -> Result<PolicySet, Error> {
        if policies.is_empty() {
            return Err(Error::InvalidPolicy {
                field: "effective_from",
                reason: "a policy set needs at least one policy".into(),
            });
        }
        for p in &policies {
            p.validate()?;
        }
        policies.sort_by_key(|p| p.effective_from);
        if let Some(w) = policies
            .windows(2)
            .find(|w| w[0].effective_from == w[1].effective_from)
        {
            return Err(Error::InvalidPolicy {
                field: "effective_from",
                reason: format!("two policies take effect on {}", w[0].effective_from),
            });
        }
        Ok(PolicySet { policies })
    }

    /// The policy in force on `date`: the latest whose `effective_from` is on or before it.
    ///
    /// # Errors
    /// [`Error::NoPolicyInForce`] when `date` is before the first policy.
    pub fn in_force_on(&self, date: NaiveDate) -> Result<&Policy, Error> {
        let i = self.policies.partition_point(|p| p.effective_from <= date);
        match i.checked_sub(1) {
            Some(k) => Ok(&self.policies[k]),
            None => Err(Error::NoPolicyInForce {
                date,
                earliest: self.policies[0].effective_from,
            }),
        }
    }

    /// The policies, by `effective_from`.
    pub fn policies(&self) -> &[Policy] {
        &self.policies
    }
}

impl TryFrom<Vec<Policy>> for PolicySet {
    type Error = Error;
    fn try_from(v: Vec<Policy>) -> Result<PolicySet, Error> {
        PolicySet::new(v)
    }
}

impl From<PolicySet> for Vec<Policy> {
    fn from(s: PolicySet) -> Vec<Policy> {
        s.policies
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_policy_is_valid() {
        assert_eq!(Policy::default().validate(), Ok(()));
    }

    #[test]
    fn a_zero_day_window_is_rejected() {
        let mut p = Policy::default();
        p.clocks.gov_cn_message.accept_working_days = Some(0);
        let err = p.validate().unwrap_err().to_string();
        assert!(err.contains("clocks.gov_cn_message"), "{err}");
    }

    #[test]
    fn a_rate_over_one_hundred_percent_is_rejected() {
        let p = Policy {
            spot_check_rate: Rate(10_001),
            ..Policy::default()
        };
        assert!(
            p.validate()
                .unwrap_err()
                .to_string()
                .contains("100.01% is over 100%")
        );
    }

    #[test]
    fn a_negative_deduction_is_rejected() {
        let p = Policy {
            deduction_per_finding: Points::from_milli(-200),
            ..Policy::default()
        };
        assert!(p.validate().is_err());
    }

    #[test]
    fn every_number_out_of_its_bounds_is_refused_naming_its_field() {
        let cases: Vec<(&str, Policy, &str)> = vec![
            (
                "deduction_per_finding",
                Policy {
                    deduction_per_finding: Points::from_milli(i64::MAX),
                    ..Policy::default()
                },
                "9223372036854775.807 points is outside 0.0–1000.0",
            ),
            (
                "grade_scale.b_min_score",
                Policy {
                    grade_scale: Some(GradeScale {
                        a_min_score: Points::whole(90),
                        b_min_score: Points::from_milli(-1),
                        source: "某细则".to_owned(),
                    }),
                    ..Policy::default()
                },
                "-0.001 points",
            ),
            (
                "red_card_overdue_days",
                Policy {
                    red_card_overdue_days: 367,
                    ..Policy::default()
                },
                "367 days is outside 1–366",
            ),
            (
                "agreement_overdue_working_days",
                Policy {
                    agreement_overdue_working_days: 0,
                    ..Policy::default()
                },
                "0 days is outside 1–366",
            ),
            (
                "file_within_working_days",
                Policy {
                    file_within_working_days: u32::MAX,
                    ..Policy::default()
                },
                "4294967295 days",
            ),
            (
                "interview_findings_per_month",
                Policy {
                    interview_findings_per_month: 0,
                    ..Policy::default()
                },
                "a threshold of 0",
            ),
            (
                "goal_closure",
                Policy {
                    goal_closure: Rate(u32::MAX),
                    ..Policy::default()
                },
                "over 100%",
            ),
            (
                "spot_check_due_day",
                Policy {
                    spot_check_due_day: 0,
                    ..Policy::default()
                },
                "day 0",
            ),
        ];
        for (field, p, reason) in cases {
            match p.validate() {
                Err(Error::InvalidPolicy {
                    field: f,
                    reason: r,
                }) => {
                    assert_eq!(f, field);
                    assert!(r.contains(reason), "{field}: {r}");
                }
                other => panic!("{field}: {other:?}"),
            }
        }
        let mut p = Policy::default();
        p.clocks.mohrss_column.respond_natural_days = Some(367);
        let err = p.validate().unwrap_err().to_string();
        assert!(
            err.contains("clocks.mohrss_column") && err.contains("respond_natural_days of 367"),
            "{err}"
        );
        // The bounds themselves are allowed.
        let edge = Policy {
            deduction_per_finding: MAX_POINTS,
            grade_scale: Some(GradeScale {
                a_min_score: MAX_POINTS,
                b_min_score: Points::ZERO,
                source: "某细则".to_owned(),
            }),
            red_card_overdue_days: MAX_DAYS,
            first_contact_working_days: 0,
            ..Policy::default()
        };
        assert_eq!(edge.validate(), Ok(()));
    }

    #[test]
    fn henan_clues_are_clocked_as_the_mohrss_column() {
        let p = Policy::default();
        assert_eq!(
            p.clocks.of(Source::HenanMonitoring),
            p.clocks.of(Source::MohrssColumn)
        );
        assert_eq!(p.clocks.of(Source::QrCode).accept_working_days, None);
    }
}
