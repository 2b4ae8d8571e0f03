//! The matcher: exact spellings through one automaton, whole words only,
//! then transliteration variants where nothing exact matched.
//!
//! In: a [`Chunk`] (normalised text and its matching key). Out: candidates
//! with ranges of the normalised text, sorted by start within each pass
//! (exact, then variants), none glued to a frequent word as a piece of it.
//!
//! # Spans after a proclitic
//!
//! A span starts right after the proclitics: «بالقاهرة» gives «القاهرة».
//! A name with the article after the preposition ل is written لل, the
//! article's alef elided, and its span starts after the first ل:
//! «للأمم المتحدة» gives «لأمم المتحدة» (the article's lam and the name),
//! with `norm` «الأمم المتحدة». That text is an odd string to read, but it
//! is the same rule as everywhere else (the preposition stays outside), and
//! the alternatives were worse: «للأمم المتحدة» puts the preposition in
//! the span, «الأمم المتحدة» is not a slice of the original. Corpora that
//! tag the whole token «للأمم» (ANERcorp) still match: `kashf eval` accepts
//! a gold span that adds a leading proclitic.
//!
//! # The automaton
//!
//! Spellings are matched on the matching key with a leftmost-longest
//! Aho-Corasick automaton: daachorse's charwise double array. Measured with
//! `cargo bench --bench gazetteer` on the matching key of the first 16 MB of
//! SaudiNewsNet 2015 (one thread on a shared 2-core machine; median search
//! MiB/s, then median build time):
//!
//! | patterns | daachorse | ac DFA | ac contiguous NFA | ac noncontiguous NFA | ac default |
//! | --- | ---: | ---: | ---: | ---: | ---: |
//! | default gazetteers (~8.4k) | 67.6, 20 ms | 59.6, 320 ms | 33.7, 135 ms | 16.2, 54 ms | 34.8, 70 ms |
//! | names-1k | 85.8, 2.6 ms | 179, 12 ms | 45.2, 2.8 ms | 36.4, 2.8 ms | 51.1, 2.7 ms |
//! | names-10k | 89.6, 15 ms | 81.5, 195 ms | 40.9, 46 ms | 19.1, 44 ms | 23.7, 41 ms |
//! | names-100k | 53.2, 222 ms | 23.5, 2.27 s | 24.7, 854 ms | 8.9, 1.17 s | 24.5, 833 ms |
//!
//! aho-corasick's DFA wins only on small sets and costs a third of a second
//! to build the default set, twice the whole startup budget (150 ms);
//! daachorse searches as fast or faster from the default size up and builds
//! fastest at every size. Dropped: the DFA (startup), the NFAs (half the
//! speed).
//!
//! A rejected match (not a whole word, a collision word) must not hide a
//! valid one: the search restarts one character after its start, and the
//! shorter spellings that start where it did and end at a word boundary
//! inside it are looked up in the key map (the automaton reports only the
//! longest at a position).
//!
//! The embedded gazetteers' matcher finds the same exact matches over the
//! chunk's word ids instead, with a trie generated ahead of time, and runs
//! the automaton only where a spelling that is not words joined by spaces
//! may start (`ids.rs`).

pub mod ids;

use std::ops::Range;

use std::sync::{Arc, OnceLock};

use super::bounds::{inside_other_word, whole_word};
pub(super) use super::table::key_of;
use super::table::{self, Automaton, Homonyms, Pattern, Tables, attr_in};
use super::{Entry, Gazetteer};
use crate::doc::{
    Candidate, Chunk, Label, Link, Source, is_word_char, word_before_space, word_start,
};
use crate::error::{Error, ErrorKind, Result};
use crate::vocab::{flag, in_lists};

/// Words that a name's matching key can collide with, written as the
/// normalised text spells them. A match whose text is one of these is not
/// a name.
pub(super) const COLLISIONS: &[&str] = &["على", "الى", "حتى", "متى", "لدى", "سوى"];

/// Words that begin with ال but are not definite nouns (the nisba guard
/// must not read «إلى السعودية» as an adjective), as matching keys.
const NOT_DEFINITE: &[&str] = &[
    "الي",
    "التي",
    "الذي",
    "الذين",
    "اللتي",
    "اللذين",
    "اللتين",
    "اللاتي",
    "اللواتي",
    "الا",
    "الان",
    "الله",
];

/// What a spelling resolves to.
#[derive(Clone, Debug)]
pub struct Lookup<'a> {
    /// The entry.
    pub entry: &'a Entry,
    /// The spelling's matching key.
    pub key: String,
    /// The spelling's variant (consonant-skeleton) key; empty if it has
    /// none.
    pub variant_key: String,
    /// How: the entry's name or another spelling it lists, a
    /// transliteration variant, or a typo of a long place or organisation
    /// name.
    pub via: Link,
}

/// The embedded default gazetteers' table, as generated
/// (`gazetteers/tables/gazetteer.bin`, see `table.rs`).
static EMBEDDED_TABLE: &[u8] = include_bytes!("../../gazetteers/tables/gazetteer.bin");

/// Finds gazetteer names in text. Built once, shared read-only across
/// threads.
///
/// Everything but the automaton and a handful of homonyms is read in place
/// from a table (`table.rs`): the embedded gazetteers' table is part of the
/// binary; a matcher over other gazetteers writes its own at run time and
/// keeps it. Entries are made from the table the first time a match or a
/// lookup needs one.
#[derive(Clone)]
pub struct Matcher {
    automaton: Option<Automaton>,
    /// Views of `owned`, or of the embedded table.
    t: Tables<'static>,
    /// Entry → the homonyms that share one of its spellings.
    homonyms: Homonyms,
    /// The entries made so far.
    entries: Box<[OnceLock<Box<Entry>>]>,
    /// The typo sketches of the places' and organisations' spellings,
    /// made on the first typo search ([`Matcher::fuzzy`]).
    sketches: OnceLock<Sketches>,
    /// The bytes of a table built at run time, which `t` views. Never
    /// changed or dropped while the matcher lives (clones share it).
    _owned: Option<Arc<[u8]>>,
    /// The embedded gazetteers' patterns as a trie over word ids, which
    /// finds the exact names instead of the automaton (`ids.rs`); `None`
    /// for other gazetteers, or if the table is stale.
    ids: Option<ids::IdTable<'static>>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("entries", &self.t.len())
            .field("patterns", &self.t.by_key.len())
            .finish_non_exhaustive()
    }
}

impl Matcher {
    /// Builds the matcher over the gazetteers, earlier ones first.
    ///
    /// # Errors
    ///
    /// If the automaton cannot be built (far beyond any real gazetteer).
    pub fn new(gazetteers: &[Gazetteer]) -> Result<Matcher> {
        Matcher::from_owned(gazetteers.to_vec())
    }

