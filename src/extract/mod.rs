//! Stage 3: extraction. Runs every finder over normalised text and turns
//! what they find into [`Entity`] values with offsets into the original.
//!
//! In: original text (a whole document, or one chunk of it). Out: entities,
//! sorted by `start`, never overlapping, each with `start`/`end` in Unicode
//! code points of the original and `text` equal to exactly that slice.
//!
//! How a chunk flows:
//! 1. [`Normalizer`] folds the text, keeping the offset map; the matching
//!    key is made from the normalised text (same byte offsets).
//! 2. Each finder (gazetteer, context rules, dates, numbers, …) pushes
//!    `Candidate`s with byte ranges of the *normalised* text into one list.
//!    Finders know nothing of output formats; the context rules (titles,
//!    name lexicons, place nouns, organisation heads) read what the
//!    gazetteer found, so they run right after it.
//! 3. `resolve` keeps a non-overlapping set: leftmost, then longest, then
//!    the finder with the higher `Candidate::rank`; then every name no
//!    finder linked is resolved against the gazetteers (exact, alias,
//!    variant, fuzzy: `link`), and people are linked within the chunk (a
//!    surname alone takes the full name's `norm` and `id`, `source:
//!    linked`).
//! 4. The learned [`tagger`] (unless the extractor runs without a model)
//!    reads all of that and makes the final call on people, places and
//!    organisations; resolution and linking run again on its result.
//! 5. A name the rules or the tagger grew word by word ends at a bidi
//!    control or a change between Arabic and Latin script (`breaks`).
//! 6. Ranges are mapped back through the offset map to original bytes, then
//!    to code points.

mod breaks;

// The tagger was a part of this module; its path stays.
pub use crate::tagger;
pub use crate::tagger::{Model, NewsCounts, NewsLexicon};

// The shared vocabulary lives in `crate::doc`, below every stage; these
// re-exports keep the paths `kashf::extract::Label`, … working.
pub(crate) use crate::doc::{Candidate, Chunk, Lex, resolve, words_into};
pub use crate::doc::{Entity, HijriCalendar, Kind, Label, Link, Source, Value};

use std::ops::Range;
use std::sync::{Arc, LazyLock};

use chrono::NaiveDate;

use crate::gazetteer::{Gazetteer, Matcher};
use crate::normalize::{Normalized, Normalizer, matching_key};
use crate::resolve::{entity, link};
use crate::rules;
use crate::values;
use crate::vocab::Vocab;

/// Drops a number or date that starts inside a word, after what would be
/// a proclitic, when a person a rule found runs from an earlier word into
/// that word: the fold made the name's letters look like a date word
/// («كولن باول أمس»: باول is بأول, «the day before yesterday», only in the
/// matching key). A pattern at a word start still wins over a rule (see
/// [`resolve`]).
fn drop_patterns_inside_names(key: &str, cands: &mut Vec<Candidate>) {
    let mut names: Vec<Range<usize>> = cands
        .iter()
        .filter(|c| c.source == Source::Rule && c.label == Label::Person)
        .map(|c| c.range.clone())
        .collect();
    if names.is_empty() {
        return;
    }
    names.sort_by_key(|r| r.start);
    cands.retain(|c| {
        if c.source != Source::Pattern {
            return true;
        }
        let word_start = crate::doc::word_start(key, c.range.start);
        if word_start == c.range.start {
            return true;
        }
        // The names that start before the pattern's word; rule names do not
        // overlap one another, so the last of them is the one to test.
        let before = names.partition_point(|r| r.start < word_start);
        before == 0 || names[before - 1].end <= c.range.start
    });
}

/// Web and email addresses, @handles and host names: text no finder
/// should read («www.tvtc.gov.sa» holds no organisation «sa», nor
/// «h.sandokji@asharqalawsat.com» a «sandokji»: 48 false names in a tenth of
/// the news corpus). Only printable ASCII counts as part of an address, so
/// an Arabic word glued after one («gmail.comللتواصل») stays text.
static ADDRESS: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?xi-u)
        (?:https?://|www\.)[!-~]+
        | [a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+
        | @[a-z0-9_]+
        | \b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|edu|gov|info|int|sa|ae|eg|qa|kw|bh|om|jo|uk)\b",
    )
    .expect("a valid pattern")
});

