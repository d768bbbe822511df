//! The one-pass answers equal the answers they replace, on random ledgers and clues: every county at once
//! (`assess_all`, `kpis_by_county`, `spot_checks_by_county`, `self_reviews_by_county`) equals each county alone
//! (`assess_year`, `kpis`, `spot_check`, `self_review` of that county's clues), and one pass over a clue
//! (`evaluate`, `ClueFacts`) equals its status, escalation, validation, follow-ups and findings asked one by one.
//! Ledgers list some clues twice (identical copies count once) and some ids with two different records (refused).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use wage_arrears::campaign::{Campaign, campaign_misses};
use wage_arrears::facts::ClueFacts;
use wage_arrears::policy::FindingMonth;
use wage_arrears::review::{
    Month, Seed, self_review, self_reviews_by_county, self_reviews_by_county_for_months,
    spot_check, spot_checks_by_county, spot_checks_by_county_for_months,
};
use wage_arrears::scoring::{assess_all, assess_year, kpis, kpis_by_county};
use wage_arrears::strategies::{clean_clue, clue as any_clue, date as any_date, odd_policy};
use wage_arrears::{
    Clue, Conclusion, Error, Finding, FindingKind, Points, Policy, WorkCalendar, deadline,
    detect_findings, evaluate, explain, follow_ups, validate,
};

const COUNTIES: [&str; 5] = ["叶县", "郏县", "汝州市", "舞钢市", "新华区"];

fn day(start: NaiveDate, days: u64) -> NaiveDate {
    start.checked_add_days(Days::new(days)).unwrap_or(start)
}

/// Clues spread over the counties with unique ids; some listed again as identical copies and, when `conflicts`,
/// one id given a second, different record.
fn ledger(conflicts: bool) -> BoxedStrategy<Vec<Clue>> {
    (
        prop::collection::vec((some_clue(), 0..COUNTIES.len()), 0..40),
        prop::collection::vec(any::<prop::sample::Index>(), 0..4),
        prop::option::weighted(0.3, any::<prop::sample::Index>()),
        any::<prop::sample::Index>(),
    )
        .prop_map(move |(rows, copies, conflict, at)| {
            let mut clues: Vec<Clue> = rows
                .into_iter()
                .enumerate()
                .map(|(i, (mut c, county))| {
                    c.id = format!("PDS-{i:04}");
                    c.county = COUNTIES[county].to_owned();
                    c
                })
                .collect();
            if clues.is_empty() {
                return clues;
            }
            for i in copies {
                let copy = clues[i.index(clues.len())].clone();
                clues.insert(at.index(clues.len() + 1), copy);
            }
            if let Some(i) = conflict.filter(|_| conflicts) {
                let mut other = clues[i.index(clues.len())].clone();
                other.responsible.push_str("（另一条记录）");
                clues.push(other);
            }
            clues
        })
        .boxed()
}

/// Mostly clean clues (so that most ledgers compute), some with every field random; boxed, so that a vector of
/// them stays shallow on the stack of a debug build.
fn some_clue() -> BoxedStrategy<Clue> {
    prop_oneof![4 => clean_clue(&Policy::default()).boxed(), 1 => any_clue().boxed()].boxed()
}

/// Findings naming clues of the ledger (and some of counties with no clue), found around 2025, some listed twice.
fn findings_for(clues: &[Clue], picks: &[(usize, u8, u64, Option<u64>)]) -> Vec<Finding> {
    let mut out: Vec<Finding> = picks
        .iter()
        .filter_map(|&(i, kind, found, closed)| {
            let kind = FindingKind::try_from(kind).ok()?;
            let on = day(NaiveDate::from_ymd_opt(2024, 11, 1)?, found);
            let (county, id) = match clues.get(i) {
                Some(c) => (c.county.clone(), c.id.clone()),
                None => (COUNTIES[i % COUNTIES.len()].to_owned(), format!("X-{i}")),
            };
            let mut f = Finding::new(county, id, kind, on).with_responsible("王敏");
            f.clue_closed_on = closed.map(|c| day(on, c));
            Some(f)
        })
        .collect();
    if let Some(f) = out.first().cloned() {
        out.push(f);
    }
    out
}

fn picks() -> impl Strategy<Value = Vec<(usize, u8, u64, Option<u64>)>> {
    prop::collection::vec(
        (0usize..45, 1u8..=8, 0u64..500, prop::option::of(0u64..60)),
        0..40,
    )
}

