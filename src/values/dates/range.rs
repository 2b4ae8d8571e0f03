//! Ranges of dates: «بين عامي 1980 و1988», «بين 3 و7 مارس», «من 3 إلى 7
//! مارس», «من عام 2001 حتى عام 2005», «1980-1988». The value joins both
//! ends with `/`; the first end takes what it lacks (month, year) from the
//! second.
//!
//! In: a [`Chunk`] and a token position. Out: the range that starts there.

use chrono::{Datelike, NaiveDate};

use super::calendar::{Cal, gregorian_to_hijri, hijri_to_gregorian};
use super::named::{
    CalAt, Period, cal_at, day_at, period_at, thousands_number, thousands_year, year_at,
};
use super::{Found, after, counts_after, date_word, hit, next_word_is};
use crate::doc::{Chunk, Kind};
use crate::values::words::{self, Count, DateW, Opener, TokKind, Unit, next_token, token_at};

/// «بين عامي 1980 و1988», «بين 3 و7 مارس», «من 3 إلى 7 مارس», «من عام
/// 2001 حتى عام 2005», «1980-1988». The value joins both ends with `/`.
pub(super) fn range_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let t = token_at(key, pos)?;
    // «1980-1988»: two years and a hyphen.
    if t.kind == TokKind::Digits {
        let Some((_, ye, y1, hijri)) = year_at(key, pos, true) else {
            return hyphen_days(c, t);
        };
        if let Some(open) = open_end(c, t.start, ye, y1, hijri) {
            return Some(open);
        }
        let dash = next_token(key, ye).filter(|d| matches!(d.s, "-" | "–"))?;
        let q = after(key, dash.end)?;
        let (_, e, y2, _) = year_at(key, q, true)?;
        // «بين 2014-2018»: «بين» opens the range's span, as in «بين
        // عامي 1980 و1988».
        let start = words::prev_token(key, t.start)
            .filter(|b| b.s == "بين")
            .map_or(t.start, |b| b.start);
        return (y2 > y1).then(|| Found::new(start, e, format!("{y1}/{y2}"), Kind::Date));
    }
    let h = words::lookup(key, t.start, t.end)?;
    let opener = match date_word(&h)? {
        DateW::Opener(o @ (Opener::Between | Opener::From)) => o,
        _ => return None,
    };
    let mut q = after(key, h.end)?;
    // Most «من» open no date: give up unless a number or a table word
    // follows.
    let next = token_at(key, q)?;
    if next.kind != TokKind::Digits && words::word(key, Some(next)).is_none() {
        return None;
    }
    if opener == Opener::Between {
        // «بين عامي 1980 و1988».
        if let Some(y) = hit(key, q)
            .filter(|y| matches!(date_word(y), Some(DateW::Unit(Unit::Year, Count::Two))))
        {
            return years_pair(c, h.start, y.end);
        }
    }
    // The first end: a date, a day alone or a year alone.
    let first_start = q;
    let (first, first_words) = match cal_at(c, q, true)
        .or_else(|| bare_day(c, q))
        .or_else(|| bare_year(key, q))
    {
        Some(f) => (f, false),
        None => (words_year(key, q, false)?, true),
    };
    q = first.end;
    // The link: و (between), إلى, حتى, وحتى (from); a hyphen between two
    // days of a month named after them («من 4-23 في الشهر المقبل»).
    let mut dash = false;
    let second_pos = match opener {
        Opener::Between => and_link(key, q)?,
        _ => {
            let t = next_token(key, q)?;
            let w = t.s.strip_prefix('و').unwrap_or(t.s);
            dash = w == "-" && first.cal.m.is_none() && first.cal.y.is_none();
            if !(matches!(w, "الي" | "حتي") || dash) {
                return None;
            }
            after(key, t.end)?
        }
    };
    let (mut second, second_words) = match cal_at(c, second_pos, true)
        .or_else(|| bare_day(c, second_pos))
        .or_else(|| bare_year(key, second_pos))
    {
        Some(s) => (s, false),
        None => (words_year(key, second_pos, true)?, true),
    };
    // Years in words in the thousands' form, at both ends or at neither
    // («من ألفين إلى ألفين وأربعة عشر»); counts where both are round
    // hundreds («من ألف إلى ألفين»).
    if (first_words || second_words)
        && (first_words != second_words
            || [first.cal.y, second.cal.y]
                .iter()
                .all(|y| y.is_some_and(|y| y % 100 == 0)))
    {
        return None;
    }
    // Two days, then their month: «من 4 إلى 22 هذا الشهر», «بين 4 و22 من
    // الشهر المقبل» (the month's year where it has one, else the
    // reference's).
    let mut month_named = false;
    if second.cal.d.is_some() && second.cal.m.is_none() && second.cal.y.is_none() {
        let p = next_word_is(key, second.end, &["من", "في"]).unwrap_or(second.end);
        if let Some((e, Period::Month(y, m))) = after(key, p).and_then(|q| period_at(c, q)) {
            second.end = e;
            second.cal.m = m;
            second.cal.y = y.or(c.ref_date.map(|r| r.year()));
            month_named = true;
        }
    }
    // «بين التاسع والتاسع عشر من هذا الشهر» without a reference: the
    // second end took its month relative to an unknown one (its value
    // `XXXX-XX-19`); the first shares it.
    if second.cal.d.is_some()
        && second.cal.m.is_none()
        && second.cal.y.is_none()
        && c.ref_date.is_none()
        && key[second_pos..second.end].contains("الشهر")
    {
        month_named = true;
    }
    if dash && !month_named {
        return None;
    }
    let (mut a, mut b) = (first.cal, second.cal);
    // «من 10 إلى 15 شوال»: a day alone before a Hijri day is a day of the
    // same Hijri month, not of the Gregorian month the second falls in.
    if second.hijri && a.m.is_none() && a.y.is_none() {
        a = Cal::of(hijri_day_before(c, first.cal.d?, second.cal.date()?)?);
    }
    // The first end takes what it lacks from the second: «من 3 إلى 7 مارس».
    if a.m.is_none() && a.d.is_some() {
        a.m = b.m;
    }
    if a.y.is_none() && a.m.is_some() {
        a.y = b.y;
    }
    if b.y.is_none() && b.m.is_some() {
        b.y = a.y;
    }
    if a.m.is_none() != b.m.is_none()
        || a.d.is_none() != b.d.is_none()
        || a.m.is_none() && a.y.is_none() && !month_named
    {
        return None;
    }
    if a.y.is_none()
        && let Some(r) = c.ref_date
    {
        a.y = Some(r.year());
        b.y = Some(r.year());
    }
    // «تأجيل المباراة من 3 إلى 7 مارس»: the old date and the new, two
    // points; the first here (with what it takes from the second), the
    // second found after it.
    if opener == Opener::From && super::time::moved_before(key, h.start) {
        return Some(Found::new(first_start, first.end, a.timex(), Kind::Date));
    }
    if let (Some(x), Some(y)) = (a.date(), b.date())
        && x >= y
    {
        return None;
    }
    Some(Found::new(
        h.start,
        second.end,
        format!("{}/{}", a.timex(), b.timex()),
        Kind::Date,
    ))
}

