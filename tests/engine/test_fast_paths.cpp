// The engine's fast paths (inline resource grants and hand-overs, the intrusive process table,
// the frame pool, the inline completion signal) must behave exactly like the general paths.
#include "corsim/observer.hpp"
#include "corsim/process.hpp"
#include "corsim/random.hpp"
#include "corsim/resource.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <string>
#include <thread>
#include <vector>

using namespace corsim;

namespace {
struct Trace {
  std::vector<std::string> lines;
  void add(const std::string &what, Tick t) { lines.push_back(what + "@" + std::to_string(t)); }
};

Process customer(Engine &eng, Resource &r, Trace &log, int id, Tick hold) {
  const Tick asked = eng.now();
  auto lock = co_await r.acquire();
  log.add("start" + std::to_string(id) + "/waited" + std::to_string(eng.now() - asked), eng.now());
  co_await delay(hold);
  log.add("end" + std::to_string(id), eng.now());
}

// M/M/c-like run with random arrivals and holds; returns the trace.
std::vector<std::string> queue_run(int servers, bool observed, int customers) {
  Engine eng;
  Resource r(eng, servers);
  ResourceCollector stats(0);
  if (observed)
    r.observers().add(stats);
  Trace log;
  RandomStream a(7, 0, 1), s(7, 0, 2);
  Tick t = 0;
  for (int i = 0; i < customers; ++i) {
    t += to_ticks(exponential(a, 1.0));
    eng.schedule_at(t, [&eng, &r, &log, &s, i, servers] {
      spawn(eng, customer(eng, r, log, i, to_ticks(exponential(s, 0.9 * servers))));
    });
  }
  eng.run();
  // No Catch2 assertion here: the function also runs in several threads at once.
  log.add("in_use" + std::to_string(r.in_use()) + "/queue" + std::to_string(r.queue_length()),
          eng.now());
  return log.lines;
}
} // namespace

TEST_CASE("the resource's inline paths grant in the same order as the observed (general) path",
          "[engine][resource][fast]") {
  for (int servers : {1, 3}) {
    const auto quiet = queue_run(servers, false, 2000);
    const auto observed = queue_run(servers, true, 2000);
    CHECK(quiet.size() == 4001);
    CHECK(quiet.back().rfind("in_use0/queue0@", 0) == 0);
    CHECK(quiet == observed);
  }
}

TEST_CASE("a release after a capacity cut hands no unit over", "[engine][resource][fast]") {
  Engine eng;
  Resource r(eng, 2);
  Trace log;
  for (int i = 0; i < 4; ++i)
    spawn(eng, customer(eng, r, log, i, 10));
  eng.schedule_at(5, [&] { r.set_capacity(1); }); // 2 in use, 2 waiting
  eng.run();
  // At 10 both units come back; only one is handed over (in_use was above the new capacity).
  CHECK(log.lines == std::vector<std::string>{"start0/waited0@0", "start1/waited0@0", "end0@10",
                                              "end1@10", "start2/waited10@10", "end2@20",
                                              "start3/waited20@20", "end3@30"});
}

TEST_CASE("an interrupt withdraws a request queued by the inline path",
          "[engine][resource][fast]") {
  Engine eng;
  Resource r(eng, 1);
  Trace log;
  spawn(eng, customer(eng, r, log, 0, 10));
  bool caught = false;
  auto impatient = [&]() -> Process {
    try {
      auto lock = co_await r.acquire();
      log.add("impatient", eng.now());
    } catch (const Interrupted &) {
      caught = true;
    }
  };
  ProcessRef ref = spawn(eng, impatient());
  spawn(eng, customer(eng, r, log, 2, 10));
  CHECK(r.queue_length() == 2);
  eng.schedule_at(3, [&] { CHECK(ref.interrupt(1)); });
  eng.run();
  CHECK(caught);
  CHECK(log.lines ==
        std::vector<std::string>{"start0/waited0@0", "end0@10", "start2/waited10@10", "end2@20"});
}

TEST_CASE("process references stay exact while the process table recycles its slots",
          "[engine][process][fast]") {
  Engine eng;
  std::vector<ProcessRef> refs;
  auto short_lived = [](Tick dt) -> Process { co_await delay(dt); };
  // Far more processes than one growth step of the table, finishing in waves, so that slots
  // are reused many times.
  for (int i = 0; i < 1000; ++i)
    refs.push_back(spawn(eng, short_lived(1 + i % 7)));
  for (const ProcessRef &r : refs)
    CHECK(r.alive());
  eng.run_until(3);
  for (int i = 0; i < 1000; ++i)
    CHECK(refs[i].alive() == (1 + i % 7 > 3));
  // New processes take the freed slots; the old references must not see them.
  std::vector<ProcessRef> more;
  for (int i = 0; i < 500; ++i)
    more.push_back(spawn(eng, short_lived(100)));
  for (int i = 0; i < 1000; ++i) {
    CHECK(refs[i].alive() == (1 + i % 7 > 3));
    if (!refs[i].alive()) {
      CHECK_FALSE(refs[i].interrupt());
      CHECK(refs[i].done().triggered());
    }
  }
  for (const ProcessRef &r : more)
    CHECK(r.alive());
  eng.run();
  for (const ProcessRef &r : more)
    CHECK_FALSE(r.alive());
}

TEST_CASE("the completion signal wakes waiters and passes later waits", "[engine][process][fast]") {
  Engine eng;
  std::vector<std::string> log;
  auto worker = [&]() -> Process {
    co_await delay(5);
    log.push_back("worker done@" + std::to_string(eng.now()));
  };
  ProcessRef w = spawn(eng, worker());
  auto watcher = [&](std::string name) -> Process {
    co_await w.done();
    log.push_back(name + "@" + std::to_string(eng.now()));
  };
  spawn(eng, watcher("a"));
  spawn(eng, watcher("b"));
  eng.run();
  spawn(eng, watcher("late")); // the process has finished: passes at once
  CHECK(log == std::vector<std::string>{"worker done@5", "a@5", "b@5", "late@5"});
}

TEST_CASE("frames of different sizes are pooled and reused safely", "[engine][process][fast]") {
  Engine eng;
  long sum = 0;
  auto small = [&](int v) -> Process {
    co_await delay(1);
    sum += v;
  };
  auto large = [&](int v) -> Process {
    std::array<long, 100> big{}; // a larger frame (another size class)
    big[static_cast<std::size_t>(v % 100)] = v;
    co_await delay(2);
    for (long x : big)
      sum += x;
  };
  auto huge = [&](int v) -> Process {
    std::array<long, 600> big{}; // beyond the pooled classes: plain new/delete
    big[static_cast<std::size_t>(v % 600)] = v;
    co_await delay(3);
    for (long x : big)
      sum += x;
  };
  long expected = 0;
  for (int round = 0; round < 5; ++round) {
    for (int i = 0; i < 200; ++i) {
      spawn(eng, small(i));
      spawn(eng, large(i));
      spawn(eng, huge(i));
      expected += 3L * i;
    }
    eng.run();
  }
  CHECK(sum == expected);
}

TEST_CASE("engines in several threads use their own frame pools", "[engine][process][fast]") {
  // Each thread runs its own replication (frames are pooled per thread and given back when the
  // thread ends); every thread must get the single-threaded result.
  const auto reference = queue_run(2, false, 500);
  std::vector<std::vector<std::string>> results(4);
  std::vector<std::thread> threads;
  for (auto &r : results)
    threads.emplace_back([&r] { r = queue_run(2, false, 500); });
  for (std::thread &t : threads)
    t.join();
  for (const auto &r : results)
    CHECK(r == reference);
}
