//! Cardinals: the word grammar, decimals, percentages and signs.
//!
//! A cardinal is a run of elements (digits or number words, see the
//! [module docs](super)): «ثلاث مئة وخمسة وعشرون» = 325, «أربعة ملايين
//! ومئتا ألف» = 4 200 000, «40 ألفاً». This file also reads the decimals
//! written with «فاصلة» («ثلاثة فاصلة خمسة» = 3.5), the percent after a
//! number («15%», «خمسة في المئة», «بنسبة 10»), and a sign before it
//! («-3.5», «سالب خمسة»).

use super::Parsed;
use super::digits::{reh_thousands, spaced_groups};
use super::fractions::power_of_ten;
use super::words::{
    self, Count, Digits, Num, TokKind, next_token, parse_digits, prev_token, token_at,
};
use crate::doc::Kind;

/// One element of a number: digits or a number word, maybe after «و».
#[derive(Clone, Copy, Debug)]
pub(super) struct Elem {
    /// Where the span would start (after proclitics).
    pub(super) start: usize,
    pub(super) end: usize,
    /// Joined to what comes before by «و».
    pub(super) conj: bool,
    pub(super) article: bool,
    pub(super) what: What,
}

#[derive(Clone, Copy, Debug)]
pub(super) enum What {
    Digits(Digits),
    Word(Num),
}

/// Reads the element whose token starts at `pos`.
pub(super) fn elem(key: &str, pos: usize) -> Option<Elem> {
    let t = token_at(key, pos)?;
    match t.kind {
        TokKind::Digits => {
            let (end, digits) = match spaced_groups(key, t) {
                Some(g) => g,
                None => (t.end, reh_thousands(key, t).or_else(|| parse_digits(t.s))?),
            };
            Some(Elem {
                start: t.start,
                end,
                conj: false,
                article: false,
                what: What::Digits(digits),
            })
        }
        TokKind::Word if t.s == "و" => {
            // «و 5», «و3»: the conjunction as a word of its own.
            let next = next_token(key, t.end)?;
            let e = elem(key, next.start)?;
            (!e.conj).then_some(Elem { conj: true, ..e })
        }
        TokKind::Word => {
            let h = words::lookup(key, t.start, t.end)?;
            Some(Elem {
                start: h.start,
                end: h.end,
                conj: h.clitic == "و",
                article: h.article,
                what: What::Word(h.entry.num?),
            })
        }
        TokKind::Punct => None,
    }
}

/// The element after `end`, if any.
pub(super) fn next_elem(key: &str, end: usize) -> Option<Elem> {
    elem(key, next_token(key, end)?.start)
}

/// Hundreds, units and tens seen in the current group.
const H: u8 = 1;
const U: u8 = 2;
const T: u8 = 4;
const DIGITS: u8 = 8;

/// Reads a cardinal (or a fraction, or a percentage) at the token at
/// `pos`. Returns the span of the number proper (proclitics outside).
pub(in crate::values) fn cardinal(key: &str, pos: usize) -> Option<Parsed> {
    words::remembered_cardinal(key, pos, || read_cardinal(key, pos))
}

/// [`cardinal`] read in the key.
fn read_cardinal(key: &str, pos: usize) -> Option<Parsed> {
    cardinal_read(key, pos, false)
}

