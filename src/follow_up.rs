//! Follow-ups (跟踪督促、复核、回访): what a clue still owes after its conclusion, and when.
//!
//! [`follow_ups`] reads a clue's record **as of** a day: facts dated after `as_of` are not yet known, and an
//! obligation that the record as of that day shows done is dropped. What remains is every obligation still open,
//! whether its due day has passed (late) or lies ahead (upcoming), each with the fact that causes it
//! ([`FollowUp::because`], never after its due day) and its [`RuleId`].
//!
//! | kind | rule | caused by | due | done when |
//! |---|---|---|---|---|
//! | [`AgreementDueSoon`](FollowUpKind::AgreementDueSoon) | R-FUP-1 | the agreement's signing | `agreement_reminder_working_days` working days before `pay_by` (never before signing) | a follow-up recorded on or after that day, or paid |
//! | [`AgreementOverdue`](FollowUpKind::AgreementOverdue) | R-FUP-2 | `pay_by` passing unpaid | the first working day after `pay_by` | a follow-up recorded after `pay_by`, or paid |
//! | [`FileCase`](FollowUpKind::FileCase) | R-FUP-3 | verified arrears refused, or an agreement refused | the filing deadline (`file_within_working_days`, same day when escalated) | a case filed |
//! | [`Code5Review`](FollowUpKind::Code5Review) | R-FUP-4 | closing with conclusion 5 | day `spot_check_due_day` of the next month | `reviewed_on` |
//! | [`ResubmitReturned`](FollowUpKind::ResubmitReturned) | R-FUP-5 | the return | `resubmit_within_working_days` working days later | a later submission |
//! | [`ProgressFeedback`](FollowUpKind::ProgressFeedback) | R-FUP-6 | acceptance | the respond-by day | closed, or a platform feedback recorded |
//! | [`ReturnVisit`](FollowUpKind::ReturnVisit) | R-FUP-7 | closing | `return_visit_after_days` after closing | a return visit on or after closing |
//! | [`RandomReturnVisit`](FollowUpKind::RandomReturnVisit) | R-FUP-8 | closing, and the clue drawn | `return_visit_after_days` after the periodic visit's due day | two return visits on or after closing |

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{WorkCalendar, not_yet_known};
use crate::day::Day;
use crate::deadline::Escalation;
use crate::facts::ClueFacts;
use crate::model::{Agreement, Clue, Conclusion, ProgressKind};
use crate::policy::{Policy, Response};
use crate::review::{Month, review_due_on};
use crate::rule::RuleId;
use crate::{Error, Fen};

/// What a follow-up asks the office to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FollowUpKind {
    /// 协议支付日期临期，跟踪督促 (R-FUP-1).
    AgreementDueSoon,
    /// 协议到期未履行，立即跟踪督促 (R-FUP-2).
    AgreementOverdue,
    /// 用人单位拒不履行还款协议，依法立案 (R-FUP-3).
    FileCase,
    /// 欠薪已核实且用人单位拒不支付，及时立案 (R-FIL-1).
    FileVerifiedArrears,
    /// 核处结论为5的线索复核 (R-FUP-4).
    Code5Review,
    /// 退回线索整改后重新核处、按期报送 (R-FUP-5).
    ResubmitReturned,
    /// 未办结的填写进度反馈 (R-FUP-6).
    ProgressFeedback,
    /// 已办结案件定期回访 (R-FUP-7).
    ReturnVisit,
    /// 已办结案件随机抽查回访 (R-FUP-8).
    RandomReturnVisit,
}

