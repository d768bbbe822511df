//! Raising a case to the city (提级办案, 平人社监察〔2024〕15号 二(三), 天水市“六项机制”（2025）重大案件提级督办机制) and its same-day filing.

use chrono::NaiveDate;
use wage_arrears::deadline::{EscalationReason, FilingStatus, escalation};
use wage_arrears::policy::EscalationBasis;
use wage_arrears::{Clue, Fen, Policy, RuleId, Source};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn clue() -> Clue {
    let mut c = Clue::new("PDS-2025-0201", Source::Petition, "舞钢市", d(2025, 11, 3));
    c.workers = 12;
    c.amount_owed = Fen::from_yuan(96_000);
    c
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
    let e = escalation(&c, &p);
    assert!(e.escalated);
    assert_eq!(e.must_file_by(), None);
}
