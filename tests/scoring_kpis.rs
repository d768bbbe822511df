//! The county's goals (R-KPI-1..5, 平人社监察〔2024〕15号 一, 平人社字〔2022〕2号 三(五)): which clues each counts, and when a goal is met.

mod disposition_common;

use chrono::NaiveDate;
use disposition_common::{clean, d};
use wage_arrears::policy::EffectiveHandling;
use wage_arrears::scoring::{Kpi, kpis};
use wage_arrears::{
    Clue, Conclusion, Error, Finding, FindingKind, Policy, RuleId, Source, WorkCalendar,
};

/// The goals of 叶县 over the first half of 2025 under `policy`.
fn half_year(clues: &[Clue], findings: &[Finding], policy: &Policy) -> Result<Vec<Kpi>, Error> {
    kpis(
        "叶县",
        d(2025, 1, 1),
        d(2025, 6, 30),
        clues,
        findings,
        policy,
        &WorkCalendar::china(),
    )
}

fn goal(k: &[Kpi], rule: RuleId) -> Result<&Kpi, Error> {
    k.iter()
        .find(|k| k.rule == rule)
        .ok_or(Error::UnknownRule(rule.code().to_owned()))
}

/// A clean clue of `conclusion` with its own id.
fn clean_as(id: &str, conclusion: Conclusion) -> Clue {
    let mut c = clean(conclusion);
    c.id = id.to_owned();
    c
}

/// A gov.cn message registered on `registered`, with nothing else on record.
fn registered(id: &str, registered: NaiveDate) -> Clue {
    Clue::new(id, Source::GovCnMessage, "叶县", registered)
}

#[test]
fn the_goals_come_in_rule_order_with_the_policy_s_goals() -> Result<(), Error> {
    let p = Policy::default();
    let k = half_year(&[clean(Conclusion::FiledPaid)], &[], &p)?;
    let rules: Vec<RuleId> = k.iter().map(|k| k.rule).collect();
    assert_eq!(
        rules,
        [
            RuleId::KpiAcceptance,
            RuleId::KpiEffectiveHandling,
            RuleId::KpiCode5Review,
            RuleId::KpiRegistration,
            RuleId::KpiClosure,
        ]
    );
    let goals: Vec<String> = k.iter().map(|k| k.goal.to_string()).collect();
    assert_eq!(goals, ["100%", "90%", "100%", "100%", "98%"]);
    assert!(k.iter().all(|k| k.met), "{k:?}");
    Ok(())
}

#[test]
fn a_clue_accepted_on_its_accept_by_day_is_on_time_and_one_accepted_the_day_after_is_not()
-> Result<(), Error> {
    // Registered Mon 2025-03-03, a gov.cn message: accept by Wed 03-05 (2 working days).
    let mut on_time = registered("A", d(2025, 3, 3));
    on_time.accepted_on = Some(d(2025, 3, 5));
    let mut late = registered("B", d(2025, 3, 3));
    late.accepted_on = Some(d(2025, 3, 6));
    let k = half_year(std::slice::from_ref(&on_time), &[], &Policy::default())?;
    assert_eq!(
        goal(&k, RuleId::KpiAcceptance)?.ratio.to_string(),
        "1/1 (100.0%)"
    );
    let k = half_year(&[on_time, late], &[], &Policy::default())?;
    let acceptance = goal(&k, RuleId::KpiAcceptance)?;
    assert_eq!(acceptance.ratio.to_string(), "1/2 (50.0%)");
    assert!(!acceptance.met);
    Ok(())
}

#[test]
fn a_clue_still_inside_its_acceptance_time_on_the_last_day_is_not_counted_but_an_overdue_one_is()
-> Result<(), Error> {
    // Registered Fri 2025-06-27: accept by Tue 07-01, after the period's last day, 06-30.
    let running = registered("A", d(2025, 6, 27));
    // Registered Mon 06-23: accept by Wed 06-25, still not accepted on 06-30.
    let overdue = registered("B", d(2025, 6, 23));
    let k = half_year(std::slice::from_ref(&running), &[], &Policy::default())?;
    assert_eq!(
        goal(&k, RuleId::KpiAcceptance)?.ratio.to_string(),
        "0/0 (100.0%)"
    );
    let k = half_year(&[running, overdue], &[], &Policy::default())?;
    assert_eq!(
        goal(&k, RuleId::KpiAcceptance)?.ratio.to_string(),
        "0/1 (0.0%)"
    );
    Ok(())
}

