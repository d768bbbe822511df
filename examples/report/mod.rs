//! The county report as data: sections of tables (scores, goals, findings by kind, interviews, spot checks, monthly
//! findings, the findings named), rendered as terminal text, as one self-contained HTML page that prints on A4,
//! and (feature `xlsx`) as a workbook with one sheet per table and a native chart. The city and the document come
//! from the policy.
//!
//! Shared by `county_report` and the test that prints the page in a browser: include it with
//! `#[path = "report/mod.rs"] mod report;` beside `ledger/mod.rs`.
#![allow(dead_code)]

#[path = "../common/table.rs"]
mod table;

use std::fmt::Write as _;

use chrono::NaiveDate;
use table::{Align, table};
use wage_arrears::review::{Month, Seed, spot_checks_by_county};
use wage_arrears::scoring::{CountyScore, Grade, Kpi};
use wage_arrears::{FindingKind, Policy, RuleId};

use crate::ledger::{Ledger, Report};

/// One cell of a report table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A count.
    Int(i64),
    /// A decimal (points), as the crate displays it: `87.4`.
    Decimal(String),
    /// A goal's ratio and whether it is met.
    Ratio {
        /// Met the goal.
        numerator: u64,
        /// Counted.
        denominator: u64,
        /// Whether the goal is met.
        met: bool,
    },
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    fn int(n: impl TryInto<i64>) -> Cell {
        Cell::Int(n.try_into().unwrap_or(i64::MAX))
    }

    /// The cell as the text report shows it; a zero count as `zero`.
    pub fn show(&self, zero: &str) -> String {
        match self {
            Cell::Text(s) | Cell::Decimal(s) => s.clone(),
            Cell::Int(0) => zero.to_owned(),
            Cell::Int(n) => n.to_string(),
            Cell::Ratio {
                numerator,
                denominator,
                met,
            } => {
                let permille =
                    wage_arrears::Ratio::new(*numerator, *denominator).basis_points_floor() / 10;
                format!(
                    "{numerator}/{denominator} {}.{}% {}",
                    permille / 10,
                    permille % 10,
                    if *met { "✓" } else { "✗" }
                )
            }
        }
    }

    fn is_number(&self) -> bool {
        !matches!(self, Cell::Text(_))
    }
}

/// One table of the report, with its title and the notes under it.
#[derive(Debug, Clone)]
pub struct Section {
    /// A short name: the sheet's name in the workbook.
    pub key: &'static str,
    /// The title above the table.
    pub title: String,
    /// The header.
    pub header: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
    /// Lines under the table (the rules it applies, how to read it).
    pub notes: Vec<String>,
    /// How a zero count shows in text (`0`, or `·` in a wide table of counts).
    pub zero: &'static str,
}

