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
    /// A 统一社会信用代码 (18 characters, checked against GB 32100-2015).
    CreditCode,
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
            Kind::CreditCode => "18 位统一社会信用代码（GB 32100-2015，校验码须正确）",
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
    /// What it means, in Chinese (the template's 说明 sheet shows it).
    pub about: &'static str,
}

/// One sheet (table) of a ledger workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Sheet {
    /// Its name (the worksheet's tab, or the CSV file's name without `.csv`).
    pub name: &'static str,
    /// What a row is, in Chinese.
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

sheet!(meta, META, "台账", "台账本身：一行", {
    YEAR: "考核年度", Year, true, "2025", "本台账考核的年度";
});

sheet!(counties, COUNTIES, "县区", "每县（市、区）一行，按全市排列顺序", {
    COUNTY: "县（市、区）" ["县市区", "县区"], Name, true, "叶县", "县（市、区）名称";
    BASE: "基础分", Points, false, "100", "扣分前的基础分（不填：无得分，不按分数评等级）";
});

sheet!(clues, CLUES, "线索", "每条线索一行", {
    ID: "线索编号", Name, true, "PDS-2025-0001", "平台线索编号；其他各表用它对应本表";
    SOURCE: "线索来源", Source, true, "人社部根治欠薪进行时专栏", "线索来源";
    COUNTY: "县（市、区）" ["县市区", "县区"], Name, true, "叶县", "承办的县（市、区）";
    EMPLOYER: "被反映单位", Name, false, "平顶山市鑫源建筑工程有限公司", "被反映的用人单位名称";
    CREDIT_CODE: "统一社会信用代码", CreditCode, false, "91350213678251743X", "被反映单位的统一社会信用代码（已知时；须同时填写被反映单位）";
    CONSTRUCTION: "工程建设领域", YesNo, false, "是", "是否工程建设领域（默认 否）";
    PROJECT: "项目名称", Text, false, "叶县安置小区3号楼", "涉及的工程项目名称（有项目时）";
    REGISTERED: "登记日期", Date, true, "2025-03-03", "线索登记日期";
    ACCEPTED: "接收日期" ["受理日期", "确认接收日期"], Date, false, "2025-03-05", "确认接收日期";
    LEVEL: "办理层级", HandlingLevel, false, "县级", "县级（默认）或市级（市级直接办理，含提级）";
    WORKERS: "涉及人数", Count, false, "12", "涉及人数（默认 0）";
    OWED: "欠薪金额（元）" ["欠薪金额"], Yuan, false, "186000", "反映或核实的欠薪金额（默认 0）";
    FACTS: "基本案情", Text, false, "张某等12人反映……", "基本案情";
    HANDLING: "核实处置情况", Text, false, "接线索后当日联系反映人……", "核实处置情况";
    INVESTIGATED: "调查核实日期", Date, false, "2025-03-10", "调查核实完成日期；其后三列须与它一起填写";
    VERIFIED: "核实存在欠薪", YesNo, false, "是", "经核实是否存在欠薪（填了调查核实日期时必填）";
    REFUSES: "拒不支付", YesNo, false, "否", "用人单位是否拒不支付（默认 否）";
    RECORD: "调查记录", Text, false, "调查笔录、工资表", "调查笔录、核查记录的编号或摘要";
    FILED: "立案日期", Date, false, "", "立案日期";
    PAID_ON: "支付日期", Date, false, "2025-03-20", "欠薪支付到位日期；与支付金额一起填写";
    PAID: "支付金额（元）" ["支付金额"], Yuan, false, "186000", "支付金额；与支付日期一起填写";
    ENFORCEMENT: "申请强制执行日期", Date, false, "", "申请（或准备申请）法院强制执行的日期";
    POLICE: "移送公安日期", Date, false, "", "移送公安机关的日期";
    INFORMED: "告知反映人日期", Date, false, "", "告知反映人通过仲裁或诉讼解决的日期（结论 6、7）";
    AWARD: "仲裁裁决或判决", Text, false, "", "“执行难”所涉的仲裁裁决或判决（结论 8）";
    CONCLUSION: "核处结论", Conclusion, false, "5 协调等非立案方式处理——已支付欠款或达成还款协议", "核处结论";
    CLOSED: "办结日期", Date, false, "2025-03-21", "办结日期";
    MINISTRY: "部转线索", YesNo, false, "是", "是否部转线索（默认 否）";
    SIGNED: "协议签订日期", Date, false, "", "还款协议（结论 5）签订日期；其后六列须与它一起填写";
    PAY_BY: "协议支付日期", Date, false, "", "协议约定的支付日期（有协议时必填）";
    AGREED: "协议金额（元）" ["协议金额"], Yuan, false, "", "协议金额（有协议时必填）";
    AGREEMENT_PAID: "协议履行日期", Date, false, "", "用人单位按协议支付的日期";
    REFUSED: "拒不履行协议", YesNo, false, "", "用人单位是否拒不履行协议（默认 否）";
    REFUSED_ON: "拒不履行日期", Date, false, "", "记录拒不履行的日期";
    FOLLOW_UPS: "跟踪督促日期", Dates, false, "", "跟踪督促协议履行的日期";
    CROSS_REGION: "跨区域施工", YesNo, false, "", "提级情形（默认 否）";
    SETTLEMENT: "工程结算纠纷", YesNo, false, "", "提级情形：工程结算存在纠纷（默认 否）";
    REPEATED: "反复投诉", YesNo, false, "", "提级情形（默认 否）";
    OPINION: "重大舆情", YesNo, false, "", "提级情形：引发重大舆情（默认 否）";
    SUPERIOR: "上级转办", YesNo, false, "", "提级情形：上级转办、督导检查反馈（默认 否）";
    REVIEWED: "复核日期", Date, false, "2025-04-08", "市级复核日期";
    VISITS: "回访日期", Dates, false, "2025-04-20", "办结后回访日期";
    RESPONSIBLE: "责任人", Name, false, "王建伟", "责任人（通报时点名）";
});

