//! Training: averaged structured perceptrons on gold lines.
//!
//! In: the training lines of gold documents ([`Example`]: features, gold
//! tags, separators), made by [`examples`] from a chunk, what the finders
//! found in it and its gold labels. Out: a [`Model`]: the mean of three
//! averaged perceptrons each trained in its own shuffled order, with small
//! weights pruned, and a second pass ([`super::stack`]) when there are
//! enough documents. The same data and seed give the same model, byte for
//! byte. (Turning gold documents into those labels is `crate::train`'s.)

use super::features::{features, infos, joins, lines, word_candidates};
use super::{Model, NewsLexicon, TAGS, begin_tag, stack};
use crate::doc::{Candidate, Chunk, Label};
use crate::hash::FastMap;

/// One line of a gold document, ready for training.
#[derive(Clone, Debug)]
pub(crate) struct Example {
    pub(super) feats: Vec<Vec<u64>>,
    pub(super) joined: Vec<bool>,
    pub(super) gold: Vec<usize>,
    /// Each word's [`stack::stem_hash`], for the second pass.
    pub(super) stems: Vec<u64>,
}

/// The training lines of one chunk, its words read with the news lexicon
/// `news` if any: `gold` gives each word's gold span as (label, whether the
/// word starts it).
pub(crate) fn examples(
    chunk: &Chunk<'_>,
    cands: &[Candidate],
    gold: &[Option<(Label, bool)>],
    news: Option<&NewsLexicon>,
    out: &mut Vec<Example>,
) {
    let at = word_candidates(chunk.words, cands);
    let info = infos(chunk, cands, &at, news, None);
    for line in lines(&info) {
        let mut feats = vec![Vec::new(); line.len()];
        for (n, i) in line.clone().enumerate() {
            features(&info, i, &line, &mut feats[n]);
        }
        let joined: Vec<bool> = info[line.clone()].iter().map(joins).collect();
        // A gold span across punctuation is two spans to the tagger.
        let gold = gold[line.clone()]
            .iter()
            .zip(&joined)
            .map(|(g, &joined)| match g {
                None => 0,
                Some((label, begins)) => {
                    begin_tag(*label).expect("a name label") + usize::from(!begins && joined)
                }
            })
            .collect();
        let stems = info[line]
            .iter()
            .map(|w| stack::stem_hash(w.stem))
            .collect();
        out.push(Example {
            feats,
            joined,
            gold,
            stems,
        });
    }
}

/// Averaged perceptron weights while training: the weights, and the sum of
/// each update times the step it was made at.
#[derive(Clone, Default)]
struct Acc {
    w: [f32; TAGS],
    u: [f64; TAGS],
}

impl Acc {
    fn add(&mut self, t: usize, delta: f32, step: u64) {
        self.w[t] += delta;
        self.u[t] += f64::from(delta) * step as f64;
    }

    fn average(&self, step: u64) -> [f32; TAGS] {
        std::array::from_fn(|t| (f64::from(self.w[t]) - self.u[t] / step as f64) as f32)
    }
}

/// Averaged weights at most this large are left out of a trained model.
const PRUNE: f32 = 1.0;

/// Trains a model on the lines of gold documents `docs` for `epochs`
/// passes, and its second pass ([`stack::train`]) when there are enough
/// documents, shuffling the lines by seeds shifted by `seed`. The same
/// data and seed give the same model.
pub(crate) fn train(
    docs: &[Vec<Example>],
    epochs: usize,
    seed: u64,
    news: Option<NewsLexicon>,
) -> Model {
    let lines: Vec<&Example> = docs.iter().flatten().collect();
    let mut model = train_pass(&lines, epochs, seed);
    if !model.is_empty() {
        model.second = stack::train(docs, epochs, seed).map(Box::new);
    }
    model.news = news;
    model
}

/// Trains one pass on `examples` for `epochs` passes: the mean of three
/// averaged perceptrons, each visiting the examples in its own order
/// (shuffled by seeds `seed`, `seed + 1` and `seed + 2`: the same data
/// and seed give the same model), with the weights of at most [`PRUNE`]
/// left out.
pub(super) fn train_pass(examples: &[&Example], epochs: usize, seed: u64) -> Model {
    // Parameter mixing (McDonald et al. 2010): each order of the examples
    // gives a somewhat different model, and their mean is steadier.
    // ANERcorp's 5-fold with three: PLACE 0.866 → 0.873, ORG 0.623 →
    // 0.625, PERSON 0.780 → 0.778; with five, 0.872, 0.631 and 0.780, for
    // two thirds more training time.
    const MIX: u64 = 3;
    let models: Vec<Model> = (0..MIX)
        .map(|n| train_seeded(examples, epochs, seed.wrapping_add(n)))
        .collect();
    let mut mean: FastMap<u64, [f32; TAGS]> = FastMap::default();
    let mut model = Model {
        id: Model::next_id(),
        ..Model::default()
    };
    let share = 1.0 / MIX as f32;
    for m in &models {
        for (f, w) in &m.weights {
            let sum = mean.entry(*f).or_default();
            for (s, w) in sum.iter_mut().zip(w) {
                *s += w * share;
            }
        }
        for (row, m) in model.trans.iter_mut().zip(&m.trans) {
            for (s, w) in row.iter_mut().zip(m) {
                *s += w * share;
            }
        }
    }
    model.weights = mean
        .into_iter()
        .filter(|(_, w)| w.iter().any(|w| w.abs() > PRUNE))
        .collect();
    model
}