impl FollowUpKind {
    /// Every kind, in order.
    pub const ALL: &'static [FollowUpKind] = &[
        FollowUpKind::AgreementDueSoon,
        FollowUpKind::AgreementOverdue,
        FollowUpKind::FileCase,
        FollowUpKind::FileVerifiedArrears,
        FollowUpKind::Code5Review,
        FollowUpKind::ResubmitReturned,
        FollowUpKind::ProgressFeedback,
        FollowUpKind::ReturnVisit,
        FollowUpKind::RandomReturnVisit,
    ];

    /// The rule the kind applies.
    ///
    /// ```
    /// use wage_arrears::follow_up::FollowUpKind;
    /// assert_eq!(FollowUpKind::Code5Review.rule().code(), "R-FUP-4");
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// None.
    pub const fn rule(self) -> RuleId {
        match self {
            FollowUpKind::AgreementDueSoon => RuleId::AgreementDueSoon,
            FollowUpKind::AgreementOverdue => RuleId::AgreementOverdue,
            FollowUpKind::FileCase => RuleId::AgreementRefusedFile,
            FollowUpKind::FileVerifiedArrears => RuleId::MustFileWhenRefused,
            FollowUpKind::Code5Review => RuleId::ReviewEveryCode5,
            FollowUpKind::ResubmitReturned => RuleId::ResubmitReturned,
            FollowUpKind::ProgressFeedback => RuleId::ProgressFeedbackOwed,
            FollowUpKind::ReturnVisit => RuleId::ReturnVisitPeriodic,
            FollowUpKind::RandomReturnVisit => RuleId::ReturnVisitRandom,
        }
    }

    /// A short Chinese label.
    ///
    /// ```
    /// use wage_arrears::follow_up::FollowUpKind;
    /// assert_eq!(FollowUpKind::ReturnVisit.label_zh(), "定期回访");
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// None.
    pub const fn label_zh(self) -> &'static str {
        match self {
            FollowUpKind::AgreementDueSoon => "协议临期督促",
            FollowUpKind::AgreementOverdue => "协议到期未付督促",
            FollowUpKind::FileCase => "拒不履行协议立案",
            FollowUpKind::FileVerifiedArrears => "拒不支付立案",
            FollowUpKind::Code5Review => "结论5复核",
            FollowUpKind::ResubmitReturned => "退回线索重新报送",
            FollowUpKind::ProgressFeedback => "进度反馈",
            FollowUpKind::ReturnVisit => "定期回访",
            FollowUpKind::RandomReturnVisit => "随机抽查回访",
        }
    }

    /// A short English label.
    ///
    /// ```
    /// use wage_arrears::follow_up::FollowUpKind;
    /// assert_eq!(FollowUpKind::FileCase.label_en(), "file a case: agreement refused");
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// None.
    pub const fn label_en(self) -> &'static str {
        match self {
            FollowUpKind::AgreementDueSoon => "agreement due soon",
            FollowUpKind::AgreementOverdue => "agreement overdue",
            FollowUpKind::FileCase => "file a case: agreement refused",
            FollowUpKind::FileVerifiedArrears => "file a case: verified arrears refused",
            FollowUpKind::Code5Review => "code-5 review",
            FollowUpKind::ResubmitReturned => "resubmit returned clue",
            FollowUpKind::ProgressFeedback => "progress feedback",
            FollowUpKind::ReturnVisit => "return visit",
            FollowUpKind::RandomReturnVisit => "random return visit",
        }
    }
}

impl fmt::Display for FollowUpKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_zh())
    }
}

/// One open obligation on a clue.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// The clue.
    pub clue_id: String,
    /// What to do.
    pub kind: FollowUpKind,
    /// The day it is due (on or before which it is on time).
    pub due: NaiveDate,
    /// The day of the fact that causes it (signing, return, closing, …); never after `due`.
    pub because: NaiveDate,
    /// The rule it applies.
    pub rule: RuleId,
    /// What to do, in Chinese, naming the dates: written when it is read ([`FollowUpNote`]).
    pub note_zh: FollowUpNote,
}

/// What a follow-up asks, in Chinese, naming its dates (`核处结论为5，2025-03-14办结，须于2025-04-10前完成复核`).
///
/// A nightly run derives every open obligation of every clue, and most notes are never read; so a derived note
/// keeps the facts it names (days, an amount, a reason) and writes its sentence only when it is read: by
/// [`Display`](fmt::Display) (and so `to_string`), [`text`](FollowUpNote::text) or serialisation, which writes the
/// sentence as a JSON string. A note read from JSON or made from a `String` keeps that text. Two notes are equal
/// when they read the same, however they are held.
///
/// ```
/// use wage_arrears::follow_up::FollowUpNote;
///
/// let note = FollowUpNote::from("2025-03-14办结，于2025-04-13前定期回访反映人");
/// assert_eq!(note.to_string(), "2025-03-14办结，于2025-04-13前定期回访反映人");
/// assert_eq!(note, "2025-03-14办结，于2025-04-13前定期回访反映人");
/// assert_eq!(serde_json::to_string(&note)?, r#""2025-03-14办结，于2025-04-13前定期回访反映人""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone)]
pub struct FollowUpNote(Note);

