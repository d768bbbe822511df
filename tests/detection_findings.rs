//! The seven finding kinds a record shows by itself (平人社监察〔2024〕15号 四(一) 1, 3, 4, 5, 6, 7, 8), and the day each is
//! found.

mod disposition_common;

use chrono::NaiveDate;
use disposition_common::{cal, clean, d, reached, submitted};
use wage_arrears::Error;
use wage_arrears::detection::detect_findings;
use wage_arrears::finding::{Finding, FindingKind};
use wage_arrears::model::{Clue, Conclusion, EscalationFacts, HandlingLevel, Submission};
use wage_arrears::policy::Policy;
use wage_arrears::rule::RuleId;

fn found(clue: &Clue, as_of: NaiveDate) -> Result<Vec<Finding>, Error> {
    detect_findings(clue, &Policy::default(), &cal(), as_of)
}

fn kinds(clue: &Clue, as_of: NaiveDate) -> Result<Vec<(FindingKind, NaiveDate)>, Error> {
    Ok(found(clue, as_of)?
        .into_iter()
        .map(|f| (f.kind, f.found_on))
        .collect())
}

#[test]
fn a_clean_clue_of_every_conclusion_shows_no_finding_even_years_later() -> Result<(), Error> {
    for c in Conclusion::ALL {
        assert_eq!(found(&clean(c), d(2026, 12, 31))?, [], "{c}");
    }
    Ok(())
}

#[test]
fn a_reporter_first_reached_two_days_after_acceptance_is_finding_one_from_the_second_day()
-> Result<(), Error> {
    // Accepted Tue 2025-03-04: the first contact is due by Wed 03-05.
    let mut c = clean(Conclusion::FiledPaid);
    c.contacts = vec![
        reached(d(2025, 3, 6)),
        reached(d(2025, 3, 7)),
        reached(d(2025, 3, 11)),
    ];
    assert_eq!(kinds(&c, d(2025, 3, 5))?, []);
    assert_eq!(
        kinds(&c, d(2025, 3, 6))?,
        [(FindingKind::NoFirstContact, d(2025, 3, 6))]
    );
    c.contacts[0].on = d(2025, 3, 5);
    assert_eq!(
        kinds(&c, d(2025, 12, 31))?,
        [],
        "contact on the deadline day is on time"
    );
    Ok(())
}

#[test]
fn a_clue_accepted_on_the_eve_of_national_day_2025_has_until_october_ninth_for_its_first_contact()
-> Result<(), Error> {
    let mut c = Clue::new(
        "PDS-2025-0930",
        wage_arrears::model::Source::MohrssColumn,
        "鲁山县",
        d(2025, 9, 29),
    );
    c.accepted_on = Some(d(2025, 9, 30));
    c.contacts = vec![reached(d(2025, 10, 9))];
    assert_eq!(kinds(&c, d(2025, 10, 31))?, []);
    c.contacts[0].on = d(2025, 10, 10);
    assert_eq!(
        kinds(&c, d(2025, 10, 31))?,
        [(FindingKind::NoFirstContact, d(2025, 10, 10))]
    );
    Ok(())
}

#[test]
fn contacts_that_never_reached_the_reporter_do_not_count_as_first_contact() -> Result<(), Error> {
    let mut c = clean(Conclusion::Litigation);
    for k in &mut c.contacts {
        k.reached = false;
    }
    let f = found(&c, d(2025, 4, 1))?;
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].kind, f[0].found_on, f[0].rule),
        (
            FindingKind::NoFirstContact,
            d(2025, 3, 6),
            RuleId::FindingNoFirstContact
        )
    );
    assert_eq!(
        (f[0].county.as_str(), f[0].responsible.as_str()),
        ("叶县", "李明")
    );
    assert_eq!(f[0].clue_closed_on, Some(d(2025, 3, 14)));
    Ok(())
}

/// A code-5 clue whose agreement is due Tue 2025-09-30 (eve of National Day), unpaid and never followed up.
fn unpaid_agreement() -> Clue {
    let mut c = clean(Conclusion::Coordinated);
    if let Some(a) = c.agreement.as_mut() {
        a.pay_by = d(2025, 9, 30);
        a.paid_on = None;
        a.follow_ups.clear();
    }
    c
}

