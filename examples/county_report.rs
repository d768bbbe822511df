//! The county report: each county's findings, deduction, score, interview months and grade for a year; its goals
//! (KPIs) with their ratios; the findings by kind and the clocks missed; the city's monthly spot checks; the
//! enterprise arrears ledger of the construction sector; and a chart of monthly findings per county.
//!
//! Grades: the documents define only the forced C级 (30 findings in a year); a county below that is 未触发C级,
//! never A or B, unless the policy carries a grade scale with its source.
//!
//! ```text
//! cargo run --example county_report                       # the embedded synthetic ledger of 2025
//! cargo run --example county_report -- ledger.json        # a ledger of your own
//! cargo run --example county_report -- --dump ledger.json # write the embedded ledger as JSON, then report
//! cargo run --example county_report -- --svg chart.svg    # write the chart elsewhere
//! cargo run --example county_report -- --seed HEX         # redraw the spot checks with a revealed seed
//! ```
//!
//! The ledger holds the clue records and the findings reviewers recorded (kind 2, and kind 6 where the synthetic
//! records carry no format reminder); the findings the records show (kinds 1, 3, 4, 5, 6, 7, 8) are detected under
//! the policy, as of the year's last day
//! (`ledger::assess`). The chart goes to `target/county_report_<year>.svg` unless `--svg` says otherwise; the path
//! is printed. A ledger is JSON: `{ "year": 2025, "clues": [Clue…], "findings": [Finding…], "base_scores":
//! {"叶县": "100.0"} }`. Errors name the file and the offending field and exit with code 2.

#[macro_use]
#[path = "common/cli.rs"]
mod cli;
#[path = "ledger/mod.rs"]
mod ledger;
#[path = "common/table.rs"]
mod table;

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use ledger::{Ledger, Report};
use table::{Align, table};
use wage_arrears::review::{Month, Seed, spot_checks_by_county};
use wage_arrears::scoring::{CountyScore, Grade, Kpi};
use wage_arrears::{FindingKind, Policy, RuleId, WorkCalendar};

/// The year of the embedded ledger, and its seed.
const YEAR: i32 = 2025;
const SEED: u64 = 20_250_101;

struct Args {
    ledger: Option<PathBuf>,
    dump: Option<PathBuf>,
    svg: Option<PathBuf>,
    seed: Option<Seed>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        ledger: None,
        dump: None,
        svg: None,
        seed: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--dump" => args.dump = Some(it.next().ok_or("--dump needs a path")?.into()),
            "--svg" => args.svg = Some(it.next().ok_or("--svg needs a path")?.into()),
            "--seed" => {
                let hex = it.next().ok_or("--seed needs 64 hex digits")?;
                args.seed = Some(hex.parse().map_err(|e| format!("--seed: {e}"))?);
            }
            "-h" | "--help" => {
                return Err(
                    "usage: county_report [LEDGER.json] [--dump PATH] [--svg PATH] [--seed HEX]"
                        .into(),
                );
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path if args.ledger.is_none() => args.ledger = Some(path.into()),
            extra => return Err(format!("unexpected argument {extra}")),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("county_report: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let policy = Policy::default();
    let cal = WorkCalendar::china();
    let ledger = match &args.ledger {
        Some(path) => Ledger::read(path).map_err(|e| e.to_string())?,
        None => Ledger::synthetic(YEAR, SEED, &cal).map_err(|e| e.to_string())?,
    };
    if let Some(path) = &args.dump {
        ledger.write(path).map_err(|e| e.to_string())?;
        say!("台账已写出：{}", path.display());
    }
    let assessed = ledger::assess(&ledger, &policy, &cal).map_err(|e| e.to_string())?;
    let seed = spot_check_seed(args.seed)?;
    say_raw!(
        "{}",
        report(&ledger, &assessed, &policy, &seed).map_err(|e| e.to_string())?
    );

    let svg_path = args.svg.unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("target")
            .join(format!("county_report_{}.svg", ledger.year))
    });
    if let Some(dir) = svg_path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let scores: Vec<&CountyScore> = assessed.counties.iter().map(|c| &c.score).collect();
    std::fs::write(&svg_path, chart(ledger.year, &scores, &policy))
        .map_err(|e| format!("{}: {e}", svg_path.display()))?;
    say!(
        "\n图表（各县每月问题数，约谈线 {} 条）：{}",
        policy.interview_findings_per_month,
        svg_path.display()
    );
    Ok(())
}

