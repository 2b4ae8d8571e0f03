//! Dates counted from the reference date: «اليوم», «أمس», «بعد غد», a
//! weekday (الخميس الماضي), «الأسبوع الماضي», «هذا العام», «منذ ثلاثة
//! أيام», «صباح أمس».
//!
//! In: a [`Chunk`] (with its reference date, if known) and a token
//! position. Out: the phrase with a resolved TIMEX3 value, or the X form of
//! its granularity without a reference (`XXXX-XX-XX`, `XXXX-WXX`, …).

use chrono::{Datelike, NaiveDate};

use super::calendar::{Cal, add_days, add_months, resolve_weekday, week_value};
use super::duration::length_at;
use super::named::{cal_at, weekday_at, year_at};
use super::{Found, after, date_word, hit, next_hit, next_word_is};
use crate::doc::{Chunk, Kind};
use crate::values::words::{self, Count, DateW, DayPart, Num, Opener, Unit, next_token, token_at};

/// A day relative to the reference date, as a TIMEX3 value.
pub(super) fn day_value(reference: Option<NaiveDate>, offset: i64) -> String {
    reference
        .and_then(|r| add_days(r, offset))
        .map_or("XXXX-XX-XX".to_owned(), |d| Cal::of(d).timex())
}

/// A relative day: «اليوم», «أمس», «البارحة», «غداً», «بعد غد», «أول
/// أمس», «أول من أمس». Returns the span and the offset in days.
pub(super) fn relative_day(key: &str, pos: usize) -> Option<(usize, usize, i64)> {
    let h = hit(key, pos)?;
    match (date_word(&h), h.entry.num) {
        // «يوم أمس», «يوم الغد»: the word for day joins the span.
        (Some(DateW::Unit(Unit::Day, Count::One)), _) if !h.article => {
            let (_, end, n) = relative_day(key, after(key, h.end)?)?;
            (n != 0).then_some((h.start, end, n))
        }
        (Some(DateW::Day(-1)), _) if next_word_is(key, h.end, &["الاول"]).is_some() => {
            // «أمس الأول»: the day before yesterday.
            Some((h.start, next_word_is(key, h.end, &["الاول"])?, -2))
        }
        (Some(DateW::Day(n)), _) => {
            if n == 0 && key[h.start..h.end] == *"اليوم" {
                // «اليوم الأول», «اليوم العالمي»: a day, not today.
                if let Some(next) = next_token(key, h.end) {
                    let ord = words::word(key, Some(next))
                        .is_some_and(|w| matches!(w.entry.num, Some(Num::Ord(_) | Num::Hadi)));
                    if ord
                        || matches!(
                            next.s,
                            "العالمي"
                                | "الوطني"
                                | "الدولي"
                                | "التالي"
                                | "نفسه"
                                | "الذي"
                                | "السابق"
                        )
                    {
                        return None;
                    }
                }
                // «في نفس اليوم», «ذلك اليوم», «في مثل هذا اليوم».
                let prev = words::prev_token(key, h.token_start());
                if prev.is_some_and(|p| matches!(p.s, "نفس" | "ذلك" | "ذات" | "هذا")) {
                    return None;
                }
            }
            Some((h.start, h.end, i64::from(n)))
        }
        (Some(DateW::Opener(Opener::After)), _) => {
            let g = next_hit(key, h.end)?;
            (date_word(&g) == Some(DateW::Ghad) && !g.article).then_some((h.start, g.end, 2))
        }
        (_, Some(Num::Ord(1))) if !h.article => {
            let mut e = h.end;
            if let Some(m) = next_word_is(key, e, &["من"]) {
                e = m;
            }
            let a = next_hit(key, e)?;
            (date_word(&a) == Some(DateW::Day(-1))).then_some((h.start, a.end, -2))
        }
        _ => None,
    }
}

