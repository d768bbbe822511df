//! The county's annual score (年度考核): deductions, named notices, interviews and the grade (平人社监察〔2024〕15号 四(一), 平人社字〔2022〕2号).
//!
//! 平人社监察〔2024〕15号 四(一)：每发现一条扣减年度考核总分0.2分，对相关责任人予以点名通报，当月累计5条（含本数）以上的约谈属地
//! 人社部门，并通报至属地政府，当年度累计30条（含本数）以上的，对当年度属地政府保障农民工工资支付考核评定为C级。
//!
//! A finding counts in the month and year of [`counting_date`] (by default the day it was found,
//! `policy.finding_month`). Every number comes from [`Policy`]; every line of a [`CountyScore`] carries its
//! [`RuleId`]. All arithmetic is exact ([`Points`] are thousandths): 150 findings deduct exactly 30.0.
//!
//! [`kpis`] measures a county over a period against the goals of 平人社监察〔2024〕15号 一 and 平人社字〔2022〕2号 三(五): acceptance on time,
//! effective handling, code-5 review, registration and closure, each an exact [`Ratio`] with its goal.
//!
//! A city or a province asks of every county at once: [`assess_all`] and [`kpis_by_county`] read their input once
//! (each finding and clue filed under its county once, then each county scored from its own), so their cost per
//! clue does not grow with the number of counties.
//!
//! # Grades: no scale is invented
//! The documents define one grade: C级, forced at 30 findings in a year (R-SCO-4). A and B come from the province's
//! annual assessment, whose scale none of them gives. So under the default policy a county is **C级** (forced,
//! with the rule) or **未触发C级** (not forced to C) — never A or B. A [`Policy`] may carry a
//! [`GradeScale`] with its source; only then are A and B computed (R-SCO-5), and the source is
//! printed with the grade.
//!
//! # Open questions decided here (see the [interpretations](crate::interpretations))
//! - With no base score there is no score, so a grade scale cannot grade; grade C is still forced at 30 findings.
//! - A finding listed twice — the very same record — counts once; two different records of one kind on one clue
//!   and day (a reviewer recording two distinct falsifications, with different notes or persons responsible) are
//!   two findings. "The very same record" compares every field except `clue_closed_on`, which is the clue's later
//!   closing day filled in when a finding is read after the clue closed, not part of what was found.
//! - The score is `base − deduction`, not clamped at zero.
//! - A KPI reads the record as it stood on the period's last day, and does not count a clue whose clock is still
//!   running on that day (see [`kpis`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::deadline::{self, ClockStatus};
use crate::disposition::is_clean;
use crate::facts::record_as_of;
use crate::policy::{EffectiveHandling, FindingMonth, GradeScale};
use crate::review::{Month, review_due_on};
use crate::units::{count_u64, count_up, overflow};
use crate::{
    Clue, Conclusion, Error, Finding, FindingKind, Points, Policy, Rate, Ratio, RuleId,
    WorkCalendar,
};

/// The annual grade of a county's work on wage payment (保障农民工工资支付考核等级, 平人社字〔2022〕2号), ordered best first:
/// `A < B < C`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Grade {
    /// A级.
    A,
    /// B级.
    B,
    /// C级: forced at 30 findings or more in the year (R-SCO-4), or a score below the B line of the policy's
    /// grade scale (R-SCO-5).
    C,
}

impl Grade {
    /// `A级`, `B级`, `C级`.
    pub const fn label_zh(self) -> &'static str {
        match self {
            Grade::A => "A级",
            Grade::B => "B级",
            Grade::C => "C级",
        }
    }
}

impl fmt::Display for Grade {
    /// `A`, `B`, `C`; width, fill and alignment are honoured (`{:^3}`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
        })
    }
}

/// A named notice (点名通报, R-SCO-2): one per finding, naming the person responsible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Notice {
    /// The county.
    pub county: String,
    /// The clue.
    pub clue_id: String,
    /// What was found.
    pub kind: FindingKind,
    /// The day it was found.
    pub found_on: NaiveDate,
    /// The person named (责任人); empty when the finding does not name one.
    pub responsible: String,
    /// The points the finding costs (R-SCO-1).
    pub deduction: Points,
    /// [`RuleId::ScoreNamedNotice`] (R-SCO-2, 平人社监察〔2024〕15号 四(一)).
    pub rule: RuleId,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let who = if self.responsible.is_empty() {
            "（未登记责任人）"
        } else {
            &self.responsible
        };
        write!(
            f,
            "{} 点名通报：{} {} {} 发现“{}”（{}），责任人 {who}，扣 {} 分",
            self.rule,
            self.county,
            self.clue_id,
            self.found_on,
            self.kind.label_zh(),
            self.kind.rule(),
            self.deduction
        )
    }
}

/// A month with `policy.interview_findings_per_month` findings or more (R-SCO-3): the county department is
/// interviewed (约谈属地人社部门) and the county government notified (通报至属地政府).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Interview {
    /// The month.
    pub month: Month,
    /// The findings counted in it.
    pub findings: u32,
    /// [`RuleId::ScoreMonthlyInterview`] (R-SCO-3, 平人社监察〔2024〕15号 四(一)).
    pub rule: RuleId,
}

impl fmt::Display for Interview {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}：当月 {} 条（含本数已达约谈线），约谈属地人社部门，并通报至属地政府",
            self.rule, self.month, self.findings
        )
    }
}