/// [`read_cardinal`], and with `definite` a number whose first word carries
/// the article whatever it is («المائتان», «الألف وخمسمئة», «الواحد
/// والعشرون تريليون وثلاث مئة»): the words after it are read as the
/// count's are.
pub(super) fn cardinal_read(key: &str, pos: usize, definite: bool) -> Option<Parsed> {
    let first = elem(key, pos)?;
    let start = first.start;
    let mut end = first.end;
    // Thousands and up already summed; the group under the last scale.
    let mut total = 0.0;
    let mut group = 0.0;
    let mut flags = 0;
    let mut last_scale = f64::INFINITY;
    let mut int = true;
    // Whether the last element was a unit word (for teens and hundreds).
    let mut last_unit = false;
    // The unit word just added after «و» («مئة وثلاثة»), if the last
    // element was one.
    let mut conj_unit = None;
    // Whether «و» joined a part yet («ألف مليون» multiplies; «مليون وألف
    // مليون» does not).
    let mut joined = false;
    // The hundreds were counted by digits («٣ مئة و ٢١»).
    let mut digit_hundreds = false;
    match first.what {
        What::Digits(d) => {
            group = d.value;
            int = d.int;
            flags = DIGITS;
        }
        What::Word(n) => {
            // «الثلاثة», «العشرة», «النصف»; not «الصفر» («من الصفر»,
            // "from scratch") nor the article on larger words.
            if first.article
                && !matches!(n, Num::Unit(1..) | Num::Ten | Num::Frac(_))
                && !(definite
                    && matches!(
                        n,
                        Num::Tens(_) | Num::Hundred(_) | Num::Scale(_, Count::One)
                    ))
            {
                return None;
            }
            match n {
                // «خمس الناتج», «خمس الأمريكيين»: «خمس» (not «خمسة») in
                // construct with a definite whole is a fifth of it.
                Num::Unit(5) if !first.article && fifth_of(key, end) => {
                    return Some(Parsed {
                        start,
                        end,
                        value: 0.2,
                        int: false,
                        kind: Kind::Fraction,
                    });
                }
                Num::Unit(u) => {
                    group = f64::from(u);
                    flags = U;
                    last_unit = true;
                }
                Num::Ahad => {
                    let ten = next_elem(key, end).filter(|e| !e.conj && is(e, Num::Ten))?;
                    group = 11.0;
                    flags = U | T;
                    end = ten.end;
                }
                Num::Ten => {
                    group = 10.0;
                    flags = U | T;
                }
                Num::Teen(t) => {
                    group = f64::from(t);
                    flags = U | T;
                }
                Num::Tens(t) => {
                    group = f64::from(t);
                    flags = T;
                }
                Num::Hundred(h) => {
                    group = f64::from(h);
                    flags = H;
                }
                Num::Scale(s, c) => {
                    let s = s as f64;
                    total = match c {
                        Count::One => s,
                        Count::Two => 2.0 * s,
                        // «ألفا جندي»: the construct dual, two thousand;
                        // «ألفاً وخمسمئة», «حصد مليوناً.»: the accusative,
                        // one.
                        Count::Acc => {
                            let noun_follows = next_token(key, end)
                                .is_some_and(|t| t.kind == TokKind::Word && !t.s.starts_with('و'));
                            if noun_follows { 2.0 * s } else { s }
                        }
                        Count::Plural => return None,
                    };
                    last_scale = s;
                }
                Num::Frac(_)
                    if first.article
                        && (next_elem(key, end)
                            .is_some_and(|e| matches!(e.what, What::Word(Num::Ord(_))))
                            || next_token(key, end).is_some_and(|t| {
                                matches!(
                                    t.s,
                                    "نفسه"
                                        | "الاخير"
                                        | "الماضي"
                                        | "المقبل"
                                        | "الجاري"
                                        | "الحالي"
                                )
                            })) =>
                {
                    // «الربع الأول», «النصف الثاني»: a part of a year.
                    return None;
                }
                // «نصف النهائي», «ربع النهائي»: the semi-final, the
                // quarter-final.
                Num::Frac(_)
                    if next_token(key, end).is_some_and(|t| {
                        matches!(t.s, "النهايي" | "نهايي" | "النهاييه" | "نهاييه")
                    }) =>
                {
                    return None;
                }
                Num::Frac(f) => {
                    // «نصف مليون» is a cardinal; «نصف» alone a fraction.
                    let scale = next_elem(key, end).filter(|e| !e.conj && !e.article);
                    if let Some(Elem {
                        what: What::Word(Num::Scale(s, Count::One | Count::Acc)),
                        end: e,
                        ..
                    }) = scale
                    {
                        let v = f * s as f64;
                        return Some(with_percent(key, start, e, v, v.fract() == 0.0));
                    }
                    return Some(Parsed {
                        start,
                        end,
                        value: f,
                        int: false,
                        kind: Kind::Fraction,
                    });
                }
                _ => return None,
            }
        }
    }
    // A definite number's head may be a compound with the article on each
    // part («الواحد والعشرون تريليون»); after the first word without it,
    // none has it.
    let mut definite_head = definite && first.article;
    while let Some(e) = next_elem(key, end) {
        if e.article && !(definite_head && e.conj) {
            break;
        }
        definite_head &= e.article;
        let e = wa_ahad(key, e).unwrap_or(e);
        let after_conj_unit = conj_unit.take();
        if !e.conj {
            match e.what {
                What::Word(Num::Ten) if last_unit && flags & T == 0 => {
                    group += 10.0;
                    flags |= T;
                }
                What::Word(Num::Hundred(100)) if flags == U && last_unit && group >= 3.0 => {
                    group *= 100.0;
                    flags = H;
                }
                // «٤ آلاف ٣ مائة»: after a scale, a digit counting the
                // hundreds that follow.
                What::Digits(d)
                    if group == 0.0
                        && total > 0.0
                        && flags == 0
                        && d.int
                        && (1.0..10.0).contains(&d.value)
                        && next_elem(key, e.end)
                            .is_some_and(|h| !h.conj && is(&h, Num::Hundred(100))) =>
                {
                    group = d.value;
                    flags = DIGITS;
                }
                // «٣ مئة», «322 مائة»: digits counting hundreds.
                What::Word(Num::Hundred(100)) if flags == DIGITS && int && group >= 1.0 => {
                    group *= 100.0;
                    flags = H;
                    digit_hundreds = true;
                }
                // «ألف مليون», «مئة ألف تريليون»: a larger scale right
                // after a scale multiplies the whole.
                What::Word(Num::Scale(s, Count::One))
                    if group == 0.0 && flags == 0 && !joined && s as f64 > last_scale =>
                {
                    total *= s as f64;
                    last_scale = total;
                }
                What::Word(Num::Scale(s, c)) if group > 0.0 && (s as f64) < last_scale => {
                    if c == Count::Two {
                        break;
                    }
                    let s = s as f64;
                    total += group * s;
                    group = 0.0;
                    flags = 0;
                    last_scale = s;
                }
                // «ثلاثة أرباع», «خمسة أثمان»; «مئة وثلاثة أرباع» (100¾: the
                // last unit after «و» counts the quarters). Not «أربعة
                // أرباع», «خمسة أرباع»: in news those are quarters of a
                // year, counted.
                What::Word(Num::Denom(d))
                    if int
                        && (after_conj_unit.is_some_and(|u| u < f64::from(d))
                            || flags == U && group >= 1.0 && group < f64::from(d)) =>
                {
                    let d = f64::from(d);
                    if let Some(u) = after_conj_unit.filter(|&u| u < d) {
                        // A whole number and a fraction: a quantity, as
                        // «ثلاثة ونصف» is.
                        let v = total + group - u + u / d;
                        return Some(with_percent(key, start, e.end, v, false));
                    }
                    return Some(Parsed {
                        start,
                        end: e.end,
                        value: (total + group) / d,
                        int: false,
                        kind: Kind::Fraction,
                    });
                }
                // «عشرون أخماس», «مئة وثلاثون أخماس»: fifths to tenths
                // counted past one whole, by a number with tens; and
                // «ثلاثة وعشرون خمس», the singular after such a number
                // (not before a larger word: «ألف خمس مئة» is 1 500).
                What::Word(Num::Denom(d)) if int && d >= 5 && flags & T != 0 => {
                    return Some(Parsed {
                        start,
                        end: e.end,
                        value: (total + group) / f64::from(d),
                        int: false,
                        kind: Kind::Fraction,
                    });
                }
                What::Word(Num::Unit(5))
                    if int
                        && flags & T != 0
                        && !last_unit
                        && &key[e.start..e.end] == "خمس"
                        && next_elem(key, e.end).is_none_or(|n| {
                            n.conj
                                || !matches!(n.what, What::Word(Num::Hundred(_) | Num::Scale(..)))
                        }) =>
                {
                    return Some(Parsed {
                        start,
                        end: e.end,
                        value: (total + group) / 5.0,
                        int: false,
                        kind: Kind::Fraction,
                    });
                }
                _ => break,
            }
            last_unit = false;
            end = e.end;
            continue;
        }
        // After «و»: the next part of the same number, or the end of it.
        joined = true;
        let fresh = group == 0.0 && total > 0.0;
        // «40 ألفاً و5 ملايين»: a part followed by a scale at least as large
        // as the last one starts a new number.
        let bigger_scale_follows = next_elem(key, e.end).is_some_and(|n| {
            // «ونصف المليار» repeats the scale with the article: same number.
            !n.conj
                && !n.article
                && matches!(n.what, What::Word(Num::Scale(s, _)) if s as f64 >= last_scale)
        });
        if fresh && bigger_scale_follows {
            break;
        }
        match e.what {
            // «مليار و500 مليون» is one number; with a fraction on either side
            // («2.5 مليار و1.5 مليون») they are two amounts.
            What::Digits(d) if fresh && d.int && int => {
                group = d.value;
                int &= d.int;
                flags = DIGITS;
                last_unit = false;
            }
            What::Digits(d) if digit_hundreds && flags == H && d.int && d.value < 100.0 => {
                group += d.value;
                flags |= U | T;
                last_unit = false;
            }
            // «ثلاثمئة وصفر»: zero joins no number.
            What::Word(Num::Unit(u)) if u > 0 && (fresh || flags == H) => {
                group += f64::from(u);
                flags |= U;
                last_unit = true;
                conj_unit = Some(f64::from(u));
            }
            What::Word(Num::Ahad) if fresh || flags == H => {
                let ten = next_elem(key, e.end).filter(|t| !t.conj && is(t, Num::Ten));
                let Some(ten) = ten else { break };
                group += 11.0;
                flags |= U | T;
                last_unit = false;
                end = ten.end;
                continue;
            }
            What::Word(Num::Ten) if fresh || flags == H => {
                group += 10.0;
                flags |= U | T;
                last_unit = false;
            }
            What::Word(Num::Teen(t)) if fresh || flags == H => {
                group += f64::from(t);
                flags |= U | T;
                last_unit = false;
            }
            // «مئة وثلاثون وخمسين»: with the hundreds and the tens taken,
            // «خمسين» can only be the dual of «خمس», two fifths (not in
            // «بين ثلاثين وخمسين», where it is fifty).
            What::Word(Num::Tens(50))
                if flags & H != 0 && flags & T != 0 && &key[e.start..e.end] == "خمسين" =>
            {
                return Some(with_percent(key, start, e.end, total + group + 0.4, false));
            }
            What::Word(Num::Tens(t)) if fresh || flags == H || flags & (U | T) == U => {
                group += f64::from(t);
                flags |= T;
                last_unit = false;
            }
            What::Word(Num::Hundred(h)) if fresh => {
                group = f64::from(h);
                flags = H;
                last_unit = false;
            }
            // «ثلاث مئة ودزينتين»: a dozen or two after the hundreds.
            What::Word(Num::Scale(12, c @ (Count::One | Count::Two)))
                if group > 0.0 && flags == H =>
            {
                group += if c == Count::Two { 24.0 } else { 12.0 };
                flags |= U | T;
                last_unit = false;
            }
            What::Word(Num::Scale(s, Count::One)) if fresh && (s as f64) < last_scale => {
                total += s as f64;
                last_scale = s as f64;
                last_unit = false;
            }
            What::Word(Num::Frac(f)) if group > 0.0 || total > 0.0 => {
                // «مليون ونصف», «ثلاثة ونصف»: the fraction ends the number.
                let v = if group > 0.0 {
                    total + group + f
                } else {
                    total + f * last_scale
                };
                // «مليونان ونصف المليون»: the scale again, with the article.
                let end = next_elem(key, e.end)
                    .filter(|s| {
                        s.article
                            && !s.conj
                            && matches!(s.what, What::Word(Num::Scale(sc, _)) if sc as f64 == last_scale)
                    })
                    .map_or(e.end, |s| s.end);
                return Some(with_percent(key, start, end, v, v.fract() == 0.0));
            }
            _ => break,
        }
        end = e.end;
    }
    // «ثلاثة فاصلة خمسة»: a decimal comma written as a word, then perhaps
    // the scale of the whole number («اثنان فاصلة سبعة مليار»).
    if int && let Some(d) = decimal_after(key, end) {
        let v = total + group + d.frac;
        let (e, v) = d.scale.map_or((d.end, v), |(s, e)| (e, v * s));
        return Some(with_percent(key, start, e, v, false));
    }
    // «عشرون وثلاثة أخماس», «2 وثلاثة أرباع»: a whole number and a
    // fraction after «و».
    if int
        && let Some(f) = next_elem(key, end)
            .filter(|e| e.conj && !e.article)
            .and_then(|e| cardinal(key, e.start))
            .filter(|f| f.kind == Kind::Fraction && f.value > 0.0 && f.value < 1.0)
    {
        return Some(with_percent(
            key,
            start,
            f.end,
            total + group + f.value,
            false,
        ));
    }
    Some(with_percent(key, start, end, total + group, int))
}

