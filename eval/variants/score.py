#!/usr/bin/env python3
"""Score `kashf gazetteer lookup` on the variant test set (eval/variants/pairs.tsv).

    python3 eval/variants/score.py [--kashf target/release/kashf] [--pairs eval/variants/pairs.tsv]

Looks every spelling up (in batches) and compares the entry it resolves to with the pair's.
Prints, by source and for the listed (lookup) and held-out (linking) pairs: pairs, answered,
right, recall (right / pairs) and precision (right / answered), and how the right answers were
found (the `via` of `kashf gazetteer lookup`: exact, alias, variant, fuzzy). Python 3.11 standard library only.
"""

import argparse
import collections
import csv
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BATCH = 500


def lookup(kashf: str, spellings: list[str]) -> dict[str, tuple[str, str]]:
    """spelling → (id, via) for the spellings kashf resolves."""
    out = {}
    for i in range(0, len(spellings), BATCH):
        run = subprocess.run([kashf, "gazetteer", "lookup", "--", *spellings[i:i + BATCH]],
                             capture_output=True, text=True, check=False)
        if run.returncode not in (0, 2):
            sys.exit(f"score.py: {kashf} gazetteer lookup failed: {run.stderr.strip()}")
        for line in run.stdout.splitlines():
            fields = line.split("\t")
            kv = dict(f.split("=", 1) for f in fields[1:] if "=" in f)
            out[fields[0]] = (kv.get("id", ""), kv.get("via", "").split(" ")[0])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kashf", default=str(ROOT / "target" / "release" / "kashf"))
    ap.add_argument("--pairs", type=Path, default=Path(__file__).resolve().parent / "pairs.tsv")
    args = ap.parse_args()
    with args.pairs.open(encoding="utf-8") as f:
        rows = list(csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t",
                                   quoting=csv.QUOTE_NONE))
    found = lookup(args.kashf, sorted({r["spelling"] for r in rows}))
    stats: dict[tuple, collections.Counter] = collections.defaultdict(collections.Counter)
    for r in rows:
        got, via = found.get(r["spelling"], ("", ""))
        for k in ((r["source"], r["listed"]), ("all", r["listed"]), ("all", "all")):
            c = stats[k]
            c["pairs"] += 1
            c["answered"] += bool(got)
            c["right"] += got == r["id"]
            c[f"right_{via}"] += got == r["id"]
    print("source\tlisted\tpairs\tanswered\tright\trecall\tprecision\tright via exact/alias/variant/fuzzy")
    for (src, lst), c in sorted(stats.items(), key=lambda kv: (kv[0][0] == "all", kv[0])):
        rec = c["right"] / c["pairs"] if c["pairs"] else 0
        prec = c["right"] / c["answered"] if c["answered"] else 0
        print(f"{src}\t{lst}\t{c['pairs']}\t{c['answered']}\t{c['right']}\t{rec:.3f}\t{prec:.3f}\t"
              f"{c['right_exact']}/{c['right_alias']}/{c['right_variant']}/{c['right_fuzzy']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
