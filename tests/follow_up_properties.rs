//! Properties of follow-ups: never due before the fact that causes them, caused only by facts known on the day
//! asked about, each with its kind's rule; no clue or policy makes them panic.
//!
//! The clues come from the crate's exported generators (`wage_arrears::strategies`, feature `proptest`).

mod disposition_common;

use chrono::{Days, NaiveDate};
use disposition_common::{cal, d};
use proptest::prelude::*;
use wage_arrears::follow_up::follow_ups;
use wage_arrears::policy::Policy;
use wage_arrears::strategies::{clean_clue, clue, date, odd_policy};

fn day_in_2025_2026() -> impl Strategy<Value = NaiveDate> {
    (0u64..730).prop_map(|n| {
        d(2025, 1, 1)
            .checked_add_days(Days::new(n))
            .unwrap_or(d(2025, 1, 1))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_follow_up_is_never_due_before_the_fact_that_causes_it(clue in clean_clue(&Policy::default()), as_of in day_in_2025_2026()) {
        let calendar = cal();
        if let Ok(list) = follow_ups(&clue, &Policy::default(), &calendar, as_of) {
            for f in &list {
                prop_assert!(f.due >= f.because, "{:?}", f);
                prop_assert!(f.because <= as_of, "caused by a fact not yet known: {:?}", f);
                prop_assert_eq!(f.rule, f.kind.rule());
                prop_assert_eq!(&f.clue_id, &clue.id);
                prop_assert!(!f.to_string().contains('\n'));
            }
            prop_assert!(list.windows(2).all(|w| w[0].due <= w[1].due));
        }
    }

    #[test]
    fn even_odd_clues_and_policies_never_bring_a_follow_up_due_before_its_cause(
        clue in clue(),
        policy in odd_policy(),
        as_of in date(),
    ) {
        let calendar = cal();
        if let Ok(list) = follow_ups(&clue, &policy, &calendar, as_of) {
            prop_assert!(list.iter().all(|f| f.due >= f.because && f.because <= as_of), "{:?}", list);
        }
    }
}
