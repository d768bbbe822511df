//! The follow-ups a clue still owes on a day (R-FUP-1..8): when each is due, what discharges it.

mod disposition_common;

use chrono::NaiveDate;
use disposition_common::{cal, clean, d, submitted};
use wage_arrears::Error;
use wage_arrears::calendar::Rollover;
use wage_arrears::follow_up::{FollowUp, FollowUpKind, follow_ups};
use wage_arrears::model::{
    Agreement, Clue, Conclusion, HandlingLevel, Progress, ProgressKind, Source, Submission,
};
use wage_arrears::policy::Policy;
use wage_arrears::rule::RuleId;

fn open(clue: &Clue, as_of: NaiveDate) -> Result<Vec<FollowUp>, Error> {
    follow_ups(clue, &Policy::default(), &cal(), as_of)
}

fn due_of(list: &[FollowUp], kind: FollowUpKind) -> Option<NaiveDate> {
    list.iter().find(|f| f.kind == kind).map(|f| f.due)
}

/// A code-5 clue closed 2026-09-25 whose agreement (signed 09-20) is due Mon 2026-10-12, unpaid, no follow-up;
/// reviewed and visited, so only the agreement's obligations remain.
fn agreement_due_after_national_day_2026() -> Clue {
    let mut c = clean(Conclusion::Coordinated);
    c.registered_on = d(2026, 9, 1);
    c.accepted_on = Some(d(2026, 9, 2));
    c.contacts
        .iter_mut()
        .zip(1..)
        .for_each(|(k, i)| k.on = d(2026, 9, 2 + i));
    c.investigation
        .iter_mut()
        .for_each(|i| i.on = d(2026, 9, 8));
    c.agreement = Some(Agreement {
        signed_on: d(2026, 9, 20),
        pay_by: d(2026, 10, 12),
        amount: c.amount_owed,
        paid_on: None,
        refused_to_perform: false,
        refused_on: None,
        follow_ups: vec![],
    });
    c.closed_on = Some(d(2026, 9, 25));
    c.submissions = vec![submitted(d(2026, 9, 25))];
    c.reviewed_on = Some(d(2026, 9, 25));
    c.return_visits = vec![d(2026, 9, 25), d(2026, 9, 26)];
    c
}

#[test]
fn an_agreement_due_monday_after_national_day_2026_is_followed_up_from_thursday_october_8()
-> Result<(), Error> {
    // The three working days left before Mon 10-12: Fri 10-09, Sat 10-10 (调休上班) and Mon 10-12 itself.
    let c = agreement_due_after_national_day_2026();
    let list = open(&c, d(2026, 9, 26))?;
    assert_eq!(list.len(), 1, "{list:?}");
    let f = &list[0];
    assert_eq!(
        (f.kind, f.due, f.because, f.rule),
        (
            FollowUpKind::AgreementDueSoon,
            d(2026, 10, 8),
            d(2026, 9, 20),
            RuleId::AgreementDueSoon
        )
    );
    assert!(f.note_zh.text().contains("2026-10-12"));
    Ok(())
}

#[test]
fn a_follow_up_on_the_reminder_day_discharges_the_due_soon_obligation_but_one_before_it_does_not()
-> Result<(), Error> {
    let mut c = agreement_due_after_national_day_2026();
    if let Some(a) = c.agreement.as_mut() {
        a.follow_ups = vec![d(2026, 9, 30)];
    }
    assert_eq!(
        due_of(&open(&c, d(2026, 10, 9))?, FollowUpKind::AgreementDueSoon),
        Some(d(2026, 10, 8))
    );
    if let Some(a) = c.agreement.as_mut() {
        a.follow_ups.push(d(2026, 10, 8));
    }
    assert_eq!(open(&c, d(2026, 10, 9))?, []);
    // As of the day before the follow-up, it has not happened yet.
    assert_eq!(
        due_of(&open(&c, d(2026, 10, 7))?, FollowUpKind::AgreementDueSoon),
        Some(d(2026, 10, 8))
    );
    Ok(())
}

#[test]
fn an_agreement_signed_inside_its_reminder_window_is_due_for_follow_up_from_its_signing()
-> Result<(), Error> {
    let mut c = agreement_due_after_national_day_2026();
    if let Some(a) = c.agreement.as_mut() {
        a.signed_on = d(2026, 10, 9);
    }
    let list = open(&c, d(2026, 10, 9))?;
    assert_eq!(
        due_of(&list, FollowUpKind::AgreementDueSoon),
        Some(d(2026, 10, 9))
    );
    Ok(())
}

