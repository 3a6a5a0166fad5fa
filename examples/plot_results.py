#!/usr/bin/env python3
"""Loads the tidy results.csv of `corsim simulate --out DIR` and plots one chart: each flow's
mean transit time (days) per replication, with the mean across replications.

It uses only the csv module to read (one row per scenario, replication, subject, measure; see
docs/outputs.md), so the same few lines work for pandas (`pd.read_csv(path)`) or R
(`read.csv(path)`). Plotting needs matplotlib (Debian: python3-matplotlib).

Usage: examples/plot_results.py DIR/results.csv OUT.png [MEASURE]   (default "transit mean")
"""

import csv
import statistics
import sys
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")  # files only: no display needed (CI, ssh)
import matplotlib.pyplot as plt  # noqa: E402


def load(path, measure):
    """{(scenario, subject): [values by replication]} for one measure, and its unit."""
    values, unit = defaultdict(list), ""
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["measure"] == measure and row["value"] != "":  # empty: no value
                values[(row["scenario"], row["subject"])].append(float(row["value"]))
                unit = row["unit"]
    return values, unit


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    measure = sys.argv[3] if len(sys.argv) == 4 else "transit mean"
    values, unit = load(sys.argv[1], measure)
    if not values:
        print(f"plot_results: no '{measure}' rows in {sys.argv[1]}", file=sys.stderr)
        return 1
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(values) + 1.5))
    for y, ((scenario, subject), v) in enumerate(sorted(values.items())):
        ax.scatter(v, [y] * len(v), color="#4e79a7", alpha=0.6,
                   label="replication" if y == 0 else None)
        ax.plot([statistics.mean(v)] * 2, [y - 0.3, y + 0.3], color="#e15759", linewidth=2,
                label="mean" if y == 0 else None)
    labels = [s if len({k[0] for k in values}) == 1 else f"{sc}: {s}" for sc, s in sorted(values)]
    ax.set_yticks(range(len(values)), labels)
    ax.set_xlabel(f"{measure} ({unit})")
    ax.legend(loc="best")
    fig.tight_layout()
    fig.savefig(sys.argv[2], dpi=100)
    print(f"plot_results: {len(values)} subjects plotted to {sys.argv[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
