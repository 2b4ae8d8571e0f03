//! Ranges of dates: «بين عامي 1980 و1988», «بين 3 و7 مارس», «من 3 إلى 7
//! مارس», «من عام 2001 حتى عام 2005», «1980-1988». The value joins both
//! ends with `/`; the first end takes what it lacks (month, year) from the
//! second.
//!
//! In: a [`Chunk`] and a token position. Out: the range that starts there.

use chrono::Datelike;

use super::calendar::Cal;
use super::named::{CalAt, cal_at, day_at, year_at};
use super::{Found, after, date_word, hit};
use crate::doc::{Chunk, Kind};
use crate::values::words::{self, Count, DateW, Opener, TokKind, Unit, next_token, token_at};

/// «بين عامي 1980 و1988», «بين 3 و7 مارس», «من 3 إلى 7 مارس», «من عام
/// 2001 حتى عام 2005», «1980-1988». The value joins both ends with `/`.
pub(super) fn range_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let t = token_at(key, pos)?;
    // «1980-1988»: two years and a hyphen.
    if t.kind == TokKind::Digits {
        let (_, ye, y1, _) = year_at(key, pos, true)?;
        let dash = next_token(key, ye).filter(|d| matches!(d.s, "-" | "–"))?;
        let q = after(key, dash.end)?;
        let (_, e, y2, _) = year_at(key, q, true)?;
        return (y2 > y1).then(|| Found::new(t.start, e, format!("{y1}/{y2}"), Kind::Date));
    }
    let h = words::lookup(key, t.start, t.end)?;
    let opener = match date_word(&h)? {
        DateW::Opener(o @ (Opener::Between | Opener::From)) => o,
        _ => return None,
    };
    let mut q = after(key, h.end)?;
    // Most «من» open no date: give up unless a number or a table word
    // follows.
    let next = token_at(key, q)?;
    if next.kind != TokKind::Digits && words::word(key, Some(next)).is_none() {
        return None;
    }
    if opener == Opener::Between {
        // «بين عامي 1980 و1988».
        if let Some(y) = hit(key, q)
            .filter(|y| matches!(date_word(y), Some(DateW::Unit(Unit::Year, Count::Two))))
        {
            return years_pair(c, h.start, y.end);
        }
    }
    // The first end: a date, a day alone or a year alone.
    let first = cal_at(c, q, true)
        .or_else(|| bare_day(c, q))
        .or_else(|| bare_year(key, q))?;
    q = first.end;
    // The link: و (between), إلى, حتى, وحتى (from).
    let second_pos = match opener {
        Opener::Between => {
            let t = next_token(key, q)?;
            if t.s == "و" {
                after(key, t.end)?
            } else if t.s.starts_with('و') {
                t.start + 'و'.len_utf8()
            } else {
                return None;
            }
        }
        _ => {
            let t = next_token(key, q)?;
            let w = t.s.strip_prefix('و').unwrap_or(t.s);
            if !matches!(w, "الي" | "حتي") {
                return None;
            }
            after(key, t.end)?
        }
    };
    let second = cal_at(c, second_pos, true)
        .or_else(|| bare_day(c, second_pos))
        .or_else(|| bare_year(key, second_pos))?;
    let (mut a, mut b) = (first.cal, second.cal);
    // The first end takes what it lacks from the second: «من 3 إلى 7 مارس».
    if a.m.is_none() && a.d.is_some() {
        a.m = b.m;
    }
    if a.y.is_none() && a.m.is_some() {
        a.y = b.y;
    }
    if b.y.is_none() && b.m.is_some() {
        b.y = a.y;
    }
    if a.m.is_none() != b.m.is_none()
        || a.d.is_none() != b.d.is_none()
        || a.m.is_none() && a.y.is_none()
    {
        return None;
    }
    if a.y.is_none()
        && let Some(r) = c.ref_date
    {
        a.y = Some(r.year());
        b.y = Some(r.year());
    }
    if let (Some(x), Some(y)) = (a.date(), b.date())
        && x >= y
    {
        return None;
    }
    Some(Found::new(
        h.start,
        second.end,
        format!("{}/{}", a.timex(), b.timex()),
        Kind::Date,
    ))
}

/// «عامي 1980 و1988» from the word before the years.
fn years_pair(c: &Chunk<'_>, start: usize, end: usize) -> Option<Found> {
    let key = c.key;
    let d1 = next_token(key, end).filter(|d| d.kind == TokKind::Digits)?;
    let (_, e1, y1, _) = year_at(key, d1.start, true)?;
    // «و1988» (glued) or «و 1988».
    let t = next_token(key, e1).filter(|t| t.s == "و")?;
    let p2 = after(key, t.end)?;
    let (_, e2, y2, _) = year_at(key, p2, true)?;
    (y2 > y1).then(|| Found::new(start, e2, format!("{y1}/{y2}"), Kind::Date))
}

/// A day number alone (the first end of «من 3 إلى 7 مارس»).
fn bare_day(c: &Chunk<'_>, pos: usize) -> Option<CalAt> {
    let (start, end, d) = day_at(c, pos)?;
    Some(CalAt {
        start,
        end,
        cal: Cal {
            d: Some(d),
            ..Cal::default()
        },
        hijri: false,
        year_span: None,
    })
}

/// A year with or without its marker.
fn bare_year(key: &str, pos: usize) -> Option<CalAt> {
    let (start, end, y, hijri) = year_at(key, pos, true)?;
    (!hijri).then_some(CalAt {
        start,
        end,
        cal: Cal {
            y: Some(y),
            ..Cal::default()
        },
        hijri: false,
        year_span: None,
    })
}
