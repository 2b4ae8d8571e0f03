"""extract_many against a loop of Extractor.extract, on the same texts.

Prints the median of several rounds of each and their ratio; it asserts
nothing about speed (the machine's speed moves between runs), only that
both give the same entities. Run: python python/bench.py [--threads N]
[--rounds N] [FILES...] (default: the repository's fixtures, each line a
text, repeated to about 1 MB).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import kashf

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("files", nargs="*", type=Path)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--rounds", type=int, default=5)
    args = p.parse_args()
    files = args.files or sorted((ROOT / "fixtures" / "news").glob("*.txt"))
    lines = [l for f in files for l in f.read_text(encoding="utf-8").splitlines() if l.strip()]
    texts, size = [], 0
    while size < 1_000_000:
        texts.extend(lines)
        size += sum(len(l.encode()) for l in lines)
    ex = kashf.Extractor()
    ex.extract(texts[0])  # warm up

    def loop():
        return [ex.extract(t) for t in texts]

    def many():
        return list(ex.extract_many(texts, threads=args.threads))

    assert loop() == many()
    times = {"loop": [], "extract_many": []}
    for _ in range(args.rounds):
        for name, f in (("loop", loop), ("extract_many", many)):
            t = time.perf_counter()
            f()
            times[name].append(time.perf_counter() - t)
    med = {k: statistics.median(v) for k, v in times.items()}
    mb = size / 1e6
    print(f"{len(texts)} texts, {mb:.1f} MB, median of {args.rounds} rounds:")
    print(f"  loop of extract:            {med['loop']:.2f} s ({mb / med['loop']:.1f} MB/s)")
    print(f"  extract_many, {args.threads} threads:    {med['extract_many']:.2f} s "
          f"({mb / med['extract_many']:.1f} MB/s)")
    print(f"  ratio: {med['loop'] / med['extract_many']:.2f}x")


if __name__ == "__main__":
    main()