    /// [`Matcher::new`] over gazetteers it may consume (their entries are
    /// written into the matcher's table, not copied first).
    ///
    /// # Errors
    ///
    /// As [`Matcher::new`].
    pub fn from_owned(gazetteers: Vec<Gazetteer>) -> Result<Matcher> {
        let (bytes, automaton) = table::generate(gazetteers, table::inputs(), false)?;
        let owned: Arc<[u8]> = bytes.into();
        // SAFETY: the slice views the heap bytes of `owned`, which the
        // matcher keeps (and its clones share) for as long as it lives and
        // never changes; no view leaves the matcher but with a lifetime
        // bound to a borrow of it.
        let bytes: &'static [u8] =
            unsafe { std::slice::from_raw_parts(owned.as_ptr(), owned.len()) };
        let (t, homonyms, _) = Tables::read(bytes)
            .map_err(|e| Error::new(ErrorKind::Config, format!("the matcher's own table: {e}")))?;
        Ok(Matcher::of(automaton, t, homonyms, Some(owned)))
    }

    /// The matcher of the embedded default gazetteers alone: read in place
    /// from the table generated ahead of time, or, where that table was
    /// generated from other sources than this build's (or does not read),
    /// built from the gazetteers now (the same matcher, at the old cost).
    pub fn embedded() -> Matcher {
        let mut m =
            crate::vocab::table::load(EMBEDDED_TABLE, table::KIND, table::inputs(), Matcher::read)
                .unwrap_or_else(|| {
                    Matcher::from_owned(vec![Gazetteer::embedded()])
                        .expect("the embedded gazetteers make a matcher")
                });
        m.ids = ids::IdTable::embedded(m.t.by_key.len());
        m
    }

    /// The matcher of a table generated with its automaton.
    fn read(bytes: &'static [u8]) -> std::result::Result<Matcher, crate::vocab::table::ReadError> {
        let (t, homonyms, automaton) = Tables::read(bytes)?;
        let automaton = if automaton.is_empty() {
            None
        } else {
            let (a, rest) = Automaton::deserialize(automaton)
                .map_err(|e| format!("the gazetteer automaton: {e}"))?;
            if !rest.is_empty() {
                return Err(format!("{} bytes after the automaton", rest.len()));
            }
            Some(a)
        };
        if automaton.is_none() != (t.by_key.len() == 0) {
            return Err("a gazetteer table without its automaton".into());
        }
        Ok(Matcher::of(automaton, t, homonyms, None))
    }

    fn of(
        automaton: Option<Automaton>,
        t: Tables<'static>,
        homonyms: Homonyms,
        owned: Option<Arc<[u8]>>,
    ) -> Matcher {
        Matcher {
            automaton,
            entries: (0..t.len()).map(|_| OnceLock::new()).collect(),
            sketches: OnceLock::new(),
            t,
            homonyms,
            _owned: owned,
            ids: None,
        }
    }

    /// The bytes of the embedded gazetteers' table as the generator
    /// writes them now.
    #[cfg(test)]
    pub(super) fn generate_embedded() -> Vec<u8> {
        table::generate(vec![Gazetteer::embedded()], table::inputs(), true)
            .expect("the embedded gazetteers make a matcher")
            .0
    }

    /// Entry `entry`, made from the table on first use.
    #[inline]
    fn entry(&self, entry: u32) -> &Entry {
        self.entries[entry as usize].get_or_init(|| Box::new(self.t.entry(entry)))
    }

    /// The pattern `key` (a matching key, or a لل form) is the text of.
    #[inline]
    fn pattern_of(&self, key: &str) -> Option<Pattern> {
        self.t.by_key.get(key).map(|p| self.t.pattern(p))
    }

