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
use crate::values::words::{
    self, Count, DateW, DayPart, Num, Opener, TokKind, Unit, next_token, token_at,
};

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
        // «يوم أمس», «يوم الغد», «يوم غد»: the word for day joins the
        // span.
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
                if let Some(next) = next_token(key, h.end) {
                    // «اليوم التالي», «اليوم السابق»: the day after, before.
                    if let Some(w) = words::word(key, Some(next)).filter(|w| w.clitic.is_empty())
                        && let Some(DateW::Dir(d @ (-1 | 1))) = w.entry.date
                    {
                        return Some((h.start, w.end, i64::from(d)));
                    }
                    // «اليوم الذي يلي»: the day after.
                    if next.s == "الذي"
                        && let Some(v) = next_token(key, next.end)
                    {
                        let d = match v.s {
                            "يلي" | "يليه" | "تلا" | "تلاه" => 1,
                            "سبق" | "يسبق" | "سبقه" | "يسبقه" => -1,
                            _ => return None,
                        };
                        let end = next_word_is(key, v.end, &["ذلك"]).unwrap_or(v.end);
                        return Some((h.start, end, d));
                    }
                    // «اليوم الأول», «اليوم العالمي»: a day, not today.
                    let ord = words::word(key, Some(next))
                        .is_some_and(|w| matches!(w.entry.num, Some(Num::Ord(_) | Num::Hadi)));
                    if ord || matches!(next.s, "العالمي" | "الوطني" | "الدولي" | "نفسه")
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
        // «يوم غد».
        (Some(DateW::Ghad), _) if !h.article => {
            let prev = words::prev_token(key, h.token_start())?;
            (prev.s == "يوم").then_some((h.start, h.end, 1))
        }
        // «بعد غد», «بعد الغد».
        (Some(DateW::Opener(Opener::After)), _) => {
            let g = next_hit(key, h.end).filter(|g| g.clitic.is_empty())?;
            let tomorrow = match date_word(&g) {
                Some(DateW::Ghad) => !g.article,
                Some(DateW::Day(1)) => key[g.start..g.end] == *"الغد",
                _ => false,
            };
            tomorrow.then_some((h.start, g.end, 2))
        }
        // «قبل (يوم) أمس»: the day before yesterday.
        (Some(DateW::Opener(Opener::Before)), _) => {
            let mut q = after(key, h.end)?;
            if let Some(e) = token_at(key, q).filter(|t| t.s == "يوم") {
                q = after(key, e.end)?;
            }
            let a = hit(key, q).filter(|a| a.clitic.is_empty())?;
            (date_word(&a) == Some(DateW::Day(-1))).then_some((h.start, a.end, -2))
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

/// A weekday after a relative day, naming the same day: «اليوم الجمعة»,
/// «أمس (الخميس)». Returns the end and the ISO weekday.
fn weekday_after(key: &str, end: usize) -> Option<(usize, u8)> {
    let t = next_token(key, end)?;
    let (q, close) = if t.s == "(" {
        (after(key, t.end)?, true)
    } else {
        (t.start, false)
    };
    let w = hit(key, q).filter(|w| w.clitic.is_empty() && !w.article)?;
    let Some(DateW::Weekday(wd)) = date_word(&w) else {
        return None;
    };
    if close {
        let c = next_token(key, w.end).filter(|c| c.s == ")")?;
        return Some((c.end, wd));
    }
    Some((w.end, wd))
}

/// The day `offset` days from the reference that the text also names by
/// its weekday: the reference's day when they agree, else that weekday
/// nearest to it; `XXXX-WXX-5` without a reference, so that the weekday is
/// not lost.
fn day_with_weekday(reference: Option<NaiveDate>, offset: i64, weekday: u8) -> String {
    let Some(day) = reference.and_then(|r| add_days(r, offset)) else {
        return format!("XXXX-WXX-{weekday}");
    };
    if day.weekday().number_from_monday() == u32::from(weekday) {
        return Cal::of(day).timex();
    }
    let diff =
        (i64::from(weekday) - i64::from(day.weekday().number_from_monday() as u8)).rem_euclid(7);
    let nearest = if diff <= 3 { diff } else { diff - 7 };
    add_days(day, nearest).map_or(format!("XXXX-WXX-{weekday}"), |d| Cal::of(d).timex())
}

/// A week named relative to the reference after `end`: «الأسبوع المقبل»,
/// «من الأسبوع الماضي», «هذا الأسبوع». Returns the end and the offset in
/// weeks.
fn week_after(key: &str, end: usize) -> Option<(usize, i8)> {
    let end = next_word_is(key, end, &["من"]).unwrap_or(end);
    let u = next_hit(key, end).filter(|u| u.clitic.is_empty())?;
    match date_word(&u)? {
        DateW::Unit(Unit::Week, Count::One) if u.article => {
            let d = next_hit(key, u.end)?;
            match date_word(&d)? {
                DateW::Dir(dir) => Some((d.end, dir)),
                _ => None,
            }
        }
        DateW::Opener(Opener::This) => {
            let w = next_hit(key, u.end).filter(|w| w.article && w.clitic.is_empty())?;
            (date_word(&w)? == DateW::Unit(Unit::Week, Count::One)).then_some((w.end, 0))
        }
        _ => None,
    }
}

/// A weekday (with «يوم») after a week phrase, maybe after a comma:
/// «الأسبوع المقبل يوم الجمعة». Returns the end and the ISO weekday.
fn weekday_of_week(key: &str, end: usize) -> Option<(usize, u8)> {
    let t = next_token(key, end)?;
    let q = if matches!(t.s, "," | "،") {
        after(key, t.end)?
    } else {
        t.start
    };
    let (_, e, wd) = weekday_at(key, q)?;
    Some((e, wd))
}

/// The day of `weekday` in the ISO week `offset` weeks from the
/// reference's.
fn weekday_in_week(reference: Option<NaiveDate>, offset: i8, weekday: u8) -> String {
    let day = reference.and_then(|r| {
        let monday = add_days(r, -i64::from(r.weekday().num_days_from_monday()))?;
        add_days(monday, 7 * i64::from(offset) + i64::from(weekday) - 1)
    });
    day.map_or(format!("XXXX-WXX-{weekday}"), |d| Cal::of(d).timex())
}

/// A weekday with what places it: «الخميس», «يوم الخميس الماضي»,
/// «الثلاثاء من الأسبوع المقبل», «الجمعة الأسبوع المقبل». Returns the
/// span and the TIMEX3 value.
pub(super) fn weekday_phrase(c: &Chunk<'_>, pos: usize) -> Option<(usize, usize, String)> {
    let key = c.key;
    let (start, end, wd) = weekday_at(key, pos)?;
    if let Some((e, offset)) = week_after(key, end) {
        return Some((start, e, weekday_in_week(c.ref_date, offset, wd)));
    }
    let (end, dir) = match next_hit(key, end).and_then(|h| match date_word(&h) {
        Some(DateW::Dir(d)) if d != 0 && h.clitic.is_empty() => Some((h.end, d)),
        _ => None,
    }) {
        Some(x) => x,
        None => (end, 0),
    };
    let value = match c.ref_date {
        Some(r) => Cal::of(resolve_weekday(r, wd, dir)).timex(),
        None => format!("XXXX-WXX-{wd}"),
    };
    Some((start, end, value))
}

/// Relative dates: days, weekdays, «الأسبوع الماضي», «هذا العام», «منذ
/// ثلاثة أيام», «صباح أمس».
pub(super) fn relative(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let reference = c.ref_date;
    if let Some((start, end, n)) = relative_day(key, pos) {
        if let Some((e, wd)) = weekday_after(key, end) {
            return Some(Found::new(
                start,
                e,
                day_with_weekday(reference, n, wd),
                Kind::Date,
            ));
        }
        return Some(Found::new(start, end, day_value(reference, n), Kind::Date));
    }
    if let Some((start, end, value)) = weekday_phrase(c, pos) {
        return Some(Found::new(start, end, value, Kind::Date));
    }
    let h = hit(key, pos)?;
    match date_word(&h)? {
        // «الأسبوع الماضي», «الشهر المقبل», «العام الجاري».
        DateW::Unit(unit, Count::One) if h.article => {
            let d = next_hit(key, h.end)?;
            // «الأسبوع بعد المقبل», «العام قبل الماضي»: two units on.
            if let Some(DateW::Opener(o @ (Opener::After | Opener::Before))) = date_word(&d)
                && let Some(d2) = next_hit(key, d.end)
                && let Some(DateW::Dir(dir @ (1 | -1))) = date_word(&d2)
                && (dir == 1) == (o == Opener::After)
            {
                let value = unit_value(reference, unit, 2 * i32::from(dir))?;
                return Some(Found::new(h.start, d2.end, value, Kind::Date));
            }
            let DateW::Dir(dir) = date_word(&d)? else {
                return None;
            };
            // «الأسبوع المقبل يوم الجمعة».
            if unit == Unit::Week
                && let Some((e, wd)) = weekday_of_week(key, d.end)
            {
                return Some(Found::new(
                    h.start,
                    e,
                    weekday_in_week(reference, dir, wd),
                    Kind::Date,
                ));
            }
            let value = unit_value(reference, unit, i32::from(dir))?;
            Some(Found::new(h.start, d.end, value, Kind::Date))
        }
        // «هذا العام», «هذه السنة», «هذا الأسبوع».
        DateW::Opener(Opener::This) => this_at(c, h.start, h.end),
        // «منذ ثلاثة أيام», «قبل عامين»: that long before the reference;
        // «سيعود بعد يومين», «بعد أسبوعين من الآن»: that long after it.
        DateW::Opener(o @ (Opener::Since | Opener::Before | Opener::After)) => {
            // «بعد ظهر الاثنين», «بعد ظهر اليوم»: the afternoon of that
            // day (not its noon).
            if o == Opener::After
                && let Some(w) = next_token(key, h.end).filter(|w| matches!(w.s, "ظهر" | "الظهر"))
                && let Some(f) = part_of_named_day(c, h.start, w.end, DayPart::Afternoon)
            {
                return Some(f);
            }
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
            // «من الآن» after the length counts from the reference.
            let from_now =
                next_word_is(key, end, &["من"]).and_then(|e| next_word_is(key, e, &["الان"]));
            // «ستنتهي بعد 3 سنوات من بدء …», «قبل يومين من الانتخابات»
            // count from another event, not from the reference.
            // («قبل عامين على تخصيص …» is as often «ago» with a verb's
            // «على»: «على» counts only after «بعد».) «فقط» may stand
            // between: «بعد أربعة أيام فقط من …».
            let link = next_word_is(key, end, &["فقط"]).unwrap_or(end);
            let links: &[&str] = if o == Opener::After {
                &["من", "علي"]
            } else {
                &["من"]
            };
            let from_event = from_now.is_none() && next_word_is(key, link, links).is_some();
            if o != Opener::Since && from_event
                || o == Opener::After && from_now.is_none() && !future_before(key, h.start)
            {
                return None;
            }
            let n = if o == Opener::After {
                -(n as i64)
            } else {
                n as i64
            };
            let end = from_now.unwrap_or(end);
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
        DateW::Part(part, _) if !h.article => part_of_named_day(c, h.start, h.end, part),
        // «الصباح الباكر الثلاثاء»: the early morning of a named day.
        DateW::Part(part, _)
            if h.clitic.is_empty() && next_word_is(key, h.end, &["الباكر"]).is_some() =>
        {
            let e = next_word_is(key, h.end, &["الباكر"])?;
            part_of_named_day(c, h.start, e, part)
        }
        // «الليلة»: tonight.
        DateW::Part(DayPart::Night, _) if h.clitic.is_empty() => tonight(c, h.start, h.end),
        _ => None,
    }
}

/// A part of the day named by the day after it: «صباح أمس», «مساء
/// الخميس», «(بعد) ظهر اليوم»; `end` is where the part's word ends.
fn part_of_named_day(c: &Chunk<'_>, start: usize, end: usize, part: DayPart) -> Option<Found> {
    let (key, reference) = (c.key, c.ref_date);
    let q = after(key, end)?;
    let (end, day) = if let Some(cal) = cal_at(c, q, false).filter(|c| c.cal.d.is_some()) {
        (cal.end, cal.cal.timex())
    } else if let Some((_, e, n)) = relative_day(key, q) {
        // «صباح اليوم الأحد»: the weekday names the same day.
        match weekday_after(key, e) {
            Some((e, wd)) => (e, day_with_weekday(reference, n, wd)),
            None => (e, day_value(reference, n)),
        }
    } else if let Some((_, e, v)) = weekday_phrase(c, q) {
        (e, v)
    } else if let Some(f) = token_at(key, q)
        .filter(|t| matches!(t.s, "هذا" | "هذه"))
        .and_then(|t| this_at(c, q, t.end))
        .filter(|f| {
            f.kind == Kind::Date && (f.value.len() == 10 || f.value.starts_with("XXXX-WXX-"))
        })
    {
        // «صباح هذا الثلاثاء».
        (f.end, f.value)
    } else {
        return None;
    };
    Some(Found::new(
        start,
        end,
        format!("{day}{}", part_suffix(part)),
        Kind::Time,
    ))
}

/// «الليلة» (tonight), «الليلة الماضية» (last night), «الليلة المقبلة»,
/// «الليلة قبل الماضية»: the night of the reference day, the one before
/// or after, two before. Not «تلك الليلة» or «ذات الليلة», «الليلة
/// السابقة» (a night of the story told), «في الليلة» (a night, as in "a
/// night's price"), «الليلة قبل المباراة», nor «الليلة الأولى», «الليلة
/// الحاسمة» (a night an adjective names).
fn tonight(c: &Chunk<'_>, start: usize, end: usize) -> Option<Found> {
    let key = c.key;
    if key[start..end] != *"الليله" {
        return None;
    }
    let before = words::prev_token(key, start);
    if before.is_some_and(|p| {
        matches!(
            p.s,
            "تلك"
                | "ذات"
                | "نفس"
                | "ذلك"
                | "هذه"
                | "في"
                | "طوال"
                | "طيله"
                | "منتصف"
                | "مساء"
                | "صباح"
        )
    }) {
        return None;
    }
    let (end, offset) = match next_token(key, end) {
        // «الليلة قبل الماضية»: the night before last.
        Some(t) if t.s == "قبل" => (next_word_is(key, t.end, &["الماضيه"])?, -2),
        // «الليلة الساعة 9:30 مساءً»: a time of tonight follows.
        Some(t) if t.s == "الساعه" => (end, 0),
        Some(t) if t.kind == TokKind::Word && t.s.starts_with("ال") => {
            let w = words::word(key, Some(t)).filter(|w| w.clitic.is_empty())?;
            match date_word(&w)? {
                // «السابقة», «التالية», «الآتية» count from the story told.
                DateW::Dir(d) if !matches!(t.s, "السابقه" | "التاليه" | "الاتيه") => {
                    (w.end, i64::from(d))
                }
                _ => return None,
            }
        }
        _ => (end, 0),
    };
    Some(Found::new(
        start,
        end,
        format!("{}TNI", day_value(c.ref_date, offset)),
        Kind::Time,
    ))
}

/// Whether the word before `start` is a verb in the future tense: «سوف»
/// and a verb, or a verb with the prefix «سـ» (سيعود, سأخرج, ستبدأ,
/// سنرى). «بعد يومين» after one counts from the reference («ستنطلق بعد
/// يومين»); after a verb in the past it counts from the events told
/// («وصل بعد يومين»), which kashf does not know.
/// The verb may stand up to three words back, with its subject between
/// («سيعود الوفد بعد يومين»), not across punctuation.
fn future_before(key: &str, start: usize) -> bool {
    let future = |t: &words::Tok<'_>| {
        let mut chars = t.s.chars();
        chars.next() == Some('س')
            && chars.next().is_some_and(|c| matches!(c, 'ا' | 'ي' | 'ت' | 'ن'))
            && t.s.chars().count() >= 4
            // سنوات, ستة, سنة: table words, not verbs.
            && words::lookup(key, t.start, t.end).is_none()
    };
    let mut pos = start;
    for _ in 0..3 {
        let Some(t) = words::prev_token(key, pos).filter(|t| t.kind == TokKind::Word) else {
            return false;
        };
        if t.s == "سوف" || future(&t) {
            return true;
        }
        pos = t.start;
    }
    false
}

/// «هذا» and what it points at: «هذا العام», «هذه السنة», «هذا الأسبوع»
/// (and a weekday after it: «هذا الأسبوع الجمعة»), «هذا الجمعة», «هذا
/// سبتمبر», «هذا الصيف». `start..end` is the word «هذا».
fn this_at(c: &Chunk<'_>, start: usize, end: usize) -> Option<Found> {
    let key = c.key;
    let reference = c.ref_date;
    let q = after(key, end)?;
    // «هذا الجمعة», «هذا يوم الجمعة»: the weekday of this week.
    if let Some((_, e, wd)) = weekday_at(key, q) {
        return Some(Found::new(
            start,
            e,
            weekday_in_week(reference, 0, wd),
            Kind::Date,
        ));
    }
    // «هذا شهر آذار», «هذا تشرين الأول»: a Gregorian month named in one
    // or two words, of the reference's year.
    let one_word = hit(key, q).is_some_and(|u| matches!(date_word(&u), Some(DateW::Month(..))));
    if !one_word
        && let Some(m) =
            cal_at(c, q, false).filter(|k| !k.hijri && k.cal.d.is_none() && k.cal.m.is_some())
    {
        return Some(Found::new(start, m.end, m.cal.timex(), Kind::Date));
    }
    let u = hit(key, q).filter(|u| u.clitic.is_empty())?;
    match date_word(&u)? {
        DateW::Unit(unit, Count::One) if u.article => {
            if unit == Unit::Week
                && let Some((e, wd)) = weekday_of_week(key, u.end)
            {
                return Some(Found::new(
                    start,
                    e,
                    weekday_in_week(reference, 0, wd),
                    Kind::Date,
                ));
            }
            let value = unit_value(reference, unit, 0)?;
            Some(Found::new(start, u.end, value, Kind::Date))
        }
        // «هذا سبتمبر»: the month of the reference's year.
        DateW::Month(m, _) if !u.article => {
            let y = reference.map_or("XXXX".to_owned(), |r| format!("{:04}", r.year()));
            Some(Found::new(start, u.end, format!("{y}-{m:02}"), Kind::Date))
        }
        // «هذا الصباح», «هذا المساء», «هذه الليلة»: that part of the
        // reference day. Not «هذا العصر»: "this age" far more often.
        DateW::Part(part @ (DayPart::Morning | DayPart::Evening | DayPart::Night), _)
            if u.article =>
        {
            Some(Found::new(
                start,
                u.end,
                format!("{}{}", day_value(reference, 0), part_suffix(part)),
                Kind::Time,
            ))
        }
        // «هذا الصيف».
        DateW::Season | DateW::MonthHead(words::MonthHead::Rabi) if u.article => {
            let season = season_code(&key[u.start + "ال".len()..u.end])?;
            let y = reference.map_or("XXXX".to_owned(), |r| format!("{:04}", r.year()));
            Some(Found::new(
                start,
                u.end,
                format!("{y}-{season}"),
                Kind::Date,
            ))
        }
        _ => None,
    }
}

/// The TIMEX3 code of a season's name (key spelling, no article).
pub(super) fn season_code(word: &str) -> Option<&'static str> {
    Some(match word {
        "صيف" => "SU",
        "شتاء" => "WI",
        "خريف" => "FA",
        "ربيع" => "SP",
        _ => return None,
    })
}

/// The TIMEX3 time suffix of a part of the day.
pub(super) fn part_suffix(part: DayPart) -> &'static str {
    match part {
        DayPart::Dawn | DayPart::Morning => "TMO",
        DayPart::Noon => "T12:00",
        DayPart::Afternoon => "TAF",
        DayPart::Evening => "TEV",
        DayPart::Night => "TNI",
    }
}

