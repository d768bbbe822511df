//! A ledger indexed once (`rollup::LedgerIndex`) answers every rollup exactly as the per-county functions do, on
//! random ledgers: the goals of each county (`kpis`), each county's spot check and self-review (`spot_check`,
//! `self_review` of that county's clues), the campaign's misses (`campaign_misses` of each county's clues), and
//! the same errors — two different records under one id refused with every such id in id order, a clue that
//! fails its check named as the first in id order (in the first county that has one, for the goals). Ledgers list
//! some clues twice (identical copies count once), some ids with two different records, and some clues closed
//! or accepted before they were registered.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use wage_arrears::campaign::{Campaign, campaign_misses};
use wage_arrears::review::{
    Month, Seed, self_review, self_reviews_by_county, self_reviews_by_county_for_months,
    spot_check, spot_checks_by_county, spot_checks_by_county_for_months,
};
use wage_arrears::rollup::LedgerIndex;
use wage_arrears::scoring::{kpis, kpis_by_county};
use wage_arrears::strategies::{clean_clue, clue as any_clue, odd_policy};
use wage_arrears::{
    Clue, Error, Finding, FindingKind, Investigation, Policy, WorkCalendar, distinct_by_id,
};

const COUNTIES: [&str; 6] = ["叶县", "郏县", "汝州市", "舞钢市", "新华区", "叶县#0001"];

fn day(start: NaiveDate, days: u64) -> NaiveDate {
    start.checked_add_days(Days::new(days)).unwrap_or(start)
}

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 6, 1).unwrap_or_default()
}

/// What to do to one row of a ledger.
#[derive(Debug, Clone)]
enum Twist {
    None,
    /// Closed the day before it was registered: fails `Clue::check`.
    ClosedBeforeRegistered,
    /// Arrears verified some days after registration (a campaign's clue).
    Verified(u64),
}

fn twist() -> impl Strategy<Value = Twist> {
    prop_oneof![
        6 => Just(Twist::None),
        1 => Just(Twist::ClosedBeforeRegistered),
        3 => (0u64..60).prop_map(Twist::Verified),
    ]
}

