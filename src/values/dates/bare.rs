//! Dates with fewer parts than a calendar date, where the words around
//! them make them dates: a day of the month alone after a preposition at
//! the end of a sentence («عدت في 27.», «سأعود إلى الحادي والعشرين»), and
//! the cues that make a day and month in digits a date without a year
//! («في 22/4», «منذ 7/2», «سأعود 4/22»).
//!
//! In: a [`Chunk`] and a token position (the digits or the ordinal). Out:
//! the phrase with its value (`XXXX-XX-27` for a day whose month is not
//! named, as «يوم 27» gives), or whether a day and month are cued.
//!
//! News writes the same shapes for other things, and the guards follow
//! its classes:
//!
//! - a number after «في» or «إلى» inside a sentence is a count or a rate
//!   («في 15 مدينة», «إلى 27 قتيلا»): a day alone must end its sentence;
//! - a range of numbers («ارتفع من 20 إلى 27.»): no number before it in
//!   its clause;
//! - an amount reached («وارتفع عدد الضحايا إلى 18.», «وتراجع المؤشر إلى
//!   12.»): no verb of change or of reaching, nor a counted noun, before
//!   it in its clause;
//! - a feminine ordinal after «في» is an age or an hour («وهو في الحادية
//!   والعشرين»): the day's ordinal is masculine (يوم);
//! - two numbers joined by a dash are a score or a range («فاز 2-1»,
//!   «18 - 19 ألف»): a dash only with a cue and at the end of a sentence;
//! - two numbers with a dot are a decimal («عند 53.5»): never a day and
//!   month without a year (see the docs' Recognizers-Text conventions).

use super::time::counted_within;
use super::{Found, counts_after};
use crate::doc::{Chunk, Kind};
use crate::values::numbers;
use crate::values::words::{self, TokKind, next_token, parse_digits, prev_token, token_at};

/// Prepositions before a day of the month alone (key spellings).
const DAY_PREPOSITIONS: &[&str] = &["في", "الي", "حتي", "عند"];

/// Words before a day and month in digits that make them a date: time
/// prepositions (key spellings).
const DAY_MONTH_CUES: &[&str] = &["في", "عند", "منذ", "قبل", "بعد", "حتي", "بحلول", "الي"];

/// Words that begin like a first-person future verb («سأفعل», folded
/// «سافعل») and are not one (key spellings): hours, «سابق», «سائق»,
/// «ساحة», «ساهم» (past tense), «سادس», «سالم».
const NOT_VERBS: &[&str] = &[
    "ساعه",
    "ساعات",
    "سابق",
    "سايق",
    "سائق",
    "ساحه",
    "ساحات",
    "ساهم",
    "سادس",
    "سالم",
    "سامي",
    "سارع",
];

/// How many words before a day alone are searched for a number that
/// would make it the end of a range.
const CLAUSE_WORDS: usize = 6;

/// Whether the sentence ends after `end`: the text's end or a full stop,
/// an exclamation or a question mark.
fn sentence_ends(key: &str, end: usize) -> bool {
    next_token(key, end)
        .is_none_or(|t| t.kind == TokKind::Punct && matches!(t.s, "." | "!" | "?" | "؟"))
}

/// Whether a number (digits or a number word) stands among the
/// [`CLAUSE_WORDS`] words before `start`, within its clause.
fn number_before(c: &Chunk<'_>, start: usize) -> bool {
    let mut p = start;
    for _ in 0..CLAUSE_WORDS {
        let Some(t) = prev_token(c.key, p) else {
            return false;
        };
        match t.kind {
            TokKind::Digits => return true,
            TokKind::Punct if matches!(t.s, "." | "!" | "?" | "؟" | "،" | "," | "؛") => {
                return false;
            }
            TokKind::Word
                if words::lookup(c.key, t.start, t.end).is_some_and(|h| h.entry.num.is_some()) =>
            {
                return true;
            }
            _ => {}
        }
        p = t.start;
    }
    false
}

/// A day of the month alone after a preposition, ending its sentence:
/// «سأعود في 15.», «عدت إلى 27!», «عدت في الثاني والعشرين», «عدت
/// للثاني» (the preposition glued). `XXXX-XX-DD`: the month is not named.
pub(super) fn day_after_preposition(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let t = token_at(key, pos)?;
    let before = |p: usize| prev_token(key, p).is_some_and(|p| DAY_PREPOSITIONS.contains(&p.s));
    let (start, end, d) = match t.kind {
        TokKind::Digits => {
            let n = parse_digits(t.s).filter(|n| n.int && n.width <= 2)?;
            before(t.start).then_some((t.start, t.end, n.value))?
        }
        TokKind::Word => {
            let h = words::lookup(key, t.start, t.end)?;
            let glued = h.clitic == "ل";
            if !(glued || h.clitic.is_empty() && before(t.start)) || !h.article {
                return None;
            }
            // «في السادسة», «الحادية والعشرين»: an age or an hour; «الأولى».
            let first = &key[h.start..h.end];
            if first.ends_with('ه') || first.ends_with("اولي") {
                return None;
            }
            let o = numbers::ordinal(c, pos).filter(|o| o.int)?;
            (o.start, o.end, o.value)
        }
        TokKind::Punct => return None,
    };
    if !(1.0..=31.0).contains(&d)
        || !sentence_ends(key, end)
        || number_before(c, start)
        || counted_within(key, start, CLAUSE_WORDS)
    {
        return None;
    }
    Some(Found::new(
        start,
        end,
        format!("XXXX-XX-{:02}", d as u8),
        Kind::Date,
    ))
}

