//! Times of day: «الساعة الثامنة صباحاً», «الساعة 10:30», «05:16:30
//! مساءً», «الثامنة والربع مساء أمس», «الساعة الثامنة و20 دقيقة»,
//! «السابعة إلا ربعاً», «منتصف الليل» (TIMEX3 `T08:00`, `T17:16:30`, …).
//!
//! In: a [`Chunk`] and a token position. Out: the time that starts there.
//!
//! A time is anchored to a day: the one the phrase names after it («مساء
//! أمس», «يوم الأحد المقبل», «1 يناير»), else the reference date, so that
//! with the reference 2013-02-12 «الساعة الثالثة عصراً» is
//! `2013-02-12T15:00`. Without a reference and a named day it stays
//! `T15:00`. A date written before the time («غداً الساعة 8 صباحاً», «14
//! أكتوبر الساعة 8:00») is joined to it by [`after_date`].

use std::cell::Cell;

use super::calendar::Cal;
use super::named::{cal_at, day_of_month_alone, weekday_at};
use super::relative::{day_value, part_suffix, relative, relative_day, weekday_phrase};
use super::{Found, after, date_word, hit, next_hit, next_word_is};
use crate::doc::{Chunk, HijriCalendar, Kind};
use crate::values::numbers;
use crate::values::words::{
    self, Count, DateW, DayPart, Num, TokKind, Unit, next_token, parse_digits, token_at,
};

mod joined;
pub(super) use joined::{counted_within, dated_ends, moved_before};

/// A time of day read at a position, before it is written as TIMEX3.
#[derive(Clone, Copy, Debug)]
struct Clock {
    start: usize,
    end: usize,
    h: u32,
    min: u32,
    sec: Option<u32>,
    part: Option<DayPart>,
}

impl Clock {
    /// The hour on a 24-hour clock, moved by the part of the day.
    fn hour24(&self) -> u32 {
        match self.part {
            Some(DayPart::Afternoon | DayPart::Evening) if self.h < 12 => self.h + 12,
            Some(DayPart::Noon) if self.h < 6 => self.h + 12,
            Some(DayPart::Night) if (6..12).contains(&self.h) => self.h + 12,
            Some(DayPart::Night) if self.h == 12 => 0,
            _ => self.h,
        }
    }

    /// Minutes since midnight.
    fn minutes(&self) -> u32 {
        self.hour24() * 60 + self.min
    }

    /// `HH:MM` or `HH:MM:SS`, the hour moved by the part of the day.
    fn value(&self) -> String {
        let h = self.hour24();
        match self.sec {
            Some(s) => format!("{h:02}:{:02}:{s:02}", self.min),
            None => format!("{h:02}:{:02}", self.min),
        }
    }
}

/// «الساعة الثامنة صباحاً», «الساعة 10:30», «05:16 مساءً», «الساعة الثامنة
/// والنصف مساء أمس», «منتصف الليل», «ثلاث دقائق قبل الثامنة», «عند
/// السابعة», «8 هذا الصباح», and a part of the day alone («في الصباح»,
/// see [`part_alone`]).
pub(super) fn time_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let found = clock_any(c, pos)
        .or_else(|| named_time(c, pos).map(|k| (k, false)))
        .or_else(|| minutes_to_hour(c, pos).map(|k| (k, false)))
        .or_else(|| alarm_clock(c, pos).map(|k| (k, false)));
    let Some((mut clock, bare)) = found else {
        return part_alone(c, pos).or_else(|| super::duration::part_of_every_day(c, pos));
    };
    let day = day_after(c, clock.end);
    // An hour alone is a time with a part of the day after it («8 هذا
    // الصباح», «10 ، الليلة»), or where [`hour_alone`] allows it.
    if bare
        && clock.part.is_none()
        && !(day.part.is_some() && (1..=12).contains(&clock.h))
        && !hour_alone(c, &clock, day.named)
    {
        return None;
    }
    if clock.part.is_none() {
        clock.part = day.part;
    }
    // «وقت الغداء الساعة 1»: lunchtime, around noon (13:00).
    let lunch = lunch_before(c.key, clock.start);
    if lunch.is_some() && clock.part.is_none() {
        clock.part = Some(DayPart::Noon);
    }
    let start = lunch.unwrap_or(clock.start);
    // «في الخامس في 4 صباحاً»: a day of the month before the time.
    if !day.named
        && let Some((s, d)) = joined::day_before(c, start)
    {
        let value = format!("XXXX-XX-{d:02}T{}", clock.value());
        return Some(Found::new(s, day.end, value, Kind::Time));
    }
    let value = format!("{}T{}", day.value.unwrap_or_default(), clock.value());
    Some(Found::new(start, day.end, value, Kind::Time))
}

/// The day a time is anchored to (see [`day_after`]).
struct DayAfter {
    /// The day's TIMEX3 value: the one the text names, else the
    /// reference date's, else none.
    value: Option<String>,
    /// A part of the day named with the day: «8 هذا الصباح», «7:00 يوم
    /// الأحد بعد الظهر».
    part: Option<DayPart>,
    /// Where the phrase ends.
    end: usize,
    /// Whether the text names the day (rather than the reference giving
    /// it).
    named: bool,
}

/// The day a time at `end` is anchored to: one named after it («مساء
/// أمس», «يوم الأحد المقبل», «، 1 يناير», «من الغد», «في 1 يناير», «يوم
/// 20»), with a part of the day after that day («يوم الأحد بعد الظهر»),
/// or a part of a day («هذا الصباح», «الليلة»); else the reference date,
/// else none.
fn day_after(c: &Chunk<'_>, end: usize) -> DayAfter {
    let key = c.key;
    let reference = DayAfter {
        value: c.ref_date.map(|r| Cal::of(r).timex()),
        part: None,
        end,
        named: false,
    };
    let Some(q) = after_comma(key, end) else {
        return reference;
    };
    let named = |value: String, e: usize| {
        let (part, e) = part_after(key, e, false).map_or((None, e), |(p, e)| (Some(p), e));
        DayAfter {
            value: Some(value),
            part,
            end: e,
            named: true,
        }
    };
    // «والخامس من الشهر المقبل»: a day joined to something else.
    if hit(key, q).is_some_and(|h| h.clitic.starts_with('و')) {
        return reference;
    }
    // «من الغد», «من 22 أبريل», «في 1 يناير»: a day after a preposition
    // (a calendar date after «في»: «في اليوم ذاته» is no reference to
    // today).
    let prep = token_at(key, q).filter(|t| matches!(t.s, "من" | "في"));
    let behind = prep.and_then(|t| Some((t.s == "من", after(key, t.end)?)));
    for (p, relative_ok) in [(q, true)].into_iter().chain(behind.map(|(r, p)| (p, r))) {
        if let Some((_, e, n)) = relative_day(key, p).filter(|_| relative_ok) {
            return named(day_value(c.ref_date, n), e);
        } else if let Some((_, e, v)) = weekday_phrase(c, p).filter(|_| relative_ok) {
            return named(v, e);
        } else if let Some(cal) = cal_at(c, p, false).filter(|k| k.cal.d.is_some()) {
            return named(cal.cal.timex(), cal.end);
        }
    }
    if let Some((e, d)) = day_of_month_alone(key, q, &["يوم", "في"]) {
        return named(format!("XXXX-XX-{d:02}"), e);
    }
    // «8 هذا الصباح», «10 ، الليلة»: a part of a named day.
    if let Some(f) = relative(c, q).filter(|f| f.kind == Kind::Time && f.start == q)
        && let Some((day, p)) = f.value.split_once('T')
        && let Some(Some(part)) = part_of_suffix(p)
    {
        return DayAfter {
            value: Some(day.to_owned()),
            part: Some(part),
            end: f.end,
            named: true,
        };
    }
    reference
}

