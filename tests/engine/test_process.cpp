#include "corsim/process.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

using namespace corsim;

namespace {
Process ticker(Signal &stop, int &ticks) {
  while (!stop.triggered()) {
    co_await delay(to_ticks(1.0));
    ++ticks;
  }
}

Process waiter(Signal &s, std::vector<std::string> &log, std::string name) {
  co_await s;
  log.push_back(name);
}

Process sleeper(Tick dt, std::vector<std::string> &log, std::string name) {
  co_await delay(dt);
  log.push_back(name);
}
} // namespace

TEST_CASE("a process waits durations in straight-line code", "[engine][process]") {
  Engine eng;
  Signal stop(eng);
  int ticks = 0;
  spawn(eng, ticker(stop, ticks));
  stop.trigger_at(to_ticks(10.5));
  eng.run();
  CHECK(ticks == 11);
  CHECK(eng.time() == 11.0);
}

TEST_CASE("a signal wakes all its waiters in the order they began waiting", "[engine][process]") {
  Engine eng;
  Signal s(eng);
  std::vector<std::string> log;
  spawn(eng, waiter(s, log, "a"));
  spawn(eng, waiter(s, log, "b"));
  eng.schedule_at(5, [&] { s.succeed(); });
  eng.run();
  CHECK(log == std::vector<std::string>{"a", "b"});
  CHECK(eng.now() == 5);
  spawn(eng, waiter(s, log, "late")); // already triggered: passes at once
  eng.run();
  CHECK(log.back() == "late");
}

TEST_CASE("any_of returns the first signal and all_of waits for every one", "[engine][process]") {
  Engine eng;
  Signal a(eng), b(eng), c(eng);
  std::size_t first = 99;
  Tick all_done = -1;
  auto any = [&]() -> Process { first = co_await any_of(a, b, c); };
  auto all = [&]() -> Process {
    co_await all_of(a, b, c);
    all_done = eng.now();
  };
  spawn(eng, any());
  spawn(eng, all());
  b.trigger_at(5);
  a.trigger_at(7);
  c.trigger_at(9);
  eng.run();
  CHECK(first == 1);
  CHECK(all_done == 9);
}

TEST_CASE("an interrupt cancels the current wait and throws in the process", "[engine][process]") {
  Engine eng;
  std::vector<std::string> log;
  auto worker = [&]() -> Process {
    try {
      co_await delay(100);
      log.push_back("finished");
    } catch (const Interrupted &e) {
      log.push_back("interrupted " + std::to_string(e.cause()) + " at " +
                    std::to_string(eng.now()));
    }
    co_await delay(5);
    log.push_back("resumed at " + std::to_string(eng.now()));
  };
  ProcessRef ref = spawn(eng, worker());
  eng.schedule_at(30, [&] { CHECK(ref.interrupt(7)); });
  eng.run();
  CHECK(log == std::vector<std::string>{"interrupted 7 at 30", "resumed at 35"});
  CHECK_FALSE(ref.alive());
  CHECK_FALSE(ref.interrupt(1));
  CHECK(eng.pending() == 0);
}

TEST_CASE("an interrupt while waiting on a signal detaches from the signal", "[engine][process]") {
  Engine eng;
  Signal s(eng);
  bool caught = false;
  auto p = [&]() -> Process {
    try {
      co_await s;
    } catch (const Interrupted &) {
      caught = true;
    }
  };
  ProcessRef ref = spawn(eng, p());
  eng.schedule_at(3, [&] { ref.interrupt(); });
  eng.run();
  CHECK(caught);
  CHECK_FALSE(s.has_waiters());
}

TEST_CASE("a process can wait for another to finish", "[engine][process]") {
  Engine eng;
  std::vector<std::string> log;
  ProcessRef child = spawn(eng, sleeper(40, log, "child"));
  auto parent = [&]() -> Process {
    co_await child.done();
    log.push_back("parent at " + std::to_string(eng.now()));
    co_await child.done(); // finished: passes at once
    log.push_back("again");
  };
  spawn(eng, parent());
  eng.run();
  CHECK(log == std::vector<std::string>{"child", "parent at 40", "again"});
}

TEST_CASE("an exception escaping a process stops the run and is rethrown", "[engine][process]") {
  Engine eng;
  auto bad = [&]() -> Process {
    co_await delay(3);
    throw std::runtime_error("boom");
  };
  spawn(eng, bad());
  eng.schedule_at(10, [] {});
  CHECK_THROWS_WITH(eng.run(), "boom");
  CHECK(eng.now() == 3);
}

TEST_CASE("a process failing before its first wait fails the next run", "[engine][process]") {
  Engine eng;
  bool later_ran = false;
  eng.schedule_at(5, [&] { later_ran = true; });
  auto bad = []() -> Process {
    throw std::runtime_error("at once");
    co_return;
  };
  spawn(eng, bad());
  CHECK_THROWS_WITH(eng.run(), "at once");
  CHECK_FALSE(later_ran);
  eng.run(); // the failure was reported once; the run goes on
  CHECK(later_ran);
}

TEST_CASE("destroying the engine destroys suspended processes", "[engine][process]") {
  int destroyed = 0;
  struct Flag {
    int *n;
    ~Flag() { ++*n; }
  };
  {
    Engine eng;
    Signal never(eng);
    auto p = [&destroyed, &never]() -> Process {
      Flag f{&destroyed};
      co_await never;
    };
    spawn(eng, p());
    spawn(eng, p());
    eng.run();
    CHECK(destroyed == 0);
  }
  CHECK(destroyed == 2);
}

TEST_CASE("processes started at the same time run in spawn order", "[engine][process]") {
  Engine eng;
  std::vector<std::string> log;
  spawn(eng, sleeper(0, log, "a"));
  spawn(eng, sleeper(0, log, "b"));
  spawn(eng, sleeper(0, log, "c"));
  eng.run();
  CHECK(log == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("a process that ends after an interrupted wait is freed safely", "[engine][process]") {
  for (const bool run_to_end : {true, false}) {
    Engine eng;
    int finished = 0;
    auto p = [&]() -> Process {
      try {
        co_await delay(100);
      } catch (const Interrupted &) {
      }
      ++finished; // ends at once: its stale wake at t = 100 is still queued
    };
    ProcessRef ref = spawn(eng, p());
    eng.schedule_at(30, [&] { ref.interrupt(); });
    if (run_to_end) {
      eng.run();
      CHECK(eng.now() == 30); // the stale wake is not an event
    } else {
      eng.run_until(50); // the engine is destroyed with the stale wake still queued
    }
    CHECK(finished == 1);
    CHECK(eng.pending() == 0);
    CHECK_FALSE(ref.alive());
  }
}

TEST_CASE("spawn_at starts a process later and spawn starts it at once", "[engine][process]") {
  Engine eng;
  std::vector<std::string> log;
  auto p = [&](std::string name) -> Process {
    log.push_back(name + "@" + std::to_string(eng.now()));
    co_await delay(1);
  };
  spawn_at(eng, 20, p("later"));
  spawn(eng, p("now"));
  CHECK(log == std::vector<std::string>{"now@0"}); // ran to its first wait inside spawn()
  eng.run();
  CHECK(log == std::vector<std::string>{"now@0", "later@20"});
}
