//! Monthly review (复核): the city's spot check (抽查复核) and the county's own self-review (自查复核).
//!
//! 平人社监察〔2024〕15号 三(四)：市人社局……对办结线索按照5%的比例进行抽查核实，对核处结论为5线索的100%进行复核。
//! 平人社监察〔2024〕15号 四(一)：以后每月对平台线索进行自查复核一次，对核处结论为5线索的100%进行复核……每月10日前，市人社局对各地
//! 线索按5%比例进行抽查复核。
//!
//! # Which clues, and how they are drawn
//!
//! - A month's review covers the clues **closed** (`closed_on`) in that month, whenever they were registered.
//! - A clue listed more than once counts once when its copies are identical; two different records under one id
//!   are refused ([`crate::model::distinct_by_id`]), never one of them picked by position. So the result depends
//!   neither on the order of the input nor on duplicates.
//! - The sample is drawn by ranking clues on [`draw_key`]`(seed, id)` (ties broken by id) and taking the first
//!   `k`: the same clues and seed give the same sample on every machine, in every order of input.
//! - [`spot_check`] treats its input as one population; [`spot_checks_by_county`] draws each county's 5% from its
//!   own clues ("对各地线索按5%比例", so every county with a closed clue gets at least one check when the share
//!   rounds up). See the [interpretations](crate::interpretations).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::policy::Rounding;
use crate::{Clue, Conclusion, Error, Policy, Rate, RuleId};

/// A calendar month, written `2025-03`.
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::review::Month;
/// let m: Month = "2025-03".parse()?;
/// assert_eq!(m, Month::new(2025, 3)?);
/// assert_eq!(m.to_string(), "2025-03");
/// assert_eq!(m.next()?.to_string(), "2025-04");
/// assert!(m.contains(NaiveDate::from_ymd_opt(2025, 3, 31).unwrap()));
/// assert!("2025-13".parse::<Month>().is_err());
/// # Ok::<(), wage_arrears::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Month {
    /// The first day of the month: always a valid date, so every method is total.
    first: NaiveDate,
}

