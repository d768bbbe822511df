//! One clue, one pass: the facts of a clue's record under a policy, a calendar and a day, derived **once** and read
//! by every rule family.
//!
//! Each rule family used to re-derive what it needed: the record's check, its clocks, its escalation, the days of
//! its agreement, its resubmissions. [`ClueFacts::derive`] does that work once, in the order the rules apply:
//!
//! 1. the record holds together ([`Clue::check`]: accepted and closed on or after registration);
//! 2. its clocks: accept-by and respond-by ([`deadline::accept_deadline`], [`deadline::respond_deadline`]);
//! 3. its escalation: the facts that raise it to the city and the same-day filing duty ([`deadline::escalation`];
//!    decided on first reading, once);
//! 4. what the record itself shows, with no calendar: the unrevised resubmissions after a return and a ministry
//!    clue's submissions before it was closed;
//! 5. its repayment agreement's reminder day and the day an unpaid agreement is followed up at the latest.
//!
//! Then each family reads those facts and adds its own rules, where its rules live:
//! [`ClueFacts::status`] (the clocks on `as_of` and the card), [`ClueFacts::validation`] (every disposition rule),
//! [`ClueFacts::follow_ups`] (what is still owed) and [`ClueFacts::findings`] (what the record shows). The
//! functions [`status`](crate::deadline::status), [`validate`](crate::disposition::validate),
//! [`follow_ups`](crate::follow_up::follow_ups), [`detect_findings`](crate::detection::detect_findings) and
//! [`explain`](crate::explain::explain) are views of the same pass, with the same results as ever.
//!
//! [`evaluate`] is the nightly re-evaluation of one clue: status, escalation, validation, follow-ups and findings
//! together, each piece of work done once.
//!
//! A fact that cannot be counted (a clock that runs past the calendar) is kept as its error: only the readings
//! that need it fail, exactly as when each reading derived it for itself.

use std::borrow::Cow;
use std::cell::OnceCell;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::deadline::{self, ClueStatus, Deadline, Deadlines, Escalation};
use crate::disposition::Validation;
use crate::finding::Finding;
use crate::follow_up::{self, FollowUp};
use crate::model::{Agreement, Clue, Submission};
use crate::{Error, Policy, WorkCalendar};

/// The facts of one clue's record under a policy and a calendar, as of a day: derived once by
/// [`ClueFacts::derive`], read by status, validation, follow-ups, findings and explanations.
///
/// ```
/// use wage_arrears::facts::ClueFacts;
/// use wage_arrears::{Clue, Policy, Source, WorkCalendar};
///
/// let d = wage_arrears::date;
/// let mut clue = Clue::new("PDS-2026-0101", Source::GovCnMessage, "叶县", d(2026, 9, 30)?);
/// clue.accepted_on = Some(d(2026, 10, 9)?);
/// let (policy, cal) = (Policy::default(), WorkCalendar::china());
/// let facts = ClueFacts::derive(&clue, &policy, &cal, d(2026, 11, 25)?)?;
/// assert_eq!(facts.status()?, wage_arrears::status(&clue, &policy, &cal, d(2026, 11, 25)?)?);
/// assert_eq!(facts.status()?.card, wage_arrears::Card::Red);
/// assert!(facts.validation().is_clean());
/// assert!(!facts.escalation().escalated);
/// assert_eq!(facts.findings()?.len(), 1); // no contact reached the reporter: finding 1
/// # Ok::<(), wage_arrears::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ClueFacts<'a> {
    clue: &'a Clue,
    policy: &'a Policy,
    cal: &'a WorkCalendar,
    as_of: NaiveDate,
    /// The acceptance clock, or why it cannot be counted (boxed: the facts stay small to build and to move).
    accept: Result<Option<Deadline>, Box<Error>>,
    /// The response clock, or why it cannot be counted.
    respond: Result<Option<Deadline>, Box<Error>>,
    /// Decided on first reading: the readings of a record without filing conditions never ask for it.
    escalation: OnceCell<Escalation>,
    record: RecordFacts,
    agreement: Option<AgreementDays<'a>>,
}

/// What a clue's whole record shows with no calendar and no day: read by validation (the whole record) and by
/// detection (the part of it on record by `as_of`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RecordFacts {
    /// The days of the resubmissions that follow a returned submission without being revised, in date order
    /// (平人社监察〔2024〕15号 三(三) “对审核退回的线索，要按照退回原因修改完善”).
    pub(crate) unrevised: Vec<NaiveDate>,
    /// The submissions of a ministry-transferred clue made before it was closed, in date order (平人社监察〔2024〕15号 四(一)5
    /// “部转线索未办结就提交的”).
    pub(crate) early_ministry: Vec<NaiveDate>,
}

