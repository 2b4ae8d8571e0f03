//! The words and tokens shared by the number and date grammars.
//!
//! In: the matching key of a chunk (see [`crate::normalize::matching_key`]:
//! alef forms folded, ة→ه, ى→ي, ؤ→و, ئ→ي, digits ASCII). Out: tokens with
//! byte ranges of the key (which are the ranges of the normalised text), and
//! the meaning of the words the grammars know.
//!
//! Invariants:
//! - a token never crosses a line break and tokens are separated by at most
//!   one space (the normaliser collapses whitespace runs);
//! - [`lookup`] sets proclitics (و ف ب ل ك) aside and reports where the word
//!   proper starts, so a span never starts on a clitic; the article ال stays
//!   inside the word proper (it is part of «الثالث», «العام»).
//!
//! The grammars do not tokenise whole chunks: one pass over the key's words
//! ([`triggers_into`]) finds the words of the tables and the digits, and the
//! grammars read tokens around those points only.

use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::numbers::Parsed;

/// How many things a counted noun or scale word says (Arabic has a dual and
/// an accusative singular used after 11–99: «ثلاثون ألفاً»).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Count {
    /// ألف, مليون, يوم: one (or, after a number, the counted noun).
    One,
    /// ألفان, ألفين, ألفا (construct dual), يومين: two.
    Two,
    /// آلاف, ملايين, أيام: a plural, counted by 3–10.
    Plural,
    /// ألفاً, مليوناً, يوماً: the accusative singular after 11–99 (spelled
    /// like the construct dual: «ألفا»).
    Acc,
}

/// What a number word means.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Num {
    /// واحد … تسعة (1–9), any gender or case.
    Unit(u8),
    /// أحد, إحدى: only in «أحد عشر» (alone they mean "one of", "someone").
    Ahad,
    /// عشر, عشرة.
    Ten,
    /// عشرون … تسعون.
    Tens(u8),
    /// مئة … تسعمئة, مئتان.
    Hundred(u16),
    /// ألف, مليون, مليار, … with the grammatical number.
    Scale(i64, Count),
    /// نصف, ربع, ثلث, ثلثا.
    Frac(f64),
    /// أثلاث, أرباع, أخماس … أعشار: a denominator, counted (ثلاثة أرباع,
    /// خمسة أثمان).
    Denom(u8),
    /// A teen in one word (dialect: حداشر, خمستاشر, سطعش).
    Teen(u8),
    /// أول … عاشر (1–10), any gender.
    Ord(u8),
    /// حادي, حادية: only in «الحادي عشر», «الحادي والعشرون».
    Hadi,
}

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

/// A part of the day (TIMEX3 MO, AF, EV, NI) or noon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DayPart {
    Dawn,
    Morning,
    Noon,
    Afternoon,
    Evening,
    Night,
}

/// Which two-word month a head word starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MonthHead {
    /// كانون (الثاني: January, الأول: December).
    Kanun,
    /// تشرين (الأول: October, الثاني: November).
    Tishrin,
    /// ربيع (الأول: 3, الآخر/الثاني: 4), Hijri.
    Rabi,
    /// جمادى (الأولى: 5, الآخرة/الثانية: 6), Hijri.
    Jumada,
    /// ذو/ذي (القعدة: 11, الحجة: 12), Hijri.
    Dhu,
}

/// What a date word means.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum DateW {
    /// A one-word Gregorian month; `safe` if it is never an ordinary word
    /// (مارس is also "he practised", آب folds to «اب» "father").
    Month(u8, bool),
    MonthHead(MonthHead),
    /// A one-word Hijri month (never alone: رجب, رمضان are also names).
    Hijri(u8),
    /// A weekday as written with its article, ISO number (Monday = 1).
    Weekday(u8),
    /// A unit of time with its grammatical number.
    Unit(Unit, Count),
    /// اليوم (0), أمس (-1), غداً (+1): a day relative to the reference.
    Day(i8),
    /// غد: tomorrow, after «بعد» the day after.
    Ghad,
    /// الماضي (-1), المقبل (+1), الجاري (0).
    Dir(i8),
    /// A decade of the 20th century by default: الثمانينيات → 8.
    Decade(u8),
    /// صباحاً, مساءً, ظهراً, …; `adverb` for the accusative (صباحاً), else
    /// the noun that takes a following day (صباح الخميس).
    Part(DayPart, bool),
    /// م, ميلادي: the Gregorian era after a year.
    Ad,
    /// هـ, هجري: the Hijri era after a year.
    Ah,
    /// يومياً, أسبوعياً, شهرياً, سنوياً.
    Every(Unit),
    /// صيف, شتاء, خريف (and ربيع, a [`MonthHead`]) before a year.
    Season,
    /// بداية, مطلع, أوائل, منتصف, أواسط, أواخر, نهاية: a part of the period
    /// after it («أواخر الشهر الماضي», «منتصف مارس»); بقية, باقي: its
    /// rest («بقية العام»).
    Edge(Edge),
    /// The first word of a holiday's name: عيد, رأس, المولد (the dates
    /// grammar knows the rest: «عيد الفطر», «رأس السنة الهجرية»).
    Feast,
    /// A word that opens a date phrase without being one: بين, من, منذ, …
    Opener(Opener),
}

/// Which part of a period an [`DateW::Edge`] word names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Edge {
    Start,
    Middle,
    End,
    /// بقية, باقي: the rest of the period, from the reference on.
    Rest,
}

/// The words that open ranges and relative phrases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Opener {
    /// بين … و…
    Between,
    /// من … إلى/حتى …
    From,
    /// إلى, حتى (closing a range).
    To,
    /// منذ: since (a date), or ago (a length).
    Since,
    /// قبل: before (a date), or ago (a length).
    Before,
    /// بعد: after; «بعد غد».
    After,
    /// هذا, هذه: this (week, month, year).
    This,
    /// كل: every.
    Every,
    /// الموافق: "corresponding to", between a weekday and its date.
    Corresponding,
}

/// Everything a word can mean to the grammars.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Entry {
    pub num: Option<Num>,
    pub date: Option<DateW>,
}

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
const DIALECT: &str = include_str!("../../gazetteers/numbers/dialect.tsv");

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
    let normalized =
        crate::normalize::Normalizer::new(crate::normalize::Folds::all()).normalize(word);
    let mut key = String::new();
    crate::normalize::matching_key(normalized.text(), &mut key);
    key
}

type Table = crate::hash::FastMap<String, Entry>;

/// Longer words (in bytes, proclitics included) are never in the table.
const MAX_WORD: usize = 32;

