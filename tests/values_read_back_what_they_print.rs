//! Every value a service reads from text reads back what `Display` prints (money, points, months, sources,
//! conclusions, cards, grades, finding kinds); text that names no value is refused naming the text; and the
//! values a table lines up honour width and alignment.

use proptest::prelude::*;
use wage_arrears::review::Month;
use wage_arrears::{Card, Conclusion, Error, Fen, FindingKind, Grade, Points, Source};

fn source() -> impl Strategy<Value = Source> {
    proptest::sample::select(Source::ALL)
}

fn conclusion() -> impl Strategy<Value = Conclusion> {
    proptest::sample::select(&Conclusion::ALL[..])
}

fn finding_kind() -> impl Strategy<Value = FindingKind> {
    proptest::sample::select(FindingKind::ALL)
}

fn card() -> impl Strategy<Value = Card> {
    proptest::sample::select(vec![Card::None, Card::Yellow, Card::Red])
}

fn grade() -> impl Strategy<Value = Grade> {
    proptest::sample::select(vec![Grade::A, Grade::B, Grade::C])
}

/// `shown`, padded to `width` with `fill` as `align` says: the layout every padded value must have.
fn padded(shown: &str, width: usize, fill: char, align: char) -> String {
    let gap = width.saturating_sub(shown.chars().count());
    let (before, after) = match align {
        '<' => (0, gap),
        '^' => (gap / 2, gap - gap / 2),
        _ => (gap, 0),
    };
    let fill = |n| std::iter::repeat_n(fill, n).collect::<String>();
    format!("{}{shown}{}", fill(before), fill(after))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn an_amount_reads_back_exactly_what_it_prints(fen in any::<u64>()) {
        prop_assert_eq!(Fen(fen).to_string().parse::<Fen>(), Ok(Fen(fen)));
    }

    #[test]
    fn an_amount_reads_the_same_in_yuan_with_or_without_its_sign_and_in_wan_yuan(fen in 0u64..1_000_000_000_000_000) {
        let (yuan, cents) = (fen / 100, fen % 100);
        for text in [
            format!("{yuan}.{cents:02}"),
            format!("¥{yuan}.{cents:02}"),
            format!("￥{yuan}.{cents:02}"),
            format!("{yuan}.{cents:02}元"),
            format!("{}.{:06}万元", fen / 1_000_000, fen % 1_000_000),
        ] {
            prop_assert_eq!(text.parse::<Fen>(), Ok(Fen(fen)), "{}", text);
        }
        if cents == 0 {
            prop_assert_eq!(format!("{yuan}").parse::<Fen>(), Ok(Fen(fen)));
        }
    }

    #[test]
    fn text_that_is_not_an_amount_exact_to_the_fen_is_refused_naming_the_text(text in "[0-9.¥元万, +\\-]{0,14}") {
        match text.parse::<Fen>() {
            Ok(fen) => prop_assert_eq!(fen.to_string().parse::<Fen>(), Ok(fen)),
            Err(e) => {
                let is_amount_error = matches!(e, Error::InvalidAmount { .. });
                prop_assert!(is_amount_error, "{:?}", e);
                let expected_start = format!("`{text}` is not an amount of money: ");
                prop_assert!(e.to_string().starts_with(&expected_start), "{}", e);
            }
        }
    }

    #[test]
    fn points_read_back_exactly_what_they_print(milli in any::<i64>()) {
        let p = Points::from_milli(milli);
        prop_assert_eq!(p.to_string().parse::<Points>(), Ok(p));
    }

    #[test]
    fn a_month_reads_back_what_it_prints(year in 1i32..=9999, month in 1u32..=12) {
        let m = Month::new(year, month)?;
        prop_assert_eq!(m.to_string().parse::<Month>(), Ok(m));
        prop_assert_eq!(format!("{year:04}-{month:02}").parse::<Month>(), Ok(m));
    }

    #[test]
    fn a_source_reads_back_from_its_chinese_name_its_short_name_and_its_json_name(s in source()) {
        prop_assert_eq!(s.to_string().parse::<Source>(), Ok(s));
        prop_assert_eq!(s.short_zh().parse::<Source>(), Ok(s));
        let json = serde_json::to_string(&s).expect("a source serialises");
        prop_assert_eq!(json.trim_matches('"').parse::<Source>(), Ok(s));
    }

    #[test]
    fn a_conclusion_reads_back_from_what_it_prints_its_code_and_its_official_wording(c in conclusion()) {
        prop_assert_eq!(c.to_string().parse::<Conclusion>(), Ok(c));
        prop_assert_eq!(c.code().to_string().parse::<Conclusion>(), Ok(c));
        prop_assert_eq!(c.label_zh().parse::<Conclusion>(), Ok(c));
    }

    #[test]
    fn a_card_a_grade_and_a_finding_kind_read_back_what_they_print(card in card(), grade in grade(), kind in finding_kind()) {
        prop_assert_eq!(card.to_string().parse::<Card>(), Ok(card));
        prop_assert_eq!(grade.to_string().parse::<Grade>(), Ok(grade));
        prop_assert_eq!(grade.label_zh().parse::<Grade>(), Ok(grade));
        prop_assert_eq!(kind.to_string().parse::<FindingKind>(), Ok(kind));
        prop_assert_eq!(kind.number().to_string().parse::<FindingKind>(), Ok(kind));
        prop_assert_eq!(kind.label_zh().parse::<FindingKind>(), Ok(kind));
    }

    #[test]
    fn text_that_names_no_value_is_refused_naming_the_text(text in "[a-z0-9_ 级牌]{0,10}") {
        for err in [
            text.parse::<Source>().err(),
            text.parse::<Conclusion>().err(),
            text.parse::<Card>().err(),
            text.parse::<Grade>().err(),
            text.parse::<FindingKind>().err(),
        ]
        .into_iter()
        .flatten()
        {
            let message = err.to_string();
            let named = message.contains(&format!("`{text}`")) || message.contains(text.trim());
            prop_assert!(named, "{}", message);
        }
    }

    #[test]
    fn numbers_line_up_right_by_default_and_as_asked(fen in any::<u64>(), milli in any::<i64>(), width in 0usize..30, fill in prop::sample::select(vec![' ', '*', '·']), align in prop::sample::select(vec!['<', '^', '>'])) {
        let (fen, points) = (Fen(fen), Points::from_milli(milli));
        prop_assert_eq!(format!("{fen:width$}"), padded(&fen.to_string(), width, ' ', '>'));
        prop_assert_eq!(format!("{points:width$}"), padded(&points.to_string(), width, ' ', '>'));
        let (f, p) = match (fill, align) {
            (' ', '<') => (format!("{fen:<width$}"), format!("{points:<width$}")),
            (' ', '^') => (format!("{fen:^width$}"), format!("{points:^width$}")),
            (' ', _) => (format!("{fen:>width$}"), format!("{points:>width$}")),
            ('*', '<') => (format!("{fen:*<width$}"), format!("{points:*<width$}")),
            ('*', '^') => (format!("{fen:*^width$}"), format!("{points:*^width$}")),
            ('*', _) => (format!("{fen:*>width$}"), format!("{points:*>width$}")),
            (_, '<') => (format!("{fen:·<width$}"), format!("{points:·<width$}")),
            (_, '^') => (format!("{fen:·^width$}"), format!("{points:·^width$}")),
            (_, _) => (format!("{fen:·>width$}"), format!("{points:·>width$}")),
        };
        prop_assert_eq!(f, padded(&fen.to_string(), width, fill, align));
        prop_assert_eq!(p, padded(&points.to_string(), width, fill, align));
    }

    #[test]
    fn names_line_up_left_by_default_and_as_asked(s in source(), c in conclusion(), card in card(), grade in grade(), width in 0usize..40) {
        prop_assert_eq!(format!("{s:width$}"), padded(&s.to_string(), width, ' ', '<'));
        prop_assert_eq!(format!("{c:width$}"), padded(&c.to_string(), width, ' ', '<'));
        prop_assert_eq!(format!("{card:>width$}"), padded(&card.to_string(), width, ' ', '>'));
        prop_assert_eq!(format!("{grade:^width$}"), padded(&grade.to_string(), width, ' ', '^'));
        prop_assert_eq!(format!("{s:*>width$}"), padded(&s.to_string(), width, '*', '>'));
    }
}