/// A repayment agreement signed by `as_of`, and its two follow-up days (平人社监察〔2024〕15号 三(一) “在协议支付日期临期或者到期后，
/// 要进行跟踪督促”), each or why it cannot be counted.
#[derive(Debug, Clone)]
pub(crate) struct AgreementDays<'a> {
    pub(crate) agreement: &'a Agreement,
    /// The reminder day (临期): `agreement_reminder_working_days` working days before `pay_by`.
    reminder: Result<NaiveDate, Box<Error>>,
    /// The overdue follow-up's last day (到期后): `agreement_overdue_working_days` working days after `pay_by`.
    overdue: Result<NaiveDate, Box<Error>>,
}

impl<'a> ClueFacts<'a> {
    /// Derives a clue's facts as of `as_of`: checks the record, counts its clocks, decides its escalation, and
    /// reads what the record shows (see the [module docs](self) for the order).
    ///
    /// # Errors
    /// [`Error::InvalidClue`] when the clue fails [`Clue::check`]. A clock or an agreement day that cannot be
    /// counted is not an error here: it is the error of the readings that need it.
    #[inline(always)]
    pub fn derive(
        clue: &'a Clue,
        policy: &'a Policy,
        cal: &'a WorkCalendar,
        as_of: NaiveDate,
    ) -> Result<ClueFacts<'a>, Error> {
        clue.check()?;
        let agreement = clue
            .agreement
            .as_ref()
            .filter(|a| a.signed_on <= as_of)
            .map(|a| AgreementDays {
                agreement: a,
                reminder: follow_up::agreement_reminder_day(a, policy, cal).map_err(Box::new),
                overdue: follow_up::agreement_overdue_day(a, policy, cal).map_err(Box::new),
            });
        Ok(ClueFacts {
            clue,
            policy,
            cal,
            as_of,
            accept: deadline::accept_deadline(clue.source, clue.registered_on, policy, cal)
                .map_err(Box::new),
            respond: deadline::respond_deadline(clue, policy, cal).map_err(Box::new),
            escalation: OnceCell::new(),
            record: RecordFacts::of(clue),
            agreement,
        })
    }

    /// The clue.
    pub fn clue(&self) -> &'a Clue {
        self.clue
    }

    /// The policy applied.
    pub fn policy(&self) -> &'a Policy {
        self.policy
    }

    /// The calendar counted with.
    pub fn calendar(&self) -> &'a WorkCalendar {
        self.cal
    }

    /// The day the facts describe.
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// The clue's deadlines, as [`deadline::deadlines`] gives them.
    ///
    /// # Errors
    /// As [`deadline::deadlines`] after the check: [`Error::CalendarOutOfRange`], [`Error::CountPastCalendar`],
    /// [`Error::DateOverflow`].
    pub fn deadlines(&self) -> Result<Deadlines, Error> {
        Ok(Deadlines {
            accept: copied(&self.accept)?,
            respond: copied(&self.respond)?,
            response: self.policy.clocks.of(self.clue.source).response,
        })
    }

    /// The response clock alone (`None` until accepted, or when the policy sets none for the source).
    ///
    /// # Errors
    /// As [`deadline::respond_deadline`].
    pub fn respond_deadline(&self) -> Result<Option<Deadline>, Error> {
        copied(&self.respond)
    }

    /// The clocks and the card on `as_of`, as [`deadline::status`] gives them.
    ///
    /// # Errors
    /// As [`ClueFacts::deadlines`].
    pub fn status(&self) -> Result<ClueStatus, Error> {
        Ok(deadline::status_of(
            self.clue,
            self.policy,
            &self.deadlines()?,
            self.as_of,
        ))
    }

    /// The escalation: its facts, whether they raise the case, and the same-day filing duty, as
    /// [`deadline::escalation`] gives it.
    pub fn escalation(&self) -> &Escalation {
        self.escalation
            .get_or_init(|| deadline::escalation(self.clue, self.policy))
    }

    /// The escalation, owned: decided already if a reading needed it, decided now otherwise.
    pub(crate) fn into_escalation(self) -> Escalation {
        let (clue, policy) = (self.clue, self.policy);
        self.escalation
            .into_inner()
            .unwrap_or_else(|| deadline::escalation(clue, policy))
    }

    /// What the whole record shows without a calendar.
    pub(crate) fn record(&self) -> &RecordFacts {
        &self.record
    }

    /// The agreement signed by `as_of`, with its follow-up days.
    pub(crate) fn agreement(&self) -> Option<&AgreementDays<'a>> {
        self.agreement.as_ref()
    }
}

