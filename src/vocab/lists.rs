//! The hand-written word lists behind [`super::known`]'s bits: titles and
//! roles, reporting verbs, name particles and regnal numbers, function
//! words, place nouns, organisation, institution and club heads, team and
//! media nouns; and the nationality adjectives derived from the embedded
//! countries.
//!
//! In: the lists as written (any spelling). Out: sets of matching keys
//! (phrases as lists of words, longest first), built on first use. The
//! context rules read them directly; every other stage asks
//! [`super::known`].

use std::sync::LazyLock;

use crate::hash::{FastMap, FastSet};
use crate::normalize::matching_key;

/// Keys of a list of phrases, each split into words.
fn phrases(list: &[&str]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = list
        .iter()
        .map(|p| {
            let mut k = String::new();
            matching_key(p, &mut k);
            k.split(' ').map(str::to_owned).collect()
        })
        .collect();
    // Longest first, so that «رئيس الوزراء» wins over «رئيس».
    out.sort_by_key(|p| std::cmp::Reverse(p.len()));
    out
}

fn words(list: &[&str]) -> FastSet<String> {
    list.iter()
        .map(|w| {
            let mut k = String::new();
            matching_key(w, &mut k);
            k
        })
        .collect()
}

/// Titles and roles before a person's name.
pub(crate) static TITLES: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    phrases(&[
        "الرئيس",
        "الرئيسة",
        "رئيس الوزراء",
        "رئيسة الوزراء",
        "رئيس الحكومة",
        "رئيسة الحكومة",
        "رئيس الجمهورية",
        "رئيس البرلمان",
        "رئيس مجلس",
        "رئيس",
        "رئيسة",
        "نائب الرئيس",
        "نائب رئيس",
        "نائب وزير",
        "نائبة وزير",
        "النائب",
        "نائب",
        "وزير",
        "وزيرة",
        "الوزير",
        "الوزيرة",
        "المتحدث باسم",
        "المتحدثة باسم",
        "الناطق باسم",
        "الناطقة باسم",
        "المتحدث الرسمي باسم",
        "الأمين العام",
        "الأمينة العامة",
        "أمين عام",
        "مساعد الرئيس",
        "مساعد وزير",
        "مستشار الرئيس",
        "المستشار",
        "المستشارة",
        "مستشار",
        "السفير",
        "السفيرة",
        "سفير",
        "المبعوث",
        "مبعوث",
        "الملك",
        "الملكة",
        "الأمير",
        "الأميرة",
        "ولي العهد",
        "الشيخ",
        "الشيخة",
        "السيد",
        "السيدة",
        "الدكتور",
        "الدكتورة",
        "د",
        "البروفيسور",
        "الأستاذ",
        "الفنان",
        "الفنانة",
        "الممثل",
        "الممثلة",
        "المطرب",
        "المطربة",
        "المغني",
        "المغنية",
        "المخرج",
        "المخرجة",
        "الكاتب",
        "الكاتبة",
        "الروائي",
        "الروائية",
        "الشاعر",
        "الشاعرة",
        "الصحفي",
        "الصحفية",
        "الصحافي",
        "الصحافية",
        "المراسل",
        "الباحث",
        "المفكر",
        "الفيلسوف",
        "العالم الفيزيائي",
        "اللاعب",
        "اللاعبة",
        "النجم",
        "النجمة",
        "المدرب",
        "الحارس",
        "المهاجم",
        "الإمام",
        "البابا",
        "الكاردينال",
        "المطران",
        "القس",
        "الحاخام",
        "الجنرال",
        "المشير",
        "الفريق أول",
        "اللواء",
        "العميد",
        "العقيد",
        "المقدم",
        "الرائد",
        "النقيب",
        "قائد",
        "القائد",
        "الزعيم",
        "زعيم",
        "المرشح",
        "المرشحة",
        "المرشح الرئاسي",
        "السيناتور",
        "عضو الكونغرس",
        "حاكم",
        "الحاكم",
        "محافظ",
        "المحافظ",
        "عمدة",
        "رئيس بلدية",
        "المحامي",
        "المحامية",
        "القاضي",
        "القاضية",
        "المدعي العام",
        "الراحل",
        "الراحلة",
        "المناضل",
        "رجل الأعمال",
        "سيدة الأعمال",
        "المدير",
        "مدير",
        "المديرة",
        "مديرة",
        "الموفد",
        "المفوض",
        "المفوضة",
        "المنسق",
        "الخليفة",
        "السلطان",
        "المبعوث الخاص",
    ])
});

