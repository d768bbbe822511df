//! The county's annual score at its thresholds (平人社监察〔2024〕15号 四(一)): 0.2 points a finding, an interview at 5 in a month,
//! grade C at 30 in a year, and which findings count.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use wage_arrears::scoring::{Grade, assess_all, assess_year};
use wage_arrears::{Finding, FindingKind, GradeScale, Points, Policy, RuleId};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test date")
}

/// `n` findings against `county`, all found on `on`, on distinct clues.
fn findings(county: &str, n: usize, on: NaiveDate) -> Vec<Finding> {
    (0..n)
        .map(|i| {
            Finding::new(
                county,
                format!("{county}-{on}-{i:03}"),
                FindingKind::NoFirstContact,
                on,
            )
            .with_responsible("李强")
        })
        .collect()
}

/// `n` findings spread over the year, at most 2 a month (so no interview).
fn spread(county: &str, n: usize) -> Vec<Finding> {
    (0..n)
        .map(|i| {
            let on = date(2025, (i % 12) as u32 + 1, (i / 12) as u32 + 1);
            Finding::new(county, format!("S-{i:03}"), FindingKind::Falsified, on)
        })
        .collect()
}

fn hundred() -> Option<Points> {
    Some(Points::whole(100))
}

#[test]
fn the_fifth_finding_in_one_month_brings_an_interview_but_the_fourth_does_not() {
    let p = Policy::default();
    let four = assess_year(
        "叶县",
        2025,
        hundred(),
        &findings("叶县", 4, date(2025, 3, 6)),
        &p,
    )
    .unwrap();
    assert!(four.interviews.is_empty());
    assert_eq!(four.per_month[2], 4);
    let five = assess_year(
        "叶县",
        2025,
        hundred(),
        &findings("叶县", 5, date(2025, 3, 6)),
        &p,
    )
    .unwrap();
    assert_eq!(five.interviews.len(), 1);
    assert_eq!(five.interviews[0].month.to_string(), "2025-03");
    assert_eq!(five.interviews[0].findings, 5);
    assert_eq!(five.interviews[0].rule, RuleId::ScoreMonthlyInterview);
}

#[test]
fn the_thirtieth_finding_in_a_year_forces_grade_c_but_the_twenty_ninth_does_not() {
    let p = Policy::default();
    let s29 = assess_year("叶县", 2025, hundred(), &spread("叶县", 29), &p).unwrap();
    assert_eq!(s29.score, Some("94.2".parse().unwrap()));
    assert_eq!(
        (s29.grade, s29.grade_rule),
        (None, RuleId::ScoreAnnualGradeC)
    );
    assert_eq!(s29.grade_zh(), "未触发C级");
    let s30 = assess_year("叶县", 2025, hundred(), &spread("叶县", 30), &p).unwrap();
    assert_eq!(s30.score, Some("94.0".parse().unwrap()));
    assert_eq!(
        (s30.grade, s30.grade_rule),
        (Some(Grade::C), RuleId::ScoreAnnualGradeC)
    );
    assert!(s30.grade_c_forced());
    assert!(s30.interviews.is_empty());
}

#[test]
fn thirty_findings_force_grade_c_even_without_a_base_score() {
    let s = assess_year("叶县", 2025, None, &spread("叶县", 30), &Policy::default()).unwrap();
    assert_eq!((s.score, s.grade), (None, Some(Grade::C)));
}

#[test]
fn findings_on_january_31st_and_february_1st_fall_in_different_months() {
    let mut fs = findings("郏县", 4, date(2025, 1, 31));
    fs.extend(findings("郏县", 4, date(2025, 2, 1)));
    let s = assess_year("郏县", 2025, hundred(), &fs, &Policy::default()).unwrap();
    assert_eq!(&s.per_month[..3], &[4, 4, 0]);
    assert!(
        s.interviews.is_empty(),
        "8 findings over two months bring no interview"
    );
}

#[test]
fn findings_on_december_31st_and_january_1st_fall_in_different_years() {
    let mut fs = spread("郏县", 28);
    fs.extend(findings("郏县", 2, date(2024, 12, 31)));
    fs.extend(findings("郏县", 2, date(2026, 1, 1)));
    let p = Policy::default();
    let s = assess_year("郏县", 2025, hundred(), &fs, &p).unwrap();
    assert_eq!(s.count(), 28);
    assert_eq!(s.grade, None);
    let s2024 = assess_year("郏县", 2024, hundred(), &fs, &p).unwrap();
    assert_eq!((s2024.count(), s2024.per_month[11]), (2, 2));
    let s2026 = assess_year("郏县", 2026, hundred(), &fs, &p).unwrap();
    assert_eq!((s2026.count(), s2026.per_month[0]), (2, 2));
}

