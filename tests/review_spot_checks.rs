//! The city's monthly spot check and the county's self-review (平人社监察〔2024〕15号 三(四)、四(一)): sentence-named cases and a
//! golden sample.

use chrono::NaiveDate;
use wage_arrears::review::{
    Month, Seed, draw_key, self_review, spot_check, spot_checks_by_county, verify_spot_check,
};
use wage_arrears::{Clue, Conclusion, Error, Policy, RuleId, Source};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test date")
}

/// A seed of 32 equal bytes (tests only: a real draw takes its seed from the operating system).
fn seed(byte: u8) -> Seed {
    Seed::from_bytes([byte; 32])
}

/// The golden seed: `20250410` followed by 28 bytes of `ab`.
fn golden() -> Seed {
    "20250410abababababababababababababababababababababababababababab"
        .parse()
        .expect("64 hex digits")
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
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
fn the_march_2025_sample_drawn_with_the_golden_seed_is_pinned() {
    // Golden: cross-checked against Python's `hmac.new(seed, id.encode(), hashlib.sha256)`.
    let check = spot_check(&march_2025(), month(2025, 3), &golden(), &Policy::default()).unwrap();
    assert_eq!(check.population, 60);
    assert_eq!(check.code5_population, 15);
    assert_eq!(check.others, 45);
    assert_eq!(
        check.sampled,
        ["PDS-2025-0002", "PDS-2025-0041", "PDS-2025-0043"]
    );
    assert_eq!(
        check.commitment,
        "8ced23087e8e13ebfc0bdc4ee0f5c37c17719b9290f84c8ecef612de510df4c6"
    );
    assert_eq!(
        hex(&draw_key(&golden(), "PDS-2025-0001")),
        "fc1e697266aecfc6e81194dbf456394a48b5d233d2ca68cb47ad7cd68345175e"
    );
    assert_eq!(
        hex(&draw_key(&golden(), "汝州市-0001")),
        "901dc9867e2fc59f7a70d38648f0659cb2c745453b71c3ba6e3ba40b4c9a2b61"
    );
    assert_eq!(
        hex(&draw_key(&golden(), "")),
        "7b12d1bd1e32accf7df88ff54d847ff71e881690df7496a490061945d1e43f70"
    );
}

#[test]
fn every_code_5_clue_closed_in_the_month_is_reviewed() {
    let check = spot_check(&march_2025(), month(2025, 3), &seed(1), &Policy::default()).unwrap();
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
        spot_check(&clues(1), month(2025, 5), &seed(3), &p)
            .unwrap()
            .sampled
            .len(),
        1
    );
    assert_eq!(
        spot_check(&clues(20), month(2025, 5), &seed(3), &p)
            .unwrap()
            .sampled
            .len(),
        1
    );
    assert_eq!(
        spot_check(&clues(21), month(2025, 5), &seed(3), &p)
            .unwrap()
            .sampled
            .len(),
        2
    );
    assert_eq!(
        spot_check(&clues(0), month(2025, 5), &seed(3), &p)
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
        spot_check(&[], month(2025, 3), &seed(0), &p)
            .unwrap()
            .due_on,
        date(2025, 4, 10)
    );
    assert_eq!(
        spot_check(&[], month(2025, 12), &seed(0), &p)
            .unwrap()
            .due_on,
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
        spot_check(&clues, month(2025, 3), &seed(0), &p)
            .unwrap()
            .code5,
        ["A"]
    );
    assert_eq!(
        spot_check(&clues, month(2025, 4), &seed(0), &p)
            .unwrap()
            .code5,
        ["B"]
    );
}

#[test]
fn an_open_clue_is_not_spot_checked() {
    let mut open = closed("A", "叶县", date(2025, 3, 3), Conclusion::Coordinated);
    open.closed_on = None;
    let check = spot_check(&[open], month(2025, 3), &seed(0), &Policy::default()).unwrap();
    assert_eq!(check.population, 0);
}

#[test]
fn the_sample_does_not_depend_on_the_order_of_the_clues_nor_on_duplicates() {
    let clues = march_2025();
    let mut reversed = clues.clone();
    reversed.reverse();
    reversed.extend(clues.iter().take(10).cloned());
    let p = Policy::default();
    let a = spot_check(&clues, month(2025, 3), &seed(77), &p).unwrap();
    let b = spot_check(&reversed, month(2025, 3), &seed(77), &p).unwrap();
    assert_eq!(a, b);
}

#[test]
fn another_seed_draws_another_sample_of_the_same_size() {
    let p = Policy::default();
    let a = spot_check(&march_2025(), month(2025, 3), &seed(1), &p).unwrap();
    let b = spot_check(&march_2025(), month(2025, 3), &seed(2), &p).unwrap();
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
    let checks =
        spot_checks_by_county(&clues, month(2025, 3), &seed(5), &Policy::default()).unwrap();
    let counties: Vec<Option<&str>> = checks.iter().map(|c| c.county.as_deref()).collect();
    assert_eq!(counties, [Some("叶县"), Some("郏县")]);
    assert_eq!(checks[0].sampled.len(), 3); // ⌈5% × 45⌉
    assert_eq!(checks[1].sampled.len(), 1); // ⌈5% × 5⌉
    // Over the city as one population: ⌈5% × 50⌉ = 3.
    let city = spot_check(&clues, month(2025, 3), &seed(5), &Policy::default()).unwrap();
    assert_eq!((city.county, city.sampled.len()), (None, 3));
}

