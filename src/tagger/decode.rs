//! Decoding: the best tag sequence of one line of words (Viterbi).
//!
//! In: each word's emission scores, the transition weights, and for each
//! word whether it may continue the span before it. Out: one tag a word,
//! never an I tag that does not continue a span of its own label
//! ([`allowed`]), never an I tag after punctuation.

use std::cell::RefCell;

use super::{TAGS, Trans, is_begin, tag_label};

/// Whether tag `t` may follow tag `prev` (`None`: the start of a line): an
/// I tag only continues a span of its label.
fn allowed(prev: Option<usize>, t: usize) -> bool {
    t == 0 || is_begin(t) || prev.is_some_and(|p| p != 0 && tag_label(p) == tag_label(t))
}

/// The best tag sequence of one line of words under transition weights
/// `trans` (see [`Model::viterbi`]).
pub(super) fn viterbi(trans: &Trans, emits: &[[f32; TAGS]], joined: &[bool], out: &mut Vec<usize>) {
    let n = emits.len();
    out.clear();
    if n == 0 {
        return;
    }
    // Transitions that [`allowed`] forbids weigh minus infinity.
    let mut trans = *trans;
    for (p, row) in trans.iter_mut().enumerate() {
        let prev = (p < TAGS).then_some(p);
        for (t, w) in row.iter_mut().enumerate() {
            if !allowed(prev, t) {
                *w = f32::NEG_INFINITY;
            }
        }
    }
    // The lattice of a thread's lines, kept from line to line: no
    // allocation a line.
    thread_local! {
        static LATTICE: RefCell<Lattice> = const { RefCell::new((Vec::new(), Vec::new())) };
    }
    LATTICE.with_borrow_mut(|(score, back)| {
        score.clear();
        score.resize(n, [f32::NEG_INFINITY; TAGS]);
        back.clear();
        back.resize(n, [0u8; TAGS]);
        decode(&trans, emits, joined, score, back, out);
    });
}

/// The scores of each tag at each word of a line, and the best tag before
/// it.
type Lattice = (Vec<[f32; TAGS]>, Vec<[u8; TAGS]>);