    /// The exact matching over characters and over word ids side by side
    /// on `docs`, for `benches/gazetteer.rs` (`ids::ExactBench`). Not a
    /// stable API.
    #[doc(hidden)]
    pub fn exact_bench<'m>(&'m self, docs: &[String]) -> ids::ExactBench<'m> {
        ids::ExactBench::new(self, docs)
    }

    /// The table's views (for the trie over word ids, `ids.rs`).
    pub(super) fn tables(&self) -> &Tables<'static> {
        &self.t
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.t.len()
    }

    /// True if there are no entries.
    pub fn is_empty(&self) -> bool {
        self.t.len() == 0
    }

    /// The entry a spelling resolves to, and how ([`Link`]): the entry
    /// that lists its matching key (as its name: `Exact`; as another
    /// spelling: `Alias`), else the entry it is a transliteration variant
    /// of (with the guards of the variant path), else the one place or
    /// organisation it is a typo of ([`FUZZY_LETTERS`]). Without a
    /// context, a spelling two entries list is the first one's.
    ///
    /// # Examples
    ///
    /// ```
    /// use kashf::Link;
    ///
    /// let ex = kashf::extract::Extractor::builder().build().unwrap();
    /// let found = ex.matcher().lookup("موسكو").unwrap();
    /// assert_eq!(&*found.entry.name, "موسكو");
    /// assert_eq!((found.key.as_str(), found.via), ("موسكو", Link::Exact));
    /// let found = ex.matcher().lookup("أوكرينيا").unwrap();
    /// assert_eq!((&*found.entry.name, found.via), ("أوكرانيا", Link::Variant));
    /// let found = ex.matcher().lookup("موريتنيا").unwrap();
    /// assert_eq!((&*found.entry.name, found.via), ("موريتانيا", Link::Fuzzy));
    /// ```
    pub fn lookup(&self, spelling: &str) -> Option<Lookup<'_>> {
        let key = key_of(spelling);
        let variant_key = super::skeleton::variant_key(spelling);
        let (entry, via) = self
            .listed(&key, true)
            .or_else(|| Some((self.t.variants.resolve(&key)?, Link::Variant)))
            .or_else(|| Some((self.fuzzy(&key)?, Link::Fuzzy)))?;
        Some(Lookup {
            entry: self.entry(entry),
            key,
            variant_key,
            via,
        })
    }

    /// The entry that lists `key` (a matching key) as a spelling, and how
    /// (`Exact` or `Alias`); the spellings of `cue=place` entries too if
    /// `cued`.
    fn listed(&self, key: &str, cued: bool) -> Option<(u32, Link)> {
        match self.pattern_of(key) {
            Some(p) if !p.lil => Some((p.entry, listed_as(p.alias))),
            _ if cued => self
                .t
                .cued(key)
                .map(|(entry, alias)| (entry, listed_as(alias))),
            _ => None,
        }
    }

    /// The entry the name at `chunk.key[range]` (found by any finder) is,
    /// and how: as [`Matcher::lookup`], with what the text around it says:
    /// a homonym chosen by its context words, a `cue=place` entry only
    /// right after a place noun (as the matcher finds them: thousands of
    /// villages share a name with a place abroad, a word or a person), the
    /// variant guards that look at the words next to it, the adjective
    /// guard of exact matches (a nisba after a definite noun), and a name
    /// after the preposition of «لل» read with its article («لأمم المتحدة»
    /// is «الأمم المتحدة»).
    pub(crate) fn resolve_at(
        &self,
        chunk: &Chunk<'_>,
        range: Range<usize>,
    ) -> Option<(&Entry, Link)> {
        let key = chunk.key;
        let (start, end) = (range.start, range.end);
        let span = &key[range];
        let cued = word_start(key, start) == start
            && word_before_space(key, start).is_some_and(|w| in_lists(w, flag::PLACE_CUE));
        let listed = self.listed(span, cued).or_else(|| {
            let lil = word_start(key, start) < start
                && key[..start].ends_with('ل')
                && span.starts_with('ل');
            lil.then(|| self.listed(&format!("ا{span}"), cued))
                .flatten()
        });
        let (entry, link) = match listed {
            // The guard of the exact matches: «السوق السعودية» is the Saudi
            // market, not the country.
            Some((entry, _))
                if span.starts_with("ال")
                    && !span.contains(' ')
                    && self.adjective_after_definite_noun(key, start, end, entry) =>
            {
                return None;
            }
            Some((entry, link)) => self.homonym(key, start, end, entry, link),
            // The name of a minor place away from a place noun: not a typo
            // or variant of another entry either.
            None if self.t.cued(span).is_some() => return None,
            None => match self.t.variants.at(chunk.text, key, start..end) {
                Some(entry) => (entry, Link::Variant),
                None => (self.fuzzy(span)?, Link::Fuzzy),
            },
        };
        Some((self.entry(entry), link))
    }

    /// The one place or organisation whose listed spelling `key` (a
    /// matching key of at least [`FUZZY_LETTERS`] letters) is with one
    /// slip of the typist's inside a word: a vowel letter (ا و ي) added or
    /// dropped, or a letter doubled. `None` when no entry or several are
    /// one slip away. Never at a word's last letter: a final vowel tells
    /// names and words apart (ميسوري / ميسور, Missouri and Mysore;
    /// برنابيو / برنابي; باريسي, Parisian, is no باريس). Not people: one
    /// vowel letter tells real names apart (محمد / محمود, حسن / حسين). Not
    /// the minor places listed with `cue=place`: too many villages are one
    /// letter from a word.
    fn fuzzy(&self, key: &str) -> Option<u32> {
        let (s, letters) = sketch(key);
        if letters < FUZZY_LETTERS {
            return None;
        }
        // Every slip leaves the sketch as it is: no spelling with the
        // key's sketch, no typo (most names, people's above all).
        let sketches = self.sketches.get_or_init(|| Sketches::of(&self.t));
        if !sketches.may_hold(s) {
            return None;
        }
        self.typo_of(key)
    }

    /// [`Matcher::fuzzy`] without the sketch: each slip tried in turn.
    fn typo_of(&self, key: &str) -> Option<u32> {
        let mut found = None;
        let mut ambiguous = false;
        let mut edited = String::with_capacity(key.len() + 2);
        let mut try_edit = |edited: &str| {
            let Some(p) = self.pattern_of(edited) else {
                return;
            };
            if p.lil || !matches!(self.t.label(p.entry), Label::Place | Label::Org) {
                return;
            }
            match found {
                None => found = Some(p.entry),
                Some(e) if e != p.entry => ambiguous = true,
                Some(_) => {}
            }
        };
        let chars: Vec<(usize, char)> = key.char_indices().collect();
        for (n, &(at, c)) in chars.iter().enumerate() {
            let last = chars.get(n + 1).is_none_or(|&(_, d)| d == ' ');
            if c == ' ' || last {
                continue;
            }
            let after = at + c.len_utf8();
            // Dropped: a vowel letter, or one of a doubled letter.
            let doubled = chars.get(n + 1).is_some_and(|&(_, d)| d == c);
            if FUZZY_VOWELS.contains(&c) || doubled {
                edited.clear();
                edited.push_str(&key[..at]);
                edited.push_str(&key[after..]);
                try_edit(&edited);
            }
            // Added: a vowel letter after this letter (not the last).
            for v in FUZZY_VOWELS {
                edited.clear();
                edited.push_str(&key[..after]);
                edited.push(*v);
                edited.push_str(&key[after..]);
                try_edit(&edited);
            }
        }
        found.filter(|_| !ambiguous)
    }

    /// The entry that has `key` (a matching key) as a spelling, if any (no
    /// transliteration variant, no `cue=place` entry: what the automaton
    /// matches).
    pub(crate) fn listing(&self, key: &str) -> Option<&Entry> {
        self.listed(key, false).map(|(entry, _)| self.entry(entry))
    }

    /// Whether `key` (a matching key) is itself a spelling of an entry of
    /// `label` (no transliteration variant: exact).
    pub(crate) fn lists(&self, key: &str, label: Label) -> bool {
        self.pattern_of(key)
            .is_some_and(|p| !p.lil && self.t.label(p.entry) == label)
    }

    /// Pushes every whole-word gazetteer match in `chunk` onto `out`, then
    /// the transliteration variants between them; drops those that are
    /// most likely a piece of another word ([`inside_other_word`]) and
    /// reports a descriptor + known place as the known place
    /// ([`Matcher::shrink_to_known_place`]).
    pub(crate) fn find(&self, chunk: &Chunk<'_>, out: &mut Vec<Candidate>) {
        let from = out.len();
        self.find_exact(chunk, out);
        if self.t.has_cued() {
            self.find_cued(chunk, from, out);
        }
        let mut found = Vec::new();
        self.t.variants.find(
            chunk,
            &out[from..],
            |span| self.t.by_key.get(span).is_some() || self.t.cued(span).is_some(),
            |range, entry| {
                let e = self.entry(entry);
                Candidate {
                    norm: Some(e.name.to_string()),
                    id: Some(e.id.clone()),
                    link: Some(Link::Variant),
                    ..Candidate::new(range, e.label, Source::Variant)
                }
            },
            &mut found,
        );
        out.append(&mut found);
        let mut n = 0;
        out.retain(|c| {
            n += 1;
            n <= from || !inside_other_word(chunk.key, c)
        });
        for c in &mut out[from..] {
            self.shrink_to_known_place(chunk, c);
        }
    }

    /// A gazetteer place written as a descriptor and another known place
    /// («جنوب لبنان», «قطاع غزة», «دولة قطر», «مدينة غزة») is reported as the
    /// known place, with its id: that is what users join on, and how ANERcorp
    /// and most NER corpora annotate it. The descriptor stays outside the span,
    /// as the place-noun rule leaves it.
    ///
    /// A country whose name starts with a compass point stays whole: «جنوب
    /// أفريقيا» is South Africa, not Africa; «جنوب السودان» is South Sudan
    /// (a country since 2011). «دولة قطر», «جمهورية الصين» are still reported
    /// as the country's short name.
    fn shrink_to_known_place(&self, chunk: &Chunk<'_>, c: &mut Candidate) {
        if c.label != Label::Place {
            return;
        }
        let key = &chunk.key[c.range.clone()];
        let Some((head, _)) = key.split_once(' ') else {
            return;
        };
        if !DESCRIPTORS.contains(&head) {
            return;
        }
        let from = c.range.start + head.len() + 1;
        let rest = &chunk.text[from..c.range.end];
        if let Some(Lookup { entry, via, .. }) = self.lookup(rest)
            && via.is_listed()
            && entry.label == Label::Place
            && !(matches!(head, "جنوب" | "شمال" | "شرق" | "غرب")
                && self
                    .lookup(&chunk.text[c.range.clone()])
                    .is_some_and(|whole| whole.entry.attr("type") == Some("country")))
        {
            c.range.start = from;
            c.norm = Some(entry.name.to_string());
            c.id = Some(entry.id.clone());
            c.link = Some(via);
        }
    }

    /// Whether the ال-name at `key[start..end]` is an adjective of the
    /// definite noun right before it (spaces only between them):
    /// - a name ending in ية after any definite noun: «وزارة الصحة
    ///   السعودية» is "the Saudi ministry of health", not the country;
    /// - a name shaped like an adjective, a nisba in ي («الرمادي» "grey"),
    ///   a colour or elative أفعل («الأبيض» "white") or its feminine فعلاء
    ///   («البيضاء»), after a definite common noun that may carry a
    ///   proclitic: «الأسود البيضاء» are white lions, «الرخام الأبيض» white
    ///   marble, «الدخان الرمادي» grey smoke. Not when the noun is a known
    ///   name («النيل الأبيض»), a place noun («العاصمة»), or itself a nisba
    ///   («المدينة العراقية الرمادي»), and only for a place that is no
    ///   country (الأردن is shaped like أفعل: «زار الملك الأردن»; a nisba
    ///   surname follows a title: «الرئيس السيسي»).
    fn adjective_after_definite_noun(
        &self,
        key: &str,
        start: usize,
        end: usize,
        entry: u32,
    ) -> bool {
        let name = &key[start..end];
        let feminine_nisba = name.ends_with("يه");
        if !(feminine_nisba || adjective_shaped(name)) {
            return false;
        }
        let not_country = || {
            self.t.label(entry) == Label::Place
                && attr_in(self.t.attrs(entry), "type") != Some("country")
        };
        // «الأسود والأبيض» (black and white), «الشاي الأخضر والأبيض»: a
        // name after «و» and a colour (أفعل) no list holds is a colour too
        // («الرمادي والبيضاء» are two cities).
        let word = word_start(key, start);
        if &key[word..start] == "و"
            && let Some(prev) = word_before_space(key, word)
        {
            let colour = prev
                .strip_prefix("ال")
                .is_some_and(|w| w.chars().count() == 4 && w.starts_with('ا'));
            return !feminine_nisba
                && colour
                && self.t.by_key.get(prev).is_none()
                && prev != name
                && not_country();
        }
        // The word right before the space (empty after punctuation).
        let Some(prev) = word_before_space(key, start) else {
            return false;
        };
        // ل + ال is written لل: «للأرز» is "for the rice".
        let lil = ["لل", "ولل", "فلل"]
            .iter()
            .find_map(|c| prev.strip_prefix(c))
            .map(|w| format!("ال{w}"));
        let prev = lil.as_deref().unwrap_or(prev);
        let definite =
            |w: &str| w.starts_with("ال") && w.chars().count() >= 4 && !NOT_DEFINITE.contains(&w);
        if feminine_nisba {
            return definite(prev);
        }
        let noun = ["", "و", "ف", "ب", "ك", "وب", "فب", "وك", "فك"]
            .iter()
            .filter_map(|c| prev.strip_prefix(c))
            .find(|w| definite(w));
        noun.is_some_and(|w| {
            !w.ends_with('ي')
                && !w.ends_with("يه")
                && !PLACE_NOUNS_ARTICLE.contains(&w)
                && self.t.by_key.get(w).is_none()
        }) && not_country()
    }

    /// Pushes the names of `cue=place` entries that stand right after a
    /// place noun (one space between): «مديرية الحالي», «قرية الحسن»,
    /// «وبلدة كفر نبل», the longest spelling of up to [`CUED_WORDS`] words
    /// first, where no exact match (from `out[from..]`) overlaps. Keeps
    /// `out[from..]` sorted by start. Such entries are minor places whose
    /// names are also words or names of people: alone they are not places.
    fn find_cued(&self, chunk: &Chunk<'_>, from: usize, out: &mut Vec<Candidate>) {
        let (key, words) = (chunk.key, chunk.words);
        let before = out.len();
        for (i, cue) in words.iter().enumerate() {
            if chunk.lex[i].flags & flag::PLACE_CUE == 0 {
                continue;
            }
            // The words after the cue, each one space after the last.
            let mut end = cue.end;
            let next = words[i + 1..]
                .iter()
                .take(CUED_WORDS)
                .take_while(|w| {
                    let joined = &key[end..w.start] == " ";
                    end = w.end;
                    joined
                })
                .count();
            for n in (1..=next).rev() {
                let range = words[i + 1].start..words[i + n].end;
                let Some((entry, alias)) = self.t.cued(&key[range.clone()]) else {
                    continue;
                };
                if out[from..]
                    .iter()
                    .any(|c| c.range.start < range.end && range.start < c.range.end)
                {
                    break;
                }
                let e = self.entry(entry);
                out.push(Candidate {
                    norm: Some(e.name.to_string()),
                    id: Some(e.id.clone()),
                    link: Some(listed_as(alias)),
                    ..Candidate::new(range, e.label, Source::Gazetteer)
                });
                break;
            }
        }
        if out.len() > before {
            out[from..].sort_by_key(|c| c.range.start);
        }
    }

    /// Pushes every exact whole-word match in `chunk` onto `out`: over word
    /// ids for the embedded gazetteers (`ids.rs`), else by the automaton.
    pub(super) fn find_exact(&self, chunk: &Chunk<'_>, out: &mut Vec<Candidate>) {
        match &self.ids {
            Some(ids) => ids.find(self, chunk, out),
            None => self.exact_by_automaton(chunk, out),
        }
    }

    /// [`Matcher::find_exact`] by the automaton over the key.
    pub(super) fn exact_by_automaton(&self, chunk: &Chunk<'_>, out: &mut Vec<Candidate>) {
        self.exact_from(chunk, 0, usize::MAX, out);
    }

    /// The automaton's search from byte `pos` of the key, for the matches
    /// that start before `limit`: pushes those [`Matcher::accept`] takes
    /// and returns where the search goes on (the end of the last taken if
    /// it is past `limit`, else `limit`).
    pub(super) fn exact_from(
        &self,
        chunk: &Chunk<'_>,
        mut pos: usize,
        limit: usize,
        out: &mut Vec<Candidate>,
    ) -> usize {
        let Some(ac) = &self.automaton else {
            return limit;
        };
        let key = chunk.key;
        let mut taken = limit;
        'scan: while pos < key.len() {
            for m in ac.leftmost_find_iter(&key[pos..]) {
                let (start, end) = (pos + m.start(), pos + m.end());
                if start >= limit {
                    break 'scan;
                }
                if let Some(c) = self.accept(chunk, start, end, m.value()) {
                    out.push(c);
                    taken = taken.max(end);
                    continue;
                }
                // A rejected match may hide good ones: a shorter spelling
                // from the same start (ending at a space inside it), or one
                // that starts inside it.
                for (i, _) in key[start..end]
                    .match_indices(' ')
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                {
                    let shorter = start + i;
                    if let Some(p) = self.t.by_key.get(&key[start..shorter])
                        && let Some(c) = self.accept(chunk, start, shorter, p)
                    {
                        out.push(c);
                        taken = taken.max(shorter);
                        pos = shorter;
                        continue 'scan;
                    }
                }
                pos = start + key[start..].chars().next().map_or(1, char::len_utf8);
                continue 'scan;
            }
            break;
        }
        taken
    }

    /// The candidate for pattern `p` matched at `key[start..end]`, if it
    /// stands as a whole name there.
    pub(super) fn accept(
        &self,
        chunk: &Chunk<'_>,
        start: usize,
        end: usize,
        p: u32,
    ) -> Option<Candidate> {
        let key = chunk.key;
        let p = self.t.pattern(p);
        let span_start = if p.lil { start + "ل".len() } else { start };
        if !whole_word(key, start, end, p)
            || COLLISIONS.contains(&&chunk.text[span_start..end])
            || (p.article && self.adjective_after_definite_noun(key, start, end, p.entry))
        {
            return None;
        }
        let (entry, link) = self.homonym(key, start, end, p.entry, listed_as(p.alias));
        let e = self.entry(entry);
        Some(Candidate {
            norm: Some(e.name.to_string()),
            id: Some(e.id.clone()),
            link: Some(link),
            ..Candidate::new(span_start..end, e.label, Source::Gazetteer)
        })
    }

    /// The entry a match of `entry`'s spelling (listed as `link`) at
    /// `key[start..end]` stands for, and how it lists the spelling: a
    /// homonym whose context word is within two words of it, else `entry`.
    fn homonym(&self, key: &str, start: usize, end: usize, entry: u32, link: Link) -> (u32, Link) {
        let Some(hs) = self.homonyms.get(&entry) else {
            return (entry, link);
        };
        let before = key[..start]
            .split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty());
        let before: Vec<&str> = before.rev().take(2).collect();
        let after = key[end..]
            .split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
            .take(2);
        let near: Vec<&str> = before.into_iter().chain(after).collect();
        hs.iter()
            .find(|h| near.iter().any(|w| h.context.iter().any(|c| c == w)))
            .map_or((entry, link), |h| (h.entry, listed_as(h.alias)))
    }
}

