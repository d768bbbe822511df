//! Rollups of every county at once: one index of a ledger ([`LedgerIndex`]), built once and read by every
//! rollup a city, a province or the nation asks of it.
//!
//! Each by-county function of the crate ([`kpis_by_county`](crate::scoring::kpis_by_county),
//! [`spot_checks_by_county_for_months`](crate::review::spot_checks_by_county_for_months),
//! [`self_reviews_by_county_for_months`](crate::review::self_reviews_by_county_for_months),
//! [`campaign_misses`](crate::campaign::campaign_misses), …) must first merge the ledger's ids (two different records
//! under one id refuse the whole input: [`crate::model::distinct_by_id`]) and file each clue under its county. Called one after the other on a ledger of millions of clues, each does that work again and
//! reads every large [`Clue`] record again, in scattered order. A [`LedgerIndex`] does it once:
//!
//! - the ids are merged once (sorted 64-bit fingerprints, no hash table on the ids);
//! - every county the clues name is numbered once, in name order;
//! - each distinct clue's few fields the rollups read (its county's number, its days of registration, acceptance,
//!   verification, closing and review, its conclusion, whether it passes [`Clue::check`]) are copied into a compact
//!   row, in the order of the input, so that a rollup streams one small array and opens a full record only when a
//!   rule reads it (the disposition check of R-KPI-2, the respond-by day of R-KPI-5);
//! - each rollup then tallies by county number, or groups what it needs by month and county with a counting sort
//!   on the county's number, so no rollup sorts or hashes a county name per clue.
//!
//! Every method answers exactly what the free function of the same name answers on the same clues (the free
//! functions build an index and call it), errors included.
//!
//! ```
//! use chrono::NaiveDate;
//! use wage_arrears::rollup::LedgerIndex;
//! use wage_arrears::review::{Month, Seed};
//! use wage_arrears::{Clue, Conclusion, Policy, Source, WorkCalendar};
//!
//! let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
//! let clue = |id: &str, county: &str| {
//!     let mut c = Clue::new(id, Source::Hotline12345, county, d(6, 2));
//!     c.accepted_on = Some(d(6, 3));
//!     c.closed_on = Some(d(6, 18));
//!     c.conclusion = Some(Conclusion::Coordinated);
//!     c
//! };
//! let ledger = [clue("A1", "郏县"), clue("B1", "叶县"), clue("A1", "郏县")]; // A1 listed twice
//! let (policy, cal) = (Policy::default(), WorkCalendar::china());
//!
//! let index = LedgerIndex::new(&ledger)?; // the ids merged, the counties numbered: once
//! assert_eq!(index.len(), 2);
//! assert_eq!(index.counties(), ["叶县", "郏县"]);
//!
//! let goals = index.kpis_by_county(d(1, 1), d(12, 31), &[], &policy, &cal)?;
//! let june = Month::new(2025, 6)?;
//! let checks = index.spot_checks_by_county(june, &Seed::from_bytes([7; 32]), &policy)?;
//! let sets = index.self_reviews_by_county(june)?;
//! assert_eq!((goals.len(), checks.len(), sets.len()), (2, 2, 2));
//! assert_eq!(goals, wage_arrears::scoring::kpis_by_county(d(1, 1), d(12, 31), &ledger, &[], &policy, &cal)?);
//! # Ok::<(), wage_arrears::Error>(())
//! ```

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use crate::campaign::{Campaign, CampaignMiss};
use crate::review::{Month, Seed, SelfReview, SpotCheck};
use crate::scoring::Kpi;
use crate::{Clue, Conclusion, Error, Finding, Policy, Source, WorkCalendar};

