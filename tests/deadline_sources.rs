//! The acceptance and response deadlines of every source (平人社监察〔2024〕15号 二(一)(二)、四(三); 保定市高效处置农民工欠薪问题若干措施（二）), with the
//! worked examples.

use chrono::{Datelike, NaiveDate, Weekday};
use wage_arrears::deadline::{DayUnit, deadlines};
use wage_arrears::policy::SourceClock;
use wage_arrears::{Clue, Error, Policy, Response, Rollover, RuleId, Source, WorkCalendar};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn accept_by(source: Source, registered: NaiveDate) -> NaiveDate {
    let clue = Clue::new("PDS-T", source, "叶县", registered);
    deadlines(&clue, &Policy::default(), &WorkCalendar::china())
        .unwrap()
        .accept
        .unwrap()
        .due
}

fn respond_by(source: Source, accepted: NaiveDate, policy: &Policy) -> NaiveDate {
    let mut clue = Clue::new("PDS-T", source, "叶县", accepted);
    clue.accepted_on = Some(accepted);
    deadlines(&clue, policy, &WorkCalendar::china())
        .unwrap()
        .respond
        .unwrap()
        .due
}

// ── Worked examples ─────────────────────────────────────────────────────────────────────────────────

#[test]
fn an_mohrss_clue_registered_on_friday_24_january_2025_must_be_accepted_by_5_february() {
    // Sun 01-26 (调休上班), Mon 01-27, then 春节 01-28..=02-04, then Wed 02-05.
    assert_eq!(
        accept_by(Source::MohrssColumn, d(2025, 1, 24)),
        d(2025, 2, 5)
    );
}

#[test]
fn an_mohrss_clue_registered_on_the_eve_of_national_day_2026_must_be_accepted_by_the_make_up_saturday()
 {
    // Thu 10-08, Fri 10-09, Sat 10-10 (调休上班).
    let due = accept_by(Source::MohrssColumn, d(2026, 9, 30));
    assert_eq!(due, d(2026, 10, 10));
    assert_eq!(due.weekday(), Weekday::Sat);
}

#[test]
fn an_mohrss_clue_registered_on_an_ordinary_sunday_must_be_accepted_by_wednesday() {
    let sunday = d(2025, 3, 9);
    assert_eq!(sunday.weekday(), Weekday::Sun);
    let due = accept_by(Source::MohrssColumn, sunday);
    assert_eq!((due, due.weekday()), (d(2025, 3, 12), Weekday::Wed));
}

#[test]
fn a_clue_accepted_on_2_august_2025_must_be_closed_within_60_natural_days_by_1_october_without_roll_over()
 {
    let policy = Policy::default();
    assert_eq!(policy.natural_day_rollover, Rollover::None);
    assert_eq!(
        respond_by(Source::MohrssColumn, d(2025, 8, 2), &policy),
        d(2025, 10, 1)
    );
}

#[test]
fn with_roll_over_a_60_day_deadline_on_national_day_2025_moves_to_9_october() {
    let mut policy = Policy::default();
    policy.natural_day_rollover = Rollover::NextWorkingDay;
    assert_eq!(
        respond_by(Source::MohrssColumn, d(2025, 8, 2), &policy),
        d(2025, 10, 9)
    );
}

// ── Each source ─────────────────────────────────────────────────────────────────────────────────────────

#[test]
fn a_gov_cn_message_registered_on_friday_must_be_accepted_by_tuesday() {
    let friday = d(2025, 3, 7);
    assert_eq!(accept_by(Source::GovCnMessage, friday), d(2025, 3, 11));
}

#[test]
fn a_state_council_inspection_clue_is_accepted_within_2_working_days_under_rule_r_acc_2() {
    let clue = Clue::new("T", Source::StateCouncilInspection, "郏县", d(2025, 6, 4));
    let dl = deadlines(&clue, &Policy::default(), &WorkCalendar::china()).unwrap();
    let accept = dl.accept.unwrap();
    assert_eq!(accept.rule, RuleId::AcceptTwoDaySources);
    assert_eq!((accept.days, accept.unit), (2, DayUnit::Working));
    assert_eq!(accept.due, d(2025, 6, 6));
    assert_eq!(dl.response, Response::ReplyOrProgressFeedback);
}

