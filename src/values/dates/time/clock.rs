//! The hour at a position with its minutes, seconds and part of the day:
//! «الساعة الثامنة صباحاً», «10:30», «7:56:30 مساءً», «الثامنة والربع»,
//! «السابعة إلا ربعاً», «930 صباحا», what marks it as a time («الساعة», a
//! clock time, minutes) and whether nothing does (an hour alone). The last
//! answer is remembered within a reading of the key.
//!
//! In: a [`Chunk`] and a token position. Out: a [`Clock`] (without its
//! day), or nothing.

use std::cell::Cell;

use super::parts::{part_after, part_before};
use super::{Clock, LUNCH};
use crate::doc::{Chunk, HijriCalendar, Kind};
use crate::values::dates::{after, date_word, hit, next_hit, next_word_is};
use crate::values::numbers;
use crate::values::words::{
    self, Count, DateW, DayPart, Num, TokKind, Unit, next_token, parse_digits, token_at,
};

/// An hour with its minutes and part of the day, without the day: after
/// «الساعة» any hour will do; alone, an hour needs a part of the day
/// after it («العاشرة صباحاً», «8 مساءً»), a clock time two-digit minutes,
/// and an hour word its minutes («الثامنة والنصف»).
pub(super) fn clock_phrase(c: &Chunk<'_>, pos: usize) -> Option<Clock> {
    clock_any(c, pos).and_then(|(clock, bare)| (!bare || clock.part.is_some()).then_some(clock))
}

/// Where [`clock_any`] was asked: the reading ([`words::reading_serial`]),
/// every part of the chunk (addresses and lengths of its slices) and the
/// position. Within one reading the same question has the same answer.
#[derive(Clone, Copy, Debug, PartialEq)]
struct ClockQuery {
    reading: u64,
    text: (usize, usize),
    key: (usize, usize),
    words: (usize, usize),
    lex: (usize, usize),
    ref_date: Option<chrono::NaiveDate>,
    hijri: HijriCalendar,
    pos: usize,
}

impl ClockQuery {
    /// The query of `clock_any(c, pos)`, if `c` is read under
    /// [`words::read`].
    fn of(c: &Chunk<'_>, pos: usize) -> Option<ClockQuery> {
        let slice = |p: *const u8, len: usize| (p as usize, len);
        Some(ClockQuery {
            reading: words::reading_serial(c.key)?,
            text: slice(c.text.as_ptr(), c.text.len()),
            key: slice(c.key.as_ptr(), c.key.len()),
            words: slice(c.words.as_ptr().cast(), c.words.len()),
            lex: slice(c.lex.as_ptr().cast(), c.lex.len()),
            ref_date: c.ref_date,
            hijri: c.hijri,
            pos,
        })
    }
}

/// What [`clock_any`] answers: the hour, and whether it is bare.
type ClockAnswer = Option<(Clock, bool)>;

thread_local! {
    /// The last [`clock_any`] question of the thread and its answer.
    static LAST_CLOCK: Cell<Option<(ClockQuery, ClockAnswer)>> = const { Cell::new(None) };
}

/// An hour with its minutes and part of the day, whatever marks it as a
/// time; `true` beside it when nothing does: an hour alone, without
/// «الساعة», a clock time or minutes.
///
/// A trigger's time ([`time_at`](super::time_at)) and range of times
/// ([`time_range_at`](super::time_range_at)) both start by reading the hour at the
/// trigger: the last answer is remembered, for the same question in the
/// same reading.
pub(super) fn clock_any(c: &Chunk<'_>, pos: usize) -> ClockAnswer {
    let Some(query) = ClockQuery::of(c, pos) else {
        return read_clock(c, pos);
    };
    if let Some((q, found)) = LAST_CLOCK.get()
        && q == query
    {
        return found;
    }
    let found = read_clock(c, pos);
    LAST_CLOCK.set(Some((query, found)));
    found
}

