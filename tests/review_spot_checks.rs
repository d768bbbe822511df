//! The city's monthly spot check and the county's self-review (平人社监察〔2024〕15号 三(四)、四(一)): sentence-named cases and a
//! golden sample.

use chrono::NaiveDate;
use wage_arrears::review::{Month, draw_key, self_review, spot_check, spot_checks_by_county};
use wage_arrears::{Clue, Conclusion, Policy, RuleId, Source};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test date")
}

fn month(y: i32, m: u32) -> Month {
    Month::new(y, m).expect("test month")
}

fn closed(id: &str, county: &str, on: NaiveDate, conclusion: Conclusion) -> Clue {
    let mut c = Clue::new(id, Source::MohrssColumn, county, date(2025, 1, 2));
    c.closed_on = Some(on);
    c.conclusion = Some(conclusion);
    c
}

/// 60 clues of 叶县 closed in March 2025; every 4th is code 5.
fn march_2025() -> Vec<Clue> {
    (1..=60u32)
        .map(|i| {
            let conclusion = if i % 4 == 0 {
                Conclusion::Coordinated
            } else {
                Conclusion::FiledPaid
            };
            closed(
                &format!("PDS-2025-{i:04}"),
                "叶县",
                date(2025, 3, 1 + i % 31),
                conclusion,
            )
        })
        .collect()
}

#[test]
fn the_march_2025_sample_drawn_with_seed_20250410_is_pinned() {
    // Golden: cross-checked against an independent Python transcription of `draw_key`.
    let check = spot_check(
        &march_2025(),
        month(2025, 3),
        20_250_410,
        &Policy::default(),
    )
    .unwrap();
    assert_eq!(check.population, 60);
    assert_eq!(check.code5_population, 15);
    assert_eq!(check.others, 45);
    assert_eq!(
        check.sampled,
        ["PDS-2025-0022", "PDS-2025-0031", "PDS-2025-0047"]
    );
    assert_eq!(draw_key(20_250_410, "PDS-2025-0001"), 0xb99e_3efd_eb54_b8a2);
    assert_eq!(draw_key(20_250_410, "汝州市-0001"), 0xb827_1f5d_9666_f67f);
    assert_eq!(draw_key(0, ""), 0x5b21_f68f_fa77_f14c);
}

#[test]
fn every_code_5_clue_closed_in_the_month_is_reviewed() {
    let check = spot_check(&march_2025(), month(2025, 3), 1, &Policy::default()).unwrap();
    let expected: Vec<String> = (1..=15).map(|k| format!("PDS-2025-{:04}", 4 * k)).collect();
    assert_eq!(check.code5, expected);
    assert_eq!(check.code5_rule, RuleId::SpotCheckEveryCode5);
    assert_eq!(check.sample_rule, RuleId::SpotCheckSample);
}

#[test]
fn twenty_closed_clues_give_one_check_and_twenty_one_give_two() {
    let clues = |n: u32| -> Vec<Clue> {
        (0..n)
            .map(|i| {
                closed(
                    &format!("C{i}"),
                    "郏县",
                    date(2025, 5, 6),
                    Conclusion::NoArrears,
                )
            })
            .collect()
    };
    let p = Policy::default();
    assert_eq!(
        spot_check(&clues(1), month(2025, 5), 3, &p)
            .unwrap()
            .sampled
            .len(),
        1
    );
    assert_eq!(
        spot_check(&clues(20), month(2025, 5), 3, &p)
            .unwrap()
            .sampled
            .len(),
        1
    );
    assert_eq!(
        spot_check(&clues(21), month(2025, 5), 3, &p)
            .unwrap()
            .sampled
            .len(),
        2
    );
    assert_eq!(
        spot_check(&clues(0), month(2025, 5), 3, &p)
            .unwrap()
            .sampled
            .len(),
        0
    );
}

#[test]
fn the_march_spot_check_is_due_by_april_10th_and_december_s_by_january_10th() {
    let p = Policy::default();
    assert_eq!(
        spot_check(&[], month(2025, 3), 0, &p).unwrap().due_on,
        date(2025, 4, 10)
    );
    assert_eq!(
        spot_check(&[], month(2025, 12), 0, &p).unwrap().due_on,
        date(2026, 1, 10)
    );
}

