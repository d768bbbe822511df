//! Properties of the annual score (R-SCO-1..5) over arbitrary findings.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use wage_arrears::scoring::{Grade, assess_year};
use wage_arrears::{Finding, FindingKind, Points, Policy, RuleId};

/// Distinct findings (distinct clue ids) against 叶县, found on any day of 2025.
fn findings(max: usize) -> impl Strategy<Value = Vec<Finding>> {
    prop::collection::vec((0u32..365, 1u8..=8), 0..max).prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (day, kind))| {
                let on = NaiveDate::from_ymd_opt(2025, 1, 1)
                    .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(day))))
                    .expect("a day of 2025");
                let kind = FindingKind::try_from(kind).expect("kinds 1..=8");
                Finding::new("叶县", format!("PDS-{i:04}"), kind, on).with_responsible("王敏")
            })
            .collect()
    })
}

fn base() -> impl Strategy<Value = Option<Points>> {
    prop::option::of((0i64..=100_000).prop_map(Points::from_milli))
}

fn by_scale(score: Points, p: &Policy) -> Grade {
    if score >= p.grade_a_min_score {
        Grade::A
    } else if score >= p.grade_b_min_score {
        Grade::B
    } else {
        Grade::C
    }
}

proptest! {
    #[test]
    fn the_deduction_is_exactly_two_tenths_of_a_point_per_finding(fs in findings(200), base in base()) {
        let s = assess_year("叶县", 2025, base, &fs, &Policy::default()).unwrap();
        prop_assert_eq!(s.count(), fs.len());
        prop_assert_eq!(s.deduction.milli(), 200 * fs.len() as i64);
        prop_assert_eq!(s.score, base.map(|b| Points::from_milli(b.milli() - 200 * fs.len() as i64)));
        prop_assert_eq!(s.notices.len(), fs.len());
        prop_assert!(s.notices.iter().all(|n| n.rule == RuleId::ScoreNamedNotice));
    }

    #[test]
    fn the_grade_is_c_exactly_when_there_are_thirty_findings_or_more_and_otherwise_follows_the_scale(
        fs in findings(60),
        base in base(),
    ) {
        let p = Policy::default();
        let s = assess_year("叶县", 2025, base, &fs, &p).unwrap();
        if fs.len() >= 30 {
            prop_assert_eq!(s.grade, Some(Grade::C));
            prop_assert_eq!(s.grade_rule, RuleId::ScoreAnnualGradeC);
        } else {
            prop_assert_eq!(s.grade, s.score.map(|x| by_scale(x, &p)));
            prop_assert_eq!(s.grade_rule, RuleId::ScoreGradeScale);
        }
    }

    #[test]
    fn interview_months_are_exactly_those_with_five_findings_or_more(fs in findings(120)) {
        let s = assess_year("叶县", 2025, None, &fs, &Policy::default()).unwrap();
        let mut counts = [0u32; 12];
        for f in &fs {
            counts[f.found_on.month0() as usize] += 1;
        }
        prop_assert_eq!(s.per_month, counts);
        let expected: Vec<u32> = (1..=12).filter(|m| counts[*m as usize - 1] >= 5).collect();
        let got: Vec<u32> = s.interviews.iter().map(|i| i.month.month()).collect();
        prop_assert_eq!(got, expected);
        for i in &s.interviews {
            prop_assert_eq!(i.findings, counts[i.month.month() as usize - 1]);
            prop_assert_eq!(i.rule, RuleId::ScoreMonthlyInterview);
        }
    }

    #[test]
    fn one_more_finding_never_raises_the_score_nor_improves_the_grade(
        fs in findings(60),
        base in base(),
        day in 0u32..365,
        kind in 1u8..=8,
    ) {
        let p = Policy::default();
        let before = assess_year("叶县", 2025, base, &fs, &p).unwrap();
        let on = NaiveDate::from_ymd_opt(2025, 1, 1)
            .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(day))))
            .unwrap();
        let mut more = fs.clone();
        more.push(Finding::new("叶县", "PDS-EXTRA", FindingKind::try_from(kind).unwrap(), on));
        let after = assess_year("叶县", 2025, base, &more, &p).unwrap();
        prop_assert!(after.score <= before.score);
        match (before.grade, after.grade) {
            (Some(b), Some(a)) => prop_assert!(a >= b, "grade improved from {b} to {a}"),
            (Some(b), None) => prop_assert!(false, "grade {b} lost"),
            (None, _) => {}
        }
        prop_assert!(after.interviews.len() >= before.interviews.len());
    }

    #[test]
    fn findings_of_other_counties_and_years_change_nothing(
        fs in findings(40),
        noise in findings(40),
        base in base(),
    ) {
        let p = Policy::default();
        let alone = assess_year("叶县", 2025, base, &fs, &p).unwrap();
        let mut mixed = fs.clone();
        for (i, mut f) in noise.into_iter().enumerate() {
            if i % 2 == 0 {
                f.county = "郏县".into();
            } else {
                f.found_on = f.found_on.with_year(2026).unwrap_or(f.found_on);
                if f.found_on.year() == 2025 {
                    f.county = "郏县".into();
                }
            }
            mixed.push(f);
        }
        prop_assert_eq!(assess_year("叶县", 2025, base, &mixed, &p).unwrap(), alone);
    }
}