#[test]
fn a_ministers_mailbox_clue_registered_before_dragon_boat_2025_is_accepted_after_the_holiday() {
    // Thu 2025-05-29: Fri 05-30, then 端午节 05-31..=06-02, then Tue 06-03.
    assert_eq!(
        accept_by(Source::MinistersMailbox, d(2025, 5, 29)),
        d(2025, 6, 3)
    );
}

#[test]
fn a_henan_monitoring_clue_is_clocked_as_the_mohrss_column_under_rule_r_acc_3() {
    let mut clue = Clue::new("T", Source::HenanMonitoring, "鲁山县", d(2025, 1, 24));
    clue.accepted_on = Some(d(2025, 2, 5));
    let dl = deadlines(&clue, &Policy::default(), &WorkCalendar::china()).unwrap();
    let (accept, respond) = (dl.accept.unwrap(), dl.respond.unwrap());
    assert_eq!(
        (accept.rule, accept.due),
        (RuleId::AcceptHenanMonitoring, d(2025, 2, 5))
    );
    assert_eq!(respond.rule, RuleId::RespondClosingFeedback);
    assert_eq!((respond.days, respond.due), (60, d(2025, 4, 6)));
}

#[test]
fn a_hotline_petition_on_site_or_qr_code_clue_has_no_clock_unless_the_policy_sets_one() {
    let cal = WorkCalendar::china();
    for source in [
        Source::Hotline12345,
        Source::Hotline12333,
        Source::Petition,
        Source::OnSite,
        Source::QrCode,
    ] {
        let mut clue = Clue::new("T", source, "石龙区", d(2025, 3, 3));
        clue.accepted_on = Some(d(2025, 3, 3));
        let dl = deadlines(&clue, &Policy::default(), &cal).unwrap();
        assert_eq!((dl.accept, dl.respond), (None, None), "{source:?}");

        let mut city = Policy::default();
        city.clocks.other_channels = SourceClock {
            accept_working_days: Some(1),
            respond_natural_days: Some(15),
            response: Response::ClosingFeedback,
        };
        let dl = deadlines(&clue, &city, &cal).unwrap();
        let accept = dl.accept.unwrap();
        assert_eq!(
            (accept.rule, accept.due),
            (RuleId::AcceptOtherChannels, d(2025, 3, 4))
        );
        assert_eq!(dl.respond.unwrap().due, d(2025, 3, 18));
    }
}

// ── Registration on rest days and make-up days ───────────────────────────────────────────────────────

#[test]
fn a_gov_cn_message_registered_on_the_make_up_sunday_26_january_2025_does_not_count_that_day() {
    // The start day is never counted, even a working one: Mon 01-27, then Wed 02-05.
    assert_eq!(
        accept_by(Source::GovCnMessage, d(2025, 1, 26)),
        d(2025, 2, 5)
    );
    assert_eq!(
        accept_by(Source::MohrssColumn, d(2025, 1, 26)),
        d(2025, 2, 6)
    );
}

#[test]
fn a_gov_cn_message_registered_on_the_make_up_saturday_10_october_2026_is_due_on_tuesday() {
    assert_eq!(
        accept_by(Source::GovCnMessage, d(2026, 10, 10)),
        d(2026, 10, 13)
    );
}

#[test]
fn a_clue_registered_on_the_last_friday_before_spring_festival_2026_counts_the_make_up_saturday() {
    // Sat 02-14 (调休上班), then 春节 02-15..=02-23, then Tue 02-24.
    assert_eq!(
        accept_by(Source::GovCnMessage, d(2026, 2, 13)),
        d(2026, 2, 24)
    );
    assert_eq!(
        accept_by(Source::MinistersMailbox, d(2026, 2, 13)),
        d(2026, 2, 24)
    );
    assert_eq!(
        accept_by(Source::MohrssColumn, d(2026, 2, 13)),
        d(2026, 2, 25)
    );
}

#[test]
fn a_clue_registered_during_national_day_2025_is_accepted_after_the_make_up_saturday() {
    // Registered Thu 10-02 (holiday): 10-09 Thu, 10-10 Fri, 10-11 Sat (调休上班).
    assert_eq!(
        accept_by(Source::MohrssColumn, d(2025, 10, 2)),
        d(2025, 10, 11)
    );
}

