//! Resolution: which gazetteer entry each name is, whatever found it.
//!
//! Detection (the gazetteer matcher, the context rules, the tagger) says
//! where a name is and what kind; this stage says which entity. In: the
//! resolved (sorted, non-overlapping) candidates of one chunk. Out: the same
//! candidates, every person, place and organisation that no finder linked
//! looked up against the gazetteers ([`Matcher::resolve_at`]), first hit
//! wins:
//!
//! 1. `exact`: its matching key is an entry's name; `alias`: another
//!    spelling the entry lists (also a minor place listed with `cue=place`,
//!    which the matcher alone finds only after a place noun);
//! 2. `variant`: a transliteration variant of a spelling of a foreign entry,
//!    with the variant guards of [`crate::gazetteer`] (no Arabic word, no
//!    frequent word, not the adjective, not next to a person's name for a
//!    place, …), the same code the matcher's own variant search runs, so
//!    they are tuned in one place;
//! 3. `fuzzy`: for a place or organisation of at least
//!    [`crate::gazetteer::FUZZY_LETTERS`] letters, one vowel letter (ا و
//!    ي) more or fewer, or a doubled letter written once more, makes the
//!    listed spelling of exactly one place or organisation (a typo).
//!
//! A place that none of these finds and whose last word is the feminine
//! nisba of its own country («الرقة السورية», «لوس أنجلوس الأمريكية») is
//! the listed place before the nisba.
//!
//! A hit takes the entry's `id`, its name as `norm`, and says how in
//! `link`, when the entry has the candidate's label. A span the tagger
//! takes beyond a listed name comes here with no id (the tagger carries a
//! list's id only onto a span that does not reach past the listed name),
//! so it is linked only if the whole span resolves: «مانشستر سيتي» is no
//! Manchester, «مجلس الأمن القومي» no Security Council. The one label this
//! stage corrects: a span the tagger alone calls a person whose key is
//! listed for a place, right after a word that introduces a place («في»,
//! «إلى», a place noun) or as the place of a dateline (first on its line,
//! a dash after it: «يريفان - قال …»), is that place (the tagger
//! misreads places in reported speech and datelines).
//!
//! The guards of this stage, on top of the matcher's (see
//! [`Matcher::resolve_at`]):
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
//! Then, for every name linked as a listed spelling (`alias`) by any finder,
//! the guard on ordinary words ([`drop_ordinary_words`]): a one-word alias
//! that reads as an ordinary Arabic word («بحماس» "with enthusiasm», «هجين»
//! "hybrid", «كفيفاً» "blind") is linked only when the chunk names the same
//! entity in another way too. The same pass drops a place inside the name
//! of an event, a venue, a club, a bank or another place built on it
//! («كوبا أمريكا», «بنك أوف أمريكا», «أمريكا المكسيكي», «ظهران الجنوب»).
//! Last, [`prefer_fitting_entries`] chooses the entry a title fits: the
//! province after «أمير» («أمير مكة»), the royal after «الأمير».
//!
//! Scope: one chunk, read-only lookups in the shared matcher; the result
//! depends only on the chunk.

use std::ops::Range;

use crate::doc::{
    Candidate, Chunk, Label, Link, Source, is_word_char, word_before_space, word_start,
};
use crate::gazetteer::{Entry, Matcher};
use crate::values::mark_after;
use crate::vocab::lists::NATIONALITIES;
use crate::vocab::{COLLISIONS, frequent};

