//! Employers (被反映单位) and what a ledger of clues says about them: the 统一社会信用代码, the enterprise arrears
//! ledger of the construction sector (保定市高效处置农民工欠薪问题若干措施（十四）) and repeated complaints
//! (天水市“六项机制”（2025）重大案件提级督办机制 “反复投诉”).
//!
//! - [`CreditCode`]: an 18-character 统一社会信用代码, checked on reading against GB 32100-2015 (法人和其他组织
//!   统一社会信用代码编码规则) — its characters, its administrative division, the check digit of the embedded
//!   organisation code (GB 11714) and its own check digit — with an error that says what is wrong.
//! - [`Employer`]: the name and, when known, the credit code, as a clue records them.
//! - [`enterprise_ledger`]: 工程建设领域欠薪违法企业信息台账 — the construction-sector employers whose arrears were
//!   verified, with their clues, workers, amounts, first and last dates and conclusions (R-ENT-1).
//! - [`repeated_complaints`]: the clues about one employer or one project that come in again within the policy's
//!   window (R-ESC-4); [`escalation_with_history`](crate::deadline::escalation_with_history) adds them to the
//!   recorded facts when it decides whether a case is raised.
//!
//! # Which clues are about the same employer
//!
//! Two clues name the same employer when their credit codes are equal. A clue that names its employer without a
//! code is matched by name: it joins the employer whose code is known under that name when exactly one such code
//! is in the ledger, and otherwise stands on the name alone (two codes under one name are two employers, and the
//! crate does not guess which one a name-only clue meant). Names are compared with white space removed and
//! full-width brackets read as half-width (`某建筑（河北）有限公司` = `某建筑(河北)有限公司`). Projects are matched by
//! name in the same way.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::{Clue, Conclusion};
use crate::{Error, Fen, Policy, RuleId};

/// The 31 characters of GB 32100-2015, in the order of their values 0–30 (no I, O, S, V, Z).
const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// A 统一社会信用代码 (unified social credit identifier), checked against GB 32100-2015.
///
/// 18 characters from `0-9 A-H J-N P-R T-U W-Y`: the registration authority (1), the kind of organisation (1),
/// the administrative division of the registering authority (6 digits, GB/T 2260), the subject's identification
/// code — the organisation code of GB 11714, its 9th character a check digit over the first 8 — (9), and a check
/// digit over the first 17 (1): with the character values `c_i` (0–30 in the order above) and the weights
/// `w_i = 3^i mod 31` (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28), the check digit is the
/// character of value `(31 − Σ c_i·w_i mod 31) mod 31`.
///
/// Parsing trims surrounding white space and reads lowercase letters as uppercase; the code is kept uppercase.
/// The error names what is wrong: the length, the character not allowed and its position (1-based), or the check
/// digit expected and found. A few codes issued in pilot areas before the standard (e.g. some Fujian `M0001…`
/// codes) do not satisfy it and are refused: record such an employer by name, without a code.
///
/// ```
/// use wage_arrears::{CreditCode, Error};
/// let code: CreditCode = "91350213678251743X".parse()?;
/// assert_eq!(code.as_str(), "91350213678251743X");
/// assert_eq!(code.division(), "350213");
///
/// let err = "91350213678251743Y".parse::<CreditCode>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "credit code `91350213678251743Y`: wrong check digit at position 18: expected X, found Y"
/// );
/// # Ok::<(), wage_arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CreditCode(String);

impl CreditCode {
    /// The code, 18 uppercase characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The administrative division of the registering authority (characters 3–8, GB/T 2260), e.g. `410400`.
    pub fn division(&self) -> &str {
        self.0.get(2..8).unwrap_or("")
    }

    /// The organisation code (characters 9–17, GB 11714), e.g. `678251743`.
    pub fn organisation_code(&self) -> &str {
        self.0.get(8..17).unwrap_or("")
    }
}

/// The GB 32100-2015 check digit over the first 17 values.
fn check_digit(values: &[u32]) -> u8 {
    let mut weight = 1u32;
    let mut sum = 0u32;
    for &v in values.iter().take(17) {
        sum += v * weight; // at most 17 × 30 × 30: no overflow
        weight = weight * 3 % 31;
    }
    let c = (31 - sum % 31) % 31;
    usize::try_from(c)
        .ok()
        .and_then(|i| ALPHABET.get(i))
        .copied()
        .unwrap_or(b'0')
}