// ── The text report ─────────────────────────────────────────────────────────────────────────────────────────

/// The seed of the spot checks: the one given with `--seed`, or 32 fresh bytes from the operating system. In the
/// protocol the city publishes the seed's commitment before the month ends and reveals the seed after the draw;
/// this example draws and reveals at once, and prints both so the draw can be verified or repeated.
fn spot_check_seed(given: Option<Seed>) -> Result<Seed, String> {
    if let Some(seed) = given {
        return Ok(seed);
    }
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| format!("no random seed from the operating system: {e}"))?;
    Ok(Seed::from_bytes(bytes))
}

fn report(
    ledger: &Ledger,
    r: &Report,
    policy: &Policy,
    seed: &Seed,
) -> Result<String, std::fmt::Error> {
    let year = ledger.year;
    let mut out = String::new();
    writeln!(
        out,
        "平顶山市 {year}年度 欠薪线索核处考核（{}）",
        policy.name
    )?;
    writeln!(
        out,
        "台账：线索 {} 条；截至 {} 的记录显示问题 {} 条，复核人员另记录 {} 条（弄虚作假、格式经提醒未改），计入本年度 {} 条",
        r.clues,
        r.as_of,
        r.detected,
        r.recorded,
        r.counted()
    )?;
    writeln!(
        out,
        "考核规则 平人社监察〔2024〕15号 四(一)：每条扣 {} 分，当月 ≥{} 条约谈，全年 ≥{} 条评定C级；{}\n",
        policy.deduction_per_finding,
        policy.interview_findings_per_month,
        policy.grade_c_findings_per_year,
        match &policy.grade_scale {
            Some(scale) => format!(
                "未达C级线的按本政策等级标准评定（≥{} A级，≥{} B级；出处：{}）",
                scale.a_min_score, scale.b_min_score, scale.source
            ),
            None => "A级、B级的评定标准文件未载明，本政策未设等级标准：未达C级线的标注“未触发C级”，不评A、B级".to_owned(),
        }
    )?;

    let header = [
        "县（市、区）",
        "线索",
        "办结",
        "问题",
        "扣分",
        "得分",
        "约谈月份",
        "等级",
        "依据",
    ];
    let aligns = [
        Align::Left,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Left,
        Align::Left,
        Align::Left,
    ];
    let mut rows = Vec::new();
    for c in &r.counties {
        let s = &c.score;
        let months: Vec<String> = s
            .interviews
            .iter()
            .map(|i| format!("{}月({})", i.month.month(), i.findings))
            .collect();
        rows.push(vec![
            c.county.clone(),
            c.received.to_string(),
            c.closed.to_string(),
            s.count().to_string(),
            s.deduction.to_string(),
            s.score.map_or("—".into(), |x| x.to_string()),
            if months.is_empty() {
                "—".into()
            } else {
                months.join(" ")
            },
            s.grade_zh().to_owned(),
            s.grade_rule.code().to_owned(),
        ]);
    }
    out += &table(&header, &aligns, &rows);
    writeln!(out)?;
    let mut rules = vec![
        RuleId::ScoreDeduction,
        RuleId::ScoreNamedNotice,
        RuleId::ScoreMonthlyInterview,
        RuleId::ScoreAnnualGradeC,
    ];
    if policy.grade_scale.is_some() {
        rules.push(RuleId::ScoreGradeScale);
    }
    for rule in rules {
        writeln!(out, "  {}：{}", rule.cited(), rule.text_zh())?;
    }

    // The goals, one column per goal.
    writeln!(
        out,
        "\n工作目标（平人社监察〔2024〕15号 一；平人社字〔2022〕2号 三(五)）：{}至{}，按截至 {} 的记录；✓ 达标，✗ 未达标",
        NaiveDate::from_ymd_opt(year, 1, 1).map_or(String::new(), |d| d.to_string()),
        r.as_of,
        r.as_of
    )?;
    let first = r.counties.first().map(|c| c.kpis.as_slice()).unwrap_or(&[]);
    let titles: Vec<String> = first
        .iter()
        .map(|k| format!("{} ≥{}", short_name(k), k.goal))
        .collect();
    let mut header: Vec<&str> = vec!["县（市、区）"];
    header.extend(titles.iter().map(String::as_str));
    let mut aligns = vec![Align::Left];
    aligns.extend(first.iter().map(|_| Align::Right));
    let rows: Vec<Vec<String>> = r
        .counties
        .iter()
        .map(|c| {
            let mut row = vec![c.county.clone()];
            row.extend(c.kpis.iter().map(kpi_cell));
            row
        })
        .collect();
    out += &table(&header, &aligns, &rows);
    for k in first {
        writeln!(out, "  {}：{}", k.rule.cited(), k.rule.text_zh())?;
    }
    writeln!(
        out,
        "  口径：时限未届满的线索不计入（接收期限、结论5复核期限、答复期限）；有效核处：{}（见 interpretations 表）。",
        match policy.effective_handling {
            wage_arrears::EffectiveHandling::SubstantiveConclusion => {
                "办结且结论为实质性处理（1–5、8、9）"
            }
            _ => "办结且无违规、无问题",
        }
    )?;

    // What was found, by kind, and the clocks missed.
    writeln!(
        out,
        "\n问题构成（平人社监察〔2024〕15号 四(一) 类别 1–8，计入本年度的条数）与逾期情况（截至 {}）",
        r.as_of
    )?;
    let mut header: Vec<String> = vec!["县（市、区）".into()];
    header.extend((1..=8).map(|k| format!("{k}类")));
    header.extend(["逾期接收", "逾期答复", "黄牌", "红牌"].map(str::to_owned));
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut aligns = vec![Align::Left];
    aligns.extend([Align::Right; 12]);
    let rows: Vec<Vec<String>> = r
        .counties
        .iter()
        .map(|c| {
            let mut row = vec![c.county.clone()];
            row.extend(c.by_kind.iter().map(|n| {
                if *n == 0 {
                    "·".to_owned()
                } else {
                    n.to_string()
                }
            }));
            let m = &c.misses;
            row.extend([
                (m.accepted_late + m.not_accepted).to_string(),
                (m.answered_late + m.unanswered).to_string(),
                m.yellow.to_string(),
                m.red.to_string(),
            ]);
            row
        })
        .collect();
    out += &table(&header, &aligns, &rows);
    for &kind in FindingKind::ALL {
        writeln!(
            out,
            "  {}类 {}（{}）",
            kind.number(),
            kind.label_zh(),
            if kind.detectable_from_record() {
                "记录可查，自动发现"
            } else {
                "复核人员认定"
            }
        )?;
    }
    writeln!(
        out,
        "  逾期接收/答复：已逾期或逾期完成的条数（R-ACC、R-RSP，平人社监察〔2024〕15号 二）；黄牌、红牌：未办结的超期案件（R-CARD，保定市高效处置农民工欠薪问题若干措施（十二））。"
    )?;

    // Interviews and forced grades, in words.
    writeln!(
        out,
        "\n约谈及通报（{}）",
        RuleId::ScoreMonthlyInterview.cited()
    )?;
    let mut any = false;
    for c in &r.counties {
        for i in &c.score.interviews {
            writeln!(out, "  {} {i}", c.county)?;
            any = true;
        }
    }
    if !any {
        writeln!(out, "  无")?;
    }
    for c in r.counties.iter().filter(|c| c.score.grade_c_forced()) {
        writeln!(out, "\n评定C级（{}）：", RuleId::ScoreAnnualGradeC.cited())?;
        write!(out, "{}", c.score)?;
    }

    // The city's spot checks, month by month.
    writeln!(
        out,
        "\n市级抽查复核（{}；{}）：每月各县结论为5的线索全部复核，其余按 {} 抽查（{}），次月{}日前完成",
        RuleId::SpotCheckSample.cited(),
        RuleId::SpotCheckEveryCode5.cited(),
        policy.spot_check_rate,
        match policy.spot_check_rounding {
            wage_arrears::Rounding::Down => "向下取整",
            _ => "向上取整",
        },
        policy.spot_check_due_day
    )?;
    let mut rows = Vec::new();
    for m in 1..=12 {
        let Ok(month) = Month::new(year, m) else {
            continue;
        };
        let checks = spot_checks_by_county(&ledger.clues, month, seed, policy)
            .map_err(|_| std::fmt::Error)?;
        let sum =
            |f: fn(&wage_arrears::review::SpotCheck) -> usize| checks.iter().map(f).sum::<usize>();
        let due = checks
            .first()
            .map_or("—".to_owned(), |c| c.due_on.to_string());
        rows.push(vec![
            month.to_string(),
            sum(|c| c.population).to_string(),
            sum(|c| c.code5.len()).to_string(),
            sum(|c| c.others).to_string(),
            sum(|c| c.sampled.len()).to_string(),
            checks.len().to_string(),
            due,
        ]);
    }
    out += &table(
        &[
            "月份",
            "办结",
            "结论5复核",
            "其余",
            "抽查",
            "涉及县区",
            "完成期限",
        ],
        &[
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Left,
        ],
        &rows,
    );
    writeln!(
        out,
        "抽样种子 {seed}\n种子承诺（SHA-256）{}\n（本例当场取种子并公开；实际做法：月底前公布承诺，抽样后公开种子，任何人可用 verify_spot_check 验证；用 --seed 复现本次抽样）",
        seed.commitment()
    )?;
    // 工程建设领域欠薪违法企业信息台账 (保定市高效处置农民工欠薪问题若干措施（十四）).
    out += &enterprise_table(ledger, r.as_of)?;
    Ok(out)
}

