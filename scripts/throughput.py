#!/usr/bin/env python3
"""Throughput of the release binary on the news corpus, against ripgrep.

Runs, in one invocation and interleaved round by round (so that a change in
the machine's speed hits every case alike), each case several times, and
prints per case the median time, MB/s, peak resident memory, and the ratio of
its MB/s to ripgrep's on the same text:

- `rg`: ripgrep searching the concatenated corpus for the 100,000 names of
  `../shared/data/bench/names-100k.txt` as fixed strings (`rg -F -f NAMES -c`),
  the reference every ratio is taken against;
- `default -j1`, `default -jN`: `kashf extract` over the corpus folder (JSONL
  out, embedded gazetteers and model), one thread and all threads;
- `no-model -j1`, `no-model -jN`: the same with `--no-model`;
- `jsonl -j1`, `jsonl -j2`: 8,000 one-paragraph documents as JSONL on
  standard input (`--input jsonl`), the pipe and Spark mode;
- `startup`: one short sentence (every table built), with and without the model.

Peak memory is the largest of the runs. The speed-ups compare a case's -jN or
-j2 with its -j1 in the same rounds. Standard library only, but for ripgrep:
the script uses `rg` from target/tools/bin, else from PATH, else installs it
from crates.io into target/tools (`cargo install ripgrep --root target/tools`,
a minute of compiling once); `--no-rg` leaves it out.

    python3 scripts/throughput.py                  # the corpus, 3 rounds
    python3 scripts/throughput.py --runs 5 --no-build
    python3 scripts/throughput.py --only default,rg  # some cases only

The corpus is SaudiNewsNet, unpacked from ../shared/corpus/saudinewsnet-2015.tar.xz
into target/corpus/ (ignored by git; never commit its text). Without ../shared
the script says so and exits 0. Run it with nothing else busy: a neighbour on
two cores makes -j2 look slower than -j1. Ratios against ripgrep in the same run
are what to compare between runs, not MB/s, which move with the machine.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS_TAR = SHARED / "corpus" / "saudinewsnet-2015.tar.xz"
NAMES = SHARED / "data" / "bench" / "names-100k.txt"
CORPUS_DIR = ROOT / "target" / "corpus"
BENCH_DIR = ROOT / "target" / "bench"
TOOLS = ROOT / "target" / "tools"
PARAGRAPHS = 8000
SENTENCE = "قال الرئيس محمد بن سلمان في مدينة جدة يوم 3 مايو 2020 إن وزارة الصحة\n"


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


def text_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.txt") if p.is_file())


def concatenated(folder: Path, files: list[Path]) -> Path:
    """The corpus as one file, for ripgrep (made once per folder)."""
    out = BENCH_DIR / f"{folder.name}-all.txt"
    if not out.is_file():
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        with open(out, "wb") as f:
            for p in files:
                data = p.read_bytes()
                f.write(data)
                if not data.endswith(b"\n"):
                    f.write(b"\n")
    return out


def paragraphs(files: list[Path]) -> Path:
    """The first PARAGRAPHS paragraphs of at least 200 bytes, one JSON
    document each (made once)."""
    out = BENCH_DIR / f"paragraphs-{PARAGRAPHS}.jsonl"
    if not out.is_file():
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        n = 0
        with open(out, "w", encoding="utf-8") as f:
            for p in files:
                for para in p.read_text(encoding="utf-8", errors="replace").split("\n"):
                    para = para.strip()
                    if len(para.encode()) < 200:
                        continue
                    f.write(json.dumps({"id": f"p{n}", "text": para}, ensure_ascii=False) + "\n")
                    n += 1
                    if n == PARAGRAPHS:
                        return out
    return out


def ripgrep() -> Path | None:
    local = TOOLS / "bin" / "rg"
    if local.is_file():
        return local
    found = shutil.which("rg")
    if found:
        return Path(found)
    print("installing ripgrep from crates.io into target/tools (once) ...", file=sys.stderr)
    subprocess.run(["cargo", "install", "--quiet", "--root", str(TOOLS), "ripgrep"], check=True)
    return local


def run(argv: list[str], stdin_path: Path | None = None) -> tuple[float, int]:
    """Runs once, output discarded; returns (seconds, peak RSS in KiB)."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        err = proc.stderr.read().decode(errors="replace")
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    finally:
        if stdin_path:
            stdin.close()
    code = os.waitstatus_to_exitcode(status)
    # ripgrep exits 1 when nothing matched; anything else is a failure.
    if code != 0 and not (code == 1 and argv[0].endswith("rg")):
        sys.exit(f"{' '.join(argv)} failed ({code}):\n{err}")
    return seconds, usage.ru_maxrss


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, help="folder of .txt files (default: the corpus)")
    ap.add_argument("--runs", type=int, default=3, help="rounds; every case runs once a round (default 3)")
    ap.add_argument("--no-build", action="store_true", help="use target/release/kashf as it is")
    ap.add_argument("--no-rg", action="store_true", help="leave ripgrep out (no ratios)")
    ap.add_argument("--only", default="", metavar="CASES",
                    help="comma-separated case groups: rg, default, no-model, jsonl, startup")
    ap.add_argument("--kashf-args", default="", metavar="ARGS",
                    help="more `kashf extract` options for every kashf case")
    args = ap.parse_args()

    folder = args.folder or corpus()
    if folder is None:
        print(f"skipped: {CORPUS_TAR} not found (the corpus lives in ../shared)")
        return
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    kashf = str(ROOT / "target" / "release" / "kashf")
    files = text_files(folder)
    mb = sum(p.stat().st_size for p in files) / 1e6
    groups = set(filter(None, args.only.split(","))) or {"rg", "default", "no-model", "jsonl", "startup"}
    if args.no_rg:
        groups.discard("rg")
    extra = args.kashf_args.split()
    cores = os.cpu_count() or 1

    # (name, argv, stdin, MB of text or None for startup)
    cases: list[tuple[str, list[str], Path | None, float | None]] = []
    if "rg" in groups:
        if not NAMES.is_file():
            sys.exit(f"{NAMES} not found")
        rg = ripgrep()
        cases.append(("rg -F -f names-100k", [str(rg), "-F", "-f", str(NAMES), "-c", str(concatenated(folder, files))], None, mb))
    for group, flags in (("default", []), ("no-model", ["--no-model"])):
        if group in groups:
            for j in sorted({1, cores}):
                cases.append((f"{group} -j{j}", [kashf, "extract", "-q", f"-j{j}", *flags, *extra, str(folder)], None, mb))
    if "jsonl" in groups:
        jsonl = paragraphs(files)
        jmb = sum(len(json.loads(l)["text"].encode()) for l in open(jsonl, encoding="utf-8")) / 1e6
        for j in (1, 2):
            cases.append((f"jsonl {PARAGRAPHS} docs -j{j}", [kashf, "extract", "-q", "--input", "jsonl", f"-j{j}", *extra], jsonl, jmb))
    if "startup" in groups:
        sentence = BENCH_DIR / "startup-sentence.txt"
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        sentence.write_text(SENTENCE, encoding="utf-8")
        cases.append(("startup", [kashf, "extract", *extra, str(sentence)], None, None))
        cases.append(("startup --no-model", [kashf, "extract", "--no-model", *extra, str(sentence)], None, None))

    times: dict[str, list[float]] = {c[0]: [] for c in cases}
    rss: dict[str, int] = {c[0]: 0 for c in cases}
    for r in range(args.runs):
        print(f"round {r + 1} of {args.runs} ...", file=sys.stderr)
        for name, argv, stdin, _ in cases:
            # Startup is short and noisy: the best of five a round.
            reps = 5 if name.startswith("startup") else 1
            best = min((run(argv, stdin) for _ in range(reps)), key=lambda t: t[0])
            times[name].append(best[0])
            rss[name] = max(rss[name], best[1])

    med = {name: statistics.median(ts) for name, ts in times.items()}
    ref = next((n for n in med if n.startswith("rg ")), None)
    ref_speed = cases[0][3] / med[ref] if ref else None
    print(f"{len(files)} documents, {mb:.1f} MB ({folder}); medians of {args.runs} interleaved rounds")
    print(f"{'case':<26} {'median':>9} {'MB/s':>8} {'× rg':>6} {'peak RSS':>9}  speed-up")
    for name, _, _, size in cases:
        secs = med[name]
        if size is None:
            print(f"{name:<26} {secs * 1000:7.0f} ms {'':>8} {'':>6} {rss[name] / 1024:6.0f} MB")
            continue
        speed = size / secs
        ratio = f"{speed / ref_speed:6.2f}" if ref_speed else ""
        speedup = ""
        if " -j" in name and not name.endswith("-j1"):
            one = name.rsplit(" -j", 1)[0] + " -j1"
            if one in med:
                speedup = f"{med[one] / secs:.2f}× -j1"
        print(f"{name:<26} {secs:7.2f} s {speed:8.1f} {ratio:>6} {rss[name] / 1024:6.0f} MB  {speedup}")


if __name__ == "__main__":
    main()
