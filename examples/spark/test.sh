#!/usr/bin/env bash
# Tests the Spark example (examples/spark/kashf_spark.py) end to end, in
# local[2] mode bound to the loopback interface:
#
# - JSONL documents (built from fixtures/news/*.txt, each several times under
#   new ids, plus edge cases) run through the job give, document for
#   document, the very lines `kashf extract --input jsonl` gives on the same
#   documents. The comparison sorts both outputs bytewise (LC_ALL=C): each
#   line starts with its document's unique id, and Spark does not promise an
#   order across partitions.
# - A folder of text files gives what `kashf extract` gives on the files.
# - A malformed JSON line, and a kashf that refuses its options, make the job
#   fail with a non-zero exit status and kashf's complaint in the message.
#
# Needs Java (8, 11 or 17) and python3, and PyPI on the first run: pyspark is
# installed into a venv in the build folder (target/spark-venv, kept between
# runs). Skips, with exit status 0, where Java or python3 is missing.
# Run from anywhere: bash examples/spark/test.sh; it builds the release binary
# unless KASHF=PATH names the binary to test.
set -euo pipefail
given_kashf=${KASHF:+$(realpath "$KASHF")}
cd "$(dirname "$0")/../.."

PYSPARK_VERSION=3.5.9
PARTITIONS=3
REF_DATE=2021-03-12

if ! command -v java >/dev/null 2>&1; then
    echo "examples/spark/test.sh: skipped: no java on PATH (Spark needs Java 8, 11 or 17)"
    exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "examples/spark/test.sh: skipped: no python3 on PATH"
    exit 0
fi

target=${CARGO_TARGET_DIR:-target}
venv=$target/spark-venv
if ! "$venv/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
    echo "installing pyspark $PYSPARK_VERSION into $venv"
    python3 -m venv --clear "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pyspark==$PYSPARK_VERSION"
fi
# KASHF=PATH tests that binary instead (a static musl build, say).
if [ -n "$given_kashf" ]; then
    kashf=$given_kashf
else
    cargo build --release --quiet
    kashf=$(cd "$target/release" && pwd)/kashf