sheet!(contacts, CONTACTS, "联系记录", "每次联系反映人一行，按先后顺序", {
    ID: "线索编号", Name, true, "PDS-2025-0001", "线索编号（须在“线索”表中）";
    ON: "联系日期", Date, true, "2025-03-05", "联系日期";
    CHANNEL: "联系方式", ContactChannel, false, "电话", "联系方式（默认 电话）";
    REACHED: "联系上", YesNo, false, "是", "是否联系上反映人（默认 是）";
    NOTE: "联系内容", Text, false, "电话联系反映人，了解欠薪情况", "联系内容";
});

sheet!(progress, PROGRESS, "进展记录", "每条进展记录一行，按先后顺序", {
    ID: "线索编号", Name, true, "PDS-2025-0001", "线索编号（须在“线索”表中）";
    ON: "记录日期", Date, true, "2025-03-12", "记录日期";
    KIND: "记录类型", ProgressKind, false, "工作记录", "工作记录（默认）或进度反馈（在平台填报的进度反馈）";
    NOTE: "记录内容", Text, false, "约谈项目负责人", "工作内容";
});

sheet!(submissions, SUBMISSIONS, "提交记录", "每次上报一行，按先后顺序", {
    ID: "线索编号", Name, true, "PDS-2025-0001", "线索编号（须在“线索”表中）";
    ON: "提交日期", Date, true, "2025-03-21", "上报日期";
    REVISED: "已修改", YesNo, false, "否", "上次被退回后是否已修改完善（默认 否）";
    RETURNED: "退回日期", Date, false, "", "市级退回日期";
    REASON: "退回原因", Text, false, "", "退回原因";
    IRREGULAR: "格式不规范", YesNo, false, "否", "复核人员是否认定本次填报格式不规范（默认 否）";
    REMINDED: "格式提醒日期", Date, false, "", "复核人员提醒规范填报格式的日期（经提醒后再次提交仍不规范的，为第6类问题）";
});

sheet!(findings, FINDINGS, "问题", "复核发现的每个问题一行", {
    ID: "线索编号", Name, true, "PDS-2025-0001", "线索编号";
    COUNTY: "县（市、区）" ["县市区", "县区"], Name, false, "叶县", "计入的县（市、区）（不填则取“线索”表中该线索的县；线索不在表中时必填）";
    KIND: "问题类别", FindingKind, true, "6 填报格式不规范，经提醒仍不改正", "问题类别 1–8（平人社监察〔2024〕15号 四(一)）";
    FOUND: "发现日期", Date, true, "2025-04-08", "发现日期";
    RESPONSIBLE: "责任人", Name, false, "王建伟", "责任人（点名通报）";
    CLOSED: "线索办结日期", Date, false, "2025-03-21", "线索办结日期（已知时）";
    NOTE: "问题描述", Text, false, "核实处置情况仅写“已处理”，提醒后仍未改正", "问题描述";
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
