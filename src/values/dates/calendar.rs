//! Calendar arithmetic for the date grammars: dates any part of which may
//! be unknown ([`Cal`]) and their TIMEX3 values, days and months added,
//! weekdays resolved against a reference date, ISO weeks, and the Hijri
//! calendar.
//!
//! In: numbers (years, months, days, offsets). Out: `chrono` dates or TIMEX3
//! strings. Nothing here reads text.
//!
//! # Hijri dates
//!
//! Hijri dates are converted with the tabular (arithmetical) Islamic
//! calendar, civil epoch (1 Muharram 1 AH = 16 July 622 Julian), leap years
//! 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each 30-year cycle. Official
//! calendars (Umm al-Qura) and moon sighting may differ by one or two days.

use chrono::{Datelike, Days, Months, NaiveDate};

/// A calendar date, any part of which may be unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Cal {
    pub y: Option<i32>,
    pub m: Option<u8>,
    pub d: Option<u8>,
}

impl Cal {
    pub fn date(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.y?, u32::from(self.m?), u32::from(self.d?))
    }

    pub fn of(date: NaiveDate) -> Cal {
        Cal {
            y: Some(date.year()),
            m: Some(date.month() as u8),
            d: Some(date.day() as u8),
        }
    }

    /// The TIMEX3 value: `2020-10-23`, `1988-02`, `1992`, `XXXX-10-17`.
    pub fn timex(self) -> String {
        let y = self.y.map_or("XXXX".to_owned(), |y| format!("{y:04}"));
        match (self.m, self.d) {
            (Some(m), Some(d)) => format!("{y}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{y}-{m:02}"),
            (None, Some(d)) => format!("{y}-XX-{d:02}"),
            (None, None) if self.y.is_some() => y,
            (None, None) => "XXXX-XX-XX".to_owned(),
        }
    }

    /// A readable Arabic form: «5 نوفمبر 2020».
    pub fn readable(self) -> String {
        let mut parts = Vec::new();
        if let Some(d) = self.d {
            parts.push(d.to_string());
        }
        if let Some(m) = self.m {
            parts.push(MONTH_NAMES[usize::from(m) - 1].to_owned());
        }
        if let Some(y) = self.y {
            parts.push(y.to_string());
        }
        parts.join(" ")
    }
}

