//! Times of day: «الساعة الثامنة صباحاً», «الساعة 10:30», «05:16
//! مساءً», «الساعة الثامنة والنصف مساء أمس» (TIMEX3 `T08:00`, with the day
//! before the `T` when the phrase names one).
//!
//! In: a [`Chunk`] and a token position. Out: the time that starts there.

use super::calendar::{Cal, resolve_weekday};
use super::named::weekday_at;
use super::relative::{day_value, relative_day};
use super::{Found, after, date_word, hit, next_hit, next_word_is};
use crate::doc::{Chunk, Kind};
use crate::values::numbers;
use crate::values::words::{
    self, Count, DateW, DayPart, Num, TokKind, Unit, next_token, parse_digits, token_at,
};

/// «الساعة الثامنة صباحاً», «الساعة 10:30», «05:16 مساءً», «الساعة الثامنة
/// والنصف مساء أمس».
pub(super) fn time_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let t = token_at(key, pos)?;
    // After «الساعة» any hour will do; alone, an hour needs a part of the
    // day after it («العاشرة صباحاً», «8 مساءً»), a clock time two-digit
    // minutes.
    let after_word = words::word(key, Some(t))
        .filter(|w| w.article && date_word(w) == Some(DateW::Unit(Unit::Hour, Count::One)));
    let (start, hour_pos) = match after_word {
        Some(w) => (w.start, after(key, w.end)?),
        None if t.s == "ال" => (t.start, t.start),
        None => (
            words::word(key, Some(t)).map_or(t.start, |w| w.start),
            t.start,
        ),
    };
    let (mut end, mut h, mut min, clock) = hour_at(c, hour_pos)?;
    let needs_part = after_word.is_none() && !clock;
    if h > 24 || min > 59 {
        return None;
    }
    // «والنصف», «والربع», «إلا ربعاً».
    if let Some(n) = next_token(key, end) {
        match n.s {
            "والنصف" => {
                min = 30;
                end = n.end;
            }
            "والربع" => {
                min = 15;
                end = n.end;
            }
            "والثلث" => {
                min = 20;
                end = n.end;
            }
            "الا" => {
                if let Some(e) = next_word_is(key, n.end, &["ربعا", "الربع"]) {
                    h = (h + 23) % 24;
                    min = 45;
                    end = e;
                } else if let Some(e) = next_word_is(key, n.end, &["ثلثا", "الثلث"]) {
                    h = (h + 23) % 24;
                    min = 40;
                    end = e;
                }
            }
            _ => {}
        }
    }
    // The part of the day, and the day itself.
    let mut part = None;
    let mut day = None;
    let mut p = end;
    if let Some(e) = next_word_is(key, p, &["من"]) {
        // «من صباح اليوم», «من مساء يوم الخميس».
        if next_hit(key, e).is_some_and(|h| matches!(date_word(&h), Some(DateW::Part(..)))) {
            p = e;
        }
    }
    if let Some(w) = next_hit(key, p).filter(|w| w.clitic.is_empty()) {
        if let Some(DateW::Part(dp, adverb)) = date_word(&w) {
            // «صباحاً» alone; the noun «صباح» only before its day.
            let noun_ok = adverb
                || after(key, w.end).is_some_and(|q| {
                    relative_day(key, q).is_some() || weekday_at(key, q).is_some()
                });
            if noun_ok {
                part = Some(dp);
                end = w.end;
            }
        } else if key[w.start..w.end] == *"بعد"
            && let Some(e) = next_word_is(key, w.end, &["الظهر"])
        {
            part = Some(DayPart::Afternoon);
            end = e;
        }
    }
    if (part.is_some() || !clock)
        && let Some(q) = after(key, end)
    {
        if let Some((_, e, n)) = relative_day(key, q) {
            day = Some(day_value(c.ref_date, n));
            end = e;
        } else if let Some((_, e, wd)) = weekday_at(key, q) {
            day = Some(match c.ref_date {
                Some(r) => Cal::of(resolve_weekday(r, wd, 0)).timex(),
                None => format!("XXXX-WXX-{wd}"),
            });
            end = e;
        }
    }
    if needs_part && part.is_none() {
        return None;
    }
    h = match part {
        Some(DayPart::Afternoon | DayPart::Evening) if h < 12 => h + 12,
        Some(DayPart::Noon) if h < 6 => h + 12,
        Some(DayPart::Night) if (6..12).contains(&h) => h + 12,
        Some(DayPart::Night) if h == 12 => 0,
        _ => h,
    };
    let value = format!("{}T{h:02}:{min:02}", day.unwrap_or_default());
    Some(Found::new(start, end, value, Kind::Time))
}

/// The hour at `pos`: a clock time («10:30»), digits («8», «الـ8»), an
/// ordinal («الثامنة», «الحادية عشرة») or «الواحدة». Returns the end, the
/// hour, the minutes and whether it was a clock time.
fn hour_at(c: &Chunk<'_>, pos: usize) -> Option<(usize, u32, u32, bool)> {
    let key = c.key;
    let t = token_at(key, pos)?;
    let digits = if t.s == "ال" {
        token_at(key, t.end).filter(|d| d.kind == TokKind::Digits)
    } else {
        Some(t).filter(|d| d.kind == TokKind::Digits)
    };
    if let Some(d) = digits {
        if let Some((e, h, m)) = clock_at(key, d.start) {
            return Some((e, h, m, true));
        }
        let n = parse_digits(d.s).filter(|n| n.int && n.width <= 2)?;
        return (n.value <= 24.0).then_some((d.end, n.value as u32, 0, false));
    }
    if let Some(o) = numbers::ordinal(c, pos).filter(|o| o.value <= 12.0) {
        // «الأولى» is never an hour (one o'clock is «الواحدة»): «الساعات
        // الأولى من صباح اليوم».
        let first = matches!(&key[o.start..o.end], "الاولي" | "الاول");
        return (key[o.start..].starts_with("ال") && !first).then_some((
            o.end,
            o.value as u32,
            0,
            false,
        ));
    }
    let one = hit(key, pos)?;
    (one.article && one.entry.num == Some(Num::Unit(1))).then_some((one.end, 1, 0, false))
}

/// «10:30», «05:16»: hours and two-digit minutes.
fn clock_at(key: &str, pos: usize) -> Option<(usize, u32, u32)> {
    let h = token_at(key, pos).filter(|t| t.kind == TokKind::Digits && t.s.len() <= 2)?;
    let colon = token_at(key, h.end).filter(|t| t.s == ":")?;
    let m = token_at(key, colon.end).filter(|t| t.kind == TokKind::Digits && t.s.len() == 2)?;
    Some((m.end, h.s.parse().ok()?, m.s.parse().ok()?))
}