#[test]
fn another_county_s_findings_do_not_count() {
    let mut fs = findings("叶县", 4, date(2025, 6, 9));
    fs.extend(findings("鲁山县", 40, date(2025, 6, 9)));
    let s = assess_year("叶县", 2025, hundred(), &fs, &Policy::default()).unwrap();
    assert_eq!(s.count(), 4);
    assert!(s.findings.iter().all(|f| f.county == "叶县"));
    assert!(s.interviews.is_empty());
    assert_eq!(s.grade, None);
}

#[test]
fn one_hundred_fifty_findings_deduct_exactly_thirty_points() {
    let fs: Vec<Finding> = (1..=12u32)
        .flat_map(|m| findings("汝州市", if m <= 6 { 13 } else { 12 }, date(2025, m, 15)))
        .collect();
    assert_eq!(fs.len(), 150);
    let s = assess_year("汝州市", 2025, hundred(), &fs, &Policy::default()).unwrap();
    assert_eq!(s.deduction, Points::whole(30));
    assert_eq!(s.deduction.to_string(), "30.0");
    assert_eq!(s.score, Some(Points::whole(70)));
    assert_eq!(s.interviews.len(), 12);
    assert_eq!(s.grade, Some(Grade::C));
}

#[test]
fn each_finding_names_its_responsible_person_in_a_notice() {
    let s = assess_year(
        "宝丰县",
        2025,
        None,
        &findings("宝丰县", 3, date(2025, 9, 1)),
        &Policy::default(),
    )
    .unwrap();
    assert_eq!(s.notices.len(), 3);
    for n in &s.notices {
        assert_eq!(
            (n.responsible.as_str(), n.rule),
            ("李强", RuleId::ScoreNamedNotice)
        );
        assert_eq!(n.deduction.to_string(), "0.2");
        assert!(n.to_string().contains("李强"));
    }
}

#[test]
fn a_city_with_other_numbers_scores_by_its_own_policy() {
    let mut p = Policy::default();
    p.interview_findings_per_month = 3;
    p.deduction_per_finding = "0.5".parse().unwrap();
    let s = assess_year(
        "叶县",
        2025,
        hundred(),
        &findings("叶县", 3, date(2025, 4, 1)),
        &p,
    )
    .unwrap();
    assert_eq!(s.interviews.len(), 1);
    assert_eq!(s.score, Some("98.5".parse().unwrap()));
}

#[test]
fn the_assessment_of_all_counties_covers_those_with_findings_or_a_base_score() {
    let mut fs = findings("叶县", 2, date(2025, 4, 1));
    fs.extend(findings("石龙区", 1, date(2024, 4, 1))); // another year: not listed
    let base = BTreeMap::from([
        ("郏县".to_owned(), Points::whole(100)),
        ("叶县".to_owned(), Points::whole(95)),
    ]);
    let all = assess_all(2025, &base, &fs, &Policy::default()).unwrap();
    let rows: Vec<(&str, usize, Option<Points>)> = all
        .iter()
        .map(|s| (s.county.as_str(), s.count(), s.score))
        .collect();
    assert_eq!(
        rows,
        [
            ("叶县", 2, Some("94.6".parse().unwrap())),
            ("郏县", 0, Some(Points::whole(100))),
        ]
    );
}

#[test]
fn a_county_score_round_trips_through_json_without_loss() {
    let s = assess_year(
        "叶县",
        2025,
        hundred(),
        &findings("叶县", 7, date(2025, 11, 3)),
        &Policy::default(),
    )
    .unwrap();
    let json = serde_json::to_string(&s).unwrap();
    assert!(json.contains("\"deduction\":\"1.4\""), "{json}");
    assert!(json.contains("\"score\":\"98.6\""), "{json}");
    let back: wage_arrears::scoring::CountyScore = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
}

