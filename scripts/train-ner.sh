#!/usr/bin/env bash
# Trains the entity tagger shipped in data/models/ner.bin on 70 % of the documents of the
# public NER gold sets (../shared/gold/ner-*.jsonl) and prints its scores on the other 30 %.
# The split is a hash of each document's text (see docs/EVAL.md); training is deterministic.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/spillover
"$bin" train-ner --gold ../shared/gold/ner-*.jsonl --out data/models/ner.bin --train-share 70 --epochs 12 --min-count 2 --word-dropout 10 "$@"
cargo build --release --quiet   # re-embed the new weights
