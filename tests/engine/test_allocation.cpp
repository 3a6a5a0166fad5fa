// Counts heap allocations to check that the kernel and processes allocate nothing per event in
// steady state. Replaces the global operator new/delete for this test program.
#include "corsim/process.hpp"
#include "corsim/random.hpp"
#include "corsim/resource.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<long> allocations{0};
}

// Every non-aligned form is replaced, so that new and delete always pair malloc with free.
void *operator new(std::size_t n) {
  ++allocations;
  if (void *p = std::malloc(n ? n : 1))
    return p;
  throw std::bad_alloc();
}
void *operator new[](std::size_t n) { return ::operator new(n); }
void *operator new(std::size_t n, const std::nothrow_t &) noexcept {
  ++allocations;
  return std::malloc(n ? n : 1);
}
void *operator new[](std::size_t n, const std::nothrow_t &t) noexcept {
  return ::operator new(n, t);
}
void operator delete(void *p) noexcept { std::free(p); }
void operator delete[](void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }
void operator delete[](void *p, std::size_t) noexcept { std::free(p); }
void operator delete(void *p, const std::nothrow_t &) noexcept { std::free(p); }
void operator delete[](void *p, const std::nothrow_t &) noexcept { std::free(p); }

using namespace corsim;

namespace {
struct Hold {
  Engine eng;
  RandomStream rng{3};
  void fire() {
    eng.schedule_in(to_ticks(exponential(rng, 1.0)), [this] { fire(); });
  }
};

Process holder(RandomStream &rng, Resource &r) {
  for (;;) {
    auto lock = co_await r.acquire();
    co_await delay(to_ticks(exponential(rng, 1.0)));
  }
}
} // namespace

TEST_CASE("scheduled callbacks allocate nothing per event in steady state",
          "[engine][kernel][allocation]") {
  Hold h;
  for (int i = 0; i < 1000; ++i)
    h.eng.schedule_at(to_ticks(exponential(h.rng, 1.0)), [p = &h] { p->fire(); });
  h.eng.run_until(to_ticks(20.0)); // warm-up: pools and vectors reach their size
  const long before = allocations.load();
  h.eng.run_until(to_ticks(120.0)); // about 100,000 events
  CHECK(h.eng.events_run() > 100000);
  CHECK(allocations.load() == before);
}

TEST_CASE("processes waiting and sharing a resource allocate nothing per wait",
          "[engine][process][allocation]") {
  Engine eng;
  RandomStream rng(4);
  Resource r(eng, 5);
  for (int i = 0; i < 50; ++i)
    spawn(eng, holder(rng, r));
  eng.run_until(to_ticks(100.0));
  const long before = allocations.load();
  const std::uint64_t events = eng.events_run();
  eng.run_until(to_ticks(1100.0));
  CHECK(eng.events_run() - events > 5000);
  CHECK(allocations.load() == before);
}
