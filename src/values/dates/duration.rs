//! Lengths of time and recurring times: «12 عاماً», «خمس دقائق»,
//! «أسبوعين», «نصف ساعة», «ساعة ونصف», «الأيام الثلاثة الماضية» (TIMEX3
//! `P12Y`, `PT5M`, …, kind duration); «يومياً», «كل عام», «كل يوم جمعة»
//! (kind set).
//!
//! In: a [`Chunk`] and a token position. Out: the phrase that starts there.

use chrono::{Datelike, NaiveDate};

use super::calendar::{add_days, add_months};
use super::relative::part_suffix;
use super::{Found, after, article_before, date_word, hit, next_hit, time};
use crate::doc::{Chunk, Kind};
use crate::values::numbers;
use crate::values::words::{
    self, Count, DateW, DayPart, Num, Opener, TokKind, Unit, next_token, parse_digits, token_at,
};

/// A length: a count and a unit («12 عاماً», «خمس دقائق», «ثلاثة عشر
/// يوماً»), a dual («أسبوعين»), a fraction of a unit («نصف ساعة»), with
/// «ونصف» after. Returns the span, the count and the unit.
pub(super) fn length_at(c: &Chunk<'_>, pos: usize) -> Option<(usize, usize, f64, Unit)> {
    let key = c.key;
    let t = token_at(key, pos)?;
    let (start, mut end, mut n, unit) = if let Some(h) =
        words::word(key, Some(t)).filter(|h| !h.article)
    {
        match (date_word(&h), h.entry.num) {
            (Some(DateW::Unit(u, Count::Two)), _) => {
                // عامي, سنتي are construct duals before a noun or years;
                // «اليومين» is the table's one dual with its article.
                if key[h.start..h.end].ends_with('ي') || key[h.start..h.end].starts_with("ال") {
                    return None;
                }
                (h.start, h.end, 2.0, u)
            }
            (Some(DateW::Unit(u, Count::One)), _)
                if next_hit(key, h.end)
                    .is_some_and(|n| n.clitic == "و" && n.entry.num == Some(Num::Frac(0.5))) =>
            {
                // «ساعة ونصف»: one, and the half added below.
                (h.start, h.end, 1.0, u)
            }
            (_, Some(Num::Frac(f))) => {
                let u = next_hit(key, h.end).filter(|u| u.clitic.is_empty())?;
                let Some(DateW::Unit(unit, Count::One)) = date_word(&u) else {
                    return None;
                };
                // «نصف الساعة», «ربع الساعة»: an hour or a minute may take
                // the article; «نصف العام» is a half of a year, a period.
                if u.article && !matches!(unit, Unit::Hour | Unit::Minute) {
                    return None;
                }
                (h.start, u.end, f, unit)
            }
            _ => counted(c, pos)?,
        }
    } else {
        counted(c, pos)?
    };
    // «ساعة ونصف», «ثلاث سنوات ونصف».
    if let Some(h) = next_hit(key, end)
        && h.clitic == "و"
        && !h.article
        && h.entry.num == Some(Num::Frac(0.5))
    {
        n += 0.5;
        end = h.end;
    }
    Some((start, end, n, unit))
}

/// A number followed by a unit of time.
pub(super) fn counted(c: &Chunk<'_>, pos: usize) -> Option<(usize, usize, f64, Unit)> {
    let key = c.key;
    let n = numbers::cardinal(key, pos).filter(|n| n.kind == Kind::Cardinal)?;
    let u = next_hit(key, n.end).filter(|u| u.clitic.is_empty())?;
    let DateW::Unit(unit, count @ (Count::One | Count::Acc | Count::Plural)) = date_word(&u)?
    else {
        return None;
    };
    // «3 الساعات»: digits before a plural unit with the article (a
    // singular one after digits is a year and a time: «2013 الساعة 5»).
    let digits = token_at(key, n.start).is_some_and(|t| t.kind == TokKind::Digits);
    if u.article && !(digits && count == Count::Plural) {
        return None;
    }
    // «الـ24 ساعة الماضية», «3 أيام القادمة», «الثلاثة عقود القادمة»:
    // the article before the digits, and the direction after the unit,
    // belong to the span.
    let start = article_before(key, n.start).unwrap_or(n.start);
    Some((start, dir_after(key, u.end), n.value, unit))
}

/// Directions in the dual, after a dual unit with the article:
/// «العامين الماضيين», «اليومين المقبلين» (key spellings, with their
/// sign).
const DUAL_DIR: &[(&str, i8)] = &[
    ("الماضيين", -1),
    ("المنصرمين", -1),
    ("السابقين", -1),
    ("المقبلين", 1),
    ("القادمين", 1),
    ("التاليين", 1),
];

/// The direction word after `end`: «الماضية», «المقبلة», «الأخيرة» (the
/// last ones: the past), or a dual one («الماضيين»). Its end and sign.
fn dir_word(key: &str, end: usize) -> Option<(usize, i8)> {
    let d = next_hit(key, end).filter(|d| d.clitic.is_empty());
    if let Some(d) = d
        && let Some(DateW::Dir(s @ (-1 | 1))) = date_word(&d)
    {
        return Some((d.end, s));
    }
    let t = next_token(key, end)?;
    // «الأخيرة», «الأخيرين» (not a word of the table): the last ones, the
    // past; but not the last ones of something else («الأيام العشرة
    // الأخيرة من رمضان»).
    if matches!(t.s, "الاخيره" | "الاخير" | "الاخيرين") {
        let of = next_token(key, t.end).is_some_and(|n| n.s == "من");
        return (!of).then_some((t.end, -1));
    }
    DUAL_DIR
        .iter()
        .find(|&&(w, _)| w == t.s)
        .map(|&(_, s)| (t.end, s))
}

