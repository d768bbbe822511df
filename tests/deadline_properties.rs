//! Properties of the clocks, cards and escalation, over random clues and policies.

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use wage_arrears::deadline::{Card, ClockStatus, deadlines, escalation, status};
use wage_arrears::policy::{EscalationBasis, SourceClock};
use wage_arrears::{
    Agreement, CardBasis, Clue, Contact, ContactChannel, Error, Fen, HandlingLevel, Investigation,
    Payment, Policy, Progress, ProgressEvidence, ProgressKind, Response, Rollover, Source,
    Submission, WorkCalendar,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn plus(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

/// A day in `[lo, hi]`.
fn day_between(lo: NaiveDate, hi: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    let span = u64::try_from((hi - lo).num_days()).unwrap();
    (0..=span).prop_map(move |k| plus(lo, k))
}

/// Any day chrono can hold, weighted towards the calendar's years and their edges.
fn any_day() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        6 => day_between(d(2024, 1, 1), d(2026, 12, 31)),
        2 => day_between(d(2003, 12, 1), d(2004, 1, 31)),
        2 => day_between(d(2026, 12, 1), d(2027, 2, 28)),
        1 => (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
            .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap_or(NaiveDate::MIN)),
        1 => Just(NaiveDate::MIN),
        1 => Just(NaiveDate::MAX),
    ]
}

fn source() -> impl Strategy<Value = Source> {
    proptest::sample::select(Source::ALL.to_vec())
}

fn clock() -> impl Strategy<Value = SourceClock> {
    (
        proptest::option::of(1u32..=20),
        proptest::option::of(1u32..=90),
        prop_oneof![
            Just(Response::ClosingFeedback),
            Just(Response::ReplyOrProgressFeedback)
        ],
    )
        .prop_map(|(a, r, response)| SourceClock {
            accept_working_days: a,
            respond_natural_days: r,
            response,
        })
}

/// A valid policy with random clocks, switches and thresholds.
fn policy() -> impl Strategy<Value = Policy> {
    (
        proptest::collection::vec(clock(), 6),
        any::<bool>(),
        any::<bool>(),
        1u32..=30,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        1u32..=100,
        1u64..=100_000_000,
        any::<bool>(),
    )
        .prop_map(
            |(
                clocks,
                roll,
                answered,
                red,
                feedback_only,
                any_criterion,
                same_day,
                workers,
                fen,
                city_escalates,
            )| {
                let mut p = Policy::default();
                p.city_handling_escalates = city_escalates;
                p.clocks.mohrss_column = clocks[0];
                p.clocks.gov_cn_message = clocks[1];
                p.clocks.state_council_inspection = clocks[2];
                p.clocks.ministers_mailbox = clocks[3];
                p.clocks.henan_monitoring = clocks[4];
                p.clocks.other_channels = clocks[5];
                p.natural_day_rollover = if roll {
                    Rollover::NextWorkingDay
                } else {
                    Rollover::None
                };
                p.card_basis = if answered {
                    CardBasis::NotAnswered
                } else {
                    CardBasis::NotClosed
                };
                p.red_card_overdue_days = red;
                p.red_card_progress = if feedback_only {
                    ProgressEvidence::FeedbackOnly
                } else {
                    ProgressEvidence::AnyRecord
                };
                p.escalation_basis = if any_criterion {
                    EscalationBasis::AnyCriterion
                } else {
                    EscalationBasis::CaseAndRecurrence
                };
                p.escalation_same_day_filing = same_day;
                p.escalation_min_workers = workers;
                p.escalation_min_amount = Fen(fen);
                p
            },
        )
}

