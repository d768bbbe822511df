//! Properties of validation: a clue built to meet its conclusion's rules has no violation under any valid policy;
//! one violating fact adds exactly the matching violation; no clue, however odd, makes validation panic.
//!
//! The clues come from the crate's exported generators (`wage_arrears::strategies`, feature `proptest`).

use proptest::prelude::*;
use wage_arrears::disposition::validate;
use wage_arrears::policy::Policy;
use wage_arrears::strategies::{broken_clue, clean_clue, clue, odd_policy, policy};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_clue_built_to_meet_its_conclusions_rules_has_no_violation(clue in clean_clue(&Policy::default())) {
        let v = validate(&clue, &Policy::default());
        prop_assert!(v.is_clean(), "{:?}", v.violations);
        prop_assert_eq!(v.clue_id, clue.id);
    }

    #[test]
    fn a_clue_built_to_meet_a_policy_has_no_violation_under_that_policy(
        (policy, clue) in policy().prop_flat_map(|p| (Just(p.clone()), clean_clue(&p)))
    ) {
        let v = validate(&clue, &policy);
        prop_assert!(v.is_clean(), "{:?}", v.violations);
    }

    #[test]
    fn one_violating_fact_adds_exactly_the_matching_violation(
        (policy, (rule, broken)) in policy().prop_flat_map(|p| (Just(p.clone()), broken_clue(&p)))
    ) {
        let v = validate(&broken, &policy);
        prop_assert_eq!(v.rules(), vec![rule], "{:?}", v.violations);
        prop_assert!(v.checked.contains(rule));
    }

    #[test]
    fn validation_lists_each_rule_at_most_once_and_only_rules_it_checked(clue in clue(), policy in odd_policy()) {
        let v = validate(&clue, &policy);
        let rules = v.rules();
        let mut unique = rules.clone();
        unique.dedup();
        prop_assert_eq!(&unique, &rules);
        prop_assert!(rules.iter().all(|r| v.checked.contains(*r)));
        prop_assert!(v.violations.iter().all(|x| !x.message_zh.is_empty() && !x.message_en.is_empty()));
    }
}
