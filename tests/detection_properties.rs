//! Properties of finding detection: a finding is never dated after the day asked about, is the very same record
//! (day and note) when the clue is read later, and carries its kind's rule; finding 6 shows exactly when a
//! submission after a format reminder is still irregular; no clue or policy makes detection panic.
//!
//! The clues come from the crate's exported generators (`wage_arrears::strategies`, feature `proptest`).

mod disposition_common;

use chrono::{Days, NaiveDate};
use disposition_common::{cal, d};
use proptest::prelude::*;
use wage_arrears::detection::detect_findings;
use wage_arrears::finding::FindingKind;
use wage_arrears::model::Conclusion;
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
                // Read later it is the very same record (only the clue's closing day may have been filled in), so a
                // county listing both reads counts it once.
                prop_assert!(
                    b.iter().any(|g| g.kind == f.kind && g.found_on == f.found_on && g.note == f.note && g.responsible == f.responsible),
                    "{:?} changed by {}", f, late
                );
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

/// Submissions of a clean code-1 clue from 2025-03-14, a few days apart, each irregular or not and carrying a
/// reviewer's format reminder a few days later or not.
fn submissions() -> impl Strategy<Value = Vec<(u64, bool, Option<u64>)>> {
    prop::collection::vec((1u64..6, any::<bool>(), prop::option::of(0u64..8)), 1..6)
}

proptest! {
    #[test]
    fn finding_six_shows_exactly_when_a_submission_made_after_a_format_reminder_is_still_irregular(
        rows in submissions(),
        asked in 0u64..60,
    ) {
        let mut clue = disposition_common::clean(Conclusion::FiledPaid);
        let mut day = d(2025, 3, 13);
        clue.submissions = rows
            .iter()
            .map(|&(gap, irregular, reminder)| {
                day = day.checked_add_days(Days::new(gap)).unwrap_or(day);
                let mut s = disposition_common::submitted(day);
                s.revised = true;
                s.irregular_format = irregular;
                s.format_reminder_on = reminder.and_then(|r| day.checked_add_days(Days::new(r)));
                s
            })
            .collect();
        let as_of = d(2025, 3, 14).checked_add_days(Days::new(asked)).unwrap_or(day);
        // The oracle: the earliest reminder on record, and the first submission after it still irregular.
        let first_reminder = clue
            .submissions
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.format_reminder_on.filter(|&r| r <= as_of).map(|r| (r, i)))
            .min();
        let expected = first_reminder.and_then(|(r, i)| {
            clue.submissions
                .iter()
                .skip(i + 1)
                .filter(|s| s.irregular_format && s.submitted_on > r && s.submitted_on <= as_of)
                .map(|s| s.submitted_on)
                .min()
        });
        let found: Vec<NaiveDate> = detect_findings(&clue, &Policy::default(), &cal(), as_of)
            .unwrap()
            .into_iter()
            .filter(|f| f.kind == FindingKind::FormatNotCorrected)
            .map(|f| f.found_on)
            .collect();
        prop_assert_eq!(found, expected.into_iter().collect::<Vec<_>>());
    }
}