/// The week, month or year `offset` units from the reference.
pub(super) fn unit_value(reference: Option<NaiveDate>, unit: Unit, offset: i32) -> Option<String> {
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
    use super::super::{check_dates, check_no_dates, dates_in};
    use super::*;

    /// 2013-02-12 is a Tuesday.
    const R: Option<&str> = Some("2013-02-12");

    #[test]
    fn previous_next_and_this_in_their_wordings() {
        check_dates(&[
            ("في العام السابق", R, "العام السابق", "2012"),
            ("خلال الشهر الفائت", R, "الشهر الفائت", "2013-01"),
            ("في الأسبوع المنصرم", R, "الاسبوع المنصرم", "2013-W06"),
            ("في الشهر التالي", R, "الشهر التالي", "2013-03"),
            ("السنة الجاية", R, "السنة الجاية", "2014"),
            ("الأسبوع الآتي", R, "الاسبوع الاتي", "2013-W08"),
            ("في اليوم التالي", R, "اليوم التالي", "2013-02-13"),
            ("في اليوم السابق", R, "اليوم السابق", "2013-02-11"),
            ("اليوم الذي يلي ذلك", R, "اليوم الذي يلي ذلك", "2013-02-13"),
            ("في اليوم التالي", None, "اليوم التالي", "XXXX-XX-XX"),
        ]);
    }

    #[test]
    fn tomorrow_and_the_day_after_in_all_spellings() {
        check_dates(&[
            ("يصل يوم غد", R, "يوم غد", "2013-02-13"),
            ("يصل بعد غد", R, "بعد غد", "2013-02-14"),
            ("يصل بعد غدٍ", R, "بعد غد", "2013-02-14"),
            ("يصل بعد الغد", R, "بعد الغد", "2013-02-14"),
            ("يصل بعدغد", R, "بعدغد", "2013-02-14"),
            ("وصل قبل يوم أمس", R, "قبل يوم امس", "2013-02-10"),
            ("وصل امبارح", R, "امبارح", "2013-02-11"),
        ]);
    }

    #[test]
    fn weekdays_of_a_named_week() {
        check_dates(&[
            (
                "الثلاثاء من الأسبوع المقبل",
                R,
                "الثلاثاء من الاسبوع المقبل",
                "2013-02-19",
            ),
            (
                "الجمعة الأسبوع الماضي",
                R,
                "الجمعة الاسبوع الماضي",
                "2013-02-08",
            ),
            (
                "يوم الجمعة من هذا الأسبوع",
                R,
                "يوم الجمعة من هذا الاسبوع",
                "2013-02-15",
            ),
            (
                "الأسبوع المقبل يوم الأحد",
                R,
                "الاسبوع المقبل يوم الاحد",
                "2013-02-24",
            ),
            ("هذا الأسبوع الخميس", R, "هذا الاسبوع الخميس", "2013-02-14"),
            ("هذا الجمعة", R, "هذا الجمعة", "2013-02-15"),
            (
                "الثلاثاء من الأسبوع المقبل",
                None,
                "الثلاثاء من الاسبوع المقبل",
                "XXXX-WXX-2",
            ),
        ]);
    }

    #[test]
    fn a_relative_day_keeps_its_weekday() {
        check_dates(&[
            // Without a reference the weekday is the value.
            ("قال اليوم الجمعة", None, "اليوم الجمعة", "XXXX-WXX-5"),
            ("قال اليوم (الاثنين)", None, "اليوم (الاثنين)", "XXXX-WXX-1"),
            // With one they agree: the reference's day.
            ("قال اليوم الثلاثاء", R, "اليوم الثلاثاء", "2013-02-12"),
            ("قال أمس الاثنين", R, "امس الاثنين", "2013-02-11"),
            // They disagree: the weekday nearest to the day the word names.
            ("قال أمس الأحد", R, "امس الاحد", "2013-02-10"),
            (
                "صباح اليوم الثلاثاء",
                R,
                "صباح اليوم الثلاثاء",
                "2013-02-12TMO",
            ),
        ]);
    }

    #[test]
    fn after_a_length_in_the_future_or_from_now() {
        check_dates(&[
            ("سيعود الوفد بعد يومين", R, "بعد يومين", "2013-02-14"),
            ("ستنطلق الحملة بعد شهرين", R, "بعد شهرين", "2013-04"),
            ("سوف يصل بعد أسبوع", R, "بعد اسبوع", "2013-02-19"),
            ("بعد أسبوعين من الآن", R, "بعد اسبوعين من الان", "2013-02-26"),
            (
                "قبل ثلاثة أيام من الآن",
                R,
                "قبل ثلاثة ايام من الان",
                "2013-02-09",
            ),
            ("سيعود بعد 3 سنوات", None, "بعد 3 سنوات", "XXXX"),
        ]);
        // After a verb in the past, or counted from another event: a
        // length only.
        for text in [
            "وصل بعد يومين",
            "ستنتهي بعد 3 سنوات من بدء العمل",
            "ستجرى الانتخابات بعد عامين على الاتفاق",
            "سنوات بعد يومين",
            "قبل يومين من الانتخابات",
            "سيترك منصبه بعد أربعة أيام فقط من إعادة انتخابه",
        ] {
            let got = dates_in(text, R);
            assert!(
                got.iter().all(|(_, v)| v.starts_with('P')),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn this_month_and_season() {
        check_dates(&[
            ("في هذا سبتمبر", R, "هذا سبتمبر", "2013-09"),
            ("هذا شهر آذار", R, "هذا شهر اذار", "2013-03"),
            ("هذا تشرين الأول", R, "هذا تشرين الاول", "2013-10"),
            ("هذا الصيف", R, "هذا الصيف", "2013-SU"),
            ("الصيف المقبل", R, "الصيف المقبل", "2013-SU"),
            ("الصيف الماضي", R, "الصيف الماضي", "2012-SU"),
        ]);
    }

    #[test]
    fn parts_of_the_day() {
        check_dates(&[
            ("نلتقي هذا المساء", R, "هذا المساء", "2013-02-12TEV"),
            ("وصل هذا الصباح", R, "هذا الصباح", "2013-02-12TMO"),
            ("تقام المباراة هذه الليلة", R, "هذه الليلة", "2013-02-12TNI"),
            ("تقام المباراة الليلة", R, "الليلة", "2013-02-12TNI"),
            (
                "سقط المطر الليلة الماضية",
                R,
                "الليلة الماضية",
                "2013-02-11TNI",
            ),
            ("يصل الليلة المقبلة", R, "الليلة المقبلة", "2013-02-13TNI"),
            ("يصل الليلة", None, "الليلة", "XXXX-XX-XXTNI"),
            (
                "وقعت الهجمات الليلة قبل الماضية",
                R,
                "الليلة قبل الماضية",
                "2013-02-10TNI",
            ),
            (
                "وصل الرئيس الثلاثاء صباحاً",
                R,
                "الثلاثاء صباحا",
                "2013-02-12TMO",
            ),
            ("غادر أمس مساءً", R, "امس مساء", "2013-02-11TEV"),
            (
                "نلتقي الخميس في المساء",
                R,
                "الخميس في المساء",
                "2013-02-14TEV",
            ),
            (
                "يوم الأربعاء، في الصباح",
                R,
                "يوم الاربعاء، في الصباح",
                "2013-02-13TMO",
            ),
            ("نلتقي غداً بعد الظهر", R, "غدا بعد الظهر", "2013-02-13TAF"),
            (
                "الثلاثاء في الصباح",
                None,
                "الثلاثاء في الصباح",
                "XXXX-WXX-2TMO",
            ),
            ("يصل بعد ظهر اليوم", R, "بعد ظهر اليوم", "2013-02-12TAF"),
            (
                "بعد ظهر الاثنين المقبل",
                R,
                "بعد ظهر الاثنين المقبل",
                "2013-02-18TAF",
            ),
            // A time after the part of the day keeps it.
            (
                "الثلاثاء صباحاً الساعة الثامنة",
                R,
                "الثلاثاء صباحا الساعة الثامنة",
                "2013-02-12T08:00",
            ),
        ]);
        for (text, not) in [
            ("في تلك الليلة", "الليلة"),
            ("في الليلة الأولى من المهرجان", "الليلة"),
            ("سهر الليلة السابقة للأمسية", "الليلة"),
            ("دفع 100 دولار في الليلة", "الليلة"),
            ("تدرب الليلة قبل المباراة", "الليلة"),
            ("في هذا العصر الحديث", "هذا العصر"),
            ("ذات الليلة", "الليلة"),
            ("الثلاثاء مساء الأربعاء", "الثلاثاء مساء"),
            ("اليوم صباح الغد", "اليوم صباح"),
        ] {
            let got = dates_in(text, R);
            assert!(
                got.iter().all(|(s, _)| !s.starts_with(not)),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn not_relative() {
        check_no_dates(
            &[
                "في اليوم العالمي للمرأة",
                "ذلك اليوم",
                "الرئيس السابق",
                "المرحلة التالية",
            ],
            R,
        );
    }

    #[test]
    fn two_units_on() {
        // 2021-03-12 is in ISO week 10.
        let r = Some("2021-03-12");
        check_dates(&[
            ("يعقد الأسبوع بعد المقبل", r, "الاسبوع بعد المقبل", "2021-W12"),
            ("جرى ذلك العام قبل الماضي", r, "العام قبل الماضي", "2019"),
            ("الشهر بعد القادم", r, "الشهر بعد القادم", "2021-05"),
        ]);
        // «قبل» with a coming one, «بعد» with a past one: not two units.
        for text in ["الشهر قبل المقبل", "العام بعد الماضي"] {
            let got = dates_in(text, r);
            assert!(got.iter().all(|(s, _)| !s.contains(' ')), "{text}: {got:?}");
        }
    }

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
