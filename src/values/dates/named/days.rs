//! Days of the month: in digits or ordinal words («الخامس», «الحادي
//! والعشرين»), in cardinal words before a month («واحد وعشرين مايو»), after
//! the month («مايو الحادي عشر»), alone («يوم 27»), coordinated with the
//! next one («في 12 و13 مارس») and of a month relative to the reference
//! («الثاني عشر من الشهر الجاري»).

use chrono::{Datelike, NaiveDate};

use super::months::{month_at, relative_month};
use super::{CalAt, cal_at};
use crate::doc::{Chunk, Kind};
use crate::values::dates::calendar::{Cal, add_months};
use crate::values::dates::{Found, after, article_before, date_word, next_word_is, word_is};
use crate::values::numbers;
use crate::values::words::{self, Count, DateW, TokKind, next_token, parse_digits, token_at};

/// A day of the month: digits 1–31, or an ordinal («الخامس», «الحادي
/// والعشرين») with an optional «من» before the month.
pub(in crate::values::dates) fn day_at(c: &Chunk<'_>, pos: usize) -> Option<(usize, usize, u8)> {
    let t = token_at(c.key, pos)?;
    let (start, end, d) = match t.kind {
        TokKind::Digits => {
            let d = parse_digits(t.s).filter(|d| d.int && d.width <= 2)?;
            // «في الـ15 من الشهر الماضي»: the article joins the span.
            let start = article_before(c.key, t.start).unwrap_or(t.start);
            (start, t.end, d.value as u8)
        }
        TokKind::Word => {
            let o = numbers::ordinal(c, pos)?;
            // «الحادي والثلاثين من هذا الشهر» in November: the tens of a
            // compound that is no day are no day of their own.
            let in_compound = words::prev_token(c.key, t.start)
                .and_then(|p| numbers::ordinal(c, p.start))
                .is_some_and(|p| p.end >= o.end);
            if in_compound {
                return None;
            }
            // «الأسبوع الأول من», «اليوم الثالث من»: not a day of a month.
            let after_unit = words::prev_token(c.key, o.start)
                .and_then(|p| words::word(c.key, Some(p)))
                .is_some_and(|p| {
                    p.article && matches!(date_word(&p), Some(DateW::Unit(..) | DateW::Day(_)))
                });
            if after_unit {
                return None;
            }
            let end = next_word_is(c.key, o.end, &["من"]).unwrap_or(o.end);
            (o.start, end, o.value as u8)
        }
        TokKind::Punct => return None,
    };
    (1..=31).contains(&d).then_some((start, end, d))
}

/// Nouns of places that are named after a day (key spellings): «مدينة
/// ستة أكتوبر», «جسر ستة أكتوبر», «ميدان ثلاثين يونيو».
const PLACE_NOUNS: &[&str] = &[
    "مدينه",
    "جسر",
    "كوبري",
    "ميدان",
    "شارع",
    "حي",
    "جامعه",
    "محور",
    "مدرسه",
];

/// A day of the month in cardinal words (1 to 31): before a month that is
/// never an ordinary word («واحد وعشرين مايو»; not «ثلاثة نيسان», three
/// Nissans), or after a weekday and «في» (`after_weekday`: «يوم الجمعة في
/// خمسة عشر») where no counted word follows («في خمسة عشر بلداً»).
/// Ordinals are [`day_at`]'s.
pub(super) fn cardinal_day(
    c: &Chunk<'_>,
    pos: usize,
    after_weekday: bool,
) -> Option<(usize, usize, u8)> {
    let key = c.key;
    if token_at(key, pos)?.kind != TokKind::Word {
        return None;
    }
    let n = numbers::cardinal(key, pos).filter(|n| n.kind == Kind::Cardinal && n.int)?;
    if !(1.0..=31.0).contains(&n.value) {
        return None;
    }
    // «مدينة ستة أكتوبر», «جسر ستة أكتوبر»: a place named after the day.
    // (A proclitic or two may be glued to the noun: «بمدينة».)
    let named_place = words::prev_token(key, pos).is_some_and(|t| {
        PLACE_NOUNS.iter().any(|p| {
            t.s.strip_suffix(p)
                .is_some_and(|cl| matches!(cl, "" | "ب" | "و" | "ل" | "ف" | "وب" | "ول" | "فب"))
        })
    });
    let before_month = !named_place
        && after(key, n.end)
            .and_then(|q| month_at(key, q))
            .is_some_and(|m| m.safe && !m.hijri);
    let counted = next_token(key, n.end)
        .is_some_and(|t| t.kind == TokKind::Word && !matches!(t.s, "من" | "و"));
    (before_month || after_weekday && !counted).then_some((n.start, n.end, n.value as u8))
}

