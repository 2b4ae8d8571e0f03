//! The word tables the stages share: what kashf knows of a word before it
//! reads any context.
//!
//! In: a word's matching key (see [`crate::normalize::matching_key`]). Out:
//! which embedded lists hold it, as the bits of [`known`] (one hash lookup
//! answers every list), whether it is a frequent news word ([`frequent`]),
//! and what its shape says ([`shape`]: a form of a frequent Arabic word, an
//! inflected verb or noun, a foreign surname ending).
//!
//! The gazetteer's matcher, the context rules, the learned tagger and the
//! linking of partial mentions all read these tables; none of them owns
//! them, so that each stage imports them from here instead of from another
//! stage. The lists themselves are in [`lists`]: the hand-written trigger
//! words (titles, reporting verbs, place nouns, organisation heads, …) and
//! the nationality adjectives derived from the embedded countries; the
//! name lexicons and frequent-word lists are embedded from
//! `gazetteers/names/` and `gazetteers/frequent-words.txt` (derived by
//! `gazetteers/names/generate.py`, sources in `gazetteers/SOURCES.md`).
//!
//! Invariant: every word is a matching key, and the bits of [`known`] say
//! exactly what the lists say (a test checks every list word with every
//! proclitic).
//!
//! The word lists are also one vocabulary ([`Vocab`]): every word of the
//! frequent-word, name-word and name lexicon lists, of the rules' lists
//! (with the proclitic readings the `*_C` bits answer) and of the tagger's
//! word clusters gets one id and one record: the flags saying which word
//! lists hold it ([`flag`]) and its [`bit`]s, answered by one hash probe of
//! a table generated ahead of time and read in place. The pipeline probes
//! it once for each word of a chunk ([`Vocab::lex_into`], the chunk's
//! [`Lex`](crate::doc::Lex) records): the rules read the bits from there,
//! the variant search the flags, and the tagger finds its table of scored
//! words by the word id, so that most words cost one probe for all of them.
//!
//! # The tables
//!
//! The tables are generated from their sources (the word lists and
//! gazetteers under `gazetteers/`, read by the code that defines them) and
//! committed under `gazetteers/tables/`; the library embeds them with
//! `include_bytes!` and reads them in place (the format: [`table`]), so
//! startup parses nothing. `build.rs` fingerprints the sources; a table
//! generated from other sources than this build's (a list edited since) is
//! not used: the library builds it from the sources instead, as the
//! generator would, which gives the same results at the old startup cost.
//! The test `embedded_tables_are_what_the_generator_writes` fails while a
//! table is stale; regenerate with
//!
//! ```sh
//! KASHF_UPDATE_TABLES=1 cargo test --release --lib tables_are_what
//! ```
//!
//! and commit `gazetteers/tables/`.
//!
//! Invariants: word ids are dense (`0..len`), the words sorted by their
//! UTF-8 bytes, so that the table is the same bytes whatever order the
//! lists are read in; a word no list or cluster holds has no id, flags 0
//! and bits 0; a word of the clusters alone has an id, flags 0 and bits 0.

pub(crate) mod lists;
pub(crate) mod shape;
pub(crate) mod table;
mod words;

#[cfg(test)]
pub(crate) use words::cluster_words;
pub(crate) use words::{CLUSTERS, Vocab, WordId, flag, has as in_lists};

use std::sync::LazyLock;

use crate::hash::{FastMap, FastSet};
use crate::normalize::matching_key;
use lists::{
    AFTER_NAME, CLUB_HEADS, FUNCTION_WORDS, INSTITUTION_HEADS, NATIONALITIES, ORG_HEADS, PARTICLES,
    PLACE_NOUNS, PLACE_NOUNS_ARTICLE, PLACE_PLURALS, REGNAL, TEAM_NOUNS, THAT, TITLE_MODIFIERS,
    TITLES_BY_FIRST, VERBS,
};

/// The embedded lexicons, as matching keys: read to generate the
/// vocabulary, whose records the stages read instead ([`bit::FIRST`],
/// [`bit::NAME`], [`bit::COMMON`] of [`known`]).
struct Lexicons {
    /// Tokens that start a person name.
    first: FastSet<&'static str>,
    /// Every person-name token (first names and surnames).
    names: FastSet<&'static str>,
    /// Frequent news words (name tokens included).
    common: FastSet<&'static str>,
}

