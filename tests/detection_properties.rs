//! Properties of finding detection: a finding is never dated after the day asked about, keeps its day as the
//! record is read later, and carries its kind's rule; no clue or policy makes detection panic.
//!
//! The clues come from the crate's exported generators (`wage_arrears::strategies`, feature `proptest`).

mod disposition_common;

use chrono::{Days, NaiveDate};
use disposition_common::{cal, d};
use proptest::prelude::*;
use wage_arrears::detection::detect_findings;
use wage_arrears::finding::FindingKind;
use wage_arrears::policy::Policy;
use wage_arrears::strategies::{broken_clue, clue, date, odd_policy};

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
    fn a_finding_is_dated_no_later_than_the_day_asked_and_keeps_its_day_when_read_later(
        (_, clue) in broken_clue(&Policy::default()),
        early in day_in_2025_2026(),
        later in 0u64..200,
    ) {
        let policy = Policy::default();
        let calendar = cal();
        let late = early.checked_add_days(Days::new(later)).unwrap_or(early).min(d(2026, 12, 31));
        if let (Ok(a), Ok(b)) = (
            detect_findings(&clue, &policy, &calendar, early),
            detect_findings(&clue, &policy, &calendar, late),
        ) {
            for f in &a {
                prop_assert!(f.found_on <= early);
                prop_assert_eq!(f.rule, f.kind.rule());
                prop_assert!(f.kind.detectable_from_record());
                prop_assert!(b.iter().any(|g| g.kind == f.kind && g.found_on == f.found_on), "{:?} lost by {}", f, late);
            }
            let kinds: Vec<FindingKind> = b.iter().map(|f| f.kind).collect();
            let mut unique = kinds.clone();
            unique.dedup();
            prop_assert_eq!(unique, kinds, "one finding per kind and clue");
        }
    }

    #[test]
    fn odd_clues_and_policies_never_make_detection_panic_nor_date_a_finding_after_the_day_asked(
        clue in clue(),
        policy in odd_policy(),
        as_of in date(),
    ) {
        let calendar = cal();
        if let Ok(found) = detect_findings(&clue, &policy, &calendar, as_of) {
            prop_assert!(found.iter().all(|f| f.found_on <= as_of));
        }
    }
}
