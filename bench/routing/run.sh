#!/usr/bin/env bash
# Runs the routing benchmark in one command: builds bench_routing (Release) in build/bench-routing,
# decompresses the DIMACS NY and FLA topologies to a temporary directory and prints a Markdown
# table (paste it under "## Routing" in bench/RESULTS.md).
#   bench/routing/run.sh [--runs 5] [other bench_routing options]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${CORSIM_DATA:-$root/../shared/data}"
build="${CORSIM_BENCH_BUILD:-$root/build/bench-routing}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCORSIM_BUILD_BENCHMARKS=ON \
  -DCORSIM_BUILD_TESTS=OFF >/dev/null
ninja -C "$build" bench_routing >/dev/null
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
xz -dc "$data/dimacs-topology/NY.gr.xz" >"$tmp/NY.gr"
xz -dc "$data/dimacs-topology/FLA.gr.xz" >"$tmp/FLA.gr"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p') ($(nproc) cores); commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo none); $(date -u +%FT%TZ)"
echo "command: bench/routing/run.sh $*"
"$build/bench/routing/bench_routing" --corridor "$root/corridors/jilin.yaml" \
  --luxembourg "$data/luxembourg" --pace "NY=$tmp/NY.gr" --pace "FLA=$tmp/FLA.gr" \
  --runs 5 --ratio-queries 2000 --boost-queries 50 --scale-queries 300 "$@"