/// One ledger indexed once for every rollup over its counties: the ids merged, the counties numbered in name
/// order, and each distinct clue's dates and conclusion copied into a compact row.
///
/// Build it with [`LedgerIndex::new`] (which refuses two different records under one id, as every rollup does:
/// [`crate::model::distinct_by_id`]), then ask it for as many rollups as needed; it borrows the clues and
/// copies none of them. Its memory is about 50 bytes per clue, next to the kilobyte or more of the
/// record itself.
///
/// ```
/// use chrono::NaiveDate;
/// use wage_arrears::campaign::{campaign_misses, Campaign};
/// use wage_arrears::rollup::LedgerIndex;
/// use wage_arrears::{Clue, Error, Investigation, Source, WorkCalendar};
///
/// let d = wage_arrears::date;
/// let mut clue = Clue::new("LY-2024-0012", Source::QrCode, "洛龙区", d(2024, 1, 8)?);
/// clue.investigation = Some(Investigation {
///     on: d(2024, 1, 12)?,
///     arrears_verified: true,
///     employer_refuses: false,
///     record: "项目部工资表及考勤记录核实欠薪".into(),
/// });
/// let ledger = [clue.clone()];
/// let index = LedgerIndex::new(&ledger)?;
/// assert_eq!(index.clue("LY-2024-0012"), Some(&clue));
/// let (campaign, cal) = (Campaign::luoyang_winter_2023(), WorkCalendar::china());
/// let misses = index.campaign_misses(&campaign, d(2024, 3, 1)?, &cal)?;
/// assert_eq!(misses, campaign_misses(&campaign, &ledger, d(2024, 3, 1)?, &cal)?);
///
/// // Two different records under one id: refused, as every rollup refuses them.
/// let mut other = clue.clone();
/// other.county = "西工区".into();
/// let err = LedgerIndex::new(&[clue, other]).unwrap_err();
/// assert!(matches!(err, Error::ConflictingRecords { ref ids } if ids == &["LY-2024-0012"]));
/// # Ok::<(), wage_arrears::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct LedgerIndex<'a> {
    clues: &'a [Clue],
    /// One row per position of the input (a later copy of an id flagged `copy`), in the order of the input.
    rows: Vec<Row>,
    /// How many rows are not copies.
    distinct: usize,
    /// The counties the clues name, in name order: a row's `county` is its county's position here.
    counties: Vec<&'a str>,
    /// Each county's number, by name.
    numbers: HashMap<&'a str, u32>,
    /// The ids merged: their sorted fingerprints, to find a clue by its id.
    ids: crate::model::MergedIds,
    /// Every position's id, one after the other: the rollups that read ids (the draw, the sorted lists) read
    /// them here, tens of megabytes for millions of clues, instead of from each record's own allocation.
    id_text: String,
    /// Where each position's id ends in `id_text` (it starts where the previous one ends).
    id_ends: Vec<usize>,
}

/// How many of the counties last met [`LedgerIndex::new`] keeps beside its map.
const RECENT: usize = 16;

/// What the rollups read of one clue, copied out of its record: 32 bytes, where the record is a kilobyte or more
/// spread over a dozen allocations.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row {
    /// Its position in the input.
    pub(crate) at: u32,
    /// Its county's number ([`LedgerIndex::counties`]).
    pub(crate) county: u32,
    /// Registered (登记).
    pub(crate) registered_on: NaiveDate,
    /// Accepted (接收).
    pub(crate) accepted_on: Option<NaiveDate>,
    /// Closed (办结).
    pub(crate) closed_on: Option<NaiveDate>,
    /// Reviewed (复核).
    pub(crate) reviewed_on: Option<NaiveDate>,
    /// The day of its investigation when that verified arrears (`investigation.arrears_verified`).
    pub(crate) verified_on: Option<NaiveDate>,
    /// Its source (for its acceptance clock).
    pub(crate) source: Source,
    /// Its conclusion.
    pub(crate) conclusion: Option<Conclusion>,
    /// Whether it passes [`Clue::check`] (the error is asked of the record again when it does not).
    pub(crate) sound: bool,
    /// A later copy of an id listed before: not read by the rollups.
    pub(crate) copy: bool,
}

impl Row {
    fn of(clue: &Clue, at: u32, county: u32, copy: bool) -> Row {
        Row {
            at,
            county,
            registered_on: clue.registered_on,
            accepted_on: clue.accepted_on,
            closed_on: clue.closed_on,
            reviewed_on: clue.reviewed_on,
            verified_on: clue
                .investigation
                .as_ref()
                .filter(|i| i.arrears_verified)
                .map(|i| i.on),
            source: clue.source,
            conclusion: clue.conclusion,
            sound: clue.check().is_ok(),
            copy,
        }
    }
}