fi
venv=$(cd "$venv" && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/kashf-spark-test.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The venv's own Spark, its Python on both sides, nothing but loopback.
unset SPARK_HOME
export SPARK_LOCAL_IP=127.0.0.1
export PYSPARK_PYTHON=$venv/bin/python
export PYSPARK_DRIVER_PYTHON=$venv/bin/python

# submit LOG SHIP ARGS...: runs the job in local[2] on ARGS. SHIP is how the
# binary reaches the executors: `addfile` (the driver's --kashf PATH) or
# `files` (spark-submit --files, found by its name). The job's output and
# Spark's log go to LOG (spark-submit sends the Python driver's standard
# error to its standard output).
submit() {
    local log=$1 ship=$2
    shift 2
    local spark_opts=() driver_opts=(--kashf "$kashf")
    if [ "$ship" = files ]; then
        spark_opts=(--files "$kashf")
        driver_opts=(--kashf "$(basename "$kashf")")
    fi
    "$venv/bin/spark-submit" \
        --master 'local[2]' \
        --conf spark.driver.bindAddress=127.0.0.1 \
        --conf spark.driver.host=127.0.0.1 \
        --conf spark.ui.enabled=false \
        --conf "spark.local.dir=$work/spark-local" \
        --conf spark.log.level=WARN \
        "${spark_opts[@]}" examples/spark/kashf_spark.py "${driver_opts[@]}" "$@" >"$log" 2>&1
}

# job_succeeds LOG SHIP ARGS...: submit, showing the end of LOG if it fails.
job_succeeds() {
    submit "$@" || { tail -n 30 "$1"; return 1; }
}

# failure_report LOG: what the driver says after `kashf_spark: job failed`
# (kashf's standard error is also copied into Spark's log before it).
failure_report() { sed -n '/^kashf_spark: job failed: /,$p' "$1"; }

passed=0
failed=0
# check NAME COMMAND...: one check; its output is shown only if it fails.
check() {
    local name=$1
    shift
    if out=$("$@" 2>&1); then
        passed=$((passed + 1))
        echo "ok   $name"
    else
        failed=$((failed + 1))
        echo "FAIL $name"
        [ -n "$out" ] && printf '%s\n' "$out" | tail -n 40 | cut -c 1-300 | sed 's/^/     /'
    fi
    return 0
}

# Documents: every fixture four times under its own id, with extra fields
# kashf copies through, and edge cases: empty text, line breaks and U+2028
# inside the text (one JSONL line still), a number as id, a non-ASCII id.
# Split into two files so the job reads several inputs.
"$venv/bin/python" - "$work" fixtures/news/*.txt <<'EOF'
import json, pathlib, sys
work, paths = pathlib.Path(sys.argv[1]), sorted(sys.argv[2:])
docs = []
for copy in range(4):
    for path in paths:
        text = pathlib.Path(path).read_text(encoding="utf-8")
        docs.append({"id": f"{pathlib.Path(path).name}#{copy}", "text": text, "copy": copy, "tags": ["fixture"]})
docs.append({"id": "empty", "text": ""})
docs.append({"id": "breaks", "text": "زار الوزير موسكو\r\nثم القاهرة\u2028في 5 نوفمبر 2020\n\nأمس"})
docs.append({"id": 7, "text": "وصل الرئيس إلى القاهرة أمس"})
docs.append({"id": "وثيقة-عربية", "text": "ثلاثة آلاف متظاهر في بيروت"})
half = len(docs) // 2
for name, part in (("docs-1.jsonl", docs[:half]), ("docs-2.jsonl", docs[half:])):
    with open(work / name, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(d, ensure_ascii=False) + "\n" for d in part)
EOF

# sorted_parts DIR: the job's output lines, sorted bytewise.
sorted_parts() { cat "$1"/part-* | LC_ALL=C sort; }

# 1. JSONL in, JSONL out: the same lines as kashf alone.
cat "$work/docs-1.jsonl" "$work/docs-2.jsonl" >"$work/docs.jsonl"
"$kashf" extract -q --input jsonl --format jsonl --ref-date "$REF_DATE" <"$work/docs.jsonl" \
    | LC_ALL=C sort >"$work/expected.jsonl"
started=$SECONDS
check "job over two JSONL files succeeds" \
    job_succeeds "$work/jsonl.log" addfile --partitions "$PARTITIONS" --ref-date "$REF_DATE" \
    "$work/docs-1.jsonl" "$work/docs-2.jsonl" "$work/out-jsonl"
check "job writes one part file per partition ($PARTITIONS), several of them non-empty" \
    bash -c 'set -e; parts=("$1"/part-*); [ "${#parts[@]}" -eq "$2" ] || { echo "${#parts[@]} part files"; exit 1; }
             full=0; for p in "${parts[@]}"; do [ -s "$p" ] && full=$((full + 1)); done
             [ "$full" -ge 2 ] || { echo "$full non-empty part files"; exit 1; }' _ "$work/out-jsonl" "$PARTITIONS"
check "job writes one line per document, no document twice" \
    bash -c 'set -e; lines=$(cat "$1"/part-* | wc -l); docs=$(grep -c . "$2")
             [ "$lines" -eq "$docs" ] || { echo "$lines lines for $docs documents"; exit 1; }
             twice=$(cat "$1"/part-* | cut -d, -f1 | sort | uniq -d); [ -z "$twice" ] || { echo "twice: $twice"; exit 1; }' \
    _ "$work/out-jsonl" "$work/docs.jsonl"
check "job output equals kashf's own output on the same documents" \
    diff <(sorted_parts "$work/out-jsonl") "$work/expected.jsonl"

# 2. A folder of text files: each document is named by its path relative to
#    the folder, as `kashf extract` names the files given from inside it.
(cd fixtures/news && "$kashf" extract -q --ref-date "$REF_DATE" *.txt) | LC_ALL=C sort >"$work/expected-text.jsonl"
check "job over a folder of text files, binary shipped with --files, succeeds" \
    job_succeeds "$work/text.log" files --partitions 2 --ref-date "$REF_DATE" fixtures/news "$work/out-text"
check "its output equals kashf's own output on the files" \
    diff <(sorted_parts "$work/out-text") "$work/expected-text.jsonl"

# 3. A malformed JSON line: kashf reports it and exits non-zero, so must the job.
{ head -n 3 "$work/docs-1.jsonl"; echo '{"id": "broken", "text": "القاهرة'; tail -n 3 "$work/docs-2.jsonl"; } >"$work/bad.jsonl"
set +e
"$kashf" extract -q --input jsonl <"$work/bad.jsonl" >/dev/null 2>"$work/bad-direct.err"
direct_status=$?
submit "$work/bad.log" addfile --partitions 1 "$work/bad.jsonl" "$work/out-bad"
job_status=$?
set -e
check "kashf alone rejects the malformed line (status $direct_status)" \
    bash -c '[ "$1" -ne 0 ] && grep -q "malformed JSON" "$2"' _ "$direct_status" "$work/bad-direct.err"
check "job with a malformed line fails (status $job_status)" test "$job_status" -ne 0
check "its error names kashf's exit status and kashf's message" \
    bash -c 'grep -q "^kashf_spark: job failed: partition 0: kashf exited with status $1;" <<<"$2" &&
             grep -qF "$(head -n 1 "$3")" <<<"$2"' _ "$direct_status" "$(failure_report "$work/bad.log")" "$work/bad-direct.err"
check "it leaves no output marked complete" test ! -e "$work/out-bad/_SUCCESS"

# 4. kashf refuses its options and exits before reading a line.
set +e
"$kashf" extract -q --input jsonl --ref-date not-a-date </dev/null 2>"$work/usage-direct.err"
direct_status=$?
submit "$work/usage.log" addfile --ref-date not-a-date "$work/docs-1.jsonl" "$work/out-usage"
job_status=$?
set -e
check "job whose kashf refuses its options (status $direct_status) fails (status $job_status), naming kashf's complaint" \
    bash -c '[ "$1" -ne 0 ] && [ "$2" -ne 0 ] &&
             grep -q "^kashf_spark: job failed: partition [0-9]*: kashf exited with status $1;" <<<"$3" &&
             grep -qF "$(grep . "$4" | head -n 1)" <<<"$3"' \
    _ "$direct_status" "$job_status" "$(failure_report "$work/usage.log")" "$work/usage-direct.err"

echo "(the four Spark jobs took $((SECONDS - started)) s)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
