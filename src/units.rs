//! Exact quantities: money in fen, score points in thousandths, rates in basis points, ratios as fractions.
//!
//! Nothing in this crate uses floating point: 150 findings at 0.2 points deduct exactly 30.0 points.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An amount of money in fen (分, 1/100 yuan). Never negative.
///
/// Serialised as a JSON integer of fen; a negative number is rejected when read. Arithmetic is exact: a sum that
/// does not fit is [`Error::Overflow`](crate::Error::Overflow), never a saturated amount.
///
/// ```
/// use wage_arrears::Fen;
/// let owed = Fen::from_yuan(12_500);
/// assert_eq!(owed.fen(), 1_250_000);
/// assert_eq!(owed.to_string(), "¥12500.00");
/// assert_eq!(owed.checked_add(Fen(1))?.fen(), 1_250_001);
/// assert!(Fen(u64::MAX).checked_add(Fen(1)).is_err());
/// # Ok::<(), wage_arrears::Error>(())
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Fen(pub u64);

impl Fen {
    /// Zero.
    pub const ZERO: Fen = Fen(0);

    /// From whole yuan. Exact for every `u32` (at most ¥4294967295.00); use [`Fen::checked_from_yuan`] for more.
    pub fn from_yuan(yuan: u32) -> Fen {
        // u32::MAX × 100 < u64::MAX: always exact.
        Fen(u64::from(yuan) * 100)
    }

    /// From whole yuan, any `u64`.
    ///
    /// # Errors
    /// [`Error::Overflow`](crate::Error::Overflow) when `yuan × 100` fen does not fit in a `u64`.
    pub fn checked_from_yuan(yuan: u64) -> Result<Fen, crate::Error> {
        yuan.checked_mul(100)
            .map(Fen)
            .ok_or_else(|| overflow(format_args!("{yuan} yuan × 100 fen")))
    }

    /// The amount in fen.
    pub const fn fen(self) -> u64 {
        self.0
    }

    /// `self + other`, exactly.
    ///
    /// # Errors
    /// [`Error::Overflow`](crate::Error::Overflow) when the sum does not fit in a `u64` of fen.
    pub fn checked_add(self, other: Fen) -> Result<Fen, crate::Error> {
        self.0
            .checked_add(other.0)
            .map(Fen)
            .ok_or_else(|| overflow(format_args!("{} fen + {} fen", self.0, other.0)))
    }

    /// `self − other`, exactly (an amount is never negative).
    ///
    /// # Errors
    /// [`Error::Overflow`](crate::Error::Overflow) when `other` is larger than `self`.
    pub fn checked_sub(self, other: Fen) -> Result<Fen, crate::Error> {
        self.0
            .checked_sub(other.0)
            .map(Fen)
            .ok_or_else(|| overflow(format_args!("{} fen − {} fen", self.0, other.0)))
    }
}

/// The error of an operation whose exact result does not fit.
pub(crate) fn overflow(operation: fmt::Arguments<'_>) -> crate::Error {
    crate::Error::Overflow {
        operation: operation.to_string(),
    }
}

/// A count of items as a `u64`, exactly.
///
/// # Errors
/// [`Error::Overflow`](crate::Error::Overflow) on a platform whose `usize` is wider than 64 bits and a count
/// beyond `u64::MAX`.
pub(crate) fn count_u64(n: usize, what: &str) -> Result<u64, crate::Error> {
    u64::try_from(n).map_err(|_| overflow(format_args!("{n} {what} as a 64-bit count")))
}

/// Whether a count is below a threshold, exactly (a threshold no `usize` reaches is above every count).
pub(crate) fn count_below(n: usize, threshold: u32) -> bool {
    usize::try_from(threshold).map_or(true, |t| n < t)
}

/// `n + 1` for a count, exactly.
pub(crate) fn count_up(n: u64, what: &str) -> Result<u64, crate::Error> {
    n.checked_add(1)
        .ok_or_else(|| overflow(format_args!("{n} {what} + 1")))
}