/// [`clock_any`] read in the key.
fn read_clock(c: &Chunk<'_>, pos: usize) -> ClockAnswer {
    let key = c.key;
    let t = token_at(key, pos)?;
    // «في تمام الساعة 9»: «تمام» (sharp) before «الساعة».
    if t.s == "تمام" {
        let q = after(key, t.end).filter(|&q| hour_word_at(key, q))?;
        let (clock, bare) = clock_any(c, q)?;
        return Some((
            Clock {
                start: pos,
                ..clock
            },
            bare,
        ));
    }
    let after_word = words::word(key, Some(t)).filter(|_| hour_word_at(key, pos));
    // «بعد الظهر الساعة 7», «الظهر الساعة 7», «في الليل الخامسة والنصف»:
    // a part of the day first.
    if let Some((part, q)) = part_before(c, pos) {
        let (mut clock, _) = clock_any(c, q)?;
        if clock.part.is_none() {
            clock.part = Some(part);
        }
        let clock = Clock {
            start: t.start,
            ..clock
        };
        return Some((clock, false));
    }
    let (start, hour_pos) = match after_word {
        Some(w) => (w.start, after(key, w.end)?),
        None if t.s == "ال" => (t.start, t.start),
        None => (
            words::word(key, Some(t)).map_or(t.start, |w| w.start),
            t.start,
        ),
    };
    let (mut end, mut h, mut min, sec) = hour_at(c, hour_pos)?;
    // A clock time: «10:30», «7:56:30», «1140» (before a part of the day).
    let written = sec.is_some()
        || key[hour_pos..end].contains(':')
        || token_at(key, hour_pos).is_some_and(|d| d.kind == TokKind::Digits && d.s.len() > 2);
    let word_hour = token_at(key, hour_pos).is_some_and(|t| t.kind == TokKind::Word);
    if h > 24 || min > 59 {
        return None;
    }
    let mut has_minutes = false;
    if !written && let Some((e, m)) = minutes_after(c, end, word_hour) {
        (end, h, min) = add_minutes(c, e, h, min, m);
        has_minutes = true;
    }
    let mut clock = Clock {
        start,
        end,
        h,
        min,
        sec,
        part: None,
    };
    // «الساعة 7 الظهر», «الساعة الواحدة الليل»: after «الساعة» or a clock
    // time the noun with its article is the hour's part of the day.
    if let Some((part, e)) = part_after(key, end, written || after_word.is_some()) {
        clock.part = Some(part);
        clock.end = e;
        // «9 مساءً وثلاثة أرباع»: the minutes after the part of the day.
        if !written
            && !has_minutes
            && let Some((e, m)) = minutes_after(c, clock.end, word_hour)
        {
            (clock.end, clock.h, clock.min) = add_minutes(c, e, clock.h, clock.min, m);
        }
    } else if written
        && let Some(t) = next_token(key, end)
        && let Some(part) = match t.s {
            // «10:50 ص», «7:15 م»: the letters for صباحاً and مساءً, read
            // after a clock time only («1990م» is a year).
            "ص" => Some(DayPart::Morning),
            "م" => Some(DayPart::Evening),
            _ => None,
        }
    {
        clock.part = Some(part);
        clock.end = t.end;
    }
    // «12 وقت الغداء», «الساعة 1 وقت الغداء» (13:00): lunchtime, around
    // noon; «12 منتصف الليل» (00:00), «1:00 منتصف الليل».
    let mut marked = false;
    if let Some(e) =
        next_word_is(key, clock.end, &["وقت"]).and_then(|e| next_word_is(key, e, LUNCH))
    {
        clock.part = clock.part.or(Some(DayPart::Noon));
        clock.end = e;
        marked = true;
    } else if clock.part.is_none()
        && let Some(e) =
            next_word_is(key, clock.end, &["منتصف"]).and_then(|e| next_word_is(key, e, &["الليل"]))
    {
        if clock.h == 12 {
            clock.h = 0;
        }
        clock.end = e;
        marked = true;
    }
    let bare = after_word.is_none()
        && !written
        && !clock_written(key, hour_pos)
        && !has_minutes
        && !marked;
    Some((clock, bare))
}

