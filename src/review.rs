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
//! - The sample is drawn by ranking clues on [`draw_key`]`(seed, id)` = HMAC-SHA256(seed, id) (as 32-byte
//!   big-endian numbers, ties broken by id) and taking the first `k`: the same clues and [`Seed`] give the same
//!   sample on every machine, in every order of input, and without the seed nobody can tell which clues it picks.
//! - [`spot_check`] treats its input as one population; [`spot_checks_by_county`] draws each county's 5% from its
//!   own clues ("对各地线索按5%比例", so every county with a closed clue gets at least one check when the share
//!   rounds up). See the [interpretations](crate::interpretations).
//! - The by-county answers ([`spot_checks_by_county`], [`self_reviews_by_county`], and their `…_for_months` forms
//!   for several months at once) read their input once, through a [`LedgerIndex`]:
//!   the ids merged, each clue filed under its county (and month) once by a counting sort on the county's
//!   number, then each county drawn from its own clues; the cost per clue does not grow with the number of
//!   counties. An index built once serves every month and every rollup
//!   ([`LedgerIndex::spot_checks_by_county_for_months`], …).
//!
//! # The protocol: commit, reveal, verify
//!
//! 1. Before the month ends, the city draws a [`Seed`] of 32 random bytes from its operating system and publishes
//!    only [`Seed::commitment`] (the SHA-256 of the seed, in hex); the seed stays secret.
//! 2. After the month's closed clues are final, it runs [`spot_check`] (or [`spot_checks_by_county`]) with the
//!    seed; each [`SpotCheck`] records the commitment, not the seed.
//! 3. It publishes the checks, then reveals the seed.
//! 4. Anyone runs [`verify_spot_check`] with the clues, the policy, the commitment and the seed: it is `Ok` only
//!    when the seed opens the commitment and the sample is exactly what the seed draws.
//! 5. A county cannot predict its sample (the draw is keyed by a seed it does not know), and the city cannot
//!    steer it (it committed to the seed before the clues were final, and another seed does not open the
//!    commitment).

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use sha2::{Digest, Sha256};

use crate::keyed::Keyed;

use crate::policy::Rounding;
use crate::rollup::LedgerIndex;
use crate::units::count_u64;
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
// HMAC-SHA256 (RFC 2104 over FIPS 180-4 SHA-256) keyed by the 32-byte seed, over the clue id's UTF-8 bytes.
// No `std` hasher is involved (their output may change between Rust releases and `RandomState` is randomised
// per process), and no one can compute a key without the seed. A `Seed` carries its key's two padded blocks
// already hashed (`Keyed`), so each id costs two SHA-256 compressions.

/// HMAC-SHA256 (RFC 2104) with a key of at most 32 bytes, zero-padded (the seeds' length).
#[cfg(test)]
fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut k = [0u8; 32];
    for (b, x) in k.iter_mut().zip(key) {
        *b = *x;
    }
    Keyed::new(&k).mac(message)
}

/// Lowercase hexadecimal of bytes.
fn hex(bytes: &[u8]) -> String {
    use fmt::Write as _;
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        // Writing to a String cannot fail.
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// The secret of one draw: 32 random bytes, chosen by the city and committed to before the month's clues are
/// final, so that the sample can be neither predicted by a county nor steered by the city.
///
/// Written as exactly 64 hexadecimal digits (either case when read, lowercase when written, in JSON too).
/// Its [commitment](Seed::commitment) is the lowercase hex SHA-256 of the 32 bytes: publish the commitment
/// before the month ends, reveal the seed after the draw, and anyone can check both (see the
/// [module docs](self#the-protocol-commit-reveal-verify)).
///
/// ```
/// use wage_arrears::review::Seed;
/// let seed: Seed = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f".parse()?;
/// assert_eq!(seed.to_string(), "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
/// assert_eq!(
///     seed.commitment(),
///     "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd"
/// );
/// assert!("00".parse::<Seed>().is_err());
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// A seed keeps its HMAC key's two padded blocks hashed (computed once, when it is made, even in a `const`), so
/// each id it draws costs two SHA-256 compressions instead of four. Two seeds are equal when their bytes are.
/// `Debug` shows only the commitment, so that a policy written to a log does not give the seed away.
#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Seed {
    bytes: [u8; 32],
    /// HMAC-SHA256 under `bytes`, its padded key blocks hashed (a function of `bytes` alone).
    keyed: Keyed,
}

impl Seed {
    /// The seed made of these 32 bytes (from the operating system's random source, for a real draw).
    pub const fn from_bytes(bytes: [u8; 32]) -> Seed {
        Seed {
            bytes,
            keyed: Keyed::new(&bytes),
        }
    }

    /// The 32 bytes.
    pub const fn as_bytes(&self) -> &[u8; 32] {
        &self.bytes
    }

    /// The commitment to publish before the draw: the lowercase hexadecimal SHA-256 of the 32 bytes (64
    /// digits). It tells nothing of the seed, and no other seed has it.
    pub fn commitment(&self) -> String {
        hex(&Sha256::digest(self.bytes))
    }

    /// HMAC-SHA256 of `message` keyed by the seed ([`draw_key`] of an id).
    pub(crate) fn mac(&self, message: &[u8]) -> [u8; 32] {
        self.keyed.mac(message)
    }
}

impl PartialEq for Seed {
    fn eq(&self, other: &Seed) -> bool {
        self.bytes == other.bytes
    }
}

impl Eq for Seed {}

