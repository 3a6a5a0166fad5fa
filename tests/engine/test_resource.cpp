#include "corsim/observer.hpp"
#include "corsim/resource.hpp"
#include "corsim/store.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace corsim;

namespace {
struct Log {
  std::vector<std::string> lines;
  void add(const std::string &who, Tick t) { lines.push_back(who + "@" + std::to_string(t)); }
};

Process user(Engine &eng, Resource &r, Log &log, std::string name, Tick hold,
             Priority prio = priority_normal) {
  auto lock = co_await r.acquire(prio);
  log.add(name, eng.now());
  co_await delay(hold);
}
} // namespace

TEST_CASE("a resource serves requests first come first served", "[engine][resource]") {
  Engine eng;
  Resource r(eng, 2);
  Log log;
  for (const char *n : {"a", "b", "c", "d", "e"})
    spawn(eng, user(eng, r, log, n, 10));
  eng.run();
  CHECK(log.lines == std::vector<std::string>{"a@0", "b@0", "c@10", "d@10", "e@20"});
  CHECK(r.in_use() == 0);
  CHECK(r.queue_length() == 0);
}

TEST_CASE("a priority resource serves the most urgent waiting request first",
          "[engine][resource]") {
  Engine eng;
  Resource r(eng, 1, Resource::Discipline::ByPriority);
  Log log;
  spawn(eng, user(eng, r, log, "first", 10, 5));
  spawn(eng, user(eng, r, log, "low", 10, 5));
  spawn(eng, user(eng, r, log, "high", 10, 1));
  spawn(eng, user(eng, r, log, "high2", 10, 1));
  spawn(eng, user(eng, r, log, "mid", 10, 3));
  eng.run();
  CHECK(log.lines ==
        std::vector<std::string>{"first@0", "high@10", "high2@20", "mid@30", "low@40"});
}

TEST_CASE("capacity can change over time", "[engine][resource]") {
  Engine eng;
  Resource r(eng, 1);
  Log log;
  for (const char *n : {"a", "b", "c", "d"})
    spawn(eng, user(eng, r, log, n, 10));
  r.set_capacity_at(5, 3); // rise: b and c start at 5
  r.set_capacity_at(8, 1); // cut: d waits until no unit is in use
  eng.run();
  CHECK(log.lines == std::vector<std::string>{"a@0", "b@5", "c@5", "d@15"});
}

TEST_CASE("a calendar blocks a resource while it is closed", "[engine][resource][calendar]") {
  Engine eng;
  // Open 08:00-16:00 every day; epoch is a Monday.
  Calendar cal({WeeklyWindow{0x7f, 8.0, 16.0}}, {}, 0);
  Resource gate(eng, 1);
  gate.set_calendar(&cal);
  Log log;
  // Trucks arrive at 06:00, 10:00 and 15:30; each takes 1 h.
  for (double t : {6.0, 10.0, 15.5})
    eng.schedule_at(to_ticks(t), [&, t] {
      spawn(eng, user(eng, gate, log, std::to_string(static_cast<int>(t * 10)), to_ticks(1.0)));
    });
  // A fourth truck at 15:45 must wait for the next morning.
  eng.schedule_at(to_ticks(15.75),
                  [&] { spawn(eng, user(eng, gate, log, "late", to_ticks(1.0))); });
  eng.run();
  REQUIRE(log.lines.size() == 4);
  CHECK(log.lines[0] == "60@" + std::to_string(to_ticks(8.0)));
  CHECK(log.lines[1] == "100@" + std::to_string(to_ticks(10.0)));
  CHECK(log.lines[2] == "155@" + std::to_string(to_ticks(15.5)));
  CHECK(log.lines[3] == "late@" + std::to_string(to_ticks(32.0)));
}

TEST_CASE("a closure on a resource's calendar holds requests until it ends",
          "[engine][resource][calendar]") {
  Engine eng;
  Calendar cal({}, {TimeWindow{Hours(10.0), Hours(14.0)}}, 0); // always open but [10 h, 14 h)
  Resource border(eng, 2);
  border.set_calendar(&cal);
  Log log;
  eng.schedule_at(to_ticks(9.0), [&] { spawn(eng, user(eng, border, log, "a", to_ticks(3.0))); });
  eng.schedule_at(to_ticks(11.0), [&] { spawn(eng, user(eng, border, log, "b", 1)); });
  eng.schedule_at(to_ticks(12.0), [&] { spawn(eng, user(eng, border, log, "c", 1)); });
  eng.run();
  CHECK(log.lines == std::vector<std::string>{"a@" + std::to_string(to_ticks(9.0)),
                                              "b@" + std::to_string(to_ticks(14.0)),
                                              "c@" + std::to_string(to_ticks(14.0))});
}

