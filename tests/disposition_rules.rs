//! For every validation rule: a clean clue with exactly that rule broken gets exactly that violation.

mod disposition_common;

use disposition_common::{OWED, clean, d, reached, submitted};
use wage_arrears::Fen;
use wage_arrears::disposition::validate;
use wage_arrears::finding::FindingKind;
use wage_arrears::model::{Clue, Conclusion, Investigation, Payment, Source, Submission};
use wage_arrears::policy::Policy;
use wage_arrears::rule::RuleId;

fn rules(clue: &Clue) -> Vec<RuleId> {
    validate(clue, &Policy::default()).rules()
}

fn finding_of(clue: &Clue, rule: RuleId) -> Option<FindingKind> {
    validate(clue, &Policy::default())
        .violations
        .into_iter()
        .find(|v| v.rule == rule)
        .and_then(|v| v.finding)
}

#[test]
fn every_clean_base_clue_meets_every_rule_it_is_checked_against() {
    for c in Conclusion::ALL {
        let v = validate(&clean(c), &Policy::default());
        assert!(v.is_clean(), "{c}: {:?}", v.violations);
        assert!(v.checked.contains(RuleId::ContactMinimum));
        assert!(v.checked.contains(RuleId::DatesInOrder));
    }
}

#[test]
fn a_filed_conclusion_without_a_case_filed_breaks_only_the_filing_record_rule() {
    for c in [
        Conclusion::FiledPaid,
        Conclusion::FiledEnforcement,
        Conclusion::FiledPolice,
        Conclusion::FiledEnforcementAndPolice,
    ] {
        let mut clue = clean(c);
        clue.case_filed_on = None;
        assert_eq!(rules(&clue), [RuleId::ConclusionNeedsCaseFiled], "{c}");
    }
}

#[test]
fn conclusion_one_without_a_payment_breaks_only_the_payment_rule() {
    let mut clue = clean(Conclusion::FiledPaid);
    clue.payment = None;
    assert_eq!(rules(&clue), [RuleId::ConclusionNeedsPayment]);
}

#[test]
fn conclusions_two_and_four_without_an_enforcement_application_break_only_the_enforcement_rule() {
    for c in [
        Conclusion::FiledEnforcement,
        Conclusion::FiledEnforcementAndPolice,
    ] {
        let mut clue = clean(c);
        clue.enforcement_applied_on = None;
        assert_eq!(rules(&clue), [RuleId::ConclusionNeedsEnforcement], "{c}");
    }
}

#[test]
fn conclusions_three_and_four_without_a_police_transfer_break_only_the_police_rule() {
    for c in [
        Conclusion::FiledPolice,
        Conclusion::FiledEnforcementAndPolice,
    ] {
        let mut clue = clean(c);
        clue.police_transfer_on = None;
        assert_eq!(rules(&clue), [RuleId::ConclusionNeedsPoliceTransfer], "{c}");
    }
}

#[test]
fn conclusion_five_with_neither_payment_nor_agreement_breaks_only_the_coordination_rule() {
    let mut clue = clean(Conclusion::Coordinated);
    clue.agreement = None;
    assert_eq!(rules(&clue), [RuleId::ConclusionNeedsPaymentOrAgreement]);
}

#[test]
fn conclusion_five_with_a_payment_and_no_agreement_is_clean() {
    let mut clue = clean(Conclusion::Coordinated);
    clue.agreement = None;
    clue.payment = Some(Payment {
        on: d(2025, 3, 13),
        amount: OWED,
    });
    assert_eq!(rules(&clue), []);
}

#[test]
fn conclusions_six_and_seven_without_the_reporter_informed_break_only_the_informing_rule() {
    for c in [Conclusion::Arbitration, Conclusion::Litigation] {
        let mut clue = clean(c);
        clue.reporter_informed_on = None;
        assert_eq!(
            rules(&clue),
            [RuleId::ConclusionNeedsReporterInformed],
            "{c}"
        );
    }
}