/// How a note is held: its text, or the facts its kind's sentence names.
#[derive(Clone)]
enum Note {
    /// Text as given (read from JSON, or made from a `String`).
    Text(String),
    /// R-FUP-1: the payment day, the amount and the reminder window in working days.
    AgreementDueSoon {
        pay_by: NaiveDate,
        amount: Fen,
        working_days: u32,
    },
    /// R-FUP-2: the payment day and the amount.
    AgreementOverdue { pay_by: NaiveDate, amount: Fen },
    /// R-FUP-3, verified arrears refused: the day verified and the filing deadline.
    FileVerifiedArrears {
        verified_on: NaiveDate,
        due: NaiveDate,
    },
    /// R-FUP-3, an agreement refused: the filing deadline.
    FileCase { due: NaiveDate },
    /// R-FUP-4: the closing day and the review deadline.
    Code5Review { closed: NaiveDate, due: NaiveDate },
    /// R-FUP-5: the return, its reason as recorded, and the resubmission deadline.
    ResubmitReturned {
        returned: NaiveDate,
        reason: Option<String>,
        due: NaiveDate,
    },
    /// R-FUP-6: the acceptance and the reply-by day.
    ProgressFeedback { accepted: NaiveDate, due: NaiveDate },
    /// R-FUP-7: the closing and the periodic visit's due day.
    ReturnVisit { closed: NaiveDate, due: NaiveDate },
    /// R-FUP-8: the closing and the random visit's due day.
    RandomReturnVisit { closed: NaiveDate, due: NaiveDate },
}

impl FollowUpNote {
    /// The note's text: borrowed when it is held as text, written otherwise.
    ///
    /// ```
    /// use wage_arrears::follow_up::FollowUpNote;
    /// assert_eq!(FollowUpNote::from("立即跟踪督促").text(), "立即跟踪督促");
    /// ```
    pub fn text(&self) -> Cow<'_, str> {
        match &self.0 {
            Note::Text(text) => Cow::Borrowed(text),
            _ => Cow::Owned(self.to_string()),
        }
    }
}

impl fmt::Display for FollowUpNote {
    /// The sentence, each date written `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Note::Text(text) => f.write_str(text),
            Note::AgreementDueSoon {
                pay_by,
                amount,
                working_days,
            } => write!(
                f,
                "还款协议约定{}支付{amount}，临期（前{working_days}个工作日）跟踪督促用人单位履行",
                Day(*pay_by)
            ),
            Note::AgreementOverdue { pay_by, amount } => write!(
                f,
                "还款协议约定{}支付{amount}，到期未履行，立即跟踪督促",
                Day(*pay_by)
            ),
            Note::FileVerifiedArrears { verified_on, due } => write!(
                f,
                "{}核实存在欠薪且用人单位拒不支付，应于{}前依法立案",
                Day(*verified_on),
                Day(*due)
            ),
            Note::FileCase { due } => {
                write!(
                    f,
                    "用人单位拒不履行还款协议，应于{}前依法立案处理",
                    Day(*due)
                )
            }
            Note::Code5Review { closed, due } => write!(
                f,
                "核处结论为5，{}办结，须于{}前完成复核",
                Day(*closed),
                Day(*due)
            ),
            Note::ResubmitReturned {
                returned,
                reason,
                due,
            } => write!(
                f,
                "{}被退回（原因：{}），按退回原因修改完善后于{}前重新报送",
                Day(*returned),
                reason.as_deref().unwrap_or("未注明"),
                Day(*due)
            ),
            Note::ProgressFeedback { accepted, due } => write!(
                f,
                "{}确认接收，须于{}前回复办理情况，未办结的填写进度反馈",
                Day(*accepted),
                Day(*due)
            ),
            Note::ReturnVisit { closed, due } => {
                write!(f, "{}办结，于{}前定期回访反映人", Day(*closed), Day(*due))
            }
            Note::RandomReturnVisit { closed, due } => write!(
                f,
                "{}办结，随机抽中，于{}前再次回访，防止问题反弹",
                Day(*closed),
                Day(*due)
            ),
        }
    }
}

impl fmt::Debug for FollowUpNote {
    /// The text, quoted as a string's `Debug` quotes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.text(), f)
    }
}

impl From<String> for FollowUpNote {
    fn from(text: String) -> FollowUpNote {
        FollowUpNote(Note::Text(text))
    }
}

impl From<&str> for FollowUpNote {
    fn from(text: &str) -> FollowUpNote {
        FollowUpNote(Note::Text(text.to_owned()))
    }
}

impl PartialEq for FollowUpNote {
    fn eq(&self, other: &FollowUpNote) -> bool {
        self.text() == other.text()
    }
}

impl Eq for FollowUpNote {}

impl PartialEq<str> for FollowUpNote {
    fn eq(&self, other: &str) -> bool {
        self.text() == other
    }
}

impl PartialEq<&str> for FollowUpNote {
    fn eq(&self, other: &&str) -> bool {
        self.text() == *other
    }
}