impl Month {
    /// The month `month` (1–12) of `year`.
    ///
    /// ```
    /// use wage_arrears::review::Month;
    /// assert_eq!(Month::new(2026, 2)?.last_day().to_string(), "2026-02-28");
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidMonth`] when `month` is not 1–12 or the year is outside `chrono`'s range.
    pub fn new(year: i32, month: u32) -> Result<Month, Error> {
        NaiveDate::from_ymd_opt(year, month, 1)
            .map(|first| Month { first })
            .ok_or_else(|| Error::InvalidMonth(format!("{year:04}-{month:02}")))
    }

    /// The month a date falls in.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use wage_arrears::review::Month;
    /// let jan31 = NaiveDate::from_ymd_opt(2025, 1, 31).unwrap();
    /// let feb1 = NaiveDate::from_ymd_opt(2025, 2, 1).unwrap();
    /// assert_ne!(Month::of(jan31), Month::of(feb1));
    /// assert_eq!(Month::of(feb1), Month::new(2025, 2)?);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// None: every date lies in a month.
    pub fn of(date: NaiveDate) -> Month {
        // Day 1 of a valid date's month always exists; the fallback is never taken.
        Month {
            first: date.with_day(1).unwrap_or(date),
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.first.year()
    }

    /// The month of the year, 1–12.
    pub fn month(self) -> u32 {
        self.first.month()
    }

    /// The first day.
    pub fn first_day(self) -> NaiveDate {
        self.first
    }

    /// The last day (28th–31st).
    pub fn last_day(self) -> NaiveDate {
        (28..=31)
            .rev()
            .find_map(|d| self.first.with_day(d))
            .unwrap_or(self.first)
    }

    /// Whether `date` falls in this month.
    pub fn contains(self, date: NaiveDate) -> bool {
        Month::of(date) == self
    }

    /// The following month.
    ///
    /// ```
    /// use wage_arrears::review::Month;
    /// assert_eq!(Month::new(2025, 12)?.next()?, Month::new(2026, 1)?);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidMonth`] after the last month `chrono` can represent.
    pub fn next(self) -> Result<Month, Error> {
        match self.month() {
            12 => {
                let year = self.year().checked_add(1);
                year.map_or_else(
                    || Err(Error::InvalidMonth(format!("{}-13", self.year()))),
                    |y| Month::new(y, 1),
                )
            }
            m => Month::new(self.year(), m + 1),
        }
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

impl FromStr for Month {
    type Err = Error;

    /// Parses `YYYY-MM` (a two-digit month).
    fn from_str(s: &str) -> Result<Month, Error> {
        let bad = || Error::InvalidMonth(s.to_owned());
        let (year, month) = s.rsplit_once('-').ok_or_else(bad)?;
        if month.len() != 2 || !month.bytes().all(|b| b.is_ascii_digit()) || year.is_empty() {
            return Err(bad());
        }
        let year: i32 = year.parse().map_err(|_| bad())?;
        let month: u32 = month.parse().map_err(|_| bad())?;
        Month::new(year, month).map_err(|_| bad())
    }
}

impl TryFrom<String> for Month {
    type Error = Error;
    fn try_from(s: String) -> Result<Month, Error> {
        s.parse()
    }
}

impl From<Month> for String {
    fn from(m: Month) -> String {
        m.to_string()
    }
}

// ── The draw ──────────────────────────────────────────────────────────────────────────────────────────────
//
// A documented, portable 64-bit hash: FNV-1a over the id's UTF-8 bytes, started from a seeded offset, then the
// SplitMix64 finaliser. No `std` hasher is involved (their output may change between Rust releases and
// `RandomState` is randomised per process).

/// FNV-1a 64-bit offset basis (Fowler–Noll–Vo, <http://www.isthe.com/chongo/tech/comp/fnv/>).
const FNV1A_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a 64-bit prime, 2^40 + 2^8 + 0xb3.
const FNV1A_PRIME: u64 = 0x0000_0100_0000_01b3;
/// SplitMix64's increment, ⌊2^64 / φ⌋ (Steele, Lea & Flood 2014; Vigna's `splitmix64.c`).
const SPLITMIX_GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;
/// SplitMix64's first multiplier (Stafford's "Mix13").
const SPLITMIX_M1: u64 = 0xbf58_476d_1ce4_e5b9;
/// SplitMix64's second multiplier.
const SPLITMIX_M2: u64 = 0x94d0_49bb_1331_11eb;

/// SplitMix64 finaliser: `z = x + γ; z = (z ^ z>>30)·M1; z = (z ^ z>>27)·M2; z ^ z>>31` (wrapping).
const fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(SPLITMIX_GAMMA);
    z = (z ^ (z >> 30)).wrapping_mul(SPLITMIX_M1);
    z = (z ^ (z >> 27)).wrapping_mul(SPLITMIX_M2);
    z ^ (z >> 31)
}

/// The key a clue is drawn by: the clues with the smallest keys (ties broken by id) are sampled.
///
/// `draw_key(seed, id) = splitmix64(fnv1a64(FNV1A_OFFSET ^ splitmix64(seed), id.as_bytes()))`, where
/// - `fnv1a64(h, bytes)`: for each byte `b`, `h = (h ^ b) · 0x0000_0100_0000_01b3` (wrapping), starting from `h`;
///   the standard offset basis is `0xcbf2_9ce4_8422_2325`;
/// - `splitmix64(x)`: `z = x + 0x9e37_79b9_7f4a_7c15; z = (z ^ z>>30) · 0xbf58_476d_1ce4_e5b9;
///   z = (z ^ z>>27) · 0x94d0_49bb_1331_11eb; z ^ z>>31` (wrapping).
///
/// It depends only on the seed and the id's bytes: the same on every machine, in every Rust release.
/// It is the crate's one stable hash: the random return-visit draw of [`follow_up`](crate::follow_up) uses it
/// too, under its own fixed seed.
///
/// ```
/// use wage_arrears::review::draw_key;
/// assert_eq!(draw_key(2025, "PDS-2025-0001"), draw_key(2025, "PDS-2025-0001"));
/// assert_ne!(draw_key(2025, "PDS-2025-0001"), draw_key(2026, "PDS-2025-0001"));
/// assert_eq!(draw_key(0, "PDS-2025-0001"), 0xb3f1_e3f7_c969_ffc8); // pinned: portable across machines
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// None: every seed and id have a key.
pub const fn draw_key(seed: u64, clue_id: &str) -> u64 {
    let bytes = clue_id.as_bytes();
    let mut h = FNV1A_OFFSET ^ splitmix64(seed);
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(FNV1A_PRIME);
        i += 1;
    }
    splitmix64(h)
}

/// How many of `n` items a rate selects, rounded as the policy says; never more than `n`.
fn share(rate: Rate, n: usize, rounding: Rounding) -> usize {
    let n64 = u64::try_from(n).unwrap_or(u64::MAX);
    let k = match rounding {
        Rounding::Up => rate.ceil_of(n64),
        Rounding::Down => rate.floor_of(n64),
    };
    usize::try_from(k).unwrap_or(n).min(n)
}

