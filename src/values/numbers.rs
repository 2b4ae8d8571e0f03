//! NUMBER entities: digits in every script, number words, percentages,
//! fractions and ordinals, each with its value.
//!
//! In: a [`Chunk`] (normalised text, digits already ASCII). Out: NUMBER
//! candidates pushed onto the list, each a whole word (proclitics such as
//! the و of «و3» stay outside), with a [`Value::Int`] or [`Value::Float`]
//! and a [`Kind`] (cardinal, ordinal, percent, fraction).
//!
//! # The grammar
//!
//! A cardinal is a run of elements (digits or number words). Without «و»
//! between them, elements multiply or form teens: «ثلاث مئة», «ثلاثة عشر»,
//! «40 ألفاً», «خمسة ملايين». With «و» they add, in the Arabic order
//! (hundreds, then units, then tens; larger scales first): «ثلاث مئة وخمسة
//! وعشرون» = 325, «أربعة ملايين ومئتا ألف» = 4 200 000. An element that
//! does not fit (a second unit, a larger scale) ends the number, so lists
//! such as «خمسة وستة» give two numbers.
//!
//! # Precision choices
//!
//! - Plural scales alone (آلاف, ملايين, مئات) are vague ("thousands of")
//!   and are not numbers; they are after a count (ثلاثة آلاف).
//! - أحد, إحدى alone mean "one of", "someone": only in «أحد عشر».
//! - واحد is a number except with the article (الواحد, "the single") and
//!   in idioms: «في وقت واحد», «في آن واحد», «صف واحد», «يد واحدة»,
//!   «كل واحد».
//! - Ordinals: «العالم الثالث», «ثاني أكسيد», «المقام الأول» are idioms, not
//!   ranks; «أولى» counts only when written with ى (أولي is "primary",
//!   "those of"). «الأول» in «الشهر الأول» is an ordinal; in month names
//!   (كانون الأول) the date finder's longer span wins.
//! - Tens with the article are ordinals (الذكرى العشرين); units with the
//!   article are cardinals (الدول الثلاث).
//! - Numbers glued to letters after them (50كم, 10000دولار) end on their
//!   digits: the unit or word glued on is not part of the number (a date
//!   keeps its era marker: 2020م is the date finder's); glued to Latin
//!   letters after them (5G, 4K) or to letters before them that are not
//!   proclitics (كوفيد-19, F16) they are names of things and are skipped.

use super::words::{
    self, Count, Digits, Num, Tok, TokKind, next_token, parse_digits, prev_token, token_at,
};
use crate::doc::{Candidate, Chunk, Kind, Label, Source, Value};

/// A number read by the grammar: a byte range of the key and its value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Parsed {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// The value is whole and was written without a fraction.
    pub int: bool,
    pub kind: Kind,
}

impl Parsed {
    pub fn value(&self) -> Value {
        if self.int && self.value.fract() == 0.0 && self.value.abs() < 1e15 {
            Value::Int(self.value as i64)
        } else {
            Value::Float(self.value)
        }
    }
}

/// Pushes the numbers of `chunk` onto `out`, parsing at `triggers` (what
/// [`words::triggers_into`] gives for the chunk's key).
pub(crate) fn find(chunk: &Chunk<'_>, triggers: &[usize], out: &mut Vec<Candidate>) {
    let mut done = 0;
    // The number found last, and where it is in `out`.
    let mut last: Option<(usize, Parsed)> = None;
    for &pos in triggers {
        if pos < done {
            continue;
        }
        if let Some(p) = number_at(chunk, pos) {
            done = p.end;
            if let Some((i, a)) = last
                && let Some(a) = range_start(chunk.key, &a, &p)
            {
                out[i].value = Some(a.value());
                out[i].kind = Some(a.kind);
            }
            last = Some((out.len(), p));
            out.push(Candidate {
                range: p.start..p.end,
                label: Label::Number,
                norm: None,
                value: Some(p.value()),
                kind: Some(p.kind),
                id: None,
                source: Source::Pattern,
                link: None,
            });
        }
    }
}

