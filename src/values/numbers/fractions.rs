//! Fractions written as one number over another.
//!
//! - With «على» ("over") or «جزء/أجزاء من» ("parts of"): «واحد على ثلاثة»,
//!   «1 على 20», «ثلاثة أجزاء من عشرة».
//! - «واحد من مئة», «جزء من مليون»: one in a round hundred or more.
//! - «مئة وخمسة وعشرون جزء من مئة» (100.25): hundredths after a whole
//!   number in words.
//!
//! Fraction words themselves («نصف», «ثلاثة أرباع») are read by the
//! cardinal grammar ([`cardinal`](mod@super::cardinal)), slash fractions
//! («3/4») with the [`digits`](super::digits).

use super::Parsed;
use super::cardinal::cardinal;
use super::words::{TokKind, next_token, prev_token};
use crate::doc::Kind;

/// «واحد على ثلاثة», «1 على 20», «ثلاثة أجزاء من عشرة», «واحد جزء من
/// مئة»: a fraction written as a whole number over a larger one, with
/// «على» ("over") or «جزء/أجزاء من» ("parts of"). Only a proper fraction:
/// a larger or equal number first is something else in news («عثر في 2010
/// على 1300 كيلوغرام», a grade «5 على 5»), and «جزء من» without a count
/// before it is "a part of" («جزء من 100 مليون دولار»).
pub(super) fn over(key: &str, p: Parsed) -> Parsed {
    over_fraction(key, &p).unwrap_or(p)
}

fn over_fraction(key: &str, p: &Parsed) -> Option<Parsed> {
    if p.kind != Kind::Cardinal || !p.int || p.value < 1.0 {
        return None;
    }
    let t = next_token(key, p.end)?;
    let digits = |a: usize, b: usize| key[a..b].bytes().any(|c| c.is_ascii_digit());
    let q = match t.s {
        // «90 على 120» in digits is a reading (blood pressure, a grade)
        // unless it is one over something.
        "علي" if p.value == 1.0 || !digits(p.start, p.end) => next_token(key, t.end)?,
        "جزء" | "اجزاء" => {
            let of = next_token(key, t.end).filter(|o| o.s == "من")?;
            next_token(key, of.end)?
        }
        // Not «واحد من كل خمسة» (one in every five): «كل» is no number,
        // and fixtures/numbers.tsv keeps its two numbers.
        "من" if !digits(p.start, p.end) => next_token(key, t.end)?,
        _ => return None,
    };
    let d = cardinal(key, q.start)
        .filter(|d| d.kind == Kind::Cardinal && d.int && d.start == q.start)?;
    if t.s == "علي" && p.value != 1.0 && digits(d.start, d.end) {
        return None;
    }
    if t.s == "من" && (digits(d.start, d.end) || !one_in(key, &d)) {
        return None;
    }
    if d.value <= p.value {
        // «مئة أجزاء من خمسة وثلاثين»: parts counted in words may pass
        // the whole.
        if t.s == "اجزاء" && !digits(p.start, d.end) {
            return Some(Parsed {
                end: d.end,
                value: p.value / d.value,
                int: false,
                kind: Kind::Fraction,
                ..*p
            });
        }
        return hundredths(key, p, t.s, &d);
    }
    Some(Parsed {
        end: d.end,
        value: p.value / d.value,
        int: false,
        kind: Kind::Fraction,
        ..*p
    })
}

/// «مائتان وثلاثة جزء من مائة» (200.03), «مئة وخمسة وعشرون جزء من
/// مئة» (100.25): a whole number in words whose last part, after «و», counts
/// parts of a power of ten; that part is the decimals.
fn hundredths(key: &str, p: &Parsed, part: &str, d: &Parsed) -> Option<Parsed> {
    if part != "جزء" || key[p.start..p.end].bytes().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let parts = p.value % d.value;
    if parts == 0.0 || !power_of_ten(d.value) || !key[p.start..p.end].contains(" و") {
        return None;
    }
    Some(Parsed {
        end: d.end,
        value: p.value - parts + parts / d.value,
        int: false,
        ..*p
    })
}

/// 10, 100, 1000, …
pub(super) fn power_of_ten(v: f64) -> bool {
    let mut v = v;
    while v >= 10.0 && v % 10.0 == 0.0 {
        v /= 10.0;
    }
    v == 1.0
}

/// «واحد من مئة», «جزء من مليون», «اثنان من ثلاثة.»: after «من» a
/// number in words is a denominator when it is a round hundred or more
/// (one in a hundred, in a million), or when it ends the clause. Before a
/// counted noun or another «من» it is the whole a thing is one of:
/// «واحدة من أربعة أعوام», «واحد من اثنين من المتهمين».
fn one_in(key: &str, d: &Parsed) -> bool {
    let round = d.value >= 100.0 && power_of_ten(d.value);
    round || next_token(key, d.end).is_none_or(|n| n.kind == TokKind::Punct && n.s != "%")
}

