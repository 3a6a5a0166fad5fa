#!/usr/bin/env bash
# Scaling of `corsim simulate` over MPI ranks and over threads (issue 6; docs/mpi.md).
# Times `mpirun -np N corsim simulate CORRIDOR --replications R --threads 1 --format json` for
# N = 1, 2, 4, 8, 16 (those up to the machine's cores), then `corsim simulate ... --threads N` in
# one process, and prints the median wall time of RUNS runs, the speed-up T1/TN, the efficiency
# T1/(N·TN), and the median CPU seconds (all processes: the work is split, not repeated). Every
# run's output must be the same bytes as the first one's.
#
# Usage: bench/mpi/run.sh            (from anywhere; builds build/mpi/corsim if it is missing)
# Settings (environment):
#   CORSIM       the tool (default build/mpi/corsim, built with the mpi preset when missing)
#   CORRIDOR     default corridors/jilin.yaml
#   REPS         replications, a multiple of 16 so that every N gets the same share (default
#                128: 8 per rank at N = 16, so that start-up is a small part)
#   DAYS         measured days per replication (default 365; warm-up: the corridor's default)
#   RUNS         runs per point, the median is reported (default 3)
#   NS           the counts to try (default "1 2 4 8 16", cut at the number of cores)
#   MODES        "mpi threads" (default), or one of them
#   MPIRUN_FLAGS extra mpirun flags (default --bind-to core)
# Needs only Debian packages (scripts/install-deps --mpi installs them).
set -euo pipefail
cd "$(dirname "$0")/../.."

corsim=${CORSIM:-build/mpi/corsim}
corridor=${CORRIDOR:-corridors/jilin.yaml}
reps=${REPS:-128}
days=${DAYS:-365}
runs=${RUNS:-3}
modes=${MODES:-mpi threads}
cores=$(nproc)
read -r -a ns <<<"${NS:-1 2 4 8 16}"
read -r -a mpirun_flags <<<"${MPIRUN_FLAGS:---bind-to core}"

if [[ ! -x $corsim ]]; then
  scripts/install-deps --mpi
  cmake --preset mpi >/dev/null
  cmake --build --preset mpi --target corsim
  corsim=build/mpi/corsim
fi
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_btl_vader_single_copy_mechanism=none # containers often forbid cross-memory attach

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
args=(simulate "$corridor" --replications "$reps" --days "$days" --format json --quiet)

# time_once OUTFILE CMD...: runs CMD with stdout to OUTFILE; sets `wall` and `cpu` (seconds; CPU:
# user + system of CMD and every process it waited for, the ranks under mpirun included).
time_once() {
  local out=$1 TIMEFORMAT='%R %U %S' rc=0 user sys
  shift
  { time "$@" >"$out" 2>"$work/stderr" || rc=$?; } 2>"$work/time"
  if ((rc != 0)); then
    cat "$work/stderr" >&2
    echo "bench/mpi/run.sh: failed (exit $rc): $*" >&2
    exit 1
  fi
  read -r wall user sys <"$work/time"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }')
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "# corsim scaling: $(uname -n), $cores cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'))"
echo "# $corsim ${args[*]}; median of $runs runs; $(mpirun --version 2>&1 | head -1)"
echo "# load average before: $(cut -d" " -f1-3 /proc/loadavg) (other work on the machine slows every point)"
reference=""
for mode in $modes; do
  echo
  if [[ $mode == mpi ]]; then
    echo "## MPI ranks: mpirun ${mpirun_flags[*]} -np N corsim ... --threads 1"
  else
    echo "## threads: corsim ... --threads N (one process)"
  fi
  printf '%6s %10s %9s %11s %8s\n' N "wall s" speed-up efficiency "CPU s"
  t1=""
  for n in "${ns[@]}"; do
    ((n <= cores)) || continue
    walls=() cpus=()
    for ((i = 0; i < runs; ++i)); do
      out=$work/out.json
      if [[ $mode == mpi ]]; then
        time_once "$out" mpirun "${mpirun_flags[@]}" -np "$n" "$corsim" "${args[@]}" --threads 1
      else
        time_once "$out" "$corsim" "${args[@]}" --threads "$n"
      fi
      walls+=("$wall")
      cpus+=("$cpu")
      if [[ -z $reference ]]; then
        reference=$work/reference.json
        cp "$out" "$reference"
      elif ! cmp -s "$reference" "$out"; then
        echo "bench/mpi/run.sh: $mode N=$n printed different results" >&2
        exit 1
      fi
    done
    t=$(median "${walls[@]}")
    [[ -n $t1 ]] || t1=$t
    awk -v n="$n" -v t="$t" -v t1="$t1" -v c="$(median "${cpus[@]}")" \
      'BEGIN { printf "%6d %10.2f %9.2f %10.0f%% %8.2f\n", n, t, t1 / t, 100 * t1 / (n * t), c }'
  done
done
