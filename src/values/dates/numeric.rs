//! Dates written in digits: 23/10/2020, 23-10-2020, 23.10.2020,
//! 2020-10-23, 2020/10/23, and Hijri ones marked هـ (15/8/1445هـ).
//!
//! Also a month and year alone (5/2019) and, where a date is announced,
//! a day and month alone (الأربعاء 28/9).
//!
//! In: the key and a token position. Out: the span and its [`Cal`].

use chrono::NaiveDate;

use super::calendar::{Cal, hijri_to_gregorian};
use super::{date_word, next_hit};
use crate::doc::HijriCalendar;
use crate::values::words::{self, DateW, Tok, TokKind, token_at};

/// The token at `pos`, or after one space.
fn spaced(key: &str, pos: usize) -> Option<Tok<'_>> {
    match key.as_bytes().get(pos)? {
        b' ' => token_at(key, pos + 1),
        _ => token_at(key, pos),
    }
}

/// A date separator (`/` or `-`) at `pos`, glued or after one space
/// («10/4 / 1436هـ»).
fn separator(key: &str, pos: usize) -> Option<Tok<'_>> {
    spaced(key, pos).filter(|s| matches!(s.s, "/" | "-"))
}

/// Words before a number with a slash that make it a reference, not a
/// date: «القضية رقم 47/2015», «القرار 46/86».
const REFERENCE_WORDS: &[&str] = &[
    "رقم",
    "برقم",
    "الرقم",
    "قرار",
    "القرار",
    "قانون",
    "القانون",
    "مرسوم",
    "المرسوم",
    "قضيه",
    "القضيه",
    "الدعوي",
    "العدد",
    "تعميم",
    "التعميم",
    "امر",
    "الامر",
];

/// Whether the number at `pos` follows a word of [`REFERENCE_WORDS`].
fn after_reference_word(key: &str, pos: usize) -> bool {
    words::prev_token(key, pos).is_some_and(|p| {
        let w = p.s.strip_prefix('و').unwrap_or(p.s);
        REFERENCE_WORDS.contains(&w) || REFERENCE_WORDS.contains(&p.s)
    })
}

/// A month and year in digits: «5/2019», «05-2019», «2019/5». Not after a
/// word that makes it a reference number («رقم 5/2019»), nor inside a
/// longer numeric date.
pub(super) fn month_year(key: &str, pos: usize) -> Option<(usize, usize, Cal)> {
    let t = token_at(key, pos).filter(|t| t.kind == TokKind::Digits)?;
    let s = token_at(key, t.end).filter(|s| matches!(s.s, "/" | "-"))?;
    let u = token_at(key, s.end).filter(|u| u.kind == TokKind::Digits)?;
    if token_at(key, u.end).is_some_and(|x| matches!(x.s, "/" | "-")) {
        return None;
    }
    if key[..t.start].ends_with(['/', '-']) || after_reference_word(key, t.start) {
        return None;
    }
    let digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
    if !digits(t.s) || !digits(u.s) {
        return None;
    }
    let (m, y) = match (t.s.len(), u.s.len()) {
        (1 | 2, 4) => (t.s, u.s),
        (4, 1 | 2) => (u.s, t.s),
        _ => return None,
    };
    let (m, y): (u8, i32) = (m.parse().ok()?, y.parse().ok()?);
    ((1..=12).contains(&m) && (1900..=2100).contains(&y)).then_some((
        t.start,
        u.end,
        Cal {
            y: Some(y),
            m: Some(m),
            d: None,
        },
    ))
}

