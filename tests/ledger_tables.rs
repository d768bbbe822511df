//! Ledgers as clerks keep them: the embedded synthetic ledger through its tables, XLSX and CSV and back, clue for
//! clue; a ledger with a dozen planted errors reports every one with its sheet, row and column; GBK files; every
//! label and date form a clerk types.

#[path = "../examples/ledger/mod.rs"]
mod ledger;

use chrono::NaiveDate;
use ledger::{Ledger, Synthetic};
use wage_arrears::ledger::Table;
use wage_arrears::{Conclusion, Error, Fen, FindingKind, Source, WorkCalendar};

fn embedded() -> Ledger {
    Ledger::synthetic(2025, 20_250_101, &WorkCalendar::china()).expect("the synthetic ledger")
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a test date")
}

fn problems(tables: &[Table]) -> Vec<String> {
    match Ledger::from_tables(tables) {
        Err(Error::InvalidLedger { errors }) => errors.iter().map(ToString::to_string).collect(),
        other => panic!("expected bad cells, got {:?}", other.map(|l| l.clues.len())),
    }
}

fn sheet<'a>(tables: &'a mut [Table], name: &str) -> &'a mut Table {
    tables
        .iter_mut()
        .find(|t| t.name == name)
        .expect("the sheet")
}

fn col(t: &Table, header: &str) -> usize {
    t.rows[0]
        .iter()
        .position(|h| h == header)
        .expect("the column")
}

#[test]
fn the_embedded_ledger_read_back_from_its_own_tables_is_the_same_ledger_clue_for_clue() {
    let l = embedded();
    let back = Ledger::from_tables(&l.to_tables()).expect("its own tables read");
    assert_eq!(back.clues.len(), l.clues.len());
    for (a, b) in l.clues.iter().zip(&back.clues) {
        assert_eq!(a, b, "{}", a.id);
    }
    assert_eq!(back, l);
}

#[cfg(feature = "xlsx")]
#[test]
fn the_embedded_ledger_exported_to_xlsx_reads_back_the_same_clue_for_clue() {
    let l = embedded();
    let bytes = l.to_xlsx().expect("the workbook");
    let back = Ledger::from_xlsx(&bytes).expect("the workbook reads");
    for (a, b) in l.clues.iter().zip(&back.clues) {
        assert_eq!(a, b, "{}", a.id);
    }
    assert_eq!(back, l);
}

#[cfg(feature = "csv")]
#[test]
fn the_embedded_ledger_written_as_csv_files_reads_back_the_same_clue_for_clue() {
    let l = embedded();
    let dir = std::env::temp_dir().join(format!("wage-arrears-csv-{}", std::process::id()));
    let files = l.write_csv(&dir).expect("the CSV files");
    assert_eq!(files.len(), 7);
    let from_dir = Ledger::read_csv(&dir).expect("the directory reads");
    let from_file =
        Ledger::read_csv(&dir.join("线索.csv")).expect("线索.csv reads with its siblings");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(from_dir, l);
    assert_eq!(from_file, l);
}

