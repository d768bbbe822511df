//! 保定市高效处置农民工欠薪问题若干措施（十一）：政府项目要严格执行工程款拨付比例不低于已完成工程量80%的规定 —
//! the shortfall of a government project in 元, exact to the fen, and "not applicable" for any other project.

use proptest::prelude::*;
use wage_arrears::project::{PaymentVerdict, progress_payment};
use wage_arrears::{Fen, Policy, Project, Rate, RuleId};

fn project(government: bool, completed: Fen, paid: Fen) -> Project {
    Project {
        name: "某县人民医院门诊楼".into(),
        government_invested: government,
        contract_value: Fen::from_yuan(48_000_000),
        completed_value: completed,
        paid_to_date: paid,
        as_of: wage_arrears::date(2025, 6, 30).unwrap(),
    }
}

#[test]
fn a_government_project_paid_below_eighty_percent_of_the_work_completed_reports_its_shortfall_in_yuan()
 {
    let p = project(true, Fen::from_yuan(30_000_000), Fen::from_yuan(20_000_000));
    let check = progress_payment(&p, &Policy::default()).unwrap();
    assert_eq!(check.rule, RuleId::ProgressPaymentRatio);
    assert_eq!(check.rate, Rate::percent(80));
    assert_eq!(
        check.verdict,
        PaymentVerdict::Shortfall {
            required: Fen::from_yuan(24_000_000),
            shortfall: Fen::from_yuan(4_000_000),
        }
    );
    assert_eq!(
        check.to_string(),
        "R-PAY-1 某县人民医院门诊楼 截至 2025-06-30：已完成工程量 ¥30000000.00 × 80% = 应拨付不低于 ¥24000000.00，已拨付 ¥20000000.00，差额 ¥4000000.00"
    );
}

#[test]
fn the_required_payment_is_rounded_up_to_the_fen_so_one_fen_short_is_short() {
    // 80% of ¥0.01 is 0.8 fen: one fen is required.
    let p = project(true, Fen(1), Fen(0));
    assert_eq!(
        progress_payment(&p, &Policy::default())
            .unwrap()
            .shortfall(),
        Some(Fen(1))
    );
    // 80% of ¥123.45 is ¥98.76 exactly.
    let p = project(true, Fen(12_345), Fen(9_875));
    assert_eq!(
        progress_payment(&p, &Policy::default())
            .unwrap()
            .shortfall(),
        Some(Fen(1))
    );
    let p = project(true, Fen(12_345), Fen(9_876));
    assert_eq!(
        progress_payment(&p, &Policy::default()).unwrap().verdict,
        PaymentVerdict::Met {
            required: Fen(9_876)
        }
    );
}

#[test]
fn a_project_not_invested_by_government_is_not_applicable_and_never_a_shortfall() {
    let p = project(false, Fen::from_yuan(30_000_000), Fen::ZERO);
    let check = progress_payment(&p, &Policy::default()).unwrap();
    assert_eq!(check.verdict, PaymentVerdict::NotApplicable);
    assert_eq!(check.shortfall(), None);
    assert!(check.to_string().contains("不适用"), "{check}");
}

#[test]
fn the_ratio_is_the_policy_s() {
    let mut policy = Policy::default();
    policy.progress_payment_min_rate = Rate::percent(70);
    let p = project(true, Fen::from_yuan(100), Fen::from_yuan(70));
    assert!(matches!(
        progress_payment(&p, &policy).unwrap().verdict,
        PaymentVerdict::Met { .. }
    ));
    policy.progress_payment_min_rate = Rate::from_basis_points(10_001);
    assert!(progress_payment(&p, &policy).is_err());
}

#[test]
fn a_project_record_round_trips_through_json_and_refuses_an_unknown_field() {
    let p = project(true, Fen::from_yuan(1), Fen::ZERO);
    let json = serde_json::to_string(&p).unwrap();
    assert_eq!(serde_json::from_str::<Project>(&json).unwrap(), p);
    let bad = json.replace("\"paid_to_date\"", "\"paid\"");
    assert!(serde_json::from_str::<Project>(&bad).is_err());
    let check = progress_payment(&p, &Policy::default()).unwrap();
    let back: wage_arrears::ProgressPayment =
        serde_json::from_str(&serde_json::to_string(&check).unwrap()).unwrap();
    assert_eq!(back, check);
}

proptest! {
    #[test]
    fn a_government_project_meets_the_rule_exactly_when_paid_times_ten_thousand_reaches_completed_times_the_rate(
        completed in 0u64..=u64::MAX / 2,
        paid in 0u64..=u64::MAX / 2,
        bp in 0u32..=10_000,
    ) {
        let mut policy = Policy::default();
        policy.progress_payment_min_rate = Rate::from_basis_points(bp);
        let check = progress_payment(&project(true, Fen(completed), Fen(paid)), &policy).unwrap();
        let meets = u128::from(paid) * 10_000 >= u128::from(completed) * u128::from(bp);
        match check.verdict {
            PaymentVerdict::Met { required } => {
                prop_assert!(meets);
                prop_assert!(required.fen() <= paid);
            }
            PaymentVerdict::Shortfall { required, shortfall } => {
                prop_assert!(!meets);
                prop_assert_eq!(required.fen() - paid, shortfall.fen());
                // Paying the shortfall meets the rule; a fen less does not.
                let exact = u128::from(paid + shortfall.fen()) * 10_000;
                prop_assert!(exact >= u128::from(completed) * u128::from(bp));
                prop_assert!(exact - 10_000 < u128::from(completed) * u128::from(bp));
            }
            other => prop_assert!(false, "{other:?}"),
        }
    }
}