/// `m` minutes added to `h:min` (taken off for `m` below 0), and the
/// minutes of an «إلا» after them at `end` taken off: «الخامسة والنصف إلا
/// ثلاث دقائق» (05:27). Returns the end, the hour and the minutes.
pub(super) fn add_minutes(
    c: &Chunk<'_>,
    end: usize,
    h: u32,
    min: u32,
    m: i32,
) -> (usize, u32, u32) {
    let at = |total: i32| {
        let t = total.rem_euclid(24 * 60);
        ((t / 60) as u32, (t % 60) as u32)
    };
    let total = h as i32 * 60 + min as i32 + m;
    if let Some(n) = next_token(c.key, end).filter(|n| n.s == "الا")
        && let Some((e, less)) = after(c.key, n.end).and_then(|q| counted_minutes(c, q, true))
    {
        let (h, min) = at(total - less);
        return (e, h, min);
    }
    let (h, min) = at(total);
    (end, h, min)
}

/// Whether the word at `pos` is «الساعة» (the hour).
pub(super) fn hour_word_at(key: &str, pos: usize) -> bool {
    hit(key, pos)
        .is_some_and(|w| w.article && date_word(&w) == Some(DateW::Unit(Unit::Hour, Count::One)))
}

/// Whether the hour at `pos` is a clock time (10:30).
fn clock_written(key: &str, pos: usize) -> bool {
    let t = token_at(key, pos);
    let d = match t {
        Some(t) if t.s == "ال" => token_at(key, t.end),
        t => t,
    };
    d.is_some_and(|d| clock_at(key, d.start).is_some())
}

/// The minutes after an hour: «والنصف», «وربع», «والثلث», «إلا ربعاً»,
/// «و20 دقيقة», «وعشرين دقيقة», and after an hour word a count alone
/// («السابعة وخمسة وثلاثين»). Returns the end and the minutes (negative
/// before the hour).
fn minutes_after(c: &Chunk<'_>, end: usize, word_hour: bool) -> Option<(usize, i32)> {
    let key = c.key;
    let n = next_token(key, end)?;
    let fraction = |w: &str| match w {
        "نصف" | "النصف" => Some(30),
        "ربع" | "ربعا" | "الربع" => Some(15),
        "ثلث" | "ثلثا" | "الثلث" => Some(20),
        _ => None,
    };
    if let Some(m) = n.s.strip_prefix('و').and_then(fraction) {
        return Some((n.end, m));
    }
    // «إلا ربعاً», «إلا خمس دقائق».
    if n.s == "الا" {
        let t = next_token(key, n.end)?;
        if let Some(m) = fraction(t.s) {
            return Some((t.end, -m));
        }
        let (e, m) = counted_minutes(c, t.start, true)?;
        return Some((e, -m));
    }
    // «و20 دقيقة», «و 30 دقيقة», «وعشرين دقيقة», «وخمسة وثلاثين».
    let q = if n.s == "و" {
        after(key, n.end)?
    } else if n.s.starts_with('و') && n.s.len() > 'و'.len_utf8() {
        n.start + 'و'.len_utf8()
    } else {
        return None;
    };
    // «وثلاثة أرباع»: three quarters of an hour.
    if let Some(t) = token_at(key, q).filter(|t| matches!(t.s, "ثلاثه" | "ثلاث"))
        && let Some(e) = next_word_is(key, t.end, &["ارباع"])
    {
        return Some((e, 45));
    }
    counted_minutes(c, q, !word_hour)
}

/// A count of minutes (1–59) at `pos`, with «دقيقة»/«دقائق» after it
/// (required when `need_unit`).
pub(super) fn counted_minutes(c: &Chunk<'_>, pos: usize, need_unit: bool) -> Option<(usize, i32)> {
    let key = c.key;
    let n = numbers::cardinal(key, pos).filter(|n| n.int && n.kind == Kind::Cardinal)?;
    if !(1.0..60.0).contains(&n.value) {
        return None;
    }
    let unit = next_hit(key, n.end).filter(|u| {
        u.clitic.is_empty() && matches!(date_word(u), Some(DateW::Unit(Unit::Minute, _)))
    });
    match unit {
        Some(u) => Some((u.end, n.value as i32)),
        None if !need_unit => Some((n.end, n.value as i32)),
        None => None,
    }
}