impl<'a> LedgerIndex<'a> {
    /// Indexes `clues`: merges their ids (identical copies are one clue), numbers their counties in name order and
    /// copies each distinct clue's dates and conclusion into a compact row.
    ///
    /// Linear in the number of clues: the ids are merged on fingerprints sorted by a bucket sort, the counties
    /// numbered through one map lookup per run of clues of one county, and only the distinct county names are
    /// sorted.
    ///
    /// ```
    /// use wage_arrears::rollup::LedgerIndex;
    /// use wage_arrears::{Clue, Source};
    /// let on = wage_arrears::date(2025, 3, 3)?;
    /// let a = Clue::new("A", Source::GovCnMessage, "郏县", on);
    /// let b = Clue::new("B", Source::GovCnMessage, "叶县", on);
    /// let ledger = [a.clone(), b, a];
    /// let index = LedgerIndex::new(&ledger)?;
    /// assert_eq!(index.len(), 2);
    /// assert_eq!(index.clues().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["A", "B"]);
    /// assert_eq!(index.counties(), ["叶县", "郏县"]);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// - [`Error::ConflictingRecords`] naming every id listed with two different records, in id order;
    /// - [`Error::Overflow`] when the ledger lists more than `u32::MAX` clues (a ledger no machine holds).
    pub fn new(clues: &'a [Clue]) -> Result<LedgerIndex<'a>, Error> {
        let too_many = |what: &str, n: usize| {
            crate::units::overflow(format_args!("{n} {what} numbered in 32 bits"))
        };
        // One pass over the records: each id's fingerprint and text, each county's number, each row.
        let mut prints = Vec::with_capacity(clues.len());
        // Room for ids about as long as the first ones (a guess, at most 64 bytes an id: the text grows if they are
        // longer, and pages not written are not paid). A reservation the allocator refuses is no error: the text
        // then grows as it is written.
        let sample: usize = clues.iter().take(64).map(|c| c.id.len()).sum();
        let per_id = (sample / clues.len().clamp(1, 64)).min(60) + 4;
        let mut id_text = String::new();
        let _ = id_text.try_reserve(per_id.saturating_mul(clues.len()));
        let mut id_ends = Vec::with_capacity(clues.len());
        let mut rows = Vec::with_capacity(clues.len());
        // Counties numbered in the order first met, through a map; the last few counties met are kept beside it,
        // so that a ledger of a city's dozen counties (in any order) compares a name with a few cached names
        // instead of hashing it.
        let mut numbers: HashMap<&'a str, u32> = HashMap::new();
        let mut recent: [(&'a str, u32); RECENT] = [("", u32::MAX); RECENT];
        let mut replace = 0;
        let mut too_many_counties = false;
        for (at, clue) in (0u32..).zip(clues) {
            prints.push(crate::model::fingerprint(&clue.id));
            id_text.push_str(&clue.id);
            id_ends.push(id_text.len());
            let county = clue.county.as_str();
            let cached = recent
                .iter()
                .find(|&&(name, n)| n != u32::MAX && name == county);
            let number = match cached {
                Some(&(_, n)) => n,
                None => {
                    let fresh = u32::try_from(numbers.len()).unwrap_or_else(|_| {
                        too_many_counties = true;
                        0
                    });
                    let n = *numbers.entry(county).or_insert(fresh);
                    if let Some(slot) = recent.get_mut(replace) {
                        *slot = (county, n);
                    }
                    replace = (replace + 1) % RECENT;
                    n
                }
            };
            rows.push(Row::of(clue, at, number, false));
        }
        let ids = crate::model::merge_prints(clues, prints)?;
        if rows.len() < clues.len() {
            return Err(too_many("clues", clues.len()));
        }
        if too_many_counties {
            return Err(too_many("counties", numbers.len()));
        }
        let mut distinct = 0;
        for (row, copy) in rows.iter_mut().zip(&ids.later_copy) {
            row.copy = *copy;
            distinct += usize::from(!copy);
        }
        // Renumber in name order.
        let mut counties: Vec<(&'a str, u32)> = numbers.iter().map(|(c, n)| (*c, *n)).collect();
        counties.sort_unstable();
        let mut rank = vec![0u32; counties.len()];
        for (r, (_, n)) in (0u32..).zip(&counties) {
            if let Some(slot) = usize::try_from(*n).ok().and_then(|n| rank.get_mut(n)) {
                *slot = r;
            }
        }
        let at = |n: u32| {
            usize::try_from(n)
                .ok()
                .and_then(|n| rank.get(n))
                .copied()
                .unwrap_or(n)
        };
        for row in &mut rows {
            row.county = at(row.county);
        }
        for n in numbers.values_mut() {
            *n = at(*n);
        }
        Ok(LedgerIndex {
            clues,
            rows,
            distinct,
            counties: counties.into_iter().map(|(c, _)| c).collect(),
            numbers,
            ids,
            id_text,
            id_ends,
        })
    }

    /// How many distinct clues the ledger holds.
    ///
    /// ```
    /// let index = wage_arrears::rollup::LedgerIndex::new(&[])?;
    /// assert_eq!(index.len(), 0);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.distinct
    }

    /// Whether the ledger holds no clue.
    ///
    /// ```
    /// assert!(wage_arrears::rollup::LedgerIndex::new(&[])?.is_empty());
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.distinct == 0
    }

    /// The ledger the index reads, as given (duplicates included).
    ///
    /// ```
    /// use wage_arrears::{Clue, Source};
    /// let a = Clue::new("A", Source::GovCnMessage, "郏县", wage_arrears::date(2025, 3, 3)?);
    /// let ledger = [a.clone(), a];
    /// assert_eq!(wage_arrears::rollup::LedgerIndex::new(&ledger)?.ledger().len(), 2);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    pub fn ledger(&self) -> &'a [Clue] {
        self.clues
    }

    /// One record per clue id, in the order each id first appears in the ledger.
    ///
    /// ```
    /// use wage_arrears::{Clue, Source};
    /// let on = wage_arrears::date(2025, 3, 3)?;
    /// let ledger = [Clue::new("B", Source::GovCnMessage, "郏县", on), Clue::new("A", Source::GovCnMessage, "郏县", on)];
    /// let index = wage_arrears::rollup::LedgerIndex::new(&ledger)?;
    /// assert_eq!(index.clues().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["B", "A"]);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    pub fn clues(&self) -> impl Iterator<Item = &'a Clue> + '_ {
        self.distinct_rows().filter_map(|row| self.record(row))
    }