#[test]
fn the_skipped_rest_days_of_a_count_are_the_holiday_and_weekend_it_crossed() {
    let cal = WorkCalendar::china();
    let clue = Clue::new("T", Source::MohrssColumn, "汝州市", d(2025, 1, 24));
    let accept = deadlines(&clue, &Policy::default(), &cal)
        .unwrap()
        .accept
        .unwrap();
    let skipped = accept.rest_days_skipped(&cal).unwrap();
    // Sat 01-25, then 01-28..=02-04 (8 days); Sun 01-26 is a make-up working day.
    assert_eq!(skipped.first(), Some(&d(2025, 1, 25)));
    assert_eq!(skipped.len(), 9);
    assert!(!skipped.contains(&d(2025, 1, 26)));
}

// ── Response clocks ──────────────────────────────────────────────────────────────────────────────────────

#[test]
fn a_thirty_day_source_must_be_answered_within_30_natural_days_of_acceptance_under_r_rsp_2() {
    let mut clue = Clue::new("T", Source::GovCnMessage, "湛河区", d(2025, 3, 3));
    clue.accepted_on = Some(d(2025, 3, 4));
    let respond = deadlines(&clue, &Policy::default(), &WorkCalendar::china())
        .unwrap()
        .respond
        .unwrap();
    assert_eq!(respond.rule, RuleId::RespondReplyOrProgress);
    assert_eq!(
        (respond.start, respond.days, respond.unit),
        (d(2025, 3, 4), 30, DayUnit::Natural)
    );
    assert_eq!(respond.due, d(2025, 4, 3));
}

#[test]
fn a_clue_has_no_response_deadline_until_it_is_accepted() {
    let clue = Clue::new("T", Source::MohrssColumn, "卫东区", d(2025, 3, 3));
    let dl = deadlines(&clue, &Policy::default(), &WorkCalendar::china()).unwrap();
    assert!(dl.accept.is_some());
    assert_eq!(dl.respond, None);
    assert_eq!(dl.response, Response::ClosingFeedback);
}

#[test]
fn a_deadline_explains_itself_with_its_rule_and_clause() {
    let clue = Clue::new("T", Source::MohrssColumn, "叶县", d(2026, 9, 30));
    let accept = deadlines(&clue, &Policy::default(), &WorkCalendar::china())
        .unwrap()
        .accept
        .unwrap();
    assert_eq!(
        accept.to_string(),
        "R-ACC-1 (平人社监察〔2024〕15号 二(一)): 2026-09-30 起 3 个工作日 → 2026-10-10"
    );
}

// ── Errors ───────────────────────────────────────────────────────────────────────────────────────────────

#[test]
fn a_clue_accepted_before_it_was_registered_has_no_deadlines_but_an_error_naming_the_field() {
    let mut clue = Clue::new("PDS-2025-0099", Source::GovCnMessage, "叶县", d(2025, 3, 3));
    clue.accepted_on = Some(d(2025, 3, 1));
    let err = deadlines(&clue, &Policy::default(), &WorkCalendar::china()).unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidClue {
                field: "accepted_on",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn a_clue_registered_outside_the_calendar_is_an_error_not_a_guess() {
    let clue = Clue::new("T", Source::GovCnMessage, "叶县", d(2027, 3, 3));
    let err = deadlines(&clue, &Policy::default(), &WorkCalendar::china()).unwrap_err();
    assert!(matches!(err, Error::CalendarOutOfRange { .. }), "{err}");
    assert!(err.to_string().contains("2027-03-03"), "{err}");
}

#[test]
fn a_sixty_day_clock_ending_in_2027_needs_no_calendar_without_roll_over_but_is_an_error_with_it() {
    let mut clue = Clue::new("T", Source::MohrssColumn, "叶县", d(2026, 11, 20));
    clue.accepted_on = Some(d(2026, 11, 23));
    let cal = WorkCalendar::china();
    let due = deadlines(&clue, &Policy::default(), &cal).unwrap();
    assert_eq!(due.respond.map(|r| r.due), Some(d(2027, 1, 22)));
    let mut rolling = Policy::default();
    rolling.natural_day_rollover = wage_arrears::Rollover::NextWorkingDay;
    let err = deadlines(&clue, &rolling, &cal).unwrap_err();
    assert!(err.to_string().contains("2027-01-22"), "{err}");
}