/// The word table: every key spelling with all it can mean.
static WORDS: LazyLock<Table> = LazyLock::new(|| {
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

/// The words of the table the trigger automaton looks for: those of two
/// letters or more. One-letter words (م, ه after a year) are read by the
/// grammars after digits; as triggers they would fire at the end of every
/// other word.
fn trigger_words() -> Vec<String> {
    WORDS
        .keys()
        .filter(|w| w.chars().count() > 1)
        .cloned()
        .collect()
}

/// The automaton that finds every word of the table (as a substring; the
/// grammars check word boundaries), run over the runs of letters that may
/// end with one ([`triggers_into`]; digits and `%` are found by the scan).
static TRIGGERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    // A DFA without prefilter: Arabic text is made of a few lead bytes
    // (0xD8, 0xD9), so "rare byte" prefilters only add work.
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .prefilter(false)
        .build(trigger_words())
        .expect("the trigger automaton is small")
});

/// Proclitic sequences set aside before a word: a conjunction (و, ف), then a
/// preposition (ب, ل, ك).
const CLITICS: &[&str] = &["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"];

/// A word of the table found in the key.
#[derive(Clone, Copy, Debug)]
pub(super) struct Hit {
    /// Where the word proper starts: after the proclitics, at the article
    /// if there is one.
    pub start: usize,
    /// Where the word ends.
    pub end: usize,
    /// The proclitics, as written in the key ("" if none).
    pub clitic: &'static str,
    /// Whether the word carries the article ال (not part of the table
    /// spelling).
    pub article: bool,
    pub entry: Entry,
}

impl Hit {
    /// Where the token starts, proclitics included.
    pub fn token_start(&self) -> usize {
        self.start - self.clitic.len()
    }
}

/// Looks the word `key[start..end]` up in the table, setting aside
/// proclitics and then the article (once for each word of a key being
/// [`read`]).
pub(super) fn lookup(key: &str, start: usize, end: usize) -> Option<Hit> {
    // As in `token_at`: the memo's answer without a call, the table's
    // apart.
    let known = with_memo(|m| {
        let m = m?;
        m.length_of(key)?;
        m.word(start, end)
    });
    match known {
        Some(known) => known,
        None => look_up_and_remember(key, start, end),
    }
}

/// [`lookup`] for a word the memo does not know: looked up in the table,
/// and remembered if `key` is being [`read`].
#[inline(never)]
fn look_up_and_remember(key: &str, start: usize, end: usize) -> Option<Hit> {
    let found = lookup_in_table(key, start, end);
    with_memo(|m| {
        if let Some(m) = m
            && m.length_of(key).is_some()
        {
            m.set_word(start, end, found);
        }
    });
    found
}

/// [`lookup`] in the table itself.
fn lookup_in_table(key: &str, start: usize, end: usize) -> Option<Hit> {
    let word = &key[start..end];
    if word.len() > MAX_WORD {
        return None;
    }
    let hit = |clitic: &'static str, article: bool, entry: &Entry| Hit {
        start: start + clitic.len(),
        end,
        clitic,
        article,
        entry: *entry,
    };
    let try_rest = |clitic: &'static str, rest: &str| {
        if let Some(e) = WORDS.get(rest) {
            // A two-letter word behind ب, ل, ك, ف is more often another
            // word (لست "I am not" is not ل + ست "six").
            if rest.len() <= 4 && !matches!(clitic, "" | "و") {
                return None;
            }
            return Some(hit(clitic, false, e));
        }
        if let Some(bare) = rest.strip_prefix("ال") {
            return WORDS.get(bare).map(|e| hit(clitic, true, e));
        }
        // «للعام»: ل + العام, written with one alef less. The span starts
        // at the article's ل, as the gazetteer's do.
        let bare = rest.strip_prefix('ل').filter(|_| clitic.ends_with('ل'))?;
        WORDS.get(bare).map(|e| hit(clitic, true, e))
    };
    if let Some(h) = try_rest("", word) {
        return Some(h);
    }
    CLITICS
        .iter()
        .filter_map(|c| word.strip_prefix(c).map(|rest| (*c, rest)))
        .find_map(|(c, rest)| {
            if rest.is_empty() {
                None
            } else {
                try_rest(c, rest)
            }
        })
}

/// Runs `f`, the grammars reading `key`, with what they learn of its tokens
/// and words remembered until it returns: each grammar tried at a trigger
/// reads the trigger's word and its neighbours again (about 25 tokens and
/// 13 table lookups a trigger on news text, most of them the same ones).
/// A reading inside another (never in the pipeline) has a memo of its own
/// until it returns; the outer one's is then the current one again.
pub(crate) fn read<R>(key: &str, f: impl FnOnce() -> R) -> R {
    /// The reading under way: it owns the thread's memo until it ends,
    /// whichever way it ends, and then gives it back (tables kept, key
    /// forgotten) and makes the outer reading's memo current again.
    struct Reading {
        memo: Memo,
        outer: *mut Memo,
    }
    impl Drop for Reading {
        fn drop(&mut self) {
            CURRENT.set(self.outer);
            self.memo.key = None;
            let memo = std::mem::take(&mut self.memo);
            SPARE.with_borrow_mut(|spare| *spare = memo);
        }
    }
    let mut reading = Reading {
        memo: SPARE.with_borrow_mut(std::mem::take),
        outer: CURRENT.get(),
    };
    reading.memo.start(key);
    reading.memo.serial = next_serial();
    // `reading` does not move until it is dropped, after `f` returns, and
    // nothing else touches its memo meanwhile: see `with_memo`.
    CURRENT.set(&raw mut reading.memo);
    f()
}

