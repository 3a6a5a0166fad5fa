#!/usr/bin/env python3
"""Runs every example study on a short horizon and checks its key result.

Usage: examples/check_examples.py CORSIM [--days N] [--warmup N] [--replications N] [STUDY...]

Each study's scenarios run with `corsim simulate FILE --format json` on a short horizon (default
60 days after 10 days of warm-up, 3 replications, seed 1: all scenarios share random numbers),
and each study states the direction of its key result and why. Only large effects are checked,
so that the checks hold on any seed and a short run, not just on the numbers in the READMEs.
Exit status 0 when every check holds, 1 otherwise. Needs python3 only.
"""

import argparse
import hashlib
import json
import pathlib
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent


def est(x):
    """The mean of an estimate ({mean, half_width, n}) or 0 when there is none."""
    return 0.0 if x is None else float(x["mean"])


def flow(r, fid):
    for f in r["flows"]:
        if f["flow"] == fid:
            return f
    raise KeyError(f"no flow {fid}")


def wait(r, fid, cause):
    return est(flow(r, fid)["wait_hours_by_cause"].get(cause))


def transit_days(r, fid):
    return est(flow(r, fid)["transit_hours"]["mean"]) / 24.0


def facility(r, node, kind):
    for f in r["facilities"]:
        if f.get("node") == node and f["kind"] == kind:
            return f
    raise KeyError(f"no {kind} at {node}")


def service(r, sid):
    for s in r["services"]:
        if s["service"] == sid:
            return s
    raise KeyError(f"no service {sid}")


def total_backlog(r):
    return sum(est(f["backlog_teu"]) for f in r["flows"])


def held_teu_hours(r, cause):
    """Hours per box waiting for `cause` times TEU delivered a year, summed over all flows."""
    return sum(est(f["wait_hours_by_cause"].get(cause)) * est(f["delivered_teu_per_year"])
               for f in r["flows"])