/// `end`, extended over a direction after it (see [`dir_word`]).
fn dir_after(key: &str, end: usize) -> usize {
    dir_word(key, end).map_or(end, |(e, _)| e)
}

/// The TIMEX3 duration of `n` units: `P12Y`, `PT5M`, `P2W`; fractions go to
/// the smaller unit where there is one (نصف ساعة → `PT30M`).
fn duration_value(n: f64, unit: Unit) -> String {
    let (n, unit) = match unit {
        _ if n.fract() == 0.0 => (n, unit),
        Unit::Hour => (n * 60.0, Unit::Minute),
        Unit::Minute => (n * 60.0, Unit::Second),
        Unit::Day => (n * 24.0, Unit::Hour),
        Unit::Year => (n * 12.0, Unit::Month),
        Unit::Decade | Unit::Century => (n, unit),
        _ => (n, unit),
    };
    let num = |x: f64| {
        if x.fract() == 0.0 {
            format!("{}", x as i64)
        } else {
            format!("{x}")
        }
    };
    match unit {
        Unit::Second => format!("PT{}S", num(n)),
        Unit::Minute => format!("PT{}M", num(n)),
        Unit::Hour => format!("PT{}H", num(n)),
        Unit::Day => format!("P{}D", num(n)),
        Unit::Week => format!("P{}W", num(n)),
        Unit::Month => format!("P{}M", num(n)),
        Unit::Year => format!("P{}Y", num(n)),
        Unit::Decade => format!("P{}Y", num(n * 10.0)),
        Unit::Century => format!("P{}Y", num(n * 100.0)),
    }
}

/// «طوال اليوم», «طيلة الأسبوع», «طوال الشهر», «طوال العام»: the whole
/// of one unit, a duration of one (`P1D`, `P1W`, …), the span opening
/// with «طوال». Not when the unit is a date of its own («طوال العام
/// الماضي», «طوال الشهر الجاري», «طوال العام 2020»): that stays a date;
/// nor before an adjective that makes it another kind of unit («طوال
/// العام الدراسي», the school year; «طوال اليوم الوطني»).
pub(super) fn throughout(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let t = token_at(key, pos)?;
    let unit = match t.s {
        "اليوم" => Unit::Day,
        "الاسبوع" => Unit::Week,
        "الشهر" => Unit::Month,
        "العام" | "السنه" => Unit::Year,
        _ => return None,
    };
    let p = words::prev_token(key, pos).filter(|p| matches!(p.s, "طوال" | "طيله"))?;
    if next_hit(key, t.end).is_some_and(|n| n.entry.num.is_some() || n.entry.date.is_some())
        || next_token(key, t.end)
            .is_some_and(|n| n.kind == TokKind::Digits || n.s.starts_with("ال"))
    {
        return None;
    }
    Some(Found::new(
        p.start,
        t.end,
        duration_value(1.0, unit),
        Kind::Duration,
    ))
}

/// `end`, extended over «كامل», «كاملة», «كاملاً» after a length: «يوم
/// كامل», «ثلاثة أيام كاملة».
fn whole_after(key: &str, end: usize) -> usize {
    next_token(key, end)
        .filter(|t| matches!(t.s, "كامل" | "كامله" | "كاملا" | "كاملين"))
        .map_or(end, |t| t.end)
}

/// A duration: a length (see [`length_at`]), or «الأيام الثلاثة الماضية»,
/// «السنوات العشر الأخيرة».
pub(super) fn duration_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let found = length_or_unit_at(c, pos)?;
    if found.kind != Kind::Duration {
        return Some(found);
    }
    let end = whole_after(c.key, found.end);
    let found = compound(c, Found { end, ..found });
    Some(counted_period(c, found))
}

/// A count of units with a direction is the period that many units long
/// next to the reference date, not a length: «الأيام الثلاثة الماضية»,
/// «3 أيام القادمة», «آخر 3 سنوات», «العقدين الماضيين», «اليومين
/// المقبلين». The value is its first and last day (`2016-11-04/2016-11-06`
/// for the past three days on 2016-11-07): a past period ends the day
/// before the reference, a coming one starts the day after. Decades are
/// whole decades: the two past decades in 2016 are `199X/200X`.
///
/// Without a reference date, for hours, minutes and centuries, and with
/// «التالية» or «السابقة» (see below), the phrase stays the length it
/// names (`P3D`); a count with no direction
/// («3 أيام», «خلال ثلاث سنوات») is always a length.
fn counted_period(c: &Chunk<'_>, found: Found) -> Found {
    let key = c.key;
    let last = words::prev_token(key, found.end);
    // «آخر 3 سنوات», «آخر يومين»: the last ones, before a count.
    let before = words::prev_token(key, found.start).filter(|t| t.s == "اخر");
    // «التالية», «السابقة» (the following, the previous ones) count from
    // the time the text tells of as often as from today: «اليومين
    // التاليين» of an event. The phrase stays a length.
    let narrative = last.is_some_and(|t| t.s.starts_with("التالي") || t.s.starts_with("السابق"));
    let dir = match last.and_then(|t| dir_word(key, t.start)) {
        Some(_) if narrative => None,
        Some((e, s)) if e == found.end => Some(s),
        _ => before.map(|_| -1),
    };
    let (Some(dir), Some(reference)) = (dir, c.ref_date) else {
        return found;
    };
    let Some((n, unit)) = one_part(&found.value) else {
        return found;
    };
    let decades = unit_in(c, &found) == Some(Unit::Decade);
    let Some(value) = period_value(reference, n as i32, unit, dir, decades) else {
        return found;
    };
    let start = before.map_or(found.start, |t| t.start);
    Found::new(start, found.end, value, Kind::Date)
}