/// The GB 11714 check digit of an organisation code's first 8 characters: weights 3, 7, 9, 10, 5, 8, 4, 2 over
/// the values 0–9 and A=10 … Z=35; `11 − sum mod 11`, 10 written `X` and 11 written `0`.
fn organisation_check_digit(body: &[u8]) -> u8 {
    const WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    let value = |b: u8| match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'A'..=b'Z' => u32::from(b - b'A') + 10,
        _ => 0,
    };
    let sum: u32 = body.iter().zip(WEIGHTS).map(|(&b, w)| value(b) * w).sum();
    match 11 - sum % 11 {
        11 => b'0',
        10 => b'X',
        d => b'0' + d as u8,
    }
}

impl FromStr for CreditCode {
    type Err = Error;

    fn from_str(s: &str) -> Result<CreditCode, Error> {
        let given = s.trim();
        let bad = |reason: String| Error::InvalidCreditCode {
            code: given.to_owned(),
            reason,
        };
        let n = given.chars().count();
        if n != 18 {
            return Err(bad(format!("has {n} characters, expected 18")));
        }
        let mut values = Vec::with_capacity(18);
        for (i, ch) in given.chars().enumerate() {
            let up = ch.to_ascii_uppercase();
            let value = u8::try_from(up)
                .ok()
                .and_then(|b| ALPHABET.iter().position(|&a| a == b));
            match value {
                Some(v) => values.push(v as u32),
                None => {
                    return Err(bad(format!(
                        "character `{ch}` at position {} is not allowed (a credit code uses 0-9 and A-Z without I, O, S, V, Z)",
                        i + 1
                    )));
                }
            }
        }
        let code = given.to_ascii_uppercase();
        let bytes = code.as_bytes();
        if let Some(i) = (2..8).find(|&i| bytes.get(i).is_some_and(|b| !b.is_ascii_digit())) {
            return Err(bad(format!(
                "character `{}` at position {} is not a digit (positions 3–8 are the administrative division code)",
                char::from(bytes.get(i).copied().unwrap_or(b'?')),
                i + 1
            )));
        }
        let mut wrong = Vec::new();
        let org = organisation_check_digit(bytes.get(8..16).unwrap_or(&[]));
        let org_found = bytes.get(16).copied().unwrap_or(b'?');
        if org != org_found {
            wrong.push(format!(
                "wrong check digit of the organisation code at position 17: expected {}, found {}",
                char::from(org),
                char::from(org_found)
            ));
        }
        let check = check_digit(&values);
        let found = bytes.get(17).copied().unwrap_or(b'?');
        if check != found {
            wrong.push(format!(
                "wrong check digit at position 18: expected {}, found {}",
                char::from(check),
                char::from(found)
            ));
        }
        if !wrong.is_empty() {
            return Err(bad(wrong.join("; ")));
        }
        Ok(CreditCode(code))
    }
}

impl TryFrom<&str> for CreditCode {
    type Error = Error;
    fn try_from(s: &str) -> Result<CreditCode, Error> {
        s.parse()
    }
}

impl fmt::Display for CreditCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for CreditCode {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Serialize for CreditCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for CreditCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<CreditCode, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The employer a clue is about (被反映单位): its name and, when known, its credit code.
///
/// ```
/// use wage_arrears::model::Employer;
/// let json = r#"{ "name": "平顶山某建筑劳务有限公司", "credit_code": "91350213678251743X" }"#;
/// let e: Employer = wage_arrears::deserialize(&mut serde_json::Deserializer::from_str(json))?;
/// assert_eq!(e.credit_code.map(|c| c.to_string()), Some("91350213678251743X".to_owned()));
///
/// let bad = r#"{ "name": "某公司", "credit_code": "9135021367825174" }"#;
/// let err = wage_arrears::deserialize::<Employer, _>(&mut serde_json::Deserializer::from_str(bad)).unwrap_err();
/// assert!(err.to_string().starts_with("credit_code: credit code `9135021367825174`: has 16 characters"));
/// # Ok::<(), wage_arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Employer {
    /// The name (单位名称) as recorded.
    pub name: String,
    /// The 统一社会信用代码, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_code: Option<CreditCode>,
}