impl std::hash::Hash for Seed {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.bytes.hash(state);
    }
}

impl fmt::Display for Seed {
    /// The 64 lowercase hexadecimal digits.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex(&self.bytes))
    }
}

impl fmt::Debug for Seed {
    /// The commitment only (`Seed { commitment: "630d…", .. }`): a policy or a spot check written to a log with
    /// `{:?}` does not reveal the seed before the draw. `Display` and serialisation write the seed itself.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Seed")
            .field("commitment", &self.commitment())
            .finish_non_exhaustive()
    }
}

impl FromStr for Seed {
    type Err = Error;

    /// Reads exactly 64 hexadecimal digits (either case); anything else is [`Error::InvalidSeed`] naming the text.
    fn from_str(s: &str) -> Result<Seed, Error> {
        let bad = || Error::InvalidSeed(s.to_owned());
        let digits = s.as_bytes();
        if digits.len() != 64 {
            return Err(bad());
        }
        let nibble = |c: u8| {
            char::from(c)
                .to_digit(16)
                .and_then(|d| u8::try_from(d).ok())
        };
        let mut bytes = [0u8; 32];
        for (byte, pair) in bytes.iter_mut().zip(digits.chunks_exact(2)) {
            let (hi, lo) = match pair {
                [hi, lo] => (nibble(*hi), nibble(*lo)),
                _ => (None, None),
            };
            *byte = (hi.ok_or_else(bad)? << 4) | lo.ok_or_else(bad)?;
        }
        Ok(Seed::from_bytes(bytes))
    }
}

impl From<[u8; 32]> for Seed {
    fn from(bytes: [u8; 32]) -> Seed {
        Seed::from_bytes(bytes)
    }
}

impl TryFrom<String> for Seed {
    type Error = Error;
    fn try_from(s: String) -> Result<Seed, Error> {
        s.parse()
    }
}

impl From<Seed> for String {
    fn from(s: Seed) -> String {
        s.to_string()
    }
}

/// The key a clue is drawn by: the clues with the smallest keys (compared as 32-byte big-endian numbers, ties
/// broken by id) are sampled.
///
/// `draw_key(seed, id) = HMAC-SHA256(key = the seed's 32 bytes, message = the id's UTF-8 bytes)` (RFC 2104 with
/// SHA-256, FIPS 180-4). Anyone can recompute it once the seed is revealed, for instance in Python:
/// `hmac.new(bytes.fromhex(seed_hex), id.encode("utf-8"), hashlib.sha256).digest()`; or with OpenSSL:
/// `printf %s "$ID" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$SEED`.
///
/// It depends only on the seed and the id's bytes: the same on every machine, in every Rust release. Without
/// the seed it cannot be predicted, so the ids a county controls tell it nothing about its sample. The random
/// return-visit draw of [`follow_up`](crate::follow_up) uses it too, under `policy.random_return_visit_seed`.
///
/// ```
/// use wage_arrears::review::{draw_key, Seed};
/// let seed = Seed::from_bytes([0; 32]);
/// assert_eq!(draw_key(&seed, "PDS-2025-0001"), draw_key(&seed, "PDS-2025-0001"));
/// assert_ne!(draw_key(&seed, "PDS-2025-0001"), draw_key(&Seed::from_bytes([1; 32]), "PDS-2025-0001"));
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// None: every seed and id have a key.
pub fn draw_key(seed: &Seed, clue_id: &str) -> [u8; 32] {
    seed.mac(clue_id.as_bytes())
}

/// How many of `n` items a rate selects, rounded as the policy says; never more than `n`.
fn share(rate: Rate, n: usize, rounding: Rounding) -> Result<usize, Error> {
    let n64 = count_u64(n, "clues")?;
    let k = match rounding {
        Rounding::Up => rate.ceil_of(n64)?,
        Rounding::Down => rate.floor_of(n64)?,
    };
    // k ≤ n for a rate ≤ 100% (Policy::validate); a larger rate is refused, never clamped to n.
    usize::try_from(k)
        .ok()
        .filter(|&k| k <= n)
        .ok_or_else(|| crate::units::overflow(format_args!("drawing {k} of {n} clues at {rate}")))
}

/// The `k` ids with the smallest draw keys (ties by id), returned sorted by id (the seed's pads are hashed
/// already: two compressions per id). When all the ids are drawn no key is computed (the `k` smallest of `k` ids are all of them);
/// otherwise the `k` smallest keys are selected without sorting the others.
fn draw_keyed(ids: &[&str], k: usize, seed: &Seed) -> Vec<String> {
    let mut picked: Vec<&str> = if k == 0 {
        Vec::new()
    } else if k >= ids.len() {
        ids.to_vec()
    } else {
        let mut ranked: Vec<([u8; 32], &str)> = ids
            .iter()
            .map(|id| (seed.mac(id.as_bytes()), *id))
            .collect();
        // k − 1 < ids.len(): the selection cannot go out of bounds.
        ranked.select_nth_unstable(k - 1);
        ranked.into_iter().take(k).map(|(_, id)| id).collect()
    };
    picked.sort_unstable();
    picked.into_iter().map(str::to_owned).collect()
}

/// One clue closed in the month, after merging the copies of its id.
#[derive(Clone, Copy)]
struct Closed<'a> {
    id: &'a str,
    county: &'a str,
    code5: bool,
}

