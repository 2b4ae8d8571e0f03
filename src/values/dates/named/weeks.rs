//! Weeks of a month or a year: «الأسبوع الثالث من هذا الشهر», «الأسبوع
//! الأول من عام 2015», and the month or year named after «من» or «في» that
//! both weeks and weekdays are counted in («الأسبوع الأول من يوليو»).

use chrono::{Datelike, NaiveDate};

use super::months::month_at;
use super::years::{year_at, year_in_context};
use crate::doc::{Chunk, Kind};
use crate::values::dates::calendar::add_months;
use crate::values::dates::{Found, after, date_word, hit, next_word_is, word_is};
use crate::values::numbers;
use crate::values::words::{Count, DateW, Unit};

/// A month or a year named after «من» or «في» («الأسبوع الأول من يوليو»).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(in crate::values::dates) enum Period {
    /// A Gregorian month, its year if known: `None` for the month where
    /// no reference tells which («الشهر المقبل» without one).
    Month(Option<i32>, Option<u8>),
    /// A year; `None` where no reference tells which («العام المقبل»).
    Year(Option<i32>),
}

/// A month or a year at `q`: a Gregorian month with or without «شهر» and
/// its year («يوليو», «شهر يوليو 2016»), a relative one («هذا الشهر»,
/// «الشهر المقبل», «العام المقبل»), a year («عام 2027», «عام ألفين
/// وسبعة وعشرين»). Not a Hijri month: its weeks and weekdays would need
/// the day it begins on, which a month alone does not give.
pub(in crate::values::dates) fn period_at(c: &Chunk<'_>, q: usize) -> Option<(usize, Period)> {
    let key = c.key;
    let p = word_is(key, q, "شهر")
        .and_then(|e| after(key, e))
        .unwrap_or(q);
    if let Some(mo) = month_at(key, p) {
        if mo.hijri {
            return None;
        }
        let year = after(key, mo.end).and_then(|q| year_at(key, q, true));
        return Some(match year {
            Some((_, e, y, false)) => (e, Period::Month(Some(y), Some(mo.m))),
            _ => (mo.end, Period::Month(None, Some(mo.m))),
        });
    }
    if let Some(f) = super::super::relative::relative(c, q) {
        // «هذا الشهر», «الشهر الماضي»: `2016-11`, `XXXX-XX`; «العام
        // المقبل»: `2017`, `XXXX`.
        let v = &f.value;
        return match v.len() {
            7 if v.as_bytes()[4] == b'-' => Some((
                f.end,
                Period::Month(v[..4].parse().ok(), v[5..].parse().ok()),
            )),
            4 => Some((f.end, Period::Year(v.parse().ok()))),
            _ => None,
        };
    }
    match year_at(key, q, false).or_else(|| year_in_context(key, q)) {
        Some((_, e, y, false)) => Some((e, Period::Year(Some(y)))),
        _ => None,
    }
}

