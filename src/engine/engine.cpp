#include "corsim/engine.hpp"

#include "corsim/error.hpp"
#include "corsim/observer.hpp"
#include "corsim/process.hpp"

#include <algorithm>

namespace corsim {

namespace {
constexpr std::uint64_t seq_bits = 48;
constexpr std::uint64_t seq_mask = (std::uint64_t{1} << seq_bits) - 1;

std::uint64_t make_key(Priority p, std::uint64_t seq) {
  const auto biased = static_cast<std::uint64_t>(static_cast<std::int32_t>(p) + 32768);
  return (biased << seq_bits) | (seq & seq_mask);
}
} // namespace

Engine::~Engine() {
  tearing_down_ = true;
  for (auto &[promise, generation] : processes_)
    if (promise) {
      void *p = std::exchange(promise, nullptr);
      ProcessHandle::from_promise(*static_cast<ProcessPromise *>(p)).destroy();
    }
}

void Engine::reserve(std::size_t n) {
  heap_.reserve(n);
  slots_.reserve(n);
}

std::uint32_t Engine::acquire_slot() {
  if (free_head_ != UINT32_MAX) {
    const std::uint32_t s = free_head_;
    free_head_ = slots_[s].next_free;
    return s;
  }
  slots_.emplace_back();
  return static_cast<std::uint32_t>(slots_.size() - 1);
}

void Engine::release_slot(std::uint32_t s) {
  Slot &slot = slots_[s];
  slot.fn.reset();
  ++slot.generation;
  slot.next_free = free_head_;
  free_head_ = s;
}

EventId Engine::schedule_at(Tick t, EventFn fn, Priority p) {
  if (t < now_)
    throw ApiMisuse("Engine::schedule_at: time is in the past");
  const std::uint32_t s = acquire_slot();
  slots_[s].fn = std::move(fn);
  const std::uint32_t gen = slots_[s].generation;
  push(Entry{t, make_key(p, seq_++), s, gen});
  ++live_;
  return EventId{s, gen};
}

bool Engine::is_pending(EventId id) const {
  return id.slot < slots_.size() && slots_[id.slot].generation == id.generation &&
         static_cast<bool>(slots_[id.slot].fn);
}

bool Engine::cancel(EventId id) {
  if (!is_pending(id))
    return false;
  release_slot(id.slot); // the heap entry goes stale and is skipped when popped
  --live_;
  return true;
}

// 4-ary heap: children of i are 4i+1 .. 4i+4.
void Engine::push(const Entry &e) {
  heap_.push_back(e);
  std::size_t i = heap_.size() - 1;
  Entry *h = heap_.data();
  while (i > 0) {
    const std::size_t parent = (i - 1) / 4;
    if (!before(e, h[parent]))
      break;
    h[i] = h[parent];
    i = parent;
  }
  h[i] = e;
}

Engine::Entry Engine::pop_top() {
  Entry *h = heap_.data();
  const Entry top = h[0];
  const Entry last = h[heap_.size() - 1];
  heap_.pop_back();
  const std::size_t n = heap_.size();
  if (n == 0)
    return top;
  std::size_t i = 0;
  for (;;) {
    const std::size_t first = 4 * i + 1;
    if (first >= n)
      break;
    std::size_t best = first;
    const std::size_t end = std::min(first + 4, n);
    for (std::size_t c = first + 1; c < end; ++c)
      if (before(h[c], h[best]))
        best = c;
    if (!before(h[best], last))
      break;
    h[i] = h[best];
    i = best;
  }
  h[i] = last;
  return top;
}

void Engine::notify(const Entry &e) {
  for (EngineObserver *o : observers_)
    o->on_event(e.time, EventId{e.slot, e.generation});
}

// Runs the first live event with time <= limit; false if there is none.
bool Engine::run_one(Tick limit) {
  while (!heap_.empty()) {
    if (heap_[0].time > limit)
      return false;
    const Entry e = pop_top();
    Slot &slot = slots_[e.slot];
    if (slot.generation != e.generation)
      continue; // cancelled
    EventFn fn = std::move(slot.fn);
    release_slot(e.slot);
    --live_;
    now_ = e.time;
    ++executed_;
    if (!observers_.empty())
      notify(e);
    fn();
    return true;
  }
  return false;
}

void Engine::rethrow_if_failed() {
  if (failure_) {
    std::exception_ptr e = std::move(failure_);
    failure_ = nullptr;
    std::rethrow_exception(e);
  }
}

bool Engine::step() {
  stopped_ = false;
  const bool ran = run_one(tick_max);
  rethrow_if_failed();
  return ran;
}

void Engine::run() {
  stopped_ = false;
  while (!stopped_ && run_one(tick_max)) {
  }
  rethrow_if_failed();
}

void Engine::run_until(Tick t) {
  stopped_ = false;
  while (!stopped_ && run_one(t)) {
  }
  if (!stopped_ && t > now_)
    now_ = t;
  rethrow_if_failed();
}

void Engine::fail(std::exception_ptr e) {
  if (!failure_)
    failure_ = std::move(e);
  stopped_ = true;
}

void Engine::add_observer(EngineObserver &o) { observers_.push_back(&o); }

void Engine::remove_observer(EngineObserver &o) {
  observers_.erase(std::remove(observers_.begin(), observers_.end(), &o), observers_.end());
}

std::uint64_t Engine::register_process(void *promise) {
  std::uint32_t s;
  if (!free_processes_.empty()) {
    s = free_processes_.back();
    free_processes_.pop_back();
    processes_[s].first = promise;
  } else {
    processes_.emplace_back(promise, 1);
    s = static_cast<std::uint32_t>(processes_.size() - 1);
  }
  return (std::uint64_t{processes_[s].second} << 32) | s;
}

void Engine::unregister_process(std::uint64_t id) {
  const auto s = static_cast<std::uint32_t>(id);
  processes_[s].first = nullptr;
  ++processes_[s].second;
  free_processes_.push_back(s);
}

void *Engine::find_process_or_null(std::uint64_t id) const {
  const auto s = static_cast<std::uint32_t>(id);
  if (s >= processes_.size() || processes_[s].second != static_cast<std::uint32_t>(id >> 32))
    return nullptr;
  return processes_[s].first;
}

} // namespace corsim