/// The clues closed in `month`, one entry per id, in no particular order: identical copies count once, different
/// records under one id are refused ([`crate::model::distinct_by_id`]).
fn closed_in(closed: &[Clue], month: Month) -> Result<Vec<Closed<'_>>, Error> {
    Ok(closed_in_months(closed, [month])?
        .remove(&month)
        .unwrap_or_default())
}

/// The clues closed in each of `months`, one entry per id, filed under their month: the ids are merged once
/// ([`crate::model::distinct_by_id`]'s rule, on sorted fingerprints) and each clue is filed once.
fn closed_in_months(
    closed: &[Clue],
    months: impl IntoIterator<Item = Month>,
) -> Result<HashMap<Month, Vec<Closed<'_>>>, Error> {
    let mut by_month: HashMap<Month, Vec<Closed<'_>>> =
        months.into_iter().map(|m| (m, Vec::new())).collect();
    for clue in crate::model::distinct_unordered(closed)? {
        if let Some(day) = clue.closed_on
            && let Some(entries) = by_month.get_mut(&Month::of(day))
        {
            entries.push(Closed {
                id: &clue.id,
                county: &clue.county,
                code5: clue.conclusion == Some(Conclusion::Coordinated),
            });
        }
    }
    Ok(by_month)
}

/// The one county all entries share, if they share one.
fn sole_county<'a>(mut entries: impl Iterator<Item = &'a str>) -> Option<String> {
    let first = entries.next()?;
    entries.all(|c| c == first).then(|| first.to_owned())
}

/// The city's monthly spot check of one population of closed clues (平人社监察〔2024〕15号 三(四)、四(一)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SpotCheck {
    /// The county, when every clue checked belongs to one; `None` for a mixed or empty population.
    pub county: Option<String>,
    /// The month whose closed clues are checked.
    pub month: Month,
    /// The commitment of the seed the sample was drawn with ([`Seed::commitment`]): published before the month
    /// ended; the seed itself is revealed after the draw, and [`verify_spot_check`] checks both.
    pub commitment: String,
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
            "  {}：其余 {} 条中抽查 {} 条（种子承诺 {}）：{}",
            self.sample_rule.cited(),
            self.others,
            self.sampled.len(),
            self.commitment,
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
/// use wage_arrears::review::{spot_check, Month, Seed};
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
/// let seed: Seed = "5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed".parse()?;
/// let check = spot_check(&clues, Month::new(2025, 3)?, &seed, &Policy::default())?;
/// assert_eq!(check.code5.len(), 8); // every code-5 clue
/// assert_eq!(check.sampled.len(), 2); // ⌈5% × 22⌉
/// assert_eq!(check.due_on.to_string(), "2025-04-10");
/// assert_eq!(check.county.as_deref(), Some("叶县"));
/// assert_eq!(check.commitment, seed.commitment()); // the check records the commitment, not the seed
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// - [`Error::InvalidPolicy`] when the policy does not pass [`Policy::validate`];
/// - [`Error::InvalidMonth`] when the following month is outside `chrono`'s range;
/// - [`Error::ConflictingRecords`] when two different records share a clue id;
/// - [`Error::Overflow`] when a count does not fit (not on any input a 64-bit machine can hold).
pub fn spot_check(
    closed: &[Clue],
    month: Month,
    seed: &Seed,
    policy: &Policy,
) -> Result<SpotCheck, Error> {
    policy.validate()?;
    check_entries(&closed_in(closed, month)?, month, seed, policy)
}

/// [`spot_check`] for each county separately: each county's 5% is drawn from its own clues closed in `month`
/// ("对各地线索按5%比例进行抽查复核", 平人社监察〔2024〕15号 四(一)), so with rounding up every county with a closed clue gets at
/// least one check. Sorted by county.
///
/// One pass over the input: the clues are merged by id and filed under their county once, then each county is
/// drawn from its own clues, so the cost per clue does not grow with the number of counties. Each county's check
/// is exactly [`spot_check`] of that county's clues.
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::{Clue, Conclusion, Policy, Source};
/// use wage_arrears::review::{spot_checks_by_county, Month, Seed};
///
/// let on = NaiveDate::from_ymd_opt(2025, 6, 18).unwrap();
/// let clue = |id: &str, county: &str| {
///     let mut c = Clue::new(id, Source::Hotline12345, county, on);
///     c.closed_on = Some(on);
///     c.conclusion = Some(Conclusion::NoArrears);
///     c
/// };
/// let clues = [clue("A1", "郏县"), clue("A2", "郏县"), clue("B1", "叶县")];
/// let seed = Seed::from_bytes([7; 32]);
/// let checks = spot_checks_by_county(&clues, Month::new(2025, 6)?, &seed, &Policy::default())?;
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
    seed: &Seed,
    policy: &Policy,
) -> Result<Vec<SpotCheck>, Error> {
    policy.validate()?;
    LedgerIndex::new(closed)?.spot_checks_by_county(month, seed, policy)
}

