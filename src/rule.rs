//! The rule catalogue: every rule the crate applies, with its id, its citation and the words of the policy.
//!
//! Every output of the crate (a deadline, a violation, a follow-up, a finding, a score line) carries a [`RuleId`],
//! so that a clerk sees `R-ACC-1 (平人社监察〔2024〕15号 二(一)) …` and a service can render the clause.
//!
//! The documents are catalogued once, in [`Document`]: title, issuer, number and date. A [`Citation`] names the
//! document and the clause inside it and prints in the short official form a clerk can look up
//! (`平人社监察〔2024〕15号 四(一)8`, `保定市高效处置农民工欠薪问题若干措施（十二）`).

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Error;

/// A document the rules come from: the five policy texts, and the national law and notices the calendar follows.
///
/// ```
/// use wage_arrears::rule::Document;
/// let plan = Document::PingdingshanPlan2024;
/// assert_eq!(plan.number(), Some("平人社监察〔2024〕15号"));
/// assert_eq!(plan.issuer(), "平顶山市人力资源和社会保障局");
/// assert_eq!(plan.issued_on().map(|d| d.to_string()).as_deref(), Some("2024-05-22"));
/// assert!(Document::ALL.iter().all(|d| !d.title().is_empty()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Document {
    /// 平顶山市人力资源和社会保障局《提高办理质效有效核处欠薪线索工作方案》(平人社监察〔2024〕15号, 2024-05-22):
    /// sources, deadlines, the 10 conclusions, review, the 8 finding kinds, scoring.
    PingdingshanPlan2024,
    /// 洛阳市农民工工作领导小组办公室《关于开展根治欠薪冬季专项行动的通知》(2023-11-15): a time-boxed campaign.
    LuoyangWinterCampaign2023,
    /// 保定市《关于高效处置农民工欠薪问题若干措施》: red and yellow cards, intake channels, the 80% progress
    /// payment, the enterprise arrears ledger.
    BaodingMeasures,
    /// 天水市《建立“六项机制”大力提升治理欠薪工作质效》(2025-04-10): escalation and return visits.
    TianshuiSixMechanisms2025,
    /// 平顶山市人力资源和社会保障局《对市十一届人大六次会议第033号建议的答复》(平人社字〔2022〕2号): the
    /// registration and closure goals.
    PingdingshanReply2022,
    /// 中华人民共和国民法典: how periods are counted (第201条, 第203条).
    CivilCode,
    /// 国务院办公厅关于部分节假日安排的通知, one each year: which days are rest days and make-up working days.
    HolidayNotices,
}

impl Document {
    /// Every document, in catalogue order.
    pub const ALL: &'static [Document] = &[
        Document::PingdingshanPlan2024,
        Document::LuoyangWinterCampaign2023,
        Document::BaodingMeasures,
        Document::TianshuiSixMechanisms2025,
        Document::PingdingshanReply2022,
        Document::CivilCode,
        Document::HolidayNotices,
    ];

    /// The full title.
    pub const fn title(self) -> &'static str {
        match self {
            Document::PingdingshanPlan2024 => {
                "平顶山市人力资源和社会保障局关于印发《提高办理质效有效核处欠薪线索工作方案》的通知"
            }
            Document::LuoyangWinterCampaign2023 => {
                "洛阳市农民工工作领导小组办公室关于开展根治欠薪冬季专项行动的通知"
            }
            Document::BaodingMeasures => "关于高效处置农民工欠薪问题若干措施",
            Document::TianshuiSixMechanisms2025 => "天水市建立“六项机制”大力提升治理欠薪工作质效",
            Document::PingdingshanReply2022 => "对市十一届人大六次会议第033号建议的答复",
            Document::CivilCode => "中华人民共和国民法典",
            Document::HolidayNotices => "国务院办公厅关于部分节假日安排的通知（逐年发布）",
        }
    }

    /// Who issued it.
    pub const fn issuer(self) -> &'static str {
        match self {
            Document::PingdingshanPlan2024 | Document::PingdingshanReply2022 => {
                "平顶山市人力资源和社会保障局"
            }
            Document::LuoyangWinterCampaign2023 => "洛阳市农民工工作领导小组办公室",
            Document::BaodingMeasures => "保定市",
            Document::TianshuiSixMechanisms2025 => "天水市",
            Document::CivilCode => "全国人民代表大会",
            Document::HolidayNotices => "国务院办公厅",
        }
    }

    /// The document number (文号), where the document carries one.
    pub const fn number(self) -> Option<&'static str> {
        match self {
            Document::PingdingshanPlan2024 => Some("平人社监察〔2024〕15号"),
            Document::PingdingshanReply2022 => Some("平人社字〔2022〕2号"),
            _ => None,
        }
    }

    /// The day it was issued or published, where the text gives one.
    pub const fn issued_on(self) -> Option<NaiveDate> {
        match self {
            Document::PingdingshanPlan2024 => {
                Some(const { crate::calendar::const_date(2024, 5, 22) })
            }
            Document::LuoyangWinterCampaign2023 => {
                Some(const { crate::calendar::const_date(2023, 11, 15) })
            }
            Document::TianshuiSixMechanisms2025 => {
                Some(const { crate::calendar::const_date(2025, 4, 10) })
            }
            Document::CivilCode => Some(const { crate::calendar::const_date(2020, 5, 28) }),
            _ => None,
        }
    }

    /// The short form a citation starts with, e.g. `平人社监察〔2024〕15号`.
    pub const fn short(self) -> &'static str {
        match self {
            Document::PingdingshanPlan2024 => "平人社监察〔2024〕15号",
            Document::LuoyangWinterCampaign2023 => "洛阳市根治欠薪冬季专项行动通知（2023）",
            Document::BaodingMeasures => "保定市高效处置农民工欠薪问题若干措施",
            Document::TianshuiSixMechanisms2025 => "天水市“六项机制”（2025）",
            Document::PingdingshanReply2022 => "平人社字〔2022〕2号",
            Document::CivilCode => "民法典",
            Document::HolidayNotices => "国务院办公厅节假日安排通知",
        }
    }

    /// Whether the clause is written after a space (`平人社监察〔2024〕15号 二(一)`) or directly
    /// (`保定市高效处置农民工欠薪问题若干措施（十二）`).
    const fn spaced(self) -> bool {
        matches!(
            self,
            Document::PingdingshanPlan2024
                | Document::PingdingshanReply2022
                | Document::CivilCode
                | Document::HolidayNotices
        )
    }
}

