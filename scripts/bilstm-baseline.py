#!/usr/bin/env python3
"""Experiment: would a neural tagger close the PERSON gap on ANERcorp? (Recorded in
docs/experiments.md, 15ee1c1..43f5f43.)

A BiLSTM-CRF over words alone: PPMI-SVD vectors of the news words (as scripts/clusters.py
computes them: counts of the words one and two places either side, PPMI, truncated SVD to
100 dimensions), a character CNN, 128 units each way, dropout 0.5, Adam, a fixed number of
passes; scored on one fold of scripts/anercorp-5fold.py's split (contiguous fifths by
sentence, exact spans, MISC as O). Not part of kashf: nothing builds, tests or ships with it.

    pip install jax optax scipy                        # development only
    cargo build --release
    python3 scripts/bilstm-baseline.py --fold 1 --epochs 25

At a9d7b9a, fold 1: PERSON 0.682, PLACE 0.799, ORG 0.556 after 25 passes, against the
perceptron's 0.846, 0.869, 0.657 on the same fold (docs/experiments.md).
"""
import argparse, collections, pathlib, re, subprocess, sys, time

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
CONLL = ROOT.parent / "shared" / "data" / "ner" / "anercorp-train.conll"
OUT = ROOT / "target" / "bilstm"
WORD = re.compile(r"[a-z0-9\u0621-\u063a\u0641-\u064a]+|[^\x00-\x7f\W_]+")


def vectors(corpus, kashf, dims):
    """PPMI-SVD vectors of the news words seen 3 times or more, cached under target/bilstm."""
    import scipy.sparse as sp
    from scipy.sparse.linalg import svds
    if (OUT / "vectors.npy").exists():
        return (OUT / "vocab.txt").read_text(encoding="utf-8").split("\n"), np.load(OUT / "vectors.npy")
    files = sorted(corpus.rglob("*.txt"))
    text = "\n".join(f.read_text(encoding="utf-8", errors="replace") for f in files)
    out = subprocess.run([str(kashf), "normalize", "--key"], input=text.encode(), capture_output=True, check=True)
    lines = [WORD.findall(l) for l in out.stdout.decode().split("\n")]
    counts = collections.Counter(w for l in lines for w in l)
    vocab = sorted((w for w, n in counts.items() if n >= 3), key=lambda w: (-counts[w], w))
    index = {w: i for i, w in enumerate(vocab)}
    edge = len(vocab); ids = []
    for l in lines:
        ids.append(edge); ids.extend(index.get(w, -1) for w in l)
    ids.append(edge); ids = np.array(ids, dtype=np.int64)
    c = 3000; width = c + 2
    ctx = np.where(ids == edge, c, np.where((ids >= 0) & (ids < c), ids, c + 1))
    rows, cols = [], []
    for block, d in enumerate((-2, -1, 1, 2)):
        w = ids[max(0, -d): len(ids) - max(0, d)]; x = ctx[max(0, d): len(ids) - max(0, -d)]
        keep = (w >= 0) & (w < edge); rows.append(w[keep]); cols.append(block * width + x[keep])
    rows = np.concatenate(rows); cols = np.concatenate(cols)
    m = sp.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(vocab), 4 * width)).tocsr(); m.sum_duplicates()
    total = m.sum(); row = np.asarray(m.sum(axis=1)).ravel(); col = np.asarray(m.sum(axis=0)).ravel() ** 0.75; col /= col.sum()
    coo = m.tocoo(); pmi = np.log(coo.data / total) - np.log(row[coo.row] / total) - np.log(col[coo.col]); keep = pmi > 0
    ppmi = sp.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape)
    u, s, _ = svds(ppmi, k=dims, random_state=0)
    v = (u * np.sqrt(s)).astype(np.float32); v /= np.linalg.norm(v, axis=1, keepdims=True) + 1e-12
    OUT.mkdir(parents=True, exist_ok=True)
    np.save(OUT / "vectors.npy", v); (OUT / "vocab.txt").write_text("\n".join(vocab), encoding="utf-8")
    return vocab, v


ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
ap.add_argument("--fold", type=int, default=1, choices=range(1, 6))
ap.add_argument("--epochs", type=int, default=25)
ap.add_argument("--corpus", type=pathlib.Path, default=ROOT / "target" / "corpus" / "txt")
ap.add_argument("--kashf", type=pathlib.Path, default=ROOT / "target" / "release" / "kashf")
args = ap.parse_args()

