#!/usr/bin/env python3
"""Throughput of the release binary on the news corpus.

Runs `kashf extract` (JSONL out, default gazetteers, whole process) over a
folder with one thread and with all threads, several times each, and prints
the medians of MB/s, documents/s, entities/s and peak resident memory, plus
the startup time (one short sentence, so that every matcher and word table
is built). Standard library only.

    python3 scripts/throughput.py                 # the corpus, 5 runs each
    python3 scripts/throughput.py --runs 3 DIR    # any folder of .txt files
    python3 scripts/throughput.py --kashf-args=--no-model   # without the tagger

The default folder is the SaudiNewsNet corpus, unpacked from
../shared/corpus/saudinewsnet-2015.tar.xz into target/corpus/ (ignored by
git; never commit its text). Without ../shared the script says so and
exits 0.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_TAR = ROOT.parent / "shared" / "corpus" / "saudinewsnet-2015.tar.xz"
CORPUS_DIR = ROOT / "target" / "corpus"


def corpus() -> Path | None:
    txt = CORPUS_DIR / "txt"
    if txt.is_dir():
        return txt
    if not CORPUS_TAR.is_file():
        return None
    print(f"unpacking {CORPUS_TAR.name} into {CORPUS_DIR.relative_to(ROOT)}/ ...", file=sys.stderr)
    CORPUS_DIR.mkdir(parents=True, exist_ok=True)
    with tarfile.open(CORPUS_TAR) as tar:
        tar.extractall(CORPUS_DIR, filter="data")
    return txt


def run(binary: Path, args: list[str], stdin=subprocess.DEVNULL) -> tuple[float, int, str]:
    """Runs once; returns (seconds, peak RSS in KiB, stderr)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(binary), *args], stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    err = proc.stderr.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"kashf {' '.join(args)} failed:\n{err}")
    return seconds, usage.ru_maxrss, err


def parse_stats(err: str) -> tuple[int, float, int]:
    """(documents, MB, entities) from the --stats line."""
    line = next(l for l in err.splitlines() if "documents" in l)
    words = line.replace(",", "").split()
    docs = int(words[1])
    mb = float(words[3])
    entities = int(words[5])
    return docs, mb, entities


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, help="folder of .txt files (default: the corpus)")
    ap.add_argument("--runs", type=int, default=5, help="runs per thread count (default 5)")
    ap.add_argument("--no-build", action="store_true", help="use target/release/kashf as it is")
    ap.add_argument("--kashf-args", default="", metavar="ARGS",
                    help="more `kashf extract` options, e.g. --kashf-args=--no-model")
    args = ap.parse_args()

    folder = args.folder or corpus()
    if folder is None:
        print(f"skipped: {CORPUS_TAR} not found (the corpus lives in ../shared)")
        return
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    binary = ROOT / "target" / "release" / "kashf"

    # One sentence with a name, a title, a place noun, a number and a date:
    # every lazily built table is built.
    sentence = ROOT / "target" / "startup-sentence.txt"
    sentence.write_text("قال الرئيس محمد بن سلمان في مدينة جدة يوم 3 مايو 2020 إن وزارة الصحة\n")
    extra = args.kashf_args.split()
    startup = statistics.median(run(binary, ["extract", *extra, str(sentence)])[0] for _ in range(args.runs))
    print(f"startup (one sentence, every table built): {startup * 1000:.0f} ms")
    cores = os.cpu_count() or 1
    base = None
    for threads in sorted({1, cores}):
        results = [run(binary, ["extract", *extra, "-q", "--stats", f"-j{threads}", str(folder)])
                   for _ in range(args.runs)]
        docs, mb, entities = parse_stats(results[0][2])
        secs = statistics.median(r[0] for r in results)
        rss = max(r[1] for r in results) / 1024
        base = base or secs
        print(
            f"-j{threads}: {mb / secs:7.1f} MB/s  {docs / secs:8.0f} docs/s  {entities / secs:9.0f} entities/s  "
            f"median {secs:.2f} s of {args.runs}  peak RSS {rss:.0f} MB  speed-up {base / secs:.2f}x"
        )
    print(f"({docs} documents, {mb:.1f} MB, {entities} entities; {folder})")


if __name__ == "__main__":
    main()
