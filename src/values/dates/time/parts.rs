//! Parts of the day around a time: after it («8 مساءً», «الساعة 1 الظهر»,
//! «من صباح اليوم»), before it («بعد الظهر الساعة 7», «مساء 9») and alone
//! after a preposition («في الصباح الباكر», «في وقت متأخر من الليل»,
//! TIMEX3 `TMO`, `TNI`).
//!
//! In: a [`Chunk`] or its key and a position. Out: the part of the day
//! and where it ends or the time starts; for a part alone, a DATE of kind
//! time.

use super::clock::{clock_any, clock_at, hour_word_at};
use super::{day_after, future_verb, hour_word_alone, sentence_ends};
use crate::doc::{Chunk, Kind};
use crate::values::dates::named::weekday_at;
use crate::values::dates::relative::{part_suffix, relative_day};
use crate::values::dates::{Found, after, date_word, hit, next_hit, next_word_is};
use crate::values::words::{self, DateW, DayPart, TokKind, parse_digits, token_at};

/// A part of the day after a time: «صباحاً», «مساء», «بعد الظهر», «في
/// الليل», «من صباح» (the noun only before its day: «صباح الخميس»; with
/// its article after a clock time when `article`: «7:56 الصباح»).
/// Returns the part and the end.
pub(super) fn part_after(key: &str, end: usize, article: bool) -> Option<(DayPart, usize)> {
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
pub(super) fn part_before(c: &Chunk<'_>, pos: usize) -> Option<(DayPart, usize)> {
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
pub(super) fn part_alone(c: &Chunk<'_>, pos: usize) -> Option<Found> {
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

#[cfg(test)]
mod tests {
    use crate::values::dates::{check_dates, check_no_dates, dates_in};

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
            assert_eq!(dates_in(text, None), vec![], "{text}");
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
        check_no_dates(&["طعنه في الظهر.", "ستحمي الظهر من الإصابة"], None);
        // An age or a rank after «في» is no hour.
        let got = dates_in("رأيته في الصباح في السابعة من عمره", None);
        assert!(got.iter().all(|(_, v)| !v.contains(':')), "{got:?}");
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
}