/// Whether an hour alone (no «الساعة», minutes or part of the day) is a
/// time: an hour word, feminine and the whole ordinal, and no age
/// («الثامنة عشرة», «في السابعة من عمره»), after «عند» («عند السابعة»),
/// right after a verb in the future where the sentence ends there («سأعود
/// الحادية عشرة.»), or after «في» with a
/// day named after it («في السابعة يوم الأحد», «في السابعة في 15») or a
/// verb in the future before it, maybe with its subject («سأعود في
/// السابعة», «ستنطلق الرحلة في التاسعة»). An hour in digits
/// alone is a count or an index more often than a time («أغلق المؤشر عند
/// 54»), and «في السابعة» alone an age («طفلة في السادسة»).
fn hour_alone(c: &Chunk<'_>, clock: &Clock, dated: bool) -> bool {
    let key = c.key;
    // «سأغير موعد الاجتماع من الثالثة إلى الثالثة عشرة»: the old and the
    // new time of a moved appointment, the hour on a 24-hour clock too.
    let moved = words::prev_token(key, clock.start).is_some_and(|p| {
        matches!(p.s, "من" | "الي" | "حتي") && joined::appointment_moved(key, p.start)
    });
    if !hour_word_alone(c, clock.start, moved) {
        return false;
    }
    if moved {
        return true;
    }
    match words::prev_token(key, clock.start) {
        Some(p) if p.s == "عند" => true,
        // «سأعود الحادية عشرة.»: right after a verb in the future, ending
        // the sentence («ستكون الثانية من نوعها» is a rank).
        Some(p) if future_verb(key, p) => sentence_ends(key, clock.end),
        // The verb, or the verb and its subject («ستنطلق الرحلة في
        // التاسعة»).
        Some(p) if p.s == "في" => {
            let one = words::prev_token(key, p.start);
            let two = one.and_then(|t| words::prev_token(key, t.start));
            dated
                || [one, two]
                    .into_iter()
                    .flatten()
                    .any(|v| future_verb(key, v))
        }
        _ => false,
    }
}

/// Whether an hour word alone starts at `pos`: feminine («الثانية», not
/// «الثاني»: a day, a place), the whole ordinal, at most twelve unless
/// `teens` («الثامنة عشرة» is an age more often than 18:00), and no age
/// after it («في السابعة من عمره»).
fn hour_word_alone(c: &Chunk<'_>, pos: usize, teens: bool) -> bool {
    let key = c.key;
    let Some(t) = token_at(key, pos).filter(|t| t.kind == TokKind::Word && t.s.ends_with('ه'))
    else {
        return false;
    };
    let whole = numbers::ordinal(c, t.start).map(|o| o.end);
    hour_at(c, pos).is_some_and(|(end, h, ..)| {
        (teens || h <= 12) && whole == Some(end) && next_word_is(key, end, &["من"]).is_none()
    })
}

/// Whether `t` is a verb in the future tense: «سأعود», «سيصل», «ستبدأ»,
/// «سنلتقي» (س, then the prefix of the imperfect), not a word of the
/// tables («ستة», «ساعة»).
fn future_verb(key: &str, t: words::Tok<'_>) -> bool {
    let mut cs = t.s.chars();
    cs.next() == Some('س')
        && matches!(cs.next(), Some('ا' | 'ي' | 'ت' | 'ن'))
        && t.s.chars().count() >= 4
        && t.kind == TokKind::Word
        && words::lookup(key, t.start, t.end).is_none()
}

/// Where «وقت الغداء» or «وقت» («وقت الظهيرة») starts before a time at
/// `start`.
fn lunch_before(key: &str, start: usize) -> Option<usize> {
    let p = words::prev_token(key, start)?;
    if p.s == "وقت" && key[start..].starts_with("الظهيره") {
        return Some(p.start);
    }
    let w = words::prev_token(key, p.start).filter(|w| w.s == "وقت" && LUNCH.contains(&p.s))?;
    Some(w.start)
}

/// «الغداء» (lunch) as keys.
const LUNCH: &[&str] = &["الغداء", "الغدا"];

/// A range of times of day: «من 5 إلى 6 مساءً», «بين الساعة 5 و6
/// مساءً», «الساعة 4 حتى 5 مساءً», «4-5 مساءً», «من 1:30 مساءً إلى
/// 3:30», «من الساعة 3 مساءً حتى 4 مساءً غداً». The value joins both
/// ends with `/`, each written as a time is: anchored to the day named
/// after the range or the reference (`2016-11-07T17:00/2016-11-07T18:00`),
/// else not (`T17:00/T18:00`); an end earlier than the start falls on the
/// next day.
///
/// An end without a part of the day takes the other's where that keeps
/// them in order («من 5 إلى 6 مساءً» is 17:00 to 18:00, «من 3 مساءً حتى
/// السابعة والنصف» 15:00 to 19:30). Something must mark the phrase as one
/// of times: a part of the day, «الساعة», a clock time or minutes; and
/// without «من» or «بين» before it, the first end must carry such a mark
/// itself or be joined by a dash («4-5 مساءً»): «ارتفع من 4 إلى 5» is
/// no time. Two bare hours after «من» or «بين» are a range where a day is
/// named right after them («من 5 إلى 6 الأحد القادم», «من 5 إلى 6 في 1
/// يناير») and no verb of change or counted noun stands before them
/// («ارتفع عدد القتلى من 5 إلى 6 الأحد»).
pub(super) fn time_range_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    // The range is read once: whether it needs a day after it is known
    // from its ends ([`ClockRange::bare`]), not by reading it again.
    let (start, a, b, day) = match read_clock_range(c, pos)? {
        // «سأغير موعد الثالثة مساءً إلى الرابعة»: the old time and the
        // new, two points; the first here, the second found after it.
        ClockRange {
            start,
            a,
            bare: false,
            ..
        } if moved_before(c.key, start) => {
            let day = day_after(c, a.end);
            let value = format!("{}T{}", day.value.unwrap_or_default(), a.value());
            return Some(Found::new(a.start, a.end, value, Kind::Time));
        }
        ClockRange {
            start,
            a,
            b,
            bare: false,
        } => (start, a, b, day_after(c, b.end)),
        // «من 5 إلى 6 الأحد القادم», «من الخامسة إلى السابعة من الغد»:
        // two bare hours with a day named right after them.
        ClockRange {
            start,
            a,
            b,
            bare: true,
        } => {
            let day = day_after(c, b.end);
            if !day.named || joined::counted_before(c.key, start) || moved_before(c.key, start) {
                return None;
            }
            (start, a, b, day)
        }
    };
    let value = range_value(day.value.as_deref(), &a, &b);
    Some(Found::new(start, day.end, value, Kind::Time))
}

