//! Numbers written in digits, and what their shape says around them.
//!
//! - Letters glued before the digits: proclitics stay outside («و3»), the
//!   article makes an ordinal («الـ15», written ال15 once tatweel is gone)
//!   or a definite cardinal («حاجز الـ100 ألف»), anything else makes a
//!   name («F16», «كوفيد-19»); Latin letters glued after make one too
//!   («5G»).
//! - A decimal point with no digit before it: «.5», «٫٥».
//! - Thousands grouped by single spaces («1 234 567», «40 000») or, in some
//!   wires, reversed around a reh («000ر22» = 22 000).
//! - Proper fractions with a slash («3/4», «1/2 كوب») where they are no
//!   date, score or case number, and mixed numbers («2 1/4», «-١ ٤/٥»).

use super::Parsed;
use super::cardinal::{cardinal, percent_after};
use super::words::{
    self, Digits, Num, Tok, TokKind, next_token, parse_digits, prev_token, token_at,
};
use crate::doc::Kind;

/// A number written in digits at token `t`, with what follows it (scales,
/// percent signs).
pub(super) fn digits_number(key: &str, t: Tok<'_>) -> Option<Parsed> {
    // Letters glued before the digits: proclitics stay outside, the article
    // (الـ15, written ال15 once tatweel is gone) makes an ordinal, anything
    // else makes a name (F16).
    let before = &key[..t.start];
    let glued_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| words::is_letter(c))
        .last()
        .map(|(i, _)| i);
    let prefix = glued_start.map_or("", |i| &before[i..]);
    let article = |p: &str| {
        p.strip_suffix("ال")
            .is_some_and(|c| c.is_empty() || matches!(c, "و" | "ف" | "ب" | "ك" | "وب" | "فب"))
    };
    let spaced_article = || {
        prev_token(key, t.start)
            .filter(|p| p.end < t.start && p.kind == TokKind::Word && article(p.s))
            .map(|p| p.end - "ال".len())
    };
    let ordinal_start = if prefix.is_empty() {
        spaced_article()
    } else if article(prefix) {
        Some(t.start - "ال".len())
    } else if matches!(
        prefix,
        "و" | "ف" | "ب" | "ل" | "ك" | "وب" | "ول" | "وك" | "فب" | "فل"
    ) {
        None
    } else {
        return None;
    };
    // A model number: كوفيد-19, إف-16.
    if prefix.is_empty() && before.ends_with('-') {
        let b = &before[..before.len() - 1];
        if b.chars().next_back().is_some_and(words::is_letter) {
            return None;
        }
    }
    if let Some(start) = ordinal_start {
        let d = parse_digits(t.s)?;
        // «حاجز الـ100 ألف»: a cardinal with the article.
        if let Some(p) = cardinal(key, t.start).filter(|p| p.end > t.end) {
            return Some(Parsed { start, ..p });
        }
        // «الـ50%» is a percentage with the article.
        if let Some(end) = percent_after(key, t.end) {
            return Some(Parsed {
                start,
                end,
                value: d.value,
                int: d.int,
                kind: Kind::Percent,
            });
        }
        return d.int.then_some(Parsed {
            start,
            end: t.end,
            value: d.value,
            int: true,
            kind: Kind::Ordinal,
        });
    }
    // «.5», «٫٥»: a decimal point with no digit before it.
    if prefix.is_empty()
        && let Some(b) = before.strip_suffix('.')
        && b.chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || c == '(')
        && t.s.bytes().all(|b| b.is_ascii_digit())
    {
        let value: f64 = format!("0.{}", t.s).parse().ok()?;
        return Some(Parsed {
            start: t.start - 1,
            end: t.end,
            value,
            int: false,
            kind: Kind::Fraction,
        });
    }
    if let Some(f) = slash_fraction(key, t) {
        return Some(f);
    }
    let p = cardinal(key, t.start)?;
    if let Some(m) = mixed_fraction(key, &p) {
        return Some(m);
    }
    // «5G», «4K», «3D»: Latin letters glued after make a name, too.
    let glued = &key[p.end..p.end + words::letter_run(&key[p.end..])];
    if glued.bytes().any(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    Some(p)
}

/// Words before a score («بنتيجة 1/2»), where a slash is no fraction.
const SCORE_WORDS: &[&str] = &[
    "نتيجه",
    "بنتيجه",
    "النتيجه",
    "التعادل",
    "تعادل",
    "فوز",
    "فوزه",
    "خسر",
    "هزيمه",
    "الفوز",
];

/// «3/4», «1/2 كوب»: a proper fraction written with a slash (numerator
/// below a denominator of at most 10), where it is a number: not a date
/// («الأربعاء 28/9» is read by the date finder and wins), not a score
/// after «بنتيجة», «التعادل» …, not a case number («رقم 1/2»), and
/// followed by a word or the end of the text, not by more digits.
fn slash_fraction(key: &str, t: Tok<'_>) -> Option<Parsed> {
    let a = parse_digits(t.s).filter(|d| d.int && d.width <= 2)?;
    let slash = token_at(key, t.end).filter(|s| s.s == "/")?;
    let b_tok = token_at(key, slash.end).filter(|b| b.kind == TokKind::Digits)?;
    let b = parse_digits(b_tok.s).filter(|d| d.int && d.width <= 2)?;
    if !(a.value >= 1.0 && a.value < b.value && b.value <= 10.0) {
        return None;
    }
    if next_token(key, b_tok.end).is_some_and(|n| n.kind != TokKind::Word) {
        return None;
    }
    if key[b_tok.end..].starts_with(|c: char| c == '/' || c.is_ascii_digit()) {
        return None;
    }
    let mut p = t.start;
    for _ in 0..3 {
        let Some(prev) = prev_token(key, p) else {
            break;
        };
        if SCORE_WORDS.contains(&prev.s) || matches!(prev.s, "رقم" | "برقم" | "الرقم") {
            return None;
        }
        p = prev.start;
    }
    Some(Parsed {
        start: t.start,
        end: b_tok.end,
        value: a.value / b.value,
        int: false,
        kind: Kind::Fraction,
    })
}

