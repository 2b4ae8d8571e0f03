//! Ranges of times of day: «من 5 إلى 6 مساءً», «بين الساعة 5 و6 مساءً»,
//! «4-5 مساءً», «من 1:30 مساءً إلى 3:30» (TIMEX3 `T17:00/T18:00`), each
//! end a clock read as [`clock_any`] reads it, both anchored to one day.
//!
//! In: a [`Chunk`] and a token position. Out: the range that starts
//! there, a DATE of kind time, or nothing; spans index the chunk's text.

use super::clock::clock_any;
use super::{Clock, day_after, joined, moved_before};
use crate::doc::{Chunk, Kind};
use crate::values::dates::named::cal_at;
use crate::values::dates::{Found, after};
use crate::values::words::{next_token, token_at};

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
pub(in crate::values::dates) fn time_range_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
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
pub(super) fn range_value(day: Option<&str>, a: &Clock, b: &Clock) -> String {
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
pub(super) fn clock_range(c: &Chunk<'_>, pos: usize, dated: bool) -> Option<(usize, Clock, Clock)> {
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
pub(super) fn next_day(day: &str) -> Option<String> {
    let d = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    Some(d.succ_opt()?.to_string())
}

#[cfg(test)]
mod tests {
    use crate::values::dates::{check_dates, dates_in};

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
            let got = dates_in(text, None);
            assert!(got.iter().all(|(_, v)| !v.contains('T')), "{text}: {got:?}");
        }
    }
}