import jax, jax.numpy as jnp, optax  # noqa: E402 (development only)

vocab, vecs = vectors(args.corpus, args.kashf, 100)
TAGS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]
TI = {t: i for i, t in enumerate(TAGS)}
_KEY = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_DIA = re.compile("[\u064B-\u065F\u0670\u0640]")
def key(s): return _DIA.sub("", s).translate(_KEY).lower()
def sentences(path):
    out, cur = [], []
    for line in open(path, encoding="utf-8"):
        p = line.split()
        if not p:
            if cur: out.append(cur)
            cur = []
        else:
            t = p[-1]
            if t.endswith("MISC"): t = "O"
            cur.append((p[0], t))
    if cur: out.append(cur)
    return out
fold = args.fold; EPOCHS = args.epochs
sents = sentences(CONLL); n = len(sents); b = [n * i // 5 for i in range(6)]
test = sents[b[fold - 1]:b[fold]]; train = sents[:b[fold - 1]] + sents[b[fold]:]
vi = {w: i for i, w in enumerate(vocab)}
# word ids: 0 pad, 1 unk, then pretrained vocab, then training-only words
words = {"<pad>": 0, "<unk>": 1}
for w in vocab: words[w] = len(words)
tcount = collections.Counter(key(t) for s in train for t, _ in s)
for w, c in tcount.items():
    if w not in words and c >= 2: words[w] = len(words)
CLITIC = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف", "ك")
def wid(t):
    k = key(t)
    if k in words: return words[k]
    for c in CLITIC:
        if k.startswith(c) and len(k) - len(c) >= 2 and k[len(c):] in words: return words[k[len(c):]]
    return 1
chars = {"<pad>": 0, "<unk>": 1}
for s in train:
    for t, _ in s:
        for ch in key(t): chars.setdefault(ch, len(chars))
MAXC = 16
def encode(ss):
    out = []
    for s in ss:
        w = np.array([wid(t) for t, _ in s], np.int32)
        c = np.zeros((len(s), MAXC), np.int32)
        for i, (t, _) in enumerate(s):
            k = key(t)[:MAXC]
            c[i, :len(k)] = [chars.get(ch, 1) for ch in k]
        y = np.array([TI[g] for _, g in s], np.int32)
        out.append((w, c, y))
    return out
tr, te = encode(train), encode(test)
print(f"fold {fold}: {len(tr)} train, {len(te)} test sentences, {len(words)} words, "
      f"test unk {np.mean([ (x[0]==1).mean() for x in te]):.3f}", file=sys.stderr)
WD, CD, CF, H, T = vecs.shape[1], 32, 64, 128, len(TAGS)
key0 = jax.random.PRNGKey(fold)
def init(k):
    ks = jax.random.split(k, 12)
    emb = np.random.RandomState(0).normal(0, 0.1, (len(words), WD)).astype(np.float32)
    emb[2:2 + len(vocab)] = vecs; emb[0] = 0
    D = WD + CF
    g = lambda k, s, sc: jax.random.normal(k, s) * sc
    return {
        "emb": jnp.array(emb), "cemb": g(ks[0], (len(chars), CD), 0.1),
        "cw": g(ks[1], (3, CD, CF), 1 / np.sqrt(3 * CD)), "cb": jnp.zeros(CF),
        "fw": g(ks[2], (D + H, 4 * H), 1 / np.sqrt(D + H)), "fb": jnp.zeros(4 * H).at[H:2 * H].set(1.0),
        "bw": g(ks[3], (D + H, 4 * H), 1 / np.sqrt(D + H)), "bb": jnp.zeros(4 * H).at[H:2 * H].set(1.0),
        "ow": g(ks[4], (2 * H, T), 1 / np.sqrt(2 * H)), "ob": jnp.zeros(T),
        "trans": jnp.zeros((T, T)), "start": jnp.zeros(T),
    }
def lstm(w, bias, xs):  # xs: [L, B, D]
    B = xs.shape[1]
    def step(carry, x):
        h, c = carry
        z = jnp.concatenate([x, h], -1) @ w + bias
        i, f, g, o = jnp.split(z, 4, -1)
        c = jax.nn.sigmoid(f) * c + jax.nn.sigmoid(i) * jnp.tanh(g)
        h = jax.nn.sigmoid(o) * jnp.tanh(c)
        return (h, c), h
    _, hs = jax.lax.scan(step, (jnp.zeros((B, H)), jnp.zeros((B, H))), xs)
    return hs
def emissions(p, w, c, lens, rng, train):
    B, L = w.shape
    if train:
        r1, r2, r3 = jax.random.split(rng, 3)
        w = jnp.where(jax.random.bernoulli(r1, 0.05, w.shape) & (w > 0), 1, w)
    x = p["emb"][w]
    ce = p["cemb"][c]  # B L C CD
    ce = jnp.pad(ce, ((0, 0), (0, 0), (1, 1), (0, 0)))
    conv = sum(ce[:, :, k:k + MAXC] @ p["cw"][k] for k in range(3)) + p["cb"]
    conv = jnp.where((c > 0)[..., None], conv, -1e4).max(2)
    conv = jnp.where((c[..., 0] > 0)[..., None], conv, 0)
    x = jnp.concatenate([x, jnp.tanh(conv)], -1)
    if train: x = x * jax.random.bernoulli(r2, 0.5, x.shape) / 0.5
    t = jnp.arange(L)[None, :]
    rev = jnp.where(t < lens[:, None], lens[:, None] - 1 - t, t)
    xs = jnp.swapaxes(x, 0, 1)
    hf = lstm(p["fw"], p["fb"], xs)
    xr = jnp.swapaxes(jnp.take_along_axis(x, rev[..., None], 1), 0, 1)
    hb = jnp.swapaxes(lstm(p["bw"], p["bb"], xr), 0, 1)
    hb = jnp.take_along_axis(hb, rev[..., None], 1)
    h = jnp.concatenate([jnp.swapaxes(hf, 0, 1), hb], -1)
    if train: h = h * jax.random.bernoulli(r3, 0.5, h.shape) / 0.5
    return h @ p["ow"] + p["ob"]  # B L T
def nll(p, w, c, y, lens, rng):
    e = emissions(p, w, c, lens, rng, True)
    B, L = w.shape
    mask = jnp.arange(L)[None, :] < lens[:, None]
    alpha0 = p["start"] + e[:, 0]
    def step(alpha, inp):
        et, mt = inp
        nxt = jax.nn.logsumexp(alpha[:, :, None] + p["trans"][None], 1) + et
        return jnp.where(mt[:, None], nxt, alpha), None
    alpha, _ = jax.lax.scan(step, alpha0, (jnp.swapaxes(e[:, 1:], 0, 1), jnp.swapaxes(mask[:, 1:], 0, 1)))
    logz = jax.nn.logsumexp(alpha, -1)
    gold = p["start"][y[:, 0]] + (jnp.take_along_axis(e, y[..., None], 2)[..., 0] * mask).sum(1)
    gold += (p["trans"][y[:, :-1], y[:, 1:]] * mask[:, 1:]).sum(1)
    return ((logz - gold) * (lens > 0)).sum() / jnp.maximum((lens > 0).sum(), 1)
opt = optax.chain(optax.clip_by_global_norm(5.0), optax.adam(1e-3))
@jax.jit
def update(p, s, w, c, y, lens, rng):
    l, g = jax.value_and_grad(nll)(p, w, c, y, lens, rng)
    u, s = opt.update(g, s, p)
    return optax.apply_updates(p, u), s, l
@jax.jit
def predict(p, w, c, lens):
    return emissions(p, w, c, lens, None, False)
def allowed(prev, t):
    if TAGS[t].startswith("I-"):
        return prev is not None and TAGS[prev][2:] == TAGS[t][2:] and TAGS[prev] != "O"
    return True
ALLOW = np.array([[0 if allowed(a, b2) else -1e9 for b2 in range(T)] for a in range(T)], np.float32)
START = np.array([0 if allowed(None, t) else -1e9 for t in range(T)], np.float32)
def viterbi(e, trans, start):
    L = len(e); sc = start + START + e[0]; back = []
    tr = trans + ALLOW
    for t in range(1, L):
        m = sc[:, None] + tr
        back.append(m.argmax(0)); sc = m.max(0) + e[t]
    best = [int(sc.argmax())]
    for bk in reversed(back): best.append(int(bk[best[-1]]))
    return best[::-1]
BATCH = 16
def batches(data, shuffle, rng):
    idx = sorted(range(len(data)), key=lambda i: len(data[i][0]))
    groups = [idx[i:i + BATCH] for i in range(0, len(idx), BATCH)]
    if shuffle: rng.shuffle(groups)
    for g in groups:
        L = max(len(data[i][0]) for i in g); L = max(8, 1 << (L - 1).bit_length()) if L <= 64 else ((L + 31) // 32) * 32
        W = np.zeros((BATCH, L), np.int32); C = np.zeros((BATCH, L, MAXC), np.int32); Y = np.zeros((BATCH, L), np.int32)
        lens = np.zeros(BATCH, np.int32)
        for j, i in enumerate(g):
            w, c, y = data[i]; W[j, :len(w)] = w; C[j, :len(w)] = c; Y[j, :len(w)] = y; lens[j] = len(w)
        yield g, W, C, Y, lens
def spans(tags):
    out, cur = set(), None
    for i, t in enumerate(tags + [0]):
        tg = TAGS[t]
        if cur and not (tg.startswith("I-") and tg[2:] == cur[0]):
            out.add((cur[0], cur[1], i)); cur = None
        if tg.startswith("B-"): cur = (tg[2:], i)
    return out
def evaluate(p):
    tp, gp, pp = collections.Counter(), collections.Counter(), collections.Counter()
    for g, W, C, Y, lens in batches(te, False, None):
        e = np.asarray(predict(p, W, C, lens))
        for j, i in enumerate(g):
            pred = viterbi(e[j, :lens[j]], np.asarray(p["trans"]), np.asarray(p["start"]))
            gs, ps = spans(list(te[i][2])), spans(pred)
            for lab, *_ in gs: gp[lab] += 1
            for lab, *_ in ps: pp[lab] += 1
            for lab, *_ in gs & ps: tp[lab] += 1
    res = {}
    for lab in ("PERS", "LOC", "ORG"):
        P = tp[lab] / max(pp[lab], 1); R = tp[lab] / max(gp[lab], 1)
        res[lab] = (P, R, 2 * P * R / max(P + R, 1e-9), tp[lab], gp[lab], pp[lab])
    return res
p = init(key0); s = opt.init(p); rng = np.random.RandomState(fold); jr = jax.random.PRNGKey(100 + fold)
for ep in range(EPOCHS):
    t0 = time.time(); tot = 0
    for g, W, C, Y, lens in batches(tr, True, rng):
        jr, sub = jax.random.split(jr)
        p, s, l = update(p, s, W, C, Y, lens, sub); tot += float(l)
    r = evaluate(p)
    print(f"ep {ep + 1} loss {tot:.0f} {time.time() - t0:.0f}s " + " ".join(f"{k} {v[2]:.3f}" for k, v in r.items()), flush=True)
print("FINAL", fold, " ".join(f"{k} P {v[0]:.3f} R {v[1]:.3f} F {v[2]:.3f} tp {v[3]} gold {v[4]} pred {v[5]}" for k, v in r.items()))