#[test]
fn conclusion_eight_without_its_award_or_with_a_blank_one_breaks_only_the_award_rule() {
    for award in [None, Some("  ".to_owned())] {
        let mut clue = clean(Conclusion::EnforcementDifficulty);
        clue.award_or_judgment = award;
        assert_eq!(rules(&clue), [RuleId::ConclusionNeedsAward]);
    }
}

#[test]
fn conclusion_nine_without_an_investigation_breaks_the_investigation_rule_with_no_finding_kind() {
    let mut clue = clean(Conclusion::NoArrears);
    clue.investigation = None;
    assert_eq!(rules(&clue), [RuleId::ConclusionNeedsInvestigation]);
    assert_eq!(
        finding_of(&clue, RuleId::ConclusionNeedsInvestigation),
        None
    );
}

#[test]
fn conclusion_ten_without_an_investigation_record_would_be_finding_four() {
    let mut clue = clean(Conclusion::InvalidClue);
    if let Some(i) = clue.investigation.as_mut() {
        i.record = String::new();
    }
    assert_eq!(rules(&clue), [RuleId::ConclusionNeedsInvestigation]);
    assert_eq!(
        finding_of(&clue, RuleId::ConclusionNeedsInvestigation),
        Some(FindingKind::InvalidWithoutInvestigation)
    );
}

#[test]
fn an_invalid_clue_conclusion_where_the_investigation_verified_arrears_breaks_only_the_abuse_rule()
{
    for c in [Conclusion::NoArrears, Conclusion::InvalidClue] {
        let mut clue = clean(c);
        if let Some(i) = clue.investigation.as_mut() {
            i.arrears_verified = true;
        }
        assert_eq!(rules(&clue), [RuleId::InvalidClueNotWhereArrears], "{c}");
    }
}

#[test]
fn two_recorded_contacts_are_fewer_than_three_but_not_the_no_contact_finding() {
    let mut clue = clean(Conclusion::Arbitration);
    clue.contacts.truncate(2);
    assert_eq!(rules(&clue), [RuleId::ContactMinimum]);
    // The reporter was contacted: too few contacts is not “未联系当事人” (finding 1).
    assert_eq!(finding_of(&clue, RuleId::ContactMinimum), None);
}

#[test]
fn three_attempts_that_never_reached_the_reporter_break_only_first_contact() {
    let mut clue = clean(Conclusion::Litigation);
    for c in &mut clue.contacts {
        c.reached = false;
    }
    assert_eq!(rules(&clue), [RuleId::FirstContact]);
    assert_eq!(
        finding_of(&clue, RuleId::FirstContact),
        Some(FindingKind::NoFirstContact)
    );
}

#[test]
fn a_clue_concluded_with_no_contact_at_all_breaks_both_contact_rules() {
    let mut clue = clean(Conclusion::NoArrears);
    clue.contacts.clear();
    assert_eq!(rules(&clue), [RuleId::ContactMinimum, RuleId::FirstContact]);
}

#[test]
fn a_policy_asking_for_four_contacts_flags_the_third() {
    let mut policy = Policy::default();
    policy.min_contacts = 4;
    let v = validate(&clean(Conclusion::FiledPaid), &policy);
    assert_eq!(v.rules(), [RuleId::ContactMinimum]);
    assert!(
        v.violations
            .iter()
            .all(|v| v.message_zh.contains("3次") && v.message_en.contains("fewer than 4"))
    );
}

#[test]
fn a_one_line_handling_text_breaks_only_the_detail_rule() {
    let mut clue = clean(Conclusion::FiledPaid);
    clue.handling = "已协调支付。".into();
    assert_eq!(rules(&clue), [RuleId::DetailedText]);
}

