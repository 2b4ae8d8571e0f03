//! The word table: every number and date word the grammars know, in the
//! spelling of the matching key (ة→ه, ى→ي, ئ→ي, alef folded), with all it
//! can mean: the standard number words, the hundreds in one word
//! («ثلاثمائة»), the dialect numbers of `gazetteers/numbers/dialect.tsv`,
//! the date words and the decades («الثمانينيات»).
//!
//! In: the lists below and the dialect file, read once. Out: [`WORDS`],
//! a map from key spelling to [`Entry`].

use std::sync::LazyLock;

use super::meaning::{Count, DateW, DayPart, Edge, Entry, MonthHead, Num, Opener, Unit};

/// One row of the tables: the key spelling and its meaning.
type Row<T> = (&'static str, T);

/// Number words, in key spelling (ة→ه, ى→ي, ئ→ي, alef folded).
const NUM_WORDS: &[Row<Num>] = &[
    ("صفر", Num::Unit(0)),
    ("واحد", Num::Unit(1)),
    ("واحده", Num::Unit(1)),
    ("واحدا", Num::Unit(1)),
    ("احد", Num::Ahad),
    ("احدي", Num::Ahad),
    ("اثنان", Num::Unit(2)),
    ("اثنين", Num::Unit(2)),
    ("اثنتان", Num::Unit(2)),
    ("اثنتين", Num::Unit(2)),
    ("اثنا", Num::Unit(2)),
    ("اثني", Num::Unit(2)),
    ("اثنتا", Num::Unit(2)),
    ("اثنتي", Num::Unit(2)),
    ("ثنتين", Num::Unit(2)),
    ("ثلاث", Num::Unit(3)),
    ("ثلاثه", Num::Unit(3)),
    ("اربع", Num::Unit(4)),
    ("اربعه", Num::Unit(4)),
    ("خمس", Num::Unit(5)),
    ("خمسه", Num::Unit(5)),
    ("ست", Num::Unit(6)),
    ("سته", Num::Unit(6)),
    ("سبع", Num::Unit(7)),
    ("سبعه", Num::Unit(7)),
    ("ثمان", Num::Unit(8)),
    ("ثماني", Num::Unit(8)),
    ("ثمانيه", Num::Unit(8)),
    ("تسع", Num::Unit(9)),
    ("تسعه", Num::Unit(9)),
    ("عشر", Num::Ten),
    ("عشره", Num::Ten),
    ("عشرون", Num::Tens(20)),
    ("عشرين", Num::Tens(20)),
    ("ثلاثون", Num::Tens(30)),
    ("ثلاثين", Num::Tens(30)),
    ("اربعون", Num::Tens(40)),
    ("اربعين", Num::Tens(40)),
    ("خمسون", Num::Tens(50)),
    ("خمسين", Num::Tens(50)),
    ("ستون", Num::Tens(60)),
    ("ستين", Num::Tens(60)),
    ("سبعون", Num::Tens(70)),
    ("سبعين", Num::Tens(70)),
    ("ثمانون", Num::Tens(80)),
    ("ثمانين", Num::Tens(80)),
    ("تسعون", Num::Tens(90)),
    ("تسعين", Num::Tens(90)),
    // مئة and مية (ئ→ي), مائة
    ("ميه", Num::Hundred(100)),
    ("مايه", Num::Hundred(100)),
    ("ميتان", Num::Hundred(200)),
    ("ميتين", Num::Hundred(200)),
    ("ميتا", Num::Hundred(200)),
    ("ميتي", Num::Hundred(200)),
    ("مايتان", Num::Hundred(200)),
    ("مايتين", Num::Hundred(200)),
    ("مايتا", Num::Hundred(200)),
    ("مايتي", Num::Hundred(200)),
    ("الف", Num::Scale(1_000, Count::One)),
    ("الفا", Num::Scale(1_000, Count::Acc)),
    ("الفان", Num::Scale(1_000, Count::Two)),
    ("الفين", Num::Scale(1_000, Count::Two)),
    ("الفي", Num::Scale(1_000, Count::Two)),
    ("الاف", Num::Scale(1_000, Count::Plural)),
    ("الوف", Num::Scale(1_000, Count::Plural)),
    ("مليون", Num::Scale(1_000_000, Count::One)),
    ("مليونا", Num::Scale(1_000_000, Count::Acc)),
    ("مليونان", Num::Scale(1_000_000, Count::Two)),
    ("مليونين", Num::Scale(1_000_000, Count::Two)),
    ("مليوني", Num::Scale(1_000_000, Count::Two)),
    ("ملايين", Num::Scale(1_000_000, Count::Plural)),
    ("مليار", Num::Scale(1_000_000_000, Count::One)),
    ("مليارا", Num::Scale(1_000_000_000, Count::Acc)),
    ("ملياران", Num::Scale(1_000_000_000, Count::Two)),
    ("مليارين", Num::Scale(1_000_000_000, Count::Two)),
    ("ملياري", Num::Scale(1_000_000_000, Count::Two)),
    ("مليارات", Num::Scale(1_000_000_000, Count::Plural)),
    ("بليون", Num::Scale(1_000_000_000, Count::One)),
    ("بليونا", Num::Scale(1_000_000_000, Count::Acc)),
    ("بلايين", Num::Scale(1_000_000_000, Count::Plural)),
    ("تريليون", Num::Scale(1_000_000_000_000, Count::One)),
    ("تريليونا", Num::Scale(1_000_000_000_000, Count::Acc)),
    ("تريليونات", Num::Scale(1_000_000_000_000, Count::Plural)),
    ("ترليون", Num::Scale(1_000_000_000_000, Count::One)),
    ("ترليونا", Num::Scale(1_000_000_000_000, Count::Acc)),
    ("ترليونات", Num::Scale(1_000_000_000_000, Count::Plural)),
    ("نصف", Num::Frac(0.5)),
    ("ربع", Num::Frac(0.25)),
    ("ثلث", Num::Frac(1.0 / 3.0)),
    ("ثلثا", Num::Frac(2.0 / 3.0)),
    ("ثلثي", Num::Frac(2.0 / 3.0)),
    ("ثلثان", Num::Frac(2.0 / 3.0)),
    ("ثلثين", Num::Frac(2.0 / 3.0)),
    // A dozen counts like a scale: «ثلاث دزينات» = 36, «نصف دستة» = 6.
    ("دزينه", Num::Scale(12, Count::One)),
    ("دزينتان", Num::Scale(12, Count::Two)),
    ("دزينتين", Num::Scale(12, Count::Two)),
    ("دزينات", Num::Scale(12, Count::Plural)),
    ("دسته", Num::Scale(12, Count::One)),
    ("دستتان", Num::Scale(12, Count::Two)),
    ("دستتين", Num::Scale(12, Count::Two)),
    ("دستات", Num::Scale(12, Count::Plural)),
    ("اثلاث", Num::Denom(3)),
    ("ارباع", Num::Denom(4)),
    ("اخماس", Num::Denom(5)),
    ("اسداس", Num::Denom(6)),
    ("اسباع", Num::Denom(7)),
    ("اثمان", Num::Denom(8)),
    ("اتساع", Num::Denom(9)),
    ("اعشار", Num::Denom(10)),
    ("اول", Num::Ord(1)),
    ("اولي", Num::Ord(1)),
    ("ثاني", Num::Ord(2)),
    ("ثانيه", Num::Ord(2)),
    ("ثالث", Num::Ord(3)),
    ("ثالثه", Num::Ord(3)),
    ("رابع", Num::Ord(4)),
    ("رابعه", Num::Ord(4)),
    ("خامس", Num::Ord(5)),
    ("خامسه", Num::Ord(5)),
    ("سادس", Num::Ord(6)),
    ("سادسه", Num::Ord(6)),
    ("سابع", Num::Ord(7)),
    ("سابعه", Num::Ord(7)),
    ("ثامن", Num::Ord(8)),
    ("ثامنه", Num::Ord(8)),
    ("تاسع", Num::Ord(9)),
    ("تاسعه", Num::Ord(9)),
    ("عاشر", Num::Ord(10)),
    ("عاشره", Num::Ord(10)),
    ("حادي", Num::Hadi),
    ("حاديه", Num::Hadi),
];

/// Date words, in key spelling.
const DATE_WORDS: &[Row<DateW>] = &[
    // Gregorian, Egyptian/Gulf names.
    ("يناير", DateW::Month(1, true)),
    ("فبراير", DateW::Month(2, true)),
    ("مارس", DateW::Month(3, false)),
    ("ابريل", DateW::Month(4, true)),
    ("مايو", DateW::Month(5, true)),
    ("يونيو", DateW::Month(6, true)),
    ("يونيه", DateW::Month(6, true)),
    ("يوليو", DateW::Month(7, true)),
    ("يوليه", DateW::Month(7, true)),
    ("اغسطس", DateW::Month(8, true)),
    ("اغسطوس", DateW::Month(8, true)),
    ("سبتمبر", DateW::Month(9, true)),
    ("اكتوبر", DateW::Month(10, true)),
    ("نوفمبر", DateW::Month(11, true)),
    ("نوفمير", DateW::Month(11, true)),
    ("ديسمبر", DateW::Month(12, true)),
    // Levantine/Iraqi names (كانون and تشرين are heads of two words).
    ("شباط", DateW::Month(2, true)),
    ("اذار", DateW::Month(3, true)),
    ("نيسان", DateW::Month(4, false)),
    ("ايار", DateW::Month(5, true)),
    ("حزيران", DateW::Month(6, true)),
    ("تموز", DateW::Month(7, true)),
    ("اب", DateW::Month(8, false)),
    ("ايلول", DateW::Month(9, true)),
    ("كانون", DateW::MonthHead(MonthHead::Kanun)),
    ("تشرين", DateW::MonthHead(MonthHead::Tishrin)),
    // Maghrebi names.
    ("جانفي", DateW::Month(1, true)),
    ("فيفري", DateW::Month(2, true)),
    ("افريل", DateW::Month(4, true)),
    ("ماي", DateW::Month(5, false)),
    ("جوان", DateW::Month(6, false)),
    ("جويليه", DateW::Month(7, true)),
    ("جوييه", DateW::Month(7, true)),
    ("اوت", DateW::Month(8, false)),
    ("شتنبر", DateW::Month(9, true)),
    ("اكتوبر", DateW::Month(10, true)),
    ("نونبر", DateW::Month(11, true)),
    ("دجنبر", DateW::Month(12, true)),
    ("يوليوز", DateW::Month(7, true)),
    ("غشت", DateW::Month(8, true)),
    // Hijri.
    ("محرم", DateW::Hijri(1)),
    ("صفر", DateW::Hijri(2)),
    ("ربيع", DateW::MonthHead(MonthHead::Rabi)),
    ("جمادي", DateW::MonthHead(MonthHead::Jumada)),
    ("رجب", DateW::Hijri(7)),
    ("شعبان", DateW::Hijri(8)),
    ("رمضان", DateW::Hijri(9)),
    ("شوال", DateW::Hijri(10)),
    ("ذو", DateW::MonthHead(MonthHead::Dhu)),
    ("ذي", DateW::MonthHead(MonthHead::Dhu)),
    // Weekdays, with their article: bare أحد, خميس, جمعة are other words.
    ("الاثنين", DateW::Weekday(1)),
    // Dialect spelling (ت for ث).
    ("الاتنين", DateW::Weekday(1)),
    ("الثلاثاء", DateW::Weekday(2)),
    ("الاربعاء", DateW::Weekday(3)),
    ("الخميس", DateW::Weekday(4)),
    ("الجمعه", DateW::Weekday(5)),
    ("السبت", DateW::Weekday(6)),
    ("الاحد", DateW::Weekday(7)),
    // Units.
    ("ثانيه", DateW::Unit(Unit::Second, Count::One)),
    ("ثوان", DateW::Unit(Unit::Second, Count::Plural)),
    ("ثواني", DateW::Unit(Unit::Second, Count::Plural)),
    ("ثانيتين", DateW::Unit(Unit::Second, Count::Two)),
    ("ثانيتان", DateW::Unit(Unit::Second, Count::Two)),
    ("دقيقه", DateW::Unit(Unit::Minute, Count::One)),
    ("دقايق", DateW::Unit(Unit::Minute, Count::Plural)),
    ("دقيقتين", DateW::Unit(Unit::Minute, Count::Two)),
    ("دقيقتان", DateW::Unit(Unit::Minute, Count::Two)),
    ("ساعه", DateW::Unit(Unit::Hour, Count::One)),
    ("ساعات", DateW::Unit(Unit::Hour, Count::Plural)),
    ("ساعتين", DateW::Unit(Unit::Hour, Count::Two)),
    ("ساعتان", DateW::Unit(Unit::Hour, Count::Two)),
    ("يوم", DateW::Unit(Unit::Day, Count::One)),
    ("يوما", DateW::Unit(Unit::Day, Count::Acc)),
    ("ايام", DateW::Unit(Unit::Day, Count::Plural)),
    ("يومين", DateW::Unit(Unit::Day, Count::Two)),
    ("يومان", DateW::Unit(Unit::Day, Count::Two)),
    ("اسبوع", DateW::Unit(Unit::Week, Count::One)),
    ("اسبوعا", DateW::Unit(Unit::Week, Count::Acc)),
    ("اسابيع", DateW::Unit(Unit::Week, Count::Plural)),
    ("اسبوعين", DateW::Unit(Unit::Week, Count::Two)),
    ("اسبوعان", DateW::Unit(Unit::Week, Count::Two)),
    ("شهر", DateW::Unit(Unit::Month, Count::One)),
    ("شهرا", DateW::Unit(Unit::Month, Count::Acc)),
    ("اشهر", DateW::Unit(Unit::Month, Count::Plural)),
    ("شهور", DateW::Unit(Unit::Month, Count::Plural)),
    ("شهرين", DateW::Unit(Unit::Month, Count::Two)),
    ("شهران", DateW::Unit(Unit::Month, Count::Two)),
    ("عام", DateW::Unit(Unit::Year, Count::One)),
    ("عاما", DateW::Unit(Unit::Year, Count::Acc)),
    ("اعوام", DateW::Unit(Unit::Year, Count::Plural)),
    ("عامين", DateW::Unit(Unit::Year, Count::Two)),
    ("عامان", DateW::Unit(Unit::Year, Count::Two)),
    ("عامي", DateW::Unit(Unit::Year, Count::Two)),
    ("سنه", DateW::Unit(Unit::Year, Count::One)),
    ("سنوات", DateW::Unit(Unit::Year, Count::Plural)),
    ("سنين", DateW::Unit(Unit::Year, Count::Plural)),
    ("سنتين", DateW::Unit(Unit::Year, Count::Two)),
    ("سنتان", DateW::Unit(Unit::Year, Count::Two)),
    ("سنتي", DateW::Unit(Unit::Year, Count::Two)),
    ("عقد", DateW::Unit(Unit::Decade, Count::One)),
    ("عقدا", DateW::Unit(Unit::Decade, Count::Acc)),
    ("عقود", DateW::Unit(Unit::Decade, Count::Plural)),
    ("عقدين", DateW::Unit(Unit::Decade, Count::Two)),
    ("قرن", DateW::Unit(Unit::Century, Count::One)),
    ("قرنا", DateW::Unit(Unit::Century, Count::Acc)),
    ("قرون", DateW::Unit(Unit::Century, Count::Plural)),
    ("قرنين", DateW::Unit(Unit::Century, Count::Two)),
    // Relative days.
    ("اليوم", DateW::Day(0)),
    // «اليومين» (the two days) with its article: the trigger «اليوم» is
    // found first in it and then left, being part of a longer word.
    ("اليومين", DateW::Unit(Unit::Day, Count::Two)),
    ("امس", DateW::Day(-1)),
    ("البارحه", DateW::Day(-1)),
    ("غدا", DateW::Day(1)),
    ("غد", DateW::Ghad),
    ("الغد", DateW::Day(1)),
    // «بعدغد», written as one word.
    ("بعدغد", DateW::Day(2)),
    // Levantine and Egyptian «yesterday».
    ("مبارح", DateW::Day(-1)),
    ("امبارح", DateW::Day(-1)),
    // Directions.
    ("الماضي", DateW::Dir(-1)),
    ("الماضيه", DateW::Dir(-1)),
    ("المنصرم", DateW::Dir(-1)),
    ("المنصرمه", DateW::Dir(-1)),
    ("الفايت", DateW::Dir(-1)),
    ("الفايته", DateW::Dir(-1)),
    ("السابق", DateW::Dir(-1)),
    ("السابقه", DateW::Dir(-1)),
    ("المقبل", DateW::Dir(1)),
    ("المقبله", DateW::Dir(1)),
    ("القادم", DateW::Dir(1)),
    ("القادمه", DateW::Dir(1)),
    ("التالي", DateW::Dir(1)),
    ("التاليه", DateW::Dir(1)),
    ("الاتي", DateW::Dir(1)),
    ("الاتيه", DateW::Dir(1)),
    // Levantine and Gulf «coming».
    ("الجاي", DateW::Dir(1)),
    ("الجايه", DateW::Dir(1)),
    ("الجاري", DateW::Dir(0)),
    ("الجاريه", DateW::Dir(0)),
    ("الحالي", DateW::Dir(0)),
    ("الحاليه", DateW::Dir(0)),
    // Day parts.
    ("فجرا", DateW::Part(DayPart::Dawn, true)),
    ("فجر", DateW::Part(DayPart::Dawn, false)),
    ("الفجر", DateW::Part(DayPart::Dawn, false)),
    ("صباحا", DateW::Part(DayPart::Morning, true)),
    ("صباح", DateW::Part(DayPart::Morning, false)),
    ("ظهرا", DateW::Part(DayPart::Noon, true)),
    ("ظهر", DateW::Part(DayPart::Noon, false)),
    ("الظهر", DateW::Part(DayPart::Noon, false)),
    ("ظهيره", DateW::Part(DayPart::Noon, false)),
    ("عصرا", DateW::Part(DayPart::Afternoon, true)),
    ("عصر", DateW::Part(DayPart::Afternoon, false)),
    ("مساء", DateW::Part(DayPart::Evening, true)),
    ("مساءا", DateW::Part(DayPart::Evening, true)),
    ("ليلا", DateW::Part(DayPart::Night, true)),
    ("ليل", DateW::Part(DayPart::Night, false)),
    ("ليله", DateW::Part(DayPart::Night, false)),
    // Eras.
    ("م", DateW::Ad),
    ("ميلادي", DateW::Ad),
    ("ميلاديه", DateW::Ad),
    ("للميلاد", DateW::Ad),
    ("ه", DateW::Ah),
    ("هجري", DateW::Ah),
    ("هجريه", DateW::Ah),
    ("للهجره", DateW::Ah),
    // Recurrence.
    ("يوميا", DateW::Every(Unit::Day)),
    ("اسبوعيا", DateW::Every(Unit::Week)),
    ("شهريا", DateW::Every(Unit::Month)),
    ("سنويا", DateW::Every(Unit::Year)),
    ("كل", DateW::Opener(Opener::Every)),
    // Seasons (ربيع is also the Hijri head word; the grammar reads both).
    ("صيف", DateW::Season),
    ("شتاء", DateW::Season),
    ("خريف", DateW::Season),
    // Parts of a period.
    ("بدايه", DateW::Edge(Edge::Start)),
    ("مطلع", DateW::Edge(Edge::Start)),
    ("اوايل", DateW::Edge(Edge::Start)),
    ("مستهل", DateW::Edge(Edge::Start)),
    ("منتصف", DateW::Edge(Edge::Middle)),
    ("اواسط", DateW::Edge(Edge::Middle)),
    ("نهايه", DateW::Edge(Edge::End)),
    ("اواخر", DateW::Edge(Edge::End)),
    ("بقيه", DateW::Edge(Edge::Rest)),
    ("باقي", DateW::Edge(Edge::Rest)),
    // The first words of holidays.
    ("عيد", DateW::Feast),
    ("راس", DateW::Feast),
    ("مولد", DateW::Feast),
    // Openers.
    ("بين", DateW::Opener(Opener::Between)),
    ("من", DateW::Opener(Opener::From)),
    ("الي", DateW::Opener(Opener::To)),
    ("حتي", DateW::Opener(Opener::To)),
    ("منذ", DateW::Opener(Opener::Since)),
    ("قبل", DateW::Opener(Opener::Before)),
    ("بعد", DateW::Opener(Opener::After)),
    ("هذا", DateW::Opener(Opener::This)),
    ("هذه", DateW::Opener(Opener::This)),
    ("الموافق", DateW::Opener(Opener::Corresponding)),
];

/// The decade words: (stem, decade digit), each with the endings «يات» and
/// «ات», with and without the article.
const DECADES: &[Row<u8>] = &[
    ("عشرين", 2),
    ("ثلاثين", 3),
    ("اربعين", 4),
    ("خمسين", 5),
    ("ستين", 6),
    ("سبعين", 7),
    ("ثمانين", 8),
    ("تسعين", 9),
];

/// The dialect number words (`gazetteers/numbers/dialect.tsv`, format in
/// its header).
const DIALECT: &str = include_str!("../../../gazetteers/numbers/dialect.tsv");

/// A row of [`DIALECT`], or what is wrong with it.
fn dialect_row(line: &str) -> Result<(&str, Num), String> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() < 4 {
        return Err("expected word, value, class, dialects".to_owned());
    }
    let v: u16 = f[1].parse().map_err(|_| format!("bad value {:?}", f[1]))?;
    let small = |max: u16| u8::try_from(v).ok().filter(|&v| u16::from(v) <= max);
    let n = match f[2] {
        "unit" => small(9).map(Num::Unit),
        "teen" => small(19).filter(|&v| v >= 11).map(Num::Teen),
        "tens" => small(90)
            .filter(|&v| v >= 20 && v.is_multiple_of(10))
            .map(Num::Tens),
        "hundred" => (v.is_multiple_of(100) && (100..=900).contains(&v)).then_some(Num::Hundred(v)),
        "thousands" => (v == 1000).then_some(Num::Scale(1000, Count::Plural)),
        c => return Err(format!("unknown class {c:?}")),
    };
    let n = n.ok_or_else(|| format!("value {v} does not fit class {}", f[2]))?;
    if f[3].split(',').any(|d| !matches!(d, "egy" | "lev" | "glf")) {
        return Err(format!("unknown dialect in {:?}", f[3]));
    }
    Ok((f[0], n))
}

