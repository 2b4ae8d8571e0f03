//! DATE entities: calendar dates in both Gregorian month systems, Hijri
//! dates, numeric dates, ranges, relative dates, times and durations, each
//! with a TIMEX3 value.
//!
//! In: a [`Chunk`] (normalised text, digits already ASCII) and its reference
//! date, if known. Out: DATE candidates pushed onto the list, each a whole
//! word (proclitics outside: «بعام 2003» gives «عام 2003»), with a
//! [`Value::Timex`], a [`Kind`] (date, time, duration, set) and, for
//! calendar dates, a readable normal form («5 نوفمبر 2020»; Hijri dates add
//! the original: «25 فبراير 2024 (15 شعبان 1445 هـ)»).
//!
//! # Values
//!
//! | written | value | kind |
//! | --- | --- | --- |
//! | 23 أكتوبر 2020, 23/10/2020, 2020-10-23 | `2020-10-23` | date |
//! | شباط/فبراير 1988 | `1988-02` | date |
//! | عام 1992, 1992م | `1992` | date |
//! | 17 أكتوبر (no year, no reference) | `XXXX-10-17` | date |
//! | الجمعة (no reference) | `XXXX-WXX-5` | date |
//! | بين عامي 1991 و1994 | `1991/1994` | date |
//! | الثمانينيات | `198X` | date |
//! | القرن التاسع عشر | `18` | date |
//! | الساعة الثامنة صباحاً | `T08:00` | time |
//! | صباح أمس (reference 2021-03-12) | `2021-03-11TMO` | time |
//! | 12 عاماً, خمس دقائق, أسبوعين | `P12Y`, `PT5M`, `P2W` | duration |
//! | يومياً, كل عام | `P1D`, `P1Y` | set |
//!
//! Relative expressions (اليوم, أمس, الأسبوع الماضي, منذ ثلاثة أيام) resolve
//! against the chunk's reference date. Without one they keep the X form of
//! their granularity: `XXXX-XX-XX` for a day, `XXXX-WXX` for a week,
//! `XXXX-XX` for a month, `XXXX` for a year. A day and month without a year
//! take the reference date's year.
//!
//! A bare weekday (الخميس, يوم الخميس) resolves to its one occurrence in the
//! window from four days before to two days after the reference date: news
//! mostly reports what happened in the last days, and announces the next
//! day or two; further ahead it says «المقبل». «الخميس الماضي» is the last
//! Thursday strictly before the reference, «الخميس المقبل» the first
//! strictly after.
//!
//! Hijri dates convert through [`calendar`](mod@calendar).
//!
//! # Layout
//!
//! [`find`] dispatches on the first word of a phrase (`date_at`) to the
//! grammars, one file each, and keeps the longest phrase:
//!
//! - [`around`]: a found phrase grown by the words around it («وقت لاحق
//!   من», «أسبوع» before a day, «من الآن» after a length);
//! - [`bare`]: a day alone and a day and month in digits, where the words
//!   around them make them dates;
//! - [`calendar`](mod@calendar): date arithmetic (no parsing): partial dates, weekdays,
//!   the Hijri calendar;
//! - [`named`]: dates with month names, years, weekdays, parts of a year,
//!   decades and centuries;
//! - [`numeric`]: dates written in digits (23/10/2020);
//! - [`range`]: two dates joined (بين … و…, من … إلى …, 1980-1988);
//! - [`relative`](mod@relative): dates counted from the reference (أمس, الأسبوع الماضي);
//! - [`time`]: times of day;
//! - [`duration`]: lengths of time and recurring times (sets).

use chrono::{Datelike, NaiveDate};

use super::words::{self, DateW, Hit, Opener, TokKind, next_token, token_at};
use crate::doc::{Candidate, Chunk, Kind, Label, Source, Value};

mod around;
mod bare;
mod calendar;
mod duration;
mod holiday;
mod named;
mod numeric;
mod range;
mod relative;
mod time;