#[test]
fn twenty_nine_characters_of_facts_are_too_few_and_thirty_are_enough() {
    let mut clue = clean(Conclusion::FiledPolice);
    clue.facts = "一".repeat(29);
    assert_eq!(rules(&clue), [RuleId::DetailedText]);
    clue.facts = "一".repeat(30);
    assert_eq!(rules(&clue), []);
    clue.facts = format!("{} ", "一".repeat(29));
    assert_eq!(
        rules(&clue),
        [RuleId::DetailedText],
        "whitespace does not count"
    );
}

#[test]
fn verified_arrears_with_a_refusing_employer_closed_as_five_breaks_the_filing_duty_and_would_be_finding_eight()
 {
    let mut clue = clean(Conclusion::Coordinated);
    if let Some(i) = clue.investigation.as_mut() {
        i.employer_refuses = true;
    }
    assert_eq!(rules(&clue), [RuleId::MustFileWhenRefused]);
    assert_eq!(
        finding_of(&clue, RuleId::MustFileWhenRefused),
        Some(FindingKind::NotFiledInTime)
    );
}

#[test]
fn verified_refused_arrears_closed_as_no_arrears_break_the_filing_duty_and_the_abuse_rule() {
    let mut clue = clean(Conclusion::NoArrears);
    clue.investigation = Some(Investigation {
        on: d(2025, 3, 7),
        arrears_verified: true,
        employer_refuses: true,
        record: "调查笔录".into(),
    });
    assert_eq!(
        rules(&clue),
        [
            RuleId::InvalidClueNotWhereArrears,
            RuleId::MustFileWhenRefused
        ]
    );
}

#[test]
fn a_refusing_employer_under_a_filed_conclusion_is_what_the_rule_asks_for() {
    for c in [
        Conclusion::FiledEnforcement,
        Conclusion::FiledPolice,
        Conclusion::FiledEnforcementAndPolice,
    ] {
        assert!(clean(c).investigation.is_some_and(|i| i.employer_refuses));
        assert_eq!(rules(&clean(c)), []);
    }
}

#[test]
fn a_ministry_clue_submitted_the_day_before_it_was_closed_breaks_only_the_submission_rule_and_would_be_finding_five()
 {
    let mut clue = clean(Conclusion::FiledPaid);
    clue.transferred_by_ministry = true;
    assert_eq!(rules(&clue), [], "submitted on the closing day");
    clue.submissions = vec![submitted(d(2025, 3, 13))];
    assert_eq!(rules(&clue), [RuleId::MinistryClueClosedBeforeSubmission]);
    assert_eq!(
        finding_of(&clue, RuleId::MinistryClueClosedBeforeSubmission),
        Some(FindingKind::MinistryClueSubmittedOpen)
    );
}

#[test]
fn a_ministry_clue_submitted_while_still_open_breaks_the_submission_rule() {
    let mut clue = clean(Conclusion::Coordinated);
    clue.transferred_by_ministry = true;
    clue.closed_on = None;
    let v = validate(&clue, &Policy::default());
    assert_eq!(v.rules(), [RuleId::MinistryClueClosedBeforeSubmission]);
    assert!(
        v.violations
            .iter()
            .all(|v| v.message_zh.contains("尚未办结"))
    );
}

#[test]
fn a_clue_not_from_the_ministry_may_be_submitted_before_closing() {
    let mut clue = clean(Conclusion::FiledPaid);
    clue.submissions = vec![submitted(d(2025, 3, 13))];
    assert_eq!(rules(&clue), []);
}

fn returned(mut clue: Clue, times: usize, revised: bool) -> Clue {
    clue.submissions.clear();
    let mut day = d(2025, 3, 14);
    for i in 0..=times {
        let back = day.succ_opt().expect("in 2025");
        clue.submissions.push(Submission {
            submitted_on: day,
            revised: i > 0 && revised,
            returned_on: (i < times).then_some(back),
            return_reason: (i < times).then(|| "核处结论与调查情况不符，请补充调查笔录".to_owned()),
            irregular_format: false,
            format_reminder_on: None,
        });
        day = back.succ_opt().expect("in 2025");
    }
    clue
}

