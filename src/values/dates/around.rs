//! A date phrase grown by the words around it, once a grammar has found
//! it: «وقت لاحق/سابق/مبكر (من)» before a week, a month or a year («في
//! وقت سابق من هذا الشهر»), «أسبوع» before a day (its ISO week: «أسبوع 7
//! يونيو»), and «من الآن» after a length of days to years (the day that
//! far from the reference: «عام و 4 أشهر من الآن»).
//!
//! In: a [`Chunk`] and a [`Found`] phrase. Out: the phrase, longer and
//! with its new value where the words around it say so, else as it was.
//! `date_at` runs these on every phrase it finds; each returns at its
//! first test where the phrase is not of its kind.

use super::Found;
use super::calendar::{add_days, add_months, week_value};
use crate::doc::{Chunk, Kind};
use crate::values::words::{next_token, prev_token};

/// A period with «وقت لاحق», «وقت سابق», «وقت مبكر» or «لاحقاً» before it:
/// «(في) وقت لاحق من هذا الشهر», «في وقت سابق من العام الجاري», «وقت مبكر
/// هذا الأسبوع», «لاحقا في هذا الأسبوع». The span grows over the words
/// (the preposition «في» before them stays out, as everywhere); the value
/// stays the period's, the part of it being no TIMEX3 value. Only before
/// a week, a month or a year: a day has «في وقت متأخر من» its parts.
pub(super) fn later_or_earlier_before(c: &Chunk<'_>, found: Found) -> Found {
    let key = c.key;
    let period = found.kind == Kind::Date
        && !found.value.contains(['T', '/'])
        && matches!(found.value.len(), 4 | 7 | 8);
    if !period {
        return found;
    }
    let mut p = found.start;
    if let Some(t) = prev_token(key, p).filter(|t| matches!(t.s, "من" | "في")) {
        p = t.start;
    }
    let start = prev_token(key, p).and_then(|t| match t.s {
        // «عاد لاحقا في أواخر 2012»: later, then when; «لاحقا» is the
        // period's only before this one («هذا العام», «الشهر الجاري»).
        "لاحقا" if key[found.start..].starts_with("هذ") || key[found.start..].starts_with("ال") => {
            Some(t.start)
        }
        "لاحق" | "سابق" | "مبكر" => prev_token(key, t.start)
            .filter(|v| v.s == "وقت")
            .map(|v| v.start),
        _ => None,
    });
    match start {
        Some(start) => Found { start, ..found },
        None => found,
    }
}

/// A day with «أسبوع» before it: the week that holds it («أسبوع 16
/// سبتمبر»), its ISO week where the year is known (`2016-W37`), else the
/// day (`XXXX-09-16`).
pub(super) fn week_of(c: &Chunk<'_>, found: Found) -> Found {
    let Some(w) = prev_token(c.key, found.start).filter(|t| t.s == "اسبوع") else {
        return found;
    };
    if found.kind != Kind::Date || found.value.len() != 10 {
        return found;
    }
    let value = chrono::NaiveDate::parse_from_str(&found.value, "%Y-%m-%d")
        .map_or_else(|_| found.value.clone(), week_value);
    Found {
        start: w.start,
        value,
        norm: None,
        ..found
    }
}

/// A length of days, months and years with «من الآن» after it: the day
/// that far from the reference, ahead («2 عام و 21 يوماً من الآن»), or
/// back where «منذ» or «قبل» stands before the length. Without a
/// reference, `XXXX-XX-XX`. A length with hours or minutes stays a length
/// (the reference is a day, not a moment).
pub(super) fn from_now(c: &Chunk<'_>, found: Found) -> Found {
    let key = c.key;
    if found.kind != Kind::Duration || found.value.contains(['T', 'X']) {
        return found;
    }
    let Some(end) = from_now_at(key, found.end) else {
        return found;
    };
    let back = prev_token(key, found.start).is_some_and(|t| matches!(t.s, "منذ" | "قبل"));
    let value = match c.ref_date {
        Some(r) => match moved(r, &found.value, if back { -1 } else { 1 }) {
            Some(d) => d.to_string(),
            None => return found,
        },
        None => "XXXX-XX-XX".to_owned(),
    };
    Found {
        end,
        value,
        kind: Kind::Date,
        norm: None,
        ..found
    }
}