/// Whether the words before a day and month in digits at `pos` (ending at
/// `end`) make them a date: a time preposition
/// («في 22/4», «منذ 7/2») or a first-person future verb («سأعود 4/22»,
/// «سوف أعود 22/4»). A dash only at the end of a sentence, and never
/// before a unit or a scale word («في 18-19 ألف»).
pub(super) fn cued_day_month(c: &Chunk<'_>, pos: usize, end: usize) -> bool {
    let key = c.key;
    let (Some(p), Some(sep)) = (
        prev_token(key, pos),
        token_at(key, pos).and_then(|t| token_at(key, t.end)),
    ) else {
        return false;
    };
    // «سأعود» (the hamza is folded: «سا»), at least five letters, not a
    // noun of time («ساعات»); or «سوف» before the verb.
    let future = || {
        p.s.starts_with("سا")
            && p.s.chars().count() >= 5
            && !NOT_VERBS.iter().any(|n| p.s.starts_with(n))
            || prev_token(key, p.start).is_some_and(|q| q.s == "سوف")
    };
    let cued = DAY_MONTH_CUES.contains(&p.s) || p.kind == TokKind::Word && future();
    cued && !counts_after(key, end) && (sep.s == "/" || sentence_ends(key, end))
}

/// The marks that may join a day in digits to its month: «2- أكتوبر»,
/// «28-نوفمبر», «2/ أكتوبر», «16. نوفمبر. 2016».
const JOINERS: &[&str] = &["-", "/", "."];

/// After a day in digits (`ds..de`), a mark of [`JOINERS`] and where the
/// word after it starts (the month, if the caller finds one there), with
/// whether a year must follow the month: where no «يوم» or «في» comes
/// before the day, at the start of a line («1- يناير» numbers a list) and
/// after a dot (the month may open the next sentence: «قتل 12. أكتوبر
/// الماضي شهد …»).
pub(super) fn joined_to_month(
    c: &Chunk<'_>,
    ds: usize,
    de: usize,
) -> Option<(usize, &'static str, bool)> {
    let key = c.key;
    if !key[ds..de].bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let t = next_token(key, de)?;
    let j = *JOINERS.iter().find(|&&j| j == t.s)?;
    let q = next_token(key, t.end)
        .filter(|m| m.kind == TokKind::Word)?
        .start;
    let line_start = key[..ds].trim_end_matches(' ').is_empty()
        || key[..ds].trim_end_matches(' ').ends_with('\n');
    let cue = key[ds..].starts_with("يوم")
        || prev_token(key, ds).is_some_and(|p| matches!(p.s, "يوم" | "في"));
    Some((q, j, !cue && (line_start || j == ".")))
}

/// A day in digits after its month: «يناير 1.», «يناير-1», «سبتمبر 10،
/// 2001», «سبتمبر10, ألف وتسعمائة وواحد». Only where the sentence ends
/// after it or a year follows (after a comma or not): «يونيو 30 ألف
/// دولار» is an amount. Returns its end and the day.
pub(super) fn digits_after_month(c: &Chunk<'_>, end: usize) -> Option<(usize, u8)> {
    let key = c.key;
    let mut t = next_token(key, end)?;
    if t.s == "-" {
        t = next_token(key, t.end)?;
    }
    if t.kind != TokKind::Digits {
        return None;
    }
    let n =
        parse_digits(t.s).filter(|n| n.int && n.width <= 2 && (1.0..=31.0).contains(&n.value))?;
    let year_at = |p: usize| {
        next_token(key, p).is_some_and(|y| {
            y.kind == TokKind::Digits && y.s.len() == 4
                || y.kind == TokKind::Word
                    && words::lookup(key, y.start, y.end).is_some_and(|h| h.entry.num.is_some())
        })
    };
    let comma = next_token(key, t.end).filter(|x| matches!(x.s, "," | "،"));
    let year_follows = match comma {
        Some(x) => year_at(x.end),
        None => year_at(t.end) && !counts_after(key, t.end),
    };
    (sentence_ends(key, t.end) || year_follows).then_some((t.end, n.value as u8))
}

#[cfg(test)]
mod tests {
    use super::super::{check_dates, check_no_dates};