#[test]
fn an_agreement_passed_unpaid_is_followed_up_on_the_first_working_day_after_its_date()
-> Result<(), Error> {
    let mut c = agreement_due_after_national_day_2026();
    if let Some(a) = c.agreement.as_mut() {
        // Due Tue 2025-09-30, the eve of National Day 2025 (10-01..10-08): followed up Thu 10-09.
        a.signed_on = d(2025, 9, 1);
        a.pay_by = d(2025, 9, 30);
    }
    c.registered_on = d(2025, 8, 1);
    let list = open(&c, d(2025, 10, 2))?;
    let f = list
        .iter()
        .find(|f| f.kind == FollowUpKind::AgreementOverdue)
        .ok_or(Error::UnknownRule("R-FUP-2".into()))?;
    assert_eq!(
        (f.due, f.because, f.rule),
        (d(2025, 10, 9), d(2025, 9, 30), RuleId::AgreementOverdue)
    );
    assert_eq!(
        due_of(&list, FollowUpKind::AgreementDueSoon),
        None,
        "the due-soon window has closed"
    );
    Ok(())
}

#[test]
fn a_follow_up_after_the_date_or_the_payment_discharges_the_overdue_obligation() -> Result<(), Error>
{
    let mut c = agreement_due_after_national_day_2026();
    assert!(due_of(&open(&c, d(2026, 10, 20))?, FollowUpKind::AgreementOverdue).is_some());
    if let Some(a) = c.agreement.as_mut() {
        a.follow_ups = vec![d(2026, 10, 12)];
    }
    assert!(
        due_of(&open(&c, d(2026, 10, 20))?, FollowUpKind::AgreementOverdue).is_some(),
        "a follow-up on the due day itself is not one after it passed"
    );
    if let Some(a) = c.agreement.as_mut() {
        a.follow_ups = vec![d(2026, 10, 13)];
    }
    assert_eq!(open(&c, d(2026, 10, 20))?, []);
    if let Some(a) = c.agreement.as_mut() {
        a.follow_ups.clear();
        a.paid_on = Some(d(2026, 10, 15));
    }
    assert_eq!(open(&c, d(2026, 10, 20))?, []);
    Ok(())
}

#[test]
fn an_employer_refusing_the_agreement_is_filed_against_instead_of_followed_up() -> Result<(), Error>
{
    let mut c = agreement_due_after_national_day_2026();
    if let Some(a) = c.agreement.as_mut() {
        a.refused_to_perform = true;
        a.follow_ups = vec![d(2026, 10, 13)];
    }
    let list = open(&c, d(2026, 10, 20))?;
    assert_eq!(list.len(), 1, "{list:?}");
    // Learnt at the follow-up of Tue 10-13; 5 working days: 10-14, 10-15, 10-16, 10-19, 10-20.
    assert_eq!(
        (list[0].kind, list[0].because, list[0].due),
        (FollowUpKind::FileCase, d(2026, 10, 13), d(2026, 10, 20))
    );
    assert_eq!(list[0].rule, RuleId::AgreementRefusedFile);
    c.case_filed_on = Some(d(2026, 10, 19));
    assert_eq!(open(&c, d(2026, 10, 20))?, []);
    Ok(())
}

#[test]
fn verified_arrears_refused_are_filed_within_five_working_days_or_the_same_day_when_escalated()
-> Result<(), Error> {
    let mut c = clean(Conclusion::FiledEnforcement);
    c.case_filed_on = None;
    c.conclusion = None;
    c.closed_on = None;
    c.submissions.clear();
    // Investigated Fri 2025-03-07: 03-10 … 03-14.
    let list = open(&c, d(2025, 3, 8))?;
    assert_eq!(
        due_of(&list, FollowUpKind::FileVerifiedArrears),
        Some(d(2025, 3, 14))
    );
    // Handled by the city: not escalated by that alone, so the ordinary window holds.
    c.handling_level = HandlingLevel::City;
    assert_eq!(
        due_of(&open(&c, d(2025, 3, 8))?, FollowUpKind::FileVerifiedArrears),
        Some(d(2025, 3, 14))
    );
    // Escalated (a complex case that still draws repeated complaints): the same day.
    c.escalation.cross_region = true;
    c.escalation.repeated_complaint = true;
    assert_eq!(
        due_of(&open(&c, d(2025, 3, 8))?, FollowUpKind::FileVerifiedArrears),
        Some(d(2025, 3, 7))
    );
    c.case_filed_on = Some(d(2025, 3, 7));
    assert_eq!(
        due_of(&open(&c, d(2025, 3, 8))?, FollowUpKind::FileCase),
        None
    );
    Ok(())
}