/// Clues spread over the counties in random order, with ids in random order; some listed again as identical
/// copies, some (when `conflicts`) given a second, different record, some broken (`Twist`).
fn ledger(conflicts: bool, broken: bool) -> BoxedStrategy<Vec<Clue>> {
    (
        prop::collection::vec(
            (some_clue(), 0..COUNTIES.len(), twist(), 0u32..10_000),
            0..50,
        ),
        prop::collection::vec(any::<prop::sample::Index>(), 0..5),
        prop::collection::vec(any::<prop::sample::Index>(), 0..3),
        any::<prop::sample::Index>(),
    )
        .prop_map(move |(rows, copies, conflict, at)| {
            let mut clues: Vec<Clue> = rows
                .into_iter()
                .enumerate()
                .map(|(i, (mut c, county, twist, tag))| {
                    c.id = format!("PDS-{tag:04}-{i}");
                    c.county = COUNTIES[county].to_owned();
                    match twist {
                        Twist::ClosedBeforeRegistered if broken => {
                            c.closed_on = c.registered_on.pred_opt();
                        }
                        Twist::Verified(after) => {
                            c.investigation = Some(Investigation {
                                on: day(c.registered_on, after),
                                arrears_verified: true,
                                employer_refuses: false,
                                record: "工资表核实欠薪".into(),
                            });
                        }
                        _ => {}
                    }
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
            if conflicts {
                for i in conflict {
                    let mut other = clues[i.index(clues.len())].clone();
                    other.responsible.push_str("（另一条记录）");
                    clues.insert(at.index(clues.len() + 1), other);
                }
            }
            clues
        })
        .boxed()
}

/// Mostly clean clues registered around 2023–2025, some with every field random.
fn some_clue() -> BoxedStrategy<Clue> {
    prop_oneof![
        4 => (clean_clue(&Policy::default()), 0u64..900).prop_map(|(mut c, shift)| {
            // Moved so that the campaign of winter 2023 and the year 2025 both see clues.
            let by = day(start(), shift).signed_duration_since(c.registered_on).num_days();
            c.registered_on = moved(c.registered_on, by);
            c.accepted_on = c.accepted_on.map(|d| moved(d, by));
            c.closed_on = c.closed_on.map(|d| moved(d, by));
            c.reviewed_on = c.reviewed_on.map(|d| moved(d, by));
            c
        }).boxed(),
        1 => any_clue().boxed(),
    ]
    .boxed()
}

fn moved(d: NaiveDate, by: i64) -> NaiveDate {
    d.checked_add_signed(chrono::TimeDelta::days(by))
        .unwrap_or(d)
}

/// Findings naming clues of the ledger (some in another county than the clue's, some of counties with no clue).
fn findings_for(clues: &[Clue], picks: &[(usize, u8, u64, bool)]) -> Vec<Finding> {
    picks
        .iter()
        .filter_map(|&(i, kind, found, elsewhere)| {
            let kind = FindingKind::try_from(kind).ok()?;
            let on = day(start(), found);
            let (county, id) = match clues.get(i) {
                Some(c) if elsewhere => (COUNTIES[i % COUNTIES.len()].to_owned(), c.id.clone()),
                Some(c) => (c.county.clone(), c.id.clone()),
                None => (format!("鲁山县{}", i % 3), format!("X-{i}")),
            };
            Some(Finding::new(county, id, kind, on))
        })
        .collect()
}

fn picks() -> impl Strategy<Value = Vec<(usize, u8, u64, bool)>> {
    prop::collection::vec(
        (0usize..60, 1u8..=8, 0u64..900, prop::bool::weighted(0.2)),
        0..30,
    )
}

fn counties_of(clues: &[Clue]) -> BTreeSet<String> {
    clues.iter().map(|c| c.county.clone()).collect()
}

fn clues_of(clues: &[Clue], county: &str) -> Vec<Clue> {
    clues
        .iter()
        .filter(|c| c.county == county)
        .cloned()
        .collect()
}

/// The error a rollup must name for clues that fail their check: the first distinct clue in id order that fails.
fn first_failing(clues: &[Clue]) -> Result<Option<Error>, Error> {
    Ok(distinct_by_id(clues)?
        .into_iter()
        .find_map(|c| c.check().err()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    #[test]
    fn an_index_holds_one_record_per_id_and_refuses_what_distinct_by_id_refuses(
        clues in ledger(true, true),
    ) {
        match (LedgerIndex::new(&clues), distinct_by_id(&clues)) {
            (Ok(index), Ok(distinct)) => {
                prop_assert_eq!(index.len(), distinct.len());
                prop_assert_eq!(index.is_empty(), distinct.is_empty());
                let mut listed: Vec<&Clue> = index.clues().collect();
                listed.sort_unstable_by(|a, b| a.id.cmp(&b.id));
                prop_assert_eq!(&listed, &distinct);
                for c in &distinct {
                    prop_assert_eq!(index.clue(&c.id), Some(*c));
                }
                prop_assert_eq!(index.clue("不存在的线索"), None);
                let counties: Vec<String> = index.counties().iter().map(|c| (*c).to_owned()).collect();
                prop_assert_eq!(counties, counties_of(&clues).into_iter().collect::<Vec<_>>());
                prop_assert_eq!(index.ledger().len(), clues.len());
            }
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            (a, b) => prop_assert!(false, "index {:?} but distinct_by_id {:?}", a.map(|i| i.len()), b.map(|d| d.len())),
        }
    }

    #[test]
    fn the_goals_read_from_the_index_equal_each_county_s_own_goals_or_the_first_county_s_error(
        clues in ledger(true, true),
        picks in picks(),
        from in 0u64..900,
        len in 0u64..500,
        policy in prop_oneof![3 => Just(Policy::default()), 1 => odd_policy()],
    ) {
        let findings = findings_for(&clues, &picks);
        let cal = WorkCalendar::china();
        let from = day(start(), from);
        let to = day(from, len);
        let mut counties = counties_of(&clues);
        counties.extend(findings.iter().map(|f| f.county.clone()));
        let one_by_one: Result<std::collections::BTreeMap<String, _>, Error> = counties
            .iter()
            .map(|c| kpis(c, from, to, &clues, &findings, &policy, &cal).map(|k| (c.clone(), k)))
            .collect();
        let free = kpis_by_county(from, to, &clues, &findings, &policy, &cal);
        match LedgerIndex::new(&clues) {
            Ok(index) => {
                let indexed = index.kpis_by_county(from, to, &findings, &policy, &cal);
                prop_assert_eq!(&indexed, &free);
                if !counties.is_empty() {
                    prop_assert_eq!(indexed, one_by_one);
                }
            }
            Err(e) => {
                let refused = matches!(e, Error::ConflictingRecords { .. });
                prop_assert!(refused, "{}", e);
                // The free function checks the policy and the period first, then refuses the ledger.
                if policy.validate().is_ok() {
                    prop_assert_eq!(free, Err(e));
                }
            }
        }
    }

    #[test]
    fn a_year_of_spot_checks_and_self_reviews_read_from_the_index_equal_each_county_s_own(
        clues in ledger(true, true),
        months in prop::collection::vec((0u64..30, any::<[u8; 32]>()), 0..14),
        policy in prop_oneof![3 => Just(Policy::default()), 1 => odd_policy()],
    ) {
        let seeds: Vec<(Month, Seed)> = months
            .iter()
            .map(|&(m, seed)| (Month::of(day(start(), m * 30)), Seed::from_bytes(seed)))
            .collect();
        let draws: Vec<(Month, &Seed)> = seeds.iter().map(|(m, seed)| (*m, seed)).collect();
        let index = match LedgerIndex::new(&clues) {
            Ok(index) => index,
            Err(e) => {
                // Refused as the free functions refuse it.
                let months = draws.iter().map(|&(m, _)| m);
                prop_assert_eq!(self_reviews_by_county_for_months(&clues, months), Err(e.clone()));
                if policy.validate().is_ok() {
                    prop_assert_eq!(spot_checks_by_county_for_months(&clues, draws.iter().copied(), &policy), Err(e));
                }
                return Ok(());
            }
        };
        // Each month, each county with a clue closed in it: the spot check of that county's clues alone.
        let mut one_by_one = Vec::new();
        let mut first_error = policy.validate().err();
        for &(month, seed) in &draws {
            for county in counties_of(&clues) {
                let mine = clues_of(&clues, &county);
                if !mine.iter().any(|c| c.closed_on.is_some_and(|d| month.contains(d))) {
                    continue;
                }
                match spot_check(&mine, month, seed, &policy) {
                    Ok(check) => one_by_one.push(check),
                    Err(e) => {
                        first_error.get_or_insert(e);
                    }
                }
            }
        }
        let indexed = index.spot_checks_by_county_for_months(draws.iter().copied(), &policy);
        prop_assert_eq!(&indexed, &spot_checks_by_county_for_months(&clues, draws.iter().copied(), &policy));
        match (indexed, first_error) {
            (Ok(all), None) => prop_assert_eq!(all, one_by_one),
            (Err(e), Some(first)) => prop_assert_eq!(e, first),
            (a, b) => prop_assert!(false, "index {:?}, one by one {:?}", a.map(|v| v.len()), b),
        }
        for &(month, seed) in &draws {
            prop_assert_eq!(
                index.spot_checks_by_county(month, seed, &policy),
                spot_checks_by_county(&clues, month, seed, &policy)
            );
        }

        let months: Vec<Month> = draws.iter().map(|&(m, _)| m).collect();
        let mut sets = Vec::new();
        for &month in &months {
            for county in counties_of(&clues) {
                let set = self_review(&clues_of(&clues, &county), month)?;
                if !set.clue_ids.is_empty() {
                    sets.push(set);
                }
            }
            prop_assert_eq!(index.self_reviews_by_county(month)?, self_reviews_by_county(&clues, month)?);
        }
        prop_assert_eq!(index.self_reviews_by_county_for_months(months.iter().copied())?, sets);
    }

    #[test]
    fn the_campaign_misses_read_from_the_index_are_each_county_s_misses_in_id_order(
        clues in ledger(false, true),
        as_of in 0u64..300,
    ) {
        let campaign = Campaign::luoyang_winter_2023();
        let cal = WorkCalendar::china();
        let as_of = day(NaiveDate::from_ymd_opt(2023, 10, 1).unwrap_or_default(), as_of);
        let index = LedgerIndex::new(&clues)?;
        let indexed = index.campaign_misses(&campaign, as_of, &cal);
        prop_assert_eq!(&indexed, &campaign_misses(&campaign, &clues, as_of, &cal));
        match first_failing(&clues)? {
            // A clue that fails its check: the first in id order is named, whatever the county.
            Some(e) => prop_assert_eq!(indexed, Err(e)),
            None => {
                let mut one_by_one = Vec::new();
                for county in counties_of(&clues) {
                    one_by_one.extend(campaign_misses(&campaign, &clues_of(&clues, &county), as_of, &cal)?);
                }
                one_by_one.sort_by(|a, b| a.clue_id.cmp(&b.clue_id));
                prop_assert_eq!(indexed?, one_by_one);
            }
        }
    }
}

#[test]
fn two_different_records_under_one_id_are_refused_naming_every_such_id_in_id_order() {
    let on = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap_or_default();
    let clue = |id: &str, county: &str| Clue::new(id, wage_arrears::Source::OnSite, county, on);
    let ledger = [
        clue("B", "叶县"),
        clue("A", "叶县"),
        clue("B", "郏县"),
        clue("C", "叶县"),
        clue("A", "郏县"),
        clue("C", "叶县"),
    ];
    let refused = Error::ConflictingRecords {
        ids: vec!["A".to_owned(), "B".to_owned()],
    };
    assert_eq!(LedgerIndex::new(&ledger).map(|i| i.len()), Err(refused));
}
