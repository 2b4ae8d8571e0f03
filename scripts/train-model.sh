#!/usr/bin/env bash
# Retrains the embedded tagger model, gazetteers/model/tagger.bin, on ANERcorp's train split
# from ../shared, with the settings the 5-fold evaluation uses (scripts/anercorp-5fold.py):
# documents of 20 sentences, 20 passes, the ANERcorp people of the default gazetteer left
# out (the tagger learns names itself), and the news corpus of ../shared read by a first
# model (`--news`; unpacked into target/corpus/ if it is not there yet). Run from anywhere
# after a change to the finders or the features, then rebuild:
#
#     bash scripts/train-model.sh && cargo build --release
#
# The test `embedded_model_is_what_train_model_writes` (tests/cli_eval.rs) fails until then.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
gold="$root/../shared/data/ner/anercorp-train.conll"
[ -f "$gold" ] || { echo "train-model: $gold not found (../shared beside the project)" >&2; exit 1; }
corpus="$root/../shared/corpus/saudinewsnet-2015.tar.xz"
[ -f "$corpus" ] || { echo "train-model: $corpus not found (../shared beside the project)" >&2; exit 1; }
cd "$root"
if [ ! -d target/corpus/txt ]; then
    mkdir -p target/corpus
    tar -xJf "$corpus" -C target/corpus
fi
# The binary must not embed a model that changes what it trains on: training runs the finders
# only (the model is off while training), so any build will do.
cargo build --release --quiet
target/release/kashf train --gold "$gold" --group 20 --epochs 20 \
    --exclude-attr src=anercorp --news target/corpus/txt -o gazetteers/model/tagger.bin