/// Words that describe a place before its name (a direction, a place
/// noun, a kind of state), as matching keys: see
/// [`Matcher::shrink_to_known_place`].
const DESCRIPTORS: &[&str] = &[
    "جنوب",
    "شمال",
    "شرق",
    "غرب",
    "وسط",
    "جنوبي",
    "شمالي",
    "شرقي",
    "غربي",
    "قطاع",
    "مدينه",
    "دوله",
    "اقليم",
    "ولايه",
    "منطقه",
    "بلاد",
    "جمهوريه",
    "مملكه",
    "اماره",
    "محافظه",
    "مقاطعه",
    "جزيره",
    "عاصمه",
    "مخيم",
];

/// The most words of a name looked up after a place noun.
const CUED_WORDS: usize = 3;

/// Fewest letters (spaces aside) of a name that resolution reads as a typo
/// of a listed place or organisation (`link: fuzzy`); shorter names are
/// too often another word one letter away.
pub const FUZZY_LETTERS: usize = 7;

/// The letters a typist adds or drops for a fuzzy link: the long vowels.
const FUZZY_VOWELS: &[char] = &['ا', 'و', 'ي'];

/// A spelling's typo sketch: a hash of its characters without the long
/// vowels ([`FUZZY_VOWELS`]), each run of one character counted once. A
/// slip of [`Matcher::fuzzy`] (a long vowel added or dropped, one of a
/// doubled letter dropped) never changes it: the vowels are not in it, and
/// a doubled letter is one run with or without its twin. So a key whose
/// sketch no place or organisation spelling has is no typo of one.
/// Returned with the number of characters of `key` but spaces.
fn sketch(key: &str) -> (u64, usize) {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut last = None;
    let mut letters = 0;
    for c in key.chars() {
        letters += usize::from(c != ' ');
        if last != Some(c) && !FUZZY_VOWELS.contains(&c) {
            h = (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
            last = Some(c);
        }
    }
    // Spread the high bits into the low ones, which index the bits.
    (h ^ h >> 29 ^ h >> 47, letters)
}

/// The sketches ([`sketch`]) of every spelling a typo can be of (a place's
/// or an organisation's, not a لل form, of at least [`FUZZY_LETTERS`] less
/// one letters, spaces aside: a slip drops one at most), as a set of bits
/// indexed by a sketch's low bits, 32 bits or more a spelling (about 3 %
/// of the keys that are no typo pass it). The typo search tried about 30
/// spellings a key of the news, each looked up in the table (8,500
/// instructions a key); most keys are people's names, which this answers
/// in a few dozen.
#[derive(Clone, Debug)]
struct Sketches {
    bits: Box<[u64]>,
}

impl Sketches {
    fn of(t: &Tables<'_>) -> Sketches {
        let typo_of = |p: u32| {
            let p = t.pattern(p);
            !p.lil && matches!(t.label(p.entry), Label::Place | Label::Org)
        };
        let sketches: Vec<u64> = (0..t.by_key.len() as u32)
            .filter(|&p| typo_of(p))
            .map(|p| sketch(t.by_key.str(p)))
            .filter(|&(_, letters)| letters + 1 >= FUZZY_LETTERS)
            .map(|(s, _)| s)
            .collect();
        let words = (sketches.len() / 2).next_power_of_two();
        let mut bits = vec![0u64; words].into_boxed_slice();
        let mask = words as u64 * 64 - 1;
        for s in sketches {
            let b = s & mask;
            bits[(b / 64) as usize] |= 1 << (b % 64);
        }
        Sketches { bits }
    }

    /// False if no spelling has sketch `s`.
    #[inline]
    fn may_hold(&self, s: u64) -> bool {
        let b = s & (self.bits.len() as u64 * 64 - 1);
        self.bits[(b / 64) as usize] & 1 << (b % 64) != 0
    }
}

/// How a listed spelling links: as the entry's name, or another spelling.
fn listed_as(alias: bool) -> Link {
    if alias { Link::Alias } else { Link::Exact }
}

/// Whether an ال-name (matching key, one word) is shaped like an
/// adjective: a nisba in ي (الرمادي), a colour or elative أفعل (الأبيض,
/// الأوسط) or its feminine فعلاء (البيضاء).
fn adjective_shaped(name: &str) -> bool {
    let Some(stem) = name.strip_prefix("ال") else {
        return false;
    };
    let n = stem.chars().count();
    !stem.contains(' ')
        && (stem.ends_with('ي') && n >= 3
            || n == 5 && stem.ends_with("اء")
            || n == 4 && stem.starts_with('ا'))
}

/// Place nouns with the article, as matching keys: a name after one is
/// the place it names («العاصمة الرياض»), not an adjective.
const PLACE_NOUNS_ARTICLE: &[&str] = &[
    "العاصمه",
    "المدينه",
    "البلده",
    "القريه",
    "المحافظه",
    "الولايه",
    "المنطقه",
    "الاقليم",
    "الجزيره",
    "الاماره",
    "الدوله",
    "المملكه",
];

#[cfg(test)]
pub(super) mod tests {
    use super::super::HEADER;
    use super::*;

    pub(crate) fn gazetteer(rows: &str) -> Gazetteer {
        Gazetteer::parse(&format!("{HEADER}\n{rows}"), "test.tsv").unwrap()
    }

    pub(super) fn found(m: &Matcher, text: &str) -> Vec<(String, String, Source)> {
        let t = crate::extract::TestChunk::new(text);
        let chunk = t.chunk();
        let n = &t.normalized;
        let mut out = Vec::new();
        m.find(&chunk, &mut out);
        crate::doc::resolve(&mut out);
        out.iter()
            .map(|c| {
                (
                    text[n.source_range(c.range.clone())].to_owned(),
                    c.id.as_deref().unwrap_or_default().to_owned(),
                    c.source,
                )
            })
            .collect()
    }

    #[test]
    fn embedded_tables_are_what_the_generator_writes() {
        crate::vocab::table::check_embedded(
            "gazetteer.bin",
            EMBEDDED_TABLE,
            &Matcher::generate_embedded(),
        );
    }

    /// The fixture documents, for comparing two matchers on real text.
    fn fixture_texts() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/news");
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        assert!(paths.len() >= 5, "fixtures/news");
        paths
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    }

    #[test]
    fn a_slip_leaves_the_typo_sketch_as_it_is() {
        let same = [
            ("long vowel dropped", "بنسلفانيا", "بنسلفنيا"),
            ("long vowel added", "مونتريال", "مونتيريال"),
            ("waw dropped", "لوكسمبورغ", "لوكسمبرغ"),
            ("yaa added", "كاليفورنيا", "كاليفورنييا"),
            ("doubled letter dropped", "ماساتشوستس", "ماساتشوسستس"),
            ("vowel between twins dropped", "سيسيليا", "سسيليا"),
            ("words kept apart", "وادي السيليكون", "وادي السليكون"),
        ];
        for (name, a, b) in same {
            assert_eq!(sketch(a).0, sketch(b).0, "{name}: {a} / {b}");
        }
        let other = [
            ("consonant changed", "مونتريال", "مونتريار"),
            ("consonant dropped", "بنسلفانيا", "بنسفانيا"),
            ("letters swapped", "لوكسمبورغ", "لوسكمبورغ"),
            ("space dropped", "وادي السيليكون", "واديالسيليكون"),
        ];
        for (name, a, b) in other {
            assert_ne!(sketch(a).0, sketch(b).0, "{name}: {a} / {b}");
        }
    }

    #[test]
    fn the_typo_sketches_turn_no_typo_away() {
        let m = Matcher::embedded();
        let sketches = Sketches::of(&m.t);
        // Each slip of each place or organisation spelling (every third
        // one) is let through.
        let mut slips = 0;
        for p in (0..m.t.by_key.len() as u32).step_by(3) {
            let pattern = m.t.pattern(p);
            if pattern.lil || !matches!(m.t.label(pattern.entry), Label::Place | Label::Org) {
                continue;
            }
            let key = m.t.by_key.str(p);
            let chars: Vec<char> = key.chars().collect();
            for i in 1..chars.len() {
                let mut edits = Vec::new();
                if FUZZY_VOWELS.contains(&chars[i]) || chars[i] == chars[i - 1] {
                    let mut dropped = chars.clone();
                    dropped.remove(i);
                    edits.push(dropped);
                }
                for &v in FUZZY_VOWELS {
                    let mut added = chars.clone();
                    added.insert(i, v);
                    edits.push(added);
                }
                for edit in edits {
                    let edit: String = edit.into_iter().collect();
                    if edit.chars().filter(|&c| c != ' ').count() >= FUZZY_LETTERS {
                        assert!(sketches.may_hold(sketch(&edit).0), "{edit} (of {key})");
                        slips += 1;
                    }
                }
            }
        }
        assert!(slips > 10_000, "{slips} slips");
        // With and without the sketches, the same typos of the words and
        // word pairs of the fixture documents, and of listed names.
        let mut keys: Vec<String> = ["موريتنيا", "كاليفورنييا", "اندونيسييا", "الفلبيين"]
            .map(key_of)
            .to_vec();
        for text in fixture_texts() {
            let words: Vec<String> = text.split_whitespace().map(key_of).collect();
            keys.extend(words.windows(2).map(|w| w.join(" ")));
            keys.extend(words);
        }
        keys.retain(|k| k.chars().filter(|&c| c != ' ').count() >= FUZZY_LETTERS);
        let (mut typos, mut turned_away) = (0, 0);
        for key in &keys {
            let fuzzy = m.fuzzy(key);
            assert_eq!(fuzzy, m.typo_of(key), "{key}");
            typos += usize::from(fuzzy.is_some());
            turned_away += usize::from(!sketches.may_hold(sketch(key).0));
        }
        assert!(typos >= 2, "{typos} typos");
        assert!(
            turned_away * 10 > keys.len() * 8,
            "{turned_away} of {}",
            keys.len()
        );
    }

    #[test]
    fn the_prebuilt_matcher_matches_as_the_one_built_at_run_time() {
        let built = Matcher::from_owned(vec![Gazetteer::embedded()]).unwrap();
        let bytes = crate::vocab::table::leak(Matcher::generate_embedded());
        let read = Matcher::read(bytes).unwrap();
        assert!(read.automaton.is_some() && read._owned.is_none());
        // Every entry reads back as the gazetteer row it was written from.
        let entries = Gazetteer::embedded();
        assert_eq!(read.len(), entries.entries().len());
        for (i, e) in entries.entries().iter().enumerate() {
            assert_eq!(read.entry(i as u32), e, "entry {i}");
            assert_eq!(read.t.label(i as u32), e.label);
        }
        let mut matches = 0;
        for text in fixture_texts() {
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let (a, b) = (found(&read, line), found(&built, line));
                assert_eq!(a, b, "in {line:?}");
                matches += a.len();
                for word in line.split_whitespace() {
                    let summary = |m: &Matcher| {
                        m.lookup(word)
                            .map(|l| (l.entry.id.clone(), l.via, l.key, l.variant_key))
                    };
                    assert_eq!(summary(&read), summary(&built), "lookup of {word:?}");
                }
            }
        }
        assert!(matches > 40, "{matches} matches in the fixtures");
    }

    #[test]
    fn a_stale_or_damaged_table_is_not_read() {
        use crate::vocab::table::{leak, load};
        let bytes = Matcher::generate_embedded();
        let fresh = load(
            leak(bytes.clone()),
            table::KIND,
            table::inputs(),
            Matcher::read,
        );
        assert!(fresh.is_some());
        // The fingerprint sits after the magic, version and kind.
        let mut stale = bytes.clone();
        stale[16] ^= 1;
        assert!(load(leak(stale), table::KIND, table::inputs(), Matcher::read).is_none());
        let mut layout = bytes.clone();
        layout[24] ^= 1;
        let err = Matcher::read(leak(layout)).unwrap_err();
        assert!(err.contains("layout"), "{err}");
        let cut = Matcher::read(leak(bytes[..bytes.len() - 3].to_vec()));
        assert!(cut.is_err());
        // What a build with a stale table uses: the matcher built now.
        assert_eq!(
            Matcher::embedded().len(),
            Gazetteer::embedded().entries().len()
        );
    }

    #[test]
    fn a_matcher_over_user_gazetteers_keeps_their_entries_and_order() {
        let user = gazetteer("U1\tPLACE\tموسكو\tمسكو\tcc=XX\nU2\tORG\tنادي القمر\t\t\n");
        let m = Matcher::new(&[user.clone(), Gazetteer::embedded()]).unwrap();
        assert_eq!(m.entry(0), &user.entries()[0]);
        assert_eq!(&*m.entry(0).origin, "test.tsv:2");
        // The user's spelling wins over the embedded Moscow.
        assert_eq!(found(&m, "زار موسكو")[0].1, "U1");
        assert_eq!(found(&m, "زار نادي القمر")[0].1, "U2");
        let embedded = Matcher::embedded();
        assert_ne!(found(&embedded, "زار موسكو")[0].1, "U1");
    }

    pub(crate) fn spans(g: &Gazetteer, text: &str) -> Vec<String> {
        let m = Matcher::new(std::slice::from_ref(g)).unwrap();
        found(&m, text).into_iter().map(|(s, _, _)| s).collect()
    }

    #[test]
    fn cue_entries_match_only_after_a_place_noun() {
        // A district named like a person («الحسن») and a town of two words:
        // places after «مديرية», «قرية», «وبلدة», «قرى»; not alone, not
        // after another word or punctuation.
        let g = gazetteer(
            "Q1\tPLACE\tالحسن\t\tcc=YE;cue=place\n\
             Q2\tPLACE\tكفر نبل\tكفرنبل\tcc=SY;cue=place\n\
             Q3\tPLACE\tحلب\t\tcc=SY\n",
        );
        let m = Matcher::new(std::slice::from_ref(&g)).unwrap();
        let cases: &[(&str, &[&str])] = &[
            ("في مديرية الحسن بمحافظة", &["الحسن"]),
            ("قصفت قرية الحسن.", &["الحسن"]),
            ("ووصلوا وبلدة كفر نبل في ريف حلب", &["كفر نبل", "حلب"]),
            ("في قرى كفرنبل", &["كفرنبل"]),
            ("قال الحسن إن", &[]),
            ("الإمام الحسن", &[]),
            ("مديرية، الحسن", &[]),
            ("ريف حلب", &["حلب"]),
        ];
        for (text, want) in cases {
            let got: Vec<String> = found(&m, text).into_iter().map(|(s, _, _)| s).collect();
            assert_eq!(got, *want, "{text}");
        }
        assert_eq!(found(&m, "مدينة كفر نبل")[0].1, "Q2");
        // `lookup` resolves a cue entry's spelling exactly, wherever it is.
        let hit = m.lookup("الحسن").unwrap();
        assert_eq!((&*hit.entry.id, hit.via), ("Q1", Link::Exact));
        // An exact spelling of another entry wins over a cue entry's.
        let g2 = gazetteer("Q4\tPLACE\tحلب\t\tcc=SY;cue=place\n");
        let m = Matcher::new(&[g.clone(), g2]).unwrap();
        assert_eq!(found(&m, "مدينة حلب")[0].1, "Q3");
    }

    #[test]
    fn spellings_fold_to_one_entry() {
        let g = gazetteer("Q1\tPLACE\tقره باغ\tقرة باغ\t\nQ2\tPERSON\tعلي\t\t\n");
        assert_eq!(spans(&g, "في قرة باغ وقره باغ"), ["قرة باغ", "قره باغ"]);
        assert_eq!(spans(&g, "قال علي إن"), ["علي"]);
        assert_eq!(spans(&g, "على الطاولة"), Vec::<String>::new());
    }

    #[test]
    fn rejected_match_does_not_hide_a_later_one() {
        let g = gazetteer("Q1\tPLACE\tعمان\t\t\nQ2\tPLACE\tمان\t\t\n");
        assert_eq!(spans(&g, "العمانيون في عمان"), ["عمان"]);
        // A city name inside a longer word is not the city.
        assert_eq!(
            spans(&g, "العمانية والعمانيين وعمانيون"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn rejected_match_does_not_hide_a_shorter_one_from_the_same_start() {
        let g = gazetteer("Q1\tPLACE\tغزة\t\t\nQ2\tPLACE\tغزة هاشم\t\t\n");
        assert_eq!(spans(&g, "غزة هاشم"), ["غزة هاشم"]);
        assert_eq!(spans(&g, "غزة هاشمي"), ["غزة"]);
    }

    #[test]
    fn nisba_after_a_definite_noun_is_an_adjective() {
        let g = gazetteer(
            "Q851\tPLACE\tالسعودية\tالمملكة العربية السعودية\t\n\
             Q87\tPLACE\tالإسكندرية\t\t\n",
        );
        let cases: &[(&str, &[&str])] = &[
            ("وزارة الصحة السعودية", &[]),
            ("القوات السعودية", &[]),
            ("في السعودية", &["السعودية"]),
            ("إلى السعودية", &["السعودية"]),
            ("قال إن السعودية", &["السعودية"]),
            ("الوزير، السعودية", &["السعودية"]),
            ("المملكة العربية السعودية", &["المملكة العربية السعودية"]),
            ("زار الإسكندرية", &["الإسكندرية"]),
            ("وصل الوفد والسعودية", &["السعودية"]),
        ];
        for (text, want) in cases {
            assert_eq!(spans(&g, text), *want, "in {text:?}");
        }
    }

    #[test]
    fn adjective_shaped_names_after_a_definite_noun_are_adjectives() {
        let g = gazetteer(
            "Q1\tPLACE\tالدار البيضاء\t\ttype=city\n\
             Q2\tPLACE\tالبيضاء\t\ttype=city\n\
             Q3\tPLACE\tالأبيض\t\ttype=city\n\
             Q4\tPLACE\tالرمادي\t\ttype=city\n\
             Q5\tPLACE\tالأردن\t\ttype=country\n\
             Q6\tPLACE\tالنيل\t\ttype=river\n\
             Q7\tPERSON\tالسيسي\t\t\n",
        );
        let cases: &[(&str, &[&str])] = &[
            ("الأسود البيضاء", &[]),
            ("الرخام الأبيض", &[]),
            ("الدخان الرمادي", &[]),
            ("بالألوان البيضاء", &[]),
            ("والقوات الأبيض", &[]),
            // After لل (ل + ال), and a colour coordinated with another.
            ("للأرز الأبيض", &[]),
            ("باللونين الأسود والأبيض", &[]),
            ("الشاي الأخضر والأبيض", &[]),
            // Names after a preposition, an indefinite noun, a place
            // noun, a nisba or a known name; countries; whole names.
            ("في الرمادي", &["الرمادي"]),
            ("مدينة الرمادي", &["الرمادي"]),
            ("العاصمة الرمادي", &["الرمادي"]),
            ("المدينة العراقية الرمادي", &["الرمادي"]),
            ("النيل الأبيض", &["النيل", "الأبيض"]),
            ("زار الملك الأردن", &["الأردن"]),
            ("الرئيس السيسي", &["السيسي"]),
            ("في الدار البيضاء", &["الدار البيضاء"]),
            ("الرمادي، البيضاء", &["الرمادي", "البيضاء"]),
            ("الرمادي والبيضاء", &["الرمادي", "البيضاء"]),
            ("في الأردن والأبيض", &["الأردن", "الأبيض"]),
        ];
        for (text, want) in cases {
            assert_eq!(spans(&g, text), *want, "in {text:?}");
        }
    }

    #[test]
    fn homonyms_are_chosen_by_context() {
        let g = gazetteer(
            "kashf:country:oman\tPLACE\tعمان\tسلطنة عمان\tcc=OM\n\
             Q3805\tPLACE\tعمّان\t\tcc=JO;context=الأردن|الأردنية\n",
        );
        let m = Matcher::new(std::slice::from_ref(&g)).unwrap();
        let ids = |text: &str| -> Vec<String> {
            found(&m, text).into_iter().map(|(_, id, _)| id).collect()
        };
        assert_eq!(ids("في سلطنة عمان"), ["kashf:country:oman"]);
        assert_eq!(ids("زار عمان"), ["kashf:country:oman"]);
        assert_eq!(ids("العاصمة الأردنية عمان"), ["Q3805"]);
        assert_eq!(ids("في عمان الأردنية"), ["Q3805"]);
        assert_eq!(ids("بين الأردن وعمان"), ["Q3805"]);
    }

    const FOREIGN: &str = "Q1\tPLACE\tقره باغ\tكاراباخ\tcc=AZ\n\
         Q2\tPERSON\tجيهون بيراموف\tبيراموف\tcc=AZ\n\
         Q3\tPERSON\tزيلينسكي\t\tcc=UA\n\
         Q4\tPLACE\tدونيتسك\t\tcc=UA\n\
         Q5\tPLACE\tزابوريجيا\t\tcc=UA\n\
         Q6\tPLACE\tخاركيف\t\tcc=UA\n\
         Q7\tPERSON\tشويغو\t\tcc=RU\n\
         Q8\tPLACE\tماريوبول\t\tcc=UA\n\
         Q9\tPLACE\tأوكرانيا\t\tcc=UA\n\
         Q10\tPLACE\tسورية\t\tcc=SY\n";

    #[test]
    fn unseen_spellings_link_as_variants() {
        let g = gazetteer(FOREIGN);
        let m = Matcher::new(std::slice::from_ref(&g)).unwrap();
        let cases: &[(&str, &str, &str)] = &[
            ("في كاراباغ", "كاراباغ", "Q1"),
            ("في قرة باغ", "قرة باغ", "Q1"),
            ("قال بيرموف", "بيرموف", "Q2"),
            ("قال زيلنسكي", "زيلنسكي", "Q3"),
            ("وقال زيلنسكي", "زيلنسكي", "Q3"),
            ("وزيلنسكي", "زيلنسكي", "Q3"),
            ("في دونتسك", "دونتسك", "Q4"),
            ("بدونتسك", "دونتسك", "Q4"),
            ("في زابوروجيا", "زابوروجيا", "Q5"),
            ("مدينة خاركوف", "خاركوف", "Q6"),
            ("قال شويجو", "شويجو", "Q7"),
            ("في ماريوبل", "ماريوبل", "Q8"),
            ("في أوكرينيا", "أوكرينيا", "Q9"),
            ("في اوكرانيا", "اوكرانيا", "Q9"),
        ];
        for (text, span, id) in cases {
            let got = found(&m, text);
            assert_eq!(got.len(), 1, "{text:?}: {got:?}");
            let (s, i, source) = &got[0];
            assert_eq!((s.as_str(), i.as_str()), (*span, *id), "in {text:?}");
            let want = if text.contains("قرة باغ") || text.contains("اوكرانيا") {
                Source::Gazetteer
            } else {
                Source::Variant
            };
            assert_eq!(*source, want, "in {text:?}");
        }
    }

    #[test]
    fn variants_are_guarded() {
        let g = gazetteer(&format!(
            "{FOREIGN}Q11\tPLACE\tماريوبل\t\tcc=UA\n\
             Q12\tPLACE\tتومسك\t\tcc=RU\n\
             Q13\tPLACE\tلشبونة\t\tcc=PT\n\
             Q14\tPLACE\tأنقرة\t\tcc=TR\n"
        ));
        let m = Matcher::new(std::slice::from_ref(&g)).unwrap();
        let cases: &[(&str, &[(&str, &str)])] = &[
            // An exact spelling of another entry wins.
            ("في ماريوبل", &[("ماريوبل", "Q11")]),
            // Relational adjectives are not the place.
            ("الجيش الأوكراني", &[]),
            ("جندي أوكراني", &[]),
            ("القوات الاوكرانية", &[]),
            // Arab entries have no variants: سوريه is exact, سوريي not linked.
            ("في سوريه", &[("سوريه", "Q10")]),
            ("سوريي المهجر", &[]),
            // Too far from the entry's spelling, or too short.
            ("قرن", &[]),
            ("كرين", &[]),
            ("دونيسك", &[]),
            // Arabic words: frequent, or a frequent stem with affixes.
            ("تمسكه بموقفه", &[]),
            ("لشبابنا", &[]),
            ("ينكره", &[]),
            // The article, alone or after a clitic.
            ("الزيلنسكي", &[]),
            ("بالزيلنسكي", &[]),
            // A nisba in the accusative: فرنسياً.
            (
                "أوكرانيا أوكرانيا",
                &[("أوكرانيا", "Q9"), ("أوكرانيا", "Q9")],
            ),
        ];
        for (text, want) in cases {
            let got: Vec<(String, String)> = found(&m, text)
                .into_iter()
                .map(|(s, i, _)| (s, i))
                .collect();
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(s, i)| (s.to_string(), i.to_string()))
                .collect();
            assert_eq!(got, want, "in {text:?}");
        }
    }

    #[test]
    fn lookup_says_how_it_found_the_entry() {
        let g = gazetteer(FOREIGN);
        let m = Matcher::new(std::slice::from_ref(&g)).unwrap();
        let l = m.lookup("زيلينسكي").unwrap();
        assert_eq!((&*l.entry.id, l.via), ("Q3", Link::Exact));
        let l = m.lookup("زيلنسكي").unwrap();
        assert_eq!(
            (&*l.entry.id, l.via, l.variant_key.as_str()),
            ("Q3", Link::Variant, "زلنسك")
        );
        assert!(m.lookup("موسكو").is_none());
    }
}
