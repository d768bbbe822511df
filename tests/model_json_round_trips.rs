//! Every model type (and every output type of the clocks and campaigns) round-trips through JSON; bad JSON gets an
//! error naming the field.

use std::fmt::Debug;

use chrono::NaiveDate;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wage_arrears::campaign::{
    Campaign, CampaignMiss, MissKind, campaign_deadlines, campaign_misses,
};
use wage_arrears::deadline::{Card, ClockStatus, EscalationReason, deadlines, escalation, status};
use wage_arrears::{
    Agreement, Clue, Conclusion, Contact, ContactChannel, Employer, Error, EscalationFacts, Fen,
    HandlingLevel, Investigation, Payment, Policy, Progress, ProgressKind, RuleId, Source,
    Submission, WorkCalendar,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) {
    let json = serde_json::to_string(value).unwrap();
    let back: T =
        wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(&json)).unwrap();
    assert_eq!(&back, value, "{json}");
}

fn read<T: DeserializeOwned>(json: &str) -> Result<T, Error> {
    wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(json))
}

/// A clue with every field filled.
fn full_clue() -> Clue {
    let mut c = Clue::new(
        "PDS-2025-0042",
        Source::GovCnMessage,
        "郏县",
        d(2025, 9, 26),
    );
    c.accepted_on = Some(d(2025, 9, 28));
    c.handling_level = HandlingLevel::City;
    c.workers = 34;
    c.amount_owed = Fen(61_250_000);
    c.contacts = vec![Contact {
        on: d(2025, 9, 28),
        channel: ContactChannel::InPerson,
        reached: true,
        note: "约见反映人，收取考勤表复印件".into(),
    }];
    c.facts =
        "反映人称在郏县某安置房项目从事钢筋作业，2025年4月至8月工资共计612500元未发放。".into();
    c.handling =
        "调取劳务分包合同、工资专用账户流水，约谈总包项目经理，确认欠薪事实，已立案。".into();
    c.investigation = Some(Investigation {
        on: d(2025, 10, 9),
        arrears_verified: true,
        employer_refuses: true,
        record: "郏人社监〔2025〕调字第118号".into(),
    });
    c.case_filed_on = Some(d(2025, 10, 10));
    c.payment = Some(Payment {
        on: d(2025, 10, 30),
        amount: Fen(61_250_000),
    });
    c.enforcement_applied_on = Some(d(2025, 10, 20));
    c.police_transfer_on = Some(d(2025, 10, 21));
    c.reporter_informed_on = Some(d(2025, 10, 11));
    c.award_or_judgment = Some("郏劳人仲案字〔2025〕第77号".into());
    c.progress = vec![Progress {
        on: d(2025, 10, 15),
        kind: ProgressKind::Feedback,
        note: "已立案，正在督促总包单位垫付".into(),
    }];
    c.submissions = vec![Submission {
        submitted_on: d(2025, 10, 31),
        revised: false,
        returned_on: Some(d(2025, 11, 3)),
        return_reason: Some("核实处置情况过简".into()),
        irregular_format: false,
        format_reminder_on: None,
    }];
    c.conclusion = Some(Conclusion::FiledPaid);
    c.agreement = Some(Agreement {
        signed_on: d(2025, 10, 12),
        pay_by: d(2025, 10, 30),
        amount: Fen(61_250_000),
        paid_on: Some(d(2025, 10, 30)),
        refused_to_perform: false,
        refused_on: None,
        follow_ups: vec![d(2025, 10, 27)],
    });
    c.closed_on = Some(d(2025, 11, 5));
    c.transferred_by_ministry = true;
    c.escalation = EscalationFacts {
        cross_region: true,
        settlement_dispute: true,
        repeated_complaint: true,
        public_opinion_incident: false,
        transferred_by_superior: true,
    };
    c.reviewed_on = Some(d(2025, 12, 8));
    c.return_visits = vec![d(2025, 12, 5)];
    c.responsible = "李明".into();
    c.employer = Some(
        Employer::named("平顶山某建筑劳务有限公司")
            .with_credit_code("914403001922038216".parse().expect("a published code")),
    );
    c.construction_sector = true;
    c.project = Some("叶县某安置房项目".into());
    c.submissions[0].irregular_format = true;
    c.submissions[0].format_reminder_on = Some(d(2025, 11, 3));
    c
}