#[test]
fn a_code_five_clue_closed_on_new_years_eve_is_reviewed_by_january_tenth() -> Result<(), Error> {
    let mut c = clean(Conclusion::Coordinated);
    c.closed_on = Some(d(2025, 12, 31));
    c.submissions = vec![submitted(d(2025, 12, 31))];
    c.return_visits = vec![d(2025, 12, 31)];
    let list = open(&c, d(2026, 1, 5))?;
    let f = list
        .iter()
        .find(|f| f.kind == FollowUpKind::Code5Review)
        .ok_or(Error::UnknownRule("R-FUP-4".into()))?;
    assert_eq!(
        (f.due, f.because, f.rule),
        (d(2026, 1, 10), d(2025, 12, 31), RuleId::ReviewEveryCode5)
    );
    c.reviewed_on = Some(d(2026, 1, 8));
    assert_eq!(
        due_of(&open(&c, d(2026, 1, 9))?, FollowUpKind::Code5Review),
        None
    );
    assert!(
        due_of(&open(&c, d(2026, 1, 7))?, FollowUpKind::Code5Review).is_some(),
        "not yet reviewed on 01-07"
    );
    Ok(())
}

#[test]
fn only_code_five_clues_owe_the_review() -> Result<(), Error> {
    for conclusion in Conclusion::ALL {
        let list = open(&clean(conclusion), d(2025, 3, 20))?;
        assert_eq!(
            due_of(&list, FollowUpKind::Code5Review).is_some(),
            conclusion == Conclusion::Coordinated,
            "{conclusion}"
        );
    }
    Ok(())
}

#[test]
fn a_clue_returned_on_friday_before_national_day_2025_is_resubmitted_by_october_tenth()
-> Result<(), Error> {
    let mut c = clean(Conclusion::Arbitration);
    c.submissions = vec![Submission {
        submitted_on: d(2025, 9, 24),
        revised: false,
        returned_on: Some(d(2025, 9, 26)),
        return_reason: Some("未附告知反映人的记录".into()),
        irregular_format: false,
        format_reminder_on: None,
    }];
    // Sun 09-28 (调休), Mon 09-29, Tue 09-30, then 10-01..10-08 off, Thu 10-09, Fri 10-10.
    let list = open(&c, d(2025, 9, 27))?;
    let f = list
        .iter()
        .find(|f| f.kind == FollowUpKind::ResubmitReturned)
        .ok_or(Error::UnknownRule("R-FUP-5".into()))?;
    assert_eq!((f.due, f.because), (d(2025, 10, 10), d(2025, 9, 26)));
    assert!(f.note_zh.text().contains("未附告知反映人的记录"));
    c.submissions.push(Submission {
        submitted_on: d(2025, 9, 29),
        revised: true,
        returned_on: None,
        return_reason: None,
        irregular_format: false,
        format_reminder_on: None,
    });
    assert_eq!(
        due_of(&open(&c, d(2025, 9, 30))?, FollowUpKind::ResubmitReturned),
        None
    );
    Ok(())
}

fn open_gov_cn_message(accepted: NaiveDate) -> Clue {
    let mut c = Clue::new("PDS-2025-0300", Source::GovCnMessage, "郏县", accepted);
    c.accepted_on = Some(accepted);
    c
}

#[test]
fn a_gov_cn_message_accepted_august_second_owes_a_progress_feedback_by_september_first()
-> Result<(), Error> {
    let c = open_gov_cn_message(d(2025, 8, 2));
    let list = open(&c, d(2025, 8, 20))?;
    let f = list
        .iter()
        .find(|f| f.kind == FollowUpKind::ProgressFeedback)
        .ok_or(Error::UnknownRule("R-FUP-6".into()))?;
    assert_eq!(
        (f.due, f.because, f.rule),
        (d(2025, 9, 1), d(2025, 8, 2), RuleId::ProgressFeedbackOwed)
    );
    Ok(())
}