/// What is known of the tokens and words of the key being [`read`], by
/// byte offset. The grammars pass the key around as `&str`, so it is known
/// by its address and length, and only while [`read`] runs: a key read
/// outside it is measured every time. A head of it (`&key[..n]`, the
/// dateline's) shares what holds there too: a word looked up before `n`,
/// a token that ends before `n` (one that reaches `n` may be cut short).
///
/// The tables are as long as the longest key read, and hold the number of
/// the reading that wrote each slot, so that starting a reading clears
/// nothing: a slot of an earlier one is as good as empty.
///
/// The memo of the reading under way is reached through a thread-local
/// pointer ([`CURRENT`]), which costs one load: the grammars ask it about
/// a million and a half times over 3 MB of news, and a `RefCell` in a
/// thread-local with a destructor (`with_borrow_mut`: the thread-local's
/// state, the borrow flag, a closure kept out of line) cost about 100
/// instructions an access, 160 M over 3 MB. Between readings the memo is
/// kept in [`SPARE`], so that its tables are allocated once a thread.
#[derive(Default)]
struct Memo {
    /// The address and length of the key, while it is read.
    key: Option<(usize, usize)>,
    /// The thread's serial number of the reading ([`reading_serial`]):
    /// unlike `reading`, never the same for two readings of a thread.
    serial: u64,
    /// The number of the reading (from 1).
    reading: u32,
    /// Per offset: the reading, and 0 for no token, else the token's end
    /// plus 1, shifted left by 2, with its kind in the low bits.
    tokens: Vec<(u32, u32)>,
    /// Per offset: the reading, the end of the word looked up there, and
    /// what the table said: 0 not a word of it, else the index in `hits`
    /// plus 1.
    words: Vec<(u32, u32, u32)>,
    hits: Vec<Hit>,
    /// Per offset: the reading, the length of the key the cardinal there
    /// was read in ([`remembered_cardinal`]), and the index of the answer
    /// in `cardinals`.
    cardinal_at: Vec<(u32, u32, u32)>,
    cardinals: Vec<Option<Parsed>>,
}

thread_local! {
    /// The memo of the [`read`] under way on this thread, owned by that
    /// reading; null outside one. A `Cell` of a pointer has no destructor,
    /// so reading it is one load, with no state to check.
    static CURRENT: Cell<*mut Memo> = const { Cell::new(std::ptr::null_mut()) };
    /// The serial number of the thread's last [`read`].
    static SERIAL: Cell<u64> = const { Cell::new(0) };
    /// The thread's memo between readings.
    static SPARE: RefCell<Memo> = const {
        RefCell::new(Memo {
            key: None,
            serial: 0,
            reading: 0,
            tokens: Vec::new(),
            words: Vec::new(),
            hits: Vec::new(),
            cardinal_at: Vec::new(),
            cardinals: Vec::new(),
        })
    };
}

/// The next serial number of a [`read`] on this thread (from 1).
fn next_serial() -> u64 {
    let n = SERIAL.get() + 1;
    SERIAL.set(n);
    n
}

/// The serial number of the [`read`] under way on this thread if `key` is
/// the key it reads or a head of it; none outside a reading. Two readings
/// of a thread never share a number, so a grammar may remember what it
/// read of `key` under it (see `dates::time::clock_any`): the key does not
/// change while it is read.
pub(super) fn reading_serial(key: &str) -> Option<u64> {
    with_memo(|m| {
        let m = m?;
        m.length_of(key)?;
        Some(m.serial)
    })
}

/// `read_it()`, the cardinal that starts at `pos` of `key`
/// ([`numbers::cardinal`](super::numbers)), remembered while `key` is
/// [`read`]: the number grammar and the date grammars (a day, a count of
/// units, an hour) ask it at the same triggers, about three times each.
/// The answer is kept with the length of the key it was read in: a head of
/// the key (the dateline's) may end a number sooner.
pub(super) fn remembered_cardinal(
    key: &str,
    pos: usize,
    read_it: impl FnOnce() -> Option<Parsed>,
) -> Option<Parsed> {
    let known = with_memo(|m| m?.cardinal(key, pos));
    if let Some(known) = known {
        return known;
    }
    let found = read_it();
    with_memo(|m| {
        if let Some(m) = m {
            m.set_cardinal(key, pos, found);
        }
    });
    found
}

/// Runs `f` with the memo of the reading under way, if there is one.
///
/// `f` must not call `with_memo` again (neither [`lookup`] nor
/// [`token_at`] does: they measure the key and look words up in the table
/// without the memo), so that the `&mut Memo` it gets is the only
/// reference to the memo while it runs.
#[inline(always)]
fn with_memo<R>(f: impl FnOnce(Option<&mut Memo>) -> R) -> R {
    // SAFETY: a non-null `CURRENT` points to the memo of a `Reading` that
    // has not been dropped (its drop sets `CURRENT` back before the memo
    // goes) and that does not move while it is current (`read` keeps it in
    // place until `f` returns). The memo is only reached through this
    // pointer meanwhile, on this thread alone, and never by two calls at
    // once (see above), so the reference is unique.
    f(unsafe { CURRENT.get().as_mut() })
}

impl Memo {
    /// The length of `key` if the memo holds it or a longer key that
    /// starts with it.
    #[inline]
    fn length_of(&self, key: &str) -> Option<usize> {
        match self.key {
            Some((at, len)) if at == key.as_ptr() as usize && key.len() <= len => Some(key.len()),
            _ => None,
        }
    }

    fn start(&mut self, key: &str) {
        // Offsets are kept in 30 bits: a longer key (never a chunk) is not
        // remembered.
        if key.is_empty() || key.len() >= 1 << 29 {
            self.key = None;
            return;
        }
        self.key = Some((key.as_ptr() as usize, key.len()));
        self.reading = self.reading.wrapping_add(1);
        if self.reading == 0 {
            // Every number has been used: clear the tables once.
            self.tokens.clear();
            self.words.clear();
            self.cardinal_at.clear();
            self.reading = 1;
        }
        if self.tokens.len() < key.len() {
            self.tokens.resize(key.len(), (0, 0));
            self.words.resize(key.len(), (0, 0, 0));
            self.cardinal_at.resize(key.len(), (0, 0, 0));
        }
        self.hits.clear();
        self.cardinals.clear();
    }

    /// The token at `pos` of a key `len` bytes long, if known.
    #[inline]
    fn token(&self, pos: usize, len: usize) -> Option<Option<(usize, TokKind)>> {
        let (reading, code) = *self.tokens.get(pos).filter(|_| pos < len)?;
        if reading != self.reading || !self.holds(code >> 2, len) {
            return None;
        }
        let kind = match code & 3 {
            0 => TokKind::Word,
            1 => TokKind::Digits,
            _ => TokKind::Punct,
        };
        Some(match code >> 2 {
            0 => None,
            end => Some((end as usize - 1, kind)),
        })
    }

    fn set_token(&mut self, pos: usize, len: usize, tok: Option<(usize, TokKind)>) -> Option<()> {
        let code = match tok {
            _ if pos >= len => return None,
            None => 0,
            Some((end, _)) if !self.holds(end as u32 + 1, len) => return None,
            Some((end, kind)) => {
                let kind = match kind {
                    TokKind::Word => 0,
                    TokKind::Digits => 1,
                    TokKind::Punct => 2,
                };
                (end as u32 + 1) << 2 | kind
            }
        };
        *self.tokens.get_mut(pos)? = (self.reading, code);
        None
    }