/// The unit word of a one-unit length found at `found`.
fn unit_in(c: &Chunk<'_>, found: &Found) -> Option<Unit> {
    let mut pos = found.start;
    while pos < found.end {
        let t = next_token(c.key, pos)?;
        if let Some(h) = words::word(c.key, Some(t))
            && let Some(DateW::Unit(u, _)) = date_word(&h)
        {
            return Some(u);
        }
        pos = t.end;
    }
    None
}

/// The first and last day (or decade) of `n` units before (`dir` -1) or
/// after (+1) `reference` (see [`counted_period`]); `None` for units of a
/// day's parts.
fn period_value(
    reference: NaiveDate,
    n: i32,
    unit: Unit,
    dir: i8,
    decades: bool,
) -> Option<String> {
    if n < 1 {
        return None;
    }
    if decades {
        // `n` counts years (`P20Y`): `k` decades.
        let (d, k) = (reference.year().div_euclid(10), n / 10);
        let (a, b) = if dir < 0 {
            (d - k, d - 1)
        } else {
            (d + 1, d + k)
        };
        return (a >= 0).then(|| format!("{a:03}X/{b:03}X"));
    }
    let shift = |from: NaiveDate, k: i32| match unit {
        Unit::Day => add_days(from, i64::from(k)),
        Unit::Week => add_days(from, 7 * i64::from(k)),
        Unit::Month => add_months(from, k),
        Unit::Year => add_months(from, 12 * k),
        _ => None,
    };
    let (first, last) = if dir < 0 {
        (shift(reference, -n)?, add_days(reference, -1)?)
    } else {
        (add_days(reference, 1)?, shift(reference, n)?)
    };
    Some(format!("{first}/{last}"))
}

/// «سنتين وثلاثة أشهر», «ساعة و30 دقيقة», «عام واحد وشهر و21 يوماً»:
/// lengths of different units joined by «و» make one duration
/// (`P2Y3M`, `PT1H30M`, `P1Y1M21D`). Not after «بين» («بين أسبوع
/// وشهر» is a range of lengths), not when a unit repeats («يومين وثلاثة
/// أيام» is a list), and whole counts only.
///
/// Before «من الآن» the lengths may also be joined by a comma or stand
/// side by side: «1 شهر، 21 يوماً من الآن», «2 سنة 1 شهر 21 يوم من
/// الآن» (elsewhere a comma or nothing between two lengths more often
/// ends a list or a clause).
fn compound(c: &Chunk<'_>, first: Found) -> Found {
    if words::prev_token(c.key, first.start).is_some_and(|p| p.s.ends_with("بين")) {
        return first;
    }
    let loose = joined_parts(c, &first, true);
    if let Some((end, _)) = &loose
        && super::around::from_now_at(c.key, *end).is_some()
    {
        return with_parts(first, loose);
    }
    let strict = joined_parts(c, &first, false);
    with_parts(first, strict)
}

/// `first` grown to the end of the lengths joined to it, with their value.
fn with_parts(first: Found, parts: Option<(usize, Vec<(f64, Unit)>)>) -> Found {
    match parts {
        Some((end, mut parts)) if parts.len() > 1 => Found {
            end,
            value: compound_value(&mut parts),
            ..first
        },
        _ => first,
    }
}

/// The lengths joined to `first` (by «و», or with `loose` also by a comma
/// or nothing): where they end, and each count and unit.
fn joined_parts(c: &Chunk<'_>, first: &Found, loose: bool) -> Option<(usize, Vec<(f64, Unit)>)> {
    let mut parts = vec![one_part(&first.value)?];
    let mut end = first.end;
    while let Some((e, n, unit)) = next_part(c, end, loose) {
        if n.fract() != 0.0 || parts.iter().any(|&(_, u)| u == unit) {
            break;
        }
        parts.push((n, unit));
        end = e;
    }
    Some((end, parts))
}

/// The count and unit of a one-unit duration value (`P3D`, `PT30M`;
/// decades and centuries are years).
fn one_part(value: &str) -> Option<(f64, Unit)> {
    let (time, body) = match value.strip_prefix("PT") {
        Some(b) => (true, b),
        None => (false, value.strip_prefix('P')?),
    };
    let (digits, unit) = body.split_at(body.len().checked_sub(1)?);
    let n: f64 = digits.parse().ok()?;
    let unit = match (time, unit) {
        (false, "Y") => Unit::Year,
        (false, "M") => Unit::Month,
        (false, "W") => Unit::Week,
        (false, "D") => Unit::Day,
        (true, "H") => Unit::Hour,
        (true, "M") => Unit::Minute,
        (true, "S") => Unit::Second,
        _ => return None,
    };
    (n.fract() == 0.0).then_some((n, unit))
}