fn lines(text: &'static str) -> FastSet<&'static str> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect()
}

static LEXICONS: LazyLock<Lexicons> = LazyLock::new(|| Lexicons {
    first: lines(include_str!("../../gazetteers/names/first-names.txt")),
    names: lines(include_str!("../../gazetteers/names/name-tokens.txt")),
    common: lines(include_str!("../../gazetteers/names/common-words.txt")),
});

/// Words the normalised text writes with ى whose key is a name (على → علي).
pub(crate) const COLLISIONS: &[&str] = &["على", "الى", "إلى", "حتى", "متى", "لدى", "سوى"];

/// Proclitics a trigger word may carry: a conjunction, then a preposition.
pub(crate) const CLITICS: &[&str] = &["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"];

/// Proclitics set aside before a name the lexicons know: [`CLITICS`]
/// without «ك». "Like" before a bare name is rare in news, and names and
/// words that start with «ك» are not: «كريس», «كريتر», «كلية» read as
/// «ك» + a name token («ريس», «ريتر», «لية»). In 300 news files the rules
/// and the tagger started 28 spans after a glued «ك»; one was right
/// («كجابر بن حيان»). (The gazetteer still reads «كبيشاور».)
pub(crate) const NAME_CLITICS: &[&str] = &["و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"];

/// What the rules know of a word, as bits of [`known`]: which lists hold
/// the word itself, and (`*_C`) which trigger lists hold it once a
/// proclitic is set aside. One lookup per word answers every list; the
/// lists stay the source of truth.
pub(crate) mod bit {
    pub const FIRST: u32 = 1 << 0;
    pub const NAME: u32 = 1 << 1;
    pub const COMMON: u32 = 1 << 2;
    pub const FUNCTION: u32 = 1 << 3;
    pub const PARTICLE: u32 = 1 << 4;
    pub const REGNAL: u32 = 1 << 5;
    pub const AFTER_NAME: u32 = 1 << 6;
    pub const TITLE_MODIFIER: u32 = 1 << 7;
    pub const THAT: u32 = 1 << 8;
    pub const PLACE_NOUN: u32 = 1 << 9;
    pub const PLACE_PLURAL: u32 = 1 << 10;
    pub const PLACE_NOUN_ARTICLE: u32 = 1 << 11;
    /// The key of a word [`super::COLLISIONS`] lists (على → علي).
    pub const COLLISION: u32 = 1 << 12;
    /// `in_set_with_clitic` (the tests' reading) of the place nouns and plurals.
    pub const PLACE_NOUN_C: u32 = 1 << 13;
    pub const PLACE_PLURAL_C: u32 = 1 << 14;
    /// `matches_with_clitic` (the tests' reading) of a generic place noun (منطقة).
    pub const GENERIC_C: u32 = 1 << 15;
    /// The first word of a title, with [`super::clitic_readings`].
    pub const TITLE_C: u32 = 1 << 16;
    /// An organisation head after one of [`super::CLITICS`] (or none).
    pub const ORG_HEAD_C: u32 = 1 << 17;
    /// A first name after one of [`super::NAME_CLITICS`] (or none).
    pub const FIRST_C: u32 = 1 << 18;
    /// A reporting verb, after و or ف or none.
    pub const VERB_C: u32 = 1 << 19;
    /// An [`super::INSTITUTION_HEADS`], [`super::CLUB_HEADS`] or
    /// [`super::TEAM_NOUNS`] word after
    /// one of [`super::CLITICS`] (or none).
    pub const PLACE_ORG_C: u32 = 1 << 20;
    /// A nationality adjective with the article ([`super::NATIONALITIES`]),
    /// after و or none.
    pub const NATIONALITY_C: u32 = 1 << 21;
}

/// Generic place nouns: a feminine word after them is an adjective far
/// more often than a name («منطقة عازلة»).
pub(crate) const GENERIC_PLACE_NOUNS: &[&str] = &["منطقه", "مناطق", "المنطقه"];

