//! The sample clues of `examples/review_clue.rs` break every validation rule at least once, show every finding
//! kind a record can show, and owe every kind of follow-up, so that the example demonstrates the whole rule set.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use wage_arrears::Error;
use wage_arrears::calendar::WorkCalendar;
use wage_arrears::detection::detect_findings;
use wage_arrears::disposition::validate;
use wage_arrears::follow_up::{FollowUpKind, follow_ups};
use wage_arrears::model::Clue;
use wage_arrears::policy::Policy;
use wage_arrears::rule::RuleId;

const SAMPLE: &str = include_str!("../examples/data/review_clues.json");

fn sample() -> Result<Vec<Clue>, Error> {
    wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(SAMPLE))
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default()
}

#[test]
fn the_sample_clues_break_every_validation_rule_at_least_once_and_some_are_clean()
-> Result<(), Error> {
    let clues = sample()?;
    let policy = Policy::default();
    let broken: BTreeSet<RuleId> = clues
        .iter()
        .flat_map(|c| validate(c, &policy).rules())
        .collect();
    let validation_rules: BTreeSet<RuleId> = RuleId::ALL
        .iter()
        .copied()
        .filter(|r| {
            ["R-CON-", "R-CNT-", "R-TXT-", "R-FIL-", "R-SUB-", "R-CST-"]
                .iter()
                .any(|p| r.code().starts_with(p))
        })
        .collect();
    assert_eq!(validation_rules.len(), 18);
    assert_eq!(broken, validation_rules);
    assert!(
        clues
            .iter()
            .filter(|c| validate(c, &policy).is_clean())
            .count()
            >= 3
    );
    Ok(())
}

#[test]
fn the_sample_clues_show_every_finding_kind_a_record_can_show() -> Result<(), Error> {
    let cal = WorkCalendar::china();
    let mut kinds = BTreeSet::new();
    for c in sample()? {
        for f in detect_findings(&c, &Policy::default(), &cal, as_of())? {
            kinds.insert(f.kind.number());
        }
    }
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), [1, 3, 4, 5, 6, 7, 8]);
    Ok(())
}

#[test]
fn the_sample_clues_owe_every_kind_of_follow_up_on_november_25_2026() -> Result<(), Error> {
    let cal = WorkCalendar::china();
    let mut kinds = BTreeSet::new();
    for c in sample()? {
        for f in follow_ups(&c, &Policy::default(), &cal, as_of())? {
            kinds.insert(f.kind);
        }
    }
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), FollowUpKind::ALL);
    Ok(())
}
