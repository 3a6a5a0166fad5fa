#!/bin/sh
# Runs the whole engine benchmark with its peers and prints the tables.
#   bench/engine/run.sh [runs=5]
# Builds corsim in Release under build/bench-engine (ns-3 peer included when libns3-dev is
# installed), then runs corsim's cases, the ns-3 peer and the SimPy peer (python3-simpy).
# Times are CPU seconds of the (single-threaded) process, median of `runs` runs.
set -eu
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${CORSIM_BENCH_BUILD:-$root/build/bench-engine}

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCORSIM_BUILD_BENCHMARKS=ON \
  -DCORSIM_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target bench_engine -j2 >/dev/null
has_ns3=no
if cmake --build "$build" --target bench_engine_ns3 -j2 >/dev/null 2>&1; then has_ns3=yes; fi

echo "# machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
echo "# commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo none)"
echo "# compiler: $(c++ --version | head -1)"
echo "## corsim"
"$build/bench/engine/bench_engine" "$runs"
"$build/bench/engine/bench_engine" --memory
if [ "$has_ns3" = yes ]; then
  echo "## ns-3 $(dpkg-query -W -f '${Version}' libns3-dev 2>/dev/null || echo '?') (default scheduler)"
  "$build/bench/engine/bench_engine_ns3" "$runs"
else
  echo "## ns-3: not installed (apt-get install libns3-dev)"
fi
if /usr/bin/python3 -c 'import SimPy.Simulation' 2>/dev/null; then
  echo "## SimPy $(dpkg-query -W -f '${Version}' python3-simpy 2>/dev/null || echo '?')"
  /usr/bin/python3 "$root/bench/engine/simpy_peer.py" "$runs"
else
  echo "## SimPy: not installed (apt-get install python3-simpy)"
fi
