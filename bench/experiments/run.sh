#!/usr/bin/env bash
# 1,000 replications of a year of the default corridor at 2023 demand (issue 6: under 60 s on 2
# cores), and their scaling over threads: the thread mode of bench/mpi/run.sh (which also checks
# that every thread count prints the same bytes), with the release build.
# Usage: bench/experiments/run.sh [replications] [runs]   (defaults 1000 and 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ -x build/release/corsim ]] ||
  { cmake --preset release >/dev/null && cmake --build build/release --target corsim >/dev/null; }
CORSIM=build/release/corsim REPS=${1:-1000} RUNS=${2:-3} MODES=threads exec bench/mpi/run.sh