/// Verbs that report speech, followed by the speaker.
pub(crate) static VERBS: LazyLock<FastSet<String>> = LazyLock::new(|| {
    words(&[
        "قال",
        "قالت",
        "أكد",
        "أكدت",
        "أعلن",
        "أعلنت",
        "أضاف",
        "أضافت",
        "أوضح",
        "أوضحت",
        "صرح",
        "صرحت",
        "أشار",
        "أشارت",
        "ذكر",
        "ذكرت",
        "رأى",
        "رأت",
        "اعتبر",
        "اعتبرت",
        "يقول",
        "تقول",
        "أفاد",
        "أفادت",
        "لفت",
        "لفتت",
        "شدد",
        "شددت",
        "دعا",
        "دعت",
        "طالب",
        "طالبت",
        "حذر",
        "حذرت",
        "نفى",
        "نفت",
        "كشف",
        "كشفت",
        "التقى",
        "التقت",
        "استقبل",
        "استقبلت",
        "بحث",
        "وصف",
        "وصفت",
        "أبلغ",
        "أبلغت",
        "اتهم",
        "اتهمت",
        "زار",
        "زارت",
        "يرى",
        "ترى",
        "توقع",
        "توقعت",
        "رجح",
        "رجحت",
        "استبعد",
        "استبعدت",
        "أعرب",
        "أعربت",
        "تابع",
        "تابعت",
        "أردف",
        "أردفت",
        "نوه",
        "نوهت",
        "اعترف",
        "اعترفت",
    ])
});

/// «that», after a reported speaker.
pub(crate) static THAT: LazyLock<FastSet<String>> = LazyLock::new(|| {
    words(&[
        "إن", "أن", "ان", "إنه", "أنه", "انه", "إنها", "أنها", "بأن", "بان",
    ])
});

/// Words that modify a title before the name (besides words with the
/// article): «المتحدث باسم الخارجية», «الأمين العام لحلف …».
pub(crate) static TITLE_MODIFIERS: LazyLock<FastSet<String>> = LazyLock::new(|| {
    words(&[
        "باسم",
        "لشؤون",
        "لشئون",
        "مجلس",
        "وزارة",
        "وزير",
        "هيئة",
        "لجنة",
        "حركة",
        "حزب",
        "شركة",
        "جامعة",
        "منظمة",
        "دولة",
        "الدولة",
        "إدارة",
        "حكومة",
        "جمعية",
        "اتحاد",
        "نادي",
        "صندوق",
        "بنك",
        "وكالة",
        "رابطة",
        "جبهة",
        "سابق",
        "حاليا",
        "آنذاك",
    ])
});

/// Name particles: they join the word after them to the name and never end
/// one.
pub(crate) static PARTICLES: LazyLock<FastSet<String>> = LazyLock::new(|| {
    words(&[
        "بن", "ابن", "بنت", "أبو", "أبي", "أبا", "أم", "عبد", "آل", "ولد", "دي", "دو", "دا", "فان",
        "فون", "لو", "لا", "دل", "ديل", "سان", "ماك", "مك", "بو",
    ])
});

/// Nouns after «حسن» ("good") in set phrases, where it is no first name:
/// «مبادئ حسن الجوار» (good neighbourliness), «حسن النية» (good faith).
pub(crate) static GOOD_PHRASES: LazyLock<FastSet<String>> = LazyLock::new(|| {
    words(&[
        "الجوار",
        "النية",
        "النوايا",
        "الظن",
        "الخلق",
        "التدبير",
        "التصرف",
        "السير",
        "السلوك",
        "الأداء",
        "الإدارة",
        "الاستقبال",
        "الضيافة",
        "التعامل",
        "التنظيم",
        "الحظ",
        "الختام",
        "الخاتمة",
        "المعاملة",
        "الاستماع",
        "الاختيار",
        "التخطيط",
        "الاستغلال",
        "الاستخدام",
        "العشرة",
        "الطالع",
        "التوفيق",
        "الأخلاق",
        "الإصغاء",
        "التقدير",
        "الاستضافة",
        "الاستعداد",
        "الإعداد",
        "التنفيذ",
        "الصنيع",
        "المظهر",
        "التربية",
    ])
});