/// Words (matching keys) after which a listed place is a place, whatever
/// the tagger says: prepositions of place and place nouns.
const PLACE_BEFORE: &[&str] = &[
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

/// Proclitics before a word of [`ORG_HEADS`] or [`PLACE_BEFORE`].
const CLITICS: &[&str] = &["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل"];

/// Place types that are towns: feminine in Arabic, so a masculine nisba
/// after one agrees with something else (a club).
const TOWN_TYPES: &[&str] = &["city", "capital", "town"];

/// Resolves the names of one chunk in place (see the module docs).
pub(crate) fn resolve(chunk: &Chunk<'_>, matcher: &Matcher, cands: &mut [Candidate]) {
    for c in cands.iter_mut() {
        if c.id.is_some() || !matches!(c.label, Label::Person | Label::Place | Label::Org) {
            continue;
        }
        let key = chunk.key;
        let hit = matcher.resolve_at(chunk, c.range.clone()).or_else(|| {
            (c.label == Label::Place)
                .then(|| place_of_its_country(chunk, c.range.clone(), matcher))
                .flatten()
        });
        let Some((entry, link)) = hit else {
            continue;
        };
        let label = if entry.label == c.label {
            c.label
        } else if c.label == Label::Person
            && entry.label == Label::Place
            && c.source == Source::Model
            && link.is_listed()
            && word_start(key, c.range.start) == c.range.start
            && (after_one_of(key, c.range.start, PLACE_BEFORE)
                || in_dateline(chunk.text, c.range.clone()))
        {
            Label::Place
        } else {
            continue;
        };
        if label == Label::Place
            && (after_one_of(key, c.range.start, ORG_HEADS)
                || entry.attr("type").is_some_and(|t| TOWN_TYPES.contains(&t))
                    && masculine_nisba_after(key, c.range.end))
        {
            continue;
        }
        if label == Label::Person
            && one_name(&key[c.range.clone()])
            && entry.attr("src") == Some("anercorp")
        {
            continue;
        }
        if inside_other_name(key, c.range.clone(), entry, matcher)
            || before_other_name(key, c.range.clone(), entry, matcher)
        {
            continue;
        }
        c.label = label;
        c.id = Some(entry.id.clone());
        c.norm = Some(entry.name.to_string());
        c.link = Some(link);
    }
}

/// Drops the one-word aliases of a chunk that read as ordinary Arabic words
/// and that nothing else in the chunk supports (see [`ordinary_word`]): a
/// name only the gazetteer found goes, one a rule or the tagger found keeps
/// its span and loses its link. Support is another mention of the same
/// entity in the chunk that is no such reading: «لحماس» ("for Hamas") in
/// an article that names «حركة حماس» stays linked; «بحماس كبير» ("with
/// great enthusiasm") in an article about a concert goes.
///
/// `written` gives the original text of a range of the normalised one
/// (whose alef folds hide a hamza).
pub(crate) fn drop_ordinary_words<'o>(
    chunk: &Chunk<'_>,
    matcher: &Matcher,
    written: &dyn Fn(Range<usize>) -> &'o str,
    cands: &mut Vec<Candidate>,
) {
    let ordinary: Vec<bool> = cands
        .iter()
        .map(|c| {
            c.link == Some(Link::Alias)
                && ordinary_word(chunk, c.range.clone(), c.label, matcher, written)
        })
        .collect();
    let supported = |id: &str| {
        cands
            .iter()
            .zip(&ordinary)
            .any(|(c, &o)| !o && c.id.as_deref() == Some(id))
    };
    let drop: Vec<bool> = cands
        .iter()
        .zip(&ordinary)
        .map(|(c, &o)| {
            o && !c.id.as_deref().is_some_and(supported)
                || c.id.is_some()
                    && c.label == Label::Place
                    && (in_event_or_venue(chunk.key, c)
                        || nisba_of_a_noun(chunk.key, c)
                        || in_name_after_place(chunk.key, c, cands))
                || c.link == Some(Link::Alias) && owner_missing(chunk.key, c.range.clone(), matcher)
                || c.id.is_some()
                    && c.label == Label::Person
                    && ends_with_a_preposition(written(c.range.clone()))
        })
        .collect();
    let mut i = 0;
    cands.retain_mut(|c| {
        let gone = drop[i];
        i += 1;
        if !gone {
            return true;
        }
        if matches!(c.source, Source::Gazetteer | Source::Variant) {
            return false;
        }
        c.id = None;
        c.norm = None;
        c.link = None;
        true
    });
}