impl fmt::Display for Document {
    /// The full title, with the number when there is one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.number() {
            Some(n) => write!(f, "{}（{n}）", self.title()),
            None => f.write_str(self.title()),
        }
    }
}

/// Where a rule comes from: a document and a clause in it.
///
/// Displays in the short official form: `平人社监察〔2024〕15号 四(一)8`,
/// `洛阳市根治欠薪冬季专项行动通知（2023）三(三)`, `保定市高效处置农民工欠薪问题若干措施（十二）`,
/// `天水市“六项机制”（2025）重大案件提级督办机制`, `民法典 第201条`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Citation {
    /// The document.
    pub document: Document,
    /// The clause inside it, e.g. `"二(一)"`, `"（十二）"`, `"第201条"`.
    pub clause: &'static str,
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sep = if self.document.spaced() { " " } else { "" };
        write!(f, "{}{sep}{}", self.document.short(), self.clause)
    }
}

macro_rules! rules {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $document:ident, $clause:literal, $zh:literal, $en:literal; )*) => {
        /// A rule of the catalogue.
        ///
        /// Serialised as its code (`"R-ACC-1"`). [`RuleId::ALL`] lists every rule; each knows its
        /// [`citation`](RuleId::citation), the Chinese text it implements ([`text_zh`](RuleId::text_zh)) and an
        /// English summary ([`summary_en`](RuleId::summary_en)).
        ///
        /// ```
        /// use wage_arrears::RuleId;
        /// let rule: RuleId = "R-ACC-1".parse()?;
        /// assert_eq!(rule.citation().to_string(), "平人社监察〔2024〕15号 二(一)");
        /// assert!(rule.text_zh().contains("3个工作日内"));
        /// # Ok::<(), wage_arrears::Error>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum RuleId {
            $( $(#[$doc])* $variant, )*
        }

        impl RuleId {
            /// Every rule, in catalogue order.
            pub const ALL: &'static [RuleId] = &[ $( RuleId::$variant, )* ];

            /// The rule's code, e.g. `"R-ACC-1"`.
            pub const fn code(self) -> &'static str {
                match self { $( RuleId::$variant => $code, )* }
            }

            /// The document and clause the rule implements.
            pub const fn citation(self) -> Citation {
                match self { $( RuleId::$variant => Citation { document: Document::$document, clause: $clause }, )* }
            }

            /// The Chinese text of the clause (or its operative sentence).
            pub const fn text_zh(self) -> &'static str {
                match self { $( RuleId::$variant => $zh, )* }
            }

            /// An English summary of what the rule requires.
            pub const fn summary_en(self) -> &'static str {
                match self { $( RuleId::$variant => $en, )* }
            }
        }
    };
}