#[test]
fn a_clue_from_a_channel_without_an_acceptance_clock_is_not_counted_for_acceptance()
-> Result<(), Error> {
    let hotline = Clue::new("A", Source::Hotline12345, "叶县", d(2025, 3, 3));
    let k = half_year(&[hotline], &[], &Policy::default())?;
    assert_eq!(goal(&k, RuleId::KpiAcceptance)?.ratio.denominator, 0);
    // …but it is registered.
    assert_eq!(
        goal(&k, RuleId::KpiRegistration)?.ratio.to_string(),
        "1/1 (100.0%)"
    );
    Ok(())
}

#[test]
fn a_closed_clue_with_a_violation_or_a_finding_is_not_handled_effectively() -> Result<(), Error> {
    let p = Policy::default();
    let good = clean_as("A", Conclusion::FiledPaid);
    let mut one_line = clean_as("B", Conclusion::NoArrears);
    one_line.handling = "已处理。".into();
    let with_finding = clean_as("C", Conclusion::Arbitration);
    let finding = Finding::new("叶县", "C", FindingKind::Falsified, d(2025, 4, 8));
    let k = half_year(&[good, one_line, with_finding], &[finding], &p)?;
    let effective = goal(&k, RuleId::KpiEffectiveHandling)?;
    assert_eq!(effective.ratio.to_string(), "1/3 (33.3%)");
    assert!(!effective.met);
    Ok(())
}

#[test]
fn a_finding_found_after_the_period_does_not_yet_spoil_the_clue_s_handling() -> Result<(), Error> {
    let c = clean_as("C", Conclusion::FiledPaid);
    let later = Finding::new("叶县", "C", FindingKind::Falsified, d(2025, 7, 8));
    let k = half_year(&[c], &[later], &Policy::default())?;
    assert_eq!(
        goal(&k, RuleId::KpiEffectiveHandling)?.ratio.to_string(),
        "1/1 (100.0%)"
    );
    Ok(())
}

#[test]
fn under_the_substantive_reading_arbitration_litigation_and_invalid_clues_are_not_effective()
-> Result<(), Error> {
    let mut p = Policy::default();
    p.effective_handling = EffectiveHandling::SubstantiveConclusion;
    let clues: Vec<Clue> = Conclusion::ALL
        .iter()
        .map(|c| clean_as(&format!("X{}", c.code()), *c))
        .collect();
    let k = half_year(&clues, &[], &p)?;
    let effective = goal(&k, RuleId::KpiEffectiveHandling)?;
    // 1–5, 8 and 9 of the ten.
    assert_eq!(effective.ratio.to_string(), "7/10 (70.0%)");
    assert!(!effective.met);
    Ok(())
}

#[test]
fn nine_effective_clues_of_ten_meet_the_ninety_percent_goal_and_eight_do_not() -> Result<(), Error>
{
    let p = Policy::default();
    let mut clues: Vec<Clue> = (0..10)
        .map(|i| clean_as(&format!("E{i}"), Conclusion::FiledPaid))
        .collect();
    clues[0].contacts.truncate(2);
    let k = half_year(&clues, &[], &p)?;
    assert!(goal(&k, RuleId::KpiEffectiveHandling)?.met);
    clues[1].contacts.truncate(2);
    let k = half_year(&clues, &[], &p)?;
    let effective = goal(&k, RuleId::KpiEffectiveHandling)?;
    assert_eq!(effective.ratio.to_string(), "8/10 (80.0%)");
    assert!(!effective.met);
    Ok(())
}

#[test]
fn an_unreviewed_code_5_clue_counts_against_the_review_goal_once_its_review_day_has_passed()
-> Result<(), Error> {
    let p = Policy::default();
    let cal = WorkCalendar::china();
    // Closed 2025-03-14: reviewed by 04-10.
    let mut c = clean(Conclusion::Coordinated);
    let review = |to: NaiveDate, c: &Clue| -> Result<String, Error> {
        let k = kpis(
            "叶县",
            d(2025, 1, 1),
            to,
            std::slice::from_ref(c),
            &[],
            &p,
            &cal,
        )?;
        Ok(goal(&k, RuleId::KpiCode5Review)?.ratio.to_string())
    };
    assert_eq!(review(d(2025, 4, 10), &c)?, "0/0 (100.0%)");
    assert_eq!(review(d(2025, 4, 11), &c)?, "0/1 (0.0%)");
    c.reviewed_on = Some(d(2025, 4, 2));
    assert_eq!(review(d(2025, 3, 31), &c)?, "0/0 (100.0%)");
    assert_eq!(review(d(2025, 4, 2), &c)?, "1/1 (100.0%)");
    assert_eq!(review(d(2025, 4, 11), &c)?, "1/1 (100.0%)");
    Ok(())
}

