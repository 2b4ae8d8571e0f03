#!/usr/bin/env python3
"""Derives the word clusters the tagger reads, gazetteers/model/clusters.tsv, from the
SaudiNewsNet corpus (../shared/corpus/saudinewsnet-2015.tar.xz, unpacked under
target/corpus/).

Words that occur in the same contexts fall in the same cluster: «يلتسين» beside
«بوتين» and «ميدفيديف», «زيدان» beside other surnames, «يلتقي» beside other verbs.
The tagger learns a weight per cluster from ANERcorp, so a word it never saw in
training still brings what its cluster taught it. Clusters come from unlabelled
news only; no NER gold is read here, so the 5-fold scores stay honest.

Method (distributional, as in Levy & Goldberg 2014 and the k-means classes of
word2vec): each word's counts of the words one and two places before and after it
(the 3,000 most frequent, plus the line edge), positive pointwise mutual
information with context smoothing (0.75), truncated SVD to 100 dimensions,
unit-length rows, then k-means into 1,000 clusters, and the 1,000 centres
clustered again into 250 and 60, so each word has a fine, a middle and a coarse
cluster. Words are matching keys (`kashf normalize --key`), split as the tagger
splits them.

Needs numpy, scipy and scikit-learn (development only: `pip install numpy scipy
scikit-learn`); nothing at build, test or run time reads this script. Seeds are
fixed; rerunning gives the same clusters on the same machine.

    cargo build --release
    python3 scripts/clusters.py                # target/corpus/txt -> gazetteers/model/clusters.tsv
    bash scripts/train-model.sh                # then retrain the tagger on the new clusters
"""

import argparse
import collections
import pathlib
import re
import subprocess
import sys

import numpy as np
import scipy.sparse as sp
from sklearn.cluster import KMeans
from sklearn.utils.extmath import randomized_svd

ROOT = pathlib.Path(__file__).resolve().parent.parent

# The tagger's words: maximal runs of word characters (gazetteer::is_word_char).
WORD = re.compile(r"[a-z0-9\u0621-\u063a\u0641-\u064a]+|[^\x00-\x7f\W_]+")


def keys(corpus, kashf):
    """The matching-key lines of every .txt file under `corpus`, in path order."""
    files = sorted(corpus.rglob("*.txt"))
    if not files:
        sys.exit(f"clusters: no .txt files under {corpus}")
    text = "\n".join(f.read_text(encoding="utf-8", errors="replace") for f in files)
    out = subprocess.run(
        [str(kashf), "normalize", "--key"],
        input=text.encode(),
        capture_output=True,
        check=True,
    )
    print(f"clusters: {len(files)} files, {len(text) / 1e6:.0f}M characters", file=sys.stderr)
    return out.stdout.decode().split("\n")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", type=pathlib.Path, default=ROOT / "target/corpus/txt")
    p.add_argument("--kashf", type=pathlib.Path, default=ROOT / "target/release/kashf")
    p.add_argument("-o", "--output", type=pathlib.Path, default=ROOT / "gazetteers/model/clusters.tsv")
    p.add_argument("--min-count", type=int, default=5, help="words seen fewer times get no cluster")
    p.add_argument("--contexts", type=int, default=3000, help="context words per position")
    p.add_argument("--dims", type=int, default=100)
    p.add_argument("--clusters", type=int, nargs=3, default=[1000, 250, 60])
    args = p.parse_args()

    lines = [WORD.findall(line) for line in keys(args.corpus, args.kashf)]
    counts = collections.Counter(w for line in lines for w in line)
    vocab = sorted((w for w, n in counts.items() if n >= args.min_count), key=lambda w: (-counts[w], w))
    index = {w: i for i, w in enumerate(vocab)}
    print(f"clusters: {sum(counts.values())} words, {len(counts)} distinct, {len(vocab)} kept", file=sys.stderr)

    # One id per token, -1 out of vocabulary, and a line edge (id len(vocab))
    # between lines, so that contexts never cross a line.
    edge = len(vocab)
    ids = []
    for line in lines:
        ids.append(edge)
        ids.extend(index.get(w, -1) for w in line)
    ids.append(edge)
    ids = np.array(ids, dtype=np.int64)

    # Context columns: position offset × (top words + edge + other).
    c = args.contexts
    width = c + 2
    ctx = np.where(ids == edge, c, np.where((ids >= 0) & (ids < c), ids, c + 1))
    rows, cols = [], []
    for block, d in enumerate((-2, -1, 1, 2)):
        w = ids[max(0, -d): len(ids) - max(0, d)]
        x = ctx[max(0, d): len(ids) - max(0, -d)]
        keep = (w >= 0) & (w < edge)
        rows.append(w[keep])
        cols.append(block * width + x[keep])
    rows = np.concatenate(rows)
    cols = np.concatenate(cols)
    m = sp.coo_matrix(
        (np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(len(vocab), 4 * width)
    ).tocsr()
    m.sum_duplicates()

    # PPMI with smoothed context probabilities.
    total = m.sum()
    row = np.asarray(m.sum(axis=1)).ravel()
    col = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col /= col.sum()
    coo = m.tocoo()
    pmi = np.log(coo.data / total) - np.log(row[coo.row] / total) - np.log(col[coo.col])
    keep = pmi > 0
    ppmi = sp.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape)

    u, s, _ = randomized_svd(ppmi, n_components=args.dims, n_iter=5, random_state=0)
    vectors = u * np.sqrt(s)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12

    fine = KMeans(n_clusters=args.clusters[0], n_init=1, max_iter=100, random_state=0).fit(vectors)
    centres = fine.cluster_centers_ / (np.linalg.norm(fine.cluster_centers_, axis=1, keepdims=True) + 1e-12)
    weight = np.bincount(fine.labels_, minlength=args.clusters[0])
    levels = [fine.labels_]
    for k in args.clusters[1:]:
        coarse = KMeans(n_clusters=k, n_init=4, random_state=0).fit(centres, sample_weight=weight)
        levels.append(coarse.labels_[fine.labels_])

    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        out.write(
            "# Word clusters for the tagger: matching key, then cluster at 1000, 250 and 60\n"
            "# clusters. Derived by scripts/clusters.py from SaudiNewsNet (CC BY-NC-SA 4.0);\n"
            "# see gazetteers/SOURCES.md.\n"
        )
        for i in sorted(range(len(vocab)), key=lambda i: vocab[i]):
            out.write(f"{vocab[i]}\t{levels[0][i]}\t{levels[1][i]}\t{levels[2][i]}\n")
    print(f"clusters: wrote {args.output} ({len(vocab)} words)", file=sys.stderr)


if __name__ == "__main__":
    main()