    /// Whether a token that ends at `end_1 - 1` (none: `end_1` 0) is the
    /// same in the key and in its head `len` bytes long: the key itself,
    /// or a token that ends far enough before the head's end that nothing
    /// read to end it (a separator and the digits after it: «9،000») lies
    /// beyond. A token that runs past the end of a head is another there.
    #[inline]
    fn holds(&self, end_1: u32, len: usize) -> bool {
        /// The most bytes read past a token's end to end it: an Arabic
        /// comma and four digits.
        const LOOKAHEAD: usize = 8;
        end_1 == 0
            || self.key.is_some_and(|(_, full)| len == full)
            || end_1 as usize + LOOKAHEAD <= len
    }

    #[inline]
    fn word(&self, start: usize, end: usize) -> Option<Option<Hit>> {
        // A word is looked up by its letters alone: the length of the key
        // it is read in does not matter.
        match *self.words.get(start)? {
            (r, e, _) if r != self.reading || e as usize != end => None,
            (_, _, 0) => Some(None),
            (_, _, i) => Some(Some(self.hits[i as usize - 1])),
        }
    }

    /// The cardinal at `pos` of `key` (the key read or a head of it), if
    /// known.
    #[inline]
    fn cardinal(&self, key: &str, pos: usize) -> Option<Option<Parsed>> {
        let len = self.length_of(key)?;
        match *self.cardinal_at.get(pos)? {
            (r, l, i) if r == self.reading && l as usize == len => Some(self.cardinals[i as usize]),
            _ => None,
        }
    }

    fn set_cardinal(&mut self, key: &str, pos: usize, found: Option<Parsed>) -> Option<()> {
        let len = u32::try_from(self.length_of(key)?).ok()?;
        let index = u32::try_from(self.cardinals.len()).ok()?;
        let slot = self.cardinal_at.get_mut(pos)?;
        *slot = (self.reading, len, index);
        self.cardinals.push(found);
        None
    }

    fn set_word(&mut self, start: usize, end: usize, hit: Option<Hit>) -> Option<()> {
        let index = match hit {
            None => 0,
            Some(h) => {
                self.hits.push(h);
                self.hits.len() as u32
            }
        };
        *self.words.get_mut(start)? = (self.reading, end as u32, index);
        None
    }
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TokKind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits, with `.` or `,` between digits.
    Digits,
    /// Any other single character but a space.
    Punct,
}

/// A token of the key.
#[derive(Clone, Copy, Debug)]
pub(super) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// The key slice.
    pub s: &'a str,
}

/// Whether `c` belongs to a word: a letter of any script
/// (`char::is_alphabetic`, on a fast path: the grammars ask this for every
/// character they step over).
pub(super) fn is_letter(c: char) -> bool {
    crate::doc::is_alphabetic(c)
}

/// The byte length of the run of letters ([`is_letter`]) that `s` starts
/// with. Arabic letters and ASCII are read as bytes: the grammars measure
/// words around every trigger, and decoding each character was the largest
/// part of their time.
pub(super) fn letter_run(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    loop {
        i = crate::doc::arabic_letters_end(b, i);
        match b.get(i) {
            Some(c) if c.is_ascii_alphabetic() => i += 1,
            Some(0x00..=0x7F) | None => return i,
            Some(_) => match s[i..].chars().next() {
                Some(c) if is_letter(c) => i += c.len_utf8(),
                _ => return i,
            },
        }
    }
}

/// The token that starts exactly at `pos`, if any (none at a space or the
/// end); measured once for each position of a key being [`read`].
pub(super) fn token_at(key: &str, pos: usize) -> Option<Tok<'_>> {
    // The memo knows most tokens (94 % on news text): that path calls
    // nothing, so it saves no registers; measuring is a call apart.
    let known = with_memo(|m| {
        let m = m?;
        let len = m.length_of(key)?;
        m.token(pos, len)
    });
    match known {
        Some(known) => known.map(|(end, kind)| Tok {
            start: pos,
            end,
            kind,
            s: &key[pos..end],
        }),
        None => measure_and_remember(key, pos),
    }
}

/// [`token_at`] for a token the memo does not know: measured, and
/// remembered if `key` is being [`read`].
#[inline(never)]
fn measure_and_remember(key: &str, pos: usize) -> Option<Tok<'_>> {
    let found = measure_token(key, pos);
    with_memo(|m| {
        if let Some(m) = m
            && let Some(len) = m.length_of(key)
        {
            m.set_token(pos, len, found.map(|t| (t.end, t.kind)));
        }
    });
    found
}

/// [`token_at`] measured in the key itself.
fn measure_token(key: &str, pos: usize) -> Option<Tok<'_>> {
    let rest = key.get(pos..)?;
    let c = rest.chars().next()?;
    let (len, kind) = if c.is_ascii_digit() {
        let b = rest.as_bytes();
        let mut i = 0;
        // Where the current group of digits began, while every separator so
        // far was an Arabic comma grouping thousands.
        let mut group = Some(0);
        while i < b.len() {
            if b[i].is_ascii_digit() {
                i += 1;
            } else if (b[i] == b'.' || b[i] == b',') && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            {
                i += 2;
                group = None;
            } else if group == Some(0)
                && rest[i..].starts_with(REH)
                && let Some(n) = reh_digits(&b[..i], &b[i + REH.len_utf8()..])
            {
                // «935ر6»: one number, and the token ends there.
                i += REH.len_utf8() + n;
                break;
            } else if let Some(g) = group
                && rest[i..].starts_with(ARABIC_COMMA)
                && arabic_comma_groups(&b[g..i], g == 0, &b[i + ARABIC_COMMA.len_utf8()..])
            {
                i += ARABIC_COMMA.len_utf8();
                group = Some(i);
            } else {
                break;
            }
        }
        (i, TokKind::Digits)
    } else if is_letter(c) {
        (letter_run(rest), TokKind::Word)
    } else if c == ' ' || c == '\n' {
        return None;
    } else {
        (c.len_utf8(), TokKind::Punct)
    };
    Some(Tok {
        start: pos,
        end: pos + len,
        kind,
        s: &rest[..len],
    })
}

/// U+0631 ARABIC LETTER REH, which some papers (Asharq al-Awsat, the AFP
/// wire in Arabic) write as the separator of a number whose parts come
/// in reverse: «935ر6 مليون» is 6.935 million, «5ر32» 32.5, «000ر22»
/// 22,000 (see [`parse_digits`] and the number grammar).
pub(super) const REH: char = '\u{0631}';

