//! Times joined to what stands around them: two times that each carry
//! their day («من الساعة 4 مساءً اليوم حتى 5 مساءً غداً»), a range of bare
//! hours with a day named after it («من 5 إلى 6 الأحد القادم»), and a
//! month, a day of it and a time («أكتوبر 14 8:00 صباحاً»).
//!
//! In: a [`Chunk`] and a phrase found at a position. Out: the longer
//! phrase, a DATE of kind time, or nothing; spans index the chunk's text.

use super::super::{Found, after};
use crate::doc::{Chunk, Kind};
use crate::values::numbers;
use crate::values::words::{TokKind, next_token, prev_token};

/// The links between the two ends of a range after «من» (`false`) or
/// «بين» (`true`), as keys.
fn link_ok(between: bool, s: &str) -> bool {
    if between {
        s == "و"
    } else {
        matches!(s, "الي" | "حتي" | "والي" | "وحتي")
    }
}

/// Whether a time's value has a clock: `2016-11-07T16:00`, `T16:00`, not
/// a part of a day (`TMO`) nor a range.
fn has_clock(f: &Found) -> bool {
    f.kind == Kind::Time
        && !f.value.contains('/')
        && f.value
            .split_once('T')
            .is_some_and(|(_, t)| t.starts_with(|c: char| c.is_ascii_digit()))
}

/// «من الساعة 4 مساءً اليوم حتى 5 مساءً غداً», «بين الساعة 4 مساءً في 1
/// يناير 2016 و 5 مساءً اليوم», «من اليوم الساعة 4 إلى يوم الأربعاء القادم
/// الساعة 5»: a time `first` with «من» or «بين» before it, and a second
/// time after «إلى», «حتى» or «و», each with the day it names (or the
/// reference's). The value joins both (`2016-11-07T16:00/2016-11-08T17:00`).
/// Both ends must be clock times: «من الساعة 4 اليوم حتى الغد» is no range
/// of times.
pub(in super::super) fn dated_ends(c: &Chunk<'_>, first: &Found) -> Option<Found> {
    let key = c.key;
    if !has_clock(first) {
        return None;
    }
    let opener = prev_token(key, first.start).filter(|t| matches!(t.s, "من" | "بين"))?;
    // «سأغير موعد الاجتماع من الثالثة إلى الرابعة»: two points.
    if moved_before(key, opener.start) {
        return None;
    }
    let between = opener.s == "بين";
    let link = next_token(key, first.end)?;
    let q = if link_ok(between, link.s) {
        after(key, link.end)?
    } else if between && link.s.starts_with('و') && link.s.len() > 'و'.len_utf8() {
        link.start + 'و'.len_utf8()
    } else {
        return None;
    };
    let second = super::super::date_at(c, q).filter(has_clock)?;
    if [first, &second].into_iter().any(|f| masculine_hour(c, f)) {
        return None;
    }
    // «من التاسعة صباحاً حتى منتصف الليل»: an end before the start on
    // the same day falls on the next.
    let mut end = second.value.clone();
    if let (Some((d1, t1)), Some((d2, t2))) =
        (first.value.split_once('T'), second.value.split_once('T'))
        && d1 == d2
        && t2 < t1
        && let Some(next) = super::range::next_day(d2)
    {
        end = format!("{next}T{t2}");
    }
    let value = format!("{}/{end}", first.value);
    Some(Found::new(opener.start, second.end, value, Kind::Time))
}

/// Whether a time after a day reads its hour from a masculine ordinal
/// after «في» («يوم الجمعة في الثاني»): that is more likely the day of
/// the month (the 2nd) than two o'clock, so no range is built on it.
fn masculine_hour(c: &Chunk<'_>, f: &Found) -> bool {
    let key = c.key;
    let mut pos = f.start;
    while let Some(t) = next_token(key, pos).filter(|t| t.end <= f.end) {
        if t.s == "في"
            && let Some(w) = next_token(key, t.end).filter(|w| w.end <= f.end)
            && w.s.starts_with("ال")
            && !w.s.ends_with('ه')
            && numbers::ordinal(c, w.start).is_some_and(|o| o.kind == Kind::Ordinal)
        {
            return true;
        }
        pos = t.end;
    }
    false
}

/// «أكتوبر 14 8:00 صباحاً»: a month `month` (`2016-10`, `XXXX-10`) with
/// a day of it in digits after it, then a time. The day must be followed
/// by the time, or «أكتوبر 14» would read a year («أكتوبر 14» is October
/// 2014 in headlines). The month, its day and the time, as
/// [`after_date`](super::after_date) joins them.
pub(super) fn month_then_day(c: &Chunk<'_>, month: &Found) -> Option<Found> {
    let key = c.key;
    let v = month.value.as_bytes();
    if month.kind != Kind::Date || v.len() != 7 || v[4] != b'-' {
        return None;
    }
    let t = next_token(key, month.end).filter(|t| t.kind == TokKind::Digits && t.s.len() <= 2)?;
    let d = t.s.parse::<u32>().ok().filter(|d| (1..=31).contains(d))?;
    let value = format!("{}-{d:02}", month.value);
    super::after_date(c, &Found::new(month.start, t.end, value, Kind::Date))
}

