//! Dates named with words: a day, a month name (either Gregorian system
//! or Hijri) and a year, with the weekday before them; a year with its
//! marker; parts of a year (الربع الأول من 2022, صيف 2014); decades and
//! centuries.
//!
//! In: a [`Chunk`] and a token position. Out: the phrase that starts there
//! (byte range of the key) with its calendar value, or `None`.

mod days;
mod decades;
mod months;
mod parts;
mod weekdays;
mod weeks;
mod years;

pub(super) use days::{day_alone, day_at, day_of_month_alone};
pub(super) use decades::{century_at, decade_at};
pub(super) use parts::part_of_period;
pub(super) use weekdays::{nth_weekday, weekday_at};
pub(super) use weeks::{Period, nth_week, period_at};
pub(super) use years::{thousands_number, thousands_year, year_at};

use chrono::{Datelike, NaiveDate};

use super::calendar::{Cal, gregorian_to_hijri, hijri_to_gregorian};
use super::numeric::{day_month, month_year, numeric_at};
use super::{Found, after, date_word, hit, next_hit, word_is};
use crate::doc::{Chunk, Kind};
use crate::values::words::{self, Count, DateW, TokKind, Unit, next_token, token_at};
use days::{cardinal_day, coordinated_day, day_after_month, day_of_relative_month};
use decades::two_thousands;
use months::{month_at, month_number, one_month, time_preposition_before};
use parts::part_of_year;
use weekdays::weekday_with_day;
use years::{relative_year, year_after_comma, year_after_joiner, year_in_context, year_in_words};

/// A parsed calendar date with its span.
#[derive(Clone, Debug)]
pub(super) struct CalAt {
    pub start: usize,
    pub end: usize,
    pub cal: Cal,
    /// The Hijri original, for the normal form.
    pub hijri: bool,
    /// A year-only Hijri date: the Gregorian years it spans.
    pub year_span: Option<(i32, i32)>,
    /// A Hijri month alone with neither its year nor a reference date to
    /// take it from: no Gregorian month is known, the value is `XXXX-XX`.
    pub month_only: bool,
}

impl CalAt {
    /// A Gregorian date (or part of one) from `start` to `end`.
    pub fn gregorian(start: usize, end: usize, cal: Cal) -> CalAt {
        CalAt {
            start,
            end,
            cal,
            hijri: false,
            year_span: None,
            month_only: false,
        }
    }

