//! The guards of resolution: where a name that resolves to an entry is
//! not that entry.
//!
//! In: a candidate of one chunk with the entry it resolved to (or the id a
//! finder gave it), the chunk's matching key and the shared matcher. Out: a
//! yes or no; the caller ([`super::entity`]) leaves the name unlinked, or
//! drops a name only the gazetteer found. The variant guards of the
//! lookups themselves (no Arabic word, no frequent word, not next to a
//! person's name for a place, …) are the matcher's
//! ([`Matcher::resolve_at`]); these come on top of them, in one place to
//! tune.
//!
//! When a name is looked up ([`refuses`]):
//! - a place the tagger reads inside an organisation's name links to no
//!   place: right after a word that heads such names («نادي أبها الأدبي»,
//!   «ريال مدريد», «جامعة بغداد»), or a city followed by a masculine
//!   nisba, which agrees with a club, not with a city («روما الإيطالي»,
//!   «إشبيلية الإسباني»); a team the context rules call an organisation
//!   links to no place either (the label differs);
//! - a person of one name (one word, or two that make one name: «عبد
//!   العزيز», «نصر الله») links only to an entry that names one person:
//!   not to the one-name people the gazetteer has from ANERcorp
//!   (`src=anercorp`: «محمد», «رضا», «كلينتون», «عبد العزيز»), which the
//!   matcher finds as names but which say nothing about who is meant;
//! - a span that is the start of another entry's listed name, with the one
//!   or two words after it, links to nothing («أميركا الجنوبية» is South
//!   America, not the United States), as one that ends such a name.
//!
//! Once the chunk is linked, whatever found the names:
//! - a one-word alias that reads as an ordinary Arabic word
//!   ([`ordinary_word`]: «بحماس» "with enthusiasm", «هجين» "hybrid",
//!   «كفيفاً» "blind"), unless the chunk names the same entity in another
//!   way too (the caller checks that);
//! - and ([`unlinks`]) a place inside the name of an event, a venue, a
//!   club, a bank or another place built on it («كوبا أمريكا», «بنك أوف
//!   أمريكا», «أمريكا المكسيكي», «ظهران الجنوب»), a feminine nisba read as
//!   its country («طائرة سورية»), an alias without the owner its name
//!   gives it («الجمعية العامة» of a company), a person's name ending in
//!   a preposition written with ى.
//!
//! Scope: one chunk, read-only lookups in the shared matcher.

use std::ops::Range;

use crate::doc::{Candidate, Chunk, Label, Link, is_word_char, word_before_space, word_start};
use crate::gazetteer::{Entry, Matcher};
use crate::vocab::lists::NATIONALITIES;
use crate::vocab::{COLLISIONS, frequent};

/// Whether the name at `range`, which resolved to `entry` as `label`, is
/// not that entry where it stands (see the module docs: inside an
/// organisation's name, a one-name person from ANERcorp, part of another
/// listed name).
pub(super) fn refuses(
    key: &str,
    range: Range<usize>,
    label: Label,
    entry: &Entry,
    matcher: &Matcher,
) -> bool {
    label == Label::Place
        && (after_one_of(key, range.start, ORG_HEADS)
            || entry.attr("type").is_some_and(|t| TOWN_TYPES.contains(&t))
                && masculine_nisba_after(key, range.end))
        || label == Label::Person
            && one_name(&key[range.clone()])
            && entry.attr("src") == Some("anercorp")
        || inside_other_name(key, range.clone(), entry, matcher)
        || before_other_name(key, range, entry, matcher)
}

/// Whether the linked name `c` of a chunk, one of `cands`, is a word of
/// another name or phrase and no mention of its entity (see the module
/// docs). `written` gives the original text of a range of the normalised
/// one.
pub(super) fn unlinks<'o>(
    key: &str,
    c: &Candidate,
    cands: &[Candidate],
    matcher: &Matcher,
    written: &dyn Fn(Range<usize>) -> &'o str,
) -> bool {
    c.id.is_some()
        && c.label == Label::Place
        && (in_event_or_venue(key, c)
            || nisba_of_a_noun(key, c)
            || in_name_after_place(key, c, cands)
            || in_list_of_universities(key, c)
            || before_another_latin_name(key, c, matcher, written))
        || c.link == Some(Link::Alias) && owner_missing(key, c.range.clone(), matcher)
        || c.id.is_some()
            && c.label == Label::Person
            && ends_with_a_preposition(written(c.range.clone()))
}

