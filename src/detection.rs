//! Finding detection (问题发现): the seven kinds of 平人社监察〔2024〕15号 四(一) a clue's record can show by itself.
//!
//! Kinds 1, 3, 4, 5, 6, 7 and 8 follow from dates and facts in the record — kind 6 from the reviewer's format
//! reminder and irregular-format marks on the submissions, which are part of the record; kind 2 (falsified
//! result) needs a reviewer's judgment, who builds the [`Finding`] directly.
//!
//! Each finding is dated the day the record **first shows** it (`found_on`), so that a finding does not move as
//! the record is read later, and is listed only when that day is on or before `as_of`. Its note says what the
//! record showed on that day, so the same finding read later is the very same record (it counts once in
//! [`assess_year`](crate::scoring::assess_year)):
//!
//! | kind | shows when | `found_on` |
//! |---|---|---|
//! | 1 未联系当事人 | no contact reached the reporter within `first_contact_working_days` working days of acceptance | the day after that deadline |
//! | 3 协议到期未履行，没有跟踪督促 | the agreement unpaid and no follow-up from its reminder day to the overdue follow-up's due day (the first working day after `pay_by`) | the day after that due day |
//! | 4 没有调查核实，滥用无效线索 | conclusion 10 with no investigation record made before the conclusion | the conclusion's day: its first submission or its closing, whichever is earlier |
//! | 5 部转线索未办结就提交 | a ministry clue submitted before it was closed | that submission's day |
//! | 6 填报格式不规范，经提醒仍不改正 | a submission carries the reviewer's format reminder (`format_reminder_on`), and a later submission, made after the reminder, is still marked irregular (`irregular_format`) | that later submission's day |
//! | 7 退回线索未修改完善反复提交 | the `unrevised_resubmissions_for_finding`-th unrevised resubmission | that resubmission's day |
//! | 8 符合立案条件不及时立案 | verified arrears, refusing employer, no case filed by the filing deadline (`file_within_working_days` after the verification; the same day when escalated) | the day after that deadline |

use chrono::NaiveDate;

use crate::Error;
use crate::calendar::WorkCalendar;
use crate::calendar::not_yet_known;
use crate::facts::ClueFacts;
use crate::finding::{Finding, FindingKind};
use crate::follow_up::{filing_deadline, refusal_day};
use crate::model::{Clue, Conclusion};
use crate::policy::Policy;

