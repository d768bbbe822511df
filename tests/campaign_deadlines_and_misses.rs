//! Campaigns (专项行动, 洛阳市根治欠薪冬季专项行动通知（2023）): the Luoyang winter campaign 2023–2024 as the worked example, and a Pingdingshan
//! winter campaign 2025–2026.

use chrono::{Datelike, NaiveDate, Weekday};
use wage_arrears::campaign::{
    Campaign, CampaignDeadline, MissKind, ReportDue, campaign_deadlines, campaign_misses,
};
use wage_arrears::{Clue, Error, Investigation, RuleId, Source, WorkCalendar};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn due_of(deadlines: &[CampaignDeadline], rule: RuleId) -> &CampaignDeadline {
    deadlines.iter().find(|x| x.rule == rule).unwrap()
}

fn verified(id: &str, registered: NaiveDate, verified_on: NaiveDate) -> Clue {
    let mut c = Clue::new(id, Source::MohrssColumn, "宝丰县", registered);
    c.accepted_on = Some(registered);
    c.investigation = Some(Investigation {
        on: verified_on,
        arrears_verified: true,
        employer_refuses: false,
        record: "调取考勤表、工资表，询问班组长，核实欠薪事实".into(),
    });
    c
}

/// 平顶山市 winter campaign 2025–2026 (an illustration in the shape of 洛阳市根治欠薪冬季专项行动通知（2023）): to the 2026 Spring Festival.
fn pingdingshan_winter_2025() -> Campaign {
    Campaign {
        name: "平顶山市根治欠薪冬季专项行动（2025—2026）".into(),
        starts_on: d(2025, 11, 15),
        ends_on: d(2026, 2, 17),
        close_all_by: d(2026, 2, 17),
        reports: vec![
            ReportDue::Fixed {
                name: "行动进展情况报告".into(),
                due: d(2026, 1, 5),
                covers_to: d(2025, 12, 31),
            },
            ReportDue::WorkingDaysAfterEnd {
                name: "专项行动总体工作情况报告".into(),
                working_days: 2,
            },
        ],
    }
}

#[test]
fn the_luoyang_summary_is_due_on_monday_19_february_2024_two_working_days_after_the_spring_festival()
 {
    let cal = WorkCalendar::china();
    let c = Campaign::luoyang_winter_2023();
    assert_eq!(c.ends_on, d(2024, 2, 10));
    // The end is inside 春节 (02-10..=02-17); Sun 02-18 is a make-up working day (1), Mon 02-19 (2).
    assert!(!cal.is_working_day(d(2024, 2, 17)).unwrap());
    assert!(cal.is_working_day(d(2024, 2, 18)).unwrap());
    assert_eq!(d(2024, 2, 18).weekday(), Weekday::Sun);
    let all = campaign_deadlines(&c, &cal).unwrap();
    let summary = due_of(&all, RuleId::CampaignSummaryReport);
    assert_eq!(summary.due, d(2024, 2, 19));
    assert_eq!(summary.covers_to, Some(d(2024, 2, 10)));
}

#[test]
fn the_luoyang_progress_report_is_due_by_1_january_2024_covering_to_31_december_2023() {
    let all = campaign_deadlines(&Campaign::luoyang_winter_2023(), &WorkCalendar::china()).unwrap();
    let report = due_of(&all, RuleId::CampaignProgressReport);
    assert_eq!(report.name, "行动进展情况报告");
    assert_eq!(
        (report.due, report.covers_to),
        (d(2024, 1, 1), Some(d(2023, 12, 31)))
    );
}

#[test]
fn every_verified_luoyang_case_must_be_closed_by_the_2024_spring_festival() {
    let all = campaign_deadlines(&Campaign::luoyang_winter_2023(), &WorkCalendar::china()).unwrap();
    let close = due_of(&all, RuleId::CampaignCloseAll);
    assert_eq!((close.due, close.covers_to), (d(2024, 2, 10), None));
    assert_eq!(
        RuleId::CampaignCloseAll.citation().to_string(),
        "洛阳市根治欠薪冬季专项行动通知（2023）一"
    );
}

#[test]
fn a_summary_due_two_working_days_after_the_2026_spring_festival_falls_on_wednesday_25_february() {
    let all = campaign_deadlines(&pingdingshan_winter_2025(), &WorkCalendar::china()).unwrap();
    // Ends Tue 02-17 inside 春节 (02-15..=02-23): Tue 02-24, Wed 02-25.
    assert_eq!(
        due_of(&all, RuleId::CampaignSummaryReport).due,
        d(2026, 2, 25)
    );
    let dues: Vec<NaiveDate> = all.iter().map(|x| x.due).collect();
    assert!(
        dues.windows(2).all(|w| w[0] <= w[1]),
        "in order of due date"
    );
}

