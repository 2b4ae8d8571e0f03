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
    out.clear();
    if emits.is_empty() {
        return;
    }
    // The back pointers of a thread's lines, kept from line to line: no
    // allocation a line.
    thread_local! {
        static BACK: RefCell<Vec<[u8; TAGS]>> = const { RefCell::new(Vec::new()) };
    }
    BACK.with_borrow_mut(|back| {
        back.clear();
        back.resize(emits.len(), [0u8; TAGS]);
        decode(trans, emits, joined, back, out);
    });
}

/// The tags that may follow any tag: O and the B tags.
const OPEN: [usize; 4] = [0, 1, 3, 5];

/// The best of the sums `prev[p] + open[p][k]` for each of the four
/// [`OPEN`] tags `k`, and the first previous tag `p` that gives it: the
/// sums compared in order, a higher one replacing the best so far.
type Best = fn(&[f32; TAGS], &[[f32; 4]; TAGS]) -> ([f32; 4], [u8; 4]);

/// [`Best`], one tag after the other.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn best_open(prev: &[f32; TAGS], open: &[[f32; 4]; TAGS]) -> ([f32; 4], [u8; 4]) {
    let mut best = [f32::NEG_INFINITY; 4];
    let mut arg = [0u8; 4];
    for (p, row) in open.iter().enumerate() {
        for k in 0..4 {
            let sum = prev[p] + row[k];
            if sum > best[k] {
                best[k] = sum;
                arg[k] = p as u8;
            }
        }
    }
    (best, arg)
}

/// [`Best`], the four tags as one SSE2 vector (every x86-64 processor has
/// SSE2): the compiler vectorises the sums of [`best_open`] but not the
/// choice of the previous tag, which cost twice the instructions of the
/// rest of the loop.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn best_open_sse2(prev: &[f32; TAGS], open: &[[f32; 4]; TAGS]) -> ([f32; 4], [u8; 4]) {
    use std::arch::x86_64::{
        __m128, _mm_add_ps, _mm_and_si128, _mm_andnot_si128, _mm_castps_si128, _mm_cmpgt_ps,
        _mm_cvtsi128_si32, _mm_max_ps, _mm_or_si128, _mm_packs_epi32, _mm_packus_epi16,
        _mm_set1_epi32, _mm_set1_ps, _mm_setr_ps, _mm_setzero_si128,
    };
    let lanes = |x: &[f32; 4]| _mm_setr_ps(x[0], x[1], x[2], x[3]);
    let mut best: __m128 = _mm_set1_ps(f32::NEG_INFINITY);
    let mut arg = _mm_setzero_si128();
    for (p, row) in open.iter().enumerate() {
        let sum = _mm_add_ps(_mm_set1_ps(prev[p]), lanes(row));
        let higher = _mm_castps_si128(_mm_cmpgt_ps(sum, best));
        // `maxps(sum, best)` is `sum > best ? sum : best`, lane by lane.
        best = _mm_max_ps(sum, best);
        arg = _mm_or_si128(
            _mm_and_si128(higher, _mm_set1_epi32(p as i32)),
            _mm_andnot_si128(higher, arg),
        );
    }
    let arg = _mm_packus_epi16(_mm_packs_epi32(arg, arg), _mm_setzero_si128());
    let mut out = [f32::NEG_INFINITY; 4];
    for (k, o) in out.iter_mut().enumerate() {
        *o = lane(best, k);
    }
    let bytes = _mm_cvtsi128_si32(arg).to_le_bytes();
    (out, bytes)
}

/// [`best_open_sse2`], behind a safe signature.
#[cfg(target_arch = "x86_64")]
fn best_open_x86_64(prev: &[f32; TAGS], open: &[[f32; 4]; TAGS]) -> ([f32; 4], [u8; 4]) {
    // SAFETY: SSE2 is part of x86-64 itself: every processor that runs an
    // x86-64 binary has it (the target enables it for all code).
    unsafe { best_open_sse2(prev, open) }
}

/// Lane `k` of `v`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn lane(v: std::arch::x86_64::__m128, k: usize) -> f32 {
    use std::arch::x86_64::{_mm_cvtss_f32, _mm_shuffle_ps};
    match k {
        0 => _mm_cvtss_f32(v),
        1 => _mm_cvtss_f32(_mm_shuffle_ps::<0b01_01_01_01>(v, v)),
        2 => _mm_cvtss_f32(_mm_shuffle_ps::<0b10_10_10_10>(v, v)),
        _ => _mm_cvtss_f32(_mm_shuffle_ps::<0b11_11_11_11>(v, v)),
    }
}

/// The [`Best`] of this platform.
#[cfg(target_arch = "x86_64")]
const BEST: Best = best_open_x86_64;
#[cfg(not(target_arch = "x86_64"))]
const BEST: Best = best_open;

