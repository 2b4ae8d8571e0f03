//! Training a tagger model: from gold documents, and from the news a
//! first model reads.
//!
//! In: gold documents ([`GoldDoc`], from [`crate::eval`]'s parsers) and an
//! [`Extractor`] whose finders (gazetteers, rules, numbers, dates) read
//! them; optionally unlabelled text read by a first model ([`NewsCounts`]).
//! Out: a [`Model`] for [`crate::extract::ExtractorBuilder::model`], whose
//! bytes ([`Model::to_bytes`]) are what `kashf train` writes.
//!
//! Each gold document is one chunk: the finders run on it as they do at
//! extraction, every word of its matching key takes the gold label of the
//! span it overlaps (B at a span's first word, I after), and
//! [`crate::tagger`] learns from what the finders said and those
//! labels. The same documents, epochs and seed give the same model.
//!
//! This module sits above both the extractor and the gold formats, so that
//! neither imports the other; the methods below are the extractor's
//! training API.

use crate::eval::GoldDoc;
use crate::extract::{Chunk, Extractor, Model, NewsCounts, NewsLexicon, Scratch};
use crate::tagger;

impl Extractor {
    /// Reads one chunk of unlabelled text as [`Extractor::extract_chunk`]
    /// would, but with `model` (this extractor's own aside), and counts
    /// its words and the names they fall in into `counts`: the news a model
    /// is trained with ([`Extractor::train_with_news`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use kashf::eval::parse_conll;
    /// use kashf::extract::{Extractor, NewsCounts, Scratch};
    ///
    /// let extractor = Extractor::builder().default_model(false).build().unwrap();
    /// let gold = parse_conll("قال B-PERS\nزرنوخ I-PERS\n", "gold.conll").unwrap();
    /// let model = extractor.train(&gold, 5);
    /// let mut counts = NewsCounts::default();
    /// let mut scratch = Scratch::default();
    /// extractor.count_news(&model, "قال زرنوخ إن الوفد وصل.", true, &mut scratch, &mut counts);
    /// let trained = extractor.train_with_news(&gold, 5, counts.lexicon());
    /// assert!(trained.news().is_some());
    /// ```
    pub fn count_news(
        &self,
        model: &Model,
        chunk: &str,
        doc_start: bool,
        scratch: &mut Scratch,
        counts: &mut NewsCounts,
    ) {
        self.tag(model, chunk, doc_start, scratch);
        tagger::count_news(&scratch.key, &scratch.words, &scratch.cands, counts);
    }

    /// Trains a tagger model on gold documents: runs the finders of this
    /// extractor (its own model aside) on each, and learns from what they
    /// say and the gold spans for `epochs` passes. Each document is one
    /// chunk: a gold document longer than [`CHUNK_BYTES`] trains as one
    /// piece.
    ///
    /// [`CHUNK_BYTES`]: crate::extract::CHUNK_BYTES
    pub fn train(&self, docs: &[GoldDoc], epochs: usize) -> Model {
        self.train_with_seed(docs, epochs, 0, None)
    }

    /// Trains as [`Extractor::train`], with each word's code in `news`
    /// (from [`NewsCounts::lexicon`], the news read by a model trained on
    /// the same documents) as a feature; the model carries the lexicon.
    pub fn train_with_news(&self, docs: &[GoldDoc], epochs: usize, news: NewsLexicon) -> Model {
        self.train_with_seed(docs, epochs, 0, Some(news))
    }

    /// Trains as [`Extractor::train`], or as
    /// [`Extractor::train_with_news`] if `news` is given, with the seeds
    /// that shuffle the training order shifted by `seed`: seed 0 is what
    /// the other two train, and another seed gives a model as good on
    /// average but not the same, which tells how much a measured
    /// difference between two models is retraining noise. The same seed
    /// and data give the same model.
    pub fn train_with_seed(
        &self,
        docs: &[GoldDoc],
        epochs: usize,
        seed: u64,
        news: Option<NewsLexicon>,
    ) -> Model {
        let mut scratch = Scratch::default();
        let mut examples = Vec::with_capacity(docs.len());
        let mut gold = Vec::new();
        for doc in docs {
            self.finders(&doc.text, true, &mut scratch);
            let Scratch {
                normalized,
                key,
                words,
                lex,
                cands,
                ..
            } = &scratch;
            // Code-point offset of every byte of the original.
            let mut char_at = vec![0; doc.text.len() + 1];
            let mut n = 0;
            for (b, c) in doc.text.char_indices() {
                char_at[b..b + c.len_utf8()].fill(n);
                n += 1;
            }
            char_at[doc.text.len()] = n;
            gold.clear();
            let mut prev: Option<usize> = None;
            for w in words {
                let r = normalized.source_range(w.clone());
                let (s, e) = (char_at[r.start], char_at[r.end]);
                let g = doc.spans.iter().position(|g| g.start < e && s < g.end);
                gold.push(g.map(|g| (doc.spans[g].label, prev != Some(g))));
                prev = g;
            }
            let chunk = Chunk {
                text: normalized.text(),
                key,
                words,
                lex,
                ref_date: None,
                hijri: crate::doc::HijriCalendar::default(),
            };
            let mut lines = Vec::new();
            tagger::examples(&chunk, cands, &gold, news.as_ref(), &mut lines);
            examples.push(lines);
        }
        tagger::train(&examples, epochs, seed, news)
    }
}
