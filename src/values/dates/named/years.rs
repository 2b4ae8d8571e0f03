//! Years: with their marker («عام 2003», «2019م», «1445 هـ»), in words
//! («ألفين وأربعة عشر», «تسعة عشر ثمانية وعشرون» = 1928), after a month
//! («يناير، 2001», «نوفمبر. 2016»), relative to the reference («من العام
//! الجاري») and four digits alone where a word announces a year («في
//! 2019», «منذ 2011»).

use crate::doc::Kind;
use crate::values::dates::{after, counts_after, date_word, next_hit, next_word_is};
use crate::values::numbers;
use crate::values::words::{
    self, Count, DateW, Opener, TokKind, Unit, next_token, parse_digits, token_at,
};

/// A year: «عام 2003», «العام 2003», «سنة 2019», «2019م», «1445 هـ». With
/// `bare`, four digits alone will do. Returns the span, the year and
/// whether it is a Hijri year.
pub(in crate::values::dates) fn year_at(
    key: &str,
    pos: usize,
    bare: bool,
) -> Option<(usize, usize, i32, bool)> {
    let t = token_at(key, pos)?;
    let (start, digits, marker) = match t.kind {
        TokKind::Digits => (t.start, t, false),
        TokKind::Word => {
            let h = words::lookup(key, t.start, t.end)?;
            // عام, سنة; the construct dual عامي, سنتي before two years.
            match date_word(&h)? {
                DateW::Unit(Unit::Year, Count::One) => {}
                DateW::Unit(Unit::Year, Count::Two) if t.s.ends_with('ي') => {}
                _ => return None,
            }
            let Some(d) = next_token(key, t.end).filter(|d| d.kind == TokKind::Digits) else {
                // «عام ألفين وثلاثة», «عام مائتين وسبعة وستين», «عام
                // تسعة عشر ثمانية وعشرون»: a year in words.
                let (_, e, y) = year_words(key, after(key, t.end)?)
                    .filter(|&(_, e, y)| (100..=2100).contains(&y) && !counts_after(key, e))?;
                // «العام» is also the adjective "general, public": after a
                // noun, a number before a noun is a count («التعليم العام
                // ألف معاذ»); not after a preposition («في العام ألفين
                // وعشرين بدأ»).
                let after_preposition = h.clitic.contains(['ب', 'ل'])
                    || words::prev_token(key, h.token_start()).is_some_and(|p| {
                        let w = p.s.strip_prefix('و').unwrap_or(p.s);
                        YEAR_CONTEXT.contains(&w) || matches!(w, "من" | "الي")
                    });
                if h.article && !after_preposition && !clause_goes_on(key, e) {
                    return None;
                }
                return Some((h.start, e, y, false));
            };
            (h.start, d, true)
        }
        TokKind::Punct => return None,
    };
    let n = parse_digits(digits.s).filter(|n| n.int && !digits.s.contains(','))?;
    let y = n.value as i32;
    let mut end = digits.end;
    // The era: glued (2019م, 1445هـ) or a word of its own.
    let mut era = None;
    let glued = &key[end..];
    let glued_len = words::letter_run(glued);
    if glued_len > 0 {
        match &glued[..glued_len] {
            "م" | "ء" => era = Some(false),
            "ه" => era = Some(true),
            _ => return None,
        }
        end += glued_len;
    } else if let Some(h) = next_hit(key, end) {
        match date_word(&h) {
            Some(DateW::Ad) if h.clitic.is_empty() || h.start == h.end - "للميلاد".len() => {
                era = Some(false);
                end = h.end;
            }
            Some(DateW::Ah) => {
                era = Some(true);
                end = h.end;
            }
            _ => {}
        }
    }
    let ok_width = if marker || era.is_some() {
        (3..=4).contains(&n.width)
    } else {
        bare && n.width == 4 && (1000..=2100).contains(&y)
    };
    (ok_width && y > 0).then_some((start, end, y, era == Some(true)))
}