/// «بين 20 و30 ألف», «من 5 إلى 7 ملايين», «20-30 ألف», «بين 10 و15 في
/// المئة»: the first end of a range of two numbers takes the scale word or
/// the percent written once after the second, which both ends share. The
/// first end is a plain number smaller than the second's count («بين 500
/// و2 مليون» shares nothing), and the two are joined as a range: «بين …
/// و», «من … إلى/حتى», or a dash between digits. Returns the first end
/// with its value and kind, if it changes.
fn range_start(key: &str, a: &Parsed, b: &Parsed) -> Option<Parsed> {
    if a.kind != Kind::Cardinal || a.value <= 0.0 || !joined_as_range(key, a, b) {
        return None;
    }
    if b.kind == Kind::Percent {
        return Some(Parsed {
            kind: Kind::Percent,
            ..*a
        });
    }
    if b.kind != Kind::Cardinal {
        return None;
    }
    let last = prev_token(key, b.end).filter(|t| t.kind == TokKind::Word && t.start > b.start)?;
    let Some(Num::Scale(s, _)) = words::lookup(key, last.start, last.end)?.entry.num else {
        return None;
    };
    let s = s as f64;
    let count = b.value / s;
    (a.value < count && a.value < s).then(|| Parsed {
        value: a.value * s,
        int: a.int && (a.value * s).fract() == 0.0,
        ..*a
    })
}

/// Whether `a` and `b` are the ends of a range: «بين a وb», «من a إلى b»,
/// «من a حتى b», «a-b» (digits).
fn joined_as_range(key: &str, a: &Parsed, b: &Parsed) -> bool {
    let Some(between) = key.get(a.end..b.start) else {
        return false;
    };
    let mut opener = prev_token(key, a.start);
    if opener.is_some_and(|o| o.s == "ما") {
        opener = opener.and_then(|o| prev_token(key, o.start));
    }
    let opener = opener.map_or("", |o| o.s);
    let digits = |p: &Parsed| token_at(key, p.start).is_some_and(|t| t.kind == TokKind::Digits);
    match between.trim_matches(' ') {
        // «و30», «و 30», «وخمسة».
        "و" => opener == "بين",
        "الي" | "حتي" => opener == "من",
        "-" | "–" => !between.starts_with(' ') && digits(a) && digits(b),
        _ => false,
    }
}

/// The number that starts at the token at `pos`, if any.
fn number_at(chunk: &Chunk<'_>, pos: usize) -> Option<Parsed> {
    let key = chunk.key;
    let t = token_at(key, pos)?;
    match t.kind {
        TokKind::Digits => digits_number(key, t).map(|p| ratio(key, with_sign(key, over(key, p)))),
        TokKind::Punct if t.s == "%" => {
            // «%15», as some right-to-left text writes it.
            if prev_token(key, t.start).is_some_and(|p| p.kind != TokKind::Word) {
                return None;
            }
            let d = next_token(key, t.end).filter(|d| d.kind == TokKind::Digits)?;
            let n = parse_digits(d.s)?;
            let after = d.end + words::letter_run(&key[d.end..]);
            if next_token(key, after).is_some_and(|n| n.kind == TokKind::Digits) {
                return None;
            }
            Some(Parsed {
                start: t.start,
                end: d.end,
                value: n.value,
                int: n.int,
                kind: Kind::Percent,
            })
        }
        TokKind::Word => {
            let p = longer(
                ordinal(chunk, pos).map(|o| after_hundred(key, o)),
                definite_rank(chunk, pos),
            )
            .or_else(|| cardinal(key, pos))
            .or_else(|| definite_count(key, pos))?;
            if let Some(f) = part_of(key, &p) {
                return Some(f);
            }
            (!idiom(chunk, &p)).then(|| ratio(key, with_sign(key, over(key, p))))
        }
        TokKind::Punct => None,
    }
}

