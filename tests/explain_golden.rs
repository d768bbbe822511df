//! Explanations of the worked examples match their golden texts, round-trip through JSON, and every line of
//! every explanation of the sample data carries a cited rule id.

use chrono::NaiveDate;
use wage_arrears::explain::{Explanation, explain};
use wage_arrears::{Clue, Policy, Rollover, RuleId, Source, WorkCalendar};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const HEADER_POLICY: &str =
    "政策：平顶山市 提高办理质效有效核处欠薪线索工作方案（平人社监察〔2024〕15号）\n";

fn golden(clue: &Clue, policy: &Policy, as_of: NaiveDate, expected: &str) {
    let text = explain(clue, policy, &WorkCalendar::china(), as_of)
        .unwrap()
        .to_string();
    assert_eq!(text, expected, "\n--- got ---\n{text}");
}

#[test]
fn a_clue_registered_on_friday_before_spring_festival_2025_explains_its_make_up_sunday_and_the_holiday()
 {
    let clue = Clue::new("SPEC-1", Source::MohrssColumn, "叶县", d(2025, 1, 24));
    golden(
        &clue,
        &Policy::default(),
        d(2025, 1, 24),
        &format!(
            "线索 SPEC-1 · 人社部根治欠薪进行时专栏 · 叶县 · 截至 2025-01-24\n{HEADER_POLICY}\
时限
  R-ACC-1 (平人社监察〔2024〕15号 二(一)) 3 个工作日内完成接收：2025-01-24 → 2025-02-05，跳过休息日 01-25, 01-28…02-04 — 未到期（余12天）
  牌：无
提级
  无提级情形
核处规则
  ✓ 已满足：R-CST-3
跟踪事项
  无
问题
  无
"
        ),
    );
}

#[test]
fn a_clue_registered_on_the_eve_of_national_day_2026_is_due_on_the_make_up_saturday() {
    let clue = Clue::new("SPEC-2", Source::MohrssColumn, "郏县", d(2026, 9, 30));
    golden(
        &clue,
        &Policy::default(),
        d(2026, 10, 10),
        &format!(
            "线索 SPEC-2 · 人社部根治欠薪进行时专栏 · 郏县 · 截至 2026-10-10\n{HEADER_POLICY}\
时限
  R-ACC-1 (平人社监察〔2024〕15号 二(一)) 3 个工作日内完成接收：2026-09-30 → 2026-10-10，跳过休息日 10-01…10-07 — 今日到期
  牌：无
提级
  无提级情形
核处规则
  ✓ 已满足：R-CST-3
跟踪事项
  无
问题
  无
"
        ),
    );
}

#[test]
fn a_clue_registered_on_an_ordinary_sunday_is_due_on_wednesday_and_overdue_on_thursday() {
    let clue = Clue::new("SPEC-3", Source::MohrssColumn, "鲁山县", d(2025, 3, 9));
    golden(
        &clue,
        &Policy::default(),
        d(2025, 3, 13),
        &format!(
            "线索 SPEC-3 · 人社部根治欠薪进行时专栏 · 鲁山县 · 截至 2025-03-13\n{HEADER_POLICY}\
时限
  R-ACC-1 (平人社监察〔2024〕15号 二(一)) 3 个工作日内完成接收：2025-03-09 → 2025-03-12 — 逾期1天
  牌：无
提级
  无提级情形
核处规则
  ✓ 已满足：R-CST-3
跟踪事项
  无
问题
  无
"
        ),
    );
}

fn accepted_on_a_saturday() -> Clue {
    let mut clue = Clue::new("SPEC-4", Source::MohrssColumn, "宝丰县", d(2025, 7, 31));
    clue.accepted_on = Some(d(2025, 8, 2));
    clue
}

const SPEC_4_TAIL: &str = "  牌：无
提级
  无提级情形
核处规则
  ✓ 已满足：R-CST-3
跟踪事项
  无
问题
  2025-08-05 R-FND-1 (平人社监察〔2024〕15号 四(一)1) 未落实首问负责制，未联系当事人
";