/// The length of the digits after a reh that joins `before` (one to three
/// digits, the token so far) into one number: one to three digits, then
/// no letter or digit.
fn reh_digits(before: &[u8], after: &[u8]) -> Option<usize> {
    let n = after.iter().take_while(|b| b.is_ascii_digit()).count();
    let next_ok = match after.get(n) {
        None => true,
        Some(&c) if c.is_ascii() => !c.is_ascii_alphanumeric() && c != b'.' && c != b',',
        // A letter glued after («5ر1مليون»): not this shape.
        Some(_) => !std::str::from_utf8(&after[n..])
            .ok()
            .and_then(|s| s.chars().next())
            .is_some_and(is_letter),
    };
    ((1..=3).contains(&before.len()) && (1..=3).contains(&n) && next_ok).then_some(n)
}

/// U+060C ARABIC COMMA, which some text writes between thousands (9،000).
const ARABIC_COMMA: char = '\u{060C}';

/// Whether an Arabic comma after the digits `before` (the first group of a
/// number if `first`) and before `after` groups thousands: a first group
/// of one to three digits or a later one of exactly three, and exactly
/// three digits after it. Lists write it too («1،2،3», «2014،2015»): those
/// groups do not have these widths.
fn arabic_comma_groups(before: &[u8], first: bool, after: &[u8]) -> bool {
    let width_ok = if first {
        (1..=3).contains(&before.len())
    } else {
        before.len() == 3
    };
    width_ok
        && after.len() >= 3
        && after[..3].iter().all(u8::is_ascii_digit)
        && !after.get(3).is_some_and(u8::is_ascii_digit)
}

/// The token after position `pos`: directly there (glued), or after one
/// space. Never across a line break.
pub(super) fn next_token(key: &str, pos: usize) -> Option<Tok<'_>> {
    match key.as_bytes().get(pos)? {
        b' ' => token_at(key, pos + 1),
        b'\n' => None,
        _ => token_at(key, pos),
    }
}

/// The token that ends just before `pos` (skipping one space), if any.
pub(super) fn prev_token(key: &str, pos: usize) -> Option<Tok<'_>> {
    let before = &key[..pos];
    let before = before.strip_suffix(' ').unwrap_or(before);
    let c = before.chars().next_back()?;
    if c == '\n' || c == ' ' {
        return None;
    }
    // Walk back to the token start, then read it forward.
    let start = if c.is_ascii_digit() {
        let digits_start = |arabic_comma: bool| {
            before
                .char_indices()
                .rev()
                .take_while(|&(i, c)| {
                    c.is_ascii_digit()
                        || ((c == '.'
                            || c == ','
                            || (arabic_comma && (c == ARABIC_COMMA || c == REH)))
                            && before[i + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit()))
                })
                .last()
                .map_or(before.len(), |(i, _)| i)
        };
        // «9،000» is one token; «2014،2015» two.
        let wide = digits_start(true);
        if token_at(key, wide).is_some_and(|t| t.end == before.len()) {
            wide
        } else {
            digits_start(false)
        }
    } else if is_letter(c) {
        before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_letter(c))
            .last()
            .map_or(before.len(), |(i, _)| i)
    } else {
        before.len() - c.len_utf8()
    };
    token_at(key, start).filter(|t| t.end == before.len())
}

/// The table word of a word token, if the token is one.
pub(super) fn word(key: &str, t: Option<Tok<'_>>) -> Option<Hit> {
    let t = t?;
    (t.kind == TokKind::Word)
        .then(|| lookup(key, t.start, t.end))
        .flatten()
}

/// A number written in digits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Digits {
    pub value: f64,
    /// Written without a fraction.
    pub int: bool,
    /// How many digits before the decimal point (separators left out).
    pub width: usize,
}

/// Reads a digits token: `,` groups thousands when every group after it
/// has three digits (1,500,000), else it is a decimal comma (3,5); `.` is
/// the decimal point. `None` for shapes that are not one number (two
/// decimal points, as in 23.10.2020).
pub(super) fn parse_digits(s: &str) -> Option<Digits> {
    // «935ر6»: the part after the reh leads; read as a decimal here (the
    // number grammar makes «000ر22» thousands where no scale follows).
    if let Some((low, high)) = s.split_once(REH) {
        return Some(Digits {
            value: format!("{high}.{low}").parse().ok()?,
            int: false,
            width: high.len(),
        });
    }
    // The Arabic comma groups thousands where the tokeniser let it in.
    let grouped;
    let s = if s.contains(ARABIC_COMMA) {
        grouped = s.replace(ARABIC_COMMA, ",");
        grouped.as_str()
    } else {
        s
    };
    if !s.contains(',') {
        // No thousands groups or decimal comma: the token is the number as
        // Rust reads it («1500», «3.5»), without a copy.
        let (int_part, frac) = match s.split_once('.') {
            Some((i, f)) if !f.contains('.') => (i, Some(f)),
            Some(_) => return None,
            None => (s, None),
        };
        if int_part.len() > 15 {
            return None;
        }
        return Some(Digits {
            value: s.parse().ok()?,
            int: frac.is_none(),
            width: int_part.len(),
        });
    }
    let (int_part, frac) = match s.split_once('.') {
        Some((i, f)) if !f.contains(['.', ',']) => (i, Some(f)),
        Some(_) => return None,
        None => (s, None),
    };
    let mut groups = int_part.split(',');
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let (int_digits, frac) = if rest.is_empty() {
        (first.to_owned(), frac)
    } else if first.len() <= 3 && rest.iter().all(|g| g.len() == 3) {
        (format!("{first}{}", rest.concat()), frac)
    } else if rest.len() == 1 && frac.is_none() {
        // A decimal comma.
        (first.to_owned(), Some(rest[0]))
    } else {
        return None;
    };
    if int_digits.len() > 15 {
        return None;
    }
    let text = match frac {
        Some(f) => format!("{int_digits}.{f}"),
        None => int_digits.clone(),
    };
    Some(Digits {
        value: text.parse().ok()?,
        int: frac.is_none(),
        width: int_digits.len(),
    })
}

/// The triggers of `key` ([`triggers_into`]), its words found here.
#[cfg(test)]
pub(crate) fn triggers(key: &str) -> std::vec::IntoIter<usize> {
    let mut words = Vec::new();
    crate::doc::words_into(key, &mut words);
    let mut out = Vec::new();
    triggers_into(key, &words, &mut out);
    out.into_iter()
}