#[test]
fn only_code_5_clues_count_for_the_review_goal() -> Result<(), Error> {
    let clues: Vec<Clue> = Conclusion::ALL
        .iter()
        .map(|c| clean_as(&format!("X{}", c.code()), *c))
        .collect();
    let k = half_year(&clues, &[], &Policy::default())?;
    assert_eq!(
        goal(&k, RuleId::KpiCode5Review)?.ratio.to_string(),
        "0/1 (0.0%)"
    );
    Ok(())
}

#[test]
fn registration_counts_every_clue_registered_in_the_period_and_only_those() -> Result<(), Error> {
    let clues = [
        registered("A", d(2024, 12, 31)),
        registered("B", d(2025, 1, 1)),
        registered("C", d(2025, 6, 30)),
        registered("D", d(2025, 7, 1)),
    ];
    let k = half_year(&clues, &[], &Policy::default())?;
    let registration = goal(&k, RuleId::KpiRegistration)?;
    assert_eq!(registration.ratio.to_string(), "2/2 (100.0%)");
    assert!(registration.met);
    Ok(())
}

#[test]
fn an_open_clue_past_its_respond_by_day_counts_against_closure_but_one_inside_it_does_not()
-> Result<(), Error> {
    // Accepted 06-02: reply by 07-02 (30 natural days), after 06-30 — still inside its time.
    let mut inside = registered("A", d(2025, 5, 30));
    inside.accepted_on = Some(d(2025, 6, 2));
    // Accepted 05-12: reply by 06-11 — past it on 06-30 and not closed.
    let mut past = registered("B", d(2025, 5, 9));
    past.accepted_on = Some(d(2025, 5, 12));
    let closed = clean_as("C", Conclusion::FiledPaid);
    let k = half_year(&[inside, past, closed], &[], &Policy::default())?;
    let closure = goal(&k, RuleId::KpiClosure)?;
    assert_eq!(closure.ratio.to_string(), "1/2 (50.0%)");
    assert!(!closure.met);
    Ok(())
}

#[test]
fn an_open_clue_from_a_channel_without_a_response_clock_counts_against_closure() -> Result<(), Error>
{
    let mut hotline = Clue::new("A", Source::Hotline12345, "叶县", d(2025, 6, 27));
    hotline.accepted_on = Some(d(2025, 6, 30));
    let k = half_year(&[hotline], &[], &Policy::default())?;
    assert_eq!(
        goal(&k, RuleId::KpiClosure)?.ratio.to_string(),
        "0/1 (0.0%)"
    );
    Ok(())
}

#[test]
fn forty_nine_closed_of_fifty_meet_the_ninety_eight_percent_closure_goal_and_forty_eight_do_not()
-> Result<(), Error> {
    let mut clues: Vec<Clue> = (0..50)
        .map(|i| clean_as(&format!("K{i:02}"), Conclusion::FiledPaid))
        .collect();
    let reopen = |c: &mut Clue| {
        // Accepted 03-04, reply by 04-03: long past on 06-30.
        c.closed_on = None;
        c.conclusion = None;
        c.submissions.clear();
    };
    reopen(&mut clues[0]);
    let k = half_year(&clues, &[], &Policy::default())?;
    let closure = goal(&k, RuleId::KpiClosure)?;
    assert_eq!(closure.ratio.to_string(), "49/50 (98.0%)");
    assert!(closure.met);
    reopen(&mut clues[1]);
    let k = half_year(&clues, &[], &Policy::default())?;
    assert!(!goal(&k, RuleId::KpiClosure)?.met);
    Ok(())
}

#[test]
fn a_closing_dated_after_the_period_has_not_happened_yet() -> Result<(), Error> {
    let mut c = clean_as("A", Conclusion::FiledPaid);
    c.closed_on = Some(d(2025, 7, 2));
    let k = half_year(&[c], &[], &Policy::default())?;
    assert_eq!(
        goal(&k, RuleId::KpiClosure)?.ratio.to_string(),
        "0/1 (0.0%)"
    );
    assert_eq!(goal(&k, RuleId::KpiEffectiveHandling)?.ratio.denominator, 0);
    Ok(())
}

#[test]
fn another_county_s_clues_and_findings_do_not_count() -> Result<(), Error> {
    let mut other = registered("A", d(2025, 3, 3));
    other.county = "郏县".into();
    let mine = clean_as("B", Conclusion::FiledPaid);
    let theirs = Finding::new("郏县", "B", FindingKind::Falsified, d(2025, 4, 1));
    let k = half_year(&[other, mine], &[theirs], &Policy::default())?;
    assert_eq!(
        goal(&k, RuleId::KpiRegistration)?.ratio.to_string(),
        "1/1 (100.0%)"
    );
    assert!(k.iter().all(|k| k.met), "{k:?}");
    Ok(())
}