/// A clock or a day kept with the facts: the value copied out, the error cloned only when there is one.
fn copied<T: Copy>(kept: &Result<T, Box<Error>>) -> Result<T, Error> {
    match kept {
        Ok(v) => Ok(*v),
        Err(e) => Err(Error::clone(e)),
    }
}

impl AgreementDays<'_> {
    /// The reminder day (临期), or why it cannot be counted.
    pub(crate) fn reminder(&self) -> Result<NaiveDate, Error> {
        copied(&self.reminder)
    }

    /// The overdue follow-up's last day (到期后), or why it cannot be counted.
    pub(crate) fn overdue(&self) -> Result<NaiveDate, Error> {
        copied(&self.overdue)
    }
}

impl RecordFacts {
    /// Reads the whole record once.
    pub(crate) fn of(clue: &Clue) -> RecordFacts {
        RecordFacts {
            unrevised: unrevised_resubmissions(&clue.submissions),
            early_ministry: early_ministry_submissions(clue),
        }
    }

    /// The unrevised resubmissions on record by `as_of`: the whole record's, up to that day (a resubmission
    /// follows its return, so a resubmission on record by `as_of` never counts a return after it).
    pub(crate) fn unrevised_by(&self, as_of: NaiveDate) -> impl Iterator<Item = NaiveDate> + '_ {
        self.unrevised
            .iter()
            .copied()
            .take_while(move |&d| d <= as_of)
    }
}

/// The submissions that follow a returned one without being revised, in date order: over the submissions sorted
/// by day (a stable sort, so same-day submissions keep their order), each one whose predecessor was returned on or
/// before it and which is not marked revised.
fn unrevised_resubmissions(subs: &[Submission]) -> Vec<NaiveDate> {
    // Returned (on or before the resubmission), then resubmitted unrevised.
    let unrevised = |prev: &Submission, next: &Submission| {
        prev.returned_on.is_some_and(|r| r <= next.submitted_on) && !next.revised
    };
    if subs.len() < 2 {
        return Vec::new();
    }
    if subs.is_sorted_by_key(|s| s.submitted_on) {
        subs.windows(2)
            .filter_map(|w| match w {
                [prev, next] if unrevised(prev, next) => Some(next.submitted_on),
                _ => None,
            })
            .collect()
    } else {
        let mut sorted: Vec<&Submission> = subs.iter().collect();
        sorted.sort_by_key(|s| s.submitted_on);
        sorted
            .windows(2)
            .filter_map(|w| match w {
                [prev, next] if unrevised(prev, next) => Some(next.submitted_on),
                _ => None,
            })
            .collect()
    }
}

/// The submissions of a ministry-transferred clue made before it was closed, in date order.
fn early_ministry_submissions(clue: &Clue) -> Vec<NaiveDate> {
    if !clue.transferred_by_ministry {
        return Vec::new();
    }
    let mut early: Vec<NaiveDate> = clue
        .submissions
        .iter()
        .map(|s| s.submitted_on)
        .filter(|&s| clue.closed_on.is_none_or(|c| s < c))
        .collect();
    early.sort_unstable();
    early
}

/// The record as it stood at the end of `day` ([`Clue::to_record_on`]), without copying it when nothing on it is dated
/// after `day` and so nothing would change.
pub(crate) fn record_as_of(clue: &Clue, day: NaiveDate) -> Cow<'_, Clue> {
    if clue.unchanged_on(day) {
        Cow::Borrowed(clue)
    } else {
        Cow::Owned(clue.to_record_on(day))
    }
}

/// One clue re-evaluated on a day: what a nightly run over a platform's clues needs, each piece of work done once
/// ([`evaluate`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Evaluation {
    /// The clocks and the card on `as_of` ([`deadline::status`]).
    pub status: ClueStatus,
    /// The escalation facts, whether they raise the case, and its same-day filing duty
    /// ([`deadline::escalation`]).
    pub escalation: Escalation,
    /// Every disposition rule the whole record breaks ([`validate`](crate::disposition::validate)).
    pub validation: Validation,
    /// The obligations still open on `as_of`, by due day ([`follow_ups`](crate::follow_up::follow_ups)).
    pub follow_ups: Vec<FollowUp>,
    /// The findings the record shows on `as_of`, by day found
    /// ([`detect_findings`](crate::detection::detect_findings)).
    pub findings: Vec<Finding>,
}

