//! The employer on a clue: the enterprise arrears ledger of the construction sector
//! (保定市高效处置农民工欠薪问题若干措施（十四）) and repeated complaints derived from the ledger
//! (天水市“六项机制”（2025）重大案件提级督办机制), which feed escalation beside the recorded flag.

use chrono::NaiveDate;
use proptest::prelude::*;
use wage_arrears::deadline::{EscalationReason, escalation, escalation_with_history};
use wage_arrears::employer::{ComplaintSubject, EmployerKey};
use wage_arrears::{
    Clue, Conclusion, CreditCode, Employer, Error, Fen, Investigation, Payment, Policy, RuleId,
    Source, enterprise_ledger, repeated_complaints,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn code(s: &str) -> CreditCode {
    s.parse().unwrap()
}

const HUAWEI: &str = "914403001922038216";
const BAIDU: &str = "91110000802100433B";

/// A construction-sector clue whose arrears were verified a week after registration.
fn verified(id: &str, employer: Employer, registered: NaiveDate, workers: u32, yuan: u32) -> Clue {
    let mut c = Clue::new(id, Source::QrCode, "叶县", registered);
    c.employer = Some(employer);
    c.construction_sector = true;
    c.workers = workers;
    c.amount_owed = Fen::from_yuan(yuan);
    c.investigation = Some(Investigation {
        on: registered + chrono::Days::new(7),
        arrears_verified: true,
        employer_refuses: false,
        record: "调取考勤表、工资表核实".into(),
    });
    c
}

#[test]
fn the_enterprise_ledger_lists_construction_employers_with_verified_arrears_with_their_clues_workers_amounts_dates_and_conclusions()
 {
    let a = Employer::named("某建筑劳务有限公司").with_credit_code(code(HUAWEI));
    let mut first = verified("PDS-1", a.clone(), d(2025, 3, 3), 12, 96_000);
    first.project = Some("叶县某安置房项目".into());
    first.payment = Some(Payment {
        on: d(2025, 3, 20),
        amount: Fen::from_yuan(96_000),
    });
    first.conclusion = Some(Conclusion::FiledPaid);
    first.closed_on = Some(d(2025, 3, 25));
    let second = verified("PDS-2", a, d(2025, 8, 4), 5, 40_000);
    // Not in the ledger: no arrears found; outside the construction sector; verified after the ledger's day.
    let mut none = verified(
        "PDS-3",
        Employer::named("某餐饮公司"),
        d(2025, 4, 1),
        3,
        9_000,
    );
    if let Some(i) = none.investigation.as_mut() {
        i.arrears_verified = false;
    }
    let mut shop = verified(
        "PDS-4",
        Employer::named("某商贸公司"),
        d(2025, 4, 1),
        3,
        9_000,
    );
    shop.construction_sector = false;
    let late = verified(
        "PDS-5",
        Employer::named("某路桥公司"),
        d(2025, 12, 30),
        9,
        80_000,
    );

    let ledger = enterprise_ledger(&[second, first, none, shop, late], d(2025, 12, 31)).unwrap();
    assert_eq!(ledger.rule, RuleId::EnterpriseArrearsLedger);
    assert_eq!(ledger.employers.len(), 1);
    let e = &ledger.employers[0];
    assert_eq!(e.key, EmployerKey::CreditCode(code(HUAWEI)));
    assert_eq!(e.name, "某建筑劳务有限公司");
    assert_eq!(
        e.clues
            .iter()
            .map(|c| c.clue_id.as_str())
            .collect::<Vec<_>>(),
        ["PDS-1", "PDS-2"]
    );
    assert_eq!(e.workers, 17);
    assert_eq!(e.amount_owed, Fen::from_yuan(136_000));
    assert_eq!(e.amount_paid, Fen::from_yuan(96_000));
    assert_eq!(
        (e.first_registered_on, e.last_registered_on),
        (d(2025, 3, 3), d(2025, 8, 4))
    );
    assert_eq!(
        e.clues.iter().map(|c| c.conclusion).collect::<Vec<_>>(),
        [Some(Conclusion::FiledPaid), None]
    );
    assert_eq!(e.projects, ["叶县某安置房项目"]);
    assert!(ledger.without_employer.is_empty());
    // It is serde data, ready to push: it round-trips through JSON.
    let json = serde_json::to_string(&ledger).unwrap();
    assert_eq!(
        serde_json::from_str::<wage_arrears::EnterpriseLedger>(&json).unwrap(),
        ledger
    );
}

#[test]
fn the_enterprise_ledger_as_of_an_earlier_day_sees_only_what_was_verified_by_then() {
    let a = Employer::named("某建筑劳务有限公司").with_credit_code(code(HUAWEI));
    let mut c = verified("PDS-1", a, d(2025, 3, 3), 12, 96_000);
    c.conclusion = Some(Conclusion::FiledPaid);
    c.closed_on = Some(d(2025, 3, 25));
    assert!(
        enterprise_ledger(std::slice::from_ref(&c), d(2025, 3, 9))
            .unwrap()
            .employers
            .is_empty()
    );
    let on_10th = enterprise_ledger(std::slice::from_ref(&c), d(2025, 3, 10)).unwrap();
    assert_eq!(
        on_10th.employers[0].clues[0].conclusion, None,
        "not closed yet on 03-10"
    );
}

#[test]
fn a_clue_naming_its_employer_without_a_code_joins_the_one_code_known_under_that_name() {
    let coded = verified(
        "A",
        Employer::named("某建筑（河北）有限公司").with_credit_code(code(HUAWEI)),
        d(2025, 3, 3),
        4,
        10_000,
    );
    let by_name = verified(
        "B",
        Employer::named("某建筑(河北) 有限公司"),
        d(2025, 5, 3),
        6,
        20_000,
    );
    let ledger = enterprise_ledger(&[coded, by_name], d(2025, 12, 31)).unwrap();
    assert_eq!(ledger.employers.len(), 1);
    assert_eq!(ledger.employers[0].workers, 10);
    assert_eq!(ledger.employers[0].other_names, ["某建筑（河北）有限公司"]);
}

#[test]
fn two_codes_under_one_name_are_two_employers_and_a_name_only_clue_is_not_guessed_into_either() {
    let one = verified(
        "A",
        Employer::named("同名公司").with_credit_code(code(HUAWEI)),
        d(2025, 3, 3),
        1,
        1,
    );
    let two = verified(
        "B",
        Employer::named("同名公司").with_credit_code(code(BAIDU)),
        d(2025, 3, 4),
        1,
        1,
    );
    let name = verified("C", Employer::named("同名公司"), d(2025, 3, 5), 1, 1);
    let ledger = enterprise_ledger(&[one, two, name], d(2025, 12, 31)).unwrap();
    let keys: Vec<String> = ledger.employers.iter().map(|e| e.key.to_string()).collect();
    assert_eq!(
        keys,
        [BAIDU, HUAWEI, "同名公司"],
        "codes first, by code; then names"
    );
}

#[test]
fn a_verified_construction_clue_without_an_employer_is_listed_apart_not_dropped() {
    let mut c = verified("X", Employer::named(""), d(2025, 3, 3), 1, 1);
    c.employer = None;
    let ledger = enterprise_ledger(&[c], d(2025, 12, 31)).unwrap();
    assert!(ledger.employers.is_empty());
    assert_eq!(ledger.without_employer, ["X"]);
}

#[test]
fn an_employer_s_amounts_that_overflow_are_an_error_not_a_saturated_sum() {
    let e = Employer::named("某公司");
    let mut a = verified("A", e.clone(), d(2025, 3, 3), 1, 1);
    a.amount_owed = Fen(u64::MAX);
    let b = verified("B", e, d(2025, 3, 4), 1, 1);
    let err = enterprise_ledger(&[a, b], d(2025, 12, 31)).unwrap_err();
    assert!(matches!(err, Error::Overflow { .. }), "{err}");
    assert!(err.to_string().contains("某公司"), "{err}");
}

#[test]
fn clues_about_one_employer_within_the_window_are_repeated_complaints_and_raise_a_complex_case() {
    let e = Employer::named("某劳务有限公司").with_credit_code(code(HUAWEI));
    let mut first = verified("A", e.clone(), d(2025, 1, 6), 40, 300_000);
    first.escalation.cross_region = true;
    let again = verified("B", e.clone(), d(2025, 10, 9), 40, 300_000);
    let much_later = verified("C", e, d(2027, 1, 4), 40, 300_000);
    let policy = Policy::default();
    let ledger = [first.clone(), again, much_later];
    let repeated = repeated_complaints(&ledger, &policy, d(2027, 12, 31)).unwrap();
    assert!(repeated.contains("A") && repeated.contains("B"));
    assert!(!repeated.contains("C"), "C is more than 365 days after B");
    let a = repeated.get("A").unwrap();
    assert_eq!(a.rule, RuleId::RepeatedComplaintsInLedger);
    assert_eq!(a.related, ["B"]);
    assert_eq!(
        a.subjects,
        [ComplaintSubject::Employer(EmployerKey::CreditCode(code(
            HUAWEI
        )))]
    );

    // The recorded flag is kept as it is; the ledger's evidence is an additional input.
    assert!(!first.escalation.repeated_complaint);
    assert!(!escalation(&first, &policy).escalated);
    let e = escalation_with_history(&first, &policy, &repeated);
    assert!(e.escalated);
    let reasons: Vec<(EscalationReason, RuleId)> =
        e.reasons.iter().map(|r| (r.reason, r.rule)).collect();
    assert!(reasons.contains(&(
        EscalationReason::RepeatedInLedger,
        RuleId::RepeatedComplaintsInLedger
    )));
    assert!(
        !reasons
            .iter()
            .any(|(r, _)| *r == EscalationReason::RepeatedComplaint)
    );
}

#[test]
fn clues_about_one_project_are_repeated_complaints_even_against_different_employers() {
    let mut a = Clue::new("A", Source::Hotline12345, "新华区", d(2025, 3, 3));
    a.project = Some("新华区某安置房项目".into());
    a.employer = Some(Employer::named("甲劳务公司"));
    let mut b = Clue::new("B", Source::Petition, "新华区", d(2025, 3, 20));
    b.project = Some(" 新华区某安置房项目".into());
    b.employer = Some(Employer::named("乙劳务公司"));
    let repeated = repeated_complaints(&[a, b], &Policy::default(), d(2025, 12, 31)).unwrap();
    assert_eq!(
        repeated.get("B").map(|r| r.subjects.clone()),
        Some(vec![ComplaintSubject::Project("新华区某安置房项目".into())])
    );
}

#[test]
fn the_count_and_the_window_are_the_policy_s() {
    let e = Employer::named("某公司");
    let ledger: Vec<Clue> = [d(2025, 1, 1), d(2025, 1, 31), d(2025, 3, 1)]
        .iter()
        .enumerate()
        .map(|(i, &day)| verified(&format!("C{i}"), e.clone(), day, 1, 1))
        .collect();
    // Three clues, the last 59 days after the first (01-01, 01-31, 03-01).
    let mut p = Policy::default();
    p.repeated_complaint_min_clues = 3;
    p.repeated_complaint_window_days = 58;
    assert!(
        repeated_complaints(&ledger, &p, d(2025, 12, 31))
            .unwrap()
            .is_empty()
    );
    p.repeated_complaint_window_days = 59; // "within 59 days" includes the 59th
    assert_eq!(
        repeated_complaints(&ledger, &p, d(2025, 12, 31))
            .unwrap()
            .len(),
        3
    );
    p.repeated_complaint_window_days = 30;
    p.repeated_complaint_min_clues = 2;
    assert_eq!(
        repeated_complaints(&ledger, &p, d(2025, 12, 31))
            .unwrap()
            .len(),
        3
    );
    p.repeated_complaint_window_days = 29; // 01-31 to 03-01 is 29 days; 01-01 to 01-31 is 30
    let r = repeated_complaints(&ledger, &p, d(2025, 12, 31)).unwrap();
    assert_eq!(r.by_clue.keys().collect::<Vec<_>>(), ["C1", "C2"]);
    p.repeated_complaint_window_days = 28;
    assert!(
        repeated_complaints(&ledger, &p, d(2025, 12, 31))
            .unwrap()
            .is_empty()
    );
    // A clue registered after the day asked about has not come in yet.
    p.repeated_complaint_window_days = 30;
    let r = repeated_complaints(&ledger, &p, d(2025, 1, 30)).unwrap();
    assert!(r.is_empty());
    // The policy is checked: fewer than 2 clues is not a repetition.
    p.repeated_complaint_min_clues = 1;
    assert!(repeated_complaints(&ledger, &p, d(2025, 12, 31)).is_err());
}

/// A ledger of clues on a few employers and projects, registered over two years.
fn ledger() -> impl Strategy<Value = Vec<Clue>> {
    prop::collection::vec((0u8..4, 0u8..4, 0u64..730), 0..40).prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (employer, project, day))| {
                let mut c = Clue::new(
                    format!("C{i:02}"),
                    Source::QrCode,
                    "叶县",
                    d(2025, 1, 1) + chrono::Days::new(day),
                );
                if employer > 0 {
                    c.employer = Some(Employer::named(format!("公司{employer}")));
                }
                if project > 0 {
                    c.project = Some(format!("项目{project}"));
                }
                c
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn a_clue_is_a_repeated_complaint_exactly_when_another_clue_on_its_employer_or_project_came_within_the_window(
        clues in ledger(),
        window in 1u32..400,
    ) {
        let mut p = Policy::default();
        p.repeated_complaint_window_days = window;
        let r = repeated_complaints(&clues, &p, d(2027, 12, 31)).unwrap();
        for c in &clues {
            let near = clues.iter().any(|o| {
                o.id != c.id
                    && ((c.employer.is_some() && o.employer == c.employer)
                        || (c.project.is_some() && o.project == c.project))
                    && (o.registered_on - c.registered_on).num_days().abs() <= i64::from(window)
            });
            prop_assert_eq!(r.contains(&c.id), near, "{}", c.id);
        }
        // The input order does not matter.
        let mut reversed = clues.clone();
        reversed.reverse();
        prop_assert_eq!(repeated_complaints(&reversed, &p, d(2027, 12, 31)).unwrap(), r);
    }
}

/// Clues on a few employers (some with a code, some by name only), some in construction, some verified.
fn mixed_ledger() -> impl Strategy<Value = Vec<Clue>> {
    prop::collection::vec(
        (
            0u8..5,
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            0u64..400,
            1u32..50,
            1u64..1_000_000,
        ),
        0..40,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(
                |(i, (who, coded, construction, arrears, day, workers, fen))| {
                    let registered = d(2025, 1, 1) + chrono::Days::new(day);
                    let employer = match who {
                        0 => None,
                        1 if coded => {
                            Some(Employer::named("甲公司").with_credit_code(code(HUAWEI)))
                        }
                        2 if coded => Some(Employer::named("乙公司").with_credit_code(code(BAIDU))),
                        k => Some(Employer::named(format!(
                            "{}公司",
                            ["", "甲", "乙", "丙", "丁"][usize::from(k)]
                        ))),
                    };
                    let mut c = Clue::new(format!("C{i:02}"), Source::QrCode, "叶县", registered);
                    c.employer = employer;
                    c.construction_sector = construction;
                    c.workers = workers;
                    c.amount_owed = Fen(fen);
                    c.investigation = Some(Investigation {
                        on: registered,
                        arrears_verified: arrears,
                        employer_refuses: false,
                        record: "核实".into(),
                    });
                    c
                },
            )
            .collect()
    })
}

