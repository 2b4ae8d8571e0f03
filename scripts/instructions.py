#!/usr/bin/env python3
"""Instructions per byte of each pipeline stage, counted by callgrind.

Instruction counts do not move with the machine's load, unlike seconds, so
they are what to steer by on a shared machine (throughput.py's ratios
against ripgrep are the record of speed). The script:

1. builds a release binary with line tables (`CARGO_PROFILE_RELEASE_DEBUG=
   line-tables-only`) into target/profiling, so that the usual
   target/release stays as it is (`--no-build`: use what is there; `--bin`:
   any binary);
2. links a fixed sample of the news corpus into target/bench/sample: every
   33rd file of the sorted corpus (930 articles from every day and every
   paper, 3.0 MB);
3. runs `valgrind --tool=callgrind` on `kashf extract -q -j1` over the
   sample, with and without the model, and on one short sentence (startup:
   every table built, almost no text);
4. reads the call graph and prints, per stage, its inclusive instructions
   over the sample, less the same stage's over the one sentence (so that
   tables built lazily on first use count as startup), per byte of the
   sample, and as a share of the whole run.

A stage is a function, found by the end of its path
(`tagger::apply::apply`); a function inlined into its caller counts in the caller.
Stages may nest (the tagger calls `resolve`): the table says which.

    python3 scripts/instructions.py                 # build, both configurations
    python3 scripts/instructions.py --no-build --only default
    python3 scripts/instructions.py --bin target/release/kashf --keep

Needs valgrind and the corpus unpacked into target/corpus/ (throughput.py
does that); without the corpus it says so and exits 0.
"""

import argparse
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "target" / "corpus" / "txt"
SAMPLE = ROOT / "target" / "bench" / "sample"
PROFILING = ROOT / "target" / "profiling"
EVERY = 33
SENTENCE = "قال الرئيس محمد بن سلمان في مدينة جدة يوم 3 مايو 2020 إن وزارة الصحة\n"

# (row, function-name suffixes whose inclusive counts are summed, note)
STAGES = [
    ("normalise", ["Normalizer::normalize_into"], ""),
    ("matching key", ["normalize::matching_key"], ""),
    ("words", ["extract::words_into", "vocab::Words::fill"], "if not inlined"),
    ("gazetteer (exact + variants)", ["Matcher::find"], ""),
    ("context rules", ["rules::find"], ""),
    ("dateline", ["dates::dateline"], ""),
    ("number/date triggers", ["lexicon::triggers", "words::triggers"], "if not inlined"),
    ("dates", ["dates::find"], ""),
    ("numbers", ["numbers::find"], ""),
    ("addresses", ["extract::addresses_into"], "if not inlined"),
    ("resolve", ["doc::resolve"], "the tagger's call too"),
    ("linking", ["link::link"], "both calls"),
    ("tagger", ["tagger::apply::apply"], "its resolve too"),
    ("to entities", ["extract::to_entities"], ""),
    ("JSONL writing", ["output::Format::body", "output::Format::head"], ""),
    ("reading input", ["input::Reader::read_file", "input::TextStream::next_chunk"], ""),
    ("malloc/free/realloc", ["malloc", "free", "realloc", "calloc"], "inside the stages"),
]