#[test]
fn with_roll_over_a_feedback_due_on_national_day_moves_to_the_next_working_day() -> Result<(), Error>
{
    let c = open_gov_cn_message(d(2025, 9, 1));
    let mut policy = Policy::default();
    assert_eq!(
        due_of(
            &follow_ups(&c, &policy, &cal(), d(2025, 9, 2))?,
            FollowUpKind::ProgressFeedback
        ),
        Some(d(2025, 10, 1))
    );
    policy.natural_day_rollover = Rollover::NextWorkingDay;
    assert_eq!(
        due_of(
            &follow_ups(&c, &policy, &cal(), d(2025, 9, 2))?,
            FollowUpKind::ProgressFeedback
        ),
        Some(d(2025, 10, 9))
    );
    Ok(())
}

#[test]
fn a_platform_feedback_or_closing_discharges_the_progress_feedback_but_an_internal_note_does_not()
-> Result<(), Error> {
    let mut c = open_gov_cn_message(d(2025, 8, 2));
    c.progress.push(Progress {
        on: d(2025, 8, 25),
        kind: ProgressKind::Note,
        note: "约谈用人单位".into(),
    });
    assert!(due_of(&open(&c, d(2025, 8, 30))?, FollowUpKind::ProgressFeedback).is_some());
    c.progress.push(Progress {
        on: d(2025, 8, 29),
        kind: ProgressKind::Feedback,
        note: "已填写进度反馈".into(),
    });
    assert_eq!(
        due_of(&open(&c, d(2025, 8, 30))?, FollowUpKind::ProgressFeedback),
        None
    );
    assert!(
        due_of(&open(&c, d(2025, 8, 28))?, FollowUpKind::ProgressFeedback).is_some(),
        "the feedback is not yet filed on 08-28"
    );
    Ok(())
}

#[test]
fn an_mohrss_column_clue_answers_by_closing_and_owes_no_progress_feedback() -> Result<(), Error> {
    let mut c = open_gov_cn_message(d(2025, 8, 2));
    c.source = Source::MohrssColumn;
    assert_eq!(
        due_of(&open(&c, d(2025, 8, 20))?, FollowUpKind::ProgressFeedback),
        None
    );
    c.source = Source::Hotline12345;
    assert_eq!(
        due_of(&open(&c, d(2025, 8, 20))?, FollowUpKind::ProgressFeedback),
        None
    );
    Ok(())
}

#[test]
fn a_closed_case_gets_a_return_visit_thirty_days_after_closing_until_one_is_recorded()
-> Result<(), Error> {
    let mut c = clean(Conclusion::FiledPaid);
    let list = open(&c, d(2025, 3, 20))?;
    let f = list
        .iter()
        .find(|f| f.kind == FollowUpKind::ReturnVisit)
        .ok_or(Error::UnknownRule("R-FUP-7".into()))?;
    assert_eq!(
        (f.due, f.because, f.rule),
        (d(2025, 4, 13), d(2025, 3, 14), RuleId::ReturnVisitPeriodic)
    );
    c.return_visits = vec![d(2025, 4, 10)];
    assert_eq!(
        due_of(&open(&c, d(2025, 4, 11))?, FollowUpKind::ReturnVisit),
        None
    );
    assert!(due_of(&open(&c, d(2025, 4, 9))?, FollowUpKind::ReturnVisit).is_some());
    Ok(())
}

/// The first 200 ids `PDS-2025-0001`…: which are drawn for a random return visit at 10%.
fn drawn(ids: std::ops::RangeInclusive<u32>) -> Result<Vec<String>, Error> {
    let mut out = Vec::new();
    for i in ids {
        let mut c = clean(Conclusion::FiledPaid);
        c.id = format!("PDS-2025-{i:04}");
        if due_of(&open(&c, d(2025, 3, 20))?, FollowUpKind::RandomReturnVisit).is_some() {
            out.push(c.id);
        }
    }
    Ok(out)
}

#[test]
fn the_random_return_visit_draw_is_pinned_and_the_same_on_every_run() -> Result<(), Error> {
    let first = drawn(1..=200)?;
    assert_eq!(first, drawn(1..=200)?);
    // Golden, cross-checked with Python: a clue is drawn when
    // int.from_bytes(hmac.new(seed, id.encode(), hashlib.sha256).digest()[:8], "big") * 10000 >> 64 < 1000,
    // under the default seed, the 32 ASCII bytes of "wage-arrears random return visit" (`review::draw_key`, the
    // spot check's keyed draw). A change here changes who gets visited.
    assert_eq!(first.len(), 21, "21 of 200 drawn at 10%");
    assert_eq!(
        first.iter().take(5).cloned().collect::<Vec<_>>(),
        GOLDEN_FIRST_FIVE
    );
    Ok(())
}