/// The whole report.
#[derive(Debug, Clone)]
pub struct Doc {
    /// The title.
    pub title: String,
    /// The lines under the title.
    pub lead: Vec<String>,
    /// The tables.
    pub sections: Vec<Section>,
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

/// The clauses the goals come from, each once, in order.
fn goal_citations(kpis: &[Kpi]) -> String {
    let mut out: Vec<String> = Vec::new();
    for k in kpis {
        let c = k.rule.citation().to_string();
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out.join("；")
}

/// The report of a ledger's year under a policy, the month's spot checks drawn with `seed`.
pub fn build(
    ledger: &Ledger,
    r: &Report,
    policy: &Policy,
    seed: &Seed,
) -> Result<Doc, wage_arrears::Error> {
    let year = r.year;
    let title = format!("{} {year}年度 欠薪线索核处考核", policy.city);
    let lead = vec![
        format!("政策：{}", policy.name),
        format!(
            "台账：线索 {} 条；截至 {} 的记录显示问题 {} 条，复核人员另记录 {} 条（弄虚作假、格式经提醒未改），计入本年度 {} 条",
            r.clues,
            r.as_of,
            r.detected,
            r.recorded,
            r.counted()
        ),
        format!(
            "考核规则（{}）：每条扣 {} 分，当月 ≥{} 条约谈，全年 ≥{} 条评定C级；{}",
            RuleId::ScoreDeduction.citation(),
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
        ),
    ];
    let mut sections = Vec::new();

    // Scores.
    let mut rows = Vec::new();
    for c in &r.counties {
        let s = &c.score;
        let months: Vec<String> = s
            .interviews
            .iter()
            .map(|i| format!("{}月({})", i.month.month(), i.findings))
            .collect();
        rows.push(vec![
            Cell::text(c.county.clone()),
            Cell::int(c.received),
            Cell::int(c.closed),
            Cell::int(s.count()),
            Cell::Decimal(s.deduction.to_string()),
            s.score
                .map_or(Cell::text("—"), |x| Cell::Decimal(x.to_string())),
            Cell::text(if months.is_empty() {
                "—".to_owned()
            } else {
                months.join(" ")
            }),
            Cell::text(s.grade_zh()),
            Cell::text(s.grade_rule.code()),
        ]);
    }
    sections.push(Section {
        key: "得分",
        title: "各县（市、区）得分".to_owned(),
        header: [
            "县（市、区）",
            "线索",
            "办结",
            "问题",
            "扣分",
            "得分",
            "约谈月份",
            "等级",
            "依据",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows,
        notes: [
            RuleId::ScoreDeduction,
            RuleId::ScoreNamedNotice,
            RuleId::ScoreMonthlyInterview,
            RuleId::ScoreAnnualGradeC,
        ]
        .into_iter()
        .chain(
            policy
                .grade_scale
                .is_some()
                .then_some(RuleId::ScoreGradeScale),
        )
        .map(|rule| format!("{}：{}", rule.cited(), rule.text_zh()))
        .collect(),
        zero: "0",
    });

    // Goals.
    let first = r.counties.first().map(|c| c.kpis.as_slice()).unwrap_or(&[]);
    let mut header = vec!["县（市、区）".to_owned()];
    header.extend(
        first
            .iter()
            .map(|k| format!("{} ≥{}", short_name(k), k.goal)),
    );
    let rows = r
        .counties
        .iter()
        .map(|c| {
            let mut row = vec![Cell::text(c.county.clone())];
            row.extend(c.kpis.iter().map(|k| Cell::Ratio {
                numerator: k.ratio.numerator,
                denominator: k.ratio.denominator,
                met: k.met,
            }));
            row
        })
        .collect();
    let mut notes: Vec<String> = first
        .iter()
        .map(|k| format!("{}：{}", k.rule.cited(), k.rule.text_zh()))
        .collect();
    notes.push(format!(
        "口径：时限未届满的线索不计入（接收期限、结论5复核期限、答复期限）；有效核处：{}（见 interpretations 表）。",
        match policy.effective_handling {
            wage_arrears::EffectiveHandling::SubstantiveConclusion => {
                "办结且结论为实质性处理（1–5、8、9）"
            }
            _ => "办结且无违规、无问题",
        }
    ));
    sections.push(Section {
        key: "工作目标",
        title: format!(
            "工作目标（{}）：{}至{}，按截至 {} 的记录；✓ 达标，✗ 未达标",
            goal_citations(first),
            NaiveDate::from_ymd_opt(year, 1, 1).map_or(String::new(), |d| d.to_string()),
            r.as_of,
            r.as_of
        ),
        header,
        rows,
        notes,
        zero: "0",
    });

    // Findings by kind, and the clocks missed.
    let mut header: Vec<String> = vec!["县（市、区）".into()];
    header.extend((1..=8).map(|k| format!("{k}类")));
    header.extend(["逾期接收", "逾期答复", "黄牌", "红牌"].map(str::to_owned));
    let rows = r
        .counties
        .iter()
        .map(|c| {
            let mut row = vec![Cell::text(c.county.clone())];
            row.extend(c.by_kind.iter().map(|n| Cell::int(*n)));
            let m = &c.misses;
            row.extend([
                Cell::int(m.accepted_late + m.not_accepted),
                Cell::int(m.answered_late + m.unanswered),
                Cell::int(m.yellow),
                Cell::int(m.red),
            ]);
            row
        })
        .collect();
    let mut notes: Vec<String> = FindingKind::ALL
        .iter()
        .map(|kind| {
            format!(
                "{}类 {}（{}）",
                kind.number(),
                kind.label_zh(),
                if kind.detectable_from_record() {
                    "记录可查，自动发现"
                } else {
                    "复核人员认定"
                }
            )
        })
        .collect();
    notes.push(format!(
        "逾期接收/答复：已逾期或逾期完成的条数（R-ACC、R-RSP，{}）；黄牌、红牌：未办结的超期案件（R-CARD，{}）。",
        RuleId::AcceptMohrssColumn.citation(),
        RuleId::CardYellow.citation()
    ));
    sections.push(Section {
        key: "问题构成",
        title: format!(
            "问题构成（{} 类别 1–8，计入本年度的条数）与逾期情况（截至 {}）",
            RuleId::ScoreDeduction.citation(),
            r.as_of
        ),
        header,
        rows,
        notes,
        zero: "·",
    });

    // Interviews and forced grades.
    let mut rows = Vec::new();
    for c in &r.counties {
        for i in &c.score.interviews {
            rows.push(vec![
                Cell::text(c.county.clone()),
                Cell::text(format!("{}年{}月", i.month.year(), i.month.month())),
                Cell::int(i.findings),
                Cell::text("约谈属地人社部门，通报属地政府"),
            ]);
        }
        if c.score.grade_c_forced() {
            rows.push(vec![
                Cell::text(c.county.clone()),
                Cell::text(format!("{year}年全年")),
                Cell::int(c.score.count()),
                Cell::text("年度考核评定为C级"),
            ]);
        }
    }
    sections.push(Section {
        key: "约谈通报",
        title: format!(
            "约谈及通报（{}；{}）",
            RuleId::ScoreMonthlyInterview.cited(),
            RuleId::ScoreAnnualGradeC.cited()
        ),
        header: ["县（市、区）", "期间", "问题", "后果"]
            .map(str::to_owned)
            .to_vec(),
        rows,
        notes: Vec::new(),
        zero: "0",
    });

    // Spot checks.
    let mut rows = Vec::new();
    for m in 1..=12 {
        let Ok(month) = Month::new(year, m) else {
            continue;
        };
        let checks = spot_checks_by_county(&ledger.clues, month, seed, policy)?;
        let sum = |f: fn(&wage_arrears::review::SpotCheck) -> usize| {
            Cell::int(checks.iter().map(f).sum::<usize>())
        };
        let due = checks
            .first()
            .map_or("—".to_owned(), |c| c.due_on.to_string());
        rows.push(vec![
            Cell::text(month.to_string()),
            sum(|c| c.population),
            sum(|c| c.code5.len()),
            sum(|c| c.others),
            sum(|c| c.sampled.len()),
            Cell::int(checks.len()),
            Cell::text(due),
        ]);
    }
    sections.push(Section {
        key: "抽查复核",
        title: format!(
            "市级抽查复核（{}；{}）：每月各县结论为5的线索全部复核，其余按 {} 抽查（{}），次月{}日前完成",
            RuleId::SpotCheckSample.cited(),
            RuleId::SpotCheckEveryCode5.cited(),
            policy.spot_check_rate,
            match policy.spot_check_rounding {
                wage_arrears::Rounding::Down => "向下取整",
                _ => "向上取整",
            },
            policy.spot_check_due_day
        ),
        header: ["月份", "办结", "结论5复核", "其余", "抽查", "涉及县区", "完成期限"]
            .map(str::to_owned)
            .to_vec(),
        rows,
        notes: vec![
            format!("抽样种子 {seed}"),
            format!("种子承诺（SHA-256）{}", seed.commitment()),
            "（本例当场取种子并公开；实际做法：月底前公布承诺，抽样后公开种子，任何人可用 verify_spot_check 验证；用 --seed 复现本次抽样）".to_owned(),
        ],
        zero: "0",
    });

    // 工程建设领域欠薪违法企业信息台账 (保定市高效处置农民工欠薪问题若干措施（十四）).
    sections.push(enterprise_section(ledger, r.as_of)?);

    // Findings by month.
    let mut header = vec!["县（市、区）".to_owned()];
    header.extend((1..=12).map(|m| format!("{m}月")));
    header.push("全年".to_owned());
    let rows = r
        .counties
        .iter()
        .map(|c| {
            let mut row = vec![Cell::text(c.county.clone())];
            row.extend(c.score.per_month.iter().map(|n| Cell::int(*n)));
            row.push(Cell::int(c.score.count()));
            row
        })
        .collect();
    sections.push(Section {
        key: "月度问题",
        title: format!(
            "各县（市、区）每月问题数（按发现月份；当月 ≥{} 条约谈）",
            policy.interview_findings_per_month
        ),
        header,
        rows,
        notes: Vec::new(),
        zero: "·",
    });

    // The findings, named (点名通报).
    let mut rows = Vec::new();
    for c in &r.counties {
        for f in &c.score.findings {
            rows.push(vec![
                Cell::text(c.county.clone()),
                Cell::text(f.clue_id.clone()),
                Cell::text(format!("{}类 {}", f.kind.number(), f.kind.label_zh())),
                Cell::text(f.found_on.to_string()),
                Cell::text(if f.responsible.is_empty() {
                    "—".to_owned()
                } else {
                    f.responsible.clone()
                }),
            ]);
        }
    }
    sections.push(Section {
        key: "问题清单",
        title: format!("问题清单（点名通报，{}）", RuleId::ScoreNamedNotice.cited()),
        header: ["县（市、区）", "线索编号", "问题类别", "发现日期", "责任人"]
            .map(str::to_owned)
            .to_vec(),
        rows,
        notes: Vec::new(),
        zero: "0",
    });

    Ok(Doc {
        title,
        lead,
        sections,
    })
}

/// The enterprise arrears ledger of the construction sector as of the report's day, the largest amount owed first.
fn enterprise_section(ledger: &Ledger, as_of: NaiveDate) -> Result<Section, wage_arrears::Error> {
    let l = wage_arrears::enterprise_ledger(&ledger.clues, as_of)?;
    let mut employers: Vec<_> = l.employers.iter().collect();
    employers.sort_by(|a, b| b.amount_owed.cmp(&a.amount_owed).then(a.key.cmp(&b.key)));
    let yuan =
        |f: wage_arrears::Fen| Cell::Decimal(format!("{}.{:02}", f.fen() / 100, f.fen() % 100));
    let rows = employers
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
                Cell::text(e.name.clone()),
                Cell::text(
                    e.credit_code
                        .as_ref()
                        .map_or("（未登记）".to_owned(), |c| c.to_string()),
                ),
                Cell::int(e.clues.len()),
                Cell::int(e.workers),
                yuan(e.amount_owed),
                yuan(e.amount_paid),
                Cell::text(format!(
                    "{}–{}",
                    e.first_registered_on, e.last_registered_on
                )),
                Cell::text(
                    codes
                        .iter()
                        .map(u8::to_string)
                        .collect::<Vec<_>>()
                        .join("、"),
                ),
                Cell::int(open),
            ]
        })
        .collect();
    let mut notes = Vec::new();
    if !l.without_employer.is_empty() {
        notes.push(format!(
            "另有 {} 条查实欠薪的工程建设领域线索未登记被反映单位，无法列入台账：{}",
            l.without_employer.len(),
            l.without_employer.join("、")
        ));
    }
    notes.push(
        "口径：工程建设领域、经调查核实存在欠薪的线索，按统一社会信用代码（未登记的按单位名称）归并；金额精确到分。"
            .to_owned(),
    );
    Ok(Section {
        key: "企业台账",
        title: format!(
            "工程建设领域欠薪违法企业信息台账（{} {}）：截至 {}，查实欠薪的单位 {} 家",
            l.rule,
            l.rule.citation(),
            l.as_of,
            l.employers.len()
        ),
        header: [
            "单位",
            "统一社会信用代码",
            "线索",
            "人数",
            "欠薪金额（元）",
            "已支付（元）",
            "登记（首次–最近）",
            "核处结论",
            "未办结",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows,
        notes,
        zero: "0",
    })
}

// ── Text ───────────────────────────────────────────────────────────────────────────────────────────────────

/// The report as terminal text: tables lined up by display width.
pub fn text(doc: &Doc) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", doc.title);
    for line in &doc.lead {
        let _ = writeln!(out, "{line}");
    }
    for s in &doc.sections {
        let _ = writeln!(out, "\n{}", s.title);
        if s.rows.is_empty() {
            let _ = writeln!(out, "  无");
        } else {
            let header: Vec<&str> = s.header.iter().map(String::as_str).collect();
            let aligns: Vec<Align> = (0..s.header.len())
                .map(|c| {
                    let numeric = s.rows.iter().all(|r| r.get(c).is_some_and(Cell::is_number));
                    if numeric { Align::Right } else { Align::Left }
                })
                .collect();
            let rows: Vec<Vec<String>> = s
                .rows
                .iter()
                .map(|r| r.iter().map(|c| c.show(s.zero)).collect())
                .collect();
            out += &table(&header, &aligns, &rows);
        }
        for n in &s.notes {
            let _ = writeln!(out, "  {n}");
        }
    }
    out
}

