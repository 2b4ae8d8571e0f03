//! Month names and months by number: one name or its two-word form
//! («كانون الثاني», «ربيع الأول»), both systems side by side («تشرين
//! الثاني/نوفمبر», «أيلول (سبتمبر)»), a month named alone after a
//! preposition of time («في مارس», «خلال رمضان»), a month relative to the
//! reference («الشهر الماضي») and a month by its number («الشهر 5», «شهر
//! 5/2015»).

use chrono::Datelike;

use super::years::year_at;
use crate::doc::{Chunk, Kind};
use crate::values::dates::calendar::Cal;
use crate::values::dates::numeric::month_year;
use crate::values::dates::{Found, after, date_word, hit, next_hit, word_is};
use crate::values::words::{
    self, Count, DateW, MonthHead, TokKind, Unit, next_token, parse_digits,
};

/// A month name, its two-word forms (كانون الثاني, ربيع الأول), and the
/// news habit of giving both systems: «تشرين الثاني/نوفمبر», «أيلول
/// (سبتمبر)».
#[derive(Clone, Copy, Debug)]
pub(super) struct MonthAt {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) m: u8,
    pub(super) hijri: bool,
    /// Never an ordinary word (see [`DateW::Month`]).
    pub(super) safe: bool,
}

pub(super) fn month_at(key: &str, pos: usize) -> Option<MonthAt> {
    let first = one_month(key, pos)?;
    let mut m = first;
    if first.hijri {
        return Some(first);
    }
    // «/نوفمبر», «/ نوفمبر», «(سبتمبر)».
    if let Some(t) = next_token(key, first.end) {
        match t.s {
            "/" => {
                if let Some(second) = after(key, t.end).and_then(|p| one_month(key, p))
                    && !second.hijri
                {
                    m.end = second.end;
                    m.safe = true;
                }
            }
            _ if t.kind == TokKind::Word => {
                // «سبتمبر أيلول»: both names, side by side.
                if let Some(second) = one_month(key, t.start)
                    && !second.hijri
                    && second.m == first.m
                {
                    m.end = second.end;
                    m.safe = true;
                }
            }
            "(" => {
                if let Some(second) = after(key, t.end).and_then(|p| one_month(key, p))
                    && let Some(close) = next_token(key, second.end).filter(|c| c.s == ")")
                    && !second.hijri
                {
                    m.end = close.end;
                    m.safe = true;
                }
            }
            _ => {}
        }
    }
    Some(m)
}

/// One month name (one or two words).
pub(super) fn one_month(key: &str, pos: usize) -> Option<MonthAt> {
    let h = hit(key, pos)?;
    if h.article {
        return None;
    }
    let month = |m, hijri, safe, end| MonthAt {
        start: h.start,
        end,
        m,
        hijri,
        safe,
    };
    match date_word(&h)? {
        DateW::Month(m, safe) => Some(month(m, false, safe, h.end)),
        DateW::Hijri(m) => Some(month(m, true, false, h.end)),
        DateW::MonthHead(head) => {
            let t = next_token(key, h.end)?;
            let m = match (head, t.s) {
                (MonthHead::Kanun, "الثاني") => 1,
                (MonthHead::Kanun, "الاول") => 12,
                (MonthHead::Tishrin, "الاول") => 10,
                (MonthHead::Tishrin, "الثاني") => 11,
                (MonthHead::Rabi, "الاول") => 3,
                (MonthHead::Rabi, "الاخر" | "الثاني" | "الاخره") => 4,
                (MonthHead::Jumada, "الاولي" | "الاول") => 5,
                (MonthHead::Jumada, "الاخره" | "الاخر" | "الثانيه" | "الثاني") => {
                    6
                }
                (MonthHead::Dhu, "القعده") => 11,
                (MonthHead::Dhu, "الحجه") => 12,
                _ => return None,
            };
            let hijri = matches!(head, MonthHead::Rabi | MonthHead::Jumada | MonthHead::Dhu);
            Some(month(m, hijri, true, t.end))
        }
        _ => None,
    }
}

/// Prepositions of time before a month named alone that make the word the
/// month: «في مارس», «خلال رمضان», «منذ شوال» (key spellings).
const TIME_PREPOSITIONS: &[&str] = &["في", "خلال", "منذ", "حتي", "قبل", "بعد", "طوال", "طيله"];

/// Whether a preposition of [`TIME_PREPOSITIONS`] stands before `start`.
pub(super) fn time_preposition_before(key: &str, start: usize) -> bool {
    words::prev_token(key, start).is_some_and(|t| TIME_PREPOSITIONS.contains(&t.s))
}

/// The month relative to the reference named at `q`: «الشهر الجاري»,
/// «الشهر الماضي», «الشهر المقبل» (a direction word after it) or «هذا
/// الشهر» (this month). Returns the offset in months and where the phrase
/// ends.
pub(super) fn relative_month(key: &str, q: usize) -> Option<(i8, usize)> {
    let is_month =
        |m: &words::Hit| m.article && date_word(m) == Some(DateW::Unit(Unit::Month, Count::One));
    if let Some(e) = word_is(key, q, "هذا") {
        let m = next_hit(key, e).filter(|m| is_month(m) && m.clitic.is_empty())?;
        // «من هذا الشهر المبارك», «… الفضيل»: a Hijri month (Ramadan) the
        // adjective names, not the reference's Gregorian month.
        if next_token(key, m.end).is_some_and(|t| t.s.starts_with("ال")) {
            return None;
        }
        return Some((0, m.end));
    }
    let m = hit(key, q).filter(is_month)?;
    let dir = next_hit(key, m.end)?;
    let Some(DateW::Dir(n)) = date_word(&dir) else {
        return None;
    };
    Some((n, dir.end))
}