/// Every word the rules' lists hold, with its [`bit`]s: what the
/// vocabulary's generator writes into each word's record ([`known`] reads
/// it from there).
pub(crate) fn known_words() -> FastMap<String, u32> {
    let mut map: FastMap<String, u32> = FastMap::default();
    let mut add = |w: &str, b: u32| *map.entry(w.to_owned()).or_default() |= b;
    for (set, b) in [
        (&LEXICONS.first, bit::FIRST),
        (&LEXICONS.names, bit::NAME),
        (&LEXICONS.common, bit::COMMON),
    ] {
        for w in set {
            add(w, b);
        }
    }
    for (set, b) in [
        (&*FUNCTION_WORDS, bit::FUNCTION),
        (&*PARTICLES, bit::PARTICLE),
        (&*REGNAL, bit::REGNAL),
        (&*AFTER_NAME, bit::AFTER_NAME),
        (&*TITLE_MODIFIERS, bit::TITLE_MODIFIER),
        (&*THAT, bit::THAT),
        (&*PLACE_NOUNS, bit::PLACE_NOUN),
        (&*PLACE_PLURALS, bit::PLACE_PLURAL),
        (&*PLACE_NOUNS_ARTICLE, bit::PLACE_NOUN_ARTICLE),
    ] {
        for w in set {
            add(w, b);
        }
    }
    let mut key = String::new();
    for w in COLLISIONS {
        matching_key(w, &mut key);
        add(&key, bit::COLLISION);
    }
    // The spellings whose readings (`clitic_readings`) include `w`: `w`,
    // each proclitic + `w`, and لل/ولل + the rest for a word with ال.
    let readings_of = |w: &str| {
        let mut out = vec![w.to_owned()];
        out.extend(CLITICS.iter().map(|c| format!("{c}{w}")));
        if let Some(rest) = w.strip_prefix("ال") {
            out.push(format!("لل{rest}"));
            out.push(format!("ولل{rest}"));
        }
        out
    };
    let with_clitics = |w: &str, clitics: &[&str]| {
        std::iter::once(w.to_owned())
            .chain(clitics.iter().map(|c| format!("{c}{w}")))
            .collect::<Vec<_>>()
    };
    for (set, b) in [
        (&*PLACE_NOUNS, bit::PLACE_NOUN_C),
        (&*PLACE_PLURALS, bit::PLACE_PLURAL_C),
    ] {
        for w in set {
            readings_of(w).iter().for_each(|r| add(r, b));
        }
    }
    for w in GENERIC_PLACE_NOUNS {
        readings_of(w).iter().for_each(|r| add(r, bit::GENERIC_C));
    }
    for w in TITLES_BY_FIRST.keys() {
        readings_of(w).iter().for_each(|r| add(r, bit::TITLE_C));
    }
    for w in &*ORG_HEADS {
        with_clitics(w, CLITICS)
            .iter()
            .for_each(|r| add(r, bit::ORG_HEAD_C));
    }
    for w in INSTITUTION_HEADS
        .iter()
        .chain(&*CLUB_HEADS)
        .chain(&*TEAM_NOUNS)
    {
        with_clitics(w, CLITICS)
            .iter()
            .for_each(|r| add(r, bit::PLACE_ORG_C));
    }
    for w in &LEXICONS.first {
        with_clitics(w, NAME_CLITICS)
            .iter()
            .for_each(|r| add(r, bit::FIRST_C));
    }
    for w in &*VERBS {
        with_clitics(w, &["و", "ف"])
            .iter()
            .for_each(|r| add(r, bit::VERB_C));
    }
    for w in &*NATIONALITIES {
        with_clitics(w, &["و"])
            .iter()
            .for_each(|r| add(r, bit::NATIONALITY_C));
    }
    map
}

/// The [`known`] bits of the name lexicons (first names, name tokens).
pub(crate) const NAME_BITS: u32 = bit::FIRST | bit::NAME;

/// The [`known`] bit of function words (في، من، عن …).
pub(crate) const FUNCTION_BIT: u32 = bit::FUNCTION;

/// The [`known`] bit of name particles (بن، أبو، آل، دي …).
pub(crate) const PARTICLE_BIT: u32 = bit::PARTICLE;

