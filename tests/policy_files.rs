//! Policies as files: the Pingdingshan default, a second city, and the policy in force on a date.

use chrono::NaiveDate;
use wage_arrears::{Error, Policy, PolicySet, Rate, Rollover};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn read(path: &str) -> Result<Policy, Error> {
    let text = std::fs::read_to_string(format!(
        "{}/examples/data/policies/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("policy file present");
    wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(&text))
}

#[test]
fn the_pingdingshan_2024_file_is_exactly_the_default_policy() {
    assert_eq!(read("pingdingshan-2024.json").unwrap(), Policy::default());
}

#[test]
fn the_default_policy_round_trips_through_json() {
    let p = Policy::default();
    let json = serde_json::to_string(&p).unwrap();
    let back: Policy = serde_json::from_str(&json).unwrap();
    assert_eq!(back, p);
}

#[test]
fn the_second_city_switches_roll_over_on_and_interviews_at_three() {
    let b = read("baoding-2025.json").unwrap();
    assert_eq!(b.natural_day_rollover, Rollover::NextWorkingDay);
    assert_eq!(b.interview_findings_per_month, 3);
    assert_eq!(b.red_card_overdue_days, 10);
    assert_eq!(b.spot_check_rate, Rate::percent(10));
    assert_ne!(b, Policy::default());
}

#[test]
fn a_policy_file_with_a_sampling_rate_over_one_hundred_percent_is_rejected_naming_the_field() {
    let mut v: serde_json::Value = serde_json::to_value(Policy::default()).unwrap();
    v["spot_check_rate"] = "101%".into();
    let err = serde_json::from_value::<Policy>(v).unwrap_err().to_string();
    assert!(
        err.contains("spot_check_rate") && err.contains("101%"),
        "{err}"
    );
}

#[test]
fn a_policy_file_with_a_zero_day_window_is_rejected_naming_the_clock() {
    let mut v: serde_json::Value = serde_json::to_value(Policy::default()).unwrap();
    v["clocks"]["mohrss_column"]["accept_working_days"] = 0.into();
    let err = serde_json::from_value::<Policy>(v).unwrap_err().to_string();
    assert!(err.contains("clocks.mohrss_column"), "{err}");
}

#[test]
fn a_policy_file_with_a_negative_threshold_is_rejected_naming_the_field() {
    let json = serde_json::to_string(&Policy::default()).unwrap().replace(
        "\"interview_findings_per_month\":5",
        "\"interview_findings_per_month\":-5",
    );
    let err =
        wage_arrears::deserialize::<Policy, _>(&mut serde_json::Deserializer::from_str(&json))
            .unwrap_err();
    match err {
        Error::Deserialize { path, .. } => assert_eq!(path, "interview_findings_per_month"),
        other => panic!("unexpected {other}"),
    }
}

#[test]
fn a_policy_file_with_an_unknown_or_missing_field_is_rejected() {
    let mut v: serde_json::Value = serde_json::to_value(Policy::default()).unwrap();
    v["interview_at"] = 3.into();
    assert!(serde_json::from_value::<Policy>(v.clone()).is_err());
    v.as_object_mut().unwrap().remove("interview_at");
    v.as_object_mut().unwrap().remove("min_contacts");
    assert!(
        serde_json::from_value::<Policy>(v)
            .unwrap_err()
            .to_string()
            .contains("min_contacts")
    );
}

fn revised_2026() -> Policy {
    let mut p = Policy::default();
    p.effective_from = d(2026, 1, 1);
    p.interview_findings_per_month = 4;
    p
}

#[test]
fn the_policy_set_picks_the_policy_in_force_on_both_sides_of_an_effective_date() {
    let set = PolicySet::new(vec![revised_2026(), Policy::default()]).unwrap();
    assert_eq!(
        set.in_force_on(d(2025, 12, 31))
            .unwrap()
            .interview_findings_per_month,
        5
    );
    assert_eq!(
        set.in_force_on(d(2026, 1, 1))
            .unwrap()
            .interview_findings_per_month,
        4
    );
    assert_eq!(set.in_force_on(d(2024, 5, 22)).unwrap(), &Policy::default());
}

#[test]
fn a_date_before_the_first_policy_is_an_error() {
    let set = PolicySet::new(vec![Policy::default()]).unwrap();
    assert_eq!(
        set.in_force_on(d(2024, 5, 21)),
        Err(Error::NoPolicyInForce {
            date: d(2024, 5, 21),
            earliest: d(2024, 5, 22)
        })
    );
}

#[test]
fn two_policies_taking_effect_the_same_day_are_rejected() {
    assert!(PolicySet::new(vec![Policy::default(), Policy::default()]).is_err());
    assert!(PolicySet::new(vec![]).is_err());
}

#[test]
fn a_policy_set_round_trips_through_json() {
    let set = PolicySet::new(vec![Policy::default(), revised_2026()]).unwrap();
    let json = serde_json::to_string(&set).unwrap();
    assert_eq!(serde_json::from_str::<PolicySet>(&json).unwrap(), set);
}