rules! {
    // ── Calendar ────────────────────────────────────────────────────────────────────────────────────────
    /// Counting working days: the start day is not counted.
    CalendarWorkingDays = "R-CAL-1", CivilCode, "第201条",
        "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。",
        "a period in days starts on the day after the start day; only working days (incl. make-up days) count";
    /// Counting natural days, and the roll-over of a rest-day end.
    CalendarNaturalDays = "R-CAL-2", CivilCode, "第203条",
        "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。",
        "a period of natural days ends on start + N; a rest-day end moves to the next working day only if the policy says so";
    /// Which days are working days: the State Council's yearly notice.
    CalendarNotice = "R-CAL-3", HolidayNotices, "年度节假日安排",
        "根据国务院办公厅关于部分节假日安排的通知，法定节假日放假，调休日上班。",
        "holidays and make-up working days follow the State Council notice of the year";

    // ── Acceptance and response clocks (平人社监察〔2024〕15号 二) ──────────────────────────────────────────────────────
    /// Accept an MOHRSS-column clue within 3 working days of registration.
    AcceptMohrssColumn = "R-ACC-1", PingdingshanPlan2024, "二(一)",
        "“人社部根治欠薪进行时”专栏欠薪线索应当自线索登记之日起3个工作日内完成接收。",
        "an MOHRSS-column clue must be accepted within 3 working days of its registration";
    /// Accept a gov.cn / inspection / mailbox clue within 2 working days of registration.
    AcceptTwoDaySources = "R-ACC-2", PingdingshanPlan2024, "二(一)",
        "中国政府网网民留言、国务院“互联网+督查”、部长信箱欠薪线索应当自线索登记之日起2个工作日内完成接收。",
        "a gov.cn message, State Council inspection or minister's-mailbox clue must be accepted within 2 working days";
    /// Henan monitoring-system clues are handled as the plan says (比照执行).
    AcceptHenanMonitoring = "R-ACC-3", PingdingshanPlan2024, "四(三)",
        "河南省农民工工资支付监管系统（农民工工资支付监控预警平台）欠薪线索处置比照此方案进行。",
        "clues from the Henan wage-payment monitoring system follow the plan as the MOHRSS column does";
    /// Other intake channels: clocks only when the policy sets them.
    AcceptOtherChannels = "R-ACC-4", BaodingMeasures, "（二）",
        "加大国家欠薪线索平台、12345热线、阳光信访平台、现场接访等渠道欠薪线索归集力度，快速分类转办，及时化解反馈。",
        "clues from 12345, 12333, petitions, on-site visits and QR codes have clocks only where the policy sets them";
    /// Closing feedback for an MOHRSS-column clue within 60 natural days of acceptance.
    RespondClosingFeedback = "R-RSP-1", PingdingshanPlan2024, "二(二)",
        "“人社部根治欠薪进行时”专栏欠薪线索自线索确认接收之日起60个自然日内应当填写办结反馈情况。",
        "an MOHRSS-column clue must have its closing feedback within 60 natural days of acceptance";
    /// Reply within 30 natural days; a progress feedback if not closed.
    RespondReplyOrProgress = "R-RSP-2", PingdingshanPlan2024, "二(二)",
        "中国政府网网民留言、国务院“互联网+督查”、部长信箱欠薪线索应当自线索确认接收之日起30个自然日回复办理情况，未办结的需填写进度反馈。",
        "a 30-day source must be answered within 30 natural days of acceptance: closed, or a progress feedback";
    /// Overdue, not closed: yellow card.
    CardYellow = "R-CARD-1", BaodingMeasures, "（十二）",
        "对未按期办结的案件标注“黄牌”预警。",
        "a case not closed by its deadline carries a yellow card";
    /// Overdue 10 days or more with no progress: red card.
    CardRed = "R-CARD-2", BaodingMeasures, "（十二）",
        "超期10日仍无进展的标注“红牌”。",
        "a case overdue by 10 days or more with no progress since the deadline carries a red card";

    // ── Escalation (平人社监察〔2024〕15号 二(三), 天水市“六项机制”（2025）重大案件提级督办机制) ──────────────────────────────────────────────────────────────────
    /// A major clue may be raised one level to the city.
    EscalateMajorClue = "R-ESC-1", PingdingshanPlan2024, "二(三)",
        "对涉嫌重大欠薪行为的线索可上提一级由市级直接办理。",
        "a clue suggesting major arrears may be raised one level and handled by the city";
    /// The criteria for raising a case (提级办案).
    EscalationCriteria = "R-ESC-2", TianshuiSixMechanisms2025, "重大案件提级督办机制",
        "对涉及跨区域施工、工程结算存在纠纷，涉及人数多、金额大等复杂案件，或上级转办……仍出现反复投诉或引发重大舆情的，实行提级办案。",
        "cross-region work, settlement disputes, many workers, large sums, transfers from above, repeated complaints or public-opinion incidents raise the case";
    /// An escalated case is filed the day it is received.
    EscalationSameDayFiling = "R-ESC-3", TianshuiSixMechanisms2025, "重大案件提级督办机制",
        "简化立案审批流程，实行“即接即办、当日立案”。",
        "an escalated case is filed the same day it meets the filing conditions (arrears verified, 平人社监察〔2024〕15号 三(二)); a clue with no arrears owes no filing";
    /// Repeated complaints derived from the ledger: clues on one employer or project within the policy's window.
    RepeatedComplaintsInLedger = "R-ESC-4", TianshuiSixMechanisms2025, "重大案件提级督办机制",
        "在各县区核实整治的基础上，仍出现反复投诉或引发重大舆情的，实行提级办案。",
        "clues about the same employer (credit code, else name) or project, at least the policy's number within its window, are repeated complaints";

    // ── Campaigns (洛阳市根治欠薪冬季专项行动通知（2023）) ────────────────────────────────────────────────────────────────────────────────
    /// Every verified case closed by the campaign's date.
    CampaignCloseAll = "R-CMP-1", LuoyangWinterCampaign2023, "一",
        "所有查实的欠薪案件在2024年春节前全部办结。",
        "every verified arrears case must be closed before the campaign's close-all date";
    /// The progress report.
    CampaignProgressReport = "R-CMP-2", LuoyangWinterCampaign2023, "四",
        "请各县区于2024年1月1日前向洛阳市农民工工作领导小组办公室报告本地区截至2023年12月31日的行动进展情况。",
        "a report due on a fixed date (such as the progress report), covering the campaign up to a cut-off";
    /// The summary report.
    CampaignSummaryReport = "R-CMP-3", LuoyangWinterCampaign2023, "四",
        "行动结束后2个工作日内，报送专项行动总体工作情况。",
        "a summary report is due within N working days after the campaign ends";
    /// Weekly dispatch: open and closed verified clues per county, week by week.
    CampaignWeeklyDispatch = "R-CMP-4", LuoyangWinterCampaign2023, "三(三)",
        "各县区要密切跟进专项行动进展情况，实行周调度、月通报，确保2024年春节前欠薪线索动态清零。",
        "each week of a campaign, the verified clues open and closed in every county are dispatched";
    /// Monthly notice: the counties with open verified clues, and the clues to take on site.
    CampaignMonthlyNotice = "R-CMP-5", LuoyangWinterCampaign2023, "三(三)",
        "实行周调度、月通报……要定期梳理总结工作进展情况，带着欠薪线索，带着重大欠薪案件，到问题集中的地方进行现场调度。",
        "each month of a campaign, the counties with open verified clues are notified, with the list of clues to dispatch";

    // ── Conclusions and the record each needs (平人社监察〔2024〕15号 二(二)) ───────────────────────────────────────────
    /// Codes 1–4 need a filed case.
    ConclusionNeedsCaseFiled = "R-CON-1", PingdingshanPlan2024, "二(二)",
        "1-4. 立案处理——经核实存在欠薪……",
        "conclusions 1–4 (立案处理) need a case filed";
    /// Code 1 needs payment completed.
    ConclusionNeedsPayment = "R-CON-2", PingdingshanPlan2024, "二(二)",
        "1. 立案处理——经核实存在欠薪，已支付完毕。",
        "conclusion 1 needs the payment completed";
    /// Codes 2 and 4 need an enforcement application.
    ConclusionNeedsEnforcement = "R-CON-3", PingdingshanPlan2024, "二(二)",
        "2/4. ……尚未支付，准备或已申请法院强制执行。",
        "conclusions 2 and 4 need a court-enforcement application (prepared or made)";
    /// Codes 3 and 4 need a police transfer.
    ConclusionNeedsPoliceTransfer = "R-CON-4", PingdingshanPlan2024, "二(二)",
        "3/4. ……涉嫌犯罪，已移送公安机关。",
        "conclusions 3 and 4 need the transfer to the police";
    /// Code 5 needs payment or an agreement with a due date.
    ConclusionNeedsPaymentOrAgreement = "R-CON-5", PingdingshanPlan2024, "二(二)",
        "5. 协调等非立案方式处理——已支付欠款或达成还款协议。",
        "conclusion 5 needs the payment made or a repayment agreement with a due date";
    /// Codes 6 and 7 need the reporter informed.
    ConclusionNeedsReporterInformed = "R-CON-6", PingdingshanPlan2024, "二(二)",
        "6/7. 应当或者已经通过劳动争议仲裁解决/提起诉讼的，已告知反映人。",
        "conclusions 6 and 7 need the reporter informed of arbitration or the courts";
    /// Code 8 needs the award or judgment.
    ConclusionNeedsAward = "R-CON-7", PingdingshanPlan2024, "二(二)",
        "8. 仲裁裁决、司法判决和有关申请强制执行的“执行难”问题。",
        "conclusion 8 needs the arbitral award or judgment it concerns";
    /// Codes 9 and 10 need an investigation record.
    ConclusionNeedsInvestigation = "R-CON-8", PingdingshanPlan2024, "二(二)、三(二)",
        "9. 经核实不存在欠薪情况；10. 无效线索。不得滥用无效线索结论。",
        "conclusions 9 and 10 need an investigation record";
    /// Code 10 not where arrears were found.
    InvalidClueNotWhereArrears = "R-CON-9", PingdingshanPlan2024, "三(二)",
        "对不属于劳动监察管辖范围内的事项，应告知反映人通过诉讼等途径维权，不得滥用无效线索结论。",
        "a clue whose investigation found arrears may not be closed as invalid (10) or as no arrears (9)";

    // ── Handling quality (平人社监察〔2024〕15号 三) ─────────────────────────────────────────────────────────────────────
    /// Contact the reporter at least 3 times, recorded.
    ContactMinimum = "R-CNT-1", PingdingshanPlan2024, "三(二)",
        "接到线索后要立即进行调查核实，联系反映人至少要3次以上并做好记录。",
        "the reporter must be contacted at least 3 times, each contact recorded";
    /// First-contact responsibility: contact the reporter at once.
    FirstContact = "R-CNT-2", PingdingshanPlan2024, "二(二)、四(一)1",
        "人社部门要第一时间与线索反映人联系（未落实首问负责制，未联系当事人的）。",
        "the reporter must be contacted at once after acceptance (首问负责制)";
    /// Facts and handling described in detail.
    DetailedText = "R-TXT-1", PingdingshanPlan2024, "三(一)",
        "提交的基本案情及核实处置情况表述详细、准确、符合逻辑，内容详略得当，不得以极简的概括性语言描述。",
        "the facts and the handling must be described in detail, not in a one-line summary";
    /// Verified arrears with a refusing employer must be filed.
    MustFileWhenRefused = "R-FIL-1", PingdingshanPlan2024, "三(二)、三(一)",
        "对欠薪事实清楚，符合立案条件的要及时立案……对拒不履行的要依法立案处理。",
        "verified arrears that the employer refuses to pay must be filed (codes 1–4), not closed as 5, 9 or 10";
    /// A ministry-transferred clue may not be submitted before it is closed.
    MinistryClueClosedBeforeSubmission = "R-SUB-1", PingdingshanPlan2024, "四(一)5",
        "部转线索未办结就提交的。",
        "a clue transferred by the ministry may not be submitted before it is actually closed";
    /// A returned clue is revised before it is resubmitted.
    ReturnedClueRevised = "R-SUB-2", PingdingshanPlan2024, "二(三)、三(三)",
        "对审核退回的线索，要按照退回原因修改完善；县级承办单位按要求整改后重新核处并按期报送。",
        "a returned clue must be revised as the return asks before it is resubmitted";
    /// Paid no more than owed.
    PaidWithinOwed = "R-CST-1", PingdingshanPlan2024, "三(一)",
        "提交的基本案情及核实处置情况表述……准确、符合逻辑。",
        "the amount paid cannot exceed the amount owed";
    /// Agreement due after it is signed.
    AgreementDueAfterSigning = "R-CST-2", PingdingshanPlan2024, "三(一)",
        "提交的基本案情及核实处置情况表述……准确、符合逻辑。",
        "a repayment agreement's due date must fall after the day it was signed";
    /// Dates in order.
    DatesInOrder = "R-CST-3", PingdingshanPlan2024, "三(一)",
        "提交的基本案情及核实处置情况表述……准确、符合逻辑。",
        "the record's dates must be in order: registered ≤ accepted ≤ contacts, filing, closing, submissions";

    // ── Follow-ups (平人社监察〔2024〕15号 三(一)、三(四), 天水市“六项机制”（2025）平台投诉受理回访机制) ────────────────────────────────────────────────────────
    /// Follow up an agreement when its payment date is near.
    AgreementDueSoon = "R-FUP-1", PingdingshanPlan2024, "三(一)",
        "对核处结论为5的欠薪线索，在协议支付日期临期或者到期后，要进行跟踪督促，确保用人单位履行支付协议。",
        "a code-5 agreement is followed up when its payment date is near";
    /// Follow up an agreement whose date has passed unpaid.
    AgreementOverdue = "R-FUP-2", PingdingshanPlan2024, "三(一)",
        "在协议支付日期临期或者到期后，要进行跟踪督促，确保用人单位履行支付协议。",
        "a code-5 agreement whose payment date has passed unpaid is followed up at once";
    /// The employer refuses to perform: file a case.
    AgreementRefusedFile = "R-FUP-3", PingdingshanPlan2024, "三(一)",
        "对拒不履行的要依法立案处理。",
        "an employer that refuses to perform the agreement is filed against";
    /// Every code-5 clue is reviewed.
    ReviewEveryCode5 = "R-FUP-4", PingdingshanPlan2024, "一、三(四)、四(一)",
        "对核处结论为5的线索100%进行复核。",
        "every clue closed with conclusion 5 is reviewed (100%)";
    /// Resubmit a returned clue, revised, on time.
    ResubmitReturned = "R-FUP-5", PingdingshanPlan2024, "二(三)",
        "县级承办单位按要求整改后重新核处并按期报送。",
        "a returned clue is re-handled and resubmitted within the policy's window";
    /// Progress feedback on a 30-day source not yet closed.
    ProgressFeedbackOwed = "R-FUP-6", PingdingshanPlan2024, "二(二)",
        "未办结的需填写进度反馈。",
        "a 30-day source not closed by its reply date owes a progress feedback";
    /// Periodic return visits to closed cases.
    ReturnVisitPeriodic = "R-FUP-7", TianshuiSixMechanisms2025, "平台投诉受理回访机制",
        "对已办结案件采取“定期检查+随机抽查”方式开展回访。",
        "closed cases get a periodic return visit";
    /// Random return visits to closed cases.
    ReturnVisitRandom = "R-FUP-8", TianshuiSixMechanisms2025, "平台投诉受理回访机制",
        "对已办结案件采取“定期检查+随机抽查”方式开展回访。",
        "a reproducible random selection of closed cases gets a return visit";

    // ── Review (平人社监察〔2024〕15号 三(四)、四(一)) ─────────────────────────────────────────────────────────────────
    /// The city spot-checks 5% of the month's closed clues by the 10th.
    SpotCheckSample = "R-REV-1", PingdingshanPlan2024, "三(四)、四(一)",
        "每月10日前，市人社局对各地线索按5%比例进行抽查复核。",
        "the city spot-checks 5% of each month's closed clues by the 10th of the next month";
    /// Code-5 clues are all reviewed.
    SpotCheckEveryCode5 = "R-REV-2", PingdingshanPlan2024, "三(四)",
        "对核处结论为5线索的100%进行复核。",
        "the city reviews every clue closed with conclusion 5";
    /// Counties self-review monthly.
    MonthlySelfReview = "R-REV-3", PingdingshanPlan2024, "四(一)",
        "以后每月对平台线索进行自查复核一次，对核处结论为5线索的100%进行复核。",
        "each county reviews its own clues every month, every code-5 clue included";

    // ── Findings (平人社监察〔2024〕15号 四(一)) ─────────────────────────────────────────────────────────────────────────
    /// Finding 1.
    FindingNoFirstContact = "R-FND-1", PingdingshanPlan2024, "四(一)1",
        "未落实首问负责制，未联系当事人的。",
        "finding 1: first-contact responsibility not met, reporter not contacted";
    /// Finding 2.
    FindingFalsified = "R-FND-2", PingdingshanPlan2024, "四(一)2",
        "填报结果弄虚作假的。",
        "finding 2: falsified result (recorded by a reviewer)";
    /// Finding 3.
    FindingAgreementNotFollowedUp = "R-FND-3", PingdingshanPlan2024, "四(一)3",
        "协议到期未履行，没有跟踪督促的。",
        "finding 3: agreement due and unperformed without follow-up";
    /// Finding 4.
    FindingInvalidWithoutInvestigation = "R-FND-4", PingdingshanPlan2024, "四(一)4",
        "没有调查核实，滥用无效线索的。",
        "finding 4: invalid-clue conclusion without investigation";
    /// Finding 5.
    FindingMinistryClueSubmittedOpen = "R-FND-5", PingdingshanPlan2024, "四(一)5",
        "部转线索未办结就提交的。",
        "finding 5: ministry clue submitted before it was closed";
    /// Finding 6.
    FindingFormatNotCorrected = "R-FND-6", PingdingshanPlan2024, "四(一)6",
        "填报格式不规范，经提醒仍不改正的。",
        "finding 6: a submission still irregular after the reviewer's format reminder on an earlier one";
    /// Finding 7.
    FindingResubmittedUnrevised = "R-FND-7", PingdingshanPlan2024, "四(一)7",
        "对退回线索未修改完善反复提交2次以上的。",
        "finding 7: returned clue resubmitted unrevised 2 or more times";
    /// Finding 8.
    FindingNotFiledInTime = "R-FND-8", PingdingshanPlan2024, "四(一)8",
        "对符合立案条件不及时立案的。",
        "finding 8: case meeting the filing conditions not filed in time";

    // ── Scoring (平人社监察〔2024〕15号 四(一), 平人社字〔2022〕2号) ────────────────────────────────────────────────────────────────────
    /// Each finding deducts 0.2 points.
    ScoreDeduction = "R-SCO-1", PingdingshanPlan2024, "四(一)",
        "每发现一条扣减年度考核总分0.2分。",
        "each finding deducts 0.2 points from the county's annual total";
    /// Each finding names the responsible person.
    ScoreNamedNotice = "R-SCO-2", PingdingshanPlan2024, "四(一)",
        "对相关责任人予以点名通报。",
        "each finding names the responsible person in a notice";
    /// Five or more in a month: interview.
    ScoreMonthlyInterview = "R-SCO-3", PingdingshanPlan2024, "四(一)",
        "当月累计5条（含本数）以上的约谈属地人社部门，并通报至属地政府。",
        "5 or more findings in a month: the county department is interviewed and the county government notified";
    /// Thirty or more in a year: grade C.
    ScoreAnnualGradeC = "R-SCO-4", PingdingshanPlan2024, "四(一)",
        "当年度累计30条（含本数）以上的，对当年度属地政府保障农民工工资支付考核评定为C级。",
        "30 or more findings in a year: the county's annual grade is C, whatever its score";
    /// Grades A and B only from a grade scale the policy carries with its source: the documents give none.
    ScoreGradeScale = "R-SCO-5", PingdingshanPlan2024, "四(一)",
        "对当年度属地政府保障农民工工资支付考核评定为C级。（A级、B级的评定标准文件未载明：仅当政策载明等级标准及其出处时，按该标准评定。）",
        "below the C threshold, a county is graded A or B only by a grade scale the policy carries with its source; without one it is only 'not forced to C'";

    // ── Employers and projects (保定市高效处置农民工欠薪问题若干措施（十一）（十四）) ─────────────────────────────
    /// The enterprise arrears ledger of the construction sector.
    EnterpriseArrearsLedger = "R-ENT-1", BaodingMeasures, "（十四）",
        "人社部门依据日常巡查和受理欠薪投诉举报、办理欠薪案件过程中掌握的企业欠薪行为，建立“工程建设领域欠薪违法企业信息台账”，同步推送至市信用信息共享平台。",
        "employers in the construction sector with verified arrears are kept in a ledger (their clues, workers, amounts, dates, conclusions) for the credit platform";
    /// Government projects pay at least 80% of the work completed.
    ProgressPaymentRatio = "R-PAY-1", BaodingMeasures, "（十一）",
        "政府项目要严格执行工程款拨付比例不低于已完成工程量80%的规定，确保建设资金足额按期到位。",
        "a government-invested project must have paid at least 80% of the value of the work completed; the shortfall is reported";

    // ── Goals (平人社监察〔2024〕15号 一, 平人社字〔2022〕2号) ──────────────────────────────────────────────────────────────────────────
    /// Acceptance rate 100%.
    KpiAcceptance = "R-KPI-1", PingdingshanPlan2024, "一",
        "平台线索接收率100%。",
        "every clue accepted on time (100%)";
    /// Effective handling ≥ 90%.
    KpiEffectiveHandling = "R-KPI-2", PingdingshanPlan2024, "一",
        "有效核处率达到90%以上。",
        "effective handling rate at least 90%";
    /// Code-5 review 100%.
    KpiCode5Review = "R-KPI-3", PingdingshanPlan2024, "一",
        "对核处结论为5的线索100%进行复核。",
        "every code-5 clue reviewed (100%)";
    /// Registration 100%.
    KpiRegistration = "R-KPI-4", PingdingshanReply2022, "三(五)",
        "畅通举报投诉渠道，24小时电话值班，案件登记率100%。",
        "every complaint registered (100%)";
    /// Closure ≥ 98%.
    KpiClosure = "R-KPI-5", PingdingshanReply2022, "三(五)",
        "案件结案率98%以上。",
        "case closure rate at least 98%";
}