TEST_CASE("an interrupted request leaves the queue", "[engine][resource]") {
  Engine eng;
  Resource r(eng, 1);
  Log log;
  spawn(eng, user(eng, r, log, "a", 10));
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
  spawn(eng, user(eng, r, log, "b", 10));
  eng.schedule_at(4, [&] {
    CHECK(r.queue_length() == 2);
    ref.interrupt();
  });
  eng.run();
  CHECK(caught);
  CHECK(log.lines == std::vector<std::string>{"a@0", "b@10"});
}

TEST_CASE("try_acquire and release give a callback-style resource", "[engine][resource]") {
  Engine eng;
  Resource r(eng, 1);
  CHECK(r.try_acquire());
  CHECK_FALSE(r.try_acquire());
  r.release();
  CHECK(r.available());
}

TEST_CASE("a collector measures utilisation, queue and waits from observations",
          "[engine][resource][observer]") {
  Engine eng;
  Resource r(eng, 1);
  ResourceCollector stats;
  r.observers().add(stats);
  Log log;
  spawn(eng, user(eng, r, log, "a", 10)); // 0-10
  spawn(eng, user(eng, r, log, "b", 10)); // waits 10, 10-20
  eng.run_until(40);
  CHECK(stats.busy.mean(40) == Approx(0.5));
  CHECK(stats.queue.mean(40) == Approx(10.0 / 40.0));
  CHECK(stats.wait.count() == 2);
  CHECK(stats.wait.mean() == Approx(to_time(10) / 2));
}

TEST_CASE("a container blocks gets until the level suffices and puts until room",
          "[engine][container]") {
  Engine eng;
  Container tank(eng, 100, 20);
  Log log;
  auto getter = [&](double amount, std::string name) -> Process {
    co_await tank.get(amount);
    log.add(name, eng.now());
  };
  auto putter = [&](Tick at, double amount, std::string name) -> Process {
    co_await delay(at);
    co_await tank.put(amount);
    log.add(name, eng.now());
  };
  spawn(eng, getter(50, "get50"));
  spawn(eng, getter(10, "get10")); // behind get50: strict FIFO
  spawn(eng, putter(5, 40, "put40"));
  spawn(eng, putter(6, 90, "put90")); // room only after 60 taken... level 60 after put40
  eng.run();
  CHECK(log.lines == std::vector<std::string>{"put40@5", "get50@5", "get10@5", "put90@6"});
  CHECK(tank.level() == 90.0);
}

TEST_CASE("a store hands out items in order and honours filters", "[engine][store]") {
  Engine eng;
  Store<int> yard(eng, 2);
  std::vector<std::string> log;
  auto taker = [&](std::string name, bool even_only) -> Process {
    const auto even = [](int x) { return x % 2 == 0; };
    int item = even_only ? co_await yard.get(even) : co_await yard.get();
    log.push_back(name + ":" + std::to_string(item) + "@" + std::to_string(eng.now()));
  };
  auto giver = [&](Tick at, int item) -> Process {
    co_await delay(at);
    co_await yard.put(item);
    log.push_back("put" + std::to_string(item) + "@" + std::to_string(eng.now()));
  };
  spawn(eng, taker("even", true));
  spawn(eng, giver(1, 3));
  spawn(eng, giver(2, 5));
  spawn(eng, giver(3, 7));         // store full (3, 5): waits
  spawn(eng, giver(4, 8));         // waits behind 7
  spawn(eng, taker("any", false)); // at 0: waits, takes 3 at 1
  eng.run_until(3);
  CHECK(yard.size() == 2);
  spawn(eng, taker("any2", false));
  eng.run();
  CHECK(log == std::vector<std::string>{"put3@1", "any:3@1", "put5@2", "put7@3", "any2:5@3",
                                        "put8@4", "even:8@4"});
  CHECK(yard.size() == 1);
  CHECK(yard.try_get() == 7);
  CHECK(yard.try_put(1));
}