    pub fn found(self, c: &Chunk<'_>) -> Found {
        let value = match self.year_span {
            Some((a, b)) if a != b => format!("{a}/{b}"),
            Some((a, _)) => a.to_string(),
            None if self.month_only => "XXXX-XX".to_owned(),
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

/// A calendar date at `pos`: \[weekday \[،\] \[الموافق\]\] day \[من\] month \[year\],
/// month year, a year with its marker, or a numeric date. With `bare`, a
/// day or a four-digit year alone will do (inside ranges).
pub(super) fn cal_at(c: &Chunk<'_>, pos: usize, bare: bool) -> Option<CalAt> {
    let key = c.key;
    let mut start = None;
    let mut p = pos;
    // A weekday before the date, and whether «في» joins them.
    let mut weekday = None;
    let mut with_fi = false;
    if let Some((ws, we, wd)) = weekday_at(key, pos) {
        let mut q = after(key, we)?;
        if let Some(t) = token_at(key, q).filter(|t| matches!(t.s, "," | "،")) {
            q = after(key, t.end)?;
        }
        if let Some(e) = word_is(key, q, "الموافق").or_else(|| word_is(key, q, "في")) {
            with_fi = key[..e].ends_with("في");
            q = after(key, e)?;
        }
        start = Some(ws);
        weekday = Some(wd);
        p = q;
    }
    if let Some(n) = numeric_at(key, p, c.hijri).or_else(|| month_year(key, p)) {
        return Some(CalAt::gregorian(start.unwrap_or(n.0), n.1, n.2));
    }
    // «الأربعاء 28/9», «يوم 22/04», «بتاريخ 22/04»: a day and month alone
    // where a date is announced. The word before is read only once a day
    // and month are there: nearly every date tried at has none, and
    // walking back to that word cost about 400 instructions a try.
    if let Some((ds, de, d, m)) = day_month(key, p) {
        let announcer = announcer_before(key, p);
        if weekday.is_some() || announcer.is_some() || super::bare::cued_day_month(c, ds, de) {
            // «يوم 22/04»: the word for day joins the span, as elsewhere.
            let ds = announcer.filter(|t| t.s == "يوم").map_or(ds, |t| t.start);
            let cal = Cal {
                y: c.ref_date.map(|r| r.year()),
                m: Some(m),
                d: Some(d),
            };
            if let (Some(y), Some(m), Some(d)) = (cal.y, cal.m, cal.d) {
                NaiveDate::from_ymd_opt(y, u32::from(m), u32::from(d))?;
            }
            return Some(CalAt::gregorian(start.unwrap_or(ds), de, cal));
        }
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
        day_at(c, p)
            .map(|(s, e, d)| (day_word.unwrap_or(s), e, d))
            .or_else(|| cardinal_day(c, p, weekday.is_some()))
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
    // «2- أكتوبر», «16. نوفمبر. 2016»: a mark joining the day to its month
    // (and the month to its year).
    let mut joiner = None;
    let (mstart, mo) = match day {
        Some((ds, de, d)) => match after(key, de).and_then(|q| month_at(key, q)).or_else(|| {
            let (q, j, needs_year) = super::bare::joined_to_month(c, ds, de)?;
            let mo = month_at(key, q)?;
            // «1-صفر» is a score (صفر: zero): a Hijri month joined to
            // its day needs its year.
            if (needs_year || mo.hijri) && year_after_joiner(key, mo.end, j).is_none() {
                return None;
            }
            joiner = Some(j);
            Some(mo)
        }) {
            Some(mo) => (ds, mo),
            None => {
                // After «في» a masculine ordinal is a day, not an hour
                // (the hour is feminine: «في السابعة»): «يوم الخميس في
                // السابع». Right after the weekday («يوم الأحد السادس»)
                // it may be the weekday's rank.
                // Not before a noun: «الخميس، في أول مناظرة» is a rank
                // (before «حتى», «إلى» it ends a range).
                let masculine = with_fi
                    && !key[ds..de].bytes().any(|b| b.is_ascii_digit())
                    && !key[ds..de].trim_end_matches(" من").ends_with('ه')
                    && (key[ds..de].ends_with(" من")
                        || next_token(key, de).is_none_or(|t| {
                            t.kind != TokKind::Word || matches!(t.s, "حتي" | "الي" | "و")
                        }));
                if let (Some(ws), Some(wd)) = (start, weekday)
                    && (ds < de && key[ds..de].bytes().any(|b| b.is_ascii_digit())
                        || d >= 11
                        || masculine)
                {
                    // «في الثالث من الشهر»: the «من» stays out.
                    let de = match words::prev_token(key, de).filter(|t| t.s == "من") {
                        Some(m) => words::prev_token(key, m.start).map_or(de, |t| t.end),
                        None => de,
                    };
                    return Some(weekday_with_day(c, ws, de, wd, d));
                }
                return coordinated_day(c, start.unwrap_or(ds), de, d);
            }
        },
        None => {
            let mo = month_at(key, p)?;
            (month_word.unwrap_or(mo.start), mo)
        }
    };
    let start = start.unwrap_or(mstart);
    let mut d = day.map(|(_, _, d)| d);
    let mut end = mo.end;
    // The month before its day, the day an ordinal in words: «مايو الحادي
    // عشر», «يناير الأول» (كانون الأول is read as the month before this).
    // Not after a month that is also a word: «مارس الثاني» is "the second
    // practised".
    if d.is_none()
        && !mo.hijri
        && (mo.safe || month_word.is_some())
        && let Some((de, dd)) =
            day_after_month(c, mo.end).or_else(|| super::bare::digits_after_month(c, mo.end))
    {
        d = Some(dd);
        end = de;
    }
    // «صلاة الجمعة في شهر رمضان»: a weekday and a month without a day
    // are no date.
    if weekday.is_some() && d.is_none() {
        return None;
    }
    // The year.
    // «5 مارس 2021», «5 مارس عام 2021», «18 ديسمبر من العام 2022»,
    // «يناير، 2001».
    let year = after(key, end).and_then(|q| {
        joiner
            .and_then(|j| year_after_joiner(key, end, j))
            .or_else(|| year_at(key, q, true))
            .or_else(|| {
                let e = word_is(key, q, "من")?;
                year_at(key, after(key, e)?, false)
            })
            .or_else(|| year_after_comma(key, q))
            .or_else(|| year_in_words(key, q))
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
            None => {
                // The reference's Hijri year; «رمضان الماضي», «شوال
                // المقبل»: the last such month before it, the next after.
                let dir = next_hit(key, end)
                    .filter(|h| h.clitic.is_empty())
                    .and_then(|h| match date_word(&h) {
                        Some(DateW::Dir(x)) => Some((h.end, x)),
                        _ => None,
                    });
                let hy =
                    reference
                        .and_then(|r| gregorian_to_hijri(c.hijri, r))
                        .map(|(y, rm, _)| match dir {
                            Some((_, -1)) if mo.m >= rm => y - 1,
                            Some((_, 1)) if mo.m <= rm => y + 1,
                            _ => y,
                        });
                (hy, dir.map_or(end, |(e, _)| e))
            }
        };
        // A Hijri month alone: its two-word names (ربيع الأول, ذو الحجة)
        // anywhere; the one-word ones, which are names too (رمضان, رجب),
        // after «شهر» or a preposition of time («في رمضان», «خلال
        // شوال»); صفر, also "zero", after «شهر» only.
        let alone_ok =
            mo.safe || month_word.is_some() || mo.m != 2 && time_preposition_before(key, mo.start);
        if d.is_none() && year.is_none() && !alone_ok {
            return None;
        }
        end = hend;
        if let Some(e) = next_hit(key, end).filter(|h| date_word(h) == Some(DateW::Ah)) {
            end = e.end;
        }
        let greg = match hy {
            Some(hy) => hijri_to_gregorian(c.hijri, hy, mo.m, d.unwrap_or(1))?,
            None => {
                return Some(CalAt {
                    start,
                    end,
                    cal: Cal::default(),
                    hijri: true,
                    year_span: None,
                    month_only: d.is_none(),
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
            month_only: false,
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
        // A month alone: a safe name, or after «شهر» or a preposition of
        // time («في مارس»; not آب, «اب» being "father" once folded).
        let alone_ok = mo.safe
            || month_word.is_some()
            || bare
            || key[mo.start..mo.end] != *"اب" && time_preposition_before(key, mo.start);
        if d.is_none() && !alone_ok {
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
    Some(CalAt::gregorian(start, end, cal))
}

/// The word before `pos` if it announces a date: «يوم», «بتاريخ»,
/// «تاريخ», «الموافق».
fn announcer_before(key: &str, pos: usize) -> Option<words::Tok<'_>> {
    words::prev_token(key, pos).filter(|t| matches!(t.s, "يوم" | "بتاريخ" | "تاريخ" | "الموافق"))
}

/// A calendar date (see [`cal_at`]) that stands alone: a year needs its
/// marker, a month alone a safe name or «شهر».
pub(super) fn calendar(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    if let Some(cal) = cal_at(c, pos, false) {
        return Some(cal.found(c));
    }
    if let Some(f) = part_of_year(c, pos) {
        return Some(f);
    }
    if let Some(f) = month_number(c, pos) {
        return Some(f);
    }
    if let Some(f) = two_thousands(c.key, pos) {
        return Some(f);
    }
    let (start, end, y, hijri) =
        year_at(c.key, pos, false).or_else(|| year_in_context(c.key, pos))?;
    let (cal, year_span) = if hijri {
        let a = hijri_to_gregorian(c.hijri, y, 1, 1)?.year();
        let b = hijri_to_gregorian(c.hijri, y, 12, 29)?.year();
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
            month_only: false,
        }
        .found(c),
    )
}