/// Puts the web and email addresses of `text` into `out` (see
/// [`ADDRESS`]), in order. Found once per chunk: the finders' candidates
/// and the tagger's both leave them out ([`drop_inside`]).
fn addresses_into(text: &str, out: &mut Vec<Range<usize>>) {
    out.clear();
    // Every address holds an «@» or a dot before a Latin letter, and most
    // news text neither: without this test the pattern's scan made a run
    // over a tenth of the news corpus 2.5 s → 3.6 s.
    let bytes = text.as_bytes();
    let dotted = memchr::memchr_iter(b'.', bytes)
        .any(|i| bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic));
    if dotted || memchr::memchr(b'@', bytes).is_some() {
        out.extend(ADDRESS.find_iter(text).map(|m| m.range()));
    }
}

/// Drops every candidate that overlaps one of `addresses` (sorted, as
/// [`addresses_into`] leaves them).
fn drop_inside(addresses: &[Range<usize>], cands: &mut Vec<Candidate>) {
    if addresses.is_empty() {
        return;
    }
    cands.retain(|c| {
        let i = addresses.partition_point(|r| r.end <= c.range.start);
        i == addresses.len() || addresses[i].start >= c.range.end
    });
}

/// How many bytes a chunk holds at most before the pipeline cuts a document
/// (at a paragraph break if it can, else a line break, else a space).
pub const CHUNK_BYTES: usize = 1 << 20;

/// Where to end a chunk of `text` of at most `max` bytes: after the last
/// paragraph break in the second half of the window, else the last line
/// break, else the last whitespace, else the last character boundary.
/// Returns `text.len()` when all of it fits.
pub fn chunk_end(text: &str, max: usize) -> usize {
    if text.len() <= max {
        return text.len();
    }
    let mut limit = max;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &text[..limit];
    let half = limit / 2;
    let after = |i: Option<usize>, len: usize| i.map(|i| i + len).filter(|&e| e > half);
    after(window.rfind("\n\n"), 2)
        .or_else(|| after(window.rfind('\n'), 1))
        .or_else(|| after(window.rfind(char::is_whitespace), 1))
        .filter(|&e| text.is_char_boundary(e))
        .unwrap_or(if limit == 0 {
            // A single character longer than `max`: take it whole.
            text.chars().next().map_or(0, char::len_utf8)
        } else {
            limit
        })
}

/// Reusable per-thread buffers for [`Extractor::extract_chunk`].
#[derive(Default)]
pub struct Scratch {
    pub(crate) normalized: Normalized,
    pub(crate) key: String,
    pub(crate) words: Vec<Range<usize>>,
    /// What the vocabulary knows of each of `words` ([`Chunk::lex`]).
    pub(crate) lex: Vec<Lex>,
    pub(crate) cands: Vec<Candidate>,
    triggers: Vec<usize>,
    /// The chunk's web and email addresses ([`addresses_into`]).
    addresses: Vec<Range<usize>>,
    tagger: tagger::Cache,
}

/// Builds an [`Extractor`].
///
/// # Examples
///
/// ```
/// use kashf::extract::{Extractor, Label};
///
/// let extractor = Extractor::builder().build().unwrap();
/// let entities = extractor.extract("زار الوزير موسكو.");
/// assert_eq!(entities[0].label, Label::Place);
/// assert_eq!(entities[0].text, "موسكو");
/// ```
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    default_gazetteers: bool,
    gazetteers: Vec<Gazetteer>,
    ref_date: Option<NaiveDate>,
    hijri: HijriCalendar,
    /// `None`: the embedded model, unless `default_model` is off.
    model: Option<Model>,
    default_model: bool,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder {
            default_gazetteers: true,
            gazetteers: Vec::new(),
            ref_date: None,
            hijri: HijriCalendar::UmmAlQura,
            model: None,
            default_model: true,
        }
    }
}

