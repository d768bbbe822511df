//! The synthetic ledger the county report runs on: deterministic, about 2,000 clues and 150 findings, one county
//! at grade C and two with an interview month, and every finding backed by a real defect in the clue it names.

#[path = "../examples/ledger/mod.rs"]
mod ledger;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use ledger::{COUNTIES, Ledger};
use wage_arrears::scoring::{Grade, assess_all};
use wage_arrears::{Clue, Conclusion, FindingKind, Policy, WorkCalendar};

const SEED: u64 = 20_250_101;

fn ledger() -> Ledger {
    ledger::synthetic(2025, SEED, &Policy::default(), &WorkCalendar::china())
        .expect("the synthetic ledger")
}

fn clue<'a>(l: &'a Ledger, id: &str) -> &'a Clue {
    l.clues
        .iter()
        .find(|c| c.id == id)
        .expect("a finding names a clue of the ledger")
}

#[test]
fn the_synthetic_ledger_is_the_same_on_every_run() {
    assert_eq!(ledger(), ledger());
    let other =
        ledger::synthetic(2025, SEED + 1, &Policy::default(), &WorkCalendar::china()).unwrap();
    assert_ne!(other.clues, ledger().clues);
}

#[test]
fn the_synthetic_year_holds_about_two_thousand_clues_and_one_hundred_fifty_findings() {
    let l = ledger();
    assert!(
        (1_900..=2_100).contains(&l.clues.len()),
        "{} clues",
        l.clues.len()
    );
    assert!(
        (140..=160).contains(&l.findings.len()),
        "{} findings",
        l.findings.len()
    );
    let counties: Vec<String> = l.counties();
    assert_eq!(counties, COUNTIES.map(str::to_owned));
    assert!(l.base_scores.values().all(|p| p.to_string() == "100.0"));
    for c in &l.clues {
        c.check().unwrap();
        assert_eq!(c.registered_on.year(), 2025, "{}", c.id);
        for d in [c.accepted_on, c.closed_on, c.reviewed_on]
            .into_iter()
            .flatten()
        {
            assert_eq!(d.year(), 2025, "{}", c.id);
        }
    }
    let conclusions: BTreeMap<u8, usize> =
        l.clues
            .iter()
            .filter_map(|c| c.conclusion)
            .fold(BTreeMap::new(), |mut m, c| {
                *m.entry(c.code()).or_default() += 1;
                m
            });
    assert_eq!(
        conclusions.len(),
        10,
        "every conclusion occurs: {conclusions:?}"
    );
    assert!(
        conclusions[&5] > conclusions[&1],
        "code 5 is the most common: {conclusions:?}"
    );
    assert!(
        l.clues.iter().any(|c| c.closed_on.is_none()),
        "some clues are still open at the year's end"
    );
}

#[test]
fn in_the_synthetic_year_ruzhou_falls_to_grade_c_and_two_counties_reach_an_interview_month() {
    let l = ledger();
    let scores = assess_all(l.year, &l.base_scores, &l.findings, &Policy::default()).unwrap();
    let graded_c: Vec<&str> = scores
        .iter()
        .filter(|s| s.grade_c_forced())
        .map(|s| s.county.as_str())
        .collect();
    assert_eq!(graded_c, ["汝州市"]);
    let interviewed: Vec<&str> = scores
        .iter()
        .filter(|s| !s.interviews.is_empty())
        .map(|s| s.county.as_str())
        .collect();
    assert_eq!(interviewed.len(), 2, "{interviewed:?}");
    assert!(
        scores
            .iter()
            .filter(|s| s.county != "汝州市")
            .all(|s| s.grade == Some(Grade::A))
    );
}

#[test]
fn every_finding_names_a_clue_of_its_county_closed_before_it_was_found_on_a_working_day() {
    let l = ledger();
    let cal = WorkCalendar::china();
    for f in &l.findings {
        let c = clue(&l, &f.clue_id);
        assert_eq!(c.county, f.county);
        assert_eq!(c.responsible, f.responsible);
        assert!(c.closed_on.is_some_and(|d| d < f.found_on), "{}", f.clue_id);
        assert_eq!(f.clue_closed_on, c.closed_on);
        assert!(
            cal.is_working_day(f.found_on).unwrap(),
            "{} found on {}",
            f.clue_id,
            f.found_on
        );
        assert_eq!(f.rule, f.kind.rule());
        assert!(!f.note.is_empty());
    }
}