    #[test]
    fn a_day_alone_after_a_preposition() {
        check_dates(&[
            ("نلتقي في 12.", None, "12", "XXXX-XX-12"),
            ("سيصل الوفد حتى 30!", None, "30", "XXXX-XX-30"),
            ("تأجل الموعد إلى 9", None, "9", "XXXX-XX-09"),
            ("نلتقي في الخامس عشر.", None, "الخامس عشر", "XXXX-XX-15"),
            (
                "رجع إلى بلده في الثالث والعشرين؟",
                None,
                "الثالث والعشرين",
                "XXXX-XX-23",
            ),
            ("أجلنا السفر للثالث.", None, "لثالث", "XXXX-XX-03"),
        ]);
    }

    #[test]
    fn counts_ages_and_ranges_are_no_day() {
        check_no_dates(
            &[
                // A count inside its sentence.
                "انتشر الوباء في 12 مدينة.",
                "وصل عدد القتلى إلى 27 قتيلا",
                // The end of a range of numbers.
                "ارتفع العدد من 20 إلى 27.",
                "قتل 3 أشخاص وجرح 5 في 12.",
                // A feminine ordinal: an age or an hour.
                "ألف كتابه الأول وهو في الحادية والعشرين.",
                "قتل 12 شخصا بينهم طفلة في السادسة.",
                // A number after other words.
                "حصل الفريق على 12.",
                // An amount reached: a verb of change or of reaching, or a
                // counted noun, earlier in the clause.
                "وارتفع عدد الضحايا إلى 18.",
                "وتراجع المؤشر العام للسوق إلى 9.",
                "وصلت درجة الحرارة في المدينة إلى 31.",
                "بلغت الخسائر حتى الآن في 24.",
                "يرتفع الرقم إلى الحادي عشر.",
            ],
            None,
        );
    }

    #[test]
    fn a_day_and_month_in_digits_with_a_cue() {
        check_dates(&[
            (
                "سيبدأ التسجيل في 15/3",
                Some("2019-01-10"),
                "15/3",
                "2019-03-15",
            ),
            ("لم يره منذ 3/11", None, "3/11", "XXXX-11-03"),
            ("سأسافر 5/17", None, "5/17", "XXXX-05-17"),
            ("سوف نرحل 17/5", None, "17/5", "XXXX-05-17"),
            ("تنتهي المهلة بحلول 30-6.", None, "30-6", "XXXX-06-30"),
        ]);
    }

    #[test]
    fn a_day_and_month_joined_by_a_mark() {
        check_dates(&[
            ("وصل الوفد يوم 5- مارس", None, "يوم 5- مارس", "XXXX-03-05"),
            (
                "عاد في 14-فبراير",
                Some("2019-06-01"),
                "14-فبراير",
                "2019-02-14",
            ),
            ("تقرر ذلك في 7/ أغسطس", None, "7/ اغسطس", "XXXX-08-07"),
            ("3. ديسمبر. 2019", None, "3. ديسمبر. 2019", "2019-12-03"),
            ("يوم 9. يونيو", None, "يوم 9. يونيو", "XXXX-06-09"),
            ("نلتقي في فبراير 7.", None, "فبراير 7", "XXXX-02-07"),
            ("نلتقي في فبراير-7", None, "فبراير-7", "XXXX-02-07"),
            ("وقع في أغسطس 3، 2004", None, "اغسطس 3، 2004", "2004-08-03"),
            (
                "بتاريخ 10/شوال / 1436هـ",
                None,
                "10/شوال / 1436ه",
                "2015-07-26",
            ),
        ]);
    }

    #[test]
    fn list_numbers_and_amounts_after_a_month_are_no_day() {
        check_dates(&[
            // A list item: the month alone.
            ("1- يناير شهد أمطارا", None, "يناير", "XXXX-01"),
            // A sentence's last number, then a month opening the next.
            ("قتل 12. أغسطس شهد هدوءا", None, "اغسطس", "XXXX-08"),
            // An amount after a month.
            ("أنفق في أغسطس 30 ألف دولار", None, "اغسطس", "XXXX-08"),
        ]);
    }

    #[test]
    fn scores_fractions_and_decimals_are_no_day_and_month() {
        check_no_dates(
            &[
                // Scores and ranges with a dash inside a sentence.
                "فاز الفريق في 2-1 على منافسه",
                "تغلب عليه في 3-1 بعد",
                "بلغ السعر في 18-19 ألف ريال",
                // A fraction or a score without a cue.
                "صورة شمسية 3/4 مع الطلب",
                "تعادل مع تشلسي 1/1 قبل أن يخسر",
                // A decimal.
                "استقر المؤشر عند 4.7",
                "بلغ حجم التداول عند 12.5",
                // صفر is zero there, not the Hijri month.
                "فاز الفريق 2-صفر",
                "تقدم 1 / صفر في الشوط الأول",
                // Words that begin like a future verb and are not one.
                "ساعات 3/4",
                "ساهمت 3/4 من الأسر",
            ],
            None,
        );
    }
}
