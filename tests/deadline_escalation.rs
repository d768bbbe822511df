//! Raising a case to the city (提级办案, 平人社监察〔2024〕15号 二(三), 天水市“六项机制”（2025）重大案件提级督办机制) and its same-day filing: the duty
//! binds an escalated case once it meets the filing conditions (arrears verified, 平人社监察〔2024〕15号 三(二));
//! a clue merely handled by the city, or one where no arrears were found, owes no filing.

use chrono::NaiveDate;
use wage_arrears::deadline::{EscalationReason, FilingConditions, FilingStatus, escalation};
use wage_arrears::policy::EscalationBasis;
use wage_arrears::{
    Clue, Conclusion, Fen, HandlingLevel, Investigation, Policy, RuleId, Source, WorkCalendar,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn clue() -> Clue {
    let mut c = Clue::new("PDS-2025-0201", Source::Petition, "舞钢市", d(2025, 11, 3));
    c.workers = 12;
    c.amount_owed = Fen::from_yuan(96_000);
    c
}

/// The investigation that verified arrears on `on`.
fn verified(c: &mut Clue, on: NaiveDate) {
    c.investigation = Some(Investigation {
        on,
        arrears_verified: true,
        employer_refuses: false,
        record: "调取考勤表、工资表核实欠薪".into(),
    });
}

fn reasons(c: &Clue, p: &Policy) -> Vec<EscalationReason> {
    escalation(c, p).reasons.iter().map(|f| f.reason).collect()
}

#[test]
fn a_cross_region_case_that_still_draws_repeated_complaints_is_raised_and_filed_the_day_it_is_received()
 {
    let mut c = clue();
    c.escalation.cross_region = true;
    c.escalation.repeated_complaint = true;
    verified(&mut c, d(2025, 11, 3));
    c.case_filed_on = Some(d(2025, 11, 3));
    let e = escalation(&c, &Policy::default());
    assert!(e.escalated);
    assert!(
        e.reasons
            .iter()
            .all(|f| f.rule == RuleId::EscalationCriteria)
    );
    let duty = e.filing.unwrap();
    assert_eq!(duty.rule, RuleId::EscalationSameDayFiling);
    assert_eq!(duty.must_file_by, d(2025, 11, 3));
    assert_eq!(duty.status, FilingStatus::OnTime { on: d(2025, 11, 3) });
}

#[test]
fn an_escalated_case_filed_the_next_day_is_filed_one_day_late() {
    let mut c = clue();
    c.escalation.settlement_dispute = true;
    c.escalation.public_opinion_incident = true;
    verified(&mut c, d(2025, 11, 3));
    c.case_filed_on = Some(d(2025, 11, 4));
    let duty = escalation(&c, &Policy::default()).filing.unwrap();
    assert_eq!(
        duty.status,
        FilingStatus::Late {
            on: d(2025, 11, 4),
            days_late: 1
        }
    );
}

#[test]
fn an_escalated_case_not_yet_filed_shows_the_duty_unmet() {
    let mut c = clue();
    c.escalation.transferred_by_superior = true;
    c.escalation.repeated_complaint = true;
    verified(&mut c, d(2025, 11, 3));
    let e = escalation(&c, &Policy::default());
    assert_eq!(e.must_file_by(), Some(d(2025, 11, 3)));
    assert_eq!(e.filing.unwrap().status, FilingStatus::NotFiled);
}

#[test]
fn a_complex_case_without_repeated_complaints_or_public_opinion_is_not_raised_as_003_is_written() {
    let mut c = clue();
    c.escalation.cross_region = true;
    c.escalation.settlement_dispute = true;
    c.workers = 80;
    let e = escalation(&c, &Policy::default());
    assert_eq!(e.reasons.len(), 3);
    assert!(!e.escalated);
    assert_eq!(e.filing, None);
}

#[test]
fn repeated_complaints_about_an_ordinary_case_do_not_raise_it_as_003_is_written() {
    let mut c = clue();
    c.escalation.repeated_complaint = true;
    assert!(!escalation(&c, &Policy::default()).escalated);
}

#[test]
fn when_any_criterion_suffices_a_single_fact_raises_the_case() {
    let mut p = Policy::default();
    p.escalation_basis = EscalationBasis::AnyCriterion;
    let mut c = clue();
    assert!(!escalation(&c, &p).escalated);
    c.escalation.repeated_complaint = true;
    assert!(escalation(&c, &p).escalated);
    let mut large = clue();
    large.amount_owed = Fen::from_yuan(500_000);
    assert!(escalation(&large, &p).escalated);
}

#[test]
fn thirty_workers_are_many_and_twenty_nine_are_not() {
    let p = Policy::default();
    let mut c = clue();
    c.workers = 29;
    assert!(!reasons(&c, &p).contains(&EscalationReason::ManyWorkers));
    c.workers = 30;
    assert!(reasons(&c, &p).contains(&EscalationReason::ManyWorkers));
}

#[test]
fn five_hundred_thousand_yuan_is_a_large_sum_and_one_fen_less_is_not() {
    let p = Policy::default();
    let mut c = clue();
    c.amount_owed = Fen(50_000_000 - 1);
    assert!(!reasons(&c, &p).contains(&EscalationReason::LargeAmount));
    c.amount_owed = Fen(50_000_000);
    assert!(reasons(&c, &p).contains(&EscalationReason::LargeAmount));
}

#[test]
fn the_reasons_are_listed_in_the_order_of_003_with_their_chinese_labels() {
    let mut c = clue();
    c.escalation = wage_arrears::EscalationFacts {
        cross_region: true,
        settlement_dispute: true,
        repeated_complaint: true,
        public_opinion_incident: true,
        transferred_by_superior: true,
    };
    c.workers = 120;
    c.amount_owed = Fen::from_yuan(2_600_000);
    let labels: Vec<&str> = reasons(&c, &Policy::default())
        .iter()
        .map(|r| r.label_zh())
        .collect();
    assert_eq!(
        labels,
        [
            "涉及跨区域施工",
            "工程结算存在纠纷",
            "涉及人数多",
            "金额大",
            "上级转办",
            "反复投诉",
            "引发重大舆情"
        ]
    );
}

#[test]
fn without_the_same_day_filing_rule_an_escalated_case_owes_no_filing_date() {
    let mut p = Policy::default();
    p.escalation_same_day_filing = false;
    let mut c = clue();
    c.escalation.cross_region = true;
    c.escalation.public_opinion_incident = true;
    verified(&mut c, d(2025, 11, 3));
    let e = escalation(&c, &p);
    assert!(e.escalated);
    assert_eq!(e.must_file_by(), None);
}

/// A clue the city handles itself, closed as 9 (经核实不存在欠薪情况).
fn city_clue_with_no_arrears() -> Clue {
    let mut c = clue();
    c.handling_level = HandlingLevel::City;
    c.accepted_on = Some(d(2025, 11, 4));
    c.investigation = Some(Investigation {
        on: d(2025, 11, 10),
        arrears_verified: false,
        employer_refuses: false,
        record: "核查工资发放记录，工资已按月足额发放".into(),
    });
    c.conclusion = Some(Conclusion::NoArrears);
    c.closed_on = Some(d(2025, 11, 12));
    c
}

#[test]
fn a_city_handled_clue_with_no_arrears_owes_no_same_day_filing() {
    let c = city_clue_with_no_arrears();
    let e = escalation(&c, &Policy::default());
    assert!(!e.escalated);
    assert_eq!(e.filing_conditions, FilingConditions::NoArrears);
    assert_eq!(e.filing, None);
    let text = wage_arrears::explain(
        &c,
        &Policy::default(),
        &WorkCalendar::china(),
        d(2025, 12, 31),
    )
    .unwrap()
    .to_string();
    assert!(
        !text.contains("R-ESC-3") && !text.contains("尚未立案"),
        "{text}"
    );
    // Even where the policy makes city handling an escalation, no arrears means nothing to file.
    let mut p = Policy::default();
    p.city_handling_escalates = true;
    let e = escalation(&c, &p);
    assert!(e.escalated);
    assert_eq!(e.filing, None);
    let text = wage_arrears::explain(&c, &p, &WorkCalendar::china(), d(2025, 12, 31))
        .unwrap()
        .to_string();
    assert!(text.contains("经核实不存在欠薪，无立案义务"), "{text}");
}

#[test]
fn a_clue_handled_by_the_city_is_not_escalated_by_that_alone_unless_the_policy_says_so() {
    let mut c = clue();
    c.handling_level = HandlingLevel::City;
    verified(&mut c, d(2025, 11, 5));
    let e = escalation(&c, &Policy::default());
    assert_eq!(
        e.reasons
            .iter()
            .map(|r| (r.reason, r.rule))
            .collect::<Vec<_>>(),
        [(EscalationReason::RaisedToCity, RuleId::EscalateMajorClue)]
    );
    assert!(!e.escalated);
    assert_eq!(e.filing, None);
    let mut p = Policy::default();
    p.city_handling_escalates = true;
    let e = escalation(&c, &p);
    assert!(e.escalated);
    assert_eq!(
        e.filing.map(|f| (f.must_file_by, f.status)),
        Some((d(2025, 11, 5), FilingStatus::NotFiled))
    );
}

#[test]
fn an_escalated_case_owes_no_filing_before_its_arrears_are_verified_and_must_file_the_day_they_are()
{
    let mut c = clue();
    c.escalation.cross_region = true;
    c.escalation.repeated_complaint = true;
    let e = escalation(&c, &Policy::default());
    assert!(e.escalated);
    assert_eq!(
        (e.filing_conditions, e.filing),
        (FilingConditions::NotYetVerified, None)
    );
    verified(&mut c, d(2025, 11, 7));
    c.case_filed_on = Some(d(2025, 11, 7));
    let e = escalation(&c, &Policy::default());
    assert_eq!(
        e.filing_conditions,
        FilingConditions::Met { on: d(2025, 11, 7) }
    );
    assert_eq!(
        e.filing.map(|f| (f.must_file_by, f.status)),
        Some((d(2025, 11, 7), FilingStatus::OnTime { on: d(2025, 11, 7) }))
    );
}

#[test]
fn an_escalated_case_whose_investigation_found_no_arrears_owes_no_filing() {
    let mut c = clue();
    c.escalation.cross_region = true;
    c.escalation.public_opinion_incident = true;
    c.investigation = Some(Investigation {
        on: d(2025, 11, 6),
        arrears_verified: false,
        employer_refuses: false,
        record: "核查工资表，不存在欠薪".into(),
    });
    let e = escalation(&c, &Policy::default());
    assert!(e.escalated);
    assert_eq!(e.filing, None);
}