/// A day of the month in ordinal words after its month: «الحادي عشر» in
/// «مايو الحادي عشر». Returns its end (before a «من» after it) and the day.
pub(super) fn day_after_month(c: &Chunk<'_>, end: usize) -> Option<(usize, u8)> {
    let q = after(c.key, end)?;
    if token_at(c.key, q)?.kind != TokKind::Word {
        return None;
    }
    let (_, de, d) = day_at(c, q)?;
    // day_at takes a «من» after the ordinal in; the year after it is read
    // with its «من».
    let de = match words::prev_token(c.key, de).filter(|t| t.s == "من") {
        Some(m) => words::prev_token(c.key, m.start)?.end,
        None => de,
    };
    Some((de, d))
}

/// «يوم 27», and after a time «في 15» (`words`): a day of the month
/// (1–31) whose month is not named, only where it ends the sentence
/// («يوم 15 أغسطس» is a whole date, «في 15 مدينة» a count). Returns the
/// end and the day.
pub(in crate::values::dates) fn day_of_month_alone(
    key: &str,
    q: usize,
    words: &[&str],
) -> Option<(usize, u8)> {
    let t = token_at(key, q).filter(|t| words.contains(&t.s))?;
    let d = next_token(key, t.end).filter(|d| d.kind == TokKind::Digits)?;
    let n =
        parse_digits(d.s).filter(|n| n.int && n.width <= 2 && (1.0..=31.0).contains(&n.value))?;
    let ends = next_token(key, d.end).is_none_or(|n| {
        n.kind == TokKind::Punct && matches!(n.s, "." | "!" | "?" | "؟" | "," | "،" | "؛" | ")")
    });
    ends.then_some((d.end, n.value as u8))
}

/// «يوم 27»: see [`day_of_month_alone`]; `XXXX-XX-27`.
pub(in crate::values::dates) fn day_alone(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let (end, d) = day_of_month_alone(c.key, pos, &["يوم"])?;
    Some(Found::new(pos, end, format!("XXXX-XX-{d:02}"), Kind::Date))
}

/// «في 12 و13 مارس»: a day whose month comes after the next day; the
/// span is the first day alone, the next one is found on its own.
pub(super) fn coordinated_day(c: &Chunk<'_>, start: usize, end: usize, d: u8) -> Option<CalAt> {
    let key = c.key;
    let conj = next_token(key, end).filter(|t| t.s == "و")?;
    let next = cal_at(c, after(key, conj.end)?, false)?;
    next.cal.d?;
    if next.hijri {
        return None;
    }
    let cal = Cal {
        d: Some(d),
        ..next.cal
    };
    if let (Some(y), Some(m)) = (cal.y, cal.m) {
        NaiveDate::from_ymd_opt(y, u32::from(m), u32::from(d))?;
    }
    Some(CalAt::gregorian(start, end, cal))
}

/// «الثاني عشر من الشهر الجاري», «5 من الشهر الماضي», «حتى الثلاثين من
/// هذا الشهر»: a day of a month given relative to the reference. A day the
/// month does not have (the 31st of November) is no date.
pub(super) fn day_of_relative_month(
    c: &Chunk<'_>,
    start: usize,
    end: usize,
    d: u8,
) -> Option<CalAt> {
    let key = c.key;
    let q = after(key, end)?;
    // The ordinal form already took «من»; digits take it here.
    let q = match word_is(key, q, "من") {
        Some(e) => after(key, e)?,
        None if key[..end].ends_with("من") => q,
        None => return None,
    };
    // «الأيام العشرة الأولى من هذا الشهر», «في عشرين يوما الأولى من …»,
    // «النصف الثاني من الشهر الجاري»: after a number or counted units of
    // time the ordinal ranks them (not after «يوم»: «يوم 15 من …»).
    let after_count = words::word(key, words::prev_token(key, start)).is_some_and(|p| {
        // «فريق أحد يوم 15 من …»: «أحد» alone is no number.
        p.entry.num.is_some_and(|n| n != words::Num::Ahad)
            || matches!(date_word(&p), Some(DateW::Unit(_, n)) if n != Count::One)
    });
    if after_count {
        return None;
    }
    let (n, end) = relative_month(key, q)?;
    let cal = match c.ref_date {
        Some(r) => {
            let month = add_months(r, i32::from(n))?;
            let cal = Cal {
                y: Some(month.year()),
                m: Some(month.month() as u8),
                d: Some(d),
            };
            cal.date()?;
            cal
        }
        None => Cal {
            d: Some(d),
            ..Cal::default()
        },
    };
    Some(CalAt::gregorian(start, end, cal))
}

#[cfg(test)]
mod tests {
    use crate::values::dates::{check_dates, dates_in};