use duration::{duration_at, set_at};
use holiday::holiday_at;
use named::{cal_at, calendar, century_at, decade_at, part_of_period, year_at};
use range::range_at;
use relative::relative;
use time::{time_at, time_range_at};

/// Pushes the dates of `chunk` onto `out`, parsing at `triggers` (what
/// [`words::triggers_into`] gives for the chunk's key).
pub(crate) fn find(chunk: &Chunk<'_>, triggers: &[usize], out: &mut Vec<Candidate>) {
    let mut done = 0;
    for &pos in triggers {
        if pos < done {
            continue;
        }
        let Some(mut f) = date_at(chunk, pos) else {
            continue;
        };
        loop {
            done = f.end;
            let year_only = f.kind == Kind::Date && f.value.len() == 4;
            out.push(Candidate {
                range: f.start..f.end,
                label: Label::Date,
                norm: f.norm,
                value: Some(Value::Timex(f.value)),
                kind: Some(f.kind),
                id: None,
                source: Source::Pattern,
                link: None,
            });
            // «عامي 2014 و2018»: a second year after «و» is a date too.
            let next = year_only
                .then(|| next_token(chunk.key, done).filter(|t| t.s == "و"))
                .flatten()
                .and_then(|t| after(chunk.key, t.end))
                .and_then(|q| year_at(chunk.key, q, true));
            let Some((start, end, y, false)) = next else {
                break;
            };
            f = Found::new(start, end, format!("{y:04}"), Kind::Date);
        }
    }
}

/// How far into a document a dateline is looked for: its head (headline,
/// site, author, date lines) and the opening of its body.
const HEAD_LINES: usize = 12;
const HEAD_BYTES: usize = 1200;
/// Words a dateline's line may hold beside the date, before it and after
/// it: a place, an agency, «نشر في», «آخر تحديث», a time.
const DATELINE_WORDS: usize = 3;

/// Words before a date that make it a date the text talks about.
const TALKED_ABOUT: &[&str] = &[
    "في",
    "يوم",
    "منذ",
    "حتي",
    "بعد",
    "قبل",
    "من",
    "الي",
    "خلال",
    "حلول",
    "بحلول",
    "موعد",
];
/// How lines that announce publication begin: «نشر في», «نشرت في», «تاريخ
/// النشر», «آخر تحديث» (as keys).
const PUBLISHED: [&str; 4] = ["نشر", "تاريخ", "اخر تحديث", "تحديث"];