impl Employer {
    /// An employer known by name only.
    pub fn named(name: impl Into<String>) -> Employer {
        Employer {
            name: name.into(),
            credit_code: None,
        }
    }

    /// Adds the credit code.
    pub fn with_credit_code(mut self, code: CreditCode) -> Employer {
        self.credit_code = Some(code);
        self
    }
}

/// How the crate tells employers apart: by credit code, or by (normalised) name when no code is known.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EmployerKey {
    /// By 统一社会信用代码.
    CreditCode(CreditCode),
    /// By name, normalised (white space removed, full-width brackets as half-width).
    Name(String),
}

impl fmt::Display for EmployerKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmployerKey::CreditCode(c) => write!(f, "{c}"),
            EmployerKey::Name(n) => f.write_str(n),
        }
    }
}

/// A name as the crate compares it: white space removed, full-width brackets read as half-width.
pub(crate) fn normalise_name(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            other => other,
        })
        .collect()
}

/// The employer key of every clue, in order, resolved over the whole slice (see the [module](self) docs): a
/// name-only clue joins the one code known under its name, if exactly one is.
fn employer_keys(clues: &[&Clue]) -> Vec<Option<EmployerKey>> {
    let mut codes_by_name: BTreeMap<String, BTreeSet<&CreditCode>> = BTreeMap::new();
    for c in clues {
        if let Some(e) = &c.employer
            && let Some(code) = &e.credit_code
        {
            codes_by_name
                .entry(normalise_name(&e.name))
                .or_default()
                .insert(code);
        }
    }
    clues
        .iter()
        .map(|c| {
            let e = c.employer.as_ref()?;
            if let Some(code) = &e.credit_code {
                return Some(EmployerKey::CreditCode(code.clone()));
            }
            let name = normalise_name(&e.name);
            if name.is_empty() {
                return None;
            }
            match codes_by_name.get(&name) {
                Some(codes) if codes.len() == 1 => codes
                    .iter()
                    .next()
                    .map(|&code| EmployerKey::CreditCode(code.clone())),
                _ => Some(EmployerKey::Name(name)),
            }
        })
        .collect()
}

/// One clue in the enterprise ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LedgerClue {
    /// The clue.
    pub clue_id: String,
    /// Its county.
    pub county: String,
    /// The day it was registered.
    pub registered_on: NaiveDate,
    /// The day its arrears were verified.
    pub verified_on: NaiveDate,
    /// The project, when the clue names one.
    pub project: Option<String>,
    /// Workers affected.
    pub workers: u32,
    /// The amount owed.
    pub amount_owed: Fen,
    /// The amount paid by the ledger's day (`payment`, dated on or before it).
    pub amount_paid: Fen,
    /// The conclusion, when the clue was closed or submitted by the ledger's day.
    pub conclusion: Option<Conclusion>,
    /// The day it was closed, if by the ledger's day.
    pub closed_on: Option<NaiveDate>,
}

/// One employer in the enterprise ledger: its verified arrears, clue by clue, and the totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LedgerEmployer {
    /// How the employer is identified: its credit code, or its name when no code is known.
    pub key: EmployerKey,
    /// The name, as recorded on its latest clue.
    pub name: String,
    /// Other names recorded for it (a renamed company, a typing variant), sorted.
    pub other_names: Vec<String>,
    /// The 统一社会信用代码, when known.
    pub credit_code: Option<CreditCode>,
    /// Its clues with verified arrears, by registration day then id.
    pub clues: Vec<LedgerClue>,
    /// The projects its clues name, sorted.
    pub projects: Vec<String>,
    /// Workers over its clues.
    pub workers: u64,
    /// The amount owed over its clues.
    pub amount_owed: Fen,
    /// The amount paid over its clues, by the ledger's day.
    pub amount_paid: Fen,
    /// The first registration day among its clues.
    pub first_registered_on: NaiveDate,
    /// The last registration day among its clues.
    pub last_registered_on: NaiveDate,
}