/// A county's year: the findings that count, what they cost, the notices and interviews they bring, the grade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CountyScore {
    /// The county.
    pub county: String,
    /// The year assessed.
    pub year: i32,
    /// The findings counted: that county's, whose [`counting_date`] falls in the year; each distinct record once,
    /// sorted by counting date, then clue id and kind.
    pub findings: Vec<Finding>,
    /// `policy.deduction_per_finding × findings` exactly (R-SCO-1).
    pub deduction: Points,
    /// [`RuleId::ScoreDeduction`] (R-SCO-1, 平人社监察〔2024〕15号 四(一)).
    pub deduction_rule: RuleId,
    /// The score before deductions, when the caller has one.
    pub base_score: Option<Points>,
    /// `base_score − deduction` (not clamped), when a base score is given.
    pub score: Option<Points>,
    /// One named notice per finding (R-SCO-2).
    pub notices: Vec<Notice>,
    /// Findings per calendar month, January first.
    pub per_month: [u32; 12],
    /// Every month with `policy.interview_findings_per_month` findings or more (R-SCO-3).
    pub interviews: Vec<Interview>,
    /// The grade: C when the year has `policy.grade_c_findings_per_year` findings or more (R-SCO-4); otherwise
    /// from the policy's [`grade_scale`](Policy::grade_scale) when it has one and there is a score (R-SCO-5);
    /// otherwise `None`: not forced to C (未触发C级), and nothing more is said — never A or B without a scale.
    pub grade: Option<Grade>,
    /// [`RuleId::ScoreGradeScale`] when the policy's scale gave the grade; otherwise
    /// [`RuleId::ScoreAnnualGradeC`], the rule that forced C or was checked and not triggered.
    pub grade_rule: RuleId,
    /// The source of the grade scale, as the policy names it, when the scale gave the grade.
    pub grade_source: Option<String>,
}

impl CountyScore {
    /// The number of findings counted.
    pub fn count(&self) -> usize {
        self.findings.len()
    }

    /// Whether grade C was forced by the count of findings (R-SCO-4).
    pub fn grade_c_forced(&self) -> bool {
        self.grade == Some(Grade::C) && self.grade_rule == RuleId::ScoreAnnualGradeC
    }

    /// The grade in words: `C级` (forced, or from the policy's scale), `A级` / `B级` (only from a scale), or
    /// `未触发C级` when nothing forced C and the policy has no scale (or there is no score to grade).
    pub fn grade_zh(&self) -> &'static str {
        self.grade.map_or("未触发C级", Grade::label_zh)
    }
}

impl fmt::Display for CountyScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} {}年度 欠薪线索核处考核", self.county, self.year)?;
        writeln!(
            f,
            "  问题 {} 条，扣分 {}（{}：{}）",
            self.count(),
            self.deduction,
            self.deduction_rule.cited(),
            self.deduction_rule.text_zh()
        )?;
        match (self.base_score, self.score) {
            (Some(base), Some(score)) => writeln!(
                f,
                "  得分 {base} − {} = {score}（{}）",
                self.deduction, self.deduction_rule
            )?,
            _ => writeln!(f, "  得分 —（未提供基础分）")?,
        }
        match (&self.grade_source, self.grade_c_forced()) {
            (Some(source), _) => writeln!(
                f,
                "  等级 {}（{}，按本政策等级标准评定；标准出处：{source}）",
                self.grade_zh(),
                self.grade_rule.cited()
            )?,
            (None, true) => writeln!(
                f,
                "  等级 {}（{}：{}；本年度问题 {} 条）",
                self.grade_zh(),
                self.grade_rule.cited(),
                self.grade_rule.text_zh().trim_end_matches('。'),
                self.count()
            )?,
            (None, false) => writeln!(
                f,
                "  等级 {}（{}：本年度问题 {} 条，未达C级线；A级、B级的评定标准文件未载明，本政策未设等级标准，不评A、B级）",
                self.grade_zh(),
                self.grade_rule.cited(),
                self.count()
            )?,
        }
        let months: Vec<String> = self
            .per_month
            .iter()
            .zip(1..)
            .map(|(n, m)| format!("{m}月{n}"))
            .collect();
        writeln!(f, "  各月问题：{}", months.join(" "))?;
        if self.interviews.is_empty() {
            writeln!(f, "  约谈：无（{}）", RuleId::ScoreMonthlyInterview)?;
        }
        for interview in &self.interviews {
            writeln!(f, "  约谈 {interview}")?;
        }
        for notice in &self.notices {
            writeln!(f, "  {notice}")?;
        }
        Ok(())
    }
}

/// The day a finding counts on: the day it was found, or the day its clue was closed when
/// `policy.finding_month` says so (falling back to the day found when the closing day is unknown).
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::{Finding, FindingKind, Policy};
/// use wage_arrears::scoring::counting_date;
/// let found = NaiveDate::from_ymd_opt(2025, 2, 6).unwrap();
/// let f = Finding::new("叶县", "PDS-1", FindingKind::Falsified, found);
/// assert_eq!(counting_date(&f, &Policy::default()), found);
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// None: every finding has a day found.
pub fn counting_date(finding: &Finding, policy: &Policy) -> NaiveDate {
    match policy.finding_month {
        FindingMonth::Discovered => finding.found_on,
        FindingMonth::ClueClosed => finding.clue_closed_on.unwrap_or(finding.found_on),
    }
}