/// Whether the «خمس» ending at `end` is a fifth: the word as written is
/// «خمس» and a definite noun follows that is no number (and no plural of
/// time: «خمس السنوات الماضية» are five years).
fn fifth_of(key: &str, end: usize) -> bool {
    if !key[..end].ends_with("خمس") {
        return false;
    }
    let Some(n) = next_token(key, end).filter(|n| n.kind == TokKind::Word) else {
        return false;
    };
    if !n.s.starts_with("ال") {
        return false;
    }
    match words::lookup(key, n.start, n.end) {
        None => true,
        Some(h) => {
            h.entry.num.is_none()
                && matches!(h.entry.date, None | Some(words::DateW::Unit(_, Count::One)))
        }
    }
}

/// The decimal part of a number written with «فاصلة».
struct Decimal {
    /// The end of its digits.
    end: usize,
    /// Their value (0.5, 0.05, 0.25).
    frac: f64,
    /// The scale word after the digits, which scales the whole number
    /// («اثنان فاصلة سبعة مليار» = 2.7 × 10⁹), and its end.
    scale: Option<(f64, usize)>,
}

/// «فاصلة خمسة», «فاصلة صفر خمسة», «فاصلة 25» after a whole number: the
/// digits of the decimal part, read as written, and a scale word after
/// them. A percent after them is the whole number's, left to the caller.
fn decimal_after(key: &str, end: usize) -> Option<Decimal> {
    let comma = next_token(key, end).filter(|t| t.s == "فاصله")?;
    let mut q = next_token(key, comma.end)?;
    let mut zeros = String::new();
    while q.s == "صفر" {
        zeros.push('0');
        q = next_token(key, q.end)?;
    }
    let (n_end, n) = decimal_digits(key, q.start)?;
    // «فاصلة ثلاثة من مائة»: three hundredths.
    if zeros.is_empty()
        && let Some(of) = next_token(key, n_end).filter(|o| o.s == "من")
        && let Some(d) = next_token(key, of.end)
            .and_then(|d| cardinal(key, d.start))
            .filter(|d| d.kind == Kind::Cardinal && power_of_ten(d.value) && d.value > n)
    {
        return Some(Decimal {
            end: d.end,
            frac: n / d.value,
            scale: None,
        });
    }
    let frac: f64 = format!("0.{zeros}{}", n as u64).parse().ok()?;
    let scale = next_elem(key, n_end)
        .filter(|e| !e.conj && !e.article)
        .and_then(|e| match e.what {
            What::Word(Num::Scale(s, Count::One | Count::Acc)) => Some((s as f64, e.end)),
            _ => None,
        });
    Some(Decimal {
        end: n_end,
        frac,
        scale,
    })
}