#[test]
fn every_record_detectable_finding_is_backed_by_the_defect_in_its_clue() {
    let l = ledger();
    let cal = WorkCalendar::china();
    for f in &l.findings {
        let c = clue(&l, &f.clue_id);
        let closed = c.closed_on.unwrap();
        match f.kind {
            FindingKind::NoFirstContact => assert!(c.contacts.is_empty(), "{}", c.id),
            FindingKind::AgreementNotFollowedUp => {
                let a = c.agreement.as_ref().unwrap();
                assert!(
                    a.pay_by < f.found_on && a.paid_on.is_none() && a.follow_ups.is_empty(),
                    "{}",
                    c.id
                );
            }
            FindingKind::InvalidWithoutInvestigation => {
                assert_eq!(
                    (c.conclusion, c.investigation.is_none()),
                    (Some(Conclusion::InvalidClue), true)
                );
            }
            FindingKind::MinistryClueSubmittedOpen => {
                assert!(
                    c.transferred_by_ministry
                        && c.submissions.iter().any(|s| s.submitted_on < closed)
                );
            }
            FindingKind::ResubmittedUnrevised => {
                let unrevised = c.submissions.iter().skip(1).filter(|s| !s.revised).count();
                assert!(unrevised >= 2, "{}", c.id);
            }
            FindingKind::NotFiledInTime => {
                let verified = c.investigation.as_ref().unwrap().on;
                let filed = c.case_filed_on.unwrap();
                assert!(
                    cal.working_days_between(verified, filed).unwrap() > 5,
                    "{}",
                    c.id
                );
            }
            _ => {}
        }
    }
}

#[test]
fn clues_without_a_finding_carry_none_of_the_record_detectable_defects() {
    let l = ledger();
    let cal = WorkCalendar::china();
    let p = Policy::default();
    let found: BTreeMap<&str, FindingKind> = l
        .findings
        .iter()
        .map(|f| (f.clue_id.as_str(), f.kind))
        .collect();
    let year_end = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    for c in l
        .clues
        .iter()
        .filter(|c| !found.contains_key(c.id.as_str()))
    {
        if let (Some(accepted), Some(first)) = (c.accepted_on, c.contacts.first()) {
            let n = cal.working_days_between(accepted, first.on).unwrap();
            assert!(
                n <= i64::from(p.first_contact_working_days),
                "{}: first contact {n} working days late",
                c.id
            );
        }
        if c.closed_on.is_some() {
            assert!(!c.contacts.is_empty(), "{}", c.id);
        }
        if c.conclusion == Some(Conclusion::InvalidClue) {
            assert!(c.investigation.is_some(), "{}", c.id);
        }
        if let Some(a) = &c.agreement
            && a.pay_by < year_end
        {
            assert!(a.paid_on.is_some() || !a.follow_ups.is_empty(), "{}", c.id);
        }
        if let (true, Some(closed)) = (c.transferred_by_ministry, c.closed_on) {
            assert!(
                c.submissions.iter().all(|s| s.submitted_on >= closed),
                "{}",
                c.id
            );
        }
        assert!(
            c.submissions.iter().skip(1).filter(|s| !s.revised).count() < 2,
            "{}",
            c.id
        );
        if let (Some(inv), Some(filed)) = (&c.investigation, c.case_filed_on) {
            assert!(
                cal.working_days_between(inv.on, filed).unwrap()
                    <= i64::from(p.file_within_working_days)
            );
        }
    }
}

#[test]
fn the_ledger_round_trips_through_its_json_file() {
    let l = ledger();
    let path =
        std::env::temp_dir().join(format!("wage-arrears-ledger-{}.json", std::process::id()));
    l.write(&path).unwrap();
    let back = Ledger::read(&path).unwrap();
    let _ = std::fs::remove_file(&path);
    assert_eq!(back, l);
}

#[test]
fn a_ledger_file_with_a_bad_field_is_refused_with_the_field_s_path() {
    let path = std::env::temp_dir().join(format!(
        "wage-arrears-bad-ledger-{}.json",
        std::process::id()
    ));
    let json = r#"{"year": 2025, "clues": [{"id": "X", "source": "gov_cn_message", "county": "叶县",
        "registered_on": "2025-03-03", "conclusion": 11}], "findings": []}"#;
    std::fs::write(&path, json).unwrap();
    let err = Ledger::read(&path).unwrap_err().to_string();
    let _ = std::fs::remove_file(&path);
    assert!(err.contains("clues[0].conclusion"), "{err}");
}