/// Words (matching keys) after which a listed place is a place, whatever
/// the tagger says: prepositions of place and place nouns.
pub(super) const PLACE_BEFORE: &[&str] = &[
    "في",
    "الى",
    "نحو",
    "داخل",
    "قرب",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
    "مدينه",
    "عاصمه",
    "بلده",
    "قريه",
    "محافظه",
    "ولايه",
    "اقليم",
    "منطقه",
];

/// Proclitics before a word of [`ORG_HEADS`] or [`PLACE_BEFORE`].
const CLITICS: &[&str] = &["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل"];

/// Whether the word right before the word that `start` lies in (one
/// space between) is one of `words`, with or without proclitics
/// ([`CLITICS`]).
pub(super) fn after_one_of(key: &str, start: usize, words: &[&str]) -> bool {
    // Each word of `words` that ends `w`, then what comes before it among
    // the proclitics: a few comparisons of a word's end instead of one for
    // each proclitic and word (this is asked of every linked place).
    word_before_space(key, word_start(key, start)).is_some_and(|w| {
        words.iter().any(|x| {
            w.strip_suffix(x)
                .is_some_and(|clitic| CLITICS.contains(&clitic))
        })
    })
}

/// Where `start` would be without the opening quotes or parenthesis right
/// before it: «فندق «شانقريلا»» reads as «فندق شانقريلا».
fn before_quote(key: &str, start: usize) -> usize {
    key[..start]
        .trim_end_matches(['«', '"', '“', '\'', '('])
        .len()
}

/// The word right after `end`, one space between, if a word follows.
fn word_after(key: &str, end: usize) -> Option<&str> {
    let next = key[end..].strip_prefix(' ')?;
    let word = next.split(|c: char| !is_word_char(c)).next()?;
    (!word.is_empty()).then_some(word)
}

/// Words (matching keys, with or without a proclitic) that head the name
/// of an organisation: a place right after one is part of that name.
const ORG_HEADS: &[&str] = &[
    "نادي",
    "فريق",
    "منتخب",
    "ريال",
    "جامعه",
    "هييه",
    "شرطه",
    "تلفزيون",
    "اذاعه",
    "قناه",
    "صحيفه",
    "شركه",
    "مستشفي",
    "فندق",
    "بنك",
    "مصرف",
];

/// Place types that are towns: feminine in Arabic, so a masculine nisba
/// after one agrees with something else (a club).
const TOWN_TYPES: &[&str] = &["city", "capital", "town"];

/// Whether the word after `end` (one space between) is a masculine nisba
/// with the article: «الإيطالي», «الإسباني» (not «الإيطالية»).
fn masculine_nisba_after(key: &str, end: usize) -> bool {
    let Some(next) = key[end..].strip_prefix(' ') else {
        return false;
    };
    let word = next.split(|c: char| !is_word_char(c)).next().unwrap_or("");
    word.starts_with("ال") && word.ends_with('ي') && word.chars().count() >= 5
}

/// Whether a person's name (matching key) is one name: one word, or two
/// that make one name («عبد العزيز», «أبو بكر», «نصر الله», «سيف الدين»).
pub(crate) fn one_name(key: &str) -> bool {
    match key.split(' ').collect::<Vec<_>>()[..] {
        [_] => true,
        [first, second] => {
            matches!(first, "عبد" | "ابو" | "ابي") || matches!(second, "الله" | "الدين")
        }
        _ => false,
    }
}

/// Whether the one or two words before `range` (single spaces between)
/// and the name make a listed name of another entry: «جنوب السودان»
/// (South Sudan), «وجنوب شرق آسيا», where the tagger found «السودان»,
/// «آسيا» (but «حركة طالبان» is a spelling of Taliban itself).
fn inside_other_name(key: &str, range: Range<usize>, entry: &Entry, matcher: &Matcher) -> bool {
    let mut start = range.start;
    if word_start(key, start) != start {
        return false;
    }
    for _ in 0..2 {
        let Some(prev) = word_before_space(key, start).filter(|w| !w.is_empty()) else {
            return false;
        };
        start -= prev.len() + 1;
        // «وجنوب السودان»: the first word may carry a proclitic.
        let longer = CLITICS
            .iter()
            .filter(|c| prev.starts_with(**c) && prev.len() > c.len())
            .find_map(|c| matcher.listing(&key[start + c.len()..range.end]));
        if let Some(longer) = longer {
            return longer.id != entry.id;
        }
    }
    false
}