/// Pushes the positions of `key` worth parsing at onto `out`, in order:
/// the start of every word token holding a table word (clitics and all),
/// and of every digits token (or `%` before one), each once. `words` are
/// the key's words ([`crate::doc::words_into`]).
///
/// What the trigger automaton would find in one pass over the key, read
/// word by word and run by run: every table word is made of Arabic letters
/// ([`crate::doc::arabic_letters_end`]), so a match never leaves a run of
/// them, and the matches in a run are the same whether the automaton
/// reads the run alone or the whole key (leftmost-longest matches start
/// their search again after the last one, and nothing before a run is
/// part of a match in it). A run holds a trigger only if a table word
/// ends it (the word must end where the match ends), so a word made of
/// one run whose last letters end no table word ([`Endings`]) is stepped
/// over without the automaton: most words of news text. Other words, and
/// the characters between words, are read byte by byte
/// ([`Scan::bytes`]): digits and `%` are matches of one byte each.
pub(super) fn triggers_into(key: &str, words: &[Range<usize>], out: &mut Vec<usize>) {
    let mut scan = Scan::new(key);
    let bytes = key.as_bytes();
    let mut gap = 0;
    for w in words {
        // Most words are one space apart.
        if w.start > gap + 1 || bytes.get(gap).is_some_and(|&b| b != b' ' && b != b'\n') {
            scan.bytes(gap, w.start, out);
        }
        if crate::doc::arabic_letters_end(bytes, w.start) == w.end {
            scan.word(w.start, w.end, out);
        } else {
            scan.bytes(w.start, w.end, out);
        }
        gap = w.end;
    }
    scan.bytes(gap, key.len(), out);
}

/// Pushes the triggers ([`triggers_into`]) of the words from byte `from` of `key` on
/// (`from` at the start of the key, or of a space or line break) onto
/// `out`, read byte by byte (for a key whose words are not at hand).
pub(super) fn triggers_from_into(key: &str, from: usize, out: &mut Vec<usize>) {
    Scan::new(key).bytes(from, key.len(), out);
}

/// The trigger search in a key: see [`triggers_into`].
struct Scan<'k> {
    key: &'k str,
    endings: &'static Endings,
    automaton: &'static AhoCorasick,
    /// The start of the last word reported (a word holding two matches
    /// is reported once).
    last: usize,
}

impl<'k> Scan<'k> {
    fn new(key: &'k str) -> Self {
        Scan {
            key,
            endings: &ENDINGS,
            automaton: &TRIGGERS,
            last: usize::MAX,
        }
    }

    /// Pushes the triggers of `from..to` (whole runs of letters, whole
    /// characters) onto `out`.
    fn bytes(&mut self, from: usize, to: usize, out: &mut Vec<usize>) {
        let bytes = &self.key.as_bytes()[..to];
        let mut pos = from;
        while let Some(&b) = bytes.get(pos) {
            match b {
                b'0'..=b'9' | b'%' => {
                    if !continues_digits(&bytes[..pos]) {
                        out.push(pos);
                    }
                    pos += 1;
                }
                // A lead byte: never inside a character.
                0xD8 | 0xD9 => {
                    let end = crate::doc::arabic_letters_end(bytes, pos).max(pos + 1);
                    self.run(pos, end, out);
                    pos = end;
                }
                _ => pos += 1,
            }
        }
    }

    /// Pushes the triggers of the run of letters `start..end` (a whole
    /// run, or a character that is none) onto `out`.
    #[inline]
    fn run(&mut self, start: usize, end: usize, out: &mut Vec<usize>) {
        if self
            .endings
            .may_end_a_word(&self.key.as_bytes()[start..end])
        {
            self.matches(start, end, out);
        }
    }

    /// [`Scan::run`] for a word that is a run of letters: the table is
    /// asked first whether it is a table word with its clitics, which a
    /// trigger is and most words ending as one does are not (the grammars
    /// ask the same at each trigger, so the answer is [`read`] once), and
    /// the automaton only for those that are.
    #[inline]
    fn word(&mut self, start: usize, end: usize, out: &mut Vec<usize>) {
        if self
            .endings
            .may_end_a_word(&self.key.as_bytes()[start..end])
            && is_table_word(self.key, start, end)
        {
            self.matches(start, end, out);
        }
    }

    /// [`Scan::run`] for a run that may hold a trigger: the automaton's
    /// matches in it.
    #[inline(never)]
    fn matches(&mut self, start: usize, end: usize, out: &mut Vec<usize>) {
        let input = aho_corasick::Input::new(self.key).span(start..end);
        for m in self.automaton.find_iter(input) {
            if let Some(word) = word_trigger(self.key, m.start(), m.end(), self.last) {
                out.push(word);
                self.last = word;
            }
        }
    }
}

/// Whether the word `key[start..end]` is a word of the table with its
/// clitics and article ([`lookup`], out of line: most words never get
/// here).
#[inline(never)]
fn is_table_word(key: &str, start: usize, end: usize) -> bool {
    lookup(key, start, end).is_some()
}

/// Whether a digit or `%` after `before` continues a run of digits
/// (separators included): only the first of a run is a trigger.
fn continues_digits(before: &[u8]) -> bool {
    match before {
        [.., d] if d.is_ascii_digit() => true,
        [.., d, b'.' | b','] => d.is_ascii_digit(),
        _ => false,
    }
}

/// The start of the word token holding the table word the automaton found
/// at `start..end` of `key`, if that is a trigger (and not `last`, the
/// word reported before): the word must end where the match ends, and
/// start at most proclitics and the article before it («وبال»).
fn word_trigger(key: &str, start: usize, end: usize, last: usize) -> Option<usize> {
    if key[end..].chars().next().is_some_and(is_letter) {
        return None;
    }
    let window = start.saturating_sub("وبال".len() + 1);
    let word = token_start(key, start, window)?;
    if word == last {
        return None;
    }
    lookup(key, word, end)?;
    Some(word)
}

/// How the trigger automaton's words end, as bits: the words of two
/// letters, and the last three letters of the longer ones. A run of
/// letters that ends otherwise holds no trigger.
struct Endings {
    /// The words of two letters, by [`Endings::letter`]s.
    pairs: Box<[u64]>,
    /// The last three letters of the longer words.
    triples: Box<[u64]>,
}

/// How the trigger automaton's words end.
static ENDINGS: LazyLock<Endings> = LazyLock::new(|| Endings::of(&trigger_words()));

impl Endings {
    /// The letters [`crate::doc::arabic_letters_end`] steps over: U+0621
    /// .. U+063A and U+0641 .. U+064A.
    const LETTERS: usize = 26 + 10;

