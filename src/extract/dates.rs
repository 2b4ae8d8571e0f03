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
//! # Hijri dates
//!
//! Hijri dates are converted with the tabular (arithmetical) Islamic
//! calendar, civil epoch (1 Muharram 1 AH = 16 July 622 Julian), leap years
//! 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each 30-year cycle. Official
//! calendars (Umm al-Qura) and moon sighting may differ by one or two days.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::lexicon::{
    self, Count, DateW, DayPart, Hit, MonthHead, Num, Opener, TokKind, Unit, next_token,
    parse_digits, token_at,
};
use super::numbers;
use super::{Candidate, Chunk, Kind, Label, Source, Value};

/// Pushes the dates of `chunk` onto `out`, parsing at `triggers` (what
/// [`lexicon::triggers`] gives for the chunk's key).
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

/// A date at the head of a document (a dateline such as «12 مارس 2021»),
/// which relative dates in it resolve against: the first full calendar
/// date in the first two lines (and first 300 bytes).
pub(crate) fn dateline(chunk: &Chunk<'_>) -> Option<NaiveDate> {
    let mut head = chunk.text.len().min(300);
    while !chunk.text.is_char_boundary(head) {
        head -= 1;
    }
    if let Some(first) = chunk.text[..head].find('\n') {
        head = chunk.text[first + 1..head]
            .find('\n')
            .map_or(head, |second| first + 1 + second);
    }
    let sub = Chunk {
        text: &chunk.text[..head],
        key: &chunk.key[..head],
        words: &chunk.words[..chunk.words.partition_point(|w| w.end <= head)],
        ref_date: None,
    };
    lexicon::triggers(sub.key).find_map(|pos| {
        let c = cal_at(&sub, pos, false)?;
        NaiveDate::from_ymd_opt(c.cal.y?, u32::from(c.cal.m?), u32::from(c.cal.d?))
    })
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

/// The longest date expression that starts at the token at `pos`.
fn date_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    // Dispatch on the first word: most triggers can start one or two kinds
    // of phrase only («من», among the commonest words of Arabic, only a
    // range), and every parser tried costs lookups.
    let t = token_at(c.key, pos)?;
    let found: [Option<Found>; 4] = match t.kind {
        TokKind::Punct => return None,
        TokKind::Digits => [
            range_at(c, pos),
            calendar(c, pos),
            time_at(c, pos),
            duration_at(c, pos),
        ],
        TokKind::Word => {
            let h = lexicon::lookup(c.key, t.start, t.end)?;
            match h.entry.date {
                Some(DateW::Opener(Opener::Between | Opener::From)) => return range_at(c, pos),
                Some(DateW::Opener(
                    Opener::Since | Opener::Before | Opener::After | Opener::This,
                )) => return relative(c, pos),
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
                Some(DateW::MonthHead(_)) => [calendar(c, pos), None, None, None],
                Some(DateW::Weekday(_)) => [calendar(c, pos), relative(c, pos), None, None],
                Some(DateW::Day(_) | DateW::Ghad | DateW::Part(..)) => return relative(c, pos),
                Some(DateW::Decade(_)) => return decade_at(c, pos),
                Some(DateW::Unit(..)) => [
                    calendar(c, pos),
                    relative(c, pos),
                    time_at(c, pos),
                    duration_at(c, pos).or_else(|| century_at(c, pos)),
                ],
                // Number words: an ordinal day, an hour, a count of units,
                // «أول أمس», «الربع الأول من 2023».
                None => [
                    calendar(c, pos),
                    relative(c, pos),
                    time_at(c, pos),
                    duration_at(c, pos),
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
    lexicon::word(key, token_at(key, pos))
}

/// The table word after `end`.
fn next_hit(key: &str, end: usize) -> Option<Hit> {
    lexicon::word(key, next_token(key, end))
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

// ---------------------------------------------------------------------------
// Calendar arithmetic.

/// A calendar date, any part of which may be unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Cal {
    y: Option<i32>,
    m: Option<u8>,
    d: Option<u8>,
}

impl Cal {
    fn date(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.y?, u32::from(self.m?), u32::from(self.d?))
    }

    fn of(date: NaiveDate) -> Cal {
        Cal {
            y: Some(date.year()),
            m: Some(date.month() as u8),
            d: Some(date.day() as u8),
        }
    }

    /// The TIMEX3 value: `2020-10-23`, `1988-02`, `1992`, `XXXX-10-17`.
    fn timex(self) -> String {
        let y = self.y.map_or("XXXX".to_owned(), |y| format!("{y:04}"));
        match (self.m, self.d) {
            (Some(m), Some(d)) => format!("{y}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{y}-{m:02}"),
            (None, Some(_)) => format!("{y}-XX-XX"),
            (None, None) if self.y.is_some() => y,
            (None, None) => "XXXX-XX-XX".to_owned(),
        }
    }

    /// A readable Arabic form: «5 نوفمبر 2020».
    fn readable(self) -> String {
        let mut parts = Vec::new();
        if let Some(d) = self.d {
            parts.push(d.to_string());
        }
        if let Some(m) = self.m {
            parts.push(MONTH_NAMES[usize::from(m) - 1].to_owned());
        }
        if let Some(y) = self.y {
            parts.push(y.to_string());
        }
        parts.join(" ")
    }
}

const MONTH_NAMES: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// The day `n` days from `date`.
fn add_days(date: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        date.checked_add_days(Days::new(n as u64))
    } else {
        date.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn add_months(date: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        date.checked_add_months(Months::new(n as u32))
    } else {
        date.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

/// A weekday (ISO, Monday = 1) resolved against `reference`: `dir` -1 the
/// last one strictly before, +1 the first strictly after, 0 the one in the
/// window from four days before to two days after (see the module docs).
pub(super) fn resolve_weekday(reference: NaiveDate, weekday: u8, dir: i8) -> NaiveDate {
    let today = reference.weekday().number_from_monday() as i64;
    let diff = (i64::from(weekday) - today).rem_euclid(7); // 0..=6 ahead
    let offset = match dir {
        -1 => {
            if diff == 0 {
                -7
            } else {
                diff - 7
            }
        }
        1 => {
            if diff == 0 {
                7
            } else {
                diff
            }
        }
        _ => {
            if diff <= 2 {
                diff
            } else {
                diff - 7
            }
        }
    };
    add_days(reference, offset).unwrap_or(reference)
}

/// The ISO week value of a date: `2021-W09`.
fn week_value(date: NaiveDate) -> String {
    let w = date.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// Days from the Hijri epoch (1 Muharram 1 AH) to the given Hijri date, in
/// the tabular calendar.
fn hijri_days(y: i32, m: u8, d: u8) -> i64 {
    let (y, m, d) = (i64::from(y), i64::from(m), i64::from(d));
    // ceil(29.5 * (m - 1)): months alternate 30 and 29 days.
    let months = (59 * (m - 1) + 1) / 2;
    d - 1 + months + (y - 1) * 354 + (3 + 11 * y).div_euclid(30)
}

/// 1 Muharram 1 AH, civil epoch: 16 July 622 Julian = 19 July 622
/// proleptic Gregorian.
fn hijri_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(622, 7, 19).expect("valid date")
}

/// The Gregorian date of a Hijri date (tabular calendar), if the day
/// exists in it.
pub(super) fn hijri_to_gregorian(y: i32, m: u8, d: u8) -> Option<NaiveDate> {
    let month_len = if m % 2 == 1 || (m == 12 && hijri_leap(y)) {
        30
    } else {
        29
    };
    if !(1..=12).contains(&m) || d == 0 || d > month_len || y < 1 {
        return None;
    }
    add_days(hijri_epoch(), hijri_days(y, m, d))
}

fn hijri_leap(y: i32) -> bool {
    (14 + 11 * i64::from(y)).rem_euclid(30) < 11
}

/// The Hijri (year, month, day) of a Gregorian date.
pub(super) fn gregorian_to_hijri(date: NaiveDate) -> (i32, u8, u8) {
    let days = (date - hijri_epoch()).num_days();
    let mut y = (days * 30 / 10631 + 1) as i32;
    while hijri_days(y + 1, 1, 1) <= days {
        y += 1;
    }
    while hijri_days(y, 1, 1) > days {
        y -= 1;
    }
    let mut m = 12;
    while hijri_days(y, m, 1) > days {
        m -= 1;
    }
    let d = days - hijri_days(y, m, 1) + 1;
    (y, m, d as u8)
}

// ---------------------------------------------------------------------------
// Parts of calendar dates.

/// A month name, its two-word forms (كانون الثاني, ربيع الأول), and the
/// news habit of giving both systems: «تشرين الثاني/نوفمبر», «أيلول
/// (سبتمبر)».
#[derive(Clone, Copy, Debug)]
struct MonthAt {
    start: usize,
    end: usize,
    m: u8,
    hijri: bool,
    /// Never an ordinary word (see [`DateW::Month`]).
    safe: bool,
}

fn month_at(key: &str, pos: usize) -> Option<MonthAt> {
    let first = one_month(key, pos)?;
    let mut m = first;
    if first.hijri {
        return Some(first);
    }
    // «/نوفمبر», «/ نوفمبر», «(سبتمبر)».
    if let Some(t) = next_token(key, first.end) {
        match t.s {
            "/" => {
                if let Some(second) = after(key, t.end).and_then(|p| one_month(key, p))
                    && !second.hijri
                {
                    m.end = second.end;
                    m.safe = true;
                }
            }
            _ if t.kind == TokKind::Word => {
                // «سبتمبر أيلول»: both names, side by side.
                if let Some(second) = one_month(key, t.start)
                    && !second.hijri
                    && second.m == first.m
                {
                    m.end = second.end;
                    m.safe = true;
                }
            }
            "(" => {
                if let Some(second) = after(key, t.end).and_then(|p| one_month(key, p))
                    && let Some(close) = next_token(key, second.end).filter(|c| c.s == ")")
                    && !second.hijri
                {
                    m.end = close.end;
                    m.safe = true;
                }
            }
            _ => {}
        }
    }
    Some(m)
}

/// One month name (one or two words).
fn one_month(key: &str, pos: usize) -> Option<MonthAt> {
    let h = hit(key, pos)?;
    if h.article {
        return None;
    }
    let month = |m, hijri, safe, end| MonthAt {
        start: h.start,
        end,
        m,
        hijri,
        safe,
    };
    match date_word(&h)? {
        DateW::Month(m, safe) => Some(month(m, false, safe, h.end)),
        DateW::Hijri(m) => Some(month(m, true, false, h.end)),
        DateW::MonthHead(head) => {
            let t = next_token(key, h.end)?;
            let m = match (head, t.s) {
                (MonthHead::Kanun, "الثاني") => 1,
                (MonthHead::Kanun, "الاول") => 12,
                (MonthHead::Tishrin, "الاول") => 10,
                (MonthHead::Tishrin, "الثاني") => 11,
                (MonthHead::Rabi, "الاول") => 3,
                (MonthHead::Rabi, "الاخر" | "الثاني" | "الاخره") => 4,
                (MonthHead::Jumada, "الاولي" | "الاول") => 5,
                (MonthHead::Jumada, "الاخره" | "الاخر" | "الثانيه" | "الثاني") => {
                    6
                }
                (MonthHead::Dhu, "القعده") => 11,
                (MonthHead::Dhu, "الحجه") => 12,
                _ => return None,
            };
            let hijri = matches!(head, MonthHead::Rabi | MonthHead::Jumada | MonthHead::Dhu);
            Some(month(m, hijri, true, t.end))
        }
        _ => None,
    }
}

/// A day of the month: digits 1–31, or an ordinal («الخامس», «الحادي
/// والعشرين») with an optional «من» before the month.
fn day_at(c: &Chunk<'_>, pos: usize) -> Option<(usize, usize, u8)> {
    let t = token_at(c.key, pos)?;
    let (start, end, d) = match t.kind {
        TokKind::Digits => {
            let d = parse_digits(t.s).filter(|d| d.int && d.width <= 2)?;
            // «في الـ15 من الشهر الماضي»: the article joins the span.
            let start = article_before(c.key, t.start).unwrap_or(t.start);
            (start, t.end, d.value as u8)
        }
        TokKind::Word => {
            let o = numbers::ordinal(c, pos)?;
            // «الأسبوع الأول من», «اليوم الثالث من»: not a day of a month.
            let after_unit = lexicon::prev_token(c.key, o.start)
                .and_then(|p| lexicon::word(c.key, Some(p)))
                .is_some_and(|p| {
                    p.article && matches!(date_word(&p), Some(DateW::Unit(..) | DateW::Day(_)))
                });
            if after_unit {
                return None;
            }
            let end = next_word_is(c.key, o.end, &["من"]).unwrap_or(o.end);
            (o.start, end, o.value as u8)
        }
        TokKind::Punct => return None,
    };
    (1..=31).contains(&d).then_some((start, end, d))
}

/// A year: «عام 2003», «العام 2003», «سنة 2019», «2019م», «1445 هـ». With
/// `bare`, four digits alone will do. Returns the span, the year and
/// whether it is a Hijri year.
fn year_at(key: &str, pos: usize, bare: bool) -> Option<(usize, usize, i32, bool)> {
    let t = token_at(key, pos)?;
    let (start, digits, marker) = match t.kind {
        TokKind::Digits => (t.start, t, false),
        TokKind::Word => {
            let h = lexicon::lookup(key, t.start, t.end)?;
            // عام, سنة; the construct dual عامي, سنتي before two years.
            match date_word(&h)? {
                DateW::Unit(Unit::Year, Count::One) => {}
                DateW::Unit(Unit::Year, Count::Two) if t.s.ends_with('ي') => {}
                _ => return None,
            }
            let Some(d) = next_token(key, t.end).filter(|d| d.kind == TokKind::Digits) else {
                // «عام ألفين وثلاثة»: a year in words.
                let n = numbers::cardinal(key, after(key, t.end)?).filter(|n| {
                    n.kind == Kind::Cardinal && n.int && (1000.0..=2100.0).contains(&n.value)
                })?;
                return Some((h.start, n.end, n.value as i32, false));
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
    let glued_len = lexicon::letter_run(glued);
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

/// A parsed calendar date with its span.
#[derive(Clone, Debug)]
struct CalAt {
    start: usize,
    end: usize,
    cal: Cal,
    /// The Hijri original, for the normal form.
    hijri: bool,
    /// A year-only Hijri date: the Gregorian years it spans.
    year_span: Option<(i32, i32)>,
}

impl CalAt {
    fn found(self, c: &Chunk<'_>) -> Found {
        let value = match self.year_span {
            Some((a, b)) if a != b => format!("{a}/{b}"),
            Some((a, _)) => a.to_string(),
            None => self.cal.timex(),
        };
        let norm = if self.hijri {
            let original = &c.text[self.start..self.end];
            if self.cal.y.is_some() && self.year_span.is_none() {
                Some(format!("{} ({original})", self.cal.readable()))
            } else {
                Some(original.to_owned())
            }
        } else if self.cal.m.is_some() {
            Some(self.cal.readable())
        } else {
            None
        };
        Found {
            start: self.start,
            end: self.end,
            value,
            kind: Kind::Date,
            norm,
        }
    }
}

/// A relative year after a month or day: «من العام الجاري», «العام
/// الماضي», «الماضي» (after a month: the last such month). Returns the
/// end and the year offset (`None` when resolved by the month itself).
fn relative_year(key: &str, end: usize) -> Option<(usize, Option<i8>)> {
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

/// A calendar date at `pos`: \[weekday \[،\] \[الموافق\]\] day \[من\] month \[year\],
/// month year, a year with its marker, or a numeric date. With `bare`, a
/// day or a four-digit year alone will do (inside ranges).
fn cal_at(c: &Chunk<'_>, pos: usize, bare: bool) -> Option<CalAt> {
    let key = c.key;
    let mut start = None;
    let mut p = pos;
    // A weekday before the date.
    if let Some((ws, we, _)) = weekday_at(key, pos) {
        let mut q = after(key, we)?;
        if let Some(t) = token_at(key, q).filter(|t| matches!(t.s, "," | "،")) {
            q = after(key, t.end)?;
        }
        if let Some(e) = word_is(key, q, "الموافق") {
            q = after(key, e)?;
        }
        start = Some(ws);
        p = q;
    }
    if let Some(n) = numeric_at(key, p) {
        return Some(CalAt {
            start: start.unwrap_or(n.0),
            end: n.1,
            cal: n.2,
            hijri: false,
            year_span: None,
        });
    }
    // «شهر مارس».
    let mut month_word = None;
    if let Some(h) = hit(key, p)
        && !h.article
        && matches!(date_word(&h), Some(DateW::Unit(Unit::Month, Count::One)))
        && let Some(q) = after(key, h.end).filter(|&q| one_month(key, q).is_some())
    {
        month_word = Some(h.start);
        p = q;
    }
    // «يوم 15 مارس»: the word for day joins the span, as «عام» does.
    let mut day_word = None;
    if month_word.is_none()
        && start.is_none()
        && let Some(h) = hit(key, p)
        && !h.article
        && matches!(date_word(&h), Some(DateW::Unit(Unit::Day, Count::One)))
        && let Some(q) = after(key, h.end).filter(|&q| day_at(c, q).is_some())
    {
        day_word = Some(h.start);
        p = q;
    }
    let day = if month_word.is_none() {
        day_at(c, p).map(|(s, e, d)| (day_word.unwrap_or(s), e, d))
    } else {
        None
    };
    if let Some((ds, de, d)) = day
        && let Some(f) = day_of_relative_month(c, ds, de, d)
    {
        return Some(CalAt {
            start: start.unwrap_or(ds),
            ..f
        });
    }
    let (mstart, mo) = match day {
        Some((ds, de, d)) => match after(key, de).and_then(|q| month_at(key, q)) {
            Some(mo) => (ds, mo),
            None => return coordinated_day(c, start.unwrap_or(ds), de, d),
        },
        None => {
            let mo = month_at(key, p)?;
            (month_word.unwrap_or(mo.start), mo)
        }
    };
    let start = start.unwrap_or(mstart);
    let d = day.map(|(_, _, d)| d);
    let mut end = mo.end;
    // The year.
    // «5 مارس 2021», «5 مارس عام 2021», «18 ديسمبر من العام 2022».
    let year = after(key, end).and_then(|q| {
        year_at(key, q, true).or_else(|| {
            let e = word_is(key, q, "من")?;
            year_at(key, after(key, e)?, false)
        })
    });
    let reference = c.ref_date;
    let mut cal = Cal {
        y: None,
        m: Some(mo.m),
        d,
    };
    if mo.hijri {
        let (hy, hend) = match year {
            Some((_, ye, y, _)) => (Some(y), ye),
            None => (reference.map(|r| gregorian_to_hijri(r).0), end),
        };
        if d.is_none() && year.is_none() {
            return None;
        }
        end = hend;
        if let Some(e) = next_hit(key, end).filter(|h| date_word(h) == Some(DateW::Ah)) {
            end = e.end;
        }
        let greg = match hy {
            Some(hy) => hijri_to_gregorian(hy, mo.m, d.unwrap_or(1))?,
            None => {
                return Some(CalAt {
                    start,
                    end,
                    cal: Cal::default(),
                    hijri: true,
                    year_span: None,
                });
            }
        };
        cal = Cal::of(greg);
        if d.is_none() {
            cal.d = None;
        }
        return Some(CalAt {
            start,
            end,
            cal,
            hijri: true,
            year_span: None,
        });
    }
    if let Some((_, ye, y, hijri_year)) = year {
        if hijri_year {
            return None;
        }
        cal.y = Some(y);
        end = ye;
    } else if let Some((re, dir)) = relative_year(key, end) {
        end = re;
        if let Some(r) = reference {
            cal.y = Some(match dir {
                Some(dir) => r.year() + i32::from(dir),
                None => {
                    // «مارس الماضي»: the last March before the reference
                    // month; «مارس المقبل»: the next one after it.
                    let dir = match date_word(&next_hit(key, mo.end)?)? {
                        DateW::Dir(d) => d,
                        _ => 0,
                    };
                    let rm = r.month() as u8;
                    match dir {
                        -1 if mo.m >= rm => r.year() - 1,
                        1 if mo.m <= rm => r.year() + 1,
                        _ => r.year(),
                    }
                }
            });
        }
    } else {
        if d.is_none() && !(mo.safe || month_word.is_some() || bare) {
            return None;
        }
        if d.is_none() && bare {
            // A bare month in a range takes the other end's year.
        } else {
            cal.y = reference.map(|r| r.year());
        }
    }
    if let (Some(y), Some(m), Some(d)) = (cal.y, cal.m, cal.d) {
        NaiveDate::from_ymd_opt(y, u32::from(m), u32::from(d))?;
    }
    Some(CalAt {
        start,
        end,
        cal,
        hijri: false,
        year_span: None,
    })
}

/// «في 12 و13 مارس»: a day whose month comes after the next day; the
/// span is the first day alone, the next one is found on its own.
fn coordinated_day(c: &Chunk<'_>, start: usize, end: usize, d: u8) -> Option<CalAt> {
    let key = c.key;
    let conj = next_token(key, end).filter(|t| t.s == "و")?;
    let next = cal_at(c, after(key, conj.end)?, false)?;
    next.cal.d?;
    if next.hijri {
        return None;
    }
    let cal = Cal {
        d: Some(d),
        ..next.cal
    };
    if let (Some(y), Some(m)) = (cal.y, cal.m) {
        NaiveDate::from_ymd_opt(y, u32::from(m), u32::from(d))?;
    }
    Some(CalAt {
        start,
        end,
        cal,
        hijri: false,
        year_span: None,
    })
}

/// «الثاني عشر من الشهر الجاري», «5 من الشهر الماضي»: a day of a month
/// given relative to the reference.
fn day_of_relative_month(c: &Chunk<'_>, start: usize, end: usize, d: u8) -> Option<CalAt> {
    let key = c.key;
    let q = after(key, end)?;
    // The ordinal form already took «من»; digits take it here.
    let q = match word_is(key, q, "من") {
        Some(e) => after(key, e)?,
        None if key[..end].ends_with("من") => q,
        None => return None,
    };
    let m = hit(key, q).filter(|m| m.article)?;
    if date_word(&m) != Some(DateW::Unit(Unit::Month, Count::One)) {
        return None;
    }
    let dir = next_hit(key, m.end)?;
    let Some(DateW::Dir(n)) = date_word(&dir) else {
        return None;
    };
    let cal = match c.ref_date {
        Some(r) => {
            let month = add_months(r, i32::from(n))?;
            let cal = Cal {
                y: Some(month.year()),
                m: Some(month.month() as u8),
                d: Some(d),
            };
            cal.date()?;
            cal
        }
        None => Cal {
            d: Some(d),
            ..Cal::default()
        },
    };
    Some(CalAt {
        start,
        end: dir.end,
        cal,
        hijri: false,
        year_span: None,
    })
}

/// A numeric date: 23/10/2020, 23-10-2020, 23.10.2020, 2020-10-23,
/// 2020/10/23; a two-digit year is 20xx below 50, else 19xx.
fn numeric_at(key: &str, pos: usize) -> Option<(usize, usize, Cal)> {
    let t = token_at(key, pos).filter(|t| t.kind == TokKind::Digits)?;
    let (parts, end): (Vec<&str>, usize) = if t.s.matches('.').count() == 2 {
        (t.s.split('.').collect(), t.end)
    } else {
        let s1 = token_at(key, t.end).filter(|s| matches!(s.s, "/" | "-"))?;
        let n2 = token_at(key, s1.end).filter(|n| n.kind == TokKind::Digits)?;
        let s2 = token_at(key, n2.end).filter(|s| s.s == s1.s)?;
        let n3 = token_at(key, s2.end).filter(|n| n.kind == TokKind::Digits)?;
        (vec![t.s, n2.s, n3.s], n3.end)
    };
    if parts.iter().any(|p| !p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let num = |s: &str| s.parse::<i32>().ok();
    let (y, m, d) = if parts[0].len() == 4 {
        (num(parts[0])?, num(parts[1])?, num(parts[2])?)
    } else {
        let y = match parts[2].len() {
            4 => num(parts[2])?,
            2 => {
                let y = num(parts[2])?;
                if y < 50 { 2000 + y } else { 1900 + y }
            }
            _ => return None,
        };
        (y, num(parts[1])?, num(parts[0])?)
    };
    if parts[1].len() > 2 || (parts[0].len() != 4 && parts[0].len() > 2) {
        return None;
    }
    // «15/8/1445هـ»: a Hijri date.
    let glued_ah =
        key[end..].starts_with('ه') && !key[end + 'ه'.len_utf8()..].starts_with(lexicon::is_letter);
    let spaced_ah = next_hit(key, end).is_some_and(|h| date_word(&h) == Some(DateW::Ah));
    if (glued_ah || spaced_ah) && (1200..1600).contains(&y) {
        let g = hijri_to_gregorian(y, m as u8, d as u8)?;
        let end = if glued_ah {
            end + 'ه'.len_utf8()
        } else {
            next_hit(key, end)?.end
        };
        return Some((t.start, end, Cal::of(g)));
    }
    NaiveDate::from_ymd_opt(y, m as u32, d as u32)?;
    Some((
        t.start,
        end,
        Cal {
            y: Some(y),
            m: Some(m as u8),
            d: Some(d as u8),
        },
    ))
}

/// A weekday: «الخميس», «يوم الخميس». Returns the span and the ISO number.
fn weekday_at(key: &str, pos: usize) -> Option<(usize, usize, u8)> {
    let h = hit(key, pos)?;
    match date_word(&h)? {
        DateW::Weekday(w) if !h.article => Some((h.start, h.end, w)),
        DateW::Unit(Unit::Day, Count::One) if !h.article => {
            let w = next_hit(key, h.end)?;
            match date_word(&w)? {
                DateW::Weekday(n) if w.clitic.is_empty() && !w.article => Some((h.start, w.end, n)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A calendar date (see [`cal_at`]) that stands alone: a year needs its
/// marker, a month alone a safe name or «شهر».
fn calendar(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    if let Some(cal) = cal_at(c, pos, false) {
        return Some(cal.found(c));
    }
    if let Some(f) = part_of_year(c, pos) {
        return Some(f);
    }
    let (start, end, y, hijri) =
        year_at(c.key, pos, false).or_else(|| year_in_context(c.key, pos))?;
    let (cal, year_span) = if hijri {
        let a = hijri_to_gregorian(y, 1, 1)?.year();
        let b = hijri_to_gregorian(y, 12, 29)?.year();
        (Cal::default(), Some((a, b)))
    } else {
        (
            Cal {
                y: Some(y),
                ..Cal::default()
            },
            None,
        )
    };
    Some(
        CalAt {
            start,
            end,
            cal,
            hijri,
            year_span,
        }
        .found(c),
    )
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
fn year_in_context(key: &str, pos: usize) -> Option<(usize, usize, i32, bool)> {
    let t = token_at(key, pos).filter(|t| t.kind == TokKind::Digits)?;
    let prev = lexicon::prev_token(key, t.start).filter(|p| p.end < t.start)?;
    let prev_word = prev.s.strip_prefix('و').unwrap_or(prev.s);
    let prev_word = match lexicon::lookup(key, prev.start, prev.end) {
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
    if let Some(n) = next_token(key, end) {
        let counts = n.s == "%"
            || lexicon::word(key, Some(n)).is_some_and(|w| {
                w.entry.num.is_some() || matches!(w.entry.date, Some(DateW::Unit(..)))
            });
        if counts {
            return None;
        }
    }
    Some((start, end, y, hijri))
}

/// «الربع الأول من العام 2022» (`2022-Q1`), «النصف الثاني من العام
/// الماضي» (`2020-H2`), «صيف 2014» (`2014-SU`).
fn part_of_year(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let t = token_at(key, pos).filter(|t| t.kind == TokKind::Word)?;
    let h = lexicon::lookup(key, t.start, t.end)?;
    let word = &key[h.start..h.end];
    let word = word.strip_prefix("ال").unwrap_or(word);
    let (suffix, mut end) = match word {
        "صيف" => ("SU".to_owned(), h.end),
        "شتاء" => ("WI".to_owned(), h.end),
        "خريف" => ("FA".to_owned(), h.end),
        "ربيع" => ("SP".to_owned(), h.end),
        "ربع" | "نصف" if h.article => {
            let o = numbers::ordinal(c, after(key, h.end)?)?;
            let n = o.value as u8;
            let (letter, max) = if word == "ربع" { ('Q', 4) } else { ('H', 2) };
            if !(1..=max).contains(&n) {
                return None;
            }
            (format!("{letter}{n}"), o.end)
        }
        _ => return None,
    };
    if let Some(e) = next_word_is(key, end, &["من"]) {
        end = e;
    }
    let q = after(key, end)?;
    let (end, year) = if let Some((_, e, y, false)) = year_at(key, q, true) {
        (e, Some(y))
    } else {
        let u = hit(key, q)?;
        let this = matches!(date_word(&u), Some(DateW::Opener(Opener::This)));
        let (u, dir) = if this {
            (next_hit(key, u.end)?, 0)
        } else {
            let d = next_hit(key, u.end)?;
            match date_word(&d)? {
                DateW::Dir(dir) => (u, dir),
                _ => return None,
            }
        };
        if !matches!(date_word(&u), Some(DateW::Unit(Unit::Year, Count::One))) {
            return None;
        }
        let e = if this {
            u.end
        } else {
            next_hit(key, u.end)?.end
        };
        (e, c.ref_date.map(|r| r.year() + i32::from(dir)))
    };
    let y = year.map_or("XXXX".to_owned(), |y| format!("{y:04}"));
    Some(Found::new(
        h.start,
        end,
        format!("{y}-{suffix}"),
        Kind::Date,
    ))
}

// ---------------------------------------------------------------------------
// Ranges.

/// «بين عامي 1980 و1988», «بين 3 و7 مارس», «من 3 إلى 7 مارس», «من عام
/// 2001 حتى عام 2005», «1980-1988». The value joins both ends with `/`.
fn range_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let t = token_at(key, pos)?;
    // «1980-1988»: two years and a hyphen.
    if t.kind == TokKind::Digits {
        let (_, ye, y1, _) = year_at(key, pos, true)?;
        let dash = next_token(key, ye).filter(|d| matches!(d.s, "-" | "–"))?;
        let q = after(key, dash.end)?;
        let (_, e, y2, _) = year_at(key, q, true)?;
        return (y2 > y1).then(|| Found::new(t.start, e, format!("{y1}/{y2}"), Kind::Date));
    }
    let h = lexicon::lookup(key, t.start, t.end)?;
    let opener = match date_word(&h)? {
        DateW::Opener(o @ (Opener::Between | Opener::From)) => o,
        _ => return None,
    };
    let mut q = after(key, h.end)?;
    // Most «من» open no date: give up unless a number or a table word
    // follows.
    let next = token_at(key, q)?;
    if next.kind != TokKind::Digits && lexicon::word(key, Some(next)).is_none() {
        return None;
    }
    if opener == Opener::Between {
        // «بين عامي 1980 و1988».
        if let Some(y) = hit(key, q)
            .filter(|y| matches!(date_word(y), Some(DateW::Unit(Unit::Year, Count::Two))))
        {
            return years_pair(c, h.start, y.end);
        }
    }
    // The first end: a date, a day alone or a year alone.
    let first = cal_at(c, q, true)
        .or_else(|| bare_day(c, q))
        .or_else(|| bare_year(key, q))?;
    q = first.end;
    // The link: و (between), إلى, حتى, وحتى (from).
    let second_pos = match opener {
        Opener::Between => {
            let t = next_token(key, q)?;
            if t.s == "و" {
                after(key, t.end)?
            } else if t.s.starts_with('و') {
                t.start + 'و'.len_utf8()
            } else {
                return None;
            }
        }
        _ => {
            let t = next_token(key, q)?;
            let w = t.s.strip_prefix('و').unwrap_or(t.s);
            if !matches!(w, "الي" | "حتي") {
                return None;
            }
            after(key, t.end)?
        }
    };
    let second = cal_at(c, second_pos, true)
        .or_else(|| bare_day(c, second_pos))
        .or_else(|| bare_year(key, second_pos))?;
    let (mut a, mut b) = (first.cal, second.cal);
    // The first end takes what it lacks from the second: «من 3 إلى 7 مارس».
    if a.m.is_none() && a.d.is_some() {
        a.m = b.m;
    }
    if a.y.is_none() && a.m.is_some() {
        a.y = b.y;
    }
    if b.y.is_none() && b.m.is_some() {
        b.y = a.y;
    }
    if a.m.is_none() != b.m.is_none()
        || a.d.is_none() != b.d.is_none()
        || a.m.is_none() && a.y.is_none()
    {
        return None;
    }
    if a.y.is_none()
        && let Some(r) = c.ref_date
    {
        a.y = Some(r.year());
        b.y = Some(r.year());
    }
    if let (Some(x), Some(y)) = (a.date(), b.date())
        && x >= y
    {
        return None;
    }
    Some(Found::new(
        h.start,
        second.end,
        format!("{}/{}", a.timex(), b.timex()),
        Kind::Date,
    ))
}

/// «عامي 1980 و1988» from the word before the years.
fn years_pair(c: &Chunk<'_>, start: usize, end: usize) -> Option<Found> {
    let key = c.key;
    let d1 = next_token(key, end).filter(|d| d.kind == TokKind::Digits)?;
    let (_, e1, y1, _) = year_at(key, d1.start, true)?;
    // «و1988» (glued) or «و 1988».
    let t = next_token(key, e1).filter(|t| t.s == "و")?;
    let p2 = after(key, t.end)?;
    let (_, e2, y2, _) = year_at(key, p2, true)?;
    (y2 > y1).then(|| Found::new(start, e2, format!("{y1}/{y2}"), Kind::Date))
}

/// A day number alone (the first end of «من 3 إلى 7 مارس»).
fn bare_day(c: &Chunk<'_>, pos: usize) -> Option<CalAt> {
    let (start, end, d) = day_at(c, pos)?;
    Some(CalAt {
        start,
        end,
        cal: Cal {
            d: Some(d),
            ..Cal::default()
        },
        hijri: false,
        year_span: None,
    })
}

/// A year with or without its marker.
fn bare_year(key: &str, pos: usize) -> Option<CalAt> {
    let (start, end, y, hijri) = year_at(key, pos, true)?;
    (!hijri).then_some(CalAt {
        start,
        end,
        cal: Cal {
            y: Some(y),
            ..Cal::default()
        },
        hijri: false,
        year_span: None,
    })
}

// ---------------------------------------------------------------------------
// Relative dates.

/// A day relative to the reference date, as a TIMEX3 value.
fn day_value(reference: Option<NaiveDate>, offset: i64) -> String {
    reference
        .and_then(|r| add_days(r, offset))
        .map_or("XXXX-XX-XX".to_owned(), |d| Cal::of(d).timex())
}

/// A relative day: «اليوم», «أمس», «البارحة», «غداً», «بعد غد», «أول
/// أمس», «أول من أمس». Returns the span and the offset in days.
fn relative_day(key: &str, pos: usize) -> Option<(usize, usize, i64)> {
    let h = hit(key, pos)?;
    match (date_word(&h), h.entry.num) {
        // «يوم أمس», «يوم الغد»: the word for day joins the span.
        (Some(DateW::Unit(Unit::Day, Count::One)), _) if !h.article => {
            let (_, end, n) = relative_day(key, after(key, h.end)?)?;
            (n != 0).then_some((h.start, end, n))
        }
        (Some(DateW::Day(-1)), _) if next_word_is(key, h.end, &["الاول"]).is_some() => {
            // «أمس الأول»: the day before yesterday.
            Some((h.start, next_word_is(key, h.end, &["الاول"])?, -2))
        }
        (Some(DateW::Day(n)), _) => {
            if n == 0 && key[h.start..h.end] == *"اليوم" {
                // «اليوم الأول», «اليوم العالمي»: a day, not today.
                if let Some(next) = next_token(key, h.end) {
                    let ord = lexicon::word(key, Some(next))
                        .is_some_and(|w| matches!(w.entry.num, Some(Num::Ord(_) | Num::Hadi)));
                    if ord
                        || matches!(
                            next.s,
                            "العالمي"
                                | "الوطني"
                                | "الدولي"
                                | "التالي"
                                | "نفسه"
                                | "الذي"
                                | "السابق"
                        )
                    {
                        return None;
                    }
                }
                // «في نفس اليوم», «ذلك اليوم», «في مثل هذا اليوم».
                let prev = lexicon::prev_token(key, h.token_start());
                if prev.is_some_and(|p| matches!(p.s, "نفس" | "ذلك" | "ذات" | "هذا")) {
                    return None;
                }
            }
            Some((h.start, h.end, i64::from(n)))
        }
        (Some(DateW::Opener(Opener::After)), _) => {
            let g = next_hit(key, h.end)?;
            (date_word(&g) == Some(DateW::Ghad) && !g.article).then_some((h.start, g.end, 2))
        }
        (_, Some(Num::Ord(1))) if !h.article => {
            let mut e = h.end;
            if let Some(m) = next_word_is(key, e, &["من"]) {
                e = m;
            }
            let a = next_hit(key, e)?;
            (date_word(&a) == Some(DateW::Day(-1))).then_some((h.start, a.end, -2))
        }
        _ => None,
    }
}

/// Relative dates: days, weekdays, «الأسبوع الماضي», «هذا العام», «منذ
/// ثلاثة أيام», «صباح أمس».
fn relative(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let reference = c.ref_date;
    if let Some((start, end, n)) = relative_day(key, pos) {
        // «اليوم الخميس»: the weekday names the same day.
        let end = next_hit(key, end)
            .filter(|w| matches!(date_word(w), Some(DateW::Weekday(_))) && w.clitic.is_empty())
            .map_or(end, |w| w.end);
        return Some(Found::new(start, end, day_value(reference, n), Kind::Date));
    }
    if let Some((start, end, wd)) = weekday_at(key, pos) {
        let (end, dir) = match next_hit(key, end).and_then(|h| match date_word(&h) {
            Some(DateW::Dir(d)) if d != 0 => Some((h.end, d)),
            _ => None,
        }) {
            Some(x) => x,
            None => (end, 0),
        };
        let value = match reference {
            Some(r) => Cal::of(resolve_weekday(r, wd, dir)).timex(),
            None => format!("XXXX-WXX-{wd}"),
        };
        return Some(Found::new(start, end, value, Kind::Date));
    }
    let h = hit(key, pos)?;
    match date_word(&h)? {
        // «الأسبوع الماضي», «الشهر المقبل», «العام الجاري».
        DateW::Unit(unit, Count::One) if h.article => {
            let d = next_hit(key, h.end)?;
            let DateW::Dir(dir) = date_word(&d)? else {
                return None;
            };
            let value = unit_value(reference, unit, i32::from(dir))?;
            Some(Found::new(h.start, d.end, value, Kind::Date))
        }
        // «هذا العام», «هذه السنة», «هذا الأسبوع».
        DateW::Opener(Opener::This) => {
            let u = next_hit(key, h.end).filter(|u| u.article && u.clitic.is_empty())?;
            let DateW::Unit(unit, Count::One) = date_word(&u)? else {
                return None;
            };
            let value = unit_value(reference, unit, 0)?;
            Some(Found::new(h.start, u.end, value, Kind::Date))
        }
        // «منذ ثلاثة أيام», «قبل عامين»: that long before the reference.
        DateW::Opener(Opener::Since | Opener::Before) => {
            let mut q = after(key, h.end)?;
            // «منذ نحو ثلاثة أسابيع», «قبل أكثر من عامين».
            if let Some(t) = token_at(key, q) {
                match t.s {
                    "نحو" | "حوالي" | "قرابه" | "زهاء" => q = after(key, t.end)?,
                    "اكثر" | "اقل" => {
                        let e = next_word_is(key, t.end, &["من"])?;
                        q = after(key, e)?;
                    }
                    _ => {}
                }
            }
            if year_at(key, q, true).is_some() {
                return None;
            }
            let (_, end, n, unit) = length_at(c, q).or_else(|| {
                // «منذ أسبوع», «قبل عام»: one unit.
                let u = hit(key, q).filter(|u| u.clitic.is_empty() && !u.article)?;
                match date_word(&u)? {
                    DateW::Unit(unit, Count::One) => Some((q, u.end, 1.0, unit)),
                    _ => None,
                }
            })?;
            if n.fract() != 0.0 {
                return None;
            }
            let n = n as i64;
            let value = match (unit, reference) {
                (Unit::Day, Some(r)) => Cal::of(add_days(r, -n)?).timex(),
                (Unit::Week, Some(r)) => Cal::of(add_days(r, -7 * n)?).timex(),
                (Unit::Month, Some(r)) => {
                    let d = add_months(r, -(n as i32))?;
                    format!("{:04}-{:02}", d.year(), d.month())
                }
                (Unit::Year, Some(r)) => format!("{:04}", r.year() - n as i32),
                (Unit::Decade, Some(r)) => format!("{:04}", r.year() - 10 * n as i32),
                (Unit::Day | Unit::Week, None) => "XXXX-XX-XX".to_owned(),
                (Unit::Month, None) => "XXXX-XX".to_owned(),
                (Unit::Year | Unit::Decade, None) => "XXXX".to_owned(),
                _ => return None,
            };
            Some(Found::new(h.start, end, value, Kind::Date))
        }
        // «صباح أمس», «مساء الخميس», «ظهر اليوم», «ليلة الجمعة».
        DateW::Part(part, _) if !h.article => {
            let q = after(key, h.end)?;
            let (end, day) = if let Some(cal) = cal_at(c, q, false).filter(|c| c.cal.d.is_some()) {
                (cal.end, cal.cal.timex())
            } else if let Some((_, e, n)) = relative_day(key, q) {
                // «صباح اليوم الأحد»: the weekday names the same day.
                let e = next_hit(key, e)
                    .filter(|w| {
                        matches!(date_word(w), Some(DateW::Weekday(_))) && w.clitic.is_empty()
                    })
                    .map_or(e, |w| w.end);
                (e, day_value(reference, n))
            } else if let Some((_, e, wd)) = weekday_at(key, q) {
                let (e, dir) = match next_hit(key, e).and_then(|h| match date_word(&h) {
                    Some(DateW::Dir(d)) if d != 0 && h.clitic.is_empty() => Some((h.end, d)),
                    _ => None,
                }) {
                    Some(x) => x,
                    None => (e, 0),
                };
                let v = match reference {
                    Some(r) => Cal::of(resolve_weekday(r, wd, dir)).timex(),
                    None => format!("XXXX-WXX-{wd}"),
                };
                (e, v)
            } else {
                return None;
            };
            Some(Found::new(
                h.start,
                end,
                format!("{day}{}", part_suffix(part)),
                Kind::Time,
            ))
        }
        _ => None,
    }
}

/// The TIMEX3 time suffix of a part of the day.
fn part_suffix(part: DayPart) -> &'static str {
    match part {
        DayPart::Dawn | DayPart::Morning => "TMO",
        DayPart::Noon => "T12:00",
        DayPart::Afternoon => "TAF",
        DayPart::Evening => "TEV",
        DayPart::Night => "TNI",
    }
}

/// The week, month or year `offset` units from the reference.
fn unit_value(reference: Option<NaiveDate>, unit: Unit, offset: i32) -> Option<String> {
    Some(match (unit, reference) {
        (Unit::Week, Some(r)) => week_value(add_days(r, 7 * i64::from(offset))?),
        (Unit::Month, Some(r)) => {
            let d = add_months(r, offset)?;
            format!("{:04}-{:02}", d.year(), d.month())
        }
        (Unit::Year, Some(r)) => format!("{:04}", r.year() + offset),
        (Unit::Decade, Some(r)) => format!("{:03}X", r.year() / 10 + offset),
        (Unit::Week, None) => "XXXX-WXX".to_owned(),
        (Unit::Month, None) => "XXXX-XX".to_owned(),
        (Unit::Year, None) => "XXXX".to_owned(),
        _ => return None,
    })
}

// ---------------------------------------------------------------------------
// Lengths of time.

/// A length: a count and a unit («12 عاماً», «خمس دقائق», «ثلاثة عشر
/// يوماً»), a dual («أسبوعين»), a fraction of a unit («نصف ساعة»), with
/// «ونصف» after. Returns the span, the count and the unit.
fn length_at(c: &Chunk<'_>, pos: usize) -> Option<(usize, usize, f64, Unit)> {
    let key = c.key;
    let t = token_at(key, pos)?;
    let (start, mut end, mut n, unit) = if let Some(h) =
        lexicon::word(key, Some(t)).filter(|h| !h.article)
    {
        match (date_word(&h), h.entry.num) {
            (Some(DateW::Unit(u, Count::Two)), _) => {
                // عامي, سنتي are construct duals before a noun or years.
                if key[h.start..h.end].ends_with('ي') {
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
                let u = next_hit(key, h.end).filter(|u| u.clitic.is_empty() && !u.article)?;
                let Some(DateW::Unit(unit, Count::One)) = date_word(&u) else {
                    return None;
                };
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
fn counted(c: &Chunk<'_>, pos: usize) -> Option<(usize, usize, f64, Unit)> {
    let key = c.key;
    let n = numbers::cardinal(key, pos).filter(|n| n.kind == Kind::Cardinal)?;
    let u = next_hit(key, n.end).filter(|u| u.clitic.is_empty() && !u.article)?;
    let DateW::Unit(unit, Count::One | Count::Acc | Count::Plural) = date_word(&u)? else {
        return None;
    };
    // «الـ24 ساعة الماضية»: the article before the digits, and the
    // direction after the unit, belong to the span.
    match article_before(key, n.start) {
        Some(start) => Some((start, dir_after(key, u.end), n.value, unit)),
        None => Some((n.start, u.end, n.value, unit)),
    }
}

/// Where the article starts when digits at `start` carry one: «الـ24»
/// (ال24 once tatweel is gone) or «الـ 24».
fn article_before(key: &str, start: usize) -> Option<usize> {
    let before = &key[..start];
    if let Some(b) = before.strip_suffix("ال") {
        let word = b
            .char_indices()
            .rev()
            .take_while(|&(_, c)| lexicon::is_letter(c))
            .last()
            .map_or(b.len(), |(i, _)| i);
        return matches!(&b[word..], "" | "و" | "ف" | "ب" | "ك" | "وب" | "فب")
            .then_some(start - "ال".len());
    }
    let b = before.strip_suffix(' ')?.strip_suffix("ال")?;
    b.chars()
        .next_back()
        .is_none_or(|c| !lexicon::is_letter(c))
        .then_some(start - " ال".len())
}

/// `end`, extended over «الماضية», «المقبلة», «الأخيرة» after it.
fn dir_after(key: &str, end: usize) -> usize {
    next_hit(key, end)
        .filter(|d| {
            d.clitic.is_empty()
                && (matches!(date_word(d), Some(DateW::Dir(-1 | 1)))
                    || matches!(&key[d.start..d.end], "الاخيره" | "الاخير"))
        })
        .map_or(end, |d| d.end)
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

/// A duration: a length (see [`length_at`]), or «الأيام الثلاثة الماضية»,
/// «السنوات العشر الأخيرة».
fn duration_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    // «لمدة أسبوع», «طوال شهر», «في غضون ساعة»: one unit.
    if let Some(u) = hit(c.key, pos).filter(|u| u.clitic.is_empty() && !u.article)
        && let Some(DateW::Unit(unit, Count::One)) = date_word(&u)
        && lexicon::prev_token(c.key, pos)
            .is_some_and(|p| matches!(p.s, "لمده" | "مده" | "طوال" | "طيله" | "غضون" | "خلال"))
        && next_hit(c.key, u.end).is_none_or(|n| n.entry.num.is_none() && n.entry.date.is_none())
    {
        return Some(Found::new(
            u.start,
            u.end,
            duration_value(1.0, unit),
            Kind::Duration,
        ));
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
    let h = hit(key, pos).filter(|h| h.article)?;
    let Some(DateW::Unit(unit, Count::Plural)) = date_word(&h) else {
        return None;
    };
    let t = next_token(key, h.end)?;
    let (v, n_end) = if t.s == "ال" {
        // «الساعات الـ24 الماضية».
        let d = next_token(key, t.end).filter(|d| d.kind == TokKind::Digits)?;
        (parse_digits(d.s).filter(|d| d.int)?.value, d.end)
    } else {
        let n = lexicon::word(key, Some(t)).filter(|n| n.article && n.clitic.is_empty())?;
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

// ---------------------------------------------------------------------------
// Times of day.

/// «الساعة الثامنة صباحاً», «الساعة 10:30», «05:16 مساءً», «الساعة الثامنة
/// والنصف مساء أمس».
fn time_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let t = token_at(key, pos)?;
    // After «الساعة» any hour will do; alone, an hour needs a part of the
    // day after it («العاشرة صباحاً», «8 مساءً»), a clock time two-digit
    // minutes.
    let after_word = lexicon::word(key, Some(t))
        .filter(|w| w.article && date_word(w) == Some(DateW::Unit(Unit::Hour, Count::One)));
    let (start, hour_pos) = match after_word {
        Some(w) => (w.start, after(key, w.end)?),
        None if t.s == "ال" => (t.start, t.start),
        None => (
            lexicon::word(key, Some(t)).map_or(t.start, |w| w.start),
            t.start,
        ),
    };
    let (mut end, mut h, mut min, clock) = hour_at(c, hour_pos)?;
    let needs_part = after_word.is_none() && !clock;
    if h > 24 || min > 59 {
        return None;
    }
    // «والنصف», «والربع», «إلا ربعاً».
    if let Some(n) = next_token(key, end) {
        match n.s {
            "والنصف" => {
                min = 30;
                end = n.end;
            }
            "والربع" => {
                min = 15;
                end = n.end;
            }
            "والثلث" => {
                min = 20;
                end = n.end;
            }
            "الا" => {
                if let Some(e) = next_word_is(key, n.end, &["ربعا", "الربع"]) {
                    h = (h + 23) % 24;
                    min = 45;
                    end = e;
                } else if let Some(e) = next_word_is(key, n.end, &["ثلثا", "الثلث"]) {
                    h = (h + 23) % 24;
                    min = 40;
                    end = e;
                }
            }
            _ => {}
        }
    }
    // The part of the day, and the day itself.
    let mut part = None;
    let mut day = None;
    let mut p = end;
    if let Some(e) = next_word_is(key, p, &["من"]) {
        // «من صباح اليوم», «من مساء يوم الخميس».
        if next_hit(key, e).is_some_and(|h| matches!(date_word(&h), Some(DateW::Part(..)))) {
            p = e;
        }
    }
    if let Some(w) = next_hit(key, p).filter(|w| w.clitic.is_empty()) {
        if let Some(DateW::Part(dp, adverb)) = date_word(&w) {
            // «صباحاً» alone; the noun «صباح» only before its day.
            let noun_ok = adverb
                || after(key, w.end).is_some_and(|q| {
                    relative_day(key, q).is_some() || weekday_at(key, q).is_some()
                });
            if noun_ok {
                part = Some(dp);
                end = w.end;
            }
        } else if key[w.start..w.end] == *"بعد"
            && let Some(e) = next_word_is(key, w.end, &["الظهر"])
        {
            part = Some(DayPart::Afternoon);
            end = e;
        }
    }
    if (part.is_some() || !clock)
        && let Some(q) = after(key, end)
    {
        if let Some((_, e, n)) = relative_day(key, q) {
            day = Some(day_value(c.ref_date, n));
            end = e;
        } else if let Some((_, e, wd)) = weekday_at(key, q) {
            day = Some(match c.ref_date {
                Some(r) => Cal::of(resolve_weekday(r, wd, 0)).timex(),
                None => format!("XXXX-WXX-{wd}"),
            });
            end = e;
        }
    }
    if needs_part && part.is_none() {
        return None;
    }
    h = match part {
        Some(DayPart::Afternoon | DayPart::Evening) if h < 12 => h + 12,
        Some(DayPart::Noon) if h < 6 => h + 12,
        Some(DayPart::Night) if (6..12).contains(&h) => h + 12,
        Some(DayPart::Night) if h == 12 => 0,
        _ => h,
    };
    let value = format!("{}T{h:02}:{min:02}", day.unwrap_or_default());
    Some(Found::new(start, end, value, Kind::Time))
}

/// The hour at `pos`: a clock time («10:30»), digits («8», «الـ8»), an
/// ordinal («الثامنة», «الحادية عشرة») or «الواحدة». Returns the end, the
/// hour, the minutes and whether it was a clock time.
fn hour_at(c: &Chunk<'_>, pos: usize) -> Option<(usize, u32, u32, bool)> {
    let key = c.key;
    let t = token_at(key, pos)?;
    let digits = if t.s == "ال" {
        token_at(key, t.end).filter(|d| d.kind == TokKind::Digits)
    } else {
        Some(t).filter(|d| d.kind == TokKind::Digits)
    };
    if let Some(d) = digits {
        if let Some((e, h, m)) = clock_at(key, d.start) {
            return Some((e, h, m, true));
        }
        let n = parse_digits(d.s).filter(|n| n.int && n.width <= 2)?;
        return (n.value <= 24.0).then_some((d.end, n.value as u32, 0, false));
    }
    if let Some(o) = numbers::ordinal(c, pos).filter(|o| o.value <= 12.0) {
        // «الأولى» is never an hour (one o'clock is «الواحدة»): «الساعات
        // الأولى من صباح اليوم».
        let first = matches!(&key[o.start..o.end], "الاولي" | "الاول");
        return (key[o.start..].starts_with("ال") && !first).then_some((
            o.end,
            o.value as u32,
            0,
            false,
        ));
    }
    let one = hit(key, pos)?;
    (one.article && one.entry.num == Some(Num::Unit(1))).then_some((one.end, 1, 0, false))
}

/// «10:30», «05:16»: hours and two-digit minutes.
fn clock_at(key: &str, pos: usize) -> Option<(usize, u32, u32)> {
    let h = token_at(key, pos).filter(|t| t.kind == TokKind::Digits && t.s.len() <= 2)?;
    let colon = token_at(key, h.end).filter(|t| t.s == ":")?;
    let m = token_at(key, colon.end).filter(|t| t.kind == TokKind::Digits && t.s.len() == 2)?;
    Some((m.end, h.s.parse().ok()?, m.s.parse().ok()?))
}

// ---------------------------------------------------------------------------
// Decades, centuries, sets.

/// «الثمانينيات» (198X), «ثمانينيات القرن الماضي», «تسعينيات القرن التاسع
/// عشر» (189X).
fn decade_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
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
fn century_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
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
    } else if let Some(DateW::Dir(dir)) = lexicon::word(key, Some(t)).and_then(|w| w.entry.date) {
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

/// «يومياً», «كل يوم», «كل عام», «كل ثلاثة أشهر», «كل يوم جمعة».
fn set_at(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let h = hit(key, pos)?;
    match date_word(&h)? {
        DateW::Every(unit) if !h.article => Some(Found::new(
            h.start,
            h.end,
            duration_value(1.0, unit),
            Kind::Set,
        )),
        DateW::Opener(Opener::Every) if !h.article => {
            let q = after(key, h.end)?;
            if let Some(u) = hit(key, q).filter(|u| u.clitic.is_empty() && !u.article)
                && let Some(DateW::Unit(unit, Count::One)) = date_word(&u)
            {
                // «كل يوم جمعة», «كل يوم الجمعة».
                if unit == Unit::Day
                    && let Some(w) = next_token(key, u.end)
                {
                    let wd = match w.s {
                        "جمعه" | "الجمعه" => Some(5),
                        "خميس" | "الخميس" => Some(4),
                        "اثنين" | "الاثنين" => Some(1),
                        "ثلاثاء" | "الثلاثاء" => Some(2),
                        "اربعاء" | "الاربعاء" => Some(3),
                        "سبت" | "السبت" => Some(6),
                        "احد" | "الاحد" => Some(7),
                        _ => None,
                    };
                    if let Some(wd) = wd {
                        return Some(Found::new(
                            h.start,
                            w.end,
                            format!("XXXX-WXX-{wd}"),
                            Kind::Set,
                        ));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Known pairs (tabular calendar; Umm al-Qura agrees on these or is a
    /// day off, as noted).
    #[test]
    fn hijri_conversion() {
        let cases: &[((i32, u8, u8), NaiveDate)] = &[
            ((1, 1, 1), date(622, 7, 19)),
            // 1 Ramadan 1445: Umm al-Qura 11 March 2024.
            ((1445, 9, 1), date(2024, 3, 11)),
            // 1 Muharram 1446: 7 July 2024.
            ((1446, 1, 1), date(2024, 7, 7)),
            // 1 Shawwal 1444 (Eid al-Fitr): 21 April 2023.
            ((1444, 10, 1), date(2023, 4, 21)),
            // 10 Dhu al-Hijjah 1443 (Eid al-Adha): 9 July 2022.
            ((1443, 12, 10), date(2022, 7, 9)),
            // 1 Muharram 1400: 21 November 1979.
            ((1400, 1, 1), date(1979, 11, 21)),
        ];
        for &((y, m, d), want) in cases {
            let got = hijri_to_gregorian(y, m, d).unwrap();
            let diff = (got - want).num_days().abs();
            assert!(diff <= 1, "{d}/{m}/{y} AH: got {got}, want {want} (±1)");
            assert_eq!(gregorian_to_hijri(got), (y, m, d), "round trip of {got}");
        }
        assert_eq!(hijri_to_gregorian(1445, 9, 1), Some(date(2024, 3, 11)));
        assert_eq!(hijri_to_gregorian(1445, 2, 30), None);
    }

    #[test]
    fn hijri_round_trip_every_day() {
        let mut d = date(1900, 1, 1);
        while d < date(2100, 1, 1) {
            let (y, m, dd) = gregorian_to_hijri(d);
            assert_eq!(hijri_to_gregorian(y, m, dd), Some(d), "{d}");
            d = d.succ_opt().unwrap();
        }
    }

    #[test]
    fn weekday_resolution() {
        // 2021-03-12 is a Friday.
        let r = date(2021, 3, 12);
        let cases: &[(u8, i8, NaiveDate)] = &[
            (5, 0, date(2021, 3, 12)),
            (4, 0, date(2021, 3, 11)),
            (1, 0, date(2021, 3, 8)),
            (7, 0, date(2021, 3, 14)),
            (6, 0, date(2021, 3, 13)),
            (2, 0, date(2021, 3, 9)),
            (5, -1, date(2021, 3, 5)),
            (4, -1, date(2021, 3, 11)),
            (5, 1, date(2021, 3, 19)),
            (6, 1, date(2021, 3, 13)),
        ];
        for &(wd, dir, want) in cases {
            assert_eq!(resolve_weekday(r, wd, dir), want, "weekday {wd} dir {dir}");
        }
    }

    #[test]
    fn relative_units() {
        let r = Some(date(2021, 3, 12));
        assert_eq!(unit_value(r, Unit::Week, -1).unwrap(), "2021-W09");
        assert_eq!(unit_value(r, Unit::Month, 1).unwrap(), "2021-04");
        assert_eq!(unit_value(r, Unit::Year, -1).unwrap(), "2020");
        assert_eq!(unit_value(None, Unit::Month, 0).unwrap(), "XXXX-XX");
        assert_eq!(day_value(r, -1), "2021-03-11");
        assert_eq!(day_value(None, 1), "XXXX-XX-XX");
    }

    #[test]
    fn durations() {
        assert_eq!(duration_value(12.0, Unit::Year), "P12Y");
        assert_eq!(duration_value(5.0, Unit::Minute), "PT5M");
        assert_eq!(duration_value(0.5, Unit::Hour), "PT30M");
        assert_eq!(duration_value(1.5, Unit::Hour), "PT90M");
        assert_eq!(duration_value(3.0, Unit::Decade), "P30Y");
    }
}