/// A week with a range of its weekdays after it: «الأسبوع المقبل بين
/// الأربعاء والجمعة», «هذا الأسبوع من الثلاثاء إلى الخميس»: the days of
/// that week (Monday to Sunday), `2017-11-22/2017-11-24`; without a
/// reference, `XXXX-WXX-3/XXXX-WXX-5`.
pub(super) fn weekdays_of_week(c: &Chunk<'_>, found: Found) -> Found {
    let key = c.key;
    let week = found.kind == Kind::Date
        && (found.value == "XXXX-WXX"
            || found.value.len() == 8 && found.value.get(4..6) == Some("-W"));
    if !week {
        return found;
    }
    let Some(open) = next_token(key, found.end).filter(|t| matches!(t.s, "من" | "بين")) else {
        return found;
    };
    let Some((e1, a)) = weekday_after(key, open.end, "") else {
        return found;
    };
    let joined = match open.s {
        "بين" => weekday_after(key, e1, "و"),
        _ => next_token(key, e1)
            .filter(|t| matches!(t.s, "الي" | "حتي"))
            .and_then(|t| weekday_after(key, t.end, "")),
    };
    let Some((end, b)) = joined.filter(|&(_, b)| b > a) else {
        return found;
    };
    let monday = found
        .value
        .split_once("-W")
        .and_then(|(y, w)| Some((y.parse::<i32>().ok()?, w.parse::<u32>().ok()?)))
        .and_then(|(y, w)| chrono::NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon));
    let value = match monday {
        Some(m) => match (add_days(m, i64::from(a) - 1), add_days(m, i64::from(b) - 1)) {
            (Some(x), Some(y)) => format!("{x}/{y}"),
            _ => return found,
        },
        None => format!("XXXX-WXX-{a}/XXXX-WXX-{b}"),
    };
    Found {
        end,
        value,
        norm: None,
        ..found
    }
}

/// The weekday after `end` («الأربعاء», «يوم الخميس»), with the proclitic
/// `clitic` glued to it or to «يوم» («والجمعة»): its end and ISO number.
fn weekday_after(key: &str, end: usize, clitic: &str) -> Option<(usize, u8)> {
    let mut t = next_token(key, end)?;
    let mut s = t.s.strip_prefix(clitic)?;
    if s == "يوم" {
        t = next_token(key, t.end)?;
        s = t.s;
    }
    super::duration::weekday_word(s).map(|w| (t.end, w))
}

/// Where «من الآن» after `end` ends, if it stands there.
pub(super) fn from_now_at(key: &str, end: usize) -> Option<usize> {
    next_token(key, end)
        .filter(|t| t.s == "من")
        .and_then(|t| next_token(key, t.end))
        .filter(|t| t.s == "الان")
        .map(|t| t.end)
}

/// Whether a length of several units with «من الآن» after it follows the
/// word at `pos` («منذ», «بعد», «قبل»): that length is the date, and the
/// word before it is left out of it («منذ شهر و 21 يوماً من الآن»), where
/// the word alone would take only the first unit («منذ شهر»).
pub(super) fn units_from_now_after(c: &Chunk<'_>, pos: usize) -> bool {
    let Some(q) = next_token(c.key, pos)
        .and_then(|t| next_token(c.key, t.end))
        .map(|t| t.start)
    else {
        return false;
    };
    super::duration::duration_at(c, q).is_some_and(|f| {
        f.kind == Kind::Duration
            && f.value.chars().filter(|ch| "YMWD".contains(*ch)).count() > 1
            && from_now_at(c.key, f.end).is_some()
    })
}

/// `date` moved by the length `value` (`P2Y1M21D`, `P3W`) in direction
/// `dir` (1 ahead, -1 back).
fn moved(date: chrono::NaiveDate, value: &str, dir: i32) -> Option<chrono::NaiveDate> {
    let mut rest = value.strip_prefix('P')?;
    let (mut months, mut days) = (0i32, 0i64);
    while !rest.is_empty() {
        let digits = rest.find(|ch: char| !ch.is_ascii_digit())?;
        let n: i32 = rest[..digits].parse().ok()?;
        match rest[digits..].chars().next()? {
            'Y' => months += 12 * n,
            'M' => months += n,
            'W' => days += 7 * i64::from(n),
            'D' => days += i64::from(n),
            _ => return None,
        }
        rest = &rest[digits + 1..];
    }
    let d = add_months(date, dir * months)?;
    add_days(d, i64::from(dir) * days)
}

#[cfg(test)]
mod tests {
    use super::super::check_dates;