#[test]
fn clues_closed_on_march_31st_and_april_1st_fall_in_different_checks() {
    let clues = [
        closed("A", "叶县", date(2025, 3, 31), Conclusion::Coordinated),
        closed("B", "叶县", date(2025, 4, 1), Conclusion::Coordinated),
    ];
    let p = Policy::default();
    assert_eq!(
        spot_check(&clues, month(2025, 3), 0, &p).unwrap().code5,
        ["A"]
    );
    assert_eq!(
        spot_check(&clues, month(2025, 4), 0, &p).unwrap().code5,
        ["B"]
    );
}

#[test]
fn an_open_clue_is_not_spot_checked() {
    let mut open = closed("A", "叶县", date(2025, 3, 3), Conclusion::Coordinated);
    open.closed_on = None;
    let check = spot_check(&[open], month(2025, 3), 0, &Policy::default()).unwrap();
    assert_eq!(check.population, 0);
}

#[test]
fn the_sample_does_not_depend_on_the_order_of_the_clues_nor_on_duplicates() {
    let clues = march_2025();
    let mut reversed = clues.clone();
    reversed.reverse();
    reversed.extend(clues.iter().take(10).cloned());
    let p = Policy::default();
    let a = spot_check(&clues, month(2025, 3), 77, &p).unwrap();
    let b = spot_check(&reversed, month(2025, 3), 77, &p).unwrap();
    assert_eq!(a, b);
}

#[test]
fn another_seed_draws_another_sample_of_the_same_size() {
    let p = Policy::default();
    let a = spot_check(&march_2025(), month(2025, 3), 1, &p).unwrap();
    let b = spot_check(&march_2025(), month(2025, 3), 2, &p).unwrap();
    assert_eq!(a.sampled.len(), b.sampled.len());
    assert_ne!(a.sampled, b.sampled);
}

#[test]
fn each_county_draws_its_own_five_percent() {
    let mut clues = march_2025();
    clues.extend((0..5).map(|i| {
        closed(
            &format!("JX-{i}"),
            "郏县",
            date(2025, 3, 9),
            Conclusion::FiledPaid,
        )
    }));
    let checks = spot_checks_by_county(&clues, month(2025, 3), 5, &Policy::default()).unwrap();
    let counties: Vec<Option<&str>> = checks.iter().map(|c| c.county.as_deref()).collect();
    assert_eq!(counties, [Some("叶县"), Some("郏县")]);
    assert_eq!(checks[0].sampled.len(), 3); // ⌈5% × 45⌉
    assert_eq!(checks[1].sampled.len(), 1); // ⌈5% × 5⌉
    // Over the city as one population: ⌈5% × 50⌉ = 3.
    let city = spot_check(&clues, month(2025, 3), 5, &Policy::default()).unwrap();
    assert_eq!((city.county, city.sampled.len()), (None, 3));
}

#[test]
fn a_city_that_reviews_half_its_code_5_clues_draws_them_reproducibly() {
    let mut p = Policy::default();
    p.code5_review_rate = "50%".parse().unwrap();
    let check = spot_check(&march_2025(), month(2025, 3), 9, &p).unwrap();
    assert_eq!(check.code5.len(), 8); // ⌈50% × 15⌉
    assert_eq!(
        check,
        spot_check(&march_2025(), month(2025, 3), 9, &p).unwrap()
    );
}

#[test]
fn the_county_self_review_holds_every_code_5_clue_and_nothing_else() {
    let mut clues = march_2025();
    clues.push(closed(
        "APRIL-5",
        "叶县",
        date(2025, 4, 2),
        Conclusion::Coordinated,
    ));
    let set = self_review(&clues, month(2025, 3)).unwrap();
    assert_eq!(set.clue_ids.len(), 15);
    assert!(set.clue_ids.iter().all(|id| id.starts_with("PDS-2025-")));
    assert_eq!(
        (set.county.as_deref(), set.rule),
        (Some("叶县"), RuleId::MonthlySelfReview)
    );
}

#[test]
fn a_spot_check_round_trips_through_json_and_prints_its_rules() {
    let check = spot_check(
        &march_2025(),
        month(2025, 3),
        20_250_410,
        &Policy::default(),
    )
    .unwrap();
    let json = serde_json::to_string(&check).unwrap();
    assert!(json.contains("\"month\":\"2025-03\""), "{json}");
    assert!(json.contains("\"sample_rule\":\"R-REV-1\""), "{json}");
    let back: wage_arrears::review::SpotCheck = serde_json::from_str(&json).unwrap();
    assert_eq!(back, check);
    let text = check.to_string();
    assert!(
        text.contains("R-REV-1") && text.contains("R-REV-2") && text.contains("2025-04-10"),
        "{text}"
    );
}
