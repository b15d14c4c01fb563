#!/usr/bin/env bash
# Scores Newshound's article extraction on the article-extraction benchmark (181 news pages
# with hand-checked bodies) with the benchmark's own scorer: word 4-shingles, precision and
# recall averaged per page.
#   bench/extraction/score.sh [BENCHMARK_DIR] [SCORER]
# Defaults: ../shared/data/article-extraction-benchmark and ../shared/tools/score-extraction.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-$root/../shared/data/article-extraction-benchmark}"
scorer="${2:-$root/../shared/tools/score-extraction}"
out="$root/bench/extraction/target"
mkdir -p "$out"
"$root/newshound" extract "$data"/html/*.html.gz > "$out/predictions.jsonl"
python3 "$scorer" "$data/ground-truth.json" "$out/predictions.jsonl" | tee "$out/score.txt"
