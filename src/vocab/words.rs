//! The vocabulary: every word a stage knows one id, one record of flags
//! saying which word lists hold it and of the bits of the rules' lists
//! (see the [module docs](super)).

use std::ops::Range;
use std::sync::LazyLock;

use super::table::{self, Reader, StrMap, U16s, U32s, Writer, leak, load};
use crate::doc::Lex;

/// A word's id in the vocabulary.
pub(crate) type WordId = u32;

/// Which lists hold a word: the bits of a record's flags.
pub(crate) mod flag {
    /// `gazetteers/frequent-words.txt`: the news's frequent words, never a
    /// transliteration variant.
    pub const FREQUENT: u16 = 1 << 0;
    /// `gazetteers/names/common-words.txt`: the name lexicons' frequent
    /// news words.
    pub const COMMON: u16 = 1 << 1;
    /// `gazetteers/names/first-names.txt`.
    pub const FIRST_NAME: u16 = 1 << 2;
    /// `gazetteers/names/name-tokens.txt`.
    pub const NAME_TOKEN: u16 = 1 << 3;
    /// `gazetteers/name-words.txt`, class `arabic` (or any but `foreign`).
    pub const ARABIC_NAME: u16 = 1 << 4;
    /// `gazetteers/name-words.txt`, class `foreign`.
    pub const FOREIGN_NAME: u16 = 1 << 5;
    /// `gazetteers/names/weak-name-tokens.txt`.
    pub const WEAK_NAME: u16 = 1 << 6;
    /// A place noun of [`super::super::lists::PLACE_CUES`], alone or after
    /// one of [`super::super::CLITICS`].
    pub const PLACE_CUE: u16 = 1 << 7;
}

/// The word lists, as the stages that own them read them: the lines that
/// are neither empty nor comments (`#`).
const LISTS: &[(&str, u16)] = &[
    (
        include_str!("../../gazetteers/frequent-words.txt"),
        flag::FREQUENT,
    ),
    (
        include_str!("../../gazetteers/names/common-words.txt"),
        flag::COMMON,
    ),
    (
        include_str!("../../gazetteers/names/first-names.txt"),
        flag::FIRST_NAME,
    ),
    (
        include_str!("../../gazetteers/names/name-tokens.txt"),
        flag::NAME_TOKEN,
    ),
    (
        include_str!("../../gazetteers/names/weak-name-tokens.txt"),
        flag::WEAK_NAME,
    ),
];

/// `gazetteers/name-words.txt`: a word, a tab, its class.
const NAME_WORDS: &str = include_str!("../../gazetteers/name-words.txt");

/// The word clusters of the tagger's features
/// (`gazetteers/model/clusters.tsv`, derived from unlabelled news by
/// `scripts/clusters.py`: a word, a tab, its cluster at three levels). Its
/// words are the vocabulary's too, so that the tagger's table of scored
/// words is read by word id.
pub(crate) const CLUSTERS: &str = include_str!("../../gazetteers/model/clusters.tsv");

/// The words of [`CLUSTERS`], sorted by their bytes, without duplicates.
pub(crate) fn cluster_words() -> Vec<&'static str> {
    let mut words: Vec<&str> = CLUSTERS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(w, _)| w))
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// The embedded vocabulary table, as generated.
const EMBEDDED: &[u8] = include_bytes!("../../gazetteers/tables/words.bin");

/// The vocabulary: words, ids, records.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Vocab {
    words: StrMap<'static>,
    flags: U16s<'static>,
    /// The [`super::bit`]s of each word.
    bits: U32s<'static>,
}

/// The table name of the vocabulary.
const KIND: &[u8; 4] = b"WORD";

/// The fingerprint of the vocabulary's sources (`build.rs`).
fn inputs() -> u64 {
    table::fingerprint(env!("KASHF_TABLE_INPUTS_WORDS"))
}