/// «في الخامس في 4 صباحاً», «يوم العاشر عند الساعة 8»: a day of the
/// month written as a masculine ordinal with its article, after «في» or
/// «يوم», then «في» or «عند» before the time at `start`. Returns where
/// the phrase starts and the day. Not a rank («حل في المركز الخامس في»:
/// the ordinal follows a noun).
pub(super) fn day_before(c: &Chunk<'_>, start: usize) -> Option<(usize, u32)> {
    let key = c.key;
    let p = prev_token(key, start).filter(|p| matches!(p.s, "في" | "عند"))?;
    let w = prev_token(key, p.start)
        .filter(|w| w.kind == TokKind::Word && w.s.starts_with("ال") && !w.s.ends_with('ه'))?;
    let o = numbers::ordinal(c, w.start).filter(|o| o.end == w.end && o.kind == Kind::Ordinal)?;
    let d = (o.int && (1.0..=31.0).contains(&o.value)).then_some(o.value as u32)?;
    let b = prev_token(key, w.start).filter(|b| matches!(b.s, "في" | "يوم"))?;
    Some((if b.s == "يوم" { b.start } else { w.start }, d))
}

/// Whether the range at `start` counts something rather than naming hours:
/// a verb of change or a counted noun among the three words before it
/// («ارتفع عدد القتلى من 5 إلى 6 الأحد», «زادت النسبة من 5 إلى 6 أمس»).
pub(super) fn counted_before(key: &str, start: usize) -> bool {
    counted_within(key, start, 3)
}

/// Whether a number, a verb of change or a counted noun stands among the
/// `words` words before `start`, within its clause: the number at `start`
/// is then an amount («وارتفع عدد الضحايا إلى 18.»), not a time or a day.
pub(in crate::values::dates) fn counted_within(key: &str, start: usize, words: usize) -> bool {
    let mut pos = start;
    for _ in 0..words {
        let Some(t) = prev_token(key, pos) else {
            return false;
        };
        match t.kind {
            // «تسجيل 40 من 5 إلى 6»: a count before.
            TokKind::Digits => return true,
            TokKind::Punct => return false,
            TokKind::Word => {}
        }
        let bare = t.s.strip_prefix('و').filter(|s| COUNTED.contains(s));
        if COUNTED.contains(&t.s) || bare.is_some() {
            return true;
        }
        pos = t.start;
    }
    false
}

/// Whether a verb of moving an appointment stands among the eight words
/// before `start`, within its clause: «سأغير موعد الثالثة مساءً إلى
/// الرابعة», «قررت اللجنة تأجيل المباراة من الخميس إلى السبت», «نقل موعد
/// الجلسة من 10 إلى 12». The two ends after it are the old time and the
/// new, two points rather than a range.
pub(in crate::values::dates) fn moved_before(key: &str, start: usize) -> bool {
    move_before(key, start).is_some()
}

/// Whether an appointment is moved before `start`: a verb of moving and
/// «موعد» among the eight words before it («سأغير موعد الاجتماع من الثالثة
/// إلى الرابعة»). Hours alone after it are times; after a verb of moving
/// alone they may be ranks («تغير ترتيبه من الثالثة إلى الرابعة»).
pub(in crate::values::dates) fn appointment_moved(key: &str, start: usize) -> bool {
    move_before(key, start) == Some(true)
}

/// The verb of moving before `start` (see [`moved_before`]), and whether
/// «موعد» stands between it and `start`.
fn move_before(key: &str, start: usize) -> Option<bool> {
    let mut pos = start;
    let mut next: Option<&str> = None;
    let mut appointment = false;
    for _ in 0..8 {
        let t = prev_token(key, pos).filter(|t| t.kind != TokKind::Punct)?;
        let w =
            t.s.strip_prefix(['و', 'ف'])
                .filter(|w| w.chars().count() >= 3);
        let is = |list: &[&str]| list.contains(&t.s) || w.is_some_and(|w| list.contains(&w));
        let named = next.is_some_and(|n| APPOINTMENT.contains(&n));
        appointment |= APPOINTMENT.contains(&t.s);
        if is(MOVE) || named && is(MOVE_APPOINTMENT) {
            return Some(appointment);
        }
        next = Some(t.s);
        pos = t.start;
    }
    None
}

