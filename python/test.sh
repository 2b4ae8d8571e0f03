#!/usr/bin/env bash
# Tests the Python package (python/): builds and installs it with the
# README's command into a venv, lints its Rust crate, and runs pytest on
# python/tests: the API against the CLI's JSONL, extract_many, errors,
# to_dataframe, the spaCy component, the README's examples, and the CoNLL
# output read by seqeval; mypy's stubtest checks the type stubs.
#
# Needs python3 (3.9 or later) with venv, and PyPI on the first run: the
# venv (target/python-venv) is kept between runs and made again when the
# pinned requirements below change. Nothing is cached outside the build
# folder (pip's cache is off). Skips, with exit status 0, where python3 is
# missing. Run from anywhere: bash python/test.sh.
#
# Cost: the venv (about 60 packages, spaCy's and pandas' above all), the
# extension module built once, by the README's command, in the workspace's
# target folder, and clippy on it in the same (release) profile, so that
# the macros and build scripts compiled for the module serve clippy too.
set -euo pipefail
cd "$(dirname "$0")/.."

# seqeval is installed without its dependencies: the tests read CoNLL with
# its IOB2 scheme, which needs none (its metrics would pull in scikit-learn).
REQUIREMENTS="maturin==1.16.0 pytest==9.2.0 pandas==2.3.3 spacy==3.8.18 mypy==2.4.1"
NO_DEPS="seqeval==1.2.2"

if ! command -v python3 >/dev/null 2>&1; then
    echo "python/test.sh: skipped: no python3 on PATH"
    exit 0
fi
if ! python3 -c 'import sys, venv; sys.exit(sys.version_info < (3, 9))' 2>/dev/null; then
    echo "python/test.sh: skipped: python3 is older than 3.9 or has no venv module"
    exit 0
fi

started=$SECONDS
target=${CARGO_TARGET_DIR:-target}
venv=$target/python-venv
want="$REQUIREMENTS --no-deps $NO_DEPS"
if [ "$(cat "$venv/kashf-requirements" 2>/dev/null)" != "$want" ]; then
    echo "installing $want into $venv"
    python3 -m venv --clear "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-cache-dir $REQUIREMENTS
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-cache-dir --no-deps $NO_DEPS
    echo "$want" >"$venv/kashf-requirements"
fi

# The CLI the tests compare with, and the package, built as the README
# says (without build isolation: the venv's maturin builds it).
cargo build --release --quiet
venv=$(cd "$venv" && pwd)
export PATH=$venv/bin:$PATH
pip install --quiet --disable-pip-version-check --no-cache-dir --no-build-isolation --force-reinstall --no-deps ./python
# The root's clippy has linted kashf itself.
cargo clippy --release --quiet -p kashf-python --no-deps -- -D warnings
# The type stubs against the module as built (names, signatures, fields).
MYPY_CACHE_DIR=$target/mypy-cache python -m mypy.stubtest kashf

KASHF=$(cd "$target/release" && pwd)/kashf python -m pytest -q -p no:cacheprovider python/tests
echo "(python/test.sh took $((SECONDS - started)) s)"
