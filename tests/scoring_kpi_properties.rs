//! Properties of the county's goals (R-KPI-1..5) over arbitrary clues, findings, periods and policies.

mod disposition_common;

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use disposition_common::strategies::{any_clue, any_policy, clean_clue};
use proptest::prelude::*;
use wage_arrears::scoring::kpis;
use wage_arrears::{Clue, Finding, FindingKind, Policy, RuleId, WorkCalendar};

/// Clues of 叶县: mostly built to meet their rules (so that most periods compute), some with every field random.
fn clues() -> impl Strategy<Value = Vec<Clue>> {
    prop::collection::vec(prop_oneof![4 => clean_clue(), 1 => any_clue()], 0..40).prop_map(|cs| {
        cs.into_iter()
            .map(|mut c| {
                c.county = "叶县".into();
                c
            })
            .collect()
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

/// Findings naming some of the clues.
fn findings_for(cs: &[Clue], picks: &[(usize, u8, u64)]) -> Vec<Finding> {
    picks
        .iter()
        .filter_map(|(i, kind, day)| {
            let c = cs.get(i % cs.len().max(1))?;
            let kind = FindingKind::try_from(*kind).ok()?;
            let on = c.registered_on.checked_add_days(Days::new(*day))?;
            Some(Finding::new(c.county.clone(), c.id.clone(), kind, on))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_ratio_has_its_numerator_within_its_denominator_and_is_met_exactly_when_it_meets_its_goal(
        cs in clues(),
        picks in prop::collection::vec((0usize..40, 1u8..=8, 0u64..120), 0..10),
        (from, to) in period(),
        policy in prop_oneof![3 => Just(Policy::default()), 1 => any_policy()],
    ) {
        let fs = findings_for(&cs, &picks);
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
            // Each id once, its first copy.
            let mut seen = BTreeSet::new();
            let registered = cs
                .iter()
                .filter(|c| seen.insert(c.id.as_str()))
                .filter(|c| from <= c.registered_on && c.registered_on <= to)
                .count() as u64;
            prop_assert_eq!(k[3].ratio.numerator, registered);
            prop_assert_eq!(k[3].ratio.denominator, registered);
        }
    }

    #[test]
    fn the_goals_do_not_depend_on_the_order_of_the_clues(cs in clues(), (from, to) in period()) {
        let mut seen = BTreeSet::new();
        let distinct: Vec<Clue> = cs.into_iter().filter(|c| seen.insert(c.id.clone())).collect();
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
