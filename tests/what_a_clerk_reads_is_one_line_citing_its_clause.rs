//! The outputs a clerk reads — a finding, a follow-up, a violation, a clue's status, why it is overdue — display
//! as one line of Chinese that cites the clause the rule implements, whatever the free text in the record holds.

mod disposition_common;

use disposition_common::{cal, clean, d};
use wage_arrears::deadline::Clock;
use wage_arrears::{
    Card, Clue, Conclusion, Finding, FindingKind, FollowUpKind, Policy, Progress, RuleId, Source,
    follow_ups, status, validate,
};

#[test]
fn a_finding_reads_as_one_line_naming_the_county_the_clue_the_kind_and_its_clause() {
    let f = Finding::new(
        "叶县",
        "PDS-2025-T005",
        FindingKind::AgreementNotFollowedUp,
        d(2025, 4, 11),
    )
    .with_responsible("李明")
    .with_note("协议到期未付，\n未见跟踪督促记录");
    let line = f.to_string();
    assert!(!line.contains('\n'), "{line}");
    assert!(
        line.starts_with("叶县 线索PDS-2025-T005 问题3“协议到期未履行，没有跟踪督促”"),
        "{line}"
    );
    assert!(
        line.contains(&RuleId::FindingAgreementNotFollowedUp.citation().to_string()),
        "{line}"
    );
    assert!(
        line.contains("2025-04-11发现，责任人李明：协议到期未付， 未见跟踪督促记录"),
        "{line}"
    );
    assert_eq!(
        line,
        "叶县 线索PDS-2025-T005 问题3“协议到期未履行，没有跟踪督促”（平人社监察〔2024〕15号 四(一)3），\
         2025-04-11发现，责任人李明：协议到期未付， 未见跟踪督促记录"
    );
}

#[test]
fn a_violation_reads_as_its_message_and_clause_and_the_finding_it_would_become() {
    let mut clue = clean(Conclusion::NoArrears);
    clue.contacts.iter_mut().for_each(|c| c.reached = false);
    let report = validate(&clue, &Policy::default());
    assert_eq!(report.rules(), [RuleId::FirstContact]);
    let line = report.violations[0].to_string();
    assert!(!line.contains('\n'), "{line}");
    assert!(
        line.starts_with("3次联系均未联系上反映人，首问负责制未落实（"),
        "{line}"
    );
    assert!(
        line.contains(&RuleId::FirstContact.citation().to_string()),
        "{line}"
    );
    assert!(
        line.contains("可认定为问题1“未落实首问负责制，未联系当事人”"),
        "{line}"
    );
    assert!(
        line.contains(&RuleId::FindingNoFirstContact.citation().to_string()),
        "{line}"
    );
    assert!(
        line.contains("（平人社监察〔2024〕15号 二(二)、四(一)1）"),
        "{line}"
    );
    assert!(
        line.ends_with("（平人社监察〔2024〕15号 四(一)1）"),
        "{line}"
    );
}

#[test]
fn a_follow_up_reads_as_the_clue_the_duty_its_day_and_its_clause() {
    let clue = clean(Conclusion::Coordinated);
    let open =
        follow_ups(&clue, &Policy::default(), &cal(), d(2025, 3, 20)).expect("inside the calendar");
    let review = open
        .iter()
        .find(|f| f.kind == FollowUpKind::Code5Review)
        .expect("a code-5 clue owes its review");
    let line = review.to_string();
    assert!(
        line.starts_with("PDS-2025-T005 结论5复核，2025-04-10前："),
        "{line}"
    );
    assert!(
        line.ends_with(&format!("（{}）", RuleId::ReviewEveryCode5.citation())),
        "{line}"
    );
    assert!(!line.contains('\n'));
}

