#!/usr/bin/env python3
"""The corridor generator writes what it is asked for, the same bytes for the same seed, and a
file that corsim validates and simulates: counts of nodes, trains a year and TEU a year against
the arguments, both directions, and at the national scale of its defaults.

Usage: scripts/check-generator.py CORSIM_BINARY
"""

import json
import os
import re
import subprocess
import sys
import tempfile

GENERATE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "generate-corridor")


def generate(folder, name, *args):
    path = os.path.join(folder, name)
    subprocess.run([GENERATE, *args, "--out", path], check=True)
    with open(path, encoding="utf-8") as f:
        return path, f.read()


def counts(text):
    """Nodes by prefix, trains a year (weekly days x 52), TEU a year by direction."""
    nodes = re.findall(r"^  - \{id: ([A-Z])[^,]*, name", text, re.M)
    trains = sum(52 * len(days.split(","))
                 for days in re.findall(r"schedule: \{days: \[([^\]]*)\]", text))
    west = east = 0.0
    for frm, teu in re.findall(r"from: (\w)[^,]*, to: [^,]*, volume: ([0-9.]+) TEU/yr", text):
        if frm == "O":
            west += float(teu)
        else:
            east += float(teu)
    return {k: nodes.count(k) for k in "OBGD"}, trains, west, east


def check(failures, what, ok):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def main():
    corsim = sys.argv[1]
    failures = []
    with tempfile.TemporaryDirectory() as d:
        args = ["--origins", "5", "--borders", "2", "--gateways", "1", "--destinations", "7",
                "--trains", "800", "--teu", "60000", "--seed", "3"]
        path, text = generate(d, "small.yaml", *args)
        nodes, trains, west, east = counts(text)
        check(failures, "5 origins, 2 x 2 border yards, 1 x 2 gateway yards, 7 destinations",
              nodes == {"O": 5, "B": 4, "G": 2, "D": 7})
        # Trains come in weekly steps of 52 a year: within one step of 800 in each direction.
        check(failures, f"trains a year {trains} within 2 x 52 of 800", abs(trains - 800) <= 104)
        check(failures, f"TEU a year {west + east:.0f} = 60000", abs(west + east - 60000) < 1)
        check(failures, f"60 % westbound ({west:.0f})", abs(west - 36000) < 1)
        check(failures, "the same bytes for the same seed",
              generate(d, "again.yaml", *args)[1] == text)
        check(failures, "another seed, another network",
              generate(d, "other.yaml", *args[:-1], "4")[1] != text)
        again = subprocess.run([GENERATE, *args, "--out", path], capture_output=True)
        check(failures, "an existing file is never replaced",
              again.returncode != 0 and open(path, encoding="utf-8").read() == text)
        check(failures, "corsim validate accepts it",
              subprocess.run([corsim, "validate", path], capture_output=True).returncode == 0)
        run = subprocess.run([corsim, "simulate", path, "--days", "60", "--warmup", "10",
                              "--replications", "1", "--format", "json", "-q"],
                             capture_output=True, text=True)
        delivered = 0
        if run.returncode == 0:
            doc = json.loads(run.stdout)
            delivered = sum(f["delivered_teu_per_year"]["mean"] for f in doc["flows"])
        check(failures, f"it simulates and delivers ({delivered:.0f} TEU in 60 days)",
              run.returncode == 0 and delivered > 0)

        path, text = generate(d, "national.yaml")
        nodes, trains, west, east = counts(text)
        check(failures, f"national defaults: {nodes['O']} origins, {nodes['B'] // 2} borders, "
              f"{nodes['D']} destinations, {trains} trains, {west + east:.0f} TEU",
              nodes["O"] >= 100 and nodes["B"] >= 12 and nodes["D"] >= 200
              and abs(trains - 17500) <= 104 and abs(west + east - 1.9e6) < 10 and east > 0)
        check(failures, "corsim validates the national network",
              subprocess.run([corsim, "validate", path], capture_output=True).returncode == 0)
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