/// The enterprise arrears ledger of the construction sector as of the report's day, the largest amount owed first.
fn enterprise_table(ledger: &Ledger, as_of: NaiveDate) -> Result<String, std::fmt::Error> {
    let mut out = String::new();
    let l = wage_arrears::enterprise_ledger(&ledger.clues, as_of).map_err(|_| std::fmt::Error)?;
    writeln!(
        out,
        "\n工程建设领域欠薪违法企业信息台账（{} 保定市高效处置农民工欠薪问题若干措施（十四））：截至 {}，查实欠薪的单位 {} 家",
        l.rule,
        l.as_of,
        l.employers.len()
    )?;
    let mut employers: Vec<_> = l.employers.iter().collect();
    employers.sort_by(|a, b| b.amount_owed.cmp(&a.amount_owed).then(a.key.cmp(&b.key)));
    let rows: Vec<Vec<String>> = employers
        .iter()
        .map(|e| {
            let mut codes: Vec<u8> = e
                .clues
                .iter()
                .filter_map(|c| c.conclusion.map(|k| k.code()))
                .collect();
            codes.sort_unstable();
            codes.dedup();
            let open = e.clues.iter().filter(|c| c.closed_on.is_none()).count();
            vec![
                e.name.clone(),
                e.credit_code
                    .as_ref()
                    .map_or("（未登记）".to_owned(), |c| c.to_string()),
                e.clues.len().to_string(),
                e.workers.to_string(),
                e.amount_owed.to_string(),
                e.amount_paid.to_string(),
                format!("{}–{}", e.first_registered_on, e.last_registered_on),
                codes
                    .iter()
                    .map(u8::to_string)
                    .collect::<Vec<_>>()
                    .join("、"),
                open.to_string(),
            ]
        })
        .collect();
    out += &table(
        &[
            "单位",
            "统一社会信用代码",
            "线索",
            "人数",
            "欠薪金额",
            "已支付",
            "登记（首次–最近）",
            "核处结论",
            "未办结",
        ],
        &[
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Left,
            Align::Left,
            Align::Right,
        ],
        &rows,
    );
    if !l.without_employer.is_empty() {
        writeln!(
            out,
            "  另有 {} 条查实欠薪的工程建设领域线索未登记被反映单位，无法列入台账：{}",
            l.without_employer.len(),
            l.without_employer.join("、")
        )?;
    }
    writeln!(
        out,
        "  口径：工程建设领域、经调查核实存在欠薪的线索，按统一社会信用代码（未登记的按单位名称）归并；金额精确到分。"
    )?;
    Ok(out)
}