/// «جزء من مئة», «جزء من مليون»: a part of a number in words with no count
/// before «جزء» is one such part, under the same condition as «واحد من»
/// ([`one_in`]).
pub(super) fn part_of(key: &str, p: &Parsed) -> Option<Parsed> {
    if p.kind != Kind::Cardinal || !p.int || p.value < 2.0 {
        return None;
    }
    if key[p.start..p.end].bytes().any(|c| c.is_ascii_digit()) || !one_in(key, p) {
        return None;
    }
    let of = prev_token(key, p.start).filter(|o| o.s == "من")?;
    let part = prev_token(key, of.start).filter(|t| t.s == "جزء")?;
    // «ثلاثة أجزاء من عشرة», «واحد جزء من مئة» are read from their count.
    if prev_token(key, part.start).is_some_and(|c| cardinal(key, c.start).is_some()) {
        return None;
    }
    Some(Parsed {
        start: part.start,
        value: 1.0 / p.value,
        int: false,
        kind: Kind::Fraction,
        ..*p
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::numbers::tests::{all, check_firsts, first};

    #[test]
    fn fractions_over_and_parts_of() {
        use Kind::*;
        check_firsts(&[
            ("واحد على ثلاثة", "واحد على ثلاثة", 1.0 / 3.0, Fraction),
            ("أصيب 1 على 20 من السكان", "1 على 20", 0.05, Fraction),
            ("ثلاثة أجزاء من عشرة", "ثلاثة اجزاء من عشرة", 0.3, Fraction),
            ("واحد جزء من مئة", "واحد جزء من مئة", 0.01, Fraction),
        ]);
        // Larger or equal first, or «جزء من» without a count: no fraction.
        for (text, want) in [
            ("عثر في 2010 على 1300 كيلوغرام", 2010.0),
            ("حصل الطالب على 5 على 5", 5.0),
            ("سكر الدم 90 على 120", 90.0),
            ("جزء من 100 مليون دولار", 100_000_000.0),
        ] {
            let got = first(text);
            assert_eq!(got.as_ref().map(|g| g.1), Some(want), "{text}: {got:?}");
        }
    }

    #[test]
    fn one_in_fifths_mixed_numbers_and_rates() {
        use Kind::*;
        check_firsts(&[
            ("واحد من ألف", "واحد من الف", 0.001, Fraction),
            ("فرصة واحد من مليون", "واحد من مليون", 1e-6, Fraction),
            ("فاز اثنان من خمسة.", "اثنان من خمسة", 0.4, Fraction),
            ("احتمال جزء من مليون", "جزء من مليون", 1e-6, Fraction),
            ("أنفق خمس الميزانية", "خمس", 0.2, Fraction),
            ("شرب أربعون أعشار اللتر", "اربعون اعشار", 4.0, Fraction),
            ("خمسة وعشرون خمس", "خمسة وعشرون خمس", 5.0, Fraction),
            ("مائتان وثلاثون أخماس", "مائتان وثلاثون اخماس", 46.0, Fraction),
            ("قطع 3 1/2 كيلومتر", "3 1/2", 3.5, Fraction),
            ("انخفضت إلى -٢ ١/٢ درجة", "-2 1/2", -2.5, Fraction),
            ("خمسمائة ودستة", "خمسمائة ودستة", 512.0, Cardinal),
            ("ارتفع بنسبة 12 خلال العام", "نسبة 12", 12.0, Percent),
            ("نسبة خمسة وثلاثين", "نسبة خمسة وثلاثين", 35.0, Percent),
            ("الذكرى المئة والخامسة", "المئة والخامسة", 105.0, Ordinal),
            ("دفع ألف مليون دولار", "الف مليون", 1e9, Cardinal),
            (
                "مئة وخمسة وعشرون جزء من مئة",
                "مئة وخمسة وعشرون جزء من مئة",
                100.25,
                Cardinal,
            ),
            (
                "ثلاثة فاصلة خمسة من مئة",
                "ثلاثة فاصلة خمسة من مئة",
                3.05,
                Cardinal,
            ),
            ("أعطاه 4 مئة و 50", "4 مئة و 50", 450.0, Cardinal),
            ("دفع 7 آلاف 2 مئة و 15", "7 الاف 2 مئة و 15", 7215.0, Cardinal),
            (
                "مئتان وعشرون وخمسين",
                "مئتان وعشرون وخمسين",
                220.4,
                Cardinal,
            ),
            (
                "ثمانية أجزاء من خمسة",
                "ثمانية اجزاء من خمسة",
                1.6,
                Fraction,
            ),
            (
                "أربعة آلاف وثلاثمئة وصفر",
                "اربعة الاف وثلاثمئة",
                4300.0,
                Cardinal,
            ),
        ]);
        // One of a counted whole, five before a plural of time, a ratio,
        // hundreds after a thousand: no fraction, no percentage.
        for (text, want) in [
            ("واحدة من أربعة أعوام", 1.0),
            ("واحد من اثنين من المتهمين", 1.0),
            ("خلال خمس السنوات الماضية", 5.0),
            ("فاز القرار بنسبة 2 إلى 1", 2.0),
            ("بين ثلاثين وخمسين", 30.0),
        ] {
            let got = first(text);
            assert_eq!(
                got.as_ref().map(|g| (g.1, g.2)),
                Some((want, Cardinal)),
                "{text}: {got:?}"
            );
        }
        assert_eq!(first("من ألف إلى ألف خمس مئة").map(|g| g.1), Some(1000.0));
        assert!(all("من ألف إلى ألف خمس مئة").contains(&"خمس مئة".to_owned()));
        assert!(all("أي واحد تفضل؟").is_empty());
    }
}