/// Relative dates: days, weekdays, «الأسبوع الماضي», «هذا العام», «منذ
/// ثلاثة أيام», «صباح أمس».
pub(super) fn relative(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let reference = c.ref_date;
    if let Some((start, end, n)) = relative_day(key, pos) {
        // «اليوم الخميس»: the weekday names the same day.
        let end = next_hit(key, end)
            .filter(|w| matches!(date_word(w), Some(DateW::Weekday(_))) && w.clitic.is_empty())
            .map_or(end, |w| w.end);
        return Some(Found::new(start, end, day_value(reference, n), Kind::Date));
    }
    if let Some((start, end, wd)) = weekday_at(key, pos) {
        let (end, dir) = match next_hit(key, end).and_then(|h| match date_word(&h) {
            Some(DateW::Dir(d)) if d != 0 => Some((h.end, d)),
            _ => None,
        }) {
            Some(x) => x,
            None => (end, 0),
        };
        let value = match reference {
            Some(r) => Cal::of(resolve_weekday(r, wd, dir)).timex(),
            None => format!("XXXX-WXX-{wd}"),
        };
        return Some(Found::new(start, end, value, Kind::Date));
    }
    let h = hit(key, pos)?;
    match date_word(&h)? {
        // «الأسبوع الماضي», «الشهر المقبل», «العام الجاري».
        DateW::Unit(unit, Count::One) if h.article => {
            let d = next_hit(key, h.end)?;
            let DateW::Dir(dir) = date_word(&d)? else {
                return None;
            };
            let value = unit_value(reference, unit, i32::from(dir))?;
            Some(Found::new(h.start, d.end, value, Kind::Date))
        }
        // «هذا العام», «هذه السنة», «هذا الأسبوع».
        DateW::Opener(Opener::This) => {
            let u = next_hit(key, h.end).filter(|u| u.article && u.clitic.is_empty())?;
            let DateW::Unit(unit, Count::One) = date_word(&u)? else {
                return None;
            };
            let value = unit_value(reference, unit, 0)?;
            Some(Found::new(h.start, u.end, value, Kind::Date))
        }
        // «منذ ثلاثة أيام», «قبل عامين»: that long before the reference.
        DateW::Opener(Opener::Since | Opener::Before) => {
            let mut q = after(key, h.end)?;
            // «منذ نحو ثلاثة أسابيع», «قبل أكثر من عامين».
            if let Some(t) = token_at(key, q) {
                match t.s {
                    "نحو" | "حوالي" | "قرابه" | "زهاء" => q = after(key, t.end)?,
                    "اكثر" | "اقل" => {
                        let e = next_word_is(key, t.end, &["من"])?;
                        q = after(key, e)?;
                    }
                    _ => {}
                }
            }
            if year_at(key, q, true).is_some() {
                return None;
            }
            let (_, end, n, unit) = length_at(c, q).or_else(|| {
                // «منذ أسبوع», «قبل عام»: one unit.
                let u = hit(key, q).filter(|u| u.clitic.is_empty() && !u.article)?;
                match date_word(&u)? {
                    DateW::Unit(unit, Count::One) => Some((q, u.end, 1.0, unit)),
                    _ => None,
                }
            })?;
            if n.fract() != 0.0 {
                return None;
            }
            let n = n as i64;
            let value = match (unit, reference) {
                (Unit::Day, Some(r)) => Cal::of(add_days(r, -n)?).timex(),
                (Unit::Week, Some(r)) => Cal::of(add_days(r, -7 * n)?).timex(),
                (Unit::Month, Some(r)) => {
                    let d = add_months(r, -(n as i32))?;
                    format!("{:04}-{:02}", d.year(), d.month())
                }
                (Unit::Year, Some(r)) => format!("{:04}", r.year() - n as i32),
                (Unit::Decade, Some(r)) => format!("{:04}", r.year() - 10 * n as i32),
                (Unit::Day | Unit::Week, None) => "XXXX-XX-XX".to_owned(),
                (Unit::Month, None) => "XXXX-XX".to_owned(),
                (Unit::Year | Unit::Decade, None) => "XXXX".to_owned(),
                _ => return None,
            };
            Some(Found::new(h.start, end, value, Kind::Date))
        }
        // «صباح أمس», «مساء الخميس», «ظهر اليوم», «ليلة الجمعة».
        DateW::Part(part, _) if !h.article => {
            let q = after(key, h.end)?;
            let (end, day) = if let Some(cal) = cal_at(c, q, false).filter(|c| c.cal.d.is_some()) {
                (cal.end, cal.cal.timex())
            } else if let Some((_, e, n)) = relative_day(key, q) {
                // «صباح اليوم الأحد»: the weekday names the same day.
                let e = next_hit(key, e)
                    .filter(|w| {
                        matches!(date_word(w), Some(DateW::Weekday(_))) && w.clitic.is_empty()
                    })
                    .map_or(e, |w| w.end);
                (e, day_value(reference, n))
            } else if let Some((_, e, wd)) = weekday_at(key, q) {
                let (e, dir) = match next_hit(key, e).and_then(|h| match date_word(&h) {
                    Some(DateW::Dir(d)) if d != 0 && h.clitic.is_empty() => Some((h.end, d)),
                    _ => None,
                }) {
                    Some(x) => x,
                    None => (e, 0),
                };
                let v = match reference {
                    Some(r) => Cal::of(resolve_weekday(r, wd, dir)).timex(),
                    None => format!("XXXX-WXX-{wd}"),
                };
                (e, v)
            } else {
                return None;
            };
            Some(Found::new(
                h.start,
                end,
                format!("{day}{}", part_suffix(part)),
                Kind::Time,
            ))
        }
        _ => None,
    }
}

/// The TIMEX3 time suffix of a part of the day.
fn part_suffix(part: DayPart) -> &'static str {
    match part {
        DayPart::Dawn | DayPart::Morning => "TMO",
        DayPart::Noon => "T12:00",
        DayPart::Afternoon => "TAF",
        DayPart::Evening => "TEV",
        DayPart::Night => "TNI",
    }
}

/// The week, month or year `offset` units from the reference.
fn unit_value(reference: Option<NaiveDate>, unit: Unit, offset: i32) -> Option<String> {
    Some(match (unit, reference) {
        (Unit::Week, Some(r)) => week_value(add_days(r, 7 * i64::from(offset))?),
        (Unit::Month, Some(r)) => {
            let d = add_months(r, offset)?;
            format!("{:04}-{:02}", d.year(), d.month())
        }
        (Unit::Year, Some(r)) => format!("{:04}", r.year() + offset),
        (Unit::Decade, Some(r)) => format!("{:03}X", r.year() / 10 + offset),
        (Unit::Week, None) => "XXXX-WXX".to_owned(),
        (Unit::Month, None) => "XXXX-XX".to_owned(),
        (Unit::Year, None) => "XXXX".to_owned(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_units() {
        let r = NaiveDate::from_ymd_opt(2021, 3, 12);
        assert_eq!(unit_value(r, Unit::Week, -1).unwrap(), "2021-W09");
        assert_eq!(unit_value(r, Unit::Month, 1).unwrap(), "2021-04");
        assert_eq!(unit_value(r, Unit::Year, -1).unwrap(), "2020");
        assert_eq!(unit_value(None, Unit::Month, 0).unwrap(), "XXXX-XX");
        assert_eq!(day_value(r, -1), "2021-03-11");
        assert_eq!(day_value(None, 1), "XXXX-XX-XX");
    }
}