    /// The endings of `words`, each made of those letters (else the
    /// automaton could find a word across two runs: a panic when the
    /// tables are built, which a test runs).
    fn of(words: &[String]) -> Endings {
        let bits = |n: usize| vec![0u64; n.div_ceil(64)].into_boxed_slice();
        let mut e = Endings {
            pairs: bits(Self::LETTERS.pow(2)),
            triples: bits(Self::LETTERS.pow(3)),
        };
        for w in words {
            let b = w.as_bytes();
            assert!(
                b.len() >= 4 && crate::doc::arabic_letters_end(b, 0) == b.len(),
                "a trigger word that is not two or more Arabic letters: {w}"
            );
            let n = b.len();
            let pair = Self::letter(b, n - 4) * Self::LETTERS + Self::letter(b, n - 2);
            let (set, i) = match n {
                4 => (&mut e.pairs, pair),
                _ => (
                    &mut e.triples,
                    Self::letter(b, n - 6) * Self::LETTERS.pow(2) + pair,
                ),
            };
            set[i / 64] |= 1 << (i % 64);
        }
        e
    }

    /// The number (below [`Endings::LETTERS`]) of the letter at `i` of
    /// `run`, a run of those letters.
    #[inline(always)]
    fn letter(run: &[u8], i: usize) -> usize {
        let next = usize::from(run[i + 1]);
        if run[i] == 0xD8 {
            next.wrapping_sub(0xA1)
        } else {
            next.wrapping_sub(0x81) + 26
        }
    }

    /// Whether the run of letters `run` (a whole run, as
    /// [`crate::doc::arabic_letters_end`] measures it) may end with a word
    /// of the automaton.
    #[inline(always)]
    fn may_end_a_word(&self, run: &[u8]) -> bool {
        let has = |set: &[u64], i: usize| set.get(i / 64).is_some_and(|b| b >> (i % 64) & 1 == 1);
        let n = run.len();
        if n < 4 {
            return false;
        }
        debug_assert_eq!(crate::doc::arabic_letters_end(run, 0), n);
        let pair = Self::letter(run, n - 4) * Self::LETTERS + Self::letter(run, n - 2);
        has(&self.pairs, pair)
            || n >= 6
                && has(
                    &self.triples,
                    Self::letter(run, n - 6) * Self::LETTERS.pow(2) + pair,
                )
    }
}