/// Words (matching keys, a proclitic allowed) that head the name of a
/// club, bank or company named after a place, and the English «of» of
/// such names: «نادي أبها», «بنك قطر الدولي», «بنك أوف أمريكا».
const NAMED_AFTER: &[&str] = &["نادي", "فريق", "بنك", "بانك", "مصرف", "شركه", "اوف"];

/// The connectors of Spanish, Portuguese and Italian names: «أميركا دي
/// كالي» (América de Cali), «ريو دي جانيرو».
const CONNECTORS: &[&str] = &["دي", "دو", "ديل", "دا"];

/// Nouns of a compass point that follow a place's name to make another
/// place's: «ظهران الجنوب» is a town of Asir, not Dhahran (the news
/// writes "the south of X" as «جنوب X», before it).
const COMPASS_AFTER: &[&str] = &["الجنوب", "الشمال"];

/// Whether the place `c` is a word of another name built on it, whose
/// bearer is no place:
/// - right after a word that heads the name of a club, bank or company
///   ([`NAMED_AFTER`]): «بنك أوف أمريكا», «فريق أبها»;
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
        && after_one_of(key, c.range.start, NAMED_AFTER)
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

/// The word right after `end`, one space between, if a word follows.
fn word_after(key: &str, end: usize) -> Option<&str> {
    let next = key[end..].strip_prefix(' ')?;
    let word = next.split(|c: char| !is_word_char(c)).next()?;
    (!word.is_empty()).then_some(word)
}

/// Words (matching keys, a proclitic allowed) after which a city whose
/// province bears its name is the province: «أمير مكة», «إمارة مكة»,
/// «منطقة مكة المكرمة».
const PROVINCE_BEFORE: &[&str] = &["منطقه", "اماره", "امير"];

/// Royal titles (matching keys, a proclitic allowed; after the ل of
/// «للأمير» the article has lost its alef).
const ROYAL: &[&str] = &[
    "الامير",
    "الاميره",
    "الملك",
    "الملكه",
    "سمو",
    "لامير",
    "لاميره",
    "لملك",
    "لملكه",
];

/// The houses of the Arab monarchies, as the lists write a royal's full
/// name: «أحمد بن عبد العزيز آل سعود».
const HOUSES: &[&str] = &[
    "سعود",
    "نهيان",
    "مكتوم",
    "ثاني",
    "خليفه",
    "صباح",
    "سعيد",
    "قاسمي",
];

/// Countries (ISO codes) with princes and kings, and the former kingdoms
/// whose kings the news still names (Egypt, Iraq, Libya, Iran,
/// Afghanistan).
const MONARCHIES: &[&str] = &[
    "SA", "AE", "QA", "BH", "KW", "OM", "JO", "MA", "GB", "ES", "NL", "BE", "LU", "LI", "MC", "SE",
    "NO", "DK", "JP", "TH", "BN", "MY", "KH", "BT", "SZ", "LS", "TO", "EG", "IQ", "LY", "IR", "AF",
];

