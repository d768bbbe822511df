//! 洛阳市根治欠薪冬季专项行动通知（2023）三(三)：实行周调度、月通报 — the weekly dispatch of open and closed
//! verified clues per county, and the monthly notice of the counties with open clues and their dispatch list.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use wage_arrears::campaign::{Campaign, monthly_notices, weekly_dispatch};
use wage_arrears::{Clue, Fen, Investigation, RuleId, Source};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn verified(id: &str, county: &str, registered: NaiveDate, verified_on: NaiveDate) -> Clue {
    let mut c = Clue::new(id, Source::QrCode, county, registered);
    c.investigation = Some(Investigation {
        on: verified_on,
        arrears_verified: true,
        employer_refuses: false,
        record: "工资表核实".into(),
    });
    c
}

fn luoyang() -> Vec<Clue> {
    let mut a = verified("LY-1", "洛龙区", d(2023, 11, 13), d(2023, 11, 15));
    a.closed_on = Some(d(2023, 11, 28));
    a.amount_owed = Fen::from_yuan(80_000);
    let mut b = verified("LY-2", "洛龙区", d(2023, 12, 4), d(2023, 12, 6));
    b.amount_owed = Fen::from_yuan(150_000);
    let mut c = verified("LY-3", "西工区", d(2023, 10, 30), d(2023, 11, 2)); // verified before the campaign
    c.closed_on = Some(d(2024, 1, 15));
    let mut no_arrears = verified("LY-4", "西工区", d(2023, 11, 20), d(2023, 11, 22));
    if let Some(i) = no_arrears.investigation.as_mut() {
        i.arrears_verified = false;
    }
    let mut closed_before = verified("LY-5", "涧西区", d(2023, 10, 9), d(2023, 10, 10));
    closed_before.closed_on = Some(d(2023, 10, 20));
    vec![a, b, c, no_arrears, closed_before]
}

#[test]
fn the_weekly_dispatch_counts_each_county_s_open_and_closed_verified_clues_week_by_week() {
    let w = weekly_dispatch(&Campaign::luoyang_winter_2023(), &luoyang(), d(2024, 2, 10)).unwrap();
    assert_eq!(w.rule, RuleId::CampaignWeeklyDispatch);
    // Fri 2023-11-10 … Sat 2024-02-10: 14 weeks, the first and last partial.
    assert_eq!(w.weeks.len(), 14);
    assert_eq!(
        (w.weeks[0].from, w.weeks[0].to),
        (d(2023, 11, 10), d(2023, 11, 12))
    );
    assert_eq!(
        (w.weeks[1].from, w.weeks[1].to),
        (d(2023, 11, 13), d(2023, 11, 19))
    );
    assert_eq!(w.weeks[13].to, d(2024, 2, 10));
    let counties: Vec<&str> = w.weeks[0]
        .counties
        .iter()
        .map(|c| c.county.as_str())
        .collect();
    assert_eq!(counties, ["洛龙区", "涧西区", "西工区"]);
    let line = |week: usize, county: &str| {
        let c = w.weeks[week]
            .counties
            .iter()
            .find(|c| c.county == county)
            .unwrap();
        (c.open, c.closed_this_week, c.closed_to_date)
    };
    assert_eq!(
        line(0, "西工区"),
        (1, 0, 0),
        "verified before the campaign: open from its first day"
    );
    assert_eq!(line(1, "洛龙区"), (1, 0, 0));
    assert_eq!(
        line(3, "洛龙区"),
        (0, 1, 1),
        "LY-1 closed Tue 11-28, in week 4"
    );
    assert_eq!(line(4, "洛龙区"), (1, 0, 1), "LY-2 verified 12-06");
    assert_eq!(
        line(10, "西工区"),
        (0, 1, 1),
        "LY-3 closed Mon 2024-01-15, in week 11"
    );
    assert_eq!(
        line(13, "涧西区"),
        (0, 0, 0),
        "closed before the campaign: never open in it"
    );
    assert_eq!(w.weeks[13].open(), 1);
}