/// A clue with every optional field random and dates anywhere (inside and outside the calendar, before
/// registration, at chrono's limits).
fn odd_clue() -> impl Strategy<Value = Clue> {
    let dates = || any_day();
    let opt = || proptest::option::of(any_day());
    (
        (source(), dates(), opt(), opt(), any::<u32>(), any::<u64>()),
        (
            proptest::collection::vec((dates(), any::<bool>()), 0..4),
            proptest::collection::vec(dates(), 0..3),
            proptest::option::of((dates(), any::<bool>(), any::<bool>())),
            opt(),
            proptest::option::of((dates(), any::<u64>())),
            opt(),
        ),
        (
            proptest::option::of((
                dates(),
                dates(),
                opt(),
                proptest::collection::vec(dates(), 0..3),
            )),
            proptest::collection::vec((dates(), opt()), 0..3),
            proptest::array::uniform5(any::<bool>()),
        ),
    )
        .prop_map(
            |(
                (source, registered, accepted, closed, workers, fen),
                (progress, contacts, investigation, filed, payment, enforcement),
                (agreement, submissions, flags),
            )| {
                let mut c = Clue::new("P", source, "叶县", registered);
                c.accepted_on = accepted;
                c.closed_on = closed;
                c.workers = workers;
                c.amount_owed = Fen(fen);
                c.progress = progress
                    .into_iter()
                    .map(|(on, fb)| Progress {
                        on,
                        kind: if fb {
                            ProgressKind::Feedback
                        } else {
                            ProgressKind::Note
                        },
                        note: String::new(),
                    })
                    .collect();
                c.contacts = contacts
                    .into_iter()
                    .map(|on| Contact {
                        on,
                        channel: ContactChannel::Phone,
                        reached: true,
                        note: String::new(),
                    })
                    .collect();
                c.investigation =
                    investigation.map(|(on, arrears_verified, employer_refuses)| Investigation {
                        on,
                        arrears_verified,
                        employer_refuses,
                        record: String::new(),
                    });
                c.case_filed_on = filed;
                c.payment = payment.map(|(on, fen)| Payment {
                    on,
                    amount: Fen(fen),
                });
                c.enforcement_applied_on = enforcement;
                c.agreement = agreement.map(|(signed_on, pay_by, paid_on, follow_ups)| Agreement {
                    signed_on,
                    pay_by,
                    amount: Fen(1),
                    paid_on,
                    refused_to_perform: false,
                    refused_on: None,
                    follow_ups,
                });
                c.submissions = submissions
                    .into_iter()
                    .map(|(submitted_on, returned_on)| Submission {
                        submitted_on,
                        revised: false,
                        returned_on,
                        return_reason: None,
                        irregular_format: false,
                        format_reminder_on: None,
                    })
                    .collect();
                let [a, b, e, f, g] = flags;
                c.escalation.cross_region = a;
                c.escalation.settlement_dispute = b;
                c.escalation.repeated_complaint = e;
                c.escalation.public_opinion_incident = f;
                c.escalation.transferred_by_superior = g;
                c
            },
        )
}

