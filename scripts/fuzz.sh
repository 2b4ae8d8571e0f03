#!/usr/bin/env bash
# Fuzzes kashf: every target at once, each for SECONDS (default 60), one
# libFuzzer process per target.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     targets: normalize text lines jsonl
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). It runs on the stable
# toolchain: RUSTC_BOOTSTRAP=1 lets stable rustc take the -Z flags cargo-fuzz
# passes (sanitizer coverage, AddressSanitizer); a nightly toolchain works
# too (KASHF_FUZZ_TOOLCHAIN=nightly). Each target starts from its corpus in
# fuzz/corpus/TARGET (kept between runs, not committed) and the inputs kept
# in fuzz/regressions/TARGET. Logs go to fuzz/logs/TARGET.log; at the end a
# line per target gives seconds, executions and crashes, and every crash,
# leak or time-out input is copied into fuzz/regressions/TARGET, where
# `cargo test` replays it (tests/fuzz_regressions.rs). Exits 1 if any target
# found one. Be kind to a shared machine: `nice -n 19 scripts/fuzz.sh 3600`.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(normalize text lines jsonl)
toolchain=()
if [ -n "${KASHF_FUZZ_TOOLCHAIN:-}" ]; then
    toolchain=("+$KASHF_FUZZ_TOOLCHAIN")
else
    export RUSTC_BOOTSTRAP=1
fi

mkdir -p logs
# Built one after another first: the runs below then start at once.
for t in "${targets[@]}"; do
    cargo "${toolchain[@]}" fuzz build -O "$t"
done
pids=()
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    cargo "${toolchain[@]}" fuzz run -O "$t" "corpus/$t" "regressions/$t" -- \
        -max_total_time="$seconds" -timeout=60 -rss_limit_mb=4096 \
        -print_final_stats=1 >"logs/$t.log" 2>&1 &
    pids+=($!)
done
status=0
for pid in "${pids[@]}"; do
    wait "$pid" || true
done
for t in "${targets[@]}"; do
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "logs/$t.log" | tail -n 1)
    time=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "logs/$t.log" | tail -n 1)
    found=0
    for f in "artifacts/$t"/crash-* "artifacts/$t"/leak-* "artifacts/$t"/timeout-* "artifacts/$t"/oom-*; do
        [ -e "$f" ] || continue
        cp "$f" "regressions/$t/"
        found=$((found + 1))
    done
    echo "$t: ${time:-?} s, ${runs:-?} executions, $found crashes (log: fuzz/logs/$t.log)"
    [ "$found" -eq 0 ] || status=1
done
exit $status