/// «واحد على ثلاثة», «1 على 20», «ثلاثة أجزاء من عشرة», «واحد جزء من
/// مئة»: a fraction written as a whole number over a larger one, with
/// «على» ("over") or «جزء/أجزاء من» ("parts of"). Only a proper fraction:
/// a larger or equal number first is something else in news («عثر في 2010
/// على 1300 كيلوغرام», a grade «5 على 5»), and «جزء من» without a count
/// before it is "a part of" («جزء من 100 مليون دولار»).
fn over(key: &str, p: Parsed) -> Parsed {
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
fn power_of_ten(v: f64) -> bool {
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
fn part_of(key: &str, p: &Parsed) -> Option<Parsed> {
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

/// «بنسبة 10», «نسبة اثنين وعشرين»: a number after «نسبة» ("a rate
/// of") with no percent sign is a percentage all the same (news writes
/// «بنسبة 10%» or «بنسبة 10 في المئة»; the bare number is the same
/// thing), the span opening with «نسبة». Not a ratio of two numbers
/// («بنسبة 2 إلى 1», «نسبة 3 مقابل 1»).
fn ratio(key: &str, p: Parsed) -> Parsed {
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
fn with_sign(key: &str, p: Parsed) -> Parsed {
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

/// A number written in digits at token `t`, with what follows it (scales,
/// percent signs).
fn digits_number(key: &str, t: Tok<'_>) -> Option<Parsed> {
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

/// One element of a number: digits or a number word, maybe after «و».
#[derive(Clone, Copy, Debug)]
struct Elem {
    /// Where the span would start (after proclitics).
    start: usize,
    end: usize,
    /// Joined to what comes before by «و».
    conj: bool,
    article: bool,
    what: What,
}

#[derive(Clone, Copy, Debug)]
enum What {
    Digits(Digits),
    Word(Num),
}

/// Reads the element whose token starts at `pos`.
fn elem(key: &str, pos: usize) -> Option<Elem> {
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

/// «000ر22», «500ر1 ريال»: three digits before a reh and no scale word
/// after the number are thousands (22 000, 1 500); with a scale word they
/// are decimals («935ر6 مليون» = 6.935 million, read by [`parse_digits`]).
fn reh_thousands(key: &str, t: Tok<'_>) -> Option<Digits> {
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
fn spaced_groups(key: &str, t: Tok<'_>) -> Option<(usize, Digits)> {
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

/// The element after `end`, if any.
fn next_elem(key: &str, end: usize) -> Option<Elem> {
    elem(key, next_token(key, end)?.start)
}

/// Hundreds, units and tens seen in the current group.
const H: u8 = 1;
const U: u8 = 2;
const T: u8 = 4;
const DIGITS: u8 = 8;

/// Reads a cardinal (or a fraction, or a percentage) at the token at
/// `pos`. Returns the span of the number proper (proclitics outside).
pub(super) fn cardinal(key: &str, pos: usize) -> Option<Parsed> {
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
fn cardinal_read(key: &str, pos: usize, definite: bool) -> Option<Parsed> {
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

fn is(e: &Elem, n: Num) -> bool {
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
fn percent_after(key: &str, end: usize) -> Option<usize> {
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

/// Reads an ordinal at the word at `pos`: «الثالث», «ثالث», «الحادي عشر»,
/// «الخامس والعشرون», «العشرين».
pub(super) fn ordinal(chunk: &Chunk<'_>, pos: usize) -> Option<Parsed> {
    let key = chunk.key;
    let t = token_at(key, pos).filter(|t| t.kind == TokKind::Word)?;
    let mut h = words::lookup(key, t.start, t.end)?;
    // «الأحد» is in the table as Sunday; before «عشر» it is «eleventh».
    if h.entry.num.is_none() && key[h.start..h.end] == *"الاحد" {
        h.entry.num = Some(Num::Ahad);
        h.article = true;
    }
    let base = match h.entry.num? {
        Num::Ord(n) => {
            // أولى with ى only: «أولي», «الأولي» are other words.
            if n == 1 && key[h.start..h.end].ends_with("اولي") && chunk.text[..h.end].ends_with('ي')
            {
                return None;
            }
            Some(n)
        }
        // «الحادي عشر», «الأحد عشر», «الواحد والعشرون»: a first part
        // that needs the rest.
        Num::Hadi => None,
        // «المئة والخامسة والعشرون», «المائة والأول»: a hundred with the
        // article, then an ordinal after «و».
        Num::Hundred(hv) if h.article => {
            let n = next_token(key, h.end)?;
            words::lookup(key, n.start, n.end).filter(|x| x.clitic == "و")?;
            let o = ordinal(chunk, n.start).filter(|o| o.value < 100.0)?;
            return Some(Parsed {
                start: h.start,
                end: o.end,
                value: f64::from(hv) + o.value,
                int: true,
                kind: Kind::Ordinal,
            });
        }
        Num::Ahad if h.article => None,
        Num::Unit(1) if h.article => None,
        Num::Tens(t) if h.article => {
            return Some(Parsed {
                start: h.start,
                end: h.end,
                value: f64::from(t),
                int: true,
                kind: Kind::Ordinal,
            });
        }
        _ => return None,
    };
    let mut value = base.map_or(1.0, f64::from);
    let mut end = h.end;
    match next_elem(key, end) {
        Some(e) if !e.conj && is(&e, Num::Ten) && base.is_none_or(|n| (2..=9).contains(&n)) => {
            value += 10.0;
            end = e.end;
        }
        Some(Elem {
            conj: true,
            what: What::Word(Num::Tens(t)),
            end: e,
            ..
        }) if base.is_none_or(|n| n <= 9) => {
            value += f64::from(t);
            end = e;
        }
        _ if base.is_none() => return None,
        _ => {}
    }
    Some(Parsed {
        start: h.start,
        end,
        value,
        int: true,
        kind: Kind::Ordinal,
    })
}

/// The longer of two readings at the same place (the first on a tie).
fn longer(a: Option<Parsed>, b: Option<Parsed>) -> Option<Parsed> {
    match (a, b) {
        (Some(a), Some(b)) if b.end > a.end => Some(b),
        (a, b) => a.or(b),
    }
}

/// «الحادية والخمسين بعد المئة», «العاشرة بعد الألف»: an ordinal below a
/// hundred, «بعد» and a definite hundred or thousand is the rank that many
/// past it (151st, 1010th).
fn after_hundred(key: &str, o: Parsed) -> Parsed {
    let base = next_token(key, o.end)
        .filter(|t| t.s == "بعد" && o.kind == Kind::Ordinal && o.value < 100.0)
        .and_then(|t| next_token(key, t.end))
        .and_then(|n| words::lookup(key, n.start, n.end))
        .filter(|h| h.article && h.clitic.is_empty())
        .and_then(|h| match h.entry.num? {
            Num::Hundred(100) => Some((h.end, 100.0)),
            Num::Scale(1_000, Count::One) => Some((h.end, 1000.0)),
            _ => None,
        });
    match base {
        Some((end, v)) => Parsed {
            end,
            value: o.value + v,
            ..o
        },
        None => o,
    }
}

/// A definite cardinal from a hundred up (the article on its first word,
/// see [`cardinal_read`]) that is a whole count, at the word at `pos`.
fn definite_cardinal(key: &str, pos: usize) -> Option<Parsed> {
    let head = elem(key, pos).filter(|e| e.article && !e.conj)?;
    let p = cardinal_read(key, pos, true)?;
    (p.start == head.start && p.kind == Kind::Cardinal && p.int && p.value >= 100.0).then_some(p)
}

/// «الذكرى المئة لتأسيس», «الدورة الألف», «الزائر المليون», «الصفحة الواحد
/// والعشرون تريليون وثلاث مئة»: a definite cardinal from a hundred up right
/// after the definite singular noun it qualifies is its rank, as tens with
/// the article are («الذكرى العشرين»). Not after a plural or a dual
/// («السنوات الألف», «الأيام المئة الأولى» are counts), nor with a clitic
/// on it («بالمئة»), nor before its counted noun («المليون دولار»).
fn definite_rank(chunk: &Chunk<'_>, pos: usize) -> Option<Parsed> {
    let key = chunk.key;
    let t = token_at(key, pos).filter(|t| t.kind == TokKind::Word)?;
    let h = words::lookup(key, t.start, t.end).filter(|h| h.article && h.clitic.is_empty())?;
    if !matches!(
        h.entry.num?,
        Num::Unit(1..) | Num::Tens(_) | Num::Hundred(_) | Num::Scale(_, Count::One)
    ) || !singular_definite_noun_before(key, h.start)
        || year_noun_before(key, h.start)
    {
        return None;
    }
    let p = definite_cardinal(key, h.start)?;
    if counted_noun_after(key, p.end) || first_few_after(key, p.end) {
        return None;
    }
    Some(Parsed {
        kind: Kind::Ordinal,
        ..p
    })
}

/// Whether an ordinal or a superlative follows `end` («المراكز الخمسمائة
/// الأولى», «المدارس المئة الأفضل»): the number then counts the first or
/// the best few, whatever the noun before it.
fn first_few_after(key: &str, end: usize) -> bool {
    next_token(key, end).is_some_and(|n| {
        // أفعل, أفعلى with the article: «الأفضل», «الأكبر», «الأولى».
        let superlative =
            n.s.strip_prefix("الا")
                .is_some_and(|rest| rest.chars().count() == 3);
        superlative
            || matches!(n.s, "الاخيره" | "الاخير" | "الاوايل")
            || words::lookup(key, n.start, n.end)
                .is_some_and(|h| matches!(h.entry.num, Some(Num::Ord(_))))
    })
}

/// Whether «العام», «السنة» stand before `start`: a number after them is a
/// year («وفي العام الألف قبل الميلاد»), the date grammar's.
fn year_noun_before(key: &str, start: usize) -> bool {
    words::word(key, prev_token(key, start))
        .is_some_and(|h| matches!(h.entry.date, Some(words::DateW::Unit(words::Unit::Year, _))))
}

/// «المائتان», «المئة وخمسة وعشرون», «الألف وخمسمئة»: a definite cardinal
/// from a hundred up with no noun it ranks is a count ("the two hundred").
/// A hundred may stand alone, but not as the hundred of a percentage
/// («في المئة», «بالمئة») nor in a name («شارع المئة»); a larger scale alone («الألف», «المليون») is the
/// letter alef («من الألف إلى الياء») or a name («مسيرة المليون»).
fn definite_count(key: &str, pos: usize) -> Option<Parsed> {
    let t = token_at(key, pos).filter(|t| t.kind == TokKind::Word)?;
    let h = words::lookup(key, t.start, t.end).filter(|h| h.article && h.clitic.is_empty())?;
    let alone_ok = match h.entry.num? {
        Num::Hundred(_) => true,
        Num::Scale(_, Count::One) => false,
        _ => return None,
    };
    let before = prev_token(key, h.start);
    // «في المئة»; «ارتفع 0.8 المئة», a percentage with its «في» dropped.
    if before.is_some_and(|p| {
        p.s == "في"
            || p.kind == TokKind::Digits
            || words::lookup(key, p.start, p.end).is_some_and(|w| w.entry.num.is_some())
    }) {
        return None;
    }
    let prev = before.map(|p| p.s);
    // «شارع المئة», «نادي المئة», «"المائة" سابقاً»: a hundred alone after
    // a noun that names places and groups, or in quotes, is a name.
    let named = prev.is_some_and(|p| NAME_HEADS.contains(&p) || matches!(p, "\"" | "«" | "“"));
    // «الحادية والأربعين عاما بعد المائة», «في بداية الأربعمائة بعد
    // الألف»: the hundreds an ordinal or a year is counted past.
    let past = prev == Some("بعد")
        || next_token(key, h.end).is_some_and(|n| {
            n.s == "بعد"
                && next_token(key, n.end)
                    .is_some_and(|m| matches!(m.s, "الالف" | "الميه" | "المايه"))
        });
    definite_cardinal(key, h.start).filter(|p| p.end > h.end || alone_ok && !named && !past)
}

/// Nouns (key spellings) that name a street, a place, a group or a list
/// after a number: «شارع المئة», «ميدان الألف», «نادي المئة», «قائمة
/// المئة».
const NAME_HEADS: &[&str] = &[
    "شارع",
    "طريق",
    "ميدان",
    "ساحه",
    "حي",
    "دوار",
    "جسر",
    "برج",
    "مدينه",
    "نادي",
    "مسيره",
    "مجموعه",
    "مجلس",
    "قايمه",
];

/// Whether the word before `start` is a definite noun in the singular,
/// one a rank can qualify: «الذكرى», «والدورة», «للمرة». Not a number or a
/// plural of time, nor a word with the endings of a plural or a dual (ات,
/// ون, ين, ان: «السنوات», «المشاركين», «الطرفان»), nor a common broken
/// plural of news («الدول», «الأيام»).
fn singular_definite_noun_before(key: &str, start: usize) -> bool {
    let Some(p) = prev_token(key, start).filter(|p| p.kind == TokKind::Word) else {
        return false;
    };
    if let Some(h) = words::lookup(key, p.start, p.end)
        && (h.entry.num.is_some()
            || h.entry
                .date
                .is_some_and(|d| !matches!(d, words::DateW::Unit(_, Count::One))))
    {
        return false;
    }
    let bare = p.s.trim_start_matches(['و', 'ف', 'ب', 'ك']);
    let Some(noun) = bare.strip_prefix("ال").or_else(|| bare.strip_prefix("لل")) else {
        return false;
    };
    noun.chars().count() >= 2
        && !["ات", "ون", "ين", "ان"].iter().any(|e| noun.ends_with(e))
        && !BROKEN_PLURALS.contains(&noun)
}

/// Broken plurals (key spelling, without the article) that news puts
/// before a definite count: «الدول الخمس», «الأيام المئة الأولى».
const BROKEN_PLURALS: &[&str] = &[
    "ايام",
    "اعوام",
    "سنين",
    "اشهر",
    "شهور",
    "اسابيع",
    "قرون",
    "عقود",
    "دول",
    "مدن",
    "قري",
    "رجال",
    "اطفال",
    "اشخاص",
    "جنود",
    "اسري",
    "قتلي",
    "ضحايا",
    "شهداء",
    "طلاب",
    "عمال",
    "اسر",
    "دقايق",
    "ثواني",
    "كتب",
    "صفحات",
    "نقاط",
    "بنود",
    "مواد",
    "اعضاء",
    "نواب",
    "مقاعد",
];

/// Whether a word after `end` is a noun the number counts («المليون دولار»,
/// «المئة عام»): a word without the article that is no particle, no
/// preposition glued to a noun («لتأسيس», «للمعرض»), no conjunction, no
/// number and no date word but a unit.
fn counted_noun_after(key: &str, end: usize) -> bool {
    let Some(n) = next_token(key, end).filter(|n| n.kind == TokKind::Word) else {
        return false;
    };
    // «عالميا», «سنويا»: an adverb, not a noun.
    if PARTICLES.contains(&n.s)
        || n.s.starts_with("ال")
        || n.s.starts_with('ل')
        || n.s.starts_with('و')
        || n.s.ends_with("يا")
    {
        return false;
    }
    // A number goes on the count; a date word other than a unit («أمس»,
    // «الخميس») is no noun it counts («المئة يوم» is).
    !words::lookup(key, n.start, n.end).is_some_and(|h| {
        h.entry.num.is_some()
            || h.entry
                .date
                .is_some_and(|d| !matches!(d, words::DateW::Unit(..)))
    })
}

/// Word pairs (key spelling, previous word then this word proper) that are
/// idioms, not numbers.
const IDIOMS_BEFORE: &[(&str, &str)] = &[
    ("وقت", "واحد"),
    ("ان", "واحد"),
    ("صف", "واحد"),
    ("صفا", "واحدا"),
    ("يد", "واحده"),
    ("كل", "واحد"),
    ("كل", "واحده"),
    // «أي واحد تفضل؟»: which one.
    ("اي", "واحد"),
    ("اي", "واحده"),
    ("العالم", "الثالث"),
    ("المقام", "الاول"),
    ("الطراز", "الاول"),
    ("مجموعه", "العشرين"),
    ("مجموعه", "السبع"),
    // The Hijri month, not zero.
    ("شهر", "صفر"),
];

/// Whether a word number is an idiom rather than a number (see the module
/// docs).
fn idiom(chunk: &Chunk<'_>, p: &Parsed) -> bool {
    let key = chunk.key;
    let this = &key[p.start..p.end];
    if this == "الواحد" || this == "الواحده" {
        return true;
    }
    if let Some(prev) = prev_token(key, p.start).filter(|t| t.kind == TokKind::Word) {
        let prev_core =
            words::lookup(key, prev.start, prev.end).map_or(prev.s, |h| &key[h.start..h.end]);
        let prev_bare = prev.s.trim_start_matches(['و', 'ف', 'ب']);
        if IDIOMS_BEFORE
            .iter()
            .any(|&(a, b)| b == this && (a == prev.s || a == prev_core || a == prev_bare))
        {
            return true;
        }
    }
    // «ثانية» after a count is a second of time, not "second".
    if this == "ثانيه"
        && prev_token(key, p.start).is_some_and(|t| {
            t.kind == TokKind::Digits
                || words::word(key, Some(t)).is_some_and(|h| h.entry.num.is_some())
        })
    {
        return true;
    }
    if stranded_construct(key, p) {
        return true;
    }
    if let Some(next) = next_token(key, p.end) {
        // ثاني أكسيد الكربون: carbon dioxide.
        if (this == "ثاني" || this == "ثالث") && next.s == "اكسيد" {
            return true;
        }
    }
    false
}

/// Whether a number word that needs its counted noun after it stands
/// without one: a dual in construct («ألفي», «مليوني», «مائتي»: «ألفي
/// دولار») or «عشر» alone («عشر سنوات»), at the end of a clause or before
/// a particle. It is then a name more often than a count («ويقول وليد
/// عصام الفي، رئيس اللجنة», «وأكد الفي أن …»).
fn stranded_construct(key: &str, p: &Parsed) -> bool {
    let this = &key[p.start..p.end];
    if !CONSTRUCT_ONLY.contains(&this) {
        return false;
    }
    let Some(n) = next_token(key, p.end) else {
        return true;
    };
    // «عشر في المئة»: a percentage.
    let percent =
        n.s == "في" && next_token(key, n.end).is_some_and(|m| matches!(m.s, "الميه" | "المايه"));
    n.kind == TokKind::Punct || PARTICLES.contains(&n.s) && !percent
}

/// Number words that need a counted noun after them, as keys: the duals
/// in construct and «عشر» (ten, before a feminine plural).
const CONSTRUCT_ONLY: &[&str] = &["الفي", "مليوني", "ملياري", "ميتي", "مايتي", "عشر"];

/// Particles no counted noun can be, as keys: after a number word in
/// construct they show it has none.
const PARTICLES: &[&str] = &[
    "ان", "انه", "انها", "في", "من", "علي", "عن", "الي", "الذي", "التي", "قد", "لم", "لن", "لا",
    "هو", "هي", "مع", "حيث", "كما", "بان", "بانه",
];

#[cfg(test)]
mod tests {
    use super::*;

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

    /// The value of the first number in `text`, with its span.
    /// The spans of all the numbers found in `text`.
    fn all(text: &str) -> Vec<String> {
        let t = crate::extract::TestChunk::new(text);
        let chunk = t.chunk();
        let mut out = Vec::new();
        let triggers: Vec<usize> = words::triggers(chunk.key).collect();
        find(&chunk, &triggers, &mut out);
        out.into_iter()
            .map(|c| t.normalized.text()[c.range].to_owned())
            .collect()
    }

    #[test]
    fn a_range_shares_the_scale_or_percent_written_after_it() {
        use Kind::*;
        check_firsts(&[
            ("يتراوح العدد بين 20 و30 ألف شخص", "20", 20_000.0, Cardinal),
            ("ما بين 3 و4 ملايين دولار", "3", 3_000_000.0, Cardinal),
            ("تكلف من 5 إلى 7 ملايين ريال", "5", 5_000_000.0, Cardinal),
            ("حضر 20-30 ألف متفرج", "20", 20_000.0, Cardinal),
            ("بين 1.5 و2.5 مليار", "1.5", 1_500_000_000.0, Cardinal),
            ("بين عشرة وخمسة عشر ألفاً", "عشرة", 10_000.0, Cardinal),
            ("ارتفعت بين 10 و15 في المئة", "10", 10.0, Percent),
            // Nothing shared: a first end past the second's count, no
            // range word, a list.
            ("بين 500 و2 مليون", "500", 500.0, Cardinal),
            ("قتل 20 وأصيب 30 ألف", "20", 20.0, Cardinal),
            ("في 2015 و30 ألف", "2015", 2015.0, Cardinal),
            ("من 20 إلى ألف", "20", 20.0, Cardinal),
        ]);
    }

    /// Checks the first number of each case's text: its span (normalised
    /// text), value and kind.
    fn check_firsts(cases: &[(&str, &str, f64, Kind)]) {
        for (text, span, v, kind) in cases {
            let got = first(text);
            let ok = got
                .as_ref()
                .is_some_and(|(s, g, k)| s == span && (g - v).abs() < 1e-9 && k == kind);
            assert!(
                ok,
                "number in {text:?}: want {span:?} {v} {kind:?}, got {got:?}"
            );
        }
    }

    fn first(text: &str) -> Option<(String, f64, Kind)> {
        let t = crate::extract::TestChunk::new(text);
        let chunk = t.chunk();
        let n = &t.normalized;
        let mut out = Vec::new();
        let triggers: Vec<usize> = words::triggers(chunk.key).collect();
        find(&chunk, &triggers, &mut out);
        let c = out.into_iter().next()?;
        let v = match c.value? {
            Value::Int(i) => i as f64,
            Value::Float(f) => f,
            Value::Timex(_) => unreachable!(),
        };
        Some((n.text()[c.range].to_owned(), v, c.kind?))
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

    #[test]
    fn definite_cardinals_as_ranks_and_counts() {
        use Kind::*;
        // Right after the definite singular noun it qualifies: a rank.
        check_firsts(&[
            (
                "احتفلت الجامعة بالذكرى المئة لتأسيسها",
                "المئة",
                100.0,
                Ordinal,
            ),
            ("وتنعقد الدورة الألف للمجلس", "الالف", 1000.0, Ordinal),
            ("استقبل المعرض الزائر المليون أمس", "المليون", 1e6, Ordinal),
            (
                "أحيا الحزب الذكرى المئتين لميلاد مؤسسه",
                "المئتين",
                200.0,
                Ordinal,
            ),
            (
                "حصل على المرتبة الواحد والعشرون ألفا وثلاث مئة في الترتيب",
                "الواحد والعشرون الفا وثلاث مئة",
                21_300.0,
                Ordinal,
            ),
            // With no noun it ranks: a count.
            ("وحضر المائتان حفل التخرج", "المائتان", 200.0, Cardinal),
            (
                "وصل المئة وخمسة وعشرون متسابقا",
                "المئة وخمسة وعشرون",
                125.0,
                Cardinal,
            ),
            ("الأيام المئة الأولى من الولاية", "المئة", 100.0, Cardinal),
            ("جمع الألف وخمسمئة توقيع", "الالف وخمسمئة", 1500.0, Cardinal),
            // «الأولى», «الأفضل» after it: the first or best few, a count.
            ("وجاءت المدارس المئة الأولى", "المئة", 100.0, Cardinal),
            ("صنف المعهد المئة الأفضل", "المئة", 100.0, Cardinal),
            (
                "حل في المركز المائة وواحد عالميا",
                "المائة وواحد",
                101.0,
                Ordinal,
            ),
            // An ordinal past a hundred or a thousand.
            (
                "عقد المجلس جلسته الحادية والخمسين بعد المئة",
                "الحادية والخمسين بعد المئة",
                151.0,
                Ordinal,
            ),
            (
                "احتفلت بالذكرى العاشرة بعد الألف",
                "العاشرة بعد الالف",
                1010.0,
                Ordinal,
            ),
        ]);
        // A percentage's hundred, a plural before, a counted noun after, a
        // scale alone: no rank.
        for (text, want) in [
            ("ارتفع المؤشر 3 في المئة", vec!["3 في المئة"]),
            ("ارتفع المؤشر 3 بالمئة", vec!["3 بالمئة"]),
            ("خلال السنوات الألف الماضية", vec![]),
            ("ربح المتسابق المليون دولار", vec![]),
            ("باع نصف المليون سهم", vec!["نصف"]),
            ("يعرف القضية من الألف إلى الياء", vec![]),
            ("شارك في مسيرة المليون", vec![]),
            ("أغلق شارع المئة أمس", vec![]),
            ("وارتفع الدولار 0.8 المئة", vec!["0.8"]),
            ("وفي العام الألف قبل الميلاد", vec![]),
            (
                "بلغ الحادية والأربعين عاما بعد المائة",
                vec!["الحادية والاربعين"],
            ),
            ("في بداية الاربعمائة بعد الألف", vec![]),
            ("عند تقاطع طريق \"المائة\" سابقا", vec![]),
        ] {
            assert_eq!(all(text), want, "{text}");
        }
    }

    #[test]
    fn construct_numbers_without_their_noun() {
        // A dual in construct or «عشر» at a clause's end or before a
        // particle: a surname, no count.
        for text in [
            "وقال المدير سامي الفي، إن العمل مستمر",
            "وأكد خالد الفي أن الفريق جاهز",
            "وشارك اللاعب نبيل عشر في المباراة",
            "وصرح الكابتن مليوني.",
        ] {
            assert_eq!(all(text), Vec::<String>::new(), "{text}");
        }
        // With their noun, or as a percentage, they are numbers.
        check_firsts(&[
            ("تبرع بألفي دولار للجمعية", "الفي", 2000.0, Kind::Cardinal),
            ("قضى عشر سنوات في السجن", "عشر", 10.0, Kind::Cardinal),
            (
                "ارتفعت الأسعار عشر في المئة",
                "عشر في المئة",
                10.0,
                Kind::Percent,
            ),
            (
                "بلغت الكلفة مليوني يورو",
                "مليوني",
                2_000_000.0,
                Kind::Cardinal,
            ),
        ]);
    }

    #[test]
    fn not_numbers() {
        for text in [
            "في وقت واحد",
            "أحد المسؤولين",
            "آلاف المتظاهرين",
            "دول العالم الثالث",
            "كوفيد-19",
            "يوم الاثنين",
            "النتائج الأولية",
        ] {
            assert_eq!(first(text), None, "{text}");
        }
    }
}