/// Re-evaluates one clue on `as_of`: status, escalation, validation, follow-ups and findings from one
/// [`ClueFacts`], each equal to what its own function gives.
///
/// ```
/// use wage_arrears::{Clue, Policy, Source, WorkCalendar};
///
/// let d = wage_arrears::date;
/// let json = r#"{
///   "id": "PDS-2025-0102", "source": "gov_cn_message", "county": "卫东区", "registered_on": "2025-09-26",
///   "accepted_on": "2025-09-29", "responsible": "王磊",
///   "contacts": [{ "on": "2025-10-09", "note": "电话联系反映人" }],
///   "conclusion": 10, "closed_on": "2025-10-20",
///   "submissions": [{ "submitted_on": "2025-10-20" }]
/// }"#;
/// let clue: Clue = wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(json))?;
/// let (policy, cal, as_of) = (Policy::default(), WorkCalendar::china(), d(2025, 11, 30)?);
/// let e = wage_arrears::evaluate(&clue, &policy, &cal, as_of)?;
/// assert_eq!(e.status, wage_arrears::status(&clue, &policy, &cal, as_of)?);
/// assert_eq!(e.validation, wage_arrears::validate(&clue, &policy));
/// assert_eq!(e.follow_ups, wage_arrears::follow_ups(&clue, &policy, &cal, as_of)?);
/// assert_eq!(e.findings, wage_arrears::detect_findings(&clue, &policy, &cal, as_of)?);
/// assert_eq!(e.findings.len(), 2); // a late first contact, an invalid-clue conclusion without investigation
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// The first error of [`deadline::status`], [`follow_ups`](crate::follow_up::follow_ups) and
/// [`detect_findings`](crate::detection::detect_findings), in that order: [`Error::InvalidClue`],
/// [`Error::CalendarOutOfRange`], [`Error::CountPastCalendar`], [`Error::DateOverflow`], [`Error::InvalidPolicy`].
pub fn evaluate(
    clue: &Clue,
    policy: &Policy,
    cal: &WorkCalendar,
    as_of: NaiveDate,
) -> Result<Evaluation, Error> {
    let facts = ClueFacts::derive(clue, policy, cal, as_of)?;
    let status = facts.status()?;
    let validation = facts.validation();
    let follow_ups = facts.follow_ups()?;
    let findings = facts.findings()?;
    let escalation = facts.into_escalation();
    Ok(Evaluation {
        status,
        escalation,
        validation,
        follow_ups,
        findings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Source;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, day).unwrap_or_default()
    }

    fn sub(on: NaiveDate, revised: bool, returned: Option<NaiveDate>) -> Submission {
        Submission {
            submitted_on: on,
            revised,
            returned_on: returned,
            return_reason: None,
            irregular_format: false,
            format_reminder_on: None,
        }
    }

    #[test]
    fn unrevised_resubmissions_are_counted_after_returns_only_in_any_order_of_the_record() {
        let mut subs = vec![
            sub(d(5, 1), false, Some(d(5, 2))),
            sub(d(5, 3), false, Some(d(5, 4))),
            sub(d(5, 5), true, None),
        ];
        assert_eq!(unrevised_resubmissions(&subs), [d(5, 3)]);
        subs.insert(2, sub(d(5, 4), false, Some(d(5, 4))));
        assert_eq!(unrevised_resubmissions(&subs), [d(5, 3), d(5, 4)]);
        subs.reverse();
        assert_eq!(unrevised_resubmissions(&subs), [d(5, 3), d(5, 4)]);
        let facts = RecordFacts {
            unrevised: unrevised_resubmissions(&subs),
            early_ministry: Vec::new(),
        };
        assert_eq!(facts.unrevised_by(d(5, 3)).collect::<Vec<_>>(), [d(5, 3)]);
    }

    #[test]
    fn the_record_as_of_a_day_is_borrowed_when_nothing_is_dated_after_it() {
        let mut c = Clue::new("x", Source::GovCnMessage, "叶县", d(3, 3));
        c.accepted_on = Some(d(3, 4));
        assert!(matches!(record_as_of(&c, d(3, 4)), Cow::Borrowed(_)));
        assert!(matches!(record_as_of(&c, d(3, 3)), Cow::Owned(_)));
        assert_eq!(record_as_of(&c, d(3, 3)).accepted_on, None);
    }
}
