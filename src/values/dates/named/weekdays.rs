//! Weekdays: a weekday («الخميس», «يوم الخميس»), the nth weekday of a
//! month («الأحد الثاني», «الجمعة الأولى من يوليو») and a weekday with a
//! day of the month but no month («الخميس 21», «الجمعة في 22»).

use chrono::{Datelike, NaiveDate};

use super::CalAt;
use super::weeks::{Period, period_at};
use crate::doc::{Chunk, Kind};
use crate::values::dates::calendar::{Cal, add_days, add_months};
use crate::values::dates::duration::weekday_word;
use crate::values::dates::{Found, after, date_word, hit, next_hit, next_word_is, word_is};
use crate::values::numbers;
use crate::values::words::{Count, DateW, Unit, next_token};

/// The nth weekday of a month: «الأحد الثاني» (the second Sunday),
/// «الجمعة الأولى من يوليو», «أول يوم جمعة في هذا الشهر». The month is
/// the one named after «من» or «في», else the reference's; with a year
/// the value is the date (`2017-09-10`), without one Recognizers-Text's
/// form `XXXX-07-WXX-5-#1` (TIMEX3 has none). Ordinals 1–5 only: above
/// that they are days of the month («الأحد الرابع عشر», see
/// [`weekday_with_day`]). Not a count of weeks («الجمعة الثانية على
/// التوالي»), nor before a month kashf cannot place (a Hijri one).
pub(in crate::values::dates) fn nth_weekday(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let (wd, n, mut end) = if let Some(e) = word_is(key, pos, "اول") {
        let y = next_token(key, e).filter(|t| t.s == "يوم")?;
        let w = next_token(key, y.end)?;
        // «يوم جمعة»: the weekday without its article.
        let wd = Some(w.s)
            .filter(|w| !w.starts_with("ال"))
            .and_then(weekday_word)?;
        (wd, 1, w.end)
    } else {
        let (_, we, wd) = weekday_at(key, pos)?;
        let o = numbers::ordinal(c, after(key, we)?).filter(|o| {
            o.int && (1.0..=5.0).contains(&o.value) && key[o.start..].starts_with("ال")
        })?;
        (wd, o.value as u8, o.end)
    };
    if next_word_is(key, end, &["علي"])
        .is_some_and(|e| next_word_is(key, e, &["التوالي"]).is_some())
    {
        return None;
    }
    // (year, month) of the month named after it, or the reference's.
    let mut month = c.ref_date.map(|r| (Some(r.year()), r.month() as u8));
    if let Some(e) = next_word_is(key, end, &["من", "في"]) {
        let q = after(key, e)?;
        match period_at(c, q) {
            Some((e, Period::Month(y, m))) => {
                end = e;
                month = m.map(|m| (y.or(c.ref_date.map(|r| r.year())), m));
            }
            // «من كل شهر» is a set; the weekday alone is read.
            None if key[q..].starts_with("كل") => {}
            // «من رمضان»: a month kashf cannot place; «من العام».
            _ => return None,
        }
    }
    let value = match month {
        Some((Some(y), m)) => {
            let first = NaiveDate::from_ymd_opt(y, u32::from(m), 1)?;
            let offset =
                (i64::from(wd) - i64::from(first.weekday().number_from_monday())).rem_euclid(7);
            let date = add_days(first, offset + 7 * (i64::from(n) - 1))?;
            if date.month() != u32::from(m) {
                return None;
            }
            date.to_string()
        }
        Some((None, m)) => format!("XXXX-{m:02}-WXX-{wd}-#{n}"),
        None => format!("XXXX-XX-WXX-{wd}-#{n}"),
    };
    Some(Found::new(pos, end, value, Kind::Date))
}

/// «الخميس 21», «الجمعة في 22», «الأحد الثالث عشر»: a weekday and a day of
/// the month without the month. With a reference, the date nearest to it
/// (two months either side) whose day is `day` and weekday `weekday`;
/// without one (or where no such date is near), the day alone:
/// `XXXX-XX-21`. A day in words must be 11 or more: «الأحد الثاني» is as
/// often the second Sunday.
pub(super) fn weekday_with_day(
    c: &Chunk<'_>,
    start: usize,
    end: usize,
    weekday: u8,
    day: u8,
) -> CalAt {
    let found = c.ref_date.and_then(|r| {
        (-2..=2)
            .filter_map(|k| {
                let month = add_months(r.with_day(1)?, k)?;
                let date = month.with_day(u32::from(day))?;
                (date.weekday().number_from_monday() == u32::from(weekday)).then_some(date)
            })
            .min_by_key(|d| (*d - r).num_days().abs())
    });
    let cal = match found {
        Some(date) => Cal::of(date),
        None => Cal {
            d: Some(day),
            ..Cal::default()
        },
    };
    CalAt::gregorian(start, end, cal)
}

