//! The synthetic ledger the county report runs on: deterministic records of about 2,000 clues whose planted
//! defects detection finds (and nothing else), reviewer findings of kinds 2 and 6, and a year that comes out at
//! about 150 findings, one county at grade C and an interview month or two — under the default policy. Under
//! another policy the same records give another outcome.

#[path = "../examples/ledger/mod.rs"]
mod ledger;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use ledger::{COUNTIES, Ledger, Report, Synthetic};
use wage_arrears::disposition::validate;
use wage_arrears::model::HandlingLevel;
use wage_arrears::scoring::Grade;
use wage_arrears::{Clue, Conclusion, Error, FindingKind, Policy, RuleId, WorkCalendar};

const SEED: u64 = 20_250_101;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a valid test date")
}

fn ledger() -> Ledger {
    Ledger::synthetic(2025, SEED, &WorkCalendar::china()).expect("the synthetic ledger")
}

fn report(l: &Ledger, policy: &Policy) -> Report {
    ledger::assess(l, policy, &WorkCalendar::china()).expect("the assessment")
}

fn clue<'a>(l: &'a Ledger, id: &str) -> &'a Clue {
    l.clues
        .iter()
        .find(|c| c.id == id)
        .expect("a finding names a clue of the ledger")
}

#[test]
fn the_synthetic_ledger_and_its_report_are_the_same_on_every_run() {
    let l = ledger();
    assert_eq!(l, ledger());
    assert_eq!(
        report(&l, &Policy::default()),
        report(&ledger(), &Policy::default())
    );
    let other = Ledger::synthetic(2025, SEED + 1, &WorkCalendar::china()).unwrap();
    assert_ne!(other.clues, l.clues);
}