/// The embedded tagger model, read once.
static EMBEDDED_MODEL: LazyLock<Arc<Model>> = LazyLock::new(|| Arc::new(Model::embedded()));

impl ExtractorBuilder {
    /// Whether to use the embedded default gazetteers (default: yes).
    pub fn default_gazetteers(mut self, yes: bool) -> Self {
        self.default_gazetteers = yes;
        self
    }

    /// Adds a user gazetteer. Its spellings take precedence over the
    /// defaults' where both list the same one.
    pub fn gazetteer(mut self, gazetteer: Gazetteer) -> Self {
        self.gazetteers.push(gazetteer);
        self
    }

    /// The reference date for relative dates (اليوم، أمس، الأسبوع الماضي).
    pub fn ref_date(mut self, date: Option<NaiveDate>) -> Self {
        self.ref_date = date;
        self
    }

    /// The calendar Hijri dates are converted with (default: Umm al-Qura).
    ///
    /// # Examples
    ///
    /// ```
    /// use kashf::{Extractor, HijriCalendar, Value};
    ///
    /// let value = |calendar| {
    ///     let e = Extractor::builder()
    ///         .default_model(false)
    ///         .hijri_calendar(calendar)
    ///         .build()
    ///         .unwrap();
    ///     match &e.extract("العيد في 1 شوال 1444 هـ")[0].value {
    ///         Some(Value::Timex(v)) => v.clone(),
    ///         other => panic!("{other:?}"),
    ///     }
    /// };
    /// assert_eq!(value(HijriCalendar::UmmAlQura), "2023-04-21");
    /// assert_eq!(value(HijriCalendar::Tabular), "2023-04-22");
    /// ```
    pub fn hijri_calendar(mut self, calendar: HijriCalendar) -> Self {
        self.hijri = calendar;
        self
    }

    /// Whether to run the embedded tagger model when no other is given
    /// (default: yes). Without a model, the finders' names are final.
    pub fn default_model(mut self, yes: bool) -> Self {
        self.default_model = yes;
        self
    }

    /// Uses `model` (from `kashf train`) instead of the embedded one.
    pub fn model(mut self, model: Model) -> Self {
        self.model = Some(model);
        self
    }

    /// Builds the matchers.
    ///
    /// # Errors
    ///
    /// If the gazetteer automaton cannot be built.
    pub fn build(self) -> crate::error::Result<Extractor> {
        // The embedded gazetteers alone (the usual case): their matcher is
        // read in place from the binary, once, and shared.
        static EMBEDDED_MATCHER: LazyLock<Arc<Matcher>> =
            LazyLock::new(|| Arc::new(Matcher::embedded()));
        let matcher = if self.gazetteers.is_empty() && self.default_gazetteers {
            Arc::clone(&EMBEDDED_MATCHER)
        } else {
            let mut all = self.gazetteers;
            if self.default_gazetteers {
                all.push(Gazetteer::embedded());
            }
            Arc::new(Matcher::from_owned(all)?)
        };
        let model = match self.model {
            Some(m) => Some(Arc::new(m)),
            None if self.default_model => Some(Arc::clone(&EMBEDDED_MODEL)),
            None => None,
        }
        .filter(|m| !m.is_empty());
        Ok(Extractor {
            normalizer: Normalizer::new(crate::gazetteer::PIPELINE_FOLDS),
            matcher,
            ref_date: self.ref_date,
            hijri: self.hijri,
            model,
        })
    }
}

/// The whole pipeline, built once and shared read-only across threads.
#[derive(Clone, Debug)]
pub struct Extractor {
    normalizer: Normalizer,
    matcher: Arc<Matcher>,
    ref_date: Option<NaiveDate>,
    hijri: HijriCalendar,
    model: Option<Arc<Model>>,
}