/// The hour at `pos`: a clock time («10:30», «7:56:30»), digits («8»,
/// «الـ8»), an ordinal («الثامنة», «الحادية عشرة») or «الواحدة». Returns
/// the end, the hour, the minutes and the seconds.
pub(super) fn hour_at(c: &Chunk<'_>, pos: usize) -> Option<(usize, u32, u32, Option<u32>)> {
    let key = c.key;
    let t = token_at(key, pos)?;
    let digits = if t.s == "ال" {
        token_at(key, t.end).filter(|d| d.kind == TokKind::Digits)
    } else {
        Some(t).filter(|d| d.kind == TokKind::Digits)
    };
    if let Some(d) = digits {
        if let Some((e, h, m, s)) = clock_at(key, d.start) {
            return Some((e, h, m, s));
        }
        let n = parse_digits(d.s).filter(|n| n.int)?;
        // «340 مساءً», «1140 صباحاً»: hours and minutes without the colon,
        // before a part of the day only.
        if (3..=4).contains(&n.width) {
            let (h, m) = (n.value as u32 / 100, n.value as u32 % 100);
            let ok = (1..=12).contains(&h) && m < 60 && part_after(key, d.end, true).is_some();
            return ok.then_some((d.end, h, m, None));
        }
        return (n.width <= 2 && n.value <= 24.0).then_some((d.end, n.value as u32, 0, None));
    }
    if let Some(o) = numbers::ordinal(c, pos) {
        // «الثامنة وعشرين»: the ordinal reader takes the minutes for tens
        // (28th); the hour is the first word. «الساعة الثالثة عشرة» is
        // 13:00 on a 24-hour clock: a unit and «عشرة» (not «العشرين»).
        let teen = (13.0..20.0).contains(&o.value)
            && key[o.start..o.end]
                .split_once(' ')
                .is_some_and(|(_, ten)| matches!(ten, "عشر" | "عشره"));
        let (end, hour) = if o.value <= 12.0 || teen {
            (o.end, o.value as u32)
        } else {
            let h = hit(key, pos)?;
            match h.entry.num {
                Some(Num::Ord(n)) => (h.end, u32::from(n)),
                _ => return None,
            }
        };
        // «الأولى» is never an hour (one o'clock is «الواحدة»): «الساعات
        // الأولى من صباح اليوم».
        let first = matches!(&key[o.start..end], "الاولي" | "الاول");
        return (key[o.start..].starts_with("ال") && !first).then_some((end, hour, 0, None));
    }
    let one = hit(key, pos)?;
    (one.article && one.entry.num == Some(Num::Unit(1))).then_some((one.end, 1, 0, None))
}

/// «10:30», «05:16», «7:56:30»: hours, two-digit minutes and maybe
/// seconds.
pub(super) fn clock_at(key: &str, pos: usize) -> Option<(usize, u32, u32, Option<u32>)> {
    let h = token_at(key, pos).filter(|t| t.kind == TokKind::Digits && t.s.len() <= 2)?;
    let colon = token_at(key, h.end).filter(|t| t.s == ":")?;
    let m = token_at(key, colon.end).filter(|t| t.kind == TokKind::Digits && t.s.len() == 2)?;
    let (end, sec) = match token_at(key, m.end).filter(|t| t.s == ":") {
        Some(c2) => {
            match token_at(key, c2.end).filter(|t| t.kind == TokKind::Digits && t.s.len() == 2) {
                Some(s) => (s.end, Some(s.s.parse().ok()?)),
                None => (m.end, None),
            }
        }
        None => (m.end, None),
    };
    let (h, m): (u32, u32) = (h.s.parse().ok()?, m.s.parse().ok()?);
    (h <= 24 && m <= 59 && sec.is_none_or(|s| s <= 59)).then_some((end, h, m, sec))
}