/// «موعد» (an appointment) and its forms, as keys.
const APPOINTMENT: &[&str] = &["موعد", "الموعد", "مواعيد", "موعدي", "موعده", "موعدها"];

/// Verbs and nouns of changing, postponing or bringing forward, as keys,
/// that move whatever they govern: «غيّر», «تأجيل», «أرجأ». Not the bare
/// «غير» (other, not) nor «أجل» (for, yes).
const MOVE: &[&str] = &[
    "تغيير",
    "يغير",
    "تغير",
    "اغير",
    "نغير",
    "ساغير",
    "سيغير",
    "ستغير",
    "سنغير",
    "غيرت",
    "غيروا",
    "يغيرون",
    "اجلت",
    "اجلوا",
    "يوجل",
    "توجل",
    "نوجل",
    "اوجل",
    "ساوجل",
    "سيوجل",
    "ستوجل",
    "سنوجل",
    "تاجيل",
    "تاجل",
    "تاجلت",
    "ارجا",
    "ارجات",
    "ارجاوا",
    "يرجي",
    "ترجي",
    "ارجاء",
];

/// Verbs and nouns that move an appointment only with «موعد» after them:
/// «نقل موعد المباراة», «تقديم موعد الامتحان» («نقل المصابين»,
/// «قدم العرض» move nothing in time).
const MOVE_APPOINTMENT: &[&str] = &[
    "غير",
    "اجل",
    "نقل",
    "نقلت",
    "ينقل",
    "تنقل",
    "قدم",
    "قدمت",
    "يقدم",
    "تقدم",
    "تقديم",
    "عدل",
    "عدلت",
    "يعدل",
    "تعديل",
    "بكر",
    "تبكير",
];

/// Verbs of change and of reaching, and counted nouns, as keys: the
/// numbers after them are amounts, not hours or days.
const COUNTED: &[&str] = &[
    "ارتفع",
    "ارتفعت",
    "انخفض",
    "انخفضت",
    "زاد",
    "زادت",
    "تراجع",
    "تراجعت",
    "قفز",
    "قفزت",
    "هبط",
    "هبطت",
    "صعد",
    "صعدت",
    "رفع",
    "رفعت",
    "خفض",
    "خفضت",
    "تقلص",
    "تقلصت",
    "يرتفع",
    "ترتفع",
    "ينخفض",
    "تنخفض",
    "يتراجع",
    "تتراجع",
    "وصل",
    "وصلت",
    "يصل",
    "تصل",
    "بلغ",
    "بلغت",
    "يبلغ",
    "تبلغ",
    "عدد",
    "نسبه",
    "حصيله",
    "سعر",
    "اسعار",
    "مؤشر",
    "درجه",
    "درجات",
    "المرتبه",
    "المركز",
];

#[cfg(test)]
mod tests {
    use super::super::super::{check_dates, check_no_dates, dates_in};

    #[test]
    fn two_times_each_with_its_day() {
        let r = Some("2021-03-12");
        check_dates(&[
            (
                "يغلق المتحف من الساعة 9 صباحاً السبت حتى 2 ظهراً الأحد",
                r,
                "من الساعة 9 صباحا السبت حتى 2 ظهرا الاحد",
                "2021-03-13T09:00/2021-03-14T14:00",
            ),
            (
                "انقطعت الكهرباء بين الساعة 10 مساءً أمس و 6 صباحاً اليوم",
                r,
                "بين الساعة 10 مساء امس و 6 صباحا اليوم",
                "2021-03-11T22:00/2021-03-12T06:00",
            ),
            (
                "الامتحان من 2 مارس الساعة 8 إلى 4 مارس الساعة 12",
                r,
                "من 2 مارس الساعة 8 الى 4 مارس الساعة 12",
                "2021-03-02T08:00/2021-03-04T12:00",
            ),
            // An end before the start falls on the next day.
            (
                "يستمر الحفل من السابعة مساءً اليوم حتى منتصف الليل",
                r,
                "من السابعة مساء اليوم حتى منتصف الليل",
                "2021-03-12T19:00/2021-03-13T00:00",
            ),
        ]);
    }