impl fmt::Display for Fen {
    /// `¥12500.00`; width, fill and alignment are honoured, right-aligned by default as numbers are (`{:>12}`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.width().is_none() {
            return write!(f, "¥{}.{:02}", self.0 / 100, self.0 % 100);
        }
        crate::text::pad_number(f, &format!("¥{}.{:02}", self.0 / 100, self.0 % 100))
    }
}

/// Score points, exact to a thousandth of a point (fixed-point integer).
///
/// Displays as a decimal with at least one fractional digit (`0.2`, `6.0`, `87.4`, `87.45`) and is written to
/// JSON as that decimal string, so it round-trips without loss. Reading accepts the string form or a JSON
/// integer of whole points.
///
/// ```
/// use wage_arrears::Points;
/// let per_finding: Points = "0.2".parse()?;
/// assert_eq!(per_finding.times(150)?, Points::whole(30));
/// assert_eq!(Points::whole(100).checked_sub(per_finding.times(63)?)?.to_string(), "87.4");
/// # Ok::<(), wage_arrears::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Points {
    milli: i64,
}

impl Points {
    /// Zero points.
    pub const ZERO: Points = Points { milli: 0 };

    /// From thousandths of a point (`200` is `0.2`).
    pub const fn from_milli(milli: i64) -> Points {
        Points { milli }
    }

    /// Whole points. Exact for every `i32` (`i32::MAX × 1000` fits in the `i64` of thousandths).
    pub fn whole(points: i32) -> Points {
        Points {
            milli: i64::from(points) * 1000,
        }
    }

    /// The value in thousandths of a point.
    pub const fn milli(self) -> i64 {
        self.milli
    }