/// The `k` ids with the smallest draw keys (ties by id), returned sorted by id.
fn draw(ids: &[&str], k: usize, seed: u64) -> Vec<String> {
    let mut ranked: Vec<(u64, &str)> = ids.iter().map(|id| (draw_key(seed, id), *id)).collect();
    ranked.sort_unstable();
    let mut picked: Vec<String> = ranked
        .into_iter()
        .take(k)
        .map(|(_, id)| id.to_owned())
        .collect();
    picked.sort_unstable();
    picked
}

/// One clue closed in the month, after merging the copies of its id.
struct Closed<'a> {
    county: &'a str,
    code5: bool,
}

/// The clues closed in `month`, one entry per id: identical copies count once, different records under one id
/// are refused ([`crate::model::distinct_by_id`]).
fn closed_in<'a>(closed: &'a [Clue], month: Month) -> Result<BTreeMap<&'a str, Closed<'a>>, Error> {
    Ok(crate::model::distinct_by_id(closed)?
        .into_iter()
        .filter(|clue| clue.closed_on.is_some_and(|d| month.contains(d)))
        .map(|clue| {
            let entry = Closed {
                county: &clue.county,
                code5: clue.conclusion == Some(Conclusion::Coordinated),
            };
            (clue.id.as_str(), entry)
        })
        .collect())
}

/// The one county all entries share, if they share one.
fn sole_county<'a>(entries: impl Iterator<Item = &'a str>) -> Option<String> {
    let counties: BTreeSet<&str> = entries.collect();
    match (counties.len(), counties.first()) {
        (1, Some(c)) => Some((*c).to_owned()),
        _ => None,
    }
}

/// The city's monthly spot check of one population of closed clues (平人社监察〔2024〕15号 三(四)、四(一)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SpotCheck {
    /// The county, when every clue checked belongs to one; `None` for a mixed or empty population.
    pub county: Option<String>,
    /// The month whose closed clues are checked.
    pub month: Month,
    /// The seed of the draw (publish it with the sample, so anyone can redraw it).
    pub seed: u64,
    /// The last day for the check: `policy.spot_check_due_day` of the following month (R-REV-1, "每月10日前",
    /// on or before, an interpretation).
    pub due_on: NaiveDate,
    /// How many distinct clues were closed in the month.
    pub population: usize,
    /// How many of them have conclusion 5.
    pub code5_population: usize,
    /// The code-5 clues reviewed: every one at the default 100% (`policy.code5_review_rate`), sorted by id.
    pub code5: Vec<String>,
    /// [`RuleId::SpotCheckEveryCode5`] (R-REV-2, 平人社监察〔2024〕15号 三(四)).
    pub code5_rule: RuleId,
    /// How many clues are not code 5 (the population the 5% is drawn from).
    pub others: usize,
    /// The other clues drawn: ⌈`policy.spot_check_rate` × others⌉ (or ⌊⌋ per `policy.spot_check_rounding`),
    /// sorted by id.
    pub sampled: Vec<String>,
    /// [`RuleId::SpotCheckSample`] (R-REV-1, 平人社监察〔2024〕15号 三(四)、四(一)).
    pub sample_rule: RuleId,
}

impl SpotCheck {
    /// Every clue to check, code-5 first, each with the rule that puts it in the check.
    pub fn items(&self) -> impl Iterator<Item = (&str, RuleId)> + '_ {
        let code5 = self.code5.iter().map(|id| (id.as_str(), self.code5_rule));
        code5.chain(
            self.sampled
                .iter()
                .map(|id| (id.as_str(), self.sample_rule)),
        )
    }
}

impl fmt::Display for SpotCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let county = self.county.as_deref().unwrap_or("全市");
        writeln!(
            f,
            "{} {county} 抽查复核：办结 {} 条，应于 {} 前完成（{}）",
            self.month,
            self.population,
            self.due_on,
            self.sample_rule.cited()
        )?;
        writeln!(
            f,
            "  {}：结论为5的 {} 条中复核 {} 条：{}",
            self.code5_rule.cited(),
            self.code5_population,
            self.code5.len(),
            self.code5.join("、")
        )?;
        write!(
            f,
            "  {}：其余 {} 条中抽查 {} 条（种子 {}）：{}",
            self.sample_rule.cited(),
            self.others,
            self.sampled.len(),
            self.seed,
            self.sampled.join("、")
        )
    }
}