/// The TIMEX3 value of the times `a` to `b` on `day` (see
/// [`time_range_at`]).
fn range_value(day: Option<&str>, a: &Clock, b: &Clock) -> String {
    match day {
        Some(d) => {
            let next = (b.minutes() < a.minutes())
                .then(|| next_day(d))
                .flatten()
                .unwrap_or_else(|| d.to_owned());
            format!("{d}T{}/{next}T{}", a.value(), b.value())
        }
        None => format!("T{}/T{}", a.value(), b.value()),
    }
}

/// The two ends of a range of times at `pos` and where it starts;
/// `dated` after a day, where two hours need nothing to mark them
/// («اليوم من الخامسة إلى السابعة»).
fn clock_range(c: &Chunk<'_>, pos: usize, dated: bool) -> Option<(usize, Clock, Clock)> {
    read_clock_range(c, pos)
        .filter(|r| dated || !r.bare)
        .map(|r| (r.start, r.a, r.b))
}

/// A range of times read at `pos` (see [`read_clock_range`]).
#[derive(Clone, Copy, Debug)]
struct ClockRange {
    /// Where the range starts: at «من» or «بين», else at its first end.
    start: usize,
    a: Clock,
    b: Clock,
    /// Two bare hours after «من» or «بين»: a range only after a day, or
    /// with a day named after it.
    bare: bool,
}

/// The two ends of a range of times at `pos`, whether it is one only
/// where a day marks it ([`ClockRange::bare`]) or wherever it stands.
fn read_clock_range(c: &Chunk<'_>, pos: usize) -> Option<ClockRange> {
    let key = c.key;
    let t = token_at(key, pos)?;
    let opener = match t.s {
        "من" => Some(false),
        "بين" => Some(true),
        _ => None,
    };
    let q = match opener {
        Some(_) => after(key, t.end)?,
        None => pos,
    };
    let (mut a, a_bare) = clock_any(c, q)?;
    let link = next_token(key, a.end)?;
    let dash = matches!(link.s, "-" | "–");
    let q2 = match (opener, link.s) {
        (Some(true), "و") => after(key, link.end)?,
        (Some(true), s) if s.starts_with('و') && s.len() > 'و'.len_utf8() => {
            link.start + 'و'.len_utf8()
        }
        (Some(true), _) => return None,
        (_, "الي" | "حتي" | "والي" | "وحتي" | "-" | "–") => after(key, link.end)?,
        _ => return None,
    };
    let (mut b, b_bare) = clock_any(c, q2)?;
    // «من 2 مارس الساعة 8 إلى 4 مارس الساعة 12»: the second end is a
    // day of a month, not an hour.
    if b_bare && cal_at(c, b.start, false).is_some_and(|k| k.end > b.end) {
        return None;
    }
    let marked = |cl: &Clock, bare: bool| !bare || cl.part.is_some();
    let either = marked(&a, a_bare) || marked(&b, b_bare);
    if !(either || opener.is_some()) {
        return None;
    }
    if opener.is_none() && !marked(&a, a_bare) && !dash {
        return None;
    }
    // An end without a part takes the other's where that makes the range
    // shorter: «من 5 إلى 6 مساءً» (17:00 to 18:00, not 5:00 to 18:00),
    // «من الثامنة حتى الثانية عشرة ليلاً» (20:00 to 0:00).
    let length = |a: &Clock, b: &Clock| (b.minutes() + 1440 - a.minutes()) % 1440;
    match (a.part, b.part) {
        (None, Some(p)) => {
            let a2 = Clock { part: Some(p), ..a };
            if length(&a2, &b) < length(&a, &b) {
                a = a2;
            }
        }
        (Some(p), None) => {
            let b2 = Clock { part: Some(p), ..b };
            if length(&a, &b2) < length(&a, &b) {
                b = b2;
            }
        }
        _ => {}
    }
    if length(&a, &b) == 0 {
        return None;
    }
    let start = if opener.is_some() { t.start } else { a.start };
    Some(ClockRange {
        start,
        a,
        b,
        bare: !either,
    })
}

/// The day after a TIMEX3 day (`2016-11-07` → `2016-11-08`), where it is
/// a full date.
fn next_day(day: &str) -> Option<String> {
    let d = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    Some(d.succ_opt()?.to_string())
}

/// «6/6/2021 12.15»: hours and two-digit minutes joined by a dot at `q`,
/// right after a `date` written in digits, with nothing after them but a
/// part of the day or a mark. Elsewhere two numbers with a dot are a
/// decimal («12.15 مليون», «12.15 دولار»). Returns the end, the hour and
/// the minutes.
fn dotted_clock(c: &Chunk<'_>, date: &Found, q: usize) -> Option<(usize, u32, u32)> {
    let key = c.key;
    if !key[..date.end].ends_with(|ch: char| ch.is_ascii_digit()) {
        return None;
    }
    // One token: the digit reader keeps a dot between digits.
    let t = token_at(key, q).filter(|t| t.kind == TokKind::Digits)?;
    let (h, m) = t.s.split_once('.')?;
    if !(1..=2).contains(&h.len()) || m.len() != 2 || !m.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (hh, mm): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    // Nothing after it but a part of the day or a mark: «12.15 دولار»
    // is a price.
    let alone = next_token(key, t.end).is_none_or(|n| n.kind == TokKind::Punct)
        || part_after(key, t.end, true).is_some();
    if hh > 23 || mm > 59 || !alone {
        return None;
    }
    Some((t.end, hh, mm))
}

/// The start of the token after `end`, past a comma between («8 مساءً ،
/// 1 يناير»).
fn after_comma(key: &str, end: usize) -> Option<usize> {
    let t = next_token(key, end)?;
    if matches!(t.s, "," | "،") {
        return after(key, t.end);
    }
    Some(t.start)
}