# Each study: its folder, its scenario files, and checks: (statement, why, function of the
# results by file name returning (holds, the numbers)).
STUDIES = {
    "customs-parity": (["base.yaml", "parity.yaml"], [
        ("customs hours of CCX-DUI-containers fall by more than 1 h",
         "Zabaikalsk's clearance goes from triangular(1 h, 2 h, 6 h) to the Chinese "
         "triangular(10 min, 30 min, 2 h), ~2 h less per train, and inspections from 4–12 h to 2–6 h",
         lambda r: (wait(r["parity.yaml"], "CCX-DUI-containers", "customs"),
                    wait(r["base.yaml"], "CCX-DUI-containers", "customs"),
                    lambda a, b: a < b - 1.0)),
        ("customs hours of CCX-BRE-vehicles (via Nizhneleninskoye) fall",
         "the same parity at Nizhneleninskoye on the 长同欧, whose single customs lane also queues "
         "less behind the Russian bulk trains",
         lambda r: (wait(r["parity.yaml"], "CCX-BRE-vehicles", "customs"),
                    wait(r["base.yaml"], "CCX-BRE-vehicles", "customs"),
                    lambda a, b: a < b - 0.5)),
    ]),
    "cto-three-a-week": (["base.yaml", "three-a-week.yaml"], [
        ("CTO runs at least 5x as many trains",
         "every two weeks (26/yr) -> three a week (156/yr)",
         lambda r: (est(service(r["three-a-week.yaml"], "CTO")["departures_per_year"]),
                    est(service(r["base.yaml"], "CTO")["departures_per_year"]),
                    lambda a, b: a > 5 * b)),
        ("CTO's load factor falls by more than half",
         "six times the trains, and most Brest and Moscow boxes keep to the other trains (the "
         "长满欧 takes ~16–19 d to Brest against the 长同欧's ~26–32 d)",
         lambda r: (est(service(r["three-a-week.yaml"], "CTO")["load_factor"]),
                    est(service(r["base.yaml"], "CTO")["load_factor"]),
                    lambda a, b: a < b * 0.5)),
    ]),
    "slavyanka-second-berth": (["base.yaml", "second-berth.yaml"], [
        ("the berth utilisation at SLA falls by at least a third",
         "the same calls (the weekly feeder to Ningbo and the one back) spread over two berths",
         lambda r: (est(facility(r["second-berth.yaml"], "SLA", "berths")["utilisation"]),
                    est(facility(r["base.yaml"], "SLA", "berths")["utilisation"]),
                    lambda a, b: a <= b * 0.67)),
        ("HUN-NGB's transit changes by less than 0.5 d",
         "two calls a week never wait for a berth: the berth is not the bottleneck",
         lambda r: (transit_days(r["second-berth.yaml"], "HUN-NGB"),
                    transit_days(r["base.yaml"], "HUN-NGB"),
                    lambda a, b: abs(a - b) < 0.5)),
    ]),
    "manzhouli-closure": (["base.yaml", "closed.yaml", "announced.yaml"], [
        ("CCX-DUI-containers wait more than 12 h on average at the closed border",
         "every 长满欧 train reaching Manzhouli in the ten days waits until it reopens, and every "
         "Duisburg box rides the 长满欧 (most of them from Changchun through Manzhouli)",
         lambda r: (wait(r["closed.yaml"], "CCX-DUI-containers", "closed"),
                    wait(r["base.yaml"], "CCX-DUI-containers", "closed"),
                    lambda a, b: a > b + 12.0)),
        ("CCX-DUI-containers' mean transit rises by more than 0.3 d",
         "the closure's wait, then the queue for the Manzhouli–Zabaikalsk paths while the held "
         "trains (mostly other provinces') cross, and train sets back late",
         lambda r: (transit_days(r["closed.yaml"], "CCX-DUI-containers"),
                    transit_days(r["base.yaml"], "CCX-DUI-containers"),
                    lambda a, b: a > b + 0.3)),
        ("announced 14 days ahead, the closure holds fewer TEU-hours at the closed border",
         "bookings in the two weeks' notice see it and some Moscow boxes take the 长珲欧 "
         "instead (all flows together: the Duisburg boxes have no way around)",
         lambda r: (held_teu_hours(r["announced.yaml"], "closed"),
                    held_teu_hours(r["closed.yaml"], "closed"),
                    lambda a, b: a < b)),
    ]),
    "demand-plus-50": (["base.yaml", "plus-50.yaml"], [
        ("TEU delivered per year over all flows rises by more than 20%",
         "1.5x the demand, and the corridor still carries most of it",
         lambda r: (sum(est(f["delivered_teu_per_year"]) for f in r["plus-50.yaml"]["flows"]),
                    sum(est(f["delivered_teu_per_year"]) for f in r["base.yaml"]["flows"]),
                    lambda a, b: a > 1.2 * b)),
        ("TEU-hours queued at the top bottleneck at least double",
         "queueing grows faster than the load near capacity",
         lambda r: (r["plus-50.yaml"]["bottlenecks"][0]["delay_teu_hours_per_year"],
                    r["base.yaml"]["bottlenecks"][0]["delay_teu_hours_per_year"],
                    lambda a, b: a > 2 * b)),
    ]),
    "ecommerce-to-tir": (["base.yaml", "to-tir.yaml"], [
        ("TIR e-commerce to Moscow delivered at least doubles",
         "its volume goes from 100 to 300 TEU/yr",
         lambda r: (est(flow(r["to-tir.yaml"], "CCX-MOW-tir-ecommerce")["delivered_teu_per_year"]),
                    est(flow(r["base.yaml"], "CCX-MOW-tir-ecommerce")["delivered_teu_per_year"]),
                    lambda a, b: a > 2 * b)),
        ("rail e-commerce to Moscow delivered falls by more than a third",
         "its volume goes from 400 to 200 TEU/yr",
         lambda r: (est(flow(r["to-tir.yaml"], "CCX-MOW-ecommerce")["delivered_teu_per_year"]),
                    est(flow(r["base.yaml"], "CCX-MOW-ecommerce")["delivered_teu_per_year"]),
                    lambda a, b: a < b * 0.67)),
        ("the TIR e-commerce rides the TIR trucks to Moscow, not the trains",
         "base.yaml fixes its route (route_shares) to TIR-CCX-VVO + TIR-VVO-MOW",
         lambda r: (sum(est(route["share"]) for route in
                        flow(r["to-tir.yaml"], "CCX-MOW-tir-ecommerce")["routes"]
                        if "TIR-VVO-MOW" in route["services"]), 0.99,
                    lambda a, b: a > b)),
    ]),
    "tongjiang-bridge": (["base.yaml", "growth.yaml", "growth-double-track.yaml",
                          "growth-second-transfer-track.yaml"], [
        ("under growth the gauge-change tracks at TJG are at least 1.3x as busy",
         "a train a day each way instead of every two weeks, with 4x the Brest boxes (the tracks "
         "lift per TEU, and many Brest boxes still take the faster 长满欧)",
         lambda r: (est(facility(r["growth.yaml"], "TJG", "gauge-change tracks")["utilisation"]),
                    est(facility(r["base.yaml"], "TJG", "gauge-change tracks")["utilisation"]),
                    lambda a, b: a > 1.3 * b)),
        ("a second transfer track does not raise the trains' wait for a track at TJG",
         "a second track can only shorten the wait for one (per train; a flow's mean per box "
         "also moves with the boxes that re-plan onto or off the route)",
         lambda r: (est(facility(r["growth-second-transfer-track.yaml"], "TJG",
                                 "gauge-change tracks")["mean_wait_hours"]),
                    est(facility(r["growth.yaml"], "TJG", "gauge-change tracks")["mean_wait_hours"]),
                    lambda a, b: a <= b)),
        ("doubling the bridge's track changes CCX-BRE-vehicles' transit by less than 0.5 d",
         "the 长同欧 each way and ~4 Russian bulk trains a day, ~6 trains on a 30-minute "
         "single-track section, keep it ~12% busy: trains rarely meet",
         lambda r: (transit_days(r["growth-double-track.yaml"], "CCX-BRE-vehicles"),
                    transit_days(r["growth.yaml"], "CCX-BRE-vehicles"),
                    lambda a, b: abs(a - b) < 0.5)),
    ]),
    "winter": (["base.yaml", "winter.yaml"], [
        ("HUN-NGB's boxes spend more than 6 h in weather delays",
         "every sailing in the ice season takes triangular(0 h, 12 h, 48 h) more (mean 20 h)",
         lambda r: (wait(r["winter.yaml"], "HUN-NGB", "weather"),
                    wait(r["base.yaml"], "HUN-NGB", "weather"),
                    lambda a, b: a > b + 6.0)),
        ("CCX-MOW-containers wait at the closed terminal during the Spring Festival",
         "Changchun Xinglong loads no trains for a week: boxes ready then wait for it to reopen",
         lambda r: (wait(r["winter.yaml"], "CCX-MOW-containers", "closed")
                    + wait(r["winter.yaml"], "CCX-MOW-containers", "departure"),
                    wait(r["base.yaml"], "CCX-MOW-containers", "closed")
                    + wait(r["base.yaml"], "CCX-MOW-containers", "departure"),
                    lambda a, b: a > b + 6.0)),
    ]),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corsim", help="the corsim binary")
    ap.add_argument("studies", nargs="*", help="study folders to run (default: all)")
    ap.add_argument("--days", default="60")
    ap.add_argument("--warmup", default="10")
    ap.add_argument("--replications", default="3")
    ap.add_argument("--seed", default="1")
    args = ap.parse_args()
    names = args.studies or list(STUDIES)
    start = time.monotonic()
    cache = {}  # identical scenario files (the studies' base.yaml) run once
    failures = 0
    for name in names:
        files, checks = STUDIES[name]
        results = {}
        for f in files:
            path = HERE / name / f
            key = hashlib.sha256(path.read_bytes()).hexdigest() if f == "base.yaml" else str(path)
            if key not in cache:
                cmd = [args.corsim, "-q", "simulate", str(path), "--days", args.days,
                       "--warmup", args.warmup, "--replications", args.replications,
                       "--seed", args.seed, "--format", "json"]
                p = subprocess.run(cmd, capture_output=True, text=True)
                if p.returncode != 0:
                    print(f"FAIL {name}/{f}: exit {p.returncode}\n{p.stderr}")
                    failures += 1
                    cache[key] = None
                else:
                    cache[key] = json.loads(p.stdout)
            results[f] = cache[key]
        if any(v is None for v in results.values()):
            continue
        for statement, why, check in checks:
            try:
                whatif, base, holds = check(results)
                ok = holds(whatif, base)
            except (KeyError, IndexError, TypeError) as e:
                print(f"FAIL {name}: {statement}: missing result {e}")
                failures += 1
                continue
            print(f"{'ok  ' if ok else 'FAIL'} {name}: {statement} ({whatif:.4g} vs {base:.4g}): "
                  f"{why}")
            failures += not ok
    print(f"check_examples: {'FAILED' if failures else 'ok'} "
          f"({len(names)} studies, {time.monotonic() - start:.1f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