/// Checks a published spot check against the seed revealed after it: `Ok` only when the seed is the one
/// committed to and the check is exactly what that seed draws from `closed`.
///
/// The third step of the protocol ([module docs](self#the-protocol-commit-reveal-verify)): anyone holding the
/// month's closed clues, the policy, the commitment published before the month ended and the seed revealed after
/// the draw can run it. The redraw covers the clues closed in `check.month`; for a county's check
/// (`check.county` is set, as [`spot_checks_by_county`] makes them) only that county's clues, so one city-wide
/// ledger verifies every county's check. Commitments compare without regard to the case of their hex digits.
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::{Clue, Conclusion, Error, Policy, Source};
/// use wage_arrears::review::{spot_check, verify_spot_check, Month, Seed};
///
/// let on = NaiveDate::from_ymd_opt(2025, 6, 18).unwrap();
/// let clues: Vec<Clue> = (1..=40)
///     .map(|i| {
///         let mut c = Clue::new(format!("JX-{i:03}"), Source::Hotline12345, "郏县", on);
///         c.closed_on = Some(on);
///         c.conclusion = Some(Conclusion::NoArrears);
///         c
///     })
///     .collect();
/// let policy = Policy::default();
/// // Before the month ends the city publishes the commitment; after it, it draws and reveals the seed.
/// let seed = Seed::from_bytes([42; 32]);
/// let published = seed.commitment();
/// let check = spot_check(&clues, Month::new(2025, 6)?, &seed, &policy)?;
/// verify_spot_check(&check, &clues, &seed, &published, &policy)?;
///
/// // Another seed does not open the commitment.
/// let other = Seed::from_bytes([43; 32]);
/// let err = verify_spot_check(&check, &clues, &other, &published, &policy).unwrap_err();
/// assert!(matches!(err, Error::SeedCommitmentMismatch { .. }));
/// // A sample swapped by hand is caught, naming the ids.
/// let mut forged = check.clone();
/// forged.sampled = vec!["JX-001".into(), "JX-002".into()];
/// let err = verify_spot_check(&forged, &clues, &seed, &published, &policy).unwrap_err();
/// assert!(matches!(err, Error::SpotCheckSampleMismatch { field: "sampled", .. }));
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// Each failure is its own variant, checked in this order:
/// - [`Error::SeedCommitmentMismatch`] when the seed's SHA-256 is not `commitment`;
/// - [`Error::CheckCommitmentMismatch`] when the check records another commitment;
/// - as [`spot_check`] when the redraw itself fails ([`Error::InvalidPolicy`], [`Error::ConflictingRecords`], …);
/// - [`Error::SpotCheckPopulationMismatch`] when `population`, `code5_population` or `others` differs;
/// - [`Error::SpotCheckSampleMismatch`] when `code5` or `sampled` lists other ids than the redraw, naming the
///   missing and the extra ones;
/// - [`Error::SpotCheckFieldMismatch`] when the lists hold the right ids in another order or the county, the
///   due day or a rule differs.
pub fn verify_spot_check(
    check: &SpotCheck,
    closed: &[Clue],
    seed: &Seed,
    commitment: &str,
    policy: &Policy,
) -> Result<(), Error> {
    let computed = seed.commitment();
    if !computed.eq_ignore_ascii_case(commitment) {
        return Err(Error::SeedCommitmentMismatch {
            published: commitment.to_owned(),
            computed,
        });
    }
    if !check.commitment.eq_ignore_ascii_case(commitment) {
        return Err(Error::CheckCommitmentMismatch {
            recorded: check.commitment.clone(),
            published: commitment.to_owned(),
        });
    }
    policy.validate()?;
    let mut entries = closed_in(closed, check.month)?;
    if let Some(county) = &check.county {
        entries.retain(|e| e.county == county);
    }
    let redrawn = check_entries(&entries, check.month, seed, policy)?;
    for (field, recorded, again) in [
        ("population", check.population, redrawn.population),
        (
            "code5_population",
            check.code5_population,
            redrawn.code5_population,
        ),
        ("others", check.others, redrawn.others),
    ] {
        if recorded != again {
            return Err(Error::SpotCheckPopulationMismatch {
                field,
                recorded,
                redrawn: again,
            });
        }
    }
    for (field, recorded, again) in [
        ("code5", &check.code5, &redrawn.code5),
        ("sampled", &check.sampled, &redrawn.sampled),
    ] {
        if recorded != again {
            let (missing, extra) = multiset_difference(again, recorded);
            if missing.is_empty() && extra.is_empty() {
                return Err(Error::SpotCheckFieldMismatch {
                    field,
                    recorded: recorded.join(", "),
                    redrawn: again.join(", "),
                });
            }
            return Err(Error::SpotCheckSampleMismatch {
                field,
                missing,
                extra,
            });
        }
    }
    let shown = |c: &Option<String>| c.clone().unwrap_or_else(|| "none".to_owned());
    for (field, recorded, again) in [
        ("county", shown(&check.county), shown(&redrawn.county)),
        (
            "due_on",
            check.due_on.to_string(),
            redrawn.due_on.to_string(),
        ),
        (
            "code5_rule",
            check.code5_rule.to_string(),
            redrawn.code5_rule.to_string(),
        ),
        (
            "sample_rule",
            check.sample_rule.to_string(),
            redrawn.sample_rule.to_string(),
        ),
    ] {
        if recorded != again {
            return Err(Error::SpotCheckFieldMismatch {
                field,
                recorded,
                redrawn: again,
            });
        }
    }
    Ok(())
}

/// The ids `want` lists more often than `got` (missing) and those `got` lists more often than `want` (extra),
/// each in id order.
fn multiset_difference(want: &[String], got: &[String]) -> (Vec<String>, Vec<String>) {
    let mut balance: BTreeMap<&str, i128> = BTreeMap::new();
    for id in want {
        *balance.entry(id.as_str()).or_default() += 1;
    }
    for id in got {
        *balance.entry(id.as_str()).or_default() -= 1;
    }
    let missing = balance
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(id, _)| (*id).to_owned())
        .collect();
    let extra = balance
        .iter()
        .filter(|(_, n)| **n < 0)
        .map(|(id, _)| (*id).to_owned())
        .collect();
    (missing, extra)
}