/// The city's spot check of the clues closed in `month`: every code-5 clue (R-REV-2) plus a reproducible 5% of
/// the others (R-REV-1), due by the 10th of the following month.
///
/// 抽查复核（平人社监察〔2024〕15号 三(四)）：对办结线索按照5%的比例进行抽查核实，对核处结论为5线索的100%进行复核。
/// （平人社监察〔2024〕15号 四(一)）：每月10日前，市人社局对各地线索按5%比例进行抽查复核。
///
/// The input is one population (pass one county's clues, or use [`spot_checks_by_county`]). Clues closed in
/// another month are ignored; identical copies of a clue count once and two different records under one id are refused.
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::{Clue, Conclusion, Policy, Source};
/// use wage_arrears::review::{spot_check, Month};
///
/// let day = |d| NaiveDate::from_ymd_opt(2025, 3, d).unwrap();
/// let clues: Vec<Clue> = (1..=30)
///     .map(|i| {
///         let mut c = Clue::new(format!("PDS-2025-{i:04}"), Source::MohrssColumn, "叶县", day(1));
///         c.closed_on = Some(day(i % 28 + 1));
///         c.conclusion = Some(if i <= 8 { Conclusion::Coordinated } else { Conclusion::FiledPaid });
///         c
///     })
///     .collect();
/// let check = spot_check(&clues, Month::new(2025, 3)?, 7, &Policy::default())?;
/// assert_eq!(check.code5.len(), 8); // every code-5 clue
/// assert_eq!(check.sampled.len(), 2); // ⌈5% × 22⌉
/// assert_eq!(check.due_on.to_string(), "2025-04-10");
/// assert_eq!(check.county.as_deref(), Some("叶县"));
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// - [`Error::InvalidPolicy`] when the policy does not pass [`Policy::validate`];
/// - [`Error::InvalidMonth`] when the following month is outside `chrono`'s range;
/// - [`Error::ConflictingRecords`] when two different records share a clue id.
pub fn spot_check(
    closed: &[Clue],
    month: Month,
    seed: u64,
    policy: &Policy,
) -> Result<SpotCheck, Error> {
    policy.validate()?;
    let entries = closed_in(closed, month)?;
    check_entries(&entries, month, seed, policy)
}

/// [`spot_check`] for each county separately: each county's 5% is drawn from its own clues closed in `month`
/// ("对各地线索按5%比例进行抽查复核", 平人社监察〔2024〕15号 四(一)), so with rounding up every county with a closed clue gets at
/// least one check. Sorted by county.
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::{Clue, Conclusion, Policy, Source};
/// use wage_arrears::review::{spot_checks_by_county, Month};
///
/// let on = NaiveDate::from_ymd_opt(2025, 6, 18).unwrap();
/// let clue = |id: &str, county: &str| {
///     let mut c = Clue::new(id, Source::Hotline12345, county, on);
///     c.closed_on = Some(on);
///     c.conclusion = Some(Conclusion::NoArrears);
///     c
/// };
/// let clues = [clue("A1", "郏县"), clue("A2", "郏县"), clue("B1", "叶县")];
/// let checks = spot_checks_by_county(&clues, Month::new(2025, 6)?, 1, &Policy::default())?;
/// assert_eq!(checks.len(), 2);
/// assert!(checks.iter().all(|c| c.sampled.len() == 1));
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// As [`spot_check`].
pub fn spot_checks_by_county(
    closed: &[Clue],
    month: Month,
    seed: u64,
    policy: &Policy,
) -> Result<Vec<SpotCheck>, Error> {
    policy.validate()?;
    let mut by_county: BTreeMap<&str, BTreeMap<&str, Closed<'_>>> = BTreeMap::new();
    for (id, entry) in closed_in(closed, month)? {
        by_county.entry(entry.county).or_default().insert(id, entry);
    }
    by_county
        .values()
        .map(|entries| check_entries(entries, month, seed, policy))
        .collect()
}

/// The last day of the review of the clues closed in `month`: day `policy.spot_check_due_day` of the following
/// month (R-REV-1 "每月10日前", on or before the day, an interpretation).
pub(crate) fn review_due_on(month: Month, policy: &Policy) -> Result<NaiveDate, Error> {
    month
        .next()?
        .first_day()
        .with_day(policy.spot_check_due_day)
        .ok_or_else(|| Error::InvalidPolicy {
            field: "spot_check_due_day",
            reason: format!(
                "day {} does not exist in every month",
                policy.spot_check_due_day
            ),
        })
}

