//! Writing dates into messages without chrono's formatting machinery.
//!
//! Follow-up notes, violation messages and finding notes name dates. chrono's `Display` for `NaiveDate` goes
//! through `Debug`, which writes year, month and day with three padded `write!` calls: about half the cost of a
//! whole note. [`Day`] writes the same ten bytes (`2026-10-08`) at once. Years outside 0..=9999 (which chrono
//! writes with a sign) fall back to chrono's own writer, so the text is always chrono's.

use std::fmt;

use chrono::{Datelike, NaiveDate};

/// The ten ASCII bytes of a date in years 0..=9999 (`YYYY-MM-DD`), or `None` for the years chrono writes with a
/// sign.
fn ten_bytes(date: NaiveDate) -> Option<[u8; 10]> {
    let Ok(year @ 0..=9999) = u32::try_from(date.year()) else {
        return None;
    };
    let digit = |n: u32| b'0' + u8::try_from(n % 10).unwrap_or(0);
    let (month, day) = (date.month(), date.day());
    Some([
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(month / 10),
        digit(month),
        b'-',
        digit(day / 10),
        digit(day),
    ])
}

/// A date written exactly as chrono's `Display` writes it (`YYYY-MM-DD`), faster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Day(pub(crate) NaiveDate);

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match ten_bytes(self.0) {
            Some(text) => match std::str::from_utf8(&text) {
                Ok(text) => f.write_str(text),
                Err(_) => fmt::Display::fmt(&self.0, f),
            },
            None => fmt::Display::fmt(&self.0, f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_written_exactly_as_chrono_writes_it() {
        let mut date = NaiveDate::from_ymd_opt(1999, 12, 25).unwrap_or_default();
        let end = NaiveDate::from_ymd_opt(2031, 1, 10).unwrap_or_default();
        while date <= end {
            assert_eq!(Day(date).to_string(), date.to_string());
            date = date.succ_opt().unwrap_or(end);
            if date == end {
                break;
            }
        }
        for (y, m, d) in [
            (0, 1, 1),
            (9999, 12, 31),
            (10_000, 1, 1),
            (-1, 6, 30),
            (262_142, 12, 31),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
            assert_eq!(Day(date).to_string(), date.to_string(), "{y}-{m}-{d}");
        }
        assert_eq!(Day(NaiveDate::MIN).to_string(), NaiveDate::MIN.to_string());
        assert_eq!(format!("{}前", Day(end)), "2031-01-10前");
    }
}