#[test]
fn an_agreement_unpaid_and_never_followed_up_is_finding_three_the_day_after_the_overdue_follow_up_was_due()
-> Result<(), Error> {
    // The overdue follow-up is due Thu 10-09 (the first working day after 09-30); found Fri 10-10.
    let c = unpaid_agreement();
    assert_eq!(kinds(&c, d(2025, 10, 9))?, []);
    assert_eq!(
        kinds(&c, d(2025, 10, 10))?,
        [(FindingKind::AgreementNotFollowedUp, d(2025, 10, 10))]
    );
    Ok(())
}

#[test]
fn a_follow_up_on_the_reminder_day_or_on_the_overdue_day_prevents_finding_three()
-> Result<(), Error> {
    // Reminder window of 3 working days before Tue 09-30: from Fri 09-26 (Sun 09-28 is a make-up day).
    for day in [d(2025, 9, 26), d(2025, 10, 9)] {
        let mut c = unpaid_agreement();
        if let Some(a) = c.agreement.as_mut() {
            a.follow_ups = vec![day];
        }
        assert_eq!(kinds(&c, d(2025, 12, 1))?, [], "followed up {day}");
    }
    let mut c = unpaid_agreement();
    if let Some(a) = c.agreement.as_mut() {
        a.follow_ups = vec![d(2025, 9, 25), d(2025, 10, 10)];
    }
    assert_eq!(
        kinds(&c, d(2025, 12, 1))?,
        [(FindingKind::AgreementNotFollowedUp, d(2025, 10, 10))],
        "too early and too late"
    );
    Ok(())
}

#[test]
fn an_agreement_paid_by_the_overdue_follow_up_day_is_no_finding() -> Result<(), Error> {
    let mut c = unpaid_agreement();
    if let Some(a) = c.agreement.as_mut() {
        a.paid_on = Some(d(2025, 10, 9));
    }
    assert_eq!(kinds(&c, d(2025, 12, 1))?, []);
    Ok(())
}

#[test]
fn an_invalid_clue_conclusion_without_investigation_is_finding_four_on_its_first_submission()
-> Result<(), Error> {
    let mut c = clean(Conclusion::InvalidClue);
    c.investigation = None;
    c.submissions = vec![submitted(d(2025, 3, 13))];
    assert_eq!(kinds(&c, d(2025, 3, 12))?, []);
    assert_eq!(
        kinds(&c, d(2025, 3, 13))?,
        [(FindingKind::InvalidWithoutInvestigation, d(2025, 3, 13))]
    );
    Ok(())
}

#[test]
fn an_investigation_recorded_after_the_invalid_clue_conclusion_does_not_undo_finding_four()
-> Result<(), Error> {
    let mut c = clean(Conclusion::InvalidClue);
    if let Some(i) = c.investigation.as_mut() {
        i.on = d(2025, 3, 20);
    }
    assert_eq!(
        kinds(&c, d(2025, 4, 1))?,
        [(FindingKind::InvalidWithoutInvestigation, d(2025, 3, 14))]
    );
    Ok(())
}

#[test]
fn a_ministry_clue_submitted_before_it_was_closed_is_finding_five_on_the_day_it_was_submitted()
-> Result<(), Error> {
    let mut c = clean(Conclusion::FiledPaid);
    c.transferred_by_ministry = true;
    assert_eq!(kinds(&c, d(2025, 4, 1))?, []);
    c.submissions = vec![submitted(d(2025, 3, 12)), submitted(d(2025, 3, 13))];
    assert_eq!(
        kinds(&c, d(2025, 4, 1))?,
        [(FindingKind::MinistryClueSubmittedOpen, d(2025, 3, 12))]
    );
    c.closed_on = None;
    assert_eq!(
        kinds(&c, d(2025, 3, 12))?,
        [(FindingKind::MinistryClueSubmittedOpen, d(2025, 3, 12))]
    );
    Ok(())
}

fn resubmitted_unrevised(times: u32) -> Clue {
    let mut c = clean(Conclusion::Arbitration);
    c.submissions = (0..=times)
        .map(|i| Submission {
            submitted_on: d(2025, 3, 14 + 2 * i),
            revised: false,
            returned_on: (i < times).then(|| d(2025, 3, 15 + 2 * i)),
            return_reason: Some("未附告知记录".into()),
            irregular_format: false,
            format_reminder_on: None,
        })
        .collect();
    c
}

