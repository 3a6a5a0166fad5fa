#!/usr/bin/env bash
# The capacity search on the Jilin corridor: wall-clock seconds of `corsim capacity` (the base
# run, the 0.5× run, the linear programme and one search per replication, 5 replications of a
# year), median of RUNS runs, per question and per thread count.
# Usage: bench/capacity/run.sh [RUNS] [CORSIM]   (defaults: 3, build/release/corsim)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
corsim=${2:-build/release/corsim}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "question | threads | median wall s (of $runs)"
for question in "--od CCX:DUI" "--od HUN:NGB" "--od CCX:VVO" "--at KRA"; do
  for threads in 1 2; do
    for ((i = 0; i < runs; i++)); do
      start=$(date +%s.%N)
      # shellcheck disable=SC2086 # the question is two words
      "$corsim" -q capacity corridors/jilin.yaml $question --threads "$threads" >/dev/null
      end=$(date +%s.%N)
      echo "$end - $start" | bc
    done | median | xargs printf "%s | %s | %.2f\n" "$question" "$threads"
  done
done