#[test]
fn the_monthly_notice_names_the_counties_with_open_clues_and_lists_them_for_dispatch() {
    let notices =
        monthly_notices(&Campaign::luoyang_winter_2023(), &luoyang(), d(2024, 2, 10)).unwrap();
    let months: Vec<String> = notices.iter().map(|n| n.month.to_string()).collect();
    assert_eq!(months, ["2023-11", "2023-12", "2024-01", "2024-02"]);
    assert!(
        notices
            .iter()
            .all(|n| n.rule == RuleId::CampaignMonthlyNotice)
    );
    let december = &notices[1];
    assert_eq!(december.as_of, d(2023, 12, 31));
    let names: Vec<&str> = december
        .counties
        .iter()
        .map(|c| c.county.as_str())
        .collect();
    assert_eq!(names, ["洛龙区", "西工区"]);
    let ly2 = &december.counties[0].open[0];
    assert_eq!(
        (ly2.clue_id.as_str(), ly2.open_since, ly2.days_open),
        ("LY-2", d(2023, 12, 6), 25)
    );
    let february = &notices[3];
    assert_eq!(february.as_of, d(2024, 2, 10), "the campaign's last day");
    assert_eq!(
        february
            .counties
            .iter()
            .map(|c| c.county.as_str())
            .collect::<Vec<_>>(),
        ["洛龙区"]
    );
    // Asked on a day inside the campaign: the months up to it, the last cut off on that day.
    let early = monthly_notices(
        &Campaign::luoyang_winter_2023(),
        &luoyang(),
        d(2023, 12, 10),
    )
    .unwrap();
    assert_eq!(early.len(), 2);
    assert_eq!(early[1].as_of, d(2023, 12, 10));
    // Before the campaign starts there is nothing to notify.
    assert!(
        monthly_notices(&Campaign::luoyang_winter_2023(), &luoyang(), d(2023, 11, 1))
            .unwrap()
            .is_empty()
    );
    assert!(
        weekly_dispatch(&Campaign::luoyang_winter_2023(), &luoyang(), d(2023, 11, 1))
            .unwrap()
            .weeks
            .is_empty()
    );
}

#[test]
fn the_cadence_of_a_ledger_with_one_id_recorded_two_ways_is_refused() {
    let a = verified("LY-1", "洛龙区", d(2023, 11, 13), d(2023, 11, 15));
    let mut b = a.clone();
    b.county = "西工区".into();
    assert!(
        weekly_dispatch(
            &Campaign::luoyang_winter_2023(),
            &[a.clone(), b.clone()],
            d(2024, 1, 1)
        )
        .is_err()
    );
    assert!(monthly_notices(&Campaign::luoyang_winter_2023(), &[a, b], d(2024, 1, 1)).is_err());
}

fn plus(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap()
}

/// Clues around the Luoyang campaign: registered from 2023-10-01, verified (or not) and closed (or not) later.
fn clues() -> impl Strategy<Value = Vec<Clue>> {
    prop::collection::vec(
        (
            0u8..4,
            0u64..150,
            prop::option::of(0u64..20),
            prop::option::of(0u64..90),
        ),
        0..30,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (county, reg, verify, close))| {
                let registered = plus(d(2023, 10, 1), reg);
                let mut c = verified(
                    &format!("LY-{i:02}"),
                    ["洛龙区", "西工区", "涧西区", "偃师区"][usize::from(county)],
                    registered,
                    registered,
                );
                match verify {
                    Some(k) => {
                        if let Some(inv) = c.investigation.as_mut() {
                            inv.on = plus(registered, k);
                        }
                    }
                    None => c.investigation = None,
                }
                c.closed_on = close.map(|k| plus(registered, k));
                c
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn every_week_s_open_count_is_the_verified_clues_open_at_its_end_and_every_notice_agrees(
        ledger in clues(),
        asked in 0u64..150,
    ) {
        let campaign = Campaign::luoyang_winter_2023();
        let as_of = plus(d(2023, 11, 1), asked);
        let end = campaign.ends_on.min(as_of);
        let open_at = |day: NaiveDate, county: &str| {
            ledger
                .iter()
                .filter(|c| c.county == county && c.registered_on <= campaign.close_all_by)
                .filter(|c| {
                    c.investigation.as_ref().is_some_and(|i| i.arrears_verified && i.on <= end && i.on.max(c.registered_on) <= day)
                        && c.closed_on.filter(|&x| x <= end).is_none_or(|x| x > day)
                })
                .count() as u64
        };
        let w = weekly_dispatch(&campaign, &ledger, as_of).unwrap();
        for week in &w.weeks {
            for line in &week.counties {
                prop_assert_eq!(line.open, open_at(week.to, &line.county), "week {} {}", week.number, line.county);
            }
            prop_assert!(week.from <= week.to && week.to <= end);
        }
        for n in monthly_notices(&campaign, &ledger, as_of).unwrap() {
            for county in ["洛龙区", "西工区", "涧西区", "偃师区"] {
                let listed = n.counties.iter().find(|c| c.county == county).map_or(0, |c| c.open.len() as u64);
                prop_assert_eq!(listed, open_at(n.as_of, county), "{} {}", n.month, county);
            }
            prop_assert!(n.counties.iter().all(|c| !c.open.is_empty()));
        }
    }
}
