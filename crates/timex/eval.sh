#!/usr/bin/env bash
# Scores casefile-timex on TempEval-3 TimeBank + AQUAINT (TBAQ) with shared/eval/timex_score.py,
# then measures words/s on the same texts.
# Usage: crates/timex/eval.sh [OUT_DIR] [--verbose]   (from anywhere; SHARED overrides ../shared)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=${SHARED:-$root/../shared}
out=${1:-$root/target/timex-eval}
data=$shared/datasets/tempeval3
cd "$root"
cargo build --release -q -p casefile-timex --bins
rm -rf "$out"
mkdir -p "$out/gold"
# One gold folder for both parts, so the scorer reports TBAQ as a whole.
for f in "$data"/TimeBank/*.tml "$data"/AQUAINT/*.tml; do ln -s "$f" "$out/gold/"; done
${CARGO_TARGET_DIR:-target}/release/timex-eval "$out/gold" "$out/system"
echo "== TBAQ"
python3 "$shared/eval/timex_score.py" "$out/gold" "$out/system" ${2:-}
# Cross-check on text the rules were not written against: MEANTIME (Wikinews, its annotated
# first sentences), converted to TimeML.
echo "== MEANTIME (cross-check)"
python3 "$here/scripts/meantime_to_timeml.py" "$shared/datasets/meantime" "$out/meantime-gold"
${CARGO_TARGET_DIR:-target}/release/timex-eval "$out/meantime-gold" "$out/meantime-system"
python3 "$shared/eval/timex_score.py" "$out/meantime-gold" "$out/meantime-system" ${2:-}
echo "== speed"
${CARGO_TARGET_DIR:-target}/release/timex-bench --rounds 30 "$data/TimeBank" "$data/AQUAINT"