#[test]
fn a_ledger_with_a_dozen_planted_errors_reports_every_one_with_its_row_and_column() {
    let mut tables = embedded().to_tables();
    let plant = |tables: &mut [Table], name: &str, row: usize, header: &str, value: &str| {
        let t = sheet(tables, name);
        let c = col(t, header);
        t.rows[row - 1][c] = value.to_owned();
    };
    // The clerk's header for the acceptance day is 受理日期: errors name it as the sheet does.
    let clues = sheet(&mut tables, "线索");
    let c = col(clues, "接收日期");
    clues.rows[0][c] = "受理日期".to_owned();
    // Row 40 pasted again at the end: a clue id listed twice.
    let id_of_row_40 = clues.rows[39][0].clone();
    let pasted = clues.rows[39].clone();
    clues.rows.push(pasted);
    let last_row = clues.rows.len();

    plant(&mut tables, "线索", 12, "受理日期", "2026-02-30");
    plant(&mut tables, "线索", 15, "线索来源", "传真");
    plant(&mut tables, "线索", 20, "欠薪金额（元）", "12.345");
    plant(&mut tables, "线索", 21, "欠薪金额（元）", "-300");
    plant(&mut tables, "线索", 30, "核处结论", "11");
    plant(&mut tables, "线索", 31, "登记日期", "");
    plant(&mut tables, "线索", 33, "涉及人数", "十二");
    plant(&mut tables, "线索", 35, "部转线索", "也许");
    plant(
        &mut tables,
        "线索",
        44,
        "回访日期",
        "2025-05-01、2025-13-01",
    );
    plant(&mut tables, "联系记录", 7, "联系日期", "2025年2月29日");
    plant(&mut tables, "联系记录", 9, "联系方式", "飞鸽传书");
    plant(&mut tables, "联系记录", 10, "线索编号", "PDS-2025-9999");
    plant(&mut tables, "提交记录", 5, "已修改", "maybe");
    plant(&mut tables, "问题", 3, "问题类别", "9");
    plant(&mut tables, "县区", 4, "基础分", "一百");

    let found = problems(&tables);
    let expected = [
        "县区 第4行 基础分：“一百”不是分数（如 100 或 87.4，最多三位小数）".to_owned(),
        "线索 第12行 受理日期：“2026-02-30”不是有效日期".to_owned(),
        "线索 第15行 线索来源：“传真”不是线索来源（可填：人社部根治欠薪进行时专栏、中国政府网网民留言、国务院“互联网+督查”、部长信箱、河南省农民工工资支付监管系统、12345热线、12333热线、信访、现场接访、欠薪投诉二维码）".to_owned(),
        "线索 第20行 欠薪金额（元）：“12.345”金额最多两位小数（精确到分）".to_owned(),
        "线索 第21行 欠薪金额（元）：“-300”金额不能为负".to_owned(),
        "线索 第30行 核处结论：“11”不是核处结论（代码应为 1–10）".to_owned(),
        "线索 第31行 登记日期：必填".to_owned(),
        "线索 第33行 涉及人数：“十二”不是整数（如 12）".to_owned(),
        "线索 第35行 部转线索：“也许”应填“是”或“否”".to_owned(),
        "线索 第44行 回访日期：“2025-05-01、2025-13-01”中的 “2025-13-01” 不是有效日期（多个日期用“、”分隔，每个写成 2026-11-02、2026/11/2 或 2026年11月2日）".to_owned(),
        format!("线索 第{last_row}行 线索编号：“{id_of_row_40}”与第40行重复"),
        "联系记录 第7行 联系日期：“2025年2月29日”不是有效日期".to_owned(),
        "联系记录 第9行 联系方式：“飞鸽传书”应填“电话”“短信、微信”或“面谈、上门”".to_owned(),
        "联系记录 第10行 线索编号：“PDS-2025-9999”不在“线索”表中".to_owned(),
        "提交记录 第5行 已修改：“maybe”应填“是”或“否”".to_owned(),
        "问题 第3行 问题类别：“9”不是问题类别（代码应为 1–8）".to_owned(),
    ];
    assert_eq!(found, expected);
    // The error a caller logs says how many, then one line each.
    let message = Ledger::from_tables(&tables).unwrap_err().to_string();
    assert!(
        message.starts_with("the ledger has 16 bad cell(s):\n县区 第4行"),
        "{message}"
    );
}

#[test]
fn every_label_and_date_form_a_clerk_types_reads() {
    let t = Table::new(
        "线索",
        [
            vec![
                "线索编号",
                "线索来源",
                "县（市、区）",
                "登记日期",
                "受理日期",
                "欠薪金额（元）",
                "核处结论",
                "办结日期",
                "回访日期",
            ],
            vec![
                "A",
                "人社部根治欠薪进行时专栏",
                "叶县",
                "2026-11-02",
                "2026/11/3",
                "1.5万元",
                "5",
                "2026年11月20日",
                "",
            ],
            vec![
                "B",
                "人社部“根治欠薪进行时”专栏",
                "叶县",
                "46328",
                "46329.5",
                "12,500.50",
                "协调等非立案方式处理——已支付欠款或达成还款协议",
                "",
                "",
            ],
            vec![
                "C",
                "mohrss_column",
                "叶县",
                "2026.11.2",
                "2026-11-03 00:00:00",
                "¥18600元",
                "5 协调等非立案方式处理——已支付欠款或达成还款协议",
                "",
                "2026/12/1、2026年12月20日",
            ],
            vec![
                "D",
                "gov_cn_message",
                "叶县",
                "２０２６年１１月２日",
                "",
                "0.01",
                "coordinated",
                "",
                "",
            ],
            vec![
                "E",
                "中国政府网网民留言",
                "叶县",
                "2026-11-02",
                "",
                "",
                "结论9",
                "",
                "",
            ],
            vec![
                "F",
                "12345",
                "叶县",
                "2026-11-02",
                "",
                "",
                "无效线索",
                "",
                "",
            ],
        ],
    );
    let l = Ledger::from_tables(&[t]).expect("every form reads");
    let c = &l.clues;
    for clue in &c[..4] {
        assert_eq!(clue.registered_on, d(2026, 11, 2), "{}", clue.id);
        assert_eq!(
            clue.source,
            if clue.id == "D" {
                Source::GovCnMessage
            } else {
                Source::MohrssColumn
            }
        );
        assert_eq!(
            clue.conclusion,
            Some(Conclusion::Coordinated),
            "{}",
            clue.id
        );
    }
    assert_eq!(c[0].accepted_on, Some(d(2026, 11, 3)));
    assert_eq!(c[1].accepted_on, Some(d(2026, 11, 3)));
    assert_eq!(c[2].accepted_on, Some(d(2026, 11, 3)));
    assert_eq!(c[0].closed_on, Some(d(2026, 11, 20)));
    assert_eq!(
        [
            c[0].amount_owed,
            c[1].amount_owed,
            c[2].amount_owed,
            c[3].amount_owed
        ],
        [Fen(1_500_000), Fen(1_250_050), Fen(1_860_000), Fen(1)]
    );
    assert_eq!(c[2].return_visits, [d(2026, 12, 1), d(2026, 12, 20)]);
    assert_eq!(c[4].source, Source::GovCnMessage);
    assert_eq!(c[4].conclusion, Some(Conclusion::NoArrears));
    assert_eq!(c[5].source, Source::Hotline12345);
    assert_eq!(c[5].conclusion, Some(Conclusion::InvalidClue));
}