/// A part of the day joined after a date that names one day: «الثلاثاء
/// صباحاً», «أمس مساءً», «الثلاثاء في الصباح», «يوم الثلاثاء، في
/// المساء», «غداً بعد الظهر» (`2016-11-08TMO`, `XXXX-WXX-2TAF` without a
/// reference). Only the adverb, or the noun with its article after «في»:
/// a bare noun names the day after it («صباح الأربعاء»).
pub(super) fn part_after_date(c: &Chunk<'_>, date: &Found) -> Option<Found> {
    let key = c.key;
    let day = &date.value;
    if date.kind != Kind::Date || !(day.len() == 10 || day.starts_with("XXXX-WXX-")) {
        return None;
    }
    let q = after_comma(key, date.end)?;
    let t = token_at(key, q)?;
    let (part, end) = match t.s {
        "في" => {
            // «في وقت مبكر من المساء», «في وقت متأخر بعد الظهر».
            let e = early_or_late(key, t.end).unwrap_or(t.end);
            if let Some(b) = next_word_is(key, e, &["بعد"])
                && let Some(end) = next_word_is(key, b, &["الظهر", "الظهيره"])
            {
                (DayPart::Afternoon, end)
            } else {
                let w = next_hit(key, e).filter(|w| w.clitic.is_empty())?;
                let article = w.article || key[w.start..w.end].starts_with("ال");
                match date_word(&w)? {
                    // «في الصباح الباكر».
                    DateW::Part(part, _) if article => {
                        (part, next_word_is(key, w.end, &["الباكر"]).unwrap_or(w.end))
                    }
                    _ => return None,
                }
            }
        }
        "بعد" => (
            DayPart::Afternoon,
            next_word_is(key, t.end, &["الظهر", "الظهيره"])?,
        ),
        _ => {
            let w = hit(key, q).filter(|w| w.clitic.is_empty() && !w.article)?;
            // «مساء» is also the noun: «الثلاثاء مساء الأربعاء».
            let day_next = after(key, w.end)
                .is_some_and(|q| relative_day(key, q).is_some() || weekday_at(key, q).is_some());
            match date_word(&w)? {
                DateW::Part(part, true) if !day_next => (part, w.end),
                _ => return None,
            }
        }
    };
    Some(Found::new(
        date.start,
        end,
        format!("{day}{}", part_suffix(part)),
        Kind::Time,
    ))
}

/// After `end`, «وقت مبكر» or «وقت متأخر» with the «من» that may follow:
/// where the part of the day it qualifies starts.
fn early_or_late(key: &str, end: usize) -> Option<usize> {
    let e = next_word_is(key, end, &["وقت"])?;
    let e = next_word_is(key, e, &["مبكر", "متاخر"])?;
    Some(next_word_is(key, e, &["من"]).unwrap_or(e))
}

/// A part of a named day with «وقت متأخر من» or «وقت مبكر من» before it:
/// «(في) وقت متأخر من مساء أمس», «وقت مبكر من صباح الثلاثاء». The span
/// grows over the three words (the preposition «في» stays out, as
/// everywhere); the value stays the part of the day, for TIMEX3 has no
/// code for its early or late hours.
pub(super) fn early_or_late_before(c: &Chunk<'_>, found: Found) -> Found {
    let key = c.key;
    let parted = found
        .value
        .split_once('T')
        .is_some_and(|(_, p)| matches!(part_of_suffix(p), Some(Some(_))));
    let opens_with_part = token_at(key, found.start).is_some_and(|t| t.s == "بعد")
        || hit(key, found.start).is_some_and(|h| {
            h.clitic.is_empty() && !h.article && matches!(date_word(&h), Some(DateW::Part(..)))
        });
    if !parted || !opens_with_part {
        return found;
    }
    let start = words::prev_token(key, found.start)
        .filter(|t| t.s == "من")
        .and_then(|t| words::prev_token(key, t.start))
        .filter(|t| matches!(t.s, "مبكر" | "متاخر"))
        .and_then(|t| words::prev_token(key, t.start))
        .filter(|t| t.s == "وقت");
    match start {
        Some(t) => Found {
            start: t.start,
            ..found
        },
        None => found,
    }
}

/// A time joined after a date that names one day: «غداً الساعة 8
/// صباحاً», «14 أكتوبر، الساعة 8:00», «21/4/2016 الساعة 8 مساءً», «صباح
/// الغد الساعة 7». `date` is the date found; returns it extended over the
/// time, or `None`.
pub(super) fn after_date(c: &Chunk<'_>, date: &Found) -> Option<Found> {
    if let Some(f) = joined::month_then_day(c, date) {
        return Some(f);
    }
    let key = c.key;
    // A day (`2016-11-08`), maybe with a part of it (`2016-11-08TMO`).
    let (day, part) = match date.value.split_once('T') {
        Some((d, p)) => (d, part_of_suffix(p)?),
        None => (date.value.as_str(), None),
    };
    if !(day.len() == 10 || day.starts_with("XXXX-WXX-")) || date.kind == Kind::Duration {
        return None;
    }
    let mut q = after_comma(key, date.end)?;
    // «6 يناير 2017 - 6:37 صباحاً»: a dash before a clock time.
    if let Some(t) = token_at(key, q).filter(|t| matches!(t.s, "-" | "–"))
        && let Some(n) = after(key, t.end).filter(|&n| clock_at(key, n).is_some())
    {
        q = n;
    }
    // «في الساعة», «عند الساعة», «حوالي الساعة».
    let mut at = false;
    if let Some(t) = token_at(key, q).filter(|t| matches!(t.s, "في" | "عند" | "حوالي" | "نحو"))
    {
        q = after(key, t.end)?;
        at = t.s != "حوالي" && t.s != "نحو";
    }
    // «اليوم من الخامسة إلى السابعة», «غداً بين 5 و6 مساءً».
    if let Some((_, a, b)) = clock_range(c, q, true) {
        let (a, b) = (
            Clock {
                part: a.part.or(part),
                ..a
            },
            Clock {
                part: b.part.or(part),
                ..b
            },
        );
        let value = range_value(Some(day), &a, &b);
        return Some(Found::new(date.start, b.end, value, Kind::Time));
    }
    // «6/6/2021 12.15»: a clock time with a dot after a date in digits.
    if let Some((end, h, min)) = dotted_clock(c, date, q) {
        let clock = Clock {
            start: q,
            end,
            h,
            min,
            sec: None,
            part: part_after(key, end, true).map(|(p, _)| p).or(part),
        };
        let end = part_after(key, end, true).map_or(end, |(_, e)| e);
        let value = format!("{day}T{}", clock.value());
        return Some(Found::new(date.start, end, value, Kind::Time));
    }
    let mut clock = clock_phrase(c, q).or_else(|| {
        // «صباح الغد الساعة 7», «الليلة في 7»: after a part of the day a
        // bare hour will do; after a day, an hour word after «في» or «عند»
        // («23 أكتوبر في السابعة»), but not an age («في السابعة من عمره»).
        let word_hour = || {
            let whole = numbers::ordinal(c, q).map(|o| o.end);
            at && token_at(key, q).is_some_and(|t| t.kind == TokKind::Word)
                && hour_at(c, q).is_some_and(|(e, ..)| {
                    // The whole ordinal («الثامنة وعشرين» is no hour).
                    Some(e) == whole && next_word_is(key, e, &["من"]).is_none()
                })
        };
        let (end, h, min, sec) = hour_at(c, q).filter(|_| part.is_some() || word_hour())?;
        Some(Clock {
            start: q,
            end,
            h,
            min,
            sec,
            part: None,
        })
    })?;
    if clock.part.is_none() {
        clock.part = part;
    }
    Some(Found::new(
        date.start,
        clock.end,
        format!("{day}T{}", clock.value()),
        Kind::Time,
    ))
}