/// The length after `end` joined by «و»: «و30 دقيقة», «وشهر», «و شهر
/// واحد»; with `loose`, also after a comma or directly («، 21 يوماً», «1
/// شهر»: counted lengths only). Returns its end, count and unit.
fn next_part(c: &Chunk<'_>, end: usize, loose: bool) -> Option<(usize, f64, Unit)> {
    let key = c.key;
    let t = next_token(key, end)?;
    let pos = if t.s == "و" {
        next_token(key, t.end)?.start
    } else if t.s.starts_with('و') {
        t.start
    } else if loose {
        let pos = if matches!(t.s, "," | "،") {
            next_token(key, t.end)?.start
        } else {
            t.start
        };
        let (_, e, n, unit) = counted(c, pos)?;
        return Some((e, n, unit));
    } else {
        return None;
    };
    if let Some((_, e, n, unit)) = length_at(c, pos) {
        return Some((e, n, unit));
    }
    // «وشهر», «و شهر واحد»: one unit, not the start of a date («وشهر
    // رمضان», «ويوم الجمعة»).
    let u = hit(key, pos).filter(|u| matches!(u.clitic, "" | "و") && !u.article)?;
    // Not «وعقد»: a contract as often as a decade.
    let Some(DateW::Unit(unit, Count::One | Count::Acc)) = date_word(&u) else {
        return None;
    };
    if matches!(unit, Unit::Decade | Unit::Century) {
        return None;
    }
    let end = one_after(key, u.end);
    let next = next_hit(key, end);
    if next.is_some_and(|n| n.entry.num.is_some() || n.entry.date.is_some())
        || next_token(key, end).is_some_and(|n| n.kind == TokKind::Digits)
    {
        return None;
    }
    Some((end, 1.0, unit))
}

/// The TIMEX3 value of lengths of several units, largest first:
/// `P1Y1M21D`, `PT1H30M`, `P1W3D`.
fn compound_value(parts: &mut [(f64, Unit)]) -> String {
    const ORDER: [(Unit, &str); 7] = [
        (Unit::Year, "Y"),
        (Unit::Month, "M"),
        (Unit::Week, "W"),
        (Unit::Day, "D"),
        (Unit::Hour, "H"),
        (Unit::Minute, "M"),
        (Unit::Second, "S"),
    ];
    let rank = |u: Unit| ORDER.iter().position(|&(o, _)| o == u).unwrap_or(0);
    parts.sort_by_key(|&(_, u)| rank(u));
    let mut value = String::from("P");
    for &(n, unit) in parts.iter() {
        if rank(unit) >= 4 && !value.contains('T') {
            value.push('T');
        }
        value.push_str(&format!("{}{}", n as i64, ORDER[rank(unit)].1));
    }
    value
}

/// `end`, extended over «واحد», «واحدة» after a unit («عام واحد»).
fn one_after(key: &str, end: usize) -> usize {
    next_token(key, end)
        .filter(|t| matches!(t.s, "واحد" | "واحده" | "واحدا"))
        .map_or(end, |t| t.end)
}

/// Prepositions and length words before a length («خلال عام واحد», «بعد
/// عقد واحد»).
const BEFORE_LENGTH: &[&str] = &[
    "في",
    "خلال",
    "بعد",
    "قبل",
    "منذ",
    "لمده",
    "مده",
    "مدته",
    "ومدته",
    "طوال",
    "طيله",
    "غضون",
    "سوي",
    "الا",
    "من",
    "عن",
    "حتي",
    "لاكثر",
    "اكثر",
    "اقل",
];

/// Words of a vague count before a plural unit: «بضع ساعات», «بضعة
/// أيام», «عدة أشهر».
const FEW: &[&str] = &["بضع", "بضعه", "عده"];

