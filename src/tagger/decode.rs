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
/// `trans` (see [`Model::viterbi`](super::Model::viterbi)).
pub(super) fn viterbi(trans: &Trans, emits: &[[f32; TAGS]], joined: &[bool], out: &mut Vec<usize>) {
    out.clear();
    if emits.is_empty() {
        return;
    }
    // The back pointers of a thread's lines, kept from line to line: no
    // allocation a line.
    thread_local! {
        static BACK: RefCell<Vec<Back>> = const { RefCell::new(Vec::new()) };
    }
    BACK.with_borrow_mut(|back| {
        back.clear();
        back.resize(emits.len(), [0u8; 8]);
        let last = FORWARD.0(trans, emits, joined, back);
        backtrack(&last, back, &FORWARD.1, out);
    });
}

/// One word's back pointers: the best tag before each tag, each at its
/// byte of the [`Forward`] that wrote them.
type Back = [u8; 8];

/// The forward half of Viterbi over `emits`: each word's [`Back`] into
/// `back` (`n` rows), and the scores of each tag at the last word, in tag
/// order; with the byte of [`Back`] that holds each tag's pointer.
type Forward = (
    fn(&Trans, &[[f32; TAGS]], &[bool], &mut [Back]) -> [f32; TAGS],
    [usize; TAGS],
);

/// The [`Forward`] of this platform: SSE2 on x86-64, else one tag after
/// the other.
#[cfg(target_arch = "x86_64")]
const FORWARD: Forward = (forward_x86_64, SSE2_BYTE);
#[cfg(not(target_arch = "x86_64"))]
const FORWARD: Forward = (forward, PLAIN_BYTE);

/// The byte of [`Back`] of each tag in [`forward`]: tag order.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
const PLAIN_BYTE: [usize; TAGS] = [0, 1, 2, 3, 4, 5, 6];

/// The best path, from the last word's best tag (the first of the
/// highest scores) back along the pointers.
fn backtrack(last: &[f32; TAGS], back: &[Back], byte: &[usize; TAGS], out: &mut Vec<usize>) {
    let mut t = (0..TAGS)
        .max_by(|&a, &b| last[a].total_cmp(&last[b]).then(b.cmp(&a)))
        .unwrap_or(0);
    out.resize(back.len(), 0);
    for i in (0..back.len()).rev() {
        out[i] = t;
        t = usize::from(back[i][byte[t]]);
    }
}

/// The tags that may follow any tag: O and the B tags.
const OPEN: [usize; 4] = [0, 1, 3, 5];

/// The best of the sums `prev[p] + open[p][k]` for each of the four
/// [`OPEN`] tags `k`, and the first previous tag `p` that gives it: the
/// sums compared in order, a higher one replacing the best so far.
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

/// [`Forward`], one tag after the other, pointers in tag order.
///
/// A tag's best previous tag is the first of the highest sums of a
/// previous tag's score and the transition, previous tags in order, over
/// the transitions [`allowed`] (a forbidden one weighs minus infinity,
/// and never wins: a tag that nothing may precede gets minus infinity and
/// the previous tag 0). So O and the B tags look at every previous tag,
/// and an I tag at its label's B and I only: 34 sums a word instead of
/// 49, and the same sums, compared in the same order, as over all of them.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn forward(
    trans: &Trans,
    emits: &[[f32; TAGS]],
    joined: &[bool],
    back: &mut [Back],
) -> [f32; TAGS] {
    const NONE: f32 = f32::NEG_INFINITY;
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
        let (best, arg) = best_open(&prev, &open);
        let mut score = [NONE; TAGS];
        let mut from = [0u8; 8];
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
    prev
}

/// The byte of [`Back`] of each tag in [`forward_sse2`]: the lanes of
/// the open tags (O, B-PER, B-LOC, B-ORG), then of the I tags.
#[cfg(target_arch = "x86_64")]
const SSE2_BYTE: [usize; TAGS] = [0, 1, 4, 2, 5, 3, 6];