/// Chooses, for a linked name, the entry its title fits, where the lists
/// hold another entry of that name (run after [`drop_ordinary_words`]):
/// - a city after «منطقة», «إمارة» or «أمير», when a province «منطقة
///   <city>» is listed, is that province: «أمير مكة» governs the Makkah
///   region; «مكة المكرمة» alone stays the city;
/// - a person after a royal title is the royal whose full name the lists
///   give with his house («الأمير أحمد بن عبدالعزيز» is «أحمد بن عبد
///   العزيز آل سعود», not a Tunisian of that name); where the lists hold
///   no such name, an entry of a country with no princes or kings is a
///   namesake, and the name keeps no id.
pub(crate) fn prefer_fitting_entries(
    chunk: &Chunk<'_>,
    matcher: &Matcher,
    cands: &mut [Candidate],
) {
    let key = chunk.key;
    for c in cands.iter_mut() {
        let Some(id) = c.id.as_deref() else {
            continue;
        };
        if word_start(key, c.range.start) != c.range.start {
            continue;
        }
        let span = &key[c.range.clone()];
        let better = match c.label {
            Label::Place if after_one_of(key, c.range.start, PROVINCE_BEFORE) => {
                let name = c.norm.as_deref().map(crate::gazetteer::matching_key_of);
                [Some(span.to_owned()), name]
                    .into_iter()
                    .flatten()
                    .find_map(|n| matcher.listing(&format!("منطقه {n}")))
                    .filter(|e| e.label == Label::Place && e.id.as_ref() != id)
            }
            Label::Person if after_one_of(key, c.range.start, ROYAL) => {
                let royal = HOUSES
                    .iter()
                    .find_map(|h| matcher.listing(&format!("{span} ال {h}")))
                    .filter(|e| e.label == Label::Person);
                if royal.is_none()
                    && matcher
                        .listing(span)
                        .filter(|e| e.id.as_ref() == id)
                        .and_then(|e| e.attr("cc"))
                        .is_some_and(|cc| !MONARCHIES.contains(&cc))
                {
                    c.id = None;
                    c.norm = None;
                    c.link = None;
                }
                royal
            }
            _ => None,
        };
        if let Some(e) = better {
            c.id = Some(e.id.clone());
            c.norm = Some(e.name.to_string());
            c.link = Some(Link::Alias);
        }
    }
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
    let at = key[..c.range.start]
        .trim_end_matches(['«', '"', '“', '\'', '('])
        .len();
    let named = c.norm.as_deref().map(crate::gazetteer::matching_key_of);
    let a_venue = named.is_some_and(|n| {
        n.split(' ')
            .next()
            .is_some_and(|w| VENUES.contains(&w) && n.contains(' '))
    });
    word_start(key, c.range.start) == c.range.start
        && after_one_of(key, at, EVENT_OR_VENUE)
        && !a_venue
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
fn ordinary_word<'o>(
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

/// Whether `text[range]` stands where a dateline names its place: first on
/// its line, and followed by a dash, perhaps after an agency in
/// parentheses («يريفان - قال», «الخرطوم (رويترز) - قال»), as the dates'
/// dateline reads it. Not a colon, which the dates' dateline takes too: a
/// name first on its line before a colon is, in the news corpus, a speaker
/// («غازي: …» in a dialogue), not a place.
fn in_dateline(text: &str, range: Range<usize>) -> bool {
    let line = text[..range.start].rsplit('\n').next().unwrap_or("");
    line.chars().all(char::is_whitespace)
        && mark_after(text, range.end).is_some_and(|c| matches!(c, '-' | '–' | '—'))
}

/// Whether the word right before the word that `start` lies in (one
/// space between) is one of `words`, with or without proclitics
/// ([`CLITICS`]).
fn after_one_of(key: &str, start: usize, words: &[&str]) -> bool {
    word_before_space(key, word_start(key, start)).is_some_and(|w| {
        CLITICS
            .iter()
            .filter_map(|c| w.strip_prefix(c))
            .any(|rest| words.contains(&rest))
    })
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

/// The listed place a span names when it ends with the feminine nisba of
/// that place's own country, which agrees with a town or country: «الرقة
/// السورية», «لوس أنجلوس الأمريكية», «سالزبورغ النمساوية» are Raqqa, Los
/// Angeles and Salzburg. The nisba must name the place's country (its
/// `cc`), so «الكونغو الديمقراطية» is no Congo and «أمريكا اللاتينية» no
/// United States; only listed spellings (`exact`, `alias`) count.
fn place_of_its_country<'m>(
    chunk: &Chunk<'_>,
    range: Range<usize>,
    matcher: &'m Matcher,
) -> Option<(&'m Entry, Link)> {
    let key = chunk.key;
    let (head, nisba) = key[range.clone()].rsplit_once(' ')?;
    if !nisba.ends_with("يه") {
        return None;
    }
    let country = country_of_nisba(nisba, matcher)?;
    let (entry, link) = matcher.resolve_at(chunk, range.start..range.start + head.len())?;
    let same_country = entry.attr("cc").is_some() && entry.attr("cc") == country.attr("cc");
    (link.is_listed() && entry.label == Label::Place && entry.id != country.id && same_country)
        .then_some((entry, link))
}

/// The country whose nisba with the article `nisba` (a matching key,
/// masculine or feminine) is: «السورية», «السوري» → سوريا; «اليمني» →
/// اليمن; «النمساوية» → النمسا; «الأمريكي» → أمريكا; «الألمانية» →
/// ألمانيا.
fn country_of_nisba<'m>(nisba: &str, matcher: &'m Matcher) -> Option<&'m Entry> {
    let rest = nisba.strip_prefix("ال")?;
    let stem = rest.strip_suffix("يه").or_else(|| rest.strip_suffix('ي'))?;
    if stem.chars().count() < 3 {
        return None;
    }
    // The country's name from its nisba: سوري → سوريا, يمن → اليمن,
    // نمساو → النمسا, امريك → امريكا, الماني → المانيا.
    let bare = stem.strip_suffix('و').unwrap_or(stem);
    [
        stem.to_owned(),
        format!("ال{stem}"),
        format!("{stem}ا"),
        format!("ال{bare}"),
        format!("{bare}ا"),
        format!("{stem}يا"),
    ]
    .into_iter()
    .find_map(|k| matcher.listing(&k))
    .filter(|e| e.label == Label::Place && e.attr("type") == Some("country"))
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