#[test]
fn a_status_reads_as_both_clocks_their_deadlines_and_the_card() {
    let clue = Clue::new(
        "PDS-2025-0031",
        Source::GovCnMessage,
        "宝丰县",
        d(2025, 3, 3),
    )
    .accepted(d(2025, 3, 4));
    let s = status(&clue, &Policy::default(), &cal(), d(2025, 4, 4)).expect("inside the calendar");
    let line = s.to_string();
    assert!(!line.contains('\n'), "{line}");
    assert!(
        line.starts_with("截至2025-04-04 接收：按期完成（时限2025-03-05，"),
        "{line}"
    );
    assert!(line.contains("办理：逾期1天（时限2025-04-03，"), "{line}");
    assert!(
        line.contains(&RuleId::RespondReplyOrProgress.citation().to_string()),
        "{line}"
    );
    assert!(
        line.ends_with(&format!("；黄牌（{}）", RuleId::CardYellow.citation())),
        "{line}"
    );
    assert_eq!(
        line,
        "截至2025-04-04 接收：按期完成（时限2025-03-05，平人社监察〔2024〕15号 二(一)）；\
         办理：逾期1天（时限2025-04-03，平人社监察〔2024〕15号 二(二)）；\
         黄牌（保定市高效处置农民工欠薪问题若干措施（十二））"
    );

    let fresh = Clue::new(
        "PDS-2025-0032",
        Source::Hotline12345,
        "宝丰县",
        d(2025, 3, 3),
    );
    let line = status(&fresh, &Policy::default(), &cal(), d(2025, 3, 4))
        .expect("no clock")
        .to_string();
    assert_eq!(line, "截至2025-03-04 接收：无时限；办理：未计时；无红黄牌");
}

#[test]
fn a_clue_is_not_overdue_on_its_due_day_and_is_overdue_the_day_after_on_the_clock_that_ran_out() {
    let (policy, cal) = (Policy::default(), cal());
    // Registered Mon 2025-03-03 from the MOHRSS column: accept by Thu 03-06 (3 working days).
    let clue = Clue::new("PDS-2025-0040", Source::MohrssColumn, "郏县", d(2025, 3, 3));
    let on_due_day = status(&clue, &policy, &cal, d(2025, 3, 6)).expect("inside the calendar");
    assert_eq!(on_due_day.is_overdue(), None);
    let after = status(&clue, &policy, &cal, d(2025, 3, 8)).expect("inside the calendar");
    let overdue = after.is_overdue().expect("not accepted by 03-06");
    assert_eq!(
        (
            overdue.clock,
            overdue.days,
            overdue.rule,
            overdue.card,
            overdue.deadline.due
        ),
        (
            Clock::Accept,
            2,
            RuleId::AcceptMohrssColumn,
            Card::None,
            d(2025, 3, 6)
        )
    );
    assert!(
        overdue
            .to_string()
            .starts_with("接收逾期2天（时限2025-03-06，"),
        "{overdue}"
    );

    // Accepted late, then past its 60-day response clock: overdue on the response clock, with the card.
    let accepted = clue.clone().accepted(d(2025, 3, 10));
    let later = status(&accepted, &policy, &cal, d(2025, 5, 20)).expect("inside the calendar");
    let overdue = later.is_overdue().expect("not closed by 05-09");
    assert_eq!(
        (overdue.clock, overdue.days, overdue.rule, overdue.card),
        (
            Clock::Respond,
            11,
            RuleId::RespondClosingFeedback,
            Card::Red
        )
    );

    // Closed late: history, not overdue.
    let closed = accepted.closed(d(2025, 5, 15), Conclusion::NoArrears);
    let after_closing =
        status(&closed, &policy, &cal, d(2025, 5, 20)).expect("inside the calendar");
    assert_eq!(after_closing.is_overdue(), None);
}

#[test]
fn a_clue_answered_in_time_by_a_progress_feedback_but_not_closed_is_overdue_by_its_card() {
    let cal = cal();
    let clue = Clue::new("PDS-2025-0041", Source::GovCnMessage, "郏县", d(2025, 3, 3))
        .accepted(d(2025, 3, 4))
        .progressed(Progress::feedback(d(2025, 4, 1), "正在协调用人单位支付"));
    // Respond by 04-03: the feedback answered the clock in time, but the case is not closed (未按期办结).
    let s = status(&clue, &Policy::default(), &cal, d(2025, 4, 8)).expect("inside the calendar");
    let overdue = s
        .is_overdue()
        .expect("a yellow card under the default card basis");
    assert_eq!(
        (overdue.clock, overdue.days, overdue.rule, overdue.card),
        (Clock::Respond, 5, RuleId::CardYellow, Card::Yellow)
    );

    // Under the other card basis a timely feedback keeps the card away, and the clue is not overdue.
    let answered = Policy::builder()
        .card_basis(wage_arrears::CardBasis::NotAnswered)
        .build()
        .expect("valid");
    let s = status(&clue, &answered, &cal, d(2025, 4, 8)).expect("inside the calendar");
    assert_eq!(s.is_overdue(), None);
}