#[test]
fn sixty_natural_days_from_2025_08_02_end_on_national_day_without_roll_over() {
    golden(
        &accepted_on_a_saturday(),
        &Policy::default(),
        d(2025, 10, 1),
        &format!(
            "线索 SPEC-4 · 人社部根治欠薪进行时专栏 · 宝丰县 · 截至 2025-10-01\n{HEADER_POLICY}\
时限
  R-ACC-1 (平人社监察〔2024〕15号 二(一)) 3 个工作日内完成接收：2025-07-31 → 2025-08-05，跳过休息日 08-02…08-03 — 2025-08-02 完成，按期
  R-RSP-1 (平人社监察〔2024〕15号 二(二)) 60 个自然日内填写办结反馈：2025-08-02 → 2025-10-01，末日不顺延 — 今日到期
{SPEC_4_TAIL}"
        ),
    );
}

#[test]
fn sixty_natural_days_from_2025_08_02_roll_over_to_october_9_when_the_policy_says_so() {
    let mut policy = Policy::default();
    policy.natural_day_rollover = Rollover::NextWorkingDay;
    golden(
        &accepted_on_a_saturday(),
        &policy,
        d(2025, 10, 1),
        &format!(
            "线索 SPEC-4 · 人社部根治欠薪进行时专栏 · 宝丰县 · 截至 2025-10-01\n{HEADER_POLICY}\
时限
  R-ACC-1 (平人社监察〔2024〕15号 二(一)) 3 个工作日内完成接收：2025-07-31 → 2025-08-05，跳过休息日 08-02…08-03 — 2025-08-02 完成，按期
  R-RSP-1 (平人社监察〔2024〕15号 二(二)) 60 个自然日内填写办结反馈：2025-08-02 → 2025-10-09，末日遇休息日顺延，跨过 10-01…10-08（民法典 第203条） — 未到期（余8天）
{SPEC_4_TAIL}"
        ),
    );
}

fn sample_clues() -> Vec<Clue> {
    let mut all = Vec::new();
    for file in ["clues.json", "review_clues.json"] {
        let path = format!("{}/examples/data/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap();
        let clues: Vec<Clue> =
            wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(&text)).unwrap();
        all.extend(clues);
    }
    all
}

fn explanations() -> Vec<Explanation> {
    let cal = WorkCalendar::china();
    let policy = Policy::default();
    sample_clues()
        .iter()
        .filter_map(|c| explain(c, &policy, &cal, d(2026, 11, 25)).ok())
        .collect()
}

#[test]
fn explanations_of_the_sample_clues_round_trip_through_json() {
    let all = explanations();
    assert!(all.len() > 40, "{} explanations", all.len());
    for e in all {
        let json = serde_json::to_string(&e).unwrap();
        let back: Explanation = serde_json::from_str(&json).unwrap();
        assert_eq!(back, e);
    }
}

#[test]
fn every_rule_an_explanation_applies_is_cited_and_printed() {
    for e in explanations() {
        let text = e.to_string();
        let rules = e.rules();
        assert!(!rules.is_empty(), "{} explains no rule", e.clue_id);
        for rule in rules {
            assert!(
                !rule.citation().clause.is_empty() && !rule.text_zh().is_empty(),
                "{rule} has no citation"
            );
            assert!(
                text.contains(rule.code()),
                "{} does not print {rule}\n{text}",
                e.clue_id
            );
        }
    }
}

#[test]
fn the_sample_clues_exercise_most_of_the_rule_catalogue() {
    let mut seen: Vec<RuleId> = explanations().iter().flat_map(|e| e.rules()).collect();
    seen.sort_unstable();
    seen.dedup();
    assert!(
        seen.len() >= 30,
        "only {} rules exercised: {seen:?}",
        seen.len()
    );
}

#[test]
fn an_explanation_is_written_in_chinese_without_english_words() {
    let mut policies = vec![Policy::default()];
    let mut roll = Policy::default();
    roll.natural_day_rollover = Rollover::NextWorkingDay;
    policies.push(roll);
    let cal = WorkCalendar::china();
    for policy in &policies {
        for c in sample_clues() {
            for as_of in [d(2025, 10, 2), d(2026, 10, 5), d(2026, 11, 25)] {
                let Ok(e) = explain(&c, policy, &cal, as_of) else {
                    continue;
                };
                let text = e.to_string();
                // The rule ids (R-ACC-1) and the clue's own id are codes, not words.
                let mut words = text.replace(&c.id, "");
                for rule in e.rules() {
                    words = words.replace(rule.code(), "");
                }
                let english = words
                    .as_bytes()
                    .windows(2)
                    .any(|w| w[0].is_ascii_alphabetic() && w[1].is_ascii_alphabetic());
                assert!(
                    !english,
                    "English in the explanation of {} on {as_of}:\n{text}",
                    c.id
                );
            }
        }
    }
}
