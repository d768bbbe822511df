//! The clues of `examples/data/clues.json` through the clocks: what the example table shows, checked.

use chrono::NaiveDate;
use wage_arrears::deadline::{Card, ClockStatus, FilingStatus, deadlines, escalation, status};
use wage_arrears::{Clue, Error, Policy, Source, WorkCalendar};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn clues() -> Vec<Clue> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/clues.json");
    let text = std::fs::read_to_string(path).unwrap();
    wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(&text)).unwrap()
}

fn clue(id: &str) -> Clue {
    clues().into_iter().find(|c| c.id == id).unwrap()
}

#[test]
fn every_example_clue_has_its_deadlines_even_one_whose_sixty_natural_days_run_into_2027() {
    let (policy, cal) = (Policy::default(), WorkCalendar::china());
    for c in clues() {
        assert!(deadlines(&c, &policy, &cal).is_ok(), "{}", c.id);
    }
    // Without roll-over a natural-day count needs no calendar: 2026-11-23 + 60 days is a date.
    let late = deadlines(&clue("PDS-2026-0013"), &policy, &cal).unwrap();
    assert_eq!(late.respond.map(|r| r.due), Some(d(2027, 1, 22)));
}

#[test]
fn with_roll_over_a_respond_by_day_in_an_unknown_year_is_an_error_not_a_guess() {
    let cal = WorkCalendar::china();
    let mut policy = Policy::default();
    policy.natural_day_rollover = wage_arrears::Rollover::NextWorkingDay;
    let err = deadlines(&clue("PDS-2026-0013"), &policy, &cal).unwrap_err();
    assert!(matches!(err, Error::CalendarOutOfRange { .. }), "{err}");
}

#[test]
fn on_25_november_2026_the_example_has_one_red_and_two_yellow_cards() {
    let (policy, cal) = (Policy::default(), WorkCalendar::china());
    let as_of = d(2026, 11, 25);
    let mut cards: Vec<(String, Card)> = clues()
        .iter()
        .filter_map(|c| {
            status(c, &policy, &cal, as_of)
                .ok()
                .map(|s| (c.id.clone(), s.card))
        })
        .filter(|(_, card)| *card != Card::None)
        .collect();
    cards.sort();
    assert_eq!(
        cards,
        [
            ("PDS-2026-0008".to_owned(), Card::Red),
            ("PDS-2026-0009".to_owned(), Card::Yellow),
            ("PDS-2026-0010".to_owned(), Card::Yellow),
        ]
    );
}

#[test]
fn the_example_clue_registered_on_the_make_up_sunday_of_spring_festival_2025_was_accepted_a_day_late()
 {
    let c = clue("PDS-2025-0002");
    assert_eq!(
        (c.source, c.registered_on),
        (Source::GovCnMessage, d(2025, 1, 26))
    );
    let s = status(
        &c,
        &Policy::default(),
        &WorkCalendar::china(),
        d(2026, 11, 25),
    )
    .unwrap();
    let (accept, clock) = s.accept.unwrap();
    assert_eq!(accept.due, d(2025, 2, 5));
    assert_eq!(
        clock,
        ClockStatus::MetLate {
            on: d(2025, 2, 6),
            days_late: 1
        }
    );
}

#[test]
fn the_example_clue_registered_on_the_eve_of_national_day_2025_was_due_on_the_make_up_saturday() {
    let c = clue("PDS-2025-0013");
    let dl = deadlines(&c, &Policy::default(), &WorkCalendar::china()).unwrap();
    assert_eq!(dl.accept.unwrap().due, d(2025, 10, 11));
}

#[test]
fn the_example_escalations_are_one_filed_the_same_day_one_filed_late_and_one_not_raised() {
    // PDS-2025-0008: filed on receipt (05-12), before its arrears were verified (05-20): on time.
    // PDS-2026-0006: verified on receipt (05-11), filed the next day: one day late.
    let p = Policy::default();
    let same_day = escalation(&clue("PDS-2025-0008"), &p);
    assert_eq!(
        same_day.filing.map(|f| f.status),
        Some(FilingStatus::OnTime { on: d(2025, 5, 12) })
    );
    let late = escalation(&clue("PDS-2026-0006"), &p);
    assert_eq!(
        late.filing.map(|f| f.status),
        Some(FilingStatus::Late {
            on: d(2026, 5, 12),
            days_late: 1
        })
    );
    let not_raised = escalation(&clue("PDS-2026-0007"), &p);
    assert!(!not_raised.reasons.is_empty() && !not_raised.escalated);
    let raised: Vec<String> = clues()
        .iter()
        .filter(|c| escalation(c, &p).escalated)
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(raised, ["PDS-2025-0008", "PDS-2026-0006"]);
}
