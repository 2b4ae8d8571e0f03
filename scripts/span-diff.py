#!/usr/bin/env python3
"""The entity spans that differ between two `kashf extract` runs over the same files.

    kashf-before extract -q -j1 DIR > before.jsonl
    kashf extract -q -j1 DIR > after.jsonl
    python3 scripts/span-diff.py before.jsonl after.jsonl [--labels PLACE,PERSON] \\
        [--sample 200] [--seed 1] [--out sample.tsv]

A span is (document, start, end, label, id). Prints how many spans each run has per label,
how many are new (in the second run only: a new span, or an old one with another label,
bounds or id) and gone, by label and source, then writes a random sample of the new ones
(seeded; the documents are read from the paths in `doc`) as TSV to judge by hand:
`verdict  label  source  text  norm  id  context`, with 40 characters of context either side
and the span in «». Fill the first column (ok / wrong) and count. Python 3.11 standard library only.
"""

import argparse
import collections
import json
import random
import sys
from pathlib import Path


def spans(path: Path, labels: set[str]) -> dict[tuple, dict]:
    out = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            for e in doc.get("entities", []):
                if e["label"] in labels:
                    out[(doc["doc"], e["start"], e["end"], e["label"], e.get("id"))] = e
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--labels", default="PLACE,PERSON")
    ap.add_argument("--sample", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--context", type=int, default=40)
    ap.add_argument("--out", type=Path, help="the sample as TSV (default: standard output)")
    args = ap.parse_args()
    labels = set(args.labels.split(","))
    a, b = spans(args.before, labels), spans(args.after, labels)
    new = sorted(set(b) - set(a))
    gone = sorted(set(a) - set(b))
    for name, d in (("before", a), ("after", b)):
        print(f"{name}: " + ", ".join(f"{l} {n}" for l, n in sorted(collections.Counter(k[3] for k in d).items())),
              file=sys.stderr)
    for name, keys, d in (("new", new, b), ("gone", gone, a)):
        by = collections.Counter((k[3], d[k]["source"]) for k in keys)
        print(f"{name}: {len(keys)} (" + ", ".join(f"{l}/{s} {n}" for (l, s), n in sorted(by.items())) + ")",
              file=sys.stderr)
    rng = random.Random(args.seed)
    sample = sorted(rng.sample(new, min(args.sample, len(new))))
    texts: dict[str, str] = {}
    rows = []
    for k in sample:
        doc, start, end = k[0], k[1], k[2]
        if doc not in texts:
            texts[doc] = Path(doc).read_text(encoding="utf-8", errors="replace")
        t = texts[doc]
        left = t[max(0, start - args.context):start].replace("\n", " ").replace("\t", " ")
        right = t[end:end + args.context].replace("\n", " ").replace("\t", " ")
        e = b[k]
        rows.append("\t".join(["", e["label"], e["source"], e["text"], e.get("norm") or "", e.get("id") or "",
                               f"{left}«{e['text']}»{right}"]))
    text = "verdict\tlabel\tsource\ttext\tnorm\tid\tcontext\n" + "\n".join(rows) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
