//! Properties of validation: a clue built to meet its conclusion's rules has no violation; one violating fact
//! adds exactly the matching violation; no clue, however odd, makes validation panic.

mod disposition_common;

use disposition_common::strategies::{any_clue, any_policy, apply, breaks_for, clean_clue};
use proptest::prelude::*;
use wage_arrears::disposition::validate;
use wage_arrears::policy::Policy;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_clue_built_to_meet_its_conclusions_rules_has_no_violation(clue in clean_clue()) {
        let v = validate(&clue, &Policy::default());
        prop_assert!(v.is_clean(), "{:?}", v.violations);
        prop_assert_eq!(v.clue_id, clue.id);
    }

    #[test]
    fn one_violating_fact_adds_exactly_the_matching_violation(clue in clean_clue(), pick in any::<prop::sample::Index>()) {
        let policy = Policy::default();
        let breaks = breaks_for(&clue);
        let b = breaks[pick.index(breaks.len())];
        let mut broken = clue.clone();
        let rule = apply(b, &mut broken, &policy);
        let v = validate(&broken, &policy);
        prop_assert_eq!(v.rules(), vec![rule], "{:?}: {:?}", b, v.violations);
        prop_assert!(v.checked.contains(&rule));
    }

    #[test]
    fn validation_lists_each_rule_at_most_once_and_only_rules_it_checked(clue in any_clue(), policy in any_policy()) {
        let v = validate(&clue, &policy);
        let rules = v.rules();
        let mut unique = rules.clone();
        unique.dedup();
        prop_assert_eq!(&unique, &rules);
        prop_assert!(rules.iter().all(|r| v.checked.contains(r)));
        prop_assert!(v.violations.iter().all(|x| !x.message_zh.is_empty() && !x.message_en.is_empty()));
    }
}
