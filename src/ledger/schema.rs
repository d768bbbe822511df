//! The sheets of a ledger workbook and their columns: one definition that reading, writing, the template and the
//! documentation share.

use std::fmt;

/// What a column holds, and so how its cells are read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// Free text, kept as written (a cell of only spaces is empty).
    Text,
    /// An identifier or a name: leading and trailing spaces are dropped.
    Name,
    /// A date: `2026-11-02`, `2026/11/2`, `2026年11月2日`, or an Excel serial date (1900 system).
    Date,
    /// Several dates in one cell, separated by `、`, `，`, `,`, `；`, `;`, spaces or line breaks.
    Dates,
    /// An amount in 元 with at most two decimals (`12500`, `12,500.50`, `¥12500元`), or in 万元 (`1.5万元`),
    /// exact to the fen.
    Yuan,
    /// A whole number (`12`, `12人`).
    Count,
    /// A score in points with at most three decimals (`100`, `87.4`).
    Points,
    /// A year (`2025`, `2025年`, `2025年度`).
    Year,
    /// 是 or 否 (also `Y`/`N`, `yes`/`no`, `true`/`false`, `1`/`0`, `√`/`×`).
    YesNo,
    /// A source (线索来源): the platform's Chinese name or the crate's snake_case name.
    Source,
    /// A conclusion (核处结论): its code 1–10, its official wording, or both (`5 协调等非立案方式处理——…`).
    Conclusion,
    /// A finding kind (问题类别): 1–8 (`6`, `6类`), its official wording, or both.
    FindingKind,
    /// 县级 or 市级.
    HandlingLevel,
    /// 电话, 短信、微信, or 面谈、上门.
    ContactChannel,
    /// 工作记录 or 进度反馈.
    ProgressKind,
}

impl Kind {
    /// The values a drop-down list offers for a coded column, as the ledger writes them; `None` for free columns.
    pub fn choices(self) -> Option<Vec<String>> {
        use crate::ledger::cells;
        Some(match self {
            Kind::YesNo => vec!["是".to_owned(), "否".to_owned()],
            Kind::Source => crate::Source::ALL
                .iter()
                .map(|s| s.label_zh().to_owned())
                .collect(),
            Kind::Conclusion => crate::Conclusion::ALL
                .iter()
                .map(|c| cells::conclusion_text(*c))
                .collect(),
            Kind::FindingKind => crate::FindingKind::ALL
                .iter()
                .map(|k| cells::finding_kind_text(*k))
                .collect(),
            Kind::HandlingLevel => vec!["县级".to_owned(), "市级".to_owned()],
            Kind::ContactChannel => cells::CHANNELS
                .iter()
                .map(|(_, l)| (*l).to_owned())
                .collect(),
            Kind::ProgressKind => cells::PROGRESS_KINDS
                .iter()
                .map(|(_, l)| (*l).to_owned())
                .collect(),
            _ => return None,
        })
    }

    /// The format in words, as the documentation and the template describe it.
    pub const fn format_zh(self) -> &'static str {
        match self {
            Kind::Text => "文字",
            Kind::Name => "文字（首尾空格不计）",
            Kind::Date => "日期：2026-11-02、2026/11/2、2026年11月2日 或 Excel 日期",
            Kind::Dates => "一个或多个日期，用“、”“，”“；”或换行分隔",
            Kind::Yuan => "金额（元），最多两位小数，如 12500、12,500.50、1.5万元",
            Kind::Count => "整数，如 12 或 12人",
            Kind::Points => "分数，最多三位小数，如 100 或 87.4",
            Kind::Year => "年份，如 2025 或 2025年",
            Kind::YesNo => "是 / 否",
            Kind::Source => "线索来源（下拉选择）",
            Kind::Conclusion => "核处结论代码 1–10 或结论原文（下拉选择）",
            Kind::FindingKind => "问题类别 1–8 或类别原文（下拉选择）",
            Kind::HandlingLevel => "县级 / 市级",
            Kind::ContactChannel => "电话 / 短信、微信 / 面谈、上门",
            Kind::ProgressKind => "工作记录 / 进度反馈",
        }
    }
}

/// One column of a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Column {
    /// The header the ledger writes (and reads).
    pub header: &'static str,
    /// Other headers read as this column (`受理日期` for `接收日期`).
    pub aliases: &'static [&'static str],
    /// What the cells hold.
    pub kind: Kind,
    /// Whether every row must fill it.
    pub required: bool,
    /// An example value, as the template's example row shows it.
    pub example: &'static str,
    /// What it means.
    pub about: &'static str,
}

/// One sheet (table) of a ledger workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Sheet {
    /// Its name (the worksheet's tab, or the CSV file's name without `.csv`).
    pub name: &'static str,
    /// What a row is.
    pub about: &'static str,
    /// Its columns, in the order the ledger writes them.
    pub columns: &'static [Column],
}