/// A year in words at `q`: a cardinal («ألفين وأربعة عشر», «مائتين وسبعة
/// وستين»), or the spoken century and year, two cardinals in a row, the
/// first 10–20 and the second 1–99, with or without «و» between them
/// («تسعة عشر ثمانية وعشرون» = 1928, «تسعة عشر وثمانية وسبعين» = 1978).
/// Callers say where a year may stand. Returns the span and the year.
fn year_words(key: &str, q: usize) -> Option<(usize, usize, i32)> {
    let card = |p: usize| {
        token_at(key, p).filter(|t| t.kind == TokKind::Word)?;
        numbers::cardinal(key, p).filter(|n| n.kind == Kind::Cardinal && n.int)
    };
    let n = card(q)?;
    let first = n.value as i32;
    if (10..=20).contains(&first)
        && let Some(t) = next_token(key, n.end)
        && let Some(m) = card(t.start).or_else(|| {
            t.s.strip_prefix('و')
                .and_then(|_| card(t.start + 'و'.len_utf8()))
        })
        && (1.0..=99.0).contains(&m.value)
    {
        return Some((n.start, m.end, first * 100 + m.value as i32));
    }
    Some((n.start, n.end, first))
}

/// Whether what follows `end` leaves a number before it uncounted: the
/// end of the text or the sentence, punctuation, a preposition, or a new
/// clause joined by «و» or «ف».
fn clause_goes_on(key: &str, end: usize) -> bool {
    next_token(key, end).is_none_or(|t| {
        t.kind == TokKind::Punct && t.s != "%"
            || t.kind == TokKind::Word
                && (matches!(t.s, "في" | "من" | "الي" | "حتي" | "عندما" | "حين" | "م")
                    || t.s.starts_with(['و', 'ف']))
    })
}

/// A year in words in the thousands' form, 1000–2100 («ألفين وعشرين»,
/// «ألف وسبعمائة وتسعة وثمانين»), where no marker announces it: only
/// where nothing is counted after it, i.e. the number ends the clause
/// («في ألفين وخمسمائة موقع» is a count). Returns the span and the year.
pub(in crate::values::dates) fn thousands_year(key: &str, q: usize) -> Option<(usize, usize, i32)> {
    let (start, end, y) = thousands_number(key, q)?;
    let ends = next_token(key, end).is_none_or(|t| t.kind == TokKind::Punct && t.s != "%");
    ends.then_some((start, end, y))
}

/// A cardinal in words in the thousands' form, 1000–2100, wherever it
/// stands: callers guard it.
pub(in crate::values::dates) fn thousands_number(
    key: &str,
    q: usize,
) -> Option<(usize, usize, i32)> {
    let t = token_at(key, q).filter(|t| t.kind == TokKind::Word)?;
    // A whole word, no proclitic: «في كالفي» is a town.
    let n = numbers::cardinal(key, q).filter(|n| {
        n.start == t.start
            && n.kind == Kind::Cardinal
            && n.int
            && (1000.0..=2100.0).contains(&n.value)
    })?;
    key[n.start..]
        .starts_with("الف")
        .then_some((n.start, n.end, n.value as i32))
}

/// «، 2001» after a month: four digits after a comma are its year, unless
/// a scale word makes them an amount («يوليو، 2938 ألف ريال» has no year
/// anyway; «مايو، 1500 ألف» would).
pub(super) fn year_after_comma(key: &str, q: usize) -> Option<(usize, usize, i32, bool)> {
    let comma = token_at(key, q).filter(|t| matches!(t.s, "," | "،"))?;
    let y = year_at(key, after(key, comma.end)?, true)?;
    let scale_follows = next_token(key, y.1).is_some_and(|t| {
        words::lookup(key, t.start, t.end)
            .is_some_and(|h| matches!(h.entry.num, Some(words::Num::Scale(..))))
    });
    (!scale_follows).then_some(y)
}

/// A year in digits after a month and the mark that joined the day to
/// it: «نوفمبر. 2016», «أكتوبر-2016».
pub(super) fn year_after_joiner(
    key: &str,
    end: usize,
    joiner: &str,
) -> Option<(usize, usize, i32, bool)> {
    let t = next_token(key, end).filter(|t| t.s == joiner)?;
    year_at(key, after(key, t.end)?, true)
}