#[test]
fn the_synthetic_year_holds_about_two_thousand_complete_clue_records() {
    let l = ledger();
    assert!(
        (1_900..=2_100).contains(&l.clues.len()),
        "{} clues",
        l.clues.len()
    );
    assert_eq!(l.counties(), COUNTIES.map(str::to_owned));
    assert!(l.base_scores.values().all(|p| p.to_string() == "100.0"));
    for c in &l.clues {
        c.check().unwrap();
        assert_eq!(c.registered_on.year(), 2025, "{}", c.id);
        for day in [c.accepted_on, c.closed_on, c.reviewed_on]
            .into_iter()
            .flatten()
        {
            assert_eq!(day.year(), 2025, "{}", c.id);
        }
        assert!(c.facts.chars().count() >= 30, "{}", c.id);
        assert!(!c.responsible.is_empty(), "{}", c.id);
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
fn in_the_synthetic_year_about_150_findings_bring_ruzhou_to_grade_c_and_an_interview_month_or_two()
{
    let l = ledger();
    let r = report(&l, &Policy::default());
    assert!(
        (130..=170).contains(&r.counted()),
        "{} findings counted",
        r.counted()
    );
    assert!(
        r.detected > 100 && r.recorded > 5,
        "{} + {}",
        r.detected,
        r.recorded
    );
    let graded_c: Vec<&str> = r
        .counties
        .iter()
        .filter(|c| c.score.grade_c_forced())
        .map(|c| c.county.as_str())
        .collect();
    assert_eq!(graded_c, ["汝州市"]);
    let interviews: usize = r.counties.iter().map(|c| c.score.interviews.len()).sum();
    assert!(
        (1..=3).contains(&interviews),
        "{interviews} interview months"
    );
    // The default policy has no grade scale: every other county is only "not forced to C", never A or B.
    assert!(
        r.counties
            .iter()
            .filter(|c| c.county != "汝州市")
            .all(|c| c.score.grade.is_none() && c.score.grade_zh() == "未触发C级")
    );
    assert!(
        r.counties
            .iter()
            .all(|c| c.score.grade != Some(Grade::A) && c.score.grade != Some(Grade::B))
    );
    // Every kind occurs somewhere.
    for k in 0..8 {
        assert!(
            r.counties.iter().any(|c| c.by_kind[k] > 0),
            "kind {}",
            k + 1
        );
    }
    // The goals differ between counties: some met, some not.
    for rule in [
        RuleId::KpiAcceptance,
        RuleId::KpiEffectiveHandling,
        RuleId::KpiClosure,
    ] {
        let met: BTreeSet<bool> = r
            .counties
            .iter()
            .flat_map(|c| c.kpis.iter().filter(|k| k.rule == rule).map(|k| k.met))
            .collect();
        assert_eq!(met.len(), 2, "{rule}: {met:?}");
    }
}

/// When the record shows finding `kind` (read as of `as_of` under the default policy), and on which day — worked
/// out from the record's facts, independently of `detect_findings`.
fn shown(
    c: &Clue,
    kind: FindingKind,
    as_of: NaiveDate,
    cal: &WorkCalendar,
) -> Result<Option<NaiveDate>, Error> {
    let p = Policy::default();
    let next = |d: NaiveDate| d.succ_opt().expect("a next day");
    let on = match kind {
        FindingKind::NoFirstContact => match c.accepted_on {
            Some(accepted) => {
                let deadline = cal.add_working_days(accepted, p.first_contact_working_days)?;
                let first = c.contacts.iter().filter(|x| x.reached).map(|x| x.on).min();
                first.is_none_or(|f| f > deadline).then(|| next(deadline))
            }
            None => None,
        },
        FindingKind::AgreementNotFollowedUp => match &c.agreement {
            Some(a) if a.paid_on.is_none() && a.follow_ups.is_empty() => {
                Some(next(cal.add_working_days(a.pay_by, 1)?))
            }
            _ => None,
        },
        FindingKind::InvalidWithoutInvestigation => (c.conclusion == Some(Conclusion::InvalidClue)
            && c.investigation.is_none())
        .then(|| {
            let first = c.submissions.iter().map(|s| s.submitted_on).min();
            [first, c.closed_on].into_iter().flatten().min()
        })
        .flatten(),
        FindingKind::MinistryClueSubmittedOpen => match c.closed_on {
            Some(closed) if c.transferred_by_ministry => c
                .submissions
                .iter()
                .map(|s| s.submitted_on)
                .filter(|s| *s < closed)
                .min(),
            _ => None,
        },
        FindingKind::ResubmittedUnrevised => c
            .submissions
            .windows(2)
            .filter(|w| w[0].returned_on.is_some() && !w[1].revised)
            .map(|w| w[1].submitted_on)
            .nth(1),
        FindingKind::NotFiledInTime => match &c.investigation {
            Some(i) if i.arrears_verified && i.employer_refuses => {
                let deadline = cal.add_working_days(i.on, p.file_within_working_days)?;
                c.case_filed_on
                    .is_none_or(|f| f > deadline)
                    .then(|| next(deadline))
            }
            _ => None,
        },
        _ => None,
    };
    Ok(on.filter(|d| *d <= as_of))
}

#[test]
fn every_detected_finding_is_backed_by_its_defect_and_every_defect_in_the_records_is_detected() {
    let l = ledger();
    let r = report(&l, &Policy::default());
    let cal = WorkCalendar::china();
    let as_of = d(2025, 12, 31);
    // The synthetic submissions carry no format reminders: its kind-6 findings are all reviewer-recorded.
    let detected: BTreeMap<(&str, FindingKind), NaiveDate> = r
        .findings
        .iter()
        .filter(|f| f.kind.detectable_from_record() && f.kind != FindingKind::FormatNotCorrected)
        .map(|f| ((f.clue_id.as_str(), f.kind), f.found_on))
        .collect();
    assert_eq!(detected.len(), r.detected);
    let mut defects = 0;
    for c in &l.clues {
        // No synthetic case is escalated: filing follows the ordinary clock.
        assert_eq!(c.handling_level, HandlingLevel::County, "{}", c.id);
        for kind in FindingKind::ALL
            .iter()
            .copied()
            .filter(|k| k.detectable_from_record())
        {
            let expected = shown(c, kind, as_of, &cal).unwrap();
            defects += usize::from(expected.is_some());
            assert_eq!(
                detected.get(&(c.id.as_str(), kind)).copied(),
                expected,
                "{} kind {}",
                c.id,
                kind.number()
            );
        }
    }
    assert_eq!(defects, r.detected);
    for f in &r.findings {
        let c = clue(&l, &f.clue_id);
        assert_eq!((&c.county, &c.responsible), (&f.county, &f.responsible));
        assert_eq!(f.rule, f.kind.rule());
        assert!(!f.note.is_empty());
    }
}

#[test]
fn reviewers_record_only_kinds_2_and_6_on_closed_clues_during_the_next_month_s_review() {
    let l = ledger();
    let cal = WorkCalendar::china();
    assert!(!l.findings.is_empty());
    for f in &l.findings {
        let c = clue(&l, &f.clue_id);
        let closed = c.closed_on.expect("a reviewed clue is closed");
        assert!(
            matches!(
                f.kind,
                FindingKind::Falsified | FindingKind::FormatNotCorrected
            ),
            "{}",
            f.clue_id
        );
        assert_eq!(f.clue_closed_on, Some(closed));
        let review_month = (closed.with_day(1).unwrap() + chrono::Days::new(32))
            .with_day(1)
            .unwrap();
        assert_eq!(f.found_on.with_day(1), Some(review_month), "{}", f.clue_id);
        assert!(f.found_on.day() <= 10, "{}", f.clue_id);
        assert!(cal.is_working_day(f.found_on).unwrap());
        if f.kind == FindingKind::FormatNotCorrected {
            assert!(c.handling.chars().count() < 15, "{}: {}", c.id, c.handling);
        } else {
            assert!(c.payment.is_some(), "{}", c.id);
        }
    }
}

#[test]
fn a_closed_clue_without_a_finding_breaks_no_rule_but_the_planted_two_contacts_or_one_line_text() {
    let l = ledger();
    let r = report(&l, &Policy::default());
    let found: BTreeSet<&str> = r.findings.iter().map(|f| f.clue_id.as_str()).collect();
    let mut planted = 0;
    for c in l
        .clues
        .iter()
        .filter(|c| c.closed_on.is_some() && !found.contains(c.id.as_str()))
    {
        let rules = validate(c, &Policy::default()).rules();
        assert!(
            rules
                .iter()
                .all(|r| matches!(r, RuleId::ContactMinimum | RuleId::DetailedText)),
            "{}: {rules:?}",
            c.id
        );
        planted += usize::from(!rules.is_empty());
    }
    assert!(planted > 10, "{planted} clues with a rule-only defect");
}

#[test]
fn the_same_records_judged_under_another_policy_give_another_outcome() {
    let l = ledger();
    let default = report(&l, &Policy::default());

    // Two working days for the first contact: the contacts made on the second day are no longer findings.
    let mut lenient = Policy::default();
    lenient.first_contact_working_days = 2;
    let r = report(&l, &lenient);
    let kind1 = |r: &Report| r.counties.iter().map(|c| c.by_kind[0]).sum::<u32>();
    assert!(
        kind1(&r) < kind1(&default),
        "{} vs {}",
        kind1(&r),
        kind1(&default)
    );

    // Interviews from three findings a month: more interview months.
    let mut strict = Policy::default();
    strict.interview_findings_per_month = 3;
    let months = |r: &Report| {
        r.counties
            .iter()
            .map(|c| c.score.interviews.len())
            .sum::<usize>()
    };
    assert!(months(&report(&l, &strict)) > months(&default));

    // Four contacts required: fewer clues handled effectively (the same findings).
    let mut four = Policy::default();
    four.min_contacts = 4;
    let r = report(&l, &four);
    let effective = |r: &Report| {
        r.counties
            .iter()
            .flat_map(|c| &c.kpis)
            .filter(|k| k.rule == RuleId::KpiEffectiveHandling)
            .map(|k| k.ratio.numerator)
            .sum::<u64>()
    };
    assert!(effective(&r) < effective(&default));
    assert_eq!(r.findings, default.findings);
}

#[test]
fn a_recorded_finding_the_records_also_show_counts_once() {
    let mut l = ledger();
    let base = report(&l, &Policy::default());
    let detected = base
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::NotFiledInTime)
        .cloned()
        .expect("a kind-8 finding");
    let mut copy = detected.clone();
    copy.note = "复核人员另行记录".into();
    l.findings.push(copy);
    assert_eq!(report(&l, &Policy::default()).counted(), base.counted());
}

#[test]
fn the_ledger_round_trips_through_its_json_file() {
    let l = ledger();
    let path =
        std::env::temp_dir().join(format!("wage-arrears-ledger-{}.json", std::process::id()));
    ledger::write(&l, &path).unwrap();
    let back = ledger::read(&path).unwrap();
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
    let err = ledger::read(&path).unwrap_err().to_string();
    let _ = std::fs::remove_file(&path);
    assert!(err.contains("clues[0].conclusion"), "{err}");
}