#[test]
fn every_model_type_round_trips_through_json() {
    let c = full_clue();
    round_trip(&c);
    round_trip(&Clue::new(
        "PDS-2026-0001",
        Source::QrCode,
        "高新区",
        d(2026, 1, 5),
    ));
    for &s in Source::ALL {
        round_trip(&s);
    }
    for k in Conclusion::ALL {
        round_trip(&k);
    }
    round_trip(&HandlingLevel::County);
    round_trip(&HandlingLevel::City);
    for ch in [
        ContactChannel::Phone,
        ContactChannel::Message,
        ContactChannel::InPerson,
    ] {
        round_trip(&ch);
    }
    for k in [ProgressKind::Note, ProgressKind::Feedback] {
        round_trip(&k);
    }
    round_trip(&c.contacts);
    round_trip(&c.progress);
    round_trip(&c.investigation);
    round_trip(&c.payment);
    round_trip(&c.agreement);
    round_trip(&c.submissions);
    round_trip(&c.escalation);
    round_trip(&Fen(1));
    round_trip(&RuleId::ALL.to_vec());
}

#[test]
fn sources_and_conclusions_have_the_documented_json_forms() {
    assert_eq!(
        serde_json::to_string(&Source::Hotline12345).unwrap(),
        "\"hotline_12345\""
    );
    assert_eq!(
        serde_json::to_string(&Source::MohrssColumn).unwrap(),
        "\"mohrss_column\""
    );
    assert_eq!(
        serde_json::to_string(&Conclusion::Coordinated).unwrap(),
        "5"
    );
}

#[test]
fn every_output_of_the_clocks_and_campaigns_round_trips_through_json() {
    let (policy, cal) = (Policy::default(), WorkCalendar::china());
    let c = full_clue();
    round_trip(&deadlines(&c, &policy, &cal).unwrap());
    for as_of in [
        d(2025, 9, 25),
        d(2025, 9, 29),
        d(2025, 10, 28),
        d(2025, 12, 1),
    ] {
        round_trip(&status(&c, &policy, &cal, as_of).unwrap());
    }
    let mut open = c.clone();
    open.closed_on = None;
    open.progress.clear();
    round_trip(&status(&open, &policy, &cal, d(2025, 11, 20)).unwrap());
    for s in [
        ClockStatus::NotYetDue { days_left: 3 },
        ClockStatus::DueToday,
        ClockStatus::Overdue { days: 4 },
        ClockStatus::MetOnTime { on: d(2025, 1, 2) },
        ClockStatus::MetLate {
            on: d(2025, 1, 2),
            days_late: 5,
        },
        ClockStatus::NotStarted,
    ] {
        round_trip(&s);
    }
    for card in [Card::None, Card::Yellow, Card::Red] {
        round_trip(&card);
    }
    round_trip(&EscalationReason::ALL.to_vec());
    round_trip(&escalation(&c, &policy));
    round_trip(&policy);

    let campaign = Campaign::luoyang_winter_2023();
    round_trip(&campaign);
    round_trip(&campaign_deadlines(&campaign, &cal).unwrap());
    round_trip(&campaign_misses(&campaign, &[c], d(2024, 1, 1), &cal).unwrap());
    round_trip(&vec![CampaignMiss {
        clue_id: "LY-1".into(),
        county: "洛龙区".into(),
        rule: RuleId::CampaignCloseAll,
        close_all_by: d(2024, 2, 10),
        kind: MissKind::OpenBeforeDeadline {
            days_left: 2,
            working_days_left: 1,
        },
    }]);
}

#[test]
fn the_example_clues_file_reads_and_round_trips() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/clues.json");
    let text = std::fs::read_to_string(path).unwrap();
    let clues: Vec<Clue> = read(&text).unwrap();
    assert!(clues.len() >= 28, "{} clues", clues.len());
    round_trip(&clues);
    for &s in Source::ALL {
        assert!(clues.iter().any(|c| c.source == s), "no clue from {s:?}");
    }
}

// ── Bad JSON: errors that name the field ─────────────────────────────────────────────────────────────