/// A KPI's short column name.
fn short_name(k: &Kpi) -> &'static str {
    match k.rule {
        RuleId::KpiAcceptance => "按期接收",
        RuleId::KpiEffectiveHandling => "有效核处",
        RuleId::KpiCode5Review => "结论5复核",
        RuleId::KpiRegistration => "登记",
        RuleId::KpiClosure => "结案",
        _ => "目标",
    }
}

/// `312/315 99.0% ✓`: the ratio, its percent (rounded down to a tenth) and whether the goal is met.
fn kpi_cell(k: &Kpi) -> String {
    let permille = k.ratio.basis_points_floor() / 10;
    format!(
        "{}/{} {}.{}% {}",
        k.ratio.numerator,
        k.ratio.denominator,
        permille / 10,
        permille % 10,
        if k.met { "✓" } else { "✗" }
    )
}

// ── The chart ───────────────────────────────────────────────────────────────────────────────────────────────

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const FONT: &str = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif";
const BLUE: &str = "#4e79a7";
const RED: &str = "#d62728";
const INK: &str = "#222";
const GREY: &str = "#666";

/// Small multiples: one bar chart per county (12 months), the interview line dashed red, bars at or over it red,
/// counts on the bars; counties with the most findings first. Integer pixel coordinates throughout.
fn chart(year: i32, scores: &[&CountyScore], policy: &Policy) -> String {
    let threshold = policy.interview_findings_per_month;
    let mut panels: Vec<&CountyScore> = scores.to_vec();
    panels.sort_by_key(|s| std::cmp::Reverse(s.count())); // stable: ties keep the city's order
    let max = panels.iter().flat_map(|s| s.per_month).max().unwrap_or(0);
    let y_max = i64::from(max.max(threshold + 1) + 1);

    let (cols, pw, ph): (i64, i64, i64) = (4, 300, 215);
    let n = i64::try_from(panels.len()).unwrap_or(0);
    let rows = ((n + cols - 1) / cols).max(1);
    let (left, top, gap_x, gap_y) = (30, 150, 18, 20);
    let w = left * 2 + cols * pw + (cols - 1) * gap_x;
    let h = top + rows * (ph + gap_y) + 40;
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT}">"#
    );
    let _ = writeln!(s, r##"<rect width="{w}" height="{h}" fill="#fff"/>"##);
    let _ = writeln!(
        s,
        r#"<text x="{left}" y="42" font-size="24" font-weight="700" fill="{INK}">平顶山市 {year}年 各县（市、区）欠薪线索核处问题数（按发现月份）</text>"#
    );
    let _ = writeln!(
        s,
        r#"<text x="{left}" y="70" font-size="14" fill="{GREY}">每发现一条扣年度考核 {} 分；当月累计 {threshold} 条（含本数）约谈属地人社部门并通报属地政府；全年累计 {} 条评定 C 级（平人社监察〔2024〕15号 四(一)）。按全年问题数排序。</text>"#,
        policy.deduction_per_finding, policy.grade_c_findings_per_year
    );
    // Legend.
    let ly = 100;
    let _ = writeln!(
        s,
        r#"<rect x="{left}" y="{}" width="14" height="14" fill="{BLUE}"/>"#,
        ly - 11
    );
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{ly}" font-size="13" fill="{INK}">当月问题数</text>"#,
        left + 20
    );
    let x2 = left + 120;
    let _ = writeln!(
        s,
        r#"<rect x="{x2}" y="{}" width="14" height="14" fill="{RED}"/>"#,
        ly - 11
    );
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{ly}" font-size="13" fill="{INK}">达到约谈线（≥{threshold} 条）</text>"#,
        x2 + 20
    );
    let x3 = x2 + 190;
    let _ = writeln!(
        s,
        r#"<line x1="{x3}" y1="{}" x2="{}" y2="{}" stroke="{RED}" stroke-width="2" stroke-dasharray="6 4"/>"#,
        ly - 4,
        x3 + 34,
        ly - 4
    );
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{ly}" font-size="13" fill="{INK}">约谈线 {threshold} 条</text>"#,
        x3 + 42
    );
    let x4 = x3 + 150;
    let _ = writeln!(
        s,
        r##"<rect x="{x4}" y="{}" width="26" height="16" rx="3" fill="#fdecea" stroke="{RED}" stroke-width="2"/>"##,
        ly - 12
    );
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{ly}" font-size="13" fill="{INK}">全年 ≥{} 条：C 级（R-SCO-4）</text>"#,
        x4 + 34,
        policy.grade_c_findings_per_year
    );
    let _ = writeln!(
        s,
        r#"<text x="{left}" y="{}" font-size="12" fill="{GREY}">纵轴：条数（各县同一刻度，0–{y_max}）；横轴：月份。</text>"#,
        ly + 26
    );

    for (k, score) in (0i64..).zip(panels.iter()) {
        let px = left + (k % cols) * (pw + gap_x);
        let py = top + (k / cols) * (ph + gap_y);
        panel(&mut s, (px, py, pw, ph), score, y_max, policy);
    }
    let _ = writeln!(
        s,
        r#"<text x="{left}" y="{}" font-size="11" fill="{GREY}">数据：台账 {year} 年（wage-arrears county_report）。1、3、4、5、7、8 类由记录自动发现，2、6 类由复核认定；扣分、约谈、C级依 平人社监察〔2024〕15号 四(一)；A、B级评定标准文件未载明，未设等级标准时只标注 C级 或 未触发C级。</text>"#,
        h - 14
    );
    s.push_str("</svg>\n");
    s
}