/// A date at the head of a document, which relative dates in it resolve
/// against: the first full calendar date in the first [`HEAD_LINES`]
/// lines (and [`HEAD_BYTES`]) that is a dateline, not a date the text
/// talks about:
///
/// - a date standing on its line, with at most [`DATELINE_WORDS`] words
///   before it and after it («الجمعة 12 مارس 2021 - 10:30», «نشر في:
///   12/3/2021»);
/// - a date opening a line's first words and followed by a dash
///   («القاهرة - 12 مارس 2021 (رويترز) - قال …»);
/// - a date said to be today («اعتبارا من اليوم الاثنين 4/10/1436»).
///
/// The first full date of the first two lines, the rule before, was wrong
/// on most news pages that have one there: headlines and leads name the
/// dates of events («حددت الفيفا 26 فبراير 2016 موعداً …»).
///
/// `triggers` are the chunk's ([`words::triggers_into`]); the head's are those
/// before its last space or line break (no trigger word holds one, so no
/// trigger crosses it), and those found again after it in the head, where
/// the head's end may cut a word short.
pub(crate) fn dateline(chunk: &Chunk<'_>, triggers: &[usize]) -> Option<NaiveDate> {
    let mut head = chunk.text.len().min(HEAD_BYTES);
    while !chunk.text.is_char_boundary(head) {
        head -= 1;
    }
    if let Some((nl, _)) = chunk.text[..head].match_indices('\n').nth(HEAD_LINES - 1) {
        head = nl;
    }
    let words = chunk.words.partition_point(|w| w.end <= head);
    let sub = Chunk {
        text: &chunk.text[..head],
        key: &chunk.key[..head],
        words: &chunk.words[..words],
        lex: &chunk.lex[..words],
        ref_date: None,
        hijri: chunk.hijri,
    };
    let (key, text) = (chunk.key, chunk.text);
    let words_in = |a: usize, b: usize| {
        let from = chunk.words.partition_point(|w| w.end <= a);
        chunk.words[from..]
            .iter()
            .take_while(|w| w.start < b)
            .count()
    };
    let found = |pos: usize| {
        let c = cal_at(&sub, pos, false)?;
        let date = c.cal.date()?;
        let today = words::prev_token(key, c.start).is_some_and(|t| t.s == "اليوم");
        let line_start = text[..c.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[c.end..].find('\n').map_or(text.len(), |i| c.end + i);
        // «في 26 فبراير 2016», «يوم 15 يوليو»: a date the text talks
        // about, unless the line announces publication («نشر في»).
        let talked_about = key[c.start..].starts_with("يوم ")
            || words::prev_token(key, c.start).is_some_and(|t| {
                TALKED_ABOUT.contains(&t.s)
                    && !PUBLISHED.iter().any(|p| key[line_start..].starts_with(p))
            });
        let opens = words_in(line_start, c.start) <= DATELINE_WORDS && !talked_about;
        let alone = words_in(c.end, line_end) <= DATELINE_WORDS;
        // A weekday written with the date that is not the date's: the page
        // has the date wrong (a day and month swapped, a Hijri date read in
        // another calendar), so it is no reference.
        let weekday_agrees = written_weekday(key, c.start)
            .is_none_or(|w| u32::from(w) == date.weekday().number_from_monday());
        ((today || opens && (alone || dash_after(text, c.end))) && weekday_agrees).then_some(date)
    };
    let cut = if head == chunk.key.len() {
        head
    } else {
        sub.key.rfind([' ', '\n']).unwrap_or(0)
    };
    let before = &triggers[..triggers.partition_point(|&p| p < cut)];
    before.iter().copied().find_map(&found).or_else(|| {
        let mut after = Vec::new();
        words::triggers_from_into(sub.key, cut, &mut after);
        after.into_iter().find_map(&found)
    })
}

/// The weekday written with a date that starts at `start`: the date's
/// first word («الجمعة 12 مارس 2021» where the date takes it in) or the
/// word before it, across a comma («الخميس، 12 مارس 2021»). Its ISO number.
fn written_weekday(key: &str, start: usize) -> Option<u8> {
    let weekday = |pos: usize| match hit(key, pos).map(|h| date_word(&h)) {
        Some(Some(DateW::Weekday(w))) => Some(w),
        _ => None,
    };
    if let Some(w) = weekday(start) {
        return Some(w);
    }
    let mut t = words::prev_token(key, start)?;
    if matches!(t.s, "," | "،" | "-") {
        t = words::prev_token(key, t.start)?;
    }
    weekday(t.start)
}

/// Whether a dash follows `pos`, perhaps after an agency in parentheses:
/// «12 مارس 2021 - قال», «12 مارس 2021 (رويترز) - قال» (or a colon or a
/// bar: what ends a dateline).
fn dash_after(text: &str, pos: usize) -> bool {
    mark_after(text, pos).is_some_and(|c| DATELINE_MARKS.contains(&c))
}

/// The marks that end a dateline: dashes, a colon, a bar.
const DATELINE_MARKS: &[char] = &['-', '–', '—', 'ـ', ':', '|'];

/// The character after `pos`, past spaces and an agency in parentheses
/// («(رويترز)»): where a dateline's dash or colon stands.
pub(crate) fn mark_after(text: &str, pos: usize) -> Option<char> {
    let mut rest = text[pos..].trim_start_matches(' ');
    if let Some(r) = rest.strip_prefix('(')
        && let Some(close) = r.find(')').filter(|&n| n <= 40)
    {
        rest = r[close + 1..].trim_start_matches(' ');
    }
    rest.chars().next()
}

/// A date expression found: a byte range of the key and its value.
#[derive(Clone, Debug, PartialEq)]
struct Found {
    start: usize,
    end: usize,
    value: String,
    kind: Kind,
    norm: Option<String>,
}

impl Found {
    fn new(start: usize, end: usize, value: String, kind: Kind) -> Found {
        Found {
            start,
            end,
            value,
            kind,
            norm: None,
        }
    }
}

/// The longest date expression that starts at the token at `pos`, with a
/// time after it joined to it («غداً الساعة 8 صباحاً»).
fn date_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let found = phrase_at(c, pos)?;
    if let Some(range) =
        range::days_after(c, &found).or_else(|| range::days_of_month_before(c, &found))
    {
        return Some(range);
    }
    let found = time::part_after_date(c, &found).unwrap_or(found);
    let found = time::after_date(c, &found).unwrap_or(found);
    if let Some(range) = time::dated_ends(c, &found) {
        return Some(range);
    }
    let found = duration::time_then_set(c, &found).unwrap_or(found);
    let found = around::from_now(c, around::week_of(c, found));
    let found = around::weekdays_of_week(c, found);
    let found = time::early_or_late_before(c, found);
    Some(around::later_or_earlier_before(c, found))
}