/// A year in words after a day and month: «ألفان وثمانية عشر», «من ألف
/// وتسعمائة وثمانية وسبعين», «، ألفين» (1900–2100). Only where the number
/// ends the sentence: «15 مارس ألفين شخص» is a count.
pub(super) fn year_in_words(key: &str, q: usize) -> Option<(usize, usize, i32, bool)> {
    let q = match token_at(key, q)?.s {
        "," | "،" | "من" => after(key, token_at(key, q)?.end)?,
        _ => q,
    };
    if token_at(key, q)?.kind != TokKind::Word {
        return None;
    }
    let n = numbers::cardinal(key, q).filter(|n| n.int && (1900.0..=2100.0).contains(&n.value))?;
    let ends = next_token(key, n.end).is_none_or(|t| t.kind == TokKind::Punct);
    ends.then_some((n.start, n.end, n.value as i32, false))
}

/// A relative year after a month or day: «من العام الجاري», «العام
/// الماضي», «الماضي» (after a month: the last such month). Returns the
/// end and the year offset (`None` when resolved by the month itself).
pub(super) fn relative_year(key: &str, end: usize) -> Option<(usize, Option<i8>)> {
    let mut p = end;
    if let Some(e) = next_word_is(key, p, &["من"]) {
        p = e;
    }
    let h = next_hit(key, p)?;
    match date_word(&h)? {
        DateW::Unit(Unit::Year, Count::One) if h.article => {
            let dir = next_hit(key, h.end)?;
            match date_word(&dir)? {
                DateW::Dir(d) => Some((dir.end, Some(d))),
                _ => None,
            }
        }
        DateW::Opener(Opener::This) => {
            let y = next_hit(key, h.end)?;
            matches!(date_word(&y)?, DateW::Unit(Unit::Year, Count::One))
                .then_some((y.end, Some(0)))
        }
        DateW::Dir(d) if p == end => Some((h.end, None))
            .filter(|_| d != 0)
            .or(Some((h.end, Some(0)))),
        _ => None,
    }
}

/// Words after which four digits alone are a year: «في 2019», «منذ
/// 2011», «حتى 2030», «مطلع 2020».
const YEAR_CONTEXT: &[&str] = &[
    "في",
    "منذ",
    "حتي",
    "قبل",
    "بعد",
    "خلال",
    "مطلع",
    "اواخر",
    "اوايل",
    "بدايه",
    "نهايه",
    "منتصف",
    "اواسط",
    "ربيع",
    "صيف",
    "خريف",
    "شتاء",
    "بحلول",
    "حلول",
    "عامي",
];

/// Four digits alone (1900–2099) after a word of [`YEAR_CONTEXT`], and
/// not counting something («في 2019 حالة» is a number).
pub(super) fn year_in_context(key: &str, pos: usize) -> Option<(usize, usize, i32, bool)> {
    let t = token_at(key, pos)?;
    if t.kind == TokKind::Word {
        return year_words_in_context(key, pos);
    }
    if t.kind != TokKind::Digits {
        return None;
    }
    let prev = words::prev_token(key, t.start).filter(|p| p.end < t.start)?;
    let prev_word = prev.s.strip_prefix('و').unwrap_or(prev.s);
    let prev_word = match words::lookup(key, prev.start, prev.end) {
        Some(h) if h.clitic.is_empty() => prev_word,
        Some(h) => &key[h.start..h.end],
        None => prev_word,
    };
    if !YEAR_CONTEXT.contains(&prev_word) {
        return None;
    }
    let (start, end, y, hijri) = year_at(key, pos, true)?;
    if !(1900..=2099).contains(&y) {
        return None;
    }
    if counts_after(key, end) {
        return None;
    }
    Some((start, end, y, hijri))
}

