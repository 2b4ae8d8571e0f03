//! Ordinals, definite ranks and counts, and the idioms that are no numbers.
//!
//! - Ordinals: «الثالث», «ثالث», «الحادي عشر», «الخامس والعشرون»,
//!   «العشرين», and past a hundred: «الحادية والخمسين بعد المئة» (151st).
//! - A definite cardinal from a hundred up after the definite singular noun
//!   it qualifies is its rank («الذكرى المئة لتأسيس», «الزائر المليون»);
//!   with no noun it ranks it is a count («المائتان», «الألف وخمسمئة»).
//! - Idioms: «في وقت واحد», «العالم الثالث», «ثاني أكسيد»; number words
//!   in construct with no noun after them («وأكد الفي أن …») are names.

use super::Parsed;
use super::cardinal::{Elem, What, cardinal_read, elem, is, next_elem};
use super::words::{self, Count, Num, TokKind, next_token, prev_token, token_at};
use crate::doc::{Chunk, Kind};

/// Reads an ordinal at the word at `pos`: «الثالث», «ثالث», «الحادي عشر»,
/// «الخامس والعشرون», «العشرين».
pub(in crate::values) fn ordinal(chunk: &Chunk<'_>, pos: usize) -> Option<Parsed> {
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

/// «الحادية والخمسين بعد المئة», «العاشرة بعد الألف»: an ordinal below a
/// hundred, «بعد» and a definite hundred or thousand is the rank that many
/// past it (151st, 1010th).
pub(super) fn after_hundred(key: &str, o: Parsed) -> Parsed {
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
pub(super) fn definite_rank(chunk: &Chunk<'_>, pos: usize) -> Option<Parsed> {
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
pub(super) fn definite_count(key: &str, pos: usize) -> Option<Parsed> {
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
pub(super) fn idiom(chunk: &Chunk<'_>, p: &Parsed) -> bool {
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
    use crate::values::numbers::tests::{all, check_firsts};

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
}