/// The findings a clue's record shows on `as_of` (平人社监察〔2024〕15号 四(一) kinds 1, 3, 4, 5, 6, 7, 8), by `found_on`.
///
/// Each carries the county, the clue, the kind, the day the record first shows it (never after `as_of`), the
/// responsible clerk (`clue.responsible`), the clue's closing day when closed by `as_of`, the rule (R-FND-n) and a
/// note in Chinese. See the [module table](self) for when each kind shows and how it is dated.
///
/// ```
/// use wage_arrears::calendar::WorkCalendar;
/// use wage_arrears::detection::detect_findings;
/// use wage_arrears::finding::FindingKind;
/// use wage_arrears::model::Clue;
/// use wage_arrears::policy::Policy;
///
/// let json = r#"{
///   "id": "PDS-2025-0102", "source": "gov_cn_message", "county": "卫东区", "registered_on": "2025-09-26",
///   "accepted_on": "2025-09-29", "responsible": "王磊",
///   "contacts": [{ "on": "2025-10-09", "note": "电话联系反映人" }],
///   "conclusion": 10, "closed_on": "2025-10-20",
///   "submissions": [{ "submitted_on": "2025-10-20" }]
/// }"#;
/// let clue: Clue = wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(json))?;
/// let as_of = clue.registered_on + chrono::Days::new(60);
/// let found = detect_findings(&clue, &Policy::default(), &WorkCalendar::china(), as_of)?;
/// let kinds: Vec<(u8, String)> = found.iter().map(|f| (f.kind.number(), f.found_on.to_string())).collect();
/// // Accepted Mon 09-29: first contact due by Tue 09-30, made only on 10-09 → kind 1 from 10-01;
/// // closed as invalid without an investigation → kind 4 on the day it was submitted.
/// assert_eq!(kinds, [(1, "2025-10-01".to_owned()), (4, "2025-10-20".to_owned())]);
/// assert!(found.iter().all(|f| f.responsible == "王磊"));
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidClue`] when the clue fails [`Clue::check`]; [`Error::CalendarOutOfRange`] or
/// [`Error::CountPastCalendar`] when a date a deadline is counted from or to lies outside the calendar;
/// [`Error::DateOverflow`] when a deadline is the last representable date; [`Error::InvalidPolicy`] when
/// `policy.unrevised_resubmissions_for_finding` is 0 (there is no 0th resubmission to count to).
pub fn detect_findings(
    clue: &Clue,
    policy: &Policy,
    cal: &WorkCalendar,
    as_of: NaiveDate,
) -> Result<Vec<Finding>, Error> {
    ClueFacts::derive(clue, policy, cal, as_of)?.findings()
}

impl ClueFacts<'_> {
    /// The findings the record shows on the facts' day, by day found, as [`detect_findings`] gives them: read from
    /// the escalation, the agreement's days and the record facts derived once.
    ///
    /// # Errors
    /// As [`detect_findings`], after the check.
    pub fn findings(&self) -> Result<Vec<Finding>, Error> {
        let (clue, policy, cal, as_of) =
            (self.clue(), self.policy(), self.calendar(), self.as_of());
        let known = |d: Option<NaiveDate>| d.filter(|&d| d <= as_of);
        let closed_on = known(clue.closed_on);
        let mut out = Vec::new();
        // A finding found after `as_of` is not on record yet: its note is written only for one that is.
        let mut found = |kind: FindingKind, on: NaiveDate, note: &dyn Fn() -> String| {
            if on <= as_of {
                let mut f = Finding::new(clue.county.clone(), clue.id.clone(), kind, on)
                    .with_responsible(clue.responsible.clone())
                    .with_note(note());
                f.clue_closed_on = closed_on;
                out.push(f);
            }
        };

        // Kind 1 (平人社监察〔2024〕15号 四(一)1 “未落实首问负责制，未联系当事人的”; 二(二) “人社部门要第一时间与线索反映人联系”):
        // a contact that reached the reporter within `first_contact_working_days` working days of acceptance. A clue
        // closed without an acceptance on record is clocked from its registration.
        let start = known(clue.accepted_on).or_else(|| closed_on.map(|_| clue.registered_on));
        if let Some(start) = start
            && let Some(deadline) = not_yet_known(
                cal.add_working_days(start, policy.first_contact_working_days),
                as_of,
                cal,
            )?
        {
            let first = clue
                .contacts
                .iter()
                .filter(|c| c.reached && c.on <= as_of)
                .map(|c| c.on)
                .min();
            if first.is_none_or(|c| c > deadline) {
                // What the record showed on the day it was found: no contact by the deadline.
                let note = || {
                    format!(
                        "{start}起{}个工作日内（至{deadline}）未联系上反映人",
                        policy.first_contact_working_days
                    )
                };
                found(FindingKind::NoFirstContact, next_day(deadline)?, &note);
            }
        }

        // Kind 3 (平人社监察〔2024〕15号 四(一)3 “协议到期未履行，没有跟踪督促的”; 三(一) “在协议支付日期临期或者到期后，要进行跟踪
        // 督促”): unpaid, and no follow-up from the reminder day to the overdue follow-up's due day.
        // The agreement stays on record once signed, whatever the conclusion becomes later: a finding never
        // disappears because the clue was filed afterwards (unless it was filed before the follow-up fell due).
        if let Some(days) = self.agreement()
            && let Some(overdue_due) = not_yet_known(days.overdue(), as_of, cal)?
            && clue.case_filed_on.is_none_or(|f| f > overdue_due)
        {
            let a = days.agreement;
            let reminder = days.reminder()?;
            let paid = a.paid_on.is_some_and(|p| p <= overdue_due);
            let followed = a
                .follow_ups
                .iter()
                .any(|&f| f >= reminder && f <= overdue_due);
            if !paid && !followed {
                found(
                    FindingKind::AgreementNotFollowedUp,
                    next_day(overdue_due)?,
                    &|| {
                        format!(
                            "还款协议约定{}支付，到期未履行，{reminder}至{overdue_due}无跟踪督促记录",
                            a.pay_by
                        )
                    },
                );
            }
        }

        // Kind 4 (平人社监察〔2024〕15号 四(一)4 “没有调查核实，滥用无效线索的”): conclusion 10 with no investigation record made
        // before the conclusion was given (first submitted or closed).
        if clue.conclusion == Some(Conclusion::InvalidClue) {
            let first_submitted = clue
                .submissions
                .iter()
                .map(|s| s.submitted_on)
                .filter(|&s| s <= as_of)
                .min();
            let concluded = [first_submitted, closed_on].into_iter().flatten().min();
            if let Some(on) = concluded {
                let investigated = clue
                    .investigation
                    .as_ref()
                    .is_some_and(|i| i.on <= on && !i.record.trim().is_empty());
                if !investigated {
                    found(FindingKind::InvalidWithoutInvestigation, on, &|| {
                        format!("{on}以无效线索（结论10）报结，此前无调查核实记录")
                    });
                }
            }
        }

        // Kind 5 (平人社监察〔2024〕15号 四(一)5 “部转线索未办结就提交的”).
        if let Some(s) = self
            .record()
            .early_ministry
            .iter()
            .copied()
            .find(|&s| s <= as_of)
        {
            found(FindingKind::MinistryClueSubmittedOpen, s, &|| {
                format!("部转线索于{s}提交时尚未办结")
            });
        }

        // Kind 6 (平人社监察〔2024〕15号 四(一)6 “填报格式不规范，经提醒仍不改正的”): the reviewer's format reminder on a submission is on
        // the record; the first later submission, made after the reminder, still marked irregular is the finding.
        if let Some((reminded, on)) = uncorrected_format(clue, as_of) {
            found(FindingKind::FormatNotCorrected, on, &|| {
                format!("{reminded}提醒填报格式不规范，{on}再次提交仍不规范")
            });
        }

        // Kind 7 (平人社监察〔2024〕15号 四(一)7 “对退回线索未修改完善反复提交2次以上的”): the threshold-th unrevised resubmission.
        // A threshold of 0 has no "threshold-th" resubmission: refused (Policy::validate refuses it too), never
        // read as 1.
        let threshold = policy.unrevised_resubmissions_for_finding;
        let nth = usize::try_from(threshold)
            .ok()
            .and_then(|t| t.checked_sub(1))
            .ok_or_else(|| Error::InvalidPolicy {
                field: "unrevised_resubmissions_for_finding",
                reason: format!(
                    "{threshold} unrevised resubmissions cannot be counted to; must be at least 1"
                ),
            })?;
        let nth_unrevised = self.record().unrevised_by(as_of).nth(nth);
        if let Some(on) = nth_unrevised {
            found(FindingKind::ResubmittedUnrevised, on, &|| {
                format!("退回后未修改完善即重新提交，{on}已达{threshold}次")
            });
        }

        // Kind 8 (平人社监察〔2024〕15号 四(一)8 “对符合立案条件不及时立案的”; 三(二) “对欠薪事实清楚，符合立案条件的要及时立案”;
        // 三(一) “对拒不履行的要依法立案处理”; 天水市“六项机制”（2025）重大案件提级督办机制 “即接即办、当日立案” for escalated cases). The filing conditions
        // are met when verified arrears are refused, or when the employer refuses to perform a coordinated agreement.
        let verified = clue
            .investigation
            .as_ref()
            .filter(|i| i.on <= as_of && i.arrears_verified && i.employer_refuses)
            .map(|i| (i.on, "核实欠薪且用人单位拒不支付"));
        let refused = clue
            .agreement
            .as_ref()
            .filter(|a| a.refused_to_perform)
            .map(|a| (refusal_day(a), "用人单位拒不履行还款协议"))
            .filter(|&(on, _)| on <= as_of);
        if let Some((met_on, why)) = verified.or(refused)
            && let Some(deadline) = not_yet_known(
                filing_deadline(self.escalation(), policy, cal, met_on),
                as_of,
                cal,
            )?
            && clue.case_filed_on.is_none_or(|f| f > deadline)
        {
            // What the record showed on the day it was found: not filed by the deadline.
            let note = || format!("{met_on}{why}，应于{deadline}前立案，届时未立案");
            found(FindingKind::NotFiledInTime, next_day(deadline)?, &note);
        }

        out.sort_by_key(|f| (f.found_on, f.kind));
        Ok(out)
    }
}

/// Kind 6: the first format reminder on record by `as_of` and the first submission after it (made after the
/// reminder day, on or before `as_of`) still marked irregular — `(reminder day, that submission's day)`.
fn uncorrected_format(clue: &Clue, as_of: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let (i, reminded) = clue
        .submissions
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.format_reminder_on.map(|r| (i, r)))
        .filter(|&(_, r)| r <= as_of)
        .min_by_key(|&(i, r)| (r, i))?;
    let on = clue
        .submissions
        .iter()
        .skip(i + 1)
        .filter(|s| s.irregular_format && s.submitted_on > reminded && s.submitted_on <= as_of)
        .map(|s| s.submitted_on)
        .min()?;
    Some((reminded, on))
}