fn check_entries(
    entries: &BTreeMap<&str, Closed<'_>>,
    month: Month,
    seed: u64,
    policy: &Policy,
) -> Result<SpotCheck, Error> {
    let due_on = review_due_on(month, policy)?;
    let code5_ids: Vec<&str> = entries
        .iter()
        .filter(|(_, e)| e.code5)
        .map(|(id, _)| *id)
        .collect();
    let other_ids: Vec<&str> = entries
        .iter()
        .filter(|(_, e)| !e.code5)
        .map(|(id, _)| *id)
        .collect();
    // R-REV-2: 对核处结论为5线索的100%进行复核 (policy.code5_review_rate). Always rounded up: a review rate
    // below 100% still reviews a lone code-5 clue, whatever the spot check's rounding.
    let k5 = share(policy.code5_review_rate, code5_ids.len(), Rounding::Up);
    // R-REV-1: 对办结线索按照5%的比例进行抽查核实 (policy.spot_check_rate, rounded per policy), drawn from the
    // clues not already reviewed as code 5 (issue 5: every code-5 clue plus ⌈5% × the others⌉).
    let k = share(
        policy.spot_check_rate,
        other_ids.len(),
        policy.spot_check_rounding,
    );
    Ok(SpotCheck {
        county: sole_county(entries.values().map(|e| e.county)),
        month,
        seed,
        due_on,
        population: entries.len(),
        code5_population: code5_ids.len(),
        code5: draw(&code5_ids, k5, seed),
        code5_rule: RuleId::SpotCheckEveryCode5,
        others: other_ids.len(),
        sampled: draw(&other_ids, k, seed),
        sample_rule: RuleId::SpotCheckSample,
    })
}

/// A county's monthly self-review set (自查复核, R-REV-3): every code-5 clue closed in the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SelfReview {
    /// The county, when every clue belongs to one.
    pub county: Option<String>,
    /// The month.
    pub month: Month,
    /// The code-5 clues closed in the month, sorted by id.
    pub clue_ids: Vec<String>,
    /// [`RuleId::MonthlySelfReview`] (R-REV-3, 平人社监察〔2024〕15号 四(一)).
    pub rule: RuleId,
}