/// Viterbi over `emits`: the best tag before each tag into `back` (`n`
/// rows), the best path into `out`.
///
/// A tag's best previous tag is the first of the highest sums of a
/// previous tag's score and the transition, previous tags in order, over
/// the transitions [`allowed`] (a forbidden one weighs minus infinity,
/// and never wins: a tag that nothing may precede gets minus infinity and
/// the previous tag 0). So O and the B tags look at every previous tag,
/// the four side by side ([`BEST`]), and an I tag at its label's B and I
/// only: 34 sums a word instead of 49, and the same sums, compared in the
/// same order, as over all of them.
fn decode(
    trans: &Trans,
    emits: &[[f32; TAGS]],
    joined: &[bool],
    back: &mut [[u8; TAGS]],
    out: &mut Vec<usize>,
) {
    const NONE: f32 = f32::NEG_INFINITY;
    let n = emits.len();
    // The transitions into O and the B tags, by previous tag.
    let open: [[f32; 4]; TAGS] = std::array::from_fn(|p| OPEN.map(|t| trans[p][t]));
    // The scores of each tag at the word before.
    let mut prev = [NONE; TAGS];
    for (i, emit) in emits.iter().enumerate() {
        let mut e = *emit;
        if !joined[i] {
            // Punctuation before the word: no I tag.
            for (t, e) in e.iter_mut().enumerate() {
                if t != 0 && !is_begin(t) {
                    *e = NONE;
                }
            }
        }
        if i == 0 {
            for t in 0..TAGS {
                let start = if allowed(None, t) {
                    trans[TAGS][t]
                } else {
                    NONE
                };
                prev[t] = e[t] + start;
            }
            continue;
        }
        let (best, arg) = BEST(&prev, &open);
        let mut score = [NONE; TAGS];
        let mut from = [0u8; TAGS];
        for (k, &t) in OPEN.iter().enumerate() {
            score[t] = best[k] + e[t];
            from[t] = arg[k];
        }
        // The I tags, after their label's B (t - 1) or I (t).
        for t in [2, 4, 6] {
            let (mut best, mut arg) = (NONE, 0);
            for p in [t - 1, t] {
                let sum = prev[p] + trans[p][t];
                if sum > best {
                    best = sum;
                    arg = p as u8;
                }
            }
            score[t] = best + e[t];
            from[t] = arg;
        }
        prev = score;
        back[i] = from;
    }
    let mut t = (0..TAGS)
        .max_by(|&a, &b| prev[a].total_cmp(&prev[b]).then(b.cmp(&a)))
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

    /// Viterbi as it was written before [`decode`]: every tag after every
    /// tag, forbidden transitions weighing minus infinity.
    fn decode_all_pairs(trans: &Trans, emits: &[[f32; TAGS]], joined: &[bool]) -> Vec<usize> {
        let mut trans = *trans;
        for (p, row) in trans.iter_mut().enumerate() {
            for (t, w) in row.iter_mut().enumerate() {
                if !allowed((p < TAGS).then_some(p), t) {
                    *w = f32::NEG_INFINITY;
                }
            }
        }
        let n = emits.len();
        let mut score = vec![[f32::NEG_INFINITY; TAGS]; n];
        let mut back = vec![[0u8; TAGS]; n];
        for (i, emit) in emits.iter().enumerate() {
            let mut emit = *emit;
            if !joined[i] {
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
            let prev = score[i - 1];
            for t in 0..TAGS {
                let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
                for p in 0..TAGS {
                    let s = prev[p] + trans[p][t];
                    if s > best {
                        best = s;
                        arg = p as u8;
                    }
                }
                score[i][t] = best + emit[t];
                back[i][t] = arg;
            }
        }
        let mut out = vec![0; n];
        if n == 0 {
            return out;
        }
        let mut t = (0..TAGS)
            .max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b]).then(b.cmp(&a)))
            .unwrap_or(0);
        for i in (0..n).rev() {
            out[i] = t;
            t = usize::from(back[i][t]);
        }
        out
    }

    #[test]
    fn decoding_only_allowed_pairs_gives_the_tags_of_all_pairs() {
        // Weights from a few values, so that sums tie often, and lines
        // broken by punctuation anywhere: the same tags, ties and all.
        let mut rng = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        const VALUES: [f32; 6] = [-1.0, -0.5, 0.0, 0.5, 1.0, 2.5];
        let mut out = Vec::new();
        for case in 0..3000 {
            let mut weight = || VALUES[(next() % 6) as usize];
            let trans: Trans = std::array::from_fn(|_| std::array::from_fn(|_| weight()));
            let n = case % 9;
            let emits: Vec<[f32; TAGS]> =
                (0..n).map(|_| std::array::from_fn(|_| weight())).collect();
            let joined: Vec<bool> = (0..n).map(|_| next() % 4 != 0).collect();
            viterbi(&trans, &emits, &joined, &mut out);
            assert_eq!(
                out,
                decode_all_pairs(&trans, &emits, &joined),
                "case {case}: {trans:?} {emits:?} {joined:?}"
            );
        }
    }

    #[test]
    fn the_vector_best_is_the_one_tag_at_a_time_best() {
        // Ties, minus infinity, and signed zeros.
        const VALUES: [f32; 6] = [f32::NEG_INFINITY, -1.0, -0.0, 0.0, 0.5, 1.0];
        let mut rng = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            VALUES[(rng % 6) as usize]
        };
        for _ in 0..5000 {
            let prev: [f32; TAGS] = std::array::from_fn(|_| next());
            let open: [[f32; 4]; TAGS] = std::array::from_fn(|_| std::array::from_fn(|_| next()));
            let (want, want_arg) = best_open(&prev, &open);
            let (got, got_arg) = BEST(&prev, &open);
            assert_eq!(got_arg, want_arg, "{prev:?} {open:?}");
            assert_eq!(
                got.map(f32::to_bits),
                want.map(f32::to_bits),
                "{prev:?} {open:?}"
            );
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