/// The Gregorian date of day `d` of the Hijri month in which `end` falls,
/// if it comes before `end` («من 10 إلى 15 شوال 1436»: the 10th of
/// Shawwal).
fn hijri_day_before(c: &Chunk<'_>, d: u8, end: NaiveDate) -> Option<NaiveDate> {
    let (y, m, e) = gregorian_to_hijri(c.hijri, end)?;
    (d < e).then(|| hijri_to_gregorian(c.hijri, y, m, d))?
}

/// «2012 أو بعده», «1990 أو قبله»: a year in digits (`start` to `end`,
/// the year `y`) bounding an open range, which kashf writes as its bound,
/// the year (its values are points and closed ranges). Four digits alone
/// are a year only so.
fn open_end(c: &Chunk<'_>, start: usize, end: usize, y: i32, hijri: bool) -> Option<Found> {
    let key = c.key;
    let or = next_token(key, end).filter(|t| t.s == "او")?;
    let w = next_token(key, or.end)?;
    let open = matches!(w.s, "بعده" | "قبله")
        || matches!(w.s, "بعد" | "قبل") && next_word_is(key, w.end, &["ذلك"]).is_some();
    if !open || hijri || !(1000..=2100).contains(&y) {
        return None;
    }
    Some(Found::new(start, end, y.to_string(), Kind::Date))
}