/// 工程建设领域欠薪违法企业信息台账 (R-ENT-1, 保定市高效处置农民工欠薪问题若干措施（十四）) as of a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct EnterpriseLedger {
    /// The day the ledger describes: the record as it stood at its end.
    pub as_of: NaiveDate,
    /// [`RuleId::EnterpriseArrearsLedger`].
    pub rule: RuleId,
    /// The employers, those with a credit code first (by code), then those known by name only (by name).
    pub employers: Vec<LedgerEmployer>,
    /// Construction-sector clues whose arrears were verified but whose employer is not recorded: they cannot be
    /// put in the ledger until it is, by id.
    pub without_employer: Vec<String>,
}

/// The enterprise arrears ledger of the construction sector: every employer with verified arrears in
/// 工程建设领域 as the record stood at the end of `as_of`, with its clues, workers, amounts, first and last
/// dates and conclusions.
///
/// 保定市高效处置农民工欠薪问题若干措施（十四）：人社部门依据日常巡查和受理欠薪投诉举报、办理欠薪案件过程中掌握的企业
/// 欠薪行为，建立“工程建设领域欠薪违法企业信息台账”，同步推送至市信用信息共享平台。
///
/// A clue is in the ledger when it is in the construction sector (`construction_sector`), was registered on or
/// before `as_of` and its investigation, dated on or before `as_of`, verified arrears (`arrears_verified`). Clues
/// are grouped by employer as the [module](self) docs say; a verified clue with no employer recorded is listed in
/// [`EnterpriseLedger::without_employer`] instead of being dropped. A clue listed twice counts once; two different
/// records under one id are refused. Amounts are summed exactly: a sum too large for `u64` fen is an error.
///
/// ```
/// use wage_arrears::employer::enterprise_ledger;
/// use wage_arrears::model::Employer;
/// use wage_arrears::{Clue, Fen, Investigation, Source};
///
/// let d = wage_arrears::date;
/// let code = "91350213678251743X".parse()?;
/// let mut a = Clue::new("PDS-2025-0101", Source::QrCode, "叶县", d(2025, 3, 3)?);
/// a.employer = Some(Employer::named("某建筑劳务有限公司").with_credit_code(code));
/// a.construction_sector = true;
/// a.workers = 12;
/// a.amount_owed = Fen::from_yuan(96_000);
/// a.investigation = Some(Investigation {
///     on: d(2025, 3, 10)?,
///     arrears_verified: true,
///     employer_refuses: false,
///     record: "工资表、考勤表核实".into(),
/// });
/// let mut b = a.clone();
/// b.id = "PDS-2025-0188".into();
/// b.registered_on = d(2025, 6, 2)?;
/// b.employer = Some(Employer::named("某建筑劳务有限公司")); // no code: matched by name
/// if let Some(i) = b.investigation.as_mut() {
///     i.on = d(2025, 6, 9)?;
/// }
///
/// let ledger = enterprise_ledger(&[a, b], d(2025, 12, 31)?)?;
/// let e = &ledger.employers[0];
/// assert_eq!((e.clues.len(), e.workers, e.amount_owed), (2, 24, Fen::from_yuan(192_000)));
/// assert_eq!((e.first_registered_on, e.last_registered_on), (d(2025, 3, 3)?, d(2025, 6, 2)?));
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidClue`] when a clue fails [`Clue::check`]; [`Error::ConflictingRecords`] when two different
/// records share an id; [`Error::Overflow`] when an employer's workers or amounts overflow.
pub fn enterprise_ledger(clues: &[Clue], as_of: NaiveDate) -> Result<EnterpriseLedger, Error> {
    let mut verified: Vec<(&Clue, NaiveDate)> = Vec::new();
    for c in crate::model::distinct_by_id(clues)? {
        c.check()?;
        // 保定（十四）：……工程建设领域欠薪违法企业信息台账: construction sector, arrears verified by `as_of`.
        let on = c
            .investigation
            .as_ref()
            .filter(|i| i.arrears_verified && i.on <= as_of)
            .map(|i| i.on);
        if let Some(on) = on
            && c.construction_sector
            && c.registered_on <= as_of
        {
            verified.push((c, on));
        }
    }
    let refs: Vec<&Clue> = verified.iter().map(|(c, _)| *c).collect();
    let keys = employer_keys(&refs);
    let mut by_key: BTreeMap<EmployerKey, Vec<(&Clue, NaiveDate)>> = BTreeMap::new();
    let mut without_employer = Vec::new();
    for ((clue, on), key) in verified.into_iter().zip(keys) {
        match key {
            Some(k) => by_key.entry(k).or_default().push((clue, on)),
            None => without_employer.push(clue.id.clone()),
        }
    }
    let mut employers = Vec::with_capacity(by_key.len());
    for (key, mut group) in by_key {
        group.sort_by(|(a, _), (b, _)| (a.registered_on, &a.id).cmp(&(b.registered_on, &b.id)));
        employers.push(ledger_employer(key, &group, as_of)?);
    }
    Ok(EnterpriseLedger {
        as_of,
        rule: RuleId::EnterpriseArrearsLedger,
        employers,
        without_employer,
    })
}

/// One employer's entry from its clues (sorted by registration day, then id; never empty).
fn ledger_employer(
    key: EmployerKey,
    group: &[(&Clue, NaiveDate)],
    as_of: NaiveDate,
) -> Result<LedgerEmployer, Error> {
    let name = group
        .last()
        .and_then(|(c, _)| c.employer.as_ref())
        .map_or_else(String::new, |e| e.name.clone());
    let other_names: BTreeSet<String> = group
        .iter()
        .filter_map(|(c, _)| c.employer.as_ref())
        .map(|e| e.name.clone())
        .filter(|n| *n != name)
        .collect();
    let credit_code = match &key {
        EmployerKey::CreditCode(c) => Some(c.clone()),
        EmployerKey::Name(_) => None,
    };
    let overflow = |what: &str, sum: String| Error::Overflow {
        operation: format!("the {what} of employer {name} in the enterprise ledger: {sum}"),
    };
    let mut workers = 0u64;
    let mut owed = Fen::ZERO;
    let mut paid = Fen::ZERO;
    let mut projects = BTreeSet::new();
    let mut rows = Vec::with_capacity(group.len());
    for &(c, verified_on) in group {
        let now = c.to_record_on(as_of);
        let amount_paid = now.payment.as_ref().map_or(Fen::ZERO, |p| p.amount);
        workers = workers
            .checked_add(u64::from(c.workers))
            .ok_or_else(|| overflow("workers", format!("{workers} + {}", c.workers)))?;
        owed = owed.checked_add(c.amount_owed).map_err(|_| {
            overflow(
                "amount owed",
                format!("{} fen + {} fen", owed.fen(), c.amount_owed.fen()),
            )
        })?;
        paid = paid.checked_add(amount_paid).map_err(|_| {
            overflow(
                "amount paid",
                format!("{} fen + {} fen", paid.fen(), amount_paid.fen()),
            )
        })?;
        let project = c.project.as_ref().filter(|p| !p.trim().is_empty()).cloned();
        projects.extend(project.clone());
        rows.push(LedgerClue {
            clue_id: c.id.clone(),
            county: c.county.clone(),
            registered_on: c.registered_on,
            verified_on,
            project,
            workers: c.workers,
            amount_owed: c.amount_owed,
            amount_paid,
            conclusion: now.conclusion,
            closed_on: now.closed_on,
        });
    }
    let first = rows.first().map(|r| r.registered_on);
    let last = rows.last().map(|r| r.registered_on);
    let (Some(first_registered_on), Some(last_registered_on)) = (first, last) else {
        return Err(overflow("clues", "an empty group".to_owned())); // unreachable: a group is never empty
    };
    Ok(LedgerEmployer {
        key,
        name,
        other_names: other_names.into_iter().collect(),
        credit_code,
        clues: rows,
        projects: projects.into_iter().collect(),
        workers,
        amount_owed: owed,
        amount_paid: paid,
        first_registered_on,
        last_registered_on,
    })
}

/// What two clues share that makes them one complaint made again: the employer, or the project.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ComplaintSubject {
    /// The same employer (by credit code, else by name).
    Employer(EmployerKey),
    /// The same project (by normalised name).
    Project(String),
}

impl fmt::Display for ComplaintSubject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ComplaintSubject::Employer(k) => write!(f, "单位 {k}"),
            ComplaintSubject::Project(p) => write!(f, "项目 {p}"),
        }
    }
}

/// One clue that is part of a repeated complaint, and what it repeats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RepeatedComplaint {
    /// The clue.
    pub clue_id: String,
    /// [`RuleId::RepeatedComplaintsInLedger`] (R-ESC-4).
    pub rule: RuleId,
    /// The employer or project it shares with the other clues, one or both.
    pub subjects: Vec<ComplaintSubject>,
    /// The other clues on those subjects registered within the window of it (before or after), by id.
    pub related: Vec<String>,
}

/// The clues of a ledger that are repeated complaints (R-ESC-4), by clue id.
///
/// [`escalation_with_history`](crate::deadline::escalation_with_history) reads it beside the recorded
/// `escalation.repeated_complaint` flag.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RepeatedComplaints {
    /// The clues that are part of a repeated complaint, by id.
    pub by_clue: BTreeMap<String, RepeatedComplaint>,
}

impl RepeatedComplaints {
    /// Whether the clue is part of a repeated complaint.
    pub fn contains(&self, clue_id: &str) -> bool {
        self.by_clue.contains_key(clue_id)
    }

    /// What the clue repeats, if it does.
    pub fn get(&self, clue_id: &str) -> Option<&RepeatedComplaint> {
        self.by_clue.get(clue_id)
    }

    /// How many clues are part of a repeated complaint.
    pub fn len(&self) -> usize {
        self.by_clue.len()
    }

    /// Whether no clue is.
    pub fn is_empty(&self) -> bool {
        self.by_clue.is_empty()
    }
}

/// The clues that are repeated complaints, derived from a ledger as it stood at the end of `as_of` (R-ESC-4).
///
/// 天水市“六项机制”（2025）重大案件提级督办机制：……在各县区核实整治的基础上，仍出现反复投诉或引发重大舆情的，实行
/// 提级办案。
///
/// Clues registered on or before `as_of` are grouped by what they are about: their employer (as the
/// [module](self) docs say) and their project, each a group of its own. In a group, a clue is part of a repeated
/// complaint when it lies in a run of at least [`Policy::repeated_complaint_min_clues`] clues whose
/// registrations are at most [`Policy::repeated_complaint_window_days`] natural days apart (the last registered
/// within that many days of the first, inclusive). Every clue of such a run counts: the first complaint is the case
/// that "still draws complaints", the later ones are those complaints. One pass over the clues, then each group
/// sorted once and swept with two pointers.
///
/// ```
/// use wage_arrears::employer::repeated_complaints;
/// use wage_arrears::model::Employer;
/// use wage_arrears::{Clue, Policy, Source};
///
/// let d = wage_arrears::date;
/// let mut a = Clue::new("A", Source::Hotline12345, "新华区", d(2025, 3, 3)?);
/// a.project = Some("新华区某安置房项目".into());
/// let mut b = Clue::new("B", Source::GovCnMessage, "新华区", d(2025, 9, 1)?);
/// b.project = Some("新华区 某安置房项目".into()); // the same project, typed with a space
/// let mut c = Clue::new("C", Source::QrCode, "卫东区", d(2025, 4, 1)?);
/// c.employer = Some(Employer::named("另一家公司"));
///
/// let repeated = repeated_complaints(&[a, b, c], &Policy::default(), d(2025, 12, 31)?)?;
/// assert!(repeated.contains("A") && repeated.contains("B") && !repeated.contains("C"));
/// assert_eq!(repeated.get("B").map(|r| r.related.clone()), Some(vec!["A".to_owned()]));
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidPolicy`] when the policy does not pass [`Policy::validate`]; [`Error::InvalidClue`] when a
/// clue fails [`Clue::check`]; [`Error::ConflictingRecords`] when two different records share an id.
pub fn repeated_complaints(
    clues: &[Clue],
    policy: &Policy,
    as_of: NaiveDate,
) -> Result<RepeatedComplaints, Error> {
    policy.validate()?;
    let mut known: Vec<&Clue> = Vec::new();
    for c in crate::model::distinct_by_id(clues)? {
        c.check()?;
        if c.registered_on <= as_of {
            known.push(c);
        }
    }
    let keys = employer_keys(&known);
    let mut groups: BTreeMap<ComplaintSubject, Vec<&Clue>> = BTreeMap::new();
    for (c, key) in known.iter().zip(keys) {
        if let Some(k) = key {
            groups
                .entry(ComplaintSubject::Employer(k))
                .or_default()
                .push(c);
        }
        if let Some(p) = c.project.as_deref().map(normalise_name)
            && !p.is_empty()
        {
            groups
                .entry(ComplaintSubject::Project(p))
                .or_default()
                .push(c);
        }
    }
    let window = Days::new(u64::from(policy.repeated_complaint_window_days));
    let min = usize::try_from(policy.repeated_complaint_min_clues).unwrap_or(usize::MAX);
    let mut by_clue: BTreeMap<String, RepeatedComplaint> = BTreeMap::new();
    for (subject, mut group) in groups {
        if group.len() < min {
            continue;
        }
        group.sort_by(|a, b| (a.registered_on, &a.id).cmp(&(b.registered_on, &b.id)));
        let limit = |c: &Clue| c.registered_on.checked_add_days(window);
        // Runs: for each first clue i, the clues i..end registered within the window of it (`end` only moves
        // forward). A run of `min` or more marks all its clues; `marked` is how far marking has reached.
        let mut flagged = vec![false; group.len()];
        let (mut end, mut marked) = (0, 0);
        for (i, first) in group.iter().enumerate() {
            let last_day = limit(first);
            end = end.max(i);
            while group
                .get(end)
                .is_some_and(|c| last_day.is_none_or(|l| c.registered_on <= l))
            {
                end += 1;
            }
            if end - i >= min {
                for f in flagged.iter_mut().take(end).skip(marked.max(i)) {
                    *f = true;
                }
                marked = marked.max(end);
            }
        }
        // The related clues of a flagged clue: the group's clues registered within the window either side of it,
        // a contiguous range of the sorted group.
        for (i, c) in group.iter().enumerate() {
            if !flagged.get(i).copied().unwrap_or(false) {
                continue;
            }
            let from = group.partition_point(|o| limit(o).is_some_and(|l| l < c.registered_on));
            let to = limit(c).map_or(group.len(), |l| {
                group.partition_point(|o| o.registered_on <= l)
            });
            let entry = by_clue
                .entry(c.id.clone())
                .or_insert_with(|| RepeatedComplaint {
                    clue_id: c.id.clone(),
                    rule: RuleId::RepeatedComplaintsInLedger,
                    subjects: Vec::new(),
                    related: Vec::new(),
                });
            entry.subjects.push(subject.clone());
            entry.related.extend(
                group
                    .get(from..to)
                    .unwrap_or(&[])
                    .iter()
                    .filter(|o| o.id != c.id)
                    .map(|o| o.id.clone()),
            );
        }
    }
    for r in by_clue.values_mut() {
        r.related.sort();
        r.related.dedup();
    }
    Ok(RepeatedComplaints { by_clue })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weights_are_the_powers_of_three_modulo_thirty_one() {
        let mut w = 1u32;
        let mut weights = Vec::new();
        for _ in 0..17 {
            weights.push(w);
            w = w * 3 % 31;
        }
        assert_eq!(
            weights,
            [
                1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
            ]
        );
    }

    #[test]
    fn names_compare_without_spaces_and_with_half_width_brackets() {
        assert_eq!(
            normalise_name(" 某建筑（河北） 有限公司"),
            normalise_name("某建筑(河北)有限公司")
        );
    }

    #[test]
    fn the_organisation_check_digit_may_be_x_or_zero() {
        assert_eq!(organisation_check_digit(b"71526726"), b'X');
        assert_eq!(organisation_check_digit(b"19220382"), b'1');
    }
}