/// A year in the thousands' form of words after a word of
/// [`YEAR_CONTEXT`] that is no length's («في ألف وسبعمائة وتسعة وثمانين»,
/// «منذ ألفين وأربعة عشر»; not «قبل», «بعد», «خلال», which take counts of
/// years), where it ends the clause (see [`thousands_year`]).
fn year_words_in_context(key: &str, pos: usize) -> Option<(usize, usize, i32, bool)> {
    let prev = words::prev_token(key, pos).filter(|p| p.end < pos)?;
    let prev_word = prev.s.strip_prefix('و').unwrap_or(prev.s);
    if !YEAR_CONTEXT.contains(&prev_word) || matches!(prev_word, "قبل" | "بعد" | "خلال" | "عامي")
    {
        return None;
    }
    let (start, end, y) = thousands_year(key, pos)?;
    Some((start, end, y, false))
}

#[cfg(test)]
mod tests {
    use crate::values::dates::{check_dates, dates_in};

    #[test]
    fn years_in_words() {
        check_dates(&[
            // After the marker, any cardinal from 100, and the spoken
            // century and year.
            (
                "تأسست الشركة عام ألفين وثلاثة عشر",
                None,
                "عام الفين وثلاثة عشر",
                "2013",
            ),
            (
                "بني المسجد سنة ثلاثمائة وخمسة وعشرين",
                None,
                "سنة ثلاثمائة وخمسة وعشرين",
                "0325",
            ),
            (
                "ولد جده عام تسعة عشر اثنين وثلاثين",
                None,
                "عام تسعة عشر اثنين وثلاثين",
                "1932",
            ),
            (
                "هاجرت الأسرة في مارس من عام ألف وتسعمائة وخمسة وستين",
                None,
                "مارس من عام الف وتسعمائة وخمسة وستين",
                "1965-03",
            ),
            (
                "وقع الزلزال في شتاء عام تسعة عشر وتسعة وثمانين",
                None,
                "شتاء عام تسعة عشر وتسعة وثمانين",
                "1989-WI",
            ),
            // The thousands' form alone, where the clause ends.
            (
                "انتهت الحرب في ألف وتسعمائة وثمانية عشر.",
                None,
                "الف وتسعمائة وثمانية عشر",
                "1918",
            ),
            (
                "تراجعت الصادرات في النصف الأول من ألفين وتسعة عشر",
                None,
                "النصف الاول من الفين وتسعة عشر",
                "2019-H1",
            ),
            (
                "حكم البلاد من ألف وتسعمائة وسبعين إلى ألفين وعشرة.",
                None,
                "من الف وتسعمائة وسبعين الى الفين وعشرة",
                "1970/2010",
            ),
        ]);
        // Counts: a noun after the number, a length, round ends of a range,
        // a number under 100 after the marker.
        for text in [
            "شارك في ألف وخمسمائة موقع",
            "انخفض العدد من ألف إلى ألفين.",
            "قبل ألف وتسعمائة عام",
            "وفي التعليم العام ألف طالب متفوق",
            "هبطت الطائرة في كالفي، ثم أقلعت",
        ] {
            let got = dates_in(text, None);
            assert!(
                got.iter().all(|(_, v)| !v.starts_with(['1', '2'])),
                "{text}: {got:?}"
            );
        }
        assert_eq!(
            dates_in("خلال عام واحد", None),
            vec![("عام واحد".to_owned(), "P1Y".to_owned())]
        );
    }

    #[test]
    fn a_comma_between_the_month_and_its_year() {
        check_dates(&[
            ("فاتني يناير, 2001", None, "يناير, 2001", "2001-01"),
            ("في تشرين الأول، 1973", None, "تشرين الاول، 1973", "1973-10"),
            (
                "ولد في 5 مايو، 1992، القاهرة",
                None,
                "5 مايو، 1992",
                "1992-05-05",
            ),
            (
                "العاشر من سبتمبر ، 2000",
                None,
                "العاشر من سبتمبر ، 2000",
                "2000-09-10",
            ),
        ]);
        // An amount after the comma is no year.
        let got = dates_in("في يوليو، 1500 ألف ريال", None);
        assert_eq!(got, [("يوليو".to_owned(), "XXXX-07".to_owned())]);
    }
}
