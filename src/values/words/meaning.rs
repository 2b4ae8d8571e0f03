//! What a word of the tables means to the grammars: a number word
//! ([`Num`]: «ثلاثة», «ألفين», «الحادي»), a date word ([`DateW`]: a month,
//! a weekday, a unit of time, «أمس», «صباحاً», «بين»), or both ([`Entry`]).
//!
//! In: nothing (types only). Out: the meanings the word table
//! ([`table`](super::table)) gives its words and a lookup returns.

/// How many things a counted noun or scale word says (Arabic has a dual and
/// an accusative singular used after 11–99: «ثلاثون ألفاً»).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::values) enum Count {
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
pub(in crate::values) enum Num {
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
pub(in crate::values) enum Unit {
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
pub(in crate::values) enum DayPart {
    Dawn,
    Morning,
    Noon,
    Afternoon,
    Evening,
    Night,
}

/// Which two-word month a head word starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::values) enum MonthHead {
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
pub(in crate::values) enum DateW {
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
pub(in crate::values) enum Edge {
    Start,
    Middle,
    End,
    /// بقية, باقي: the rest of the period, from the reference on.
    Rest,
}

/// The words that open ranges and relative phrases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::values) enum Opener {
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
pub(in crate::values) struct Entry {
    pub num: Option<Num>,
    pub date: Option<DateW>,
}