fn panel(
    s: &mut String,
    (x, y, w, h): (i64, i64, i64, i64),
    score: &CountyScore,
    y_max: i64,
    policy: &Policy,
) {
    let threshold = policy.interview_findings_per_month;
    let c_grade = score.grade_c_forced();
    let interview = !score.interviews.is_empty();
    let (bg, border, bw) = if c_grade {
        ("#fdecea", RED, 2)
    } else if interview {
        ("#fff7f5", "#e8a09a", 1)
    } else {
        ("#f8f9fb", "#d5d9e0", 1)
    };
    let _ = writeln!(
        s,
        r#"<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="6" fill="{bg}" stroke="{border}" stroke-width="{bw}"/>"#
    );
    // Title: the county and its grade, then its year in one line.
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{}" font-size="17" font-weight="700" fill="{INK}">{}</text>"#,
        x + 12,
        y + 25,
        esc(&score.county)
    );
    // Only C级 is defined by the documents; A/B appear only from a policy's grade scale (with its source).
    let grade = score.grade_zh();
    let (grade_colour, grade_size) = match score.grade {
        Some(Grade::C) => (RED, 17),
        Some(Grade::B) => ("#b07d00", 17),
        Some(_) => ("#2e7d32", 17),
        None => (GREY, 12),
    };
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{}" font-size="{grade_size}" font-weight="700" fill="{grade_colour}" text-anchor="end">{grade}</text>"#,
        x + w - 12,
        y + 25
    );
    if c_grade {
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}" font-size="11" fill="{RED}" text-anchor="end">全年≥{}条</text>"#,
            x + w - 12,
            y + 44,
            policy.grade_c_findings_per_year
        );
    } else if interview {
        let months: Vec<String> = score
            .interviews
            .iter()
            .map(|i| format!("{}月", i.month.month()))
            .collect();
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}" font-size="11" fill="{RED}" text-anchor="end">约谈 {}</text>"#,
            x + w - 12,
            y + 44,
            months.join("、")
        );
    }
    let score_text = score.score.map_or("—".to_owned(), |p| p.to_string());
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{}" font-size="13" fill="{GREY}">全年 <tspan font-weight="700" fill="{}">{} 条</tspan> · 扣 {} 分 · 得分 {score_text}</text>"#,
        x + 12,
        y + 45,
        if c_grade { RED } else { INK },
        score.count(),
        score.deduction
    );

    // Plot area: 12 slots of equal width.
    let (pl, pt, pb) = (x + 30, y + 62, y + h - 24);
    let slot = (w - 30 - 14) / 12;
    let pr = pl + slot * 12;
    let bar = slot * 2 / 3;
    let sy = |v: i64| pb - (pb - pt) * v / y_max;
    for v in (0..=y_max).step_by(if y_max > 12 { 4 } else { 2 }) {
        if v == i64::from(threshold) {
            continue;
        }
        let gy = sy(v);
        let _ = writeln!(
            s,
            r##"<line x1="{pl}" y1="{gy}" x2="{pr}" y2="{gy}" stroke="#e3e6ea" stroke-width="1"/>"##
        );
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}" font-size="10" fill="{GREY}" text-anchor="end">{v}</text>"#,
            pl - 5,
            gy + 4
        );
    }
    for (m, n) in (0i64..).zip(score.per_month.iter()) {
        let bx = pl + slot * m + (slot - bar) / 2;
        let mid = bx + bar / 2;
        let over = *n >= threshold;
        if *n > 0 {
            let top = sy(i64::from(*n));
            let _ = writeln!(
                s,
                r#"<rect x="{bx}" y="{top}" width="{bar}" height="{}" fill="{}"><title>{} {}月：{} 条</title></rect>"#,
                pb - top,
                if over { RED } else { BLUE },
                esc(&score.county),
                m + 1,
                n
            );
            let _ = writeln!(
                s,
                r#"<text x="{mid}" y="{}" font-size="{}" font-weight="{}" fill="{}" text-anchor="middle">{n}</text>"#,
                top - 3,
                if over { 12 } else { 10 },
                if over { 700 } else { 400 },
                if over { RED } else { INK }
            );
        }
        let _ = writeln!(
            s,
            r#"<text x="{mid}" y="{}" font-size="10" fill="{GREY}" text-anchor="middle">{}</text>"#,
            pb + 13,
            m + 1
        );
    }
    let _ = writeln!(
        s,
        r##"<line x1="{pl}" y1="{pb}" x2="{pr}" y2="{pb}" stroke="#9aa0a6" stroke-width="1"/>"##
    );
    // The interview line.
    let ty = sy(i64::from(threshold));
    let _ = writeln!(
        s,
        r#"<line x1="{pl}" y1="{ty}" x2="{pr}" y2="{ty}" stroke="{RED}" stroke-width="2" stroke-dasharray="6 4"/>"#
    );
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{}" font-size="11" font-weight="700" fill="{RED}" text-anchor="end">{threshold}</text>"#,
        pl - 5,
        ty + 4
    );
}