/// Whether two words (matching keys) are «حسن» ("good") and a noun of
/// [`GOOD_PHRASES`]: no first name and surname.
pub(crate) fn good_phrase(first: &str, next: &str) -> bool {
    first == "حسن" && GOOD_PHRASES.contains(next)
}

/// Function words that never belong to a name even where a lexicon lists
/// them (Wikidata has people named لا, من, ما …).
pub(crate) static FUNCTION_WORDS: LazyLock<FastSet<String>> = LazyLock::new(|| {
    words(&[
        "في",
        "من",
        "عن",
        "مع",
        "إلى",
        "حتى",
        "منذ",
        "خلال",
        "بعد",
        "قبل",
        "عند",
        "لدى",
        "أن",
        "إن",
        "أنه",
        "إنه",
        "لا",
        "لم",
        "لن",
        "ما",
        "ماذا",
        "قد",
        "لقد",
        "هو",
        "هي",
        "هم",
        "كان",
        "كانت",
        "يكون",
        "التي",
        "الذي",
        "الذين",
        "أو",
        "ثم",
        "بين",
        "ضد",
        "حول",
        "نحو",
        "عبر",
        "كل",
        "بعض",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "هناك",
        "هنا",
        "إذا",
        "لكن",
        "بل",
        "أيضا",
        "كما",
        "مثل",
        "غير",
        "أمس",
        "اليوم",
        "يوم",
        "الذى",
        "وقال",
        "وقالت",
        "قال",
        "قالت",
        "فيما",
        "بينما",
        "حيث",
        "عام",
        "سنة",
        "رئيس",
        "وزير",
        "أكد",
        "أعلن",
        "أمام",
        "وراء",
        "فوق",
        "تحت",
        "لدي",
        "إلا",
        "ليس",
        "نفسه",
        "نفسها",
        "ناطق",
        "متحدث",
        "مسؤول",
        "مصدر",
        "الى",
        "انه",
    ])
});

/// Regnal numbers, part of a name after it.
pub(crate) static REGNAL: LazyLock<FastSet<String>> = LazyLock::new(|| {
    words(&[
        "الأول",
        "الثاني",
        "الثالث",
        "الرابع",
        "الخامس",
        "السادس",
        "السابع",
        "الثامن",
        "التاسع",
        "العاشر",
        "الحادي",
    ])
});

/// Words with the article that follow a name without belonging to it.
pub(crate) static AFTER_NAME: LazyLock<FastSet<String>> = LazyLock::new(|| {
    words(&[
        "السابق",
        "الحالي",
        "الجديد",
        "الأسبق",
        "الراحل",
        "المقبل",
        "الماضي",
        "اليوم",
        "الأمس",
        "الذي",
        "التي",
        "الذين",
        "الآن",
        "العام",
        "الخاص",
        "المستقيل",
        "المنتهية",
        "المنتخب",
        "الأحد",
        "الاثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
        "المكلف",
        "الأعلى",
        "الأمريكي",
        "الأميركي",
        "الإسرائيلي",
        "الفلسطيني",
        "الروسي",
        "الأوكراني",
        "الفرنسي",
        "البريطاني",
        "الألماني",
        "الإيراني",
        "التركي",
        "السوري",
        "العراقي",
        "اللبناني",
        "المصري",
        "السعودي",
        "الصيني",
        "الياباني",
        "الإيطالي",
        "الإسباني",
        "الأردني",
        "القطري",
        "الإماراتي",
        "الكويتي",
        "اليمني",
        "الليبي",
        "التونسي",
        "الجزائري",
        "المغربي",
        "السوداني",
        "الهندي",
        "الباكستاني",
        "الأفغاني",
        "الكوري",
        "الدولي",
    ])
});

