//! The clues of `examples/data/clues.json` through the clocks: what the example table shows, checked — with the
//! very rows the `deadlines` example prints.

#[path = "../examples/common/deadline_rows.rs"]
mod rows;

use chrono::NaiveDate;
use rows::{Stage, row};
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

#[test]
fn the_deadlines_example_shows_a_clue_that_replied_on_time_but_is_still_open_as_overdue_not_closed_in_its_text_its_count_and_its_card()
 {
    let (policy, cal) = (Policy::default(), WorkCalendar::china());
    let as_of = d(2026, 11, 25);
    let c = clue("PDS-2026-0010");
    let s = status(&c, &policy, &cal, as_of).unwrap();
    // The reply duty was met on time by the progress feedback of 11-06; the case is still open past 11-08.
    assert!(matches!(
        s.respond,
        Some((_, ClockStatus::MetOnTime { .. }))
    ));
    let r = row(&c, &s);
    assert_eq!(r.text(), "已按期反馈，超期17天未办结");
    assert_eq!(r.stage, Stage::OverdueNotClosed);
    assert_eq!(r.stage.label(), "超期未办结");
    assert_eq!(r.card, Card::Yellow);
    assert!(r.answered_on_time_open);
}

#[test]
fn in_every_row_of_the_deadlines_example_the_stage_is_overdue_not_closed_exactly_when_the_row_carries_a_card()
 {
    let (policy, cal) = (Policy::default(), WorkCalendar::china());
    for as_of in [
        d(2025, 3, 1),
        d(2026, 10, 12),
        d(2026, 11, 25),
        d(2026, 12, 20),
    ] {
        for c in clues().iter().filter(|c| c.registered_on <= as_of) {
            let Ok(s) = status(c, &policy, &cal, as_of) else {
                continue;
            };
            let r = row(c, &s);
            assert_eq!(
                r.stage == Stage::OverdueNotClosed,
                r.card != Card::None,
                "{} on {as_of}: {}",
                c.id,
                r.text()
            );
            // A row never says "on time" for a case it counts as overdue without saying it is overdue.
            if r.stage == Stage::OverdueNotClosed {
                assert!(
                    r.text().contains("超期") || r.text().contains("逾期"),
                    "{}",
                    r.text()
                );
            } else {
                assert!(
                    !r.text().contains("超期") || r.stage == Stage::Closed,
                    "{}",
                    r.text()
                );
            }
        }
    }
    // Where the policy counts a timely feedback as answering (no card), the same clue is in hand, not overdue.
    let mut answered = Policy::default();
    answered.card_basis = wage_arrears::CardBasis::NotAnswered;
    let c = clue("PDS-2026-0010");
    let r = row(&c, &status(&c, &answered, &cal, d(2026, 11, 25)).unwrap());
    assert_eq!((r.stage, r.text()), (Stage::InHand, "已按期反馈，未办结"));
}
