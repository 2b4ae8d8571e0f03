//! Holidays: feasts with a fixed day in the Gregorian calendar («عيد
//! الميلاد», «رأس السنة الميلادية», «عيد العمال»), in the Hijri one («عيد
//! الفطر», «عيد الأضحى», «المولد النبوي», «رأس السنة الهجرية», «يوم
//! عرفة»), and Thanksgiving (the fourth Thursday of November), with «يوم»
//! before them (the same day) or «ليلة» (the eve: the day before), and
//! a year after them («عيد الفطر 2016», «عيد الأضحى لعام 1436 هـ», «عيد
//! الميلاد العام المقبل»).
//!
//! In: a [`Chunk`] and a token position. Out: the holiday that starts
//! there, a DATE of kind date.
//!
//! The value is the day: in the year written after the holiday; else in
//! the reference date's year (a Hijri feast in the reference's Hijri year,
//! converted with the chunk's calendar: the feast of the year the text is
//! written in); else `XXXX-MM-DD` for a Gregorian feast and `XXXX-XX-XX`
//! for a Hijri one, whose Gregorian day moves from year to year. A Hijri
//! feast with a Gregorian year is its first occurrence in that year.
//!
//! Left out by design: holidays whose day depends on the country
//! («العيد الوطني», «عيد الاستقلال», «يوم الأب»: 21 June in most Arab
//! countries, the third Sunday of June elsewhere) or on the church
//! («عيد الفصح»: Western and Eastern Easter differ, and Arabic news reports
//! both); «عيد الميلاد» followed by a number or an ordinal is a birthday
//! («عيد الميلاد الـ90»), not Christmas.

use chrono::{Datelike, NaiveDate, Weekday};

use super::calendar::{add_days, gregorian_to_hijri, hijri_to_gregorian};
use super::named::year_at;
use super::relative::relative;
use super::{Found, after, date_word, hit};
use crate::doc::{Chunk, Kind};
use crate::values::numbers;
use crate::values::words::{Count, DateW, DayPart, TokKind, Unit, next_token};

/// When a holiday falls.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Day {
    /// A fixed Gregorian month and day.
    Gregorian(u32, u32),
    /// A fixed Hijri month and day.
    Hijri(u8, u8),
    /// The fourth Thursday of November.
    Thanksgiving,
}

/// The holidays, as words of the matching key (ة → ه, ى → ي, hamza
/// folded), the longest wording of each first.
const HOLIDAYS: &[(&[&str], Day)] = &[
    (&["عيد", "الميلاد", "المجيد"], Day::Gregorian(12, 25)),
    (&["عيد", "الميلاد"], Day::Gregorian(12, 25)),
    (&["راس", "السنه", "الميلاديه"], Day::Gregorian(1, 1)),
    (&["راس", "السنه", "الجديده"], Day::Gregorian(1, 1)),
    (&["راس", "السنه", "الهجريه"], Day::Hijri(1, 1)),
    (&["عيد", "العمال"], Day::Gregorian(5, 1)),
    (&["عيد", "الحب"], Day::Gregorian(2, 14)),
    (&["عيد", "الام"], Day::Gregorian(3, 21)),
    (&["عيد", "الشكر"], Day::Thanksgiving),
    (&["عيد", "الفطر", "المبارك"], Day::Hijri(10, 1)),
    (&["عيد", "الفطر"], Day::Hijri(10, 1)),
    (&["عيد", "الاضحي", "المبارك"], Day::Hijri(12, 10)),
    (&["عيد", "الاضحي"], Day::Hijri(12, 10)),
    (&["المولد", "النبوي", "الشريف"], Day::Hijri(3, 12)),
    (&["المولد", "النبوي"], Day::Hijri(3, 12)),
];

/// Holidays named after «يوم» alone: «يوم عرفة», «يوم الشكر».
const DAYS: &[(&str, Day)] = &[("عرفه", Day::Hijri(12, 9)), ("الشكر", Day::Thanksgiving)];