    #[test]
    fn a_day_alone_and_a_year_in_words() {
        check_dates(&[
            ("تقام المباراة يوم 27.", None, "يوم 27", "XXXX-XX-27"),
            (
                "ولد في العاشر من سبتمبر ، ألفين",
                None,
                "العاشر من سبتمبر ، الفين",
                "2000-09-10",
            ),
            (
                "وقع في 5 مارس ألف وتسعمائة وثمانية وسبعين",
                None,
                "5 مارس الف وتسعمائة وثمانية وسبعين",
                "1978-03-05",
            ),
        ]);
        // A count after the day, or a number before a noun, is no date.
        assert!(dates_in("وصل يوم 27 لاعبا", None).is_empty());
        let got = dates_in("وصل في 5 مارس ألفين شخص", None);
        assert_eq!(got, vec![("5 مارس".to_owned(), "XXXX-03-05".to_owned())]);
    }

    #[test]
    fn day_of_a_relative_month() {
        let r = Some("2016-11-07");
        check_dates(&[
            (
                "وقال إن المهلة تنتهي في الحادي والعشرين من الشهر الجاري",
                r,
                "الحادي والعشرين من الشهر الجاري",
                "2016-11-21",
            ),
            (
                "وكان قد غادر يوم الخامس عشر من الشهر الماضي",
                r,
                "يوم الخامس عشر من الشهر الماضي",
                "2016-10-15",
            ),
            (
                "يستمر المعرض حتى الثلاثين من هذا الشهر",
                r,
                "الثلاثين من هذا الشهر",
                "2016-11-30",
            ),
            (
                "تبدأ الدورة في 12 من هذا الشهر",
                r,
                "12 من هذا الشهر",
                "2016-11-12",
            ),
            (
                "يستمر المعرض حتى الثلاثين من هذا الشهر",
                None,
                "الثلاثين من هذا الشهر",
                "XXXX-XX-30",
            ),
        ]);
        check_dates(&[(
            "لمواجهة فريق أحد يوم 25 من الشهر الجاري",
            r,
            "يوم 25 من الشهر الجاري",
            "2016-11-25",
        )]);
        // After a count of days the ordinal ranks them.
        let got = dates_in("في العشرين يوما الأولى من هذا الشهر", r);
        assert!(got.iter().all(|(s, _)| !s.contains("الاولي")), "{got:?}");
        // A day of Ramadan («هذا الشهر المبارك») is no day of the reference's
        // month.
        let got = dates_in("توفي في الثاني والعشرين من هذا الشهر المبارك", r);
        assert!(got.iter().all(|(s, _)| !s.contains("الثاني")), "{got:?}");
        // November has no 31st: the month alone is read.
        let got = dates_in("عاد في الحادي والثلاثين من هذا الشهر", r);
        assert_eq!(got, vec![("هذا الشهر".to_owned(), "2016-11".to_owned())]);
    }

    #[test]
    fn day_in_cardinal_words_before_a_month() {
        let r = Some("2017-09-27");
        check_dates(&[
            (
                "انطلقت الثورة في ثلاثين يونيو",
                r,
                "ثلاثين يونيو",
                "2017-06-30",
            ),
            (
                "وقعت الاتفاقية في واحد وعشرين مايو 2015",
                r,
                "واحد وعشرين مايو 2015",
                "2015-05-21",
            ),
        ]);
        // Not a place named after the day, nor a rank before a noun.
        let got = dates_in("تدرب الفريق بمدينة ستة أكتوبر", r);
        assert!(got.iter().all(|(s, _)| !s.contains("ستة")), "{got:?}");
        let got = dates_in("تتجه الأضواء الخميس، في أول مناظرة", r);
        assert!(got.iter().all(|(s, _)| !s.contains("اول")), "{got:?}");
        // Not before a month that is also a word: three Nissans.
        let got = dates_in("اشترت الشركة ثلاثة نيسان", r);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn the_month_before_its_day() {
        let r = Some("2021-03-12");
        check_dates(&[
            (
                "البيسبول في مايو الحادي عشر",
                r,
                "مايو الحادي عشر",
                "2021-05-11",
            ),
            ("سأعود يناير الأول", None, "يناير الاول", "XXXX-01-01"),
            (
                "في سبتمبر الحادي والعشرين من عام 1978",
                None,
                "سبتمبر الحادي والعشرين من عام 1978",
                "1978-09-21",
            ),
            ("عاد في كانون الأول", r, "كانون الاول", "2021-12"),
        ]);
        let got = dates_in("صلاة الجمعة في شهر رمضان", r);
        assert!(got.iter().all(|(s, _)| !s.contains("الجمعة في")), "{got:?}");
        let got = dates_in("مارس الثاني ضغوطا", r);
        assert!(got.is_empty(), "{got:?}");
    }
}