const GOLDEN_FIRST_FIVE: [&str; 5] = [
    "PDS-2025-0022",
    "PDS-2025-0024",
    "PDS-2025-0030",
    "PDS-2025-0038",
    "PDS-2025-0048",
];

#[test]
fn a_drawn_clue_owes_a_second_visit_thirty_days_after_the_periodic_one() -> Result<(), Error> {
    let id = drawn(1..=200)?
        .into_iter()
        .next()
        .ok_or(Error::UnknownRule("none drawn".into()))?;
    let mut c = clean(Conclusion::FiledPaid);
    c.id = id;
    let list = open(&c, d(2025, 3, 20))?;
    let f = list
        .iter()
        .find(|f| f.kind == FollowUpKind::RandomReturnVisit)
        .ok_or(Error::UnknownRule("R-FUP-8".into()))?;
    assert_eq!(
        (f.due, f.because, f.rule),
        (d(2025, 5, 13), d(2025, 3, 14), RuleId::ReturnVisitRandom)
    );
    c.return_visits = vec![d(2025, 4, 10)];
    let list = open(&c, d(2025, 4, 20))?;
    assert_eq!(
        (
            due_of(&list, FollowUpKind::ReturnVisit),
            due_of(&list, FollowUpKind::RandomReturnVisit)
        ),
        (None, Some(d(2025, 5, 13)))
    );
    c.return_visits.push(d(2025, 5, 6));
    assert_eq!(open(&c, d(2025, 5, 7))?, []);
    Ok(())
}

#[test]
fn a_clean_closed_clue_with_its_visits_made_owes_nothing() -> Result<(), Error> {
    for conclusion in Conclusion::ALL {
        let mut c = clean(conclusion);
        c.return_visits = vec![d(2025, 4, 1), d(2025, 5, 1)];
        c.reviewed_on = Some(d(2025, 4, 2));
        assert_eq!(open(&c, d(2025, 6, 1))?, [], "{conclusion}");
    }
    Ok(())
}

#[test]
fn follow_ups_come_sorted_by_due_day() -> Result<(), Error> {
    let mut c = agreement_due_after_national_day_2026();
    c.reviewed_on = None;
    c.return_visits.clear();
    let list = open(&c, d(2026, 9, 26))?;
    assert!(list.len() >= 3);
    assert!(list.windows(2).all(|w| w[0].due <= w[1].due));
    Ok(())
}

#[test]
fn a_clue_accepted_before_it_was_registered_is_an_error_not_a_guess() {
    let mut c = clean(Conclusion::FiledPaid);
    c.accepted_on = Some(d(2025, 3, 1));
    assert!(matches!(
        open(&c, d(2025, 4, 1)),
        Err(Error::InvalidClue {
            field: "accepted_on",
            ..
        })
    ));
}

#[test]
fn an_agreement_due_past_the_calendar_owes_no_reminder_yet_and_is_no_error() -> Result<(), Error> {
    let mut c = agreement_due_after_national_day_2026();
    if let Some(a) = c.agreement.as_mut() {
        a.pay_by = d(2027, 1, 15);
    }
    // The reminder day needs the 2027 notice; seen from 2026 it is still ahead, so nothing is due yet.
    let list = open(&c, d(2026, 10, 1))?;
    assert!(
        list.iter()
            .all(|f| f.kind != FollowUpKind::AgreementDueSoon),
        "{list:?}"
    );
    Ok(())
}

#[test]
fn a_case_closed_in_december_2026_gets_its_return_visit_in_january_2027_without_the_calendar_knowing_2027()
-> Result<(), Error> {
    let mut c = clean(Conclusion::NoArrears);
    c.closed_on = Some(d(2026, 12, 10));
    c.submissions = vec![submitted(d(2026, 12, 10))];
    assert_eq!(
        due_of(&open(&c, d(2026, 12, 11))?, FollowUpKind::ReturnVisit),
        Some(d(2027, 1, 9))
    );
    // Rolling a rest-day end over needs the calendar: that is an error, not a guess.
    let mut policy = Policy::default();
    policy.natural_day_rollover = Rollover::NextWorkingDay;
    assert!(matches!(
        follow_ups(&c, &policy, &cal(), d(2026, 12, 11)),
        Err(Error::CalendarOutOfRange { .. })
    ));
    Ok(())
}