    /// The counties the clues name, in name order (the order every by-county rollup lists them in).
    ///
    /// ```
    /// use wage_arrears::{Clue, Source};
    /// let on = wage_arrears::date(2025, 3, 3)?;
    /// let ledger = [Clue::new("A", Source::GovCnMessage, "郏县", on), Clue::new("B", Source::GovCnMessage, "叶县", on)];
    /// assert_eq!(wage_arrears::rollup::LedgerIndex::new(&ledger)?.counties(), ["叶县", "郏县"]);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    pub fn counties(&self) -> &[&'a str] {
        &self.counties
    }

    /// The record kept under `id`, if the ledger lists it.
    ///
    /// ```
    /// use wage_arrears::{Clue, Source};
    /// let a = Clue::new("A", Source::GovCnMessage, "郏县", wage_arrears::date(2025, 3, 3)?);
    /// let ledger = [a.clone()];
    /// let index = wage_arrears::rollup::LedgerIndex::new(&ledger)?;
    /// assert_eq!(index.clue("A"), Some(&a));
    /// assert_eq!(index.clue("B"), None);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    pub fn clue(&self, id: &str) -> Option<&'a Clue> {
        self.position_of(id).and_then(|i| self.clues.get(i))
    }

    /// [`crate::scoring::kpis_by_county`] from the index: every county's goals over `from..=to`, the same map.
    ///
    /// One pass over the compact rows in the order of the input, each clue's goals tallied into its county's
    /// counts; a full record is opened only for a clue closed in the period under
    /// [`EffectiveHandling::WithoutDefects`](crate::policy::EffectiveHandling) (its disposition check) and for an
    /// accepted clue still open on `to` (its respond-by day). The findings are filed once, each marking the clue
    /// it names (looked up by its id's fingerprint).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use wage_arrears::rollup::LedgerIndex;
    /// use wage_arrears::scoring::kpis;
    /// use wage_arrears::{Clue, Policy, Source, WorkCalendar};
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
    /// let mut a = Clue::new("A", Source::GovCnMessage, "叶县", d(3, 3));
    /// a.accepted_on = Some(d(3, 6)); // late
    /// let clues = [a];
    /// let (policy, cal) = (Policy::default(), WorkCalendar::china());
    /// let all = LedgerIndex::new(&clues)?.kpis_by_county(d(1, 1), d(3, 31), &[], &policy, &cal)?;
    /// assert_eq!(all["叶县"][0].ratio.to_string(), "0/1 (0.0%)");
    /// assert_eq!(all["叶县"], kpis("叶县", d(1, 1), d(3, 31), &clues, &[], &policy, &cal)?);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`crate::scoring::kpis_by_county`] (but never [`Error::ConflictingRecords`]: the index has refused them).
    pub fn kpis_by_county(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        findings: &[Finding],
        policy: &Policy,
        cal: &WorkCalendar,
    ) -> Result<BTreeMap<String, Vec<Kpi>>, Error> {
        crate::scoring::goals_of_index(self, from, to, findings, policy, cal, None)
    }

    /// [`crate::review::spot_checks_by_county`] from the index: every county's spot check of the clues closed in
    /// `month`, sorted by county.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use wage_arrears::review::{spot_checks_by_county, Month, Seed};
    /// use wage_arrears::rollup::LedgerIndex;
    /// use wage_arrears::{Clue, Conclusion, Policy, Source};
    ///
    /// let on = NaiveDate::from_ymd_opt(2025, 6, 18).unwrap();
    /// let mut a = Clue::new("A1", Source::Hotline12345, "郏县", on);
    /// a.closed_on = Some(on);
    /// a.conclusion = Some(Conclusion::NoArrears);
    /// let clues = [a];
    /// let (june, seed, policy) = (Month::new(2025, 6)?, Seed::from_bytes([7; 32]), Policy::default());
    /// let checks = LedgerIndex::new(&clues)?.spot_checks_by_county(june, &seed, &policy)?;
    /// assert_eq!(checks, spot_checks_by_county(&clues, june, &seed, &policy)?);
    /// assert_eq!(checks[0].sampled, ["A1"]);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`crate::review::spot_check`] (but never [`Error::ConflictingRecords`]).
    pub fn spot_checks_by_county(
        &self,
        month: Month,
        seed: &Seed,
        policy: &Policy,
    ) -> Result<Vec<SpotCheck>, Error> {
        crate::review::spot_checks_of_index(self, [(month, seed)], policy)
    }

    /// [`crate::review::spot_checks_by_county_for_months`] from the index: for each `(month, seed)` of `draws`, in
    /// that order, every county's check of the clues closed in that month (sorted by county).
    ///
    /// The clues closed in the months asked are grouped by month and county with one counting sort on
    /// (month, county number); each county's draw computes the keys of its clues only when it draws fewer than
    /// all of them (at the default 100% every code-5 clue is reviewed: no key is needed), and selects the
    /// smallest keys without sorting the others.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use wage_arrears::review::{spot_checks_by_county_for_months, Month, Seed};
    /// use wage_arrears::rollup::LedgerIndex;
    /// use wage_arrears::{Clue, Conclusion, Policy, Source};
    ///
    /// let clue = |id: &str, m| {
    ///     let on = NaiveDate::from_ymd_opt(2025, m, 18).unwrap();
    ///     let mut c = Clue::new(id, Source::Hotline12345, "郏县", on);
    ///     c.closed_on = Some(on);
    ///     c.conclusion = Some(Conclusion::NoArrears);
    ///     c
    /// };
    /// let clues = [clue("A1", 5), clue("A2", 6)];
    /// let (may, june) = (Seed::from_bytes([11; 32]), Seed::from_bytes([12; 32]));
    /// let draws = [(Month::new(2025, 5)?, &may), (Month::new(2025, 6)?, &june)];
    /// let policy = Policy::default();
    /// let year = LedgerIndex::new(&clues)?.spot_checks_by_county_for_months(draws, &policy)?;
    /// assert_eq!(year, spot_checks_by_county_for_months(&clues, draws, &policy)?);
    /// assert_eq!(year.len(), 2);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`crate::review::spot_check`] (but never [`Error::ConflictingRecords`]).
    pub fn spot_checks_by_county_for_months<'s>(
        &self,
        draws: impl IntoIterator<Item = (Month, &'s Seed)>,
        policy: &Policy,
    ) -> Result<Vec<SpotCheck>, Error> {
        crate::review::spot_checks_of_index(self, draws, policy)
    }

    /// [`crate::review::self_reviews_by_county`] from the index: every county with a code-5 clue closed in
    /// `month`, its self-review set, sorted by county.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use wage_arrears::review::{self_reviews_by_county, Month};
    /// use wage_arrears::rollup::LedgerIndex;
    /// use wage_arrears::{Clue, Conclusion, Source};
    ///
    /// let on = NaiveDate::from_ymd_opt(2025, 6, 18).unwrap();
    /// let mut a = Clue::new("A1", Source::GovCnMessage, "郏县", on);
    /// a.closed_on = Some(on);
    /// a.conclusion = Some(Conclusion::Coordinated);
    /// let clues = [a];
    /// let june = Month::new(2025, 6)?;
    /// let sets = LedgerIndex::new(&clues)?.self_reviews_by_county(june)?;
    /// assert_eq!(sets, self_reviews_by_county(&clues, june)?);
    /// assert_eq!(sets[0].clue_ids, ["A1"]);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// None beyond [`Error::Overflow`] on counts no machine holds; the result is a `Result` as the free
    /// function's is.
    pub fn self_reviews_by_county(&self, month: Month) -> Result<Vec<SelfReview>, Error> {
        crate::review::self_reviews_of_index(self, [month])
    }

    /// [`crate::review::self_reviews_by_county_for_months`] from the index: for each month of `months`, in that
    /// order, every county's self-review set (sorted by county).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use wage_arrears::review::{self_reviews_by_county_for_months, Month};
    /// use wage_arrears::rollup::LedgerIndex;
    /// use wage_arrears::{Clue, Conclusion, Source};
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
    /// let sets = LedgerIndex::new(&clues)?.self_reviews_by_county_for_months(months.clone())?;
    /// assert_eq!(sets, self_reviews_by_county_for_months(&clues, months)?);
    /// assert_eq!(sets.len(), 2);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`LedgerIndex::self_reviews_by_county`].
    pub fn self_reviews_by_county_for_months(
        &self,
        months: impl IntoIterator<Item = Month>,
    ) -> Result<Vec<SelfReview>, Error> {
        crate::review::self_reviews_of_index(self, months)
    }

    /// [`crate::campaign::campaign_misses`] from the index: the verified clues that miss the campaign's close-all
    /// date as the record stood on `as_of`, in id order. Reads the compact rows only (and the id and county of
    /// each miss).
    ///
    /// ```
    /// use wage_arrears::campaign::{campaign_misses, Campaign};
    /// use wage_arrears::rollup::LedgerIndex;
    /// use wage_arrears::{Clue, Source, WorkCalendar};
    ///
    /// let clue = Clue::new("LY-2024-0001", Source::QrCode, "洛龙区", wage_arrears::date(2024, 1, 8)?);
    /// let (campaign, cal, as_of) = (Campaign::luoyang_winter_2023(), WorkCalendar::china(), wage_arrears::date(2024, 3, 1)?);
    /// let clues = [clue];
    /// let misses = LedgerIndex::new(&clues)?.campaign_misses(&campaign, as_of, &cal)?;
    /// assert!(misses.is_empty()); // not verified: not the campaign's
    /// assert_eq!(misses, campaign_misses(&campaign, &clues, as_of, &cal)?);
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`crate::campaign::campaign_misses`] (but never [`Error::ConflictingRecords`]).
    pub fn campaign_misses(
        &self,
        campaign: &Campaign,
        as_of: NaiveDate,
        cal: &WorkCalendar,
    ) -> Result<Vec<CampaignMiss>, Error> {
        crate::campaign::campaign_misses_of_index(campaign, self, as_of, cal)
    }

    // ── For the rollups of the crate ─────────────────────────────────────────────────────────────────────────

    /// The rows of the distinct clues (a later copy of an id skipped), in the order of the input.
    pub(crate) fn distinct_rows(&self) -> impl Iterator<Item = &Row> + '_ {
        self.rows.iter().filter(|row| !row.copy)
    }

    /// How many rows there are: one per position of the input, copies included.
    pub(crate) fn positions(&self) -> usize {
        self.rows.len()
    }

    /// The row at `position` of the input.
    pub(crate) fn row(&self, position: usize) -> Option<&Row> {
        self.rows.get(position)
    }

    /// A row's record.
    pub(crate) fn record(&self, row: &Row) -> Option<&'a Clue> {
        usize::try_from(row.at)
            .ok()
            .and_then(|at| self.clues.get(at))
    }

    /// A row's id (empty when the row is not the index's, which never happens).
    pub(crate) fn id(&self, row: &Row) -> &str {
        usize::try_from(row.at)
            .ok()
            .and_then(|at| self.id_at(at))
            .unwrap_or_default()
    }

    /// The id listed at `position`.
    pub(crate) fn id_at(&self, position: usize) -> Option<&str> {
        let from = match position.checked_sub(1) {
            Some(before) => *self.id_ends.get(before)?,
            None => 0,
        };
        self.id_text.get(from..*self.id_ends.get(position)?)
    }

    /// The name of county number `n`.
    pub(crate) fn county_name(&self, n: u32) -> &'a str {
        usize::try_from(n)
            .ok()
            .and_then(|n| self.counties.get(n))
            .copied()
            .unwrap_or_default()
    }

    /// The number of the county named `name`, if a clue names it.
    pub(crate) fn county_number(&self, name: &str) -> Option<u32> {
        self.numbers.get(name).copied()
    }

    /// The position of the record kept under `id`.
    pub(crate) fn position_of(&self, id: &str) -> Option<usize> {
        self.ids.position(id, |i| self.id_at(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Policy;

    #[test]
    fn an_index_finds_every_id_and_numbers_counties_in_name_order() {
        let on = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap_or_default();
        let clues: Vec<Clue> = (0..500)
            .map(|i| {
                Clue::new(
                    format!("ID-{i}"),
                    Source::GovCnMessage,
                    format!("县{}", (i * 7) % 13),
                    on,
                )
            })
            .collect();
        let index = LedgerIndex::new(&clues).unwrap();
        assert_eq!(index.len(), 500);
        for c in &clues {
            assert_eq!(index.clue(&c.id), Some(c));
            let row = index.row(index.position_of(&c.id).unwrap()).unwrap();
            assert_eq!(index.id(row), c.id);
            assert_eq!(index.county_name(row.county), c.county);
            assert_eq!(index.county_number(&c.county), Some(row.county));
        }
        assert!(index.counties().windows(2).all(|w| w[0] < w[1]));
        assert_eq!(index.clue("ID-500"), None);
    }

    #[test]
    fn many_months_and_counties_next_to_few_clues_group_alike() {
        use crate::review::{Month, Seed, self_review, spot_check};
        // 3,000 counties × 12 months × 2 keys against 6,000 clues: the groups are found by binary search.
        let clues: Vec<Clue> = (0..6000u32)
            .map(|i| {
                let on = NaiveDate::from_ymd_opt(2025, i % 12 + 1, i % 28 + 1).unwrap_or_default();
                let mut c = Clue::new(
                    format!("ID-{i}"),
                    Source::GovCnMessage,
                    format!("县{:04}", i % 3000),
                    on,
                );
                c.closed_on = Some(on);
                c.conclusion = Some(if i % 7 == 0 {
                    Conclusion::Coordinated
                } else {
                    Conclusion::NoArrears
                });
                c
            })
            .collect();
        let index = LedgerIndex::new(&clues).unwrap();
        let policy = Policy::default();
        let seed = Seed::from_bytes([9; 32]);
        let months: Vec<Month> = (1..=12).map(|m| Month::new(2025, m).unwrap()).collect();
        let checks = index
            .spot_checks_by_county_for_months(months.iter().map(|&m| (m, &seed)), &policy)
            .unwrap();
        let sets = index
            .self_reviews_by_county_for_months(months.iter().copied())
            .unwrap();
        let (mut want_checks, mut want_sets) = (Vec::new(), Vec::new());
        for &month in &months {
            for county in index.counties() {
                let mine: Vec<Clue> = clues
                    .iter()
                    .filter(|c| c.county == *county)
                    .cloned()
                    .collect();
                let check = spot_check(&mine, month, &seed, &policy).unwrap();
                if check.population > 0 {
                    want_checks.push(check);
                }
                let set = self_review(&mine, month).unwrap();
                if !set.clue_ids.is_empty() {
                    want_sets.push(set);
                }
            }
        }
        assert_eq!(checks, want_checks);
        assert_eq!(sets, want_sets);
    }
}