fn length_or_unit_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    // «لمدة أسبوع», «طوال شهر», «في غضون ساعة»: one unit; «يوم كامل»,
    // «ليوم كامل», «عام واحد». After «طوال», «طيلة» the span opens with
    // them, as it does before a unit with the article.
    if let Some(u) = hit(c.key, pos).filter(|u| !u.article)
        && let Some(DateW::Unit(unit, Count::One | Count::Acc)) = date_word(&u)
    {
        let prev = words::prev_token(c.key, pos);
        // «عام», «عقد» are also "public" and "contract": with «واحد»
        // after them they are lengths after a preposition or before
        // another length only («خلال عام واحد», «عاماً واحداً وشهرين»;
        // not «موقفاً عاماً واحداً», «وقع عقداً واحداً»).
        let two_senses = unit == Unit::Decade || c.key[u.start..u.end].starts_with("عام");
        let full = one_after(c.key, u.end);
        let trusted = !two_senses
            || prev.is_some_and(|p| BEFORE_LENGTH.contains(&p.s))
            || next_part(c, full, false).is_some_and(|(_, _, v)| v != unit);
        let one = if trusted { full } else { u.end };
        let whole = whole_after(c.key, u.end) != u.end;
        let after_length_word =
            prev.is_some_and(|p| matches!(p.s, "لمده" | "مده" | "طوال" | "طيله" | "غضون" | "خلال"));
        // «ساعة و30 دقيقة»: one unit before a smaller one.
        let joined = || next_part(c, one, false).is_some_and(|(_, _, v)| v != unit);
        if (u.clitic.is_empty() && (after_length_word || one != u.end || whole || joined())
            || u.clitic == "ل" && whole)
            && next_hit(c.key, one).is_none_or(|n| {
                n.entry.num.is_none() && n.entry.date.is_none() || n.clitic == "و" && joined()
            })
        {
            let start = prev
                .filter(|p| u.clitic.is_empty() && matches!(p.s, "طوال" | "طيله"))
                .map_or(u.start, |p| p.start);
            return Some(Found::new(
                start,
                one,
                duration_value(1.0, unit),
                Kind::Duration,
            ));
        }
    }
    if let Some((start, end, n, unit)) = length_at(c, pos) {
        return Some(Found::new(
            start,
            end,
            duration_value(n, unit),
            Kind::Duration,
        ));
    }
    let key = c.key;
    // «بضع ساعات», «لعدة أيام»: an unknown count (`PTXH`, `PXD`).
    if let Some(u) = hit(key, pos).filter(|u| u.clitic.is_empty() && !u.article)
        && let Some(DateW::Unit(unit, Count::Plural)) = date_word(&u)
        && !matches!(unit, Unit::Decade | Unit::Century)
        && let Some(few) = words::prev_token(key, pos)
        && let Some(word) = ["", "ل", "ب", "و"]
            .iter()
            .find_map(|cl| few.s.strip_prefix(cl).filter(|w| FEW.contains(w)))
    {
        let start = few.end - word.len();
        let value = duration_value(1.0, unit).replace('1', "X");
        return Some(Found::new(start, u.end, value, Kind::Duration));
    }
    let h = hit(key, pos).filter(|h| h.article || key[h.start..h.end] == *"اليومين")?;
    // «العامين الماضيين», «اليومين المقبلين»: two units, with the
    // direction that makes them a period (alone, «العامين» are two named
    // years as often).
    if let Some(DateW::Unit(unit, Count::Two)) = date_word(&h)
        && h.clitic.is_empty()
        && (h.article || key[h.start..h.end].starts_with("ال"))
        && let Some((end, _)) = dir_word(key, h.end)
    {
        return Some(Found::new(
            h.start,
            end,
            duration_value(2.0, unit),
            Kind::Duration,
        ));
    }
    let Some(DateW::Unit(unit, Count::Plural)) = date_word(&h) else {
        return None;
    };
    let t = next_token(key, h.end)?;
    let (v, n_end) = if t.s == "ال" {
        // «الساعات الـ24 الماضية».
        let d = next_token(key, t.end).filter(|d| d.kind == TokKind::Digits)?;
        (parse_digits(d.s).filter(|d| d.int)?.value, d.end)
    } else if t.kind == TokKind::Digits {
        // «الأشهر 3 القادمة»: digits without their article, with a
        // direction only.
        let v = parse_digits(t.s).filter(|d| d.int && d.width <= 3)?.value;
        dir_word(key, t.end)?;
        (v, t.end)
    } else {
        let n = words::word(key, Some(t)).filter(|n| n.article && n.clitic.is_empty())?;
        let v = match n.entry.num? {
            Num::Unit(u) if u >= 2 => f64::from(u),
            Num::Ten => 10.0,
            Num::Tens(t) => f64::from(t),
            _ => return None,
        };
        (v, n.end)
    };
    let end = dir_after(key, n_end);
    Some(Found::new(
        h.start,
        end,
        duration_value(v, unit),
        Kind::Duration,
    ))
}

/// The weekday a word names, with or without its article («جمعة»,
/// «الجمعة»), as ISO numbers it (Monday 1).
pub(super) fn weekday_word(w: &str) -> Option<u8> {
    Some(match w.strip_prefix("ال").unwrap_or(w) {
        "اثنين" => 1,
        "ثلاثاء" => 2,
        "اربعاء" => 3,
        "خميس" => 4,
        "جمعه" => 5,
        "سبت" => 6,
        "احد" => 7,
        _ => return None,
    })
}

