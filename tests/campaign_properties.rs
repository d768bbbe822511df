//! Properties of campaign deadlines and misses, over random campaigns and clues.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use wage_arrears::campaign::{Campaign, MissKind, ReportDue, campaign_deadlines, campaign_misses};
use wage_arrears::{Clue, Error, Investigation, RuleId, Source, WorkCalendar};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn plus(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

fn day_between(lo: NaiveDate, hi: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    let span = u64::try_from((hi - lo).num_days()).unwrap();
    (0..=span).prop_map(move |k| plus(lo, k))
}

/// A valid campaign inside 2024–2026.
fn campaign() -> impl Strategy<Value = Campaign> {
    (
        day_between(d(2024, 1, 1), d(2026, 6, 30)),
        0u64..=120,
        0u64..=60,
        1u32..=10,
        0u64..=10,
    )
        .prop_map(|(starts_on, length, close_after_start, n, report_after)| {
            let ends_on = plus(starts_on, length);
            let cut_off = plus(starts_on, length / 2);
            Campaign {
                name: "平顶山市根治欠薪专项行动".into(),
                starts_on,
                ends_on,
                close_all_by: plus(starts_on, close_after_start),
                reports: vec![
                    ReportDue::Fixed {
                        name: "进展情况".into(),
                        due: plus(cut_off, report_after),
                        covers_to: cut_off,
                    },
                    ReportDue::WorkingDaysAfterEnd {
                        name: "总体情况".into(),
                        working_days: n,
                    },
                ],
            }
        })
}

/// A ledger of clues with distinct ids (`PDS-0000`, `PDS-0001`, … in shuffled order).
fn ledger(n: std::ops::Range<usize>) -> impl Strategy<Value = Vec<Clue>> {
    proptest::collection::vec(clue(), n)
        .prop_map(|clues| {
            clues
                .into_iter()
                .enumerate()
                .map(|(i, mut c)| {
                    c.id = format!("PDS-{i:04}");
                    c
                })
                .collect::<Vec<_>>()
        })
        .prop_shuffle()
}

/// A clue registered 2023-06..=2026-09 with an optional investigation and closing (its id may repeat another's).
fn clue() -> impl Strategy<Value = Clue> {
    (
        day_between(d(2023, 6, 1), d(2026, 9, 30)),
        proptest::option::of((0u64..=90, any::<bool>())),
        proptest::option::of(0u64..=200),
        0u32..10_000,
    )
        .prop_map(|(registered, investigation, closed_after, n)| {
            let mut c = Clue::new(format!("PDS-{n:04}"), Source::QrCode, "鲁山县", registered);
            c.investigation = investigation.map(|(k, arrears_verified)| Investigation {
                on: plus(registered, k),
                arrears_verified,
                employer_refuses: false,
                record: String::new(),
            });
            c.closed_on = closed_after.map(|k| plus(registered, k));
            c
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn campaign_deadlines_are_in_order_and_the_summary_is_n_working_days_after_the_end(c in campaign()) {
        let cal = WorkCalendar::china();
        let all = campaign_deadlines(&c, &cal).unwrap();
        prop_assert_eq!(all.len(), 1 + c.reports.len());
        prop_assert!(all.windows(2).all(|w| w[0].due <= w[1].due));
        for x in &all {
            match x.rule {
                RuleId::CampaignCloseAll => prop_assert_eq!(x.due, c.close_all_by),
                RuleId::CampaignSummaryReport => {
                    let Some(ReportDue::WorkingDaysAfterEnd { working_days, .. }) = c.reports.get(1) else {
                        return Err(TestCaseError::fail("no summary report"));
                    };
                    prop_assert!(cal.is_working_day(x.due).unwrap());
                    prop_assert_eq!(cal.working_days_between(c.ends_on, x.due).unwrap(), i64::from(*working_days));
                }
                RuleId::CampaignProgressReport => prop_assert!(x.covers_to.is_some_and(|to| to <= x.due)),
                other => prop_assert!(false, "unexpected rule {}", other),
            }
        }
    }

    /// A clue is listed exactly when it is verified on `as_of`, registered by the close-all date, and not closed by
    /// it; in id order.
    #[test]
    fn a_campaign_lists_exactly_the_verified_clues_not_closed_by_its_date(
        c in campaign(),
        clues in ledger(0..12),
        as_of_after_start in 0u64..=200,
    ) {
        let as_of = plus(c.starts_on, as_of_after_start);
        let misses = campaign_misses(&c, &clues, as_of, &WorkCalendar::china()).unwrap();
        let by = c.close_all_by;
        let mut expected: Vec<&Clue> = clues
            .iter()
            .filter(|x| {
                x.investigation.as_ref().is_some_and(|i| i.arrears_verified && i.on <= as_of)
                    && x.registered_on <= by
                    && x.registered_on <= as_of
                    && !x.closed_on.is_some_and(|closed| closed <= as_of && closed <= by)
            })
            .collect();
        expected.sort_by(|a, b| a.id.cmp(&b.id));
        prop_assert_eq!(misses.len(), expected.len());
        for (miss, clue) in misses.iter().zip(expected) {
            prop_assert_eq!(&miss.clue_id, &clue.id);
            prop_assert_eq!(miss.rule, RuleId::CampaignCloseAll);
            match miss.kind {
                MissKind::OpenBeforeDeadline { days_left, working_days_left } => {
                    prop_assert!(as_of <= by && days_left >= 0 && working_days_left <= days_left);
                }
                MissKind::OpenPastDeadline { days_over } => prop_assert!(days_over > 0 && as_of > by),
                MissKind::ClosedLate { on, days_late } => prop_assert!(on > by && days_late == (on - by).num_days()),
                _ => prop_assert!(false, "unknown kind"),
            }
        }
    }

    /// Identical copies of a clue count once; a different record under a listed id is refused, naming that id,
    /// whatever the order of the rows.
    #[test]
    fn a_campaign_counts_identical_copies_once_and_refuses_two_different_records_under_one_id(
        c in campaign(),
        clues in ledger(1..12),
        copies in proptest::collection::vec(any::<proptest::sample::Index>(), 1..4),
        changed in any::<proptest::sample::Index>(),
        as_of_after_start in 0u64..=200,
    ) {
        let as_of = plus(c.starts_on, as_of_after_start);
        let cal = WorkCalendar::china();
        let once = campaign_misses(&c, &clues, as_of, &cal).unwrap();
        let mut doubled = clues.clone();
        doubled.extend(copies.iter().map(|i| i.get(&clues).clone()));
        prop_assert_eq!(&campaign_misses(&c, &doubled, as_of, &cal).unwrap(), &once);

        let mut other = changed.get(&clues).clone();
        other.responsible = format!("{}（另一记录）", other.responsible);
        let id = other.id.clone();
        doubled.insert(0, other);
        prop_assert_eq!(
            campaign_misses(&c, &doubled, as_of, &cal),
            Err(Error::ConflictingRecords { ids: vec![id] })
        );
    }

    /// Campaigns with any dates, valid or not, give a value or a documented error.
    #[test]
    fn arbitrary_campaigns_never_make_the_campaign_functions_panic(
        starts in day_between(d(2003, 1, 1), d(2027, 12, 31)),
        ends in day_between(d(2003, 1, 1), d(2027, 12, 31)),
        close in day_between(d(2003, 1, 1), d(2027, 12, 31)),
        n in 0u32..=400,
        clues in proptest::collection::vec(clue(), 0..6),
        as_of in day_between(d(2003, 1, 1), d(2027, 12, 31)),
    ) {
        let c = Campaign {
            name: "x".into(),
            starts_on: starts,
            ends_on: ends,
            close_all_by: close,
            reports: vec![ReportDue::WorkingDaysAfterEnd { name: "总体情况".into(), working_days: n }],
        };
        let cal = WorkCalendar::china();
        let documented = |e: &Error| matches!(
            e,
            Error::InvalidCampaign { .. } | Error::InvalidClue { .. } | Error::ConflictingRecords { .. } | Error::CalendarOutOfRange { .. } | Error::CountPastCalendar { .. }
        );
        match campaign_deadlines(&c, &cal) {
            Ok(all) => prop_assert_eq!(all.len(), 2),
            Err(e) => prop_assert!(documented(&e), "{e}"),
        }
        match campaign_misses(&c, &clues, as_of, &cal) {
            Ok(m) => prop_assert!(m.len() <= clues.len()),
            Err(e) => prop_assert!(documented(&e), "{e}"),
        }
    }
}
