// corsim engine benchmark: the hold model, M/M/1 and M/M/3 with corsim's process and resource
// API, and a bare binary-heap loop as the floor. Prints one line per case:
//   case  runs  median_s  min_s  events  events_per_s  result
// Usage: bench_engine [runs=5] [case...]    bench_engine --memory   (peak RSS, hold 100k)
#include "corsim/engine.hpp"
#include "corsim/process.hpp"
#include "corsim/random.hpp"
#include "corsim/resource.hpp"
#include "corsim/statistics.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <deque>
#include <fstream>
#include <functional>
#include <queue>
#include <string>
#include <vector>

using namespace corsim;

namespace {

// CPU time of this process, seconds: on a shared machine it is steadier than wall time, and the
// benchmarks are single-threaded, so it is the time the work took.
double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

struct Outcome {
  double seconds = 0.0;
  std::uint64_t events = 0;
  double result = 0.0; // a model output, printed so the work cannot be optimised away
};

double seconds_since(double t0) { return cpu_now() - t0; }

// Hold model (Vaucher & Duval): `pending` events; each event schedules one more at now + Exp(1).
struct Hold {
  Engine eng;
  RandomStream rng{1, 0, 0};
  std::uint64_t left = 0;
  void fire() {
    if (--left == 0)
      eng.stop();
    eng.schedule_in(to_ticks(exponential(rng, 1.0)), [this] { fire(); });
  }
};

Outcome hold(std::size_t pending, std::uint64_t events) {
  Hold h;
  h.eng.reserve(pending + 1);
  for (std::size_t i = 0; i < pending; ++i)
    h.eng.schedule_at(to_ticks(exponential(h.rng, 1.0)), [p = &h] { p->fire(); });
  h.left = events;
  const auto t0 = cpu_now();
  h.eng.run();
  return {seconds_since(t0), h.eng.events_run(), h.eng.time()};
}

// The same hold model on std::priority_queue of (time, id): the floor for the kernel.
Outcome hold_bare(std::size_t pending, std::uint64_t events) {
  using Ev = std::pair<Tick, std::uint64_t>;
  std::priority_queue<Ev, std::vector<Ev>, std::greater<>> q;
  RandomStream rng(1, 0, 0);
  std::uint64_t id = 0;
  for (std::size_t i = 0; i < pending; ++i)
    q.emplace(to_ticks(exponential(rng, 1.0)), id++);
  const auto t0 = cpu_now();
  Tick now = 0;
  for (std::uint64_t n = 0; n < events; ++n) {
    now = q.top().first;
    q.pop();
    q.emplace(now + to_ticks(exponential(rng, 1.0)), id++);
  }
  return {seconds_since(t0), events, to_time(now)};
}

// M/M/c with corsim processes: a source process spawns one process per customer, which
// acquires a server (Resource), holds it for its service and releases it.
struct QueueModel {
  QueueModel(int servers, double lambda, double mu)
      : server(eng, servers), lambda_(lambda), mu_(mu) {}
  Engine eng;
  Resource server;
  RandomStream arrivals{1, 0, 1};
  RandomStream service{1, 0, 2};
  Tally wait;
  double lambda_;
  double mu_;

  Process customer() {
    const Tick asked = eng.now();
    auto lock = co_await server.acquire();
    wait.add(to_time(eng.now() - asked));
    co_await delay(to_ticks(exponential(service, 1.0 / mu_)));
  }
  Process source(std::uint64_t n) {
    for (std::uint64_t i = 0; i < n; ++i) {
      spawn(eng, customer());
      co_await delay(to_ticks(exponential(arrivals, 1.0 / lambda_)));
    }
  }
};

Outcome mmc(int servers, std::uint64_t customers) {
  const auto t0 = cpu_now();
  QueueModel m(servers, 0.9 * servers, 1.0);
  spawn(m.eng, m.source(customers));
  m.eng.run();
  return {seconds_since(t0), m.eng.events_run(), m.wait.mean()};
}

// M/M/c with corsim's plain callbacks (the hot-path API): arrival and departure events on the
// Engine, a Resource taken with try_acquire(), waiting customers' arrival times in a deque.
struct CallbackModel {
  CallbackModel(int servers, double lambda) : server(eng, servers), lambda_(lambda) {}
  Engine eng;
  Resource server;
  RandomStream arrivals{1, 0, 1};
  RandomStream service{1, 0, 2};
  std::deque<Tick> waiting;
  Tally wait;
  std::uint64_t left = 0;
  double lambda_;