#[test]
fn a_verified_case_still_open_before_the_close_all_date_is_listed_with_the_days_left() {
    let c = pingdingshan_winter_2025();
    let clue = verified("PDS-2025-0301", d(2025, 12, 1), d(2025, 12, 5));
    let misses = campaign_misses(&c, &[clue], d(2026, 2, 10), &WorkCalendar::china()).unwrap();
    assert_eq!(misses.len(), 1);
    assert_eq!(misses[0].rule, RuleId::CampaignCloseAll);
    // Wed 02-11, Thu 02-12, Fri 02-13, Sat 02-14 (调休上班); 02-15..=02-17 is 春节.
    assert_eq!(
        misses[0].kind,
        MissKind::OpenBeforeDeadline {
            days_left: 7,
            working_days_left: 4
        }
    );
}

#[test]
fn a_verified_case_still_open_after_the_close_all_date_misses_it() {
    let clue = verified("PDS-2025-0302", d(2025, 10, 20), d(2025, 11, 2));
    let misses = campaign_misses(
        &pingdingshan_winter_2025(),
        &[clue],
        d(2026, 3, 1),
        &WorkCalendar::china(),
    )
    .unwrap();
    assert_eq!(misses[0].kind, MissKind::OpenPastDeadline { days_over: 12 });
    assert_eq!(misses[0].county, "宝丰县");
}

#[test]
fn a_verified_case_closed_after_the_close_all_date_is_listed_as_closed_late() {
    let mut clue = verified("PDS-2026-0303", d(2026, 1, 6), d(2026, 1, 9));
    clue.closed_on = Some(d(2026, 2, 27));
    let misses = campaign_misses(
        &pingdingshan_winter_2025(),
        &[clue],
        d(2026, 3, 1),
        &WorkCalendar::china(),
    )
    .unwrap();
    assert_eq!(
        misses[0].kind,
        MissKind::ClosedLate {
            on: d(2026, 2, 27),
            days_late: 10
        }
    );
}

#[test]
fn a_case_closed_on_the_close_all_date_itself_does_not_miss_it() {
    let mut clue = verified("PDS-2026-0304", d(2026, 1, 6), d(2026, 1, 9));
    clue.closed_on = Some(d(2026, 2, 17));
    let misses = campaign_misses(
        &pingdingshan_winter_2025(),
        &[clue],
        d(2026, 3, 1),
        &WorkCalendar::china(),
    )
    .unwrap();
    assert!(misses.is_empty());
}

#[test]
fn unverified_cases_and_cases_registered_after_the_close_all_date_are_not_listed() {
    let mut no_arrears = verified("PDS-2026-0305", d(2026, 1, 6), d(2026, 1, 9));
    if let Some(i) = no_arrears.investigation.as_mut() {
        i.arrears_verified = false;
    }
    let not_investigated = Clue::new("PDS-2026-0306", Source::GovCnMessage, "叶县", d(2026, 1, 7));
    let later = verified("PDS-2026-0307", d(2026, 2, 24), d(2026, 2, 26));
    let verified_after_as_of = verified("PDS-2026-0308", d(2026, 1, 20), d(2026, 3, 5));
    let misses = campaign_misses(
        &pingdingshan_winter_2025(),
        &[no_arrears, not_investigated, later, verified_after_as_of],
        d(2026, 3, 1),
        &WorkCalendar::china(),
    )
    .unwrap();
    assert!(misses.is_empty(), "{misses:?}");
}

#[test]
fn a_verified_case_registered_before_the_window_must_still_be_closed_by_the_close_all_date() {
    let clue = verified("PDS-2025-0309", d(2025, 9, 1), d(2025, 9, 10));
    let misses = campaign_misses(
        &pingdingshan_winter_2025(),
        &[clue],
        d(2026, 2, 18),
        &WorkCalendar::china(),
    )
    .unwrap();
    assert_eq!(misses[0].kind, MissKind::OpenPastDeadline { days_over: 1 });
}

#[test]
fn a_campaign_that_ends_before_it_starts_is_rejected_with_its_name_and_dates() {
    let mut c = pingdingshan_winter_2025();
    c.ends_on = d(2025, 11, 1);
    let err = campaign_deadlines(&c, &WorkCalendar::china()).unwrap_err();
    assert!(matches!(err, Error::InvalidCampaign { .. }), "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains("平顶山市根治欠薪冬季专项行动") && msg.contains("2025-11-01"),
        "{msg}"
    );
}

#[test]
fn a_fixed_report_covering_past_its_due_date_is_rejected() {
    let mut c = pingdingshan_winter_2025();
    c.reports[0] = ReportDue::Fixed {
        name: "行动进展情况报告".into(),
        due: d(2025, 12, 30),
        covers_to: d(2025, 12, 31),
    };
    assert!(campaign_misses(&c, &[], d(2026, 1, 1), &WorkCalendar::china()).is_err());
}
