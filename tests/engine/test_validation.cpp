// The engine against queueing theory: simulated means must fall inside their confidence
// interval around the analytic value, and the intervals must be tight.
#include "corsim/analytic.hpp"
#include "corsim/random.hpp"
#include "corsim/resource.hpp"
#include "corsim/statistics.hpp"

#include <catch2/catch.hpp>

#include <deque>
#include <functional>
#include <vector>

using namespace corsim;

namespace {
using Sampler = std::function<double(RandomStream &)>;

/// A network of FIFO multi-server stations; external Poisson arrivals enter station 0.
struct NetworkSpec {
  double lambda = 1.0;
  std::vector<int> servers;
  std::vector<Sampler> service;
  std::vector<std::vector<double>> routing; // routing[i][j]; the rest leaves
  std::uint64_t warmup = 0;                 // customers ignored at the start
  std::uint64_t customers = 0;              // customers measured after the warm-up
};

struct RunResult {
  double wait = 0.0;      // mean total wait in queues per customer
  double sojourn = 0.0;   // mean time in the network per customer
  double in_system = 0.0; // time-average number in the network (after warm-up)
};

struct Run {
  Run(const NetworkSpec &s, std::uint64_t seed, std::uint64_t rep)
      : spec(s), arrivals(seed, rep, 0), routing(seed, rep, 1) {
    for (std::size_t i = 0; i < s.servers.size(); ++i) {
      stations.emplace_back(eng, s.servers[i]);
      service.emplace_back(seed, rep, 10 + i);
    }
  }
  Engine eng;
  const NetworkSpec &spec;
  RandomStream arrivals;
  RandomStream routing;
  std::deque<Resource> stations;
  std::deque<RandomStream> service;
  Tally wait, sojourn;
  TimeWeighted in_system;
  std::uint64_t finished = 0;

  std::size_t next_station(std::size_t from) {
    double u = routing.uniform01();
    for (std::size_t j = 0; j < spec.routing[from].size(); ++j)
      if ((u -= spec.routing[from][j]) < 0.0)
        return j;
    return SIZE_MAX;
  }
  Process customer(std::uint64_t index) {
    const Tick born = eng.now();
    in_system.add(born, 1.0);
    double waited = 0.0;
    for (std::size_t st = 0; st != SIZE_MAX; st = next_station(st)) {
      const Tick asked = eng.now();
      auto lock = co_await stations[st].acquire();
      waited += to_time(eng.now() - asked);
      co_await delay(to_ticks(spec.service[st](service[st])));
    }
    in_system.add(eng.now(), -1.0);
    if (index >= spec.warmup) {
      wait.add(waited);
      sojourn.add(to_time(eng.now() - born));
    }
    if (++finished == spec.warmup)
      in_system.reset(eng.now());
    if (finished == spec.warmup + spec.customers)
      eng.stop();
  }
  Process source() {
    for (std::uint64_t i = 0;; ++i) {
      spawn(eng, customer(i));
      co_await delay(to_ticks(exponential(arrivals, 1.0 / spec.lambda)));
    }
  }
  RunResult run() {
    spawn(eng, source());
    eng.run();
    return {wait.mean(), sojourn.mean(), in_system.mean(eng.now())};
  }
};

struct Estimates {
  ConfidenceInterval wait, sojourn, in_system;
};

Estimates replicate(const NetworkSpec &spec, int replications, std::uint64_t seed) {
  Tally w, s, l;
  for (int r = 0; r < replications; ++r) {
    Run run(spec, seed, static_cast<std::uint64_t>(r));
    const RunResult res = run.run();
    w.add(res.wait);
    s.add(res.sojourn);
    l.add(res.in_system);
  }
  return {confidence_interval(w, 0.99), confidence_interval(s, 0.99), confidence_interval(l, 0.99)};
}

Sampler exp_service(double mu) {
  return [mu](RandomStream &r) { return exponential(r, 1.0 / mu); };
}

void check_inside(const ConfidenceInterval &ci, double theory, double max_relative) {
  INFO("simulated " << ci.mean << " +- " << ci.half_width << " (99%), theory " << theory);
  CHECK(ci.contains(theory));
  CHECK(ci.half_width <= max_relative * theory);
}
} // namespace

TEST_CASE("M/M/1 at rho 0.5 matches theory", "[engine][validation]") {
  NetworkSpec spec{0.5, {1}, {exp_service(1.0)}, {{0.0}}, 2000, 40000};
  const Estimates e = replicate(spec, 10, 101);
  const QueueMetrics q = mm1(0.5, 1.0);
  check_inside(e.wait, q.wq, 0.04);
  check_inside(e.sojourn, q.w, 0.03);
  check_inside(e.in_system, q.l, 0.04);
}

TEST_CASE("M/M/1 at rho 0.9 matches theory", "[engine][validation]") {
  NetworkSpec spec{0.9, {1}, {exp_service(1.0)}, {{0.0}}, 5000, 100000};
  const Estimates e = replicate(spec, 16, 102);
  const QueueMetrics q = mm1(0.9, 1.0);
  check_inside(e.wait, q.wq, 0.06);
  check_inside(e.in_system, q.l, 0.06);
}

TEST_CASE("M/M/3 at rho 0.9 matches Erlang C", "[engine][validation]") {
  NetworkSpec spec{2.7, {3}, {exp_service(1.0)}, {{0.0}}, 5000, 100000};
  const Estimates e = replicate(spec, 12, 103);
  const QueueMetrics q = mmc(2.7, 1.0, 3);
  check_inside(e.wait, q.wq, 0.06);
  check_inside(e.in_system, q.l, 0.04);
}