/// The counties in the order the by-county functions list them.
fn counties_of(clues: &[Clue], findings: &[Finding]) -> BTreeSet<String> {
    clues
        .iter()
        .map(|c| c.county.clone())
        .chain(findings.iter().map(|f| f.county.clone()))
        .collect()
}

fn clues_of(clues: &[Clue], county: &str) -> Vec<Clue> {
    clues
        .iter()
        .filter(|c| c.county == county)
        .cloned()
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn assessing_every_county_in_one_pass_equals_assessing_each_county_alone(
        clues in ledger(false),
        picks in picks(),
        year in 2024i32..=2026,
        base in prop::collection::btree_map(0usize..COUNTIES.len(), prop::option::of(50i32..=100), 0..4),
        by_closing in any::<bool>(),
    ) {
        let findings = findings_for(&clues, &picks);
        let mut policy = Policy::default();
        policy.finding_month = if by_closing { FindingMonth::ClueClosed } else { FindingMonth::Discovered };
        let base: BTreeMap<&str, Option<Points>> =
            base.into_iter().map(|(c, p)| (COUNTIES[c], p.map(Points::whole))).collect();
        let all = assess_all(year, &base, &findings, &policy)?;

        // Every county it was told about, and every county with a finding counted in the year.
        let mut told: BTreeSet<&str> = base.keys().copied().collect();
        told.extend(
            findings
                .iter()
                .filter(|f| wage_arrears::scoring::counting_date(f, &policy).year() == year)
                .map(|f| f.county.as_str()),
        );
        prop_assert_eq!(all.iter().map(|s| s.county.as_str()).collect::<Vec<_>>(), told.iter().copied().collect::<Vec<_>>());
        for score in &all {
            let alone = assess_year(&score.county, year, base.get(score.county.as_str()).copied().flatten(), &findings, &policy)?;
            prop_assert_eq!(score, &alone);
        }
        // The same base scores as a plain map of owned names: the same answer.
        let owned: BTreeMap<String, Option<Points>> =
            base.iter().map(|(c, p)| ((*c).to_owned(), *p)).collect();
        prop_assert_eq!(assess_all(year, owned, &findings, &policy)?, all);
    }

    #[test]
    fn the_goals_of_every_county_in_one_pass_equal_each_county_s_own_goals(
        clues in ledger(true),
        picks in picks(),
        start in 0u64..700,
        len in 0u64..400,
        policy in prop_oneof![3 => Just(Policy::default()), 1 => odd_policy()],
    ) {
        let findings = findings_for(&clues, &picks);
        let cal = WorkCalendar::china();
        let from = day(NaiveDate::from_ymd_opt(2024, 6, 1).unwrap_or_default(), start);
        let to = day(from, len);
        let all = kpis_by_county(from, to, &clues, &findings, &policy, &cal);
        // Asked county by county, in order: the same goals, or the first county's error.
        let one_by_one: Result<BTreeMap<String, _>, Error> = counties_of(&clues, &findings)
            .into_iter()
            .map(|c| kpis(&c, from, to, &clues, &findings, &policy, &cal).map(|k| (c, k)))
            .collect();
        if clues.is_empty() && findings.is_empty() {
            // No county to ask: kpis_by_county still checks the policy.
            prop_assert_eq!(all.map(|m| m.len()), policy.validate().map(|()| 0));
        } else {
            prop_assert_eq!(all, one_by_one);
        }
    }

    #[test]
    fn each_county_s_spot_check_in_one_pass_equals_a_spot_check_of_that_county_s_clues(
        clues in ledger(true),
        month in 1u32..=12,
        seed in any::<[u8; 32]>(),
    ) {
        let seed = &Seed::from_bytes(seed);
        let month = Month::new(2025, month)?;
        let policy = Policy::default();
        let all = spot_checks_by_county(&clues, month, seed, &policy);
        let mut one_by_one = Vec::new();
        let mut first_error = None;
        for county in counties_of(&clues, &[]) {
            match spot_check(&clues_of(&clues, &county), month, seed, &policy) {
                Ok(check) if check.population > 0 => one_by_one.push(check),
                Ok(_) => {}
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        match all {
            Ok(all) => {
                prop_assert_eq!(first_error, None);
                prop_assert_eq!(all, one_by_one);
            }
            // A ledger with two different records under one id is refused whole, like `spot_check` refuses
            // the county whose clues hold them.
            Err(e) => {
                let refused = matches!(e, Error::ConflictingRecords { .. });
                prop_assert!(refused, "{e}");
                prop_assert_eq!(first_error, Some(e));
            }
        }
    }

    #[test]
    fn each_county_s_self_review_in_one_pass_equals_a_self_review_of_that_county_s_clues(
        clues in ledger(false),
        month in 1u32..=12,
    ) {
        let month = Month::new(2025, month)?;
        let all = self_reviews_by_county(&clues, month)?;
        let mut one_by_one = Vec::new();
        for county in counties_of(&clues, &[]) {
            let set = self_review(&clues_of(&clues, &county), month)?;
            if !set.clue_ids.is_empty() {
                one_by_one.push(set);
            }
        }
        prop_assert_eq!(all, one_by_one);
    }

    #[test]
    fn a_year_of_spot_checks_and_self_reviews_in_one_pass_equals_each_month_asked_alone(
        clues in ledger(true),
        months in prop::collection::vec((1u32..=12, any::<[u8; 32]>()), 0..14),
    ) {
        let policy = Policy::default();
        let seeds: Vec<(Month, Seed)> = months
            .iter()
            .filter_map(|&(m, seed)| Month::new(2025, m).ok().map(|m| (m, Seed::from_bytes(seed))))
            .collect();
        let draws: Vec<(Month, &Seed)> = seeds.iter().map(|(m, seed)| (*m, seed)).collect();
        let year = spot_checks_by_county_for_months(&clues, draws.iter().copied(), &policy);
        let one_by_one: Result<Vec<_>, Error> = draws
            .iter()
            .map(|&(m, seed)| spot_checks_by_county(&clues, m, seed, &policy))
            .collect::<Result<Vec<_>, _>>()
            .map(|months| months.into_iter().flatten().collect());
        if draws.is_empty() {
            // No month asked: still one merge of the ids, which may refuse the ledger.
            prop_assert_eq!(year.map(|v| v.len()), spot_checks_by_county(&clues, Month::new(2025, 1)?, &Seed::from_bytes([0; 32]), &policy).map(|_| 0));
        } else {
            prop_assert_eq!(year, one_by_one);
        }
        let months: Vec<Month> = draws.iter().map(|&(m, _)| m).collect();
        let sets = self_reviews_by_county_for_months(&clues, months.iter().copied());
        let one_by_one: Result<Vec<_>, Error> = months
            .iter()
            .map(|&m| self_reviews_by_county(&clues, m))
            .collect::<Result<Vec<_>, _>>()
            .map(|months| months.into_iter().flatten().collect());
        if !months.is_empty() {
            prop_assert_eq!(sets, one_by_one);
        }
    }

    #[test]
    fn campaign_misses_do_not_depend_on_the_order_of_the_ledger(
        clues in ledger(false),
        as_of in 0u64..200,
    ) {
        let campaign = Campaign::luoyang_winter_2023();
        let cal = WorkCalendar::china();
        let as_of = day(NaiveDate::from_ymd_opt(2023, 11, 1).unwrap_or_default(), as_of);
        let mut reversed = clues.clone();
        reversed.reverse();
        let misses = campaign_misses(&campaign, &clues, as_of, &cal);
        prop_assert_eq!(&misses, &campaign_misses(&campaign, &reversed, as_of, &cal));
        if let Ok(misses) = misses {
            let ids: Vec<&str> = misses.iter().map(|m| m.clue_id.as_str()).collect();
            let mut sorted = ids.clone();
            sorted.sort_unstable();
            prop_assert_eq!(ids, sorted);
        }
    }

    #[test]
    fn evaluating_a_clue_in_one_pass_equals_its_status_escalation_validation_follow_ups_and_findings(
        clue in some_clue(),
        as_of in any_date(),
        policy in prop_oneof![2 => Just(Policy::default()), 1 => odd_policy()],
    ) {
        let cal = WorkCalendar::china();
        let status = deadline::status(&clue, &policy, &cal, as_of);
        let owed = follow_ups(&clue, &policy, &cal, as_of);
        let found = detect_findings(&clue, &policy, &cal, as_of);
        match evaluate(&clue, &policy, &cal, as_of) {
            Ok(e) => {
                prop_assert_eq!(Ok(e.status), status);
                prop_assert_eq!(e.escalation, deadline::escalation(&clue, &policy));
                prop_assert_eq!(e.validation, validate(&clue, &policy));
                prop_assert_eq!(Ok(e.follow_ups), owed);
                prop_assert_eq!(Ok(e.findings), found);
            }
            // The first error of the three, in that order.
            Err(e) => {
                let first = status.err().or(owed.err()).or(found.err());
                prop_assert_eq!(Some(e), first);
            }
        }
        // The facts asked one reading at a time give the same answers as the functions.
        if let Ok(facts) = ClueFacts::derive(&clue, &policy, &cal, as_of) {
            prop_assert_eq!(facts.deadlines(), deadline::deadlines(&clue, &policy, &cal));
            prop_assert_eq!(facts.status(), deadline::status(&clue, &policy, &cal, as_of));
            prop_assert_eq!(facts.follow_ups(), follow_ups(&clue, &policy, &cal, as_of));
            prop_assert_eq!(facts.findings(), detect_findings(&clue, &policy, &cal, as_of));
        }
    }

    #[test]
    fn an_explanation_reads_the_same_pass_as_the_functions_it_gathers(
        clue in clean_clue(&Policy::default()),
        as_of in 0u64..700,
    ) {
        let (policy, cal) = (Policy::default(), WorkCalendar::china());
        let as_of = day(clue.registered_on, as_of);
        if let Ok(e) = explain(&clue, &policy, &cal, as_of) {
            let eval = evaluate(&clue, &policy, &cal, as_of)?;
            prop_assert_eq!(e.card, eval.status.card);
            prop_assert_eq!(e.escalation, eval.escalation);
            prop_assert_eq!(e.follow_ups, eval.follow_ups);
            prop_assert_eq!(e.findings, eval.findings);
            let held: Vec<_> = e.checks.iter().filter(|c| !c.held).map(|c| c.rule).collect();
            prop_assert_eq!(held, eval.validation.rules());
        }
    }
}

#[test]
fn a_county_given_two_different_base_scores_is_refused_and_one_given_the_same_score_twice_counts_once()
 {
    let on = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap_or_default();
    let findings = [Finding::new("叶县", "A", FindingKind::Falsified, on)];
    let twice = [("叶县", Points::whole(90)), ("叶县", Points::whole(90))];
    let all = assess_all(2025, twice, &findings, &Policy::default());
    assert_eq!(all.map(|s| s.len()), Ok(1));
    let conflicting = [
        ("叶县", Points::whole(90)),
        ("郏县", Points::whole(80)),
        ("叶县", Points::whole(95)),
    ];
    assert_eq!(
        assess_all(2025, conflicting, &findings, &Policy::default()),
        Err(Error::ConflictingBaseScores {
            counties: vec!["叶县".to_owned()]
        })
    );
}

#[test]
fn a_county_with_a_base_score_and_no_finding_is_still_assessed() {
    let base = std::collections::HashMap::from([("宝丰县", Points::whole(100))]);
    let all = assess_all(2025, &base, &[], &Policy::default()).unwrap_or_default();
    let rows: Vec<(&str, usize, Option<Points>)> = all
        .iter()
        .map(|s| (s.county.as_str(), s.count(), s.score))
        .collect();
    assert_eq!(rows, [("宝丰县", 0, Some(Points::whole(100)))]);
}

#[test]
fn the_goals_of_a_county_named_only_by_a_finding_are_empty_ratios() {
    let on = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap_or_default();
    let findings = [Finding::new("鲁山县", "X", FindingKind::Falsified, on)];
    let (policy, cal) = (Policy::default(), WorkCalendar::china());
    let all = kpis_by_county(on, on, &[], &findings, &policy, &cal).unwrap_or_default();
    assert_eq!(all.keys().collect::<Vec<_>>(), ["鲁山县"]);
    assert_eq!(
        all.get("鲁山县"),
        kpis("鲁山县", on, on, &[], &findings, &policy, &cal)
            .ok()
            .as_ref()
    );
    assert!(all.values().flatten().all(|k| k.ratio.denominator == 0));
    let closed_code5 = |id: &str| {
        let mut c = Clue::new(id, wage_arrears::Source::OnSite, "鲁山县", on);
        c.closed_on = Some(on);
        c.conclusion = Some(Conclusion::Coordinated);
        c
    };
    let both = kpis_by_county(on, on, &[closed_code5("A")], &findings, &policy, &cal);
    assert_eq!(both.map(|m| m.len()), Ok(1));
}