impl RuleId {
    /// `R-ACC-1 (平人社监察〔2024〕15号 二(一))`: the id with its citation, as explanations print it.
    pub fn cited(self) -> String {
        format!("{} ({})", self.code(), self.citation())
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for RuleId {
    type Err = Error;

    fn from_str(s: &str) -> Result<RuleId, Error> {
        RuleId::ALL
            .iter()
            .copied()
            .find(|r| r.code() == s)
            .ok_or_else(|| Error::UnknownRule(s.to_owned()))
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RuleId, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A set of rules, listed in catalogue order ([`RuleId::ALL`]): the rules a validation checked
/// ([`Validation::checked`](crate::disposition::Validation::checked)).
///
/// One bit per rule, so a set is `Copy`, costs no allocation, and lists each rule once however often it is
/// inserted. Serialised as the list of its rules' codes; read from any list of codes.
///
/// ```
/// use wage_arrears::rule::{RuleId, RuleSet};
///
/// let mut set = RuleSet::new();
/// assert!(set.insert(RuleId::DatesInOrder));
/// assert!(set.insert(RuleId::ContactMinimum));
/// assert!(!set.insert(RuleId::DatesInOrder)); // already there
/// assert!(set.contains(RuleId::ContactMinimum));
/// assert_eq!(set.len(), 2);
/// // Catalogue order, not insertion order:
/// assert_eq!(set, [RuleId::ContactMinimum, RuleId::DatesInOrder]);
/// assert_eq!(serde_json::to_string(&set)?, r#"["R-CNT-1","R-CST-3"]"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RuleSet(u128);

// One bit per rule: the catalogue must fit in the set's 128 bits.
const _: () = assert!(RuleId::ALL.len() <= 128);

impl RuleSet {
    /// The empty set.
    pub const fn new() -> RuleSet {
        RuleSet(0)
    }

    /// The rule's bit: its place in the catalogue (`RuleId` is declared in catalogue order).
    const fn bit(rule: RuleId) -> u128 {
        1 << (rule as u32)
    }

    /// Adds `rule`; whether it was not in the set before.
    pub const fn insert(&mut self, rule: RuleId) -> bool {
        let new = self.0 & RuleSet::bit(rule) == 0;
        self.0 |= RuleSet::bit(rule);
        new
    }

    /// Whether `rule` is in the set.
    pub const fn contains(&self, rule: RuleId) -> bool {
        self.0 & RuleSet::bit(rule) != 0
    }

    /// How many rules the set holds.
    pub const fn len(&self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether the set holds no rule.
    pub const fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The rules, in catalogue order.
    pub fn iter(&self) -> RuleSetIter {
        RuleSetIter(self.0)
    }
}

/// The rules of a [`RuleSet`], in catalogue order ([`RuleSet::iter`]).
#[derive(Debug, Clone)]
pub struct RuleSetIter(u128);

impl Iterator for RuleSetIter {
    type Item = RuleId;

    fn next(&mut self) -> Option<RuleId> {
        while self.0 != 0 {
            let place = self.0.trailing_zeros() as usize;
            self.0 &= self.0 - 1;
            // Every bit set was set from a rule, so `place` is a rule's place in the catalogue.
            if let Some(&rule) = RuleId::ALL.get(place) {
                return Some(rule);
            }
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.0.count_ones() as usize;
        (n, Some(n))
    }
}

impl ExactSizeIterator for RuleSetIter {}

impl IntoIterator for RuleSet {
    type Item = RuleId;
    type IntoIter = RuleSetIter;

    fn into_iter(self) -> RuleSetIter {
        self.iter()
    }
}

impl IntoIterator for &RuleSet {
    type Item = RuleId;
    type IntoIter = RuleSetIter;

    fn into_iter(self) -> RuleSetIter {
        self.iter()
    }
}

impl FromIterator<RuleId> for RuleSet {
    fn from_iter<I: IntoIterator<Item = RuleId>>(rules: I) -> RuleSet {
        let mut set = RuleSet::new();
        set.extend(rules);
        set
    }
}

impl Extend<RuleId> for RuleSet {
    fn extend<I: IntoIterator<Item = RuleId>>(&mut self, rules: I) {
        for rule in rules {
            self.insert(rule);
        }
    }
}

impl PartialEq<[RuleId]> for RuleSet {
    /// Whether the slice lists exactly the set's rules, each once, in catalogue order.
    fn eq(&self, rules: &[RuleId]) -> bool {
        self.iter().eq(rules.iter().copied())
    }
}

impl<const N: usize> PartialEq<[RuleId; N]> for RuleSet {
    /// Whether the array lists exactly the set's rules, each once, in catalogue order.
    fn eq(&self, rules: &[RuleId; N]) -> bool {
        *self == rules[..]
    }
}

impl fmt::Debug for RuleSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl Serialize for RuleSet {
    /// The rules' codes, in catalogue order.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for RuleSet {
    /// Any list of rule codes, in any order; a code listed twice counts once.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RuleSet, D::Error> {
        Vec::<RuleId>::deserialize(deserializer).map(|rules| rules.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_set_holds_every_rule_once_and_lists_them_in_catalogue_order() {
        let all: RuleSet = RuleId::ALL.iter().rev().copied().collect();
        assert_eq!(all.len(), RuleId::ALL.len());
        assert_eq!(all, *RuleId::ALL);
        assert_eq!(all.iter().len(), RuleId::ALL.len());
        for (i, &rule) in RuleId::ALL.iter().enumerate() {
            let mut one = RuleSet::new();
            assert!(one.insert(rule) && !one.insert(rule));
            assert_eq!(one, [rule]);
            assert!(all.contains(rule));
            // Every other rule is told apart from this one.
            assert!(RuleId::ALL[..i].iter().all(|&r| !one.contains(r)));
            let json = serde_json::to_string(&one).unwrap_or_default();
            assert_eq!(json, format!("[\"{}\"]", rule.code()));
        }
        let back: RuleSet =
            serde_json::from_str(r#"["R-CST-3","R-CNT-1","R-CST-3"]"#).unwrap_or_default();
        assert_eq!(back, [RuleId::ContactMinimum, RuleId::DatesInOrder]);
        assert!(serde_json::from_str::<RuleSet>(r#"["R-XXX-1"]"#).is_err());
        assert!(RuleSet::new().is_empty() && RuleSet::default() == RuleSet::new());
        assert_eq!(format!("{:?}", back), "{ContactMinimum, DatesInOrder}");
    }

    #[test]
    fn every_rule_has_a_unique_code_a_citation_and_texts() {
        let mut codes: Vec<&str> = RuleId::ALL.iter().map(|r| r.code()).collect();
        codes.sort_unstable();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n, "duplicate rule codes");
        for r in RuleId::ALL {
            let c = r.citation();
            assert!(!c.clause.is_empty(), "{r} has no clause");
            assert!(
                !c.clause.contains('§') && !c.to_string().contains("00"),
                "{r} cites an internal file number: {c}"
            );
            assert!(
                !r.text_zh().is_empty() && !r.summary_en().is_empty(),
                "{r} has no text"
            );
            assert!(r.code().starts_with("R-"), "{r}");
        }
    }

    #[test]
    fn citations_print_in_the_short_official_form() {
        let cases = [
            (RuleId::AcceptMohrssColumn, "平人社监察〔2024〕15号 二(一)"),
            (
                RuleId::CardRed,
                "保定市高效处置农民工欠薪问题若干措施（十二）",
            ),
            (
                RuleId::CampaignCloseAll,
                "洛阳市根治欠薪冬季专项行动通知（2023）一",
            ),
            (
                RuleId::EscalationSameDayFiling,
                "天水市“六项机制”（2025）重大案件提级督办机制",
            ),
            (RuleId::KpiClosure, "平人社字〔2022〕2号 三(五)"),
            (RuleId::CalendarWorkingDays, "民法典 第201条"),
        ];
        for (rule, cited) in cases {
            assert_eq!(rule.citation().to_string(), cited);
        }
    }

    #[test]
    fn every_document_is_catalogued_with_a_title_an_issuer_and_a_short_form() {
        for d in Document::ALL {
            assert!(!d.title().is_empty() && !d.issuer().is_empty() && !d.short().is_empty());
        }
        assert_eq!(
            Document::PingdingshanReply2022.to_string(),
            "对市十一届人大六次会议第033号建议的答复（平人社字〔2022〕2号）"
        );
    }

    #[test]
    fn rule_ids_round_trip_through_their_codes() {
        for &r in RuleId::ALL {
            assert_eq!(r.code().parse::<RuleId>(), Ok(r));
        }
        assert!("R-NOPE-1".parse::<RuleId>().is_err());
    }
}