  void arrive() {
    if (--left > 0)
      eng.schedule_in(to_ticks(exponential(arrivals, 1.0 / lambda_)), [this] { arrive(); });
    if (server.try_acquire()) {
      wait.add(0.0);
      start_service();
    } else {
      waiting.push_back(eng.now());
    }
  }
  void start_service() {
    eng.schedule_in(to_ticks(exponential(service, 1.0)), [this] { depart(); });
  }
  void depart() {
    if (waiting.empty()) {
      server.release();
      return;
    }
    wait.add(to_time(eng.now() - waiting.front())); // the unit passes straight to the next
    waiting.pop_front();
    start_service();
  }
};

Outcome mmc_callbacks(int servers, std::uint64_t customers) {
  const auto t0 = cpu_now();
  CallbackModel m(servers, 0.9 * servers);
  m.left = customers;
  m.eng.schedule_at(0, [p = &m] { p->arrive(); });
  m.eng.run();
  return {seconds_since(t0), m.eng.events_run(), m.wait.mean()};
}

// M/M/c as a bare event loop: a binary heap of (time, kind) and counters, no engine.
Outcome mmc_bare(int servers, std::uint64_t customers) {
  const auto t0 = cpu_now();
  struct Ev {
    double t;
    int arrival;
    bool operator>(const Ev &o) const { return t > o.t; }
  };
  std::priority_queue<Ev, std::vector<Ev>, std::greater<>> q;
  RandomStream arrivals(1, 0, 1), service(1, 0, 2);
  const double lambda = 0.9 * servers;
  std::deque<double> waiting; // arrival times of queued customers
  int busy = 0;
  std::uint64_t arrived = 0, events = 0;
  Tally wait;
  q.push({0.0, 1});
  while (!q.empty()) {
    const Ev e = q.top();
    q.pop();
    ++events;
    if (e.arrival) {
      if (++arrived < customers)
        q.push({e.t + exponential(arrivals, 1.0 / lambda), 1});
      if (busy < servers) {
        ++busy;
        wait.add(0.0);
        q.push({e.t + exponential(service, 1.0), 0});
      } else {
        waiting.push_back(e.t);
      }
    } else if (!waiting.empty()) {
      wait.add(e.t - waiting.front());
      waiting.pop_front();
      q.push({e.t + exponential(service, 1.0), 0});
    } else {
      --busy;
    }
  }
  return {seconds_since(t0), events, wait.mean()};
}

struct Case {
  const char *name;
  std::function<Outcome()> run;
};

std::vector<Case> cases() {
  return {
      {"hold_1k", [] { return hold(1000, 2'000'000); }},
      {"hold_100k", [] { return hold(100'000, 2'000'000); }},
      {"hold_1k_bare", [] { return hold_bare(1000, 2'000'000); }},
      {"hold_100k_bare", [] { return hold_bare(100'000, 2'000'000); }},
      {"mm1_1M", [] { return mmc(1, 1'000'000); }},
      {"mm1_1M_callbacks", [] { return mmc_callbacks(1, 1'000'000); }},
      {"mm1_1M_bare", [] { return mmc_bare(1, 1'000'000); }},
      {"mm3_1M", [] { return mmc(3, 1'000'000); }},
      {"mm3_1M_bare", [] { return mmc_bare(3, 1'000'000); }},
  };
}

long peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0)
      return std::atol(line.c_str() + 6);
  return -1;
}

void run_case(const Case &c, int runs) {
  std::vector<double> t;
  Outcome last;
  for (int i = 0; i < runs; ++i) {
    last = c.run();
    t.push_back(last.seconds);
  }
  std::sort(t.begin(), t.end());
  const double median = t[t.size() / 2];
  std::printf("%-16s %3d %10.4f %10.4f %10llu %12.0f %12.6g\n", c.name, runs, median, t.front(),
              static_cast<unsigned long long>(last.events),
              static_cast<double>(last.events) / median, last.result);
  std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv) {
  if (argc > 1 && std::strcmp(argv[1], "--memory") == 0) {
    const long before = peak_rss_kib();
    const Outcome o = hold(100'000, 2'000'000);
    std::printf("hold_100k peak RSS: %ld KiB (process), %ld KiB before the model; %.4f s\n",
                peak_rss_kib(), before, o.seconds);
    return 0;
  }
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  std::printf("%-16s %3s %10s %10s %10s %12s %12s\n", "case", "n", "median_s", "min_s", "events",
              "events_per_s", "result");
  for (const Case &c : cases()) {
    bool wanted = argc <= 2;
    for (int i = 2; i < argc; ++i)
      wanted = wanted || c.name == std::string(argv[i]);
    if (wanted)
      run_case(c, runs);
  }
  return 0;
}
