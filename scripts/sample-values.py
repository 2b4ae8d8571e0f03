#!/usr/bin/env python3
"""Draws a fixed random sample of the DATE and NUMBER spans kashf finds in the news corpus, for a
person to judge (is the span right, is the value right), and prints each with its context.

    python3 scripts/sample-values.py [--day 2015-07-21] [--n 200] [--seed 25] [--kashf target/release/kashf]

It runs `kashf extract --no-model -j1 --format csv` on one day of target/corpus/txt (the news
corpus of ../shared, unpacked as scripts/train-model.sh does) and samples with Python's `random`
seeded, so the same binary gives the same sample. The judged figures are in
docs/numbers-and-dates.md ("News precision").
"""
import argparse
import csv
import random
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--day", default="2015-07-21")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=25)
    ap.add_argument("--kashf", default="target/release/kashf")
    a = ap.parse_args()
    folder = f"target/corpus/txt/{a.day}"
    out = subprocess.run(
        [a.kashf, "extract", "--no-model", "-j1", "--format", "csv", folder],
        capture_output=True, text=True, check=True,
    ).stdout
    rows = [r for r in csv.DictReader(out.splitlines()) if r["label"] in ("DATE", "NUMBER")]
    rows.sort(key=lambda r: (r["doc"], int(r["start"])))
    sample = random.Random(a.seed).sample(rows, min(a.n, len(rows)))
    texts = {}
    print(f"{len(rows)} DATE/NUMBER spans in {folder}; {len(sample)} sampled (seed {a.seed})")
    for i, r in enumerate(sample, 1):
        if r["doc"] not in texts:
            with open(r["doc"], encoding="utf-8") as f:
                texts[r["doc"]] = f.read()
        t, s, e = texts[r["doc"]], int(r["start"]), int(r["end"])
        ctx = (t[max(0, s - 40):s] + "[" + t[s:e] + "]" + t[e:e + 40]).replace("\n", " ")
        print(f"{i}\t{r['label']}\t{r['kind']}\t{r['value']}\t{ctx}")


if __name__ == "__main__":
    sys.exit(main())
