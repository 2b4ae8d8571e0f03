//! Decades and centuries: «الثمانينيات» (`198X`), «ثمانينيات القرن
//! الماضي», «الألفين» after a preposition of time (`200X`), «القرن التاسع
//! عشر» (`18`), «القرن الماضي».

use chrono::Datelike;

use crate::doc::{Chunk, Kind};
use crate::values::dates::{Found, after, date_word, hit, next_word_is};
use crate::values::numbers;
use crate::values::words::{self, Count, DateW, TokKind, Unit, next_token, parse_digits, token_at};

/// «الألفين», the decade of the 2000s (`200X`), after a preposition of
/// time and where the clause ends («منذ مطلع الستينات وحتى بعد الألفين،»).
/// Elsewhere it is the number two thousand («الألف والألفين»), and so it is
/// before a noun or a conjunction («في الألفين والعشرات» stays unread).
pub(super) fn two_thousands(key: &str, pos: usize) -> Option<Found> {
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
pub(in crate::values::dates) fn decade_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
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
pub(in crate::values::dates) fn century_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
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
    use crate::values::dates::{check_dates, check_no_dates};

    #[test]
    fn the_two_thousands() {
        check_dates(&[
            ("ازدهرت الصناعة في الألفين.", None, "الالفين", "200X"),
            ("تغير المشهد بعد الألفين، ثم", None, "الالفين", "200X"),
        ]);
        check_no_dates(
            &[
                "يجعل الألف والألفين مضاعفة",
                "في الألفين والعشرات",
                "في الألفين سهم",
            ],
            None,
        );
    }
}