// ── HTML ───────────────────────────────────────────────────────────────────────────────────────────────────

/// The fonts a page names, Chinese first, with fallbacks for every system.
pub const FONTS: &str = "\"Noto Sans CJK SC\", \"Noto Sans SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", \"PingFang SC\", \"Hiragino Sans GB\", \"WenQuanYi Micro Hei\", \"SimHei\", sans-serif";

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One self-contained page: the title, the chart (inline SVG), every table; styles for the screen and for A4
/// paper (page margins, headers repeated on each page, rows never split, nothing wider than the page).
pub fn html(doc: &Doc, chart_title: &str, svg: &str) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
  @page {{ size: A4 portrait; margin: 14mm 12mm 14mm 12mm; }}
  html {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  body {{ font-family: {FONTS}; color: #222; font-size: 10pt; line-height: 1.45; max-width: 1100px; margin: 0 auto; padding: 16px; }}
  h1 {{ font-size: 17pt; margin: 0 0 6px; }}
  h2 {{ font-size: 11.5pt; margin: 18px 0 6px; break-after: avoid; page-break-after: avoid; }}
  p.lead {{ margin: 2px 0; color: #444; }}
  figure {{ margin: 12px 0; break-inside: avoid; page-break-inside: avoid; }}
  figure svg {{ width: 100%; height: auto; display: block; }}
  figcaption {{ font-size: 9pt; color: #555; margin-top: 4px; }}
  table {{ border-collapse: collapse; width: 100%; font-size: 8.5pt; table-layout: auto; }}
  thead {{ display: table-header-group; }}
  tr {{ break-inside: avoid; page-break-inside: avoid; }}
  th, td {{ border: 1px solid #c8ccd2; padding: 2px 4px; vertical-align: top; overflow-wrap: anywhere; }}
  th {{ background: #eef2f7; font-weight: 700; text-align: left; }}
  th {{ word-break: keep-all; }}
  td.n {{ text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }}
  td.id {{ white-space: nowrap; }}
  td.bad {{ color: #b71c1c; }}
  ul.notes {{ font-size: 8pt; color: #555; margin: 4px 0 0; padding-left: 16px; }}
  @media print {{
    body {{ max-width: none; padding: 0; font-size: 9.5pt; }}
    figure.chart {{ break-after: page; page-break-after: always; }}
  }}
</style>
</head>
<body>
<h1>{title}</h1>
"#,
        title = html_escape(&doc.title)
    );
    for line in &doc.lead {
        let _ = writeln!(h, "<p class=\"lead\">{}</p>", html_escape(line));
    }
    let svg_body = svg.trim_start_matches(|c| c != '<');
    let _ = writeln!(
        h,
        "<figure class=\"chart\">\n{svg_body}<figcaption>图：{}</figcaption>\n</figure>",
        html_escape(chart_title)
    );
    for s in &doc.sections {
        let _ = writeln!(h, "<section>\n<h2>{}</h2>", html_escape(&s.title));
        if s.rows.is_empty() {
            let _ = writeln!(h, "<p>无</p>");
        } else {
            h.push_str("<table>\n<thead><tr>");
            for th in &s.header {
                let _ = write!(h, "<th>{}</th>", html_escape(th));
            }
            h.push_str("</tr></thead>\n<tbody>\n");
            for row in &s.rows {
                h.push_str("<tr>");
                for cell in row {
                    let class = match cell {
                        Cell::Ratio { met: false, .. } => " class=\"n bad\"",
                        c if c.is_number() => " class=\"n\"",
                        // Ids and codes (PDS-2025-0001, 9141…) never break inside.
                        Cell::Text(t)
                            if !t.is_empty()
                                && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') =>
                        {
                            " class=\"id\""
                        }
                        _ => "",
                    };
                    let _ = write!(h, "<td{class}>{}</td>", html_escape(&cell.show(s.zero)));
                }
                h.push_str("</tr>\n");
            }
            h.push_str("</tbody>\n</table>\n");
        }
        if !s.notes.is_empty() {
            h.push_str("<ul class=\"notes\">\n");
            for n in &s.notes {
                let _ = writeln!(h, "<li>{}</li>", html_escape(n));
            }
            h.push_str("</ul>\n");
        }
        h.push_str("</section>\n");
    }
    h.push_str("</body>\n</html>\n");
    h
}

// ── XLSX ───────────────────────────────────────────────────────────────────────────────────────────────────

/// The report as a workbook: one sheet per table (numbers as numbers, goals as percentages, red when missed), the
/// notes under each table, and on `月度问题` a native stacked column chart of the findings by month and county.
#[cfg(feature = "xlsx")]
pub fn xlsx(doc: &Doc, chart_title: &str) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Chart, ChartType, Color, Format, FormatBorder, Workbook};
    let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xEEF2F7))
        .set_border(FormatBorder::Thin);
    let percent = Format::new().set_num_format("0.0%");
    let missed = Format::new()
        .set_num_format("0.0%")
        .set_font_color(Color::RGB(0xB71C1C));
    let decimal = Format::new().set_num_format("0.0##");
    for s in &doc.sections {
        let ws = book.add_worksheet();
        ws.set_name(s.key).map_err(e)?;
        ws.write_string_with_format(0, 0, &s.title, &bold)
            .map_err(e)?;
        let top = 2u32;
        for (c, th) in s.header.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            ws.write_string_with_format(top, c, th, &header)
                .map_err(e)?;
            ws.set_column_width(c, if c == 0 { 16 } else { 11 })
                .map_err(e)?;
        }
        for (r, row) in s.rows.iter().enumerate() {
            let rn = top + 1 + u32::try_from(r).unwrap_or(u32::MAX - top - 1);
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                match cell {
                    Cell::Text(t) => ws.write_string(rn, c, t).map(|_| ()),
                    Cell::Int(n) => ws.write_number(rn, c, *n as f64).map(|_| ()),
                    Cell::Decimal(d) => match d.parse::<f64>() {
                        Ok(v) => ws.write_number_with_format(rn, c, v, &decimal).map(|_| ()),
                        Err(_) => ws.write_string(rn, c, d).map(|_| ()),
                    },
                    Cell::Ratio {
                        numerator,
                        denominator,
                        met,
                    } => {
                        let v = if *denominator == 0 {
                            1.0
                        } else {
                            *numerator as f64 / *denominator as f64
                        };
                        ws.write_number_with_format(rn, c, v, if *met { &percent } else { &missed })
                            .map(|_| ())
                    }
                }
                .map_err(e)?;
            }
        }
        let mut below = top + 2 + u32::try_from(s.rows.len()).unwrap_or(0);
        for n in &s.notes {
            ws.write_string(below, 0, n).map_err(e)?;
            below += 1;
        }
        ws.set_freeze_panes(top + 1, 1).map_err(e)?;
        if s.key == "月度问题" && !s.rows.is_empty() {
            let mut chart = Chart::new(ChartType::ColumnStacked);
            chart.title().set_name(chart_title);
            chart.x_axis().set_name("月份");
            chart.y_axis().set_name("问题数（条）");
            for r in 0..s.rows.len() {
                let rn = top + 1 + u32::try_from(r).unwrap_or(0);
                chart
                    .add_series()
                    .set_name((s.key, rn, 0))
                    .set_categories((s.key, top, 1, top, 12))
                    .set_values((s.key, rn, 1, rn, 12));
            }
            chart.set_width(960).set_height(480);
            ws.insert_chart(below + 1, 0, &chart).map_err(e)?;
        }
    }
    book.save_to_buffer().map_err(e)
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

/// The chart's title: the city (from the policy) and the year.
pub fn chart_title(year: i32, policy: &Policy) -> String {
    format!(
        "{} {year}年 各县（市、区）欠薪线索核处问题数（按发现月份）",
        policy.city
    )
}

/// Small multiples: one bar chart per county (12 months), the interview line dashed red, bars at or over it red,
/// counts on the bars; counties with the most findings first. Integer pixel coordinates throughout.
pub fn chart(year: i32, scores: &[&CountyScore], policy: &Policy) -> String {
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
        r#"<text x="{left}" y="42" font-size="24" font-weight="700" fill="{INK}">{}</text>"#,
        esc(&chart_title(year, policy))
    );
    let _ = writeln!(
        s,
        r#"<text x="{left}" y="70" font-size="14" fill="{GREY}">每发现一条扣年度考核 {} 分；当月累计 {threshold} 条（含本数）约谈属地人社部门并通报属地政府；全年累计 {} 条评定 C 级（{}）。按全年问题数排序。</text>"#,
        policy.deduction_per_finding,
        policy.grade_c_findings_per_year,
        RuleId::ScoreMonthlyInterview.citation()
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
        r#"<text x="{left}" y="{}" font-size="11" fill="{GREY}">数据：台账 {year} 年（wage-arrears county_report）。1、3、4、5、7、8 类由记录自动发现，2、6 类由复核认定；扣分、约谈、C级依 {}；A、B级评定标准文件未载明，未设等级标准时只标注 C级 或 未触发C级。</text>"#,
        h - 14,
        esc(&policy.document)
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