/// Whether the span and the one or two words after it (single spaces
/// between) make the listed name of another entry: «أميركا الجنوبية» is
/// South America, where the tagger found «أميركا».
fn before_other_name(key: &str, range: Range<usize>, entry: &Entry, matcher: &Matcher) -> bool {
    let mut end = range.end;
    for _ in 0..2 {
        let Some(next) = key[end..].strip_prefix(' ') else {
            return false;
        };
        let word = next.split(|c: char| !is_word_char(c)).next().unwrap_or("");
        if word.is_empty() {
            return false;
        }
        end += 1 + word.len();
        if let Some(longer) = matcher.listing(&key[range.start..end]) {
            return longer.id != entry.id;
        }
    }
    false
}

/// Whether the one-word span at `range`, linked as a listed spelling of an
/// entry, reads as an ordinary Arabic word instead:
/// - a proclitic is glued to it and the whole word is an inflected form of
///   a frequent word of the news (an accusative, feminine or pronoun
///   ending: «كفيفاً», "blind", is no ك + FIFA), or the preposition is ب
///   or ك, the whole word is frequent and the span alone is an ordinary
///   word too (its article form is frequent): «بحماس», "with enthusiasm";
///   not «لحماس», «للحوثيين», «بمكة»;
/// - no proclitic, and the span is a place's spelling that is a frequent
///   word the news also writes with the article: «هجين» (Hajin;
///   "hybrid": الهجين) — not a name ending as a feminine nisba (سورية),
///   nor one right after a word that introduces a place («في أوروغواي»,
///   «محافظة ظهران الجنوب»);
/// - a spelling of at most three letters written with a hamza the entry's
///   spellings do not have: «وأم» ("and a mother") is not «وام» (WAM).
pub(super) fn ordinary_word<'o>(
    chunk: &Chunk<'_>,
    range: Range<usize>,
    label: Label,
    matcher: &Matcher,
    written: &dyn Fn(Range<usize>) -> &'o str,
) -> bool {
    let key = chunk.key;
    let span = &key[range.clone()];
    if span.contains(' ') || key[range.end..].chars().next().is_some_and(is_word_char) {
        return false;
    }
    let from = word_start(key, range.start);
    let ordinary_alone = frequent(span) && frequent(&format!("ال{span}"));
    if from < range.start {
        let whole = &key[from..range.end];
        // «للحوثيين»: the article's lam, not a preposition and a word.
        let lil = key[from..range.start].ends_with('ل') && span.starts_with('ل');
        let form = ["ا", "ت", "ه", "ها", "هم"]
            .iter()
            .any(|e| whole.strip_suffix(e).is_some_and(frequent));
        // ب and ك make adverbs of abstract nouns («بحماس», «بسرعة»); ل
        // before a name is mostly "to" or "of" it («التابعة لحماس»).
        let manner = key[from..range.start].ends_with(['ب', 'ك']);
        return !lil && (form || manner && frequent(whole) && ordinary_alone);
    }
    // Alone, only a place: the news writes the names of organisations and
    // people with the article too (الفيفا), and a country's name may be
    // its feminine nisba (سورية).
    if ordinary_alone
        && label == Label::Place
        && !span.ends_with("يه")
        && !after_one_of(key, range.start, PLACE_BEFORE)
    {
        return true;
    }
    if span.chars().count() > 3 {
        return false;
    }
    // The letters as written: no diacritics (U+064B-U+065F, U+0670) or
    // tatweel (U+0640).
    let text: String = written(range)
        .chars()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))
        .collect();
    text.contains(['أ', 'إ', 'آ', 'ؤ', 'ئ', 'ء'])
        && matcher
            .listing(span)
            .is_some_and(|e| !e.spellings().any(|s| s == text))
}

/// Words (matching keys) that head the name of an event or a venue named
/// after a place: a place right after one is part of that name («كوبا
/// أمريكا», the Copa América; «كأس آسيا»; «فندق شانقريلا», a hotel).
const EVENT_OR_VENUE: &[&str] = &[
    "كاس",
    "بطوله",
    "كوبا",
    "فندق",
    "منتجع",
    "ملعب",
    "استاد",
    "ستاد",
];