/// The nth week of a month or a year: «الأسبوع الثالث من هذا الشهر»,
/// «الأسبوع الأخير من شهر يوليو», «الأسبوع الأول من عام 2015»,
/// «الأسبوع الثالث العام المقبل» (ordinals 1–5 and «الأخير»; «من» or
/// «في» may stand between). A year's weeks are ISO weeks (`2015-W01`
/// begins on 2014-12-29); a month's are its whole weeks, Monday to Sunday,
/// written as Recognizers-Text writes them (`2016-11-W03`, TIMEX3 has no
/// week of a month; `XXXX-07-W01` without a year, `XXXX-XX-W03` without
/// the month). Not of a Hijri month, nor «الأخير» where the year is not
/// known.
pub(in crate::values::dates) fn nth_week(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let h = hit(key, pos).filter(|h| h.article)?;
    if date_word(&h) != Some(DateW::Unit(Unit::Week, Count::One)) {
        return None;
    }
    let q = after(key, h.end)?;
    // `None` for the last.
    let (n, mut end) = match word_is(key, q, "الاخير") {
        Some(e) => (None, e),
        None => {
            let o = numbers::ordinal(c, q).filter(|o| {
                o.int && (1.0..=5.0).contains(&o.value) && key[o.start..].starts_with("ال")
            })?;
            (Some(o.value as u32), o.end)
        }
    };
    if let Some(e) = next_word_is(key, end, &["من", "في"]) {
        end = e;
    }
    let (end, period) = period_at(c, after(key, end)?)?;
    let value = match period {
        Period::Month(y, Some(m)) => {
            let y = y.or(c.ref_date.map(|r| r.year()));
            let weeks = y.and_then(|y| whole_weeks(y, u32::from(m)));
            let n = match (n, weeks) {
                (Some(n), Some(w)) if n > w => return None,
                (Some(n), _) => n,
                (None, w) => w?,
            };
            match y {
                Some(y) => format!("{y:04}-{m:02}-W{n:02}"),
                None => format!("XXXX-{m:02}-W{n:02}"),
            }
        }
        // «الأسبوع الثالث من هذا الشهر» without a reference.
        Period::Month(_, None) => format!("XXXX-XX-W{:02}", n?),
        Period::Year(Some(y)) => {
            let last = if NaiveDate::from_isoywd_opt(y, 53, chrono::Weekday::Mon).is_some() {
                53
            } else {
                52
            };
            format!("{y:04}-W{:02}", n.unwrap_or(last))
        }
        Period::Year(None) => format!("XXXX-W{:02}", n?),
    };
    Some(Found::new(h.start, end, value, Kind::Date))
}

/// How many whole weeks, Monday to Sunday, month `m` of year `y` holds.
fn whole_weeks(y: i32, m: u32) -> Option<u32> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let monday = i64::from((8 - first.weekday().number_from_monday()) % 7);
    let days = add_months(first, 1)?
        .signed_duration_since(first)
        .num_days();
    u32::try_from((days - monday) / 7).ok()
}

#[cfg(test)]
mod tests {
    use crate::values::dates::{check_dates, dates_in};

    #[test]
    fn nth_week_of_a_month_or_a_year() {
        // 2021-03-12 is a Friday. March 2021 has four whole weeks (from
        // Monday the 1st), July 2021 three (from Monday the 5th); 2020 has
        // 53 ISO weeks, and 2016's first begins on Monday 4 January.
        let r = Some("2021-03-12");
        check_dates(&[
            (
                "تبدأ الامتحانات في الأسبوع الثالث من هذا الشهر",
                r,
                "الاسبوع الثالث من هذا الشهر",
                "2021-03-W03",
            ),
            (
                "يعود الوفد الأسبوع الأخير من شهر يوليو",
                r,
                "الاسبوع الاخير من شهر يوليو",
                "2021-07-W03",
            ),
            (
                "وقع ذلك في الأسبوع الأول من عام 2016",
                r,
                "الاسبوع الاول من عام 2016",
                "2016-W01",
            ),
            (
                "في الأسبوع الأخير من العام الماضي",
                r,
                "الاسبوع الاخير من العام الماضي",
                "2020-W53",
            ),
            (
                "تنطلق البطولة الأسبوع الثاني العام المقبل",
                r,
                "الاسبوع الثاني العام المقبل",
                "2022-W02",
            ),
            (
                "الأسبوع الأول من أكتوبر",
                None,
                "الاسبوع الاول من اكتوبر",
                "XXXX-10-W01",
            ),
            (
                "الأسبوع الثاني من الشهر المقبل",
                None,
                "الاسبوع الثاني من الشهر المقبل",
                "XXXX-XX-W02",
            ),
        ]);
        // A Hijri month, a week the month does not have, a week of
        // something else, the last week of a month of no known year.
        for text in [
            "الأسبوع الأول من رمضان",
            "الأسبوع الخامس من فبراير 2021",
            "الأسبوع الأول من الدوري",
        ] {
            let got = dates_in(text, r);
            assert!(got.iter().all(|(_, v)| !v.contains('W')), "{text}: {got:?}");
        }
        let got = dates_in("الأسبوع الأخير من أكتوبر", None);
        assert!(got.iter().all(|(_, v)| !v.contains('W')), "{got:?}");
    }
}