/// A day and month in digits, without a year: «28/9», «22-4», and the
/// month-first order where the second number cannot be a month («4/22»).
/// Only where the text has announced a date (see [`cal_at`]): alone,
/// «3/4» is as often a fraction or a score.
///
/// [`cal_at`]: super::named::cal_at
pub(super) fn day_month(key: &str, pos: usize) -> Option<(usize, usize, u8, u8)> {
    let t = token_at(key, pos).filter(|t| t.kind == TokKind::Digits && t.s.len() <= 2)?;
    let s = token_at(key, t.end).filter(|s| matches!(s.s, "/" | "-"))?;
    let u = token_at(key, s.end).filter(|u| u.kind == TokKind::Digits && u.s.len() <= 2)?;
    if token_at(key, u.end).is_some_and(|x| matches!(x.s, "/" | "-" | ":")) {
        return None;
    }
    let (a, b): (u8, u8) = (t.s.parse().ok()?, u.s.parse().ok()?);
    let (d, m) = if b <= 12 { (a, b) } else { (b, a) };
    ((1..=31).contains(&d) && (1..=12).contains(&m)).then_some((t.start, u.end, d, m))
}

/// Years that, in a numeric date, are Hijri even without «هـ»: Saudi and
/// Gulf news write «اليوم الاثنين 4/10/1436», and a Gregorian date of the
/// 14th or 15th century is not written in digits. 1300 AH began in 1882.
const BARE_HIJRI_YEARS: std::ops::RangeInclusive<i32> = 1300..=1499;

/// A numeric date: 23/10/2020, 23-10-2020, 23.10.2020, 2020-10-23,
/// 2020/10/23; a two-digit year is 20xx below 50, else 19xx. A Hijri one
/// (15/8/1445هـ, or a year of [`BARE_HIJRI_YEARS`] not marked «م») is
/// converted in `calendar`.
pub(super) fn numeric_at(
    key: &str,
    pos: usize,
    calendar: HijriCalendar,
) -> Option<(usize, usize, Cal)> {
    let t = token_at(key, pos).filter(|t| t.kind == TokKind::Digits)?;
    let (parts, end): (Vec<&str>, usize) = if t.s.matches('.').count() == 2 {
        (t.s.split('.').collect(), t.end)
    } else {
        let s1 = separator(key, t.end)?;
        let n2 = spaced(key, s1.end).filter(|n| n.kind == TokKind::Digits)?;
        let s2 = separator(key, n2.end).filter(|s| s.s == s1.s)?;
        let n3 = spaced(key, s2.end).filter(|n| n.kind == TokKind::Digits)?;
        (vec![t.s, n2.s, n3.s], n3.end)
    };
    if parts.iter().any(|p| !p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let num = |s: &str| s.parse::<i32>().ok();
    let (y, m, d) = if parts[0].len() == 4 {
        (num(parts[0])?, num(parts[1])?, num(parts[2])?)
    } else {
        let y = match parts[2].len() {
            4 => num(parts[2])?,
            2 => {
                let y = num(parts[2])?;
                if y < 50 { 2000 + y } else { 1900 + y }
            }
            _ => return None,
        };
        (y, num(parts[1])?, num(parts[0])?)
    };
    if parts[1].len() > 2 || (parts[0].len() != 4 && parts[0].len() > 2) {
        return None;
    }
    // «15/8/1445هـ»: a Hijri date.
    let glued_ah =
        key[end..].starts_with('ه') && !key[end + 'ه'.len_utf8()..].starts_with(words::is_letter);
    let spaced_ah = next_hit(key, end).is_some_and(|h| date_word(&h) == Some(DateW::Ah));
    let marked_ad = key[end..].starts_with('م')
        && !key[end + 'م'.len_utf8()..].starts_with(words::is_letter)
        || next_hit(key, end).is_some_and(|h| date_word(&h) == Some(DateW::Ad));
    let bare_hijri = BARE_HIJRI_YEARS.contains(&y) && !marked_ad;
    if ((glued_ah || spaced_ah) && (1200..1600).contains(&y)) || bare_hijri {
        let g = hijri_to_gregorian(calendar, y, m as u8, d as u8)?;
        let end = if glued_ah {
            end + 'ه'.len_utf8()
        } else if spaced_ah {
            next_hit(key, end)?.end
        } else {
            end
        };
        return Some((t.start, end, Cal::of(g)));
    }
    NaiveDate::from_ymd_opt(y, m as u32, d as u32)?;
    Some((
        t.start,
        end,
        Cal {
            y: Some(y),
            m: Some(m as u8),
            d: Some(d as u8),
        },
    ))
}