impl Extractor {
    /// A builder with the defaults: embedded gazetteers, no reference date.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The same extractor with another reference date; cheap (the
    /// matchers are shared, not rebuilt).
    pub fn with_ref_date(&self, date: Option<NaiveDate>) -> Extractor {
        Extractor {
            ref_date: date,
            ..self.clone()
        }
    }

    /// The gazetteer matcher.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Extracts the entities of one whole document. Long documents are cut
    /// into chunks of at most [`CHUNK_BYTES`] as the CLI does, so the
    /// result is the same as `kashf extract` gives.
    pub fn extract(&self, text: &str) -> Vec<Entity> {
        self.extract_with(text, &mut Scratch::default())
    }

    /// [`extract`](Extractor::extract) with the buffers of `scratch`, kept
    /// between documents (one per thread): the tagger remembers there the
    /// words it has seen, which a stream of short documents gains most from.
    ///
    /// # Examples
    ///
    /// ```
    /// use kashf::extract::{Extractor, Scratch};
    ///
    /// let extractor = Extractor::builder().build()?;
    /// let mut scratch = Scratch::default();
    /// for text in ["زار الوزير موسكو", "ثم عاد إلى القاهرة"] {
    ///     let found = extractor.extract_with(text, &mut scratch);
    ///     assert_eq!(found, extractor.extract(text));
    /// }
    /// # Ok::<(), kashf::Error>(())
    /// ```
    pub fn extract_with(&self, text: &str, scratch: &mut Scratch) -> Vec<Entity> {
        let mut out = Vec::new();
        let (mut rest, mut base, mut first) = (text, 0, true);
        while first || !rest.is_empty() {
            let cut = chunk_end(rest, CHUNK_BYTES);
            let (chunk, tail) = rest.split_at(cut);
            let from = out.len();
            let chars = self.extract_chunk(chunk, first, scratch, &mut out);
            for e in &mut out[from..] {
                e.start += base;
                e.end += base;
            }
            base += chars;
            rest = tail;
            first = false;
        }
        out
    }

    /// Extracts the entities of one chunk of a document into `out`, with
    /// offsets relative to the chunk. `doc_start` says whether the chunk
    /// opens its document (only there is a dateline looked for). Returns
    /// the chunk's length in code points.
    pub fn extract_chunk(
        &self,
        original: &str,
        doc_start: bool,
        scratch: &mut Scratch,
        out: &mut Vec<Entity>,
    ) -> usize {
        match &self.model {
            Some(model) => self.tag(model, original, doc_start, scratch),
            None => self.finders(original, doc_start, scratch),
        }
        // Resolution after detection (the training and the news counts read
        // detection alone), then in-document links again with the ids it
        // found.
        {
            let Scratch {
                normalized,
                key,
                words,
                lex,
                cands,
                ..
            } = &mut *scratch;
            let chunk = Chunk {
                text: normalized.text(),
                key,
                words,
                lex,
                ref_date: None,
                hijri: self.hijri,
            };
            entity::resolve(&chunk, &self.matcher, cands);
            let written = |r| &original[normalized.source_range(r)];
            entity::drop_ordinary_words(&chunk, &self.matcher, &written, cands);
            entity::prefer_fitting_entries(&chunk, &self.matcher, cands);
            link::link(&chunk, cands);
        }
        let Scratch {
            normalized,
            words,
            cands,
            ..
        } = scratch;
        breaks::cut_names(original, normalized, words, cands);
        to_entities(original, normalized, cands.drain(..), out)
    }

    /// Runs every finder and then `model` on one chunk, leaving the
    /// normalised text, key, words and the tagger's linked candidates in
    /// `scratch`.
    pub(crate) fn tag(
        &self,
        model: &Model,
        original: &str,
        doc_start: bool,
        scratch: &mut Scratch,
    ) {
        self.finders(original, doc_start, scratch);
        let Scratch {
            normalized,
            key,
            words,
            lex,
            cands,
            addresses,
            tagger: cache,
            ..
        } = scratch;
        let chunk = Chunk {
            text: normalized.text(),
            key,
            words,
            lex,
            ref_date: None,
            hijri: HijriCalendar::default(),
        };
        tagger::apply(model, &chunk, cands, cache, &self.matcher);
        drop_inside(addresses, cands);
        link::link(&chunk, cands);
    }