/// «2 1/4», «-١ ٤/٥»: a whole number of at most three digits, one space,
/// and a proper fraction with a slash (see [`slash_fraction`]) make one
/// mixed number.
fn mixed_fraction(key: &str, p: &Parsed) -> Option<Parsed> {
    if p.kind != Kind::Cardinal || !p.int || p.end - p.start > 3 {
        return None;
    }
    let f = key[p.end..]
        .strip_prefix(' ')
        .and_then(|_| token_at(key, p.end + 1))
        .filter(|f| f.kind == TokKind::Digits)
        .and_then(|f| slash_fraction(key, f))?;
    Some(Parsed {
        end: f.end,
        value: p.value + f.value,
        int: false,
        kind: Kind::Fraction,
        ..*p
    })
}

/// «000ر22», «500ر1 ريال»: three digits before a reh and no scale word
/// after the number are thousands (22 000, 1 500); with a scale word they
/// are decimals («935ر6 مليون» = 6.935 million, read by [`parse_digits`]).
pub(super) fn reh_thousands(key: &str, t: Tok<'_>) -> Option<Digits> {
    let (low, high) = t.s.split_once(words::REH)?;
    if low.len() != 3 {
        return None;
    }
    let scale = next_token(key, t.end)
        .and_then(|n| words::lookup(key, n.start, n.end))
        .is_some_and(|h| matches!(h.entry.num, Some(Num::Scale(..))));
    (!scale).then(|| Digits {
        value: f64::from(high.parse::<u32>().unwrap_or(0)) * 1000.0
            + f64::from(low.parse::<u32>().unwrap_or(0)),
        int: true,
        width: high.len() + 3,
    })
}

/// «1 234 567», «40 000»: thousands grouped by single spaces (a head of
/// one to three digits, then groups of exactly three). `None` unless at
/// least one group follows the head.
pub(super) fn spaced_groups(key: &str, t: Tok<'_>) -> Option<(usize, Digits)> {
    if t.s.len() > 3 || !t.s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Not a group itself: «2015 100» is no head.
    if prev_token(key, t.start).is_some_and(|p| p.kind == TokKind::Digits) {
        return None;
    }
    let mut end = t.end;
    let mut digits = t.s.to_owned();
    let mut frac = None;
    while let Some(g) = key[end..]
        .strip_prefix(' ')
        .and_then(|rest| token_at(rest, 0))
        .filter(|g| g.kind == TokKind::Digits)
    {
        // «567», or «567.89» closing the number with its decimals.
        let (int_part, dec) =
            g.s.split_once('.')
                .map_or((g.s, None), |(i, d)| (i, Some(d)));
        if int_part.len() != 3 || !int_part.bytes().all(|b| b.is_ascii_digit()) {
            break;
        }
        if dec.is_some_and(|d| !d.bytes().all(|b| b.is_ascii_digit())) {
            break;
        }
        digits.push_str(int_part);
        end += 1 + g.end;
        if let Some(d) = dec {
            frac = Some(d.to_owned());
            break;
        }
    }
    if end == t.end || digits.len() > 15 {
        return None;
    }
    let text = match &frac {
        Some(f) => format!("{digits}.{f}"),
        None => digits.clone(),
    };
    Some((
        end,
        Digits {
            value: text.parse().ok()?,
            int: frac.is_none(),
            width: digits.len(),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::numbers::tests::{all, check_firsts, first};

    #[test]
    fn reversed_numbers_with_reh_trillions_and_finals() {
        use Kind::*;
        check_firsts(&[
            (
                "إلى 935ر6 مليون برميل",
                "935ر6 مليون",
                6_935_000.0,
                Cardinal,
            ),
            (
                "مقابل 5ر32 مليون جنيه",
                "5ر32 مليون",
                32_500_000.0,
                Cardinal,
            ),
            ("بنسبة 63ر54 بالمائة", "63ر54 بالمائة", 54.63, Percent),
            ("ما يزيد على (000ر22) مسلم", "000ر22", 22_000.0, Cardinal),
            ("بلغ 2.5 ترليون ريال", "2.5 ترليون", 2.5e12, Cardinal),
        ]);
        for text in [
            "تأهل إلى نصف النهائي",
            "خرج من ربع النهائي",
            "في الدور نصف النهائي",
        ] {
            assert!(all(text).is_empty(), "{text}: {:?}", all(text));
        }
        // The reh of a word is no separator: «5 رجال».
        assert_eq!(first("وصل 5 رجال").map(|g| g.1), Some(5.0));
    }

    #[test]
    fn slashes_that_are_no_fractions() {
        for text in ["فاز بنتيجة 1/2 أمس", "القضية رقم 1/2 مؤجلة", "تعادل 2/2"]
        {
            let got = first(text);
            assert!(
                got.as_ref().is_some_and(|(_, v, _)| *v >= 1.0),
                "{text}: {got:?}"
            );
        }
    }
}