/// Place nouns after which the gazetteer matches the names of its
/// `cue=place` entries, as matching keys: «مدينة», «بلدة», «قرى». The
/// adjective-like «المنطقة» and the ambiguous «مركز» (a centre) and «دائرة»
/// (a department) are not cues. The vocabulary gives each of them, alone
/// or after one of [`super::CLITICS`] («وبلدة», «بمحافظة»), the flag
/// [`super::flag::PLACE_CUE`].
pub(crate) const PLACE_CUES: &[&str] = &[
    "مدينه",
    "بلده",
    "قريه",
    "محافظه",
    "منطقه",
    "ولايه",
    "مقاطعه",
    "ناحيه",
    "قضاء",
    "بلديه",
    "ضاحيه",
    "مديريه",
    "اقليم",
    "عزله",
    "مخيم",
    "حي",
    "مدن",
    "بلدات",
    "قري",
    "مديريات",
    "محافظات",
    "ولايات",
    "مدينتي",
    "بلدتي",
    "قريتي",
    "مدينتا",
    "بلدتا",
];

/// Place nouns: (singular or plural, the nouns).
pub(crate) static PLACE_NOUNS: LazyLock<FastSet<String>> = LazyLock::new(|| {
    words(&[
        "مدينة",
        "بلدة",
        "قرية",
        "إقليم",
        "محافظة",
        "منطقة",
        "ولاية",
        "العاصمة",
        "عاصمة",
        "مقاطعة",
        "جزيرة",
        "مخيم",
        "ناحية",
        "قضاء",
        "بلدية",
        "ضاحية",
        "مدينتي",
    ])
});

pub(crate) static PLACE_PLURALS: LazyLock<FastSet<String>> = LazyLock::new(|| {
    words(&[
        "مدن",
        "بلدات",
        "قرى",
        "مناطق",
        "محافظات",
        "ولايات",
        "أقاليم",
        "مقاطعات",
        "جزر",
        "مخيمات",
        "عواصم",
        "مدينتي",
        "بلدتي",
        "قريتي",
        "منطقتي",
        "محافظتي",
    ])
});

/// Place nouns with the article, skipped before a name: «عاصمة الإقليم X».
pub(crate) static PLACE_NOUNS_ARTICLE: LazyLock<FastSet<String>> = LazyLock::new(|| {
    words(&[
        "الإقليم",
        "المحافظة",
        "الولاية",
        "المنطقة",
        "المقاطعة",
        "البلاد",
        "الدولة",
    ])
});

/// Organisation heads: an organisation is one of these plus words with the
/// article.
pub(crate) static ORG_HEADS: LazyLock<FastSet<String>> = LazyLock::new(|| {
    words(&[
        "وزارة",
        "وكالة",
        "مجلس",
        "هيئة",
        "منظمة",
        "حزب",
        "حركة",
        "جمعية",
        "اتحاد",
        "شركة",
        "بنك",
        "مصرف",
        "جامعة",
        "صندوق",
        "محكمة",
        "مؤسسة",
        "جبهة",
        "رابطة",
        "نقابة",
        "البنك",
        "الاتحاد",
        "المجلس",
        "الحزب",
        "المحكمة",
        "الهيئة",
        "المنظمة",
        "الجامعة",
        "الوكالة",
        "وزارتا",
        "مكتب",
        "دائرة",
        "مديرية",
        "الشرطة",
        "قوات",
    ])
});

/// Organisation heads that take a place name as theirs, with the words
/// with the article after it: «جامعة كامبريدج», «مصرف قطر المركزي».
pub(crate) static INSTITUTION_HEADS: LazyLock<FastSet<String>> =
    LazyLock::new(|| words(&["جامعة", "بنك", "مصرف", "شركة"]));