/// The start of the letter run `pos` is in, if it starts at or after
/// `window` (a byte offset at most one character off a boundary).
fn token_start(key: &str, pos: usize, window: usize) -> Option<usize> {
    let mut start = pos;
    for (i, c) in key[..pos].char_indices().rev() {
        if !is_letter(c) {
            break;
        }
        if i < window {
            return None;
        }
        start = i;
    }
    Some(start)
}

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

    #[test]
    fn digits_shapes() {
        let cases: &[(&str, Option<(f64, bool)>)] = &[
            ("15", Some((15.0, true))),
            ("1,500", Some((1500.0, true))),
            ("1,500,000", Some((1_500_000.0, true))),
            ("2.5", Some((2.5, false))),
            ("3,5", Some((3.5, false))),
            ("1,500.75", Some((1500.75, false))),
            ("23.10.2020", None),
            ("12,34,56", None),
            ("9\u{060C}000", Some((9000.0, true))),
            ("1\u{060C}234\u{060C}567", Some((1_234_567.0, true))),
            ("935\u{0631}6", Some((6.935, false))),
            ("5\u{0631}32", Some((32.5, false))),
        ];
        for (s, want) in cases {
            let got = parse_digits(s).map(|d| (d.value, d.int));
            assert_eq!(got, *want, "{s}");
        }
    }

    #[test]
    fn lookup_sets_clitics_and_article_aside() {
        let cases: &[(&str, &str, bool)] = &[
            ("ثلاثه", "", false),
            ("وثلاثه", "و", false),
            ("بعام", "ب", false),
            ("الثالث", "", true),
            ("والثالث", "و", true),
            ("الاثنين", "", false),
            ("للعام", "ل", true),
            ("وللعام", "ول", true),
        ];
        for (w, clitic, article) in cases {
            let h = lookup(w, 0, w.len()).unwrap_or_else(|| panic!("{w}"));
            assert_eq!((h.clitic, h.article), (*clitic, *article), "{w}");
        }
        assert!(lookup("لست", 0, "لست".len()).is_none());
        assert!(lookup("دستور", 0, "دستور".len()).is_none());
    }

    #[test]
    fn letter_runs_end_where_letters_end() {
        for s in [
            "",
            "ثلاثة",
            "ثلاثة آلاف",
            "abcX1",
            "2020م",
            "مـ",
            "وزير،",
            "ژاله ok",
            "éte\u{0301}x",
            "ب\u{064B}",
            "\u{0640}ب",
        ] {
            let want = s
                .char_indices()
                .find(|&(_, c)| !is_letter(c))
                .map_or(s.len(), |(i, _)| i);
            assert_eq!(letter_run(s), want, "{s:?}");
        }
    }

    #[test]
    fn tokens() {
        let key = "في 2020م و3 مليون";
        let t = token_at(key, 0).unwrap();
        assert_eq!((t.s, t.kind), ("في", TokKind::Word));
        let t = next_token(key, t.end).unwrap();
        assert_eq!((t.s, t.kind), ("2020", TokKind::Digits));
        let t = next_token(key, t.end).unwrap();
        assert_eq!(t.s, "م");
        let p = prev_token(key, t.start).unwrap();
        assert_eq!(p.s, "2020");
        let w: Vec<usize> = triggers(key).collect();
        assert_eq!(w, [5, 14, 16]);
    }

    #[test]
    fn a_reading_remembers_tokens_as_they_are_in_each_head_of_its_key() {
        let keys = [
            "عام 5،0001 و 9،000 نقطه في 1,500.75 او 2014،2015",
            "بتاريخ 12/3/2021 الساعه 10:30 وبالعام 1،234،567 دولار",
        ];
        let tokens = |key: &str, pos: usize| token_at(key, pos).map(|t| (t.start, t.end, t.kind));
        for key in keys {
            let heads: Vec<usize> = (0..=key.len())
                .filter(|&n| key.is_char_boundary(n))
                .collect();
            // The whole key read first (the grammars), then its heads; and
            // the heads first, longest last (the dateline), then the key.
            for heads_first in [false, true] {
                read(key, || {
                    let mut order = heads.clone();
                    if !heads_first {
                        order.reverse();
                    }
                    for &n in &order {
                        // A copy is at another address: never remembered.
                        let copy = key[..n].to_owned();
                        for pos in 0..=n {
                            let got = tokens(&key[..n], pos);
                            assert_eq!(got, tokens(&copy, pos), "{key:?}[..{n}] at {pos}");
                        }
                    }
                });
            }
        }
    }

    #[test]
    fn a_reading_inside_another_has_its_own_memo_and_gives_the_outer_one_back() {
        let outer = "في 12 مايو 2021 قتل 3 اشخاص";
        let inner = "بلغ عدد سكانها 1،234،567 نسمه";
        let tokens = |key: &str| -> Vec<_> {
            (0..key.len())
                .filter(|&p| key.is_char_boundary(p))
                .map(|p| token_at(key, p).map(|t| (t.start, t.end, t.kind)))
                .collect()
        };
        let fresh = (tokens(outer), tokens(inner));
        assert!(with_memo(|m| m.is_none()), "no memo outside a reading");
        let (before, nested, after) = read(outer, || {
            let before = tokens(outer);
            let nested = read(inner, || {
                assert!(with_memo(
                    |m| m.is_some_and(|m| m.length_of(inner).is_some())
                ));
                tokens(inner)
            });
            assert!(with_memo(
                |m| m.is_some_and(|m| m.length_of(outer).is_some())
            ));
            (before, nested, tokens(outer))
        });
        assert!(with_memo(|m| m.is_none()), "no memo after the reading");
        assert_eq!(before, fresh.0);
        assert_eq!(after, fresh.0);
        assert_eq!(nested, fresh.1);
        // A reading that panics gives its memo back too.
        let caught = std::panic::catch_unwind(|| read(outer, || panic!("stop")));
        assert!(caught.is_err());
        assert!(with_memo(|m| m.is_none()));
        assert_eq!(read(inner, || tokens(inner)), fresh.1);
    }

    #[test]
    fn each_reading_has_a_serial_number_of_its_own() {
        let key = "في 12 مايو 2021";
        assert_eq!(reading_serial(key), None, "none outside a reading");
        let (first, head, nested) = read(key, || {
            let nested = read("قتل 3 اشخاص", || reading_serial("قتل 3 اشخاص"));
            assert_eq!(reading_serial("قتل 3 اشخاص"), None, "not the key read");
            (reading_serial(key), reading_serial(&key[..6]), nested)
        });
        let second = read(key, || reading_serial(key));
        assert!(first.is_some() && second.is_some() && nested.is_some());
        assert_eq!(head, first, "a head of the key shares its reading");
        assert_ne!(first, second, "the same key read again");
        assert_ne!(first, nested);
    }

    #[test]
    fn the_arabic_comma_groups_thousands_only_in_groups_of_three() {
        let cases: &[(&str, &str)] = &[
            ("مستوى 9،000 نقطة", "9،000"),
            ("1،234،567 نسمة", "1،234،567"),
            ("1،100.5 دولار", "1،100.5"),
            ("2014،2015", "2014"),
            ("1،2،3", "1"),
            ("10،15 مايو", "10"),
            ("1234،567", "1234"),
            ("5،0001", "5"),
        ];
        for (text, want) in cases {
            let start = text.find(|c: char| c.is_ascii_digit()).unwrap();
            let t = token_at(text, start).unwrap();
            assert_eq!(t.s, *want, "{text}");
            assert_eq!(prev_token(text, t.end).map(|p| p.s), Some(t.s), "{text}");
        }
        // The second year of «2014،2015» is a token of its own.
        let key = "2014،2015";
        assert_eq!(prev_token(key, key.len()).map(|p| p.s), Some("2015"));
    }

    /// The triggers as one pass of the automaton over the whole key found
    /// them (with digits and `%` among its words), before the scan read it
    /// run by run.
    fn triggers_in_one_pass(key: &str, from: usize) -> Vec<usize> {
        let mut pats = trigger_words();
        pats.extend((0..10).map(|d| d.to_string()));
        pats.push("%".to_owned());
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)
            .unwrap();
        let mut last = usize::MAX;
        let input = aho_corasick::Input::new(key).span(from..key.len());
        automaton
            .find_iter(input)
            .filter_map(|m| {
                let first = key.as_bytes()[m.start()];
                if first.is_ascii_digit() || first == b'%' {
                    return (!continues_digits(&key.as_bytes()[..m.start()])).then_some(m.start());
                }
                let start = word_trigger(key, m.start(), m.end(), last)?;
                last = start;
                Some(start)
            })
            .collect()
    }

    #[test]
    fn every_trigger_word_is_two_arabic_letters_or_more() {
        // Building the endings checks each word.
        assert!(ENDINGS.triples.iter().any(|&b| b != 0));
    }

    #[test]
    fn triggers_run_by_run_are_those_of_one_pass() {
        let mut keys: Vec<String> = [
            "قال الوزير يوم الاثنين 12 مارس 2021 ان 3 ملايين شخص",
            "ارتفع المؤشر 2.5% الي 9،000 نقطه خلال الاسبوع الماضي",
            "وبالثلاثين من الشهر، في العام 1990م وللعام الحالي",
            "منذ ثلاثه اعوام ونصف، وخمسهالاف دولار، %15 و15%",
            "الساعه 10:30 صباحا بتوقيت مكه المكرمه\nالثلاثاء 4/10/1436",
            "ثلاثـه اسابيع abcعام عامxyz ژاله سنه ثلاثمايه",
        ]
        .map(str::to_owned)
        .into();
        let words = trigger_words();
        for (i, w) in words.iter().enumerate() {
            let next = &words[(i + 1) % words.len()];
            for k in [
                format!("و{w} ال{w}، 7{w}، {w}7 {w}ـ"),
                format!("{w}{next} {next}{w} ب{w}a x{w}"),
            ] {
                keys.push(k);
            }
        }
        for key in &keys {
            let got: Vec<usize> = triggers(key).collect();
            assert_eq!(got, triggers_in_one_pass(key, 0), "{key:?} word by word");
            let froms = key.match_indices([' ', '\n']).map(|(i, _)| i);
            for from in std::iter::once(0).chain(froms) {
                let mut got = Vec::new();
                triggers_from_into(key, from, &mut got);
                assert_eq!(got, triggers_in_one_pass(key, from), "{key:?} from {from}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn triggers_of_any_text_are_those_of_one_pass(
            key in "[ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإةى ـa0-9%.,،\n]{0,40}"
        ) {
            let got: Vec<usize> = triggers(&key).collect();
            proptest::prop_assert_eq!(got, triggers_in_one_pass(&key, 0));
        }
    }
}