/// The digits of a decimal part in words at `pos`: the whole cardinal
/// read there, cut before a scale word (which is the whole number's:
/// «سبعة مليار» is the digit 7 before «مليار») and before a percent
/// («خمسة في المئة»). Returns their end and value.
fn decimal_digits(key: &str, pos: usize) -> Option<(usize, f64)> {
    let n = cardinal(key, pos)
        .filter(|n| n.int && n.value >= 0.0 && matches!(n.kind, Kind::Cardinal | Kind::Percent))?;
    let mut e = elem(key, pos)?;
    let mut end = pos;
    loop {
        if let What::Word(Num::Scale(s, _)) = e.what {
            // Digits, then one scale that ends the cardinal.
            let whole = n.value / s as f64;
            let last = next_elem(key, e.end).is_none_or(|x| x.end > n.end || x.article);
            return (last && end > pos && whole.fract() == 0.0 && whole < 1000.0)
                .then_some((end, whole));
        }
        end = e.end;
        match next_elem(key, e.end) {
            Some(x) if x.end <= n.end && !x.article => e = x,
            _ => return Some((end, n.value)),
        }
    }
}

/// «وأحد عشر» after a number: the key folds أ, so «وأحد» reads as the
/// word «واحد» (one). Before «عشر» and after a number it is «و» and the
/// «أحد» of eleven («ألفين وأحد عشر» = 2011, «مئة وأحد عشر» = 111).
fn wa_ahad(key: &str, e: Elem) -> Option<Elem> {
    let one = !e.conj && !e.article && is(&e, Num::Unit(1)) && &key[e.start..e.end] == "واحد";
    let ten = next_elem(key, e.end).is_some_and(|t| !t.conj && is(&t, Num::Ten));
    (one && ten).then_some(Elem {
        start: e.start + 'و'.len_utf8(),
        conj: true,
        what: What::Word(Num::Ahad),
        ..e
    })
}