/// Whether the place `c` stands right after a word of [`EVENT_OR_VENUE`]
/// (a proclitic allowed), one space and perhaps an opening quote between,
/// and its entry is not itself a stadium («ملعب ويمبلي» is listed: «استاد
/// «ويمبلي»» stays; «ستاد سانتياجو برنابيو» is no Santiago, «استاد
/// القاهرة» no Cairo).
fn in_event_or_venue(key: &str, c: &Candidate) -> bool {
    // «فندق «شانقريلا»»: an opening quote may stand between.
    let at = before_quote(key, c.range.start);
    // The entry's name is read (its matching key made, a string) only for
    // the few places after such a word: `unlinks` asks this of every
    // linked place.
    let a_venue = || {
        c.norm
            .as_deref()
            .map(crate::gazetteer::matching_key_of)
            .is_some_and(|n| {
                n.split(' ')
                    .next()
                    .is_some_and(|w| VENUES.contains(&w) && n.contains(' '))
            })
    };
    word_start(key, c.range.start) == c.range.start
        && after_one_of(key, at, EVENT_OR_VENUE)
        && !a_venue()
}

/// The words of [`EVENT_OR_VENUE`] that head a stadium's name: a listed
/// name that starts with one is the stadium itself («ملعب ويمبلي»).
const VENUES: &[&str] = &["ملعب", "استاد", "ستاد"];

/// Whether the place `c`, one word ending in ية without a proclitic, is
/// the feminine nisba of an indefinite feminine noun right before it, or
/// of «الجنسية» after it: «طائرة سورية» is a Syrian plane, «مقيمة سورية»
/// a Syrian resident, «سورية الجنسية» of Syrian nationality — not Syria,
/// which the news also writes «سورية» («في سورية», «إلى سورية»).
fn nisba_of_a_noun(key: &str, c: &Candidate) -> bool {
    let span = &key[c.range.clone()];
    if span.contains(' ')
        || !span.ends_with("يه")
        || word_start(key, c.range.start) != c.range.start
    {
        return false;
    }
    let before = word_before_space(key, c.range.start).unwrap_or("");
    let noun = before.ends_with('ه') && !before.starts_with("ال") && before.chars().count() > 2;
    noun || key[c.range.end..].starts_with(" الجنسيه")
}

/// Words (matching keys, a proclitic allowed) that head the name of a
/// club, bank, company, troupe or school named after a place, and the
/// English «of» of such names: «نادي أبها», «بنك قطر الدولي», «بنك أوف
/// أمريكا», «فرقة «مكة»» (a folk troupe), «مدرسة الرقة الثانوية», «كلية
/// لندن للاقتصاد».
const NAMED_AFTER: &[&str] = &[
    "نادي",
    "فريق",
    "بنك",
    "بانك",
    "مصرف",
    "شركه",
    "اوف",
    "فرقه",
    "مدرسه",
    "كليه",
    "معهد",
];

/// The connectors of Spanish, Portuguese and Italian names: «أميركا دي
/// كالي» (América de Cali), «ريو دي جانيرو».
const CONNECTORS: &[&str] = &["دي", "دو", "ديل", "دا"];

/// Nouns of a compass point that follow a place's name to make another
/// place's: «ظهران الجنوب» is a town of Asir, not Dhahran (the news
/// writes "the south of X" as «جنوب X», before it).
const COMPASS_AFTER: &[&str] = &["الجنوب", "الشمال"];

/// Whether the place `c` is a word of another name built on it, whose
/// bearer is no place:
/// - right after a word that heads the name of a club, bank, company,
///   troupe or school ([`NAMED_AFTER`]), perhaps an opening quote between:
///   «بنك أوف أمريكا», «فريق أبها», «فرقة «مكة»»;
/// - before a masculine nationality adjective, which agrees with a club,
///   not with a country or town (both feminine): «أمريكا المكسيكي» (Club
///   America), «فالنسيا الإسباني»; the feminine «فالنسيا الإسبانية» is
///   the city, and so is a place after a word that introduces one or a
///   masculine noun the adjective agrees with ([`MASCULINE_HEADS`]:
///   «ميناء العقبة الأردني», «بإقليم بلوشستان الباكستاني»);
/// - before a Latin connector and a word that starts no person: «أميركا
///   دي كالي» (but «إلى سوريا دي ميستورا», the envoy, is Syria);
/// - before a compass noun ([`COMPASS_AFTER`]): «ظهران الجنوب».
fn in_name_after_place(key: &str, c: &Candidate, cands: &[Candidate]) -> bool {
    if word_start(key, c.range.start) == c.range.start
        && after_one_of(key, before_quote(key, c.range.start), NAMED_AFTER)
    {
        return true;
    }
    let Some(next) = word_after(key, c.range.end) else {
        return false;
    };
    let next_at = c.range.end + 1;
    if CONNECTORS.contains(&next) {
        let then = next_at + next.len() + 1;
        return !cands.iter().any(|o| {
            o.label == Label::Person && (o.range.start == next_at || o.range.start == then)
        });
    }
    COMPASS_AFTER.contains(&next)
        || !next.ends_with('ه')
            && NATIONALITIES.contains(next)
            && !after_one_of(key, c.range.start, PLACE_BEFORE)
            && !after_one_of(key, c.range.start, MASCULINE_HEADS)
}

