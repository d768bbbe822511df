//! The county's annual score at its thresholds (平人社监察〔2024〕15号 四(一)): 0.2 points a finding, an interview at 5 in a month,
//! grade C at 30 in a year, and which findings count.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use wage_arrears::scoring::{Grade, assess_all, assess_year};
use wage_arrears::{Finding, FindingKind, Points, Policy, RuleId};

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
        (Some(Grade::A), RuleId::ScoreGradeScale)
    );
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
    assert_eq!(s.grade, Some(Grade::A));
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
    assert_eq!(s.grade, Some(Grade::A));
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
    .with_note("read on 2025-03-10");
    let again = first.clone().with_note("read again on 2025-04-10");
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
