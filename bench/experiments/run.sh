#!/usr/bin/env bash
# Replications per second of the default corridor: 1,000 replications of a year of Jilin at
# 2023 demand (issue 6: under 60 s on 2 cores), and thread scaling.
# Usage: bench/experiments/run.sh [replications] [runs]   (defaults 1000 and 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
reps=${1:-1000}
runs=${2:-3}
corsim=build/release/corsim
[[ -x $corsim ]] || { cmake --preset release >/dev/null && cmake --build build/release --target corsim >/dev/null; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }

time_run() { # threads -> seconds (wall) of one run
  local start end
  start=$(date +%s.%N)
  "$corsim" -q simulate corridors/jilin.yaml --replications "$reps" --threads "$1" \
    --format json >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

cores=$(nproc)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "commit: $(git rev-parse --short HEAD)"
echo "command: $corsim -q simulate corridors/jilin.yaml --replications $reps --threads T --format json"
t1=""
for threads in 1 2 4 8 16; do
  ((threads <= cores)) || break
  t=$(for _ in $(seq "$runs"); do time_run "$threads"; done | median)
  [[ -n $t1 ]] || t1=$t
  printf 'threads %2d: %7.2f s  (%.1f replications/s, speed-up %.2f, efficiency %.0f%%)\n' \
    "$threads" "$t" "$(echo "$reps / $t" | bc -l)" "$(echo "$t1 / $t" | bc -l)" \
    "$(echo "100 * $t1 / ($threads * $t)" | bc -l)"
done