TEST_CASE("M/D/1 matches Pollaczek-Khinchine", "[engine][validation]") {
  const Sampler fixed = [](RandomStream &) { return 1.0; };
  NetworkSpec spec{0.8, {1}, {fixed}, {{0.0}}, 2000, 60000};
  const Estimates e = replicate(spec, 10, 104);
  const QueueMetrics q = md1(0.8, 1.0);
  check_inside(e.wait, q.wq, 0.04);
  check_inside(e.sojourn, q.w, 0.03);
}

TEST_CASE("M/G/1 with lognormal service matches Pollaczek-Khinchine", "[engine][validation]") {
  // Service: lognormal with mean 1 and standard deviation 1.2 (scv 1.44).
  const Sampler logn = [](RandomStream &r) { return lognormal(r, 1.0, 1.2); };
  NetworkSpec spec{0.7, {1}, {logn}, {{0.0}}, 2000, 80000};
  const Estimates e = replicate(spec, 12, 105);
  const QueueMetrics q = mg1(0.7, 1.0, 1.44);
  check_inside(e.wait, q.wq, 0.05);
  check_inside(e.sojourn, q.w, 0.04);
}

TEST_CASE("a tandem line of three stations matches the sum of its M/M/1 stations",
          "[engine][validation]") {
  NetworkSpec spec{0.6,
                   {1, 1, 1},
                   {exp_service(1.2), exp_service(1.0), exp_service(0.8)},
                   {{0, 1, 0}, {0, 0, 1}, {0, 0, 0}},
                   2000,
                   50000};
  const Estimates e = replicate(spec, 10, 106);
  const double theory = mm1(0.6, 1.2).w + mm1(0.6, 1.0).w + mm1(0.6, 0.8).w;
  check_inside(e.sojourn, theory, 0.04);
  JacksonNetwork net{{0.6, 0, 0}, {{0, 1, 0}, {0, 0, 1}, {0, 0, 0}}, {1.2, 1.0, 0.8}, {1, 1, 1}};
  CHECK(solve(net).mean_sojourn == Approx(theory));
}

TEST_CASE("a three-station Jackson network with feedback matches its traffic equations",
          "[engine][validation]") {
  // 0 -> 1 (0.6) or 2 (0.4); 1 -> 2; 2 -> back to 0 with 0.25, else out.
  const std::vector<std::vector<double>> routing{{0, 0.6, 0.4}, {0, 0, 1}, {0.25, 0, 0}};
  JacksonNetwork net{{0.75, 0, 0}, routing, {0.6, 1.0, 1.5}, {2, 1, 1}};
  const JacksonSolution theory = solve(net);
  REQUIRE(theory.stable);
  NetworkSpec spec{0.75,    {2, 1, 1}, {exp_service(0.6), exp_service(1.0), exp_service(1.5)},
                   routing, 2000,      50000};
  const Estimates e = replicate(spec, 10, 107);
  check_inside(e.sojourn, theory.mean_sojourn, 0.04);
  check_inside(e.in_system, theory.mean_in_system, 0.05);
}

TEST_CASE("the same seed gives bit-identical results", "[engine][validation][determinism]") {
  NetworkSpec spec{0.9, {2}, {exp_service(0.5)}, {{0.0}}, 100, 5000};
  Run a(spec, 77, 3), b(spec, 77, 3), c(spec, 77, 4);
  const RunResult ra = a.run(), rb = b.run(), rc = c.run();
  CHECK(ra.wait == rb.wait); // exact equality, not approximate
  CHECK(ra.sojourn == rb.sojourn);
  CHECK(ra.in_system == rb.in_system);
  CHECK(a.eng.now() == b.eng.now());
  CHECK(a.eng.events_run() == b.eng.events_run());
  CHECK(ra.wait != rc.wait);
}

namespace {
// M/M/1 with two classes and a non-preemptive priority queue: returns the mean waits.
std::pair<double, double> priority_run(std::uint64_t seed, std::uint64_t rep, std::uint64_t n) {
  Engine eng;
  Resource server(eng, 1, Resource::Discipline::ByPriority);
  RandomStream arrivals(seed, rep, 0), service(seed, rep, 1), classes(seed, rep, 2);
  Tally wait[2];
  const std::uint64_t warmup = n / 20;
  auto customer = [&](int cls, std::uint64_t index) -> Process {
    const Tick asked = eng.now();
    auto lock = co_await server.acquire(static_cast<Priority>(cls));
    if (index >= warmup)
      wait[cls].add(to_time(eng.now() - asked));
    co_await delay(to_ticks(exponential(service, 1.0)));
  };
  auto source = [&]() -> Process {
    for (std::uint64_t i = 0; i < n; ++i) {
      spawn(eng, customer(classes.uniform01() < 0.3 / 0.8 ? 0 : 1, i));
      co_await delay(to_ticks(exponential(arrivals, 1.0 / 0.8)));
    }
  };
  spawn(eng, source());
  eng.run();
  return {wait[0].mean(), wait[1].mean()};
}
} // namespace

TEST_CASE("a two-class priority queue matches Cobham's formula", "[engine][validation]") {
  // lambda 0.3 (urgent) + 0.5, mu 1: W0 = sum lambda_i E[S^2] / 2 = 0.8;
  // Wq1 = W0 / (1 - rho1) = 8/7; Wq2 = W0 / ((1 - rho1)(1 - rho)) = 0.8 / (0.7 * 0.2).
  Tally w1, w2;
  for (std::uint64_t r = 0; r < 12; ++r) {
    const auto [a, b] = priority_run(108, r, 80000);
    w1.add(a);
    w2.add(b);
  }
  check_inside(confidence_interval(w1, 0.99), 0.8 / 0.7, 0.04);
  check_inside(confidence_interval(w2, 0.99), 0.8 / (0.7 * 0.2), 0.06);
}