/// A month by its number: «الشهر 5», «شهر 11», «شهر 5/2015», «الشهر 3
/// 2020»; without a year, the reference's.
pub(super) fn month_number(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let h = hit(key, pos)?;
    if !matches!(date_word(&h), Some(DateW::Unit(Unit::Month, Count::One))) {
        return None;
    }
    let d = next_token(key, h.end).filter(|d| d.kind == TokKind::Digits)?;
    if let Some((_, e, cal)) = month_year(key, d.start) {
        return Some(Found::new(h.start, e, cal.timex(), Kind::Date));
    }
    let n =
        parse_digits(d.s).filter(|n| n.int && n.width <= 2 && (1.0..=12.0).contains(&n.value))?;
    if key[d.end..].starts_with(['/', '-', ':', '.', '%']) {
        return None;
    }
    // «شهر 5 أيام»: not a month if a counted word or number follows.
    if let Some(w) = words::word(key, next_token(key, d.end))
        && (w.entry.num.is_some() || matches!(w.entry.date, Some(DateW::Unit(..))))
    {
        return None;
    }
    let (end, y) = match after(key, d.end).and_then(|q| year_at(key, q, true)) {
        Some((_, e, y, false)) => (e, Some(y)),
        _ => (d.end, c.ref_date.map(|r| r.year())),
    };
    let cal = Cal {
        y,
        m: Some(n.value as u8),
        d: None,
    };
    Some(Found::new(h.start, end, cal.timex(), Kind::Date))
}

#[cfg(test)]
mod tests {
    use crate::values::dates::{check_dates, check_no_dates, dates_in};

    #[test]
    fn months_by_number_and_numeric_months() {
        let r = Some("2019-03-10");
        check_dates(&[
            ("في الشهر 5", r, "الشهر 5", "2019-05"),
            ("خلال شهر 11", None, "شهر 11", "XXXX-11"),
            ("حتى شهر 5/2015", None, "شهر 5/2015", "2015-05"),
            ("صدر في 5/2019", None, "5/2019", "2019-05"),
            ("صدر في 2019/5", None, "2019/5", "2019-05"),
            (
                "وقع الحادث الأربعاء 28/9",
                Some("2015-09-30"),
                "الاربعاء 28/9",
                "2015-09-28",
            ),
            ("في يوم 22/04", None, "يوم 22/04", "XXXX-04-22"),
            ("بتاريخ 4/22", None, "4/22", "XXXX-04-22"),
            ("الموافق 10/4 / 1436هـ", None, "10/4 / 1436ه", "2015-01-30"),
        ]);
        check_no_dates(&["القضية رقم 47/2015 جنايات", "أضف 3/4 كوب"], None);
        // «شهر 5 أيام»: a month and five days, durations, not the fifth month.
        let got = dates_in("خلال شهر 5 أيام", None);
        assert!(got.iter().all(|(_, v)| v.starts_with('P')), "{got:?}");
    }

    #[test]
    fn a_month_alone_after_a_preposition_or_shahr() {
        // 2021-03-12 is 28 Rajab 1442 (Umm al-Qura): a Hijri month alone is
        // the one of that Hijri year, dated by the Gregorian month it
        // begins in.
        let r = Some("2021-03-12");
        check_dates(&[
            ("يكثر الصيام في رمضان", r, "رمضان", "2021-04"),
            ("خلال شهر رمضان المبارك", r, "شهر رمضان", "2021-04"),
            ("يعود خلال شوال", r, "شوال", "2021-05"),
            ("منذ محرم", r, "محرم", "2020-08"),
            ("يؤدون الحج في ذي الحجة", r, "ذي الحجة", "2021-07"),
            ("حل ربيع الأول", r, "ربيع الاول", "2020-10"),
            // 28 Rajab 1442: the last Ramadan is 1441's, the next Rajab
            // 1443's.
            ("في رمضان الماضي", r, "رمضان الماضي", "2020-04"),
            ("في شهر رجب المقبل", r, "شهر رجب المقبل", "2022-02"),
            ("في شعبان المقبل", r, "شعبان المقبل", "2021-03"),
            ("حل شهر رمضان", None, "شهر رمضان", "XXXX-XX"),
            ("في رجب", None, "رجب", "XXXX-XX"),
            ("سأخرج في مارس", r, "مارس", "2021-03"),
            ("وصل في نيسان", r, "نيسان", "2021-04"),
        ]);
        check_no_dates(
            &[
                "قال رمضان إن الوفد وصل",
                "التقى رجب طيب أردوغان",
                "بلغت النسبة في صفر",
                "مارس الضغط على الحكومة",
                "ثقة في أب وأم",
            ],
            r,
        );
    }
}
