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
//! [`Matcher::resolve_at`]), are in [`super::guards`]: a place inside the
//! name of an organisation, an event or a venue, a one-name person from
//! ANERcorp, a span that is part of another listed name, a one-word alias
//! that reads as an ordinary word. A name they refuse at lookup keeps its
//! span and no id; once the chunk is linked, whatever found its names,
//! [`drop_ordinary_words`] unlinks those they take back (and drops a name
//! only the gazetteer found). Last, [`prefer_fitting_entries`] chooses the
//! entry a title fits: the province after «أمير» («أمير مكة»), the royal
//! after «الأمير».
//!
//! Scope: one chunk, read-only lookups in the shared matcher; the result
//! depends only on the chunk.

use std::ops::Range;

use super::guards::{self, PLACE_BEFORE, after_one_of, ordinary_word};
use crate::doc::{Candidate, Chunk, Label, Link, Source, word_start};
use crate::gazetteer::{Entry, Matcher};
use crate::values::mark_after;

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
        if guards::refuses(key, c.range.clone(), label, entry, matcher) {
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
                || guards::unlinks(chunk.key, c, cands, matcher, written)
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
/// - a city after «منطقة», «إمارة» or «أمير», when a province «منطقة»
///   and the city's name is listed, is that province: «أمير مكة» governs
///   the Makkah region; «مكة المكرمة» alone stays the city;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::TestChunk;
    use crate::gazetteer::{Gazetteer, HEADER, matching_key_of};

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