/// Trains one averaged perceptron on `examples` for `epochs` passes,
/// visiting them in an order shuffled by a fixed seed and `seed`; no
/// weight is pruned.
fn train_seeded(examples: &[&Example], epochs: usize, seed: u64) -> Model {
    let mut weights: FastMap<u64, Acc> = FastMap::default();
    let mut trans: Vec<Acc> = vec![Acc::default(); TAGS + 1];
    let mut current = Model::default();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng: u64 = 0x9E37_79B9_7F4A_7C15 ^ seed;
    let mut pred = Vec::new();
    let mut step: u64 = 1;
    for _ in 0..epochs {
        // Fisher–Yates with a 64-bit LCG (Knuth's MMIX constants).
        for i in (1..order.len()).rev() {
            rng = rng
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            order.swap(i, (rng >> 33) as usize % (i + 1));
        }
        for &e in &order {
            let ex = examples[e];
            let emits: Vec<_> = ex.feats.iter().map(|f| current.scores(f)).collect();
            current.viterbi(&emits, &ex.joined, &mut pred);
            if pred != ex.gold {
                for i in 0..pred.len() {
                    let (g, p) = (ex.gold[i], pred[i]);
                    let (gp, pp) = if i == 0 {
                        (TAGS, TAGS)
                    } else {
                        (ex.gold[i - 1], pred[i - 1])
                    };
                    if (gp, g) != (pp, p) {
                        trans[gp].add(g, 1.0, step);
                        trans[pp].add(p, -1.0, step);
                        current.trans[gp][g] += 1.0;
                        current.trans[pp][p] -= 1.0;
                    }
                    if g == p {
                        continue;
                    }
                    for f in &ex.feats[i] {
                        let acc = weights.entry(*f).or_default();
                        acc.add(g, 1.0, step);
                        acc.add(p, -1.0, step);
                        let cur = current.weights.entry(*f).or_default();
                        cur[g] += 1.0;
                        cur[p] -= 1.0;
                    }
                }
            }
            step += 1;
        }
    }
    let mut model = Model {
        id: Model::next_id(),
        ..Model::default()
    };
    for (p, acc) in trans.iter().enumerate() {
        model.trans[p] = acc.average(step);
    }
    for (f, acc) in weights {
        model.weights.insert(f, acc.average(step));
    }
    model
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::doc::Source;
    use crate::eval::parse_conll;
    use crate::tagger::features::split_clitic;
    use crate::tagger::fixtures::{
        FINDERS, LearnCase, PEOPLE, PLACES, PROBES, TRAINED, gold, names, news_text, pattern_conll,
        slice, with_model,
    };
    use crate::tagger::{NewsCounts, news};
    #[test]
    fn training_is_deterministic() {
        let docs = gold();
        let a = FINDERS.train(&docs, 3).to_bytes();
        let b = FINDERS.train(&docs, 3).to_bytes();
        assert!(a == b, "two trainings on the same data differ");
        // With a second pass (four-line documents), too.
        let grouped = crate::eval::group(gold(), crate::eval::Grouping::Every(4));
        let two = FINDERS.train(&grouped, 3);
        assert!(two.second.is_some());
        assert!(two.to_bytes() == FINDERS.train(&grouped, 3).to_bytes());
        // And the examples themselves, trained on directly.
        let m = FINDERS.train(&docs[..5], 2);
        assert_eq!(m.to_bytes(), FINDERS.train(&docs[..5], 2).to_bytes());
        assert_ne!(m.to_bytes(), a, "less data, fewer epochs: another model");
    }

    #[test]
    fn a_seed_gives_another_model_that_learns_as_well() {
        // Four-line documents: both passes are trained, and both shuffled.
        let grouped = crate::eval::group(gold(), crate::eval::Grouping::Every(4));
        let zero = FINDERS.train(&grouped, 10);
        assert!(
            FINDERS.train_with_seed(&grouped, 10, 0, None).to_bytes() == zero.to_bytes(),
            "seed 0 is what `train` trains"
        );
        let seven = FINDERS.train_with_seed(&grouped, 10, 7, None);
        assert!(
            seven.to_bytes() == FINDERS.train_with_seed(&grouped, 10, 7, None).to_bytes(),
            "the same seed gives the same model"
        );
        let (first, second) = (seven.second.as_deref(), zero.second.as_deref());
        assert!(
            seven.weights != zero.weights,
            "the first pass is trained in another order"
        );
        assert!(
            first
                .zip(second)
                .is_some_and(|(a, b)| a.weights != b.weights),
            "and so is the second"
        );
        // Another order, the same pattern learnt.
        let (a, b) = (with_model(zero), with_model(seven));
        for probe in PROBES {
            assert_eq!(
                names(&a.extract(probe)),
                names(&b.extract(probe)),
                "{probe:?}"
            );
        }
    }

    #[test]
    fn training_on_nothing_gives_an_empty_model() {
        assert!(FINDERS.train(&[], 5).is_empty());
        assert!(FINDERS.train(&gold(), 0).is_empty());
    }

    #[test]
    fn news_tells_what_the_context_cannot() {
        use Label::{Person, Place};
        // The pattern, and «شاهدنا NAME اليوم .» where the name is as often
        // a person as a place: there, only the word itself can tell.
        let mut conll = pattern_conll();
        for (person, place) in PEOPLE.iter().zip(PLACES) {
            conll.push_str(&format!("شاهدنا O\n{person} B-PERS\nاليوم O\n. O\n\n"));
            conll.push_str(&format!("شاهدنا O\n{place} B-LOC\nاليوم O\n. O\n\n"));
        }
        let gold = parse_conll(&conll, "gold.conll").unwrap();
        let first = FINDERS.train(&gold, 10);
        assert!(first.news().is_none());
        let mut counts = NewsCounts::default();
        let mut scratch = crate::extract::Scratch::default();
        FINDERS.count_news(&first, &news_text(), true, &mut scratch, &mut counts);
        let lexicon = counts.lexicon();
        // The new names' codes: three mentions, all in a person or a place.
        let code = |word: &str| lexicon.code(split_clitic(word).1);
        assert_eq!(code("كرمشون"), [5, 0, 0, 0]);
        assert_eq!(code("دوبلاط"), [0, 5, 0, 0]);
        assert_eq!(code("هلبوز"), news::UNSEEN);
        let second = FINDERS.train_with_news(&gold, 10, lexicon.clone());
        assert_eq!(second.news(), Some(&lexicon));
        let read = Model::from_bytes(&second.to_bytes()).unwrap();
        assert_eq!(
            read.news(),
            Some(&lexicon),
            "the model file carries the lexicon"
        );

        let (with_news, without) = (with_model(read), with_model(first));
        let cases: &[LearnCase] = &[
            (
                "شاهدنا كرمشون اليوم .",
                &[(Person, "كرمشون", Source::Model)],
            ),
            ("شاهدنا دوبلاط اليوم .", &[(Place, "دوبلاط", Source::Model)]),
        ];
        for &(text, want) in cases {
            assert_eq!(names(&with_news.extract(text)), want, "{text:?}");
        }
        assert!(
            cases
                .iter()
                .any(|(text, want)| names(&without.extract(text)) != *want),
            "the model without news already tells them apart: the test shows nothing"
        );
    }

    #[test]
    fn training_learns_a_pattern_the_finders_miss() {
        use Label::{Person, Place};
        let tagger = with_model(TRAINED.clone());
        let cases: &[LearnCase] = &[
            (
                "كتب كرمشون رسالة تقول إن الحديث طال في دوبلاط .",
                &[
                    (Person, "كرمشون", Source::Model),
                    (Place, "دوبلاط", Source::Model),
                ],
            ),
            (
                "وفي الصباح كتب هلبوز رسالة تقول إن الطقس كان باردا في سنطوح .",
                &[
                    (Person, "هلبوز", Source::Model),
                    (Place, "سنطوح", Source::Model),
                ],
            ),
            // A place the gazetteer knows keeps its candidate (and source).
            (
                "كتب مرتلان رسالة تقول إن الناس ينتظرون في القاهرة .",
                &[
                    (Person, "مرتلان", Source::Model),
                    (Place, "القاهرة", Source::Gazetteer),
                ],
            ),
        ];
        for &(text, want) in cases {
            let before = FINDERS.extract(text);
            for (label, name, _) in want.iter().filter(|w| w.2 == Source::Model) {
                assert!(
                    !before.iter().any(|e| e.text.contains(name)),
                    "the finders alone already find {label:?} {name} in {text:?}: {before:?}; \
                     pick other made-up names"
                );
            }
            let ents = tagger.extract(text);
            assert_eq!(names(&ents), want, "{text:?}");
            for e in &ents {
                assert_eq!(e.text, slice(text, e.start, e.end), "offsets of {e:?}");
            }
        }
    }
}