#[test]
fn a_returned_clue_resubmitted_unrevised_once_is_no_finding_but_twice_is_finding_seven()
-> Result<(), Error> {
    assert_eq!(kinds(&resubmitted_unrevised(1), d(2025, 4, 1))?, []);
    // Submitted 03-14, returned 03-15, resubmitted 03-16 (1st), returned 03-17, resubmitted 03-18 (2nd).
    let c = resubmitted_unrevised(2);
    assert_eq!(kinds(&c, d(2025, 3, 17))?, []);
    assert_eq!(
        kinds(&c, d(2025, 3, 18))?,
        [(FindingKind::ResubmittedUnrevised, d(2025, 3, 18))]
    );
    assert_eq!(
        kinds(&resubmitted_unrevised(4), d(2025, 4, 1))?.len(),
        1,
        "one finding per clue"
    );
    Ok(())
}

#[test]
fn verified_refused_arrears_filed_six_working_days_later_are_finding_eight() -> Result<(), Error> {
    // Investigated Fri 2025-03-07: file by Fri 03-14; found Sat 03-15.
    let mut c = clean(Conclusion::FiledEnforcement);
    c.case_filed_on = Some(d(2025, 3, 14));
    assert_eq!(kinds(&c, d(2025, 4, 1))?, []);
    c.case_filed_on = Some(d(2025, 3, 17));
    c.closed_on = Some(d(2025, 3, 20));
    assert_eq!(
        kinds(&c, d(2025, 4, 1))?,
        [(FindingKind::NotFiledInTime, d(2025, 3, 15))]
    );
    c.case_filed_on = None;
    assert_eq!(kinds(&c, d(2025, 3, 14))?, [], "not yet late");
    assert_eq!(
        kinds(&c, d(2025, 3, 15))?,
        [(FindingKind::NotFiledInTime, d(2025, 3, 15))]
    );
    Ok(())
}

#[test]
fn an_escalated_case_not_filed_the_day_of_its_verification_is_finding_eight_the_next_day()
-> Result<(), Error> {
    let mut c = clean(Conclusion::FiledPolice);
    c.case_filed_on = Some(d(2025, 3, 10));
    let recurring = EscalationFacts {
        repeated_complaint: true,
        ..EscalationFacts::default()
    };
    let cross_region_and_recurring = EscalationFacts {
        cross_region: true,
        ..recurring
    };
    let opinion = EscalationFacts {
        public_opinion_incident: true,
        ..EscalationFacts::default()
    };
    for (escalation, workers) in [(cross_region_and_recurring, 6), (opinion, 30)] {
        c.escalation = escalation;
        c.workers = workers;
        assert_eq!(
            kinds(&c, d(2025, 4, 1))?,
            [(FindingKind::NotFiledInTime, d(2025, 3, 8))]
        );
    }
    c.case_filed_on = Some(d(2025, 3, 7));
    assert_eq!(kinds(&c, d(2025, 4, 1))?, []);
    Ok(())
}

#[test]
fn a_clue_the_city_handles_keeps_the_ordinary_filing_window_unless_the_policy_makes_city_handling_an_escalation()
-> Result<(), Error> {
    let mut c = clean(Conclusion::FiledPolice);
    c.case_filed_on = Some(d(2025, 3, 10));
    c.handling_level = HandlingLevel::City;
    // Verified and refused Fri 03-07: filed Mon 03-10, inside the 5 working days.
    assert_eq!(kinds(&c, d(2025, 4, 1))?, []);
    let mut p = Policy::default();
    p.city_handling_escalates = true;
    let same_day: Vec<(FindingKind, NaiveDate)> = detect_findings(&c, &p, &cal(), d(2025, 4, 1))?
        .into_iter()
        .map(|f| (f.kind, f.found_on))
        .collect();
    assert_eq!(same_day, [(FindingKind::NotFiledInTime, d(2025, 3, 8))]);
    Ok(())
}