/// Viterbi over `emits` into `score` and `back` (`n` rows each), the best
/// path into `out`.
fn decode(
    trans: &Trans,
    emits: &[[f32; TAGS]],
    joined: &[bool],
    score: &mut [[f32; TAGS]],
    back: &mut [[u8; TAGS]],
    out: &mut Vec<usize>,
) {
    let n = emits.len();
    for (i, emit) in emits.iter().enumerate() {
        let mut emit = *emit;
        if !joined[i] {
            // Punctuation before the word: no I tag.
            for (t, e) in emit.iter_mut().enumerate() {
                if t != 0 && !is_begin(t) {
                    *e = f32::NEG_INFINITY;
                }
            }
        }
        if i == 0 {
            for t in 0..TAGS {
                score[0][t] = emit[t] + trans[TAGS][t];
            }
            continue;
        }
        // For each tag, the best previous tag: the first of the highest
        // sums, previous tags in order. (Previous tags in the outer loop,
        // so that the seven tags are summed side by side; each tag's sums
        // and comparisons are the same, in the same order.)
        let prev = score[i - 1];
        let mut best = [f32::NEG_INFINITY; TAGS];
        let mut arg = [0u8; TAGS];
        for (p, (s, row)) in prev.iter().zip(trans).enumerate() {
            for t in 0..TAGS {
                let s = s + row[t];
                if s > best[t] {
                    best[t] = s;
                    arg[t] = p as u8;
                }
            }
        }
        for t in 0..TAGS {
            score[i][t] = best[t] + emit[t];
        }
        back[i] = arg;
    }
    let mut t = (0..TAGS)
        .max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b]).then(b.cmp(&a)))
        .unwrap_or(0);
    out.resize(n, 0);
    for i in (0..n).rev() {
        out[i] = t;
        t = usize::from(back[i][t]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::tagger::Model;
    use crate::tagger::fixtures::{B_LOC, B_ORG, B_PER, I_LOC, I_ORG, I_PER, O};
    #[test]
    fn an_inside_tag_only_continues_its_own_label() {
        let cases: &[(&str, Option<usize>, usize, bool)] = &[
            ("O at the start", None, O, true),
            ("B at the start", None, B_LOC, true),
            ("I at the start", None, I_PER, false),
            ("O after O", Some(O), O, true),
            ("B after O", Some(O), B_ORG, true),
            ("I-PER after O", Some(O), I_PER, false),
            ("I-LOC after O", Some(O), I_LOC, false),
            ("I-ORG after O", Some(O), I_ORG, false),
            ("I-PER after B-PER", Some(B_PER), I_PER, true),
            ("I-PER after I-PER", Some(I_PER), I_PER, true),
            ("I-LOC after B-LOC", Some(B_LOC), I_LOC, true),
            ("I-ORG after I-ORG", Some(I_ORG), I_ORG, true),
            ("I-PER after B-LOC", Some(B_LOC), I_PER, false),
            ("I-PER after I-ORG", Some(I_ORG), I_PER, false),
            ("I-LOC after I-PER", Some(I_PER), I_LOC, false),
            ("I-ORG after B-PER", Some(B_PER), I_ORG, false),
            ("B-PER after I-PER", Some(I_PER), B_PER, true),
            ("O after I-ORG", Some(I_ORG), O, true),
        ];
        for &(name, prev, t, want) in cases {
            assert_eq!(allowed(prev, t), want, "{name}");
        }
        // Every pair: an I tag needs a B or I of its label just before.
        for prev in std::iter::once(None).chain((0..TAGS).map(Some)) {
            for t in 0..TAGS {
                let inside = t != O && !is_begin(t);
                let want =
                    !inside || prev.is_some_and(|p| p != O && p.div_ceil(2) == t.div_ceil(2));
                assert_eq!(allowed(prev, t), want, "{prev:?} → {t}");
            }
        }
    }

    /// A model with weights from a fixed pseudo-random sequence, and lines
    /// of features drawn from its rows.
    fn random_model(seed: u64) -> (Model, Vec<Vec<Vec<u64>>>) {
        let mut rng = seed;
        let mut next = move || {
            rng = rng
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            rng >> 33
        };
        let w = |next: &mut dyn FnMut() -> u64| (next() % 2001) as f32 / 100.0 - 10.0;
        let mut model = Model::default();
        for row in &mut model.trans {
            for x in row.iter_mut() {
                *x = w(&mut next);
            }
        }
        for f in 0..40u64 {
            model
                .weights
                .insert(f, std::array::from_fn(|_| w(&mut next)));
        }
        let mut lines = Vec::new();
        for n in 0..=6 {
            for _ in 0..20 {
                let line = (0..n)
                    .map(|_| (0..3).map(|_| next() % 50).collect())
                    .collect();
                lines.push(line);
            }
        }
        (model, lines)
    }

    /// The emission scores of a line of features.
    fn emits(model: &Model, feats: &[Vec<u64>]) -> Vec<[f32; TAGS]> {
        feats.iter().map(|f| model.scores(f)).collect()
    }

    /// The score of a tag sequence under `model`.
    fn path_score(model: &Model, feats: &[Vec<u64>], tags: &[usize]) -> f32 {
        let mut s = 0.0;
        for (i, (f, &t)) in feats.iter().zip(tags).enumerate() {
            let prev = if i == 0 { TAGS } else { tags[i - 1] };
            s += model.trans[prev][t] + model.scores(f)[t];
        }
        s
    }

    /// The best allowed sequence by trying them all.
    fn brute_force(model: &Model, feats: &[Vec<u64>]) -> f32 {
        let n = feats.len();
        let mut best = f32::NEG_INFINITY;
        for code in 0..TAGS.pow(n as u32) {
            let tags: Vec<usize> = (0..n).map(|i| code / TAGS.pow(i as u32) % TAGS).collect();
            let ok = (0..n).all(|i| allowed(i.checked_sub(1).map(|p| tags[p]), tags[i]));
            if ok {
                best = best.max(path_score(model, feats, &tags));
            }
        }
        best
    }

    #[test]
    fn viterbi_finds_the_best_allowed_sequence() {
        let mut out = vec![3, 3, 3];
        for seed in [1, 2, 3, 0xDEAD_BEEF] {
            let (model, lines) = random_model(seed);
            for feats in &lines {
                model.viterbi(&emits(&model, feats), &vec![true; feats.len()], &mut out);
                assert_eq!(out.len(), feats.len(), "seed {seed}");
                for i in 0..out.len() {
                    let prev = i.checked_sub(1).map(|p| out[p]);
                    assert!(
                        allowed(prev, out[i]),
                        "seed {seed}: {:?} → {} in {out:?}",
                        prev,
                        out[i]
                    );
                }
                if feats.len() <= 4 {
                    let (got, want) = (path_score(&model, feats, &out), brute_force(&model, feats));
                    assert!(
                        (got - want).abs() < 1e-3,
                        "seed {seed}, {feats:?}: viterbi {out:?} scores {got}, best {want}"
                    );
                }
            }
        }
    }

    #[test]
    fn viterbi_opens_a_span_before_continuing_it() {
        // Every word wants I-PER, and a transition rewards O → I-PER: the
        // best allowed sequence is B-PER I-PER I-PER.
        let mut model = Model::default();
        model
            .weights
            .insert(7, [0.0, 0.0, 10.0, 0.0, 0.0, 0.0, 0.0]);
        model.trans[O][I_PER] = 100.0;
        model.trans[TAGS][I_PER] = 100.0;
        let mut out = Vec::new();
        let line = emits(&model, &[vec![7], vec![7], vec![7]]);
        model.viterbi(&line, &[true; 3], &mut out);
        assert_eq!(out, [B_PER, I_PER, I_PER]);
        // Punctuation before the third word: it cannot continue the span.
        model.viterbi(&line, &[true, true, false], &mut out);
        assert_eq!(out[..2], [B_PER, I_PER]);
        assert_ne!(out[2], I_PER, "{out:?}");
        model.viterbi(&[], &[], &mut out);
        assert!(out.is_empty(), "an empty line clears the output");
    }
}
