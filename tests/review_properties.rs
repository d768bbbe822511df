//! Properties of the spot check (R-REV-1, R-REV-2) and the self-review (R-REV-3), over arbitrary months of clues.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use proptest::prelude::*;
use wage_arrears::review::{
    Month, Seed, self_review, spot_check, spot_checks_by_county, verify_spot_check,
};
use wage_arrears::{Clue, Conclusion, Policy, Rate, Source};

const COUNTIES: [&str; 3] = ["叶县", "郏县", "汝州市"];

/// Clues with distinct ids, closed between February and April 2025 (March is checked), any conclusion.
fn clues() -> impl Strategy<Value = Vec<Clue>> {
    prop::collection::vec((0u32..90, 1u8..=10, 0usize..3), 0..120).prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (day, code, county))| {
                let closed_on = NaiveDate::from_ymd_opt(2025, 2, 1)
                    .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(day))))
                    .expect("a 2025 date");
                let mut c = Clue::new(
                    format!("PDS-{i:05}"),
                    Source::GovCnMessage,
                    COUNTIES[county],
                    closed_on,
                );
                c.closed_on = Some(closed_on);
                c.conclusion = Conclusion::try_from(code).ok();
                c
            })
            .collect()
    })
}

fn march() -> Month {
    Month::new(2025, 3).expect("March 2025")
}

fn in_march(clues: &[Clue]) -> (BTreeSet<String>, BTreeSet<String>) {
    let m = march();
    let (five, others): (Vec<&Clue>, Vec<&Clue>) = clues
        .iter()
        .filter(|c| c.closed_on.is_some_and(|d| m.contains(d)))
        .partition(|c| c.conclusion == Some(Conclusion::Coordinated));
    (
        five.iter().map(|c| c.id.clone()).collect(),
        others.iter().map(|c| c.id.clone()).collect(),
    )
}

proptest! {
    #[test]
    fn the_spot_check_holds_every_code_5_clue_and_exactly_five_percent_rounded_up_of_the_others(
        clues in clues(),
        seed in any::<[u8; 32]>().prop_map(Seed::from_bytes),
    ) {
        let p = Policy::default();
        let check = spot_check(&clues, march(), &seed, &p).unwrap();
        let (five, others) = in_march(&clues);
        prop_assert_eq!(check.code5.iter().cloned().collect::<BTreeSet<_>>(), five);
        let expected = usize::try_from(Rate::percent(5).ceil_of(u64::try_from(others.len()).unwrap()).unwrap()).unwrap();
        prop_assert_eq!(check.sampled.len(), expected);
        prop_assert_eq!(check.others, others.len());
        prop_assert!(check.sampled.iter().all(|id| others.contains(id)));
        prop_assert_eq!(check.sampled.iter().collect::<BTreeSet<_>>().len(), expected);
    }

    #[test]
    fn the_spot_check_does_not_depend_on_input_order_or_duplicates(
        (clues, shuffled) in clues().prop_flat_map(|c| (Just(c.clone()), Just(c).prop_shuffle())),
        dup in 0usize..10,
        seed in any::<[u8; 32]>().prop_map(Seed::from_bytes),
    ) {
        let p = Policy::default();
        let mut shuffled = shuffled;
        shuffled.extend(clues.iter().take(dup).cloned());
        prop_assert_eq!(
            spot_check(&clues, march(), &seed, &p).unwrap(),
            spot_check(&shuffled, march(), &seed, &p).unwrap()
        );
        prop_assert_eq!(
            spot_checks_by_county(&clues, march(), &seed, &p).unwrap(),
            spot_checks_by_county(&shuffled, march(), &seed, &p).unwrap()
        );
        prop_assert_eq!(self_review(&clues, march()), self_review(&shuffled, march()));
    }

    #[test]
    fn each_county_s_check_holds_its_code_5_clues_and_at_least_one_other_when_it_has_any(
        clues in clues(),
        seed in any::<[u8; 32]>().prop_map(Seed::from_bytes),
    ) {
        let checks = spot_checks_by_county(&clues, march(), &seed, &Policy::default()).unwrap();
        let all5: usize = checks.iter().map(|c| c.code5.len()).sum();
        prop_assert_eq!(all5, in_march(&clues).0.len());
        for c in &checks {
            prop_assert!(c.county.is_some());
            prop_assert_eq!(c.sampled.is_empty(), c.others == 0);
        }
    }

    #[test]
    fn every_check_verifies_with_its_seed_and_no_other_seed_opens_its_commitment(
        clues in clues(),
        seed in any::<[u8; 32]>().prop_map(Seed::from_bytes),
        other in any::<[u8; 32]>().prop_map(Seed::from_bytes),
    ) {
        let p = Policy::default();
        let check = spot_check(&clues, march(), &seed, &p).unwrap();
        prop_assert_eq!(verify_spot_check(&check, &clues, &seed, &seed.commitment(), &p), Ok(()));
        for c in spot_checks_by_county(&clues, march(), &seed, &p).unwrap() {
            prop_assert_eq!(verify_spot_check(&c, &clues, &seed, &seed.commitment(), &p), Ok(()));
        }
        if other != seed {
            let refused = matches!(
                verify_spot_check(&check, &clues, &other, &seed.commitment(), &p),
                Err(wage_arrears::Error::SeedCommitmentMismatch { .. })
            );
            prop_assert!(refused);
        }
    }

    #[test]
    fn the_self_review_is_exactly_the_code_5_clues_closed_in_the_month(clues in clues()) {
        let set = self_review(&clues, march()).unwrap();
        prop_assert_eq!(set.clue_ids.into_iter().collect::<BTreeSet<_>>(), in_march(&clues).0);
    }
}