/// [`forward`], with a word's seven scores in two SSE2 vectors (every
/// x86-64 processor has SSE2): the open tags (O and the B tags) side by
/// side, and the three I tags side by side. The same sums, in the same
/// order, compared in the same order, as [`forward`]: a higher sum
/// replaces the best so far (`maxps` of the sum and the best is the sum
/// only where it is higher), and its previous tag replaces the pointer
/// (previous tags come in increasing order, so the larger of the two
/// numbers is the new one). Kept in registers from word to word, the
/// scores cost about 100 instructions a word, where [`forward`] with its
/// open tags vectorised through arrays cost 200 (callgrind).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn forward_sse2(
    trans: &Trans,
    emits: &[[f32; TAGS]],
    joined: &[bool],
    back: &mut [Back],
) -> [f32; TAGS] {
    use std::arch::x86_64::{
        __m128, _mm_add_ps, _mm_and_si128, _mm_castps_si128, _mm_cmpgt_ps, _mm_cvtsi128_si64,
        _mm_max_epi16, _mm_max_ps, _mm_packs_epi32, _mm_packus_epi16, _mm_set1_epi32, _mm_set1_ps,
        _mm_setr_epi32, _mm_setr_ps, _mm_setzero_si128, _mm_shuffle_ps,
    };
    const NONE: f32 = f32::NEG_INFINITY;
    let none = _mm_set1_ps(NONE);
    let open_of = |row: &[f32; TAGS]| _mm_setr_ps(row[0], row[1], row[3], row[5]);
    // The transitions into the open tags, by previous tag.
    let open: [__m128; TAGS] = std::array::from_fn(|p| open_of(&trans[p]));
    // Into each I tag from its label's B, and from its I.
    let from_b = _mm_setr_ps(trans[1][2], trans[3][4], trans[5][6], NONE);
    let from_i = _mm_setr_ps(trans[2][2], trans[4][4], trans[6][6], NONE);
    let (b_tags, i_tags) = (_mm_setr_epi32(1, 3, 5, 0), _mm_setr_epi32(2, 4, 6, 0));
    // The scores of the open tags and of the I tags at the word before.
    let (mut prev_o, mut prev_i) = (none, none);
    for (i, e) in emits.iter().enumerate() {
        let e_o = open_of(e);
        // Punctuation before the word: no I tag.
        let e_i = if joined[i] {
            _mm_setr_ps(e[2], e[4], e[6], NONE)
        } else {
            none
        };
        if i == 0 {
            prev_o = _mm_add_ps(e_o, open_of(&trans[TAGS]));
            prev_i = _mm_add_ps(e_i, none);
            continue;
        }
        // Each previous tag's score in every lane, in tag order.
        let prevs = [
            _mm_shuffle_ps::<0b00_00_00_00>(prev_o, prev_o),
            _mm_shuffle_ps::<0b01_01_01_01>(prev_o, prev_o),
            _mm_shuffle_ps::<0b00_00_00_00>(prev_i, prev_i),
            _mm_shuffle_ps::<0b10_10_10_10>(prev_o, prev_o),
            _mm_shuffle_ps::<0b01_01_01_01>(prev_i, prev_i),
            _mm_shuffle_ps::<0b11_11_11_11>(prev_o, prev_o),
            _mm_shuffle_ps::<0b10_10_10_10>(prev_i, prev_i),
        ];
        let (mut best_o, mut arg_o) = (none, _mm_setzero_si128());
        for (p, (prev, row)) in prevs.iter().zip(&open).enumerate() {
            let sum = _mm_add_ps(*prev, *row);
            let higher = _mm_castps_si128(_mm_cmpgt_ps(sum, best_o));
            best_o = _mm_max_ps(sum, best_o);
            arg_o = _mm_max_epi16(arg_o, _mm_and_si128(higher, _mm_set1_epi32(p as i32)));
        }
        // The I tags: their B's sum (B-PER, B-LOC, B-ORG are lanes 1 to 3
        // of the open tags), then their I's.
        let after_b = _mm_add_ps(_mm_shuffle_ps::<0b11_11_10_01>(prev_o, prev_o), from_b);
        let higher = _mm_castps_si128(_mm_cmpgt_ps(after_b, none));
        let mut best_i = _mm_max_ps(after_b, none);
        let mut arg_i = _mm_and_si128(higher, b_tags);
        let after_i = _mm_add_ps(prev_i, from_i);
        let higher = _mm_castps_si128(_mm_cmpgt_ps(after_i, best_i));
        best_i = _mm_max_ps(after_i, best_i);
        arg_i = _mm_max_epi16(arg_i, _mm_and_si128(higher, i_tags));
        prev_o = _mm_add_ps(best_o, e_o);
        prev_i = _mm_add_ps(best_i, e_i);
        let bytes = _mm_packus_epi16(_mm_packs_epi32(arg_o, arg_i), _mm_setzero_si128());
        back[i] = _mm_cvtsi128_si64(bytes).to_le_bytes();
    }
    let o = [0, 1, 2, 3].map(|k| lane(prev_o, k));
    let i = [0, 1, 2].map(|k| lane(prev_i, k));
    [o[0], o[1], i[0], o[2], i[1], o[3], i[2]]
}

/// [`forward_sse2`], behind a safe signature.
#[cfg(target_arch = "x86_64")]
fn forward_x86_64(
    trans: &Trans,
    emits: &[[f32; TAGS]],
    joined: &[bool],
    back: &mut [Back],
) -> [f32; TAGS] {
    // SAFETY: SSE2 is part of x86-64 itself: every processor that runs an
    // x86-64 binary has it (the target enables it for all code).
    unsafe { forward_sse2(trans, emits, joined, back) }
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

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn the_vector_forward_is_the_one_tag_at_a_time_forward() {
        // Ties, minus infinity, signed zeros and broken lines: the same
        // scores, bit for bit, and the same pointers, each in its byte.
        const VALUES: [f32; 6] = [f32::NEG_INFINITY, -1.0, -0.0, 0.0, 0.5, 1.0];
        let mut rng = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        for case in 0..5000 {
            let mut weight = || VALUES[(next() % 6) as usize];
            let trans: Trans = std::array::from_fn(|_| std::array::from_fn(|_| weight()));
            let n = 1 + case % 8;
            let emits: Vec<[f32; TAGS]> =
                (0..n).map(|_| std::array::from_fn(|_| weight())).collect();
            let joined: Vec<bool> = (0..n).map(|_| next() % 4 != 0).collect();
            let (mut want_back, mut got_back) = (vec![[0u8; 8]; n], vec![[0u8; 8]; n]);
            let want = forward(&trans, &emits, &joined, &mut want_back);
            let got = forward_x86_64(&trans, &emits, &joined, &mut got_back);
            let context = || format!("case {case}: {trans:?} {emits:?} {joined:?}");
            assert_eq!(
                got.map(f32::to_bits),
                want.map(f32::to_bits),
                "{}",
                context()
            );
            for i in 1..n {
                for t in 0..TAGS {
                    assert_eq!(
                        got_back[i][SSE2_BYTE[t]],
                        want_back[i][PLAIN_BYTE[t]],
                        "word {i}, tag {t}: {}",
                        context()
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