/// «يومياً», «كل يوم», «كل عام», «كل ثلاثة أشهر», «كل يوم جمعة», «أيام
/// الجمعة» (on Fridays), «كل صباح» (`TMO`), «كل ليلة في الساعة 9
/// مساءً» (`T21:00`).
pub(super) fn set_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let h = hit(key, pos)?;
    match date_word(&h)? {
        DateW::Every(unit) if !h.article => Some(Found::new(
            h.start,
            h.end,
            duration_value(1.0, unit),
            Kind::Set,
        )),
        // «أيام الجمعة»: the plural before one weekday with its article.
        // Before a list it names those days once: «حددت الكلية أيام
        // الثلاثاء والأربعاء والخميس (12، 13، 14 شوال)».
        DateW::Unit(Unit::Day, Count::Plural) if !h.article && h.clitic.is_empty() => {
            let w = next_token(key, h.end).filter(|w| w.s.starts_with("ال"))?;
            let wd = weekday_word(w.s)?;
            let list = next_token(key, w.end).is_some_and(|n| {
                n.s.strip_prefix('و')
                    .is_some_and(|r| weekday_word(r).is_some())
                    || n.s == "و"
                        && next_token(key, n.end).is_some_and(|m| weekday_word(m.s).is_some())
            });
            if list {
                return None;
            }
            Some(Found::new(
                h.start,
                w.end,
                format!("XXXX-WXX-{wd}"),
                Kind::Set,
            ))
        }
        DateW::Opener(Opener::Every) if !h.article => {
            let q = after(key, h.end)?;
            // «كل صباح», «كل ليلة في الساعة 9 مساءً»: a part of every day,
            // or a time in it (read as a time after a day's part is).
            if let Some(p) = hit(key, q).filter(|p| p.clitic.is_empty() && !p.article)
                && let Some(DateW::Part(part, _)) = date_word(&p)
            {
                let any_day = Found::new(
                    h.start,
                    p.end,
                    format!("{ANY_DAY}{}", part_suffix(part)),
                    Kind::Date,
                );
                let (end, value) = match time::after_date(c, &any_day) {
                    Some(t) => (t.end, t.value),
                    None => (any_day.end, any_day.value),
                };
                return Some(Found::new(
                    h.start,
                    end,
                    value.replace(ANY_DAY, ""),
                    Kind::Set,
                ));
            }
            if let Some(u) = hit(key, q).filter(|u| u.clitic.is_empty() && !u.article)
                && let Some(DateW::Unit(unit, Count::One)) = date_word(&u)
            {
                // «كل يوم جمعة», «كل يوم الجمعة».
                if unit == Unit::Day
                    && let Some(w) = next_token(key, u.end)
                    && let Some(wd) = weekday_word(w.s)
                {
                    return Some(Found::new(
                        h.start,
                        w.end,
                        format!("XXXX-WXX-{wd}"),
                        Kind::Set,
                    ));
                }
                // «كل يوم في الساعة 4 مساءً»: a time every day.
                if unit == Unit::Day {
                    let any_day = Found::new(h.start, u.end, ANY_DAY.to_owned(), Kind::Date);
                    if let Some(t) = time::after_date(c, &any_day)
                        .filter(|t| t.value.starts_with(ANY_DAY) && !t.value.contains('/'))
                    {
                        let value = t.value.replace(ANY_DAY, "");
                        return Some(Found::new(h.start, t.end, value, Kind::Set));
                    }
                }
                return Some(Found::new(
                    h.start,
                    u.end,
                    duration_value(1.0, unit),
                    Kind::Set,
                ));
            }
            let (_, end, n, unit) = length_at(c, q)?;
            Some(Found::new(h.start, end, duration_value(n, unit), Kind::Set))
        }
        _ => None,
    }
}

/// A day not named, for reading a time the way one is read after a day
/// (`XXXX-XX-XXT21:00`), then dropped from the value.
const ANY_DAY: &str = "XXXX-XX-XX";

/// «بعد ظهر كل يوم» (`TAF`), «صباح كل يوم» (`TMO`), «بعد ظهر كل يوم في
/// الساعة 4 مساءً» (`T16:00`): a part of the day, without its article,
/// before «كل يوم»; the time of every day, where one follows, wins.
pub(super) fn part_of_every_day(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let t = token_at(key, pos)?;
    let (part, end) = if t.s == "بعد" {
        let z = next_token(key, t.end).filter(|z| matches!(z.s, "ظهر" | "الظهر"))?;
        (DayPart::Afternoon, z.end)
    } else {
        // Not «الظهر» («طعنه في الظهر كل يوم»: the back).
        let w = hit(key, pos).filter(|w| {
            w.clitic.is_empty() && !w.article && !key[w.start..w.end].starts_with("ال")
        })?;
        match date_word(&w)? {
            DateW::Part(p, _) => (p, w.end),
            _ => return None,
        }
    };
    let every = next_token(key, end).filter(|k| k.s == "كل")?;
    let day = next_token(key, every.end).filter(|d| d.s == "يوم")?;
    // The part goes to the time after it, as after a day's part.
    let any_day = Found::new(
        t.start,
        day.end,
        format!("{ANY_DAY}{}", part_suffix(part)),
        Kind::Date,
    );
    let (end, value) = match time::after_date(c, &any_day).filter(|f| !f.value.contains('/')) {
        Some(f) => (f.end, f.value),
        None => (any_day.end, any_day.value),
    };
    Some(Found::new(
        t.start,
        end,
        value.replace(ANY_DAY, ""),
        Kind::Set,
    ))
}

/// A time of day with a set after it: «الساعة 3 مساءً كل يوم»
/// (`T15:00`), «الساعة 9 صباحاً كل يوم أحد», «الساعة 9 صباحاً أيام
/// الاثنين» (`XXXX-WXX-1T09:00`), «8 صباحاً يومياً». `time` is the time
/// found; it must not name its day («الساعة 8 مساء الأحد كل أسبوع» is no
/// such set), so its value is the time alone or on the reference day.
pub(super) fn time_then_set(c: &Chunk<'_>, time: &Found) -> Option<Found> {
    if time.kind != Kind::Time {
        return None;
    }
    let (day, clock) = time.value.split_once('T')?;
    let on_reference = day.is_empty() || c.ref_date.is_some_and(|r| r.to_string() == day);
    if !on_reference || !clock.contains(':') || clock.contains('/') {
        return None;
    }
    let set = set_at(c, after(c.key, time.end)?)?;
    let value = match set.value.as_str() {
        "P1D" => format!("T{clock}"),
        v if v.starts_with("XXXX-WXX-") && v.len() == 10 => format!("{v}T{clock}"),
        _ => return None,
    };
    Some(Found::new(time.start, set.end, value, Kind::Set))
}

/// «القليلة», «العديدة»: few, several (key spellings).
const FEW_AFTER: &[&str] = &["القليله", "العديده"];