#[test]
fn a_repeated_complaint_alone_without_a_complex_case_keeps_the_ordinary_filing_window()
-> Result<(), Error> {
    let mut c = clean(Conclusion::FiledPolice);
    c.case_filed_on = Some(d(2025, 3, 10));
    c.escalation = EscalationFacts {
        repeated_complaint: true,
        ..EscalationFacts::default()
    };
    assert_eq!(kinds(&c, d(2025, 4, 1))?, []);
    c.escalation.settlement_dispute = true;
    assert_eq!(
        kinds(&c, d(2025, 4, 1))?,
        [(FindingKind::NotFiledInTime, d(2025, 3, 8))]
    );
    Ok(())
}

#[test]
fn verified_arrears_refused_but_closed_as_five_are_finding_eight() -> Result<(), Error> {
    let mut c = clean(Conclusion::Coordinated);
    if let Some(i) = c.investigation.as_mut() {
        i.employer_refuses = true;
    }
    assert_eq!(
        kinds(&c, d(2025, 4, 1))?,
        [(FindingKind::NotFiledInTime, d(2025, 3, 15))]
    );
    Ok(())
}

#[test]
fn findings_come_sorted_by_the_day_found_and_each_names_its_rule_and_note() -> Result<(), Error> {
    let mut c = resubmitted_unrevised(2);
    c.conclusion = Some(Conclusion::InvalidClue);
    c.investigation = None;
    c.transferred_by_ministry = true;
    c.contacts.clear();
    c.closed_on = Some(d(2025, 3, 20));
    let f = found(&c, d(2025, 4, 1))?;
    assert_eq!(
        f.iter()
            .map(|f| (f.kind.number(), f.found_on))
            .collect::<Vec<_>>(),
        [
            (1, d(2025, 3, 6)),
            (4, d(2025, 3, 14)),
            (5, d(2025, 3, 14)),
            (7, d(2025, 3, 18))
        ]
    );
    for x in &f {
        assert_eq!(x.rule, x.kind.rule());
        assert!(!x.note.is_empty());
        assert_eq!(x.clue_id, c.id);
    }
    Ok(())
}

#[test]
fn a_finding_is_never_dated_after_the_day_asked_about() -> Result<(), Error> {
    let c = unpaid_agreement();
    for f in found(&c, d(2025, 10, 10))? {
        assert!(f.found_on <= d(2025, 10, 10));
    }
    Ok(())
}

#[test]
fn a_clue_accepted_outside_the_calendar_is_an_error() {
    let mut c = Clue::new(
        "PDS-2027-0001",
        wage_arrears::model::Source::GovCnMessage,
        "叶县",
        d(2027, 1, 4),
    );
    c.accepted_on = Some(d(2027, 1, 5));
    assert!(matches!(
        found(&c, d(2027, 2, 1)),
        Err(Error::CalendarOutOfRange { .. })
    ));
}

#[test]
fn a_clue_accepted_on_the_calendars_last_day_shows_no_finding_yet_rather_than_an_error()
-> Result<(), Error> {
    // The first-contact deadline falls in 2027, whose notice the calendar does not have: not due yet.
    let mut c = Clue::new(
        "PDS-2026-1231",
        wage_arrears::model::Source::GovCnMessage,
        "叶县",
        d(2026, 12, 30),
    );
    c.accepted_on = Some(d(2026, 12, 31));
    assert_eq!(found(&c, d(2026, 12, 31))?, []);
    Ok(())
}

#[test]
fn finding_three_stays_on_record_when_the_clue_is_filed_afterwards() -> Result<(), Error> {
    let mut c = unpaid_agreement();
    let before = kinds(&c, d(2025, 10, 31))?;
    assert_eq!(
        before,
        [(FindingKind::AgreementNotFollowedUp, d(2025, 10, 10))]
    );
    // Filed in November as code 1: the October finding does not go away.
    c.conclusion = Some(Conclusion::FiledPaid);
    c.case_filed_on = Some(d(2025, 11, 3));
    assert_eq!(kinds(&c, d(2025, 10, 31))?, before);
    Ok(())
}