#[cfg(test)]
mod tests {
    use crate::values::dates::{check_dates, dates_in};
    use crate::values::words;

    #[test]
    fn a_remembered_hour_is_the_one_read_in_its_reading() {
        // Two texts whose keys are read in turn at the same positions: each
        // reading answers from its own key, the first question and the
        // next alike, as the key read outside a reading.
        for text in ["الساعة 8 مساء اليوم", "الساعة 9 صباحا غدا", "قال 8 اشخاص"]
        {
            let t = crate::extract::TestChunk::new(text);
            let c = t.chunk();
            for pos in [0, "الساعة ".len()] {
                let outside = format!("{:?}", super::read_clock(&c, pos));
                let (first, again) = words::read(c.key, || {
                    (super::clock_any(&c, pos), super::clock_any(&c, pos))
                });
                assert_eq!(format!("{first:?}"), outside, "{text} at {pos}");
                assert_eq!(format!("{again:?}"), outside, "{text} at {pos}");
            }
        }
    }

    #[test]
    fn minutes_seconds_and_parts() {
        check_dates(&[
            ("وصل 7:56:30 مساءً", None, "7:56:30 مساء", "T19:56:30"),
            (
                "الموعد الثامنة والربع مساء",
                None,
                "الثامنة والربع مساء",
                "T20:15",
            ),
            ("الموعد الثامنة وربع", None, "الثامنة وربع", "T08:15"),
            (
                "الموعد الساعة 8 إلا ربع صباحاً",
                None,
                "الساعة 8 الا ربع صباحا",
                "T07:45",
            ),
            (
                "الموعد الساعة الثامنة و20 دقيقة مساءً",
                None,
                "الساعة الثامنة و20 دقيقة مساء",
                "T20:20",
            ),
            (
                "الموعد الساعة الثامنة وعشرين دقيقة",
                None,
                "الساعة الثامنة وعشرين دقيقة",
                "T08:20",
            ),
            (
                "يعود السابعة وخمسة وثلاثين مساء",
                None,
                "السابعة وخمسة وثلاثين مساء",
                "T19:35",
            ),
            (
                "يعود الساعة 9 إلا خمس دقائق",
                None,
                "الساعة 9 الا خمس دقائق",
                "T08:55",
            ),
            (
                "يعود بعد الظهر الساعة 7",
                None,
                "بعد الظهر الساعة 7",
                "T19:00",
            ),
            ("يعود 8 في الليل", None, "8 في الليل", "T20:00"),
            ("يسري الحظر حتى منتصف الليل", None, "منتصف الليل", "T00:00"),
        ]);
    }

    #[test]
    fn clock_times_without_a_colon_or_in_words() {
        check_dates(&[
            ("يفتح المتجر 930 صباحا", None, "930 صباحا", "T09:30"),
            ("يغلق المتجر 1015 مساء", None, "1015 مساء", "T22:15"),
            ("وصل 7:45 الصباح", None, "7:45 الصباح", "T07:45"),
            ("اضبط المنبه على سبعة وعشرين", None, "سبعة وعشرين", "T07:20"),
            (
                "ضبطت المنبه على ستة عشر وخمسة وأربعين",
                None,
                "ستة عشر وخمسة واربعين",
                "T16:45",
            ),
            (
                "ضبط المنبه على تسعة تسعة مساء",
                None,
                "تسعة تسعة مساء",
                "T21:09",
            ),
        ]);
        // Digits without a part of the day, and number words elsewhere,
        // are numbers.
        for text in ["بلغ عدد الزوار 1140 زائرا", "حصل على ثمانية وأربعين صوتا"]
        {
            let got = dates_in(text, None);
            assert!(got.iter().all(|(_, v)| !v.contains(':')), "{text}: {got:?}");
        }
    }
}