impl Vocab {
    /// The vocabulary: the embedded table, or, if it was generated from
    /// other sources than this build's, the table built now.
    pub(crate) fn get() -> &'static Vocab {
        static VOCAB: LazyLock<Vocab> = LazyLock::new(|| {
            load(EMBEDDED, KIND, inputs(), Vocab::read)
                .unwrap_or_else(|| Vocab::read(leak(generate())).expect("the generator's table"))
        });
        &VOCAB
    }

    fn read(bytes: &'static [u8]) -> Result<Vocab, table::ReadError> {
        let (mut r, _) = Reader::open(bytes, KIND)?;
        let words = StrMap::read(&mut r)?;
        let flags = r.u16s()?;
        let bits = r.u32s()?;
        r.end()?;
        if flags.len() != words.len() || bits.len() != words.len() {
            return Err(format!(
                "{} flags and {} bits for {} words",
                flags.len(),
                bits.len(),
                words.len()
            ));
        }
        Ok(Vocab { words, flags, bits })
    }

    /// The id of `word` (a matching key), if a list holds it.
    #[inline]
    pub(crate) fn id(&self, word: &str) -> Option<WordId> {
        self.words.get(word)
    }

    /// The [`flag`]s of word `id`.
    #[inline]
    pub(crate) fn flags_of(&self, id: WordId) -> u16 {
        self.flags.get(id as usize)
    }

    /// The [`flag`]s of `word`: 0 if no list holds it.
    #[inline]
    pub(crate) fn flags(&self, word: &str) -> u16 {
        self.id(word).map_or(0, |id| self.flags_of(id))
    }

    /// The [`super::bit`]s of `word`: 0 if no list of the rules holds it.
    #[inline]
    pub(crate) fn bits(&self, word: &str) -> u32 {
        self.id(word).map_or(0, |id| self.bits.get(id as usize))
    }

    /// What the vocabulary knows of `word`, from one probe.
    #[inline]
    pub(crate) fn lex(&self, word: &str) -> Lex {
        self.id(word).map_or(Lex::default(), |id| Lex {
            id: Some(id),
            flags: self.flags.get(id as usize),
            bits: self.bits.get(id as usize),
        })
    }

    /// Puts into `out` the [`Lex`] of each of `words` (ranges of `key`, a
    /// matching key): one probe a word, once a chunk, for every stage.
    pub(crate) fn lex_into(&self, key: &str, words: &[Range<usize>], out: &mut Vec<Lex>) {
        out.clear();
        out.extend(words.iter().map(|w| self.lex(&key[w.clone()])));
    }

    /// How many words.
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }

    /// Word `id`.
    pub(crate) fn word(&self, id: WordId) -> &'static str {
        self.words.str(id)
    }
}

/// Whether `word` (a matching key) is in a list of `flags`.
#[inline]
pub(crate) fn has(word: &str, flags: u16) -> bool {
    Vocab::get().flags(word) & flags != 0
}

