//! Clean clues for the disposition, follow-up and detection tests: one per conclusion, each meeting every rule,
//! so that a test can break exactly one thing.
#![allow(dead_code)]

use chrono::NaiveDate;
use wage_arrears::Fen;
use wage_arrears::calendar::WorkCalendar;
use wage_arrears::model::{
    Agreement, Clue, Conclusion, Contact, ContactChannel, Investigation, Payment, Source,
    Submission,
};

/// A date; panics only on an impossible literal in a test.
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a valid test date")
}

/// The national calendar.
pub fn cal() -> WorkCalendar {
    WorkCalendar::china()
}

/// The amount owed in every clean clue: ¥36,000.
pub const OWED: Fen = Fen(3_600_000);

pub const FACTS: &str = "反映人张某等6名农民工称，2024年9月至12月在叶县某安置房项目从事钢筋绑扎，\
项目劳务分包单位拖欠工资共计3.6万元，多次向项目部讨要未果。";
pub const HANDLING: &str = "接到线索后当日电话联系反映人，调取考勤表、工资表，约谈劳务分包单位负责人，\
核实欠薪事实，依法督促其限期支付，并向反映人反馈处理情况。";

/// A contact on `on` that reached the reporter.
pub fn reached(on: NaiveDate) -> Contact {
    Contact {
        on,
        channel: ContactChannel::Phone,
        reached: true,
        note: "电话联系反映人，了解欠薪情况并告知办理进度".into(),
    }
}

/// A submission on `on`, not returned.
pub fn submitted(on: NaiveDate) -> Submission {
    Submission {
        submitted_on: on,
        revised: false,
        returned_on: None,
        return_reason: None,
        irregular_format: false,
        format_reminder_on: None,
    }
}

/// A clue of `conclusion` meeting every rule: registered Mon 2025-03-03 (gov.cn message, 叶县), accepted 03-04,
/// contacted 03-04/03-06/03-11, investigated 03-07, closed and submitted 03-14; with the record its conclusion
/// needs (filed 03-10, paid 03-12, enforcement and police 03-13, reporter informed 03-10, an award, an agreement
/// signed 03-12 due 04-10 and paid 04-08).
pub fn clean(conclusion: Conclusion) -> Clue {
    let code = conclusion.code();
    let mut c = Clue::new(
        format!("PDS-2025-T{code:03}"),
        Source::GovCnMessage,
        "叶县",
        d(2025, 3, 3),
    );
    c.accepted_on = Some(d(2025, 3, 4));
    c.workers = 6;
    c.amount_owed = OWED;
    c.responsible = "李明".into();
    c.contacts = vec![
        reached(d(2025, 3, 4)),
        reached(d(2025, 3, 6)),
        reached(d(2025, 3, 11)),
    ];
    c.facts = FACTS.into();
    c.handling = HANDLING.into();
    let verified = code <= 5;
    c.investigation = Some(Investigation {
        on: d(2025, 3, 7),
        arrears_verified: verified,
        employer_refuses: matches!(code, 2..=4),
        record: "调查询问笔录及考勤表、工资表复印件（叶人社监〔2025〕12号）".into(),
    });
    if conclusion.is_filed() {
        c.case_filed_on = Some(d(2025, 3, 10));
    }
    match conclusion {
        Conclusion::FiledPaid => {
            c.payment = Some(Payment {
                on: d(2025, 3, 12),
                amount: OWED,
            });
        }
        Conclusion::FiledEnforcement => c.enforcement_applied_on = Some(d(2025, 3, 13)),
        Conclusion::FiledPolice => c.police_transfer_on = Some(d(2025, 3, 13)),
        Conclusion::FiledEnforcementAndPolice => {
            c.enforcement_applied_on = Some(d(2025, 3, 13));
            c.police_transfer_on = Some(d(2025, 3, 13));
        }
        Conclusion::Coordinated => {
            c.agreement = Some(Agreement {
                signed_on: d(2025, 3, 12),
                pay_by: d(2025, 4, 10),
                amount: OWED,
                paid_on: Some(d(2025, 4, 8)),
                refused_to_perform: false,
                refused_on: None,
                follow_ups: vec![d(2025, 4, 7)],
            });
        }
        Conclusion::Arbitration | Conclusion::Litigation => {
            c.reporter_informed_on = Some(d(2025, 3, 10))
        }
        Conclusion::EnforcementDifficulty => {
            c.award_or_judgment = Some("（2024）豫0422民初1568号民事判决书".into());
        }
        Conclusion::NoArrears | Conclusion::InvalidClue => {}
    }
    c.conclusion = Some(conclusion);
    c.closed_on = Some(d(2025, 3, 14));
    c.submissions = vec![submitted(d(2025, 3, 14))];
    c
}