/// The day after `d`: the first day a missed deadline shows.
fn next_day(d: NaiveDate) -> Result<NaiveDate, Error> {
    d.succ_opt().ok_or(Error::DateOverflow { date: d, days: 1 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contact, ContactChannel, Source};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, day).unwrap_or_default()
    }

    #[test]
    fn a_late_first_contact_is_found_the_day_after_its_deadline_and_not_before() -> Result<(), Error>
    {
        let cal = WorkCalendar::china();
        let p = Policy::default();
        let mut c = Clue::new("T-7", Source::MohrssColumn, "汝州市", d(6, 2));
        c.accepted_on = Some(d(6, 3));
        c.contacts = vec![Contact {
            on: d(6, 9),
            channel: ContactChannel::Phone,
            reached: true,
            note: String::new(),
        }];
        // Accepted Tue 06-03: deadline Wed 06-04; found Thu 06-05.
        assert!(detect_findings(&c, &p, &cal, d(6, 4))?.is_empty());
        let f = detect_findings(&c, &p, &cal, d(6, 5))?;
        assert_eq!(
            f.iter().map(|f| (f.kind, f.found_on)).collect::<Vec<_>>(),
            [(FindingKind::NoFirstContact, d(6, 5))]
        );
        // Read later, after the late contact and the closing, it is the very same finding: the same day and note.
        c.closed_on = Some(d(6, 30));
        let later = detect_findings(&c, &p, &cal, d(12, 31))?;
        assert_eq!(
            later
                .iter()
                .map(|f| (f.kind, f.found_on, f.note.as_str()))
                .collect::<Vec<_>>(),
            f.iter()
                .map(|f| (f.kind, f.found_on, f.note.as_str()))
                .collect::<Vec<_>>()
        );
        Ok(())
    }
}
