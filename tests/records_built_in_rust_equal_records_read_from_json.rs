//! A record built with the constructors is the record JSON describes, field for field; a policy built from
//! outside the crate is validated where it is built.

use wage_arrears::{
    Agreement, CardBasis, Clue, Conclusion, Contact, Error, Fen, Investigation, Payment, Policy,
    PolicyBuilder, Progress, Source, Submission,
};

fn d(y: i32, m: u32, day: u32) -> chrono::NaiveDate {
    wage_arrears::date(y, m, day).expect("a valid test date")
}

#[test]
fn a_coordinated_clue_built_step_by_step_is_the_clue_its_json_describes() {
    let owed = Fen::from_yuan(48_000);
    let built = Clue::new(
        "PDS-2026-0031",
        Source::MohrssColumn,
        "鲁山县",
        d(2026, 9, 1),
    )
    .accepted(d(2026, 9, 2))
    .owing(8, owed)
    .handled_by("王敏")
    .from_ministry()
    .contacted(Contact::phone(d(2026, 9, 2)).with_note("电话联系反映人"))
    .contacted(Contact::message(d(2026, 9, 4)).not_reached())
    .contacted(Contact::in_person(d(2026, 9, 8)))
    .investigated(Investigation::new(d(2026, 9, 10), "调查笔录").verified())
    .progressed(Progress::note(d(2026, 9, 12), "约谈用人单位"))
    .agreed(
        Agreement::new(d(2026, 9, 20), d(2026, 10, 12), owed)
            .followed_up(d(2026, 10, 8))
            .paid(d(2026, 10, 10)),
    )
    .paid(Payment::new(d(2026, 10, 10), owed))
    .closed(d(2026, 9, 25), Conclusion::Coordinated)
    .submitted(Submission::new(d(2026, 9, 25)).returned(d(2026, 9, 28), "请补充协议"))
    .submitted(Submission::new(d(2026, 9, 30)).revised())
    .reviewed(d(2026, 10, 9))
    .visited(d(2026, 10, 26));
    let json = r#"{
      "id": "PDS-2026-0031", "source": "mohrss_column", "county": "鲁山县", "registered_on": "2026-09-01",
      "accepted_on": "2026-09-02", "workers": 8, "amount_owed": 4800000, "responsible": "王敏",
      "transferred_by_ministry": true,
      "contacts": [
        { "on": "2026-09-02", "channel": "phone", "note": "电话联系反映人" },
        { "on": "2026-09-04", "channel": "message", "reached": false },
        { "on": "2026-09-08", "channel": "in_person" }
      ],
      "investigation": { "on": "2026-09-10", "arrears_verified": true, "record": "调查笔录" },
      "progress": [{ "on": "2026-09-12", "kind": "note", "note": "约谈用人单位" }],
      "agreement": { "signed_on": "2026-09-20", "pay_by": "2026-10-12", "amount": 4800000,
                     "paid_on": "2026-10-10", "follow_ups": ["2026-10-08"] },
      "payment": { "on": "2026-10-10", "amount": 4800000 },
      "conclusion": 5, "closed_on": "2026-09-25",
      "submissions": [
        { "submitted_on": "2026-09-25", "returned_on": "2026-09-28", "return_reason": "请补充协议" },
        { "submitted_on": "2026-09-30", "revised": true }
      ],
      "reviewed_on": "2026-10-09", "return_visits": ["2026-10-26"]
    }"#;
    let read: Clue = wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(json))
        .expect("the JSON is a clue");
    assert_eq!(built, read);
}

#[test]
fn an_agreement_refused_on_a_day_records_the_refusal_and_its_day() {
    let a = Agreement::new(d(2025, 3, 12), d(2025, 4, 10), Fen::from_yuan(1_000))
        .refused(d(2025, 4, 11));
    assert!(a.refused_to_perform);
    assert_eq!(a.refused_on, Some(d(2025, 4, 11)));
    let i = Investigation::new(d(2025, 3, 7), "笔录")
        .verified()
        .refused_by_employer();
    assert!(i.arrears_verified && i.employer_refuses);
}

#[test]
fn a_policy_built_with_a_few_numbers_changed_keeps_every_other_number() {
    let p = Policy::builder()
        .min_contacts(4)
        .card_basis(CardBasis::NotAnswered)
        .build()
        .expect("a valid policy");
    let mut expected = Policy::default();
    expected.min_contacts = 4;
    expected.card_basis = CardBasis::NotAnswered;
    assert_eq!(p, expected);
    assert_eq!(PolicyBuilder::from(p.clone()).build(), Ok(p));
}

#[test]
fn a_policy_built_with_a_number_the_rules_cannot_use_is_refused_naming_the_field() {
    let err = Policy::builder().min_contacts(0).build().unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidPolicy {
                field: "min_contacts",
                ..
            }
        ),
        "{err}"
    );
}
