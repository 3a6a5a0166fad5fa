#!/usr/bin/env python3
"""Golden outputs: simulate, compare, sweep and capacity on the corridors and every example give
the same bytes as when the golden files were last reviewed.

Each run's stdout is kept in full (tests/golden/NAME.stdout, read it when it changes) and every
file of its --out folder as a SHA-256 of its bytes (tests/golden/NAME.files), with the wall-clock
run time, the only thing allowed to differ between runs, set to 0 first.

Usage: scripts/check-golden.py CORSIM_BINARY [--update]
  --update  rewrites tests/golden/ from this binary (review the diff before committing it)
"""

import hashlib
import os
import re
import subprocess
import sys
import tempfile

GOLDEN = "tests/golden"
SHORT = ["--days", "60", "--warmup", "10", "--replications", "2", "-q"]


def example_runs():
    """compare: each example's base against its what-ifs."""
    for study in sorted(os.listdir("examples")):
        folder = os.path.join("examples", study)
        if not os.path.isfile(os.path.join(folder, "base.yaml")):
            continue
        whatifs = sorted(f for f in os.listdir(folder) if f.endswith(".yaml") and f != "base.yaml")
        yield ("compare-" + study,
               ["compare", os.path.join(folder, "base.yaml")] +
               [os.path.join(folder, w) for w in whatifs] + SHORT)


RUNS = [
    ("simulate-jilin", ["simulate", "corridors/jilin.yaml", "--days", "90", "--warmup", "10",
                        "--replications", "3", "-q"]),
    ("simulate-teaching-json", ["simulate", "corridors/teaching.yaml", "--format", "json"] +
     SHORT),
    ("simulate-teaching-trace", ["simulate", "corridors/teaching.yaml", "--trace", "{trace}"] +
     SHORT),
    ("simulate-teaching", ["simulate", "corridors/teaching.yaml", "--days", "120", "--warmup",
                           "10", "--replications", "3", "-q"]),
    ("sweep-teaching", ["sweep", "corridors/teaching.yaml", "--scale",
                        "demand.*.volume=1,2"] + SHORT),
    ("sweep-jilin", ["sweep", "corridors/jilin.yaml", "--scale", "demand.*.volume=1,1.5"] + SHORT),
    ("capacity-jilin", ["capacity", "corridors/jilin.yaml", "--od", "CCX:DUI", "--p95", "45"] +
     SHORT),
] + list(example_runs())


def normalise(path):
    with open(path, "rb") as f:
        data = f.read()
    data = re.sub(rb'"run_seconds": [0-9.e+-]+', b'"run_seconds": 0', data)
    data = re.sub(rb"ran in [0-9.]+ s", b"ran in 0 s", data)
    return data


def run(corsim, name, args, work):
    out = os.path.join(work, name)
    os.makedirs(out)
    args = [a.replace("{trace}", os.path.join(out, "trace.csv")) for a in args]
    proc = subprocess.run([corsim] + args + ["--out", out], capture_output=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"{name}: exit {proc.returncode}\n{proc.stderr.decode()}")
    files = []
    for root, _, names in os.walk(out):
        for n in names:
            p = os.path.join(root, n)
            digest = hashlib.sha256(normalise(p)).hexdigest()
            files.append(f"{digest}  {os.path.relpath(p, out)}\n")
    return proc.stdout.decode(), "".join(sorted(files, key=lambda line: line[66:]))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    corsim, update = os.path.abspath(sys.argv[1]), "--update" in sys.argv[2:]
    failed = []
    with tempfile.TemporaryDirectory() as work:
        for name, args in RUNS:
            got = run(corsim, name, args, work)
            paths = [os.path.join(GOLDEN, name + ext) for ext in (".stdout", ".files")]
            if update:
                os.makedirs(GOLDEN, exist_ok=True)
                for path, text in zip(paths, got):
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(text)
                print("wrote", name)
                continue
            expected = []
            for path in paths:
                with open(path, encoding="utf-8") as f:
                    expected.append(f.read())
            if list(got) != expected:
                failed.append(name)
                print(f"DIFFERS: {name} (corsim {' '.join(args)})")
                if got[0] != expected[0]:
                    print("  stdout differs")
                for line in set(got[1].splitlines()) ^ set(expected[1].splitlines()):
                    print("  file:", line[66:], "differs")
            else:
                print("same:", name)
    if failed:
        sys.exit(f"{len(failed)} of {len(RUNS)} runs differ from tests/golden/")


if __name__ == "__main__":
    main()