const HEAD: &str = r#""id": "PDS-2026-0100", "source": "gov_cn_message", "county": "叶县""#;

fn error_of(json: &str) -> (String, String) {
    match read::<Vec<Clue>>(json) {
        Err(Error::Deserialize { path, message }) => (path, message),
        other => panic!("expected a deserialize error, got {other:?}"),
    }
}

#[test]
fn conclusion_11_is_rejected_naming_the_conclusion_field() {
    let (path, message) = error_of(&format!(
        r#"[{{ {HEAD}, "registered_on": "2026-03-02", "conclusion": 11 }}]"#
    ));
    assert_eq!(path, "[0].conclusion");
    assert!(message.contains("conclusion code 11"), "{message}");
}

#[test]
fn the_thirtieth_of_february_2026_is_rejected_naming_the_date_field() {
    let (path, message) = error_of(&format!(
        r#"[{{ {HEAD}, "registered_on": "2026-02-28", "accepted_on": "2026-02-30" }}]"#
    ));
    assert_eq!(path, "[0].accepted_on");
    assert!(!message.is_empty());
}

#[test]
fn a_negative_amount_owed_is_rejected_naming_the_amount_field() {
    let (path, message) = error_of(&format!(
        r#"[{{ {HEAD}, "registered_on": "2026-03-02", "amount_owed": -500 }}]"#
    ));
    assert_eq!(path, "[0].amount_owed");
    assert!(message.contains("-500"), "{message}");
}

#[test]
fn a_negative_agreement_amount_is_rejected_naming_the_nested_field() {
    let (path, _) = error_of(&format!(
        r#"[{{ {HEAD}, "registered_on": "2026-03-02",
              "agreement": {{ "signed_on": "2026-03-10", "pay_by": "2026-04-10", "amount": -1 }} }}]"#
    ));
    assert_eq!(path, "[0].agreement.amount");
}

#[test]
fn a_clue_accepted_before_it_was_registered_is_rejected_naming_accepted_on() {
    let (path, message) = error_of(&format!(
        r#"[{{ {HEAD}, "registered_on": "2026-03-02", "accepted_on": "2026-02-27" }}]"#
    ));
    assert_eq!(path, "[0]");
    assert!(
        message.contains("accepted_on") && message.contains("2026-02-27"),
        "{message}"
    );
}

#[test]
fn an_unknown_source_is_rejected_naming_the_source_field() {
    let (path, message) = error_of(
        r#"[{ "id": "PDS-2026-0101", "source": "fax", "county": "叶县", "registered_on": "2026-03-02" }]"#,
    );
    assert_eq!(path, "[0].source");
    assert!(message.contains("fax"), "{message}");
}

#[test]
fn a_misspelt_field_is_rejected_rather_than_ignored() {
    let (path, message) = error_of(&format!(
        r#"[{{ {HEAD}, "registered_on": "2026-03-02", "acepted_on": "2026-03-03" }}]"#
    ));
    assert_eq!(path, "[0].acepted_on");
    assert!(message.contains("acepted_on"), "{message}");
}

#[test]
fn a_ledger_written_before_employers_and_projects_were_recorded_still_reads() {
    let json = r#"{
      "id": "PDS-2024-0001", "source": "mohrss_column", "county": "叶县", "registered_on": "2024-06-03",
      "submissions": [{ "submitted_on": "2024-06-20", "revised": false }]
    }"#;
    let c: Clue = wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(json)).unwrap();
    assert_eq!(
        (c.employer, c.construction_sector, c.project),
        (None, false, None)
    );
    assert_eq!(
        (
            c.submissions[0].irregular_format,
            c.submissions[0].format_reminder_on
        ),
        (false, None)
    );
}

#[test]
fn the_employer_the_sector_and_the_project_round_trip_through_json() {
    let c = full_clue();
    let json = serde_json::to_string(&c).unwrap();
    assert!(
        json.contains(r#""credit_code":"914403001922038216""#),
        "{json}"
    );
    assert!(json.contains(r#""construction_sector":true"#), "{json}");
    assert!(
        json.contains(r#""format_reminder_on":"2025-11-03""#),
        "{json}"
    );
    let back: Clue = serde_json::from_str(&json).unwrap();
    assert_eq!(back, c);
}
