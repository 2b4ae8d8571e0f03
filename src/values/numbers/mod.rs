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
//!
//! # Where things are
//!
//! - [`digits`]: numbers written in digits: glued letters and the article
//!   («الـ15», «كوفيد-19»), a point with no digit before it («.5»),
//!   thousands grouped by spaces («40 000») or a reh («000ر22»), slash and
//!   mixed fractions («3/4», «2 1/4»);
//! - [`cardinal`](mod@cardinal): the word grammar («ثلاث مئة وخمسة
//!   وعشرون»), decimals with «فاصلة», percentages («خمسة في المئة»,
//!   «بنسبة 10») and signs («سالب خمسة», «-3.5»);
//! - [`fractions`]: a number over another («واحد على ثلاثة», «ثلاثة أجزاء
//!   من عشرة», «جزء من مليون»);
//! - [`ordinal`](mod@ordinal): ordinals («الحادي عشر»), definite ranks
//!   and counts («الذكرى المئة», «المائتان») and the idioms that are no
//!   numbers («في وقت واحد», «العالم الثالث»).
//!
//! This file holds [`find`], which reads a number at each trigger, and the
//! ranges that share a scale word («بين 20 و30 ألف»).

mod cardinal;
mod digits;
mod fractions;
mod ordinal;

use self::cardinal::{ratio, with_sign};
use self::digits::digits_number;
use self::fractions::{over, part_of};
use self::ordinal::{after_hundred, definite_count, definite_rank, idiom};
use super::words::{self, Num, TokKind, next_token, parse_digits, prev_token, token_at};
use crate::doc::{Candidate, Chunk, Kind, Label, Source, Value};

pub(super) use self::cardinal::cardinal;
pub(super) use self::ordinal::ordinal;

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

/// The longer of two readings at the same place (the first on a tie).
fn longer(a: Option<Parsed>, b: Option<Parsed>) -> Option<Parsed> {
    match (a, b) {
        (Some(a), Some(b)) if b.end > a.end => Some(b),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spans of all the numbers found in `text`.
    pub(super) fn all(text: &str) -> Vec<String> {
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
    pub(super) fn check_firsts(cases: &[(&str, &str, f64, Kind)]) {
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

    /// The value of the first number in `text`, with its span.
    pub(super) fn first(text: &str) -> Option<(String, f64, Kind)> {
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