    /// Runs every finder on one chunk, up to linking, leaving the
    /// normalised text, key, words and resolved candidates in `scratch`.
    pub(crate) fn finders(&self, original: &str, doc_start: bool, scratch: &mut Scratch) {
        let Scratch {
            normalized,
            key,
            words,
            lex,
            cands,
            triggers,
            addresses,
            ..
        } = scratch;
        self.normalizer.normalize_into(original, normalized);
        matching_key(normalized.text(), key);
        words_into(key, words);
        Vocab::get().lex_into(key, words, lex);
        cands.clear();
        let chunk = Chunk {
            text: normalized.text(),
            key,
            words,
            lex,
            ref_date: self.ref_date,
            hijri: self.hijri,
        };
        self.matcher.find(&chunk, cands);
        // Rules read the gazetteer's candidates (names stay off known
        // places), so they run right after it.
        rules::find(&chunk, &self.matcher, cands);
        // Dates and numbers parse at the same places: words of their
        // lexicon and digits, found once (and the dateline, the reference
        // date, among them).
        values::find(&chunk, doc_start, triggers, cands);
        drop_patterns_inside_names(chunk.key, cands);
        addresses_into(chunk.text, addresses);
        drop_inside(addresses, cands);
        resolve(cands);
        link::link(&chunk, cands);
    }
}

/// The pipeline's stages run one at a time on one chunk, for the per-stage
/// benchmarks (`benches/pipeline.rs`). Each stage returns how many
/// candidates it found, so a benchmark can check its work. Not a stable
/// API.
#[doc(hidden)]
pub struct Stages<'e> {
    extractor: &'e Extractor,
    scratch: Scratch,
    /// What the gazetteer found in the prepared chunk.
    gazetteer: Vec<Candidate>,
}

