//! The state of each clock on a date and the overdue cards (保定市高效处置农民工欠薪问题若干措施（十二）).

use chrono::NaiveDate;
use wage_arrears::deadline::{Card, ClockStatus, ClueStatus, status};
use wage_arrears::{
    CardBasis, Clue, Contact, ContactChannel, Policy, Progress, ProgressEvidence, ProgressKind,
    RuleId, Source, WorkCalendar,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A gov.cn message registered Mon 2025-03-03: accept by Wed 03-05; accepted 03-04: respond by Thu 04-03.
fn gov_cn() -> Clue {
    let mut c = Clue::new(
        "PDS-2025-0101",
        Source::GovCnMessage,
        "宝丰县",
        d(2025, 3, 3),
    );
    c.accepted_on = Some(d(2025, 3, 4));
    c
}

/// An MOHRSS clue registered Mon 2025-06-09, accepted 06-10: respond (close) by 2025-08-09.
fn mohrss() -> Clue {
    let mut c = Clue::new(
        "PDS-2025-0102",
        Source::MohrssColumn,
        "汝州市",
        d(2025, 6, 9),
    );
    c.accepted_on = Some(d(2025, 6, 10));
    c
}

fn at(clue: &Clue, as_of: NaiveDate) -> ClueStatus {
    status(clue, &Policy::default(), &WorkCalendar::china(), as_of).unwrap()
}

fn at_with(clue: &Clue, policy: &Policy, as_of: NaiveDate) -> ClueStatus {
    status(clue, policy, &WorkCalendar::china(), as_of).unwrap()
}

fn feedback(on: NaiveDate) -> Progress {
    Progress {
        on,
        kind: ProgressKind::Feedback,
        note: "已联系用人单位，正在核实工资发放台账，进度已在平台反馈。".into(),
    }
}

fn note(on: NaiveDate) -> Progress {
    Progress {
        on,
        kind: ProgressKind::Note,
        note: "约谈项目负责人，督促制定支付计划。".into(),
    }
}

// ── The acceptance clock ─────────────────────────────────────────────────────────────────────────────

#[test]
fn acceptance_on_the_due_day_is_on_time() {
    let mut c = gov_cn();
    c.accepted_on = Some(d(2025, 3, 5));
    let (deadline, clock) = at(&c, d(2025, 3, 20)).accept.unwrap();
    assert_eq!(deadline.due, d(2025, 3, 5));
    assert_eq!(clock, ClockStatus::MetOnTime { on: d(2025, 3, 5) });
}

#[test]
fn acceptance_the_day_after_the_due_day_is_one_day_late() {
    let mut c = gov_cn();
    c.accepted_on = Some(d(2025, 3, 6));
    let (_, clock) = at(&c, d(2025, 3, 20)).accept.unwrap();
    assert_eq!(
        clock,
        ClockStatus::MetLate {
            on: d(2025, 3, 6),
            days_late: 1
        }
    );
    assert!(clock.is_late() && clock.is_met());
}

#[test]
fn an_unaccepted_clue_is_due_today_on_its_due_day_and_overdue_by_one_the_day_after() {
    let mut c = gov_cn();
    c.accepted_on = None;
    assert_eq!(
        at(&c, d(2025, 3, 3)).accept.unwrap().1,
        ClockStatus::NotYetDue { days_left: 2 }
    );
    assert_eq!(
        at(&c, d(2025, 3, 5)).accept.unwrap().1,
        ClockStatus::DueToday
    );
    assert_eq!(
        at(&c, d(2025, 3, 6)).accept.unwrap().1,
        ClockStatus::Overdue { days: 1 }
    );
}

#[test]
fn before_registration_the_acceptance_clock_has_not_started() {
    let c = gov_cn();
    assert_eq!(
        at(&c, d(2025, 3, 2)).accept.unwrap().1,
        ClockStatus::NotStarted
    );
}

#[test]
fn an_acceptance_dated_after_the_status_date_has_not_happened_yet() {
    let mut c = gov_cn();
    c.accepted_on = Some(d(2025, 3, 10));
    let s = at(&c, d(2025, 3, 7));
    assert_eq!(s.accept.unwrap().1, ClockStatus::Overdue { days: 2 });
    assert_eq!(s.respond.unwrap().1, ClockStatus::NotStarted);
}

// ── The response clock ───────────────────────────────────────────────────────────────────────────────

#[test]
fn a_response_clock_counts_down_to_its_due_day_and_then_up_in_natural_days() {
    let c = gov_cn();
    assert_eq!(
        at(&c, d(2025, 4, 1)).respond.unwrap().1,
        ClockStatus::NotYetDue { days_left: 2 }
    );
    assert_eq!(
        at(&c, d(2025, 4, 3)).respond.unwrap().1,
        ClockStatus::DueToday
    );
    assert_eq!(
        at(&c, d(2025, 4, 4)).respond.unwrap().1,
        ClockStatus::Overdue { days: 1 }
    );
    assert_eq!(
        at(&c, d(2025, 5, 3)).respond.unwrap().1,
        ClockStatus::Overdue { days: 30 }
    );
}

#[test]
fn a_progress_feedback_on_the_due_day_answers_a_thirty_day_source_on_time() {
    let mut c = gov_cn();
    c.progress.push(feedback(d(2025, 4, 3)));
    assert_eq!(
        at(&c, d(2025, 4, 10)).respond.unwrap().1,
        ClockStatus::MetOnTime { on: d(2025, 4, 3) }
    );
}

#[test]
fn an_internal_note_does_not_answer_a_thirty_day_source() {
    let mut c = gov_cn();
    c.progress.push(note(d(2025, 3, 20)));
    assert_eq!(
        at(&c, d(2025, 4, 10)).respond.unwrap().1,
        ClockStatus::Overdue { days: 7 }
    );
}

#[test]
fn a_progress_feedback_does_not_answer_an_mohrss_clue_only_closing_does() {
    let mut c = mohrss();
    c.progress.push(feedback(d(2025, 7, 1)));
    assert_eq!(
        at(&c, d(2025, 8, 12)).respond.unwrap().1,
        ClockStatus::Overdue { days: 3 }
    );
    c.closed_on = Some(d(2025, 8, 9));
    assert_eq!(
        at(&c, d(2025, 8, 12)).respond.unwrap().1,
        ClockStatus::MetOnTime { on: d(2025, 8, 9) }
    );
}

#[test]
fn a_case_closed_after_its_deadline_is_met_late_by_the_natural_days_in_between() {
    let mut c = mohrss();
    c.closed_on = Some(d(2025, 8, 21));
    assert_eq!(
        at(&c, d(2025, 9, 1)).respond.unwrap().1,
        ClockStatus::MetLate {
            on: d(2025, 8, 21),
            days_late: 12
        }
    );
}

// ── Cards ────────────────────────────────────────────────────────────────────────────────────────────

#[test]
fn no_card_is_given_on_the_deadline_day_and_a_yellow_card_the_day_after() {
    let c = mohrss();
    let on_due = at(&c, d(2025, 8, 9));
    assert_eq!((on_due.card, on_due.card_rule), (Card::None, None));
    let after = at(&c, d(2025, 8, 10));
    assert_eq!(
        (after.card, after.card_rule),
        (Card::Yellow, Some(RuleId::CardYellow))
    );
}

#[test]
fn a_case_overdue_by_nine_days_is_yellow_and_by_ten_days_with_no_progress_is_red() {
    let c = mohrss();
    assert_eq!(at(&c, d(2025, 8, 18)).card, Card::Yellow);
    let red = at(&c, d(2025, 8, 19));
    assert_eq!(
        (red.card, red.card_rule),
        (Card::Red, Some(RuleId::CardRed))
    );
}

#[test]
fn progress_recorded_after_the_deadline_keeps_a_red_card_away() {
    let mut c = mohrss();
    c.progress.push(note(d(2025, 8, 15)));
    assert_eq!(at(&c, d(2025, 9, 30)).card, Card::Yellow);
}

#[test]
fn progress_recorded_before_the_deadline_does_not_keep_a_red_card_away() {
    let mut c = mohrss();
    c.progress.push(note(d(2025, 8, 1)));
    c.contacts.push(Contact {
        on: d(2025, 8, 9),
        channel: ContactChannel::Phone,
        reached: true,
        note: String::new(),
    });
    assert_eq!(at(&c, d(2025, 8, 19)).card, Card::Red);
}

#[test]
fn progress_dated_after_the_status_date_has_not_happened_yet_for_the_card() {
    let mut c = mohrss();
    c.progress.push(note(d(2025, 8, 25)));
    assert_eq!(at(&c, d(2025, 8, 20)).card, Card::Red);
    assert_eq!(at(&c, d(2025, 8, 25)).card, Card::Yellow);
}

#[test]
fn a_contact_after_the_deadline_is_progress_by_default_but_not_when_only_platform_feedback_counts()
{
    let mut c = mohrss();
    c.contacts.push(Contact {
        on: d(2025, 8, 12),
        channel: ContactChannel::Message,
        reached: true,
        note: "微信告知反映人案件仍在协调中".into(),
    });
    assert_eq!(at(&c, d(2025, 8, 30)).card, Card::Yellow);
    let mut strict = Policy::default();
    strict.red_card_progress = ProgressEvidence::FeedbackOnly;
    assert_eq!(at_with(&c, &strict, d(2025, 8, 30)).card, Card::Red);
    c.progress.push(feedback(d(2025, 8, 14)));
    assert_eq!(at_with(&c, &strict, d(2025, 8, 30)).card, Card::Yellow);
}

#[test]
fn closing_a_case_lifts_its_card() {
    let mut c = mohrss();
    c.closed_on = Some(d(2025, 9, 2));
    assert_eq!(at(&c, d(2025, 9, 1)).card, Card::Red);
    assert_eq!(at(&c, d(2025, 9, 2)).card, Card::None);
}

#[test]
fn by_default_a_timely_progress_feedback_does_not_keep_a_yellow_card_from_an_unclosed_case() {
    let mut c = gov_cn();
    c.progress.push(feedback(d(2025, 4, 1)));
    let s = at(&c, d(2025, 4, 4));
    assert_eq!(
        s.respond.unwrap().1,
        ClockStatus::MetOnTime { on: d(2025, 4, 1) }
    );
    assert_eq!(s.card, Card::Yellow);
}

#[test]
fn when_cards_count_against_answering_a_timely_progress_feedback_keeps_the_card_away() {
    let mut p = Policy::default();
    p.card_basis = CardBasis::NotAnswered;
    let mut c = gov_cn();
    c.progress.push(feedback(d(2025, 4, 1)));
    assert_eq!(at_with(&c, &p, d(2025, 5, 1)).card, Card::None);
    // A late feedback is progress (no red card) but not an answer on time (yellow).
    let mut late = gov_cn();
    late.progress.push(feedback(d(2025, 4, 8)));
    assert_eq!(at_with(&late, &p, d(2025, 5, 1)).card, Card::Yellow);
    // Unanswered: red after 10 days.
    assert_eq!(at_with(&gov_cn(), &p, d(2025, 4, 13)).card, Card::Red);
}

#[test]
fn a_city_with_a_five_day_red_card_gives_it_on_the_fifth_day_overdue() {
    let mut p = Policy::default();
    p.red_card_overdue_days = 5;
    let c = mohrss();
    assert_eq!(at_with(&c, &p, d(2025, 8, 13)).card, Card::Yellow);
    assert_eq!(at_with(&c, &p, d(2025, 8, 14)).card, Card::Red);
}

#[test]
fn a_clue_never_accepted_has_no_response_clock_and_no_card_but_its_acceptance_is_overdue() {
    let mut c = mohrss();
    c.accepted_on = None;
    let s = at(&c, d(2025, 12, 1));
    assert_eq!(s.respond, None);
    assert_eq!(s.card, Card::None);
    assert!(matches!(s.accept.unwrap().1, ClockStatus::Overdue { .. }));
}

#[test]
fn a_clue_from_a_channel_without_clocks_never_carries_a_card() {
    let mut c = Clue::new("T", Source::Hotline12345, "高新区", d(2025, 3, 3));
    c.accepted_on = Some(d(2025, 3, 3));
    let s = at(&c, d(2026, 3, 3));
    assert_eq!((s.accept, s.respond, s.card), (None, None, Card::None));
}