#[test]
fn a_table_of_cards_and_amounts_lines_up() {
    let rows = [(Card::Red, Fen(3_600_000)), (Card::None, Fen(150))];
    let lines: Vec<String> = rows
        .iter()
        .map(|(card, owed)| format!("{card:<4}|{owed:>12}|"))
        .collect();
    assert_eq!(lines, ["红牌  |   ¥36000.00|", "无   |       ¥1.50|"]);
    assert_eq!(format!("{:>3}|", Grade::C), "  C|");
}

#[test]
fn a_conclusion_whose_code_and_wording_disagree_is_refused() {
    assert!("5 无效线索".parse::<Conclusion>().is_err());
    assert!("0".parse::<Conclusion>().is_err());
    assert_eq!(
        "11".parse::<Conclusion>(),
        Err(Error::UnknownConclusion(11))
    );
    assert!("300".parse::<Conclusion>().is_err());
}

#[test]
fn a_finding_kind_reads_the_plans_wording_with_its_closing_de() {
    assert_eq!(
        "对符合立案条件不及时立案的".parse::<FindingKind>(),
        Ok(FindingKind::NotFiledInTime)
    );
    assert_eq!(
        "对符合立案条件不及时立案的。".parse::<FindingKind>(),
        Ok(FindingKind::NotFiledInTime)
    );
}
