//! Dates named with words: a day, a month name (either Gregorian system
//! or Hijri) and a year, with the weekday before them; a year with its
//! marker; parts of a year (الربع الأول من 2022, صيف 2014); decades and
//! centuries.
//!
//! In: a [`Chunk`] and a token position. Out: the phrase that starts there
//! (byte range of the key) with its calendar value, or `None`.

use chrono::{Datelike, NaiveDate};

use super::calendar::{Cal, add_days, add_months, gregorian_to_hijri, hijri_to_gregorian};
use super::duration::weekday_word;
use super::numeric::{day_month, month_year, numeric_at};
use super::{
    Found, after, article_before, counts_after, date_word, hit, next_hit, next_word_is, word_is,
};
use crate::doc::{Chunk, Kind};
use crate::values::numbers;
use crate::values::words::{
    self, Count, DateW, Edge, MonthHead, Opener, TokKind, Unit, next_token, parse_digits, token_at,
};

/// A month name, its two-word forms (كانون الثاني, ربيع الأول), and the
/// news habit of giving both systems: «تشرين الثاني/نوفمبر», «أيلول
/// (سبتمبر)».
#[derive(Clone, Copy, Debug)]
struct MonthAt {
    start: usize,
    end: usize,
    m: u8,
    hijri: bool,
    /// Never an ordinary word (see [`DateW::Month`]).
    safe: bool,
}