/// Masculine nouns (matching keys) a place's name follows as the genitive:
/// a nationality adjective after the name agrees with them («ميناء العقبة
/// الأردني», the Jordanian port of Aqaba; «مدافع مانشستر الإيرلندي»,
/// Manchester's Irish defender).
const MASCULINE_HEADS: &[&str] = &[
    "ميناء",
    "مينا",
    "مطار",
    "ريف",
    "ساحل",
    "خليج",
    "مضيق",
    "جبل",
    "وادي",
    "سهل",
    "نهر",
    "بحر",
    "معبر",
    "سجن",
    "مخيم",
    "قضاء",
    "اقليم",
    "اقاليم",
    "لاعب",
    "مدافع",
    "مهاجم",
    "حارس",
    "مدرب",
    "نجم",
    "قائد",
    "رئيس",
    "مدير",
    "سفير",
    "مواطن",
];

/// Whether the alias at `range` is its entry's name without the owner
/// the name gives it with the preposition ل («الجمعية العامة» of «الجمعية
/// العامة للأمم المتحدة»), and the chunk does not make that owner its own:
/// the owner is named nowhere in the chunk, or another owner or the
/// adjective of a company's meeting follows the span («الجمعية العامة
/// للشركة», «الجمعية العامة العادية», «غير العادية»).
fn owner_missing(key: &str, range: Range<usize>, matcher: &Matcher) -> bool {
    let span = &key[range.clone()];
    let Some(entry) = matcher.listing(span) else {
        return false;
    };
    let name = crate::gazetteer::matching_key_of(&entry.name);
    let Some(rest) = name.strip_prefix(span).and_then(|r| r.strip_prefix(" ل")) else {
        return false;
    };
    // «للأمم المتحدة»: the owner is «الأمم المتحدة».
    let owner = match rest.strip_prefix('ل') {
        Some(r) => format!("ال{r}"),
        None => rest.to_owned(),
    };
    let next = key[range.end..]
        .strip_prefix(' ')
        .and_then(|n| n.split(|c: char| !is_word_char(c)).next())
        .unwrap_or("");
    !key.contains(owner.as_str())
        || next
            .strip_prefix('ل')
            .is_some_and(|r| !r.is_empty() && !owner.contains(r))
        || matches!(next, "العاديه" | "غير")
}

/// Whether a person's name as written ends with a preposition or particle
/// written with ى that its matching key folds into a name: «مدينة الملك
/// عبدالعزيز على حسن الاستضافة» ("… for the hospitality") is no «عبد
/// العزيز علي».
fn ends_with_a_preposition(written: &str) -> bool {
    let last = written.rsplit(' ').next().unwrap_or("");
    let bare: String = last
        .chars()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))
        .collect();
    written.contains(' ') && COLLISIONS.contains(&bare.as_str())
}

/// Words (matching keys, a proclitic allowed) that head the name of a
/// university, or of several.
const UNIVERSITIES: &[&str] = &["جامعه", "جامعات", "جامعتي"];

/// Whether the place `c`, joined by «و» to what comes before it, closes a
/// list of universities whose first names a university: «جامعة هارفارد
/// وجامعة كورنيل وشيكاغو وتورنتو», «جامعات السوربون، وأكسفورد، وبولونيا»
/// (the head «جامعة» is left out before the later names). Walking back
/// from the place, every word is joined by «و» until a university's name
/// («جامعة X», «وجامعة X»); at most eight words.
fn in_list_of_universities(key: &str, c: &Candidate) -> bool {
    let ws = word_start(key, c.range.start);
    if &key[ws..c.range.start] != "و" {
        return false;
    }
    let head = |w: &str| {
        CLITICS
            .iter()
            .filter_map(|p| w.strip_prefix(p))
            .any(|rest| UNIVERSITIES.contains(&rest))
    };
    let words: Vec<&str> = key[..ws]
        .rsplit(' ')
        .map(|w| w.trim_end_matches(['،', ',']))
        .filter(|w| !w.is_empty())
        .take(8)
        .collect();
    for (i, w) in words.iter().enumerate() {
        if head(w) {
            return true;
        }
        if !w.starts_with('و') && !words.get(i + 1).is_some_and(|n| head(n)) {
            return false;
        }
    }
    false
}