    #[test]
    fn later_or_earlier_in_a_period() {
        let r = Some("2021-03-12");
        check_dates(&[
            (
                "ستعلن النتائج في وقت لاحق من هذا الشهر",
                r,
                "وقت لاحق من هذا الشهر",
                "2021-03",
            ),
            (
                "التقى الوزيران في وقت سابق من العام الجاري",
                r,
                "وقت سابق من العام الجاري",
                "2021",
            ),
            (
                "يصل وقت مبكر الأسبوع المقبل",
                r,
                "وقت مبكر الاسبوع المقبل",
                "2021-W11",
            ),
            (
                "نلتقي لاحقا في هذا الأسبوع",
                r,
                "لاحقا في هذا الاسبوع",
                "2021-W10",
            ),
            ("عاد لاحقا في أواخر 2012", r, "اواخر 2012", "2012"),
            // Not before a day.
            ("وصل في وقت لاحق من اليوم", r, "اليوم", "2021-03-12"),
        ]);
    }

    #[test]
    fn the_week_of_a_day() {
        check_dates(&[
            (
                "ما جدول أسبوع 14 يونيو",
                Some("2021-03-12"),
                "اسبوع 14 يونيو",
                "2021-W24",
            ),
            (
                "ما جدول أسبوع 14 يونيو",
                None,
                "اسبوع 14 يونيو",
                "XXXX-06-14",
            ),
        ]);
    }

    #[test]
    fn weekdays_of_a_week() {
        // 2021-03-12 is a Friday, in ISO week 10.
        let r = Some("2021-03-12");
        check_dates(&[
            (
                "تعقد الجولة المقبلة الأسبوع المقبل بين الثلاثاء والخميس",
                r,
                "الاسبوع المقبل بين الثلاثاء والخميس",
                "2021-03-16/2021-03-18",
            ),
            (
                "أغلقت المدارس الأسبوع الماضي من يوم الاثنين حتى يوم الأربعاء",
                r,
                "الاسبوع الماضي من يوم الاثنين حتى يوم الاربعاء",
                "2021-03-01/2021-03-03",
            ),
            (
                "يستمر المعرض هذا الأسبوع من الاثنين إلى الخميس",
                None,
                "هذا الاسبوع من الاثنين الى الخميس",
                "XXXX-WXX-1/XXXX-WXX-4",
            ),
        ]);
        // Days out of order are no range of the week.
        let got = super::super::dates_in("الأسبوع المقبل بين الجمعة والاثنين", r);
        assert!(got.iter().all(|(_, v)| !v.contains('/')), "{got:?}");
    }

    #[test]
    fn a_list_of_lengths_is_no_date() {
        // Without «من الآن» a comma or nothing between lengths joins none.
        let got = super::super::dates_in("استغرق البناء 3 سنوات، 5 أشهر للتجهيز", None);
        assert!(got.iter().all(|(s, _)| s != "3 سنوات، 5 اشهر"), "{got:?}");
    }

    #[test]
    fn a_length_from_now() {
        let r = Some("2019-05-10");
        check_dates(&[
            (
                "ينتهي العقد بعد عام و 3 أشهر من الآن",
                r,
                "عام و 3 اشهر من الان",
                "2020-08-10",
            ),
            (
                "سيكتمل المشروع 2 سنة و 10 أيام من الآن",
                r,
                "2 سنة و 10 ايام من الان",
                "2021-05-20",
            ),
            (
                "سيكتمل المشروع 2 سنة و 10 أيام من الآن",
                None,
                "2 سنة و 10 ايام من الان",
                "XXXX-XX-XX",
            ),
            // After «منذ», «بعد»: the whole length, back or ahead.
            (
                "وقع الاتفاق منذ 3 أشهر و 5 أيام من الآن",
                r,
                "3 اشهر و 5 ايام من الان",
                "2019-02-05",
            ),
            (
                "تنتهي الولاية بعد 4 أعوام و 6 أشهر من الآن",
                r,
                "4 اعوام و 6 اشهر من الان",
                "2023-11-10",
            ),
            // Joined by a comma or by nothing before «من الآن».
            (
                "تسلم المشروع منذ 2 شهر، 10 أيام من الآن",
                r,
                "2 شهر، 10 ايام من الان",
                "2019-02-28",
            ),
            (
                "تنتهي المهلة 1 سنة 2 شهر 3 يوم من الآن",
                r,
                "1 سنة 2 شهر 3 يوم من الان",
                "2020-07-13",
            ),
            // A length of hours stays one.
            (
                "يصل خلال ساعتين و 10 دقائق من الآن",
                r,
                "ساعتين و 10 دقائق",
                "PT2H10M",
            ),
        ]);
    }
}