/// After `q`, «و» and the start of what follows it, or the start of a
/// word «و» is glued to («و22», «والتاسع عشر»).
fn and_link(key: &str, q: usize) -> Option<usize> {
    let t = next_token(key, q)?;
    if t.s == "و" {
        after(key, t.end)
    } else if t.s.starts_with('و') {
        Some(t.start + 'و'.len_utf8())
    } else {
        None
    }
}

/// «نوفمبر بين 15 و19», «شهر نوفمبر بين الخامس عشر والتاسع عشر»: a
/// Gregorian month `first` (found by the grammars at its start), «بين» and
/// two of its days. Not where the second number counts something («في
/// مايو بين 10 و20 في المئة», «… و20 ألفاً»).
pub(super) fn days_of_month_before(c: &Chunk<'_>, first: &Found) -> Option<Found> {
    let key = c.key;
    let (e, Period::Month(y, Some(m))) = period_at(c, first.start)? else {
        return None;
    };
    if e != first.end {
        return None;
    }
    let between = next_token(key, e).filter(|b| b.s == "بين")?;
    let (_, e1, d1) = day_at(c, after(key, between.end)?)?;
    // An ordinal takes its glued «و» as a clitic: «والتاسع عشر».
    let link = next_token(key, e1)?;
    let (_, e2, d2) = day_at(c, and_link(key, e1)?).or_else(|| day_at(c, link.start))?;
    if d1 >= d2 || counts_after(key, e2) {
        return None;
    }
    let y = y.or(c.ref_date.map(|r| r.year()));
    let (a, b) = (
        Cal {
            y,
            m: Some(m),
            d: Some(d1),
        },
        Cal {
            y,
            m: Some(m),
            d: Some(d2),
        },
    );
    // A day the month has (in a leap year where the year is not known).
    Cal {
        y: Some(y.unwrap_or(2000)),
        ..b
    }
    .date()?;
    Some(Found::new(
        first.start,
        e2,
        format!("{}/{}", a.timex(), b.timex()),
        Kind::Date,
    ))
}

/// «عامي 1980 و1988» from the word before the years.
fn years_pair(c: &Chunk<'_>, start: usize, end: usize) -> Option<Found> {
    let key = c.key;
    let d1 = next_token(key, end).filter(|d| d.kind == TokKind::Digits)?;
    let (_, e1, y1, _) = year_at(key, d1.start, true)?;
    // «و1988» (glued) or «و 1988».
    let t = next_token(key, e1).filter(|t| t.s == "و")?;
    let p2 = after(key, t.end)?;
    let (_, e2, y2, _) = year_at(key, p2, true)?;
    (y2 > y1).then(|| Found::new(start, e2, format!("{y1}/{y2}"), Kind::Date))
}

/// A day number alone (the first end of «من 3 إلى 7 مارس»).
fn bare_day(c: &Chunk<'_>, pos: usize) -> Option<CalAt> {
    let (start, end, d) = day_at(c, pos)?;
    Some(CalAt::gregorian(
        start,
        end,
        Cal {
            d: Some(d),
            ..Cal::default()
        },
    ))
}

/// A year with or without its marker.
fn bare_year(key: &str, pos: usize) -> Option<CalAt> {
    let (start, end, y, hijri) = year_at(key, pos, true)?;
    (!hijri).then_some(CalAt::gregorian(
        start,
        end,
        Cal {
            y: Some(y),
            ..Cal::default()
        },
    ))
}

/// A year in words in the thousands' form as an end of a range: the first
/// end before its link, the second (`last`) where the clause ends (see
/// [`thousands_year`]).
fn words_year(key: &str, pos: usize, last: bool) -> Option<CalAt> {
    let (start, end, y) = if last {
        thousands_year(key, pos)?
    } else {
        thousands_number(key, pos)?
    };
    Some(CalAt::gregorian(
        start,
        end,
        Cal {
            y: Some(y),
            ..Cal::default()
        },
    ))
}