#[test]
fn an_agreement_the_employer_refuses_to_perform_and_left_unfiled_is_finding_eight()
-> Result<(), Error> {
    let mut c = unpaid_agreement();
    if let Some(a) = c.agreement.as_mut() {
        a.refused_to_perform = true;
        a.refused_on = Some(d(2025, 10, 9));
        a.follow_ups = vec![d(2025, 10, 9)];
    }
    // Refused Thu 10-09; 5 working days: 10-10, 10-11 (make-up Saturday), 10-13, 10-14, 10-15; found 10-16.
    assert_eq!(
        kinds(&c, d(2025, 10, 20))?,
        [(FindingKind::NotFiledInTime, d(2025, 10, 16))]
    );
    Ok(())
}

// ── Finding 6: 填报格式不规范，经提醒仍不改正 (平人社监察〔2024〕15号 四(一)6) ─────────────────────────────────

/// A clean code-1 clue submitted three times: 03-14 (returned 03-17 with a format reminder), 03-19, 03-24.
fn reminded(second_irregular: bool, third_irregular: bool) -> Clue {
    let mut c = clean(Conclusion::FiledPaid);
    let mut first = submitted(d(2025, 3, 14));
    first.irregular_format = true;
    first.returned_on = Some(d(2025, 3, 17));
    first.return_reason = Some("核实处置情况未按模板分项填写".into());
    first.format_reminder_on = Some(d(2025, 3, 17));
    let mut second = submitted(d(2025, 3, 19));
    second.revised = true;
    second.irregular_format = second_irregular;
    let mut third = submitted(d(2025, 3, 24));
    third.revised = true;
    third.irregular_format = third_irregular;
    c.submissions = vec![first, second, third];
    c.closed_on = Some(d(2025, 3, 24));
    c
}

#[test]
fn a_submission_still_irregular_after_the_reviewer_s_format_reminder_is_finding_six_on_its_day()
-> Result<(), Error> {
    let c = reminded(true, true);
    let six: Vec<Finding> = found(&c, d(2025, 4, 30))?
        .into_iter()
        .filter(|f| f.kind == FindingKind::FormatNotCorrected)
        .collect();
    assert_eq!(six.len(), 1, "one reminder not heeded is one finding");
    assert_eq!(six[0].found_on, d(2025, 3, 19));
    assert_eq!(six[0].rule, RuleId::FindingFormatNotCorrected);
    assert_eq!(six[0].responsible, "李明");
    assert!(
        six[0].note.contains("2025-03-17") && six[0].note.contains("2025-03-19"),
        "{}",
        six[0].note
    );
    // Not before the later submission is made.
    assert!(kinds(&c, d(2025, 3, 18))?.is_empty());
    Ok(())
}

#[test]
fn a_format_corrected_after_the_reminder_is_no_finding_and_an_irregular_format_without_a_reminder_is_none_either()
-> Result<(), Error> {
    assert_eq!(kinds(&reminded(false, false), d(2025, 4, 30))?, []);
    // Corrected on the second submission, irregular again on the third: still irregular after the reminder.
    assert_eq!(
        kinds(&reminded(false, true), d(2025, 4, 30))?,
        [(FindingKind::FormatNotCorrected, d(2025, 3, 24))]
    );
    let mut no_reminder = reminded(true, true);
    no_reminder.submissions[0].format_reminder_on = None;
    assert_eq!(kinds(&no_reminder, d(2025, 4, 30))?, []);
    Ok(())
}

#[test]
fn a_reminder_recorded_after_the_day_asked_about_is_not_yet_on_the_record() -> Result<(), Error> {
    let mut c = reminded(true, true);
    // The reminder given on 03-20, after the second submission: only the third (03-24) is after it.
    c.submissions[0].format_reminder_on = Some(d(2025, 3, 20));
    assert_eq!(kinds(&c, d(2025, 3, 19))?, []);
    assert_eq!(
        kinds(&c, d(2025, 3, 31))?,
        [(FindingKind::FormatNotCorrected, d(2025, 3, 24))]
    );
    assert_eq!(
        c.to_record_on(d(2025, 3, 19)).submissions[0].format_reminder_on,
        None
    );
    Ok(())
}

#[test]
fn falsification_stays_a_reviewer_s_finding_and_is_never_detected() {
    assert!(!FindingKind::Falsified.detectable_from_record());
    assert!(FindingKind::FormatNotCorrected.detectable_from_record());
}