impl Sheet {
    /// The sheet of that name.
    pub fn named(name: &str) -> Option<&'static Sheet> {
        SHEETS.iter().find(|s| s.name == name.trim())
    }

    /// The column that finds the header row: the first.
    pub fn key(&self) -> &'static Column {
        &self.columns[0]
    }
}

impl fmt::Display for Sheet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

macro_rules! sheet {
    ($module:ident, $const:ident, $name:literal, $about:literal,
     { $( $col:ident: $header:literal $([$($alias:literal),*])? , $kind:ident, $req:literal, $ex:literal, $cabout:literal; )* }) => {
        pub(crate) mod $module {
            /// The columns, by position.
            #[allow(clippy::upper_case_acronyms, clippy::enum_variant_names, non_camel_case_types, dead_code)]
            #[derive(Clone, Copy)]
            pub(crate) enum C { $( $col, )* }
        }
        /// The sheet.
        pub(crate) const $const: Sheet = Sheet {
            name: $name,
            about: $about,
            columns: &[ $( Column {
                header: $header,
                aliases: &[ $( $($alias),* )? ],
                kind: Kind::$kind,
                required: $req,
                example: $ex,
                about: $cabout,
            }, )* ],
        };
    };
}

sheet!(meta, META, "台账", "the ledger itself: one row", {
    YEAR: "考核年度", Year, true, "2025", "the year the ledger is assessed for";
});

sheet!(counties, COUNTIES, "县区", "one row per county, in the city's order", {
    COUNTY: "县（市、区）" ["县市区", "县区"], Name, true, "叶县", "the county";
    BASE: "基础分", Points, false, "100", "its score before deductions (empty: no score, so no grade from a scale)";
});

sheet!(clues, CLUES, "线索", "one row per clue", {
    ID: "线索编号", Name, true, "PDS-2025-0001", "the platform's id; every other sheet refers to the clue by it";
    SOURCE: "线索来源", Source, true, "人社部根治欠薪进行时专栏", "where it came from";
    COUNTY: "县（市、区）" ["县市区", "县区"], Name, true, "叶县", "the county responsible";
    REGISTERED: "登记日期", Date, true, "2025-03-03", "the day it was registered (登记)";
    ACCEPTED: "接收日期" ["受理日期", "确认接收日期"], Date, false, "2025-03-05", "the day its acceptance was confirmed (确认接收)";
    LEVEL: "办理层级", HandlingLevel, false, "县级", "县级 (default) or 市级 (handled by the city, also after escalation)";
    WORKERS: "涉及人数", Count, false, "12", "workers affected (default 0)";
    OWED: "欠薪金额（元）" ["欠薪金额"], Yuan, false, "186000", "amount owed, as reported or verified (default 0)";
    FACTS: "基本案情", Text, false, "张某等12人反映……", "the facts";
    HANDLING: "核实处置情况", Text, false, "接线索后当日联系反映人……", "what was verified and done";
    INVESTIGATED: "调查核实日期", Date, false, "2025-03-10", "the day the investigation was recorded as done; the three columns after it need it";
    VERIFIED: "核实存在欠薪", YesNo, false, "是", "whether arrears were verified (required with 调查核实日期)";
    REFUSES: "拒不支付", YesNo, false, "否", "whether the employer refuses to pay (default 否)";
    RECORD: "调查记录", Text, false, "调查笔录、工资表", "the investigation record: its reference or summary";
    FILED: "立案日期", Date, false, "", "the day a case was filed (立案)";
    PAID_ON: "支付日期", Date, false, "2025-03-20", "the day the arrears were paid; with 支付金额";
    PAID: "支付金额（元）" ["支付金额"], Yuan, false, "186000", "the amount paid; with 支付日期";
    ENFORCEMENT: "申请强制执行日期", Date, false, "", "the day court enforcement was applied for or its preparation recorded";
    POLICE: "移送公安日期", Date, false, "", "the day the case was transferred to the police";
    INFORMED: "告知反映人日期", Date, false, "", "the day the reporter was told to use arbitration or the courts (codes 6, 7)";
    AWARD: "仲裁裁决或判决", Text, false, "", "the award or judgment an enforcement difficulty concerns (code 8)";
    CONCLUSION: "核处结论", Conclusion, false, "5 协调等非立案方式处理——已支付欠款或达成还款协议", "the conclusion chosen";
    CLOSED: "办结日期", Date, false, "2025-03-21", "the day it was closed (办结)";
    MINISTRY: "部转线索", YesNo, false, "是", "whether the ministry transferred it (default 否)";
    SIGNED: "协议签订日期", Date, false, "", "a repayment agreement (code 5): the day it was signed; the five columns after it need it";
    PAY_BY: "协议支付日期", Date, false, "", "the agreed payment date (required with an agreement)";
    AGREED: "协议金额（元）" ["协议金额"], Yuan, false, "", "the agreed amount (required with an agreement)";
    AGREEMENT_PAID: "协议履行日期", Date, false, "", "the day the employer paid under the agreement";
    REFUSED: "拒不履行协议", YesNo, false, "", "whether the employer refuses to perform (default 否)";
    REFUSED_ON: "拒不履行日期", Date, false, "", "the day the refusal was recorded";
    FOLLOW_UPS: "跟踪督促日期", Dates, false, "", "the days the agreement was followed up (跟踪督促)";
    CROSS_REGION: "跨区域施工", YesNo, false, "", "escalation fact (default 否)";
    SETTLEMENT: "工程结算纠纷", YesNo, false, "", "escalation fact: 工程结算存在纠纷 (default 否)";
    REPEATED: "反复投诉", YesNo, false, "", "escalation fact (default 否)";
    OPINION: "重大舆情", YesNo, false, "", "escalation fact: 引发重大舆情 (default 否)";
    SUPERIOR: "上级转办", YesNo, false, "", "escalation fact: 上级转办、督导检查反馈 (default 否)";
    REVIEWED: "复核日期", Date, false, "2025-04-08", "the day the city reviewed it (复核)";
    VISITS: "回访日期", Dates, false, "2025-04-20", "return visits after closing (回访)";
    RESPONSIBLE: "责任人", Name, false, "王建伟", "the clerk responsible, named in notices";
});