/// The longest date expression that starts at the token at `pos`.
fn phrase_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    // Dispatch on the first word: most triggers can start one or two kinds
    // of phrase only («من», among the commonest words of Arabic, only a
    // range), and every parser tried costs lookups.
    let t = token_at(c.key, pos)?;
    let found: [Option<Found>; 5] = match t.kind {
        TokKind::Punct => return None,
        TokKind::Digits => [
            range_at(c, pos),
            calendar(c, pos),
            time_at(c, pos),
            duration_at(c, pos),
            time_range_at(c, pos).or_else(|| bare::day_after_preposition(c, pos)),
        ],
        TokKind::Word => {
            // «طوال اليوم», «طوال الشهر»: the whole unit.
            if let Some(f) = duration::throughout(c, pos) {
                return Some(f);
            }
            let h = words::lookup(c.key, t.start, t.end)?;
            match h.entry.date {
                Some(DateW::Opener(Opener::Between | Opener::From)) => {
                    [range_at(c, pos), time_range_at(c, pos), None, None, None]
                }
                Some(DateW::Opener(Opener::After | Opener::Since | Opener::Before))
                    if around::units_from_now_after(c, pos) =>
                {
                    return None;
                }
                Some(DateW::Opener(Opener::After)) => [
                    relative(c, pos),
                    time_at(c, pos),
                    time_range_at(c, pos),
                    None,
                    None,
                ],
                Some(DateW::Opener(Opener::Since | Opener::Before | Opener::This)) => {
                    return relative(c, pos);
                }
                Some(DateW::Opener(Opener::Every) | DateW::Every(_)) => return set_at(c, pos),
                Some(
                    DateW::Opener(Opener::To | Opener::Corresponding)
                    | DateW::Dir(_)
                    | DateW::Ad
                    | DateW::Ah,
                ) => return None,
                Some(DateW::Month(..) | DateW::Hijri(_) | DateW::Season) => {
                    return calendar(c, pos);
                }
                Some(DateW::MonthHead(_)) => [calendar(c, pos), None, None, None, None],
                // The nth weekday first: «الأحد الثاني من الشهر المقبل» is
                // the second Sunday, not the 2nd (a Friday).
                Some(DateW::Weekday(_)) => [
                    named::nth_weekday(c, pos),
                    calendar(c, pos),
                    relative(c, pos),
                    None,
                    None,
                ],
                Some(DateW::Day(_) | DateW::Ghad) => return relative(c, pos),
                Some(DateW::Part(..)) => [
                    relative(c, pos),
                    time_at(c, pos),
                    holiday_at(c, pos),
                    None,
                    None,
                ],
                Some(DateW::Decade(_)) => return decade_at(c, pos),
                Some(DateW::Feast) => return holiday_at(c, pos),
                Some(DateW::Edge(_)) => [part_of_period(c, pos), time_at(c, pos), None, None, None],
                Some(DateW::Unit(..)) => [
                    named::nth_weekday(c, pos)
                        .or_else(|| named::nth_week(c, pos))
                        .or_else(|| calendar(c, pos)),
                    relative(c, pos).or_else(|| named::day_alone(c, pos)),
                    time_at(c, pos),
                    duration_at(c, pos)
                        .or_else(|| century_at(c, pos))
                        .or_else(|| set_at(c, pos)),
                    time_range_at(c, pos)
                        .or_else(|| holiday_at(c, pos))
                        .or_else(|| duration::few_units(c, pos)),
                ],
                // Number words: an ordinal day, an hour, a count of units,
                // «أول أمس», «الربع الأول من 2023».
                None => [
                    calendar(c, pos),
                    relative(c, pos).or_else(|| named::nth_weekday(c, pos)),
                    time_at(c, pos),
                    duration_at(c, pos),
                    time_range_at(c, pos).or_else(|| bare::day_after_preposition(c, pos)),
                ],
            }
        }
    };
    found
        .into_iter()
        .flatten()
        .fold(None, |best: Option<Found>, f| match best {
            Some(b) if b.end >= f.end => Some(b),
            _ => Some(f),
        })
}