/// A well-formed clue inside the calendar: registered 2024-01..=2026-06, accepted within 20 days (or not).
fn calendar_clue() -> impl Strategy<Value = Clue> {
    (
        source(),
        day_between(d(2024, 1, 1), d(2026, 6, 30)),
        proptest::option::of(0u64..=20),
    )
        .prop_map(|(source, registered, accept_after)| {
            let mut c = Clue::new("P", source, "郏县", registered);
            c.accepted_on = accept_after.map(|k| plus(registered, k));
            c
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_deadline_ends_before_it_starts(clue in calendar_clue(), p in policy()) {
        let dl = deadlines(&clue, &p, &WorkCalendar::china()).unwrap();
        for x in [dl.accept, dl.respond].into_iter().flatten() {
            prop_assert!(x.due > x.start, "{x}");
            // N working days take at least N natural days.
            prop_assert!(x.due >= plus(x.start, u64::from(x.days)), "{x}");
        }
    }

    #[test]
    fn accept_by_is_a_working_day_exactly_n_working_days_after_registration(clue in calendar_clue(), p in policy()) {
        let cal = WorkCalendar::china();
        if let Some(a) = deadlines(&clue, &p, &cal).unwrap().accept {
            prop_assert!(cal.is_working_day(a.due).unwrap());
            prop_assert_eq!(cal.working_days_between(a.start, a.due).unwrap(), i64::from(a.days));
            prop_assert_eq!(a.start, clue.registered_on);
        }
    }

    #[test]
    fn respond_by_minus_accepted_on_is_the_policys_days_when_roll_over_is_off(clue in calendar_clue(), p in policy()) {
        let cal = WorkCalendar::china();
        let dl = deadlines(&clue, &p, &cal).unwrap();
        let clock = p.clocks.of(clue.source);
        match (dl.respond, clue.accepted_on, clock.respond_natural_days) {
            (Some(r), Some(accepted), Some(n)) => {
                let plain = plus(accepted, u64::from(n));
                match p.natural_day_rollover {
                    Rollover::None => {
                        prop_assert_eq!((r.due - accepted).num_days(), i64::from(n));
                    }
                    Rollover::NextWorkingDay => {
                        // The first working day on or after start + N.
                        prop_assert!(r.due >= plain);
                        prop_assert!(cal.is_working_day(r.due).unwrap());
                        prop_assert_eq!(cal.working_days_between(plain, r.due).unwrap(), i64::from(!cal.is_working_day(plain).unwrap()));
                    }
                }
            }
            (None, accepted, n) => prop_assert!(accepted.is_none() || n.is_none()),
            (Some(_), _, _) => prop_assert!(false, "a response deadline without acceptance or clock"),
        }
    }

    #[test]
    fn a_clock_status_is_the_distance_from_its_due_day(clue in calendar_clue(), p in policy(), k in 0u64..=200) {
        let cal = WorkCalendar::china();
        let as_of = plus(clue.registered_on, k);
        let s = status(&clue, &p, &cal, as_of).unwrap();
        if let Some((a, st)) = s.accept {
            match (clue.accepted_on.filter(|&x| x <= as_of), st) {
                (Some(on), ClockStatus::MetOnTime { on: o }) => prop_assert!(on == o && on <= a.due),
                (Some(on), ClockStatus::MetLate { on: o, days_late }) => {
                    prop_assert!(on == o && (on - a.due).num_days() == days_late && days_late > 0)
                }
                (None, ClockStatus::NotYetDue { days_left }) => prop_assert_eq!((a.due - as_of).num_days(), days_left),
                (None, ClockStatus::DueToday) => prop_assert_eq!(a.due, as_of),
                (None, ClockStatus::Overdue { days }) => prop_assert_eq!((as_of - a.due).num_days(), days),
                (accepted, st) => prop_assert!(false, "accepted {:?} gave {:?}", accepted, st),
            }
        }
    }

    /// With no new records, the card only goes none → yellow → red as `as_of` advances.
    #[test]
    fn as_the_status_date_advances_with_no_new_records_the_card_only_goes_none_yellow_red(
        mut clue in calendar_clue(),
        p in policy(),
        record_offsets in proptest::collection::vec((0u64..=150, any::<bool>()), 0..4),
        closed_after in proptest::option::of(0u64..=150),
        horizon in 0u64..=150,
        steps in proptest::collection::vec(0u64..=20, 1..20),
    ) {
        let cal = WorkCalendar::china();
        clue.progress = record_offsets
            .iter()
            .map(|&(k, fb)| Progress {
                on: plus(clue.registered_on, k),
                kind: if fb { ProgressKind::Feedback } else { ProgressKind::Note },
                note: String::new(),
            })
            .collect();
        clue.closed_on = closed_after.map(|k| plus(clue.registered_on, k));
        // Start once every record is in the past.
        let last_record = clue
            .progress
            .iter()
            .map(|x| x.on)
            .chain(clue.closed_on)
            .chain(clue.accepted_on)
            .max()
            .unwrap_or(clue.registered_on);
        let mut as_of = plus(last_record.max(clue.registered_on), horizon);
        let mut previous = Card::None;
        for step in steps {
            let card = status(&clue, &p, &cal, as_of).unwrap().card;
            prop_assert!(card >= previous, "{:?} after {:?} on {}", card, previous, as_of);
            previous = card;
            as_of = plus(as_of, step);
        }
    }

    #[test]
    fn a_red_card_needs_the_policys_overdue_days_and_an_open_unprogressed_case(clue in calendar_clue(), p in policy(), k in 0u64..=200) {
        let cal = WorkCalendar::china();
        let as_of = plus(clue.registered_on, k);
        let s = status(&clue, &p, &cal, as_of).unwrap();
        match s.card {
            Card::Red => {
                let (r, _) = s.respond.unwrap();
                prop_assert!((as_of - r.due).num_days() >= i64::from(p.red_card_overdue_days));
                prop_assert_eq!(s.card_rule, Some(wage_arrears::RuleId::CardRed));
            }
            Card::Yellow => {
                let (r, _) = s.respond.unwrap();
                prop_assert!(as_of > r.due);
                prop_assert_eq!(s.card_rule, Some(wage_arrears::RuleId::CardYellow));
            }
            Card::None => prop_assert_eq!(s.card_rule, None),
        }
    }

    #[test]
    fn escalation_is_consistent_with_its_basis_and_its_filing_duty(
        clue in odd_clue(),
        p in policy(),
        city in any::<bool>(),
    ) {
        let mut clue = clue;
        clue.handling_level = if city { HandlingLevel::City } else { HandlingLevel::County };
        let e = escalation(&clue, &p);
        let case = e.reasons.iter().any(|f| f.reason.is_case_fact());
        let recurrence = e.reasons.iter().any(|f| f.reason.is_recurrence());
        // City handling raises a case by itself only when the policy says so.
        let by_city = p.city_handling_escalates && clue.handling_level == HandlingLevel::City;
        match p.escalation_basis {
            EscalationBasis::AnyCriterion => prop_assert_eq!(e.escalated, case || recurrence || by_city),
            _ => prop_assert_eq!(e.escalated, (case && recurrence) || by_city),
        }
        prop_assert!(e.reasons.windows(2).all(|w| w[0].reason < w[1].reason));
        // Same-day filing binds an escalated case once its arrears are verified (the filing conditions), on the
        // day of that verification (or of receipt, when later); a clue with no arrears verified owes none.
        let verified_on = clue.investigation.as_ref().filter(|i| i.arrears_verified).map(|i| i.on);
        prop_assert_eq!(
            e.filing.is_some(),
            e.escalated && p.escalation_same_day_filing && verified_on.is_some()
        );
        if let (Some(f), Some(v)) = (e.filing, verified_on) {
            prop_assert_eq!(f.must_file_by, v.max(clue.registered_on));
        }
    }

    /// However odd the clue and the date, the public functions return a value or one of the documented errors.
    #[test]
    fn arbitrary_clues_never_make_deadlines_status_or_escalation_panic(clue in odd_clue(), p in policy(), as_of in any_day()) {
        let cal = WorkCalendar::china();
        let documented = |e: &Error| matches!(
            e,
            Error::InvalidClue { .. } | Error::CalendarOutOfRange { .. } | Error::CountPastCalendar { .. } | Error::DateOverflow { .. }
        );
        match deadlines(&clue, &p, &cal) {
            Ok(dl) => {
                for x in [dl.accept, dl.respond].into_iter().flatten() {
                    prop_assert!(x.due > x.start);
                }
            }
            Err(e) => prop_assert!(documented(&e), "{e}"),
        }
        match status(&clue, &p, &cal, as_of) {
            Ok(s) => prop_assert_eq!(s.as_of, as_of),
            Err(e) => prop_assert!(documented(&e), "{e}"),
        }
        let e = escalation(&clue, &p);
        prop_assert!(e.reasons.len() <= 7);
    }
}