#[doc(hidden)]
impl<'e> Stages<'e> {
    /// Stages of `extractor`, with nothing prepared.
    pub fn new(extractor: &'e Extractor) -> Stages<'e> {
        Stages {
            extractor,
            scratch: Scratch::default(),
            gazetteer: Vec::new(),
        }
    }

    /// Normalises `text` (one chunk) and makes its matching key and words;
    /// returns the number of words. Forgets what the gazetteer found.
    pub fn prepare(&mut self, text: &str) -> usize {
        let s = &mut self.scratch;
        self.extractor
            .normalizer
            .normalize_into(text, &mut s.normalized);
        matching_key(s.normalized.text(), &mut s.key);
        words_into(&s.key, &mut s.words);
        Vocab::get().lex_into(&s.key, &s.words, &mut s.lex);
        self.gazetteer.clear();
        s.words.len()
    }

    /// The prepared chunk, and the buffers the stages fill.
    fn parts(s: &mut Scratch) -> (Chunk<'_>, &mut Vec<Candidate>, &mut Vec<usize>) {
        let chunk = Chunk {
            text: s.normalized.text(),
            key: &s.key,
            words: &s.words,
            lex: &s.lex,
            ref_date: None,
            hijri: HijriCalendar::default(),
        };
        (chunk, &mut s.cands, &mut s.triggers)
    }

    /// The gazetteer matcher, exact names and variants.
    pub fn gazetteer(&mut self) -> usize {
        let (chunk, _, _) = Self::parts(&mut self.scratch);
        self.gazetteer.clear();
        self.extractor.matcher.find(&chunk, &mut self.gazetteer);
        self.gazetteer.len()
    }

    /// The context rules, on what [`Stages::gazetteer`] found.
    pub fn rules(&mut self) -> usize {
        let (chunk, cands, _) = Self::parts(&mut self.scratch);
        cands.clone_from(&self.gazetteer);
        rules::find(&chunk, &self.extractor.matcher, cands);
        cands.iter().filter(|c| c.source == Source::Rule).count()
    }

    /// The number and date grammars.
    pub fn numbers_dates(&mut self) -> usize {
        let (chunk, cands, triggers) = Self::parts(&mut self.scratch);
        cands.clear();
        values::find(&chunk, false, triggers, cands);
        cands.len()
    }
}

/// Maps candidates (sorted by start) back to the original, appending
/// entities with code-point offsets. Returns the code-point length of
/// `original`.
fn to_entities(
    original: &str,
    normalized: &Normalized,
    cands: impl Iterator<Item = Candidate>,
    out: &mut Vec<Entity>,
) -> usize {
    // Byte offsets become code points by counting characters incrementally:
    // candidates are sorted, so the whole chunk is walked once.
    let mut at_byte = 0;
    let mut at_char = 0;
    let mut chars_to = |byte: usize| {
        // Offsets may step back for an end followed by the next start; count
        // from the start again only then (rare: spans don't overlap).
        if byte < at_byte {
            at_byte = 0;
            at_char = 0;
        }
        at_char += original[at_byte..byte].chars().count();
        at_byte = byte;
        at_char
    };
    // The original end of the last entity out.
    let mut last_end = 0;
    for c in cands {
        let r = normalized.source_range(c.range.clone());
        // Spans that are apart in the normalised text can meet in one
        // original character that normalises to several words (the
        // ligature «ﷻ» is «جل جلاله»): the first keeps it, and the other
        // is not reported, since no original slice is its alone.
        if r.start < last_end {
            continue;
        }
        last_end = r.end;
        let start = chars_to(r.start);
        let end = chars_to(r.end);
        let norm = c
            .norm
            .unwrap_or_else(|| normalized.text()[c.range.clone()].to_owned());
        out.push(Entity {
            label: c.label,
            text: original[r].to_owned(),
            start,
            end,
            norm,
            value: c.value.map(Value::canonical),
            kind: c.kind,
            id: c.id,
            source: c.source,
            link: c.link,
        });
    }
    chars_to(original.len())
}

/// The pipeline as the 5-fold evaluation runs it, for unit tests: the
/// embedded gazetteers without the ANERcorp people, after the gazetteer
/// `rows` (TSV lines without the header).
#[cfg(test)]
pub(crate) fn extractor_with(rows: &str) -> Extractor {
    let mut embedded = Gazetteer::embedded();
    embedded.retain(|e| e.attr("src") != Some("anercorp"));
    let user =
        Gazetteer::parse(&format!("{}\n{rows}", crate::gazetteer::HEADER), "test.tsv").unwrap();
    Extractor::builder()
        .default_gazetteers(false)
        .gazetteer(user)
        .gazetteer(embedded)
        .default_model(false)
        .build()
        .unwrap()
}

/// A chunk made from a text, for the finders' unit tests.
#[cfg(test)]
pub(crate) struct TestChunk {
    pub normalized: Normalized,
    key: String,
    words: Vec<Range<usize>>,
    lex: Vec<Lex>,
}

#[cfg(test)]
impl TestChunk {
    /// Normalises `text` as the pipeline does.
    pub fn new(text: &str) -> TestChunk {
        let normalized = Normalizer::new(crate::gazetteer::PIPELINE_FOLDS).normalize(text);
        let mut key = String::new();
        matching_key(normalized.text(), &mut key);
        let mut words = Vec::new();
        words_into(&key, &mut words);
        let mut lex = Vec::new();
        Vocab::get().lex_into(&key, &words, &mut lex);
        TestChunk {
            normalized,
            key,
            words,
            lex,
        }
    }