/// A plural unit with the article, «القليلة» or «العديدة» and a direction:
/// «الأيام القليلة الماضية», «الساعات القليلة المقبلة», «الأسابيع العديدة
/// الماضية». A length of an unknown count (`PXD`, `PTXH`), as «بضعة أيام»
/// is, and as «الأيام الثلاثة الماضية» is `P3D`.
pub(super) fn few_units(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let h = hit(key, pos).filter(|h| h.article)?;
    let Some(DateW::Unit(unit, Count::Plural)) = date_word(&h) else {
        return None;
    };
    let value = match unit {
        Unit::Minute => "PTXM",
        Unit::Hour => "PTXH",
        Unit::Day => "PXD",
        Unit::Week => "PXW",
        Unit::Month => "PXM",
        Unit::Year => "PXY",
        _ => return None,
    };
    let few = next_token(key, h.end).filter(|t| FEW_AFTER.contains(&t.s))?;
    let dir = next_hit(key, few.end)
        .filter(|d| d.clitic.is_empty() && matches!(date_word(d), Some(DateW::Dir(-1 | 1))))?;
    Some(Found::new(
        h.start,
        dir.end,
        value.to_owned(),
        Kind::Duration,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration_value(12.0, Unit::Year), "P12Y");
        assert_eq!(duration_value(5.0, Unit::Minute), "PT5M");
        assert_eq!(duration_value(0.5, Unit::Hour), "PT30M");
        assert_eq!(duration_value(1.5, Unit::Hour), "PT90M");
        assert_eq!(duration_value(3.0, Unit::Decade), "P30Y");
        assert_eq!(one_part("PT30M"), Some((30.0, Unit::Minute)));
        assert_eq!(one_part("P2W"), Some((2.0, Unit::Week)));
        assert_eq!(one_part("P1.5Y"), None);
        let mut parts = [(21.0, Unit::Day), (1.0, Unit::Year), (30.0, Unit::Minute)];
        assert_eq!(compound_value(&mut parts), "P1Y21DT30M");
    }

    #[test]
    fn a_time_or_a_part_of_every_day() {
        super::super::check_dates(&[
            (
                "يصل القطار كل يوم في الساعة 7 صباحاً",
                None,
                "كل يوم في الساعة 7 صباحا",
                "T07:00",
            ),
            ("تمارس الرياضة صباح كل يوم", None, "صباح كل يوم", "TMO"),
            (
                "تفتح السوق بعد ظهر كل يوم عند الساعة 3",
                None,
                "بعد ظهر كل يوم عند الساعة 3",
                "T15:00",
            ),
            ("يسهر مساء كل يوم", None, "مساء كل يوم", "TEV"),
        ]);
        let got = super::super::dates_in("طعنه في الظهر كل يوم", None);
        assert_eq!(got, vec![("كل يوم".to_owned(), "P1D".to_owned())]);
    }

    #[test]
    fn counted_periods() {
        let r = Some("2021-03-12");
        super::super::check_dates(&[
            (
                "قتل خمسة أشخاص خلال الأيام الثلاثة الماضية",
                r,
                "الايام الثلاثة الماضية",
                "2021-03-09/2021-03-11",
            ),
            (
                "تتوقع الوزارة أمطاراً في اليومين المقبلين",
                r,
                "اليومين المقبلين",
                "2021-03-13/2021-03-14",
            ),
            (
                "تضاعف العجز في العامين الماضيين",
                r,
                "العامين الماضيين",
                "2019-03-12/2021-03-11",
            ),
            (
                "ارتفعت الأسعار في آخر 3 سنوات",
                r,
                "اخر 3 سنوات",
                "2018-03-12/2021-03-11",
            ),
            (
                "تغير المشهد السياسي في العقدين الماضيين",
                r,
                "العقدين الماضيين",
                "200X/201X",
            ),
            (
                "تنفذ الخطة في الثلاثة عقود القادمة",
                r,
                "الثلاثة عقود القادمة",
                "203X/205X",
            ),
            (
                "ارتفعت الأسعار خلال السنوات العشر الأخيرة",
                r,
                "السنوات العشر الاخيرة",
                "2011-03-12/2021-03-11",
            ),
            (
                "تراجعت المبيعات في الأشهر الستة الأخيرة",
                r,
                "الاشهر الستة الاخيرة",
                "2020-09-12/2021-03-11",
            ),
            (
                "تبدأ المفاوضات خلال الأسابيع 2 المقبلة",
                r,
                "الاسابيع 2 المقبلة",
                "2021-03-13/2021-03-26",
            ),
        ]);
        // No direction, or no reference date, or hours: a length.
        super::super::check_dates(&[
            ("سيعود خلال 3 أيام", r, "3 ايام", "P3D"),
            (
                "خلال السنوات الخمس الماضية",
                None,
                "السنوات الخمس الماضية",
                "P5Y",
            ),
            (
                "خلال الساعات الـ24 الماضية",
                r,
                "الساعات ال24 الماضية",
                "PT24H",
            ),
            // The last ones of another period.
            (
                "يعتكف المصلون في الأيام العشرة الأخيرة من رمضان",
                r,
                "الايام العشرة",
                "P10D",
            ),
        ]);
        // The two days alone are no date.
        assert!(super::super::dates_in("قضى اليومين في المستشفى", r).is_empty());
    }

    #[test]
    fn whole_units() {
        super::super::check_dates(&[
            ("بقي المعبر مغلقاً طوال اليوم", None, "طوال اليوم", "P1D"),
            ("تستمر الحملة طيلة الشهر", None, "طيلة الشهر", "P1M"),
            ("ارتفعت الأسعار طوال العام", None, "طوال العام", "P1Y"),
            ("انتظر يوماً كاملاً", None, "يوما كاملا", "P1D"),
            ("توقف العمل لمدة أسبوع كامل", None, "اسبوع كامل", "P1W"),
            (
                "استمر الحصار ثلاثة أشهر كاملة",
                None,
                "ثلاثة اشهر كاملة",
                "P3M",
            ),
        ]);
        // The unit with its own date stays that date.
        let got = super::super::dates_in("ارتفعت الأسعار طوال العام الماضي", Some("2021-03-12"));
        assert_eq!(got, vec![("العام الماضي".to_owned(), "2020".to_owned())]);
        assert!(super::super::dates_in("يستمر البرنامج طوال العام الدراسي", None).is_empty());
    }

    #[test]
    fn compound_and_vague_lengths() {
        super::super::check_dates(&[
            (
                "أمضى في السجن سنتين وثلاثة أشهر",
                None,
                "سنتين وثلاثة اشهر",
                "P2Y3M",
            ),
            (
                "استغرقت العملية ساعة و45 دقيقة",
                None,
                "ساعة و45 دقيقة",
                "PT1H45M",
            ),
            (
                "بقي هناك عاماً واحداً وشهرين",
                None,
                "عاما واحدا وشهرين",
                "P1Y2M",
            ),
            ("توقف البث 4 أيام و شهراً", None, "4 ايام و شهرا", "P1M4D"),
            ("غاب عن المنزل لبضعة أيام", None, "بضعة ايام", "PXD"),
            ("تأجل الاجتماع عدة ساعات", None, "عدة ساعات", "PTXH"),
            ("انقطعت الكهرباء طوال أسبوع", None, "طوال اسبوع", "P1W"),
            ("سافر ليوم كامل", None, "يوم كامل", "P1D"),
            ("انتظر ربع الساعة", None, "ربع الساعة", "PT15M"),
            ("نام 8 الساعات", None, "8 الساعات", "PT8H"),
        ]);
        // A range of lengths, a list of the same unit, a unit before a
        // date: no compound.
        for text in [
            "تتراوح المدة بين أسبوع وشهر",
            "تستغرق الرحلة يومين وثلاثة أيام",
            "صام ثلاثة أيام وشهر رمضان",
            "وقع لمدة 3 سنوات وعقد شراكة",
        ] {
            let got = super::super::dates_in(text, None);
            assert!(
                got.iter()
                    .all(|(_, v)| one_part(v).is_some() || !v.starts_with('P')),
                "{text}: {got:?}"
            );
        }
        // «عام», «عقد» with «واحد» after a noun are "public", "contract".
        super::super::check_no_dates(&["صار موقفاً عاماً واحداً", "وقع عقداً واحداً"], None);
        assert!(
            super::super::dates_in("أنجز خلال عام واحد", None)
                .contains(&("عام واحد".to_owned(), "P1Y".to_owned()))
        );
        // After digits a singular unit with the article is a year and a time.
        assert!(
            super::super::dates_in("في 2013 الساعة الخامسة", None)
                .iter()
                .all(|(_, v)| !v.starts_with('P'))
        );
    }

    #[test]
    fn sets_of_days_and_times() {
        let r = Some("2021-03-12");
        super::super::check_dates(&[
            ("تفتح المكتبة أيام السبت", None, "ايام السبت", "XXXX-WXX-6"),
            ("تقصف المدينة كل ليلة", None, "كل ليلة", "TNI"),
            ("يصلي كل فجر", None, "كل فجر", "TMO"),
            (
                "تنطلق الحافلة كل صباح في الساعة 6",
                None,
                "كل صباح في الساعة 6",
                "T06:00",
            ),
            ("يرن الجرس كل مساء في 8", None, "كل مساء في 8", "T20:00"),
            // A time with a set after it recurs: no day of its own.
            (
                "يصل القطار الساعة 7 صباحاً كل يوم",
                r,
                "الساعة 7 صباحا كل يوم",
                "T07:00",
            ),
            (
                "يجتمع المجلس الساعة 10 صباحاً كل يوم خميس",
                r,
                "الساعة 10 صباحا كل يوم خميس",
                "XXXX-WXX-4T10:00",
            ),
            (
                "يجتمع المجلس الساعة 10 صباحاً أيام الخميس",
                None,
                "الساعة 10 صباحا ايام الخميس",
                "XXXX-WXX-4T10:00",
            ),
        ]);
        // Before a list, «أيام» names those days once.
        let got = super::super::dates_in("حددت الكلية أيام الثلاثاء والأربعاء", None);
        assert!(got.iter().all(|(_, v)| !v.is_empty()) && got[0].0 == "الثلاثاء");
    }

    #[test]
    fn a_few_units_past_or_next() {
        use super::super::{check_dates, check_no_dates};
        check_dates(&[
            (
                "تصاعد القتال خلال الأيام القليلة الماضية",
                None,
                "الايام القليلة الماضية",
                "PXD",
            ),
            (
                "ستتضح الصورة في الساعات القليلة المقبلة",
                None,
                "الساعات القليلة المقبلة",
                "PTXH",
            ),
            (
                "تراجعت الأسعار في الأشهر العديدة الماضية",
                None,
                "الاشهر العديدة الماضية",
                "PXM",
            ),
        ]);
        check_no_dates(
            &["زار الأيام القليلة التي قضاها هناك", "في السنوات القليلة"],
            None,
        );
    }
}
