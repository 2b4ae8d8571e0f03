//! Parts of a year or a period: quarters, halves and seasons («الربع الأول
//! من العام 2022» → `2022-Q1`, «صيف 2014» → `2014-SU`), an edge word before
//! a period («منتصف مارس», «نهاية العام 2019», «أواخر الشهر الماضي») and
//! the rest of the reference's week, month or year.

use chrono::{Datelike, NaiveDate};

use super::cal_at;
use super::months::month_at;
use super::years::{thousands_year, year_at};
use crate::doc::{Chunk, Kind};
use crate::values::dates::calendar::{Cal, add_days, add_months};
use crate::values::dates::{Found, after, date_word, hit, next_hit, next_word_is, word_is};
use crate::values::numbers;
use crate::values::words::{self, Count, DateW, Edge, Opener, TokKind, Unit, token_at};

/// «الربع الأول من العام 2022» (`2022-Q1`), «النصف الثاني من العام
/// الماضي» (`2020-H2`), «صيف 2014» (`2014-SU`).
pub(super) fn part_of_year(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let t = token_at(key, pos).filter(|t| t.kind == TokKind::Word)?;
    let h = words::lookup(key, t.start, t.end)?;
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
    // «الصيف المقبل», «الربيع الماضي»: the next or last such season.
    if h.article
        && suffix.len() == 2
        && !suffix.starts_with(['Q', 'H'])
        && let Some(d) = next_hit(key, end).filter(|d| d.clitic.is_empty())
        && let Some(DateW::Dir(dir @ (-1 | 1))) = date_word(&d)
    {
        let y = c.ref_date.map_or("XXXX".to_owned(), |r| {
            format!("{:04}", season_year(&suffix, r, dir))
        });
        return Some(Found::new(
            h.start,
            d.end,
            format!("{y}-{suffix}"),
            Kind::Date,
        ));
    }
    if let Some(e) = next_word_is(key, end, &["من"]) {
        end = e;
    }
    let q = after(key, end)?;
    let (end, year) = if let Some((_, e, y, false)) = year_at(key, q, true) {
        (e, Some(y))
    } else if let Some((_, e, y)) = thousands_year(key, q) {
        // «الربع الثالث من ألفين وعشرين».
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

/// The year of the last (`dir` -1) or next (+1) season `code` (`SU`, …)
/// from `reference`: a season counts as past once its last month is over.
fn season_year(code: &str, reference: NaiveDate, dir: i8) -> i32 {
    let (first, last) = match code {
        "SP" => (3, 5),
        "SU" => (6, 8),
        "FA" => (9, 11),
        _ => (12, 12),
    };
    let (y, m) = (reference.year(), reference.month());
    match dir {
        -1 if m > last => y,
        -1 => y - 1,
        _ if m < first => y,
        _ => y + 1,
    }
}

/// A part of a period: an edge word (بداية, مطلع, أوائل, مستهل, منتصف,
/// أواسط, نهاية, أواخر) before a month («منتصف مارس», «أواخر شهر آذار
/// 2020»), a year («مطلع 2020», «نهاية العام 2019») or a period named
/// relative to the reference («أواخر الشهر الماضي», «بداية الأسبوع
/// المقبل», «نهاية العام», «مطلع هذا العام»). The value is the period's:
/// TIMEX3 has no value for a part of a month.
pub(in crate::values::dates) fn part_of_period(c: &Chunk<'_>, pos: usize) -> Option<Found> {
    let key = c.key;
    let h = hit(key, pos).filter(|h| !h.article)?;
    let Some(DateW::Edge(edge)) = date_word(&h) else {
        return None;
    };
    let mut q = after(key, h.end)?;
    if let Some(e) = word_is(key, q, "من") {
        q = after(key, e)?;
    }
    let reference = c.ref_date;
    // «نهاية اليوم», «نهاية الغد», «نهاية يوم الأحد»: the day's last
    // minute (`2016-11-07T23:59`), as TIMEX3 tools write it.
    if edge == Edge::End {
        let day = match super::super::relative::relative_day(key, q) {
            Some((_, e, n)) => Some((e, super::super::relative::day_value(reference, n))),
            None => super::super::relative::weekday_phrase(c, q).map(|(_, e, v)| (e, v)),
        };
        if let Some((e, v)) = day {
            return Some(Found::new(h.start, e, format!("{v}T23:59"), Kind::Time));
        }
    }
    let u = hit(key, q);
    // «الشهر الماضي», «العام», «هذا الأسبوع».
    if let Some(u) = u.filter(|u| u.clitic.is_empty()) {
        let (unit, end, dir) = match date_word(&u) {
            Some(DateW::Unit(unit @ (Unit::Week | Unit::Month | Unit::Year), Count::One))
                if u.article =>
            {
                let dir = next_hit(key, u.end)
                    .filter(|d| d.clitic.is_empty())
                    .and_then(|d| match date_word(&d) {
                        Some(DateW::Dir(x)) => Some((d.end, x)),
                        // «نهاية الأسبوع بعد المقبل», «أواخر العام قبل
                        // الماضي»: two units on or back.
                        Some(DateW::Opener(o @ (Opener::After | Opener::Before))) => {
                            let d2 = next_hit(key, d.end)?;
                            match date_word(&d2) {
                                Some(DateW::Dir(x @ (1 | -1)))
                                    if (x == 1) == (o == Opener::After) =>
                                {
                                    Some((d2.end, 2 * x))
                                }
                                _ => None,
                            }
                        }
                        _ => None,
                    });
                match dir {
                    Some((e, x)) => (Some(unit), e, x),
                    // «نهاية العام 2019» is a year; «نهاية العام» the
                    // current one.
                    None if year_at(key, u.start, false).is_some() => (None, 0, 0),
                    None => (Some(unit), u.end, 0),
                }
            }
            Some(DateW::Opener(Opener::This)) => {
                let w = next_hit(key, u.end).filter(|w| w.article && w.clitic.is_empty())?;
                match date_word(&w)? {
                    DateW::Unit(unit @ (Unit::Week | Unit::Month | Unit::Year), Count::One) => {
                        (Some(unit), w.end, 0)
                    }
                    _ => return None,
                }
            }
            _ => (None, 0, 0),
        };
        if edge == Edge::Rest {
            // «بقية الأسبوع», «باقي هذا الشهر», «بقية العام».
            let unit = unit.filter(|_| dir == 0)?;
            return Some(Found::new(
                h.start,
                end,
                rest_of(reference, unit)?,
                Kind::Date,
            ));
        }
        if let Some(unit) = unit {
            let mut value = super::super::relative::unit_value(reference, unit, i32::from(dir))?;
            let mut start = h.start;
            // «نهاية الأسبوع», «عطلة نهاية الأسبوع»: the weekend.
            if unit == Unit::Week && edge == Edge::End {
                value.push_str("-WE");
                if let Some(p) = words::prev_token(key, h.token_start()).filter(|p| p.s == "عطله")
                {
                    start = p.start;
                }
            }
            return Some(Found::new(start, end, value, Kind::Date));
        }
    }
    if edge == Edge::Rest {
        return None;
    }
    // A month, with or without its year; a year.
    if let Some(cal) = cal_at(c, q, false).filter(|k| k.cal.d.is_none()) {
        let f = cal.found(c);
        return Some(Found {
            start: h.start,
            ..f
        });
    }
    if let Some(mo) = month_at(key, q) {
        let cal = Cal {
            y: reference.map(|r| r.year()),
            m: Some(mo.m),
            d: None,
        };
        return (!mo.hijri).then(|| Found::new(h.start, mo.end, cal.timex(), Kind::Date));
    }
    let (_, end, y, false) = year_at(key, q, true)? else {
        return None;
    };
    Some(Found::new(h.start, end, format!("{y:04}"), Kind::Date))
}

/// The rest of the reference's week, month or year: from the reference
/// to the period's last day (`2016-11-07/2016-11-13` for the week of
/// Monday 2016-11-07); without a reference, the period's X form.
fn rest_of(reference: Option<NaiveDate>, unit: Unit) -> Option<String> {
    let Some(r) = reference else {
        return super::super::relative::unit_value(None, unit, 0);
    };
    let last = match unit {
        Unit::Week => add_days(r, 6 - i64::from(r.weekday().num_days_from_monday()))?,
        Unit::Month => add_days(add_months(r.with_day(1)?, 1)?, -1)?,
        Unit::Year => NaiveDate::from_ymd_opt(r.year(), 12, 31)?,
        _ => return None,
    };
    Some(format!("{}/{}", Cal::of(r).timex(), Cal::of(last).timex()))
}

#[cfg(test)]
mod tests {
    use crate::values::dates::{check_dates, dates_in};

    #[test]
    fn parts_of_a_period() {
        let r = Some("2013-02-12");
        check_dates(&[
            ("في منتصف مارس", r, "منتصف مارس", "2013-03"),
            ("أواخر شهر آذار 2020", r, "اواخر شهر اذار 2020", "2020-03"),
            ("مطلع 2020", r, "مطلع 2020", "2020"),
            ("بداية الأسبوع المقبل", r, "بداية الاسبوع المقبل", "2013-W08"),
            ("أواخر الشهر الماضي", r, "اواخر الشهر الماضي", "2013-01"),
            ("أوائل الشهر الجاري", r, "اوائل الشهر الجاري", "2013-02"),
            ("في نهاية العام", r, "نهاية العام", "2013"),
            ("نهاية العام 2019", r, "نهاية العام 2019", "2019"),
            ("مطلع هذا العام", r, "مطلع هذا العام", "2013"),
            ("منتصف الشهر", None, "منتصف الشهر", "XXXX-XX"),
            // Two units on or back.
            (
                "تعود البعثة نهاية الأسبوع بعد المقبل",
                r,
                "نهاية الاسبوع بعد المقبل",
                "2013-W09-WE",
            ),
            (
                "أواخر الشهر قبل الماضي",
                r,
                "اواخر الشهر قبل الماضي",
                "2012-12",
            ),
            (
                "في عطلة نهاية الأسبوع",
                r,
                "عطلة نهاية الاسبوع",
                "2013-W07-WE",
            ),
            (
                "نهاية الأسبوع المقبل",
                None,
                "نهاية الاسبوع المقبل",
                "XXXX-WXX-WE",
            ),
        ]);
    }

    #[test]
    fn the_rest_of_a_period() {
        // 2021-03-12 is a Friday.
        let r = Some("2021-03-12");
        check_dates(&[
            (
                "يغيب بقية الأسبوع",
                r,
                "بقية الاسبوع",
                "2021-03-12/2021-03-14",
            ),
            (
                "باقي هذا الأسبوع",
                r,
                "باقي هذا الاسبوع",
                "2021-03-12/2021-03-14",
            ),
            ("يستمر باقي الشهر", r, "باقي الشهر", "2021-03-12/2021-03-31"),
            (
                "توقعات النمو لبقية العام",
                r,
                "بقية العام",
                "2021-03-12/2021-12-31",
            ),
            (
                "خلال بقية السنة الجارية",
                r,
                "بقية السنة الجارية",
                "2021-03-12/2021-12-31",
            ),
            ("بقية العام", None, "بقية العام", "XXXX"),
        ]);
        for text in ["بقية الدول", "باقي العام الماضي", "بقية مارس"]
        {
            let got = dates_in(text, r);
            assert!(
                got.iter()
                    .all(|(s, _)| !s.starts_with("بقية") && !s.starts_with("باقي")),
                "{text}: {got:?}"
            );
        }
    }
}