/// [`spot_checks_by_county`] for several months at once: for each `(month, seed)` of `draws` (each month its own
/// committed seed), in that order, every
/// county's check of the clues closed in that month (sorted by county), each exactly what
/// [`spot_checks_by_county`]`(closed, month, seed, policy)` gives. The ids are merged once for all the months and
/// each clue is filed under its month and county once, so a year of checks reads the ledger once instead of twelve
/// times.
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::{Clue, Conclusion, Policy, Source};
/// use wage_arrears::review::{spot_checks_by_county, spot_checks_by_county_for_months, Month, Seed};
///
/// let clue = |id: &str, county: &str, m| {
///     let on = NaiveDate::from_ymd_opt(2025, m, 18).unwrap();
///     let mut c = Clue::new(id, Source::Hotline12345, county, on);
///     c.closed_on = Some(on);
///     c.conclusion = Some(Conclusion::NoArrears);
///     c
/// };
/// let clues = [clue("A1", "郏县", 5), clue("A2", "郏县", 6), clue("B1", "叶县", 6)];
/// let policy = Policy::default();
/// let (may, june) = (Seed::from_bytes([11; 32]), Seed::from_bytes([12; 32]));
/// let draws = [(Month::new(2025, 5)?, &may), (Month::new(2025, 6)?, &june)];
/// let year = spot_checks_by_county_for_months(&clues, draws, &policy)?;
/// let rows: Vec<(String, Option<&str>)> =
///     year.iter().map(|c| (c.month.to_string(), c.county.as_deref())).collect();
/// assert_eq!(rows, [("2025-05".into(), Some("郏县")), ("2025-06".into(), Some("叶县")), ("2025-06".into(), Some("郏县"))]);
/// assert_eq!(year[1..], spot_checks_by_county(&clues, Month::new(2025, 6)?, &june, &policy)?[..]);
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// As [`spot_check`].
pub fn spot_checks_by_county_for_months<'s>(
    closed: &[Clue],
    draws: impl IntoIterator<Item = (Month, &'s Seed)>,
    policy: &Policy,
) -> Result<Vec<SpotCheck>, Error> {
    policy.validate()?;
    LedgerIndex::new(closed)?.spot_checks_by_county_for_months(draws, policy)
}