#[test]
fn a_clue_listed_twice_counts_once() -> Result<(), Error> {
    let c = clean(Conclusion::FiledPaid);
    let k = half_year(&[c.clone(), c], &[], &Policy::default())?;
    assert_eq!(
        goal(&k, RuleId::KpiRegistration)?.ratio.to_string(),
        "1/1 (100.0%)"
    );
    assert_eq!(
        goal(&k, RuleId::KpiClosure)?.ratio.to_string(),
        "1/1 (100.0%)"
    );
    Ok(())
}

#[test]
fn a_period_that_ends_before_it_starts_is_refused() {
    let err = kpis(
        "叶县",
        d(2025, 7, 1),
        d(2025, 6, 30),
        &[],
        &[],
        &Policy::default(),
        &WorkCalendar::china(),
    );
    assert_eq!(
        err.map_err(|e| e.to_string()),
        Err("period 2025-07-01..=2025-06-30 ends before it starts".to_owned())
    );
}

#[test]
fn a_clue_registered_outside_the_calendar_is_an_error_not_a_guess() {
    let old = Clue::new("A", Source::GovCnMessage, "叶县", d(2003, 12, 30));
    let err = kpis(
        "叶县",
        d(2003, 1, 1),
        d(2003, 12, 31),
        &[old],
        &[],
        &Policy::default(),
        &WorkCalendar::china(),
    );
    assert!(
        matches!(err, Err(Error::CalendarOutOfRange { .. })),
        "{err:?}"
    );
}

#[test]
fn an_open_clue_whose_reply_day_lies_past_the_calendar_counts_without_roll_over_and_is_an_error_with_it()
-> Result<(), Error> {
    let (p, cal) = (Policy::default(), WorkCalendar::china());
    // Accepted 2026-12-10: reply by 2027-01-09, a year whose notice the calendar does not have.
    let mut c = Clue::new("A", Source::GovCnMessage, "叶县", d(2026, 12, 9));
    c.accepted_on = Some(d(2026, 12, 10));
    let year = |c: &Clue, p: &Policy| {
        kpis(
            "叶县",
            d(2026, 1, 1),
            d(2026, 12, 31),
            std::slice::from_ref(c),
            &[],
            p,
            &cal,
        )
    };
    // Without roll-over the reply day is plain date arithmetic: the open clue is still inside it, so closure
    // does not count it.
    let k = year(&c, &p)?;
    assert_eq!(
        goal(&k, RuleId::KpiClosure)?.ratio.to_string(),
        "0/0 (100.0%)"
    );
    assert_eq!(
        goal(&k, RuleId::KpiAcceptance)?.ratio.to_string(),
        "1/1 (100.0%)"
    );
    // With roll-over the reply day needs the 2027 calendar: an error, never a guess.
    let mut rolling = Policy::default();
    rolling.natural_day_rollover = wage_arrears::Rollover::NextWorkingDay;
    assert!(year(&c, &rolling).is_err());
    c.closed_on = Some(d(2026, 12, 28));
    assert!(year(&c, &rolling).is_ok());
    Ok(())
}

#[test]
fn an_invalid_policy_is_refused() {
    let mut p = Policy::default();
    p.spot_check_due_day = 31;
    assert!(half_year(&[], &[], &p).is_err());
}

#[test]
fn a_goal_reads_as_its_rule_its_ratio_and_whether_it_is_met() -> Result<(), Error> {
    let k = half_year(&[clean(Conclusion::FiledPaid)], &[], &Policy::default())?;
    assert_eq!(
        goal(&k, RuleId::KpiClosure)?.to_string(),
        "R-KPI-5 案件结案率 1/1 (100.0%)，目标 ≥98%：达标 ✓"
    );
    Ok(())
}

#[test]
fn two_different_records_under_one_clue_id_are_refused_not_picked_by_position() {
    let (p, cal) = (Policy::default(), WorkCalendar::china());
    let a = Clue::new("A", Source::GovCnMessage, "叶县", d(2025, 3, 3));
    let mut a2 = a.clone();
    a2.accepted_on = Some(d(2025, 3, 4));
    let b = Clue::new("B", Source::GovCnMessage, "叶县", d(2025, 3, 3));
    let mut b2 = b.clone();
    b2.county = "郏县".into();
    let run = |clues: &[Clue]| kpis("叶县", d(2025, 1, 1), d(2025, 12, 31), clues, &[], &p, &cal);
    let want = Err(Error::ConflictingRecords {
        ids: vec!["A".into(), "B".into()],
    });
    // Every conflicting id, in id order, whatever the order of the rows.
    assert_eq!(run(&[a.clone(), a2.clone(), b.clone(), b2.clone()]), want);
    assert_eq!(run(&[b2, a2, b.clone(), a.clone()]), want);
    // Identical copies are one clue.
    assert_eq!(run(&[a.clone(), b.clone(), a.clone()]), run(&[a, b]));
}