#[test]
fn a_returned_clue_resubmitted_revised_is_clean() {
    assert_eq!(
        rules(&returned(clean(Conclusion::Arbitration), 2, true)),
        []
    );
}

#[test]
fn a_returned_clue_resubmitted_unrevised_once_breaks_the_revision_rule_without_a_finding() {
    let clue = returned(clean(Conclusion::Arbitration), 1, false);
    assert_eq!(rules(&clue), [RuleId::ReturnedClueRevised]);
    assert_eq!(finding_of(&clue, RuleId::ReturnedClueRevised), None);
}

#[test]
fn a_returned_clue_resubmitted_unrevised_twice_would_be_finding_seven() {
    let clue = returned(clean(Conclusion::Arbitration), 2, false);
    assert_eq!(rules(&clue), [RuleId::ReturnedClueRevised]);
    assert_eq!(
        finding_of(&clue, RuleId::ReturnedClueRevised),
        Some(FindingKind::ResubmittedUnrevised)
    );
}

#[test]
fn a_payment_above_the_amount_owed_breaks_only_the_paid_within_owed_rule() {
    let mut clue = clean(Conclusion::FiledPaid);
    clue.payment = Some(Payment {
        on: d(2025, 3, 12),
        amount: Fen(OWED.fen() + 1),
    });
    let v = validate(&clue, &Policy::default());
    assert_eq!(v.rules(), [RuleId::PaidWithinOwed]);
    assert!(
        v.violations
            .iter()
            .all(|v| v.message_zh.contains("¥36000.01") && v.message_en.contains("¥36000.00"))
    );
}

#[test]
fn an_agreement_for_more_than_is_owed_breaks_only_the_paid_within_owed_rule() {
    let mut clue = clean(Conclusion::Coordinated);
    if let Some(a) = clue.agreement.as_mut() {
        a.amount = Fen(OWED.fen() * 2);
    }
    assert_eq!(rules(&clue), [RuleId::PaidWithinOwed]);
}

#[test]
fn an_agreement_due_the_day_it_is_signed_breaks_only_the_due_after_signing_rule() {
    let mut clue = clean(Conclusion::Coordinated);
    if let Some(a) = clue.agreement.as_mut() {
        a.pay_by = a.signed_on;
        a.paid_on = None;
        a.follow_ups.clear();
    }
    assert_eq!(rules(&clue), [RuleId::AgreementDueAfterSigning]);
}

#[test]
fn a_contact_dated_before_registration_breaks_only_the_date_order_rule() {
    let mut clue = clean(Conclusion::FiledPaid);
    clue.contacts.push(reached(d(2025, 3, 2)));
    let v = validate(&clue, &Policy::default());
    assert_eq!(v.rules(), [RuleId::DatesInOrder]);
    assert!(
        v.violations
            .iter()
            .all(|v| v.message_zh.contains("2025-03-02") && v.message_en.contains("2025-03-03"))
    );
}

#[test]
fn a_clue_closed_before_it_was_accepted_breaks_only_the_date_order_rule() {
    let mut clue = clean(Conclusion::Litigation);
    clue.closed_on = Some(d(2025, 3, 3));
    let v = validate(&clue, &Policy::default());
    assert_eq!(v.rules(), [RuleId::DatesInOrder]);
    let zh = v
        .violations
        .iter()
        .map(|v| v.message_zh.as_str())
        .collect::<String>();
    assert!(
        zh.contains("办结日期2025-03-03早于接收日期2025-03-04"),
        "{zh}"
    );
}