/// A weekday: «الخميس», «يوم الخميس». Returns the span and the ISO number.
pub(in crate::values::dates) fn weekday_at(key: &str, pos: usize) -> Option<(usize, usize, u8)> {
    let h = hit(key, pos)?;
    match date_word(&h)? {
        DateW::Weekday(w) if !h.article => Some((h.start, h.end, w)),
        DateW::Unit(Unit::Day, Count::One) if !h.article => {
            let w = next_hit(key, h.end)?;
            match date_word(&w)? {
                DateW::Weekday(n) if w.clitic.is_empty() && !w.article => Some((h.start, w.end, n)),
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::values::dates::{check_dates, dates_in};

    #[test]
    fn nth_weekday_of_a_month() {
        // 2021-03-12 is a Friday; March 2021 begins on a Monday.
        let r = Some("2021-03-12");
        check_dates(&[
            (
                "يجتمع المجلس يوم الاثنين الثاني",
                r,
                "يوم الاثنين الثاني",
                "2021-03-08",
            ),
            ("تقام الصلاة الجمعة الأولى", r, "الجمعة الاولى", "2021-03-05"),
            (
                "تبدأ الدورة أول يوم خميس من أبريل",
                r,
                "اول يوم خميس من ابريل",
                "2021-04-01",
            ),
            (
                "يعقد اللقاء الأحد الثاني من الشهر المقبل",
                r,
                "الاحد الثاني من الشهر المقبل",
                "2021-04-11",
            ),
            (
                "يجتمع المجلس يوم الاثنين الثاني",
                None,
                "يوم الاثنين الثاني",
                "XXXX-XX-WXX-1-#2",
            ),
            (
                "تبدأ الدورة أول يوم خميس من أبريل",
                None,
                "اول يوم خميس من ابريل",
                "XXXX-04-WXX-4-#1",
            ),
        ]);
        // A count of weeks, and a fifth that the month does not have.
        let got = dates_in("خرجوا الجمعة الثانية على التوالي", r);
        assert_eq!(got, vec![("الجمعة".to_owned(), "2021-03-12".to_owned())]);
        let got = dates_in("يوم الخميس الخامس", Some("2021-02-10"));
        assert_eq!(
            got,
            vec![("يوم الخميس".to_owned(), "2021-02-11".to_owned())]
        );
    }

    #[test]
    fn weekday_with_a_day_of_the_month() {
        // 2017-09-27 is a Wednesday.
        let r = Some("2017-09-27");
        check_dates(&[
            ("الأربعاء 7 آذار", None, "الاربعاء 7 اذار", "XXXX-03-07"),
            ("عاد يوم الخميس 21", r, "يوم الخميس 21", "2017-09-21"),
            ("عاد الجمعة في 22", r, "الجمعة في 22", "2017-09-22"),
            (
                "عاد الأحد الثالث عشر",
                Some("2016-11-07"),
                "الاحد الثالث عشر",
                "2016-11-13",
            ),
            (
                "الخميس في الحادي والعشرين",
                r,
                "الخميس في الحادي والعشرين",
                "2017-09-21",
            ),
            ("عاد يوم الخميس 21", None, "يوم الخميس 21", "XXXX-XX-21"),
            (
                "الجمعة الموافق 9 من الشهر الجاري",
                Some("2013-08-05"),
                "الجمعة الموافق 9 من الشهر الجاري",
                "2013-08-09",
            ),
            // A masculine ordinal after «في» is the day, not the hour.
            (
                "تنطلق القمة يوم الخميس في السابع",
                r,
                "يوم الخميس في السابع",
                "2017-09-07",
            ),
            (
                "وصل الوفد يوم الأحد في الثالث من الشهر",
                r,
                "يوم الاحد في الثالث",
                "2017-09-03",
            ),
            // The day in cardinal words.
            (
                "تعقد الجلسة يوم الجمعة في خمسة عشر",
                r,
                "يوم الجمعة في خمسة عشر",
                "2017-09-15",
            ),
        ]);
        // The feminine ordinal is the hour; a counted noun makes a count.
        check_dates(&[(
            "تنطلق القمة يوم الخميس في السابعة",
            r,
            "يوم الخميس في السابعة",
            "2017-09-28T07:00",
        )]);
        let got = dates_in("زار يوم الجمعة في خمسة عشر بلدا", r);
        assert_eq!(
            got,
            vec![("يوم الجمعة".to_owned(), "2017-09-29".to_owned())]
        );
    }
}