    /// The view the finders get (no reference date).
    pub fn chunk(&self) -> Chunk<'_> {
        Chunk {
            text: self.normalized.text(),
            key: &self.key,
            words: &self.words,
            lex: &self.lex,
            ref_date: None,
            hijri: HijriCalendar::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_of_word_characters() {
        let key = "قال 3 رجال، في: abc-12 ژ\u{00e9}t\u{2014}x\u{1F600}y";
        let mut got = Vec::new();
        words_into(key, &mut got);
        let want: Vec<&str> = key
            .split(|c: char| !crate::doc::is_word_char(c))
            .filter(|w| !w.is_empty())
            .collect();
        let got: Vec<&str> = got.iter().map(|r| &key[r.clone()]).collect();
        assert_eq!(got, want);
        assert_eq!(
            got,
            ["قال", "3", "رجال", "في", "abc", "12", "ژét", "x", "y"]
        );
    }

    #[test]
    fn a_date_inside_a_name_word_is_a_fold_victim() {
        // «باول» folds to «بأول»: «أول أمس» is a date only at a word start.
        let people = |text: &str| -> Vec<String> {
            Extractor::builder()
                .default_gazetteers(false)
                .build()
                .unwrap()
                .extract(text)
                .into_iter()
                .filter(|e| e.label == Label::Person)
                .map(|e| e.text)
                .collect()
        };
        assert_eq!(people("قال الوزير كولن باول أمس إن"), ["كولن باول"]);
        assert_eq!(people("قال الوزير كولن أول أمس إن"), ["كولن"]);
    }

    #[test]
    fn nothing_inside_a_web_or_email_address_is_an_entity() {
        let text = "للتقديم عبر الموقع www.tvtc.gov.sa أو http://www.mcs.gov.sa/News/2014361010.pdf \
                    أو بالبريد h.sandokji@asharqalawsat.com وتابعوا @ibrahim_naseeb \
                    وlocalhaj.haj.gov.sa وزار الوزير الرياض 3 أيام.";
        let both = [
            Extractor::builder().build().unwrap(),
            Extractor::builder().default_model(false).build().unwrap(),
        ];
        for extractor in both {
            let got: Vec<(Label, String)> = extractor
                .extract(text)
                .into_iter()
                .map(|e| (e.label, e.text))
                .collect();
            assert_eq!(
                got,
                [
                    (Label::Place, "الرياض".to_owned()),
                    (Label::Date, "3 أيام".to_owned()),
                ],
                "{text}"
            );
        }
        // A dot before Arabic, or digits, is text.
        let mut c = vec![Candidate::new(0..4, Label::Place, Source::Pattern)];
        let mut addresses = Vec::new();
        addresses_into("جدة.الرياض 3.5", &mut addresses);
        drop_inside(&addresses, &mut c);
        assert_eq!(c.len(), 1);
    }

    #[test]
    fn chunk_end_prefers_paragraphs_then_lines_then_spaces() {
        let cases: &[(&str, usize, usize)] = &[
            ("short", 10, 5),
            ("aaaa\n\nbbbb\ncc dd", 10, 6),
            ("aaaa bbbb\ncc dd ee", 14, 10),
            ("aaaa bbbb cc", 11, 10),
            ("aaaaaaaaaaaa", 5, 5),
            // Never inside a character: 'ب' is two bytes.
            ("بببب", 3, 2),
            // A window too small for one character takes the character.
            ("ب", 1, 2),
        ];
        for (text, max, want) in cases {
            assert_eq!(chunk_end(text, *max), *want, "chunk_end({text:?}, {max})");
        }
    }

    #[test]
    fn chunked_extraction_keeps_document_offsets() {
        let ex = Extractor::builder().build().unwrap();
        let para = "زار الوزير موسكو ثم عاد.\n\n";
        let text = para.repeat(CHUNK_BYTES / para.len() + 10);
        let ents = ex.extract(&text);
        let chars: Vec<char> = text.chars().collect();
        let moscow: Vec<_> = ents.iter().filter(|e| e.norm == "موسكو").collect();
        assert_eq!(moscow.len(), CHUNK_BYTES / para.len() + 10);
        for e in ents {
            let slice: String = chars[e.start..e.end].iter().collect();
            assert_eq!(slice, e.text);
        }
    }
}