impl std::hash::Hash for FollowUpNote {
    /// Hashes the text, so that equal notes hash alike.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text().hash(state);
    }
}

impl Serialize for FollowUpNote {
    /// The text, as a JSON string.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FollowUpNote {
    /// Any string, kept as it is.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<FollowUpNote, D::Error> {
        String::deserialize(deserializer).map(FollowUpNote::from)
    }
}

/// The obligations still open on a clue on `as_of`, by due day (R-FUP-1..8, 平人社监察〔2024〕15号 三(一)(四)、二(二)(三); 天水市“六项机制”（2025）平台投诉受理回访机制).
///
/// Facts dated after `as_of` are ignored; obligations the record shows done by `as_of` are dropped; open ones are
/// listed whether due in the past or the future. See the [module table](self) for each kind's cause, due day and
/// what discharges it.
///
/// ```
/// use wage_arrears::calendar::WorkCalendar;
/// use wage_arrears::follow_up::{follow_ups, FollowUpKind};
/// use wage_arrears::model::Clue;
/// use wage_arrears::policy::Policy;
///
/// let json = r#"{
///   "id": "PDS-2026-0031", "source": "mohrss_column", "county": "鲁山县", "registered_on": "2026-09-01",
///   "accepted_on": "2026-09-02", "conclusion": 5, "closed_on": "2026-09-25",
///   "agreement": { "signed_on": "2026-09-20", "pay_by": "2026-10-12", "amount": 4800000 }
/// }"#;
/// let clue: Clue = wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(json))?;
/// let cal = WorkCalendar::china();
/// let as_of = clue.registered_on + chrono::Days::new(30);
/// let open = follow_ups(&clue, &Policy::default(), &cal, as_of)?;
/// let soon = open.iter().find(|f| f.kind == FollowUpKind::AgreementDueSoon).map(|f| f.due.to_string());
/// // 3 working days before Mon 2026-10-12: Fri 10-09, Sat 10-10 (调休上班), Mon 10-12 → from Thu 10-08.
/// assert_eq!(soon.as_deref(), Some("2026-10-08"));
/// assert!(open.iter().any(|f| f.kind == FollowUpKind::Code5Review));
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidClue`] when the clue fails [`Clue::check`]; [`Error::CalendarOutOfRange`] or
/// [`Error::CountPastCalendar`] when a date the obligations are counted from or to lies outside the calendar;
/// [`Error::InvalidPolicy`] when `policy.spot_check_due_day` is not a day every month has;
/// [`Error::DateOverflow`] when a count overflows the date range; [`Error::InvalidMonth`] when a code-5 clue was
/// closed in the last month `chrono` can represent, which has no following month to review it in.
pub fn follow_ups(
    clue: &Clue,
    policy: &Policy,
    cal: &WorkCalendar,
    as_of: NaiveDate,
) -> Result<Vec<FollowUp>, Error> {
    ClueFacts::derive(clue, policy, cal, as_of)?.follow_ups()
}

impl ClueFacts<'_> {
    /// The obligations still open on the facts' day, by due day, as [`follow_ups`] gives them: read from the
    /// clocks, the escalation and the agreement's days derived once.
    ///
    /// # Errors
    /// As [`follow_ups`], after the check.
    pub fn follow_ups(&self) -> Result<Vec<FollowUp>, Error> {
        let (clue, policy, cal, as_of) =
            (self.clue(), self.policy(), self.calendar(), self.as_of());
        let mut out = Vec::new();
        let mut push = |kind: FollowUpKind, due: NaiveDate, because: NaiveDate, note: Note| {
            out.push(FollowUp {
                clue_id: clue.id.clone(),
                kind,
                due: due.max(because),
                because,
                rule: kind.rule(),
                note_zh: FollowUpNote(note),
            });
        };
        let known = |d: Option<NaiveDate>| d.filter(|&d| d <= as_of);
        let closed_on = known(clue.closed_on);
        let case_filed = known(clue.case_filed_on).is_some();
        // The agreement that still governs the clue on `as_of`: signed by then, and the clue not concluded otherwise
        // (no conclusion yet, or conclusion 5).
        let open_agreement = self
            .agreement()
            .filter(|_| matches!(clue.conclusion, None | Some(Conclusion::Coordinated)));

        // ── The repayment agreement (平人社监察〔2024〕15号 三(一)) ──
        if let Some(days) = open_agreement {
            let a = days.agreement;
            let paid = known(a.paid_on).is_some();
            if !paid && !a.refused_to_perform {
                // R-FUP-1 (平人社监察〔2024〕15号 三(一)): “对核处结论为5的欠薪线索，在协议支付日期临期或者到期后，要进行跟踪督促，
                // 确保用人单位履行支付协议。” — 临期: `agreement_reminder_working_days` working days before.
                // A payment date past the calendar's last day (next year's notice not out yet) has no reminder day
                // yet; seen from a day the calendar knows, it is still in the future.
                let soon = not_yet_known(days.reminder(), as_of, cal)?;
                let followed_since =
                    |from: NaiveDate| a.follow_ups.iter().any(|&f| f >= from && f <= as_of);
                if let Some(soon) = soon
                    && as_of <= a.pay_by
                    && !followed_since(soon)
                {
                    push(
                        FollowUpKind::AgreementDueSoon,
                        soon,
                        a.signed_on,
                        Note::AgreementDueSoon {
                            pay_by: a.pay_by,
                            amount: a.amount,
                            working_days: policy.agreement_reminder_working_days,
                        },
                    );
                }
                // R-FUP-2 (平人社监察〔2024〕15号 三(一)): “在协议支付日期临期或者到期后，要进行跟踪督促” — 到期未付: follow up on the
                // first working day after the payment date.
                if as_of > a.pay_by && !a.follow_ups.iter().any(|&f| f > a.pay_by && f <= as_of) {
                    push(
                        FollowUpKind::AgreementOverdue,
                        days.overdue()?,
                        a.pay_by,
                        Note::AgreementOverdue {
                            pay_by: a.pay_by,
                            amount: a.amount,
                        },
                    );
                }
            }
        }

        // R-FUP-3 (平人社监察〔2024〕15号 三(一)、三(二)): “对拒不履行的要依法立案处理。” “对欠薪事实清楚，符合立案条件的要及时立案。”
        if !case_filed {
            if let Some(i) = clue.investigation.as_ref().filter(|i| i.on <= as_of)
                && i.arrears_verified
                && i.employer_refuses
            {
                let due = filing_deadline(self.escalation(), policy, cal, i.on)?;
                push(
                    FollowUpKind::FileVerifiedArrears,
                    due,
                    i.on,
                    Note::FileVerifiedArrears {
                        verified_on: i.on,
                        due,
                    },
                );
            } else if let Some(a) = open_agreement.map(|days| days.agreement)
                && a.refused_to_perform
                && refusal_day(a) <= as_of
            {
                let learnt = refusal_day(a);
                let due = filing_deadline(self.escalation(), policy, cal, learnt)?;
                push(FollowUpKind::FileCase, due, learnt, Note::FileCase { due });
            }
        }

        // R-FUP-4 (平人社监察〔2024〕15号 一、三(四)、四(一)): “对核处结论为5的线索100%进行复核。” — by the spot check of the
        // month after closing (“每月10日前”).
        if clue.conclusion == Some(Conclusion::Coordinated)
            && let Some(closed) = closed_on
            && known(clue.reviewed_on).is_none()
        {
            let due = review_due_on(Month::of(closed), policy)?;
            push(
                FollowUpKind::Code5Review,
                due,
                closed,
                Note::Code5Review { closed, due },
            );
        }

        // R-FUP-5 (平人社监察〔2024〕15号 二(三)): “县级承办单位按要求整改后重新核处并按期报送。”
        if let Some(last) = clue
            .submissions
            .iter()
            .filter(|s| s.submitted_on <= as_of)
            .max_by_key(|s| s.submitted_on)
            && let Some(returned) = known(last.returned_on)
        {
            let due = cal.add_working_days(returned, policy.resubmit_within_working_days)?;
            push(
                FollowUpKind::ResubmitReturned,
                due,
                returned,
                Note::ResubmitReturned {
                    returned,
                    reason: last.return_reason.clone(),
                    due,
                },
            );
        }

        // R-FUP-6 (平人社监察〔2024〕15号 二(二)): “……应当自线索确认接收之日起30个自然日回复办理情况，未办结的需填写进度反馈。”
        if let Some(accepted) = known(clue.accepted_on)
            && closed_on.is_none()
            && !clue
                .progress
                .iter()
                .any(|p| p.kind == ProgressKind::Feedback && p.on <= as_of)
            && let Some(due) = self.reply_due()?
        {
            push(
                FollowUpKind::ProgressFeedback,
                due,
                accepted,
                Note::ProgressFeedback { accepted, due },
            );
        }

        // R-FUP-7 / R-FUP-8 (天水市“六项机制”（2025）平台投诉受理回访机制): “对已办结案件采取“定期检查+随机抽查”方式开展回访。”
        if let Some(closed) = closed_on {
            let visits = clue
                .return_visits
                .iter()
                .filter(|&&v| v >= closed && v <= as_of)
                .count();
            let periodic = crate::deadline::natural_due(
                cal,
                closed,
                policy.return_visit_after_days,
                policy.natural_day_rollover,
            )?;
            if visits == 0 {
                push(
                    FollowUpKind::ReturnVisit,
                    periodic,
                    closed,
                    Note::ReturnVisit {
                        closed,
                        due: periodic,
                    },
                );
            }
            if visits < 2 && selected_for_random_visit(&clue.id, policy) {
                let random = crate::deadline::natural_due(
                    cal,
                    periodic,
                    policy.return_visit_after_days,
                    policy.natural_day_rollover,
                )?;
                push(
                    FollowUpKind::RandomReturnVisit,
                    random,
                    closed,
                    Note::RandomReturnVisit {
                        closed,
                        due: random,
                    },
                );
            }
        }

        out.sort_by_key(|f| (f.due, f.kind));
        Ok(out)
    }
}

/// The day an agreement enters its reminder window (临期, 平人社监察〔2024〕15号 三(一)): the earliest day `d` from which at most
/// `policy.agreement_reminder_working_days` working days remain to `pay_by` (counted in `(d, pay_by]`), i.e. the
/// N-th working day before the payment date. (The follow-up itself is never due before the signing: see
/// [`FollowUp::because`].)
///
/// The calendar has no subtraction; the count `working_days_between(d, pay_by)` only grows as `d` moves back, so
/// the day is found by widening a window back from `pay_by` (doubling from `2N + 16` natural days, which covers
/// the longest national holiday at once) and bisecting it: a bounded number of O(1) calendar queries.
pub(crate) fn agreement_reminder_day(
    a: &Agreement,
    policy: &Policy,
    cal: &WorkCalendar,
) -> Result<NaiveDate, Error> {
    cal.sub_working_days(a.pay_by, policy.agreement_reminder_working_days)
}

/// The day a passed, unpaid agreement is followed up at the latest: `agreement_overdue_working_days` working days
/// after its payment date (平人社监察〔2024〕15号 三(一) “到期后，要进行跟踪督促”; interpretation: the next working day).
pub(crate) fn agreement_overdue_day(
    a: &Agreement,
    policy: &Policy,
    cal: &WorkCalendar,
) -> Result<NaiveDate, Error> {
    cal.add_working_days(a.pay_by, policy.agreement_overdue_working_days)
}

/// The day an agreement's refusal (拒不履行) is on record: `refused_on`, else the first follow-up on or after the
/// payment date (where the refusal is learnt at the latest), else the payment date itself. Fixed once recorded:
/// later follow-ups do not move it.
pub(crate) fn refusal_day(a: &Agreement) -> NaiveDate {
    a.refused_on.unwrap_or_else(|| {
        a.follow_ups
            .iter()
            .copied()
            .filter(|&f| f >= a.pay_by)
            .min()
            .unwrap_or(a.pay_by)
    })
}

/// The last day to file a case whose filing conditions were met on `from` (平人社监察〔2024〕15号 三(二) “及时立案”):
/// `policy.file_within_working_days` working days later, or the same day for an escalated case when
/// `policy.escalation_same_day_filing` (天水市“六项机制”（2025）重大案件提级督办机制 “即接即办、当日立案”). Whether the case is
/// escalated is [`deadline::escalation`](crate::deadline::escalation)'s decision (the one place it is decided),
/// read from the clue's facts.
pub(crate) fn filing_deadline(
    escalation: &Escalation,
    policy: &Policy,
    cal: &WorkCalendar,
    from: NaiveDate,
) -> Result<NaiveDate, Error> {
    if policy.escalation_same_day_filing && escalation.escalated {
        return Ok(from);
    }
    cal.add_working_days(from, policy.file_within_working_days)
}

impl ClueFacts<'_> {
    /// The reply-by day of a source that answers by reply or progress feedback (平人社监察〔2024〕15号 二(二) “……30个自然日
    /// 回复办理情况，未办结的需填写进度反馈”): the response clock's due day; `None` for other sources.
    fn reply_due(&self) -> Result<Option<NaiveDate>, Error> {
        if self.policy().clocks.of(self.clue().source).response != Response::ReplyOrProgressFeedback
        {
            return Ok(None);
        }
        Ok(self.respond_deadline()?.map(|d| d.due))
    }
}

/// Whether a closed clue is drawn for a random return visit (天水市“六项机制”（2025）平台投诉受理回访机制 “随机抽查”), by
/// the spot check's keyed draw.
///
/// `h` = the first 8 bytes, big-endian, of [`draw_key`](crate::review::draw_key)`(policy.random_return_visit_seed,
/// id)` (HMAC-SHA256 of the id keyed by the seed); the clue is drawn when `⌊h × 10 000 / 2^64⌋` (a uniform value in
/// `[0, 10 000)`, no modulo bias) is below `policy.random_return_visit_rate` in basis points. Anyone holding the
/// seed recomputes it; without the seed nobody can tell which clues it draws.
pub(crate) fn selected_for_random_visit(clue_id: &str, policy: &Policy) -> bool {
    random_visit_draw(clue_id, policy) < u128::from(policy.random_return_visit_rate.basis_points())
}

/// The clue's uniform value in `[0, 10 000)` for the random return-visit draw (see [`selected_for_random_visit`]).
fn random_visit_draw(clue_id: &str, policy: &Policy) -> u128 {
    let key = crate::review::draw_key(&policy.random_return_visit_seed, clue_id);
    let mut first = [0u8; 8];
    for (b, k) in first.iter_mut().zip(key) {
        *b = k;
    }
    // h < 2^64, so h × 10 000 < 2^78: exact in a u128.
    (u128::from(u64::from_be_bytes(first)) * 10_000) >> 64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Rate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn a_note_written_when_read_reads_as_its_sentence_and_equals_that_text_everywhere() {
        use std::hash::{BuildHasher, RandomState};
        let (a, b) = (d(2025, 3, 14), d(2025, 4, 10));
        let cases = [
            (
                Note::AgreementDueSoon {
                    pay_by: b,
                    amount: Fen(480_000),
                    working_days: 3,
                },
                "还款协议约定2025-04-10支付¥4800.00，临期（前3个工作日）跟踪督促用人单位履行",
            ),
            (
                Note::AgreementOverdue {
                    pay_by: b,
                    amount: Fen(5),
                },
                "还款协议约定2025-04-10支付¥0.05，到期未履行，立即跟踪督促",
            ),
            (
                Note::FileVerifiedArrears {
                    verified_on: a,
                    due: b,
                },
                "2025-03-14核实存在欠薪且用人单位拒不支付，应于2025-04-10前依法立案",
            ),
            (
                Note::FileCase { due: b },
                "用人单位拒不履行还款协议，应于2025-04-10前依法立案处理",
            ),
            (
                Note::Code5Review { closed: a, due: b },
                "核处结论为5，2025-03-14办结，须于2025-04-10前完成复核",
            ),
            (
                Note::ResubmitReturned {
                    returned: a,
                    reason: None,
                    due: b,
                },
                "2025-03-14被退回（原因：未注明），按退回原因修改完善后于2025-04-10前重新报送",
            ),
            (
                Note::ResubmitReturned {
                    returned: a,
                    reason: Some("未附告知记录".into()),
                    due: b,
                },
                "2025-03-14被退回（原因：未附告知记录），按退回原因修改完善后于2025-04-10前重新报送",
            ),
            (
                Note::ProgressFeedback {
                    accepted: a,
                    due: b,
                },
                "2025-03-14确认接收，须于2025-04-10前回复办理情况，未办结的填写进度反馈",
            ),
            (
                Note::ReturnVisit { closed: a, due: b },
                "2025-03-14办结，于2025-04-10前定期回访反映人",
            ),
            (
                Note::RandomReturnVisit { closed: a, due: b },
                "2025-03-14办结，随机抽中，于2025-04-10前再次回访，防止问题反弹",
            ),
        ];
        let hasher = RandomState::new();
        for (note, text) in cases {
            let derived = FollowUpNote(note);
            let given = FollowUpNote::from(text);
            assert_eq!(derived.to_string(), text);
            assert_eq!(derived.text(), text);
            assert_eq!(derived, given);
            assert_eq!(derived, text);
            assert_eq!(hasher.hash_one(&derived), hasher.hash_one(&given));
            assert_eq!(format!("{derived:?}"), format!("{text:?}"));
            let json = serde_json::to_string(&derived).unwrap_or_default();
            assert_eq!(json, serde_json::to_string(text).unwrap_or_default());
            let back: FollowUpNote = serde_json::from_str(&json).unwrap_or_else(|_| "".into());
            assert_eq!(back, derived);
            assert!(matches!(back.text(), Cow::Borrowed(_)));
        }
        assert_ne!(FollowUpNote::from("a"), FollowUpNote::from("b"));
    }

    #[test]
    fn the_random_visit_draw_uses_the_spot_check_s_draw_key_so_every_machine_draws_the_same_clues()
    {
        // One keyed draw in the crate: `review::draw_key` (HMAC-SHA256, pinned against RFC 4231 in `review`)
        // under the policy's seed, its first 8 bytes scaled to basis points.
        let all = Policy {
            random_return_visit_rate: Rate::FULL,
            ..Policy::default()
        };
        for id in ["", "a", "PDS-2025-0001"] {
            let bp = u32::try_from(random_visit_draw(id, &all)).unwrap();
            assert!(bp < 10_000);
            let at = |bp: u32| Policy {
                random_return_visit_rate: Rate(bp),
                ..Policy::default()
            };
            assert!(!selected_for_random_visit(id, &at(bp)), "{id}");
            assert!(selected_for_random_visit(id, &at(bp + 1)), "{id}");
            assert!(selected_for_random_visit(id, &all));
        }
        // Pinned, cross-checked with Python: int.from_bytes(hmac(seed, b"PDS-2025-0001")[:8], "big") * 10000 >> 64
        // under the default seed, the 32 ASCII bytes of "wage-arrears random return visit".
        assert_eq!(random_visit_draw("PDS-2025-0001", &all), 7_602);
    }

    #[test]
    fn about_the_policy_rate_of_clues_is_drawn_for_a_random_visit() {
        let p = Policy::default();
        let drawn = (0..10_000)
            .filter(|i| selected_for_random_visit(&format!("PDS-2025-{i:04}"), &p))
            .count();
        assert!(
            (850..=1150).contains(&drawn),
            "{drawn} of 10000 drawn at 10%"
        );
        let none = Policy {
            random_return_visit_rate: Rate(0),
            ..Policy::default()
        };
        assert!(!(0..1000).any(|i| selected_for_random_visit(&format!("X{i}"), &none)));
        let all = Policy {
            random_return_visit_rate: Rate::FULL,
            ..Policy::default()
        };
        assert!((0..1000).all(|i| selected_for_random_visit(&format!("X{i}"), &all)));
    }

    #[test]
    fn the_reminder_day_is_the_nth_working_day_before_the_payment_date() -> Result<(), Error> {
        let cal = WorkCalendar::china();
        // Fri 2025-03-14, 3 working days back: Tue 03-11 ((Tue, Fri] = Wed, Thu, Fri).
        assert_eq!(cal.sub_working_days(d(2025, 3, 14), 3)?, d(2025, 3, 11));
        // Sun 2025-03-16 counts as Fri: still Tue.
        assert_eq!(cal.sub_working_days(d(2025, 3, 16), 3)?, d(2025, 3, 11));
        // Wed 2025-02-05, after the Spring Festival (01-28..02-04) and the make-up Sun 01-26: the three working
        // days left are Sun 01-26, Mon 01-27 and Wed 02-05, so the window opens on Fri 01-24.
        assert_eq!(cal.sub_working_days(d(2025, 2, 5), 3)?, d(2025, 1, 24));
        assert_eq!(cal.sub_working_days(d(2025, 2, 5), 0)?, d(2025, 2, 5));
        // Near the calendar's first day.
        assert_eq!(cal.sub_working_days(d(2004, 1, 2), 5)?, d(2004, 1, 1));
        assert!(cal.sub_working_days(d(2027, 1, 4), 3).is_err());
        Ok(())
    }

    #[test]
    fn the_reminder_day_agrees_with_a_day_by_day_search_for_every_day_of_2025_and_2026()
    -> Result<(), Error> {
        let cal = WorkCalendar::china();
        for n in [0u32, 1, 3, 5, 12] {
            let mut to = d(2025, 1, 1);
            while to <= d(2026, 12, 31) {
                let mut slow = to;
                while let Some(prev) = slow.pred_opt()
                    && cal.working_days_between(prev, to)? <= i64::from(n)
                {
                    slow = prev;
                }
                assert_eq!(cal.sub_working_days(to, n)?, slow, "n={n} to={to}");
                to = to.succ_opt().unwrap_or(to);
            }
        }
        Ok(())
    }

    #[test]
    fn the_code5_review_is_due_on_the_tenth_of_the_next_month_across_the_year_end()
    -> Result<(), Error> {
        let p = Policy::default();
        assert_eq!(
            review_due_on(Month::of(d(2025, 12, 31)), &p)?,
            d(2026, 1, 10)
        );
        assert_eq!(
            review_due_on(Month::of(d(2025, 1, 31)), &p)?,
            d(2025, 2, 10)
        );
        let bad = Policy {
            spot_check_due_day: 31,
            ..Policy::default()
        };
        assert!(review_due_on(Month::of(d(2025, 1, 31)), &bad).is_err());
        Ok(())
    }
}