def build() -> Path:
    env = dict(os.environ, CARGO_PROFILE_RELEASE_DEBUG="line-tables-only")
    subprocess.run(
        ["cargo", "build", "--release", "--quiet", "--target-dir", str(PROFILING)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return PROFILING / "release" / "kashf"


def sample() -> int:
    """Links the sample into SAMPLE; returns its size in bytes."""
    files = sorted(CORPUS.rglob("*.txt"))[::EVERY]
    SAMPLE.mkdir(parents=True, exist_ok=True)
    for old in SAMPLE.iterdir():
        old.unlink()
    for f in files:
        (SAMPLE / f"{f.parent.name}-{f.name}").symlink_to(f.resolve())
    return sum(f.stat().st_size for f in files)


def callgrind(binary: Path, args: list[str], out: Path, stdin: str | None = None) -> None:
    subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", str(binary), *args],
        input=stdin.encode() if stdin is not None else None,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )


def inclusive(path: Path) -> tuple[int, dict[str, int]]:
    """The total and each function's inclusive instruction count.

    Inclusive = the function's own instructions (inlined code included)
    plus the costs of its calls to other functions, as callgrind records
    them. Functions are told apart by name only: callgrind splits a
    function with inlined code over several files.
    """
    names: dict[str, str] = {}
    own: dict[str, int] = defaultdict(int)
    calls: dict[str, int] = defaultdict(int)
    name_re = re.compile(r"\((\d+)\)(?: (.*))?")
    total = 0
    fn = cfn = None
    after_calls = False

    def resolve(spec: str) -> str:
        m = name_re.match(spec)
        if not m:
            return spec
        if m.group(2) is not None:
            names[m.group(1)] = m.group(2)
        return names.get(m.group(1), spec)

    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("fn="):
                fn = resolve(line[3:].strip())
            elif line.startswith("cfn="):
                cfn = resolve(line[4:].strip())
            elif line.startswith("calls="):
                after_calls = True
            elif line.startswith("summary:"):
                total = int(line.split()[1])
            elif line[:1].isdigit() or line[:1] in "+-*":
                parts = line.split()
                if len(parts) < 2 or fn is None:
                    continue
                cost = int(parts[1])
                if after_calls:
                    if cfn != fn:
                        calls[fn] += cost
                    after_calls = False
                else:
                    own[fn] += cost
    return total, {f: own[f] + calls[f] for f in set(own) | set(calls)}


def stage_counts(costs: dict[str, int]) -> list[int]:
    out = []
    for _, suffixes, _ in STAGES:
        n = 0
        for name, cost in costs.items():
            bare = re.sub(r"::h[0-9a-f]{16}$", "", name)
            if any(bare == s or bare.endswith("::" + s) for s in suffixes):
                n += cost
        out.append(n)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-build", action="store_true", help="use target/profiling as it is")
    ap.add_argument("--bin", type=Path, help="profile this binary instead")
    ap.add_argument("--only", default="default,no-model", help="default,no-model")
    ap.add_argument("--keep", action="store_true", help="keep the callgrind files in target/bench")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print("no corpus in target/corpus/txt (see scripts/throughput.py); nothing measured")
        return 0
    binary = args.bin or (PROFILING / "release" / "kashf" if args.no_build else build())
    size = sample()
    bench = ROOT / "target" / "bench"
    configs = {"default": [], "no-model": ["--no-model"]}
    print(f"sample: {len(list(SAMPLE.iterdir()))} files, {size:,} bytes; binary {binary}")
    for name in args.only.split(","):
        extra = configs[name]
        start_out = bench / f"callgrind.{name}.startup.out"
        run_out = bench / f"callgrind.{name}.out"
        callgrind(binary, ["extract", "-q", "-j1", *extra], start_out, stdin=SENTENCE)
        callgrind(binary, ["extract", "-q", "-j1", *extra, str(SAMPLE)], run_out)
        start_total, start_costs = inclusive(start_out)
        total, costs = inclusive(run_out)
        before = stage_counts(start_costs)
        after = stage_counts(costs)
        text = total - start_total
        print(f"\n{name}: {total / 1e6:,.0f} M instructions in all; startup (one sentence) "
              f"{start_total / 1e6:,.1f} M; {text / size:,.0f} a byte without it")
        print(f"| stage | M instructions | a byte | share | note |")
        print(f"| --- | ---: | ---: | ---: | --- |")
        for (row, _, note), a, b in zip(STAGES, after, before):
            n = a - b
            if n <= 0:
                continue
            print(f"| {row} | {n / 1e6:,.1f} | {n / size:,.1f} | {100 * n / text:.1f} % | {note} |")
        print(f"| all but startup | {text / 1e6:,.1f} | {text / size:,.1f} | 100 % | |")
        if not args.keep:
            start_out.unlink()
            run_out.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
