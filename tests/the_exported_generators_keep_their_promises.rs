//! The generators of `wage_arrears::strategies` (feature `proptest`) keep what their documentation promises:
//! services build their own property tests on these promises.

use std::collections::BTreeSet;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use wage_arrears::strategies::{
    breakable_rules, clean_clue, clue, clue_breaking, finding, ledger, policy,
};
use wage_arrears::{
    Clue, Conclusion, Finding, Policy, RuleId, Source, WorkCalendar, distinct_by_id, validate,
};

/// `n` values of a strategy, drawn deterministically (no shrinking: these tests count what is drawn).
fn draw<S: Strategy>(strategy: &S, n: usize) -> Vec<S::Value> {
    let mut runner = TestRunner::deterministic();
    (0..n)
        .map(|_| {
            strategy
                .new_tree(&mut runner)
                .expect("the generators never give up")
                .current()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_clue_passes_its_check_and_reads_back_from_json_as_written(clue in clue()) {
        prop_assert_eq!(clue.check(), Ok(()));
        let json = serde_json::to_string(&clue).expect("a clue serialises");
        let back: Clue = wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(&json))
            .map_err(|e| TestCaseError::fail(format!("{e}: {json}")))?;
        prop_assert_eq!(back, clue);
    }

    #[test]
    fn a_clean_clue_is_closed_and_clean_under_the_policy_it_was_built_for(
        (policy, clue) in policy().prop_flat_map(|p| (Just(p.clone()), clean_clue(&p)))
    ) {
        prop_assert!(clue.closed_on.is_some() && clue.conclusion.is_some());
        let v = validate(&clue, &policy);
        prop_assert!(v.is_clean(), "{:?}", v.violations);
        let cal = WorkCalendar::china();
        prop_assert!(cal.coverage().contains(&clue.registered_on));
    }

    #[test]
    fn every_generated_policy_is_valid_and_reads_back_from_json(policy in policy()) {
        prop_assert_eq!(policy.validate(), Ok(()));
        let json = serde_json::to_string(&policy).expect("a policy serialises");
        let back: Policy = serde_json::from_str(&json).expect("a valid policy reads back");
        prop_assert_eq!(back, policy);
    }

    #[test]
    fn a_finding_carries_its_kinds_rule_and_reads_back_from_json(f in finding()) {
        prop_assert_eq!(f.rule, f.kind.rule());
        prop_assert!(f.clue_closed_on.is_none_or(|c| c <= f.found_on));
        let json = serde_json::to_string(&f).expect("a finding serialises");
        let back: Finding = serde_json::from_str(&json).expect("a finding reads back");
        prop_assert_eq!(back, f);
    }

    #[test]
    fn a_ledger_never_repeats_a_clue_id_and_its_findings_name_its_clues((clues, findings) in ledger()) {
        let ids: BTreeSet<&str> = clues.iter().map(|c| c.id.as_str()).collect();
        prop_assert_eq!(ids.len(), clues.len());
        prop_assert!(distinct_by_id(&clues).is_ok());
        for f in &findings {
            let c = clues.iter().find(|c| c.id == f.clue_id);
            prop_assert!(c.is_some_and(|c| c.county == f.county && c.registered_on <= f.found_on), "{:?}", f);
            prop_assert_eq!(f.rule, f.kind.rule());
        }
    }

    #[test]
    fn a_ledger_s_goals_compute_for_every_county_under_the_default_policy((clues, findings) in ledger()) {
        let (policy, cal) = (Policy::default(), WorkCalendar::china());
        let (from, to) = (wage_arrears::date(2025, 1, 1)?, wage_arrears::date(2026, 12, 31)?);
        let counties: BTreeSet<&str> = clues.iter().map(|c| c.county.as_str()).collect();
        for county in counties {
            let k = wage_arrears::kpis(county, from, to, &clues, &findings, &policy, &cal);
            prop_assert!(k.is_ok(), "{}: {:?}", county, k);
        }
    }
}

#[test]
fn clean_clues_come_of_every_source_and_every_conclusion() {
    let clues = draw(&clean_clue(&Policy::default()), 2_000);
    let sources: BTreeSet<Source> = clues.iter().map(|c| c.source).collect();
    let conclusions: BTreeSet<Conclusion> = clues.iter().filter_map(|c| c.conclusion).collect();
    assert_eq!(sources.len(), Source::ALL.len());
    assert_eq!(conclusions.len(), Conclusion::ALL.len());
}

#[test]
fn every_rule_validate_checks_can_be_broken_alone_under_the_default_policy() {
    let policy = Policy::default();
    let rules = breakable_rules(&policy);
    assert_eq!(rules.len(), 18, "{rules:?}");
    for &rule in &rules {
        let strategy = clue_breaking(rule, &policy).expect("a breakable rule has a generator");
        for clue in draw(&strategy, 64) {
            assert_eq!(validate(&clue, &policy).rules(), [rule], "{}", clue.id);
        }
    }
}

#[test]
fn a_rule_validate_does_not_check_has_no_clue_that_breaks_it() {
    let policy = Policy::default();
    let rules = breakable_rules(&policy);
    for &rule in RuleId::ALL {
        assert_eq!(
            clue_breaking(rule, &policy).is_some(),
            rules.contains(&rule),
            "{rule}"
        );
    }
    assert!(clue_breaking(RuleId::AcceptMohrssColumn, &policy).is_none());
    assert!(clue_breaking(RuleId::FindingFalsified, &policy).is_none());
}

#[test]
fn a_policy_that_leaves_no_room_to_break_a_rule_alone_gets_no_generator_for_it() {
    let one_contact = Policy::builder().min_contacts(1).build().expect("valid");
    assert!(clue_breaking(RuleId::ContactMinimum, &one_contact).is_none());
    let no_text = Policy::builder().min_text_chars(0).build().expect("valid");
    assert!(clue_breaking(RuleId::DetailedText, &no_text).is_none());

    // One character is still room: an empty handling text breaks it.
    let one_char = Policy::builder().min_text_chars(1).build().expect("valid");
    let strategy = clue_breaking(RuleId::DetailedText, &one_char).expect("room to break");
    for clue in draw(&strategy, 16) {
        assert!(clue.handling.is_empty());
        assert_eq!(validate(&clue, &one_char).rules(), [RuleId::DetailedText]);
    }
}

#[test]
fn clean_clues_under_a_demanding_policy_carry_the_contacts_and_text_it_asks_for() {
    let demanding = Policy::builder()
        .min_contacts(9)
        .min_text_chars(300)
        .build()
        .expect("valid");
    for clue in draw(&clean_clue(&demanding), 64) {
        assert!(clue.contacts.len() >= 9);
        assert!(validate(&clue, &demanding).is_clean(), "{}", clue.id);
    }
}
