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
//! Hijri dates are converted by ICU4X's `icu_calendar` in the calendar the
//! caller chooses ([`HijriCalendar`]): Umm al-Qura by default (the KACST
//! tables, what Saudi and Gulf news date by), or the tabular (arithmetical)
//! calendar, civil epoch, leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26,
//! 29 of each 30. Its tables are compiled into the crate; nothing is read
//! at run time. A hand-written tabular conversion was used before; the
//! library replaces it because Umm al-Qura is tables, not arithmetic.

use chrono::{Datelike, Days, Months, NaiveDate};
use icu_calendar::Date;
use icu_calendar::cal::hijri::{
    TabularAlgorithm, TabularAlgorithmEpoch, TabularAlgorithmLeapYears, UmmAlQura,
};
use icu_calendar::cal::{Hijri, Iso};

use crate::doc::HijriCalendar;

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

/// Years of the Hijri era the conversion accepts.
const HIJRI_YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

fn tabular() -> Hijri<TabularAlgorithm> {
    Hijri::new_tabular(
        TabularAlgorithmLeapYears::TypeII,
        TabularAlgorithmEpoch::Friday,
    )
}

// One conversion per calendar type: ICU4X's trait over Hijri variants is
// not stable yet, so the two are spelt out by a macro rather than written
// generically.
macro_rules! hijri_conversions {
    ($to:ident, $from:ident, $cal:ty) => {
        fn $to(rules: $cal, y: i32, m: u8, d: u8) -> Option<NaiveDate> {
            let iso = Date::try_new_hijri_with_calendar(y, m, d, rules)
                .ok()?
                .to_calendar(Iso);
            NaiveDate::from_ymd_opt(
                iso.year().extended_year(),
                u32::from(iso.month().ordinal),
                u32::from(iso.day_of_month().0),
            )
        }

        fn $from(rules: $cal, date: NaiveDate) -> Option<(i32, u8, u8)> {
            let iso = Date::try_new_iso(date.year(), date.month() as u8, date.day() as u8).ok()?;
            let h = iso.to_calendar(rules);
            Some((
                h.year().extended_year(),
                h.month().ordinal,
                h.day_of_month().0,
            ))
        }
    };
}

hijri_conversions!(uq_to_gregorian, gregorian_to_uq, Hijri<UmmAlQura>);
hijri_conversions!(
    tabular_to_gregorian,
    gregorian_to_tabular,
    Hijri<TabularAlgorithm>
);

/// The Gregorian date of a Hijri date in `calendar`, if the day exists in
/// it (the 30th of a 29-day month does not).
pub(super) fn hijri_to_gregorian(
    calendar: HijriCalendar,
    y: i32,
    m: u8,
    d: u8,
) -> Option<NaiveDate> {
    if !HIJRI_YEARS.contains(&y) {
        return None;
    }
    match calendar {
        HijriCalendar::UmmAlQura => uq_to_gregorian(Hijri::new_umm_al_qura(), y, m, d),
        HijriCalendar::Tabular => tabular_to_gregorian(tabular(), y, m, d),
    }
}

/// The Hijri (year, month, day) of a Gregorian date in `calendar`, if the
/// date is in ICU4X's range.
pub(super) fn gregorian_to_hijri(
    calendar: HijriCalendar,
    date: NaiveDate,
) -> Option<(i32, u8, u8)> {
    match calendar {
        HijriCalendar::UmmAlQura => gregorian_to_uq(Hijri::new_umm_al_qura(), date),
        HijriCalendar::Tabular => gregorian_to_tabular(tabular(), date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Known pairs: (Hijri date, Umm al-Qura, tabular).
    #[test]
    fn hijri_conversion() {
        use HijriCalendar::{Tabular, UmmAlQura};
        let cases: &[((i32, u8, u8), NaiveDate, NaiveDate)] = &[
            // 1 Ramadan 1445.
            ((1445, 9, 1), date(2024, 3, 11), date(2024, 3, 11)),
            // 1 Muharram 1446.
            ((1446, 1, 1), date(2024, 7, 7), date(2024, 7, 8)),
            // 1 Shawwal 1444 (Eid al-Fitr): the tabular calendar is a day late.
            ((1444, 10, 1), date(2023, 4, 21), date(2023, 4, 22)),
            // 4 Shawwal 1436, «اليوم الاثنين 4/10/1436» in Saudi news of
            // Monday 20 July 2015.
            ((1436, 10, 4), date(2015, 7, 20), date(2015, 7, 21)),
            // 10 Dhu al-Hijjah 1443 (Eid al-Adha in Saudi Arabia).
            ((1443, 12, 10), date(2022, 7, 9), date(2022, 7, 10)),
            // 1 Muharram 1400.
            ((1400, 1, 1), date(1979, 11, 21), date(1979, 11, 21)),
        ];
        for &((y, m, d), uq, tab) in cases {
            for (calendar, want) in [(UmmAlQura, uq), (Tabular, tab)] {
                let got = hijri_to_gregorian(calendar, y, m, d);
                assert_eq!(got, Some(want), "{d}/{m}/{y} AH, {calendar:?}");
                assert_eq!(
                    gregorian_to_hijri(calendar, want),
                    Some((y, m, d)),
                    "{want}, {calendar:?}"
                );
            }
        }
        assert_eq!(hijri_to_gregorian(Tabular, 1, 1, 1), Some(date(622, 7, 19)));
        // Safar has 29 days in the tabular calendar; Umm al-Qura's 1444 had
        // 29 too.
        assert_eq!(hijri_to_gregorian(Tabular, 1445, 2, 30), None);
        assert_eq!(hijri_to_gregorian(UmmAlQura, 1444, 9, 30), None);
        assert_eq!(hijri_to_gregorian(UmmAlQura, 1444, 13, 1), None);
        assert_eq!(hijri_to_gregorian(UmmAlQura, 0, 1, 1), None);
    }

    #[test]
    fn hijri_round_trip_every_day() {
        for calendar in [HijriCalendar::UmmAlQura, HijriCalendar::Tabular] {
            let mut d = date(1900, 1, 1);
            while d < date(2100, 1, 1) {
                let (y, m, dd) = gregorian_to_hijri(calendar, d).unwrap();
                assert_eq!(
                    hijri_to_gregorian(calendar, y, m, dd),
                    Some(d),
                    "{d}, {calendar:?}"
                );
                d = d.succ_opt().unwrap();
            }
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