/// [`self_reviews_by_county`] for several months at once: for each month of `months`, in that order, every
/// county's self-review set (sorted by county), each exactly what [`self_reviews_by_county`]`(closed, month)`
/// gives; the ids merged once for all the months.
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::{Clue, Conclusion, Source};
/// use wage_arrears::review::{self_reviews_by_county_for_months, Month};
///
/// let clue = |id: &str, m| {
///     let on = NaiveDate::from_ymd_opt(2025, m, 18).unwrap();
///     let mut c = Clue::new(id, Source::GovCnMessage, "郏县", on);
///     c.closed_on = Some(on);
///     c.conclusion = Some(Conclusion::Coordinated);
///     c
/// };
/// let clues = [clue("A1", 5), clue("A2", 6), clue("A3", 6)];
/// let months = (1..=12).map(|m| Month::new(2025, m)).collect::<Result<Vec<_>, _>>()?;
/// let sets = self_reviews_by_county_for_months(&clues, months)?;
/// let sizes: Vec<(String, usize)> = sets.iter().map(|s| (s.month.to_string(), s.clue_ids.len())).collect();
/// assert_eq!(sizes, [("2025-05".to_owned(), 1), ("2025-06".to_owned(), 2)]);
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// [`Error::ConflictingRecords`] when two different records share a clue id.
pub fn self_reviews_by_county_for_months(
    closed: &[Clue],
    months: impl IntoIterator<Item = Month>,
) -> Result<Vec<SelfReview>, Error> {
    LedgerIndex::new(closed)?.self_reviews_by_county_for_months(months)
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

/// The check of one population: `entries` one per id, in any order (the draw ranks them itself).
fn check_entries(
    entries: &[Closed<'_>],
    month: Month,
    seed: &Seed,
    policy: &Policy,
) -> Result<SpotCheck, Error> {
    let draw = Draw::new(month, seed, policy)?;
    let code5_ids: Vec<&str> = entries.iter().filter(|e| e.code5).map(|e| e.id).collect();
    let other_ids: Vec<&str> = entries.iter().filter(|e| !e.code5).map(|e| e.id).collect();
    draw.check(
        sole_county(entries.iter().map(|e| e.county)),
        &code5_ids,
        &other_ids,
        policy,
    )
}

/// What one month's draw shares among its populations: the month, its due day, the seed and its commitment.
struct Draw {
    month: Month,
    due_on: NaiveDate,
    commitment: String,
    seed: Seed,
}

impl Draw {
    /// The month's draw under `seed`: its due day (R-REV-1, `policy.spot_check_due_day`) and the seed's commitment.
    ///
    /// # Errors
    /// As [`review_due_on`].
    fn new(month: Month, seed: &Seed, policy: &Policy) -> Result<Draw, Error> {
        Ok(Draw {
            month,
            due_on: review_due_on(month, policy)?,
            commitment: seed.commitment(),
            seed: *seed,
        })
    }

    /// The check of one population, split into its code-5 ids and the others (one per id, in any order).
    fn check(
        &self,
        county: Option<String>,
        code5_ids: &[&str],
        other_ids: &[&str],
        policy: &Policy,
    ) -> Result<SpotCheck, Error> {
        // R-REV-2: 对核处结论为5线索的100%进行复核 (policy.code5_review_rate). Always rounded up: a review rate
        // below 100% still reviews a lone code-5 clue, whatever the spot check's rounding.
        let k5 = share(policy.code5_review_rate, code5_ids.len(), Rounding::Up)?;
        // R-REV-1: 对办结线索按照5%的比例进行抽查核实 (policy.spot_check_rate, rounded per policy), drawn from the
        // clues not already reviewed as code 5 (issue 5: every code-5 clue plus ⌈5% × the others⌉).
        let k = share(
            policy.spot_check_rate,
            other_ids.len(),
            policy.spot_check_rounding,
        )?;
        Ok(SpotCheck {
            county,
            month: self.month,
            commitment: self.commitment.clone(),
            due_on: self.due_on,
            population: code5_ids.len() + other_ids.len(),
            code5_population: code5_ids.len(),
            code5: draw_keyed(code5_ids, k5, &self.seed),
            code5_rule: RuleId::SpotCheckEveryCode5,
            others: other_ids.len(),
            sampled: draw_keyed(other_ids, k, &self.seed),
            sample_rule: RuleId::SpotCheckSample,
        })
    }
}

/// The distinct clues of an index closed in each of some months, grouped by month, county and whether their
/// conclusion is 5: a counting sort on the key `((month's position × counties) + county) × 2 + code5`, so that a
/// county's code-5 clues and its others lie side by side, each in the order of the input.
struct ClosedGroups {
    /// The months asked, sorted, each once.
    months: Vec<Month>,
    /// How many counties the index numbers.
    counties: usize,
    /// The positions (in the input) of the clues, ordered by key.
    positions: Vec<u32>,
    /// Where each key's positions start: one entry per key and one past the last (when the keys are few next to
    /// the clues), or the key of each position (when they are not: then a group is found by binary search).
    bounds: Bounds,
}

/// [`ClosedGroups::bounds`].
enum Bounds {
    /// `positions[starts[k]..starts[k + 1]]` holds key `k`.
    Starts(Vec<usize>),
    /// The key of each of `positions`, sorted.
    Keys(Vec<usize>),
}

impl ClosedGroups {
    /// The distinct rows of `index` closed in `months` (only the code-5 ones when `code5_only`), grouped.
    fn of(
        index: &LedgerIndex<'_>,
        months: impl IntoIterator<Item = Month>,
        code5_only: bool,
    ) -> Result<ClosedGroups, Error> {
        let mut months: Vec<Month> = months.into_iter().collect();
        months.sort_unstable();
        months.dedup();
        let counties = index.counties().len();
        let keys = months
            .len()
            .checked_mul(counties)
            .and_then(|k| k.checked_mul(2))
            .ok_or_else(|| {
                crate::units::overflow(format_args!(
                    "{} months × {counties} counties × 2",
                    months.len()
                ))
            })?;
        let span = months.first().zip(months.last());
        let key_of = |row: &crate::rollup::Row| -> Option<usize> {
            let (first, last) = span?;
            let day = row
                .closed_on
                .filter(|&d| first.first_day() <= d && d <= last.last_day())?;
            let code5 = row.conclusion == Some(Conclusion::Coordinated);
            if code5_only && !code5 {
                return None;
            }
            let slot = months.binary_search(&Month::of(day)).ok()?;
            let county = usize::try_from(row.county).ok()?;
            slot.checked_mul(counties)?
                .checked_add(county)?
                .checked_mul(2)?
                .checked_add(usize::from(code5))
        };
        // Few keys next to the clues: count each key, then place each clue (two passes over the compact rows, no
        // list of keys kept). Many keys: sort the (key, position) pairs instead.
        if keys <= index.len().saturating_mul(4).max(1 << 16) {
            let mut starts = vec![0usize; keys.saturating_add(1)];
            for row in index.distinct_rows() {
                if let Some(n) = key_of(row).and_then(|k| starts.get_mut(k.saturating_add(1))) {
                    *n += 1;
                }
            }
            let mut sum = 0;
            for n in &mut starts {
                sum += *n;
                *n = sum;
            }
            let mut next = starts.clone();
            let mut positions = vec![0u32; sum];
            for row in index.distinct_rows() {
                if let Some(at) = key_of(row).and_then(|k| next.get_mut(k))
                    && let Some(slot) = positions.get_mut(*at)
                {
                    *slot = row.at;
                    *at += 1;
                }
            }
            return Ok(ClosedGroups {
                months,
                counties,
                positions,
                bounds: Bounds::Starts(starts),
            });
        }
        let mut pairs: Vec<(usize, u32)> = index
            .distinct_rows()
            .filter_map(|row| key_of(row).map(|k| (k, row.at)))
            .collect();
        pairs.sort_unstable();
        let (keys, positions) = pairs.into_iter().unzip();
        Ok(ClosedGroups {
            months,
            counties,
            positions,
            bounds: Bounds::Keys(keys),
        })
    }

    /// The positions under keys `from..to`.
    fn range(&self, from: usize, to: usize) -> &[u32] {
        let (a, b) = match &self.bounds {
            Bounds::Starts(starts) => (
                starts.get(from).copied().unwrap_or(0),
                starts.get(to).copied().unwrap_or(0),
            ),
            Bounds::Keys(keys) => (
                keys.partition_point(|&k| k < from),
                keys.partition_point(|&k| k < to),
            ),
        };
        self.positions.get(a..b).unwrap_or_default()
    }

    /// The counties with a clue closed in `month`, in county order: each county's number, its code-5 clues'
    /// positions and its others'.
    fn of_month(&self, month: Month) -> Vec<(u32, &[u32], &[u32])> {
        let Some(base) = self
            .months
            .binary_search(&month)
            .ok()
            .and_then(|slot| slot.checked_mul(self.counties))
        else {
            return Vec::new();
        };
        let group = |county: usize| -> Option<(u32, &[u32], &[u32])> {
            let key = base.checked_add(county)?.checked_mul(2)?;
            let others = self.range(key, key.saturating_add(1));
            let code5 = self.range(key.saturating_add(1), key.saturating_add(2));
            (!others.is_empty() || !code5.is_empty())
                .then(|| u32::try_from(county).ok())
                .flatten()
                .map(|c| (c, code5, others))
        };
        match &self.bounds {
            Bounds::Starts(_) => (0..self.counties).filter_map(group).collect(),
            // Many keys: only the counties that have a clue in the month, read off the keys themselves.
            Bounds::Keys(keys) => {
                let from = keys.partition_point(|&k| k / 2 < base);
                let to = keys.partition_point(|&k| k / 2 < base.saturating_add(self.counties));
                let mut counties: Vec<usize> = keys
                    .get(from..to)
                    .unwrap_or_default()
                    .iter()
                    .map(|&k| (k / 2).saturating_sub(base))
                    .collect();
                counties.dedup();
                counties.into_iter().filter_map(group).collect()
            }
        }
    }
}

/// [`spot_checks_by_county_for_months`] from an index ([`LedgerIndex::spot_checks_by_county_for_months`]).
pub(crate) fn spot_checks_of_index<'s>(
    index: &LedgerIndex<'_>,
    draws: impl IntoIterator<Item = (Month, &'s Seed)>,
    policy: &Policy,
) -> Result<Vec<SpotCheck>, Error> {
    policy.validate()?;
    let draws: Vec<(Month, &Seed)> = draws.into_iter().collect();
    let groups = ClosedGroups::of(index, draws.iter().map(|&(month, _)| month), false)?;
    let by_month: Vec<_> = draws
        .iter()
        .map(|&(month, _)| groups.of_month(month))
        .collect();
    let mut out = Vec::with_capacity(by_month.iter().map(Vec::len).sum());
    let ids = |positions: &[u32]| -> Vec<&str> {
        positions
            .iter()
            .filter_map(|&at| usize::try_from(at).ok())
            .map(|at| index.id_at(at).unwrap_or_default())
            .collect()
    };
    for ((month, seed), counties) in draws.into_iter().zip(by_month) {
        let mut draw: Option<Draw> = None;
        for (county, code5, others) in counties {
            // The month's due day, commitment and pads: once, when it has a clue to check.
            let draw = match &mut draw {
                Some(d) => d,
                None => draw.insert(Draw::new(month, seed, policy)?),
            };
            let name = index.county_name(county).to_owned();
            out.push(draw.check(Some(name), &ids(code5), &ids(others), policy)?);
        }
    }
    Ok(out)
}

/// [`self_reviews_by_county_for_months`] from an index ([`LedgerIndex::self_reviews_by_county_for_months`]).
pub(crate) fn self_reviews_of_index(
    index: &LedgerIndex<'_>,
    months: impl IntoIterator<Item = Month>,
) -> Result<Vec<SelfReview>, Error> {
    let months: Vec<Month> = months.into_iter().collect();
    let groups = ClosedGroups::of(index, months.iter().copied(), true)?;
    let by_month: Vec<_> = months.iter().map(|&m| groups.of_month(m)).collect();
    let mut out = Vec::with_capacity(by_month.iter().map(Vec::len).sum());
    for (month, counties) in months.into_iter().zip(by_month) {
        for (county, code5, _) in counties {
            let mut ids: Vec<&str> = code5
                .iter()
                .filter_map(|&at| usize::try_from(at).ok())
                .map(|at| index.id_at(at).unwrap_or_default())
                .collect();
            ids.sort_unstable();
            out.push(SelfReview {
                county: Some(index.county_name(county).to_owned()),
                month,
                clue_ids: ids.into_iter().map(str::to_owned).collect(),
                rule: RuleId::MonthlySelfReview,
            });
        }
    }
    Ok(out)
}

/// A county's monthly self-review set (自查复核, R-REV-3): every code-5 clue closed in the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    Ok(self_review_of(&closed_in(closed, month)?, month))
}

/// [`self_review`] for each county separately, in one pass: the clues are merged by id and filed under their
/// county once. Lists every county with a code-5 clue closed in `month` (a county with none has nothing to
/// review), sorted by county; each is exactly [`self_review`] of that county's clues.
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::{Clue, Conclusion, Source};
/// use wage_arrears::review::{self_reviews_by_county, Month};
///
/// let on = NaiveDate::from_ymd_opt(2025, 6, 18).unwrap();
/// let clue = |id: &str, county: &str, conclusion| {
///     let mut c = Clue::new(id, Source::GovCnMessage, county, on);
///     c.closed_on = Some(on);
///     c.conclusion = Some(conclusion);
///     c
/// };
/// let clues = [
///     clue("A1", "郏县", Conclusion::Coordinated),
///     clue("B1", "叶县", Conclusion::Coordinated),
///     clue("B2", "叶县", Conclusion::Coordinated),
///     clue("C1", "宝丰县", Conclusion::NoArrears),
/// ];
/// let sets = self_reviews_by_county(&clues, Month::new(2025, 6)?)?;
/// let rows: Vec<(Option<&str>, usize)> =
///     sets.iter().map(|s| (s.county.as_deref(), s.clue_ids.len())).collect();
/// assert_eq!(rows, [(Some("叶县"), 2), (Some("郏县"), 1)]);
/// # Ok::<(), wage_arrears::Error>(())
/// ```
///
/// # Errors
/// [`Error::ConflictingRecords`] when two different records share a clue id.
pub fn self_reviews_by_county(closed: &[Clue], month: Month) -> Result<Vec<SelfReview>, Error> {
    LedgerIndex::new(closed)?.self_reviews_by_county(month)
}

/// The self-review set of one population: `entries` one per id, in any order.
fn self_review_of(entries: &[Closed<'_>], month: Month) -> SelfReview {
    let mut code5: Vec<&Closed<'_>> = entries.iter().filter(|e| e.code5).collect();
    code5.sort_unstable_by_key(|e| e.id);
    SelfReview {
        county: sole_county(code5.iter().map(|e| e.county)),
        month,
        clue_ids: code5.iter().map(|e| e.id.to_owned()).collect(),
        rule: RuleId::MonthlySelfReview,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Source;

    const SEED: Seed = Seed::from_bytes([0x5e; 32]);

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
    fn hmac_sha256_matches_rfc_4231() {
        // RFC 4231 test case 1: key = 0x0b × 20, data = "Hi There".
        assert_eq!(
            hex(&hmac_sha256(&[0x0b; 20], b"Hi There")),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        );
        // Test case 2: key = "Jefe", data = "what do ya want for nothing?".
        assert_eq!(
            hex(&hmac_sha256(b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        // Test case 6's key is 131 bytes (hashed first by the RFC); this crate's keys are 32-byte seeds.
        // A 32-byte key, cross-checked with Python's `hmac` module.
        assert_eq!(
            hex(&draw_key(&Seed::from_bytes([0; 32]), "PDS-2025-0001")),
            "a88140c4bb190716707161bde4441708274d0619994942b42b819dee1103e20a"
        );
    }

    #[test]
    fn a_seed_is_exactly_sixty_four_hex_digits() {
        let text = "000102030405060708090A0B0C0D0E0F101112131415161718191a1b1c1d1e1f";
        let seed: Seed = text.parse().unwrap();
        assert_eq!(seed.to_string(), text.to_ascii_lowercase());
        assert_eq!(seed.as_bytes()[10], 10);
        for bad in [
            "",
            "00",
            &"0".repeat(63),
            &"0".repeat(65),
            &format!("{}g", "0".repeat(63)),
            &format!("+{}", "0".repeat(63)),
            &format!("{}é", "0".repeat(62)),
            &format!(" {}", "0".repeat(64)),
        ] {
            let err = bad.parse::<Seed>().unwrap_err();
            assert_eq!(err, Error::InvalidSeed(bad.to_owned()));
            assert!(err.to_string().contains(&format!("`{bad}`")), "{err}");
        }
        let json = serde_json::to_string(&seed).unwrap();
        assert_eq!(json, format!("\"{}\"", seed));
        assert_eq!(serde_json::from_str::<Seed>(&json).unwrap(), seed);
        assert!(serde_json::from_str::<Seed>("\"00\"").is_err());
        // Debug shows the commitment, never the seed (a logged policy must not reveal it before the draw).
        let debug = format!("{seed:?}");
        assert_eq!(
            debug,
            format!("Seed {{ commitment: {:?}, .. }}", seed.commitment())
        );
        assert!(!debug.contains(&seed.to_string()));
        let policy = crate::policy::Policy {
            random_return_visit_seed: seed,
            ..crate::policy::Policy::default()
        };
        assert!(!format!("{policy:?}").contains(&seed.to_string()));
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
        let check = spot_check(
            &clues,
            Month::new(2025, 3).unwrap(),
            &SEED,
            &Policy::default(),
        )
        .unwrap();
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
            spot_check(&[a.clone(), b.clone()], m, &SEED, &p),
            Err(want.clone())
        );
        assert_eq!(
            spot_check(&[b.clone(), a.clone()], m, &SEED, &p),
            Err(want.clone())
        );
        assert_eq!(self_review(&[b, a.clone()], m), Err(want));
        // Identical copies are one clue.
        let x = spot_check(&[a.clone(), a], m, &SEED, &p).unwrap();
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
        let check = spot_check(&clues, Month::new(2025, 5).unwrap(), &SEED, &p).unwrap();
        assert!(check.sampled.is_empty());
        assert_eq!(check.others, 19);
    }

    #[test]
    fn an_invalid_policy_is_refused() {
        let p = Policy {
            spot_check_due_day: 31,
            ..Policy::default()
        };
        let err = spot_check(&[], Month::new(2025, 1).unwrap(), &SEED, &p).unwrap_err();
        assert!(err.to_string().contains("spot_check_due_day"), "{err}");
    }

    #[test]
    fn a_mixed_population_names_no_county() {
        let on = date(2025, 7, 7);
        let clues = [
            closed("A", "叶县", on, Conclusion::FiledPaid),
            closed("B", "郏县", on, Conclusion::FiledPaid),
        ];
        let check = spot_check(&clues, Month::of(on), &SEED, &Policy::default()).unwrap();
        assert_eq!(check.county, None);
        assert_eq!(check.items().count(), 1);
    }
}