/// The dialect number words as matching keys.
fn dialect_numbers() -> impl Iterator<Item = (String, Num)> {
    DIALECT
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (w, n) = dialect_row(l).unwrap_or_else(|e| panic!("dialect.tsv: {l:?}: {e}"));
            (key_of(w), n)
        })
}

/// The matching key of a word as written (hamza and alef forms, ta
/// marbuta, alef maksura folded). Every fold is on: the pipeline leaves
/// the ya fold off in its normalised text, but the key folds ى → ي anyway,
/// so the key is the same.
fn key_of(word: &str) -> String {
    // One normaliser for every word: building one fills its character
    // tables (2,160 actions), which cost more than normalising a word.
    static NORMALIZER: LazyLock<crate::normalize::Normalizer> =
        LazyLock::new(|| crate::normalize::Normalizer::new(crate::normalize::Folds::all()));
    let normalized = NORMALIZER.normalize(word);
    let mut key = String::new();
    crate::normalize::matching_key(normalized.text(), &mut key);
    key
}

type Table = crate::hash::FastMap<String, Entry>;

/// Longer words (in bytes, proclitics included) are never in the table.
pub(super) const MAX_WORD: usize = 32;

/// The word table: every key spelling with all it can mean.
pub(super) static WORDS: LazyLock<Table> = LazyLock::new(|| {
    let mut map = Table::default();
    for &(w, n) in NUM_WORDS {
        map.entry(w.to_owned()).or_default().num = Some(n);
    }
    // ثلاثمئة, ثلاثمائة, ثلاثمية … تسعمئة.
    let heads = [
        ("ثلاث", 3),
        ("اربع", 4),
        ("خمس", 5),
        ("ست", 6),
        ("سبع", 7),
        ("ثمان", 8),
        ("ثماني", 8),
        ("تسع", 9),
    ];
    for (head, n) in heads {
        for tail in ["ميه", "مايه"] {
            map.entry(format!("{head}{tail}")).or_default().num = Some(Num::Hundred(n * 100));
        }
    }
    for (w, n) in dialect_numbers() {
        map.entry(w).or_default().num = Some(n);
    }
    for &(w, d) in DATE_WORDS {
        map.entry(w.to_owned()).or_default().date = Some(d);
    }
    for &(stem, d) in DECADES {
        for end in ["يات", "ات"] {
            map.entry(format!("{stem}{end}")).or_default().date = Some(DateW::Decade(d));
        }
    }
    debug_assert!(map.keys().all(|k| k.len() + "وبال".len() <= MAX_WORD));
    map
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dialect_words_are_sorted_unique_valid_and_new() {
        let rows: Vec<&str> = DIALECT
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .collect();
        assert!(rows.len() > 40, "dialect.tsv: {} rows", rows.len());
        for pair in rows.windows(2) {
            let (a, b) = (pair[0].split('\t').next(), pair[1].split('\t').next());
            assert!(
                a < b,
                "dialect.tsv: not sorted or not unique: {a:?} then {b:?}"
            );
        }
        let standard: Vec<&str> = NUM_WORDS.iter().map(|(w, _)| *w).collect();
        for row in rows {
            let (w, _) = dialect_row(row).unwrap_or_else(|e| panic!("dialect.tsv: {row:?}: {e}"));
            assert!(
                !standard.contains(&key_of(w).as_str()),
                "dialect.tsv: {w} is a standard spelling"
            );
        }
    }
}
