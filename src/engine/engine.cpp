#include "corsim/engine.hpp"

#include "corsim/error.hpp"
#include "corsim/observer.hpp"
#include "corsim/process.hpp"

#include <algorithm>

namespace corsim {

Engine::~Engine() { destroy_processes(); }

// Finished frames still named by stale wake entries are freed when their last entry is
// dropped; then every suspended process is destroyed.
void Engine::destroy_processes() {
  tearing_down_ = true;
  const auto drop = [](const Entry &e) {
    if (e.key & 1)
      ProcessPromise::drop_wake(ProcessPromise::from_frame(e.payload));
  };
  for (std::size_t i = fifo_head_; i < now_fifo_.size(); ++i)
    drop(now_fifo_[i]);
  for (const Entry &e : heap_)
    drop(e);
  heap_.clear();
  now_fifo_.clear();
  for (ProcessSlot &slot : processes_)
    if (slot.promise) {
      void *p = std::exchange(slot.promise, nullptr);
      ProcessHandle::from_promise(*static_cast<ProcessPromise *>(p)).destroy();
    }
}

void Engine::reserve(std::size_t n) {
  heap_.reserve(n);
  while ((chunks_.size() << chunk_bits) < n)
    chunks_.push_back(std::make_unique<Slot[]>(std::size_t{1} << chunk_bits));
}

void Engine::throw_past() { throw ApiMisuse("Engine::schedule_at: time is in the past"); }

std::uint32_t Engine::acquire_slot() {
  if (free_head_ != UINT32_MAX) {
    const std::uint32_t s = free_head_;
    free_head_ = slot_at(s).next_free;
    return s;
  }
  if (slot_count_ == (chunks_.size() << chunk_bits))
    chunks_.push_back(std::make_unique<Slot[]>(std::size_t{1} << chunk_bits));
  return slot_count_++;
}

void Engine::release_slot(std::uint32_t s) {
  Slot &slot = slot_at(s);
  slot.fn.reset();
  ++slot.generation;
  slot.next_free = free_head_;
  free_head_ = s;
}

bool Engine::is_pending(EventId id) const {
  if (id.slot >= slot_count_)
    return false;
  const Slot &slot = slot_at(id.slot);
  return slot.generation == id.generation && static_cast<bool>(slot.fn);
}

bool Engine::cancel(EventId id) {
  if (!is_pending(id))
    return false;
  release_slot(id.slot); // the queued entry goes stale and is skipped when reached
  --live_;
  return true;
}

void Engine::EntryBuffer::grow(std::size_t n) {
  std::unique_ptr<Entry[]> bigger(new Entry[n]);
  if (size_ > 0)
    std::memcpy(bigger.get(), data_.get(), size_ * sizeof(Entry));
  data_ = std::move(bigger);
  capacity_ = n;
}

// The loop's helpers are forced inline into run(), run_until() and step(): the event loop is
// then one function whose state stays in registers across events.
#define CORSIM_HOT_INLINE [[gnu::always_inline]] inline

CORSIM_HOT_INLINE Engine::Entry Engine::pop_top() {
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
    o->on_event(e.time, (e.key & 1) ? EventId{}
                                    : EventId{static_cast<std::uint32_t>(e.payload),
                                              static_cast<std::uint32_t>(e.payload >> 32)});
}

// Takes the next entry (smaller of the same-time FIFO head and the heap top) if its time is
// <= limit.
CORSIM_HOT_INLINE bool Engine::take_next(Tick limit, Entry &out) {
  const bool fifo = fifo_head_ < now_fifo_.size();
  if (fifo && (heap_.empty() || !before(heap_[0], now_fifo_[fifo_head_]))) {
    if (now_fifo_[fifo_head_].time > limit)
      return false;
    out = now_fifo_[fifo_head_++];
    if (fifo_head_ == now_fifo_.size()) {
      now_fifo_.clear();
      fifo_head_ = 0;
    }
    return true;
  }
  if (heap_.empty() || heap_[0].time > limit)
    return false;
  out = pop_top();
  return true;
}

// Resumes the coroutine of a wake entry if its promise still wants it.
CORSIM_HOT_INLINE bool Engine::run_wake(const Entry &e) {
  ProcessPromise &p = ProcessPromise::from_frame(e.payload);
  if (!p.accept_wake(e.key))
    return false;
  --live_;
  now_ = e.time;
  ++executed_;
  if (!observers_.empty())
    notify(e);
  ProcessHandle::from_promise(p).resume();
  return true;
}

// Runs the first live event with time <= limit; false if there is none. A callback runs in
// place (slots never move); its slot is recycled afterwards.
CORSIM_HOT_INLINE bool Engine::run_one(Tick limit) {
  Entry e;
  while (take_next(limit, e)) {
    if (e.key & 1) {
      if (run_wake(e))
        return true;
      continue;
    }
    const auto s = static_cast<std::uint32_t>(e.payload);
    Slot &slot = slot_at(s);
    if (slot.generation != static_cast<std::uint32_t>(e.payload >> 32))
      continue;        // cancelled
    ++slot.generation; // no longer pending: cancel() of this id is now a no-op
    --live_;
    now_ = e.time;
    ++executed_;
    if (!observers_.empty())
      notify(e);
    slot.fn();
    slot.fn.reset();
    slot.next_free = free_head_;
    free_head_ = s;
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
  rethrow_if_failed(); // e.g. from a process that failed inside spawn()
  stopped_ = false;
  const bool ran = run_one(tick_max);
  rethrow_if_failed();
  return ran;
}

void Engine::run() {
  rethrow_if_failed();
  stopped_ = false;
  while (!stopped_ && run_one(tick_max)) {
  }
  rethrow_if_failed();
}

void Engine::run_until(Tick t) {
  rethrow_if_failed();
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

// Adds a batch of free process slots (ids stay stable: the vector only grows).
void Engine::grow_processes() {
  const std::size_t old = processes_.size();
  const std::size_t n = std::max<std::size_t>(64, old);
  processes_.resize(old + n);
  for (std::size_t i = old + n; i-- > old;) {
    processes_[i].next_free = free_process_;
    free_process_ = static_cast<std::uint32_t>(i);
  }
}

} // namespace corsim