    #[test]
    fn bare_hours_with_a_day_after_them() {
        let r = Some("2021-03-12");
        check_dates(&[
            (
                "نلتقي من 3 إلى 4 يوم الخميس المقبل",
                r,
                "من 3 الى 4 يوم الخميس المقبل",
                "2021-03-18T03:00/2021-03-18T04:00",
            ),
            (
                "الورشة من 7 حتى 9 في 3 مايو",
                r,
                "من 7 حتى 9 في 3 مايو",
                "2021-05-03T07:00/2021-05-03T09:00",
            ),
            (
                "سأكون هناك من الثانية إلى الرابعة من بعد غد",
                r,
                "من الثانية الى الرابعة من بعد غد",
                "2021-03-14T02:00/2021-03-14T04:00",
            ),
        ]);
        // Amounts, not hours: a verb of change or a counted noun before.
        for text in [
            "ارتفع عدد القتلى من 5 إلى 6 يوم الأحد",
            "تراجع المؤشر من 3 إلى 4 الخميس",
            "زادت النسبة من 7 إلى 8 أمس",
        ] {
            let got = dates_in(text, r);
            assert!(got.iter().all(|(_, v)| !v.contains('/')), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_moved_appointment_is_two_points() {
        let r = Some("2021-03-12");
        for (text, want) in [
            (
                "قرر المدير تغيير موعد الاجتماع من الثالثة إلى الخامسة",
                &[
                    ("الثالثة", "2021-03-12T03:00"),
                    ("الخامسة", "2021-03-12T05:00"),
                ][..],
            ),
            (
                "سنغير موعد المؤتمر الصحفي التاسعة صباحاً إلى الحادية عشرة",
                &[
                    ("التاسعة صباحا", "2021-03-12T09:00"),
                    ("الحادية عشرة", "2021-03-12T11:00"),
                ],
            ),
            (
                "ستؤجل الإدارة موعد التصويت من العاشرة صباحاً إلى الثالثة عشرة",
                &[
                    ("العاشرة صباحا", "2021-03-12T10:00"),
                    ("الثالثة عشرة", "2021-03-12T13:00"),
                ],
            ),
            (
                "أرجأ الاتحاد المباراة من الخميس إلى السبت",
                &[("الخميس", "2021-03-11"), ("السبت", "2021-03-13")],
            ),
            (
                "أجلت المحكمة محاكمة المتهمين من 3 مايو إلى 10 يونيو",
                &[("3 مايو", "2021-05-03"), ("10 يونيو", "2021-06-10")],
            ),
            (
                "وقررت الوزارة تقديم موعد الامتحانات من 20 إلى 12 يونيو",
                &[("20", "2021-06-20"), ("12 يونيو", "2021-06-12")],
            ),
        ] {
            let got = dates_in(text, r);
            let got: Vec<(&str, &str)> =
                got.iter().map(|(s, v)| (s.as_str(), v.as_str())).collect();
            assert_eq!(got, want, "{text}");
        }
        // No verb of moving, or a rank after one: ranges and numbers as before.
        check_dates(&[(
            "يفتح المعرض من التاسعة صباحاً إلى الحادية عشرة",
            r,
            "من التاسعة صباحا الى الحادية عشرة",
            "2021-03-12T09:00/2021-03-12T11:00",
        )]);
        check_no_dates(
            &[
                "تغير ترتيب الفريق من الثالثة إلى الرابعة",
                "تقديم العرض من الثالثة إلى الرابعة",
            ],
            r,
        );
    }

    #[test]
    fn a_day_of_the_month_before_a_time() {
        check_dates(&[
            (
                "نلتقي في العاشر في 6 مساءً",
                None,
                "العاشر في 6 مساء",
                "XXXX-XX-10T18:00",
            ),
            (
                "تبدأ الدورة يوم الثالث عند الساعة 9 صباحاً",
                Some("2021-03-12"),
                "يوم الثالث عند الساعة 9 صباحا",
                "XXXX-XX-03T09:00",
            ),
        ]);
        // Weekdays with a day of the month: no range of times (a range
        // of days: `XXXX-XX-02/XXXX-XX-06`).
        let got = dates_in(
            "سأسافر من يوم الأحد في الثاني حتى يوم الخميس في السادس",
            None,
        );
        assert!(got.iter().all(|(_, v)| !v.contains('T')), "{got:?}");
        // A rank before the time: no day.
        let got = dates_in("حل في المركز الخامس في 4 ساعات", None);
        assert!(got.iter().all(|(_, v)| !v.contains("XX-05")), "{got:?}");
    }

    #[test]
    fn a_month_its_day_and_a_time() {
        let r = Some("2021-03-12");
        check_dates(&[
            (
                "يصل الوفد أغسطس 20 10:30 صباحاً",
                r,
                "اغسطس 20 10:30 صباحا",
                "2021-08-20T10:30",
            ),
            (
                "موعد الإطلاق يونيو 3 الساعة 6 مساءً",
                None,
                "يونيو 3 الساعة 6 مساء",
                "XXXX-06-03T18:00",
            ),
        ]);
        // Without a time after it, the number is no day: «أكتوبر 14» may
        // be a year.
        let got = dates_in("صدر العدد أكتوبر 14 من المجلة", None);
        assert!(got.iter().all(|(_, v)| !v.ends_with("-14")), "{got:?}");
    }
}