/// «19-20 نوفمبر», «(ما) بين 4-22 يناير 2017»: two days of one month
/// joined by a hyphen, the month (and year) written once after the second.
/// `t` is the first day's digits.
fn hyphen_days(c: &Chunk<'_>, t: words::Tok<'_>) -> Option<Found> {
    let key = c.key;
    let d1 = words::parse_digits(t.s)
        .filter(|d| d.int && d.width <= 2)?
        .value as u8;
    let dash = token_at(key, t.end).filter(|d| d.s == "-")?;
    let second = cal_at(c, dash.end, false).filter(|s| s.start == dash.end)?;
    let (Some(d2), Some(_)) = (second.cal.d, second.cal.m) else {
        return None;
    };
    if !(1..d2).contains(&d1) {
        return None;
    }
    let first = Cal {
        d: Some(d1),
        ..second.cal
    };
    // «بين» before it belongs to the range.
    let start = words::prev_token(key, t.start)
        .filter(|b| b.s == "بين")
        .map_or(t.start, |b| b.start);
    Some(Found::new(
        start,
        second.end,
        format!("{}/{}", first.timex(), second.cal.timex()),
        Kind::Date,
    ))
}

/// Whether a TIMEX3 value names one day: `2016-11-07`, `XXXX-10-02`,
/// `XXXX-XX-XX`, `XXXX-WXX-5`.
fn one_day(value: &str) -> bool {
    value.len() == 10
        && (value.as_bytes()[4] == b'-' && value.as_bytes()[7] == b'-'
            || value.starts_with("XXXX-WXX-"))
}

/// «الجمعة حتى الأحد», «اليوم حتى الغد», «من 2 أكتوبر إلى 22 أكتوبر»,
/// «من اليوم حتى 22 أكتوبر»: a day `first` (found by the grammars at its
/// start), «حتى» or «إلى», and another day. A «من» before the first day
/// belongs to the range. Resolved ends must come in order.
pub(super) fn days_after(c: &Chunk<'_>, first: &Found) -> Option<Found> {
    let key = c.key;
    if first.kind != Kind::Date || !one_day(&first.value) {
        return None;
    }
    let link = next_token(key, first.end)?;
    let w = link.s.strip_prefix('و').unwrap_or(link.s);
    // «من» before the first day: «من … إلى/حتى …». Without it, «إلى»
    // mostly says where a date was moved to («أرجئت المحاكمة أمس إلى
    // السابع من سبتمبر»); «حتى» still closes a range.
    let from = words::prev_token(key, first.start).filter(|b| b.s == "من");
    if !(w == "حتي" || w == "الي" && from.is_some()) {
        return None;
    }
    // «تأجيل المباراة من الخميس إلى السبت»: the old day and the new.
    if super::time::moved_before(key, from.map_or(first.start, |b| b.start)) {
        return None;
    }
    let second = super::phrase_at(c, after(key, link.end)?)?;
    if second.kind != Kind::Date || !one_day(&second.value) {
        return None;
    }
    let date = |v: &str| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok();
    if let (Some(a), Some(b)) = (date(&first.value), date(&second.value))
        && a >= b
    {
        return None;
    }
    Some(Found::new(
        from.map_or(first.start, |b| b.start),
        second.end,
        format!("{}/{}", first.value, second.value),
        Kind::Date,
    ))
}

#[cfg(test)]
mod tests {
    use super::super::{check_dates, dates_in};

    #[test]
    fn two_years_with_a_hyphen_after_bayn() {
        check_dates(&[
            (
                "ارتفع الإنتاج بين 2014-2018 بنسبة كبيرة",
                None,
                "بين 2014-2018",
                "2014/2018",
            ),
            ("في الفترة 2014-2018", None, "2014-2018", "2014/2018"),
        ]);
    }