/// Whether the place `c` is written right before a name in Latin letters
/// (after a closing quote or one space, perhaps a parenthesis) that is not
/// its own English name (attribute `en`): «منصة “فلوري” Flurry» is an app,
/// not Vlorë; «كولاي E. coli» a bacterium, not Kulai. «ستوكهولم
/// Stockholm», «الرياض (Riyadh)» stay; so does a place before an address
/// («h.sandokji@…») or before a line break (a page's «Next Previous»).
fn before_another_latin_name<'o>(
    key: &str,
    c: &Candidate,
    matcher: &Matcher,
    written: &dyn Fn(Range<usize>) -> &'o str,
) -> bool {
    let mut end = (c.range.end + 80).min(key.len());
    while !key.is_char_boundary(end) {
        end -= 1;
    }
    if end <= c.range.end {
        return false;
    }
    let after = written(c.range.end..end);
    let after = after.trim_start_matches(['”', '"', '»', '\'', '’']);
    let after = after.strip_prefix(' ').unwrap_or(after);
    let after = after.strip_prefix('(').unwrap_or(after);
    if !after.starts_with(|ch: char| ch.is_ascii_alphabetic()) {
        return false;
    }
    let latin = after
        .split(|ch: char| !(ch.is_ascii_alphanumeric() || " .-'@/:_".contains(ch)))
        .next()
        .unwrap_or("");
    if latin.contains('@') || latin.contains("www") || latin.contains("http") {
        return false;
    }
    let Some(english) = c
        .norm
        .as_deref()
        .and_then(|n| matcher.listing(&crate::gazetteer::matching_key_of(n)))
        .filter(|e| c.id.as_ref() == Some(&e.id))
        .and_then(|e| e.attr("en"))
    else {
        return false;
    };
    let letters = |t: &str| -> String {
        t.chars()
            .filter(char::is_ascii_alphabetic)
            .map(|ch| ch.to_ascii_lowercase())
            .collect()
    };
    let stem: String = letters(english).chars().take(4).collect();
    !stem.is_empty() && !letters(latin).contains(&stem)
}

#[cfg(test)]
mod tests {
    /// The ids of the names the default extractor (no model) finds in
    /// `text`, with their text.
    fn linked(text: &str) -> Vec<(String, String)> {
        static EXTRACTOR: std::sync::LazyLock<crate::extract::Extractor> =
            std::sync::LazyLock::new(|| {
                crate::extract::Extractor::builder()
                    .default_model(false)
                    .build()
                    .unwrap()
            });
        EXTRACTOR
            .extract(text)
            .into_iter()
            .filter_map(|e| Some((e.text, e.id?.to_string())))
            .collect()
    }

    #[test]
    fn the_word_before_is_one_of_the_words_with_or_without_its_proclitics() {
        use super::{CLITICS, PLACE_BEFORE, after_one_of, word_before_space, word_start};
        // (key, whether a word of PLACE_BEFORE, proclitics allowed,
        // stands right before the last word, one space between).
        let cases = [
            ("في جده", true),
            ("وفي جده", true),
            ("فبمدينه جده", true),
            ("للمنطقه الشرقيه", false),
            ("ولمنطقه الشرقيه", true),
            ("وكفي جده", false),
            ("اوفي جده", false),
            ("فيه جده", false),
            ("في  جده", false),
            ("جده", false),
        ];
        for (key, want) in cases {
            let last = key.rfind(' ').map_or(0, |i| i + 1);
            // At the last word's start, and inside it (its start counts).
            for start in [last, last + "ج".len()] {
                assert_eq!(
                    after_one_of(key, start, PLACE_BEFORE),
                    want,
                    "{key:?} at {start}"
                );
            }
            // The same as one comparison for each proclitic and word.
            let each = word_before_space(key, word_start(key, last)).is_some_and(|w| {
                CLITICS
                    .iter()
                    .filter_map(|c| w.strip_prefix(c))
                    .any(|rest| PLACE_BEFORE.contains(&rest))
            });
            assert_eq!(each, want, "{key:?}");
        }
    }