#[test]
fn a_resubmission_before_the_return_and_a_return_before_the_submission_break_the_date_order_rule() {
    let mut clue = clean(Conclusion::Arbitration);
    clue.submissions = vec![
        Submission {
            submitted_on: d(2025, 3, 14),
            revised: false,
            returned_on: Some(d(2025, 3, 13)),
            return_reason: None,
            irregular_format: false,
            format_reminder_on: None,
        },
        Submission {
            submitted_on: d(2025, 3, 12),
            revised: true,
            returned_on: None,
            return_reason: None,
            irregular_format: false,
            format_reminder_on: None,
        },
    ];
    let v = validate(&clue, &Policy::default());
    assert_eq!(v.rules(), [RuleId::DatesInOrder]);
    let zh = v
        .violations
        .iter()
        .map(|v| v.message_zh.as_str())
        .collect::<String>();
    assert!(
        zh.contains("退回日期2025-03-13早于提交日期2025-03-14"),
        "{zh}"
    );
    assert!(
        zh.contains("重新提交日期2025-03-12早于上次提交或退回日期2025-03-13"),
        "{zh}"
    );
}

#[test]
fn a_clue_with_no_conclusion_yet_is_checked_for_consistency_only() {
    let mut clue = clean(Conclusion::FiledPaid);
    clue.conclusion = None;
    clue.contacts.clear();
    clue.facts.clear();
    let v = validate(&clue, &Policy::default());
    assert!(v.is_clean(), "{:?}", v.violations);
    assert!(!v.checked.contains(RuleId::ContactMinimum));
    assert!(v.checked.contains(RuleId::PaidWithinOwed));
}

#[test]
fn a_concluded_clue_with_an_empty_record_lists_every_rule_it_breaks_not_the_first() {
    let mut clue = Clue::new(
        "PDS-2025-9999",
        Source::MohrssColumn,
        "舞钢市",
        d(2025, 5, 6),
    );
    clue.conclusion = Some(Conclusion::FiledEnforcementAndPolice);
    assert_eq!(
        rules(&clue),
        [
            RuleId::ConclusionNeedsCaseFiled,
            RuleId::ConclusionNeedsEnforcement,
            RuleId::ConclusionNeedsPoliceTransfer,
            RuleId::ContactMinimum,
            RuleId::FirstContact,
            RuleId::DetailedText,
        ]
    );
}

#[test]
fn every_violation_names_its_clause_and_speaks_both_languages() {
    let mut clue = returned(clean(Conclusion::InvalidClue), 2, false);
    clue.investigation = None;
    clue.contacts.clear();
    clue.facts.clear();
    clue.transferred_by_ministry = true;
    clue.closed_on = None;
    let v = validate(&clue, &Policy::default());
    assert!(v.violations.len() >= 5);
    for violation in &v.violations {
        assert_eq!(violation.citation(), violation.rule.citation());
        assert!(!violation.message_zh.is_empty() && !violation.message_en.is_empty());
        assert!(v.checked.contains(violation.rule));
    }
}

#[test]
fn a_conclusion_one_paid_only_in_part_breaks_only_the_payment_rule() {
    let mut c = clean(Conclusion::FiledPaid);
    c.payment = Some(Payment {
        on: d(2025, 3, 12),
        amount: Fen(OWED.fen() - 100),
    });
    assert_eq!(rules(&c), [RuleId::ConclusionNeedsPayment]);
}

#[test]
fn a_filed_conclusion_whose_investigation_found_no_arrears_breaks_only_the_filing_record_rule() {
    let mut c = clean(Conclusion::FiledEnforcement);
    if let Some(i) = c.investigation.as_mut() {
        i.arrears_verified = false;
        i.employer_refuses = false;
    }
    assert_eq!(rules(&c), [RuleId::ConclusionNeedsCaseFiled]);
}

#[test]
fn a_coordinated_clue_whose_employer_refuses_to_perform_the_agreement_must_be_filed() {
    let mut c = clean(Conclusion::Coordinated);
    let Some(agreement) = c.agreement.as_mut() else {
        panic!("the clean code-5 clue has an agreement");
    };
    agreement.refused_to_perform = true;
    assert_eq!(rules(&c), [RuleId::MustFileWhenRefused]);
    assert_eq!(
        finding_of(&c, RuleId::MustFileWhenRefused),
        Some(FindingKind::NotFiledInTime)
    );
}