/// The [`known`] bit of regnal numbers (الأول، الثاني …).
pub(crate) const REGNAL_BIT: u32 = bit::REGNAL;

/// The [`bit`]s of a word (matching key); 0 for a word no list holds.
/// One probe of the vocabulary; a stage that reads a chunk's words has
/// them in [`Chunk::lex`](crate::doc::Chunk::lex) already.
pub(crate) fn known(k: &str) -> u32 {
    Vocab::get().bits(k)
}

/// Whether a word (matching key) has any of `bits`.
pub(crate) fn has(k: &str, bits: u32) -> bool {
    known(k) & bits != 0
}

/// The words `key` can be once a proclitic is set aside: itself, itself
/// without each proclitic, and ال + the rest after لل/ولل (للرئيس is ل +
/// الرئيس). `matches_with_clitic(key, w)` holds for exactly these `w`.
pub(crate) fn clitic_readings(key: &str) -> impl Iterator<Item = std::borrow::Cow<'_, str>> {
    use std::borrow::Cow;
    let lil = key
        .strip_prefix("لل")
        .or_else(|| key.strip_prefix("ولل"))
        .map(|rest| Cow::Owned(format!("ال{rest}")));
    std::iter::once(Cow::Borrowed(key)).chain(lil).chain(
        CLITICS
            .iter()
            .filter_map(move |c| key.strip_prefix(c).map(Cow::Borrowed)),
    )
}

/// Whether `key` is one of `set`'s words, with at most a proclitic before
/// it. (The pipeline asks the `*_C` bits of [`known`], which hold the same;
/// tests check that they do.)
#[cfg(test)]
pub(crate) fn in_set_with_clitic(key: &str, set: &FastSet<String>) -> bool {
    clitic_readings(key).any(|w| set.contains(w.as_ref()))
}

/// Whether `key` is `word` with at most a proclitic before it (للرئيس is
/// ل + الرئيس).
#[cfg(test)]
pub(crate) fn matches_with_clitic(key: &str, word: &str) -> bool {
    clitic_readings(key).any(|w| w == word)
}

/// Whether `word` (a matching key) is a frequent news word: one of the
/// name lexicons' 12,000 common words or of the 42,000 frequent ones (one
/// lookup in the vocabulary answers both).
pub(crate) fn frequent(word: &str) -> bool {
    in_lists(word, flag::COMMON | flag::FREQUENT)
}

/// Whether a word (matching key) is one of the frequent news words
/// (`gazetteers/frequent-words.txt`, 42,000 of them). The matcher asks it
/// of names glued to other words (بنوك is no ب + نوك).
pub(crate) fn is_frequent_word(word: &str) -> bool {
    in_lists(word, flag::FREQUENT)
}

