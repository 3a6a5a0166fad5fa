#include "corsim/engine.hpp"
#include "corsim/error.hpp"
#include "corsim/observer.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace corsim;

TEST_CASE("the clock converts model time to ticks and back exactly at 1e-6", "[engine][clock]") {
  CHECK(to_ticks(1.0) == 1'000'000);
  CHECK(to_ticks(Hours(2.5)) == 2'500'000);
  CHECK(to_ticks(0.0000004) == 0);
  CHECK(to_ticks(0.0000005) == 1);
  CHECK(to_ticks(-1.5) == -1'500'000);
  CHECK(to_time(3'250'000) == 3.25);
  CHECK(to_hours(to_ticks(Hours(7.0))).value() == 7.0);
}

TEST_CASE("events run in time order, then priority, then insertion order", "[engine][kernel]") {
  Engine eng;
  std::string log;
  eng.schedule_at(20, [&] { log += "c"; });
  eng.schedule_at(10, [&] { log += "b"; });
  eng.schedule_at(
      10, [&] { log += "a"; }, priority_urgent);
  eng.schedule_at(
      10, [&] { log += "d"; }, priority_late);
  eng.schedule_at(10, [&] { log += "x"; });
  eng.schedule_at(5, [&] { log += "0"; });
  eng.run();
  CHECK(log == "0abxdc");
  CHECK(eng.now() == 20);
  CHECK(eng.events_run() == 6);
}

TEST_CASE("many same-time events keep their insertion order", "[engine][kernel]") {
  Engine eng;
  std::vector<int> order;
  for (int i = 0; i < 1000; ++i)
    eng.schedule_at(7, [&order, i] { order.push_back(i); });
  eng.run();
  REQUIRE(order.size() == 1000);
  for (int i = 0; i < 1000; ++i)
    CHECK(order[static_cast<std::size_t>(i)] == i);
}

TEST_CASE("a cancelled event does not run and cannot be cancelled twice", "[engine][kernel]") {
  Engine eng;
  int ran = 0;
  const EventId a = eng.schedule_in(5, [&] { ran += 1; });
  const EventId b = eng.schedule_in(6, [&] { ran += 10; });
  CHECK(eng.pending() == 2);
  CHECK(eng.is_pending(a));
  CHECK(eng.cancel(a));
  CHECK_FALSE(eng.cancel(a));
  CHECK_FALSE(eng.is_pending(a));
  CHECK(eng.pending() == 1);
  eng.run();
  CHECK(ran == 10);
  CHECK_FALSE(eng.cancel(b)); // already ran
  CHECK_FALSE(eng.cancel(EventId{}));
}

TEST_CASE("a stale id does not cancel the event that reuses its slot", "[engine][kernel]") {
  Engine eng;
  int ran = 0;
  const EventId a = eng.schedule_in(1, [&] { ++ran; });
  eng.run();
  const EventId b = eng.schedule_in(1, [&] { ++ran; });
  CHECK(a.slot == b.slot);
  CHECK_FALSE(eng.cancel(a));
  eng.run();
  CHECK(ran == 2);
}

TEST_CASE("run_until stops at the limit and moves the clock to it", "[engine][kernel]") {
  Engine eng;
  std::vector<Tick> seen;
  for (Tick t : {3, 10, 11, 30})
    eng.schedule_at(t, [&, t] { seen.push_back(t); });
  eng.run_until(10);
  CHECK(seen == std::vector<Tick>{3, 10});
  CHECK(eng.now() == 10);
  eng.run_until(20);
  CHECK(eng.now() == 20);
  CHECK(eng.step());
  CHECK(eng.now() == 30);
  CHECK_FALSE(eng.step());
}

TEST_CASE("stop ends run after the current event", "[engine][kernel]") {
  Engine eng;
  int ran = 0;
  eng.schedule_at(1, [&] {
    ++ran;
    eng.stop();
  });
  eng.schedule_at(2, [&] { ++ran; });
  eng.run();
  CHECK(ran == 1);
  eng.run();
  CHECK(ran == 2);
}

TEST_CASE("events scheduled from events and large callables work", "[engine][kernel]") {
  Engine eng;
  std::vector<double> big(100, 1.0); // captured by value: too large for the inline buffer
  double sum = 0;
  std::string text = "heap";
  eng.schedule_in(1, [&eng, &sum, big, text] {
    sum += static_cast<double>(big.size()) + static_cast<double>(text.size());
    eng.schedule_in(1, [&sum] { sum += 1; });
  });
  eng.run();
  CHECK(sum == 105.0);
  CHECK(eng.now() == 2);
}

TEST_CASE("scheduling in the past is refused", "[engine][kernel]") {
  Engine eng;
  eng.schedule_at(10, [] {});
  eng.run();
  CHECK_THROWS_AS(eng.schedule_at(5, [] {}), ApiMisuse);
}

TEST_CASE("an engine observer sees every executed event", "[engine][observer]") {
  Engine eng;
  TraceRecorder trace;
  eng.add_observer(trace);
  for (int i = 0; i < 5; ++i)
    eng.schedule_in(i, [] {});
  const EventId c = eng.schedule_in(3, [] {});
  eng.cancel(c);
  eng.run();
  CHECK(trace.events_seen() == 5);
  eng.remove_observer(trace);
  eng.schedule_in(1, [] {});
  eng.run();
  CHECK(trace.events_seen() == 5);
}

TEST_CASE("a random schedule pops in the same order as a sorted reference", "[engine][kernel]") {
  Engine eng;
  std::vector<std::pair<Tick, int>> ran;
  std::uint64_t x = 12345;
  std::vector<EventId> ids;
  for (int i = 0; i < 5000; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    const Tick t = static_cast<Tick>((x >> 33) % 500);
    ids.push_back(eng.schedule_at(t, [&ran, t, i] { ran.emplace_back(t, i); }));
  }
  for (std::size_t i = 0; i < ids.size(); i += 7)
    eng.cancel(ids[i]);
  eng.run();
  CHECK(ran.size() == 5000 - (5000 + 6) / 7);
  for (std::size_t i = 1; i < ran.size(); ++i)
    REQUIRE(ran[i - 1] < ran[i]); // time, then insertion order
}
