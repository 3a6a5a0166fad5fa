// ns-3 peer for the engine benchmark: the hold model and M/M/1 (1,000,000 customers, rho 0.9)
// with ns3::Simulator and its default scheduler (MapScheduler). Same random numbers as corsim
// (corsim::RandomStream), so only the event machinery differs.
// Usage: bench_engine_ns3 [runs=5]
#include "corsim/random.hpp"

#include <ns3/core-module.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <vector>

namespace {

// CPU time of this process, seconds: on a shared machine it is steadier than wall time, and the
// benchmarks are single-threaded, so it is the time the work took.
double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

struct Hold {
  corsim::RandomStream rng{1, 0, 0};
  std::uint64_t left = 0;
};
Hold *hold_state = nullptr;

void hold_fire() {
  if (--hold_state->left == 0)
    ns3::Simulator::Stop();
  ns3::Simulator::Schedule(ns3::Seconds(corsim::exponential(hold_state->rng, 1.0)), &hold_fire);
}

double hold(std::size_t pending, std::uint64_t events) {
  Hold h;
  hold_state = &h;
  for (std::size_t i = 0; i < pending; ++i)
    ns3::Simulator::Schedule(ns3::Seconds(corsim::exponential(h.rng, 1.0)), &hold_fire);
  h.left = events;
  const auto t0 = cpu_now();
  ns3::Simulator::Run();
  const double s = cpu_now() - t0;
  ns3::Simulator::Destroy();
  return s;
}

struct Mm1 {
  corsim::RandomStream arrivals{1, 0, 1};
  corsim::RandomStream service{1, 0, 2};
  std::deque<double> waiting;
  bool busy = false;
  std::uint64_t arrived = 0;
  std::uint64_t customers = 0;
  double wait_sum = 0.0;
};
Mm1 *mm = nullptr;

void departure();
void start_service() {
  ns3::Simulator::Schedule(ns3::Seconds(corsim::exponential(mm->service, 1.0)), &departure);
}
void arrival() {
  if (++mm->arrived < mm->customers)
    ns3::Simulator::Schedule(ns3::Seconds(corsim::exponential(mm->arrivals, 1.0 / 0.9)), &arrival);
  if (!mm->busy) {
    mm->busy = true;
    start_service();
  } else {
    mm->waiting.push_back(ns3::Simulator::Now().GetSeconds());
  }
}
void departure() {
  if (mm->waiting.empty()) {
    mm->busy = false;
    return;
  }
  mm->wait_sum += ns3::Simulator::Now().GetSeconds() - mm->waiting.front();
  mm->waiting.pop_front();
  start_service();
}

double mm1(std::uint64_t customers, double &mean_wait) {
  const auto t0 = cpu_now();
  Mm1 m;
  m.customers = customers;
  mm = &m;
  ns3::Simulator::ScheduleNow(&arrival);
  ns3::Simulator::Run();
  ns3::Simulator::Destroy();
  mean_wait = m.wait_sum / static_cast<double>(customers);
  return cpu_now() - t0;
}

template <class F> void report(const char *name, int runs, std::uint64_t events, F &&f) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i)
    t.push_back(f());
  std::sort(t.begin(), t.end());
  const double median = t[t.size() / 2];
  std::printf("%-16s %3d %10.4f %10.4f %10llu %12.0f\n", name, runs, median, t.front(),
              static_cast<unsigned long long>(events), static_cast<double>(events) / median);
  std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  std::printf("%-16s %3s %10s %10s %10s %12s\n", "case", "n", "median_s", "min_s", "events",
              "events_per_s");
  report("ns3_hold_1k", runs, 2'000'000, [] { return hold(1000, 2'000'000); });
  report("ns3_hold_100k", runs, 2'000'000, [] { return hold(100'000, 2'000'000); });
  double w = 0.0;
  report("ns3_mm1_1M", runs, 2'000'000, [&] { return mm1(1'000'000, w); });
  std::printf("# ns3_mm1_1M mean wait %.4f (theory 9)\n", w);
  return 0;
}