    /// `self × n`, exactly.
    ///
    /// ```
    /// use wage_arrears::Points;
    /// assert_eq!(Points::from_milli(200).times(150)?, Points::whole(30));
    /// // −0.001 × 2^63 is exactly the least `i64` of thousandths: no clamping on the way.
    /// assert_eq!(Points::from_milli(-1).times(1 << 63)?, Points::from_milli(i64::MIN));
    /// assert!(Points::from_milli(1).times(1 << 63).is_err());
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Overflow`](crate::Error::Overflow) when the product does not fit in an `i64` of thousandths.
    pub fn times(self, n: u64) -> Result<Points, crate::Error> {
        let exact = i128::from(self.milli) * i128::from(n);
        i64::try_from(exact)
            .map(Points::from_milli)
            .map_err(|_| overflow(format_args!("{self} points × {n}")))
    }

    /// `self + other`, exactly.
    ///
    /// # Errors
    /// [`Error::Overflow`](crate::Error::Overflow) when the sum does not fit.
    pub fn checked_add(self, other: Points) -> Result<Points, crate::Error> {
        self.milli
            .checked_add(other.milli)
            .map(Points::from_milli)
            .ok_or_else(|| overflow(format_args!("{self} points + {other} points")))
    }

    /// `self − other`, exactly.
    ///
    /// # Errors
    /// [`Error::Overflow`](crate::Error::Overflow) when the difference does not fit.
    pub fn checked_sub(self, other: Points) -> Result<Points, crate::Error> {
        self.milli
            .checked_sub(other.milli)
            .map(Points::from_milli)
            .ok_or_else(|| overflow(format_args!("{self} points − {other} points")))
    }
}

impl fmt::Display for Points {
    /// `87.4`; width, fill and alignment are honoured, right-aligned by default as numbers are (`{:>6}`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.milli < 0 { "-" } else { "" };
        let abs = self.milli.unsigned_abs();
        let (int, frac) = (abs / 1000, abs % 1000);
        let frac = match frac {
            0 => "0".to_owned(),
            f if f % 100 == 0 => format!("{}", f / 100),
            f if f % 10 == 0 => format!("{:02}", f / 10),
            f => format!("{f:03}"),
        };
        if f.width().is_none() {
            return write!(f, "{sign}{int}.{frac}");
        }
        crate::text::pad_number(f, &format!("{sign}{int}.{frac}"))
    }
}

impl FromStr for Points {
    type Err = crate::Error;

    /// Parses `87`, `87.4`, `-0.2`, `87.125` (at most three decimals).
    fn from_str(s: &str) -> Result<Points, crate::Error> {
        let bad = || crate::Error::InvalidPoints(s.to_owned());
        let (neg, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        if int.is_empty()
            || frac.len() > 3
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
            || (body.contains('.') && frac.is_empty())
        {
            return Err(bad());
        }
        let int: i64 = int.parse().map_err(|_| bad())?;
        let mut milli_frac: i64 = 0;
        for (k, b) in frac.bytes().enumerate() {
            milli_frac += i64::from(b - b'0') * [100, 10, 1][k];
        }
        // Built with the sign from the start, so that the most negative value parses too.
        let sign = if neg { -1 } else { 1 };
        let milli = int
            .checked_mul(1000 * sign)
            .and_then(|m| m.checked_add(milli_frac * sign))
            .ok_or_else(bad)?;
        Ok(Points { milli })
    }
}

impl Serialize for Points {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Points {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Points, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Points;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "points as a decimal string such as \"87.4\", or whole points as an integer",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Points, E> {
                v.parse().map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Points, E> {
                v.checked_mul(1000)
                    .map(Points::from_milli)
                    .ok_or_else(|| E::custom(format!("{v} points is out of range")))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Points, E> {
                i64::try_from(v)
                    .ok()
                    .and_then(|v| v.checked_mul(1000))
                    .map(Points::from_milli)
                    .ok_or_else(|| E::custom(format!("{v} points is out of range")))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// A rate in basis points (1/100 of a percent): `500` is 5%, `10_000` is 100%.
///
/// Written to JSON as a percent string (`"5%"`, `"98.5%"`, `"12.25%"`) and read from one, exactly.
///
/// ```
/// use wage_arrears::Rate;
/// assert_eq!(Rate::percent(5).to_string(), "5%");
/// assert_eq!(Rate::from_basis_points(9_850).to_string(), "98.5%");
/// assert_eq!("12.25%".parse::<Rate>()?, Rate::from_basis_points(1_225));
/// # Ok::<(), wage_arrears::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Rate(pub u32);

impl Rate {
    /// 100%.
    pub const FULL: Rate = Rate(10_000);

    /// From basis points.
    pub const fn from_basis_points(bp: u32) -> Rate {
        Rate(bp)
    }

    /// From whole percent. Exact for every `u16` (at most 655.35%, which no policy accepts).
    pub fn percent(p: u16) -> Rate {
        // u16::MAX × 100 < u32::MAX: always exact.
        Rate(u32::from(p) * 100)
    }

    /// The rate in basis points.
    pub const fn basis_points(self) -> u32 {
        self.0
    }

    /// `⌈self × n⌉`: how many of `n` items a rate selects, rounding up (exact integer arithmetic).
    ///
    /// ```
    /// use wage_arrears::Rate;
    /// assert_eq!(Rate::percent(5).ceil_of(21)?, 2);
    /// assert_eq!(Rate::FULL.ceil_of(u64::MAX)?, u64::MAX);
    /// assert!(Rate::percent(200).ceil_of(u64::MAX).is_err());
    /// # Ok::<(), wage_arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Overflow`](crate::Error::Overflow) when the result does not fit in a `u64` (only a rate above
    /// 100% can do that).
    pub fn ceil_of(self, n: u64) -> Result<u64, crate::Error> {
        let q = (u128::from(self.0) * u128::from(n)).div_ceil(10_000);
        u64::try_from(q).map_err(|_| overflow(format_args!("⌈{self} × {n}⌉")))
    }