    #[test]
    fn ordinary_words_are_no_aliases() {
        // (case, text, an entity id that must not be linked).
        let unlinked = [
            (
                "a preposition and a noun",
                "وظل اللاعب يؤدي التدريبات بحماس كبير وجدية تامة",
                "kashf:org:hamas",
            ),
            (
                "a noun the news writes with the article",
                "وطرحت الشركة جهاز هجين يجمع بين الحاسوب واللوحي",
                "Q5639989",
            ),
            (
                "an adjective's accusative",
                "وكان الشاب كفيفاً منذ ولادته",
                "kashf:org:fifa",
            ),
            (
                "a conjunction and a noun with its hamza",
                "تمنت معلمة وأم لستة أبناء أن تشاركهم فرحتهم",
                "kashf:org:emirates-news-agency",
            ),
        ];
        assert_none_linked(&unlinked);
        // The feminine nisba, not the country.
        for text in [
            "وأظهرت اللقطات حطام طائرة سورية وسط المنطقة",
            "كانت سارة وهي مقيمة سورية تقول إنها",
            "اتضح بأنها سورية الجنسية ومطلوبة",
        ] {
            let got = linked(text);
            assert!(!got.iter().any(|(t, _)| t == "سورية"), "{text}: {got:?}");
        }
        let got = linked("وقالت إنها سافرت إلى سورية عبر تركيا");
        assert!(got.iter().any(|(t, _)| t == "سورية"), "{got:?}");
        // A company's general assembly; the Copa América; a hotel.
        let more = [
            (
                "a company's meeting",
                "وافقت الجمعية العامة غير العادية لشركة الصناعات الزجاجية على زيادة رأس المال",
                "kashf:org:united-nations-general-assembly",
            ),
            (
                "a company's meeting in an article that names the UN",
                "وقال إن الأمم المتحدة رحبت. ودعت الشركة إلى اجتماع الجمعية العامة للشركة",
                "kashf:org:united-nations-general-assembly",
            ),
            (
                "a tournament",
                "وخسر المنتخب نهائي كوبا أمريكا أمام تشيلي",
                "kashf:country:united-states",
            ),
            (
                "a hotel, the name in quotes",
                "وستشارك في مهرجان فندق «شانقريلا» بأبوظبي الشهر المقبل",
                "Q363479",
            ),
            (
                "a cup",
                "وتأهل المنتخب إلى نهائيات كأس آسيا",
                "kashf:region:asia",
            ),
        ];
        assert_none_linked(&more);
        let got = linked("وألقى كلمة أمام الجمعية العامة في دورتها السبعين في مقر الأمم المتحدة");
        assert!(
            got.iter()
                .any(|(t, i)| t == "الجمعية العامة"
                    && i == "kashf:org:united-nations-general-assembly"),
            "{got:?}"
        );
        // The same spellings where they are the names: (case, text, the name
        // as found, proclitics outside, its id).
        let still = [
            (
                "another mention supports it",
                "وقال متحدث باسم حركة حماس إن الاتصالات بحماس مستمرة",
                "حماس",
                "kashf:org:hamas",
            ),
            (
                "a preposition and the name",
                "وقال إن الأجهزة الأمنية التابعة لحماس اعتقلت نشطاء",
                "حماس",
                "kashf:org:hamas",
            ),
            (
                "the agency as it writes itself",
                "أبوظبي (وام) - أعلنت الحكومة",
                "وام",
                "kashf:org:emirates-news-agency",
            ),
        ];
        assert_linked(&still);
    }