/// Club prefixes of sports teams named after their city: «دينامو كييف»,
/// «ستيوا بوخارست», «اتحاد طنجة», «ريال مدريد», and armed groups named
/// after a place («سرايا القدس»). Only before a gazetteer place («ريال» is
/// the riyal too), and the place ends the name (the adjective in «سسكا
/// موسكو الروسي» describes the club).
pub(crate) static CLUB_HEADS: LazyLock<FastSet<String>> = LazyLock::new(|| {
    words(&[
        "اتحاد",
        "دينامو",
        "ديناموا",
        "ستيوا",
        "سسكا",
        "لوكوموتيف",
        "سبارتاك",
        "زينيت",
        "أولمبيك",
        "أولمبياكوس",
        "أولمبي",
        "حسنية",
        "أسيك",
        "ريال",
        "أتلتيكو",
        "أتلتيك",
        "إنتر",
        "بوروسيا",
        "سبورتنغ",
        "سبورتينغ",
        "شختار",
        "فيردر",
        "هرتا",
        "سلتيك",
        "رينجرز",
        "أيك",
        "سرايا",
    ])
});

/// Team and media nouns: a gazetteer place right after one, or in quotes
/// after one, is the team of that city or the paper or channel named after
/// it, an organisation without the noun («فريق ليون», «نادي الجزيرة»,
/// «صحيفة "الشرق الأوسط"»). A match's guest or host is a team («تغلب على
/// ضيفه بورتو»), a correspondent works for a paper or channel («مراسل
/// الجزيرة»): a place reports from neither.
pub(crate) static TEAM_NOUNS: LazyLock<FastSet<String>> = LazyLock::new(|| {
    words(&[
        "فريق",
        "الفريق",
        "نادي",
        "النادي",
        "فريقا",
        "ناديا",
        "صحيفة",
        "جريدة",
        "مجلة",
        "قناة",
        "إذاعة",
        "تلفزيون",
        "ضيفه",
        "ضيفها",
        "مضيفه",
        "مضيفها",
        "مراسل",
        "مراسلة",
    ])
});

/// Surname endings typical of Russian, Caucasian, Armenian and Slavic
/// names as written in Arabic.
pub(crate) const SURNAME_ENDINGS: &[&str] =
    &["وف", "يف", "يان", "سكي", "فيتش", "يفا", "وفا", "شفيلي"];

/// Nationality adjectives with the article, masculine and feminine
/// (الألماني، البرازيلية), derived from the one-word country names of the
/// embedded gazetteer: ألمانيا → ألماني, فرنسا → فرنسي, السعودية → سعودي,
/// البرازيل → برازيلي; and the irregular American.
pub(crate) static NATIONALITIES: LazyLock<FastSet<String>> = LazyLock::new(|| {
    let mut stems: FastSet<String> = ["امريكي", "اميركي"]
        .map(str::to_owned)
        .into_iter()
        .collect();
    let mut key = String::new();
    for line in include_str!("../../gazetteers/countries.tsv").lines() {
        let mut fields = line.split('\t');
        let (Some(_), Some("PLACE"), Some(name), Some(variants)) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        for spelling in std::iter::once(name).chain(variants.split('|')) {
            matching_key(spelling, &mut key);
            if key.contains(' ') || key.is_empty() {
                continue;
            }
            // The article, not the أل of ألمانيا (whose key starts ال too).
            let bare = match key.strip_prefix("ال") {
                Some(rest) if spelling.starts_with("ال") => rest,
                _ => &key,
            };
            let stem = if let Some(s) = bare.strip_suffix("يه") {
                format!("{s}ي")
            } else if let Some(s) = bare.strip_suffix("يا") {
                format!("{s}ي")
            } else if let Some(s) = bare.strip_suffix(['ا', 'ه']) {
                format!("{s}ي")
            } else {
                format!("{bare}ي")
            };
            if stem.chars().count() >= 4 {
                stems.insert(stem);
            }
        }
    }
    stems
        .iter()
        .flat_map(|s| [format!("ال{s}"), format!("ال{s}ه")])
        .collect()
});

/// Titles by their first word: indices into [`TITLES`].
pub(crate) static TITLES_BY_FIRST: LazyLock<FastMap<String, Vec<usize>>> = LazyLock::new(|| {
    let mut by_first: FastMap<String, Vec<usize>> = FastMap::default();
    for (n, t) in TITLES.iter().enumerate() {
        by_first.entry(t[0].clone()).or_default().push(n);
    }
    by_first
});