/// Whether the word after `end` (one space between) is a masculine nisba
/// with the article: «الإيطالي», «الإسباني» (not «الإيطالية»).
fn masculine_nisba_after(key: &str, end: usize) -> bool {
    let Some(next) = key[end..].strip_prefix(' ') else {
        return false;
    };
    let word = next.split(|c: char| !is_word_char(c)).next().unwrap_or("");
    word.starts_with("ال") && word.ends_with('ي') && word.chars().count() >= 5
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::TestChunk;
    use crate::gazetteer::{Gazetteer, HEADER, matching_key_of};

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
        // The same spellings where they are the names.
        let still = [
            (
                "another mention supports it",
                "وقال متحدث باسم حركة حماس إن الاتصالات بحماس مستمرة",
                "بحماس",
                "kashf:org:hamas",
            ),
            (
                "a preposition and the name",
                "وقال إن الأجهزة الأمنية التابعة لحماس اعتقلت نشطاء",
                "لحماس",
                "kashf:org:hamas",
            ),
            (
                "the agency as it writes itself",
                "أبوظبي (وام) - أعلنت الحكومة",
                "وام",
                "kashf:org:emirates-news-agency",
            ),
        ];
        for (name, text, word, id) in still {
            let got = linked(text);
            assert!(
                got.iter()
                    .any(|(t, i)| word.ends_with(t.as_str()) && i == id),
                "case {name}: {got:?}"
            );
        }
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
        ];
        for (name, text, place, id) in still {
            let got = linked(text);
            assert!(
                got.iter().any(|(t, i)| t == place && i == id),
                "case {name}: {got:?}"
            );
        }
    }

    #[test]
    fn titles_choose_among_entries_of_one_name() {
        // (case, text, the name, the id it must have, or none).
        let cases = [
            (
                "the emir of a province",
                "وقال أمير مكة إن الخطة نجحت",
                "مكة",
                Some("kashf:region:sa-makkah-province"),
            ),
            (
                "the principality of a province",
                "وأعلنت إمارة مكة أن الحج آمن",
                "مكة",
                Some("kashf:region:sa-makkah-province"),
            ),
            (
                "the city",
                "ووصل الحجاج إلى مكة المكرمة أمس",
                "مكة المكرمة",
                Some("Q5806"),
            ),
            (
                "a prince and his house",
                "وأعرب عن شكره للأمير أحمد بن عبدالعزيز على مواساته",
                "أحمد بن عبدالعزيز",
                Some("kashf:person:ahmed-ben-abdelaziz-al-saoud"),
            ),
            (
                "a namesake without a title",
                "وقال المدرب أحمد بن عبدالعزيز إن الفريق جاهز",
                "أحمد بن عبدالعزيز",
                Some("kashf:person:ahmed-ben-abdelaziz"),
            ),
            (
                "a prince no list holds",
                "واستقبل الأمير عاطف جنيات الوفد",
                "عاطف جنيات",
                None,
            ),
            (
                "a king",
                "وقال الملك سلمان بن عبدالعزيز إن المملكة",
                "سلمان بن عبدالعزيز",
                Some("kashf:person:king-salman"),
            ),
        ];
        for (name, text, span, want) in cases {
            let got = linked_or_not(text);
            assert!(
                got.iter().any(|(t, i)| t == span && i.as_deref() == want),
                "case {name}: {got:?}"
            );
        }
    }

    /// Asserts of every (case, text, id) that nothing in the text is linked
    /// to the id.
    fn assert_none_linked(cases: &[(&str, &str, &str)]) {
        for (name, text, id) in cases {
            let got = linked(text);
            assert!(!got.iter().any(|(_, i)| i == id), "case {name}: {got:?}");
        }
    }

    /// The names the default extractor (no model) finds in `text`, with
    /// their ids.
    fn linked_or_not(text: &str) -> Vec<(String, Option<String>)> {
        crate::extract::Extractor::builder()
            .default_model(false)
            .build()
            .unwrap()
            .extract(text)
            .into_iter()
            .map(|e| (e.text, e.id.map(|i| i.to_string())))
            .collect()
    }

    const ROWS: &str = "\
Q567\tPERSON\tأولاف شولتس\tأولاف شولتز\tcc=DE
Q3874799\tPERSON\tفولوديمير زيلينسكي\tزيلينسكي\tcc=UA
Q813\tPLACE\tقيرغيزستان\tقرغيزيا\tcc=KG;type=country
Q1025\tPLACE\tموريتانيا\t\tcc=MR;type=country
Q1963\tPLACE\tالخرطوم\t\tcc=SD;type=city
Q1492\tPLACE\tبرشلونة\t\tcc=ES;type=city
Q1065\tORG\tالأمم المتحدة\t\t
Q2\tPERSON\tمحمود عباس\t\t
Q220\tPLACE\tروما\t\tcc=IT;type=capital
Q190948\tPLACE\tأبها\t\tcc=SA;type=city
Q3692\tPLACE\tالرياض\t\tcc=SA;type=capital
Q87\tPLACE\tالإسكندرية\t\tcc=EG;type=city
Q4117277\tPLACE\tالحزم\t\tcc=YE;type=adm2;cue=place
kashf:person:mhmd\tPERSON\tمحمد\t\tsrc=anercorp
Q1049\tPLACE\tالسودان\t\tcc=SD;type=country
Q958\tPLACE\tجنوب السودان\t\tcc=SS;type=country
Q851\tPLACE\tالسعودية\t\tcc=SA;type=country
Q30\tPLACE\tالولايات المتحدة\tأميركا\tcc=US;type=country
Q18\tPLACE\tأمريكا الجنوبية\tأميركا الجنوبية\ttype=continent
kashf:person:bd-alzyz\tPERSON\tعبد العزيز\t\tsrc=anercorp
Q858\tPLACE\tسوريا\tسورية\tcc=SY;type=country
Q79\tPLACE\tمصر\t\tcc=EG;type=country
Q283368\tPLACE\tالرقة\t\tcc=SY;type=city
";

    /// Resolves one candidate of `label` found by `source` over `span` in
    /// `text`: its label, id and link afterwards.
    fn resolved(
        text: &str,
        span: &str,
        label: Label,
        source: Source,
    ) -> (Label, Option<String>, Option<Link>) {
        let g = Gazetteer::parse(&format!("{HEADER}\n{ROWS}"), "test.tsv").unwrap();
        let matcher = Matcher::new(&[g]).unwrap();
        let t = TestChunk::new(text);
        let chunk = t.chunk();
        let at = chunk
            .key
            .find(&matching_key_of(span))
            .unwrap_or_else(|| panic!("{span} in {text}"));
        let range = at..at + matching_key_of(span).len();
        let mut cands = [Candidate::new(range, label, source)];
        resolve(&chunk, &matcher, &mut cands);
        let c = &cands[0];
        (c.label, c.id.as_deref().map(str::to_owned), c.link)
    }

    #[test]
    fn names_are_resolved_whatever_found_them() {
        use Label::{Org, Person, Place};
        use Link::{Alias, Exact, Fuzzy, Variant};
        use Source::{Model, Rule};
        type Case<'a> = (
            &'a str,
            &'a str,
            &'a str,
            Label,
            Source,
            Label,
            Option<&'a str>,
            Option<Link>,
        );
        #[rustfmt::skip]
        let cases: &[Case<'_>] = &[
            ("name, rule", "قال المستشار أولاف شولتس إن", "أولاف شولتس", Person, Rule, Person, Some("Q567"), Some(Exact)),
            ("alias, rule", "قال المستشار أولاف شولتز إن", "أولاف شولتز", Person, Rule, Person, Some("Q567"), Some(Alias)),
            ("alias, tagger", "وصل الوفد إلى قرغيزيا أمس", "قرغيزيا", Place, Model, Place, Some("Q813"), Some(Alias)),
            ("variant of a foreign person", "وقال زيلنسكي إن", "زيلنسكي", Person, Model, Person, Some("Q3874799"), Some(Variant)),
            ("a dropped vowel letter", "وصل الوفد إلى موريتنيا أمس", "موريتنيا", Place, Model, Place, Some("Q1025"), Some(Fuzzy)),
            ("a doubled letter", "وصل الوفد إلى موريتانييا أمس", "موريتانييا", Place, Model, Place, Some("Q1025"), Some(Fuzzy)),
            ("no fuzzy link for people", "قال محمود عباسي إن", "محمود عباسي", Person, Rule, Person, None, None),
            ("the article after لل", "وقال للأمم المتحدة إن", "لأمم المتحدة", Org, Rule, Org, Some("Q1065"), Some(Exact)),
            ("a team named after its city", "فاز فريق برشلونة", "برشلونة", Org, Rule, Org, None, None),
            ("a place the tagger calls a person, after في", "قال إن الوضع في الخرطوم هادئ", "الخرطوم", Person, Model, Place, Some("Q1963"), Some(Exact)),
            ("not after ب (بدرو is Pedro)", "وقال بالخرطوم إن", "الخرطوم", Person, Model, Person, None, None),
            ("not elsewhere", "قال الخرطوم إن", "الخرطوم", Person, Model, Person, None, None),
            ("not what a rule calls a person", "قال إن الوضع في الخرطوم هادئ", "الخرطوم", Person, Rule, Person, None, None),
            ("a club the tagger calls a place", "فاز على روما الإيطالي", "روما", Place, Model, Place, None, None),
            ("the city", "وصل إلى روما الإيطالية", "روما", Place, Model, Place, Some("Q220"), Some(Exact)),
            ("inside an organisation's name", "نشاط نادي أبها الأدبي", "أبها", Place, Model, Place, None, None),
            ("a minor place after a place noun", "في مديرية الحزم بمحافظة الجوف", "الحزم", Place, Model, Place, Some("Q4117277"), Some(Exact)),
            ("a minor place elsewhere", "قال إن الحزم مطلوب", "الحزم", Place, Model, Place, None, None),
            ("a one-word person from ANERcorp", "وقال محمد إن", "محمد", Person, Model, Person, None, None),
            ("part of a longer listed name", "الحرب في جنوب السودان", "السودان", Place, Model, Place, None, None),
            ("with a proclitic", "وقال إن وجنوب السودان", "السودان", Place, Model, Place, None, None),
            ("the country", "الحرب في السودان", "السودان", Place, Model, Place, Some("Q1049"), Some(Exact)),
            ("the nisba after a definite noun", "في السوق السعودية", "السعودية", Place, Model, Place, None, None),
            ("a place in a body's name", "منسوبي هيئة الرياض", "الرياض", Place, Model, Place, None, None),
            ("a doubled letter inside", "وصل إلى الإسكندرييه", "الإسكندرييه", Place, Model, Place, Some("Q87"), Some(Fuzzy)),
            ("never the last letter", "وصل إلى الإسكندري", "الإسكندري", Place, Model, Place, None, None),
            ("part of a longer listed name after it", "اتحاد أميركا الجنوبية لكرة القدم", "أميركا", Place, Model, Place, None, None),
            ("the name alone", "وصل إلى أميركا أمس", "أميركا", Place, Model, Place, Some("Q30"), Some(Alias)),
            ("a town and its country's nisba", "سيطروا على الرقة السورية أمس", "الرقة السورية", Place, Model, Place, Some("Q283368"), Some(Exact)),
            ("a town and another country's nisba", "وصلوا إلى الرقة المصرية", "الرقة المصرية", Place, Model, Place, None, None),
            ("a town and another adjective", "وصلوا إلى الرقة الجديدة", "الرقة الجديدة", Place, Model, Place, None, None),
            ("a country and its own nisba", "وصلوا إلى سوريا السورية", "سوريا السورية", Place, Model, Place, None, None),
            ("a town and a nisba, but a person", "قال الرقة السورية", "الرقة السورية", Person, Model, Person, None, None),
            ("a dateline the tagger calls a person", "الخرطوم - قال الرئيس إن", "الخرطوم", Person, Model, Place, Some("Q1963"), Some(Exact)),
            ("a dateline with an agency, on a later line", "عنوان الخبر\n الخرطوم (رويترز) - قال", "الخرطوم", Person, Model, Place, Some("Q1963"), Some(Exact)),
            ("a speaker, not a dateline", "عنوان الخبر\nالخرطوم: قال", "الخرطوم", Person, Model, Person, None, None),
            ("not inside a line", "وقال الخرطوم - إن", "الخرطوم", Person, Model, Person, None, None),
            ("not without the dash", "الخرطوم قال إن", "الخرطوم", Person, Model, Person, None, None),
            ("one name of two words from ANERcorp", "في عهد الملك عبد العزيز", "عبد العزيز", Person, Model, Person, None, None),
        ];
        for (name, text, span, label, source, want_label, want_id, want_link) in cases {
            let got = resolved(text, span, *label, *source);
            assert_eq!(
                got,
                (*want_label, want_id.map(str::to_owned), *want_link),
                "case {name}: {span} in {text}"
            );
        }
    }

    #[test]
    fn a_name_a_finder_linked_keeps_its_entry() {
        let g = Gazetteer::parse(&format!("{HEADER}\n{ROWS}"), "test.tsv").unwrap();
        let matcher = Matcher::new(&[g]).unwrap();
        let t = TestChunk::new("وصل إلى موريتانيا");
        let chunk = t.chunk();
        let at = chunk.key.find("موريتانيا").unwrap();
        let mut cands = [Candidate {
            id: Some("Q0".into()),
            ..Candidate::new(at..chunk.key.len(), Label::Place, Source::Gazetteer)
        }];
        resolve(&chunk, &matcher, &mut cands);
        assert_eq!((cands[0].id.as_deref(), cands[0].link), (Some("Q0"), None));
    }
}
