//! 统一社会信用代码 (GB 32100-2015) as `CreditCode`: published codes are accepted, and a code that is not one is
//! refused saying what is wrong — its length, a character and its position, or a check digit expected and found.

use proptest::prelude::*;
use wage_arrears::{Clue, CreditCode, Error};

/// Codes printed on business licences and published by the companies themselves.
const PUBLISHED: [&str; 6] = [
    "914403001922038216", // 华为技术有限公司
    "9144030071526726XG", // 深圳市腾讯计算机系统有限公司 (organisation code check digit X)
    "91330100716105852F", // 阿里巴巴（中国）有限公司
    "91110000802100433B", // 北京百度网讯科技有限公司
    "91350213678251743X", // a Xiamen company: check digit X
    "91350200MA31E12PXF", // a code issued after 2015 (MA…)
];

fn reason(code: &str) -> String {
    match code.parse::<CreditCode>() {
        Err(Error::InvalidCreditCode { reason, .. }) => reason,
        other => panic!("{code}: expected a refusal, got {other:?}"),
    }
}

#[test]
fn published_credit_codes_are_accepted() {
    for code in PUBLISHED {
        let parsed: CreditCode = code.parse().unwrap();
        assert_eq!(parsed.as_str(), code);
        assert_eq!(parsed.to_string(), code);
    }
    let huawei: CreditCode = PUBLISHED[0].parse().unwrap();
    assert_eq!(huawei.division(), "440300");
    assert_eq!(huawei.organisation_code(), "192203821");
}

#[test]
fn a_credit_code_with_a_wrong_check_digit_is_refused() {
    assert_eq!(
        reason("914403001922038217"),
        "wrong check digit at position 18: expected 6, found 7"
    );
    let err = "91110000802100433C".parse::<CreditCode>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "credit code `91110000802100433C`: wrong check digit at position 18: expected B, found C"
    );
}

#[test]
fn a_credit_code_whose_organisation_code_has_a_wrong_check_digit_is_refused_even_when_the_last_digit_fits()
 {
    // 91440300 19220382 [2] 9: position 17 changed from 1 to 2 and the last digit recomputed to fit.
    assert_eq!(
        reason("914403001922038229"),
        "wrong check digit of the organisation code at position 17: expected 1, found 2"
    );
}

#[test]
fn a_credit_code_of_the_wrong_length_is_refused_naming_its_length() {
    assert_eq!(
        reason("91440300192203821"),
        "has 17 characters, expected 18"
    );
    assert_eq!(reason(""), "has 0 characters, expected 18");
    assert_eq!(
        reason("9144030019220382166"),
        "has 19 characters, expected 18"
    );
}

#[test]
fn a_credit_code_with_a_letter_gb_32100_leaves_out_is_refused_naming_its_position() {
    assert_eq!(
        reason("91440300I92203821X"),
        "character `I` at position 9 is not allowed (a credit code uses 0-9 and A-Z without I, O, S, V, Z)"
    );
    assert!(reason("9144030019220382１6").contains("at position 17"));
}

#[test]
fn a_credit_code_with_a_letter_in_its_administrative_division_is_refused() {
    assert_eq!(
        reason("9144A3001922038216"),
        "character `A` at position 5 is not a digit (positions 3–8 are the administrative division code)"
    );
}

#[test]
fn a_credit_code_typed_in_lowercase_with_spaces_around_it_is_read_as_the_code() {
    let code: CreditCode = "  9144030071526726xg ".parse().unwrap();
    assert_eq!(code.as_str(), "9144030071526726XG");
}

#[test]
fn a_clue_with_a_bad_credit_code_is_refused_with_the_field_path() {
    let json = r#"[{ "id": "A", "source": "qr_code", "county": "叶县", "registered_on": "2025-03-03",
                     "employer": { "name": "某公司", "credit_code": "914403001922038217" } }]"#;
    let err =
        wage_arrears::deserialize::<Vec<Clue>, _>(&mut serde_json::Deserializer::from_str(json))
            .unwrap_err();
    let text = err.to_string();
    assert!(text.starts_with("[0].employer.credit_code: "), "{text}");
    assert!(text.contains("expected 6, found 7"), "{text}");
}

const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// The check digits computed independently of the crate, from the standard's tables.
fn with_check_digits(head: &[u8; 8], body: &[u8; 8]) -> String {
    const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    let org_value = |b: u8| {
        if b.is_ascii_digit() {
            u32::from(b - b'0')
        } else {
            u32::from(b - b'A') + 10
        }
    };
    let s: u32 = body
        .iter()
        .zip(ORG_WEIGHTS)
        .map(|(&b, w)| org_value(b) * w)
        .sum();
    let org = match 11 - s % 11 {
        11 => b'0',
        10 => b'X',
        d => b'0' + d as u8,
    };
    let mut code: Vec<u8> = head.iter().chain(body).copied().collect();
    code.push(org);
    const WEIGHTS: [u32; 17] = [
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
    ];
    let value = |b: u8| ALPHABET.iter().position(|&a| a == b).unwrap() as u32;
    let sum: u32 = code.iter().zip(WEIGHTS).map(|(&b, w)| value(b) * w).sum();
    code.push(ALPHABET[((31 - sum % 31) % 31) as usize]);
    String::from_utf8(code).unwrap()
}

fn any_code() -> impl Strategy<Value = String> {
    let ch = || prop::sample::select(ALPHABET.to_vec());
    let digit = || prop::sample::select(b"0123456789".to_vec());
    (
        [ch(), ch()],
        [digit(), digit(), digit(), digit(), digit(), digit()],
        [ch(), ch(), ch(), ch(), ch(), ch(), ch(), ch()],
    )
        .prop_map(|(a, division, body)| {
            let head = [
                a[0],
                a[1],
                division[0],
                division[1],
                division[2],
                division[3],
                division[4],
                division[5],
            ];
            with_check_digits(&head, &body)
        })
}

proptest! {
    #[test]
    fn every_code_with_both_check_digits_right_is_accepted_and_round_trips_through_json(code in any_code()) {
        let parsed: CreditCode = code.parse().unwrap();
        prop_assert_eq!(parsed.as_str(), code.as_str());
        let json = serde_json::to_string(&parsed).unwrap();
        prop_assert_eq!(serde_json::from_str::<CreditCode>(&json).unwrap(), parsed);
    }

    #[test]
    fn changing_any_one_character_of_a_code_is_refused(
        code in any_code(),
        at in 0usize..18,
        to in prop::sample::select(ALPHABET.to_vec()),
    ) {
        let mut bytes = code.into_bytes();
        prop_assume!(bytes[at] != to);
        bytes[at] = to;
        let changed = String::from_utf8(bytes).unwrap();
        prop_assert!(changed.parse::<CreditCode>().is_err(), "{} accepted", changed);
    }

    #[test]
    fn no_string_makes_the_parser_panic(s in "\\PC{0,24}") {
        let _ = s.parse::<CreditCode>();
    }
}