#[test]
fn excel_s_1900_02_29_and_serials_outside_excel_s_range_are_refused() {
    let t = Table::new(
        "线索",
        [
            vec!["线索编号", "线索来源", "县（市、区）", "登记日期"],
            vec!["A", "12345", "叶县", "60"],
            vec!["B", "12345", "叶县", "61"],
            vec!["C", "12345", "叶县", "0"],
        ],
    );
    assert_eq!(
        problems(&[t]),
        [
            "线索 第2行 登记日期：“60”不是有效日期（Excel 日期序号 60 是并不存在的 1900年2月29日）",
            "线索 第4行 登记日期：“0”不是有效日期（Excel 日期序号应在 1 到 2958465 之间）",
        ]
    );
}

#[test]
fn a_finding_takes_its_county_from_its_clue_and_needs_one_when_the_clue_is_not_in_the_ledger() {
    let clues = Table::new(
        "线索",
        [
            vec!["线索编号", "线索来源", "县（市、区）", "登记日期"],
            vec!["A", "12345", "叶县", "2025-03-03"],
        ],
    );
    let findings = Table::new(
        "问题",
        [
            vec!["线索编号", "问题类别", "发现日期"],
            vec!["A", "6类", "2025-04-08"],
            vec!["X", "填报结果弄虚作假", "2025-04-08"],
        ],
    );
    assert_eq!(
        problems(&[clues.clone(), findings.clone()]),
        ["问题 第3行 县（市、区）：必填（这条线索不在“线索”表中）"]
    );
    let findings = Table::new("问题", findings.rows[..2].to_vec());
    let l = Ledger::from_tables(&[clues, findings]).expect("the finding reads");
    assert_eq!(l.findings[0].county, "叶县");
    assert_eq!(l.findings[0].kind, FindingKind::FormatNotCorrected);
}

#[cfg(feature = "csv")]
#[test]
fn a_gbk_csv_file_as_a_chinese_excel_saves_it_reads_like_its_utf8_twin() {
    let text = "线索编号,线索来源,县（市、区）,登记日期,欠薪金额（元）\r\nA,人社部根治欠薪进行时专栏,叶县,2026/11/2,1.5万元\r\n";
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "the bytes are GBK, not UTF-8"
    );
    let from_gbk = wage_arrears::ledger::csv::read_table("线索", &gbk).expect("GBK reads");
    let mut with_bom = vec![0xEF, 0xBB, 0xBF];
    with_bom.extend_from_slice(text.as_bytes());
    let from_bom =
        wage_arrears::ledger::csv::read_table("线索", &with_bom).expect("UTF-8 with BOM reads");
    let plain =
        wage_arrears::ledger::csv::read_table("线索", text.as_bytes()).expect("UTF-8 reads");
    assert_eq!(from_gbk, plain);
    assert_eq!(from_bom, plain);
    let l = Ledger::from_tables(&[from_gbk]).expect("a ledger");
    assert_eq!(l.clues[0].county, "叶县");
    assert_eq!(l.clues[0].amount_owed, Fen(1_500_000));
    assert!(wage_arrears::ledger::csv::read_table("线索", &[0xff, 0xfe, 0x00, 0x81]).is_err());
}

