//! Dates written in digits: 23/10/2020, 23-10-2020, 23.10.2020,
//! 2020-10-23, 2020/10/23, and Hijri ones marked هـ (15/8/1445هـ).
//!
//! In: the key and a token position. Out: the span and its [`Cal`].

use chrono::NaiveDate;

use super::calendar::{Cal, hijri_to_gregorian};
use super::{date_word, next_hit};
use crate::values::words::{self, DateW, TokKind, token_at};

/// A numeric date: 23/10/2020, 23-10-2020, 23.10.2020, 2020-10-23,
/// 2020/10/23; a two-digit year is 20xx below 50, else 19xx.
pub(super) fn numeric_at(key: &str, pos: usize) -> Option<(usize, usize, Cal)> {
    let t = token_at(key, pos).filter(|t| t.kind == TokKind::Digits)?;
    let (parts, end): (Vec<&str>, usize) = if t.s.matches('.').count() == 2 {
        (t.s.split('.').collect(), t.end)
    } else {
        let s1 = token_at(key, t.end).filter(|s| matches!(s.s, "/" | "-"))?;
        let n2 = token_at(key, s1.end).filter(|n| n.kind == TokKind::Digits)?;
        let s2 = token_at(key, n2.end).filter(|s| s.s == s1.s)?;
        let n3 = token_at(key, s2.end).filter(|n| n.kind == TokKind::Digits)?;
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
    if (glued_ah || spaced_ah) && (1200..1600).contains(&y) {
        let g = hijri_to_gregorian(y, m as u8, d as u8)?;
        let end = if glued_ah {
            end + 'ه'.len_utf8()
        } else {
            next_hit(key, end)?.end
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