/// Words a proclitic and a one-word gazetteer name make that the news writes
/// more often than the name alone, with the span the matcher would read in
/// them (`gazetteers/glued-words.txt`): «وكيل» (deputy) and «كيل» (Kiel),
/// «فريد» (unique; Farid) and «ريد», «والكوت» (Walcott) and «الكوت» (Kut).
static GLUED: std::sync::LazyLock<crate::hash::FastSet<(&'static str, &'static str)>> =
    std::sync::LazyLock::new(|| {
        include_str!("../../gazetteers/glued-words.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect()
    });

/// Whether the news writes `word` (a matching key) more often than the name
/// `span` a proclitic makes of it ([`GLUED`]): the word is not that
/// proclitic and name.
pub(crate) fn glued(word: &str, span: &str) -> bool {
    GLUED.contains(&(word, span))
}

#[cfg(test)]
mod tests {
    use super::lists::{ORG_HEADS, PLACE_NOUNS, PLACE_PLURALS, VERBS};
    use super::*;

    #[test]
    fn lexicons_are_sorted_unique_keys() {
        for (name, text) in [
            (
                "first-names.txt",
                include_str!("../../gazetteers/names/first-names.txt"),
            ),
            (
                "name-tokens.txt",
                include_str!("../../gazetteers/names/name-tokens.txt"),
            ),
            (
                "common-words.txt",
                include_str!("../../gazetteers/names/common-words.txt"),
            ),
        ] {
            let words: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
            assert!(!words.is_empty(), "{name} is empty");
            for pair in words.windows(2) {
                assert!(pair[0] < pair[1], "{name}: {:?} not sorted/unique", pair);
            }
            let mut key = String::new();
            for w in &words {
                matching_key(w, &mut key);
                assert_eq!(w, &key, "{name}: {w:?} is not a matching key");
                assert!(!w.contains(' '), "{name}: {w:?} has a space");
            }
        }
    }

    #[test]
    fn known_bits_agree_with_the_lists() {
        // Every list word with every proclitic, the لل forms, and the words
        // of the fixture texts: the bits must say what the lists say.
        let mut words: Vec<String> = Vec::new();
        let lists = [&*PLACE_NOUNS, &*PLACE_PLURALS, &*ORG_HEADS, &*VERBS];
        for w in lists.into_iter().flatten().chain(TITLES_BY_FIRST.keys()) {
            words.push(w.clone());
            for c in CLITICS.iter().chain(&["لل", "ولل", "ال", "بال"]) {
                words.push(format!("{c}{w}"));
                if let Some(rest) = w.strip_prefix("ال") {
                    words.push(format!("{c}{rest}"));
                }
            }
        }
        let mut key = String::new();
        for text in [
            include_str!("../../fixtures/news/01-ukraine.txt"),
            include_str!("../../fixtures/news/02-syria.txt"),
        ] {
            matching_key(text, &mut key);
            words.extend(
                key.split(|c: char| !crate::doc::is_word_char(c))
                    .map(str::to_owned),
            );
        }
        let first: FastSet<String> = LEXICONS.first.iter().map(|w| w.to_string()).collect();
        for w in &words {
            let k = w.as_str();
            let ctx = |what: &str| format!("{what} of {k:?}");
            assert_eq!(
                super::has(k, bit::PLACE_NOUN_C),
                in_set_with_clitic(k, &PLACE_NOUNS),
                "{}",
                ctx("place noun")
            );
            assert_eq!(
                super::has(k, bit::PLACE_PLURAL_C),
                in_set_with_clitic(k, &PLACE_PLURALS),
                "{}",
                ctx("place plural")
            );
            let generic = GENERIC_PLACE_NOUNS
                .iter()
                .any(|n| matches_with_clitic(k, n));
            assert_eq!(super::has(k, bit::GENERIC_C), generic, "{}", ctx("generic"));
            let nationality = NATIONALITIES.contains(k)
                || k.strip_prefix('و')
                    .is_some_and(|r| NATIONALITIES.contains(r));
            assert_eq!(
                super::has(k, bit::NATIONALITY_C),
                nationality,
                "{}",
                ctx("nationality")
            );
            let title = clitic_readings(k).any(|r| TITLES_BY_FIRST.contains_key(r.as_ref()));
            assert_eq!(super::has(k, bit::TITLE_C), title, "{}", ctx("title"));
            let org = ORG_HEADS.contains(k)
                || CLITICS
                    .iter()
                    .any(|c| k.strip_prefix(c).is_some_and(|r| ORG_HEADS.contains(r)));
            assert_eq!(
                super::has(k, bit::ORG_HEAD_C),
                org,
                "{}",
                ctx("organisation head")
            );
            let first_c = first.contains(k)
                || NAME_CLITICS
                    .iter()
                    .any(|c| k.strip_prefix(c).is_some_and(|r| first.contains(r)));
            assert_eq!(
                super::has(k, bit::FIRST_C),
                first_c,
                "{}",
                ctx("first name")
            );
            let verb = ["", "و", "ف"]
                .iter()
                .any(|c| k.strip_prefix(c).is_some_and(|r| VERBS.contains(r)));
            assert_eq!(super::has(k, bit::VERB_C), verb, "{}", ctx("verb"));
            assert_eq!(
                super::has(k, bit::COMMON),
                LEXICONS.common.contains(k),
                "{}",
                ctx("common")
            );
            assert_eq!(
                super::has(k, bit::NAME),
                LEXICONS.names.contains(k),
                "{}",
                ctx("name")
            );
        }
        assert!(words.len() > 1000, "only {} words tried", words.len());
    }
}