// ---------------------------------------------------------------------------
// Token helpers.

/// The start of the token after `end` (directly or after one space).
fn after(key: &str, end: usize) -> Option<usize> {
    next_token(key, end).map(|t| t.start)
}

/// The table word whose token starts at `pos`.
fn hit(key: &str, pos: usize) -> Option<Hit> {
    words::word(key, token_at(key, pos))
}

/// The table word after `end`.
fn next_hit(key: &str, end: usize) -> Option<Hit> {
    words::word(key, next_token(key, end))
}

fn date_word(h: &Hit) -> Option<DateW> {
    h.entry.date
}

/// The word whose token starts at `pos`, if its key spelling is `w`.
fn word_is(key: &str, pos: usize, w: &str) -> Option<usize> {
    token_at(key, pos).filter(|t| t.s == w).map(|t| t.end)
}

/// After `end`, the word `w` (key spelling), possibly with a proclitic
/// from `clitics` glued to it.
fn next_word_is(key: &str, end: usize, words: &[&str]) -> Option<usize> {
    let t = next_token(key, end)?;
    words.contains(&t.s).then_some(t.end)
}

/// Whether the word after `end` makes the number before it a count: «%»,
/// a number word («ألفاً», «مليون»), a unit of time, «في المئة».
fn counts_after(key: &str, end: usize) -> bool {
    next_token(key, end).is_some_and(|n| {
        n.s == "%"
            || words::word(key, Some(n)).is_some_and(|w| {
                w.entry.num.is_some() || matches!(w.entry.date, Some(DateW::Unit(..)))
            })
            || n.s == "في"
                && next_token(key, n.end).is_some_and(|m| matches!(m.s, "الميه" | "المايه"))
    })
}

/// Where the article starts when digits at `start` carry one: «الـ24»
/// (ال24 once tatweel is gone) or «الـ 24».
fn article_before(key: &str, start: usize) -> Option<usize> {
    let before = &key[..start];
    if let Some(b) = before.strip_suffix("ال") {
        let word = b
            .char_indices()
            .rev()
            .take_while(|&(_, c)| words::is_letter(c))
            .last()
            .map_or(b.len(), |(i, _)| i);
        return matches!(&b[word..], "" | "و" | "ف" | "ب" | "ك" | "وب" | "فب")
            .then_some(start - "ال".len());
    }
    let b = before.strip_suffix(' ')?.strip_suffix("ال")?;
    b.chars()
        .next_back()
        .is_none_or(|c| !words::is_letter(c))
        .then_some(start - " ال".len())
}

