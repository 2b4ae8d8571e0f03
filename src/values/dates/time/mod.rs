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
//!
//! The grammar by what it reads: the hour and its minutes in `clock.rs`,
//! parts of the day in `parts.rs`, times said with words in `worded.rs`,
//! ranges of times in `range.rs`, a time after a date in `dated.rs`, and
//! what joins a time to what stands around it in `joined.rs`; this file
//! anchors a time to its day.

use super::calendar::Cal;
use super::named::{cal_at, day_of_month_alone};
use super::relative::{day_value, relative, relative_day, weekday_phrase};
use super::{Found, after, hit, next_word_is};
use crate::doc::{Chunk, Kind};
use crate::values::numbers;
use crate::values::words::{self, DayPart, TokKind, next_token, token_at};

mod clock;
mod dated;
mod joined;
mod parts;
mod range;
mod worded;

pub(super) use dated::{after_date, early_or_late_before, part_after_date};
pub(super) use joined::{counted_within, dated_ends, moved_before};
pub(super) use range::time_range_at;

use clock::{clock_any, hour_at};
use dated::part_of_suffix;
use parts::{part_after, part_alone};
use worded::{alarm_clock, minutes_to_hour, named_time};

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

/// The start of the token after `end`, past a comma between («8 مساءً ،
/// 1 يناير»).
fn after_comma(key: &str, end: usize) -> Option<usize> {
    let t = next_token(key, end)?;
    if matches!(t.s, "," | "،") {
        return after(key, t.end);
    }
    Some(t.start)
}

/// Whether the sentence ends at `end`: the text ends, or a full stop, a
/// comma or a question mark follows.
fn sentence_ends(key: &str, end: usize) -> bool {
    next_token(key, end).is_none_or(|n| {
        n.kind == TokKind::Punct && matches!(n.s, "." | "!" | "?" | "؟" | "," | "،" | "؛")
    })
}

#[cfg(test)]
mod tests {
    use crate::values::dates::{check_dates, dates_in};

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
            let got = dates_in(text, None);
            assert!(got.iter().all(|(_, v)| !v.contains('T')), "{text}: {got:?}");
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
            let got = dates_in(text, None);
            assert!(
                got.iter().all(|(_, v)| !v.starts_with('T')),
                "{text}: {got:?}"
            );
        }
    }
}
