//! Properties of the county's goals (R-KPI-1..5) over arbitrary clues, findings, periods and policies.
//!
//! The ledgers come from the crate's exported generators (`wage_arrears::strategies`, feature `proptest`), whose
//! ids are distinct: two different records under one id are refused, so a generator that repeats an id would make
//! these properties fail at random.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use wage_arrears::scoring::kpis;
use wage_arrears::strategies::{clue, ledger, odd_policy};
use wage_arrears::{Clue, Finding, Policy, RuleId, WorkCalendar};

/// A ledger of 叶县: mostly plausible clues (clean, open or with a defect), a few with every field random, every id
/// distinct; and findings naming them.
fn ledger_of_one_county() -> impl Strategy<Value = (Vec<Clue>, Vec<Finding>)> {
    (ledger(), prop::collection::vec(clue(), 0..4)).prop_map(|((clues, findings), odd)| {
        let odd = odd.into_iter().enumerate().map(|(i, mut c)| {
            c.id = format!("ODD-{i}");
            c
        });
        let clues = clues
            .into_iter()
            .chain(odd)
            .map(|mut c| {
                c.county = "叶县".into();
                c
            })
            .collect();
        let findings = findings
            .into_iter()
            .map(|mut f| {
                f.county = "叶县".into();
                f
            })
            .collect();
        (clues, findings)
    })
}

/// A period inside 2024–2026 (its end possibly before its start).
fn period() -> impl Strategy<Value = (NaiveDate, NaiveDate)> {
    (0u64..1_000, 0u64..400).prop_map(|(start, len)| {
        let first = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
        let from = first.checked_add_days(Days::new(start)).unwrap_or(first);
        let to = from.checked_add_days(Days::new(len)).unwrap_or(from);
        (from, to)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_ratio_has_its_numerator_within_its_denominator_and_is_met_exactly_when_it_meets_its_goal(
        (cs, fs) in ledger_of_one_county(),
        (from, to) in period(),
        policy in prop_oneof![3 => Just(Policy::default()), 1 => odd_policy()],
    ) {
        let cal = WorkCalendar::china();
        // Errors (a clue outside the calendar, an invalid policy) are fine; a panic is not.
        if let Ok(k) = kpis("叶县", from, to, &cs, &fs, &policy, &cal) {
            let rules: Vec<RuleId> = k.iter().map(|k| k.rule).collect();
            prop_assert_eq!(rules, [
                RuleId::KpiAcceptance,
                RuleId::KpiEffectiveHandling,
                RuleId::KpiCode5Review,
                RuleId::KpiRegistration,
                RuleId::KpiClosure,
            ]);
            for kpi in &k {
                prop_assert!(kpi.ratio.numerator <= kpi.ratio.denominator, "{}", kpi);
                prop_assert_eq!(kpi.met, kpi.ratio.meets(kpi.goal), "{}", kpi);
            }
            let registered = cs
                .iter()
                .filter(|c| from <= c.registered_on && c.registered_on <= to)
                .count() as u64;
            prop_assert_eq!(k[3].ratio.numerator, registered);
            prop_assert_eq!(k[3].ratio.denominator, registered);
        }
    }

    #[test]
    fn the_goals_do_not_depend_on_the_order_of_the_clues((distinct, _) in ledger_of_one_county(), (from, to) in period()) {
        let mut reversed = distinct.clone();
        reversed.reverse();
        let (p, cal) = (Policy::default(), WorkCalendar::china());
        prop_assert_eq!(
            kpis("叶县", from, to, &distinct, &[], &p, &cal),
            kpis("叶县", from, to, &reversed, &[], &p, &cal)
        );
    }

    #[test]
    fn a_period_that_ends_before_it_starts_is_always_refused((from, to) in period()) {
        let r = kpis("叶县", to, from, &[], &[], &Policy::default(), &WorkCalendar::china());
        prop_assert_eq!(r.is_err(), from < to);
    }
}