/// The dates the grammars find in `text` with the reference date `reference`
/// (`YYYY-MM-DD`), as (normalised span, value) pairs, for the unit tests.
#[cfg(test)]
pub(super) fn dates_in(text: &str, reference: Option<&str>) -> Vec<(String, String)> {
    let t = crate::extract::TestChunk::new(text);
    let mut chunk = t.chunk();
    chunk.ref_date = reference.map(|r| NaiveDate::parse_from_str(r, "%Y-%m-%d").unwrap());
    let triggers: Vec<usize> = words::triggers(chunk.key).collect();
    let mut out = Vec::new();
    find(&chunk, &triggers, &mut out);
    out.into_iter()
        .map(|c| {
            let v = match c.value {
                Some(Value::Timex(v)) => v,
                _ => String::new(),
            };
            (t.normalized.text()[c.range].to_owned(), v)
        })
        .collect()
}

/// Checks table rows of (text, reference, expected span, expected value)
/// against [`dates_in`]: the expected date must be among those found.
#[cfg(test)]
pub(super) fn check_dates(rows: &[(&str, Option<&str>, &str, &str)]) {
    for &(text, reference, span, value) in rows {
        let got = dates_in(text, reference);
        assert!(
            got.iter().any(|(s, v)| s == span && v == value),
            "{text:?} (reference {reference:?}): want «{span}» = {value}, got {got:?}"
        );
    }
}

/// Checks that the grammars find no date in any of `texts`, read against
/// `reference`.
#[cfg(test)]
pub(super) fn check_no_dates(texts: &[&str], reference: Option<&str>) {
    for text in texts {
        let got = dates_in(text, reference);
        assert!(got.is_empty(), "{text}: want no date, got {got:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::dateline;

    fn dateline_of(text: &str) -> Option<String> {
        let t = crate::extract::TestChunk::new(text);
        let chunk = t.chunk();
        let triggers: Vec<usize> = super::words::triggers(chunk.key).collect();
        dateline(&chunk, &triggers).map(|d| d.to_string())
    }

    #[test]
    fn datelines_in_the_head_of_a_page() {
        let headline = "الحكومة تقر الموازنة الجديدة";
        let cases: &[(&str, Option<&str>)] = &[
            // A line of its own, after the headline, the site and the author.
            (
                &format!(
                    "{headline}\nموقع الأخبار\nكتب: أحمد علي\nالجمعة 12 مارس 2021 - 10:30\nأقرت الحكومة أمس"
                ),
                Some("2021-03-12"),
            ),
            (
                &format!("{headline}\nنشر في: 12/3/2021\nأقرت"),
                Some("2021-03-12"),
            ),
            // A place, the date, an agency and a dash at the start of the body.
            (
                &format!("{headline}\n\nالقاهرة - 12 مارس 2021 (رويترز) - قالت الحكومة أمس"),
                Some("2021-03-12"),
            ),
            // A date said to be today; Hijri without «هـ», by Umm al-Qura.
            (
                &format!(
                    "{headline}\n\nتستأنف اللجان عملها اعتبارا من اليوم الاثنين 4/10/1436 في المقر"
                ),
                Some("2015-07-20"),
            ),
            // Dates the text talks about are no dateline, even in the headline.
            (
                "انتخابات الفيفا في 26 فبراير 2016\n\nحددت اللجنة يوم 26 فبراير 2016 موعدا",
                None,
            ),
            (
                &format!("{headline}\n\nمنذ توليه منصبه يوم 15 يوليو 2014، انخرط الوزير"),
                None,
            ),
            // A weekday that is not the date's: the page has it wrong.
            (&format!("{headline}\nالخميس 13 مارس 2021\nأقرت"), None),
            (
                &format!("{headline}\nالجمعة، 12 مارس 2021\nأقرت"),
                Some("2021-03-12"),
            ),
            (
                &format!("{headline}\nالأحد، 12/3/2021\nنشر في: 11 مارس 2021\nأقرت"),
                Some("2021-03-11"),
            ),
            // Past the head.
            (
                &format!("{}\nالجمعة 12 مارس 2021", "سطر\n".repeat(12)),
                None,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(dateline_of(text).as_deref(), *want, "{text}");
        }
    }
}
