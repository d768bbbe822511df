//! The embedded table of Chinese statutory holidays and make-up working days, 2004–2026.
//!
//! One entry per year, transcribed from that year's State Council notice (国务院办公厅关于部分节假日安排的通知).
//! Every date is checked at compile time (an impossible date does not build). Each entry lists:
//! - `holidays`: every run of rest days the notice announces (放假调休), weekends inside the run included;
//! - `make_up_days`: the Saturdays and Sundays the notice makes working days (调休上班).
//!
//! A day whose year is one of these is a working day when it is Monday–Friday outside every run, or a make-up day.
//! A notice that moves a day in the neighbouring year has that day entered under the year it falls in, with a note.
//!
//! Statutory basis: 全国年节及纪念日放假办法 (1999, amended 2007, 2013; the 2024 amendment in force
//! 2025-01-01 added 除夕 and 5月2日, giving 13 statutory days).

use chrono::NaiveDate;

/// One year's notice as compile-time data; converted to a [`YearSchedule`](super::YearSchedule) when a
/// calendar is built.
pub(crate) struct StaticYear {
    pub(crate) year: i32,
    pub(crate) notice: &'static str,
    pub(crate) holidays: &'static [(&'static str, NaiveDate, NaiveDate)],
    pub(crate) make_up_days: &'static [NaiveDate],
}

/// A date checked at compile time: an impossible date is a build error, never a run-time panic.
const fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, day) {
        Some(date) => date,
        None => panic!("impossible date in the holiday table"),
    }
}

/// The years, in order, with no gaps.
pub(crate) const YEARS: &[StaticYear] = &[
    StaticYear {
        year: 2024,
        notice: "国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号, 2023-10-25)",
        holidays: &[
            // 元旦：1月1日放假，与周末连休 (2023-12-30..=2024-01-01; 2023's days are entered under 2023).
            ("元旦", d(2024, 1, 1), d(2024, 1, 1)),
            ("春节", d(2024, 2, 10), d(2024, 2, 17)),
            ("清明节", d(2024, 4, 4), d(2024, 4, 6)),
            ("劳动节", d(2024, 5, 1), d(2024, 5, 5)),
            ("端午节", d(2024, 6, 10), d(2024, 6, 10)),
            ("中秋节", d(2024, 9, 15), d(2024, 9, 17)),
            ("国庆节", d(2024, 10, 1), d(2024, 10, 7)),
        ],
        make_up_days: &[
            d(2024, 2, 4),
            d(2024, 2, 18),
            d(2024, 4, 7),
            d(2024, 4, 28),
            d(2024, 5, 11),
            d(2024, 9, 14),
            d(2024, 9, 29),
            d(2024, 10, 12),
        ],
    },
    StaticYear {
        year: 2025,
        notice: "国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12)",
        holidays: &[
            ("元旦", d(2025, 1, 1), d(2025, 1, 1)),
            ("春节", d(2025, 1, 28), d(2025, 2, 4)),
            ("清明节", d(2025, 4, 4), d(2025, 4, 6)),
            ("劳动节", d(2025, 5, 1), d(2025, 5, 5)),
            ("端午节", d(2025, 5, 31), d(2025, 6, 2)),
            ("国庆节、中秋节", d(2025, 10, 1), d(2025, 10, 8)),
        ],
        make_up_days: &[
            d(2025, 1, 26),
            d(2025, 2, 8),
            d(2025, 4, 27),
            d(2025, 9, 28),
            d(2025, 10, 11),
        ],
    },
    StaticYear {
        year: 2026,
        notice: "国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)",
        holidays: &[
            ("元旦", d(2026, 1, 1), d(2026, 1, 3)),
            ("春节", d(2026, 2, 15), d(2026, 2, 23)),
            ("清明节", d(2026, 4, 4), d(2026, 4, 6)),
            ("劳动节", d(2026, 5, 1), d(2026, 5, 5)),
            ("端午节", d(2026, 6, 19), d(2026, 6, 21)),
            ("中秋节", d(2026, 9, 25), d(2026, 9, 27)),
            ("国庆节", d(2026, 10, 1), d(2026, 10, 7)),
        ],
        make_up_days: &[
            d(2026, 1, 4),
            d(2026, 2, 14),
            d(2026, 2, 28),
            d(2026, 5, 9),
            d(2026, 9, 20),
            d(2026, 10, 10),
        ],
    },
];