    #[test]
    fn days_with_their_month_after_or_before() {
        // 2021-03-12 is a Friday.
        let r = Some("2021-03-12");
        check_dates(&[
            (
                "سأسافر من 4 إلى 22 هذا الشهر",
                r,
                "من 4 الى 22 هذا الشهر",
                "2021-03-04/2021-03-22",
            ),
            (
                "تعقد الدورة بين 4 و22 من الشهر المقبل",
                r,
                "بين 4 و22 من الشهر المقبل",
                "2021-04-04/2021-04-22",
            ),
            (
                "العطلة من 4-23 في الشهر المقبل",
                r,
                "من 4-23 في الشهر المقبل",
                "2021-04-04/2021-04-23",
            ),
            (
                "سأسافر من 4 إلى 22 هذا الشهر",
                None,
                "من 4 الى 22 هذا الشهر",
                "XXXX-XX-04/XXXX-XX-22",
            ),
            (
                "يقام المهرجان ما بين التاسع والتاسع عشر من هذا الشهر",
                None,
                "بين التاسع والتاسع عشر من هذا الشهر",
                "XXXX-XX-09/XXXX-XX-19",
            ),
            (
                "يقام المهرجان ما بين التاسع والتاسع عشر من هذا الشهر",
                r,
                "بين التاسع والتاسع عشر من هذا الشهر",
                "2021-03-09/2021-03-19",
            ),
            (
                "تجري الانتخابات في نوفمبر بين 15 و19",
                r,
                "نوفمبر بين 15 و19",
                "2021-11-15/2021-11-19",
            ),
            (
                "شهر نوفمبر بين الخامس عشر والتاسع عشر",
                None,
                "شهر نوفمبر بين الخامس عشر والتاسع عشر",
                "XXXX-11-15/XXXX-11-19",
            ),
        ]);
    }

    #[test]
    fn days_of_a_hijri_month() {
        // Umm al-Qura: 1 Shawwal 1436 = 2015-07-17, 1 Ramadan 1436 =
        // 2015-06-18.
        let r = Some("2015-08-12");
        check_dates(&[
            (
                "يقام المهرجان خلال الفترة من 10 إلى 15 شوال 1436",
                None,
                "من 10 الى 15 شوال 1436",
                "2015-07-26/2015-07-31",
            ),
            (
                "تستمر الإجازة بين 5 و 9 رمضان",
                r,
                "بين 5 و 9 رمضان",
                "2015-06-22/2015-06-26",
            ),
            (
                "من 28 رمضان إلى 3 شوال",
                r,
                "من 28 رمضان الى 3 شوال",
                "2015-07-15/2015-07-19",
            ),
        ]);
    }

    #[test]
    fn a_year_bounding_an_open_range() {
        check_dates(&[
            (
                "تقبل السيارات المصنوعة في 2015 أو بعده",
                None,
                "2015",
                "2015",
            ),
            ("يشمل القرار المواليد 1990 أو قبل ذلك", None, "1990", "1990"),
        ]);
        // Four digits alone stay a number.
        let got = dates_in("بلغ عدد الزوار 2015 زائراً", None);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn ranges_of_days() {
        // 2013-02-12 is a Tuesday.
        let r = Some("2013-02-12");
        check_dates(&[
            (
                "من الجمعة حتى الأحد",
                r,
                "من الجمعة حتى الاحد",
                "2013-02-08/2013-02-10",
            ),
            (
                "اليوم حتى الغد",
                r,
                "اليوم حتى الغد",
                "2013-02-12/2013-02-13",
            ),
            (
                "من اليوم حتى 22 أكتوبر",
                r,
                "من اليوم حتى 22 اكتوبر",
                "2013-02-12/2013-10-22",
            ),
            (
                "من 2 أكتوبر إلى 22 أكتوبر",
                None,
                "من 2 اكتوبر الى 22 اكتوبر",
                "XXXX-10-02/XXXX-10-22",
            ),
            (
                "تعقد 19-20 نوفمبر",
                None,
                "19-20 نوفمبر",
                "XXXX-11-19/XXXX-11-20",
            ),
            (
                "ما بين 4-22 يناير 2017",
                None,
                "بين 4-22 يناير 2017",
                "2017-01-04/2017-01-22",
            ),
        ]);
        // Ends out of order, or not days: no range.
        for (text, want) in [
            ("ارتفعت الأسعار في مايو بين 10 و20 في المئة", 1),
            ("تراوحت في مايو بين 10 و20%", 1),
            ("سجل من 4-23 نقطة", 0),
        ] {
            let got = dates_in(text, r);
            assert!(got.iter().all(|(_, v)| !v.contains('/')), "{text}: {got:?}");
            assert_eq!(got.len(), want, "{text}: {got:?}");
        }
        for (text, want) in [
            ("من الأحد حتى الجمعة", 2),
            ("20-19 نوفمبر", 1),
            ("أرجئت المحاكمة أمس إلى السابع من سبتمبر", 2),
        ] {
            let got = dates_in(text, r);
            assert!(got.iter().all(|(_, v)| !v.contains('/')), "{text}: {got:?}");
            assert_eq!(got.len(), want, "{text}: {got:?}");
        }
    }
}