pub(super) fn is(e: &Elem, n: Num) -> bool {
    matches!(e.what, What::Word(w) if w == n)
}

/// A cardinal, or a percentage if a percent sign or «في المئة» follows.
fn with_percent(key: &str, start: usize, end: usize, value: f64, int: bool) -> Parsed {
    let (end, kind) = match percent_after(key, end) {
        Some(e) => (e, Kind::Percent),
        None => (end, Kind::Cardinal),
    };
    Parsed {
        start,
        end,
        value,
        int,
        kind,
    }
}

/// The end of «%», «في المئة», «بالمئة» (and their spellings) after `end`.
pub(super) fn percent_after(key: &str, end: usize) -> Option<usize> {
    const HUNDRED: [&str; 2] = ["الميه", "المايه"];
    let t = next_token(key, end)?;
    if t.s == "%" {
        return Some(t.end);
    }
    if t.kind != TokKind::Word {
        return None;
    }
    if t.s == "في" {
        let n = next_token(key, t.end)?;
        return HUNDRED.contains(&n.s).then_some(n.end);
    }
    let bare = t.s.strip_prefix('ب')?;
    HUNDRED.contains(&bare).then_some(t.end)
}

/// «بنسبة 10», «نسبة اثنين وعشرين»: a number after «نسبة» ("a rate
/// of") with no percent sign is a percentage all the same (news writes
/// «بنسبة 10%» or «بنسبة 10 في المئة»; the bare number is the same
/// thing), the span opening with «نسبة». Not a ratio of two numbers
/// («بنسبة 2 إلى 1», «نسبة 3 مقابل 1»).
pub(super) fn ratio(key: &str, p: Parsed) -> Parsed {
    if p.kind != Kind::Cardinal {
        return p;
    }
    let Some(word) = prev_token(key, p.start).filter(|w| w.end < p.start) else {
        return p;
    };
    let Some(clitic) = ["", "ب", "و", "وب", "فب", "ل", "ول"].into_iter().find(|c| {
        word.s
            .strip_prefix(c)
            .is_some_and(|w| matches!(w, "نسبه" | "النسبه"))
    }) else {
        return p;
    };
    if next_token(key, p.end).is_some_and(|n| matches!(n.s, "الي" | "مقابل" | ":" | "/")) {
        return p;
    }
    // «بنسبة 2،5 في المئة»: a decimal comma this reader does not join.
    if key[p.end..].starts_with('،')
        && key[p.end + '،'.len_utf8()..].starts_with(|c: char| c.is_ascii_digit())
    {
        return p;
    }
    Parsed {
        start: word.start + clitic.len(),
        kind: Kind::Percent,
        ..p
    }
}

