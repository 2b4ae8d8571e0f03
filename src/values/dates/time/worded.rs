//! Times said with words rather than a clock: named («منتصف الليل»,
//! «الظهيرة»), counted in minutes to or from an hour («ثلاث دقائق قبل
//! الثامنة», 07:57) and cardinal words where an alarm is set («ضبط المنبه
//! على ثمانية وأربعين», 08:40).
//!
//! In: a [`Chunk`] and a token position. Out: a [`Clock`] (without its
//! day), or nothing.

use super::Clock;
use super::clock::{add_minutes, clock_any, counted_minutes};
use super::parts::part_after;
use crate::doc::{Chunk, Kind};
use crate::values::dates::{after, hit, next_hit};
use crate::values::numbers;
use crate::values::words::{self, Num, TokKind, next_token, token_at};

/// Times named by a word: «منتصف الليل» (`T00:00`), «منتصف النهار»,
/// «الظهيرة» (`T12:00`), «منتصف الصباح» (`T10:00`), «منتصف الظهر»
/// (`T14:00`).
pub(super) fn named_time(c: &Chunk<'_>, pos: usize) -> Option<Clock> {
    let key = c.key;
    let t = token_at(key, pos)?;
    let (h, end) = match t.s {
        "منتصف" | "منتصف-" => {
            let mut q = t.end;
            if key[q..].starts_with('-') {
                q += 1;
            }
            let n = token_at(key, q).or_else(|| next_token(key, q))?;
            match n.s {
                "الليل" => (0, n.end),
                "النهار" => (12, n.end),
                // Mid-morning and mid-afternoon, as Recognizers-Text
                // reads them.
                "الصباح" => (10, n.end),
                "الظهر" => (14, n.end),
                _ => return None,
            }
        }
        "الظهيره" => (12, t.end),
        _ => return None,
    };
    Some(Clock {
        start: t.start,
        end,
        h,
        min: 0,
        sec: None,
        part: None,
    })
}

/// Minutes counted to or from an hour: «ثلاث دقائق قبل الثامنة» (07:57),
/// «خمس دقائق حتى السابعة», «عشرين دقيقة بعد الخامسة». The hour is a
/// word or follows «الساعة»: «5 دقائق قبل 90» is a match's clock.
pub(super) fn minutes_to_hour(c: &Chunk<'_>, pos: usize) -> Option<Clock> {
    let key = c.key;
    let (e, m) = counted_minutes(c, pos, true)?;
    let w = next_token(key, e)?;
    let sign = match w.s {
        "قبل" | "حتي" => -1,
        "بعد" => 1,
        _ => return None,
    };
    let q =
        after(key, w.end).filter(|&q| token_at(key, q).is_some_and(|t| t.kind == TokKind::Word))?;
    let (clock, _) = clock_any(c, q)?;
    let (end, h, min) = add_minutes(c, clock.end, clock.h, clock.min, sign * m);
    Some(Clock {
        start: pos,
        end,
        h,
        min,
        ..clock
    })
}

/// A clock time in cardinal words where an alarm is set: «ضبط المنبه على
/// ثمانية وأربعين» (08:40), «… على عشرة وخمسة وأربعين» (10:45), «… على
/// خمسة عشر خمسة عشر مساءً» (15:15), «… على عشرة عشرة». Elsewhere the
/// words are a number («ثمانية وأربعين» is 48).
pub(super) fn alarm_clock(c: &Chunk<'_>, pos: usize) -> Option<Clock> {
    let key = c.key;
    let on = words::prev_token(key, pos).filter(|t| t.s == "علي")?;
    words::prev_token(key, on.start).filter(|t| matches!(t.s, "المنبه" | "منبه"))?;
    let first = hit(key, pos).filter(|h| h.clitic.is_empty() && !h.article)?;
    let teen = next_hit(key, first.end).filter(|t| t.entry.num == Some(Num::Ten));
    let (h, end) = match (first.entry.num?, teen) {
        (Num::Unit(n), Some(t)) => (u32::from(n) + 10, t.end),
        (Num::Ahad, Some(t)) => (11, t.end),
        (Num::Unit(n), None) => (u32::from(n), first.end),
        (Num::Ten, None) => (10, first.end),
        _ => return None,
    };
    let n = next_token(key, end)?;
    let q = if n.s == "و" {
        after(key, n.end)?
    } else if n.s.starts_with('و') && n.s.len() > 'و'.len_utf8() {
        n.start + 'و'.len_utf8()
    } else {
        n.start
    };
    let m = numbers::cardinal(key, q)
        .filter(|m| m.int && m.kind == Kind::Cardinal && (1.0..60.0).contains(&m.value))?;
    let mut clock = Clock {
        start: pos,
        end: m.end,
        h,
        min: m.value as u32,
        sec: None,
        part: None,
    };
    if let Some((part, e)) = part_after(key, clock.end, false) {
        clock.part = Some(part);
        clock.end = e;
    }
    Some(clock)
}

#[cfg(test)]
mod tests {
    use crate::values::dates::{check_dates, dates_in};

    #[test]
    fn minutes_to_and_from_an_hour() {
        check_dates(&[
            (
                "وصل القطار خمس دقائق قبل العاشرة",
                None,
                "خمس دقائق قبل العاشرة",
                "T09:55",
            ),
            (
                "أقلعت الطائرة عشر دقائق بعد السادسة مساء",
                None,
                "عشر دقائق بعد السادسة مساء",
                "T18:10",
            ),
            (
                "بقيت سبع دقائق حتى الثانية عشرة",
                None,
                "سبع دقائق حتى الثانية عشرة",
                "T11:53",
            ),
            (
                "يبدأ الدرس الرابعة والنصف إلا خمس دقائق",
                None,
                "الرابعة والنصف الا خمس دقائق",
                "T04:25",
            ),
            (
                "تنتهي السهرة العاشرة مساء وثلاثة أرباع",
                None,
                "العاشرة مساء وثلاثة ارباع",
                "T22:45",
            ),
        ]);
        // A match's minute is no hour.
        let got = dates_in("سجل الهدف 5 دقائق قبل 90", None);
        assert!(got.iter().all(|(_, v)| !v.contains(':')), "{got:?}");
    }

    #[test]
    fn times_named_by_words() {
        check_dates(&[
            ("نلتقي منتصف الصباح", None, "منتصف الصباح", "T10:00"),
            ("نلتقي منتصف الظهر", None, "منتصف الظهر", "T14:00"),
            ("تشتد الحرارة وقت الظهيرة", None, "وقت الظهيرة", "T12:00"),
            (
                "نلتقي الساعة 2 وقت الغداء",
                None,
                "الساعة 2 وقت الغداء",
                "T14:00",
            ),
            (
                "نلتقي وقت الغداء الساعة 1",
                None,
                "وقت الغداء الساعة 1",
                "T13:00",
            ),
            (
                "يغلق المطعم 12 منتصف الليل",
                None,
                "12 منتصف الليل",
                "T00:00",
            ),
            ("أقلعت 2:30 منتصف الليل", None, "2:30 منتصف الليل", "T02:30"),
        ]);
    }
}
