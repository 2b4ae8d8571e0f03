//! Times joined after a date that names their day: «غداً الساعة 8
//! صباحاً», «14 أكتوبر، الساعة 8:00», «6/6/2021 12.15», a part of the day
//! after the day («الثلاثاء صباحاً», `XXXX-WXX-2TMO`), and «وقت متأخر من»
//! before a part of a named day.
//!
//! In: a [`Chunk`] and the date found. Out: the date extended over the
//! time, a DATE of kind time, or nothing; spans index the chunk's text.

use super::clock::{clock_at, clock_phrase, hour_at};
use super::parts::part_after;
use super::range::{clock_range, range_value};
use super::{Clock, after_comma, joined};
use crate::doc::{Chunk, Kind};
use crate::values::dates::named::weekday_at;
use crate::values::dates::relative::{part_suffix, relative_day};
use crate::values::dates::{Found, after, date_word, hit, next_hit, next_word_is};
use crate::values::numbers;
use crate::values::words::{self, DateW, DayPart, TokKind, next_token, token_at};

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

/// A part of the day joined after a date that names one day: «الثلاثاء
/// صباحاً», «أمس مساءً», «الثلاثاء في الصباح», «يوم الثلاثاء، في
/// المساء», «غداً بعد الظهر» (`2016-11-08TMO`, `XXXX-WXX-2TAF` without a
/// reference). Only the adverb, or the noun with its article after «في»:
/// a bare noun names the day after it («صباح الأربعاء»).
pub(in crate::values::dates) fn part_after_date(c: &Chunk<'_>, date: &Found) -> Option<Found> {
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
pub(in crate::values::dates) fn early_or_late_before(c: &Chunk<'_>, found: Found) -> Found {
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
pub(in crate::values::dates) fn after_date(c: &Chunk<'_>, date: &Found) -> Option<Found> {
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
pub(super) fn part_of_suffix(s: &str) -> Option<Option<DayPart>> {
    Some(match s {
        "MO" => Some(DayPart::Morning),
        "AF" => Some(DayPart::Afternoon),
        "EV" => Some(DayPart::Evening),
        "NI" => Some(DayPart::Night),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use crate::values::dates::{check_dates, dates_in};

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
}