/// The holiday that starts at the token at `pos` (see the module docs).
pub(super) fn holiday_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let h = hit(key, pos)?;
    // «يوم عيد الميلاد», «ليلة رأس السنة»; «يوم عرفة».
    let (eve, head) = match date_word(&h)? {
        DateW::Unit(Unit::Day, Count::One) if !h.article => {
            let n = next_token(key, h.end)?;
            if let Some(&(_, day)) = DAYS.iter().find(|(w, _)| *w == n.s) {
                return Some(dated(c, h.start, n.end, day, false));
            }
            (false, n.start)
        }
        DateW::Part(DayPart::Night, false) if !h.article => (true, after(key, h.end)?),
        DateW::Feast => (false, pos),
        _ => return None,
    };
    let first = hit(key, head).filter(|f| date_word(f) == Some(DateW::Feast))?;
    let start = if head == pos { first.start } else { h.start };
    let (end, day) = HOLIDAYS.iter().find_map(|(words, day)| {
        let mut end = first.end;
        if key[first.start..first.end] != *words[0] {
            return None;
        }
        for w in &words[1..] {
            let t = next_token(key, end).filter(|t| t.s == *w)?;
            end = t.end;
        }
        Some((end, *day))
    })?;
    // «عيد الميلاد الـ90», «عيد الميلاد الخامس»: a birthday.
    if day == Day::Gregorian(12, 25)
        && let Some(n) = next_token(key, end)
        && (n.kind == TokKind::Digits
            || n.s == "ال"
            || numbers::ordinal(c, n.start).is_some_and(|o| o.start == n.start))
    {
        return None;
    }
    Some(dated(c, start, end, day, eve))
}

/// The holiday `day` spanning `start..end`, with the year written after
/// it, as a [`Found`].
fn dated(c: &Chunk<'_>, start: usize, end: usize, day: Day, eve: bool) -> Found {
    let key = c.key;
    // A year after: «2016», «عام 2016», «لعام 1436 هـ», «العام المقبل».
    let written = after(key, end).and_then(|q| {
        if let Some((_, e, y, hijri)) = year_at(key, q, true) {
            return Some((e, y, hijri));
        }
        let r = relative(c, q)?;
        let y: i32 = r.value.parse().ok().filter(|_| r.value.len() == 4)?;
        Some((r.end, y, false))
    });
    let (end, year) = match written {
        Some((e, y, hijri)) => (e, Some((y, hijri))),
        None => (end, None),
    };
    let mut date = resolve(c, day, year);
    // The eve of the reference year's new year is in that year.
    if eve
        && year.is_none()
        && let (Some(d), Some(r)) = (date, c.ref_date)
        && d.year() == r.year()
        && add_days(d, -1).is_some_and(|e| e.year() < r.year())
    {
        date = resolve(c, day, Some((r.year() + 1, false)));
    }
    let value = match (date, day) {
        (Some(d), _) => (if eve { add_days(d, -1) } else { Some(d) })
            .map_or_else(|| "XXXX-XX-XX".to_owned(), |d| d.to_string()),
        (None, Day::Gregorian(m, d)) if !eve => format!("XXXX-{m:02}-{d:02}"),
        (None, Day::Thanksgiving) if !eve => "XXXX-11-WXX-4-4".to_owned(),
        (None, _) => "XXXX-XX-XX".to_owned(),
    };
    Found::new(start, end, value, Kind::Date)
}

