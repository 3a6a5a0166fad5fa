#!/usr/bin/python3
"""SimPy peer for the engine benchmark: M/M/1 and M/M/3 at rho = 0.9, 1,000,000 customers,
written with SimPy's process and resource API (Debian's python3-simpy is SimPy 2.3.1, whose
API is SimPy.Simulation: Process, Resource, yield hold/request/release).

Usage: simpy_peer.py [runs=5] [customers=1000000]
Prints: case runs median_s min_s events events_per_s result
"""
import random
import sys
import time

from SimPy.Simulation import Process, Resource, activate, hold, initialize, now, release, request, simulate


class Customer(Process):
    def visit(self, server, rng, stats):
        arrived = now()
        yield request, self, server
        stats[0] += now() - arrived
        yield hold, self, rng.expovariate(1.0)
        yield release, self, server


class Source(Process):
    def generate(self, n, lam, server, rng_a, rng_s, stats):
        for _ in range(n):
            c = Customer()
            activate(c, c.visit(server, rng_s, stats))
            yield hold, self, rng_a.expovariate(lam)


def mmc(servers, customers):
    t0 = time.process_time()
    initialize()
    server = Resource(capacity=servers)
    stats = [0.0]
    src = Source()
    activate(src, src.generate(customers, 0.9 * servers, server, random.Random(1), random.Random(2), stats))
    simulate(until=1e18)
    return time.process_time() - t0, stats[0] / customers


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    customers = int(sys.argv[2]) if len(sys.argv) > 2 else 1000000
    import SimPy
    print("# SimPy %s, Python %s" % (getattr(SimPy, "__version__", "2.3.1"), sys.version.split()[0]))
    for name, servers in (("simpy_mm1_1M", 1), ("simpy_mm3_1M", 3)):
        times, wait = [], 0.0
        for _ in range(runs):
            t, wait = mmc(servers, customers)
            times.append(t)
        times.sort()
        med = times[len(times) // 2]
        print("%-16s %3d %10.4f %10.4f %10s %12s %12.6g" % (name, runs, med, times[0], "-", "-", wait))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