/// The vocabulary table, made from the lists, the rules' lists
/// ([`super::known_words`]) and the words of the clusters.
pub(crate) fn generate() -> Vec<u8> {
    let known = super::known_words();
    let cues: Vec<String> = super::lists::PLACE_CUES
        .iter()
        .flat_map(|n| {
            std::iter::once(n.to_string())
                .chain(super::CLITICS.iter().map(move |c| format!("{c}{n}")))
        })
        .collect();
    let mut all: std::collections::BTreeMap<&str, u16> = std::collections::BTreeMap::new();
    for (text, f) in LISTS {
        for w in text
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            *all.entry(w).or_default() |= f;
        }
    }
    for w in known.keys().map(String::as_str).chain(cluster_words()) {
        all.entry(w).or_default();
    }
    for w in &cues {
        *all.entry(w).or_default() |= flag::PLACE_CUE;
    }
    // The variant guards read the file into a map: the last class given
    // for a word is its class.
    for (w, class) in NAME_WORDS
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
    {
        let f = all.entry(w).or_default();
        *f &= !(flag::ARABIC_NAME | flag::FOREIGN_NAME);
        *f |= if class == "foreign" {
            flag::FOREIGN_NAME
        } else {
            flag::ARABIC_NAME
        };
    }
    let words: Vec<&str> = all.keys().copied().collect();
    let flags: Vec<u16> = all.values().copied().collect();
    let bits: Vec<u32> = words
        .iter()
        .map(|w| known.get(*w).copied().unwrap_or(0))
        .collect();
    let mut w = Writer::new(KIND, inputs());
    StrMap::write(&words, &mut w);
    w.u16s(&flags);
    w.u32s(&bits);
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::super::table::check_embedded;
    use super::*;

    #[test]
    fn embedded_tables_are_what_the_generator_writes() {
        check_embedded("words.bin", EMBEDDED, &generate());
    }

    #[test]
    fn the_vocabulary_holds_every_word_of_every_list_with_its_flags() {
        let vocab = Vocab::read(leak(generate())).unwrap();
        for (text, f) in LISTS {
            for w in text
                .lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
            {
                assert!(vocab.flags(w) & f != 0, "{w:?} lacks flag {f:#x}");
            }
        }
        assert_eq!(vocab.flags("زرنوخخ"), 0);
        assert_eq!(vocab.id(""), None);
        // Sorted, dense ids.
        let words: Vec<&str> = (0..vocab.len() as u32).map(|i| vocab.word(i)).collect();
        assert!(words.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(vocab.id(words[17]), Some(17));
    }

    #[test]
    fn every_word_of_the_rules_lists_has_its_bits_and_every_cluster_word_an_id() {
        let vocab = Vocab::read(leak(generate())).unwrap();
        let known = super::super::known_words();
        assert!(known.len() > 10_000, "{} words", known.len());
        for (w, &b) in &known {
            assert_eq!(vocab.bits(w), b, "{w:?}");
            let lex = vocab.lex(w);
            assert_eq!((lex.id, lex.bits), (vocab.id(w), b), "{w:?}");
            assert_eq!(lex.flags, vocab.flags(w), "{w:?}");
        }
        // Words no list holds: no bits (and a word no stage knows, no id).
        let clusters = cluster_words();
        assert!(clusters.len() > 50_000, "{} cluster words", clusters.len());
        for w in &clusters {
            assert!(vocab.id(w).is_some(), "{w:?}");
            assert_eq!(vocab.bits(w), known.get(*w).copied().unwrap_or(0), "{w:?}");
        }
        assert_eq!(vocab.lex("زرنوخخ"), Lex::default());
    }

    #[test]
    fn the_place_cues_are_flagged_with_each_proclitic_and_nothing_else_is() {
        let vocab = Vocab::read(leak(generate())).unwrap();
        let mut cues = 0;
        for n in super::super::lists::PLACE_CUES {
            for c in std::iter::once(&"").chain(super::super::CLITICS) {
                let w = format!("{c}{n}");
                assert!(vocab.flags(&w) & flag::PLACE_CUE != 0, "{w}");
                cues += 1;
            }
        }
        let flagged = (0..vocab.len() as WordId)
            .filter(|&id| vocab.flags_of(id) & flag::PLACE_CUE != 0)
            .count();
        assert_eq!(flagged, cues);
        for w in ["المنطقه", "مركز", "دائره", "مدينه_", "المدينه", "ومدينتان"]
        {
            assert_eq!(vocab.flags(w) & flag::PLACE_CUE, 0, "{w}");
        }
    }

    #[test]
    fn a_chunk_s_records_are_each_word_s_own() {
        let mut key = String::new();
        crate::normalize::matching_key("قال الرئيس والقاهرة زرنوخخ، في 2015 abc", &mut key);
        let key = key.as_str();
        let mut words: Vec<Range<usize>> = Vec::new();
        crate::doc::words_into(key, &mut words);
        assert_eq!(words.len(), 7);
        assert_eq!(&key[words[3].clone()], "زرنوخخ");
        let vocab = Vocab::get();
        let mut out = vec![Lex::default(); 2];
        vocab.lex_into(key, &words, &mut out);
        assert_eq!(out.len(), words.len());
        for (w, lex) in words.iter().zip(&out) {
            let k = &key[w.clone()];
            assert_eq!(lex.id, vocab.id(k), "{k}");
            assert_eq!(lex.flags, vocab.flags(k), "{k}");
            assert_eq!(lex.bits, super::super::known(k), "{k}");
        }
        assert!(out[0].bits & super::super::bit::VERB_C != 0, "قال");
        assert!(out[1].bits & super::super::bit::TITLE_C != 0, "الرئيس");
        assert_eq!(out[3], Lex::default());
        assert!(out[4].bits & super::super::bit::FUNCTION != 0, "في");
    }

    #[test]
    fn name_words_have_one_class() {
        let vocab = Vocab::get();
        let mut seen = 0;
        for (w, class) in NAME_WORDS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
        {
            let f = vocab.flags(w) & (flag::ARABIC_NAME | flag::FOREIGN_NAME);
            let want = if class == "foreign" {
                flag::FOREIGN_NAME
            } else {
                flag::ARABIC_NAME
            };
            assert_eq!(f, want, "{w}");
            seen += 1;
        }
        assert!(seen > 10_000);
    }

    #[test]
    fn a_stale_table_is_not_read() {
        let mut bytes = generate();
        // The fingerprint sits after the magic, version and kind.
        bytes[16] ^= 1;
        assert!(load(leak(bytes), KIND, inputs(), Vocab::read).is_none());
        assert!(load(leak(generate()), KIND, inputs(), Vocab::read).is_some());
        assert!(load(leak(generate()), b"GAZE", inputs(), Vocab::read).is_none());
    }
}