/// The part of the day a TIMEX3 time suffix names: `MO` → morning. `None`
/// inside for a suffix that names no part (`12:00`); `None` outside for
/// one that is not a part of the day.
fn part_of_suffix(s: &str) -> Option<Option<DayPart>> {
    Some(match s {
        "MO" => Some(DayPart::Morning),
        "AF" => Some(DayPart::Afternoon),
        "EV" => Some(DayPart::Evening),
        "NI" => Some(DayPart::Night),
        _ => return None,
    })
}

/// An hour with its minutes and part of the day, without the day: after
/// «الساعة» any hour will do; alone, an hour needs a part of the day
/// after it («العاشرة صباحاً», «8 مساءً»), a clock time two-digit minutes,
/// and an hour word its minutes («الثامنة والنصف»).
fn clock_phrase(c: &Chunk<'_>, pos: usize) -> Option<Clock> {
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
/// A trigger's time ([`time_at`]) and range of times ([`time_range_at`])
/// both start by reading the hour at the trigger: the last answer is
/// remembered, for the same question in the same reading.
fn clock_any(c: &Chunk<'_>, pos: usize) -> ClockAnswer {
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
fn add_minutes(c: &Chunk<'_>, end: usize, h: u32, min: u32, m: i32) -> (usize, u32, u32) {
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
fn hour_word_at(key: &str, pos: usize) -> bool {
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
fn counted_minutes(c: &Chunk<'_>, pos: usize, need_unit: bool) -> Option<(usize, i32)> {
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

/// A part of the day after a time: «صباحاً», «مساء», «بعد الظهر», «في
/// الليل», «من صباح» (the noun only before its day: «صباح الخميس»; with
/// its article after a clock time when `article`: «7:56 الصباح»).
/// Returns the part and the end.
fn part_after(key: &str, end: usize, article: bool) -> Option<(DayPart, usize)> {
    let mut p = end;
    // «من صباح اليوم», «من مساء يوم الخميس»; «في الليل».
    if let Some(e) = next_word_is(key, p, &["من", "في"])
        && next_hit(key, e).is_some_and(|h| matches!(date_word(&h), Some(DateW::Part(..))))
    {
        p = e;
    }
    let w = next_hit(key, p).filter(|w| w.clitic.is_empty())?;
    match date_word(&w) {
        Some(DateW::Part(dp, adverb)) => {
            let definite = w.article || key[w.start..w.end].starts_with("ال");
            let noun_ok = adverb
                || (definite && (p != end || article))
                || after(key, w.end).is_some_and(|q| {
                    relative_day(key, q).is_some() || weekday_at(key, q).is_some()
                });
            noun_ok.then_some((dp, w.end))
        }
        _ if key[w.start..w.end] == *"بعد" => {
            let e = next_word_is(key, w.end, &["الظهر", "الظهيره"])?;
            Some((DayPart::Afternoon, e))
        }
        _ => None,
    }
}

/// A part of the day before a time: «بعد الظهر الساعة 7», «الظهر 7:00»,
/// «بعد الظهر السابعة مساء», «في الليل الخامسة والنصف», «مساء 7» ending
/// the sentence. Returns the part and where the time starts.
fn part_before(c: &Chunk<'_>, pos: usize) -> Option<(DayPart, usize)> {
    let key = c.key;
    let t = token_at(key, pos)?;
    let w = hit(key, pos).filter(|w| w.clitic.is_empty());
    // The part, and whether the noun comes with its article after «في».
    let (part, end, adverb) = if t.s == "بعد" {
        (
            DayPart::Afternoon,
            next_word_is(key, t.end, &["الظهر", "الظهيره"])?,
            false,
        )
    } else {
        let w = w?;
        let article = w.article || key[w.start..w.end].starts_with("ال");
        let after_fi = words::prev_token(key, w.start).is_some_and(|p| p.s == "في");
        match date_word(&w)? {
            DateW::Part(DayPart::Noon, _) if article => (DayPart::Afternoon, w.end, false),
            DateW::Part(p @ (DayPart::Morning | DayPart::Evening | DayPart::Night), _)
                if article && after_fi =>
            {
                (p, w.end, false)
            }
            DateW::Part(p, true) if !article => (p, w.end, true),
            _ => return None,
        }
    };
    let q = after(key, end)?;
    // «في الصباح في التاسعة», «في المساء عند الثامنة»: after the noun, an
    // hour word alone after «في» or «عند».
    if !adverb
        && let Some(p) = token_at(key, q).filter(|p| matches!(p.s, "في" | "عند"))
        && let Some(h) = after(key, p.end)
        && hour_word_alone(c, h, false)
    {
        return Some((part, h));
    }
    // The time must follow: «الساعة …», a clock time or an hour word with
    // its minutes or part of the day; after an adverb, an hour in digits
    // ending the sentence («مساء 7»).
    let ok = if adverb {
        let d = token_at(key, q).filter(|d| d.kind == TokKind::Digits)?;
        let n = parse_digits(d.s).filter(|n| n.int && n.width <= 2)?;
        (1.0..=12.0).contains(&n.value) && sentence_ends(key, d.end)
    } else {
        hour_word_at(key, q)
            || clock_at(key, q).is_some()
            || token_at(key, q).is_some_and(|t| t.kind == TokKind::Word)
                && clock_any(c, q).is_some_and(|(k, bare)| !bare || k.part.is_some())
    };
    ok.then_some((part, q))
}

/// Whether the sentence ends at `end`: the text ends, or a full stop, a
/// comma or a question mark follows.
fn sentence_ends(key: &str, end: usize) -> bool {
    next_token(key, end).is_none_or(|n| {
        n.kind == TokKind::Punct && matches!(n.s, "." | "!" | "?" | "؟" | "," | "،" | "؛")
    })
}

/// Times named by a word: «منتصف الليل» (`T00:00`), «منتصف النهار»,
/// «الظهيرة» (`T12:00`), «منتصف الصباح» (`T10:00`), «منتصف الظهر»
/// (`T14:00`).
fn named_time(c: &Chunk<'_>, pos: usize) -> Option<Clock> {
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
fn minutes_to_hour(c: &Chunk<'_>, pos: usize) -> Option<Clock> {
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
fn alarm_clock(c: &Chunk<'_>, pos: usize) -> Option<Clock> {
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

/// A part of the day alone after «في», «عند» or «خلال»: «في الصباح»,
/// «خلال الليل», «في المساء», «في الصباح الباكر», «في أواخر الصباح», «في
/// أول الليل», «في وقت متأخر من الصباح», «عند وقت متأخر من الليل»; and
/// «بعد الظهر» («في وقت مبكر بعد الظهر», «في فترة ما بعد الظهر»). The
/// value is TIMEX3's code for the part (`TMO`), anchored like a time
/// (`2016-11-07TMO` with that reference); TIMEX3 has none for its early
/// or late hours. Not the noun without a preposition («صحيفة الصباح»,
/// «آل الصباح»), nor «في الظهر» (the back: «طعنة في الظهر») or «في
/// العصر» (the era). «الظهر» is noon (`T12:00`) right after a verb in the
/// future where the sentence ends («سأعود الظهر»).
fn part_alone(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let t = token_at(key, pos)?;
    let (part, end, needs_at) = if t.s == "بعد" {
        let e = next_word_is(key, t.end, &["الظهر", "الظهيره"])?;
        (DayPart::Afternoon, e, false)
    } else {
        let w = hit(key, pos).filter(|w| w.clitic.is_empty())?;
        match date_word(&w)? {
            // Not «في الليلة» (a night: «في الليلة الظلماء»).
            DateW::Part(p @ (DayPart::Morning | DayPart::Evening | DayPart::Night), _)
                if w.article && key[w.start..w.end] != *"الليله" =>
            {
                (
                    p,
                    next_word_is(key, w.end, &["الباكر"]).unwrap_or(w.end),
                    true,
                )
            }
            // «سأعود الظهر.»: noon right after a verb in the future, ending
            // the sentence (not «طعنه في الظهر»).
            DateW::Part(DayPart::Noon, _)
                if key[w.start..w.end] == *"الظهر"
                    && words::prev_token(key, w.start).is_some_and(|v| future_verb(key, v))
                    && sentence_ends(key, w.end) =>
            {
                (DayPart::Noon, w.end, false)
            }
            _ => return None,
        }
    };
    // Back over «وقت متأخر من», «وقت مبكر», «أواخر», «أول».
    let mut start = t.start;
    let mut before = words::prev_token(key, start);
    if let Some(p) = before.filter(|p| p.s == "من") {
        let e = words::prev_token(key, p.start).filter(|e| matches!(e.s, "مبكر" | "متاخر"))?;
        let v = words::prev_token(key, e.start).filter(|v| v.s == "وقت")?;
        start = v.start;
    } else if let Some(e) = before.filter(|e| matches!(e.s, "مبكر" | "متاخر")) {
        let v = words::prev_token(key, e.start).filter(|v| v.s == "وقت")?;
        start = v.start;
    } else if let Some(e) = before.filter(|e| matches!(e.s, "اواخر" | "اوايل" | "اول" | "بدايه"))
    {
        start = e.start;
    }
    if start != t.start {
        before = words::prev_token(key, start);
    }
    if needs_at && before.is_none_or(|b| !matches!(b.s, "في" | "عند" | "خلال")) {
        return None;
    }
    let day = day_after(c, end);
    let value = format!("{}{}", day.value.unwrap_or_default(), part_suffix(part));
    Some(Found::new(start, day.end, value, Kind::Time))
}

/// The hour at `pos`: a clock time («10:30», «7:56:30»), digits («8»,
/// «الـ8»), an ordinal («الثامنة», «الحادية عشرة») or «الواحدة». Returns
/// the end, the hour, the minutes and the seconds.
fn hour_at(c: &Chunk<'_>, pos: usize) -> Option<(usize, u32, u32, Option<u32>)> {
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
fn clock_at(key: &str, pos: usize) -> Option<(usize, u32, u32, Option<u32>)> {
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
    use super::super::{check_dates, dates_in};
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
    fn early_and_late_parts_of_a_day() {
        let r = Some("2021-03-12");
        check_dates(&[
            (
                "اندلعت النيران في وقت متأخر من مساء أمس",
                r,
                "وقت متاخر من مساء امس",
                "2021-03-11TEV",
            ),
            (
                "وصل في وقت مبكر من بعد ظهر الخميس",
                None,
                "وقت مبكر من بعد ظهر الخميس",
                "XXXX-WXX-4TAF",
            ),
            (
                "نلتقي الأحد في وقت مبكر من الليل",
                r,
                "الاحد في وقت مبكر من الليل",
                "2021-03-14TNI",
            ),
            (
                "نلتقي الاثنين في وقت متأخر بعد الظهر",
                None,
                "الاثنين في وقت متاخر بعد الظهر",
                "XXXX-WXX-1TAF",
            ),
            (
                "غادر في الصباح الباكر الأحد",
                None,
                "الصباح الباكر الاحد",
                "XXXX-WXX-7TMO",
            ),
            ("نهاية يوم الأحد", r, "نهاية يوم الاحد", "2021-03-14T23:59"),
        ]);
    }

    #[test]
    fn times_anchor_to_their_day_or_the_reference() {
        let r = Some("2013-02-12");
        check_dates(&[
            // No reference, no named day: no anchor.
            (
                "وصل الساعة الثالثة عصراً",
                None,
                "الساعة الثالثة عصرا",
                "T15:00",
            ),
            // The reference anchors a time that names no day.
            (
                "وصل الساعة الثالثة عصراً",
                r,
                "الساعة الثالثة عصرا",
                "2013-02-12T15:00",
            ),
            (
                "دوى انفجار عند 05:16 مساءً",
                r,
                "05:16 مساء",
                "2013-02-12T17:16",
            ),
            // A named day wins over the reference.
            (
                "يبدأ الحظر الساعة السادسة صباح الغد",
                r,
                "الساعة السادسة صباح الغد",
                "2013-02-13T06:00",
            ),
            (
                "وصلوا الساعة 8 مساء يوم الأحد",
                r,
                "الساعة 8 مساء يوم الاحد",
                "2013-02-10T20:00",
            ),
            (
                "الموعد الساعة 8 مساءً ، 1 يناير",
                None,
                "الساعة 8 مساء ، 1 يناير",
                "XXXX-01-01T20:00",
            ),
        ]);
    }

    #[test]
    fn a_date_before_a_time_joins_it() {
        let r = Some("2016-11-07");
        check_dates(&[
            (
                "سيصل غدا 8:00 صباحا",
                r,
                "غدا 8:00 صباحا",
                "2016-11-08T08:00",
            ),
            (
                "يعود يوم 14 أكتوبر الساعة 8:00 صباحاً",
                r,
                "يوم 14 اكتوبر الساعة 8:00 صباحا",
                "2016-10-14T08:00",
            ),
            (
                "الجلسة في 21/4/2016 ، الساعة 8:00 مساءً",
                None,
                "21/4/2016 ، الساعة 8:00 مساء",
                "2016-04-21T20:00",
            ),
            (
                "نلتقي صباح الغد الساعة 7",
                r,
                "صباح الغد الساعة 7",
                "2016-11-08T07:00",
            ),
            (
                "نلتقي مساء اليوم في السابعة",
                r,
                "مساء اليوم في السابعة",
                "2016-11-07T19:00",
            ),
            // An hour word after «في» once the day is named.
            (
                "تبدأ الجلسة 12 مارس في العاشرة",
                None,
                "12 مارس في العاشرة",
                "XXXX-03-12T10:00",
            ),
            // A dash before a clock time; «ص» and «م» after one.
            (
                "وقع الانفجار 6 يناير 2017 - 6:40 صباحاً",
                None,
                "6 يناير 2017 - 6:40 صباحا",
                "2017-01-06T06:40",
            ),
            (
                "نشر في 06 مايو 2021 - 10:50 م",
                None,
                "06 مايو 2021 - 10:50 م",
                "2021-05-06T22:50",
            ),
            ("يفتح المتجر 9:15 ص", None, "9:15 ص", "T09:15"),
        ]);
        // An age is no hour: «في الثامنة عشرة من عمره».
        assert_eq!(
            dates_in("تزوج في 3 مايو في الثامنة عشرة من عمره", None),
            vec![("3 مايو".to_owned(), "XXXX-05-03".to_owned())]
        );
    }

    #[test]
    fn a_day_of_the_month_after_a_time() {
        check_dates(&[
            (
                "يبدأ العرض الساعة 9 مساءً يوم 20",
                None,
                "الساعة 9 مساء يوم 20",
                "XXXX-XX-20T21:00",
            ),
            (
                "يبدأ العرض الساعة 9 مساءً في 20.",
                None,
                "الساعة 9 مساء في 20",
                "XXXX-XX-20T21:00",
            ),
        ]);
        // A count after «في» is not a day.
        assert_eq!(
            dates_in("وصل الساعة 9 مساءً في 20 حافلة", None),
            vec![("الساعة 9 مساء".to_owned(), "T21:00".to_owned())]
        );
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
    fn ranges_of_times() {
        let r = Some("2021-03-12");
        check_dates(&[
            // «من … إلى/حتى …», the part of the day given to both ends.
            (
                "يفتح المعرض من 9 إلى 11 صباحاً",
                None,
                "من 9 الى 11 صباحا",
                "T09:00/T11:00",
            ),
            (
                "تستمر الجلسة من العاشرة حتى الثانية عشرة ظهراً",
                None,
                "من العاشرة حتى الثانية عشرة ظهرا",
                "T10:00/T12:00",
            ),
            // Anchored to the reference; «بين … و…», glued «و».
            (
                "انقطع التيار بين الساعة 2 و4 بعد الظهر",
                r,
                "بين الساعة 2 و4 بعد الظهر",
                "2021-03-12T14:00/2021-03-12T16:00",
            ),
            (
                "يحظر التجول بين السابعة مساءً والخامسة صباحاً",
                r,
                "بين السابعة مساء والخامسة صباحا",
                "2021-03-12T19:00/2021-03-13T05:00",
            ),
            // An end takes the other's part where that makes the range
            // shorter.
            (
                "الدوام من الساعة 1 بعد الظهر إلى 4",
                None,
                "من الساعة 1 بعد الظهر الى 4",
                "T13:00/T16:00",
            ),
            (
                "الاجتماع من 1:30 مساءً إلى 3:30",
                None,
                "من 1:30 مساء الى 3:30",
                "T13:30/T15:30",
            ),
            // Without «من»: a marked first end, or a dash.
            (
                "الزيارة الساعة 4 حتى 5 مساءً",
                None,
                "الساعة 4 حتى 5 مساء",
                "T16:00/T17:00",
            ),
            ("المناوبة 4-5 مساءً", None, "4-5 مساء", "T16:00/T17:00"),
            (
                "يفتح من الساعة الثامنة وحتى الثانية عشرة ليلاً",
                None,
                "من الساعة الثامنة وحتى الثانية عشرة ليلا",
                "T20:00/T00:00",
            ),
            (
                "يبدأ من الخامسة عصراً وحتى العاشرة",
                None,
                "من الخامسة عصرا وحتى العاشرة",
                "T17:00/T22:00",
            ),
            // A day named after the range, or before it.
            (
                "سأخرج من الساعة 3 مساءً حتى 4 مساءً غداً",
                r,
                "من الساعة 3 مساء حتى 4 مساء غدا",
                "2021-03-13T15:00/2021-03-13T16:00",
            ),
            (
                "سأخرج اليوم من الخامسة إلى السابعة",
                r,
                "اليوم من الخامسة الى السابعة",
                "2021-03-12T05:00/2021-03-12T07:00",
            ),
        ]);
    }

    #[test]
    fn ranges_that_are_not_times() {
        for text in [
            "ارتفع عدد المصابين من 4 إلى 5",
            "فاز الفريق بين الثالثة والرابعة",
            "حصل على المرتبة من الثالثة إلى الخامسة",
            "النتيجة 4-5",
            "أمس الأربعاء 20 - 10 - 1436هـ",
        ] {
            let got = super::super::dates_in(text, None);
            assert!(got.iter().all(|(_, v)| !v.contains('T')), "{text}: {got:?}");
        }
    }

    #[test]
    fn parts_of_the_day_alone() {
        let r = Some("2021-03-12");
        check_dates(&[
            ("يشتد البرد في الليل", None, "الليل", "TNI"),
            ("يشتد البرد في الليل", r, "الليل", "2021-03-12TNI"),
            ("تنشط الدوريات خلال المساء", None, "المساء", "TEV"),
            (
                "يخرج الصيادون في الصباح الباكر",
                None,
                "الصباح الباكر",
                "TMO",
            ),
            ("يصل الضيوف في أوائل المساء", None, "اوائل المساء", "TEV"),
            (
                "عاد الفريق في وقت متأخر من الليل",
                None,
                "وقت متاخر من الليل",
                "TNI",
            ),
            (
                "تتكون السحب خلال فترة ما بعد الظهر",
                None,
                "بعد الظهر",
                "TAF",
            ),
            (
                "نفتح الأبواب في وقت مبكر بعد الظهر",
                None,
                "وقت مبكر بعد الظهر",
                "TAF",
            ),
            // A day named after the part anchors it.
            (
                "تبدأ الاحتفالات في المساء يوم الخميس",
                None,
                "المساء يوم الخميس",
                "XXXX-WXX-4TEV",
            ),
        ]);
        for text in [
            "قالت صحيفة الصباح إن الوزير استقال",
            "تلقى طعنة في الظهر",
            "في العصر الحديث تغيرت المدن",
            "كان القمر ساطعا في الليلة الظلماء",
            "زار الشيخ صباح الأحمد الجابر الصباح المعرض",
        ] {
            assert_eq!(super::super::dates_in(text, None), vec![], "{text}");
        }
    }

    #[test]
    fn an_hour_word_alone() {
        check_dates(&[
            ("يصل الوفد عند العاشرة", None, "العاشرة", "T10:00"),
            ("ستنطلق الرحلة في التاسعة", None, "التاسعة", "T09:00"),
            (
                "نلتقي في الثامنة يوم الخميس",
                None,
                "الثامنة يوم الخميس",
                "XXXX-WXX-4T08:00",
            ),
            (
                "يغلق المتحف في الرابعة في 12.",
                None,
                "الرابعة في 12",
                "XXXX-XX-12T04:00",
            ),
            (
                "ستبدأ المباراة في الحادية عشرة",
                None,
                "الحادية عشرة",
                "T11:00",
            ),
            // Right after a verb in the future, ending the sentence.
            ("سنغادر العاشرة.", None, "العاشرة", "T10:00"),
            ("سيصلون الثانية عشرة", None, "الثانية عشرة", "T12:00"),
        ]);
        // Ages, ranks, an index, a masculine ordinal: no time.
        for text in [
            "توفيت طفلة في السادسة.",
            "بدأ العزف وهو في السابعة، ثم درس",
            "أغلق المؤشر عند 54.",
            "تزوج عند الثامنة عشرة من عمره",
            "تقام المباريات في الثاني والخامس من الشهر المقبل",
            "حل الفريق في السابعة.",
            "ستكون الثانية من نوعها",
            "ستحتل الثالثة في الترتيب",
        ] {
            let got = super::super::dates_in(text, None);
            assert!(got.iter().all(|(_, v)| !v.contains('T')), "{text}: {got:?}");
        }
    }

    #[test]
    fn an_hour_word_after_a_part_of_the_day() {
        let r = Some("2021-03-12");
        check_dates(&[
            (
                "نلتقي في المساء عند الثامنة",
                r,
                "المساء عند الثامنة",
                "2021-03-12T20:00",
            ),
            (
                "تبدأ الجولة في الصباح في العاشرة",
                None,
                "الصباح في العاشرة",
                "T10:00",
            ),
        ]);
        check_dates(&[
            ("سنلتقي الظهر.", None, "الظهر", "T12:00"),
            // Tonight, then its time.
            (
                "تنطلق الحفلة الليلة الساعة 10:15 مساءً",
                r,
                "الليلة الساعة 10:15 مساء",
                "2021-03-12T22:15",
            ),
        ]);
        for text in ["طعنه في الظهر.", "ستحمي الظهر من الإصابة"] {
            let got = dates_in(text, None);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
        // An age or a rank after «في» is no hour.
        let got = dates_in("رأيته في الصباح في السابعة من عمره", None);
        assert!(got.iter().all(|(_, v)| !v.contains(':')), "{got:?}");
    }

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
        let got = super::super::dates_in("سجل الهدف 5 دقائق قبل 90", None);
        assert!(got.iter().all(|(_, v)| !v.contains(':')), "{got:?}");
    }

    #[test]
    fn a_dotted_clock_after_a_date_in_digits() {
        check_dates(&[
            (
                "موعد التسليم 6/6/2021 12.15",
                None,
                "6/6/2021 12.15",
                "2021-06-06T12:15",
            ),
            (
                "نشر في 3/2/2020 09.45 صباحا",
                None,
                "3/2/2020 09.45 صباحا",
                "2020-02-03T09:45",
            ),
        ]);
        // A decimal after the date: no time.
        for text in [
            "بلغت الصادرات في 6/6/2021 12.15 مليون دولار",
            "سعر السهم في 6/6/2021 12.15 دولار",
        ] {
            let got = dates_in(text, None);
            assert!(got.iter().all(|(_, v)| !v.contains('T')), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_part_of_the_day_with_its_article_after_the_hour() {
        let r = Some("2021-03-12");
        check_dates(&[
            (
                "تبدأ الجلسة الساعة 1 الظهر",
                r,
                "الساعة 1 الظهر",
                "2021-03-12T13:00",
            ),
            (
                "وصل الوفد الساعة الثانية الفجر",
                r,
                "الساعة الثانية الفجر",
                "2021-03-12T02:00",
            ),
            (
                "انطلقت القافلة الساعة 9 الليل",
                r,
                "الساعة 9 الليل",
                "2021-03-12T21:00",
            ),
        ]);
    }

    #[test]
    fn a_part_of_the_day_before_the_time() {
        check_dates(&[
            ("نلتقي الظهر الساعة 3", None, "الظهر الساعة 3", "T15:00"),
            (
                "نلتقي بعد الظهر الرابعة والنصف",
                None,
                "بعد الظهر الرابعة والنصف",
                "T16:30",
            ),
            ("يبدأ البث مساء 9.", None, "مساء 9", "T21:00"),
            (
                "سنعود في المساء الثامنة والربع",
                None,
                "المساء الثامنة والربع",
                "T20:15",
            ),
        ]);
        // «مساء 7 يناير» is the evening of a day.
        check_dates(&[("وصل مساء 7 يناير", None, "مساء 7 يناير", "XXXX-01-07TEV")]);
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
            let got = super::super::dates_in(text, None);
            assert!(got.iter().all(|(_, v)| !v.contains(':')), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_day_or_a_part_of_one_after_the_time() {
        let r = Some("2021-03-12");
        check_dates(&[
            (
                "يعود بعد غد في تمام الساعة العاشرة",
                r,
                "بعد غد في تمام الساعة العاشرة",
                "2021-03-14T10:00",
            ),
            ("نلتقي 9 هذا المساء", r, "9 هذا المساء", "2021-03-12T21:00"),
            ("نلتقي 11 ، الليلة", r, "11 ، الليلة", "2021-03-12T23:00"),
            (
                "يصل الساعة 6:00 يوم الجمعة بعد الظهر",
                None,
                "الساعة 6:00 يوم الجمعة بعد الظهر",
                "XXXX-WXX-5T18:00",
            ),
            (
                "تغلق المراكز من 3 إلى 4 مساء من 10 مايو",
                None,
                "من 3 الى 4 مساء من 10 مايو",
                "XXXX-05-10T15:00/XXXX-05-10T16:00",
            ),
        ]);
        // «في اليوم ذاته» is the day of the story, not today: the time
        // does not take it in.
        check_dates(&[(
            "عند الساعة الثامنة في اليوم ذاته",
            None,
            "الساعة الثامنة",
            "T08:00",
        )]);
    }

    #[test]
    fn not_times() {
        for text in [
            "حصل على المرتبة السابعة",
            "الساعة الأولى من صباح اليوم",
            "اشترى ساعة جديدة",
        ] {
            let got = super::super::dates_in(text, None);
            assert!(
                got.iter().all(|(_, v)| !v.starts_with('T')),
                "{text}: {got:?}"
            );
        }
    }
}