sheet!(contacts, CONTACTS, "联系记录", "one row per contact with the reporter, in order", {
    ID: "线索编号", Name, true, "PDS-2025-0001", "the clue (a row of 线索)";
    ON: "联系日期", Date, true, "2025-03-05", "the day of the contact";
    CHANNEL: "联系方式", ContactChannel, false, "电话", "how (default 电话)";
    REACHED: "联系上", YesNo, false, "是", "whether the reporter was reached (default 是)";
    NOTE: "联系内容", Text, false, "电话联系反映人，了解欠薪情况", "what was said";
});

sheet!(progress, PROGRESS, "进展记录", "one row per progress record, in order", {
    ID: "线索编号", Name, true, "PDS-2025-0001", "the clue (a row of 线索)";
    ON: "记录日期", Date, true, "2025-03-12", "the day";
    KIND: "记录类型", ProgressKind, false, "工作记录", "工作记录 (default) or 进度反馈 (a progress feedback filed on the platform)";
    NOTE: "记录内容", Text, false, "约谈项目负责人", "what was done";
});

sheet!(submissions, SUBMISSIONS, "提交记录", "one row per submission of the conclusion to the city, in order", {
    ID: "线索编号", Name, true, "PDS-2025-0001", "the clue (a row of 线索)";
    ON: "提交日期", Date, true, "2025-03-21", "the day it was submitted (上报)";
    REVISED: "已修改", YesNo, false, "否", "whether the record was revised since the previous submission was returned (default 否)";
    RETURNED: "退回日期", Date, false, "", "the day the city returned it (退回)";
    REASON: "退回原因", Text, false, "", "the reason the city gave";
});

sheet!(findings, FINDINGS, "问题", "one row per finding a reviewer recorded (复核发现的问题)", {
    ID: "线索编号", Name, true, "PDS-2025-0001", "the clue";
    COUNTY: "县（市、区）" ["县市区", "县区"], Name, false, "叶县", "the county it counts against (default: the clue's county in 线索; required for a clue not there)";
    KIND: "问题类别", FindingKind, true, "6 填报格式不规范，经提醒仍不改正", "the kind, 1–8 (平人社监察〔2024〕15号 四(一))";
    FOUND: "发现日期", Date, true, "2025-04-08", "the day it was found";
    RESPONSIBLE: "责任人", Name, false, "王建伟", "the person responsible, named in the notice (点名通报)";
    CLOSED: "线索办结日期", Date, false, "2025-03-21", "the day the clue was closed, when known";
    NOTE: "问题描述", Text, false, "核实处置情况仅写“已处理”，提醒后仍未改正", "what was found";
});

/// Every sheet, in the order a workbook lists them. Only 线索 is required; the others may be left out.
pub const SHEETS: &[Sheet] = &[
    META,
    COUNTIES,
    CLUES,
    CONTACTS,
    PROGRESS,
    SUBMISSIONS,
    FINDINGS,
];

/// Headers a sheet may carry that the ledger does not read: a row number and remarks.
pub(crate) const IGNORED_HEADERS: &[&str] = &["序号", "备注"];