fn month_at(key: &str, pos: usize) -> Option<MonthAt> {
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
fn one_month(key: &str, pos: usize) -> Option<MonthAt> {
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
fn time_preposition_before(key: &str, start: usize) -> bool {
    words::prev_token(key, start).is_some_and(|t| TIME_PREPOSITIONS.contains(&t.s))
}

/// A day of the month: digits 1–31, or an ordinal («الخامس», «الحادي
/// والعشرين») with an optional «من» before the month.
pub(super) fn day_at(c: &Chunk<'_>, pos: usize) -> Option<(usize, usize, u8)> {
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
fn cardinal_day(c: &Chunk<'_>, pos: usize, after_weekday: bool) -> Option<(usize, usize, u8)> {
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
fn day_after_month(c: &Chunk<'_>, end: usize) -> Option<(usize, u8)> {
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

/// A year: «عام 2003», «العام 2003», «سنة 2019», «2019م», «1445 هـ». With
/// `bare`, four digits alone will do. Returns the span, the year and
/// whether it is a Hijri year.
pub(super) fn year_at(key: &str, pos: usize, bare: bool) -> Option<(usize, usize, i32, bool)> {
    let t = token_at(key, pos)?;
    let (start, digits, marker) = match t.kind {
        TokKind::Digits => (t.start, t, false),
        TokKind::Word => {
            let h = words::lookup(key, t.start, t.end)?;
            // عام, سنة; the construct dual عامي, سنتي before two years.
            match date_word(&h)? {
                DateW::Unit(Unit::Year, Count::One) => {}
                DateW::Unit(Unit::Year, Count::Two) if t.s.ends_with('ي') => {}
                _ => return None,
            }
            let Some(d) = next_token(key, t.end).filter(|d| d.kind == TokKind::Digits) else {
                // «عام ألفين وثلاثة», «عام مائتين وسبعة وستين», «عام
                // تسعة عشر ثمانية وعشرون»: a year in words.
                let (_, e, y) = year_words(key, after(key, t.end)?)
                    .filter(|&(_, e, y)| (100..=2100).contains(&y) && !counts_after(key, e))?;
                // «العام» is also the adjective "general, public": after a
                // noun, a number before a noun is a count («التعليم العام
                // ألف معاذ»); not after a preposition («في العام ألفين
                // وعشرين بدأ»).
                let after_preposition = h.clitic.contains(['ب', 'ل'])
                    || words::prev_token(key, h.token_start()).is_some_and(|p| {
                        let w = p.s.strip_prefix('و').unwrap_or(p.s);
                        YEAR_CONTEXT.contains(&w) || matches!(w, "من" | "الي")
                    });
                if h.article && !after_preposition && !clause_goes_on(key, e) {
                    return None;
                }
                return Some((h.start, e, y, false));
            };
            (h.start, d, true)
        }
        TokKind::Punct => return None,
    };
    let n = parse_digits(digits.s).filter(|n| n.int && !digits.s.contains(','))?;
    let y = n.value as i32;
    let mut end = digits.end;
    // The era: glued (2019م, 1445هـ) or a word of its own.
    let mut era = None;
    let glued = &key[end..];
    let glued_len = words::letter_run(glued);
    if glued_len > 0 {
        match &glued[..glued_len] {
            "م" | "ء" => era = Some(false),
            "ه" => era = Some(true),
            _ => return None,
        }
        end += glued_len;
    } else if let Some(h) = next_hit(key, end) {
        match date_word(&h) {
            Some(DateW::Ad) if h.clitic.is_empty() || h.start == h.end - "للميلاد".len() => {
                era = Some(false);
                end = h.end;
            }
            Some(DateW::Ah) => {
                era = Some(true);
                end = h.end;
            }
            _ => {}
        }
    }
    let ok_width = if marker || era.is_some() {
        (3..=4).contains(&n.width)
    } else {
        bare && n.width == 4 && (1000..=2100).contains(&y)
    };
    (ok_width && y > 0).then_some((start, end, y, era == Some(true)))
}

/// A year in words at `q`: a cardinal («ألفين وأربعة عشر», «مائتين وسبعة
/// وستين»), or the spoken century and year, two cardinals in a row, the
/// first 10–20 and the second 1–99, with or without «و» between them
/// («تسعة عشر ثمانية وعشرون» = 1928, «تسعة عشر وثمانية وسبعين» = 1978).
/// Callers say where a year may stand. Returns the span and the year.
fn year_words(key: &str, q: usize) -> Option<(usize, usize, i32)> {
    let card = |p: usize| {
        token_at(key, p).filter(|t| t.kind == TokKind::Word)?;
        numbers::cardinal(key, p).filter(|n| n.kind == Kind::Cardinal && n.int)
    };
    let n = card(q)?;
    let first = n.value as i32;
    if (10..=20).contains(&first)
        && let Some(t) = next_token(key, n.end)
        && let Some(m) = card(t.start).or_else(|| {
            t.s.strip_prefix('و')
                .and_then(|_| card(t.start + 'و'.len_utf8()))
        })
        && (1.0..=99.0).contains(&m.value)
    {
        return Some((n.start, m.end, first * 100 + m.value as i32));
    }
    Some((n.start, n.end, first))
}

/// Whether what follows `end` leaves a number before it uncounted: the
/// end of the text or the sentence, punctuation, a preposition, or a new
/// clause joined by «و» or «ف».
fn clause_goes_on(key: &str, end: usize) -> bool {
    next_token(key, end).is_none_or(|t| {
        t.kind == TokKind::Punct && t.s != "%"
            || t.kind == TokKind::Word
                && (matches!(t.s, "في" | "من" | "الي" | "حتي" | "عندما" | "حين" | "م")
                    || t.s.starts_with(['و', 'ف']))
    })
}

/// A year in words in the thousands' form, 1000–2100 («ألفين وعشرين»,
/// «ألف وسبعمائة وتسعة وثمانين»), where no marker announces it: only
/// where nothing is counted after it, i.e. the number ends the clause
/// («في ألفين وخمسمائة موقع» is a count). Returns the span and the year.
pub(super) fn thousands_year(key: &str, q: usize) -> Option<(usize, usize, i32)> {
    let (start, end, y) = thousands_number(key, q)?;
    let ends = next_token(key, end).is_none_or(|t| t.kind == TokKind::Punct && t.s != "%");
    ends.then_some((start, end, y))
}

/// A cardinal in words in the thousands' form, 1000–2100, wherever it
/// stands: callers guard it.
pub(super) fn thousands_number(key: &str, q: usize) -> Option<(usize, usize, i32)> {
    let t = token_at(key, q).filter(|t| t.kind == TokKind::Word)?;
    // A whole word, no proclitic: «في كالفي» is a town.
    let n = numbers::cardinal(key, q).filter(|n| {
        n.start == t.start
            && n.kind == Kind::Cardinal
            && n.int
            && (1000.0..=2100.0).contains(&n.value)
    })?;
    key[n.start..]
        .starts_with("الف")
        .then_some((n.start, n.end, n.value as i32))
}

/// «، 2001» after a month: four digits after a comma are its year, unless
/// a scale word makes them an amount («يوليو، 2938 ألف ريال» has no year
/// anyway; «مايو، 1500 ألف» would).
fn year_after_comma(key: &str, q: usize) -> Option<(usize, usize, i32, bool)> {
    let comma = token_at(key, q).filter(|t| matches!(t.s, "," | "،"))?;
    let y = year_at(key, after(key, comma.end)?, true)?;
    let scale_follows = next_token(key, y.1).is_some_and(|t| {
        words::lookup(key, t.start, t.end)
            .is_some_and(|h| matches!(h.entry.num, Some(words::Num::Scale(..))))
    });
    (!scale_follows).then_some(y)
}

/// A year in digits after a month and the mark that joined the day to
/// it: «نوفمبر. 2016», «أكتوبر-2016».
fn year_after_joiner(key: &str, end: usize, joiner: &str) -> Option<(usize, usize, i32, bool)> {
    let t = next_token(key, end).filter(|t| t.s == joiner)?;
    year_at(key, after(key, t.end)?, true)
}

/// A year in words after a day and month: «ألفان وثمانية عشر», «من ألف
/// وتسعمائة وثمانية وسبعين», «، ألفين» (1900–2100). Only where the number
/// ends the sentence: «15 مارس ألفين شخص» is a count.
fn year_in_words(key: &str, q: usize) -> Option<(usize, usize, i32, bool)> {
    let q = match token_at(key, q)?.s {
        "," | "،" | "من" => after(key, token_at(key, q)?.end)?,
        _ => q,
    };
    if token_at(key, q)?.kind != TokKind::Word {
        return None;
    }
    let n = numbers::cardinal(key, q).filter(|n| n.int && (1900.0..=2100.0).contains(&n.value))?;
    let ends = next_token(key, n.end).is_none_or(|t| t.kind == TokKind::Punct);
    ends.then_some((n.start, n.end, n.value as i32, false))
}

/// «يوم 27», and after a time «في 15» (`words`): a day of the month
/// (1–31) whose month is not named, only where it ends the sentence
/// («يوم 15 أغسطس» is a whole date, «في 15 مدينة» a count). Returns the
/// end and the day.
pub(super) fn day_of_month_alone(key: &str, q: usize, words: &[&str]) -> Option<(usize, u8)> {
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
pub(super) fn day_alone(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let (end, d) = day_of_month_alone(c.key, pos, &["يوم"])?;
    Some(Found::new(pos, end, format!("XXXX-XX-{d:02}"), Kind::Date))
}

/// The nth weekday of a month: «الأحد الثاني» (the second Sunday),
/// «الجمعة الأولى من يوليو», «أول يوم جمعة في هذا الشهر». The month is
/// the one named after «من» or «في», else the reference's; with a year
/// the value is the date (`2017-09-10`), without one Recognizers-Text's
/// form `XXXX-07-WXX-5-#1` (TIMEX3 has none). Ordinals 1–5 only: above
/// that they are days of the month («الأحد الرابع عشر», see
/// [`weekday_with_day`]). Not a count of weeks («الجمعة الثانية على
/// التوالي»), nor before a month kashf cannot place (a Hijri one).
pub(super) fn nth_weekday(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let (wd, n, mut end) = if let Some(e) = word_is(key, pos, "اول") {
        let y = next_token(key, e).filter(|t| t.s == "يوم")?;
        let w = next_token(key, y.end)?;
        // «يوم جمعة»: the weekday without its article.
        let wd = Some(w.s)
            .filter(|w| !w.starts_with("ال"))
            .and_then(weekday_word)?;
        (wd, 1, w.end)
    } else {
        let (_, we, wd) = weekday_at(key, pos)?;
        let o = numbers::ordinal(c, after(key, we)?).filter(|o| {
            o.int && (1.0..=5.0).contains(&o.value) && key[o.start..].starts_with("ال")
        })?;
        (wd, o.value as u8, o.end)
    };
    if next_word_is(key, end, &["علي"])
        .is_some_and(|e| next_word_is(key, e, &["التوالي"]).is_some())
    {
        return None;
    }
    // (year, month) of the month named after it, or the reference's.
    let mut month = c.ref_date.map(|r| (Some(r.year()), r.month() as u8));
    if let Some(e) = next_word_is(key, end, &["من", "في"]) {
        let q = after(key, e)?;
        match period_at(c, q) {
            Some((e, Period::Month(y, m))) => {
                end = e;
                month = m.map(|m| (y.or(c.ref_date.map(|r| r.year())), m));
            }
            // «من كل شهر» is a set; the weekday alone is read.
            None if key[q..].starts_with("كل") => {}
            // «من رمضان»: a month kashf cannot place; «من العام».
            _ => return None,
        }
    }
    let value = match month {
        Some((Some(y), m)) => {
            let first = NaiveDate::from_ymd_opt(y, u32::from(m), 1)?;
            let offset =
                (i64::from(wd) - i64::from(first.weekday().number_from_monday())).rem_euclid(7);
            let date = add_days(first, offset + 7 * (i64::from(n) - 1))?;
            if date.month() != u32::from(m) {
                return None;
            }
            date.to_string()
        }
        Some((None, m)) => format!("XXXX-{m:02}-WXX-{wd}-#{n}"),
        None => format!("XXXX-XX-WXX-{wd}-#{n}"),
    };
    Some(Found::new(pos, end, value, Kind::Date))
}

/// A month or a year named after «من» or «في» («الأسبوع الأول من يوليو»).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Period {
    /// A Gregorian month, its year if known: `None` for the month where
    /// no reference tells which («الشهر المقبل» without one).
    Month(Option<i32>, Option<u8>),
    /// A year; `None` where no reference tells which («العام المقبل»).
    Year(Option<i32>),
}

/// A month or a year at `q`: a Gregorian month with or without «شهر» and
/// its year («يوليو», «شهر يوليو 2016»), a relative one («هذا الشهر»,
/// «الشهر المقبل», «العام المقبل»), a year («عام 2027», «عام ألفين
/// وسبعة وعشرين»). Not a Hijri month: its weeks and weekdays would need
/// the day it begins on, which a month alone does not give.
pub(super) fn period_at(c: &Chunk<'_>, q: usize) -> Option<(usize, Period)> {
    let key = c.key;
    let p = word_is(key, q, "شهر")
        .and_then(|e| after(key, e))
        .unwrap_or(q);
    if let Some(mo) = month_at(key, p) {
        if mo.hijri {
            return None;
        }
        let year = after(key, mo.end).and_then(|q| year_at(key, q, true));
        return Some(match year {
            Some((_, e, y, false)) => (e, Period::Month(Some(y), Some(mo.m))),
            _ => (mo.end, Period::Month(None, Some(mo.m))),
        });
    }
    if let Some(f) = super::relative::relative(c, q) {
        // «هذا الشهر», «الشهر الماضي»: `2016-11`, `XXXX-XX`; «العام
        // المقبل»: `2017`, `XXXX`.
        let v = &f.value;
        return match v.len() {
            7 if v.as_bytes()[4] == b'-' => Some((
                f.end,
                Period::Month(v[..4].parse().ok(), v[5..].parse().ok()),
            )),
            4 => Some((f.end, Period::Year(v.parse().ok()))),
            _ => None,
        };
    }
    match year_at(key, q, false).or_else(|| year_in_context(key, q)) {
        Some((_, e, y, false)) => Some((e, Period::Year(Some(y)))),
        _ => None,
    }
}

/// The nth week of a month or a year: «الأسبوع الثالث من هذا الشهر»,
/// «الأسبوع الأخير من شهر يوليو», «الأسبوع الأول من عام 2015»,
/// «الأسبوع الثالث العام المقبل» (ordinals 1–5 and «الأخير»; «من» or
/// «في» may stand between). A year's weeks are ISO weeks (`2015-W01`
/// begins on 2014-12-29); a month's are its whole weeks, Monday to Sunday,
/// written as Recognizers-Text writes them (`2016-11-W03`, TIMEX3 has no
/// week of a month; `XXXX-07-W01` without a year, `XXXX-XX-W03` without
/// the month). Not of a Hijri month, nor «الأخير» where the year is not
/// known.
pub(super) fn nth_week(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let h = hit(key, pos).filter(|h| h.article)?;
    if date_word(&h) != Some(DateW::Unit(Unit::Week, Count::One)) {
        return None;
    }
    let q = after(key, h.end)?;
    // `None` for the last.
    let (n, mut end) = match word_is(key, q, "الاخير") {
        Some(e) => (None, e),
        None => {
            let o = numbers::ordinal(c, q).filter(|o| {
                o.int && (1.0..=5.0).contains(&o.value) && key[o.start..].starts_with("ال")
            })?;
            (Some(o.value as u32), o.end)
        }
    };
    if let Some(e) = next_word_is(key, end, &["من", "في"]) {
        end = e;
    }
    let (end, period) = period_at(c, after(key, end)?)?;
    let value = match period {
        Period::Month(y, Some(m)) => {
            let y = y.or(c.ref_date.map(|r| r.year()));
            let weeks = y.and_then(|y| whole_weeks(y, u32::from(m)));
            let n = match (n, weeks) {
                (Some(n), Some(w)) if n > w => return None,
                (Some(n), _) => n,
                (None, w) => w?,
            };
            match y {
                Some(y) => format!("{y:04}-{m:02}-W{n:02}"),
                None => format!("XXXX-{m:02}-W{n:02}"),
            }
        }
        // «الأسبوع الثالث من هذا الشهر» without a reference.
        Period::Month(_, None) => format!("XXXX-XX-W{:02}", n?),
        Period::Year(Some(y)) => {
            let last = if NaiveDate::from_isoywd_opt(y, 53, chrono::Weekday::Mon).is_some() {
                53
            } else {
                52
            };
            format!("{y:04}-W{:02}", n.unwrap_or(last))
        }
        Period::Year(None) => format!("XXXX-W{:02}", n?),
    };
    Some(Found::new(h.start, end, value, Kind::Date))
}

/// How many whole weeks, Monday to Sunday, month `m` of year `y` holds.
fn whole_weeks(y: i32, m: u32) -> Option<u32> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let monday = i64::from((8 - first.weekday().number_from_monday()) % 7);
    let days = add_months(first, 1)?
        .signed_duration_since(first)
        .num_days();
    u32::try_from((days - monday) / 7).ok()
}

/// A parsed calendar date with its span.
#[derive(Clone, Debug)]
pub(super) struct CalAt {
    pub start: usize,
    pub end: usize,
    pub cal: Cal,
    /// The Hijri original, for the normal form.
    pub hijri: bool,
    /// A year-only Hijri date: the Gregorian years it spans.
    pub year_span: Option<(i32, i32)>,
    /// A Hijri month alone with neither its year nor a reference date to
    /// take it from: no Gregorian month is known, the value is `XXXX-XX`.
    pub month_only: bool,
}

impl CalAt {
    /// A Gregorian date (or part of one) from `start` to `end`.
    pub fn gregorian(start: usize, end: usize, cal: Cal) -> CalAt {
        CalAt {
            start,
            end,
            cal,
            hijri: false,
            year_span: None,
            month_only: false,
        }
    }

    pub fn found(self, c: &Chunk<'_>) -> Found {
        let value = match self.year_span {
            Some((a, b)) if a != b => format!("{a}/{b}"),
            Some((a, _)) => a.to_string(),
            None if self.month_only => "XXXX-XX".to_owned(),
            None => self.cal.timex(),
        };
        let norm = if self.hijri {
            let original = &c.text[self.start..self.end];
            if self.cal.y.is_some() && self.year_span.is_none() {
                Some(format!("{} ({original})", self.cal.readable()))
            } else {
                Some(original.to_owned())
            }
        } else if self.cal.m.is_some() {
            Some(self.cal.readable())
        } else {
            None
        };
        Found {
            start: self.start,
            end: self.end,
            value,
            kind: Kind::Date,
            norm,
        }
    }
}

/// A relative year after a month or day: «من العام الجاري», «العام
/// الماضي», «الماضي» (after a month: the last such month). Returns the
/// end and the year offset (`None` when resolved by the month itself).
fn relative_year(key: &str, end: usize) -> Option<(usize, Option<i8>)> {
    let mut p = end;
    if let Some(e) = next_word_is(key, p, &["من"]) {
        p = e;
    }
    let h = next_hit(key, p)?;
    match date_word(&h)? {
        DateW::Unit(Unit::Year, Count::One) if h.article => {
            let dir = next_hit(key, h.end)?;
            match date_word(&dir)? {
                DateW::Dir(d) => Some((dir.end, Some(d))),
                _ => None,
            }
        }
        DateW::Opener(Opener::This) => {
            let y = next_hit(key, h.end)?;
            matches!(date_word(&y)?, DateW::Unit(Unit::Year, Count::One))
                .then_some((y.end, Some(0)))
        }
        DateW::Dir(d) if p == end => Some((h.end, None))
            .filter(|_| d != 0)
            .or(Some((h.end, Some(0)))),
        _ => None,
    }
}

/// A calendar date at `pos`: \[weekday \[،\] \[الموافق\]\] day \[من\] month \[year\],
/// month year, a year with its marker, or a numeric date. With `bare`, a
/// day or a four-digit year alone will do (inside ranges).
pub(super) fn cal_at(c: &Chunk<'_>, pos: usize, bare: bool) -> Option<CalAt> {
    let key = c.key;
    let mut start = None;
    let mut p = pos;
    // A weekday before the date, and whether «في» joins them.
    let mut weekday = None;
    let mut with_fi = false;
    if let Some((ws, we, wd)) = weekday_at(key, pos) {
        let mut q = after(key, we)?;
        if let Some(t) = token_at(key, q).filter(|t| matches!(t.s, "," | "،")) {
            q = after(key, t.end)?;
        }
        if let Some(e) = word_is(key, q, "الموافق").or_else(|| word_is(key, q, "في")) {
            with_fi = key[..e].ends_with("في");
            q = after(key, e)?;
        }
        start = Some(ws);
        weekday = Some(wd);
        p = q;
    }
    if let Some(n) = numeric_at(key, p, c.hijri).or_else(|| month_year(key, p)) {
        return Some(CalAt::gregorian(start.unwrap_or(n.0), n.1, n.2));
    }
    // «الأربعاء 28/9», «يوم 22/04», «بتاريخ 22/04»: a day and month alone
    // where a date is announced.
    let announcer =
        words::prev_token(key, p).filter(|t| matches!(t.s, "يوم" | "بتاريخ" | "تاريخ" | "الموافق"));
    if let Some((ds, de, d, m)) = day_month(key, p).filter(|&(ds, de, ..)| {
        weekday.is_some() || announcer.is_some() || super::bare::cued_day_month(c, ds, de)
    }) {
        // «يوم 22/04»: the word for day joins the span, as elsewhere.
        let ds = announcer.filter(|t| t.s == "يوم").map_or(ds, |t| t.start);
        let cal = Cal {
            y: c.ref_date.map(|r| r.year()),
            m: Some(m),
            d: Some(d),
        };
        if let (Some(y), Some(m), Some(d)) = (cal.y, cal.m, cal.d) {
            NaiveDate::from_ymd_opt(y, u32::from(m), u32::from(d))?;
        }
        return Some(CalAt::gregorian(start.unwrap_or(ds), de, cal));
    }
    // «شهر مارس».
    let mut month_word = None;
    if let Some(h) = hit(key, p)
        && !h.article
        && matches!(date_word(&h), Some(DateW::Unit(Unit::Month, Count::One)))
        && let Some(q) = after(key, h.end).filter(|&q| one_month(key, q).is_some())
    {
        month_word = Some(h.start);
        p = q;
    }
    // «يوم 15 مارس»: the word for day joins the span, as «عام» does.
    let mut day_word = None;
    if month_word.is_none()
        && start.is_none()
        && let Some(h) = hit(key, p)
        && !h.article
        && matches!(date_word(&h), Some(DateW::Unit(Unit::Day, Count::One)))
        && let Some(q) = after(key, h.end).filter(|&q| day_at(c, q).is_some())
    {
        day_word = Some(h.start);
        p = q;
    }
    let day = if month_word.is_none() {
        day_at(c, p)
            .map(|(s, e, d)| (day_word.unwrap_or(s), e, d))
            .or_else(|| cardinal_day(c, p, weekday.is_some()))
    } else {
        None
    };
    if let Some((ds, de, d)) = day
        && let Some(f) = day_of_relative_month(c, ds, de, d)
    {
        return Some(CalAt {
            start: start.unwrap_or(ds),
            ..f
        });
    }
    // «2- أكتوبر», «16. نوفمبر. 2016»: a mark joining the day to its month
    // (and the month to its year).
    let mut joiner = None;
    let (mstart, mo) = match day {
        Some((ds, de, d)) => match after(key, de).and_then(|q| month_at(key, q)).or_else(|| {
            let (q, j, needs_year) = super::bare::joined_to_month(c, ds, de)?;
            let mo = month_at(key, q)?;
            // «1-صفر» is a score (صفر: zero): a Hijri month joined to
            // its day needs its year.
            if (needs_year || mo.hijri) && year_after_joiner(key, mo.end, j).is_none() {
                return None;
            }
            joiner = Some(j);
            Some(mo)
        }) {
            Some(mo) => (ds, mo),
            None => {
                // After «في» a masculine ordinal is a day, not an hour
                // (the hour is feminine: «في السابعة»): «يوم الخميس في
                // السابع». Right after the weekday («يوم الأحد السادس»)
                // it may be the weekday's rank.
                // Not before a noun: «الخميس، في أول مناظرة» is a rank
                // (before «حتى», «إلى» it ends a range).
                let masculine = with_fi
                    && !key[ds..de].bytes().any(|b| b.is_ascii_digit())
                    && !key[ds..de].trim_end_matches(" من").ends_with('ه')
                    && (key[ds..de].ends_with(" من")
                        || next_token(key, de).is_none_or(|t| {
                            t.kind != TokKind::Word || matches!(t.s, "حتي" | "الي" | "و")
                        }));
                if let (Some(ws), Some(wd)) = (start, weekday)
                    && (ds < de && key[ds..de].bytes().any(|b| b.is_ascii_digit())
                        || d >= 11
                        || masculine)
                {
                    // «في الثالث من الشهر»: the «من» stays out.
                    let de = match words::prev_token(key, de).filter(|t| t.s == "من") {
                        Some(m) => words::prev_token(key, m.start).map_or(de, |t| t.end),
                        None => de,
                    };
                    return Some(weekday_with_day(c, ws, de, wd, d));
                }
                return coordinated_day(c, start.unwrap_or(ds), de, d);
            }
        },
        None => {
            let mo = month_at(key, p)?;
            (month_word.unwrap_or(mo.start), mo)
        }
    };
    let start = start.unwrap_or(mstart);
    let mut d = day.map(|(_, _, d)| d);
    let mut end = mo.end;
    // The month before its day, the day an ordinal in words: «مايو الحادي
    // عشر», «يناير الأول» (كانون الأول is read as the month before this).
    // Not after a month that is also a word: «مارس الثاني» is "the second
    // practised".
    if d.is_none()
        && !mo.hijri
        && (mo.safe || month_word.is_some())
        && let Some((de, dd)) =
            day_after_month(c, mo.end).or_else(|| super::bare::digits_after_month(c, mo.end))
    {
        d = Some(dd);
        end = de;
    }
    // «صلاة الجمعة في شهر رمضان»: a weekday and a month without a day
    // are no date.
    if weekday.is_some() && d.is_none() {
        return None;
    }
    // The year.
    // «5 مارس 2021», «5 مارس عام 2021», «18 ديسمبر من العام 2022»,
    // «يناير، 2001».
    let year = after(key, end).and_then(|q| {
        joiner
            .and_then(|j| year_after_joiner(key, end, j))
            .or_else(|| year_at(key, q, true))
            .or_else(|| {
                let e = word_is(key, q, "من")?;
                year_at(key, after(key, e)?, false)
            })
            .or_else(|| year_after_comma(key, q))
            .or_else(|| year_in_words(key, q))
    });
    let reference = c.ref_date;
    let mut cal = Cal {
        y: None,
        m: Some(mo.m),
        d,
    };
    if mo.hijri {
        let (hy, hend) = match year {
            Some((_, ye, y, _)) => (Some(y), ye),
            None => {
                // The reference's Hijri year; «رمضان الماضي», «شوال
                // المقبل»: the last such month before it, the next after.
                let dir = next_hit(key, end)
                    .filter(|h| h.clitic.is_empty())
                    .and_then(|h| match date_word(&h) {
                        Some(DateW::Dir(x)) => Some((h.end, x)),
                        _ => None,
                    });
                let hy =
                    reference
                        .and_then(|r| gregorian_to_hijri(c.hijri, r))
                        .map(|(y, rm, _)| match dir {
                            Some((_, -1)) if mo.m >= rm => y - 1,
                            Some((_, 1)) if mo.m <= rm => y + 1,
                            _ => y,
                        });
                (hy, dir.map_or(end, |(e, _)| e))
            }
        };
        // A Hijri month alone: its two-word names (ربيع الأول, ذو الحجة)
        // anywhere; the one-word ones, which are names too (رمضان, رجب),
        // after «شهر» or a preposition of time («في رمضان», «خلال
        // شوال»); صفر, also "zero", after «شهر» only.
        let alone_ok =
            mo.safe || month_word.is_some() || mo.m != 2 && time_preposition_before(key, mo.start);
        if d.is_none() && year.is_none() && !alone_ok {
            return None;
        }
        end = hend;
        if let Some(e) = next_hit(key, end).filter(|h| date_word(h) == Some(DateW::Ah)) {
            end = e.end;
        }
        let greg = match hy {
            Some(hy) => hijri_to_gregorian(c.hijri, hy, mo.m, d.unwrap_or(1))?,
            None => {
                return Some(CalAt {
                    start,
                    end,
                    cal: Cal::default(),
                    hijri: true,
                    year_span: None,
                    month_only: d.is_none(),
                });
            }
        };
        cal = Cal::of(greg);
        if d.is_none() {
            cal.d = None;
        }
        return Some(CalAt {
            start,
            end,
            cal,
            hijri: true,
            year_span: None,
            month_only: false,
        });
    }
    if let Some((_, ye, y, hijri_year)) = year {
        if hijri_year {
            return None;
        }
        cal.y = Some(y);
        end = ye;
    } else if let Some((re, dir)) = relative_year(key, end) {
        end = re;
        if let Some(r) = reference {
            cal.y = Some(match dir {
                Some(dir) => r.year() + i32::from(dir),
                None => {
                    // «مارس الماضي»: the last March before the reference
                    // month; «مارس المقبل»: the next one after it.
                    let dir = match date_word(&next_hit(key, mo.end)?)? {
                        DateW::Dir(d) => d,
                        _ => 0,
                    };
                    let rm = r.month() as u8;
                    match dir {
                        -1 if mo.m >= rm => r.year() - 1,
                        1 if mo.m <= rm => r.year() + 1,
                        _ => r.year(),
                    }
                }
            });
        }
    } else {
        // A month alone: a safe name, or after «شهر» or a preposition of
        // time («في مارس»; not آب, «اب» being "father" once folded).
        let alone_ok = mo.safe
            || month_word.is_some()
            || bare
            || key[mo.start..mo.end] != *"اب" && time_preposition_before(key, mo.start);
        if d.is_none() && !alone_ok {
            return None;
        }
        if d.is_none() && bare {
            // A bare month in a range takes the other end's year.
        } else {
            cal.y = reference.map(|r| r.year());
        }
    }
    if let (Some(y), Some(m), Some(d)) = (cal.y, cal.m, cal.d) {
        NaiveDate::from_ymd_opt(y, u32::from(m), u32::from(d))?;
    }
    Some(CalAt::gregorian(start, end, cal))
}

/// «الخميس 21», «الجمعة في 22», «الأحد الثالث عشر»: a weekday and a day of
/// the month without the month. With a reference, the date nearest to it
/// (two months either side) whose day is `day` and weekday `weekday`;
/// without one (or where no such date is near), the day alone:
/// `XXXX-XX-21`. A day in words must be 11 or more: «الأحد الثاني» is as
/// often the second Sunday.
fn weekday_with_day(c: &Chunk<'_>, start: usize, end: usize, weekday: u8, day: u8) -> CalAt {
    let found = c.ref_date.and_then(|r| {
        (-2..=2)
            .filter_map(|k| {
                let month = add_months(r.with_day(1)?, k)?;
                let date = month.with_day(u32::from(day))?;
                (date.weekday().number_from_monday() == u32::from(weekday)).then_some(date)
            })
            .min_by_key(|d| (*d - r).num_days().abs())
    });
    let cal = match found {
        Some(date) => Cal::of(date),
        None => Cal {
            d: Some(day),
            ..Cal::default()
        },
    };
    CalAt::gregorian(start, end, cal)
}

/// «في 12 و13 مارس»: a day whose month comes after the next day; the
/// span is the first day alone, the next one is found on its own.
fn coordinated_day(c: &Chunk<'_>, start: usize, end: usize, d: u8) -> Option<CalAt> {
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
fn day_of_relative_month(c: &Chunk<'_>, start: usize, end: usize, d: u8) -> Option<CalAt> {
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

/// The month relative to the reference named at `q`: «الشهر الجاري»,
/// «الشهر الماضي», «الشهر المقبل» (a direction word after it) or «هذا
/// الشهر» (this month). Returns the offset in months and where the phrase
/// ends.
fn relative_month(key: &str, q: usize) -> Option<(i8, usize)> {
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

/// A weekday: «الخميس», «يوم الخميس». Returns the span and the ISO number.
pub(super) fn weekday_at(key: &str, pos: usize) -> Option<(usize, usize, u8)> {
    let h = hit(key, pos)?;
    match date_word(&h)? {
        DateW::Weekday(w) if !h.article => Some((h.start, h.end, w)),
        DateW::Unit(Unit::Day, Count::One) if !h.article => {
            let w = next_hit(key, h.end)?;
            match date_word(&w)? {
                DateW::Weekday(n) if w.clitic.is_empty() && !w.article => Some((h.start, w.end, n)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A calendar date (see [`cal_at`]) that stands alone: a year needs its
/// marker, a month alone a safe name or «شهر».
pub(super) fn calendar(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    if let Some(cal) = cal_at(c, pos, false) {
        return Some(cal.found(c));
    }
    if let Some(f) = part_of_year(c, pos) {
        return Some(f);
    }
    if let Some(f) = month_number(c, pos) {
        return Some(f);
    }
    if let Some(f) = two_thousands(c.key, pos) {
        return Some(f);
    }
    let (start, end, y, hijri) =
        year_at(c.key, pos, false).or_else(|| year_in_context(c.key, pos))?;
    let (cal, year_span) = if hijri {
        let a = hijri_to_gregorian(c.hijri, y, 1, 1)?.year();
        let b = hijri_to_gregorian(c.hijri, y, 12, 29)?.year();
        (Cal::default(), Some((a, b)))
    } else {
        (
            Cal {
                y: Some(y),
                ..Cal::default()
            },
            None,
        )
    };
    Some(
        CalAt {
            start,
            end,
            cal,
            hijri,
            year_span,
            month_only: false,
        }
        .found(c),
    )
}

/// A month by its number: «الشهر 5», «شهر 11», «شهر 5/2015», «الشهر 3
/// 2020»; without a year, the reference's.
fn month_number(c: &Chunk<'_>, pos: usize) -> Option<Found> {
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

/// Words after which four digits alone are a year: «في 2019», «منذ
/// 2011», «حتى 2030», «مطلع 2020».
const YEAR_CONTEXT: &[&str] = &[
    "في",
    "منذ",
    "حتي",
    "قبل",
    "بعد",
    "خلال",
    "مطلع",
    "اواخر",
    "اوايل",
    "بدايه",
    "نهايه",
    "منتصف",
    "اواسط",
    "ربيع",
    "صيف",
    "خريف",
    "شتاء",
    "بحلول",
    "حلول",
    "عامي",
];

/// Four digits alone (1900–2099) after a word of [`YEAR_CONTEXT`], and
/// not counting something («في 2019 حالة» is a number).
fn year_in_context(key: &str, pos: usize) -> Option<(usize, usize, i32, bool)> {
    let t = token_at(key, pos)?;
    if t.kind == TokKind::Word {
        return year_words_in_context(key, pos);
    }
    if t.kind != TokKind::Digits {
        return None;
    }
    let prev = words::prev_token(key, t.start).filter(|p| p.end < t.start)?;
    let prev_word = prev.s.strip_prefix('و').unwrap_or(prev.s);
    let prev_word = match words::lookup(key, prev.start, prev.end) {
        Some(h) if h.clitic.is_empty() => prev_word,
        Some(h) => &key[h.start..h.end],
        None => prev_word,
    };
    if !YEAR_CONTEXT.contains(&prev_word) {
        return None;
    }
    let (start, end, y, hijri) = year_at(key, pos, true)?;
    if !(1900..=2099).contains(&y) {
        return None;
    }
    if counts_after(key, end) {
        return None;
    }
    Some((start, end, y, hijri))
}

/// A year in the thousands' form of words after a word of
/// [`YEAR_CONTEXT`] that is no length's («في ألف وسبعمائة وتسعة وثمانين»,
/// «منذ ألفين وأربعة عشر»; not «قبل», «بعد», «خلال», which take counts of
/// years), where it ends the clause (see [`thousands_year`]).
fn year_words_in_context(key: &str, pos: usize) -> Option<(usize, usize, i32, bool)> {
    let prev = words::prev_token(key, pos).filter(|p| p.end < pos)?;
    let prev_word = prev.s.strip_prefix('و').unwrap_or(prev.s);
    if !YEAR_CONTEXT.contains(&prev_word) || matches!(prev_word, "قبل" | "بعد" | "خلال" | "عامي")
    {
        return None;
    }
    let (start, end, y) = thousands_year(key, pos)?;
    Some((start, end, y, false))
}

/// «الربع الأول من العام 2022» (`2022-Q1`), «النصف الثاني من العام
/// الماضي» (`2020-H2`), «صيف 2014» (`2014-SU`).
fn part_of_year(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let t = token_at(key, pos).filter(|t| t.kind == TokKind::Word)?;
    let h = words::lookup(key, t.start, t.end)?;
    let word = &key[h.start..h.end];
    let word = word.strip_prefix("ال").unwrap_or(word);
    let (suffix, mut end) = match word {
        "صيف" => ("SU".to_owned(), h.end),
        "شتاء" => ("WI".to_owned(), h.end),
        "خريف" => ("FA".to_owned(), h.end),
        "ربيع" => ("SP".to_owned(), h.end),
        "ربع" | "نصف" if h.article => {
            let o = numbers::ordinal(c, after(key, h.end)?)?;
            let n = o.value as u8;
            let (letter, max) = if word == "ربع" { ('Q', 4) } else { ('H', 2) };
            if !(1..=max).contains(&n) {
                return None;
            }
            (format!("{letter}{n}"), o.end)
        }
        _ => return None,
    };
    // «الصيف المقبل», «الربيع الماضي»: the next or last such season.
    if h.article
        && suffix.len() == 2
        && !suffix.starts_with(['Q', 'H'])
        && let Some(d) = next_hit(key, end).filter(|d| d.clitic.is_empty())
        && let Some(DateW::Dir(dir @ (-1 | 1))) = date_word(&d)
    {
        let y = c.ref_date.map_or("XXXX".to_owned(), |r| {
            format!("{:04}", season_year(&suffix, r, dir))
        });
        return Some(Found::new(
            h.start,
            d.end,
            format!("{y}-{suffix}"),
            Kind::Date,
        ));
    }
    if let Some(e) = next_word_is(key, end, &["من"]) {
        end = e;
    }
    let q = after(key, end)?;
    let (end, year) = if let Some((_, e, y, false)) = year_at(key, q, true) {
        (e, Some(y))
    } else if let Some((_, e, y)) = thousands_year(key, q) {
        // «الربع الثالث من ألفين وعشرين».
        (e, Some(y))
    } else {
        let u = hit(key, q)?;
        let this = matches!(date_word(&u), Some(DateW::Opener(Opener::This)));
        let (u, dir) = if this {
            (next_hit(key, u.end)?, 0)
        } else {
            let d = next_hit(key, u.end)?;
            match date_word(&d)? {
                DateW::Dir(dir) => (u, dir),
                _ => return None,
            }
        };
        if !matches!(date_word(&u), Some(DateW::Unit(Unit::Year, Count::One))) {
            return None;
        }
        let e = if this {
            u.end
        } else {
            next_hit(key, u.end)?.end
        };
        (e, c.ref_date.map(|r| r.year() + i32::from(dir)))
    };
    let y = year.map_or("XXXX".to_owned(), |y| format!("{y:04}"));
    Some(Found::new(
        h.start,
        end,
        format!("{y}-{suffix}"),
        Kind::Date,
    ))
}

/// The year of the last (`dir` -1) or next (+1) season `code` (`SU`, …)
/// from `reference`: a season counts as past once its last month is over.
fn season_year(code: &str, reference: NaiveDate, dir: i8) -> i32 {
    let (first, last) = match code {
        "SP" => (3, 5),
        "SU" => (6, 8),
        "FA" => (9, 11),
        _ => (12, 12),
    };
    let (y, m) = (reference.year(), reference.month());
    match dir {
        -1 if m > last => y,
        -1 => y - 1,
        _ if m < first => y,
        _ => y + 1,
    }
}

/// A part of a period: an edge word (بداية, مطلع, أوائل, مستهل, منتصف,
/// أواسط, نهاية, أواخر) before a month («منتصف مارس», «أواخر شهر آذار
/// 2020»), a year («مطلع 2020», «نهاية العام 2019») or a period named
/// relative to the reference («أواخر الشهر الماضي», «بداية الأسبوع
/// المقبل», «نهاية العام», «مطلع هذا العام»). The value is the period's:
/// TIMEX3 has no value for a part of a month.
pub(super) fn part_of_period(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let h = hit(key, pos).filter(|h| !h.article)?;
    let Some(DateW::Edge(edge)) = date_word(&h) else {
        return None;
    };
    let mut q = after(key, h.end)?;
    if let Some(e) = word_is(key, q, "من") {
        q = after(key, e)?;
    }
    let reference = c.ref_date;
    // «نهاية اليوم», «نهاية الغد», «نهاية يوم الأحد»: the day's last
    // minute (`2016-11-07T23:59`), as TIMEX3 tools write it.
    if edge == Edge::End {
        let day = match super::relative::relative_day(key, q) {
            Some((_, e, n)) => Some((e, super::relative::day_value(reference, n))),
            None => super::relative::weekday_phrase(c, q).map(|(_, e, v)| (e, v)),
        };
        if let Some((e, v)) = day {
            return Some(Found::new(h.start, e, format!("{v}T23:59"), Kind::Time));
        }
    }
    let u = hit(key, q);
    // «الشهر الماضي», «العام», «هذا الأسبوع».
    if let Some(u) = u.filter(|u| u.clitic.is_empty()) {
        let (unit, end, dir) = match date_word(&u) {
            Some(DateW::Unit(unit @ (Unit::Week | Unit::Month | Unit::Year), Count::One))
                if u.article =>
            {
                let dir = next_hit(key, u.end)
                    .filter(|d| d.clitic.is_empty())
                    .and_then(|d| match date_word(&d) {
                        Some(DateW::Dir(x)) => Some((d.end, x)),
                        // «نهاية الأسبوع بعد المقبل», «أواخر العام قبل
                        // الماضي»: two units on or back.
                        Some(DateW::Opener(o @ (Opener::After | Opener::Before))) => {
                            let d2 = next_hit(key, d.end)?;
                            match date_word(&d2) {
                                Some(DateW::Dir(x @ (1 | -1)))
                                    if (x == 1) == (o == Opener::After) =>
                                {
                                    Some((d2.end, 2 * x))
                                }
                                _ => None,
                            }
                        }
                        _ => None,
                    });
                match dir {
                    Some((e, x)) => (Some(unit), e, x),
                    // «نهاية العام 2019» is a year; «نهاية العام» the
                    // current one.
                    None if year_at(key, u.start, false).is_some() => (None, 0, 0),
                    None => (Some(unit), u.end, 0),
                }
            }
            Some(DateW::Opener(Opener::This)) => {
                let w = next_hit(key, u.end).filter(|w| w.article && w.clitic.is_empty())?;
                match date_word(&w)? {
                    DateW::Unit(unit @ (Unit::Week | Unit::Month | Unit::Year), Count::One) => {
                        (Some(unit), w.end, 0)
                    }
                    _ => return None,
                }
            }
            _ => (None, 0, 0),
        };
        if edge == Edge::Rest {
            // «بقية الأسبوع», «باقي هذا الشهر», «بقية العام».
            let unit = unit.filter(|_| dir == 0)?;
            return Some(Found::new(
                h.start,
                end,
                rest_of(reference, unit)?,
                Kind::Date,
            ));
        }
        if let Some(unit) = unit {
            let mut value = super::relative::unit_value(reference, unit, i32::from(dir))?;
            let mut start = h.start;
            // «نهاية الأسبوع», «عطلة نهاية الأسبوع»: the weekend.
            if unit == Unit::Week && edge == Edge::End {
                value.push_str("-WE");
                if let Some(p) = words::prev_token(key, h.token_start()).filter(|p| p.s == "عطله")
                {
                    start = p.start;
                }
            }
            return Some(Found::new(start, end, value, Kind::Date));
        }
    }
    if edge == Edge::Rest {
        return None;
    }
    // A month, with or without its year; a year.
    if let Some(cal) = cal_at(c, q, false).filter(|k| k.cal.d.is_none()) {
        let f = cal.found(c);
        return Some(Found {
            start: h.start,
            ..f
        });
    }
    if let Some(mo) = month_at(key, q) {
        let cal = Cal {
            y: reference.map(|r| r.year()),
            m: Some(mo.m),
            d: None,
        };
        return (!mo.hijri).then(|| Found::new(h.start, mo.end, cal.timex(), Kind::Date));
    }
    let (_, end, y, false) = year_at(key, q, true)? else {
        return None;
    };
    Some(Found::new(h.start, end, format!("{y:04}"), Kind::Date))
}

/// The rest of the reference's week, month or year: from the reference
/// to the period's last day (`2016-11-07/2016-11-13` for the week of
/// Monday 2016-11-07); without a reference, the period's X form.
fn rest_of(reference: Option<NaiveDate>, unit: Unit) -> Option<String> {
    let Some(r) = reference else {
        return super::relative::unit_value(None, unit, 0);
    };
    let last = match unit {
        Unit::Week => add_days(r, 6 - i64::from(r.weekday().num_days_from_monday()))?,
        Unit::Month => add_days(add_months(r.with_day(1)?, 1)?, -1)?,
        Unit::Year => NaiveDate::from_ymd_opt(r.year(), 12, 31)?,
        _ => return None,
    };
    Some(format!("{}/{}", Cal::of(r).timex(), Cal::of(last).timex()))
}

/// «الألفين», the decade of the 2000s (`200X`), after a preposition of
/// time and where the clause ends («منذ مطلع الستينات وحتى بعد الألفين،»).
/// Elsewhere it is the number two thousand («الألف والألفين»), and so it is
/// before a noun or a conjunction («في الألفين والعشرات» stays unread).
fn two_thousands(key: &str, pos: usize) -> Option<Found> {
    let t = token_at(key, pos).filter(|t| t.s == "الالفين")?;
    let prev = words::prev_token(key, t.start)?;
    let prev = prev.s.strip_prefix('و').unwrap_or(prev.s);
    if !matches!(
        prev,
        "في" | "بعد"
            | "قبل"
            | "منذ"
            | "حتي"
            | "مطلع"
            | "بدايه"
            | "اوايل"
            | "نهايه"
            | "اواخر"
    ) {
        return None;
    }
    let ends = next_token(key, t.end).is_none_or(|n| {
        n.kind == TokKind::Punct && n.s != "%" || matches!(n.s, "في" | "من" | "الي" | "حتي")
    });
    ends.then(|| Found::new(t.start, t.end, "200X".to_owned(), Kind::Date))
}

/// «الثمانينيات» (198X), «ثمانينيات القرن الماضي», «تسعينيات القرن التاسع
/// عشر» (189X).
pub(super) fn decade_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let h = hit(key, pos)?;
    let Some(DateW::Decade(d)) = date_word(&h) else {
        return None;
    };
    let mut century = 19;
    let mut end = h.end;
    let mut q = end;
    if let Some(e) = next_word_is(key, q, &["من"]) {
        q = e;
    }
    if let Some(cent) = after(key, q).and_then(|p| century_of(c, p)) {
        century = cent.1;
        end = cent.0;
    }
    Some(Found::new(
        h.start,
        end,
        format!("{century:02}{d}X"),
        Kind::Date,
    ))
}

/// «القرن التاسع عشر» → `18`, «القرن العشرين» → `19`, «القرن 21» → `20`,
/// «القرن الماضي» (reference 2021) → `19`. Hijri centuries are left out.
pub(super) fn century_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let (end, cent) = century_of(c, pos)?;
    let start = hit(c.key, pos)?.start;
    Some(Found::new(start, end, format!("{cent:02}"), Kind::Date))
}

/// The end and TIMEX3 century (hundreds of years) of «القرن …» at `pos`.
fn century_of(c: &Chunk<'_>, pos: usize) -> Option<(usize, i32)> {
    let key = c.key;
    let h = hit(key, pos).filter(|h| h.article)?;
    if date_word(&h) != Some(DateW::Unit(Unit::Century, Count::One)) {
        return None;
    }
    let q = after(key, h.end)?;
    let t = token_at(key, q)?;
    let (mut end, n) = if let Some(o) = numbers::ordinal(c, q).filter(|o| o.start == q) {
        (o.end, o.value as i32)
    } else if t.kind == TokKind::Digits
        || (t.s == "ال" && token_at(key, t.end).is_some_and(|d| d.kind == TokKind::Digits))
    {
        let d = if t.kind == TokKind::Digits {
            t
        } else {
            token_at(key, t.end)?
        };
        let n = parse_digits(d.s).filter(|n| n.int && n.width <= 2)?;
        (d.end, n.value as i32)
    } else if let Some(DateW::Dir(dir)) = words::word(key, Some(t)).and_then(|w| w.entry.date) {
        // Without a reference, news means the 21st century by «الحالي».
        let year = c.ref_date.map_or(2000, |r| r.year());
        (t.end, year / 100 + 1 + i32::from(dir))
    } else {
        return None;
    };
    if !(1..=21).contains(&n) {
        return None;
    }
    if let Some(e) = next_token(key, end) {
        match e.s {
            "الميلادي" | "للميلاد" => end = e.end,
            "الهجري" | "للهجره" => return None,
            _ => {}
        }
    }
    Some((end, n - 1))
}

#[cfg(test)]
mod tests {
    use super::super::{check_dates, dates_in};

    #[test]
    fn nth_weekday_of_a_month() {
        // 2021-03-12 is a Friday; March 2021 begins on a Monday.
        let r = Some("2021-03-12");
        check_dates(&[
            (
                "يجتمع المجلس يوم الاثنين الثاني",
                r,
                "يوم الاثنين الثاني",
                "2021-03-08",
            ),
            ("تقام الصلاة الجمعة الأولى", r, "الجمعة الاولى", "2021-03-05"),
            (
                "تبدأ الدورة أول يوم خميس من أبريل",
                r,
                "اول يوم خميس من ابريل",
                "2021-04-01",
            ),
            (
                "يعقد اللقاء الأحد الثاني من الشهر المقبل",
                r,
                "الاحد الثاني من الشهر المقبل",
                "2021-04-11",
            ),
            (
                "يجتمع المجلس يوم الاثنين الثاني",
                None,
                "يوم الاثنين الثاني",
                "XXXX-XX-WXX-1-#2",
            ),
            (
                "تبدأ الدورة أول يوم خميس من أبريل",
                None,
                "اول يوم خميس من ابريل",
                "XXXX-04-WXX-4-#1",
            ),
        ]);
        // A count of weeks, and a fifth that the month does not have.
        let got = dates_in("خرجوا الجمعة الثانية على التوالي", r);
        assert_eq!(got, vec![("الجمعة".to_owned(), "2021-03-12".to_owned())]);
        let got = dates_in("يوم الخميس الخامس", Some("2021-02-10"));
        assert_eq!(
            got,
            vec![("يوم الخميس".to_owned(), "2021-02-11".to_owned())]
        );
    }

    #[test]
    fn nth_week_of_a_month_or_a_year() {
        // 2021-03-12 is a Friday. March 2021 has four whole weeks (from
        // Monday the 1st), July 2021 three (from Monday the 5th); 2020 has
        // 53 ISO weeks, and 2016's first begins on Monday 4 January.
        let r = Some("2021-03-12");
        check_dates(&[
            (
                "تبدأ الامتحانات في الأسبوع الثالث من هذا الشهر",
                r,
                "الاسبوع الثالث من هذا الشهر",
                "2021-03-W03",
            ),
            (
                "يعود الوفد الأسبوع الأخير من شهر يوليو",
                r,
                "الاسبوع الاخير من شهر يوليو",
                "2021-07-W03",
            ),
            (
                "وقع ذلك في الأسبوع الأول من عام 2016",
                r,
                "الاسبوع الاول من عام 2016",
                "2016-W01",
            ),
            (
                "في الأسبوع الأخير من العام الماضي",
                r,
                "الاسبوع الاخير من العام الماضي",
                "2020-W53",
            ),
            (
                "تنطلق البطولة الأسبوع الثاني العام المقبل",
                r,
                "الاسبوع الثاني العام المقبل",
                "2022-W02",
            ),
            (
                "الأسبوع الأول من أكتوبر",
                None,
                "الاسبوع الاول من اكتوبر",
                "XXXX-10-W01",
            ),
            (
                "الأسبوع الثاني من الشهر المقبل",
                None,
                "الاسبوع الثاني من الشهر المقبل",
                "XXXX-XX-W02",
            ),
        ]);
        // A Hijri month, a week the month does not have, a week of
        // something else, the last week of a month of no known year.
        for text in [
            "الأسبوع الأول من رمضان",
            "الأسبوع الخامس من فبراير 2021",
            "الأسبوع الأول من الدوري",
        ] {
            let got = dates_in(text, r);
            assert!(got.iter().all(|(_, v)| !v.contains('W')), "{text}: {got:?}");
        }
        let got = dates_in("الأسبوع الأخير من أكتوبر", None);
        assert!(got.iter().all(|(_, v)| !v.contains('W')), "{got:?}");
    }

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
    fn years_in_words() {
        check_dates(&[
            // After the marker, any cardinal from 100, and the spoken
            // century and year.
            (
                "تأسست الشركة عام ألفين وثلاثة عشر",
                None,
                "عام الفين وثلاثة عشر",
                "2013",
            ),
            (
                "بني المسجد سنة ثلاثمائة وخمسة وعشرين",
                None,
                "سنة ثلاثمائة وخمسة وعشرين",
                "0325",
            ),
            (
                "ولد جده عام تسعة عشر اثنين وثلاثين",
                None,
                "عام تسعة عشر اثنين وثلاثين",
                "1932",
            ),
            (
                "هاجرت الأسرة في مارس من عام ألف وتسعمائة وخمسة وستين",
                None,
                "مارس من عام الف وتسعمائة وخمسة وستين",
                "1965-03",
            ),
            (
                "وقع الزلزال في شتاء عام تسعة عشر وتسعة وثمانين",
                None,
                "شتاء عام تسعة عشر وتسعة وثمانين",
                "1989-WI",
            ),
            // The thousands' form alone, where the clause ends.
            (
                "انتهت الحرب في ألف وتسعمائة وثمانية عشر.",
                None,
                "الف وتسعمائة وثمانية عشر",
                "1918",
            ),
            (
                "تراجعت الصادرات في النصف الأول من ألفين وتسعة عشر",
                None,
                "النصف الاول من الفين وتسعة عشر",
                "2019-H1",
            ),
            (
                "حكم البلاد من ألف وتسعمائة وسبعين إلى ألفين وعشرة.",
                None,
                "من الف وتسعمائة وسبعين الى الفين وعشرة",
                "1970/2010",
            ),
        ]);
        // Counts: a noun after the number, a length, round ends of a range,
        // a number under 100 after the marker.
        for text in [
            "شارك في ألف وخمسمائة موقع",
            "انخفض العدد من ألف إلى ألفين.",
            "قبل ألف وتسعمائة عام",
            "وفي التعليم العام ألف طالب متفوق",
            "هبطت الطائرة في كالفي، ثم أقلعت",
        ] {
            let got = dates_in(text, None);
            assert!(
                got.iter().all(|(_, v)| !v.starts_with(['1', '2'])),
                "{text}: {got:?}"
            );
        }
        assert_eq!(
            dates_in("خلال عام واحد", None),
            vec![("عام واحد".to_owned(), "P1Y".to_owned())]
        );
    }

    #[test]
    fn the_two_thousands() {
        check_dates(&[
            ("ازدهرت الصناعة في الألفين.", None, "الالفين", "200X"),
            ("تغير المشهد بعد الألفين، ثم", None, "الالفين", "200X"),
        ]);
        for text in [
            "يجعل الألف والألفين مضاعفة",
            "في الألفين والعشرات",
            "في الألفين سهم",
        ] {
            let got = dates_in(text, None);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
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
    fn weekday_with_a_day_of_the_month() {
        // 2017-09-27 is a Wednesday.
        let r = Some("2017-09-27");
        check_dates(&[
            ("الأربعاء 7 آذار", None, "الاربعاء 7 اذار", "XXXX-03-07"),
            ("عاد يوم الخميس 21", r, "يوم الخميس 21", "2017-09-21"),
            ("عاد الجمعة في 22", r, "الجمعة في 22", "2017-09-22"),
            (
                "عاد الأحد الثالث عشر",
                Some("2016-11-07"),
                "الاحد الثالث عشر",
                "2016-11-13",
            ),
            (
                "الخميس في الحادي والعشرين",
                r,
                "الخميس في الحادي والعشرين",
                "2017-09-21",
            ),
            ("عاد يوم الخميس 21", None, "يوم الخميس 21", "XXXX-XX-21"),
            (
                "الجمعة الموافق 9 من الشهر الجاري",
                Some("2013-08-05"),
                "الجمعة الموافق 9 من الشهر الجاري",
                "2013-08-09",
            ),
            // A masculine ordinal after «في» is the day, not the hour.
            (
                "تنطلق القمة يوم الخميس في السابع",
                r,
                "يوم الخميس في السابع",
                "2017-09-07",
            ),
            (
                "وصل الوفد يوم الأحد في الثالث من الشهر",
                r,
                "يوم الاحد في الثالث",
                "2017-09-03",
            ),
            // The day in cardinal words.
            (
                "تعقد الجلسة يوم الجمعة في خمسة عشر",
                r,
                "يوم الجمعة في خمسة عشر",
                "2017-09-15",
            ),
        ]);
        // The feminine ordinal is the hour; a counted noun makes a count.
        check_dates(&[(
            "تنطلق القمة يوم الخميس في السابعة",
            r,
            "يوم الخميس في السابعة",
            "2017-09-28T07:00",
        )]);
        let got = dates_in("زار يوم الجمعة في خمسة عشر بلدا", r);
        assert_eq!(
            got,
            vec![("يوم الجمعة".to_owned(), "2017-09-29".to_owned())]
        );
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
        for text in ["القضية رقم 47/2015 جنايات", "أضف 3/4 كوب"] {
            let got = dates_in(text, None);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
        // «شهر 5 أيام»: a month and five days, durations, not the fifth month.
        let got = dates_in("خلال شهر 5 أيام", None);
        assert!(got.iter().all(|(_, v)| v.starts_with('P')), "{got:?}");
    }

    #[test]
    fn a_comma_between_the_month_and_its_year() {
        check_dates(&[
            ("فاتني يناير, 2001", None, "يناير, 2001", "2001-01"),
            ("في تشرين الأول، 1973", None, "تشرين الاول، 1973", "1973-10"),
            (
                "ولد في 5 مايو، 1992، القاهرة",
                None,
                "5 مايو، 1992",
                "1992-05-05",
            ),
            (
                "العاشر من سبتمبر ، 2000",
                None,
                "العاشر من سبتمبر ، 2000",
                "2000-09-10",
            ),
        ]);
        // An amount after the comma is no year.
        let got = dates_in("في يوليو، 1500 ألف ريال", None);
        assert_eq!(got, [("يوليو".to_owned(), "XXXX-07".to_owned())]);
    }

    #[test]
    fn parts_of_a_period() {
        let r = Some("2013-02-12");
        check_dates(&[
            ("في منتصف مارس", r, "منتصف مارس", "2013-03"),
            ("أواخر شهر آذار 2020", r, "اواخر شهر اذار 2020", "2020-03"),
            ("مطلع 2020", r, "مطلع 2020", "2020"),
            ("بداية الأسبوع المقبل", r, "بداية الاسبوع المقبل", "2013-W08"),
            ("أواخر الشهر الماضي", r, "اواخر الشهر الماضي", "2013-01"),
            ("أوائل الشهر الجاري", r, "اوائل الشهر الجاري", "2013-02"),
            ("في نهاية العام", r, "نهاية العام", "2013"),
            ("نهاية العام 2019", r, "نهاية العام 2019", "2019"),
            ("مطلع هذا العام", r, "مطلع هذا العام", "2013"),
            ("منتصف الشهر", None, "منتصف الشهر", "XXXX-XX"),
            // Two units on or back.
            (
                "تعود البعثة نهاية الأسبوع بعد المقبل",
                r,
                "نهاية الاسبوع بعد المقبل",
                "2013-W09-WE",
            ),
            (
                "أواخر الشهر قبل الماضي",
                r,
                "اواخر الشهر قبل الماضي",
                "2012-12",
            ),
            (
                "في عطلة نهاية الأسبوع",
                r,
                "عطلة نهاية الاسبوع",
                "2013-W07-WE",
            ),
            (
                "نهاية الأسبوع المقبل",
                None,
                "نهاية الاسبوع المقبل",
                "XXXX-WXX-WE",
            ),
        ]);
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

    #[test]
    fn the_rest_of_a_period() {
        // 2021-03-12 is a Friday.
        let r = Some("2021-03-12");
        check_dates(&[
            (
                "يغيب بقية الأسبوع",
                r,
                "بقية الاسبوع",
                "2021-03-12/2021-03-14",
            ),
            (
                "باقي هذا الأسبوع",
                r,
                "باقي هذا الاسبوع",
                "2021-03-12/2021-03-14",
            ),
            ("يستمر باقي الشهر", r, "باقي الشهر", "2021-03-12/2021-03-31"),
            (
                "توقعات النمو لبقية العام",
                r,
                "بقية العام",
                "2021-03-12/2021-12-31",
            ),
            (
                "خلال بقية السنة الجارية",
                r,
                "بقية السنة الجارية",
                "2021-03-12/2021-12-31",
            ),
            ("بقية العام", None, "بقية العام", "XXXX"),
        ]);
        for text in ["بقية الدول", "باقي العام الماضي", "بقية مارس"]
        {
            let got = dates_in(text, r);
            assert!(
                got.iter()
                    .all(|(s, _)| !s.starts_with("بقية") && !s.starts_with("باقي")),
                "{text}: {got:?}"
            );
        }
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
        for text in [
            "قال رمضان إن الوفد وصل",
            "التقى رجب طيب أردوغان",
            "بلغت النسبة في صفر",
            "مارس الضغط على الحكومة",
            "ثقة في أب وأم",
        ] {
            let got = dates_in(text, r);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }
}