/// Assesses one county's year: the findings counted, the deduction, the score, the named notices, the monthly
/// interviews and the grade.
///
/// 考核扣分（平人社监察〔2024〕15号 四(一)）：每发现一条扣减年度考核总分0.2分，对相关责任人予以点名通报，当月累计5条（含本数）以上
/// 的约谈属地人社部门，并通报至属地政府，当年度累计30条（含本数）以上的，对当年度属地政府保障农民工工资支付考核
/// 评定为C级。
///
/// Only that county's findings whose [`counting_date`] falls in `year` count; the very same record listed twice
/// counts once, two different records are two findings (see the [module docs](self)). Below the C threshold the
/// grade is `None` (未触发C级) unless the policy carries a grade scale with its source.
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::{Finding, FindingKind, Points, Policy};
/// use wage_arrears::scoring::assess_year;
///
/// let on = NaiveDate::from_ymd_opt(2025, 3, 10).unwrap();
/// let findings: Vec<Finding> = (0..5)
///     .map(|i| Finding::new("叶县", format!("PDS-2025-{i:04}"), FindingKind::NoFirstContact, on).with_responsible("王敏"))
///     .collect();
/// let score = assess_year("叶县", 2025, Some(Points::whole(100)), &findings, &Policy::default())?;
/// assert_eq!(score.deduction.to_string(), "1.0");
/// assert_eq!(score.score, Some("99.0".parse()?));
/// assert_eq!(score.interviews.len(), 1); // 5 in March (含本数)
/// assert_eq!(score.notices.len(), 5);
/// assert_eq!(score.grade, None); // 5 findings: not forced to C; the default policy has no A/B scale
/// assert_eq!(score.grade_zh(), "未触发C级");
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidPolicy`] when the policy does not pass [`Policy::validate`].
pub fn assess_year(
    county: &str,
    year: i32,
    base_score: Option<Points>,
    findings: &[Finding],
    policy: &Policy,
) -> Result<CountyScore, Error> {
    policy.validate()?;
    let own = findings.iter().filter(|f| f.county == county).collect();
    assess_valid(county, year, base_score, own, policy)
}

/// [`assess_year`] for every county it is told about, sorted by county: each county named in `base_scores`
/// (with its score, or none), and each county with a finding counted in `year`.
///
/// `base_scores` is any map-like of county → base score: a `&BTreeMap<String, Points>` or a `HashMap<&str, Points>`,
/// an array or `Vec` of pairs, an iterator; the score may be [`Points`], `&Points`, or an `Option` of either, `None`
/// listing a county without a score (see [`BaseScore`]). With no base scores at all, pass [`NO_BASE_SCORES`].
/// A county listed twice with the same score counts once; with two different scores it is refused.
///
/// One pass over the findings: each is filed under its county once (a hash map on the county), then each
/// county is scored from its own findings alone, so the cost per finding does not grow with the number of
/// counties.
///
/// ```
/// use std::collections::BTreeMap;
/// use chrono::NaiveDate;
/// use wage_arrears::{Finding, FindingKind, Points, Policy};
/// use wage_arrears::scoring::{assess_all, NO_BASE_SCORES};
///
/// let on = NaiveDate::from_ymd_opt(2025, 8, 4).unwrap();
/// let findings = [Finding::new("郏县", "PDS-9", FindingKind::FormatNotCorrected, on)];
/// let base = BTreeMap::from([("叶县".to_owned(), Points::whole(100))]);
/// let all = assess_all(2025, &base, &findings, &Policy::default())?;
/// let names: Vec<&str> = all.iter().map(|s| s.county.as_str()).collect();
/// assert_eq!(names, ["叶县", "郏县"]);
/// assert_eq!(all[1].score, None);
///
/// // Any map-like: pairs of &str and Option<Points> list a county with no score and no finding too.
/// let told = [("宝丰县", None), ("叶县", Some(Points::whole(100)))];
/// let all = assess_all(2025, told, &findings, &Policy::default())?;
/// assert_eq!(all.iter().map(|s| s.county.as_str()).collect::<Vec<_>>(), ["叶县", "宝丰县", "郏县"]);
///
/// // No base scores at all.
/// assert_eq!(assess_all(2025, NO_BASE_SCORES, &findings, &Policy::default())?.len(), 1);
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidPolicy`] when the policy does not pass [`Policy::validate`];
/// [`Error::ConflictingBaseScores`] naming every county given two different base scores.
pub fn assess_all<K, S>(
    year: i32,
    base_scores: impl IntoIterator<Item = (K, S)>,
    findings: &[Finding],
    policy: &Policy,
) -> Result<Vec<CountyScore>, Error>
where
    K: AsRef<str>,
    S: BaseScore,
{
    policy.validate()?;
    let told: Vec<(K, Option<Points>)> = base_scores
        .into_iter()
        .map(|(county, score)| (county, score.base_score()))
        .collect();
    let mut base: HashMap<&str, Option<Points>> = HashMap::with_capacity(told.len());
    let mut conflicting: BTreeSet<&str> = BTreeSet::new();
    for (county, score) in &told {
        let county = county.as_ref();
        if let Some(known) = base.insert(county, *score)
            && known != *score
        {
            conflicting.insert(county);
        }
    }
    if !conflicting.is_empty() {
        return Err(Error::ConflictingBaseScores {
            counties: conflicting.into_iter().map(str::to_owned).collect(),
        });
    }
    // Group once: every finding under its county (all years: which copy of a finding counts is decided among
    // all of them); a county is listed when a finding counts in `year`.
    let mut own: HashMap<&str, (bool, Vec<&Finding>)> = HashMap::new();
    for f in findings {
        let entry = own.entry(f.county.as_str()).or_default();
        entry.0 |= counting_date(f, policy).year() == year;
        entry.1.push(f);
    }
    let mut counties: Vec<&str> = base.keys().copied().collect();
    counties.extend(
        own.iter()
            .filter(|(county, (counted, _))| *counted && !base.contains_key(*county))
            .map(|(county, _)| *county),
    );
    counties.sort_unstable();
    counties
        .into_iter()
        .map(|c| {
            let findings = own.remove(c).map(|(_, f)| f).unwrap_or_default();
            let base_score = base.get(c).copied().flatten();
            assess_valid(c, year, base_score, findings, policy)
        })
        .collect()
}

/// No base scores, for [`assess_all`]: `assess_all(year, NO_BASE_SCORES, &findings, &policy)` lists the counties
/// with a finding counted in the year, none with a score.
pub const NO_BASE_SCORES: [(&str, Option<Points>); 0] = [];

/// A county's base score as [`assess_all`] takes it: [`Points`] or `&Points` (the score), or an `Option` of
/// either (`None`: list the county without a score).
pub trait BaseScore {
    /// The score, if there is one.
    fn base_score(self) -> Option<Points>;
}

impl BaseScore for Points {
    fn base_score(self) -> Option<Points> {
        Some(self)
    }
}

impl BaseScore for &Points {
    fn base_score(self) -> Option<Points> {
        Some(*self)
    }
}

impl BaseScore for Option<Points> {
    fn base_score(self) -> Option<Points> {
        self
    }
}

impl BaseScore for Option<&Points> {
    fn base_score(self) -> Option<Points> {
        self.copied()
    }
}

impl BaseScore for &Option<Points> {
    fn base_score(self) -> Option<Points> {
        *self
    }
}

/// Scores one county's year from its own findings (`own`: that county's, of any year).
fn assess_valid(
    county: &str,
    year: i32,
    base_score: Option<Points>,
    mut own: Vec<&Finding>,
    policy: &Policy,
) -> Result<CountyScore, Error> {
    // Only the very same record counts once: two records of one kind on one clue and day that differ in what was
    // found (the note) or who is named (the person responsible) are two findings — a reviewer recording two
    // distinct falsifications. `clue_closed_on` is not part of the finding (it is the clue's later closing day,
    // filled in when the finding is read after the clue closed), so copies differing only there count once; the
    // copy kept is the one with the latest closing day, so the result does not depend on the input order.
    fn identity(f: &Finding) -> (&str, FindingKind, NaiveDate, &str, &str, RuleId) {
        (
            &f.clue_id,
            f.kind,
            f.found_on,
            &f.responsible,
            &f.note,
            f.rule,
        )
    }
    own.sort_by(|a, b| {
        identity(a)
            .cmp(&identity(b))
            .then(b.clue_closed_on.cmp(&a.clue_closed_on))
    });
    own.dedup_by(|later, kept| identity(later) == identity(kept));
    let mut counted: Vec<(NaiveDate, &Finding)> = own
        .into_iter()
        .map(|f| (counting_date(f, policy), f))
        .filter(|(d, _)| d.year() == year)
        .collect();
    counted.sort_by(|(da, a), (db, b)| {
        (da, &a.clue_id, a.kind, a.found_on, &a.responsible, &a.note).cmp(&(
            db,
            &b.clue_id,
            b.kind,
            b.found_on,
            &b.responsible,
            &b.note,
        ))
    });

    // R-SCO-1: 每发现一条扣减年度考核总分0.2分 (policy.deduction_per_finding, exact).
    let n = count_u64(counted.len(), "findings")?;
    let deduction = policy.deduction_per_finding.times(n)?;
    // Not clamped at zero (an interpretation); a difference that does not fit is an error, never saturated.
    let score = base_score
        .map(|base| base.checked_sub(deduction))
        .transpose()?;

    // R-SCO-2: 对相关责任人予以点名通报 — one notice per finding.
    let notices = counted
        .iter()
        .map(|(_, f)| Notice {
            county: f.county.clone(),
            clue_id: f.clue_id.clone(),
            kind: f.kind,
            found_on: f.found_on,
            responsible: f.responsible.clone(),
            deduction: policy.deduction_per_finding,
            rule: RuleId::ScoreNamedNotice,
        })
        .collect();

    // R-SCO-3: 当月累计5条（含本数）以上的约谈属地人社部门，并通报至属地政府.
    let mut per_month = [0u32; 12];
    for (d, _) in &counted {
        let slot = usize::try_from(d.month0())
            .ok()
            .and_then(|m| per_month.get_mut(m));
        if let Some(slot) = slot {
            *slot = slot
                .checked_add(1)
                .ok_or_else(|| overflow(format_args!("{slot} findings in a month + 1")))?;
        }
    }
    let interviews = per_month
        .iter()
        .zip(1u32..)
        .filter(|(n, _)| **n >= policy.interview_findings_per_month)
        .filter_map(|(n, m)| {
            Month::new(year, m).ok().map(|month| Interview {
                month,
                findings: *n,
                rule: RuleId::ScoreMonthlyInterview,
            })
        })
        .collect();

    // R-SCO-4: 当年度累计30条（含本数）以上的……评定为C级. Otherwise A/B/C only from a grade scale the policy
    // carries with its source (R-SCO-5), and only with a score to grade; without one, "not forced to C".
    let (grade, grade_rule, grade_source) = if n >= u64::from(policy.grade_c_findings_per_year) {
        (Some(Grade::C), RuleId::ScoreAnnualGradeC, None)
    } else {
        match (&policy.grade_scale, score) {
            (Some(scale), Some(s)) => (
                Some(grade_from_scale(s, scale)),
                RuleId::ScoreGradeScale,
                Some(scale.source.clone()),
            ),
            _ => (None, RuleId::ScoreAnnualGradeC, None),
        }
    };

    Ok(CountyScore {
        county: county.to_owned(),
        year,
        findings: counted.into_iter().map(|(_, f)| f.clone()).collect(),
        deduction,
        deduction_rule: RuleId::ScoreDeduction,
        base_score,
        score,
        notices,
        per_month,
        interviews,
        grade,
        grade_rule,
        grade_source,
    })
}

/// R-SCO-5, by a scale the policy carries with its source: `≥ a_min_score` A, `≥ b_min_score` B, else C.
fn grade_from_scale(score: Points, scale: &GradeScale) -> Grade {
    if score >= scale.a_min_score {
        Grade::A
    } else if score >= scale.b_min_score {
        Grade::B
    } else {
        Grade::C
    }
}

/// One goal a county is measured against (平人社监察〔2024〕15号 一, 平人社字〔2022〕2号 三(五)): an exact ratio, the goal, and whether it is met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Kpi {
    /// The goal's rule: `R-KPI-1` … `R-KPI-5`.
    pub rule: RuleId,
    /// Its Chinese name (`平台线索接收率`, …).
    pub name_zh: String,
    /// What met the goal over what it applies to; `0/0` when nothing was due (which meets every goal).
    pub ratio: Ratio,
    /// The goal, from the policy (`goal_acceptance`, …).
    pub goal: Rate,
    /// `ratio.meets(goal)`, exactly.
    pub met: bool,
}

impl Kpi {
    fn new(rule: RuleId, name_zh: &str, ratio: Ratio, goal: Rate) -> Kpi {
        Kpi {
            rule,
            name_zh: name_zh.to_owned(),
            ratio,
            goal,
            met: ratio.meets(goal),
        }
    }
}

impl fmt::Display for Kpi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {}，目标 ≥{}：{}",
            self.rule,
            self.name_zh,
            self.ratio,
            self.goal,
            if self.met {
                "达标 ✓"
            } else {
                "未达标 ✗"
            }
        )
    }
}

/// A county's goals over the period `from..=to` (both days included), in rule order R-KPI-1 … R-KPI-5.
///
/// 平人社监察〔2024〕15号 一：平台线索接收率100%，有效核处率达到90%以上，对核处结论为5的线索100%进行复核。
/// 平人社字〔2022〕2号 三(五)：畅通举报投诉渠道，24小时电话值班，案件登记率100%……案件结案率98%以上。
///
/// The record is read **as it stood on `to`**: an acceptance, closing, review or finding dated later has not
/// happened yet. A clue whose clock is still running on `to` (its due day not yet passed) is not counted for that
/// goal: its time is not up.
///
/// | rule | counts (the denominator) | meets the goal (the numerator) | goal |
/// |---|---|---|---|
/// | R-KPI-1 接收率 | clues registered in the period whose source has an acceptance clock ([`deadline::deadlines`]), accepted by `to` or overdue on `to` | accepted on or before the accept-by day | `goal_acceptance` |
/// | R-KPI-2 有效核处率 | clues closed in the period | per `policy.effective_handling`: [`validate`](crate::disposition::validate) finds nothing and no finding (found by `to`) names the clue; or the conclusion is substantive (1–5, 8, 9) | `goal_effective_handling` |
/// | R-KPI-3 结论5复核率 | code-5 clues closed in the period, reviewed by `to`, or whose review day (day `spot_check_due_day` of the next month) is before `to` | `reviewed_on` on or before `to` | `goal_code5_review` |
/// | R-KPI-4 登记率 | clues registered in the period | the same: a [`Clue`] always carries its registration day, so every clue the office holds is registered | `goal_registration` |
/// | R-KPI-5 结案率 | clues accepted in the period, except those still open on `to` whose respond-by day has not passed | closed on or before `to` | `goal_closure` |
///
/// Only `county`'s clues and findings count; a clue listed twice counts once, and two different records under one
/// id are refused ([`crate::model::distinct_by_id`]).
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::scoring::kpis;
/// use wage_arrears::{Clue, Conclusion, Policy, RuleId, Source, WorkCalendar};
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
/// let mut on_time = Clue::new("A", Source::GovCnMessage, "叶县", d(3, 3));
/// on_time.accepted_on = Some(d(3, 5)); // accept by Wed 03-05: on time
/// let mut late = Clue::new("B", Source::GovCnMessage, "叶县", d(3, 3));
/// late.accepted_on = Some(d(3, 6));
/// late.closed_on = Some(d(3, 20));
/// late.conclusion = Some(Conclusion::NoArrears);
/// let (policy, cal) = (Policy::default(), WorkCalendar::china());
/// let k = kpis("叶县", d(1, 1), d(3, 31), &[on_time, late], &[], &policy, &cal)?;
/// assert_eq!(k[0].rule, RuleId::KpiAcceptance);
/// assert_eq!(k[0].ratio.to_string(), "1/2 (50.0%)");
/// assert!(!k[0].met);
/// // Clue A is open, but its 30-day reply clock still runs on 03-31: not counted for closure.
/// assert_eq!((k[4].rule, k[4].ratio.to_string()), (RuleId::KpiClosure, "1/1 (100.0%)".to_owned()));
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// - [`Error::InvalidPeriod`] when `to` is before `from`;
/// - [`Error::InvalidPolicy`] when the policy does not pass [`Policy::validate`];
/// - [`Error::InvalidClue`] when one of the county's clues fails [`Clue::check`];
/// - [`Error::ConflictingRecords`] when the ledger lists two different records under one id;
/// - [`Error::InvalidMonth`] when a code-5 clue was closed in the last month `chrono` can represent (its review
///   month does not exist);
/// - [`Error::DateOverflow`] when a respond-by day runs past the last date `chrono` can represent;
/// - [`Error::Overflow`] when a count passes `u64::MAX`;
/// - [`Error::CalendarOutOfRange`] or [`Error::CountPastCalendar`] when a clock counted needs a day the calendar
///   does not know (a registration outside it, or an open clue's respond-by day past its last year): add the
///   year's notice with [`WorkCalendar::add_year`]; the crate never guesses a working day.
pub fn kpis(
    county: &str,
    from: NaiveDate,
    to: NaiveDate,
    clues: &[Clue],
    findings: &[Finding],
    policy: &Policy,
    cal: &WorkCalendar,
) -> Result<Vec<Kpi>, Error> {
    goal_inputs(policy, from, to)?;
    // A clue listed twice is one clue; two different records under one id are refused (whichever county they
    // name) rather than one of them picked by its position in the input: the index refuses them.
    let index = crate::rollup::LedgerIndex::new(clues)?;
    let mut goals = goals_of_index(&index, from, to, findings, policy, cal, Some(county))?;
    Ok(goals
        .remove(county)
        .unwrap_or_else(|| Tally::default().goals(policy)))
}

/// The checks every goal count makes before it reads a clue: the policy is valid and the period runs forward.
fn goal_inputs(policy: &Policy, from: NaiveDate, to: NaiveDate) -> Result<(), Error> {
    policy.validate()?;
    if to < from {
        return Err(Error::InvalidPeriod { from, to });
    }
    Ok(())
}

/// [`kpis`] for every county at once, in one pass: the ledger is indexed ([`LedgerIndex`](crate::rollup::LedgerIndex):
/// the ids merged, the counties numbered), the findings found by `to` mark the clues they name, then each clue's
/// goals are tallied into its county's counts — so the cost per clue does not grow with the number of counties,
/// where calling [`kpis`] once per county reads the whole ledger for each. To ask several rollups of one ledger,
/// index it once and call [`LedgerIndex::kpis_by_county`](crate::rollup::LedgerIndex::kpis_by_county).
///
/// Every county the input names is listed (a clue's or a finding's county), in order, each with exactly what
/// [`kpis`] gives it.
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::scoring::{kpis, kpis_by_county};
/// use wage_arrears::{Clue, Policy, Source, WorkCalendar};
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
/// let mut a = Clue::new("A", Source::GovCnMessage, "叶县", d(3, 3));
/// a.accepted_on = Some(d(3, 5));
/// let mut b = Clue::new("B", Source::GovCnMessage, "郏县", d(3, 3));
/// b.accepted_on = Some(d(3, 6)); // late
/// let (policy, cal) = (Policy::default(), WorkCalendar::china());
/// let clues = [a, b];
/// let all = kpis_by_county(d(1, 1), d(3, 31), &clues, &[], &policy, &cal)?;
/// assert_eq!(all.keys().collect::<Vec<_>>(), ["叶县", "郏县"]);
/// assert_eq!(all["郏县"][0].ratio.to_string(), "0/1 (0.0%)");
/// assert_eq!(all["叶县"], kpis("叶县", d(1, 1), d(3, 31), &clues, &[], &policy, &cal)?);
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// As [`kpis`]: [`Error::InvalidPeriod`], [`Error::InvalidPolicy`], [`Error::ConflictingRecords`]; and the first
/// county's (in order) [`Error::InvalidClue`], [`Error::CalendarOutOfRange`] or [`Error::CountPastCalendar`].
pub fn kpis_by_county(
    from: NaiveDate,
    to: NaiveDate,
    clues: &[Clue],
    findings: &[Finding],
    policy: &Policy,
    cal: &WorkCalendar,
) -> Result<BTreeMap<String, Vec<Kpi>>, Error> {
    goal_inputs(policy, from, to)?;
    crate::rollup::LedgerIndex::new(clues)?.kpis_by_county(from, to, findings, policy, cal)
}

/// The goals of every county of an index (or of `only` that county), the one place the goal rules R-KPI-1..5 are
/// counted: one pass over the index's compact rows in the order of the input (the order the records lie in
/// memory), each clue tallied into its county's counts. A clue that cannot be read does not stop the pass: the
/// error kept is the one of the first county (in order) that has one — within it, a failing [`Clue::check`]
/// before a failing acceptance clock, before a review day, before a respond-by day, each the first in id order.
pub(crate) fn goals_of_index(
    index: &crate::rollup::LedgerIndex<'_>,
    from: NaiveDate,
    to: NaiveDate,
    findings: &[Finding],
    policy: &Policy,
    cal: &WorkCalendar,
    only: Option<&str>,
) -> Result<BTreeMap<String, Vec<Kpi>>, Error> {
    goal_inputs(policy, from, to)?;
    // With `only`, its number (no number: the county has no clue, and its goals count nothing).
    let only = match only.map(|name| index.county_number(name)) {
        Some(None) => return Ok(BTreeMap::new()),
        Some(Some(n)) => Some(n),
        None => None,
    };
    let wanted = |county: u32| only.is_none_or(|n| n == county);
    let in_period = |d: NaiveDate| from <= d && d <= to;
    // The record as it stood on `to`.
    let known = |d: Option<NaiveDate>| d.filter(|&d| d <= to);
    // The findings found by `to`, each marking the clue it names in its own county (by its position in the
    // input); a county named only by findings is listed with no clues.
    let mut found = vec![false; index.positions()];
    let mut only_findings: BTreeSet<&str> = BTreeSet::new();
    let mut last: Option<(&str, Option<u32>)> = None;
    for f in findings {
        let county = match last {
            Some((name, n)) if name == f.county => n,
            _ => {
                let n = index.county_number(&f.county);
                last = Some((&f.county, n));
                n
            }
        };
        let Some(county) = county else {
            only_findings.insert(&f.county);
            continue;
        };
        if wanted(county)
            && f.found_on <= to
            && let Some(at) = index.position_of(&f.clue_id)
            && index.row(at).is_some_and(|row| row.county == county)
            && let Some(flag) = found.get_mut(at)
        {
            *flag = true;
        }
    }

    let mut tallies = vec![Tally::default(); index.counties().len()];
    // ((county, step, id), error): the error `kpis` names for the first county that fails.
    let mut failed: Option<((u32, u8, &str), Error)> = None;
    let mut fail = |county: u32, step: u8, id, e| keep_first(&mut failed, (county, step, id), e);
    for row in index.distinct_rows().filter(|row| wanted(row.county)) {
        let county = row.county;
        let (Some(t), Some(clue)) = (
            usize::try_from(county)
                .ok()
                .and_then(|c| tallies.get_mut(c)),
            index.record(row),
        ) else {
            continue;
        };
        let id = clue.id.as_str();
        if !row.sound {
            if let Err(e) = clue.check() {
                fail(county, 0, id, e);
            }
            continue;
        }
        if in_period(row.registered_on) {
            // R-KPI-4 (平人社字〔2022〕2号 三(五) “案件登记率100%”): every clue the office holds carries its registration day.
            t.registered = count_up(t.registered, "clues registered")?;
            // R-KPI-1 (平人社监察〔2024〕15号 一 “平台线索接收率100%”; 二(一) 自线索登记之日起N个工作日内完成接收): accepted by
            // the accept-by day. Only the acceptance clock is asked (from the registration facts alone), so a response
            // clock running past the calendar does not stop the count.
            match deadline::accept_deadline(row.source, row.registered_on, policy, cal) {
                Err(e) => fail(county, 1, id, e),
                Ok(None) => {}
                Ok(Some(clock)) => t.acceptance_clock(clock.status(row.accepted_on, to))?,
            }
        }
        if let Some(closed_on) = known(row.closed_on).filter(|&d| in_period(d)) {
            // R-KPI-2 (平人社监察〔2024〕15号 一 “有效核处率达到90%以上”): what counts as effective is
            // `policy.effective_handling`.
            let ok = match policy.effective_handling {
                EffectiveHandling::WithoutDefects => {
                    is_clean(&record_as_of(clue, to), policy)
                        && !usize::try_from(row.at)
                            .ok()
                            .and_then(|at| found.get(at))
                            .is_some_and(|f| *f)
                }
                EffectiveHandling::SubstantiveConclusion => row.conclusion.is_some_and(substantive),
            };
            tally(true, ok, &mut t.effective)?;
            // R-KPI-3 (平人社监察〔2024〕15号 一 “对核处结论为5的线索100%进行复核”; 四(一) 每月10日前): reviewed, counted once
            // its review is done or its review day has passed (on the day itself there is still time).
            if row.conclusion == Some(Conclusion::Coordinated) {
                let reviewed = known(row.reviewed_on).is_some();
                match review_due_on(Month::of(closed_on), policy) {
                    Err(e) => fail(county, 2, id, e),
                    Ok(due) => tally(reviewed || due < to, reviewed, &mut t.review)?,
                }
            }
        }
        // R-KPI-5 (平人社字〔2022〕2号 三(五) “案件结案率98%以上”): closed by `to`; an open clue still inside its respond-by
        // day is not yet counted.
        if known(row.accepted_on).is_some_and(in_period) {
            if known(row.closed_on).is_some() {
                tally(true, true, &mut t.closure)?;
            } else {
                match deadline::respond_deadline(clue, policy, cal) {
                    Err(e) => fail(county, 3, id, e),
                    Ok(due) => {
                        let running = due.is_some_and(|d| to <= d.due);
                        tally(!running, false, &mut t.closure)?;
                    }
                }
            }
        }
    }
    if let Some((_, e)) = failed {
        return Err(e);
    }
    let mut out = BTreeMap::new();
    for (number, (county, t)) in (0u32..).zip(index.counties().iter().zip(&tallies)) {
        if wanted(number) {
            out.insert((*county).to_owned(), t.goals(policy));
        }
    }
    if only.is_none() {
        for county in only_findings {
            out.insert(county.to_owned(), Tally::default().goals(policy));
        }
    }
    Ok(out)
}

/// Keeps `e` when `at` comes before the error kept so far.
pub(crate) fn keep_first<K: Ord>(kept: &mut Option<(K, Error)>, at: K, e: Error) {
    if kept.as_ref().is_none_or(|(k, _)| at < *k) {
        *kept = Some((at, e));
    }
}

/// One county's counts towards its goals ([`goals_of_index`]).
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    acceptance: Ratio,
    effective: Ratio,
    review: Ratio,
    registered: u64,
    closure: Ratio,
}

impl Tally {
    /// R-KPI-1: a clue counted once its acceptance clock has been met or has run out.
    fn acceptance_clock(&mut self, status: ClockStatus) -> Result<(), Error> {
        match status {
            ClockStatus::MetOnTime { .. } => tally(true, true, &mut self.acceptance),
            ClockStatus::MetLate { .. } | ClockStatus::Overdue { .. } => {
                tally(true, false, &mut self.acceptance)
            }
            _ => Ok(()), // still running on `to`
        }
    }

    /// The five goals, in rule order R-KPI-1 … R-KPI-5.
    fn goals(&self, policy: &Policy) -> Vec<Kpi> {
        vec![
            Kpi::new(
                RuleId::KpiAcceptance,
                "平台线索接收率",
                self.acceptance,
                policy.goal_acceptance,
            ),
            Kpi::new(
                RuleId::KpiEffectiveHandling,
                "有效核处率",
                self.effective,
                policy.goal_effective_handling,
            ),
            Kpi::new(
                RuleId::KpiCode5Review,
                "结论为5线索复核率",
                self.review,
                policy.goal_code5_review,
            ),
            Kpi::new(
                RuleId::KpiRegistration,
                "案件登记率",
                Ratio::new(self.registered, self.registered),
                policy.goal_registration,
            ),
            Kpi::new(
                RuleId::KpiClosure,
                "案件结案率",
                self.closure,
                policy.goal_closure,
            ),
        ]
    }
}

/// Counts one clue into a ratio: in the denominator when `counted`, in the numerator too when also `met`.
///
/// # Errors
/// [`Error::Overflow`] when a count passes `u64::MAX` (never saturated).
fn tally(counted: bool, met: bool, r: &mut Ratio) -> Result<(), Error> {
    if counted {
        r.denominator = count_up(r.denominator, "clues counted")?;
        if met {
            r.numerator = count_up(r.numerator, "clues meeting the goal")?;
        }
    }
    Ok(())
}

/// A substantive conclusion for [`EffectiveHandling::SubstantiveConclusion`] (interpretation of 平人社监察〔2024〕15号 一
/// “有效核处率”): the arrears were dealt with (1–5), an award's enforcement difficulty was taken up (8), or none were
/// found after verification (9); referring the reporter elsewhere (6, 7) and an invalid clue (10) are not.
const fn substantive(c: Conclusion) -> bool {
    match c {
        Conclusion::FiledPaid
        | Conclusion::FiledEnforcement
        | Conclusion::FiledPolice
        | Conclusion::FiledEnforcementAndPolice
        | Conclusion::Coordinated
        | Conclusion::EnforcementDifficulty
        | Conclusion::NoArrears => true,
        Conclusion::Arbitration | Conclusion::Litigation | Conclusion::InvalidClue => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(county: &str, id: &str, y: i32, m: u32, d: u32) -> Finding {
        let on = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        Finding::new(county, id, FindingKind::NoFirstContact, on)
    }

    #[test]
    fn the_same_finding_listed_twice_counts_once() {
        let f = finding("叶县", "A", 2025, 4, 3);
        let s = assess_year("叶县", 2025, None, &[f.clone(), f], &Policy::default()).unwrap();
        assert_eq!(s.count(), 1);
        assert_eq!(s.deduction, Points::from_milli(200));
    }

    #[test]
    fn two_kinds_on_one_clue_are_two_findings() {
        let a = finding("叶县", "A", 2025, 4, 3);
        let mut b = a.clone();
        b.kind = FindingKind::Falsified;
        b.rule = b.kind.rule();
        let s = assess_year("叶县", 2025, None, &[a, b], &Policy::default()).unwrap();
        assert_eq!(s.count(), 2);
    }

    #[test]
    fn without_a_base_score_there_is_no_grade_below_thirty_findings() {
        let fs: Vec<Finding> = (0..29)
            .map(|i| finding("郏县", &format!("C{i}"), 2025, 6, 2))
            .collect();
        let s = assess_year("郏县", 2025, None, &fs, &Policy::default()).unwrap();
        assert_eq!(
            (s.score, s.grade, s.grade_rule),
            (None, None, RuleId::ScoreAnnualGradeC)
        );
        let p = Policy {
            grade_scale: Some(scale()),
            ..Policy::default()
        };
        let s = assess_year("郏县", 2025, None, &fs, &p).unwrap();
        assert_eq!((s.grade, s.grade_source), (None, None), "no score to grade");
    }

    fn scale() -> GradeScale {
        GradeScale {
            a_min_score: Points::whole(90),
            b_min_score: Points::whole(70),
            source: "示例省考核细则 第五条".to_owned(),
        }
    }

    #[test]
    fn two_different_records_of_one_kind_on_one_clue_and_day_are_two_findings() {
        let a = finding("叶县", "A", 2025, 4, 3)
            .with_responsible("王敏")
            .with_note("虚报已支付");
        let b = a.clone().with_note("虚报联系记录");
        let mut a_closed = a.clone();
        a_closed.clue_closed_on = NaiveDate::from_ymd_opt(2025, 4, 20);
        let s = assess_year("叶县", 2025, None, &[a, b, a_closed], &Policy::default()).unwrap();
        assert_eq!(s.count(), 2);
        assert_eq!(
            s.findings
                .iter()
                .map(|f| f.clue_closed_on)
                .collect::<Vec<_>>(),
            [NaiveDate::from_ymd_opt(2025, 4, 20), None],
            "the copy with the closing day is kept"
        );
    }

    #[test]
    fn findings_can_count_by_the_month_the_clue_was_closed() {
        let p = Policy {
            finding_month: FindingMonth::ClueClosed,
            ..Policy::default()
        };
        let mut f = finding("叶县", "A", 2026, 1, 8);
        f.clue_closed_on = NaiveDate::from_ymd_opt(2025, 12, 30);
        let s = assess_year("叶县", 2025, None, std::slice::from_ref(&f), &p).unwrap();
        assert_eq!(s.per_month[11], 1);
        let s = assess_year("叶县", 2026, None, &[f], &p).unwrap();
        assert_eq!(s.count(), 0);
    }

    #[test]
    fn a_score_below_the_b_line_grades_c_by_the_scale() {
        let fs: Vec<Finding> = (0..3)
            .map(|i| finding("郏县", &format!("C{i}"), 2025, 6, 2))
            .collect();
        let p = Policy {
            grade_scale: Some(scale()),
            ..Policy::default()
        };
        let s = assess_year("郏县", 2025, Some(Points::whole(70)), &fs, &p).unwrap();
        assert_eq!(s.score, Some(Points::from_milli(69_400)));
        assert_eq!(
            (s.grade, s.grade_rule),
            (Some(Grade::C), RuleId::ScoreGradeScale)
        );
        assert!(!s.grade_c_forced());
    }

    #[test]
    fn the_display_block_names_every_rule() {
        let fs: Vec<Finding> = (0..5)
            .map(|i| finding("郏县", &format!("C{i}"), 2025, 6, 2))
            .collect();
        let s = assess_year(
            "郏县",
            2025,
            Some(Points::whole(100)),
            &fs,
            &Policy::default(),
        )
        .unwrap();
        let text = s.to_string();
        for code in ["R-SCO-1", "R-SCO-2", "R-SCO-3", "R-SCO-4"] {
            assert!(text.contains(code), "{code} missing in\n{text}");
        }
        assert!(text.contains("99.0"), "{text}");
        assert!(text.contains("（未登记责任人）"), "{text}");
    }

    #[test]
    fn an_invalid_policy_is_refused() {
        let p = Policy {
            interview_findings_per_month: 0,
            ..Policy::default()
        };
        assert!(assess_year("郏县", 2025, None, &[], &p).is_err());
        assert!(assess_all(2025, &BTreeMap::<String, Points>::new(), &[], &p).is_err());
    }

    #[test]
    fn substantive_conclusions_are_one_to_five_eight_and_nine() {
        let codes: Vec<u8> = Conclusion::ALL
            .iter()
            .filter(|c| substantive(**c))
            .map(|c| c.code())
            .collect();
        assert_eq!(codes, [1, 2, 3, 4, 5, 8, 9]);
    }

    #[test]
    fn a_county_with_nothing_due_meets_every_goal_with_empty_ratios() {
        let on = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let k = kpis(
            "叶县",
            on,
            on,
            &[],
            &[],
            &Policy::default(),
            &WorkCalendar::china(),
        )
        .unwrap();
        assert_eq!(k.len(), 5);
        assert!(k.iter().all(|k| k.met && k.ratio == Ratio::new(0, 0)));
    }

    #[test]
    fn tally_counts_the_denominator_and_only_met_ones_in_the_numerator() -> Result<(), Error> {
        let mut r = Ratio::default();
        tally(true, true, &mut r)?;
        tally(true, false, &mut r)?;
        tally(false, true, &mut r)?;
        assert_eq!(r, Ratio::new(1, 2));
        let mut full = Ratio::new(0, u64::MAX);
        assert!(tally(true, false, &mut full).is_err());
        Ok(())
    }
}