    /// `⌊self × n⌋` (exact integer arithmetic).
    ///
    /// # Errors
    /// [`Error::Overflow`](crate::Error::Overflow) when the result does not fit in a `u64` (only a rate above
    /// 100% can do that).
    pub fn floor_of(self, n: u64) -> Result<u64, crate::Error> {
        let q = (u128::from(self.0) * u128::from(n)) / 10_000;
        u64::try_from(q).map_err(|_| overflow(format_args!("⌊{self} × {n}⌋")))
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (int, frac) = (self.0 / 100, self.0 % 100);
        match frac {
            0 => write!(f, "{int}%"),
            x if x % 10 == 0 => write!(f, "{int}.{}%", x / 10),
            x => write!(f, "{int}.{x:02}%"),
        }
    }
}

impl FromStr for Rate {
    type Err = crate::Error;

    /// Parses `5%`, `98.5%`, `12.25%` (at most two decimals of a percent).
    fn from_str(s: &str) -> Result<Rate, crate::Error> {
        let bad = || crate::Error::InvalidRate(s.to_owned());
        let body = s.trim().strip_suffix('%').ok_or_else(bad)?;
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        if int.is_empty()
            || frac.len() > 2
            || (body.contains('.') && frac.is_empty())
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(bad());
        }
        let int: u32 = int.parse().map_err(|_| bad())?;
        let mut bp_frac = 0u32;
        for (k, b) in frac.bytes().enumerate() {
            bp_frac += u32::from(b - b'0') * [10, 1][k];
        }
        int.checked_mul(100)
            .and_then(|v| v.checked_add(bp_frac))
            .map(Rate)
            .ok_or_else(bad)
    }
}

impl Serialize for Rate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Rate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Rate, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// An exact ratio `numerator / denominator` (a KPI such as "accepted on time / accepted").
///
/// Compared with a [`Rate`] by cross-multiplication, never by division. An empty ratio (`0 / 0`) meets every goal:
/// nothing was due.
///
/// ```
/// use wage_arrears::{Rate, Ratio};
/// let r = Ratio::new(49, 50);
/// assert!(r.meets(Rate::percent(98)));
/// assert!(!Ratio::new(48, 50).meets(Rate::percent(98)));
/// assert_eq!(r.to_string(), "49/50 (98.0%)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ratio {
    /// The count that met the goal.
    pub numerator: u64,
    /// The count the goal applies to.
    pub denominator: u64,
}

impl Ratio {
    /// A ratio.
    pub const fn new(numerator: u64, denominator: u64) -> Ratio {
        Ratio {
            numerator,
            denominator,
        }
    }

    /// Whether `numerator / denominator ≥ goal`, exactly (128-bit cross-multiplication: no product can overflow).
    pub fn meets(self, goal: Rate) -> bool {
        if self.denominator == 0 {
            return true;
        }
        u128::from(self.numerator) * 10_000 >= u128::from(goal.0) * u128::from(self.denominator)
    }