#[cfg(feature = "csv")]
#[test]
fn a_lone_csv_file_of_another_name_is_read_as_the_clue_sheet() {
    let dir = std::env::temp_dir().join(format!("wage-arrears-lone-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("clues-2025.csv");
    std::fs::write(
        &path,
        "线索编号,线索来源,县（市、区）,登记日期\nA,12345,叶县,2025-03-03\n",
    )
    .unwrap();
    let l = Ledger::read_csv(&path);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(l.expect("the clue sheet").clues.len(), 1);
}

#[cfg(feature = "xlsx")]
#[test]
fn a_workbook_typed_by_hand_with_a_title_row_date_cells_and_numbers_reads() {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("线索").unwrap();
    let date = Format::new().set_num_format("yyyy年m月d日");
    ws.write_string(0, 1, "2026年度欠薪线索台账").unwrap();
    for (c, h) in [
        "线索编号",
        "线索来源",
        "县（市、区）",
        "登记日期",
        "涉及人数",
        "欠薪金额（元）",
        "核处结论",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(2, c as u16 + 1, *h).unwrap();
    }
    ws.write_string(3, 1, "A").unwrap();
    ws.write_string(3, 2, "人社部根治欠薪进行时专栏").unwrap();
    ws.write_string(3, 3, "叶县").unwrap();
    ws.write_number_with_format(3, 4, 46328.0, &date).unwrap();
    ws.write_number(3, 5, 12.0).unwrap();
    ws.write_number(3, 6, 12500.5).unwrap();
    ws.write_number(3, 7, 5.0).unwrap();
    ws.write_string(4, 1, "B").unwrap();
    ws.write_string(4, 2, "12345").unwrap();
    ws.write_string(4, 3, "叶县").unwrap();
    ws.write_number(4, 4, 60.0).unwrap(); // a serial without a date format: Excel's 1900-02-29
    let other = book.add_worksheet();
    other.set_name("汇总").unwrap();
    other.write_string(0, 0, "not a ledger sheet").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    match Ledger::from_xlsx(&bytes) {
        Err(Error::InvalidLedger { errors }) => {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            assert_eq!(
                lines,
                [
                    "线索 第5行 登记日期：“60”不是有效日期（Excel 日期序号 60 是并不存在的 1900年2月29日）"
                ]
            );
        }
        other => panic!("{other:?}"),
    }
    let mut tables = wage_arrears::ledger::xlsx::read_tables(&bytes).unwrap();
    assert_eq!(tables.len(), 1, "the summary sheet is not read");
    tables[0].rows.truncate(4);
    let l = Ledger::from_tables(&tables).expect("the workbook reads");
    let c = &l.clues[0];
    assert_eq!(
        (c.registered_on, c.workers, c.amount_owed),
        (d(2026, 11, 2), 12, Fen(1_250_050))
    );
    assert_eq!(c.conclusion, Some(Conclusion::Coordinated));
}

#[cfg(feature = "xlsx")]
#[test]
fn the_template_is_a_workbook_with_an_example_row_that_reads_as_a_ledger() {
    let bytes = wage_arrears::ledger::xlsx::template().expect("the template");
    let l = Ledger::from_xlsx(&bytes).expect("the template's example rows read");
    assert_eq!(l.clues.len(), 1);
    assert_eq!(l.year, Some(2025));
}

#[test]
fn an_employer_s_credit_code_is_checked_and_needs_the_employer_s_name() {
    let t = Table::new(
        "线索",
        [
            vec![
                "线索编号",
                "线索来源",
                "县（市、区）",
                "登记日期",
                "被反映单位",
                "统一社会信用代码",
                "工程建设领域",
                "项目名称",
            ],
            vec![
                "A",
                "12345",
                "叶县",
                "2025-03-03",
                "某建筑公司",
                "91350213678251743X",
                "是",
                "安置小区3号楼",
            ],
            vec![
                "B",
                "12345",
                "叶县",
                "2025-03-03",
                "某劳务公司",
                "91350213678251743Y",
                "",
                "",
            ],
            vec![
                "C",
                "12345",
                "叶县",
                "2025-03-03",
                "",
                "91350213678251743X",
                "",
                "",
            ],
        ],
    );
    let found = problems(std::slice::from_ref(&t));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with(
            "线索 第3行 统一社会信用代码：“91350213678251743Y”不是有效的统一社会信用代码（"
        ),
        "{}",
        found[0]
    );
    assert_eq!(
        found[1],
        "线索 第4行 统一社会信用代码：“91350213678251743X”需同时填写被反映单位"
    );
    let ok = Table::new("线索", t.rows[..2].to_vec());
    let l = Ledger::from_tables(&[ok]).expect("the first row reads");
    let c = &l.clues[0];
    let employer = c.employer.as_ref().expect("the employer");
    assert_eq!(employer.name, "某建筑公司");
    assert_eq!(
        employer
            .credit_code
            .as_ref()
            .map(ToString::to_string)
            .as_deref(),
        Some("91350213678251743X")
    );
    assert!(c.construction_sector);
    assert_eq!(c.project.as_deref(), Some("安置小区3号楼"));
}