#[test]
fn the_same_finding_read_by_two_monthly_runs_is_deducted_once() {
    let first = Finding::new(
        "叶县",
        "PDS-1",
        FindingKind::NoFirstContact,
        date(2025, 3, 4),
    )
    .with_note("2025-03-03起1个工作日内（至2025-03-03）未联系上反映人");
    // Read again after the clue closed: the very same finding, now carrying the clue's closing day.
    let mut again = first.clone();
    again.clue_closed_on = Some(date(2025, 3, 28));
    let other_kind = Finding::new(
        "叶县",
        "PDS-1",
        FindingKind::NotFiledInTime,
        date(2025, 3, 4),
    );
    let p = Policy::default();
    let s = assess_year("叶县", 2025, hundred(), &[again, first, other_kind], &p).unwrap();
    assert_eq!(s.count(), 2);
    assert_eq!(s.deduction.to_string(), "0.4");
}

#[test]
fn a_county_with_12_findings_is_not_graded_a_without_a_grade_scale() {
    let s = assess_year(
        "叶县",
        2025,
        hundred(),
        &spread("叶县", 12),
        &Policy::default(),
    )
    .unwrap();
    assert_eq!(s.score, Some("97.6".parse().unwrap()));
    assert_eq!((s.grade, s.grade_source.clone()), (None, None));
    assert_eq!(s.grade_rule, RuleId::ScoreAnnualGradeC);
    assert!(!s.grade_c_forced());
    let text = s.to_string();
    assert!(text.contains("等级 未触发C级"), "{text}");
    assert!(text.contains("不评A、B级"), "{text}");
    assert!(!text.contains("R-SCO-5"), "{text}");
    assert!(!text.contains("2021年"), "{text}");
}

#[test]
fn a_policy_with_a_grade_scale_grades_a_and_b_by_it_and_names_its_source() {
    let mut p = Policy::default();
    p.grade_scale = Some(GradeScale {
        a_min_score: Points::whole(98),
        b_min_score: Points::whole(95),
        source: "某省保障农民工工资支付工作考核细则（示例）第十条".to_owned(),
    });
    let a = assess_year("叶县", 2025, hundred(), &spread("叶县", 10), &p).unwrap();
    assert_eq!(a.score, Some(Points::whole(98)));
    assert_eq!(
        (a.grade, a.grade_rule),
        (Some(Grade::A), RuleId::ScoreGradeScale)
    );
    let b = assess_year("叶县", 2025, hundred(), &spread("叶县", 11), &p).unwrap();
    assert_eq!(b.grade, Some(Grade::B));
    let c = assess_year("叶县", 2025, hundred(), &spread("叶县", 26), &p).unwrap();
    assert_eq!((c.grade, c.grade_c_forced()), (Some(Grade::C), false));
    for s in [&a, &b, &c] {
        assert_eq!(
            s.grade_source.as_deref(),
            Some("某省保障农民工工资支付工作考核细则（示例）第十条")
        );
        let text = s.to_string();
        assert!(
            text.contains("R-SCO-5") && text.contains("考核细则（示例）第十条"),
            "{text}"
        );
    }
    assert!(a.to_string().contains("等级 A级"));
    // Thirty findings still force C, whatever the scale says.
    let forced = assess_year("叶县", 2025, hundred(), &spread("叶县", 30), &p).unwrap();
    assert!(forced.grade_c_forced());
    assert_eq!(forced.grade_source, None);
}

#[test]
fn a_grade_scale_without_its_source_is_refused() {
    let mut p = Policy::default();
    p.grade_scale = Some(GradeScale {
        a_min_score: Points::whole(90),
        b_min_score: Points::whole(70),
        source: "  ".to_owned(),
    });
    let err = p.validate().unwrap_err().to_string();
    assert!(err.contains("grade_scale.source"), "{err}");
    assert!(assess_year("叶县", 2025, hundred(), &[], &p).is_err());
}

#[test]
fn two_distinct_falsifications_recorded_on_one_clue_and_day_are_two_findings() {
    let on = date(2025, 5, 12);
    let paid = Finding::new("叶县", "PDS-9", FindingKind::Falsified, on)
        .with_responsible("王敏")
        .with_note("填报“已支付完毕”，回访反映人称未收到工资");
    let contacts = Finding::new("叶县", "PDS-9", FindingKind::Falsified, on)
        .with_responsible("王敏")
        .with_note("三次联系记录为补记，通话记录不存在");
    let other_clerk = paid.clone().with_responsible("李娜");
    let s = assess_year(
        "叶县",
        2025,
        hundred(),
        &[paid.clone(), contacts, other_clerk, paid],
        &Policy::default(),
    )
    .unwrap();
    assert_eq!(
        s.count(),
        3,
        "the very same record listed twice counts once"
    );
    assert_eq!(s.deduction.to_string(), "0.6");
    assert_eq!(s.notices.len(), 3);
}