proptest! {
    #[test]
    fn every_verified_construction_clue_is_in_the_enterprise_ledger_once_and_the_totals_are_its_sums(
        clues in mixed_ledger(),
    ) {
        let ledger = enterprise_ledger(&clues, d(2026, 12, 31)).unwrap();
        let expected: std::collections::BTreeSet<&str> = clues
            .iter()
            .filter(|c| c.construction_sector && c.investigation.as_ref().is_some_and(|i| i.arrears_verified))
            .map(|c| c.id.as_str())
            .collect();
        let mut listed: Vec<&str> = ledger
            .employers
            .iter()
            .flat_map(|e| e.clues.iter().map(|c| c.clue_id.as_str()))
            .chain(ledger.without_employer.iter().map(String::as_str))
            .collect();
        listed.sort_unstable();
        prop_assert_eq!(listed.iter().copied().collect::<std::collections::BTreeSet<_>>(), expected.clone());
        prop_assert_eq!(listed.len(), expected.len(), "each clue once");
        for e in &ledger.employers {
            prop_assert_eq!(e.workers, e.clues.iter().map(|c| u64::from(c.workers)).sum::<u64>());
            prop_assert_eq!(e.amount_owed.fen(), e.clues.iter().map(|c| c.amount_owed.fen()).sum::<u64>());
            prop_assert!(e.first_registered_on <= e.last_registered_on);
            prop_assert!(e.clues.windows(2).all(|w| (w[0].registered_on, &w[0].clue_id) <= (w[1].registered_on, &w[1].clue_id)));
        }
        let mut reversed = clues.clone();
        reversed.reverse();
        prop_assert_eq!(enterprise_ledger(&reversed, d(2026, 12, 31)).unwrap(), ledger);
    }
}