const MONTH_NAMES: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// The day `n` days from `date`.
pub(super) fn add_days(date: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        date.checked_add_days(Days::new(n as u64))
    } else {
        date.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

pub(super) fn add_months(date: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        date.checked_add_months(Months::new(n as u32))
    } else {
        date.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

/// A weekday (ISO, Monday = 1) resolved against `reference`: `dir` -1 the
/// last one strictly before, +1 the first strictly after, 0 the one in the
/// window from four days before to two days after (see the module docs).
pub(super) fn resolve_weekday(reference: NaiveDate, weekday: u8, dir: i8) -> NaiveDate {
    let today = reference.weekday().number_from_monday() as i64;
    let diff = (i64::from(weekday) - today).rem_euclid(7); // 0..=6 ahead
    let offset = match dir {
        -1 => {
            if diff == 0 {
                -7
            } else {
                diff - 7
            }
        }
        1 => {
            if diff == 0 {
                7
            } else {
                diff
            }
        }
        _ => {
            if diff <= 2 {
                diff
            } else {
                diff - 7
            }
        }
    };
    add_days(reference, offset).unwrap_or(reference)
}

/// The ISO week value of a date: `2021-W09`.
pub(super) fn week_value(date: NaiveDate) -> String {
    let w = date.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// Days from the Hijri epoch (1 Muharram 1 AH) to the given Hijri date, in
/// the tabular calendar.
fn hijri_days(y: i32, m: u8, d: u8) -> i64 {
    let (y, m, d) = (i64::from(y), i64::from(m), i64::from(d));
    // ceil(29.5 * (m - 1)): months alternate 30 and 29 days.
    let months = (59 * (m - 1) + 1) / 2;
    d - 1 + months + (y - 1) * 354 + (3 + 11 * y).div_euclid(30)
}

/// 1 Muharram 1 AH, civil epoch: 16 July 622 Julian = 19 July 622
/// proleptic Gregorian.
fn hijri_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(622, 7, 19).expect("valid date")
}

/// The Gregorian date of a Hijri date (tabular calendar), if the day
/// exists in it.
pub(super) fn hijri_to_gregorian(y: i32, m: u8, d: u8) -> Option<NaiveDate> {
    let month_len = if m % 2 == 1 || (m == 12 && hijri_leap(y)) {
        30
    } else {
        29
    };
    if !(1..=12).contains(&m) || d == 0 || d > month_len || y < 1 {
        return None;
    }
    add_days(hijri_epoch(), hijri_days(y, m, d))
}

fn hijri_leap(y: i32) -> bool {
    (14 + 11 * i64::from(y)).rem_euclid(30) < 11
}

/// The Hijri (year, month, day) of a Gregorian date.
pub(super) fn gregorian_to_hijri(date: NaiveDate) -> (i32, u8, u8) {
    let days = (date - hijri_epoch()).num_days();
    let mut y = (days * 30 / 10631 + 1) as i32;
    while hijri_days(y + 1, 1, 1) <= days {
        y += 1;
    }
    while hijri_days(y, 1, 1) > days {
        y -= 1;
    }
    let mut m = 12;
    while hijri_days(y, m, 1) > days {
        m -= 1;
    }
    let d = days - hijri_days(y, m, 1) + 1;
    (y, m, d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Known pairs (tabular calendar; Umm al-Qura agrees on these or is a
    /// day off, as noted).
    #[test]
    fn hijri_conversion() {
        let cases: &[((i32, u8, u8), NaiveDate)] = &[
            ((1, 1, 1), date(622, 7, 19)),
            // 1 Ramadan 1445: Umm al-Qura 11 March 2024.
            ((1445, 9, 1), date(2024, 3, 11)),
            // 1 Muharram 1446: 7 July 2024.
            ((1446, 1, 1), date(2024, 7, 7)),
            // 1 Shawwal 1444 (Eid al-Fitr): 21 April 2023.
            ((1444, 10, 1), date(2023, 4, 21)),
            // 10 Dhu al-Hijjah 1443 (Eid al-Adha): 9 July 2022.
            ((1443, 12, 10), date(2022, 7, 9)),
            // 1 Muharram 1400: 21 November 1979.
            ((1400, 1, 1), date(1979, 11, 21)),
        ];
        for &((y, m, d), want) in cases {
            let got = hijri_to_gregorian(y, m, d).unwrap();
            let diff = (got - want).num_days().abs();
            assert!(diff <= 1, "{d}/{m}/{y} AH: got {got}, want {want} (±1)");
            assert_eq!(gregorian_to_hijri(got), (y, m, d), "round trip of {got}");
        }
        assert_eq!(hijri_to_gregorian(1445, 9, 1), Some(date(2024, 3, 11)));
        assert_eq!(hijri_to_gregorian(1445, 2, 30), None);
    }

    #[test]
    fn hijri_round_trip_every_day() {
        let mut d = date(1900, 1, 1);
        while d < date(2100, 1, 1) {
            let (y, m, dd) = gregorian_to_hijri(d);
            assert_eq!(hijri_to_gregorian(y, m, dd), Some(d), "{d}");
            d = d.succ_opt().unwrap();
        }
    }

    #[test]
    fn weekday_resolution() {
        // 2021-03-12 is a Friday.
        let r = date(2021, 3, 12);
        let cases: &[(u8, i8, NaiveDate)] = &[
            (5, 0, date(2021, 3, 12)),
            (4, 0, date(2021, 3, 11)),
            (1, 0, date(2021, 3, 8)),
            (7, 0, date(2021, 3, 14)),
            (6, 0, date(2021, 3, 13)),
            (2, 0, date(2021, 3, 9)),
            (5, -1, date(2021, 3, 5)),
            (4, -1, date(2021, 3, 11)),
            (5, 1, date(2021, 3, 19)),
            (6, 1, date(2021, 3, 13)),
        ];
        for &(wd, dir, want) in cases {
            assert_eq!(resolve_weekday(r, wd, dir), want, "weekday {wd} dir {dir}");
        }
    }
}