/// A number with the minus before it: a sign glued to it in any script
/// («-3.5», «−٣٫٥», «-١»), not after another number («2014 -2015», «3 -
/// 1»); or the words «سالب», «ناقص» («سالب خمسة», «ناقص 5»). Ordinals
/// take no sign.
pub(super) fn with_sign(key: &str, p: Parsed) -> Parsed {
    if p.kind == Kind::Ordinal {
        return p;
    }
    let negative = |start| Parsed {
        start,
        value: -p.value,
        ..p
    };
    let before = &key[..p.start];
    if let Some(sign) = ['-', '\u{2212}'].into_iter().find(|&c| before.ends_with(c)) {
        let at = p.start - sign.len_utf8();
        let open = key[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '=' | ':' | '،' | ','));
        let after_number = prev_token(key, at).is_some_and(|t| t.kind == TokKind::Digits);
        if open && !after_number {
            return negative(at);
        }
    }
    match prev_token(key, p.start) {
        Some(t) if matches!(t.s, "سالب" | "ناقص") && t.end < p.start => negative(t.start),
        _ => p,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::numbers::tests::{all, check_firsts, first};

    #[test]
    fn a_remembered_cardinal_is_the_one_of_its_key() {
        // Keys (folded): a number in words, and a head of the key that cuts
        // it short, as the dateline's does.
        let key = "بلغ عددهم ثلاثه الاف وخمسمايه شخص";
        let pos = key.find("ثلاثه").unwrap();
        let head = &key[..key.find(" وخمسمايه").unwrap()];
        let (whole, cut) = (read_cardinal(key, pos), read_cardinal(head, pos));
        assert_eq!(whole.map(|p| p.value), Some(3500.0));
        assert_eq!(cut.map(|p| p.value), Some(3000.0));
        let (asked, again, in_head, after) = words::read(key, || {
            let asked = cardinal(key, pos);
            (
                asked,
                cardinal(key, pos),
                cardinal(head, pos),
                cardinal(key, pos),
            )
        });
        assert_eq!((asked, again, after), (whole, whole, whole));
        assert_eq!(in_head, cut);
        assert_eq!(words::read(key, || cardinal(key, 0)), read_cardinal(key, 0));
    }

    #[test]
    fn word_composition() {
        use Kind::*;
        let cases: &[(&str, &str, f64, Kind)] = &[
            ("ثلاثة", "ثلاثة", 3.0, Cardinal),
            ("ثلاثة عشر", "ثلاثة عشر", 13.0, Cardinal),
            ("اثنا عشر", "اثنا عشر", 12.0, Cardinal),
            ("إحدى عشرة", "احدى عشرة", 11.0, Cardinal),
            // «وأحد» folds to the word «واحد»: still «و» and eleven.
            ("بلغ العدد مائة وأحد عشر", "مائة واحد عشر", 111.0, Cardinal),
            ("ألفين وأحد عشر", "الفين واحد عشر", 2011.0, Cardinal),
            ("سبعة وثلاثون", "سبعة وثلاثون", 37.0, Cardinal),
            (
                "ثلاث مئة وخمسة وعشرون",
                "ثلاث مئة وخمسة وعشرون",
                325.0,
                Cardinal,
            ),
            ("ثلاثمائة", "ثلاثمائة", 300.0, Cardinal),
            ("مئتا ألف", "مئتا الف", 200_000.0, Cardinal),
            (
                "أربعة ملايين ومئتا ألف",
                "اربعة ملايين ومئتا الف",
                4_200_000.0,
                Cardinal,
            ),
            ("ألفين وعشرين", "الفين وعشرين", 2020.0, Cardinal),
            (
                "ألف وتسعمئة وخمسة وتسعين",
                "الف وتسعمئة وخمسة وتسعين",
                1995.0,
                Cardinal,
            ),
            ("40 ألفاً", "40 الفا", 40_000.0, Cardinal),
            ("40 ألفاً و5 ملايين", "40 الفا", 40_000.0, Cardinal),
            (
                "2.5 مليار و١٫٥ مليون",
                "2.5 مليار",
                2_500_000_000.0,
                Cardinal,
            ),
            (
                "مليار و500 مليون",
                "مليار و500 مليون",
                1_500_000_000.0,
                Cardinal,
            ),
            ("ثلاثون ألفا", "ثلاثون الفا", 30_000.0, Cardinal),
            ("ألفا جندي", "الفا", 2000.0, Cardinal),
            ("2.5 مليار", "2.5 مليار", 2.5e9, Cardinal),
            ("١٫٥ مليون", "1.5 مليون", 1.5e6, Cardinal),
            ("مليون ونصف", "مليون ونصف", 1.5e6, Cardinal),
            ("نصف مليون", "نصف مليون", 5e5, Cardinal),
            ("مليون و500 ألف", "مليون و500 الف", 1.5e6, Cardinal),
            ("15%", "15%", 15.0, Percent),
            ("خمسة في المئة", "خمسة في المئة", 5.0, Percent),
            ("نصف", "نصف", 0.5, Fraction),
            ("ثلاثة أرباع", "ثلاثة ارباع", 0.75, Fraction),
            ("الثالث", "الثالث", 3.0, Ordinal),
            ("الحادي عشر", "الحادي عشر", 11.0, Ordinal),
            ("الخامس والعشرين", "الخامس والعشرين", 25.0, Ordinal),
            ("الـ15", "ال15", 15.0, Ordinal),
        ];
        for (text, span, v, kind) in cases {
            let got = first(text);
            assert_eq!(
                got,
                Some(((*span).to_owned(), *v, *kind)),
                "number in {text:?}"
            );
        }
    }

    #[test]
    fn signs_decimal_words_points_and_slashes() {
        use Kind::*;
        let cases: &[(&str, &str, f64, Kind)] = &[
            ("بلغت الحرارة -3.5 درجة", "-3.5", -3.5, Cardinal),
            ("بلغت الحرارة -٣٫٥ درجة", "-3.5", -3.5, Cardinal),
            ("بلغت \u{2212}7 درجات", "\u{2212}7", -7.0, Cardinal),
            ("سجلت سالب خمسة درجات", "سالب خمسة", -5.0, Cardinal),
            ("النتيجة ناقص 12", "ناقص 12", -12.0, Cardinal),
            ("تراجع سالب خمسة بالمئة", "سالب خمسة بالمئة", -5.0, Percent),
            ("نما ثلاثة فاصلة خمسة", "ثلاثة فاصلة خمسة", 3.5, Cardinal),
            ("نما 2 فاصلة 25", "2 فاصلة 25", 2.25, Cardinal),
            (
                "ارتفع التضخم ثلاثة فاصلة خمسة في المئة",
                "ثلاثة فاصلة خمسة في المئة",
                3.5,
                Percent,
            ),
            (
                "ارتفع اثنين فاصلة سبعة بالمئة",
                "اثنين فاصلة سبعة بالمئة",
                2.7,
                Percent,
            ),
            (
                "بلغت الصادرات اثنين فاصلة سبعة مليار دولار",
                "اثنين فاصلة سبعة مليار",
                2_700_000_000.0,
                Cardinal,
            ),
            (
                "بلغ عدد السكان أربعة فاصلة خمسة وعشرين مليون نسمة",
                "اربعة فاصلة خمسة وعشرين مليون",
                4_250_000.0,
                Cardinal,
            ),
            (
                "نما واحد فاصلة صفر خمسة",
                "واحد فاصلة صفر خمسة",
                1.05,
                Cardinal,
            ),
            ("وزنه .5 كيلو", ".5", 0.5, Fraction),
            ("وزنه ٫٢٥ كيلو", ".25", 0.25, Fraction),
            ("أضف 3/4 كوب من الماء", "3/4", 0.75, Fraction),
            ("أضف 1/2 ملعقة", "1/2", 0.5, Fraction),
            (
                "يبلغ عدد السكان 1 414 021 100 نسمة",
                "1 414 021 100",
                1_414_021_100.0,
                Cardinal,
            ),
            ("دفع 40 000 دولار", "40 000", 40_000.0, Cardinal),
            (
                "دفع 1 234 567.89 دولار",
                "1 234 567.89",
                1_234_567.89,
                Cardinal,
            ),
            ("الكتاب الواحد والعشرون", "الواحد والعشرون", 21.0, Ordinal),
            ("القرن الأحد عشر", "الاحد عشر", 11.0, Ordinal),
            ("أكل خمسة أثمان الكعكة", "خمسة اثمان", 0.625, Fraction),
            ("ثلاثة أخماس", "ثلاثة اخماس", 0.6, Fraction),
        ];
        check_firsts(cases);
    }

    #[test]
    fn thirds_dozens_mixed_fractions_and_arabic_comma_groups() {
        use Kind::*;
        let cases: &[(&str, &str, f64, Kind)] = &[
            ("شرب ثلثين الكوب", "ثلثين", 2.0 / 3.0, Fraction),
            ("أنجز ثلثان من العمل", "ثلثان", 2.0 / 3.0, Fraction),
            ("اشترى دستة أقلام", "دستة", 12.0, Cardinal),
            ("باع أربع دزينات من البيض", "اربع دزينات", 48.0, Cardinal),
            ("أهدى 5 دستات", "5 دستات", 60.0, Cardinal),
            ("اشترى نصف دزينة", "نصف دزينة", 6.0, Cardinal),
            ("أكلت اثنين وربع رغيف", "اثنين وربع", 2.25, Cardinal),
            (
                "مشى خمسون وثلاثة أرباع ميل",
                "خمسون وثلاثة ارباع",
                50.75,
                Cardinal,
            ),
            (
                "طوله مئتان وخمسة أثمان متر",
                "مئتان وخمسة اثمان",
                200.625,
                Cardinal,
            ),
            (
                "ألف وسبعة وثلثا الكيلو",
                "الف وسبعة وثلثا",
                1007.0 + 2.0 / 3.0,
                Cardinal,
            ),
            ("بلغ المؤشر 9،000 نقطة", "9،000", 9000.0, Cardinal),
            (
                "عدد السكان ١،٢٣٤،٥٦٧ نسمة",
                "1،234،567",
                1_234_567.0,
                Cardinal,
            ),
            ("سعر الأوقية 1،100.5 دولار", "1،100.5", 1100.5, Cardinal),
        ];
        check_firsts(cases);
        // Counted quarters of a year are no fractions.
        for text in [
            "خسائر آخر أربعة أرباع متتالية",
            "أعلنت خمسة أرباع من الأرباح",
        ] {
            let got = first(text);
            assert!(
                got.as_ref().is_some_and(|(_, v, _)| *v >= 4.0),
                "{text}: {got:?}"
            );
        }
        // Lists with the Arabic comma stay lists.
        for (text, want) in [("المواد 1،2،3", 3), ("الأعوام 2014،2015", 2)] {
            assert_eq!(all(text).len(), want, "{text}: {:?}", all(text));
        }
    }

    #[test]
    fn dialect_number_words() {
        let cases: &[(&str, &str, f64)] = &[
            ("عندي تلاتة", "تلاتة", 3.0),
            ("دفعت تلات تلاف جنيه", "تلات تلاف", 3000.0),
            ("عمره خمستاشر سنة", "خمستاشر", 15.0),
            ("عمره خمسطعش سنة", "خمسطعش", 15.0),
            ("اشترى تمانية كتب", "تمانية", 8.0),
            ("دفع ميتين جنيه", "ميتين", 200.0),
            ("دفع تلتمية وخمسين", "تلتمية وخمسين", 350.0),
            ("دفع مية وحداشر", "مية وحداشر", 111.0),
            ("عددهم تلاتين", "تلاتين", 30.0),
            ("جاء اتنين", "اتنين", 2.0),
        ];
        for (text, span, v) in cases {
            let got = first(text);
            assert_eq!(
                got.as_ref().map(|(s, g, _)| (s.as_str(), *g)),
                Some((*span, *v)),
                "{text}"
            );
        }
    }
}