    #[test]
    fn words_of_other_names_link_nothing() {
        // (case, text, an entity id that must not be linked).
        let unlinked = [
            (
                "a bank named in English",
                "وقال بنك أوف أمريكا ميريل لينش إن أسعار النفط ستتراجع",
                "kashf:country:united-states",
            ),
            (
                "a club and a foreign nationality adjective",
                "بدأ جولته بالفوز على أمريكا المكسيكي بهدف",
                "kashf:country:united-states",
            ),
            (
                "a club and its own nationality adjective",
                "وتعادل مع فالنسيا الإسباني سلبيا",
                "Q8818",
            ),
            (
                "a club with a Latin connector",
                "حين تغلب على أميركا دي كالي الكولومبي في النهائي",
                "kashf:country:united-states",
            ),
            (
                "a stadium named after a person",
                "فاز الفريق على ضيفه بثلاثية على ستاد سانتياجو برنابيو ضمن الدوري",
                "Q2887",
            ),
            (
                "a stadium named after its city",
                "وتقام المباراة على استاد القاهرة الدولي",
                "Q85",
            ),
            (
                "a preposition written with ى after a name",
                "وعبر عن شكره للمسؤولين في مدينة الملك عبدالعزيز على حسن الاستضافة",
                "kashf:person:abdulaziz-ali",
            ),
            (
                "another town, a compass noun after",
                "حرس الحدود المرابطون بمحافظة ظهران الجنوب أمس",
                "Q268915",
            ),
            (
                "a troupe, its name in quotes",
                "وشاركت فرقة «مكة» للفنون الشعبية في المهرجان",
                "Q5806",
            ),
            (
                "a school",
                "وتقدم طلاب مدرسة الرقة الثانوية للامتحانات",
                "Q283368",
            ),
            (
                "a college",
                "وقال أستاذ في كلية لندن للاقتصاد إن النمو تباطأ",
                "Q84",
            ),
            (
                "the last of a list of universities",
                "وتعاونت مع جامعة هارفارد وجامعة كورنيل وشيكاغو وتورنتو في البحث",
                "Q172",
            ),
            (
                "a list of universities, a name without its head",
                "وتعاونت مع جامعة هارفارد وجامعة كورنيل وشيكاغو وتورنتو في البحث",
                "kashf:city:us-chicago",
            ),
            (
                "a list of universities with commas",
                "وتخرج في جامعات السوربون، وأكسفورد، وبولونيا",
                "kashf:city:it-bologna",
            ),
            (
                "an app and its Latin name",
                "وأطلقت الشركة منصة “فلوري” Flurry لتحليل التطبيقات",
                "Q159610",
            ),
        ];
        assert_none_linked(&unlinked);
        // (case, text, the place, its id).
        let still = [
            (
                "an envoy after the country",
                "وقال المبعوث الدولي إلى سوريا دي ميستورا إن",
                "سوريا",
                "kashf:country:syria",
            ),
            (
                "the city and a feminine adjective",
                "وصل الوفد إلى فالنسيا الإسبانية أمس",
                "فالنسيا",
                "Q8818",
            ),
            (
                "the country alone",
                "وعاد الوفد من أمريكا أمس",
                "أمريكا",
                "kashf:country:united-states",
            ),
            (
                "a compass point before",
                "وقعت الحادثة جنوب الرياض أمس",
                "الرياض",
                "Q3692",
            ),
            (
                "a stadium listed as itself",
                "وفاز أرسنال على تشيلسي على ملعب «ويمبلي» في لندن",
                "ويمبلي",
                "Q146858",
            ),
            (
                "a port and its country's adjective",
                "وصلت الشحنة إلى ميناء العقبة الأردني أمس",
                "العقبة",
                "Q180522",
            ),
            (
                "a list of cities",
                "وزار الوفد شيكاغو وبوسطن وتورنتو الشهر الماضي",
                "تورنتو",
                "Q172",
            ),
            (
                "a city after a university's name",
                "ودرس في جامعة هارفارد ثم انتقل إلى تورنتو للعمل",
                "تورنتو",
                "Q172",
            ),
            (
                "a place and its English name",
                "وهي حالة تعرف بمتلازمة ستوكهولم Stockholm بين الرهائن",
                "ستوكهولم",
                "Q1754",
            ),
            (
                "the English name in parentheses",
                "وقال إن الرياض (Riyadh) تستضيف المؤتمر",
                "الرياض",
                "Q3692",
            ),
            (
                "a troupe travels to the city",
                "وصلت الفرقة إلى مكة أمس",
                "مكة",
                "Q5806",
            ),
        ];
        assert_linked(&still);
    }

    /// Asserts of every (case, text, id) that nothing in the text is linked
    /// to the id.
    fn assert_none_linked(cases: &[(&str, &str, &str)]) {
        for (name, text, id) in cases {
            let got = linked(text);
            assert!(!got.iter().any(|(_, i)| i == id), "case {name}: {got:?}");
        }
    }

    /// Asserts of every (case, text, name, id) that the name, as found in
    /// the text, is linked to the id.
    fn assert_linked(cases: &[(&str, &str, &str, &str)]) {
        for (case, text, name, id) in cases {
            let got = linked(text);
            assert!(
                got.iter().any(|(t, i)| t == name && i == id),
                "case {case}: {name} is not {id} in {got:?}"
            );
        }
    }
}