/// The day of `day` in the written `year` (Hijri when its flag says so),
/// else in the reference's year; `None` without either.
fn resolve(c: &Chunk<'_>, day: Day, year: Option<(i32, bool)>) -> Option<NaiveDate> {
    let (y, hijri_year) = match year {
        Some(y) => y,
        None => (c.ref_date?.year(), false),
    };
    match day {
        Day::Gregorian(m, d) if !hijri_year => NaiveDate::from_ymd_opt(y, m, d),
        Day::Thanksgiving if !hijri_year => {
            NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Thu, 4)
        }
        Day::Hijri(m, d) if hijri_year => hijri_to_gregorian(c.hijri, y, m, d),
        // No year written: the feast of the reference's Hijri year.
        Day::Hijri(m, d) if year.is_none() => {
            let (hy, _, _) = gregorian_to_hijri(c.hijri, c.ref_date?)?;
            hijri_to_gregorian(c.hijri, hy, m, d)
        }
        // A Gregorian year: its first occurrence in that year.
        Day::Hijri(m, d) => {
            let (hy, _, _) = gregorian_to_hijri(c.hijri, NaiveDate::from_ymd_opt(y, 1, 1)?)?;
            [hy, hy + 1]
                .into_iter()
                .filter_map(|hy| hijri_to_gregorian(c.hijri, hy, m, d))
                .find(|g| g.year() == y)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{check_dates, check_no_dates};

    #[test]
    fn holidays() {
        let r = Some("2016-11-07");
        check_dates(&[
            // Fixed Gregorian days, in the reference's year or without one.
            ("سأعود في عيد الميلاد", r, "عيد الميلاد", "2016-12-25"),
            ("سأعود في عيد الميلاد", None, "عيد الميلاد", "XXXX-12-25"),
            (
                "احتفلوا بعيد الميلاد المجيد",
                r,
                "عيد الميلاد المجيد",
                "2016-12-25",
            ),
            ("سأعود في يوم عيد الميلاد", r, "يوم عيد الميلاد", "2016-12-25"),
            (
                "سهرنا ليلة رأس السنة الميلادية",
                r,
                "ليلة راس السنة الميلادية",
                "2016-12-31",
            ),
            (
                "عطلة رأس السنة الجديدة",
                r,
                "راس السنة الجديدة",
                "2016-01-01",
            ),
            ("تظاهروا في عيد العمال", r, "عيد العمال", "2016-05-01"),
            // Thanksgiving: the fourth Thursday of November.
            ("سأعود في عيد الشكر 2010", r, "عيد الشكر 2010", "2010-11-25"),
            ("سأعود في يوم الشكر", r, "يوم الشكر", "2016-11-24"),
            // Hijri feasts: in the reference's Hijri year, by Umm al-Qura.
            ("سأعود في عيد الفطر", r, "عيد الفطر", "2017-06-25"),
            (
                "يحل عيد الأضحى المبارك",
                Some("2015-07-21"),
                "عيد الاضحى المبارك",
                "2015-09-23",
            ),
            (
                "وقف الحجاج يوم عرفة",
                Some("2015-09-20"),
                "يوم عرفة",
                "2015-09-22",
            ),
            (
                "احتفالات المولد النبوي الشريف",
                r,
                "المولد النبوي الشريف",
                "2016-12-11",
            ),
            (
                "عطلة رأس السنة الهجرية",
                r,
                "راس السنة الهجرية",
                "2016-10-02",
            ),
            // A year written after: Hijri, Gregorian, relative.
            (
                "عطلة عيد الفطر لعام 1436 هـ",
                None,
                "عيد الفطر لعام 1436 ه",
                "2015-07-17",
            ),
            (
                "عطلة عيد الأضحى عام 2016",
                None,
                "عيد الاضحى عام 2016",
                "2016-09-11",
            ),
            (
                "سأعود في عيد الميلاد العام المقبل",
                r,
                "عيد الميلاد العام المقبل",
                "2017-12-25",
            ),
            // No reference: a Hijri feast's day is unknown.
            ("سأعود في عيد الفطر", None, "عيد الفطر", "XXXX-XX-XX"),
        ]);
    }

    #[test]
    fn not_holidays() {
        check_no_dates(
            &[
                "احتفل بعيد الميلاد الـ90 للملك",
                "احتفل بعيد الميلاد التسعين",
                "عيد ميلاده",
                "رأس المال",
                "يقع بعيد عن المدينة",
                "العيد الوطني",
            ],
            Some("2016-11-07"),
        );
    }
}