    /// The ratio in basis points, rounded down (for display). Exact for every ratio, `numerator > denominator`
    /// included (hence the `u128`); `0/0` is 10 000 (100%: nothing was due).
    pub fn basis_points_floor(self) -> u128 {
        if self.denominator == 0 {
            return 10_000;
        }
        u128::from(self.numerator) * 10_000 / u128::from(self.denominator)
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // One decimal of a percent, rounded down: basis points / 10 = per-mille.
        let permille = self.basis_points_floor() / 10;
        write!(
            f,
            "{}/{} ({}.{}%)",
            self.numerator,
            self.denominator,
            permille / 10,
            permille % 10
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_display_as_short_decimals() {
        assert_eq!(Points::from_milli(200).to_string(), "0.2");
        assert_eq!(Points::whole(6).to_string(), "6.0");
        assert_eq!(Points::from_milli(87_400).to_string(), "87.4");
        assert_eq!(Points::from_milli(87_450).to_string(), "87.45");
        assert_eq!(Points::from_milli(87_455).to_string(), "87.455");
        assert_eq!(Points::from_milli(-200).to_string(), "-0.2");
        assert_eq!(Points::from_milli(5).to_string(), "0.005");
    }

    #[test]
    fn points_parse_what_they_display() {
        for m in [
            0,
            5,
            200,
            6_000,
            87_400,
            87_455,
            -200,
            -87_400,
            i64::MAX / 2,
        ] {
            let p = Points::from_milli(m);
            assert_eq!(p.to_string().parse::<Points>(), Ok(p));
        }
        for bad in ["", ".", "1.", ".5", "1.2345", "a", "--1", "1e3", "0.2.1"] {
            assert!(bad.parse::<Points>().is_err(), "{bad}");
        }
    }

    #[test]
    fn one_hundred_fifty_findings_deduct_exactly_thirty_points() {
        assert_eq!(Points::from_milli(200).times(150), Ok(Points::whole(30)));
    }

    #[test]
    fn rates_round_up_and_down_exactly() {
        assert_eq!(Rate::percent(5).ceil_of(1), Ok(1));
        assert_eq!(Rate::percent(5).ceil_of(20), Ok(1));
        assert_eq!(Rate::percent(5).ceil_of(21), Ok(2));
        assert_eq!(Rate::percent(5).ceil_of(0), Ok(0));
        assert_eq!(Rate::percent(5).floor_of(39), Ok(1));
        assert_eq!(Rate::FULL.ceil_of(u64::MAX), Ok(u64::MAX));
        assert_eq!(Rate::FULL.floor_of(u64::MAX), Ok(u64::MAX));
    }

    #[test]
    fn rates_parse_what_they_display() {
        for bp in [0, 1, 10, 500, 950, 9_850, 10_000, 1_225] {
            assert_eq!(Rate(bp).to_string().parse::<Rate>(), Ok(Rate(bp)));
        }
        for bad in ["5", "%", ".5%", "5.%", "5.123%", "-5%", "five%"] {
            assert!(bad.parse::<Rate>().is_err(), "{bad}");
        }
    }

    #[test]
    fn ratios_compare_exactly() {
        assert!(Ratio::new(9, 10).meets(Rate::percent(90)));
        assert!(!Ratio::new(8_999, 10_000).meets(Rate::percent(90)));
        assert!(Ratio::new(0, 0).meets(Rate::FULL));
        assert_eq!(Ratio::new(1, 3).to_string(), "1/3 (33.3%)");
        assert!(Ratio::new(u64::MAX, u64::MAX).meets(Rate::FULL));
        assert!(!Ratio::new(u64::MAX - 1, u64::MAX).meets(Rate::FULL));
        assert_eq!(
            Ratio::new(u64::MAX, 1).to_string(),
            "18446744073709551615/1 (1844674407370955161500.0%)"
        );
    }

    #[test]
    fn overflow_is_an_error_naming_the_operation() {
        let err = Fen(u64::MAX).checked_add(Fen(1)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "overflow: 18446744073709551615 fen + 1 fen"
        );
        assert_eq!(
            Points::from_milli(i64::MAX)
                .checked_add(Points::from_milli(1))
                .unwrap_err()
                .to_string(),
            "overflow: 9223372036854775.807 points + 0.001 points"
        );
        assert!(
            Points::from_milli(i64::MIN)
                .checked_sub(Points::from_milli(1))
                .is_err()
        );
        assert!(Fen(0).checked_sub(Fen(1)).is_err());
        assert!(Fen::checked_from_yuan(u64::MAX).is_err());
        assert_eq!(Fen::from_yuan(u32::MAX).fen(), 429_496_729_500);
        assert_eq!(Points::whole(i32::MIN).milli(), -2_147_483_648_000);
        assert_eq!(Rate::percent(u16::MAX), Rate(6_553_500));
        assert!(Rate(u32::MAX).ceil_of(u64::MAX).is_err());
        assert_eq!(
            Points::from_milli(i64::MIN).to_string(),
            "-9223372036854775.808"
        );
    }
}