/// The county's own monthly self-review: every code-5 clue closed in `month`.
///
/// 自查复核（平人社监察〔2024〕15号 四(一)）：以后每月对平台线索进行自查复核一次，对核处结论为5线索的100%进行复核。
///
/// The 100% here is the county's duty as the clause states it; the city's own rate is
/// `policy.code5_review_rate`, applied by [`spot_check`].
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::{Clue, Conclusion, Source};
/// use wage_arrears::review::{self_review, Month};
///
/// let on = NaiveDate::from_ymd_opt(2025, 6, 18).unwrap();
/// let mut a = Clue::new("A1", Source::GovCnMessage, "郏县", on);
/// a.closed_on = Some(on);
/// a.conclusion = Some(Conclusion::Coordinated);
/// let mut b = a.clone();
/// b.id = "A2".into();
/// b.conclusion = Some(Conclusion::NoArrears);
/// let set = self_review(&[b, a.clone(), a], Month::new(2025, 6)?)?;
/// assert_eq!(set.clue_ids, ["A1"]);
/// assert_eq!(set.rule.code(), "R-REV-3");
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// [`Error::ConflictingRecords`] when two different records share a clue id.
pub fn self_review(closed: &[Clue], month: Month) -> Result<SelfReview, Error> {
    let entries = closed_in(closed, month)?;
    let code5: Vec<(&str, &Closed<'_>)> = entries
        .iter()
        .filter(|(_, e)| e.code5)
        .map(|(id, e)| (*id, e))
        .collect();
    Ok(SelfReview {
        county: sole_county(code5.iter().map(|(_, e)| e.county)),
        month,
        clue_ids: code5.iter().map(|(id, _)| (*id).to_owned()).collect(),
        rule: RuleId::MonthlySelfReview,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Source;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn closed(id: &str, county: &str, on: NaiveDate, c: Conclusion) -> Clue {
        let mut clue = Clue::new(id, Source::MohrssColumn, county, on);
        clue.closed_on = Some(on);
        clue.conclusion = Some(c);
        clue
    }

    #[test]
    fn fnv1a_and_splitmix_match_their_published_vectors() {
        // FNV-1a 64 of "" is the offset basis; of "a" it is 0xaf63dc4c8601ec8c (FNV test suite).
        let fnv = |bytes: &[u8]| {
            bytes.iter().fold(FNV1A_OFFSET, |h, b| {
                (h ^ u64::from(*b)).wrapping_mul(FNV1A_PRIME)
            })
        };
        assert_eq!(fnv(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv(b"foobar"), 0x8594_4171_f739_67e8);
        // SplitMix64 seeded with 0 yields 0xe220a8397b1dcdaf first (Vigna's splitmix64.c).
        assert_eq!(splitmix64(0), 0xe220_a839_7b1d_cdaf);
    }

    #[test]
    fn months_parse_and_print_as_year_dash_month() {
        for text in ["2025-01", "2025-12", "2024-02"] {
            assert_eq!(
                text.parse::<Month>().map(|m| m.to_string()),
                Ok(text.to_owned())
            );
        }
        for bad in [
            "2025-1", "2025-00", "2025-13", "202501", "-01", "2025-1a", "",
        ] {
            assert!(bad.parse::<Month>().is_err(), "{bad}");
        }
        assert_eq!(Month::new(2024, 2).unwrap().last_day(), date(2024, 2, 29));
        assert_eq!(
            serde_json::to_string(&Month::new(2025, 3).unwrap()).unwrap(),
            "\"2025-03\""
        );
    }

    #[test]
    fn the_last_month_chrono_knows_has_no_next() {
        let last = Month::of(NaiveDate::MAX);
        assert!(last.next().is_err());
    }

    #[test]
    fn a_clue_closed_outside_the_month_is_not_in_its_check() {
        let clues = [
            closed("A", "叶县", date(2025, 2, 28), Conclusion::Coordinated),
            closed("B", "叶县", date(2025, 3, 1), Conclusion::Coordinated),
            closed("C", "叶县", date(2025, 4, 1), Conclusion::Coordinated),
        ];
        let check =
            spot_check(&clues, Month::new(2025, 3).unwrap(), 1, &Policy::default()).unwrap();
        assert_eq!(check.code5, ["B"]);
        assert_eq!(check.population, 1);
    }

    #[test]
    fn a_clue_listed_twice_with_conflicting_conclusions_is_refused_in_either_order() {
        let on = date(2025, 3, 5);
        let a = closed("A", "叶县", on, Conclusion::NoArrears);
        let b = closed("A", "叶县", on, Conclusion::Coordinated);
        let p = Policy::default();
        let m = Month::new(2025, 3).unwrap();
        let want = Error::ConflictingRecords {
            ids: vec!["A".into()],
        };
        assert_eq!(
            spot_check(&[a.clone(), b.clone()], m, 1, &p),
            Err(want.clone())
        );
        assert_eq!(
            spot_check(&[b.clone(), a.clone()], m, 1, &p),
            Err(want.clone())
        );
        assert_eq!(self_review(&[b, a.clone()], m), Err(want));
        // Identical copies are one clue.
        let x = spot_check(&[a.clone(), a], m, 1, &p).unwrap();
        assert_eq!(x.population, 1);
    }

    #[test]
    fn rounding_down_draws_nothing_from_fewer_than_twenty() {
        let p = Policy {
            spot_check_rounding: Rounding::Down,
            ..Policy::default()
        };
        let clues: Vec<Clue> = (0..19)
            .map(|i| {
                closed(
                    &format!("X{i}"),
                    "郏县",
                    date(2025, 5, 2),
                    Conclusion::FiledPaid,
                )
            })
            .collect();
        let check = spot_check(&clues, Month::new(2025, 5).unwrap(), 9, &p).unwrap();
        assert!(check.sampled.is_empty());
        assert_eq!(check.others, 19);
    }

    #[test]
    fn an_invalid_policy_is_refused() {
        let p = Policy {
            spot_check_due_day: 31,
            ..Policy::default()
        };
        let err = spot_check(&[], Month::new(2025, 1).unwrap(), 0, &p).unwrap_err();
        assert!(err.to_string().contains("spot_check_due_day"), "{err}");
    }

    #[test]
    fn a_mixed_population_names_no_county() {
        let on = date(2025, 7, 7);
        let clues = [
            closed("A", "叶县", on, Conclusion::FiledPaid),
            closed("B", "郏县", on, Conclusion::FiledPaid),
        ];
        let check = spot_check(&clues, Month::of(on), 0, &Policy::default()).unwrap();
        assert_eq!(check.county, None);
        assert_eq!(check.items().count(), 1);
    }
}