#[test]
fn a_city_that_reviews_half_its_code_5_clues_draws_them_reproducibly() {
    let mut p = Policy::default();
    p.code5_review_rate = "50%".parse().unwrap();
    let check = spot_check(&march_2025(), month(2025, 3), &seed(9), &p).unwrap();
    assert_eq!(check.code5.len(), 8); // ⌈50% × 15⌉
    assert_eq!(
        check,
        spot_check(&march_2025(), month(2025, 3), &seed(9), &p).unwrap()
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
    let check = spot_check(&march_2025(), month(2025, 3), &golden(), &Policy::default()).unwrap();
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

#[test]
fn a_spot_check_verifies_against_its_commitment_and_seed_and_each_forgery_is_its_own_error() {
    let clues = march_2025();
    let p = Policy::default();
    let s = golden();
    let published = s.commitment();
    let check = spot_check(&clues, month(2025, 3), &s, &p).unwrap();
    assert_eq!(
        verify_spot_check(&check, &clues, &s, &published, &p),
        Ok(())
    );
    // The commitment compares without regard to case.
    let upper = published.to_ascii_uppercase();
    assert_eq!(verify_spot_check(&check, &clues, &s, &upper, &p), Ok(()));

    // A seed that does not open the commitment.
    let err = verify_spot_check(&check, &clues, &seed(1), &published, &p).unwrap_err();
    assert_eq!(
        err,
        Error::SeedCommitmentMismatch {
            published: published.clone(),
            computed: seed(1).commitment(),
        }
    );

    // A check drawn under another seed, presented with the golden seed and its commitment.
    let other = spot_check(&clues, month(2025, 3), &seed(1), &p).unwrap();
    let err = verify_spot_check(&other, &clues, &s, &published, &p).unwrap_err();
    assert!(
        matches!(err, Error::CheckCommitmentMismatch { .. }),
        "{err}"
    );

    // A sample swapped for another: the ids missing and extra are named.
    let mut forged = check.clone();
    forged.sampled = vec![
        "PDS-2025-0001".into(),
        "PDS-2025-0041".into(),
        "PDS-2025-0043".into(),
    ];
    assert_eq!(
        verify_spot_check(&forged, &clues, &s, &published, &p),
        Err(Error::SpotCheckSampleMismatch {
            field: "sampled",
            missing: vec!["PDS-2025-0002".into()],
            extra: vec!["PDS-2025-0001".into()],
        })
    );
    let err = verify_spot_check(&forged, &clues, &s, &published, &p).unwrap_err();
    assert!(
        err.to_string()
            .contains("missing [PDS-2025-0002], extra [PDS-2025-0001]"),
        "{err}"
    );

    // A code-5 clue left out.
    let mut forged = check.clone();
    forged.code5.pop();
    assert!(matches!(
        verify_spot_check(&forged, &clues, &s, &published, &p),
        Err(Error::SpotCheckSampleMismatch { field: "code5", .. })
    ));

    // The right ids in another order.
    let mut forged = check.clone();
    forged.sampled.reverse();
    assert!(matches!(
        verify_spot_check(&forged, &clues, &s, &published, &p),
        Err(Error::SpotCheckFieldMismatch {
            field: "sampled",
            ..
        })
    ));

    // A population that differs: the ledger has one more closed clue than the check counted.
    let mut more = clues.clone();
    more.push(closed(
        "PDS-2025-0999",
        "叶县",
        date(2025, 3, 9),
        Conclusion::FiledPaid,
    ));
    assert_eq!(
        verify_spot_check(&check, &more, &s, &published, &p),
        Err(Error::SpotCheckPopulationMismatch {
            field: "population",
            recorded: 60,
            redrawn: 61,
        })
    );

    // Another due day.
    let mut forged = check.clone();
    forged.due_on = date(2025, 4, 30);
    assert!(matches!(
        verify_spot_check(&forged, &clues, &s, &published, &p),
        Err(Error::SpotCheckFieldMismatch {
            field: "due_on",
            ..
        })
    ));
}

#[test]
fn each_county_s_check_verifies_against_the_whole_city_s_ledger() {
    let mut clues = march_2025();
    clues.extend((0..30).map(|i| {
        closed(
            &format!("JX-{i:02}"),
            "郏县",
            date(2025, 3, 9),
            Conclusion::FiledPaid,
        )
    }));
    let (s, p) = (seed(9), Policy::default());
    for check in spot_checks_by_county(&clues, month(2025, 3), &s, &p).unwrap() {
        assert_eq!(
            verify_spot_check(&check, &clues, &s, &s.commitment(), &p),
            Ok(())
        );
    }
}

#[test]
fn the_sample_is_a_function_of_the_seed_and_the_ids_alone() {
    // A county that renames nothing and only reorders its rows cannot move the sample; the draw reads no other
    // field, so editing a clue's record (not its id) leaves its rank unchanged.
    let clues = march_2025();
    let mut edited = clues.clone();
    for c in &mut edited {
        c.facts = "已核实".into();
        c.workers = 40;
    }
    let p = Policy::default();
    assert_eq!(
        spot_check(&clues, month(2025, 3), &golden(), &p)
            .unwrap()
            .sampled,
        spot_check(&edited, month(2025, 3), &golden(), &p)
            .unwrap()
            .sampled
    );
}
