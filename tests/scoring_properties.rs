//! Properties of the annual score (R-SCO-1..5) over arbitrary findings: under the default policy (no grade scale)
//! a county is C级 or not forced to C, never A or B; with a scale the grade follows it.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use wage_arrears::scoring::{Grade, assess_year};
use wage_arrears::{Finding, FindingKind, GradeScale, Points, Policy, RuleId};

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

fn scale() -> impl Strategy<Value = GradeScale> {
    (0i64..=100_000, 0i64..=100_000).prop_map(|(x, y)| GradeScale {
        a_min_score: Points::from_milli(x.max(y)),
        b_min_score: Points::from_milli(x.min(y)),
        source: "示例省考核细则 第五条".to_owned(),
    })
}

fn by_scale(score: Points, scale: &GradeScale) -> Grade {
    if score >= scale.a_min_score {
        Grade::A
    } else if score >= scale.b_min_score {
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
    fn without_a_grade_scale_a_county_is_c_at_thirty_findings_and_otherwise_only_not_forced_to_c(
        fs in findings(60),
        base in base(),
    ) {
        let p = Policy::default();
        let s = assess_year("叶县", 2025, base, &fs, &p).unwrap();
        prop_assert_eq!(s.grade_rule, RuleId::ScoreAnnualGradeC);
        prop_assert_eq!(&s.grade_source, &None);
        if fs.len() >= 30 {
            prop_assert_eq!(s.grade, Some(Grade::C));
            prop_assert!(s.grade_c_forced());
        } else {
            prop_assert_eq!(s.grade, None);
            prop_assert_eq!(s.grade_zh(), "未触发C级");
            prop_assert!(!s.to_string().contains("A级") || s.to_string().contains("不评A、B级"));
        }
    }

    #[test]
    fn with_a_grade_scale_the_grade_is_c_at_thirty_findings_and_otherwise_follows_the_scale_naming_its_source(
        fs in findings(60),
        base in base(),
        scale in scale(),
    ) {
        let mut p = Policy::default();
        p.grade_scale = Some(scale.clone());
        let s = assess_year("叶县", 2025, base, &fs, &p).unwrap();
        if fs.len() >= 30 {
            prop_assert_eq!(s.grade, Some(Grade::C));
            prop_assert_eq!(s.grade_rule, RuleId::ScoreAnnualGradeC);
        } else if let Some(score) = s.score {
            prop_assert_eq!(s.grade, Some(by_scale(score, &scale)));
            prop_assert_eq!(s.grade_rule, RuleId::ScoreGradeScale);
            prop_assert_eq!(s.grade_source.as_deref(), Some(scale.source.as_str()));
            prop_assert!(s.to_string().contains(&scale.source));
        } else {
            prop_assert_eq!(s.grade, None);
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
        scale in prop::option::of(scale()),
    ) {
        let mut p = Policy::default();
        p.grade_scale = scale;
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
